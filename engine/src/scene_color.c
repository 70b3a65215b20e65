/* Colours: the qualitative palette for communities, the sequential one for numeric values, and
 * the choice of which communities deserve a colour.
 *
 * Communities are ranked by size (ties by number) so the same partition always gets the same
 * colours. The COLLAB_I_COLORED_ALWAYS largest are coloured whatever their size (so a graph of
 * few communities has all of them coloured), and beyond them every community holding at least
 * COLLAB_I_COLOR_SHARE of the nodes, while the palette lasts. Only the long tail shares the
 * theme's neutral grey, and the legend says how many nodes that is. */
#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scene_internal.h"

/* Okabe & Ito (2008), "Color Universal Design", first (maps keep their first seven colours),
 * then colours from Paul Tol's muted, bright and light schemes and Petroff's (2021) ten, each
 * added greedily as the one farthest (CIEDE2000) from those before it under normal vision and
 * simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009), leaving out greys and
 * colours too close to the page or the neutral grey. tests/data_check/palette_cvd.py recomputes
 * the distances: the first 12 stay at least 9.5 apart under all four, the 16 at least 6. */
static const unsigned palette[COLLAB_I_PALETTE_SIZE] = {
    0x0072b2, 0xe69f00, 0x009e73, 0xd55e00, 0x56b4e9, 0xcc79a7, 0xf0e442, 0x882255,
    0xbd1f01, 0x332288, 0x99ddff, 0xb9ac70, 0xaa3377, 0x3f90da, 0xa96b59, 0xaa4499};
/* Viridis (matplotlib) at t = 0, 0.1, ..., 1: perceptually uniform and colour-blind safe. */
static const unsigned viridis[11] = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
                                     0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};

