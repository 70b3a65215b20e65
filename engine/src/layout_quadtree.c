/* The Barnes-Hut quadtree behind ForceAtlas2's repulsion, and the exact separation of node discs
 * (on a hashed grid of the discs placed so far).
 *
 * Exact repulsion costs O(n^2) per iteration; grouping far points into the centre of mass of
 * their cell brings it to O(n log n) (Barnes and Hut, Nature 1986). The tree is rebuilt every
 * iteration into the same arrays, by partitioning a permutation of the point ids in place, so a
 * build allocates only when the cell array has to grow. Small cells stay leaves and are summed
 * exactly: below a handful of points a subdivision costs more than it saves. */
#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

#define LEAF_POINTS    8  /* a cell with this many points or fewer is a leaf */
#define MAX_DEPTH      48 /* coincident points would split forever; below this, stop */
#define STACK_CELLS    (4 * MAX_DEPTH + 8)
#define LOCAL_ATTEMPTS 8 /* moves of a disc away from its worst overlap before it heads out */

collab_status collab_i_quadtree_init(collab_i_quadtree *qt, size_t n, collab_error *err)
{
    memset(qt, 0, sizeof *qt);
    if (n >= UINT32_MAX / 2) {
        return collab_error_set(err, COLLAB_E_LIMIT, "too many vertices to lay out (%zu)", n);
    }
    qt->cap_cells = n / 2 + 16;
    qt->cells = collab_alloc_array(qt->cap_cells, sizeof *qt->cells);
    qt->order = collab_alloc_array(n, sizeof *qt->order);
    qt->pos = collab_alloc_array(n, sizeof *qt->pos);
    if (qt->cells == NULL || qt->order == NULL || qt->pos == NULL) {
        collab_i_quadtree_destroy(qt);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory building a quadtree");
    }
    qt->n_points = n;
    return COLLAB_OK;
}

void collab_i_quadtree_destroy(collab_i_quadtree *qt)
{
    if (qt == NULL) {
        return;
    }
    collab_free(qt->cells);
    collab_free(qt->order);
    collab_free(qt->pos);
    memset(qt, 0, sizeof *qt);
}

/* Moves the ids in order[lo, hi) whose coordinate is below `mid` to the front; returns the
 * index of the first id at or above it. */
static uint32_t split_ids(uint32_t *order, uint32_t lo, uint32_t hi, const double *coord,
                          double mid)
{
    while (lo < hi) {
        if (coord[order[lo]] < mid) {
            lo++;
        } else {
            uint32_t t = order[--hi];
            order[hi] = order[lo];
            order[lo] = t;
        }
    }
    return lo;
}

typedef struct build_ctx {
    collab_i_quadtree *qt;
    const double *x, *y, *mass;
} build_ctx;

static void summarise_leaf(const build_ctx *b, collab_i_qcell *c)
{
    double m = 0.0, sx = 0.0, sy = 0.0;
    for (uint32_t k = c->first; k < c->first + c->count; k++) {
        uint32_t i = b->qt->order[k];
        double mi = b->mass != NULL ? b->mass[i] : 1.0;
        m += mi;
        sx += mi * b->x[i];
        sy += mi * b->y[i];
    }
    c->mass = m;
    c->cx = m > 0.0 ? sx / m : c->x0;
    c->cy = m > 0.0 ? sy / m : c->y0;
}

/* Builds the subtree of cell `ci` (square and point range already set). Returns false when the
 * cell array cannot grow. Recursion depth is bounded by MAX_DEPTH. */
