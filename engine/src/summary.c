/* The figures of `collab summary`: computed once from the graph, written as text or JSON. */
#include "collab/summary.h"

#include "collab/alloc.h"
#include "collab/text.h"

#include <string.h>

#include <jansson.h>

/* Union-find root with path halving. */
static uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Components by union-find over the edge arrays: one sequential pass over the edges, where
 * igraph_connected_components walks neighbour lists vertex by vertex (several times slower on
 * millions of edges, and the summary needs nothing else from igraph). */
collab_status collab_summary_compute(collab_summary *out, const collab_graph *g, collab_error *err)
{
    collab_summary s;
    memset(&s, 0, sizeof s);
    const igraph_t *graph = &g->graph;
    s.nodes = (size_t)igraph_vcount(graph);
    s.edges = (size_t)igraph_ecount(graph);
    uint32_t *parent = collab_alloc_array(s.nodes + 1, sizeof *parent);
    size_t *size = collab_calloc_array(s.nodes + 1, sizeof *size);
    if (parent == NULL || size == NULL) {
        collab_free(parent);
        collab_free(size);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory counting components");
    }
    for (size_t v = 0; v < s.nodes; v++) {
        parent[v] = (uint32_t)v;
    }
    for (size_t e = 0; e < s.edges; e++) {
        uint32_t a = find_root(parent, (uint32_t)IGRAPH_FROM(graph, (igraph_integer_t)e));
        uint32_t b = find_root(parent, (uint32_t)IGRAPH_TO(graph, (igraph_integer_t)e));
        if (a != b) {
            parent[a < b ? b : a] = a < b ? a : b;
        }
        s.total_weight += VECTOR(g->weights)[e];
    }
    uint32_t largest = 0;
    for (size_t v = 0; v < s.nodes; v++) {
        uint32_t r = find_root(parent, (uint32_t)v);
        parent[v] = r; /* fully compressed from here on: parent[] is the component label */
        s.components += r == v;
        size[r]++;
        largest = size[r] > size[largest] ? r : largest;
    }
    for (size_t v = 0; v < s.nodes; v++) {
        s.isolated += parent[v] == v && size[v] == 1;
    }
    s.largest_nodes = s.nodes > 0 ? size[largest] : 0;
    for (size_t e = 0; e < s.edges; e++) {
        s.largest_edges += parent[IGRAPH_FROM(graph, (igraph_integer_t)e)] == largest;
    }
    double pairs = (double)s.nodes * ((double)s.nodes - 1.0);
    if (!igraph_is_directed(graph)) {
        pairs /= 2.0;
    }
    s.density = pairs > 0 ? (double)s.edges / pairs : 0.0;
    collab_free(parent);
    collab_free(size);
    *out = s;
    return COLLAB_OK;
}

static const char *delimiter_name(char d)
{
    switch (d) {
    case ',':
        return "comma";
    case ';':
        return "semicolon";
    case '\t':
        return "tab";
    case '|':
        return "pipe";
    default:
        return "other";
    }
}

static const char *column_name_for(const collab_edgelist *list, collab_column_use use)
{
    for (size_t c = 0; c < list->n_columns; c++) {
        if (list->column_use[c] == use) {
            return list->column_names[c];
        }
    }
    return NULL;
}

/* Shown only when ids, not names, say who is who (--person-id-col, --project-id-col). */
static void print_identity(FILE *f, const collab_edgelist *list)
{
    if (!list->persons_by_id && !list->projects_by_id) {
        return;
    }
    fprintf(f, "identity:           ");
    if (list->persons_by_id) {
        fprintf(f, "people by '");
        collab_text_fputs_safe(f, list->column_names[list->person_id_column]);
        fprintf(f, "'%s", list->projects_by_id ? ", " : "");
    }
    if (list->projects_by_id) {
        fprintf(f, "projects by '");
        collab_text_fputs_safe(f, list->column_names[list->project_id_column]);
        fputc('\'', f);
    }
    if (list->ids_renamed > 0) {
        fprintf(f, " (%zu shown as 'Name [id N]': another had that name)", list->ids_renamed);
    }
    fputc('\n', f);
}

