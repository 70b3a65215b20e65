/* The CSV reader: positions across read blocks, line-end styles, quoting, normalisation, and
 * errors with their exact line and column. */
#include "collab/alloc.h"
#include "collab/text.h"
#include "csvread_internal.h"
#include "test_support.h"

#include <utf8proc.h>

/* The reader reads 256 KiB blocks after a 64 KiB first block: build inputs large enough to cross
 * several block boundaries, with line ends of the given style. */
static char *big_csv(const char *eol, size_t rows, size_t *len)
{
    size_t cap = rows * 64 + 64;
    char *s = malloc(cap);
    size_t n = (size_t)snprintf(s, cap, "person,project%s", eol);
    for (size_t r = 0; r < rows; r++) {
        n += (size_t)snprintf(s + n, cap - n, "person %zu,\"project, %zu\"%s", r % 997, r / 3, eol);
    }
    *len = n;
    return s;
}

static void check_big(const char *eol)
{
    size_t len;
    char *csv = big_csv(eol, 40000, &len);
    assert_true(len > 3 * 256 * 1024);
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list, csv, NULL, &err), COLLAB_OK);
    assert_int_equal(list.n_rows, 40000);
    assert_int_equal(list.names_a.count, 997);
    assert_int_equal(list.names_b.count, 13334);
    assert_int_equal(list.line[39999], 40001); /* every line counted once, across all blocks */
    assert_string_equal(collab_names_get(&list.names_b, list.b[39999]), "project, 13333");
    collab_edgelist_destroy(&list);
    free(csv);
}

/* Rows as text: each row's line, then its fields between '[' and ']'. */
typedef struct row_log {
    char *text;
    size_t len, cap;
} row_log;

static collab_status log_row(const collab_i_csv_row *row, void *ctx, collab_error *err)
{
    (void)err;
    row_log *log = ctx;
    size_t need = 32;
    for (size_t f = 0; f < row->n_fields; f++) {
        need += row->lengths[f] + 2;
    }
    if (log->cap - log->len < need) {
        log->cap = 2 * log->cap + need;
        log->text = realloc(log->text, log->cap);
        assert_non_null(log->text);
    }
    log->len += (size_t)snprintf(log->text + log->len, 32, "%ld:", row->line);
    for (size_t f = 0; f < row->n_fields; f++) {
        assert_int_equal(strlen(row->fields[f]), row->lengths[f]);
        log->text[log->len++] = '[';
        memcpy(log->text + log->len, row->fields[f], row->lengths[f]);
        log->len += row->lengths[f];
        log->text[log->len++] = ']';
    }
    log->text[log->len++] = '\n';
    return COLLAB_OK;
}

static void read_rows(const char *csv, size_t len, char delimiter, bool libcsv_only,
                      row_log *log)
{
    collab_i_csv_source src = {.display_name = "random.csv",
                               .delimiter = delimiter,
                               .max_field_bytes = 1 << 20,
                               .max_row_bytes = 1 << 20,
                               .max_columns = 1024,
                               .on_row = log_row,
                               .ctx = log,
                               .libcsv_only = libcsv_only};
    collab_error err = {0};
    collab_i_csv_reader *r;
    assert_int_equal(collab_i_csv_reader_new(&r, &src, &err), COLLAB_OK);
    /* One block, so that every complete line can take the hand split. */
    assert_int_equal(collab_i_csv_reader_feed(r, csv, len), COLLAB_OK);
    assert_int_equal(collab_i_csv_reader_finish(r), COLLAB_OK);
    collab_i_csv_reader_free(r);
}

/* Lines without quotes are split by hand rather than by libcsv: the two must give the same rows
 * (fields, trimming, blank lines, line numbers) on random lines of delimiters, spaces, tabs,
 * line ends and letters, for every delimiter. */
static void test_plain_lines_split_like_libcsv(void **state)
{
    (void)state;
    static const char alphabet[] = {'a', 'b', ' ', ' ', '\t', ',', ';', '|', '\n', '\r', 'x'};
    static const char delimiters[] = {',', ';', '\t', '|'};
    uint64_t seed = 12345;
    size_t rows_seen = 0;
    for (int trial = 0; trial < 400; trial++) {
        size_t len = 1 + (size_t)(trial * 37 % 300);
        char *csv = malloc(len + 1);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            csv[i] = alphabet[(seed >> 33) % sizeof alphabet];
        }
        csv[len] = '\0';
        char delimiter = delimiters[trial % 4];
        row_log fast = {0};
        row_log slow = {0};
        read_rows(csv, len, delimiter, false, &fast);
        read_rows(csv, len, delimiter, true, &slow);
        assert_int_equal(fast.len, slow.len);
        if (fast.len > 0) {
            assert_memory_equal(fast.text, slow.text, fast.len);
        }
        for (size_t i = 0; i < fast.len; i++) {
            rows_seen += fast.text[i] == '\n';
        }
        free(fast.text);
        free(slow.text);
        free(csv);
    }
    assert_true(rows_seen > 2000); /* the random lines did make rows */
}

