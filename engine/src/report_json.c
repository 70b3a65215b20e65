/* The report as one JSON object (report.json). The graph, parameters and communities are small
 * trees dumped by jansson; the nodes, a million for a large graph, are streamed one line each
 * (jsonline.c), which keeps memory flat and takes a fraction of the time. */
#include "collab/report.h"

#include "collab/alloc.h"
#include "collab/credits.h"

#include <stdlib.h>
#include <string.h>

#include "jsonline_internal.h"
#include "report_internal.h"

/* The keys of a node's members, made once per report rather than per node: the metrics shown,
 * their intervals ("betweenness_low", "betweenness_high") and the roles of the credits. */
typedef struct node_keys {
    int shown[COLLAB_METRIC_COUNT]; /* the metrics shown, in order */
    int n_shown;
    int bounded[COLLAB_METRIC_COUNT]; /* the metrics with intervals, in order */
    int n_bounded;
    collab_jsonline_key_text metric[COLLAB_METRIC_COUNT];
    char low_name[COLLAB_METRIC_COUNT][64];
    char high_name[COLLAB_METRIC_COUNT][64];
    collab_jsonline_key_text low[COLLAB_METRIC_COUNT];
    collab_jsonline_key_text high[COLLAB_METRIC_COUNT];
    collab_jsonline_key_text *roles; /* per role id; NULL without credit facts */
} node_keys;

static void node_keys_free(node_keys *keys)
{
    collab_free(keys->roles);
}

/* Fills `keys` (zeroed; its key texts point into it, so it must stay where it is); false when out
 * of memory. */
static bool node_keys_make(node_keys *keys, const collab_report_input *in,
                           const collab_report_options *opt, const collab_credit_facts *facts)
{
    const collab_metrics *m = in->metrics;
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        const char *name = collab_metric_name((collab_metric)k);
        collab_jsonline_key_prepare(&keys->metric[k], name);
        snprintf(keys->low_name[k], sizeof keys->low_name[k], "%s_low", name);
        snprintf(keys->high_name[k], sizeof keys->high_name[k], "%s_high", name);
        collab_jsonline_key_prepare(&keys->low[k], keys->low_name[k]);
        collab_jsonline_key_prepare(&keys->high[k], keys->high_name[k]);
        if (collab_i_metric_shown(opt, m, k)) {
            keys->shown[keys->n_shown++] = k;
        }
        if (collab_i_metric_bounded(opt, m, k)) {
            keys->bounded[keys->n_bounded++] = k;
        }
    }
    if (facts == NULL) {
        return true;
    }
    const collab_names *roles = &in->list->roles;
    keys->roles = collab_alloc_array(roles->count + 1, sizeof *keys->roles);
    for (size_t r = 0; keys->roles != NULL && r < roles->count; r++) {
        collab_jsonline_key_prepare(&keys->roles[r], collab_names_get(roles, (uint32_t)r));
    }
    return keys->roles != NULL;
}

/* "credits", "roles" {role: count, most credited first} and "years" [first, last] of v. */
static void json_credit_facts(collab_jsonline *j, const node_keys *keys,
                              const collab_credit_facts *facts, uint32_t v)
{
    collab_jsonline_key(j, "credits");
    collab_jsonline_int(j, facts->n_credits[v]);
    collab_jsonline_key(j, "roles");
    collab_jsonline_begin_object(j);
    for (size_t k = facts->first_role[v]; k < facts->first_role[v + 1]; k++) {
        const collab_role_count *rc = &facts->role_counts[k];
        collab_jsonline_key_ready(j, &keys->roles[rc->role]);
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

static void json_node(collab_jsonline *j, const collab_report_input *in,
                      const collab_credit_facts *facts, const node_keys *keys, size_t rank,
                      uint32_t v)
{
    const collab_metrics *m = in->metrics;
    collab_jsonline_begin_object(j);
    collab_jsonline_key(j, "rank");
    collab_jsonline_int(j, (long long)rank);
    collab_jsonline_key(j, "name");
    collab_jsonline_string(j, collab_graph_name(in->graph, v));
    for (int i = 0; i < keys->n_shown; i++) {
        int k = keys->shown[i];
        collab_jsonline_key_ready(j, &keys->metric[k]);
        collab_jsonline_real(j, m->values[k][v]);
    }
    for (int i = 0; i < keys->n_bounded; i++) {
        int k = keys->bounded[i];
        collab_jsonline_key_ready(j, &keys->low[k]);
        collab_jsonline_real(j, m->low[k][v]);
        collab_jsonline_key_ready(j, &keys->high[k]);
        collab_jsonline_real(j, m->high[k][v]);
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
        json_credit_facts(j, keys, facts, v);
    }
    collab_jsonline_end_object(j);
}

/* What the blocks of nodes share. */
typedef struct json_rows {
    const collab_report_input *in;
    const uint32_t *order; /* the vertex of each rank */
    const collab_credit_facts *facts;
    const node_keys *keys;
} json_rows;

/* Rows per block of the nodes (about 600 bytes each) when several threads format them. */
#define JSON_BLOCK_ROWS 512

static bool write_json_rows(collab_i_textbuf *b, size_t first, size_t end, void *ctx)
{
    const json_rows *rows = ctx;
    collab_jsonline j;
    collab_jsonline_init(&j, b);
    bool ok = true;
    for (size_t r = first; ok && r < end; r++) {
        collab_i_textbuf_puts(b, r == 0 ? "\n    " : ",\n    ");
        json_node(&j, rows->in, rows->facts, rows->keys, r + 1, rows->order[r]);
        ok = collab_jsonline_end(&j);
    }
    return ok;
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
    node_keys keys;
    memset(&keys, 0, sizeof keys);
    ok = node_keys_make(&keys, in, opt, facts) && ok;
    json_rows shared = {in, order, facts, &keys};
    ok = ok &&
         collab_i_textbuf_blocks(&b, rows, JSON_BLOCK_ROWS, opt->threads, write_json_rows, &shared);
    node_keys_free(&keys);
    collab_i_textbuf_puts(&b, rows > 0 ? "\n  ],\n" : "],\n");
    ok = json_member(&b, "communities", communities) && ok;
    collab_i_textbuf_puts(&b, "\n}\n");
    ok = collab_i_textbuf_finish(&b) && ok;
    /* A failed write leaves the stream's error flag for the output's commit to report. */
    return ok ? COLLAB_OK
              : collab_error_set(err, COLLAB_E_NOMEM, "out of memory writing the report");
}
