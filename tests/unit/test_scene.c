/* Scene building with a fake text measurer (0.55 em per character, 1.2 em line height), so
 * every box is known exactly: label boxes never overlap, everything stays on the page, labels go
 * to the most important nodes first (checked against an independent re-run of the placement
 * rule), truncation, legend contents, colours, edges, JSON, errors and allocation failure. */
#include "collab/alloc.h"
#include "collab/scene.h"

#include <jansson.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define ELLIPSIS "\xe2\x80\xa6"

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++) {
        n += ((unsigned char)*s & 0xc0) != 0x80;
    }
    return n;
}

/* The fake measurer; ctx counts calls. */
static double fake_measure(void *ctx, const char *text, double font_size, double *height)
{
    if (ctx != NULL) {
        (*(size_t *)ctx)++;
    }
    if (height != NULL) {
        *height = 1.2 * font_size;
    }
    return 0.55 * font_size * (double)utf8_chars(text);
}

/* A deterministic generator, so the "random" scenes are the same on every machine. */
static uint32_t next_rand(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(*state >> 33);
}

static double uniform(uint64_t *state)
{
    return next_rand(state) / 2147483648.0;
}

/* A random scene input with its storage. */
typedef struct fixture {
    collab_scene_input in;
    double *x, *y, *size, *w;
    uint32_t *comm, *from, *to;
    char **names;
    size_t n;
} fixture;

static void fixture_random(fixture *f, size_t n, size_t m, uint64_t seed)
{
    memset(f, 0, sizeof *f);
    f->n = n;
    f->x = calloc(n, sizeof *f->x);
    f->y = calloc(n, sizeof *f->y);
    f->size = calloc(n, sizeof *f->size);
    f->comm = calloc(n, sizeof *f->comm);
    f->names = calloc(n, sizeof *f->names);
    f->from = calloc(m, sizeof *f->from);
    f->to = calloc(m, sizeof *f->to);
    f->w = calloc(m, sizeof *f->w);
    uint64_t st = seed;
    for (size_t i = 0; i < n; i++) {
        f->x[i] = uniform(&st) * 10 - 5;
        f->y[i] = uniform(&st) * 7 - 2;
        double u = uniform(&st);
        f->size[i] = floor(1 / (0.02 + u * u)); /* heavy-tailed, many ties */
        f->comm[i] = (uint32_t)(u * u * 9);     /* uneven communities */
        size_t len = 5 + next_rand(&st) % 45;   /* many names longer than 30 characters */
        f->names[i] = calloc(len + 16, 1);
        int k = snprintf(f->names[i], len + 16, "%zu ", i);
        for (size_t c = (size_t)k; c < len; c++) {
            f->names[i][c] = (char)('a' + next_rand(&st) % 26);
        }
    }
    for (size_t e = 0; e < m; e++) {
        f->from[e] = next_rand(&st) % n;
        f->to[e] = next_rand(&st) % n;
        f->w[e] = 1 + next_rand(&st) % 5;
    }
    collab_scene_input_init(&f->in);
    f->in.n_nodes = n;
    f->in.x = f->x;
    f->in.y = f->y;
    f->in.size = f->size;
    f->in.community = f->comm;
    f->in.names = (const char *const *)f->names;
    f->in.n_edges = m;
    f->in.edge_from = f->from;
    f->in.edge_to = f->to;
    f->in.edge_weight = f->w;
    f->in.measure = fake_measure;
    f->in.title = "A random map";
    f->in.subtitle = "500 nodes, long names";
}

static void fixture_free(fixture *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->names[i]);
    }
    free(f->names);
    free(f->x);
    free(f->y);
    free(f->size);
    free(f->comm);
    free(f->from);
    free(f->to);
    free(f->w);
}

static bool boxes_intersect(collab_box a, collab_box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool box_within(collab_box outer, collab_box b)
{
    return b.x >= outer.x && b.y >= outer.y && b.x + b.w <= outer.x + outer.w &&
           b.y + b.h <= outer.y + outer.h;
}

static double clean(double v)
{
    return isfinite(v) && v > 0 ? v : 0;
}

/* Rank of node ids: size descending, id ascending. */
static const double *rank_sizes;
static int cmp_rank(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    double sx = clean(rank_sizes[x]);
    double sy = clean(rank_sizes[y]);
    if (sx != sy) {
        return sx > sy ? -1 : 1;
    }
    return (x > y) - (x < y);
}

static uint32_t *ranking(const double *size, size_t n)
{
    uint32_t *order = malloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++) {
        order[i] = (uint32_t)i;
    }
    rank_sizes = size;
    qsort(order, n, sizeof *order, cmp_rank);
    return order;
}

/* The candidate boxes documented in scene.h, recomputed independently. */
static collab_box doc_candidate(int c, double x, double y, double radius, double font, double w,
                                double h)
{
    double d = radius + 0.25 * font;
    double e = d * 0.70710678118654752; /* 1/sqrt(2), written as labels.c does: same rounding */
    collab_box b = {0, 0, w, h};
    double xs[8] = {x + d, x - d - w, x - w / 2, x - w / 2, x + e, x - e - w, x + e, x - e - w};
    double ys[8] = {y - h / 2, y - h / 2, y - d - h, y + d, y - e - h, y - e - h, y + e, y + e};
    b.x = xs[c];
    b.y = ys[c];
    return b;
}

/* The name as the label would show it (ASCII names: 29 characters and '…' past 30). */
static size_t label_chars(const char *name)
{
    size_t n = strlen(name);
    return n > 30 ? 30 : n;
}

static bool near_or_overlapping(collab_box a, collab_box b)
{
    const double e = 0.002;
    return a.x < b.x + b.w + e && b.x < a.x + a.w + e && a.y < b.y + b.h + e && b.y < a.y + a.h + e;
}

/* Does box `b` reach into the disc at (x, y) of radius r? */
static bool box_covers_disc(collab_box b, double x, double y, double r)
{
    double dx = fmax(fmax(b.x - x, x - (b.x + b.w)), 0);
    double dy = fmax(fmax(b.y - y, y - (b.y + b.h)), 0);
    return dx * dx + dy * dy < r * r;
}

/* Would box `b` for node `id` cover a disc a label may not cover, that of a node labelled before
 * rank position `upto` or of one whose diameter exceeds the text's height? Pessimistic (the box
 * widened by a third and a font size, since the test only estimates text widths): when it says
 * no, labels.c said no. */