static void print_columns(FILE *f, const collab_edgelist *list)
{
    static const char *const labels[] = {"", "person", "project", "role", "year",
                                         "source", "target", "weight"};
    fprintf(f, "columns:            ");
    bool first = true;
    for (int u = 1; u < 8; u++) {
        const char *name = column_name_for(list, (collab_column_use)u);
        if (name != NULL) {
            fprintf(f, "%s%s='", first ? "" : ", ", labels[u]);
            collab_text_fputs_safe(f, name);
            fputc('\'', f);
            first = false;
        }
    }
    fprintf(f, "\n");
    fprintf(f, "attribute columns:  ");
    for (size_t e = 0; e < list->n_extra; e++) {
        fprintf(f, "%s'", e > 0 ? ", " : "");
        collab_text_fputs_safe(f, list->column_names[list->extra_columns[e]]);
        fputc('\'', f);
    }
    fprintf(f, "%s\n", list->n_extra == 0 ? "none" : "");
    print_identity(f, list);
}

/* What a network file was read as: its format, and the attributes the names and weights came
 * from, so that a user sees at once whether the labels they expected were used. */
static void print_network_format(FILE *f, const collab_edgelist *list)
{
    fprintf(f, "format:             %s%s\n", collab_input_format_name(list->format),
            list->file_directed ? " (directed; read undirected unless --directed)" : "");
    if (list->name_attribute[0] != '\0') {
        fprintf(f, "node names:         '%s'", list->name_attribute);
        if (list->names_replaced > 0) {
            fprintf(f, " (%zu empty or repeated, replaced by the node's id or number)",
                    list->names_replaced);
        }
        fputc('\n', f);
    } else {
        fprintf(f, "node names:         none in the file: numbered 1..n\n");
    }
    if (list->weight_attribute[0] != '\0') {
        fprintf(f, "edge weights:       '%s'\n", list->weight_attribute);
    } else {
        fprintf(f, "edge weights:       none in the file: 1 each\n");
    }
}

static void print_filters(FILE *f, const collab_graph_options *opt)
{
    fprintf(f, "filters:            ");
    if (opt->roles == NULL && !opt->has_years) {
        fprintf(f, "none");
    }
    if (opt->roles != NULL) {
        fprintf(f, "roles=");
        collab_text_fputs_safe(f, opt->roles);
        fputc(' ', f);
    }
    if (opt->has_years) {
        fprintf(f, "years=%d-%d", opt->year_from, opt->year_to);
    }
    fprintf(f, "\n");
}

/* What --component, --min-component-size, --min-degree and --min-credits kept, if any. */
static void print_scope(FILE *f, const collab_graph *g, const collab_graph_options *opt)
{
    if (g->stats.scoped) {
        char scope[256];
        collab_graph_describe_scope(g, opt, scope, sizeof scope);
        fprintf(f, "%-20s%s\n", "scope:", scope + strlen("scope: "));
    }
}

static void print_projection(FILE *f, const collab_graph *g, const collab_edgelist *list,
                             const collab_graph_options *opt)
{
    const collab_graph_stats *st = &g->stats;
    fprintf(f, "persons:            %zu\n", st->persons);
    fprintf(f, "projects:           %zu\n", st->projects);
    fprintf(f, "memberships:        %zu\n", st->memberships);
    fprintf(f, "view:               %s\n", collab_view_name(g->view));
    if (g->view == COLLAB_VIEW_BIPARTITE) {
        print_scope(f, g, opt);
        return;
    }
    fprintf(f, "weighting:          %s\n", collab_weighting_name(g->weighting));
    if (opt->max_participants > 0) {
        fprintf(f, "max participants:   %zu (%zu project%s left out)\n", opt->max_participants,
                st->projects_skipped, st->projects_skipped == 1 ? "" : "s");
        for (size_t i = 0; i < st->n_hubs_shown; i++) {
            fprintf(f, "  left out:         ");
            collab_text_fputs_safe(f, collab_names_get(&list->names_b, st->hub_projects[i]));
            fprintf(f, " (%zu people)\n", st->hub_sizes[i]);
        }
    } else {
        fprintf(f, "max participants:   no limit\n");
    }
    if (opt->min_shared > 0) {
        fprintf(f, "min shared:         %g (%zu ties dropped)\n", opt->min_shared,
                st->ties_below_min_shared);
    }
    print_scope(f, g, opt);
    fprintf(f, "edge bound:         %zu (budget %zu)\n", st->projection_bound,
            opt->max_edges ? opt->max_edges : COLLAB_DEFAULT_MAX_EDGES);
}

