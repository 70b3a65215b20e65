/* `--components all` at the node level: the components a map draws by default (the largest and
 * those of a useful size, map_scope.c) fill the plot as usual, and the small components and
 * isolated nodes that it would leave out are packed under them in a band across the plot. Each
 * part is laid out on its own, at the page's scale, so every disc keeps its size and the discs
 * stay apart; in the band only the people of the largest small components are named (a grid of
 * names over hundreds of pairs and triples cannot be matched to its dots). */
#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map_internal.h"

/* Band height, as a share of the plot's height, at least and at most. */
#define BAND_MIN_SHARE 0.08
#define BAND_MAX_SHARE 0.40
/* Space between the main part and the band, as a share of the plot's height. */
#define BAND_GAP 0.03
/* A band of at most this many nodes is brought to the main part's edge length (checked disc
 * against disc, quadratic in the band's size). */
#define BAND_SHRINK_MAX_NODES 200

typedef struct band_component {
    size_t size;     /* vertices */
    double strength; /* sum of its vertices' size values */
    uint32_t first;  /* smallest vertex id */
    uint32_t id;     /* igraph component number */
} band_component;

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Larger first, then stronger, then by smallest vertex. */
static int by_rank(const void *a, const void *b)
{
    const band_component *x = a;
    const band_component *y = b;
    if (x->size != y->size) {
        return x->size > y->size ? -1 : 1;
    }
    if (x->strength != y->strength) {
        return x->strength > y->strength ? -1 : 1;
    }
    return (x->first > y->first) - (x->first < y->first);
}

/* Ranks the components that go to the band and marks the vertices of all but the first
 * COLLAB_MAP_BAND_NAMED unlabelled. `member` is igraph's component membership; `in_band[c]` is
 * set for the band's components; `value` is the size value per vertex (may be NULL). */
static collab_status rank_band(collab_i_map_band *b, size_t n, const igraph_vector_int_t *member,
                               const bool *in_band, size_t n_components, const double *value,
                               collab_error *err)
{
    band_component *c = collab_calloc_array(n_components + 1, sizeof *c);
    uint32_t *rank = collab_alloc_array(n_components + 1, sizeof *rank);
    if (c == NULL || rank == NULL) {
        collab_free(c);
        collab_free(rank);
        return collab_error_nomem(err, "packing the small components");
    }
    for (size_t k = 0; k < n_components; k++) {
        c[k].first = UINT32_MAX;
        c[k].id = (uint32_t)k;
    }
    for (size_t v = 0; v < n; v++) {
        band_component *cc = &c[VECTOR(*member)[v]];
        cc->size++;
        cc->strength += value != NULL && isfinite(value[v]) ? value[v] : 0;
        cc->first = cc->first == UINT32_MAX ? (uint32_t)v : cc->first;
    }
    qsort(c, n_components, sizeof *c, by_rank);
    uint32_t r = 0;
    for (size_t k = 0; k < n_components; k++) {
        rank[c[k].id] = in_band[c[k].id] ? r++ : UINT32_MAX;
    }
    for (size_t v = 0; v < n; v++) {
        size_t comp = (size_t)VECTOR(*member)[v];
        b->unlabelled[v] = in_band[comp] && rank[comp] >= COLLAB_MAP_BAND_NAMED;
    }
    b->named = r < COLLAB_MAP_BAND_NAMED ? r : COLLAB_MAP_BAND_NAMED;
    collab_free(c);
    collab_free(rank);
    return COLLAB_OK;
}

