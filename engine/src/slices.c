/* Time slices: cutting the years, each slice's graph, and the timeline carried from slice to
 * slice (positions for warm-started layouts, the people who left, ranks). */
#include "collab/slices.h"

#include "collab/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "random_internal.h"

void collab_slices_year_span(const collab_graph *g, const collab_edgelist *list, int *lo, int *hi,
                             size_t *no_year)
{
    *lo = INT32_MAX;
    *hi = INT32_MIN;
    *no_year = 0;
    for (size_t r = 0; r < list->n_rows; r++) {
        if (!g->row_kept[r]) {
            continue;
        }
        int y = list->year[r];
        if (y == 0) {
            (*no_year)++;
            continue;
        }
        *lo = y < *lo ? y : *lo;
        *hi = y > *hi ? y : *hi;
    }
}

collab_status collab_slices_cut(int lo, int hi, int window, int step_years, collab_slice **out,
                                size_t *n_out, collab_error *err)
{
    int start = window == 0 ? lo - ((lo % 10) + 10) % 10 : lo;
    int width = window == 0 ? 10 : window;
    int step = window == 0 ? 10 : step_years;
    size_t n = 0;
    for (int s = start; s <= hi; s += step) {
        n++;
    }
    if (n > COLLAB_MAX_SLICES) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "%zu slices from %d to %d are too many (at most %d): use a "
                                "wider --by",
                                n, lo, hi, COLLAB_MAX_SLICES);
    }
    collab_slice *s = collab_calloc_array(n + 1, sizeof *s);
    if (s == NULL) {
        return collab_error_nomem(err, "cutting slices");
    }
    for (size_t i = 0; i < n; i++) {
        s[i].from = start + (int)i * step;
        s[i].to = s[i].from + width - 1;
        if (window == 0) {
            snprintf(s[i].label, sizeof s[i].label, "%ds", s[i].from);
        } else if (width == 1) {
            snprintf(s[i].label, sizeof s[i].label, "%d", s[i].from);
        } else {
            snprintf(s[i].label, sizeof s[i].label, "%d-%d", s[i].from, s[i].to);
        }
    }
    *out = s;
    *n_out = n;
    return COLLAB_OK;
}

collab_status collab_slices_graph(collab_graph *out, const collab_edgelist *list,
                                  const collab_graph_options *base, const collab_slice *sl,
                                  collab_error *err)
{
    collab_graph_options opt = *base;
    int from = sl->from;
    int to = sl->to;
    if (opt.has_years) {
        from = from > opt.year_from ? from : opt.year_from;
        to = to < opt.year_to ? to : opt.year_to;
    }
    opt.has_years = true;
    opt.year_from = from;
    opt.year_to = to;
    return collab_graph_build(out, list, &opt, err);
}

collab_status collab_timeline_warm_start(const collab_timeline *c, const collab_graph *g,
                                         uint64_t seed, double **x, double **y, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    double *ix = collab_alloc_array(n + 1, sizeof *ix);
    double *iy = collab_alloc_array(n + 1, sizeof *iy);
    igraph_vector_int_t nb;
    if (ix == NULL || iy == NULL || igraph_vector_int_init(&nb, 0) != IGRAPH_SUCCESS) {
        collab_free(ix);
        collab_free(iy);
        return collab_error_nomem(err, "cutting slices");
    }
    uint64_t state = seed;
    for (size_t v = 0; v < n; v++) {
        uint32_t o = g->origin[v];
        ix[v] = c->x[o];
        iy[v] = c->y[o];
    }
    for (size_t v = 0; v < n; v++) {
        double jx = collab_i_splitmix_unit(&state) - 0.5;
        double jy = collab_i_splitmix_unit(&state) - 0.5;
        if (!isnan(c->x[g->origin[v]])) {
            continue;
        }
        double sx = 0;
        double sy = 0;
        size_t k = 0;
        if (igraph_neighbors(&g->graph, &nb, (igraph_integer_t)v, IGRAPH_ALL) == IGRAPH_SUCCESS) {
            for (igraph_integer_t i = 0; i < igraph_vector_int_size(&nb); i++) {
                uint32_t o = g->origin[VECTOR(nb)[i]];
                if (!isnan(c->x[o])) {
                    sx += c->x[o];
                    sy += c->y[o];
                    k++;
                }
            }
        }
        if (k > 0) {
            ix[v] = sx / (double)k + 0.05 * jx;
            iy[v] = sy / (double)k + 0.05 * jy;
        } else {
            ix[v] = c->aspect * (jx + 0.5);
            iy[v] = jy + 0.5;
        }
    }
    igraph_vector_int_destroy(&nb);
    *x = ix;
    *y = iy;
    return COLLAB_OK;
}

