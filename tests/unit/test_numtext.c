/* Numbers as text (numtext.cc) and JSON lines (jsonline.c): every double written reads back to
 * the same bits and is no longer than printf's shortest round-trip %.{1..17}g; known cases by
 * hand; JSON text that jansson parses back to the values written, hostile strings included. */
#include "collab/numtext.h"

#include <float.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>

#include "jsonline_internal.h"
#include "test_support.h"

/* The fewest significant digits printf needs for x to read back: an independent oracle. */
static int printf_shortest_digits(double x)
{
    char buf[64];
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (strtod(buf, NULL) == x) {
            return digits;
        }
    }
    return 17;
}

/* Significant digits in a %g-style text: the mantissa's digits without leading zeros. */
static int significant_digits(const char *s)
{
    int n = 0;
    bool leading = true;
    for (const char *p = s; *p != '\0' && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9') {
            if (*p == '0' && leading) {
                continue;
            }
            leading = false;
            n++;
        }
    }
    /* trailing zeros of a whole number ("1000") are not significant either */
    if (strchr(s, '.') == NULL && strchr(s, 'e') == NULL) {
        for (size_t i = strlen(s); i-- > 0 && s[i] == '0' && n > 1;) {
            n--;
        }
    }
    return n == 0 ? 1 : n;
}

