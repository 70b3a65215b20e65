/* The interactive map's label thresholds (collab_i_label_thresholds), on cases computed by hand:
 * boxes are centred on their nodes and keep their pixel size while positions scale with the
 * zoom z, so boxes i and j stop overlapping from z = min((hw_i + hw_j) / |dx|, (hh_i + hh_j) /
 * |dy|); a label shows from the largest such zoom among heavier labels that are already shown
 * there, and at least from `min`. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "report_internal.h"

static void thresholds_by_hand(void **state)
{
    (void)state;
    collab_i_label_box box[] = {
        {0, 0, 10, 5},     /* A, heaviest: shows from the minimum zoom */
        {10, 0, 10, 5},    /* B: apart from A from (10 + 10) / 10 = 2 */
        {0, 4, 10, 5},     /* C: from A at (5 + 5) / 4 = 2.5; from B at min(2, 2.5) = 2, no later
                              than B shows, so B does not delay it */
        {100, 100, 10, 5}, /* D: apart from everyone from below the minimum */
        {0, 0, 10, 5},     /* E: on top of A: never */
        {50, 50, 0, 0},    /* F: no label */
        {30, 60, 10, 5},   /* G: apart from A, B and C below the minimum (C: min(20 / 30,
                              10 / 56) = 0.18); from D at min(20 / 70, 10 / 40) = 0.25, no
                              later than D shows: from the minimum */
    };
    double t[7];
    collab_error err = {0};
    assert_int_equal(collab_i_label_thresholds(box, 7, 0.25, 64, t, &err), COLLAB_OK);
    assert_true(t[0] == 0.25);
    assert_true(t[1] == 2.0);
    assert_true(t[2] == 2.5);
    assert_true(t[3] == 0.25);
    assert_true(isinf(t[4]));
    assert_true(isinf(t[5]));
    assert_true(t[6] == 0.25);
}

static void thresholds_round_up_and_cap(void **state)
{
    (void)state;
    /* 20 / 30 = 0.6666... is stored as 0.667, never below the exact zoom; the second pair
     * separates only at 20 / 0.1 = 200, beyond the maximum: never shown. */
    collab_i_label_box box[] = {{0, 0, 10, 5}, {30, 0, 10, 5}, {0, 0.1, 10, 5}};
    double t[3];
    assert_int_equal(collab_i_label_thresholds(box, 3, 0.25, 64, t, NULL), COLLAB_OK);
    assert_true(t[0] == 0.25);
    assert_true(fabs(t[1] - 0.667) < 1e-12);
    assert_true(t[1] * 30 >= 20);
    assert_true(isinf(t[2]));
}

/* Brute force on 60 scattered labels: at zooms sampled densely, no two shown labels overlap. */
static void thresholds_never_overlap(void **state)
{
    (void)state;
    enum { N = 60 };
    collab_i_label_box box[N];
    uint32_t seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        box[i].x = (double)(seed >> 16 & 1023) / 4;
        seed = seed * 1103515245u + 12345u;
        box[i].y = (double)(seed >> 16 & 1023) / 4;
        box[i].half_w = 10 + i % 7 * 5;
        box[i].half_h = 6;
    }
    double t[N];
    assert_int_equal(collab_i_label_thresholds(box, N, 0.25, 64, t, NULL), COLLAB_OK);
    for (double z = 0.25; z <= 64; z *= 1.013) {
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                if (t[i] <= z && t[j] <= z) {
                    bool overlap = fabs(box[i].x - box[j].x) * z < box[i].half_w + box[j].half_w &&
                                   fabs(box[i].y - box[j].y) * z < box[i].half_h + box[j].half_h;
                    assert_false(overlap);
                }
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(thresholds_by_hand),
        cmocka_unit_test(thresholds_round_up_and_cap),
        cmocka_unit_test(thresholds_never_overlap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
