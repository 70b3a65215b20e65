/* Graph building: projections and their weightings computed by hand, bipartite and projects
 * views, edge-list merging, filters, the edge budget, and allocation failure. */
#include "collab/alloc.h"
#include "collab/graph.h"

#include "graph_internal.h"
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* P1 = {A, B, C}, P2 = {A, B}, P3 = {B, D}; A has 2 projects, B 3, C 1, D 1. */
static const char *const credits = "person,project,role,year\n"
                                   "A,P1,producer,1990\nB,P1,engineer,1991\nC,P1,artist,1992\n"
                                   "A,P2,producer,2000\nB,P2,producer,2000\nB,P2,mixer,2000\n"
                                   "B,P3,engineer,2010\nD,P3,artist,2010\n";

static void check_weights(collab_weighting w, double ab, double ac, double bc, double bd)
{
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_DEFAULT, w);
    assert_int_equal(collab_graph_vertex_count(&g), 4);
    assert_int_equal(collab_graph_edge_count(&g), 4);
    assert_float_equal(edge_weight(&g, "A", "B"), ab, 1e-15);
    assert_float_equal(edge_weight(&g, "A", "C"), ac, 1e-15);
    assert_float_equal(edge_weight(&g, "B", "C"), bc, 1e-15);
    assert_float_equal(edge_weight(&g, "B", "D"), bd, 1e-15);
    assert_float_equal(edge_weight(&g, "A", "D"), -1, 0);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_weighting_count(void **state)
{
    (void)state;
    check_weights(COLLAB_WEIGHT_COUNT, 2, 1, 1, 1);
}

static void test_weighting_newman(void **state)
{
    (void)state;
    /* A-B: P1 (3 people) 1/2 + P2 (2 people) 1/1 */
    check_weights(COLLAB_WEIGHT_NEWMAN, 1.5, 0.5, 0.5, 1);
}

static void test_weighting_fractional(void **state)
{
    (void)state;
    /* 2 / (n (n - 1)): P1 gives 1/3 a pair, P2 and P3 give 1 */
    check_weights(COLLAB_WEIGHT_FRACTIONAL, 1.0 / 3 + 1, 1.0 / 3, 1.0 / 3, 1);
}

static void test_weighting_jaccard(void **state)
{
    (void)state;
    /* shared / (|A| + |B| - shared): A-B 2/3, A-C 1/2, B-C 1/3, B-D 1/3 */
    check_weights(COLLAB_WEIGHT_JACCARD, 2.0 / 3, 0.5, 1.0 / 3, 1.0 / 3);
}

/* Projects of up to 60 people (the walk finds the members above a person by binary search in
 * groups of more than 16) against weights summed pair by pair in the test, with count and
 * Newman weighting, on one thread and on two (enough work for two ranges). */
static void test_projection_matches_pair_sums(void **state)
{
    (void)state;
    enum { PEOPLE = 400, PROJECTS = 600, MAX_SIZE = 60 };
    static double count[PEOPLE][PEOPLE];
    static double newman[PEOPLE][PEOPLE];
    memset(count, 0, sizeof count);
    memset(newman, 0, sizeof newman);
    size_t cap = (size_t)PROJECTS * MAX_SIZE * 24 + 32;
    char *csv = malloc(cap);
    assert_non_null(csv);
    size_t len = (size_t)snprintf(csv, cap, "person,project\n");
    uint64_t seed = 777;
    size_t work = 0; /* sum over projects of size (size + 1) / 2: the walk's steps */
    for (int j = 0; j < PROJECTS; j++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        int size = 1 + (int)((seed >> 33) % MAX_SIZE);
        work += (size_t)size * (size_t)(size + 1) / 2;
        int members[MAX_SIZE];
        int n = 0;
        while (n < size) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            int person = (int)((seed >> 33) % PEOPLE);
            bool seen = false;
            for (int k = 0; k < n; k++) {
                seen = seen || members[k] == person;
            }
            if (!seen) {
                members[n++] = person;
                len += (size_t)snprintf(csv + len, cap - len, "p%d,j%d\n", person, j);
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    count[members[a]][members[b]] += 1;
                    newman[members[a]][members[b]] += 1.0 / (n - 1);
                }
            }
        }
    }
    assert_true(work > ((size_t)1 << 18)); /* enough work to be split over threads */
    collab_edgelist list = {0};
    collab_error err = {0};
    assert_int_equal(load_text(&list, csv, NULL, &err), COLLAB_OK);
    for (int k = 0; k < 4; k++) {
        collab_graph_options opt;
        collab_graph_options_init(&opt);
        opt.weighting = k % 2 == 0 ? COLLAB_WEIGHT_COUNT : COLLAB_WEIGHT_NEWMAN;
        opt.threads = 1 + k / 2;
        collab_graph g = {0};
        assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
        size_t edges = 0;
        char a[16];
        char b[16];
        for (int x = 0; x < PEOPLE; x++) {
            for (int y = x + 1; y < PEOPLE; y++) {
                double want = k % 2 == 0 ? count[x][y] : newman[x][y];
                snprintf(a, sizeof a, "p%d", x);
                snprintf(b, sizeof b, "p%d", y);
                assert_float_equal(edge_weight(&g, a, b), want > 0 ? want : -1, 1e-12);
                edges += want > 0;
            }
        }
        assert_int_equal(collab_graph_edge_count(&g), edges);
        collab_graph_destroy(&g);
    }
    collab_edgelist_destroy(&list);
    free(csv);
}

