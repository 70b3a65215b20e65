/* Networks from other tools (load_detect.c, load_network.c): GraphML, GML and Pajek read through
 * igraph into the edgelist a CSV gives, with every node a vertex in the file's order; the names,
 * weights, direction and person-project files; errors with their exact message and line; and
 * every allocation failing in turn. */
#include "collab/alloc.h"
#include "collab/graph.h"

#include "test_support.h"

static const char *const gephi_graphml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key attr.name=\"label\" attr.type=\"string\" for=\"node\" id=\"label\"/>\n"
    "  <key attr.name=\"weight\" attr.type=\"double\" for=\"edge\" id=\"weight\"/>\n"
    "  <graph edgedefault=\"directed\">\n"
    "    <node id=\"n0\"><data key=\"label\"> Zoe\xcc\x88 </data></node>\n"
    "    <node id=\"n1\"><data key=\"label\">Amanda</data></node>\n"
    "    <node id=\"n2\"><data key=\"label\">Neil</data></node>\n"
    "    <node id=\"n3\"><data key=\"label\">Alone</data></node>\n"
    "    <edge source=\"n0\" target=\"n1\"><data key=\"weight\">2.0</data></edge>\n"
    "    <edge source=\"n1\" target=\"n0\"><data key=\"weight\">1.5</data></edge>\n"
    "    <edge source=\"n1\" target=\"n2\"/>\n"
    "    <edge source=\"n2\" target=\"n2\"><data key=\"weight\">4.0</data></edge>\n"
    "  </graph>\n"
    "</graphml>\n";

static void test_graphml_labels_weights_isolated(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list, gephi_graphml, NULL, &err), COLLAB_OK);
    assert_int_equal(list.format, COLLAB_INPUT_GRAPHML);
    assert_int_equal(list.shape, COLLAB_SHAPE_EDGES);
    assert_string_equal(list.name_attribute, "label");
    assert_string_equal(list.weight_attribute, "weight");
    assert_true(list.file_directed);
    assert_true(list.vertices_listed);
    assert_int_equal(list.names_a.count, 4);
    assert_string_equal(collab_names_get(&list.names_a, 0), "Zo\xc3\xab"); /* NFC, trimmed */
    assert_int_equal(list.n_rows, 4);
    assert_int_equal(list.rows_read, 4);
    assert_true(list.weight[1] == 1.5 && list.weight[2] == 1.0);

    collab_graph g;
    collab_graph_options opt;
    collab_graph_options_init(&opt);
    assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
    assert_int_equal(igraph_vcount(&g.graph), 4); /* the isolated node kept */
    assert_int_equal(igraph_ecount(&g.graph), 2); /* both directions summed, self-loop dropped */
    assert_true(edge_weight(&g, "Zo\xc3\xab", "Amanda") == 3.5);
    assert_string_equal(collab_names_get(&g.names, 3), "Alone");
    assert_int_equal(g.stats.self_loops, 1);
    assert_int_equal(g.stats.merged_rows, 1);
    collab_graph_destroy(&g);

    opt.directed = true;
    assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
    assert_int_equal(igraph_ecount(&g.graph), 3);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

static void test_gml_numbered_entities_latin1(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    /* Newman's files: ids only; the weight in `value`. */
    assert_int_equal(load_text(&list,
                               "Creator \"x\"\ngraph\n[\n  node [ id 7 ]\n  node [ id 9 ]\n"
                               "  edge [ source 9 target 7 value 3 ]\n]\n",
                               NULL, &err),
                     COLLAB_OK);
    assert_int_equal(list.format, COLLAB_INPUT_GML);
    assert_string_equal(list.name_attribute, "id");
    assert_string_equal(list.weight_attribute, "value");
    assert_string_equal(collab_names_get(&list.names_a, 0), "7");
    assert_string_equal(collab_names_get(&list.names_a, 1), "9");
    assert_true(list.weight[0] == 3);
    collab_edgelist_destroy(&list);
    /* &#N; and &#xN; references (collab's own GML) and ISO-8859-1 bytes (older tools). */
    assert_int_equal(load_text(&list,
                               "graph [\n node [ id 0 label \"Bj\xf6rk\" ]\n"
                               " node [ id 1 label \"R&#243;s &#x4E2D;\" ]\n"
                               " edge [ source 0 target 1 ]\n]\n",
                               NULL, &err),
                     COLLAB_OK);
    assert_string_equal(collab_names_get(&list.names_a, 0), "Bj\xc3\xb6rk");
    assert_string_equal(collab_names_get(&list.names_a, 1), "R\xc3\xb3s \xe4\xb8\xad");
    assert_string_equal(list.weight_attribute, "");
    collab_edgelist_destroy(&list);
}

