/* Layout: the normalised box, determinism, degenerate graphs, component packing, overlap
 * prevention, community separation, warm starts, igraph's methods, option and input errors and
 * allocation failure. Speed is measured by scripts/bench.sh, not here. */
#include "collab/alloc.h"
#include "collab/community.h"
#include "collab/engine.h"
#include "collab/graph.h"
#include "collab/layout.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "layout_internal.h" /* the stress score and the trials of small parts */

static int setup(void **state)
{
    (void)state;
    collab_engine_init();
    return 0;
}

/* Every test that touches igraph must leave its FINALLY stack empty. */
static int teardown(void **state)
{
    (void)state;
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return 0;
}

/* A graph from an edge list (pairs of vertex ids); weights NULL = all 1. */
static void make_graph(collab_graph *g, igraph_integer_t n, const igraph_integer_t *ends, size_t m,
                       const double *w)
{
    igraph_vector_int_t v;
    memset(g, 0, sizeof *g);
    assert_int_equal(igraph_vector_int_init(&v, (igraph_integer_t)(2 * m)), IGRAPH_SUCCESS);
    for (size_t k = 0; k < 2 * m; k++) {
        VECTOR(v)[k] = ends[k];
    }
    assert_int_equal(igraph_create(&g->graph, &v, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&v);
    assert_int_equal(igraph_vector_init(&g->weights, (igraph_integer_t)m), IGRAPH_SUCCESS);
    for (size_t e = 0; e < m; e++) {
        VECTOR(g->weights)[e] = w != NULL ? w[e] : 1.0;
    }
}

/* Planted partition: `groups` blocks of `size` vertices (vertex v is in block v / size). */
static void make_sbm(collab_graph *g, int groups, int size, double p_in, double p_out,
                     unsigned long seed)
{
    igraph_matrix_t pref;
    igraph_vector_int_t sizes;
    memset(g, 0, sizeof *g);
    assert_int_equal(igraph_matrix_init(&pref, groups, groups), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&sizes, groups), IGRAPH_SUCCESS);
    for (int i = 0; i < groups; i++) {
        VECTOR(sizes)[i] = size;
        for (int j = 0; j < groups; j++) {
            MATRIX(pref, i, j) = i == j ? p_in : p_out;
        }
    }
    igraph_rng_seed(igraph_rng_default(), seed);
    assert_int_equal(
        igraph_sbm_game(&g->graph, (igraph_integer_t)groups * size, &pref, &sizes, false, false),
        IGRAPH_SUCCESS);
    igraph_matrix_destroy(&pref);
    igraph_vector_int_destroy(&sizes);
    igraph_integer_t m = igraph_ecount(&g->graph);
    assert_int_equal(igraph_vector_init(&g->weights, m), IGRAPH_SUCCESS);
    igraph_vector_fill(&g->weights, 1.0);
}

static double px(const collab_layout *l, size_t v)
{
    return MATRIX(l->xy, v, 0);
}

static double py(const collab_layout *l, size_t v)
{
    return MATRIX(l->xy, v, 1);
}

static double dist(const collab_layout *l, size_t a, size_t b)
{
    return hypot(px(l, a) - px(l, b), py(l, a) - py(l, b));
}

/* All positions finite and in [0, aspect] x [0, 1]; with 2+ distinct positions the layout
 * touches two opposite sides of the box. */
static void assert_in_box(const collab_layout *l)
{
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    assert_int_equal(igraph_matrix_nrow(&l->xy), (igraph_integer_t)l->n);
    assert_int_equal(igraph_matrix_ncol(&l->xy), 2);
    for (size_t v = 0; v < l->n; v++) {
        assert_true(isfinite(px(l, v)) && isfinite(py(l, v)));
        assert_true(px(l, v) >= 0.0 && px(l, v) <= l->aspect);
        assert_true(py(l, v) >= 0.0 && py(l, v) <= 1.0);
        xmin = fmin(xmin, px(l, v));
        xmax = fmax(xmax, px(l, v));
        ymin = fmin(ymin, py(l, v));
        ymax = fmax(ymax, py(l, v));
    }
    if (l->n >= 2 && (xmax > xmin || ymax > ymin)) {
        bool spans_x = fabs((xmax - xmin) - l->aspect) < 1e-9 && xmin < 1e-9;
        bool spans_y = fabs((ymax - ymin) - 1.0) < 1e-9 && ymin < 1e-9;
        assert_true(spans_x || spans_y);
    }
}

static void compute_ok(collab_layout *l, const collab_graph *g, const collab_layout_options *o)
{
    collab_error err = {0};
    collab_status st = collab_layout_compute(l, g, o, &err);
    if (st != COLLAB_OK) {
        fail_msg("layout failed: %s", err.message);
    }
    assert_int_equal(l->n, collab_graph_vertex_count(g));
    assert_in_box(l);
}

/* No two discs overlap: centre distance >= sum of radii (r NULL: the default radius). */
static void assert_no_overlap(const collab_layout *l, const double *r)
{
    double r0 = COLLAB_LAYOUT_DEFAULT_RADIUS(l->n, l->aspect);
    for (size_t a = 0; a < l->n; a++) {
        for (size_t b = a + 1; b < l->n; b++) {
            double need = r != NULL ? r[a] + r[b] : 2.0 * r0;
            if (dist(l, a, b) < need) {
                fail_msg("discs %zu and %zu overlap: distance %g < %g", a, b, dist(l, a, b), need);
            }
        }
    }
}

