/* Positions of an earlier map (collab map --layout-from): the nodes' names and page positions
 * read from the scene JSON that `collab map --scene` wrote, and the layout that re-uses them. */
#include "collab/alloc.h"
#include "collab/map.h"
#include "collab/names.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "map_internal.h"

/* Largest scene file read: far above the scene of the largest map drawn at the node level. */
#define MAX_SCENE_BYTES ((size_t)1 << 30)

static collab_status no_positions(collab_error *err, const char *path, const char *why)
{
    return collab_error_set(err, COLLAB_E_INPUT,
                            "'%s' %s: --layout-from takes the scene JSON of a map (collab map "
                            "--scene FILE.json)",
                            path, why);
}

/* Reads every node with a name and finite x and y; the first of two nodes with one name wins. */
static collab_status read_nodes(collab_map_positions *p, json_t *nodes, const char *path,
                                collab_error *err)
{
    size_t n = json_array_size(nodes);
    p->x = collab_alloc_array(n + 1, sizeof *p->x);
    p->y = collab_alloc_array(n + 1, sizeof *p->y);
    if (p->x == NULL || p->y == NULL) {
        return collab_error_nomem(err, "reading the positions");
    }
    for (size_t i = 0; i < n; i++) {
        json_t *node = json_array_get(nodes, i);
        json_t *name = json_object_get(node, "name");
        json_t *x = json_object_get(node, "x");
        json_t *y = json_object_get(node, "y");
        if (!json_is_string(name) || !json_is_number(x) || !json_is_number(y) ||
            !isfinite(json_number_value(x)) || !isfinite(json_number_value(y))) {
            continue;
        }
        uint32_t id = 0;
        collab_status st = collab_names_intern(&p->names, json_string_value(name),
                                               json_string_length(name), &id, err);
        if (st != COLLAB_OK) {
            return st;
        }
        if (id == p->n) {
            p->x[p->n] = json_number_value(x);
            p->y[p->n++] = json_number_value(y);
        }
    }
    return p->n > 0 ? COLLAB_OK
                    : no_positions(err, path, "holds no node with a name and a position");
}

collab_status collab_map_positions_read(collab_map_positions *out, const char *path,
                                        collab_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return collab_error_set(err, COLLAB_E_IO, "cannot open '%s': %s", path, strerror(errno));
    }
    json_error_t jerr;
    json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    bool too_big = root != NULL && ftell(f) > 0 && (size_t)ftell(f) > MAX_SCENE_BYTES;
    fclose(f);
    if (root == NULL) {
        return collab_error_set_at(err, COLLAB_E_INPUT, path, jerr.line > 0 ? jerr.line : 1,
                                   jerr.column > 0 ? jerr.column : 1, "not a scene JSON: %s",
                                   jerr.text);
    }
    collab_map_positions p;
    memset(&p, 0, sizeof p);
    collab_names_init(&p.names);
    json_t *nodes = json_object_get(root, "nodes");
    collab_status st = COLLAB_OK;
    if (too_big) {
        st = collab_error_set(err, COLLAB_E_LIMIT, "'%s' is larger than %zu bytes", path,
                              MAX_SCENE_BYTES);
    } else if (!json_is_array(nodes)) {
        st = no_positions(err, path, "has no \"nodes\" array");
    } else {
        st = read_nodes(&p, nodes, path, err);
    }
    json_decref(root);
    if (st != COLLAB_OK) {
        collab_map_positions_destroy(&p);
        return st;
    }
    *out = p;
    return COLLAB_OK;
}

void collab_map_positions_destroy(collab_map_positions *p)
{
    if (p == NULL) {
        return;
    }
    collab_names_destroy(&p->names);
    collab_free(p->x);
    collab_free(p->y);
    memset(p, 0, sizeof *p);
}

collab_status collab_i_map_layout_given(collab_layout *l, size_t n, const double *x,
                                        const double *y, double aspect, collab_error *err)
{
    igraph_error_t rc = igraph_matrix_init(&l->xy, (igraph_integer_t)n, 2);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "placing the nodes");
    }
    l->n = n;
    l->aspect = aspect;
    for (size_t v = 0; v < n; v++) {
        MATRIX(l->xy, v, 0) = x[v];
        MATRIX(l->xy, v, 1) = y[v];
    }
    return COLLAB_OK;
}

