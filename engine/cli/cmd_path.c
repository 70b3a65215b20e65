/* collab path: how two people are connected — the shortest collaboration chain and, on every
 * step, the projects (with roles and years) that link the two, i.e. the evidence. */
#include "collab/alloc.h"
#include "collab/figure.h"
#include "collab/query.h"
#include "collab/render.h"
#include "collab/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "map_internal.h"

static const char *const path_usage =
    "usage: collab path [options] FILE A B\n\n"
    "Finds the shortest collaboration chain from A to B (names matched exactly, then ignoring\n"
    "case and accents) and prints every step with the projects that link the two people, their\n"
    "roles and the year. Exit status 0 with \"no path\" when they are not connected.\n\n"
    "Options:\n"
    "      --all                    every shortest chain (at most --max)\n"
    "      --max N                  most chains printed with --all (default 20)\n"
    "      --avoid NAME             find a chain that does not go through NAME\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output;\n"
    "                               FILE.png, FILE.svg or FILE.pdf draws the chains instead\n"
    "                               (people in columns by distance from A, each step's\n"
    "                               shared project on a card between them, with both roles)\n"
    "                               and the text goes to standard output\n"
    "      --scene FILE.json        with a map: also write what was drawn as JSON\n"
    "  -h, --help                   show this help\n";

enum { OPT_ALL = 1, OPT_MAX, OPT_AVOID, OPT_SCENE };

#define MAX_LINKS_SHOWN 3

typedef struct path_args {
    const char *a, *b, *avoid; /* names */
    bool all;                  /* every shortest chain */
    size_t max;                /* cap with --all */
    const char *output;        /* -o */
    const char *scene;         /* --scene: the map's scene as JSON */
} path_args;

static void print_name(FILE *f, const collab_graph *g, uint32_t v)
{
    collab_text_fputs_safe(f, collab_graph_name(g, v));
}

/* One step: "  A -- B" and the linking credits below it. */
static collab_status print_step(FILE *f, const cli_input *in, uint32_t u, uint32_t v,
                                collab_error *err)
{
    const collab_graph *g = &in->g;
    const collab_edgelist *list = &in->list;
    fputs("  ", f);
    print_name(f, g, u);
    fputs(" -- ", f);
    print_name(f, g, v);
    fputc('\n', f);
    collab_link links[MAX_LINKS_SHOWN];
    size_t n_links = 0;
    collab_status st = collab_query_links(g, list, u, v, links, MAX_LINKS_SHOWN, &n_links, err);
    for (size_t k = 0; st == COLLAB_OK && k < n_links && k < MAX_LINKS_SHOWN; k++) {
        const collab_link *l = &links[k];
        fputs("      on ", f);
        collab_text_fputs_safe(f, collab_names_get(&list->names_b, l->project));
        if (l->year != 0) {
            fprintf(f, " (%d)", l->year);
        }
        fputs(": ", f);
        print_name(f, g, u);
        fprintf(f, " %s, ",
                l->role_a != COLLAB_NO_ID ? collab_names_get(&list->roles, l->role_a)
                                          : "(no role)");
        print_name(f, g, v);
        fprintf(f, " %s\n",
                l->role_b != COLLAB_NO_ID ? collab_names_get(&list->roles, l->role_b)
                                          : "(no role)");
    }
    if (n_links > MAX_LINKS_SHOWN) {
        fprintf(f, "      and %zu more shared projects\n", n_links - MAX_LINKS_SHOWN);
    }
    if (g->shape != COLLAB_SHAPE_CREDITS) {
        fprintf(f, "      weight %g\n", collab_graph_edge_weight(g, u, v));
    }
    return st;
}

/* The chains found: `n_paths` chains of `length + 1` vertices each. */
typedef struct chains {
    uint32_t *paths;
    size_t n_paths, length;
    double total;
} chains;

