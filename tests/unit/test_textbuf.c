/* The writers' text buffer (textbuf.c): numbers as collab_numtext writes them, whole numbers by
 * the integer path exactly as printf's "%.0f" writes them, the CSV and JSON escapers byte for
 * byte, XML's and GML's too, and a buffer with a stream writing in chunks the
 * same bytes as one kept in memory, pieces longer than a chunk included; blocks formatted on
 * several threads (collab_i_textbuf_blocks) give the bytes of one thread, and a failed block
 * stops them all. */
#include "collab/alloc.h"
#include "collab/numtext.h"

#include <float.h>
#include <math.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

#include "jsonline_internal.h"
#include "test_support.h"
#include "textbuf_internal.h"

/* What `append` writes for `x` after a byte already in the buffer. */
static void expect_number(void (*append)(collab_i_textbuf *, double), double x, const char *want)
{
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, NULL);
    collab_i_textbuf_putc(&b, '[');
    append(&b, x);
    assert_string_equal(collab_i_textbuf_cstr(&b) + 1, want);
    assert_int_equal(b.len, 1 + strlen(want));
    assert_true(collab_i_textbuf_finish(&b));
}

static void test_number_edges(void **state)
{
    (void)state;
    expect_number(collab_i_textbuf_double, -0.0, "-0");
    expect_number(collab_i_textbuf_real, -0.0, "-0.0");
    expect_number(collab_i_textbuf_double, 0.0, "0");
    expect_number(collab_i_textbuf_real, 0.0, "0.0");
    expect_number(collab_i_textbuf_double, 1e21, "1e+21");
    expect_number(collab_i_textbuf_real, 1e21, "1.0e+21");
    expect_number(collab_i_textbuf_double, 5e-324, "5e-324");
    expect_number(collab_i_textbuf_real, 5e-324, "5.0e-324");
    expect_number(collab_i_textbuf_double, -DBL_MAX, "-1.7976931348623157e+308");
    expect_number(collab_i_textbuf_real, 9007199254740992.0, "9007199254740992.0"); /* 2^53 */
    expect_number(collab_i_textbuf_double, -9007199254740991.0, "-9007199254740991");
    expect_number(collab_i_textbuf_real, -2.5, "-2.5");
    expect_number(collab_i_textbuf_real, 1e-5, "1.0e-05");
}

/* Integer-valued doubles up to 2^53 in magnitude (above, the shortest text that reads back may
 * end in other digits), whichever path writes them (the integer one below 1e15, double-conversion
 * above), give printf's "%.0f"; reals add ".0". */
static void expect_whole(double x)
{
    char want[64];
    char got[COLLAB_NUMTEXT_MAX];
    snprintf(want, sizeof want, "%.0f", x);
    assert_int_equal(collab_numtext_double(x, got), strlen(want));
    assert_string_equal(got, want);
    strcat(want, ".0");
    assert_int_equal(collab_numtext_real(x, got), strlen(want));
    assert_string_equal(got, want);
}

static void test_whole_numbers(void **state)
{
    (void)state;
    const double edges[] = {1,
                            9,
                            10,
                            99,
                            100,
                            12345,
                            4294967296.0,
                            999999999999999.0,
                            1e15,
                            1e15 + 1,
                            9007199254740991.0,
                            9007199254740992.0};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        expect_whole(edges[i]);
        expect_whole(-edges[i]);
    }
    uint64_t s = 12345;
    for (int i = 0; i < 200000; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        double x = (double)(s >> (11 + i % 40)); /* up to 2^53, all magnitudes */
        expect_whole(i % 2 ? -x : x);
    }
    /* the integer appenders: the extremes */
    char buf[COLLAB_NUMTEXT_MAX];
    collab_numtext_int(INT64_MIN, buf);
    assert_string_equal(buf, "-9223372036854775808");
    collab_numtext_uint(0, buf);
    assert_string_equal(buf, "0");
}

static void expect_escaped(void (*escape)(collab_i_textbuf *, const char *), const char *in,
                           const char *want)
{
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, NULL);
    collab_i_textbuf_putc(&b, '|');
    escape(&b, in);
    assert_string_equal(collab_i_textbuf_cstr(&b), want);
    assert_true(collab_i_textbuf_finish(&b));
}

/* XML and GML after a '|' already in the buffer. */
static void expect_xml(const char *in, const char *want)
{
    char with_bar[256];
    snprintf(with_bar, sizeof with_bar, "|%s", want);
    expect_escaped(collab_i_textbuf_xml, in, with_bar);
}

