// The shortest round-trip decimal of a double, from Google's double-conversion (Debian's
// libdouble-conversion), behind a C interface: printf with %.17g and a strtod check per number
// took most of the time of writing a million-node report or export.
#include "collab/numtext.h"

#include <double-conversion/double-to-string.h>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace {

using double_conversion::DoubleToStringConverter;
using double_conversion::StringBuilder;

// printf's %g style: plain decimals from 1e-4 up to 1e17 (exclusive), an exponent of at least
// two digits with its sign otherwise.
const DoubleToStringConverter &converter()
{
    static const DoubleToStringConverter instance(
        DoubleToStringConverter::EMIT_POSITIVE_EXPONENT_SIGN, "inf", "nan", 'e', -4, 17, 0, 0, 2);
    return instance;
}

}  // namespace

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

namespace {

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

}  // namespace

extern "C" size_t collab_numtext_double(double x, char *buf)
{
    size_t whole = whole_number(x, buf);
    if (whole > 0) {
        return whole;
    }
    if (std::isinf(x)) {
        // double-conversion writes "inf" only with a sign flag; keep printf's "-inf".
        const char *text = x < 0 ? "-inf" : "inf";
        std::strcpy(buf, text);
        return std::strlen(text);
    }
    StringBuilder builder(buf, COLLAB_NUMTEXT_MAX);
    converter().ToShortest(x, &builder);
    size_t length = static_cast<size_t>(builder.position());
    builder.Finalize();  // writes the NUL
    return length;
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
        return n;  // has a point already, or is nan/inf
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
