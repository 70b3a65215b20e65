// Numbers as text for the writers that print them by the million. The shortest round-trip
// decimal of a double comes from Dragonbox (Jeon, 2020), as {fmt} implements it: the digits as an
// integer and a decimal exponent, which this file lays out in printf's %g style. Before, the
// digits came from std::to_chars (libstdc++'s Ryu) in scientific text: 33 ns a double here,
// against 9.5 ns for Dragonbox with its full table of powers of ten; libdouble-conversion's
// Grisu3, used before that, took twice as long again. The text is the same as both wrote (the
// unit tests compare it with printf's digits). {fmt} gives the digits only through its detail
// namespace: the version is pinned by CMake (find_package(fmt 9)), and fmt's own formatting,
// which would be public, spends more on its format machinery than the digits cost.
#include "collab/numtext.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

// Header-only, with the full table of 128-bit powers of ten (10 KB): the compressed table
// computes each entry with more multiplications (15 ns a double against 9.5 ns here).
#define FMT_USE_FULL_CACHE_DRAGONBOX 1
#include <fmt/format.h>

namespace
{

const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                     "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                     "8081828384858687888990919293949596979899";

// How many decimal digits `s` has, for s >= 1.
int digit_count(uint64_t s)
{
    static const uint64_t powers[] = {1ULL,
                                      10ULL,
                                      100ULL,
                                      1000ULL,
                                      10000ULL,
                                      100000ULL,
                                      1000000ULL,
                                      10000000ULL,
                                      100000000ULL,
                                      1000000000ULL,
                                      10000000000ULL,
                                      100000000000ULL,
                                      1000000000000ULL,
                                      10000000000000ULL,
                                      100000000000000ULL,
                                      1000000000000000ULL,
                                      10000000000000000ULL,
                                      100000000000000000ULL,
                                      1000000000000000000ULL,
                                      10000000000000000000ULL};
    int bits = 64 - __builtin_clzll(s | 1);
    int guess = (bits * 1233) >> 12;     // floor(log10(2^bits)), one less than the count or equal
    return guess + (s >= powers[guess]); // guess <= 19: 2^64 - 1 has 20 digits
}

} // namespace

extern "C" size_t collab_numtext_uint(unsigned long long x, char *buf)
{
    // Ids and counts are most of what is written. The digits are counted first (a table, no
    // division), then written in place from the last, two per division: building them in a
    // scratch buffer cost a memcpy call of a variable size per number.
    int n = x == 0 ? 1 : digit_count(x);
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
    return static_cast<size_t>(n);
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
    // A conversion to an integer and back rather than floor, which is a library call without
    // SSE4.1 and showed in the profile. Zero is left to shortest, which keeps the sign of -0.
    if (x != 0 && x > -1e15 && x < 1e15) {
        auto whole = static_cast<long long>(x);
        if (static_cast<double>(whole) == x) {
            return collab_numtext_int(whole, buf);
        }
    }
    return 0;
}

// The eight digits of `v` < 10^8 as ASCII, first digit in the lowest byte: split into lanes
// (4 + 4 digits, then 2 + 2, then 1 + 1) by multiplications that divide every lane at once, so
// no chain of divisions (Lemire's SWAR conversion). The constants divide exactly in range:
// x * 10486 >> 20 is x / 100 for x < 10^4, x * 103 >> 10 is x / 10 for x < 100.
uint64_t eight_digits(uint32_t v)
{
    uint64_t high = v / 10000;
    uint64_t x = high | (static_cast<uint64_t>(v - high * 10000) << 32);
    uint64_t y = ((x * 10486) >> 20) & 0x0000007F0000007FULL;
    x = y | ((x - y * 100) << 16);
    y = ((x * 103) >> 10) & 0x000F000F000F000FULL;
    x = y | ((x - y * 10) << 8);
    return x | 0x3030303030303030ULL;
}

// Copies `n` <= 24 bytes with fixed-size moves that may overlap: a memcpy call of a variable
// size showed in the profile.
void copy_short(char *out, const char *from, int n)
{
    if (n >= 16) {
        std::memcpy(out, from, 16);
        std::memcpy(out + n - 16, from + n - 16, 16);
    } else if (n >= 8) {
        std::memcpy(out, from, 8);
        std::memcpy(out + n - 8, from + n - 8, 8);
    } else {
        for (int i = 0; i < n; i++) {
            out[i] = from[i];
        }
    }
}

// The `n` digits of `s` < 10^17 (Dragonbox's significand) at `out`.
void put_significand(uint64_t s, int n, char *out)
{
    // digits[7] is the 17th digit from the end, digits[8..23] the last sixteen
    char digits[24];
    uint64_t high = s / 100000000;
    uint64_t top = high / 100000000;
    uint64_t middle = eight_digits(static_cast<uint32_t>(high - top * 100000000));
    uint64_t low = eight_digits(static_cast<uint32_t>(s - high * 100000000));
    digits[7] = static_cast<char>('0' + top);
    std::memcpy(digits + 8, &middle, 8);
    std::memcpy(digits + 16, &low, 8);
    copy_short(out, digits + 24 - n, n);
}

// The shortest round trip of a finite `x` that is not a whole number below 1e15, in printf's %g
// style: plain decimals when the exponent of the first digit is in [-4, 17) ("1.5e-07" stays,
// 2.5e+02 is "250"), else scientific with a signed exponent of at least two digits. With `real`,
// a mantissa without a decimal point gets ".0" ("1.0e+21", 1e16 as "10000000000000000.0").
size_t shortest(double x, char *buf, bool real)
{
    if (x == 0) { // Dragonbox takes no zero
        size_t n = 0;
        if (std::signbit(x)) {
            buf[n++] = '-';
        }
        std::memcpy(buf + n, real ? "0.0" : "0", real ? 4 : 2);
        return n + (real ? 3 : 1);
    }
    auto decimal = fmt::detail::dragonbox::to_decimal(x);
    int n = digit_count(decimal.significand);
    int exponent = decimal.exponent + n - 1; // of the first digit
    char *out = buf;
    if (std::signbit(x)) {
        *out++ = '-';
    }
    // The digits are written where they go, and moved one place at most: a memcpy call per part
    // cost as much as the digits.
    if (exponent < -4 || exponent >= 17) {
        put_significand(decimal.significand, n, out + 1);
        out[0] = out[1];
        if (n > 1) {
            out[1] = '.';
            out += n + 1;
        } else if (real) {
            out[1] = '.';
            out[2] = '0';
            out += 3;
        } else {
            out += 1;
        }
        *out++ = 'e';
        *out++ = exponent < 0 ? '-' : '+';
        unsigned e = static_cast<unsigned>(exponent < 0 ? -exponent : exponent);
        if (e >= 100) {
            *out++ = static_cast<char>('0' + e / 100);
            e %= 100;
        }
        out[0] = pairs[e * 2];
        out[1] = pairs[e * 2 + 1];
        out += 2;
    } else if (exponent < 0) {
        *out++ = '0';
        *out++ = '.';
        for (int i = -1; i > exponent; i--) {
            *out++ = '0';
        }
        put_significand(decimal.significand, n, out);
        out += n;
    } else if (exponent + 1 >= n) {
        put_significand(decimal.significand, n, out);
        out += n;
        for (int i = n; i <= exponent; i++) {
            *out++ = '0';
        }
        if (real) {
            *out++ = '.';
            *out++ = '0';
        }
    } else {
        put_significand(decimal.significand, n, out);
        for (int i = n; i > exponent + 1; i--) {
            out[i] = out[i - 1];
        }
        out[exponent + 1] = '.';
        out += n + 1;
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
