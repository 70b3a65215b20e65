/* The shortest-path sweep behind betweenness, closeness, harmonic centrality, the diameter and
 * the average path length.
 *
 * Brandes' algorithm runs one BFS (hops) or Dijkstra (1/weight lengths) per source over a
 * compact CSR and accumulates dependencies. igraph as packaged here is not thread-safe, so this
 * is our own code, run by POSIX threads. To make the sums independent of the number of threads,
 * sources are dealt round-robin to a fixed number of lanes, each lane sums its sources in order
 * into its own arrays, threads own whole lanes, and lanes are added in lane order at the end.
 * Undirected distances are symmetric, so each source also gives every vertex it reaches one
 * sample of that vertex's distance sum: that is what makes closeness estimable from a sample.
 * The workers read a copy of the graph renumbered for memory locality (collab_i_csr_relabel) and
 * never call igraph, so the caller's thread can run igraph's metrics meanwhile
 * (collab_i_sweep_start).
 *
 * This file is the driver: the job, the lanes, the threads and the final sums. The CSR, its
 * components and renumbering are paths_csr.c's, the choice of sources paths_sample.c's, and the
 * BFS, Dijkstra and back-propagation from one source paths_kernels.c's. */
#include "collab/alloc.h"
#include "collab/clock.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paths_internal.h"

#define N_LANES 4

typedef collab_i_path_lane lane;

typedef struct sweep {
    const collab_i_csr *csr;  /* the graph relabelled: components contiguous, each in BFS order */
    const uint32_t *new_id;   /* new_id[original vertex] */
    const uint32_t *comp;     /* component of each original vertex */
    const size_t *comp_begin; /* first relabelled vertex of each component */
    bool inverse;             /* 1/weight lengths */
    bool squares;             /* keep sums of squares (sampling) */
    const uint32_t *sources;  /* sources (original vertices), ascending */
    size_t n_sources;         /* how many */
    lane lanes[N_LANES];      /* per-lane accumulators */
    int n_threads;            /* workers */
    collab_progress_fn progress; /* told how far the sweep is, or NULL */
    void *progress_data;         /* passed to it */
    double started;       /* when the sweep began (collab_clock_seconds), for the time left */
    atomic_size_t done;   /* sources finished */
    atomic_int next_lane; /* the next lane a worker may take */
    atomic_bool cancel;   /* stop early: the caller failed elsewhere */
} sweep;

typedef struct worker {
    sweep *s;         /* shared state */
    int id;           /* thread number */
    collab_status st; /* COLLAB_E_NOMEM if its workspace failed */
} worker;

static void show_progress(sweep *s)
{
    size_t done = atomic_load(&s->done);
    char message[128];
    int n =
        snprintf(message, sizeof message, "shortest paths: %zu of %zu sources", done, s->n_sources);
    double elapsed = collab_clock_seconds() - s->started;
    if (done > 0 && done < s->n_sources && elapsed > 1 && n > 0 && (size_t)n < sizeof message) {
        /* sources cost about the same on average: the rest takes what they took, scaled */
        double left = elapsed * (double)(s->n_sources - done) / (double)done;
        snprintf(message + n, sizeof message - (size_t)n, ", about %.0f s left", ceil(left));
    }
    s->progress(message, 100.0 * (double)done / (double)s->n_sources, s->progress_data);
}

