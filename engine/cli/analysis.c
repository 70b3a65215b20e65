/* Options shared by the commands that compute metrics and communities (report, communities,
 * and later map): how paths are measured, sampling, seed, community method. */
#include "collab/alloc.h"
#include "collab/clock.h"

#include <string.h>
#include <unistd.h>

#include "cli.h"

enum analysis_option {
    OPT_PATH_WEIGHTS = CLI_ANALYSIS_OPTION_BASE,
    OPT_NORMALIZED,
    OPT_APPROX,
    OPT_EXACT,
    OPT_TOP_EXACT,
    OPT_SEED,
    OPT_COMMUNITY,
    OPT_RESOLUTION,
    OPT_NO_PROGRESS,
    OPT_VERBOSE
};

const struct option cli_analysis_options[] = {
    {"path-weights", required_argument, NULL, OPT_PATH_WEIGHTS},
    {"normalized", no_argument, NULL, OPT_NORMALIZED},
    {"approx", required_argument, NULL, OPT_APPROX},
    {"exact", no_argument, NULL, OPT_EXACT},
    {"top-exact", required_argument, NULL, OPT_TOP_EXACT},
    {"seed", required_argument, NULL, OPT_SEED},
    {"community", required_argument, NULL, OPT_COMMUNITY},
    {"resolution", required_argument, NULL, OPT_RESOLUTION},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {NULL, 0, NULL, 0},
};

void cli_print_analysis_help(FILE *f)
{
    cli_print_usage(f,
                    "Metrics:\n"
                    "      --path-weights hops|inverse\n"
                    "                               shortest paths count hops (default), or use "
                    "1/weight\n"
                    "                               as the length of an edge\n"
                    "      --normalized             betweenness divided by (n-1)(n-2)/2\n"
                    "      --approx eps=E,delta=D[,sources=K]\n"
                    "                               estimate betweenness, closeness and harmonic "
                    "(automatic\n"
                    "                               when the exact sweep would exceed about 6e9 "
                    "steps, some\n"
                    "                               30 s). Betweenness by KADABRA's adaptive "
                    "sampling of\n"
                    "                               shortest paths (Borassi and Natale 2016): "
                    "with probability\n"
                    "                               >= 1-D every node's normalised betweenness is "
                    "within E of\n"
                    "                               its estimate (default eps=0.005,delta=0.1). "
                    "Closeness and\n"
                    "                               harmonic from K sampled sources (default 1000, "
                    "down to 200\n"
                    "                               when 1000 would exceed 5e9 steps) with "
                    "Hoeffding's bound,\n"
                    "                               for every node with probability >= 1-D. "
                    "Reports give each\n"
                    "                               node's interval (columns _low and _high). "
                    "--approx K is\n"
                    "                               --approx sources=K\n"
                    "      --top-exact K            estimate, sampling until the top K "
                    "betweenness ranks are\n"
                    "                               separated by their bounds (or 16 times the "
                    "samples eps\n"
                    "                               needs); the report says which ranks are "
                    "certain and which\n"
                    "                               are tied within the bound\n"
                    "      --exact                  never sample\n"
                    "      --seed N                 seed for sampling and communities (default "
                    "42)\n"
                    "      --community {communities}\n"
                    "                               community detection (default leiden, "
                    "modularity)\n"
                    "      --resolution R           modularity resolution for leiden/louvain "
                    "(default 1)\n"
                    "      --no-progress            no progress on stderr\n"
                    "      --verbose                a timing line per stage on stderr\n"
                    "Metrics (shortest paths count hops unless --path-weights inverse; "
                    "betweenness\nis undirected, each pair counted once, raw unless "
                    "--normalized):\n{definitions}");
}

void cli_analysis_init(cli_analysis *a)
{
    memset(a, 0, sizeof *a);
    collab_metrics_options_init(&a->metrics);
    collab_community_options_init(&a->community);
    a->metrics.progress = isatty(STDERR_FILENO) != 0 ? cli_progress_terminal : NULL;
}

