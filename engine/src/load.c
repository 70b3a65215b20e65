/* Credit lists and edge lists from CSV: header and shape detection, per-row validation, name
 * normalisation and interning into a collab_edgelist. The byte-level CSV work is csvread.c's. */
#include "collab/load.h"

#include "collab/alloc.h"
#include "collab/text.h"
#include "load_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SNIFF_BYTES ((size_t)1 << 16)

typedef collab_i_column_memo column_memo;
typedef collab_i_load_state load_state;

void collab_load_options_init(collab_load_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->max_field_bytes = COLLAB_DEFAULT_MAX_FIELD_BYTES;
    opt->max_row_bytes = COLLAB_DEFAULT_MAX_ROW_BYTES;
    opt->max_columns = COLLAB_DEFAULT_MAX_COLUMNS;
}

const char *collab_shape_name(collab_shape shape)
{
    switch (shape) {
    case COLLAB_SHAPE_CREDITS:
        return "credits";
    case COLLAB_SHAPE_EDGES:
        return "edges";
    case COLLAB_SHAPE_AUTO:
        break;
    }
    return "auto";
}

void collab_edgelist_destroy(collab_edgelist *list)
{
    if (list == NULL) {
        return;
    }
    for (size_t i = 0; i < list->n_columns && list->column_names != NULL; i++) {
        collab_free(list->column_names[i]);
    }
    collab_free(list->column_names);
    collab_free(list->column_use);
    collab_free(list->extra_columns);
    collab_names_destroy(&list->names_a);
    collab_names_destroy(&list->names_b);
    collab_names_destroy(&list->roles);
    collab_names_destroy(&list->attr_values);
    collab_free(list->a);
    collab_free(list->b);
    collab_free(list->role);
    collab_free(list->year);
    collab_free(list->weight);
    collab_free(list->line);
    collab_free(list->attrs);
    memset(list, 0, sizeof *list);
}

/* ---- header ---------------------------------------------------------------------------- */

/* Header keys: case-folded, with spaces, underscores, hyphens and dots removed. */
static void header_key(const char *s, size_t len, char *key, size_t key_size,
                       collab_text_scratch *scratch)
{
    const char *norm = s;
    size_t norm_len = len;
    if (collab_text_normalize(s, len, true, scratch, &norm, &norm_len, NULL) != COLLAB_OK) {
        norm_len = 0;
    }
    size_t k = 0;
    for (size_t i = 0; i < norm_len && k + 1 < key_size; i++) {
        char c = norm[i];
        if (c != ' ' && c != '_' && c != '-' && c != '.') {
            key[k++] = c;
        }
    }
    key[k] = '\0';
}

static const char *const person_keys[] = {"person", "artist", "name", "people", "performer",
                                          "musician", "creditname", "contributor", "author",
                                          "member", NULL};
static const char *const project_keys[] = {"project", "release", "album", "title", "work", "film",
                                           "movie", "song", "track", "recording", "event", NULL};
static const char *const role_keys[] = {"role", "credit", "job", "function", "instrument",
                                        "position", NULL};
static const char *const year_keys[] = {"year", "releaseyear", "yr", NULL};
static const char *const source_keys[] = {"source", "from", "src", "node1", "u", "a", NULL};
static const char *const target_keys[] = {"target", "to", "dst", "node2", "v", "b", NULL};
static const char *const weight_keys[] = {"weight", "value", "count", "w", "strength", NULL};

static const char *const *synonyms_for(collab_column_use use)
{
    switch (use) {
    case COLLAB_COL_PERSON:
        return person_keys;
    case COLLAB_COL_PROJECT:
        return project_keys;
    case COLLAB_COL_ROLE:
        return role_keys;
    case COLLAB_COL_YEAR:
        return year_keys;
    case COLLAB_COL_SOURCE:
        return source_keys;
    case COLLAB_COL_TARGET:
        return target_keys;
    case COLLAB_COL_WEIGHT:
        return weight_keys;
    case COLLAB_COL_EXTRA:
        break;
    }
    return NULL;
}

