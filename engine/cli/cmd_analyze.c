/* collab analyze: the whole job from one command. One load, one set of metrics and communities,
 * one map: the summary, the report in every format, the community report, the map as PNG, SVG
 * and PDF, the HTML report and the network for Gephi (GEXF) are all written from them into one
 * directory; the other network formats when asked (--exports), compressed with --compress. */
#include "collab/alloc.h"
#include "collab/clock.h"
#include "collab/export.h"
#include "collab/summary.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"
#include "map_internal.h"

static const char *const analyze_usage =
    "usage: collab analyze [options] FILE -o DIR\n\n"
    "Runs the whole analysis once and writes every output into DIR (created if missing):\n"
    "  summary.txt, summary.json          what was read and built\n"
    "  report.txt, report.md              the top --top people by --sort, with global statistics\n"
    "  report.csv, report.json            every node and every metric\n"
    "  report.html                        one self-contained page: map, tables, plots, provenance\n"
    "  communities.md                     communities with members, density, roles and years\n"
    "  map.png, map.svg, map.pdf          the map (communities as bubbles above 20000 nodes)\n"
    "  network.gexf                       the network with metrics, communities and positions,\n"
    "                                     for Gephi\n"
    "and with --exports the network in other formats: network.graphml (Cytoscape, yEd),\n"
    "network.gml, network.json (d3, NetworkX), network.vos.json (VOSviewer), nodes.csv and\n"
    "edges.csv (spreadsheets). Progress per stage on a terminal; --verbose times every stage\n"
    "and metric and reports the peak memory.\n\n"
    "Options:\n"
    "      --top N                  rows in report.txt, report.md and the HTML table (default 50)\n"
    "      --sort METRIC            ranking metric (default betweenness)\n"
    "      --no-map                 skip the map (and positions in the exports)\n"
    "      --exports LIST           network formats to write, comma-separated, from\n"
    "                               {exports}; 'all' or 'none' (default gexf)\n"
    "      --compress               write the network files gzip-compressed\n"
    "                               (network.gexf.gz: Gephi, NetworkX and igraph read them)\n"
    "      --layout-from SCENE.json the map's nodes where an earlier map's scene JSON has them\n"
    "                               (collab map --scene), matched by name\n"
    "      --provenance-path        name the input by its full path in report.html's\n"
    "                               provenance (default: its file name, with its SHA-256)\n"
    "  -o, --output DIR             the directory to write into\n"
    "  -h, --help                   show this help\n";

enum {
    OPT_TOP = 1,
    OPT_SORT,
    OPT_NO_MAP,
    OPT_EXPORTS,
    OPT_COMPRESS,
    OPT_LAYOUT_FROM,
    OPT_PROVENANCE_PATH
};

typedef struct analyze_args {
    const char *dir;                          /* -o */
    size_t top;                               /* report rows */
    collab_metric sort;                       /* ranking metric */
    bool no_map;                              /* --no-map */
    bool exports[COLLAB_EXPORT_FORMAT_COUNT]; /* --exports: the network formats written */
    bool compress;                            /* --compress: the network files gzip-compressed */
    const char *layout_from;                  /* --layout-from: an earlier map's scene JSON */
    bool provenance_path;                     /* --provenance-path */
    const char *command_line; /* for the HTML provenance (borrowed from the runner) */
} analyze_args;

