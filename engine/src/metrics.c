/* Centrality metrics: the path-based ones from our parallel sweep (paths.c), the others from
 * igraph, one function per metric; then the global statistics. */
#include "collab/metrics.h"

#include "collab/alloc.h"
#include "collab/clock.h"

#include <math.h>
#include <pthread.h>

#include "paths_internal.h"
#include "thread_internal.h"
#ifdef COLLAB_HAVE_OPENMP
#include <omp.h>
#endif
#include <string.h>

/* igraph's call for a metric computed by igraph, as a vector per vertex. */
typedef igraph_error_t (*igraph_metric_fn)(const collab_graph *g, igraph_vector_t *res);

static igraph_error_t call_pagerank(const collab_graph *g, igraph_vector_t *res);
static igraph_error_t call_eigenvector(const collab_graph *g, igraph_vector_t *res);
static igraph_error_t call_coreness(const collab_graph *g, igraph_vector_t *res);
static igraph_error_t call_constraint(const collab_graph *g, igraph_vector_t *res);
static igraph_error_t call_clustering(const collab_graph *g, igraph_vector_t *res);

/* The metric table. `igraph` names igraph's call for the metrics igraph computes; the others come
 * from the CSR pass (degree, strength), the path sweep (betweenness, closeness, harmonic) or the
 * triangles (constraint of undirected graphs, igraph's call kept for directed ones). */
typedef struct metric_row {
    collab_metric_info info;
    igraph_metric_fn igraph;
} metric_row;

static const metric_row metric_rows[] = {
    [COLLAB_METRIC_DEGREE] = {{"degree", "distinct neighbours", true, COLLAB_NUMBER_INTEGER}, NULL},
    [COLLAB_METRIC_STRENGTH] = {{"strength", "sum of the weights of a node's ties", true,
                                 COLLAB_NUMBER_GENERAL},
                                NULL},
    [COLLAB_METRIC_BETWEENNESS] = {{"betweenness",
                                    "shortest paths between other nodes that pass through the node",
                                    true, COLLAB_NUMBER_LARGE},
                                   NULL},
    [COLLAB_METRIC_CLOSENESS] = {{"closeness",
                                  "(reachable nodes - 1) / sum of distances, within the node's "
                                  "component",
                                  true, COLLAB_NUMBER_FRACTION},
                                 NULL},
    [COLLAB_METRIC_HARMONIC] = {{"harmonic", "sum over other nodes of 1/distance", true,
                                 COLLAB_NUMBER_FRACTION},
                                NULL},
    [COLLAB_METRIC_PAGERANK] = {{"pagerank", "weighted PageRank, damping 0.85; sums to 1", true,
                                 COLLAB_NUMBER_FRACTION},
                                call_pagerank},
    [COLLAB_METRIC_EIGENVECTOR] = {{"eigenvector", "weighted eigenvector centrality, maximum 1",
                                    true, COLLAB_NUMBER_FRACTION},
                                   call_eigenvector},
    [COLLAB_METRIC_CORENESS] = {{"coreness", "k-core index", true, COLLAB_NUMBER_INTEGER},
                                call_coreness},
    [COLLAB_METRIC_CONSTRAINT] = {{"constraint", "Burt's constraint: brokers score low", false,
                                   COLLAB_NUMBER_FRACTION},
                                  call_constraint},
    [COLLAB_METRIC_CLUSTERING] = {{"clustering", "local clustering coefficient", true,
                                   COLLAB_NUMBER_FRACTION},
                                  call_clustering},
};
_Static_assert(sizeof metric_rows / sizeof metric_rows[0] == COLLAB_METRIC_COUNT,
               "one row per collab_metric");

const collab_metric_info *collab_metric_info_of(collab_metric metric)
{
    return &metric_rows[metric].info;
}

const char *collab_metric_name(collab_metric metric)
{
    return metric_rows[metric].info.name;
}

bool collab_metric_parse(const char *text, collab_metric *metric)
{
    for (int m = 0; m < COLLAB_METRIC_COUNT; m++) {
        if (strcmp(text, metric_rows[m].info.name) == 0) {
            *metric = (collab_metric)m;
            return true;
        }
    }
    return false;
}

bool collab_metric_higher_is_more(collab_metric metric)
{
    return metric_rows[metric].info.higher_is_more;
}

void collab_metrics_options_init(collab_metrics_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->seed = 42;
}

