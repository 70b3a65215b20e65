/* The line-oriented exports: GML (igraph, NetworkX, Cytoscape, yEd) and the CSV node and edge
 * tables for spreadsheets. */
#include "collab/alloc.h"
#include "collab/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

static collab_status nomem(collab_error *err)
{
    return collab_error_set(err, COLLAB_E_NOMEM, "out of memory exporting the graph");
}

/* Writes `s` as a quoted GML string; false when out of memory. */
static bool gml_string(FILE *f, const char *s, collab_i_scratch *scratch)
{
    const char *escaped = collab_i_gml_escape(s, scratch);
    if (escaped == NULL) {
        return false;
    }
    fputc('"', f);
    fputs(escaped, f);
    fputc('"', f);
    return true;
}

/* One `key value` line of a GML list; false when out of memory. */
static bool gml_pair(FILE *f, const char *indent, const char *key, collab_i_field_type type,
                     const collab_i_value *v, collab_i_scratch *scratch)
{
    fputs(indent, f);
    fputs(key, f);
    fputc(' ', f);
    bool ok = true;
    if (type == COLLAB_I_TEXT) {
        ok = gml_string(f, v->s, scratch);
    } else if (type == COLLAB_I_INT) {
        collab_numtext_put_int(f, v->i);
    } else {
        collab_i_put_real(f, "", v->d, true, "");
    }
    fputc('\n', f);
    return ok;
}

/* The graphics block Cytoscape and yEd read: centre, box of the disc, fill. */
static void gml_graphics(FILE *f, const collab_i_export *x, size_t v)
{
    const collab_export_input *in = x->in;
    if (in->x == NULL || in->y == NULL || !isfinite(in->x[v]) || !isfinite(in->y[v])) {
        return;
    }
    collab_i_put_real(f, "    graphics [\n      x ", in->x[v], true, "\n");
    collab_i_put_real(f, "      y ", in->y[v], true, "\n");
    if (in->radius != NULL && isfinite(in->radius[v])) {
        collab_i_put_real(f, "      w ", 2 * in->radius[v], true, "\n");
        collab_i_put_real(f, "      h ", 2 * in->radius[v], true, "\n      type \"ellipse\"\n");
    }
    if (in->color != NULL) {
        char hex[8];
        collab_rgba_hex(in->color[v], hex);
        fputs("      fill \"", f);
        fputs(hex, f);
        fputs("\"\n", f);
    }
    fputs("    ]\n", f);
}

static bool gml_node(FILE *f, collab_i_export *x, size_t v, collab_i_scratch *scratch)
{
    fputs("  node [\n    id ", f);
    collab_numtext_put_uint(f, v);
    fputc('\n', f);
    bool ok = true;
    for (size_t i = 0; ok && i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        collab_i_value value = collab_i_export_value(x, field, v);
        /* The name is the label: NetworkX keys nodes by it, igraph and Cytoscape show it. */
        const char *key = field->id == COLLAB_I_NAME ? "label" : field->name;
        if (value.present) {
            ok = gml_pair(f, "    ", key, field->type, &value, scratch);
        }
    }
    gml_graphics(f, x, v);
    fputs("  ]\n", f);
    return ok;
}

collab_status collab_i_export_gml(FILE *f, collab_i_export *x, collab_error *err)
{
    collab_i_meta m;
    collab_i_export_metadata(x, &m);
    collab_i_scratch scratch = {0};
    fprintf(f, "graph [\n  directed %d\n", x->directed ? 1 : 0);
    bool ok = true;
    for (size_t i = 0; ok && i < m.n; i++) {
        collab_i_value value = {true, 0, 0, m.values[i]};
        if (m.types[i] == COLLAB_I_INT) {
            value.i = strtoll(m.values[i], NULL, 10);
        } else if (m.types[i] == COLLAB_I_REAL) {
            value.d = strtod(m.values[i], NULL);
        }
        ok = gml_pair(f, "  ", m.names[i], m.types[i], &value, &scratch);
    }
    for (size_t v = 0; ok && v < x->n_vertices; v++) {
        ok = gml_node(f, x, v, &scratch);
    }
    for (size_t e = 0; ok && e < x->n_edges; e++) {
        size_t from, to;
        double weight;
        collab_i_export_edge(x, e, &from, &to, &weight);
        fputs("  edge [\n    source ", f);
        collab_numtext_put_uint(f, from);
        fputs("\n    target ", f);
        collab_numtext_put_uint(f, to);
        collab_i_put_real(f, "\n    weight ", weight, true, "\n  ]\n");
    }
    fputs("]\n", f);
    collab_free(scratch.data);
    return ok ? COLLAB_OK : nomem(err);
}

/* ---- CSV --------------------------------------------------------------------------------- */

collab_status collab_i_export_csv_nodes(FILE *f, collab_i_export *x, collab_error *err)
{
    (void)err;
    fputs("id", f);
    for (size_t i = 0; i < x->n_fields; i++) {
        fprintf(f, ",%s", x->fields[i].name);
    }
    fputc('\n', f);
    for (size_t v = 0; v < x->n_vertices; v++) {
        collab_numtext_put_uint(f, v);
        for (size_t i = 0; i < x->n_fields; i++) {
            const collab_i_field *field = &x->fields[i];
            collab_i_value value = collab_i_export_value(x, field, v);
            fputc(',', f);
            if (!value.present) {
                continue; /* an empty cell: no value */
            }
            if (field->type == COLLAB_I_TEXT) {
                collab_report_csv_field(f, value.s);
            } else if (field->type == COLLAB_I_INT) {
                collab_numtext_put_int(f, value.i);
            } else {
                collab_i_put_real(f, "", value.d, false, "");
            }
        }
        fputc('\n', f);
    }
    return COLLAB_OK;
}

collab_status collab_i_export_csv_edges(FILE *f, collab_i_export *x, collab_error *err)
{
    (void)err;
    const collab_graph *g = x->in->graph;
    fputs("source_id,target_id,source,target,weight\n", f);
    for (size_t e = 0; e < x->n_edges; e++) {
        size_t from, to;
        double weight;
        collab_i_export_edge(x, e, &from, &to, &weight);
        collab_numtext_put_uint(f, from);
        fputc(',', f);
        collab_numtext_put_uint(f, to);
        fputc(',', f);
        collab_report_csv_field(f, collab_graph_name(g, from));
        fputc(',', f);
        collab_report_csv_field(f, collab_graph_name(g, to));
        collab_i_put_real(f, ",", weight, false, "\n");
    }
    return COLLAB_OK;
}
