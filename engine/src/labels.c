/* Label placement.
 *
 * Labels are placed greedily in order of importance (VOSviewer's rule for a fixed zoom): a node's
 * label goes to one of eight positions around its disc that stays inside the label area and
 * overlaps no obstacle and no label placed before it and never covers a labelled node's disc or
 * one taller than the text - the first that also leaves other nodes uncovered, if any does, so
 * labels hide as few nodes as they can. The most important nodes with no room there try rings
 * further out and get a leader line (Imhof's rule: a name belongs next to its feature, or joined
 * to it). Community captions (lists of names) keep whole names. Overlap tests go through a
 * uniform grid of cells about four minimum font sizes wide, each listing the boxes that touch it,
 * so a test looks at a handful of boxes instead of all of them (a second grid holds the node
 * discs): placement is near-linear in the number of nodes. A cheap test with the smallest possible
 * box (no width, one em tall) skips nodes that have no room at all before their text is measured,
 * because measuring (shaping) is the expensive part. */
#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scene_internal.h"

#define N_CANDIDATES 8
/* The most important nodes (this many first in the labelling order) whose label fits nowhere
 * around them get it further out, with a leader line. */
#define LEADER_RANKS 24
/* Rings tried further out for them, each this many font sizes beyond the last. */
#define LEADER_RINGS 4
#define LEADER_STEP  1.25
#define NONE         SIZE_MAX

typedef struct grid_entry {
    size_t box;  /* index into `boxes` */
    size_t next; /* next entry of the same cell, or NONE */
} grid_entry;

typedef struct grid {
    double cell;         /* cell side */
    size_t cols, rows;   /* cells across and down */
    size_t *head;        /* per cell: first entry, or NONE */
    grid_entry *entries; /* cell lists */
    size_t n_entries, cap_entries;
    collab_box *boxes; /* boxes stored */
    size_t n_boxes, cap_boxes;
} grid;

static bool grid_init(grid *g, double width, double height, double cell)
{
    memset(g, 0, sizeof *g);
    g->cell = cell;
    g->cols = (size_t)ceil(width / cell) + 1;
    g->rows = (size_t)ceil(height / cell) + 1;
    g->head = collab_alloc_array(g->cols, g->rows * sizeof *g->head);
    if (g->head == NULL) {
        return false;
    }
    for (size_t i = 0; i < g->cols * g->rows; i++) {
        g->head[i] = NONE;
    }
    return true;
}

static void grid_free(grid *g)
{
    collab_free(g->head);
    collab_free(g->entries);
    collab_free(g->boxes);
    memset(g, 0, sizeof *g);
}

static size_t clamp_cell(double v, double cell, size_t n)
{
    double c = floor(v / cell);
    return c < 0 ? 0 : c >= (double)n ? n - 1 : (size_t)c;
}

/* Boxes closer than COLLAB_I_LABEL_EPS count as overlapping. */
static bool overlap(const collab_box *a, const collab_box *b)
{
    const double e = COLLAB_I_LABEL_EPS;
    return a->x < b->x + b->w + e && b->x < a->x + a->w + e && a->y < b->y + b->h + e &&
           b->y < a->y + a->h + e;
}

static bool grid_hits(const grid *g, const collab_box *b)
{
    const double e = COLLAB_I_LABEL_EPS;
    size_t c0 = clamp_cell(b->x - e, g->cell, g->cols);
    size_t c1 = clamp_cell(b->x + b->w + e, g->cell, g->cols);
    size_t r0 = clamp_cell(b->y - e, g->cell, g->rows);
    size_t r1 = clamp_cell(b->y + b->h + e, g->cell, g->rows);
    for (size_t r = r0; r <= r1; r++) {
        for (size_t c = c0; c <= c1; c++) {
            for (size_t k = g->head[r * g->cols + c]; k != NONE; k = g->entries[k].next) {
                if (overlap(b, &g->boxes[g->entries[k].box])) {
                    return true;
                }
            }
        }
    }
    return false;
}

static bool grid_add(grid *g, const collab_box *b)
{
    size_t c0 = clamp_cell(b->x, g->cell, g->cols);
    size_t c1 = clamp_cell(b->x + b->w, g->cell, g->cols);
    size_t r0 = clamp_cell(b->y, g->cell, g->rows);
    size_t r1 = clamp_cell(b->y + b->h, g->cell, g->rows);
    size_t cells = (c1 - c0 + 1) * (r1 - r0 + 1);
    if (!collab_grow_array((void **)&g->boxes, &g->cap_boxes, g->n_boxes + 1, sizeof *g->boxes) ||
        !collab_grow_array((void **)&g->entries, &g->cap_entries, g->n_entries + cells,
                           sizeof *g->entries)) {
        return false;
    }
    size_t id = g->n_boxes++;
    g->boxes[id] = *b;
    for (size_t r = r0; r <= r1; r++) {
        for (size_t c = c0; c <= c1; c++) {
            size_t k = g->n_entries++;
            g->entries[k].box = id;
            g->entries[k].next = g->head[r * g->cols + c];
            g->head[r * g->cols + c] = k;
        }
    }
    return true;
}

