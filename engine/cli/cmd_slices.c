/* collab slices: the network era by era. One report and one map per time slice (decade, year or
 * a window of N years), maps warm-started from the previous slice so that a person keeps about
 * the same place and slices compare side by side, people of the previous slice who are absent
 * drawn faded where they were, a contact sheet of all slices and ranks.csv with every person's
 * rank in every slice. */
#include "collab/alloc.h"
#include "collab/slices.h"
#include "collab/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "map_internal.h"

static const char *const slices_usage =
    "usage: collab slices [options] FILE -o DIR\n\n"
    "Cuts a credits file into time slices and writes into DIR, for each slice, a Markdown report\n"
    "(SLICE.md) and a map (SLICE.png), then contact_sheet.png (every slice on one page),\n"
    "ranks.csv (each person's rank in each slice by --sort) and index.md. Each map's layout\n"
    "starts from the previous slice's, so people stay about where they were; people of the\n"
    "previous slice who are absent from this one are drawn faded at their old place. Rows\n"
    "without a year are counted and left out.\n\n"
    "Options:\n"
    "      --by decade|year|N[:STEP]  slices: calendar decades (default), single years, or\n"
    "                               windows of N years starting every STEP years (default N)\n"
    "      --sort METRIC            ranking metric of the reports and ranks.csv (default degree)\n"
    "      --top N                  people in each slice's report (default 20)\n"
    "      --format png|svg|pdf     format of the maps and the contact sheet (default png)\n"
    "      --scenes                 also write what each map draws as SLICE.json\n"
    "  -o, --output DIR             the directory to write into (created if missing)\n"
    "  -h, --help                   show this help\n";

enum { OPT_BY = 1, OPT_SORT, OPT_TOP, OPT_SCENES };

typedef struct slices_args {
    int window, step;   /* years per slice and between slice starts; 0 = decades */
    collab_metric sort; /* ranking metric */
    size_t top;         /* report rows */
    collab_render_format format;
    const char *dir; /* -o */
    bool scenes;     /* --scenes: each map's scene as SLICE.json */
} slices_args;

static bool parse_by(const char *arg, slices_args *sa)
{
    if (strcmp(arg, "decade") == 0) {
        sa->window = sa->step = 0;
        return true;
    }
    if (strcmp(arg, "year") == 0) {
        sa->window = sa->step = 1;
        return true;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%s", arg);
    char *colon = strchr(buf, ':');
    if (colon != NULL) {
        *colon = '\0';
    }
    size_t window;
    size_t step;
    if (!cli_parse_size(buf, &window) || window < 1 || window > 1000) {
        return false;
    }
    if (colon != NULL && (!cli_parse_size(colon + 1, &step) || step < 1 || step > 1000)) {
        return false;
    }
    sa->window = (int)window;
    sa->step = colon != NULL ? (int)step : (int)window;
    return true;
}

static bool slices_option(void *ctx, int opt, const char *arg, collab_error *err)
{
    slices_args *sa = ctx;
    switch (opt) {
    case OPT_BY:
        if (!parse_by(arg, sa)) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--by needs decade, year, N or N:STEP (years from 1 to 1000), not "
                             "'%s'",
                             arg);
        }
        return true;
    case OPT_SORT:
        cli_parse_sort(arg, &sa->sort, err);
        return true;
    case OPT_SCENES:
        sa->scenes = true;
        return true;
    case OPT_TOP:
        cli_parse_top(arg, &sa->top, err);
        return true;
    default:
        return false;
    }
}

/* ---- cutting ---------------------------------------------------------------------------- */

/* ---- one slice -------------------------------------------------------------------------- */

typedef collab_slice slice;

typedef struct slice_job {
    const cli_input *in;
    const cli_analysis *template_an; /* the user's metric and community options */
    const slices_args *sa;
    slice *sl;
    size_t index;
    size_t n_slices; /* slices in all, which share the exact-work budget */
    collab_timeline *c;
    collab_scene *sheet_scene; /* receives the slice's scene for the contact sheet */
} slice_job;

