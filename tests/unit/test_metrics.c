/* Metrics on small graphs computed by hand: a path, a star, a clique, two triangles joined by a
 * bridge, disconnected pieces, weighted paths; sampling and thread-count independence. */
#include "collab/community.h"
#include "collab/export.h"
#include "collab/layout.h"
#include "collab/metrics.h"

#include <math.h>

#include "test_support.h"

typedef struct fixture {
    collab_edgelist list;
    collab_graph g;
    collab_metrics m;
} fixture;

static void compute(fixture *f, const char *csv, collab_path_weights paths, long approx,
                    int threads)
{
    memset(f, 0, sizeof *f);
    build_text(&f->g, &f->list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_metrics_options opt;
    collab_metrics_options_init(&opt);
    opt.paths = paths;
    opt.approx_sources = approx;
    opt.threads = threads;
    collab_error err = {0};
    assert_int_equal(collab_metrics_compute(&f->m, &f->g, &opt, &err), COLLAB_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

static void release(fixture *f)
{
    collab_metrics_destroy(&f->m);
    collab_graph_destroy(&f->g);
    collab_edgelist_destroy(&f->list);
}

static double value(const fixture *f, collab_metric metric, const char *name)
{
    uint32_t v = collab_names_find(&f->g.names, name, strlen(name));
    assert_true(v != COLLAB_NO_ID);
    return f->m.values[metric][v];
}

#define EXPECT(f, metric, name, x) assert_float_equal(value(f, metric, name), (x), 1e-12)

static void test_path(void **state)
{
    (void)state;
    fixture f;
    compute(&f, "source,target\na,b\nb,c\nc,d\n", COLLAB_PATHS_HOPS, -1, 0);
    EXPECT(&f, COLLAB_METRIC_DEGREE, "a", 1);
    EXPECT(&f, COLLAB_METRIC_DEGREE, "b", 2);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "a", 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "b", 2); /* (a,c), (a,d) */
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 3.0 / 6);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "b", 3.0 / 4);
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "a", 1 + 1.0 / 2 + 1.0 / 3);
    EXPECT(&f, COLLAB_METRIC_CORENESS, "c", 1);
    EXPECT(&f, COLLAB_METRIC_CLUSTERING, "b", 0);
    assert_float_equal(f.m.global.diameter, 3, 0);
    assert_float_equal(f.m.global.avg_path_length, (1 + 2 + 3 + 1 + 2 + 1) / 6.0, 1e-15);
    assert_float_equal(f.m.global.density, 3.0 / 6, 1e-15);
    assert_false(f.m.sampled);
    release(&f);
}

static void test_star(void **state)
{
    (void)state;
    fixture f;
    compute(&f, "source,target\nhub,a\nhub,b\nhub,c\nhub,d\n", COLLAB_PATHS_HOPS, -1, 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "hub", 6); /* C(4,2) leaf pairs */
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 4.0 / 7);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "hub", 1);
    EXPECT(&f, COLLAB_METRIC_CONSTRAINT, "hub", 4 * (1.0 / 16)); /* sum of (1/4)^2 */
    EXPECT(&f, COLLAB_METRIC_CONSTRAINT, "a", 1);
    EXPECT(&f, COLLAB_METRIC_EIGENVECTOR, "hub", 1);
    EXPECT(&f, COLLAB_METRIC_EIGENVECTOR, "a", 0.5); /* sqrt(4) = 2: leaves are 1/2 of the hub */
    /* PageRank of a star, damping d = 0.85, n = 5: leaves x = (1-d)/n + d c/4, hub
     * c = (1-d)/n + 4 d x, so c = (1-d)(1+4d) / (n (1-d^2)) = (1+4d) / (n (1+d)) */
    double d = 0.85;
    double hub = (1 + 4 * d) / (5 * (1 + d));
    EXPECT(&f, COLLAB_METRIC_PAGERANK, "hub", hub);
    EXPECT(&f, COLLAB_METRIC_PAGERANK, "a", (1 - hub) / 4);
    assert_float_equal(f.m.global.assortativity, -1, 1e-12);
    release(&f);
}

