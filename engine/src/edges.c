/* Edge lists into a simple graph: self-loops dropped, rows naming the same pair merged by summing
 * their weights (unordered pairs unless directed). Pairs are found through an open-addressing
 * table keyed by the packed vertex pair, so edges keep the order of their first row. */
#include "collab/alloc.h"
#include "graph_internal.h"

#include <string.h>

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

typedef struct pair_table {
    uint64_t *keys;  /* packed (u << 32 | v), valid where index != 0 */
    size_t *index;   /* edge index + 1, 0 = empty */
    size_t n_slots;  /* power of two */
} pair_table;

/* A row is left out when it is a self-loop or names a vertex in `drop` (NULL = none). */
static bool row_left_out(const collab_edgelist *list, const uint8_t *drop, size_t r)
{
    return list->a[r] == list->b[r] ||
           (drop != NULL && (drop[list->a[r]] != 0 || drop[list->b[r]] != 0));
}

static collab_status number_vertices(const collab_edgelist *list, const uint8_t *drop,
                                     uint32_t **vid_out,
                                     uint32_t **origin_out, size_t *n_out, collab_graph_stats *st,
                                     collab_error *err)
{
    uint32_t *vid = collab_alloc_array(list->names_a.count + 1, sizeof *vid);
    uint32_t *origin = collab_alloc_array(list->names_a.count + 1, sizeof *origin);
    if (vid == NULL || origin == NULL) {
        collab_free(vid);
        collab_free(origin);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory numbering vertices");
    }
    memset(vid, 0xff, list->names_a.count * sizeof *vid);
    size_t n = 0;
    /* A network file lists its nodes: they are the vertices, in its order, isolated ones too,
     * but for the people left out (placeholders, --drop-people). */
    for (size_t i = 0; list->vertices_listed && i < list->names_a.count; i++) {
        if (drop == NULL || drop[i] == 0) {
            origin[n] = (uint32_t)i;
            vid[i] = (uint32_t)n++;
        }
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        if (list->a[r] == list->b[r]) {
            st->self_loops++;
            continue;
        }
        if (row_left_out(list, drop, r)) {
            st->rows_filtered_people++;
            continue;
        }
        uint32_t ends[2] = {list->a[r], list->b[r]};
        for (int k = 0; k < 2; k++) {
            if (vid[ends[k]] == COLLAB_NO_ID) {
                origin[n] = ends[k];
                vid[ends[k]] = (uint32_t)n++;
            }
        }
    }
    *vid_out = vid;
    *origin_out = origin;
    *n_out = n;
    return COLLAB_OK;
}

static collab_status merge_rows(const collab_edgelist *list, const uint8_t *drop,
                                const uint32_t *vid, bool directed,
                                igraph_vector_int_t *edges, igraph_vector_t *weights,
                                collab_graph_stats *stats, collab_error *err)
{
    pair_table t = {0};
    t.n_slots = 64;
    while (t.n_slots < 2 * list->n_rows + 2) {
        t.n_slots *= 2;
    }
    t.keys = collab_alloc_array(t.n_slots, sizeof *t.keys);
    t.index = collab_calloc_array(t.n_slots, sizeof *t.index);
    collab_status st = COLLAB_OK;
    if (t.keys == NULL || t.index == NULL) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory merging edges");
    }
    size_t n_edges = 0;
    for (size_t r = 0; r < list->n_rows && st == COLLAB_OK; r++) {
        if (row_left_out(list, drop, r)) {
            continue;
        }
        uint32_t u = vid[list->a[r]];
        uint32_t v = vid[list->b[r]];
        if (!directed && u > v) {
            uint32_t tmp = u;
            u = v;
            v = tmp;
        }
        uint64_t key = ((uint64_t)u << 32) | v;
        size_t i = (size_t)mix64(key) & (t.n_slots - 1);
        while (t.index[i] != 0 && t.keys[i] != key) {
            i = (i + 1) & (t.n_slots - 1);
        }
        if (t.index[i] != 0) {
            VECTOR(*weights)[t.index[i] - 1] += list->weight[r];
            stats->merged_rows++;
            continue;
        }
        t.keys[i] = key;
        t.index[i] = ++n_edges;
        igraph_error_t rc = igraph_vector_int_push_back(edges, u);
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_int_push_back(edges, v);
        }
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_push_back(weights, list->weight[r]);
        }
        st = collab_error_from_igraph(err, rc, "merging edges");
    }
    collab_free(t.keys);
    collab_free(t.index);
    return st;
}

collab_status collab_i_build_edges(collab_graph *g, const collab_edgelist *list,
                                   const collab_graph_options *opt, igraph_vector_int_t *edges,
                                   size_t *n_vertices, collab_error *err)
{
    uint32_t *vid = NULL;
    uint32_t *origin = NULL;
    size_t n = 0;
    uint8_t *drop = NULL;
    collab_status st = collab_i_people_left_out(list, opt, &drop, &g->stats, err);
    if (st == COLLAB_OK) {
        st = number_vertices(list, drop, &vid, &origin, &n, &g->stats, err);
    }
    g->stats.rows_used = list->n_rows - g->stats.rows_filtered_people;
    if (st == COLLAB_OK && n == 0) {
        st = g->stats.rows_filtered_people > 0
                 ? collab_error_set(err, COLLAB_E_INPUT,
                                    "no edges left in '%s' once the people left out are removed",
                                    list->source)
                 : collab_error_set(err, COLLAB_E_INPUT,
                                    "every row of '%s' is a self-loop: no edges", list->source);
    }
    if (st == COLLAB_OK) {
        st = merge_rows(list, drop, vid, opt->directed, edges, &g->weights, &g->stats, err);
    }
    collab_free(drop);
    if (st == COLLAB_OK) {
        g->is_project = collab_calloc_array(n + 1, 1);
        if (g->is_project == NULL) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory naming vertices");
        }
    }
    for (size_t v = 0; v < n && st == COLLAB_OK; v++) {
        uint32_t id;
        st = collab_names_intern(&g->names, collab_names_get(&list->names_a, origin[v]),
                                 collab_names_length(&list->names_a, origin[v]), &id, err);
    }
    collab_free(vid);
    if (st != COLLAB_OK) {
        collab_free(origin);
        return st;
    }
    g->origin = origin;
    *n_vertices = n;
    return COLLAB_OK;
}
