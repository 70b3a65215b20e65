/* Building the igraph network from loaded rows: filters, bipartite memberships, projections
 * with their weightings and edge budget, and edge-list merging. */
#include "collab/graph.h"

#include "collab/alloc.h"
#include "collab/text.h"
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

void collab_graph_options_init(collab_graph_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->max_edges = COLLAB_DEFAULT_MAX_EDGES;
    opt->max_participants = COLLAB_DEFAULT_MAX_PARTICIPANTS;
}

void collab_graph_destroy(collab_graph *g)
{
    if (g == NULL) {
        return;
    }
    /* A zeroed igraph_t has no vertex vector storage; igraph_destroy is only valid on a graph
     * that igraph created. */
    if (g->graph.from.stor_begin != NULL) {
        igraph_destroy(&g->graph);
    }
    if (g->weights.stor_begin != NULL) {
        igraph_vector_destroy(&g->weights);
    }
    collab_names_destroy(&g->names);
    collab_free(g->is_project);
    collab_free(g->origin);
    collab_free(g->row_kept);
    memset(g, 0, sizeof *g);
}

size_t collab_graph_vertex_count(const collab_graph *g)
{
    return (size_t)igraph_vcount(&g->graph);
}

size_t collab_graph_edge_count(const collab_graph *g)
{
    return (size_t)igraph_ecount(&g->graph);
}

const char *collab_graph_name(const collab_graph *g, size_t vertex)
{
    return collab_names_get(&g->names, (uint32_t)vertex);
}

bool collab_view_parse(const char *text, collab_view *view)
{
    static const char *const names[] = {"people", "projects", "bipartite"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(text, names[i]) == 0) {
            *view = (collab_view)(i + 1);
            return true;
        }
    }
    return false;
}

const char *collab_view_name(collab_view view)
{
    switch (view) {
    case COLLAB_VIEW_PEOPLE:
        return "people";
    case COLLAB_VIEW_PROJECTS:
        return "projects";
    case COLLAB_VIEW_BIPARTITE:
        return "bipartite";
    case COLLAB_VIEW_DEFAULT:
        break;
    }
    return "graph";
}

bool collab_weighting_parse(const char *text, collab_weighting *weighting)
{
    static const char *const names[] = {"count", "newman", "jaccard", "fractional"};
    for (int i = 0; i < 4; i++) {
        if (strcmp(text, names[i]) == 0) {
            *weighting = (collab_weighting)i;
            return true;
        }
    }
    return false;
}

const char *collab_weighting_name(collab_weighting weighting)
{
    static const char *const names[] = {"count", "newman", "jaccard", "fractional"};
    return names[weighting];
}

/* ---- row filters ----------------------------------------------------------------------- */

/* Marks in `keep_role` (indexed by role id) the roles named in the comma-separated `spec`. */
static collab_status parse_role_filter(const collab_edgelist *list, const char *spec,
                                       uint8_t *keep_role, collab_error *err)
{
    collab_text_scratch scratch = {0};
    collab_status st = COLLAB_OK;
    const char *p = spec;
    while (st == COLLAB_OK && *p != '\0') {
        const char *comma = strchr(p, ',');
        size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
        const char *key;
        size_t key_len;
        if (collab_text_invalid_utf8(p, len) < len) {
            st = collab_error_set(err, COLLAB_E_USAGE, "--roles is not valid UTF-8");
            break;
        }
        st = collab_text_normalize(p, len, true, &scratch, &key, &key_len, err);
        if (st == COLLAB_OK && key_len > 0) {
            uint32_t id = collab_names_find(&list->roles, key, key_len);
            if (id == COLLAB_NO_ID) {
                st = collab_error_set(err, COLLAB_E_USAGE,
                                      "no role '%.*s' in '%s' (see 'collab summary' for the roles)",
                                      (int)key_len, key, list->source);
            } else {
                keep_role[id] = 1;
            }
        }
        p += len + (comma != NULL ? 1 : 0);
    }
    collab_text_scratch_free(&scratch);
    return st;
}

