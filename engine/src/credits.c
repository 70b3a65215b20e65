/* Per-node facts from the credit rows: how often each node was credited, in which roles (most
 * credited first) and in which years. A person's are the rows naming them; a project's
 * (projects and bipartite views) the rows made on it. Only kept rows count (those that passed
 * --roles and --years). Used by the reports and the exports. */
#include "collab/credits.h"

#include "collab/alloc.h"
#include "collab/numtext.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>


/* One (vertex, role) pair of a kept credit row; sorted to count the roles of each vertex. */
typedef struct role_key {
    uint32_t vertex; /* the vertex credited */
    uint32_t role;   /* the role id */
} role_key;

/* The runs of equal keys are counted in place, over the keys already read. */
_Static_assert(sizeof(role_key) == sizeof(collab_role_count), "a count fits in a key's place");

/* A vertex's roles, most credited first, ties by role id (first appearance in the file). */
static int compare_role_count(const void *a, const void *b)
{
    const collab_role_count *x = a;
    const collab_role_count *y = b;
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return (x->role > y->role) - (x->role < y->role);
}

/* The vertices of each person and project (COLLAB_NO_ID when not a vertex of this view). */
static collab_status vertex_maps(const collab_credit_facts *x, const collab_graph *g,
                                 const collab_edgelist *list, uint32_t **person,
                                 uint32_t **project, collab_error *err)
{
    *person = collab_alloc_array(list->names_a.count + 1, sizeof **person);
    *project = collab_alloc_array(list->names_b.count + 1, sizeof **project);
    if (*person == NULL || *project == NULL) {
        return collab_error_nomem(err, "counting credits");
    }
    memset(*person, 0xff, list->names_a.count * sizeof **person);
    memset(*project, 0xff, list->names_b.count * sizeof **project);
    for (size_t v = 0; v < x->n; v++) {
        if (g->is_project != NULL && g->is_project[v]) {
            (*project)[g->origin[v]] = (uint32_t)v;
        } else {
            (*person)[g->origin[v]] = (uint32_t)v;
        }
    }
    return COLLAB_OK;
}

/* Credit counts and year spans; collects the (vertex, role) keys. Returns the key count. */
static size_t count_credits(collab_credit_facts *x, const collab_graph *g,
                            const collab_edgelist *list, const uint32_t *person,
                            const uint32_t *project, uint32_t *dated, role_key *keys)
{
    double *year_sum = x->year_mean; /* summed here, divided below */
    size_t n_keys = 0;
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept != NULL && !g->row_kept[r]) {
            continue;
        }
        uint32_t ends[2] = {person[list->a[r]], project[list->b[r]]};
        for (int k = 0; k < 2; k++) {
            uint32_t v = ends[k];
            if (v == COLLAB_NO_ID) {
                continue;
            }
            x->n_credits[v]++;
            int y = list->year != NULL ? list->year[r] : 0;
            if (y != 0) {
                x->year_first[v] =
                    x->year_first[v] == 0 || y < x->year_first[v] ? y : x->year_first[v];
                x->year_last[v] = y > x->year_last[v] ? y : x->year_last[v];
                year_sum[v] += y;
                dated[v]++;
                x->any_year = true;
            }
            if (list->role != NULL && list->role[r] != COLLAB_NO_ID) {
                keys[n_keys++] = (role_key){v, list->role[r]};
            }
        }
    }
    for (size_t v = 0; v < x->n; v++) {
        year_sum[v] = dated[v] > 0 ? year_sum[v] / dated[v] : NAN;
    }
    return n_keys;
}

/* One stable counting sort of `from` into `to` by the role (by_vertex false) or the vertex, whose
 * values are below `range`; `count` has range + 1 entries. */
static void counting_pass(const role_key *from, role_key *to, size_t n_keys, bool by_vertex,
                          size_t range, size_t *count)
{
    memset(count, 0, (range + 1) * sizeof *count);
    for (size_t i = 0; i < n_keys; i++) {
        count[(by_vertex ? from[i].vertex : from[i].role) + 1]++;
    }
    for (size_t k = 0; k < range; k++) {
        count[k + 1] += count[k];
    }
    for (size_t i = 0; i < n_keys; i++) {
        to[count[by_vertex ? from[i].vertex : from[i].role]++] = from[i];
    }
}

