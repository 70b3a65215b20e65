/* Community summaries (size, most central members, internal density, dominant roles, year
 * span), the community report, and the JSON objects shared with the centrality report. */
#include "collab/alloc.h"
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

void collab_i_community_summaries_free(collab_i_community_summary *s, size_t n)
{
    for (size_t c = 0; s != NULL && c < n; c++) {
        collab_free(s[c].top);
    }
    collab_free(s);
}

static void count_internal_edges(const collab_report_input *in, collab_i_community_summary *s)
{
    const igraph_t *g = &in->graph->graph;
    const uint32_t *member = in->partition->membership;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        uint32_t a = member[IGRAPH_FROM(g, e)];
        if (a == member[IGRAPH_TO(g, e)]) {
            s[a].internal_edges++;
        }
    }
    for (size_t c = 0; c < in->partition->n_communities; c++) {
        double n = (double)s[c].size;
        s[c].density = n > 1 ? (double)s[c].internal_edges / (n * (n - 1) / 2.0) : 0.0;
    }
}

/* For people views of credits: roles and years of the members' kept credit rows. */
static collab_status roles_and_years(const collab_report_input *in, collab_i_community_summary *s,
                                     collab_error *err)
{
    const collab_edgelist *list = in->list;
    const collab_graph *g = in->graph;
    if (g->shape != COLLAB_SHAPE_CREDITS || g->view != COLLAB_VIEW_PEOPLE) {
        return COLLAB_OK;
    }
    size_t n_comm = in->partition->n_communities;
    size_t n_roles = list->roles.count;
    uint32_t *community_of_person = collab_alloc_array(list->names_a.count + 1, sizeof(uint32_t));
    size_t *counts = collab_calloc_array(n_comm * (n_roles + 1) + 1, sizeof *counts);
    if (community_of_person == NULL || counts == NULL) {
        collab_free(community_of_person);
        collab_free(counts);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory summarising communities");
    }
    memset(community_of_person, 0xff, list->names_a.count * sizeof(uint32_t));
    for (size_t v = 0; v < in->partition->n; v++) {
        community_of_person[g->origin[v]] = in->partition->membership[v];
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        uint32_t c = community_of_person[list->a[r]];
        if (!g->row_kept[r] || c == UINT32_MAX) {
            continue;
        }
        if (list->role[r] != COLLAB_NO_ID) {
            counts[c * (n_roles + 1) + list->role[r]]++;
        }
        int y = list->year[r];
        if (y != 0) {
            s[c].year_from = s[c].year_from == 0 || y < s[c].year_from ? y : s[c].year_from;
            s[c].year_to = y > s[c].year_to ? y : s[c].year_to;
        }
    }
    for (size_t c = 0; c < n_comm; c++) {
        for (int k = 0; k < 3; k++) {
            size_t best = SIZE_MAX;
            for (size_t role = 0; role < n_roles; role++) {
                size_t n = counts[c * (n_roles + 1) + role];
                if (n > 0 && (best == SIZE_MAX || n > counts[c * (n_roles + 1) + best])) {
                    best = role;
                }
            }
            s[c].roles[k] = best == SIZE_MAX ? COLLAB_NO_ID : (uint32_t)best;
            s[c].role_counts[k] = best == SIZE_MAX ? 0 : counts[c * (n_roles + 1) + best];
            if (best != SIZE_MAX) {
                counts[c * (n_roles + 1) + best] = 0;
            }
        }
    }
    collab_free(community_of_person);
    collab_free(counts);
    return COLLAB_OK;
}

collab_status collab_i_community_summaries(const collab_report_input *in, collab_metric rank_by,
                                           size_t n_top, collab_i_community_summary **out,
                                           collab_error *err)
{
    const collab_partition *p = in->partition;
    collab_i_community_summary *s = collab_calloc_array(p->n_communities + 1, sizeof *s);
    uint32_t *order = collab_alloc_array(p->n + 1, sizeof *order);
    if (s == NULL || order == NULL) {
        collab_free(s);
        collab_free(order);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory summarising communities");
    }
    collab_status st = COLLAB_OK;
    for (size_t c = 0; c < p->n_communities && st == COLLAB_OK; c++) {
        s[c].size = p->sizes[c];
        s[c].roles[0] = s[c].roles[1] = s[c].roles[2] = COLLAB_NO_ID;
        s[c].top = collab_alloc_array(n_top + 1, sizeof *s[c].top);
        if (s[c].top == NULL) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory summarising communities");
        }
    }
    if (st == COLLAB_OK) {
        collab_i_report_rank(in, rank_by, order);
        for (size_t r = 0; r < p->n; r++) {
            collab_i_community_summary *cs = &s[p->membership[order[r]]];
            if (cs->n_top < n_top) {
                cs->top[cs->n_top++] = order[r];
            }
        }
        count_internal_edges(in, s);
        st = roles_and_years(in, s, err);
    }
    collab_free(order);
    if (st != COLLAB_OK) {
        collab_i_community_summaries_free(s, p->n_communities);
        return st;
    }
    *out = s;
    return COLLAB_OK;
}