/* --approx K (sources), or --approx eps=E,delta=D,sources=K with any of the three. */
static void parse_approx(cli_analysis *a, const char *arg, collab_error *err)
{
    size_t n;
    if (cli_parse_size(arg, &n)) {
        if (n == 0 || n > (size_t)1 << 40) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--approx needs a positive number of sources, not '%s'", arg);
        }
        a->metrics.approx_sources = (long)n;
        return;
    }
    char buf[256];
    if (strlen(arg) >= sizeof buf) {
        collab_error_set(err, COLLAB_E_USAGE, "--approx: option value too long");
        return;
    }
    memcpy(buf, arg, strlen(arg) + 1);
    a->metrics.approx_forced = true;
    for (char *save = NULL, *item = strtok_r(buf, ",", &save); item != NULL;
         item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        double x = 0;
        if (eq != NULL) {
            *eq = '\0';
        }
        bool number = eq != NULL && cli_parse_double(eq + 1, &x);
        if (number && strcmp(item, "eps") == 0 && x > 0 && x < 1) {
            a->metrics.approx_eps = x;
        } else if (number && strcmp(item, "delta") == 0 && x > 0 && x < 1) {
            a->metrics.approx_delta = x;
        } else if (eq != NULL && strcmp(item, "sources") == 0 && cli_parse_size(eq + 1, &n) &&
                   n > 0 && n <= (size_t)1 << 40) {
            a->metrics.approx_sources = (long)n;
        } else {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--approx takes K or eps=E,delta=D,sources=K with 0 < E, D < 1 and "
                             "K > 0, not '%s'",
                             arg);
            return;
        }
    }
}

bool cli_analysis_option(cli_analysis *a, int opt, const char *arg, collab_error *err)
{
    size_t n;
    switch (opt) {
    case OPT_PATH_WEIGHTS:
        if (strcmp(arg, "hops") == 0 || strcmp(arg, "inverse") == 0) {
            a->metrics.paths = arg[0] == 'h' ? COLLAB_PATHS_HOPS : COLLAB_PATHS_INVERSE;
        } else {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--path-weights must be hops or inverse, not '%s'", arg);
        }
        return true;
    case OPT_NORMALIZED:
        a->metrics.normalized = true;
        return true;
    case OPT_APPROX:
        parse_approx(a, arg, err);
        return true;
    case OPT_TOP_EXACT:
        if (!cli_parse_size(arg, &n) || n == 0 || n > 100000) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--top-exact needs a number of ranks from 1 to 100000, not '%s'", arg);
        }
        a->metrics.top_exact = n;
        return true;
    case OPT_EXACT:
        /* the last of --exact, --approx and --top-exact wins */
        a->metrics.approx_sources = -1;
        a->metrics.approx_forced = false;
        a->metrics.top_exact = 0;
        return true;
    case OPT_SEED:
        if (!cli_parse_size(arg, &n)) {
            collab_error_set(err, COLLAB_E_USAGE, "--seed needs a non-negative integer, not '%s'",
                             arg);
        }
        a->metrics.seed = n;
        a->community.seed = n;
        return true;
    case OPT_COMMUNITY:
        if (!collab_community_method_parse(arg, &a->community.method)) {
            char names[256];
            cli_join_names(names, sizeof names, "{communities}", ", ", " or ");
            collab_error_set(err, COLLAB_E_USAGE, "--community must be %s, not '%s'", names, arg);
        }
        return true;
    case OPT_RESOLUTION:
        if (!cli_parse_double(arg, &a->community.resolution) || !(a->community.resolution > 0)) {
            collab_error_set(err, COLLAB_E_USAGE, "--resolution needs a number > 0, not '%s'", arg);
        }
        return true;
    case OPT_NO_PROGRESS:
        a->metrics.progress = NULL;
        return true;
    case OPT_VERBOSE:
        a->verbose = true;
        return true;
    default:
        return false;
    }
}