static bool build_cell(const build_ctx *b, size_t ci, int depth)
{
    collab_i_quadtree *qt = b->qt;
    collab_i_qcell *c = &qt->cells[ci];
    c->child = 0;
    c->n_child = 0;
    if (c->count <= LEAF_POINTS || depth >= MAX_DEPTH) {
        summarise_leaf(b, c);
        return true;
    }
    if (qt->n_cells + 4 > qt->cap_cells) {
        size_t cap = qt->cap_cells * 2;
        collab_i_qcell *grown = collab_realloc_array(qt->cells, cap, sizeof *grown);
        if (grown == NULL) {
            return false;
        }
        qt->cells = grown;
        qt->cap_cells = cap;
        c = &qt->cells[ci];
    }
    double half = c->width / 2.0, mx = c->x0 + half, my = c->y0 + half;
    uint32_t lo = c->first, hi = c->first + c->count;
    uint32_t ymid = split_ids(qt->order, lo, hi, b->y, my);
    uint32_t bounds[5] = {lo, split_ids(qt->order, lo, ymid, b->x, mx), ymid,
                          split_ids(qt->order, ymid, hi, b->x, mx), hi};
    /* Only non-empty quadrants become cells: empty ones would cost a load on every visit. */
    size_t first_child = qt->n_cells;
    uint32_t n_child = 0;
    for (size_t k = 0; k < 4; k++) {
        if (bounds[k + 1] == bounds[k]) {
            continue;
        }
        collab_i_qcell *ch = &qt->cells[first_child + n_child++];
        ch->x0 = (k & 1) ? mx : c->x0;
        ch->y0 = (k & 2) ? my : c->y0;
        ch->width = half;
        ch->first = bounds[k];
        ch->count = bounds[k + 1] - bounds[k];
    }
    qt->n_cells += n_child;
    c->child = (uint32_t)first_child;
    c->n_child = n_child;
    double m = 0.0, sx = 0.0, sy = 0.0;
    for (size_t k = 0; k < n_child; k++) {
        if (!build_cell(b, first_child + k, depth + 1)) {
            return false;
        }
        const collab_i_qcell *ch = &qt->cells[first_child + k];
        m += ch->mass;
        sx += ch->mass * ch->cx;
        sy += ch->mass * ch->cy;
    }
    c = &qt->cells[ci];
    c->mass = m;
    c->cx = m > 0.0 ? sx / m : mx;
    c->cy = m > 0.0 ? sy / m : my;
    return true;
}

collab_status collab_i_quadtree_build(collab_i_quadtree *qt, const double *x, const double *y,
                                      const double *mass, collab_error *err)
{
    size_t n = qt->n_points;
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        qt->order[i] = (uint32_t)i;
        xmin = fmin(xmin, x[i]);
        xmax = fmax(xmax, x[i]);
        ymin = fmin(ymin, y[i]);
        ymax = fmax(ymax, y[i]);
    }
    collab_i_qcell *root = &qt->cells[0];
    memset(root, 0, sizeof *root);
    double width = n == 0 ? 1.0 : fmax(xmax - xmin, ymax - ymin);
    /* Widen a little so the largest coordinate falls strictly inside the root square. */
    root->width = width > 0.0 ? width * (1.0 + 1e-9) + 1e-300 : 1.0;
    root->x0 = n == 0 ? 0.0 : xmin;
    root->y0 = n == 0 ? 0.0 : ymin;
    root->count = (uint32_t)n;
    qt->n_cells = 1;
    build_ctx b = {qt, x, y, mass};
    if (!build_cell(&b, 0, 0)) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory building a quadtree");
    }
    for (size_t k = 0; k < n; k++) {
        qt->pos[qt->order[k]] = (uint32_t)k;
    }
    return COLLAB_OK;
}

/* Exact repulsion from each point of a leaf; with sizes, Gephi's anti-collision variant: the
 * gap between the discs replaces the distance, and overlapping discs push 100 times harder. */
static void repulse_leaf(const collab_i_quadtree *qt, const collab_i_repulsion *rep,
                         const collab_i_qcell *c, size_t i, double *fx, double *fy)
{
    double xi = rep->x[i], yi = rep->y[i], mi = rep->mass[i];
    for (uint32_t k = c->first; k < c->first + c->count; k++) {
        uint32_t j = qt->order[k];
        double dx = xi - rep->x[j], dy = yi - rep->y[j];
        double d2 = dx * dx + dy * dy;
        if (j == i || d2 <= 0.0) {
            continue;
        }
        double f;
        if (rep->size == NULL) {
            f = rep->coef * mi * rep->mass[j] / d2;
        } else {
            double gap = sqrt(d2) - rep->size[i] - rep->size[j];
            f = gap > 0.0 ? rep->coef * mi * rep->mass[j] / (gap * gap)
                          : 100.0 * rep->coef * mi * rep->mass[j];
        }
        *fx += dx * f;
        *fy += dy * f;
    }
}

