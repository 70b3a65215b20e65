/* The HTML report: one self-contained page with the map, the global statistics, the sortable
 * centrality table, the community summaries, the plots and the provenance.
 *
 * Self-contained means no request leaves the page: CSS, script, map and plots are inline, the
 * fonts are the reader's own, and a Content-Security-Policy (default-src 'none') makes any stray
 * reference fail rather than fetch. Names reach the page only as escaped text or attribute values
 * (collab_text_write_xml) and never inside the script: the script reads the table from the DOM,
 * and the policy admits only that script, by its SHA-256, so even a name that slipped through the
 * escaping could not run code. The ranking and community summaries come from the same internals
 * as the other formats, so the page and `collab report --format md` agree. */
#include "collab/alloc.h"
#include "collab/checksum.h"
#include "collab/credits.h"
#include "collab/report.h"
#include "collab/text.h"

#include <math.h>
#include <string.h>

#include "report_internal.h"

void collab_i_html_text(FILE *f, const char *s)
{
    collab_text_write_xml(f, s != NULL ? s : "", 0);
}

static void write_title(FILE *f, const collab_report_input *in, const collab_html_extras *x)
{
    if (x->title != NULL) {
        collab_i_html_text(f, x->title);
    } else {
        fputs("Collaboration report: ", f);
        collab_i_html_text(f, collab_text_base_name(in->list->source));
    }
}

static void write_head(FILE *f, const collab_report_input *in, const collab_html_extras *x,
                       const char *script_hash, bool interactive)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", f);
    fprintf(f,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'sha256-%s'; base-uri 'none'; "
            "form-action 'none'\">\n",
            script_hash);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"collab ",
          f);
    collab_i_html_text(f, x->version);
    fputs("\">\n<title>", f);
    write_title(f, in, x);
    fprintf(f, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n", collab_i_html_css,
            interactive ? (const char *)collab_i_html_map_css : "");
}

static void write_header(FILE *f, const collab_report_input *in, const collab_html_extras *x)
{
    const collab_global_stats *gs = &in->metrics->global;
    fputs("<header>\n<h1>", f);
    write_title(f, in, x);
    fputs("</h1>\n<p class=\"sub\">", f);
    collab_i_html_text(f, collab_text_base_name(in->list->source));
    fprintf(f, " &#183; %s, %s view", collab_shape_name(in->list->shape),
            collab_view_name(in->graph->view));
    if (in->graph->shape == COLLAB_SHAPE_CREDITS && in->graph->view != COLLAB_VIEW_BIPARTITE) {
        fprintf(f, ", %s weighting", collab_weighting_name(in->graph->weighting));
    }
    fprintf(f, " &#183; %zu nodes, %zu edges", gs->nodes, gs->edges);
    if (in->partition != NULL) {
        fprintf(f, " &#183; %zu communit%s (%s)", in->partition->n_communities,
                in->partition->n_communities == 1 ? "y" : "ies",
                collab_community_method_name(in->community_opt->method));
    }
    fputs("</p>\n<nav aria-label=\"Sections\"><a href=\"#map\">Map</a><a href=\"#statistics\">"
          "Statistics</a><a href=\"#ranking\">Ranking</a><a href=\"#communities\">Communities</a>"
          "<a href=\"#plots\">Plots</a><a href=\"#provenance\">Provenance</a></nav>\n"
          "</header>\n<main>\n",
          f);
}