/* Candidate `c` for a w x h box around node `nd`, `gap` away from its disc: right, left, above,
 * below, then upper right, upper left, lower right, lower left (a corner on the 45° line). */
static collab_box candidate(int c, const collab_scene_node *nd, double w, double h, double gap)
{
    double x = nd->x;
    double y = nd->y;
    double d = nd->radius + gap;
    double e = d * 0.70710678118654752;
    const double xs[N_CANDIDATES] = {x + d, x - d - w, x - w / 2, x - w / 2,
                                     x + e, x - e - w, x + e,     x - e - w};
    const double ys[N_CANDIDATES] = {y - h / 2, y - h / 2, y - d - h, y + d,
                                     y - e - h, y - e - h, y + e,     y + e};
    collab_box b = {xs[c], ys[c], w, h};
    return b;
}

static bool inside(const collab_box *outer, const collab_box *b)
{
    return b->x >= outer->x && b->y >= outer->y && b->x + b->w <= outer->x + outer->w &&
           b->y + b->h <= outer->y + outer->h;
}

/* What box `b` covers of the discs of nodes other than `self` (`discs` holds their bounding
 * boxes, box index = node id). */
typedef enum coverage {
    COVERS_NOTHING = 0, /* no other disc */
    COVERS_SMALL,       /* only discs of small unlabelled nodes: the halo keeps it legible */
    COVERS_LARGE,       /* the disc of an unlabelled node taller than the text: never (it would
                           hide a node a reader looks for) */
    COVERS_FORBIDDEN    /* the disc of a labelled node: a reader would take the label for its */
} coverage;

static coverage covers_node(const grid *discs, const collab_scene *s, const collab_box *b,
                            uint32_t self)
{
    /* "taller than the text": its glyphs' line height, without the halo's padding */
    double text_h = b->h - 2 * COLLAB_I_TEXT_PAD * s->nodes[self].label_font;
    size_t c0 = clamp_cell(b->x, discs->cell, discs->cols);
    size_t c1 = clamp_cell(b->x + b->w, discs->cell, discs->cols);
    size_t r0 = clamp_cell(b->y, discs->cell, discs->rows);
    size_t r1 = clamp_cell(b->y + b->h, discs->cell, discs->rows);
    coverage worst = COVERS_NOTHING;
    for (size_t r = r0; r <= r1; r++) {
        for (size_t c = c0; c <= c1; c++) {
            for (size_t k = discs->head[r * discs->cols + c]; k != NONE;
                 k = discs->entries[k].next) {
                const collab_scene_node *nd = &s->nodes[discs->entries[k].box];
                if (discs->entries[k].box == self) {
                    continue;
                }
                double dx = fmax(fmax(b->x - nd->x, nd->x - (b->x + b->w)), 0);
                double dy = fmax(fmax(b->y - nd->y, nd->y - (b->y + b->h)), 0);
                if (dx * dx + dy * dy >= nd->radius * nd->radius) {
                    continue;
                }
                if (nd->label >= 0) {
                    return COVERS_FORBIDDEN;
                }
                coverage this_one = 2 * nd->radius > text_h ? COVERS_LARGE : COVERS_SMALL;
                worst = this_one > worst ? this_one : worst;
            }
        }
    }
    return worst;
}

/* Placement state: what labels must avoid, and what they had better avoid. */
typedef struct placer {
    grid taken;         /* obstacles and placed labels: a label may not overlap these */
    grid discs;         /* node discs: a label avoids them when it can */
    size_t cap;         /* labels allocated in the scene */
    size_t cap_leaders; /* leader lines allocated in the scene */
} placer;

/* Does the segment (x0, y0)-(x1, y1) pass through the inside of box `b` (Liang-Barsky)? */
static bool segment_meets_box(double x0, double y0, double x1, double y1, const collab_box *b)
{
    double dx = x1 - x0;
    double dy = y1 - y0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - b->x, b->x + b->w - x0, y0 - b->y, b->y + b->h - y0};
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] <= 0) {
                return false;
            }
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0) {
            lo = fmax(lo, t);
        } else {
            hi = fmin(hi, t);
        }
    }
    return lo < hi;
}

