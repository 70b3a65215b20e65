/* KADABRA's sampler (paths_kadabra.c) on small graphs whose betweenness is known by hand: its
 * bounds f and g, its sample limit omega, the stopping rule (every interval under lambda before
 * omega, or omega reached), the exact values inside the intervals, the top-k ranks, and
 * determinism across seeds and thread counts. */
#include <math.h>

#include "csr_support.h"

static collab_i_kadabra_opts options(double eps, double vd, size_t top_k, uint64_t seed,
                                     int threads)
{
    collab_i_kadabra_opts o = {0};
    o.eps = eps;
    o.delta = 0.1;
    o.top_k = top_k;
    o.vertex_diameter = vd;
    o.seed = seed;
    o.threads = threads;
    return o;
}

static void run(collab_i_kadabra_result *r, const collab_i_csr *c, collab_i_kadabra_opts o)
{
    collab_error err = {0};
    assert_int_equal(collab_i_kadabra(r, c, &o, &err), COLLAB_OK);
}

static void test_bounds_and_omega(void **state)
{
    (void)state;
    /* omega = 0.5 / lambda^2 (floor(log2(VD - 2)) + 1 + ln(2 / delta)) */
    assert_float_equal(collab_i_kadabra_omega(0.01, 0.1, 10), ceil(5000 * (3 + 1 + log(20))), 1e-9);
    double omega = 1e5;
    for (double b = 0; b <= 1.0; b += 0.125) {
        double prev_f = INFINITY, prev_g = INFINITY;
        for (double tau = 1000; tau <= omega; tau *= 2) {
            double f = collab_i_kadabra_lower(b, tau, omega, 1e-6);
            double g = collab_i_kadabra_upper(b, tau, omega, 1e-6);
            /* never below 0 or above 1, and tighter with every sample */
            assert_true(f >= 0 && f <= b + 1e-15);
            assert_true(g >= 0 && g <= 1 - b + 1e-15);
            assert_true(f <= prev_f + 1e-15 && g <= prev_g + 1e-15);
            prev_f = f;
            prev_g = g;
        }
    }
    /* a smaller failure probability widens the bound */
    assert_true(collab_i_kadabra_upper(0.1, 1e4, omega, 1e-9) >
                collab_i_kadabra_upper(0.1, 1e4, omega, 1e-3));
}

/* The stopping rule: stopped on its bounds (before omega) means every interval is narrower
 * than lambda on each side; stopped at omega means omega samples were drawn. */
static void check_stop(const collab_i_kadabra_result *r, size_t n)
{
    assert_true(r->samples <= r->omega);
    if (r->adaptive_stop) {
        assert_true(r->samples < r->omega);
        for (size_t v = 0; v < n; v++) {
            assert_true(r->estimate[v] - r->low[v] < r->lambda);
            assert_true(r->high[v] - r->estimate[v] < r->lambda);
        }
    } else {
        assert_true(r->samples >= r->omega);
    }
}

static void test_path(void **state)
{
    (void)state;
    /* 0-1-2-3-4: b(v) = 2 BC(v) / (n (n - 1)), BC = 0, 3, 4, 3, 0 */
    const uint32_t edges[][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
    const double exact[] = {0, 0.3, 0.4, 0.3, 0};
    collab_i_csr c;
    make_csr(&c, 5, edges, 4);
    collab_i_kadabra_result r;
    run(&r, &c, options(0.05, 5, 0, 42, 1));
    /* b = 0.4 is too high for the adaptive bound to beat omega's: this one runs to omega */
    check_stop(&r, 5);
    for (size_t v = 0; v < 5; v++) {
        assert_true(r.low[v] <= r.estimate[v] && r.estimate[v] <= r.high[v]);
        assert_true(r.low[v] <= exact[v] && exact[v] <= r.high[v]);
    }
    /* the ends are never inside a path: exactly 0 */
    assert_float_equal(r.estimate[0], 0, 0);
    assert_float_equal(r.low[4], 0, 0);
    collab_i_kadabra_result_destroy(&r);
    free_csr(&c);
}

static void test_star_top_k_and_threads(void **state)
{
    (void)state;
    /* a star of 8 leaves with a tail 8-9: the centre first, vertex 8 second, all else 0 */
    const uint32_t edges[][2] = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5},
                                 {0, 6}, {0, 7}, {0, 8}, {8, 9}};
    collab_i_csr c;
    make_csr(&c, 10, edges, 9);
    collab_i_kadabra_result one, two, other;
    run(&one, &c, options(0.02, 5, 3, 7, 1));
    run(&two, &c, options(0.02, 5, 3, 7, 2));
    run(&other, &c, options(0.02, 5, 3, 8, 1));
    /* the same seed gives the same numbers whatever the threads; another seed, others */
    assert_memory_equal(one.estimate, two.estimate, 10 * sizeof(double));
    assert_memory_equal(one.low, two.low, 10 * sizeof(double));
    assert_true(one.samples == two.samples);
    assert_true(memcmp(one.estimate, other.estimate, 10 * sizeof(double)) != 0);
    /* centre: pairs of its 8 neighbours + (leaf, 9) pairs; 8: (9, anything but 8) */
    double centre = 2.0 * (28 + 7) / 90.0;
    double eight = 2.0 * 8 / 90.0;
    assert_true(one.low[0] <= centre && centre <= one.high[0]);
    assert_true(one.low[8] <= eight && eight <= one.high[8]);
    /* ranks 1 and 2 are certain; the third is a tie among the zeros */
    assert_int_equal(one.top[0], 0);
    assert_int_equal(one.rank_best[0], 1);
    assert_int_equal(one.rank_worst[0], 1);
    assert_int_equal(one.top[1], 8);
    assert_int_equal(one.rank_best[1], 2);
    assert_int_equal(one.rank_worst[1], 2);
    assert_true(one.rank_worst[2] > one.rank_best[2]);
    collab_i_kadabra_result_destroy(&one);
    collab_i_kadabra_result_destroy(&two);
    collab_i_kadabra_result_destroy(&other);
    free_csr(&c);
}

static void test_no_interior_and_disconnected(void **state)
{
    (void)state;
    /* a triangle: no shortest path has an interior vertex; nothing is sampled */
    const uint32_t tri[][2] = {{0, 1}, {0, 2}, {1, 2}};
    collab_i_csr c;
    make_csr(&c, 3, tri, 3);
    collab_i_kadabra_result r;
    run(&r, &c, options(0.01, 2, 0, 1, 1));
    assert_true(r.exact);
    assert_true(r.samples == 0);
    for (size_t v = 0; v < 3; v++) {
        assert_float_equal(r.high[v], 0, 0);
    }
    collab_i_kadabra_result_destroy(&r);
    free_csr(&c);
    /* two paths 0-1-2 and 3-4-5 and an isolated 6: b(1) = b(4) = 2 / 42 */
    const uint32_t two[][2] = {{0, 1}, {1, 2}, {3, 4}, {4, 5}};
    make_csr(&c, 7, two, 4);
    run(&r, &c, options(0.02, 3, 0, 3, 2));
    check_stop(&r, 7);
    assert_true(r.adaptive_stop); /* small betweenness: the bounds hold before omega */
    for (size_t v = 0; v < 7; v++) {
        double exact = v == 1 || v == 4 ? 2.0 / 42.0 : 0.0;
        assert_true(r.low[v] <= exact && exact <= r.high[v]);
    }
    collab_i_kadabra_result_destroy(&r);
    free_csr(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bounds_and_omega),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_star_top_k_and_threads),
        cmocka_unit_test(test_no_interior_and_disconnected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
