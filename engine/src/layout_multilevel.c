/* The multilevel driver of ForceAtlas2 (Walshaw, JGAA 2003; Hu, Mathematica Journal 2005).
 *
 * Force-directed layout of a large graph from random positions needs many iterations to untangle
 * it. Coarsening first by heavy-edge matching (unmatched nodes joining their best neighbour's
 * group) halves the graph per level; the coarsest graph untangles in no time, and each finer level
 * starts near where its neighbours' parents lie, needing only a few iterations.
 * A coarse node's mass is the sum of its members' masses and a coarse edge's weight the sum of
 * the weights it replaces, so the coarse forces approximate the fine ones and every level
 * settles at about the same scale. */
#include "collab/alloc.h"

#include <math.h>
#include <string.h>

#include "layout_internal.h"

#define COARSEST_VERTICES   48    /* stop coarsening at this size: it lays out in no time */
#define MAX_LEVELS          40    /* halving per level, far more than any graph needs */
#define MIN_SHRINK          0.9   /* a level that keeps more than this share of nodes is useless */
#define LEVEL_WORK_SHARE    0.5   /* no coarser level may cost more than this share of the finest */
#define LEVEL_SPEED_RESTART 0.001 /* global speed kept from one level to the next finer */

/* One level of the hierarchy. Level 0 borrows the caller's graph and positions. */
typedef struct fa2_level {
    collab_i_fa2_graph g; /* this level's graph */
    bool owned;           /* g's arrays and x, y are ours (every level but 0) */
    double *count;        /* per node: input vertices it stands for (owned on every level) */
    uint32_t *parent;     /* per node: its node on the next coarser level (owned) */
    double *x, *y;        /* positions */
} fa2_level;

static void fa2_level_destroy(fa2_level *l)
{
    if (l->owned) {
        collab_free((void *)l->g.from);
        collab_free((void *)l->g.to);
        collab_free((void *)l->g.weight);
        collab_free((void *)l->g.mass);
        collab_free(l->x);
        collab_free(l->y);
    }
    collab_free(l->count);
    collab_free(l->parent);
    memset(l, 0, sizeof *l);
}

/* Adjacency in both directions, self-loops left out. */
typedef struct fa2_csr {
    size_t *start; /* n + 1 offsets */
    uint32_t *adj; /* neighbours */
    double *w;     /* weight of the edge to each neighbour */
} fa2_csr;

static void fa2_csr_destroy(fa2_csr *c)
{
    collab_free(c->start);
    collab_free(c->adj);
    collab_free(c->w);
    memset(c, 0, sizeof *c);
}

static collab_status fa2_csr_build(const collab_i_fa2_graph *g, fa2_csr *c, collab_error *err)
{
    size_t n = g->n_vertices;
    c->start = collab_calloc_array(n + 1, sizeof *c->start);
    c->adj = collab_alloc_array(2 * g->n_edges, sizeof *c->adj);
    c->w = collab_alloc_array(2 * g->n_edges, sizeof *c->w);
    if (c->start == NULL || c->adj == NULL || c->w == NULL) {
        fa2_csr_destroy(c);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory coarsening the graph");
    }
    for (size_t e = 0; e < g->n_edges; e++) {
        if (g->from[e] != g->to[e]) {
            c->start[g->from[e] + 1]++;
            c->start[g->to[e] + 1]++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        c->start[i + 1] += c->start[i];
    }
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t u = g->from[e], v = g->to[e];
        if (u != v) {
            size_t a = c->start[u]++, b = c->start[v]++;
            c->adj[a] = v;
            c->w[a] = g->weight[e];
            c->adj[b] = u;
            c->w[b] = g->weight[e];
        }
    }
    /* The fill loop advanced each start to the next one's; shift back. */
    memmove(c->start + 1, c->start, n * sizeof *c->start);
    c->start[0] = 0;
    return COLLAB_OK;
}

