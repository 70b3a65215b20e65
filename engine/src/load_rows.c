/* The data rows of a credit list or edge list, once the header has set the columns: each row's
 * field count and UTF-8 checked, names normalised (NFC, trimmed; roles case-folded), replaced
 * through the alias table and interned, years and weights parsed, and the row stored with its
 * line; under skip_bad_rows a bad row becomes a kept warning instead of the error. */
#include "collab/load.h"

#include "collab/alloc.h"
#include "collab/text.h"
#include "load_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef collab_i_column_memo column_memo;
typedef collab_i_load_state load_state;

static collab_status grow_rows(collab_edgelist *out, collab_error *err)
{
    if (out->n_rows < out->rows_cap) {
        return COLLAB_OK;
    }
    size_t cap = out->rows_cap == 0 ? 1024 : out->rows_cap * 2;
    bool credits = out->shape == COLLAB_SHAPE_CREDITS;
#define GROW(field)                                                                               \
    do {                                                                                           \
        void *p = collab_realloc_array(out->field, cap, sizeof *out->field);                      \
        if (p == NULL) {                                                                           \
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory storing rows");            \
        }                                                                                          \
        out->field = p;                                                                            \
    } while (0)
    GROW(a);
    GROW(b);
    GROW(line);
    if (credits) {
        GROW(role);
        GROW(year);
    } else {
        GROW(weight);
    }
#undef GROW
    if (out->n_extra > 0) {
        void *p = collab_realloc_array(out->attrs, cap * out->n_extra, sizeof *out->attrs);
        if (p == NULL) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory storing rows");
        }
        out->attrs = p;
    }
    out->rows_cap = cap;
    return COLLAB_OK;
}

/* Reports field `c` as "<what> '<value>' <problem>", at the field's line and column. */
static collab_status field_error(load_state *ls, const collab_i_csv_row *row, size_t c,
                                 collab_error *err, const char *what, const char *value,
                                 const char *problem)
{
    long line;
    long column;
    collab_i_csv_position(row, collab_i_csv_field_offset(row, c, ls->out->delimiter), &line,
                          &column);
    char shown[64];
    size_t n = strlen(value);
    if (n > 40) {
        /* Cut on a character boundary so the message stays valid UTF-8. */
        size_t cut = 40;
        while (cut > 0 && ((unsigned char)value[cut] & 0xC0) == 0x80) {
            cut--;
        }
        snprintf(shown, sizeof shown, "%.*s...", (int)cut, value);
    } else {
        snprintf(shown, sizeof shown, "%s", value);
    }
    if (value[0] == '\0') {
        /* Stopping is the default; say how to go on when the user wants to, and what is more
         * likely wrong when the "header" was a data row. */
        const char *hint = ls->out->header_looks_like_data
                               ? " (the first row looks like data, not a header: --no-header "
                                 "with --person-col N --project-col M reads such a file)"
                           : ls->opt->skip_bad_rows ? ""
                                                    : " (--skip-bad-rows skips such rows)";
        return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, line, column, "%s %s%s",
                                   what, problem, hint);
    }
    return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, line, column, "%s '%s' %s",
                               what, shown, problem);
}

/* Validates, normalises and interns name field `c` into `names`. */
static collab_status intern_fresh(load_state *ls, const collab_i_csv_row *row, size_t c,
                                  collab_names *names, bool casefold, bool apply_aliases,
                                  uint32_t *id, collab_error *err)
{
    const char *text;
    size_t len;
    collab_status st = collab_text_normalize(row->fields[c], row->lengths[c], casefold,
                                             &ls->scratch, &text, &len, err);
    if (st != COLLAB_OK) {
        return st;
    }
    if (len == 0) {
        *id = COLLAB_NO_ID;
        return COLLAB_OK;
    }
    const collab_aliases *aliases = ls->opt->aliases;
    if (apply_aliases && aliases != NULL) {
        uint32_t alias = collab_names_find(&aliases->from, text, len);
        if (alias != COLLAB_NO_ID) {
            uint32_t target = aliases->target[alias];
            text = collab_names_get(&aliases->to, target);
            len = collab_names_length(&aliases->to, target);
            ls->out->aliases_applied++;
        }
    }
    return collab_names_intern(names, text, len, id, err);
}

