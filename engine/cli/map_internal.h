/* The CLI's side of maps (map_draw.c): the options only a command line has (output file, format,
 * resolution, scene file), computing what a map needs that the command has not, printing the
 * library's notice, and writing files atomically under the signal handlers. The map itself is
 * built by the library (collab/map.h). */
#ifndef COLLAB_MAP_INTERNAL_H
#define COLLAB_MAP_INTERNAL_H

#include "cli.h"

#include "collab/map.h"
#include "collab/render.h"

typedef struct cli_map_options {
    collab_map_options map;        /* what the library needs */
    const char *output;            /* -o */
    bool has_format;               /* --format given */
    collab_render_format format;   /* output format */
    double dpi;                    /* PNG resolution */
    const char *scene_path;        /* --scene, or NULL */
    const char *layout_from;       /* --layout-from: an earlier map's scene JSON, or NULL */
} cli_map_options;

/* Sets the defaults of `collab map` (the library's, and 144 dpi). */
void cli_map_options_init(cli_map_options *mo);

/* What a map draws: a graph, the rows it was built from and the input path (never overwritten by
 * an output). All borrowed. */
typedef struct cli_map_source {
    const collab_graph *graph;   /* the graph drawn (the whole input's, or a part of it) */
    const collab_edgelist *list; /* its rows */
    const char *input_path;      /* the file read, "-" for stdin */
} cli_map_source;

/* cli_map_build for `collab map` and `collab analyze` (no extras), first reading the positions of
 * mo->layout_from when set (unless the caller read them into mo->map.layout_from) and saying on
 * stderr how many nodes they placed. */
collab_status cli_map_build_main(collab_map *out, const cli_map_source *src, cli_analysis *an,
                                 const cli_map_options *mo, collab_error *err);

/* Computes what a map of `g` needs and `an` lacks (the size and colour metrics, the
 * communities), as cli_map_build does first: for a caller that needs them before the build. */
collab_status cli_map_analyse(cli_analysis *an, const collab_graph *g, const cli_map_options *mo,
                              collab_error *err);

/* Computes what the map needs and `an` lacks (the size and colour metrics, the communities;
 * a caller that computed everything is reused), then builds the map with the seed and thread
 * count of `an`, printing the library's notice on stderr. `extras` may be NULL. */
collab_status cli_map_build(collab_map *out, const cli_map_source *src, cli_analysis *an,
                            const cli_map_options *mo, const collab_map_extras *extras,
                            collab_error *err);

/* Renders `map` atomically to `path` as `fmt` (refusing to overwrite `input_path`), tracked by
 * the signal handlers. */
collab_status cli_map_write(const collab_map *map, const char *path, collab_render_format fmt,
                            double dpi, const char *input_path, collab_error *err);

/* Writes what `map` draws as JSON (collab_scene_write_json), atomically. */
collab_status cli_map_write_scene(const collab_map *map, const char *path, const char *input_path,
                                  collab_error *err);

/* `collab map`'s whole job: build the map of `in`'s graph, write mo->output (and mo->scene_path
 * when set). */
collab_status cli_map_run(cli_input *in, cli_analysis *an, const cli_map_options *mo,
                          collab_error *err);

#endif
