/* The line-oriented exports: GML (igraph, NetworkX, Cytoscape, yEd) and the CSV node and edge
 * tables for spreadsheets. */
#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

/* One `key value` line of a GML list. */
static void gml_pair(collab_i_textbuf *b, const char *indent, const char *key,
                     collab_i_field_type type, const collab_i_value *v)
{
    collab_i_textbuf_puts(b, indent);
    collab_i_textbuf_puts(b, key);
    collab_i_textbuf_putc(b, ' ');
    if (type == COLLAB_I_TEXT) {
        collab_i_textbuf_putc(b, '"');
        collab_i_textbuf_gml(b, v->s);
        collab_i_textbuf_putc(b, '"');
    } else if (type == COLLAB_I_INT) {
        collab_i_textbuf_int(b, v->i);
    } else {
        collab_i_textbuf_real(b, v->d);
    }
    collab_i_textbuf_putc(b, '\n');
}

/* `before` <x as a real> `after`. */
static void gml_real(collab_i_textbuf *b, const char *before, double x, const char *after)
{
    collab_i_textbuf_puts(b, before);
    collab_i_textbuf_real(b, x);
    collab_i_textbuf_puts(b, after);
}

/* The graphics block Cytoscape and yEd read: centre, box of the disc, fill. */
static void gml_graphics(collab_i_textbuf *b, const collab_i_export *x, size_t v)
{
    const collab_export_input *in = x->in;
    if (in->x == NULL || in->y == NULL || !isfinite(in->x[v]) || !isfinite(in->y[v])) {
        return;
    }
    gml_real(b, "    graphics [\n      x ", in->x[v], "\n");
    gml_real(b, "      y ", in->y[v], "\n");
    if (in->radius != NULL && isfinite(in->radius[v])) {
        gml_real(b, "      w ", 2 * in->radius[v], "\n");
        gml_real(b, "      h ", 2 * in->radius[v], "\n      type \"ellipse\"\n");
    }
    if (in->color != NULL) {
        char hex[8];
        collab_rgba_hex(in->color[v], hex);
        collab_i_textbuf_puts(b, "      fill \"");
        collab_i_textbuf_puts(b, hex);
        collab_i_textbuf_puts(b, "\"\n");
    }
    collab_i_textbuf_puts(b, "    ]\n");
}

static void gml_node(collab_i_textbuf *b, collab_i_export *x, size_t v)
{
    collab_i_textbuf_puts(b, "  node [\n    id ");
    collab_i_textbuf_uint(b, v);
    collab_i_textbuf_putc(b, '\n');
    for (size_t i = 0; i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        collab_i_value value = collab_i_export_value(x, field, v);
        /* The name is the label: NetworkX keys nodes by it, igraph and Cytoscape show it. */
        const char *key = field->id == COLLAB_I_NAME ? "label" : field->name;
        if (value.present) {
            gml_pair(b, "    ", key, field->type, &value);
        }
    }
    gml_graphics(b, x, v);
    collab_i_textbuf_puts(b, "  ]\n");
}

collab_status collab_i_export_gml(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    (void)err;
    collab_i_meta m;
    collab_i_export_metadata(x, &m);
    collab_i_textbuf_printf(b, "graph [\n  directed %d\n", x->directed ? 1 : 0);
    for (size_t i = 0; i < m.n; i++) {
        collab_i_value value = {true, 0, 0, m.values[i]};
        if (m.types[i] == COLLAB_I_INT) {
            value.i = strtoll(m.values[i], NULL, 10);
        } else if (m.types[i] == COLLAB_I_REAL) {
            value.d = strtod(m.values[i], NULL);
        }
        gml_pair(b, "  ", m.names[i], m.types[i], &value);
    }
    for (size_t v = 0; !b->failed && v < x->n_vertices; v++) {
        gml_node(b, x, v);
    }
    for (size_t e = 0; !b->failed && e < x->n_edges; e++) {
        size_t from, to;
        double weight;
        collab_i_export_edge(x, e, &from, &to, &weight);
        collab_i_textbuf_puts(b, "  edge [\n    source ");
        collab_i_textbuf_uint(b, from);
        collab_i_textbuf_puts(b, "\n    target ");
        collab_i_textbuf_uint(b, to);
        gml_real(b, "\n    weight ", weight, "\n  ]\n");
    }
    collab_i_textbuf_puts(b, "]\n");
    return COLLAB_OK;
}