/* The interactive map's controls and stage (filled by the script) and its data. */
static collab_status write_interactive(FILE *f, const collab_report_input *in,
                                       const collab_html_extras *x,
                                       const collab_credit_facts *facts, collab_error *err)
{
    fputs("<div class=\"imap\" id=\"imap\" hidden>\n<div class=\"imap-bar\">"
          "<span class=\"imap-find\"><input id=\"imap-search\" type=\"search\" "
          "placeholder=\"Find a person\" autocomplete=\"off\" spellcheck=\"false\" "
          "aria-label=\"Find a person on the map\"><ul id=\"imap-suggest\" role=\"listbox\" "
          "hidden></ul></span>"
          "<label>Colour <select id=\"imap-color\"></select></label>"
          "<label>Size <select id=\"imap-size\"></select></label>"
          "<button type=\"button\" id=\"imap-reset\">Reset view</button>"
          "<button type=\"button\" id=\"imap-png\">Download PNG</button>"
          "<button type=\"button\" id=\"imap-svg\">Download SVG</button></div>\n"
          "<div class=\"imap-body\"><div class=\"imap-stage\"><canvas id=\"imap-gl\"></canvas>"
          "<canvas id=\"imap-labels\" aria-label=\"Interactive map: drag to pan, wheel or pinch "
          "to zoom, click a person to see their neighbours\"></canvas>"
          "<div id=\"imap-tip\" hidden></div></div>"
          "<aside id=\"imap-panel\" hidden></aside></div>\n"
          "<div id=\"imap-legend\"></div>\n<p class=\"note\" id=\"imap-note\"></p>\n"
          "<p class=\"note\">Drag to pan; wheel, trackpad or pinch to zoom; names appear as you "
          "zoom in, the most important first. Click a person to see their neighbours, Escape to "
          "clear. The static map below is the one printed.</p>\n",
          f);
    collab_status st = collab_i_html_map_write(f, in, x, facts, err);
    fputs("</div>\n", f);
    return st;
}

/* The map's SVG without the XML declaration, which may not appear inside an HTML document. */
static collab_status write_map(FILE *f, const collab_report_input *in, const collab_html_extras *x,
                               const collab_credit_facts *facts, collab_error *err)
{
    fputs("<section id=\"map\" aria-labelledby=\"h-map\">\n<h2 id=\"h-map\">Map</h2>\n", f);
    bool have_svg = x->map_svg != NULL && x->map_svg_len > 0;
    if (!have_svg && x->scene == NULL) {
        fputs("<p class=\"nomap\">This report has no map.</p>\n</section>\n", f);
        return COLLAB_OK;
    }
    if (x->scene != NULL) {
        collab_status st = write_interactive(f, in, x, facts, err);
        if (st != COLLAB_OK) {
            return st;
        }
    }
    const char *svg = have_svg ? x->map_svg : "";
    size_t len = have_svg ? x->map_svg_len : 0;
    if (len > 5 && strncmp(svg, "<?xml", 5) == 0) {
        const char *end = memchr(svg, '>', len);
        size_t skip = end != NULL ? (size_t)(end - svg) + 1 : 0;
        svg += skip;
        len -= skip;
        while (len > 0 && (*svg == '\n' || *svg == '\r')) {
            svg++;
            len--;
        }
    }
    /* Under the interactive map the static one is only for print and for readers without
     * scripts: inside <noscript>, which a browser running the script keeps as text (it parses
     * it into the page when printing, or when it has no WebGL), so a large map costs no
     * parsing when the page opens. */
    fputs(x->scene != NULL ? "<noscript id=\"map-static\"><figure class=\"map\">\n"
                           : "<figure class=\"map\">\n",
          f);
    if (have_svg) {
        fwrite(svg, 1, len, f);
    } else {
        collab_i_html_scene_svg(f, x->scene, x->static_edges);
    }
    fputs("<figcaption>", f);
    collab_i_html_text(f, x->map_caption != NULL ? x->map_caption
                                  : "The network: node size and colour as in collab map.");
    fputs(x->scene != NULL ? "</figcaption>\n</figure></noscript>\n</section>\n"
                           : "</figcaption>\n</figure>\n</section>\n",
          f);
    return COLLAB_OK;
}

static void stat_item(FILE *f, const char *name, const char *value)
{
    fprintf(f, "<div><dt>%s</dt><dd>%s</dd></div>\n", name, value);
}

/* `value` with `decimals` decimals (-1: the shortest form, %g), then `suffix`. */
static void stat_number(FILE *f, const char *name, double value, int decimals, const char *suffix)
{
    char buf[64];
    if (isnan(value)) {
        snprintf(buf, sizeof buf, "undefined");
    } else if (decimals < 0) {
        snprintf(buf, sizeof buf, "%g%s", value, suffix);
    } else {
        snprintf(buf, sizeof buf, "%.*f%s", decimals, value, suffix);
    }
    stat_item(f, name, buf);
}

