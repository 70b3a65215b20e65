/* Private interface of the CSV row reader (csvread.c), shared by the load_*.c files. */
#ifndef COLLAB_CSVREAD_INTERNAL_H
#define COLLAB_CSVREAD_INTERNAL_H

#include "collab/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One row as delivered to the row callback. Everything is borrowed and valid only during the
 * callback. */
typedef struct collab_i_csv_row {
    const char **fields; /* n_fields NUL-terminated fields, quotes removed */
    size_t *lengths;     /* their lengths in bytes */
    size_t n_fields;     /* number of fields */
    long line;           /* physical line where the row began */
    char *raw;           /* the row's raw bytes as read, from its first line on */
    size_t raw_len;      /* bytes in raw */
    size_t raw_cap;      /* allocated bytes */
} collab_i_csv_row;

typedef collab_status (*collab_i_csv_row_fn)(const collab_i_csv_row *row, void *ctx,
                                             collab_error *err);

typedef struct collab_i_csv_source {
    const char *display_name; /* file name for messages */
    char delimiter;           /* field delimiter */
    size_t max_field_bytes;   /* longest field accepted */
    size_t max_row_bytes;     /* longest row (raw bytes, line ends included) accepted */
    size_t max_columns;       /* most fields per row */
    collab_i_csv_row_fn on_row; /* called for every non-blank row; a non-OK return stops */
    /* When set, a quoting error in a row is passed here instead of stopping: the rest of that
     * physical line is dropped and reading resumes on the next line. */
    void (*on_syntax_warning)(const collab_error *warning, void *ctx);
    void *ctx;                /* passed to on_row */
    /* Tests only: parse every line with libcsv, also those the reader splits by hand. */
    bool libcsv_only;
} collab_i_csv_source;

/* Bytes read from a stream at a time. */
#define COLLAB_I_CSV_BLOCK_BYTES ((size_t)1 << 18)

/* A reader fed the input block by block, in order. */
typedef struct collab_i_csv_reader collab_i_csv_reader;

/* Starts a reader at line 1 of `src`'s input; errors will go to `err` (kept until freed). */
collab_status collab_i_csv_reader_new(collab_i_csv_reader **out, const collab_i_csv_source *src,
                                      collab_error *err);

/* Reads the next `len` bytes of the input (blocks may cut lines and rows anywhere), delivering the
 * rows they complete. Returns the reader's status: after the first error, nothing more is read. */
collab_status collab_i_csv_reader_feed(collab_i_csv_reader *r, const char *bytes, size_t len);

/* End of input: delivers a last row without a line end, or reports an unterminated quote. */
collab_status collab_i_csv_reader_finish(collab_i_csv_reader *r);

/* Whether the bytes fed so far end exactly between two rows (after a line end, outside quotes,
 * with no error): a reader started afresh at the next byte would read what this one would. */
bool collab_i_csv_reader_between_rows(const collab_i_csv_reader *r);

/* The physical line of the next byte to be fed. */
long collab_i_csv_reader_line(const collab_i_csv_reader *r);

/* Frees the reader; NULL-safe. */
void collab_i_csv_reader_free(collab_i_csv_reader *r);

/* The offset of the first line end (CR or LF) in block[i, len), else len; sets *quote when a '"'
 * comes before it (leaves it alone otherwise). */
size_t collab_i_csv_find_line_end(const char *block, size_t i, size_t len, bool *quote);

/* The delimiter among , ; tab | that splits the sample's lines most consistently (',' if none). */
char collab_i_csv_detect_delimiter(const char *sample, size_t len);

/* Line and 1-based character column of byte `offset` of the row's raw text. */
void collab_i_csv_position(const collab_i_csv_row *row, size_t offset, long *line, long *column);

/* Byte offset in the row's raw text where field `index` starts. */
size_t collab_i_csv_field_offset(const collab_i_csv_row *row, size_t index, char delimiter);

#endif
