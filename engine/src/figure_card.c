/* The cards of the path figure (figure_path.c): for each step of a chain, the project the two
 * people share (picked for having both roles and a year), its year and each one's role, wrapped
 * at spaces to a card's width. */
#include "collab/alloc.h"
#include "collab/query.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figure_internal.h"
#include "scene_internal.h"

#define CARD_TITLE  11.0  /* a card's project title */
#define CARD_TEXT   9.5   /* a card's other lines */
#define CARD_WIDTH  230.0 /* widest card line before a title or role wraps at a space */
#define LINKS_ASKED 16    /* shared projects looked at to pick the card's */

static collab_status add_line(const collab_i_card_context *b, collab_scene_card *c, size_t *cap,
                              const char *text, double font, collab_rgba color, collab_error *err)
{
    if (!collab_grow_array((void **)&c->lines, cap, c->n_lines + 1, sizeof *c->lines)) {
        return collab_error_nomem(err, "drawing the chains");
    }
    collab_status st = collab_i_text_init(&c->lines[c->n_lines], text, SIZE_MAX, font, color,
                                          INFINITY, b->in, err);
    if (st == COLLAB_OK) {
        c->n_lines++;
    }
    return st;
}

/* Adds `text` as lines no wider than CARD_WIDTH where it has spaces to break at (a longer word
 * keeps its own line: nothing is cut). */
static collab_status add_wrapped(const collab_i_card_context *b, collab_scene_card *c, size_t *cap,
                                 const char *text, double font, collab_rgba color,
                                 collab_error *err)
{
    size_t len = strlen(text);
    char *buf = collab_malloc(len + 1);
    if (buf == NULL) {
        return collab_error_nomem(err, "drawing the chains");
    }
    collab_status st = COLLAB_OK;
    size_t start = 0;
    while (st == COLLAB_OK && start < len) {
        /* the longest run of whole words from `start` that fits, at least one word */
        size_t end = start;
        size_t best = 0;
        while (end < len) {
            size_t next = end;
            while (next < len && text[next] == ' ') {
                next++;
            }
            while (next < len && text[next] != ' ') {
                next++;
            }
            memcpy(buf, text + start, next - start);
            buf[next - start] = '\0';
            double h = 0;
            if (best > 0 && b->in->measure(b->in->measure_ctx, buf, font, &h) > CARD_WIDTH) {
                break;
            }
            best = next;
            end = next;
        }
        memcpy(buf, text + start, best - start);
        buf[best - start] = '\0';
        st = add_line(b, c, cap, buf, font, color, err);
        start = best;
        while (start < len && text[start] == ' ') {
            start++;
        }
    }
    collab_free(buf);
    return st;
}

/* The shared project shown: the first with both roles and a year, else with both roles, else the
 * first. */
static size_t pick_link(const collab_link *links, size_t n)
{
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < n; k++) {
            bool roles = links[k].role_a != COLLAB_NO_ID && links[k].role_b != COLLAB_NO_ID;
            if (roles && (pass == 1 || links[k].year != 0)) {
                return k;
            }
        }
    }
    return 0;
}

static const char *role_name(const collab_edgelist *list, uint32_t role)
{
    return role != COLLAB_NO_ID ? collab_names_get(&list->roles, role) : "credited";
}

/* Bipartite view: the card between person `p` and project `q` says the person's credit on it
 * ("Name: role (year)", the first row of the two) and how many more rows link them; false when no
 * kept row does. */
