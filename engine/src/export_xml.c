/* The XML exports: GraphML (every attribute declared as a <key>, for Cytoscape, yEd, igraph and
 * NetworkX) and GEXF 1.2draft with the viz extension (Gephi), whose nodes carry the position,
 * size and colour of the map so that Gephi opens the network as collab drew it. GEXF 1.2draft
 * rather than 1.3 because NetworkX reads only the drafts, and Gephi reads both. */
#include <math.h>
#include <string.h>

#include "export_internal.h"

/* A present value as XML text. */
static void xml_value(collab_i_textbuf *b, const collab_i_field *field, const collab_i_value *v)
{
    switch (field->type) {
    case COLLAB_I_TEXT:
        collab_i_textbuf_xml(b, v->s);
        return;
    case COLLAB_I_INT:
        collab_i_textbuf_int(b, v->i);
        return;
    case COLLAB_I_REAL:
        collab_i_textbuf_double(b, v->d);
        return;
    }
}

static const char *xml_type(collab_i_field_type type)
{
    return type == COLLAB_I_TEXT ? "string" : type == COLLAB_I_INT ? "long" : "double";
}

static void graphml_keys(collab_i_textbuf *b, const collab_i_export *x, const collab_i_meta *m)
{
    collab_i_textbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                             "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t i = 0; i < m->n; i++) {
        collab_i_textbuf_printf(
            b, "  <key id=\"g_%s\" for=\"graph\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
            m->names[i], m->names[i], xml_type(m->types[i]));
    }
    for (size_t i = 0; i < x->n_fields; i++) {
        collab_i_textbuf_printf(
            b, "  <key id=\"v_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
            x->fields[i].name, x->fields[i].name, xml_type(x->fields[i].type));
    }
    collab_i_textbuf_puts(
        b, "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
}

static void graphml_node(collab_i_textbuf *b, collab_i_export *x, size_t v, const void *ctx)
{
    (void)ctx;
    collab_i_textbuf_puts(b, "    <node id=\"n");
    collab_i_textbuf_uint(b, v);
    collab_i_textbuf_puts(b, "\">\n");
    for (size_t i = 0; i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        collab_i_value value = collab_i_export_value(x, field, v);
        if (value.present) {
            collab_i_textbuf_puts(b, "      <data key=\"v_");
            collab_i_textbuf_puts(b, field->name);
            collab_i_textbuf_puts(b, "\">");
            xml_value(b, field, &value);
            collab_i_textbuf_puts(b, "</data>\n");
        }
    }
    collab_i_textbuf_puts(b, "    </node>\n");
}

static void graphml_edge(collab_i_textbuf *b, collab_i_export *x, size_t e, const void *ctx)
{
    (void)ctx;
    size_t from, to;
    double weight;
    collab_i_export_edge(x, e, &from, &to, &weight);
    collab_i_textbuf_puts(b, "    <edge id=\"e");
    collab_i_textbuf_uint(b, e);
    collab_i_textbuf_puts(b, "\" source=\"n");
    collab_i_textbuf_uint(b, from);
    collab_i_textbuf_puts(b, "\" target=\"n");
    collab_i_textbuf_uint(b, to);
    collab_i_textbuf_puts(b, "\"><data key=\"e_weight\">");
    collab_i_textbuf_double(b, weight);
    collab_i_textbuf_puts(b, "</data></edge>\n");
}

collab_status collab_i_export_graphml(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    (void)err;
    collab_i_meta m;
    collab_i_export_metadata(x, &m);
    graphml_keys(b, x, &m);
    collab_i_textbuf_printf(b, "  <graph id=\"G\" edgedefault=\"%s\">\n",
                            x->directed ? "directed" : "undirected");
    for (size_t i = 0; i < m.n; i++) {
        collab_i_textbuf_printf(b, "    <data key=\"g_%s\">", m.names[i]);
        collab_i_textbuf_xml(b, m.values[i]);
        collab_i_textbuf_puts(b, "</data>\n");
    }
    collab_i_export_items(b, x, x->n_vertices, COLLAB_I_EXPORT_NODE_BLOCK, graphml_node, NULL);
    collab_i_export_items(b, x, x->n_edges, COLLAB_I_EXPORT_EDGE_BLOCK, graphml_edge, NULL);
    collab_i_textbuf_puts(b, "  </graph>\n</graphml>\n");
    return COLLAB_OK;
}

/* ---- GEXF ------------------------------------------------------------------------------------ */