/* Fills `keep[r]` for each row and the filter counts. */
static collab_status filter_rows(const collab_edgelist *list, const collab_graph_options *opt,
                                 uint8_t *keep, collab_graph_stats *stats, collab_error *err)
{
    uint8_t *drop_person = NULL;
    collab_status dropped = collab_i_people_left_out(list, opt, &drop_person, stats, err);
    if (dropped != COLLAB_OK) {
        return dropped;
    }
    uint8_t *keep_role = NULL;
    if (opt->roles != NULL) {
        keep_role = collab_calloc_array(list->roles.count + 1, 1);
        if (keep_role == NULL) {
            collab_free(drop_person);
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory filtering roles");
        }
        collab_status st = parse_role_filter(list, opt->roles, keep_role, err);
        if (st != COLLAB_OK) {
            collab_free(keep_role);
            collab_free(drop_person);
            return st;
        }
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        keep[r] = 1;
        if (drop_person != NULL && drop_person[list->a[r]]) {
            keep[r] = 0;
            stats->rows_filtered_people++;
        } else if (keep_role != NULL && (list->role[r] == COLLAB_NO_ID || !keep_role[list->role[r]])) {
            keep[r] = 0;
            stats->rows_filtered_role++;
        } else if (opt->has_years && (list->year[r] == 0 || list->year[r] < opt->year_from ||
                                      list->year[r] > opt->year_to)) {
            keep[r] = 0;
            stats->rows_filtered_year++;
        } else {
            stats->rows_used++;
        }
    }
    collab_free(keep_role);
    collab_free(drop_person);
    return COLLAB_OK;
}

/* ---- credits --------------------------------------------------------------------------- */

static void memberships_destroy(collab_i_memberships *m)
{
    collab_free(m->person_of_row);
    collab_free(m->project_of_row);
    collab_free(m->person_origin);
    collab_free(m->project_origin);
    collab_free(m->project_start);
    collab_free(m->project_members);
    collab_free(m->member_rows);
    collab_free(m->person_start);
    collab_free(m->person_projects);
    memset(m, 0, sizeof *m);
}

/* A network file lists its nodes: they are the vertices, in its order, isolated ones too, but
 * for a person or project that has rows and none kept (a placeholder, --drop-people), who is
 * left out as from a CSV. Uses pid and jid (all COLLAB_NO_ID on entry) to mark who has rows:
 * COLLAB_NO_ID - 1 for rows, none kept. */
static void list_vertices(const collab_edgelist *list, const uint8_t *keep, collab_i_memberships *m,
                          uint32_t *pid, uint32_t *jid)
{
    const uint32_t only_left_out = COLLAB_NO_ID - 1;
    for (size_t r = 0; r < list->n_rows; r++) {
        uint32_t *p = &pid[list->a[r]];
        uint32_t *j = &jid[list->b[r]];
        *p = keep[r] ? 0 : *p == COLLAB_NO_ID ? only_left_out : *p;
        *j = keep[r] ? 0 : *j == COLLAB_NO_ID ? only_left_out : *j;
    }
    for (size_t i = 0; i < list->names_a.count; i++) {
        if (pid[i] != only_left_out) {
            m->person_origin[m->n_persons] = (uint32_t)i;
            pid[i] = (uint32_t)m->n_persons++;
        } else {
            pid[i] = COLLAB_NO_ID;
        }
    }
    for (size_t i = 0; i < list->names_b.count; i++) {
        if (jid[i] != only_left_out) {
            m->project_origin[m->n_projects] = (uint32_t)i;
            jid[i] = (uint32_t)m->n_projects++;
        } else {
            jid[i] = COLLAB_NO_ID;
        }
    }
}

