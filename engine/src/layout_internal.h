/* Private interface of the layout module: the seeded generator, the Barnes-Hut quadtree and disc
 * separation (layout_quadtree.c), ForceAtlas2 (layout_fa2.c) and its multilevel driver
 * (layout_multilevel.c), and the cutting into components and their packing (layout_pack.c), used
 * by the dispatcher in layout.c. Positions here are in "layout units", whatever
 * scale the forces settle at; layout.c normalises them at the end. */
#ifndef COLLAB_LAYOUT_INTERNAL_H
#define COLLAB_LAYOUT_INTERNAL_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/progress.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <igraph.h>

#include "random_internal.h" /* start positions and jitter: our own splitmix64 state leaves
                                igraph's process-wide generator alone */

/* ---- Barnes-Hut quadtree (layout_quadtree.c) ---- */

/* One square cell. Its non-empty quadrants are n_child consecutive cells starting at `child`
 * (child 0 = leaf: the root is cell 0, so it is never anyone's child). */
typedef struct collab_i_qcell {
    double x0, y0, width; /* the square [x0, x0 + width) x [y0, y0 + width) */
    double cx, cy;        /* centre of mass of the points inside */
    double mass;          /* total mass of the points inside */
    uint32_t first;       /* the points are order[first .. first + count) */
    uint32_t count;       /* number of points inside */
    uint32_t child;       /* index of the first child, 0 for a leaf */
    uint32_t n_child;     /* number of children (non-empty quadrants), 0 for a leaf */
} collab_i_qcell;

typedef struct collab_i_quadtree {
    collab_i_qcell *cells; /* cells[0] is the root */
    size_t n_cells;        /* cells in use */
    size_t cap_cells;      /* cells allocated */
    uint32_t *order;       /* point ids grouped by cell */
    uint32_t *pos;         /* inverse of order: where each point sits in it */
    size_t n_points;       /* points indexed */
} collab_i_quadtree;

/* What a repulsion query needs. `size` (NULL = none) switches on ForceAtlas2's anti-collision
 * repulsion between individual nodes. */
typedef struct collab_i_repulsion {
    const double *x, *y; /* positions */
    const double *mass;  /* per point, > 0 */
    const double *size;  /* per point radius in layout units, or NULL */
    double coef;         /* k_r */
    double theta;        /* Barnes-Hut opening criterion: a cell of width w at distance d is
                            taken whole when w < theta * d */
} collab_i_repulsion;

/* Allocates a tree for `n` points (n < 2^32). On error nothing is allocated. */
collab_status collab_i_quadtree_init(collab_i_quadtree *qt, size_t n, collab_error *err);

/* (Re)builds the tree over the points; `mass` may be NULL (all 1). On COLLAB_E_NOMEM the tree
 * stays valid for destroy. Time complexity: O(n log n) for spread-out points. */
collab_status collab_i_quadtree_build(collab_i_quadtree *qt, const double *x, const double *y,
                                      const double *mass, collab_error *err);

/* Adds the repulsion felt by point `i` to *fx, *fy. */
void collab_i_quadtree_repulse(const collab_i_quadtree *qt, const collab_i_repulsion *rep, size_t i,
                               double *fx, double *fy);

/* NULL-safe; leaves the tree zeroed. */
void collab_i_quadtree_destroy(collab_i_quadtree *qt);

/* Moves discs (radius r[i] around (x[i], y[i])) so that no two overlap: places them one by one
 * from the centre outwards, each at its own position if free, else pushed off the placed discs
 * (away from the one it overlaps most, then outwards). One pass, exact, deterministic; it keeps
 * the layout's shape but grows crowded clumps from the inside. Time: O(n log n) plus the pushes.
 * On COLLAB_E_NOMEM the positions are unchanged. */
collab_status collab_i_layout_separate(double *x, double *y, const double *r, size_t n,
                                       collab_error *err);

/* ---- ForceAtlas2 (layout_fa2.c) ---- */

