/* The parts of the scene around the plot - title band and legend column - and the node and font
 * sizes the legend's size scale must repeat.
 *
 * The legend is laid out in two steps because of a circular dependency: its width decides the
 * plot's width, the plot decides the node scale, and the node scale decides how big the legend's
 * size markers are. collab_i_legend_prepare measures the texts, collab_i_legend_width answers for
 * any marker column, and collab_i_legend_place positions everything once the scale is known. */
#include "collab/alloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "scene_internal.h"

enum { SECTION_COLOR = 0, SECTION_SIZE, SECTION_SHAPE, N_SECTIONS };

static collab_rgba blend(collab_rgba a, collab_rgba b, double t)
{
    collab_rgba c = {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1.0};
    return c;
}

/* A legend number a reader takes in at a glance: 17300, 2000, 0.0042, 1.5e+07 only when huge. */
static void format_number(char *buf, size_t size, double x)
{
    double a = fabs(x);
    if (a >= 1e7 || (a > 0 && a < 1e-3)) {
        snprintf(buf, size, "%.3g", x);
    } else if (a >= 100 || x == floor(x)) {
        snprintf(buf, size, "%.0f", x);
    } else {
        snprintf(buf, size, "%.3g", x);
    }
}

double collab_i_node_diameter(double weight)
{
    return fmax(16 * sqrt(fmin(weight, 25)), 5);
}

double collab_i_node_radius(double weight, double scale)
{
    /* Below 0.75 a disc is a speck that anti-aliasing turns into a faint smudge. */
    return fmax(scale * collab_i_node_diameter(weight) / 2, COLLAB_SCENE_MIN_RADIUS);
}

double collab_i_label_font(double weight, double font_scale)
{
    return font_scale * (9 + 4 * sqrt(fmin(weight, 16)));
}

/* Where `text` is best broken to fit its first line in `width` at `font`: the last " · "
 * separator that fits (when it keeps at least half the width), else the last space; 0 when no
 * break fits. `*skip` gets the bytes dropped at the break. */
static size_t wrap_point(const char *text, double font, double width, const collab_scene_input *in,
                         char *buf, size_t *skip)
{
    static const char sep[] = " \xc2\xb7 ";
    size_t best_space = 0;
    size_t best_sep = 0;
    double sep_width = 0;
    for (size_t i = 1; text[i] != '\0'; i++) {
        if (text[i] != ' ' || text[i - 1] == ' ') {
            continue;
        }
        memcpy(buf, text, i);
        buf[i] = '\0';
        double h = 0;
        double w = in->measure(in->measure_ctx, buf, font, &h);
        if (w > width) {
            break;
        }
        best_space = i;
        if (strncmp(text + i, sep, sizeof sep - 1) == 0) {
            best_sep = i;
            sep_width = w;
        }
    }
    if (best_sep > 0 && sep_width >= 0.5 * width) {
        *skip = sizeof sep - 1;
        return best_sep;
    }
    *skip = 1;
    return best_space;
}

/* Sets `first` to `text`, or, when it is wider than `width`, to its first line broken between
 * words and `second` to the rest (*two = true; cut with '…' only if even that is too wide). */
static collab_status wrapped_text(collab_scene_text *first, collab_scene_text *second, bool *two,
                                  const char *text, double font, collab_rgba color, double width,
                                  const collab_scene_input *in, collab_error *err)
{
    *two = false;
    char *clean = collab_i_clean_text(text, SIZE_MAX);
    char *buf = clean != NULL ? collab_malloc(strlen(clean) + 1) : NULL;
    if (buf == NULL) {
        collab_free(clean);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for a text");
    }
    double h = 0;
    size_t skip = 0;
    size_t at = in->measure(in->measure_ctx, clean, font, &h) > width
                    ? wrap_point(clean, font, width, in, buf, &skip)
                    : 0;
    collab_status st;
    if (at == 0) {
        st = collab_i_text_init(first, clean, SIZE_MAX, font, color, width, in, err);
    } else {
        memcpy(buf, clean, at);
        buf[at] = '\0';
        st = collab_i_text_init(first, buf, SIZE_MAX, font, color, width, in, err);
        const char *rest = clean + at + skip;
        while (*rest == ' ') {
            rest++;
        }
        if (st == COLLAB_OK && *rest != '\0') {
            st = collab_i_text_init(second, rest, SIZE_MAX, font, color, width, in, err);
            *two = st == COLLAB_OK;
            if (st != COLLAB_OK) {
                collab_i_text_free(first);
            }
        }
    }
    collab_free(buf);
    collab_free(clean);
    return st;
}

