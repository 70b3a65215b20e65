/* A position-tracking CSV row reader over libcsv.
 *
 * libcsv tracks no positions and skips blank rows, so this reader feeds it one physical line at a
 * time (LF, CRLF or CR ends), keeping the raw bytes of the row in progress. When a row completes,
 * the raw text lets us find the line and column of any field; when libcsv stops on a syntax error,
 * the count of bytes it accepted gives the position. Rows are delivered to a callback as arrays
 * of NUL-terminated fields. Only this file includes <csv.h>. */
#include "csvread_internal.h"

#include "collab/alloc.h"
#include "collab/text.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <csv.h>

struct collab_i_csv_reader {
    collab_i_csv_source src;  /* caller's configuration */
    struct csv_parser csv;    /* libcsv state */
    collab_error *err;        /* where the first error goes */
    collab_status status;     /* COLLAB_OK until something fails */
    long line;                /* physical line being fed, 1-based */
    bool awaiting_row;        /* no row in progress: the next line starts one */
    bool discard_line;        /* after a skipped syntax error: ignore the rest of this line */
    bool mid_line;            /* the bytes fed so far end inside a physical line */
    bool pending_cr;          /* ... end with a CR whose LF may start the next block */
    collab_i_csv_row row;     /* the row in progress */
    size_t field_cap;         /* allocated entries in row.fields / row.lengths */
    char *field_bytes;        /* copies of the row's fields, back to back */
    size_t field_bytes_len;   /* bytes used */
    size_t field_bytes_cap;   /* bytes allocated */
    size_t *field_offsets;    /* offset of each field in field_bytes */
};
typedef struct collab_i_csv_reader reader;

static bool is_space_not_tab(unsigned char c)
{
    return c == ' ';
}

static int csv_space_only(unsigned char c)
{
    return is_space_not_tab(c);
}

static bool is_line_end(char c)
{
    return c == '\n' || c == '\r';
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The bytes of `w` equal to `c`, as the high bit of each. The lowest bit set is exact; a bit
 * above a true match may be set by the borrow, never one below it. */
static uint64_t bytes_equal(uint64_t w, unsigned char c)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    uint64_t x = w ^ (ones * c);
    return (x - ones) & ~x & (ones << 7);
}
#endif

/* Eight bytes at a time where the byte order allows: a loop over bytes was the largest single
 * cost of reading a plain file. */
size_t collab_i_csv_find_line_end(const char *block, size_t i, size_t len, bool *quote)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (len - i >= 8) {
        uint64_t w;
        memcpy(&w, block + i, sizeof w);
        uint64_t ends = bytes_equal(w, '\n') | bytes_equal(w, '\r');
        uint64_t quotes = bytes_equal(w, '"');
        if (ends != 0) {
            /* a false quote bit needs a true quote below it, so none below the end is false */
            *quote = *quote || (quotes & ((ends & (0 - ends)) - 1)) != 0;
            return i + (size_t)__builtin_ctzll(ends) / 8;
        }
        *quote = *quote || quotes != 0;
        i += 8;
    }
#endif
    while (i < len && !is_line_end(block[i])) {
        *quote = *quote || block[i] == '"';
        i++;
    }
    return i;
}

/* Position of byte `offset` of the raw row text: the line (counting line ends before it from
 * row.line) and the 1-based column in characters. */
void collab_i_csv_position(const collab_i_csv_row *row, size_t offset, long *line, long *column)
{
    long l = row->line;
    size_t line_start = 0;
    for (size_t i = 0; i < offset && i < row->raw_len; i++) {
        char c = row->raw[i];
        if (c == '\r' && i + 1 < row->raw_len && row->raw[i + 1] == '\n') {
            continue;
        }
        if (is_line_end(c)) {
            l++;
            line_start = i + 1;
        }
    }
    if (offset > row->raw_len) {
        offset = row->raw_len;
    }
    *line = l;
    *column = (long)collab_text_count_chars(row->raw + line_start, offset - line_start) + 1;
}

