/* The scene of a map: everything that will be painted, as plain data in page units.
 *
 * A scene is built from plain arrays (layout positions, a size value, a colour class and a name per
 * node, weighted edges) and a page, so it can be tested without igraph, cairo or a layout. Building
 * it fits the layout into the page minus margins, title and legend (keeping the aspect ratio),
 * sizes the nodes (VOSviewer: diameter ∝ max(16·w̃^0.5, 5), w̃ = value / mean), colours them with a
 * colour-blind-safe palette (Okabe–Ito) or a sequential one (viridis), keeps the strongest edges,
 * and places labels greedily, most important node first, where they overlap nothing. Text is
 * measured through a callback, so this module knows no font library: the render module provides a
 * measurer built on pango, tests provide a fake one.
 *
 * Units: page units are points (1/72 in) for PDF and SVG; a PNG maps them to pixels at dpi/72.
 * y grows downwards, as on the page. Everything is deterministic: same input, same scene. */
#ifndef COLLAB_SCENE_H
#define COLLAB_SCENE_H

#include "collab/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Labels are cut to this many characters (grapheme clusters), the last one being '…', unless
 * collab_scene_input.label_chars says otherwise. */
#define COLLAB_LABEL_MAX_CHARS 30
/* The smallest radius a node is drawn with, in points: below it a disc is a speck that
 * anti-aliasing turns into a faint smudge. */
#define COLLAB_SCENE_MIN_RADIUS 0.75

/* max_labels value meaning "as many as fit". */
#define COLLAB_LABELS_AUTO (-1L)
/* community value of legend items that stand for no single community. */
#define COLLAB_NO_COMMUNITY UINT32_MAX

/* Measures `text` (UTF-8, one line) at `font_size` page units: returns its advance width and
 * stores its line height in `*height`, both in page units. The height must be at least
 * `font_size` (label placement skips nodes where not even an empty one-em box fits before
 * measuring them). `ctx` is the measurer's own state. */
typedef double (*collab_measure_fn)(void *ctx, const char *text, double font_size, double *height);

typedef struct collab_rgba {
    double r, g, b, a; /* components in [0, 1]; a = 1 is opaque */
} collab_rgba;

typedef struct collab_box {
    double x, y; /* top-left corner */
    double w, h; /* width and height, >= 0 */
} collab_box;

typedef enum collab_theme {
    COLLAB_THEME_LIGHT = 0, /* white page, dark text */
    COLLAB_THEME_DARK       /* near-black page, light text */
} collab_theme;

typedef enum collab_color_mode {
    COLLAB_COLOR_COMMUNITY = 0, /* qualitative palette by community */
    COLLAB_COLOR_NUMERIC        /* sequential palette over a numeric value, with a colour bar */
} collab_color_mode;

typedef enum collab_edge_style {
    COLLAB_EDGES_STRAIGHT = 0, /* straight segments */
    COLLAB_EDGES_CURVED        /* quadratic curves bending towards the plot centre */
} collab_edge_style;

typedef enum collab_node_kind {
    COLLAB_NODE_PERSON = 0, /* drawn as a circle */
    COLLAB_NODE_PROJECT     /* drawn as a rounded square (bipartite maps) */
} collab_node_kind;

typedef enum collab_node_shape {
    COLLAB_MARK_CIRCLE = 0,    /* circle of `radius` */
    COLLAB_MARK_ROUNDED_SQUARE /* square of half-side 0.886 radius (the circle's area) */
} collab_node_shape;

/* A caption for one community in the legend, e.g. its three most central members. */
typedef struct collab_legend_entry {
    uint32_t community; /* community number */
    const char *text;   /* UTF-8 (borrowed during the build, copied) */
} collab_legend_entry;