static void test_vertices_in_order_of_first_appearance(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    assert_string_equal(collab_graph_name(&g, 0), "A");
    assert_string_equal(collab_graph_name(&g, 3), "D");
    assert_int_equal(g.stats.memberships, 7);
    assert_int_equal(g.stats.projection_bound, 3 + 1 + 1);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_bipartite_view(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_BIPARTITE, COLLAB_WEIGHT_COUNT);
    assert_int_equal(collab_graph_vertex_count(&g), 7);
    assert_int_equal(collab_graph_edge_count(&g), 7);
    /* B is credited twice on P2 (producer, mixer): weight = rows behind the membership */
    assert_float_equal(edge_weight(&g, "B", "P2"), 2, 0);
    assert_int_equal(g.is_project[0], 0);
    assert_int_equal(g.is_project[4], 1);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_projects_view(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_PROJECTS, COLLAB_WEIGHT_COUNT);
    assert_int_equal(collab_graph_vertex_count(&g), 3);
    assert_float_equal(edge_weight(&g, "P1", "P2"), 2, 0); /* A and B */
    assert_float_equal(edge_weight(&g, "P1", "P3"), 1, 0); /* B */
    assert_float_equal(edge_weight(&g, "P2", "P3"), 1, 0);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_person_and_project_with_one_name(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "person,project\nAudioslave,Audioslave\nRick,Audioslave\n",
               COLLAB_VIEW_BIPARTITE, COLLAB_WEIGHT_COUNT);
    assert_int_equal(collab_graph_vertex_count(&g), 3);
    assert_string_equal(collab_graph_name(&g, 0), "Audioslave");
    assert_string_equal(collab_graph_name(&g, 2), "Audioslave [project]");
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_edges_merged_self_loops_dropped(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "source,target,weight\nA,B,2\nB,A,3\nA,A,1\nC,B,\nX,X,4\n",
               COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    assert_int_equal(collab_graph_vertex_count(&g), 3); /* X appears only in a self-loop */
    assert_int_equal(collab_graph_edge_count(&g), 2);
    assert_float_equal(edge_weight(&g, "A", "B"), 5, 0);
    assert_float_equal(edge_weight(&g, "B", "C"), 1, 0);
    assert_int_equal(g.stats.self_loops, 2);
    assert_int_equal(g.stats.merged_rows, 1);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_filters_and_guards(void **state)
{
    (void)state;
    collab_edgelist list = {0};
    collab_error err = {0};
    assert_int_equal(load_text(&list, credits, NULL, &err), COLLAB_OK);
    collab_graph_options opt;
    collab_graph_options_init(&opt);
    opt.roles = "Producer, engineer";
    opt.has_years = true;
    opt.year_from = 1990;
    opt.year_to = 2000;
    collab_graph g = {0};
    assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
    assert_int_equal(g.stats.rows_filtered_role, 3); /* C artist, B mixer, D artist */
    assert_int_equal(g.stats.rows_filtered_year, 1); /* B engineer on P3 in 2010 */
    assert_int_equal(g.stats.rows_used, 4);
    assert_float_equal(edge_weight(&g, "A", "B"), 2, 0);
    collab_graph_destroy(&g);

    collab_graph_options_init(&opt);
    opt.max_participants = 2;
    opt.min_shared = 1;
    assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_OK);
    assert_int_equal(g.stats.projects_skipped, 1);
    assert_int_equal(collab_graph_edge_count(&g), 2); /* A-B via P2, B-D via P3 */
    collab_graph_destroy(&g);

    collab_graph_options_init(&opt);
    opt.max_edges = 3;
    assert_int_equal(collab_graph_build(&g, &list, &opt, &err), COLLAB_E_LIMIT);
    assert_non_null(strstr(err.message, "--max-edges"));
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    collab_edgelist_destroy(&list);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    /* Fail the n-th allocation for n = 0, 1, 2, ... until the whole load and build succeed:
     * each failure must be a clean COLLAB_E_NOMEM (leaks show up under ASan and valgrind). */
    char path[64];
    write_temp(path, credits, strlen(credits));
    collab_load_options lopt;
    collab_load_options_init(&lopt);
    collab_graph_options gopt;
    collab_graph_options_init(&gopt);
    bool done = false;
    long n;
    for (n = 0; !done && n < 10000; n++) {
        collab_edgelist list = {0};
        collab_graph g = {0};
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_load_file(&list, path, &lopt, &err);
        if (st == COLLAB_OK) {
            st = collab_graph_build(&g, &list, &gopt, &err);
            collab_edgelist_destroy(&list);
        }
        collab_alloc_fail_after(-1);
        if (st == COLLAB_OK) {
            done = true;
            collab_graph_destroy(&g);
        } else {
            assert_int_equal(st, COLLAB_E_NOMEM);
            assert_true(strstr(err.message, "out of memory") != NULL);
        }
    }
    unlink(path);
    assert_true(done);
    assert_true(n > 20); /* the loop really exercised many allocation sites */
}

static void assert_same_vector(const igraph_vector_int_t *a, const igraph_vector_int_t *b)
{
    assert_int_equal(igraph_vector_int_size(a), igraph_vector_int_size(b));
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(a); i++) {
        assert_int_equal(VECTOR(*a)[i], VECTOR(*b)[i]);
    }
}

