/* collab analyze: the whole job from one command. One load, one set of metrics and communities,
 * one map: the summary, the report in every format, the community report, the map as PNG, SVG
 * and PDF, and every export are all written from them into one directory. */
#include "cli.h"

#include "collab/clock.h"
#include "map_internal.h"

#include "collab/alloc.h"
#include "collab/export.h"
#include "collab/summary.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static const char *const analyze_usage =
    "usage: collab analyze [options] FILE -o DIR\n\n"
    "Runs the whole analysis once and writes every output into DIR (created if missing):\n"
    "  summary.txt, summary.json          what was read and built\n"
    "  report.txt, report.md              the top --top people by --sort, with global statistics\n"
    "  report.csv, report.json            every node and every metric\n"
    "  report.html                        one self-contained page: map, tables, plots, provenance\n"
    "  communities.md                     communities with members, density, roles and years\n"
    "  map.png, map.svg, map.pdf          the map (communities as bubbles above 20000 nodes)\n"
    "  network.graphml, network.gexf, network.gml, network.json, network.vos.json,\n"
    "  nodes.csv, edges.csv               the network with metrics, communities and positions\n"
    "for Gephi, Cytoscape, VOSviewer, d3 and spreadsheets. Progress per stage on a terminal;\n"
    "--verbose times every stage and metric and reports the peak memory.\n\n"
    "Options:\n"
    "      --top N                  rows in report.txt, report.md and the HTML table (default 50)\n"
    "      --sort METRIC            ranking metric (default betweenness)\n"
    "      --no-map                 skip the map (and positions in the exports)\n"
    "      --provenance-path        name the input by its full path in report.html's\n"
    "                               provenance (default: its file name, with its SHA-256)\n"
    "  -o, --output DIR             the directory to write into\n"
    "  -h, --help                   show this help\n";

enum { OPT_TOP = 1, OPT_SORT, OPT_NO_MAP, OPT_PROVENANCE_PATH };

typedef struct analyze_args {
    const char *dir;          /* -o */
    size_t top;               /* report rows */
    collab_metric sort;       /* ranking metric */
    bool no_map;              /* --no-map */
    bool provenance_path;     /* --provenance-path */
    const char *command_line; /* for the HTML provenance (borrowed from the runner) */
} analyze_args;

/* Stage bookkeeping: a line per stage on a terminal, and timings with --verbose. */
typedef struct stages {
    bool show;                /* stderr is a terminal or --verbose */
    bool verbose;             /* print each stage's time */
    double start;             /* when the current stage began */
    const char *name;         /* the current stage */
} stages;

static void stage_begin(stages *s, const char *name)
{
    s->name = name;
    s->start = collab_clock_seconds();
    if (s->show && !s->verbose) {
        fprintf(stderr, "collab: %s...\n", name);
    }
}

static void stage_end(stages *s)
{
    if (s->verbose) {
        fprintf(stderr, "collab: %-28s %8.3f s\n", s->name, collab_clock_seconds() - s->start);
    }
}

/* With --verbose, the time of one file of the current stage (from `start`). */
static void file_timing(const stages *s, const char *file, double start)
{
    if (s->verbose) {
        fprintf(stderr, "collab:   %-26s %8.3f s\n", file, collab_clock_seconds() - start);
    }
}

static bool analyze_option(void *ctx, int opt, const char *arg, collab_error *err)
{
    analyze_args *aa = ctx;
    switch (opt) {
    case OPT_TOP:
        cli_parse_top(arg, &aa->top, err);
        return true;
    case OPT_SORT:
        cli_parse_sort(arg, &aa->sort, err);
        return true;
    case OPT_NO_MAP:
        aa->no_map = true;
        return true;
    case OPT_PROVENANCE_PATH:
        aa->provenance_path = true;
        return true;
    default:
        return false;
    }
}

/* ---- the outputs ------------------------------------------------------------------------ */

typedef struct job {
    cli_input *in;
    cli_analysis *an;
    const analyze_args *aa;
    collab_map map;              /* the map, when drawn */
    bool have_map;
    stages st;
} job;