static void test_pajek_arcs_and_repeated_labels(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list,
                               "% comment\n*Vertices 4\n1 \"A\"\n2 \"A\"\n3 \"\"\n4 \"B\"\n"
                               "*Arcs\n1 2 2\n3 4\n",
                               NULL, &err),
                     COLLAB_OK);
    assert_int_equal(list.format, COLLAB_INPUT_PAJEK);
    assert_true(list.file_directed);
    /* A repeated and an empty label: those nodes are named by their number. */
    assert_int_equal(list.names_replaced, 2);
    assert_string_equal(collab_names_get(&list.names_a, 0), "A");
    assert_string_equal(collab_names_get(&list.names_a, 1), "2");
    assert_string_equal(collab_names_get(&list.names_a, 2), "3");
    assert_string_equal(collab_names_get(&list.names_a, 3), "B");
    collab_edgelist_destroy(&list);
}

/* One node without a label keeps the others' labels; it alone is named by its id. */
static void test_one_label_missing(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list,
                               "graph [\n node [ id 5 label \"Ann\" ]\n node [ id 6 ]\n"
                               " node [ id 7 label \"Cy\" ]\n edge [ source 5 target 6 ]\n]\n",
                               NULL, &err),
                     COLLAB_OK);
    assert_string_equal(list.name_attribute, "label");
    assert_int_equal(list.names_replaced, 1);
    assert_string_equal(collab_names_get(&list.names_a, 0), "Ann");
    assert_string_equal(collab_names_get(&list.names_a, 1), "6");
    assert_string_equal(collab_names_get(&list.names_a, 2), "Cy");
    collab_edgelist_destroy(&list);
}

static void test_person_project_network_is_credits(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    const char *gml = "graph [\n"
                      " node [ id 0 label \"Ann\" kind \"person\" ]\n"
                      " node [ id 1 label \"Bo\" kind \"person\" ]\n"
                      " node [ id 2 label \"Song\" kind \"project\" ]\n"
                      " node [ id 3 label \"Idle\" kind \"person\" ]\n"
                      " edge [ source 2 target 0 weight 2 ]\n"
                      " edge [ source 1 target 2 weight 1 ]\n]\n";
    assert_int_equal(load_text(&list, gml, NULL, &err), COLLAB_OK);
    assert_int_equal(list.shape, COLLAB_SHAPE_CREDITS);
    assert_int_equal(list.names_a.count, 3);
    assert_int_equal(list.names_b.count, 1);
    assert_int_equal(list.n_rows, 3); /* a weight of 2: two credit rows */
    assert_string_equal(collab_names_get(&list.names_a, list.a[0]), "Ann");
    assert_string_equal(collab_names_get(&list.names_b, list.b[0]), "Song");
    collab_graph g;
    collab_graph_options opt;
    collab_graph_options_init(&opt);
    assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
    assert_int_equal(igraph_vcount(&g.graph), 3); /* the people, Idle isolated */
    assert_true(edge_weight(&g, "Ann", "Bo") == 1);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
    /* A Pajek two-mode network: the first 2 of 3 vertices are people. */
    assert_int_equal(load_text(&list,
                               "*Vertices 3 2\n1 \"Ann\"\n2 \"Bo\"\n3 \"Song\"\n*Edges\n3 1\n2 3\n",
                               NULL, &err),
                     COLLAB_OK);
    assert_int_equal(list.shape, COLLAB_SHAPE_CREDITS);
    assert_int_equal(list.names_a.count, 2);
    assert_string_equal(collab_names_get(&list.names_b, 0), "Song");
    collab_edgelist_destroy(&list);
    /* Two people tied directly: not a person-project network, an edge list. */
    assert_int_equal(load_text(&list,
                               "graph [\n node [ id 0 label \"Ann\" kind \"person\" ]\n"
                               " node [ id 1 label \"Bo\" kind \"person\" ]\n"
                               " edge [ source 0 target 1 ]\n]\n",
                               NULL, &err),
                     COLLAB_OK);
    assert_int_equal(list.shape, COLLAB_SHAPE_EDGES);
    collab_edgelist_destroy(&list);
}

