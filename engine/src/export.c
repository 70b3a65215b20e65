/* Export: the choice of format, the attribute schema all formats share, each node's values and
 * the graph's metadata. The values taken from the credit rows (credit count, role mix, years)
 * are computed in export_credits.c; the writers live in export_xml.c (GraphML, GEXF),
 * export_json.c (node-link, VOSviewer) and export_text.c (GML, CSV), into a text buffer
 * (textbuf.c: escaping and number formatting). */
#include "collab/export.h"

#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export_internal.h"

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s);
    size_t k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0 && s[n - k - 1] != '/';
}

typedef collab_status (*export_writer)(collab_i_textbuf *b, collab_i_export *x, collab_error *err);

/* The export formats: one row each, in the order of collab_export_format. Adding a format is one
 * enum value, one row and its writer. `option` is the --format choice (NULL: not offered, the
 * edge table is written beside the node table); `suffix` the extension that names it. */
typedef struct format_row {
    const char *name;    /* canonical name */
    const char *option;  /* --format choice, or NULL */
    const char *suffix;  /* extension, or NULL */
    export_writer write; /* the writer */
    bool node_values;    /* it writes node attributes (the edge table does not: no credit facts) */
} format_row;

static const format_row format_rows[] = {
    [COLLAB_EXPORT_GRAPHML] = {"graphml", "graphml", ".graphml", collab_i_export_graphml, true},
    [COLLAB_EXPORT_GEXF] = {"gexf", "gexf", ".gexf", collab_i_export_gexf, true},
    [COLLAB_EXPORT_GML] = {"gml", "gml", ".gml", collab_i_export_gml, true},
    [COLLAB_EXPORT_JSON] = {"json", "json", ".json", collab_i_export_json, true},
    [COLLAB_EXPORT_VOSVIEWER] = {"vosviewer", "vosviewer", ".vos.json", collab_i_export_vosviewer,
                                 true},
    [COLLAB_EXPORT_CSV_NODES] = {"csv-nodes", "csv", ".csv", collab_i_export_csv_nodes, true},
    [COLLAB_EXPORT_CSV_EDGES] = {"csv-edges", NULL, NULL, collab_i_export_csv_edges, false},
};
_Static_assert(sizeof format_rows / sizeof format_rows[0] == COLLAB_EXPORT_FORMAT_COUNT,
               "one row per collab_export_format");

/* The length of `path` without a final ".gz" (the compression is the output's business). */
static size_t length_without_gz(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && strcasecmp(path + n - 3, ".gz") == 0 ? n - 3 : n;
}

bool collab_export_format_from_path(const char *path, collab_export_format *fmt)
{
    if (path == NULL) {
        return false;
    }
    char plain[4096];
    snprintf(plain, sizeof plain, "%.*s", (int)length_without_gz(path), path);
    /* The longest matching suffix wins: .vos.json before .json. */
    size_t best_len = 0;
    for (int i = 0; i < COLLAB_EXPORT_FORMAT_COUNT; i++) {
        const char *suffix = format_rows[i].suffix;
        if (suffix != NULL && strlen(suffix) > best_len && ends_with(plain, suffix)) {
            *fmt = (collab_export_format)i;
            best_len = strlen(suffix);
        }
    }
    return best_len > 0;
}

const char *collab_export_format_name(collab_export_format fmt)
{
    return (unsigned)fmt < COLLAB_EXPORT_FORMAT_COUNT ? format_rows[fmt].name : "?";
}

const char *collab_export_format_option_name(int i)
{
    return i >= 0 && i < COLLAB_EXPORT_FORMAT_COUNT ? format_rows[i].option : NULL;
}

bool collab_export_edges_path(const char *nodes_path, char *out, size_t size)
{
    size_t n = length_without_gz(nodes_path);
    const char *gz = nodes_path + n; /* "" or ".gz": the edge table is compressed alike */
    char plain[4096];
    snprintf(plain, sizeof plain, "%.*s", (int)n, nodes_path);
    size_t stem = ends_with(plain, ".csv") ? n - strlen(".csv") : n;
    const char *suffix = ".edges.csv";
    /* "nodes" as the stem's last word names the node table: the edge table swaps the word. */
    size_t word = strlen("nodes");
    if (stem >= word && strncasecmp(nodes_path + stem - word, "nodes", word) == 0 &&
        (stem == word || strchr("/._-", nodes_path[stem - word - 1]) != NULL)) {
        stem -= word;
        suffix = "edges.csv";
    }
    int written = snprintf(out, size, "%.*s%s%s", (int)stem, nodes_path, suffix, gz);
    return written > 0 && (size_t)written < size;
}

/* ---- the schema ------------------------------------------------------------------------------ */

