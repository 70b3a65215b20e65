/* Exact reductions of the hop sweep (after Baglioni et al. 2012 and the degree-one and twin
 * steps of BADIOS, Sariyuce et al. 2013): sources whose shortest-path DAG is another source's,
 * up to a relabelling, are not swept; the run of the source that stands for them counts their
 * contributions too. And every run goes over the quotient graph, where each class below is one
 * vertex with its size as multiplicity.
 *
 * - A degree-one vertex s whose neighbour r has degree >= 2 (a pendant of r): every shortest
 *   path from s is s-r followed by one from r. So for every vertex t other than s and r,
 *   d(s, t) = d(r, t) + 1 and s's dependency on t is r's (a leaf is never inside a path), and
 *   s's dependency on r is the size of the component minus 2. The pendants of one vertex make
 *   one class; their runs are r's.
 * - Twins: vertices with the same closed neighbourhood (adjacent, "true twins") or the same
 *   open neighbourhood (not adjacent, "false twins"). No shortest path has two twins of a class
 *   (one would be a shortcut), and swapping two twins maps one's DAG onto the other's:
 *   distances and dependencies on every vertex outside the class are the same, and within the
 *   class every distance is 1 (true twins) or 2 (false twins). One run stands for the class.
 * Pendants of the same vertex are false twins, folded into their neighbour instead; a vertex
 * with a pendant is in no twin class (a twin would have to neighbour the pendant too).
 *
 * On the quotient graph a shortest path through a class may use any of its members, so path
 * counts and dependencies weigh each vertex by its multiplicity (collab_i_paths_from_hops_folded),
 * and the run of a class adds, for each vertex it reaches, the terms of its `twins` members at the
 * same distance and of its vertex's `pendants` one hop further. What no run sees or what they
 * count wrongly - distances inside a class, the paths between false twins through their common
 * neighbours, a pendant's pair with itself, the pendants' own terms on their neighbour and their
 * dependency on it - does not depend on the run, and is added here once (the corrections).
 * Hop lengths only: with 1/weight lengths twins would also need equal weights, and the sweep
 * then runs every source on the graph itself.
 *
 * Side classes (the side vertices of BADIOS): a class whose members' neighbourhood is a clique
 * lies inside no shortest path (a path a-v-b has the shortcut a-b), and removing it changes no
 * distance between the other vertices. On a projection of credits, everyone credited on one
 * project only is one (with their twins). The run of a side class goes over the whole quotient
 * and counts its pairs with the vertices that are not side classes from both ends; all the other
 * runs go over the quotient without the side classes (the core), which is smaller. On the
 * quotient, a class is side when it has no pendants, and its neighbours are pairwise adjacent
 * classes that are cliques themselves (one vertex or true twins). */
#include "collab/alloc.h"

#include <stdlib.h>
#include <string.h>

#include "paths_internal.h"