static json_t *summary_json(const collab_report_input *in, const collab_i_community_summary *s,
                            size_t c)
{
    json_t *o = json_object();
    json_object_set_new(o, "community", json_integer((json_int_t)c + 1));
    json_object_set_new(o, "size", json_integer((json_int_t)s->size));
    json_t *top = json_array();
    for (size_t i = 0; i < s->n_top; i++) {
        json_array_append_new(top, json_string(collab_graph_name(in->graph, s->top[i])));
    }
    json_object_set_new(o, "top_members", top);
    json_object_set_new(o, "internal_edges", json_integer((json_int_t)s->internal_edges));
    json_object_set_new(o, "density", collab_i_json_number(s->density));
    if (in->graph->shape == COLLAB_SHAPE_CREDITS && in->graph->view == COLLAB_VIEW_PEOPLE) {
        json_t *roles = json_array();
        for (int k = 0; k < 3 && s->roles[k] != COLLAB_NO_ID; k++) {
            json_array_append_new(roles, json_pack("{s:s, s:I}", "role",
                                                   collab_names_get(&in->list->roles, s->roles[k]),
                                                   "credits", (json_int_t)s->role_counts[k]));
        }
        json_object_set_new(o, "dominant_roles", roles);
        json_object_set_new(o, "years", s->year_from != 0
                                            ? json_pack("[i,i]", s->year_from, s->year_to)
                                            : json_null());
    }
    return o;
}

json_t *collab_i_report_communities_json(const collab_report_input *in,
                                         const collab_report_options *opt, collab_error *err)
{
    json_t *arr = json_array();
    if (in->partition == NULL) {
        return arr;
    }
    collab_i_community_summary *s = NULL;
    if (collab_i_community_summaries(in, opt->sort, opt->members_shown, &s, err) != COLLAB_OK) {
        json_decref(arr);
        return NULL;
    }
    for (size_t c = 0; c < in->partition->n_communities; c++) {
        json_array_append_new(arr, summary_json(in, &s[c], c));
    }
    collab_i_community_summaries_free(s, in->partition->n_communities);
    return arr;
}

json_t *collab_i_report_graph_json(const collab_report_input *in)
{
    const collab_global_stats *gs = &in->metrics->global;
    json_t *o = json_object();
    json_object_set_new(o, "nodes", json_integer((json_int_t)gs->nodes));
    json_object_set_new(o, "edges", json_integer((json_int_t)gs->edges));
    json_object_set_new(o, "components", json_integer((json_int_t)gs->components));
    json_object_set_new(o, "largest_component_share", collab_i_json_number(gs->largest_share));
    json_object_set_new(o, "density", collab_i_json_number(gs->density));
    json_object_set_new(o, "transitivity", collab_i_json_number(gs->transitivity));
    json_object_set_new(o, "average_clustering", collab_i_json_number(gs->avg_clustering));
    json_object_set_new(o, "degree_assortativity", collab_i_json_number(gs->assortativity));
    json_object_set_new(o, "diameter", collab_i_json_number(gs->diameter));
    json_object_set_new(o, "average_path_length", collab_i_json_number(gs->avg_path_length));
    json_object_set_new(o, "paths_estimated", json_boolean(gs->paths_estimated));
    if (in->partition != NULL) {
        json_object_set_new(o, "communities", json_integer((json_int_t)in->partition->n_communities));
        json_object_set_new(o, "modularity", collab_i_json_number(in->partition->modularity));
    }
    return o;
}