static bool covers_forbidden(const collab_scene *s, collab_box b, uint32_t id, size_t upto,
                             double font)
{
    collab_box wide = {b.x - font - b.w / 6, b.y - font / 4, b.w * 4 / 3 + 2 * font,
                       b.h + font / 2};
    for (size_t j = 0; j < s->n_nodes; j++) {
        const collab_scene_node *o = &s->nodes[j];
        bool forbidden =
            (o->label >= 0 && (size_t)o->label < upto) || 2 * o->radius > b.h - 0.3 * font;
        if (j != id && forbidden && box_covers_disc(wide, o->x, o->y, o->radius)) {
            return true;
        }
    }
    return false;
}

/* Does leader line `l` come near box `b`? Pessimistic: 1000 points along it, each tested against
 * the box widened by the step between points, so a line through the box always says yes. */
static bool leader_near_box(const collab_scene_leader *l, collab_box b)
{
    double step = hypot(l->x1 - l->x0, l->y1 - l->y0) / 1000 + 1e-6;
    for (int k = 0; k <= 1000; k++) {
        double x = l->x0 + k / 1000.0 * (l->x1 - l->x0);
        double y = l->y0 + k / 1000.0 * (l->y1 - l->y0);
        if (x > b.x - step && x < b.x + b.w + step && y > b.y - step && y < b.y + b.h + step) {
            return true;
        }
    }
    return false;
}

/* Would node `id` have found room given the labels placed before rank position `upto`? Not when
 * its disc is under one of them, nor where a position overlaps an obstacle, a label or a leader
 * line, or covers the disc of a labelled or large node (labels.c's rules). */
static bool had_room(const collab_scene *s, const char *name, uint32_t id, size_t upto)
{
    const collab_scene_node *nd = &s->nodes[id];
    for (size_t l = 0; l < upto; l++) {
        if (box_covers_disc(s->labels[l].t.box, nd->x, nd->y, nd->radius)) {
            return false;
        }
    }
    double font = nd->label_font;
    double w = 0.55 * font * (double)label_chars(name) + 0.3 * font;
    double h = 1.2 * font + 0.3 * font;
    for (int c = 0; c < 8; c++) {
        collab_box b = doc_candidate(c, nd->x, nd->y, nd->radius, font, w, h);
        bool ok = box_within(s->label_area, b);
        for (size_t o = 0; ok && o < s->n_obstacles; o++) {
            ok = !near_or_overlapping(b, s->obstacles[o]);
        }
        for (size_t l = 0; ok && l < upto; l++) {
            ok = !near_or_overlapping(b, s->labels[l].t.box);
        }
        for (size_t i = 0; ok && i < s->n_leaders; i++) {
            ok = s->nodes[s->leaders[i].node].label >= (long)upto ||
                 !leader_near_box(&s->leaders[i], b);
        }
        if (ok && !covers_forbidden(s, b, id, upto, font)) {
            return true;
        }
    }
    return false;
}

/* No label covers the disc of another labelled node, or of a node drawn taller than its text
 * (the box minus 0.15 font of padding above and below). */
static void check_labels_spare_discs(const collab_scene *s)
{
    for (size_t i = 0; i < s->n_labels; i++) {
        collab_box b = s->labels[i].t.box;
        for (size_t j = 0; j < s->n_nodes; j++) {
            const collab_scene_node *o = &s->nodes[j];
            double text_h = b.h - 0.3 * s->labels[i].t.font_size;
            if (j == s->labels[i].node || (o->label < 0 && 2 * o->radius <= text_h)) {
                continue;
            }
            assert_false(box_covers_disc(b, o->x, o->y, o->radius));
        }
    }
}

/* Leader lines cross no label but their own, nor an obstacle, nor the disc of a labelled or large
 * node: checked at 1000 points along each (strictly inside, so touching an edge is allowed). */
static void check_leaders(const collab_scene *s)
{
    for (size_t i = 0; i < s->n_leaders; i++) {
        const collab_scene_leader *l = &s->leaders[i];
        const collab_scene_node *nd = &s->nodes[l->node];
        assert_true(nd->label >= 0);
        for (int k = 0; k <= 1000; k++) {
            double t = k / 1000.0;
            double x = l->x0 + t * (l->x1 - l->x0);
            double y = l->y0 + t * (l->y1 - l->y0);
            for (size_t j = 0; j < s->n_labels + s->n_obstacles; j++) {
                collab_box b = j < s->n_labels ? s->labels[j].t.box : s->obstacles[j - s->n_labels];
                bool own = j == (size_t)nd->label;
                bool in = x > b.x + 1e-9 && x < b.x + b.w - 1e-9 && y > b.y + 1e-9 &&
                          y < b.y + b.h - 1e-9;
                assert_false(in && !own);
            }
            /* nor over the disc of a labelled node or of one taller than the text */
            double text_h = s->labels[nd->label].t.box.h - 0.3 * nd->label_font;
            for (size_t j = 0; j < s->n_nodes; j++) {
                const collab_scene_node *o = &s->nodes[j];
                if (j != l->node && (o->label >= 0 || 2 * o->radius > text_h)) {
                    assert_true(hypot(x - o->x, y - o->y) >= o->radius - 1e-9);
                }
            }
        }
    }
}

static void check_geometry(const collab_scene *s)
{
    check_labels_spare_discs(s);
    check_leaders(s);
    collab_box page = {0, 0, s->width, s->height};
    for (size_t i = 0; i < s->n_nodes; i++) {
        const collab_scene_node *nd = &s->nodes[i];
        double reach = nd->radius + nd->stroke_width / 2;
        collab_box disc = {nd->x - reach, nd->y - reach, 2 * reach, 2 * reach};
        assert_true(box_within(page, disc));
        assert_true(box_within(s->plot, disc));
    }
    for (size_t i = 0; i < s->n_labels; i++) {
        collab_box b = s->labels[i].t.box;
        assert_true(box_within(page, b));
        assert_true(box_within(s->label_area, b));
        for (size_t o = 0; o < s->n_obstacles; o++) {
            assert_false(boxes_intersect(b, s->obstacles[o]));
        }
        for (size_t j = i + 1; j < s->n_labels; j++) {
            assert_false(boxes_intersect(b, s->labels[j].t.box));
        }
    }
    if (s->legend.present) {
        assert_true(box_within(page, s->legend.box));
        assert_false(boxes_intersect(s->legend.box, s->plot));
    }
}

/* Labels are in rank order, and every node ranked above a labelled one either got a label or
 * had no room among the labels of nodes ranked above it. */
