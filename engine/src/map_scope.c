/* What a node-level map leaves out: a co-authorship file of 12,000 people has hundreds of pairs
 * and triples besides its main component, which a packed layout sets out as a grid of dots whose
 * labels cannot be matched to them, and isolated people make a dotted row along the page. By
 * default the map draws the largest component and every component of at least
 * max(3, min(10, a tenth of the largest)) nodes; the rest are counted in the subtitle, and
 * collab_map_options.all_components draws them all. The metrics, communities and rows stay the
 * whole graph's: the drawn graph is an induced subgraph whose per-vertex arrays are copied. */
#include "collab/alloc.h"

#include <math.h>
#include <string.h>

#include "map_internal.h"

size_t collab_i_map_scope_least(size_t largest)
{
    size_t tenth = (largest + 9) / 10;
    size_t t = tenth < 10 ? tenth : 10;
    return t < 3 ? 3 : t;
}

/* The kept vertices of `g` in their order, and what is left out. */
static collab_status choose_vertices(const collab_graph *g, collab_i_map_scope *s,
                                     collab_error *err)
{
    igraph_vector_int_t membership, sizes;
    igraph_integer_t n_components = 0;
    igraph_error_t rc = igraph_vector_int_init(&membership, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "finding the components to draw");
    }
    rc = igraph_vector_int_init(&sizes, 0);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&membership);
        return collab_error_from_igraph(err, rc, "finding the components to draw");
    }
    rc = igraph_connected_components(&g->graph, &membership, &sizes, &n_components, IGRAPH_WEAK);
    collab_status st = collab_error_from_igraph(err, rc, "finding the components to draw");
    size_t n = collab_graph_vertex_count(g);
    if (st == COLLAB_OK) {
        size_t largest = n_components > 0 ? (size_t)igraph_vector_int_max(&sizes) : 0;
        size_t least = collab_i_map_scope_least(largest);
        s->kept = collab_alloc_array(n + 1, sizeof *s->kept);
        if (s->kept == NULL) {
            st = collab_error_nomem(err, "drawing the map");
        }
        for (igraph_integer_t c = 0; st == COLLAB_OK && c < n_components; c++) {
            size_t size = (size_t)VECTOR(sizes)[c];
            if (size < least && size < largest) {
                s->components_left++;
                s->nodes_left += size;
            }
        }
        for (size_t v = 0; st == COLLAB_OK && v < n; v++) {
            size_t size = (size_t)VECTOR(sizes)[VECTOR(membership)[v]];
            if (size >= least || size == largest) {
                s->kept[s->n_kept++] = (uint32_t)v;
            }
        }
    }
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&sizes);
    return st;
}

/* `from` (per source vertex, or NULL) for the kept vertices, into `*to`. */
static bool copy_kept(const double *from, const collab_i_map_scope *s, double **to)
{
    *to = NULL;
    if (from == NULL) {
        return true;
    }
    *to = collab_alloc_array(s->n_kept + 1, sizeof **to);
    if (*to == NULL) {
        return false;
    }
    for (size_t i = 0; i < s->n_kept; i++) {
        (*to)[i] = from[s->kept[i]];
    }
    return true;
}

/* The source's metrics and communities for the kept vertices only. */
static collab_status copy_values(const collab_map_source *src, collab_i_map_scope *s,
                                 collab_error *err)
{
    const collab_metrics *m = src->metrics;
    const collab_partition *p = src->partition;
    size_t n = s->n_kept;
    /* the scalars (how the estimates were made, global statistics) as they are; every
     * per-vertex array copied for the kept vertices; the top-k ranking, of the whole graph,
     * left out */
    s->metrics = *m;
    s->metrics.n = n;
    s->metrics.top_k = 0;
    s->metrics.top = s->metrics.rank_best = s->metrics.rank_worst = NULL;
    bool ok = copy_kept(m->closeness_se, s, &s->metrics.closeness_se);
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        s->metrics.values[k] = s->metrics.low[k] = s->metrics.high[k] = NULL;
    }
    for (int k = 0; ok && k < COLLAB_METRIC_COUNT; k++) {
        ok = copy_kept(m->values[k], s, &s->metrics.values[k]) &&
             copy_kept(m->low[k], s, &s->metrics.low[k]) &&
             copy_kept(m->high[k], s, &s->metrics.high[k]);
    }
    if (!ok) {
        return collab_error_nomem(err, "drawing the map");
    }
    s->partition.n = n;
    s->partition.n_communities = p->n_communities;
    s->partition.modularity = p->modularity;
    s->partition.membership = collab_alloc_array(n + 1, sizeof(uint32_t));
    s->partition.sizes = collab_calloc_array(p->n_communities + 1, sizeof(size_t));
    if (s->partition.membership == NULL || s->partition.sizes == NULL) {
        return collab_error_nomem(err, "drawing the map");
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t c = p->membership[s->kept[i]];
        s->partition.membership[i] = c;
        s->partition.sizes[c]++;
    }
    return COLLAB_OK;
}

collab_status collab_i_map_scope_build(collab_i_map_scope *s, const collab_map_source *src,
                                       collab_error *err)
{
    memset(s, 0, sizeof *s);
    collab_status st = choose_vertices(src->graph, s, err);
    if (st != COLLAB_OK || s->components_left == 0) {
        collab_i_map_scope_destroy(s);
        return st; /* everything is drawn: no scope */
    }
    st = collab_graph_induced(&s->graph, src->graph, s->kept, s->n_kept, src->list->n_rows, err);
    if (st == COLLAB_OK) {
        s->have_graph = true;
        st = copy_values(src, s, err);
    }
    if (st != COLLAB_OK) {
        collab_i_map_scope_destroy(s);
        return st;
    }
    s->src = *src;
    s->src.graph = &s->graph;
    s->src.metrics = &s->metrics;
    s->src.partition = &s->partition;
    s->active = true;
    return COLLAB_OK;
}

void collab_i_map_scope_destroy(collab_i_map_scope *s)
{
    if (s->have_graph) {
        collab_graph_destroy(&s->graph);
    }
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        collab_free(s->metrics.values[k]);
        collab_free(s->metrics.low[k]);
        collab_free(s->metrics.high[k]);
    }
    collab_free(s->metrics.closeness_se);
    collab_free(s->partition.membership);
    collab_free(s->partition.sizes);
    collab_free(s->kept);
    memset(s, 0, sizeof *s);
}
