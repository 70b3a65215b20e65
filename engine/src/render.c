/* Painting scenes with cairo and pango; render_output.c writes them to PNG, SVG or PDF.
 *
 * The painter is backend-agnostic (it only sees a cairo_t in page units). Text is shaped
 * identically for measuring and painting - at one size, metrics unhinted, glyph positions
 * unrounded, scaled by the matrix - so a text measured on the 1x1 scratch surface has the same
 * extents when painted on a PNG scaled by dpi/72 or on a PDF page; with hinted metrics, label boxes
 * would drift by a pixel per glyph at some sizes and neighbouring labels could touch. Only the
 * render module's two files include cairo and pango. */
#include "collab/render.h"

#include "collab/alloc.h"

#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo.h>

#define PI 3.14159265358979323846

/* Every text is shaped at this size and scaled to its own with the cairo matrix. Font lookups
 * are cached per size, and label sizes are continuous: shaping each at its own size made
 * fontconfig match fonts for every label (most of the time of a 30,000-node map). */
#define SHAPE_SIZE 16.0

/* Same layout set-up for measuring and painting: the font family at SHAPE_SIZE, unhinted
 * metrics, unrounded positions and one line, so extents scale linearly and do not depend on the
 * surface or its matrix. */
static void configure_layout(PangoLayout *layout)
{
    PangoContext *ctx = pango_layout_get_context(layout);
    cairo_font_options_t *opt = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(opt, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(opt, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, opt);
    cairo_font_options_destroy(opt);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_layout_context_changed(layout);
    pango_layout_set_single_paragraph_mode(layout, TRUE);
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, COLLAB_RENDER_FONT_FAMILY);
    pango_font_description_set_absolute_size(font, SHAPE_SIZE * PANGO_SCALE);
    pango_layout_set_font_description(layout, font); /* copied */
    pango_font_description_free(font);
}

collab_status collab_render_measurer_init(collab_render_measurer *m, collab_error *err)
{
    collab_render_measurer r;
    memset(&r, 0, sizeof r);
    r.surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    r.cr = cairo_create(r.surface);
    if (cairo_status(r.cr) != CAIRO_STATUS_SUCCESS) {
        collab_error_set(err, COLLAB_E_LIBRARY, "cannot set up text measuring: %s",
                         cairo_status_to_string(cairo_status(r.cr)));
        collab_render_measurer_destroy(&r);
        return COLLAB_E_LIBRARY;
    }
    r.layout = pango_cairo_create_layout(r.cr);
    if (r.layout == NULL) {
        collab_render_measurer_destroy(&r);
        return collab_error_set(err, COLLAB_E_LIBRARY, "cannot set up text measuring with pango");
    }
    configure_layout(r.layout);
    *m = r;
    return COLLAB_OK;
}

void collab_render_measurer_destroy(collab_render_measurer *m)
{
    if (m == NULL) {
        return;
    }
    if (m->layout != NULL) {
        g_object_unref(m->layout);
    }
    if (m->cr != NULL) {
        cairo_destroy(m->cr);
    }
    if (m->surface != NULL) {
        cairo_surface_destroy(m->surface);
    }
    memset(m, 0, sizeof *m);
}

double collab_render_measure_text(void *ctx, const char *text, double font_size, double *height)
{
    collab_render_measurer *m = ctx;
    pango_layout_set_text(m->layout, text, -1);
    PangoRectangle logical;
    pango_layout_get_extents(m->layout, NULL, &logical);
    double k = font_size / SHAPE_SIZE / PANGO_SCALE;
    if (height != NULL) {
        /* At least one em, as collab_measure_fn promises the label placement. */
        *height = fmax((double)logical.height * k, font_size);
    }
    return (double)logical.width * k;
}

static void set_color(cairo_t *cr, collab_rgba c)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

/* Text painter state shared by all texts of one paint. */
typedef struct painter {
    cairo_t *cr;
    PangoLayout *label; /* node labels: direction from the first strong character */
    PangoLayout *ltr;   /* titles and captions: left to right */
} painter;

