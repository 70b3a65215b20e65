/* Private interface of the shortest-path sweep used by metrics.c: one pass of BFS or Dijkstra
 * per source gives betweenness (Brandes), closeness, harmonic centrality, the diameter and the
 * average path length together. The CSR (paths_csr.c) is also what Burt's constraint reads
 * (constraint.c). The second part of this header is shared only by the sweep's own files:
 * paths.c (the driver: job, lanes, threads), paths_csr.c, paths_sample.c, paths_kernels.c, and
 * KADABRA's sampler of betweenness with its bounds (paths_kadabra.c, paths_rank.c). */
#ifndef COLLAB_PATHS_INTERNAL_H
#define COLLAB_PATHS_INTERNAL_H

#include "collab/error.h"
#include "collab/metrics.h"
#include "collab/progress.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An undirected simple graph in compressed sparse rows; multi-edges merged (weights summed). */
typedef struct collab_i_csr {
    size_t n;       /* vertices */
    size_t *start;  /* n + 1 offsets into `adj` */
    uint32_t *adj;  /* neighbours, ascending per vertex */
    double *weight; /* weight of each adjacency entry */
} collab_i_csr;

/* Builds the CSR of `g` ignoring direction. */
collab_status collab_i_csr_build(collab_i_csr *out, const collab_graph *g, collab_error *err);
void collab_i_csr_destroy(collab_i_csr *csr);

typedef struct collab_i_sweep_result {
    double *betweenness;  /* n: raw undirected betweenness (pairs counted once) */
    double *closeness;    /* n: (reachable - 1) / sum of distances within the component */
    double *harmonic;     /* n: sum of 1/distance */
    double *closeness_se; /* n when sampled, else NULL */
    /* When sampled, n each (else NULL): bounds that hold for every vertex at once with
     * probability >= 1 - delta (per metric); betweenness in the same raw units as above. */
    double *betweenness_low, *betweenness_high;
    double *closeness_low, *closeness_high;
    double *harmonic_low, *harmonic_high;
    bool sources_sampled; /* not every vertex was a source */
    bool sampled;         /* estimates from sampled sources (closeness, harmonic) and sampled
                             shortest paths (betweenness, by KADABRA) */
    size_t sources;       /* sources swept */
    double bc_samples;    /* KADABRA: shortest paths sampled (second run) */
    double bc_first;      /* KADABRA: paths of the first run that allotted delta */
    double bc_omega;      /* KADABRA: most paths it could have needed */
    double bc_vd;         /* the bound on the vertex diameter that omega used */
    bool bc_adaptive;     /* KADABRA stopped on its bounds before omega */
    bool bc_work_stop;    /* KADABRA stopped at its work limit */
    double bc_work;       /* adjacency entries its samples scanned */
    size_t top_k;         /* ranks in top / rank_best / rank_worst (--top-exact) */
    uint32_t *top;        /* top_k vertices by estimated betweenness (original ids) */
    size_t *rank_best, *rank_worst; /* ranks each could have, 1-based, given the bounds */
    double diameter;                /* largest distance seen */
    double avg_path_length;         /* mean distance over the connected ordered pairs seen */
    size_t components;              /* connected components */
    size_t largest;                 /* size of the largest component */
} collab_i_sweep_result;

void collab_i_sweep_result_destroy(collab_i_sweep_result *r);

/* Sweeps `csr`: every source when `sample` is 0, else about `sample` sources drawn per component
 * in proportion to its size (components of up to 64 vertices are swept whole), seeded with
 * `seed`. `inverse` measures an edge of weight w as 1/w, else as one hop. `threads` workers
 * (0 = one per core). The result does not depend on the number of threads. `progress` (NULL
 * for none) hears how many sources are done, from one worker at a time.
 * Time complexity: O(S (V + E)) for S sources (O(S E log V) with `inverse`).
 *
 * In two steps, so the caller's core is not idle while it runs: start launches threads - 1
 * workers in the background (none with one thread) and returns; the caller may do other work
 * (igraph's calls: the workers never call igraph); finish makes the caller the last worker, waits
 * for the others and gives the result. With `cancel`, the workers stop at their next source and
 * there is no result. finish frees the job in every case; `csr` is only read by start. */