/* What to draw. Arrays are borrowed for the duration of collab_scene_build and not kept. */
typedef struct collab_scene_input {
    size_t n_nodes;         /* nodes; ids are 0 .. n_nodes - 1 */
    const double *x, *y;    /* layout position per node, any units (finite) */
    const double *size;     /* size metric per node (>= 0; negative, NaN -> 0); NULL = equal */
    const char *size_label; /* name of the size metric for the legend ("degree"); NULL = none */
    collab_color_mode color_mode;      /* how nodes are coloured */
    const uint32_t *community;         /* COMMUNITY mode: community per node; NULL = one colour */
    const size_t *members;             /* COMMUNITY mode: how many members each node stands for
                                          (community-level maps), to decide which communities
                                          are big enough for a colour; NULL = 1 each */
    const char *category_title;        /* COMMUNITY mode: the legend's heading for the classes
                                          ("Roles"); NULL = "Communities" */
    bool every_category;               /* COMMUNITY mode: colour every class the palette can,
                                          however small (a few roles, not hundreds of
                                          communities); false = only those of 2% and more */
    const double *value;               /* NUMERIC mode: value per node (NaN -> grey) */
    const char *value_label;           /* NUMERIC mode: name of the value for the colour bar */
    const char *missing_label;         /* NUMERIC mode: legend caption of the grey nodes that
                                          have no value ("undated"); NULL = "no value" */
    const char *const *names;          /* UTF-8 name per node (NULL entry = ""); NULL = no labels */
    const uint8_t *kind;               /* collab_node_kind per node; NULL = all persons */
    const uint8_t *emphasis;           /* 1 = a node the map is about (ego, path): thick outline
                                          in the text colour, painted on top, labelled first;
                                          NULL = none */
    const double *opacity;             /* per node in [0, 1] (others clamped): below 1 the node
                                          is faded, painted first and never labelled; NULL = 1 */
    const uint8_t *unlabelled;         /* 1 = a node drawn as usual but never labelled (the
                                          small components of a packed band); NULL = none */
    long centre;                       /* node placed at the plot's centre (the fit stays
                                          symmetric around it); -1 = centre the layout's box.
                                          The legend's size samples leave the centre out; when
                                          it is the largest its value is written in the size
                                          heading instead ("Size: strength · centre 46") */
    size_t n_edges;                    /* edges */
    const uint32_t *edge_from;         /* first endpoint of each edge */
    const uint32_t *edge_to;           /* second endpoint of each edge */
    const double *edge_weight;         /* weight of each edge (> 0; other values -> 0); NULL = 1 */
    size_t max_edges;                  /* draw only the strongest ones; 0 = all */
    collab_edge_style edge_style;      /* straight or curved */
    double page_width, page_height;    /* page size in page units, each in [16, 100000] */
    double margin;                     /* blank border on each side, >= 0 */
    double font_scale;                 /* multiplies every font size (1 = labels from 9 pt), > 0 */
    collab_theme theme;                /* light or dark */
    const char *title;                 /* NULL or "" = none */
    const char *subtitle;              /* NULL or "" = none */
    const collab_legend_entry *legend; /* captions by community (others get "Community N") */
    size_t n_legend;                   /* entries in `legend` */
    bool show_legend;                  /* draw the legend column */
    bool legend_row;                   /* the legend goes under the title instead of in a column
                                          on the right: each section (colours, size, shapes) one
                                          row or more, its heading first and its items in a
                                          grid after it, the box only as big as its content */
    bool square_plot;                  /* the plot is made square by setting the page's height
                                          (page_height is then ignored): for figures that are
                                          round by nature, such as the rings of an ego map */
    long max_labels;                   /* labels wanted: N >= 0, or COLLAB_LABELS_AUTO */
    size_t label_chars;                /* longest label in characters (>= 2); default
                                          COLLAB_LABEL_MAX_CHARS */
    bool list_labels;                  /* names are lists ("A, B, C": community captions): a
                                          long one keeps whole names and says how many it left
                                          out ("A, B +1") instead of cutting a word,
                                          within 1.5 label_chars */
    collab_measure_fn measure;         /* text measurer (required) */
    void *measure_ctx;                 /* passed to `measure` */
} collab_scene_input;

