/* Hop distances on a small adjacency structure, and the stress that compares them with page
 * distances: shared by the layout's trials of small parts (layout_trials.c) and the map's
 * quality measures (map_quality.c), which must score a drawing the same way. */
#ifndef COLLAB_HOPS_INTERNAL_H
#define COLLAB_HOPS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An undirected graph as compressed adjacency lists, both directions, self-loops dropped. */
typedef struct collab_i_hops_graph {
    size_t n;      /* vertices 0 .. n - 1 */
    size_t *off;   /* n + 1 offsets into adj */
    uint32_t *adj; /* neighbours */
} collab_i_hops_graph;

/* Builds g from m edges (from[e], to[e]); ends outside 0 .. n - 1 are ignored. False when out of
 * memory (g is then empty and safe to free). */
bool collab_i_hops_graph_build(collab_i_hops_graph *g, size_t n, size_t m, const uint32_t *from,
                               const uint32_t *to);
void collab_i_hops_graph_free(collab_i_hops_graph *g);

/* Breadth-first search from `source`: dist[v] is v's hop count (UINT32_MAX when unreached), and
 * queue holds the reached vertices in the order reached, source first. Returns their number. Both
 * arrays hold g->n entries. */
size_t collab_i_hops_from(const collab_i_hops_graph *g, uint32_t source, uint32_t *dist,
                          uint32_t *queue);

/* Scale-normalised stress of pairs with page distance e and hop distance d: the mean of
 * (s r - 1)^2 over the pairs' ratios r = e / d, with the scale s that minimises it, which is
 * 1 - (sum r)^2 / (P sum r^2) for P pairs. Accumulate with _add, then read _value. */
typedef struct collab_i_stress {
    double sum;    /* sum of r */
    double sum_sq; /* sum of r^2 */
    size_t pairs;  /* P */
} collab_i_stress;

static inline void collab_i_stress_add(collab_i_stress *s, double page_distance, uint32_t hops)
{
    double r = page_distance / (double)hops;
    s->sum += r;
    s->sum_sq += r * r;
    s->pairs++;
}

/* NAN when there is no pair, or every pair is drawn on one point. */
double collab_i_stress_value(const collab_i_stress *s);

#endif