void collab_metrics_destroy(collab_metrics *m)
{
    if (m == NULL) {
        return;
    }
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        collab_free(m->values[k]);
    }
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        collab_free(m->low[k]);
        collab_free(m->high[k]);
    }
    collab_free(m->closeness_se);
    collab_free(m->top);
    collab_free(m->rank_best);
    collab_free(m->rank_worst);
    memset(m, 0, sizeof *m);
}

static bool wanted(const collab_metrics_options *opt, collab_metric metric)
{
    return opt->wanted == 0 || (opt->wanted & (1u << metric)) != 0;
}

/* Copies an igraph vector into a new array of doubles. */
static double *copy_vector(const igraph_vector_t *v, size_t n)
{
    double *out = collab_alloc_array(n + 1, sizeof *out);
    if (out != NULL && n > 0) {
        memcpy(out, VECTOR(*v), n * sizeof *out);
    }
    return out;
}

typedef igraph_error_t (*igraph_metric_fn)(const collab_graph *g, igraph_vector_t *res);

/* PRPACK sums with OpenMP reductions whose order follows thread timing, which changed the last
 * digits from run to run on the tango graph: one OpenMP thread makes it reproducible. */
static igraph_error_t call_pagerank(const collab_graph *g, igraph_vector_t *res)
{
    igraph_real_t value;
#ifdef COLLAB_HAVE_OPENMP
    int threads = omp_get_max_threads();
    omp_set_num_threads(1);
#endif
    igraph_error_t rc =
        igraph_pagerank(&g->graph, IGRAPH_PAGERANK_ALGO_PRPACK, res, &value, igraph_vss_all(),
                        igraph_is_directed(&g->graph), 0.85, &g->weights, NULL);
#ifdef COLLAB_HAVE_OPENMP
    omp_set_num_threads(threads);
#endif
    return rc;
}

static igraph_error_t call_eigenvector(const collab_graph *g, igraph_vector_t *res)
{
    igraph_real_t value;
    igraph_arpack_options_t options;
    igraph_arpack_options_init(&options);
    if (igraph_ecount(&g->graph) == 0) {
        /* No edges: every vertex is equally central; igraph also answers all ones here. */
        IGRAPH_CHECK(igraph_vector_resize(res, igraph_vcount(&g->graph)));
        igraph_vector_fill(res, 1.0);
        return IGRAPH_SUCCESS;
    }
    return igraph_eigenvector_centrality(&g->graph, res, &value, false, true, &g->weights,
                                         &options);
}

static igraph_error_t call_coreness(const collab_graph *g, igraph_vector_t *res)
{
    igraph_vector_int_t cores;
    IGRAPH_CHECK(igraph_vector_int_init(&cores, 0));
    igraph_error_t rc = igraph_coreness(&g->graph, &cores, IGRAPH_ALL);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_resize(res, igraph_vector_int_size(&cores));
    }
    for (igraph_integer_t i = 0; rc == IGRAPH_SUCCESS && i < igraph_vector_int_size(&cores); i++) {
        VECTOR(*res)[i] = (double)VECTOR(cores)[i];
    }
    igraph_vector_int_destroy(&cores);
    return rc;
}

static igraph_error_t call_constraint(const collab_graph *g, igraph_vector_t *res)
{
    return igraph_constraint(&g->graph, res, igraph_vss_all(), &g->weights);
}

static igraph_error_t call_clustering(const collab_graph *g, igraph_vector_t *res)
{
    return igraph_transitivity_local_undirected(&g->graph, res, igraph_vss_all(),
                                                IGRAPH_TRANSITIVITY_ZERO);
}

static collab_status igraph_metric(collab_metrics *m, const collab_graph *g, collab_metric metric,
                                   igraph_metric_fn fn, collab_error *err)
{
    igraph_vector_t res;
    igraph_error_t rc = igraph_vector_init(&res, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = fn(g, &res);
        if (rc == IGRAPH_SUCCESS) {
            m->values[metric] = copy_vector(&res, m->n);
        }
        igraph_vector_destroy(&res);
    }
    if (rc != IGRAPH_SUCCESS) {
        char doing[64];
        snprintf(doing, sizeof doing, "computing %s", collab_metric_name(metric));
        return collab_error_from_igraph(err, rc, doing);
    }
    if (m->values[metric] == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory storing %s",
                                collab_metric_name(metric));
    }
    return COLLAB_OK;
}