/* Places the nodes not named in the earlier map, round by round: each at the mean position of
 * its neighbours placed in earlier rounds, a little apart (golden-angle offsets of `spread`);
 * those never reached go in a row under the others. */
static collab_status place_unmatched(const collab_graph *g, double *x, double *y, uint32_t *round,
                                     double spread, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    igraph_vector_int_t nb;
    igraph_error_t rc = igraph_vector_int_init(&nb, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "placing the new nodes");
    }
    double bottom = -INFINITY;
    double left = INFINITY;
    for (size_t v = 0; v < n; v++) {
        if (round[v] == 1) {
            bottom = fmax(bottom, y[v]);
            left = fmin(left, x[v]);
        }
    }
    bool changed = true;
    for (uint32_t r = 2; changed && rc == IGRAPH_SUCCESS; r++) {
        changed = false;
        for (size_t v = 0; v < n && rc == IGRAPH_SUCCESS; v++) {
            if (round[v] != 0) {
                continue;
            }
            rc = igraph_neighbors(&g->graph, &nb, (igraph_integer_t)v, IGRAPH_ALL);
            double sx = 0;
            double sy = 0;
            size_t cnt = 0;
            for (igraph_integer_t k = 0; rc == IGRAPH_SUCCESS && k < igraph_vector_int_size(&nb);
                 k++) {
                size_t u = (size_t)VECTOR(nb)[k];
                if (round[u] != 0 && round[u] < r) {
                    sx += x[u];
                    sy += y[u];
                    cnt++;
                }
            }
            if (cnt > 0) {
                double a = 2.399963229728653 * (double)v;
                x[v] = sx / (double)cnt + spread * cos(a);
                y[v] = sy / (double)cnt + spread * sin(a);
                round[v] = r;
                changed = true;
            }
        }
    }
    igraph_vector_int_destroy(&nb);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "placing the new nodes");
    }
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        if (round[v] == 0) {
            x[v] = left + 2 * spread * (double)k++;
            y[v] = bottom + 3 * spread;
        }
    }
    return COLLAB_OK;
}

collab_status collab_i_map_layout_from(collab_layout *l, const collab_map_positions *p,
                                       const collab_graph *g, double aspect, size_t *matched_out,
                                       collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    double *x = collab_alloc_array(n + 1, sizeof *x);
    double *y = collab_alloc_array(n + 1, sizeof *y);
    uint32_t *round = collab_calloc_array(n + 1, sizeof *round);
    collab_status st = COLLAB_OK;
    if (x == NULL || y == NULL || round == NULL) {
        st = collab_error_nomem(err, "placing the nodes");
    }
    double lo[2] = {INFINITY, INFINITY};
    double hi[2] = {-INFINITY, -INFINITY};
    size_t matched = 0;
    for (size_t v = 0; st == COLLAB_OK && v < n; v++) {
        const char *name = collab_graph_name(g, v);
        uint32_t id = collab_names_find(&p->names, name, strlen(name));
        if (id != COLLAB_NO_ID) {
            x[v] = p->x[id];
            y[v] = p->y[id];
            round[v] = 1;
            matched++;
            lo[0] = fmin(lo[0], x[v]);
            lo[1] = fmin(lo[1], y[v]);
            hi[0] = fmax(hi[0], x[v]);
            hi[1] = fmax(hi[1], y[v]);
        }
    }
    if (st == COLLAB_OK && matched > 0 && matched < n) {
        double spread = 0.03 * fmax(fmax(hi[0] - lo[0], hi[1] - lo[1]), 1e-9);
        st = place_unmatched(g, x, y, round, spread, err);
    }
    if (st == COLLAB_OK && matched > 0) {
        st = collab_i_map_layout_given(l, n, x, y, aspect, err);
    }
    *matched_out = st == COLLAB_OK ? matched : 0;
    collab_free(x);
    collab_free(y);
    collab_free(round);
    return st;
}