/* <meta>: who wrote it and a one-line description of what it holds. */
static void gexf_header(collab_i_textbuf *b, const collab_i_export *x)
{
    collab_i_meta m;
    collab_i_export_metadata(x, &m);
    collab_i_textbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                             "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"\n"
                             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                             "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
                             "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
                             "  <meta>\n    <creator>collab</creator>\n    <description>");
    for (size_t i = 0; i < m.n; i++) {
        collab_i_textbuf_printf(b, "%s%s: ", i > 0 ? "; " : "", m.names[i]);
        collab_i_textbuf_xml(b, m.values[i]);
    }
    collab_i_textbuf_puts(b, "</description>\n  </meta>\n");
    collab_i_textbuf_printf(b, "  <graph mode=\"static\" defaultedgetype=\"%s\">\n",
                            x->directed ? "directed" : "undirected");
    collab_i_textbuf_puts(b, "    <attributes class=\"node\">\n");
    for (size_t i = 0; i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        /* The name is the label; position, size and colour are viz elements. */
        if (field->id != COLLAB_I_NAME && !field->visual) {
            collab_i_textbuf_printf(b, "      <attribute id=\"%zu\" title=\"%s\" type=\"%s\"/>\n",
                                    i, field->name, xml_type(field->type));
        }
    }
    collab_i_textbuf_puts(b, "    </attributes>\n");
}

/* ` r="<0..255>"` of one colour component. */
static void gexf_component(collab_i_textbuf *b, const char *attribute, double c)
{
    collab_i_textbuf_puts(b, attribute);
    collab_i_textbuf_int(b, lround(fmin(fmax(c, 0), 1) * 255));
    collab_i_textbuf_putc(b, '"');
}

/* The viz elements of vertex `v`. Gephi's y axis points up and the page's down: y is negated
 * so that Gephi shows the map the right way up. */
static void gexf_viz(collab_i_textbuf *b, const collab_i_export *x, size_t v)
{
    const collab_export_input *in = x->in;
    if (in->radius != NULL && isfinite(in->radius[v])) {
        collab_i_textbuf_puts(b, "        <viz:size value=\"");
        collab_i_textbuf_double(b, in->radius[v]);
        collab_i_textbuf_puts(b, "\"/>\n");
    }
    if (in->x != NULL && in->y != NULL && isfinite(in->x[v]) && isfinite(in->y[v])) {
        collab_i_textbuf_puts(b, "        <viz:position x=\"");
        collab_i_textbuf_double(b, in->x[v]);
        collab_i_textbuf_puts(b, "\" y=\"");
        collab_i_textbuf_double(b, in->y[v] == 0 ? 0.0 : -in->y[v]);
        collab_i_textbuf_puts(b, "\" z=\"0.0\"/>\n");
    }
    if (in->color != NULL && isfinite(in->color[v].r)) { /* NaN: a node the map did not draw */
        collab_rgba c = in->color[v];
        gexf_component(b, "        <viz:color r=\"", c.r);
        gexf_component(b, " g=\"", c.g);
        gexf_component(b, " b=\"", c.b);
        collab_i_textbuf_puts(b, "/>\n");
    }
}

static void gexf_node(collab_i_textbuf *b, collab_i_export *x, size_t v, const void *ctx)
{
    (void)ctx;
    collab_i_textbuf_puts(b, "      <node id=\"");
    collab_i_textbuf_uint(b, v);
    collab_i_textbuf_puts(b, "\" label=\"");
    collab_i_textbuf_xml(b, collab_graph_name(x->in->graph, v));
    collab_i_textbuf_puts(b, "\">\n        <attvalues>\n");
    for (size_t i = 0; i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        if (field->id == COLLAB_I_NAME || field->visual) {
            continue;
        }
        collab_i_value value = collab_i_export_value(x, field, v);
        if (value.present) {
            collab_i_textbuf_puts(b, "          <attvalue for=\"");
            collab_i_textbuf_uint(b, i);
            collab_i_textbuf_puts(b, "\" value=\"");
            xml_value(b, field, &value);
            collab_i_textbuf_puts(b, "\"/>\n");
        }
    }
    collab_i_textbuf_puts(b, "        </attvalues>\n");
    gexf_viz(b, x, v);
    collab_i_textbuf_puts(b, "      </node>\n");
}

static void gexf_edge(collab_i_textbuf *b, collab_i_export *x, size_t e, const void *ctx)
{
    (void)ctx;
    size_t from, to;
    double weight;
    collab_i_export_edge(x, e, &from, &to, &weight);
    collab_i_textbuf_puts(b, "      <edge id=\"");
    collab_i_textbuf_uint(b, e);
    collab_i_textbuf_puts(b, "\" source=\"");
    collab_i_textbuf_uint(b, from);
    collab_i_textbuf_puts(b, "\" target=\"");
    collab_i_textbuf_uint(b, to);
    collab_i_textbuf_puts(b, "\" weight=\"");
    collab_i_textbuf_double(b, weight);
    collab_i_textbuf_puts(b, "\"/>\n");
}

collab_status collab_i_export_gexf(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    (void)err;
    gexf_header(b, x);
    collab_i_textbuf_puts(b, "    <nodes>\n");
    collab_i_export_items(b, x, x->n_vertices, COLLAB_I_EXPORT_NODE_BLOCK, gexf_node, NULL);
    collab_i_textbuf_puts(b, "    </nodes>\n    <edges>\n");
    collab_i_export_items(b, x, x->n_edges, COLLAB_I_EXPORT_EDGE_BLOCK, gexf_edge, NULL);
    collab_i_textbuf_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
    return COLLAB_OK;
}