/* Byte offset in the raw row text where field `index` starts (for a field past the end: the end
 * of the row's text, before its line end). Quotes are balanced here because libcsv accepted the
 * row in strict mode, so toggling on every quote tracks "inside quotes" exactly. */
size_t collab_i_csv_field_offset(const collab_i_csv_row *row, size_t index, char delimiter)
{
    size_t field = 0;
    bool quoted = false;
    size_t end = row->raw_len;
    while (end > 0 && is_line_end(row->raw[end - 1])) {
        end--;
    }
    if (index == 0) {
        return 0;
    }
    for (size_t i = 0; i < end; i++) {
        char c = row->raw[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (c == delimiter && !quoted) {
            field++;
            if (field == index) {
                return i + 1;
            }
        }
    }
    return end;
}

static collab_status fail_at_offset(reader *r, collab_status st, size_t offset, const char *what)
{
    long line;
    long column;
    collab_i_csv_position(&r->row, offset, &line, &column);
    r->status = st;
    return collab_error_set_at(r->err, st, r->src.display_name, line, column, "%s", what);
}

static void on_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    if (r->status != COLLAB_OK) {
        return;
    }
    if (len > r->src.max_field_bytes) {
        size_t offset = collab_i_csv_field_offset(&r->row, r->row.n_fields, r->src.delimiter);
        char msg[160];
        snprintf(msg, sizeof msg, "field longer than %zu bytes (raise the limit with --max-field-bytes)",
                 r->src.max_field_bytes);
        fail_at_offset(r, COLLAB_E_LIMIT, offset, msg);
        return;
    }
    if (r->row.n_fields >= r->src.max_columns) {
        size_t offset = collab_i_csv_field_offset(&r->row, r->row.n_fields, r->src.delimiter);
        char msg[160];
        snprintf(msg, sizeof msg, "more than %zu columns (raise the limit with --max-columns)",
                 r->src.max_columns);
        fail_at_offset(r, COLLAB_E_LIMIT, offset, msg);
        return;
    }
    if (r->row.n_fields == r->field_cap) {
        size_t cap = r->field_cap == 0 ? 16 : r->field_cap * 2;
        size_t *offsets = collab_realloc_array(r->field_offsets, cap, sizeof *offsets);
        if (offsets != NULL) {
            r->field_offsets = offsets;
        }
        size_t *lengths = collab_realloc_array(r->row.lengths, cap, sizeof *lengths);
        if (lengths != NULL) {
            r->row.lengths = lengths;
        }
        const char **fields = collab_realloc_array(r->row.fields, cap, sizeof *fields);
        if (fields != NULL) {
            r->row.fields = fields;
        }
        if (offsets == NULL || lengths == NULL || fields == NULL) {
            r->status = collab_error_set(r->err, COLLAB_E_NOMEM, "out of memory reading a row");
            return;
        }
        r->field_cap = cap;
    }
    if (!collab_grow_array((void **)&r->field_bytes, &r->field_bytes_cap,
                           r->field_bytes_len + len + 1, 1)) {
        r->status = collab_error_set(r->err, COLLAB_E_NOMEM, "out of memory reading a row");
        return;
    }
    if (len > 0) {
        memcpy(r->field_bytes + r->field_bytes_len, data, len);
    }
    r->field_bytes[r->field_bytes_len + len] = '\0';
    r->field_offsets[r->row.n_fields] = r->field_bytes_len;
    r->row.lengths[r->row.n_fields] = len;
    r->field_bytes_len += len + 1;
    r->row.n_fields++;
}

static void on_row(int terminator, void *ctx)
{
    (void)terminator;
    reader *r = ctx;
    if (r->status == COLLAB_OK) {
        for (size_t i = 0; i < r->row.n_fields; i++) {
            r->row.fields[i] = r->field_bytes + r->field_offsets[i];
        }
        collab_status st = r->src.on_row(&r->row, r->src.ctx, r->err);
        if (st != COLLAB_OK) {
            r->status = st;
        }
    }
    r->row.n_fields = 0;
    r->field_bytes_len = 0;
    r->awaiting_row = true;
}

