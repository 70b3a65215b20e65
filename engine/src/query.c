/* Person lookup with suggestions, collaboration distances and shortest chains with evidence. */
#include "collab/query.h"

#include "collab/alloc.h"
#include "collab/text.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* ---- names ------------------------------------------------------------------------------ */

/* The comparison key of a name: decomposed, marks stripped, case-folded, control characters
 * removed, surrounding spaces trimmed. utf8proc_map allocates with malloc; the key is freed with
 * free() right after use. */
static char *name_key(const char *name)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)name, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                         UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_STRIPCC);
    if (n < 0) {
        return NULL;
    }
    size_t start = 0;
    size_t end = (size_t)n;
    while (start < end && (out[start] == ' ' || out[start] == '\t')) {
        start++;
    }
    while (end > start && (out[end - 1] == ' ' || out[end - 1] == '\t')) {
        end--;
    }
    memmove(out, out + start, end - start);
    out[end - start] = '\0';
    return (char *)out;
}

#define N_SUGGESTIONS 5
#define KEY_MAX       COLLAB_TEXT_EDIT_MAX

typedef struct suggestion {
    size_t distance; /* edit distance of the keys */
    uint32_t vertex; /* the vertex */
} suggestion;

/* Inserts (d, v) into `best`, kept sorted by distance; among equal distances the vertex seen first
 * stays first, so the list is stable. A full list takes the new name only when it is strictly
 * closer than the last one kept. Each vertex is offered once, so the names are distinct. */
static void keep_suggestion(suggestion *best, size_t *n, size_t d, uint32_t v)
{
    if (*n == N_SUGGESTIONS && best[N_SUGGESTIONS - 1].distance <= d) {
        return;
    }
    size_t pos = *n < N_SUGGESTIONS ? (*n)++ : N_SUGGESTIONS - 1;
    while (pos > 0 && best[pos - 1].distance > d) {
        best[pos] = best[pos - 1];
        pos--;
    }
    best[pos] = (suggestion){d, v};
}

/* How far a name may be from the one typed and still be suggested: a few typos, more for longer
 * names (git's "did you mean" keeps only close commands in the same spirit). A name that contains
 * the typed text (a surname alone, say) counts as one edit away. */
static size_t suggestion_limit(size_t key_len)
{
    return key_len / 3 > 2 ? key_len / 3 : 2;
}

static size_t name_distance(const char *key, const char *other, size_t limit)
{
    if (strlen(key) >= 3 && strstr(other, key) != NULL) {
        return 1;
    }
    return collab_text_edit_distance(key, other, limit);
}

static collab_status not_found(const collab_graph *g, const char *name, const char *key,
                               collab_error *err)
{
    suggestion best[N_SUGGESTIONS];
    size_t n = 0;
    size_t key_len = strlen(key);
    size_t max_distance = suggestion_limit(key_len);
    for (size_t v = 0; v < collab_graph_vertex_count(g) && key_len <= KEY_MAX; v++) {
        char *other = name_key(collab_graph_name(g, v));
        if (other != NULL && strlen(other) <= KEY_MAX) {
            size_t limit = n == N_SUGGESTIONS ? best[N_SUGGESTIONS - 1].distance : max_distance + 1;
            size_t d = name_distance(key, other, limit);
            if (d < limit) {
                keep_suggestion(best, &n, d, (uint32_t)v);
            }
        }
        free(other);
    }
    /* Whole names only: a suggestion that does not fit is left out rather than cut. */
    char list[200] = "";
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        int len = snprintf(list + used, sizeof list - used, "%s'%s'", i > 0 ? ", " : "",
                           collab_graph_name(g, best[i].vertex));
        if (len < 0 || (size_t)len >= sizeof list - used) {
            list[used] = '\0';
            break;
        }
        used += (size_t)len;
    }
    if (n == 0) {
        return collab_error_set(err, COLLAB_E_USAGE, "no one named '%s' in the graph", name);
    }
    return collab_error_set(err, COLLAB_E_USAGE, "no one named '%s'; closest: %s", name, list);
}

