/* The HTML report and its parts: escaping (text, attributes, control characters, invalid UTF-8,
 * cutting at grapheme boundaries), the SVG plots (structure checked by a small tag parser, every
 * hostile label escaped, empty and single-point inputs, log binning), SHA-256 digests, and the
 * page itself (one script, whose hash is the one in the Content-Security-Policy; names escaped
 * everywhere; the map's XML declaration dropped; byte-identical output). The browser half -
 * console, network, sorting by clicks - is tests/browser/check_html_report.py. */
#include "collab/alloc.h"
#include "collab/checksum.h"
#include "collab/community.h"
#include "collab/metrics.h"
#include "collab/plots.h"
#include "collab/report.h"
#include "collab/text.h"

#include <math.h>

#include "report_internal.h"
#include "test_support.h"

/* ---- helpers ------------------------------------------------------------------------------ */

typedef struct memout {
    FILE *f;
    char *buf;
    size_t len;
} memout;

static void mem_open(memout *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
}

/* Closes the stream; the text stays in m->buf (free()). */
static char *mem_close(memout *m)
{
    assert_int_equal(fclose(m->f), 0);
    return m->buf;
}

static char *xml(const char *s, size_t max_chars, bool *cut)
{
    memout m;
    mem_open(&m);
    bool c = collab_text_write_xml(m.f, s, max_chars);
    if (cut != NULL) {
        *cut = c;
    }
    return mem_close(&m);
}

static size_t count(const char *haystack, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(haystack, needle); p != NULL; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

/* A structural check of SVG text written by plots.c: every '<' opens a tag whose name is
 * closed in order, attribute values are double-quoted without '<', text holds no raw '<' and
 * every '&' starts a character reference. Returns NULL when well-formed, else what is wrong. */
static const char *check_markup(const char *s)
{
    static char names[64][32];
    size_t depth = 0;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == '&') {
            size_t k = strspn(p + 1, "#abcdefghijklmnopqrstuvwxyz0123456789");
            if (k == 0 || p[1 + k] != ';') {
                return "a raw '&'";
            }
            continue;
        }
        if (*p == '>') {
            return "a raw '>' in text";
        }
        if (*p != '<') {
            continue;
        }
        bool closing = p[1] == '/';
        const char *name = p + (closing ? 2 : 1);
        size_t k = strspn(name, "abcdefghijklmnopqrstuvwxyz");
        if (k == 0 || k >= sizeof names[0]) {
            return "a '<' that opens no tag";
        }
        const char *q = name + k;
        while (*q != '>' && *q != '\0') {
            if (*q == '<') {
                return "a '<' inside a tag";
            }
            if (*q == '=') {
                if (q[1] != '"') {
                    return "an unquoted attribute";
                }
                const char *end = strchr(q + 2, '"');
                if (end == NULL || memchr(q + 2, '<', (size_t)(end - q - 2)) != NULL) {
                    return "a bad attribute value";
                }
                q = end;
            }
            q++;
        }
        if (*q == '\0') {
            return "an unclosed tag";
        }
        bool self_closing = q[-1] == '/';
        if (closing) {
            if (depth == 0 || strncmp(names[depth - 1], name, k) != 0 ||
                names[depth - 1][k] != '\0') {
                return "a closing tag that does not match";
            }
            depth--;
        } else if (!self_closing) {
            if (depth == 64) {
                return "tags nested too deep";
            }
            memcpy(names[depth], name, k);
            names[depth++][k] = '\0';
        }
        p = q;
    }
    return depth == 0 ? NULL : "an element left open";
}