/* The neighbour of u with the heaviest edge relative to the sizes of both ends (so that groups
 * grow evenly instead of snowballing around hubs); only ungrouped ones when `free_only`.
 * UINT32_MAX if none. */
static uint32_t fa2_best_neighbour(const fa2_csr *c, const double *count, const uint32_t *group,
                                   uint32_t u, bool free_only)
{
    uint32_t best = UINT32_MAX;
    double best_score = -1.0;
    for (size_t k = c->start[u]; k < c->start[u + 1]; k++) {
        uint32_t v = c->adj[k];
        if (free_only && group[v] != UINT32_MAX) {
            continue;
        }
        double score = c->w[k] / (count[u] * count[v]);
        if (score > best_score) {
            best_score = score;
            best = v;
        }
    }
    return best;
}

/* Heavy-edge matching in a seeded random order; then each unmatched node (all its neighbours
 * are matched, the matching being maximal) joins its best neighbour's group, so a star
 * collapses at once instead of losing one leaf per level. Returns the number of groups. */
static size_t fa2_match(const fa2_level *f, const fa2_csr *c, uint32_t *perm, uint32_t *group,
                        uint64_t *rng)
{
    size_t n = f->g.n_vertices, n_groups = 0;
    for (size_t i = 0; i < n; i++) {
        perm[i] = (uint32_t)i;
        group[i] = UINT32_MAX;
    }
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(collab_i_splitmix64(rng) % i);
        uint32_t t = perm[i - 1];
        perm[i - 1] = perm[j];
        perm[j] = t;
    }
    for (size_t k = 0; k < n; k++) {
        uint32_t u = perm[k];
        if (group[u] != UINT32_MAX) {
            continue;
        }
        uint32_t v = fa2_best_neighbour(c, f->count, group, u, true);
        if (v != UINT32_MAX) {
            group[u] = group[v] = (uint32_t)n_groups++;
        }
    }
    for (size_t k = 0; k < n; k++) {
        uint32_t u = perm[k];
        if (group[u] != UINT32_MAX) {
            continue;
        }
        uint32_t v = fa2_best_neighbour(c, f->count, group, u, false);
        /* v is matched (a maximal matching leaves no two unmatched nodes adjacent), so its
         * group is final and the order of this pass does not matter. */
        group[u] = v != UINT32_MAX ? group[v] : (uint32_t)n_groups++;
    }
    return n_groups;
}

/* Groups' members, as a CSR built by counting sort (ascending within each group). */
static collab_status fa2_members(const uint32_t *group, size_t n, size_t n_groups,
                                 size_t **start_out, uint32_t **members_out, collab_error *err)
{
    size_t *start = collab_calloc_array(n_groups + 1, sizeof *start);
    uint32_t *members = collab_alloc_array(n, sizeof *members);
    if (start == NULL || members == NULL) {
        collab_free(start);
        collab_free(members);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory coarsening the graph");
    }
    for (size_t u = 0; u < n; u++) {
        start[group[u] + 1]++;
    }
    for (size_t k = 0; k < n_groups; k++) {
        start[k + 1] += start[k];
    }
    for (size_t u = 0; u < n; u++) {
        members[start[group[u]]++] = (uint32_t)u;
    }
    memmove(start + 1, start, n_groups * sizeof *start);
    start[0] = 0;
    *start_out = start;
    *members_out = members;
    return COLLAB_OK;
}

/* Allocates the coarse level's arrays: m edges at most (the fine count bounds the coarse one). */
static collab_status fa2_level_alloc(fa2_level *l, size_t n, size_t m, collab_error *err)
{
    memset(l, 0, sizeof *l);
    l->owned = true;
    l->g.n_vertices = n;
    l->g.from = collab_alloc_array(m, sizeof(uint32_t));
    l->g.to = collab_alloc_array(m, sizeof(uint32_t));
    l->g.weight = collab_alloc_array(m, sizeof(double));
    l->g.mass = collab_calloc_array(n, sizeof(double));
    l->count = collab_calloc_array(n, sizeof(double));
    l->x = collab_alloc_array(n, sizeof(double));
    l->y = collab_alloc_array(n, sizeof(double));
    if (l->g.from == NULL || l->g.to == NULL || l->g.weight == NULL || l->g.mass == NULL ||
        l->count == NULL || l->x == NULL || l->y == NULL) {
        fa2_level_destroy(l);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory coarsening the graph");
    }
    return COLLAB_OK;
}