/* Mean distance within blocks over mean distance across blocks. */
static double separation_ratio(const collab_layout *l, int size)
{
    double in = 0.0, out = 0.0;
    long n_in = 0, n_out = 0;
    for (size_t a = 0; a < l->n; a++) {
        for (size_t b = a + 1; b < l->n; b++) {
            if (a / (size_t)size == b / (size_t)size) {
                in += dist(l, a, b);
                n_in++;
            } else {
                out += dist(l, a, b);
                n_out++;
            }
        }
    }
    return (in / (double)n_in) / (out / (double)n_out);
}

static void test_method_names(void **state)
{
    (void)state;
    const char *names[] = {"fa2", "fr", "kk", "drl", "circle"};
    for (int i = 0; i < 5; i++) {
        collab_layout_method m;
        assert_true(collab_layout_method_parse(names[i], &m));
        assert_int_equal(m, i);
        assert_string_equal(collab_layout_method_name(m), names[i]);
    }
    collab_layout_method m = COLLAB_LAYOUT_KK;
    assert_true(collab_layout_method_parse("forceatlas2", &m));
    assert_int_equal(m, COLLAB_LAYOUT_FA2);
    assert_false(collab_layout_method_parse("FA2", &m));
    assert_false(collab_layout_method_parse("", &m));
    /* NULL past the table, so the CLI lists every method by counting up */
    assert_null(collab_layout_method_name(COLLAB_LAYOUT_METHOD_COUNT));
    assert_null(collab_layout_method_name((collab_layout_method)99));
}

static void test_options_defaults(void **state)
{
    (void)state;
    collab_layout_options o;
    memset(&o, 0x5a, sizeof o);
    collab_layout_options_init(&o);
    assert_int_equal(o.method, COLLAB_LAYOUT_FA2);
    assert_int_equal(o.seed, COLLAB_LAYOUT_DEFAULT_SEED);
    assert_true(o.aspect == 1.0 && o.gravity == 1.0 && o.scaling == 2.0);
    assert_true(o.linlog && o.prevent_overlap && !o.dissuade_hubs && !o.strong_gravity);
    assert_null(o.radius);
    assert_null(o.initial_x);
    assert_null(o.initial_y);
    assert_int_equal(o.iterations, 0);
    assert_int_equal(o.threads, 0);
}

static void test_empty_graph(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout l;
    make_graph(&g, 0, NULL, 0, NULL);
    compute_ok(&l, &g, NULL);
    assert_int_equal(l.n, 0);
    collab_layout_destroy(&l);
    collab_layout_destroy(&l); /* destroy leaves it zeroed, so twice is safe */
    collab_layout_destroy(NULL);
    collab_graph_destroy(&g);
}

static void test_single_vertex(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout l;
    collab_layout_options o;
    collab_layout_options_init(&o);
    o.aspect = 1.5;
    make_graph(&g, 1, NULL, 0, NULL);
    for (int method = 0; method < 5; method++) {
        o.method = (collab_layout_method)method;
        compute_ok(&l, &g, &o);
        assert_float_equal(px(&l, 0), 0.75, 1e-12);
        assert_float_equal(py(&l, 0), 0.5, 1e-12);
        collab_layout_destroy(&l);
    }
    collab_graph_destroy(&g);
}

static void test_self_loop_and_multi_edges(void **state)
{
    (void)state;
    /* 0-1 twice, a self-loop on 1, 1-2, and a zero-weight edge 2-3. */
    igraph_integer_t ends[] = {0, 1, 0, 1, 1, 1, 1, 2, 2, 3};
    double w[] = {1.0, 2.0, 5.0, 1.0, 0.0};
    collab_graph g;
    collab_layout l;
    make_graph(&g, 4, ends, 5, w);
    compute_ok(&l, &g, NULL);
    for (size_t a = 0; a < 4; a++) {
        for (size_t b = a + 1; b < 4; b++) {
            assert_true(dist(&l, a, b) > 0.0);
        }
    }
    assert_no_overlap(&l, NULL);
    collab_layout_destroy(&l);
    collab_graph_destroy(&g);
}

static void test_determinism(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout a, b, c;
    collab_layout_options o;
    collab_layout_options_init(&o);
    make_sbm(&g, 4, 50, 0.3, 0.005, 11);
    for (int method = 0; method < 2; method++) { /* fa2, and igraph's fr seeded by us */
        o.method = (collab_layout_method)method;
        o.seed = 7;
        compute_ok(&a, &g, &o);
        compute_ok(&b, &g, &o);
        o.seed = 8;
        compute_ok(&c, &g, &o);
        size_t bytes = 2 * a.n * sizeof(double);
        assert_memory_equal(&MATRIX(a.xy, 0, 0), &MATRIX(b.xy, 0, 0), bytes);
        assert_memory_not_equal(&MATRIX(a.xy, 0, 0), &MATRIX(c.xy, 0, 0), bytes);
        collab_layout_destroy(&a);
        collab_layout_destroy(&b);
        collab_layout_destroy(&c);
    }
    collab_graph_destroy(&g);
}

