/* The centrality report and the community report, as an aligned terminal table, CSV, JSON or
 * Markdown, and the whole analysis as one self-contained HTML page. Output is deterministic: rows ranked by the sort metric with ties broken by vertex
 * id, numbers in fixed formats (CSV and JSON with full precision, '.' as decimal point). */
#ifndef COLLAB_REPORT_H
#define COLLAB_REPORT_H

#include "collab/community.h"
#include "collab/credits.h"
#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"
#include "collab/metrics.h"
#include "collab/scene.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef enum collab_report_format {
    COLLAB_FORMAT_TABLE = 0,
    COLLAB_FORMAT_CSV,
    COLLAB_FORMAT_JSON,
    COLLAB_FORMAT_MD,
    COLLAB_FORMAT_HTML /* only through collab_report_write_html (the page needs its extras) */
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
    /* For credits: the facts of `graph` from `list` (collab_credit_facts_compute), when the
     * caller computed them once for several reports; NULL = each report computes its own. */
    const collab_credit_facts *facts;
    /* The n vertices ranked by `rank_metric` (collab_report_rank), when the caller ranked them
     * once for several reports; NULL, or a report ranked by another metric, ranks them itself. */
    const uint32_t *rank_order;
    collab_metric rank_metric; /* the metric of rank_order */
} collab_report_input;

typedef struct collab_report_options {
    collab_report_format format; /* output format */
    size_t top;                  /* rows to show; 0 = all */
    uint32_t columns;            /* bit set of collab_metric shown; 0 = all */
    collab_metric sort;          /* ranking metric */
    size_t members_shown;        /* top members listed per community */
    int threads;                 /* threads formatting the rows of the CSV and JSON reports, the
                                    same bytes whatever the number: 0 = one per core (at most 4),
                                    1 = the caller's only */
} collab_report_options;

void collab_report_options_init(collab_report_options *opt);

/* Writes the ranked centrality report (any format but HTML, which is COLLAB_E_USAGE here: see
 * collab_report_write_html). Write errors are left in the stream's error flag for
 * whoever closes it (collab_output_commit names the file). COLLAB_E_NOMEM on allocation failure. */
collab_status collab_report_write(FILE *f, const collab_report_input *in,
                                  const collab_report_options *opt, collab_error *err);

/* Writes the community report: per community its size, most central members (by the sort
 * metric), internal density and, for credits, dominant roles and year span. */
collab_status collab_report_write_communities(FILE *f, const collab_report_input *in,
                                              const collab_report_options *opt,
                                              collab_error *err);

/* What the HTML page shows besides the report input; every pointer is borrowed and may be NULL
 * unless said otherwise. */
typedef struct collab_html_extras {
    const char *title;          /* page title and heading; NULL = "Collaboration report: FILE" */
    const char *map_svg;        /* the map as an SVG document (collab_render_svg_memory), inlined
                                   after its XML declaration; NULL = the page says there is no map */
    size_t map_svg_len;         /* bytes of map_svg */
    const char *map_caption;    /* what the map shows, under it; NULL = a generic caption */
    const uint32_t *community_rgb; /* the map's colour of each community as 0xRRGGBB, shown
                                      beside the community in the tables; NULL = none */
    size_t n_community_rgb;     /* entries in community_rgb (communities beyond have none) */
    const char *input_path;     /* the input file as given; NULL = the edge list's source */
    const char *input_sha256;   /* its SHA-256 in hex; NULL = not available (standard input) */
    const char *command_line;   /* the options that produced the page, e.g. the command line */
    const char *version;        /* collab's version (collab_engine_version()) */
    const char *date;           /* when the page was made, as printed; the caller pins it
                                   (SOURCE_DATE_EPOCH) for reproducible pages */
    const collab_scene *scene;  /* the scene map_svg was painted from, drawn again by the
                                   page's interactive map (and, without map_svg, as the static
                                   map); NULL = the static map only */
    const uint32_t *node_of_vertex; /* per vertex of in->graph, its scene node or
                                   UINT32_MAX; NULL = scene node v is vertex v */
    size_t n_vertices;          /* entries in node_of_vertex */
    size_t static_edges;        /* without map_svg: the static map is drawn from `scene` as a
                                   compact SVG with its strongest static_edges edges (0 = all) */
    size_t edge_budget;         /* the interactive map draws at most this many of the scene's
                                   edges, the strongest; 0 = COLLAB_HTML_EDGE_BUDGET */
} collab_html_extras;

/* The interactive map's default edge budget: beyond it the weakest edges are left out of the
 * interactive view (and the page says so) to keep it fluid. */
#define COLLAB_HTML_EDGE_BUDGET 200000

/* Writes the whole analysis as one self-contained HTML page that loads nothing from the network:
 * the map (inline SVG; with x->scene also the interactive WebGL map drawn from that scene, its
 * data in a JSON block the page never executes, and the SVG held in <noscript> for print), the
 * global statistics, the centrality table ranked by opt->sort with
 * opt->top rows (0 = all) and the columns of opt->columns plus opt->sort, sortable by clicking a column heading
 * (a small inline script), the community summaries (in->partition may be NULL), plots drawn as
 * SVG (degree distribution on log-log axes, the top 20 by opt->sort, and for credits with years
 * the credits per year) and the provenance from `x`. Every name and string from the input or
 * `x` is escaped for HTML text and attributes, and no input text is placed in the script; a
 * Content-Security-Policy lets only the page's own script run. `opt->format` is ignored.
 * Deterministic: same input and extras, same bytes.
 * Errors: COLLAB_E_NOMEM; COLLAB_E_LIBRARY when the script's hash cannot be computed. Write errors
 * are left in the stream's error flag, as for collab_report_write. */
collab_status collab_report_write_html(FILE *f, const collab_report_input *in,
                                       const collab_report_options *opt,
                                       const collab_html_extras *x, collab_error *err);

/* Writes `s` as one CSV field: quoted when needed, with a leading apostrophe when a spreadsheet
 * would run it as a formula (= + - @ tab CR at the start). */
void collab_report_csv_field(FILE *f, const char *s);

/* Writes a statistic with `decimals` places into `buf` and returns it, or "undefined" when it is
 * NaN (the degree assortativity of a graph whose degrees are all equal, the modularity of a
 * graph without edges), as the HTML report says it. */
const char *collab_report_stat(char buf[32], double x, int decimals);

/* Writes `s` as Markdown text: table pipes, markup and control characters neutralised. */
void collab_report_md_text(FILE *f, const char *s);

/* Writes into `buf` (always terminated) the sentence every report prints when metrics are
 * estimated: which ones, from how many samples, with which guarantee, and that the _low and
 * _high values are each node's interval; "" when nothing is estimated. */
void collab_report_estimate_note(const collab_metrics *m, uint64_t seed, char *buf, size_t size);

/* Writes into `buf` what the --top-exact ranking says of rank i (0-based, < m->top_k): "certain"
 * or "tied within the bound: ranks 3-5". */
void collab_report_top_rank(const collab_metrics *m, size_t i, char *buf, size_t size);

/* Ranks vertices by `metric` (descending; ascending for constraint; NaN last; ties by id).
 * `order` receives the n vertex ids. */
void collab_report_rank(const collab_metrics *m, collab_metric metric, uint32_t *order);

#endif