static double percent(size_t part, size_t whole)
{
    return whole > 0 ? 100.0 * (double)part / (double)whole : 0.0;
}

collab_status collab_summary_write_text(FILE *f, const collab_summary *s, const collab_edgelist *list,
                                        const collab_graph *g, const collab_graph_options *opt,
                                        collab_error *err)
{
    const collab_graph_stats *st = &g->stats;
    fprintf(f, "input:              ");
    collab_text_fputs_safe(f, list->source);
    fputc('\n', f);
    if (list->compression[0] != '\0') {
        fprintf(f, "compression:        %s (decompressed while reading)\n", list->compression);
    }
    if (list->encoding[0] != '\0') {
        fprintf(f, "encoding:           %s (converted to UTF-8)\n", list->encoding);
    }
    if (list->format != COLLAB_INPUT_CSV) {
        print_network_format(f, list);
    }
    fprintf(f, "shape:              %s\n", collab_shape_name(list->shape));
    if (list->format == COLLAB_INPUT_CSV) {
        fprintf(f, "delimiter:          %s\n", delimiter_name(list->delimiter));
        print_columns(f, list);
        fprintf(f, "rows read:          %zu\n", list->rows_read);
    } else {
        fprintf(f, "edges read:         %zu\n", list->rows_read);
    }
    fprintf(f, "rows skipped:       %zu\n", list->rows_skipped);
    if (list->aliases_applied > 0) {
        fprintf(f, "aliases applied:    %zu\n", list->aliases_applied);
    }
    print_filters(f, opt);
    if (st->rows_filtered_role + st->rows_filtered_year > 0) {
        fprintf(f, "rows filtered:      %zu by role, %zu by year\n", st->rows_filtered_role,
                st->rows_filtered_year);
    }
    if (st->people_left_out > 0) {
        fprintf(f, "people left out:    %zu (%zu placeholder%s, %zu rows)\n", st->people_left_out,
                st->placeholders_left_out, st->placeholders_left_out == 1 ? "" : "s",
                st->rows_filtered_people);
        for (size_t i = 0; i < st->n_left_out_shown; i++) {
            fprintf(f, "  left out:         ");
            collab_text_fputs_safe(f, collab_names_get(&list->names_a, st->left_out_people[i]));
            fprintf(f, " (%s, %zu row%s)\n",
                    st->left_out_placeholder[i] ? "placeholder" : "--drop-people",
                    st->left_out_rows[i], st->left_out_rows[i] == 1 ? "" : "s");
        }
    }
    if (list->format != COLLAB_INPUT_CSV && list->shape == COLLAB_SHAPE_CREDITS) {
        fprintf(f,
                "rows used:          %zu credits (one per person-project edge, or its whole "
                "weight)\n",
                st->rows_used);
    } else if (list->n_rows > list->rows_read) {
        /* --split-people and --wide make several credits of one row */
        fprintf(f, "rows used:          %zu credits (one per name of the %zu rows read)\n",
                st->rows_used, list->rows_read);
    } else {
        fprintf(f, "rows used:          %zu\n", st->rows_used);
    }
    if (list->shape == COLLAB_SHAPE_CREDITS) {
        fprintf(f, "roles:              %zu distinct\n", list->roles.count);
        print_projection(f, g, list, opt);
    } else {
        fprintf(f, "directed:           %s\n", igraph_is_directed(&g->graph) ? "yes" : "no");
        fprintf(f, "self-loops dropped: %zu\n", st->self_loops);
        fprintf(f, "duplicate rows merged: %zu\n", st->merged_rows);
        print_scope(f, g, opt);
    }
    fprintf(f, "nodes:              %zu\n", s->nodes);
    fprintf(f, "edges:              %zu\n", s->edges);
    fprintf(f, "isolated nodes:     %zu\n", s->isolated);
    fprintf(f, "components:         %zu\n", s->components);
    fprintf(f, "largest component:  %zu nodes (%.1f%%), %zu edges\n", s->largest_nodes,
            percent(s->largest_nodes, s->nodes), s->largest_edges);
    fprintf(f, "density:            %.6f\n", s->density);
    fprintf(f, "total weight:       %.6g\n", s->total_weight);
    fprintf(f, "warnings:           %zu\n", list->rows_skipped);
    (void)err; /* write errors are caught, with the file's name, when the output is committed */
    return COLLAB_OK;
}

