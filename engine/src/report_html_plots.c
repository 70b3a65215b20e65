/* The HTML report's plots: the degree distribution, the top nodes by the ranking's metric and the
 * credits per year, each an inline SVG figure (plots.c) with its caption. */
#include "collab/alloc.h"
#include "collab/plots.h"
#include "collab/report.h"
#include "collab/text.h"

#include <math.h>
#include <stdio.h>

#include "report_internal.h"

#define PLOT_TOP 20 /* bars in the top-N chart */

static void figure_caption(FILE *f, const char *caption)
{
    fputs("<figcaption>", f);
    collab_i_html_text(f, caption);
    fputs("</figcaption>\n</figure>\n", f);
}

static collab_status top_bars(FILE *f, const collab_report_input *in,
                              const collab_report_options *opt, const uint32_t *order,
                              collab_error *err)
{
    const collab_metrics *m = in->metrics;
    size_t n = m->n < PLOT_TOP ? m->n : PLOT_TOP;
    const char *labels[PLOT_TOP];
    double values[PLOT_TOP];
    for (size_t i = 0; i < n; i++) {
        labels[i] = collab_graph_name(in->graph, order[i]);
        values[i] = m->values[opt->sort] != NULL ? m->values[opt->sort][order[i]] : NAN;
    }
    char title[96];
    const char *metric = collab_metric_name(opt->sort);
    bool higher = collab_metric_higher_is_more(opt->sort);
    snprintf(title, sizeof title, "%s %zu by %s", higher ? "Top" : "Lowest", n, metric);
    fputs("<figure>\n", f);
    collab_status st = collab_plot_bars(f, title, metric, labels, values, n, err);
    char caption[160];
    snprintf(caption, sizeof caption, "The %zu nodes ranked first by %s%s.", n, metric,
             higher ? "" : " (lowest values first)");
    figure_caption(f, caption);
    return st;
}

/* Credit rows kept by the filters, counted per year; the figure is left out when no row has a
 * year. */
static collab_status per_year(FILE *f, const collab_report_input *in, collab_error *err)
{
    const collab_edgelist *list = in->list;
    if (in->graph->shape != COLLAB_SHAPE_CREDITS || list->year == NULL) {
        return COLLAB_OK;
    }
    enum { SPAN = COLLAB_YEAR_MAX - COLLAB_YEAR_MIN + 1 };
    double *counts = collab_calloc_array(SPAN, sizeof *counts);
    int *years = collab_alloc_array(SPAN, sizeof *years);
    double *values = collab_alloc_array(SPAN, sizeof *values);
    if (counts == NULL || years == NULL || values == NULL) {
        collab_free(counts);
        collab_free(years);
        collab_free(values);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory counting credits per year");
    }
    size_t unknown = 0;
    for (size_t r = 0; r < list->n_rows; r++) {
        int y = list->year[r];
        if (in->graph->row_kept != NULL && !in->graph->row_kept[r]) {
            continue;
        }
        if (y >= COLLAB_YEAR_MIN && y <= COLLAB_YEAR_MAX) {
            counts[y - COLLAB_YEAR_MIN]++;
        } else {
            unknown++;
        }
    }
    size_t n = 0;
    for (int y = 0; y < SPAN; y++) {
        if (counts[y] > 0) {
            years[n] = y + COLLAB_YEAR_MIN;
            values[n++] = counts[y];
        }
    }
    collab_status st = COLLAB_OK;
    if (n > 0) {
        fputs("<figure>\n", f);
        st = collab_plot_per_year(f, "Credits per year", "credits", years, values, n, err);
        char caption[160];
        snprintf(caption, sizeof caption,
                 "Credit rows per year of release%s%zu without a year "
                 "%s not shown.",
                 unknown > 0 ? "; " : ".", unknown, unknown == 1 ? "is" : "are");
        figure_caption(f, unknown > 0 ? caption : "Credit rows per year of release.");
    }
    collab_free(counts);
    collab_free(years);
    collab_free(values);
    return st;
}

collab_status collab_i_html_plots(FILE *f, const collab_report_input *in,
                                  const collab_report_options *opt, const uint32_t *order,
                                  collab_error *err)
{
    fputs("<section id=\"plots\" aria-labelledby=\"h-plots\">\n<h2 id=\"h-plots\">Plots</h2>\n"
          "<div class=\"plots\">\n<figure>\n",
          f);
    const collab_metrics *m = in->metrics;
    collab_status st =
        collab_plot_degree_distribution(f, m->values[COLLAB_METRIC_DEGREE], m->n, err);
    figure_caption(f, "The fraction of nodes with each degree (number of distinct neighbours), "
                      "on log-log axes.");
    if (st == COLLAB_OK) {
        st = top_bars(f, in, opt, order, err);
    }
    if (st == COLLAB_OK) {
        st = per_year(f, in, err);
    }
    fputs("</div>\n</section>\n", f);
    return st;
}
