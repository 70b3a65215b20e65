/* Cutting a graph into the parts that are laid out on their own: its connected components of
 * two or more vertices, largest first, then its isolated vertices (or, for a warm start, the
 * whole graph as one part). Each part gets its vertices and edges renumbered from 0, so that
 * ForceAtlas2 and igraph's layouts see a small graph of their own. */
#include "layout_internal.h"

#include "collab/alloc.h"
#include "collab/graph.h"

#include <stdlib.h>
#include <string.h>

#include <igraph.h>

void collab_i_layout_parts_destroy(collab_i_layout_parts *lp)
{
    if (lp == NULL) {
        return;
    }
    collab_free(lp->vstart);
    collab_free(lp->estart);
    collab_free(lp->vertices);
    collab_free(lp->from);
    collab_free(lp->to);
    collab_free(lp->weight);
    collab_free(lp->mass);
    collab_free(lp->radius);
    collab_free(lp->x);
    collab_free(lp->y);
    collab_free(lp->scale);
    memset(lp, 0, sizeof *lp);
}

static collab_status parts_alloc(collab_i_layout_parts *lp, size_t n, size_t m, size_t n_parts,
                                 collab_error *err)
{
    lp->n_parts = n_parts;
    lp->vstart = collab_calloc_array(n_parts + 2, sizeof *lp->vstart);
    lp->estart = collab_calloc_array(n_parts + 2, sizeof *lp->estart);
    lp->vertices = collab_alloc_array(n, sizeof *lp->vertices);
    lp->from = collab_alloc_array(m, sizeof *lp->from);
    lp->to = collab_alloc_array(m, sizeof *lp->to);
    lp->weight = collab_alloc_array(m, sizeof *lp->weight);
    lp->mass = collab_alloc_array(n, sizeof *lp->mass);
    lp->radius = collab_alloc_array(n, sizeof *lp->radius);
    lp->x = collab_calloc_array(n, sizeof *lp->x);
    lp->y = collab_calloc_array(n, sizeof *lp->y);
    lp->scale = collab_alloc_array(n_parts + 1, sizeof *lp->scale);
    if (lp->vstart == NULL || lp->estart == NULL || lp->vertices == NULL || lp->from == NULL ||
        lp->to == NULL || lp->weight == NULL || lp->mass == NULL || lp->radius == NULL ||
        lp->x == NULL || lp->y == NULL || lp->scale == NULL) {
        collab_i_layout_parts_destroy(lp);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    return COLLAB_OK;
}

typedef struct comp_rank {
    igraph_integer_t size; /* vertices */
    igraph_integer_t id;   /* igraph's number, in order of the smallest vertex */
} comp_rank;

static int cmp_comp(const void *a, const void *b)
{
    const comp_rank *x = a, *y = b;
    if (x->size != y->size) {
        return x->size > y->size ? -1 : 1;
    }
    return (x->id > y->id) - (x->id < y->id);
}

/* Numbers the components of two or more vertices by size, largest first, ties by smallest
 * vertex; part_of[v] is that number, or n_parts for an isolated vertex. */
static collab_status rank_components(const igraph_vector_int_t *memb,
                                     const igraph_vector_int_t *csize, uint32_t *part_of,
                                     size_t *n_parts, collab_error *err)
{
    size_t n_comps = (size_t)igraph_vector_int_size(csize), k = 0;
    comp_rank *ranks = collab_alloc_array(n_comps, sizeof *ranks);
    uint32_t *part_of_comp = collab_alloc_array(n_comps, sizeof *part_of_comp);
    if (ranks == NULL || part_of_comp == NULL) {
        collab_free(ranks);
        collab_free(part_of_comp);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    for (size_t c = 0; c < n_comps; c++) {
        if (VECTOR(*csize)[c] >= 2) {
            ranks[k++] = (comp_rank){VECTOR(*csize)[c], (igraph_integer_t)c};
        }
    }
    qsort(ranks, k, sizeof *ranks, cmp_comp);
    for (size_t c = 0; c < n_comps; c++) {
        part_of_comp[c] = (uint32_t)k; /* isolated unless ranked below */
    }
    for (size_t r = 0; r < k; r++) {
        part_of_comp[ranks[r].id] = (uint32_t)r;
    }
    for (igraph_integer_t v = 0; v < igraph_vector_int_size(memb); v++) {
        part_of[v] = part_of_comp[VECTOR(*memb)[v]];
    }
    *n_parts = k;
    collab_free(ranks);
    collab_free(part_of_comp);
    return COLLAB_OK;
}

static collab_status find_parts(const collab_graph *g, bool whole, uint32_t *part_of,
                                size_t *n_parts, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    if (whole) {
        memset(part_of, 0, n * sizeof *part_of);
        *n_parts = n > 0 ? 1 : 0;
        return COLLAB_OK;
    }
    igraph_vector_int_t memb, csize;
    igraph_integer_t n_comps = 0;
    int rc = igraph_vector_int_init(&memb, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "computing the layout");
    }
    rc = igraph_vector_int_init(&csize, 0);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&memb);
        return collab_error_from_igraph(err, rc, "computing the layout");
    }
    rc = igraph_connected_components(&g->graph, &memb, &csize, &n_comps, IGRAPH_WEAK);
    collab_status st = rc == IGRAPH_SUCCESS
                           ? rank_components(&memb, &csize, part_of, n_parts, err)
                           : collab_error_from_igraph(err, rc, "computing the layout");
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&csize);
    return st;
}