/* A placeholder node ("Various Artists") is left out as from a CSV; an isolated node stays. */
static void test_placeholder_nodes_left_out(void **state)
{
    (void)state;
    const char *edges = "graph [\n node [ id 0 label \"Ann\" ]\n node [ id 1 label \"Various "
                        "Artists\" ]\n node [ id 2 label \"Bo\" ]\n node [ id 3 label \"Cy\" ]\n"
                        " edge [ source 0 target 1 ]\n edge [ source 0 target 2 ]\n]\n";
    const char *credits = "graph [\n node [ id 0 label \"Ann\" kind \"person\" ]\n"
                          " node [ id 1 label \"N/A\" kind \"person\" ]\n"
                          " node [ id 2 label \"Bo\" kind \"person\" ]\n"
                          " node [ id 3 label \"Song\" kind \"project\" ]\n"
                          " edge [ source 0 target 3 ]\n edge [ source 1 target 3 ]\n"
                          " edge [ source 2 target 3 ]\n]\n";
    const char *texts[] = {edges, credits};
    const size_t vertices[] = {3, 2};
    for (int k = 0; k < 2; k++) {
        collab_edgelist list;
        collab_error err = {0};
        assert_int_equal(load_text(&list, texts[k], NULL, &err), COLLAB_OK);
        collab_graph g;
        collab_graph_options opt;
        collab_graph_options_init(&opt);
        assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
        assert_int_equal(igraph_vcount(&g.graph), vertices[k]);
        assert_int_equal(collab_names_find(&g.names, "N/A", 3), COLLAB_NO_ID);
        assert_int_equal(collab_names_find(&g.names, "Various Artists", 15), COLLAB_NO_ID);
        assert_int_equal(g.stats.people_left_out, 1);
        collab_graph_destroy(&g);
        opt.keep_placeholders = true;
        assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
        assert_int_equal(igraph_vcount(&g.graph), vertices[k] + 1);
        collab_graph_destroy(&g);
        collab_edgelist_destroy(&list);
    }
}

