/* The path figure: every step's project on a card with its year and both roles, no card over
 * another card, a name or a disc, no line under any text, and a page that grows with the chain.
 * Text is measured by a fake measurer (0.55 em per character, 1.2 em high). */
#include "collab/alloc.h"
#include "collab/figure.h"
#include "collab/query.h"

#include <math.h>

#include "test_support.h"

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++) {
        n += ((unsigned char)*s & 0xc0) != 0x80;
    }
    return n;
}

static double fake_measure(void *ctx, const char *text, double font_size, double *height)
{
    (void)ctx;
    *height = 1.2 * font_size;
    return 0.55 * font_size * (double)utf8_chars(text);
}

/* A chain A - B - C - D through three projects, one with a long title. */
static const char *const chain_csv =
    "person,project,role,year\n"
    "Ana,An Extremely Long Film Title That Has To Wrap Over Several Lines Of The Card,director,"
    "1999\n"
    "Bruno,An Extremely Long Film Title That Has To Wrap Over Several Lines Of The Card,actor,"
    "1999\n"
    "Bruno,Second,producer,2004\n"
    "Carla,Second,singer,2004\n"
    "Carla,Third,composer,2010\n"
    "Dario,Third,lyricist,2010\n"
    "Carla,Fourth,composer,2011\n"
    "Dario,Fourth,arranger,2011\n";

static bool overlap(collab_box a, collab_box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static collab_box shrink(collab_box b, double by)
{
    collab_box s = {b.x + by, b.y + by, b.w - 2 * by, b.h - 2 * by};
    return s;
}

static collab_box disc_box(const collab_scene_node *nd)
{
    collab_box b = {nd->x - nd->radius, nd->y - nd->radius, 2 * nd->radius, 2 * nd->radius};
    return b;
}

/* Does segment p0-p1 pass through the inside of box b (Liang–Barsky clipping)? */
static bool segment_hits(double x0, double y0, double x1, double y1, collab_box b)
{
    double t0 = 0;
    double t1 = 1;
    double dx = x1 - x0;
    double dy = y1 - y0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {x0 - b.x, b.x + b.w - x0, y0 - b.y, b.y + b.h - y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0) {
                return false;
            }
            continue;
        }
        double r = q[i] / p[i];
        if (p[i] < 0) {
            t0 = fmax(t0, r);
        } else {
            t1 = fmin(t1, r);
        }
    }
    return t0 < t1;
}

static bool inside(collab_box in, collab_box out)
{
    return in.x >= out.x - 1e-9 && in.y >= out.y - 1e-9 && in.x + in.w <= out.x + out.w + 1e-9 &&
           in.y + in.h <= out.y + out.h + 1e-9;
}

/* The geometric rules every path figure keeps. */
static void check_geometry(const collab_scene *s)
{
    collab_box page = {0, 0, s->width, s->height};
    for (size_t i = 0; i < s->n_cards; i++) {
        const collab_scene_card *c = &s->cards[i];
        assert_true(c->n_lines > 0);
        assert_true(inside(c->box, page));
        for (size_t k = 0; k < c->n_lines; k++) {
            assert_true(inside(c->lines[k].box, c->box));
        }
        for (size_t j = i + 1; j < s->n_cards; j++) {
            assert_false(overlap(c->box, s->cards[j].box));
        }
        for (size_t l = 0; l < s->n_labels; l++) {
            assert_false(overlap(c->box, s->labels[l].t.box));
        }
        for (size_t v = 0; v < s->n_nodes; v++) {
            assert_false(overlap(c->box, disc_box(&s->nodes[v])));
        }
    }
    assert_int_equal(s->n_labels, s->n_nodes); /* every person named */
    for (size_t l = 0; l < s->n_labels; l++) {
        assert_true(inside(s->labels[l].t.box, page));
        for (size_t m = l + 1; m < s->n_labels; m++) {
            assert_false(overlap(s->labels[l].t.box, s->labels[m].t.box));
        }
        for (size_t v = 0; v < s->n_nodes; v++) {
            assert_false(overlap(s->labels[l].t.box, disc_box(&s->nodes[v])));
        }
    }
    /* No line passes through a name or a card (lines end on a card's side: shrink by 0.01). */
    for (size_t e = 0; e < s->n_edges; e++) {
        const collab_scene_edge *ed = &s->edges[e];
        for (size_t l = 0; l < s->n_labels; l++) {
            assert_false(segment_hits(ed->x0, ed->y0, ed->x1, ed->y1, s->labels[l].t.box));
        }
        for (size_t i = 0; i < s->n_cards; i++) {
            assert_false(
                segment_hits(ed->x0, ed->y0, ed->x1, ed->y1, shrink(s->cards[i].box, 0.01)));
        }
    }
}