static void expect_text(double x, const char *want)
{
    char buf[COLLAB_NUMTEXT_MAX];
    size_t n = collab_numtext_double(x, buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_known_doubles(void **state)
{
    (void)state;
    expect_text(0.1, "0.1");
    expect_text(3, "3");
    expect_text(0, "0");
    expect_text(-0.0, "-0");
    expect_text(-2.5, "-2.5");
    expect_text(1e15, "1000000000000000");
    expect_text(1e21, "1e+21");
    expect_text(1.5e-7, "1.5e-07");
    expect_text(0.0001, "0.0001");
    expect_text(160.5515873015873, "160.5515873015873");
    expect_text(1.0 / 3.0, "0.3333333333333333");
    expect_text(NAN, "nan");
    expect_text(INFINITY, "inf");
    expect_text(-INFINITY, "-inf");
    expect_text(DBL_MAX, "1.7976931348623157e+308");
    expect_text(5e-324, "5e-324");
}

static void assert_real(double x, bool point, const char *expected)
{
    char buf[COLLAB_NUMTEXT_MAX];
    size_t n = point ? collab_numtext_real(x, buf) : collab_numtext_double(x, buf);
    assert_int_equal(n, strlen(buf));
    assert_string_equal(buf, expected);
    assert_true(strtod(buf, NULL) == x);
}

/* Reals for GML and JSON: a decimal point in the mantissa always. */
static void test_format_real(void **state)
{
    (void)state;
    assert_real(0.1, false, "0.1");
    assert_real(4, false, "4");
    assert_real(4, true, "4.0");
    assert_real(1e20, false, "1e+20");
    assert_real(1e20, true, "1.0e+20");
    assert_real(2.5e-7, true, "2.5e-07");
    assert_real(-3, true, "-3.0");
    assert_real(1.0 / 3, false, "0.3333333333333333");
    assert_real(0.1 + 0.2, false, "0.30000000000000004"); /* needs all 17 digits */
    char buf[COLLAB_NUMTEXT_MAX];
    for (int i = 1; i < 2000; i++) {
        double x = 1.0 / i * 1e-3 * i * i;
        collab_numtext_real(x, buf);
        assert_true(strtod(buf, NULL) == x);
        assert_non_null(strchr(buf, '.'));
    }
}

static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void test_random_doubles_round_trip_shortest(void **state)
{
    (void)state;
    uint64_t seed = 7;
    for (int i = 0; i < 200000; i++) {
        uint64_t bits = next_random(&seed);
        double x;
        if (i % 2 == 0) {
            memcpy(&x, &bits, sizeof x); /* any bit pattern */
            if (!isfinite(x)) {
                continue;
            }
        } else {
            /* values like metrics: in [0, 1000) with few or many digits */
            x = (double)(bits >> 11) / 9007199254740992.0 * pow(10, (double)(i % 7) - 3);
        }
        char buf[COLLAB_NUMTEXT_MAX];
        size_t n = collab_numtext_double(x, buf);
        assert_true(n < COLLAB_NUMTEXT_MAX);
        double back = strtod(buf, NULL);
        assert_memory_equal(&back, &x, sizeof x);
        if (significant_digits(buf) > printf_shortest_digits(x)) {
            fail_msg("%s has more digits than %.17g needs (%d)", buf, x, printf_shortest_digits(x));
        }
    }
}

/* The text printf's digits give in the layout numtext.h states: the shortest digits from
 * "%.{P-1}e" (P from printf_shortest_digits), trailing zeros dropped, then plain decimals for an
 * exponent in [-4, 17), else d.ddde+XX; with `real`, ".0" where no point is written. */
static void printf_layout(double x, bool real, char *out, size_t cap)
{
    char sci[64];
    snprintf(sci, sizeof sci, "%.*e", printf_shortest_digits(x) - 1, x);
    const char *p = sci;
    bool negative = *p == '-';
    p += negative;
    char digits[32];
    int n = 0;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    int exponent = atoi(p + 1);
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    char body[64];
    int k = 0;
    if (x == 0) {
        body[k++] = '0';
        if (real) {
            body[k++] = '.';
            body[k++] = '0';
        }
    } else if (exponent < -4 || exponent >= 17) {
        body[k++] = digits[0];
        if (n > 1 || real) {
            body[k++] = '.';
        }
        for (int i = 1; i < n; i++) {
            body[k++] = digits[i];
        }
        if (n == 1 && real) {
            body[k++] = '0';
        }
        k += snprintf(body + k, sizeof body - (size_t)k, "e%c%02d", exponent < 0 ? '-' : '+',
                      abs(exponent));
    } else if (exponent < 0) {
        body[k++] = '0';
        body[k++] = '.';
        for (int i = -1; i > exponent; i--) {
            body[k++] = '0';
        }
        for (int i = 0; i < n; i++) {
            body[k++] = digits[i];
        }
    } else {
        for (int i = 0; i <= exponent || i < n; i++) {
            if (i == exponent + 1) {
                body[k++] = '.';
            }
            body[k++] = i < n ? digits[i] : '0';
        }
        if (exponent + 1 >= n && real) {
            body[k++] = '.';
            body[k++] = '0';
        }
    }
    body[k] = '\0';
    snprintf(out, cap, "%s%s", negative ? "-" : "", body);
}

/* The whole text, not only its value and length, against printf's digits in the stated layout:
 * random bits, metric-like values, powers of ten and their neighbours, whole numbers. */
static void test_text_like_printf(void **state)
{
    (void)state;
    uint64_t seed = 11;
    int scientific = 0;
    for (int i = 0; i < 300000; i++) {
        uint64_t bits = next_random(&seed);
        double x;
        switch (i % 4) {
        case 0:
            memcpy(&x, &bits, sizeof x);
            if (!isfinite(x)) {
                continue;
            }
            break;
        case 1:
            x = (double)(bits >> 11) / 9007199254740992.0 * pow(10, (double)(i % 40) - 20);
            break;
        case 2:
            x = pow(10, (double)(i % 60) - 30);
            x = bits % 3 == 0 ? nextafter(x, INFINITY) : bits % 3 == 1 ? nextafter(x, 0) : x;
            break;
        default:
            x = (double)(bits % 100000000000000000ULL) * pow(10, (double)(i % 8) - 2);
            break;
        }
        char want[64];
        char got[COLLAB_NUMTEXT_MAX];
        for (int real = 0; real < 2; real++) {
            printf_layout(x, real, want, sizeof want);
            if (real) {
                collab_numtext_real(x, got);
            } else {
                collab_numtext_double(x, got);
            }
            if (strcmp(got, want) != 0) {
                fail_msg("%.17g (%s): wrote %s, printf's digits give %s", x,
                         real ? "real" : "double", got, want);
            }
        }
        scientific += strchr(want, 'e') != NULL;
    }
    assert_true(scientific > 50000);
}

static void test_integers(void **state)
{
    (void)state;
    char buf[COLLAB_NUMTEXT_MAX];
    char want[COLLAB_NUMTEXT_MAX];
    long long cases[] = {0, 1, -1, 9, 10, 12345, -987654321, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(want, sizeof want, "%lld", cases[i]);
        assert_int_equal(collab_numtext_int(cases[i], buf), strlen(want));
        assert_string_equal(buf, want);
    }
    collab_numtext_uint(UINT64_MAX, buf);
    assert_string_equal(buf, "18446744073709551615");
    /* every digit count: both sides of each power of ten, and everything below 10^5 */
    unsigned long long power = 1;
    for (int k = 0; k < 20; k++, power *= 10) {
        for (unsigned long long x = power - 1; x <= power + 1; x++) {
            snprintf(want, sizeof want, "%llu", x);
            assert_int_equal(collab_numtext_uint(x, buf), strlen(want));
            assert_string_equal(buf, want);
        }
    }
    for (unsigned long long x = 0; x < 100000; x++) {
        snprintf(want, sizeof want, "%llu", x);
        assert_int_equal(collab_numtext_uint(x, buf), strlen(want));
        assert_string_equal(buf, want);
    }
}

static void test_jsonline_parses_back(void **state)
{
    (void)state;
    const char *hostile =
        "quote \" backslash \\ newline \n tab \t bell \a nul-free \x1f </script> é 中";
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, NULL);
    collab_jsonline j;
    collab_jsonline_init(&j, &b);
    collab_jsonline_begin_object(&j);
    collab_jsonline_key(&j, "name");
    collab_jsonline_string(&j, hostile);
    collab_jsonline_key(&j, "n");
    collab_jsonline_int(&j, -42);
    collab_jsonline_key(&j, "x");
    collab_jsonline_real(&j, 3);
    collab_jsonline_key(&j, "tiny");
    collab_jsonline_real(&j, 1.5e-300);
    collab_jsonline_key(&j, "missing");
    collab_jsonline_real(&j, NAN);
    collab_jsonline_key(&j, "list");
    collab_jsonline_begin_array(&j);
    collab_jsonline_int(&j, 1);
    collab_jsonline_begin_object(&j);
    collab_jsonline_end_object(&j);
    collab_jsonline_string(&j, "");
    collab_jsonline_null(&j);
    collab_jsonline_end_array(&j);
    collab_jsonline_end_object(&j);
    assert_false(j.failed);
    const char *text = collab_i_textbuf_cstr(&b);
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    if (root == NULL) {
        fail_msg("not JSON (%s): %s", error.text, text);
    }
    assert_string_equal(json_string_value(json_object_get(root, "name")), hostile);
    assert_int_equal(json_integer_value(json_object_get(root, "n")), -42);
    assert_true(json_is_real(json_object_get(root, "x"))); /* "3.0", a real */
    assert_true(json_real_value(json_object_get(root, "x")) == 3.0);
    assert_true(json_real_value(json_object_get(root, "tiny")) == 1.5e-300);
    assert_true(json_is_null(json_object_get(root, "missing")));
    json_t *list = json_object_get(root, "list");
    assert_int_equal(json_array_size(list), 4);
    assert_true(json_is_object(json_array_get(list, 1)));
    assert_string_equal(json_string_value(json_array_get(list, 2)), "");
    assert_true(json_is_null(json_array_get(list, 3)));
    json_decref(root);
    /* An ended line: the next starts at depth 0, with no ',' before its first value. */
    assert_true(collab_jsonline_end(&j));
    b.len = 0;
    collab_jsonline_int(&j, 5);
    assert_int_equal(b.len, 1);
    assert_true(collab_i_textbuf_finish(&b));
}

/* A prepared key writes the text collab_jsonline_key writes, in an object of several members:
 * plain keys, empty, UTF-8, the longest that fits, one byte longer, and keys that need escaping. */
static void test_prepared_keys_like_keys(void **state)
{
    (void)state;
    char longest[COLLAB_JSONLINE_KEY_MAX - 2];
    memset(longest, 'k', sizeof longest - 1);
    longest[sizeof longest - 1] = '\0';
    char too_long[COLLAB_JSONLINE_KEY_MAX - 1];
    memset(too_long, 'l', sizeof too_long - 1);
    too_long[sizeof too_long - 1] = '\0';
    /* the first five need no escaping and fit (UTF-8 passes through as it is) */
    const char *keys[] = {"degree",   "",       "a",           longest,
                          "é 中",     too_long, "quote \" in", "back\\slash",
                          "tab\tkey", "x\x01"};
    size_t n = sizeof keys / sizeof keys[0];
    collab_i_textbuf plain;
    collab_i_textbuf ready;
    collab_i_textbuf_init(&plain, NULL);
    collab_i_textbuf_init(&ready, NULL);
    collab_jsonline jp;
    collab_jsonline jr;
    collab_jsonline_init(&jp, &plain);
    collab_jsonline_init(&jr, &ready);
    collab_jsonline_begin_object(&jp);
    collab_jsonline_begin_object(&jr);
    for (size_t i = 0; i < n; i++) {
        collab_jsonline_key_text k;
        collab_jsonline_key_prepare(&k, keys[i]);
        /* prepared in one piece exactly when it needs no escaping and fits */
        assert_int_equal(k.len > 0, i < 5);
        collab_jsonline_key(&jp, keys[i]);
        collab_jsonline_key_ready(&jr, &k);
        collab_jsonline_int(&jp, (long long)i);
        collab_jsonline_int(&jr, (long long)i);
    }
    collab_jsonline_end_object(&jp);
    collab_jsonline_end_object(&jr);
    assert_string_equal(collab_i_textbuf_cstr(&ready), collab_i_textbuf_cstr(&plain));
    json_error_t error;
    json_t *root = json_loads(collab_i_textbuf_cstr(&ready), 0, &error);
    assert_non_null(root);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(json_integer_value(json_object_get(root, keys[i])), (long long)i);
    }
    json_decref(root);
    assert_true(collab_i_textbuf_finish(&plain));
    assert_true(collab_i_textbuf_finish(&ready));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_doubles),
        cmocka_unit_test(test_random_doubles_round_trip_shortest),
        cmocka_unit_test(test_format_real),
        cmocka_unit_test(test_text_like_printf),
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_jsonline_parses_back),
        cmocka_unit_test(test_prepared_keys_like_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
