/* Readers of the export formats for test_export.c: each parses a whole export into one shape,
 * nodes as (key, value) text pairs and edges as (source index, target index, weight), so one set
 * of expectations can be checked in every format. They use parsers the writers do not: GLib's
 * GMarkup for GraphML and GEXF, jansson for the two JSON formats, libcsv for the CSV tables and a
 * small reader of GML's key-value lists written here. Malformed input fails the test. */
#ifndef COLLAB_TEST_EXPORT_READ_H
#define COLLAB_TEST_EXPORT_READ_H

#include <glib.h>
#include <jansson.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <csv.h>

#define RD_MAX_NODES 16
#define RD_MAX_EDGES 16
#define RD_MAX_ATTRS 64

typedef struct rd_node {
    char *key[RD_MAX_ATTRS];   /* attribute names (owned) */
    char *value[RD_MAX_ATTRS]; /* their values as text (owned) */
    size_t n;                  /* attributes */
} rd_node;

typedef struct rd_edge {
    long source, target; /* node indices, 0-based */
    double weight;       /* the edge weight */
} rd_edge;

typedef struct rd_graph {
    rd_node nodes[RD_MAX_NODES]; /* in file order */
    size_t n_nodes;
    rd_edge edges[RD_MAX_EDGES]; /* in file order */
    size_t n_edges;
} rd_graph;

static void rd_free(rd_graph *g)
{
    for (size_t v = 0; v < g->n_nodes; v++) {
        for (size_t i = 0; i < g->nodes[v].n; i++) {
            free(g->nodes[v].key[i]);
            free(g->nodes[v].value[i]);
        }
    }
    memset(g, 0, sizeof *g);
}

static rd_node *rd_new_node(rd_graph *g)
{
    assert_true(g->n_nodes < RD_MAX_NODES);
    return &g->nodes[g->n_nodes++];
}

static rd_edge *rd_new_edge(rd_graph *g)
{
    assert_true(g->n_edges < RD_MAX_EDGES);
    rd_edge *e = &g->edges[g->n_edges++];
    e->source = e->target = -1;
    e->weight = NAN;
    return e;
}

/* Adds key = value to `n`; a key given twice fails (every format names an attribute once). */
static void rd_put(rd_node *n, const char *key, const char *value)
{
    for (size_t i = 0; i < n->n; i++) {
        if (strcmp(n->key[i], key) == 0) {
            fail_msg("attribute '%s' given twice", key);
        }
    }
    assert_true(n->n < RD_MAX_ATTRS);
    n->key[n->n] = strdup(key);
    n->value[n->n] = strdup(value);
    assert_non_null(n->key[n->n]);
    assert_non_null(n->value[n->n]);
    n->n++;
}

/* The value of `key`, or NULL when the node lacks it. */
static const char *rd_get(const rd_node *n, const char *key)
{
    for (size_t i = 0; i < n->n; i++) {
        if (strcmp(n->key[i], key) == 0) {
            return n->value[i];
        }
    }
    return NULL;
}

/* A whole decimal number, or fails. */
static double rd_number(const char *text)
{
    char *end = NULL;
    double d = strtod(text, &end);
    if (end == text || *end != '\0') {
        fail_msg("'%s' is not a number", text);
    }
    return d;
}

/* ---- GraphML and GEXF, through GMarkup ---------------------------------------------------- */

typedef struct rd_xml {
    rd_graph *g;
    rd_node *node;                  /* the node being read, or NULL */
    rd_edge *edge;                  /* the edge being read, or NULL */
    char key[64];                   /* GraphML: the key of the <data> being read, "" when none */
    GString *text;                  /* its text */
    char *gexf_title[RD_MAX_ATTRS]; /* GEXF: node attribute titles by id */
    bool gexf_node_attributes;      /* inside <attributes class="node"> */
} rd_xml;

static const char *rd_attr(const char **names, const char **values, const char *name)
{
    for (size_t i = 0; names[i] != NULL; i++) {
        if (strcmp(names[i], name) == 0) {
            return values[i];
        }
    }
    return NULL;
}