typedef struct collab_scene_node {
    const char *name;        /* full UTF-8 name (points into the scene's name pool) */
    double x, y;             /* centre on the page */
    double radius;           /* radius (circle) or equal-area radius (square) */
    collab_rgba fill;        /* fill colour, opaque */
    collab_rgba stroke;      /* outline colour */
    double stroke_width;     /* outline width */
    collab_node_shape shape; /* circle or rounded square */
    uint32_t community;      /* community (COLLAB_NO_COMMUNITY in NUMERIC mode or without one) */
    double weight;           /* w̃ = size value / mean size value (1 when all equal) */
    double label_font;       /* font size its label has, or would have had */
    long label;              /* index into `labels`, or -1 when not labelled */
} collab_scene_node;

typedef struct collab_scene_edge {
    uint32_t from, to; /* node ids */
    double x0, y0;     /* start on the page (centre of `from`) */
    double x1, y1;     /* end on the page (centre of `to`) */
    bool curved;       /* quadratic curve through control point (cx, cy) */
    double cx, cy;     /* control point (the midpoint when straight) */
    double width;      /* line width */
    collab_rgba color; /* colour; `a` is the opacity, growing with the weight */
    double weight;     /* the input weight */
} collab_scene_edge;

/* One line of text: a title, a legend caption or a node label. */
typedef struct collab_scene_text {
    char *text;        /* UTF-8, owned by the scene */
    double x, y;       /* top-left of the text's logical extents */
    double font_size;  /* font size in page units */
    collab_rgba color; /* text colour */
    collab_box box;    /* area reserved for it: text extents plus padding for the halo */
} collab_scene_text;

typedef struct collab_scene_label {
    uint32_t node;       /* the node labelled */
    collab_scene_text t; /* text, position, box (labels never overlap each other's box) */
} collab_scene_label;

/* A leader line: a thin line from a node's disc to its label, drawn when the label had to be placed
 * away from the node because nothing around it had room. */
typedef struct collab_scene_leader {
    uint32_t node;     /* the node */
    double x0, y0;     /* start, on the edge of the node's disc */
    double x1, y1;     /* end, on the edge of the label's box */
    double width;      /* line width */
    collab_rgba color; /* colour */
} collab_scene_leader;

/* How readable and faithful a map is (collab/map_quality.h measures it). Counts are exact; the
 * three layout measures are sampled deterministically and are NaN when not measurable. */
typedef struct collab_scene_quality {
    size_t labels_placed;        /* labels written */
    size_t labels_requested;     /* named, visible nodes the placement tried (at most max_labels) */
    size_t leader_lines;         /* labels placed away from their node with a leader line */
    size_t label_overlaps;       /* pairs of label boxes that overlap */
    size_t labels_over_large;    /* labels covering the disc of another labelled node or of a node
                                    drawn taller than the label's text */
    size_t labels_over_small;    /* labels covering discs of small unlabelled nodes only */
    size_t hidden_nodes;         /* nodes more than half covered by a disc at least as large
                                    painted above them (specks under specks excepted) */
    size_t specks_sharing;       /* specks (discs at COLLAB_SCENE_MIN_RADIUS) more than half
                                    covered by another speck painted above them: big node maps
                                    show density there instead of separating every node */
    double neighbourhood;        /* mean share of a node's 10 nearest nodes on the page that are
                                    within 2 steps of it in the graph */
    size_t neighbourhood_sample; /* nodes it was averaged over */
    double separation;           /* mean distance between two members of one of the 10 largest
                                    communities / mean distance between members of two of them */
    double stress;               /* scale-normalised stress over sampled pairs (hop distances) */
    size_t stress_pairs;         /* pairs it was averaged over */
    double seconds;              /* time taken to measure */
    double map_seconds;          /* time taken to build the map (0 = unknown) */
} collab_scene_quality;

