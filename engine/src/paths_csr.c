/* The compact graph the path sweep and Burt's constraint read (collab_i_csr): an undirected
 * simple graph in compressed sparse rows, built from a collab_graph with multi-edges merged and
 * adjacency lists ascending; and for the sweep, its connected components (each listed in BFS
 * order) and the copy renumbered in that order, so that a BFS touches nearby memory. */
#include "paths_internal.h"

#include "collab/alloc.h"

#include <stdlib.h>
#include <string.h>

void collab_i_csr_destroy(collab_i_csr *csr)
{
    if (csr == NULL) {
        return;
    }
    collab_free(csr->start);
    collab_free(csr->adj);
    collab_free(csr->weight);
    memset(csr, 0, sizeof *csr);
}

typedef struct keyed_edge {
    uint64_t key;  /* min << 32 | max */
    double weight; /* edge weight */
} keyed_edge;

static int compare_keyed(const void *a, const void *b)
{
    uint64_t x = ((const keyed_edge *)a)->key;
    uint64_t y = ((const keyed_edge *)b)->key;
    return (x > y) - (x < y);
}

/* The graph's edges as unordered pairs; for directed graphs u->v and v->u become one pair with
 * the weights summed (a tie's strength), found by sorting. */
static keyed_edge *undirected_edges(const collab_graph *g, size_t *n_out)
{
    const igraph_t *graph = &g->graph;
    size_t m = (size_t)igraph_ecount(graph);
    keyed_edge *e = collab_alloc_array(m + 1, sizeof *e);
    if (e == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (size_t k = 0; k < m; k++) {
        uint32_t u = (uint32_t)IGRAPH_FROM(graph, (igraph_integer_t)k);
        uint32_t v = (uint32_t)IGRAPH_TO(graph, (igraph_integer_t)k);
        if (u == v) {
            continue;
        }
        uint32_t lo = u < v ? u : v;
        uint32_t hi = u < v ? v : u;
        e[n++] = (keyed_edge){((uint64_t)lo << 32) | hi, VECTOR(g->weights)[k]};
    }
    /* Sorted pairs give sorted adjacency lists (the constraint's reverse-entry walk relies on
     * it). Projections come sorted already; edge lists in file order get sorted here. */
    bool sorted = true;
    for (size_t k = 1; k < n && sorted; k++) {
        sorted = e[k - 1].key < e[k].key;
    }
    if (!sorted) {
        qsort(e, n, sizeof *e, compare_keyed);
    }
    if (igraph_is_directed(graph)) {
        size_t out = 0;
        for (size_t k = 0; k < n; k++) {
            if (out > 0 && e[out - 1].key == e[k].key) {
                e[out - 1].weight += e[k].weight;
            } else {
                e[out++] = e[k];
            }
        }
        n = out;
    }
    *n_out = n;
    return e;
}

collab_status collab_i_csr_build(collab_i_csr *out, const collab_graph *g, collab_error *err)
{
    collab_i_csr c = {0};
    c.n = (size_t)igraph_vcount(&g->graph);
    size_t m = 0;
    keyed_edge *e = undirected_edges(g, &m);
    c.start = collab_calloc_array(c.n + 2, sizeof *c.start);
    c.adj = collab_alloc_array(2 * m + 1, sizeof *c.adj);
    c.weight = collab_alloc_array(2 * m + 1, sizeof *c.weight);
    if (e == NULL || c.start == NULL || c.adj == NULL || c.weight == NULL) {
        collab_free(e);
        collab_i_csr_destroy(&c);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory building adjacency lists");
    }
    for (size_t k = 0; k < m; k++) {
        c.start[(e[k].key >> 32) + 2]++;
        c.start[(uint32_t)e[k].key + 2]++;
    }
    for (size_t v = 0; v < c.n; v++) {
        c.start[v + 2] += c.start[v + 1];
    }
    /* start[v + 1] is now the fill position of v; after filling it is v's end = start of v+1. */
    for (size_t k = 0; k < m; k++) {
        uint32_t lo = (uint32_t)(e[k].key >> 32);
        uint32_t hi = (uint32_t)e[k].key;
        size_t a = c.start[lo + 1]++;
        c.adj[a] = hi;
        c.weight[a] = e[k].weight;
        size_t b = c.start[hi + 1]++;
        c.adj[b] = lo;
        c.weight[b] = e[k].weight;
    }
    collab_free(e);
    *out = c;
    return COLLAB_OK;
}

/* Labels components by BFS (ids in order of their smallest vertex) and lists every vertex in
 * `order`: component after component, each in BFS order. */
size_t collab_i_csr_components(const collab_i_csr *c, uint32_t *comp, size_t *sizes,
                               size_t *begins, uint32_t *order)
{
    size_t n_comp = 0;
    size_t tail = 0;
    for (size_t v = 0; v < c->n; v++) {
        comp[v] = UINT32_MAX;
    }
    for (size_t root = 0; root < c->n; root++) {
        if (comp[root] != UINT32_MAX) {
            continue;
        }
        size_t begin = tail;
        size_t head = tail;
        order[tail++] = (uint32_t)root;
        comp[root] = (uint32_t)n_comp;
        while (head < tail) {
            uint32_t u = order[head++];
            for (size_t k = c->start[u]; k < c->start[u + 1]; k++) {
                if (comp[c->adj[k]] == UINT32_MAX) {
                    comp[c->adj[k]] = (uint32_t)n_comp;
                    order[tail++] = c->adj[k];
                }
            }
        }
        begins[n_comp] = begin;
        sizes[n_comp++] = tail - begin;
    }
    return n_comp;
}

/* The CSR with vertex order[i] renamed i. Neighbours that BFS puts together get nearby numbers,
 * so a sweep touches far fewer cache lines. Each list keeps its original order, which keeps
 * every BFS, and so every floating-point sum, exactly as on the original numbering. */
bool collab_i_csr_relabel(const collab_i_csr *c, const uint32_t *order, uint32_t *new_id,
                          bool weights, collab_i_csr *out)
{
    memset(out, 0, sizeof *out);
    out->n = c->n;
    out->start = collab_alloc_array(c->n + 1, sizeof *out->start);
    out->adj = collab_alloc_array(c->start[c->n] + 1, sizeof *out->adj);
    out->weight = weights ? collab_alloc_array(c->start[c->n] + 1, sizeof *out->weight) : NULL;
    if (out->start == NULL || out->adj == NULL || (weights && out->weight == NULL)) {
        collab_i_csr_destroy(out);
        return false;
    }
    for (size_t i = 0; i < c->n; i++) {
        new_id[order[i]] = (uint32_t)i;
    }
    size_t fill = 0;
    for (size_t i = 0; i < c->n; i++) {
        uint32_t v = order[i];
        out->start[i] = fill;
        for (size_t k = c->start[v]; k < c->start[v + 1]; k++) {
            out->adj[fill] = new_id[c->adj[k]];
            if (weights) {
                out->weight[fill] = c->weight[k];
            }
            fill++;
        }
    }
    out->start[c->n] = fill;
    return true;
}
