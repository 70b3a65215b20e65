/* The Discogs importer (discogs.c, discogs_release.c) and identity from id columns
 * (load_ids.c): the fixture's rows and counts, progress, every error with its position,
 * allocation failures at every step, and people told apart by id. */
#include "collab/alloc.h"
#include "collab/discogs.h"

#include "test_support.h"

/* Runs the importer on `xml` (in memory) and returns the CSV written (malloc'd) in *csv. */
static collab_status import_text(const char *xml, const collab_discogs_options *opt,
                                 collab_discogs_stats *stats, char **csv, collab_error *err)
{
    FILE *in = fmemopen((void *)xml, strlen(xml), "rb");
    assert_non_null(in);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    collab_discogs_options defaults;
    collab_discogs_options_init(&defaults);
    collab_status st =
        collab_discogs_import(in, "in.xml", out, opt != NULL ? opt : &defaults, stats, err);
    fclose(out);
    fclose(in);
    *csv = buf;
    return st;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

static void test_fixture_rows_and_counts(void **state)
{
    (void)state;
    size_t xml_len;
    size_t want_len;
    char *xml = read_all(COLLAB_TEST_DATA "/discogs/releases.xml", &xml_len);
    char *want = read_all(COLLAB_TEST_DATA "/discogs/expected.csv", &want_len);
    collab_discogs_stats stats;
    collab_error err = {0};
    char *csv;
    assert_int_equal(import_text(xml, NULL, &stats, &csv, &err), COLLAB_OK);
    assert_string_equal(csv, want);
    assert_int_equal(stats.releases, 3);
    assert_int_equal(stats.releases_kept, 3);
    assert_int_equal(stats.rows, 13);
    assert_int_equal(stats.skipped_various, 2);
    assert_int_equal(stats.skipped_no_id, 1);
    assert_false(stats.gzip);
    free(csv);
    free(xml);
    free(want);
}

typedef struct progress_log {
    int calls, at_100;
    double last;
} progress_log;

static void on_progress(const char *message, double percent, void *data)
{
    progress_log *log = data;
    assert_non_null(message);
    log->calls++;
    log->at_100 += percent >= 100;
    log->last = percent;
}

static void test_progress_ends_at_100_once(void **state)
{
    (void)state;
    progress_log log = {0};
    collab_discogs_options opt;
    collab_discogs_options_init(&opt);
    opt.progress = on_progress;
    opt.progress_data = &log;
    collab_error err = {0};
    char *csv;
    assert_int_equal(import_text("<releases></releases>", &opt, NULL, &csv, &err), COLLAB_OK);
    assert_string_equal(csv, COLLAB_DISCOGS_HEADER "\n");
    assert_int_equal(log.at_100, 1);
    assert_true(log.last >= 100);
    free(csv);
}

/* CDATA joins the text around it; an entity a DTD declares is not expanded (nested ones could
 * multiply a few bytes into gigabytes). */
static void test_cdata_and_entities(void **state)
{
    (void)state;
    collab_error err = {0};
    char *csv;
    assert_int_equal(
        import_text("<!DOCTYPE releases [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
                    "<releases><release id=\"5\"><artists><artist><id>9</id>"
                    "<name>X &b; Y</name></artist></artists>"
                    "<title><![CDATA[A & B]]> and C</title></release></releases>",
                    NULL, NULL, &csv, &err),
        COLLAB_OK);
    assert_string_equal(csv, COLLAB_DISCOGS_HEADER "\n"
                                                   "X  Y,9,,A & B and C,5,Main Artist,,,,,,,,\n");
    free(csv);
}

/* Imports `xml`, expecting `status` at `line`:`column` with `message`. */
static void expect_error(const char *xml, collab_status status, long line, long column,
                         const char *message)
{
    collab_error err = {0};
    char *csv;
    assert_int_equal(import_text(xml, NULL, NULL, &csv, &err), status);
    assert_int_equal(err.status, status);
    assert_string_equal(err.message, message);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    free(csv);
}

static void test_errors_with_positions(void **state)
{
    (void)state;
    expect_error("", COLLAB_E_INPUT, 1, 1, "the file is empty: expected '<releases>'");
    expect_error("<releases>\n<release id=\"7\"><title>A</titel></release>\n</releases>\n",
                 COLLAB_E_INPUT, 2, 33,
                 "expected '</title>' (opened on line 2), found '</titel>' in release '7' "
                 "(line 2)");
    expect_error("<releases>\n<release id=\"8\">\n<title>Caf\xc3(</title></release></releases>",
                 COLLAB_E_INPUT, 3, 11,
                 "invalid UTF-8 (byte 0xC3) in release '8' (line 2): expected UTF-8 text, as "
                 "the dump is written");
    expect_error("<releases>\n<release id=\"9\"><title>Ca", COLLAB_E_INPUT, 2, 26,
                 "the file ends inside '<title>' (opened on line 2) in release '9' (line 2): "
                 "expected '</title>' (is the file truncated?)");
    expect_error("<masters>\n</masters>\n", COLLAB_E_INPUT, 1, 1,
                 "expected '<releases>' as the root element, found '<masters>' (is this the "
                 "releases dump?)");
    collab_discogs_options opt;
    collab_discogs_options_init(&opt);
    opt.year_from = 2000;
    opt.year_to = 1990;
    collab_error err = {0};
    char *csv;
    assert_int_equal(import_text("<releases/>", &opt, NULL, &csv, &err), COLLAB_E_USAGE);
    free(csv);
}

/* Fails the n-th allocation for n = 0, 1, 2...: each run ends with out of memory (and nothing
 * leaked, which valgrind and ASan check) until one succeeds with the golden rows. */
static void test_allocation_failures(void **state)
{
    (void)state;
    size_t xml_len;
    size_t want_len;
    char *xml = read_all(COLLAB_TEST_DATA "/discogs/releases.xml", &xml_len);
    char *want = read_all(COLLAB_TEST_DATA "/discogs/expected.csv", &want_len);
    for (long n = 0;; n++) {
        collab_alloc_fail_after(n);
        collab_error err = {0};
        char *csv;
        collab_status st = import_text(xml, NULL, NULL, &csv, &err);
        collab_alloc_fail_after(-1);
        if (st == COLLAB_OK) {
            assert_string_equal(csv, want);
            free(csv);
            break;
        }
        assert_int_equal(st, COLLAB_E_NOMEM);
        free(csv);
        assert_true(n < 1000);
    }
    free(xml);
    free(want);
}

static void test_person_ids_tell_namesakes_apart(void **state)
{
    (void)state;
    collab_edgelist list;
    collab_error err = {0};
    assert_int_equal(load_text(&list,
                               "person,person_id,project\n"
                               "John Smith,300,P1\n"
                               "J. Smith,300,P2\n"
                               "John Smith,300,P3\n"
                               "John Smith,301,P1\n"
                               "Ann Lee,,P2\n"
                               "Ann Lee,,P3\n",
                               NULL, &err),
                     COLLAB_OK);
    assert_true(list.persons_by_id);
    assert_int_equal(list.person_id_column, 1);
    assert_false(list.projects_by_id);
    assert_int_equal(list.names_a.count, 3);
    assert_string_equal(collab_names_get(&list.names_a, 0), "John Smith");
    assert_string_equal(collab_names_get(&list.names_a, 1), "John Smith [id 301]");
    assert_string_equal(collab_names_get(&list.names_a, 2), "Ann Lee");
    uint32_t want[] = {0, 0, 0, 1, 2, 2};
    for (size_t r = 0; r < 6; r++) {
        assert_int_equal(list.a[r], want[r]);
    }
    assert_int_equal(list.ids_renamed, 1);
    collab_edgelist_destroy(&list);

    /* "" turns detection off: names are identity again. */
    collab_load_options opt;
    collab_load_options_init(&opt);
    opt.person_id_col = "";
    assert_int_equal(
        load_text(&list, "person,person_id,project\nA,1,P\nA,2,Q\nB,3,P\n", &opt, &err), COLLAB_OK);
    assert_false(list.persons_by_id);
    assert_int_equal(list.names_a.count, 2);
    collab_edgelist_destroy(&list);

    /* The most used name shows, a tie goes to the name seen first. */
    assert_int_equal(load_text(&list,
                               "who,id,project\nB. Lee,7,P\nBo Lee,7,Q\nBo Lee,7,R\nX,8,Q\n"
                               "Y,8,R\n",
                               &(collab_load_options){.person_col = "who", .person_id_col = "id"},
                               &err),
                     COLLAB_OK);
    assert_int_equal(list.names_a.count, 2);
    assert_string_equal(collab_names_get(&list.names_a, 0), "Bo Lee");
    assert_string_equal(collab_names_get(&list.names_a, 1), "X");
    collab_edgelist_destroy(&list);
}

int main(void)
{
    collab_engine_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_rows_and_counts),
        cmocka_unit_test(test_progress_ends_at_100_once),
        cmocka_unit_test(test_errors_with_positions),
        cmocka_unit_test(test_cdata_and_entities),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_person_ids_tell_namesakes_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