collab_status collab_i_scene_titles(collab_scene *s, const collab_scene_input *in, double *band,
                                    collab_error *err)
{
    double fs = in->font_scale;
    double m = in->margin;
    double width = in->page_width - 2 * m;
    double y = m;
    *band = 0;
    if (in->title != NULL && in->title[0] != '\0') {
        collab_status st = wrapped_text(&s->title, &s->title2, &s->has_title2, in->title, 20 * fs,
                                        s->foreground, width, in, err);
        if (st != COLLAB_OK) {
            return st;
        }
        s->has_title = true;
        collab_i_text_move(&s->title, m, y);
        y += s->title.box.h;
        if (s->has_title2) {
            collab_i_text_move(&s->title2, m, y);
            y += s->title2.box.h;
        }
    }
    if (in->subtitle != NULL && in->subtitle[0] != '\0') {
        collab_rgba muted = blend(s->foreground, s->background, 0.35);
        collab_status st = wrapped_text(&s->subtitle, &s->subtitle2, &s->has_subtitle2,
                                        in->subtitle, 12 * fs, muted, width, in, err);
        if (st != COLLAB_OK) {
            return st;
        }
        s->has_subtitle = true;
        collab_i_text_move(&s->subtitle, m, y);
        y += s->subtitle.box.h;
        if (s->has_subtitle2) {
            collab_i_text_move(&s->subtitle2, m, y);
        }
        /* room for a second line either way: maps of one network whose subtitles differ (the
         * colouring, an estimate's note) then keep one plot box, so their nodes pair up */
        y += s->subtitle.box.h;
    }
    if (y > m) {
        *band = y - m + 8 * fs;
    }
    return COLLAB_OK;
}

static double caption_width(const collab_scene_input *in)
{
    double fs = in->font_scale;
    return fmax(0.3 * in->page_width - 16 * fs - 14 * fs - 6 * fs, 40 * fs);
}

static collab_status add_heading(collab_scene *s, const collab_scene_input *in, const char *text,
                                 collab_error *err)
{
    collab_scene_legend *lg = &s->legend;
    collab_scene_text *t = &lg->headings[lg->n_headings];
    collab_status st = collab_i_text_init(t, text, SIZE_MAX, 11 * in->font_scale, s->foreground,
                                          caption_width(in), in, err);
    lg->n_headings += st == COLLAB_OK;
    return st;
}

static collab_status add_item(collab_scene *s, const collab_scene_input *in,
                              collab_legend_item_kind kind, const char *text, collab_rgba fill,
                              collab_error *err)
{
    collab_scene_legend *lg = &s->legend;
    collab_legend_item *it = &lg->items[lg->n_items];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->community = COLLAB_NO_COMMUNITY;
    it->marker.fill = fill;
    it->marker.stroke = s->background;
    it->marker.stroke_width = 0.5 * in->font_scale;
    it->marker.radius = 5 * in->font_scale;
    collab_status st =
        kind == COLLAB_LEGEND_COMMUNITY
            ? collab_i_list_text_init(&it->caption, text, SIZE_MAX, 10 * in->font_scale,
                                      s->foreground, caption_width(in), in, err)
            : collab_i_text_init(&it->caption, text, SIZE_MAX, 10 * in->font_scale, s->foreground,
                                 caption_width(in), in, err);
    lg->n_items += st == COLLAB_OK;
    return st;
}

