/* The map of a network: from a graph, its metrics and communities to a collab_scene ready to
 * paint. Chooses the level (every node, or one bubble per community when there are too many to
 * label), colours nodes by community, role, year or a metric (roles and years come from the
 * credit facts, collab/credits.h), plans the discs, lays out (or takes the caller's positions)
 * and builds the scene. The query commands change it through collab_map_extras: ego emphasises
 * and centres a person, path fixes positions, slices warm-starts the layout and adds ghosts.
 * Nothing is printed: what a reader should be told (the level chosen) comes back in `notice`. */
#ifndef COLLAB_MAP_H
#define COLLAB_MAP_H

#include "collab/community.h"
#include "collab/error.h"
#include "collab/graph.h"
#include "collab/layout.h"
#include "collab/load.h"
#include "collab/metrics.h"
#include "collab/scene.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum collab_map_color {
    COLLAB_MAP_COLOR_COMMUNITY = 0, /* qualitative, by community */
    COLLAB_MAP_COLOR_NONE,          /* one colour */
    COLLAB_MAP_COLOR_YEAR,          /* numeric: mean year of the person's credits */
    COLLAB_MAP_COLOR_ROLE,          /* qualitative: the person's main role (credits.h) */
    COLLAB_MAP_COLOR_METRIC         /* numeric: a metric */
} collab_map_color;

typedef enum collab_map_level {
    COLLAB_MAP_LEVEL_AUTO = 0,   /* communities above COLLAB_MAP_NODE_LIMIT nodes */
    COLLAB_MAP_LEVEL_NODES,      /* one mark per node */
    COLLAB_MAP_LEVEL_COMMUNITIES /* one bubble per community */
} collab_map_level;

/* Above this many nodes, the automatic level draws communities: at a few thousand labels a page
 * is full, and tens of thousands of dots make a disc no reader can use. */
#define COLLAB_MAP_NODE_LIMIT 20000

/* At the community level, at most this many bubbles: a map of a thousand specks says nothing. */
#define COLLAB_MAP_MAX_BUBBLES 200

/* Node positions of an earlier map, by name (collab map --layout-from). */
typedef struct collab_map_positions {
    collab_names names; /* node names; a name's id indexes x and y */
    double *x, *y;      /* page position of each */
    size_t n;           /* names */
} collab_map_positions;

/* Reads the nodes' names and page positions from a scene JSON written by `collab map --scene`
 * (the "nodes" array; nodes without a name or a finite x and y are skipped, and of two nodes with
 * one name the first counts) into `out` (uninitialised on entry, initialised only on COLLAB_OK).
 * Errors: COLLAB_E_IO when the file cannot be opened; COLLAB_E_INPUT for text that is not JSON
 * (with the line and column) or JSON without a node position; COLLAB_E_LIMIT past 1 GiB;
 * COLLAB_E_NOMEM. */
collab_status collab_map_positions_read(collab_map_positions *out, const char *path,
                                        collab_error *err);

/* Frees `p`; NULL-safe, safe on a zeroed value, leaves it zeroed. */
void collab_map_positions_destroy(collab_map_positions *p);

typedef struct collab_map_options {
    double width, height;        /* page in points */
    const char *title;           /* NULL = the input's file name */
    collab_theme theme;          /* light or dark */
    collab_metric size_by;       /* node size */
    collab_map_color color_by;   /* node colour */
    collab_metric color_metric;  /* with COLLAB_MAP_COLOR_METRIC */
    long labels;                 /* N or COLLAB_LABELS_AUTO */
    size_t label_chars;          /* longest label before it is cut */
    size_t max_edges;            /* strongest edges drawn; 0 = all */
    bool curved;                 /* curved edges */
    collab_layout_method layout; /* layout algorithm */
    collab_map_level level;      /* nodes or communities */
    uint64_t seed;               /* layout seed (the subtitle cites it) */
    double community_pull;       /* node level, fa2: how much harder edges inside a community
                                    pull (collab_layout_options.group_pull): 0 = automatic
                                    (default), 1 = not at all */
    int threads;                 /* layout threads: 1 = none of its own, 0 = default */
    bool all_components;         /* node level: draw every component, isolated nodes too;
                                    default: the largest and those of at least
                                    max(3, min(10, a tenth of the largest)) nodes */
    bool band;                   /* with all_components: the components drawn by default fill the
                                    plot and the others are packed in a band under them, named
                                    only in its 10 largest (false: all packed together, as for
                                    positions to export) */
    bool quality;                /* measure the map (collab/map_quality.h) into
                                    scene.quality */
    const collab_map_positions *layout_from; /* node level: draw the nodes named there where
                                      they were (the page positions refitted, so a map of the
                                      same nodes and plot box puts them on the same points); a
                                      node not named there goes to the mean position of its
                                      placed neighbours, a little apart (in a row below when it
                                      has none); NULL = run the layout */
    collab_progress_fn progress;             /* the layout's progress, or NULL */
    void *progress_data;                     /* passed to `progress` */
} collab_map_options;