/* intern_fresh, skipped when the field repeats the previous row's (memo slot `slot`). */
static collab_status intern_name(load_state *ls, const collab_i_csv_row *row, size_t c,
                                 size_t slot, collab_names *names, bool casefold,
                                 bool apply_aliases, uint32_t *id, collab_error *err)
{
    column_memo *m = &ls->memo[slot];
    size_t len = row->lengths[c];
    if (m->valid && m->len == len && memcmp(m->raw, row->fields[c], len) == 0) {
        *id = m->id;
        if (apply_aliases && ls->opt->aliases != NULL && m->id != COLLAB_NO_ID) {
            /* keep the count of replaced names exact: redo the lookup */
            return intern_fresh(ls, row, c, names, casefold, apply_aliases, id, err);
        }
        return COLLAB_OK;
    }
    collab_status st = intern_fresh(ls, row, c, names, casefold, apply_aliases, id, err);
    if (st != COLLAB_OK) {
        return st;
    }
    m->valid = false;
    if (m->cap < len + 1) {
        char *raw = collab_realloc(m->raw, len + 1);
        if (raw == NULL) {
            return COLLAB_OK; /* the memo is an optimisation: go on without it */
        }
        m->raw = raw;
        m->cap = len + 1;
    }
    memcpy(m->raw, row->fields[c], len);
    m->len = len;
    m->id = *id;
    m->valid = true;
    return COLLAB_OK;
}

static collab_status parse_year(load_state *ls, const collab_i_csv_row *row, size_t c,
                                int16_t *year, collab_error *err)
{
    const char *s = row->fields[c];
    size_t len = row->lengths[c];
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) {
        len--;
    }
    *year = 0;
    if (len == 0) {
        return COLLAB_OK;
    }
    /* A bare year, or the year of an ISO date (YYYY-MM or YYYY-MM-DD). */
    bool ok = len >= 4 && (len == 4 || (len >= 7 && s[4] == '-'));
    long value = 0;
    for (size_t i = 0; ok && i < 4; i++) {
        ok = s[i] >= '0' && s[i] <= '9';
        value = value * 10 + (s[i] - '0');
    }
    for (size_t i = 5; ok && i < len; i++) {
        ok = (s[i] >= '0' && s[i] <= '9') || s[i] == '-';
    }
    if (!ok) {
        return field_error(ls, row, c, err, "year", row->fields[c],
                           "is not a year (expected YYYY or an ISO date YYYY-MM-DD)");
    }
    if (value < COLLAB_YEAR_MIN || value > COLLAB_YEAR_MAX) {
        return field_error(ls, row, c, err, "year", row->fields[c], "is outside 1000-2999");
    }
    *year = (int16_t)value;
    return COLLAB_OK;
}

static collab_status parse_weight(load_state *ls, const collab_i_csv_row *row, size_t c,
                                  double *weight, collab_error *err)
{
    const char *s = row->fields[c];
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    *weight = 1.0;
    if (*s == '\0') {
        return COLLAB_OK;
    }
    char *end;
    errno = 0;
    double w = strtod(s, &end);
    while (*end == ' ' || *end == '\t') {
        end++;
    }
    if (end == s || *end != '\0') {
        return field_error(ls, row, c, err, "weight", row->fields[c], "is not a number");
    }
    if (!isfinite(w) || errno == ERANGE) {
        return field_error(ls, row, c, err, "weight", row->fields[c], "is not a finite number");
    }
    if (w <= 0) {
        return field_error(ls, row, c, err, "weight", row->fields[c], "is not greater than 0");
    }
    *weight = w;
    return COLLAB_OK;
}

/* An invalid byte of a single-byte encoding rather than broken UTF-8: a byte from 0x80 up that
 * no continuation byte follows (0xE9 between letters is "é" in Windows-1252 and Latin-1). */
static bool looks_single_byte(const char *at, size_t left)
{
    unsigned char c = (unsigned char)at[0];
    return c >= 0x80 && (left < 2 || ((unsigned char)at[1] & 0xC0) != 0x80);
}

/* What to say after an invalid byte at `bad` of a field: when the field already held valid
 * UTF-8 beyond ASCII the file is UTF-8 damaged here (another encoding would make it worse); a
 * lone byte from 0x80 up looks like Windows-1252 or Latin-1. */