static void print_timings(const collab_metrics *m, double community_seconds)
{
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (m->values[k] != NULL && k != COLLAB_METRIC_STRENGTH && k != COLLAB_METRIC_CLOSENESS &&
            k != COLLAB_METRIC_HARMONIC) {
            fprintf(stderr, "collab: timing: %s %.3f s\n",
                    k == COLLAB_METRIC_BETWEENNESS ? "paths (betweenness, closeness, harmonic)"
                    : k == COLLAB_METRIC_DEGREE    ? "degree and strength"
                                                   : collab_metric_name((collab_metric)k),
                    m->seconds[k]);
        }
    }
    fprintf(stderr, "collab: timing: global statistics %.3f s\n", m->global_seconds);
    fprintf(stderr, "collab: timing: communities %.3f s\n", community_seconds);
}

collab_status cli_analysis_run(cli_analysis *a, const cli_input *in, collab_error *err)
{
    return cli_analysis_run_graph(a, &in->g, err);
}

/* Communities, found on the main thread while the path sweep runs on the other cores. */
typedef struct community_job {
    cli_analysis *a;
    const collab_graph *g;
    double seconds; /* how long it took */
} community_job;

static collab_status detect_communities(void *ctx, collab_error *err)
{
    community_job *job = ctx;
    double start = collab_clock_seconds();
    collab_status st = collab_community_detect(&job->a->p, job->g, &job->a->community, err);
    job->a->have_partition = st == COLLAB_OK;
    job->seconds = collab_clock_seconds() - start;
    return st;
}

void cli_analysis_say_estimates(const cli_analysis *a)
{
    if (a->m.sampled) {
        char note[768];
        collab_report_estimate_note(&a->m, a->metrics.seed, note, sizeof note);
        fprintf(stderr, "collab: %s%s%s (use --exact for exact values)\n",
                a->label != NULL ? a->label : "", a->label != NULL ? ": " : "", note);
    }
}

collab_status cli_analysis_run_graph(cli_analysis *a, const collab_graph *g, collab_error *err)
{
    community_job job = {a, g, 0.0};
    a->metrics.alongside = detect_communities;
    a->metrics.alongside_ctx = &job;
    collab_status st = collab_metrics_compute(&a->m, g, &a->metrics, err);
    a->metrics.alongside = NULL;
    a->metrics.alongside_ctx = NULL;
    if (st != COLLAB_OK) {
        if (a->have_partition) {
            collab_partition_destroy(&a->p);
            a->have_partition = false;
        }
        return st;
    }
    a->have_metrics = true;
    cli_analysis_say_estimates(a);
    if (a->verbose) {
        print_timings(&a->m, job.seconds);
    }
    return st;
}

collab_status cli_analysis_share(cli_analysis *a, const cli_input *in, collab_metric rank_metric,
                                 collab_error *err)
{
    if (a->have_metrics && a->rank_order == NULL) {
        a->rank_order = collab_alloc_array(a->m.n + 1, sizeof *a->rank_order);
        if (a->rank_order == NULL) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory ranking nodes");
        }
        collab_report_rank(&a->m, rank_metric, a->rank_order);
        a->rank_metric = rank_metric;
    }
    return cli_analysis_share_facts(a, in, err);
}

collab_status cli_analysis_share_facts(cli_analysis *a, const cli_input *in, collab_error *err)
{
    if (a->have_facts || in->g.shape != COLLAB_SHAPE_CREDITS || in->g.origin == NULL) {
        return COLLAB_OK;
    }
    collab_status st = collab_credit_facts_compute(&a->facts, &in->g, &in->list, err);
    a->have_facts = st == COLLAB_OK;
    return st;
}

void cli_analysis_destroy(cli_analysis *a)
{
    collab_metrics_destroy(&a->m);
    collab_partition_destroy(&a->p);
    collab_credit_facts_destroy(&a->facts);
    a->have_facts = false;
    collab_free(a->rank_order);
    a->rank_order = NULL;
}

void cli_analysis_report_input(const cli_analysis *a, const cli_input *in, collab_report_input *out)
{
    out->list = &in->list;
    out->graph = &in->g;
    out->graph_opt = &in->graph;
    out->metrics = &a->m;
    out->metrics_opt = &a->metrics;
    out->partition = a->have_partition ? &a->p : NULL;
    out->community_opt = &a->community;
    out->facts = a->have_facts ? &a->facts : NULL;
    out->rank_order = a->rank_order;
    out->rank_metric = a->rank_metric;
}
