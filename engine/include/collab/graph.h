/* The network built from a collab_edgelist: an igraph graph plus vertex names and edge weights.
 *
 * Credits give a bipartite person-project graph, which is projected onto people (the default
 * view) or projects, or kept bipartite. Edge lists give an undirected (or directed) graph in which
 * rows naming the same pair are merged by summing weights and self-loops are dropped.
 * Vertices are numbered in order of first appearance in the kept rows (bipartite: people first,
 * then projects). igraph's attribute handler is not used: names and weights live here. */
#ifndef COLLAB_GRAPH_H
#define COLLAB_GRAPH_H

#include "collab/error.h"
#include "collab/load.h"
#include "collab/names.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <igraph.h>

typedef enum collab_view {
    COLLAB_VIEW_DEFAULT = 0, /* people for credits, the graph itself for edge lists */
    COLLAB_VIEW_PEOPLE,      /* person-person projection */
    COLLAB_VIEW_PROJECTS,    /* project-project projection */
    COLLAB_VIEW_BIPARTITE    /* person-project graph */
} collab_view;

typedef enum collab_weighting {
    COLLAB_WEIGHT_COUNT = 0,  /* number of shared projects (or shared people) */
    COLLAB_WEIGHT_NEWMAN,     /* sum over shared projects of 1/(n-1), n = participants */
    COLLAB_WEIGHT_JACCARD,    /* shared / (projects of u + projects of v - shared) */
    COLLAB_WEIGHT_FRACTIONAL  /* sum over shared projects of 1/C(n,2): each project adds 1 in all */
} collab_weighting;

/* Projects with more participants than this are left out of the person-person projection by
 * default (the bipartite view keeps them), as VOSviewer leaves out documents with too many
 * authors: a "Various Artists" compilation of 6,000 names would otherwise add 18 million ties and
 * make its cast the most central people. --max-participants 0 keeps every project. */
#define COLLAB_DEFAULT_MAX_PARTICIPANTS 100

/* How many of the largest projects left out the graph remembers by name. */
#define COLLAB_HUBS_SHOWN 5

/* Default projected-edge budget: about 100 bytes an edge across graph, weights and metrics,
 * so 100M edges stay well inside a 24 GiB machine. */
#define COLLAB_DEFAULT_MAX_EDGES ((size_t)100000000)

typedef struct collab_graph_options {
    collab_view view;            /* which network to build */
    collab_weighting weighting;  /* projection weights */
    bool directed;               /* edge lists only: keep direction */
    size_t max_participants;     /* leave projects with more people than this out of the people
                                    projection; 0 = no limit (default
                                    COLLAB_DEFAULT_MAX_PARTICIPANTS) */
    double min_shared;           /* drop projected ties with fewer shared projects; 0 = keep */
    size_t max_edges;            /* refuse a projection beyond this many edges; 0 = default */
    const char *roles;           /* comma-separated roles to keep (credits); NULL = all */
    bool has_years;              /* keep only rows with a year in [year_from, year_to] */
    int year_from;               /* first year kept */
    int year_to;                 /* last year kept */
    int threads;                 /* threads projecting: 0 = one per core (at most 4); the
                                  * result does not depend on it */
    /* Scope, applied after the projection in this order (0 / false = keep everything): */
    size_t min_credits;          /* credits: people with fewer kept credit rows are dropped */
    size_t min_degree;           /* vertices with fewer distinct neighbours are dropped (once,
                                    not repeated as a k-core would be) */
    size_t min_component_size;   /* components (weak) with fewer vertices are dropped */
    bool largest_component;      /* only the largest component is kept (ties: the one whose
                                    first vertex comes first) */
} collab_graph_options;

/* What happened while building: the figures the summary reports. */
typedef struct collab_graph_stats {
    size_t rows_used;             /* rows that passed the filters */
    size_t rows_filtered_role;    /* rows dropped by the role filter */
    size_t rows_filtered_year;    /* rows dropped by the year filter (incl. rows with no year) */
    size_t persons;               /* distinct people in the kept rows (credits) */
    size_t projects;              /* distinct projects in the kept rows (credits) */
    size_t memberships;           /* distinct person-project pairs (credits) */
    size_t projects_skipped;      /* projects above max_participants, left out */
    size_t memberships_skipped;   /* their person-project pairs */
    uint32_t hub_projects[COLLAB_HUBS_SHOWN]; /* the largest of them (names_b ids), largest first,
                                                 ties by id */
    size_t hub_sizes[COLLAB_HUBS_SHOWN];      /* their participants */
    size_t n_hubs_shown;                      /* entries in hub_projects */
    bool scoped;                  /* a scope option dropped vertices or was asked for */
    size_t scope_nodes_before;    /* vertices and edges before the scope options */
    size_t scope_edges_before;
    size_t projection_bound;      /* sum over projects of n(n-1)/2: an upper bound of the edges */
    size_t ties_below_min_shared; /* projected ties dropped by min_shared */
    size_t self_loops;            /* edge-list rows with source == target, dropped */
    size_t merged_rows;           /* edge-list rows merged into an earlier row's pair */
} collab_graph_stats;

