/* Who is left out before the projection: names that stand for no one in particular ("Various
 * Artists", "Unknown", "[unknown]", "N/A", "Anonymous", "Traditional"), and the people the user
 * names in drop_people. A placeholder credited on many projects would otherwise become the
 * best-connected "person" of the network, bridging projects that share nobody, and top every
 * centrality ranking. Names are compared folded: accents and case removed, every run of other
 * characters one space, so "[Unknown]", "unknown" and "Unknown " are one name. */
#include "collab/alloc.h"
#include "collab/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "graph_internal.h"

/* Folded placeholder names, in strcmp order (is_placeholder searches them by halves; a unit test
 * checks the order). Only whole names match: "Unknown Pleasures" is not a placeholder. */
static const char *const placeholder_names[] = {
    "anon",
    "anonimo",
    "anonym",
    "anonyme",
    "anonymous",
    "artist unknown",
    "artistes divers",
    "artisti vari",
    "autor desconocido",
    "composer unknown",
    "desconocido",
    "divers",
    "divers artistes",
    "inconnu",
    "n a",
    "na",
    "nan",
    "no artist",
    "no name",
    "noname",
    "none",
    "not credited",
    "not known",
    "null",
    "public domain",
    "sconosciuto",
    "tba",
    "tbd",
    "trad",
    "traditional",
    "unbekannt",
    "uncredited",
    "unidentified",
    "unidentified artist",
    "unknown",
    "unknown artist",
    "unknown artists",
    "unknown author",
    "unknown composer",
    "unknown performer",
    "unknown person",
    "unknown writer",
    "unkown",
    "v a",
    "va",
    "varios",
    "varios artistas",
    "varios autores",
    "varios interpretes",
    "various",
    "various artist",
    "various artistes",
    "various artists",
    "various composers",
    "various performers",
    "verschiedene",
    "verschiedene interpreten",
};

/* Longest placeholder in bytes before folding worth looking at: longer names are never folded
 * for this check, which keeps it cheap on files of a million names. */
#define PLACEHOLDER_MAX_BYTES 40

/* Adds byte `ch` of a case-folded name to out[*k] as folding keeps it: letters, digits and bytes
 * above 0x7f kept (ASCII lowercased), every run of other bytes one space, none leading. False
 * when `cap` bytes (the NUL included) leave no room. */
static bool add_folded(char *out, size_t *k, size_t cap, unsigned char ch)
{
    ch = ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
    bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
    if (!word && (*k == 0 || out[*k - 1] == ' ')) {
        return true;
    }
    if (*k + 1 >= cap) {
        return false;
    }
    out[(*k)++] = word ? (char)ch : ' ';
    return true;
}

/* Ends the folded text of `k` bytes at `out` without its trailing space. */
static void end_folded(char *out, size_t k)
{
    while (k > 0 && out[k - 1] == ' ') {
        k--;
    }
    out[k] = '\0';
}

/* Folds `s` into `out` (size `cap`): decomposed, marks stripped, case-folded, letters and digits
 * kept, every other run one space, trimmed. Returns false when it does not fit or utf8proc fails.
 */
static bool fold_name(const char *s, size_t len, char *out, size_t cap)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                     UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (n < 0) {
        return false;
    }
    size_t k = 0;
    bool fits = true;
    for (utf8proc_ssize_t i = 0; i < n && fits; i++) {
        fits = add_folded(out, &k, cap, mapped[i]);
    }
    free(mapped); /* utf8proc's own buffer */
    if (fits) {
        end_folded(out, k);
    }
    return fits;
}

/* A search by halves, the first letters compared inline: almost every name differs from the
 * entry there, and a strcmp call per step showed in the profile of a million names. */