json_t *collab_i_report_parameters(const collab_report_input *in)
{
    const collab_graph_options *go = in->graph_opt;
    const collab_metrics_options *mo = in->metrics_opt;
    json_t *o = json_object();
    json_object_set_new(o, "input", json_string(in->list->source));
    json_object_set_new(o, "shape", json_string(collab_shape_name(in->list->shape)));
    json_object_set_new(o, "view", json_string(collab_view_name(in->graph->view)));
    json_object_set_new(o, "weighting", json_string(collab_weighting_name(in->graph->weighting)));
    json_object_set_new(o, "roles", go->roles != NULL ? json_string(go->roles) : json_null());
    json_object_set_new(o, "years", go->has_years ? json_pack("[i,i]", go->year_from, go->year_to)
                                                  : json_null());
    json_object_set_new(o, "max_participants", json_integer((json_int_t)go->max_participants));
    const collab_graph_stats *gst = &in->graph->stats;
    json_object_set_new(o, "projects_left_out", json_integer((json_int_t)gst->projects_skipped));
    json_t *largest = json_array();
    for (size_t i = 0; i < gst->n_hubs_shown; i++) {
        json_array_append_new(
            largest, json_pack("{s:s, s:I}", "project",
                               collab_names_get(&in->list->names_b, gst->hub_projects[i]),
                               "people", (json_int_t)gst->hub_sizes[i]));
    }
    json_object_set_new(o, "largest_left_out", largest);
    json_object_set_new(o, "people_left_out", json_integer((json_int_t)gst->people_left_out));
    json_t *people = json_array();
    for (size_t i = 0; i < gst->n_left_out_shown; i++) {
        json_array_append_new(
            people, json_pack("{s:s, s:s, s:I}", "name",
                              collab_names_get(&in->list->names_a, gst->left_out_people[i]),
                              "reason", gst->left_out_placeholder[i] ? "placeholder" : "drop_people",
                              "rows", (json_int_t)gst->left_out_rows[i]));
    }
    json_object_set_new(o, "largest_people_left_out", people);
    char scope[256];
    collab_graph_describe_scope(in->graph, go, scope, sizeof scope);
    json_object_set_new(o, "scope", gst->scoped ? json_string(scope) : json_null());
    json_object_set_new(o, "min_shared", json_real(go->min_shared));
    json_object_set_new(o, "path_weights",
                        json_string(mo->paths == COLLAB_PATHS_INVERSE ? "inverse" : "hops"));
    json_object_set_new(o, "betweenness_normalized", json_boolean(mo->normalized));
    json_object_set_new(o, "pagerank_damping", json_real(0.85));
    json_t *approx = json_object();
    json_object_set_new(approx, "sampled", json_boolean(in->metrics->sampled));
    json_object_set_new(approx, "sources", in->metrics->sampled
                                               ? json_integer(in->metrics->sample_sources)
                                               : json_null());
    json_object_set_new(approx, "seed", json_integer((json_int_t)mo->seed));
    const collab_metrics *m = in->metrics;
    if (m->sampled) {
        char note[768];
        collab_report_estimate_note(m, mo->seed, note, sizeof note);
        json_object_set_new(approx, "note", json_string(note));
        json_object_set_new(approx, "eps", json_real(m->approx_eps));
        json_object_set_new(approx, "delta", json_real(m->approx_delta));
        json_object_set_new(approx, "betweenness_paths_sampled", json_real(m->bc_samples));
        json_object_set_new(approx, "betweenness_sample_limit", json_real(m->bc_omega));
        json_object_set_new(approx, "betweenness_stopped_on_bounds", json_boolean(m->bc_adaptive));
        json_object_set_new(approx, "betweenness_stopped_at_work_limit",
                            json_boolean(m->bc_work_stop));
    }
    if (m->top_k > 0) {
        json_t *top = json_array();
        for (size_t i = 0; i < m->top_k; i++) {
            json_t *row = json_object();
            json_object_set_new(row, "name",
                                json_string(collab_graph_name(in->graph, (uint32_t)m->top[i])));
            json_object_set_new(row, "rank_best", json_integer((json_int_t)m->rank_best[i]));
            json_object_set_new(row, "rank_worst", json_integer((json_int_t)m->rank_worst[i]));
            json_object_set_new(row, "certain", json_boolean(m->rank_best[i] == m->rank_worst[i]));
            json_array_append_new(top, row);
        }
        json_object_set_new(approx, "top_exact", top);
    }
    json_object_set_new(o, "approximation", approx);
    if (in->partition != NULL) {
        const collab_community_options *co = in->community_opt;
        json_object_set_new(o, "community_method",
                            json_string(collab_community_method_name(co->method)));
        json_object_set_new(o, "resolution", json_real(co->resolution));
        json_object_set_new(o, "seed", json_integer((json_int_t)co->seed));
    }
    return o;
}

/* ---- the community report ------------------------------------------------------------- */

static void write_roles_text(FILE *f, const collab_report_input *in,
                             const collab_i_community_summary *s, bool md)
{
    for (int k = 0; k < 3 && s->roles[k] != COLLAB_NO_ID; k++) {
        const char *role = collab_names_get(&in->list->roles, s->roles[k]);
        fprintf(f, "%s", k > 0 ? ", " : "");
        if (md) {
            collab_i_md_text(f, role);
        } else {
            collab_i_term_text(f, role, 0, 30);
        }
        fprintf(f, " (%zu)", s->role_counts[k]);
    }
}

