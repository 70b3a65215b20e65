/* What was read and built: the figures of `collab summary`, as text or JSON.
 *
 * The summary describes the input (shape, delimiter, columns and their use, rows read, skipped
 * and filtered) and the graph built from it (nodes, edges, isolated nodes, components, largest
 * component, density, total weight, projection settings), plus the kept warnings. */
#ifndef COLLAB_SUMMARY_H
#define COLLAB_SUMMARY_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"

#include <stdio.h>

typedef struct collab_summary {
    size_t nodes;              /* vertices */
    size_t edges;              /* edges */
    size_t isolated;           /* vertices of degree 0 */
    size_t components;         /* connected components (weak, if directed) */
    size_t largest_nodes;      /* vertices in the largest component */
    size_t largest_edges;      /* edges in the largest component */
    double density;            /* edges / possible edges (simple graph) */
    double total_weight;       /* sum of edge weights */
} collab_summary;

/* Computes the structural figures of `g`. Returns COLLAB_E_LIBRARY / COLLAB_E_NOMEM on failure,
 * `out` untouched. Time complexity: O(V + E). */
collab_status collab_summary_compute(collab_summary *out, const collab_graph *g, collab_error *err);

/* Writes the summary to `f` as aligned text; `opt` gives the settings in force (borrowed). Write
 * errors are left in the stream's error flag for whoever closes it (collab_output_commit). */
collab_status collab_summary_write_text(FILE *f, const collab_summary *s, const collab_edgelist *list,
                                        const collab_graph *g, const collab_graph_options *opt,
                                        collab_error *err);

/* The same as one JSON object (UTF-8, keys in a fixed order). */
collab_status collab_summary_write_json(FILE *f, const collab_summary *s, const collab_edgelist *list,
                                        const collab_graph *g, const collab_graph_options *opt,
                                        collab_error *err);

#endif