static bool is_placeholder(const char *folded)
{
    size_t lo = 0;
    size_t hi = sizeof placeholder_names / sizeof placeholder_names[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *entry = placeholder_names[mid];
        int order = (unsigned char)folded[0] - (unsigned char)entry[0];
        if (order == 0) {
            order = strcmp(folded, entry);
        }
        if (order == 0) {
            return true;
        }
        if (order < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return false;
}

const char *const *collab_i_placeholder_names(size_t *count)
{
    *count = sizeof placeholder_names / sizeof placeholder_names[0];
    return placeholder_names;
}

/* Room for the folding of a name that may be a placeholder, the NUL included: the longest,
 * "verschiedene interpreten", has 24 bytes, and a space may come before the trailing one is
 * trimmed. A name that needs more is none. */
#define PLACEHOLDER_MAX_FOLDED 26

/* What fold_name gives `name`, one character at a time and without its allocation (which made
 * this check a quarter of `collab summary` of a million rows). Decomposing a character by
 * itself gives what utf8proc_map gives; its reordering of marks cannot matter, as marks are
 * stripped or end the check. Returns false when the name cannot fold to a placeholder (a
 * character keeps a byte above 0x7f: all placeholders are ASCII), or, through `settled`, leaves
 * a rare name (a character that decomposes into many) to fold_name. */
static bool fold_short(const char *name, size_t len, char *out, bool *settled)
{
    size_t k = 0;
    *settled = true;
    for (size_t i = 0; i < len;) {
        unsigned char ch = (unsigned char)name[i];
        if (ch < 0x80) {
            if (!add_folded(out, &k, PLACEHOLDER_MAX_FOLDED, ch)) {
                return false;
            }
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)name + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            return false;
        }
        i += (size_t)n;
        enum { MAX_PARTS = 8 };
        utf8proc_int32_t parts[MAX_PARTS];
        int boundclass = 0;
        utf8proc_ssize_t n_parts = utf8proc_decompose_char(
            cp, parts, MAX_PARTS,
            UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
            &boundclass);
        if (n_parts < 0 || n_parts > MAX_PARTS) {
            *settled = false;
            return false;
        }
        for (utf8proc_ssize_t p = 0; p < n_parts; p++) {
            if (parts[p] >= 0x80 ||
                !add_folded(out, &k, PLACEHOLDER_MAX_FOLDED, (unsigned char)parts[p])) {
                return false;
            }
        }
    }
    end_folded(out, k);
    return true;
}

/* Whether a placeholder starts with the letter `ch`: the first entry not before it, by halves. */
static bool starts_some_placeholder(unsigned char ch)
{
    size_t n = sizeof placeholder_names / sizeof placeholder_names[0];
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((unsigned char)placeholder_names[mid][0] < ch) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && (unsigned char)placeholder_names[lo][0] == ch;
}

/* False when the name's first letter or digit, which folding keeps first, is ASCII and starts no
 * placeholder: most names are settled here without folding. */
static bool may_start_placeholder(const char *name, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch >= 0x80) {
            return true;
        }
        ch = ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
        if (ch >= 'a' && ch <= 'z') {
            return starts_some_placeholder(ch);
        }
        if (ch >= '0' && ch <= '9') {
            return false;
        }
    }
    return false;
}

bool collab_graph_is_placeholder_name(const char *name)
{
    size_t len = strlen(name);
    if (len > PLACEHOLDER_MAX_BYTES || !may_start_placeholder(name, len)) {
        return false;
    }
    char folded[4 * PLACEHOLDER_MAX_BYTES + 8];
    bool settled;
    if (fold_short(name, len, folded, &settled)) {
        return is_placeholder(folded);
    }
    return !settled && fold_name(name, len, folded, sizeof folded) && is_placeholder(folded);
}

/* The name of `list` closest to `wanted` (folded), for the message when nothing matches. */
static const char *closest_name(const collab_edgelist *list, char *const *folded_names,
                                const char *wanted)
{
    size_t limit = strlen(wanted) / 3 > 2 ? strlen(wanted) / 3 + 1 : 3;
    const char *best = NULL;
    size_t best_d = limit;
    for (size_t id = 0; id < list->names_a.count; id++) {
        size_t d = collab_text_edit_distance(folded_names[id], wanted, best_d);
        if (d < best_d) {
            best_d = d;
            best = collab_names_get(&list->names_a, (uint32_t)id);
        }
    }
    return best;
}

/* Marks in `drop` the people of `list` named in opt->drop_people; a name that matches nobody is a
 * usage error naming the closest person. */
static collab_status mark_listed(const collab_edgelist *list, const collab_graph_options *opt,
                                 uint8_t *drop, collab_error *err)
{
    char **folded_names = collab_calloc_array(list->names_a.count + 1, sizeof *folded_names);
    if (folded_names == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory matching --drop-people");
    }
    collab_status st = COLLAB_OK;
    for (size_t id = 0; id < list->names_a.count && st == COLLAB_OK; id++) {
        size_t len = collab_names_length(&list->names_a, (uint32_t)id);
        size_t cap = 4 * len + 8; /* folding can grow a character (ß -> ss) */
        folded_names[id] = collab_malloc(cap);
        if (folded_names[id] == NULL || !fold_name(collab_names_get(&list->names_a, (uint32_t)id),
                                                   len, folded_names[id], cap)) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory matching --drop-people");
        }
    }
    for (size_t i = 0; i < opt->n_drop_people && st == COLLAB_OK; i++) {
        const char *name = opt->drop_people[i];
        size_t len = strlen(name);
        if (collab_text_invalid_utf8(name, len) < len) {
            st = collab_error_set(err, COLLAB_E_USAGE, "--drop-people: a name is not valid UTF-8");
            break;
        }
        char *wanted = collab_malloc(4 * len + 8);
        if (wanted == NULL || !fold_name(name, len, wanted, 4 * len + 8)) {
            collab_free(wanted);
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory matching --drop-people");
            break;
        }
        bool found = false;
        for (size_t id = 0; id < list->names_a.count; id++) {
            if (strcmp(folded_names[id], wanted) == 0) {
                drop[id] = 1;
                found = true;
            }
        }
        if (!found) {
            const char *near = closest_name(list, folded_names, wanted);
            st = collab_error_set(err, COLLAB_E_USAGE,
                                  "--drop-people: no person '%.200s' in '%s'%s%.200s%s", name,
                                  list->source, near != NULL ? "; closest: '" : "",
                                  near != NULL ? near : "", near != NULL ? "'" : "");
        }
        collab_free(wanted);
    }
    for (size_t id = 0; id < list->names_a.count; id++) {
        collab_free(folded_names[id]);
    }
    collab_free(folded_names);
    return st;
}

