/* Node positions for drawing a collab_graph.
 *
 * The default method is ForceAtlas2 (Jacomy et al., PLoS ONE 2014) in LinLog mode, because its
 * log attraction keeps communities tight and far apart, which is what a published map needs.
 * It runs on a multilevel hierarchy (heavy-edge matching, as in Hu's sfdp and Walshaw) so that
 * graphs of tens of thousands of nodes lay out in seconds. igraph's layouts are offered by name.
 *
 * Every method except "circle" lays out each connected component on its own, largest first,
 * brings the components to a common edge length and packs their bounding boxes beside the
 * largest one, aiming at the page's aspect ratio; isolated vertices go in a grid. Then, unless
 * turned off, overlapping node discs are pushed apart. Finally the positions are normalised:
 * scaled uniformly and centred so that every vertex centre lies in [0, aspect] x [0, 1]
 * (discs may stick out of the box by their radius; renderers leave a margin), touching two
 * opposite sides of the box when there are at least two distinct positions. A lone position is
 * put at the centre (aspect / 2, 0.5). y grows downwards as in cairo's device space, though
 * nothing depends on it.
 *
 * Deterministic: the same graph, options and seed give bit-identical positions. Randomness
 * comes from a splitmix64 generator seeded from the options (ForceAtlas2) or from
 * igraph_rng_seed(igraph_rng_default(), seed) right before each igraph call. */
#ifndef COLLAB_LAYOUT_H
#define COLLAB_LAYOUT_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/progress.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <igraph.h>

typedef enum collab_layout_method {
    COLLAB_LAYOUT_FA2 = 0, /* "fa2": multilevel ForceAtlas2 (default) */
    COLLAB_LAYOUT_FR,      /* "fr": igraph Fruchterman-Reingold, grid above 1000 vertices */
    COLLAB_LAYOUT_KK,      /* "kk": igraph Kamada-Kawai, components up to COLLAB_LAYOUT_KK_MAX */
    COLLAB_LAYOUT_DRL,     /* "drl": igraph DrL (OpenOrd's ancestor) */
    COLLAB_LAYOUT_CIRCLE,  /* "circle": all vertices on one circle in id order, no packing */
    COLLAB_LAYOUT_METHOD_COUNT
} collab_layout_method;

/* Kamada-Kawai keeps an n x n distance matrix: components larger than this are refused. */
#define COLLAB_LAYOUT_KK_MAX 3000

/* The disc radius used when the caller gives none: discs covering about 2% of the page, at most
 * 0.01 (a lone node should not fill the page). */
#define COLLAB_LAYOUT_DEFAULT_RADIUS(n, aspect)                                                    \
    fmin(0.01, sqrt(0.02 * (aspect) / (3.141592653589793 * (double)(n))))

/* The seed used when the caller does not choose one. */
#define COLLAB_LAYOUT_DEFAULT_SEED 42u

/* The automatic community pull (collab_layout_options.group_pull = 0): edges inside communities
 * are strengthened until they carry this share of the pull. Measured on tango, karate, Davis and
 * generated files of 20k and 100k rows (scripts/bench.sh, stage quality): community separation
 * improves on every graph, and neighbourhood preservation on all but karate, where it stays within
 * the sampling noise. */
#define COLLAB_LAYOUT_GROUP_SHARE    0.9
/* ... but at most 1 + this x x / (1 - x), where x = (q - c) / (1 - c) is how far the partition's
 * modularity q goes beyond c, what a partition reaches by chance (collab_layout_options.
 * group_chance): a dense random graph of 12,000 nodes (q = 0.092, c = 0.095) would otherwise get
 * a pull of 28 and be drawn as eight separate arms, structure it does not have. The 100k-row
 * generated file (q = 0.384, c = 0.152) keeps its pull of 10.6. */
#define COLLAB_LAYOUT_GROUP_PULL_PER_ODDS 28.0

