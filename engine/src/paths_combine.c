/* The sweep's final sums (see paths.c): the lanes added in lane order, and each vertex's
 * betweenness, closeness and harmonic centrality, with Hoeffding's bounds when sampled. */
#include "collab/alloc.h"

#include <math.h>

#include "paths_sweep_internal.h"

typedef collab_i_path_lane lane;
typedef collab_i_sweep sweep;

/* Hoeffding's bound (valid for sampling without replacement, Hoeffding 1963, section 6) on the
 * mean of k values within a range of width `range`, for every vertex at once with probability
 * >= 1 - delta by the union bound over n vertices. */
static double hoeffding(const sweep *s, double range, double k)
{
    return range * sqrt(s->hoeffding / (2.0 * k));
}

/* Closeness and harmonic bounds of vertex v from the mean distance and mean reciprocal distance
 * over the k sources (other than v) that reached it; every distance lies in [min_len, reach]. */
static void distance_bounds(const sweep *s, size_t v, double reach, double k, double mean_d,
                            double mean_h, double size, collab_i_sweep_result *r)
{
    double lo = s->min_len;
    double hi = reach > lo ? reach : lo;
    double ed = hoeffding(s, hi - lo, k);
    double eh = hoeffding(s, 1.0 / lo - 1.0 / hi, k);
    double d_lo = fmax(mean_d - ed, lo);
    double d_hi = fmin(mean_d + ed, hi);
    r->closeness_low[v] = 1.0 / d_hi;
    r->closeness_high[v] = 1.0 / d_lo;
    r->harmonic_low[v] = (size - 1.0) * fmax(mean_h - eh, 1.0 / hi);
    r->harmonic_high[v] = (size - 1.0) * fmin(mean_h + eh, 1.0 / lo);
}

/* The metrics of vertex v (original id) from its sums over the lanes, added in lane order; its
 * component has `size` vertices, of which `k` were sources. */
static void vertex_metrics(const sweep *s, size_t v, double size, double k,
                           collab_i_sweep_result *r)
{
    double bc = 0, dsum = 0, dsum2 = 0, hsum = 0, reached = 0;
    uint32_t x = s->new_id[s->red != NULL ? s->red->q_of[v] : v];
    for (int l = 0; l < COLLAB_I_SWEEP_LANES; l++) {
        const lane *ln = &s->lanes[l];
        bc += ln->bc[x];
        dsum += ln->dsum[x];
        hsum += ln->hsum[x];
        reached += ln->reached[x];
        if (s->squares) {
            dsum2 += ln->dsum2[x];
        }
    }
    if (s->red != NULL) {
        /* what the runs that stand for others counted wrongly (paths_reduce.c) */
        bc += s->red->bc[v];
        dsum += s->red->dsum[v];
        hsum += s->red->hsum[v];
        reached += s->red->reached[v];
    }
    /* Each unordered pair was counted from both ends when every source is swept; a sample
     * of k of the component's `size` sources is scaled up by size / k (KADABRA replaces this
     * estimate of betweenness when sampling). */
    r->betweenness[v] = bc * (size / k) / 2.0;
    r->closeness[v] = dsum > 0 ? reached / dsum : 0.0;
    r->harmonic[v] = reached >= size - 1.0 ? hsum
                     : reached > 0         ? hsum * (size - 1.0) / reached
                                           : 0.0;
    if (!r->sampled) {
        return;
    }
    r->closeness_low[v] = r->closeness_high[v] = r->closeness[v];
    r->harmonic_low[v] = r->harmonic_high[v] = r->harmonic[v];
    if (reached > 1 && reached < size - 1) {
        double mean = dsum / reached;
        double var = (dsum2 - reached * mean * mean) / (reached - 1.0);
        double se_mean = sqrt(fmax(var, 0.0) * (1.0 - reached / (size - 1.0)) / reached);
        r->closeness_se[v] = r->closeness[v] * se_mean / mean;
        distance_bounds(s, v, s->comp_reach[s->comp[v]], reached, mean, hsum / reached, size, r);
    } else if (reached < size - 1) {
        /* reached by one source or none: only the range of distances bounds it */
        double reach = fmax(s->comp_reach[s->comp[v]], s->min_len);
        r->closeness_low[v] = 1.0 / reach;
        r->closeness_high[v] = 1.0 / s->min_len;
        r->harmonic_low[v] = (size - 1.0) / reach;
        r->harmonic_high[v] = (size - 1.0) / s->min_len;
    }
}

collab_status collab_i_sweep_combine(const sweep *s, const uint32_t *comp, const size_t *sizes,
                                     const size_t *picked, collab_i_sweep_result *r,
                                     collab_error *err)
{
    size_t n = s->n_vertices;
    r->betweenness = collab_calloc_array(n + 1, sizeof *r->betweenness);
    r->closeness = collab_calloc_array(n + 1, sizeof *r->closeness);
    r->harmonic = collab_calloc_array(n + 1, sizeof *r->harmonic);
    bool ok = true;
    if (r->sampled) {
        r->closeness_se = collab_calloc_array(n + 1, sizeof *r->closeness_se);
        r->closeness_low = collab_calloc_array(n + 1, sizeof *r->closeness_low);
        r->closeness_high = collab_calloc_array(n + 1, sizeof *r->closeness_high);
        r->harmonic_low = collab_calloc_array(n + 1, sizeof *r->harmonic_low);
        r->harmonic_high = collab_calloc_array(n + 1, sizeof *r->harmonic_high);
        ok = r->closeness_se != NULL && r->closeness_low != NULL && r->closeness_high != NULL &&
             r->harmonic_low != NULL && r->harmonic_high != NULL;
    }
    if (r->betweenness == NULL || r->closeness == NULL || r->harmonic == NULL || !ok) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory combining path sums");
    }
    double pair_dist = 0;
    double pairs = 0;
    for (int l = 0; l < COLLAB_I_SWEEP_LANES; l++) {
        r->diameter = s->lanes[l].max_dist > r->diameter ? s->lanes[l].max_dist : r->diameter;
        pair_dist += s->lanes[l].pair_dist;
        pairs += s->lanes[l].pairs;
    }
    if (s->red != NULL) {
        pair_dist += s->red->pair_dist;
        pairs += s->red->pairs;
        r->diameter = fmax(r->diameter, s->red->diameter);
    }
    r->avg_path_length = pairs > 0 ? pair_dist / pairs : 0.0;
    for (size_t v = 0; v < n; v++) {
        vertex_metrics(s, v, (double)sizes[comp[v]], (double)picked[comp[v]], r);
    }
    return COLLAB_OK;
}
