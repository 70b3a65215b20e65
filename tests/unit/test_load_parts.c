/* Reading a large file in parts on several threads gives exactly what one reader gives: the same
 * names in the same id order, rows, lines, warnings and first error, including when a cut point
 * falls inside a quoted field that spans lines. */
#include "test_support.h"

/* Files this big are read in parts (the engine's threshold is 8 MiB). */
#define PARTS_BYTES (((size_t)8 << 20) + ((size_t)1 << 20))

/* A growing text buffer. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void add(text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        assert_true(n >= 0);
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = 2 * t->cap + (size_t)n + 1;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
}

static uint64_t next_random(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return *seed >> 33;
}

/* Credit rows past the 8 MiB below which one reader is used: heavy-tailed people (some
 * accented, some decomposed, some padded), projects listed together, roles in mixed case, years,
 * quoted commas, an extra column, and the given line end. */
static void credit_rows(text *t, size_t rows, const char *eol, uint64_t seed)
{
    static const char *const first[] = {"Ana", "Björn", "Zoë", "Jürgen", "Lena", "Marco",
                                         "Sofía", "Yuki", "Chen", "Ines", "Omar", "Pál"};
    static const char *const roles[] = {"producer", "Mixing Engineer", "drums", "vocals",
                                        "ARTIST", "bass", ""};
    for (size_t r = 0; r < rows; r++) {
        uint64_t x = next_random(&seed);
        size_t person = (x % 7 == 0) ? x % 13 : x % 40000; /* a few on many projects */
        const char *pad = (x >> 8) % 17 == 0 ? "  " : "";
        const char *name = first[person % 12];
        if ((x >> 12) % 23 == 0 && person % 12 == 2) {
            name = "Zoe\xCC\x88"; /* Zoë decomposed: one person with the composed spelling */
        }
        add(t, "%s%s %zu%s,\"Album %zu, vol. %zu\",%s,%zu,%s%s", pad, name, person, pad, r / 7,
            r % 3, roles[(x >> 20) % 7], 1950 + (x >> 24) % 70, (x >> 30) % 2 ? "LP" : "CD", eol);
    }
}

static char *write_file(const text *t)
{
    char *path = malloc(64);
    write_temp(path, t->s, t->len);
    return path;
}

static collab_status load_with(collab_edgelist *list, const char *path, int threads,
                               bool skip_bad_rows, collab_error *err)
{
    collab_load_options opt;
    collab_load_options_init(&opt);
    opt.threads = threads;
    opt.skip_bad_rows = skip_bad_rows;
    return collab_load_file(list, path, &opt, err);
}

static void assert_same_names(const collab_names *a, const collab_names *b)
{
    assert_int_equal(a->count, b->count);
    for (uint32_t id = 0; id < a->count; id++) {
        assert_string_equal(collab_names_get(a, id), collab_names_get(b, id));
    }
}

#define assert_same_array(x, y, n)                                                                \
    do {                                                                                           \
        assert_true(((x) == NULL) == ((y) == NULL));                                               \
        if ((x) != NULL && (n) > 0) {                                                              \
            assert_memory_equal((x), (y), (n) * sizeof *(x));                                      \
        }                                                                                          \
    } while (0)

static void assert_same_list(const collab_edgelist *a, const collab_edgelist *b)
{
    assert_int_equal(a->shape, b->shape);
    assert_int_equal(a->n_rows, b->n_rows);
    assert_int_equal(a->rows_read, b->rows_read);
    assert_int_equal(a->rows_skipped, b->rows_skipped);
    assert_int_equal(a->aliases_applied, b->aliases_applied);
    assert_same_names(&a->names_a, &b->names_a);
    assert_same_names(&a->names_b, &b->names_b);
    assert_same_names(&a->roles, &b->roles);
    assert_same_names(&a->attr_values, &b->attr_values);
    assert_same_array(a->a, b->a, a->n_rows);
    assert_same_array(a->b, b->b, a->n_rows);
    assert_same_array(a->role, b->role, a->n_rows);
    assert_same_array(a->year, b->year, a->n_rows);
    assert_same_array(a->weight, b->weight, a->n_rows);
    assert_same_array(a->line, b->line, a->n_rows);
    assert_same_array(a->attrs, b->attrs, a->n_rows * a->n_extra);
    assert_int_equal(a->n_warnings, b->n_warnings);
    for (size_t w = 0; w < a->n_warnings; w++) {
        assert_int_equal(a->warnings[w].line, b->warnings[w].line);
        assert_int_equal(a->warnings[w].column, b->warnings[w].column);
        assert_string_equal(a->warnings[w].message, b->warnings[w].message);
    }
}

/* Loads `t` with one reader and with 2, 3 and 4, and checks every result is the same. Returns
 * the one reader's row count. */