/* The sorted-edge constructor must build exactly what igraph_create builds: same from, to, oi,
 * ii, os, is, on random simple graphs with isolated vertices (the last with about 140k edges),
 * and igraph's own checks agree. */
static void test_graph_from_sorted_equals_igraph_create(void **state)
{
    (void)state;
    uint64_t seed = 12345;
    for (int round = 0; round < 21; round++) {
        bool large = round == 20;
        size_t n = large ? 3000 : 1 + (size_t)(round * 7 % 50);
        size_t cap = n * (n - 1) / 2;
        uint32_t *lo = malloc((cap + 1) * sizeof *lo);
        uint32_t *hi = malloc((cap + 1) * sizeof *hi);
        size_t m = 0;
        for (uint32_t u = 0; u < n; u++) {
            for (uint32_t v = u + 1; v < n; v++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                if ((seed >> 33) % (large ? 32 : 4) == 0) {
                    lo[m] = u;
                    hi[m++] = v;
                }
            }
        }
        igraph_vector_int_t edges;
        igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m));
        for (size_t e = 0; e < m; e++) {
            VECTOR(edges)[2 * e] = lo[e];
            VECTOR(edges)[2 * e + 1] = hi[e];
        }
        igraph_t expected;
        igraph_t got;
        collab_error err = {0};
        assert_int_equal(igraph_create(&expected, &edges, (igraph_integer_t)n, false), 0);
        assert_int_equal(collab_i_graph_from_sorted(&got, n, lo, hi, m, &err), COLLAB_OK);
        assert_int_equal(igraph_vcount(&got), igraph_vcount(&expected));
        assert_same_vector(&got.from, &expected.from);
        assert_same_vector(&got.to, &expected.to);
        assert_same_vector(&got.oi, &expected.oi);
        assert_same_vector(&got.ii, &expected.ii);
        assert_same_vector(&got.os, &expected.os);
        assert_same_vector(&got.is, &expected.is);
        igraph_bool_t simple = false;
        igraph_is_simple(&got, &simple);
        assert_true(simple);
        igraph_destroy(&expected);
        igraph_destroy(&got);
        igraph_vector_int_destroy(&edges);
        free(lo);
        free(hi);
    }
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

