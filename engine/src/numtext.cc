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
    // Two digits per division, from the end of a scratch buffer, then one copy: ids and counts
    // are most of what is written, and counting the digits first cost a division per digit.
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char digits[24];
    char *end = digits + sizeof digits;
    char *p = end;
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
    size_t n = static_cast<size_t>(end - p);
    std::memcpy(buf, p, n);
    buf[n] = '\0';
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

// The shortest round trip of a finite `x` that is not a whole number below 1e15, in printf's %g
// style, from the scientific text "d.ddde-07" of to_chars: plain decimals when the exponent is in
// [-4, 17) ("1.5e-07" stays, "2.5e+02" becomes "250"), the scientific text (whose exponent has a
// sign and two or three digits) otherwise. With `real`, a mantissa without a decimal point gets
// ".0" ("1.0e+21", "1e16" as "10000000000000000.0"). Copies the digits straight from the
// scientific text, which ends in "e+DD" or "e+DDD" and has its point after the first digit.
size_t shortest(double x, char *buf, bool real)
{
    char sci[COLLAB_NUMTEXT_MAX];
    std::to_chars_result r = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
    const char *end = r.ptr;
    const char *p = sci;
    char *out = buf;
    if (*p == '-') {
        *out++ = *p++;
    }
    const char *e = end[-4] == 'e' ? end - 4 : end - 5;
    int exponent = (e[2] - '0') * 10 + (e[3] - '0');
    if (e + 4 < end) {
        exponent = exponent * 10 + (e[4] - '0');
    }
    if (e[1] == '-') {
        exponent = -exponent;
    }
    size_t mantissa = static_cast<size_t>(e - p);  // "d" or "d.ddd"
    size_t frac = mantissa > 1 ? mantissa - 2 : 0; // digits after the first, at p + 2
    if (exponent < -4 || exponent >= 17) {
        std::memcpy(out, p, mantissa);
        out += mantissa;
        if (real && mantissa == 1) {
            *out++ = '.';
            *out++ = '0';
        }
        size_t k = static_cast<size_t>(end - e);
        std::memcpy(out, e, k);
        out += k;
    } else if (exponent < 0) {
        *out++ = '0';
        *out++ = '.';
        std::memset(out, '0', static_cast<size_t>(-exponent - 1));
        out += -exponent - 1;
        *out++ = p[0];
        std::memcpy(out, p + 2, frac);
        out += frac;
    } else if (static_cast<size_t>(exponent) >= frac) {
        *out++ = p[0];
        std::memcpy(out, p + 2, frac);
        out += frac;
        std::memset(out, '0', static_cast<size_t>(exponent) - frac);
        out += static_cast<size_t>(exponent) - frac;
        if (real) {
            *out++ = '.';
            *out++ = '0';
        }
    } else {
        size_t whole = static_cast<size_t>(exponent);
        *out++ = p[0];
        std::memcpy(out, p + 2, whole);
        out += whole;
        *out++ = '.';
        std::memcpy(out, p + 2 + whole, frac - whole);
        out += frac - whole;
    }
    *out = '\0';
    return static_cast<size_t>(out - buf);
}

// printf's texts for NaN (without its sign) and the infinities.
size_t not_finite(double x, char *buf)
{
    const char *text = std::isnan(x) ? "nan" : x < 0 ? "-inf" : "inf";
    std::strcpy(buf, text);
    return std::strlen(text);
}

} // namespace

extern "C" size_t collab_numtext_double(double x, char *buf)
{
    size_t whole = whole_number(x, buf);
    if (whole > 0) {
        return whole;
    }
    return std::isfinite(x) ? shortest(x, buf, false) : not_finite(x, buf);
}

extern "C" size_t collab_numtext_real(double x, char *buf)
{
    size_t n = whole_number(x, buf);
    if (n > 0) {
        std::memcpy(buf + n, ".0", 3);
        return n + 2;
    }
    return std::isfinite(x) ? shortest(x, buf, true) : not_finite(x, buf);
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
