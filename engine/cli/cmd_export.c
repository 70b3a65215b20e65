/* collab export: the network with collab's numbers and layout, for other tools: GraphML
 * (Cytoscape, yEd, igraph), GEXF with positions and colours (Gephi), GML, node-link JSON (d3,
 * sigma.js), VOSviewer's JSON (VOSviewer Online) and CSV node and edge tables (spreadsheets).
 *
 * Load, compute every metric and the communities, lay the nodes out as `collab map` would (so
 * that Gephi or VOSviewer open the network as collab drew it), then write the file. */
#include "collab/alloc.h"
#include "collab/clock.h"
#include "collab/export.h"

#include <math.h>
#include <string.h>

#include "cli.h"
#include "map_internal.h"

static const char *const export_usage =
    "usage: collab export [options] FILE -o OUT.graphml|.gexf|.gml|.json|.vos.json|.csv\n\n"
    "Writes FILE's network for other tools. Every node carries its name, kind (person or\n"
    "project), for credits its number of credits, role mix and years, every metric of\n"
    "'collab report', its community and, unless --layout none, its position, size and colour\n"
    "on the map 'collab map' draws. Every edge carries its weight.\n\n"
    "Options:\n"
    "  -o, --output FILE            the export; the format comes from the extension:\n"
    "                               .graphml  GraphML (Cytoscape, yEd, igraph, NetworkX)\n"
    "                               .gexf     GEXF 1.2 with positions and colours (Gephi)\n"
    "                               .gml      GML (ASCII; igraph, NetworkX, Cytoscape)\n"
    "                               .json     node-link JSON (d3, sigma.js, NetworkX)\n"
    "                               .vos.json VOSviewer JSON (VOSviewer Online)\n"
    "                               .csv      node table, with the edge table beside it in\n"
    "                                         OUT.edges.csv\n"
    "                               any of them + .gz: gzip-compressed (out.gexf.gz), which\n"
    "                               Gephi, NetworkX and igraph read\n"
    "      --format {exports}\n"
    "                               the format, whatever the extension ('-o -' writes to\n"
    "                               standard output, except csv)\n"
    "      --layout {layouts}|none\n"
    "                               positions as 'collab map' draws them (default fa2; none\n"
    "                               above 200000 nodes unless a layout is named)\n"
    "  -h, --help                   show this help\n";

/* Above this many nodes the default is no layout: ForceAtlas2 would take minutes and a
 * node-level map of that size is for Gephi to redo anyway. */
#define EXPORT_LAYOUT_NODE_LIMIT 200000

enum { OPT_LAYOUT = 1 };

typedef struct export_args {
    const char *output;          /* -o */
    collab_export_format format; /* from --format or the extension */
    bool has_layout;             /* --layout given */
    bool no_layout;              /* --layout none */
    collab_layout_method layout; /* the layout method */
} export_args;

static bool export_option(void *ctx, int opt, const char *arg, collab_error *err)
{
    export_args *a = ctx;
    if (opt != OPT_LAYOUT) {
        return false;
    }
    a->has_layout = true;
    a->no_layout = strcmp(arg, "none") == 0;
    if (!a->no_layout && !collab_layout_method_parse(arg, &a->layout)) {
        char names[128];
        cli_join_names(names, sizeof names, "{layouts}", ", ", ", ");
        collab_error_set(err, COLLAB_E_USAGE, "--layout needs %s or none, not '%s'", names, arg);
    }
    return true;
}

/* -o and the format, before the input is read. */
static collab_status check(cli_run *r, void *settings, collab_error *err)
{
    export_args *a = settings;
    a->output = r->output;
    if (a->output == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "missing -o OUT.graphml|.gexf|.gml|.json|.vos.json|.csv");
    }
    if (r->format >= 0) {
        a->format = (collab_export_format)r->format;
    } else if (!collab_export_format_from_path(a->output, &a->format)) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "cannot tell the format of '%s' from its extension (use .graphml, "
                                ".gexf, .gml, .json, .vos.json or .csv, with .gz to compress, "
                                "or --format)",
                                a->output);
    }
    if (a->format == COLLAB_EXPORT_CSV_NODES && strcmp(a->output, "-") == 0) {
        return collab_error_set(
            err, COLLAB_E_USAGE,
            "the csv export writes two files (nodes and edges): give -o OUT.csv");
    }
    return COLLAB_OK;
}

