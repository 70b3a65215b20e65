/* The report's plots as SVG text: degree distribution (log-log), top-N bar chart, counts per
 * year. Written with fprintf rather than cairo so that the text stays text (selectable, found by
 * the browser's search, read by screen readers) and the page stays small; names go through
 * collab_text_write_xml, so no input can add markup. Layout is fixed pixel arithmetic, so the same
 * data always gives the same bytes. */
#include "collab/plots.h"

#include "collab/alloc.h"
#include "collab/text.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define INK    "#1a1a1a" /* titles and labels */
#define MUTED  "#5f6368" /* axis labels, notes */
#define AXIS   "#8a8a8a" /* axis lines and ticks */
#define GRID   "#e8e8e8" /* grid lines */
#define ACCENT "#0072b2" /* Okabe-Ito blue, the map's first community colour */
#define FAINT  "#a6a6a6" /* exact points behind binned ones */

#define BINS_PER_DECADE 5
#define EPS             1e-9 /* absorbs log10 rounding at exact powers of ten */

/* A plot area in SVG pixels. */
typedef struct frame {
    double x0, x1; /* left, right */
    double y0, y1; /* top, bottom */
} frame;

static void svg_open(FILE *f, double w, double h, const char *title)
{
    fprintf(f,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\" font-size=\"13\" role=\"img\">"
            "<title>",
            w, h, w, h, COLLAB_PLOT_FONT);
    collab_text_write_xml(f, title != NULL ? title : "", 0);
    fprintf(f, "</title>\n<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", w, h);
    if (title != NULL && title[0] != '\0') {
        fprintf(f,
                "<text x=\"16\" y=\"24\" font-size=\"15\" font-weight=\"bold\" fill=\"" INK "\">");
        collab_text_write_xml(f, title, 0);
        fputs("</text>\n", f);
    }
}

/* A text at (x, y) anchored "start", "middle" or "end"; `rotate` turns it -90 degrees about
 * its anchor (y axis labels). */
static void text_at(FILE *f, double x, double y, const char *anchor, const char *fill,
                    const char *s, bool rotate)
{
    fprintf(f, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" fill=\"%s\"", x, y, anchor, fill);
    if (rotate) {
        fprintf(f, " transform=\"rotate(-90 %.2f %.2f)\"", x, y);
    }
    fputc('>', f);
    collab_text_write_xml(f, s != NULL ? s : "", 0);
    fputs("</text>\n", f);
}

static void line(FILE *f, double x0, double y0, double x1, double y1, const char *stroke)
{
    fprintf(f, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"/>\n", x0, y0,
            x1, y1, stroke);
}

/* The axis lines along the left and bottom of `fr`. */
static void axes(FILE *f, const frame *fr)
{
    line(f, fr->x0, fr->y0, fr->x0, fr->y1, AXIS);
    line(f, fr->x0, fr->y1, fr->x1, fr->y1, AXIS);
}

static void axis_labels(FILE *f, const frame *fr, const char *x_label, const char *y_label)
{
    if (x_label != NULL) {
        text_at(f, (fr->x0 + fr->x1) / 2, fr->y1 + 40, "middle", MUTED, x_label, false);
    }
    if (y_label != NULL) {
        text_at(f, fr->x0 - 48, (fr->y0 + fr->y1) / 2, "middle", MUTED, y_label, true);
    }
}

/* A step of 1, 2 or 5 times a power of ten that cuts [0, max] into at most about `ticks`
 * intervals; at least `min_step`. */
static double nice_step(double max, double ticks, double min_step)
{
    double raw = max / ticks;
    double mag = pow(10, floor(log10(raw)));
    double norm = raw / mag;
    double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
    return step < min_step ? min_step : step;
}

static void format_tick(char *buf, size_t size, double value, double step)
{
    int decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - EPS);
    snprintf(buf, size, "%.*f", decimals, value);
}

/* A count written over a bar: an integer, or with two decimals when it has a fraction. */
static void format_count(char *buf, size_t size, double v)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, size, "%.0f", v);
    } else {
        snprintf(buf, size, "%.2f", v);
    }
}

/* Decimals for every value of one bar chart, so the numbers line up in precision: none when all
 * are integers, else about four significant digits of the largest (1.000, 0.3763, 238.5). */