/* The projection is walked by up to four threads over vertex ranges of equal work: for every
 * weighting, with and without min_shared, and under the edge budget, the graph must be the same
 * whatever the thread count. */
static void test_projection_same_for_all_threads(void **state)
{
    (void)state;
    size_t cap = (size_t)8 << 20;
    char *csv = malloc(cap);
    size_t len = (size_t)snprintf(csv, cap, "person,project\n");
    uint64_t seed = 4242;
    size_t work = 0; /* sum over projects of size (size + 1) / 2: the walk's steps */
    for (size_t project = 0; project < 6000; project++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t size = 2 + (seed >> 33) % 20;
        work += size * (size + 1) / 2;
        for (size_t k = 0; k < size; k++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t x = seed >> 33;
            size_t person = x % 5 == 0 ? x % 40 : x % 20000; /* a few on many projects */
            len += (size_t)snprintf(csv + len, cap - len, "p%zu,j%zu\n", person, project);
        }
    }
    assert_true(work > ((size_t)1 << 18)); /* enough work to be split over threads */
    collab_edgelist list = {0};
    collab_error err = {0};
    assert_int_equal(load_text(&list, csv, NULL, &err), COLLAB_OK);
    static const collab_weighting weightings[] = {COLLAB_WEIGHT_COUNT, COLLAB_WEIGHT_NEWMAN,
                                                  COLLAB_WEIGHT_JACCARD, COLLAB_WEIGHT_FRACTIONAL};
    for (size_t w = 0; w < 5; w++) {
        collab_graph_options opt;
        collab_graph_options_init(&opt);
        opt.weighting = weightings[w % 4];
        opt.min_shared = w == 4 ? 2 : 0;
        opt.threads = 1;
        collab_graph one = {0};
        assert_int_equal(collab_graph_build(&one, &list, &opt, &err), COLLAB_OK);
        assert_true(collab_graph_edge_count(&one) > 10000);
        for (int threads = 2; threads <= 4; threads++) {
            opt.threads = threads;
            collab_graph many = {0};
            assert_int_equal(collab_graph_build(&many, &list, &opt, &err), COLLAB_OK);
            assert_same_vector(&many.graph.from, &one.graph.from);
            assert_same_vector(&many.graph.to, &one.graph.to);
            assert_int_equal(igraph_vector_size(&many.weights), igraph_vector_size(&one.weights));
            assert_memory_equal(VECTOR(many.weights), VECTOR(one.weights),
                                (size_t)igraph_vector_size(&one.weights) * sizeof(double));
            assert_int_equal(many.stats.ties_below_min_shared, one.stats.ties_below_min_shared);
            collab_graph_destroy(&many);
        }
        /* Refused under a budget below the edge count, at any thread count. */
        opt.max_edges = (size_t)collab_graph_edge_count(&one) - 1;
        for (int threads = 1; threads <= 4; threads++) {
            opt.threads = threads;
            collab_graph refused = {0};
            assert_int_equal(collab_graph_build(&refused, &list, &opt, &err), COLLAB_E_LIMIT);
            err = (collab_error){0};
        }
        collab_graph_destroy(&one);
    }
    collab_edgelist_destroy(&list);
    free(csv);
}

/* The induced subgraph of {B, D, A} (in that order) keeps their names, the weights between
 * them and their origins; edges to C are gone. */