/* An undirected weighted graph with node masses, borrowed by the functions below. */
typedef struct collab_i_fa2_graph {
    size_t n_vertices;    /* nodes 0 .. n_vertices - 1 */
    size_t n_edges;       /* edges; self-loops are allowed and ignored */
    const uint32_t *from; /* per edge: one end */
    const uint32_t *to;   /* per edge: the other end */
    const double *weight; /* per edge, >= 0 */
    const double *mass;   /* per node, >= 1: 1 + degree on the input graph */
} collab_i_fa2_graph;

typedef struct collab_i_fa2_params {
    double scaling;               /* k_r, > 0 */
    double gravity;               /* >= 0 */
    bool linlog;                  /* log(1 + d) attraction */
    bool strong_gravity;          /* gravity proportional to the distance */
    bool dissuade_hubs;           /* attraction divided by the node's mass */
    double theta;                 /* Barnes-Hut criterion, 1.2 as in Gephi */
    double jitter_tolerance;      /* 1 as in Gephi */
    const double *size;           /* anti-collision radii in layout units, or NULL */
    bool parallel;                /* may use a second thread (same result either way) */
    struct collab_i_meter *meter; /* counts the iterations' work for progress, or NULL */
} collab_i_fa2_params;

/* Progress of a whole layout: the work estimated up front (collab_i_fa2_estimate per part) and
 * the work done, iteration by iteration. Reports at most every whole percent, and never 100
 * before the caller finishes (the estimate may be short). */
typedef struct collab_i_meter {
    collab_progress_fn fn;
    void *data;
    double total;     /* estimated work */
    double done;      /* work done */
    int reported;     /* last whole percent reported */
    double started;   /* collab_clock_seconds() at the start, for the time left */
    char message[64]; /* what is being laid out */
} collab_i_meter;

/* Adds `work` done and reports when a new whole percent is reached. NULL-safe. */
void collab_i_meter_add(collab_i_meter *m, double work);

/* One iteration's work on `g` (a Barnes-Hut query costs about twenty edge updates). */
double collab_i_fa2_work(const collab_i_fa2_graph *g);

/* The work the multilevel layout of `g` is expected to take with `iterations` on its finest level
 * (0 = automatic): the finest level and the coarser ones, which cost at most as much again. */
double collab_i_fa2_multilevel_estimate(const collab_i_fa2_graph *g, size_t iterations);

/* Fills `p` with Gephi's defaults and the given mode switches' defaults (LinLog on). */
void collab_i_fa2_params_init(collab_i_fa2_params *p);

/* Gephi's adaptive speed state, carried from one level to the next. */
typedef struct collab_i_fa2_speed {
    double speed;      /* global speed; starts at 1 */
    double efficiency; /* speedEfficiency; starts at 1 */
} collab_i_fa2_speed;

/* Runs `iterations` ForceAtlas2 steps from the positions in x, y (updated in place), starting
 * from and updating *speed (NULL = a fresh start). */
collab_status collab_i_fa2_run(const collab_i_fa2_graph *g, const collab_i_fa2_params *p,
                               size_t iterations, double *x, double *y, collab_i_fa2_speed *speed,
                               collab_error *err);

/* Scales x, y about their mass centre (which moves to the origin) to where the forces roughly
 * balance (the virial of repulsion, attraction and gravity is zero), so that a run does not
 * spend its first iterations expanding or collapsing. */
void collab_i_fa2_rescale(const collab_i_fa2_graph *g, const collab_i_fa2_params *p, double *x,
                          double *y);

/* Lays out a connected graph from scratch into x, y (n_vertices each): coarsens by heavy-edge
 * matching, lays out the coarsest graph from seeded random positions, then prolongs and refines
 * level by level. `iterations` is for the finest level, 0 = auto. */
collab_status collab_i_fa2_multilevel(const collab_i_fa2_graph *g, const collab_i_fa2_params *p,
                                      uint64_t seed, size_t iterations, double *x, double *y,
                                      collab_error *err);

/* ---- several seeds for small parts (layout_trials.c) ---- */

/* Parts up to this many vertices and edges are laid out COLLAB_I_LAYOUT_TRIALS times (an n x n
 * table of hop distances scores each: 1 MiB at this size). The edge limit keeps out the dense
 * graphs of community bubbles, whose eight runs cost 0.37 s at 1M rows (119 bubbles). */
