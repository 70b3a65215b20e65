/* The path figure (collab/figure.h): people in columns by step, a card per step naming the shared
 * project, all placed by hand rather than by a layout. Columns are stacks of items (a person: name
 * over disc; a card: lines of text in a panel) separated by a fixed gap; the lines that join them
 * cross only the gaps, except for the horizontal stubs from a disc or card to its column's edge,
 * which stay at the item's own height. */
#include "collab/alloc.h"
#include "collab/figure.h"
#include "collab/query.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figure_internal.h"
#include "scene_internal.h"

#define MARGIN     24.0   /* blank border of the page */
#define COLUMN_GAP 44.0   /* between two columns: only lines cross it */
#define ROW_GAP    18.0   /* between two items of a column */
#define RADIUS     7.0    /* person disc */
#define NAME_FONT  12.0   /* person names */
#define CARD_PAD   6.0    /* inside a card */
#define NAME_GAP   3.0    /* between a name and its disc */
#define WIDE       1400.0 /* a single chain wider than this is drawn top to bottom instead */
#define ROW_STEP   22.0   /* top to bottom: the line between a disc and a card */

/* One item of a column: a person or a card. */
typedef struct item {
    bool card;     /* a card (else a person) */
    size_t index;  /* person or card number */
    size_t column; /* 2 * step for people, 2 * step - 1 for cards */
    double key;    /* order in the column */
    double w, h;   /* extent */
    double anchor; /* height of the joining lines below the item's top */
    double x, y;   /* top-left once placed */
} item;

/* A distinct step of the chains; card k is step k's. */
typedef struct step {
    size_t from, to; /* person numbers */
} step;

typedef struct builder {
    const collab_graph *g;
    const collab_edgelist *list;
    collab_scene_input in; /* only the measurer and the font scale are used */
    collab_scene s;        /* being built */
    uint32_t *person_of;   /* per graph vertex: person number or UINT32_MAX */
    uint32_t *vertex;      /* per person: graph vertex */
    size_t *column;        /* per person: its column */
    size_t *rank;          /* per person: rank in its column (order of first appearance) */
    size_t n_people;
    step *steps;
    size_t n_steps;
    item *items;
    size_t n_items;
    size_t *line_cap; /* per card: room in lines */
    bool vertical;    /* one long chain drawn top to bottom, names right of the discs */
    collab_rgba muted, line;
} builder;

static collab_rgba blend(collab_rgba a, collab_rgba b, double t)
{
    collab_rgba c = {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1};
    return c;
}

/* People in order of first appearance (a person is at the same step of every shortest chain) and
 * the distinct steps. */
static collab_status collect(builder *b, const uint32_t *paths, size_t n_paths, size_t length,
                             collab_error *err)
{
    size_t n_graph = collab_graph_vertex_count(b->g);
    size_t cap = n_paths * (length + 1);
    b->person_of = collab_alloc_array(n_graph + 1, sizeof *b->person_of);
    b->vertex = collab_alloc_array(cap, sizeof *b->vertex);
    b->column = collab_alloc_array(cap, sizeof *b->column);
    b->rank = collab_alloc_array(cap, sizeof *b->rank);
    b->steps = collab_alloc_array(n_paths * length, sizeof *b->steps);
    size_t *in_column = collab_calloc_array(length + 1, sizeof *in_column);
    if (!b->person_of || !b->vertex || !b->column || !b->rank || !b->steps || !in_column) {
        collab_free(in_column);
        return collab_error_nomem(err, "drawing the chains");
    }
    memset(b->person_of, 0xff, (n_graph + 1) * sizeof *b->person_of);
    for (size_t p = 0; p < n_paths; p++) {
        const uint32_t *chain = paths + p * (length + 1);
        for (size_t i = 0; i <= length; i++) {
            uint32_t v = chain[i];
            if (b->person_of[v] == UINT32_MAX) {
                b->person_of[v] = (uint32_t)b->n_people;
                b->vertex[b->n_people] = v;
                b->column[b->n_people] = 2 * i;
                b->rank[b->n_people++] = in_column[i]++;
            }
            if (i == 0) {
                continue;
            }
            size_t from = b->person_of[chain[i - 1]];
            size_t to = b->person_of[v];
            size_t k = 0;
            while (k < b->n_steps && (b->steps[k].from != from || b->steps[k].to != to)) {
                k++;
            }
            if (k == b->n_steps) {
                b->steps[k].from = from;
                b->steps[k].to = to;
                b->n_steps++;
            }
        }
    }
    collab_free(in_column);
    return COLLAB_OK;
}