/* Counting sort of the vertices by part (ascending within each) with their masses; leaves
 * local[v] = v's index within its part. */
static void group_vertices(collab_i_layout_parts *lp, const igraph_vector_int_t *ends,
                           const uint32_t *part_of, size_t n, uint32_t *local)
{
    size_t n_parts = lp->n_parts, m_all = (size_t)igraph_vector_int_size(ends) / 2;
    for (size_t v = 0; v < n; v++) {
        lp->vstart[part_of[v] + 1]++;
    }
    for (size_t e = 0; e < m_all; e++) {
        igraph_integer_t u = VECTOR(*ends)[2 * e], v = VECTOR(*ends)[2 * e + 1];
        if (u != v) {
            local[u]++; /* degree, for the mass */
            local[v]++;
        }
    }
    for (size_t p = 0; p <= n_parts; p++) {
        lp->vstart[p + 1] += lp->vstart[p];
    }
    for (size_t v = 0; v < n; v++) {
        size_t k = lp->vstart[part_of[v]]++;
        lp->vertices[k] = (uint32_t)v;
        lp->mass[k] = 1.0 + (double)local[v];
    }
    /* The fill advanced each start to the next part's: shift back, then number within parts. */
    memmove(lp->vstart + 1, lp->vstart, (n_parts + 1) * sizeof *lp->vstart);
    lp->vstart[0] = 0;
    for (size_t p = 0; p <= n_parts; p++) {
        for (size_t k = lp->vstart[p]; k < lp->vstart[p + 1]; k++) {
            local[lp->vertices[k]] = (uint32_t)(k - lp->vstart[p]);
        }
    }
    lp->n_isolated = lp->vstart[n_parts + 1] - lp->vstart[n_parts];
}

/* Counting sort of the non-loop edges by part, ends renumbered within the part. */
static void group_edges(collab_i_layout_parts *lp, const igraph_vector_int_t *ends,
                        const double *weight, const uint32_t *part_of, const uint32_t *local)
{
    size_t n_parts = lp->n_parts, m_all = (size_t)igraph_vector_int_size(ends) / 2;
    for (size_t e = 0; e < m_all; e++) {
        igraph_integer_t u = VECTOR(*ends)[2 * e], v = VECTOR(*ends)[2 * e + 1];
        if (u != v) {
            lp->estart[part_of[u] + 1]++;
        }
    }
    for (size_t p = 0; p <= n_parts; p++) {
        lp->estart[p + 1] += lp->estart[p];
    }
    for (size_t e = 0; e < m_all; e++) {
        igraph_integer_t u = VECTOR(*ends)[2 * e], v = VECTOR(*ends)[2 * e + 1];
        if (u != v) {
            size_t k = lp->estart[part_of[u]]++;
            lp->from[k] = local[u];
            lp->to[k] = local[v];
            lp->weight[k] = weight[e];
        }
    }
    memmove(lp->estart + 1, lp->estart, (n_parts + 1) * sizeof *lp->estart);
    lp->estart[0] = 0;
}

/* Numbers each vertex's part; then groups vertices (ascending) and non-loop edges by part, with
 * masses and radii. */
static collab_status parts_build(collab_i_layout_parts *lp, const collab_graph *g,
                                 const igraph_vector_int_t *ends, const double *weight,
                                 const double *radius, double default_radius, bool whole,
                                 collab_error *err)
{
    size_t n = collab_graph_vertex_count(g), n_parts = 0;
    uint32_t *part_of = collab_alloc_array(n, sizeof *part_of);
    if (part_of == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    collab_status st = find_parts(g, whole, part_of, &n_parts, err);
    if (st != COLLAB_OK) {
        collab_free(part_of);
        return st;
    }
    size_t m = 0, m_all = (size_t)igraph_vector_int_size(ends) / 2;
    for (size_t e = 0; e < m_all; e++) {
        m += VECTOR(*ends)[2 * e] != VECTOR(*ends)[2 * e + 1];
    }
    st = parts_alloc(lp, n, m, n_parts, err);
    uint32_t *local = st == COLLAB_OK ? collab_calloc_array(n, sizeof *local) : NULL;
    if (st == COLLAB_OK && local == NULL) {
        collab_i_layout_parts_destroy(lp);
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    if (st == COLLAB_OK) {
        group_vertices(lp, ends, part_of, n, local);
        for (size_t k = 0; k < n; k++) {
            uint32_t v = lp->vertices[k];
            lp->radius[k] = radius != NULL ? radius[v] : default_radius;
        }
        group_edges(lp, ends, weight, part_of, local);
    }
    collab_free(part_of);
    collab_free(local);
    return st;
}

collab_status collab_i_layout_parts_build(collab_i_layout_parts *lp, const collab_graph *g,
                                          const igraph_vector_int_t *ends, const double *weight,
                                          const double *radius, double default_radius, bool whole,
                                          collab_error *err)
{
    memset(lp, 0, sizeof *lp);
    return parts_build(lp, g, ends, weight, radius, default_radius, whole, err);
}