collab_status collab_query_find(const collab_graph *g, const char *name, uint32_t *vertex,
                                collab_error *err)
{
    uint32_t exact = collab_names_find(&g->names, name, strlen(name));
    if (exact != COLLAB_NO_ID) {
        *vertex = exact;
        return COLLAB_OK;
    }
    char *key = name_key(name);
    if (key == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE, "'%s' is not valid UTF-8", name);
    }
    if (key[0] == '\0') {
        free(key);
        return collab_error_set(err, COLLAB_E_USAGE, "the name to find is empty");
    }
    collab_status st = COLLAB_E_USAGE;
    for (size_t v = 0; v < collab_graph_vertex_count(g) && st != COLLAB_OK; v++) {
        char *other = name_key(collab_graph_name(g, v));
        if (other != NULL && strcmp(other, key) == 0) {
            *vertex = (uint32_t)v;
            st = COLLAB_OK;
        }
        free(other);
    }
    if (st != COLLAB_OK) {
        st = not_found(g, name, key, err);
    }
    free(key);
    return st;
}

/* ---- distances and chains ---------------------------------------------------------------- */

static collab_status bfs(const igraph_adjlist_t *al, size_t n, uint32_t source, uint32_t avoid,
                         int32_t *dist, collab_error *err)
{
    uint32_t *queue = collab_alloc_array(n + 1, sizeof *queue);
    if (queue == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding distances");
    }
    for (size_t v = 0; v < n; v++) {
        dist[v] = -1;
    }
    size_t head = 0;
    size_t tail = 0;
    dist[source] = 0;
    queue[tail++] = source;
    while (head < tail) {
        uint32_t u = queue[head++];
        igraph_vector_int_t *nb = igraph_adjlist_get(al, u);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb); k++) {
            uint32_t w = (uint32_t)VECTOR(*nb)[k];
            if (dist[w] < 0 && w != avoid) {
                dist[w] = dist[u] + 1;
                queue[tail++] = w;
            }
        }
    }
    collab_free(queue);
    return COLLAB_OK;
}

collab_status collab_query_distances(const collab_graph *g, uint32_t source, uint32_t avoid,
                                     int32_t *dist, collab_error *err)
{
    igraph_adjlist_t al;
    igraph_error_t rc = igraph_adjlist_init(&g->graph, &al, IGRAPH_ALL, IGRAPH_NO_LOOPS,
                                            IGRAPH_NO_MULTIPLE);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "finding distances");
    }
    collab_status st = bfs(&al, collab_graph_vertex_count(g), source, avoid, dist, err);
    igraph_adjlist_destroy(&al);
    return st;
}

typedef struct chain_walk {
    const igraph_adjlist_t *al; /* neighbours, ascending ids */
    const int32_t *dist;        /* distances from a */
    size_t length;              /* hops from a to b */
    uint32_t *current;          /* the chain being built, from b backwards */
    uint32_t *out;              /* chains found, each from a to b */
    size_t max_paths;           /* cap */
    size_t n_paths;             /* chains stored */
} chain_walk;

/* Depth-first from b back to a through predecessors (dist one less), smallest ids first. */
static void walk_back(chain_walk *w, uint32_t v, size_t depth)
{
    w->current[depth] = v;
    if (w->dist[v] == 0) {
        uint32_t *dst = w->out + w->n_paths * (w->length + 1);
        for (size_t i = 0; i <= w->length; i++) {
            dst[i] = w->current[w->length - i];
        }
        w->n_paths++;
        return;
    }
    igraph_vector_int_t *nb = igraph_adjlist_get(w->al, v);
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb) && w->n_paths < w->max_paths; k++) {
        uint32_t p = (uint32_t)VECTOR(*nb)[k];
        if (w->dist[p] >= 0 && w->dist[p] == w->dist[v] - 1) {
            walk_back(w, p, depth + 1);
        }
    }
}

/* Number of shortest chains to b (capped), by dynamic programming over distances. */
static double count_chains(const igraph_adjlist_t *al, const int32_t *dist, size_t n, uint32_t b)
{
    double *ways = collab_calloc_array(n + 1, sizeof *ways);
    uint32_t *order = collab_alloc_array(n + 1, sizeof *order);
    double total = 0;
    if (ways != NULL && order != NULL) {
        size_t k = 0;
        for (int32_t d = 0; d <= dist[b]; d++) {
            for (size_t v = 0; v < n; v++) {
                if (dist[v] == d) {
                    order[k++] = (uint32_t)v;
                }
            }
        }
        for (size_t i = 0; i < k; i++) {
            uint32_t v = order[i];
            ways[v] = dist[v] == 0 ? 1 : ways[v];
            igraph_vector_int_t *nb = igraph_adjlist_get(al, v);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
                uint32_t w = (uint32_t)VECTOR(*nb)[j];
                if (dist[w] == dist[v] + 1) {
                    ways[w] = ways[w] + ways[v] > 1e18 ? 1e18 : ways[w] + ways[v];
                }
            }
        }
        total = ways[b];
    }
    collab_free(ways);
    collab_free(order);
    return total;
}

