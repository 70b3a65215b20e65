/* The alias table (collab_aliases_load): a CSV whose first two columns are the alias and the
 * canonical name (further columns are notes, such as collab names' evidence), read by the
 * same reader as the main input (delimiter detection, BOM, quoting), its names normalised as the
 * main input's are; an alias given two different targets is an error. */
#include "collab/load.h"

#include "collab/alloc.h"
#include "collab/text.h"
#include "load_internal.h"

#include <errno.h>
#include <string.h>

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
    if (row->n_fields < 2) {
        /* Columns after the first two are notes (collab names writes its evidence there). */
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
    collab_i_load_job job = {.in = in,
                             .name = path,
                             .delimiter = 0,
                             .opt = &opt,
                             .on_row = on_alias_row,
                             .ctx = &as,
                             .used_delimiter = &as.delimiter};
    collab_status st = collab_i_load_run(&job, err);
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