static void figure_of(collab_scene *s, const collab_graph *g, const collab_edgelist *list,
                      const char *a, const char *b, size_t max_paths, size_t *length)
{
    collab_error err = {0};
    uint32_t va = 0;
    uint32_t vb = 0;
    assert_int_equal(collab_query_find(g, a, &va, &err), COLLAB_OK);
    assert_int_equal(collab_query_find(g, b, &vb, &err), COLLAB_OK);
    uint32_t *paths = NULL;
    size_t n_paths = 0;
    double total = 0;
    assert_int_equal(collab_query_paths(g, va, vb, UINT32_MAX, max_paths, &paths, &n_paths, length,
                                        &total, &err),
                     COLLAB_OK);
    collab_figure_style style = {COLLAB_THEME_LIGHT, "From A to B", "distance", fake_measure, NULL};
    assert_int_equal(collab_path_figure_build(s, g, list, paths, n_paths, *length, &style, &err),
                     COLLAB_OK);
    collab_free(paths);
}

/* The text of card `c`, its lines joined by '|'. */
static void card_text(const collab_scene_card *c, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t k = 0; k < c->n_lines; k++) {
        strncat(buf, c->lines[k].text, size - strlen(buf) - 2);
        strncat(buf, "|", size - strlen(buf) - 1);
    }
}

