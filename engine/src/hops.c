/* Hop distances and stress (see hops_internal.h). */
#include "collab/alloc.h"

#include <math.h>
#include <string.h>

#include "hops_internal.h"

bool collab_i_hops_graph_build(collab_i_hops_graph *g, size_t n, size_t m, const uint32_t *from,
                               const uint32_t *to)
{
    memset(g, 0, sizeof *g);
    g->off = collab_calloc_array(n + 2, sizeof *g->off);
    g->adj = collab_alloc_array(2 * m + 1, sizeof *g->adj);
    if (g->off == NULL || g->adj == NULL) {
        collab_i_hops_graph_free(g);
        return false;
    }
    g->n = n;
    /* counts at v + 2, prefix sums at v + 1, then filling advances off[v + 1] to v's end, which
     * leaves off[v] at v's start */
    for (size_t e = 0; e < m; e++) {
        if (from[e] < n && to[e] < n && from[e] != to[e]) {
            g->off[from[e] + 2]++;
            g->off[to[e] + 2]++;
        }
    }
    for (size_t v = 0; v < n; v++) {
        g->off[v + 2] += g->off[v + 1];
    }
    for (size_t e = 0; e < m; e++) {
        if (from[e] < n && to[e] < n && from[e] != to[e]) {
            g->adj[g->off[from[e] + 1]++] = to[e];
            g->adj[g->off[to[e] + 1]++] = from[e];
        }
    }
    return true;
}

void collab_i_hops_graph_free(collab_i_hops_graph *g)
{
    collab_free(g->off);
    collab_free(g->adj);
    memset(g, 0, sizeof *g);
}

size_t collab_i_hops_from(const collab_i_hops_graph *g, uint32_t source, uint32_t *dist,
                          uint32_t *queue)
{
    for (size_t v = 0; v < g->n; v++) {
        dist[v] = UINT32_MAX;
    }
    size_t head = 0;
    size_t tail = 0;
    dist[source] = 0;
    queue[tail++] = source;
    while (head < tail) {
        uint32_t u = queue[head++];
        for (size_t k = g->off[u]; k < g->off[u + 1]; k++) {
            uint32_t w = g->adj[k];
            if (dist[w] == UINT32_MAX) {
                dist[w] = dist[u] + 1;
                queue[tail++] = w;
            }
        }
    }
    return tail;
}

double collab_i_stress_value(const collab_i_stress *s)
{
    if (s->pairs == 0 || s->sum_sq <= 0.0) {
        return NAN;
    }
    return 1.0 - s->sum * s->sum / ((double)s->pairs * s->sum_sq);
}
