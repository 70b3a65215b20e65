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

/* Folded placeholder names. Only whole names match: "Unknown Pleasures" is not a placeholder. */
static const char *const placeholder_names[] = {"various",
                                                "various artists",
                                                "various artist",
                                                "various performers",
                                                "various composers",
                                                "v a",
                                                "va",
                                                "varios",
                                                "varios artistas",
                                                "varios interpretes",
                                                "varios autores",
                                                "various artistes",
                                                "verschiedene",
                                                "verschiedene interpreten",
                                                "divers",
                                                "divers artistes",
                                                "artistes divers",
                                                "artisti vari",
                                                "unknown",
                                                "unknown artist",
                                                "unknown artists",
                                                "unknown composer",
                                                "unknown performer",
                                                "unknown author",
                                                "unknown writer",
                                                "unknown person",
                                                "artist unknown",
                                                "composer unknown",
                                                "unidentified",
                                                "unidentified artist",
                                                "unkown",
                                                "anonymous",
                                                "anon",
                                                "anonimo",
                                                "anonyme",
                                                "anonym",
                                                "desconocido",
                                                "autor desconocido",
                                                "inconnu",
                                                "unbekannt",
                                                "sconosciuto",
                                                "n a",
                                                "na",
                                                "nan",
                                                "null",
                                                "none",
                                                "no artist",
                                                "no name",
                                                "noname",
                                                "not credited",
                                                "uncredited",
                                                "not known",
                                                "tbd",
                                                "tba",
                                                "traditional",
                                                "trad",
                                                "public domain"};

/* Longest placeholder in bytes before folding worth looking at: longer names are never folded
 * for this check, which keeps it cheap on files of a million names. */
#define PLACEHOLDER_MAX_BYTES 40

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
        unsigned char ch = mapped[i];
        bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
        if (word) {
            fits = k + 1 < cap;
            if (fits) {
                out[k++] = (char)ch;
            }
        } else if (k > 0 && out[k - 1] != ' ') {
            fits = k + 1 < cap;
            if (fits) {
                out[k++] = ' ';
            }
        }
    }
    free(mapped); /* utf8proc's own buffer */
    while (k > 0 && out[k - 1] == ' ') {
        k--;
    }
    if (fits) {
        out[k] = '\0';
    }
    return fits;
}

static bool is_placeholder(const char *folded)
{
    for (size_t i = 0; i < sizeof placeholder_names / sizeof placeholder_names[0]; i++) {
        /* the first letter inline: almost every name differs there, and a call per entry per
         * name of a million-row file showed in its profile */
        if (placeholder_names[i][0] == folded[0] && strcmp(folded, placeholder_names[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* fold_name for a name of ASCII bytes only, where decomposing and stripping marks change nothing
 * and case folding is lowercasing: the same text without utf8proc's allocation, which took a
 * quarter of `collab summary`'s time on a million rows (332,000 names). False when the name has a
 * byte above 0x7f. */
static bool fold_ascii(const char *s, size_t len, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80) {
            return false;
        }
        ch = ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            out[k++] = (char)ch;
        } else if (k > 0 && out[k - 1] != ' ') {
            out[k++] = ' ';
        }
    }
    while (k > 0 && out[k - 1] == ' ') {
        k--;
    }
    out[k] = '\0';
    return true;
}

/* True when a character of the name keeps a byte above 0x7f through fold_name (which keeps any
 * such byte as a letter), so the name cannot fold to a placeholder, all of which are ASCII: Greek
 * to Arabic (U+0380-U+07FF), and the three-byte characters outside the few blocks whose
 * characters decompose or case-fold to ASCII or are marks that folding strips. Most names of a
 * large international file (CJK, Cyrillic) are settled here without utf8proc. */
static bool keeps_non_ascii(const char *name, size_t len)
{
    static const struct {
        uint32_t lo, hi;
    } maybe_ascii[] = {
        {0x1AB0, 0x1AFF}, /* combining marks */
        {0x1DC0, 0x1EFF}, /* combining marks, Latin Extended Additional */
        {0x20D0, 0x214F}, /* combining marks for symbols, letterlike (Kelvin sign) */
        {0xFB00, 0xFB06}, /* Latin ligatures, case-folded to letters */
        {0xFE20, 0xFE2F}, /* combining half marks */
    };
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c >= 0xCE && c <= 0xDF) {
            return true;
        }
        if (c >= 0xE0 && c <= 0xEF && i + 2 < len) {
            uint32_t cp = ((uint32_t)(c & 0x0F) << 12) |
                          ((uint32_t)((unsigned char)name[i + 1] & 0x3F) << 6) |
                          ((unsigned char)name[i + 2] & 0x3F);
            bool maybe = false;
            for (size_t k = 0; k < sizeof maybe_ascii / sizeof maybe_ascii[0]; k++) {
                maybe = maybe || (cp >= maybe_ascii[k].lo && cp <= maybe_ascii[k].hi);
            }
            if (!maybe) {
                return true;
            }
            i += 2;
        }
    }
    return false;
}

bool collab_graph_is_placeholder_name(const char *name)
{
    char folded[4 * PLACEHOLDER_MAX_BYTES + 8];
    size_t len = strlen(name);
    if (len > PLACEHOLDER_MAX_BYTES) {
        return false;
    }
    if (fold_ascii(name, len, folded)) {
        return is_placeholder(folded);
    }
    return !keeps_non_ascii(name, len) && fold_name(name, len, folded, sizeof folded) &&
           is_placeholder(folded);
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
