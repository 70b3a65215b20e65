/* Credit facts: credit counts, role mix (order and text), main role with its tie rule, year
 * span and mean, per person, per project (projects and bipartite views), with role and year
 * filters, without role or year columns, and allocation failure. Every value below was worked out
 * by hand from the rows of `credits`. */
#include "collab/alloc.h"
#include "collab/credits.h"

#include <math.h>

#include "test_support.h"

/* Role ids come from first appearance in the file: sound 0 (row 1), arranger 1 (row 2), mixer 2
 * (row 11). Over the whole file arranger has 7 credits, sound 6, mixer 2. */
static const char *const credits = "person,project,role,year\n"
                                   "Ann,P1,sound,2001\n"     /*  1 */
                                   "Bob,P1,arranger,2003\n"  /*  2 */
                                   "Ann,P2,arranger,2005\n"  /*  3 */
                                   "Bob,P2,arranger,2005\n"  /*  4 */
                                   "Ann,P3,sound,\n"         /*  5: undated */
                                   "Ann,P3,arranger,2010\n"  /*  6 */
                                   "Cy,P3,,2010\n"           /*  7: no role */
                                   "Cy,P4,arranger,1999\n"   /*  8 */
                                   "Dee,P4,,\n"              /*  9: no role, undated */
                                   "Fay,P5,arranger,2020\n"  /* 10 */
                                   "Fay,P6,mixer,2021\n"     /* 11 */
                                   "Fay,P7,mixer,2022\n"     /* 12 */
                                   "Fay,P8,sound,2023\n"     /* 13 */
                                   "Fay,P9,sound,2024\n"     /* 14 */
                                   "Fay,P10,sound,2025\n"    /* 15 */
                                   "Eve,P11,arranger,2000\n" /* 16 */
                                   "Eve,P11,sound,2000\n";   /* 17 */

static int teardown(void **state)
{
    (void)state;
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return 0;
}

typedef struct fixture {
    collab_edgelist list;
    collab_graph g;
    collab_credit_facts f;
} fixture;

/* Loads `csv`, builds `view` with the role filter `roles` (NULL = none) and the year filter
 * from-to (from 0 = none), and computes the facts. */
static void compute(fixture *x, const char *csv, collab_view view, const char *roles, int from,
                    int to)
{
    memset(x, 0, sizeof *x);
    collab_error err = {0};
    assert_int_equal(load_text(&x->list, csv, NULL, &err), COLLAB_OK);
    collab_graph_options opt;
    collab_graph_options_init(&opt);
    opt.view = view;
    opt.roles = roles;
    opt.has_years = from != 0;
    opt.year_from = from;
    opt.year_to = to;
    assert_int_equal(collab_graph_build(&x->g, &x->list, &opt, &err), COLLAB_OK);
    collab_status st = collab_credit_facts_compute(&x->f, &x->g, &x->list, &err);
    if (st != COLLAB_OK) {
        fail_msg("credit facts failed: %s", err.message);
    }
    assert_int_equal(x->f.n, collab_graph_vertex_count(&x->g));
}

static void release(fixture *x)
{
    collab_credit_facts_destroy(&x->f);
    collab_graph_destroy(&x->g);
    collab_edgelist_destroy(&x->list);
}

/* The vertex named `name` (the first of that name: a person before a project). */
static size_t vertex(const fixture *x, const char *name)
{
    uint32_t v = collab_names_find(&x->g.names, name, strlen(name));
    if (v == COLLAB_NO_ID) {
        fail_msg("no vertex '%s'", name);
    }
    return v;
}

static uint32_t role(const fixture *x, const char *name)
{
    uint32_t r = collab_names_find(&x->list.roles, name, strlen(name));
    assert_true(r != COLLAB_NO_ID);
    return r;
}

/* What one vertex must have: credits, role text, main role (NULL = none), first and last year
 * (0 = undated) and mean year (NaN = undated). */
