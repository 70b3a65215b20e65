/* Scope: what of the built network is analysed and drawn. People with too few credits, vertices
 * with too few neighbours, small components or all but the largest are dropped after the
 * projection, and the graph becomes the subgraph of the rest, vertices in their order. */
#include "collab/alloc.h"

#include <stdio.h>
#include <string.h>

#include "graph_internal.h"

static bool any_scope(const collab_graph_options *opt)
{
    return opt->min_credits > 0 || opt->min_degree > 0 || opt->min_component_size > 0 ||
           opt->largest_component;
}

/* Drops people (credits) with fewer than min_credits kept rows. */
static void by_credits(const collab_graph *g, const collab_edgelist *list, size_t min_credits,
                       uint32_t *rows_of_person, uint8_t *keep)
{
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept == NULL || g->row_kept[r]) {
            rows_of_person[list->a[r]]++;
        }
    }
    for (size_t v = 0; v < collab_graph_vertex_count(g); v++) {
        bool person = g->is_project == NULL || !g->is_project[v];
        if (person && rows_of_person[g->origin[v]] < min_credits) {
            keep[v] = 0;
        }
    }
}

/* Drops vertices with fewer than min_degree distinct neighbours (loops and multi-edges do not
 * occur in a built graph). */
static collab_status by_degree(const collab_graph *g, size_t min_degree, uint8_t *keep,
                               collab_error *err)
{
    igraph_vector_int_t degree;
    igraph_error_t rc = igraph_vector_int_init(&degree, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_degree(&g->graph, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
        for (size_t v = 0; rc == IGRAPH_SUCCESS && v < collab_graph_vertex_count(g); v++) {
            if ((size_t)VECTOR(degree)[v] < min_degree) {
                keep[v] = 0;
            }
        }
        igraph_vector_int_destroy(&degree);
    }
    return collab_error_from_igraph(err, rc, "keeping vertices by degree");
}

/* Components of what is kept so far: drops those below min_size, or all but the largest. */
static collab_status by_component(const collab_graph *g, const collab_graph_options *opt,
                                  uint8_t *keep, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    uint32_t *kept = collab_alloc_array(n + 1, sizeof *kept);
    if (kept == NULL) {
        return collab_error_nomem(err, "finding components");
    }
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        if (keep[v]) {
            kept[k++] = (uint32_t)v;
        }
    }
    igraph_vector_int_t membership, sizes;
    if (igraph_vector_int_init(&membership, 0) != IGRAPH_SUCCESS) {
        collab_free(kept);
        return collab_error_nomem(err, "finding components");
    }
    if (igraph_vector_int_init(&sizes, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&membership);
        collab_free(kept);
        return collab_error_nomem(err, "finding components");
    }
    collab_graph sub;
    collab_status st = collab_graph_induced(&sub, g, kept, k, 0, err);
    igraph_integer_t n_comp = 0;
    if (st == COLLAB_OK) {
        igraph_error_t rc =
            igraph_connected_components(&sub.graph, &membership, &sizes, &n_comp, IGRAPH_WEAK);
        st = collab_error_from_igraph(err, rc, "finding components");
        collab_graph_destroy(&sub);
    }
    if (st == COLLAB_OK) {
        igraph_integer_t largest = 0; /* components are numbered by first vertex: ties go first */
        for (igraph_integer_t c = 1; c < n_comp; c++) {
            largest = VECTOR(sizes)[c] > VECTOR(sizes)[largest] ? c : largest;
        }
        for (size_t i = 0; i < k; i++) {
            igraph_integer_t c = VECTOR(membership)[i];
            if ((size_t)VECTOR(sizes)[c] < opt->min_component_size ||
                (opt->largest_component && c != largest)) {
                keep[kept[i]] = 0;
            }
        }
    }
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&sizes);
    collab_free(kept);
    return st;
}

collab_status collab_i_graph_scope(collab_graph *g, const collab_edgelist *list,
                                   const collab_graph_options *opt, collab_error *err)
{
    if (!any_scope(opt)) {
        return COLLAB_OK;
    }
    if (opt->min_credits > 0 && g->shape != COLLAB_SHAPE_CREDITS) {
        return collab_error_set(err, COLLAB_E_USAGE, "--min-credits needs a credits file");
    }
    size_t n = collab_graph_vertex_count(g);
    uint8_t *keep = collab_alloc_array(n + 1, 1);
    uint32_t *rows_of_person = collab_calloc_array(list->names_a.count + 1, sizeof(uint32_t));
    uint32_t *kept = collab_alloc_array(n + 1, sizeof *kept);
    collab_status st = COLLAB_OK;
    if (keep == NULL || rows_of_person == NULL || kept == NULL) {
        st = collab_error_nomem(err, "choosing the scope");
    } else {
        memset(keep, 1, n);
    }
    if (st == COLLAB_OK && opt->min_credits > 0) {
        by_credits(g, list, opt->min_credits, rows_of_person, keep);
    }
    if (st == COLLAB_OK && opt->min_degree > 0) {
        st = by_degree(g, opt->min_degree, keep, err);
    }
    if (st == COLLAB_OK && (opt->min_component_size > 0 || opt->largest_component)) {
        st = by_component(g, opt, keep, err);
    }
    size_t k = 0;
    for (size_t v = 0; st == COLLAB_OK && v < n; v++) {
        if (keep[v]) {
            kept[k++] = (uint32_t)v;
        }
    }
    collab_graph sub;
    if (st == COLLAB_OK) {
        st = collab_graph_induced(&sub, g, kept, k, list->n_rows, err);
    }
    if (st == COLLAB_OK) {
        sub.stats = g->stats;
        sub.stats.scoped = true;
        sub.stats.scope_nodes_before = n;
        sub.stats.scope_edges_before = collab_graph_edge_count(g);
        collab_graph_destroy(g);
        *g = sub;
    }
    collab_free(keep);
    collab_free(rows_of_person);
    collab_free(kept);
    return st;
}

void collab_graph_describe_scope(const collab_graph *g, const collab_graph_options *opt, char *buf,
                                 size_t size)
{
    buf[0] = '\0';
    if (!g->stats.scoped || size == 0) {
        return;
    }
    char what[160] = "";
    size_t used = 0;
    if (opt->min_credits > 0) {
        used += (size_t)snprintf(what + used, sizeof what - used, "%sat least %zu credits",
                                 used ? ", " : "", opt->min_credits);
    }
    if (opt->min_degree > 0 && used < sizeof what) {
        used += (size_t)snprintf(what + used, sizeof what - used, "%sdegree at least %zu",
                                 used ? ", " : "", opt->min_degree);
    }
    if (opt->min_component_size > 0 && used < sizeof what) {
        used +=
            (size_t)snprintf(what + used, sizeof what - used, "%scomponents of at least %zu nodes",
                             used ? ", " : "", opt->min_component_size);
    }
    if (opt->largest_component && used < sizeof what) {
        snprintf(what + used, sizeof what - used, "%sthe largest component", used ? ", " : "");
    }
    size_t nodes = collab_graph_vertex_count(g);
    size_t edges = collab_graph_edge_count(g);
    size_t n0 = g->stats.scope_nodes_before;
    size_t m0 = g->stats.scope_edges_before;
    snprintf(buf, size, "scope: %s; kept %zu of %zu nodes (%.1f%%) and %zu of %zu edges (%.1f%%)",
             what, nodes, n0, n0 > 0 ? 100.0 * (double)nodes / (double)n0 : 100.0, edges, m0,
             m0 > 0 ? 100.0 * (double)edges / (double)m0 : 100.0);
}