static const char *entry_text(const collab_scene_input *in, uint32_t community)
{
    for (size_t i = 0; i < in->n_legend; i++) {
        if (in->legend[i].community == community && in->legend[i].text != NULL) {
            return in->legend[i].text;
        }
    }
    return NULL;
}

static collab_status prepare_communities(collab_scene *s, const collab_scene_input *in,
                                         const collab_i_scene_facts *facts, collab_error *err)
{
    collab_status st =
        add_heading(s, in, in->category_title != NULL ? in->category_title : "Communities", err);
    char buf[64];
    for (size_t k = 0; st == COLLAB_OK && k < facts->n_colored; k++) {
        const char *text = entry_text(in, facts->colored[k]);
        if (text == NULL) {
            snprintf(buf, sizeof buf, "Community %u", facts->colored[k]);
            text = buf;
        }
        st = add_item(s, in, COLLAB_LEGEND_COMMUNITY, text, collab_i_palette(k), err);
        if (st == COLLAB_OK) {
            s->legend.items[s->legend.n_items - 1].community = facts->colored[k];
        }
    }
    if (st == COLLAB_OK && facts->n_grey > 0) {
        if (in->category_title != NULL) {
            snprintf(buf, sizeof buf, "Other (%zu more)", facts->n_grey);
        } else {
            snprintf(buf, sizeof buf, "Other: %zu communit%s, %zu %s", facts->n_grey,
                     facts->n_grey == 1 ? "y" : "ies", facts->grey_members,
                     in->members != NULL ? "members" : "nodes");
        }
        st = add_item(s, in, COLLAB_LEGEND_OTHER, buf, facts->neutral, err);
    }
    return st;
}

static collab_status prepare_colorbar(collab_scene *s, const collab_scene_input *in,
                                      const collab_i_scene_facts *facts, collab_error *err)
{
    collab_colorbar *cb = &s->legend.colorbar;
    const char *label = in->value_label != NULL && in->value_label[0] ? in->value_label : "Value";
    collab_status st = add_heading(s, in, label, err);
    char lo[32];
    char hi[32];
    format_number(lo, sizeof lo, facts->vmin);
    format_number(hi, sizeof hi, facts->vmax);
    double font = 9 * in->font_scale;
    if (st == COLLAB_OK) {
        st =
            collab_i_text_init(&cb->min_text, lo, SIZE_MAX, font, s->foreground, INFINITY, in, err);
    }
    if (st == COLLAB_OK) {
        st =
            collab_i_text_init(&cb->max_text, hi, SIZE_MAX, font, s->foreground, INFINITY, in, err);
        if (st != COLLAB_OK) {
            collab_i_text_free(&cb->min_text);
        }
    }
    if (st == COLLAB_OK) {
        s->legend.has_colorbar = true;
        cb->min = facts->vmin;
        cb->max = facts->vmax;
        cb->n_stops = 11;
        for (size_t i = 0; i < 11; i++) {
            cb->stops[i] = collab_i_viridis_stop(i);
        }
    }
    if (st == COLLAB_OK && facts->n_missing > 0) {
        /* the grey nodes are explained below the bar, with how many there are */
        char text[96];
        snprintf(text, sizeof text, "%s (%zu)",
                 in->missing_label != NULL ? in->missing_label : "no value", facts->n_missing);
        st = add_item(s, in, COLLAB_LEGEND_OTHER, text, facts->neutral, err);
    }
    return st;
}