/* Degree (distinct neighbours) and strength from the merged adjacency lists. */
static collab_status degree_and_strength(collab_metrics *m, const collab_i_csr *csr,
                                         collab_error *err)
{
    m->values[COLLAB_METRIC_DEGREE] = collab_alloc_array(m->n + 1, sizeof(double));
    m->values[COLLAB_METRIC_STRENGTH] = collab_alloc_array(m->n + 1, sizeof(double));
    if (m->values[COLLAB_METRIC_DEGREE] == NULL || m->values[COLLAB_METRIC_STRENGTH] == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory storing degrees");
    }
    for (size_t v = 0; v < m->n; v++) {
        double strength = 0;
        for (size_t k = csr->start[v]; k < csr->start[v + 1]; k++) {
            strength += csr->weight[k];
        }
        m->values[COLLAB_METRIC_DEGREE][v] = (double)(csr->start[v + 1] - csr->start[v]);
        m->values[COLLAB_METRIC_STRENGTH][v] = strength;
    }
    return COLLAB_OK;
}

/* Takes ownership of the sweep's arrays. */
static void adopt_sweep(collab_metrics *m, collab_i_sweep_result *r, bool normalized)
{
    if (normalized && m->n > 2) {
        double scale = 2.0 / (((double)m->n - 1.0) * ((double)m->n - 2.0));
        for (size_t v = 0; v < m->n; v++) {
            r->betweenness[v] *= scale;
            if (r->betweenness_low != NULL) {
                r->betweenness_low[v] *= scale;
                r->betweenness_high[v] *= scale;
            }
        }
    }
    m->values[COLLAB_METRIC_BETWEENNESS] = r->betweenness;
    m->values[COLLAB_METRIC_CLOSENESS] = r->closeness;
    m->values[COLLAB_METRIC_HARMONIC] = r->harmonic;
    m->low[COLLAB_METRIC_BETWEENNESS] = r->betweenness_low;
    m->high[COLLAB_METRIC_BETWEENNESS] = r->betweenness_high;
    m->low[COLLAB_METRIC_CLOSENESS] = r->closeness_low;
    m->high[COLLAB_METRIC_CLOSENESS] = r->closeness_high;
    m->low[COLLAB_METRIC_HARMONIC] = r->harmonic_low;
    m->high[COLLAB_METRIC_HARMONIC] = r->harmonic_high;
    m->closeness_se = r->closeness_se;
    m->sampled = r->sampled;
    m->sample_sources = (long)r->sources;
    m->bc_samples = r->bc_samples + r->bc_first;
    m->bc_omega = r->bc_omega;
    m->bc_adaptive = r->bc_adaptive;
    m->bc_work_stop = r->bc_work_stop;
    m->bc_work = r->bc_work;
    m->top_k = r->top_k;
    m->top = NULL;
    if (r->top_k > 0) {
        /* the sweep's ids are uint32_t; the public array is size_t like every other index */
        m->top = collab_alloc_array(r->top_k, sizeof *m->top);
        if (m->top != NULL) {
            for (size_t i = 0; i < r->top_k; i++) {
                m->top[i] = r->top[i];
            }
        }
        m->top_k = m->top != NULL ? r->top_k : 0;
        m->rank_best = r->rank_best;
        m->rank_worst = r->rank_worst;
        r->rank_best = r->rank_worst = NULL;
    }
    collab_free(r->top);
    m->global.diameter = r->diameter;
    m->global.avg_path_length = r->avg_path_length;
    m->global.paths_estimated = r->sources_sampled;
    m->global.components = r->components;
    m->global.largest_share = m->n > 0 ? (double)r->largest / (double)m->n : 0.0;
    memset(r, 0, sizeof *r);
}

/* How many sources to sweep: all (0) unless asked, or unless the exact sweep would be too long
 * (or estimates are asked for by their guarantee or a top-k). */
static long sample_size(const collab_metrics_options *opt, const collab_i_csr *csr)
{
    if (opt->approx_sources < 0) {
        return 0;
    }
    if (opt->approx_sources > 0) {
        return opt->approx_sources;
    }
    double per_source = (double)(csr->start[csr->n] / 2 + csr->n);
    double work = (double)csr->n * per_source;
    double limit = opt->exact_work_limit > 0 ? opt->exact_work_limit : COLLAB_EXACT_WORK_LIMIT;
    if (work <= limit && !opt->approx_forced && opt->top_exact == 0) {
        return 0;
    }
    double affordable = COLLAB_SAMPLE_WORK_BUDGET / per_source;
    return (long)fmax(COLLAB_MIN_APPROX_SOURCES, fmin(COLLAB_DEFAULT_APPROX_SOURCES, affordable));
}