/* Loads `text` expecting failure: the status, message and line. */
static void expect_error(const char *text, const collab_load_options *opt, collab_status status,
                         long line, const char *message)
{
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list, text, opt, &err), status);
    assert_string_equal(err.message, message);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, 0);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("graph [\n node [ id 0 ]\n node [ id 1\n", NULL, COLLAB_E_INPUT, 4,
                 "not a valid GML file: syntax error, unexpected end of file, expecting keyword "
                 "or ]");
    expect_error("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/"
                 "xmlns\">\n<graph edgedefault=\"undirected\">\n<node id=\"a\">\n</graph>\n"
                 "</graphml>\n",
                 NULL, COLLAB_E_INPUT, 5,
                 "not a valid GraphML file: opening and ending tag mismatch: node line 4 and "
                 "graph");
    expect_error("*Vertices 2\n1 \"a\"\n*Edges\n1 x\n", NULL, COLLAB_E_INPUT, 4,
                 "not a valid Pajek file: syntax error, unexpected ALNUM, expecting number");
    expect_error("graph [\n node [ id 0 label \"a\" ]\n node [ id 1 label \"b\" ]\n"
                 " edge [ source 1 target 0 weight -2 ]\n]\n",
                 NULL, COLLAB_E_INPUT, 0, "edge 1 ('a' - 'b'): weight '-2' is not greater than 0");
    /* A weight stored as text (some tools declare it a string) is read as a number. */
    expect_error("<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/"
                 "xmlns\">\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" "
                 "attr.type=\"string\"/>\n<graph edgedefault=\"undirected\">\n<node id=\"a\"/>"
                 "<node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">inf</data>"
                 "</edge>\n</graph>\n</graphml>\n",
                 NULL, COLLAB_E_INPUT, 0,
                 "edge 1 ('a' - 'b'): weight 'inf' is not a finite number");
    expect_error("graph [\n directed 0\n]\n", NULL, COLLAB_E_INPUT, 0, "the GML file has no nodes");
    expect_error("<?xml version=\"1.0\"?>\n<gexf version=\"1.2\"><graph/></gexf>\n", NULL,
                 COLLAB_E_INPUT, 0,
                 "this is a GEXF file, which collab does not read: save the network as GraphML "
                 "(Gephi: File > Export > Graph file, GraphML), or its edge table as CSV");
    collab_load_options opt;
    collab_load_options_init(&opt);
    opt.weight_col = "w";
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list, "*Vertices 1\n", &opt, &err), COLLAB_E_USAGE);
    /* The message names the temporary file: its start and end are checked. */
    assert_true(strncmp(err.message, "--weight-col applies to CSV files, and '", 40) == 0);
    assert_non_null(strstr(err.message, "' is a Pajek file (--input-format csv reads it as CSV)"));
}

static void test_detection_and_override(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    /* CSV headers that start like GML keys stay CSV. */
    assert_int_equal(load_text(&list, "graph,project\nA,P\nB,P\n", NULL, &err), COLLAB_E_INPUT);
    assert_int_equal(load_text(&list, "person,project\nA,graph [\nB,graph [\n", NULL, &err),
                     COLLAB_OK);
    assert_int_equal(list.format, COLLAB_INPUT_CSV);
    collab_edgelist_destroy(&list);
    /* --input-format csv reads a network file as CSV (and fails on its shape). */
    collab_load_options opt;
    collab_load_options_init(&opt);
    opt.format = COLLAB_INPUT_CSV;
    err = (collab_error){0};
    assert_int_equal(load_text(&list, "*Vertices 1\n1 \"a\"\n", &opt, &err), COLLAB_E_INPUT);
    collab_input_format f;
    assert_true(collab_input_format_parse("net", &f) && f == COLLAB_INPUT_PAJEK);
    assert_true(collab_input_format_parse("GraphML", &f) && f == COLLAB_INPUT_GRAPHML);
    assert_false(collab_input_format_parse("gexf", &f));
    assert_string_equal(collab_input_format_name(COLLAB_INPUT_GML), "gml");
}

/* For n = 0, 1, 2, ...: the n-th allocation fails, which gives COLLAB_E_NOMEM and frees
 * everything, until the read succeeds. */
static void test_allocation_failures(void **state)
{
    (void)state;
    char path[64];
    write_temp(path, gephi_graphml, strlen(gephi_graphml));
    collab_load_options opt;
    collab_load_options_init(&opt);
    bool done = false;
    for (long n = 0; !done && n < 10000; n++) {
        collab_edgelist list = {0};
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_load_file(&list, path, &opt, &err);
        collab_alloc_fail_after(-1);
        if (st == COLLAB_OK) {
            done = true;
            collab_edgelist_destroy(&list);
        } else {
            assert_int_equal(st, COLLAB_E_NOMEM);
        }
        assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    }
    assert_true(done);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graphml_labels_weights_isolated),
        cmocka_unit_test(test_gml_numbered_entities_latin1),
        cmocka_unit_test(test_pajek_arcs_and_repeated_labels),
        cmocka_unit_test(test_one_label_missing),
        cmocka_unit_test(test_person_project_network_is_credits),
        cmocka_unit_test(test_placeholder_nodes_left_out),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_detection_and_override),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
