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
 * An exact sweep in hops runs on the quotient graph of paths_reduce.c instead: twins and the
 * degree-one neighbours of a vertex become one vertex with a multiplicity, and only the runs no
 * other run stands for are made; the results are the same up to rounding.
 *
 * This file is the driver: the job, the lanes and the threads. The final sums are
 * paths_combine.c's, the distance bounds and KADABRA's estimates paths_estimate.c's, the CSR, its
 * components and renumbering paths_csr.c's, the choice of sources paths_sample.c's, and the BFS,
 * Dijkstra and back-propagation from one source paths_kernels.c's. */
#include "collab/alloc.h"
#include "collab/clock.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paths_internal.h"
#include "paths_sweep_internal.h"
#include "thread_internal.h"

typedef collab_i_path_lane lane;
typedef collab_i_sweep sweep;
typedef collab_i_sweep_worker worker;

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

/* Lane l's sources from position i on (i, i + COLLAB_I_SWEEP_LANES, ...) that share the component
 * of the first, up to 64, into `batch` (relabelled ids); returns how many. */
static size_t next_batch(const sweep *s, size_t i, uint32_t batch[64])
{
    uint32_t comp = s->comp[s->sources[i]];
    size_t n = 0;
    for (; n < 64 && i < s->n_sources && s->comp[s->sources[i]] == comp;
         i += COLLAB_I_SWEEP_LANES) {
        batch[n++] = s->new_id[s->sources[i]];
    }
    return n;
}

static void source_done(sweep *s, const worker *wk, size_t count)
{
    size_t step = s->n_sources / 200 + 1;
    size_t done = atomic_fetch_add(&s->done, count) + count;
    if (s->progress != NULL && wk->id == 0 && done / step != (done - count) / step &&
        done < s->n_sources) {
        show_progress(s);
    }
}

static void *run_worker(void *arg)
{
    worker *wk = arg;
    sweep *s = wk->s;
    if (wk->background) {
        collab_i_thread_background();
    }
    collab_i_path_workspace w;
    collab_i_msbfs batch_words = {0};
    /* Distances only, by hops: 64 sources per BFS (paths_msbfs.c). */
    bool batched = s->lanes[0].distances_only && !s->inverse;
    if (!collab_i_path_workspace_init(&w, s->csr, s->inverse)) {
        wk->st = COLLAB_E_NOMEM;
        return NULL;
    }
    if (batched && !collab_i_msbfs_init(&batch_words, s->csr->n)) {
        collab_i_path_workspace_free(&w);
        wk->st = COLLAB_E_NOMEM;
        return NULL;
    }
    /* Lanes are taken whole from a shared counter: which thread sums a lane does not change
     * what the lane sums, so the result is the same for any number of threads. */
    for (int l = atomic_fetch_add(&s->next_lane, 1); l < COLLAB_I_SWEEP_LANES;
         l = atomic_fetch_add(&s->next_lane, 1)) {
        for (size_t i = (size_t)l; i < s->n_sources && !atomic_load(&s->cancel);) {
            if (batched) {
                uint32_t batch[64];
                size_t n = next_batch(s, i, batch);
                uint32_t comp = s->comp[s->sources[i]];
                size_t begin = s->comp_begin[comp];
                collab_i_msbfs_run(s->csr, &batch_words, &s->lanes[l], s->squares, batch, n, begin,
                                   begin + s->comp_size[comp]);
                i += n * COLLAB_I_SWEEP_LANES;
                source_done(s, wk, n);
                continue;
            }
            uint32_t src = s->new_id[s->sources[i]];
            if (s->red != NULL) {
                /* sources, components and new ids are the quotient's */
                uint32_t comp = s->comp[s->sources[i]];
                size_t begin = s->comp_begin[comp];
                const collab_i_csr *g = s->side != NULL && !s->side[src] ? s->core : s->csr;
                collab_i_paths_from_hops_folded(
                    g, s->mult, s->side, &w, &s->lanes[l], src, begin, begin + s->comp_size[comp],
                    s->red->twins[s->sources[i]], s->red->pendants[s->sources[i]]);
            } else if (s->inverse) {
                collab_i_paths_from_inverse(s->csr, &w, &s->lanes[l], s->squares, src);
            } else {
                size_t begin = s->comp_begin[s->comp[s->sources[i]]];
                collab_i_paths_from_hops(s->csr, &w, &s->lanes[l], s->squares, src, begin);
            }
            i += COLLAB_I_SWEEP_LANES;
            source_done(s, wk, 1);
        }
    }
    collab_i_msbfs_free(&batch_words);
    collab_i_path_workspace_free(&w);
    /* The caller is still busy with igraph's metrics: sampling betweenness here, on this
     * worker's core, takes it off the caller's path (one thread: the samples, and so the
     * estimates, are the same for any number of threads). */
    if (wk->id == 0 && s->estimate_in_worker && !atomic_load(&s->cancel)) {
        collab_i_sweep_run_estimator(s->job, 1);
    }
    return NULL;
}

