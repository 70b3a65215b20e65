/* JSON written straight to text, for the writers that emit one object per node or edge
 * (report.json, the JSON exports) by the million: no tree of values, no allocation per value.
 * Strings are escaped as RFC 8259 asks (quote, backslash, C0 controls as \u00XX; UTF-8 passes
 * through); numbers are the shortest text that reads back to the same double. The text goes
 * into a collab_i_textbuf (textbuf_internal.h), between whatever else the writer puts there.
 * Private to the engine (report.c, export_json.c): no collab/ header exposes it. */
#ifndef COLLAB_JSONLINE_INTERNAL_H
#define COLLAB_JSONLINE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "textbuf_internal.h"

#define COLLAB_JSONLINE_DEPTH 8

typedef struct collab_jsonline {
    collab_i_textbuf *out;                 /* where the text goes (borrowed) */
    int depth;                             /* open objects and arrays */
    bool has_value[COLLAB_JSONLINE_DEPTH]; /* a value was written at that depth: next needs ',' */
    bool after_key;                        /* a key was just written: no ',' before its value */
    bool failed;                           /* nested too deep */
} collab_jsonline;

/* A writer at depth 0 appending to `out` (borrowed; nothing to free). */
void collab_jsonline_init(collab_jsonline *j, collab_i_textbuf *out);

void collab_jsonline_begin_object(collab_jsonline *j);
void collab_jsonline_end_object(collab_jsonline *j);
void collab_jsonline_begin_array(collab_jsonline *j);
void collab_jsonline_end_array(collab_jsonline *j);
/* The key of the next value in an object. */
void collab_jsonline_key(collab_jsonline *j, const char *key);

/* A key made ready once for a writer that writes it by the million (a metric's name on every
 * node): its JSON text, quotes and colon included, copied in one fixed-size move. */
#define COLLAB_JSONLINE_KEY_MAX 48
typedef struct collab_jsonline_key_text {
    const char *key;                    /* the key (borrowed) */
    size_t len;                         /* bytes of `text`; 0: written as collab_jsonline_key */
    char text[COLLAB_JSONLINE_KEY_MAX]; /* "\"key\":" when it needs no escaping and fits */
} collab_jsonline_key_text;

/* Makes `k` ready for `key` (borrowed: it must outlive `k`). */
void collab_jsonline_key_prepare(collab_jsonline_key_text *k, const char *key);
/* Writes the key `k` was made for: the same text as collab_jsonline_key. */
void collab_jsonline_key_ready(collab_jsonline *j, const collab_jsonline_key_text *k);
void collab_jsonline_string(collab_jsonline *j, const char *s);
void collab_jsonline_int(collab_jsonline *j, long long x);
/* A real always shows as one ("3.0", "1.0e+21": collab_numtext_real); NaN and infinities become
 * null. */
void collab_jsonline_real(collab_jsonline *j, double x);
void collab_jsonline_null(collab_jsonline *j);
/* A number already written as text (`len` bytes of collab/numtext.h), for a value written more
 * than once: formatting it again would cost more than the copy. */
void collab_jsonline_number(collab_jsonline *j, const char *text, size_t len);

/* Ends the value written so far (a line): the next one starts at depth 0 with no ','. Returns
 * false when it was nested too deep or `out` ran out of memory. */
bool collab_jsonline_end(collab_jsonline *j);

#endif
