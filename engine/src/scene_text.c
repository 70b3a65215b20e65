/* Text boxes of the scene: names cut to a number of user-perceived characters (grapheme
 * clusters, so an accent or an emoji is never split) and to a width, with an ellipsis, measured
 * by the scene's measurer; lists of names (community captions) keep whole names. */
#include "collab/alloc.h"
#include "collab/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "scene_internal.h"

#define ELLIPSIS "\xe2\x80\xa6"

size_t collab_i_grapheme_prefix(const char *s, size_t len, size_t max_chars, bool *more)
{
    utf8proc_int32_t prev = -1;
    utf8proc_int32_t state = 0;
    size_t clusters = 0;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            break;
        }
        if (prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            if (clusters == max_chars) {
                *more = true;
                return i;
            }
            clusters++;
        }
        prev = cp;
        i += (size_t)n;
    }
    *more = false;
    return i;
}

char *collab_i_clean_text(const char *text, size_t max_chars)
{
    size_t len = text != NULL ? strlen(text) : 0;
    len = collab_text_invalid_utf8(text, len);
    bool more = false;
    size_t keep = collab_i_grapheme_prefix(text, len, max_chars, &more);
    if (more) {
        keep = collab_i_grapheme_prefix(text, len, max_chars > 0 ? max_chars - 1 : 0, &more);
        while (keep > 0 && text[keep - 1] == ' ') {
            keep--;
        }
        more = true;
    }
    char *out = collab_malloc(keep + (more ? sizeof ELLIPSIS : 1));
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)text[i];
        out[i] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
    }
    out[keep] = '\0';
    if (more) {
        memcpy(out + keep, ELLIPSIS, sizeof ELLIPSIS);
    }
    return out;
}

static size_t count_graphemes(const char *s)
{
    utf8proc_int32_t prev = -1;
    utf8proc_int32_t state = 0;
    size_t clusters = 0;
    utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s);
    utf8proc_ssize_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, len - i, &cp);
        if (n <= 0) {
            break;
        }
        clusters += prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state);
        prev = cp;
        i += n;
    }
    return clusters;
}

/* Cuts `*text` (already clean) with '…' to the most characters that fit in `max_width`. */
static collab_status fit_width(char **text, double font, double max_width,
                               const collab_scene_input *in, double *w, double *h)
{
    size_t n = count_graphemes(*text);
    size_t lo = 0; /* kept characters before '…' known to fit (0: just the ellipsis) */
    size_t hi = n; /* kept characters known not to fit */
    char *best = collab_i_clean_text(*text, 1);
    if (best == NULL) {
        return COLLAB_E_NOMEM;
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        char *cand = collab_i_clean_text(*text, mid + 1);
        if (cand == NULL) {
            collab_free(best);
            return COLLAB_E_NOMEM;
        }
        if (in->measure(in->measure_ctx, cand, font, h) <= max_width) {
            lo = mid;
            collab_free(best);
            best = cand;
        } else {
            hi = mid;
            collab_free(cand);
        }
    }
    *w = in->measure(in->measure_ctx, best, font, h);
    collab_free(*text);
    *text = best;
    return COLLAB_OK;
}

collab_status collab_i_text_init(collab_scene_text *t, const char *text, size_t max_chars,
                                 double font, collab_rgba color, double max_width,
                                 const collab_scene_input *in, collab_error *err)
{
    memset(t, 0, sizeof *t);
    char *s = collab_i_clean_text(text, max_chars);
    if (s == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for a text");
    }
    double h = 0;
    double w = in->measure(in->measure_ctx, s, font, &h);
    if (w > max_width && fit_width(&s, font, max_width, in, &w, &h) != COLLAB_OK) {
        collab_free(s);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for a text");
    }
    double pad = COLLAB_I_TEXT_PAD * font;
    t->text = s;
    t->font_size = font;
    t->color = color;
    t->box.w = fmax(w, 0) + 2 * pad;
    t->box.h = fmax(h, 0) + 2 * pad;
    collab_i_text_move(t, 0, 0);
    return COLLAB_OK;
}

/* Does clean `text` fit in `max_chars` characters and `max_width` at `font`? */
static bool fits(const char *text, size_t max_chars, double font, double max_width,
                 const collab_scene_input *in)
{
    double h = 0;
    return count_graphemes(text) <= max_chars &&
           (!isfinite(max_width) || in->measure(in->measure_ctx, text, font, &h) <= max_width);
}

collab_status collab_i_list_text_init(collab_scene_text *t, const char *text, size_t max_chars,
                                      double font, collab_rgba color, double max_width,
                                      const collab_scene_input *in, collab_error *err)
{
    char *clean = collab_i_clean_text(text, SIZE_MAX);
    if (clean == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for a text");
    }
    size_t names = 1;
    for (const char *p = strstr(clean, ", "); p != NULL; p = strstr(p + 2, ", ")) {
        names++;
    }
    if (names < 2 || fits(clean, max_chars, font, max_width, in)) {
        collab_free(clean);
        return collab_i_text_init(t, text, max_chars, font, color, max_width, in, err);
    }
    size_t len = strlen(clean);
    char *cand = collab_malloc(len + 32);
    if (cand == NULL) {
        collab_free(clean);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory for a text");
    }
    /* the most whole names that fit with " +k" for the k left out; the first name alone (cut)
     * when none does */
    size_t kept = names - 1;
    for (; kept >= 1; kept--) {
        const char *end = clean;
        for (size_t i = 0; i < kept; i++) {
            end = strstr(i == 0 ? clean : end + 2, ", ");
        }
        size_t at = (size_t)(end - clean);
        memcpy(cand, clean, at);
        snprintf(cand + at, 32, " +%zu", names - kept);
        if (fits(cand, max_chars, font, max_width, in) || kept == 1) {
            break;
        }
    }
    collab_status st = collab_i_text_init(t, cand, max_chars, font, color, max_width, in, err);
    collab_free(cand);
    collab_free(clean);
    return st;
}

void collab_i_text_move(collab_scene_text *t, double x, double y)
{
    double pad = COLLAB_I_TEXT_PAD * t->font_size;
    t->box.x = x;
    t->box.y = y;
    t->x = x + pad;
    t->y = y + pad;
}

void collab_i_text_free(collab_scene_text *t)
{
    if (t != NULL) {
        collab_free(t->text);
        t->text = NULL;
    }
}

/* A uniform grid over the page; each cell lists the boxes touching it. */