void collab_i_quadtree_repulse(const collab_i_quadtree *qt, const collab_i_repulsion *rep, size_t i,
                               double *fx, double *fy)
{
    uint32_t stack[STACK_CELLS];
    size_t top = 0;
    double xi = rep->x[i], yi = rep->y[i], t2 = rep->theta * rep->theta;
    uint32_t pi = qt->pos[i];
    stack[top++] = 0;
    while (top > 0) {
        const collab_i_qcell *c = &qt->cells[stack[--top]];
        double dx = xi - c->cx, dy = yi - c->cy, d2 = dx * dx + dy * dy;
        /* A cell holding i itself is always opened: its centre of mass includes i. */
        bool holds_i = pi - c->first < c->count;
        if (!holds_i && c->width * c->width < t2 * d2) {
            double f = rep->coef * rep->mass[i] * c->mass / d2;
            *fx += dx * f;
            *fy += dy * f;
        } else if (c->child == 0) {
            repulse_leaf(qt, rep, c, i, fx, fy);
        } else {
            for (uint32_t k = 0; k < c->n_child; k++) {
                stack[top++] = c->child + k;
            }
        }
    }
}

/* A point and its squared distance from the centre, for ordering the placement. */
typedef struct ranked_point {
    double key;
    uint32_t id;
} ranked_point;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked_point *p = a, *q = b;
    if (p->key != q->key) {
        return p->key < q->key ? -1 : 1;
    }
    return (p->id > q->id) - (p->id < q->id);
}

/* The discs placed so far, hashed by grid cell. The cell's side is twice the radius of a typical
 * disc (SMALL_QUANTILE of them are no larger), so a cell holds a few discs however big the
 * hubs are: a disc at most that large is entered in the cell of its centre, a larger one in
 * every cell its bounding box touches. A query for disc j then scans the cells within r_j plus
 * the small radius of its centre: every small disc it can overlap has its centre there, and
 * every large one covers the cell of a point they share. Open addressing with linear probing;
 * the cells are unbounded because placement may push discs anywhere. (With one cell size
 * fitted to the largest disc, a map of 300,000 nodes whose hub is 50 times the typical disc
 * put thousands of discs in each cell and spent minutes scanning them.) */
#define SMALL_QUANTILE 0.95

typedef struct disc_grid {
    double cell, ox, oy; /* cell side and grid origin */
    double small;        /* the radius up to which a disc is entered in one cell only */
    size_t mask;         /* slots - 1, a power of two minus one */
    size_t used;         /* slots in use */
    int64_t *kx, *ky;    /* per slot: cell coordinates */
    uint32_t *head;      /* per slot: first entry of the cell, UINT32_MAX = free slot */
    uint32_t *disc;      /* per entry: its disc */
    uint32_t *next;      /* per entry: the cell's next entry */
    size_t n_entries, cap_entries;
} disc_grid;

static int64_t grid_coord(double v, double origin, double cell)
{
    double c = floor((v - origin) / cell);
    return (int64_t)fmax(-4e18, fmin(4e18, c));
}

/* The slot of cell (kx, ky), or the free slot where it would go. */
static size_t grid_slot(const disc_grid *g, int64_t kx, int64_t ky)
{
    uint64_t h =
        (uint64_t)kx * UINT64_C(0x9E3779B97F4A7C15) ^ (uint64_t)ky * UINT64_C(0xC2B2AE3D27D4EB4F);
    size_t s = (size_t)(h ^ (h >> 29)) & g->mask;
    while (g->head[s] != UINT32_MAX && (g->kx[s] != kx || g->ky[s] != ky)) {
        s = (s + 1) & g->mask;
    }
    return s;
}

static void grid_destroy(disc_grid *g)
{
    collab_free(g->kx);
    collab_free(g->ky);
    collab_free(g->head);
    collab_free(g->disc);
    collab_free(g->next);
    memset(g, 0, sizeof *g);
}

static bool grid_alloc_slots(disc_grid *g, size_t slots)
{
    g->mask = slots - 1;
    g->used = 0;
    g->kx = collab_alloc_array(slots, sizeof *g->kx);
    g->ky = collab_alloc_array(slots, sizeof *g->ky);
    g->head = collab_alloc_array(slots, sizeof *g->head);
    if (g->kx == NULL || g->ky == NULL || g->head == NULL) {
        return false;
    }
    memset(g->head, 0xff, slots * sizeof *g->head);
    return true;
}

