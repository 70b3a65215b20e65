/* Export: format detection, the edge table's path, escaping for XML and GML, number formatting,
 * the role mix and years of credits, every format read back and checked value by value, and
 * allocation failure. The files are also read back by NetworkX and python-igraph in
 * tests/oracle/check_exports.py, and their exact bytes are golden files (tests/golden/). */
#include "collab/alloc.h"
#include "collab/export.h"

#include <math.h>

#include "export_internal.h"
#include "export_read.h"
#include "test_support.h"

/* P1 = {A, B, C}, P2 = {A, B}, P3 = {B, D}; B is an engineer twice, a producer and a mixer. */
static const char *const credits = "person,project,role,year\n"
                                   "A,P1,producer,1990\nB,P1,engineer,1991\nC,P1,artist,\n"
                                   "A,P2,producer,2000\nB,P2,producer,2000\nB,P2,mixer,2000\n"
                                   "B,P3,engineer,2010\nD,P3,artist,2010\n";

/* Output written to memory, NUL-terminated once closed. */
typedef struct memout {
    char *text;
    size_t len;
    FILE *f;
} memout;

static void memout_open(memout *m)
{
    m->text = NULL;
    m->len = 0;
    m->f = open_memstream(&m->text, &m->len);
    assert_non_null(m->f);
}

static void memout_close(memout *m)
{
    assert_int_equal(fclose(m->f), 0);
    m->f = NULL;
}

static void test_format_from_path(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        collab_export_format fmt;
    } ok[] = {
        {"net.graphml", COLLAB_EXPORT_GRAPHML},
        {"dir/net.GEXF", COLLAB_EXPORT_GEXF},
        {"net.gml", COLLAB_EXPORT_GML},
        {"net.json", COLLAB_EXPORT_JSON},
        {"net.vos.json", COLLAB_EXPORT_VOSVIEWER},
        {"net.VOS.JSON", COLLAB_EXPORT_VOSVIEWER},
        {"net.csv", COLLAB_EXPORT_CSV_NODES},
        {"a.json.gml", COLLAB_EXPORT_GML},
        {"net.gexf.gz", COLLAB_EXPORT_GEXF}, /* compressed: the format under the .gz */
        {"net.vos.json.GZ", COLLAB_EXPORT_VOSVIEWER},
        {"nodes.csv.gz", COLLAB_EXPORT_CSV_NODES},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        collab_export_format fmt = COLLAB_EXPORT_CSV_EDGES;
        assert_true(collab_export_format_from_path(ok[i].path, &fmt));
        assert_int_equal(fmt, ok[i].fmt);
    }
    static const char *const bad[] = {"net.png", "net", "net.gml.txt", ".json", "dir/.gexf",
                                      "net.xml", "",    "net.gz",      ".gz",   "net.gexf.gz.gz"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        collab_export_format fmt = COLLAB_EXPORT_GML;
        assert_false(collab_export_format_from_path(bad[i], &fmt));
        assert_int_equal(fmt, COLLAB_EXPORT_GML); /* untouched */
    }
    assert_false(collab_export_format_from_path(NULL, NULL));
    assert_string_equal(collab_export_format_name(COLLAB_EXPORT_VOSVIEWER), "vosviewer");
    assert_string_equal(collab_export_format_name(COLLAB_EXPORT_CSV_EDGES), "csv-edges");
    assert_string_equal(collab_export_format_name((collab_export_format)99), "?");
}