static void test_clique(void **state)
{
    (void)state;
    fixture f;
    compute(&f, "source,target\na,b\na,c\na,d\nb,c\nb,d\nc,d\n", COLLAB_PATHS_HOPS, -1, 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "a", 0);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 1);
    EXPECT(&f, COLLAB_METRIC_CLUSTERING, "a", 1);
    EXPECT(&f, COLLAB_METRIC_CORENESS, "a", 3);
    EXPECT(&f, COLLAB_METRIC_PAGERANK, "a", 0.25);
    EXPECT(&f, COLLAB_METRIC_EIGENVECTOR, "d", 1);
    assert_float_equal(f.m.global.transitivity, 1, 1e-15);
    assert_float_equal(f.m.global.density, 1, 1e-15);
    release(&f);
}

static void test_two_triangles_and_a_bridge(void **state)
{
    (void)state;
    fixture f;
    compute(&f, "source,target\na,b\nb,c\na,c\nc,d\nd,e\ne,f\nd,f\n", COLLAB_PATHS_HOPS, -1, 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "c", 6); /* {a,b} x {d,e,f} */
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "d", 6);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "a", 0);
    EXPECT(&f, COLLAB_METRIC_CLUSTERING, "c", 1.0 / 3);
    EXPECT(&f, COLLAB_METRIC_CLUSTERING, "a", 1);
    EXPECT(&f, COLLAB_METRIC_CORENESS, "c", 2);
    /* 2 triangles, sum over vertices of C(deg,2) = 1+1+3+3+1+1 = 10 connected triples */
    assert_float_equal(f.m.global.transitivity, 6.0 / 10, 1e-15);
    assert_float_equal(f.m.global.avg_clustering, (1 + 1 + 1.0 / 3 + 1.0 / 3 + 1 + 1) / 6, 1e-15);
    assert_float_equal(f.m.global.diameter, 3, 0);
    release(&f);
}

static void test_disconnected(void **state)
{
    (void)state;
    fixture f;
    compute(&f, "source,target\na,b\nc,d\nd,e\n", COLLAB_PATHS_HOPS, -1, 0);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 1);       /* within its own component */
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "c", 2.0 / 3); /* 2 reachable / (1 + 2) */
    EXPECT(&f, COLLAB_METRIC_HARMONIC, "c", 1.5);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "d", 1);
    assert_int_equal(f.m.global.components, 2);
    assert_float_equal(f.m.global.largest_share, 3.0 / 5, 1e-15);
    assert_float_equal(f.m.global.avg_path_length, (1 + 1 + 1 + 2) / 4.0, 1e-15);
    release(&f);
}

static void test_inverse_weights(void **state)
{
    (void)state;
    /* a-c is a weak tie (weight 0.25, length 4): the shortest a-c path goes through b */
    const char *csv = "source,target,weight\na,b,1\nb,c,1\na,c,0.25\n";
    fixture f;
    compute(&f, csv, COLLAB_PATHS_HOPS, -1, 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "b", 0);
    EXPECT(&f, COLLAB_METRIC_STRENGTH, "a", 1.25);
    release(&f);
    compute(&f, csv, COLLAB_PATHS_INVERSE, -1, 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "b", 1);
    EXPECT(&f, COLLAB_METRIC_CLOSENESS, "a", 2.0 / (1 + 2));
    assert_float_equal(f.m.global.diameter, 2, 0);
    release(&f);
    /* Two equal routes 1/2 + 1/2 and 1/4 + 1/4 + 1/2 (lengths 1 = 1): ties count both. */
    compute(&f, "source,target,weight\ns,x,2\nx,t,2\ns,y,4\ny,z,4\nz,t,2\n", COLLAB_PATHS_INVERSE,
            -1, 0);
    EXPECT(&f, COLLAB_METRIC_BETWEENNESS, "x", 0.5 + 1.0 / 3 * 0); /* s-t split 1/2 each */
    release(&f);
}

