/* Identity from an id column. In a credits file converted from a database (collab import
 * discogs writes person_id and project_id) a name does not identify: two artists called
 * "John Smith" are two people, two releases called "Greatest Hits" are two projects, and one
 * person credited under two spellings is one. After the rows are read, the people (or projects)
 * are renumbered by their id, in order of first appearance; each is shown by the name used most
 * with its id (ties: the name seen first), and when that name is already another's, by
 * "Name [id 123]", so names stay unique for the commands that look people up by name. Rows with
 * an empty id keep their name as identity. */
#include "collab/alloc.h"

#include <stdlib.h>
#include <string.h>

#include "load_internal.h"

/* The column named by `option` (a header name or a 1-based number), or detected by header key
 * `detect`; *col = SIZE_MAX when there is none. */
static collab_status find_id_column(const collab_edgelist *out, const char *option,
                                    const char *detect, const char *option_name, size_t *col,
                                    collab_error *err)
{
    *col = SIZE_MAX;
    if (option != NULL && option[0] == '\0') {
        return COLLAB_OK;
    }
    collab_text_scratch scratch = {0};
    char want[64];
    if (option != NULL) {
        collab_i_load_header_key(option, strlen(option), want, sizeof want, &scratch);
    } else {
        snprintf(want, sizeof want, "%s", detect);
    }
    for (size_t c = 0; c < out->n_columns && *col == SIZE_MAX; c++) {
        char key[64];
        const char *name = out->column_names[c];
        collab_i_load_header_key(name, strlen(name), key, sizeof key, &scratch);
        if (strcmp(key, want) == 0) {
            *col = c;
        }
    }
    collab_text_scratch_free(&scratch);
    if (*col == SIZE_MAX && option != NULL) {
        char *end = NULL;
        unsigned long k = option[0] >= '1' && option[0] <= '9' ? strtoul(option, &end, 10) : 0;
        if (end == NULL || *end != '\0' || k < 1 || k > out->n_columns) {
            return collab_error_set_at(err, COLLAB_E_INPUT, out->source, 1, 1,
                                       "no column named '%s' (given with %s)", option, option_name);
        }
        *col = (size_t)k - 1;
    }
    if (*col != SIZE_MAX && out->column_use[*col] != COLLAB_COL_EXTRA) {
        return collab_error_set_at(err, COLLAB_E_INPUT, out->source, 1, 1,
                                   "column '%s' holds the %s names, not ids (given with %s)",
                                   out->column_names[*col],
                                   collab_i_load_use_name(out->column_use[*col]), option_name);
    }
    return COLLAB_OK;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a;
    uint64_t y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The shown name of each new id: the name used most with it (pairs sorted by new id, then by
 * name id, so a tie goes to the name seen first). */
static void most_used(const uint64_t *pairs, size_t n, uint32_t *best)
{
    uint32_t best_count = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && pairs[j] == pairs[i]) {
            j++;
        }
        uint32_t k = (uint32_t)(pairs[i] >> 32);
        uint32_t name = (uint32_t)pairs[i];
        uint32_t count = (uint32_t)(j - i);
        if (i == 0 || (uint32_t)(pairs[i - 1] >> 32) != k || count > best_count) {
            best[k] = name;
            best_count = count;
        }
        i = j;
    }
}

/* The new names, in new-id order: each new id gets the id it has in the table. */
static collab_status new_names(const collab_edgelist *out, const collab_names *old,
                               const uint32_t *best, const uint32_t *id_value, size_t n_new,
                               collab_names *names, size_t *renamed, collab_error *err)
{
    collab_status st = COLLAB_OK;
    char *buf = NULL;
    size_t cap = 0;
    for (uint32_t k = 0; k < n_new && st == COLLAB_OK; k++) {
        const char *name = collab_names_get(old, best[k]);
        size_t len = collab_names_length(old, best[k]);
        if (collab_names_find(names, name, len) != COLLAB_NO_ID) {
            const char *id = id_value[k] != COLLAB_NO_ID
                                 ? collab_names_get(&out->attr_values, id_value[k])
                                 : NULL;
            size_t need = len + (id != NULL ? strlen(id) : 0) + 16;
            if (!collab_grow_array((void **)&buf, &cap, need, 1)) {
                st = collab_error_nomem(err, "naming people by id");
                break;
            }
            len = (size_t)snprintf(buf, cap, id != NULL ? "%s [id %s]" : "%s [no id]", name,
                                   id != NULL ? id : "");
            name = buf;
            ++*renamed;
        }
        uint32_t got;
        st = collab_names_intern(names, name, len, &got, err);
        if (st == COLLAB_OK && got != k) {
            st = collab_error_set_at(err, COLLAB_E_INPUT, out->source, 0, 0,
                                     "the name '%s' is taken twice even with its id", name);
        }
    }
    collab_free(buf);
    return st;
}