static void expect_gml(const char *in, const char *want)
{
    char with_bar[256];
    snprintf(with_bar, sizeof with_bar, "|%s", want);
    expect_escaped(collab_i_textbuf_gml, in, with_bar);
}

static void test_xml_escape(void **state)
{
    (void)state;
    expect_xml("", "");
    expect_xml("plain", "plain");
    expect_xml("<b>&\"'</b>", "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;");
    /* C0 controls other than tab, LF, CR cannot be in XML 1.0 at all, even as references */
    expect_xml("a\x01"
               "b\x1f"
               "c\x0b",
               "a\xEF\xBF\xBD"
               "b\xEF\xBF\xBD"
               "c\xEF\xBF\xBD");
    /* tab, LF, CR as references so that attribute-value normalisation keeps them */
    expect_xml("t\tl\nc\r", "t&#9;l&#10;c&#13;");
    /* DEL and C1 are allowed in XML 1.0: kept */
    expect_xml("d\x7f"
               "e\xC2\x85",
               "d\x7f"
               "e\xC2\x85");
    /* the non-characters U+FFFE and U+FFFF are not */
    expect_xml("\xEF\xBF\xBE\xEF\xBF\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD");
    /* invalid bytes (never from the loader, but the writer must stay well-formed) */
    expect_xml("x\xff"
               "y\xC3",
               "x\xEF\xBF\xBD"
               "y\xEF\xBF\xBD");
    /* everything else passes as UTF-8: CJK, right-to-left, emoji, U+FFFD itself */
    expect_xml("\xE7\x8E\x8B \xD9\x85 \xF0\x9F\x8E\xB8 \xEF\xBF\xBD",
               "\xE7\x8E\x8B \xD9\x85 \xF0\x9F\x8E\xB8 \xEF\xBF\xBD");
}

static void test_gml_escape(void **state)
{
    (void)state;
    expect_gml("", "");
    /* GML strings have no backslash escape: " and & become entities, \ stays */
    expect_gml("say \"hi\" & \\bye", "say &quot;hi&quot; &amp; \\bye");
    /* a literal entity is not decoded twice */
    expect_gml("&amp; &#65;", "&amp;amp; &amp;#65;");
    /* markup needs nothing in GML */
    expect_gml("<b>[x]</b> '", "<b>[x]</b> '");
    /* GML is ASCII: controls and non-ASCII as decimal references */
    expect_gml("\x01\t\n\x7f", "&#1;&#9;&#10;&#127;");
    expect_gml("Jos\xC3\xA9 \xE7\x8E\x8B \xF0\x9F\x98\x80", "Jos&#233; &#29579; &#128512;");
    expect_gml("bad\xff", "bad&#65533;");
}

static void test_csv(void **state)
{
    (void)state;
    expect_escaped(collab_i_textbuf_csv, "", "|");
    expect_escaped(collab_i_textbuf_csv, "plain name", "|plain name");
    expect_escaped(collab_i_textbuf_csv, "a,b", "|\"a,b\"");
    expect_escaped(collab_i_textbuf_csv, "say \"hi\"", "|\"say \"\"hi\"\"\"");
    expect_escaped(collab_i_textbuf_csv, "\"", "|\"\"\"\"");
    expect_escaped(collab_i_textbuf_csv, "two\nlines\r", "|\"two\nlines\r\"");
    /* what a spreadsheet would run as a formula gets a ' inside the quotes */
    expect_escaped(collab_i_textbuf_csv, "=SUM(A1)", "|\"'=SUM(A1)\"");
    expect_escaped(collab_i_textbuf_csv, "+1", "|\"'+1\"");
    expect_escaped(collab_i_textbuf_csv, "-x,\"y\"", "|\"'-x,\"\"y\"\"\"");
    expect_escaped(collab_i_textbuf_csv, "@me", "|\"'@me\"");
    expect_escaped(collab_i_textbuf_csv, "\tx", "|\"'\tx\"");
    /* UTF-8 and other controls pass as they are */
    expect_escaped(collab_i_textbuf_csv, "Jos\xC3\xA9 \xE7\x8E\x8B\x01\x7f",
                   "|Jos\xC3\xA9 \xE7\x8E\x8B\x01\x7f");
}