static collab_status write_summary(job *j, collab_error *err)
{
    collab_summary s;
    collab_status st = collab_summary_compute(&s, &j->in->g, err);
    for (int json = 0; st == COLLAB_OK && json <= 1; json++) {
        char path[4096];
        cli_path_in(path, sizeof path, j->aa->dir, json ? "summary.json" : "summary.txt", "");
        collab_output out;
        st = cli_output_open(&out, path, j->in->path, err);
        if (st == COLLAB_OK) {
            st = json ? collab_summary_write_json(out.f, &s, &j->in->list, &j->in->g,
                                                  &j->in->graph, err)
                      : collab_summary_write_text(out.f, &s, &j->in->list, &j->in->g,
                                                  &j->in->graph, err);
            st = cli_output_finish(&out, st, err);
        }
    }
    return st;
}

/* report.txt/.md with the top rows, report.csv/.json with every node, communities.md. */
static collab_status write_reports(job *j, collab_error *err)
{
    static const struct {
        const char *name;
        collab_report_format format;
        bool all;
        bool communities;
    } files[] = {
        {"report.txt", COLLAB_FORMAT_TABLE, false, false},
        {"report.md", COLLAB_FORMAT_MD, false, false},
        {"report.csv", COLLAB_FORMAT_CSV, true, false},
        {"report.json", COLLAB_FORMAT_JSON, true, false},
        {"communities.md", COLLAB_FORMAT_MD, false, true},
    };
    collab_report_input ri;
    cli_analysis_report_input(j->an, j->in, &ri);
    collab_status st = COLLAB_OK;
    for (size_t i = 0; st == COLLAB_OK && i < sizeof files / sizeof files[0]; i++) {
        collab_report_options ro;
        collab_report_options_init(&ro);
        ro.format = files[i].format;
        ro.top = files[i].all ? 0 : j->aa->top;
        ro.sort = j->aa->sort;
        char path[4096];
        cli_path_in(path, sizeof path, j->aa->dir, files[i].name, "");
        double start = collab_clock_seconds();
        collab_output out;
        st = cli_output_open(&out, path, j->in->path, err);
        if (st == COLLAB_OK) {
            st = files[i].communities ? collab_report_write_communities(out.f, &ri, &ro, err)
                                      : collab_report_write(out.f, &ri, &ro, err);
            st = cli_output_finish(&out, st, err);
        }
        file_timing(&j->st, files[i].name, start);
    }
    return st;
}

static collab_status write_maps(job *j, collab_error *err)
{
    static const struct {
        const char *name;
        collab_render_format format;
    } files[] = {
        {"map.png", COLLAB_RENDER_PNG},
        {"map.svg", COLLAB_RENDER_SVG},
        {"map.pdf", COLLAB_RENDER_PDF},
    };
    cli_map_options mo;
    cli_map_options_init(&mo);
    collab_status st = COLLAB_OK;
    for (size_t i = 0; st == COLLAB_OK && i < sizeof files / sizeof files[0]; i++) {
        char path[4096];
        cli_path_in(path, sizeof path, j->aa->dir, files[i].name, "");
        st = cli_map_write(&j->map, path, files[i].format, mo.dpi, j->in->path, err);
    }
    return st;
}

static collab_status write_html(job *j, collab_error *err)
{
    collab_report_options ro;
    collab_report_options_init(&ro);
    ro.top = j->aa->top;
    ro.sort = j->aa->sort;
    cli_html_page page = {0};
    page.map = j->have_map ? &j->map : NULL;
    page.command_line = j->aa->command_line;
    page.provenance_path = j->aa->provenance_path;
    char path[4096];
    cli_path_in(path, sizeof path, j->aa->dir, "report.html", "");
    return cli_report_html_file(j->in, j->an, &page, &ro, path, err);
}

/* The exports, in the order below, are split between the two writers at this index. */
#define EXPORTS_ON_SECOND_WRITER 3