/* Numbers the people and projects of kept rows by first appearance. */
static collab_status number_vertices(const collab_edgelist *list, const uint8_t *keep,
                                     collab_i_memberships *m, collab_error *err)
{
    uint32_t *pid = collab_alloc_array(list->names_a.count, sizeof *pid);
    uint32_t *jid = collab_alloc_array(list->names_b.count, sizeof *jid);
    m->person_of_row = collab_alloc_array(list->n_rows, sizeof *m->person_of_row);
    m->project_of_row = collab_alloc_array(list->n_rows, sizeof *m->project_of_row);
    m->person_origin = collab_alloc_array(list->names_a.count, sizeof *m->person_origin);
    m->project_origin = collab_alloc_array(list->names_b.count, sizeof *m->project_origin);
    if (pid == NULL || jid == NULL || m->person_of_row == NULL || m->project_of_row == NULL ||
        m->person_origin == NULL || m->project_origin == NULL) {
        collab_free(pid);
        collab_free(jid);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory numbering vertices");
    }
    memset(pid, 0xff, list->names_a.count * sizeof *pid);
    memset(jid, 0xff, list->names_b.count * sizeof *jid);
    if (list->vertices_listed) {
        list_vertices(list, keep, m, pid, jid);
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        if (!keep[r]) {
            continue;
        }
        if (pid[list->a[r]] == COLLAB_NO_ID) {
            m->person_origin[m->n_persons] = list->a[r];
            pid[list->a[r]] = (uint32_t)m->n_persons++;
        }
        if (jid[list->b[r]] == COLLAB_NO_ID) {
            m->project_origin[m->n_projects] = list->b[r];
            jid[list->b[r]] = (uint32_t)m->n_projects++;
        }
        m->person_of_row[r] = pid[list->a[r]];
        m->project_of_row[r] = jid[list->b[r]];
    }
    collab_free(pid);
    collab_free(jid);
    return COLLAB_OK;
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* LSD radix sort, a byte per pass, as many passes as the largest id needs. */
static void radix_sort_ids(uint32_t *ids, size_t n, uint32_t *tmp)
{
    uint32_t all_bits = 0;
    for (size_t i = 0; i < n; i++) {
        all_bits |= ids[i];
    }
    uint32_t *src = ids;
    uint32_t *dst = tmp;
    for (unsigned shift = 0; shift < 32 && (all_bits >> shift) != 0; shift += 8) {
        size_t at[257] = {0};
        for (size_t i = 0; i < n; i++) {
            at[((src[i] >> shift) & 0xFF) + 1]++;
        }
        for (size_t d = 0; d < 256; d++) {
            at[d + 1] += at[d];
        }
        for (size_t i = 0; i < n; i++) {
            dst[at[(src[i] >> shift) & 0xFF]++] = src[i];
        }
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != ids) {
        memcpy(ids, src, n * sizeof *ids);
    }
}

void collab_i_sort_ids(uint32_t *ids, size_t n)
{
    if (n <= 64) {
        for (size_t i = 1; i < n; i++) {
            uint32_t x = ids[i];
            size_t j = i;
            while (j > 0 && ids[j - 1] > x) {
                ids[j] = ids[j - 1];
                j--;
            }
            ids[j] = x;
        }
        return;
    }
    uint32_t small[2048];
    uint32_t *tmp = n <= 2048 ? small : collab_alloc_array(n, sizeof *tmp);
    if (tmp == NULL) {
        qsort(ids, n, sizeof *ids, compare_u32); /* no memory for the radix sort's copy */
        return;
    }
    radix_sort_ids(ids, n, tmp);
    if (tmp != small) {
        collab_free(tmp);
    }
}

/* Groups kept rows by project into a CSR of distinct members (sorted by person id), counting the
 * rows behind each membership, then builds the person -> projects CSR. */
static collab_status group_memberships(const collab_edgelist *list, const uint8_t *keep,
                                       collab_i_memberships *m, collab_error *err)
{
    size_t n_kept = 0;
    m->project_start = collab_calloc_array(m->n_projects + 1, sizeof *m->project_start);
    m->person_start = collab_calloc_array(m->n_persons + 1, sizeof *m->person_start);
    if (m->project_start == NULL || m->person_start == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory grouping credits");
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        if (keep[r]) {
            m->project_start[m->project_of_row[r] + 1]++;
            n_kept++;
        }
    }
    for (size_t j = 0; j < m->n_projects; j++) {
        m->project_start[j + 1] += m->project_start[j];
    }
    /* Fill with (person << 32 | 0) keys, sort each project's slice, then compact duplicates. */
    uint64_t *slots = collab_alloc_array(n_kept + 1, sizeof *slots);
    size_t *fill = collab_alloc_array(m->n_projects + 1, sizeof *fill);
    if (slots == NULL || fill == NULL) {
        collab_free(slots);
        collab_free(fill);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory grouping credits");
    }
    memcpy(fill, m->project_start, (m->n_projects + 1) * sizeof *fill);
    for (size_t r = 0; r < list->n_rows; r++) {
        if (keep[r]) {
            slots[fill[m->project_of_row[r]]++] = m->person_of_row[r];
        }
    }
    collab_free(fill);
    m->project_members = collab_alloc_array(n_kept + 1, sizeof *m->project_members);
    m->member_rows = collab_alloc_array(n_kept + 1, sizeof *m->member_rows);
    if (m->project_members == NULL || m->member_rows == NULL) {
        collab_free(slots);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory grouping credits");
    }
    size_t out = 0;
    size_t begin = 0;
    for (size_t j = 0; j < m->n_projects; j++) {
        size_t end = m->project_start[j + 1];
        uint32_t *ids = (uint32_t *)(slots + begin); /* reuse the slot memory as u32 */
        for (size_t k = begin; k < end; k++) {
            ids[k - begin] = (uint32_t)slots[k];
        }
        collab_i_sort_ids(ids, end - begin);
        m->project_start[j] = out;
        for (size_t k = 0; k < end - begin; k++) {
            if (k > 0 && ids[k] == ids[k - 1]) {
                m->member_rows[out - 1]++;
                continue;
            }
            m->project_members[out] = ids[k];
            m->member_rows[out] = 1;
            m->person_start[ids[k] + 1]++;
            out++;
        }
        begin = end;
    }
    m->project_start[m->n_projects] = out;
    m->n_memberships = out;
    collab_free(slots);
    for (size_t p = 0; p < m->n_persons; p++) {
        m->person_start[p + 1] += m->person_start[p];
    }
    m->person_projects = collab_alloc_array(out + 1, sizeof *m->person_projects);
    size_t *pfill = collab_alloc_array(m->n_persons + 1, sizeof *pfill);
    if (m->person_projects == NULL || pfill == NULL) {
        collab_free(pfill);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory grouping credits");
    }
    memcpy(pfill, m->person_start, (m->n_persons + 1) * sizeof *pfill);
    for (size_t j = 0; j < m->n_projects; j++) {
        for (size_t k = m->project_start[j]; k < m->project_start[j + 1]; k++) {
            m->person_projects[pfill[m->project_members[k]]++] = (uint32_t)j;
        }
    }
    collab_free(pfill);
    return COLLAB_OK;
}

static collab_status set_vertex_names(collab_graph *g, const collab_names *from_a,
                                      const uint32_t *origin_a, size_t n_a,
                                      const collab_names *from_b, const uint32_t *origin_b,
                                      size_t n_b, collab_error *err)
{
    size_t n = n_a + n_b;
    g->is_project = collab_calloc_array(n + 1, 1);
    g->origin = collab_alloc_array(n + 1, sizeof *g->origin);
    if (g->is_project == NULL || g->origin == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory naming vertices");
    }
    bool identity = n_b == 0 && n_a == from_a->count;
    for (size_t v = 0; identity && v < n_a; v++) {
        identity = origin_a[v] == v;
    }
    if (identity) {
        /* Every name is a vertex, in the table's order (no filter dropped one): copy the table
         * rather than hashing each name again. */
        memcpy(g->origin, origin_a, n_a * sizeof *g->origin);
        return collab_names_copy(&g->names, from_a, err);
    }
    for (size_t v = 0; v < n; v++) {
        bool b = v >= n_a;
        const collab_names *src = b ? from_b : from_a;
        uint32_t o = b ? origin_b[v - n_a] : origin_a[v];
        uint32_t id;
        collab_status st = collab_names_intern(&g->names, collab_names_get(src, o),
                                               collab_names_length(src, o), &id, err);
        if (st != COLLAB_OK) {
            return st;
        }
        if (id != v) {
            /* A person and a project may share a name in the bipartite view: keep them apart by
             * marking the project's copy; interning would merge them, so store a suffix. */
            char *marked = collab_malloc(collab_names_length(src, o) + 12);
            if (marked == NULL) {
                return collab_error_set(err, COLLAB_E_NOMEM, "out of memory naming vertices");
            }
            int len = snprintf(marked, collab_names_length(src, o) + 12, "%s [project]",
                               collab_names_get(src, o));
            st = collab_names_intern(&g->names, marked, (size_t)len, &id, err);
            collab_free(marked);
            if (st != COLLAB_OK) {
                return st;
            }
        }
        g->is_project[v] = b;
        g->origin[v] = o;
    }
    return COLLAB_OK;
}

static collab_status build_bipartite(collab_graph *g, const collab_i_memberships *m,
                                     igraph_vector_int_t *edges, collab_error *err)
{
    igraph_error_t rc = igraph_vector_int_resize(edges, (igraph_integer_t)(2 * m->n_memberships));
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_resize(&g->weights, (igraph_integer_t)m->n_memberships);
    }
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "building the bipartite graph");
    }
    size_t e = 0;
    for (size_t j = 0; j < m->n_projects; j++) {
        for (size_t k = m->project_start[j]; k < m->project_start[j + 1]; k++) {
            VECTOR(*edges)[2 * e] = m->project_members[k];
            VECTOR(*edges)[2 * e + 1] = (igraph_integer_t)(m->n_persons + j);
            VECTOR(g->weights)[e] = (double)m->member_rows[k];
            e++;
        }
    }
    return COLLAB_OK;
}

