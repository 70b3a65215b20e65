/* The ranked centrality report: the ranking, and the table, Markdown and CSV writers (JSON is
 * report_json.c's, the HTML page report_html.c's). */
#include "collab/report.h"

#include "collab/alloc.h"
#include "collab/credits.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "textbuf_internal.h"
#include "report_internal.h"

/* The role mix is cut in the terminal table; the other formats carry all of it. */
#define ROLES_MAX_WIDTH 48
#define NAME_MAX_WIDTH  40

void collab_report_options_init(collab_report_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->format = COLLAB_FORMAT_TABLE;
    opt->top = 20;
    opt->sort = COLLAB_METRIC_BETWEENNESS;
    opt->members_shown = 5;
}

typedef struct rank_ctx {
    const double *values; /* the ranking metric */
    bool descending;      /* higher ranks first */
} rank_ctx;

/* qsort has no context argument in C11: the keys carry what the comparison needs. */
typedef struct rank_key {
    double value; /* metric value, NaN ranks last */
    uint32_t id;  /* vertex id, ties broken by it */
} rank_key;

static int compare_desc(const void *a, const void *b)
{
    const rank_key *x = a;
    const rank_key *y = b;
    bool xn = isnan(x->value);
    bool yn = isnan(y->value);
    if (xn != yn) {
        return xn ? 1 : -1;
    }
    if (!xn && x->value != y->value) {
        return x->value > y->value ? -1 : 1;
    }
    return (x->id > y->id) - (x->id < y->id);
}

void collab_report_rank(const collab_metrics *m, collab_metric metric, uint32_t *order)
{
    rank_key *keys = collab_alloc_array(m->n + 1, sizeof *keys);
    bool descending = collab_metric_higher_is_more(metric);
    const double *values = m->values[metric];
    if (keys == NULL || values == NULL) {
        for (size_t v = 0; v < m->n; v++) {
            order[v] = (uint32_t)v;
        }
        collab_free(keys);
        return;
    }
    for (size_t v = 0; v < m->n; v++) {
        double x = values[v];
        keys[v] = (rank_key){descending || isnan(x) ? x : -x, (uint32_t)v};
    }
    qsort(keys, m->n, sizeof *keys, compare_desc);
    for (size_t v = 0; v < m->n; v++) {
        order[v] = keys[v].id;
    }
    collab_free(keys);
}

void collab_i_report_rank(const collab_report_input *in, collab_metric metric, uint32_t *order)
{
    if (in->rank_order != NULL && in->rank_metric == metric) {
        memcpy(order, in->rank_order, in->metrics->n * sizeof *order);
    } else {
        collab_report_rank(in->metrics, metric, order);
    }
}

bool collab_i_metric_shown(const collab_report_options *opt, const collab_metrics *m, int metric)
{
    return m->values[metric] != NULL && (opt->columns == 0 || (opt->columns & (1u << metric)));
}

void collab_i_format_metric(char *buf, size_t size, int metric, double x)
{
    if (isnan(x)) {
        snprintf(buf, size, "NaN");
        return;
    }
    switch (collab_metric_info_of((collab_metric)metric)->style) {
    case COLLAB_NUMBER_INTEGER:
        snprintf(buf, size, "%.0f", x);
        break;
    case COLLAB_NUMBER_GENERAL:
        snprintf(buf, size, "%.6g", x);
        break;
    case COLLAB_NUMBER_LARGE:
        snprintf(buf, size, x < 1.0 ? "%.4f" : "%.2f", x);
        break;
    case COLLAB_NUMBER_FRACTION:
        snprintf(buf, size, "%.4f", x);
        break;
    }
}

bool collab_i_metric_bounded(const collab_report_options *opt, const collab_metrics *m, int metric)
{
    return collab_i_metric_shown(opt, m, metric) && m->low[metric] != NULL;
}