/* Doubles the slots when more than half are in use (the cells' lists move as they are). */
static bool grid_grow(disc_grid *g)
{
    disc_grid old = *g;
    if (!grid_alloc_slots(g, 2 * (old.mask + 1))) {
        collab_free(g->kx);
        collab_free(g->ky);
        collab_free(g->head);
        *g = old;
        return false;
    }
    for (size_t s = 0; s <= old.mask; s++) {
        if (old.head[s] != UINT32_MAX) {
            size_t t = grid_slot(g, old.kx[s], old.ky[s]);
            g->kx[t] = old.kx[s];
            g->ky[t] = old.ky[s];
            g->head[t] = old.head[s];
            g->used++;
        }
    }
    collab_free(old.kx);
    collab_free(old.ky);
    collab_free(old.head);
    return true;
}

static bool grid_add(disc_grid *g, int64_t kx, int64_t ky, uint32_t j)
{
    if (2 * (g->used + 1) > g->mask + 1 && !grid_grow(g)) {
        return false;
    }
    if (g->n_entries == g->cap_entries) {
        size_t cap = 2 * g->cap_entries;
        uint32_t *disc = collab_realloc_array(g->disc, cap, sizeof *disc);
        if (disc == NULL) {
            return false;
        }
        g->disc = disc;
        uint32_t *next = collab_realloc_array(g->next, cap, sizeof *next);
        if (next == NULL) {
            return false;
        }
        g->next = next;
        g->cap_entries = cap;
    }
    size_t s = grid_slot(g, kx, ky);
    if (g->head[s] == UINT32_MAX) {
        g->kx[s] = kx;
        g->ky[s] = ky;
        g->used++;
    }
    uint32_t e = (uint32_t)g->n_entries++;
    g->disc[e] = j;
    g->next[e] = g->head[s];
    g->head[s] = e;
    return true;
}

static bool grid_insert(disc_grid *g, const double *x, const double *y, const double *r, uint32_t j)
{
    double reach = r[j] > g->small ? r[j] : 0.0;
    int64_t x0 = grid_coord(x[j] - reach, g->ox, g->cell);
    int64_t x1 = grid_coord(x[j] + reach, g->ox, g->cell);
    int64_t y0 = grid_coord(y[j] - reach, g->oy, g->cell);
    int64_t y1 = grid_coord(y[j] + reach, g->oy, g->cell);
    for (int64_t a = x0; a <= x1; a++) {
        for (int64_t b = y0; b <= y1; b++) {
            if (!grid_add(g, a, b, j)) {
                return false;
            }
        }
    }
    return true;
}

/* The placed disc that overlaps disc j at (px, py) the most, or UINT32_MAX; *depth is by how
 * much. */
static uint32_t grid_worst(const disc_grid *g, const double *x, const double *y, const double *r,
                           uint32_t j, double px, double py, double *depth)
{
    double reach = r[j] + g->small;
    int64_t x0 = grid_coord(px - reach, g->ox, g->cell);
    int64_t x1 = grid_coord(px + reach, g->ox, g->cell);
    int64_t y0 = grid_coord(py - reach, g->oy, g->cell);
    int64_t y1 = grid_coord(py + reach, g->oy, g->cell);
    uint32_t worst = UINT32_MAX;
    *depth = 0.0;
    for (int64_t a = x0; a <= x1; a++) {
        for (int64_t b = y0; b <= y1; b++) {
            for (uint32_t e = g->head[grid_slot(g, a, b)]; e != UINT32_MAX; e = g->next[e]) {
                uint32_t k = g->disc[e];
                double dx = px - x[k], dy = py - y[k];
                double over = r[j] + r[k] - sqrt(dx * dx + dy * dy);
                if (over > *depth || (over == *depth && over > 0.0 && k < worst)) {
                    *depth = over;
                    worst = k;
                }
            }
        }
    }
    return worst;
}

/* Moves disc j off the placed discs: first away from the disc it overlaps most (a few times,
 * which keeps it near where the layout wanted it), then outwards from the centre until it is
 * free, which must happen as there are finitely many placed discs. */