static void expect(const fixture *x, const char *name, uint32_t n_credits, const char *roles,
                   const char *main_role, int first, int last, double mean)
{
    size_t v = vertex(x, name);
    const collab_credit_facts *f = &x->f;
    if (f->n_credits[v] != n_credits) {
        fail_msg("%s: %u credits, expected %u", name, f->n_credits[v], n_credits);
    }
    if (strcmp(collab_credit_facts_roles(f, v), roles) != 0) {
        fail_msg("%s: roles '%s', expected '%s'", name, collab_credit_facts_roles(f, v), roles);
    }
    if (main_role == NULL) {
        assert_int_equal(f->main_role[v], COLLAB_NO_ID);
        assert_int_equal(f->first_role[v], f->first_role[v + 1]);
    } else {
        uint32_t want = role(x, main_role);
        if (f->main_role[v] != want) {
            fail_msg("%s: main role '%s', expected '%s'", name,
                     collab_names_get(&x->list.roles, f->main_role[v]), main_role);
        }
        assert_int_equal(f->role_counts[f->first_role[v]].role, want);
    }
    assert_int_equal(f->year_first[v], first);
    assert_int_equal(f->year_last[v], last);
    if (isnan(mean)) {
        assert_true(isnan(f->year_mean[v]));
    } else {
        assert_float_equal(f->year_mean[v], mean, 1e-9);
    }
}

/* People: Ann's sound and arranger tie at 2 each; sound wins as the role seen first in the file
 * (not arranger, first in the alphabet and the most credited role of the file). Eve also ties,
 * sound and arranger once each; she was credited as arranger first, but the rule is the role's
 * first appearance in the file (its id), so sound. Fay has three roles of different counts. */
static void test_people(void **state)
{
    (void)state;
    fixture x;
    compute(&x, credits, COLLAB_VIEW_PEOPLE, NULL, 0, 0);
    assert_int_equal(x.f.n, 6);
    assert_true(x.f.any_role && x.f.any_year);
    expect(&x, "Ann", 4, "sound (2); arranger (2)", "sound", 2001, 2010,
           (2001 + 2005 + 2010) / 3.0);
    expect(&x, "Bob", 2, "arranger (2)", "arranger", 2003, 2005, 2004);
    expect(&x, "Cy", 2, "arranger (1)", "arranger", 1999, 2010, 2004.5);
    expect(&x, "Dee", 1, "", NULL, 0, 0, NAN);
    expect(&x, "Fay", 6, "sound (3); mixer (2); arranger (1)", "sound", 2020, 2025, 2022.5);
    expect(&x, "Eve", 2, "sound (1); arranger (1)", "sound", 2000, 2000, 2000);
    /* Fay's counts, most credited first, as the role_counts array holds them */
    size_t fay = vertex(&x, "Fay");
    size_t a = x.f.first_role[fay];
    assert_int_equal(x.f.first_role[fay + 1] - a, 3);
    static const char *const order[] = {"sound", "mixer", "arranger"};
    static const uint32_t counts[] = {3, 2, 1};
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(x.f.role_counts[a + k].role, role(&x, order[k]));
        assert_int_equal(x.f.role_counts[a + k].count, counts[k]);
    }
    release(&x);
}

/* Projects view: a project's facts come from the rows made on it. P3: Ann sound (undated), Ann
 * arranger 2010, Cy without a role 2010. P1: Ann sound 2001, Bob arranger 2003. */
static void test_projects(void **state)
{
    (void)state;
    fixture x;
    compute(&x, credits, COLLAB_VIEW_PROJECTS, NULL, 0, 0);
    assert_int_equal(x.f.n, 11);
    expect(&x, "P3", 3, "sound (1); arranger (1)", "sound", 2010, 2010, 2010);
    expect(&x, "P1", 2, "sound (1); arranger (1)", "sound", 2001, 2003, 2002);
    expect(&x, "P4", 2, "arranger (1)", "arranger", 1999, 1999, 1999);
    expect(&x, "P11", 2, "sound (1); arranger (1)", "sound", 2000, 2000, 2000);
    release(&x);
}

