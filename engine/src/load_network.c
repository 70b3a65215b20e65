/* Reading networks written by other tools (Gephi, Cytoscape, yEd, NetworkX, igraph, Pajek) and by
 * `collab export`: GraphML, GML and Pajek .net, parsed by igraph, turned into the same
 * collab_edgelist a CSV edge list gives, so everything downstream is unchanged.
 *
 * Each node is a vertex, in the file's order, isolated ones included (vertices_listed), so a
 * network exported by collab and read back is the same graph with the same vertex ids, hence
 * the same metrics, communities and report. The nodes' names are chosen in
 * load_network_names.c. Edge weights come from `weight`, else `value` (Newman's GML files); a
 * missing weight is 1, as an empty weight cell is. Each edge is one row: parallel edges are
 * summed and self-loops dropped by the graph, as for CSV edge lists, and direction is kept only
 * with --directed. When every node is a person or a project (`kind`, as collab's bipartite
 * export writes it, NetworkX's `bipartite` 0/1, a Pajek two-mode network) and every edge joins a
 * person to a project, the file is read as credits: one credit row per edge, repeated `weight`
 * times when the weight is a small whole number (collab's bipartite export writes the number of
 * credit rows there).
 *
 * igraph keeps node and edge attributes only through its attribute handler, which the engine
 * otherwise leaves off (names and weights live in collab_graph). It is installed for the read
 * and removed once the igraph graph, whose attributes it owns, is destroyed. */
#include "collab/alloc.h"
#include "collab/engine.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <igraph.h>

#include "load_network_internal.h"

#define MAX_CREDIT_REPS 1000 /* a person-project weight above this is not a count of rows */

/* ---- igraph's reader and its errors ---------------------------------------------------- */

static const char *format_title(collab_input_format format)
{
    return format == COLLAB_INPUT_GRAPHML ? "GraphML"
           : format == COLLAB_INPUT_GML   ? "GML"
                                          : "Pajek";
}

/* The line igraph or libxml2 names in `reason` ("..., line 5 (...)", "Line 7: ..."), 0 if none. */
static long reason_line(const char *reason)
{
    for (const char *p = reason; *p != '\0'; p++) {
        if (strncasecmp(p, "line ", 5) == 0 && p[5] >= '0' && p[5] <= '9') {
            return strtol(p + 5, NULL, 10);
        }
    }
    return 0;
}

/* igraph's reason without the position and the file type it repeats: "Parse error in GML file,
 * line 5 (syntax error, unexpected end of file)" gives "syntax error, unexpected end of file",
 * "Line 7: Opening and ending tag mismatch" gives "opening and ending tag mismatch". */
static void reason_text(const char *reason, char *out, size_t size)
{
    const char *s = reason;
    size_t n = strlen(s);
    const char *open = strchr(s, '(');
    if (strncmp(s, "Parse error", 11) == 0 && open != NULL && n > 0 && s[n - 1] == ')') {
        s = open + 1;
        n = (size_t)(reason + strlen(reason) - 1 - s);
    } else if (strncasecmp(s, "line ", 5) == 0 && strchr(s, ':') != NULL) {
        s = strchr(s, ':') + 1;
        while (*s == ' ') {
            s++;
        }
        n = strlen(s);
    } else {
        const char *cut = strstr(s, " in GML file");
        cut = cut != NULL ? cut : strstr(s, " in Pajek file");
        cut = cut != NULL ? cut : strstr(s, " in GraphML file");
        cut = cut != NULL ? cut : strstr(s, ", line ");
        if (cut != NULL) {
            n = (size_t)(cut - s);
        }
    }
    while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '\n' || s[n - 1] == ' ')) {
        n--;
    }
    snprintf(out, size, "%.*s", (int)n, s);
    /* Lowercase first word, as every message, unless it is a name ("GraphML", "ID"). */
    if (out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z') {
        out[0] = (char)(out[0] - 'A' + 'a');
    }
}

static collab_status read_error(igraph_error_t rc, collab_input_format format, const char *name,
                                collab_error *err)
{
    if (rc == IGRAPH_ENOMEM) {
        collab_engine_clear_reason();
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", name);
    }
    const char *reason = collab_engine_last_reason();
    char text[200];
    reason_text(reason[0] != '\0' ? reason : igraph_strerror(rc), text, sizeof text);
    long line = reason_line(reason);
    collab_engine_clear_reason();
    return collab_error_set_at(err, COLLAB_E_INPUT, name, line, 0, "not a valid %s file: %s",
                               format_title(format), text);
}

