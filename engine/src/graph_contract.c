/* Contraction: a graph of groups of vertices (communities, say), one vertex per group and one
 * edge per pair of groups that any edge joins, weighted by the sum of those edges' weights. The
 * community-level map draws it. */
#include "collab/alloc.h"
#include "collab/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct keyed_weight {
    uint64_t key;  /* (lower group << 32) | higher group */
    double weight; /* weight of one edge between them */
} keyed_weight;

static int compare_keyed(const void *a, const void *b)
{
    uint64_t x = ((const keyed_weight *)a)->key;
    uint64_t y = ((const keyed_weight *)b)->key;
    return (x > y) - (x < y);
}

/* The edges between groups, summed, in key order, appended to `edges` and `weights`. */
static collab_status group_edges(const collab_graph *g, const uint32_t *group,
                                 igraph_vector_int_t *edges, igraph_vector_t *weights,
                                 collab_error *err)
{
    size_t m = collab_graph_edge_count(g);
    keyed_weight *k = collab_alloc_array(m + 1, sizeof *k);
    if (k == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory contracting the graph");
    }
    size_t n = 0;
    for (size_t e = 0; e < m; e++) {
        uint32_t a = group[IGRAPH_FROM(&g->graph, (igraph_integer_t)e)];
        uint32_t b = group[IGRAPH_TO(&g->graph, (igraph_integer_t)e)];
        if (a != b && a != UINT32_MAX && b != UINT32_MAX) {
            uint32_t lo = a < b ? a : b;
            uint32_t hi = a < b ? b : a;
            k[n++] = (keyed_weight){((uint64_t)lo << 32) | hi, VECTOR(g->weights)[e]};
        }
    }
    qsort(k, n, sizeof *k, compare_keyed);
    igraph_error_t rc = IGRAPH_SUCCESS;
    for (size_t i = 0; i < n && rc == IGRAPH_SUCCESS;) {
        size_t j = i;
        double w = 0;
        while (j < n && k[j].key == k[i].key) {
            w += k[j++].weight;
        }
        rc = igraph_vector_int_push_back(edges, (igraph_integer_t)(k[i].key >> 32));
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_int_push_back(edges, (igraph_integer_t)(uint32_t)k[i].key);
        }
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_push_back(weights, w);
        }
        i = j;
    }
    collab_free(k);
    return collab_error_from_igraph(err, rc, "contracting the graph");
}

/* Interns the group names; one that repeats an earlier group's gets its number in front. */
static collab_status name_groups(collab_names *names, const char *const *group_names,
                                 size_t n_groups, collab_error *err)
{
    collab_status st = COLLAB_OK;
    for (size_t c = 0; st == COLLAB_OK && c < n_groups; c++) {
        uint32_t id;
        const char *name = group_names[c];
        st = collab_names_intern(names, name, strlen(name), &id, err);
        if (st == COLLAB_OK && id != c) {
            size_t len = strlen(name) + 32;
            char *numbered = collab_malloc(len);
            if (numbered == NULL) {
                return collab_error_set(err, COLLAB_E_NOMEM, "out of memory contracting the graph");
            }
            snprintf(numbered, len, "%zu. %s", c + 1, name);
            st = collab_names_intern(names, numbered, strlen(numbered), &id, err);
            collab_free(numbered);
            if (st == COLLAB_OK && id != c) {
                st = collab_error_set(err, COLLAB_E_USAGE, "two groups are named '%.100s'", name);
            }
        }
    }
    return st;
}

collab_status collab_graph_contract(collab_graph *out, const collab_graph *g, const uint32_t *group,
                                    size_t n_groups, const char *const *group_names,
                                    collab_error *err)
{
    collab_graph cg;
    memset(&cg, 0, sizeof cg);
    cg.shape = g->shape;
    cg.view = g->view;
    cg.weighting = g->weighting;
    igraph_vector_int_t edges;
    igraph_error_t rc = igraph_vector_int_init(&edges, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "contracting the graph");
    }
    rc = igraph_vector_init(&cg.weights, 0);
    collab_status st = collab_error_from_igraph(err, rc, "contracting the graph");
    if (st == COLLAB_OK) {
        st = group_edges(g, group, &edges, &cg.weights, err);
    }
    if (st == COLLAB_OK) {
        st = name_groups(&cg.names, group_names, n_groups, err);
    }
    if (st == COLLAB_OK) {
        rc = igraph_create(&cg.graph, &edges, (igraph_integer_t)n_groups, false);
        st = collab_error_from_igraph(err, rc, "contracting the graph");
    }
    igraph_vector_int_destroy(&edges);
    if (st != COLLAB_OK) {
        collab_graph_destroy(&cg);
        return st;
    }
    *out = cg;
    return COLLAB_OK;
}