static void *run_worker(void *arg)
{
    worker *wk = arg;
    sweep *s = wk->s;
    collab_i_path_workspace w;
    if (!collab_i_path_workspace_init(&w, s->csr, s->inverse)) {
        wk->st = COLLAB_E_NOMEM;
        return NULL;
    }
    size_t step = s->n_sources / 200 + 1;
    /* Lanes are taken whole from a shared counter: which thread sums a lane does not change
     * what the lane sums, so the result is the same for any number of threads. */
    for (int l = atomic_fetch_add(&s->next_lane, 1); l < N_LANES;
         l = atomic_fetch_add(&s->next_lane, 1)) {
        for (size_t i = (size_t)l; i < s->n_sources && !atomic_load(&s->cancel); i += N_LANES) {
            uint32_t src = s->new_id[s->sources[i]];
            if (s->inverse) {
                collab_i_paths_from_inverse(s->csr, &w, &s->lanes[l], s->squares, src);
            } else {
                size_t begin = s->comp_begin[s->comp[s->sources[i]]];
                collab_i_paths_from_hops(s->csr, &w, &s->lanes[l], s->squares, src, begin);
            }
            size_t done = atomic_fetch_add(&s->done, 1) + 1;
            if (s->progress != NULL && wk->id == 0 && done % step == 0 && done < s->n_sources) {
                show_progress(s);
            }
        }
    }
    collab_i_path_workspace_free(&w);
    return NULL;
}

static void lane_free(lane *l)
{
    collab_free(l->bc);
    collab_free(l->bc2);
    collab_free(l->dsum);
    collab_free(l->dsum2);
    collab_free(l->hsum);
    collab_free(l->reached);
    memset(l, 0, sizeof *l);
}

static bool lane_init(lane *l, size_t n, bool squares)
{
    memset(l, 0, sizeof *l);
    l->bc = collab_calloc_array(n + 1, sizeof *l->bc);
    l->dsum = collab_calloc_array(n + 1, sizeof *l->dsum);
    l->hsum = collab_calloc_array(n + 1, sizeof *l->hsum);
    l->reached = collab_calloc_array(n + 1, sizeof *l->reached);
    if (squares) {
        l->bc2 = collab_calloc_array(n + 1, sizeof *l->bc2);
        l->dsum2 = collab_calloc_array(n + 1, sizeof *l->dsum2);
    }
    if (l->bc == NULL || l->dsum == NULL || l->hsum == NULL || l->reached == NULL ||
        (squares && (l->bc2 == NULL || l->dsum2 == NULL))) {
        lane_free(l);
        return false;
    }
    return true;
}

/* The metrics of vertex v (original id) from its sums over the lanes, added in lane order; its
 * component has `size` vertices, of which `k` were sources. */
static void vertex_metrics(const sweep *s, size_t v, double size, double k,
                           collab_i_sweep_result *r)
{
    double bc = 0, bc2 = 0, dsum = 0, dsum2 = 0, hsum = 0, reached = 0;
    uint32_t x = s->new_id[v];
    for (int l = 0; l < N_LANES; l++) {
        const lane *ln = &s->lanes[l];
        bc += ln->bc[x];
        dsum += ln->dsum[x];
        hsum += ln->hsum[x];
        reached += ln->reached[x];
        if (s->squares) {
            bc2 += ln->bc2[x];
            dsum2 += ln->dsum2[x];
        }
    }
    /* Each unordered pair was counted from both ends when every source is swept; a sample
     * of k of the component's `size` sources is scaled up by size / k. */
    r->betweenness[v] = bc * (size / k) / 2.0;
    r->closeness[v] = dsum > 0 ? reached / dsum : 0.0;
    r->harmonic[v] = reached >= size - 1.0 ? hsum
                     : reached > 0         ? hsum * (size - 1.0) / reached
                                           : 0.0;
    if (r->sampled && k < size && k > 1) {
        double mean = bc / k;
        double var = (bc2 - k * mean * mean) / (k - 1.0);
        r->betweenness_se[v] = size / 2.0 * sqrt(fmax(var, 0.0) * (1.0 - k / size) / k);
    }
    if (r->sampled && reached > 1 && reached < size - 1) {
        double mean = dsum / reached;
        double var = (dsum2 - reached * mean * mean) / (reached - 1.0);
        double se_mean = sqrt(fmax(var, 0.0) * (1.0 - reached / (size - 1.0)) / reached);
        r->closeness_se[v] = r->closeness[v] * se_mean / mean;
    }
}