static void add_field(collab_i_export *x, const char *name, collab_i_field_type type,
                      collab_i_field_id id, collab_metric metric, bool visual)
{
    if (x->n_fields < COLLAB_I_MAX_FIELDS) {
        x->fields[x->n_fields++] = (collab_i_field){name, type, id, metric, visual};
    }
}

static void build_schema(collab_i_export *x, bool any_role, bool any_year)
{
    const collab_export_input *in = x->in;
    add_field(x, "name", COLLAB_I_TEXT, COLLAB_I_NAME, 0, false);
    add_field(x, "kind", COLLAB_I_TEXT, COLLAB_I_KIND, 0, false);
    if (x->credits) {
        add_field(x, "credits", COLLAB_I_INT, COLLAB_I_CREDITS, 0, false);
    }
    if (any_role) {
        add_field(x, "roles", COLLAB_I_TEXT, COLLAB_I_ROLES, 0, false);
        add_field(x, "main_role", COLLAB_I_TEXT, COLLAB_I_MAIN_ROLE, 0, false);
    }
    if (any_year) {
        add_field(x, "year_first", COLLAB_I_INT, COLLAB_I_YEAR_FIRST, 0, false);
        add_field(x, "year_last", COLLAB_I_INT, COLLAB_I_YEAR_LAST, 0, false);
        add_field(x, "year_mean", COLLAB_I_REAL, COLLAB_I_YEAR_MEAN, 0, false);
    }
    for (int k = 0; in->metrics != NULL && k < COLLAB_METRIC_COUNT; k++) {
        if (in->metrics->values[k] != NULL) {
            add_field(x, collab_metric_name((collab_metric)k), COLLAB_I_REAL, COLLAB_I_METRIC,
                      (collab_metric)k, false);
        }
    }
    /* estimated metrics carry their interval, named as in the reports */
    static const char *const low_names[COLLAB_METRIC_COUNT] = {
        [COLLAB_METRIC_BETWEENNESS] = "betweenness_low",
        [COLLAB_METRIC_CLOSENESS] = "closeness_low",
        [COLLAB_METRIC_HARMONIC] = "harmonic_low"};
    static const char *const high_names[COLLAB_METRIC_COUNT] = {
        [COLLAB_METRIC_BETWEENNESS] = "betweenness_high",
        [COLLAB_METRIC_CLOSENESS] = "closeness_high",
        [COLLAB_METRIC_HARMONIC] = "harmonic_high"};
    for (int k = 0; in->metrics != NULL && k < COLLAB_METRIC_COUNT; k++) {
        if (in->metrics->low[k] != NULL && low_names[k] != NULL) {
            add_field(x, low_names[k], COLLAB_I_REAL, COLLAB_I_METRIC_LOW, (collab_metric)k, false);
            add_field(x, high_names[k], COLLAB_I_REAL, COLLAB_I_METRIC_HIGH, (collab_metric)k,
                      false);
        }
    }
    if (in->metrics != NULL && in->metrics->closeness_se != NULL) {
        add_field(x, "closeness_se", COLLAB_I_REAL, COLLAB_I_METRIC_SE, COLLAB_METRIC_CLOSENESS,
                  false);
    }
    if (in->partition != NULL) {
        add_field(x, "community", COLLAB_I_INT, COLLAB_I_COMMUNITY, 0, false);
    }
    if (in->x != NULL && in->y != NULL) {
        add_field(x, "x", COLLAB_I_REAL, COLLAB_I_X, 0, true);
        add_field(x, "y", COLLAB_I_REAL, COLLAB_I_Y, 0, true);
    }
    if (in->radius != NULL) {
        add_field(x, "size", COLLAB_I_REAL, COLLAB_I_SIZE, 0, true);
    }
    if (in->color != NULL) {
        add_field(x, "color", COLLAB_I_TEXT, COLLAB_I_COLOR, 0, true);
        add_field(x, "r", COLLAB_I_INT, COLLAB_I_R, 0, true);
        add_field(x, "g", COLLAB_I_INT, COLLAB_I_G, 0, true);
        add_field(x, "b", COLLAB_I_INT, COLLAB_I_B, 0, true);
    }
}

/* collab_i_export_init; without `node_values`, only the counts (no schema, no credit facts). */
static collab_status export_context(collab_i_export *x, const collab_export_input *in,
                                    bool node_values, collab_error *err)
{
    if (in == NULL || in->graph == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE, "nothing to export: no graph");
    }
    collab_i_export c;
    memset(&c, 0, sizeof c);
    c.in = in;
    c.n_vertices = collab_graph_vertex_count(in->graph);
    c.n_edges = collab_graph_edge_count(in->graph);
    c.directed = igraph_is_directed(&in->graph->graph);
    c.credits =
        in->graph->shape == COLLAB_SHAPE_CREDITS && in->list != NULL && in->graph->origin != NULL;
    if (c.credits && node_values && in->facts == NULL) {
        collab_status st = collab_credit_facts_compute(&c.own_facts, in->graph, in->list, err);
        if (st != COLLAB_OK) {
            return st;
        }
    }
    *x = c;
    /* Set after the copy: own_facts lives in *x. */
    x->facts = c.credits && in->facts != NULL ? in->facts : &x->own_facts;
    if (node_values) {
        build_schema(x, x->facts->any_role, x->facts->any_year);
    }
    return COLLAB_OK;
}