/* The line-end search, which reads eight bytes at a time, against a loop over bytes: random
 * texts of line ends, quotes and letters, from every start offset, and a block with none. */
static void test_find_line_end_like_byte_loop(void **state)
{
    (void)state;
    static const char alphabet[] = {'a', 'b', '"', '\n', '\r', 'x', 'y', 'z', ',', ' ', '\x80'};
    uint64_t seed = 777;
    char text[64];
    size_t quotes_seen = 0;
    for (int trial = 0; trial < 20000; trial++) {
        size_t len = (size_t)trial % sizeof text;
        size_t sparse = 1 + (size_t)trial % 9; /* fewer line ends and quotes in later trials */
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t pick = (seed >> 33) % sizeof alphabet;
            if ((pick == 2 || pick == 3 || pick == 4) && (seed >> 20) % sparse != 0) {
                pick = 0;
            }
            text[i] = alphabet[pick];
        }
        for (size_t from = 0; from <= len; from++) {
            size_t want = from;
            bool want_quote = false;
            while (want < len && text[want] != '\n' && text[want] != '\r') {
                want_quote = want_quote || text[want] == '"';
                want++;
            }
            bool quote = false;
            assert_int_equal(collab_i_csv_find_line_end(text, from, len, &quote), want);
            assert_int_equal(quote, want_quote);
            quotes_seen += want_quote;
        }
    }
    assert_true(quotes_seen > 1000);
    memset(text, 'a', sizeof text);
    bool quote = true; /* left alone when no quote is found */
    assert_int_equal(collab_i_csv_find_line_end(text, 0, sizeof text, &quote), sizeof text);
    assert_true(quote);
}

/* Person cells that look like lists of names: a separator with text on both sides, at any
 * occurrence; the leading separator of the votes is the one named, the first such cell kept. */
static void test_list_cells_counted(void **state)
{
    (void)state;
    collab_edgelist list;
    const char *csv = "person,project\n"
                      "Anderson,P1\n"      /* "and" inside a word: no */
                      "A;,P1\n"            /* nothing after: no */
                      ";A,P1\n"            /* nothing before: no */
                      "A,\"B,C\"\n"      /* the project's comma is not the person's */
                      "\"A,B\",P2\n"     /* a comma without a space: no */
                      "\"Tom and Jerry\",P2\n" /* " and " */
                      "\";A; B\",P3\n"   /* a later ';' with text on both sides: yes */
                      "\"A & B\",P3\n"
                      "\"C; D\",P4\n";
    assert_int_equal(load_text(&list, csv, NULL, NULL), COLLAB_OK);
    assert_int_equal(list.list_cells, 4);
    assert_string_equal(list.list_separator, ";"); /* two votes, against one each */
    assert_string_equal(list.list_example, "Tom and Jerry");
    collab_edgelist_destroy(&list);
}

/* The first invalid byte by a loop over utf8proc_iterate, for the test below. */
static size_t reference_invalid_utf8(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            return i;
        }
        i += (size_t)n;
    }
    return len;
}

/* collab_text_invalid_utf8, which reads ASCII eight bytes at a time and decodes two-byte
 * characters itself, against utf8proc on random texts of ASCII, lead bytes (overlong C0/C1,
 * two-, three- and four-byte, invalid F5-FF) and continuation bytes, of every length to 40. */