void collab_i_lane_free(collab_i_path_lane *l)
{
    collab_free(l->bc);
    collab_free(l->bc2);
    collab_free(l->dsum);
    collab_free(l->dsum2);
    collab_free(l->hsum);
    collab_free(l->reached);
    memset(l, 0, sizeof *l);
}

bool collab_i_lane_init(collab_i_path_lane *l, size_t n, bool squares)
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
        collab_i_lane_free(l);
        return false;
    }
    return true;
}

void collab_i_sweep_result_destroy(collab_i_sweep_result *r)
{
    if (r == NULL) {
        return;
    }
    collab_free(r->betweenness);
    collab_free(r->closeness);
    collab_free(r->harmonic);
    collab_free(r->closeness_se);
    collab_free(r->betweenness_low);
    collab_free(r->betweenness_high);
    collab_free(r->closeness_low);
    collab_free(r->closeness_high);
    collab_free(r->harmonic_low);
    collab_free(r->harmonic_high);
    collab_free(r->top);
    collab_free(r->rank_best);
    collab_free(r->rank_worst);
    memset(r, 0, sizeof *r);
}

static int default_threads(int requested)
{
    long cores = requested > 0 ? requested : sysconf(_SC_NPROCESSORS_ONLN);
    return cores < 1 ? 1 : cores > COLLAB_I_SWEEP_LANES ? COLLAB_I_SWEEP_LANES : (int)cores;
}

static void job_free(collab_i_sweep_job *job)
{
    for (int l = 0; l < COLLAB_I_SWEEP_LANES; l++) {
        collab_i_lane_free(&job->s.lanes[l]);
    }
    collab_i_csr_destroy(&job->relabelled);
    collab_i_path_reduction_destroy(&job->red);
    collab_free(job->q_comp);
    collab_free(job->q_new_id);
    collab_free(job->q_begins);
    collab_free(job->q_sizes);
    collab_free(job->q_side);
    collab_i_csr_destroy(&job->core);
    collab_free(job->q_mult);
    collab_free(job->comp);
    collab_free(job->sizes);
    collab_free(job->begins);
    collab_free(job->picked);
    collab_free(job->sources);
    collab_free(job->new_id);
    collab_free(job->s.comp_reach);
    collab_i_sweep_result_destroy(&job->r);
    if (job->estimated) {
        collab_i_kadabra_result_destroy(&job->kadabra);
    }
    collab_free(job);
}

/* The side classes of the reduction by new id (job->q_side), and the relabelled quotient
 * without them (job->core: their lists emptied, the arcs to them dropped, every other list in
 * its order), which the runs of all other sources go over. False when out of memory. */
static bool build_core(collab_i_sweep_job *job)
{
    const collab_i_csr *c = &job->relabelled;
    size_t nq = c->n;
    collab_i_csr *core = &job->core;
    job->q_side = collab_calloc_array(nq + 1, sizeof *job->q_side);
    core->start = collab_alloc_array(nq + 1, sizeof *core->start);
    core->adj = collab_alloc_array(c->start[nq] + 1, sizeof *core->adj);
    if (job->q_side == NULL || core->start == NULL || core->adj == NULL) {
        return false;
    }
    core->n = nq;
    for (size_t x = 0; x < nq; x++) {
        job->q_side[job->q_new_id[x]] = job->red.side[x];
    }
    size_t fill = 0;
    for (size_t v = 0; v < nq; v++) {
        core->start[v] = fill;
        for (size_t k = c->start[v]; !job->q_side[v] && k < c->start[v + 1]; k++) {
            if (!job->q_side[c->adj[k]]) {
                core->adj[fill++] = c->adj[k];
            }
        }
    }
    core->start[nq] = fill;
    return true;
}

