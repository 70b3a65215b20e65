/* Time slices: year spans, cutting into decades and windows, slice graphs, and the timeline's
 * warm starts, ghosts and rank table, each against answers worked out by hand. */
#include "collab/alloc.h"
#include "collab/slices.h"
#include "test_support.h"

#include <math.h>

/* Ann and Bob work together in 1993 and 2004, Cal with Bob in 2005, Dee alone in 1999 with Ann;
 * one undated row. */
static const char *const timeline_csv =
    "person,project,role,year\n"
    "Ann,P1,a,1993\nBob,P1,a,1993\nAnn,P2,a,2004\nBob,P2,a,2004\nCal,P3,a,2005\nBob,P3,a,2005\n"
    "Dee,P4,a,1999\nAnn,P4,a,1999\nEve,P5,a,\nAnn,P5,a,\n";

static void test_year_span_and_cut(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, timeline_csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    int lo, hi;
    size_t no_year;
    collab_slices_year_span(&g, &list, &lo, &hi, &no_year);
    assert_int_equal(lo, 1993);
    assert_int_equal(hi, 2005);
    assert_int_equal(no_year, 2);

    collab_slice *s = NULL;
    size_t n = 0;
    collab_error err = {0};
    assert_int_equal(collab_slices_cut(lo, hi, 0, 0, &s, &n, &err), COLLAB_OK);
    assert_int_equal(n, 2);
    assert_string_equal(s[0].label, "1990s");
    assert_int_equal(s[0].from, 1990);
    assert_int_equal(s[0].to, 1999);
    assert_string_equal(s[1].label, "2000s");
    collab_free(s);
    assert_int_equal(collab_slices_cut(lo, hi, 5, 3, &s, &n, &err), COLLAB_OK);
    /* starts 1993, 1996, 1999, 2002, 2005 */
    assert_int_equal(n, 5);
    assert_string_equal(s[0].label, "1993-1997");
    assert_string_equal(s[4].label, "2005-2009");
    collab_free(s);
    assert_int_equal(collab_slices_cut(lo, hi, 1, 1, &s, &n, &err), COLLAB_OK);
    assert_int_equal(n, 13);
    assert_string_equal(s[12].label, "2005");
    collab_free(s);
    assert_int_equal(collab_slices_cut(1000, 2000, 1, 1, &s, &n, &err), COLLAB_E_USAGE);
    assert_string_equal(err.message,
                        "1001 slices from 1000 to 2000 are too many (at most 200): use a wider --by");

    /* The 1990s graph: Ann, Bob, Dee (P1, P4); the 2010s have no rows. */
    collab_slice nineties = {.from = 1990, .to = 1999};
    collab_graph sg;
    collab_graph_options opt;
    collab_graph_options_init(&opt);
    assert_int_equal(collab_slices_graph(&sg, &list, &opt, &nineties, &err), COLLAB_OK);
    assert_int_equal(collab_graph_vertex_count(&sg), 3);
    assert_int_equal(collab_graph_edge_count(&sg), 2);
    collab_graph_destroy(&sg);
    collab_slice tens = {.from = 2010, .to = 2019};
    assert_int_equal(collab_slices_graph(&sg, &list, &opt, &tens, &err), COLLAB_E_INPUT);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* Two slices through the timeline: the 1990s place Ann, Bob, Dee; in the 2000s Ann and Bob
 * start where they were, Cal (new) starts near Bob, Dee is a ghost; ranks by the order given. */
static void test_timeline(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, timeline_csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_error err = {0};
    collab_graph_options opt;
    collab_graph_options_init(&opt);
    collab_slice s[2] = {{.from = 1990, .to = 1999}, {.from = 2000, .to = 2009}};
    collab_graph g0, g1;
    assert_int_equal(collab_slices_graph(&g0, &list, &opt, &s[0], &err), COLLAB_OK);
    assert_int_equal(collab_slices_graph(&g1, &list, &opt, &s[1], &err), COLLAB_OK);
    collab_timeline t;
    assert_int_equal(collab_timeline_init(&t, list.names_a.count, 2, &err), COLLAB_OK);

    /* slice 0: vertices Ann, Bob, Dee (order of first appearance), ranked Ann, Dee, Bob */
    const double x0[3] = {0.1, 0.2, 0.3};
    const double y0[3] = {0.4, 0.5, 0.6};
    const uint32_t order0[3] = {0, 2, 1};
    collab_timeline_record(&t, 0, &g0, order0, &s[0]);
    collab_timeline_place(&t, &g0, x0, y0, 1.5);
    assert_string_equal(s[0].top[0], "Ann");
    assert_string_equal(s[0].top[1], "Dee");

    /* slice 1: Ann, Bob, Cal */
    double *ix, *iy;
    assert_int_equal(collab_timeline_warm_start(&t, &g1, 7, &ix, &iy, &err), COLLAB_OK);
    assert_float_equal(ix[0], 0.1, 0);
    assert_float_equal(iy[1], 0.5, 0);
    assert_true(fabs(ix[2] - 0.2) <= 0.025 && fabs(iy[2] - 0.5) <= 0.025); /* near Bob */
    collab_free(ix);
    collab_free(iy);
    double *gx, *gy;
    size_t n_ghosts;
    assert_int_equal(collab_timeline_ghosts(&t, &g1, 1, &gx, &gy, &n_ghosts, &err), COLLAB_OK);
    assert_int_equal(n_ghosts, 1); /* Dee */
    assert_float_equal(gx[0], 0.3, 0);
    assert_float_equal(gy[0], 0.6, 0);
    collab_free(gx);
    collab_free(gy);
    const uint32_t order1[3] = {1, 0, 2};
    collab_timeline_record(&t, 1, &g1, order1, &s[1]);

    collab_ranked_person *people;
    size_t n;
    assert_int_equal(collab_timeline_ranked(&t, &people, &n, &err), COLLAB_OK);
    /* best ranks: Ann 1, Bob 1, Dee 2, Cal 3; ties by person id (Ann 0, Bob 1, Cal 2, Dee 3) */
    assert_int_equal(n, 4);
    const char *expected[4] = {"Ann", "Bob", "Dee", "Cal"};
    const uint32_t best[4] = {1, 1, 2, 3};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(collab_names_get(&list.names_a, people[i].person), expected[i]);
        assert_int_equal(people[i].best, best[i]);
    }
    collab_free(people);
    collab_timeline_destroy(&t);
    collab_timeline_destroy(&t); /* safe twice */
    collab_graph_destroy(&g0);
    collab_graph_destroy(&g1);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_year_span_and_cut),
        cmocka_unit_test(test_timeline),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