static collab_status read_graph(igraph_t *g, FILE *in, collab_input_format format, const char *name,
                                collab_error *err)
{
    igraph_error_t rc = IGRAPH_SUCCESS;
    switch (format) {
    case COLLAB_INPUT_GRAPHML:
        rc = igraph_read_graph_graphml(g, in, 0);
        break;
    case COLLAB_INPUT_GML:
        rc = igraph_read_graph_gml(g, in);
        break;
    default:
        rc = igraph_read_graph_pajek(g, in);
        break;
    }
    return rc == IGRAPH_SUCCESS ? COLLAB_OK : read_error(rc, format, name, err);
}

/* ---- weights and kinds -------------------------------------------------------------------- */

/* Edge weights: `weight`, else `value`; 1 where absent. Errors: COLLAB_E_INPUT for a weight
 * that is not a number greater than 0, naming the edge. */
static collab_status edge_weights(collab_i_net_read *r, collab_edgelist *list,
                                  const collab_names *chosen, double *w, collab_error *err)
{
    static const char *const attrs[] = {"weight", "value"};
    const char *attr = NULL;
    int type = -1;
    for (size_t k = 0; k < 2 && attr == NULL; k++) {
        type = collab_i_net_attr_type(r, true, attrs[k]);
        attr =
            type == IGRAPH_ATTRIBUTE_NUMERIC || type == IGRAPH_ATTRIBUTE_STRING ? attrs[k] : NULL;
    }
    igraph_integer_t m = igraph_ecount(r->g);
    if (attr != NULL) {
        snprintf(list->weight_attribute, sizeof list->weight_attribute, "%s", attr);
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        double x = 1;
        const char *text = NULL;
        if (attr != NULL && type == IGRAPH_ATTRIBUTE_NUMERIC) {
            x = EAN(r->g, attr, e);
            x = isnan(x) ? 1 : x; /* no value for this edge: as an empty weight cell */
        } else if (attr != NULL) {
            text = EAS(r->g, attr, e);
            char *end;
            x = text[0] == '\0' ? 1 : strtod(text, &end);
            x = text[0] != '\0' && *end != '\0' ? NAN : x;
        }
        if (!isfinite(x) || x <= 0) {
            /* igraph stores an undirected edge with its larger end first: name them in order. */
            uint32_t from = (uint32_t)IGRAPH_FROM(r->g, e);
            uint32_t to = (uint32_t)IGRAPH_TO(r->g, e);
            if (!igraph_is_directed(r->g) && from > to) {
                uint32_t t = from;
                from = to;
                to = t;
            }
            snprintf(r->number, sizeof r->number, "%g", x);
            return collab_error_set_at(
                err, COLLAB_E_INPUT, r->name, 0, 0, "edge %lld ('%s' - '%s'): %s '%s' is not %s",
                (long long)e + 1, collab_names_get(chosen, from), collab_names_get(chosen, to),
                attr, text != NULL ? text : r->number,
                isfinite(x) ? "greater than 0" : "a finite number");
        }
        w[e] = x;
    }
    return COLLAB_OK;
}

/* The side of node `v` from the first of the marks below the file has: 0 person, 1 project,
 * -1 neither. */
static int node_side(const collab_i_net_read *r, int kind, int side, int type, igraph_integer_t v)
{
    if (kind == IGRAPH_ATTRIBUTE_STRING) {
        const char *k = VAS(r->g, "kind", v);
        return strcasecmp(k, "person") == 0 ? 0 : strcasecmp(k, "project") == 0 ? 1 : -1;
    }
    if (side == IGRAPH_ATTRIBUTE_NUMERIC) {
        double s = VAN(r->g, "bipartite", v);
        return s == 0 ? 0 : s == 1 ? 1 : -1;
    }
    return type == IGRAPH_ATTRIBUTE_BOOLEAN && VAB(r->g, "type", v) ? 1 : 0;
}

/* Per node: 1 project, 0 person, when the file is a person-project network: its nodes marked by
 * `kind` person/project (collab's bipartite export), `bipartite` 0/1 (NetworkX) or the boolean
 * `type` igraph gives a Pajek two-mode network ("*Vertices 32 18": the first 18 are people)
 * and its own bipartite graphs, and every edge joining a person to a project. */
static void person_project(collab_i_net_read *r, uint8_t *is_project, bool *bipartite)
{
    igraph_integer_t n = igraph_vcount(r->g);
    int kind = collab_i_net_attr_type(r, false, "kind");
    int side = collab_i_net_attr_type(r, false, "bipartite");
    int type = collab_i_net_attr_type(r, false, "type");
    *bipartite = false;
    if (kind != IGRAPH_ATTRIBUTE_STRING && side != IGRAPH_ATTRIBUTE_NUMERIC &&
        type != IGRAPH_ATTRIBUTE_BOOLEAN) {
        return;
    }
    bool people = false, projects = false;
    for (igraph_integer_t v = 0; v < n; v++) {
        int s = node_side(r, kind, side, type, v);
        if (s < 0) {
            return;
        }
        is_project[v] = (uint8_t)s;
        people |= !is_project[v];
        projects |= is_project[v];
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(r->g); e++) {
        if (is_project[IGRAPH_FROM(r->g, e)] == is_project[IGRAPH_TO(r->g, e)]) {
            return;
        }
    }
    *bipartite = people && projects;
}