typedef struct collab_i_sweep_job collab_i_sweep_job;
/* What a sampled sweep guarantees: betweenness within eps (on the normalised scale) of the
 * truth for every vertex with probability >= 1 - delta; with top_k > 0 it samples on until the
 * top_k ranks are separated by their bounds (or a work limit). */
typedef struct collab_i_estimate_opts {
    double eps;   /* additive error on normalised betweenness */
    double delta; /* failure probability */
    size_t top_k; /* 0 = none */
    bool force;   /* estimate betweenness even when every source is swept */
} collab_i_estimate_opts;
/* `reduce`: an exact sweep in hops leaves out the sources whose runs another's stands for
 * (paths_reduce.c); the results are the same up to rounding. */
collab_status collab_i_sweep_start(collab_i_sweep_job **out, const collab_i_csr *csr, bool inverse,
                                   bool reduce, long sample, const collab_i_estimate_opts *est,
                                   uint64_t seed, int threads, collab_progress_fn progress,
                                   void *progress_data, collab_error *err);
collab_status collab_i_sweep_finish(collab_i_sweep_job *job, bool cancel,
                                    collab_i_sweep_result *out, collab_error *err);

/* What one pass over the triangles of `csr` (constraint.c) fills; NULL = not wanted. */
typedef struct collab_i_triangle_outputs {
    double *constraint;   /* n: Burt's constraint (NaN for an isolated vertex) */
    double *clustering;   /* n: local clustering coefficient, 0 below degree 2 (igraph's ZERO) */
    double *transitivity; /* one: 3 x triangles / connected triples, 0 without triples */
} collab_i_triangle_outputs;

/* Enumerates every triangle of `csr` once (each vertex looks only at neighbours that rank above
 * it by degree) and fills what `out` asks for. Time complexity: O(E^1.5). */
collab_status collab_i_triangles(const collab_i_csr *csr, const collab_i_triangle_outputs *out,
                                 collab_error *err);

/* ---- between the sweep's files ---------------------------------------------------------- */

/* Labels the connected components of `c` by BFS (ids in order of their smallest vertex) into
 * `comp` (n entries), their sizes and first positions in `order` into `sizes` and `begins` (room
 * for n each), and lists every vertex in `order` (n): component after component, each in BFS
 * order. Returns the number of components. Time complexity: O(V + E). */
size_t collab_i_csr_components(const collab_i_csr *c, uint32_t *comp, size_t *sizes, size_t *begins,
                               uint32_t *order);

/* Initialises `out` as `c` with vertex order[i] renamed i, and fills `new_id` (n entries) with
 * the new name of each vertex. Neighbours that BFS puts together get nearby numbers, so a sweep
 * touches far fewer cache lines; each list keeps its order, so every BFS, and every
 * floating-point sum, is as on the original numbering. Weights are copied only with `weights`
 * (else out->weight is NULL). False when out of memory (then `out` holds nothing). */
bool collab_i_csr_relabel(const collab_i_csr *c, const uint32_t *order, uint32_t *new_id,
                          bool weights, collab_i_csr *out);

/* Chooses the sweep's sources (original vertex ids, ascending) into `sources` (room for n):
 * every vertex when `sample` <= 0 or >= n, else per component k = max(min(size, 64),
 * round(sample * size / n)) members drawn without replacement (partial Fisher-Yates, splitmix64
 * seeded with `seed`). `picked[k]` gets the number drawn from component k. `comp` and `sizes`
 * are collab_i_csr_components'. Returns the number of sources, SIZE_MAX when out of memory. */
