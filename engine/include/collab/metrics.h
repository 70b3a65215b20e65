/* Centrality and structure metrics of a collab_graph, with fixed definitions:
 *
 * - degree: distinct neighbours; strength: sum of the weights of incident edges.
 * - Shortest paths count hops by default (weights are strengths, not distances); with
 *   COLLAB_PATHS_INVERSE an edge of weight w has length 1/w.
 * - betweenness: undirected, each unordered pair counted once, raw (or normalised by
 *   (n-1)(n-2)/2 with `normalized`). Exact by Brandes' algorithm on all cores, or estimated by
 *   KADABRA's adaptive sampling of shortest paths (Borassi and Natale 2016): with probability at
 *   least 1 - delta every node's normalised betweenness is within eps of its estimate, and each
 *   node gets the interval its own bound allows. When betweenness is estimated, closeness and
 *   harmonic centrality come from sampled sources, with Hoeffding's bound for all nodes at once
 *   (probability >= 1 - delta each).
 * - closeness: within the node's own component, (reachable - 1) / sum of distances; 0 when alone.
 * - harmonic: sum over other nodes of 1/distance (0 for unreachable ones).
 * - pagerank: weighted, damping 0.85 (igraph PRPACK), sums to 1.
 * - eigenvector: weighted, scaled so the maximum is 1 (igraph ARPACK).
 * - coreness: k-core index (unweighted).
 * - constraint: Burt's constraint with weights (NaN for isolated nodes).
 * - clustering: local clustering coefficient, unweighted, 0 for degree < 2. */
#ifndef COLLAB_METRICS_H
#define COLLAB_METRICS_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/progress.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum collab_metric {
    COLLAB_METRIC_DEGREE = 0,
    COLLAB_METRIC_STRENGTH,
    COLLAB_METRIC_BETWEENNESS,
    COLLAB_METRIC_CLOSENESS,
    COLLAB_METRIC_HARMONIC,
    COLLAB_METRIC_PAGERANK,
    COLLAB_METRIC_EIGENVECTOR,
    COLLAB_METRIC_CORENESS,
    COLLAB_METRIC_CONSTRAINT,
    COLLAB_METRIC_CLUSTERING,
    COLLAB_METRIC_COUNT
} collab_metric;

typedef enum collab_path_weights {
    COLLAB_PATHS_HOPS = 0, /* every edge has length 1 */
    COLLAB_PATHS_INVERSE   /* an edge of weight w has length 1/w */
} collab_path_weights;

/* Above this many vertices x edges, betweenness and closeness are sampled unless `approx_sources`
 * says otherwise: about 30 s of exact work on two cores (measured: a 36,000-person film-credit
 * network of 1.2e10 steps took 60 s), so no command on a file of a few megabytes runs for minutes
 * by default; --exact asks for the exact sweep whatever it costs. */
#define COLLAB_EXACT_WORK_LIMIT 6.0e9
/* The exact sweep's reductions (degree-one vertices, twins) run from this many steps (vertices x
 * (vertices + edges), about 0.1 s of sweeping): below, finding them would gain nothing worth a
 * last-digit change in the printed values. */
#define COLLAB_REDUCE_MIN_WORK        1.0e8
#define COLLAB_DEFAULT_APPROX_SOURCES 1000
/* Automatic sampling keeps the sweep within this many steps (vertices + edges per source), so
 * that a graph of tens of millions of edges is estimated in minutes, never with fewer than
 * COLLAB_MIN_APPROX_SOURCES sources (the standard errors in the reports say how good). */
#define COLLAB_SAMPLE_WORK_BUDGET 5.0e9
#define COLLAB_MIN_APPROX_SOURCES 200
/* The guarantee of estimated betweenness unless asked otherwise: additive error on normalised
 * betweenness, and the probability that some node misses it. Chosen so that the 100k-row
 * generated file (33k people, 382k edges) takes about as long as 3000 sampled sources did. */
#define COLLAB_DEFAULT_APPROX_EPS   0.005
#define COLLAB_DEFAULT_APPROX_DELTA 0.1
typedef struct collab_metrics_options {
    collab_path_weights paths;   /* how shortest paths are measured */
    bool normalized;             /* normalise betweenness */
    long approx_sources;         /* 0 = exact unless too large (then sampled automatically);
                                    K > 0 = sample K sources; -1 = always exact */
    double approx_eps;   /* error of estimated betweenness (normalised scale); 0 = default */
    double approx_delta; /* its failure probability; 0 = default */
    bool approx_forced;  /* estimate even when the exact sweep is affordable */
    size_t top_exact;    /* > 0: sample until the top K betweenness ranks are separated
                            by their bounds, or 16 x the samples of eps (implies estimation) */
    uint64_t seed;               /* seed of the source sample */
    double exact_work_limit;     /* sample automatically above this many steps (vertices x
                                    (vertices + edges)); 0 = COLLAB_EXACT_WORK_LIMIT. A command
                                    that analyses several graphs shares the limit among them */
    int threads;                 /* worker threads for the path sweep; 0 = one per core. Above
                                    1 (or 0), the pass over the triangles (constraint,
                                    clustering) also runs beside igraph's metrics */
    int sweep_reductions;        /* the exact sweep in hops leaves out the sources whose run
                                    another's stands for (degree-one vertices, twins; the same
                                    results up to rounding): 0 = when it has at least
                                    COLLAB_REDUCE_MIN_WORK steps, 1 = always, -1 = never */
    collab_progress_fn progress; /* called as the path sweep goes on; NULL = quiet */
    void *progress_data;         /* passed to `progress` */
    uint32_t wanted;             /* bit set of collab_metric to compute; 0 = all. Degree,
                                    strength and clustering are always computed; the path
                                    sweep (and with it components, diameter, average path
                                    length) runs when a path metric is wanted */
    /* Other work for the calling thread while the path sweep runs on the others (community
     * detection, say: the sweep never calls igraph, so this may), after the other metrics;
     * NULL for none. Its failure cancels the sweep and is what collab_metrics_compute returns. */
    collab_status (*alongside)(void *ctx, collab_error *err);
    void *alongside_ctx;         /* passed to `alongside` */
} collab_metrics_options;