static const char *encoding_hint(const char *field, size_t bad, size_t len)
{
    for (size_t i = 0; i < bad; i++) {
        if ((unsigned char)field[i] >= 0x80) {
            return ": the text before it is UTF-8, so the file is damaged here (--skip-bad-rows "
                   "skips such rows)";
        }
    }
    if (looks_single_byte(field + bad, len - bad)) {
        return ": the file looks like Windows-1252 or Latin-1 text; try --encoding windows-1252";
    }
    return "";
}

static collab_status check_row_text(load_state *ls, const collab_i_csv_row *row, collab_error *err)
{
    collab_edgelist *out = ls->out;
    if (row->n_fields != out->n_columns) {
        long line;
        long column;
        size_t at = row->n_fields < out->n_columns
                        ? collab_i_csv_field_offset(row, row->n_fields, out->delimiter)
                        : collab_i_csv_field_offset(row, out->n_columns, out->delimiter);
        collab_i_csv_position(row, at, &line, &column);
        return collab_error_set_at(err, COLLAB_E_INPUT, out->source, line, column,
                                   "row has %zu fields but the header has %zu", row->n_fields,
                                   out->n_columns);
    }
    for (size_t c = 0; c < row->n_fields; c++) {
        size_t bad = collab_text_invalid_utf8(row->fields[c], row->lengths[c]);
        if (bad < row->lengths[c]) {
            long line;
            long column;
            collab_i_csv_position(row, collab_i_csv_field_offset(row, c, out->delimiter), &line,
                                  &column);
            ls->out->rows_bad_text++;
            return collab_error_set_at(err, COLLAB_E_INPUT, out->source, line, column,
                                       "invalid UTF-8 (byte 0x%02X) in column '%s'%s",
                                       (unsigned char)row->fields[c][bad], out->column_names[c],
                                       encoding_hint(row->fields[c], bad, row->lengths[c]));
        }
    }
    return COLLAB_OK;
}

static collab_status require(load_state *ls, const collab_i_csv_row *row, size_t c, uint32_t id,
                             collab_error *err)
{
    if (id != COLLAB_NO_ID) {
        return COLLAB_OK;
    }
    return field_error(ls, row, c, err, "empty", "",
                       collab_i_load_use_name(ls->out->column_use[c]));
}

static collab_status read_fields(load_state *ls, const collab_i_csv_row *row, size_t r,
                                 collab_error *err)
{
    collab_edgelist *out = ls->out;
    bool credits = out->shape == COLLAB_SHAPE_CREDITS;
    size_t ca = ls->col[credits ? COLLAB_COL_PERSON : COLLAB_COL_SOURCE];
    size_t cb = ls->col[credits ? COLLAB_COL_PROJECT : COLLAB_COL_TARGET];
    collab_names *names_b = credits ? &out->names_b : &out->names_a;
    collab_status st = intern_name(ls, row, ca, 0, &out->names_a, false, true, &out->a[r], err);
    if (st == COLLAB_OK) {
        st = require(ls, row, ca, out->a[r], err);
    }
    if (st == COLLAB_OK) {
        st = intern_name(ls, row, cb, 1, names_b, false, !credits, &out->b[r], err);
    }
    if (st == COLLAB_OK) {
        st = require(ls, row, cb, out->b[r], err);
    }
    if (st == COLLAB_OK && credits) {
        size_t cr = ls->col[COLLAB_COL_ROLE];
        size_t cy = ls->col[COLLAB_COL_YEAR];
        out->role[r] = COLLAB_NO_ID;
        out->year[r] = 0;
        if (cr < out->n_columns) {
            st = intern_name(ls, row, cr, 2, &out->roles, true, false, &out->role[r], err);
        }
        if (st == COLLAB_OK && cy < out->n_columns) {
            st = parse_year(ls, row, cy, &out->year[r], err);
        }
    } else if (st == COLLAB_OK) {
        size_t cw = ls->col[COLLAB_COL_WEIGHT];
        out->weight[r] = 1.0;
        if (cw < out->n_columns) {
            st = parse_weight(ls, row, cw, &out->weight[r], err);
        }
    }
    for (size_t e = 0; e < out->n_extra && st == COLLAB_OK; e++) {
        size_t c = out->extra_columns[e];
        st = collab_names_intern(&out->attr_values, row->fields[c], row->lengths[c],
                                 &out->attrs[r * out->n_extra + e], err);
    }
    return st;
}