size_t collab_i_paths_choose_sources(const collab_i_csr *c, const uint32_t *comp,
                                     const size_t *sizes, size_t n_comp, long sample, uint64_t seed,
                                     uint32_t *sources, size_t *picked);

/* The sums one lane of the sweep has accumulated from its sources (indexed by relabelled
 * vertex). Lanes are added in lane order at the end, so the totals do not depend on which
 * thread summed which lane. */
typedef struct collab_i_path_lane {
    double *bc, *bc2;     /* sum of dependencies (and squares, when sampled) */
    double *dsum, *dsum2; /* sum of distances from the sources reaching the vertex */
    double *hsum;         /* sum of reciprocal distances */
    uint32_t *reached;    /* number of sources (other than itself) that reached the vertex */
    double max_dist;      /* largest distance seen */
    double pair_dist;     /* sum of distances over (source, reached vertex) pairs */
    double pairs;         /* number of such pairs */
    bool distances_only;  /* skip the dependencies (betweenness comes from elsewhere) */
} collab_i_path_lane;

/* An entry of Dijkstra's lazy heap. */
typedef struct collab_i_path_heap_item {
    double dist; /* tentative distance */
    uint32_t v;  /* vertex */
} collab_i_path_heap_item;

/* One worker's scratch space for single-source runs, reset by each run for the next. */
typedef struct collab_i_path_workspace {
    int32_t *level;    /* hops from the source, -1 = not reached (hop mode) */
    uint8_t *mark;     /* hops modulo 255, 255 if not reached (hop mode; see paths_kernels.c) */
    uint32_t *succ;    /* successor arcs of the shortest-path DAG, grouped by vertex (hop mode) */
    size_t *succ_at;   /* succ_at[i]: where the successors of order[i] start; n + 1 entries */
    double *dist;      /* distance from the source, -1 = not reached (1/weight mode) */
    double *sigma;     /* number of shortest paths; in hop mode, once a vertex's dependency is
                        * final, its share (1 + delta) / sigma for each predecessor instead */
    double *delta;     /* dependency */
    double recip[256]; /* 1/k for hop distances k below 256 */
    uint32_t *order;   /* vertices in order of settling */
    collab_i_path_heap_item *heap; /* Dijkstra's lazy heap */
    size_t heap_cap;               /* its capacity */
    double *count_at; /* vertices by hop distance, all 0 between runs (runs of side classes) */
} collab_i_path_workspace;

/* Allocates and resets `w` for single-source runs on `c` (Dijkstra with `inverse`, else BFS);
 * false when out of memory (then nothing is left allocated). */
bool collab_i_path_workspace_init(collab_i_path_workspace *w, const collab_i_csr *c, bool inverse);
/* Frees the workspace's arrays. */
void collab_i_path_workspace_free(collab_i_path_workspace *w);

/* Brandes from source `src` (a vertex of the relabelled `c`) by BFS, its dependencies, distances
 * and reciprocal distances added to lane `l` (with `squares`, their squares too) for every vertex
 * it reaches; `begin` is the first vertex of the source's component. Leaves `w` reset.
 * Time complexity: O(V_c + E_c) over the source's component. */
void collab_i_paths_from_hops(const collab_i_csr *c, collab_i_path_workspace *w,
                              collab_i_path_lane *l, bool squares, uint32_t src, size_t begin);

/* Brandes from `src` on the quotient graph `c` of a reduction (relabelled), whose vertex x
 * stands for mult[x] vertices (a class of twins or the pendants of one vertex): path counts and
 * dependencies weigh each vertex by its multiplicity, and the run also stands for `twins` - 1
 * other sources with the same distances and dependencies and for `pendants` degree-one sources
 * one hop further. Each reached vertex gets the terms of one of its members (they are equal).
 * The source's component is [begin, end) of the relabelled quotient.
 *
 * Side classes (paths_reduce.c; `side` by relabelled vertex, NULL = none): the run of a side
 * class `src` goes over the whole quotient `c` and also stands for the runs of every vertex that
 * is not a side class towards `src` (pairs are symmetric): it counts those targets' pairs twice
 * in the dependencies and gives `src` their distance terms. Every other run goes over `c` with
 * the side classes cut off (`c` is then the core), which leaves the distances between the rest
 * unchanged, and never reaches them.
 * Time complexity: O(V_c + E_c) over the source's component of the quotient. */
