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

/* Computes what the map needs, lays out, builds the scene and writes the files. */
collab_status cli_map_run(cli_input *in, cli_analysis *an, const cli_map_options *mo,
                          collab_error *err);

#endif