/* Whether the exact sweep leaves out the sources whose runs another's stands for. */
static bool sweep_reduced(const collab_metrics_options *opt, const collab_i_csr *csr)
{
    double work = (double)csr->n * (double)(csr->start[csr->n] / 2 + csr->n);
    return opt->sweep_reductions > 0 ||
           (opt->sweep_reductions == 0 && work >= COLLAB_REDUCE_MIN_WORK);
}

static double estimate_eps(const collab_metrics_options *opt)
{
    return opt->approx_eps > 0 ? opt->approx_eps : COLLAB_DEFAULT_APPROX_EPS;
}

static double estimate_delta(const collab_metrics_options *opt)
{
    return opt->approx_delta > 0 ? opt->approx_delta : COLLAB_DEFAULT_APPROX_DELTA;
}

/* The global statistics; the transitivity from igraph when `transitivity` (else it is set). */
static collab_status global_stats(collab_metrics *m, const collab_graph *g, bool transitivity,
                                  collab_error *err)
{
    collab_global_stats *gs = &m->global;
    gs->nodes = m->n;
    gs->edges = (size_t)igraph_ecount(&g->graph);
    double pairs = (double)m->n * ((double)m->n - 1.0) / 2.0;
    gs->density = pairs > 0 ? (double)gs->edges / pairs : 0.0;
    igraph_error_t rc = transitivity ? igraph_transitivity_undirected(&g->graph, &gs->transitivity,
                                                                      IGRAPH_TRANSITIVITY_ZERO)
                                     : IGRAPH_SUCCESS;
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_assortativity_degree(&g->graph, &gs->assortativity, false);
    }
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "computing global statistics");
    }
    const double *clustering = m->values[COLLAB_METRIC_CLUSTERING];
    if (clustering != NULL && m->n > 0) {
        double sum = 0;
        for (size_t v = 0; v < m->n; v++) {
            sum += clustering[v];
        }
        gs->avg_clustering = sum / (double)m->n;
    }
    return COLLAB_OK;
}

/* The pass over the triangles (constraint.c), on a thread of its own beside igraph's metrics. */
typedef struct triangle_job {
    const collab_i_csr *csr;
    collab_i_triangle_outputs out;
    collab_status status;
    collab_error err; /* the pass's own: the caller's is not touched from another thread */
    double seconds;
    bool background; /* set before the thread starts: it lowers its own priority */
    pthread_t thread;
    bool started; /* the caller's: whether there is a thread to join */
} triangle_job;

static void *triangles_run(void *arg)
{
    triangle_job *job = arg;
    if (job->background) {
        collab_i_thread_background();
    }
    double start = collab_clock_seconds();
    job->status = collab_i_triangles(job->csr, &job->out, &job->err);
    job->seconds = collab_clock_seconds() - start;
    return NULL;
}

/* Starts the pass in the background, or runs it here when `background` is false or no thread can
 * be had; triangles_finish gives its status either way. */
static void triangles_start(triangle_job *job, bool background)
{
    collab_error_clear(&job->err);
    job->background = background;
    job->started = background && pthread_create(&job->thread, NULL, triangles_run, job) == 0;
    if (!job->started) {
        job->background = false;
        triangles_run(job);
    }
}

/* Waits for the pass. Returns `st` when that is already a failure, else the pass's status, with
 * its error copied into `err`. */
static collab_status triangles_finish(triangle_job *job, collab_status st, collab_error *err)
{
    if (job->started) {
        pthread_join(job->thread, NULL);
        job->started = false;
    }
    if (st == COLLAB_OK && job->status != COLLAB_OK) {
        *err = job->err;
        return job->status;
    }
    return st;
}

