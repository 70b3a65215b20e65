/* Exact reductions of the hop sweep (after Baglioni et al. 2012 and the degree-one and twin
 * steps of BADIOS, Sariyuce et al. 2013): sources whose shortest-path DAG is another source's,
 * up to a relabelling, are not swept; the run of the source that stands for them counts their
 * contributions too. The graph itself is unchanged, so every other run is as before.
 *
 * - A degree-one vertex s whose neighbour r has degree >= 2 (a pendant of r): every shortest
 *   path from s is s-r followed by one from r. So for every vertex t other than s and r,
 *   d(s, t) = d(r, t) + 1 and s's dependency on t is r's (a leaf is never inside a path), and
 *   s's dependency on r is the size of the component minus 2.
 * - Twins: vertices with the same closed neighbourhood (adjacent, "true twins") or the same
 *   open neighbourhood (not adjacent, "false twins"). No shortest path from a twin has another
 *   twin inside (its neighbours are the same), so swapping the two maps one's DAG onto the
 *   other's: distances and dependencies on every vertex outside the class are the same, and
 *   within the class every distance is 1 (true twins) or 2 (false twins).
 * Pendants of the same vertex are false twins, folded into their neighbour instead; a vertex
 * with a pendant is in no twin class (a twin would have to neighbour the pendant too).
 *
 * The kernel (collab_i_paths_from_hops_folded) adds, for each vertex its run reaches, the terms
 * of the `twins` sources it stands for at the same distance and those of its `pendants` one hop
 * further. What that counts wrongly - distances inside a class, a pendant's pair with itself,
 * and the pendants' own terms on their neighbour - does not depend on the run, and is added
 * here once (the corrections). Hop lengths only: with 1/weight lengths twins would also need
 * equal weights, and the sweep then runs every source. */
#include "collab/alloc.h"

#include <stdlib.h>
#include <string.h>

#include "paths_internal.h"

void collab_i_path_reduction_destroy(collab_i_path_reduction *r)
{
    if (r == NULL) {
        return;
    }
    collab_free(r->twins);
    collab_free(r->pendants);
    collab_free(r->bc);
    collab_free(r->dsum);
    collab_free(r->hsum);
    collab_free(r->reached);
    memset(r, 0, sizeof *r);
}

/* splitmix64's finaliser: a well-mixed 64-bit image of a vertex id. */
static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

typedef struct keyed_vertex {
    uint64_t key; /* hash of the neighbourhood */
    uint32_t v;   /* vertex */
} keyed_vertex;

static int compare_keyed(const void *a, const void *b)
{
    const keyed_vertex *x = a;
    const keyed_vertex *y = b;
    if (x->key != y->key) {
        return (x->key > y->key) - (x->key < y->key);
    }
    return (x->v > y->v) - (x->v < y->v);
}

/* Is N(a) + {a} (with `closed`) or N(a) equal to the same of b? Adjacency lists ascend. */
static bool same_neighbourhood(const collab_i_csr *c, uint32_t a, uint32_t b, bool closed)
{
    size_t da = c->start[a + 1] - c->start[a];
    size_t db = c->start[b + 1] - c->start[b];
    if (da != db) {
        return false;
    }
    if (!closed) {
        return memcmp(c->adj + c->start[a], c->adj + c->start[b], da * sizeof *c->adj) == 0;
    }
    /* merge N(a) + {a} against N(b) + {b}, both ascending */
    size_t i = c->start[a], j = c->start[b];
    size_t ie = c->start[a + 1], je = c->start[b + 1];
    bool a_done = false, b_done = false;
    for (;;) {
        uint32_t x = UINT32_MAX, y = UINT32_MAX;
        bool have_x = false, have_y = false;
        if (!a_done && (i == ie || a < c->adj[i])) {
            x = a, have_x = true;
        } else if (i < ie) {
            x = c->adj[i], have_x = true;
        }
        if (!b_done && (j == je || b < c->adj[j])) {
            y = b, have_y = true;
        } else if (j < je) {
            y = c->adj[j], have_y = true;
        }
        if (!have_x || !have_y) {
            return have_x == have_y;
        }
        if (x != y) {
            return false;
        }
        if (!a_done && x == a) {
            a_done = true;
        } else {
            i++;
        }
        if (!b_done && y == b) {
            b_done = true;
        } else {
            j++;
        }
    }
}

/* Groups the still unclaimed vertices of degree >= 1 (twins[v] == 1, no pendants) by the hash
 * of their closed or open neighbourhood (`keys` has room for n), and makes each class of twins
 * found within a group one class: its smallest vertex stands for the others. */
