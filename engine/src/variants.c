/* Name variants (collab/variants.h). Each name gets a folded form (decomposed, marks stripped,
 * case-folded, '$' read as 's', everything but letters and digits dropped between words), with a
 * Discogs suffix "(2)" removed and "Last, First" turned round; names are then sorted by folded form
 * and by folded surname, and compared only inside those blocks. */
#include "collab/variants.h"

#include "collab/alloc.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* A name's forms, for blocking and comparing. */
typedef struct form {
    uint32_t vertex;   /* the vertex */
    char *folded;      /* the whole name folded, words separated by one space (collab_malloc) */
    char *surname;     /* its last word (points into `folded`) */
    bool inverted;     /* written "Last, First" */
    bool suffixed;     /* had a "(N)" suffix */
} form;

/* Folds `name` into words of letters and digits, the suffix and the comma order resolved. */
static char *fold(const char *name, bool *inverted, bool *suffixed)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, 0, &mapped,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (n < 0) {
        return NULL;
    }
    char *s = (char *)mapped;
    size_t len = (size_t)n;
    /* a trailing "(digits)" */
    *suffixed = false;
    size_t end = len;
    while (end > 0 && s[end - 1] == ' ') {
        end--;
    }
    if (end > 2 && s[end - 1] == ')') {
        size_t open = end - 1;
        while (open > 0 && s[open - 1] >= '0' && s[open - 1] <= '9') {
            open--;
        }
        if (open > 0 && open < end - 1 && s[open - 1] == '(') {
            len = open - 1;
            *suffixed = true;
        }
    }
    /* "Last, First" -> "First Last" when there is exactly one comma */
    char *comma = memchr(s, ',', len);
    *inverted = comma != NULL && memchr(comma + 1, ',', len - (size_t)(comma - s) - 1) == NULL &&
                comma > s && (size_t)(comma - s) + 1 < len;
    char *out = collab_malloc(len + 2);
    if (out == NULL) {
        free(s);
        return NULL;
    }
    size_t k = 0;
    const char *parts[2][2] = {{s, s + len}, {NULL, NULL}};
    if (*inverted) {
        parts[0][0] = comma + 1;
        parts[0][1] = s + len;
        parts[1][0] = s;
        parts[1][1] = comma;
    }
    for (int p = 0; p < 2 && parts[p][0] != NULL; p++) {
        for (const char *c = parts[p][0]; c < parts[p][1]; c++) {
            char ch = *c == '$' ? 's' : *c;
            bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                        (unsigned char)ch >= 0x80;
            if (word) {
                out[k++] = ch;
            } else if (k > 0 && out[k - 1] != ' ' && ch != '.' && ch != '\'') {
                out[k++] = ' ';
            } else if (ch == '.' && k > 0 && out[k - 1] != ' ') {
                out[k++] = ' '; /* "J.S." -> "j s" */
            }
        }
        if (k > 0 && out[k - 1] != ' ') {
            out[k++] = ' ';
        }
    }
    while (k > 0 && out[k - 1] == ' ') {
        k--;
    }
    out[k] = '\0';
    free(s);
    return out;
}

static int by_folded(const void *a, const void *b)
{
    const form *x = a;
    const form *y = b;
    int c = strcmp(x->folded, y->folded);
    return c != 0 ? c : (x->vertex > y->vertex) - (x->vertex < y->vertex);
}

/* Initials only match given names with the same first letter and surname: that is the block. */
static int same_block(const form *x, const form *y)
{
    int c = strcmp(x->surname, y->surname);
    return c != 0 ? c : (x->folded[0] > y->folded[0]) - (x->folded[0] < y->folded[0]);
}

static int by_surname(const void *a, const void *b)
{
    int c = same_block(a, b);
    return c != 0 ? c : by_folded(a, b);
}

/* Are the given names of `a` initials of those of `b` (same number of words, same surname, each
 * word of `a` one letter equal to the first letter of b's, at least one such initial)? */