static void test_json(void **state)
{
    (void)state;
    expect_escaped(collab_i_textbuf_json, "", "|\"\"");
    expect_escaped(collab_i_textbuf_json, "a\"b\\c/d", "|\"a\\\"b\\\\c/d\"");
    expect_escaped(collab_i_textbuf_json, "n\nt\tr\rx\x01y\x1f",
                   "|\"n\\nt\\tr\\u000dx\\u0001y\\u001f\"");
    /* DEL and UTF-8 (even invalid bytes: the loader never lets them through) as they are */
    expect_escaped(collab_i_textbuf_json, "\x7f\xC3\xA9\xF0\x9F\x8E\xB8</script>",
                   "|\"\x7f\xC3\xA9\xF0\x9F\x8E\xB8</script>\"");
    /* NaN and infinities are never written as numbers */
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, NULL);
    collab_jsonline j;
    collab_jsonline_init(&j, &b);
    collab_jsonline_begin_array(&j);
    collab_jsonline_real(&j, NAN);
    collab_jsonline_real(&j, -INFINITY);
    collab_jsonline_real(&j, -0.0);
    collab_jsonline_end_array(&j);
    assert_true(collab_jsonline_end(&j));
    assert_string_equal(collab_i_textbuf_cstr(&b), "[null,null,-0.0]");
    assert_true(collab_i_textbuf_finish(&b));
}

/* Everything a writer appends, into `b`. */
static void write_sample(collab_i_textbuf *b, const char *long_name)
{
    for (int i = 0; i < 20000; i++) {
        collab_i_textbuf_puts(b, "<n id=\"");
        collab_i_textbuf_uint(b, (unsigned)i);
        collab_i_textbuf_puts(b, "\" v=\"");
        collab_i_textbuf_double(b, i / 7.0);
        collab_i_textbuf_puts(b, "\" l=\"");
        collab_i_textbuf_xml(b, i % 1000 == 0 ? long_name : "Ren\xC3\xA9 & <Co>");
        collab_i_textbuf_printf(b, "\" k=\"%d\"/>\n", -i);
    }
}

static void test_stream_in_chunks(void **state)
{
    (void)state;
    /* a name of 200 KB: longer than a chunk, escaped into the buffer in one piece */
    size_t n = 200 * 1024;
    char *long_name = malloc(n + 1);
    assert_non_null(long_name);
    for (size_t i = 0; i < n; i++) {
        long_name[i] = "ab&c\"d\xC3\xA9"[i % 8];
    }
    long_name[n] = '\0';
    collab_i_textbuf memory;
    collab_i_textbuf_init(&memory, NULL);
    write_sample(&memory, long_name);
    assert_false(memory.failed);
    FILE *f = tmpfile();
    assert_non_null(f);
    collab_i_textbuf streamed;
    collab_i_textbuf_init(&streamed, f);
    write_sample(&streamed, long_name);
    /* the stream got every full chunk; what is pending is less than a chunk plus a piece */
    assert_true(streamed.len < memory.len);
    assert_true(collab_i_textbuf_finish(&streamed));
    assert_int_equal(ftell(f), (long)memory.len);
    rewind(f);
    char *back = malloc(memory.len);
    assert_non_null(back);
    assert_int_equal(fread(back, 1, memory.len, f), memory.len);
    assert_memory_equal(back, memory.data, memory.len);
    fclose(f);
    free(back);
    free(long_name);
    assert_true(collab_i_textbuf_finish(&memory));
    assert_null(memory.data);
}

/* Out of memory is sticky: the buffer says so at the end and drops what followed. */
static void test_out_of_memory(void **state)
{
    (void)state;
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, NULL);
    collab_alloc_fail_after(0);
    collab_i_textbuf_puts(&b, "lost");
    collab_alloc_fail_after(-1);
    collab_i_textbuf_puts(&b, "also lost");
    assert_true(b.failed);
    assert_int_equal(b.len, 0);
    assert_string_equal(collab_i_textbuf_cstr(&b), "");
    assert_false(collab_i_textbuf_finish(&b));
}

/* What the test's blocks share: which item fails (none: SIZE_MAX), and, to prove that blocks
 * ran at once, block 0 waiting until another thread has started a block. */
typedef struct block_test {
    size_t fail_at;
    bool wait_for_company;
    atomic_bool company; /* a block other than the first has started */
    atomic_bool waited_in_vain;
} block_test;