/* Renumbers `row_ids` (out->a or out->b) and replaces `names` by identity in extra column e. */
static collab_status remap(collab_edgelist *out, collab_names *names, uint32_t *row_ids, size_t e,
                           size_t *renamed, collab_error *err)
{
    size_t n = out->n_rows;
    uint32_t *by_value = collab_alloc_array(out->attr_values.count + 1, sizeof *by_value);
    uint32_t *by_name = collab_alloc_array(names->count + 1, sizeof *by_name);
    uint32_t *id_value = collab_alloc_array(n + 1, sizeof *id_value); /* per new id */
    uint64_t *pairs = collab_alloc_array(n + 1, sizeof *pairs);
    uint32_t *best = collab_alloc_array(n + 1, sizeof *best);
    collab_names fresh;
    collab_names_init(&fresh);
    collab_status st = COLLAB_OK;
    if (by_value == NULL || by_name == NULL || id_value == NULL || pairs == NULL || best == NULL) {
        st = collab_error_nomem(err, "identifying people by id");
    }
    uint32_t n_new = 0;
    for (size_t i = 0; st == COLLAB_OK && i < out->attr_values.count; i++) {
        by_value[i] = COLLAB_NO_ID;
    }
    for (size_t i = 0; st == COLLAB_OK && i < names->count; i++) {
        by_name[i] = COLLAB_NO_ID;
    }
    for (size_t r = 0; st == COLLAB_OK && r < n; r++) {
        uint32_t v = out->attrs[r * out->n_extra + e];
        bool empty = collab_names_length(&out->attr_values, v) == 0;
        uint32_t *slot = empty ? &by_name[row_ids[r]] : &by_value[v];
        if (*slot == COLLAB_NO_ID) {
            id_value[n_new] = empty ? COLLAB_NO_ID : v;
            *slot = n_new++;
        }
        pairs[r] = (uint64_t)*slot << 32 | row_ids[r];
    }
    if (st == COLLAB_OK) {
        qsort(pairs, n, sizeof *pairs, compare_u64);
        most_used(pairs, n, best);
        st = new_names(out, names, best, id_value, n_new, &fresh, renamed, err);
    }
    if (st == COLLAB_OK) {
        for (size_t r = 0; r < n; r++) {
            uint32_t v = out->attrs[r * out->n_extra + e];
            row_ids[r] =
                collab_names_length(&out->attr_values, v) == 0 ? by_name[row_ids[r]] : by_value[v];
        }
        collab_names_destroy(names);
        *names = fresh;
    } else {
        collab_names_destroy(&fresh);
    }
    collab_free(by_value);
    collab_free(by_name);
    collab_free(id_value);
    collab_free(pairs);
    collab_free(best);
    return st;
}

static size_t extra_index(const collab_edgelist *out, size_t col)
{
    for (size_t e = 0; e < out->n_extra; e++) {
        if (out->extra_columns[e] == col) {
            return e;
        }
    }
    return SIZE_MAX;
}

collab_status collab_i_load_apply_ids(collab_edgelist *out, const collab_load_options *opt,
                                      collab_error *err)
{
    if (out->shape != COLLAB_SHAPE_CREDITS) {
        if (opt->person_id_col != NULL && opt->person_id_col[0] != '\0') {
            return collab_error_set(err, COLLAB_E_USAGE,
                                    "--person-id-col applies to credits, not to an edge list");
        }
        return COLLAB_OK;
    }
    size_t pc;
    size_t jc;
    collab_status st =
        find_id_column(out, opt->person_id_col, "personid", "--person-id-col", &pc, err);
    if (st == COLLAB_OK) {
        st = find_id_column(out, opt->project_id_col, "projectid", "--project-id-col", &jc, err);
    }
    if (st == COLLAB_OK && pc != SIZE_MAX) {
        st = remap(out, &out->names_a, out->a, extra_index(out, pc), &out->ids_renamed, err);
        out->persons_by_id = st == COLLAB_OK;
        out->person_id_column = pc;
    }
    if (st == COLLAB_OK && jc != SIZE_MAX) {
        st = remap(out, &out->names_b, out->b, extra_index(out, jc), &out->ids_renamed, err);
        out->projects_by_id = st == COLLAB_OK;
        out->project_id_column = jc;
    }
    return st;
}
