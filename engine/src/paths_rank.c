/* The ranks --top-exact reports: the top k vertices by estimated betweenness, and for each the
 * range of ranks its interval allows given every other vertex's interval. A rank is certain when
 * that range is one rank; KADABRA (paths_kadabra.c) stops sampling when the top k all are. */
#include "collab/alloc.h"

#include <stdlib.h>

#include "paths_internal.h"

typedef struct rank_entry {
    double key;
    uint32_t v;
} rank_entry;

static int cmp_rank(const void *x, const void *y)
{
    const rank_entry *a = x;
    const rank_entry *b = y;
    if (a->key != b->key) {
        return a->key > b->key ? -1 : 1;
    }
    return (a->v > b->v) - (a->v < b->v);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x;
    double b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Number of entries of ascending `a` (n) strictly above x / strictly below x. */
static size_t count_above(const double *a, size_t n, double x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a[mid] > x) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return n - lo;
}

static size_t count_below(const double *a, size_t n, double x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a[mid] < x) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Ranks the top `k` by estimate and gives each the range of ranks its interval allows:
 * best = 1 + #(others whose lower bound is above its upper bound), worst = n - #(others whose
 * upper bound is below its lower bound). True when every one of them has best == worst.
 * `scratch` holds 2n doubles, `order` n entries. */
static bool rank_top(collab_i_kadabra_result *r, size_t n, size_t k, double *scratch,
                     rank_entry *order)
{
    double *lows = scratch;
    double *highs = scratch + n;
    for (size_t v = 0; v < n; v++) {
        order[v] = (rank_entry){r->estimate[v], (uint32_t)v};
        lows[v] = r->low[v];
        highs[v] = r->high[v];
    }
    qsort(order, n, sizeof *order, cmp_rank);
    qsort(lows, n, sizeof *lows, cmp_double);
    qsort(highs, n, sizeof *highs, cmp_double);
    bool all = true;
    for (size_t i = 0; i < k && i < n; i++) {
        uint32_t v = order[i].v;
        /* the vertex itself is never counted: its low <= its high */
        size_t above = count_above(lows, n, r->high[v]);
        size_t below = count_below(highs, n, r->low[v]);
        r->top[i] = v;
        r->rank_best[i] = 1 + above;
        r->rank_worst[i] = n - below;
        all = all && r->rank_best[i] == r->rank_worst[i];
    }
    return all;
}

bool collab_i_kadabra_rank(collab_i_kadabra_result *r, size_t n, size_t top_k, bool *nomem)
{
    double *scratch = collab_alloc_array(2 * n + 1, sizeof *scratch);
    rank_entry *order = collab_alloc_array(n + 1, sizeof *order);
    bool all = false;
    *nomem = scratch == NULL || order == NULL;
    if (!*nomem) {
        all = rank_top(r, n, top_k, scratch, order);
    }
    collab_free(scratch);
    collab_free(order);
    return all;
}
