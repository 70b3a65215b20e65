/* Community detection on a collab_graph, with canonical numbering.
 *
 * Communities are numbered by size, largest first, ties broken by their smallest member id, so
 * the same partition always prints the same way. Every randomised method is seeded. */
#ifndef COLLAB_COMMUNITY_H
#define COLLAB_COMMUNITY_H

#include "collab/error.h"
#include "collab/graph.h"

#include <stdint.h>

typedef enum collab_community_method {
    COLLAB_COMMUNITY_LEIDEN = 0,  /* modularity objective, iterated until stable (default) */
    COLLAB_COMMUNITY_LOUVAIN,     /* multilevel modularity optimisation */
    COLLAB_COMMUNITY_LABEL_PROPAGATION,
    COLLAB_COMMUNITY_INFOMAP,
    COLLAB_COMMUNITY_WALKTRAP,    /* small graphs only */
    COLLAB_COMMUNITY_METHOD_COUNT
} collab_community_method;

typedef struct collab_community_options {
    collab_community_method method; /* algorithm */
    double resolution;              /* modularity resolution (Leiden, Louvain); default 1 */
    uint64_t seed;                  /* RNG seed */
} collab_community_options;

typedef struct collab_partition {
    size_t n;                /* vertices */
    uint32_t *membership;    /* per vertex: community number, 0 = largest */
    size_t n_communities;    /* number of communities */
    size_t *sizes;           /* members per community */
    double modularity;       /* modularity of the partition at resolution 1, with weights */
} collab_partition;

void collab_community_options_init(collab_community_options *opt);

/* Detects communities of `g` into `out` (uninitialised on entry, initialised only on COLLAB_OK).
 * Errors: COLLAB_E_USAGE (walktrap on a graph too large for it), COLLAB_E_NOMEM, COLLAB_E_LIBRARY. */
collab_status collab_community_detect(collab_partition *out, const collab_graph *g,
                                      const collab_community_options *opt, collab_error *err);

void collab_partition_destroy(collab_partition *p);

/* The modularity that Leiden (at opt->resolution, seeded by opt->seed) reaches on `g` shuffled,
 * every degree kept: what a partition of a graph of these degrees reaches by chance. A graph of up
 * to 50,000 edges is rewired by edge swaps that keep it simple (the mean of up to 16 such
 * shuffles); a larger one has the ends of a sample of about 400,000 edges' worth of its vertices
 * paired at random (the configuration model). A random graph's partition reaches about as much as
 * its shuffle's (a dense random graph of 12,000 nodes: 0.092 and 0.095); one with real groups
 * more (the 100k-row generated file: 0.384 against 0.152). 0 for fewer than two edges.
 * Errors: COLLAB_E_NOMEM, COLLAB_E_LIBRARY. */
collab_status collab_community_chance_modularity(const collab_graph *g,
                                                 const collab_community_options *opt, double *q,
                                                 collab_error *err);

/* The method's name ("leiden", ...), NULL past COLLAB_COMMUNITY_METHOD_COUNT. */
const char *collab_community_method_name(collab_community_method method);
/* Parses a method's name; false when unknown. */
bool collab_community_method_parse(const char *text, collab_community_method *method);

#endif