typedef struct collab_scene_marker {
    double x, y, radius;     /* centre and radius, as for nodes */
    collab_node_shape shape; /* circle or rounded square */
    collab_rgba fill;        /* fill */
    collab_rgba stroke;      /* outline */
    double stroke_width;     /* outline width */
} collab_scene_marker;

typedef enum collab_legend_item_kind {
    COLLAB_LEGEND_COMMUNITY = 0, /* a coloured community */
    COLLAB_LEGEND_OTHER,         /* the grey "other communities" */
    COLLAB_LEGEND_SIZE,          /* a reference circle of the size scale */
    COLLAB_LEGEND_SHAPE          /* the shape of a node kind (bipartite maps) */
} collab_legend_item_kind;

typedef struct collab_legend_item {
    collab_legend_item_kind kind; /* what it explains */
    uint32_t community;           /* COMMUNITY: its number; else COLLAB_NO_COMMUNITY */
    double value;                 /* SIZE: the size value the marker stands for; else 0 */
    collab_scene_marker marker;   /* swatch or reference marker */
    collab_scene_text caption;    /* its text */
} collab_legend_item;

/* Colour bar of a NUMERIC colouring: a horizontal gradient with its range written under it. */
typedef struct collab_colorbar {
    collab_box bar;             /* the gradient's rectangle */
    size_t n_stops;             /* gradient stops, evenly spaced from min (left) to max (right) */
    collab_rgba stops[11];      /* their colours */
    double min, max;            /* value range */
    collab_scene_text min_text; /* min, under the left end */
    collab_scene_text max_text; /* max, under the right end */
} collab_colorbar;

typedef struct collab_scene_legend {
    bool present;                /* false when nothing is drawn there */
    collab_box box;              /* the legend panel; no node or label goes into it */
    collab_rgba fill;            /* panel colour */
    collab_rgba border;          /* panel border colour */
    size_t n_headings;           /* section headings ("Communities", "Size: degree") */
    collab_scene_text *headings; /* owned */
    size_t n_items;              /* items, top to bottom */
    collab_legend_item *items;   /* owned */
    bool has_colorbar;           /* NUMERIC mode */
    collab_colorbar colorbar;    /* valid when has_colorbar */
} collab_scene_legend;

/* A card: a rounded panel holding lines of text, painted over the edges and under the nodes (the
 * project of each step in a path figure). */
typedef struct collab_scene_card {
    collab_box box;           /* the panel */
    collab_rgba fill;         /* panel colour */
    collab_rgba border;       /* panel border colour */
    uint32_t from, to;        /* the two nodes it stands between */
    size_t n_lines;           /* lines of text, top to bottom */
    collab_scene_text *lines; /* owned; every box lies inside `box` */
} collab_scene_card;

typedef struct collab_scene {
    double width, height;         /* page size */
    collab_rgba background;       /* page colour (also the label halo) */
    collab_rgba foreground;       /* main text colour */
    collab_box plot;              /* area node centres and discs were fitted into */
    collab_box label_area;        /* area every label box lies in (the page minus a thin border) */
    size_t n_nodes;               /* nodes, indexed by id */
    collab_scene_node *nodes;     /* owned */
    char *name_pool;              /* the nodes' names, back to back; owned */
    uint32_t *paint_order;        /* node ids, smallest first (the biggest end on top); owned */
    size_t n_edges;               /* edges drawn, weakest first */
    collab_scene_edge *edges;     /* owned */
    size_t n_labels;              /* labels, in placement order (most important first) */
    collab_scene_label *labels;   /* owned */
    bool has_title;               /* title present */
    collab_scene_text title;      /* title (valid when has_title) */
    bool has_title2;              /* the title's second line (a long title wraps) */
    collab_scene_text title2;     /* valid when has_title2 */
    bool has_subtitle;            /* subtitle present */
    collab_scene_text subtitle;   /* subtitle (valid when has_subtitle) */
    bool has_subtitle2;           /* the subtitle's second line (a long subtitle wraps) */
    collab_scene_text subtitle2;  /* valid when has_subtitle2 */
    collab_scene_legend legend;   /* legend panel */
    size_t n_leaders;             /* leader lines, one per label placed away from its node */
    collab_scene_leader *leaders; /* owned */
    size_t n_label_requests;      /* named, visible nodes the placement tried */
    bool has_quality;             /* `quality` was measured */
    collab_scene_quality quality; /* valid when has_quality */
    size_t n_obstacles;           /* boxes labels keep out of: title, subtitle, legend */
    collab_box *obstacles;        /* owned */
    double halo_width;            /* halo stroke width as a fraction of a label's font size */
    size_t n_cards;               /* cards (path figures); 0 for maps */
    collab_scene_card *cards;     /* owned */
} collab_scene;