/* ---- CSV --------------------------------------------------------------------------------- */

collab_status collab_i_export_csv_nodes(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    (void)err;
    collab_i_textbuf_puts(b, "id");
    for (size_t i = 0; i < x->n_fields; i++) {
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_puts(b, x->fields[i].name);
    }
    collab_i_textbuf_putc(b, '\n');
    for (size_t v = 0; !b->failed && v < x->n_vertices; v++) {
        collab_i_textbuf_uint(b, v);
        for (size_t i = 0; i < x->n_fields; i++) {
            const collab_i_field *field = &x->fields[i];
            collab_i_value value = collab_i_export_value(x, field, v);
            collab_i_textbuf_putc(b, ',');
            if (!value.present) {
                continue; /* an empty cell: no value */
            }
            if (field->type == COLLAB_I_TEXT) {
                collab_i_textbuf_csv(b, value.s);
            } else if (field->type == COLLAB_I_INT) {
                collab_i_textbuf_int(b, value.i);
            } else {
                collab_i_textbuf_double(b, value.d);
            }
        }
        collab_i_textbuf_putc(b, '\n');
    }
    return COLLAB_OK;
}

/* Every vertex's name escaped as a CSV field, once: the edge table names both ends of every
 * edge, and escaping each name again per edge was most of its time. Vertex v's field is
 * pool->data[offsets[v] .. offsets[v + 1]). The pool is reserved whole first (an escaped field
 * is at most twice its text and three bytes), so it never grows. False when out of memory. */
static bool escape_names(const collab_graph *g, size_t n, collab_i_textbuf *pool, size_t *offsets)
{
    size_t bound = 1;
    for (size_t v = 0; v < n; v++) {
        bound += 2 * strlen(collab_graph_name(g, v)) + 3;
    }
    if (collab_i_textbuf_reserve(pool, bound) == NULL) {
        return false;
    }
    for (size_t v = 0; v < n; v++) {
        offsets[v] = pool->len;
        collab_i_textbuf_csv(pool, collab_graph_name(g, v));
    }
    offsets[n] = pool->len;
    return !pool->failed;
}

collab_status collab_i_export_csv_edges(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    const collab_graph *g = x->in->graph;
    size_t n = x->n_vertices;
    size_t *offsets = collab_alloc_array(n + 1, sizeof *offsets);
    collab_i_textbuf pool;
    collab_i_textbuf_init(&pool, NULL);
    bool ok = offsets != NULL && escape_names(g, n, &pool, offsets);
    if (ok) {
        collab_i_textbuf_puts(b, "source_id,target_id,source,target,weight\n");
    }
    for (size_t e = 0; ok && !b->failed && e < x->n_edges; e++) {
        size_t from, to;
        double weight;
        collab_i_export_edge(x, e, &from, &to, &weight);
        collab_i_textbuf_uint(b, from);
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_uint(b, to);
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_add(b, pool.data + offsets[from], offsets[from + 1] - offsets[from]);
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_add(b, pool.data + offsets[to], offsets[to + 1] - offsets[to]);
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_double(b, weight);
        collab_i_textbuf_putc(b, '\n');
    }
    collab_i_textbuf_finish(&pool);
    collab_free(offsets);
    return ok ? COLLAB_OK
              : collab_error_set(err, COLLAB_E_NOMEM, "out of memory exporting the graph");
}