static void keep_warning(collab_edgelist *out, const collab_error *row_err)
{
    if (out->n_warnings < COLLAB_MAX_KEPT_WARNINGS) {
        collab_warning *w = &out->warnings[out->n_warnings++];
        w->line = row_err->line;
        w->column = row_err->column;
        snprintf(w->message, sizeof w->message, "%s", row_err->message);
    }
}

collab_status collab_i_load_row_with(load_state *ls, const collab_i_csv_row *row, size_t c,
                                    const char *text, size_t len, collab_i_csv_row *out_row,
                                    collab_error *err)
{
    collab_edgelist *out = ls->out;
    if (ls->split_fields == NULL) {
        ls->split_fields = collab_alloc_array(out->n_columns + 1, sizeof *ls->split_fields);
        ls->split_lengths = collab_alloc_array(out->n_columns + 1, sizeof *ls->split_lengths);
        if (ls->split_fields == NULL || ls->split_lengths == NULL) {
            return collab_error_nomem(err, "splitting names");
        }
    }
    /* The trimmed text, NUL-terminated in a buffer of our own. */
    size_t a = 0;
    size_t b = len;
    while (a < b && (text[a] == ' ' || text[a] == '\t')) {
        a++;
    }
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t')) {
        b--;
    }
    if (ls->split_cap < b - a + 1) {
        char *grown = collab_realloc(ls->split_name, b - a + 1);
        if (grown == NULL) {
            return collab_error_nomem(err, "splitting names");
        }
        ls->split_name = grown;
        ls->split_cap = b - a + 1;
    }
    memcpy(ls->split_name, text + a, b - a);
    ls->split_name[b - a] = '\0';
    memcpy(ls->split_fields, row->fields, row->n_fields * sizeof *row->fields);
    memcpy(ls->split_lengths, row->lengths, row->n_fields * sizeof *row->lengths);
    ls->split_fields[c] = ls->split_name;
    ls->split_lengths[c] = b - a;
    *out_row = *row;
    out_row->fields = ls->split_fields;
    out_row->lengths = ls->split_lengths;
    return COLLAB_OK;
}

collab_status collab_i_load_credit(load_state *ls, const collab_i_csv_row *row, collab_error *err)
{
    collab_edgelist *out = ls->out;
    collab_status st = grow_rows(out, err);
    if (st == COLLAB_OK) {
        st = read_fields(ls, row, out->n_rows, err);
    }
    if (st == COLLAB_OK) {
        out->line[out->n_rows++] = (uint32_t)row->line;
    }
    return st;
}

/* Reads one credit per name of the person cell, split on opt->split_people and trimmed; empty
 * names are skipped (an empty cell is still an empty person). */
static collab_status read_split(load_state *ls, const collab_i_csv_row *row, collab_error *err)
{
    collab_edgelist *out = ls->out;
    size_t c = ls->col[COLLAB_COL_PERSON];
    const char *sep = ls->opt->split_people;
    size_t sep_len = strlen(sep);
    const char *s = row->fields[c];
    size_t len = row->lengths[c];
    size_t first_row = out->n_rows;
    collab_status st = COLLAB_OK;
    bool any = false;
    for (size_t start = 0; st == COLLAB_OK && start <= len;) {
        const char *hit = sep_len > 0 && len - start >= sep_len
                              ? collab_text_find(s + start, len - start, sep, sep_len)
                              : NULL;
        size_t end = hit != NULL ? (size_t)(hit - s) : len;
        bool blank = true;
        for (size_t i = start; i < end && blank; i++) {
            blank = s[i] == ' ' || s[i] == '\t';
        }
        if (!blank || (!any && hit == NULL)) {
            collab_i_csv_row one;
            st = collab_i_load_row_with(ls, row, c, s + start, end - start, &one, err);
            if (st == COLLAB_OK) {
                st = collab_i_load_credit(ls, &one, err);
                any = st == COLLAB_OK;
            }
        }
        start = hit != NULL ? end + sep_len : len + 1;
    }
    if (st != COLLAB_OK) {
        out->n_rows = first_row; /* the row is read whole or not at all */
    }
    return st;
}