static json_t *columns_json(const collab_edgelist *list)
{
    static const char *const uses[] = {"attribute", "person", "project", "role",
                                       "year",      "source", "target",  "weight"};
    json_t *cols = json_array();
    for (size_t c = 0; c < list->n_columns; c++) {
        json_array_append_new(cols, json_pack("{s:s, s:s}", "name", list->column_names[c], "use",
                                              uses[list->column_use[c]]));
    }
    return cols;
}

static json_t *warnings_json(const collab_edgelist *list)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < list->n_warnings; i++) {
        const collab_warning *w = &list->warnings[i];
        json_array_append_new(arr, json_pack("{s:I, s:I, s:s}", "line", (json_int_t)w->line,
                                             "column", (json_int_t)w->column, "message",
                                             w->message));
    }
    return arr;
}

static json_t *graph_json(const collab_summary *s, const collab_graph *g,
                          const collab_edgelist *list, const collab_graph_options *opt)
{
    const collab_graph_stats *st = &g->stats;
    json_t *o = json_object();
    json_object_set_new(o, "view", json_string(collab_view_name(g->view)));
    char scope[256];
    collab_graph_describe_scope(g, opt, scope, sizeof scope);
    json_object_set_new(o, "scope", g->stats.scoped ? json_string(scope) : json_null());
    if (g->shape == COLLAB_SHAPE_CREDITS) {
        json_object_set_new(o, "weighting", json_string(collab_weighting_name(g->weighting)));
        json_object_set_new(o, "persons", json_integer((json_int_t)st->persons));
        json_object_set_new(o, "projects", json_integer((json_int_t)st->projects));
        json_object_set_new(o, "memberships", json_integer((json_int_t)st->memberships));
        json_object_set_new(o, "max_participants", json_integer((json_int_t)opt->max_participants));
        json_object_set_new(o, "projects_skipped", json_integer((json_int_t)st->projects_skipped));
        json_t *largest = json_array();
        for (size_t i = 0; i < st->n_hubs_shown; i++) {
            json_array_append_new(
                largest, json_pack("{s:s, s:I}", "project",
                                   collab_names_get(&list->names_b, st->hub_projects[i]),
                                   "people", (json_int_t)st->hub_sizes[i]));
        }
        json_object_set_new(o, "largest_left_out", largest);
        json_object_set_new(o, "min_shared", json_real(opt->min_shared));
        json_object_set_new(o, "ties_dropped", json_integer((json_int_t)st->ties_below_min_shared));
        json_object_set_new(o, "edge_bound", json_integer((json_int_t)st->projection_bound));
    } else {
        json_object_set_new(o, "directed", json_boolean(igraph_is_directed(&g->graph)));
        json_object_set_new(o, "self_loops_dropped", json_integer((json_int_t)st->self_loops));
        json_object_set_new(o, "duplicate_rows_merged", json_integer((json_int_t)st->merged_rows));
    }
    json_object_set_new(o, "nodes", json_integer((json_int_t)s->nodes));
    json_object_set_new(o, "edges", json_integer((json_int_t)s->edges));
    json_object_set_new(o, "isolated_nodes", json_integer((json_int_t)s->isolated));
    json_object_set_new(o, "components", json_integer((json_int_t)s->components));
    json_object_set_new(o, "largest_component_nodes", json_integer((json_int_t)s->largest_nodes));
    json_object_set_new(o, "largest_component_edges", json_integer((json_int_t)s->largest_edges));
    json_object_set_new(o, "density", json_real(s->density));
    json_object_set_new(o, "total_weight", json_real(s->total_weight));
    return o;
}

