/* The header row of a credit list or edge list: each column's name reduced to a key (case-folded,
 * separators dropped), matched against the synonyms of each use (person, project, role, year;
 * source, target, weight) or against a name the caller gave, and from the columns found, the
 * shape of the file: credits when person and project columns are there, else edges. */
#include "collab/alloc.h"
#include "collab/load.h"
#include "collab/text.h"

#include <stdlib.h>
#include <string.h>

#include "load_internal.h"

typedef collab_i_load_state load_state;

void collab_i_load_header_key(const char *s, size_t len, char *key, size_t key_size,
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

static const char *const person_keys[] = {"person",    "artist",   "name",       "people",
                                          "performer", "musician", "creditname", "contributor",
                                          "author",    "member",   NULL};
static const char *const project_keys[] = {"project", "release",   "album", "title",
                                           "work",    "film",      "movie", "song",
                                           "track",   "recording", "event", NULL};
static const char *const role_keys[] = {"role",       "credit",   "job", "function",
                                        "instrument", "position", NULL};
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

const char *collab_i_load_use_name(collab_column_use use)
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
        collab_i_load_header_key(name, strlen(name), key, sizeof key, scratch);
        for (size_t c = 0; c < n_columns; c++) {
            if (strcmp(keys[c], key) == 0) {
                return c;
            }
        }
        /* No column of that name: a 1-based column number ("3") names the column by place. */
        char *end = NULL;
        unsigned long k = name[0] >= '1' && name[0] <= '9' ? strtoul(name, &end, 10) : 0;
        if (end != NULL && *end == '\0' && k >= 1 && k <= n_columns) {
            return (size_t)k - 1;
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

/* The header's columns as written, quoted and comma-separated ("'foo', 'bar'"), as many as fit. */
static void list_columns(const collab_edgelist *out, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t c = 0; c < out->n_columns; c++) {
        int n =
            snprintf(buf + used, size - used, "%s'%.60s'", c > 0 ? ", " : "", out->column_names[c]);
        if (n < 0 || (size_t)n >= size - used) {
            snprintf(buf + used, size - used, "%s", used + 6 < size ? ", ..." : "");
            return;
        }
        used += (size_t)n;
    }
}

/* The column whose key is closest to `key`, within `limit` edits; SIZE_MAX when none is. Ties:
 * the first column. */
static size_t closest_column(char keys[][64], size_t n_columns, const char *key, size_t limit)
{
    size_t best = SIZE_MAX;
    size_t best_d = limit + 1;
    for (size_t c = 0; c < n_columns; c++) {
        size_t d = collab_text_edit_distance(keys[c], key, best_d);
        if (d < best_d) {
            best = c;
            best_d = d;
        }
    }
    return best;
}

static collab_status missing_override(load_state *ls, const collab_i_csv_row *row, char keys[][64],
                                      collab_column_use use, collab_error *err)
{
    const char *name = override_for(ls->opt, use);
    char key[64];
    collab_i_load_header_key(name, strlen(name), key, sizeof key, &ls->scratch);
    size_t len = strlen(key);
    size_t near = closest_column(keys, ls->out->n_columns, key,
                                 len < 6       ? 1
                                 : len / 3 > 2 ? len / 3
                                               : 2);
    char columns[200];
    list_columns(ls->out, columns, sizeof columns);
    char hint[120] = "";
    if (near != SIZE_MAX) {
        snprintf(hint, sizeof hint, "did you mean '%.60s'? The header has ",
                 ls->out->column_names[near]);
    } else {
        snprintf(hint, sizeof hint, "the header has ");
    }
    return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
                               "no column named '%.60s' (given with --%s-col): %s%s", name,
                               collab_i_load_use_name(use), hint, columns);
}

/* "'Artst' looks like the person column (--person-col 'Artst')" for each required column whose
 * synonyms some header column nearly matches. */