static const char *override_for(const collab_load_options *opt, collab_column_use use)
{
    switch (use) {
    case COLLAB_COL_PERSON:
        return opt->person_col;
    case COLLAB_COL_PROJECT:
        return opt->project_col;
    case COLLAB_COL_ROLE:
        return opt->role_col;
    case COLLAB_COL_YEAR:
        return opt->year_col;
    case COLLAB_COL_SOURCE:
        return opt->source_col;
    case COLLAB_COL_TARGET:
        return opt->target_col;
    case COLLAB_COL_WEIGHT:
        return opt->weight_col;
    case COLLAB_COL_EXTRA:
        break;
    }
    return NULL;
}

static const char *use_name(collab_column_use use)
{
    static const char *const names[] = {"extra", "person", "project", "role",
                                        "year",  "source", "target",  "weight"};
    return names[use];
}

/* Finds the column for `use`: the named override (matched like synonyms), else the first
 * synonym in list order that some header column matches. */
static size_t find_column(char keys[][64], size_t n_columns, collab_column_use use,
                          const collab_load_options *opt, collab_text_scratch *scratch,
                          const size_t *taken)
{
    const char *name = override_for(opt, use);
    if (name != NULL) {
        char key[64];
        header_key(name, strlen(name), key, sizeof key, scratch);
        for (size_t c = 0; c < n_columns; c++) {
            if (strcmp(keys[c], key) == 0) {
                return c;
            }
        }
        return SIZE_MAX - 1; /* named but missing */
    }
    const char *const *syn = synonyms_for(use);
    for (size_t s = 0; syn[s] != NULL; s++) {
        for (size_t c = 0; c < n_columns; c++) {
            bool used = false;
            for (int u = 1; u < 8; u++) {
                used = used || taken[u] == c;
            }
            if (!used && strcmp(keys[c], syn[s]) == 0) {
                return c;
            }
        }
    }
    return SIZE_MAX;
}

static collab_status missing_override(load_state *ls, const collab_i_csv_row *row,
                                      collab_column_use use, collab_error *err)
{
    return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
                               "no column named '%s' in the header (given with --%s-col)",
                               override_for(ls->opt, use), use_name(use));
}

static collab_status map_columns(load_state *ls, const collab_i_csv_row *row, char keys[][64],
                                 collab_error *err)
{
    static const collab_column_use credit_uses[] = {COLLAB_COL_PERSON, COLLAB_COL_PROJECT,
                                                    COLLAB_COL_ROLE, COLLAB_COL_YEAR};
    static const collab_column_use edge_uses[] = {COLLAB_COL_SOURCE, COLLAB_COL_TARGET,
                                                  COLLAB_COL_WEIGHT};
    size_t credits[8];
    size_t edges[8];
    for (int u = 0; u < 8; u++) {
        credits[u] = SIZE_MAX;
        edges[u] = SIZE_MAX;
    }
    for (size_t i = 0; i < 4; i++) {
        credits[credit_uses[i]] =
            find_column(keys, row->n_fields, credit_uses[i], ls->opt, &ls->scratch, credits);
    }
    for (size_t i = 0; i < 3; i++) {
        edges[edge_uses[i]] =
            find_column(keys, row->n_fields, edge_uses[i], ls->opt, &ls->scratch, edges);
    }
    for (int u = 1; u < 8; u++) {
        size_t found = u <= COLLAB_COL_YEAR ? credits[u] : edges[u];
        if (found == SIZE_MAX - 1) {
            return missing_override(ls, row, (collab_column_use)u, err);
        }
    }
    bool credits_ok = credits[COLLAB_COL_PERSON] < row->n_fields &&
                      credits[COLLAB_COL_PROJECT] < row->n_fields;
    bool edges_ok =
        edges[COLLAB_COL_SOURCE] < row->n_fields && edges[COLLAB_COL_TARGET] < row->n_fields;
    collab_shape shape = ls->opt->shape;
    if (shape == COLLAB_SHAPE_AUTO) {
        shape = credits_ok ? COLLAB_SHAPE_CREDITS : edges_ok ? COLLAB_SHAPE_EDGES
                                                             : COLLAB_SHAPE_AUTO;
    }
    if (shape == COLLAB_SHAPE_AUTO) {
        return collab_error_set_at(
            err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
            "cannot tell the shape from the header: expected columns person,project[,role][,year] "
            "or source,target[,weight] (name them with --person-col/--project-col or "
            "--source-col/--target-col)");
    }
    const size_t *chosen = shape == COLLAB_SHAPE_CREDITS ? credits : edges;
    const collab_column_use *uses = shape == COLLAB_SHAPE_CREDITS ? credit_uses : edge_uses;
    size_t n_uses = shape == COLLAB_SHAPE_CREDITS ? 4 : 3;
    for (size_t i = 0; i < n_uses; i++) {
        if (chosen[uses[i]] == SIZE_MAX && i < 2) {
            return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
                                       "the header has no '%s' column (name it with --%s-col)",
                                       use_name(uses[i]), use_name(uses[i]));
        }
    }
    ls->out->shape = shape;
    memcpy(ls->col, chosen, sizeof ls->col);
    return COLLAB_OK;
}

