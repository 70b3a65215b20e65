/* Small graphs made from parts of a graph or from explicit vertices and edges: the
 * neighbourhood drawn by `collab ego` and the chain drawn by `collab path`. */
#include "collab/alloc.h"
#include "collab/graph.h"

#include <string.h>

/* igraph_create from endpoint arrays, with the weights copied alongside. */
static collab_status create(collab_graph *g, size_t n, const uint32_t *from, const uint32_t *to,
                            const double *weight, size_t m, bool directed, collab_error *err)
{
    igraph_vector_int_t edges;
    igraph_error_t rc = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m));
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "building a subgraph");
    }
    for (size_t e = 0; e < m; e++) {
        VECTOR(edges)[2 * e] = from[e];
        VECTOR(edges)[2 * e + 1] = to[e];
    }
    rc = igraph_vector_init(&g->weights, (igraph_integer_t)m);
    if (rc == IGRAPH_SUCCESS) {
        for (size_t e = 0; e < m; e++) {
            VECTOR(g->weights)[e] = weight != NULL ? weight[e] : 1.0;
        }
        rc = igraph_create(&g->graph, &edges, (igraph_integer_t)n, directed);
    }
    igraph_vector_int_destroy(&edges);
    return collab_error_from_igraph(err, rc, "building a subgraph");
}

collab_status collab_graph_from_edges(collab_graph *out, const char *const *names,
                                      const uint8_t *is_project, size_t n, const uint32_t *from,
                                      const uint32_t *to, const double *weight, size_t m,
                                      collab_error *err)
{
    collab_graph g;
    memset(&g, 0, sizeof g);
    g.shape = COLLAB_SHAPE_EDGES;
    g.view = COLLAB_VIEW_DEFAULT;
    collab_status st = COLLAB_OK;
    g.is_project = collab_calloc_array(n + 1, 1);
    if (g.is_project == NULL) {
        st = collab_error_nomem(err, "building a subgraph");
    }
    for (size_t v = 0; st == COLLAB_OK && v < n; v++) {
        uint32_t id;
        st = collab_names_intern(&g.names, names[v], strlen(names[v]), &id, err);
        if (st == COLLAB_OK && id != v) {
            st = collab_error_set(err, COLLAB_E_USAGE, "two vertices are named '%.100s'", names[v]);
        }
        g.is_project[v] = is_project != NULL ? is_project[v] : 0;
    }
    for (size_t e = 0; st == COLLAB_OK && e < m; e++) {
        if (from[e] >= n || to[e] >= n) {
            st = collab_error_set(err, COLLAB_E_USAGE, "edge %zu leaves the %zu vertices", e, n);
        }
    }
    if (st == COLLAB_OK) {
        st = create(&g, n, from, to, weight, m, false, err);
    }
    if (st != COLLAB_OK) {
        collab_graph_destroy(&g);
        return st;
    }
    *out = g;
    return COLLAB_OK;
}

collab_status collab_graph_induced(collab_graph *out, const collab_graph *g,
                                   const uint32_t *vertices, size_t n, size_t n_rows,
                                   collab_error *err)
{
    size_t total = collab_graph_vertex_count(g);
    size_t m_all = collab_graph_edge_count(g);
    uint32_t *local = collab_alloc_array(total + 1, sizeof *local);
    uint32_t *from = collab_alloc_array(m_all + 1, sizeof *from);
    uint32_t *to = collab_alloc_array(m_all + 1, sizeof *to);
    double *weight = collab_alloc_array(m_all + 1, sizeof *weight);
    collab_graph sub;
    memset(&sub, 0, sizeof sub);
    sub.shape = g->shape;
    sub.view = g->view;
    sub.weighting = g->weighting;
    sub.is_project = collab_calloc_array(n + 1, 1);
    sub.origin = collab_alloc_array(n + 1, sizeof *sub.origin);
    if (g->row_kept != NULL) {
        sub.row_kept = collab_alloc_array(n_rows + 1, 1);
    }
    collab_status st = COLLAB_OK;
    if (local == NULL || from == NULL || to == NULL || weight == NULL || sub.is_project == NULL ||
        sub.origin == NULL || (g->row_kept != NULL && sub.row_kept == NULL)) {
        st = collab_error_nomem(err, "building a subgraph");
    }
    if (st == COLLAB_OK) {
        memset(local, 0xff, total * sizeof *local);
        if (sub.row_kept != NULL) {
            memcpy(sub.row_kept, g->row_kept, n_rows);
        }
    }
    for (size_t i = 0; st == COLLAB_OK && i < n; i++) {
        uint32_t v = vertices[i];
        const char *name = collab_graph_name(g, v);
        uint32_t id;
        st = v < total && local[v] == UINT32_MAX
                 ? collab_names_intern(&sub.names, name, strlen(name), &id, err)
                 : collab_error_set(err, COLLAB_E_USAGE, "vertex '%u' repeated or unknown", v);
        local[v] = (uint32_t)i;
        sub.is_project[i] = g->is_project != NULL ? g->is_project[v] : 0;
        sub.origin[i] = g->origin != NULL ? g->origin[v] : v;
    }
    size_t m = 0;
    for (size_t e = 0; st == COLLAB_OK && e < m_all; e++) {
        uint32_t a = local[IGRAPH_FROM(&g->graph, (igraph_integer_t)e)];
        uint32_t b = local[IGRAPH_TO(&g->graph, (igraph_integer_t)e)];
        if (a != UINT32_MAX && b != UINT32_MAX) {
            from[m] = a;
            to[m] = b;
            weight[m++] = VECTOR(g->weights)[e];
        }
    }
    if (st == COLLAB_OK) {
        st = create(&sub, n, from, to, weight, m, igraph_is_directed(&g->graph), err);
    }
    collab_free(local);
    collab_free(from);
    collab_free(to);
    collab_free(weight);
    if (st != COLLAB_OK) {
        collab_graph_destroy(&sub);
        return st;
    }
    *out = sub;
    return COLLAB_OK;
}

double collab_graph_edge_weight(const collab_graph *g, uint32_t u, uint32_t v)
{
    igraph_integer_t eid = -1;
    if (igraph_get_eid(&g->graph, &eid, u, v, IGRAPH_UNDIRECTED, false) != IGRAPH_SUCCESS ||
        eid < 0) {
        return 0.0;
    }
    return VECTOR(g->weights)[eid];
}