/* Fills `in` with defaults: 1200 x 900 page, margin 24, font scale 1, light theme, legend on,
 * labels AUTO, straight edges, all edges; every array NULL and every count 0. */
void collab_scene_input_init(collab_scene_input *in);

/* Builds `out` (uninitialised on entry, initialised only on COLLAB_OK) from `in` (borrowed).
 *
 * Labels: nodes are ranked by size value (ties by lower id); each in turn gets a candidate box that
 * lies inside `label_area`, overlaps (or comes within 0.002 of) no obstacle and no label placed
 * before it, and covers neither the disc of a labelled node nor that of a node whose diameter
 * exceeds the text's height (the box's minus its padding): the first such candidate that covers no
 * other node's disc, else the first that covers only discs of small unlabelled nodes; no label when
 * there is none, and none for a node whose disc lies under a label placed before. A box is the
 * measured text plus 0.15·font on each side; with d = radius + 0.25·font and e = d/√2 the
 * candidates are, in order: right (left side at x + d, centred on y), left, above (bottom at y - d,
 * centred on x), below, then the boxes with a corner at (x ± e, y ± e): upper right, upper left,
 * lower right, lower left. The first 24 named, visible nodes in that order whose label fits nowhere
 * there try the same eight positions further out, with d = radius + (0.25 + 1.25·k)·font for k =
 * 1..4, and get a leader line from their disc to the label (`leaders`). Font size is font_scale ·
 * (9 + 4 · min(w̃, 16)^0.5). Nodes without a name get no label. Placement stops after `max_labels`
 * labels, so a node is never labelled instead of a more important one with room. The title and
 * subtitle wrap onto a second line (title2, subtitle2) at a " · " or a space when wider than the
 * page; only a second line still too wide is cut with '…'. The largest disc covers at most 2% of
 * the plot.
 * Errors: COLLAB_E_USAGE for a bad page, margin, font scale or missing measurer, COLLAB_E_INPUT
 * for a non-finite position or an edge endpoint out of range, COLLAB_E_NOMEM.
 * Time complexity: O((V + E) log(V + E)) plus the measurer's calls (one per candidate label). */
collab_status collab_scene_build(collab_scene *out, const collab_scene_input *in,
                                 collab_error *err);

/* Frees `s`; NULL-safe, safe on a zeroed scene, leaves it zeroed. */
void collab_scene_destroy(collab_scene *s);

/* Writes `s` to `f` as one JSON object for d3/sigma.js and geometry tests: page (width, height,
 * background), nodes by id (name, x, y, radius, color "#rrggbb", community or null, shape,
 * label index or null), edges in paint order (from, to, width, color, opacity, control point when
 * curved), labels (node, text, font_size, box x, y, w, h), title, subtitle and legend. Numbers are
 * rounded to 0.001; keys come in a fixed order. Returns COLLAB_E_IO when writing fails,
 * COLLAB_E_NOMEM. Time complexity: O(V + E + labels). */
collab_status collab_scene_write_json(FILE *f, const collab_scene *s, collab_error *err);

/* "#rrggbb" of `c` into `buf` (at least 8 bytes). */
void collab_rgba_hex(collab_rgba c, char buf[8]);

#endif