static void test_induced_subgraph(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, credits, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    uint32_t keep[3] = {1, 3, 0}; /* B, D, A */
    collab_graph sub = {0};
    collab_error err = {0};
    assert_int_equal(collab_graph_induced(&sub, &g, keep, 3, list.n_rows, &err), COLLAB_OK);
    assert_int_equal(collab_graph_vertex_count(&sub), 3);
    assert_string_equal(collab_graph_name(&sub, 0), "B");
    assert_string_equal(collab_graph_name(&sub, 2), "A");
    assert_int_equal(collab_graph_edge_count(&sub), 2); /* A-B (2 shared) and B-D (1) */
    assert_float_equal(edge_weight(&sub, "A", "B"), 2, 0);
    assert_float_equal(edge_weight(&sub, "B", "D"), 1, 0);
    assert_int_equal(sub.origin[1], g.origin[3]);
    assert_memory_equal(sub.row_kept, g.row_kept, list.n_rows);
    uint32_t twice[2] = {1, 1};
    collab_graph bad = {0};
    assert_int_equal(collab_graph_induced(&bad, &g, twice, 2, list.n_rows, &err), COLLAB_E_USAGE);
    collab_graph_destroy(&sub);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_graph_from_edges(void **state)
{
    (void)state;
    const char *names[3] = {"Ann", "Song (1999)", "Bo"};
    uint8_t project[3] = {0, 1, 0};
    uint32_t from[2] = {0, 1};
    uint32_t to[2] = {1, 2};
    collab_graph g = {0};
    collab_error err = {0};
    assert_int_equal(collab_graph_from_edges(&g, names, project, 3, from, to, NULL, 2, &err),
                     COLLAB_OK);
    assert_int_equal(collab_graph_edge_count(&g), 2);
    assert_float_equal(edge_weight(&g, "Song (1999)", "Bo"), 1, 0);
    assert_int_equal(g.is_project[1], 1);
    collab_graph_destroy(&g);
    const char *same[2] = {"Ann", "Ann"};
    collab_error err2 = {0};
    assert_int_equal(collab_graph_from_edges(&g, same, NULL, 2, from, to, NULL, 0, &err2),
                     COLLAB_E_USAGE);
    uint32_t far[1] = {7};
    collab_error err3 = {0};
    assert_int_equal(collab_graph_from_edges(&g, names, NULL, 3, from, far, NULL, 1, &err3),
                     COLLAB_E_USAGE);
}

/* Placeholder names through each way of folding: ASCII by hand, other scripts settled without
 * utf8proc, and everything that can fold to ASCII (accents precomposed or combining, the Kelvin
 * sign, a ligature) through utf8proc. */
static void test_placeholder_names(void **state)
{
    (void)state;
    const char *yes[] = {
        "Various Artists",        "VARIOUS  ARTISTS ", "[Unknown]", "N/A", "Anonymous",
        "An\xc3\xb3nimo",         /* Anónimo, precomposed */
        "Ano\xcc\x81nimo",        /* the same with a combining acute */
        "Un\xe2\x84\xaanown",     /* the K is the Kelvin sign, which case-folds to k */
        "Tra\xe1\xb8\x8ditional", /* ḍ (Latin Extended Additional) */
        "Uncredited\xef\xbc\x8e", /* a fullwidth full stop, which folding keeps: no */
    };
    bool expected[] = {true, true, true, true, true, true, true, true, true, false};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (collab_graph_is_placeholder_name(yes[i]) != expected[i]) {
            fail_msg("'%s' should %sbe a placeholder", yes[i], expected[i] ? "" : "not ");
        }
    }
    const char *no[] = {"Unknown Pleasures",
                        "\xe5\xad\x99\xe5\xae\x87",         /* 孙宇 */
                        "\xd0\x9e\xd0\xbb\xd0\xb5\xd0\xb3", /* Олег */
                        "Vari\xce\xbfus",                   /* a Greek omicron in place of the o */
                        "Tom Waits",
                        ""};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        assert_false(collab_graph_is_placeholder_name(no[i]));
    }
    /* The list is searched by halves: it must be in order, and each entry is its own folding. */
    size_t n_known;
    const char *const *known = collab_i_placeholder_names(&n_known);
    assert_true(n_known > 50);
    for (size_t i = 0; i < n_known; i++) {
        if (i > 0 && strcmp(known[i - 1], known[i]) >= 0) {
            fail_msg("placeholder '%s' is out of order after '%s'", known[i], known[i - 1]);
        }
        assert_true(collab_graph_is_placeholder_name(known[i]));
    }
}

/* The placeholder check against utf8proc_map's folding, written here again: the names of the
 * tango and Thom Russo files, and every Latin, Greek and Cyrillic letter, the combining marks
 * and the letterlike symbols after "Unkn" and inside "Tr_ditional". */
