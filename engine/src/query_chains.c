/* The drawing of shortest collaboration chains (`collab path -o FILE`): the people of the chains
 * in columns by step (rows in order of first appearance, centred), and for every distinct step a
 * project vertex between the two people, labelled with the first project linking them, its year
 * and both roles. Positions are fixed: the map draws them as they are. */
#include "collab/alloc.h"
#include "collab/query.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct chain_source {
    const collab_graph *g;       /* the graph the chains are in */
    const collab_edgelist *list; /* its rows */
    const uint32_t *paths;       /* n_paths chains of length + 1 vertices */
    size_t n_paths, length;
} chain_source;

/* The drawing under construction: people at even columns, linking projects at odd ones. */
typedef struct chain_drawing {
    char **names; /* vertex names (owned) */
    uint8_t *is_project;
    double *x, *y;     /* fixed positions */
    uint8_t *emphasis; /* the two ends */
    uint32_t *from, *to;
    size_t n, m;
    uint32_t *vertex_of; /* per graph vertex: drawing vertex, or UINT32_MAX */
} chain_drawing;

static void chain_drawing_free(chain_drawing *d)
{
    for (size_t i = 0; d->names != NULL && i < d->n; i++) {
        collab_free(d->names[i]);
    }
    collab_free(d->names);
    collab_free(d->is_project);
    collab_free(d->x);
    collab_free(d->y);
    collab_free(d->emphasis);
    collab_free(d->from);
    collab_free(d->to);
    collab_free(d->vertex_of);
    memset(d, 0, sizeof *d);
}

static char *copy_text(const char *text)
{
    size_t len = strlen(text) + 1;
    char *copy = collab_malloc(len);
    if (copy != NULL) {
        memcpy(copy, text, len);
    }
    return copy;
}

static uint32_t add_vertex(chain_drawing *d, char *name, bool project, double x, double y)
{
    d->names[d->n] = name;
    d->is_project[d->n] = project;
    d->x[d->n] = x;
    d->y[d->n] = y;
    return (uint32_t)d->n++;
}

/* "Title (1999) · producer / artist": the first project linking u and v, or NULL without one. */
static char *link_label(const chain_source *in, uint32_t u, uint32_t v, collab_error *err)
{
    const collab_edgelist *list = in->list;
    collab_link l;
    size_t n = 0;
    if (in->g->shape != COLLAB_SHAPE_CREDITS || in->g->view != COLLAB_VIEW_PEOPLE ||
        collab_query_links(in->g, list, u, v, &l, 1, &n, err) != COLLAB_OK || n == 0) {
        return NULL;
    }
    const char *title = collab_names_get(&list->names_b, l.project);
    const char *ra =
        l.role_a != COLLAB_NO_ID ? collab_names_get(&list->roles, l.role_a) : "credited";
    const char *rb =
        l.role_b != COLLAB_NO_ID ? collab_names_get(&list->roles, l.role_b) : "credited";
    size_t len = strlen(title) + strlen(ra) + strlen(rb) + 64;
    char *text = collab_malloc(len);
    if (text != NULL) {
        char year[16] = "";
        if (l.year != 0) {
            snprintf(year, sizeof year, " (%d)", l.year);
        }
        snprintf(text, len, "%s%s \xc2\xb7 %s / %s", title, year, ra, rb);
    }
    return text;
}

/* Places the people of every chain (a person is always at the same step of every shortest
 * chain, so columns are well defined; rows in order of first appearance) and one project node
 * per distinct step between two people. */
