/* Arranging the separately laid-out parts of a graph on one page, and keeping discs apart.
 *
 * Laid out together, the components of a disconnected graph drift apart under repulsion and end
 * up in the corners of the page, shrinking the main component to a dot. Instead each component
 * is laid out alone, brought to the main component's median edge length, and the bounding boxes
 * are packed with a bottom-left skyline packer (largest first, then a grid of the isolated
 * vertices) into a strip whose width is chosen, among a few candidates, to fill a page of the
 * target aspect ratio best.
 *
 * Node discs have radii in normalised units, but the normalising factor depends on the packing,
 * which depends on how far the discs were pushed apart. So the arrangement iterates: pack, find
 * the factor, separate the discs at their radii (with 5% to spare) in layout units, pack again,
 * until the factor shrinks by less than the spare, at which point the separation holds after
 * normalisation. */
#include "layout_internal.h"

#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN       1.05 /* discs are separated at this multiple of their radii */
#define MAX_ROUNDS   12   /* pack-separate rounds before giving up on discs that cannot fit */
#define STRIP_WIDTHS 12   /* candidate strip widths tried by the packer */

typedef struct pack_item {
    double w, h; /* size of the box, gap included */
    double x, y; /* where the packer put its lower-left corner */
} pack_item;

typedef struct sky_seg {
    double x, w, y; /* the skyline is at height y over [x, x + w) */
} sky_seg;

typedef struct skyline {
    sky_seg *seg, *tmp; /* segments left to right, and scratch of the same capacity */
    size_t n;           /* segments in use */
    double width;       /* strip width */
    double chosen;      /* best strip width found so far over the ideal width, 0 = none yet */
} skyline;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double part_median_edge(const collab_i_layout_parts *lp, size_t p, double *buf)
{
    const double *x = lp->x + lp->vstart[p], *y = lp->y + lp->vstart[p];
    size_t m = 0;
    for (size_t e = lp->estart[p]; e < lp->estart[p + 1]; e++) {
        uint32_t u = lp->from[e], v = lp->to[e];
        buf[m++] = sqrt((x[u] - x[v]) * (x[u] - x[v]) + (y[u] - y[v]) * (y[u] - y[v]));
    }
    if (m == 0) {
        return 0.0;
    }
    qsort(buf, m, sizeof *buf, cmp_double);
    return buf[m / 2];
}

/* The box of part p in packing units with discs of radius * rf; writes its lower-left corner. */
static pack_item part_box(const collab_i_layout_parts *lp, size_t p, double rf, double gap,
                          double *x0, double *y0)
{
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (size_t k = lp->vstart[p]; k < lp->vstart[p + 1]; k++) {
        double x = lp->x[k] * lp->scale[p], y = lp->y[k] * lp->scale[p], r = lp->radius[k] * rf;
        xmin = fmin(xmin, x - r);
        xmax = fmax(xmax, x + r);
        ymin = fmin(ymin, y - r);
        ymax = fmax(ymax, y + r);
    }
    *x0 = xmin;
    *y0 = ymin;
    return (pack_item){xmax - xmin + gap, ymax - ymin + gap, 0.0, 0.0};
}

/* Scales every part so that its median edge is as long as the largest part's: components are
 * laid out at whatever scale their own forces settle, and a dyad would otherwise be a dot. Sets
 * *unit to the gap between boxes and the step of the grid of isolated vertices: the geometric
 * mean of that median edge and the main part's average room per vertex. The edge alone is too
 * tight where LinLog draws short edges in tight clusters, the room alone too loose where the
 * main part has much white space. */