static collab_status write_report(const slice_job *job, const collab_graph *g,
                                  const cli_analysis *an, collab_error *err)
{
    char path[4096];
    cli_path_in(path, sizeof path, job->sa->dir, job->sl->label, ".md");
    collab_report_input ri = {.list = &job->in->list,
                              .graph = g,
                              .graph_opt = &job->in->graph,
                              .metrics = &an->m,
                              .metrics_opt = &an->metrics,
                              .partition = &an->p,
                              .community_opt = &an->community};
    collab_report_options ro;
    collab_report_options_init(&ro);
    ro.format = COLLAB_FORMAT_MD;
    ro.top = job->sa->top;
    ro.sort = job->sa->sort;
    collab_output out;
    collab_status st = cli_output_open(&out, path, job->in->path, err);
    if (st == COLLAB_OK) {
        fprintf(out.f, "# %s: %d to %d\n\n", job->sl->label, job->sl->from, job->sl->to);
        st = collab_report_write(out.f, &ri, &ro, err);
        st = cli_output_finish(&out, st, err);
    }
    return st;
}

/* Ranks of this slice's people into the timeline, and the slice's three best for the index. */
static collab_status record_ranks(slice_job *job, const collab_graph *g, const cli_analysis *an,
                                  collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    uint32_t *order = collab_alloc_array(n + 1, sizeof *order);
    if (order == NULL) {
        return collab_error_nomem(err, "cutting slices");
    }
    collab_report_rank(&an->m, job->sa->sort, order);
    collab_timeline_record(job->c, job->index, g, order, job->sl);
    collab_free(order);
    return COLLAB_OK;
}

/* Records where the map put the slice's people for the next slice's warm start; people in
 * components the map left out keep the place they had (NaN = none). */
static collab_status place_drawn(collab_timeline *c, const collab_graph *g, const collab_map *map,
                                 collab_error *err)
{
    const double *x = collab_layout_x(&map->layout);
    const double *y = collab_layout_y(&map->layout);
    if (map->node_of_vertex == NULL) {
        collab_timeline_place(c, g, x, y, map->layout.aspect);
        return COLLAB_OK;
    }
    size_t n = collab_graph_vertex_count(g);
    double *fx = collab_alloc_array(2 * n + 1, sizeof *fx);
    if (fx == NULL) {
        return collab_error_nomem(err, "cutting slices");
    }
    for (size_t v = 0; v < n; v++) {
        uint32_t d = map->node_of_vertex[v];
        fx[v] = d != UINT32_MAX ? x[d] : NAN;
        fx[n + v] = d != UINT32_MAX ? y[d] : NAN;
    }
    collab_timeline_place(c, g, fx, fx + n, map->layout.aspect);
    collab_free(fx);
    return COLLAB_OK;
}