collab_status collab_i_map_band_build(collab_i_map_band *b, const collab_graph *g,
                                      const double *value, collab_error *err)
{
    memset(b, 0, sizeof *b);
    size_t n = collab_graph_vertex_count(g);
    igraph_vector_int_t member, sizes;
    igraph_integer_t n_components = 0;
    if (igraph_vector_int_init(&member, 0) != IGRAPH_SUCCESS) {
        return collab_error_nomem(err, "packing the small components");
    }
    if (igraph_vector_int_init(&sizes, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&member);
        return collab_error_nomem(err, "packing the small components");
    }
    igraph_error_t rc =
        igraph_connected_components(&g->graph, &member, &sizes, &n_components, IGRAPH_WEAK);
    collab_status st = collab_error_from_igraph(err, rc, "finding the small components");
    bool *in_band = NULL;
    if (st == COLLAB_OK) {
        in_band = collab_calloc_array((size_t)n_components + 1, sizeof *in_band);
        b->main = collab_alloc_array(n + 1, sizeof *b->main);
        b->band = collab_alloc_array(n + 1, sizeof *b->band);
        b->unlabelled = collab_calloc_array(n + 1, 1);
        if (in_band == NULL || b->main == NULL || b->band == NULL || b->unlabelled == NULL) {
            st = collab_error_nomem(err, "packing the small components");
        }
    }
    if (st == COLLAB_OK) {
        size_t largest = n_components > 0 ? (size_t)igraph_vector_int_max(&sizes) : 0;
        size_t least = collab_i_map_scope_least(largest);
        for (igraph_integer_t c = 0; c < n_components; c++) {
            size_t size = (size_t)VECTOR(sizes)[c];
            in_band[c] = size < least && size < largest;
            b->components += in_band[c] && size > 1;
            b->isolated += in_band[c] && size == 1;
        }
        for (size_t v = 0; v < n; v++) {
            if (in_band[VECTOR(member)[v]]) {
                b->band[b->n_band++] = (uint32_t)v;
            } else {
                b->main[b->n_main++] = (uint32_t)v;
            }
        }
        st = rank_band(b, n, &member, in_band, (size_t)n_components, value, err);
    }
    igraph_vector_int_destroy(&member);
    igraph_vector_int_destroy(&sizes);
    collab_free(in_band);
    if (st == COLLAB_OK && b->n_band > 0 && b->n_main > 0) {
        b->active = true;
        return COLLAB_OK;
    }
    collab_i_map_band_destroy(b); /* nothing to pack apart (or an error) */
    return st;
}

/* The band's height as a share of the plot: room for its discs (radius in plot-height units)
 * in a strip as wide as the plot, at a packing density of one quarter. */
static double band_share(const collab_i_map_band *b, const double *radius, double aspect)
{
    double area = 0;
    for (size_t i = 0; i < b->n_band; i++) {
        double d = 2 * fmax(radius[b->band[i]], 0.004);
        area += d * d;
    }
    double share = 4 * area / aspect;
    return fmin(fmax(share, BAND_MIN_SHARE), BAND_MAX_SHARE);
}

/* Lays out the vertices `ids` of `g` alone in a box `share` plot heights tall and `aspect_page`
 * wide, with radii `radius` (per vertex of `g`, in plot heights) in the box's units, and writes
 * their positions in plot heights, centred across [0, aspect_page], top at `top`. */
static collab_status lay_out_part(const collab_graph *g, const collab_edgelist *list,
                                  const uint32_t *ids, size_t n, const collab_layout_options *base,
                                  double aspect_page, double share, double top,
                                  const double *radius, double *x, double *y, collab_error *err)
{
    collab_graph sub;
    collab_status st = collab_graph_induced(&sub, g, ids, n, list->n_rows, err);
    if (st != COLLAB_OK) {
        return st;
    }
    double *r = radius != NULL ? collab_alloc_array(n + 1, sizeof *r) : NULL;
    if (radius != NULL && r == NULL) {
        collab_graph_destroy(&sub);
        return collab_error_nomem(err, "packing the small components");
    }
    uint32_t *group = base->group != NULL ? collab_alloc_array(n + 1, sizeof *group) : NULL;
    if (base->group != NULL && group == NULL) {
        collab_free(r);
        collab_graph_destroy(&sub);
        return collab_error_nomem(err, "packing the small components");
    }
    for (size_t i = 0; i < n; i++) {
        if (r != NULL) {
            r[i] = radius[ids[i]] / share;
        }
        if (group != NULL) {
            group[i] = base->group[ids[i]];
        }
    }
    collab_layout_options lo = *base;
    lo.aspect = aspect_page / share;
    lo.radius = r;
    lo.group = group;
    collab_layout l;
    st = collab_layout_compute(&l, &sub, &lo, err);
    collab_free(group);
    collab_free(r);
    collab_graph_destroy(&sub);
    if (st != COLLAB_OK) {
        return st;
    }
    const double *lx = collab_layout_x(&l);
    const double *ly = collab_layout_y(&l);
    double lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY;
    for (size_t i = 0; i < n; i++) {
        lo_x = fmin(lo_x, lx[i]);
        hi_x = fmax(hi_x, lx[i]);
        lo_y = fmin(lo_y, ly[i]);
    }
    double left = 0.5 * (aspect_page - share * (hi_x - lo_x));
    for (size_t i = 0; i < n; i++) {
        x[ids[i]] = left + share * (lx[i] - lo_x);
        y[ids[i]] = top + share * (ly[i] - lo_y);
    }
    collab_layout_destroy(&l);
    return COLLAB_OK;
}