static collab_status draw_chains(const cli_input *in, const path_args *pa, const chains *c,
                                 uint32_t a, uint32_t b, collab_render_format fmt,
                                 collab_error *err)
{
    char title[512];
    char subtitle[512];
    snprintf(title, sizeof title, "From %.200s to %.200s", collab_graph_name(&in->g, a),
             collab_graph_name(&in->g, b));
    char drawn[64] = "";
    if ((double)c->n_paths < c->total) {
        snprintf(drawn, sizeof drawn, " (%zu drawn)", c->n_paths);
    }
    snprintf(subtitle, sizeof subtitle, "distance %zu \xc2\xb7 %.0f shortest chain%s%s", c->length,
             c->total, c->total == 1 ? "" : "s", drawn);
    collab_render_measurer measurer;
    collab_status st = collab_render_measurer_init(&measurer, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_figure_style style = {COLLAB_THEME_LIGHT, title, subtitle, collab_render_measure_text,
                                 &measurer};
    collab_scene scene;
    st = collab_path_figure_build(&scene, &in->g, &in->list, c->paths, c->n_paths, c->length,
                                  &style, err);
    collab_render_measurer_destroy(&measurer);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_output out;
    st = cli_output_open(&out, pa->output, in->path, err);
    if (st == COLLAB_OK) {
        st = collab_render_output(&scene, &out, fmt, 144, err);
        st = cli_output_finish(&out, st, err);
    }
    if (st == COLLAB_OK && pa->scene != NULL) {
        st = cli_output_open(&out, pa->scene, in->path, err);
        if (st == COLLAB_OK) {
            st = collab_scene_write_json(out.f, &scene, err);
            st = cli_output_finish(&out, st, err);
        }
    }
    collab_scene_destroy(&scene);
    return st;
}

/* ---- the chains as text ----------------------------------------------------------------- */

static collab_status write_chains(FILE *f, const cli_input *in, const path_args *pa, uint32_t a,
                                  uint32_t b, const chains *c, collab_error *err)
{
    const collab_graph *g = &in->g;
    collab_status st = COLLAB_OK;
    uint32_t *paths = c->paths;
    size_t n_paths = c->n_paths;
    size_t length = c->length;
    double total = c->total;
    if (a == b) {
        print_name(f, g, a);
        fputs(" is the same person: distance 0\n", f);
    } else if (n_paths == 0) {
        fputs("no path between ", f);
        print_name(f, g, a);
        fputs(" and ", f);
        print_name(f, g, b);
        fputs(pa->avoid != NULL ? " avoiding the given person\n" : "\n", f);
    } else {
        fprintf(f, "distance %zu; %.0f shortest chain%s", length, total, total == 1 ? "" : "s");
        fprintf(f, n_paths < total ? " (%zu shown)\n" : "\n", n_paths);
        for (size_t p = 0; p < n_paths && st == COLLAB_OK; p++) {
            const uint32_t *chain = paths + p * (length + 1);
            fprintf(f, "%schain %zu:\n", p > 0 ? "\n" : "", p + 1);
            for (size_t i = 0; i < length && st == COLLAB_OK; i++) {
                st = print_step(f, in, chain[i], chain[i + 1], err);
            }
        }
    }
    return st;
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    path_args *pa = settings;
    pa->a = r->args[0];
    pa->b = r->args[1];
    pa->output = r->output;
    const cli_input *in = &r->in;
    uint32_t a = 0;
    uint32_t b = 0;
    uint32_t avoid = UINT32_MAX;
    collab_status st = collab_query_find(&in->g, pa->a, &a, err);
    if (st == COLLAB_OK) {
        st = collab_query_find(&in->g, pa->b, &b, err);
    }
    if (st == COLLAB_OK && pa->avoid != NULL) {
        st = collab_query_find(&in->g, pa->avoid, &avoid, err);
        if (st == COLLAB_OK && (avoid == a || avoid == b)) {
            st = collab_error_set(err, COLLAB_E_USAGE, "--avoid names one of the two ends");
        }
    }
    chains c = {0};
    if (st == COLLAB_OK) {
        st = collab_query_paths(&in->g, a, b, avoid, pa->all ? pa->max : 1, &c.paths, &c.n_paths,
                                &c.length, &c.total, err);
    }
    collab_render_format fmt;
    bool map = collab_render_format_from_path(pa->output, &fmt);
    if (st == COLLAB_OK && map && c.n_paths > 0 && a != b) {
        st = draw_chains(in, pa, &c, a, b, fmt, err);
    }
    collab_output out;
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, map ? "-" : pa->output, in->path, err);
        if (st == COLLAB_OK) {
            st = write_chains(out.f, in, pa, a, b, &c, err);
            st = cli_output_finish(&out, st, err);
        }
    }
    collab_free(c.paths);
    return st;
}

static bool path_option(void *ctx, int opt, const char *arg, collab_error *err)
{
    path_args *pa = ctx;
    switch (opt) {
    case OPT_ALL:
        pa->all = true;
        return true;
    case OPT_AVOID:
        pa->avoid = arg;
        return true;
    case OPT_SCENE:
        pa->scene = arg;
        return true;
    case OPT_MAX:
        if (!cli_parse_size(arg, &pa->max) || pa->max == 0 || pa->max > 100000) {
            collab_error_set(err, COLLAB_E_USAGE, "--max needs a number from 1 to 100000, not '%s'",
                             arg);
        }
        return true;
    default:
        return false;
    }
}

static void path_init(void *settings)
{
    path_args *pa = settings;
    pa->max = 20;
}

static const struct option path_options[] = {
    {"all", no_argument, NULL, OPT_ALL},
    {"max", required_argument, NULL, OPT_MAX},
    {"avoid", required_argument, NULL, OPT_AVOID},
    {"scene", required_argument, NULL, OPT_SCENE},
    {NULL, 0, NULL, 0},
};

static const cli_command path_command = {
    .name = "path",
    .usage = path_usage,
    .flags = CLI_LOADS_INPUT,
    .own = path_options,
    .handle = path_option,
    .n_positional = 3,
    .positional = "FILE A B",
    .default_output = "-",
    .settings_size = sizeof(path_args),
    .init = path_init,
    .run = run,
};

int cmd_path(int argc, char **argv)
{
    return cli_run_command(&path_command, argc, argv);
}