/* Orders `keys` by vertex, then role, with two counting sorts (by role, then stably by vertex)
 * through `scratch` (n_keys entries): qsort's comparisons took most of the facts' time (0.2 s
 * of 0.3 s at 1M rows). `count` has max(n_vertices, n_roles) + 1 entries. */
static void sort_keys(role_key *keys, role_key *scratch, size_t n_keys, size_t n_vertices,
                      size_t n_roles, size_t *count)
{
    counting_pass(keys, scratch, n_keys, false, n_roles, count);
    counting_pass(scratch, keys, n_keys, true, n_vertices, count);
}

/* A vertex's roles, most credited first, ties by role id: an insertion sort, as a vertex has a
 * handful (qsort's call per vertex cost more than the sorting). */
static void order_runs(collab_role_count *runs, size_t n)
{
    if (n > 32) {
        qsort(runs, n, sizeof *runs, compare_role_count);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        collab_role_count r = runs[i];
        size_t k = i;
        for (; k > 0 && compare_role_count(&r, &runs[k - 1]) < 0; k--) {
            runs[k] = runs[k - 1];
        }
        runs[k] = r;
    }
}

/* Bytes of the text "role (count)" for one run, with the "; " before the next. */
static size_t run_text_length(const collab_edgelist *list, const collab_role_count *run)
{
    char digits[COLLAB_NUMTEXT_MAX];
    return collab_names_length(&list->roles, run->role) + collab_numtext_uint(run->count, digits) +
           5;
}

/* Writes "role (count)" at `out`; returns its length. */
static size_t run_text(const collab_edgelist *list, const collab_role_count *run, char *out)
{
    size_t n = collab_names_length(&list->roles, run->role);
    memcpy(out, collab_names_get(&list->roles, run->role), n);
    out[n++] = ' ';
    out[n++] = '(';
    n += collab_numtext_uint(run->count, out + n);
    out[n++] = ')';
    return n;
}

/* Turns the keys into role counts per vertex (in place: `keys` becomes x->role_counts), then
 * writes each vertex's role text, most credited first, into the pool. */
static collab_status role_texts(collab_credit_facts *x, const collab_edgelist *list,
                                role_key *keys, size_t n_keys, collab_error *err)
{
    /* `keys` is the facts' from here on, so that every failure below frees it with them */
    collab_role_count *runs = (collab_role_count *)keys;
    x->role_counts = runs;
    size_t n_roles = list->roles.count;
    role_key *scratch = collab_alloc_array(n_keys + 1, sizeof *scratch);
    size_t *count = collab_alloc_array((x->n > n_roles ? x->n : n_roles) + 2, sizeof *count);
    if (scratch == NULL || count == NULL) {
        collab_free(scratch);
        collab_free(count);
        return collab_error_nomem(err, "counting credits");
    }
    sort_keys(keys, scratch, n_keys, x->n, n_roles, count);
    collab_free(scratch);
    collab_free(count);
    size_t *first_run = collab_calloc_array(x->n + 1, sizeof *first_run);
    if (first_run == NULL) {
        return collab_error_nomem(err, "counting credits");
    }
    x->first_role = first_run;
    size_t n_runs = 0;
    size_t pool_len = 1; /* the empty text shared by vertices without a role */
    for (size_t i = 0; i < n_keys;) {
        size_t j = i;
        while (j < n_keys && keys[j].vertex == keys[i].vertex && keys[j].role == keys[i].role) {
            j++;
        }
        uint32_t v = keys[i].vertex;
        uint32_t role = keys[i].role;
        runs[n_runs++] = (collab_role_count){role, (uint32_t)(j - i)};
        first_run[v + 1] = n_runs; /* runs of v end here; vertices ascend */
        pool_len += run_text_length(list, &runs[n_runs - 1]);
        i = j;
    }
    for (size_t v = 0; v < x->n; v++) {
        first_run[v + 1] = first_run[v + 1] > first_run[v] ? first_run[v + 1] : first_run[v];
    }
    x->roles_pool = collab_malloc(pool_len);
    if (x->roles_pool == NULL) {
        return collab_error_nomem(err, "counting credits");
    }
    x->roles_pool[0] = '\0';
    size_t used = 1;
    for (size_t v = 0; v < x->n; v++) {
        size_t a = first_run[v];
        size_t b = first_run[v + 1];
        order_runs(runs + a, b - a);
        x->main_role[v] = b > a ? runs[a].role : COLLAB_NO_ID;
        x->roles_offset[v] = b > a ? used : 0;
        for (size_t k = a; k < b; k++) {
            if (k > a) {
                x->roles_pool[used++] = ';';
                x->roles_pool[used++] = ' ';
            }
            used += run_text(list, &runs[k], x->roles_pool + used);
        }
        if (b > a) {
            x->roles_pool[used++] = '\0';
        }
    }
    return COLLAB_OK;
}