static void check_greedy(const collab_scene *s, const fixture *f, long max_labels)
{
    uint32_t *order = ranking(f->size, f->n);
    size_t placed = 0;
    for (size_t k = 0; k < f->n; k++) {
        uint32_t id = order[k];
        if (s->nodes[id].label >= 0) {
            assert_int_equal(s->nodes[id].label, (long)placed);
            assert_int_equal(s->labels[placed].node, id);
            placed++;
        } else if (max_labels < 0 || placed < (size_t)max_labels) {
            assert_false(had_room(s, f->names[id], id, placed));
        }
    }
    assert_int_equal(placed, s->n_labels);
    free(order);
}

static void test_random_500(void **state)
{
    (void)state;
    fixture f;
    fixture_random(&f, 500, 1500, 42);
    collab_scene s;
    collab_error err = {0};
    assert_int_equal(collab_scene_build(&s, &f.in, &err), COLLAB_OK);
    assert_int_equal(s.n_nodes, 500);
    assert_true(s.n_labels > 30);
    assert_true(s.n_labels < 500);
    check_geometry(&s);
    check_greedy(&s, &f, -1);
    uint32_t *order = ranking(f.size, f.n);
    assert_int_equal(s.labels[0].node, order[0]); /* the most important node is labelled */
    free(order);
    for (size_t i = 0; i < s.n_labels; i++) {
        const collab_scene_label *l = &s.labels[i];
        const collab_scene_node *nd = &s.nodes[l->node];
        assert_float_equal(nd->label_font, 9 + 4 * sqrt(fmin(nd->weight, 16)), 1e-12);
        assert_float_equal(l->t.font_size, nd->label_font, 0);
        assert_true(utf8_chars(l->t.text) <= 30);
    }
    collab_scene_destroy(&s);
    fixture_free(&f);
}

static void test_random_dense_dark_curved(void **state)
{
    (void)state;
    fixture f;
    fixture_random(&f, 3000, 6000, 7);
    f.in.theme = COLLAB_THEME_DARK;
    f.in.edge_style = COLLAB_EDGES_CURVED;
    f.in.page_width = 800;
    f.in.page_height = 1000;
    f.in.max_edges = 1000;
    f.in.font_scale = 1.3;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &f.in, NULL), COLLAB_OK);
    assert_int_equal(s.n_edges, 1000);
    check_geometry(&s);
    check_greedy(&s, &f, -1);
    collab_scene_destroy(&s);
    fixture_free(&f);
}

static void test_max_labels_is_prefix(void **state)
{
    (void)state;
    fixture f;
    fixture_random(&f, 500, 0, 3);
    collab_scene all;
    assert_int_equal(collab_scene_build(&all, &f.in, NULL), COLLAB_OK);
    for (long k = 0; k <= 12; k += 3) {
        f.in.max_labels = k;
        collab_scene s;
        assert_int_equal(collab_scene_build(&s, &f.in, NULL), COLLAB_OK);
        assert_int_equal(s.n_labels, (size_t)k);
        check_greedy(&s, &f, k);
        for (size_t i = 0; i < s.n_labels; i++) {
            assert_int_equal(s.labels[i].node, all.labels[i].node);
            assert_memory_equal(&s.labels[i].t.box, &all.labels[i].t.box, sizeof(collab_box));
        }
        collab_scene_destroy(&s);
    }
    collab_scene_destroy(&all);
    fixture_free(&f);
}

static char *scene_json(const collab_scene *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    assert_non_null(mem);
    assert_int_equal(collab_scene_write_json(mem, s, NULL), COLLAB_OK);
    fclose(mem);
    return buf;
}

static void test_deterministic(void **state)
{
    (void)state;
    fixture f;
    fixture_random(&f, 500, 1500, 99);
    collab_scene a;
    collab_scene b;
    assert_int_equal(collab_scene_build(&a, &f.in, NULL), COLLAB_OK);
    assert_int_equal(collab_scene_build(&b, &f.in, NULL), COLLAB_OK);
    char *ja = scene_json(&a);
    char *jb = scene_json(&b);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);
    collab_scene_destroy(&a);
    collab_scene_destroy(&b);
    fixture_free(&f);
}

/* One node at the page centre named `name`: returns its label text (caller frees). */
static char *label_of(const char *name)
{
    double x = 0;
    double y = 0;
    const char *names[1] = {name};
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = 1;
    in.x = &x;
    in.y = &y;
    in.names = names;
    in.measure = fake_measure;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    char *text = NULL;
    if (s.n_labels == 1) {
        text = strdup(s.labels[0].t.text);
    }
    check_geometry(&s);
    collab_scene_destroy(&s);
    return text;
}

static void expect_label(const char *name, const char *expected)
{
    char *text = label_of(name);
    if (expected == NULL) {
        assert_null(text);
        return;
    }
    assert_non_null(text);
    assert_string_equal(text, expected);
    free(text);
}

static void test_truncation(void **state)
{
    (void)state;
    expect_label("abcdefghijklmnopqrstuvwxyz1234", "abcdefghijklmnopqrstuvwxyz1234");
    expect_label("abcdefghijklmnopqrstuvwxyz12345", "abcdefghijklmnopqrstuvwxyz123" ELLIPSIS);
    /* trailing spaces are dropped before the ellipsis */
    expect_label("abcdefghijklmnopqrstuvwxyz12 456", "abcdefghijklmnopqrstuvwxyz12" ELLIPSIS);
    char name[256] = "";
    char want[256] = "";
    for (int i = 0; i < 35; i++) {
        strcat(name, "\xc3\xa9"); /* é, two bytes */
        if (i < 29) {
            strcat(want, "\xc3\xa9");
        }
    }
    strcat(want, ELLIPSIS);
    expect_label(name, want);
    /* a combining accent stays with its letter: e + U+0301 is one character */
    name[0] = want[0] = '\0';
    for (int i = 0; i < 31; i++) {
        strcat(name, "e\xcc\x81");
        if (i < 29) {
            strcat(want, "e\xcc\x81");
        }
    }
    strcat(want, ELLIPSIS);
    expect_label(name, want);
    /* CJK: 31 characters of three bytes */
    name[0] = want[0] = '\0';
    for (int i = 0; i < 31; i++) {
        strcat(name, "\xe9\xbe\x8d");
        if (i < 29) {
            strcat(want, "\xe9\xbe\x8d");
        }
    }
    strcat(want, ELLIPSIS);
    expect_label(name, want);
    expect_label("bad \xff tail", "bad ");   /* cut at invalid UTF-8 */
    expect_label("two\nlines", "two lines"); /* control characters become spaces */
    expect_label("", NULL);                  /* no name, no label */
}