collab_status collab_timeline_ghosts(const collab_timeline *c, const collab_graph *g, size_t k,
                                     double **gx, double **gy, size_t *n_ghosts, collab_error *err)
{
    uint8_t *here = collab_calloc_array(c->n_people + 1, 1);
    double *x = collab_alloc_array(c->n_people + 1, sizeof *x);
    double *y = collab_alloc_array(c->n_people + 1, sizeof *y);
    if (here == NULL || x == NULL || y == NULL) {
        collab_free(here);
        collab_free(x);
        collab_free(y);
        return collab_error_nomem(err, "cutting slices");
    }
    for (size_t v = 0; v < collab_graph_vertex_count(g); v++) {
        here[g->origin[v]] = 1;
    }
    size_t n = 0;
    for (size_t o = 0; k > 0 && o < c->n_people; o++) {
        if (!here[o] && c->last_slice[o] == k - 1 && !isnan(c->x[o])) {
            x[n] = c->x[o];
            y[n++] = c->y[o];
        }
    }
    collab_free(here);
    *gx = x;
    *gy = y;
    *n_ghosts = n;
    return COLLAB_OK;
}

static int by_best_rank(const void *a, const void *b)
{
    const collab_ranked_person *x = a;
    const collab_ranked_person *y = b;
    if (x->best != y->best) {
        return x->best < y->best ? -1 : 1;
    }
    return (x->person > y->person) - (x->person < y->person);
}

collab_status collab_timeline_init(collab_timeline *t, size_t n_people, size_t n_slices,
                                   collab_error *err)
{
    collab_timeline c;
    memset(&c, 0, sizeof c);
    c.n_people = n_people;
    c.n_slices = n_slices;
    c.x = collab_alloc_array(n_people + 1, sizeof *c.x);
    c.y = collab_alloc_array(n_people + 1, sizeof *c.y);
    c.last_slice = collab_alloc_array(n_people + 1, sizeof *c.last_slice);
    c.rank = collab_calloc_array(n_slices * n_people + 1, sizeof *c.rank);
    if (c.x == NULL || c.y == NULL || c.last_slice == NULL || c.rank == NULL) {
        collab_timeline_destroy(&c);
        return collab_error_nomem(err, "cutting slices");
    }
    for (size_t o = 0; o < n_people; o++) {
        c.x[o] = NAN;
        c.y[o] = NAN;
        c.last_slice[o] = UINT32_MAX;
    }
    *t = c;
    return COLLAB_OK;
}

void collab_timeline_destroy(collab_timeline *t)
{
    if (t == NULL) {
        return;
    }
    collab_free(t->x);
    collab_free(t->y);
    collab_free(t->last_slice);
    collab_free(t->rank);
    memset(t, 0, sizeof *t);
}

void collab_timeline_place(collab_timeline *t, const collab_graph *g, const double *x,
                           const double *y, double aspect)
{
    for (size_t v = 0; v < collab_graph_vertex_count(g); v++) {
        if (!isnan(x[v]) && !isnan(y[v])) {
            t->x[g->origin[v]] = x[v];
            t->y[g->origin[v]] = y[v];
        }
    }
    t->aspect = aspect;
    t->have_positions = true;
}

void collab_timeline_record(collab_timeline *t, size_t k, const collab_graph *g,
                            const uint32_t *order, collab_slice *s)
{
    size_t n = collab_graph_vertex_count(g);
    uint32_t *rank = t->rank + k * t->n_people;
    for (size_t i = 0; i < n; i++) {
        rank[g->origin[order[i]]] = (uint32_t)(i + 1);
        if (i < 3) {
            snprintf(s->top[i], sizeof s->top[i], "%s", collab_graph_name(g, order[i]));
        }
    }
    for (size_t v = 0; v < n; v++) {
        t->last_slice[g->origin[v]] = (uint32_t)k;
    }
}

collab_status collab_timeline_ranked(const collab_timeline *c, collab_ranked_person **out,
                                     size_t *n_out, collab_error *err)
{
    collab_ranked_person *people = collab_alloc_array(c->n_people + 1, sizeof *people);
    if (people == NULL) {
        return collab_error_nomem(err, "cutting slices");
    }
    size_t n = 0;
    for (size_t o = 0; o < c->n_people; o++) {
        uint32_t best = UINT32_MAX;
        for (size_t k = 0; k < c->n_slices; k++) {
            uint32_t r = c->rank[k * c->n_people + o];
            best = r != 0 && r < best ? r : best;
        }
        if (best != UINT32_MAX) {
            people[n++] = (collab_ranked_person){(uint32_t)o, best};
        }
    }
    qsort(people, n, sizeof *people, by_best_rank);
    *out = people;
    *n_out = n;
    return COLLAB_OK;
}
