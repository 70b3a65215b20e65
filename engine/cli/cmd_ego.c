/* collab ego: who is around a person — everyone within R collaboration steps, with the projects,
 * roles and years they share with the person and their centrality inside the neighbourhood. */
#include "collab/alloc.h"
#include "collab/query.h"
#include "collab/report.h"
#include "collab/text.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "map_internal.h"

static const char *const ego_usage =
    "usage: collab ego [options] FILE NAME\n\n"
    "Lists everyone within --radius collaboration steps of NAME (names matched exactly, then\n"
    "ignoring case and accents), nearest first and by shared projects: the projects they share\n"
    "with NAME (with roles and years), and their degree and betweenness inside the\n"
    "neighbourhood (the subgraph of NAME and everyone listed).\n\n"
    "Options:\n"
    "      --radius R               1 (collaborators) or 2 (and theirs); default 1\n"
    "      --format table|csv       output format (default table)\n"
    "  -o, --output FILE            write the report to FILE (atomically) instead of standard\n"
    "                               output; FILE.png, FILE.svg or FILE.pdf draws the\n"
    "                               neighbourhood as a map instead (NAME centred and outlined,\n"
    "                               sized by strength inside it, coloured by community) and\n"
    "                               the report goes to standard output\n"
    "      --scene FILE.json        with a map: also write what was drawn as JSON\n"
    "  -h, --help                   show this help\n";

enum { OPT_RADIUS = 1, OPT_SCENE };

#define LINKS_SHOWN 3

typedef struct ego_args {
    size_t radius;      /* 1 or 2 */
    bool csv;           /* CSV output */
    const char *output; /* -o */
    const char *scene;  /* --scene: the map's scene as JSON */
} ego_args;

/* "Project (year) as role/role; ..." for the first LINKS_SHOWN shared projects. */
static collab_status write_links(FILE *f, const cli_input *in, uint32_t ego, uint32_t v,
                                 collab_error *err)
{
    const collab_edgelist *list = &in->list;
    collab_link links[LINKS_SHOWN];
    size_t n = 0;
    collab_status st = collab_query_links(&in->g, list, ego, v, links, LINKS_SHOWN, &n, err);
    for (size_t k = 0; st == COLLAB_OK && k < n && k < LINKS_SHOWN; k++) {
        fputs(k > 0 ? "; " : "", f);
        collab_text_fputs_safe(f, collab_names_get(&list->names_b, links[k].project));
        if (links[k].year != 0) {
            fprintf(f, " (%d)", links[k].year);
        }
        if (links[k].role_b != COLLAB_NO_ID) {
            fputs(" as ", f);
            collab_text_fputs_safe(f, collab_names_get(&list->roles, links[k].role_b));
        }
    }
    if (n > LINKS_SHOWN) {
        fprintf(f, "; and %zu more", n - LINKS_SHOWN);
    }
    return st;
}

static collab_status write_ego(FILE *f, const cli_input *in, uint32_t ego,
                               const collab_neighbour *m, size_t n, bool csv, collab_error *err)
{
    const collab_graph *g = &in->g;
    collab_status st = COLLAB_OK;
    if (csv) {
        fputs("name,distance,shared_projects,degree_in_neighbourhood,"
              "betweenness_in_neighbourhood\n",
              f);
    } else {
        fputs("neighbourhood of ", f);
        collab_text_fputs_safe(f, collab_graph_name(g, ego));
        fprintf(f, ": %zu people\n\n", n - 1);
    }
    for (size_t i = 0; i < n && st == COLLAB_OK; i++) {
        if (m[i].vertex == ego) {
            continue;
        }
        if (csv) {
            collab_report_csv_field(f, collab_graph_name(g, m[i].vertex));
            fprintf(f, ",%d,%zu,%.17g,%.17g\n", m[i].distance, m[i].shared, m[i].degree,
                    m[i].betweenness);
            continue;
        }
        fprintf(f, "%d  ", m[i].distance);
        collab_text_fputs_safe(f, collab_graph_name(g, m[i].vertex));
        fprintf(f, "  (degree %.0f, betweenness %.2f in the neighbourhood)\n", m[i].degree,
                m[i].betweenness);
        if (m[i].shared > 0) {
            fprintf(f, "   %zu shared: ", m[i].shared);
            st = write_links(f, in, ego, m[i].vertex, err);
            fputc('\n', f);
        }
    }
    return st;
}

/* The neighbourhood as a map: its induced subgraph with the ego first, at the centre and
 * outlined, everyone else on a ring at their distance (radius 1, 2), the first ring in order of
 * community and each outer ring next to the people it is reached through. The legend is a row
 * under the title and the plot is square, so the rings fill the page. */