/* Scene of communities numbered 0, 10, 20, ... with the given sizes, each a column of nodes. */
static void build_communities(collab_scene *s, const size_t *sizes, size_t n_comm, double **x,
                              double **y, uint32_t **comm, size_t *n_out)
{
    size_t n = 0;
    for (size_t c = 0; c < n_comm; c++) {
        n += sizes[c];
    }
    *x = calloc(n, sizeof **x);
    *y = calloc(n, sizeof **y);
    *comm = calloc(n, sizeof **comm);
    size_t k = 0;
    for (uint32_t c = 0; c < n_comm; c++) {
        for (size_t i = 0; i < sizes[c]; i++, k++) {
            (*comm)[k] = c * 10; /* numbers need not be dense */
            (*x)[k] = (double)c + 0.01 * (double)i;
            (*y)[k] = (double)(i % 7);
        }
    }
    static const collab_legend_entry entries[2] = {{10, "Thom Russo, Rick Rubin, Macy Gray"},
                                                   {999, "unused"}};
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = n;
    in.x = *x;
    in.y = *y;
    in.community = *comm;
    in.legend = entries;
    in.n_legend = 2;
    in.measure = fake_measure;
    assert_int_equal(collab_scene_build(s, &in, NULL), COLLAB_OK);
    *n_out = n;
}

/* Seven communities of 40, 30, 20, 10, 3, 2 and 1 nodes: a graph of few communities has every one
 * coloured (the twelve largest always are), however small. */
static void test_legend_communities(void **state)
{
    (void)state;
    const size_t sizes[7] = {40, 30, 20, 10, 3, 2, 1};
    double *x, *y;
    uint32_t *comm;
    size_t n;
    collab_scene s;
    build_communities(&s, sizes, 7, &x, &y, &comm, &n);
    const collab_scene_legend *lg = &s.legend;
    assert_true(lg->present);
    assert_int_equal(lg->n_headings, 1);
    assert_string_equal(lg->headings[0].text, "Communities");
    assert_int_equal(lg->n_items, 7);
    const char *want[7] = {"Community 0",  "Thom Russo, Rick Rubin, Macy Gray",
                           "Community 20", "Community 30",
                           "Community 40", "Community 50",
                           "Community 60"};
    for (size_t i = 0; i < 7; i++) {
        assert_string_equal(lg->items[i].caption.text, want[i]);
        assert_int_equal(lg->items[i].kind, COLLAB_LEGEND_COMMUNITY);
    }
    /* every colour drawn on a node is explained by the legend item of its community, and the
     * seven colours differ */
    for (size_t i = 0; i < n; i++) {
        assert_memory_equal(&s.nodes[i].fill, &lg->items[comm[i] / 10].marker.fill,
                            sizeof(collab_rgba));
        assert_int_equal(s.nodes[i].community, comm[i]);
    }
    for (size_t i = 0; i < 7; i++) {
        for (size_t j = 0; j < i; j++) {
            assert_memory_not_equal(&lg->items[i].marker.fill, &lg->items[j].marker.fill,
                                    sizeof(collab_rgba));
        }
    }
    assert_false(lg->has_colorbar);
    check_geometry(&s);
    collab_scene_destroy(&s);
    free(x);
    free(y);
    free(comm);
}

/* 22 communities in 1000 nodes: the twelve largest are coloured, then those with at least 1% of
 * the nodes (11 and 10 members); the eight below (9, 8 and six of 5: 47 nodes) share the grey,
 * and the legend says how many nodes that is. */
static void test_legend_long_tail(void **state)
{
    (void)state;
    const size_t sizes[22] = {300, 200, 100, 80, 60, 50, 40, 30, 25, 20, 15,
                              12,  11,  10,  9,  8,  5,  5,  5,  5,  5,  5};
    double *x, *y;
    uint32_t *comm;
    size_t n;
    collab_scene s;
    build_communities(&s, sizes, 22, &x, &y, &comm, &n);
    assert_int_equal(n, 1000);
    const collab_scene_legend *lg = &s.legend;
    assert_int_equal(lg->n_items, 15);
    for (size_t i = 0; i < 14; i++) {
        assert_int_equal(lg->items[i].kind, COLLAB_LEGEND_COMMUNITY);
    }
    assert_int_equal(lg->items[14].kind, COLLAB_LEGEND_OTHER);
    assert_string_equal(lg->items[14].caption.text, "Other: 8 communities, 47 nodes");
    for (size_t i = 0; i < n; i++) {
        size_t item = comm[i] / 10 < 14 ? comm[i] / 10 : 14;
        assert_memory_equal(&s.nodes[i].fill, &lg->items[item].marker.fill, sizeof(collab_rgba));
    }
    check_geometry(&s);
    collab_scene_destroy(&s);
    free(x);
    free(y);
    free(comm);
}

static void test_numeric_sizes_shapes(void **state)
{
    (void)state;
    double x[4] = {0, 1, 2, 3};
    double y[4] = {0, 1, 0, 1};
    double value[4] = {2, NAN, 4, 3};
    double size[4] = {1, 10, -5, NAN};
    uint8_t kind[4] = {COLLAB_NODE_PERSON, COLLAB_NODE_PROJECT, COLLAB_NODE_PERSON,
                       COLLAB_NODE_PROJECT};
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = 4;
    in.x = x;
    in.y = y;
    in.size = size;
    in.size_label = "degree";
    in.color_mode = COLLAB_COLOR_NUMERIC;
    in.value = value;
    in.value_label = "pagerank";
    in.kind = kind;
    in.measure = fake_measure;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    char hex[8];
    collab_rgba_hex(s.nodes[0].fill, hex);
    assert_string_equal(hex, "#440154"); /* viridis low end */
    collab_rgba_hex(s.nodes[2].fill, hex);
    assert_string_equal(hex, "#fde725"); /* viridis high end */
    collab_rgba_hex(s.nodes[1].fill, hex);
    assert_string_equal(hex, "#b4b4b4"); /* NaN: neutral grey */
    assert_int_equal(s.nodes[1].shape, COLLAB_MARK_ROUNDED_SQUARE);
    assert_int_equal(s.nodes[0].shape, COLLAB_MARK_CIRCLE);
    /* negative and NaN sizes count as 0: the smallest disc */
    assert_float_equal(s.nodes[2].weight, 0, 0);
    assert_float_equal(s.nodes[3].weight, 0, 0);
    assert_true(s.nodes[1].radius > s.nodes[0].radius);
    assert_true(s.nodes[0].radius > s.nodes[2].radius);
    const collab_scene_legend *lg = &s.legend;
    assert_true(lg->has_colorbar);
    assert_float_equal(lg->colorbar.min, 2, 0);
    assert_float_equal(lg->colorbar.max, 4, 0);
    assert_int_equal(lg->n_headings, 3);
    assert_string_equal(lg->headings[0].text, "pagerank");
    assert_string_equal(lg->headings[1].text, "Size: degree");
    assert_string_equal(lg->headings[2].text, "Shape");
    /* the grey node without a value is explained under the colour bar */
    assert_int_equal(lg->items[0].kind, COLLAB_LEGEND_OTHER);
    assert_string_equal(lg->items[0].caption.text, "no value (1)");
    assert_memory_equal(&lg->items[0].marker.fill, &s.nodes[1].fill, sizeof(collab_rgba));
    assert_int_equal(lg->items[1].kind, COLLAB_LEGEND_SIZE);
    assert_float_equal(lg->items[1].value, 10, 0);
    assert_float_equal(lg->items[1].marker.radius, s.nodes[1].radius, 1e-12);
    collab_scene_destroy(&s);
}