static void test_chain_cards_labelled(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, chain_csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_scene s;
    size_t length = 0;
    figure_of(&s, &g, &list, "Ana", "Dario", 1, &length);
    assert_int_equal(length, 3);
    assert_int_equal(s.n_nodes, 4);
    assert_int_equal(s.n_cards, 3);
    char text[1024];
    card_text(&s.cards[0], text, sizeof text);
    /* the long title wraps at spaces into several lines, nothing cut, year at its end */
    assert_true(s.cards[0].n_lines >= 4);
    assert_non_null(strstr(text, "An Extremely Long Film"));
    /* the title's lines, joined with spaces, give the whole title and year */
    char joined[512] = "";
    for (size_t k = 0; k + 2 < s.cards[0].n_lines; k++) {
        strcat(joined, k > 0 ? " " : "");
        strcat(joined, s.cards[0].lines[k].text);
    }
    assert_string_equal(joined, "An Extremely Long Film Title That Has To Wrap Over Several "
                                "Lines Of The Card (1999)");
    assert_null(strstr(text, "\xe2\x80\xa6")); /* no ellipsis */
    assert_non_null(strstr(text, "|Ana: director|Bruno: actor|"));
    card_text(&s.cards[1], text, sizeof text);
    assert_string_equal(text, "Second (2004)|Bruno: producer|Carla: singer|");
    card_text(&s.cards[2], text, sizeof text);
    assert_string_equal(text, "Third (2010)|Carla: composer|Dario: lyricist|"
                              "+ 1 more shared project|");
    /* cards sit between their people, left to right */
    for (size_t i = 0; i < s.n_cards; i++) {
        const collab_scene_card *c = &s.cards[i];
        assert_true(s.nodes[c->from].x < c->box.x);
        assert_true(c->box.x + c->box.w < s.nodes[c->to].x);
    }
    /* one chain: one row, every joining line horizontal */
    for (size_t e = 0; e < s.n_edges; e++) {
        assert_true(fabs(s.edges[e].y0 - s.edges[e].y1) < 1e-9);
    }
    assert_true(s.nodes[0].stroke_width > s.nodes[1].stroke_width); /* the ends stand out */
    check_geometry(&s);
    /* A shorter chain of the same file: a smaller page. */
    collab_scene small;
    figure_of(&small, &g, &list, "Bruno", "Carla", 1, &length);
    assert_int_equal(length, 1);
    assert_int_equal(small.n_cards, 1);
    check_geometry(&small);
    assert_true(small.width < s.width - 200);
    collab_scene_destroy(&small);
    collab_scene_destroy(&s);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* Two chains A-B-D and A-C-D: B and C share a column, four cards, none overlapping. */
static void test_all_chains_columns(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list,
               "person,project,role\nA,P1,x\nB,P1,y\nA,P2,x\nC,P2,y\nB,P3,y\nD,P3,z\n"
               "C,P4,y\nD,P4,z\n",
               COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_scene s;
    size_t length = 0;
    figure_of(&s, &g, &list, "A", "D", 20, &length);
    assert_int_equal(length, 2);
    assert_int_equal(s.n_nodes, 4);
    assert_int_equal(s.n_cards, 4);
    /* people in order of first appearance: A, B, D, C */
    assert_string_equal(s.nodes[3].name, "C");
    assert_true(fabs(s.nodes[1].x - s.nodes[3].x) < 1e-9);
    assert_true(s.nodes[0].x < s.nodes[1].x && s.nodes[1].x < s.nodes[2].x);
    check_geometry(&s);
    /* taller than the single chain of the same graph */
    collab_scene one;
    figure_of(&one, &g, &list, "A", "D", 1, &length);
    assert_int_equal(one.n_cards, 2);
    assert_true(s.height > one.height + 40);
    collab_scene_destroy(&one);
    collab_scene_destroy(&s);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* Without projects: people and the weights of their ties. */
static void test_edge_list_weights(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "source,target,weight\nu,v,3\nv,w,1.5\n", COLLAB_VIEW_DEFAULT,
               COLLAB_WEIGHT_COUNT);
    collab_scene s;
    size_t length = 0;
    figure_of(&s, &g, &list, "u", "w", 1, &length);
    assert_int_equal(length, 2);
    assert_int_equal(s.n_cards, 2);
    char text[256];
    card_text(&s.cards[0], text, sizeof text);
    assert_string_equal(text, "weight 3|");
    card_text(&s.cards[1], text, sizeof text);
    assert_string_equal(text, "weight 1.5|");
    check_geometry(&s);
    collab_scene_destroy(&s);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* Kept bipartite: the chain runs through project vertices (drawn as squares); each card says the
 * person's credit on the project (role and year) and how many more rows link the two. */
static void test_bipartite_credit_cards(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list,
               "person,project,role,year\nAna,Film,director,1999\nAna,Film,writer,1999\n"
               "Bruno,Film,actor,2001\n",
               COLLAB_VIEW_BIPARTITE, COLLAB_WEIGHT_COUNT);
    collab_scene s;
    size_t length = 0;
    figure_of(&s, &g, &list, "Ana", "Bruno", 1, &length);
    assert_int_equal(length, 2);
    assert_int_equal(s.n_nodes, 3);
    assert_string_equal(s.nodes[1].name, "Film");
    assert_int_equal(s.nodes[1].shape, COLLAB_MARK_ROUNDED_SQUARE);
    assert_int_equal(s.nodes[0].shape, COLLAB_MARK_CIRCLE);
    char text[256];
    card_text(&s.cards[0], text, sizeof text);
    assert_string_equal(text, "Ana: director (1999)|+ 1 more credit|");
    card_text(&s.cards[1], text, sizeof text);
    assert_string_equal(text, "Bruno: actor (2001)|");
    check_geometry(&s);
    collab_scene_destroy(&s);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

/* A long chain would make a strip many times wider than tall: it is drawn top to bottom, one
 * line straight down through the discs and cards, names right of the discs. */
static void test_long_chain_top_to_bottom(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    char csv[2048] = "person,project,role,year\n";
    for (int i = 0; i < 7; i++) {
        char row[256];
        snprintf(row, sizeof row,
                 "Person %d,The Rather Long Title Of Film Number %d,actor,%d\n"
                 "Person %d,The Rather Long Title Of Film Number %d,actor,%d\n",
                 i, i, 2000 + i, i + 1, i, 2000 + i);
        strcat(csv, row);
    }
    build_text(&g, &list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_scene s;
    size_t length = 0;
    figure_of(&s, &g, &list, "Person 0", "Person 7", 1, &length);
    assert_int_equal(length, 7);
    assert_int_equal(s.n_cards, 7);
    assert_true(s.height > 2 * s.width);
    for (size_t v = 1; v < s.n_nodes; v++) {
        assert_true(fabs(s.nodes[v].x - s.nodes[0].x) < 1e-9);
        assert_true(s.nodes[v].y > s.nodes[v - 1].y);
        assert_true(s.labels[v].t.box.x > s.nodes[v].x + s.nodes[v].radius);
    }
    for (size_t e = 0; e < s.n_edges; e++) {
        assert_true(fabs(s.edges[e].x0 - s.edges[e].x1) < 1e-9);
    }
    check_geometry(&s);
    collab_scene_destroy(&s);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_cards_labelled),
        cmocka_unit_test(test_all_chains_columns),
        cmocka_unit_test(test_edge_list_weights),
        cmocka_unit_test(test_bipartite_credit_cards),
        cmocka_unit_test(test_long_chain_top_to_bottom),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
