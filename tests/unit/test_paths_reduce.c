/* The exact reductions of the path sweep (paths_reduce.c: degree-one vertices folded into their
 * neighbour, twins counted once) against the plain sweep of every source, and against values
 * computed by hand: betweenness, closeness and harmonic centrality of every vertex, the diameter
 * and the average path length, to 1e-12 relative. Files named on the command line are compared
 * too (the ctest registration passes generated credit files). */
#include "collab/metrics.h"

#include <math.h>

#include "paths_internal.h"
#include "test_support.h"

typedef struct fixture {
    collab_edgelist list;
    collab_graph g;
    collab_metrics reduced, plain;
} fixture;

static void compute_graph(fixture *f, collab_path_weights paths)
{
    collab_metrics_options opt;
    collab_metrics_options_init(&opt);
    opt.paths = paths;
    opt.approx_sources = -1;
    opt.wanted = (1u << COLLAB_METRIC_BETWEENNESS) | (1u << COLLAB_METRIC_CLOSENESS) |
                 (1u << COLLAB_METRIC_HARMONIC);
    collab_error err = {0};
    opt.sweep_reductions = 1;
    assert_int_equal(collab_metrics_compute(&f->reduced, &f->g, &opt, &err), COLLAB_OK);
    opt.sweep_reductions = -1;
    assert_int_equal(collab_metrics_compute(&f->plain, &f->g, &opt, &err), COLLAB_OK);
}

static void compute_text(fixture *f, const char *csv, collab_path_weights paths)
{
    memset(f, 0, sizeof *f);
    build_text(&f->g, &f->list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    compute_graph(f, paths);
}

static void compute_file(fixture *f, const char *path, collab_path_weights paths)
{
    memset(f, 0, sizeof *f);
    collab_error err = {0};
    collab_load_options lopt;
    collab_load_options_init(&lopt);
    assert_int_equal(collab_load_file(&f->list, path, &lopt, &err), COLLAB_OK);
    collab_graph_options gopt;
    collab_graph_options_init(&gopt);
    assert_int_equal(collab_graph_build(&f->g, &f->list, &gopt, &err), COLLAB_OK);
    compute_graph(f, paths);
}

static void release(fixture *f)
{
    collab_metrics_destroy(&f->reduced);
    collab_metrics_destroy(&f->plain);
    collab_graph_destroy(&f->g);
    collab_edgelist_destroy(&f->list);
}

/* a and b agree to 1e-12 relative (values near 0 to 1e-12 absolute) */
static bool close_enough(double a, double b)
{
    return fabs(a - b) <= 1e-12 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

static void expect_close(double a, double b, const char *what, size_t v)
{
    if (!close_enough(a, b)) {
        fail_msg("%s of vertex %zu: reduced %.17g, plain %.17g", what, v, a, b);
    }
}

/* Every path metric of every vertex and the global path statistics agree. */
static void expect_same(const fixture *f)
{
    static const collab_metric metrics[] = {COLLAB_METRIC_BETWEENNESS, COLLAB_METRIC_CLOSENESS,
                                            COLLAB_METRIC_HARMONIC};
    static const char *names[] = {"betweenness", "closeness", "harmonic"};
    assert_int_equal(f->reduced.n, f->plain.n);
    for (size_t k = 0; k < 3; k++) {
        for (size_t v = 0; v < f->plain.n; v++) {
            expect_close(f->reduced.values[metrics[k]][v], f->plain.values[metrics[k]][v], names[k],
                         v);
        }
    }
    expect_close(f->reduced.global.diameter, f->plain.global.diameter, "diameter", 0);
    expect_close(f->reduced.global.avg_path_length, f->plain.global.avg_path_length,
                 "average path length", 0);
    assert_int_equal(f->reduced.global.components, f->plain.global.components);
    assert_false(f->reduced.sampled);
}

static double value(const fixture *f, collab_metric metric, const char *name)
{
    uint32_t v = collab_names_find(&f->g.names, name, strlen(name));
    assert_true(v != COLLAB_NO_ID);
    return f->reduced.values[metric][v];
}

#define EXPECT(f, metric, name, x) assert_float_equal(value(f, metric, name), (x), 1e-12)

/* a-b-c-d: a and d are pendants of b and c; no run but b's and c's. */
static void test_path_of_four(void **state)
{
    (void)state;
    fixture f;
    compute_text(&f, "source,target\na,b\nb,c\nc,d\n", COLLAB_PATHS_HOPS);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "a", 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "b", 2);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "c", 2);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "d", 0);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 3.0 / 6);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "b", 3.0 / 4);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "a", 1 + 1.0 / 2 + 1.0 / 3);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "b", 1 + 1 + 1.0 / 2);
    assert_float_equal(f.reduced.global.diameter, 3, 0);
    assert_float_equal(f.reduced.global.avg_path_length, 10.0 / 6, 1e-15);
    expect_same(&f);
    release(&f);
}