static const char *rd_need(const char **names, const char **values, const char *name)
{
    const char *v = rd_attr(names, values, name);
    if (v == NULL) {
        fail_msg("element without attribute '%s'", name);
    }
    return v;
}

/* GraphML node ids are "n<index>". */
static long rd_graphml_id(const char *id)
{
    assert_true(id[0] == 'n');
    return (long)rd_number(id + 1);
}

static void rd_graphml_start(GMarkupParseContext *ctx, const char *element, const char **names,
                             const char **values, gpointer data, GError **error)
{
    (void)ctx;
    (void)error;
    rd_xml *x = data;
    if (strcmp(element, "node") == 0) {
        x->node = rd_new_node(x->g);
        assert_int_equal(rd_graphml_id(rd_need(names, values, "id")), (long)x->g->n_nodes - 1);
    } else if (strcmp(element, "edge") == 0) {
        x->edge = rd_new_edge(x->g);
        x->edge->source = rd_graphml_id(rd_need(names, values, "source"));
        x->edge->target = rd_graphml_id(rd_need(names, values, "target"));
    } else if (strcmp(element, "data") == 0) {
        snprintf(x->key, sizeof x->key, "%s", rd_need(names, values, "key"));
        g_string_truncate(x->text, 0);
    }
}

static void rd_graphml_end(GMarkupParseContext *ctx, const char *element, gpointer data,
                           GError **error)
{
    (void)ctx;
    (void)error;
    rd_xml *x = data;
    if (strcmp(element, "node") == 0) {
        x->node = NULL;
    } else if (strcmp(element, "edge") == 0) {
        x->edge = NULL;
    } else if (strcmp(element, "data") == 0) {
        if (x->node != NULL && strncmp(x->key, "v_", 2) == 0) {
            rd_put(x->node, x->key + 2, x->text->str);
        } else if (x->edge != NULL && strcmp(x->key, "e_weight") == 0) {
            x->edge->weight = rd_number(x->text->str);
        }
        x->key[0] = '\0';
    }
}

static void rd_xml_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
                        GError **error)
{
    (void)ctx;
    (void)error;
    rd_xml *x = data;
    if (x->key[0] != '\0') {
        g_string_append_len(x->text, text, (gssize)len);
    }
}

static void rd_gexf_start(GMarkupParseContext *ctx, const char *element, const char **names,
                          const char **values, gpointer data, GError **error)
{
    (void)ctx;
    (void)error;
    rd_xml *x = data;
    char buf[64];
    if (strcmp(element, "attributes") == 0) {
        x->gexf_node_attributes = strcmp(rd_need(names, values, "class"), "node") == 0;
    } else if (strcmp(element, "attribute") == 0 && x->gexf_node_attributes) {
        long id = (long)rd_number(rd_need(names, values, "id"));
        assert_true(id >= 0 && id < RD_MAX_ATTRS && x->gexf_title[id] == NULL);
        x->gexf_title[id] = strdup(rd_need(names, values, "title"));
    } else if (strcmp(element, "node") == 0) {
        x->node = rd_new_node(x->g);
        assert_int_equal((long)rd_number(rd_need(names, values, "id")), (long)x->g->n_nodes - 1);
        rd_put(x->node, "label", rd_need(names, values, "label"));
    } else if (strcmp(element, "attvalue") == 0 && x->node != NULL) {
        long id = (long)rd_number(rd_need(names, values, "for"));
        assert_true(id >= 0 && id < RD_MAX_ATTRS && x->gexf_title[id] != NULL);
        rd_put(x->node, x->gexf_title[id], rd_need(names, values, "value"));
    } else if (strcmp(element, "viz:size") == 0 && x->node != NULL) {
        rd_put(x->node, "viz:size", rd_need(names, values, "value"));
    } else if (strcmp(element, "viz:position") == 0 && x->node != NULL) {
        rd_put(x->node, "viz:x", rd_need(names, values, "x"));
        rd_put(x->node, "viz:y", rd_need(names, values, "y"));
    } else if (strcmp(element, "viz:color") == 0 && x->node != NULL) {
        snprintf(buf, sizeof buf, "#%02x%02x%02x", (unsigned)rd_number(rd_need(names, values, "r")),
                 (unsigned)rd_number(rd_need(names, values, "g")),
                 (unsigned)rd_number(rd_need(names, values, "b")));
        rd_put(x->node, "viz:color", buf);
    } else if (strcmp(element, "edge") == 0) {
        rd_edge *e = rd_new_edge(x->g);
        e->source = (long)rd_number(rd_need(names, values, "source"));
        e->target = (long)rd_number(rd_need(names, values, "target"));
        e->weight = rd_number(rd_need(names, values, "weight"));
    }
}

