/* The sweep's estimates (see paths.c): bounds on every distance for Hoeffding's bounds, and
 * betweenness from KADABRA's adaptive sample (paths_kadabra.c), brought back to original ids. */
#include "collab/alloc.h"

#include <math.h>

#include "paths_sweep_internal.h"

typedef collab_i_path_lane lane;
typedef collab_i_sweep sweep;

/* KADABRA may always scan this many adjacency entries (well under a second), however cheap the
 * exact sweep: on small graphs it would otherwise stop before its bounds reach eps. */
#define KADABRA_WORK_FLOOR 1e8

/* Per component, an upper bound on any distance in it: twice the eccentricity of its first
 * vertex (and, in hops, at most size - 1), from one more run of the kernel; and the bounds every
 * distance respects, for Hoeffding's bounds on closeness and harmonic centrality.
 * Time complexity: O(V + E) (O(E log V) with 1/weight lengths). */
static collab_status reach_bounds(collab_i_sweep_job *job, collab_error *err)
{
    sweep *s = &job->s;
    const collab_i_csr *c = &job->relabelled;
    size_t n_comp = job->r.components;
    lane scratch;
    collab_i_path_workspace w;
    s->comp_reach = collab_calloc_array(n_comp + 1, sizeof *s->comp_reach);
    if (s->comp_reach == NULL || !collab_i_lane_init(&scratch, c->n, false)) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory bounding distances");
    }
    if (!collab_i_path_workspace_init(&w, c, s->inverse)) {
        collab_i_lane_free(&scratch);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory bounding distances");
    }
    double vd = 0;
    for (size_t k = 0; k < n_comp; k++) {
        size_t begin = job->begins[k];
        scratch.max_dist = 0;
        if (s->inverse) {
            collab_i_paths_from_inverse(c, &w, &scratch, false, (uint32_t)begin);
            s->comp_reach[k] = 2.0 * scratch.max_dist;
            vd = fmax(vd, (double)job->sizes[k]);
        } else {
            collab_i_paths_from_hops(c, &w, &scratch, false, (uint32_t)begin, begin);
            s->comp_reach[k] = fmin(2.0 * scratch.max_dist, (double)job->sizes[k] - 1.0);
            vd = fmax(vd, s->comp_reach[k] + 1.0);
        }
    }
    collab_i_path_workspace_free(&w);
    collab_i_lane_free(&scratch);
    double max_weight = 0;
    for (size_t e = 0; s->inverse && e < c->start[c->n]; e++) {
        max_weight = fmax(max_weight, c->weight[e]);
    }
    s->min_len = s->inverse && max_weight > 0 ? 1.0 / max_weight : 1.0;
    s->hoeffding = log(2.0 * (double)c->n / s->est.delta);
    job->r.bc_vd = vd;
    return COLLAB_OK;
}

/* The distance bounds (reach_bounds) and KADABRA's samples on `threads` threads, into
 * job->kadabra; the outcome in job->estimate_st and estimate_err. It reads the renumbered graph
 * only and writes only the job's bounds and estimates, which the sweep's workers never read. */
void collab_i_sweep_run_estimator(collab_i_sweep_job *job, int threads)
{
    sweep *s = &job->s;
    collab_i_sweep_result *r = &job->r;
    size_t n = job->relabelled.n;
    double adj = (double)job->relabelled.start[n];
    collab_error *err = &job->estimate_err;
    job->estimate_st = reach_bounds(job, err);
    if (job->estimate_st != COLLAB_OK) {
        return;
    }
    collab_i_kadabra_opts o = {.eps = s->est.eps,
                               .delta = s->est.delta,
                               .top_k = s->est.top_k,
                               .vertex_diameter = r->bc_vd,
                               .inverse = s->inverse,
                               .seed = s->seed,
                               .threads = threads,
                               .progress = s->progress_all,
                               .progress_data = s->progress_data};
    /* never more work than the exact sweep (n BFS or Dijkstra runs over the adjacency) or a
     * floor, nor than the sampling budget */
    o.work_limit = fmin(fmax((double)n * adj, KADABRA_WORK_FLOOR), COLLAB_SAMPLE_WORK_BUDGET);
    job->estimate_st = collab_i_kadabra(&job->kadabra, &job->relabelled, &o, err);
    job->estimated = job->estimate_st == COLLAB_OK;
}

/* Betweenness from KADABRA's estimates (run_estimator) on the renumbered graph, brought back to
 * original ids and to the raw scale (b(v) n (n - 1) / 2), with its bounds; then the top ranks, if
 * asked. */
collab_status collab_i_sweep_estimate_betweenness(collab_i_sweep_job *job, collab_error *err)
{
    sweep *s = &job->s;
    collab_i_sweep_result *r = &job->r;
    size_t n = job->relabelled.n;
    collab_i_kadabra_result kr = job->kadabra;
    job->estimated = false; /* kr is this function's now */
    double scale = (double)n * ((double)n - 1.0) / 2.0;
    r->betweenness_low = collab_alloc_array(n + 1, sizeof *r->betweenness_low);
    r->betweenness_high = collab_alloc_array(n + 1, sizeof *r->betweenness_high);
    if (r->betweenness_low == NULL || r->betweenness_high == NULL) {
        collab_i_kadabra_result_destroy(&kr);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory sampling betweenness");
    }
    for (size_t v = 0; v < n; v++) {
        uint32_t x = job->new_id[v];
        r->betweenness[v] = kr.estimate[x] * scale;
        r->betweenness_low[v] = kr.low[x] * scale;
        r->betweenness_high[v] = kr.high[x] * scale;
    }
    r->bc_samples = kr.samples;
    r->bc_first = kr.first_samples;
    r->bc_omega = kr.omega;
    r->bc_adaptive = kr.adaptive_stop;
    r->bc_work_stop = kr.work_stop;
    r->bc_work = kr.work;
    collab_i_kadabra_result_destroy(&kr);
    size_t k = s->est.top_k < n ? s->est.top_k : n;
    if (k == 0) {
        return COLLAB_OK;
    }
    /* ranked again in original ids, so ties fall by original id as everywhere else */
    collab_i_kadabra_result ranks = {
        .estimate = r->betweenness, .low = r->betweenness_low, .high = r->betweenness_high};
    r->top = collab_alloc_array(k, sizeof *r->top);
    r->rank_best = collab_alloc_array(k, sizeof *r->rank_best);
    r->rank_worst = collab_alloc_array(k, sizeof *r->rank_worst);
    bool nomem = r->top == NULL || r->rank_best == NULL || r->rank_worst == NULL;
    if (!nomem) {
        ranks.top = r->top;
        ranks.rank_best = r->rank_best;
        ranks.rank_worst = r->rank_worst;
        (void)collab_i_kadabra_rank(&ranks, n, k, &nomem);
    }
    if (nomem) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory ranking betweenness");
    }
    r->top_k = k;
    return COLLAB_OK;
}