void collab_report_estimate_note(const collab_metrics *m, uint64_t seed, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!m->sampled) {
        return;
    }
    char others[256];
    if (m->global.paths_estimated) {
        snprintf(others, sizeof others,
                 "closeness and harmonic from %ld sampled sources, within Hoeffding's bounds for "
                 "every node with probability at least %g",
                 m->sample_sources, 1.0 - m->approx_delta);
    } else {
        snprintf(others, sizeof others, "closeness and harmonic exact (every node a source)");
    }
    char guarantee[320];
    if (m->bc_work_stop) {
        snprintf(guarantee, sizeof guarantee,
                 "KADABRA, stopped at its work limit before its bounds reached %g: every node's "
                 "betweenness within its interval with probability at least %g",
                 m->approx_eps, 1.0 - m->approx_delta);
    } else if (m->top_k > 0) {
        /* --top-exact stops on the ranks, not on eps: only the intervals are promised */
        snprintf(guarantee, sizeof guarantee,
                 "KADABRA, %s; every node's betweenness within its interval with probability at "
                 "least %g",
                 m->bc_adaptive ? "stopped when the top ranks were separated"
                                : "stopped at its sample limit",
                 1.0 - m->approx_delta);
    } else {
        snprintf(guarantee, sizeof guarantee,
                 "KADABRA, %s; every node's normalised betweenness within %g of the truth, and "
                 "within its interval, with probability at least %g",
                 m->bc_adaptive ? "stopped when every bound held" : "stopped at its sample limit",
                 m->approx_eps, 1.0 - m->approx_delta);
    }
    snprintf(buf, size,
             "estimated (seed %llu): betweenness from %.0f sampled shortest paths (%s); %s; the "
             "_low and _high values are each node's interval",
             (unsigned long long)seed, m->bc_samples, guarantee, others);
}

void collab_report_top_rank(const collab_metrics *m, size_t i, char *buf, size_t size)
{
    if (m->rank_best[i] == m->rank_worst[i]) {
        snprintf(buf, size, "certain");
    } else {
        snprintf(buf, size, "tied within the bound: ranks %zu-%zu", m->rank_best[i],
                 m->rank_worst[i]);
    }
}

/* The --top-exact verdict, one line per rank, as text or Markdown list items. */
static void write_top_ranks(FILE *f, const collab_report_input *in, bool md)
{
    const collab_metrics *m = in->metrics;
    if (m->top_k == 0) {
        return;
    }
    fprintf(f, "%stop %zu by betweenness (--top-exact): which ranks the bounds make certain%s",
            md ? "\n**" : "", m->top_k, md ? "**\n\n" : "\n");
    for (size_t i = 0; i < m->top_k; i++) {
        char verdict[96];
        collab_report_top_rank(m, i, verdict, sizeof verdict);
        fprintf(f, "%s%zu. ", md ? "" : "  ", i + 1);
        if (md) {
            collab_i_md_text(f, collab_graph_name(in->graph, (uint32_t)m->top[i]));
        } else {
            collab_i_term_text(f, collab_graph_name(in->graph, (uint32_t)m->top[i]), 0,
                               NAME_MAX_WIDTH);
        }
        fprintf(f, ": %s\n", verdict);
    }
    fputc('\n', f);
}

size_t collab_i_report_rows_to_show(const collab_report_options *opt, size_t n)
{
    return opt->top == 0 || opt->top > n ? n : opt->top;
}

static void write_table_header(FILE *f, const collab_report_input *in,
                               const collab_report_options *opt, size_t name_width, bool roles)
{
    const collab_metrics *m = in->metrics;
    fprintf(f, "%4s  ", "rank");
    collab_i_term_text(f, "name", name_width, 0);
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_shown(opt, m, k)) {
            fprintf(f, "  %11s", collab_metric_name((collab_metric)k));
        }
        if (collab_i_metric_bounded(opt, m, k)) {
            fprintf(f, "  %11s  %11s", "(low", "high)");
        }
    }
    fprintf(f, "  %9s%s\n", "community", roles ? "  roles" : "");
}

static void write_context_lines(FILE *f, const collab_report_input *in)
{
    const collab_global_stats *gs = &in->metrics->global;
    fprintf(f, "collab report: %s (%s view", in->list->source, collab_view_name(in->graph->view));
    if (in->graph->shape == COLLAB_SHAPE_CREDITS && in->graph->view != COLLAB_VIEW_BIPARTITE) {
        fprintf(f, ", %s weighting", collab_weighting_name(in->graph->weighting));
    }
    fprintf(f, ")\n");
    fprintf(f, "nodes %zu, edges %zu, components %zu (largest %.1f%%), density %.6f\n", gs->nodes,
            gs->edges, gs->components, 100.0 * gs->largest_share, gs->density);
    char stat[32];
    fprintf(f, "transitivity %.4f, average clustering %.4f, degree assortativity %s\n",
            gs->transitivity, gs->avg_clustering, collab_report_stat(stat, gs->assortativity, 4));
    fprintf(f, "diameter %g, average path length %.4f%s\n", gs->diameter, gs->avg_path_length,
            gs->paths_estimated ? " (estimated from sampled sources)" : "");
    if (in->partition != NULL) {
        fprintf(f, "communities %zu (%s, seed %llu), modularity %s\n", in->partition->n_communities,
                collab_community_method_name(in->community_opt->method),
                (unsigned long long)in->community_opt->seed,
                collab_report_stat(stat, in->partition->modularity, 4));
    }
    if (in->graph->stats.projects_skipped > 0) {
        char hubs[1024];
        collab_graph_describe_hubs(in->graph, in->list, in->graph_opt, hubs, sizeof hubs);
        fprintf(f, "%s\n", hubs);
    }
    if (in->graph->stats.people_left_out > 0) {
        char people[1024];
        collab_graph_describe_people_left_out(in->graph, in->list, people, sizeof people);
        fprintf(f, "%s\n", people);
    }
    if (in->graph->stats.scoped) {
        char scope[256];
        collab_graph_describe_scope(in->graph, in->graph_opt, scope, sizeof scope);
        fprintf(f, "%s\n", scope);
    }
    if (in->metrics->sampled) {
        char note[768];
        collab_report_estimate_note(in->metrics, in->metrics_opt->seed, note, sizeof note);
        fprintf(f, "%s\n", note);
    }
    fprintf(f, "\n");
    write_top_ranks(f, in, false);
}

