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

static void gml_node(collab_i_textbuf *b, collab_i_export *x, size_t v, const void *ctx)
{
    (void)ctx;
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

static void gml_edge(collab_i_textbuf *b, collab_i_export *x, size_t e, const void *ctx)
{
    (void)ctx;
    size_t from, to;
    double weight;
    collab_i_export_edge(x, e, &from, &to, &weight);
    collab_i_textbuf_puts(b, "  edge [\n    source ");
    collab_i_textbuf_uint(b, from);
    collab_i_textbuf_puts(b, "\n    target ");
    collab_i_textbuf_uint(b, to);
    gml_real(b, "\n    weight ", weight, "\n  ]\n");
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
    collab_i_export_items(b, x, x->n_vertices, COLLAB_I_EXPORT_NODE_BLOCK, gml_node, NULL);
    collab_i_export_items(b, x, x->n_edges, COLLAB_I_EXPORT_EDGE_BLOCK, gml_edge, NULL);
    collab_i_textbuf_puts(b, "]\n");
    return COLLAB_OK;
}

/* ---- CSV --------------------------------------------------------------------------------- */

static void csv_node(collab_i_textbuf *b, collab_i_export *x, size_t v, const void *ctx)
{
    (void)ctx;
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

collab_status collab_i_export_csv_nodes(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    (void)err;
    collab_i_textbuf_puts(b, "id");
    for (size_t i = 0; i < x->n_fields; i++) {
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_puts(b, x->fields[i].name);
    }
    collab_i_textbuf_putc(b, '\n');
    collab_i_export_items(b, x, x->n_vertices, COLLAB_I_EXPORT_NODE_BLOCK, csv_node, NULL);
    return COLLAB_OK;
}

/* The edge table names both ends of every edge: each vertex's name is escaped as a CSV field
 * once, into a slot of its own (escaping it again per edge was most of the table's time, and
 * then reading it from a pool through an offset cost two cache misses an end). A slot is the
 * field's length, then the field; a field longer than NAME_SLOT - 1 bytes (rare) is marked
 * LONG_NAME and escaped again where it is written. */
#define NAME_SLOT 32
#define LONG_NAME 0xFF

/* The slots of every vertex (n * NAME_SLOT bytes, collab_malloc'd), or NULL when out of memory. */
static unsigned char *name_slots(const collab_graph *g, size_t n)
{
    unsigned char *slots = collab_calloc_array(n + 1, NAME_SLOT); /* no byte left undefined */
    collab_i_textbuf field;
    collab_i_textbuf_init(&field, NULL);
    for (size_t v = 0; slots != NULL && v < n; v++) {
        field.len = 0;
        collab_i_textbuf_csv(&field, collab_graph_name(g, v));
        unsigned char *slot = slots + v * NAME_SLOT;
        if (field.len < NAME_SLOT && !field.failed) {
            slot[0] = (unsigned char)field.len;
            memcpy(slot + 1, field.data, field.len);
        } else {
            slot[0] = LONG_NAME;
        }
    }
    if (!collab_i_textbuf_finish(&field)) {
        collab_free(slots);
        return NULL;
    }
    return slots;
}

/* Vertex v's name as a CSV field, from its slot. */
static void put_name(collab_i_textbuf *b, const collab_graph *g, const unsigned char *slots,
                     size_t v)
{
    const unsigned char *slot = slots + v * NAME_SLOT;
    char *p = slot[0] != LONG_NAME ? collab_i_textbuf_reserve(b, NAME_SLOT) : NULL;
    if (p != NULL) {
        memcpy(p, slot + 1, NAME_SLOT - 1); /* a fixed size: a few moves, no call */
        b->len += slot[0];
    } else {
        collab_i_textbuf_csv(b, collab_graph_name(g, v));
    }
}

/* `slots` are name_slots' */
static void csv_edge(collab_i_textbuf *b, collab_i_export *x, size_t e, const void *slots)
{
    const collab_graph *g = x->in->graph;
    size_t from, to;
    double weight;
    collab_i_export_edge(x, e, &from, &to, &weight);
    collab_i_textbuf_uint(b, from);
    collab_i_textbuf_putc(b, ',');
    collab_i_textbuf_uint(b, to);
    collab_i_textbuf_putc(b, ',');
    put_name(b, g, slots, from);
    collab_i_textbuf_putc(b, ',');
    put_name(b, g, slots, to);
    collab_i_textbuf_putc(b, ',');
    collab_i_textbuf_double(b, weight);
    collab_i_textbuf_putc(b, '\n');
}

collab_status collab_i_export_csv_edges(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    unsigned char *slots = name_slots(x->in->graph, x->n_vertices);
    if (slots == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory exporting the graph");
    }
    collab_i_textbuf_puts(b, "source_id,target_id,source,target,weight\n");
    collab_i_export_items(b, x, x->n_edges, COLLAB_I_EXPORT_EDGE_BLOCK, csv_edge, slots);
    collab_free(slots);
    return COLLAB_OK;
}