static collab_status append_raw(reader *r, const char *s, size_t len)
{
    if (r->row.raw_len + len > r->src.max_row_bytes) {
        r->status = collab_error_set_at(
            r->err, COLLAB_E_LIMIT, r->src.display_name, r->row.line, 1,
            "row longer than %zu bytes without a line end (raise the limit with --max-row-bytes)",
            r->src.max_row_bytes);
        return r->status;
    }
    if (!collab_grow_array((void **)&r->row.raw, &r->row.raw_cap, r->row.raw_len + len, 1)) {
        r->status = collab_error_set(r->err, COLLAB_E_NOMEM, "out of memory reading a row");
        return r->status;
    }
    memcpy(r->row.raw + r->row.raw_len, s, len);
    r->row.raw_len += len;
    return COLLAB_OK;
}

static void configure_parser(struct csv_parser *csv, char delimiter);

/* Skip mode: hands the syntax error to the caller as a warning and restarts the parser. */
static collab_status skip_syntax_error(reader *r, size_t offset, const char *what)
{
    collab_error warning = {0};
    long line;
    long column;
    collab_i_csv_position(&r->row, offset, &line, &column);
    collab_error_set_at(&warning, COLLAB_E_INPUT, r->src.display_name, line, column, "%s", what);
    r->src.on_syntax_warning(&warning, r->src.ctx);
    csv_free(&r->csv);
    if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        r->status = collab_error_set(r->err, COLLAB_E_NOMEM, "out of memory restarting the parser");
        return r->status;
    }
    configure_parser(&r->csv, r->src.delimiter);
    r->row.n_fields = 0;
    r->field_bytes_len = 0;
    r->awaiting_row = true;
    r->discard_line = true;
    return COLLAB_OK;
}

static collab_status syntax_error(reader *r, size_t offset)
{
    const char *what = "malformed quoting";
    if (offset < r->row.raw_len && r->row.raw[offset] == '"') {
        what = "quote inside an unquoted field (quote the whole field and double the quote)";
    } else if (offset < r->row.raw_len) {
        what = "text after the closing quote of a quoted field";
    }
    if (r->src.on_syntax_warning != NULL) {
        return skip_syntax_error(r, offset, what);
    }
    return fail_at_offset(r, COLLAB_E_INPUT, offset, what);
}

/* Feeds one piece of a physical line (the whole line, or the part in this read block). */
static collab_status feed(reader *r, const char *s, size_t len, bool starts_line)
{
    if (r->discard_line) {
        return COLLAB_OK;
    }
    if (starts_line && r->awaiting_row) {
        r->row.raw_len = 0;
        r->row.line = r->line;
    }
    size_t before = r->row.raw_len;
    if (append_raw(r, s, len) != COLLAB_OK) {
        return r->status;
    }
    size_t accepted = csv_parse(&r->csv, s, len, on_field, on_row, r);
    if (r->status != COLLAB_OK) {
        return r->status;
    }
    if (accepted < len) {
        if (csv_error(&r->csv) == CSV_ENOMEM || csv_error(&r->csv) == CSV_ETOOBIG) {
            r->status = collab_error_set(r->err, COLLAB_E_NOMEM, "out of memory reading a field");
            return r->status;
        }
        return syntax_error(r, before + accepted);
    }
    /* Blank lines start no row: a row is in progress only once libcsv has left its
     * "row not begun" state (0, the first of its parser states). */
    r->awaiting_row = r->csv.pstate == 0;
    return COLLAB_OK;
}

/* At end of input: an unterminated quoted field is reported where its quote opened. */
static collab_status finish(reader *r)
{
    if (csv_fini(&r->csv, on_field, on_row, r) != 0 && r->status == COLLAB_OK) {
        size_t open_quote = 0;
        bool quoted = false;
        for (size_t i = 0; i < r->row.raw_len; i++) {
            if (r->row.raw[i] == '"') {
                if (!quoted) {
                    open_quote = i;
                }
                quoted = !quoted;
            }
        }
        return fail_at_offset(r, COLLAB_E_INPUT, open_quote,
                              "unterminated quoted field (the quote opened here is never closed)");
    }
    return r->status;
}

