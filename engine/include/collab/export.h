/* Exporting the analysed network for other tools: GraphML (Cytoscape, yEd, igraph, NetworkX),
 * GEXF 1.2 with the viz extension (Gephi), GML, node-link JSON (d3, sigma.js, NetworkX),
 * VOSviewer's JSON map format (VOSviewer Online) and CSV node and edge tables (spreadsheets).
 *
 * Every format carries the same node attributes: name, kind (person, project, or node for edge
 * lists), for credits the number of credit rows, the role mix and the year span, every computed
 * metric, the community (numbered from 1, largest first, as in the reports) and, when a layout
 * was computed, the position, radius and colour as drawn by `collab map`. Edges carry their
 * weight. Absent values (a NaN metric, a person without a dated credit) are left out rather than
 * written as "nan", which no reader of these formats accepts.
 *
 * Names may hold any valid UTF-8, markup and control characters included: each writer escapes
 * them for its format (XML 1.0 cannot carry most C0 controls even escaped, so those become
 * U+FFFD there; GML is ASCII, so other characters are written as &#N; references). Numbers are
 * written in the fewest significant digits that read back to the same double (shortest
 * round-trip, numtext.cc with libdouble-conversion; GML and JSON reals always with a decimal
 * point); only the node-link JSON's graph metadata goes through jansson, whose 17 significant
 * digits also read back exactly. Output is deterministic.
 * Writers only write to a FILE *; the caller opens and commits it (collab_output). */
#ifndef COLLAB_EXPORT_H
#define COLLAB_EXPORT_H

#include "collab/community.h"
#include "collab/credits.h"
#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"
#include "collab/metrics.h"
#include "collab/scene.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum collab_export_format {
    COLLAB_EXPORT_GRAPHML = 0, /* GraphML, attributes declared as <key>s */
    COLLAB_EXPORT_GEXF,        /* GEXF 1.2draft with viz:position, viz:color, viz:size */
    COLLAB_EXPORT_GML,         /* GML, ASCII, with a graphics [] block per node */
    COLLAB_EXPORT_JSON,        /* node-link JSON: {"directed", "graph", "nodes", "links"} */
    COLLAB_EXPORT_VOSVIEWER,   /* VOSviewer JSON: {"network": {"items", "links", "clusters"}} */
    COLLAB_EXPORT_CSV_NODES,   /* CSV node table, one row per node */
    COLLAB_EXPORT_CSV_EDGES,   /* CSV edge table, one row per edge */
    COLLAB_EXPORT_FORMAT_COUNT
} collab_export_format;

/* Everything an export describes. All pointers are borrowed for the call and not kept. */
typedef struct collab_export_input {
    const collab_graph *graph;         /* the graph (required) */
    const collab_edgelist *list;       /* the rows it was built from: for credits the role mix,
                                          credit count and years of each node; NULL = none */
    const collab_metrics *metrics;     /* metrics (values[k] NULL when not computed); NULL = none */
    const collab_partition *partition; /* communities; NULL = none */
    const double *x, *y;               /* per vertex: page position of the drawn map (y grows
                                          downwards, as on the page); NULL = no layout */
    const double *radius;              /* per vertex: disc radius on the page; NULL = none */
    const collab_rgba *color;          /* per vertex: fill colour; NULL = none */
    const char *layout_name;           /* layout method, recorded in the graph's metadata;
                                          NULL = none */
    const char *community_method;      /* community method, recorded likewise; NULL = none */
    const collab_graph_options *graph_opt; /* how the graph was built: projects left out of the
                                          people projection are recorded; NULL = none */
    const collab_credit_facts *facts;      /* for credits: the facts of `graph` from `list`
                                              (collab_credit_facts_compute), when the caller
                                              computed them once for several writers; NULL = the
                                              writer computes them itself */
    int threads; /* threads formatting the nodes and edges, the same bytes whatever the number:
                    0 = one per core (at most 4), 1 = the caller's only */
} collab_export_input;

/* The format named by `path`'s extension, case-insensitively: .graphml, .gexf, .gml, .json
 * (node-link), .vos.json (VOSviewer, checked before .json) and .csv (the node table; see
 * collab_export_edges_path for the edge table beside it), each optionally followed by ".gz" (the
 * output is then compressed: collab/output.h). False when none matches. */
bool collab_export_format_from_path(const char *path, collab_export_format *fmt);

/* "graphml", "gexf", "gml", "json", "vosviewer", "csv-nodes", "csv-edges"; "?" when unknown. */
const char *collab_export_format_name(collab_export_format fmt);

/* The --format choice of format `i` ("graphml", ..., "vosviewer", "csv"; the edge table has
 * none), NULL past the last one that has a choice. Choice i is format i. */
const char *collab_export_format_option_name(int i);

/* Where the edge table goes when the node table is written to `nodes_path`: "net.csv" gives
 * "net.edges.csv"; when the name's last word is "nodes" it becomes "edges" ("nodes.csv",
 * "net.nodes.csv", "net_nodes.csv" give "edges.csv", "net.edges.csv", "net_edges.csv"); a name
 * without ".csv" gets ".edges.csv" appended; a final ".gz" is kept ("nodes.csv.gz" gives
 * "edges.csv.gz"). Writes at most `size` bytes to `out`; false when it
 * does not fit. */
bool collab_export_edges_path(const char *nodes_path, char *out, size_t size);

/* Writes `in` to `f` in `fmt`. Write errors are left in the stream's error flag for whoever
 * closes it (collab_output_commit names the file). Errors: COLLAB_E_USAGE for a missing graph or
 * an unknown format, COLLAB_E_NOMEM; nothing is printed.
 * Time complexity: O(V + E + rows log rows) (the role mix sorts the credit rows; O(V + E) with
 * in->facts given). */
collab_status collab_export_write(FILE *f, const collab_export_input *in, collab_export_format fmt,
                                  collab_error *err);

#endif