/* Does box `b` lie across a leader line drawn before? */
static bool meets_leader(const collab_scene *s, const collab_box *b)
{
    for (size_t i = 0; i < s->n_leaders; i++) {
        const collab_scene_leader *l = &s->leaders[i];
        if (segment_meets_box(l->x0, l->y0, l->x1, l->y1, b)) {
            return true;
        }
    }
    return false;
}

/* The first candidate for a w x h box `gap` away from node `id`'s disc that is inside the label
 * area and overlaps nothing taken; when `spare_nodes`, the first that covers no other disc, else
 * the first that covers only small unlabelled ones (never a labelled node's or one taller than the
 * box); -1 when none is. A
 * smaller box at the same candidate lies inside the bigger one, so when even an empty text's box
 * has no room, no text has. */
static int choose_candidate(const placer *p, const collab_scene *s, uint32_t id, double w, double h,
                            double gap, bool spare_nodes)
{
    const collab_scene_node *nd = &s->nodes[id];
    int best = -1;
    coverage best_cover = COVERS_LARGE;
    for (int c = 0; c < N_CANDIDATES; c++) {
        collab_box b = candidate(c, nd, w, h, gap);
        if (!inside(&s->label_area, &b) || grid_hits(&p->taken, &b) || meets_leader(s, &b)) {
            continue;
        }
        coverage covered = spare_nodes ? covers_node(&p->discs, s, &b, id) : COVERS_NOTHING;
        if (covered == COVERS_NOTHING) {
            return c;
        }
        if (covered < best_cover) {
            best = c;
            best_cover = covered;
        }
    }
    return best;
}

/* Is the disc of `nd` under a label already placed (or another box taken)? Its own label would
 * then name a disc a reader cannot see whole, and the label over it would seem to be its. */
static bool disc_under_label(const placer *p, const collab_scene_node *nd)
{
    const grid *g = &p->taken;
    double r = nd->radius;
    size_t c0 = clamp_cell(nd->x - r, g->cell, g->cols);
    size_t c1 = clamp_cell(nd->x + r, g->cell, g->cols);
    size_t r0 = clamp_cell(nd->y - r, g->cell, g->rows);
    size_t r1 = clamp_cell(nd->y + r, g->cell, g->rows);
    for (size_t row = r0; row <= r1; row++) {
        for (size_t c = c0; c <= c1; c++) {
            for (size_t k = g->head[row * g->cols + c]; k != NONE; k = g->entries[k].next) {
                const collab_box *b = &g->boxes[g->entries[k].box];
                double dx = fmax(fmax(b->x - nd->x, nd->x - (b->x + b->w)), 0);
                double dy = fmax(fmax(b->y - nd->y, nd->y - (b->y + b->h)), 0);
                if (dx * dx + dy * dy < r * r) {
                    return true;
                }
            }
        }
    }
    return false;
}

typedef struct ranked {
    double weight; /* normalised size */
    uint32_t id;   /* node id */
} ranked;

static int cmp_rank(const void *a, const void *b)
{
    const ranked *x = a;
    const ranked *y = b;
    if (x->weight != y->weight) {
        return x->weight > y->weight ? -1 : 1;
    }
    return (x->id > y->id) - (x->id < y->id);
}

/* The leader line from node `nd`'s disc to box `b` (outside it): along the line from the centre to
 * the box's nearest point. */
static collab_scene_leader make_leader(const collab_scene *s, uint32_t id, const collab_box *b)
{
    const collab_scene_node *nd = &s->nodes[id];
    double px = fmin(fmax(nd->x, b->x), b->x + b->w);
    double py = fmin(fmax(nd->y, b->y), b->y + b->h);
    double dx = px - nd->x;
    double dy = py - nd->y;
    double len = sqrt(dx * dx + dy * dy);
    double ux = len > 0 ? dx / len : 1;
    double uy = len > 0 ? dy / len : 0;
    collab_scene_leader l;
    l.node = id;
    l.x0 = nd->x + ux * (nd->radius + nd->stroke_width);
    l.y0 = nd->y + uy * (nd->radius + nd->stroke_width);
    l.x1 = px;
    l.y1 = py;
    l.width = fmax(0.06 * nd->label_font, 0.5);
    l.color = s->foreground;
    l.color.a = 0.7;
    return l;
}