static collab_status read_header(load_state *ls, const collab_i_csv_row *row, collab_error *err)
{
    collab_edgelist *out = ls->out;
    char(*keys)[64] = collab_alloc_array(row->n_fields, sizeof *keys);
    out->column_names = collab_calloc_array(row->n_fields, sizeof *out->column_names);
    out->column_use = collab_calloc_array(row->n_fields, sizeof *out->column_use);
    out->extra_columns = collab_calloc_array(row->n_fields, sizeof *out->extra_columns);
    if (keys == NULL || out->column_names == NULL || out->column_use == NULL ||
        out->extra_columns == NULL) {
        collab_free(keys);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading the header");
    }
    out->n_columns = row->n_fields;
    collab_status st = COLLAB_OK;
    for (size_t c = 0; c < row->n_fields && st == COLLAB_OK; c++) {
        size_t bad = collab_text_invalid_utf8(row->fields[c], row->lengths[c]);
        if (bad < row->lengths[c]) {
            long line;
            long column;
            collab_i_csv_position(row, collab_i_csv_field_offset(row, c, out->delimiter), &line,
                                  &column);
            st = collab_error_set_at(err, COLLAB_E_INPUT, out->source, line, column,
                                     "invalid UTF-8 in the header (is this a text CSV file?)");
            break;
        }
        header_key(row->fields[c], row->lengths[c], keys[c], sizeof keys[c], &ls->scratch);
        out->column_names[c] = collab_strndup(row->fields[c], row->lengths[c]);
        if (out->column_names[c] == NULL) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading the header");
        }
    }
    if (st == COLLAB_OK) {
        st = map_columns(ls, row, keys, err);
    }
    collab_free(keys);
    if (st != COLLAB_OK) {
        return st;
    }
    for (int u = 1; u < 8; u++) {
        if (ls->col[u] < out->n_columns) {
            out->column_use[ls->col[u]] = (collab_column_use)u;
        }
    }
    for (size_t c = 0; c < out->n_columns; c++) {
        if (out->column_use[c] == COLLAB_COL_EXTRA) {
            out->extra_columns[out->n_extra++] = c;
        }
    }
    ls->header_done = true;
    return COLLAB_OK;
}

/* ---- data rows ------------------------------------------------------------------------- */

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
        return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, line, column, "%s %s",
                                   what, problem);
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
            return collab_error_set_at(err, COLLAB_E_INPUT, out->source, line, column,
                                       "invalid UTF-8 (byte 0x%02X) in column '%s'",
                                       (unsigned char)row->fields[c][bad], out->column_names[c]);
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
    return field_error(ls, row, c, err, "empty", "", use_name(ls->out->column_use[c]));
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

