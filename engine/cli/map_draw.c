/* The CLI's side of maps: the metrics and communities a map needs (computed only when the command
 * has not), the library's map (collab_map_build), its notice on stderr, and the files written
 * atomically under the signal handlers. */
#include "collab/map_quality.h"
#include "collab/scene.h"

#include <stdio.h>
#include <string.h>

#include "map_internal.h"

void cli_map_options_init(cli_map_options *mo)
{
    memset(mo, 0, sizeof *mo);
    collab_map_options_init(&mo->map);
    mo->dpi = 144;
}

/* The size metric (and colour metric) only, since a map needs nothing else. */
static collab_status compute(cli_analysis *an, const collab_graph *g, const collab_map_options *mo,
                             collab_error *err)
{
    collab_status st = COLLAB_OK;
    if (!an->have_metrics) {
        an->metrics.wanted = 1u << mo->size_by;
        if (mo->color_by == COLLAB_MAP_COLOR_METRIC) {
            an->metrics.wanted |= 1u << mo->color_metric;
        }
        st = collab_metrics_compute(&an->m, g, &an->metrics, err);
        if (st != COLLAB_OK) {
            return st;
        }
        an->have_metrics = true;
        cli_analysis_say_estimates(an);
    }
    if (!an->have_partition) {
        st = collab_community_detect(&an->p, g, &an->community, err);
        an->have_partition = st == COLLAB_OK;
    }
    return st;
}

collab_status cli_map_analyse(cli_analysis *an, const collab_graph *g, const cli_map_options *mo,
                              collab_error *err)
{
    return compute(an, g, &mo->map, err);
}

collab_status cli_map_build(collab_map *out, const cli_map_source *src, cli_analysis *an,
                            const cli_map_options *mo, const collab_map_extras *extras,
                            collab_error *err)
{
    collab_status st = compute(an, src->graph, &mo->map, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_map_options lib = mo->map;
    lib.seed = an->community.seed;
    lib.threads = an->metrics.threads == 1 ? 1 : 0; /* --threads 1: no second thread */
    lib.progress = an->metrics.progress;            /* a terminal without --no-progress */
    lib.progress_data = an->metrics.progress_data;
    collab_map_source source = {src->graph, src->list, &an->m, &an->p, an->community.method};
    st = collab_map_build(out, &source, &lib, extras, err);
    if (st == COLLAB_OK && out->notice[0] != '\0') {
        fprintf(stderr, "collab: %s\n", out->notice);
    }
    return st;
}

collab_status cli_map_write(const collab_map *map, const char *path, collab_render_format fmt,
                            double dpi, const char *input_path, collab_error *err)
{
    collab_output out;
    collab_status st = cli_output_open(&out, path, input_path, err);
    if (st == COLLAB_OK) {
        st = collab_render_output(&map->scene, &out, fmt, dpi, err);
        st = cli_output_finish(&out, st, err);
    }
    return st;
}

collab_status cli_map_write_scene(const collab_map *map, const char *path, const char *input_path,
                                  collab_error *err)
{
    collab_output out;
    collab_status st = cli_output_open(&out, path, input_path, err);
    if (st == COLLAB_OK) {
        st = collab_scene_write_json(out.f, &map->scene, err);
        st = cli_output_finish(&out, st, err);
    }
    return st;
}

collab_status cli_map_build_main(collab_map *out, const cli_map_source *src, cli_analysis *an,
                                 const cli_map_options *options, collab_error *err)
{
    cli_map_options mo = *options;
    collab_map_positions positions;
    memset(&positions, 0, sizeof positions);
    if (mo.layout_from != NULL && mo.map.layout_from == NULL) {
        collab_status st = collab_map_positions_read(&positions, mo.layout_from, err);
        if (st != COLLAB_OK) {
            return st;
        }
        mo.map.layout_from = &positions;
    }
    collab_map map;
    collab_status st = cli_map_build(&map, src, an, &mo, NULL, err);
    if (st == COLLAB_OK && mo.layout_from != NULL) {
        if (map.by_community) {
            fprintf(stderr,
                    "collab: --layout-from '%s' not used: the map is drawn at the community "
                    "level\n",
                    mo.layout_from);
        } else {
            fprintf(stderr,
                    "collab: --layout-from '%s': %zu of %zu nodes placed as there (%zu names "
                    "read)%s\n",
                    mo.layout_from, map.layout_matched, map.n_drawn, mo.map.layout_from->n,
                    map.layout_matched == 0            ? "; none matched, laid out afresh"
                    : map.layout_matched < map.n_drawn ? "; the others next to their neighbours"
                                                       : "");
        }
    }
    collab_map_positions_destroy(&positions);
    if (st == COLLAB_OK) {
        *out = map;
    }
    return st;
}

collab_status cli_map_run(cli_input *in, cli_analysis *an, const cli_map_options *mo,
                          collab_error *err)
{
    cli_map_source src = {&in->g, &in->list, in->path};
    collab_map map;
    collab_status st = cli_map_build_main(&map, &src, an, mo, err);
    if (st != COLLAB_OK) {
        return st;
    }
    st = cli_map_write(&map, mo->output, mo->format, mo->dpi, in->path, err);
    if (st == COLLAB_OK && mo->scene_path != NULL) {
        st = cli_map_write_scene(&map, mo->scene_path, in->path, err);
    }
    if (st == COLLAB_OK && map.scene.has_quality) {
        st = collab_map_quality_print(stdout, &map.scene.quality, err);
    }
    collab_map_destroy(&map);
    return st;
}