/* Sets the defaults of `collab map`: 1200 x 900 points, size by strength, colour by community,
 * automatic labels, the 5000 strongest edges, ForceAtlas2, automatic level, seed 42. */
void collab_map_options_init(collab_map_options *mo);

/* What a map draws. All borrowed for the call. */
typedef struct collab_map_source {
    const collab_graph *graph;         /* the graph drawn (the whole input's, or a part of it) */
    const collab_edgelist *list;       /* the rows it was built from (roles, years, file name) */
    const collab_metrics *metrics;     /* its metrics: at least size_by (and color_metric) */
    const collab_partition *partition; /* its communities */
    collab_community_method method;    /* how they were found, for the subtitle */
} collab_map_source;

/* Optional changes for the query commands. Per-vertex arrays are indexed by vertex of the
 * source graph and borrowed. Zero = none (centre -1 = none). */
typedef struct collab_map_extras {
    const uint8_t *emphasis; /* 1 = the vertex the map is about: outlined, labelled first */
    long centre;             /* vertex placed at the centre of the plot; -1 = none */
    const double *fixed_x;   /* positions to draw as they are (no layout), with fixed_y */
    const double *fixed_y;
    const double *initial_x; /* warm start for the layout, with initial_y */
    const double *initial_y;
    size_t n_ghosts;       /* extra faded, unlabelled marks drawn under the graph (people
                              of an earlier time slice who are absent from this one) */
    const double *ghost_x; /* their positions, in the layout's units */
    const double *ghost_y;
    const char *subtitle; /* replaces the standard subtitle; NULL = standard */
    bool legend_row;      /* the legend in rows under the title, only as big as its
                             content (collab_scene_input.legend_row) */
    bool square_plot;     /* the page as tall as a square plot needs
                             (collab_scene_input.square_plot) */
} collab_map_extras;

/* A map built in memory. */
typedef struct collab_map {
    collab_scene scene;          /* what is painted: page positions, radii, colours, labels */
    collab_layout layout;        /* layout positions of the drawn graph's vertices */
    bool by_community;           /* drawn one bubble per community (scene nodes are bubbles) */
    size_t n_drawn;              /* vertices of the drawn graph (scene nodes minus ghosts) */
    collab_layout_method method; /* the layout algorithm (or fixed positions, reported as the
                                    algorithm asked for) */
    char notice[256];            /* what the reader should be told on the terminal ("" = nothing):
                                    the automatic switch to the community level */
    uint32_t *node_of_vertex;    /* node level with components left out: per vertex of the
                                    source graph, its scene node, or UINT32_MAX when not drawn
                                    (owned); NULL when scene node v is vertex v */
    size_t n_vertices;           /* vertices of the source graph */
    size_t components_left;      /* components not drawn, and their vertices */
    size_t nodes_left;
    size_t layout_matched; /* with layout_from: drawn nodes found there by name */
} collab_map;

/* Builds the map of src->graph into `out` (uninitialised on entry, initialised only on
 * COLLAB_OK). `extras` may be NULL. The text measurer is pango's (collab_render_measure_text).
 * Errors: COLLAB_E_USAGE for colouring by year or role a graph that is not credits drawn as
 * people; COLLAB_E_NOMEM; those of the layout and the scene. */
collab_status collab_map_build(collab_map *out, const collab_map_source *src,
                               const collab_map_options *mo, const collab_map_extras *extras,
                               collab_error *err);

/* Frees `map`; NULL-safe, safe on a zeroed map, leaves it zeroed. */
void collab_map_destroy(collab_map *map);

/* Parses "community", "none", "year", "role" or a metric name into `color` (and `metric`);
 * false if unknown. */
bool collab_map_color_parse(const char *text, collab_map_color *color, collab_metric *metric);

#endif