/* Builds the credits views. The projections create g->graph themselves (`*created`); the
 * bipartite view leaves its edges in `edges` for igraph_create. */
static collab_status build_credits(collab_graph *g, const collab_edgelist *list,
                                   const collab_graph_options *opt, igraph_vector_int_t *edges,
                                   size_t *n_vertices, bool *created, collab_error *err)
{
    uint8_t *keep = collab_alloc_array(list->n_rows + 1, 1);
    collab_i_memberships m = {0};
    if (keep == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory filtering rows");
    }
    collab_status st = filter_rows(list, opt, keep, &g->stats, err);
    if (st == COLLAB_OK && g->stats.rows_used == 0) {
        st = collab_error_set(err, COLLAB_E_INPUT, "no rows of '%s' pass the --roles/--years/--drop-people filters",
                              list->source);
    }
    if (st == COLLAB_OK) {
        st = number_vertices(list, keep, &m, err);
    }
    if (st == COLLAB_OK) {
        st = group_memberships(list, keep, &m, err);
    }
    g->row_kept = keep;
    if (st == COLLAB_OK) {
        g->stats.persons = m.n_persons;
        g->stats.projects = m.n_projects;
        g->stats.memberships = m.n_memberships;
        switch (g->view) {
        case COLLAB_VIEW_BIPARTITE:
            st = set_vertex_names(g, &list->names_a, m.person_origin, m.n_persons, &list->names_b,
                                  m.project_origin, m.n_projects, err);
            if (st == COLLAB_OK) {
                st = build_bipartite(g, &m, edges, err);
            }
            *n_vertices = m.n_persons + m.n_projects;
            break;
        case COLLAB_VIEW_PROJECTS:
            st = set_vertex_names(g, &list->names_b, m.project_origin, m.n_projects, NULL, NULL, 0,
                                  err);
            memset(g->is_project, 1, m.n_projects);
            if (st == COLLAB_OK) {
                st = collab_i_project(&m, true, opt, g, err);
                *created = st == COLLAB_OK;
            }
            *n_vertices = m.n_projects;
            break;
        default:
            st = set_vertex_names(g, &list->names_a, m.person_origin, m.n_persons, NULL, NULL, 0,
                                  err);
            if (st == COLLAB_OK) {
                st = collab_i_project(&m, false, opt, g, err);
                *created = st == COLLAB_OK;
            }
            *n_vertices = m.n_persons;
            break;
        }
    }
    memberships_destroy(&m);
    return st;
}