/* ---- rows ----------------------------------------------------------------------------------- */

/* Interns the chosen name of every node, in the file's order, through the alias table: persons
 * and plain vertices into names_a, projects into names_b. node_id[v] receives the id. */
static collab_status intern_nodes(collab_edgelist *list, const collab_names *chosen,
                                  const uint8_t *is_project, const collab_load_options *opt,
                                  uint32_t *node_id, collab_error *err)
{
    const collab_aliases *aliases = opt->aliases;
    collab_status st = COLLAB_OK;
    for (size_t v = 0; v < chosen->count && st == COLLAB_OK; v++) {
        const char *s = collab_names_get(chosen, (uint32_t)v);
        size_t len = collab_names_length(chosen, (uint32_t)v);
        bool project = is_project != NULL && is_project[v];
        uint32_t alias =
            aliases != NULL && !project ? collab_names_find(&aliases->from, s, len) : COLLAB_NO_ID;
        if (alias != COLLAB_NO_ID) {
            s = collab_names_get(&aliases->to, aliases->target[alias]);
            len = collab_names_length(&aliases->to, aliases->target[alias]);
            list->aliases_applied++;
        }
        st = collab_names_intern(project ? &list->names_b : &list->names_a, s, len, &node_id[v],
                                 err);
    }
    return st;
}

/* The rows: one per edge (credits: person first, repeated for a whole weight). */
static collab_status make_rows(collab_edgelist *list, const igraph_t *g, const uint32_t *node_id,
                               const uint8_t *is_project, const double *w, bool credits,
                               collab_error *err)
{
    igraph_integer_t m = igraph_ecount(g);
    size_t n_rows = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        n_rows += credits && w[e] == floor(w[e]) && w[e] <= MAX_CREDIT_REPS ? (size_t)w[e] : 1;
    }
    list->a = collab_alloc_array(n_rows + 1, sizeof *list->a);
    list->b = collab_alloc_array(n_rows + 1, sizeof *list->b);
    list->line = collab_calloc_array(n_rows + 1, sizeof *list->line);
    if (credits) {
        list->role = collab_alloc_array(n_rows + 1, sizeof *list->role);
        list->year = collab_calloc_array(n_rows + 1, sizeof *list->year);
    } else {
        list->weight = collab_alloc_array(n_rows + 1, sizeof *list->weight);
    }
    if (list->a == NULL || list->b == NULL || list->line == NULL ||
        (credits ? list->role == NULL || list->year == NULL : list->weight == NULL)) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", list->source);
    }
    size_t r = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(g, e);
        igraph_integer_t to = IGRAPH_TO(g, e);
        if (credits && is_project[from]) {
            igraph_integer_t t = from;
            from = to;
            to = t;
        }
        size_t reps = credits && w[e] == floor(w[e]) && w[e] <= MAX_CREDIT_REPS ? (size_t)w[e] : 1;
        for (size_t k = 0; k < reps; k++, r++) {
            list->a[r] = node_id[from];
            list->b[r] = node_id[to];
            if (credits) {
                list->role[r] = COLLAB_NO_ID;
            } else {
                list->weight[r] = w[e];
            }
        }
    }
    list->n_rows = list->rows_cap = n_rows;
    list->rows_read = (size_t)m;
    return COLLAB_OK;
}

/* Turns the igraph graph into `list`'s names and rows. */
static collab_status convert(collab_i_net_read *r, collab_edgelist *list,
                             const collab_load_options *opt, collab_error *err)
{
    igraph_integer_t n = igraph_vcount(r->g);
    igraph_integer_t m = igraph_ecount(r->g);
    if (n == 0) {
        return collab_error_set_at(err, COLLAB_E_INPUT, r->name, 0, 0, "the %s file has no nodes",
                                   format_title(r->format));
    }
    collab_names chosen;
    collab_names_init(&chosen);
    uint8_t *is_project = collab_calloc_array((size_t)n, 1);
    uint32_t *node_id = collab_alloc_array((size_t)n, sizeof *node_id);
    double *w = collab_alloc_array((size_t)m + 1, sizeof *w);
    collab_status st = COLLAB_OK;
    if (is_project == NULL || node_id == NULL || w == NULL) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", r->name);
    }
    bool credits = false;
    if (st == COLLAB_OK) {
        st = collab_i_net_choose_names(r, list, &chosen, err);
    }
    if (st == COLLAB_OK) {
        st = edge_weights(r, list, &chosen, w, err);
    }
    if (st == COLLAB_OK) {
        person_project(r, is_project, &credits);
    }
    if (st == COLLAB_OK) {
        st = intern_nodes(list, &chosen, credits ? is_project : NULL, opt, node_id, err);
    }
    if (st == COLLAB_OK) {
        list->shape = credits ? COLLAB_SHAPE_CREDITS : COLLAB_SHAPE_EDGES;
        list->file_directed = igraph_is_directed(r->g);
        list->vertices_listed = true;
        st = make_rows(list, r->g, node_id, is_project, w, credits, err);
    }
    collab_names_destroy(&chosen);
    collab_free(is_project);
    collab_free(node_id);
    collab_free(w);
    return st;
}