static int bar_decimals(const double *values, size_t n)
{
    double max = 0;
    bool integers = true;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(values[i])) {
            max = fmax(max, fabs(values[i]));
            integers = integers && values[i] == floor(values[i]);
        }
    }
    if (integers || max == 0) {
        return integers ? 0 : 4;
    }
    int d = 3 - (int)floor(log10(max));
    return d < 0 ? 0 : d > 4 ? 4 : d;
}

/* ---- degree distribution ----------------------------------------------------------------- */

/* Log-log axes: decades [x_lo, x_hi] and [y_lo, y_hi] (exponents of ten), mapped into the frame
 * less an inset at the left and bottom, so points at the lowest degree or fraction do not sit on
 * the axis lines. */
typedef struct loglog {
    frame fr;
    int x_lo, x_hi;
    int y_lo, y_hi;
} loglog;

#define LOG_INSET 12.0

static double log_x(const loglog *ll, double k)
{
    double x0 = ll->fr.x0 + LOG_INSET;
    return x0 + (log10(k) - ll->x_lo) / (ll->x_hi - ll->x_lo) * (ll->fr.x1 - x0);
}

static double log_y(const loglog *ll, double p)
{
    double y1 = ll->fr.y1 - LOG_INSET;
    return y1 - (log10(p) - ll->y_lo) / (ll->y_hi - ll->y_lo) * (y1 - ll->fr.y0);
}

/* Writes 10^e as readers know it: 0.001 to 10000 in full, else 10 with a superscript. */
static void decade_label(FILE *f, double x, double y, const char *anchor, int e)
{
    fprintf(f, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" fill=\"" MUTED "\">", x, y, anchor);
    if (e >= 0 && e <= 4) {
        fprintf(f, "%.0f", pow(10, e));
    } else if (e < 0 && e >= -3) {
        fprintf(f, "%.*f", -e, pow(10, e));
    } else {
        /* U+2212 MINUS SIGN, raised */
        fprintf(f, "10<tspan dy=\"-6\" font-size=\"9\">%s%d</tspan>", e < 0 ? "\xE2\x88\x92" : "",
                abs(e));
    }
    fputs("</text>\n", f);
}

/* Grid, ticks and labels of one log axis; `vertical` for the y axis. Within a single decade the
 * 2 and 5 ticks are labelled too, so the axis never shows only two numbers. */
static void log_axis(FILE *f, const loglog *ll, bool vertical)
{
    int lo = vertical ? ll->y_lo : ll->x_lo;
    int hi = vertical ? ll->y_hi : ll->x_hi;
    const frame *fr = &ll->fr;
    for (int e = lo; e <= hi; e++) {
        for (int m = 1; m <= 9 && (m == 1 || e < hi); m++) {
            double v = m * pow(10, e);
            double at = vertical ? log_y(ll, v) : log_x(ll, v);
            bool major = m == 1;
            if (vertical) {
                line(f, fr->x0, at, fr->x1, at, major ? GRID : "#f3f3f3");
                line(f, fr->x0 - (major ? 6 : 3), at, fr->x0, at, AXIS);
            } else {
                line(f, at, fr->y0, at, fr->y1, major ? GRID : "#f3f3f3");
                line(f, at, fr->y1, at, fr->y1 + (major ? 6 : 3), AXIS);
            }
            if (major) {
                decade_label(f, vertical ? fr->x0 - 9 : at, vertical ? at + 4 : fr->y1 + 20,
                             vertical ? "end" : "middle", e);
            } else if (hi - lo == 1 && (m == 2 || m == 5) && e >= -3 && e <= 4) {
                char buf[32];
                snprintf(buf, sizeof buf, "%g", v);
                text_at(f, vertical ? fr->x0 - 9 : at, vertical ? at + 4 : fr->y1 + 20,
                        vertical ? "end" : "middle", MUTED, buf, false);
            }
        }
    }
}

static void point(FILE *f, double x, double y, double r, const char *fill, const char *tip)
{
    fprintf(f,
            "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" "
            "stroke-width=\"0.75\">",
            x, y, r, fill);
    if (tip != NULL) {
        fputs("<title>", f);
        collab_text_write_xml(f, tip, 0);
        fputs("</title>", f);
    }
    fputs("</circle>\n", f);
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return (x > y) - (x < y);
}

static long bin_of(double k)
{
    return (long)floor(log10(k) * BINS_PER_DECADE + EPS);
}

/* The smallest integer degree >= 1 that falls in bin `b` or later. */
static double bin_start(long b)
{
    double k = ceil(pow(10, (double)b / BINS_PER_DECADE) - EPS);
    while (k > 1 && bin_of(k - 1) >= b) {
        k--;
    }
    while (bin_of(k) < b) {
        k++;
    }
    return k < 1 ? 1 : k;
}

