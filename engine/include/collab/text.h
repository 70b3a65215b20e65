/* UTF-8 text helpers shared by the reader and the reports: validation, NFC normalisation with
 * trimming (and case folding for keys), and display width for aligned terminal tables.
 * Built on utf8proc; nothing here allocates except through the caller's scratch buffer. */
#ifndef COLLAB_TEXT_H
#define COLLAB_TEXT_H

#include "collab/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A growable scratch buffer owned by the caller; zero-initialise, release with
 * collab_text_scratch_free. */
typedef struct collab_text_scratch {
    void *data;      /* the buffer (collab_malloc'd) */
    size_t capacity; /* its size in bytes */
} collab_text_scratch;

void collab_text_scratch_free(collab_text_scratch *scratch);

/* Byte offset of the first invalid UTF-8 sequence in `s[0..len)`, or `len` when it is valid. */
size_t collab_text_invalid_utf8(const char *s, size_t len);

/* Normalises `s[0..len)`, which must be valid UTF-8: NFC, surrounding white space (Unicode Zs,
 * ASCII controls) trimmed, and with `casefold` case-folded too (used for roles and column names).
 * `*out` points into `scratch` (or into `s` when nothing changes) and is valid until the next
 * call with the same scratch. Returns COLLAB_E_NOMEM (message set) on allocation failure. */
collab_status collab_text_normalize(const char *s, size_t len, bool casefold,
                                    collab_text_scratch *scratch, const char **out, size_t *out_len,
                                    collab_error *err);

/* Number of characters (code points) in the first `len` bytes of valid UTF-8 `s`. */
size_t collab_text_count_chars(const char *s, size_t len);

/* Width in terminal columns of valid UTF-8 `s` (CJK wide characters count 2, combining marks 0). */
size_t collab_text_display_width(const char *s, size_t len);

/* Writes `s` for a terminal: control characters (C0, DEL, C1) and invalid bytes become U+FFFD,
 * so text from an input file cannot send escape sequences to the terminal. When `max_width` > 0
 * and the text is wider, it is cut with an ellipsis to `max_width` columns. With `f` NULL it
 * only measures. Returns the columns written. */
size_t collab_text_write_terminal(FILE *f, const char *s, size_t max_width);

/* collab_text_write_terminal without a width limit. */
void collab_text_fputs_safe(FILE *f, const char *s);

/* Writes `s` as HTML/XML character data that is also safe inside a quoted attribute value (either
 * quote): & < > " ' become character references, so a name can neither open an element nor close
 * an attribute. Tab, line feed and carriage return become spaces; other control characters (C0,
 * DEL, C1), U+FFFE, U+FFFF and invalid UTF-8 bytes become U+FFFD, because XML forbids most of them
 * (an inline SVG must stay well-formed) and HTML flags them as parse errors. When `max_chars` > 0
 * and `s` has more characters (grapheme clusters), it is cut at a cluster boundary to
 * `max_chars` - 1 of them followed by '…'. Returns true when it was cut. */
bool collab_text_write_xml(FILE *f, const char *s, size_t max_chars);

/* The first occurrence of needle (n bytes, n > 0) in s (len bytes), or NULL. */
const char *collab_text_find(const char *s, size_t len, const char *needle, size_t n);

/* Levenshtein distance between byte strings a and b, or `limit` as soon as it cannot be below
 * `limit` (and for strings longer than COLLAB_TEXT_EDIT_MAX bytes). No allocation. */
#define COLLAB_TEXT_EDIT_MAX 256
size_t collab_text_edit_distance(const char *a, const char *b, size_t limit);

/* The file name of `path`: what follows its last '/' (the whole path when there is none or nothing
 * follows it). Borrowed from
 * `path`. Reports show it instead of the user's folders. */
const char *collab_text_base_name(const char *path);

#endif