static void test_invalid_utf8_like_utf8proc(void **state)
{
    (void)state;
    static const unsigned char bytes[] = {'a', 'b', ' ', 'z', 0x80, 0xBF, 0xA9, 0xC0, 0xC1,
                                           0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5,
                                           0xFF};
    uint64_t seed = 4242;
    size_t invalid = 0;
    size_t valid_non_ascii = 0;
    for (int trial = 0; trial < 200000; trial++) {
        char text[40];
        size_t len = (size_t)trial % (sizeof text + 1);
        bool mostly_ascii = trial % 3 != 0;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t pick = (seed >> 33) % sizeof bytes;
            if (mostly_ascii && (seed >> 13) % 4 != 0) {
                pick = (seed >> 40) % 4;
            }
            text[i] = (char)bytes[pick];
            /* a valid two-byte character now and then: a lead and a continuation */
            if (pick >= 9 && pick <= 11 && i + 1 < len && (seed >> 50) % 8 != 0) {
                text[++i] = (char)0xA9;
            }
        }
        size_t want = reference_invalid_utf8(text, len);
        assert_int_equal(collab_text_invalid_utf8(text, len), want);
        invalid += want < len;
        for (size_t i = 0; i < want; i++) {
            if ((unsigned char)text[i] >= 0x80) {
                valid_non_ascii++;
                break;
            }
        }
    }
    assert_true(invalid > 10000);
    assert_true(valid_non_ascii > 10000);
}

/* collab_text_normalize("[" + text + "]") against utf8proc's own NFC of the same string. */
static void check_nfc_like_utf8proc(const char *text, size_t len)
{
    char buf[64];
    assert_true(len + 3 <= sizeof buf);
    buf[0] = '[';
    memcpy(buf + 1, text, len);
    buf[len + 1] = ']';
    buf[len + 2] = '\0';
    utf8proc_uint8_t *expected = utf8proc_NFC((const utf8proc_uint8_t *)buf);
    assert_non_null(expected);
    collab_text_scratch scratch = {0};
    const char *out;
    size_t out_len;
    assert_int_equal(collab_text_normalize(buf, len + 2, false, &scratch, &out, &out_len, NULL),
                     COLLAB_OK);
    assert_int_equal(out_len, strlen((const char *)expected));
    assert_memory_equal(out, expected, out_len);
    free(expected);
    collab_text_scratch_free(&scratch);
}

/* Strings of "NFC-inert" code points skip utf8proc: the results must still be NFC. Checked for
 * every code point on its own, and for the canonical decomposition of every code point that has
 * one (which would be recomposed wrongly if any of its later parts were taken for inert). */
static void test_nfc_fast_path_matches_utf8proc(void **state)
{
    (void)state;
    size_t decomposable = 0;
    for (utf8proc_int32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            continue;
        }
        utf8proc_uint8_t one[8];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, one);
        one[n] = '\0';
        if (cp < 0x30000) {
            check_nfc_like_utf8proc((const char *)one, (size_t)n);
        }
        utf8proc_uint8_t *nfd = utf8proc_NFD(one);
        assert_non_null(nfd);
        if (strcmp((const char *)nfd, (const char *)one) != 0) {
            check_nfc_like_utf8proc((const char *)nfd, strlen((const char *)nfd));
            decomposable++;
        }
        free(nfd);
    }
    assert_true(decomposable > 2000); /* the canonical composites were all visited */
}

/* Joining a file's parts interns one name table into another with lookups fetched ahead: the
 * same ids and the same table as interning the names one by one, whether the target table is
 * empty, small (it grows first) or large, and whatever share of names it already holds. */
static void test_names_intern_all(void **state)
{
    (void)state;
    static const size_t sizes[][2] = {{0, 0}, {0, 37}, {5, 3000}, {20000, 15}, {20000, 20000}};
    char name[32];
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        collab_names one_by_one, batched, from;
        collab_names_init(&one_by_one);
        collab_names_init(&batched);
        collab_names_init(&from);
        collab_error err = {0};
        uint32_t id;
        for (size_t i = 0; i < sizes[k][0]; i++) {
            snprintf(name, sizeof name, "n%zu", i * 3);
            assert_int_equal(collab_names_intern(&one_by_one, name, strlen(name), &id, &err),
                             COLLAB_OK);
            assert_int_equal(collab_names_intern(&batched, name, strlen(name), &id, &err),
                             COLLAB_OK);
        }
        /* every other name of `from` is already in the target (multiples of 3 below 3 x size) */
        for (size_t i = 0; i < sizes[k][1]; i++) {
            snprintf(name, sizeof name, "n%zu", (i * 7919) % (2 * sizes[k][1] + 1) * (i % 2 ? 3 : 1));
            assert_int_equal(collab_names_intern(&from, name, strlen(name), &id, &err), COLLAB_OK);
        }
        uint32_t *expected = malloc((from.count + 1) * sizeof *expected);
        uint32_t *map = malloc((from.count + 1) * sizeof *map);
        assert_non_null(expected);
        assert_non_null(map);
        for (uint32_t i = 0; i < from.count; i++) {
            assert_int_equal(collab_names_intern(&one_by_one, collab_names_get(&from, i),
                                                 collab_names_length(&from, i), &expected[i], &err),
                             COLLAB_OK);
        }
        assert_int_equal(collab_names_intern_all(&batched, &from, map, &err), COLLAB_OK);
        assert_memory_equal(map, expected, from.count * sizeof *map);
        assert_int_equal(batched.count, one_by_one.count);
        for (uint32_t i = 0; i < batched.count; i++) {
            assert_string_equal(collab_names_get(&batched, i), collab_names_get(&one_by_one, i));
            assert_int_equal(collab_names_find(&batched, collab_names_get(&one_by_one, i),
                                               collab_names_length(&one_by_one, i)), i);
        }
        free(expected);
        free(map);
        collab_names_destroy(&one_by_one);
        collab_names_destroy(&batched);
        collab_names_destroy(&from);
    }
}