static collab_status read_data_row(load_state *ls, const collab_i_csv_row *row, collab_error *err)
{
    collab_edgelist *out = ls->out;
    out->rows_read++;
    collab_status st = grow_rows(out, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_error row_err = {0};
    st = check_row_text(ls, row, &row_err);
    if (st == COLLAB_OK) {
        st = read_fields(ls, row, out->n_rows, &row_err);
    }
    if (st == COLLAB_OK) {
        out->line[out->n_rows] = (uint32_t)row->line;
        out->n_rows++;
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

collab_status collab_i_load_on_row(const collab_i_csv_row *row, void *ctx, collab_error *err)
{
    load_state *ls = ctx;
    if (!ls->header_done) {
        collab_status st = read_header(ls, row, err);
        if (st == COLLAB_OK && ls->parts != NULL) {
            collab_i_load_parts_start(ls->parts, ls);
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
}

/* ---- entry points ---------------------------------------------------------------------- */

/* Reads up to SNIFF_BYTES for BOM removal and delimiter detection. */
static collab_status sniff(FILE *in, const char *name, char *buf, size_t *len, collab_error *err)
{
    *len = fread(buf, 1, SNIFF_BYTES, in);
    if (*len < SNIFF_BYTES && ferror(in)) {
        return collab_error_set(err, COLLAB_E_IO, "cannot read '%s': %s", name, strerror(errno));
    }
    return COLLAB_OK;
}

static size_t bom_length(const char *buf, size_t len)
{
    return (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

static bool only_blank(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\n' && buf[i] != '\r' && buf[i] != ' ' && buf[i] != '\t') {
            return false;
        }
    }
    return true;
}

typedef struct read_job {
    FILE *in;                 /* the stream */
    const char *name;         /* display name */
    char delimiter;           /* 0 = detect */
    const collab_load_options *opt; /* limits */
    collab_i_csv_row_fn on_row; /* row consumer */
    void (*on_syntax_warning)(const collab_error *, void *); /* skip mode, or NULL */
    void *ctx;                /* its state */
    load_state *split;        /* the main load, which may read a large file in parts; or NULL */
    char *used_delimiter;     /* out: the delimiter used */
} read_job;

static collab_i_csv_source csv_source(const read_job *job, char delimiter)
{
    const collab_load_options *opt = job->opt;
    return (collab_i_csv_source){
        .display_name = job->name,
        .delimiter = delimiter,
        .max_field_bytes =
            opt->max_field_bytes ? opt->max_field_bytes : COLLAB_DEFAULT_MAX_FIELD_BYTES,
        .max_row_bytes = opt->max_row_bytes ? opt->max_row_bytes : COLLAB_DEFAULT_MAX_ROW_BYTES,
        .max_columns = opt->max_columns ? opt->max_columns : COLLAB_DEFAULT_MAX_COLUMNS,
        .on_row = job->on_row,
        .on_syntax_warning = job->on_syntax_warning,
        .ctx = job->ctx,
    };
}

static read_job main_job(FILE *in, load_state *ls)
{
    return (read_job){.in = in,
                      .name = ls->out->source,
                      .delimiter = ls->opt->delimiter,
                      .opt = ls->opt,
                      .on_row = collab_i_load_on_row,
                      .on_syntax_warning =
                          ls->opt->skip_bad_rows ? collab_i_load_on_syntax_warning : NULL,
                      .ctx = ls,
                      .split = ls,
                      .used_delimiter = &ls->out->delimiter};
}

collab_i_csv_source collab_i_load_csv_source(const char *display_name, char delimiter,
                                             load_state *ls)
{
    read_job job = main_job(NULL, ls);
    job.name = display_name;
    return csv_source(&job, delimiter);
}

/* Reads the stream from file offset `at` to its end into `r`. With parts planned, stops where
 * the first part ends and joins the others: when they were sound the file is read. */
static collab_status read_rest(const read_job *job, collab_i_csv_reader *r, off_t at,
                               collab_error *err)
{
    collab_i_load_parts *parts = job->split != NULL ? job->split->parts : NULL;
    off_t pause = parts != NULL ? collab_i_load_parts_first_end(parts) : -1;
    char *block = collab_malloc(COLLAB_I_CSV_BLOCK_BYTES);
    if (block == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", job->name);
    }
    collab_status st = COLLAB_OK;
    bool whole = false;
    while (st == COLLAB_OK) {
        size_t want = COLLAB_I_CSV_BLOCK_BYTES;
        if (pause >= 0 && (off_t)want > pause - at) {
            want = (size_t)(pause - at);
        }
        if (want == 0) {
            st = collab_i_load_parts_join(parts, job->split, r, &whole, err);
            if (whole) {
                break;
            }
            pause = -1; /* the parts were dropped: read on alone */
            continue;
        }
        size_t got = fread(block, 1, want, job->in);
        st = collab_i_csv_reader_feed(r, block, got);
        at += (off_t)got;
        if (got < want) {
            if (st == COLLAB_OK && ferror(job->in)) {
                st = collab_error_set(err, COLLAB_E_IO, "cannot read '%s': %s", job->name,
                                      strerror(errno));
            }
            break;
        }
    }
    collab_free(block);
    if (st == COLLAB_OK && !whole) {
        st = collab_i_csv_reader_finish(r);
    }
    return st;
}

/* Shared by the main loader and the alias loader: sniff, strip the BOM, detect the delimiter,
 * reject empty input, then stream all rows to the consumer. */
static collab_status run_reader(const read_job *job, collab_error *err)
{
    off_t base = job->split != NULL ? ftello(job->in) : -1;
    char *buf = collab_malloc(SNIFF_BYTES);
    if (buf == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", job->name);
    }
    size_t len;
    collab_status st = sniff(job->in, job->name, buf, &len, err);
    size_t bom = bom_length(buf, len);
    if (st == COLLAB_OK && only_blank(buf + bom, len - bom) && len < SNIFF_BYTES) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, job->name, 0, 0,
                                 "the file is empty (expected a header row and data rows)");
    }
    collab_i_csv_reader *r = NULL;
    if (st == COLLAB_OK) {
        char delim = job->delimiter != 0 ? job->delimiter
                                         : collab_i_csv_detect_delimiter(buf + bom, len - bom);
        *job->used_delimiter = delim;
        collab_i_csv_source src = csv_source(job, delim);
        st = collab_i_csv_reader_new(&r, &src, err);
    }
    if (st == COLLAB_OK && job->split != NULL && len == SNIFF_BYTES) {
        job->split->parts = collab_i_load_parts_plan(job->in, base, len, job->opt);
    }
    if (st == COLLAB_OK) {
        st = collab_i_csv_reader_feed(r, buf + bom, len - bom);
    }
    if (st == COLLAB_OK) {
        st = read_rest(job, r, base + (off_t)len, err);
    }
    collab_i_csv_reader_free(r);
    collab_free(buf);
    return st;
}

collab_status collab_load_stream(collab_edgelist *out, FILE *in, const char *display_name,
                                 const collab_load_options *opt, collab_error *err)
{
    collab_edgelist list;
    memset(&list, 0, sizeof list);
    snprintf(list.source, sizeof list.source, "%s", display_name);
    load_state ls = {.out = &list, .opt = opt};
    read_job job = main_job(in, &ls);
    collab_status st = run_reader(&job, err);
    /* The parts borrow the header from `list`: free them first. */
    collab_i_load_parts_free(ls.parts);
    if (st == COLLAB_OK && !ls.header_done) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, list.source, 0, 0,
                                 "the file is empty (expected a header row and data rows)");
    }
    if (st == COLLAB_OK && list.rows_read == 0) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, list.source, 0, 0,
                                 "no data rows after the header");
    }
    if (st == COLLAB_OK && list.n_rows == 0) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, list.source, 0, 0,
                                 "every one of the %zu data rows was bad and skipped",
                                 list.rows_read);
    }
    collab_i_load_state_release(&ls);
    if (st != COLLAB_OK) {
        collab_edgelist_destroy(&list);
        return st;
    }
    *out = list;
    return COLLAB_OK;
}