/* Paints `t`; with `halo`, as a node label. A label takes its direction from its first strong
 * character (an Arabic name reads right to left, its ellipsis on the left); titles and legend
 * captions are left-to-right lists that may mix scripts ("محمد عبد الوهاب, Thom Russo").
 * Direction does not change the width that was measured. */
static void draw_text(painter *p, const collab_scene_text *t, const collab_rgba *halo,
                      double halo_width)
{
    if (t->text == NULL || t->text[0] == '\0') {
        return;
    }
    PangoLayout *layout = halo != NULL ? p->label : p->ltr;
    pango_layout_set_text(layout, t->text, -1);
    cairo_save(p->cr);
    cairo_translate(p->cr, t->x, t->y);
    cairo_scale(p->cr, t->font_size / SHAPE_SIZE, t->font_size / SHAPE_SIZE);
    pango_cairo_update_layout(p->cr, layout);
    if (halo != NULL) {
        /* The halo is the glyph outlines stroked in the page colour: the text stays readable
         * over edges and nodes. */
        cairo_move_to(p->cr, 0, 0);
        pango_cairo_layout_path(p->cr, layout);
        set_color(p->cr, *halo);
        cairo_set_line_width(p->cr, halo_width * SHAPE_SIZE);
        cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(p->cr);
    }
    cairo_move_to(p->cr, 0, 0);
    set_color(p->cr, t->color);
    pango_cairo_show_layout(p->cr, layout);
    cairo_restore(p->cr);
}

static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    r = fmin(r, fmin(w, h) / 2);
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, PI / 2, PI);
    cairo_arc(cr, x + r, y + r, r, PI, 3 * PI / 2);
    cairo_close_path(cr);
}

static void mark_path(cairo_t *cr, double x, double y, double radius, collab_node_shape shape)
{
    if (shape == COLLAB_MARK_ROUNDED_SQUARE) {
        double half = 0.886 * radius; /* same area as the circle */
        rounded_rect(cr, x - half, y - half, 2 * half, 2 * half, 0.3 * half);
    } else {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, radius, 0, 2 * PI);
        cairo_close_path(cr);
    }
}

static void draw_marker(cairo_t *cr, const collab_scene_marker *mk)
{
    mark_path(cr, mk->x, mk->y, mk->radius, mk->shape);
    set_color(cr, mk->fill);
    cairo_fill_preserve(cr);
    set_color(cr, mk->stroke);
    cairo_set_line_width(cr, mk->stroke_width);
    cairo_stroke(cr);
}

static void draw_edges(cairo_t *cr, const collab_scene *s)
{
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (size_t i = 0; i < s->n_edges; i++) {
        const collab_scene_edge *e = &s->edges[i];
        cairo_move_to(cr, e->x0, e->y0);
        if (e->curved) {
            /* The quadratic curve as the cubic cairo draws: control points 2/3 of the way. */
            cairo_curve_to(cr, e->x0 + 2 * (e->cx - e->x0) / 3, e->y0 + 2 * (e->cy - e->y0) / 3,
                           e->x1 + 2 * (e->cx - e->x1) / 3, e->y1 + 2 * (e->cy - e->y1) / 3, e->x1,
                           e->y1);
        } else {
            cairo_line_to(cr, e->x1, e->y1);
        }
        set_color(cr, e->color);
        cairo_set_line_width(cr, e->width);
        cairo_stroke(cr);
    }
}

static void draw_nodes(cairo_t *cr, const collab_scene *s)
{
    for (size_t k = 0; k < s->n_nodes; k++) {
        const collab_scene_node *nd = &s->nodes[s->paint_order[k]];
        collab_scene_marker mk = {nd->x,    nd->y,      nd->radius,      nd->shape,
                                  nd->fill, nd->stroke, nd->stroke_width};
        draw_marker(cr, &mk);
    }
}

static void draw_leaders(cairo_t *cr, const collab_scene *s)
{
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (size_t i = 0; i < s->n_leaders; i++) {
        const collab_scene_leader *l = &s->leaders[i];
        cairo_move_to(cr, l->x0, l->y0);
        cairo_line_to(cr, l->x1, l->y1);
        set_color(cr, l->color);
        cairo_set_line_width(cr, l->width);
        cairo_stroke(cr);
    }
}