static void write_stats(FILE *f, const collab_report_input *in)
{
    const collab_global_stats *gs = &in->metrics->global;
    const collab_graph_stats *bs = &in->graph->stats;
    fputs("<section id=\"statistics\" aria-labelledby=\"h-statistics\">\n"
          "<h2 id=\"h-statistics\">Global statistics</h2>\n<dl class=\"stats\">\n",
          f);
    if (in->graph->shape == COLLAB_SHAPE_CREDITS) {
        stat_number(f, "people", (double)bs->persons, 0, "");
        stat_number(f, "projects", (double)bs->projects, 0, "");
        stat_number(f, "credits used", (double)bs->rows_used, 0, "");
    }
    stat_number(f, "nodes", (double)gs->nodes, 0, "");
    stat_number(f, "edges", (double)gs->edges, 0, "");
    stat_number(f, "components", (double)gs->components, 0, "");
    stat_number(f, "largest component", 100.0 * gs->largest_share, 1, "%");
    stat_number(f, "density", gs->density, 6, "");
    stat_number(f, "transitivity", gs->transitivity, 4, "");
    stat_number(f, "average clustering", gs->avg_clustering, 4, "");
    stat_number(f, "degree assortativity", gs->assortativity, 4, "");
    stat_number(f, gs->paths_estimated ? "diameter (estimate)" : "diameter", gs->diameter, -1, "");
    stat_number(f, gs->paths_estimated ? "average path length (estimate)" : "average path length",
                gs->avg_path_length, 4, "");
    if (in->partition != NULL) {
        stat_number(f, "communities", (double)in->partition->n_communities, 0, "");
        stat_number(f, "modularity", in->partition->modularity, 4, "");
    }
    fputs("</dl>\n", f);
    if (in->metrics->sampled) {
        char note[768];
        collab_report_estimate_note(in->metrics, in->metrics_opt->seed, note, sizeof note);
        fputs("<p class=\"note\">Betweenness, closeness and harmonic centrality are estimates: ",
              f);
        collab_i_html_text(f, note);
        fputs(".</p>\n", f);
    }
    const collab_metrics *m = in->metrics;
    if (m->top_k > 0) {
        fprintf(f, "<p class=\"note\">Top %zu by betweenness (--top-exact):</p>\n<ol>\n", m->top_k);
        for (size_t i = 0; i < m->top_k; i++) {
            char verdict[96];
            collab_report_top_rank(m, i, verdict, sizeof verdict);
            fputs("<li>", f);
            collab_i_html_text(f, collab_graph_name(in->graph, (uint32_t)m->top[i]));
            fputs(": ", f);
            collab_i_html_text(f, verdict);
            fputs("</li>\n", f);
        }
        fputs("</ol>\n", f);
    }
    fputs("</section>\n", f);
}

/* The community cell: the map's colour, when known, then the 1-based number. */
static void community_cell(FILE *f, const collab_html_extras *x, uint32_t c)
{
    fprintf(f, "<td class=\"n\" data-v=\"%u\">", c + 1);
    if (x->community_rgb != NULL && c < x->n_community_rgb) {
        fprintf(f, "<span class=\"swatch\" style=\"background:#%06x\"></span>",
                (unsigned)(x->community_rgb[c] & 0xffffffu));
    }
    fprintf(f, "%u</td>", c + 1);
}

static void sortable_heading(FILE *f, const char *name, const char *help, bool numeric,
                             const char *first, const char *sorted)
{
    fprintf(f, "<th scope=\"col\"%s data-type=\"%s\"", numeric ? " class=\"n\"" : "",
            numeric ? "number" : "text");
    if (first != NULL) {
        fprintf(f, " data-first=\"%s\"", first);
    }
    if (sorted != NULL) {
        fprintf(f, " aria-sort=\"%s\"", sorted);
    }
    if (help != NULL) {
        fprintf(f, " title=\"%s\"", help);
    }
    fprintf(f, "><button type=\"button\">%s</button></th>", name);
}