static collab_status common_scale(collab_i_layout_parts *lp, double *unit, collab_error *err)
{
    size_t max_edges = 0;
    *unit = 1.0;
    for (size_t p = 0; p < lp->n_parts; p++) {
        lp->scale[p] = 1.0;
        size_t m = lp->estart[p + 1] - lp->estart[p];
        max_edges = m > max_edges ? m : max_edges;
    }
    if (max_edges == 0) {
        return COLLAB_OK;
    }
    double *buf = collab_alloc_array(max_edges, sizeof *buf);
    if (buf == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory packing components");
    }
    double main_edge = part_median_edge(lp, 0, buf);
    for (size_t p = 1; p < lp->n_parts && main_edge > 0.0; p++) {
        double edge = part_median_edge(lp, p, buf);
        lp->scale[p] = edge > 0.0 ? main_edge / edge : 1.0;
    }
    collab_free(buf);
    double x0, y0, n_main = (double)(lp->vstart[1] - lp->vstart[0]);
    pack_item b = part_box(lp, 0, 0.0, 0.0, &x0, &y0);
    double room = b.w > 0.0 && b.h > 0.0 ? sqrt(b.w * b.h / n_main) : fmax(b.w, b.h) / n_main;
    *unit = main_edge > 0.0 && room > 0.0 ? sqrt(main_edge * room) : 1.0;
    return COLLAB_OK;
}

/* Lowest-then-leftmost place for a w x h box on the skyline. */
static void sky_find(const skyline *s, double w, double *bx, double *by)
{
    double best = INFINITY;
    *bx = 0.0;
    *by = 0.0;
    for (size_t i = 0; i < s->n; i++) {
        double x = s->seg[i].x, y = 0.0;
        if (i > 0 && x + w > s->width) {
            break;
        }
        /* Plain comparisons: fmax is a libm call here and this loop is the packer's hot spot. */
        for (size_t j = i; j < s->n && s->seg[j].x < x + w; j++) {
            y = s->seg[j].y > y ? s->seg[j].y : y;
        }
        if (y < best) {
            best = y;
            *bx = x;
            *by = y;
        }
    }
}

static void sky_push(skyline *s, size_t *k, double x, double w, double y)
{
    if (w <= 0.0) {
        return;
    }
    if (*k > 0 && s->tmp[*k - 1].y == y) {
        s->tmp[*k - 1].w = x + w - s->tmp[*k - 1].x; /* merge with an equal neighbour */
        return;
    }
    s->tmp[(*k)++] = (sky_seg){x, w, y};
}

/* Raises the skyline to `top` over [x, x + w). Adds at most two segments. */
static void sky_raise(skyline *s, double x, double w, double top)
{
    size_t k = 0;
    double end = x + w;
    for (size_t i = 0; i < s->n && s->seg[i].x < x; i++) {
        sky_push(s, &k, s->seg[i].x, fmin(s->seg[i].x + s->seg[i].w, x) - s->seg[i].x, s->seg[i].y);
    }
    sky_push(s, &k, x, w, top);
    for (size_t i = 0; i < s->n; i++) {
        double a = s->seg[i].x, b = a + s->seg[i].w;
        if (b > end) {
            sky_push(s, &k, fmax(a, end), b - fmax(a, end), s->seg[i].y);
        }
    }
    sky_seg *t = s->seg;
    s->seg = s->tmp;
    s->tmp = t;
    s->n = k;
}

/* Packs the items into a strip of the given width; returns how much page the result needs:
 * the larger of width / aspect and height. */
static double pack_strip(skyline *s, pack_item *items, size_t n_items, double width, double aspect)
{
    double used_w = 0.0, used_h = 0.0;
    s->n = 1;
    s->seg[0] = (sky_seg){0.0, width, 0.0};
    s->width = width;
    for (size_t i = 0; i < n_items; i++) {
        sky_find(s, items[i].w, &items[i].x, &items[i].y);
        sky_raise(s, items[i].x, items[i].w, items[i].y + items[i].h);
        used_w = items[i].x + items[i].w > used_w ? items[i].x + items[i].w : used_w;
        used_h = items[i].y + items[i].h > used_h ? items[i].y + items[i].h : used_h;
    }
    return fmax(used_w / aspect, used_h);
}

/* Tries strip widths around the one that would fill the page if the boxes tiled it perfectly,
 * from half to twice that (never below the widest box), and leaves the items placed by the best;
 * the first best wins ties. Wider strips are never better and make the skyline, hence each
 * placement, as long as a row of thousands of small components. Later rounds, whose boxes grew
 * a little, reuse the choice in proportion to the ideal width (s->chosen) instead of searching
 * again. */
