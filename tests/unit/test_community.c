/* Community detection: two cliques joined by a bridge found by every method, modularity worked
 * out by hand (weighted, parallel edges, directed, resolution), canonical numbering by size then
 * smallest member, seeded determinism, graphs without edges or vertices, the walktrap size
 * limit, method names, and allocation failure. */
#include "collab/alloc.h"
#include "collab/community.h"

#include <math.h>

#include "test_support.h"

/* Every test that touches igraph must leave its FINALLY stack empty. */
static int teardown(void **state)
{
    (void)state;
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return 0;
}

/* A graph of `n` vertices named v0, v1, ... and `m` undirected edges (weight NULL = 1 each). */
static void make_graph(collab_graph *g, size_t n, const uint32_t *ends, size_t m, const double *w)
{
    char(*text)[24] = calloc(n + 1, sizeof *text);
    const char **names = calloc(n + 1, sizeof *names);
    uint32_t *from = calloc(m + 1, sizeof *from);
    uint32_t *to = calloc(m + 1, sizeof *to);
    assert_true(text != NULL && names != NULL && from != NULL && to != NULL);
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
    free(text);
    free(names);
    free(from);
    free(to);
}

/* K4 on 0-3 and K4 on 4-7 (12 edges), then the bridge 3-4 as edge 12. */
static const uint32_t two_cliques[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3, 4, 5,
                                       4, 6, 4, 7, 5, 6, 5, 7, 6, 7, 3, 4, 3, 4};

static void detect_ok(collab_partition *p, const collab_graph *g,
                      const collab_community_options *opt)
{
    collab_error err = {0};
    collab_status st = collab_community_detect(p, g, opt, &err);
    if (st != COLLAB_OK) {
        fail_msg("community detection failed: %s", err.message);
    }
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    assert_int_equal(p->n, (size_t)igraph_vcount(&g->graph));
}

/* The partition is exactly `membership` (n entries) with `k` communities. */
static void assert_partition(const collab_partition *p, const uint32_t *membership, size_t n,
                             size_t k)
{
    assert_int_equal(p->n, n);
    assert_int_equal(p->n_communities, k);
    size_t counted[16] = {0};
    for (size_t v = 0; v < n; v++) {
        if (p->membership[v] != membership[v]) {
            fail_msg("vertex %zu is in community %u, expected %u", v, p->membership[v],
                     membership[v]);
        }
        counted[membership[v]]++;
    }
    for (size_t c = 0; c < k; c++) {
        assert_int_equal(p->sizes[c], counted[c]);
    }
}

static const uint32_t cliques_split[8] = {0, 0, 0, 0, 1, 1, 1, 1};

/* m = 13 edges; each side has 6 inside and degree sum 4 * 3 + 1 = 13, so
 * Q = 2 (6/13 - (13/26)^2) = 12/13 - 1/2 = 11/26. Both sides have 4 members: the side holding
 * vertex 0 is community 0. */
static void test_two_cliques_every_method(void **state)
{
    (void)state;
    collab_graph g;
    make_graph(&g, 8, two_cliques, 13, NULL);
    collab_community_options opt;
    collab_community_options_init(&opt);
    for (int method = 0; method < 5; method++) {
        opt.method = (collab_community_method)method;
        collab_partition p;
        detect_ok(&p, &g, &opt);
        assert_partition(&p, cliques_split, 8, 2);
        assert_float_equal(p.modularity, 11.0 / 26.0, 1e-12);
        collab_partition_destroy(&p);
    }
    collab_graph_destroy(&g);
}

/* Weighted: bridge weight 2, m = 12 + 2 = 14, each side's strength 12 + 2 = 14:
 * Q = 2 (6/14 - (14/28)^2) = 6/7 - 1/2 = 5/14. Two parallel bridges of weight 1 are the same
 * graph to modularity. */