/* Options that describe a CSV's columns mean nothing for a network file: refused, so that a
 * user who meant them learns they were not applied. */
static collab_status csv_options(const collab_load_options *opt, const char *name,
                                 collab_input_format format, collab_error *err)
{
    const char *option = opt->shape != COLLAB_SHAPE_AUTO ? "--shape"
                         : opt->delimiter != 0           ? "--delimiter"
                         : opt->no_header                ? "--no-header"
                         : opt->person_cols != NULL      ? "--person-cols"
                         : opt->split_people != NULL     ? "--split-people"
                         : opt->person_col != NULL       ? "--person-col"
                         : opt->project_col != NULL      ? "--project-col"
                         : opt->role_col != NULL         ? "--role-col"
                         : opt->year_col != NULL         ? "--year-col"
                         : opt->source_col != NULL       ? "--source-col"
                         : opt->target_col != NULL       ? "--target-col"
                         : opt->weight_col != NULL       ? "--weight-col"
                                                         : NULL;
    if (option == NULL) {
        return COLLAB_OK;
    }
    return collab_error_set(err, COLLAB_E_USAGE,
                            "%s applies to CSV files, and '%s' is a %s file (--input-format csv "
                            "reads it as CSV)",
                            option, name, format_title(format));
}

collab_status collab_i_load_network(collab_edgelist *list, FILE *in, collab_input_format format,
                                    const collab_load_options *opt, collab_error *err)
{
    collab_status st = csv_options(opt, list->source, format, err);
    if (st != COLLAB_OK) {
        return st;
    }
    list->format = format;
    collab_i_net_read r = {.format = format, .name = list->source};
    /* igraph's GML and Pajek lexers take a UTF-8 byte-order mark (as UTF-16 files converted to
     * UTF-8 have) for a syntax error; libxml2 reads it. */
    char bom[3];
    off_t start = ftello(in);
    if (format != COLLAB_INPUT_GRAPHML && start >= 0 &&
        (fread(bom, 1, 3, in) != 3 || memcmp(bom, "\xEF\xBB\xBF", 3) != 0)) {
        fseeko(in, start, SEEK_SET);
    }
    start = ftello(in);
    igraph_t g;
    /* Only for this read: the handler owns the attributes until igraph_destroy below. */
    igraph_attribute_table_t *previous = igraph_set_attribute_table(&igraph_cattribute_table);
    st = read_graph(&g, in, format, list->source, err);
    if (st == COLLAB_OK) {
        r.g = &g;
        igraph_error_t rc = igraph_strvector_init(&r.v_names, 0);
        rc = rc == IGRAPH_SUCCESS ? igraph_strvector_init(&r.e_names, 0) : rc;
        rc = rc == IGRAPH_SUCCESS ? igraph_vector_int_init(&r.v_types, 0) : rc;
        rc = rc == IGRAPH_SUCCESS ? igraph_vector_int_init(&r.e_types, 0) : rc;
        rc = rc == IGRAPH_SUCCESS ? igraph_cattribute_list(&g, NULL, NULL, &r.v_names, &r.v_types,
                                                           &r.e_names, &r.e_types)
                                  : rc;
        st = collab_error_from_igraph(err, rc, "reading the attributes of the network");
        if (st == COLLAB_OK && format == COLLAB_INPUT_GRAPHML &&
            collab_i_net_attr_type(&r, false, "label") < 0 &&
            collab_i_net_attr_type(&r, false, "name") < 0 && start >= 0 &&
            fseeko(in, start, SEEK_SET) == 0) {
            /* No names igraph could give: perhaps yEd's, in the node graphics. */
            st = collab_i_yed_labels_read(in, list->source, &r.yed, err);
        }
        if (st == COLLAB_OK) {
            st = convert(&r, list, opt, err);
        }
        igraph_strvector_destroy(&r.v_names);
        igraph_strvector_destroy(&r.e_names);
        igraph_vector_int_destroy(&r.v_types);
        igraph_vector_int_destroy(&r.e_types);
        igraph_destroy(&g);
    }
    igraph_set_attribute_table(previous);
    collab_text_scratch_free(&r.scratch);
    collab_free(r.text);
    collab_i_yed_labels_free(&r.yed);
    return st;
}
