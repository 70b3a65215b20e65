/* Text written by the million (reports, exports): a byte buffer that the writers format whole
 * records into, written to its stream in chunks of about 64 KiB, with appenders for integers,
 * the shortest round-trip decimal of a double and the escaping of each format. Writing each
 * small piece with stdio (fputs, fputc, a number's fwrite) cost about ten times the time of
 * writing the same bytes in large chunks. Private to the engine: no collab/ header exposes it.
 *
 * A buffer without a stream keeps everything and grows: the escapers also serve as "escape into
 * a scratch string" (collab_i_textbuf_cstr). Out of memory is sticky: `failed` is set and
 * nothing more is kept, so writers check once at the end. */
#ifndef COLLAB_TEXTBUF_INTERNAL_H
#define COLLAB_TEXTBUF_INTERNAL_H

#include "collab/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Bytes kept before they go to the stream. */
#define COLLAB_I_TEXTBUF_CHUNK (64 * 1024)

typedef struct collab_i_textbuf {
    FILE *f;         /* where full chunks go (borrowed); NULL: keep everything */
    char *data;      /* pending bytes (collab_malloc'd, not NUL-terminated) */
    size_t len, cap; /* bytes pending and allocated */
    bool failed;     /* out of memory: what followed was dropped */
} collab_i_textbuf;

/* An empty buffer writing to `f` (NULL: none); nothing is allocated until the first byte. */
void collab_i_textbuf_init(collab_i_textbuf *b, FILE *f);
/* Writes what is pending to the stream (if any) and frees the buffer, leaving it zeroed.
 * Returns false when out of memory dropped text (write errors stay in the stream's flag for
 * the output's commit). NULL-safe. */
bool collab_i_textbuf_finish(collab_i_textbuf *b);

/* Writes what is pending to the stream, if there is one. */
void collab_i_textbuf_flush(collab_i_textbuf *b);

/* Formats a block of items [first, end) into `b`; false when it failed (out of memory). */
typedef bool (*collab_i_textbuf_block_fn)(collab_i_textbuf *b, size_t first, size_t end, void *ctx);

/* Appends the items [0, count) to `b` with `format`, `per_block` items at a time. With `threads`
 * above 1 and a stream, that many threads (this one and helpers; 0 = one per core, at most
 * COLLAB_I_TEXTBUF_MAX_THREADS) format blocks at once, each into a buffer of its own, and write
 * them to the stream in order: the same bytes as one thread, in about half the time on two cores,
 * since formatting numbers costs more than writing the bytes. `format` must then only read what
 * it shares. Returns false when a block failed or memory ran out (`b->failed` is set). */
bool collab_i_textbuf_blocks(collab_i_textbuf *b, size_t count, size_t per_block, int threads,
                             collab_i_textbuf_block_fn format, void *ctx);

#define COLLAB_I_TEXTBUF_MAX_THREADS 4

/* Room for `n` more bytes at data + len (the caller writes them and adds to len): the slow path
 * of collab_i_textbuf_reserve, which flushes to the stream first. NULL when out of memory. */
char *collab_i_textbuf_room(collab_i_textbuf *b, size_t n);

static inline char *collab_i_textbuf_reserve(collab_i_textbuf *b, size_t n)
{
    return b->cap - b->len >= n ? b->data + b->len : collab_i_textbuf_room(b, n);
}

static inline void collab_i_textbuf_add(collab_i_textbuf *b, const char *s, size_t n)
{
    char *p = collab_i_textbuf_reserve(b, n);
    if (p != NULL) {
        memcpy(p, s, n);
        b->len += n;
    }
}

static inline void collab_i_textbuf_puts(collab_i_textbuf *b, const char *s)
{
    collab_i_textbuf_add(b, s, strlen(s));
}

static inline void collab_i_textbuf_putc(collab_i_textbuf *b, char c)
{
    char *p = collab_i_textbuf_reserve(b, 1);
    if (p != NULL) {
        *p = c;
        b->len++;
    }
}

/* printf into the buffer: for headers and other few lines, never per element. */
void collab_i_textbuf_printf(collab_i_textbuf *b, const char *fmt, ...) COLLAB_PRINTF(2, 3);

/* The pending text NUL-terminated (the NUL is not counted in len); "" when out of memory. */
const char *collab_i_textbuf_cstr(collab_i_textbuf *b);

/* Numbers, with the texts of collab/numtext.h: collab_numtext_uint, _int, _double (shortest
 * round trip, %g style) and _real (always with a decimal point). */
void collab_i_textbuf_uint(collab_i_textbuf *b, unsigned long long x);
void collab_i_textbuf_int(collab_i_textbuf *b, long long x);
void collab_i_textbuf_double(collab_i_textbuf *b, double x);
void collab_i_textbuf_real(collab_i_textbuf *b, double x);

/* `s` (UTF-8) escaped for XML 1.0 character data and attribute values: & < > " ' become
 * references; tab, line feed and carriage return become &#9; &#10; &#13; so that
 * attribute-value normalisation keeps them; other C0 controls, U+FFFE, U+FFFF and invalid UTF-8
 * bytes become U+FFFD, since XML 1.0 cannot carry them at all. Also valid HTML text. */
void collab_i_textbuf_xml(collab_i_textbuf *b, const char *s);
/* `s` escaped for a GML string (without the quotes). GML is 7-bit ASCII with no backslash
 * escapes: " and & become &quot; and &amp;, every other character outside printable ASCII
 * (controls, DEL, non-ASCII) becomes a decimal &#N; reference, an invalid UTF-8 byte &#65533;. */
void collab_i_textbuf_gml(collab_i_textbuf *b, const char *s);
/* `s` as one CSV field (RFC 4180): quoted when it holds , " CR or LF, quotes doubled; a field
 * that a spreadsheet would take for a formula (first character = + - @ tab CR) is quoted with a
 * ' after the opening quote (collab_report_csv_field). */
void collab_i_textbuf_csv(collab_i_textbuf *b, const char *s);
/* `s` as a quoted JSON string (RFC 8259): quote, backslash, \n, \t, other C0 controls as
 * \u00XX; everything else, UTF-8 included, as it is. */
void collab_i_textbuf_json(collab_i_textbuf *b, const char *s);

#endif