static void pack_items(skyline *s, pack_item *items, size_t n_items, double aspect)
{
    double widest = 0.0, w_sum = 0.0, area = 0.0, best = INFINITY, best_w = 0.0;
    for (size_t i = 0; i < n_items; i++) {
        widest = fmax(widest, items[i].w);
        w_sum += items[i].w;
        area += items[i].w * items[i].h;
    }
    double ideal = sqrt(area * aspect);
    if (s->chosen > 0.0) {
        pack_strip(s, items, n_items, fmax(widest, s->chosen * ideal), aspect);
        return;
    }
    double lo = fmax(widest, 0.5 * ideal), hi = fmax(lo, fmin(w_sum, 2.0 * ideal));
    for (int k = 0; k < STRIP_WIDTHS; k++) {
        double w = lo * pow(hi / lo, (double)k / (STRIP_WIDTHS - 1));
        double need = pack_strip(s, items, n_items, w, aspect);
        if (need < best) {
            best = need;
            best_w = w;
        }
    }
    s->chosen = best_w / ideal;
    pack_strip(s, items, n_items, best_w, aspect);
}

/* Grid of the isolated vertices: at least as wide as the main part when there is one, so that
 * they form a tidy band beside it rather than a tall column. */
static pack_item grid_box(const collab_i_layout_parts *lp, double aspect, double step, size_t *cols)
{
    size_t n = lp->n_isolated;
    size_t c = (size_t)ceil(sqrt((double)n * aspect));
    if (lp->n_parts > 0) {
        double x0, y0;
        pack_item main = part_box(lp, 0, 0.0, 0.0, &x0, &y0);
        size_t wide = (size_t)(main.w / step) + 1;
        c = wide > c ? wide : c;
    }
    c = c > n ? n : (c == 0 ? 1 : c);
    *cols = c;
    return (pack_item){(double)c * step, (double)((n + c - 1) / c) * step, 0.0, 0.0};
}

/* Packs parts and grid with discs of radius * rf and writes the packed positions. */
static void pack_all(const collab_i_layout_parts *lp, double aspect, double unit, double rf,
                     pack_item *items, skyline *s, double *px, double *py)
{
    double x0, y0, rmax = 0.0;
    size_t cols = 1, n_items = lp->n_parts + (lp->n_isolated > 0);
    for (size_t p = 0; p < lp->n_parts; p++) {
        items[p] = part_box(lp, p, rf, unit, &x0, &y0);
    }
    for (size_t k = lp->vstart[lp->n_parts]; k < lp->vstart[lp->n_parts + 1]; k++) {
        rmax = fmax(rmax, lp->radius[k]);
    }
    double step = fmax(unit, 2.0 * rmax * rf);
    if (lp->n_isolated > 0) {
        items[lp->n_parts] = grid_box(lp, aspect, step, &cols);
    }
    pack_items(s, items, n_items, aspect);
    for (size_t p = 0; p < lp->n_parts; p++) {
        part_box(lp, p, rf, unit, &x0, &y0);
        double ox = items[p].x + 0.5 * unit - x0, oy = items[p].y + 0.5 * unit - y0;
        for (size_t k = lp->vstart[p]; k < lp->vstart[p + 1]; k++) {
            px[k] = lp->x[k] * lp->scale[p] + ox;
            py[k] = lp->y[k] * lp->scale[p] + oy;
        }
    }
    for (size_t i = 0; i < lp->n_isolated; i++) {
        size_t k = lp->vstart[lp->n_parts] + i;
        px[k] = items[lp->n_parts].x + ((double)(i % cols) + 0.5) * step;
        py[k] = items[lp->n_parts].y + ((double)(i / cols) + 0.5) * step;
    }
}

double collab_i_layout_fit(const double *px, const double *py, size_t n, double aspect)
{
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (size_t k = 0; k < n; k++) {
        xmin = fmin(xmin, px[k]);
        xmax = fmax(xmax, px[k]);
        ymin = fmin(ymin, py[k]);
        ymax = fmax(ymax, py[k]);
    }
    double w = n > 0 ? xmax - xmin : 0.0, h = n > 0 ? ymax - ymin : 0.0;
    if (w > 0.0 && h > 0.0) {
        return fmin(aspect / w, 1.0 / h);
    }
    return w > 0.0 ? aspect / w : (h > 0.0 ? 1.0 / h : 1.0);
}