static collab_rgba hex_color(unsigned hex)
{
    collab_rgba c = {((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1.0};
    return c;
}

static collab_rgba blend(collab_rgba a, collab_rgba b, double t)
{
    collab_rgba c = {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1.0};
    return c;
}

collab_rgba collab_i_palette(size_t index)
{
    return hex_color(palette[index % COLLAB_I_PALETTE_SIZE]);
}

collab_rgba collab_i_viridis_stop(size_t index)
{
    return hex_color(viridis[index < 10 ? index : 10]);
}

collab_rgba collab_i_viridis(double t)
{
    t = isfinite(t) ? fmin(fmax(t, 0), 1) : 0;
    double pos = t * 10;
    size_t i = (size_t)floor(pos);
    if (i >= 10) {
        return collab_i_viridis_stop(10);
    }
    return blend(collab_i_viridis_stop(i), collab_i_viridis_stop(i + 1), pos - (double)i);
}

typedef struct community_count {
    uint32_t community; /* community number */
    size_t members;     /* nodes in it */
} community_count;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a;
    uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Largest first, then by number: the palette goes to the same communities every time. */
static int cmp_count(const void *a, const void *b)
{
    const community_count *x = a;
    const community_count *y = b;
    if (x->members != y->members) {
        return x->members > y->members ? -1 : 1;
    }
    return (x->community > y->community) - (x->community < y->community);
}

/* Sorts node ids by their community (ties by id), for runs of one community. qsort has no
 * context argument in C11, so ids are sorted through packed (community, id) keys. */
static void sort_by_community(uint32_t *ids, size_t n, const uint32_t *community)
{
    uint64_t *keys = collab_alloc_array(n + 1, sizeof *keys);
    if (keys == NULL) {
        return; /* unsorted runs only split a community's count: colours stay valid */
    }
    for (size_t i = 0; i < n; i++) {
        keys[i] = ((uint64_t)community[ids[i]] << 32) | ids[i];
    }
    qsort(keys, n, sizeof *keys, cmp_u64);
    for (size_t i = 0; i < n; i++) {
        ids[i] = (uint32_t)keys[i];
    }
    collab_free(keys);
}

/* Ranks the communities and records which get a palette colour in `facts`. */
static collab_status rank_communities(const collab_scene_input *in, collab_i_scene_facts *facts,
                                      collab_error *err)
{
    size_t n = in->n_nodes;
    uint32_t *sorted = collab_alloc_array(n, sizeof *sorted);
    community_count *counts = collab_alloc_array(n, sizeof *counts);
    if (sorted == NULL || counts == NULL) {
        collab_free(sorted);
        collab_free(counts);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory ranking communities");
    }
    /* Sort node ids by community so that each community's members (or member weights) add up
     * in one run. */
    for (size_t i = 0; i < n; i++) {
        sorted[i] = (uint32_t)i;
    }
    sort_by_community(sorted, n, in->community);
    size_t n_distinct = 0;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = in->community[sorted[i]];
        if (c == COLLAB_NO_COMMUNITY) {
            break; /* nodes without a community sort last: grey, in no caption */
        }
        if (i == 0 || c != in->community[sorted[i - 1]]) {
            counts[n_distinct].community = c;
            counts[n_distinct++].members = 0;
        }
        size_t w = in->members != NULL ? in->members[sorted[i]] : 1;
        counts[n_distinct - 1].members += w;
        total += w;
    }
    qsort(counts, n_distinct, sizeof *counts, cmp_count);
    /* The long tail would spend colours on a few dots each, which the reader must then decode
     * for nothing; it shares the neutral grey. Classes such as roles are few and each means
     * something: every one the palette holds gets a colour. */
    size_t min_members = (size_t)ceil(COLLAB_I_COLOR_SHARE * (double)total);
    for (size_t k = 0; k < n_distinct && k < COLLAB_I_PALETTE_SIZE; k++) {
        if (k >= COLLAB_I_COLORED_ALWAYS && !in->every_category &&
            counts[k].members < min_members) {
            break;
        }
        facts->colored[k] = counts[k].community;
        facts->colored_members[k] = counts[k].members;
        facts->n_colored = k + 1;
    }
    facts->n_grey = n_distinct - facts->n_colored;
    for (size_t k = facts->n_colored; k < n_distinct; k++) {
        facts->grey_members += counts[k].members;
    }
    collab_free(sorted);
    collab_free(counts);
    return COLLAB_OK;
}

static collab_rgba community_color(const collab_i_scene_facts *facts, uint32_t community)
{
    for (size_t k = 0; k < facts->n_colored; k++) {
        if (facts->colored[k] == community) {
            return collab_i_palette(k);
        }
    }
    return facts->neutral;
}

static void color_numeric(collab_scene *s, const collab_scene_input *in,
                          collab_i_scene_facts *facts)
{
    for (size_t i = 0; i < in->n_nodes; i++) {
        double v = in->value[i];
        if (isfinite(v)) {
            facts->vmin = facts->has_values ? fmin(facts->vmin, v) : v;
            facts->vmax = facts->has_values ? fmax(facts->vmax, v) : v;
            facts->has_values = true;
        } else {
            facts->n_missing++;
        }
    }
    double span = facts->vmax - facts->vmin;
    for (size_t i = 0; i < in->n_nodes; i++) {
        double v = in->value[i];
        double t = span > 0 ? (v - facts->vmin) / span : 0.5;
        s->nodes[i].fill = isfinite(v) ? collab_i_viridis(t) : facts->neutral;
    }
}

collab_status collab_i_color_nodes(collab_scene *s, const collab_scene_input *in,
                                   collab_i_scene_facts *facts, collab_error *err)
{
    if (in->color_mode == COLLAB_COLOR_NUMERIC) {
        color_numeric(s, in, facts);
    } else if (in->community == NULL) {
        for (size_t i = 0; i < in->n_nodes; i++) {
            s->nodes[i].fill = collab_i_palette(0);
        }
    } else {
        collab_status st = rank_communities(in, facts, err);
        if (st != COLLAB_OK) {
            return st;
        }
        for (size_t i = 0; i < in->n_nodes; i++) {
            s->nodes[i].community = in->community[i];
            s->nodes[i].fill = community_color(facts, in->community[i]);
        }
    }
    for (size_t i = 0; i < in->n_nodes; i++) {
        s->nodes[i].stroke = s->background;
    }
    return COLLAB_OK;
}