/* A ring of 300 with chords: enough vertices to sample. */
static char *ring_csv(void)
{
    size_t cap = 64 * 1024;
    char *csv = malloc(cap);
    size_t len = (size_t)snprintf(csv, cap, "source,target\n");
    for (int i = 0; i < 300; i++) {
        len += (size_t)snprintf(csv + len, cap - len, "v%d,v%d\nv%d,v%d\n", i, (i + 1) % 300, i,
                                (i * 7 + 3) % 300);
    }
    return csv;
}

/* A path of 600 vertices and a cycle of 701 in one file: hop counts far past 255 (the sweep keeps
 * levels modulo 255 in its hot loop) and, at the far side of the odd cycle, two vertices on the
 * same level joined by an edge. */
static void test_long_path_and_odd_cycle(void **state)
{
    (void)state;
    enum { PATH = 600, CYCLE = 701 };
    size_t cap = 32 * (PATH + CYCLE) + 32;
    char *csv = malloc(cap);
    assert_non_null(csv);
    size_t len = (size_t)snprintf(csv, cap, "source,target\n");
    for (int i = 0; i + 1 < PATH; i++) {
        len += (size_t)snprintf(csv + len, cap - len, "p%d,p%d\n", i, i + 1);
    }
    for (int i = 0; i < CYCLE; i++) {
        len += (size_t)snprintf(csv + len, cap - len, "c%d,c%d\n", i, (i + 1) % CYCLE);
    }
    fixture f;
    compute(&f, csv, COLLAB_PATHS_HOPS, -1, 2);
    char name[16];
    for (int i = 0; i < PATH; i++) {
        snprintf(name, sizeof name, "p%d", i);
        /* i vertices on one side, PATH - 1 - i on the other: every such pair passes through i */
        EXPECT(&f, COLLAB_METRIC_BETWEENNESS, name, (double)i * (PATH - 1 - i));
        double left = i * (i + 1) / 2.0;
        double right = (PATH - 1 - i) * (PATH - i) / 2.0;
        EXPECT(&f, COLLAB_METRIC_CLOSENESS, name, (PATH - 1) / (left + right));
        double harmonic = 0;
        for (int d = 1; d <= i; d++) {
            harmonic += 1.0 / d;
        }
        for (int d = 1; d <= PATH - 1 - i; d++) {
            harmonic += 1.0 / d;
        }
        assert_float_equal(value(&f, COLLAB_METRIC_HARMONIC, name), harmonic, 1e-9);
    }
    /* Odd cycle 2k + 1: distances 1..k twice, so closeness 2k / (k (k + 1)); a vertex is inside
     * the unique shortest path of d - 1 pairs at each distance d = 2..k: (m - 1)(m - 3) / 8. */
    double k = (CYCLE - 1) / 2.0;
    for (int i = 0; i < CYCLE; i += 50) {
        snprintf(name, sizeof name, "c%d", i);
        EXPECT(&f, COLLAB_METRIC_BETWEENNESS, name, (CYCLE - 1.0) * (CYCLE - 3.0) / 8.0);
        EXPECT(&f, COLLAB_METRIC_CLOSENESS, name, 2.0 / (k + 1.0));
    }
    assert_float_equal(f.m.global.diameter, PATH - 1, 0);
    release(&f);
    free(csv);
}

static void test_threads_do_not_change_results(void **state)
{
    (void)state;
    char *csv = ring_csv();
    fixture one;
    fixture four;
    compute(&one, csv, COLLAB_PATHS_HOPS, -1, 1);
    compute(&four, csv, COLLAB_PATHS_HOPS, -1, 4);
    for (size_t v = 0; v < one.m.n; v++) {
        for (int k = COLLAB_METRIC_BETWEENNESS; k <= COLLAB_METRIC_HARMONIC; k++) {
            assert_memory_equal(&one.m.values[k][v], &four.m.values[k][v], sizeof(double));
        }
    }
    release(&one);
    release(&four);
    free(csv);
}