/* Radii in each part's layout units for a normalising factor `fit`. */
static void part_radii(const collab_i_layout_parts *lp, double fit, double *r)
{
    for (size_t p = 0; p < lp->n_parts; p++) {
        for (size_t k = lp->vstart[p]; k < lp->vstart[p + 1]; k++) {
            r[k] = lp->radius[k] * MARGIN / (fit * lp->scale[p]);
        }
    }
}

/* ForceAtlas2 with node sizes on each part, so that crowded nodes spread out by the forces (the
 * exact separation that follows then has little left to do). */
static collab_status settle_sizes(collab_i_layout_parts *lp, const collab_i_arrange *a,
                                  const double *r, collab_error *err)
{
    collab_i_fa2_params params = *a->fa2;
    for (size_t p = 0; p < lp->n_parts; p++) {
        size_t v = lp->vstart[p], e = lp->estart[p];
        if (lp->vstart[p + 1] - v < 3) {
            continue;
        }
        collab_i_fa2_graph g = {lp->vstart[p + 1] - v, lp->estart[p + 1] - e,
                                lp->from + e,          lp->to + e,
                                lp->weight + e,        lp->mass + v};
        params.size = r + v;
        collab_status st =
            collab_i_fa2_run(&g, &params, a->fa2_iterations, lp->x + v, lp->y + v, NULL, err);
        if (st != COLLAB_OK) {
            return st;
        }
    }
    return COLLAB_OK;
}

static collab_status separate_parts(collab_i_layout_parts *lp, const double *r, collab_error *err)
{
    for (size_t p = 0; p < lp->n_parts; p++) {
        size_t v = lp->vstart[p];
        collab_status st =
            collab_i_layout_separate(lp->x + v, lp->y + v, r + v, lp->vstart[p + 1] - v, err);
        if (st != COLLAB_OK) {
            return st;
        }
    }
    return COLLAB_OK;
}

static collab_status arrange_rounds(collab_i_layout_parts *lp, const collab_i_arrange *a,
                                    double unit, pack_item *items, skyline *s, double *r,
                                    double *px, double *py, collab_error *err)
{
    size_t n = lp->vstart[lp->n_parts + 1];
    double prev = 0.0, fit;
    for (int round = 0;; round++) {
        pack_all(lp, a->aspect, unit, round == 0 ? 0.0 : MARGIN / prev, items, s, px, py);
        fit = collab_i_layout_fit(px, py, n, a->aspect);
        /* Separated at radius * MARGIN / prev: that covers radius / fit once fit has shrunk by
         * less than MARGIN. */
        if (!a->prevent_overlap || round == MAX_ROUNDS || (round > 0 && fit * MARGIN >= prev)) {
            return COLLAB_OK;
        }
        part_radii(lp, fit, r);
        collab_status st = COLLAB_OK;
        if (round == 0 && a->fa2 != NULL && a->fa2_iterations > 0) {
            st = settle_sizes(lp, a, r, err);
        }
        if (st == COLLAB_OK) {
            st = separate_parts(lp, r, err);
        }
        if (st != COLLAB_OK) {
            return st;
        }
        prev = fit;
    }
}

collab_status collab_i_layout_arrange(collab_i_layout_parts *lp, const collab_i_arrange *a,
                                      double *px, double *py, collab_error *err)
{
    size_t n = lp->vstart[lp->n_parts + 1], n_items = lp->n_parts + 1;
    double unit;
    collab_status st = common_scale(lp, &unit, err);
    if (st != COLLAB_OK) {
        return st;
    }
    pack_item *items = collab_alloc_array(n_items, sizeof *items);
    skyline s = {collab_alloc_array(2 * n_items + 2, sizeof(sky_seg)),
                 collab_alloc_array(2 * n_items + 2, sizeof(sky_seg)), 0, 0.0, 0.0};
    double *r = collab_alloc_array(n, sizeof *r);
    if (items == NULL || s.seg == NULL || s.tmp == NULL || r == NULL) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory packing components");
    } else {
        st = arrange_rounds(lp, a, unit, items, &s, r, px, py, err);
    }
    collab_free(items);
    collab_free(s.seg);
    collab_free(s.tmp);
    collab_free(r);
    return st;
}