/* Adds the lanes together (in lane order) and turns sums into the metrics. */
static collab_status combine(const sweep *s, const uint32_t *comp, const size_t *sizes,
                             const size_t *picked, collab_i_sweep_result *r, collab_error *err)
{
    size_t n = s->csr->n;
    r->betweenness = collab_calloc_array(n + 1, sizeof *r->betweenness);
    r->closeness = collab_calloc_array(n + 1, sizeof *r->closeness);
    r->harmonic = collab_calloc_array(n + 1, sizeof *r->harmonic);
    if (r->sampled) {
        r->betweenness_se = collab_calloc_array(n + 1, sizeof *r->betweenness_se);
        r->closeness_se = collab_calloc_array(n + 1, sizeof *r->closeness_se);
    }
    if (r->betweenness == NULL || r->closeness == NULL || r->harmonic == NULL ||
        (r->sampled && (r->betweenness_se == NULL || r->closeness_se == NULL))) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory combining path sums");
    }
    double pair_dist = 0;
    double pairs = 0;
    for (int l = 0; l < N_LANES; l++) {
        r->diameter = s->lanes[l].max_dist > r->diameter ? s->lanes[l].max_dist : r->diameter;
        pair_dist += s->lanes[l].pair_dist;
        pairs += s->lanes[l].pairs;
    }
    r->avg_path_length = pairs > 0 ? pair_dist / pairs : 0.0;
    for (size_t v = 0; v < n; v++) {
        vertex_metrics(s, v, (double)sizes[comp[v]], (double)picked[comp[v]], r);
    }
    return COLLAB_OK;
}

void collab_i_sweep_result_destroy(collab_i_sweep_result *r)
{
    if (r == NULL) {
        return;
    }
    collab_free(r->betweenness);
    collab_free(r->closeness);
    collab_free(r->harmonic);
    collab_free(r->betweenness_se);
    collab_free(r->closeness_se);
    memset(r, 0, sizeof *r);
}

static int default_threads(int requested)
{
    long cores = requested > 0 ? requested : sysconf(_SC_NPROCESSORS_ONLN);
    return cores < 1 ? 1 : cores > N_LANES ? N_LANES : (int)cores;
}

/* A sweep in progress: what collab_i_sweep_start set up and collab_i_sweep_finish frees. */
struct collab_i_sweep_job {
    sweep s;                         /* the shared state the workers read */
    collab_i_sweep_result r;         /* components, sources; the metrics once combined */
    collab_i_csr relabelled;         /* the graph renumbered for the sweep */
    uint32_t *comp;                  /* component of each vertex */
    uint32_t *sources;               /* the sources */
    uint32_t *new_id;                /* the renumbering */
    size_t *sizes, *begins, *picked; /* per component: vertices, first new id, sources */
    pthread_t threads[N_LANES];      /* background workers */
    worker workers[N_LANES];         /* their state; the last is the caller's */
    int started;                     /* background workers running */
};

static void job_free(collab_i_sweep_job *job)
{
    for (int l = 0; l < N_LANES; l++) {
        lane_free(&job->s.lanes[l]);
    }
    collab_i_csr_destroy(&job->relabelled);
    collab_free(job->comp);
    collab_free(job->sizes);
    collab_free(job->begins);
    collab_free(job->picked);
    collab_free(job->sources);
    collab_free(job->new_id);
    collab_i_sweep_result_destroy(&job->r);
    collab_free(job);
}

