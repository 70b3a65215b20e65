/* Building a scene: validating the input, sizing and colouring the nodes, fitting the layout into
 * the page, and choosing and styling the edges. The title and legend are laid out in
 * scene_legend.c and the labels placed in labels.c; this file runs the steps in order:
 * nodes -> colours -> title band -> legend column -> plot area -> fit -> edges -> labels,
 * because each step needs the space the previous ones left. */
#include "collab/scene.h"

#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scene_internal.h"

/* Share of the plot area the nodes' discs may cover before they are shrunk: dense maps keep
 * room between nodes instead of becoming one blot. */
#define NODE_AREA_SHARE 0.10
/* Share of the plot area the largest disc may cover: one hub never swamps the map. */
#define MAX_DISC_SHARE 0.02
/* Plot side (page units) at which nodes get their nominal VOSviewer size. */
#define NOMINAL_PLOT_SIDE 600.0
/* M_PI is not in strict C11. */
#define PI 3.14159265358979323846

void collab_scene_input_init(collab_scene_input *in)
{
    memset(in, 0, sizeof *in);
    in->page_width = 1200;
    in->page_height = 900;
    in->margin = 24;
    in->font_scale = 1;
    in->theme = COLLAB_THEME_LIGHT;
    in->color_mode = COLLAB_COLOR_COMMUNITY;
    in->edge_style = COLLAB_EDGES_STRAIGHT;
    in->show_legend = true;
    in->max_labels = COLLAB_LABELS_AUTO;
    in->label_chars = COLLAB_LABEL_MAX_CHARS;
    in->centre = -1;
}

static collab_status validate_page(const collab_scene_input *in, collab_error *err)
{
    double w = in->page_width;
    double h = in->page_height;
    if (!isfinite(w) || !isfinite(h) || w < 16 || h < 16 || w > 100000 || h > 100000) {
        return collab_error_set(err, COLLAB_E_USAGE, "page size '%gx%g' is outside 16..100000", w,
                                h);
    }
    if (!isfinite(in->margin) || in->margin < 0 || 2 * in->margin > fmin(w, h) - 16) {
        return collab_error_set(err, COLLAB_E_USAGE, "margin '%g' leaves no room on a '%gx%g' page",
                                in->margin, w, h);
    }
    if (!isfinite(in->font_scale) || in->font_scale <= 0 || in->font_scale > 100) {
        return collab_error_set(err, COLLAB_E_USAGE, "font scale '%g' is not in (0, 100]",
                                in->font_scale);
    }
    if (in->label_chars < 2) {
        return collab_error_set(err, COLLAB_E_USAGE, "labels need room for at least 2 characters");
    }
    if (in->max_labels < COLLAB_LABELS_AUTO) {
        return collab_error_set(err, COLLAB_E_USAGE, "label count '%ld' is negative",
                                in->max_labels);
    }
    if (in->measure == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE, "scene has no text measurer");
    }
    return COLLAB_OK;
}

static collab_status validate_arrays(const collab_scene_input *in, collab_error *err)
{
    if (in->n_nodes >= COLLAB_NO_COMMUNITY) {
        return collab_error_set(err, COLLAB_E_LIMIT, "too many nodes to draw: '%zu'", in->n_nodes);
    }
    if (in->n_nodes > 0 && (in->x == NULL || in->y == NULL)) {
        return collab_error_set(err, COLLAB_E_USAGE, "scene has nodes but no positions");
    }
    if (in->n_nodes > 0 && in->color_mode == COLLAB_COLOR_NUMERIC && in->value == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE, "numeric colouring has no values");
    }
    if (in->n_edges > 0 && (in->edge_from == NULL || in->edge_to == NULL)) {
        return collab_error_set(err, COLLAB_E_USAGE, "scene has edges but no endpoints");
    }
    for (size_t i = 0; i < in->n_nodes; i++) {
        if (!isfinite(in->x[i]) || !isfinite(in->y[i])) {
            return collab_error_set(err, COLLAB_E_INPUT,
                                    "node %zu ('%.64s') has no finite position", i,
                                    in->names != NULL && in->names[i] ? in->names[i] : "");
        }
    }
    if (in->centre >= 0 && (size_t)in->centre >= in->n_nodes) {
        return collab_error_set(err, COLLAB_E_USAGE, "centre node '%ld' is not one of %zu nodes",
                                in->centre, in->n_nodes);
    }
    for (size_t e = 0; e < in->n_edges; e++) {
        if (in->edge_from[e] >= in->n_nodes || in->edge_to[e] >= in->n_nodes) {
            return collab_error_set(err, COLLAB_E_INPUT,
                                    "edge %zu joins nodes '%u' and '%u' of %zu", e,
                                    in->edge_from[e], in->edge_to[e], in->n_nodes);
        }
    }
    return COLLAB_OK;
}