/* Distinct degrees >= 1 of the sorted `d` and their counts, compacted into `k` and `c`;
 * returns how many. */
static size_t distinct_degrees(const double *d, size_t n, double *k, double *c)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] < 1) {
            continue;
        }
        if (m > 0 && k[m - 1] == d[i]) {
            c[m - 1]++;
        } else {
            k[m] = d[i];
            c[m] = 1;
            m++;
        }
    }
    return m;
}

/* Log-binned points from the distinct degrees: x the bin's geometric centre over its integer
 * degrees, y the mean fraction of nodes per degree in it. Writes at most m points; returns
 * how many. */
static size_t log_bins(const double *k, const double *c, size_t m, double n, double *bx, double *by,
                       double *blo, double *bhi)
{
    size_t nb = 0;
    size_t i = 0;
    while (i < m) {
        long b = bin_of(k[i]);
        double total = 0;
        while (i < m && bin_of(k[i]) == b) {
            total += c[i++];
        }
        double lo = bin_start(b);
        double hi = bin_start(b + 1) - 1;
        bx[nb] = sqrt(lo * hi);
        by[nb] = total / (n * (hi - lo + 1));
        blo[nb] = lo;
        bhi[nb] = hi;
        nb++;
    }
    return nb;
}

static void degree_axes(loglog *ll, const double *k, size_t m, double p_min)
{
    ll->fr = (frame){80, 616, 48, 352};
    ll->x_lo = 0;
    ll->x_hi = 1;
    ll->y_lo = -1;
    ll->y_hi = 0;
    if (m > 0) {
        ll->x_lo = (int)floor(log10(k[0]) + EPS);
        ll->x_hi = (int)ceil(log10(k[m - 1]) - EPS);
        ll->x_hi = ll->x_hi <= ll->x_lo ? ll->x_lo + 1 : ll->x_hi;
        ll->y_lo = (int)floor(log10(p_min) + EPS);
        ll->y_lo = ll->y_lo >= 0 ? -1 : ll->y_lo;
    }
}

static void degree_points(FILE *f, const loglog *ll, const double *k, const double *c, size_t m,
                          size_t n, bool binned)
{
    char tip[160];
    for (size_t i = 0; i < m; i++) {
        snprintf(tip, sizeof tip, "degree %.0f: %.0f node%s (%.1f%%)", k[i], c[i],
                 c[i] == 1 ? "" : "s", 100.0 * c[i] / (double)n);
        point(f, log_x(ll, k[i]), log_y(ll, c[i] / (double)n), binned ? 2.5 : 4.5,
              binned ? FAINT : ACCENT, tip);
    }
}

static void degree_body(FILE *f, const double *k, const double *c, size_t m, size_t n,
                        size_t isolated, double *scratch)
{
    bool binned = m > COLLAB_PLOT_EXACT_DEGREES;
    double *bx = scratch;
    double *by = scratch + m;
    double *blo = scratch + 2 * m;
    double *bhi = scratch + 3 * m;
    size_t nb = binned ? log_bins(k, c, m, (double)n, bx, by, blo, bhi) : 0;
    double p_min = 1;
    for (size_t i = 0; i < m; i++) {
        p_min = fmin(p_min, c[i] / (double)n);
    }
    for (size_t i = 0; i < nb; i++) {
        p_min = fmin(p_min, by[i]);
    }
    loglog ll;
    degree_axes(&ll, k, m, p_min);
    log_axis(f, &ll, false);
    log_axis(f, &ll, true);
    axes(f, &ll.fr);
    axis_labels(f, &ll.fr, "degree k (log scale)", "fraction of nodes P(k) (log scale)");
    degree_points(f, &ll, k, c, m, n, binned);
    char tip[160];
    for (size_t i = 0; i < nb; i++) {
        snprintf(tip, sizeof tip, "degrees %.0f to %.0f: %.4g of nodes per degree", blo[i], bhi[i],
                 by[i]);
        point(f, log_x(&ll, bx[i]), log_y(&ll, by[i]), 5, ACCENT, tip);
    }
    if (binned) {
        point(f, ll.fr.x1 - 190, ll.fr.y0 + 10, 5, ACCENT, NULL);
        text_at(f, ll.fr.x1 - 180, ll.fr.y0 + 14, "start", MUTED, "log-binned, 5 per decade",
                false);
        point(f, ll.fr.x1 - 190, ll.fr.y0 + 28, 2.5, FAINT, NULL);
        text_at(f, ll.fr.x1 - 180, ll.fr.y0 + 32, "start", MUTED, "each degree", false);
    }
    char note[128];
    if (m == 0) {
        text_at(f, (ll.fr.x0 + ll.fr.x1) / 2, (ll.fr.y0 + ll.fr.y1) / 2, "middle", MUTED,
                "no node has a neighbour", false);
    }
    if (isolated > 0) {
        snprintf(note, sizeof note, "%zu isolated node%s (degree 0) not shown", isolated,
                 isolated == 1 ? "" : "s");
        text_at(f, ll.fr.x1, ll.fr.y1 - 8, "end", MUTED, note, false);
    }
}