static void draw_colorbar(painter *p, const collab_colorbar *cb, collab_rgba border)
{
    const collab_box *b = &cb->bar;
    cairo_pattern_t *grad = cairo_pattern_create_linear(b->x, 0, b->x + b->w, 0);
    for (size_t i = 0; i < cb->n_stops; i++) {
        double at = cb->n_stops > 1 ? (double)i / (double)(cb->n_stops - 1) : 0;
        cairo_pattern_add_color_stop_rgb(grad, at, cb->stops[i].r, cb->stops[i].g, cb->stops[i].b);
    }
    cairo_rectangle(p->cr, b->x, b->y, b->w, b->h);
    cairo_set_source(p->cr, grad);
    cairo_fill_preserve(p->cr);
    cairo_pattern_destroy(grad);
    set_color(p->cr, border);
    cairo_set_line_width(p->cr, 0.5);
    cairo_stroke(p->cr);
    draw_text(p, &cb->min_text, NULL, 0);
    draw_text(p, &cb->max_text, NULL, 0);
}

static void draw_legend(painter *p, const collab_scene *s)
{
    const collab_scene_legend *lg = &s->legend;
    if (!lg->present) {
        return;
    }
    rounded_rect(p->cr, lg->box.x, lg->box.y, lg->box.w, lg->box.h, 4);
    set_color(p->cr, lg->fill);
    cairo_fill_preserve(p->cr);
    set_color(p->cr, lg->border);
    cairo_set_line_width(p->cr, 0.75);
    cairo_stroke(p->cr);
    for (size_t i = 0; i < lg->n_headings; i++) {
        draw_text(p, &lg->headings[i], NULL, 0);
    }
    for (size_t i = 0; i < lg->n_items; i++) {
        draw_marker(p->cr, &lg->items[i].marker);
        draw_text(p, &lg->items[i].caption, NULL, 0);
    }
    if (lg->has_colorbar) {
        draw_colorbar(p, &lg->colorbar, lg->border);
    }
}

static void draw_cards(painter *p, const collab_scene *s)
{
    for (size_t i = 0; i < s->n_cards; i++) {
        const collab_scene_card *c = &s->cards[i];
        rounded_rect(p->cr, c->box.x, c->box.y, c->box.w, c->box.h, 4);
        set_color(p->cr, c->fill);
        cairo_fill_preserve(p->cr);
        set_color(p->cr, c->border);
        cairo_set_line_width(p->cr, 0.75);
        cairo_stroke(p->cr);
        for (size_t k = 0; k < c->n_lines; k++) {
            draw_text(p, &c->lines[k], NULL, 0);
        }
    }
}

void collab_render_paint(cairo_t *cr, const collab_scene *s)
{
    cairo_save(cr);
    set_color(cr, s->background);
    cairo_rectangle(cr, 0, 0, s->width, s->height);
    cairo_fill(cr);
    draw_edges(cr, s);
    painter p = {cr, pango_cairo_create_layout(cr), pango_cairo_create_layout(cr)};
    configure_layout(p.label);
    configure_layout(p.ltr);
    /* A weak base direction would still follow the text; only a strong LTR base stays put. */
    pango_context_set_base_dir(pango_layout_get_context(p.ltr), PANGO_DIRECTION_LTR);
    pango_layout_set_auto_dir(p.ltr, FALSE);
    pango_layout_context_changed(p.ltr);
    draw_cards(&p, s);
    draw_nodes(cr, s);
    draw_leaders(cr, s);
    for (size_t i = 0; i < s->n_labels; i++) {
        draw_text(&p, &s->labels[i].t, &s->background, s->halo_width);
    }
    if (s->has_title) {
        draw_text(&p, &s->title, NULL, 0);
    }
    if (s->has_title2) {
        draw_text(&p, &s->title2, NULL, 0);
    }
    if (s->has_subtitle) {
        draw_text(&p, &s->subtitle, NULL, 0);
    }
    if (s->has_subtitle2) {
        draw_text(&p, &s->subtitle2, NULL, 0);
    }
    draw_legend(&p, s);
    g_object_unref(p.label);
    g_object_unref(p.ltr);
    cairo_restore(cr);
}