static collab_rgba rgb(unsigned hex)
{
    collab_rgba c = {((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1.0};
    return c;
}

static collab_rgba mix(collab_rgba a, collab_rgba b, double t)
{
    collab_rgba c = {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                     a.a + (b.a - a.a) * t};
    return c;
}

static bool same_color(collab_rgba a, collab_rgba b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void set_theme(collab_scene *s, const collab_scene_input *in, collab_i_scene_facts *facts)
{
    bool dark = in->theme == COLLAB_THEME_DARK;
    s->width = in->page_width;
    s->height = in->page_height;
    s->background = rgb(dark ? 0x15171a : 0xffffff);
    s->foreground = rgb(dark ? 0xe8e8e8 : 0x222222);
    s->halo_width = COLLAB_I_HALO;
    memset(facts, 0, sizeof *facts);
    facts->font_scale = in->font_scale;
    facts->neutral = rgb(dark ? 0x6b6e73 : 0xb4b4b4);
}

static double clean_size(const collab_scene_input *in, size_t i)
{
    if (in->size == NULL) {
        return 1;
    }
    double v = in->size[i];
    return isfinite(v) && v > 0 ? v : 0;
}

/* Copies the names into one pool, so the scene outlives the input's strings. */
static collab_status copy_names(collab_scene *s, const collab_scene_input *in, collab_error *err)
{
    size_t total = 1;
    for (size_t i = 0; i < in->n_nodes && in->names != NULL; i++) {
        total += in->names[i] != NULL ? strlen(in->names[i]) + 1 : 0;
    }
    s->name_pool = collab_malloc(total);
    if (s->name_pool == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory copying node names");
    }
    s->name_pool[0] = '\0';
    size_t used = 1;
    for (size_t i = 0; i < in->n_nodes; i++) {
        const char *name = in->names != NULL ? in->names[i] : NULL;
        s->nodes[i].name = s->name_pool;
        if (name != NULL) {
            size_t len = strlen(name);
            memcpy(s->name_pool + used, name, len + 1);
            s->nodes[i].name = s->name_pool + used;
            used += len + 1;
        }
    }
    return COLLAB_OK;
}

static collab_status make_nodes(collab_scene *s, const collab_scene_input *in,
                                collab_i_scene_facts *facts, collab_error *err)
{
    s->n_nodes = in->n_nodes;
    s->nodes = collab_calloc_array(in->n_nodes, sizeof *s->nodes);
    s->paint_order = collab_alloc_array(in->n_nodes, sizeof *s->paint_order);
    if (s->nodes == NULL || s->paint_order == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for %zu nodes", in->n_nodes);
    }
    double sum = 0;
    for (size_t i = 0; i < in->n_nodes; i++) {
        double v = clean_size(in, i);
        sum += v;
        facts->max_size = fmax(facts->max_size, v);
        facts->sizes_vary |= i > 0 && v != clean_size(in, 0);
    }
    facts->mean_size = in->n_nodes > 0 ? sum / (double)in->n_nodes : 0;
    for (size_t i = 0; i < in->n_nodes; i++) {
        collab_scene_node *nd = &s->nodes[i];
        bool project = in->kind != NULL && in->kind[i] == COLLAB_NODE_PROJECT;
        nd->weight = facts->mean_size > 0 ? clean_size(in, i) / facts->mean_size : 1;
        nd->shape = project ? COLLAB_MARK_ROUNDED_SQUARE : COLLAB_MARK_CIRCLE;
        nd->community = COLLAB_NO_COMMUNITY;
        nd->label_font = collab_i_label_font(nd->weight, in->font_scale);
        nd->label = -1;
        facts->has_projects |= project;
        facts->has_persons |= !project;
    }
    return copy_names(s, in, err);
}

/* Node scale: nominal sizes on a NOMINAL_PLOT_SIDE plot, shrunk when the discs would cover more
 * than NODE_AREA_SHARE of the plot, and never so large that one disc covers more than
 * MAX_DISC_SHARE of the plot or fills a quarter side. */
static double node_scale(const collab_scene *s, collab_box plot)
{
    double side = fmin(plot.w, plot.h);
    double scale = fmin(fmax(side / NOMINAL_PLOT_SIDE, 0.25), 4.0);
    double area = 0;
    double dmax = 0;
    for (size_t i = 0; i < s->n_nodes; i++) {
        double d = collab_i_node_diameter(s->nodes[i].weight);
        area += PI * d * d / 4;
        dmax = fmax(dmax, d);
    }
    if (area > 0) {
        scale = fmin(scale, sqrt(NODE_AREA_SHARE * plot.w * plot.h / area));
    }
    if (dmax > 0) {
        scale = fmin(scale, 0.5 * side / dmax);
        scale = fmin(scale, 2 * sqrt(MAX_DISC_SHARE * plot.w * plot.h / PI) / dmax);
    }
    return scale;
}

static collab_box plot_box(const collab_scene_input *in, double band, double legend_w)
{
    double m = in->margin;
    double gap = legend_w > 0 ? 12 * in->font_scale : 0;
    collab_box b = {m, m + band, in->page_width - 2 * m - legend_w - gap,
                    in->page_height - 2 * m - band};
    return b;
}

/* The legend column is at least this share of the page's width, so that maps of one network
 * coloured differently (communities, roles, years), whose legends differ in width, get the same
 * plot box and so draw every node at the same place; only a legend wider than this moves it. */
#define LEGEND_RESERVE 0.3

/* The width kept for a legend of natural width `w` (0: no legend). */
static double legend_reserve(const collab_scene_input *in, double w)
{
    return w > 0 ? fmax(w, LEGEND_RESERVE * (in->page_width - 2 * in->margin)) : 0;
}

/* With square_plot, the page's height that makes `plot` (its width final) square. */
static void square_page(collab_scene *s, const collab_scene_input *in, collab_box *plot)
{
    if (in->square_plot) {
        plot->h = plot->w;
        /* a whole number of points: a PNG of a fractional page ends in a half-painted row */
        s->height = ceil(plot->y + plot->h + in->margin);
    }
}

/* The legend in rows under the title band: the plot goes under it, across the page. */
static void frame_rows(collab_scene *s, const collab_scene_input *in,
                       const collab_i_scene_facts *facts, double band, double *scale,
                       collab_box *plot)
{
    double m = in->margin;
    double width = in->page_width - 2 * m;
    collab_box first = plot_box(in, band, 0);
    square_page(s, in, &first);
    /* the markers at the scale of a plot without the legend are the largest they can be */
    double h = collab_i_legend_rows(s, facts, m, m + band, width, node_scale(s, first), false);
    double below = h > 0 ? h + 10 * in->font_scale : 0;
    *plot = plot_box(in, band + below, 0);
    square_page(s, in, plot);
    *scale = node_scale(s, *plot);
    collab_i_legend_rows(s, facts, m, m + band, width, *scale, true);
}

/* Lays out the title band, legend column and plot area; returns the node scale. */
static collab_status frame(collab_scene *s, const collab_scene_input *in,
                           const collab_i_scene_facts *facts, double band, double *scale,
                           collab_error *err)
{
    double fs = in->font_scale;
    double swatch = 14 * fs;
    double legend_w = in->legend_row ? 0 : collab_i_legend_width(s, swatch, fs);
    collab_box plot = plot_box(in, band, legend_reserve(in, legend_w));
    square_page(s, in, &plot);
    *scale = node_scale(s, plot);
    double need = 2 * collab_i_legend_max_marker(s, facts, *scale);
    if (legend_w > 0 && need > swatch) {
        /* A wider marker column narrows the plot, which can only shrink the markers. */
        swatch = need;
        legend_w = collab_i_legend_width(s, swatch, fs);
        plot = plot_box(in, band, legend_reserve(in, legend_w));
        square_page(s, in, &plot);
        *scale = node_scale(s, plot);
    }
    if (in->legend_row) {
        frame_rows(s, in, facts, band, scale, &plot);
    }
    double room_w = in->page_width - 2 * in->margin;
    double room_h = s->height - 2 * in->margin;
    if (plot.w < 0.3 * room_w || plot.h < 0.3 * room_h) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "page '%gx%g' is too small for its title and legend", s->width,
                                s->height);
    }
    s->plot = plot;
    if (legend_w > 0) {
        /* against the right margin: a legend narrower than its column leaves the room between
         * it and the plot */
        collab_i_legend_place(s, facts, in->page_width - in->margin - legend_w, plot.y, legend_w,
                              s->height - in->margin, swatch, *scale);
    }
    return COLLAB_OK;
}

static void layout_bounds(const collab_scene_input *in, double lo[2], double hi[2])
{
    lo[0] = lo[1] = INFINITY;
    hi[0] = hi[1] = -INFINITY;
    for (size_t i = 0; i < in->n_nodes; i++) {
        lo[0] = fmin(lo[0], in->x[i]);
        hi[0] = fmax(hi[0], in->x[i]);
        lo[1] = fmin(lo[1], in->y[i]);
        hi[1] = fmax(hi[1], in->y[i]);
    }
}

double collab_i_node_opacity(const collab_scene_input *in, size_t i)
{
    if (in->opacity == NULL) {
        return 1;
    }
    double a = in->opacity[i];
    return isfinite(a) ? fmin(fmax(a, 0), 1) : 1;
}

double collab_i_node_priority(const collab_scene_input *in, const collab_scene *s, size_t i)
{
    if (in->emphasis != NULL && in->emphasis[i] != 0) {
        return INFINITY;
    }
    if (collab_i_node_opacity(in, i) < 1) {
        return -1;
    }
    return s->nodes[i].weight;
}

static bool emphasised(const collab_scene_input *in, size_t i)
{
    return in->emphasis != NULL && in->emphasis[i] != 0;
}

/* Emphasised nodes are outlined in the text colour; faded nodes lose opacity. */
static void mark_nodes(collab_scene *s, const collab_scene_input *in)
{
    for (size_t i = 0; i < s->n_nodes; i++) {
        collab_scene_node *nd = &s->nodes[i];
        if (emphasised(in, i)) {
            nd->stroke = s->foreground;
        }
        double a = collab_i_node_opacity(in, i);
        nd->fill.a *= a;
        nd->stroke.a *= a;
    }
}

/* Maps layout positions into the plot shrunk by the largest disc, keeping the aspect ratio,
 * so that every disc, outline included, stays inside the plot. */
static void fit_nodes(collab_scene *s, const collab_scene_input *in, double scale)
{
    double reach = 0;
    for (size_t i = 0; i < s->n_nodes; i++) {
        collab_scene_node *nd = &s->nodes[i];
        nd->radius = collab_i_node_radius(nd->weight, scale);
        nd->stroke_width = fmin(fmax(0.08 * nd->radius, 0.25), 1.2);
        if (emphasised(in, i)) {
            nd->stroke_width = fmax(2.5, 0.2 * nd->radius);
        }
        reach = fmax(reach, nd->radius + nd->stroke_width / 2);
    }
    double ix = s->plot.x + reach;
    double iy = s->plot.y + reach;
    double iw = fmax(s->plot.w - 2 * reach, 0);
    double ih = fmax(s->plot.h - 2 * reach, 0);
    double lo[2];
    double hi[2];
    layout_bounds(in, lo, hi);
    double cx = s->n_nodes > 0 ? (lo[0] + hi[0]) / 2 : 0;
    double cy = s->n_nodes > 0 ? (lo[1] + hi[1]) / 2 : 0;
    double kx = hi[0] > lo[0] ? iw / (hi[0] - lo[0]) : INFINITY;
    double ky = hi[1] > lo[1] ? ih / (hi[1] - lo[1]) : INFINITY;
    if (in->centre >= 0) {
        /* Centred on one node: the box becomes symmetric around it, at the cost of scale. */
        cx = in->x[in->centre];
        cy = in->y[in->centre];
        double rx = fmax(cx - lo[0], hi[0] - cx);
        double ry = fmax(cy - lo[1], hi[1] - cy);
        kx = rx > 0 ? iw / (2 * rx) : INFINITY;
        ky = ry > 0 ? ih / (2 * ry) : INFINITY;
    }
    double k = fmin(kx, ky);
    k = isfinite(k) ? k : 0;
    for (size_t i = 0; i < s->n_nodes; i++) {
        /* Clamped, so rounding can never push a disc past the plot's edge. */
        s->nodes[i].x = fmin(fmax(ix + iw / 2 + k * (in->x[i] - cx), ix), ix + iw);
        s->nodes[i].y = fmin(fmax(iy + ih / 2 + k * (in->y[i] - cy), iy), iy + ih);
    }
}

typedef struct ranked_edge {
    double weight; /* clean weight */
    size_t index;  /* edge index in the input */
} ranked_edge;

static int cmp_edge(const void *a, const void *b)
{
    const ranked_edge *x = a;
    const ranked_edge *y = b;
    if (x->weight != y->weight) {
        return x->weight > y->weight ? -1 : 1;
    }
    return (x->index > y->index) - (x->index < y->index);
}

static double clean_weight(const collab_scene_input *in, size_t e)
{
    if (in->edge_weight == NULL) {
        return 1;
    }
    double w = in->edge_weight[e];
    return isfinite(w) && w > 0 ? w : 0;
}

static void style_edge(collab_scene *s, const collab_scene_input *in, collab_scene_edge *ed,
                       const collab_i_scene_facts *facts)
{
    const collab_scene_node *a = &s->nodes[ed->from];
    const collab_scene_node *b = &s->nodes[ed->to];
    ed->x0 = a->x;
    ed->y0 = a->y;
    ed->x1 = b->x;
    ed->y1 = b->y;
    ed->cx = (a->x + b->x) / 2;
    ed->cy = (a->y + b->y) / 2;
    ed->curved = in->edge_style == COLLAB_EDGES_CURVED;
    if (ed->curved) {
        /* Bend towards the plot's centre, so curves near the border stay inside. */
        double nx = -(b->y - a->y) * 0.15;
        double ny = (b->x - a->x) * 0.15;
        double px = s->plot.x + s->plot.w / 2 - ed->cx;
        double py = s->plot.y + s->plot.h / 2 - ed->cy;
        double side = nx * px + ny * py < 0 ? -1 : 1;
        ed->cx += side * nx;
        ed->cy += side * ny;
    }
    ed->color = same_color(a->fill, b->fill) ? a->fill
                                             : mix(mix(a->fill, b->fill, 0.5), facts->neutral, 0.5);
}

static collab_status make_edges(collab_scene *s, const collab_scene_input *in,
                                const collab_i_scene_facts *facts, double scale, collab_error *err)
{
    ranked_edge *ranked = collab_alloc_array(in->n_edges, sizeof *ranked);
    if (ranked == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for %zu edges", in->n_edges);
    }
    size_t n = 0;
    for (size_t e = 0; e < in->n_edges; e++) {
        if (in->edge_from[e] != in->edge_to[e]) { /* a self-loop would be a dot under its node */
            ranked[n].weight = clean_weight(in, e);
            ranked[n++].index = e;
        }
    }
    qsort(ranked, n, sizeof *ranked, cmp_edge);
    n = in->max_edges > 0 && in->max_edges < n ? in->max_edges : n;
    s->edges = collab_calloc_array(n, sizeof *s->edges);
    if (s->edges == NULL) {
        collab_free(ranked);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for %zu edges", n);
    }
    s->n_edges = n;
    double sum = 0;
    for (size_t k = 0; k < n; k++) {
        sum += ranked[k].weight;
    }
    double mean = n > 0 ? sum / (double)n : 0;
    double wmax = n > 0 ? ranked[0].weight : 0;
    /* Many edges each get fainter so that the map stays a map, not a hairball. */
    double density = fmin(fmax(sqrt(400.0 / (double)(n > 0 ? n : 1)), 0.15), 1.0);
    double thickness = fmin(fmax(scale, 0.4), 1.5);
    for (size_t k = 0; k < n; k++) {
        collab_scene_edge *ed = &s->edges[k];
        const ranked_edge *r = &ranked[n - 1 - k]; /* weakest first: strong edges on top */
        ed->from = in->edge_from[r->index];
        ed->to = in->edge_to[r->index];
        ed->weight = in->edge_weight != NULL ? in->edge_weight[r->index] : 1;
        style_edge(s, in, ed, facts);
        double rel = mean > 0 ? r->weight / mean : 1;
        ed->width = thickness * fmin(fmax(0.8 * sqrt(rel), 0.3), 4.0);
        ed->color.a = density * (0.15 + 0.5 * (wmax > 0 ? sqrt(r->weight / wmax) : 1));
    }
    collab_free(ranked);
    return COLLAB_OK;
}

typedef struct ranked_node {
    double weight; /* normalised weight */
    uint32_t id;   /* node id */
} ranked_node;

static int cmp_paint(const void *a, const void *b)
{
    const ranked_node *x = a;
    const ranked_node *y = b;
    if (x->weight != y->weight) {
        return x->weight < y->weight ? -1 : 1;
    }
    return (x->id > y->id) - (x->id < y->id);
}

static collab_status make_paint_order(collab_scene *s, const collab_scene_input *in,
                                      collab_error *err)
{
    ranked_node *r = collab_alloc_array(s->n_nodes, sizeof *r);
    if (r == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory sorting nodes");
    }
    for (size_t i = 0; i < s->n_nodes; i++) {
        r[i].weight = collab_i_node_priority(in, s, i);
        r[i].id = (uint32_t)i;
    }
    qsort(r, s->n_nodes, sizeof *r, cmp_paint);
    for (size_t i = 0; i < s->n_nodes; i++) {
        s->paint_order[i] = r[i].id;
    }
    collab_free(r);
    return COLLAB_OK;
}

static collab_status collect_obstacles(collab_scene *s, const collab_scene_input *in,
                                       collab_error *err)
{
    s->obstacles = collab_alloc_array(5, sizeof *s->obstacles);
    if (s->obstacles == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for the scene");
    }
    if (s->has_title) {
        s->obstacles[s->n_obstacles++] = s->title.box;
    }
    if (s->has_title2) {
        s->obstacles[s->n_obstacles++] = s->title2.box;
    }
    if (s->has_subtitle) {
        s->obstacles[s->n_obstacles++] = s->subtitle.box;
    }
    if (s->has_subtitle2) {
        s->obstacles[s->n_obstacles++] = s->subtitle2.box;
    }
    if (s->legend.present) {
        s->obstacles[s->n_obstacles++] = s->legend.box;
    }
    double inset = fmin(in->margin / 2, 6);
    collab_box area = {inset, inset, s->width - 2 * inset, s->height - 2 * inset};
    s->label_area = area;
    return COLLAB_OK;
}

collab_status collab_scene_build(collab_scene *out, const collab_scene_input *in, collab_error *err)
{
    collab_status st = validate_page(in, err);
    if (st == COLLAB_OK) {
        st = validate_arrays(in, err);
    }
    if (st != COLLAB_OK) {
        return st;
    }
    collab_scene s;
    memset(&s, 0, sizeof s);
    collab_i_scene_facts facts;
    set_theme(&s, in, &facts);
    double band = 0;
    double scale = 1;
    st = make_nodes(&s, in, &facts, err);
    st = st == COLLAB_OK ? collab_i_color_nodes(&s, in, &facts, err) : st;
    if (st == COLLAB_OK) {
        mark_nodes(&s, in);
    }
    st = st == COLLAB_OK ? collab_i_scene_titles(&s, in, &band, err) : st;
    if (st == COLLAB_OK && in->show_legend) {
        st = collab_i_legend_prepare(&s, in, &facts, err);
    }
    st = st == COLLAB_OK ? frame(&s, in, &facts, band, &scale, err) : st;
    if (st == COLLAB_OK) {
        fit_nodes(&s, in, scale);
        st = make_edges(&s, in, &facts, scale, err);
    }
    st = st == COLLAB_OK ? make_paint_order(&s, in, err) : st;
    st = st == COLLAB_OK ? collect_obstacles(&s, in, err) : st;
    st = st == COLLAB_OK ? collab_i_labels_place(&s, in, err) : st;
    if (st != COLLAB_OK) {
        collab_scene_destroy(&s);
        return st;
    }
    *out = s;
    return COLLAB_OK;
}

void collab_scene_destroy(collab_scene *s)
{
    if (s == NULL) {
        return;
    }
    for (size_t i = 0; i < s->n_labels; i++) {
        collab_i_text_free(&s->labels[i].t);
    }
    collab_i_text_free(&s->title);
    collab_i_text_free(&s->subtitle);
    collab_i_text_free(&s->title2);
    collab_i_text_free(&s->subtitle2);
    collab_i_legend_free(&s->legend);
    collab_free(s->labels);
    collab_free(s->leaders);
    collab_free(s->nodes);
    collab_free(s->name_pool);
    collab_free(s->paint_order);
    collab_free(s->edges);
    collab_free(s->obstacles);
    for (size_t i = 0; s->cards != NULL && i < s->n_cards; i++) {
        for (size_t k = 0; s->cards[i].lines != NULL && k < s->cards[i].n_lines; k++) {
            collab_i_text_free(&s->cards[i].lines[k]);
        }
        collab_free(s->cards[i].lines);
    }
    collab_free(s->cards);
    memset(s, 0, sizeof *s);
}