static collab_status credit_card(const collab_i_card_context *b, collab_scene_card *c, size_t *cap,
                                 uint32_t p, uint32_t q, bool *done, collab_error *err)
{
    const collab_graph *g = b->g;
    const collab_edgelist *list = b->list;
    size_t first = SIZE_MAX;
    size_t n = 0;
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept[r] && list->a[r] == g->origin[p] && list->b[r] == g->origin[q]) {
            first = n++ == 0 ? r : first;
        }
    }
    *done = n > 0;
    if (n == 0) {
        return COLLAB_OK;
    }
    const char *name = collab_graph_name(g, p);
    const char *role = list->role != NULL ? role_name(list, list->role[first]) : "credited";
    size_t need = strlen(name) + strlen(role) + 16;
    char *text = collab_malloc(need);
    if (text == NULL) {
        return collab_error_nomem(err, "drawing the chains");
    }
    int year = list->year != NULL ? list->year[first] : 0;
    if (year != 0) {
        snprintf(text, need, "%s: %s (%d)", name, role, year);
    } else {
        snprintf(text, need, "%s: %s", name, role);
    }
    collab_status st = add_wrapped(b, c, cap, text, CARD_TEXT, b->muted, err);
    collab_free(text);
    if (st == COLLAB_OK && n > 1) {
        char small[64];
        snprintf(small, sizeof small, "+ %zu more credit%s", n - 1, n == 2 ? "" : "s");
        st = add_line(b, c, cap, small, CARD_TEXT, b->muted, err);
    }
    return st;
}

collab_status collab_i_card_fill(const collab_i_card_context *b, collab_scene_card *c, size_t *cap,
                                 uint32_t u, uint32_t v, collab_error *err)
{
    const collab_graph *g = b->g;
    if (g->shape == COLLAB_SHAPE_CREDITS && g->view == COLLAB_VIEW_BIPARTITE &&
        g->is_project != NULL && g->origin != NULL && g->row_kept != NULL &&
        g->is_project[u] != g->is_project[v]) {
        bool done = false;
        collab_status st = g->is_project[u] ? credit_card(b, c, cap, v, u, &done, err)
                                            : credit_card(b, c, cap, u, v, &done, err);
        if (st != COLLAB_OK || done) {
            return st;
        }
    }
    collab_link links[LINKS_ASKED];
    size_t n = 0;
    collab_status st = COLLAB_OK;
    if (g->shape == COLLAB_SHAPE_CREDITS && g->view == COLLAB_VIEW_PEOPLE) {
        st = collab_query_links(g, b->list, u, v, links, LINKS_ASKED, &n, err);
    }
    if (st != COLLAB_OK) {
        return st;
    }
    char small[96];
    if (n == 0) {
        snprintf(small, sizeof small, "weight %g", collab_graph_edge_weight(g, u, v));
        return add_line(b, c, cap, small, CARD_TEXT, b->muted, err);
    }
    const collab_link *l = &links[pick_link(links, n < LINKS_ASKED ? n : LINKS_ASKED)];
    const char *title = collab_names_get(&b->list->names_b, l->project);
    const char *pair[2][2] = {{collab_graph_name(g, u), role_name(b->list, l->role_a)},
                              {collab_graph_name(g, v), role_name(b->list, l->role_b)}};
    size_t need = strlen(title) + 32;
    for (size_t k = 0; k < 2; k++) {
        need = fmax(need, strlen(pair[k][0]) + strlen(pair[k][1]) + 8);
    }
    char *text = collab_malloc(need);
    if (text == NULL) {
        return collab_error_nomem(err, "drawing the chains");
    }
    if (l->year != 0) {
        snprintf(text, need, "%s (%d)", title, l->year);
    } else {
        snprintf(text, need, "%s", title);
    }
    st = add_wrapped(b, c, cap, text, CARD_TITLE, b->foreground, err);
    for (size_t k = 0; st == COLLAB_OK && k < 2; k++) {
        snprintf(text, need, "%s: %s", pair[k][0], pair[k][1]);
        st = add_wrapped(b, c, cap, text, CARD_TEXT, b->muted, err);
    }
    collab_free(text);
    if (st == COLLAB_OK && n > 1) {
        snprintf(small, sizeof small, "+ %zu more shared project%s", n - 1, n == 2 ? "" : "s");
        st = add_line(b, c, cap, small, CARD_TEXT, b->muted, err);
    }
    return st;
}
