/* Time slices of a credits file: cutting its years into decades, single years or windows,
 * building each slice's graph, and the timeline that carries people from slice to slice (where
 * each was last drawn, so a slice's layout starts from the previous one's, who disappeared,
 * and each person's rank in every slice). `collab slices` writes the reports and maps. */
#ifndef COLLAB_SLICES_H
#define COLLAB_SLICES_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* More slices than this is a mistake (a year range of centuries cut by year). */
#define COLLAB_MAX_SLICES 200

/* One slice and what was found in it. */
typedef struct collab_slice {
    int from, to;       /* years, inclusive */
    char label[32];     /* "1990s", "1999", "1990-1994": file names and titles */
    bool drawn;         /* had rows */
    size_t people, ties, rows; /* its graph's vertices and edges, and the rows it kept */
    char top[3][128];   /* the three best-ranked people */
} collab_slice;

/* The year span of the rows `g` kept (from `list`, credits with a year column), and how many of
 * them have no year. *lo > *hi when none has one. */
void collab_slices_year_span(const collab_graph *g, const collab_edgelist *list, int *lo, int *hi,
                             size_t *no_year);

/* Cuts lo..hi into slices: calendar decades when `window` is 0, else windows of `window` years
 * starting every `step` years from lo. `*out` (collab_malloc'd, the caller frees) is set only on
 * COLLAB_OK. Errors: COLLAB_E_USAGE beyond COLLAB_MAX_SLICES slices, COLLAB_E_NOMEM. */
collab_status collab_slices_cut(int lo, int hi, int window, int step, collab_slice **out,
                                size_t *n_out, collab_error *err);

/* Builds the graph of slice `s`: `base`'s options with the years narrowed to the slice (within
 * any year filter already in `base`). Errors: those of collab_graph_build; COLLAB_E_INPUT when the
 * slice has no rows. */
collab_status collab_slices_graph(collab_graph *out, const collab_edgelist *list,
                                  const collab_graph_options *base, const collab_slice *s,
                                  collab_error *err);

/* What persists from slice to slice, per person (names_a id of the edgelist). */
typedef struct collab_timeline {
    size_t n_people, n_slices;
    double *x, *y;           /* last known layout position, NaN when never drawn */
    uint32_t *last_slice;    /* the last slice the person appeared in, UINT32_MAX = none */
    uint32_t *rank;          /* n_slices x n_people ranks, 0 = absent */
    double aspect;           /* the last layout's aspect */
    bool have_positions;     /* a node-level layout was recorded */
} collab_timeline;

/* Initialises `t` for `n_people` people and `n_slices` slices (nobody seen). Errors: NOMEM. */
collab_status collab_timeline_init(collab_timeline *t, size_t n_people, size_t n_slices,
                                   collab_error *err);

/* Frees `t`; NULL-safe, safe on a zeroed value, leaves it zeroed. */
void collab_timeline_destroy(collab_timeline *t);

/* Starting positions for slice graph `g`: people drawn before where they were last drawn,
 * newcomers at the mean of their already placed collaborators (jittered by `seed`), or anywhere
 * when none is. `*x` and `*y` (n values, collab_malloc'd) are set only on COLLAB_OK. */
collab_status collab_timeline_warm_start(const collab_timeline *t, const collab_graph *g,
                                         uint64_t seed, double **x, double **y, collab_error *err);

/* The people of slice `k - 1` who are absent from slice graph `g` (slice k), at their last
 * positions: `*gx`, `*gy` (collab_malloc'd) and `*n_ghosts`, set only on COLLAB_OK. */
collab_status collab_timeline_ghosts(const collab_timeline *t, const collab_graph *g, size_t k,
                                     double **gx, double **gy, size_t *n_ghosts, collab_error *err);

/* Records where slice graph `g`'s people were drawn (layout positions x, y, and its aspect); a
 * NaN position (a person the map left out) keeps the place recorded before. */
void collab_timeline_place(collab_timeline *t, const collab_graph *g, const double *x,
                           const double *y, double aspect);

/* Records slice k: its people (`order`: g's vertices best first) with their ranks, who was seen,
 * and the three best names into s->top. */
void collab_timeline_record(collab_timeline *t, size_t k, const collab_graph *g,
                            const uint32_t *order, collab_slice *s);

/* One person of the rank table. */
typedef struct collab_ranked_person {
    uint32_t person; /* names_a id */
    uint32_t best;   /* best rank over the slices */
} collab_ranked_person;

/* Everyone ranked in some slice, best rank first, ties by person id: `*out` (collab_malloc'd) and
 * `*n_out`, set only on COLLAB_OK. A person's rank in slice k is rank[k * n_people + person]. */
collab_status collab_timeline_ranked(const collab_timeline *t, collab_ranked_person **out,
                                     size_t *n_out, collab_error *err);

#endif