/* The largest "nice" number (1, 2 or 5 times a power of ten) not above x > 0. */
static double nice_floor(double x)
{
    double p = pow(10, floor(log10(x)));
    double m = x / p;
    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/* The largest clean size value of the nodes other than the centre; the centre's in `*centre`
 * (-1 without a centre) and the smallest positive one of the others in `*least`. */
static double largest_but_centre(const collab_scene_input *in, double *centre, double *least)
{
    double top = 0;
    *centre = -1;
    *least = INFINITY;
    for (size_t i = 0; i < in->n_nodes; i++) {
        double v = in->size != NULL ? in->size[i] : 1;
        v = isfinite(v) && v > 0 ? v : 0;
        if (in->centre >= 0 && i == (size_t)in->centre) {
            *centre = v;
        } else {
            top = fmax(top, v);
            *least = v > 0 ? fmin(*least, v) : *least;
        }
    }
    return top;
}

/* Three reference sizes: the largest node's value, a quarter and a sixteenth of it rounded down
 * to nice numbers, none below the smallest node's. An ego map's centre, usually far larger than the
 * rest, is left out of them (one huge grey disc would swamp the legend) and its value written in
 * the heading. */
static collab_status prepare_sizes(collab_scene *s, const collab_scene_input *in,
                                   const collab_i_scene_facts *facts, collab_error *err)
{
    char buf[160];
    char centre_text[32] = "";
    const char *label = in->size_label != NULL && in->size_label[0] ? in->size_label : NULL;
    double centre = -1;
    double least = INFINITY;
    double top = largest_but_centre(in, &centre, &least);
    if (centre > top && top > 0) {
        format_number(centre_text, sizeof centre_text, centre);
    } else {
        top = facts->max_size;
    }
    snprintf(buf, sizeof buf, "Size%s%.80s%s%s", label != NULL ? ": " : "",
             label != NULL ? label : "", centre_text[0] != '\0' ? " \xc2\xb7 centre " : "",
             centre_text);
    collab_status st = add_heading(s, in, buf, err);
    double values[3] = {top, nice_floor(top / 4), nice_floor(top / 16)};
    for (size_t k = 0; st == COLLAB_OK && k < 3; k++) {
        if (k > 0 && (!(values[k] < values[k - 1]) || values[k] < least)) {
            break;
        }
        format_number(buf, sizeof buf, values[k]);
        st = add_item(s, in, COLLAB_LEGEND_SIZE, buf, blend(facts->neutral, s->background, 0.3),
                      err);
        if (st == COLLAB_OK) {
            s->legend.items[s->legend.n_items - 1].value = values[k];
            s->legend.items[s->legend.n_items - 1].marker.stroke = facts->neutral;
        }
    }
    return st;
}

static collab_status prepare_shapes(collab_scene *s, const collab_scene_input *in,
                                    const collab_i_scene_facts *facts, collab_error *err)
{
    collab_status st = add_heading(s, in, "Shape", err);
    st = st == COLLAB_OK ? add_item(s, in, COLLAB_LEGEND_SHAPE, "Person", facts->neutral, err) : st;
    st =
        st == COLLAB_OK ? add_item(s, in, COLLAB_LEGEND_SHAPE, "Project", facts->neutral, err) : st;
    if (st == COLLAB_OK) {
        s->legend.items[s->legend.n_items - 1].marker.shape = COLLAB_MARK_ROUNDED_SQUARE;
    }
    return st;
}

collab_status collab_i_legend_prepare(collab_scene *s, const collab_scene_input *in,
                                      const collab_i_scene_facts *facts, collab_error *err)
{
    collab_scene_legend *lg = &s->legend;
    lg->headings = collab_calloc_array(N_SECTIONS, sizeof *lg->headings);
    lg->items = collab_calloc_array(COLLAB_I_PALETTE_SIZE + 6, sizeof *lg->items);
    if (lg->headings == NULL || lg->items == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for the legend");
    }
    lg->fill = blend(s->background, s->foreground, 0.035);
    lg->border = blend(s->background, s->foreground, 0.15);
    collab_status st = COLLAB_OK;
    if (in->color_mode == COLLAB_COLOR_COMMUNITY && in->community != NULL && in->n_nodes > 0) {
        st = prepare_communities(s, in, facts, err);
    } else if (in->color_mode == COLLAB_COLOR_NUMERIC && facts->has_values) {
        st = prepare_colorbar(s, in, facts, err);
    }
    if (st == COLLAB_OK && facts->sizes_vary && facts->max_size > 0) {
        st = prepare_sizes(s, in, facts, err);
    }
    if (st == COLLAB_OK && facts->has_projects && facts->has_persons) {
        st = prepare_shapes(s, in, facts, err);
    }
    lg->present = lg->n_headings > 0;
    return st;
}

double collab_i_legend_width(const collab_scene *s, double swatch, double font_scale)
{
    const collab_scene_legend *lg = &s->legend;
    if (!lg->present) {
        return 0;
    }
    double inner = 0;
    for (size_t i = 0; i < lg->n_headings; i++) {
        inner = fmax(inner, lg->headings[i].box.w);
    }
    for (size_t i = 0; i < lg->n_items; i++) {
        inner = fmax(inner, swatch + 6 * font_scale + lg->items[i].caption.box.w);
    }
    if (lg->has_colorbar) {
        double texts = lg->colorbar.min_text.box.w + lg->colorbar.max_text.box.w;
        inner = fmax(inner, fmax(120 * font_scale, texts + 8 * font_scale));
    }
    return inner + 16 * font_scale;
}

double collab_i_legend_max_marker(const collab_scene *s, const collab_i_scene_facts *facts,
                                  double scale)
{
    double r = 0;
    for (size_t i = 0; i < s->legend.n_items; i++) {
        const collab_legend_item *it = &s->legend.items[i];
        if (it->kind == COLLAB_LEGEND_SIZE && facts->mean_size > 0) {
            r = fmax(r, collab_i_node_radius(it->value / facts->mean_size, scale));
        }
    }
    return r;
}

static int section_of(collab_legend_item_kind kind)
{
    return kind == COLLAB_LEGEND_SIZE    ? SECTION_SIZE
           : kind == COLLAB_LEGEND_SHAPE ? SECTION_SHAPE
                                         : SECTION_COLOR;
}

/* Drops headings from `n_headings` and items from `n_items` on: they did not fit. */
static void legend_truncate(collab_scene_legend *lg, size_t n_headings, size_t n_items,
                            bool keep_colorbar)
{
    for (size_t i = n_headings; i < lg->n_headings; i++) {
        collab_i_text_free(&lg->headings[i]);
    }
    for (size_t i = n_items; i < lg->n_items; i++) {
        collab_i_text_free(&lg->items[i].caption);
    }
    lg->n_headings = n_headings;
    lg->n_items = n_items;
    if (!keep_colorbar && lg->has_colorbar) {
        collab_i_text_free(&lg->colorbar.min_text);
        collab_i_text_free(&lg->colorbar.max_text);
        lg->has_colorbar = false;
    }
}

/* Layout state while placing the legend from top to bottom. */
typedef struct cursor {
    double x, y;   /* inner left edge, next free y */
    double width;  /* inner width */
    double bottom; /* lowest y content may reach */
    double swatch; /* marker column width */
    double fs;     /* font scale */
} cursor;

static bool place_colorbar(collab_colorbar *cb, cursor *c)
{
    double h = 10 * c->fs;
    double need = h + 2 * c->fs + fmax(cb->min_text.box.h, cb->max_text.box.h);
    if (c->y + need > c->bottom) {
        return false;
    }
    collab_box bar = {c->x, c->y, c->width, h};
    cb->bar = bar;
    c->y += h + 2 * c->fs;
    collab_i_text_move(&cb->min_text, c->x, c->y);
    collab_i_text_move(&cb->max_text, c->x + c->width - cb->max_text.box.w, c->y);
    c->y += fmax(cb->min_text.box.h, cb->max_text.box.h);
    return true;
}

static bool place_item(collab_legend_item *it, const collab_i_scene_facts *facts, cursor *c,
                       double scale)
{
    if (it->kind == COLLAB_LEGEND_SIZE && facts->mean_size > 0) {
        it->marker.radius = collab_i_node_radius(it->value / facts->mean_size, scale);
    }
    double row = fmax(it->caption.box.h, 2 * it->marker.radius + 2 * c->fs);
    if (c->y + row > c->bottom) {
        return false;
    }
    it->marker.x = c->x + c->swatch / 2;
    it->marker.y = c->y + row / 2;
    collab_i_text_move(&it->caption, c->x + c->swatch + 6 * c->fs,
                       c->y + (row - it->caption.box.h) / 2);
    c->y += row;
    return true;
}

void collab_i_legend_place(collab_scene *s, const collab_i_scene_facts *facts, double x, double y,
                           double width, double bottom, double swatch, double scale)
{
    collab_scene_legend *lg = &s->legend;
    double fs = facts->font_scale;
    double pad = 8 * fs;
    cursor c = {x + pad, y + pad, width - 2 * pad, bottom - pad, swatch, fs};
    size_t h = 0;
    size_t i = 0;
    bool full = false;
    for (int sec = 0; sec < N_SECTIONS && !full && h < lg->n_headings; sec++) {
        bool has_items = i < lg->n_items && section_of(lg->items[i].kind) == sec;
        if (!has_items && !(sec == SECTION_COLOR && lg->has_colorbar)) {
            continue;
        }
        collab_scene_text *head = &lg->headings[h];
        if (c.y + head->box.h > c.bottom) {
            break;
        }
        collab_i_text_move(head, c.x, c.y);
        c.y += head->box.h + 2 * fs;
        h++;
        if (sec == SECTION_COLOR && lg->has_colorbar && !place_colorbar(&lg->colorbar, &c)) {
            legend_truncate(lg, lg->n_headings, lg->n_items, false);
            full = true;
        }
        while (!full && i < lg->n_items && section_of(lg->items[i].kind) == sec) {
            full = !place_item(&lg->items[i], facts, &c, scale);
            i += !full;
        }
        c.y += 6 * fs;
    }
    legend_truncate(lg, h, i, lg->has_colorbar);
    lg->present = lg->n_headings > 0;
    collab_box box = {x, y, width, c.y - 6 * fs + pad - y};
    lg->box = box;
}

/* The radius a legend item's marker is drawn with at node scale `scale`. */
static double marker_radius(const collab_legend_item *it, const collab_i_scene_facts *facts,
                            double scale)
{
    if (it->kind == COLLAB_LEGEND_SIZE && facts->mean_size > 0) {
        return collab_i_node_radius(it->value / facts->mean_size, scale);
    }
    return it->marker.radius;
}

/* One section of a legend in rows: its heading in the first `head_w`, then its items in a grid
 * of equal columns (marker, caption) as many to a row as `width` allows, or the colour bar.
 * Returns the section's height and widens `*used` to the width it takes. */
static double place_row_section(collab_scene_legend *lg, size_t h, size_t i0, size_t i1,
                                bool colorbar, const collab_i_scene_facts *facts, double x,
                                double y, double width, double head_w, double scale, bool place,
                                double *used)
{
    double fs = facts->font_scale;
    double gap = 4 * fs;
    double spacing = 14 * fs;
    double swatch = 10 * fs;
    double text_h = lg->headings[h].box.h;
    for (size_t i = i0; i < i1; i++) {
        swatch = fmax(swatch, 2 * marker_radius(&lg->items[i], facts, scale));
        text_h = fmax(text_h, lg->items[i].caption.box.h);
    }
    double col_w = 0;
    for (size_t i = i0; i < i1; i++) {
        col_w = fmax(col_w, swatch + gap + lg->items[i].caption.box.w);
    }
    double row_h = fmax(text_h, swatch + 2 * fs);
    double left = x + head_w;
    double area = fmax(width - head_w, col_w);
    double height = 0;
    double right = x + lg->headings[h].box.w;
    if (colorbar) {
        collab_colorbar *cb = &lg->colorbar;
        double bar_w = fmax(120 * fs, cb->min_text.box.w + cb->max_text.box.w + 8 * fs);
        double bar_h = 10 * fs;
        if (place) {
            collab_box bar = {left, y + (row_h - bar_h) / 2, bar_w, bar_h};
            cb->bar = bar;
            collab_i_text_move(&cb->min_text, left, bar.y + bar_h + 2 * fs);
            collab_i_text_move(&cb->max_text, left + bar_w - cb->max_text.box.w,
                               bar.y + bar_h + 2 * fs);
        }
        height = (row_h + bar_h) / 2 + 2 * fs + fmax(cb->min_text.box.h, cb->max_text.box.h);
        right = fmax(right, left + bar_w);
        /* the items of a colour bar (the grey "no value") follow it on its row */
        left += bar_w + spacing;
        area = fmax(area - bar_w - spacing, col_w);
    }
    size_t n = i1 - i0;
    size_t cols = col_w > 0 ? (size_t)floor((area + spacing) / (col_w + spacing)) : 1;
    cols = cols < 1 ? 1 : cols > n ? n : cols;
    size_t rows = n > 0 ? (n + cols - 1) / cols : 0;
    height = fmax(height, (double)(rows > 0 ? rows : 1) * row_h);
    if (n > 0) {
        right = fmax(right, left + (double)cols * col_w + (double)(cols - 1) * spacing);
    }
    if (place) {
        collab_scene_text *head = &lg->headings[h];
        collab_i_text_move(head, x, y + (row_h - head->box.h) / 2);
        for (size_t k = 0; k < n; k++) {
            collab_legend_item *it = &lg->items[i0 + k];
            double cx = left + (double)(k % cols) * (col_w + spacing);
            double cy = y + (double)(k / cols) * row_h;
            it->marker.radius = marker_radius(it, facts, scale);
            it->marker.x = cx + swatch / 2;
            it->marker.y = cy + row_h / 2;
            collab_i_text_move(&it->caption, cx + swatch + gap,
                               cy + (row_h - it->caption.box.h) / 2);
        }
    }
    *used = fmax(*used, right - x);
    return height;
}

double collab_i_legend_rows(collab_scene *s, const collab_i_scene_facts *facts, double x, double y,
                            double width, double scale, bool place)
{
    collab_scene_legend *lg = &s->legend;
    if (!lg->present) {
        return 0;
    }
    double fs = facts->font_scale;
    double pad = 6 * fs;
    double head_w = 0;
    for (size_t h = 0; h < lg->n_headings; h++) {
        head_w = fmax(head_w, lg->headings[h].box.w);
    }
    head_w += 8 * fs;
    double inner = width - 2 * pad;
    double cy = y + pad;
    double used = 0;
    size_t h = 0;
    size_t i = 0;
    for (int sec = 0; sec < N_SECTIONS && h < lg->n_headings; sec++) {
        size_t i1 = i;
        while (i1 < lg->n_items && section_of(lg->items[i1].kind) == sec) {
            i1++;
        }
        bool colorbar = sec == SECTION_COLOR && lg->has_colorbar;
        if (i1 == i && !colorbar) {
            continue;
        }
        cy += place_row_section(lg, h, i, i1, colorbar, facts, x + pad, cy, inner, head_w, scale,
                                place, &used) +
              4 * fs;
        h++;
        i = i1;
    }
    double height = cy - 4 * fs + pad - y;
    if (place) {
        collab_box box = {x, y, used + 2 * pad, height};
        lg->box = box;
    }
    return height;
}

void collab_i_legend_free(collab_scene_legend *lg)
{
    for (size_t i = 0; i < lg->n_headings; i++) {
        collab_i_text_free(&lg->headings[i]);
    }
    for (size_t i = 0; i < lg->n_items; i++) {
        collab_i_text_free(&lg->items[i].caption);
    }
    if (lg->has_colorbar) {
        collab_i_text_free(&lg->colorbar.min_text);
        collab_i_text_free(&lg->colorbar.max_text);
    }
    collab_free(lg->headings);
    collab_free(lg->items);
    memset(lg, 0, sizeof *lg);
}
