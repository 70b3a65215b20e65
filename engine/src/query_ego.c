/* A person's neighbourhood: everyone within a few collaboration steps, with the projects each
 * shares with the person, and their degree and betweenness inside the neighbourhood's induced
 * subgraph (what `collab ego` lists and draws). */
#include "collab/alloc.h"
#include "collab/metrics.h"
#include "collab/query.h"

#include <math.h>
#include <stdint.h>
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

/* Degree and betweenness of the members inside the neighbourhood's induced subgraph, with the
 * engine's own exact path sweep (several times faster than igraph_betweenness on the thousands
 * of members of a two-step neighbourhood). The members are sorted by vertex id first. */
static collab_status neighbourhood_centrality(const collab_graph *g, const collab_edgelist *list,
                                              collab_neighbour *m, size_t n, collab_error *err)
{
    qsort(m, n, sizeof *m, by_vertex);
    uint32_t *ids = collab_alloc_array(n + 1, sizeof *ids);
    if (ids == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory measuring the neighbourhood");
    }
    for (size_t i = 0; i < n; i++) {
        ids[i] = m[i].vertex;
    }
    collab_graph sub;
    collab_status st = collab_graph_induced(&sub, g, ids, n, list->n_rows, err);
    collab_free(ids);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_metrics_options opt;
    collab_metrics_options_init(&opt);
    opt.approx_sources = -1; /* exact: the neighbourhood is small next to the graph */
    opt.wanted = (1u << COLLAB_METRIC_DEGREE) | (1u << COLLAB_METRIC_BETWEENNESS);
    collab_metrics metrics;
    st = collab_metrics_compute(&metrics, &sub, &opt, err);
    if (st == COLLAB_OK) {
        for (size_t i = 0; i < n; i++) {
            m[i].degree = metrics.values[COLLAB_METRIC_DEGREE][i];
            m[i].betweenness = metrics.values[COLLAB_METRIC_BETWEENNESS][i];
        }
        collab_metrics_destroy(&metrics);
    }
    collab_graph_destroy(&sub);
    return st;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a;
    uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Per person (names_a id): the projects shared with the ego, each counted once however many
 * roles either had on it; the same count as collab_query_links, in one pass over the rows
 * instead of one per member. NULL `*shared` for graphs that are not credits drawn as people. */
static collab_status shared_projects(const collab_graph *g, const collab_edgelist *list,
                                     uint32_t ego, uint32_t **shared, collab_error *err)
{
    *shared = NULL;
    if (g->shape != COLLAB_SHAPE_CREDITS || g->view != COLLAB_VIEW_PEOPLE) {
        return COLLAB_OK;
    }
    uint32_t person = g->origin[ego];
    uint8_t *with_ego = collab_calloc_array(list->names_b.count + 1, 1);
    uint64_t *pairs = collab_alloc_array(list->n_rows + 1, sizeof *pairs);
    uint32_t *count = collab_calloc_array(list->names_a.count + 1, sizeof *count);
    if (with_ego == NULL || pairs == NULL || count == NULL) {
        collab_free(with_ego);
        collab_free(pairs);
        collab_free(count);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding shared projects");
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept[r] && list->a[r] == person) {
            with_ego[list->b[r]] = 1;
        }
    }
    size_t n_pairs = 0;
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept[r] && list->a[r] != person && with_ego[list->b[r]]) {
            pairs[n_pairs++] = ((uint64_t)list->a[r] << 32) | list->b[r];
        }
    }
    qsort(pairs, n_pairs, sizeof *pairs, compare_u64);
    for (size_t i = 0; i < n_pairs; i++) {
        if (i == 0 || pairs[i] != pairs[i - 1]) {
            count[pairs[i] >> 32]++;
        }
    }
    collab_free(with_ego);
    collab_free(pairs);
    *shared = count;
    return COLLAB_OK;
}

collab_status collab_query_neighbourhood(const collab_graph *g, const collab_edgelist *list,
                                         uint32_t ego, size_t radius, collab_neighbour **out,
                                         size_t *n_out, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    int32_t *dist = collab_alloc_array(n + 1, sizeof *dist);
    collab_neighbour *m = collab_alloc_array(n + 1, sizeof *m);
    uint32_t *shared = NULL;
    collab_status st = dist == NULL || m == NULL
                           ? collab_error_set(err, COLLAB_E_NOMEM, "out of memory")
                           : collab_query_distances(g, ego, UINT32_MAX, dist, err);
    if (st == COLLAB_OK) {
        st = shared_projects(g, list, ego, &shared, err);
    }
    size_t k = 0;
    for (size_t v = 0; st == COLLAB_OK && v < n; v++) {
        if (dist[v] >= 0 && (size_t)dist[v] <= radius) {
            size_t with_ego = v != ego && shared != NULL ? shared[g->origin[v]] : 0;
            m[k++] = (collab_neighbour){(uint32_t)v, dist[v], with_ego, 0, 0};
        }
    }
    if (st == COLLAB_OK) {
        st = neighbourhood_centrality(g, list, m, k, err);
    }
    collab_free(dist);
    collab_free(shared);
    if (st != COLLAB_OK) {
        collab_free(m);
        return st;
    }
    qsort(m, k, sizeof *m, by_distance_then_shared);
    *out = m;
    *n_out = k;
    return COLLAB_OK;
}