static void test_edges(void **state)
{
    (void)state;
    double x[4] = {0, 1, 0, 1};
    double y[4] = {0, 0, 1, 1};
    uint32_t comm[4] = {0, 0, 0, 1};
    uint32_t from[6] = {0, 1, 2, 0, 3, 0};
    uint32_t to[6] = {1, 2, 3, 0, 0, 1};
    double w[6] = {5, 1, 3, 9, NAN, 5};
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = 4;
    in.x = x;
    in.y = y;
    in.community = comm;
    in.n_edges = 6;
    in.edge_from = from;
    in.edge_to = to;
    in.edge_weight = w;
    in.max_edges = 3;
    in.measure = fake_measure;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    /* the self-loop (weight 9) is dropped; the 3 strongest remain, weakest painted first;
     * the two parallel 0-1 edges (multi-edge) both count */
    assert_int_equal(s.n_edges, 3);
    assert_float_equal(s.edges[0].weight, 3, 0);
    assert_float_equal(s.edges[1].weight, 5, 0);
    assert_float_equal(s.edges[2].weight, 5, 0);
    assert_int_equal(s.edges[2].from, 0); /* equal weights: lower edge index on top */
    assert_true(s.edges[2].color.a > s.edges[0].color.a);
    assert_true(s.edges[2].width > s.edges[0].width);
    /* same community: its colour; across communities: a greyer blend */
    assert_memory_equal(&s.edges[1].color, &s.nodes[0].fill, 3 * sizeof(double));
    assert_false(s.edges[0].color.r == s.nodes[2].fill.r &&
                 s.edges[0].color.g == s.nodes[2].fill.g);
    assert_float_equal(s.edges[0].x0, s.nodes[2].x, 0);
    assert_float_equal(s.edges[0].y1, s.nodes[3].y, 0);
    check_geometry(&s);
    collab_scene_destroy(&s);
}

static void test_empty_and_single(void **state)
{
    (void)state;
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.measure = fake_measure;
    in.title = "Nothing here";
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    assert_int_equal(s.n_nodes, 0);
    assert_int_equal(s.n_labels, 0);
    assert_false(s.legend.present);
    assert_true(s.has_title);
    char *json = scene_json(&s);
    assert_non_null(strstr(json, "\"nodes\":[]"));
    free(json);
    collab_scene_destroy(&s);
    collab_scene_destroy(&s); /* destroy twice is safe */
    collab_scene_destroy(NULL);

    char *text = label_of("Ryuichi Sakamoto");
    assert_string_equal(text, "Ryuichi Sakamoto");
    free(text);
}

static void test_json(void **state)
{
    (void)state;
    fixture f;
    fixture_random(&f, 60, 100, 5);
    f.names[3][0] = '\xff'; /* an invalid name must not break the export */
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &f.in, NULL), COLLAB_OK);
    char *text = scene_json(&s);
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    assert_non_null(root);
    assert_int_equal(json_array_size(json_object_get(root, "nodes")), 60);
    assert_int_equal(json_array_size(json_object_get(root, "labels")), s.n_labels);
    assert_int_equal(json_array_size(json_object_get(root, "edges")), s.n_edges);
    json_t *n0 = json_array_get(json_object_get(root, "nodes"), 0);
    char hex[8];
    collab_rgba_hex(s.nodes[0].fill, hex);
    assert_string_equal(json_string_value(json_object_get(n0, "color")), hex);
    assert_string_equal(json_string_value(json_object_get(n0, "name")), f.names[0]);
    assert_float_equal(json_number_value(json_object_get(n0, "x")), s.nodes[0].x, 0.0005);
    json_t *l0 = json_array_get(json_object_get(root, "labels"), 0);
    assert_float_equal(json_number_value(json_object_get(l0, "w")), s.labels[0].t.box.w, 0.0005);
    assert_string_equal(json_string_value(json_object_get(json_object_get(root, "title"), "text")),
                        "A random map");
    assert_true(json_is_object(json_object_get(root, "legend")));
    json_decref(root);
    free(text);
    collab_scene_destroy(&s);
    fixture_free(&f);
}

static void expect_error(const collab_scene_input *in, collab_status want, const char *message)
{
    collab_scene s;
    collab_error err = {0};
    assert_int_equal(collab_scene_build(&s, in, &err), want);
    assert_int_equal(err.status, want);
    assert_string_equal(err.message, message);
}

static void test_errors(void **state)
{
    (void)state;
    double x[2] = {0, NAN};
    double y[2] = {0, 0};
    const char *names[2] = {"a", "b"};
    uint32_t from[1] = {0};
    uint32_t to[1] = {2};
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.measure = fake_measure;
    in.page_width = 10;
    expect_error(&in, COLLAB_E_USAGE, "page size '10x900' is outside 16..100000");
    in.page_width = 100;
    in.margin = 45;
    expect_error(&in, COLLAB_E_USAGE, "margin '45' leaves no room on a '100x900' page");
    in.margin = 10;
    in.font_scale = 0;
    expect_error(&in, COLLAB_E_USAGE, "font scale '0' is not in (0, 100]");
    in.font_scale = 1;
    in.measure = NULL;
    expect_error(&in, COLLAB_E_USAGE, "scene has no text measurer");
    in.measure = fake_measure;
    in.n_nodes = 2;
    expect_error(&in, COLLAB_E_USAGE, "scene has nodes but no positions");
    in.x = x;
    in.y = y;
    in.names = names;
    expect_error(&in, COLLAB_E_INPUT, "node 1 ('b') has no finite position");
    x[1] = 1;
    in.n_edges = 1;
    in.edge_from = from;
    in.edge_to = to;
    expect_error(&in, COLLAB_E_INPUT, "edge 0 joins nodes '0' and '2' of 2");
    in.n_edges = 0;
    in.title = "A title";
    in.font_scale = 40;
    in.page_width = 400;
    in.page_height = 300;
    expect_error(&in, COLLAB_E_USAGE, "page '400x300' is too small for its title and legend");
}

