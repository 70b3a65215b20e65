/* Map quality measures on tiny hand-made scenes whose values are worked out by hand: label
 * overlaps, labels over labelled, large and small nodes, hidden nodes, neighbourhood
 * preservation, community separation and stress. */
#include "collab/map_quality.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static collab_scene_node node_at(double x, double y, double r, long label)
{
    collab_scene_node nd;
    memset(&nd, 0, sizeof nd);
    nd.x = x;
    nd.y = y;
    nd.radius = r;
    nd.label = label;
    nd.community = COLLAB_NO_COMMUNITY;
    return nd;
}

static collab_scene_label label_box(uint32_t node, double x, double y, double w, double h)
{
    collab_scene_label l;
    memset(&l, 0, sizeof l);
    l.node = node;
    l.t.box = (collab_box){x, y, w, h};
    return l;
}

/* Nine nodes and five labels 12 high:
 * - label 0 (of node 0) reaches node 1's disc, and node 1 is labelled: over a labelled node;
 * - label 1 (of node 1) reaches node 2's disc (radius 2, unlabelled): over a small node only;
 * - label 2 (of node 8) reaches node 3's disc (radius 20 > 12/2): over a large node;
 * - labels 3 and 4 (of nodes 6 and 7) overlap each other: one overlap;
 * - node 4's centre lies inside node 5, painted after it: hidden; node 6's centre is 5 from node
 *   7's (radius 4): their discs overlap but 6 is not hidden. */
static void test_label_counts(void **state)
{
    (void)state;
    collab_scene_node nodes[9] = {
        node_at(100, 100, 5, 0),   node_at(200, 100, 5, 1),  node_at(300, 100, 2, -1),
        node_at(400, 100, 20, -1), node_at(500, 100, 3, -1), node_at(500, 101, 6, -1),
        node_at(600, 100, 4, 3),   node_at(605, 100, 4, 4),  node_at(350, 50, 3, 2)};
    collab_scene_label labels[5] = {label_box(0, 110, 94, 90, 12), label_box(1, 210, 94, 90, 12),
                                    label_box(8, 360, 88, 40, 12), label_box(6, 590, 60, 30, 12),
                                    label_box(7, 600, 65, 30, 12)};
    uint32_t paint[9] = {2, 4, 6, 0, 1, 8, 7, 5, 3};
    collab_scene s;
    memset(&s, 0, sizeof s);
    s.n_nodes = 9;
    s.nodes = nodes;
    s.paint_order = paint;
    s.n_labels = 5;
    s.labels = labels;
    s.n_label_requests = 7;
    collab_scene_quality q;
    assert_int_equal(collab_map_quality_measure(&q, &s, 9, 0, NULL, NULL, NULL, 1, NULL),
                     COLLAB_OK);
    assert_int_equal(q.labels_placed, 5);
    assert_int_equal(q.labels_requested, 7);
    assert_int_equal(q.label_overlaps, 1);
    assert_int_equal(q.labels_over_large, 2);
    assert_int_equal(q.labels_over_small, 1);
    assert_int_equal(q.hidden_nodes, 1);
    assert_true(isnan(q.separation)); /* no communities */
    assert_true(isnan(q.stress));     /* no edges: no connected pair */
    assert_int_equal(q.specks_sharing, 0);
    /* painted the other way round, node 5 (radius 6) lies under node 4 (radius 3): a smaller
     * disc on top covers a quarter of it at most, so neither is hidden; node 7's disc lies under
     * node 6's, 5 apart with radius 4, so its centre is outside node 6's disc (the lens is 13.05
     * of 50.27) */
    uint32_t reversed[9] = {3, 5, 7, 8, 1, 0, 6, 4, 2};
    s.paint_order = reversed;
    assert_int_equal(collab_map_quality_measure(&q, &s, 9, 0, NULL, NULL, NULL, 1, NULL),
                     COLLAB_OK);
    assert_int_equal(q.hidden_nodes, 0);
}

/* Hidden nodes and specks sharing a spot, painted in id order (later ids on top):
 * - nodes 0 and 1, radius 4, 2 apart: the lens covers 2·16·acos(1/4) − √240 = 34.43 of node 0's
 *   50.27, more than half: node 0 hidden under a disc as large;
 * - nodes 2 and 3, radius 4, 4 apart: 2·16·acos(1/2) − 8·√3 = 19.65 of 50.27: not hidden;
 * - specks 4, 5, 6 (radius 0.75) at x = 100, 100.2, 100.4: 4 under 5 and 5 under 6 share a spot
 *   (0.2 apart: 1.47 of 1.77 covered), 6 is on top;
 * - speck 7 at (200, 0) under node 8 (radius 5) at (201, 0): hidden, not sharing;
 * - speck 9 at (300, 0) and speck 10 at (301.2, 0): 1.2 apart, 0.18 of 1.77 covered: neither. */
