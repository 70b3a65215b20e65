/* Person cells that look like lists of names ("A; B; C", "A & B"): counted while the rows are
 * read, with the separator most of them use and a first example, so that the CLI can warn and
 * name the --split-people option when a file keeps several people in one cell. */
#include "collab/load.h"

#include "collab/text.h"
#include "load_internal.h"

#include <stdio.h>
#include <string.h>

typedef collab_i_load_state load_state;

/* The separators of names in one cell, as found in the data and as --split-people takes them. */
static const struct {
    const char *text;  /* in the cell */
    const char *typed; /* for the hint */
} list_separators[] = {
    {";", ";"}, {"|", "|"}, {"/", "/"}, {"\n", "\\n"}, {", ", ", "}, {" & ", " & "},
    {" and ", " and "},
};
_Static_assert(sizeof list_separators / sizeof list_separators[0] <=
                   sizeof ((collab_i_load_state *)0)->list_votes /
                       sizeof ((collab_i_load_state *)0)->list_votes[0],
               "a vote per separator");

/* The first cell, cut after a whole name (at a separator) when it is too long to show. */
static void keep_example(collab_edgelist *out, const char *s, size_t len, const char *sep)
{
    size_t room = sizeof out->list_example - 4;
    size_t cut = len;
    if (len > room) {
        cut = 0;
        for (const char *at = s; (at = collab_text_find(at, len - (size_t)(at - s), sep,
                                                       strlen(sep))) != NULL &&
                                 (size_t)(at - s) <= room;
             at += strlen(sep)) {
            cut = (size_t)(at - s);
        }
    }
    memcpy(out->list_example, s, cut);
    snprintf(out->list_example + cut, sizeof out->list_example - cut, "%s",
             cut < len ? "..." : "");
}

/* The bytes of `sep` (n of them) at `at`: an inline loop, as a memcmp call per space of every
 * name cost more than the comparison. */
static bool same_bytes(const char *at, const char *sep, size_t n)
{
    size_t i = 0;
    while (i < n && at[i] == sep[i]) {
        i++;
    }
    return i == n;
}

void collab_i_load_note_list_cell(load_state *ls, const char *s, size_t len)
{
    enum { N_SEPS = sizeof list_separators / sizeof list_separators[0] };
    if (!ls->list_sep_ready) {
        for (size_t k = 0; k < N_SEPS; k++) {
            ls->list_sep_start[(unsigned char)list_separators[k].text[0]] |= (uint8_t)(1u << k);
            ls->list_sep_len[k] = (uint8_t)strlen(list_separators[k].text);
        }
        ls->list_sep_best = N_SEPS;
        ls->list_sep_ready = true;
    }
    /* One pass over the cell, which runs for every row: a search per separator was 4% of
     * reading a million rows. A byte that starts no separator (most) costs one look-up; one that
     * does is compared with the separators it starts (a space: " & " and " and "). Position 0
     * has nothing before it. */
    unsigned found = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        unsigned starts = ls->list_sep_start[(unsigned char)s[i]];
        if (__builtin_expect(starts == 0, 1)) {
            continue;
        }
        do {
            unsigned k = (unsigned)__builtin_ctz(starts);
            starts &= starts - 1;
            size_t n = ls->list_sep_len[k];
            if (i + n < len && same_bytes(s + i, list_separators[k].text, n)) {
                found |= 1u << k;
            }
        } while (starts != 0);
    }
    if (found == 0) {
        return;
    }
    size_t k = (size_t)__builtin_ctz(found);
    ls->list_votes[k]++;
    collab_edgelist *out = ls->out;
    out->list_cells++;
    size_t best = 0;
    for (size_t j = 1; j < N_SEPS; j++) {
        best = ls->list_votes[j] > ls->list_votes[best] ? j : best;
    }
    if (best != ls->list_sep_best) {
        ls->list_sep_best = best;
        snprintf(out->list_separator, sizeof out->list_separator, "%s",
                 list_separators[best].typed);
    }
    if (out->list_example[0] == '\0') {
        keep_example(out, s, len, list_separators[k].text);
    }
}
