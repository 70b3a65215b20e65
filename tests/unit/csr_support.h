/* Small CSR graphs for the path sweep's unit tests (test_kadabra.c, test_msbfs.c): built from an
 * undirected edge list, unit weights, each neighbour list ascending as paths_csr.c makes them. */
#ifndef COLLAB_TEST_CSR_SUPPORT_H
#define COLLAB_TEST_CSR_SUPPORT_H

#include "paths_internal.h"
#include "test_support.h"

static int csr_support_ascending(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* `m` edges {a, b} (a != b, no repeats, in any order) over vertices 0 .. n-1. */
static void make_csr(collab_i_csr *c, size_t n, const uint32_t (*edges)[2], size_t m)
{
    c->n = n;
    c->start = calloc(n + 1, sizeof *c->start);
    c->adj = calloc(2 * m + 1, sizeof *c->adj);
    c->weight = calloc(2 * m + 1, sizeof *c->weight);
    size_t *at = calloc(n + 1, sizeof *at);
    assert_true(c->start != NULL && c->adj != NULL && c->weight != NULL && at != NULL);
    for (size_t e = 0; e < m; e++) {
        c->start[edges[e][0] + 1]++;
        c->start[edges[e][1] + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        c->start[v + 1] += c->start[v];
    }
    memcpy(at, c->start, n * sizeof *at);
    for (size_t e = 0; e < m; e++) {
        c->adj[at[edges[e][0]]++] = edges[e][1];
        c->adj[at[edges[e][1]]++] = edges[e][0];
    }
    for (size_t v = 0; v < n; v++) {
        qsort(c->adj + c->start[v], c->start[v + 1] - c->start[v], sizeof *c->adj,
              csr_support_ascending);
    }
    for (size_t k = 0; k < 2 * m; k++) {
        c->weight[k] = 1.0;
    }
    free(at);
}

static void free_csr(collab_i_csr *c)
{
    free(c->start);
    free(c->adj);
    free(c->weight);
}

#endif