/* Large enough for the second thread: one thread or two give the same bits. */
static void test_threads_do_not_change_result(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout a, b;
    collab_layout_options o;
    collab_layout_options_init(&o);
    o.iterations = 10;
    make_sbm(&g, 4, 500, 0.02, 0.0005, 3);
    o.threads = 1;
    compute_ok(&a, &g, &o);
    o.threads = 0;
    compute_ok(&b, &g, &o);
    assert_memory_equal(&MATRIX(a.xy, 0, 0), &MATRIX(b.xy, 0, 0), 2 * a.n * sizeof(double));
    assert_ptr_equal(collab_layout_x(&a), &MATRIX(a.xy, 0, 0));
    assert_ptr_equal(collab_layout_y(&a), &MATRIX(a.xy, 0, 1));
    collab_layout_destroy(&a);
    collab_layout_destroy(&b);
    collab_graph_destroy(&g);
}

/* Bounding box of a vertex range's discs. */
typedef struct box {
    double x0, y0, x1, y1;
} box;

static box disc_box(const collab_layout *l, size_t first, size_t last, const double *r)
{
    box b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (size_t v = first; v <= last; v++) {
        b.x0 = fmin(b.x0, px(l, v) - r[v]);
        b.y0 = fmin(b.y0, py(l, v) - r[v]);
        b.x1 = fmax(b.x1, px(l, v) + r[v]);
        b.y1 = fmax(b.y1, py(l, v) + r[v]);
    }
    return b;
}