/* The work run beside the path sweep (collab analyze's communities): called once, and when it
 * fails the sweep still in flight is cancelled, joined and freed (ASan's leak check and the
 * igraph clean-up stack see the rest), and its error is what the caller gets. */
typedef struct alongside_probe {
    int calls;
    collab_status result;
} alongside_probe;

static collab_status probe_alongside(void *ctx, collab_error *err)
{
    alongside_probe *probe = ctx;
    probe->calls++;
    if (probe->result != COLLAB_OK) {
        return collab_error_set(err, probe->result, "stopped alongside");
    }
    return COLLAB_OK;
}

static void test_alongside(void **state)
{
    (void)state;
    /* A ring of 3000 with chords: an exact sweep of 3000 sources is still running when the
     * other metrics are done. */
    enum { N = 3000 };
    size_t cap = 48 * N;
    char *csv = malloc(cap);
    assert_non_null(csv);
    size_t len = (size_t)snprintf(csv, cap, "source,target\n");
    for (int i = 0; i < N; i++) {
        len += (size_t)snprintf(csv + len, cap - len, "v%d,v%d\nv%d,v%d\n", i, (i + 1) % N, i,
                                (i * 7 + 3) % N);
    }
    fixture f;
    memset(&f, 0, sizeof f);
    build_text(&f.g, &f.list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_metrics_options opt;
    collab_metrics_options_init(&opt);
    opt.approx_sources = -1;
    opt.threads = 2;
    alongside_probe probe = {0, COLLAB_OK};
    opt.alongside = probe_alongside;
    opt.alongside_ctx = &probe;
    collab_error err = {0};
    assert_int_equal(collab_metrics_compute(&f.m, &f.g, &opt, &err), COLLAB_OK);
    assert_int_equal(probe.calls, 1);
    fixture plain;
    compute(&plain, csv, COLLAB_PATHS_HOPS, -1, 2);
    for (size_t v = 0; v < f.m.n; v += 97) {
        assert_memory_equal(&f.m.values[COLLAB_METRIC_BETWEENNESS][v],
                            &plain.m.values[COLLAB_METRIC_BETWEENNESS][v], sizeof(double));
    }
    release(&plain);
    collab_metrics_destroy(&f.m);

    probe = (alongside_probe){0, COLLAB_E_LIBRARY};
    collab_metrics failed;
    memset(&failed, 0, sizeof failed);
    memset(&err, 0, sizeof err);
    assert_int_equal(collab_metrics_compute(&failed, &f.g, &opt, &err), COLLAB_E_LIBRARY);
    assert_int_equal(probe.calls, 1);
    assert_string_equal(err.message, "stopped alongside");
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    collab_graph_destroy(&f.g);
    collab_edgelist_destroy(&f.list);
    free(csv);
}

/* exact_work_limit: the automatic switch to sampling follows the caller's budget (a command
 * analysing several graphs shares one), and the default leaves a small graph exact. */
static void test_exact_work_limit(void **state)
{
    (void)state;
    /* more vertices than the default sample of sources, so that sampling is sampling */
    size_t cap = 128 * 1024;
    char *csv = malloc(cap);
    size_t len = (size_t)snprintf(csv, cap, "source,target\n");
    for (int i = 0; i < 1500; i++) {
        len += (size_t)snprintf(csv + len, cap - len, "v%d,v%d\n", i, (i + 1) % 1500);
    }
    fixture f;
    memset(&f, 0, sizeof f);
    build_text(&f.g, &f.list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_error err = {0};
    collab_metrics_options opt;
    collab_metrics_options_init(&opt);
    assert_int_equal(collab_metrics_compute(&f.m, &f.g, &opt, &err), COLLAB_OK);
    assert_false(f.m.sampled);
    collab_metrics_destroy(&f.m);
    double n = (double)collab_graph_vertex_count(&f.g);
    double steps = n * (n + (double)collab_graph_edge_count(&f.g)); /* the sweep's work */
    opt.exact_work_limit = steps;                                   /* at the limit: still exact */
    assert_int_equal(collab_metrics_compute(&f.m, &f.g, &opt, &err), COLLAB_OK);
    assert_false(f.m.sampled);
    collab_metrics_destroy(&f.m);
    opt.exact_work_limit = steps - 1; /* one step beyond it: sampled */
    assert_int_equal(collab_metrics_compute(&f.m, &f.g, &opt, &err), COLLAB_OK);
    assert_true(f.m.sampled);
    assert_int_equal(f.m.sample_sources, COLLAB_DEFAULT_APPROX_SOURCES);
    release(&f);
    free(csv);
}

static void test_sampling(void **state)
{
    (void)state;
    char *csv = ring_csv();
    fixture exact;
    fixture all;
    fixture sampled;
    compute(&exact, csv, COLLAB_PATHS_HOPS, -1, 2);
    compute(&all, csv, COLLAB_PATHS_HOPS, 100000, 2); /* K >= n: every source, exact */
    compute(&sampled, csv, COLLAB_PATHS_HOPS, 100, 2);
    assert_false(all.m.sampled);
    assert_true(sampled.m.sampled);
    assert_int_equal(sampled.m.sample_sources, 100);
    double total_exact = 0;
    double total_sampled = 0;
    for (size_t v = 0; v < exact.m.n; v++) {
        assert_float_equal(all.m.values[COLLAB_METRIC_BETWEENNESS][v],
                           exact.m.values[COLLAB_METRIC_BETWEENNESS][v], 1e-9);
        total_exact += exact.m.values[COLLAB_METRIC_BETWEENNESS][v];
        total_sampled += sampled.m.values[COLLAB_METRIC_BETWEENNESS][v];
        double err = fabs(sampled.m.values[COLLAB_METRIC_CLOSENESS][v] -
                          exact.m.values[COLLAB_METRIC_CLOSENESS][v]);
        /* a third of the sources on a small-world ring: within 5 standard errors */
        assert_true(err <= 5 * sampled.m.closeness_se[v] + 1e-12);
        /* every estimate has an interval around it that holds the exact value (seeded: the
         * 1 - delta chance is fixed for this run) */
        collab_metric bounded[] = {COLLAB_METRIC_BETWEENNESS, COLLAB_METRIC_CLOSENESS,
                                   COLLAB_METRIC_HARMONIC};
        for (size_t i = 0; i < 3; i++) {
            collab_metric k = bounded[i];
            double x = exact.m.values[k][v];
            assert_true(sampled.m.low[k][v] <= sampled.m.values[k][v] + 1e-12);
            assert_true(sampled.m.values[k][v] <= sampled.m.high[k][v] + 1e-12);
            assert_true(sampled.m.low[k][v] <= x * (1 + 1e-12) + 1e-12);
            assert_true(x <= sampled.m.high[k][v] * (1 + 1e-12) + 1e-12);
        }
    }
    /* KADABRA's estimate of the total is within n x eps of it on the normalised scale. */
    double n = (double)exact.m.n;
    double scale = 2.0 / ((n - 1) * (n - 2));
    assert_true(fabs(total_sampled - total_exact) * scale < n * COLLAB_DEFAULT_APPROX_EPS);
    release(&exact);
    release(&all);
    release(&sampled);
    free(csv);
}

static void test_communities_canonical(void **state)
{
    (void)state;
    fixture f;
    /* A triangle and a 4-clique joined by one edge: two communities, the clique first. */
    compute(&f, "source,target\nx,y\ny,z\nx,z\nz,a\na,b\na,c\na,d\nb,c\nb,d\nc,d\n",
            COLLAB_PATHS_HOPS, -1, 0);
    collab_community_options opt;
    collab_community_options_init(&opt);
    for (int method = 0; method < 5; method++) {
        opt.method = (collab_community_method)method;
        collab_partition p;
        collab_error err = {0};
        assert_int_equal(collab_community_detect(&p, &f.g, &opt, &err), COLLAB_OK);
        assert_int_equal(p.n_communities, 2);
        assert_int_equal(p.sizes[0], 4);
        assert_int_equal(p.membership[3], 0); /* a */
        assert_int_equal(p.membership[0], 1); /* x */
        /* modularity by hand: m = 10, e_in = (3 + 6)/10, degrees 2,2,3 | 4,3,3,3 */
        double q = (3.0 / 10 - pow(7.0 / 20, 2)) + (6.0 / 10 - pow(13.0 / 20, 2));
        assert_float_equal(p.modularity, q, 1e-12);
        collab_partition_destroy(&p);
        assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    }
    release(&f);
}

/* Every row of the descriptor tables is filled: _Static_assert checks only a table's size, and a
 * row left out in the middle of a designated initialiser would compile as zeros. Each row has a
 * name that parses back to its own value, names are distinct, and a metric has its definition. */
static void test_every_table_row(void **state)
{
    (void)state;
    for (int i = 0; i < COLLAB_METRIC_COUNT; i++) {
        const collab_metric_info *info = collab_metric_info_of((collab_metric)i);
        assert_non_null(info->name);
        assert_non_null(info->definition);
        assert_true(info->name[0] != '\0' && info->definition[0] != '\0');
        collab_metric back = COLLAB_METRIC_COUNT;
        assert_true(collab_metric_parse(info->name, &back));
        assert_int_equal(back, i);
        for (int j = 0; j < i; j++) {
            assert_string_not_equal(info->name, collab_metric_name((collab_metric)j));
        }
    }
    for (int i = 0; i < COLLAB_COMMUNITY_METHOD_COUNT; i++) {
        const char *name = collab_community_method_name((collab_community_method)i);
        assert_non_null(name);
        collab_community_method back = COLLAB_COMMUNITY_METHOD_COUNT;
        assert_true(collab_community_method_parse(name, &back));
        assert_int_equal(back, i);
    }
    assert_null(collab_community_method_name(COLLAB_COMMUNITY_METHOD_COUNT));
    for (int i = 0; i < COLLAB_LAYOUT_METHOD_COUNT; i++) {
        const char *name = collab_layout_method_name((collab_layout_method)i);
        assert_non_null(name);
        collab_layout_method back = COLLAB_LAYOUT_METHOD_COUNT;
        assert_true(collab_layout_method_parse(name, &back));
        assert_int_equal(back, i);
    }
    assert_null(collab_layout_method_name(COLLAB_LAYOUT_METHOD_COUNT));
    for (int i = 0; i < COLLAB_EXPORT_FORMAT_COUNT; i++) {
        const char *name = collab_export_format_name((collab_export_format)i);
        assert_non_null(name);
        assert_true(name[0] != '\0');
        for (int j = 0; j < i; j++) {
            assert_string_not_equal(name, collab_export_format_name((collab_export_format)j));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_table_row),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_star),
        cmocka_unit_test(test_clique),
        cmocka_unit_test(test_two_triangles_and_a_bridge),
        cmocka_unit_test(test_disconnected),
        cmocka_unit_test(test_inverse_weights),
        cmocka_unit_test(test_long_path_and_odd_cycle),
        cmocka_unit_test(test_threads_do_not_change_results),
        cmocka_unit_test(test_alongside),
        cmocka_unit_test(test_sampling),
        cmocka_unit_test(test_exact_work_limit),
        cmocka_unit_test(test_communities_canonical),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