/* Nodes, names, labels and cards with their texts measured (nothing placed yet), and the items. */
static collab_status make_parts(builder *b, collab_error *err)
{
    collab_scene *s = &b->s;
    size_t pool = 0;
    for (size_t i = 0; i < b->n_people; i++) {
        pool += strlen(collab_graph_name(b->g, b->vertex[i])) + 1;
    }
    s->nodes = collab_calloc_array(b->n_people, sizeof *s->nodes);
    s->name_pool = collab_malloc(pool);
    s->paint_order = collab_alloc_array(b->n_people, sizeof *s->paint_order);
    s->labels = collab_calloc_array(b->n_people, sizeof *s->labels);
    s->cards = collab_calloc_array(b->n_steps, sizeof *s->cards);
    b->items = collab_calloc_array(b->n_people + b->n_steps, sizeof *b->items);
    b->line_cap = collab_calloc_array(b->n_steps, sizeof *b->line_cap);
    if (!s->nodes || !s->name_pool || !s->paint_order || !s->labels || !s->cards || !b->items ||
        !b->line_cap) {
        return collab_error_nomem(err, "drawing the chains");
    }
    s->n_nodes = b->n_people;
    char *at = s->name_pool;
    collab_rgba fill = collab_i_palette(0);
    collab_status st = COLLAB_OK;
    for (size_t i = 0; st == COLLAB_OK && i < b->n_people; i++) {
        const char *name = collab_graph_name(b->g, b->vertex[i]);
        size_t len = strlen(name) + 1;
        memcpy(at, name, len);
        collab_scene_node *nd = &s->nodes[i];
        nd->name = at;
        at += len;
        nd->radius = RADIUS;
        nd->fill = fill;
        nd->stroke = s->background;
        nd->stroke_width = 1;
        bool project = b->g->is_project != NULL && b->g->is_project[b->vertex[i]];
        nd->shape = project ? COLLAB_MARK_ROUNDED_SQUARE : COLLAB_MARK_CIRCLE;
        nd->community = COLLAB_NO_COMMUNITY;
        nd->weight = 1;
        nd->label_font = NAME_FONT;
        nd->label = (long)i;
        s->paint_order[i] = (uint32_t)i;
        s->labels[i].node = (uint32_t)i;
        st = collab_i_text_init(&s->labels[i].t, name, SIZE_MAX, NAME_FONT, s->foreground, INFINITY,
                                &b->in, err);
        if (st != COLLAB_OK) {
            break;
        }
        s->n_labels++;
        item *it = &b->items[b->n_items++];
        it->index = i;
        it->column = b->column[i];
        it->key = (double)b->rank[i];
        it->w = fmax(s->labels[i].t.box.w, 2 * RADIUS + 6);
        it->anchor = s->labels[i].t.box.h + NAME_GAP + RADIUS + 2;
        it->h = it->anchor + RADIUS + 2;
    }
    for (size_t k = 0; st == COLLAB_OK && k < b->n_steps; k++) {
        const step *sp = &b->steps[k];
        collab_scene_card *c = &s->cards[k];
        s->n_cards++;
        c->from = (uint32_t)sp->from;
        c->to = (uint32_t)sp->to;
        c->fill = blend(s->background, fill, 0.07);
        c->border = blend(fill, s->background, 0.45);
        collab_i_card_context cx = {b->g, b->list, &b->in, b->s.foreground, b->muted};
        st = collab_i_card_fill(&cx, c, &b->line_cap[k], b->vertex[sp->from], b->vertex[sp->to],
                                err);
        double w = 0;
        double h = 0;
        for (size_t l = 0; l < c->n_lines; l++) {
            w = fmax(w, c->lines[l].box.w);
            h += c->lines[l].box.h;
        }
        item *it = &b->items[b->n_items++];
        it->card = true;
        it->index = k;
        it->column = b->column[sp->to] - 1;
        /* between its people: by their ranks */
        it->key = (double)(b->rank[sp->from] + b->rank[sp->to]) +
                  (double)b->rank[sp->from] / (double)(b->n_people + 1);
        it->w = w + 2 * CARD_PAD;
        it->h = h + 2 * CARD_PAD;
        it->anchor = it->h / 2;
    }
    return st;
}

