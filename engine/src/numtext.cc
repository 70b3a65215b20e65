// The shortest round-trip decimal of a double, from the C++17 std::to_chars (libstdc++'s Ryu),
// behind a C interface: printf with %.17g and a strtod check per number took most of the time of
// writing a million-node report or export, and libdouble-conversion's Grisu3 (used here before)
// took about twice as long per number as to_chars. The text is the one double-conversion wrote
// (its ToShortest in printf's %g style): to_chars gives the same shortest digits, checked on 20
// million doubles (random bits, subnormals, typical metric values) with no difference.
#include "collab/numtext.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

extern "C" size_t collab_numtext_uint(unsigned long long x, char *buf)
{
    // Two digits per division, from the end: ids and counts are most of what is written.
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    size_t n = 1;
    for (unsigned long long t = x; t >= 10; t /= 10) {
        n++;
    }
    buf[n] = '\0';
    char *p = buf + n;
    while (x >= 100) {
        unsigned d = static_cast<unsigned>(x % 100) * 2;
        x /= 100;
        *--p = pairs[d + 1];
        *--p = pairs[d];
    }
    if (x >= 10) {
        unsigned d = static_cast<unsigned>(x) * 2;
        *--p = pairs[d + 1];
        *--p = pairs[d];
    } else {
        *--p = static_cast<char>('0' + x);
    }
    return n;
}

extern "C" size_t collab_numtext_int(long long x, char *buf)
{
    if (x >= 0) {
        return collab_numtext_uint(static_cast<unsigned long long>(x), buf);
    }
    buf[0] = '-';
    // 0 - (unsigned) x is |x| even for LLONG_MIN.
    return 1 + collab_numtext_uint(0ULL - static_cast<unsigned long long>(x), buf + 1);
}

namespace
{

// Whole numbers (counts, weights, degrees) are most of what is written: below 1e15 in magnitude
// the shortest round trip of an integer-valued double is its integer (the doubles there are at
// most 1/8 apart), so no digit search. Returns 0 when `x` is not such a number.
size_t whole_number(double x, char *buf)
{
    if (x > 0 && x < 1e15 && x == std::floor(x)) {
        return collab_numtext_uint(static_cast<unsigned long long>(x), buf);
    }
    if (x < 0 && x > -1e15 && x == std::floor(x)) {
        buf[0] = '-';
        return 1 + collab_numtext_uint(static_cast<unsigned long long>(-x), buf + 1);
    }
    return 0;
}

// printf's %g style on the scientific text "d.ddde-07" of to_chars: plain decimals when the
// exponent is in [-4, 17) ("1.5e-07" stays, "2.5e+02" becomes "250"), the scientific text (whose
// exponent has a sign and at least two digits) otherwise.
size_t g_style(const char *sci, size_t n, char *buf)
{
    char *out = buf;
    const char *p = sci;
    if (*p == '-') {
        *out++ = *p++;
    }
    const char *e =
        static_cast<const char *>(std::memchr(p, 'e', n - static_cast<size_t>(p - sci)));
    int exponent = 0;
    for (const char *q = e + 2; q < sci + n; q++) {
        exponent = exponent * 10 + (*q - '0');
    }
    if (e[1] == '-') {
        exponent = -exponent;
    }
    if (exponent < -4 || exponent >= 17) {
        size_t k = n - static_cast<size_t>(p - sci);
        std::memcpy(out, p, k);
        out[k] = '\0';
        return static_cast<size_t>(out + k - buf);
    }
    char digits[24];
    size_t n_digits = 0;
    for (const char *q = p; q < e; q++) {
        if (*q != '.') {
            digits[n_digits++] = *q;
        }
    }
    int point = exponent + 1; // digits before the decimal point
    if (point <= 0) {
        *out++ = '0';
        *out++ = '.';
        std::memset(out, '0', static_cast<size_t>(-point));
        out += -point;
        std::memcpy(out, digits, n_digits);
        out += n_digits;
    } else if (static_cast<size_t>(point) >= n_digits) {
        std::memcpy(out, digits, n_digits);
        out += n_digits;
        std::memset(out, '0', static_cast<size_t>(point) - n_digits);
        out += static_cast<size_t>(point) - n_digits;
    } else {
        std::memcpy(out, digits, static_cast<size_t>(point));
        out += point;
        *out++ = '.';
        std::memcpy(out, digits + point, n_digits - static_cast<size_t>(point));
        out += n_digits - static_cast<size_t>(point);
    }
    *out = '\0';
    return static_cast<size_t>(out - buf);
}

} // namespace

extern "C" size_t collab_numtext_double(double x, char *buf)
{
    size_t whole = whole_number(x, buf);
    if (whole > 0) {
        return whole;
    }
    if (!std::isfinite(x)) {
        // printf's texts, without the sign of a NaN
        const char *text = std::isnan(x) ? "nan" : x < 0 ? "-inf" : "inf";
        std::strcpy(buf, text);
        return std::strlen(text);
    }
    char sci[COLLAB_NUMTEXT_MAX];
    std::to_chars_result r = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
    return g_style(sci, static_cast<size_t>(r.ptr - sci), buf);
}

extern "C" size_t collab_numtext_real(double x, char *buf)
{
    size_t n = whole_number(x, buf);
    if (n > 0) {
        std::memcpy(buf + n, ".0", 3);
        return n + 2;
    }
    n = collab_numtext_double(x, buf);
    if (std::memchr(buf, '.', n) != nullptr || std::memchr(buf, 'n', n) != nullptr) {
        return n; // has a point already, or is nan/inf
    }
    char *e = static_cast<char *>(std::memchr(buf, 'e', n));
    if (e == nullptr) {
        std::memcpy(buf + n, ".0", 3);
        return n + 2;
    }
    // "1e+21" -> "1.0e+21"
    std::memmove(e + 2, e, std::strlen(e) + 1);
    e[0] = '.';
    e[1] = '0';
    return n + 2;
}

extern "C" void collab_numtext_put_uint(FILE *f, unsigned long long x)
{
    char buf[COLLAB_NUMTEXT_MAX];
    std::fwrite(buf, 1, collab_numtext_uint(x, buf), f);
}

extern "C" void collab_numtext_put_int(FILE *f, long long x)
{
    char buf[COLLAB_NUMTEXT_MAX];
    std::fwrite(buf, 1, collab_numtext_int(x, buf), f);
}

extern "C" void collab_numtext_put_double(FILE *f, double x)
{
    char buf[COLLAB_NUMTEXT_MAX];
    std::fwrite(buf, 1, collab_numtext_double(x, buf), f);
}

extern "C" void collab_numtext_put_real(FILE *f, double x)
{
    char buf[COLLAB_NUMTEXT_MAX];
    std::fwrite(buf, 1, collab_numtext_real(x, buf), f);
}