static void test_edges_path(void **state)
{
    (void)state;
    char out[64];
    assert_true(collab_export_edges_path("net.csv", out, sizeof out));
    assert_string_equal(out, "net.edges.csv");
    assert_true(collab_export_edges_path("out/net.nodes.csv", out, sizeof out));
    assert_string_equal(out, "out/net.edges.csv");
    assert_true(collab_export_edges_path("NET.CSV", out, sizeof out));
    assert_string_equal(out, "NET.edges.csv");
    assert_true(collab_export_edges_path("table", out, sizeof out));
    assert_string_equal(out, "table.edges.csv");
    assert_true(collab_export_edges_path("dir/nodes.csv", out, sizeof out));
    assert_string_equal(out, "dir/edges.csv");
    assert_true(collab_export_edges_path("nodes.csv", out, sizeof out));
    assert_string_equal(out, "edges.csv");
    assert_true(collab_export_edges_path("net_NODES.csv", out, sizeof out));
    assert_string_equal(out, "net_edges.csv");
    assert_true(collab_export_edges_path("net-nodes.csv", out, sizeof out));
    assert_string_equal(out, "net-edges.csv");
    assert_true(collab_export_edges_path("supernodes.csv", out, sizeof out)); /* not a word */
    assert_string_equal(out, "supernodes.edges.csv");
    assert_true(collab_export_edges_path("nodes.csv.gz", out, sizeof out)); /* compressed alike */
    assert_string_equal(out, "edges.csv.gz");
    assert_true(collab_export_edges_path("out/net.csv.gz", out, sizeof out));
    assert_string_equal(out, "out/net.edges.csv.gz");
    char small[13];
    assert_false(collab_export_edges_path("net.csv", small, sizeof small)); /* needs 14 */
    assert_true(collab_export_edges_path("ne.csv", small, sizeof small));
    assert_string_equal(small, "ne.edges.csv");
}

/* The values derived from the credit rows, for the people view and the bipartite view. */
static void test_credit_values(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_BIPARTITE, COLLAB_WEIGHT_COUNT);
    collab_export_input in = {.graph = &g, .list = &list};
    collab_i_export x;
    collab_error err = {0};
    assert_int_equal(collab_i_export_init(&x, &in, &err), COLLAB_OK);
    /* name, kind, credits, roles, main_role, three years; no metrics, community or layout */
    assert_int_equal(x.n_fields, 8);
    assert_string_equal(x.fields[3].name, "roles");
    const collab_i_field *roles = &x.fields[3];
    const collab_i_field *year_first = &x.fields[5];
    const collab_i_field *year_mean = &x.fields[7];
    uint32_t b = collab_names_find(&g.names, "B", 1);
    uint32_t c = collab_names_find(&g.names, "C", 1);
    uint32_t p2 = collab_names_find(&g.names, "P2", 2);
    /* most credited first; producer and mixer tie at 1: producer appeared first in the file */
    assert_string_equal(collab_i_export_value(&x, roles, b).s,
                        "engineer (2); producer (1); mixer (1)");
    assert_string_equal(collab_i_export_value(&x, &x.fields[4], b).s, "engineer");
    assert_int_equal(collab_i_export_value(&x, &x.fields[2], b).i, 4);
    assert_int_equal(collab_i_export_value(&x, year_first, b).i, 1991);
    assert_int_equal(collab_i_export_value(&x, &x.fields[6], b).i, 2010);
    assert_float_equal(collab_i_export_value(&x, year_mean, b).d, (1991 + 2000 * 2 + 2010) / 4.0,
                       1e-12);
    /* C has one undated credit: no years at all */
    assert_false(collab_i_export_value(&x, year_first, c).present);
    assert_false(collab_i_export_value(&x, year_mean, c).present);
    /* a project gets the credits made on it */
    assert_string_equal(collab_i_export_value(&x, &x.fields[1], p2).s, "project");
    assert_string_equal(collab_i_export_value(&x, roles, p2).s, "producer (2); mixer (1)");
    assert_int_equal(collab_i_export_value(&x, &x.fields[2], p2).i, 3);
    collab_i_export_destroy(&x);
    collab_i_export_destroy(&x); /* safe twice */
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static char *export_text(const collab_export_input *in, collab_export_format fmt)
{
    memout m;
    memout_open(&m);
    collab_error err = {0};
    assert_int_equal(collab_export_write(m.f, in, fmt, &err), COLLAB_OK);
    memout_close(&m);
    return m.text;
}

/* Where each format keeps each node value (NULL: the format does not carry it), and the sign of
 * its y (GEXF and VOSviewer count y upwards). */
typedef struct format_keys {
    collab_export_format fmt;
    void (*read)(rd_graph *g, const char *text);
    const char *name, *credits, *roles, *main_role, *year_first, *year_last, *year_mean;
    const char *degree, *strength, *community, *x, *y, *size, *color;
    double y_sign;
} format_keys;