collab_status collab_graph_build(collab_graph *out, const collab_edgelist *list,
                                 const collab_graph_options *opt, collab_error *err)
{
    bool credits = list->shape == COLLAB_SHAPE_CREDITS;
    if (!credits && (opt->view != COLLAB_VIEW_DEFAULT || opt->roles != NULL || opt->has_years)) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "--view, --roles and --years need a credits file (person,project,...)"
                                "; '%s' is an edge list",
                                list->source);
    }
    if (credits && opt->directed) {
        return collab_error_set(err, COLLAB_E_USAGE, "--directed applies to edge lists only");
    }
    collab_graph g;
    memset(&g, 0, sizeof g);
    g.shape = list->shape;
    g.weighting = opt->weighting;
    g.view = opt->view == COLLAB_VIEW_DEFAULT && credits ? COLLAB_VIEW_PEOPLE : opt->view;
    igraph_vector_int_t edges;
    igraph_error_t rc = igraph_vector_int_init(&edges, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "building the graph");
    }
    rc = igraph_vector_init(&g.weights, 0);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&edges);
        return collab_error_from_igraph(err, rc, "building the graph");
    }
    size_t n_vertices = 0;
    bool created = false;
    collab_status st = credits ? build_credits(&g, list, opt, &edges, &n_vertices, &created, err)
                               : collab_i_build_edges(&g, list, opt, &edges, &n_vertices, err);
    if (st == COLLAB_OK && !created) {
        rc = igraph_create(&g.graph, &edges, (igraph_integer_t)n_vertices, opt->directed);
        st = collab_error_from_igraph(err, rc, "creating the graph");
    }
    igraph_vector_int_destroy(&edges);
    if (st == COLLAB_OK) {
        st = collab_i_graph_scope(&g, list, opt, err);
    }
    if (st != COLLAB_OK) {
        collab_graph_destroy(&g);
        return st;
    }
    *out = g;
    return COLLAB_OK;
}

void collab_graph_describe_hubs(const collab_graph *g, const collab_edgelist *list,
                                const collab_graph_options *opt, char *buf, size_t size)
{
    const collab_graph_stats *st = &g->stats;
    buf[0] = '\0';
    if (st->projects_skipped == 0 || size == 0) {
        return;
    }
    int used = snprintf(buf, size,
                        "%zu project%s with more than %zu %s left out of the "
                        "person-person network (largest: ",
                        st->projects_skipped, st->projects_skipped == 1 ? "" : "s",
                        opt->max_participants, opt->max_participants == 1 ? "person" : "people");
    for (size_t i = 0; i < st->n_hubs_shown && used >= 0 && (size_t)used < size; i++) {
        char item[160];
        snprintf(item, sizeof item, "%s'%.100s', %zu people", i > 0 ? "; " : "",
                 collab_names_get(&list->names_b, st->hub_projects[i]), st->hub_sizes[i]);
        if ((size_t)used + strlen(item) + 2 >= size) {
            break;
        }
        used += snprintf(buf + used, size - (size_t)used, "%s", item);
    }
    if (used >= 0 && (size_t)used + 2 <= size) {
        snprintf(buf + used, size - (size_t)used, ")");
    }
}