static void ranking_head(FILE *f, const collab_report_input *in, const collab_report_options *opt,
                         size_t rows, bool roles)
{
    const collab_metrics *m = in->metrics;
    const char *metric = collab_metric_name(opt->sort);
    bool higher = collab_metric_higher_is_more(opt->sort);
    fprintf(f,
            "<section id=\"ranking\" aria-labelledby=\"h-ranking\">\n"
            "<h2 id=\"h-ranking\">Centrality ranking</h2>\n<div class=\"scroll\">\n"
            "<table class=\"sortable\">\n<caption>%s %zu of %zu nodes, ranked by %s%s. "
            "Click a column heading to sort by it; click again to reverse.</caption>\n"
            "<thead><tr>",
            rows == m->n ? "All" : "The first", rows, m->n, metric,
            higher ? "" : " (lowest first)");
    sortable_heading(f, "rank", NULL, true, "ascending", NULL);
    sortable_heading(f, "name", NULL, false, NULL, NULL);
    if (roles) {
        sortable_heading(f, "roles", "credits in each role, most credited first", false, NULL,
                         NULL);
    }
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_shown(opt, m, k)) {
            const char *sorted =
                (collab_metric)k == opt->sort ? (higher ? "descending" : "ascending") : NULL;
            sortable_heading(f, collab_metric_name((collab_metric)k),
                             collab_metric_info_of((collab_metric)k)->definition, true,
                             collab_metric_higher_is_more((collab_metric)k) ? NULL : "ascending",
                             sorted);
        }
        if (collab_i_metric_bounded(opt, m, k)) {
            char low[64], high[64];
            snprintf(low, sizeof low, "%s low", collab_metric_name((collab_metric)k));
            snprintf(high, sizeof high, "%s high", collab_metric_name((collab_metric)k));
            sortable_heading(f, low, "lower end of the estimate's interval", true, NULL, NULL);
            sortable_heading(f, high, "upper end of the estimate's interval", true, NULL, NULL);
        }
    }
    if (in->partition != NULL) {
        sortable_heading(f, "community", NULL, true, "ascending", NULL);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
}

/* The three most credited roles, the whole mix in the tooltip: a long mix would make the row
 * as tall as a page. */
#define ROLES_IN_CELL 3

static void write_roles_cell(FILE *f, const collab_report_input *in,
                             const collab_credit_facts *facts, uint32_t v)
{
    fputs("<td class=\"roles\" title=\"", f);
    collab_i_html_text(f, collab_credit_facts_roles(facts, v));
    fputs("\">", f);
    size_t first = facts->first_role[v];
    size_t end = facts->first_role[v + 1];
    for (size_t k = first; k < end && k < first + ROLES_IN_CELL; k++) {
        fputs(k > first ? "; " : "", f);
        collab_i_html_text(f, collab_names_get(&in->list->roles, facts->role_counts[k].role));
        fprintf(f, " (%u)", facts->role_counts[k].count);
    }
    if (end - first > ROLES_IN_CELL) {
        fprintf(f, "; %zu more", end - first - ROLES_IN_CELL);
    }
    fputs("</td>", f);
}

static void write_ranking(FILE *f, const collab_report_input *in, const collab_report_options *opt,
                          const uint32_t *order, const collab_html_extras *x,
                          const collab_credit_facts *facts)
{
    const collab_metrics *m = in->metrics;
    size_t rows = opt->top == 0 || opt->top > m->n ? m->n : opt->top;
    bool roles = facts != NULL && facts->any_role;
    ranking_head(f, in, opt, rows, roles);
    for (size_t r = 0; r < rows; r++) {
        uint32_t v = order[r];
        fprintf(f, "<tr data-i=\"%zu\"><td class=\"n\" data-v=\"%zu\">%zu</td><td class=\"name\">",
                r, r + 1, r + 1);
        collab_i_html_text(f, collab_graph_name(in->graph, v));
        fputs("</td>", f);
        if (roles) {
            write_roles_cell(f, in, facts, v);
        }
        for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
            if (collab_i_metric_shown(opt, m, k)) {
                char buf[64];
                double value = m->values[k][v];
                collab_i_format_metric(buf, sizeof buf, k, value);
                if (isnan(value)) {
                    fprintf(f, "<td class=\"n\" data-v=\"NaN\">%s</td>", buf);
                } else {
                    fprintf(f, "<td class=\"n\" data-v=\"%.17g\">%s</td>", value, buf);
                }
            }
            if (collab_i_metric_bounded(opt, m, k)) {
                double ends[2] = {m->low[k][v], m->high[k][v]};
                char buf[64];
                for (int e = 0; e < 2; e++) {
                    collab_i_format_metric(buf, sizeof buf, k, ends[e]);
                    fprintf(f, "<td class=\"n\" data-v=\"%.17g\">%s</td>", ends[e], buf);
                }
            }
        }
        if (in->partition != NULL) {
            community_cell(f, x, in->partition->membership[v]);
        }
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", f);
}

