/* Numbers as text for the writers that print them by the million (reports, exports): the
 * shortest decimal that reads back to the same double, and integers, without printf. */
#ifndef COLLAB_NUMTEXT_H
#define COLLAB_NUMTEXT_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Room for any number written here, with its terminating NUL. */
#define COLLAB_NUMTEXT_MAX 32

/* Writes `x` into `buf` (COLLAB_NUMTEXT_MAX bytes) in the fewest significant digits that read
 * back (strtod) to the same double, in printf's %g style: "0.1", "3", "-0", "1.5e-07",
 * "1e+21"; "nan", "inf", "-inf" for those. Returns the length, without the NUL. */
size_t collab_numtext_double(double x, char *buf);

/* The same, always written as a real: the mantissa has a decimal point ("3.0", "1.0e+21"), so
 * that readers which type numbers by their text (GML, JSON) read a double back, not an integer.
 * NaN and infinities as in collab_numtext_double. */
size_t collab_numtext_real(double x, char *buf);

/* Writes the unsigned integer `x` into `buf`; returns the length. */
size_t collab_numtext_uint(unsigned long long x, char *buf);

/* Writes the integer `x` into `buf`; returns the length. */
size_t collab_numtext_int(long long x, char *buf);

/* The same straight to a stream. Writers of millions of numbers use these rather than printf:
 * libquadmath, loaded under igraph's BLAS, registers printf handlers, which sends every printf
 * call down glibc's slow positional path. */
void collab_numtext_put_uint(FILE *f, unsigned long long x);
void collab_numtext_put_int(FILE *f, long long x);
void collab_numtext_put_double(FILE *f, double x);
void collab_numtext_put_real(FILE *f, double x);

#ifdef __cplusplus
}
#endif

#endif