/* Median length of the edges of g with both ends in `part` (1 = in it), or 0 when none. */
static double median_edge(const collab_graph *g, const uint8_t *part, const double *x,
                          const double *y, double *scratch)
{
    size_t k = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->graph); e++) {
        igraph_integer_t a = IGRAPH_FROM(&g->graph, e), b = IGRAPH_TO(&g->graph, e);
        if (a != b && part[a] && part[b]) {
            scratch[k++] = hypot(x[a] - x[b], y[a] - y[b]);
        }
    }
    if (k == 0) {
        return 0;
    }
    qsort(scratch, k, sizeof *scratch, by_value);
    return scratch[k / 2];
}

/* The layout fills the band's box whatever it holds, so a few pairs would be drawn with edges
 * many times longer than the main part's: a small band is shrunk about its top centre to the
 * main part's median edge length, as far as its discs stay apart. */
static collab_status shrink_band(const collab_i_map_band *b, const collab_graph *g,
                                 const double *radius, double aspect, double top, double *x,
                                 double *y, collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    if (b->n_band < 2 || b->n_band > BAND_SHRINK_MAX_NODES || radius == NULL) {
        return COLLAB_OK;
    }
    uint8_t *in_main = collab_calloc_array(2 * n + 1, sizeof *in_main);
    double *scratch = collab_alloc_array(igraph_ecount(&g->graph) + 1, sizeof *scratch);
    if (in_main == NULL || scratch == NULL) {
        collab_free(in_main);
        collab_free(scratch);
        return collab_error_nomem(err, "packing the small components");
    }
    uint8_t *in_band = in_main + n;
    for (size_t i = 0; i < b->n_main; i++) {
        in_main[b->main[i]] = 1;
    }
    for (size_t i = 0; i < b->n_band; i++) {
        in_band[b->band[i]] = 1;
    }
    double want = median_edge(g, in_main, x, y, scratch);
    double have = median_edge(g, in_band, x, y, scratch);
    double f = want > 0 && have > want ? want / have : 1;
    for (size_t i = 0; f < 1 && i < b->n_band; i++) {
        for (size_t j = i + 1; j < b->n_band; j++) {
            uint32_t u = b->band[i], v = b->band[j];
            double d = hypot(x[u] - x[v], y[u] - y[v]);
            if (d > 0) {
                f = fmax(f, 1.02 * (radius[u] + radius[v]) / d);
            }
        }
    }
    for (size_t i = 0; f < 1 && i < b->n_band; i++) {
        uint32_t v = b->band[i];
        x[v] = 0.5 * aspect + f * (x[v] - 0.5 * aspect);
        y[v] = top + f * (y[v] - top);
    }
    collab_free(in_main);
    collab_free(scratch);
    return COLLAB_OK;
}

collab_status collab_i_map_band_layout(collab_layout *out, const collab_i_map_band *b,
                                       const collab_graph *g, const collab_edgelist *list,
                                       const collab_layout_options *base, const double *radius,
                                       collab_error *err)
{
    size_t n = collab_graph_vertex_count(g);
    double aspect = base->aspect;
    double band = radius != NULL ? band_share(b, radius, aspect) : 0.2;
    double main = 1 - band - BAND_GAP;
    double *x = collab_calloc_array(n + 1, sizeof *x);
    double *y = collab_calloc_array(n + 1, sizeof *y);
    collab_status st =
        x == NULL || y == NULL ? collab_error_nomem(err, "packing the components") : COLLAB_OK;
    if (st == COLLAB_OK) {
        st = lay_out_part(g, list, b->main, b->n_main, base, aspect, main, 0, radius, x, y, err);
    }
    if (st == COLLAB_OK) {
        double bottom = 0;
        for (size_t i = 0; i < b->n_main; i++) {
            bottom = fmax(bottom, y[b->main[i]]);
        }
        st = lay_out_part(g, list, b->band, b->n_band, base, aspect, band, bottom + BAND_GAP,
                          radius, x, y, err);
        if (st == COLLAB_OK) {
            st = shrink_band(b, g, radius, aspect, bottom + BAND_GAP, x, y, err);
        }
    }
    if (st == COLLAB_OK) {
        igraph_error_t rc = igraph_matrix_init(&out->xy, (igraph_integer_t)n, 2);
        if (rc != IGRAPH_SUCCESS) {
            st = collab_error_from_igraph(err, rc, "packing the components");
        } else {
            out->n = n;
            out->aspect = aspect;
            for (size_t v = 0; v < n; v++) {
                MATRIX(out->xy, v, 0) = x[v];
                MATRIX(out->xy, v, 1) = y[v];
            }
        }
    }
    collab_free(x);
    collab_free(y);
    return st;
}

void collab_i_map_band_destroy(collab_i_map_band *b)
{
    collab_free(b->main);
    collab_free(b->band);
    collab_free(b->unlabelled);
    memset(b, 0, sizeof *b);
}