static void test_allocation_failure(void **state)
{
    (void)state;
    fixture f;
    fixture_random(&f, 80, 200, 11);
    f.in.color_mode = COLLAB_COLOR_COMMUNITY;
    for (long n = 0;; n++) {
        collab_scene s;
        collab_error err = {0};
        collab_alloc_fail_after(n);
        collab_status st = collab_scene_build(&s, &f.in, &err);
        collab_alloc_fail_after(-1);
        if (st == COLLAB_OK) {
            assert_true(n > 10);
            collab_scene_destroy(&s);
            break;
        }
        assert_int_equal(st, COLLAB_E_NOMEM);
        assert_int_equal(err.status, COLLAB_E_NOMEM);
    }
    fixture_free(&f);
}

static void test_measure_calls_bounded(void **state)
{
    (void)state;
    /* 20,000 nodes on a small page: most have no room even for an empty one-em box, and those
     * are skipped before their text is measured. */
    fixture f;
    fixture_random(&f, 20000, 0, 17);
    size_t calls = 0;
    f.in.measure_ctx = &calls;
    f.in.page_width = 600;
    f.in.page_height = 400;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &f.in, NULL), COLLAB_OK);
    check_geometry(&s);
    assert_true(calls < 20000 / 4);
    collab_scene_destroy(&s);
    fixture_free(&f);
}

/* A scene of hand-placed nodes on the default 1200 x 900 page with no title and no legend. */
static void build_placed(collab_scene *s, size_t n, const double *x, const double *y,
                         const double *size, const char *const *names)
{
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = n;
    in.x = x;
    in.y = y;
    in.size = size;
    in.names = names;
    in.show_legend = false;
    in.measure = fake_measure;
    assert_int_equal(collab_scene_build(s, &in, NULL), COLLAB_OK);
}

/* The first documented candidate whose box would reach into node `j`'s disc. */
static bool candidate_covers(const collab_scene *s, int c, uint32_t id, const collab_box *box,
                             uint32_t j)
{
    const collab_scene_node *nd = &s->nodes[id];
    collab_box b = doc_candidate(c, nd->x, nd->y, nd->radius, nd->label_font, box->w, box->h);
    return box_covers_disc(b, s->nodes[j].x, s->nodes[j].y, s->nodes[j].radius);
}

/* A node boxed in on the right by an unnamed node drawn taller than its label gets the second
 * position, on the left; boxed in on the right and left, the third, above. */
static void test_label_positions(void **state)
{
    (void)state;
    /* 0 = the labelled node, 1 = a big unnamed one at its right, 2 and 3 fix the layout's box */
    const double x[5] = {0, 0.09, -1, 1, -0.09};
    const double y[5] = {0, 0, -1, 1, 0};
    const double size[5] = {4, 16, 1, 1, 16};
    const char *names[5] = {"Tango", "", "", "", ""};
    collab_scene s;
    build_placed(&s, 4, x, y, size, names);
    assert_int_equal(s.n_labels, 1);
    const collab_box *b = &s.labels[0].t.box;
    assert_true(2 * s.nodes[1].radius > b->h);     /* taller than the text */
    assert_true(candidate_covers(&s, 0, 0, b, 1)); /* the right is taken */
    collab_box left = doc_candidate(1, s.nodes[0].x, s.nodes[0].y, s.nodes[0].radius,
                                    s.nodes[0].label_font, b->w, b->h);
    assert_float_equal(b->x, left.x, 1e-9);
    assert_float_equal(b->y, left.y, 1e-9);
    assert_int_equal(s.n_leaders, 0);
    check_labels_spare_discs(&s);
    collab_scene_destroy(&s);
    /* the same with a second big node on the left: the first position covering neither */
    build_placed(&s, 5, x, y, size, names);
    assert_int_equal(s.n_labels, 1);
    b = &s.labels[0].t.box;
    int want = -1;
    for (int c = 0; c < 8 && want < 0; c++) {
        want = candidate_covers(&s, c, 0, b, 1) || candidate_covers(&s, c, 0, b, 4) ? -1 : c;
    }
    assert_true(want >= 2); /* right and left are both taken */
    collab_box free_box = doc_candidate(want, s.nodes[0].x, s.nodes[0].y, s.nodes[0].radius,
                                        s.nodes[0].label_font, b->w, b->h);
    assert_float_equal(b->x, free_box.x, 1e-9);
    assert_float_equal(b->y, free_box.y, 1e-9);
    assert_int_equal(s.n_leaders, 0);
    check_labels_spare_discs(&s);
    collab_scene_destroy(&s);
}

/* A node ringed by seven big unnamed nodes (the eighth, on its right, moved away) has no free
 * position next to it: its label goes further out, with a leader line from its disc to the label
 * through the gap in the ring, and covers none of them. Closing the ring leaves no leader line
 * that would not pass over a big node: no label. */