static const format_keys formats[] = {
    {COLLAB_EXPORT_GRAPHML, rd_read_graphml, "name", "credits", "roles", "main_role", "year_first",
     "year_last", "year_mean", "degree", "strength", "community", "x", "y", "size", "color", 1},
    {COLLAB_EXPORT_GEXF, rd_read_gexf, "label", "credits", "roles", "main_role", "year_first",
     "year_last", "year_mean", "degree", "strength", "community", "viz:x", "viz:y", "viz:size",
     "viz:color", -1},
    {COLLAB_EXPORT_GML, rd_read_gml, "label", "credits", "roles", "main_role", "year_first",
     "year_last", "year_mean", "degree", "strength", "community", "x", "y", "size", "color", 1},
    {COLLAB_EXPORT_JSON, rd_read_json, "name", "credits", "roles", "main_role", "year_first",
     "year_last", "year_mean", "degree", "strength", "community", "x", "y", "size", "color", 1},
    {COLLAB_EXPORT_VOSVIEWER, rd_read_vosviewer, "label", "weights.credits", NULL, NULL,
     "scores.year_first", "scores.year_last", "scores.year_mean", "scores.degree",
     "scores.strength", "cluster", "x", "y", NULL, NULL, -1},
    {COLLAB_EXPORT_CSV_NODES, NULL, "name", "credits", "roles", "main_role", "year_first",
     "year_last", "year_mean", "degree", "strength", "community", "x", "y", "size", "color", 1},
};

/* What every format must say about the four people of `credits` (people view: A-B weight 2,
 * A-C, B-C, B-D), worked out from the rows by hand, and the fake layout of test_formats. */
typedef struct expected_node {
    const char *name, *roles, *main_role, *color;
    double credits, year_first, year_last, year_mean; /* NaN: absent (C has no dated credit) */
    double degree, strength, community, x, y, size;
} expected_node;

static const expected_node people[4] = {
    {"A", "producer (2)", "producer", "#ff0000", 2, 1990, 2000, 1995, 2, 3, 1, 10, 5, 1},
    {"B", "engineer (2); producer (1); mixer (1)", "engineer", "#00ff00", 4, 1991, 2010,
     (1991 + 2000 + 2000 + 2010) / 4.0, 3, 4, 1, 20, 0, 2},
    {"C", "artist (1)", "artist", "#0000ff", 1, NAN, NAN, NAN, 2, 2, 2, 30, 15, 3},
    {"D", "artist (1)", "artist", "#808080", 1, 2010, 2010, 2010, 1, 1, 2, 40, 25, 4},
};

static const rd_edge people_edges[4] = {{0, 1, 2}, {0, 2, 1}, {1, 2, 1}, {1, 3, 1}};

static void expect_text(const format_keys *f, const rd_node *n, const char *key, const char *want)
{
    if (key == NULL) {
        return;
    }
    const char *got = rd_get(n, key);
    if (got == NULL || strcmp(got, want) != 0) {
        fail_msg("%s: '%s' is '%s', expected '%s'", collab_export_format_name(f->fmt), key,
                 got != NULL ? got : "(absent)", want);
    }
}

/* `want` NaN: the key must be absent. Numbers are compared exactly: every one here is exact in
 * binary and the writers print shortest round-trip text. */
static void expect_number(const format_keys *f, const rd_node *n, const char *key, double want)
{
    if (key == NULL) {
        return;
    }
    const char *got = rd_get(n, key);
    if (isnan(want)) {
        if (got != NULL) {
            fail_msg("%s: '%s' is '%s', expected no value", collab_export_format_name(f->fmt), key,
                     got);
        }
        return;
    }
    if (got == NULL || rd_number(got) != want) {
        fail_msg("%s: '%s' is '%s', expected %.17g", collab_export_format_name(f->fmt), key,
                 got != NULL ? got : "(absent)", want);
    }
}

static void check_nodes(const format_keys *f, const rd_graph *r)
{
    assert_int_equal(r->n_nodes, 4);
    for (size_t v = 0; v < 4; v++) {
        const rd_node *n = &r->nodes[v];
        const expected_node *e = &people[v];
        expect_text(f, n, f->name, e->name);
        expect_number(f, n, f->credits, e->credits);
        expect_text(f, n, f->roles, e->roles);
        expect_text(f, n, f->main_role, e->main_role);
        expect_number(f, n, f->year_first, e->year_first);
        expect_number(f, n, f->year_last, e->year_last);
        expect_number(f, n, f->year_mean, e->year_mean);
        expect_number(f, n, f->degree, e->degree);
        expect_number(f, n, f->strength, e->strength);
        expect_number(f, n, f->community, e->community);
        expect_number(f, n, f->x, e->x);
        expect_number(f, n, f->y, f->y_sign * e->y);
        expect_number(f, n, f->size, e->size);
        expect_text(f, n, f->color, e->color);
    }
}