void collab_i_paths_from_hops_folded(const collab_i_csr *c, const double *mult, const uint8_t *side,
                                     collab_i_path_workspace *w, collab_i_path_lane *l,
                                     uint32_t src, size_t begin, size_t end, uint32_t twins,
                                     uint32_t pendants);

/* The exact reduction of a hop sweep (paths_reduce.c): the quotient graph of the classes of
 * twins and of the pendants of each vertex, which sources of it to sweep with which weights,
 * and the run-independent terms the runs miss. */
typedef struct collab_i_path_reduction {
    collab_i_csr q;     /* the quotient graph (no weights), adjacency ascending */
    uint32_t *q_of;     /* n: the quotient vertex of each vertex */
    double *mult;       /* q.n: vertices each stands for */
    uint32_t *twins;    /* q.n: sources its run stands for (its members); 0 for a class of
                           pendants, whose runs their neighbour's stands for */
    uint32_t *pendants; /* q.n: degree-one neighbours folded into it as sources */
    double *bc;         /* n: corrections to the lanes' sums (betweenness counted from both ends, */
    double *dsum;       /*    distances, reciprocal distances and sources reaching the vertex) */
    double *hsum;
    double *reached;
    double pair_dist; /* corrections to the sum of distances over ordered pairs */
    double pairs;     /* and to the number of pairs */
    double diameter;  /* the largest distance inside a class (the runs never see it) */
    size_t swept;     /* sources to sweep */
    uint8_t *side;    /* q.n: 1 for a side class (below), whose run covers its pairs both ways */
    size_t n_side;    /* side classes */
} collab_i_path_reduction;

/* Finds the pendants and twins of `c` (adjacency ascending; `comp` and `sizes` as
 * collab_i_csr_components gives them) into `out` (uninitialised on entry, initialised only on
 * COLLAB_OK). Errors: COLLAB_E_NOMEM. Time complexity: O(V log V + E log E). */
collab_status collab_i_paths_reduce(collab_i_path_reduction *out, const collab_i_csr *c,
                                    const uint32_t *comp, const size_t *sizes, collab_error *err);
void collab_i_path_reduction_destroy(collab_i_path_reduction *r);

/* The same by Dijkstra with edge length 1/weight (`w` initialised with `inverse`).
 * Time complexity: O(E_c log E_c) over the source's component. */
void collab_i_paths_from_inverse(const collab_i_csr *c, collab_i_path_workspace *w,
                                 collab_i_path_lane *l, bool squares, uint32_t src);

/* A worker's words for multi-source BFS (paths_msbfs.c): bit i of a vertex's word stands for
 * the batch's source i. All zero between runs. */
typedef struct collab_i_msbfs {
    uint64_t *seen;  /* sources that have reached the vertex */
    uint64_t *visit; /* sources that reached it at the current level */
    uint64_t *next;  /* sources reaching it at the next level (before removing the seen) */
} collab_i_msbfs;

bool collab_i_msbfs_init(collab_i_msbfs *m, size_t n);
void collab_i_msbfs_free(collab_i_msbfs *m);

/* Distances by hops from the `n_src` (1..64) sources `src` of one component, the relabelled
 * range [begin, end) of `c`, added to lane `l` as collab_i_paths_from_hops adds them with the
 * lane's distances_only set (no dependencies): distance sums (and squares with `squares`),
 * reciprocal sums, reach counts, the largest distance and the pair sums. Leaves `m` zeroed.
 * Time complexity: O(L (V_c + E_c)) for L distinct distances from the batch, at most the
 * component's diameter + 1. */