/* Stage bookkeeping: a line per stage on a terminal, and timings with --verbose. */
typedef struct stages {
    bool show;        /* stderr is a terminal or --verbose */
    bool verbose;     /* print each stage's time */
    double start;     /* when the current stage began */
    const char *name; /* the current stage */
    bool one_writer;  /* --threads 1: the outputs are written one after the other, so the
                         process's user time during a file is its writer's */
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

/* The process's user CPU seconds so far. */
static double user_seconds(void)
{
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) {
        return 0;
    }
    return (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec * 1e-6;
}

/* With --verbose, the time of one file of the current stage (from `start`); with one writer
 * also its user CPU time (from `user_start`): the formatting, without the kernel's copy into
 * the page cache. */
static void file_timing(const stages *s, const char *file, double start, double user_start)
{
    if (s->verbose && s->one_writer) {
        fprintf(stderr, "collab:   %-26s %8.3f s (user %.3f s)\n", file,
                collab_clock_seconds() - start, user_seconds() - user_start);
    } else if (s->verbose) {
        fprintf(stderr, "collab:   %-26s %8.3f s\n", file, collab_clock_seconds() - start);
    }
}

/* --exports: "all", "none" or a comma-separated list of export format choices ("gexf,csv"). */
static void parse_exports(const char *arg, bool chosen[COLLAB_EXPORT_FORMAT_COUNT],
                          collab_error *err)
{
    bool all = strcmp(arg, "all") == 0;
    for (int i = 0; i < COLLAB_EXPORT_FORMAT_COUNT; i++) {
        chosen[i] = all && collab_export_format_option_name(i) != NULL;
    }
    if (all || strcmp(arg, "none") == 0) {
        return;
    }
    for (const char *word = arg;;) {
        size_t len = strcspn(word, ",");
        int found = -1;
        for (int i = 0; collab_export_format_option_name(i) != NULL; i++) {
            const char *name = collab_export_format_option_name(i);
            if (strlen(name) == len && strncmp(word, name, len) == 0) {
                found = i;
            }
        }
        if (found < 0) {
            char names[128];
            cli_join_names(names, sizeof names, "{exports}", ", ", ", ");
            collab_error_set(err, COLLAB_E_USAGE,
                             "--exports takes %s, all or none, comma-separated, not '%.*s'", names,
                             (int)len, word);
            return;
        }
        chosen[found] = true;
        if (word[len] == '\0') {
            return;
        }
        word += len + 1;
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
    case OPT_LAYOUT_FROM:
        aa->layout_from = arg;
        return true;
    case OPT_NO_MAP:
        aa->no_map = true;
        return true;
    case OPT_EXPORTS:
        parse_exports(arg, aa->exports, err);
        return true;
    case OPT_COMPRESS:
        aa->compress = true;
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
    collab_map map; /* the map, when drawn */
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
            st = json ? collab_summary_write_json(out.f, &s, &j->in->list, &j->in->g, &j->in->graph,
                                                  err)
                      : collab_summary_write_text(out.f, &s, &j->in->list, &j->in->g, &j->in->graph,
                                                  err);
            st = cli_output_finish(&out, st, err);
        }
    }
    return st;
}

/* report.txt/.md with the top rows, report.csv/.json with every node, communities.md; `weight`
 * is what each took, in milliseconds, on the 1M-row generated file (see plan_tasks). */
static const struct {
    const char *name;
    collab_report_format format;
    bool all;
    bool communities;
    int weight;
} report_files[] = {
    {"report.txt", COLLAB_FORMAT_TABLE, false, false, 1},
    {"report.md", COLLAB_FORMAT_MD, false, false, 1},
    {"report.csv", COLLAB_FORMAT_CSV, true, false, 280},
    {"report.json", COLLAB_FORMAT_JSON, true, false, 600},
    {"communities.md", COLLAB_FORMAT_MD, false, true, 40},
};
#define N_REPORT_FILES (sizeof report_files / sizeof report_files[0])

