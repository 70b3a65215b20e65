/* Small statistical plots drawn by collab itself, written as standalone SVG text: the degree
 * distribution on log-log axes, a horizontal bar chart of the top nodes by a metric, and a bar
 * chart of counts per year. They go inline into the HTML report, so they use no fonts, scripts
 * or images from outside, no element ids (several plots share one page) and no CSS classes: every
 * style is an attribute. Every text from the data (names, titles) is escaped, and the output is
 * deterministic: fixed layout, coordinates printed with two decimals, '.' as decimal point.
 *
 * Each function writes one <svg> element (no XML declaration) with a <title> child that names
 * the plot for screen readers, a viewBox and a natural width and height in CSS pixels. Write
 * errors are left in the stream's error flag for whoever closes it. */
#ifndef COLLAB_PLOTS_H
#define COLLAB_PLOTS_H

#include "collab/error.h"

#include <stddef.h>
#include <stdio.h>

/* The font list of the plots' text: fonts every Debian, macOS and Windows reader has. */
#define COLLAB_PLOT_FONT "DejaVu Sans, Verdana, Arial, sans-serif"

/* Above this many distinct degrees, the degree distribution is drawn log-binned (five bins per
 * decade, each point the mean fraction of nodes per degree in its bin) over the exact points in
 * grey; up to it every exact point is drawn. */
#define COLLAB_PLOT_EXACT_DEGREES 40

/* Labels of the bar chart are cut to this many characters, with an ellipsis; the full name is
 * in the bar's tooltip. */
#define COLLAB_PLOT_LABEL_CHARS 28

/* Writes the degree distribution of `n` nodes (degree[v] >= 0; NaN counts as 0) on log-log
 * axes: P(k), the fraction of nodes of degree k, for every k >= 1 present, with decade ticks
 * labelled on both axes. Nodes of degree 0 cannot be placed on a log axis; the plot says how many
 * there are. With no node of degree >= 1 it draws the empty axes and says so.
 * Errors: COLLAB_E_NOMEM (it sorts a copy of the degrees).
 * Time complexity: O(n log n). */
collab_status collab_plot_degree_distribution(FILE *f, const double *degree, size_t n,
                                              collab_error *err);

/* Writes a horizontal bar chart titled `title` of `n` bars, top to bottom in the given order:
 * bar i is labels[i] (UTF-8, cut to COLLAB_PLOT_LABEL_CHARS) with length values[i] on a linear
 * axis from 0 labelled `axis_label`, its value written at its end. Negative values are drawn as
 * 0 and NaN as no bar (the value reads "NaN"). `title` and `axis_label` may be NULL.
 * Errors: none besides the stream's; returns COLLAB_OK. Time complexity: O(n). */
collab_status collab_plot_bars(FILE *f, const char *title, const char *axis_label,
                               const char *const *labels, const double *values, size_t n,
                               collab_error *err);

/* Writes a bar chart titled `title` of counts[i] (>= 0) at years[i] (ascending, distinct), one
 * bar per year on a linear year axis with round-numbered ticks, the count axis labelled
 * `axis_label`. Years between those given have no bar. With n = 0 it draws the empty axes and
 * says there is no data. Errors: none besides the stream's; returns COLLAB_OK. */
collab_status collab_plot_per_year(FILE *f, const char *title, const char *axis_label,
                                   const int *years, const double *counts, size_t n,
                                   collab_error *err);

#endif