static collab_status check_text(reader *r, const char *block, size_t len, size_t line_offset)
{
    const char *nul = memchr(block, '\0', len);
    if (nul == NULL) {
        return COLLAB_OK;
    }
    /* Position: count lines in this block up to the NUL. */
    long line = r->line;
    size_t line_start = line_offset;
    for (size_t i = line_offset; i < (size_t)(nul - block); i++) {
        if (block[i] == '\n' || (block[i] == '\r' && (i + 1 >= len || block[i + 1] != '\n'))) {
            line++;
            line_start = i + 1;
        }
    }
    r->status = collab_error_set_at(r->err, COLLAB_E_INPUT, r->src.display_name, line,
                                    (long)((size_t)(nul - block) - line_start) + 1,
                                    "NUL byte: this is not a text CSV file");
    return r->status;
}

/* libcsv's white space around unquoted fields: space and tab, or only space with a tab
 * delimiter (see configure_parser). */
static bool is_csv_space(const reader *r, char c)
{
    return c == ' ' || (c == '\t' && r->src.delimiter != '\t');
}

/* A whole physical line with no quote character, starting a row: split by hand, with libcsv's
 * rules (white space around a field trimmed, a line of white space is blank, a trailing delimiter
 * ends with an empty field). Most lines of real credit files look like this, and splitting them
 * with memchr is several times faster than libcsv's byte-at-a-time state machine; a unit test
 * checks the two agree on random lines. `text_len` excludes the line end, `len` includes it. */
static collab_status feed_plain_line(reader *r, const char *s, size_t text_len, size_t len)
{
    if (r->discard_line) {
        return COLLAB_OK;
    }
    r->row.raw_len = 0;
    r->row.line = r->line;
    if (append_raw(r, s, len) != COLLAB_OK) {
        return r->status;
    }
    size_t pos = 0;
    while (pos < text_len && is_csv_space(r, s[pos])) {
        pos++;
    }
    if (pos == text_len) {
        return COLLAB_OK; /* blank: no row */
    }
    for (;;) {
        while (pos < text_len && is_csv_space(r, s[pos])) {
            pos++;
        }
        const char *delim = memchr(s + pos, r->src.delimiter, text_len - pos);
        size_t stop = delim != NULL ? (size_t)(delim - s) : text_len;
        size_t end = stop;
        while (end > pos && is_csv_space(r, s[end - 1])) {
            end--;
        }
        on_field((void *)(s + pos), end - pos, r);
        if (r->status != COLLAB_OK) {
            return r->status;
        }
        if (delim == NULL) {
            break;
        }
        pos = stop + 1;
    }
    on_row(0, r);
    return r->status;
}

/* Splits a block into line pieces and feeds them. */
collab_status collab_i_csv_reader_feed(reader *r, const char *block, size_t len)
{
    if (r->status != COLLAB_OK || len == 0) {
        return r->status;
    }
    size_t i = 0;
    if (r->pending_cr && block[0] == '\n') {
        /* The LF of a CRLF split across blocks: part of the line already counted. */
        if (append_raw(r, block, 1) != COLLAB_OK) {
            return r->status;
        }
        csv_parse(&r->csv, block, 1, on_field, on_row, r);
        i = 1;
    }
    r->pending_cr = false;
    if (check_text(r, block, len, i) != COLLAB_OK) {
        return r->status;
    }
    while (i < len) {
        size_t start = i;
        bool quote = false;
        i = collab_i_csv_find_line_end(block, i, len, &quote);
        size_t text_end = i;
        bool ended = false;
        if (i < len) {
            if (block[i] == '\r' && i + 1 < len && block[i + 1] == '\n') {
                i += 2;
            } else {
                r->pending_cr = block[i] == '\r' && i + 1 == len;
                i += 1;
            }
            ended = true;
        }
        bool plain = ended && !quote && !r->mid_line && r->awaiting_row && !r->src.libcsv_only;
        collab_status st = plain ? feed_plain_line(r, block + start, text_end - start, i - start)
                                 : feed(r, block + start, i - start, !r->mid_line);
        if (st != COLLAB_OK) {
            return r->status;
        }
        r->mid_line = !ended;
        if (ended) {
            r->line++;
            r->discard_line = false;
        }
    }
    return COLLAB_OK;
}