collab_status collab_i_export_init(collab_i_export *x, const collab_export_input *in,
                                   collab_error *err)
{
    return export_context(x, in, true, err);
}

/* What every block of one run of collab_i_export_items shares. */
typedef struct export_items {
    const collab_i_export *x;
    collab_i_export_item_fn item;
    const void *ctx;
} export_items;

static bool format_items(collab_i_textbuf *b, size_t first, size_t end, void *arg)
{
    const export_items *items = arg;
    /* A copy per block: collab_i_export_value writes color_text, and the VOSviewer items escape
     * their texts through the scratch buffers. */
    collab_i_export own = *items->x;
    collab_i_textbuf_init(&own.text, NULL);
    collab_i_textbuf_init(&own.scratch, NULL);
    for (size_t i = first; !b->failed && i < end; i++) {
        items->item(b, &own, i, items->ctx);
    }
    bool kept = collab_i_textbuf_finish(&own.text);
    kept = collab_i_textbuf_finish(&own.scratch) && kept; /* their running out is the block's */
    return kept && !b->failed;
}

bool collab_i_export_items(collab_i_textbuf *b, collab_i_export *x, size_t count, size_t per_block,
                           collab_i_export_item_fn item, const void *ctx)
{
    export_items items = {x, item, ctx};
    return collab_i_textbuf_blocks(b, count, per_block, x->in->threads, format_items, &items);
}

void collab_i_export_destroy(collab_i_export *x)
{
    if (x == NULL) {
        return;
    }
    collab_credit_facts_destroy(&x->own_facts);
    memset(x, 0, sizeof *x);
}

static collab_i_value text(const char *s)
{
    return (collab_i_value){s != NULL && s[0] != '\0', 0, 0, s};
}

static collab_i_value integer(bool present, long long i)
{
    return (collab_i_value){present, i, 0, NULL};
}

static collab_i_value real(double d)
{
    return (collab_i_value){isfinite(d), 0, d, NULL};
}

static long long component(double c)
{
    return (long long)lround(fmin(fmax(c, 0), 1) * 255);
}

static const char *kind_of(const collab_i_export *x, size_t v)
{
    const collab_graph *g = x->in->graph;
    if (g->shape != COLLAB_SHAPE_CREDITS) {
        return "node";
    }
    return g->is_project != NULL && g->is_project[v] ? "project" : "person";
}

collab_i_value collab_i_export_value(collab_i_export *x, const collab_i_field *f, size_t v)
{
    const collab_export_input *in = x->in;
    switch (f->id) {
    case COLLAB_I_NAME:
        return (collab_i_value){true, 0, 0, collab_graph_name(in->graph, v)};
    case COLLAB_I_KIND:
        return text(kind_of(x, v));
    case COLLAB_I_CREDITS:
        return integer(true, x->facts->n_credits[v]);
    case COLLAB_I_ROLES:
        return text(x->facts->roles_pool + x->facts->roles_offset[v]);
    case COLLAB_I_MAIN_ROLE:
        return text(x->facts->main_role[v] == COLLAB_NO_ID
                        ? NULL
                        : collab_names_get(&in->list->roles, x->facts->main_role[v]));
    case COLLAB_I_YEAR_FIRST:
        return integer(x->facts->year_first[v] != 0, x->facts->year_first[v]);
    case COLLAB_I_YEAR_LAST:
        return integer(x->facts->year_last[v] != 0, x->facts->year_last[v]);
    case COLLAB_I_YEAR_MEAN:
        return real(x->facts->year_mean[v]);
    case COLLAB_I_METRIC:
        return real(in->metrics->values[f->metric][v]);
    case COLLAB_I_METRIC_SE:
        return real(in->metrics->closeness_se[v]);
    case COLLAB_I_METRIC_LOW:
        return real(in->metrics->low[f->metric][v]);
    case COLLAB_I_METRIC_HIGH:
        return real(in->metrics->high[f->metric][v]);
    case COLLAB_I_COMMUNITY:
        return integer(true, (long long)in->partition->membership[v] + 1);
    case COLLAB_I_X:
        return real(in->x[v]);
    case COLLAB_I_Y:
        return real(in->y[v]);
    case COLLAB_I_SIZE:
        return real(in->radius[v]);
    case COLLAB_I_COLOR:
        if (!isfinite(in->color[v].r)) {
            return integer(false, 0); /* a node the map did not draw */
        }
        collab_rgba_hex(in->color[v], x->color_text);
        return text(x->color_text);
    case COLLAB_I_R:
        return integer(isfinite(in->color[v].r), component(in->color[v].r));
    case COLLAB_I_G:
        return integer(isfinite(in->color[v].g), component(in->color[v].g));
    case COLLAB_I_B:
        return integer(isfinite(in->color[v].b), component(in->color[v].b));
    }
    return integer(false, 0);
}