static size_t check_same_for_all_threads(const text *t)
{
    char *path = write_file(t);
    collab_edgelist one;
    collab_error err = {0};
    assert_int_equal(load_with(&one, path, 1, false, &err), COLLAB_OK);
    for (int threads = 2; threads <= 4; threads++) {
        collab_edgelist many;
        assert_int_equal(load_with(&many, path, threads, false, &err), COLLAB_OK);
        assert_same_list(&one, &many);
        collab_edgelist_destroy(&many);
    }
    size_t rows = one.n_rows;
    collab_edgelist_destroy(&one);
    unlink(path);
    free(path);
    return rows;
}

static void test_credit_parts_match_one_reader(void **state)
{
    (void)state;
    static const char *const eols[] = {"\n", "\r\n", "\r"};
    for (size_t e = 0; e < 3; e++) {
        text t = {0};
        add(&t, "person,project,role,year,format%s", eols[e]);
        credit_rows(&t, 200000, eols[e], 7 + e);
        assert_true(t.len > PARTS_BYTES);
        assert_int_equal(check_same_for_all_threads(&t), 200000);
        free(t.s);
    }
}

static void test_edge_list_parts_match_one_reader(void **state)
{
    (void)state;
    text t = {0};
    add(&t, "source;target;weight\n");
    uint64_t seed = 99;
    for (size_t r = 0; r < 500000; r++) {
        uint64_t x = next_random(&seed);
        add(&t, "node %zu;node %zu;%zu.%zu\n", x % 50000, (x >> 16) % 50000, 1 + x % 9,
            (x >> 5) % 10);
    }
    assert_true(t.len > PARTS_BYTES);
    assert_int_equal(check_same_for_all_threads(&t), 500000);
    free(t.s);
}

/* The middle of the file lies inside a quoted field of many lines: the line end found there
 * is not a row boundary, so the parts must be dropped and one reader go on. */
static void test_cut_inside_quoted_field(void **state)
{
    (void)state;
    text t = {0};
    add(&t, "person,project,role,year,format\n");
    credit_rows(&t, 100000, "\n", 3);
    size_t half = t.len;
    add(&t, "Long Note,\"Liner notes");
    for (size_t i = 0; i < 30000; i++) {
        add(&t, "\nline %zu", i); /* ~330 KB of quoted lines */
    }
    add(&t, "\",notes,1999,LP\n");
    credit_rows(&t, 100000 - 1, "\n", 4);
    /* The cut for two threads is near the middle: make sure it falls in the quoted field. */
    size_t middle = t.len / 2;
    assert_true(t.len > PARTS_BYTES);
    assert_true(middle > half && middle < half + 300000);
    assert_int_equal(check_same_for_all_threads(&t), 200000);
    free(t.s);
}

/* Strict mode: the first bad row of the file is reported, at its absolute line and column, even
 * when a later part also has one. */
static void test_first_error_in_a_later_part(void **state)
{
    (void)state;
    text t = {0};
    add(&t, "person,project,role,year,format\n");
    credit_rows(&t, 140000, "\n", 5);
    size_t bad_at = t.len;
    add(&t, "Bad Year,Album X,producer,19x9,LP\n"); /* line 140002, in the second half */
    credit_rows(&t, 60000, "\n", 6);
    add(&t, "Also Bad,,producer,1999,LP\n");
    assert_true(t.len > PARTS_BYTES);
    assert_true(bad_at > t.len / 2); /* the bad row is in the second part */
    char *path = write_file(&t);
    for (int threads = 1; threads <= 4; threads++) {
        collab_edgelist list;
        collab_error err = {0};
        assert_int_equal(load_with(&list, path, threads, false, &err), COLLAB_E_INPUT);
        assert_int_equal(err.line, 140002);
        assert_int_equal(err.column, 27);
        assert_string_equal(err.message,
                            "year '19x9' is not a year (expected YYYY or an ISO date YYYY-MM-DD)");
    }
    /* Skipping bad rows: the same warnings, in file order, and the same rows. */
    collab_edgelist one;
    collab_edgelist many;
    collab_error err = {0};
    assert_int_equal(load_with(&one, path, 1, true, &err), COLLAB_OK);
    assert_int_equal(load_with(&many, path, 3, true, &err), COLLAB_OK);
    assert_int_equal(one.rows_skipped, 2);
    assert_int_equal(one.warnings[1].line, 200003);
    assert_same_list(&one, &many);
    collab_edgelist_destroy(&one);
    collab_edgelist_destroy(&many);
    unlink(path);
    free(path);
    free(t.s);
}

int main(void)
{
    collab_engine_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_credit_parts_match_one_reader),
        cmocka_unit_test(test_edge_list_parts_match_one_reader),
        cmocka_unit_test(test_cut_inside_quoted_field),
        cmocka_unit_test(test_first_error_in_a_later_part),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