static void check_edges(const format_keys *f, const rd_graph *r)
{
    assert_int_equal(r->n_edges, 4);
    for (size_t k = 0; k < 4; k++) {
        const rd_edge *got = &r->edges[k];
        const rd_edge *want = &people_edges[k];
        if (got->source != want->source || got->target != want->target ||
            got->weight != want->weight) {
            fail_msg("%s: edge %zu is %ld-%ld weight %g, expected %ld-%ld weight %g",
                     collab_export_format_name(f->fmt), k, got->source, got->target, got->weight,
                     want->source, want->target, want->weight);
        }
    }
}

/* What only some formats carry: GML's graphics block, VOSviewer's description, the CSV's id and
 * colour components. */
static void check_extras(const format_keys *f, const rd_graph *r)
{
    static const char *const rgb[4][3] = {
        {"255", "0", "0"}, {"0", "255", "0"}, {"0", "0", "255"}, {"128", "128", "128"}};
    for (size_t v = 0; v < 4; v++) {
        const rd_node *n = &r->nodes[v];
        if (f->fmt == COLLAB_EXPORT_GML) {
            expect_number(f, n, "graphics.x", people[v].x);
            expect_number(f, n, "graphics.y", people[v].y);
            expect_number(f, n, "graphics.w", 2 * people[v].size);
            expect_number(f, n, "graphics.h", 2 * people[v].size);
            expect_text(f, n, "graphics.fill", people[v].color);
            expect_number(f, n, "id", (double)v);
        }
        if (f->fmt == COLLAB_EXPORT_GRAPHML || f->fmt == COLLAB_EXPORT_GML ||
            f->fmt == COLLAB_EXPORT_CSV_NODES) {
            expect_text(f, n, "r", rgb[v][0]);
            expect_text(f, n, "g", rgb[v][1]);
            expect_text(f, n, "b", rgb[v][2]);
        }
        if (f->fmt == COLLAB_EXPORT_CSV_NODES || f->fmt == COLLAB_EXPORT_JSON) {
            expect_number(f, n, "id", (double)v);
        }
        if (f->fmt != COLLAB_EXPORT_VOSVIEWER) {
            expect_text(f, n, "kind", "person");
        }
    }
    if (f->fmt == COLLAB_EXPORT_VOSVIEWER) {
        expect_text(f, &r->nodes[1], "description",
                    "person; 4 credits; 1991-2010; engineer (2); producer (1); mixer (1)");
        expect_text(f, &r->nodes[2], "description", "person; 1 credit; artist (1)");
    }
}

/* Every format from one small analysed graph, with a fake layout and partition, read back by an
 * independent parser (export_read.h): node and edge counts, every edge and its weight, and each
 * node's attributes in that format's own keys. The exact bytes of every format are checked by
 * the golden files (tests/golden/, collab export on real data). */
static void test_formats(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_metrics m;
    collab_metrics_options mo;
    collab_metrics_options_init(&mo);
    collab_error err = {0};
    assert_int_equal(collab_metrics_compute(&m, &g, &mo, &err), COLLAB_OK);
    double xs[4] = {10, 20, 30, 40};
    double ys[4] = {5, 0, 15, 25};
    double radius[4] = {1, 2, 3, 4};
    collab_rgba color[4] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {0.5, 0.5, 0.5, 1}};
    uint32_t membership[4] = {0, 0, 1, 1};
    size_t sizes[2] = {2, 2};
    collab_partition p = {
        .n = 4, .membership = membership, .n_communities = 2, .sizes = sizes, .modularity = 0.25};
    collab_export_input in = {.graph = &g,
                              .list = &list,
                              .metrics = &m,
                              .partition = &p,
                              .x = xs,
                              .y = ys,
                              .radius = radius,
                              .color = color,
                              .layout_name = "fa2"};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        const format_keys *f = &formats[i];
        rd_graph r;
        memset(&r, 0, sizeof r);
        char *text = export_text(&in, f->fmt);
        if (f->fmt == COLLAB_EXPORT_CSV_NODES) {
            rd_read_csv_table(&r, text, false);
            char *edges = export_text(&in, COLLAB_EXPORT_CSV_EDGES);
            rd_read_csv_table(&r, edges, true);
            free(edges);
        } else {
            f->read(&r, text);
        }
        check_nodes(f, &r);
        check_edges(f, &r);
        check_extras(f, &r);
        rd_free(&r);
        free(text);
    }
    collab_metrics_destroy(&m);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* A NaN metric (constraint of an isolated node) is left out, never written as "nan". */