/* Positions, radii and colours of the map's nodes, when it drew every node of the graph. */
typedef struct map_values {
    double *x, *y, *radius; /* per vertex */
    collab_rgba *color;     /* per vertex */
} map_values;

static void map_values_free(map_values *mv)
{
    collab_free(mv->x);
    collab_free(mv->y);
    collab_free(mv->radius);
    collab_free(mv->color);
    memset(mv, 0, sizeof *mv);
}

static collab_status take_map_values(const collab_map *map, size_t n, map_values *mv,
                                     collab_error *err)
{
    memset(mv, 0, sizeof *mv);
    /* A community-level map has one bubble per community: no node positions to give. A map
     * that leaves small components out gives the nodes it drew theirs, and the others none. */
    if (map == NULL || map->by_community || map->scene.n_nodes < map->n_drawn ||
        (map->node_of_vertex == NULL && map->n_drawn != n) ||
        (map->node_of_vertex != NULL && map->n_vertices != n)) {
        return COLLAB_OK;
    }
    mv->x = collab_alloc_array(n + 1, sizeof *mv->x);
    mv->y = collab_alloc_array(n + 1, sizeof *mv->y);
    mv->radius = collab_alloc_array(n + 1, sizeof *mv->radius);
    mv->color = collab_alloc_array(n + 1, sizeof *mv->color);
    if (mv->x == NULL || mv->y == NULL || mv->radius == NULL || mv->color == NULL) {
        map_values_free(mv);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory exporting the map");
    }
    for (size_t v = 0; v < n; v++) {
        uint32_t i = map->node_of_vertex != NULL ? map->node_of_vertex[v] : (uint32_t)v;
        if (i == UINT32_MAX) {
            mv->x[v] = mv->y[v] = mv->radius[v] = NAN; /* written as missing */
            mv->color[v] = (collab_rgba){NAN, NAN, NAN, NAN};
            continue;
        }
        const collab_scene_node *node = &map->scene.nodes[i];
        mv->x[v] = node->x;
        mv->y[v] = node->y;
        mv->radius[v] = node->radius;
        mv->color[v] = node->fill;
    }
    return COLLAB_OK;
}

/* How an export is written: the threads formatting it, and whether to time each file. */
typedef struct export_writing {
    int threads;  /* collab_export_input.threads */
    bool verbose; /* a timing line per file written */
} export_writing;

static collab_status write_one(const cli_input *in, const collab_export_input *ei, const char *path,
                               collab_export_format fmt, bool verbose, collab_error *err)
{
    double start = collab_clock_seconds();
    collab_output out;
    collab_status st = cli_output_open(&out, path, in->path, err);
    if (st == COLLAB_OK) {
        st = collab_export_write(out.f, ei, fmt, err);
        st = cli_output_finish(&out, st, err);
    }
    if (st == COLLAB_OK && strcmp(path, "-") != 0) {
        cli_output_timing(verbose, path, start);
    }
    return st;
}

