/* Summary: node, edge, isolated-node, component, largest-component, density and weight figures
 * of small graphs counted by hand (disconnected, directed, complete, empty, one vertex), the
 * text and JSON writers read back line by line and with jansson, and allocation failure. The
 * exact bytes of both writers on real data are golden files (tests/golden/). */
#include "collab/alloc.h"
#include "collab/summary.h"

#include <jansson.h>
#include <math.h>

#include "test_support.h"

static int teardown(void **state)
{
    (void)state;
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return 0;
}

/* A graph of `n` vertices named v0, v1, ... and `m` undirected edges (weight NULL = 1 each). */
static void make_graph(collab_graph *g, size_t n, const uint32_t *ends, size_t m, const double *w)
{
    static char text[16][24];
    const char *names[16];
    uint32_t from[16];
    uint32_t to[16];
    assert_true(n <= 16 && m <= 16);
    for (size_t v = 0; v < n; v++) {
        snprintf(text[v], sizeof text[v], "v%zu", v);
        names[v] = text[v];
    }
    for (size_t e = 0; e < m; e++) {
        from[e] = ends[2 * e];
        to[e] = ends[2 * e + 1];
    }
    collab_error err = {0};
    assert_int_equal(collab_graph_from_edges(g, names, NULL, n, from, to, w, m, &err), COLLAB_OK);
}