static void test_weighted_and_parallel_bridge(void **state)
{
    (void)state;
    double w[13];
    for (size_t e = 0; e < 13; e++) {
        w[e] = e == 12 ? 2.0 : 1.0;
    }
    collab_community_options opt;
    collab_community_options_init(&opt);
    collab_graph g;
    collab_partition p;
    make_graph(&g, 8, two_cliques, 13, w);
    detect_ok(&p, &g, &opt);
    assert_partition(&p, cliques_split, 8, 2);
    assert_float_equal(p.modularity, 5.0 / 14.0, 1e-12);
    collab_partition_destroy(&p);
    collab_graph_destroy(&g);
    make_graph(&g, 8, two_cliques, 14, NULL); /* edges 12 and 13: 3-4 twice */
    detect_ok(&p, &g, &opt);
    assert_partition(&p, cliques_split, 8, 2);
    assert_float_equal(p.modularity, 5.0 / 14.0, 1e-12);
    collab_partition_destroy(&p);
    collab_graph_destroy(&g);
}

/* A low resolution favours one community: everything together, whose modularity (reported at
 * resolution 1) is 13/13 - (26/26)^2 = 0. */
static void test_resolution(void **state)
{
    (void)state;
    static const uint32_t together[8] = {0};
    collab_graph g;
    make_graph(&g, 8, two_cliques, 13, NULL);
    collab_community_options opt;
    collab_community_options_init(&opt);
    opt.resolution = 0.01;
    for (int method = 0; method < 2; method++) { /* leiden, louvain */
        opt.method = (collab_community_method)method;
        collab_partition p;
        detect_ok(&p, &g, &opt);
        assert_partition(&p, together, 8, 1);
        assert_float_equal(p.modularity, 0.0, 1e-12);
        collab_partition_destroy(&p);
    }
    collab_graph_destroy(&g);
}

/* Communities are numbered by size, then by smallest member, whatever igraph calls them:
 * K3 {0, 1, 4}, K3 {2, 3, 5}, K4 {6, 7, 8, 9}, three components. The K4 is community 0 though
 * it holds no low id; the K3 holding 0 comes before the one holding 2. Modularity, m = 12:
 * K4 6/12 - (12/24)^2 = 1/4, each K3 3/12 - (6/24)^2 = 3/16: 1/4 + 3/8 = 5/8. */
static void test_numbering_by_size_then_smallest_member(void **state)
{
    (void)state;
    static const uint32_t ends[] = {0, 1, 1, 4, 0, 4, 2, 3, 3, 5, 2, 5,
                                    6, 7, 6, 8, 6, 9, 7, 8, 7, 9, 8, 9};
    static const uint32_t want[10] = {1, 1, 2, 2, 1, 2, 0, 0, 0, 0};
    collab_graph g;
    make_graph(&g, 10, ends, 12, NULL);
    collab_community_options opt;
    collab_community_options_init(&opt);
    for (int method = 0; method < 5; method++) {
        opt.method = (collab_community_method)method;
        collab_partition p;
        detect_ok(&p, &g, &opt);
        assert_partition(&p, want, 10, 3);
        assert_int_equal(p.sizes[0], 4);
        assert_int_equal(p.sizes[1], 3);
        assert_int_equal(p.sizes[2], 3);
        assert_float_equal(p.modularity, 5.0 / 8.0, 1e-12);
        collab_partition_destroy(&p);
    }
    collab_graph_destroy(&g);
}

/* A directed graph is partitioned as its undirected version: the cliques with one arc per pair
 * give the same communities and modularity as test_two_cliques_every_method. */
static void test_directed(void **state)
{
    (void)state;
    collab_graph g;
    make_graph(&g, 8, two_cliques, 13, NULL);
    assert_int_equal(igraph_to_directed(&g.graph, IGRAPH_TO_DIRECTED_ARBITRARY), IGRAPH_SUCCESS);
    assert_true(igraph_is_directed(&g.graph));
    assert_int_equal(igraph_ecount(&g.graph), 13);
    collab_community_options opt;
    collab_community_options_init(&opt);
    collab_partition p;
    detect_ok(&p, &g, &opt);
    assert_partition(&p, cliques_split, 8, 2);
    assert_float_equal(p.modularity, 11.0 / 26.0, 1e-12);
    assert_true(igraph_is_directed(&g.graph)); /* the input is left as it was */
    collab_partition_destroy(&p);
    collab_graph_destroy(&g);
}