collab_status collab_plot_degree_distribution(FILE *f, const double *degree, size_t n,
                                              collab_error *err)
{
    /* sorted degrees, then distinct degrees and counts, then four arrays of bins */
    double *d = collab_alloc_array(7 * n + 1, sizeof *d);
    if (d == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory plotting degrees");
    }
    size_t isolated = 0;
    for (size_t i = 0; i < n; i++) {
        d[i] = isnan(degree[i]) || degree[i] < 1 ? 0 : degree[i];
        isolated += d[i] < 1;
    }
    qsort(d, n, sizeof *d, compare_double);
    double *k = d + n;
    double *c = d + 2 * n;
    size_t m = distinct_degrees(d, n, k, c);
    svg_open(f, 640, 416, "Degree distribution");
    degree_body(f, k, c, m, n, isolated, d + 3 * n);
    fputs("</svg>\n", f);
    collab_free(d);
    return COLLAB_OK;
}

/* ---- bar charts ---------------------------------------------------------------------------- */

/* Vertical grid lines and bottom tick labels of a linear axis [0, max] across `fr`. */
static void value_axis(FILE *f, const frame *fr, double max, double step)
{
    for (double v = 0; v <= max * (1 + EPS); v += step) {
        double x = fr->x0 + v / max * (fr->x1 - fr->x0);
        line(f, x, fr->y0, x, fr->y1, GRID);
        line(f, x, fr->y1, x, fr->y1 + 5, AXIS);
        char buf[32];
        format_tick(buf, sizeof buf, v, step);
        text_at(f, x, fr->y1 + 19, "middle", MUTED, buf, false);
    }
}

static double bars_max(const double *values, size_t n)
{
    double max = 0;
    for (size_t i = 0; i < n; i++) {
        if (values[i] > max && isfinite(values[i])) {
            max = values[i];
        }
    }
    return max > 0 ? max : 1;
}

/* Width of the label column: about 7.6 pixels a character at 13 px, for the longest label as it
 * will be cut. */
static double label_width(const char *const *labels, size_t n)
{
    size_t longest = 4;
    for (size_t i = 0; i < n; i++) {
        size_t chars =
            labels[i] != NULL ? collab_text_count_chars(labels[i], strlen(labels[i])) : 0;
        chars = chars > COLLAB_PLOT_LABEL_CHARS ? COLLAB_PLOT_LABEL_CHARS : chars;
        longest = chars > longest ? chars : longest;
    }
    return 12 + 7.6 * (double)longest;
}

static void bar_row(FILE *f, const frame *fr, double max, double y, const char *label, double v,
                    int decimals)
{
    char value[64];
    if (isnan(v)) {
        snprintf(value, sizeof value, "NaN");
    } else {
        snprintf(value, sizeof value, "%.*f", decimals, v);
    }
    double len = isfinite(v) && v > 0 ? v / max * (fr->x1 - fr->x0) : 0;
    fputs("<g><title>", f);
    collab_text_write_xml(f, label != NULL ? label : "", 0);
    fprintf(f, ": %s</title>\n", value);
    fprintf(f, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\" fill=\"" INK "\">", fr->x0 - 8,
            y + 11);
    collab_text_write_xml(f, label != NULL ? label : "", COLLAB_PLOT_LABEL_CHARS);
    fputs("</text>\n", f);
    if (!isnan(v)) {
        fprintf(f,
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"15\" fill=\"" ACCENT "\"/>\n",
                fr->x0, y + 0.5, len);
    }
    text_at(f, fr->x0 + len + 5, y + 12, "start", MUTED, value, false);
    fputs("</g>\n", f);
}