static collab_status draw_ego(const cli_input *in, uint32_t ego, const collab_neighbour *m,
                              size_t n, const ego_args *ea, collab_render_format fmt,
                              collab_error *err)
{
    uint32_t *ids = collab_alloc_array(n + 1, sizeof *ids);
    int32_t *dist = collab_alloc_array(n + 1, sizeof *dist);
    double *x = collab_alloc_array(n + 1, sizeof *x);
    double *y = collab_alloc_array(n + 1, sizeof *y);
    uint8_t *emphasis = collab_calloc_array(n + 1, 1);
    if (ids == NULL || dist == NULL || x == NULL || y == NULL || emphasis == NULL) {
        collab_free(ids);
        collab_free(dist);
        collab_free(x);
        collab_free(y);
        collab_free(emphasis);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory drawing the neighbourhood");
    }
    size_t k = 0;
    dist[k] = 0;
    ids[k++] = ego;
    for (size_t i = 0; i < n; i++) {
        if (m[i].vertex != ego) {
            dist[k] = m[i].distance;
            ids[k++] = m[i].vertex;
        }
    }
    emphasis[0] = 1;
    collab_graph sub;
    collab_status st = collab_graph_induced(&sub, &in->g, ids, k, in->list.n_rows, err);
    if (st == COLLAB_OK) {
        char title[256];
        char subtitle[512];
        const char *name = collab_graph_name(&in->g, ego);
        snprintf(title, sizeof title, "%.200s and %s", name,
                 ea->radius == 1 ? "collaborators" : "two steps out");
        snprintf(
            subtitle, sizeof subtitle,
            "%zu people within %zu collaboration step%s of %.200s%s \xc2\xb7 %zu ties \xc2\xb7 "
            "size: strength in the neighbourhood \xc2\xb7 colour: community",
            k - 1, ea->radius, ea->radius == 1 ? "" : "s", name,
            ea->radius == 1 ? "" : " (inner ring: 1 step, outer: 2)",
            collab_graph_edge_count(&sub));
        cli_map_options mo;
        cli_map_options_init(&mo);
        mo.map.title = title;
        mo.map.level = COLLAB_MAP_LEVEL_NODES;
        mo.map.width = 1000;
        mo.map.height = 1000; /* replaced: the page is as tall as the square plot needs */
        cli_analysis an;
        cli_analysis_init(&an);
        st = cli_map_analyse(&an, &sub, &mo, err);
        if (st == COLLAB_OK) {
            st = collab_query_ego_rings(&sub, dist, an.p.membership, x, y, err);
        }
        collab_map_extras extras = {.emphasis = emphasis,
                                    .centre = 0,
                                    .subtitle = subtitle,
                                    .fixed_x = x,
                                    .fixed_y = y,
                                    .legend_row = true,
                                    .square_plot = true};
        cli_map_source src = {&sub, &in->list, in->path};
        collab_map map;
        if (st == COLLAB_OK) {
            st = cli_map_build(&map, &src, &an, &mo, &extras, err);
        }
        if (st == COLLAB_OK) {
            st = cli_map_write(&map, ea->output, fmt, mo.dpi, in->path, err);
            if (st == COLLAB_OK && ea->scene != NULL) {
                st = cli_map_write_scene(&map, ea->scene, in->path, err);
            }
            collab_map_destroy(&map);
        }
        cli_analysis_destroy(&an);
        collab_graph_destroy(&sub);
    }
    collab_free(ids);
    collab_free(dist);
    collab_free(x);
    collab_free(y);
    collab_free(emphasis);
    return st;
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    ego_args *ea = settings;
    ea->csv = r->format == 1;
    ea->output = r->output;
    const cli_input *in = &r->in;
    uint32_t ego = 0;
    collab_status st = collab_query_find(&in->g, r->args[0], &ego, err);
    collab_neighbour *m = NULL;
    size_t n = 0;
    if (st == COLLAB_OK) {
        st = collab_query_neighbourhood(&in->g, &in->list, ego, ea->radius, &m, &n, err);
    }
    collab_render_format fmt;
    bool map = collab_render_format_from_path(ea->output, &fmt);
    if (st == COLLAB_OK && map) {
        st = draw_ego(in, ego, m, n, ea, fmt, err);
    }
    collab_output out;
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, map ? "-" : ea->output, in->path, err);
        if (st == COLLAB_OK) {
            st = write_ego(out.f, in, ego, m, n, ea->csv, err);
            st = cli_output_finish(&out, st, err);
        }
    }
    collab_free(m);
    return st;
}

static bool ego_option(void *ctx, int opt, const char *arg, collab_error *err)
{
    ego_args *ea = ctx;
    if (opt == OPT_SCENE) {
        ea->scene = arg;
        return true;
    }
    if (opt == OPT_RADIUS) {
        if (!cli_parse_size(arg, &ea->radius) || ea->radius < 1 || ea->radius > 2) {
            collab_error_set(err, COLLAB_E_USAGE, "--radius must be 1 or 2, not '%s'", arg);
        }
        return true;
    }
    return false;
}

static void ego_init(void *settings)
{
    ego_args *ea = settings;
    ea->radius = 1;
}

static const struct option ego_options[] = {
    {"radius", required_argument, NULL, OPT_RADIUS},
    {"scene", required_argument, NULL, OPT_SCENE},
    {NULL, 0, NULL, 0},
};

static const char *const formats[] = {"table", "csv", NULL};

static const cli_command ego_command = {
    .name = "ego",
    .usage = ego_usage,
    .flags = CLI_LOADS_INPUT,
    .own = ego_options,
    .handle = ego_option,
    .n_positional = 2,
    .positional = "FILE NAME",
    .formats = formats,
    .default_output = "-",
    .settings_size = sizeof(ego_args),
    .init = ego_init,
    .run = run,
};

int cmd_ego(int argc, char **argv)
{
    return cli_run_command(&ego_command, argc, argv);
}