/* Exports number `first` to `first + count - 1` of the list below. */
static collab_status write_exports(job *j, size_t first, size_t count, collab_error *err)
{
    static const struct {
        const char *name;
        collab_export_format format;
    } files[] = {
        /* The first EXPORTS_ON_SECOND_WRITER go to the second writer with the reports: the
         * halves take about the same time (1M rows: 9.1 s and 8.1 s). */
        {"network.graphml", COLLAB_EXPORT_GRAPHML}, {"network.gexf", COLLAB_EXPORT_GEXF},
        {"network.json", COLLAB_EXPORT_JSON},       {"network.gml", COLLAB_EXPORT_GML},
        {"network.vos.json", COLLAB_EXPORT_VOSVIEWER}, {"nodes.csv", COLLAB_EXPORT_CSV_NODES},
    };
    collab_status st = COLLAB_OK;
    size_t n_files = sizeof files / sizeof files[0];
    size_t end = count < n_files - first ? first + count : n_files;
    for (size_t i = first; st == COLLAB_OK && i < end; i++) {
        char path[4096];
        cli_path_in(path, sizeof path, j->aa->dir, files[i].name, "");
        double start = collab_clock_seconds();
        st = cli_export_file(j->in, j->an, j->have_map ? &j->map : NULL, path,
                             (int)files[i].format, err);
        file_timing(&j->st, files[i].name, start);
    }
    return st;
}

/* The outputs are written by two threads (one with --threads 1): the second writes the reports
 * and the first exports, this one the map, the page and the other exports. Both only read the
 * job (graph, metrics, communities, map scene); each output is its own atomic file; each writer
 * has its own error, and this thread's is reported first. */
typedef struct writer {
    job *j;
    double reports_seconds;  /* its stage times */
    double exports_seconds;
    collab_status st;
    collab_error err;
} writer;

static void *second_writer(void *arg)
{
    writer *w = arg;
    double start = collab_clock_seconds();
    w->st = write_reports(w->j, &w->err);
    double middle = collab_clock_seconds();
    w->reports_seconds = middle - start;
    if (w->st == COLLAB_OK) {
        w->st = write_exports(w->j, 0, EXPORTS_ON_SECOND_WRITER, &w->err);
    }
    w->exports_seconds = collab_clock_seconds() - middle;
    return NULL;
}

static collab_status write_outputs(job *j, collab_error *err)
{
    stages *s = &j->st;
    bool two_writers = j->an->metrics.threads != 1; /* --threads 1: one after the other */
    if (s->show && !s->verbose) {
        fprintf(stderr, "collab: reports, map, html report and exports (%s)...\n",
                two_writers ? "two writers" : "one writer");
    }
    double start = collab_clock_seconds();
    writer w;
    memset(&w, 0, sizeof w);
    w.j = j;
    pthread_t thread;
    bool threaded = two_writers && pthread_create(&thread, NULL, second_writer, &w) == 0;
    if (!threaded) {
        second_writer(&w);
    }
    collab_status st = COLLAB_OK;
    double t0 = collab_clock_seconds();
    if (j->have_map) {
        st = write_maps(j, err);
    }
    double t1 = collab_clock_seconds();
    if (st == COLLAB_OK) {
        st = write_html(j, err);
    }
    double t2 = collab_clock_seconds();
    if (st == COLLAB_OK) {
        st = write_exports(j, EXPORTS_ON_SECOND_WRITER, SIZE_MAX, err);
    }
    double t3 = collab_clock_seconds();
    if (threaded) {
        pthread_join(thread, NULL);
    }
    if (s->verbose) {
        /* Stage times are each writer's own; they overlap, so the wall time is printed too. */
        fprintf(stderr, "collab: %-28s %8.3f s\n", "reports", w.reports_seconds);
        if (j->have_map) {
            fprintf(stderr, "collab: %-28s %8.3f s\n", "map png, svg, pdf", t1 - t0);
        }
        fprintf(stderr, "collab: %-28s %8.3f s\n", "html report", t2 - t1);
        fprintf(stderr, "collab: %-28s %8.3f s\n", "exports", w.exports_seconds + (t3 - t2));
        fprintf(stderr, "collab: %-28s %8.3f s\n",
                two_writers ? "outputs (two writers, wall)" : "outputs (one writer, wall)",
                collab_clock_seconds() - start);
    }
    if (st == COLLAB_OK && w.st != COLLAB_OK) {
        *err = w.err;
        st = w.st;
    }
    return st;
}