collab_status collab_plot_bars(FILE *f, const char *title, const char *axis_label,
                               const char *const *labels, const double *values, size_t n,
                               collab_error *err)
{
    (void)err;
    const double row = 22;
    double width = 640;
    double lw = fmin(label_width(labels, n), 230);
    frame fr = {16 + lw, width - 76, 44, 44 + row * (double)(n > 0 ? n : 1)};
    svg_open(f, width, fr.y1 + 56, title);
    double max = bars_max(values, n);
    double step = nice_step(max, 5, 0);
    max = ceil(max / step - EPS) * step;
    value_axis(f, &fr, max, step);
    int decimals = bar_decimals(values, n);
    for (size_t i = 0; i < n; i++) {
        bar_row(f, &fr, max, fr.y0 + row * (double)i + 3, labels[i], values[i], decimals);
    }
    if (n == 0) {
        text_at(f, (fr.x0 + fr.x1) / 2, fr.y0 + 15, "middle", MUTED, "no data", false);
    }
    line(f, fr.x0, fr.y0, fr.x0, fr.y1, AXIS);
    if (axis_label != NULL) {
        text_at(f, (fr.x0 + fr.x1) / 2, fr.y1 + 40, "middle", MUTED, axis_label, false);
    }
    fputs("</svg>\n", f);
    return COLLAB_OK;
}

/* A year step (1, 2, 5, 10, 20, 25, 50, 100...) giving at most about ten ticks over `span`. */
static int year_step(int span)
{
    static const int steps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (span / steps[i] <= 10) {
            return steps[i];
        }
    }
    return 1000;
}

static void year_axes(FILE *f, const frame *fr, int first, int last, double max, double step)
{
    for (double v = 0; v <= max * (1 + EPS); v += step) {
        double y = fr->y1 - v / max * (fr->y1 - fr->y0);
        line(f, fr->x0, y, fr->x1, y, GRID);
        line(f, fr->x0 - 5, y, fr->x0, y, AXIS);
        char buf[32];
        format_tick(buf, sizeof buf, v, step);
        text_at(f, fr->x0 - 9, y + 4, "end", MUTED, buf, false);
    }
    int ys = year_step(last - first);
    double unit = (fr->x1 - fr->x0) / (double)(last - first + 1);
    for (int year = (first + ys - 1) / ys * ys; year <= last; year += ys) {
        double x = fr->x0 + ((double)(year - first) + 0.5) * unit;
        line(f, x, fr->y1, x, fr->y1 + 5, AXIS);
        char buf[16];
        snprintf(buf, sizeof buf, "%d", year);
        text_at(f, x, fr->y1 + 19, "middle", MUTED, buf, false);
    }
    axes(f, fr);
}

collab_status collab_plot_per_year(FILE *f, const char *title, const char *axis_label,
                                   const int *years, const double *counts, size_t n,
                                   collab_error *err)
{
    (void)err;
    frame fr = {64, 620, 44, 300};
    svg_open(f, 640, 360, title);
    int first = n > 0 ? years[0] : 2000;
    int last = n > 0 ? years[n - 1] : 2000;
    double max = bars_max(counts, n);
    double step = nice_step(max, 5, 1);
    max = ceil(max / step - EPS) * step;
    year_axes(f, &fr, first, last, max, step);
    double unit = (fr.x1 - fr.x0) / (double)(last - first + 1);
    double bar = fmin(unit * 0.8, 36);
    for (size_t i = 0; i < n; i++) {
        double v = isfinite(counts[i]) && counts[i] > 0 ? counts[i] : 0;
        double h = v / max * (fr.y1 - fr.y0);
        double x = fr.x0 + ((double)(years[i] - first) + 0.5) * unit;
        char value[64];
        format_count(value, sizeof value, v);
        fprintf(f,
                "<g><title>%d: %s</title><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                "height=\"%.2f\" fill=\"" ACCENT "\"/></g>\n",
                years[i], value, x - bar / 2, fr.y1 - h, bar, h);
        if (n <= 30 && unit >= 14) {
            text_at(f, x, fr.y1 - h - 4, "middle", MUTED, value, false);
        }
    }
    if (n == 0) {
        text_at(f, (fr.x0 + fr.x1) / 2, (fr.y0 + fr.y1) / 2, "middle", MUTED, "no data", false);
    }
    axis_labels(f, &fr, "year", axis_label);
    fputs("</svg>\n", f);
    return COLLAB_OK;
}
