/* Person lookup, distances, chains and shared projects, each checked against answers worked out
 * by hand on small graphs. */
#include "collab/alloc.h"
#include "collab/query.h"
#include "test_support.h"

#include <math.h>

/* Seven people whose folded names are 1 to 3 edits from "anna" and one far away, so a miss fills
 * the five-name suggestion list and has ties to break:
 *   anne 1, hanna 1, ana 1, anja 1, annie 2, anouk 3, bob 4 (too far for a four-letter name). */
static const char *const crowd =
    "person,project\n"
    "Bob,P1\nAnne,P1\nHanna,P1\nAnouk,P2\nAna,P2\nAnja,P2\nAnnie,P3\nBob,P3\n";

static void build_people(collab_graph *g, collab_edgelist *list, const char *csv)
{
    build_text(g, list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
}

static void expect_miss(const collab_graph *g, const char *name, const char *message)
{
    collab_error err = {0};
    uint32_t vertex = 12345;
    assert_int_equal(collab_query_find(g, name, &vertex, &err), COLLAB_E_USAGE);
    assert_string_equal(err.message, message);
    assert_int_equal(vertex, 12345); /* untouched on error */
}

static void expect_found(const collab_graph *g, const char *name, const char *found)
{
    collab_error err = {0};
    uint32_t vertex = COLLAB_NO_ID;
    assert_int_equal(collab_query_find(g, name, &vertex, &err), COLLAB_OK);
    assert_string_equal(collab_graph_name(g, vertex), found);
}

static void test_find_exact_case_accent_space(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_people(&g, &list, "person,project\nJosé Feliciano,P1\nJuanes,P1\nMacy Gray,P2\nJuanes,P2\n");
    expect_found(&g, "Juanes", "Juanes");
    expect_found(&g, "jose feliciano", "José Feliciano");
    expect_found(&g, "  MACY GRAY\t", "Macy Gray");
    expect_found(&g, "Juane\xcc\x81s", "Juanes"); /* e + combining acute */
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* The bug of issue 15: the fifth slot was compared before it was written. Five distinct names,
 * closest first, ties in order of first appearance, and the far name left out. */
static void test_suggestions_full_list_distinct_and_stable(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_people(&g, &list, crowd);
    expect_miss(&g, "Anna",
                "no one named 'Anna'; closest: 'Anne', 'Hanna', 'Ana', 'Anja', 'Annie'");
    /* Same question again: the same answer. */
    expect_miss(&g, "Anna",
                "no one named 'Anna'; closest: 'Anne', 'Hanna', 'Ana', 'Anja', 'Annie'");
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_suggestions_substring_and_none(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_people(&g, &list, "person,project\nThom Russo,P1\nJuanes,P1\nRick Rubin,P2\nJuanes,P2\n");
    expect_miss(&g, "Russo", "no one named 'Russo'; closest: 'Thom Russo'");
    expect_miss(&g, "Thom Rusoo", "no one named 'Thom Rusoo'; closest: 'Thom Russo'");
    expect_miss(&g, "Zzyzx", "no one named 'Zzyzx' in the graph");
    expect_miss(&g, "", "the name to find is empty");
    expect_miss(&g, " \t ", "the name to find is empty");
    expect_miss(&g, "\xff", "'\xff' is not valid UTF-8");
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* A long list of suggestions keeps whole names: one that does not fit is left out, not cut. */
static void test_suggestions_never_cut_a_name(void **state)
{
    (void)state;
    char csv[4096] = "person,project\n";
    const char *stem = "Maximiliana Wolkenstein-Ravensburg von Hohenberg";
    for (int i = 0; i < 5; i++) {
        char row[128];
        snprintf(row, sizeof row, "%s %c,P1\n", stem, 'A' + i);
        strcat(csv, row);
    }
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_people(&g, &list, csv);
    collab_error err = {0};
    uint32_t vertex;
    assert_int_equal(collab_query_find(&g, stem, &vertex, &err), COLLAB_E_USAGE);
    size_t len = strlen(err.message);
    assert_true(len > 0);
    assert_int_equal(err.message[len - 1], '\'');
    assert_non_null(strstr(err.message, "Hohenberg A'"));
    assert_null(strstr(err.message, "Hohenberg E'"));
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* A - B - C - D and A - E - D: the shortest chain from A to D is A-E-D (2 hops); avoiding E
 * leaves A-B-C-D (3 hops). F - G is another component. */
static const char *const chains =
    "source,target\nA,B\nB,C\nC,D\nA,E\nE,D\nF,G\n";

static void test_distances_and_paths(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, chains, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_error err = {0};
    uint32_t a, d, e;
    assert_int_equal(collab_query_find(&g, "A", &a, &err), COLLAB_OK);
    assert_int_equal(collab_query_find(&g, "D", &d, &err), COLLAB_OK);
    assert_int_equal(collab_query_find(&g, "E", &e, &err), COLLAB_OK);
    int32_t dist[7];
    assert_int_equal(collab_query_distances(&g, a, UINT32_MAX, dist, &err), COLLAB_OK);
    /* vertices in order of first appearance: A B C D E F G */
    const int32_t expected[7] = {0, 1, 2, 2, 1, -1, -1};
    assert_memory_equal(dist, expected, sizeof expected);
    assert_int_equal(collab_query_distances(&g, a, e, dist, &err), COLLAB_OK);
    assert_int_equal(dist[d], 3);

    uint32_t *paths = NULL;
    size_t n_paths, length;
    double total;
    assert_int_equal(collab_query_paths(&g, a, d, UINT32_MAX, 10, &paths, &n_paths, &length,
                                        &total, &err),
                     COLLAB_OK);
    assert_int_equal(n_paths, 1);
    assert_int_equal(length, 2);
    assert_float_equal(total, 1, 0);
    assert_int_equal(paths[0], a);
    assert_int_equal(paths[1], e);
    assert_int_equal(paths[2], d);
    collab_free(paths);
    assert_int_equal(collab_query_paths(&g, a, d, e, 10, &paths, &n_paths, &length, &total, &err),
                     COLLAB_OK);
    assert_int_equal(n_paths, 1);
    assert_int_equal(length, 3);
    collab_free(paths);
    uint32_t f;
    assert_int_equal(collab_query_find(&g, "F", &f, &err), COLLAB_OK);
    assert_int_equal(collab_query_paths(&g, a, f, UINT32_MAX, 10, &paths, &n_paths, &length,
                                        &total, &err),
                     COLLAB_OK);
    assert_int_equal(n_paths, 0);
    assert_null(paths);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* A square A-B-D, A-C-D: two shortest chains, smallest ids first; the cap keeps the first. */
static void test_all_chains_in_order_and_capped(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "source,target\nA,B\nA,C\nB,D\nC,D\n", COLLAB_VIEW_DEFAULT,
               COLLAB_WEIGHT_COUNT);
    collab_error err = {0};
    uint32_t *paths = NULL;
    size_t n_paths, length;
    double total;
    assert_int_equal(collab_query_paths(&g, 0, 3, UINT32_MAX, 10, &paths, &n_paths, &length,
                                        &total, &err),
                     COLLAB_OK);
    assert_int_equal(n_paths, 2);
    assert_float_equal(total, 2, 0);
    const uint32_t expected[6] = {0, 1, 3, 0, 2, 3};
    assert_memory_equal(paths, expected, sizeof expected);
    collab_free(paths);
    assert_int_equal(collab_query_paths(&g, 0, 3, UINT32_MAX, 1, &paths, &n_paths, &length,
                                        &total, &err),
                     COLLAB_OK);
    assert_int_equal(n_paths, 1);
    assert_float_equal(total, 2, 0);
    collab_free(paths);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* Shared projects: A and B share P1 (A producer, B engineer twice: counted once) and P2. */
static void test_links(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_people(&g, &list,
                 "person,project,role,year\nA,P1,producer,1990\nB,P1,engineer,1990\n"
                 "B,P1,mixer,1990\nA,P2,artist,2001\nB,P2,artist,\nC,P3,artist,2005\nA,P3,"
                 "producer,2005\n");
    collab_error err = {0};
    collab_link links[4];
    size_t n_links = 0;
    assert_int_equal(collab_query_links(&g, &list, 0, 1, links, 4, &n_links, &err), COLLAB_OK);
    assert_int_equal(n_links, 2);
    assert_string_equal(collab_names_get(&list.names_b, links[0].project), "P1");
    assert_string_equal(collab_names_get(&list.roles, links[0].role_a), "producer");
    assert_string_equal(collab_names_get(&list.roles, links[0].role_b), "engineer");
    assert_int_equal(links[0].year, 1990);
    assert_string_equal(collab_names_get(&list.names_b, links[1].project), "P2");
    assert_int_equal(links[1].year, 2001); /* B's row has none: A's year */
    assert_int_equal(collab_query_links(&g, &list, 0, 1, links, 1, &n_links, &err), COLLAB_OK);
    assert_int_equal(n_links, 2); /* found in all, one stored */
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

#define PI 3.14159265358979323846

/* Rings: the person at the centre, the first ring at radius 1 in order of group, evenly spaced
 * from the top; the second ring at radius 2, each next to the people it is reached through.
 * Star: E (ego) - A, B, C, D; A - A2, C - C2 (two steps out). Groups: A, C in 1; B, D in 0. */
static void test_ego_rings(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "source,target\nE,A\nE,B\nE,C\nE,D\nA,A2\nC,C2\n", COLLAB_VIEW_DEFAULT,
               COLLAB_WEIGHT_COUNT);
    /* vertex ids in order of first appearance: E 0, A 1, B 2, C 3, D 4, A2 5, C2 6 */
    int32_t dist[7] = {0, 1, 1, 1, 1, 2, 2};
    uint32_t group[7] = {0, 1, 0, 1, 0, 1, 1};
    double x[7];
    double y[7];
    collab_error err = {0};
    assert_int_equal(collab_query_ego_rings(&g, dist, group, x, y, &err), COLLAB_OK);
    assert_float_equal(x[0], 0, 1e-12);
    assert_float_equal(y[0], 0, 1e-12);
    for (int v = 1; v < 7; v++) {
        assert_float_equal(hypot(x[v], y[v]), dist[v], 1e-9);
    }
    /* ring 1 from the top (angle -pi/2), a quarter turn apart, group 0 first: B, D, A, C */
    const int order[4] = {2, 4, 1, 3};
    for (int i = 0; i < 4; i++) {
        double a = -PI / 2 + PI / 2 * i;
        assert_float_equal(x[order[i]], cos(a), 1e-9);
        assert_float_equal(y[order[i]], sin(a), 1e-9);
    }
    /* A is at angle pi/2 and C at pi, so A2 and C2 (in that order) go half a turn apart, turned
     * by the circular mean of their offsets (pi/2 - 0 and pi - pi): A2 at pi/4, C2 at -3pi/4 */
    assert_float_equal(atan2(y[5], x[5]), PI / 4, 1e-9);
    assert_float_equal(atan2(y[6], x[6]), -3 * PI / 4, 1e-9);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* A crowded ring becomes a band: 600 people one step out (more than 40 per unit of length,
 * 2 pi * 40 = 251), on 3 sub-rings between radius 0.55 and 1.45, taken in turn. */
static void test_ego_rings_band(void **state)
{
    (void)state;
    char *csv = collab_malloc(601 * 24);
    assert_non_null(csv);
    size_t at = (size_t)sprintf(csv, "source,target\n");
    for (int i = 0; i < 600; i++) {
        at += (size_t)sprintf(csv + at, "ego,p%d\n", i);
    }
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_free(csv);
    int32_t dist[601];
    double x[601];
    double y[601];
    dist[0] = 0;
    for (int v = 1; v <= 600; v++) {
        dist[v] = 1;
    }
    collab_error err = {0};
    assert_int_equal(collab_query_ego_rings(&g, dist, NULL, x, y, &err), COLLAB_OK);
    for (int v = 1; v <= 600; v++) {
        double r = hypot(x[v], y[v]);
        int j = (v - 1) % 3;
        assert_float_equal(r, 1 - 0.45 + 0.9 * (j + 0.5) / 3, 1e-9);
    }
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_exact_case_accent_space),
        cmocka_unit_test(test_suggestions_full_list_distinct_and_stable),
        cmocka_unit_test(test_suggestions_substring_and_none),
        cmocka_unit_test(test_suggestions_never_cut_a_name),
        cmocka_unit_test(test_distances_and_paths),
        cmocka_unit_test(test_all_chains_in_order_and_capped),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_ego_rings),
        cmocka_unit_test(test_ego_rings_band),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