void collab_i_export_edge(const collab_i_export *x, size_t e, size_t *from, size_t *to,
                          double *weight)
{
    const collab_graph *g = x->in->graph;
    size_t a = (size_t)IGRAPH_FROM(&g->graph, (igraph_integer_t)e);
    size_t b = (size_t)IGRAPH_TO(&g->graph, (igraph_integer_t)e);
    /* igraph keeps an undirected edge's larger end first; readers expect the smaller one */
    bool swap = !x->directed && a > b;
    *from = swap ? b : a;
    *to = swap ? a : b;
    *weight = VECTOR(g->weights)[e];
}

static void add_meta(collab_i_meta *m, const char *name, const char *value,
                     collab_i_field_type type)
{
    m->names[m->n] = name;
    m->values[m->n] = value;
    m->types[m->n++] = type;
}

void collab_i_export_metadata(const collab_i_export *x, collab_i_meta *m)
{
    const collab_export_input *in = x->in;
    const collab_graph *g = in->graph;
    m->n = 0;
    add_meta(m, "source", in->list != NULL ? in->list->source : "", COLLAB_I_TEXT);
    add_meta(m, "view", collab_view_name(g->view), COLLAB_I_TEXT);
    if (g->shape == COLLAB_SHAPE_CREDITS && g->view != COLLAB_VIEW_BIPARTITE) {
        add_meta(m, "weighting", collab_weighting_name(g->weighting), COLLAB_I_TEXT);
    }
    if (g->stats.projects_skipped > 0 && in->list != NULL && in->graph_opt != NULL) {
        snprintf(m->numbers[2], sizeof m->numbers[2], "%zu", in->graph_opt->max_participants);
        add_meta(m, "max_participants", m->numbers[2], COLLAB_I_INT);
        snprintf(m->numbers[3], sizeof m->numbers[3], "%zu", g->stats.projects_skipped);
        add_meta(m, "projects_left_out", m->numbers[3], COLLAB_I_INT);
        collab_graph_describe_hubs(g, in->list, in->graph_opt, m->left_out, sizeof m->left_out);
        add_meta(m, "left_out", m->left_out, COLLAB_I_TEXT);
    }
    if (g->stats.people_left_out > 0 && in->list != NULL) {
        collab_graph_describe_people_left_out(g, in->list, m->people_left_out,
                                              sizeof m->people_left_out);
        add_meta(m, "people_left_out", m->people_left_out, COLLAB_I_TEXT);
    }
    if (g->stats.scoped && in->graph_opt != NULL) {
        collab_graph_describe_scope(g, in->graph_opt, m->scope, sizeof m->scope);
        add_meta(m, "scope", m->scope, COLLAB_I_TEXT);
    }
    if (in->partition != NULL) {
        if (in->community_method != NULL) {
            add_meta(m, "community_method", in->community_method, COLLAB_I_TEXT);
        }
        snprintf(m->numbers[0], sizeof m->numbers[0], "%zu", in->partition->n_communities);
        add_meta(m, "communities", m->numbers[0], COLLAB_I_INT);
        collab_numtext_double(in->partition->modularity, m->numbers[1]);
        add_meta(m, "modularity", m->numbers[1], COLLAB_I_REAL);
    }
    if (in->layout_name != NULL) {
        add_meta(m, "layout", in->layout_name, COLLAB_I_TEXT);
    }
}

collab_status collab_export_write(FILE *f, const collab_export_input *in, collab_export_format fmt,
                                  collab_error *err)
{
    collab_i_export x;
    bool known = (unsigned)fmt < COLLAB_EXPORT_FORMAT_COUNT;
    collab_status st = export_context(&x, in, !known || format_rows[fmt].node_values, err);
    if (st != COLLAB_OK) {
        return st;
    }
    if (known) {
        collab_i_textbuf b;
        collab_i_textbuf_init(&b, f);
        st = format_rows[fmt].write(&b, &x, err);
        /* A failed write stays in the stream's flag for the output's commit to report. */
        if (!collab_i_textbuf_finish(&b) && st == COLLAB_OK) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory exporting the graph");
        }
    } else {
        st = collab_error_set(err, COLLAB_E_USAGE, "unknown export format %d", (int)fmt);
    }
    collab_i_export_destroy(&x);
    return st;
}