void collab_i_msbfs_run(const collab_i_csr *c, collab_i_msbfs *m, collab_i_path_lane *l,
                        bool squares, const uint32_t *src, size_t n_src, size_t begin, size_t end);

/* Dijkstra's lazy heap of `*size` items in `heap`: push (room is the caller's) and pop. */
void collab_i_path_heap_push(collab_i_path_heap_item *heap, size_t *size, double dist, uint32_t v);
collab_i_path_heap_item collab_i_path_heap_pop(collab_i_path_heap_item *heap, size_t *size);
/* Two path lengths are equal when they differ by rounding only (relative 1e-10). */
bool collab_i_path_same_length(double a, double b);

/* ---- KADABRA (paths_kadabra.c) ------------------------------------------------------------ */

typedef struct collab_i_kadabra_opts {
    double eps;                  /* additive error on normalised betweenness */
    double delta;                /* failure probability, 0 < delta < 1 */
    size_t top_k;                /* > 0: stop when the top_k ranks are separated (or at omega) */
    double vertex_diameter;      /* upper bound on the vertices of any shortest path */
    bool inverse;                /* 1/weight lengths (Dijkstra), else hops (bidirectional BFS) */
    uint64_t seed;               /* seed of the samples */
    int threads;                 /* threads sharing each batch (1..4); the result is the same */
    double work_limit;           /* stop once the samples have scanned this many adjacency
                                    entries (the intervals still hold, eps may not); 0 = none */
    collab_progress_fn progress; /* told the samples drawn; NULL = quiet */
    void *progress_data;         /* passed to it */
} collab_i_kadabra_opts;

typedef struct collab_i_kadabra_result {
    double *estimate;     /* n: b~(v), share of sampled paths with v inside */
    double *low, *high;   /* n: bounds on b(v) (KADABRA's scale: normalised x (n - 2) / n) */
    double lambda;        /* the error asked for on b(v) */
    double cap_lambda;    /* the error at omega (lambda / 4 with top_k) */
    double omega;         /* the sample limit */
    double samples;       /* samples of the second run */
    double first_samples; /* samples of the first run */
    bool adaptive_stop;   /* stopped on its bounds before omega */
    bool work_stop;       /* stopped at the work limit, before its bounds or omega */
    double work;          /* adjacency entries the samples scanned */
    bool exact;           /* no shortest path has an interior vertex: all 0, nothing sampled */
    uint32_t *top;        /* top_k vertices by estimate (ties by id) */
    size_t *rank_best, *rank_worst; /* ranks each could have given every bound */
} collab_i_kadabra_result;

/* Estimates b(v) for every vertex of `c` by KADABRA (see paths_kadabra.c) into `out`
 * (uninitialised on entry, initialised only on COLLAB_OK). Errors: COLLAB_E_NOMEM.
 * Time: at most omega samples, each O(V + E) (far less in practice). */
collab_status collab_i_kadabra(collab_i_kadabra_result *out, const collab_i_csr *c,
                               const collab_i_kadabra_opts *o, collab_error *err);
void collab_i_kadabra_result_destroy(collab_i_kadabra_result *r);
/* KADABRA's bound below (f) and above (g) b~ after tau of at most omega samples, for a vertex
 * given failure probability delta_l / delta_u; and omega for error lambda, failure delta and a
 * vertex diameter bound vd. */
double collab_i_kadabra_lower(double btilde, double tau, double omega, double delta_l);
double collab_i_kadabra_upper(double btilde, double tau, double omega, double delta_u);
double collab_i_kadabra_omega(double lambda, double delta, double vd);
/* (paths_rank.c) Ranks the top_k of `r` (estimate, low, high over n vertices) into r->top,
 * r->rank_best and r->rank_worst (room for top_k each); true when every one of those ranks is
 * certain. False also when out of memory (then *nomem is set). */
bool collab_i_kadabra_rank(collab_i_kadabra_result *r, size_t n, size_t top_k, bool *nomem);

#endif