static int by_column_then_key(const void *pa, const void *pb)
{
    const item *a = pa;
    const item *b = pb;
    if (a->column != b->column) {
        return a->column < b->column ? -1 : 1;
    }
    if (a->key != b->key) {
        return a->key < b->key ? -1 : 1;
    }
    return a->index < b->index ? -1 : a->index > b->index;
}

typedef struct column {
    double x, w;        /* left edge and width */
    double top, bottom; /* extent of its stack, relative to the axis */
} column;

/* Moves the items of each column towards the mean joining height of the items they are linked to
 * (a person towards its cards, a card towards its two people), keeping their order and gaps, for
 * `rounds` rounds; each column then moves back by its mean push so it stays balanced. */
static void relax(builder *b, const size_t *item_of_person, const size_t *item_of_card, double *sum,
                  double *count, size_t rounds)
{
    for (size_t r = 0; r < rounds; r++) {
        memset(sum, 0, b->n_items * sizeof *sum);
        memset(count, 0, b->n_items * sizeof *count);
        for (size_t k = 0; k < b->n_steps; k++) {
            size_t ends[2] = {item_of_person[b->steps[k].from], item_of_person[b->steps[k].to]};
            size_t c = item_of_card[k];
            double ac = b->items[c].y + b->items[c].anchor;
            for (size_t e = 0; e < 2; e++) {
                sum[ends[e]] += ac;
                count[ends[e]] += 1;
                sum[c] += b->items[ends[e]].y + b->items[ends[e]].anchor;
                count[c] += 1;
            }
        }
        size_t first = 0;
        while (first < b->n_items) {
            size_t last = first;
            while (last < b->n_items && b->items[last].column == b->items[first].column) {
                last++;
            }
            double push = 0;
            double prev_end = -INFINITY;
            for (size_t k = first; k < last; k++) {
                item *it = &b->items[k];
                double want = count[k] > 0 ? sum[k] / count[k] - it->anchor : it->y;
                it->y = fmax(want, prev_end);
                push += it->y - want;
                prev_end = it->y + it->h + ROW_GAP;
            }
            push /= (double)(last - first);
            for (size_t k = first; k < last; k++) {
                b->items[k].y -= push;
            }
            first = last;
        }
    }
}

/* Places the items: columns left to right, each a stack with ROW_GAP between items, first
 * centred (by the mean of its first and last joining heights) on one axis, then relaxed towards
 * the items they are linked to. Returns the content's size; item positions start at (0, 0). */
static collab_status place_items(builder *b, column *cols, size_t n_cols, size_t *item_of_person,
                                 size_t *item_of_card, double *width, double *height,
                                 collab_error *err)
{
    qsort(b->items, b->n_items, sizeof *b->items, by_column_then_key);
    for (size_t k = 0; k < b->n_items; k++) {
        if (b->items[k].card) {
            item_of_card[b->items[k].index] = k;
        } else {
            item_of_person[b->items[k].index] = k;
        }
    }
    for (size_t c = 0; c < n_cols; c++) {
        cols[c].w = 2 * RADIUS;
    }
    size_t first = 0;
    while (first < b->n_items) {
        size_t c = b->items[first].column;
        size_t last = first;
        double y = 0;
        while (last < b->n_items && b->items[last].column == c) {
            item *it = &b->items[last++];
            it->y = y;
            y += it->h + ROW_GAP;
            cols[c].w = fmax(cols[c].w, it->w);
        }
        double axis = (b->items[first].y + b->items[first].anchor + b->items[last - 1].y +
                       b->items[last - 1].anchor) /
                      2;
        for (size_t k = first; k < last; k++) {
            b->items[k].y -= axis;
        }
        first = last;
    }
    double *sum = collab_alloc_array(b->n_items, sizeof *sum);
    double *count = collab_alloc_array(b->n_items, sizeof *count);
    if (sum == NULL || count == NULL) {
        collab_free(sum);
        collab_free(count);
        return collab_error_nomem(err, "drawing the chains");
    }
    relax(b, item_of_person, item_of_card, sum, count, 6);
    collab_free(sum);
    collab_free(count);
    double lo = INFINITY;
    double hi = -INFINITY;
    for (size_t k = 0; k < b->n_items; k++) {
        lo = fmin(lo, b->items[k].y);
        hi = fmax(hi, b->items[k].y + b->items[k].h);
    }
    double x = 0;
    for (size_t c = 0; c < n_cols; c++) {
        cols[c].x = x;
        x += cols[c].w + (c + 1 < n_cols ? COLUMN_GAP : 0);
    }
    for (size_t k = 0; k < b->n_items; k++) {
        item *it = &b->items[k];
        it->y -= lo;
        it->x = cols[it->column].x + (cols[it->column].w - it->w) / 2;
    }
    *width = x;
    *height = hi - lo;
    return COLLAB_OK;
}