static bool initials_of(const char *a, const char *b)
{
    bool any = false;
    while (*a != '\0' && *b != '\0') {
        const char *ea = strchr(a, ' ');
        const char *eb = strchr(b, ' ');
        size_t la = ea != NULL ? (size_t)(ea - a) : strlen(a);
        size_t lb = eb != NULL ? (size_t)(eb - b) : strlen(b);
        if ((ea == NULL) != (eb == NULL)) {
            return false; /* different numbers of words */
        }
        if (ea == NULL) {
            return any && la == lb && memcmp(a, b, la) == 0; /* the surname */
        }
        if (la == 1 && lb > 1 && a[0] == b[0]) {
            any = true;
        } else if (la != lb || memcmp(a, b, la) != 0) {
            return false;
        }
        a = ea + 1;
        b = eb + 1;
    }
    return false;
}

typedef struct finder {
    const collab_graph *g;
    const collab_edgelist *list;
    uint32_t *credits;          /* per vertex: kept credit rows */
    uint8_t *odd_form;          /* per vertex: 1 for "Last, First", 2 for a "(N)" suffix: such a
                                   name is the alias when its pair is written plainly */
    collab_variant *out;        /* found */
    size_t n, cap;
} finder;

/* Do u and v share a project (credits)? Then they are two people credited together. */
static bool credited_together(const finder *f, uint32_t u, uint32_t v)
{
    igraph_integer_t eid = -1;
    igraph_get_eid(&f->g->graph, &eid, u, v, IGRAPH_UNDIRECTED, false);
    return eid >= 0 && f->g->shape == COLLAB_SHAPE_CREDITS;
}

static size_t shared_neighbours(const collab_graph *g, uint32_t u, uint32_t v)
{
    igraph_vector_int_t a, b;
    size_t shared = 0;
    if (igraph_vector_int_init(&a, 0) != IGRAPH_SUCCESS) {
        return 0;
    }
    if (igraph_vector_int_init(&b, 0) == IGRAPH_SUCCESS) {
        if (igraph_neighbors(&g->graph, &a, u, IGRAPH_ALL) == IGRAPH_SUCCESS &&
            igraph_neighbors(&g->graph, &b, v, IGRAPH_ALL) == IGRAPH_SUCCESS) {
            igraph_integer_t i = 0, j = 0; /* both sorted */
            while (i < igraph_vector_int_size(&a) && j < igraph_vector_int_size(&b)) {
                igraph_integer_t x = VECTOR(a)[i], y = VECTOR(b)[j];
                shared += x == y;
                i += x <= y;
                j += y <= x;
            }
        }
        igraph_vector_int_destroy(&b);
    }
    igraph_vector_int_destroy(&a);
    return shared;
}

/* Is u the better canonical name than v: written plainly (not inverted, no suffix), then more
 * credited, then seen first? */
static bool prefer(const finder *f, uint32_t u, uint32_t v)
{
    if (f->odd_form[u] != f->odd_form[v]) {
        return f->odd_form[u] < f->odd_form[v];
    }
    if (f->credits[u] != f->credits[v]) {
        return f->credits[u] > f->credits[v];
    }
    return u < v;
}

static collab_status propose(finder *f, const form *a, const form *b, collab_variant_evidence e,
                             double base, collab_error *err)
{
    /* Each pass proposes a pair once (i < j, or initials one way), and the passes cannot meet:
     * equal folded names are never initials of each other. */
    if (a->vertex == b->vertex || credited_together(f, a->vertex, b->vertex)) {
        return COLLAB_OK;
    }
    if (!collab_grow_array((void **)&f->out, &f->cap, f->n + 1, sizeof *f->out)) {
        return collab_error_nomem(err, "finding name variants");
    }
    uint32_t u = a->vertex, v = b->vertex;
    bool u_canonical = prefer(f, u, v);
    size_t shared = shared_neighbours(f->g, u, v);
    double confidence = base + (1 - base) * (double)shared / (double)(shared + 2);
    f->out[f->n++] = (collab_variant){u_canonical ? v : u, u_canonical ? u : v, e, shared,
                                      confidence};
    return COLLAB_OK;
}

