/* Options shared by the commands that compute metrics and communities (report, communities,
 * and later map): how paths are measured, sampling, seed, community method. */
#include "collab/clock.h"

#include <string.h>
#include <unistd.h>

#include "cli.h"

enum analysis_option {
    OPT_PATH_WEIGHTS = CLI_ANALYSIS_OPTION_BASE,
    OPT_NORMALIZED,
    OPT_APPROX,
    OPT_EXACT,
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
    {"seed", required_argument, NULL, OPT_SEED},
    {"community", required_argument, NULL, OPT_COMMUNITY},
    {"resolution", required_argument, NULL, OPT_RESOLUTION},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {NULL, 0, NULL, 0},
};

void cli_print_analysis_help(FILE *f)
{
    cli_print_usage(
        f, "Metrics:\n"
           "      --path-weights hops|inverse\n"
           "                               shortest paths count hops (default), or use "
           "1/weight\n"
           "                               as the length of an edge\n"
           "      --normalized             betweenness divided by (n-1)(n-2)/2\n"
           "      --approx K               estimate betweenness and closeness from K "
           "sampled\n"
           "                               sources (automatic when the exact sweep would "
           "exceed\n"
           "                               about 6e9 steps, some 30 s: K=1000, fewer (down "
           "to 200) when\n"
           "                               1000 sources would exceed 5e9 steps)\n"
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
        if (!cli_parse_size(arg, &n) || n == 0 || n > (size_t)1 << 40) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--approx needs a positive number of sources, "
                             "not '%s'",
                             arg);
        }
        a->metrics.approx_sources = (long)n;
        return true;
    case OPT_EXACT:
        a->metrics.approx_sources = -1;
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
    if (a->m.sampled) {
        fprintf(stderr,
                "collab: %s%sbetweenness and closeness estimated from %ld sampled sources "
                "(use --exact for exact values)\n",
                a->label != NULL ? a->label : "", a->label != NULL ? ": " : "",
                a->m.sample_sources);
    }
    if (a->verbose) {
        print_timings(&a->m, job.seconds);
    }
    return st;
}

void cli_analysis_destroy(cli_analysis *a)
{
    collab_metrics_destroy(&a->m);
    collab_partition_destroy(&a->p);
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
}