/* The growth helper every reader buffer uses: room made and contents kept, or on overflow and
 * on allocation failure nothing changed. */
static void test_grow_array(void **state)
{
    (void)state;
    uint32_t *a = NULL;
    size_t cap = 0;
    assert_true(collab_grow_array((void **)&a, &cap, 100, sizeof *a));
    assert_true(cap >= 100);
    for (uint32_t i = 0; i < 100; i++) {
        a[i] = i;
    }
    size_t before = cap;
    assert_true(collab_grow_array((void **)&a, &cap, 50, sizeof *a)); /* already room */
    assert_int_equal(cap, before);
    assert_true(collab_grow_array((void **)&a, &cap, 1000, sizeof *a));
    assert_true(cap >= 1000);
    for (uint32_t i = 0; i < 100; i++) {
        assert_int_equal(a[i], i);
    }
    uint32_t *kept = a;
    before = cap;
    assert_false(collab_grow_array((void **)&a, &cap, SIZE_MAX / 2, sizeof *a)); /* overflow */
    assert_ptr_equal(a, kept);
    assert_int_equal(cap, before);
    collab_alloc_fail_after(0);
    assert_false(collab_grow_array((void **)&a, &cap, cap + 1, sizeof *a));
    collab_alloc_fail_after(-1);
    assert_ptr_equal(a, kept);
    assert_int_equal(cap, before);
    collab_free(a);
}

static void test_lf_across_blocks(void **state)
{
    (void)state;
    check_big("\n");
}

static void test_crlf_across_blocks(void **state)
{
    (void)state;
    check_big("\r\n");
}

static void test_cr_across_blocks(void **state)
{
    (void)state;
    check_big("\r");
}

static void test_error_position_far_into_file(void **state)
{
    (void)state;
    size_t len;
    char *csv = big_csv("\r\n", 30000, &len);
    /* Row 24999 (line 25001) is "person 74" on project 8333: drop its opening quote, so the
     * comma inside splits the field and the closing quote lands inside an unquoted field. */
    char *at = strstr(csv, "person 74,\"project, 8333\"");
    assert_non_null(at);
    at[strlen("person 74,")] = 'x';
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list, csv, NULL, &err), COLLAB_E_INPUT);
    assert_int_equal(err.line, 25001);
    assert_int_equal(err.column, 25); /* person 74,xproject, 8333" */
    assert_string_equal(err.message,
                        "quote inside an unquoted field (quote the whole field and double the quote)");
    free(csv);
}

static void test_quoted_newlines_and_positions(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    const char *csv = "source,target,weight\n\"a\nb\",c,1\n\n\"d\",\"e \"\"x\"\"\",2\nf,g,-1\n";
    assert_int_equal(load_text(&list, csv, NULL, &err), COLLAB_E_INPUT);
    assert_int_equal(err.line, 6);
    assert_int_equal(err.column, 5);
    assert_string_equal(err.message, "weight '-1' is not greater than 0");
    collab_load_options opt;
    collab_load_options_init(&opt);
    opt.skip_bad_rows = true;
    memset(&err, 0, sizeof err);
    assert_int_equal(load_text(&list, csv, &opt, &err), COLLAB_OK);
    assert_int_equal(list.n_rows, 2);
    assert_int_equal(list.rows_skipped, 1);
    assert_int_equal(list.line[1], 5);
    assert_string_equal(collab_names_get(&list.names_a, list.a[0]), "a\nb");
    assert_string_equal(collab_names_get(&list.names_a, list.b[1]), "e \"x\"");
    assert_int_equal(list.warnings[0].line, 6);
    collab_edgelist_destroy(&list);
}

