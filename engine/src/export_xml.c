/* The XML exports: GraphML (every attribute declared as a <key>, for Cytoscape, yEd, igraph and
 * NetworkX) and GEXF 1.2draft with the viz extension (Gephi), whose nodes carry the position,
 * size and colour of the map so that Gephi opens the network as collab drew it. GEXF 1.2draft
 * rather than 1.3 because NetworkX reads only the drafts, and Gephi reads both. */
#include "collab/alloc.h"

#include <math.h>
#include <string.h>

#include "export_internal.h"

static collab_status nomem(collab_error *err)
{
    return collab_error_set(err, COLLAB_E_NOMEM, "out of memory exporting the graph");
}

/* Writes `s` escaped for XML; false when out of memory. */
static bool xml_text(FILE *f, const char *s, collab_i_scratch *scratch)
{
    const char *escaped = collab_i_xml_escape(s, scratch);
    if (escaped == NULL) {
        return false;
    }
    fputs(escaped, f);
    return true;
}

/* Writes a present value as XML text; false when out of memory. */
static bool xml_value(FILE *f, const collab_i_field *field, const collab_i_value *v,
                      collab_i_scratch *scratch)
{
    switch (field->type) {
    case COLLAB_I_TEXT:
        return xml_text(f, v->s, scratch);
    case COLLAB_I_INT:
        collab_numtext_put_int(f, v->i);
        return true;
    case COLLAB_I_REAL:
        collab_numtext_put_double(f, v->d);
        return true;
    }
    return true;
}

static const char *graphml_type(collab_i_field_type type)
{
    return type == COLLAB_I_TEXT ? "string" : type == COLLAB_I_INT ? "long" : "double";
}

static void graphml_keys(FILE *f, const collab_i_export *x, const collab_i_meta *m)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          f);
    for (size_t i = 0; i < m->n; i++) {
        fprintf(f, "  <key id=\"g_%s\" for=\"graph\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                m->names[i], m->names[i], graphml_type(m->types[i]));
    }
    for (size_t i = 0; i < x->n_fields; i++) {
        fprintf(f, "  <key id=\"v_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                x->fields[i].name, x->fields[i].name, graphml_type(x->fields[i].type));
    }
    fputs("  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n", f);
}

collab_status collab_i_export_graphml(FILE *f, collab_i_export *x, collab_error *err)
{
    collab_i_meta m;
    collab_i_export_metadata(x, &m);
    collab_i_scratch scratch = {0};
    bool ok = true;
    graphml_keys(f, x, &m);
    fprintf(f, "  <graph id=\"G\" edgedefault=\"%s\">\n", x->directed ? "directed" : "undirected");
    for (size_t i = 0; ok && i < m.n; i++) {
        fprintf(f, "    <data key=\"g_%s\">", m.names[i]);
        ok = xml_text(f, m.values[i], &scratch);
        fputs("</data>\n", f);
    }
    for (size_t v = 0; ok && v < x->n_vertices; v++) {
        fputs("    <node id=\"n", f);
        collab_numtext_put_uint(f, v);
        fputs("\">\n", f);
        for (size_t i = 0; ok && i < x->n_fields; i++) {
            const collab_i_field *field = &x->fields[i];
            collab_i_value value = collab_i_export_value(x, field, v);
            if (value.present) {
                fputs("      <data key=\"v_", f);
                fputs(field->name, f);
                fputs("\">", f);
                ok = xml_value(f, field, &value, &scratch);
                fputs("</data>\n", f);
            }
        }
        fputs("    </node>\n", f);
    }
    for (size_t e = 0; ok && e < x->n_edges; e++) {
        size_t from, to;
        double weight;
        collab_i_export_edge(x, e, &from, &to, &weight);
        fputs("    <edge id=\"e", f);
        collab_numtext_put_uint(f, e);
        fputs("\" source=\"n", f);
        collab_numtext_put_uint(f, from);
        fputs("\" target=\"n", f);
        collab_numtext_put_uint(f, to);
        collab_i_put_real(f, "\"><data key=\"e_weight\">", weight, false, "</data></edge>\n");
    }
    fputs("  </graph>\n</graphml>\n", f);
    collab_free(scratch.data);
    return ok ? COLLAB_OK : nomem(err);
}

/* ---- GEXF ------------------------------------------------------------------------------------ */

static const char *gexf_type(collab_i_field_type type)
{
    return type == COLLAB_I_TEXT ? "string" : type == COLLAB_I_INT ? "long" : "double";
}

/* <meta>: who wrote it and a one-line description of what it holds. */
static bool gexf_header(FILE *f, const collab_i_export *x, collab_i_scratch *scratch)
{
    collab_i_meta m;
    collab_i_export_metadata(x, &m);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
          "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
          "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
          "  <meta>\n    <creator>collab</creator>\n    <description>",
          f);
    bool ok = true;
    for (size_t i = 0; ok && i < m.n; i++) {
        fprintf(f, "%s%s: ", i > 0 ? "; " : "", m.names[i]);
        ok = xml_text(f, m.values[i], scratch);
    }
    fputs("</description>\n  </meta>\n", f);
    fprintf(f, "  <graph mode=\"static\" defaultedgetype=\"%s\">\n",
            x->directed ? "directed" : "undirected");
    fputs("    <attributes class=\"node\">\n", f);
    for (size_t i = 0; i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        /* The name is the label; position, size and colour are viz elements. */
        if (field->id != COLLAB_I_NAME && !field->visual) {
            fprintf(f, "      <attribute id=\"%zu\" title=\"%s\" type=\"%s\"/>\n", i, field->name,
                    gexf_type(field->type));
        }
    }
    fputs("    </attributes>\n", f);
    return ok;
}