static collab_status read_data_row(load_state *ls, const collab_i_csv_row *row, collab_error *err)
{
    collab_edgelist *out = ls->out;
    out->rows_read++;
    collab_status st = grow_rows(out, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_error row_err; /* cleared field by field: `= {0}` wrote 800 bytes a row */
    collab_error_clear(&row_err);
    st = check_row_text(ls, row, &row_err);
    bool split = out->shape == COLLAB_SHAPE_CREDITS && ls->opt->split_people != NULL;
    if (st == COLLAB_OK && ls->n_wide > 0) {
        st = collab_i_load_wide_row(ls, row, &row_err);
    } else if (st == COLLAB_OK && split) {
        st = read_split(ls, row, &row_err);
    } else if (st == COLLAB_OK) {
        st = read_fields(ls, row, out->n_rows, &row_err);
        if (st == COLLAB_OK) {
            out->line[out->n_rows] = (uint32_t)row->line;
            out->n_rows++;
            if (out->shape == COLLAB_SHAPE_CREDITS) {
                size_t c = ls->col[COLLAB_COL_PERSON];
                collab_i_load_note_list_cell(ls, row->fields[c], row->lengths[c]);
            }
        }
    }
    if (st == COLLAB_OK) {
        return COLLAB_OK;
    }
    if (st == COLLAB_E_INPUT && ls->opt->skip_bad_rows) {
        keep_warning(out, &row_err);
        out->rows_skipped++;
        return COLLAB_OK;
    }
    if (err != NULL && err->status == COLLAB_OK) {
        *err = row_err;
    }
    return st;
}

void collab_i_load_on_syntax_warning(const collab_error *warning, void *ctx)
{
    load_state *ls = ctx;
    if (ls->header_done) {
        ls->out->rows_read++;
    }
    keep_warning(ls->out, warning);
    ls->out->rows_skipped++;
}

/* --no-header: a header of column numbers "1", "2", ... as wide as the first row. */
static collab_status numbered_header(load_state *ls, const collab_i_csv_row *row,
                                     collab_error *err)
{
    char(*names)[24] = collab_alloc_array(row->n_fields + 1, sizeof *names);
    const char **fields = collab_alloc_array(row->n_fields + 1, sizeof *fields);
    size_t *lengths = collab_alloc_array(row->n_fields + 1, sizeof *lengths);
    collab_status st = COLLAB_OK;
    if (names == NULL || fields == NULL || lengths == NULL) {
        st = collab_error_nomem(err, "reading the first row");
    }
    for (size_t c = 0; st == COLLAB_OK && c < row->n_fields; c++) {
        snprintf(names[c], sizeof names[c], "%zu", c + 1);
        fields[c] = names[c];
        lengths[c] = strlen(names[c]);
    }
    if (st == COLLAB_OK) {
        collab_i_csv_row header = *row;
        header.fields = fields;
        header.lengths = lengths;
        st = collab_i_load_read_header(ls, &header, err);
    }
    collab_free(names);
    collab_free(fields);
    collab_free(lengths);
    return st;
}

collab_status collab_i_load_on_row(const collab_i_csv_row *row, void *ctx, collab_error *err)
{
    load_state *ls = ctx;
    if (!ls->header_done) {
        bool numbered = ls->opt->no_header;
        collab_status st = numbered ? numbered_header(ls, row, err)
                                    : collab_i_load_read_header(ls, row, err);
        if (st == COLLAB_OK && ls->parts != NULL) {
            collab_i_load_parts_start(ls->parts, ls);
        }
        if (st == COLLAB_OK && numbered) {
            st = read_data_row(ls, row, err);
        }
        return st;
    }
    return read_data_row(ls, row, err);
}

void collab_i_load_state_release(load_state *ls)
{
    collab_text_scratch_free(&ls->scratch);
    for (size_t k = 0; k < 3; k++) {
        collab_free(ls->memo[k].raw);
        ls->memo[k] = (column_memo){0};
    }
    collab_free(ls->split_fields);
    collab_free(ls->split_lengths);
    collab_free(ls->split_name);
    collab_free(ls->wide);
    collab_free(ls->wide_project);
    ls->wide = NULL;
    ls->n_wide = 0;
    ls->wide_project = NULL;
    ls->wide_project_cap = 0;
    ls->split_fields = NULL;
    ls->split_lengths = NULL;
    ls->split_name = NULL;
    ls->split_cap = 0;
}