/* Item i: an id, a double, an escaped name, every 97th item a piece longer than a chunk. */
static bool format_items(collab_i_textbuf *b, size_t first, size_t end, void *arg)
{
    block_test *t = arg;
    if (first > 0) {
        atomic_store(&t->company, true);
    } else if (t->wait_for_company) {
        time_t give_up = time(NULL) + 5;
        while (!atomic_load(&t->company) && time(NULL) < give_up) {
            sched_yield();
        }
        atomic_store(&t->waited_in_vain, !atomic_load(&t->company));
    }
    char *long_piece = malloc(COLLAB_I_TEXTBUF_CHUNK + 100); /* this block's own */
    assert_non_null(long_piece);
    long_piece[COLLAB_I_TEXTBUF_CHUNK + 99] = '\0';
    for (size_t i = first; i < end; i++) {
        if (i == t->fail_at) {
            free(long_piece);
            return false;
        }
        collab_i_textbuf_uint(b, i);
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_double(b, (double)i / 7.0);
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_csv(b, i % 3 == 0 ? "Ren\xC3\xA9, \"Co\"" : "Ana");
        if (i % 97 == 0) {
            memset(long_piece, 'a' + (int)(i % 26), COLLAB_I_TEXTBUF_CHUNK + 99);
            collab_i_textbuf_puts(b, long_piece);
        }
        collab_i_textbuf_putc(b, '\n');
    }
    free(long_piece);
    return true;
}

/* The bytes of a header, `count` items in blocks and a trailer written to a file. */
static char *blocks_to_file(size_t count, size_t per_block, int threads, block_test *t, bool *ok,
                            size_t *len)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, f);
    collab_i_textbuf_puts(&b, "id,x,name\n");
    *ok = collab_i_textbuf_blocks(&b, count, per_block, threads, format_items, t);
    collab_i_textbuf_puts(&b, "end\n");
    bool kept = collab_i_textbuf_finish(&b);
    assert_true(kept == *ok);
    *len = (size_t)ftell(f);
    rewind(f);
    char *bytes = malloc(*len + 1);
    assert_non_null(bytes);
    assert_int_equal(fread(bytes, 1, *len, f), *len);
    fclose(f);
    return bytes;
}

static void test_blocks_same_bytes(void **state)
{
    (void)state;
    size_t count = 5000;
    block_test one = {.fail_at = SIZE_MAX};
    collab_i_textbuf memory;
    collab_i_textbuf_init(&memory, NULL);
    collab_i_textbuf_puts(&memory, "id,x,name\n");
    assert_true(format_items(&memory, 0, count, &one));
    collab_i_textbuf_puts(&memory, "end\n");
    static const size_t per_block[] = {1, 7, 512, 5000, 6000};
    for (size_t p = 0; p < sizeof per_block / sizeof per_block[0]; p++) {
        for (int threads = 0; threads <= 5; threads++) {
            block_test t = {.fail_at = SIZE_MAX};
            /* several blocks on several threads: the first block waits until another thread
             * has started one, so a writer that kept to one thread would fail here */
            t.wait_for_company = threads >= 2 && per_block[p] < count;
            bool ok;
            size_t len;
            char *bytes = blocks_to_file(count, per_block[p], threads, &t, &ok, &len);
            assert_true(ok);
            assert_false(atomic_load(&t.waited_in_vain));
            assert_int_equal(len, memory.len);
            assert_memory_equal(bytes, memory.data, len);
            free(bytes);
        }
    }
    /* no items: the header and the trailer */
    block_test none = {.fail_at = SIZE_MAX};
    bool ok;
    size_t len;
    char *bytes = blocks_to_file(0, 10, 2, &none, &ok, &len);
    assert_true(ok);
    assert_int_equal(len, strlen("id,x,name\nend\n"));
    free(bytes);
    assert_true(collab_i_textbuf_finish(&memory));
}

/* A block that fails stops every thread (none waits for a turn that never comes) and the buffer
 * says so. */
static void test_blocks_failure(void **state)
{
    (void)state;
    static const size_t fail_at[] = {0, 1, 33, 4999};
    for (size_t k = 0; k < sizeof fail_at / sizeof fail_at[0]; k++) {
        for (int threads = 1; threads <= 4; threads++) {
            block_test t = {.fail_at = fail_at[k]};
            bool ok;
            size_t len;
            char *bytes = blocks_to_file(5000, 16, threads, &t, &ok, &len);
            assert_false(ok);
            free(bytes);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_edges),
        cmocka_unit_test(test_whole_numbers),
        cmocka_unit_test(test_xml_escape),
        cmocka_unit_test(test_gml_escape),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_stream_in_chunks),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_blocks_same_bytes),
        cmocka_unit_test(test_blocks_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