static void near_misses(load_state *ls, char keys[][64], char *buf, size_t size)
{
    static const collab_column_use required[] = {COLLAB_COL_PERSON, COLLAB_COL_PROJECT,
                                                 COLLAB_COL_SOURCE, COLLAB_COL_TARGET};
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        const char *const *syn = synonyms_for(required[i]);
        size_t near = SIZE_MAX;
        for (size_t k = 0; syn[k] != NULL && near == SIZE_MAX; k++) {
            /* one edit for short names ("artst"), two from six letters ("musican") */
            size_t len = strlen(syn[k]);
            near = len >= 4 ? closest_column(keys, ls->out->n_columns, syn[k], len >= 6 ? 2 : 1)
                            : SIZE_MAX;
        }
        if (near == SIZE_MAX || used >= size) {
            continue;
        }
        int n = snprintf(buf + used, size - used,
                         "%s'%.40s' looks like the %s column (--%s-col "
                         "'%.40s')",
                         used > 0 ? "; " : "; ", ls->out->column_names[near],
                         collab_i_load_use_name(required[i]), collab_i_load_use_name(required[i]),
                         ls->out->column_names[near]);
        used = n > 0 && (size_t)n < size - used ? used + (size_t)n : size;
    }
}

/* Numbered columns of one stem ("Personnel 1", "Artist_2", "musician3"): a wide sheet. Writes
 * the hint with the glob to use, or "" when fewer than two columns share a stem. */
static void wide_hint(char keys[][64], size_t n, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t c = 0; c < n; c++) {
        size_t len = strlen(keys[c]);
        size_t stem = len;
        while (stem > 0 && keys[c][stem - 1] >= '0' && keys[c][stem - 1] <= '9') {
            stem--;
        }
        if (stem == 0 || stem == len) {
            continue;
        }
        size_t same = 0;
        for (size_t d = 0; d < n; d++) {
            same += strncmp(keys[d], keys[c], stem) == 0 && keys[d][stem] >= '0' &&
                    keys[d][stem] <= '9';
        }
        if (same >= 2) {
            snprintf(buf, size,
                     "; %zu numbered '%.*s' columns look like a wide sheet (one row per project): "
                     "--wide --person-cols '%.*s*' --project-col NAME",
                     same, (int)stem, keys[c], (int)stem, keys[c]);
            return;
        }
    }
}

static collab_status unknown_shape(load_state *ls, const collab_i_csv_row *row, char keys[][64],
                                   collab_error *err)
{
    char columns[160];
    list_columns(ls->out, columns, sizeof columns);
    char delimiter[8];
    if (ls->out->delimiter == '\t') {
        snprintf(delimiter, sizeof delimiter, "tab");
    } else {
        snprintf(delimiter, sizeof delimiter, "'%c'", ls->out->delimiter);
    }
    char wide[200];
    wide_hint(keys, ls->out->n_columns, wide, sizeof wide);
    if (wide[0] != '\0') {
        return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
                                   "cannot tell the shape from the header %s (delimiter %s)%s",
                                   columns, delimiter, wide);
    }
    if (ls->opt->no_header) {
        /* The columns are called 1, 2, ...: nothing to detect, only numbers to give. */
        return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
                                   "with --no-header the %zu columns (delimiter %s) are known by "
                                   "number only: name them with --person-col N --project-col M "
                                   "for credits, or --source-col N --target-col M for an edge "
                                   "list (for example --person-col 1 --project-col 2)",
                                   ls->out->n_columns, delimiter);
    }
    char near[240];
    near_misses(ls, keys, near, sizeof near);
    return collab_error_set_at(
        err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
        "cannot tell the shape from the header %s (delimiter %s): expected "
        "person,project[,role][,year] or source,target[,weight]; name the columns with "
        "--person-col and --project-col, or --source-col and --target-col (names or column "
        "numbers; %s, add --no-header)%s",
        columns, delimiter,
        ls->out->header_looks_like_data ? "the first row looks like data: if the file has no header"
                                        : "when this first row is data",
        near);
}

/* The shape the options ask for, else credits when the person and project columns were found
 * (`credits`), else edges when the source and target columns were (`edges`); COLLAB_SHAPE_AUTO
 * when neither. */