typedef struct collab_graph {
    igraph_t graph;           /* the network; undirected unless built with `directed` */
    igraph_vector_t weights;  /* one weight per edge, > 0 */
    collab_view view;         /* the view built (never DEFAULT after building) */
    collab_weighting weighting; /* projection weighting used */
    collab_shape shape;       /* the input's shape */
    collab_names names;       /* vertex names, id = vertex id */
    uint8_t *is_project;      /* per vertex: 1 for a project vertex (bipartite/projects view) */
    uint32_t *origin;         /* per vertex: id in the edgelist's names_a (people/vertices) or
                                 names_b (projects) */
    collab_graph_stats stats; /* build figures */
    uint8_t *row_kept;        /* credits: per edgelist row, 1 if it passed the filters */
} collab_graph;

/* Sets the defaults: default view, count weighting, no filters, default edge budget. */
void collab_graph_options_init(collab_graph_options *opt);

/* Builds `out` (uninitialised on entry, initialised only on COLLAB_OK) from `list` (borrowed, not
 * kept). Errors: COLLAB_E_USAGE for an option that does not fit the shape, COLLAB_E_LIMIT when the
 * projection would exceed max_edges (the message names the flags to change), COLLAB_E_INPUT when
 * the filters leave nothing, COLLAB_E_NOMEM, COLLAB_E_LIBRARY.
 * Time complexity: O(rows + sum over people of their two-step paths) for projections. */
collab_status collab_graph_build(collab_graph *out, const collab_edgelist *list,
                                 const collab_graph_options *opt, collab_error *err);

/* Builds `out` from explicit parts: `n` vertices with distinct names (is_project may be NULL)
 * and `m` undirected edges (weight NULL = 1 each). Shape "edges", no origin: for the small
 * drawings of the query commands. Errors: COLLAB_E_USAGE for a repeated name or an endpoint
 * out of range, COLLAB_E_NOMEM, COLLAB_E_LIBRARY. */
collab_status collab_graph_from_edges(collab_graph *out, const char *const *names,
                                      const uint8_t *is_project, size_t n, const uint32_t *from,
                                      const uint32_t *to, const double *weight, size_t m,
                                      collab_error *err);

/* Builds `out`: the subgraph of `g` induced by `vertices` (n distinct ids, which become 0..n-1
 * in that order), keeping names, weights, kinds, origins and the kept-row flags of the
 * `n_rows` rows `g` was built from, so roles and years still resolve.
 * Time complexity: O(V + E) of `g`. */
collab_status collab_graph_induced(collab_graph *out, const collab_graph *g,
                                   const uint32_t *vertices, size_t n, size_t n_rows,
                                   collab_error *err);

/* Builds `out`: `g` contracted by `group` (per vertex of `g`, its group in 0..n_groups-1, or
 * UINT32_MAX to leave the vertex out). One vertex per group, named group_names[k] (a name that
 * repeats an earlier group's gets "k. " in front); one undirected edge per pair of groups joined
 * by edges of `g`, weighted by their summed weights, in order of (lower group, higher group).
 * Edges inside a group or touching a left-out vertex are dropped. Same shape and view as `g`; no
 * origins or kinds. Errors: COLLAB_E_NOMEM, COLLAB_E_LIBRARY. Time complexity: O(E log E). */
collab_status collab_graph_contract(collab_graph *out, const collab_graph *g, const uint32_t *group,
                                    size_t n_groups, const char *const *group_names,
                                    collab_error *err);

/* The weight of the edge between vertices u and v (either direction), or 0 when there is none.
 * Time complexity: O(log d) for degree d. */
double collab_graph_edge_weight(const collab_graph *g, uint32_t u, uint32_t v);

/* What the people projection left out, in one line for every output that reports it: "2 projects
 * with more than 100 people left out of the person-person network (largest: 'Various Hits', 6000
 * people; 'Box Set', 150 people)". "" when nothing was left out. `list` is the edgelist `g` was
 * built from (for the project names). Writes at most `size` bytes; names that do not fit are
 * left out whole. */
void collab_graph_describe_hubs(const collab_graph *g, const collab_edgelist *list,
                                const collab_graph_options *opt, char *buf, size_t size);

/* What the scope options kept, in one line ("largest component: 1653 of 6000 nodes (27.6%), 2877
 * of 3000 edges (95.9%)"); "" when none was given. */
void collab_graph_describe_scope(const collab_graph *g, const collab_graph_options *opt, char *buf,
                                 size_t size);

/* Frees `g`; NULL-safe and safe on a zeroed graph. */
void collab_graph_destroy(collab_graph *g);

/* The number of vertices / edges. */
size_t collab_graph_vertex_count(const collab_graph *g);
size_t collab_graph_edge_count(const collab_graph *g);

/* Vertex name (borrowed). */
const char *collab_graph_name(const collab_graph *g, size_t vertex);

/* Parses "people", "projects", "bipartite"; false if unknown. */
bool collab_view_parse(const char *text, collab_view *view);
const char *collab_view_name(collab_view view);
/* Parses "count", "newman", "jaccard", "fractional"; false if unknown. */
bool collab_weighting_parse(const char *text, collab_weighting *weighting);
const char *collab_weighting_name(collab_weighting weighting);

#endif