/* One chain top to bottom: person, card, person ... centred on one vertical axis, each name to
 * the right of its disc. Items are in column order after place_items. */
static void place_vertical(builder *b, double *width, double *height)
{
    double left = RADIUS + 2;
    double right = RADIUS + 2;
    for (size_t k = 0; k < b->n_items; k++) {
        const item *it = &b->items[k];
        if (it->card) {
            left = fmax(left, it->w / 2);
            right = fmax(right, it->w / 2);
        } else {
            right = fmax(right, RADIUS + 5 + b->s.labels[it->index].t.box.w);
        }
    }
    double y = 0;
    for (size_t k = 0; k < b->n_items; k++) {
        item *it = &b->items[k];
        if (!it->card) {
            it->h = fmax(2 * RADIUS + 6, b->s.labels[it->index].t.box.h);
            it->anchor = it->h / 2;
            it->w = 2 * RADIUS;
        }
        it->x = left - it->w / 2;
        it->y = y;
        y += it->h + ROW_STEP;
    }
    *width = left + right;
    *height = y - ROW_STEP;
}

static void shift_text(collab_scene_text *t, double x, double y)
{
    collab_i_text_move(t, x, y);
}

/* Moves everything to the page: items offset by (ox, oy). */
static void finish_items(builder *b, double ox, double oy)
{
    collab_scene *s = &b->s;
    for (size_t k = 0; k < b->n_items; k++) {
        item *it = &b->items[k];
        it->x += ox;
        it->y += oy;
        if (it->card) {
            collab_scene_card *c = &s->cards[it->index];
            c->box = (collab_box){it->x, it->y, it->w, it->h};
            double y = it->y + CARD_PAD;
            for (size_t l = 0; l < c->n_lines; l++) {
                shift_text(&c->lines[l], it->x + CARD_PAD, y);
                y += c->lines[l].box.h;
            }
        } else {
            collab_scene_node *nd = &s->nodes[it->index];
            collab_scene_text *t = &s->labels[it->index].t;
            nd->x = it->x + it->w / 2;
            nd->y = it->y + it->anchor;
            if (b->vertical) {
                shift_text(t, nd->x + RADIUS + 5, nd->y - t->box.h / 2);
            } else {
                shift_text(t, nd->x - t->box.w / 2, it->y);
            }
        }
    }
}

/* The segments of every step: disc side -> column edge -> gap -> card column edge -> card side,
 * and on from the card to the next person the same way. */