/* The viz elements of vertex `v`. Gephi's y axis points up and the page's down: y is negated
 * so that Gephi shows the map the right way up. */
static void gexf_viz(FILE *f, const collab_i_export *x, size_t v)
{
    const collab_export_input *in = x->in;
    if (in->radius != NULL && isfinite(in->radius[v])) {
        collab_i_put_real(f, "        <viz:size value=\"", in->radius[v], false, "\"/>\n");
    }
    if (in->x != NULL && in->y != NULL && isfinite(in->x[v]) && isfinite(in->y[v])) {
        collab_i_put_real(f, "        <viz:position x=\"", in->x[v], false, "\"");
        collab_i_put_real(f, " y=\"", in->y[v] == 0 ? 0.0 : -in->y[v], false, "\" z=\"0.0\"/>\n");
    }
    if (in->color != NULL && isfinite(in->color[v].r)) { /* NaN: a node the map did not draw */
        collab_rgba c = in->color[v];
        fputs("        <viz:color r=\"", f);
        collab_numtext_put_int(f, lround(fmin(fmax(c.r, 0), 1) * 255));
        fputs("\" g=\"", f);
        collab_numtext_put_int(f, lround(fmin(fmax(c.g, 0), 1) * 255));
        fputs("\" b=\"", f);
        collab_numtext_put_int(f, lround(fmin(fmax(c.b, 0), 1) * 255));
        fputs("\"/>\n", f);
    }
}

static bool gexf_node(FILE *f, collab_i_export *x, size_t v, collab_i_scratch *scratch)
{
    fputs("      <node id=\"", f);
    collab_numtext_put_uint(f, v);
    fputs("\" label=\"", f);
    bool ok = xml_text(f, collab_graph_name(x->in->graph, v), scratch);
    fputs("\">\n        <attvalues>\n", f);
    for (size_t i = 0; ok && i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        if (field->id == COLLAB_I_NAME || field->visual) {
            continue;
        }
        collab_i_value value = collab_i_export_value(x, field, v);
        if (value.present) {
            fputs("          <attvalue for=\"", f);
            collab_numtext_put_uint(f, i);
            fputs("\" value=\"", f);
            ok = xml_value(f, field, &value, scratch);
            fputs("\"/>\n", f);
        }
    }
    fputs("        </attvalues>\n", f);
    gexf_viz(f, x, v);
    fputs("      </node>\n", f);
    return ok;
}

collab_status collab_i_export_gexf(FILE *f, collab_i_export *x, collab_error *err)
{
    collab_i_scratch scratch = {0};
    bool ok = gexf_header(f, x, &scratch);
    fputs("    <nodes>\n", f);
    for (size_t v = 0; ok && v < x->n_vertices; v++) {
        ok = gexf_node(f, x, v, &scratch);
    }
    fputs("    </nodes>\n    <edges>\n", f);
    for (size_t e = 0; ok && e < x->n_edges; e++) {
        size_t from, to;
        double weight;
        collab_i_export_edge(x, e, &from, &to, &weight);
        fputs("      <edge id=\"", f);
        collab_numtext_put_uint(f, e);
        fputs("\" source=\"", f);
        collab_numtext_put_uint(f, from);
        fputs("\" target=\"", f);
        collab_numtext_put_uint(f, to);
        collab_i_put_real(f, "\" weight=\"", weight, false, "\"/>\n");
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
    collab_free(scratch.data);
    return ok ? COLLAB_OK : nomem(err);
}