static collab_status build_drawing(const chain_source *in, chain_drawing *d, collab_error *err)
{
    size_t cap = 2 * in->n_paths * (in->length + 1) + 1;
    size_t n_graph = collab_graph_vertex_count(in->g);
    d->names = collab_calloc_array(cap, sizeof *d->names);
    d->is_project = collab_calloc_array(cap, 1);
    d->x = collab_alloc_array(cap, sizeof *d->x);
    d->y = collab_alloc_array(cap, sizeof *d->y);
    d->emphasis = collab_calloc_array(cap, 1);
    d->from = collab_alloc_array(2 * cap, sizeof *d->from);
    d->to = collab_alloc_array(2 * cap, sizeof *d->to);
    d->vertex_of = collab_alloc_array(n_graph + 1, sizeof *d->vertex_of);
    size_t *rows = collab_calloc_array(in->length + 2, sizeof *rows);
    uint64_t *pairs = collab_alloc_array(cap, sizeof *pairs);
    collab_status st = COLLAB_OK;
    if (!d->names || !d->is_project || !d->x || !d->y || !d->emphasis || !d->from || !d->to ||
        !d->vertex_of || !rows || !pairs) {
        st = collab_error_nomem(err, "drawing the chains");
    } else {
        memset(d->vertex_of, 0xff, n_graph * sizeof *d->vertex_of);
    }
    size_t n_pairs = 0;
    for (size_t p = 0; st == COLLAB_OK && p < in->n_paths; p++) {
        const uint32_t *chain = in->paths + p * (in->length + 1);
        for (size_t i = 0; st == COLLAB_OK && i <= in->length; i++) {
            uint32_t v = chain[i];
            if (d->vertex_of[v] == UINT32_MAX) {
                char *name = copy_text(collab_graph_name(in->g, v));
                st = name == NULL ? collab_error_nomem(err, "drawing the chains") : COLLAB_OK;
                if (st == COLLAB_OK) {
                    d->vertex_of[v] =
                        add_vertex(d, name, false, 2.0 * (double)i, (double)rows[i]++);
                }
            }
            if (st != COLLAB_OK || i == 0) {
                continue;
            }
            uint32_t u = chain[i - 1];
            uint64_t key = ((uint64_t)u << 32) | v;
            size_t k = 0;
            while (k < n_pairs && pairs[k] != key) {
                k++;
            }
            if (k < n_pairs) {
                continue;
            }
            pairs[n_pairs++] = key;
            char *label = link_label(in, u, v, err);
            uint32_t du = d->vertex_of[u];
            uint32_t dv = d->vertex_of[v];
            if (label == NULL) {
                d->from[d->m] = du;
                d->to[d->m++] = dv;
                continue;
            }
            uint32_t pv =
                add_vertex(d, label, true, 2.0 * (double)i - 1, (d->y[du] + d->y[dv]) / 2);
            d->from[d->m] = du;
            d->to[d->m++] = pv;
            d->from[d->m] = pv;
            d->to[d->m++] = dv;
        }
    }
    /* Centre each column's rows around 0. */
    for (size_t v = 0; st == COLLAB_OK && v < d->n; v++) {
        if (!d->is_project[v]) {
            size_t col = (size_t)(d->x[v] / 2);
            d->y[v] -= ((double)rows[col] - 1) / 2;
        }
    }
    for (size_t v = 0; st == COLLAB_OK && v < d->n; v++) {
        if (d->is_project[v]) {
            /* re-centre on the people it links, now moved */
            double sum = 0;
            size_t cnt = 0;
            for (size_t e = 0; e < d->m; e++) {
                uint32_t other = d->from[e] == v ? d->to[e] : d->to[e] == v ? d->from[e] : v;
                if (other != v) {
                    sum += d->y[other];
                    cnt++;
                }
            }
            d->y[v] = cnt > 0 ? sum / (double)cnt : d->y[v];
        }
    }
    collab_free(rows);
    collab_free(pairs);
    return st;
}

collab_status collab_chain_drawing_build(collab_chain_drawing *out, const collab_graph *g,
                                         const collab_edgelist *list, const uint32_t *paths,
                                         size_t n_paths, size_t length, collab_error *err)
{
    if (n_paths == 0) {
        return collab_error_set(err, COLLAB_E_USAGE, "no chain to draw");
    }
    chain_source src = {g, list, paths, n_paths, length};
    chain_drawing d;
    memset(&d, 0, sizeof d);
    collab_status st = build_drawing(&src, &d, err);
    collab_chain_drawing cd;
    memset(&cd, 0, sizeof cd);
    if (st == COLLAB_OK) {
        d.emphasis[d.vertex_of[paths[0]]] = 1;
        d.emphasis[d.vertex_of[paths[length]]] = 1;
        st = collab_graph_from_edges(&cd.graph, (const char *const *)d.names, d.is_project, d.n,
                                     d.from, d.to, NULL, d.m, err);
    }
    if (st == COLLAB_OK) {
        cd.rows = 1;
        for (size_t v = 0; v < d.n; v++) {
            cd.rows = fmax(cd.rows, 2 * fabs(d.y[v]) + 1);
        }
        cd.x = d.x;
        cd.y = d.y;
        cd.emphasis = d.emphasis;
        d.x = d.y = NULL;
        d.emphasis = NULL;
    }
    chain_drawing_free(&d);
    if (st == COLLAB_OK) {
        *out = cd;
    }
    return st;
}

void collab_chain_drawing_destroy(collab_chain_drawing *d)
{
    if (d == NULL) {
        return;
    }
    collab_graph_destroy(&d->graph);
    collab_free(d->x);
    collab_free(d->y);
    collab_free(d->emphasis);
    memset(d, 0, sizeof *d);
}