static collab_status draw_slice(slice_job *job, const collab_graph *g, cli_analysis *an,
                                collab_error *err)
{
    collab_timeline *c = job->c;
    double *ix = NULL;
    double *iy = NULL;
    double *gx = NULL;
    double *gy = NULL;
    size_t n_ghosts = 0;
    collab_status st = COLLAB_OK;
    if (c->have_positions) {
        st = collab_timeline_warm_start(c, g, an->community.seed + job->index, &ix, &iy, err);
        if (st == COLLAB_OK) {
            st = collab_timeline_ghosts(c, g, job->index, &gx, &gy, &n_ghosts, err);
        }
    }
    char title[256];
    char subtitle[512];
    const char *file = collab_text_base_name(job->in->list.source);
    snprintf(title, sizeof title, "%s \xc2\xb7 %.200s", job->sl->label, file);
    snprintf(subtitle, sizeof subtitle,
             "%d\xe2\x80\x93%d \xc2\xb7 %zu %s, %zu tie%s%s \xc2\xb7 size: strength \xc2\xb7 "
             "layout warm-started from the previous slice \xc2\xb7 seed %llu",
             job->sl->from, job->sl->to, job->sl->people,
             job->sl->people == 1 ? "person" : "people", job->sl->ties,
             job->sl->ties == 1 ? "" : "s",
             n_ghosts > 0 ? " \xc2\xb7 faded: in the previous slice only" : "",
             (unsigned long long)an->community.seed);
    cli_map_options mo;
    cli_map_options_init(&mo);
    mo.map.title = title;
    collab_map_extras extras = {.centre = -1,
                                .initial_x = ix,
                                .initial_y = iy,
                                .n_ghosts = n_ghosts,
                                .ghost_x = gx,
                                .ghost_y = gy,
                                .subtitle = subtitle};
    cli_map_source src = {g, &job->in->list, job->in->path};
    collab_map map;
    if (st == COLLAB_OK) {
        st = cli_map_build(&map, &src, an, &mo, &extras, err);
    }
    if (st == COLLAB_OK) {
        char path[4096];
        char ext[8];
        snprintf(ext, sizeof ext, ".%s", collab_render_format_name(job->sa->format));
        cli_path_in(path, sizeof path, job->sa->dir, job->sl->label, ext);
        st = cli_map_write(&map, path, job->sa->format, mo.dpi, job->in->path, err);
        if (st == COLLAB_OK && job->sa->scenes) {
            cli_path_in(path, sizeof path, job->sa->dir, job->sl->label, ".json");
            st = cli_map_write_scene(&map, path, job->in->path, err);
        }
        if (st == COLLAB_OK && !map.by_community) {
            st = place_drawn(c, g, &map, err);
        }
        *job->sheet_scene = map.scene;
        memset(&map.scene, 0, sizeof map.scene);
        collab_map_destroy(&map);
    }
    collab_free(ix);
    collab_free(iy);
    collab_free(gx);
    collab_free(gy);
    return st;
}

static collab_status run_slice(slice_job *job, collab_error *err)
{
    collab_graph g;
    collab_error local = {0};
    collab_status st = collab_slices_graph(&g, &job->in->list, &job->in->graph, job->sl, &local);
    if (st == COLLAB_E_INPUT) {
        return COLLAB_OK; /* no rows in these years: listed as empty in the index */
    }
    if (st != COLLAB_OK) {
        *err = local;
        return st;
    }
    job->sl->drawn = true;
    job->sl->rows = g.stats.rows_used;
    job->sl->people = collab_graph_vertex_count(&g);
    job->sl->ties = collab_graph_edge_count(&g);
    cli_analysis an;
    cli_analysis_init(&an);
    an.metrics = job->template_an->metrics;
    an.community = job->template_an->community;
    an.verbose = job->template_an->verbose;
    an.label = job->sl->label;
    /* The exact sweeps of all slices share one command's budget: eight decades each just below
     * the limit would otherwise run for minutes without a word. */
    an.metrics.exact_work_limit = COLLAB_EXACT_WORK_LIMIT / (double)job->n_slices;
    st = cli_analysis_run_graph(&an, &g, err);
    if (st == COLLAB_OK) {
        st = write_report(job, &g, &an, err);
    }
    if (st == COLLAB_OK) {
        st = record_ranks(job, &g, &an, err);
    }
    if (st == COLLAB_OK) {
        st = draw_slice(job, &g, &an, err);
    }
    cli_analysis_destroy(&an);
    collab_graph_destroy(&g);
    return st;
}

/* ---- the files about all slices --------------------------------------------------------- */

static collab_status write_ranks(const cli_input *in, const slices_args *sa, const slice *s,
                                 size_t n_slices, const collab_timeline *c, collab_error *err)
{
    collab_ranked_person *people = NULL;
    size_t n = 0;
    collab_status st0 = collab_timeline_ranked(c, &people, &n, err);
    if (st0 != COLLAB_OK) {
        return st0;
    }
    char path[4096];
    cli_path_in(path, sizeof path, sa->dir, "ranks", ".csv");
    collab_output out;
    collab_status st = cli_output_open(&out, path, in->path, err);
    if (st == COLLAB_OK) {
        fputs("name,best_rank", out.f);
        for (size_t k = 0; k < n_slices; k++) {
            fputc(',', out.f);
            collab_report_csv_field(out.f, s[k].label);
        }
        fputc('\n', out.f);
        for (size_t i = 0; i < n; i++) {
            collab_report_csv_field(out.f, collab_names_get(&in->list.names_a, people[i].person));
            fprintf(out.f, ",%u", people[i].best);
            for (size_t k = 0; k < n_slices; k++) {
                uint32_t r = c->rank[k * c->n_people + people[i].person];
                if (r != 0) {
                    fprintf(out.f, ",%u", r);
                } else {
                    fputc(',', out.f);
                }
            }
            fputc('\n', out.f);
        }
        st = cli_output_finish(&out, st, err);
    }
    collab_free(people);
    return st;
}

