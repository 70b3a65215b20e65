/* Wide sheets: one row per album, film or track, its people across columns ("Personnel 1",
 * "Personnel 2", ..., or "Producer", "Engineer", "Guitar"). --person-cols names those columns;
 * each non-empty cell becomes one credit on the row's project. */
#include "collab/alloc.h"
#include "collab/text.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"

typedef collab_i_load_state load_state;

/* Marks the columns one part of the list names: a 1-based number, a range "a-b", a glob, or a
 * name (matched by its header key). Returns how many columns it names (marked before or not, so
 * that overlapping parts such as "3-20,Personnel 1" are no error). */
static size_t mark_part(const char *part, const collab_i_csv_row *header, char keys[][64],
                        collab_text_scratch *scratch, uint8_t *wanted)
{
    size_t n = header->n_fields;
    size_t marked = 0;
    char *end = NULL;
    unsigned long a = isdigit((unsigned char)part[0]) ? strtoul(part, &end, 10) : 0;
    unsigned long b = a;
    if (end != NULL && *end == '-' && isdigit((unsigned char)end[1])) {
        b = strtoul(end + 1, &end, 10);
    }
    if (end != NULL && *end == '\0') {
        for (unsigned long k = a; k >= 1 && k <= b && k <= n; k++) {
            marked++;
            wanted[k - 1] = 1;
        }
        return marked;
    }
    bool glob = strpbrk(part, "*?[") != NULL;
    /* Globs ignore case as names do: 'Personnel*' and 'personnel*' both match "Personnel 1". */
    char pattern[256];
    size_t plen = strlen(part) < sizeof pattern - 1 ? strlen(part) : sizeof pattern - 1;
    for (size_t i = 0; i < plen; i++) {
        pattern[i] = (char)tolower((unsigned char)part[i]);
    }
    pattern[plen] = '\0';
    char key[64];
    collab_i_load_header_key(part, strlen(part), key, sizeof key, scratch);
    /* The key drops punctuation, which would read "Musician 1-3" as "Musician 13": a name whose
     * digits are split by punctuation matches only a header spelt the same (ignoring case). */
    bool split_digits = false;
    for (size_t i = 1; i + 1 < plen && !split_digits; i++) {
        size_t j = i;
        while (j + 1 < plen && !isalnum((unsigned char)part[j])) {
            j++;
        }
        split_digits =
            j > i && isdigit((unsigned char)part[i - 1]) && isdigit((unsigned char)part[j]);
    }
    for (size_t c = 0; c < n; c++) {
        char lower[256];
        size_t len = header->lengths[c] < sizeof lower - 1 ? header->lengths[c] : sizeof lower - 1;
        for (size_t i = 0; i < len; i++) {
            lower[i] = (char)tolower((unsigned char)header->fields[c][i]);
        }
        lower[len] = '\0';
        bool hit = glob ? fnmatch(pattern, lower, 0) == 0 || fnmatch(pattern, keys[c], 0) == 0
                   : split_digits ? strcmp(lower, pattern) == 0
                                  : strcmp(keys[c], key) == 0;
        if (hit) {
            marked++;
            wanted[c] = 1;
        }
    }
    return marked;
}

collab_status collab_i_load_wide_columns(load_state *ls, const collab_i_csv_row *header,
                                         char keys[][64], collab_error *err)
{
    size_t n = header->n_fields;
    uint8_t *wanted = collab_calloc_array(n + 1, 1);
    char *list = collab_strndup(ls->opt->person_cols, strlen(ls->opt->person_cols));
    ls->wide = collab_alloc_array(n + 1, sizeof *ls->wide);
    if (wanted == NULL || list == NULL || ls->wide == NULL) {
        collab_free(wanted);
        collab_free(list);
        return collab_error_nomem(err, "reading the header");
    }
    collab_status st = COLLAB_OK;
    char *save = NULL;
    for (char *part = strtok_r(list, ",", &save); part != NULL && st == COLLAB_OK;
         part = strtok_r(NULL, ",", &save)) {
        while (*part == ' ') {
            part++;
        }
        if (*part != '\0' && mark_part(part, header, keys, &ls->scratch, wanted) == 0) {
            st = collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, header->line, 1,
                                     "--person-cols: '%.60s' matches no column of the header "
                                     "(names, numbers from 1 to %zu, ranges such as 3-%zu, or "
                                     "globs such as 'musician*')",
                                     part, n, n);
        }
    }
    ls->n_wide = 0;
    for (size_t c = 0; st == COLLAB_OK && c < n; c++) {
        if (wanted[c]) {
            ls->wide[ls->n_wide++] = c;
        }
    }
    if (st == COLLAB_OK && ls->n_wide == 0) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, ls->out->source, header->line, 1,
                                 "--person-cols names no column");
    }
    collab_free(wanted);
    collab_free(list);
    return st;
}

/* The row's project name: its title, or "Title (line N)" when an earlier row had that title. */
static collab_status row_project(load_state *ls, const collab_i_csv_row *row, size_t cp,
                                 const char **name, size_t *len, collab_error *err)
{
    const char *title = row->fields[cp];
    size_t n = row->lengths[cp];
    size_t need = n + 32;
    if (ls->wide_project_cap < need) {
        char *grown = collab_realloc(ls->wide_project, need);
        if (grown == NULL) {
            return collab_error_nomem(err, "reading a wide sheet");
        }
        ls->wide_project = grown;
        ls->wide_project_cap = need;
    }
    memcpy(ls->wide_project, title, n);
    ls->wide_project[n] = '\0';
    if (n > 0 && collab_names_find(&ls->out->names_b, title, n) != COLLAB_NO_ID) {
        n += (size_t)snprintf(ls->wide_project + n, need - n, " (line %ld)", row->line);
    }
    *name = ls->wide_project;
    *len = n;
    return COLLAB_OK;
}

collab_status collab_i_load_wide_row(load_state *ls, const collab_i_csv_row *row, collab_error *err)
{
    collab_edgelist *out = ls->out;
    size_t cp = ls->col[COLLAB_COL_PROJECT];
    size_t person = ls->wide[0];
    const char *project = NULL;
    size_t project_len = 0;
    collab_status st = row_project(ls, row, cp, &project, &project_len, err);
    size_t first_row = out->n_rows;
    for (size_t i = 0; st == COLLAB_OK && i < ls->n_wide; i++) {
        size_t c = ls->wide[i];
        size_t a = 0;
        size_t b = row->lengths[c];
        while (a < b && (row->fields[c][a] == ' ' || row->fields[c][a] == '\t')) {
            a++;
        }
        if (a == b) {
            continue; /* an empty cell: nobody in that column on this row */
        }
        collab_i_csv_row cell;
        st = collab_i_load_row_with(ls, row, person, row->fields[c], row->lengths[c], &cell, err);
        if (st == COLLAB_OK) {
            cell.fields[cp] = project;
            cell.lengths[cp] = project_len;
            st = collab_i_load_credit(ls, &cell, err);
        }
    }
    if (st != COLLAB_OK) {
        out->n_rows = first_row; /* the row is read whole or not at all */
    }
    return st;
}
