/* Questions about people in a collab_graph: finding a person by name (exactly, then ignoring case
 * and accents, else with the closest names as suggestions), collaboration distances from one
 * person, and the shortest collaboration chains between two, with the credits that link each
 * step. */
#ifndef COLLAB_QUERY_H
#define COLLAB_QUERY_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Finds the vertex named `name`: an exact match first, then a match ignoring case, accents and
 * surrounding spaces (the first in vertex order). When nothing matches, returns COLLAB_E_USAGE
 * with up to five suggestions: distinct people, closest first (edit distance of the folded names,
 * at most a third of the name's length or 2; a name containing the typed text counts as 1), ties
 * in vertex order ("no one named 'Tom Russo'; closest: 'Thom Russo'"). An empty or blank name,
 * or one that is not valid UTF-8, is also COLLAB_E_USAGE. `*vertex` is written only on
 * COLLAB_OK. Time complexity: O(V * L^2) for names of length L when there is no exact match. */
collab_status collab_query_find(const collab_graph *g, const char *name, uint32_t *vertex,
                                collab_error *err);

/* Hop distances from `source` to every vertex (-1 when unreachable), avoiding `avoid` (a vertex
 * id, or UINT32_MAX for none). `dist` has room for every vertex. Time complexity: O(V + E). */
collab_status collab_query_distances(const collab_graph *g, uint32_t source, uint32_t avoid,
                                     int32_t *dist, collab_error *err);

/* Shortest chains from `a` to `b` avoiding `avoid`: up to `max_paths` of them, each as
 * `length + 1` vertex ids in `paths[k * (length + 1) ...]` (allocated with collab_malloc, freed by
 * the caller). `*n_paths` = 0 when there is no chain. Chains come in a fixed order (by vertex ids
 * along the way). `*total` counts every shortest chain (capped at 1e18). */
collab_status collab_query_paths(const collab_graph *g, uint32_t a, uint32_t b, uint32_t avoid,
                                 size_t max_paths, uint32_t **paths, size_t *n_paths,
                                 size_t *length, double *total, collab_error *err);

/* One credit that links two people: the project and each one's role and year on it. */
typedef struct collab_link {
    uint32_t project;  /* project id in the edgelist's names_b */
    uint32_t role_a;   /* role of the first person (COLLAB_NO_ID when none) */
    uint32_t role_b;   /* role of the second person */
    int year;          /* year of the credit (0 when none) */
} collab_link;

/* The shared projects of people vertices u and v (credits, people view), from the kept rows of
 * `list`: at most `max_links` in `links`, `*n_links` set to how many were found in all.
 * Time complexity: O(rows). */
collab_status collab_query_links(const collab_graph *g, const collab_edgelist *list, uint32_t u,
                                 uint32_t v, collab_link *links, size_t max_links,
                                 size_t *n_links, collab_error *err);

/* One member of a person's neighbourhood. */
typedef struct collab_neighbour {
    uint32_t vertex;    /* vertex in the whole graph */
    int32_t distance;   /* steps from the person (0 for the person) */
    size_t shared;      /* projects shared with the person (credits, people view; else 0) */
    double degree;      /* degree inside the neighbourhood's induced subgraph */
    double betweenness; /* betweenness inside it (raw, undirected, unweighted) */
} collab_neighbour;

/* The neighbourhood of `ego`: the person and everyone within `radius` steps, nearest first, then
 * by projects shared with the person (most first), then by vertex id. `*out` (n_out entries) is
 * allocated with collab_malloc and freed by the caller; it is set only on COLLAB_OK. `list` is
 * the edgelist `g` was built from. Errors: COLLAB_E_NOMEM, COLLAB_E_LIBRARY.
 * Time complexity: O(V + E) for the distances, O(rows) per member for the shared projects, and
 * O(n m) for the betweenness of the n members and m ties inside. */
collab_status collab_query_neighbourhood(const collab_graph *g, const collab_edgelist *list,
                                        uint32_t ego, size_t radius, collab_neighbour **out,
                                        size_t *n_out, collab_error *err);

/* Positions for drawing a neighbourhood in rings: the vertex at distance 0 (the person) at the
 * centre and every vertex of `sub` at radius dist[v] (> 0; distances as collab_query_neighbourhood
 * gives them, in vertex order of `sub`). The first ring goes round in order of `group` (e.g. the
 * communities; NULL = vertex order) then of vertex id, evenly spaced from the top; each outer ring
 * in order of the circular mean angle of each vertex's neighbours on the ring inside, evenly
 * spaced and turned to sit as near those angles as it can. A ring holding more than 40 people per
 * unit of its length (2 pi d) becomes a band: up to 8 sub-rings within 0.45 of radius d, taken
 * in turn along the ring (so radius d - 0.45 < r < d + 0.45). `x` and `y` have room for every
 * vertex. Errors: COLLAB_E_NOMEM, COLLAB_E_LIBRARY. Time complexity: O(V log V + E). */
collab_status collab_query_ego_rings(const collab_graph *sub, const int32_t *dist,
                                     const uint32_t *group, double *x, double *y,
                                     collab_error *err);

#endif
