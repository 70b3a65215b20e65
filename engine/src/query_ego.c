/* A person's neighbourhood: everyone within a few collaboration steps, with the projects each
 * shares with the person, and their degree and betweenness inside the neighbourhood's induced
 * subgraph (what `collab ego` lists and draws). */
#include "collab/alloc.h"
#include "collab/query.h"

#include <stdlib.h>

static int by_distance_then_shared(const void *a, const void *b)
{
    const collab_neighbour *x = a;
    const collab_neighbour *y = b;
    if (x->distance != y->distance) {
        return x->distance - y->distance;
    }
    if (x->shared != y->shared) {
        return x->shared > y->shared ? -1 : 1;
    }
    return (x->vertex > y->vertex) - (x->vertex < y->vertex);
}

static int by_vertex(const void *a, const void *b)
{
    uint32_t x = ((const collab_neighbour *)a)->vertex;
    uint32_t y = ((const collab_neighbour *)b)->vertex;
    return (x > y) - (x < y);
}

/* Degree and betweenness of the members inside the neighbourhood's induced subgraph. The
 * members are sorted by vertex id first: igraph's induced subgraph keeps that order. */
static collab_status neighbourhood_centrality(const collab_graph *g, collab_neighbour *m, size_t n,
                                              collab_error *err)
{
    qsort(m, n, sizeof *m, by_vertex);
    igraph_vector_int_t ids;
    igraph_error_t rc = igraph_vector_int_init(&ids, (igraph_integer_t)n);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "measuring the neighbourhood");
    }
    for (size_t i = 0; i < n; i++) {
        VECTOR(ids)[i] = m[i].vertex;
    }
    igraph_t sub;
    rc = igraph_induced_subgraph(&g->graph, &sub, igraph_vss_vector(&ids),
                                 IGRAPH_SUBGRAPH_CREATE_FROM_SCRATCH);
    igraph_vector_int_destroy(&ids);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "measuring the neighbourhood");
    }
    igraph_vector_t bc;
    igraph_vector_int_t deg;
    rc = igraph_vector_init(&bc, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_int_init(&deg, 0);
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_betweenness(&sub, &bc, igraph_vss_all(), false, NULL);
            if (rc == IGRAPH_SUCCESS) {
                rc = igraph_degree(&sub, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
            }
            for (size_t i = 0; rc == IGRAPH_SUCCESS && i < n; i++) {
                m[i].degree = (double)VECTOR(deg)[i];
                m[i].betweenness = VECTOR(bc)[i];
            }
            igraph_vector_int_destroy(&deg);
        }
        igraph_vector_destroy(&bc);
    }
    igraph_destroy(&sub);
    return collab_error_from_igraph(err, rc, "measuring the neighbourhood");
}

collab_status collab_query_neighbourhood(const collab_graph *g, const collab_edgelist *list,
                                        uint32_t ego, size_t radius, collab_neighbour **out,
                                        size_t *n_out, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    int32_t *dist = collab_alloc_array(n + 1, sizeof *dist);
    collab_neighbour *m = collab_alloc_array(n + 1, sizeof *m);
    collab_status st = dist == NULL || m == NULL
                           ? collab_error_set(err, COLLAB_E_NOMEM, "out of memory")
                           : collab_query_distances(g, ego, UINT32_MAX, dist, err);
    size_t k = 0;
    for (size_t v = 0; st == COLLAB_OK && v < n; v++) {
        if (dist[v] >= 0 && (size_t)dist[v] <= radius) {
            collab_link links[1];
            size_t shared = 0;
            if (v != ego) {
                st = collab_query_links(g, list, ego, (uint32_t)v, links, 0, &shared,
                                        err);
            }
            m[k++] = (collab_neighbour){(uint32_t)v, dist[v], shared, 0, 0};
        }
    }
    if (st == COLLAB_OK) {
        st = neighbourhood_centrality(g, m, k, err);
    }
    collab_free(dist);
    if (st != COLLAB_OK) {
        collab_free(m);
        return st;
    }
    qsort(m, k, sizeof *m, by_distance_then_shared);
    *out = m;
    *n_out = k;
    return COLLAB_OK;
}