/* Sums the fine edges between each pair of groups into one coarse edge, with a dense
 * accumulator stamped per group: linear time, and the edge order depends only on the input. */
static void fa2_coarse_edges(const fa2_csr *c, const uint32_t *group, const size_t *start,
                             const uint32_t *members, fa2_level *coarse, size_t *stamp, double *acc,
                             uint32_t *touched)
{
    uint32_t *from = (uint32_t *)coarse->g.from, *to = (uint32_t *)coarse->g.to;
    double *weight = (double *)coarse->g.weight;
    size_t m = 0, n_groups = coarse->g.n_vertices;
    for (size_t k = 0; k < n_groups; k++) {
        size_t n_touched = 0;
        for (size_t a = start[k]; a < start[k + 1]; a++) {
            uint32_t u = members[a];
            for (size_t b = c->start[u]; b < c->start[u + 1]; b++) {
                uint32_t d = group[c->adj[b]];
                if (d <= k) {
                    continue; /* inside the group, or counted from d's side */
                }
                if (stamp[d] != k + 1) {
                    stamp[d] = k + 1;
                    acc[d] = 0.0;
                    touched[n_touched++] = d;
                }
                acc[d] += c->w[b];
            }
        }
        for (size_t t = 0; t < n_touched; t++) {
            from[m] = (uint32_t)k;
            to[m] = touched[t];
            weight[m] = acc[touched[t]];
            m++;
        }
    }
    coarse->g.n_edges = m;
}

/* Builds `coarse` from `fine` and sets fine->parent. On error nothing is left allocated in
 * `coarse` (fine->parent is freed with fine). */
static collab_status fa2_coarsen(fa2_level *fine, fa2_level *coarse, uint64_t *rng,
                                 collab_error *err)
{
    size_t n = fine->g.n_vertices, *start = NULL, *stamp = NULL;
    uint32_t *perm = NULL, *members = NULL, *touched = NULL;
    double *acc = NULL;
    fa2_csr c = {0};
    memset(coarse, 0, sizeof *coarse);
    collab_status st = fa2_csr_build(&fine->g, &c, err);
    if (st != COLLAB_OK) {
        return st;
    }
    fine->parent = collab_alloc_array(n, sizeof *fine->parent);
    perm = collab_alloc_array(n, sizeof *perm);
    if (fine->parent == NULL || perm == NULL) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory coarsening the graph");
        goto cleanup;
    }
    size_t n_groups = fa2_match(fine, &c, perm, fine->parent, rng);
    st = fa2_members(fine->parent, n, n_groups, &start, &members, err);
    if (st == COLLAB_OK) {
        st = fa2_level_alloc(coarse, n_groups, fine->g.n_edges, err);
    }
    if (st != COLLAB_OK) {
        goto cleanup;
    }
    stamp = collab_calloc_array(n_groups, sizeof *stamp);
    acc = collab_alloc_array(n_groups, sizeof *acc);
    touched = collab_alloc_array(n_groups, sizeof *touched);
    if (stamp == NULL || acc == NULL || touched == NULL) {
        fa2_level_destroy(coarse);
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory coarsening the graph");
        goto cleanup;
    }
    double *mass = (double *)coarse->g.mass;
    for (size_t u = 0; u < n; u++) {
        mass[fine->parent[u]] += fine->g.mass[u];
        coarse->count[fine->parent[u]] += fine->count[u];
    }
    fa2_coarse_edges(&c, fine->parent, start, members, coarse, stamp, acc, touched);
