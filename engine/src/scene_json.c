/* The scene as JSON, for web front ends (d3, sigma.js) and for geometry tests in any language.
 *
 * Built as a jansson tree (keys keep insertion order, so the output order is fixed) and dumped
 * once. Numbers are rounded to 0.001 page units, which is far below what a renderer can show
 * and keeps the files small and stable; integers print without a fraction. */
#include "collab/scene.h"
#include "collab/text.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "scene_internal.h"

void collab_rgba_hex(collab_rgba c, char buf[8])
{
    long r = lround(fmin(fmax(c.r, 0), 1) * 255);
    long g = lround(fmin(fmax(c.g, 0), 1) * 255);
    long b = lround(fmin(fmax(c.b, 0), 1) * 255);
    snprintf(buf, 8, "#%02lx%02lx%02lx", r, g, b);
}

/* A number rounded to 0.001; whole numbers become JSON integers. */
static json_t *num(double v)
{
    if (!isfinite(v)) {
        return json_null();
    }
    double r = round(v * 1000) / 1000;
    if (r == floor(r) && fabs(r) < 9e15) {
        return json_integer((json_int_t)r);
    }
    return json_real(r);
}

/* A JSON string of `s` up to its first invalid UTF-8 byte (jansson refuses invalid UTF-8). */
static json_t *str(const char *s)
{
    size_t len = s != NULL ? strlen(s) : 0;
    return json_stringn(s != NULL ? s : "", collab_text_invalid_utf8(s, len));
}

static json_t *color(collab_rgba c)
{
    char buf[8];
    collab_rgba_hex(c, buf);
    return json_string(buf);
}

/* Sets key to value; a NULL value (failed allocation) poisons the object's `ok` flag. */
static void put(json_t *obj, const char *key, json_t *value, bool *ok)
{
    if (value == NULL || json_object_set_new(obj, key, value) != 0) {
        *ok = false;
    }
}

static void push(json_t *arr, json_t *value, bool *ok)
{
    if (value == NULL || json_array_append_new(arr, value) != 0) {
        *ok = false;
    }
}

static json_t *box_json(collab_box b, bool *ok)
{
    json_t *o = json_object();
    if (o == NULL) {
        *ok = false;
        return NULL;
    }
    put(o, "x", num(b.x), ok);
    put(o, "y", num(b.y), ok);
    put(o, "w", num(b.w), ok);
    put(o, "h", num(b.h), ok);
    return o;
}

static json_t *text_json(const collab_scene_text *t, bool *ok)
{
    json_t *o = json_object();
    if (o == NULL) {
        *ok = false;
        return NULL;
    }
    put(o, "text", str(t->text), ok);
    put(o, "font_size", num(t->font_size), ok);
    put(o, "color", color(t->color), ok);
    put(o, "x", num(t->x), ok);
    put(o, "y", num(t->y), ok);
    put(o, "box", box_json(t->box, ok), ok);
    return o;
}

static const char *shape_name(collab_node_shape shape)
{
    return shape == COLLAB_MARK_ROUNDED_SQUARE ? "square" : "circle";
}

static json_t *nodes_json(const collab_scene *s, bool *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr != NULL && *ok && i < s->n_nodes; i++) {
        const collab_scene_node *nd = &s->nodes[i];
        json_t *o = json_object();
        push(arr, o, ok);
        if (o == NULL) {
            break;
        }
        put(o, "id", json_integer((json_int_t)i), ok);
        put(o, "name", str(nd->name), ok);
        put(o, "x", num(nd->x), ok);
        put(o, "y", num(nd->y), ok);
        put(o, "radius", num(nd->radius), ok);
        put(o, "color", color(nd->fill), ok);
        put(o, "opacity", num(nd->fill.a), ok);
        put(o, "stroke", color(nd->stroke), ok);
        put(o, "stroke_width", num(nd->stroke_width), ok);
        put(o, "community",
            nd->community == COLLAB_NO_COMMUNITY ? json_null() : json_integer(nd->community), ok);
        put(o, "shape", json_string(shape_name(nd->shape)), ok);
        put(o, "label", nd->label < 0 ? json_null() : json_integer(nd->label), ok);
    }
    *ok = *ok && arr != NULL;
    return arr;
}