static collab_status write_index(const cli_input *in, const slices_args *sa, const slice *s,
                                 size_t n_slices, size_t no_year, collab_error *err)
{
    char path[4096];
    cli_path_in(path, sizeof path, sa->dir, "index", ".md");
    collab_output out;
    collab_status st = cli_output_open(&out, path, in->path, err);
    if (st != COLLAB_OK) {
        return st;
    }
    FILE *f = out.f;
    fprintf(f, "# Time slices of %s\n\n", in->list.source);
    fprintf(f, "Ranked by %s. %zu kept row%s without a year %s left out.\n\n",
            collab_metric_name(sa->sort), no_year, no_year == 1 ? "" : "s",
            no_year == 1 ? "is" : "are");
    fputs("| slice | years | rows | people | ties | first by rank | report | map |\n"
          "|---|---|---:|---:|---:|---|---|---|\n",
          f);
    for (size_t k = 0; k < n_slices; k++) {
        fprintf(f, "| %s | %d\xe2\x80\x93%d | %zu | %zu | %zu | ", s[k].label, s[k].from, s[k].to,
                s[k].rows, s[k].people, s[k].ties);
        for (size_t i = 0; s[k].drawn && i < 3 && s[k].top[i][0] != '\0'; i++) {
            fputs(i > 0 ? ", " : "", f);
            collab_report_md_text(f, s[k].top[i]);
        }
        if (s[k].drawn) {
            fprintf(f, " | [%s.md](%s.md) | [%s.%s](%s.%s) |\n", s[k].label, s[k].label, s[k].label,
                    collab_render_format_name(sa->format), s[k].label,
                    collab_render_format_name(sa->format));
        } else {
            fputs("no credits | | |\n", f);
        }
    }
    return cli_output_finish(&out, COLLAB_OK, err);
}

/* All drawn slices on one page, in order, three to a row: each map keeps its own title, so
 * the cells name their years. */
#define SHEET_COLUMNS    3
#define SHEET_CELL_WIDTH 700.0

static collab_status contact_sheet(const cli_input *in, const slices_args *sa, const slice *s,
                                   const collab_scene *scenes, size_t n_slices, collab_error *err)
{
    collab_scene *drawn = collab_calloc_array(n_slices + 1, sizeof *drawn);
    if (drawn == NULL) {
        return collab_error_nomem(err, "cutting slices");
    }
    size_t n = 0;
    for (size_t k = 0; k < n_slices; k++) {
        if (s[k].drawn) {
            drawn[n++] = scenes[k]; /* shallow copies: the scenes stay with the caller */
        }
    }
    char path[4096];
    char ext[8];
    snprintf(ext, sizeof ext, ".%s", collab_render_format_name(sa->format));
    cli_path_in(path, sizeof path, sa->dir, "contact_sheet", ext);
    collab_output out;
    collab_status st = cli_output_open(&out, path, in->path, err);
    if (st == COLLAB_OK) {
        st = collab_render_sheet_output(drawn, n, SHEET_COLUMNS, SHEET_CELL_WIDTH, &out, sa->format,
                                        144, err);
        st = cli_output_finish(&out, st, err);
    }
    collab_free(drawn);
    return st;
}

/* ---- driver ----------------------------------------------------------------------------- */