/* Four planted groups of 25 with noise: the same seed gives the same partition even when the
 * RNG was used in between (the seed is set right before the igraph call), and the seed is used:
 * seed 12 gives another partition than 11 for some method (leiden, louvain and label
 * propagation did when this was written). */
static void test_seeded_determinism(void **state)
{
    (void)state;
    igraph_matrix_t pref;
    igraph_vector_int_t sizes;
    collab_graph g;
    memset(&g, 0, sizeof g);
    assert_int_equal(igraph_matrix_init(&pref, 4, 4), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&sizes, 4), IGRAPH_SUCCESS);
    for (int i = 0; i < 4; i++) {
        VECTOR(sizes)[i] = 25;
        for (int j = 0; j < 4; j++) {
            MATRIX(pref, i, j) = i == j ? 0.3 : 0.05;
        }
    }
    igraph_rng_seed(igraph_rng_default(), 3);
    assert_int_equal(igraph_sbm_game(&g.graph, 100, &pref, &sizes, false, false), IGRAPH_SUCCESS);
    igraph_matrix_destroy(&pref);
    igraph_vector_int_destroy(&sizes);
    assert_int_equal(igraph_vector_init(&g.weights, igraph_ecount(&g.graph)), IGRAPH_SUCCESS);
    igraph_vector_fill(&g.weights, 1.0);
    collab_community_options opt;
    collab_community_options_init(&opt);
    int seed_changed_something = 0;
    for (int method = 0; method < 4; method++) { /* the randomised ones */
        opt.method = (collab_community_method)method;
        opt.seed = 11;
        collab_partition a, b;
        detect_ok(&a, &g, &opt);
        for (int k = 0; k < 5; k++) {
            (void)igraph_rng_get_integer(igraph_rng_default(), 0, 1000);
        }
        detect_ok(&b, &g, &opt);
        assert_int_equal(a.n_communities, b.n_communities);
        assert_memory_equal(a.membership, b.membership, 100 * sizeof *a.membership);
        assert_true(a.modularity == b.modularity);
        /* canonical: sizes never grow with the community number */
        for (size_t c = 1; c < a.n_communities; c++) {
            assert_true(a.sizes[c] <= a.sizes[c - 1]);
        }
        collab_partition_destroy(&b);
        opt.seed = 12;
        detect_ok(&b, &g, &opt);
        seed_changed_something +=
            memcmp(a.membership, b.membership, 100 * sizeof *a.membership) != 0;
        collab_partition_destroy(&a);
        collab_partition_destroy(&b);
    }
    assert_true(seed_changed_something > 0);
    collab_graph_destroy(&g);
}

/* Without edges every vertex is alone, in id order (sizes all 1, ties by smallest member); the
 * modularity of a graph without edges is undefined: igraph gives NaN. */
static void test_edgeless(void **state)
{
    (void)state;
    static const uint32_t alone[5] = {0, 1, 2, 3, 4};
    collab_graph g;
    make_graph(&g, 5, NULL, 0, NULL);
    collab_community_options opt;
    collab_community_options_init(&opt);
    for (int method = 0; method < 5; method++) {
        opt.method = (collab_community_method)method;
        collab_partition p;
        detect_ok(&p, &g, &opt);
        assert_partition(&p, alone, 5, 5);
        assert_true(isnan(p.modularity));
        collab_partition_destroy(&p);
    }
    collab_graph_destroy(&g);
}

static void test_empty_and_single_vertex(void **state)
{
    (void)state;
    static const uint32_t one[1] = {0};
    collab_graph g;
    collab_partition p;
    collab_community_options opt;
    collab_community_options_init(&opt);
    make_graph(&g, 0, NULL, 0, NULL);
    detect_ok(&p, &g, &opt);
    assert_int_equal(p.n, 0);
    assert_int_equal(p.n_communities, 0);
    collab_partition_destroy(&p);
    collab_graph_destroy(&g);
    make_graph(&g, 1, NULL, 0, NULL);
    detect_ok(&p, &g, &opt);
    assert_partition(&p, one, 1, 1);
    collab_partition_destroy(&p);
    collab_partition_destroy(&p); /* destroy leaves it zeroed: twice is safe */
    collab_partition_destroy(NULL);
    assert_null(p.membership);
    collab_graph_destroy(&g);
}

