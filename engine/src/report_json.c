/* The report as one JSON object (report.json). The graph, parameters and communities are small
 * trees dumped by jansson; the nodes, a million for a large graph, are streamed one line each
 * (jsonline.c), which keeps memory flat and takes a fraction of the time. */
#include "collab/report.h"

#include "collab/credits.h"

#include <stdlib.h>
#include <string.h>

#include "jsonline_internal.h"
#include "report_internal.h"

/* "credits", "roles" {role: count, most credited first} and "years" [first, last] of v. */
static void json_credit_facts(collab_jsonline *j, const collab_report_input *in,
                              const collab_credit_facts *facts, uint32_t v)
{
    collab_jsonline_key(j, "credits");
    collab_jsonline_int(j, facts->n_credits[v]);
    collab_jsonline_key(j, "roles");
    collab_jsonline_begin_object(j);
    for (size_t k = facts->first_role[v]; k < facts->first_role[v + 1]; k++) {
        const collab_role_count *rc = &facts->role_counts[k];
        collab_jsonline_key(j, collab_names_get(&in->list->roles, rc->role));
        collab_jsonline_int(j, rc->count);
    }
    collab_jsonline_end_object(j);
    collab_jsonline_key(j, "years");
    if (facts->year_first[v] != 0) {
        collab_jsonline_begin_array(j);
        collab_jsonline_int(j, facts->year_first[v]);
        collab_jsonline_int(j, facts->year_last[v]);
        collab_jsonline_end_array(j);
    } else {
        collab_jsonline_null(j);
    }
}

/* The keys of the metrics' intervals, "betweenness_low" and "betweenness_high", made once per
 * report rather than per node. */
typedef struct interval_keys {
    char low[COLLAB_METRIC_COUNT][64];
    char high[COLLAB_METRIC_COUNT][64];
} interval_keys;

static void make_interval_keys(interval_keys *keys)
{
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        snprintf(keys->low[k], sizeof keys->low[k], "%s_low", collab_metric_name((collab_metric)k));
        snprintf(keys->high[k], sizeof keys->high[k], "%s_high",
                 collab_metric_name((collab_metric)k));
    }
}

static void json_node(collab_jsonline *j, const collab_report_input *in,
                      const collab_report_options *opt, const collab_credit_facts *facts,
                      const interval_keys *keys, size_t rank, uint32_t v)
{
    const collab_metrics *m = in->metrics;
    collab_jsonline_begin_object(j);
    collab_jsonline_key(j, "rank");
    collab_jsonline_int(j, (long long)rank);
    collab_jsonline_key(j, "name");
    collab_jsonline_string(j, collab_graph_name(in->graph, v));
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_shown(opt, m, k)) {
            collab_jsonline_key(j, collab_metric_name((collab_metric)k));
            collab_jsonline_real(j, m->values[k][v]);
        }
    }
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        if (collab_i_metric_bounded(opt, m, k)) {
            collab_jsonline_key(j, keys->low[k]);
            collab_jsonline_real(j, m->low[k][v]);
            collab_jsonline_key(j, keys->high[k]);
            collab_jsonline_real(j, m->high[k][v]);
        }
    }
    if (m->sampled) {
        collab_jsonline_key(j, "closeness_se");
        collab_jsonline_real(j, m->closeness_se[v]);
    }
    collab_jsonline_key(j, "community");
    if (in->partition != NULL) {
        collab_jsonline_int(j, (long long)in->partition->membership[v] + 1);
    } else {
        collab_jsonline_null(j);
    }
    if (facts != NULL) {
        json_credit_facts(j, in, facts, v);
    }
    collab_jsonline_end_object(j);
}

/* Dumps `value` (taking it) as a member of the top-level object, its lines indented under it. */
static bool json_member(collab_i_textbuf *b, const char *key, json_t *value)
{
    char *text = value != NULL ? json_dumps(value, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) : NULL;
    json_decref(value);
    if (text == NULL) {
        return false;
    }
    collab_i_textbuf_printf(b, "  \"%s\": ", key);
    for (const char *p = text;;) {
        const char *nl = strchr(p, '\n');
        if (nl == NULL) {
            collab_i_textbuf_puts(b, p);
            break;
        }
        collab_i_textbuf_add(b, p, (size_t)(nl - p) + 1);
        collab_i_textbuf_add(b, "  ", 2);
        p = nl + 1;
    }
    free(text);
    return true;
}

collab_status collab_i_report_write_json(FILE *f, const collab_report_input *in,
                                         const collab_report_options *opt, const uint32_t *order,
                                         const collab_credit_facts *facts, collab_error *err)
{
    json_t *communities = collab_i_report_communities_json(in, opt, err);
    if (communities == NULL) {
        return err != NULL ? err->status : COLLAB_E_NOMEM;
    }
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, f);
    collab_i_textbuf_puts(&b, "{\n");
    bool ok = json_member(&b, "graph", collab_i_report_graph_json(in));
    collab_i_textbuf_puts(&b, ",\n");
    ok = json_member(&b, "parameters", collab_i_report_parameters(in)) && ok;
    collab_i_textbuf_puts(&b, ",\n  \"nodes\": [");
    size_t rows = collab_i_report_rows_to_show(opt, in->metrics->n);
    collab_jsonline j;
    collab_jsonline_init(&j, &b);
    interval_keys keys;
    make_interval_keys(&keys);
    for (size_t r = 0; ok && r < rows; r++) {
        collab_i_textbuf_puts(&b, r == 0 ? "\n    " : ",\n    ");
        json_node(&j, in, opt, facts, &keys, r + 1, order[r]);
        ok = collab_jsonline_end(&j);
    }
    collab_i_textbuf_puts(&b, rows > 0 ? "\n  ],\n" : "],\n");
    ok = json_member(&b, "communities", communities) && ok;
    collab_i_textbuf_puts(&b, "\n}\n");
    ok = collab_i_textbuf_finish(&b) && ok;
    /* A failed write leaves the stream's error flag for the output's commit to report. */
    return ok ? COLLAB_OK
              : collab_error_set(err, COLLAB_E_NOMEM, "out of memory writing the report");
}