/* A star of 4 leaves: every leaf folds into the hub, whose run is the only one. */
static void test_star(void **state)
{
    (void)state;
    fixture f;
    compute_text(&f, "source,target\nh,a\nh,b\nh,c\nh,d\n", COLLAB_PATHS_HOPS);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "h", 6);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "a", 0);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "h", 1);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 4.0 / 7);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "a", 1 + 3.0 / 2);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "h", 4);
    assert_float_equal(f.reduced.global.diameter, 2, 0);
    assert_float_equal(f.reduced.global.avg_path_length, (8 * 1 + 12 * 2) / 20.0, 1e-15);
    expect_same(&f);
    release(&f);
}

/* K2 alone (two degree-one vertices: twins, not pendants), a star of one leaf plus a hub
 * (a path of three: the two ends are pendants of the middle), a clique of five (one class of
 * true twins), K3,3 (two classes of false twins). */
static void test_small_shapes(void **state)
{
    (void)state;
    fixture f;
    compute_text(&f,
                 "source,target\nx,y\np,q\nq,r\n"
                 "k1,k2\nk1,k3\nk1,k4\nk1,k5\nk2,k3\nk2,k4\nk2,k5\nk3,k4\nk3,k5\nk4,k5\n"
                 "a1,b1\na1,b2\na1,b3\na2,b1\na2,b2\na2,b3\na3,b1\na3,b2\na3,b3\n",
                 COLLAB_PATHS_HOPS);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "x", 0);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "x", 1);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "q", 1);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "p", 2.0 / 3);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "k3", 0);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "k3", 4);
    /* a1 is on the paths between b's: 3 pairs, each with 3 shortest paths */
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "a1", 1);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a1", 5.0 / 7);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "a1", 3 + 2.0 / 2);
    expect_same(&f);
    release(&f);
}

/* Cliques with pendant chains, a tree, a cycle with hairs, twins next to pendants: the
 * reductions against the plain sweep, in hops and with 1/weight lengths (where every source is
 * swept either way). */
static void test_adversarial(void **state)
{
    (void)state;
    static const char *graphs[] = {
        /* a clique of four with a chain of three hanging from one vertex, and a pendant on
         * another */
        "source,target\nc1,c2\nc1,c3\nc1,c4\nc2,c3\nc2,c4\nc3,c4\nc1,t1\nt1,t2\nt2,t3\nc2,z\n",
        /* a binary tree of 15 */
        "source,target\n1,2\n1,3\n2,4\n2,5\n3,6\n3,7\n4,8\n4,9\n5,10\n5,11\n6,12\n6,13\n7,14\n"
        "7,15\n",
        /* a cycle of six with two leaves on one vertex and one on another, plus a lone edge */
        "source,target\nv1,v2\nv2,v3\nv3,v4\nv4,v5\nv5,v6\nv6,v1\nv1,l1\nv1,l2\nv4,l3\nq,w\n",
        /* false twins (u1, u2: both see h1, h2) whose neighbours carry pendants; true twins
         * (s1, s2, s3 with w1) */
        "source,target\nu1,h1\nu1,h2\nu2,h1\nu2,h2\nh1,p1\nh2,p2\nh2,p3\nh1,w1\nw1,s1\nw1,s2\n"
        "w1,s3\ns1,s2\ns1,s3\ns2,s3\n",
        /* a star whose hub has one other neighbour, and weights: a,b twice */
        "source,target\nh,a\nh,b\nh,c\nh,m\nm,n\nn,o\na,b\na,b\n",
    };
    for (size_t k = 0; k < sizeof graphs / sizeof graphs[0]; k++) {
        for (int paths = COLLAB_PATHS_HOPS; paths <= COLLAB_PATHS_INVERSE; paths++) {
            fixture f;
            compute_text(&f, graphs[k], (collab_path_weights)paths);
            expect_same(&f);
            release(&f);
        }
    }
}

/* The side classes of the reduction of f's graph (paths_reduce.c), by vertex: `side` gets n
 * entries; returns how many classes are side. */
static size_t side_classes(const fixture *f, uint8_t *side, size_t n)
{
    collab_error err = {0};
    collab_i_csr csr;
    assert_int_equal(collab_i_csr_build(&csr, &f->g, &err), COLLAB_OK);
    assert_int_equal(csr.n, n);
    uint32_t *comp = test_malloc((n + 1) * sizeof *comp);
    size_t *sizes = test_malloc((n + 1) * sizeof *sizes);
    size_t *begins = test_malloc((n + 1) * sizeof *begins);
    uint32_t *order = test_malloc((n + 1) * sizeof *order);
    (void)collab_i_csr_components(&csr, comp, sizes, begins, order);
    collab_i_path_reduction red;
    assert_int_equal(collab_i_paths_reduce(&red, &csr, comp, sizes, &err), COLLAB_OK);
    for (size_t v = 0; v < n; v++) {
        side[v] = red.side[red.q_of[v]];
    }
    size_t n_side = red.n_side;
    collab_i_path_reduction_destroy(&red);
    collab_i_csr_destroy(&csr);
    test_free(comp);
    test_free(sizes);
    test_free(begins);
    test_free(order);
    return n_side;
}