/* An exact sweep in hops on the quotient graph of the reduction (paths_reduce.c): its
 * components, renumbering and sources (the quotient vertices whose runs are not another's) take
 * the place of the graph's for the workers. */
static collab_status prepare_reduced(collab_i_sweep_job *job, const collab_i_csr *csr,
                                     collab_error *err)
{
    sweep *s = &job->s;
    collab_status st = collab_i_paths_reduce(&job->red, csr, job->comp, job->sizes, err);
    if (st != COLLAB_OK) {
        return st;
    }
    const collab_i_csr *q = &job->red.q;
    size_t nq = q->n;
    job->q_comp = collab_alloc_array(nq + 1, sizeof *job->q_comp);
    job->q_new_id = collab_alloc_array(nq + 1, sizeof *job->q_new_id);
    job->q_begins = collab_alloc_array(nq + 1, sizeof *job->q_begins);
    job->q_mult = collab_alloc_array(nq + 1, sizeof *job->q_mult);
    job->q_sizes = collab_alloc_array(nq + 1, sizeof *job->q_sizes);
    uint32_t *order = collab_alloc_array(nq + 1, sizeof *order);
    bool ok = job->q_comp != NULL && job->q_new_id != NULL && job->q_begins != NULL &&
              job->q_mult != NULL && job->q_sizes != NULL && order != NULL;
    if (ok) {
        (void)collab_i_csr_components(q, job->q_comp, job->q_sizes, job->q_begins, order);
        collab_i_csr_destroy(&job->relabelled);
        ok = collab_i_csr_relabel(q, order, job->q_new_id, false, &job->relabelled);
    }
    collab_free(order);
    if (ok && job->red.n_side > 0) {
        ok = build_core(job);
    }
    if (!ok) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
    }
    s->n_sources = 0;
    for (size_t x = 0; x < nq; x++) {
        job->q_mult[job->q_new_id[x]] = job->red.mult[x];
        if (job->red.twins[x] != 0) {
            job->sources[s->n_sources++] = (uint32_t)x;
        }
    }
    s->red = &job->red;
    s->side = job->red.n_side > 0 ? job->q_side : NULL;
    s->core = &job->core;
    s->comp_size = job->q_sizes;
    s->mult = job->q_mult;
    s->new_id = job->q_new_id;
    s->comp = job->q_comp;
    s->comp_begin = job->q_begins;
    return COLLAB_OK;
}

/* Components, renumbering, sources and lanes: everything the workers need. */
/* Sampled sources, by hops, go 64 to a BFS when they share a component (paths_msbfs.c): so the
 * sources are put in order of component (ascending within each, a stable counting sort), and
 * each lane's run of a component fills whole batches. A vertex's sums only ever receive the
 * sources of its own component, so the order across components changes nothing. */
static bool group_by_component(collab_i_sweep_job *job, size_t n_comp, size_t n_sources)
{
    size_t *at = collab_calloc_array(n_comp + 1, sizeof *at);
    uint32_t *grouped = collab_alloc_array(n_sources + 1, sizeof *grouped);
    if (at == NULL || grouped == NULL) {
        collab_free(at);
        collab_free(grouped);
        return false;
    }
    for (size_t i = 0; i < n_sources; i++) {
        at[job->comp[job->sources[i]] + 1]++;
    }
    for (size_t k = 0; k < n_comp; k++) {
        at[k + 1] += at[k];
    }
    for (size_t i = 0; i < n_sources; i++) {
        grouped[at[job->comp[job->sources[i]]]++] = job->sources[i];
    }
    memcpy(job->sources, grouped, n_sources * sizeof *grouped);
    collab_free(at);
    collab_free(grouped);
    return true;
}

