/* Private interface between graph.c, projection.c and edges.c. */
#ifndef COLLAB_GRAPH_INTERNAL_H
#define COLLAB_GRAPH_INTERNAL_H

#include "collab/graph.h"

/* Distinct person-project memberships of the kept rows, as two CSRs. */
typedef struct collab_i_memberships {
    uint32_t *person_of_row;   /* per row: person vertex id (valid for kept rows) */
    uint32_t *project_of_row;  /* per row: project id (valid for kept rows) */
    uint32_t *person_origin;   /* per person: id in the edgelist's names_a */
    uint32_t *project_origin;  /* per project: id in the edgelist's names_b */
    size_t n_persons;          /* distinct people */
    size_t n_projects;         /* distinct projects */
    size_t n_memberships;      /* distinct person-project pairs */
    size_t *project_start;     /* n_projects + 1 offsets into project_members */
    uint32_t *project_members; /* people of each project, ascending */
    uint32_t *member_rows;     /* rows behind each membership (several roles = several rows) */
    size_t *person_start;      /* n_persons + 1 offsets into person_projects */
    uint32_t *person_projects; /* projects of each person, ascending */
} collab_i_memberships;

/* Projects the memberships onto people (or, with `onto_projects`, onto projects): creates
 * g->graph and fills g->weights and g->stats. Honours max_participants, min_shared, max_edges. */
collab_status collab_i_project(const collab_i_memberships *m, bool onto_projects,
                               const collab_graph_options *opt, collab_graph *g,
                               collab_error *err);

/* Creates `out` (uninitialised on entry) with n vertices and the m undirected edges
 * (lo[e], hi[e]), which must satisfy lo < hi < n, be sorted by (lo, hi) and hold no repeats.
 * The result equals igraph_create's on the same edges, built in O(n + m) (graph_sorted.c). */
collab_status collab_i_graph_from_sorted(igraph_t *out, size_t n, const uint32_t *lo,
                                         const uint32_t *hi, size_t m, collab_error *err);

/* The same in two steps, so the edges can be written straight into the graph: begin creates
 * `out` with n vertices and room for m edges, for the caller to set VECTOR(out->from)[e] = hi
 * and VECTOR(out->to)[e] = lo; finish builds the indices (on failure it destroys `out`). */
collab_status collab_i_sorted_graph_begin(igraph_t *out, size_t n, size_t m, collab_error *err);
collab_status collab_i_sorted_graph_finish(igraph_t *g, collab_error *err);

/* Edge-list rows into merged edges; names and origins go into `g`. */
collab_status collab_i_build_edges(collab_graph *g, const collab_edgelist *list,
                                   const collab_graph_options *opt, igraph_vector_int_t *edges,
                                   size_t *n_vertices, collab_error *err);

/* Sorts ids ascending: insertion sort for the short lists that dominate (a project's members, a
 * person's partners), a radix sort for long ones. */
void collab_i_sort_ids(uint32_t *ids, size_t n);

/* Applies the scope options of `opt` to `g` (graph_scope.c): replaces it by the subgraph induced
 * by the vertices kept, in their order, keeping its stats. Nothing happens when no scope option is
 * set. On error `g` is unchanged. */
collab_status collab_i_graph_scope(collab_graph *g, const collab_edgelist *list,
                                   const collab_graph_options *opt, collab_error *err);

/* The people of `list` to leave out before building (graph_people.c): placeholders unless
 * opt->keep_placeholders, and opt->drop_people. `*drop_out` is NULL when nobody is left out,
 * else a collab_malloc'd flag per names_a id (non-zero = leave out) for the caller to free.
 * Fills the left-out figures of `stats`. */
collab_status collab_i_people_left_out(const collab_edgelist *list,
                                       const collab_graph_options *opt, uint8_t **drop_out,
                                       collab_graph_stats *stats, collab_error *err);

/* The folded placeholder names collab_graph_is_placeholder_name knows, in strcmp order (for the
 * unit test that checks the order its search relies on). */
const char *const *collab_i_placeholder_names(size_t *count);

#endif