/* Two triangles a-b-c and c-d-e sharing c, and a pendant p on e. Side classes (neighbourhood a
 * clique, no pendants): {a, b} (true twins, seeing only c) and {d} (seeing c and e, adjacent);
 * their runs go over the whole graph, c's and e's (with p's) over c-e-p. Values by hand, checked
 * with networkx: c is between {a, b} and {d, e, p} (6 pairs), e between p and the 4 others. */
static void test_side_classes(void **state)
{
    (void)state;
    fixture f;
    compute_text(&f, "source,target\na,b\na,c\nb,c\nc,d\nc,e\nd,e\ne,p\n", COLLAB_PATHS_HOPS);
    uint8_t side[6];
    assert_int_equal(side_classes(&f, side, 6), 2);
    static const char *names[] = {"a", "b", "c", "d", "e", "p"};
    static const uint8_t want[] = {1, 1, 0, 1, 0, 0};
    for (size_t k = 0; k < 6; k++) {
        uint32_t v = collab_names_find(&f.g.names, names[k], 1);
        assert_int_equal(side[v], want[k]);
    }
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "a", 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "c", 6);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "d", 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "e", 4);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 5.0 / 9);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "d", 5.0 / 8);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "p", 5.0 / 11);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "a", 3 + 1.0 / 3);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "d", 3.5);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "p", 2 + 2.0 / 3);
    assert_float_equal(f.reduced.global.diameter, 3, 0);
    assert_float_equal(f.reduced.global.avg_path_length, 25.0 / 15, 1e-15);
    expect_same(&f);
    release(&f);
}

/* Random unions of small cliques (a projection of credits in miniature) with pendants and
 * isolated edges, 200 seeds: the reduced sweep (pendants, twins, side classes) against the
 * plain one. Side classes must turn up, or this tests nothing new. */
static void test_random_cliques(void **state)
{
    (void)state;
    size_t n_side = 0;
    uint64_t x = 42;
    for (int seed = 0; seed < 200; seed++) {
        char csv[8192] = "source,target\n";
        size_t len = strlen(csv);
        int n = 8 + seed % 25;
        int cliques = 2 + seed % 9;
        for (int c = 0; c < cliques; c++) {
            int members[6];
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            int size = 2 + (int)((x >> 33) % 5);
            for (int i = 0; i < size; i++) {
                x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                members[i] = (int)((x >> 33) % (uint64_t)n);
            }
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    if (members[i] != members[j]) {
                        len += (size_t)snprintf(csv + len, sizeof csv - len, "v%d,v%d\n",
                                                members[i], members[j]);
                    }
                }
            }
        }
        for (int p = 0; p < seed % 4; p++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            len += (size_t)snprintf(csv + len, sizeof csv - len, "v%d,p%d\n",
                                    (int)((x >> 33) % (uint64_t)n), p);
        }
        assert_true(len + 1 < sizeof csv);
        fixture f;
        compute_text(&f, csv, COLLAB_PATHS_HOPS);
        expect_same(&f);
        uint8_t side[64];
        assert_true(f.reduced.n <= 64);
        n_side += side_classes(&f, side, f.reduced.n);
        release(&f);
    }
    assert_true(n_side > 100);
}

/* The small test datasets and the golden credits, in both path lengths (the tango credits
 * and generated files come through the command line: tests/CMakeLists.txt). */
static void test_datasets(void **state)
{
    (void)state;
    static const char *files[] = {
        COLLAB_DATASETS "/karate.csv",
        COLLAB_DATASETS "/davis_southern_women.csv",
        COLLAB_DATASETS "/florentine_families.csv",
        COLLAB_DATASETS "/thom_russo.csv",
        COLLAB_TEST_DATA "/golden_credits.csv",
        COLLAB_TEST_DATA "/golden_edges.csv",
        COLLAB_TEST_DATA "/hub_compilation.csv",
    };
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        for (int paths = COLLAB_PATHS_HOPS; paths <= COLLAB_PATHS_INVERSE; paths++) {
            fixture f;
            compute_file(&f, files[k], (collab_path_weights)paths);
            expect_same(&f);
            release(&f);
        }
    }
}

static int n_extra;
static char **extra;

/* Files from the command line (generated credits), in hops. */
static void test_extra_files(void **state)
{
    (void)state;
    for (int k = 0; k < n_extra; k++) {
        fixture f;
        compute_file(&f, extra[k], COLLAB_PATHS_HOPS);
        expect_same(&f);
        release(&f);
    }
}

int main(int argc, char **argv)
{
    n_extra = argc - 1;
    extra = argv + 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_of_four), cmocka_unit_test(test_star),
        cmocka_unit_test(test_small_shapes), cmocka_unit_test(test_adversarial),
        cmocka_unit_test(test_side_classes), cmocka_unit_test(test_random_cliques),
        cmocka_unit_test(test_datasets),     cmocka_unit_test(test_extra_files),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
