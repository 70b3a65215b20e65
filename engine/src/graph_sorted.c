/* An igraph graph from a sorted simple edge list, without igraph_create's sort.
 *
 * igraph_create copies the edges and orders them twice with a radix sort to build its indices
 * (oi: edges by (from, to); ii: by (to, from)). On a projection of millions of edges that is the
 * single largest cost of reading a credits file, and its temporaries double the edges' memory at
 * the peak. Projections come out with lo < hi, sorted by (lo, hi), no repeats: igraph stores an
 * undirected edge as from = hi, to = lo, so ii is the identity and oi is one stable counting sort
 * by hi. This file fills igraph's indexed edge list (igraph 0.10's igraph_t: from, to, oi, ii, os,
 * is, as igraph_add_edges builds them) directly, starting from igraph_empty so that everything
 * else (the property cache) is igraph's own; tests compare the result with igraph_create's. */
#include "collab/alloc.h"
#include "graph_internal.h"

#include <string.h>

#if IGRAPH_VERSION_MAJOR != 0 || IGRAPH_VERSION_MINOR != 10
#error "graph_sorted.c fills igraph 0.10's igraph_t; check the layout before using another version"
#endif

/* igraph's indices over the edges already in g->from (hi) and g->to (lo). */
static igraph_error_t fill_indices(igraph_t *g, size_t n, size_t m)
{
    const igraph_integer_t *from = VECTOR(g->from);
    const igraph_integer_t *to = VECTOR(g->to);
    IGRAPH_CHECK(igraph_vector_int_resize(&g->oi, (igraph_integer_t)m));
    IGRAPH_CHECK(igraph_vector_int_resize(&g->ii, (igraph_integer_t)m));
    igraph_integer_t *os = VECTOR(g->os);
    igraph_integer_t *is = VECTOR(g->is);
    memset(os, 0, (n + 1) * sizeof *os);
    memset(is, 0, (n + 1) * sizeof *is);
    for (size_t e = 0; e < m; e++) {
        VECTOR(g->ii)[e] = (igraph_integer_t)e; /* sorted by (to, from) = (lo, hi) already */
        os[from[e] + 1]++;
        is[to[e] + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        os[v + 1] += os[v];
        is[v + 1] += is[v];
    }
    /* oi: by (from, to) = (hi, lo); a stable counting sort by hi keeps lo ascending. os[v] is
     * used as the fill cursor of v and restored afterwards. */
    for (size_t e = 0; e < m; e++) {
        VECTOR(g->oi)[os[from[e]]++] = (igraph_integer_t)e;
    }
    for (size_t v = n; v > 0; v--) {
        os[v] = os[v - 1];
    }
    os[0] = 0;
    return IGRAPH_SUCCESS;
}

collab_status collab_i_sorted_graph_begin(igraph_t *out, size_t n, size_t m, collab_error *err)
{
    igraph_t g;
    igraph_error_t rc = igraph_empty(&g, (igraph_integer_t)n, false);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "creating the graph");
    }
    rc = igraph_vector_int_resize(&g.from, (igraph_integer_t)m);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_int_resize(&g.to, (igraph_integer_t)m);
    }
    if (rc != IGRAPH_SUCCESS) {
        igraph_destroy(&g);
        return collab_error_from_igraph(err, rc, "creating the graph");
    }
    *out = g;
    return COLLAB_OK;
}

collab_status collab_i_sorted_graph_finish(igraph_t *g, collab_error *err)
{
    size_t n = (size_t)igraph_vcount(g);
    size_t m = (size_t)igraph_vector_int_size(&g->from);
    igraph_error_t rc = fill_indices(g, n, m);
    if (rc != IGRAPH_SUCCESS) {
        igraph_destroy(g);
        return collab_error_from_igraph(err, rc, "creating the graph");
    }
    igraph_invalidate_cache(g);
    return COLLAB_OK;
}

collab_status collab_i_graph_from_sorted(igraph_t *out, size_t n, const uint32_t *lo,
                                         const uint32_t *hi, size_t m, collab_error *err)
{
    igraph_t g;
    collab_status st = collab_i_sorted_graph_begin(&g, n, m, err);
    if (st != COLLAB_OK) {
        return st;
    }
    for (size_t e = 0; e < m; e++) {
        VECTOR(g.from)[e] = hi[e];
        VECTOR(g.to)[e] = lo[e];
    }
    st = collab_i_sorted_graph_finish(&g, err);
    if (st == COLLAB_OK) {
        *out = g;
    }
    return st;
}
