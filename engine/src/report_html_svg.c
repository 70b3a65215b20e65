/* The HTML report's static map: the scene written as compact inline SVG (one decimal, hex
 * colours, the strongest edges first up to a budget), for printing and for readers without
 * WebGL. */
#include "collab/render.h"
#include "collab/text.h"

#include <stdio.h>

#include "report_internal.h"

static void svg_rgb(FILE *f, const char *attr, collab_rgba c)
{
    char hex[8];
    collab_rgba_hex(c, hex);
    fprintf(f, " %s=\"%s\"", attr, hex);
}

static void svg_text(FILE *f, const collab_scene_text *t, const char *extra)
{
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"%s", t->x, t->y + 0.9 * t->font_size,
            t->font_size, extra);
    svg_rgb(f, "fill", t->color);
    fputc('>', f);
    collab_text_write_xml(f, t->text != NULL ? t->text : "", 0);
    fputs("</text>\n", f);
}

static void svg_marker(FILE *f, const collab_scene_marker *m)
{
    if (m->shape == COLLAB_MARK_ROUNDED_SQUARE) {
        double h = 0.886 * m->radius;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\"",
                m->x - h, m->y - h, 2 * h, 2 * h, 0.25 * h);
    } else {
        fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.2f\"", m->x, m->y, m->radius);
    }
    svg_rgb(f, "fill", m->fill);
    svg_rgb(f, "stroke", m->stroke);
    fprintf(f, " stroke-width=\"%.2f\"/>\n", m->stroke_width);
}

void collab_i_html_scene_svg(FILE *f, const collab_scene *s, size_t max_edges)
{
    fprintf(f,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%gpt\" height=\"%gpt\" "
            "viewBox=\"0 0 %g %g\" font-family=\"DejaVu Sans, WenQuanYi Micro Hei, sans-serif\">\n",
            s->width, s->height, s->width, s->height);
    fprintf(f, "<rect width=\"%g\" height=\"%g\"", s->width, s->height);
    svg_rgb(f, "fill", s->background);
    fputs("/>\n<g fill=\"none\" stroke-linecap=\"round\">\n", f);
    size_t first = max_edges > 0 && s->n_edges > max_edges ? s->n_edges - max_edges : 0;
    for (size_t e = first; e < s->n_edges; e++) {
        const collab_scene_edge *ed = &s->edges[e];
        if (ed->curved) {
            fprintf(f, "<path d=\"M%.1f %.1fQ%.1f %.1f %.1f %.1f\"", ed->x0, ed->y0, ed->cx, ed->cy,
                    ed->x1, ed->y1);
        } else {
            fprintf(f, "<path d=\"M%.1f %.1fL%.1f %.1f\"", ed->x0, ed->y0, ed->x1, ed->y1);
        }
        svg_rgb(f, "stroke", ed->color);
        fprintf(f, " stroke-opacity=\"%.3f\" stroke-width=\"%.2f\"/>\n", ed->color.a, ed->width);
    }
    fputs("</g>\n<g>\n", f);
    for (size_t k = 0; k < s->n_nodes; k++) {
        const collab_scene_node *n = &s->nodes[s->paint_order != NULL ? s->paint_order[k] : k];
        collab_scene_marker m = {n->x,    n->y,      n->radius,      n->shape,
                                 n->fill, n->stroke, n->stroke_width};
        svg_marker(f, &m);
    }
    /* The family the scene measured its labels in (COLLAB_RENDER_FONT_FAMILY), regular. */
    fputs("</g>\n<g paint-order=\"stroke\" stroke-linejoin=\"round\"", f);
    svg_rgb(f, "stroke", s->background);
    fputs(">\n", f);
    for (size_t l = 0; l < s->n_labels; l++) {
        const collab_scene_text *t = &s->labels[l].t;
        char extra[64];
        snprintf(extra, sizeof extra, " stroke-width=\"%.2f\"", s->halo_width * t->font_size);
        svg_text(f, t, extra);
    }
    fputs("</g>\n", f);
    if (s->has_title) {
        svg_text(f, &s->title, " font-weight=\"700\"");
    }
    if (s->has_subtitle) {
        svg_text(f, &s->subtitle, "");
    }
    const collab_scene_legend *lg = &s->legend;
    if (lg->present) {
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\"", lg->box.x,
                lg->box.y, lg->box.w, lg->box.h);
        svg_rgb(f, "fill", lg->fill);
        svg_rgb(f, "stroke", lg->border);
        fputs("/>\n", f);
        for (size_t h = 0; h < lg->n_headings; h++) {
            svg_text(f, &lg->headings[h], " font-weight=\"700\"");
        }
        for (size_t i = 0; i < lg->n_items; i++) {
            svg_marker(f, &lg->items[i].marker);
            svg_text(f, &lg->items[i].caption, "");
        }
        if (lg->has_colorbar) {
            const collab_colorbar *cb = &lg->colorbar;
            double w = cb->bar.w / (double)(cb->n_stops > 0 ? cb->n_stops : 1);
            for (size_t k = 0; k < cb->n_stops; k++) {
                fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"",
                        cb->bar.x + (double)k * w, cb->bar.y, w + 0.3, cb->bar.h);
                svg_rgb(f, "fill", cb->stops[k]);
                fputs("/>\n", f);
            }
            svg_text(f, &cb->min_text, "");
            svg_text(f, &cb->max_text, "");
        }
    }
    fputs("</svg>\n", f);
}
