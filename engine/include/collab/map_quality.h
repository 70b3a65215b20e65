/* How readable and faithful a drawn map is: label collisions, hidden nodes and how well the page
 * keeps the graph's neighbourhoods, communities and distances (issue 19's measures).
 *
 * Computed from a built scene and the drawn graph's edges, with no igraph, so it can be tested on
 * hand-made scenes. The three layout measures are sampled with a fixed seed: the same scene and
 * seed give the same numbers. */
#ifndef COLLAB_MAP_QUALITY_H
#define COLLAB_MAP_QUALITY_H

#include "collab/error.h"
#include "collab/scene.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Nodes the neighbourhood preservation is averaged over at most (all when fewer). */
#define COLLAB_QUALITY_NEIGHBOUR_SAMPLE 1000
/* Nearest nodes on the page compared with the graph neighbourhood. */
#define COLLAB_QUALITY_NEAREST 10
/* Pairs sampled within and between communities for the separation. */
#define COLLAB_QUALITY_PAIRS 20000
/* Communities the separation looks at: the largest ones. */
#define COLLAB_QUALITY_COMMUNITIES 10
/* Breadth-first sources and targets per source for the stress (8,192 pairs; at 1M rows each
 * search costs about 0.07 s). */
#define COLLAB_QUALITY_STRESS_SOURCES 16
#define COLLAB_QUALITY_STRESS_TARGETS 512
/* From this many edges up, the stress is measured on a second thread (same values). */
#define COLLAB_QUALITY_THREAD_EDGES 100000

/* Measures `s` into `out` (every field but `map_seconds`, which is left 0):
 * - labels_placed = s->n_labels, labels_requested = s->n_label_requests, leader_lines;
 * - label_overlaps: pairs of label boxes with a common interior point;
 * - labels_over_large: labels whose box meets the disc (the circle of the node's radius) of a
 *   node other than its own that is labelled or whose diameter exceeds the text's height (the
 *   box's minus the halo padding of 0.15 font size above and below);
 *   labels_over_small: the other labels that meet some other node's disc;
 * - hidden_nodes: nodes more than half of whose disc lies under the disc of a node painted after
 *   them whose radius is at least theirs (a smaller disc on top leaves most of it visible),
 *   unless both are specks (radius COLLAB_SCENE_MIN_RADIUS);
 *   specks_sharing: the specks more than half covered by another speck painted after them
 *   (node maps too big for every disc to be kept apart draw the smallest ones as specks and
 *   let them pile up to show density), and by no larger disc;
 * - neighbourhood: over min(n, COLLAB_QUALITY_NEIGHBOUR_SAMPLE) nodes (all, or evenly spaced ids),
 *   the share of each one's min(10, n - 1) nearest nodes on the page (ties by lower id) that are
 *   at most 2 steps away in the graph; NaN without nodes;
 * - separation: mean page distance of COLLAB_QUALITY_PAIRS random pairs within one of the 10
 *   largest communities (by members among the nodes, ties by lower number) over that of as many
 *   pairs from two different ones; NaN when `community` is NULL or fewer than two of them;
 * - stress: Σ (σ·x/d − 1)² / P over P sampled pairs at hop distance d and page distance x, with
 *   the σ minimising it (σ = Σ(x/d) / Σ(x/d)²): 0 when page distances are proportional to hops.
 *   Sources and targets are drawn from `seed`. NaN when no pair is connected.
 * The graph has nodes 0 .. n_nodes - 1 (the scene's first n_nodes: later ones, such as ghosts,
 * take part in the label and hidden counts only); edges with an endpoint out of range and self
 * loops are ignored. `community` (per node, COLLAB_NO_COMMUNITY = none) may be NULL.
 * Errors: COLLAB_E_USAGE when n_nodes > s->n_nodes or edges come without endpoints,
 * COLLAB_E_NOMEM.
 * Time: O(labels² + V·k + samples·(V + E)) with k = COLLAB_QUALITY_NEAREST. */
collab_status collab_map_quality_measure(collab_scene_quality *out, const collab_scene *s,
                                         size_t n_nodes, size_t n_edges, const uint32_t *from,
                                         const uint32_t *to, const uint32_t *community,
                                         uint64_t seed, collab_error *err);

/* Writes `q` as aligned "name  value" lines for the terminal. Returns COLLAB_E_IO when writing
 * fails. */
collab_status collab_map_quality_print(FILE *f, const collab_scene_quality *q, collab_error *err);

#endif