static collab_status job_prepare(collab_i_sweep_job *job, const collab_i_csr *csr, bool inverse,
                                 bool reduce, long sample, const collab_i_estimate_opts *est,
                                 uint64_t seed, int threads, collab_progress_fn progress,
                                 void *progress_data, collab_error *err)
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
    /* asked for estimates (--approx eps=..., --top-exact): betweenness is sampled even when
     * every source is swept, so closeness and harmonic are then exact (zero-width intervals) */
    r->sources_sampled = s->n_sources < n;
    r->sampled = r->sources_sampled || (est->force && n > 0);
    if (r->sampled && !inverse && !group_by_component(job, r->components, s->n_sources)) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
    }
    s->csr = &job->relabelled;
    s->n_vertices = n;
    s->new_id = job->new_id;
    s->comp = job->comp;
    s->comp_begin = job->begins;
    s->comp_size = job->sizes;
    size_t n_lane = n;
    if (reduce && !inverse && !r->sampled) {
        collab_status st = prepare_reduced(job, csr, err);
        if (st != COLLAB_OK) {
            return st;
        }
        n_lane = job->red.q.n;
    }
    s->inverse = inverse;
    s->squares = r->sampled;
    s->est = *est;
    s->seed = seed;
    s->progress_all = progress;
    s->sources = job->sources;
    s->n_threads = default_threads(threads);
    s->job = job;
    s->estimate_in_worker = r->sampled && s->n_threads > 1;
    s->progress = s->n_sources > 0 ? progress : NULL;
    s->progress_data = progress_data;
    s->started = collab_clock_seconds();
    atomic_init(&s->done, 0);
    atomic_init(&s->next_lane, 0);
    atomic_init(&s->cancel, false);
    for (int l = 0; l < COLLAB_I_SWEEP_LANES; l++) {
        if (!collab_i_lane_init(&s->lanes[l], n_lane, s->squares)) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
        }
        /* sampled: betweenness comes from KADABRA, the sources give distances only */
        s->lanes[l].distances_only = r->sampled;
    }
    return COLLAB_OK;
}

collab_status collab_i_sweep_start(collab_i_sweep_job **out, const collab_i_csr *csr, bool inverse,
                                   bool reduce, long sample, const collab_i_estimate_opts *est,
                                   uint64_t seed, int threads, collab_progress_fn progress,
                                   void *progress_data, collab_error *err)
{
    *out = NULL;
    collab_i_sweep_job *job = collab_calloc_array(1, sizeof *job);
    if (job == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
    }
    collab_status st = job_prepare(job, csr, inverse, reduce, sample, est, seed, threads, progress,
                                   progress_data, err);
    if (st != COLLAB_OK) {
        job_free(job);
        return st;
    }
    /* Workers 0 .. n-2 start now; worker n-1 is the caller, in collab_i_sweep_finish. Worker 0
     * shows the progress. If a thread cannot start, the others take its lanes. */
    for (int t = 0; t + 1 < job->s.n_threads; t++) {
        job->workers[t] = (worker){&job->s, t, COLLAB_OK, true};
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
    job->workers[me] = (worker){s, me, COLLAB_OK, false};
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
    if (st == COLLAB_OK && !cancel && job->r.sampled) {
        if (!job->estimated && job->estimate_st == COLLAB_OK) {
            collab_i_sweep_run_estimator(job,
                                         s->n_threads); /* no worker did (or none could start) */
        }
        if (job->estimate_st != COLLAB_OK) {
            st = job->estimate_st;
            if (err != NULL) {
                *err = job->estimate_err;
            }
        }
    }
    if (st == COLLAB_OK && !cancel) {
        st = collab_i_sweep_combine(s, job->comp, job->sizes, job->picked, &job->r, err);
    }
    if (st == COLLAB_OK && !cancel && job->r.sampled) {
        st = collab_i_sweep_estimate_betweenness(job, err);
    }
    if (st == COLLAB_OK && !cancel) {
        *out = job->r;
        memset(&job->r, 0, sizeof job->r);
    }
    job_free(job);
    return st;
}