/* Components, renumbering, sources and lanes: everything the workers need. */
static collab_status job_prepare(collab_i_sweep_job *job, const collab_i_csr *csr, bool inverse,
                                 long sample, uint64_t seed, int threads,
                                 collab_progress_fn progress, void *progress_data,
                                 collab_error *err)
{
    size_t n = csr->n;
    collab_i_sweep_result *r = &job->r;
    sweep *s = &job->s;
    job->comp = collab_alloc_array(n + 1, sizeof *job->comp);
    job->sizes = collab_alloc_array(n + 1, sizeof *job->sizes);
    job->begins = collab_alloc_array(n + 1, sizeof *job->begins);
    job->picked = collab_alloc_array(n + 1, sizeof *job->picked);
    job->sources = collab_alloc_array(n + 1, sizeof *job->sources);
    job->new_id = collab_alloc_array(n + 1, sizeof *job->new_id);
    uint32_t *order = collab_alloc_array(n + 1, sizeof *order);
    bool ok = job->comp != NULL && job->sizes != NULL && job->begins != NULL &&
              job->picked != NULL && job->sources != NULL && job->new_id != NULL && order != NULL;
    if (ok) {
        r->components = collab_i_csr_components(csr, job->comp, job->sizes, job->begins, order);
        for (size_t k = 0; k < r->components; k++) {
            r->largest = job->sizes[k] > r->largest ? job->sizes[k] : r->largest;
        }
        ok = collab_i_csr_relabel(csr, order, job->new_id, inverse, &job->relabelled);
    }
    collab_free(order);
    if (ok) {
        s->n_sources = collab_i_paths_choose_sources(csr, job->comp, job->sizes, r->components,
                                                     sample, seed, job->sources, job->picked);
        ok = s->n_sources != SIZE_MAX;
    }
    if (!ok) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
    }
    r->sources = s->n_sources;
    r->sampled = s->n_sources < n;
    s->csr = &job->relabelled;
    s->new_id = job->new_id;
    s->comp = job->comp;
    s->comp_begin = job->begins;
    s->inverse = inverse;
    s->squares = r->sampled;
    s->sources = job->sources;
    s->n_threads = default_threads(threads);
    s->progress = s->n_sources > 0 ? progress : NULL;
    s->progress_data = progress_data;
    s->started = collab_clock_seconds();
    atomic_init(&s->done, 0);
    atomic_init(&s->next_lane, 0);
    atomic_init(&s->cancel, false);
    for (int l = 0; l < N_LANES; l++) {
        if (!lane_init(&s->lanes[l], n, s->squares)) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
        }
    }
    return COLLAB_OK;
}

collab_status collab_i_sweep_start(collab_i_sweep_job **out, const collab_i_csr *csr, bool inverse,
                                   long sample, uint64_t seed, int threads,
                                   collab_progress_fn progress, void *progress_data,
                                   collab_error *err)
{
    *out = NULL;
    collab_i_sweep_job *job = collab_calloc_array(1, sizeof *job);
    if (job == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
    }
    collab_status st =
        job_prepare(job, csr, inverse, sample, seed, threads, progress, progress_data, err);
    if (st != COLLAB_OK) {
        job_free(job);
        return st;
    }
    /* Workers 0 .. n-2 start now; worker n-1 is the caller, in collab_i_sweep_finish. Worker 0
     * shows the progress. If a thread cannot start, the others take its lanes. */
    for (int t = 0; t + 1 < job->s.n_threads; t++) {
        job->workers[t] = (worker){&job->s, t, COLLAB_OK};
        if (pthread_create(&job->threads[t], NULL, run_worker, &job->workers[t]) != 0) {
            break;
        }
        job->started = t + 1;
    }
    *out = job;
    return COLLAB_OK;
}

collab_status collab_i_sweep_finish(collab_i_sweep_job *job, bool cancel,
                                    collab_i_sweep_result *out, collab_error *err)
{
    sweep *s = &job->s;
    if (cancel) {
        atomic_store(&s->cancel, true);
    }
    int me = job->started;
    job->workers[me] = (worker){s, me, COLLAB_OK};
    if (!cancel) {
        run_worker(&job->workers[me]);
    }
    for (int t = 0; t < job->started; t++) {
        pthread_join(job->threads[t], NULL);
    }
    collab_status st = COLLAB_OK;
    if (s->progress != NULL && !cancel) {
        show_progress(s); /* all done: 100% */
    }
    for (int t = 0; t <= me && !cancel; t++) {
        if (job->workers[t].st != COLLAB_OK) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
        }
    }
    if (st == COLLAB_OK && !cancel) {
        st = combine(s, job->comp, job->sizes, job->picked, &job->r, err);
    }
    if (st == COLLAB_OK && !cancel) {
        *out = job->r;
        memset(&job->r, 0, sizeof job->r);
    }
    job_free(job);
    return st;
}