/* Keeps the COLLAB_HUBS_SHOWN most credited of the people left out, most credited first, ties by
 * id, in `stats`. */
static void remember_largest(const uint8_t *drop, const size_t *rows_of, size_t n_names,
                             collab_graph_stats *stats)
{
    for (size_t id = 0; id < n_names; id++) {
        if (drop[id] == 0) {
            continue;
        }
        size_t n = stats->n_left_out_shown;
        size_t at = n;
        while (at > 0 && rows_of[stats->left_out_people[at - 1]] < rows_of[id]) {
            at--;
        }
        if (at >= COLLAB_HUBS_SHOWN) {
            continue;
        }
        size_t last = n < COLLAB_HUBS_SHOWN ? n : COLLAB_HUBS_SHOWN - 1;
        for (size_t k = last; k > at; k--) {
            stats->left_out_people[k] = stats->left_out_people[k - 1];
            stats->left_out_rows[k] = stats->left_out_rows[k - 1];
            stats->left_out_placeholder[k] = stats->left_out_placeholder[k - 1];
        }
        stats->left_out_people[at] = (uint32_t)id;
        stats->left_out_rows[at] = rows_of[id];
        stats->left_out_placeholder[at] = drop[id] == 2;
        if (n < COLLAB_HUBS_SHOWN) {
            stats->n_left_out_shown++;
        }
    }
}

collab_status collab_i_people_left_out(const collab_edgelist *list, const collab_graph_options *opt,
                                       uint8_t **drop_out, collab_graph_stats *stats,
                                       collab_error *err)
{
    *drop_out = NULL;
    size_t n_names = list->names_a.count;
    uint8_t *drop = collab_calloc_array(n_names + 1, 1); /* 1 = listed, 2 = placeholder */
    if (drop == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding placeholder names");
    }
    collab_status st = COLLAB_OK;
    if (opt->n_drop_people > 0) {
        st = mark_listed(list, opt, drop, err);
    }
    size_t marked = 0;
    for (size_t id = 0; id < n_names && st == COLLAB_OK; id++) {
        if (drop[id] == 0 && !opt->keep_placeholders &&
            collab_graph_is_placeholder_name(collab_names_get(&list->names_a, (uint32_t)id))) {
            drop[id] = 2;
        }
        marked += drop[id] != 0;
    }
    if (st != COLLAB_OK || marked == 0) {
        collab_free(drop);
        return st;
    }
    size_t *rows_of = collab_calloc_array(n_names + 1, sizeof *rows_of);
    if (rows_of == NULL) {
        collab_free(drop);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory finding placeholder names");
    }
    bool edges = list->shape == COLLAB_SHAPE_EDGES;
    for (size_t r = 0; r < list->n_rows; r++) {
        rows_of[list->a[r]]++;
        if (edges && list->b[r] != list->a[r]) {
            rows_of[list->b[r]]++;
        }
    }
    for (size_t id = 0; id < n_names; id++) {
        if (drop[id] != 0 && rows_of[id] > 0) {
            stats->people_left_out++;
            stats->placeholders_left_out += drop[id] == 2;
        } else {
            drop[id] = 0; /* named but without a row: nothing to leave out */
        }
    }
    remember_largest(drop, rows_of, n_names, stats);
    collab_free(rows_of);
    if (stats->people_left_out == 0) {
        collab_free(drop);
        return COLLAB_OK;
    }
    *drop_out = drop;
    return COLLAB_OK;
}

void collab_graph_describe_people_left_out(const collab_graph *g, const collab_edgelist *list,
                                           char *buf, size_t size)
{
    const collab_graph_stats *st = &g->stats;
    if (size == 0) {
        return;
    }
    buf[0] = '\0';
    if (st->people_left_out == 0) {
        return;
    }
    const char *unit = list->shape == COLLAB_SHAPE_EDGES ? "row" : "credit";
    int used = snprintf(buf, size, "%zu %s left out before building the network (",
                        st->people_left_out, st->people_left_out == 1 ? "name" : "names");
    for (size_t i = 0; i < st->n_left_out_shown && used >= 0 && (size_t)used < size; i++) {
        char item[200];
        snprintf(item, sizeof item, "%s'%.100s', %s, %zu %s%s", i > 0 ? "; " : "",
                 collab_names_get(&list->names_a, st->left_out_people[i]),
                 st->left_out_placeholder[i] ? "placeholder" : "--drop-people",
                 st->left_out_rows[i], unit, st->left_out_rows[i] == 1 ? "" : "s");
        if ((size_t)used + strlen(item) + 8 >= size) {
            break;
        }
        used += snprintf(buf + used, size - (size_t)used, "%s", item);
    }
    if (used >= 0 && (size_t)used + 8 <= size) {
        snprintf(buf + used, size - (size_t)used, "%s)",
                 st->people_left_out > st->n_left_out_shown ? "; ..." : "");
    }
}