static collab_status check_input(const cli_input *in, collab_error *err)
{
    if (in->list.shape != COLLAB_SHAPE_CREDITS || in->list.year == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "slices need credits with a year column (person,project,role,"
                                "year)");
    }
    if (in->g.view != COLLAB_VIEW_PEOPLE) {
        return collab_error_set(err, COLLAB_E_USAGE, "slices draw people: use --view people");
    }
    return COLLAB_OK;
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    const slices_args *sa = settings;
    cli_input *in = &r->in;
    const cli_analysis *an = &r->an;
    collab_status st = check_input(in, err);
    int lo = 0;
    int hi = 0;
    size_t no_year = 0;
    if (st == COLLAB_OK) {
        collab_slices_year_span(&in->g, &in->list, &lo, &hi, &no_year);
        if (lo > hi) {
            st = collab_error_set(err, COLLAB_E_INPUT, "no credit in '%s' has a year to slice by",
                                  in->list.source);
        }
    }
    slice *s = NULL;
    size_t n_slices = 0;
    st = st == COLLAB_OK ? collab_slices_cut(lo, hi, sa->window, sa->step, &s, &n_slices, err) : st;
    st = st == COLLAB_OK ? cli_make_dir(sa->dir, err) : st;
    collab_timeline c = {0};
    collab_scene *scenes = NULL;
    if (st == COLLAB_OK) {
        st = collab_timeline_init(&c, in->list.names_a.count, n_slices, err);
    }
    if (st == COLLAB_OK) {
        scenes = collab_calloc_array(n_slices + 1, sizeof *scenes);
        st = scenes == NULL ? collab_error_nomem(err, "cutting slices") : COLLAB_OK;
    }
    if (st == COLLAB_OK && no_year > 0) {
        fprintf(stderr, "collab: %zu row%s without a year left out of the slices\n", no_year,
                no_year == 1 ? "" : "s");
    }
    for (size_t k = 0; st == COLLAB_OK && k < n_slices; k++) {
        slice_job job = {in, an, sa, &s[k], k, n_slices, &c, &scenes[k]};
        st = run_slice(&job, err);
    }
    if (st == COLLAB_OK) {
        st = write_ranks(in, sa, s, n_slices, &c, err);
    }
    if (st == COLLAB_OK) {
        st = write_index(in, sa, s, n_slices, no_year, err);
    }
    if (st == COLLAB_OK) {
        st = contact_sheet(in, sa, s, scenes, n_slices, err);
    }
    for (size_t k = 0; scenes != NULL && k < n_slices; k++) {
        collab_scene_destroy(&scenes[k]);
    }
    collab_free(scenes);
    collab_timeline_destroy(&c);
    collab_free(s);
    return st;
}

/* -o DIR and the map format, before the input is read. */
static collab_status check(cli_run *r, void *settings, collab_error *err)
{
    slices_args *sa = settings;
    sa->dir = r->output;
    sa->format = r->format < 0 ? COLLAB_RENDER_PNG : (collab_render_format)r->format;
    if (sa->dir == NULL || strcmp(sa->dir, "-") == 0) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "missing -o DIR (the directory to write into)");
    }
    return COLLAB_OK;
}

static void slices_init(void *settings)
{
    slices_args *sa = settings;
    sa->sort = COLLAB_METRIC_DEGREE;
    sa->top = 20;
}

static const struct option slices_options[] = {
    {"by", required_argument, NULL, OPT_BY},
    {"sort", required_argument, NULL, OPT_SORT},
    {"top", required_argument, NULL, OPT_TOP},
    {"scenes", no_argument, NULL, OPT_SCENES},
    {NULL, 0, NULL, 0},
};

static const char *const formats[] = {"png", "svg", "pdf", NULL};

static const cli_command slices_command = {
    .name = "slices",
    .usage = slices_usage,
    .flags = CLI_LOADS_INPUT | CLI_TAKES_ANALYSIS,
    .own = slices_options,
    .handle = slices_option,
    .n_positional = 1,
    .positional = "FILE",
    .formats = formats,
    .settings_size = sizeof(slices_args),
    .init = slices_init,
    .check = check,
    .run = run,
};

int cmd_slices(int argc, char **argv)
{
    return cli_run_command(&slices_command, argc, argv);
}