/* Bipartite: people and projects side by side, each with its own rows. */
static void test_bipartite(void **state)
{
    (void)state;
    fixture x;
    compute(&x, credits, COLLAB_VIEW_BIPARTITE, NULL, 0, 0);
    assert_int_equal(x.f.n, 6 + 11);
    expect(&x, "Ann", 4, "sound (2); arranger (2)", "sound", 2001, 2010,
           (2001 + 2005 + 2010) / 3.0);
    expect(&x, "P3", 3, "sound (1); arranger (1)", "sound", 2010, 2010, 2010);
    expect(&x, "P2", 2, "arranger (2)", "arranger", 2005, 2005, 2005);
    release(&x);
}

/* Only kept rows count. --roles arranger: Ann keeps rows 3 and 6. --years 2000-2010 (undated
 * rows go): Ann keeps rows 1, 3 and 6, so arranger (2) now leads sound (1). */
static void test_filters(void **state)
{
    (void)state;
    fixture x;
    compute(&x, credits, COLLAB_VIEW_PEOPLE, "arranger", 0, 0);
    expect(&x, "Ann", 2, "arranger (2)", "arranger", 2005, 2010, 2007.5);
    expect(&x, "Cy", 1, "arranger (1)", "arranger", 1999, 1999, 1999);
    release(&x);
    compute(&x, credits, COLLAB_VIEW_PEOPLE, NULL, 2000, 2010);
    expect(&x, "Ann", 3, "arranger (2); sound (1)", "arranger", 2001, 2010,
           (2001 + 2005 + 2010) / 3.0);
    expect(&x, "Cy", 1, "", NULL, 2010, 2010, 2010); /* row 7 has no role, row 8 is 1999 */
    release(&x);
}

/* A credits file without role or year columns: credits counted, nothing else. */
static void test_no_roles_or_years(void **state)
{
    (void)state;
    fixture x;
    compute(&x, "person,project\nA,P1\nB,P1\nA,P2\n", COLLAB_VIEW_PEOPLE, NULL, 0, 0);
    assert_false(x.f.any_role);
    assert_false(x.f.any_year);
    expect(&x, "A", 2, "", NULL, 0, 0, NAN);
    expect(&x, "B", 1, "", NULL, 0, 0, NAN);
    release(&x);
}

/* Fail the n-th allocation: COLLAB_E_NOMEM, `out` untouched, no leak, until it succeeds; then
 * destroy is safe twice and on NULL. */
static void test_allocation_failure(void **state)
{
    (void)state;
    fixture x;
    compute(&x, credits, COLLAB_VIEW_BIPARTITE, NULL, 0, 0);
    collab_credit_facts_destroy(&x.f);
    bool done = false;
    long n = 0;
    for (; n < 1000 && !done; n++) {
        collab_credit_facts f;
        memset(&f, 0xab, sizeof f);
        unsigned char before[sizeof f];
        memcpy(before, &f, sizeof f);
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_credit_facts_compute(&f, &x.g, &x.list, &err);
        collab_alloc_fail_after(-1);
        if (st == COLLAB_OK) {
            assert_string_equal(collab_credit_facts_roles(&f, vertex(&x, "Ann")),
                                "sound (2); arranger (2)");
            collab_credit_facts_destroy(&f);
            collab_credit_facts_destroy(&f);
            assert_null(f.n_credits);
            done = true;
        } else {
            assert_int_equal(st, COLLAB_E_NOMEM);
            assert_string_equal(err.message, "out of memory counting credits");
            assert_memory_equal(&f, before, sizeof f);
        }
    }
    assert_true(done);
    assert_true(n > 5);
    collab_credit_facts_destroy(NULL);
    memset(&x.f, 0, sizeof x.f);
    release(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_people, teardown),
        cmocka_unit_test_teardown(test_projects, teardown),
        cmocka_unit_test_teardown(test_bipartite, teardown),
        cmocka_unit_test_teardown(test_filters, teardown),
        cmocka_unit_test_teardown(test_no_roles_or_years, teardown),
        cmocka_unit_test_teardown(test_allocation_failure, teardown),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