static void test_leader_line(void **state)
{
    (void)state;
    double x[11] = {0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1};
    double y[11] = {0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1};
    double size[11] = {4, 16, 16, 16, 16, 16, 16, 16, 16, 1, 1};
    const char *names[11] = {"Tango", "", "", "", "", "", "", "", "", "", ""};
    for (int k = 0; k < 8; k++) {
        x[1 + k] = 0.06 * cos(k * 0.78539816339744831);
        y[1 + k] = 0.06 * sin(k * 0.78539816339744831);
    }
    collab_scene s;
    build_placed(&s, 11, x, y, size, names);
    assert_int_equal(s.n_labels, 0);
    assert_int_equal(s.n_leaders, 0);
    collab_scene_destroy(&s);
    x[1] = 0.9; /* the gap */
    y[1] = -0.9;
    build_placed(&s, 11, x, y, size, names);
    assert_int_equal(s.n_labels, 1);
    assert_int_equal(s.n_leaders, 1);
    const collab_box *b = &s.labels[0].t.box;
    for (int c = 0; c < 8; c++) { /* nothing adjacent was free */
        bool blocked = false;
        for (uint32_t j = 1; j <= 8; j++) {
            blocked |= candidate_covers(&s, c, 0, b, j) && 2 * s.nodes[j].radius > b->h;
        }
        assert_true(blocked);
    }
    check_labels_spare_discs(&s);
    check_leaders(&s);
    const collab_scene_leader *l = &s.leaders[0];
    const collab_scene_node *nd = &s.nodes[0];
    assert_int_equal(l->node, 0);
    /* from the disc's edge (outline included) to the box's nearest point */
    assert_float_equal(hypot(l->x0 - nd->x, l->y0 - nd->y), nd->radius + nd->stroke_width, 1e-9);
    assert_float_equal(l->x1, fmin(fmax(nd->x, b->x), b->x + b->w), 1e-9);
    assert_float_equal(l->y1, fmin(fmax(nd->y, b->y), b->y + b->h), 1e-9);
    /* the line points from the node towards the label */
    assert_true((l->x1 - nd->x) * (l->x0 - nd->x) + (l->y1 - nd->y) * (l->y0 - nd->y) > 0);
    assert_true(hypot(l->x1 - nd->x, l->y1 - nd->y) > nd->radius + nd->label_font);
    collab_scene_destroy(&s);
}

/* One hub among 99 small nodes: its disc covers at most 2% of the plot. */
static void test_hub_cap(void **state)
{
    (void)state;
    enum { N = 100 };
    double x[N], y[N], size[N];
    for (int i = 0; i < N; i++) {
        x[i] = (double)(i % 10);
        y[i] = (double)(i / 10);
        size[i] = i == 0 ? 1e6 : 1;
    }
    /* a small page: at the nominal scale the hub would cover 2.5% of the plot */
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = N;
    in.x = x;
    in.y = y;
    in.size = size;
    in.show_legend = false;
    in.page_width = 120;
    in.page_height = 120;
    in.margin = 4;
    in.measure = fake_measure;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    double r = s.nodes[0].radius;
    double share = 3.14159265358979 * r * r / (s.plot.w * s.plot.h);
    assert_true(share <= 0.02 + 1e-9);
    assert_true(share > 0.019); /* the cap, not another rule, sized it */
    collab_scene_destroy(&s);
}

/* A community caption too wide for the legend keeps whole names and counts the rest ("+1");
 * a bubble label of listed names does the same within 1.5 times the label length. */
static void test_whole_name_captions(void **state)
{
    (void)state;
    static const char *const three = "Shah Rukh Khan, Kareena Kapoor Khan, Rani Mukerji";
    const collab_legend_entry entries[2] = {{0, three}, {1, "Amitabh Bachchan"}};
    const double x[4] = {0, 1, 0, 1};
    const double y[4] = {0, 0, 1, 1};
    const uint32_t comm[4] = {0, 0, 1, 1};
    const char *names[4] = {three, "", "", ""};
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = 4;
    in.x = x;
    in.y = y;
    in.community = comm;
    in.names = names;
    in.legend = entries;
    in.n_legend = 2;
    in.list_labels = true;
    in.page_width = 900; /* captions up to 0.3 * 900 - 36 = 234 points: 42 characters at 10 pt */
    in.measure = fake_measure;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    bool seen = false;
    for (size_t i = 0; i < s.legend.n_items; i++) {
        if (s.legend.items[i].community == 0) {
            assert_string_equal(s.legend.items[i].caption.text,
                                "Shah Rukh Khan, Kareena Kapoor Khan +1");
            seen = true;
        }
        if (s.legend.items[i].community == 1) {
            assert_string_equal(s.legend.items[i].caption.text, "Amitabh Bachchan");
        }
    }
    assert_true(seen);
    /* the label: 49 characters, over 45 = 1.5 * 30 */
    assert_int_equal(s.n_labels, 1);
    assert_string_equal(s.labels[0].t.text, "Shah Rukh Khan, Kareena Kapoor Khan +1");
    collab_scene_destroy(&s);
    /* without list_labels, a name is a name: cut with an ellipsis as before */
    in.list_labels = false;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    assert_string_equal(s.labels[0].t.text, "Shah Rukh Khan, Kareena Kapoo" ELLIPSIS);
    collab_scene_destroy(&s);
}

/* A subtitle wider than the page wraps onto a second line at a " · " separator: nothing is cut,
 * both lines fit, the second sits under the first and the plot under both. */
static void test_wrapped_titles(void **state)
{
    (void)state;
    const char *title = "A title long enough to need two lines on this page";
    const char *sub = "credits.csv \xc2\xb7 6581 nodes, 72370 edges \xc2\xb7 size: strength "
                      "\xc2\xb7 layout fa2 \xc2\xb7 "
                      "seed 42";
    const double x[2] = {0, 1};
    const double y[2] = {0, 1};
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = 2;
    in.x = x;
    in.y = y;
    in.title = title;
    in.subtitle = sub;
    in.show_legend = false;
    in.page_width = 400;
    in.page_height = 400;
    in.measure = fake_measure;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    assert_true(s.has_title && s.has_title2 && s.has_subtitle && s.has_subtitle2);
    double width = 400 - 2 * 24;
    char joined[512];
    snprintf(joined, sizeof joined, "%s %s", s.title.text, s.title2.text);
    assert_string_equal(joined, title);
    snprintf(joined, sizeof joined, "%s \xc2\xb7 %s", s.subtitle.text, s.subtitle2.text);
    assert_string_equal(joined, sub);
    const collab_scene_text *lines[4] = {&s.title, &s.title2, &s.subtitle, &s.subtitle2};
    for (int i = 0; i < 4; i++) {
        assert_null(strstr(lines[i]->text, ELLIPSIS));
        assert_true(lines[i]->box.w - 0.3 * lines[i]->font_size <= width + 1e-9);
        if (i > 0) {
            assert_true(lines[i]->box.y >= lines[i - 1]->box.y + lines[i - 1]->box.h - 1e-9);
        }
    }
    assert_true(s.plot.y >= s.subtitle2.box.y + s.subtitle2.box.h);
    /* the first line takes as many words as fit: one more would not */
    size_t len = strlen(s.title.text);
    const char *next = strchr(title + len + 1, ' ');
    size_t more = next != NULL ? (size_t)(next - title) : strlen(title);
    assert_true(0.55 * 20 * (double)more > width);
    collab_scene_destroy(&s);
}