static collab_status write_report(job *j, size_t i, collab_error *err)
{
    collab_report_input ri;
    cli_analysis_report_input(j->an, j->in, &ri);
    collab_report_options ro;
    collab_report_options_init(&ro);
    ro.format = report_files[i].format;
    ro.top = report_files[i].all ? 0 : j->aa->top;
    ro.sort = j->aa->sort;
    ro.threads = 1; /* the writers already share the outputs */
    char path[4096];
    cli_path_in(path, sizeof path, j->aa->dir, report_files[i].name, "");
    double start = collab_clock_seconds();
    double user_start = user_seconds();
    collab_output out;
    collab_status st = cli_output_open(&out, path, j->in->path, err);
    if (st == COLLAB_OK) {
        st = report_files[i].communities ? collab_report_write_communities(out.f, &ri, &ro, err)
                                         : collab_report_write(out.f, &ri, &ro, err);
        st = cli_output_finish(&out, st, err);
    }
    file_timing(&j->st, report_files[i].name, start, user_start);
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

/* The network formats, with what each weighs: its writer's milliseconds on the 1M-row
 * generated file (see plan_tasks). */
static const struct {
    const char *name;
    collab_export_format format;
    int weight;
} export_files[] = {
    {"network.graphml", COLLAB_EXPORT_GRAPHML, 1860},
    {"network.gexf", COLLAB_EXPORT_GEXF, 1490},
    {"network.gml", COLLAB_EXPORT_GML, 1470},
    {"network.json", COLLAB_EXPORT_JSON, 1260},
    {"network.vos.json", COLLAB_EXPORT_VOSVIEWER, 1350},
    {"nodes.csv", COLLAB_EXPORT_CSV_NODES, 1110}, /* and edges.csv */
};
#define N_EXPORT_FILES (sizeof export_files / sizeof export_files[0])

/* The map (PNG, SVG, PDF) and the page, one after the other: the only outputs drawn with cairo
 * and pango, which stay on one thread. Milliseconds on the 1M-row file, as above. */
#define MAP_AND_PAGE_WEIGHT 1300

static collab_status write_export(job *j, size_t i, collab_error *err)
{
    char path[4096];
    cli_path_in(path, sizeof path, j->aa->dir, export_files[i].name, j->aa->compress ? ".gz" : "");
    double start = collab_clock_seconds();
    double user_start = user_seconds();
    /* One thread each: the writers already share the outputs. */
    collab_status st = cli_export_file(j->in, j->an, j->have_map ? &j->map : NULL, path,
                                       (int)export_files[i].format, 1, err);
    file_timing(&j->st, export_files[i].name, start, user_start);
    return st;
}

/* One output (or the map and the page) of the job, as a writer takes it. */
typedef enum task_kind { TASK_REPORT, TASK_MAP_AND_PAGE, TASK_EXPORT } task_kind;

typedef struct task {
    task_kind kind;
    size_t file;         /* index into report_files or export_files */
    int weight;          /* milliseconds on the 1M-row file */
    double seconds;      /* its writer's time (the map's alone for TASK_MAP_AND_PAGE) */
    double page_seconds; /* TASK_MAP_AND_PAGE: the page's */
    collab_status st;
    collab_error err;
} task;

#define MAX_TASKS (N_REPORT_FILES + 1 + N_EXPORT_FILES)

/* The outputs to write, in the order writers take them: with one writer the reports, the map and
 * page, then the exports; with two, heaviest first (longest processing time first), so that the
 * last to finish is a short one. Which writer writes a file never changes its bytes. */
static size_t plan_tasks(const job *j, bool two_writers, task tasks[MAX_TASKS])
{
    size_t n = 0;
    for (size_t i = 0; i < N_REPORT_FILES; i++) {
        tasks[n++] = (task){.kind = TASK_REPORT, .file = i, .weight = report_files[i].weight};
    }
    tasks[n++] = (task){.kind = TASK_MAP_AND_PAGE, .weight = MAP_AND_PAGE_WEIGHT};
    for (size_t i = 0; i < N_EXPORT_FILES; i++) {
        if (j->aa->exports[export_files[i].format]) {
            tasks[n++] = (task){.kind = TASK_EXPORT, .file = i, .weight = export_files[i].weight};
        }
    }
    /* an insertion sort, stable: equal weights keep the order above */
    for (size_t i = 1; two_writers && i < n; i++) {
        task t = tasks[i];
        size_t k = i;
        for (; k > 0 && tasks[k - 1].weight < t.weight; k--) {
            tasks[k] = tasks[k - 1];
        }
        tasks[k] = t;
    }
    return n;
}

static collab_status run_task(job *j, task *t)
{
    double start = collab_clock_seconds();
    collab_status st = COLLAB_OK;
    switch (t->kind) {
    case TASK_REPORT:
        st = write_report(j, t->file, &t->err);
        break;
    case TASK_EXPORT:
        st = write_export(j, t->file, &t->err);
        break;
    case TASK_MAP_AND_PAGE:
        if (j->have_map) { /* --no-map: the page without its map */
            st = write_maps(j, &t->err);
        }
        t->seconds = collab_clock_seconds() - start;
        start = collab_clock_seconds();
        if (st == COLLAB_OK) {
            st = write_html(j, &t->err);
        }
        t->page_seconds = collab_clock_seconds() - start;
        return st;
    }
    t->seconds = collab_clock_seconds() - start;
    return st;
}

/* The tasks shared by the writers: each takes the next one not taken. They only read the job
 * (graph, metrics, communities, map scene); each output is its own atomic file; each task keeps
 * its own error. After a failure no writer starts another task. */
typedef struct task_queue {
    job *j;
    task *tasks;
    size_t n;
    atomic_size_t next;
    atomic_bool failed;
} task_queue;

static void *run_tasks(void *arg)
{
    task_queue *q = arg;
    for (;;) {
        if (atomic_load(&q->failed)) {
            return NULL;
        }
        size_t i = atomic_fetch_add(&q->next, 1);
        if (i >= q->n) {
            return NULL;
        }
        q->tasks[i].st = run_task(q->j, &q->tasks[i]);
        if (q->tasks[i].st != COLLAB_OK) {
            atomic_store(&q->failed, true);
        }
    }
}

static void print_output_times(const job *j, const task *tasks, size_t n, double facts_seconds,
                               double wall_seconds)
{
    double reports = 0, map = 0, page = 0, exports = 0;
    for (size_t i = 0; i < n; i++) {
        reports += tasks[i].kind == TASK_REPORT ? tasks[i].seconds : 0;
        exports += tasks[i].kind == TASK_EXPORT ? tasks[i].seconds : 0;
        map += tasks[i].kind == TASK_MAP_AND_PAGE ? tasks[i].seconds : 0;
        page += tasks[i].page_seconds;
    }
    /* Stage times are the sums of their files' times; writers overlap, so the wall time too. */
    fprintf(stderr, "collab: %-28s %8.3f s\n", "facts and ranking (shared)", facts_seconds);
    fprintf(stderr, "collab: %-28s %8.3f s\n", "reports", reports);
    if (j->have_map) {
        fprintf(stderr, "collab: %-28s %8.3f s\n", "map png, svg, pdf", map);
    }
    fprintf(stderr, "collab: %-28s %8.3f s\n", "html report", page);
    fprintf(stderr, "collab: %-28s %8.3f s\n", "exports", exports);
    fprintf(stderr, "collab: %-28s %8.3f s\n",
            j->st.one_writer ? "outputs (one writer, wall)" : "outputs (two writers, wall)",
            wall_seconds);
}

/* The outputs, written by two threads (one with --threads 1) from one list of tasks. */
static collab_status write_outputs(job *j, collab_error *err)
{
    stages *s = &j->st;
    bool two_writers = j->an->metrics.threads != 1; /* --threads 1: one after the other */
    s->one_writer = !two_writers;
    if (s->show && !s->verbose) {
        fprintf(stderr, "collab: reports, map, html report and exports (%s)...\n",
                two_writers ? "two writers" : "one writer");
    }
    double start = collab_clock_seconds();
    /* Every report and node export shows the credit facts, and every report ranks the nodes by
     * --sort: both computed once here, before the writers start (they only read them). */
    collab_status st = cli_analysis_share(j->an, j->in, j->aa->sort, err);
    if (st != COLLAB_OK) {
        return st;
    }
    double facts_seconds = collab_clock_seconds() - start;
    task tasks[MAX_TASKS];
    memset(tasks, 0, sizeof tasks);
    task_queue q = {.j = j, .tasks = tasks, .n = plan_tasks(j, two_writers, tasks)};
    atomic_init(&q.next, 0);
    atomic_init(&q.failed, false);
    pthread_t thread;
    bool threaded = two_writers && pthread_create(&thread, NULL, run_tasks, &q) == 0;
    run_tasks(&q);
    if (threaded) {
        pthread_join(thread, NULL);
    }
    if (s->verbose) {
        print_output_times(j, tasks, q.n, facts_seconds, collab_clock_seconds() - start);
    }
    /* The first failed task in the list's order, whichever writer ran it. */
    for (size_t i = 0; i < q.n; i++) {
        if (tasks[i].st != COLLAB_OK) {
            *err = tasks[i].err;
            return tasks[i].st;
        }
    }
    return COLLAB_OK;
}

static collab_status run(job *j, const collab_map_positions *positions, collab_error *err)
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
        mo.layout_from = j->aa->layout_from;
        mo.map.layout_from = positions;
        cli_map_source src = {&j->in->g, &j->in->list, j->in->path};
        st = cli_map_build_main(&j->map, &src, j->an, &mo, err);
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
        return collab_error_set(err, COLLAB_E_USAGE,
                                "missing -o DIR (the directory to write into)");
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
    /* the positions first: a bad file stops the run before anything is written */
    collab_map_positions positions;
    memset(&positions, 0, sizeof positions);
    collab_status st = COLLAB_OK;
    if (j.aa->layout_from != NULL && !j.aa->no_map) {
        st = collab_map_positions_read(&positions, j.aa->layout_from, err);
    }
    if (st == COLLAB_OK) {
        st = run(&j, j.aa->layout_from != NULL && !j.aa->no_map ? &positions : NULL, err);
    }
    collab_map_positions_destroy(&positions);
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
    aa->exports[COLLAB_EXPORT_GEXF] = true; /* what Gephi opens */
}

static const struct option analyze_options[] = {
    {"top", required_argument, NULL, OPT_TOP},
    {"sort", required_argument, NULL, OPT_SORT},
    {"no-map", no_argument, NULL, OPT_NO_MAP},
    {"exports", required_argument, NULL, OPT_EXPORTS},
    {"compress", no_argument, NULL, OPT_COMPRESS},
    {"layout-from", required_argument, NULL, OPT_LAYOUT_FROM},
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