/* The folded forms of every person, or an error. */
static collab_status make_forms(const collab_graph *g, form **out, size_t *n_out,
                                collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    form *f = collab_calloc_array(n + 1, sizeof *f);
    if (f == NULL) {
        return collab_error_nomem(err, "finding name variants");
    }
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        if (g->is_project != NULL && g->is_project[v]) {
            continue;
        }
        form *x = &f[k];
        x->vertex = (uint32_t)v;
        x->folded = fold(collab_graph_name(g, v), &x->inverted, &x->suffixed);
        if (x->folded == NULL) {
            continue; /* invalid text cannot be a name of the graph; skip it */
        }
        char *last = strrchr(x->folded, ' ');
        x->surname = last != NULL ? last + 1 : x->folded;
        k++;
    }
    *out = f;
    *n_out = k;
    return COLLAB_OK;
}

static int by_confidence(const void *a, const void *b)
{
    const collab_variant *x = a;
    const collab_variant *y = b;
    if (x->confidence != y->confidence) {
        return x->confidence > y->confidence ? -1 : 1;
    }
    if (x->canonical != y->canonical) {
        return x->canonical < y->canonical ? -1 : 1;
    }
    return (x->alias > y->alias) - (x->alias < y->alias);
}

/* More names than this sharing one folded form are a common name borne by different people (or a
 * file's own numbering, "John Smith (2)" to "(40)"), not one person's variants: not proposed. */
#define MAX_SAME_NAME 12

static collab_status scan_blocks(finder *fd, form *f, size_t n, collab_error *err)
{
    collab_status st = COLLAB_OK;
    /* equal folded forms: one person written several ways */
    if (n > 1) {
        qsort(f, n, sizeof *f, by_folded);
    }
    for (size_t i = 0; st == COLLAB_OK && i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(f[i].folded, f[j].folded) == 0) {
            j++;
        }
        for (size_t a = i; st == COLLAB_OK && j - i <= MAX_SAME_NAME && a < j; a++) {
            for (size_t b = a + 1; st == COLLAB_OK && b < j; b++) {
                if (f[a].suffixed && f[b].suffixed) {
                    continue; /* "(2)" and "(3)": a file that tells two people apart */
                }
                /* A suffix difference decides, even with the order turned round too: "Carol
                 * Patel (3)" against "Patel, Carol" is as doubtful as against "Carol Patel". */
                collab_variant_evidence e = f[a].suffixed != f[b].suffixed ? COLLAB_VARIANT_SUFFIX
                                            : f[a].inverted != f[b].inverted
                                                ? COLLAB_VARIANT_INVERTED
                                                : COLLAB_VARIANT_FOLDED;
                st = propose(fd, &f[a], &f[b], e, e == COLLAB_VARIANT_SUFFIX ? 0.3 : 0.9, err);
            }
        }
        i = j;
    }
    /* one surname and first letter: initials against given names */
    if (n > 1) {
        qsort(f, n, sizeof *f, by_surname);
    }
    for (size_t i = 0; st == COLLAB_OK && i < n;) {
        size_t j = i;
        while (j < n && same_block(&f[j], &f[i]) == 0) {
            j++;
        }
        for (size_t a = i; st == COLLAB_OK && a < j; a++) {
            for (size_t b = i; st == COLLAB_OK && b < j; b++) {
                if (a != b && initials_of(f[a].folded, f[b].folded)) {
                    st = propose(fd, &f[a], &f[b], COLLAB_VARIANT_INITIALS, 0.5, err);
                }
            }
        }
        i = j;
    }
    return st;
}

static uint32_t root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Names linked by variants form groups; every alias of a group points at the group's best name,
 * once, so the list reads as an alias file (an alias with two targets would be refused). Each
 * alias keeps the evidence of its most confident pair. */