/* Global statistics of the graph. */
typedef struct collab_global_stats {
    size_t nodes, edges;         /* counts */
    size_t components;           /* connected components */
    double largest_share;        /* share of nodes in the largest component */
    double density;              /* edges / possible edges */
    double transitivity;         /* global: 3 x triangles / connected triples */
    double avg_clustering;       /* mean local clustering (degree < 2 counts as 0) */
    double assortativity;        /* degree assortativity (NaN when undefined) */
    double diameter;             /* longest shortest path (in path length units) */
    double avg_path_length;      /* mean over connected ordered pairs */
    bool paths_estimated;        /* diameter and average path length come from sampled sources */
} collab_global_stats;

typedef struct collab_metrics {
    size_t n;                              /* vertices */
    double *values[COLLAB_METRIC_COUNT];   /* per metric: n values, NULL if not computed */
    double *closeness_se;                  /* standard error per node when sampled, else NULL */
    double *low[COLLAB_METRIC_COUNT];      /* per metric: lower bounds when estimated, else NULL
                                              (betweenness, closeness, harmonic) */
    double *high[COLLAB_METRIC_COUNT];     /* per metric: upper bounds when estimated, else NULL */
    bool sampled;                          /* betweenness/closeness/harmonic are estimates */
    long sample_sources;                   /* sources used when sampled (closeness, harmonic) */
    double approx_eps, approx_delta;       /* the guarantee of the estimates */
    double bc_samples;                     /* shortest paths KADABRA sampled */
    double bc_omega;                       /* the most it could have sampled */
    bool bc_adaptive;                      /* it stopped on its bounds, before omega */
    bool bc_work_stop;                     /* it stopped at its work limit (the exact sweep's
                                              work, at most COLLAB_SAMPLE_WORK_BUDGET): the
                                              intervals hold, eps may not */
    double bc_work;                        /* adjacency entries its samples scanned */
    size_t top_k;                          /* ranks in the three arrays below (--top-exact) */
    size_t *top;                           /* top_k nodes by estimated betweenness */
    size_t *rank_best, *rank_worst;        /* 1-based ranks each could have, given the bounds:
                                              equal when the rank is certain */
    collab_global_stats global;            /* global statistics */
    double seconds[COLLAB_METRIC_COUNT];   /* wall time per metric; the path sweep's time is
                                              given to betweenness (it also yields closeness
                                              and harmonic), degree's covers strength */
    double global_seconds;                 /* wall time of the global statistics */
} collab_metrics;

void collab_metrics_options_init(collab_metrics_options *opt);

/* Computes the metrics selected in `opt` for `g` into `out` (uninitialised on entry, initialised
 * only on COLLAB_OK). Errors: COLLAB_E_NOMEM, COLLAB_E_LIBRARY.
 * Time complexity: O(V E) for exact betweenness/closeness (O(K E) sampled), O(E) for the rest
 * up to the eigen solvers' iterations. */
collab_status collab_metrics_compute(collab_metrics *out, const collab_graph *g,
                                     const collab_metrics_options *opt, collab_error *err);

void collab_metrics_destroy(collab_metrics *m);

/* How reports print a metric's values in text tables (CSV and JSON keep every digit). */
typedef enum collab_number_style {
    COLLAB_NUMBER_INTEGER = 0, /* "%.0f": counts */
    COLLAB_NUMBER_GENERAL,     /* "%.6g": sums of weights */
    COLLAB_NUMBER_LARGE,       /* "%.2f" from 1 up, "%.4f" below: path counts */
    COLLAB_NUMBER_FRACTION     /* "%.4f": values around 0..1 */
} collab_number_style;

/* One row of the metric table: everything the library, the reports and the command line say
 * about a metric. Adding a metric is one enum value, one row (metrics.c) and its computation. */
typedef struct collab_metric_info {
    const char *name;          /* as used in options, CSV headers and JSON ("pagerank") */
    const char *definition;    /* one line, for --help, tooltips and the HTML report */
    bool higher_is_more;       /* a higher value means more central (false for constraint) */
    collab_number_style style; /* how text tables print it */
} collab_metric_info;

/* The row of `metric` (< COLLAB_METRIC_COUNT). */
const collab_metric_info *collab_metric_info_of(collab_metric metric);

/* The metric's name as used in options, CSV headers and JSON ("degree", "pagerank", ...). */
const char *collab_metric_name(collab_metric metric);
/* Parses a metric name; false when unknown. */
bool collab_metric_parse(const char *text, collab_metric *metric);
/* True when a higher value means more central (false for constraint). */
bool collab_metric_higher_is_more(collab_metric metric);

#endif
