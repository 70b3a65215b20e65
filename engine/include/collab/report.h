/* The centrality report and the community report, as an aligned terminal table, CSV, JSON or
 * Markdown. Output is deterministic: rows ranked by the sort metric with ties broken by vertex
 * id, numbers in fixed formats (CSV and JSON with full precision, '.' as decimal point). */
#ifndef COLLAB_REPORT_H
#define COLLAB_REPORT_H

#include "collab/community.h"
#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"
#include "collab/metrics.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum collab_report_format {
    COLLAB_FORMAT_TABLE = 0,
    COLLAB_FORMAT_CSV,
    COLLAB_FORMAT_JSON,
    COLLAB_FORMAT_MD
} collab_report_format;

/* Everything a report describes (all borrowed). */
typedef struct collab_report_input {
    const collab_edgelist *list;          /* the rows read (roles, years) */
    const collab_graph *graph;            /* the graph analysed */
    const collab_graph_options *graph_opt; /* how it was built */
    const collab_metrics *metrics;        /* its metrics */
    const collab_metrics_options *metrics_opt; /* how they were computed */
    const collab_partition *partition;    /* its communities */
    const collab_community_options *community_opt; /* how they were found */
} collab_report_input;

typedef struct collab_report_options {
    collab_report_format format; /* output format */
    size_t top;                  /* rows to show; 0 = all */
    uint32_t columns;            /* bit set of collab_metric shown; 0 = all */
    collab_metric sort;          /* ranking metric */
    size_t members_shown;        /* top members listed per community */
} collab_report_options;

void collab_report_options_init(collab_report_options *opt);

/* Writes the ranked centrality report. Write errors are left in the stream's error flag for
 * whoever closes it (collab_output_commit names the file). COLLAB_E_NOMEM on allocation failure. */
collab_status collab_report_write(FILE *f, const collab_report_input *in,
                                  const collab_report_options *opt, collab_error *err);

/* Writes the community report: per community its size, most central members (by the sort
 * metric), internal density and, for credits, dominant roles and year span. */
collab_status collab_report_write_communities(FILE *f, const collab_report_input *in,
                                              const collab_report_options *opt,
                                              collab_error *err);

/* Writes `s` as one CSV field: quoted when needed, with a leading apostrophe when a spreadsheet
 * would run it as a formula (= + - @ tab CR at the start). */
void collab_report_csv_field(FILE *f, const char *s);

/* Ranks vertices by `metric` (descending; ascending for constraint; NaN last; ties by id).
 * `order` receives the n vertex ids. */
void collab_report_rank(const collab_metrics *m, collab_metric metric, uint32_t *order);

#endif