static void write_table(FILE *f, const collab_report_input *in, const collab_report_options *opt,
                        const uint32_t *order, const collab_credit_facts *facts)
{
    const collab_metrics *m = in->metrics;
    size_t rows = collab_i_report_rows_to_show(opt, m->n);
    size_t name_width = 4;
    for (size_t r = 0; r < rows; r++) {
        size_t w = collab_i_term_width(collab_graph_name(in->graph, order[r]), NAME_MAX_WIDTH);
        name_width = w > name_width ? w : name_width;
    }
    write_context_lines(f, in);
    write_table_header(f, in, opt, name_width, facts != NULL && facts->any_role);
    for (size_t r = 0; r < rows; r++) {
        uint32_t v = order[r];
        fprintf(f, "%4zu  ", r + 1);
        collab_i_term_text(f, collab_graph_name(in->graph, v), name_width, NAME_MAX_WIDTH);
        for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
            if (collab_i_metric_shown(opt, m, k)) {
                char buf[64];
                collab_i_format_metric(buf, sizeof buf, k, m->values[k][v]);
                fprintf(f, "  %11s", buf);
            }
            if (collab_i_metric_bounded(opt, m, k)) {
                char lo[64], hi[64];
                collab_i_format_metric(lo, sizeof lo, k, m->low[k][v]);
                collab_i_format_metric(hi, sizeof hi, k, m->high[k][v]);
                fprintf(f, "  %11s  %11s", lo, hi);
            }
        }
        if (in->partition != NULL) {
            fprintf(f, "  %9u", in->partition->membership[v] + 1);
        } else {
            fprintf(f, "  %9s", "-");
        }
        if (facts != NULL && facts->any_role) {
            fputs("  ", f);
            collab_i_term_text(f, collab_credit_facts_roles(facts, v), 0, ROLES_MAX_WIDTH);
        }
        fputc('\n', f);
    }
}

/* ",<x>" for an integer. */
static void csv_integer(collab_i_textbuf *b, long long x)
{
    collab_i_textbuf_putc(b, ',');
    collab_i_textbuf_int(b, x);
}

/* ",<x>" in the fewest digits that read back exactly; NaN as "NaN" (pandas and R read it). */
static void csv_number(collab_i_textbuf *b, double x)
{
    collab_i_textbuf_putc(b, ',');
    if (isnan(x)) {
        collab_i_textbuf_add(b, "NaN", 3);
    } else {
        collab_i_textbuf_double(b, x);
    }
}

static void write_csv_header(collab_i_textbuf *b, const collab_report_input *in,
                             const collab_report_options *opt, const collab_credit_facts *facts)
{
    const collab_metrics *m = in->metrics;
    collab_i_textbuf_puts(b, "rank,name");
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_shown(opt, m, k)) {
            collab_i_textbuf_putc(b, ',');
            collab_i_textbuf_puts(b, collab_metric_name((collab_metric)k));
        }
    }
    collab_i_textbuf_puts(b, ",community");
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_bounded(opt, m, k)) {
            collab_i_textbuf_printf(b, ",%s_low,%s_high", collab_metric_name((collab_metric)k),
                                    collab_metric_name((collab_metric)k));
        }
    }
    collab_i_textbuf_puts(b, m->sampled ? ",closeness_se" : "");
    collab_i_textbuf_puts(b, facts != NULL ? ",credits,roles,year_first,year_last\n" : "\n");
}