static void place_disc(const disc_grid *g, double *x, double *y, const double *r, uint32_t j,
                       double cx, double cy, double rmax)
{
    double depth, ux, uy;
    for (int attempt = 0; attempt < LOCAL_ATTEMPTS; attempt++) {
        uint32_t k = grid_worst(g, x, y, r, j, x[j], y[j], &depth);
        if (k == UINT32_MAX) {
            return;
        }
        double dx = x[j] - x[k], dy = y[j] - y[k], d = sqrt(dx * dx + dy * dy);
        if (d > 0.0) {
            ux = dx / d;
            uy = dy / d;
        } else {
            /* Coincident: a direction that depends only on the pair keeps this deterministic. */
            uint64_t h = ((uint64_t)j << 32) ^ k;
            double a = 6.283185307179586 * collab_i_splitmix_unit(&h);
            ux = cos(a);
            uy = sin(a);
        }
        /* A hair more than touching, so that rounding cannot leave them overlapping. */
        double need = (r[j] + r[k]) * 1.001;
        x[j] = x[k] + ux * need;
        y[j] = y[k] + uy * need;
    }
    double dx = x[j] - cx, dy = y[j] - cy, d = sqrt(dx * dx + dy * dy);
    uint64_t h = j;
    double a = 6.283185307179586 * collab_i_splitmix_unit(&h);
    ux = d > 0.0 ? dx / d : cos(a);
    uy = d > 0.0 ? dy / d : sin(a);
    double step = fmax(r[j], 0.5 * rmax);
    while (grid_worst(g, x, y, r, j, x[j], y[j], &depth) != UINT32_MAX) {
        x[j] += ux * step;
        y[j] += uy * step;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return (p > q) - (p < q);
}

/* The grid for n discs of radii r: the cell from the SMALL_QUANTILE radius. */
static bool grid_init(disc_grid *g, const double *r, size_t n, double rmax, double ox, double oy)
{
    memset(g, 0, sizeof *g);
    double *sorted = collab_alloc_array(n, sizeof *sorted);
    if (sorted == NULL) {
        return false;
    }
    memcpy(sorted, r, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_double);
    double small = sorted[(size_t)((double)(n - 1) * SMALL_QUANTILE)];
    collab_free(sorted);
    g->small = small > 0.0 ? small : rmax;
    g->cell = 2.0 * g->small;
    g->ox = ox;
    g->oy = oy;
    size_t slots = 16;
    while (slots < 2 * n) {
        slots *= 2;
    }
    g->cap_entries = n + 16;
    g->disc = collab_alloc_array(g->cap_entries, sizeof *g->disc);
    g->next = collab_alloc_array(g->cap_entries, sizeof *g->next);
    if (g->disc == NULL || g->next == NULL || !grid_alloc_slots(g, slots)) {
        grid_destroy(g);
        return false;
    }
    return true;
}

collab_status collab_i_layout_separate(double *x, double *y, const double *r, size_t n,
                                       collab_error *err)
{
    double rmax = 0.0, cx = 0.0, cy = 0.0;
    for (size_t i = 0; i < n; i++) {
        rmax = fmax(rmax, r[i]);
        cx += x[i];
        cy += y[i];
    }
    if (n < 2 || rmax <= 0.0) {
        return COLLAB_OK;
    }
    cx /= (double)n;
    cy /= (double)n;
    disc_grid g;
    ranked_point *ordered = collab_alloc_array(n, sizeof *ordered);
    if (ordered == NULL || !grid_init(&g, r, n, rmax, cx, cy)) {
        collab_free(ordered);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory separating nodes");
    }
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - cx, dy = y[i] - cy;
        ordered[i] = (ranked_point){dx * dx + dy * dy, (uint32_t)i};
    }
    qsort(ordered, n, sizeof *ordered, cmp_ranked);
    bool ok = true;
    for (size_t k = 0; ok && k < n; k++) {
        place_disc(&g, x, y, r, ordered[k].id, cx, cy, rmax);
        ok = grid_insert(&g, x, y, r, ordered[k].id);
    }
    collab_free(ordered);
    grid_destroy(&g);
    return ok ? COLLAB_OK : collab_error_set(err, COLLAB_E_NOMEM, "out of memory separating nodes");
}