static void rd_gexf_end(GMarkupParseContext *ctx, const char *element, gpointer data,
                        GError **error)
{
    (void)ctx;
    (void)error;
    rd_xml *x = data;
    if (strcmp(element, "node") == 0) {
        x->node = NULL;
    } else if (strcmp(element, "attributes") == 0) {
        x->gexf_node_attributes = false;
    }
}

static void rd_read_xml(rd_graph *g, const char *text, bool gexf)
{
    GMarkupParser parser = {gexf ? rd_gexf_start : rd_graphml_start,
                            gexf ? rd_gexf_end : rd_graphml_end, rd_xml_text, NULL, NULL};
    rd_xml x = {.g = g, .text = g_string_new(NULL)};
    GError *error = NULL;
    GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, &x, NULL);
    gboolean ok = g_markup_parse_context_parse(ctx, text, (gssize)strlen(text), &error) &&
                  g_markup_parse_context_end_parse(ctx, &error);
    if (!ok) {
        fail_msg("not well-formed XML: %s", error != NULL ? error->message : "?");
    }
    g_markup_parse_context_free(ctx);
    g_string_free(x.text, TRUE);
    for (size_t i = 0; i < RD_MAX_ATTRS; i++) {
        free(x.gexf_title[i]);
    }
}

static void rd_read_graphml(rd_graph *g, const char *text)
{
    rd_read_xml(g, text, false);
}

static void rd_read_gexf(rd_graph *g, const char *text)
{
    rd_read_xml(g, text, true);
}

/* ---- GML: key value pairs, values numbers, "strings" or [ lists ] ------------------------- */

/* The next token of `*p` into `tok`: a word, a number, a "string" (quotes kept), "[" or "]".
 * False at the end of the text. */
static bool rd_gml_token(const char **p, char *tok, size_t size)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
        s++;
    }
    if (*s == '\0') {
        *p = s;
        return false;
    }
    const char *start = s;
    if (*s == '"') {
        s = strchr(s + 1, '"');
        if (s == NULL) {
            fail_msg("GML string never closed");
        }
        s++;
    } else if (*s == '[' || *s == ']') {
        s++;
    } else {
        while (*s != '\0' && *s != ' ' && *s != '\n' && *s != '\t' && *s != '\r') {
            s++;
        }
    }
    assert_true((size_t)(s - start) < size);
    memcpy(tok, start, (size_t)(s - start));
    tok[s - start] = '\0';
    *p = s;
    return true;
}

/* Reads the pairs of one list up to its "]" into `n` (keys of nested lists prefixed with the
 * list's key and a dot) or, for an edge, into `e`. */
static void rd_gml_list(const char **p, rd_node *n, rd_edge *e, const char *prefix)
{
    char key[64];
    char value[512];
    char full[160];
    while (rd_gml_token(p, key, sizeof key)) {
        if (strcmp(key, "]") == 0) {
            return;
        }
        if (!rd_gml_token(p, value, sizeof value)) {
            fail_msg("GML key '%s' without a value", key);
        }
        snprintf(full, sizeof full, "%s%s", prefix, key);
        if (strcmp(value, "[") == 0) {
            snprintf(full, sizeof full, "%s%s.", prefix, key);
            rd_gml_list(p, n, e, full);
        } else if (e != NULL) {
            if (strcmp(key, "source") == 0) {
                e->source = (long)rd_number(value);
            } else if (strcmp(key, "target") == 0) {
                e->target = (long)rd_number(value);
            } else if (strcmp(key, "weight") == 0) {
                e->weight = rd_number(value);
            }
        } else if (n != NULL) {
            size_t len = strlen(value);
            if (value[0] == '"') { /* a string: drop the quotes */
                value[len - 1] = '\0';
                rd_put(n, full, value + 1);
            } else {
                rd_put(n, full, value);
            }
        }
    }
    fail_msg("GML list never closed");
}