/* Does leader line `l` cross a box taken before (a label, the title, the legend)? */
static bool leader_crosses(const grid *g, const collab_scene_leader *l)
{
    size_t c0 = clamp_cell(fmin(l->x0, l->x1), g->cell, g->cols);
    size_t c1 = clamp_cell(fmax(l->x0, l->x1), g->cell, g->cols);
    size_t r0 = clamp_cell(fmin(l->y0, l->y1), g->cell, g->rows);
    size_t r1 = clamp_cell(fmax(l->y0, l->y1), g->cell, g->rows);
    for (size_t r = r0; r <= r1; r++) {
        for (size_t c = c0; c <= c1; c++) {
            for (size_t k = g->head[r * g->cols + c]; k != NONE; k = g->entries[k].next) {
                if (segment_meets_box(l->x0, l->y0, l->x1, l->y1, &g->boxes[g->entries[k].box])) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* Does leader line `l` of node `self` pass over the disc of another node that is labelled or
 * drawn taller than the text (`text_h`)? A reader would follow it to the wrong node. */
static bool leader_over_disc(const grid *discs, const collab_scene *s, const collab_scene_leader *l,
                             uint32_t self, double text_h)
{
    size_t c0 = clamp_cell(fmin(l->x0, l->x1), discs->cell, discs->cols);
    size_t c1 = clamp_cell(fmax(l->x0, l->x1), discs->cell, discs->cols);
    size_t r0 = clamp_cell(fmin(l->y0, l->y1), discs->cell, discs->rows);
    size_t r1 = clamp_cell(fmax(l->y0, l->y1), discs->cell, discs->rows);
    double dx = l->x1 - l->x0;
    double dy = l->y1 - l->y0;
    double len2 = dx * dx + dy * dy;
    for (size_t r = r0; r <= r1; r++) {
        for (size_t c = c0; c <= c1; c++) {
            for (size_t k = discs->head[r * discs->cols + c]; k != NONE;
                 k = discs->entries[k].next) {
                size_t id = discs->entries[k].box;
                const collab_scene_node *nd = &s->nodes[id];
                if (id == self || (nd->label < 0 && 2 * nd->radius <= text_h)) {
                    continue;
                }
                double t = len2 > 0 ? ((nd->x - l->x0) * dx + (nd->y - l->y0) * dy) / len2 : 0;
                t = fmin(fmax(t, 0), 1);
                double ex = l->x0 + t * dx - nd->x;
                double ey = l->y0 + t * dy - nd->y;
                if (ex * ex + ey * ey < nd->radius * nd->radius) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* For an important node whose label fits nowhere around it: on rings further out, the first
 * candidate that overlaps nothing taken, covers no large or labelled disc and whose leader line
 * crosses no taken box and no large or labelled disc - on the nearest ring that has one, the first
 * covering no disc at all if any does - with its gap in `*gap`; -1 when none. */
static int choose_far(const placer *p, const collab_scene *s, uint32_t id, double w, double h,
                      double *gap)
{
    const collab_scene_node *nd = &s->nodes[id];
    for (int ring = 1; ring <= LEADER_RINGS; ring++) {
        double g = (0.25 + LEADER_STEP * ring) * nd->label_font;
        int best = -1;
        for (int c = 0; c < N_CANDIDATES; c++) {
            collab_box b = candidate(c, nd, w, h, g);
            if (!inside(&s->label_area, &b) || grid_hits(&p->taken, &b) || meets_leader(s, &b)) {
                continue;
            }
            coverage covered = covers_node(&p->discs, s, &b, id);
            collab_scene_leader l = make_leader(s, id, &b);
            if (covered >= COVERS_LARGE || leader_crosses(&p->taken, &l) ||
                leader_over_disc(&p->discs, s, &l, id,
                                 h - 2 * COLLAB_I_TEXT_PAD * nd->label_font)) {
                continue;
            }
            if (covered == COVERS_NOTHING) {
                best = c;
                break;
            }
            best = best < 0 ? c : best;
        }
        if (best >= 0) {
            *gap = g;
            return best;
        }
    }
    return -1;
}

/* Labels node `id` if it has room. */
static collab_status try_label(collab_scene *s, const collab_scene_input *in, placer *p,
                               uint32_t id, collab_error *err)
{
    collab_scene_node *nd = &s->nodes[id];
    double pad = COLLAB_I_TEXT_PAD * nd->label_font;
    double gap = 0.25 * nd->label_font;
    if (nd->name[0] == '\0' || collab_i_node_opacity(in, id) < 1 ||
        (in->unlabelled != NULL && in->unlabelled[id] != 0)) {
        return COLLAB_OK;
    }
    bool important = s->n_label_requests++ < LEADER_RANKS;
    /* The smallest box any text can have: no width, one em tall (the measurer's contract). */
    if (disc_under_label(p, nd) ||
        (!important &&
         choose_candidate(p, s, id, 2 * pad, nd->label_font + 2 * pad, gap, false) < 0)) {
        return COLLAB_OK;
    }
    collab_scene_text t;
    collab_status st =
        in->list_labels ? collab_i_list_text_init(&t, nd->name, in->label_chars * 3 / 2,
                                                  nd->label_font, s->foreground, INFINITY, in, err)
                        : collab_i_text_init(&t, nd->name, in->label_chars, nd->label_font,
                                             s->foreground, INFINITY, in, err);
    if (st != COLLAB_OK) {
        return st;
    }
    int c = choose_candidate(p, s, id, t.box.w, t.box.h, gap, true);
    bool far = false;
    if (c < 0 && important) {
        c = choose_far(p, s, id, t.box.w, t.box.h, &gap);
        far = c >= 0;
    }
    if (c < 0) {
        collab_i_text_free(&t);
        return COLLAB_OK;
    }
    collab_box b = candidate(c, nd, t.box.w, t.box.h, gap);
    collab_i_text_move(&t, b.x, b.y);
    if (!collab_grow_array((void **)&s->labels, &p->cap, s->n_labels + 1, sizeof *s->labels) ||
        (far && !collab_grow_array((void **)&s->leaders, &p->cap_leaders, s->n_leaders + 1,
                                   sizeof *s->leaders)) ||
        !grid_add(&p->taken, &b)) {
        collab_i_text_free(&t);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory placing labels");
    }
    if (far) {
        s->leaders[s->n_leaders++] = make_leader(s, id, &b);
    }
    nd->label = (long)s->n_labels;
    s->labels[s->n_labels].node = id;
    s->labels[s->n_labels++].t = t;
    return COLLAB_OK;
}

static collab_status place_ranked(collab_scene *s, const collab_scene_input *in, placer *p,
                                  const ranked *order, collab_error *err)
{
    for (size_t k = 0; k < s->n_nodes; k++) {
        if (in->max_labels >= 0 && s->n_labels >= (size_t)in->max_labels) {
            break;
        }
        collab_status st = try_label(s, in, p, order[k].id, err);
        if (st != COLLAB_OK) {
            return st;
        }
    }
    return COLLAB_OK;
}

static bool placer_init(placer *p, const collab_scene *s, double cell)
{
    memset(p, 0, sizeof *p);
    bool ok = grid_init(&p->taken, s->width, s->height, cell) &&
              grid_init(&p->discs, s->width, s->height, cell);
    for (size_t i = 0; ok && i < s->n_obstacles; i++) {
        ok = grid_add(&p->taken, &s->obstacles[i]);
    }
    for (size_t i = 0; ok && i < s->n_nodes; i++) {
        const collab_scene_node *nd = &s->nodes[i];
        collab_box b = {nd->x - nd->radius, nd->y - nd->radius, 2 * nd->radius, 2 * nd->radius};
        ok = grid_add(&p->discs, &b);
    }
    return ok;
}

static void placer_free(placer *p)
{
    grid_free(&p->taken);
    grid_free(&p->discs);
}

static void drop_labels(collab_scene *s)
{
    for (size_t i = 0; i < s->n_labels; i++) {
        collab_i_text_free(&s->labels[i].t);
        s->nodes[s->labels[i].node].label = -1;
    }
    s->n_labels = 0;
    collab_free(s->labels);
    s->labels = NULL;
    s->n_leaders = 0;
    collab_free(s->leaders);
    s->leaders = NULL;
}

collab_status collab_i_labels_place(collab_scene *s, const collab_scene_input *in,
                                    collab_error *err)
{
    if (in->names == NULL || in->max_labels == 0 || s->n_nodes == 0) {
        return COLLAB_OK;
    }
    ranked *order = collab_alloc_array(s->n_nodes, sizeof *order);
    placer p;
    double cell = fmax(36 * in->font_scale, fmax(s->width, s->height) / 512);
    bool ok = placer_init(&p, s, cell) && order != NULL;
    collab_status st = COLLAB_OK;
    if (!ok) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory placing labels");
    } else {
        for (size_t i = 0; i < s->n_nodes; i++) {
            order[i].weight = collab_i_node_priority(in, s, i);
            order[i].id = (uint32_t)i;
        }
        qsort(order, s->n_nodes, sizeof *order, cmp_rank);
        st = place_ranked(s, in, &p, order, err);
    }
    if (st != COLLAB_OK) {
        drop_labels(s);
    }
    placer_free(&p);
    collab_free(order);
    return st;
}