/* ---- ring positions --------------------------------------------------------------------- */

typedef struct ring_entry {
    double key; /* group (ring 1) or target angle (outer rings) */
    double tie; /* vertex order */
    uint32_t v; /* vertex */
} ring_entry;

static int by_key(const void *a, const void *b)
{
    const ring_entry *x = a;
    const ring_entry *y = b;
    if (x->key != y->key) {
        return x->key < y->key ? -1 : 1;
    }
    return (x->tie > y->tie) - (x->tie < y->tie);
}

#define TWO_PI       6.283185307179586
#define RING_DENSITY 40.0 /* people per unit of a ring's length before it becomes a band */
#define RING_BANDS   8    /* sub-rings of a band at most */

collab_status collab_query_ego_rings(const collab_graph *sub, const int32_t *dist,
                                     const uint32_t *group, double *x, double *y, collab_error *err)
{
    size_t n = collab_graph_vertex_count(sub);
    double *angle = collab_alloc_array(n + 1, sizeof *angle);
    double *band = collab_calloc_array(n + 1, sizeof *band);
    ring_entry *ring = collab_alloc_array(n + 1, sizeof *ring);
    igraph_vector_int_t nb;
    if (angle == NULL || band == NULL || ring == NULL ||
        igraph_vector_int_init(&nb, 0) != IGRAPH_SUCCESS) {
        collab_free(angle);
        collab_free(band);
        collab_free(ring);
        return collab_error_nomem(err, "placing the neighbourhood in rings");
    }
    int32_t max_d = 0;
    for (size_t v = 0; v < n; v++) {
        max_d = dist[v] > max_d ? dist[v] : max_d;
    }
    igraph_error_t rc = IGRAPH_SUCCESS;
    for (int32_t d = 1; d <= max_d && rc == IGRAPH_SUCCESS; d++) {
        size_t k = 0;
        for (size_t v = 0; v < n && rc == IGRAPH_SUCCESS; v++) {
            if (dist[v] != d) {
                continue;
            }
            double key = 0;
            if (d == 1) {
                key = group != NULL ? (double)group[v] : 0;
            } else {
                /* the circular mean of its neighbours on the ring inside */
                rc = igraph_neighbors(&sub->graph, &nb, (igraph_integer_t)v, IGRAPH_ALL);
                double sx = 0;
                double sy = 0;
                for (igraph_integer_t j = 0;
                     rc == IGRAPH_SUCCESS && j < igraph_vector_int_size(&nb); j++) {
                    size_t u = (size_t)VECTOR(nb)[j];
                    if (dist[u] == d - 1) {
                        sx += cos(angle[u]);
                        sy += sin(angle[u]);
                    }
                }
                key = atan2(sy, sx);
                key = key < 0 ? key + TWO_PI : key;
            }
            ring[k++] = (ring_entry){key, (double)v, (uint32_t)v};
        }
        qsort(ring, k, sizeof *ring, by_key);
        /* evenly spaced in that order, turned so each lands as near its target as it can */
        double sx = 0;
        double sy = 0;
        for (size_t i = 0; d > 1 && i < k; i++) {
            double off = ring[i].key - TWO_PI * (double)i / (double)k;
            sx += cos(off);
            sy += sin(off);
        }
        double start = d > 1 && (sx != 0 || sy != 0) ? atan2(sy, sx) : -TWO_PI / 4;
        /* a ring with more people than RING_DENSITY per unit of its length becomes a band of
         * sub-rings (at most RING_BANDS, within 0.45 of its radius), taken in turn */
        double capacity = TWO_PI * (double)d * RING_DENSITY;
        size_t bands = (size_t)ceil((double)k / capacity);
        bands = bands < 1 ? 1 : bands > RING_BANDS ? RING_BANDS : bands;
        for (size_t i = 0; i < k; i++) {
            angle[ring[i].v] = start + TWO_PI * (double)i / (double)k;
            band[ring[i].v] =
                bands > 1 ? -0.45 + 0.9 * ((double)(i % bands) + 0.5) / (double)bands : 0;
        }
    }
    igraph_vector_int_destroy(&nb);
    for (size_t v = 0; v < n; v++) {
        double r = dist[v] > 0 ? (double)dist[v] + band[v] : 0;
        x[v] = r > 0 ? r * cos(angle[v]) : 0;
        y[v] = r > 0 ? r * sin(angle[v]) : 0;
    }
    collab_free(band);
    collab_free(angle);
    collab_free(ring);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "placing the neighbourhood in rings");
    }
    return COLLAB_OK;
}
