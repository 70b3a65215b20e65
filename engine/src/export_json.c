/* The JSON exports: node-link JSON (the layout d3-force, sigma.js and NetworkX's
 * node_link_graph read) and VOSviewer's JSON map format (VOSviewer Online).
 *
 * Both are streamed: the outer structure is written by hand, each node, item and link is a line
 * of collab_jsonline (jsonline_internal.h), and the few other objects (the graph metadata, each
 * VOSviewer cluster) are jansson objects dumped on their own line, all into the writer's text
 * buffer, so memory stays O(1) per element however large the graph; those two writers do all
 * the JSON string escaping. */
#include "collab/alloc.h"
#include "collab/numtext.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "jsonline_internal.h"

#define JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(17))

static collab_status json_failed(collab_error *err)
{
    /* jansson failed to allocate (running out of the text buffer's memory is reported by
     * collab_export_write). */
    return collab_error_set(err, COLLAB_E_NOMEM, "out of memory exporting the graph");
}

static int dump_to_textbuf(const char *buffer, size_t size, void *data)
{
    collab_i_textbuf_add(data, buffer, size);
    return 0;
}

/* Dumps `value` (taking the reference) after `indent`, with a comma unless it is the last. */
static bool dump_line(collab_i_textbuf *b, const char *indent, json_t *value, bool last)
{
    collab_i_textbuf_puts(b, indent);
    int rc = value != NULL ? json_dump_callback(value, dump_to_textbuf, b, JSON_FLAGS) : -1;
    json_decref(value);
    collab_i_textbuf_puts(b, last ? "\n" : ",\n");
    return rc == 0;
}

/* Sets o[key] = v, taking v; false when either is missing (out of memory) or the set fails. */
static bool put(json_t *o, const char *key, json_t *v)
{
    return json_object_set_new(o, key, v) == 0;
}