static void test_hidden_and_specks(void **state)
{
    (void)state;
    collab_scene_node nodes[11] = {
        node_at(0, 0, 4, -1),        node_at(2, 0, 4, -1),       node_at(50, 0, 4, -1),
        node_at(54, 0, 4, -1),       node_at(100, 0, 0.75, -1),  node_at(100.2, 0, 0.75, -1),
        node_at(100.4, 0, 0.75, -1), node_at(200, 0, 0.75, -1),  node_at(201, 0, 5, -1),
        node_at(300, 0, 0.75, -1),   node_at(301.2, 0, 0.75, -1)};
    uint32_t paint[11] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    collab_scene s;
    memset(&s, 0, sizeof s);
    s.n_nodes = 11;
    s.nodes = nodes;
    s.paint_order = paint;
    collab_scene_quality q;
    assert_int_equal(collab_map_quality_measure(&q, &s, 11, 0, NULL, NULL, NULL, 1, NULL),
                     COLLAB_OK);
    assert_int_equal(q.hidden_nodes, 2);   /* nodes 0 and 7 */
    assert_int_equal(q.specks_sharing, 2); /* specks 4 and 5 */
    /* speck 4 also under a large disc: hidden, no longer sharing */
    nodes[8] = node_at(100, 0, 5, -1);
    assert_int_equal(collab_map_quality_measure(&q, &s, 11, 0, NULL, NULL, NULL, 1, NULL),
                     COLLAB_OK);
    /* node 8 at (100, 0) covers specks 4, 5 and 6 whole; 7 is now alone */
    assert_int_equal(q.hidden_nodes, 4); /* 0, 4, 5, 6 */
    assert_int_equal(q.specks_sharing, 0);
}

/* Four nodes on a line, 10 apart, joined as the path 0-1-2-3. */
static void line_scene(collab_scene *s, collab_scene_node *nodes, uint32_t *paint, const double *x)
{
    memset(s, 0, sizeof *s);
    for (uint32_t i = 0; i < 4; i++) {
        nodes[i] = node_at(x[i], 0, 1, -1);
        paint[i] = i;
    }
    s->n_nodes = 4;
    s->nodes = nodes;
    s->paint_order = paint;
}

static void test_layout_measures(void **state)
{
    (void)state;
    const uint32_t from[3] = {0, 1, 2};
    const uint32_t to[3] = {1, 2, 3};
    const uint32_t comm[4] = {0, 0, 7, 7};
    const double even[4] = {0, 10, 20, 30};
    collab_scene_node nodes[4];
    uint32_t paint[4];
    collab_scene s;
    line_scene(&s, nodes, paint, even);
    collab_scene_quality q;
    assert_int_equal(collab_map_quality_measure(&q, &s, 4, 3, from, to, comm, 42, NULL), COLLAB_OK);
    /* the 3 nearest of each end include the far end, 3 steps away: (2/3 + 1 + 1 + 2/3) / 4 */
    assert_int_equal(q.neighbourhood_sample, 4);
    assert_float_equal(q.neighbourhood, 5.0 / 6.0, 1e-12);
    /* page distances proportional to hops: no stress; all 12 ordered pairs */
    assert_int_equal(q.stress_pairs, 12);
    assert_float_equal(q.stress, 0, 1e-12);
    /* within a community always 10 apart; between, 20, 30, 10 or 20 (mean 20): 1/2, sampled */
    assert_float_equal(q.separation, 0.5, 0.01);
    assert_int_equal(q.hidden_nodes, 0);
    /* the same seed gives the same sample */
    collab_scene_quality again;
    assert_int_equal(collab_map_quality_measure(&again, &s, 4, 3, from, to, comm, 42, NULL),
                     COLLAB_OK);
    assert_true(again.separation == q.separation);
    /* node 3 moved to 40: ratios page/hops 10, 10, 40/3 (from 0), 10, 10, 15 (from 1),
     * 10, 10, 20 (from 2), 40/3, 15, 20 (from 3); the best scale leaves stress 173/2382 */
    const double stretched[4] = {0, 10, 20, 40};
    line_scene(&s, nodes, paint, stretched);
    assert_int_equal(collab_map_quality_measure(&q, &s, 4, 3, from, to, comm, 42, NULL), COLLAB_OK);
    assert_float_equal(q.stress, 173.0 / 2382.0, 1e-12);
    /* one community only: no separation */
    const uint32_t one[4] = {3, 3, 3, 3};
    assert_int_equal(collab_map_quality_measure(&q, &s, 4, 3, from, to, one, 42, NULL), COLLAB_OK);
    assert_true(isnan(q.separation));
    /* more graph nodes than the scene has: a usage error */
    collab_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(collab_map_quality_measure(&q, &s, 5, 3, from, to, one, 42, &err),
                     COLLAB_E_USAGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_counts),
        cmocka_unit_test(test_hidden_and_specks),
        cmocka_unit_test(test_layout_measures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