static void reader_free(reader *r)
{
    csv_free(&r->csv);
    collab_free(r->row.raw);
    collab_free(r->row.fields);
    collab_free(r->row.lengths);
    collab_free(r->field_bytes);
    collab_free(r->field_offsets);
}

static void configure_parser(struct csv_parser *csv, char delimiter)
{
    csv_set_realloc_func(csv, collab_realloc);
    csv_set_free_func(csv, collab_free);
    csv_set_delim(csv, (unsigned char)delimiter);
    /* libcsv trims spaces and tabs around unquoted fields by default (inline, when no function
     * is set); with a tab delimiter a tab must stay a delimiter. */
    csv_set_space_func(csv, delimiter == '\t' ? csv_space_only : NULL); /* NULL: inline test */
}

collab_status collab_i_csv_reader_new(reader **out, const collab_i_csv_source *src,
                                     collab_error *err)
{
    reader *r = collab_calloc_array(1, sizeof *r);
    if (r == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory starting the CSV parser");
    }
    r->src = *src;
    r->err = err;
    r->line = 1;
    r->awaiting_row = true;
    if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        collab_free(r);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory starting the CSV parser");
    }
    configure_parser(&r->csv, src->delimiter);
    *out = r;
    return COLLAB_OK;
}

collab_status collab_i_csv_reader_finish(reader *r)
{
    if (r->status == COLLAB_OK) {
        finish(r);
    }
    return r->status;
}

bool collab_i_csv_reader_between_rows(const reader *r)
{
    return r->status == COLLAB_OK && !r->mid_line && r->awaiting_row && r->csv.pstate == 0 &&
           !r->discard_line;
}

long collab_i_csv_reader_line(const reader *r)
{
    return r->line;
}

void collab_i_csv_reader_free(reader *r)
{
    if (r != NULL) {
        reader_free(r);
        collab_free(r);
    }
}

/* Counts delimiter candidates outside quotes on one line. */
static void count_line(const char *s, size_t len, size_t counts[4], const char *cands)
{
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            const char *hit = memchr(cands, s[i], 4);
            if (hit != NULL) {
                counts[hit - cands]++;
            }
        }
    }
}

char collab_i_csv_detect_delimiter(const char *sample, size_t len)
{
    static const char cands[4] = {',', ';', '\t', '|'};
    size_t header[4] = {0};
    size_t consistent[4] = {1, 1, 1, 1};
    size_t n_lines = 0;
    size_t i = 0;
    while (i < len && n_lines < 20) {
        size_t start = i;
        while (i < len && !is_line_end(sample[i])) {
            i++;
        }
        size_t counts[4] = {0};
        count_line(sample + start, i - start, counts, cands);
        while (i < len && is_line_end(sample[i])) {
            i++;
        }
        if (i - start <= 1 && counts[0] + counts[1] + counts[2] + counts[3] == 0) {
            continue;
        }
        for (int k = 0; k < 4; k++) {
            if (n_lines == 0) {
                header[k] = counts[k];
            } else if (counts[k] != header[k] && i < len) {
                consistent[k] = 0; /* the last sampled line may be cut short: not held against */
            }
        }
        n_lines++;
    }
    int best = -1;
    for (int pass = 0; pass < 2 && best < 0; pass++) {
        for (int k = 0; k < 4; k++) {
            if (header[k] > 0 && (pass == 1 || consistent[k]) &&
                (best < 0 || header[k] > header[best])) {
                best = k;
            }
        }
    }
    return best < 0 ? ',' : cands[best];
}