/* `o` when everything went into it, else NULL (freeing it). */
static json_t *complete(json_t *o, bool ok)
{
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The metadata as an object, numbers typed. */
static json_t *metadata_json(const collab_i_export *x)
{
    collab_i_meta m;
    collab_i_export_metadata(x, &m);
    json_t *o = json_object();
    bool ok = o != NULL;
    for (size_t i = 0; ok && i < m.n; i++) {
        json_t *v = m.types[i] == COLLAB_I_INT    ? json_integer(strtoll(m.values[i], NULL, 10))
                    : m.types[i] == COLLAB_I_REAL ? json_real(strtod(m.values[i], NULL))
                                                  : json_string(m.values[i]);
        ok = put(o, m.names[i], v);
    }
    return complete(o, ok);
}

/* "roles": {"producer": 12, "mixer": 3}, most credited first. */
static void roles_json(collab_jsonline *j, const collab_i_export *x, size_t v)
{
    collab_jsonline_begin_object(j);
    for (size_t k = x->facts->first_role[v]; k < x->facts->first_role[v + 1]; k++) {
        const collab_role_count *rc = &x->facts->role_counts[k];
        collab_jsonline_key(j, collab_names_get(&x->in->list->roles, rc->role));
        collab_jsonline_int(j, rc->count);
    }
    collab_jsonline_end_object(j);
}

static void value_json(collab_jsonline *j, const collab_i_field *field, const collab_i_value *v)
{
    switch (field->type) {
    case COLLAB_I_TEXT:
        collab_jsonline_string(j, v->s);
        return;
    case COLLAB_I_INT:
        collab_jsonline_int(j, v->i);
        return;
    case COLLAB_I_REAL:
        collab_jsonline_real(j, v->d);
        return;
    }
    collab_jsonline_null(j);
}

static void node_json(collab_jsonline *j, collab_i_export *x, size_t v)
{
    collab_jsonline_begin_object(j);
    collab_jsonline_key(j, "id");
    collab_jsonline_int(j, (long long)v);
    for (size_t i = 0; i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        if (field->id == COLLAB_I_R || field->id == COLLAB_I_G || field->id == COLLAB_I_B) {
            continue; /* "color" says it once */
        }
        collab_i_value value = collab_i_export_value(x, field, v);
        if (!value.present) {
            continue;
        }
        collab_jsonline_key(j, field->name);
        if (field->id == COLLAB_I_ROLES) {
            roles_json(j, x, v);
        } else {
            value_json(j, field, &value);
        }
    }
    collab_jsonline_end_object(j);
}

/* What every link line shares: its indent and the three keys' texts, written as the jsonline
 * writer would ({"source":0,"target":1,"weight":1.0}) without escaping the same three keys for
 * every edge. */
typedef struct link_text {
    const char *indent;
    size_t indent_len;
    char head[3][40];
    size_t head_len[3];
    size_t id_base; /* added to each end's vertex id */
} link_text;

static void link_json(collab_i_textbuf *b, collab_i_export *x, size_t e, const void *ctx)
{
    const link_text *t = ctx;
    size_t from, to;
    double weight;
    collab_i_export_edge(x, e, &from, &to, &weight);
    collab_i_textbuf_add(b, t->indent, t->indent_len);
    collab_i_textbuf_add(b, t->head[0], t->head_len[0]);
    collab_i_textbuf_uint(b, from + t->id_base);
    collab_i_textbuf_add(b, t->head[1], t->head_len[1]);
    collab_i_textbuf_uint(b, to + t->id_base);
    collab_i_textbuf_add(b, t->head[2], t->head_len[2]);
    if (isfinite(weight)) {
        collab_i_textbuf_real(b, weight);
    } else {
        collab_i_textbuf_add(b, "null", 4);
    }
    collab_i_textbuf_add(b, e + 1 == x->n_edges ? "}\n" : "},\n", e + 1 == x->n_edges ? 2 : 3);
}

/* {"<from>": i, "<to>": j, "<weight>": w} of every edge, a line each. */
static void links_json(collab_i_textbuf *b, collab_i_export *x, const char *indent,
                       const char *keys[3], size_t id_base)
{
    link_text t = {.indent = indent, .indent_len = strlen(indent), .id_base = id_base};
    for (int k = 0; k < 3; k++) {
        int n = snprintf(t.head[k], sizeof t.head[k], "%s\"%s\":", k == 0 ? "{" : ",", keys[k]);
        t.head_len[k] = n > 0 && (size_t)n < sizeof t.head[k] ? (size_t)n : 0;
    }
    collab_i_export_items(b, x, x->n_edges, COLLAB_I_EXPORT_EDGE_BLOCK, link_json, &t);
}

/* A node's line of the node-link JSON, its comma included. */
static void node_line(collab_i_textbuf *b, collab_i_export *x, size_t v, const void *ctx)
{
    (void)ctx;
    collab_jsonline j;
    collab_jsonline_init(&j, b);
    collab_i_textbuf_puts(b, "    ");
    node_json(&j, x, v);
    collab_jsonline_end(&j);
    collab_i_textbuf_puts(b, v + 1 == x->n_vertices ? "\n" : ",\n");
}

collab_status collab_i_export_json(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    collab_i_textbuf_printf(b, "{\n  \"directed\": %s,\n  \"multigraph\": false,\n  \"graph\": ",
                            x->directed ? "true" : "false");
    bool ok = dump_line(b, "", metadata_json(x), false);
    collab_i_textbuf_puts(b, "  \"nodes\": [\n");
    if (ok) {
        collab_i_export_items(b, x, x->n_vertices, COLLAB_I_EXPORT_NODE_BLOCK, node_line, NULL);
    }
    collab_i_textbuf_puts(b, "  ],\n  \"links\": [\n");
    static const char *keys[3] = {"source", "target", "weight"};
    links_json(b, x, "    ", keys, 0);
    collab_i_textbuf_puts(b, "  ]\n}\n");
    return ok ? COLLAB_OK : json_failed(err);
}

/* ---- VOSviewer ------------------------------------------------------------------------------ */

/* VOSviewer numbers clusters from 1 to 1000; items of later communities get none (grey). */
#define VOS_MAX_CLUSTERS 1000

/* A string VOSviewer Online shows as HTML (labels, descriptions): escaped as XML text, into
 * `scratch` (a text buffer without a stream). */
static const char *html_escaped(const char *s, collab_i_textbuf *scratch)
{
    scratch->len = 0;
    collab_i_textbuf_xml(scratch, s);
    return collab_i_textbuf_cstr(scratch);
}

static json_t *html_string(const char *s, collab_i_textbuf *scratch)
{
    return json_string(html_escaped(s, scratch));
}

/* The same, straight into a line. */
static void html_text(collab_jsonline *j, const char *s, collab_i_textbuf *scratch)
{
    collab_jsonline_string(j, html_escaped(s, scratch));
}

/* "person; 12 credits; 1997-2010; producer (8); mixer (4)" for the item's tooltip, composed in
 * `text` and escaped in `scratch` (both reused from item to item: nothing allocated per item). */
static void description(collab_jsonline *j, collab_i_export *x, size_t v, collab_i_textbuf *text,
                        collab_i_textbuf *scratch)
{
    const collab_credit_facts *f = x->facts;
    text->len = 0;
    collab_i_textbuf_puts(text, x->in->graph->is_project[v] ? "project; " : "person; ");
    collab_i_textbuf_uint(text, f->n_credits[v]);
    collab_i_textbuf_puts(text, f->n_credits[v] == 1 ? " credit" : " credits");
    if (f->year_first[v] != 0) {
        collab_i_textbuf_add(text, "; ", 2);
        collab_i_textbuf_int(text, f->year_first[v]);
        if (f->year_last[v] != f->year_first[v]) {
            collab_i_textbuf_putc(text, '-');
            collab_i_textbuf_int(text, f->year_last[v]);
        }
    }
    const char *roles = f->roles_pool != NULL ? f->roles_pool + f->roles_offset[v] : "";
    if (roles[0] != '\0') {
        collab_i_textbuf_add(text, "; ", 2);
        collab_i_textbuf_puts(text, roles);
    }
    html_text(j, collab_i_textbuf_cstr(text), scratch);
}

/* Each metric's text, formatted for the weights and copied into the scores. */
typedef struct vos_numbers {
    char text[COLLAB_I_MAX_FIELDS][COLLAB_NUMTEXT_MAX]; /* per field: its value as a real */
    size_t len[COLLAB_I_MAX_FIELDS];                    /* its length */
} vos_numbers;

/* Every metric as a weight (a size VOSviewer can scale items by; all are >= 0) or as a score
 * (a value it can colour them by): the metrics are both, the credit count a weight, the years
 * scores. The weights come first and keep the metrics' texts in `numbers` for the scores. */
static void weights_or_scores(collab_jsonline *j, collab_i_export *x, size_t v, bool weights,
                              vos_numbers *numbers)
{
    collab_jsonline_begin_object(j);
    for (size_t i = 0; i < x->n_fields; i++) {
        const collab_i_field *field = &x->fields[i];
        bool year = field->id == COLLAB_I_YEAR_FIRST || field->id == COLLAB_I_YEAR_LAST;
        bool metric = field->id == COLLAB_I_METRIC;
        bool wanted = metric || (weights ? field->id == COLLAB_I_CREDITS
                                         : year || field->id == COLLAB_I_YEAR_MEAN);
        if (!wanted) {
            continue;
        }
        collab_i_value value = collab_i_export_value(x, field, v);
        if (!value.present) {
            continue;
        }
        collab_jsonline_key(j, field->name);
        if (field->id == COLLAB_I_CREDITS || year) {
            collab_jsonline_int(j, value.i);
        } else if (metric) {
            if (weights) {
                numbers->len[i] = collab_numtext_real(value.d, numbers->text[i]);
            }
            collab_jsonline_number(j, numbers->text[i], numbers->len[i]);
        } else {
            collab_jsonline_real(j, value.d);
        }
    }
    collab_jsonline_end_object(j);
}

static void item_json(collab_jsonline *j, collab_i_export *x, size_t v, collab_i_textbuf *text,
                      collab_i_textbuf *scratch)
{
    const collab_export_input *in = x->in;
    collab_jsonline_begin_object(j);
    collab_jsonline_key(j, "id");
    collab_jsonline_int(j, (long long)v + 1);
    collab_jsonline_key(j, "label");
    html_text(j, collab_graph_name(in->graph, v), scratch);
    if (x->credits) {
        collab_jsonline_key(j, "description");
        description(j, x, v, text, scratch);
    }
    if (in->x != NULL && in->y != NULL && isfinite(in->x[v]) && isfinite(in->y[v])) {
        /* VOSviewer's y axis points up, the page's down. */
        collab_jsonline_key(j, "x");
        collab_jsonline_real(j, in->x[v]);
        collab_jsonline_key(j, "y");
        collab_jsonline_real(j, in->y[v] == 0 ? 0.0 : -in->y[v]);
    }
    if (in->partition != NULL && in->partition->membership[v] < VOS_MAX_CLUSTERS) {
        collab_jsonline_key(j, "cluster");
        collab_jsonline_int(j, (long long)in->partition->membership[v] + 1);
    }
    vos_numbers numbers;
    collab_jsonline_key(j, "weights");
    weights_or_scores(j, x, v, true, &numbers);
    collab_jsonline_key(j, "scores");
    weights_or_scores(j, x, v, false, &numbers);
    collab_jsonline_end_object(j);
}

/* Each community's label: its three members of highest strength (degree without strength),
 * ties by lower id, as in the legend of `collab map`. `top` holds 3 per community. */
static void cluster_members(const collab_i_export *x, uint32_t *top, uint8_t *count)
{
    const collab_partition *p = x->in->partition;
    const collab_metrics *m = x->in->metrics;
    const double *rank = m == NULL ? NULL
                         : m->values[COLLAB_METRIC_STRENGTH] != NULL
                             ? m->values[COLLAB_METRIC_STRENGTH]
                             : m->values[COLLAB_METRIC_DEGREE];
    for (size_t v = 0; v < x->n_vertices; v++) {
        uint32_t c = p->membership[v];
        if (c >= VOS_MAX_CLUSTERS) {
            continue;
        }
        uint32_t *t = top + 3 * (size_t)c;
        size_t pos = count[c];
        while (pos > 0 && rank != NULL && rank[t[pos - 1]] < rank[v]) {
            if (pos < 3) {
                t[pos] = t[pos - 1];
            }
            pos--;
        }
        if (pos < 3) {
            t[pos] = (uint32_t)v;
            count[c] = count[c] < 3 ? (uint8_t)(count[c] + 1) : 3;
        }
    }
}

static json_t *cluster_json(const collab_i_export *x, size_t c, const uint32_t *top, size_t count,
                            collab_i_textbuf *scratch)
{
    size_t len = 1;
    for (size_t i = 0; i < count; i++) {
        len += strlen(collab_graph_name(x->in->graph, top[i])) + 2;
    }
    char *label = collab_malloc(len);
    if (label == NULL) {
        return NULL;
    }
    label[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        strcat(label, i > 0 ? ", " : "");
        strcat(label, collab_graph_name(x->in->graph, top[i]));
    }
    json_t *o = json_object();
    bool ok = put(o, "cluster", json_integer((json_int_t)c + 1)) &&
              put(o, "label", html_string(label, scratch));
    collab_free(label);
    return complete(o, ok);
}

static bool vos_clusters(collab_i_textbuf *b, const collab_i_export *x, collab_i_textbuf *scratch)
{
    const collab_partition *p = x->in->partition;
    size_t k = p->n_communities < VOS_MAX_CLUSTERS ? p->n_communities : VOS_MAX_CLUSTERS;
    uint32_t *top = collab_alloc_array(3 * k + 1, sizeof *top);
    uint8_t *count = collab_calloc_array(k + 1, 1);
    bool ok = top != NULL && count != NULL;
    if (ok) {
        cluster_members(x, top, count);
    }
    for (size_t c = 0; ok && c < k; c++) {
        ok = dump_line(b, "      ", cluster_json(x, c, top + 3 * c, count[c], scratch), c + 1 == k);
    }
    collab_free(top);
    collab_free(count);
    return ok;
}

/* An item's line of the VOSviewer JSON, its comma included. */
static void item_line(collab_i_textbuf *b, collab_i_export *x, size_t v, const void *ctx)
{
    (void)ctx;
    collab_jsonline j;
    collab_jsonline_init(&j, b);
    collab_i_textbuf_puts(b, "      ");
    item_json(&j, x, v, &x->text, &x->scratch);
    collab_jsonline_end(&j);
    collab_i_textbuf_puts(b, v + 1 == x->n_vertices ? "\n" : ",\n");
}

collab_status collab_i_export_vosviewer(collab_i_textbuf *b, collab_i_export *x, collab_error *err)
{
    collab_i_textbuf scratch;
    collab_i_textbuf_init(&scratch, NULL);
    collab_i_textbuf_puts(b, "{\n  \"network\": {\n    \"items\": [\n");
    bool ok =
        collab_i_export_items(b, x, x->n_vertices, COLLAB_I_EXPORT_NODE_BLOCK, item_line, NULL);
    collab_i_textbuf_puts(b, "    ],\n    \"links\": [\n");
    static const char *keys[3] = {"source_id", "target_id", "strength"};
    links_json(b, x, "      ", keys, 1);
    collab_i_textbuf_puts(b, "    ]");
    if (ok && x->in->partition != NULL) {
        collab_i_textbuf_puts(b, ",\n    \"clusters\": [\n");
        ok = vos_clusters(b, x, &scratch);
        collab_i_textbuf_puts(b, "    ]");
    }
    collab_i_textbuf_puts(b, "\n  }\n}\n");
    /* the scratch's running out of memory is the export's */
    if (!collab_i_textbuf_finish(&scratch)) {
        b->failed = true;
    }
    return ok ? COLLAB_OK : json_failed(err);
}