static collab_status make_edges(builder *b, const column *cols, double ox,
                                const size_t *item_of_person, const size_t *item_of_card,
                                collab_error *err)
{
    collab_scene *s = &b->s;
    s->edges = collab_alloc_array(6 * b->n_steps + 1, sizeof *s->edges);
    if (s->edges == NULL) {
        return collab_error_nomem(err, "drawing the chains");
    }
    for (size_t k = 0; k < b->n_steps; k++) {
        const step *sp = &b->steps[k];
        const item *u = &b->items[item_of_person[sp->from]];
        const item *c = &b->items[item_of_card[k]];
        const item *v = &b->items[item_of_person[sp->to]];
        const collab_scene_node *nu = &s->nodes[sp->from];
        const collab_scene_node *nv = &s->nodes[sp->to];
        double uy = nu->y;
        double cy = c->y + c->anchor;
        double vy = nv->y;
        double ur = ox + cols[u->column].x + cols[u->column].w;
        double cl = ox + cols[c->column].x;
        double cr = cl + cols[c->column].w;
        double vl = ox + cols[v->column].x;
        if (b->vertical) {
            double seg[2][4] = {{nu->x, uy + nu->radius, nu->x, c->y},
                                {nv->x, c->y + c->h, nv->x, vy - nv->radius}};
            for (size_t p = 0; p < 2; p++) {
                collab_scene_edge *e = &s->edges[s->n_edges++];
                memset(e, 0, sizeof *e);
                e->from = (uint32_t)sp->from;
                e->to = (uint32_t)sp->to;
                e->x0 = seg[p][0];
                e->y0 = seg[p][1];
                e->x1 = seg[p][2];
                e->y1 = seg[p][3];
                e->cx = (e->x0 + e->x1) / 2;
                e->cy = (e->y0 + e->y1) / 2;
                e->width = 1.4;
                e->color = b->line;
                e->weight = 1;
            }
            continue;
        }
        double pts[8][2] = {{nu->x + nu->radius, uy}, {ur, uy}, {cl, cy}, {c->x, cy},
                            {c->x + c->w, cy},        {cr, cy}, {vl, vy}, {nv->x - nv->radius, vy}};
        for (size_t p = 0; p < 7; p++) {
            if (p == 3) {
                continue; /* across the card */
            }
            double dx = pts[p + 1][0] - pts[p][0];
            double dy = pts[p + 1][1] - pts[p][1];
            if (dx * dx + dy * dy < 1e-6) {
                continue;
            }
            collab_scene_edge *e = &s->edges[s->n_edges++];
            memset(e, 0, sizeof *e);
            e->from = (uint32_t)sp->from;
            e->to = (uint32_t)sp->to;
            e->x0 = pts[p][0];
            e->y0 = pts[p][1];
            e->x1 = pts[p + 1][0];
            e->y1 = pts[p + 1][1];
            e->cx = (e->x0 + e->x1) / 2;
            e->cy = (e->y0 + e->y1) / 2;
            e->width = 1.4;
            e->color = b->line;
            e->weight = 1;
        }
    }
    return COLLAB_OK;
}

static collab_status titles(builder *b, const collab_figure_style *style, double *band,
                            double *width, collab_error *err)
{
    collab_scene *s = &b->s;
    *band = 0;
    *width = 0;
    collab_status st = COLLAB_OK;
    if (style->title != NULL && style->title[0] != '\0') {
        st = collab_i_text_init(&s->title, style->title, SIZE_MAX, 16, s->foreground, INFINITY,
                                &b->in, err);
        if (st == COLLAB_OK) {
            s->has_title = true;
            collab_i_text_move(&s->title, MARGIN, MARGIN);
            *band += s->title.box.h;
            *width = fmax(*width, s->title.box.w);
        }
    }
    if (st == COLLAB_OK && style->subtitle != NULL && style->subtitle[0] != '\0') {
        st = collab_i_text_init(&s->subtitle, style->subtitle, SIZE_MAX, 10.5, b->muted, INFINITY,
                                &b->in, err);
        if (st == COLLAB_OK) {
            s->has_subtitle = true;
            collab_i_text_move(&s->subtitle, MARGIN, MARGIN + *band);
            *band += s->subtitle.box.h;
            *width = fmax(*width, s->subtitle.box.w);
        }
    }
    *band += *band > 0 ? 16 : 0;
    return st;
}