static collab_status export_file(const cli_input *in, const cli_analysis *an, const collab_map *map,
                                 const char *layout_name, const char *path,
                                 collab_export_format fmt, export_writing how, collab_error *err)
{
    map_values mv;
    collab_status st = take_map_values(map, collab_graph_vertex_count(&in->g), &mv, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_export_input ei = {
        .graph = &in->g,
        .list = &in->list,
        .metrics = an->have_metrics ? &an->m : NULL,
        .partition = an->have_partition ? &an->p : NULL,
        .graph_opt = &in->graph,
        .x = mv.x,
        .y = mv.y,
        .radius = mv.radius,
        .color = mv.color,
        .layout_name = mv.x != NULL ? layout_name : NULL,
        .community_method =
            an->have_partition ? collab_community_method_name(an->community.method) : NULL,
        .facts = an->have_facts ? &an->facts : NULL,
        .threads = how.threads,
    };
    if (fmt == COLLAB_EXPORT_CSV_NODES) {
        /* Two files, each written atomically. The edge table goes first: when it cannot be
         * written, neither file has changed. */
        char edges_path[4096];
        if (!collab_export_edges_path(path, edges_path, sizeof edges_path)) {
            st = collab_error_set(err, COLLAB_E_USAGE, "output path too long: '%s'", path);
        }
        if (st == COLLAB_OK) {
            st = write_one(in, &ei, edges_path, COLLAB_EXPORT_CSV_EDGES, how.verbose, err);
        }
    }
    if (st == COLLAB_OK) {
        st = write_one(in, &ei, path, fmt, how.verbose, err);
    }
    map_values_free(&mv);
    return st;
}

collab_status cli_export_file(const cli_input *in, const cli_analysis *an,
                              const collab_map *map_or_null, const char *path, int format,
                              int threads, collab_error *err)
{
    const char *layout =
        map_or_null != NULL ? collab_layout_method_name(map_or_null->method) : NULL;
    export_writing how = {threads, false};
    return export_file(in, an, map_or_null, layout, path, (collab_export_format)format, how, err);
}

/* The map whose positions the export carries, unless there is to be no layout. */
static collab_status build_map(cli_input *in, cli_analysis *an, const export_args *a,
                               collab_map *map, bool *have_map, collab_error *err)
{
    size_t n = collab_graph_vertex_count(&in->g);
    *have_map = false;
    if (a->no_layout) {
        return COLLAB_OK;
    }
    if (!a->has_layout && n > EXPORT_LAYOUT_NODE_LIMIT) {
        fprintf(stderr,
                "collab: %zu nodes: no layout computed, so the export has no positions "
                "(--layout fa2 to compute one)\n",
                n);
        return COLLAB_OK;
    }
    cli_map_options mo;
    cli_map_options_init(&mo);
    mo.map.level = COLLAB_MAP_LEVEL_NODES;
    mo.map.all_components = true; /* a position for every node */
    mo.map.layout = a->layout;
    mo.map.labels = 0; /* positions, sizes and colours only: no label is placed */
    cli_map_source src = {&in->g, &in->list, in->path};
    collab_status st = cli_map_build(map, &src, an, &mo, NULL, err);
    *have_map = st == COLLAB_OK;
    return st;
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    const export_args *a = settings;
    collab_status st = cli_analysis_run(&r->an, &r->in, err);
    collab_map map;
    bool have_map = false;
    if (st == COLLAB_OK) {
        st = build_map(&r->in, &r->an, a, &map, &have_map, err);
    }
    if (st == COLLAB_OK) {
        /* The credit facts once for both files of the CSV tables, and outside the writers'
         * times. */
        st = cli_analysis_share_facts(&r->an, &r->in, err);
    }
    if (st == COLLAB_OK) {
        export_writing how = {r->in.threads, r->an.verbose};
        st = export_file(&r->in, &r->an, have_map ? &map : NULL,
                         collab_layout_method_name(a->layout), a->output, a->format, how, err);
    }
    if (have_map) {
        collab_map_destroy(&map);
    }
    return st;
}

static void export_init(void *settings)
{
    export_args *a = settings;
    a->layout = COLLAB_LAYOUT_FA2;
}

static const struct option export_options[] = {
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {NULL, 0, NULL, 0},
};

int cmd_export(int argc, char **argv)
{
    /* The --format choices in the order of collab_export_format (choice i is format i), from the
     * library's table; csv is the node table with the edge table beside. */
    const char *formats[COLLAB_EXPORT_FORMAT_COUNT + 1];
    int n_formats = 0;
    while ((formats[n_formats] = collab_export_format_option_name(n_formats)) != NULL) {
        n_formats++;
    }
    cli_command export_command = {
        .name = "export",
        .usage = export_usage,
        .flags = CLI_LOADS_INPUT | CLI_TAKES_ANALYSIS,
        .own = export_options,
        .handle = export_option,
        .n_positional = 1,
        .positional = "FILE",
        .formats = formats,
        .settings_size = sizeof(export_args),
        .init = export_init,
        .check = check,
        .run = run,
    };
    return cli_run_command(&export_command, argc, argv);
}
