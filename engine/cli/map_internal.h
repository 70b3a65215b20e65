/* Private interface between cmd_map.c (options) and map_draw.c (the drawing pipeline). */
#ifndef COLLAB_MAP_INTERNAL_H
#define COLLAB_MAP_INTERNAL_H

#include "cli.h"

#include "collab/layout.h"
#include "collab/render.h"
#include "collab/scene.h"

typedef enum cli_color_by {
    CLI_COLOR_COMMUNITY = 0, /* qualitative, by community */
    CLI_COLOR_NONE,          /* one colour */
    CLI_COLOR_YEAR,          /* numeric: mean year of the person's credits */
    CLI_COLOR_ROLE,          /* qualitative: the person's most frequent role */
    CLI_COLOR_METRIC         /* numeric: a metric */
} cli_color_by;

typedef enum cli_level {
    CLI_LEVEL_AUTO = 0,      /* communities above CLI_MAP_NODE_LIMIT nodes */
    CLI_LEVEL_NODES,         /* one mark per node */
    CLI_LEVEL_COMMUNITIES    /* one bubble per community */
} cli_level;

/* Above this many nodes, --level auto draws communities: at a few thousand labels a page is full,
 * and tens of thousands of dots make a disc no reader can use. */
#define CLI_MAP_NODE_LIMIT 20000

typedef struct cli_map_options {
    const char *output;            /* -o */
    bool has_format;               /* --format given */
    collab_render_format format;   /* output format */
    double width, height, dpi;     /* page in points, PNG resolution */
    const char *title;             /* NULL = file name */
    collab_theme theme;            /* light or dark */
    collab_metric size_by;         /* node size */
    cli_color_by color_by;         /* node colour */
    collab_metric color_metric;    /* with CLI_COLOR_METRIC */
    long labels;                   /* N or COLLAB_LABELS_AUTO */
    size_t label_chars;            /* --label-chars */
    size_t max_edges;              /* 0 = all */
    bool curved;                   /* curved edges */
    collab_layout_method layout;   /* layout algorithm */
    cli_level level;               /* nodes or communities */
    const char *scene_path;        /* --scene, or NULL */
} cli_map_options;

/* Sets the defaults of `collab map` (1200 x 900 points, 144 dpi, size by strength, colour by
 * community, automatic labels, the 5000 strongest edges, fa2, automatic level). */
void cli_map_options_init(cli_map_options *mo);

/* What a map draws: a graph, the rows it was built from (roles and years for --color-by, the
 * file name for the title) and the input path (never overwritten by an output). All borrowed. */
typedef struct cli_map_source {
    const collab_graph *graph;  /* the graph drawn (the whole input's, or a part of it) */
    const collab_edgelist *list; /* its rows */
    const char *input_path;     /* the file read, "-" for stdin */
} cli_map_source;

/* Optional changes to the standard map, for the query commands (ego, path, slices). All
 * per-vertex arrays are indexed by vertex of the source graph and borrowed. Zero = none. */
typedef struct cli_map_extras {
    const uint8_t *emphasis;      /* 1 = the vertex the map is about: outlined, labelled first */
    long centre;                  /* vertex placed at the centre of the plot; -1 = none */
    const double *fixed_x;        /* positions to draw as they are (no layout), with fixed_y */
    const double *fixed_y;
    const double *initial_x;      /* warm start for the layout, with initial_y */
    const double *initial_y;
    size_t n_ghosts;              /* extra faded, unlabelled marks drawn under the graph (people
                                     of an earlier time slice who are absent from this one) */
    const double *ghost_x;        /* their positions, in the layout's units */
    const double *ghost_y;
    const char *subtitle;         /* replaces the standard subtitle; NULL = standard */
} cli_map_extras;

/* A map built in memory: the scene, and the layout positions of the drawn vertices. */
typedef struct cli_map {
    collab_scene scene;       /* what is painted: page positions, radii, colours, labels */
    collab_layout layout;     /* layout positions of the drawn graph's vertices */
    bool by_community;        /* drawn one bubble per community (then scene nodes are bubbles) */
    size_t n_drawn;           /* vertices of the drawn graph (scene nodes minus ghosts) */
    collab_layout_method method; /* the layout algorithm (or fixed positions, reported as the
                                    algorithm asked for) */
} cli_map;

/* Computes what the map needs (metrics and communities not yet in `an`), chooses the level,
 * lays out and builds the scene into `out` (uninitialised on entry, initialised on COLLAB_OK).
 * `extras` may be NULL. */
collab_status cli_map_build(cli_map *out, const cli_map_source *src, cli_analysis *an,
                            const cli_map_options *mo, const cli_map_extras *extras,
                            collab_error *err);

/* Renders `map` atomically to `path` as `fmt` (refusing to overwrite `input_path`), tracked by
 * the signal handlers. */
collab_status cli_map_write(const cli_map *map, const char *path, collab_render_format fmt,
                            double dpi, const char *input_path, collab_error *err);

/* Writes what `map` draws as JSON (collab_scene_write_json), atomically. */
collab_status cli_map_write_scene(const cli_map *map, const char *path, const char *input_path,
                                  collab_error *err);

/* Frees `map`; safe on a zeroed map. */
void cli_map_destroy(cli_map *map);

/* `collab map`'s whole job: build the map of `in`'s graph, write mo->output (and mo->scene_path
 * when set). */
collab_status cli_map_run(cli_input *in, cli_analysis *an, const cli_map_options *mo,
                          collab_error *err);

#endif