static void community_roles(FILE *f, const collab_report_input *in,
                            const collab_i_community_summary *s)
{
    fputs("<td>", f);
    for (int k = 0; k < 3 && s->roles[k] != COLLAB_NO_ID; k++) {
        fputs(k > 0 ? ", " : "", f);
        collab_i_html_text(f, collab_names_get(&in->list->roles, s->roles[k]));
        fprintf(f, " (%zu)", s->role_counts[k]);
    }
    fputs("</td>", f);
}

static void community_row(FILE *f, const collab_report_input *in, const collab_html_extras *x,
                          const collab_i_community_summary *s, size_t c, bool credits)
{
    fprintf(f, "<tr data-i=\"%zu\">", c);
    community_cell(f, x, (uint32_t)c);
    fprintf(f, "<td class=\"n\" data-v=\"%zu\">%zu</td><td class=\"n\" data-v=\"%zu\">%zu</td>",
            s->size, s->size, s->internal_edges, s->internal_edges);
    fprintf(f, "<td class=\"n\" data-v=\"%.17g\">%.4f</td><td class=\"name\">", s->density,
            s->density);
    for (size_t i = 0; i < s->n_top; i++) {
        fputs(i > 0 ? ", " : "", f);
        collab_i_html_text(f, collab_graph_name(in->graph, s->top[i]));
    }
    fputs("</td>", f);
    if (credits) {
        community_roles(f, in, s);
        if (s->year_from != 0 && s->year_to != s->year_from) {
            fprintf(f, "<td class=\"n\" data-v=\"%d\">%d&#8211;%d</td>", s->year_from, s->year_from,
                    s->year_to);
        } else if (s->year_from != 0) {
            fprintf(f, "<td class=\"n\" data-v=\"%d\">%d</td>", s->year_from, s->year_from);
        } else {
            fputs("<td class=\"n\" data-v=\"NaN\"></td>", f);
        }
    }
    fputs("</tr>\n", f);
}