static void rd_read_gml(rd_graph *g, const char *text)
{
    char tok[64];
    const char *p = text;
    assert_true(rd_gml_token(&p, tok, sizeof tok) && strcmp(tok, "graph") == 0);
    assert_true(rd_gml_token(&p, tok, sizeof tok) && strcmp(tok, "[") == 0);
    char key[64];
    char value[512];
    while (rd_gml_token(&p, key, sizeof key) && strcmp(key, "]") != 0) {
        assert_true(rd_gml_token(&p, value, sizeof value));
        if (strcmp(key, "node") == 0 && strcmp(value, "[") == 0) {
            rd_gml_list(&p, rd_new_node(g), NULL, "");
        } else if (strcmp(key, "edge") == 0 && strcmp(value, "[") == 0) {
            rd_gml_list(&p, NULL, rd_new_edge(g), "");
        } else if (strcmp(value, "[") == 0) {
            rd_gml_list(&p, NULL, NULL, "");
        }
    }
    assert_string_equal(key, "]");
    assert_false(rd_gml_token(&p, tok, sizeof tok)); /* nothing after the graph */
}

/* ---- node-link JSON and VOSviewer JSON, through jansson ----------------------------------- */

/* A JSON value as text: strings as they are, integers in decimal, reals with 17 digits, and
 * objects of counts (the role mix) as "key (n); key (n)" in their order. */
static void rd_json_text(json_t *v, char *buf, size_t size)
{
    if (json_is_string(v)) {
        snprintf(buf, size, "%s", json_string_value(v));
    } else if (json_is_integer(v)) {
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
    } else if (json_is_real(v)) {
        snprintf(buf, size, "%.17g", json_real_value(v));
    } else if (json_is_object(v)) {
        const char *k;
        json_t *count;
        size_t used = 0;
        buf[0] = '\0';
        json_object_foreach(v, k, count)
        {
            used += (size_t)snprintf(buf + used, size - used, "%s%s (%lld)", used > 0 ? "; " : "",
                                     k, (long long)json_integer_value(count));
            assert_true(used < size);
        }
    } else {
        fail_msg("unexpected JSON value type %d", (int)json_typeof(v));
    }
}

/* Every member of `obj` into `n`, keys prefixed; with `vos`, VOSviewer's nested "weights" and
 * "scores" objects are read as their members ("weights.credits"). */
static void rd_json_members(rd_node *n, json_t *obj, const char *prefix, bool vos)
{
    const char *k;
    json_t *v;
    char full[128];
    char text[1024];
    json_object_foreach(obj, k, v)
    {
        snprintf(full, sizeof full, "%s%s", prefix, k);
        if (vos && (strcmp(k, "weights") == 0 || strcmp(k, "scores") == 0)) {
            snprintf(full, sizeof full, "%s%s.", prefix, k);
            rd_json_members(n, v, full, false);
        } else {
            rd_json_text(v, text, sizeof text);
            rd_put(n, full, text);
        }
    }
}

static json_t *rd_json_load(const char *text)
{
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    if (root == NULL) {
        fail_msg("not JSON: line %d: %s", error.line, error.text);
    }
    return root;
}

