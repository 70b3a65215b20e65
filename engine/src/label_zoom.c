/* Label thresholds of the interactive map (VOSviewer's rule): the heaviest label first, and each
 * label appears at the zoom where its box stops colliding with every heavier label visible there;
 * once shown it stays. Boxes are bucketed by threshold and looked up through a spatial hash. */
#include "collab/alloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* Label threshold buckets: labels appearing between LT_MIN·2^k and LT_MIN·2^(k+1). */
#define LT_LEVELS 12

/* The zoom from which boxes i and j (centred at their nodes, half sizes in pixels) no longer
 * overlap: positions grow with the zoom, boxes do not. INFINITY when they share a position. */
static double separation(const collab_i_label_box *a, const collab_i_label_box *b)
{
    double dx = fabs(a->x - b->x);
    double dy = fabs(a->y - b->y);
    double sx = dx > 0 ? (a->half_w + b->half_w) / dx : INFINITY;
    double sy = dy > 0 ? (a->half_h + b->half_h) / dy : INFINITY;
    return sx < sy ? sx : sy;
}

static uint32_t cell_hash(long cx, long cy, uint32_t mask)
{
    uint64_t h = (uint64_t)cx * 0x9e3779b97f4a7c15ull ^ (uint64_t)cy * 0xc2b2ae3d27d4eb4full;
    h ^= h >> 29;
    return (uint32_t)h & mask;
}

/* Rounds a threshold up to the next thousandth (the page stores thousandths), INFINITY above
 * `max`. Rounding up only delays a label, so the stored thresholds keep the guarantee. */
static double quantise_up(double t, double max)
{
    if (!(t <= max)) {
        return INFINITY;
    }
    return ceil(t * 1000.0 - 1e-9) / 1000.0;
}

collab_status collab_i_label_thresholds(const collab_i_label_box *box, size_t n, double min,
                                        double max, double *threshold, collab_error *err)
{
    if (n == 0) {
        return COLLAB_OK;
    }
    double max_hw = 0, max_hh = 0;
    for (size_t i = 0; i < n; i++) {
        max_hw = fmax(max_hw, box[i].half_w);
        max_hh = fmax(max_hh, box[i].half_h);
    }
    size_t buckets = 16;
    while (buckets < 2 * n && buckets < ((size_t)1 << 30)) {
        buckets <<= 1;
    }
    uint32_t mask = (uint32_t)(buckets - 1);
    uint32_t *head = collab_alloc_array(buckets * LT_LEVELS, sizeof *head);
    uint32_t *next = collab_alloc_array(n, sizeof *next);
    if (head == NULL || next == NULL) {
        collab_free(head);
        collab_free(next);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory placing the map's labels");
    }
    memset(head, 0xff, buckets * LT_LEVELS * sizeof *head);
    /* Level k holds the labels shown from a zoom in [min·2^k, min·2^(k+1)); such a label i can
     * only hide a lighter j whose boxes still overlap at zoom t_i >= min·2^k, so j lies within
     * (half_w_i + half_w_j) / (min·2^k) of it: within one cell of the level's grid. */
    for (size_t j = 0; j < n; j++) {
        double t = min;
        if (!(box[j].half_w > 0 && box[j].half_h > 0)) {
            threshold[j] = INFINITY; /* no label */
            continue;
        }
        for (int k = 0; k < LT_LEVELS && isfinite(t); k++) {
            double zoom = min * ldexp(1.0, k);
            double cw = 2 * max_hw / zoom;
            double ch = 2 * max_hh / zoom;
            long cx = lround(floor(box[j].x / cw));
            long cy = lround(floor(box[j].y / ch));
            for (long gx = cx - 1; gx <= cx + 1 && isfinite(t); gx++) {
                for (long gy = cy - 1; gy <= cy + 1 && isfinite(t); gy++) {
                    uint32_t b = (uint32_t)k * (uint32_t)buckets + cell_hash(gx, gy, mask);
                    for (uint32_t i = head[b]; i != UINT32_MAX; i = next[i]) {
                        double s = separation(&box[i], &box[j]);
                        if (s > threshold[i] && s > t) {
                            t = s;
                        }
                    }
                }
            }
        }
        threshold[j] = quantise_up(t, max);
        if (isfinite(threshold[j])) {
            int k = (int)floor(log2(threshold[j] / min));
            k = k < 0 ? 0 : k >= LT_LEVELS ? LT_LEVELS - 1 : k;
            double zoom = min * ldexp(1.0, k);
            long cx = lround(floor(box[j].x / (2 * max_hw / zoom)));
            long cy = lround(floor(box[j].y / (2 * max_hh / zoom)));
            uint32_t b = (uint32_t)k * (uint32_t)buckets + cell_hash(cx, cy, mask);
            next[j] = head[b];
            head[b] = (uint32_t)j;
        }
    }
    collab_free(head);
    collab_free(next);
    return COLLAB_OK;
}

