/* Per-node facts from the credit rows of a graph: how often each node was credited, its role mix
 * (most credited first) and its years. A person's facts come from the rows naming them, a
 * project's (projects and bipartite views) from the rows made on it; only rows the graph kept
 * (after --roles and --years) count. The reports and the exports show them. */
#ifndef COLLAB_CREDITS_H
#define COLLAB_CREDITS_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How often a node was credited in one role. */
typedef struct collab_role_count {
    uint32_t role;  /* role id in the edgelist's `roles` */
    uint32_t count; /* kept credit rows naming the node in that role */
} collab_role_count;

typedef struct collab_credit_facts {
    size_t n;                       /* vertices */
    uint32_t *n_credits;            /* per vertex: kept credit rows naming it */
    int *year_first, *year_last;    /* per vertex: year span, 0 when undated */
    double *year_mean;              /* per vertex: mean year, NaN when undated */
    collab_role_count *role_counts; /* every vertex's roles, most credited first (ties: the
                                       role seen first in the file) */
    size_t *first_role;             /* n + 1 offsets: vertex v's roles are
                                       role_counts[first_role[v] .. first_role[v + 1]) */
    uint32_t *main_role;            /* per vertex: most credited role id, or COLLAB_NO_ID */
    size_t *roles_offset;           /* per vertex: its role text in `roles_pool` */
    char *roles_pool;               /* "producer (12); engineer (5)" texts, back to back */
    bool any_role;                  /* some node has a role */
    bool any_year;                  /* some node has a year */
} collab_credit_facts;

/* Computes the facts of `g`'s vertices from `list`, the rows `g` was built from (credits).
 * `out` is uninitialised on entry and initialised only on COLLAB_OK. Errors: COLLAB_E_NOMEM.
 * Time complexity: O(rows log rows). */
collab_status collab_credit_facts_compute(collab_credit_facts *out, const collab_graph *g,
                                         const collab_edgelist *list, collab_error *err);

/* Vertex v's role mix as text, "producer (12); engineer (5)", or "" without a role. */
const char *collab_credit_facts_roles(const collab_credit_facts *f, size_t v);

/* Frees `f`; NULL-safe, safe on a zeroed value, leaves it zeroed. */
void collab_credit_facts_destroy(collab_credit_facts *f);

#endif