#define COLLAB_I_LAYOUT_TRIALS_MAX_NODES 500
#define COLLAB_I_LAYOUT_TRIALS_MAX_EDGES 2000
#define COLLAB_I_LAYOUT_TRIALS           8

/* Scale-normalised stress of the positions x, y (n each) against `hops` (n x n hop distances,
 * UINT32_MAX = unreachable, such pairs skipped): 0 when page distances are proportional to hops,
 * 1 when no pair is measurable. */
double collab_i_layout_stress(const uint32_t *hops, size_t n, const double *x, const double *y);

/* collab_i_fa2_multilevel from `trials` seeds (seed, seed + 2^32, ...), keeping the positions of
 * lowest stress; a part of fewer than 3 vertices, or more than the limits above (or trials < 2)
 * is laid out once, from `seed`. Deterministic. */
collab_status collab_i_fa2_best_of(const collab_i_fa2_graph *g, const collab_i_fa2_params *p,
                                   uint64_t seed, size_t iterations, size_t trials, double *x,
                                   double *y, collab_error *err);

/* ---- parts and packing (layout_pack.c) ---- */

/* The graph cut into the parts that are laid out on their own: connected components of two or
 * more vertices, largest first (or the whole graph as one part, for a warm start), then the
 * isolated vertices. */
typedef struct collab_i_layout_parts {
    size_t n_parts;      /* parts laid out on their own */
    size_t n_isolated;   /* vertices of degree 0 after the last part, placed in a grid */
    size_t *vstart;      /* n_parts + 2 offsets into `vertices`: part p is [vstart[p],
                            vstart[p + 1]); the isolated are [vstart[n_parts], vstart[n_parts + 1]) */
    size_t *estart;      /* n_parts + 1 offsets into from, to, weight */
    uint32_t *vertices;  /* graph vertex ids grouped by part, ascending within a part */
    uint32_t *from, *to; /* per edge: its ends as indices within the part */
    double *weight;      /* per edge: weight / mean weight, > 0 */
    double *mass;        /* per grouped vertex: 1 + degree */
    double *radius;      /* per grouped vertex: disc radius in normalised units */
    double *x, *y;       /* per grouped vertex: position in its part's own layout units */
    double *scale;       /* per part: factor from its layout units to packing units */
} collab_i_layout_parts;

/* Cuts `g` into parts into `lp` (uninitialised on entry; on error nothing is left allocated):
 * its components of two or more vertices, largest first (ties: smallest vertex), then the
 * isolated vertices; or, when `whole`, the whole graph as one part. `ends` is g's edge list
 * (2m vertex ids), `weight` the m weights to use, `radius` the per-vertex radii (NULL = all
 * default_radius); all borrowed. Self-loops are dropped. */
collab_status collab_i_layout_parts_build(collab_i_layout_parts *lp, const collab_graph *g,
                                          const igraph_vector_int_t *ends, const double *weight,
                                          const double *radius, double default_radius, bool whole,
                                          collab_error *err);

/* NULL-safe; leaves `lp` zeroed. */
void collab_i_layout_parts_destroy(collab_i_layout_parts *lp);

/* How the parts are arranged and separated. */
typedef struct collab_i_arrange {
    double aspect;                  /* target width / height */
    bool prevent_overlap;           /* separate the discs */
    const collab_i_fa2_params *fa2; /* ForceAtlas2 parameters for a settling phase with node
                                       sizes before the exact separation; NULL = none */
    size_t fa2_iterations;          /* iterations of that phase */
} collab_i_arrange;

/* Brings the parts to a common median edge length (sets `scale`), packs them and the grid of
 * isolated vertices beside the largest part, and, with prevent_overlap, pushes overlapping discs
 * apart, repeating until the separation holds once collab_i_layout_fit normalises the result.
 * Writes the packed positions (per grouped vertex) to px, py. */
collab_status collab_i_layout_arrange(collab_i_layout_parts *lp, const collab_i_arrange *a,
                                      double *px, double *py, collab_error *err);

/* The factor that fits the bounding box of the n positions into [0, aspect] x [0, 1] (1 when they
 * all coincide). */
double collab_i_layout_fit(const double *px, const double *py, size_t n, double aspect);

#endif