static void test_nan_is_absent(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "person,project\nA,P1\nB,P1\nC,P2\n", COLLAB_VIEW_DEFAULT,
               COLLAB_WEIGHT_COUNT);
    collab_metrics m;
    collab_metrics_options mo;
    collab_metrics_options_init(&mo);
    collab_error err = {0};
    assert_int_equal(collab_metrics_compute(&m, &g, &mo, &err), COLLAB_OK);
    assert_true(isnan(m.values[COLLAB_METRIC_CONSTRAINT][2]));
    collab_export_input in = {.graph = &g, .list = &list, .metrics = &m};
    for (int fmt = COLLAB_EXPORT_GRAPHML; fmt <= COLLAB_EXPORT_CSV_EDGES; fmt++) {
        char *text = export_text(&in, (collab_export_format)fmt);
        assert_null(strstr(text, "nan"));
        assert_null(strstr(text, "NaN"));
        assert_null(strstr(text, "inf"));
        free(text);
    }
    /* C's row in the node table has an empty constraint cell */
    char *text = export_text(&in, COLLAB_EXPORT_CSV_NODES);
    assert_non_null(strstr(text, "\n2,C,person,1,"));
    free(text);
    collab_metrics_destroy(&m);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_errors(void **state)
{
    (void)state;
    memout m;
    memout_open(&m);
    collab_error err = {0};
    collab_export_input none = {0};
    assert_int_equal(collab_export_write(m.f, &none, COLLAB_EXPORT_GML, &err), COLLAB_E_USAGE);
    assert_string_equal(err.message, "nothing to export: no graph");
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "source,target\na,b\n", COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_export_input in = {.graph = &g};
    collab_error_clear(&err);
    assert_int_equal(collab_export_write(m.f, &in, (collab_export_format)42, &err), COLLAB_E_USAGE);
    assert_string_equal(err.message, "unknown export format 42");
    memout_close(&m);
    free(m.text);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* Fail the n-th allocation for n = 0, 1, 2...: COLLAB_E_NOMEM and no leak, until it succeeds. */
static void test_allocation_failure(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_BIPARTITE, COLLAB_WEIGHT_COUNT);
    collab_export_input in = {.graph = &g, .list = &list};
    for (int fmt = COLLAB_EXPORT_GRAPHML; fmt <= COLLAB_EXPORT_CSV_EDGES; fmt++) {
        bool done = false;
        long n = 0;
        for (; !done && n < 1000; n++) {
            memout m;
            memout_open(&m);
            collab_error err = {0};
            collab_alloc_fail_after(n);
            collab_status st = collab_export_write(m.f, &in, (collab_export_format)fmt, &err);
            collab_alloc_fail_after(-1);
            memout_close(&m);
            free(m.text);
            if (st == COLLAB_OK) {
                done = true;
            } else {
                assert_int_equal(st, COLLAB_E_NOMEM);
                assert_true(strcmp(err.message, "out of memory exporting the graph") == 0 ||
                            strcmp(err.message, "out of memory counting credits") == 0);
            }
        }
        assert_true(done);
        if (fmt == COLLAB_EXPORT_CSV_EDGES) {
            /* no credit values: its text buffer, the names' slots and the field they are
             * escaped in */
            assert_int_equal(n, 4);
        } else {
            assert_true(n > 5); /* the credit values alone allocate more than that */
        }
    }
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* The edge table names both ends of each edge, escaped as CSV fields (quotes doubled, commas
 * quoted, a formula's first character behind an apostrophe) exactly as the node table does;
 * a field of 31 bytes (the most a name's slot holds) and a longer one. */
static void test_edge_table_names(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list,
               "source,target\n\"a,b\",\"q\"\"x\"\n=f,plain\nplain,\"a,b\"\n"
               "\"a name, with a comma, longer than a slot\",\"abcdefghijklmnopqrstuvwxyz01234\"\n",
               COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_export_input in = {.graph = &g, .list = &list};
    char *text = export_text(&in, COLLAB_EXPORT_CSV_EDGES);
    assert_string_equal(text, "source_id,target_id,source,target,weight\n"
                              "0,1,\"a,b\",\"q\"\"x\",1\n"
                              "2,3,\"'=f\",plain,1\n"
                              "0,3,\"a,b\",plain,1\n"
                              "4,5,\"a name, with a comma, longer than a slot\","
                              "abcdefghijklmnopqrstuvwxyz01234,1\n");
    free(text);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* The allocations an export makes, plus one: fails the n-th for n = 0, 1, ... until it succeeds,
 * each failure COLLAB_E_NOMEM. */
static long allocations(const collab_export_input *in, collab_export_format fmt)
{
    for (long n = 0; n < 1000; n++) {
        memout m;
        memout_open(&m);
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_export_write(m.f, in, fmt, &err);
        collab_alloc_fail_after(-1);
        memout_close(&m);
        free(m.text);
        if (st == COLLAB_OK) {
            return n + 1;
        }
        assert_int_equal(st, COLLAB_E_NOMEM);
    }
    fail();
    return -1;
}

/* Credit facts computed once by the caller (in->facts) give every format the same bytes as the
 * facts each writer computes for itself; the writer then uses the given facts (a changed credit
 * count shows) and computes none: its text buffer is its one allocation (the edge table's also
 * its escaped names, VOSviewer's its clusters). */
static void test_shared_facts(void **state)
{
    (void)state;
    for (int view = 0; view < 2; view++) {
        collab_graph g = {0};
        collab_edgelist list = {0};
        build_text(&g, &list, credits, view ? COLLAB_VIEW_BIPARTITE : COLLAB_VIEW_DEFAULT,
                   COLLAB_WEIGHT_COUNT);
        collab_credit_facts facts;
        collab_error err = {0};
        assert_int_equal(collab_credit_facts_compute(&facts, &g, &list, &err), COLLAB_OK);
        collab_export_input own = {.graph = &g, .list = &list};
        collab_export_input shared = own;
        shared.facts = &facts;
        for (int fmt = COLLAB_EXPORT_GRAPHML; fmt <= COLLAB_EXPORT_CSV_EDGES; fmt++) {
            char *a = export_text(&own, (collab_export_format)fmt);
            char *b = export_text(&shared, (collab_export_format)fmt);
            assert_string_equal(a, b);
            free(a);
            free(b);
            long with_own = allocations(&own, (collab_export_format)fmt);
            long with_shared = allocations(&shared, (collab_export_format)fmt);
            if (fmt == COLLAB_EXPORT_VOSVIEWER) {
                /* its clusters and metadata allocate besides */
                assert_true(with_shared < with_own);
            } else if (fmt == COLLAB_EXPORT_CSV_EDGES) {
                assert_int_equal(with_shared, 4); /* and the names' slots and scratch */
            } else {
                assert_int_equal(with_shared, 2);
            }
        }
        /* the given facts are the ones written: B's 4 credits made 7 */
        uint32_t b = collab_names_find(&g.names, "B", 1);
        assert_int_equal(facts.n_credits[b], 4);
        facts.n_credits[b] = 7;
        char *text = export_text(&shared, COLLAB_EXPORT_CSV_NODES);
        char row[64];
        snprintf(row, sizeof row, "\n%u,B,person,7,", b);
        assert_non_null(strstr(text, row));
        free(text);
        collab_credit_facts_destroy(&facts);
        collab_graph_destroy(&g);
        collab_edgelist_destroy(&list);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_from_path),   cmocka_unit_test(test_edges_path),
        cmocka_unit_test(test_credit_values),      cmocka_unit_test(test_formats),
        cmocka_unit_test(test_nan_is_absent),      cmocka_unit_test(test_errors),
        cmocka_unit_test(test_allocation_failure), cmocka_unit_test(test_shared_facts),
        cmocka_unit_test(test_edge_table_names),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