static bool boxes_overlap(box a, box b)
{
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/* K6 on 0-5, a path on 6-11, a triangle on 12-14, a dyad 15-16, isolated 17-28. */
static void make_pieces(collab_graph *g)
{
    igraph_integer_t ends[2 * 40];
    size_t m = 0;
    for (int a = 0; a < 6; a++) {
        for (int b = a + 1; b < 6; b++) {
            ends[2 * m] = a;
            ends[2 * m++ + 1] = b;
        }
    }
    for (int a = 6; a < 11; a++) {
        ends[2 * m] = a;
        ends[2 * m++ + 1] = a + 1;
    }
    igraph_integer_t rest[] = {12, 13, 13, 14, 14, 12, 15, 16};
    for (size_t k = 0; k < 8; k++) {
        ends[2 * m + k] = rest[k];
    }
    m += 4;
    make_graph(g, 29, ends, m, NULL);
}

static void test_components_packed(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout l;
    collab_layout_options o;
    double r[29];
    for (int v = 0; v < 29; v++) {
        r[v] = 0.01 + 0.001 * v;
    }
    collab_layout_options_init(&o);
    o.radius = r;
    make_pieces(&g);
    for (int method = 0; method < 4; method++) { /* every packing method */
        for (int k = 0; k < 2; k++) {
            o.method = (collab_layout_method)method;
            o.aspect = k == 0 ? 1.0 : 16.0 / 9.0;
            compute_ok(&l, &g, &o);
            assert_no_overlap(&l, r);
            box boxes[4 + 12] = {disc_box(&l, 0, 5, r), disc_box(&l, 6, 11, r),
                                 disc_box(&l, 12, 14, r), disc_box(&l, 15, 16, r)};
            for (size_t v = 17; v < 29; v++) {
                boxes[4 + v - 17] = disc_box(&l, v, v, r);
            }
            for (size_t a = 0; a < 16; a++) {
                for (size_t b = a + 1; b < 16; b++) {
                    assert_false(boxes_overlap(boxes[a], boxes[b]));
                }
            }
            /* Packed, not scattered to the corners: the boxes cover a fair share of the page.
             * Measured 0.26-0.37 when every part was laid out from one seed; since small parts keep
             * the lowest-stress of several seeds, fa2 draws the path straight, a thin box, and
             * covers 0.24 at 16:9 (0.35 at 1:1). */
            double covered = 0.0;
            for (size_t a = 0; a < 16; a++) {
                covered += (boxes[a].x1 - boxes[a].x0) * (boxes[a].y1 - boxes[a].y0);
            }
            print_message("method %d aspect %.2f: covered %.3f\n", method, o.aspect,
                          covered / o.aspect);
            assert_true(covered > 0.2 * o.aspect);
            collab_layout_destroy(&l);
        }
    }
    collab_graph_destroy(&g);
}

static void test_isolated_grid(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout l;
    make_graph(&g, 9, NULL, 0, NULL);
    compute_ok(&l, &g, NULL);
    /* Nine isolated vertices on a page of aspect 1: a 3 x 3 grid of equal steps. */
    double xs[9], ys[9];
    for (size_t v = 0; v < 9; v++) {
        xs[v] = px(&l, v);
        ys[v] = py(&l, v);
    }
    for (size_t v = 0; v < 9; v++) {
        assert_float_equal(xs[v], xs[v % 3], 1e-12);
        assert_float_equal(ys[v], ys[(v / 3) * 3], 1e-12);
    }
    assert_float_equal(xs[1] - xs[0], xs[2] - xs[1], 1e-12);
    assert_float_equal(ys[3] - ys[0], ys[6] - ys[3], 1e-12);
    assert_float_equal(xs[1] - xs[0], ys[3] - ys[0], 1e-12);
    collab_layout_destroy(&l);
    collab_graph_destroy(&g);
}

static void test_overlap_prevention(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout l;
    collab_layout_options o;
    double r[60];
    make_sbm(&g, 3, 20, 0.6, 0.02, 5);
    for (int v = 0; v < 60; v++) {
        r[v] = v == 0 ? 0.12 : 0.015 + 0.0005 * v; /* one big disc, the rest growing */
    }
    collab_layout_options_init(&o);
    for (int method = 0; method < 4; method++) {
        o.method = (collab_layout_method)method;
        o.radius = r;
        compute_ok(&l, &g, &o);
        assert_no_overlap(&l, r);
        collab_layout_destroy(&l);
        o.radius = NULL;
        compute_ok(&l, &g, &o);
        assert_no_overlap(&l, NULL);
        collab_layout_destroy(&l);
    }
    /* The check above has teeth: without prevention these discs do overlap. */
    o.method = COLLAB_LAYOUT_FA2;
    o.prevent_overlap = false;
    compute_ok(&l, &g, &o);
    bool overlap = false;
    for (size_t a = 0; a < l.n && !overlap; a++) {
        for (size_t b = a + 1; b < l.n; b++) {
            overlap = overlap || dist(&l, a, b) < r[a] + r[b];
        }
    }
    assert_true(overlap);
    collab_layout_destroy(&l);
    collab_graph_destroy(&g);
}

/* Four planted groups of 50 (p_in 0.3, p_out 0.005) must be drawn as four clumps: the mean
 * distance within a group over the mean distance across groups (separation_ratio) is small.
 * Scale of the measure, on these graphs: positions that ignore the groups (an fr layout with its
 * vertices shuffled) give 0.98-1.01; the groups as four contiguous arcs of a circle (the 'circle'
 * layout, ids in group order) give 0.339. Measured with the default parameters over graph seeds
 * 1-12 and layout seeds 42, 101, 202, 303: fa2 0.115-0.131, fr 0.213-0.253, fa2 below fr in
 * every run. The limits leave a margin above the worst run seen and stay below the circle of
 * arcs, so a layout that only keeps ids in order, or stops separating, fails: fa2 < 0.2, fr <
 * 0.3. LinLog (fa2's default) is meant to separate more than fr's linear attraction, hence also
 * fa2 < fr (ratio 0.5-0.58 in the runs above). */
static void test_cluster_separation(void **state)
{
    (void)state;
    const double fa2_limit = 0.2;
    const double fr_limit = 0.3;
    for (unsigned long graph_seed = 1; graph_seed <= 3; graph_seed++) {
        collab_graph g;
        collab_layout l;
        collab_layout_options o;
        collab_layout_options_init(&o);
        make_sbm(&g, 4, 50, 0.3, 0.005, graph_seed);
        compute_ok(&l, &g, &o);
        double fa2 = separation_ratio(&l, 50);
        collab_layout_destroy(&l);
        o.method = COLLAB_LAYOUT_FR;
        compute_ok(&l, &g, &o);
        double fr = separation_ratio(&l, 50);
        collab_layout_destroy(&l);
        if (!(fa2 < fa2_limit && fr < fr_limit && fa2 < fr)) {
            fail_msg("graph seed %lu: intra/inter distance ratio fa2 %.3f (limit %.2f), fr %.3f "
                     "(limit %.2f), fa2 must be below fr",
                     graph_seed, fa2, fa2_limit, fr, fr_limit);
        }
        collab_graph_destroy(&g);
    }
}

/* Every ForceAtlas2 mode gives a valid, separated layout, and LinLog separates groups better than
 * linear attraction (its reason for being the default). */
static void test_fa2_modes(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout l;
    collab_layout_options o;
    double ratio[2] = {0.0, 0.0};
    make_sbm(&g, 4, 40, 0.3, 0.01, 4);
    for (int mode = 0; mode < 16; mode++) {
        collab_layout_options_init(&o);
        o.linlog = (mode & 1) == 0;
        o.dissuade_hubs = (mode & 2) != 0;
        o.strong_gravity = (mode & 4) != 0;
        o.gravity = (mode & 8) != 0 ? 0.0 : 1.0;
        compute_ok(&l, &g, &o);
        assert_no_overlap(&l, NULL);
        if (mode < 2) {
            ratio[mode] = separation_ratio(&l, 40);
        }
        collab_layout_destroy(&l);
    }
    print_message("intra/inter ratio: linlog %.3f, linear %.3f\n", ratio[0], ratio[1]);
    assert_true(ratio[0] < ratio[1]);
    collab_graph_destroy(&g);
}

/* The automatic community pull by hand: it makes 90% of the pull lie inside the groups, p s /
 * (p s + 1 - s) = 0.9, i.e. p = 9 (1 - s) / s for the share s inside before, but at most
 * 1 + 28 x / (1 - x) for x = (q - c) / (1 - c), q the partition's modularity and c the chance
 * modularity given. */
static void test_group_pull_value(void **state)
{
    (void)state;
    /* halves: groups {0..3} and {4..7}, four edges inside, four across (q = 1/2 - 2 (1/2)^2 = 0) */
    igraph_integer_t halves[] = {0, 1, 2, 3, 4, 5, 6, 7, 1, 4, 3, 6, 0, 7, 2, 5};
    uint32_t halves_group[8] = {0, 0, 0, 0, 1, 1, 1, 1};
    /* pairs: four pairs {0,1} .. {6,7}, each joined inside, the pairs in a ring by four more edges
     * (s = 1/2; every pair has strength 4 of 16: q = 1/2 - 4 (1/4)^2 = 1/4) */
    igraph_integer_t pairs[] = {0, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 0};
    uint32_t pairs_group[8] = {0, 0, 1, 1, 2, 2, 3, 3};
    double w_heavy_inside[8] = {2, 2, 2, 2, 1, 1, 1, 1};
    double w_mostly_inside[8] = {10, 10, 10, 10, 1, 1, 1, 1};
    struct {
        const igraph_integer_t *ends;
        const uint32_t *group;
        const double *w; /* NULL = all 1 */
        double asked, chance, want;
    } cases[] = {
        /* s = 1/2, q = 1/4, x = 1/4: bound 1 + 28/3 = 10.33, p = 9 */
        {pairs, pairs_group, NULL, 0.0, 0.0, 9.0},
        /* the same against a chance modularity of 0.2: x = 0.0625, bound 1 + 28 (1/15) */
        {pairs, pairs_group, NULL, 0.0, 0.2, 1.0 + 28.0 / 15.0},
        /* chance at least the partition's modularity: no pull */
        {pairs, pairs_group, NULL, 0.0, 0.25, 1.0},
        /* halves, q = 0: as many ties across as inside for its strengths, no pull */
        {halves, halves_group, NULL, 0.0, 0.0, 1.0},
        /* halves, inside doubled: s = 8/12, q = 2/3 - 1/2, bound 1 + 28 / 5 = 6.6; p = 4.5 */
        {halves, halves_group, w_heavy_inside, 0.0, 0.0, 4.5},
        /* s = 40/44 > 0.9: no pull */
        {halves, halves_group, w_mostly_inside, 0.0, 0.0, 1.0},
        /* asked */
        {halves, halves_group, NULL, 3.0, 0.0, 3.0},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        collab_graph g;
        collab_error err = {0};
        double pull = 0.0;
        make_graph(&g, 8, cases[c].ends, 8, cases[c].w);
        assert_int_equal(collab_layout_group_pull(&g, cases[c].group, cases[c].asked,
                                                  cases[c].chance, &pull, &err),
                         COLLAB_OK);
        assert_float_equal(pull, cases[c].want, 1e-12);
        collab_layout l;
        collab_layout_options o;
        collab_layout_options_init(&o);
        o.group = cases[c].group;
        o.group_pull = cases[c].asked;
        o.group_chance = cases[c].chance;
        compute_ok(&l, &g, &o);
        assert_float_equal(l.group_pull, cases[c].want, 1e-12);
        collab_layout_destroy(&l);
        collab_graph_destroy(&g);
    }
    /* no edge inside a group: nothing to pull */
    igraph_integer_t ring[64];
    uint32_t alone[32];
    for (int v = 0; v < 32; v++) {
        ring[2 * v] = v;
        ring[2 * v + 1] = (v + 1) % 32;
        alone[v] = (uint32_t)v;
    }
    collab_graph g;
    collab_error err = {0};
    double pull = 0.0;
    make_graph(&g, 32, ring, 32, NULL);
    assert_int_equal(collab_layout_group_pull(&g, alone, 0.0, 0.0, &pull, &err), COLLAB_OK);
    assert_float_equal(pull, 1.0, 0.0);
    collab_graph_destroy(&g);
}

/* The chance modularity bounds the automatic pull: a random graph's partition is no better than
 * its shuffle's, so it gets next to no pull; planted groups beat their shuffle by far and keep
 * theirs, by each of the three ways of shuffling (edge swaps, random pairing, a sample paired).
 * Values printed for the record; the limits leave room for other seeds. (Sparser planted
 * groups, 4 x 50 with p_in 0.06 and p_out 0.02, are not told from chance: Leiden's partition
 * reaches 0.397 and the shuffle 0.387, so they get almost no pull.) */
static void test_chance_bounds_pull(void **state)
{
    (void)state;
    struct {
        int groups, size;
        double p_in, p_out;
        bool planted;
    } graphs[] = {
        {1, 300, 0.2, 0.2, false},    /* 9,000 edges: rewired by edge swaps */
        {1, 1200, 0.1, 0.1, false},   /* 72,000: its ends paired at random */
        {1, 2000, 0.21, 0.21, false}, /* 420,000: a sample of its vertices paired */
        {4, 100, 0.2, 0.03, true},
    };
    for (size_t k = 0; k < sizeof graphs / sizeof graphs[0]; k++) {
        collab_graph g;
        make_sbm(&g, graphs[k].groups, graphs[k].size, graphs[k].p_in, graphs[k].p_out, 5);
        collab_community_options co;
        collab_community_options_init(&co);
        collab_partition p;
        collab_error err = {0};
        assert_int_equal(collab_community_detect(&p, &g, &co, &err), COLLAB_OK);
        double chance = -1.0, again = -1.0, plain = 0.0, bounded = 0.0;
        assert_int_equal(collab_community_chance_modularity(&g, &co, &chance, &err), COLLAB_OK);
        assert_int_equal(collab_community_chance_modularity(&g, &co, &again, &err), COLLAB_OK);
        assert_true(chance == again); /* seeded */
        assert_int_equal(collab_layout_group_pull(&g, p.membership, 0.0, 0.0, &plain, &err),
                         COLLAB_OK);
        assert_int_equal(collab_layout_group_pull(&g, p.membership, 0.0, chance, &bounded, &err),
                         COLLAB_OK);
        print_message("%s: modularity %.3f, by chance %.3f, pull %.2f without it, %.2f with it\n",
                      graphs[k].planted ? "planted" : "random", p.modularity, chance, plain,
                      bounded);
        if (graphs[k].planted) {
            assert_true(chance < p.modularity - 0.1);
            assert_true(plain > 3.0 && bounded == plain);
        } else {
            assert_true(fabs(p.modularity - chance) < 0.02);
            assert_true(plain > 1.5 && bounded < 1.3);
        }
        collab_partition_destroy(&p);
        collab_graph_destroy(&g);
    }
}

/* Weakly planted groups (p_in 0.06, p_out 0.02: a third of the edges inside) blur together in a
 * plain layout; the community pull must draw them apart. Measured over graph seeds 1-3 (layout
 * seed 42): pull 9.2-9.6, separation_ratio 0.89-0.995 without it and 0.42-0.46 with it. A pull
 * that did nothing would leave the ratio near 1; the limit, 0.6 times the plain ratio, leaves a
 * margin above the worst run seen. */
static void test_group_pull_separates(void **state)
{
    (void)state;
    uint32_t group[200];
    for (int v = 0; v < 200; v++) {
        group[v] = (uint32_t)(v / 50);
    }
    for (unsigned long graph_seed = 1; graph_seed <= 3; graph_seed++) {
        collab_graph g;
        collab_layout l;
        collab_layout_options o;
        collab_layout_options_init(&o);
        make_sbm(&g, 4, 50, 0.06, 0.02, graph_seed);
        compute_ok(&l, &g, &o);
        double plain = separation_ratio(&l, 50);
        collab_layout_destroy(&l);
        o.group = group;
        compute_ok(&l, &g, &o);
        double pulled = separation_ratio(&l, 50);
        double pull = l.group_pull;
        collab_layout_destroy(&l);
        print_message("graph seed %lu: pull %.2f, separation %.3f -> %.3f\n", graph_seed, pull,
                      plain, pulled);
        if (!(pull > 1.0 && pulled < 0.6 * plain)) {
            fail_msg("graph seed %lu: pull %.2f, separation %.3f without, %.3f with (want below "
                     "0.6 times)",
                     graph_seed, pull, plain, pulled);
        }
        collab_graph_destroy(&g);
    }
}

/* Stress by hand: a path 0-1-2 drawn straight with equal steps follows its hop distances exactly
 * (0); drawn with 1 and 2 on one point, r = e / d over the pairs (0,1), (0,2), (1,2) is 1, 1/2 and
 * 0, so the stress is 1 - 1.5^2 / (3 * 1.25) = 0.4; unreachable pairs are skipped; no pair at all
 * gives 1. */
static void test_stress_by_hand(void **state)
{
    (void)state;
    const uint32_t path[9] = {0, 1, 2, 1, 0, 1, 2, 1, 0};
    const double line_x[3] = {0, 3, 6}, line_y[3] = {0, 0, 0};
    assert_float_equal(collab_i_layout_stress(path, 3, line_x, line_y), 0.0, 1e-12);
    const double folded_x[3] = {0, 1, 1}, folded_y[3] = {0, 0, 0};
    assert_float_equal(collab_i_layout_stress(path, 3, folded_x, folded_y), 0.4, 1e-12);
    const uint32_t apart[4] = {0, UINT32_MAX, UINT32_MAX, 0};
    assert_float_equal(collab_i_layout_stress(apart, 2, line_x, line_y), 1.0, 0.0);
}

/* The trials of a small part keep the lowest stress: never above the first seed's own layout,
 * and on karate-sized random graphs below it for some seed (else the trials would do nothing). */
static void test_trials_keep_lowest_stress(void **state)
{
    (void)state;
    size_t improved = 0;
    for (unsigned long graph_seed = 1; graph_seed <= 4; graph_seed++) {
        collab_graph g;
        make_sbm(&g, 2, 20, 0.3, 0.05, graph_seed);
        size_t n = 40, m = collab_graph_edge_count(&g);
        uint32_t from[400], to[400];
        double w[400], mass[40], x1[40], y1[40], xb[40], yb[40];
        uint32_t hops[40 * 40];
        assert_true(m <= 400);
        for (size_t v = 0; v < n; v++) {
            mass[v] = 1.0;
        }
        for (size_t e = 0; e < m; e++) {
            igraph_integer_t a, b;
            igraph_edge(&g.graph, (igraph_integer_t)e, &a, &b);
            from[e] = (uint32_t)a;
            to[e] = (uint32_t)b;
            w[e] = 1.0;
            mass[a] += 1.0;
            mass[b] += 1.0;
        }
        /* hops by Floyd-Warshall, independently of the module's breadth-first search */
        for (size_t i = 0; i < n * n; i++) {
            hops[i] = i % (n + 1) == 0 ? 0 : UINT32_MAX;
        }
        for (size_t e = 0; e < m; e++) {
            hops[from[e] * n + to[e]] = hops[to[e] * n + from[e]] = 1;
        }
        for (size_t k = 0; k < n; k++) {
            for (size_t i = 0; i < n; i++) {
                for (size_t j = 0; j < n; j++) {
                    uint32_t a = hops[i * n + k], b = hops[k * n + j];
                    if (a != UINT32_MAX && b != UINT32_MAX && a + b < hops[i * n + j]) {
                        hops[i * n + j] = a + b;
                    }
                }
            }
        }
        collab_i_fa2_graph fg = {n, m, from, to, w, mass};
        collab_i_fa2_params p;
        collab_i_fa2_params_init(&p);
        collab_error err = {0};
        assert_int_equal(collab_i_fa2_multilevel(&fg, &p, 42, 0, x1, y1, &err), COLLAB_OK);
        assert_int_equal(collab_i_fa2_best_of(&fg, &p, 42, 0, COLLAB_I_LAYOUT_TRIALS, xb, yb, &err),
                         COLLAB_OK);
        double one = collab_i_layout_stress(hops, n, x1, y1);
        double best = collab_i_layout_stress(hops, n, xb, yb);
        print_message("graph seed %lu: stress %.4f from one seed, %.4f from %d\n", graph_seed, one,
                      best, COLLAB_I_LAYOUT_TRIALS);
        assert_true(best <= one);
        improved += best < one;
        collab_graph_destroy(&g);
    }
    assert_true(improved > 0);
}

/* A triangle (three people on one record) is drawn as a triangle, not a sliver: its three sides
 * within a factor 1.25 of each other from every seed (seed 42 alone drew sides of about 1 : 1 : 2
 * before small parts of three nodes were laid out from several seeds). */
static void test_triangle_not_a_sliver(void **state)
{
    (void)state;
    uint32_t from[3] = {0, 1, 0}, to[3] = {1, 2, 2};
    double w[3] = {1, 1, 1}, mass[3] = {3, 3, 3}, x[3], y[3];
    collab_i_fa2_graph fg = {3, 3, from, to, w, mass};
    collab_i_fa2_params p;
    collab_i_fa2_params_init(&p);
    for (uint64_t seed = 1; seed <= 64; seed++) {
        collab_error err = {0};
        assert_int_equal(collab_i_fa2_best_of(&fg, &p, seed, 0, COLLAB_I_LAYOUT_TRIALS, x, y, &err),
                         COLLAB_OK);
        double side[3];
        for (int e = 0; e < 3; e++) {
            side[e] = hypot(x[from[e]] - x[to[e]], y[from[e]] - y[to[e]]);
        }
        double lo = fmin(side[0], fmin(side[1], side[2]));
        double hi = fmax(side[0], fmax(side[1], side[2]));
        if (!(hi <= 1.25 * lo)) {
            fail_msg("seed %lu: sides %.3f %.3f %.3f", (unsigned long)seed, side[0], side[1],
                     side[2]);
        }
    }
}

static void test_warm_start_keeps_layout(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout first, warm, again;
    collab_layout_options o;
    collab_layout_options_init(&o);
    make_sbm(&g, 4, 30, 0.3, 0.01, 2);
    compute_ok(&first, &g, &o);
    o.initial_x = collab_layout_x(&first);
    o.initial_y = collab_layout_y(&first);
    o.iterations = 20;
    compute_ok(&warm, &g, &o);
    compute_ok(&again, &g, &o);
    assert_memory_equal(&MATRIX(warm.xy, 0, 0), &MATRIX(again.xy, 0, 0),
                        2 * warm.n * sizeof(double));
    double moved = 0.0;
    for (size_t v = 0; v < first.n; v++) {
        moved += hypot(px(&first, v) - px(&warm, v), py(&first, v) - py(&warm, v));
    }
    moved /= (double)first.n;
    print_message("mean move after a warm start: %.4f\n", moved);
    assert_true(moved < 0.05);
    collab_layout_destroy(&first);
    collab_layout_destroy(&warm);
    collab_layout_destroy(&again);
    collab_graph_destroy(&g);
}

static void test_circle(void **state)
{
    (void)state;
    igraph_integer_t ends[] = {0, 1, 1, 2};
    collab_graph g;
    collab_layout l;
    collab_layout_options o;
    collab_layout_options_init(&o);
    o.method = COLLAB_LAYOUT_CIRCLE;
    o.aspect = 2.0;
    make_graph(&g, 8, ends, 2, NULL);
    compute_ok(&l, &g, &o);
    for (size_t v = 0; v < 8; v++) {
        assert_float_equal(hypot(px(&l, v) - 1.0, py(&l, v) - 0.5), 0.5, 1e-9);
    }
    collab_layout_destroy(&l);
    collab_graph_destroy(&g);
    for (igraph_integer_t n = 2; n < 8; n++) { /* fitted into the box like every layout */
        make_graph(&g, n, ends, 2, NULL);
        compute_ok(&l, &g, &o);
        collab_layout_destroy(&l);
        collab_graph_destroy(&g);
    }
}

/* A failing call leaves `out` as it was. */
static void expect_error(const collab_graph *g, const collab_layout_options *o, collab_status want,
                         const char *message)
{
    collab_layout l;
    unsigned char before[sizeof l];
    collab_error err = {0};
    memset(&l, 0xab, sizeof l);
    memcpy(before, &l, sizeof l);
    assert_int_equal(collab_layout_compute(&l, g, o, &err), want);
    assert_int_equal(err.status, want);
    assert_string_equal(err.message, message);
    assert_memory_equal(&l, before, sizeof l);
}

static void test_option_errors(void **state)
{
    (void)state;
    igraph_integer_t ends[] = {0, 1, 1, 2};
    double r[3] = {0.01, NAN, 0.01}, xs[3] = {0.0, 1.0, 2.0};
    collab_graph g;
    collab_layout_options o;
    make_graph(&g, 3, ends, 2, NULL);
    collab_layout_options_init(&o);
    o.aspect = 0.0;
    expect_error(&g, &o, COLLAB_E_USAGE, "layout aspect ratio '0' is not a positive number");
    o.aspect = NAN;
    expect_error(&g, &o, COLLAB_E_USAGE, "layout aspect ratio 'nan' is not a positive number");
    collab_layout_options_init(&o);
    o.gravity = -1.0;
    expect_error(&g, &o, COLLAB_E_USAGE, "layout gravity '-1' is not a non-negative number");
    collab_layout_options_init(&o);
    o.scaling = 0.0;
    expect_error(&g, &o, COLLAB_E_USAGE, "layout scaling '0' is not a positive number");
    collab_layout_options_init(&o);
    o.radius = r;
    expect_error(&g, &o, COLLAB_E_USAGE, "a node radius is negative or not a number");
    collab_layout_options_init(&o);
    o.initial_x = xs;
    expect_error(&g, &o, COLLAB_E_USAGE, "'initial_x' and 'initial_y' must be given together");
    o.initial_y = r;
    expect_error(&g, &o, COLLAB_E_USAGE, "an initial position is not a number");
    collab_layout_options_init(&o);
    o.method = (collab_layout_method)17;
    expect_error(&g, &o, COLLAB_E_USAGE, "unknown layout method 17");
    collab_layout_options_init(&o);
    o.threads = -2;
    expect_error(&g, &o, COLLAB_E_USAGE, "layout threads '-2' is negative");
    collab_layout_options_init(&o);
    o.group_pull = 0.5;
    expect_error(&g, &o, COLLAB_E_USAGE,
                 "community pull '0.5' is not 0 (automatic) or a number >= 1");
    collab_graph_destroy(&g);
}

static void test_input_errors(void **state)
{
    (void)state;
    igraph_integer_t ends[] = {0, 1, 1, 2};
    double w[] = {1.0, -1.0};
    collab_graph g;
    make_graph(&g, 3, ends, 2, w);
    expect_error(&g, NULL, COLLAB_E_INPUT, "edge 1 has weight '-1': the layout needs weights >= 0");
    VECTOR(g.weights)[1] = NAN;
    expect_error(&g, NULL, COLLAB_E_INPUT,
                 "edge 1 has weight 'nan': the layout needs weights >= 0");
    collab_graph_destroy(&g);
    /* Kamada-Kawai refuses a component above its limit (a path of 3001 vertices). */
    igraph_integer_t *path = malloc(2 * 3000 * sizeof *path);
    assert_non_null(path);
    for (igraph_integer_t v = 0; v < 3000; v++) {
        path[2 * v] = v;
        path[2 * v + 1] = v + 1;
    }
    make_graph(&g, 3001, path, 3000, NULL);
    free(path);
    collab_layout_options o;
    collab_layout_options_init(&o);
    o.method = COLLAB_LAYOUT_KK;
    expect_error(&g, &o, COLLAB_E_USAGE,
                 "a component of 3001 vertices is too large for the 'kk' layout (at most 3000); "
                 "use 'fa2'");
    collab_graph_destroy(&g);
}

/* Fail the n-th allocation for n = 0, 1, 2... until the layout succeeds: each failure must report
 * COLLAB_E_NOMEM and leak nothing (valgrind checks the latter). */
static void test_allocation_failure(void **state)
{
    (void)state;
    collab_graph g;
    collab_layout l;
    make_pieces(&g);
    bool done = false;
    for (long n = 0; n < 100000 && !done; n++) {
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_layout_compute(&l, &g, NULL, &err);
        collab_alloc_fail_after(-1);
        if (st == COLLAB_OK) {
            assert_in_box(&l);
            collab_layout_destroy(&l);
            done = true;
        } else {
            assert_int_equal(st, COLLAB_E_NOMEM);
            assert_true(err.message[0] != '\0');
        }
        assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    }
    assert_true(done);
    collab_graph_destroy(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_method_names),
        cmocka_unit_test(test_options_defaults),
        cmocka_unit_test_teardown(test_empty_graph, teardown),
        cmocka_unit_test_teardown(test_single_vertex, teardown),
        cmocka_unit_test_teardown(test_self_loop_and_multi_edges, teardown),
        cmocka_unit_test_teardown(test_determinism, teardown),
        cmocka_unit_test_teardown(test_threads_do_not_change_result, teardown),
        cmocka_unit_test_teardown(test_components_packed, teardown),
        cmocka_unit_test_teardown(test_isolated_grid, teardown),
        cmocka_unit_test_teardown(test_overlap_prevention, teardown),
        cmocka_unit_test_teardown(test_cluster_separation, teardown),
        cmocka_unit_test_teardown(test_fa2_modes, teardown),
        cmocka_unit_test_teardown(test_group_pull_value, teardown),
        cmocka_unit_test_teardown(test_group_pull_separates, teardown),
        cmocka_unit_test(test_stress_by_hand),
        cmocka_unit_test_teardown(test_trials_keep_lowest_stress, teardown),
        cmocka_unit_test_teardown(test_triangle_not_a_sliver, teardown),
        cmocka_unit_test(test_chance_bounds_pull),
        cmocka_unit_test_teardown(test_warm_start_keeps_layout, teardown),
        cmocka_unit_test_teardown(test_circle, teardown),
        cmocka_unit_test_teardown(test_option_errors, teardown),
        cmocka_unit_test_teardown(test_input_errors, teardown),
        cmocka_unit_test_teardown(test_allocation_failure, teardown),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