static collab_status write_communities(FILE *f, const collab_report_input *in,
                                       const collab_report_options *opt,
                                       const collab_html_extras *x, collab_error *err)
{
    fputs("<section id=\"communities\" aria-labelledby=\"h-communities\">\n"
          "<h2 id=\"h-communities\">Communities</h2>\n",
          f);
    const collab_partition *p = in->partition;
    if (p == NULL) {
        fputs("<p class=\"note\">No communities were computed.</p>\n</section>\n", f);
        return COLLAB_OK;
    }
    collab_i_community_summary *s = NULL;
    collab_status st = collab_i_community_summaries(in, opt->sort, opt->members_shown, &s, err);
    if (st != COLLAB_OK) {
        return st;
    }
    size_t n = opt->top == 0 || opt->top > p->n_communities ? p->n_communities : opt->top;
    bool credits =
        in->graph->shape == COLLAB_SHAPE_CREDITS && in->graph->view == COLLAB_VIEW_PEOPLE;
    char stat[32];
    fprintf(f,
            "<p>%zu communit%s found by %s (resolution %g, seed %llu), modularity %s; "
            "numbered by size, largest first.%s</p>\n",
            p->n_communities, p->n_communities == 1 ? "y" : "ies",
            collab_community_method_name(in->community_opt->method), in->community_opt->resolution,
            (unsigned long long)in->community_opt->seed, collab_report_stat(stat, p->modularity, 4),
            n < p->n_communities ? " The largest are listed here." : "");
    fputs("<div class=\"scroll\">\n<table class=\"sortable\">\n<thead><tr>", f);
    sortable_heading(f, "community", NULL, true, "ascending", "ascending");
    sortable_heading(f, "size", NULL, true, NULL, NULL);
    sortable_heading(f, "internal edges", NULL, true, NULL, NULL);
    sortable_heading(f, "density", "internal edges / possible internal edges", true, NULL, NULL);
    fprintf(f, "<th scope=\"col\">most central members (by %s)</th>",
            collab_metric_name(opt->sort));
    if (credits) {
        fputs("<th scope=\"col\">dominant roles (credits)</th>", f);
        sortable_heading(f, "years", NULL, true, "ascending", NULL);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
    for (size_t c = 0; c < n; c++) {
        community_row(f, in, x, &s[c], c, credits);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", f);
    collab_i_community_summaries_free(s, p->n_communities);
    return COLLAB_OK;
}

static void prov_item(FILE *f, const char *name, const char *value, bool code)
{
    fprintf(f, "<dt>%s</dt><dd>%s", name, code ? "<code>" : "");
    collab_i_html_text(f, value);
    fprintf(f, "%s</dd>\n", code ? "</code>" : "");
}

static void write_analysis_settings(FILE *f, const collab_report_input *in)
{
    const collab_graph_options *go = in->graph_opt;
    const collab_metrics_options *mo = in->metrics_opt;
    char buf[512];
    int used =
        snprintf(buf, sizeof buf, "%s, %s view, %s weighting", collab_shape_name(in->list->shape),
                 collab_view_name(in->graph->view), collab_weighting_name(in->graph->weighting));
    if (in->graph->stats.projects_skipped > 0 && used > 0 && (size_t)used < sizeof buf) {
        char hubs[1024];
        collab_graph_describe_hubs(in->graph, in->list, go, hubs, sizeof hubs);
        used += snprintf(buf + used, sizeof buf - (size_t)used, "; %s", hubs);
    }
    if (in->graph->stats.people_left_out > 0 && used > 0 && (size_t)used < sizeof buf) {
        char people[1024];
        collab_graph_describe_people_left_out(in->graph, in->list, people, sizeof people);
        used += snprintf(buf + used, sizeof buf - (size_t)used, "; %s", people);
    }
    if (in->graph->stats.scoped && used > 0 && (size_t)used < sizeof buf) {
        char scope[256];
        collab_graph_describe_scope(in->graph, go, scope, sizeof scope);
        used += snprintf(buf + used, sizeof buf - (size_t)used, "; %s", scope);
    }
    if (go->min_shared > 0 && used > 0 && (size_t)used < sizeof buf) {
        snprintf(buf + used, sizeof buf - (size_t)used,
                 "; ties with fewer than %g shared "
                 "projects dropped",
                 go->min_shared);
    }
    prov_item(f, "graph", buf, false);
    if (go->roles != NULL) {
        prov_item(f, "roles kept", go->roles, false);
    }
    if (go->has_years) {
        snprintf(buf, sizeof buf, "%d-%d", go->year_from, go->year_to);
        prov_item(f, "years kept", buf, false);
    }
    snprintf(buf, sizeof buf, "shortest paths %s; betweenness %s; %s",
             mo->paths == COLLAB_PATHS_INVERSE ? "with length 1/weight" : "count hops",
             mo->normalized ? "normalised" : "raw",
             in->metrics->sampled ? "betweenness, closeness and harmonic estimated" : "exact");
    prov_item(f, "metrics", buf, false);
    if (in->metrics->sampled) {
        snprintf(buf, sizeof buf,
                 "%.0f shortest paths (betweenness, eps %g, delta %g), %ld sources (closeness, "
                 "harmonic)",
                 in->metrics->bc_samples, in->metrics->approx_eps, in->metrics->approx_delta,
                 in->metrics->sample_sources);
        prov_item(f, "sampling", buf, false);
    }
    if (in->partition != NULL) {
        snprintf(buf, sizeof buf, "%s, resolution %g",
                 collab_community_method_name(in->community_opt->method),
                 in->community_opt->resolution);
        prov_item(f, "communities", buf, false);
    }
}

static void write_provenance(FILE *f, const collab_report_input *in, const collab_html_extras *x)
{
    fputs("<section id=\"provenance\" aria-labelledby=\"h-provenance\">\n"
          "<h2 id=\"h-provenance\">Provenance</h2>\n<dl class=\"prov\">\n",
          f);
    prov_item(f, "input file", x->input_path != NULL ? x->input_path : in->list->source, true);
    prov_item(f, "SHA-256",
              x->input_sha256 != NULL ? x->input_sha256
                                      : "not available (read from standard input)",
              x->input_sha256 != NULL);
    if (x->command_line != NULL) {
        prov_item(f, "options", x->command_line, true);
    }
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)in->community_opt->seed);
    prov_item(f, "seed", seed, false);
    write_analysis_settings(f, in);
    prov_item(f, "collab version", x->version != NULL ? x->version : "unknown", false);
    prov_item(f, "generated", x->date != NULL ? x->date : "unknown", false);
    fputs("</dl>\n</section>\n", f);
}