cleanup:
    fa2_csr_destroy(&c);
    collab_free(perm);
    collab_free(start);
    collab_free(members);
    collab_free(stamp);
    collab_free(acc);
    collab_free(touched);
    return st;
}

static double fa2_work(const collab_i_fa2_graph *g)
{
    return collab_i_fa2_work(g);
}

/* Iterations on level l (0 = finest): coarse levels untangle the layout, so they get more, but
 * coarsening dense graphs leaves levels with few nodes and many edges, so no level may cost more
 * than a share of the finest level's work. The coarsest gets enough to settle from random
 * positions. */
static size_t fa2_level_iterations(const fa2_level *levels, size_t finest, size_t l,
                                   size_t n_levels)
{
    double it = (double)finest * (1.0 + 0.5 * (double)l);
    double cap =
        LEVEL_WORK_SHARE * (double)finest * fa2_work(&levels[0].g) / fa2_work(&levels[l].g);
    it = fmin(it, fmax(cap, (double)finest));
    if (l + 1 == n_levels) {
        it = fmax(it, 300.0);
    }
    return (size_t)fmin(it, 1000.0);
}

/* Finest-level iterations when the caller leaves it to us: small graphs can afford a long
 * polish, large ones arrive nearly settled from the coarser levels, and tiny components (there
 * may be thousands of them) settle in a few dozen. */
static size_t fa2_auto_iterations(const collab_i_fa2_graph *g)
{
    double work = (double)g->n_vertices + 0.25 * (double)g->n_edges;
    double tiny = 40.0 + 20.0 * (double)g->n_vertices;
    return (size_t)fmax(30.0, fmin(fmin(300.0, tiny), 1.5e6 / fmax(work, 1.0)));
}

/* Places each fine node between its parent and its neighbours' parents (weighted, half the
 * weight on its own parent), plus seeded jitter of about a twentieth of the coarse level's mean
 * edge length. Starting nodes where their neighbours pull them saves the finer levels most of
 * their work: from the bare parent position, siblings first blow apart and take long to return. */