static bool reference_placeholder(const char *name, size_t n_known, const char *const *known)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)name, (utf8proc_ssize_t)strlen(name), &mapped,
                     UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (n < 0) {
        return false;
    }
    char folded[512];
    size_t k = 0;
    for (utf8proc_ssize_t i = 0; i < n && k + 1 < sizeof folded; i++) {
        unsigned char ch = mapped[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80) {
            folded[k++] = (char)ch;
        } else if (k > 0 && folded[k - 1] != ' ') {
            folded[k++] = ' ';
        }
    }
    free(mapped);
    while (k > 0 && folded[k - 1] == ' ') {
        k--;
    }
    folded[k] = '\0';
    for (size_t i = 0; i < n_known; i++) {
        if (strcmp(folded, known[i]) == 0) {
            return strlen(name) <= 40; /* longer names are never looked at */
        }
    }
    return false;
}

static void check_against_reference(const char *name, size_t n_known, const char *const *known,
                                    size_t *n_yes)
{
    bool want = reference_placeholder(name, n_known, known);
    if (collab_graph_is_placeholder_name(name) != want) {
        fail_msg("'%s': the check says %d, utf8proc_map's folding %d", name, !want, want);
    }
    *n_yes += want;
}

static void test_placeholder_names_match_reference(void **state)
{
    (void)state;
    size_t n_known;
    const char *const *known = collab_i_placeholder_names(&n_known);
    size_t n_yes = 0;
    size_t n_checked = 0;
    const char *files[] = {COLLAB_DATASETS "/thom_russo.csv",
                           COLLAB_DATASETS "/tango/tango_credits.csv",
                           COLLAB_TEST_DATA "/hub_compilation.csv"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        FILE *in = fopen(files[f], "r");
        assert_non_null(in);
        char line[1024];
        while (fgets(line, sizeof line, in) != NULL) {
            char *comma = strchr(line, ',');
            if (comma != NULL) {
                *comma = '\0';
                check_against_reference(line, n_known, known, &n_yes);
                n_checked++;
            }
        }
        fclose(in);
    }
    /* One code point in three places: alone, in "Unkn?wn" and in "Tr?ditional". */
    for (utf8proc_int32_t cp = 0x80; cp < 0x2200; cp++) {
        utf8proc_uint8_t c[8] = {0};
        if (!utf8proc_codepoint_valid(cp) || utf8proc_encode_char(cp, c) <= 0) {
            continue;
        }
        char name[64];
        snprintf(name, sizeof name, "%s", (const char *)c);
        check_against_reference(name, n_known, known, &n_yes);
        snprintf(name, sizeof name, "Unkn%sown", (const char *)c);
        check_against_reference(name, n_known, known, &n_yes);
        snprintf(name, sizeof name, "Tr%sditional", (const char *)c);
        check_against_reference(name, n_known, known, &n_yes);
        snprintf(name, sizeof name, "Tra%sditional", (const char *)c);
        check_against_reference(name, n_known, known, &n_yes);
        n_checked += 4;
    }
    /* the names that fold to a placeholder through a non-ASCII character: ò, ó, ... in Unkn?wn,
     * the combining marks in Tra?ditional, á, à, ... in Tr?ditional */
    assert_true(n_yes > 100);
    assert_true(n_checked > 30000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholder_names),
        cmocka_unit_test(test_placeholder_names_match_reference),
        cmocka_unit_test(test_weighting_count),
        cmocka_unit_test(test_weighting_newman),
        cmocka_unit_test(test_weighting_fractional),
        cmocka_unit_test(test_weighting_jaccard),
        cmocka_unit_test(test_vertices_in_order_of_first_appearance),
        cmocka_unit_test(test_bipartite_view),
        cmocka_unit_test(test_projects_view),
        cmocka_unit_test(test_person_and_project_with_one_name),
        cmocka_unit_test(test_edges_merged_self_loops_dropped),
        cmocka_unit_test(test_filters_and_guards),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_graph_from_sorted_equals_igraph_create),
        cmocka_unit_test(test_projection_same_for_all_threads),
        cmocka_unit_test(test_projection_matches_pair_sums),
        cmocka_unit_test(test_induced_subgraph),
        cmocka_unit_test(test_graph_from_edges),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