collab_status collab_load_file(collab_edgelist *out, const char *path,
                               const collab_load_options *opt, collab_error *err)
{
    if (strcmp(path, "-") == 0) {
        return collab_load_stream(out, stdin, "<stdin>", opt, err);
    }
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return collab_error_set(err, COLLAB_E_IO, "cannot open '%s': %s", path, strerror(errno));
    }
    collab_status st = collab_load_stream(out, in, path, opt, err);
    fclose(in);
    return st;
}

/* ---- aliases --------------------------------------------------------------------------- */

typedef struct alias_state {
    collab_aliases *aliases;       /* being filled */
    const char *name;              /* file name */
    char delimiter;                /* delimiter in use */
    collab_text_scratch scratch;   /* normalisation buffer */
    size_t targets_cap;            /* allocated entries in aliases->target */
    bool first_row;                /* the next row is the first */
} alias_state;

static collab_status alias_field(alias_state *as, const collab_i_csv_row *row, size_t c,
                                 collab_names *names, uint32_t *id, collab_error *err)
{
    long line;
    long column;
    collab_i_csv_position(row, collab_i_csv_field_offset(row, c, as->delimiter), &line, &column);
    if (collab_text_invalid_utf8(row->fields[c], row->lengths[c]) < row->lengths[c]) {
        return collab_error_set_at(err, COLLAB_E_INPUT, as->name, line, column, "invalid UTF-8");
    }
    const char *text;
    size_t len;
    collab_status st = collab_text_normalize(row->fields[c], row->lengths[c], false, &as->scratch,
                                             &text, &len, err);
    if (st == COLLAB_OK && len == 0) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, as->name, line, column, "empty name");
    }
    if (st == COLLAB_OK) {
        st = collab_names_intern(names, text, len, id, err);
    }
    return st;
}