static void assert_svg(const char *svg)
{
    assert_true(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
    assert_true(strstr(svg, "</svg>\n") == svg + strlen(svg) - 7);
    const char *problem = check_markup(svg);
    if (problem != NULL) {
        fail_msg("%s in:\n%s", problem, svg);
    }
    assert_null(strstr(svg, "<script"));
    assert_null(strstr(svg, " id=")); /* several plots share a page */
}

/* ---- escaping ----------------------------------------------------------------------------- */

static void test_escape_markup(void **state)
{
    (void)state;
    char *s = xml("<script>alert(\"x\")&'</script>", 0, NULL);
    assert_string_equal(s, "&lt;script&gt;alert(&quot;x&quot;)&amp;&#39;&lt;/script&gt;");
    free(s);
    s = xml("&amp; stays &amp;amp;", 0, NULL);
    assert_string_equal(s, "&amp;amp; stays &amp;amp;amp;");
    free(s);
    s = xml("Jos\xC3\xA9 \xE5\x9D\x82\xE6\x9C\xAC \xD9\x81\xD9\x8A", 0, NULL); /* UTF-8 kept */
    assert_string_equal(s, "Jos\xC3\xA9 \xE5\x9D\x82\xE6\x9C\xAC \xD9\x81\xD9\x8A");
    free(s);
    s = xml("", 0, NULL);
    assert_string_equal(s, "");
    free(s);
}

static void test_escape_controls_and_bad_utf8(void **state)
{
    (void)state;
    /* tab, LF, CR -> space; BEL, ESC, DEL, C1 NEL, U+FFFE -> U+FFFD */
    char *s = xml("a\tb\nc\rd\x07"
                  "e\x1b[1m\x7f\xC2\x85\xEF\xBF\xBE",
                  0, NULL);
    assert_string_equal(s, "a b c d\xEF\xBF\xBD"
                           "e\xEF\xBF\xBD[1m\xEF\xBF\xBD\xEF\xBF\xBD"
                           "\xEF\xBF\xBD");
    free(s);
    s = xml("x\xFF\xFEy\xED\xA0\x80z", 0, NULL); /* invalid bytes, a surrogate */
    assert_null(strstr(s, "\xFF"));
    assert_true(strncmp(s, "x\xEF\xBF\xBD\xEF\xBF\xBDy", 8) == 0);
    assert_true(s[strlen(s) - 1] == 'z');
    free(s);
    s = xml("line\xE2\x80\xA8sep", 0, NULL); /* U+2028 is fine in HTML text */
    assert_string_equal(s, "line\xE2\x80\xA8sep");
    free(s);
}

static void test_escape_cut(void **state)
{
    (void)state;
    bool cut;
    char *s = xml("abcdef", 4, &cut);
    assert_string_equal(s, "abc\xE2\x80\xA6");
    assert_true(cut);
    free(s);
    s = xml("abcd", 4, &cut);
    assert_string_equal(s, "abcd");
    assert_false(cut);
    free(s);
    /* e + combining acute is one character: never split from its accent */
    s = xml("e\xCC\x81"
            "e\xCC\x81"
            "e\xCC\x81",
            2, &cut);
    assert_string_equal(s, "e\xCC\x81\xE2\x80\xA6");
    assert_true(cut);
    free(s);
    s = xml("<<<<<", 3, &cut); /* escaping does not count against the limit */
    assert_string_equal(s, "&lt;&lt;\xE2\x80\xA6");
    free(s);
}

/* ---- plots -------------------------------------------------------------------------------- */

static char *degree_plot(const double *d, size_t n)
{
    memout m;
    mem_open(&m);
    collab_error err = {0};
    assert_int_equal(collab_plot_degree_distribution(m.f, d, n, &err), COLLAB_OK);
    return mem_close(&m);
}

static void test_degree_plot(void **state)
{
    (void)state;
    double small[] = {1, 2, 2, 3, 0, NAN};
    char *svg = degree_plot(small, 6);
    assert_svg(svg);
    assert_int_equal(count(svg, "<circle"), 3); /* degrees 1, 2, 3 */
    assert_non_null(strstr(svg, "2 isolated nodes (degree 0) not shown"));
    assert_non_null(strstr(svg, "degree 2: 2 nodes (33.3%)"));
    assert_non_null(strstr(svg, ">10</text>")); /* decade ticks labelled */
    assert_non_null(strstr(svg, ">0.1</text>"));
    assert_null(strstr(svg, "log-binned"));
    free(svg);

    svg = degree_plot(NULL, 0);
    assert_svg(svg);
    assert_non_null(strstr(svg, "no node has a neighbour"));
    assert_int_equal(count(svg, "<circle"), 0);
    free(svg);

    double many[300];
    for (size_t i = 0; i < 300; i++) {
        many[i] = (double)(i % 150 + 1); /* 150 distinct degrees, twice each */
    }
    svg = degree_plot(many, 300);
    assert_svg(svg);
    assert_non_null(strstr(svg, "log-binned, 5 per decade"));
    assert_non_null(strstr(svg, "degrees 100 to 158:"));
    assert_non_null(strstr(svg, ">1000</text>")); /* 150 reaches into the third decade */
    free(svg);

    double big[] = {1, 1e6};
    svg = degree_plot(big, 2);
    assert_svg(svg);
    assert_non_null(strstr(svg, "10<tspan dy=\"-6\" font-size=\"9\">6</tspan>"));
    free(svg);
}

static void test_bar_plot(void **state)
{
    (void)state;
    const char *labels[] = {"</text><script>alert(1)</script>", "\"onload=\"x", "A & B",
                            "a name far longer than twenty-eight characters", NULL};
    double values[] = {10.5, NAN, -1, 2, 0};
    memout m;
    mem_open(&m);
    collab_error err = {0};
    assert_int_equal(collab_plot_bars(m.f, "Top <5>", "x & y", labels, values, 5, &err), COLLAB_OK);
    char *svg = mem_close(&m);
    assert_svg(svg);
    assert_non_null(strstr(svg, "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(svg, "&quot;onload=&quot;x"));
    assert_non_null(strstr(svg, "<title>Top &lt;5&gt;</title>"));
    assert_non_null(strstr(svg, ">x &amp; y</text>"));
    assert_non_null(strstr(svg, "a name far longer than twen\xE2\x80\xA6</text>"));
    assert_non_null(strstr(svg, ">NaN</text>"));
    assert_int_equal(count(svg, "<rect"), 1 + 4); /* background, and no bar for NaN */
    assert_non_null(strstr(svg, ">10.50</text>"));
    free(svg);

    mem_open(&m);
    assert_int_equal(collab_plot_bars(m.f, NULL, NULL, NULL, NULL, 0, &err), COLLAB_OK);
    svg = mem_close(&m);
    assert_svg(svg);
    assert_non_null(strstr(svg, ">no data</text>"));
    free(svg);
}

static void test_year_plot(void **state)
{
    (void)state;
    int years[] = {1991, 1995, 2016};
    double counts[] = {5, 1, 12};
    memout m;
    mem_open(&m);
    collab_error err = {0};
    assert_int_equal(
        collab_plot_per_year(m.f, "Credits per year", "credits", years, counts, 3, &err),
        COLLAB_OK);
    char *svg = mem_close(&m);
    assert_svg(svg);
    assert_int_equal(count(svg, "<g><title>"), 3);
    assert_non_null(strstr(svg, "<title>2016: 12</title>"));
    assert_non_null(strstr(svg, ">2000</text>")); /* ticks every 5 years over 25 */
    assert_non_null(strstr(svg, ">2015</text>"));
    assert_null(strstr(svg, ">1992</text>"));
    free(svg);

    mem_open(&m);
    assert_int_equal(collab_plot_per_year(m.f, "none", NULL, NULL, NULL, 0, &err), COLLAB_OK);
    svg = mem_close(&m);
    assert_svg(svg);
    assert_non_null(strstr(svg, ">no data</text>"));
    free(svg);
}

/* ---- checksums ---------------------------------------------------------------------------- */

static void test_checksums(void **state)
{
    (void)state;
    char path[64];
    write_temp(path, "abc", 3);
    char hex[COLLAB_SHA256_HEX_SIZE];
    collab_error err = {0};
    assert_int_equal(collab_checksum_file_sha256(path, hex, &err), COLLAB_OK);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    unlink(path);
    char b64[COLLAB_SHA256_BASE64_SIZE];
    assert_int_equal(collab_checksum_sha256_base64("abc", 3, b64, &err), COLLAB_OK);
    assert_string_equal(b64, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    assert_int_equal(collab_checksum_sha256_base64("", 0, b64, &err), COLLAB_OK);
    assert_string_equal(b64, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");

    strcpy(hex, "untouched");
    assert_int_equal(collab_checksum_file_sha256("/nonexistent/x.csv", hex, &err), COLLAB_E_IO);
    assert_string_equal(err.message, "cannot open '/nonexistent/x.csv': No such file or directory");
    assert_string_equal(hex, "untouched");
}

/* ---- the page ------------------------------------------------------------------------------ */

typedef struct page_fixture {
    collab_edgelist list;
    collab_graph g;
    collab_graph_options go;
    collab_metrics m;
    collab_metrics_options mo;
    collab_partition p;
    collab_community_options co;
    collab_report_input in;
} page_fixture;

static const char hostile_csv[] =
    "person,project,role,year\n"
    "\"</script><script>alert(1)</script>\",A,\"<b>bold role</b>\",1999\n"
    "\"\"\"onmouseover=\"\"x\",A,producer,2001\n"
    "Tom & Jerry,A,producer,2001\n"
    "Tom & Jerry,B,mixer,\n"
    "Ann,B,mixer,2005\n";

static void page_setup(page_fixture *f, const char *csv)
{
    memset(f, 0, sizeof *f);
    build_text(&f->g, &f->list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_graph_options_init(&f->go);
    collab_metrics_options_init(&f->mo);
    f->mo.threads = 1;
    collab_community_options_init(&f->co);
    collab_error err = {0};
    assert_int_equal(collab_metrics_compute(&f->m, &f->g, &f->mo, &err), COLLAB_OK);
    assert_int_equal(collab_community_detect(&f->p, &f->g, &f->co, &err), COLLAB_OK);
    f->in = (collab_report_input){&f->list, &f->g,  &f->go, &f->m, &f->mo,
                                  &f->p,    &f->co, NULL,   NULL,  COLLAB_METRIC_DEGREE};
}

static void page_teardown(page_fixture *f)
{
    collab_partition_destroy(&f->p);
    collab_metrics_destroy(&f->m);
    collab_graph_destroy(&f->g);
    collab_edgelist_destroy(&f->list);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

static char *page(page_fixture *f, const collab_html_extras *x)
{
    collab_report_options ro;
    collab_report_options_init(&ro);
    memout m;
    mem_open(&m);
    collab_error err = {0};
    assert_int_equal(collab_report_write_html(m.f, &f->in, &ro, x, &err), COLLAB_OK);
    return mem_close(&m);
}

static void test_page_escapes_and_policy(void **state)
{
    (void)state;
    page_fixture f;
    page_setup(&f, hostile_csv);
    collab_html_extras x = {0};
    x.input_path = "in<put>\".csv";
    x.input_sha256 = "00ff";
    x.command_line = "collab report 'a&b' --title '</script>'";
    x.version = "9.9";
    x.date = "2000-01-01 00:00:00 UTC";
    char *html = page(&f, &x);
    assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    /* one script, the page's own, allowed by its hash */
    assert_int_equal(count(html, "<script"), 1);
    assert_int_equal(count(html, "</script"), 1);
    char hash[COLLAB_SHA256_BASE64_SIZE];
    collab_error err = {0};
    assert_int_equal(collab_checksum_sha256_base64(collab_i_html_script,
                                                   strlen(collab_i_html_script), hash, &err),
                     COLLAB_OK);
    char csp[128];
    snprintf(csp, sizeof csp, "script-src 'sha256-%s'", hash);
    assert_non_null(strstr(html, csp));
    assert_non_null(strstr(html, "default-src 'none'"));
    char script[8192];
    snprintf(script, sizeof script, "<script>%s</script>", collab_i_html_script);
    assert_non_null(strstr(html, script));
    /* names, roles, provenance: escaped wherever they appear */
    assert_null(strstr(html, "<b>"));
    assert_null(strstr(html, "\"onmouseover"));
    assert_null(strstr(html, "Tom & Jerry"));
    assert_non_null(strstr(html, "<td class=\"name\">&lt;/script&gt;&lt;script&gt;alert(1)"
                                 "&lt;/script&gt;</td>"));
    assert_non_null(strstr(html, "&quot;onmouseover=&quot;x"));
    assert_non_null(strstr(html, "Tom &amp; Jerry"));
    assert_non_null(strstr(html, "&lt;b&gt;bold role&lt;/b&gt; (1)"));
    assert_non_null(strstr(html, "<code>in&lt;put&gt;&quot;.csv</code>"));
    assert_non_null(strstr(html, "<code>collab report &#39;a&amp;b&#39; --title "
                                 "&#39;&lt;/script&gt;&#39;</code>"));
    assert_non_null(strstr(html, "<dd>2000-01-01 00:00:00 UTC</dd>"));
    assert_non_null(strstr(html, "This report has no map."));
    assert_non_null(strstr(html, "Credits per year"));
    assert_non_null(strstr(html, "1 without a year is not shown."));
    assert_true(strstr(html, "</html>\n") == html + strlen(html) - 8);
    free(html);
    page_teardown(&f);
}

static void test_page_map_and_determinism(void **state)
{
    (void)state;
    page_fixture f;
    page_setup(&f, "source,target\nA,B\nB,C\nC,A\nD,E\n");
    static const char svg[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\">"
                              "<rect width=\"1\" height=\"1\"/></svg>\n";
    static const uint32_t colours[] = {0x0072b2, 0xe69f00};
    collab_html_extras x = {0};
    x.map_svg = svg;
    x.map_svg_len = sizeof svg - 1;
    x.community_rgb = colours;
    x.n_community_rgb = 2;
    x.version = "9.9";
    char *a = page(&f, &x);
    char *b = page(&f, &x);
    assert_string_equal(a, b);
    assert_null(strstr(a, "<?xml"));
    assert_non_null(strstr(a, "<figure class=\"map\">\n<svg xmlns="));
    assert_null(strstr(a, "has no map"));
    assert_non_null(strstr(a, "SHA-256</dt><dd>not available (read from standard input)"));
    assert_non_null(strstr(a, "style=\"background:#0072b2\""));
    assert_non_null(strstr(a, "style=\"background:#e69f00\""));
    assert_null(strstr(a, "Credits per year")); /* an edge list has no years */
    assert_non_null(strstr(a, "aria-sort=\"descending\""));
    free(a);
    free(b);
    page_teardown(&f);
}

static void test_other_writers_refuse_html(void **state)
{
    (void)state;
    page_fixture f;
    page_setup(&f, "source,target\nA,B\n");
    collab_report_options ro;
    collab_report_options_init(&ro);
    ro.format = COLLAB_FORMAT_HTML;
    collab_error err = {0};
    assert_int_equal(collab_report_write(stdout, &f.in, &ro, &err), COLLAB_E_USAGE);
    collab_error err2 = {0};
    assert_int_equal(collab_report_write_communities(stdout, &f.in, &ro, &err2), COLLAB_E_USAGE);
    assert_string_equal(err2.message, "the HTML report is written by collab_report_write_html");
    page_teardown(&f);
}

/* The report in every format and the page: the same bytes from credit facts computed once by
 * the caller (in->facts) as from the facts each writer computes itself, and the given ones are
 * used (a changed role text shows). */
static void test_shared_facts(void **state)
{
    (void)state;
    page_fixture f;
    page_setup(&f, hostile_csv);
    collab_credit_facts facts;
    collab_error err = {0};
    assert_int_equal(collab_credit_facts_compute(&facts, &f.g, &f.list, &err), COLLAB_OK);
    collab_report_options ro;
    collab_report_options_init(&ro);
    uint32_t order[8], reversed[8];
    assert_true(f.m.n <= 8);
    collab_report_rank(&f.m, ro.sort, order);
    for (size_t i = 0; i < f.m.n; i++) {
        reversed[i] = order[f.m.n - 1 - i];
    }
    collab_report_input own = f.in;
    collab_report_input shared = f.in;
    shared.facts = &facts;
    shared.rank_order = order;
    shared.rank_metric = ro.sort;
    static const collab_report_format formats[] = {COLLAB_FORMAT_TABLE, COLLAB_FORMAT_CSV,
                                                   COLLAB_FORMAT_JSON, COLLAB_FORMAT_MD};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        ro.format = formats[i];
        char *text[2];
        for (int k = 0; k < 2; k++) {
            memout m;
            mem_open(&m);
            assert_int_equal(collab_report_write(m.f, k ? &shared : &own, &ro, &err), COLLAB_OK);
            text[k] = mem_close(&m);
        }
        assert_string_equal(text[0], text[1]);
        free(text[0]);
        free(text[1]);
    }
    /* the communities' most central members too */
    char *communities[2];
    for (int k = 0; k < 2; k++) {
        memout m;
        mem_open(&m);
        assert_int_equal(collab_report_write_communities(m.f, k ? &shared : &own, &ro, &err),
                         COLLAB_OK);
        communities[k] = mem_close(&m);
    }
    assert_string_equal(communities[0], communities[1]);
    free(communities[0]);
    free(communities[1]);
    collab_html_extras x = {0};
    x.date = "2000-01-01 00:00:00 UTC";
    char *a = page(&f, &x);
    f.in.facts = &facts;
    f.in.rank_order = order;
    f.in.rank_metric = ro.sort;
    char *b = page(&f, &x);
    assert_string_equal(a, b);
    free(a);
    free(b);
    /* a ranking by another metric is not used; one by the report's metric is */
    ro.format = COLLAB_FORMAT_CSV;
    char *ranked[3];
    for (int k = 0; k < 3; k++) {
        collab_report_input in = own;
        in.rank_order = reversed;
        in.rank_metric = k == 1 ? COLLAB_METRIC_PAGERANK : ro.sort;
        memout m;
        mem_open(&m);
        assert_int_equal(collab_report_write(m.f, k == 0 ? &own : &in, &ro, &err), COLLAB_OK);
        ranked[k] = mem_close(&m);
    }
    assert_string_equal(ranked[0], ranked[1]);
    char first[64];
    snprintf(first, sizeof first, "\n1,%s,", collab_graph_name(&f.g, reversed[0]));
    assert_non_null(strstr(ranked[2], first));
    assert_string_not_equal(ranked[0], ranked[2]);
    for (int k = 0; k < 3; k++) {
        free(ranked[k]);
    }
    /* Ann's role text, "mixer (1)", read from the given facts */
    uint32_t ann = collab_names_find(&f.g.names, "Ann", 3);
    char *role = facts.roles_pool + facts.roles_offset[ann];
    assert_string_equal(role, "mixer (1)");
    role[0] = 'M';
    ro.format = COLLAB_FORMAT_CSV;
    memout m;
    mem_open(&m);
    assert_int_equal(collab_report_write(m.f, &shared, &ro, &err), COLLAB_OK);
    char *csv = mem_close(&m);
    assert_non_null(strstr(csv, ",Mixer (1),"));
    assert_null(strstr(csv, ",mixer (1),"));
    free(csv);
    collab_credit_facts_destroy(&facts);
    page_teardown(&f);
}

static void test_page_out_of_memory(void **state)
{
    (void)state;
    page_fixture f;
    page_setup(&f, hostile_csv);
    collab_report_options ro;
    collab_report_options_init(&ro);
    collab_html_extras x = {0};
    /* Fail each allocation in turn until the page is written: each failure is NOMEM. */
    for (long n = 0;; n++) {
        memout m;
        mem_open(&m);
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_report_write_html(m.f, &f.in, &ro, &x, &err);
        collab_alloc_fail_after(-1);
        free(mem_close(&m));
        if (st == COLLAB_OK) {
            assert_true(n > 0);
            break;
        }
        assert_int_equal(st, COLLAB_E_NOMEM);
    }
    page_teardown(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_markup),
        cmocka_unit_test(test_escape_controls_and_bad_utf8),
        cmocka_unit_test(test_escape_cut),
        cmocka_unit_test(test_degree_plot),
        cmocka_unit_test(test_bar_plot),
        cmocka_unit_test(test_year_plot),
        cmocka_unit_test(test_checksums),
        cmocka_unit_test(test_page_escapes_and_policy),
        cmocka_unit_test(test_page_map_and_determinism),
        cmocka_unit_test(test_other_writers_refuse_html),
        cmocka_unit_test(test_page_out_of_memory),
        cmocka_unit_test(test_shared_facts),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