collab_status collab_summary_write_json(FILE *f, const collab_summary *s, const collab_edgelist *list,
                                        const collab_graph *g, const collab_graph_options *opt,
                                        collab_error *err)
{
    const collab_graph_stats *st = &g->stats;
    json_t *root = json_object();
    json_t *input = json_object();
    json_object_set_new(input, "file", json_string(list->source));
    json_object_set_new(input, "compression",
                        list->compression[0] != '\0' ? json_string(list->compression) : json_null());
    json_object_set_new(input, "encoding",
                        json_string(list->encoding[0] != '\0' ? list->encoding : "UTF-8"));
    if (list->format != COLLAB_INPUT_CSV) {
        /* Only for network files, so that the CSV summaries stay as they were. */
        json_object_set_new(input, "format", json_string(collab_input_format_name(list->format)));
        json_object_set_new(input, "node_names", json_string(list->name_attribute));
        json_object_set_new(input, "edge_weights", json_string(list->weight_attribute));
    }
    json_object_set_new(input, "shape", json_string(collab_shape_name(list->shape)));
    char delim[2] = {list->delimiter, '\0'};
    json_object_set_new(input, "delimiter", json_string(delim));
    json_object_set_new(input, "columns", columns_json(list));
    json_object_set_new(input, "rows_read", json_integer((json_int_t)list->rows_read));
    json_object_set_new(input, "rows_skipped", json_integer((json_int_t)list->rows_skipped));
    json_object_set_new(input, "rows_bad_text", json_integer((json_int_t)list->rows_bad_text));
    json_object_set_new(input, "rows_filtered_role", json_integer((json_int_t)st->rows_filtered_role));
    json_object_set_new(input, "rows_filtered_year", json_integer((json_int_t)st->rows_filtered_year));
    json_object_set_new(input, "rows_used", json_integer((json_int_t)st->rows_used));
    json_object_set_new(input, "rows_filtered_people",
                        json_integer((json_int_t)st->rows_filtered_people));
    json_t *left_out = json_array();
    for (size_t i = 0; i < st->n_left_out_shown; i++) {
        json_array_append_new(
            left_out, json_pack("{s:s, s:s, s:I}", "name",
                                collab_names_get(&list->names_a, st->left_out_people[i]), "reason",
                                st->left_out_placeholder[i] ? "placeholder" : "drop_people",
                                "rows", (json_int_t)st->left_out_rows[i]));
    }
    json_object_set_new(input, "people_left_out", json_integer((json_int_t)st->people_left_out));
    json_object_set_new(input, "largest_people_left_out", left_out);
    json_object_set_new(input, "aliases_applied", json_integer((json_int_t)list->aliases_applied));
    json_object_set_new(input, "roles", json_integer((json_int_t)list->roles.count));
    json_object_set_new(input, "filter_roles", opt->roles ? json_string(opt->roles) : json_null());
    json_object_set_new(input, "filter_years",
                        opt->has_years ? json_pack("[i,i]", opt->year_from, opt->year_to)
                                       : json_null());
    json_object_set_new(root, "input", input);
    json_object_set_new(root, "graph", graph_json(s, g, list, opt));
    json_object_set_new(root, "warnings", warnings_json(list));
    json_object_set_new(root, "warnings_total", json_integer((json_int_t)list->rows_skipped));
    int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    json_decref(root);
    fputc('\n', f);
    if (rc != 0 && !ferror(f)) {
        return collab_error_set(err, COLLAB_E_INTERNAL, "cannot encode the summary as JSON");
    }
    return COLLAB_OK;
}