static collab_status compute_all(collab_metrics *m, const collab_graph *g,
                                 const collab_metrics_options *opt, collab_error *err)
{
    collab_i_csr csr;
    collab_status st = collab_i_csr_build(&csr, g, err);
    if (st != COLLAB_OK) {
        return st;
    }
    double t0 = collab_clock_seconds();
    st = degree_and_strength(m, &csr, err);
    double t1 = collab_clock_seconds();
    m->seconds[COLLAB_METRIC_DEGREE] = t1 - t0;
    /* The sweep also gives components, diameter and average path length; it runs whenever a
     * path metric is wanted (a report wants them all). It runs in the background while this
     * thread computes the other metrics, then this thread joins it. */
    bool paths = wanted(opt, COLLAB_METRIC_BETWEENNESS) || wanted(opt, COLLAB_METRIC_CLOSENESS) ||
                 wanted(opt, COLLAB_METRIC_HARMONIC);
    collab_i_sweep_job *sweep = NULL;
    if (st == COLLAB_OK && paths) {
        collab_i_estimate_opts est = {estimate_eps(opt), estimate_delta(opt), opt->top_exact,
                                      opt->approx_forced || opt->top_exact > 0};
        st = collab_i_sweep_start(&sweep, &csr, opt->paths == COLLAB_PATHS_INVERSE,
                                  sweep_reduced(opt, &csr), sample_size(opt, &csr), &est, opt->seed,
                                  opt->threads, opt->progress, opt->progress_data, err);
    }
    /* Undirected graphs get constraint, clustering and transitivity from one pass over their
     * triangles; igraph's calls are kept for directed ones, where a tie's two directions are
     * weighed as igraph defines. Clustering is always computed: the global statistics average
     * it. The pass never calls igraph, so it runs beside igraph's metrics below. */
    bool own_triangles = !igraph_is_directed(&g->graph);
    bool own_constraint = wanted(opt, COLLAB_METRIC_CONSTRAINT) && own_triangles;
    triangle_job triangles = {.csr = &csr, .out = {NULL, NULL, &m->global.transitivity}};
    if (st == COLLAB_OK && own_triangles) {
        m->values[COLLAB_METRIC_CLUSTERING] = triangles.out.clustering =
            collab_alloc_array(m->n + 1, sizeof(double));
        if (own_constraint) {
            m->values[COLLAB_METRIC_CONSTRAINT] = triangles.out.constraint =
                collab_alloc_array(m->n + 1, sizeof(double));
        }
        if (triangles.out.clustering == NULL ||
            (own_constraint && triangles.out.constraint == NULL)) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory storing triangle counts");
        } else {
            triangles_start(&triangles, opt->threads != 1);
        }
    }
    for (int k = 0; st == COLLAB_OK && k < COLLAB_METRIC_COUNT; k++) {
        collab_metric metric = (collab_metric)k;
        bool need = metric_rows[k].igraph != NULL &&
                    (wanted(opt, metric) || metric == COLLAB_METRIC_CLUSTERING) &&
                    !((metric == COLLAB_METRIC_CONSTRAINT || metric == COLLAB_METRIC_CLUSTERING) &&
                      own_triangles);
        if (need) {
            double start = collab_clock_seconds();
            st = igraph_metric(m, g, metric, metric_rows[k].igraph, err);
            m->seconds[metric] = collab_clock_seconds() - start;
        }
    }
    if (st == COLLAB_OK && opt->alongside != NULL) {
        st = opt->alongside(opt->alongside_ctx, err);
    }
    if (own_triangles) {
        st = triangles_finish(&triangles, st, err);
        m->seconds[own_constraint ? COLLAB_METRIC_CONSTRAINT : COLLAB_METRIC_CLUSTERING] =
            triangles.seconds;
    }
    collab_i_csr_destroy(&csr);
    if (st == COLLAB_OK) {
        double start = collab_clock_seconds();
        st = global_stats(m, g, !own_triangles, err);
        m->global_seconds = collab_clock_seconds() - start;
    }
    if (sweep != NULL) {
        /* On an earlier failure the sweep is cancelled and that failure is what is reported. */
        collab_i_sweep_result r;
        collab_status swept = collab_i_sweep_finish(sweep, st != COLLAB_OK, &r, err);
        if (st == COLLAB_OK && swept == COLLAB_OK) {
            adopt_sweep(m, &r, opt->normalized);
            m->approx_eps = m->sampled ? estimate_eps(opt) : 0.0;
            m->approx_delta = m->sampled ? estimate_delta(opt) : 0.0;
        }
        st = st == COLLAB_OK ? swept : st;
    }
    /* The sweep's wall time: it overlapped the metrics above. */
    m->seconds[COLLAB_METRIC_BETWEENNESS] = collab_clock_seconds() - t1;
    return st;
}

collab_status collab_metrics_compute(collab_metrics *out, const collab_graph *g,
                                     const collab_metrics_options *opt, collab_error *err)
{
    collab_metrics m;
    memset(&m, 0, sizeof m);
    m.n = (size_t)igraph_vcount(&g->graph);
    collab_status st = compute_all(&m, g, opt, err);
    if (st != COLLAB_OK) {
        collab_metrics_destroy(&m);
        return st;
    }
    *out = m;
    return COLLAB_OK;
}