static void write_csv_row(collab_i_textbuf *b, const collab_report_input *in,
                          const collab_report_options *opt, const collab_credit_facts *facts,
                          size_t rank, uint32_t v)
{
    const collab_metrics *m = in->metrics;
    collab_i_textbuf_uint(b, rank);
    collab_i_textbuf_putc(b, ',');
    collab_i_textbuf_csv(b, collab_graph_name(in->graph, v));
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_shown(opt, m, k)) {
            csv_number(b, m->values[k][v]);
        }
    }
    if (in->partition != NULL) {
        csv_integer(b, (long long)in->partition->membership[v] + 1);
    } else {
        collab_i_textbuf_putc(b, ',');
    }
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_bounded(opt, m, k)) {
            csv_number(b, m->low[k][v]);
            csv_number(b, m->high[k][v]);
        }
    }
    if (m->sampled) {
        csv_number(b, m->closeness_se[v]);
    }
    if (facts != NULL) {
        csv_integer(b, facts->n_credits[v]);
        collab_i_textbuf_putc(b, ',');
        collab_i_textbuf_csv(b, collab_credit_facts_roles(facts, v));
        if (facts->year_first[v] != 0) {
            csv_integer(b, facts->year_first[v]);
            csv_integer(b, facts->year_last[v]);
        } else {
            collab_i_textbuf_add(b, ",,", 2);
        }
    }
    collab_i_textbuf_putc(b, '\n');
}

/* What the CSV report's blocks of rows share. */
typedef struct csv_rows {
    const collab_report_input *in;
    const collab_report_options *opt;
    const uint32_t *order; /* the vertex of each rank */
    const collab_credit_facts *facts;
} csv_rows;

static bool write_csv_rows(collab_i_textbuf *b, size_t first, size_t end, void *ctx)
{
    const csv_rows *rows = ctx;
    for (size_t r = first; !b->failed && r < end; r++) {
        write_csv_row(b, rows->in, rows->opt, rows->facts, r + 1, rows->order[r]);
    }
    return !b->failed;
}

/* Rows per block of the CSV report (about 300 bytes each) when several threads format it. */
#define CSV_BLOCK_ROWS 1024

static collab_status write_csv(FILE *f, const collab_report_input *in,
                               const collab_report_options *opt, const uint32_t *order,
                               const collab_credit_facts *facts, collab_error *err)
{
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, f);
    write_csv_header(&b, in, opt, facts);
    csv_rows rows = {in, opt, order, facts};
    collab_i_textbuf_blocks(&b, collab_i_report_rows_to_show(opt, in->metrics->n), CSV_BLOCK_ROWS,
                            opt->threads, write_csv_rows, &rows);
    /* A failed write stays in the stream's flag for the output's commit to report. */
    return collab_i_textbuf_finish(&b)
               ? COLLAB_OK
               : collab_error_set(err, COLLAB_E_NOMEM, "out of memory writing the report");
}