static void find_twins(const collab_i_csr *c, collab_i_path_reduction *r, const uint64_t *open,
                       bool closed, keyed_vertex *keys)
{
    size_t m = 0;
    for (size_t v = 0; v < c->n; v++) {
        if (r->twins[v] == 1 && r->pendants[v] == 0 && c->start[v + 1] > c->start[v]) {
            keys[m++] = (keyed_vertex){closed ? open[v] + mix(v) : open[v], (uint32_t)v};
        }
    }
    qsort(keys, m, sizeof *keys, compare_keyed);
    double c_len = closed ? 1.0 : 2.0;
    for (size_t g = 0; g < m;) {
        size_t end = g + 1;
        while (end < m && keys[end].key == keys[g].key) {
            end++;
        }
        /* within a group (one class unless hashes collide), each unclaimed vertex in id order
         * gathers the unclaimed members with its neighbourhood */
        for (size_t i = g; i < end; i++) {
            uint32_t rep = keys[i].v;
            if (r->twins[rep] != 1 || end - i < 2) {
                continue;
            }
            uint32_t k = 1;
            for (size_t j = i + 1; j < end; j++) {
                uint32_t y = keys[j].v;
                if (r->twins[y] == 1 && same_neighbourhood(c, rep, y, closed)) {
                    r->twins[y] = 0;
                    k++;
                    /* its run's terms come from rep's at the same distance, and rep's counts
                     * y's pair with itself: one term at the in-class distance too many */
                    r->dsum[y] -= c_len;
                    r->hsum[y] -= 1.0 / c_len;
                    r->reached[y] -= 1.0;
                }
            }
            if (k > 1) {
                r->twins[rep] = k;
                /* rep's run never reaches rep itself: its k - 1 twins at the in-class distance */
                r->dsum[rep] += (double)(k - 1) * c_len;
                r->hsum[rep] += (double)(k - 1) / c_len;
                r->reached[rep] += (double)(k - 1);
                r->swept -= k - 1;
            }
        }
        g = end;
    }
}

collab_status collab_i_paths_reduce(collab_i_path_reduction *out, const collab_i_csr *c,
                                    const uint32_t *comp, const size_t *sizes, collab_error *err)
{
    collab_i_path_reduction r = {0};
    size_t n = c->n;
    r.twins = collab_alloc_array(n + 1, sizeof *r.twins);
    r.pendants = collab_calloc_array(n + 1, sizeof *r.pendants);
    r.bc = collab_calloc_array(n + 1, sizeof *r.bc);
    r.dsum = collab_calloc_array(n + 1, sizeof *r.dsum);
    r.hsum = collab_calloc_array(n + 1, sizeof *r.hsum);
    r.reached = collab_calloc_array(n + 1, sizeof *r.reached);
    uint64_t *open = collab_alloc_array(n + 1, sizeof *open);
    keyed_vertex *keys = collab_alloc_array(n + 1, sizeof *keys);
    if (r.twins == NULL || r.pendants == NULL || r.bc == NULL || r.dsum == NULL || r.hsum == NULL ||
        r.reached == NULL || open == NULL || keys == NULL) {
        collab_free(open);
        collab_free(keys);
        collab_i_path_reduction_destroy(&r);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reducing the path sweep");
    }
    r.swept = n;
    for (size_t v = 0; v < n; v++) {
        r.twins[v] = 1;
        uint64_t h = 0;
        for (size_t k = c->start[v]; k < c->start[v + 1]; k++) {
            h += mix(c->adj[k]);
        }
        open[v] = h;
    }
    /* pendants: a degree-one vertex whose neighbour has degree >= 2 */
    for (size_t v = 0; v < n; v++) {
        if (c->start[v + 1] - c->start[v] != 1) {
            continue;
        }
        uint32_t u = c->adj[c->start[v]];
        if (c->start[u + 1] - c->start[u] < 2) {
            continue;
        }
        r.twins[v] = 0;
        r.pendants[u]++;
        r.swept--;
        /* u's run gives v its own pendant term (2 hops from itself): one too many */
        r.dsum[v] -= 2.0;
        r.hsum[v] -= 0.5;
        r.reached[v] -= 1.0;
    }
    for (size_t u = 0; u < n; u++) {
        double p = (double)r.pendants[u];
        if (p > 0) {
            /* u's run never reaches u: its pendants, 1 hop away, and their dependency on u
             * (every vertex of the component but the pendant and u; pairs counted from both
             * ends, like the lanes) */
            r.dsum[u] += p;
            r.hsum[u] += p;
            r.reached[u] += p;
            r.bc[u] += p * ((double)sizes[comp[u]] - 2.0);
        }
    }
    find_twins(c, &r, open, true, keys);
    find_twins(c, &r, open, false, keys);
    for (size_t v = 0; v < n; v++) {
        r.pair_dist += r.dsum[v];
        r.pairs += r.reached[v];
    }
    collab_free(open);
    collab_free(keys);
    *out = r;
    return COLLAB_OK;
}