void collab_i_path_reduction_destroy(collab_i_path_reduction *r)
{
    if (r == NULL) {
        return;
    }
    collab_i_csr_destroy(&r->q);
    collab_free(r->q_of);
    collab_free(r->mult);
    collab_free(r->twins);
    collab_free(r->pendants);
    collab_free(r->bc);
    collab_free(r->dsum);
    collab_free(r->hsum);
    collab_free(r->reached);
    collab_free(r->side);
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

/* Groups the still unclaimed vertices of degree >= 1 (rep[v] == v, in no class yet, no
 * pendants) by the hash of their closed or open neighbourhood (`keys` has room for n), and makes
 * each class of twins found within a group one class: its smallest vertex is its representative
 * (rep), and size[rep] its size. */
/* A degree-one vertex whose neighbour has degree >= 2. */
static bool is_pendant(const collab_i_csr *c, size_t v)
{
    if (c->start[v + 1] - c->start[v] != 1) {
        return false;
    }
    uint32_t u = c->adj[c->start[v]];
    return c->start[u + 1] - c->start[u] >= 2;
}

static void find_twins(const collab_i_csr *c, uint32_t *rep, uint32_t *size, uint8_t *len,
                       const uint32_t *pendants, const uint64_t *open, bool closed,
                       keyed_vertex *keys)
{
    size_t m = 0;
    for (size_t v = 0; v < c->n; v++) {
        if (rep[v] == v && size[v] == 1 && pendants[v] == 0 && c->start[v + 1] > c->start[v] &&
            !is_pendant(c, v)) {
            keys[m++] = (keyed_vertex){closed ? open[v] + mix(v) : open[v], (uint32_t)v};
        }
    }
    qsort(keys, m, sizeof *keys, compare_keyed);
    for (size_t g = 0; g < m;) {
        size_t end = g + 1;
        while (end < m && keys[end].key == keys[g].key) {
            end++;
        }
        /* within a group (one class unless hashes collide), each unclaimed vertex in id order
         * gathers the unclaimed members with its neighbourhood */
        for (size_t i = g; i + 1 < end; i++) {
            uint32_t x = keys[i].v;
            if (rep[x] != x || size[x] != 1) {
                continue;
            }
            for (size_t j = i + 1; j < end; j++) {
                uint32_t y = keys[j].v;
                if (rep[y] == y && size[y] == 1 && same_neighbourhood(c, x, y, closed)) {
                    rep[y] = x;
                    size[x]++;
                }
            }
            len[x] = closed ? 1 : 2;
        }
        g = end;
    }
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The quotient graph: one vertex per class (the order of their representatives), adjacent when
 * their members are; a list comes from the representative's, renamed, without the class itself
 * and without repeats. False when out of memory. */
static bool build_quotient(const collab_i_csr *c, const uint32_t *rep, collab_i_path_reduction *r)
{
    size_t n = c->n;
    size_t nq = 0;
    for (size_t v = 0; v < n; v++) {
        r->q_of[v] = rep[v] == v ? (uint32_t)nq++ : r->q_of[rep[v]];
    }
    collab_i_csr *q = &r->q;
    q->n = nq;
    q->start = collab_alloc_array(nq + 1, sizeof *q->start);
    q->adj = collab_alloc_array(c->start[n] + 1, sizeof *q->adj);
    if (q->start == NULL || q->adj == NULL) {
        return false;
    }
    size_t fill = 0;
    for (size_t v = 0; v < n; v++) {
        if (rep[v] != v) {
            continue;
        }
        uint32_t x = r->q_of[v];
        size_t at = fill;
        q->start[x] = at;
        for (size_t k = c->start[v]; k < c->start[v + 1]; k++) {
            uint32_t y = r->q_of[c->adj[k]];
            if (y != x) {
                q->adj[fill++] = y;
            }
        }
        qsort(q->adj + at, fill - at, sizeof *q->adj, compare_u32);
        size_t out = at;
        for (size_t k = at; k < fill; k++) {
            if (out == at || q->adj[out - 1] != q->adj[k]) {
                q->adj[out++] = q->adj[k];
            }
        }
        fill = out;
    }
    q->start[nq] = fill;
    return true;
}

/* Do the ascending lists of x and y share all but one entry of x's (y itself)? */
static bool covers_neighbours(const collab_i_csr *q, uint32_t x, uint32_t y)
{
    size_t i = q->start[x], ie = q->start[x + 1];
    size_t j = q->start[y], je = q->start[y + 1];
    size_t shared = 0;
    while (i < ie && j < je) {
        if (q->adj[i] < q->adj[j]) {
            i++;
        } else if (q->adj[i] > q->adj[j]) {
            j++;
        } else {
            shared++, i++, j++;
        }
    }
    return shared + 1 == ie - q->start[x];
}

/* Marks the side classes of the quotient (file comment): `clique` tells, by quotient vertex,
 * whether its members are pairwise adjacent. Time complexity: O(sum over candidates x of the
 * degrees of x's neighbours), stopping at the first neighbour that fails. */
static void find_side(collab_i_path_reduction *r, const uint8_t *clique)
{
    const collab_i_csr *q = &r->q;
    for (size_t x = 0; x < q->n; x++) {
        bool side = r->twins[x] != 0 && r->pendants[x] == 0 && q->start[x + 1] > q->start[x];
        for (size_t k = q->start[x]; side && k < q->start[x + 1]; k++) {
            uint32_t y = q->adj[k];
            side = clique[y] && covers_neighbours(q, (uint32_t)x, y);
        }
        r->side[x] = side;
        r->n_side += side;
    }
}

collab_status collab_i_paths_reduce(collab_i_path_reduction *out, const collab_i_csr *c,
                                    const uint32_t *comp, const size_t *sizes, collab_error *err)
{
    collab_i_path_reduction r = {0};
    size_t n = c->n;
    uint32_t *rep = collab_alloc_array(n + 1, sizeof *rep);
    uint32_t *size = collab_alloc_array(n + 1, sizeof *size);
    uint32_t *pendants = collab_calloc_array(n + 1, sizeof *pendants);
    uint32_t *first = collab_alloc_array(n + 1, sizeof *first);
    uint8_t *len = collab_calloc_array(n + 1, sizeof *len);
    uint64_t *open = collab_alloc_array(n + 1, sizeof *open);
    keyed_vertex *keys = collab_alloc_array(n + 1, sizeof *keys);
    uint8_t *clique = NULL;      /* by quotient vertex: its members are pairwise adjacent */
    size_t *side_in_comp = NULL; /* by component: vertices in side classes */
    r.q_of = collab_alloc_array(n + 1, sizeof *r.q_of);
    r.bc = collab_calloc_array(n + 1, sizeof *r.bc);
    r.dsum = collab_calloc_array(n + 1, sizeof *r.dsum);
    r.hsum = collab_calloc_array(n + 1, sizeof *r.hsum);
    r.reached = collab_calloc_array(n + 1, sizeof *r.reached);
    bool ok = rep != NULL && size != NULL && pendants != NULL && first != NULL && len != NULL &&
              open != NULL && keys != NULL && r.q_of != NULL && r.bc != NULL && r.dsum != NULL &&
              r.hsum != NULL && r.reached != NULL;
    if (ok) {
        for (size_t v = 0; v < n; v++) {
            rep[v] = (uint32_t)v;
            size[v] = 1;
            first[v] = UINT32_MAX;
            uint64_t h = 0;
            for (size_t k = c->start[v]; k < c->start[v + 1]; k++) {
                h += mix(c->adj[k]);
            }
            open[v] = h;
        }
        /* pendants: a degree-one vertex whose neighbour has degree >= 2; those of one neighbour
         * make one class (false twins), its smallest vertex the representative */
        for (size_t v = 0; v < n; v++) {
            if (!is_pendant(c, v)) {
                continue;
            }
            uint32_t u = c->adj[c->start[v]];
            pendants[u]++;
            if (first[u] == UINT32_MAX) {
                first[u] = (uint32_t)v;
            } else {
                rep[v] = first[u];
                size[first[u]]++;
            }
            /* u's run gives v its own pendant term (2 hops from itself): one too many */
            r.dsum[v] -= 2.0;
            r.hsum[v] -= 0.5;
            r.reached[v] -= 1.0;
        }
        for (size_t u = 0; u < n; u++) {
            double p = (double)pendants[u];
            if (p > 0) {
                /* u's run never reaches u: its pendants, 1 hop away, and their dependency on
                 * u (every vertex of the component but the pendant and u; pairs counted from
                 * both ends, like the lanes) */
                r.dsum[u] += p;
                r.hsum[u] += p;
                r.reached[u] += p;
                r.bc[u] += p * ((double)sizes[comp[u]] - 2.0);
            }
        }
        find_twins(c, rep, size, len, pendants, open, true, keys);
        find_twins(c, rep, size, len, pendants, open, false, keys);
        for (size_t v = 0; v < n; v++) {
            uint32_t x = rep[v];
            if (len[x] == 0 || size[x] < 2) {
                continue;
            }
            /* no run reaches a twin from inside its class: the other k - 1 at 1 or 2 hops */
            double k = (double)size[x];
            double c_len = (double)len[x];
            r.dsum[v] += (k - 1.0) * c_len;
            r.hsum[v] += (k - 1.0) / c_len;
            r.reached[v] += k - 1.0;
            r.diameter = c_len > r.diameter ? c_len : r.diameter;
            if (x == v && len[x] == 2) {
                /* false twins reach each other through every common neighbour, k (k - 1)
                 * ordered pairs each sharing its paths among the deg neighbours */
                double deg = (double)(c->start[v + 1] - c->start[v]);
                for (size_t e = c->start[v]; e < c->start[v + 1]; e++) {
                    r.bc[c->adj[e]] += k * (k - 1.0) / deg;
                }
            }
        }
        for (size_t v = 0; v < n; v++) {
            r.pair_dist += r.dsum[v];
            r.pairs += r.reached[v];
        }
        ok = build_quotient(c, rep, &r);
    }
    if (ok) {
        size_t nq = r.q.n;
        r.mult = collab_alloc_array(nq + 1, sizeof *r.mult);
        r.twins = collab_calloc_array(nq + 1, sizeof *r.twins);
        r.pendants = collab_calloc_array(nq + 1, sizeof *r.pendants);
        r.side = collab_calloc_array(nq + 1, sizeof *r.side);
        clique = collab_calloc_array(nq + 1, sizeof *clique);
        side_in_comp = collab_calloc_array(n + 1, sizeof *side_in_comp);
        ok = r.mult != NULL && r.twins != NULL && r.pendants != NULL && r.side != NULL &&
             clique != NULL && side_in_comp != NULL;
    }
    if (ok) {
        for (size_t v = 0; v < n; v++) {
            if (rep[v] != v) {
                continue;
            }
            uint32_t x = r.q_of[v];
            bool pendant_class = is_pendant(c, v);
            r.mult[x] = (double)size[v];
            r.twins[x] = pendant_class ? 0 : size[v];
            r.pendants[x] = pendants[v];
            r.swept += pendant_class ? 0 : 1;
            clique[x] = size[v] == 1 || len[v] == 1; /* one member, or true twins */
        }
        find_side(&r, clique);
        /* the run of a side class counts the pendants' pairs with its members from both ends,
         * their dependency on their neighbour too: that part of the pendants' correction goes */
        for (size_t v = 0; v < n && r.n_side > 0; v++) {
            side_in_comp[comp[v]] += r.side[r.q_of[v]];
        }
        for (size_t u = 0; u < n && r.n_side > 0; u++) {
            r.bc[u] -= (double)pendants[u] * (double)side_in_comp[comp[u]];
        }
    }
    collab_free(rep);
    collab_free(size);
    collab_free(pendants);
    collab_free(first);
    collab_free(len);
    collab_free(open);
    collab_free(keys);
    collab_free(clique);
    collab_free(side_in_comp);
    if (!ok) {
        collab_i_path_reduction_destroy(&r);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reducing the path sweep");
    }
    *out = r;
    return COLLAB_OK;
}
