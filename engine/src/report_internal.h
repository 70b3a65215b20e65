/* Private helpers shared by the report modules (report.c, report_json.c, report_communities.c
 * and the report_html*.c files): escaping for each format, the ranking and the community
 * summaries. */
#ifndef COLLAB_REPORT_INTERNAL_H
#define COLLAB_REPORT_INTERNAL_H

#include "collab/report.h"

#include <jansson.h>

/* Writes `s` for a terminal: control characters (C0, DEL, C1) become U+FFFD so names cannot send
 * escape sequences. Pads with spaces to `width` display columns (0 = no padding); names wider
 * than `max_width` are cut with an ellipsis. */
void collab_i_term_text(FILE *f, const char *s, size_t width, size_t max_width);

/* Display width of `s` as collab_i_term_text would print it (capped at `max_width`). */
size_t collab_i_term_width(const char *s, size_t max_width);

/* Writes `s` for a Markdown table cell: | and \ escaped, control characters replaced. */
void collab_i_md_text(FILE *f, const char *s);

/* `s` as HTML text (XML-escaped; NULL as nothing), for the HTML report's modules. */
void collab_i_html_text(FILE *f, const char *s);

/* True when `metric` was computed and is among the columns `opt` shows. */
bool collab_i_metric_shown(const collab_report_options *opt, const collab_metrics *m,
                           int metric);

/* True when `metric` is shown and estimated: it then has _low and _high columns. */
bool collab_i_metric_bounded(const collab_report_options *opt, const collab_metrics *m, int metric);

/* A metric value as the table, Markdown and HTML reports print it: integers for degree and
 * coreness, 6 significant digits for strength, 2 decimals for betweenness >= 1, else 4; "NaN". */
void collab_i_format_metric(char *buf, size_t size, int metric, double x);

/* Writes the vertices ranked by `metric` into `order` (n entries): a copy of in->rank_order when
 * it ranks by that metric, else collab_report_rank. */
void collab_i_report_rank(const collab_report_input *in, collab_metric metric, uint32_t *order);

/* How many ranked rows a report shows: opt->top, or all `n` (0 = all). */
size_t collab_i_report_rows_to_show(const collab_report_options *opt, size_t n);

/* report.json (report_json.c): the graph, parameters, the first rows of `order` (ranked
 * vertices) with their metrics, intervals, community and, when `facts` is not NULL, credits, and
 * the communities. COLLAB_E_NOMEM; write errors stay in the stream's flag. */
collab_status collab_i_report_write_json(FILE *f, const collab_report_input *in,
                                         const collab_report_options *opt, const uint32_t *order,
                                         const collab_credit_facts *facts, collab_error *err);

/* The HTML report's inline stylesheet and script (report_html_assets.c). The script reads the
 * table from the DOM and holds no data, so its SHA-256 (in the page's Content-Security-Policy)
 * is the same for every page. */
extern const char collab_i_html_css[];
extern const char collab_i_html_script[];
/* The interactive map's script and stylesheet: engine/assets/map.js and map.css, embedded at
 * build time by cmake/embed_asset.cmake (NUL-terminated). */
extern const unsigned char collab_i_html_map_js[];
extern const unsigned char collab_i_html_map_css[];

/* A label of the interactive map: its node's position (page units) and its box's half width
 * and height in pixels, centred on the node (a box of zero size: no label). */
typedef struct collab_i_label_box {
    double x, y;
    double half_w, half_h;
} collab_i_label_box;

/* The zoom range of the interactive map, in pixels per page unit: labels show from at least
 * ZOOM_MIN and none appears only beyond ZOOM_MAX. */
#define COLLAB_I_MAP_ZOOM_MIN 0.25
#define COLLAB_I_MAP_ZOOM_MAX 64.0

/* The zoom from which each label shows (VOSviewer): labels are given heaviest first, and label j
 * shows at every zoom z >= threshold[j], where its box overlaps the box of no heavier label
 * shown at z (boxes keep their pixel size while positions scale with z). threshold[j] is the
 * smallest such zoom >= `min`, rounded up to a thousandth, or INFINITY when it exceeds `max` or
 * the box is empty. Errors: COLLAB_E_NOMEM. */
collab_status collab_i_label_thresholds(const collab_i_label_box *box, size_t n, double min,
                                        double max, double *threshold, collab_error *err);

/* The font size in pixels of an interactive label for a scene label font size. */
double collab_i_html_map_font(double label_font);

struct collab_credit_facts;
/* Writes the interactive map's data (x->scene must be set) as a JSON data block. */
collab_status collab_i_html_map_write(FILE *f, const collab_report_input *in,
                                      const collab_html_extras *x,
                                      const struct collab_credit_facts *facts, collab_error *err);

/* Writes the scene as a compact SVG (circles, paths and text, no embedded glyphs) with its
 * `max_edges` strongest edges (0 = all): the static map of pages too large for cairo's SVG. */
void collab_i_html_scene_svg(FILE *f, const collab_scene *s, size_t max_edges);

/* The page's plots section (report_html_plots.c): the degree distribution, the first nodes of
 * `order` by opt->sort, and the credits per year when rows have years. */
collab_status collab_i_html_plots(FILE *f, const collab_report_input *in,
                                  const collab_report_options *opt, const uint32_t *order,
                                  collab_error *err);

/* A JSON number, or null for NaN and infinities (JSON has no NaN). */
json_t *collab_i_json_number(double x);

/* Writes a JSON value followed by a newline; COLLAB_E_IO on failure. Takes the reference. */
collab_status collab_i_json_write(FILE *f, json_t *value, collab_error *err);

/* One community's summary. */
typedef struct collab_i_community_summary {
    size_t size;              /* members */
    uint32_t *top;            /* most central members, best first */
    size_t n_top;             /* how many in `top` */
    size_t internal_edges;    /* edges inside */
    double density;           /* internal edges / possible */
    uint32_t roles[3];        /* dominant role ids (COLLAB_NO_ID when fewer) */
    size_t role_counts[3];    /* their credit counts */
    int year_from, year_to;   /* year span (0 when no years) */
} collab_i_community_summary;

/* Summarises every community (array of partition->n_communities, owned by the caller, free
 * with collab_i_community_summaries_free). */
collab_status collab_i_community_summaries(const collab_report_input *in, collab_metric rank_by,
                                           size_t n_top, collab_i_community_summary **out,
                                           collab_error *err);
void collab_i_community_summaries_free(collab_i_community_summary *s, size_t n);

/* The "parameters" object of JSON reports: input, view, weighting, filters, algorithms, seeds,
 * approximations. */
json_t *collab_i_report_parameters(const collab_report_input *in);

/* The "graph" object of JSON reports: the global statistics. */
json_t *collab_i_report_graph_json(const collab_report_input *in);

/* The "communities" array of JSON reports, or NULL with `err` set. */
json_t *collab_i_report_communities_json(const collab_report_input *in,
                                         const collab_report_options *opt, collab_error *err);

#endif
