/* Between the files of the shortest-path sweep: the driver (paths.c), the final sums
 * (paths_combine.c) and the estimates (paths_estimate.c). Private to them. */
#ifndef COLLAB_PATHS_SWEEP_INTERNAL_H
#define COLLAB_PATHS_SWEEP_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>

#include "paths_internal.h"

#define COLLAB_I_SWEEP_LANES 4

typedef struct collab_i_sweep {
    const collab_i_csr *csr;  /* the graph relabelled: components contiguous, each in BFS order
                                 (with a reduction, its quotient graph relabelled) */
    size_t n_vertices;        /* vertices of the graph */
    const uint32_t *new_id;   /* new_id[original vertex] (quotient vertex, when reduced) */
    const uint32_t *comp;     /* component of each original vertex (quotient vertex) */
    const size_t *comp_begin; /* first relabelled vertex of each component */
    const size_t *comp_size;  /* vertices of each component */
    bool inverse;             /* 1/weight lengths */
    uint64_t seed;            /* seed of the sample (KADABRA's too) */
    collab_progress_fn progress_all; /* the caller's progress function, for KADABRA */
    bool squares;                    /* keep sums of squares (sampling) */
    collab_i_estimate_opts est;      /* the guarantee asked for when sampling */
    double *comp_reach; /* per component: upper bound on any distance in it (sampling) */
    double min_len;     /* lower bound on any distance between two vertices */
    double hoeffding;   /* ln(2 n / delta): Hoeffding's bound for all vertices at once */
    const collab_i_path_reduction *red; /* the reduction swept, or NULL (paths_reduce.c) */
    const double *mult;                 /* its multiplicities, by relabelled quotient vertex */
    const uint8_t *side;                /* its side classes, by relabelled quotient vertex, or
                                           NULL when none */
    const collab_i_csr *core;           /* the quotient without them, for the other runs */
    const uint32_t *sources;            /* sources (original vertices), ascending */
    size_t n_sources;                   /* how many */
    collab_i_path_lane lanes[COLLAB_I_SWEEP_LANES]; /* per-lane accumulators */
    int n_threads;                                  /* workers */
    collab_progress_fn progress;                    /* told how far the sweep is, or NULL */
    void *progress_data;                            /* passed to it */
    double started;       /* when the sweep began (collab_clock_seconds), for the time left */
    atomic_size_t done;   /* sources finished */
    atomic_int next_lane; /* the next lane a worker may take */
    atomic_bool cancel;   /* stop early: the caller failed elsewhere */
    struct collab_i_sweep_job *job; /* the job this sweep is part of */
    bool estimate_in_worker;        /* worker 0 samples betweenness once no source is left */
} collab_i_sweep;

typedef struct collab_i_sweep_worker {
    collab_i_sweep *s; /* shared state */
    int id;            /* thread number */
    collab_status st;  /* COLLAB_E_NOMEM if its workspace failed */
    bool background;   /* started beside the caller's other metrics (lower priority) */
} collab_i_sweep_worker;

/* A sweep in progress: what collab_i_sweep_start set up and collab_i_sweep_finish frees. */
struct collab_i_sweep_job {
    collab_i_sweep s;                /* the shared state the workers read */
    collab_i_sweep_result r;         /* components, sources; the metrics once combined */
    collab_i_csr relabelled;         /* the graph renumbered for the sweep */
    collab_i_path_reduction red;     /* the reduction (when reduced) */
    uint32_t *q_comp, *q_new_id;     /* its quotient's components and renumbering */
    size_t *q_begins, *q_sizes;      /* first new id and vertices of each of its components */
    uint8_t *q_side;                 /* its side classes by new id (when it has any) */
    collab_i_csr core;               /* the relabelled quotient without them */
    double *q_mult;                  /* multiplicities by new id */
    uint32_t *comp;                  /* component of each vertex */
    uint32_t *sources;               /* the sources */
    uint32_t *new_id;                /* the renumbering */
    size_t *sizes, *begins, *picked; /* per component: vertices, first new id, sources */
    pthread_t threads[COLLAB_I_SWEEP_LANES];             /* background workers */
    collab_i_sweep_worker workers[COLLAB_I_SWEEP_LANES]; /* their state; the last is the caller's */
    int started;                                         /* background workers running */
    bool estimated;                  /* kadabra holds KADABRA's estimates (run_estimator) */
    collab_i_kadabra_result kadabra; /* its result, until estimate_betweenness adopts it */
    collab_status estimate_st;       /* how run_estimator ended, with its error */
    collab_error estimate_err;
};

/* A lane's sums for n vertices (with sums of squares when `squares`); false when out of memory
 * (then nothing is held). */
bool collab_i_lane_init(collab_i_path_lane *l, size_t n, bool squares);
void collab_i_lane_free(collab_i_path_lane *l);

/* Adds the lanes together (in lane order) and turns the sums into the metrics of every vertex
 * (original ids), with their bounds when sampling (paths_combine.c). */
collab_status collab_i_sweep_combine(const collab_i_sweep *s, const uint32_t *comp,
                                     const size_t *sizes, const size_t *picked,
                                     collab_i_sweep_result *r, collab_error *err);

/* The distance bounds and KADABRA's samples on `threads` threads, into job->kadabra; the outcome
 * in job->estimate_st and estimate_err (paths_estimate.c). */
void collab_i_sweep_run_estimator(collab_i_sweep_job *job, int threads);

/* Betweenness from those estimates, in original ids and on the raw scale, with its bounds and
 * the top ranks when asked (paths_estimate.c). */
collab_status collab_i_sweep_estimate_betweenness(collab_i_sweep_job *job, collab_error *err);

#endif