static collab_status on_alias_row(const collab_i_csv_row *row, void *ctx, collab_error *err)
{
    alias_state *as = ctx;
    collab_aliases *al = as->aliases;
    bool first = as->first_row;
    as->first_row = false;
    if (row->n_fields != 2) {
        return collab_error_set_at(err, COLLAB_E_INPUT, as->name, row->line, 1,
                                   "expected 2 fields (alias,canonical name), found %zu",
                                   row->n_fields);
    }
    if (first && strcmp(row->fields[0], "alias") == 0) {
        return COLLAB_OK; /* header */
    }
    uint32_t from;
    uint32_t to;
    size_t before = al->from.count;
    collab_status st = alias_field(as, row, 0, &al->from, &from, err);
    if (st == COLLAB_OK) {
        st = alias_field(as, row, 1, &al->to, &to, err);
    }
    if (st != COLLAB_OK) {
        return st;
    }
    if (al->from.count == before) {
        if (al->target[from] != to) {
            return collab_error_set_at(err, COLLAB_E_INPUT, as->name, row->line, 1,
                                       "alias '%s' is mapped to two different names",
                                       collab_names_get(&al->from, from));
        }
        return COLLAB_OK;
    }
    if (from >= as->targets_cap) {
        size_t cap = as->targets_cap == 0 ? 64 : as->targets_cap * 2;
        uint32_t *t = collab_realloc_array(al->target, cap, sizeof *t);
        if (t == NULL) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading aliases");
        }
        al->target = t;
        as->targets_cap = cap;
    }
    al->target[from] = to;
    return COLLAB_OK;
}

collab_status collab_aliases_load(collab_aliases *out, const char *path, collab_error *err)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return collab_error_set(err, COLLAB_E_IO, "cannot open '%s': %s", path, strerror(errno));
    }
    collab_aliases al;
    memset(&al, 0, sizeof al);
    collab_load_options opt;
    collab_load_options_init(&opt);
    alias_state as = {.aliases = &al, .name = path, .first_row = true};
    read_job job = {.in = in,
                    .name = path,
                    .delimiter = 0,
                    .opt = &opt,
                    .on_row = on_alias_row,
                    .ctx = &as,
                    .used_delimiter = &as.delimiter};
    collab_status st = run_reader(&job, err);
    fclose(in);
    collab_text_scratch_free(&as.scratch);
    if (st != COLLAB_OK) {
        collab_aliases_destroy(&al);
        return st;
    }
    *out = al;
    return COLLAB_OK;
}

void collab_aliases_destroy(collab_aliases *aliases)
{
    if (aliases == NULL) {
        return;
    }
    collab_names_destroy(&aliases->from);
    collab_names_destroy(&aliases->to);
    collab_free(aliases->target);
    memset(aliases, 0, sizeof *aliases);
}