typedef struct collab_layout_options {
    collab_layout_method method; /* algorithm; default COLLAB_LAYOUT_FA2 */
    uint64_t seed;               /* seeds initial positions and jitter; default 42 */
    double aspect;               /* width / height of the target page, finite and > 0; default 1 */
    const double *radius;        /* per vertex: disc radius in normalised units (box height 1:
                                    a disc of radius r drawn on a plot of height h has radius
                                    r h), each finite and >= 0; borrowed, not kept. NULL = every
                                    disc gets COLLAB_LAYOUT_DEFAULT_RADIUS(n, aspect) */
    bool prevent_overlap;        /* push overlapping discs apart (not for "circle"), exactly
                                    unless the discs cannot fit the page at all; default true */
    size_t iterations;           /* 0 = auto. fa2: iterations on the finest level (coarser
                                    levels run more); fr: niter; kk: maxiter; drl: ignored */
    bool linlog;                 /* fa2: attraction log(1 + d) instead of d; default true */
    double gravity;              /* fa2: pull towards the centre, >= 0; default 1 */
    double scaling;              /* fa2: repulsion strength k_r, > 0; default 2 */
    bool dissuade_hubs;          /* fa2: an edge's pull on a node is divided by the node's mass
                                    (1 + degree), pushing hubs to the periphery; default false */
    bool strong_gravity;         /* fa2: gravity grows linearly with the distance; default false */
    const double *initial_x;     /* warm start: per-vertex positions (any units, e.g. a previous
                                    layout's output), both NULL or both set, finite; borrowed,
                                    not kept. With a warm start the graph is laid out as a whole
                                    (no multilevel, no packing; fa2 runs `iterations`, default
                                    10 to 100 by size) so that components keep their places and
                                    a time slice looks like the previous one. NULL = random */
    const double *initial_y;     /* see initial_x */
    int threads;                 /* fa2: 1 = this thread only, 0 = a second thread on graphs
                                    large enough to gain from it; the positions are
                                    bit-identical either way. Default 0 */
    const uint32_t *group;       /* fa2: per vertex, its community (any ids), borrowed; NULL =
                                    none. Edges inside a community pull group_pull times as
                                    hard as their weight says, so that communities show as
                                    regions of the page (as DrL's edge cutting does) */
    double group_pull;           /* fa2 with `group`: >= 1, or 0 = COLLAB_LAYOUT_GROUP_SHARE
                                    (the default): the pull that makes that share of the
                                    graph's pull lie inside communities (1 when it already
                                    does), within the bound that
                                    COLLAB_LAYOUT_GROUP_PULL_PER_ODDS sets: since the modularity
                                    is at most the share inside, never above about 16.4 */
    double group_chance;         /* with `group` and the automatic pull: the modularity a
                                    partition of this graph reaches by chance
                                    (collab_community_chance_modularity); 0 = not known */
    collab_progress_fn progress; /* fa2: called as the layout goes on (share of the estimated
                                    work); NULL = quiet */
    void *progress_data;         /* passed to `progress` */
} collab_layout_options;

typedef struct collab_layout {
    size_t n;           /* vertices, = rows of xy */
    igraph_matrix_t xy; /* n x 2: column 0 is x in [0, aspect], column 1 is y in [0, 1]. igraph
                           matrices are column-major, so the x and y of all vertices are two
                           contiguous arrays (collab_layout_x, collab_layout_y) */
    double aspect;      /* the aspect ratio the positions were fitted to */
    double group_pull;  /* the community pull used (1 = none) */
} collab_layout;

/* Sets the defaults listed in the fields' comments. */
void collab_layout_options_init(collab_layout_options *opt);

/* Lays out `g` (borrowed, not kept) into `out` (uninitialised on entry, initialised only on
 * COLLAB_OK; free it with collab_layout_destroy). `opt` may be NULL for the defaults. Edge
 * direction is ignored and self-loops do not pull; edge weights scale the pull (ForceAtlas2 edge
 * weight influence 1, after dividing by the mean weight so that the weighting's units do not
 * matter). Never prints.
 * Errors: COLLAB_E_USAGE for an invalid option or a component too large for "kk" (the message
 * names the option), COLLAB_E_INPUT for a negative or non-finite edge weight, COLLAB_E_LIMIT for
 * 2^31 vertices or more, COLLAB_E_NOMEM, COLLAB_E_LIBRARY when igraph fails.
 * Time complexity (fa2): about O(levels x iterations x (n log n + m)); a graph of 33k vertices and
 * 375k edges takes a few seconds. */
collab_status collab_layout_compute(collab_layout *out, const collab_graph *g,
                                    const collab_layout_options *opt, collab_error *err);

/* The community pull ForceAtlas2 uses on `g` with `group`, group_pull `asked` (0 = automatic)
 * and group_chance `chance` into *pull, for a caption written before the layout runs. Errors as
 * collab_layout_compute's for weights, COLLAB_E_NOMEM. */
collab_status collab_layout_group_pull(const collab_graph *g, const uint32_t *group, double asked,
                                       double chance, double *pull, collab_error *err);

/* The n x positions, then the n y positions, as arrays borrowed from `layout` (valid until it is
 * destroyed), e.g. for collab_scene_input. */
const double *collab_layout_x(const collab_layout *layout);
const double *collab_layout_y(const collab_layout *layout);

/* Frees `layout`; NULL-safe, safe on a zeroed layout, leaves it zeroed. */
void collab_layout_destroy(collab_layout *layout);

/* Parses "fa2" (also "forceatlas2"), "fr", "kk", "drl", "circle"; false if unknown. */
bool collab_layout_method_parse(const char *text, collab_layout_method *method);

/* The canonical name ("fa2", "fr"...), NULL past COLLAB_LAYOUT_METHOD_COUNT (so callers can list
 * every method by counting up). */
const char *collab_layout_method_name(collab_layout_method method);

#endif