static collab_status run(job *j, collab_error *err)
{
    collab_status st = cli_make_dir(j->aa->dir, err);
    if (st == COLLAB_OK) {
        stage_begin(&j->st, "load and build");
        st = cli_input_load(j->in, err);
        stage_end(&j->st);
    }
    if (st == COLLAB_OK) {
        stage_begin(&j->st, "summary");
        st = write_summary(j, err);
        stage_end(&j->st);
    }
    if (st == COLLAB_OK) {
        stage_begin(&j->st, "metrics and communities");
        st = cli_analysis_run(j->an, j->in, err);
        stage_end(&j->st);
    }
    if (st == COLLAB_OK && !j->aa->no_map) {
        stage_begin(&j->st, "layout and scene");
        cli_map_options mo;
        cli_map_options_init(&mo);
        cli_map_source src = {&j->in->g, &j->in->list, j->in->path};
        st = cli_map_build(&j->map, &src, j->an, &mo, NULL, err);
        j->have_map = st == COLLAB_OK;
        stage_end(&j->st);
    }
    if (st == COLLAB_OK) {
        st = write_outputs(j, err);
    }
    return st;
}

/* -o DIR, before the input is read. */
static collab_status check(cli_run *r, void *settings, collab_error *err)
{
    analyze_args *aa = settings;
    aa->dir = r->output;
    aa->command_line = r->command_line;
    if (aa->dir == NULL || strcmp(aa->dir, "-") == 0) {
        return collab_error_set(err, COLLAB_E_USAGE, "missing -o DIR (the directory to write into)");
    }
    return COLLAB_OK;
}

/* Loads the input itself, as its first timed stage. */
static collab_status run_analyze(cli_run *r, void *settings, collab_error *err)
{
    job j;
    memset(&j, 0, sizeof j);
    j.in = &r->in;
    j.an = &r->an;
    j.aa = settings;
    j.st.verbose = r->an.verbose;
    j.st.show = r->an.verbose || isatty(STDERR_FILENO);
    collab_status st = run(&j, err);
    collab_map_destroy(&j.map);
    struct rusage usage;
    if (st == COLLAB_OK && j.st.verbose && getrusage(RUSAGE_SELF, &usage) == 0) {
        /* ru_maxrss is in KiB on Linux */
        fprintf(stderr, "collab: peak memory %.0f MiB\n", (double)usage.ru_maxrss / 1024);
    }
    return st;
}

static void analyze_init(void *settings)
{
    analyze_args *aa = settings;
    aa->top = 50;
    aa->sort = COLLAB_METRIC_BETWEENNESS;
}

static const struct option analyze_options[] = {
    {"top", required_argument, NULL, OPT_TOP},
    {"sort", required_argument, NULL, OPT_SORT},
    {"no-map", no_argument, NULL, OPT_NO_MAP},
    {"provenance-path", no_argument, NULL, OPT_PROVENANCE_PATH},
    {NULL, 0, NULL, 0},
};

static const cli_command analyze_command = {
    .name = "analyze",
    .usage = analyze_usage,
    .flags = CLI_TAKES_ANALYSIS,
    .own = analyze_options,
    .handle = analyze_option,
    .n_positional = 1,
    .positional = "FILE",
    .settings_size = sizeof(analyze_args),
    .init = analyze_init,
    .check = check,
    .run = run_analyze,
};

int cmd_analyze(int argc, char **argv)
{
    return cli_run_command(&analyze_command, argc, argv);
}