/* Walktrap refuses more than 20000 vertices, with a message and `out` untouched. */
static void test_walktrap_limit(void **state)
{
    (void)state;
    collab_graph g;
    make_graph(&g, 20001, NULL, 0, NULL);
    collab_community_options opt;
    collab_community_options_init(&opt);
    opt.method = COLLAB_COMMUNITY_WALKTRAP;
    collab_partition p;
    memset(&p, 0xab, sizeof p);
    unsigned char before[sizeof p];
    memcpy(before, &p, sizeof p);
    collab_error err = {0};
    assert_int_equal(collab_community_detect(&p, &g, &opt, &err), COLLAB_E_USAGE);
    assert_int_equal(err.status, COLLAB_E_USAGE);
    assert_string_equal(err.message, "walktrap is for graphs of up to 20000 nodes; this one has "
                                     "20001 (use leiden or louvain)");
    assert_memory_equal(&p, before, sizeof p);
    collab_graph_destroy(&g);
}

static void test_options_and_names(void **state)
{
    (void)state;
    collab_community_options opt;
    memset(&opt, 0x5a, sizeof opt);
    collab_community_options_init(&opt);
    assert_int_equal(opt.method, COLLAB_COMMUNITY_LEIDEN);
    assert_true(opt.resolution == 1.0);
    assert_int_equal(opt.seed, 42);
    static const char *const names[] = {"leiden", "louvain", "label-propagation", "infomap",
                                        "walktrap"};
    for (int i = 0; i < 5; i++) {
        collab_community_method m = COLLAB_COMMUNITY_WALKTRAP;
        assert_true(collab_community_method_parse(names[i], &m));
        assert_int_equal(m, i);
        assert_string_equal(collab_community_method_name(m), names[i]);
    }
    collab_community_method m = COLLAB_COMMUNITY_INFOMAP;
    assert_false(collab_community_method_parse("Leiden", &m));
    assert_false(collab_community_method_parse("", &m));
    assert_int_equal(m, COLLAB_COMMUNITY_INFOMAP); /* untouched */
}

/* Fail the n-th allocation for n = 0, 1, 2...: COLLAB_E_NOMEM and no leak (valgrind), until
 * the detection succeeds with the same partition. */
static void test_allocation_failure(void **state)
{
    (void)state;
    collab_graph g;
    make_graph(&g, 8, two_cliques, 13, NULL);
    collab_community_options opt;
    collab_community_options_init(&opt);
    bool done = false;
    long n = 0;
    for (; n < 1000 && !done; n++) {
        collab_partition p;
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_community_detect(&p, &g, &opt, &err);
        collab_alloc_fail_after(-1);
        assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
        if (st == COLLAB_OK) {
            assert_partition(&p, cliques_split, 8, 2);
            collab_partition_destroy(&p);
            done = true;
        } else {
            assert_int_equal(st, COLLAB_E_NOMEM);
            assert_string_equal(err.message, "out of memory numbering communities");
        }
    }
    assert_true(done);
    assert_true(n > 1); /* the numbering allocates: at least one failure was seen */
    collab_graph_destroy(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_two_cliques_every_method, teardown),
        cmocka_unit_test_teardown(test_weighted_and_parallel_bridge, teardown),
        cmocka_unit_test_teardown(test_resolution, teardown),
        cmocka_unit_test_teardown(test_numbering_by_size_then_smallest_member, teardown),
        cmocka_unit_test_teardown(test_directed, teardown),
        cmocka_unit_test_teardown(test_seeded_determinism, teardown),
        cmocka_unit_test_teardown(test_edgeless, teardown),
        cmocka_unit_test_teardown(test_empty_and_single_vertex, teardown),
        cmocka_unit_test_teardown(test_walktrap_limit, teardown),
        cmocka_unit_test(test_options_and_names),
        cmocka_unit_test_teardown(test_allocation_failure, teardown),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