static collab_status fa2_prolong(fa2_level *fine, const fa2_level *coarse, uint64_t *rng,
                                 collab_error *err)
{
    size_t n = fine->g.n_vertices;
    double len = 0.0, *wsum = collab_calloc_array(n, sizeof *wsum);
    if (wsum == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    for (size_t e = 0; e < coarse->g.n_edges; e++) {
        uint32_t a = coarse->g.from[e], b = coarse->g.to[e];
        double dx = coarse->x[a] - coarse->x[b], dy = coarse->y[a] - coarse->y[b];
        len += sqrt(dx * dx + dy * dy);
    }
    double jitter = coarse->g.n_edges > 0 ? 0.05 * len / (double)coarse->g.n_edges : 0.0;
    if (!(jitter > 0.0)) {
        jitter = 1.0;
    }
    memset(fine->x, 0, n * sizeof *fine->x);
    memset(fine->y, 0, n * sizeof *fine->y);
    for (size_t e = 0; e < fine->g.n_edges; e++) {
        uint32_t u = fine->g.from[e], v = fine->g.to[e], pu = fine->parent[u], pv = fine->parent[v];
        double w = fine->g.weight[e];
        if (u == v) {
            continue;
        }
        fine->x[u] += w * coarse->x[pv];
        fine->y[u] += w * coarse->y[pv];
        fine->x[v] += w * coarse->x[pu];
        fine->y[v] += w * coarse->y[pu];
        wsum[u] += w;
        wsum[v] += w;
    }
    for (size_t u = 0; u < n; u++) {
        uint32_t p = fine->parent[u];
        double self = wsum[u] > 0.0 ? wsum[u] : 1.0;
        fine->x[u] = (fine->x[u] + self * coarse->x[p]) / (wsum[u] + self);
        fine->y[u] = (fine->y[u] + self * coarse->y[p]) / (wsum[u] + self);
        fine->x[u] += jitter * (2.0 * collab_i_splitmix_unit(rng) - 1.0);
        fine->y[u] += jitter * (2.0 * collab_i_splitmix_unit(rng) - 1.0);
    }
    collab_free(wsum);
    return COLLAB_OK;
}

/* Coarsens until the graph is small or stops shrinking; returns the number of levels. */
static collab_status fa2_build_levels(fa2_level *levels, size_t *n_levels, uint64_t *rng,
                                      collab_error *err)
{
    while (*n_levels < MAX_LEVELS && levels[*n_levels - 1].g.n_vertices > COARSEST_VERTICES) {
        fa2_level *fine = &levels[*n_levels - 1], *coarse = &levels[*n_levels];
        collab_status st = fa2_coarsen(fine, coarse, rng, err);
        if (st != COLLAB_OK) {
            return st;
        }
        if ((double)coarse->g.n_vertices > MIN_SHRINK * (double)fine->g.n_vertices) {
            fa2_level_destroy(coarse);
            collab_free(fine->parent);
            fine->parent = NULL;
            break;
        }
        (*n_levels)++;
    }
    return COLLAB_OK;
}

double collab_i_fa2_multilevel_estimate(const collab_i_fa2_graph *g, size_t iterations)
{
    size_t finest = iterations > 0 ? iterations : fa2_auto_iterations(g);
    /* The coarser levels halve the graph each and run at most 1.5 times the iterations of the
     * next finer one, capped at LEVEL_WORK_SHARE of the finest level's work: measured, they add
     * about as much again as the finest level. */
    return 2.0 * (double)finest * fa2_work(g);
}

collab_status collab_i_fa2_multilevel(const collab_i_fa2_graph *g, const collab_i_fa2_params *p,
                                      uint64_t seed, size_t iterations, double *x, double *y,
                                      collab_error *err)
{
    fa2_level levels[MAX_LEVELS];
    size_t n = g->n_vertices, n_levels = 1;
    uint64_t rng = seed;
    memset(levels, 0, sizeof levels);
    levels[0].g = *g;
    levels[0].x = x;
    levels[0].y = y;
    levels[0].count = collab_alloc_array(n, sizeof(double));
    if (levels[0].count == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    for (size_t i = 0; i < n; i++) {
        levels[0].count[i] = 1.0;
        x[i] = y[i] = 0.0;
    }
    collab_status st = fa2_build_levels(levels, &n_levels, &rng, err);
    if (st != COLLAB_OK || n < 2) {
        goto cleanup;
    }
    size_t finest = iterations > 0 ? iterations : fa2_auto_iterations(g);
    fa2_level *top = &levels[n_levels - 1];
    double side = sqrt((double)top->g.n_vertices);
    for (size_t i = 0; i < top->g.n_vertices; i++) {
        top->x[i] = side * collab_i_splitmix_unit(&rng);
        top->y[i] = side * collab_i_splitmix_unit(&rng);
    }
    collab_i_fa2_rescale(&top->g, p, top->x, top->y);
    collab_i_fa2_speed speed = {1.0, 1.0};
    for (size_t l = n_levels; l-- > 0 && st == COLLAB_OK;) {
        if (l + 1 < n_levels) {
            st = fa2_prolong(&levels[l], &levels[l + 1], &rng, err);
            if (st != COLLAB_OK) {
                break;
            }
            /* A finer level starts unsettled locally: restart the global speed low and let it
             * climb back (50% an iteration at most), keeping the learnt efficiency. Carrying the
             * coarse speed over blows the siblings apart; both choices measured on a planted
             * partition of 33k vertices. */
            speed.speed *= LEVEL_SPEED_RESTART;
        }
        st = collab_i_fa2_run(&levels[l].g, p, fa2_level_iterations(levels, finest, l, n_levels),
                              levels[l].x, levels[l].y, &speed, err);
    }
cleanup:
    for (size_t l = 0; l <= n_levels && l < MAX_LEVELS; l++) {
        fa2_level_destroy(&levels[l]);
    }
    return st;
}