static void write_md(FILE *f, const collab_report_input *in, const collab_report_options *opt,
                     const uint32_t *order, const collab_credit_facts *facts)
{
    const collab_metrics *m = in->metrics;
    const collab_global_stats *gs = &m->global;
    fprintf(f, "## Centrality report: ");
    collab_i_md_text(f, in->list->source);
    fprintf(f, "\n\n| statistic | value |\n|---|---|\n");
    fprintf(f, "| nodes | %zu |\n| edges | %zu |\n| components | %zu |\n", gs->nodes, gs->edges,
            gs->components);
    fprintf(f, "| largest component | %.1f%% |\n| density | %.6f |\n", 100.0 * gs->largest_share,
            gs->density);
    fprintf(f, "| transitivity | %.4f |\n| average clustering | %.4f |\n", gs->transitivity,
            gs->avg_clustering);
    char stat[32];
    fprintf(f, "| degree assortativity | %s |\n| diameter | %g%s |\n",
            collab_report_stat(stat, gs->assortativity, 4), gs->diameter,
            gs->paths_estimated ? " (estimate)" : "");
    fprintf(f, "| average path length | %.4f%s |\n", gs->avg_path_length,
            gs->paths_estimated ? " (estimate)" : "");
    if (in->partition != NULL) {
        fprintf(f, "| communities (%s) | %zu |\n| modularity | %s |\n",
                collab_community_method_name(in->community_opt->method),
                in->partition->n_communities,
                collab_report_stat(stat, in->partition->modularity, 4));
    }
    if (in->graph->stats.projects_skipped > 0) {
        char hubs[1024];
        collab_graph_describe_hubs(in->graph, in->list, in->graph_opt, hubs, sizeof hubs);
        fprintf(f, "| left out | ");
        collab_i_md_text(f, hubs);
        fprintf(f, " |\n");
    }
    if (in->graph->stats.people_left_out > 0) {
        char people[1024];
        collab_graph_describe_people_left_out(in->graph, in->list, people, sizeof people);
        fprintf(f, "| people left out | ");
        collab_i_md_text(f, people);
        fprintf(f, " |\n");
    }
    if (in->graph->stats.scoped) {
        char scope[256];
        collab_graph_describe_scope(in->graph, in->graph_opt, scope, sizeof scope);
        fprintf(f, "| scope | ");
        collab_i_md_text(f, scope);
        fprintf(f, " |\n");
    }
    if (m->sampled) {
        char note[768];
        collab_report_estimate_note(m, in->metrics_opt->seed, note, sizeof note);
        fprintf(f, "\n*");
        collab_i_md_text(f, note);
        fprintf(f, "*\n");
    }
    write_top_ranks(f, in, true);
    fprintf(f, "\n| rank | name |");
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_shown(opt, m, k)) {
            fprintf(f, " %s |", collab_metric_name((collab_metric)k));
        }
        if (collab_i_metric_bounded(opt, m, k)) {
            fprintf(f, " %s_low | %s_high |", collab_metric_name((collab_metric)k),
                    collab_metric_name((collab_metric)k));
        }
    }
    bool roles = facts != NULL && facts->any_role;
    fprintf(f, " community |%s\n|---:|---|", roles ? " roles |" : "");
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_shown(opt, m, k)) {
            fprintf(f, "---:|");
        }
        if (collab_i_metric_bounded(opt, m, k)) {
            fprintf(f, "---:|---:|");
        }
    }
    fprintf(f, "---:|%s\n", roles ? "---|" : "");
    for (size_t r = 0; r < collab_i_report_rows_to_show(opt, m->n); r++) {
        uint32_t v = order[r];
        fprintf(f, "| %zu | ", r + 1);
        collab_i_md_text(f, collab_graph_name(in->graph, v));
        fprintf(f, " |");
        for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
            if (collab_i_metric_shown(opt, m, k)) {
                char buf[64];
                collab_i_format_metric(buf, sizeof buf, k, m->values[k][v]);
                fprintf(f, " %s |", buf);
            }
            if (collab_i_metric_bounded(opt, m, k)) {
                char lo[64], hi[64];
                collab_i_format_metric(lo, sizeof lo, k, m->low[k][v]);
                collab_i_format_metric(hi, sizeof hi, k, m->high[k][v]);
                fprintf(f, " %s | %s |", lo, hi);
            }
        }
        fprintf(f, " %u |", in->partition != NULL ? in->partition->membership[v] + 1 : 0);
        if (roles) {
            fputc(' ', f);
            collab_i_md_text(f, collab_credit_facts_roles(facts, v));
            fputs(" |", f);
        }
        fputc('\n', f);
    }
}

collab_status collab_report_write(FILE *f, const collab_report_input *in,
                                  const collab_report_options *opt, collab_error *err)
{
    if (opt->format == COLLAB_FORMAT_HTML) {
        /* The page needs its map and provenance: collab_report_write_html. */
        return collab_error_set(err, COLLAB_E_USAGE,
                                "the HTML report is written by "
                                "collab_report_write_html");
    }
    uint32_t *order = collab_alloc_array(in->metrics->n + 1, sizeof *order);
    if (order == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory ranking nodes");
    }
    collab_i_report_rank(in, opt->sort, order);
    collab_status st = COLLAB_OK;
    /* The role mix, credits and years of each node, for credits. */
    collab_credit_facts facts_store = {0};
    const collab_credit_facts *facts = NULL;
    if (in->graph->shape == COLLAB_SHAPE_CREDITS && in->graph->origin != NULL) {
        facts = in->facts;
        if (facts == NULL) {
            st = collab_credit_facts_compute(&facts_store, in->graph, in->list, err);
            facts = st == COLLAB_OK ? &facts_store : NULL;
        }
    }
    switch (st == COLLAB_OK ? opt->format : COLLAB_FORMAT_HTML) {
    case COLLAB_FORMAT_TABLE:
        write_table(f, in, opt, order, facts);
        break;
    case COLLAB_FORMAT_CSV:
        st = write_csv(f, in, opt, order, facts, err);
        break;
    case COLLAB_FORMAT_MD:
        write_md(f, in, opt, order, facts);
        break;
    case COLLAB_FORMAT_JSON:
        st = collab_i_report_write_json(f, in, opt, order, facts, err);
        break;
    case COLLAB_FORMAT_HTML:
        break;
    }
    collab_credit_facts_destroy(&facts_store); /* zeroed when in->facts was used */
    collab_free(order);
    return st; /* write errors are caught, with the file's name, when the output is committed */
}
