/* Private interface of the shortest-path sweep (paths.c) used by metrics.c: one pass of BFS or
 * Dijkstra per source gives betweenness (Brandes), closeness, harmonic centrality, the diameter
 * and the average path length together. */
#ifndef COLLAB_PATHS_INTERNAL_H
#define COLLAB_PATHS_INTERNAL_H

#include "collab/error.h"
#include "collab/progress.h"
#include "collab/metrics.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An undirected simple graph in compressed sparse rows; multi-edges merged (weights summed). */
typedef struct collab_i_csr {
    size_t n;          /* vertices */
    size_t *start;     /* n + 1 offsets into `adj` */
    uint32_t *adj;     /* neighbours, ascending per vertex */
    double *weight;    /* weight of each adjacency entry */
} collab_i_csr;

/* Builds the CSR of `g` ignoring direction. */
collab_status collab_i_csr_build(collab_i_csr *out, const collab_graph *g, collab_error *err);
void collab_i_csr_destroy(collab_i_csr *csr);

typedef struct collab_i_sweep_result {
    double *betweenness;    /* n: raw undirected betweenness (pairs counted once) */
    double *closeness;      /* n: (reachable - 1) / sum of distances within the component */
    double *harmonic;       /* n: sum of 1/distance */
    double *betweenness_se; /* n when sampled, else NULL */
    double *closeness_se;   /* n when sampled, else NULL */
    bool sampled;           /* estimates from sampled sources */
    size_t sources;         /* sources swept */
    double diameter;        /* largest distance seen */
    double avg_path_length; /* mean distance over the connected ordered pairs seen */
    size_t components;      /* connected components */
    size_t largest;         /* size of the largest component */
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
collab_status collab_i_sweep_start(collab_i_sweep_job **out, const collab_i_csr *csr,
                                   bool inverse, long sample, uint64_t seed, int threads,
                                   collab_progress_fn progress, void *progress_data,
                                   collab_error *err);
collab_status collab_i_sweep_finish(collab_i_sweep_job *job, bool cancel,
                                    collab_i_sweep_result *out, collab_error *err);

/* Burt's constraint of every vertex of `csr` into `out` (n values; NaN for an isolated vertex),
 * from the triangles (constraint.c). Time complexity: O(E^1.5). */
collab_status collab_i_constraint(const collab_i_csr *csr, double *out, collab_error *err);

#endif