static void write_members_text(FILE *f, const collab_report_input *in,
                               const collab_i_community_summary *s, bool md)
{
    for (size_t i = 0; i < s->n_top; i++) {
        fprintf(f, "%s", i > 0 ? ", " : "");
        if (md) {
            collab_i_md_text(f, collab_graph_name(in->graph, s->top[i]));
        } else {
            collab_i_term_text(f, collab_graph_name(in->graph, s->top[i]), 0, 40);
        }
    }
}

static void write_community_rows(FILE *f, const collab_report_input *in,
                                 const collab_i_community_summary *s, size_t n, bool md)
{
    bool credits = in->graph->shape == COLLAB_SHAPE_CREDITS && in->graph->view == COLLAB_VIEW_PEOPLE;
    if (md) {
        fprintf(f, "| community | size | density | top members |%s\n|---:|---:|---:|---|%s\n",
                credits ? " roles | years |" : "", credits ? "---|---|" : "");
    }
    for (size_t c = 0; c < n; c++) {
        fprintf(f, md ? "| %zu | %zu | %.4f | " : "community %zu: %zu members, density %.4f\n  top: ",
                c + 1, s[c].size, s[c].density);
        write_members_text(f, in, &s[c], md);
        if (credits) {
            fprintf(f, md ? " | " : "\n  roles: ");
            write_roles_text(f, in, &s[c], md);
            if (s[c].year_from != 0) {
                fprintf(f, md ? " | %d-%d" : "\n  years: %d-%d", s[c].year_from, s[c].year_to);
            } else {
                fprintf(f, md ? " | " : "");
            }
        }
        fprintf(f, md ? " |\n" : "\n");
    }
}

static void write_communities_csv(FILE *f, const collab_report_input *in,
                                  const collab_i_community_summary *s, size_t n)
{
    fprintf(f, "community,size,internal_edges,density,top_members,roles,year_from,year_to\n");
    for (size_t c = 0; c < n; c++) {
        fprintf(f, "%zu,%zu,%zu,%.17g,", c + 1, s[c].size, s[c].internal_edges, s[c].density);
        char buf[1024];
        size_t used = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < s[c].n_top && used < sizeof buf; i++) {
            used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i > 0 ? "; " : "",
                                     collab_graph_name(in->graph, s[c].top[i]));
        }
        collab_report_csv_field(f, buf);
        fputc(',', f);
        used = 0;
        buf[0] = '\0';
        for (int k = 0; k < 3 && s[c].roles[k] != COLLAB_NO_ID && used < sizeof buf; k++) {
            used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s:%zu", k > 0 ? "; " : "",
                                     collab_names_get(&in->list->roles, s[c].roles[k]),
                                     s[c].role_counts[k]);
        }
        collab_report_csv_field(f, buf);
        if (s[c].year_from != 0) {
            fprintf(f, ",%d,%d\n", s[c].year_from, s[c].year_to);
        } else {
            fprintf(f, ",,\n");
        }
    }
}

collab_status collab_report_write_communities(FILE *f, const collab_report_input *in,
                                              const collab_report_options *opt, collab_error *err)
{
    const collab_partition *p = in->partition;
    size_t n = opt->top == 0 || opt->top > p->n_communities ? p->n_communities : opt->top;
    if (opt->format == COLLAB_FORMAT_HTML) {
        /* The HTML report has a community section of its own. */
        return collab_error_set(err, COLLAB_E_USAGE, "the HTML report is written by "
                                                     "collab_report_write_html");
    }
    if (opt->format == COLLAB_FORMAT_JSON) {
        json_t *communities = collab_i_report_communities_json(in, opt, err);
        if (communities == NULL) {
            return err != NULL ? err->status : COLLAB_E_NOMEM;
        }
        json_t *root = json_object();
        json_object_set_new(root, "graph", collab_i_report_graph_json(in));
        json_object_set_new(root, "parameters", collab_i_report_parameters(in));
        json_object_set_new(root, "communities", communities);
        return collab_i_json_write(f, root, err);
    }
    collab_i_community_summary *s = NULL;
    collab_status st = collab_i_community_summaries(in, opt->sort, opt->members_shown, &s, err);
    if (st != COLLAB_OK) {
        return st;
    }
    if (opt->format == COLLAB_FORMAT_CSV) {
        write_communities_csv(f, in, s, n);
    } else {
        bool md = opt->format == COLLAB_FORMAT_MD;
        char stat[32];
        fprintf(f, md ? "## Communities: %zu%s (%s), modularity %s\n\n"
                      : "%zu communit%s (%s), modularity %s\n\n",
                p->n_communities, md ? "" : p->n_communities == 1 ? "y" : "ies",
                collab_community_method_name(in->community_opt->method),
                collab_report_stat(stat, p->modularity, 4));
        write_community_rows(f, in, s, n, md);
    }
    collab_i_community_summaries_free(s, p->n_communities);
    return COLLAB_OK; /* write errors are caught when the output is committed */
}