static void rd_read_json(rd_graph *g, const char *text)
{
    json_t *root = rd_json_load(text);
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(root, "nodes"), i, item)
    {
        rd_node *n = rd_new_node(g);
        rd_json_members(n, item, "", false);
        assert_int_equal((long)rd_number(rd_get(n, "id")), (long)i);
    }
    json_array_foreach(json_object_get(root, "links"), i, item)
    {
        rd_edge *e = rd_new_edge(g);
        e->source = (long)json_integer_value(json_object_get(item, "source"));
        e->target = (long)json_integer_value(json_object_get(item, "target"));
        e->weight = json_number_value(json_object_get(item, "weight"));
    }
    json_decref(root);
}

/* VOSviewer ids count from 1; the reader turns them into 0-based indices like the others. */
static void rd_read_vosviewer(rd_graph *g, const char *text)
{
    json_t *root = rd_json_load(text);
    json_t *network = json_object_get(root, "network");
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(network, "items"), i, item)
    {
        rd_node *n = rd_new_node(g);
        rd_json_members(n, item, "", true);
        assert_int_equal((long)rd_number(rd_get(n, "id")), (long)i + 1);
    }
    json_array_foreach(json_object_get(network, "links"), i, item)
    {
        rd_edge *e = rd_new_edge(g);
        e->source = (long)json_integer_value(json_object_get(item, "source_id")) - 1;
        e->target = (long)json_integer_value(json_object_get(item, "target_id")) - 1;
        e->weight = json_number_value(json_object_get(item, "strength"));
    }
    json_decref(root);
}

/* ---- CSV node and edge tables, through libcsv --------------------------------------------- */

typedef struct rd_csv {
    char *cells[RD_MAX_ATTRS]; /* the row being read (owned) */
    size_t n_cells;
    char *header[RD_MAX_ATTRS]; /* the first row (owned) */
    size_t n_header;
    size_t rows; /* rows read, header included */
    rd_graph *g;
    bool edges; /* the edge table */
} rd_csv;

static void rd_csv_field(void *field, size_t len, void *data)
{
    rd_csv *c = data;
    assert_true(c->n_cells < RD_MAX_ATTRS);
    c->cells[c->n_cells] = strndup(field != NULL ? field : "", len);
    assert_non_null(c->cells[c->n_cells]);
    c->n_cells++;
}

static void rd_csv_row(int end, void *data)
{
    (void)end;
    rd_csv *c = data;
    if (c->rows++ == 0) {
        memcpy(c->header, c->cells, sizeof c->cells);
        c->n_header = c->n_cells;
        c->n_cells = 0;
        return;
    }
    if (c->n_cells != c->n_header) {
        fail_msg("CSV row %zu has %zu cells, the header %zu", c->rows, c->n_cells, c->n_header);
    }
    if (c->edges) {
        rd_edge *e = rd_new_edge(c->g);
        for (size_t i = 0; i < c->n_cells; i++) {
            if (strcmp(c->header[i], "source_id") == 0) {
                e->source = (long)rd_number(c->cells[i]);
            } else if (strcmp(c->header[i], "target_id") == 0) {
                e->target = (long)rd_number(c->cells[i]);
            } else if (strcmp(c->header[i], "weight") == 0) {
                e->weight = rd_number(c->cells[i]);
            }
        }
    } else {
        rd_node *n = rd_new_node(c->g);
        for (size_t i = 0; i < c->n_cells; i++) {
            if (c->cells[i][0] != '\0') { /* an empty cell is an absent value */
                rd_put(n, c->header[i], c->cells[i]);
            }
        }
    }
    for (size_t i = 0; i < c->n_cells; i++) {
        free(c->cells[i]);
    }
    c->n_cells = 0;
}

static void rd_read_csv_table(rd_graph *g, const char *text, bool edges)
{
    struct csv_parser p;
    rd_csv c = {.g = g, .edges = edges};
    assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), 0);
    size_t len = strlen(text);
    assert_int_equal(csv_parse(&p, text, len, rd_csv_field, rd_csv_row, &c), len);
    assert_int_equal(csv_fini(&p, rd_csv_field, rd_csv_row, &c), 0);
    csv_free(&p);
    for (size_t i = 0; i < c.n_header; i++) {
        free(c.header[i]);
    }
    assert_int_equal(c.n_cells, 0);
}

#endif