static collab_shape detect_shape(const collab_load_options *opt, size_t n_columns,
                                 const size_t *credits, const size_t *edges)
{
    if (opt->shape != COLLAB_SHAPE_AUTO) {
        return opt->shape;
    }
    if (credits[COLLAB_COL_PERSON] < n_columns && credits[COLLAB_COL_PROJECT] < n_columns) {
        return COLLAB_SHAPE_CREDITS;
    }
    if (edges[COLLAB_COL_SOURCE] < n_columns && edges[COLLAB_COL_TARGET] < n_columns) {
        return COLLAB_SHAPE_EDGES;
    }
    return COLLAB_SHAPE_AUTO;
}

/* Finds the columns of both shapes, decides the shape and keeps its columns in `ls->col`. */
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
        bool wide_person = ls->opt->person_cols != NULL && credit_uses[i] == COLLAB_COL_PERSON;
        credits[credit_uses[i]] = wide_person ? ls->wide[0]
                                              : find_column(keys, row->n_fields, credit_uses[i],
                                                            ls->opt, &ls->scratch, credits);
    }
    for (size_t i = 0; i < 3; i++) {
        edges[edge_uses[i]] =
            find_column(keys, row->n_fields, edge_uses[i], ls->opt, &ls->scratch, edges);
    }
    for (int u = 1; u < 8; u++) {
        size_t found = u <= COLLAB_COL_YEAR ? credits[u] : edges[u];
        if (found == SIZE_MAX - 1) {
            return missing_override(ls, row, keys, (collab_column_use)u, err);
        }
    }
    collab_shape shape = detect_shape(ls->opt, row->n_fields, credits, edges);
    if (shape == COLLAB_SHAPE_AUTO) {
        return unknown_shape(ls, row, keys, err);
    }
    const size_t *chosen = shape == COLLAB_SHAPE_CREDITS ? credits : edges;
    const collab_column_use *uses = shape == COLLAB_SHAPE_CREDITS ? credit_uses : edge_uses;
    size_t n_uses = shape == COLLAB_SHAPE_CREDITS ? 4 : 3;
    for (size_t i = 0; i < n_uses; i++) {
        if (chosen[uses[i]] == SIZE_MAX && i < 2) {
            return collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, row->line, 1,
                                       "the header has no '%s' column (name it with --%s-col)",
                                       collab_i_load_use_name(uses[i]),
                                       collab_i_load_use_name(uses[i]));
        }
    }
    ls->out->shape = shape;
    memcpy(ls->col, chosen, sizeof ls->col);
    return COLLAB_OK;
}

/* A header names its columns: an empty name, a bare year or a long text (over 40 bytes) is what
 * the first row of a file without a header has instead. */
static bool looks_like_data(const collab_i_csv_row *row)
{
    for (size_t c = 0; c < row->n_fields; c++) {
        const char *f = row->fields[c];
        size_t n = row->lengths[c];
        bool year = n == 4 && f[0] >= '1' && f[0] <= '2' && strspn(f, "0123456789") == 4;
        if (n == 0 || n > 40 || year) {
            return true;
        }
    }
    return false;
}

collab_status collab_i_load_read_header(load_state *ls, const collab_i_csv_row *row,
                                        collab_error *err)
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
    out->header_looks_like_data = !ls->opt->no_header && looks_like_data(row);
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
        collab_i_load_header_key(row->fields[c], row->lengths[c], keys[c], sizeof keys[c],
                                 &ls->scratch);
        out->column_names[c] = collab_strndup(row->fields[c], row->lengths[c]);
        if (out->column_names[c] == NULL) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading the header");
        }
    }
    if (st == COLLAB_OK && ls->opt->person_cols != NULL) {
        st = collab_i_load_wide_columns(ls, row, keys, err);
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
    for (size_t i = 0; i < ls->n_wide; i++) {
        out->column_use[ls->wide[i]] = COLLAB_COL_PERSON; /* every one a person column */
    }
    for (size_t c = 0; c < out->n_columns; c++) {
        if (out->column_use[c] == COLLAB_COL_EXTRA) {
            out->extra_columns[out->n_extra++] = c;
        }
    }
    ls->header_done = true;
    return COLLAB_OK;
}