static json_t *edges_json(const collab_scene *s, bool *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr != NULL && *ok && i < s->n_edges; i++) {
        const collab_scene_edge *e = &s->edges[i];
        json_t *o = json_object();
        push(arr, o, ok);
        if (o == NULL) {
            break;
        }
        put(o, "from", json_integer(e->from), ok);
        put(o, "to", json_integer(e->to), ok);
        put(o, "weight", num(e->weight), ok);
        put(o, "width", num(e->width), ok);
        put(o, "color", color(e->color), ok);
        put(o, "opacity", num(e->color.a), ok);
        if (e->curved) {
            put(o, "cx", num(e->cx), ok);
            put(o, "cy", num(e->cy), ok);
        }
    }
    *ok = *ok && arr != NULL;
    return arr;
}

static json_t *labels_json(const collab_scene *s, bool *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr != NULL && *ok && i < s->n_labels; i++) {
        const collab_scene_label *l = &s->labels[i];
        json_t *o = json_object();
        push(arr, o, ok);
        if (o == NULL) {
            break;
        }
        put(o, "node", json_integer(l->node), ok);
        put(o, "text", str(l->t.text), ok);
        put(o, "font_size", num(l->t.font_size), ok);
        put(o, "x", num(l->t.box.x), ok);
        put(o, "y", num(l->t.box.y), ok);
        put(o, "w", num(l->t.box.w), ok);
        put(o, "h", num(l->t.box.h), ok);
    }
    *ok = *ok && arr != NULL;
    return arr;
}

static json_t *leaders_json(const collab_scene *s, bool *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr != NULL && *ok && i < s->n_leaders; i++) {
        const collab_scene_leader *l = &s->leaders[i];
        json_t *o = json_object();
        push(arr, o, ok);
        if (o == NULL) {
            break;
        }
        put(o, "node", json_integer(l->node), ok);
        put(o, "x0", num(l->x0), ok);
        put(o, "y0", num(l->y0), ok);
        put(o, "x1", num(l->x1), ok);
        put(o, "y1", num(l->y1), ok);
        put(o, "width", num(l->width), ok);
        put(o, "color", color(l->color), ok);
        put(o, "opacity", num(l->color.a), ok);
    }
    *ok = *ok && arr != NULL;
    return arr;
}

static json_t *count(size_t n)
{
    return json_integer((json_int_t)n);
}

static json_t *quality_json(const collab_scene_quality *q, bool *ok)
{
    json_t *o = json_object();
    if (o == NULL) {
        *ok = false;
        return NULL;
    }
    put(o, "labels_placed", count(q->labels_placed), ok);
    put(o, "labels_requested", count(q->labels_requested), ok);
    put(o, "leader_lines", count(q->leader_lines), ok);
    put(o, "label_overlaps", count(q->label_overlaps), ok);
    put(o, "labels_over_labelled_or_large_nodes", count(q->labels_over_large), ok);
    put(o, "labels_over_small_nodes", count(q->labels_over_small), ok);
    put(o, "hidden_nodes", count(q->hidden_nodes), ok);
    put(o, "specks_sharing_a_spot", count(q->specks_sharing), ok);
    put(o, "neighbourhood_preservation", num(q->neighbourhood), ok);
    put(o, "neighbourhood_sample", count(q->neighbourhood_sample), ok);
    put(o, "community_separation", num(q->separation), ok);
    put(o, "stress", num(q->stress), ok);
    put(o, "stress_pairs", count(q->stress_pairs), ok);
    return o;
}

static const char *item_kind(collab_legend_item_kind kind)
{
    switch (kind) {
    case COLLAB_LEGEND_COMMUNITY:
        return "community";
    case COLLAB_LEGEND_OTHER:
        return "other";
    case COLLAB_LEGEND_SIZE:
        return "size";
    case COLLAB_LEGEND_SHAPE:
        return "shape";
    }
    return "unknown";
}

static json_t *item_json(const collab_legend_item *it, bool *ok)
{
    json_t *o = json_object();
    if (o == NULL) {
        *ok = false;
        return NULL;
    }
    put(o, "kind", json_string(item_kind(it->kind)), ok);
    put(o, "text", str(it->caption.text), ok);
    put(o, "color", color(it->marker.fill), ok);
    put(o, "community",
        it->community == COLLAB_NO_COMMUNITY ? json_null() : json_integer(it->community), ok);
    if (it->kind == COLLAB_LEGEND_SIZE) {
        put(o, "value", json_real(it->value), ok);
    }
    put(o, "radius", num(it->marker.radius), ok);
    put(o, "shape", json_string(shape_name(it->marker.shape)), ok);
    return o;
}