static collab_status lay_out(builder *b, const collab_figure_style *style, size_t length,
                             collab_error *err)
{
    collab_scene *s = &b->s;
    size_t n_cols = 2 * length + 1;
    column *cols = collab_calloc_array(n_cols, sizeof *cols);
    size_t *item_of_person = collab_alloc_array(b->n_people, sizeof *item_of_person);
    size_t *item_of_card = collab_alloc_array(b->n_steps, sizeof *item_of_card);
    collab_status st = COLLAB_OK;
    if (cols == NULL || item_of_person == NULL || item_of_card == NULL) {
        st = collab_error_nomem(err, "drawing the chains");
    }
    double cw = 0;
    double ch = 0;
    double band = 0;
    double tw = 0;
    if (st == COLLAB_OK) {
        st = place_items(b, cols, n_cols, item_of_person, item_of_card, &cw, &ch, err);
    }
    if (st == COLLAB_OK && b->n_people == length + 1 && cw > WIDE) {
        b->vertical = true;
        place_vertical(b, &cw, &ch);
    }
    if (st == COLLAB_OK) {
        st = titles(b, style, &band, &tw, err);
    }
    if (st == COLLAB_OK) {
        /* whole points, so a PNG at any whole-pixel scale has no half-painted edge */
        s->width = ceil(2 * MARGIN + fmax(cw, tw));
        s->height = ceil(2 * MARGIN + band + ch);
        if (s->width > COLLAB_FIGURE_MAX_SIDE || s->height > COLLAB_FIGURE_MAX_SIDE) {
            st = collab_error_set(err, COLLAB_E_LIMIT,
                                  "the figure would be %.0f x %.0f points (at most %.0f a side): "
                                  "draw fewer chains",
                                  s->width, s->height, COLLAB_FIGURE_MAX_SIDE);
        }
    }
    if (st == COLLAB_OK) {
        double ox = (s->width - cw) / 2;
        double oy = MARGIN + band;
        finish_items(b, ox, oy);
        s->plot = (collab_box){ox, oy, cw, ch};
        s->label_area = (collab_box){MARGIN / 2, MARGIN / 2, s->width - MARGIN, s->height - MARGIN};
        st = make_edges(b, cols, ox, item_of_person, item_of_card, err);
    }
    collab_free(cols);
    collab_free(item_of_person);
    collab_free(item_of_card);
    return st;
}

collab_status collab_path_figure_build(collab_scene *out, const collab_graph *g,
                                       const collab_edgelist *list, const uint32_t *paths,
                                       size_t n_paths, size_t length,
                                       const collab_figure_style *style, collab_error *err)
{
    if (n_paths == 0 || length == 0) {
        return collab_error_set(err, COLLAB_E_USAGE, "no chain to draw");
    }
    builder b;
    memset(&b, 0, sizeof b);
    b.g = g;
    b.list = list;
    collab_scene_input_init(&b.in);
    b.in.measure = style->measure;
    b.in.measure_ctx = style->measure_ctx;
    bool dark = style->theme == COLLAB_THEME_DARK;
    collab_rgba white = {1, 1, 1, 1};
    collab_rgba ink = {0x22 / 255.0, 0x22 / 255.0, 0x22 / 255.0, 1};
    collab_rgba night = {0x15 / 255.0, 0x17 / 255.0, 0x1a / 255.0, 1};
    collab_rgba paper = {0xe8 / 255.0, 0xe8 / 255.0, 0xe8 / 255.0, 1};
    b.s.background = dark ? night : white;
    b.s.foreground = dark ? paper : ink;
    b.s.halo_width = COLLAB_I_HALO;
    b.muted = blend(b.s.foreground, b.s.background, 0.35);
    b.line = blend(b.s.foreground, b.s.background, 0.55);
    collab_status st = collect(&b, paths, n_paths, length, err);
    if (st == COLLAB_OK) {
        st = make_parts(&b, err);
    }
    if (st == COLLAB_OK) {
        st = lay_out(&b, style, length, err);
    }
    /* the two ends: outlined in the text colour */
    if (st == COLLAB_OK) {
        size_t ends[2] = {b.person_of[paths[0]], b.person_of[paths[length]]};
        for (size_t k = 0; k < 2; k++) {
            b.s.nodes[ends[k]].stroke = b.s.foreground;
            b.s.nodes[ends[k]].stroke_width = 2.5;
        }
    }
    collab_free(b.person_of);
    collab_free(b.vertex);
    collab_free(b.column);
    collab_free(b.rank);
    collab_free(b.steps);
    collab_free(b.items);
    collab_free(b.line_cap);
    if (st != COLLAB_OK) {
        collab_scene_destroy(&b.s);
        return st;
    }
    *out = b.s;
    return COLLAB_OK;
}