collab_status collab_query_paths(const collab_graph *g, uint32_t a, uint32_t b, uint32_t avoid,
                                 size_t max_paths, uint32_t **paths, size_t *n_paths,
                                 size_t *length, double *total, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    int32_t *dist = collab_alloc_array(n + 1, sizeof *dist);
    if (dist == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding chains");
    }
    igraph_adjlist_t al;
    igraph_error_t rc = igraph_adjlist_init(&g->graph, &al, IGRAPH_ALL, IGRAPH_NO_LOOPS,
                                            IGRAPH_NO_MULTIPLE);
    if (rc != IGRAPH_SUCCESS) {
        collab_free(dist);
        return collab_error_from_igraph(err, rc, "finding chains");
    }
    collab_status st = bfs(&al, n, a, avoid, dist, err);
    *paths = NULL;
    *n_paths = 0;
    *length = 0;
    *total = 0;
    if (st == COLLAB_OK && dist[b] > 0 && max_paths > 0) {
        chain_walk w = {&al, dist, (size_t)dist[b], NULL, NULL, max_paths, 0};
        w.current = collab_alloc_array(w.length + 1, sizeof *w.current);
        w.out = collab_alloc_array(max_paths * (w.length + 1), sizeof *w.out);
        if (w.current == NULL || w.out == NULL) {
            collab_free(w.current);
            collab_free(w.out);
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding chains");
        } else {
            walk_back(&w, b, 0);
            collab_free(w.current);
            *paths = w.out;
            *n_paths = w.n_paths;
            *length = w.length;
            *total = count_chains(&al, dist, n, b);
        }
    }
    igraph_adjlist_destroy(&al);
    collab_free(dist);
    return st;
}

/* ---- evidence ---------------------------------------------------------------------------- */

collab_status collab_query_links(const collab_graph *g, const collab_edgelist *list, uint32_t u,
                                 uint32_t v, collab_link *links, size_t max_links,
                                 size_t *n_links, collab_error *err)
{
    *n_links = 0;
    if (g->shape != COLLAB_SHAPE_CREDITS || g->view != COLLAB_VIEW_PEOPLE) {
        return COLLAB_OK;
    }
    uint32_t pu = g->origin[u];
    uint32_t pv = g->origin[v];
    size_t cap = 64;
    size_t n_u = 0;
    size_t *rows_u = collab_alloc_array(cap, sizeof *rows_u);
    if (rows_u == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding shared projects");
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        if (!g->row_kept[r] || list->a[r] != pu) {
            continue;
        }
        if (n_u == cap) {
            size_t *grown = collab_realloc_array(rows_u, cap * 2, sizeof *rows_u);
            if (grown == NULL) {
                collab_free(rows_u);
                return collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding shared "
                                                             "projects");
            }
            rows_u = grown;
            cap *= 2;
        }
        rows_u[n_u++] = r;
    }
    /* A project links them once, however many roles either had on it: `counted` marks the
     * projects already linked (indexed by project id, allocated only when needed). */
    uint8_t *counted = NULL;
    for (size_t r = 0; r < list->n_rows; r++) {
        if (!g->row_kept[r] || list->a[r] != pv) {
            continue;
        }
        for (size_t i = 0; i < n_u; i++) {
            size_t ru = rows_u[i];
            if (list->b[ru] != list->b[r]) {
                continue;
            }
            if (counted == NULL) {
                counted = collab_calloc_array(list->names_b.count + 1, 1);
                if (counted == NULL) {
                    collab_free(rows_u);
                    return collab_error_set(err, COLLAB_E_NOMEM,
                                            "out of memory finding shared projects");
                }
            }
            if (!counted[list->b[r]]) {
                counted[list->b[r]] = 1;
                if (*n_links < max_links) {
                    links[*n_links] = (collab_link){list->b[r], list->role[ru], list->role[r],
                                                    list->year[r] != 0 ? list->year[r]
                                                                       : list->year[ru]};
                }
                (*n_links)++;
            }
            break;
        }
    }
    collab_free(counted);
    collab_free(rows_u);
    return COLLAB_OK;
}