static json_t *legend_json(const collab_scene *s, bool *ok)
{
    const collab_scene_legend *lg = &s->legend;
    if (!lg->present) {
        return json_null();
    }
    json_t *o = json_object();
    json_t *heads = json_array();
    json_t *items = json_array();
    if (o == NULL || heads == NULL || items == NULL) {
        json_decref(o);
        json_decref(heads);
        json_decref(items);
        *ok = false;
        return NULL;
    }
    put(o, "box", box_json(lg->box, ok), ok);
    for (size_t i = 0; i < lg->n_headings; i++) {
        push(heads, str(lg->headings[i].text), ok);
    }
    put(o, "headings", heads, ok);
    for (size_t i = 0; i < lg->n_items; i++) {
        push(items, item_json(&lg->items[i], ok), ok);
    }
    put(o, "items", items, ok);
    if (lg->has_colorbar) {
        json_t *cb = json_object();
        put(o, "colorbar", cb, ok);
        if (cb != NULL) {
            put(cb, "box", box_json(lg->colorbar.bar, ok), ok);
            put(cb, "min", json_real(lg->colorbar.min), ok);
            put(cb, "max", json_real(lg->colorbar.max), ok);
        }
    }
    return o;
}

static json_t *cards_json(const collab_scene *s, bool *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr != NULL && *ok && i < s->n_cards; i++) {
        const collab_scene_card *c = &s->cards[i];
        json_t *o = json_object();
        json_t *lines = json_array();
        push(arr, o, ok);
        if (o == NULL || lines == NULL) {
            json_decref(lines);
            *ok = false;
            break;
        }
        put(o, "from", json_integer(c->from), ok);
        put(o, "to", json_integer(c->to), ok);
        put(o, "box", box_json(c->box, ok), ok);
        put(o, "lines", lines, ok);
        for (size_t k = 0; k < c->n_lines; k++) {
            push(lines, text_json(&c->lines[k], ok), ok);
        }
    }
    *ok = *ok && arr != NULL;
    return arr;
}

static json_t *scene_json(const collab_scene *s, bool *ok)
{
    json_t *root = json_object();
    json_t *page = json_object();
    if (root == NULL || page == NULL) {
        json_decref(root);
        json_decref(page);
        *ok = false;
        return NULL;
    }
    put(root, "page", page, ok);
    put(page, "width", num(s->width), ok);
    put(page, "height", num(s->height), ok);
    put(page, "background", color(s->background), ok);
    put(page, "foreground", color(s->foreground), ok);
    put(root, "plot", box_json(s->plot, ok), ok);
    put(root, "title", s->has_title ? text_json(&s->title, ok) : json_null(), ok);
    put(root, "subtitle", s->has_subtitle ? text_json(&s->subtitle, ok) : json_null(), ok);
    if (s->has_title2) {
        put(root, "title_line2", text_json(&s->title2, ok), ok);
    }
    if (s->has_subtitle2) {
        put(root, "subtitle_line2", text_json(&s->subtitle2, ok), ok);
    }
    put(root, "nodes", nodes_json(s, ok), ok);
    put(root, "edges", edges_json(s, ok), ok);
    put(root, "labels", labels_json(s, ok), ok);
    put(root, "leaders", leaders_json(s, ok), ok);
    put(root, "legend", legend_json(s, ok), ok);
    if (s->has_quality) {
        put(root, "quality", quality_json(&s->quality, ok), ok);
    }
    if (s->n_cards > 0) {
        put(root, "cards", cards_json(s, ok), ok);
    }
    return root;
}

collab_status collab_scene_write_json(FILE *f, const collab_scene *s, collab_error *err)
{
    bool ok = true;
    json_t *root = scene_json(s, &ok);
    if (!ok) {
        json_decref(root);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory writing the scene as JSON");
    }
    int rc = json_dumpf(root, f, JSON_INDENT(1) | JSON_COMPACT | JSON_REAL_PRECISION(12));
    json_decref(root);
    if (rc != 0 || fputc('\n', f) == EOF || ferror(f)) {
        return collab_error_set(err, COLLAB_E_IO, "cannot write the scene as JSON");
    }
    return COLLAB_OK;
}