static collab_summary summarise(const collab_graph *g)
{
    collab_summary s;
    collab_error err = {0};
    assert_int_equal(collab_summary_compute(&s, g, &err), COLLAB_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return s;
}

/* v0-v1 (weight 0.5), the triangle v2-v3-v4 (1, 2, 3), v5 and v6 alone. 7 nodes, 4 edges,
 * 2 isolated, 4 components; the largest is the triangle (3 nodes, 3 edges) though it does not
 * hold v0; density 4 / C(7, 2) = 4/21; total weight 6.5. */
static void test_disconnected(void **state)
{
    (void)state;
    static const uint32_t ends[] = {0, 1, 2, 3, 3, 4, 4, 2};
    static const double w[] = {0.5, 1, 2, 3};
    collab_graph g;
    make_graph(&g, 7, ends, 4, w);
    collab_summary s = summarise(&g);
    assert_int_equal(s.nodes, 7);
    assert_int_equal(s.edges, 4);
    assert_int_equal(s.isolated, 2);
    assert_int_equal(s.components, 4);
    assert_int_equal(s.largest_nodes, 3);
    assert_int_equal(s.largest_edges, 3);
    assert_float_equal(s.density, 4.0 / 21.0, 1e-15);
    assert_float_equal(s.total_weight, 6.5, 0);
    collab_graph_destroy(&g);
}

/* The path v0-v1-v2 (2 edges) and the triangle v3-v4-v5 (3 edges) both have 3 nodes: the tie goes
 * to the component of the lowest vertex id (ties broken by id, STYLE.md section 5), so the
 * largest component has 2 edges. */
static void test_largest_tie_by_id(void **state)
{
    (void)state;
    static const uint32_t ends[] = {0, 1, 1, 2, 3, 4, 4, 5, 5, 3};
    collab_graph g;
    make_graph(&g, 6, ends, 5, NULL);
    collab_summary s = summarise(&g);
    assert_int_equal(s.components, 2);
    assert_int_equal(s.isolated, 0);
    assert_int_equal(s.largest_nodes, 3);
    assert_int_equal(s.largest_edges, 2);
    assert_float_equal(s.density, 5.0 / 15.0, 1e-15);
    assert_float_equal(s.total_weight, 5.0, 0);
    collab_graph_destroy(&g);
}

/* K5: density exactly 1; one component holding everything. */
static void test_complete(void **state)
{
    (void)state;
    uint32_t ends[20];
    size_t m = 0;
    for (uint32_t a = 0; a < 5; a++) {
        for (uint32_t b = a + 1; b < 5; b++) {
            ends[2 * m] = a;
            ends[2 * m++ + 1] = b;
        }
    }
    collab_graph g;
    make_graph(&g, 5, ends, m, NULL);
    collab_summary s = summarise(&g);
    assert_int_equal(s.edges, 10);
    assert_int_equal(s.components, 1);
    assert_int_equal(s.largest_nodes, 5);
    assert_int_equal(s.largest_edges, 10);
    assert_true(s.density == 1.0);
    collab_graph_destroy(&g);
}

/* Directed: density is arcs / (n (n - 1)); components are weak. Arcs v0->v1, v1->v2 and v3
 * alone: density 2 / 12, 2 components (v0-v1-v2 joined weakly), 1 isolated. */
static void test_directed(void **state)
{
    (void)state;
    static const uint32_t ends[] = {0, 1, 1, 2};
    collab_graph g;
    make_graph(&g, 4, ends, 2, NULL);
    assert_int_equal(igraph_to_directed(&g.graph, IGRAPH_TO_DIRECTED_ARBITRARY), IGRAPH_SUCCESS);
    collab_summary s = summarise(&g);
    assert_int_equal(s.edges, 2);
    assert_int_equal(s.components, 2);
    assert_int_equal(s.isolated, 1);
    assert_int_equal(s.largest_nodes, 3);
    assert_int_equal(s.largest_edges, 2);
    assert_float_equal(s.density, 2.0 / 12.0, 1e-15);
    collab_graph_destroy(&g);
}

/* No vertex: every figure 0 (density too, not NaN). One vertex: one isolated component. */
static void test_empty_and_single_vertex(void **state)
{
    (void)state;
    collab_graph g;
    make_graph(&g, 0, NULL, 0, NULL);
    collab_summary s = summarise(&g);
    assert_int_equal(s.nodes, 0);
    assert_int_equal(s.edges, 0);
    assert_int_equal(s.isolated, 0);
    assert_int_equal(s.components, 0);
    assert_int_equal(s.largest_nodes, 0);
    assert_int_equal(s.largest_edges, 0);
    assert_true(s.density == 0.0);
    assert_true(s.total_weight == 0.0);
    collab_graph_destroy(&g);
    make_graph(&g, 1, NULL, 0, NULL);
    s = summarise(&g);
    assert_int_equal(s.nodes, 1);
    assert_int_equal(s.isolated, 1);
    assert_int_equal(s.components, 1);
    assert_int_equal(s.largest_nodes, 1);
    assert_int_equal(s.largest_edges, 0);
    assert_true(s.density == 0.0);
    collab_graph_destroy(&g);
}

/* Credits, people view: A and B share P1, C and D are alone on P2 and P3. 4 nodes, 1 edge, 2
 * isolated, 3 components, the largest 2 nodes (50%) and 1 edge, density 1/6, weight 1. */
static const char *const credits = "person,project,role,year\n"
                                   "A,P1,mixer,2000\nB,P1,producer,2001\nC,P2,mixer,\nD,P3,,\n";

static void load_credits(collab_edgelist *list, collab_graph *g, collab_graph_options *opt)
{
    collab_error err = {0};
    memset(list, 0, sizeof *list);
    assert_int_equal(load_text(list, credits, NULL, &err), COLLAB_OK);
    collab_graph_options_init(opt);
    assert_int_equal(collab_graph_build(g, list, opt, &err), COLLAB_OK);
}

/* The value after "key:" on its line of `text` (spaces trimmed), or fails. */
static void text_value(const char *text, const char *key, char *out, size_t size)
{
    size_t klen = strlen(key);
    for (const char *line = text; line != NULL && *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
        if (len > klen && strncmp(line, key, klen) == 0 && line[klen] == ':') {
            const char *v = line + klen + 1;
            while (*v == ' ') {
                v++;
            }
            size_t vlen = (size_t)(line + len - v);
            assert_true(vlen < size);
            memcpy(out, v, vlen);
            out[vlen] = '\0';
            return;
        }
        line = end != NULL ? end + 1 : NULL;
    }
    fail_msg("no line '%s:' in:\n%s", key, text);
}

static void expect_line(const char *text, const char *key, const char *want)
{
    char got[256];
    text_value(text, key, got, sizeof got);
    if (strcmp(got, want) != 0) {
        fail_msg("'%s' is '%s', expected '%s'", key, got, want);
    }
}

static void test_text_writer(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_graph g;
    collab_graph_options opt;
    load_credits(&list, &g, &opt);
    collab_summary s = summarise(&g);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    collab_error err = {0};
    assert_int_equal(collab_summary_write_text(f, &s, &list, &g, &opt, &err), COLLAB_OK);
    assert_int_equal(fclose(f), 0);
    expect_line(text, "shape", "credits");
    expect_line(text, "rows read", "4");
    expect_line(text, "rows used", "4");
    expect_line(text, "roles", "2 distinct");
    expect_line(text, "persons", "4");
    expect_line(text, "projects", "3");
    expect_line(text, "memberships", "4");
    expect_line(text, "view", "people");
    expect_line(text, "nodes", "4");
    expect_line(text, "edges", "1");
    expect_line(text, "isolated nodes", "2");
    expect_line(text, "components", "3");
    expect_line(text, "largest component", "2 nodes (50.0%), 1 edges");
    expect_line(text, "density", "0.166667");
    expect_line(text, "total weight", "1");
    free(text);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_json_writer(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_graph g;
    collab_graph_options opt;
    load_credits(&list, &g, &opt);
    collab_summary s = summarise(&g);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    collab_error err = {0};
    assert_int_equal(collab_summary_write_json(f, &s, &list, &g, &opt, &err), COLLAB_OK);
    assert_int_equal(fclose(f), 0);
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    if (root == NULL) {
        fail_msg("not JSON (%s):\n%s", jerr.text, text);
    }
    json_t *input = json_object_get(root, "input");
    json_t *graph = json_object_get(root, "graph");
    assert_string_equal(json_string_value(json_object_get(input, "shape")), "credits");
    assert_int_equal(json_integer_value(json_object_get(input, "rows_read")), 4);
    assert_int_equal(json_integer_value(json_object_get(input, "roles")), 2);
    assert_int_equal(json_array_size(json_object_get(input, "columns")), 4);
    assert_int_equal(json_integer_value(json_object_get(graph, "persons")), 4);
    assert_int_equal(json_integer_value(json_object_get(graph, "projects")), 3);
    assert_int_equal(json_integer_value(json_object_get(graph, "nodes")), 4);
    assert_int_equal(json_integer_value(json_object_get(graph, "edges")), 1);
    assert_int_equal(json_integer_value(json_object_get(graph, "isolated_nodes")), 2);
    assert_int_equal(json_integer_value(json_object_get(graph, "components")), 3);
    assert_int_equal(json_integer_value(json_object_get(graph, "largest_component_nodes")), 2);
    assert_int_equal(json_integer_value(json_object_get(graph, "largest_component_edges")), 1);
    assert_float_equal(json_real_value(json_object_get(graph, "density")), 1.0 / 6.0, 1e-15);
    assert_float_equal(json_real_value(json_object_get(graph, "total_weight")), 1.0, 0);
    assert_int_equal(json_array_size(json_object_get(root, "warnings")), 0);
    json_decref(root);
    free(text);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* Fail the n-th allocation: COLLAB_E_NOMEM, `out` untouched and no leak, until it succeeds. */
static void test_allocation_failure(void **state)
{
    (void)state;
    static const uint32_t ends[] = {0, 1, 2, 3, 3, 4, 4, 2};
    collab_graph g;
    make_graph(&g, 7, ends, 4, NULL);
    bool done = false;
    long n = 0;
    for (; n < 100 && !done; n++) {
        collab_summary s;
        memset(&s, 0xab, sizeof s);
        unsigned char before[sizeof s];
        memcpy(before, &s, sizeof s);
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_summary_compute(&s, &g, &err);
        collab_alloc_fail_after(-1);
        if (st == COLLAB_OK) {
            assert_int_equal(s.components, 4);
            done = true;
        } else {
            assert_int_equal(st, COLLAB_E_NOMEM);
            assert_string_equal(err.message, "out of memory counting components");
            assert_memory_equal(&s, before, sizeof s);
        }
    }
    assert_true(done);
    assert_true(n > 1);
    collab_graph_destroy(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_disconnected, teardown),
        cmocka_unit_test_teardown(test_largest_tie_by_id, teardown),
        cmocka_unit_test_teardown(test_complete, teardown),
        cmocka_unit_test_teardown(test_directed, teardown),
        cmocka_unit_test_teardown(test_empty_and_single_vertex, teardown),
        cmocka_unit_test_teardown(test_text_writer, teardown),
        cmocka_unit_test_teardown(test_json_writer, teardown),
        cmocka_unit_test_teardown(test_allocation_failure, teardown),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