static int section_of_kind(collab_legend_item_kind kind)
{
    return kind == COLLAB_LEGEND_SIZE ? 1 : kind == COLLAB_LEGEND_SHAPE ? 2 : 0;
}

static bool inside(const collab_box *in, const collab_box *b)
{
    return b->x >= in->x - 1e-9 && b->y >= in->y - 1e-9 && b->x + b->w <= in->x + in->w + 1e-9 &&
           b->y + b->h <= in->y + in->h + 1e-9;
}

/* An ego figure: the centre (size 46) and 24 people on a ring (sizes 1..8, three communities).
 * With legend_row the legend sits under the title, only as wide as its content; its size samples
 * leave the centre out (8 and nice_floor(8/4) = 2; nice_floor(8/16) = 0.5 is below the smallest
 * size, 1) and its heading states the centre's 46. With square_plot the page is 1000 wide, the
 * plot 952 square under the legend and the page as tall as that needs; the ring spans the plot
 * minus the centre's disc on each side. */
static void test_ego_legend_row(void **state)
{
    (void)state;
    enum { N = 25 };
    double x[N], y[N], size[N];
    uint32_t comm[N];
    uint8_t emphasis[N] = {1};
    const char *names[N];
    x[0] = y[0] = 0;
    size[0] = 46;
    comm[0] = 0;
    names[0] = "Centre";
    for (int i = 1; i < N; i++) {
        double a = 6.283185307179586 * (i - 1) / (N - 1);
        x[i] = cos(a);
        y[i] = sin(a);
        size[i] = 1 + (i - 1) % 8;
        comm[i] = (uint32_t)((i - 1) / 8);
        names[i] = "P";
    }
    collab_scene_input in;
    collab_scene_input_init(&in);
    in.n_nodes = N;
    in.x = x;
    in.y = y;
    in.size = size;
    in.size_label = "strength";
    in.community = comm;
    in.names = names;
    in.emphasis = emphasis;
    in.centre = 0;
    in.title = "Centre and collaborators";
    in.subtitle = "24 people";
    in.page_width = 1000;
    in.page_height = 700; /* replaced */
    in.legend_row = true;
    in.square_plot = true;
    in.measure = fake_measure;
    collab_scene s;
    assert_int_equal(collab_scene_build(&s, &in, NULL), COLLAB_OK);
    const collab_scene_legend *lg = &s.legend;
    assert_true(lg->present);
    assert_int_equal(lg->n_headings, 2);
    assert_string_equal(lg->headings[0].text, "Communities");
    assert_string_equal(lg->headings[1].text, "Size: strength \xc2\xb7 centre 46");
    assert_int_equal(lg->n_items, 5);
    assert_int_equal(lg->items[3].kind, COLLAB_LEGEND_SIZE);
    assert_float_equal(lg->items[3].value, 8, 0);
    assert_float_equal(lg->items[4].value, 2, 0);
    /* the box: under the subtitle, above the plot, narrower than the page, holding everything */
    assert_true(lg->box.y >= s.subtitle.box.y + s.subtitle.box.h);
    assert_true(lg->box.y + lg->box.h < s.plot.y);
    assert_float_equal(lg->box.x, 24, 1e-9);
    assert_true(lg->box.w < 952);
    for (size_t i = 0; i < lg->n_headings; i++) {
        assert_true(inside(&lg->box, &lg->headings[i].box));
    }
    for (size_t i = 0; i < lg->n_items; i++) {
        const collab_legend_item *it = &lg->items[i];
        assert_true(inside(&lg->box, &it->caption.box));
        collab_box mk = {it->marker.x - it->marker.radius, it->marker.y - it->marker.radius,
                         2 * it->marker.radius, 2 * it->marker.radius};
        assert_true(inside(&lg->box, &mk));
        /* the caption starts 4 after the marker column (10 wide, or the marker's diameter) */
        double column = fmax(10, 2 * lg->items[i].marker.radius);
        for (size_t j = 0; j < lg->n_items; j++) {
            if (section_of_kind(lg->items[j].kind) == section_of_kind(it->kind)) {
                column = fmax(column, 2 * lg->items[j].marker.radius);
            }
        }
        assert_float_equal(it->caption.box.x - (it->marker.x - column / 2), column + 4, 1e-3);
    }
    /* the size samples are drawn as the nodes of those sizes are */
    for (size_t v = 1; v < N; v++) {
        if (size[v] == 8) {
            assert_float_equal(lg->items[3].marker.radius, s.nodes[v].radius, 1e-9);
        }
    }
    /* square plot across the page, the page as tall as it needs, in whole points */
    assert_float_equal(s.plot.x, 24, 1e-9);
    assert_float_equal(s.plot.w, 952, 1e-9);
    assert_float_equal(s.plot.h, 952, 1e-9);
    assert_float_equal(s.height, ceil(s.plot.y + 952 + 24), 1e-9);
    assert_true(s.height - (s.plot.y + 952 + 24) < 1.0);
    /* the ring fills the plot minus the reach of the largest disc (the centre's) */
    double reach = s.nodes[0].radius + s.nodes[0].stroke_width / 2;
    double lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY, hi_y = -INFINITY;
    for (size_t v = 1; v < N; v++) {
        lo_x = fmin(lo_x, s.nodes[v].x);
        hi_x = fmax(hi_x, s.nodes[v].x);
        lo_y = fmin(lo_y, s.nodes[v].y);
        hi_y = fmax(hi_y, s.nodes[v].y);
    }
    assert_float_equal(hi_x - lo_x, 952 - 2 * reach, 1e-6);
    assert_float_equal(s.nodes[0].x, 24 + 476, 1e-6);
    assert_float_equal(s.nodes[0].y, s.plot.y + 476, 1e-6);
    assert_true(hi_y - lo_y > 0.99 * (952 - 2 * reach));
    check_geometry(&s);
    collab_scene_destroy(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_500),
        cmocka_unit_test(test_random_dense_dark_curved),
        cmocka_unit_test(test_max_labels_is_prefix),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_legend_communities),
        cmocka_unit_test(test_legend_long_tail),
        cmocka_unit_test(test_numeric_sizes_shapes),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_empty_and_single),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_allocation_failure),
        cmocka_unit_test(test_measure_calls_bounded),
        cmocka_unit_test(test_label_positions),
        cmocka_unit_test(test_leader_line),
        cmocka_unit_test(test_hub_cap),
        cmocka_unit_test(test_whole_name_captions),
        cmocka_unit_test(test_wrapped_titles),
        cmocka_unit_test(test_ego_legend_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