static void write_footer(FILE *f, const collab_html_extras *x, const char *script)
{
    fputs("</main>\n<footer>Made by collab ", f);
    collab_i_html_text(f, x->version);
    fprintf(f,
            ". This page is self-contained: it loads nothing from the network.</footer>\n"
            "<script>%s</script>\n</body>\n</html>\n",
            script);
}

collab_status collab_report_write_html(FILE *f, const collab_report_input *in,
                                       const collab_report_options *opt,
                                       const collab_html_extras *x, collab_error *err)
{
    /* The page's one script: the table sorter, and the interactive map's renderer when there
     * is one. Neither holds data, so the hash depends only on which of them is there. */
    bool interactive = x->scene != NULL;
    size_t base_len = strlen(collab_i_html_script);
    const char *map_js = (const char *)collab_i_html_map_js;
    size_t map_len = interactive ? strlen(map_js) : 0;
    char *script = collab_malloc(base_len + map_len + 1);
    uint32_t *order = collab_alloc_array(in->metrics->n + 1, sizeof *order);
    if (order == NULL || script == NULL) {
        collab_free(order);
        collab_free(script);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory ranking nodes");
    }
    memcpy(script, collab_i_html_script, base_len);
    memcpy(script + base_len, map_js, map_len);
    script[base_len + map_len] = '\0';
    char hash[COLLAB_SHA256_BASE64_SIZE];
    collab_status st = collab_checksum_sha256_base64(script, base_len + map_len, hash, err);
    if (st != COLLAB_OK) {
        collab_free(order);
        collab_free(script);
        return st;
    }
    collab_i_report_rank(in, opt->sort, order);
    /* The table always shows the column it is ranked by, whatever --metrics chose. */
    collab_report_options table = *opt;
    if (table.columns != 0) {
        table.columns |= 1u << opt->sort;
    }
    write_head(f, in, x, hash, interactive);
    write_header(f, in, x);
    /* The role mix of each node, for credits. */
    collab_credit_facts facts_store = {0};
    const collab_credit_facts *facts = NULL;
    if (in->graph->shape == COLLAB_SHAPE_CREDITS && in->graph->origin != NULL) {
        facts = in->facts;
        if (facts == NULL) {
            st = collab_credit_facts_compute(&facts_store, in->graph, in->list, err);
            facts = st == COLLAB_OK ? &facts_store : NULL;
        }
    }
    if (st == COLLAB_OK) {
        st = write_map(f, in, x, facts, err);
    }
    if (st == COLLAB_OK) {
        write_stats(f, in);
        write_ranking(f, in, &table, order, x, facts);
        st = write_communities(f, in, opt, x, err);
    }
    collab_credit_facts_destroy(&facts_store); /* zeroed when in->facts was used */
    if (st == COLLAB_OK) {
        st = collab_i_html_plots(f, in, opt, order, err);
    }
    if (st == COLLAB_OK) {
        write_provenance(f, in, x);
        write_footer(f, x, script);
    }
    collab_free(order);
    collab_free(script);
    return st; /* write errors are caught, with the file's name, when the output is committed */
}