static collab_status resolve_groups(finder *fd, size_t nv, collab_error *err)
{
    uint32_t *parent = collab_alloc_array(nv + 1, sizeof *parent);
    uint8_t *done = collab_calloc_array(nv + 1, 1);
    if (parent == NULL || done == NULL) {
        collab_free(parent);
        collab_free(done);
        return collab_error_nomem(err, "finding name variants");
    }
    for (size_t v = 0; v < nv; v++) {
        parent[v] = (uint32_t)v;
    }
    for (size_t i = 0; i < fd->n; i++) {
        uint32_t a = root(parent, fd->out[i].alias);
        uint32_t b = root(parent, fd->out[i].canonical);
        if (a != b) {
            /* the better name becomes the root */
            if (prefer(fd, a, b)) {
                parent[b] = a;
            } else {
                parent[a] = b;
            }
        }
    }
    if (fd->n > 1) { /* qsort takes no NULL array, which an empty list is */
        qsort(fd->out, fd->n, sizeof *fd->out, by_confidence);
    }
    size_t k = 0;
    for (size_t i = 0; i < fd->n; i++) {
        collab_variant p = fd->out[i];
        uint32_t best = root(parent, p.alias);
        uint32_t alias = p.alias == best ? p.canonical : p.alias;
        if (alias == best || done[alias]) {
            continue;
        }
        done[alias] = 1;
        p.alias = alias;
        p.canonical = best;
        fd->out[k++] = p;
    }
    fd->n = k;
    collab_free(parent);
    collab_free(done);
    return COLLAB_OK;
}

collab_status collab_variants_find(const collab_graph *g, const collab_edgelist *list,
                                   collab_variant **out, size_t *n_out, collab_error *err)
{
    if (g->shape == COLLAB_SHAPE_CREDITS && g->view != COLLAB_VIEW_PEOPLE) {
        return collab_error_set(err, COLLAB_E_USAGE, "name variants are looked for among people: "
                                                     "use --view people");
    }
    finder fd = {.g = g, .list = list};
    size_t nv = collab_graph_vertex_count(g);
    fd.credits = collab_calloc_array(nv + 1, sizeof *fd.credits);
    form *f = NULL;
    size_t n = 0;
    collab_status st = fd.credits == NULL ? collab_error_nomem(err, "finding name variants")
                                          : make_forms(g, &f, &n, err);
    if (st == COLLAB_OK && g->shape == COLLAB_SHAPE_CREDITS) {
        uint32_t *vertex_of = collab_alloc_array(list->names_a.count + 1, sizeof *vertex_of);
        st = vertex_of == NULL ? collab_error_nomem(err, "finding name variants") : COLLAB_OK;
        for (size_t v = 0; st == COLLAB_OK && v < nv; v++) {
            vertex_of[g->origin[v]] = (uint32_t)v;
        }
        for (size_t r = 0; st == COLLAB_OK && r < list->n_rows; r++) {
            if (g->row_kept == NULL || g->row_kept[r]) {
                fd.credits[vertex_of[list->a[r]]]++;
            }
        }
        collab_free(vertex_of);
    }
    fd.odd_form = st == COLLAB_OK ? collab_calloc_array(nv + 1, 1) : NULL;
    if (st == COLLAB_OK && fd.odd_form == NULL) {
        st = collab_error_nomem(err, "finding name variants");
    }
    for (size_t i = 0; st == COLLAB_OK && i < n; i++) {
        fd.odd_form[f[i].vertex] = f[i].inverted ? 1 : f[i].suffixed ? 2 : 0;
    }
    if (st == COLLAB_OK) {
        st = scan_blocks(&fd, f, n, err);
    }
    if (st == COLLAB_OK) {
        st = resolve_groups(&fd, nv, err);
    }
    collab_free(fd.odd_form);
    for (size_t i = 0; i < n; i++) {
        collab_free(f[i].folded);
    }
    collab_free(f);
    collab_free(fd.credits);
    if (st != COLLAB_OK) {
        collab_free(fd.out);
        return st;
    }
    if (fd.n > 1) {
        qsort(fd.out, fd.n, sizeof *fd.out, by_confidence);
    }
    *out = fd.out;
    *n_out = fd.n;
    return COLLAB_OK;
}

const char *collab_variant_evidence_name(collab_variant_evidence e)
{
    static const char *const names[] = {"folded", "inverted", "suffix", "initials"};
    return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : "?";
}