static void test_unicode_normalisation(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    /* NFD "Jose\u0301", NFC with spaces, NBSP-padded, and a full-width space around a name */
    const char *csv = "person,project\nJose\xcc\x81,P\n  Jos\xc3\xa9 ,P\n\xc2\xa0Jos\xc3\xa9,P\n"
                      "\xe3\x80\x80\xe5\x9d\x82\xe6\x9c\xac\xe3\x80\x80,P\n";
    assert_int_equal(load_text(&list, csv, NULL, &err), COLLAB_OK);
    assert_int_equal(list.names_a.count, 2);
    assert_string_equal(collab_names_get(&list.names_a, 0), "Jos\xc3\xa9");
    assert_string_equal(collab_names_get(&list.names_a, 1), "\xe5\x9d\x82\xe6\x9c\xac");
    collab_edgelist_destroy(&list);
}

static void test_error_column_counts_characters(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    /* the bad weight starts after "Zoë,Ünal," = 9 characters (11 bytes) */
    assert_int_equal(load_text(&list, "source,target,weight\nZo\xc3\xab,\xc3\x9cnal,zero\n", NULL,
                               &err),
                     COLLAB_E_INPUT);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 10);
}

static void test_delimiter_detection(void **state)
{
    (void)state;
    const char *inputs[] = {"a;b\nx;y\n", "a\tb\nx\ty\n", "a|b\nx|y\n", "a,b\nx,y\n",
                            "\"a;b\",b\n\"x;2\",y\n"};
    const char expect[] = {';', '\t', '|', ',', ','};
    for (size_t i = 0; i < 5; i++) {
        collab_edgelist list;
        collab_error err = {0};
        collab_load_options opt;
        collab_load_options_init(&opt);
        opt.shape = COLLAB_SHAPE_EDGES;
        opt.source_col = i == 4 ? "a;b" : "a";
        opt.target_col = "b";
        if (load_text(&list, inputs[i], &opt, &err) != COLLAB_OK) {
            fail_msg("input %zu: %s", i, err.message);
        }
        assert_int_equal(list.delimiter, expect[i]);
        collab_edgelist_destroy(&list);
    }
}

static void test_display_width(void **state)
{
    (void)state;
    assert_int_equal(collab_text_display_width("abc", 3), 3);
    assert_int_equal(collab_text_display_width("\xe5\x9d\x82\xe6\x9c\xac", 6), 4); /* 坂本 */
    assert_int_equal(collab_text_display_width("e\xcc\x81", 3), 1); /* e + combining acute */
}

/* Terminal text: escape sequences and invalid bytes replaced, wide names cut with an ellipsis. */
static void test_write_terminal(void **state)
{
    (void)state;
    char buf[256];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    assert_non_null(f);
    assert_int_equal(collab_text_write_terminal(f, "a\x1b[31mb\xff", 0), 8);
    fputc('|', f);
    /* 坂本龍一 is 8 columns: cut to 5 = two wide characters and the ellipsis */
    assert_int_equal(collab_text_write_terminal(f, "\xe5\x9d\x82\xe6\x9c\xac\xe9\xbe\x8d\xe4\xb8\x80", 5),
                     5);
    fputc('|', f);
    assert_int_equal(collab_text_write_terminal(NULL, "abcdef", 4), 4);
    fclose(f);
    assert_string_equal(buf, "a\xef\xbf\xbd[31mb\xef\xbf\xbd|\xe5\x9d\x82\xe6\x9c\xac\xe2\x80\xa6|");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_lines_split_like_libcsv),
        cmocka_unit_test(test_find_line_end_like_byte_loop),
        cmocka_unit_test(test_list_cells_counted),
        cmocka_unit_test(test_invalid_utf8_like_utf8proc),
        cmocka_unit_test(test_nfc_fast_path_matches_utf8proc),
        cmocka_unit_test(test_grow_array),
        cmocka_unit_test(test_names_intern_all),
        cmocka_unit_test(test_lf_across_blocks),
        cmocka_unit_test(test_crlf_across_blocks),
        cmocka_unit_test(test_cr_across_blocks),
        cmocka_unit_test(test_error_position_far_into_file),
        cmocka_unit_test(test_quoted_newlines_and_positions),
        cmocka_unit_test(test_unicode_normalisation),
        cmocka_unit_test(test_error_column_counts_characters),
        cmocka_unit_test(test_delimiter_detection),
        cmocka_unit_test(test_display_width),
        cmocka_unit_test(test_write_terminal),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