collab_status collab_credit_facts_compute(collab_credit_facts *out, const collab_graph *g,
                                         const collab_edgelist *list, collab_error *err)
{
    collab_credit_facts f;
    memset(&f, 0, sizeof f);
    collab_credit_facts *x = &f;
    size_t n = collab_graph_vertex_count(g);
    x->n = n;
    x->n_credits = collab_calloc_array(n + 1, sizeof *x->n_credits);
    x->year_first = collab_calloc_array(n + 1, sizeof *x->year_first);
    x->year_last = collab_calloc_array(n + 1, sizeof *x->year_last);
    x->year_mean = collab_calloc_array(n + 1, sizeof *x->year_mean);
    x->roles_offset = collab_calloc_array(n + 1, sizeof *x->roles_offset);
    x->main_role = collab_calloc_array(n + 1, sizeof *x->main_role);
    /* Each row credits at most two vertices (bipartite: its person and its project). */
    role_key *keys =
        list->n_rows < SIZE_MAX / 2 ? collab_alloc_array(2 * list->n_rows + 1, sizeof *keys) : NULL;
    uint32_t *dated = collab_calloc_array(n + 1, sizeof *dated);
    uint32_t *person = NULL;
    uint32_t *project = NULL;
    collab_status st = COLLAB_OK;
    if (x->n_credits == NULL || x->year_first == NULL || x->year_last == NULL ||
        x->year_mean == NULL || x->roles_offset == NULL || x->main_role == NULL || keys == NULL ||
        dated == NULL) {
        st = collab_error_nomem(err, "counting credits");
    }
    if (st == COLLAB_OK) {
        st = vertex_maps(x, g, list, &person, &project, err);
    }
    if (st == COLLAB_OK) {
        size_t n_keys = count_credits(x, g, list, person, project, dated, keys);
        x->any_role = n_keys > 0;
        st = role_texts(x, list, keys, n_keys, err); /* keeps `keys` as x->role_counts */
    } else {
        collab_free(keys);
    }
    collab_free(dated);
    collab_free(person);
    collab_free(project);
    if (st != COLLAB_OK) {
        collab_credit_facts_destroy(&f);
        return st;
    }
    *out = f;
    return COLLAB_OK;
}

const char *collab_credit_facts_roles(const collab_credit_facts *f, size_t v)
{
    return f->roles_pool != NULL ? f->roles_pool + f->roles_offset[v] : "";
}

void collab_credit_facts_destroy(collab_credit_facts *f)
{
    if (f == NULL) {
        return;
    }
    collab_free(f->n_credits);
    collab_free(f->year_first);
    collab_free(f->year_last);
    collab_free(f->year_mean);
    collab_free(f->roles_offset);
    collab_free(f->roles_pool);
    collab_free(f->role_counts);
    collab_free(f->first_role);
    collab_free(f->main_role);
    memset(f, 0, sizeof *f);
}
