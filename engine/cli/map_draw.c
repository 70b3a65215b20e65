/* The drawing pipeline of `collab map`: metrics and communities, layout, scene, files. Also the
 * community-level graph drawn when there are too many nodes to label. */
#include "map_internal.h"

#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Everything the scene input points at, owned here. */
typedef struct map_arrays {
    uint32_t *from, *to;          /* edge endpoints */
    double *weight;               /* edge weights */
    const char **names;           /* node names (borrowed from the graph) */
    uint8_t *kind;                /* person / project */
    uint32_t *category;           /* colour class: community or role */
    double *value;                /* numeric colour value */
    collab_legend_entry *legend;  /* one caption per colour class */
    char **legend_text;           /* their texts */
    size_t n_legend;              /* captions */
} map_arrays;

static void map_arrays_free(map_arrays *a)
{
    collab_free(a->from);
    collab_free(a->to);
    collab_free(a->weight);
    collab_free(a->names);
    collab_free(a->kind);
    collab_free(a->category);
    collab_free(a->value);
    for (size_t i = 0; a->legend_text != NULL && i < a->n_legend; i++) {
        collab_free(a->legend_text[i]);
    }
    collab_free(a->legend_text);
    collab_free(a->legend);
    memset(a, 0, sizeof *a);
}

static collab_status nomem(collab_error *err)
{
    return collab_error_set(err, COLLAB_E_NOMEM, "out of memory drawing the map");
}

static collab_status fill_edges(const collab_graph *g, map_arrays *a, collab_error *err)
{
    size_t m = collab_graph_edge_count(g);
    size_t n = collab_graph_vertex_count(g);
    a->from = collab_alloc_array(m + 1, sizeof *a->from);
    a->to = collab_alloc_array(m + 1, sizeof *a->to);
    a->weight = collab_alloc_array(m + 1, sizeof *a->weight);
    a->names = collab_alloc_array(n + 1, sizeof *a->names);
    a->kind = collab_calloc_array(n + 1, 1);
    if (a->from == NULL || a->to == NULL || a->weight == NULL || a->names == NULL ||
        a->kind == NULL) {
        return nomem(err);
    }
    for (size_t e = 0; e < m; e++) {
        a->from[e] = (uint32_t)IGRAPH_FROM(&g->graph, (igraph_integer_t)e);
        a->to[e] = (uint32_t)IGRAPH_TO(&g->graph, (igraph_integer_t)e);
        a->weight[e] = VECTOR(g->weights)[e];
    }
    for (size_t v = 0; v < n; v++) {
        a->names[v] = collab_graph_name(g, v);
        a->kind[v] = g->is_project != NULL && g->is_project[v] ? COLLAB_NODE_PROJECT
                                                                : COLLAB_NODE_PERSON;
    }
    return COLLAB_OK;
}

/* Caption text "A, B, C" from up to three names. */
static char *join_names(const char *const *names, size_t count)
{
    size_t len = 1;
    for (size_t i = 0; i < count; i++) {
        len += strlen(names[i]) + 2;
    }
    char *text = collab_malloc(len);
    if (text == NULL) {
        return NULL;
    }
    text[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        if (i > 0) {
            strcat(text, ", ");
        }
        strcat(text, names[i]);
    }
    return text;
}

/* Legend captions: each community's three most important members by the size metric. */
static collab_status community_legend(const collab_graph *g, const collab_partition *p,
                                      const double *size, map_arrays *a, collab_error *err)
{
    size_t k = p->n_communities;
    uint32_t(*top)[3] = collab_alloc_array(k + 1, sizeof *top);
    uint8_t *count = collab_calloc_array(k + 1, 1);
    a->legend = collab_calloc_array(k + 1, sizeof *a->legend);
    a->legend_text = collab_calloc_array(k + 1, sizeof *a->legend_text);
    collab_status st = COLLAB_OK;
    if (top == NULL || count == NULL || a->legend == NULL || a->legend_text == NULL) {
        st = nomem(err);
    }
    for (size_t v = 0; st == COLLAB_OK && v < p->n; v++) {
        uint32_t c = p->membership[v];
        /* insertion into a sorted top 3: higher size first, ties by lower id */
        size_t pos = count[c];
        while (pos > 0 && size[top[c][pos - 1]] < size[v]) {
            if (pos < 3) {
                top[c][pos] = top[c][pos - 1];
            }
            pos--;
        }
        if (pos < 3) {
            top[c][pos] = (uint32_t)v;
            count[c] = count[c] < 3 ? (uint8_t)(count[c] + 1) : 3;
        }
    }
    for (size_t c = 0; st == COLLAB_OK && c < k; c++) {
        const char *names[3];
        for (size_t i = 0; i < count[c]; i++) {
            names[i] = collab_graph_name(g, top[c][i]);
        }
        a->legend_text[c] = join_names(names, count[c]);
        if (a->legend_text[c] == NULL) {
            st = nomem(err);
            break;
        }
        a->legend[c] = (collab_legend_entry){(uint32_t)c, a->legend_text[c]};
        a->n_legend = c + 1;
    }
    collab_free(top);
    collab_free(count);
    return st;
}

static collab_status need_people(const collab_graph *g, collab_error *err)
{
    if (g->shape != COLLAB_SHAPE_CREDITS || g->view != COLLAB_VIEW_PEOPLE) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "--color-by year and role need credits drawn as people");
    }
    return COLLAB_OK;
}

/* For credits: per person, the mean year of the kept credits (NaN when none). */
static collab_status person_years(const cli_map_source *src, map_arrays *a, collab_error *err)
{
    const collab_graph *g = src->graph;
    const collab_edgelist *list = src->list;
    collab_status st = need_people(g, err);
    if (st != COLLAB_OK) {
        return st;
    }
    size_t n = collab_graph_vertex_count(g);
    double *sum = collab_calloc_array(list->names_a.count + 1, sizeof *sum);
    uint32_t *cnt = collab_calloc_array(list->names_a.count + 1, sizeof *cnt);
    a->value = collab_alloc_array(n + 1, sizeof *a->value);
    if (sum == NULL || cnt == NULL || a->value == NULL) {
        collab_free(sum);
        collab_free(cnt);
        return nomem(err);
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept[r] && list->year[r] != 0) {
            sum[list->a[r]] += list->year[r];
            cnt[list->a[r]]++;
        }
    }
    for (size_t v = 0; v < n; v++) {
        uint32_t o = g->origin[v];
        a->value[v] = cnt[o] > 0 ? sum[o] / cnt[o] : NAN;
    }
    collab_free(sum);
    collab_free(cnt);
    return COLLAB_OK;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a;
    uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Each person's most frequent role class (ties: the more common class); people without a role
 * get COLLAB_NO_COMMUNITY. Rows are sorted by (person, class) so runs can be counted. */
static collab_status main_roles(const cli_map_source *src, const uint32_t *class_of, uint32_t *out,
                                collab_error *err)
{
    const collab_graph *g = src->graph;
    const collab_edgelist *list = src->list;
    uint64_t *keys = collab_alloc_array(list->n_rows + 1, sizeof *keys);
    uint32_t *best = collab_alloc_array(list->names_a.count + 1, sizeof *best);
    if (keys == NULL || best == NULL) {
        collab_free(keys);
        collab_free(best);
        return nomem(err);
    }
    size_t n = 0;
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept[r] && list->role[r] != COLLAB_NO_ID) {
            keys[n++] = ((uint64_t)list->a[r] << 32) | class_of[list->role[r]];
        }
    }
    qsort(keys, n, sizeof *keys, compare_u64);
    memset(best, 0xff, list->names_a.count * sizeof *best);
    size_t best_run = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && keys[j] == keys[i]) {
            j++;
        }
        uint32_t person = (uint32_t)(keys[i] >> 32);
        if (i == 0 || (uint32_t)(keys[i - 1] >> 32) != person || j - i > best_run) {
            best_run = j - i; /* classes ascend within a person: ties keep the commoner class */
            best[person] = (uint32_t)keys[i];
        }
        i = j;
    }
    for (size_t v = 0; v < collab_graph_vertex_count(g); v++) {
        out[v] = best[g->origin[v]] == UINT32_MAX ? COLLAB_NO_COMMUNITY : best[g->origin[v]];
    }
    collab_free(keys);
    collab_free(best);
    return COLLAB_OK;
}

typedef struct role_rank {
    size_t credits; /* rows with the role */
    uint32_t role;  /* role id */
} role_rank;

static int compare_roles(const void *a, const void *b)
{
    const role_rank *x = a;
    const role_rank *y = b;
    if (x->credits != y->credits) {
        return x->credits > y->credits ? -1 : 1;
    }
    return (x->role > y->role) - (x->role < y->role);
}

/* For credits: each person's most frequent role, as colour classes numbered by how common the
 * role is overall (so the palette goes to the common roles), with the role names as captions. */
static collab_status person_roles(const cli_map_source *src, map_arrays *a, collab_error *err)
{
    const collab_graph *g = src->graph;
    const collab_edgelist *list = src->list;
    collab_status st = need_people(g, err);
    size_t n_roles = list->roles.count;
    role_rank *rank = collab_calloc_array(n_roles + 1, sizeof *rank);
    uint32_t *class_of = collab_alloc_array(n_roles + 1, sizeof *class_of);
    a->category = collab_alloc_array(collab_graph_vertex_count(g) + 1, sizeof *a->category);
    a->legend = collab_calloc_array(n_roles + 1, sizeof *a->legend);
    if (st == COLLAB_OK && (rank == NULL || class_of == NULL || a->category == NULL ||
                            a->legend == NULL)) {
        st = nomem(err);
    }
    if (st == COLLAB_OK) {
        for (size_t r = 0; r < n_roles; r++) {
            rank[r].role = (uint32_t)r;
        }
        for (size_t r = 0; r < list->n_rows; r++) {
            if (g->row_kept[r] && list->role[r] != COLLAB_NO_ID) {
                rank[list->role[r]].credits++;
            }
        }
        qsort(rank, n_roles, sizeof *rank, compare_roles);
        for (size_t c = 0; c < n_roles; c++) {
            class_of[rank[c].role] = (uint32_t)c;
            a->legend[c] = (collab_legend_entry){(uint32_t)c,
                                                 collab_names_get(&list->roles, rank[c].role)};
        }
        a->n_legend = n_roles;
        st = main_roles(src, class_of, a->category, err);
    }
    collab_free(rank);
    collab_free(class_of);
    return st;
}

/* ---- the community-level graph ---------------------------------------------------------- */

typedef struct keyed_weight {
    uint64_t key;  /* (community a << 32) | community b, a < b */
    double weight; /* summed weight */
} keyed_weight;

static int compare_keyed(const void *a, const void *b)
{
    uint64_t x = ((const keyed_weight *)a)->key;
    uint64_t y = ((const keyed_weight *)b)->key;
    return (x > y) - (x < y);
}

/* Ties between communities: every edge between two of them, weights summed. */
static collab_status community_edges(const collab_graph *g, const collab_partition *p,
                                     const uint32_t *bubble_of, igraph_vector_int_t *edges,
                                     igraph_vector_t *weights, collab_error *err)
{
    size_t m = collab_graph_edge_count(g);
    keyed_weight *k = collab_alloc_array(m + 1, sizeof *k);
    if (k == NULL) {
        return nomem(err);
    }
    size_t n = 0;
    for (size_t e = 0; e < m; e++) {
        uint32_t a = bubble_of[p->membership[IGRAPH_FROM(&g->graph, (igraph_integer_t)e)]];
        uint32_t b = bubble_of[p->membership[IGRAPH_TO(&g->graph, (igraph_integer_t)e)]];
        if (a != b && a != UINT32_MAX && b != UINT32_MAX) {
            uint32_t lo = a < b ? a : b;
            uint32_t hi = a < b ? b : a;
            k[n++] = (keyed_weight){((uint64_t)lo << 32) | hi, VECTOR(g->weights)[e]};
        }
    }
    qsort(k, n, sizeof *k, compare_keyed);
    igraph_error_t rc = IGRAPH_SUCCESS;
    for (size_t i = 0; i < n && rc == IGRAPH_SUCCESS;) {
        size_t j = i;
        double w = 0;
        while (j < n && k[j].key == k[i].key) {
            w += k[j++].weight;
        }
        rc = igraph_vector_int_push_back(edges, (igraph_integer_t)(k[i].key >> 32));
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_int_push_back(edges, (igraph_integer_t)(uint32_t)k[i].key);
        }
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_push_back(weights, w);
        }
        i = j;
    }
    collab_free(k);
    return collab_error_from_igraph(err, rc, "linking communities");
}

/* Builds `out`: one vertex per drawn community (bubble), named by its legend caption.
 * Communities are numbered by size, so the bubbles are the first `n_bubbles` communities. */
static collab_status community_graph(collab_graph *out, const collab_graph *g,
                                     const collab_partition *p, const map_arrays *a,
                                     const uint32_t *bubble_of, size_t n_bubbles,
                                     collab_error *err)
{
    collab_graph cg;
    memset(&cg, 0, sizeof cg);
    cg.shape = g->shape;
    cg.view = g->view;
    igraph_vector_int_t edges;
    igraph_error_t rc = igraph_vector_int_init(&edges, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "linking communities");
    }
    rc = igraph_vector_init(&cg.weights, 0);
    collab_status st = collab_error_from_igraph(err, rc, "linking communities");
    if (st == COLLAB_OK) {
        st = community_edges(g, p, bubble_of, &edges, &cg.weights, err);
    }
    for (size_t c = 0; st == COLLAB_OK && c < n_bubbles; c++) {
        char text[300];
        uint32_t id;
        /* Captions are distinct (members are), but a cut caption could repeat: number it. */
        snprintf(text, sizeof text, "%s", a->legend_text[c]);
        st = collab_names_intern(&cg.names, text, strlen(text), &id, err);
        if (st == COLLAB_OK && id != c) {
            snprintf(text, sizeof text, "%zu. %s", c + 1, a->legend_text[c]);
            st = collab_names_intern(&cg.names, text, strlen(text), &id, err);
        }
    }
    if (st == COLLAB_OK) {
        rc = igraph_create(&cg.graph, &edges, (igraph_integer_t)n_bubbles, false);
        st = collab_error_from_igraph(err, rc, "linking communities");
    }
    igraph_vector_int_destroy(&edges);
    if (st != COLLAB_OK) {
        collab_graph_destroy(&cg);
        return st;
    }
    *out = cg;
    return COLLAB_OK;
}

/* ---- pipeline --------------------------------------------------------------------------- */

void cli_map_options_init(cli_map_options *mo)
{
    memset(mo, 0, sizeof *mo);
    mo->width = 1200;
    mo->height = 900;
    mo->dpi = 144;
    mo->size_by = COLLAB_METRIC_STRENGTH;
    mo->color_by = CLI_COLOR_COMMUNITY;
    mo->labels = COLLAB_LABELS_AUTO;
    mo->label_chars = COLLAB_LABEL_MAX_CHARS;
    mo->max_edges = 5000;
    mo->layout = COLLAB_LAYOUT_FA2;
    mo->level = CLI_LEVEL_AUTO;
}

/* Per-node arrays grown by the ghosts of cli_map_extras, owned here. */
typedef struct ghost_arrays {
    double *x, *y, *size, *value, *opacity;
    const char **names;
    uint8_t *kind, *emphasis;
    uint32_t *category;
} ghost_arrays;

static void ghost_arrays_free(ghost_arrays *g)
{
    collab_free(g->x);
    collab_free(g->y);
    collab_free(g->size);
    collab_free(g->value);
    collab_free(g->opacity);
    collab_free(g->names);
    collab_free(g->kind);
    collab_free(g->emphasis);
    collab_free(g->category);
    memset(g, 0, sizeof *g);
}

typedef struct map_job {
    const cli_map_source *src;     /* what is drawn */
    cli_analysis *an;              /* metrics and communities */
    const cli_map_options *mo;     /* options */
    const cli_map_extras *extras;  /* changes for the query commands (never NULL) */
    const collab_graph *drawn;     /* the graph drawn: the source's, or the community graph */
    collab_graph community_level;  /* the community graph, when drawn */
    bool by_community;             /* drawing communities */
    const double *size;            /* size value per drawn node */
    double *bubble_size;           /* community sizes (members) */
    size_t *bubble_members;        /* the same, as counts for the colour choice */
    size_t n_bubbles;              /* communities drawn */
    size_t bubble_coverage;        /* nodes in the communities drawn */
    collab_layout layout;          /* positions */
    map_arrays arrays;             /* scene input arrays */
    ghost_arrays ghosts;           /* the same grown by the ghosts */
    char subtitle[512];            /* the subtitle */
    char coverage_note[128];       /* community level: what the bubbles cover */
} map_job;

/* Metrics and communities not yet in `an`: the size metric (and colour metric) only, since a
 * map needs nothing else; a caller that computed everything (report, analyze) is reused. */
static collab_status compute(map_job *job, collab_error *err)
{
    cli_analysis *an = job->an;
    const cli_map_options *mo = job->mo;
    const collab_graph *g = job->src->graph;
    collab_status st = COLLAB_OK;
    if (!an->have_metrics) {
        an->metrics.wanted = 1u << mo->size_by;
        if (mo->color_by == CLI_COLOR_METRIC) {
            an->metrics.wanted |= 1u << mo->color_metric;
        }
        st = collab_metrics_compute(&an->m, g, &an->metrics, err);
        if (st != COLLAB_OK) {
            return st;
        }
        an->have_metrics = true;
        if (an->m.sampled) {
            fprintf(stderr, "collab: betweenness and closeness estimated from %ld sampled sources\n",
                    an->m.sample_sources);
        }
    }
    if (!an->have_partition) {
        st = collab_community_detect(&an->p, g, &an->community, err);
        an->have_partition = st == COLLAB_OK;
    }
    if (st == COLLAB_OK) {
        st = community_legend(g, &an->p, an->m.values[mo->size_by], &job->arrays, err);
    }
    return st;
}

/* The communities drawn at the community level: those with at least max(3, 0.1% of the nodes)
 * members, at most CLI_MAP_MAX_BUBBLES; a map of a thousand specks says nothing. */
#define CLI_MAP_MAX_BUBBLES 200

static collab_status bubbles(map_job *job, collab_error *err)
{
    const collab_partition *p = &job->an->p;
    size_t min_members = (size_t)ceil(0.001 * (double)p->n);
    min_members = min_members < 3 ? 3 : min_members;
    uint32_t *bubble_of = collab_alloc_array(p->n_communities + 1, sizeof *bubble_of);
    job->bubble_size = collab_alloc_array(p->n_communities + 1, sizeof(double));
    job->bubble_members = collab_alloc_array(p->n_communities + 1, sizeof(size_t));
    if (bubble_of == NULL || job->bubble_size == NULL || job->bubble_members == NULL) {
        collab_free(bubble_of);
        return nomem(err);
    }
    for (size_t c = 0; c < p->n_communities; c++) {
        bool keep = c < CLI_MAP_MAX_BUBBLES && (p->sizes[c] >= min_members || c == 0);
        bubble_of[c] = keep ? (uint32_t)job->n_bubbles : UINT32_MAX;
        if (keep) {
            job->bubble_size[job->n_bubbles] = (double)p->sizes[c];
            job->bubble_members[job->n_bubbles++] = p->sizes[c];
            job->bubble_coverage += p->sizes[c];
        }
    }
    collab_status st = community_graph(&job->community_level, job->src->graph, p, &job->arrays,
                                       bubble_of, job->n_bubbles, err);
    collab_free(bubble_of);
    return st;
}

static collab_status choose_level(map_job *job, collab_error *err)
{
    size_t n = collab_graph_vertex_count(job->src->graph);
    job->by_community = job->mo->level == CLI_LEVEL_COMMUNITIES ||
                        (job->mo->level == CLI_LEVEL_AUTO && n > CLI_MAP_NODE_LIMIT);
    job->drawn = job->src->graph;
    job->size = job->an->m.values[job->mo->size_by];
    if (!job->by_community) {
        return COLLAB_OK;
    }
    collab_status st = bubbles(job, err);
    if (st == COLLAB_OK && job->mo->level == CLI_LEVEL_AUTO) {
        fprintf(stderr, "collab: %zu nodes are too many to label: drawing the %zu largest of %zu "
                        "communities (--level nodes to draw every node)\n",
                n, job->n_bubbles, job->an->p.n_communities);
    }
    job->drawn = &job->community_level;
    job->size = job->bubble_size;
    return st;
}

/* Positions given by the caller, as a layout (no layout algorithm runs). */
static collab_status fixed_layout(map_job *job, double aspect, collab_error *err)
{
    size_t n = collab_graph_vertex_count(job->drawn);
    collab_layout *l = &job->layout;
    igraph_error_t rc = igraph_matrix_init(&l->xy, (igraph_integer_t)n, 2);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "placing the nodes");
    }
    l->n = n;
    l->aspect = aspect;
    for (size_t v = 0; v < n; v++) {
        MATRIX(l->xy, v, 0) = job->extras->fixed_x[v];
        MATRIX(l->xy, v, 1) = job->extras->fixed_y[v];
    }
    return COLLAB_OK;
}

static collab_status lay_out(map_job *job, double aspect, const double *radius,
                             collab_error *err)
{
    const cli_map_extras *x = job->extras;
    if (x->fixed_x != NULL && !job->by_community) {
        return fixed_layout(job, aspect, err);
    }
    collab_layout_options lo;
    collab_layout_options_init(&lo);
    lo.method = job->mo->layout;
    lo.seed = job->an->community.seed;
    lo.aspect = aspect;
    lo.radius = radius;
    lo.threads = job->an->metrics.threads == 1 ? 1 : 0; /* --threads 1: no second thread */
    if (x->initial_x != NULL && !job->by_community) {
        lo.initial_x = x->initial_x;
        lo.initial_y = x->initial_y;
    }
    return collab_layout_compute(&job->layout, job->drawn, &lo, err);
}

/* The scene sizes discs in page units from the size metric and the plot box alone, so a
 * scene built with every node at one point (and no labels) gives the radii and the plot. The
 * layout fills a box of the plot's aspect with height 1, which the scene maps onto the plot's
 * height minus the largest disc at each end: that fixes the layout's disc radii, so a single
 * layout pass keeps the discs it will really be drawn with apart (10% margin). */
static collab_status plan_discs(const collab_scene_input *si, double *aspect, double *radius,
                                collab_error *err)
{
    size_t n = si->n_nodes;
    double *zero = collab_calloc_array(n + 1, sizeof *zero);
    if (zero == NULL) {
        return nomem(err);
    }
    collab_scene_input sizing = *si;
    sizing.x = zero;
    sizing.y = zero;
    sizing.max_labels = 0;
    collab_scene scene;
    collab_status st = collab_scene_build(&scene, &sizing, err);
    collab_free(zero);
    if (st != COLLAB_OK) {
        return st;
    }
    double reach = 0;
    for (size_t v = 0; v < n; v++) {
        reach = fmax(reach, scene.nodes[v].radius + scene.nodes[v].stroke_width / 2);
    }
    double height = fmax(scene.plot.h - 2 * reach, 1);
    *aspect = fmax(scene.plot.w - 2 * reach, 1) / height;
    for (size_t v = 0; v < n; v++) {
        radius[v] = 1.1 * scene.nodes[v].radius / height;
    }
    collab_scene_destroy(&scene);
    return COLLAB_OK;
}

static collab_status colours(map_job *job, collab_scene_input *si, collab_error *err)
{
    const cli_map_options *mo = job->mo;
    map_arrays *a = &job->arrays;
    si->color_mode = COLLAB_COLOR_COMMUNITY;
    if (job->by_community || mo->color_by == CLI_COLOR_COMMUNITY) {
        a->category = collab_alloc_array(collab_graph_vertex_count(job->drawn) + 1, sizeof(uint32_t));
        if (a->category == NULL) {
            return nomem(err);
        }
        for (size_t v = 0; v < collab_graph_vertex_count(job->drawn); v++) {
            a->category[v] = job->by_community ? (uint32_t)v : job->an->p.membership[v];
        }
        si->community = a->category;
        si->members = job->by_community ? job->bubble_members : NULL;
        si->legend = a->legend;
        si->n_legend = job->by_community ? job->n_bubbles : a->n_legend;
        return COLLAB_OK;
    }
    if (mo->color_by == CLI_COLOR_NONE) {
        si->show_legend = false;
        return COLLAB_OK;
    }
    if (mo->color_by == CLI_COLOR_METRIC) {
        si->color_mode = COLLAB_COLOR_NUMERIC;
        si->value = job->an->m.values[mo->color_metric];
        si->value_label = collab_metric_name(mo->color_metric);
        return COLLAB_OK;
    }
    /* year and role replace the community captions */
    for (size_t i = 0; a->legend_text != NULL && i < a->n_legend; i++) {
        collab_free(a->legend_text[i]);
    }
    collab_free(a->legend_text);
    collab_free(a->legend);
    a->legend_text = NULL;
    a->legend = NULL;
    a->n_legend = 0;
    if (mo->color_by == CLI_COLOR_YEAR) {
        si->color_mode = COLLAB_COLOR_NUMERIC;
        si->value_label = "year";
        collab_status st = person_years(job->src, a, err);
        si->value = a->value;
        return st;
    }
    collab_status st = person_roles(job->src, a, err);
    si->community = a->category;
    si->legend = a->legend;
    si->n_legend = a->n_legend;
    return st;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

static void write_subtitle(map_job *job)
{
    if (job->extras->subtitle != NULL) {
        snprintf(job->subtitle, sizeof job->subtitle, "%s", job->extras->subtitle);
        return;
    }
    if (job->by_community) {
        snprintf(job->coverage_note, sizeof job->coverage_note,
                 "; the %zu largest communities drawn (%.0f%% of the nodes)", job->n_bubbles,
                 100.0 * (double)job->bubble_coverage / (double)job->an->p.n);
    }
    const collab_graph *g = job->src->graph;
    const collab_partition *p = &job->an->p;
    char modularity[32];
    snprintf(job->subtitle, sizeof job->subtitle,
             "%s \xc2\xb7 %zu nodes, %zu edges%s \xc2\xb7 size: %s \xc2\xb7 %zu communities "
             "(%s, modularity %s) \xc2\xb7 layout %s \xc2\xb7 seed %llu",
             base_name(job->src->list->source), collab_graph_vertex_count(g),
             collab_graph_edge_count(g), job->by_community ? job->coverage_note : "",
             job->by_community ? "members" : collab_metric_name(job->mo->size_by),
             p->n_communities, collab_community_method_name(job->an->community.method),
             collab_report_stat(modularity, p->modularity, 3), collab_layout_method_name(job->mo->layout),
             (unsigned long long)job->an->community.seed);
}

static void fill_scene_input(map_job *job, collab_scene_input *si,
                             collab_render_measurer *measurer)
{
    const cli_map_options *mo = job->mo;
    collab_scene_input_init(si);
    si->n_nodes = collab_graph_vertex_count(job->drawn);
    si->size = job->size;
    si->size_label = job->by_community ? "members" : collab_metric_name(mo->size_by);
    si->names = job->arrays.names;
    si->kind = job->arrays.kind;
    si->n_edges = collab_graph_edge_count(job->drawn);
    si->edge_from = job->arrays.from;
    si->edge_to = job->arrays.to;
    si->edge_weight = job->arrays.weight;
    si->max_edges = mo->max_edges;
    si->edge_style = mo->curved ? COLLAB_EDGES_CURVED : COLLAB_EDGES_STRAIGHT;
    si->page_width = mo->width;
    si->page_height = mo->height;
    si->theme = mo->theme;
    si->title = mo->title != NULL ? mo->title : base_name(job->src->list->source);
    si->subtitle = job->subtitle;
    si->max_labels = mo->labels;
    si->label_chars = mo->label_chars;
    si->measure = collab_render_measure_text;
    si->measure_ctx = measurer;
    if (!job->by_community) {
        si->emphasis = job->extras->emphasis;
        si->centre = job->extras->centre;
    }
}

/* Copies `n` items of `size` bytes into a new array of `n + extra` items, the rest zeroed. */
static void *grow_copy(const void *src, size_t n, size_t extra, size_t size)
{
    unsigned char *dst = collab_calloc_array(n + extra + 1, size);
    if (dst != NULL && src != NULL) {
        memcpy(dst, src, n * size);
    }
    return dst;
}

/* Appends the ghosts to every per-node array of `si` (positions included): faded, grey,
 * unlabelled and as small as the smallest node. */
static collab_status add_ghosts(map_job *job, collab_scene_input *si, collab_error *err)
{
    const cli_map_extras *x = job->extras;
    size_t n = si->n_nodes;
    size_t k = x->n_ghosts;
    ghost_arrays *g = &job->ghosts;
    g->x = grow_copy(si->x, n, k, sizeof *g->x);
    g->y = grow_copy(si->y, n, k, sizeof *g->y);
    g->size = grow_copy(si->size, n, k, sizeof *g->size);
    g->opacity = collab_alloc_array(n + k + 1, sizeof *g->opacity);
    g->names = grow_copy(si->names, n, k, sizeof *g->names);
    g->kind = grow_copy(si->kind, n, k, sizeof *g->kind);
    g->emphasis = grow_copy(si->emphasis, n, k, sizeof *g->emphasis);
    bool ok = g->x && g->y && g->size && g->opacity && g->names && g->kind && g->emphasis;
    if (ok && si->community != NULL) {
        ok = (g->category = grow_copy(si->community, n, k, sizeof *g->category)) != NULL;
    }
    if (ok && si->value != NULL) {
        ok = (g->value = grow_copy(si->value, n, k, sizeof *g->value)) != NULL;
    }
    if (!ok) {
        return nomem(err);
    }
    double smallest = INFINITY;
    for (size_t v = 0; v < n; v++) {
        smallest = si->size != NULL ? fmin(smallest, si->size[v]) : 1;
        g->opacity[v] = 1;
    }
    for (size_t i = 0; i < k; i++) {
        g->x[n + i] = x->ghost_x[i];
        g->y[n + i] = x->ghost_y[i];
        g->size[n + i] = isfinite(smallest) ? smallest : 1;
        g->opacity[n + i] = 0.3;
        g->names[n + i] = "";
        if (g->category != NULL) {
            g->category[n + i] = COLLAB_NO_COMMUNITY;
        }
        if (g->value != NULL) {
            g->value[n + i] = NAN;
        }
    }
    si->n_nodes = n + k;
    si->x = g->x;
    si->y = g->y;
    si->size = g->size;
    si->opacity = g->opacity;
    si->names = g->names;
    si->kind = g->kind;
    si->emphasis = g->emphasis;
    si->community = g->category != NULL ? g->category : si->community;
    si->value = g->value != NULL ? g->value : si->value;
    return COLLAB_OK;
}

/* Plans the discs, lays out once with them, then builds the final scene. */
static collab_status layout_and_scene(map_job *job, collab_scene_input *si, collab_scene *scene,
                                      collab_error *err)
{
    double *radius = collab_alloc_array(si->n_nodes + 1, sizeof *radius);
    if (radius == NULL) {
        return nomem(err);
    }
    double aspect = job->mo->width / job->mo->height;
    collab_status st = plan_discs(si, &aspect, radius, err);
    if (st == COLLAB_OK) {
        st = lay_out(job, aspect, job->mo->layout == COLLAB_LAYOUT_CIRCLE ? NULL : radius, err);
    }
    collab_free(radius);
    if (st == COLLAB_OK) {
        si->x = collab_layout_x(&job->layout);
        si->y = collab_layout_y(&job->layout);
        if (job->extras->n_ghosts > 0 && !job->by_community) {
            st = add_ghosts(job, si, err);
        }
    }
    if (st == COLLAB_OK) {
        st = collab_scene_build(scene, si, err);
    }
    return st;
}

static collab_status draw(map_job *job, cli_map *map, collab_error *err)
{
    collab_render_measurer measurer;
    collab_status st = collab_render_measurer_init(&measurer, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_scene_input si;
    fill_scene_input(job, &si, &measurer);
    st = colours(job, &si, err);
    if (st == COLLAB_OK) {
        st = layout_and_scene(job, &si, &map->scene, err);
    }
    collab_render_measurer_destroy(&measurer);
    return st;
}

collab_status cli_map_build(cli_map *out, const cli_map_source *src, cli_analysis *an,
                            const cli_map_options *mo, const cli_map_extras *extras,
                            collab_error *err)
{
    static const cli_map_extras none = {.centre = -1};
    map_job job;
    memset(&job, 0, sizeof job);
    job.src = src;
    job.an = an;
    job.mo = mo;
    job.extras = extras != NULL ? extras : &none;
    cli_map map;
    memset(&map, 0, sizeof map);
    collab_status st = compute(&job, err);
    if (st == COLLAB_OK) {
        st = choose_level(&job, err);
    }
    if (st == COLLAB_OK) {
        st = fill_edges(job.drawn, &job.arrays, err);
    }
    if (st == COLLAB_OK) {
        write_subtitle(&job);
        st = draw(&job, &map, err);
    }
    if (st == COLLAB_OK) {
        map.layout = job.layout;
        memset(&job.layout, 0, sizeof job.layout);
        map.by_community = job.by_community;
        map.n_drawn = collab_graph_vertex_count(job.drawn);
        map.method = mo->layout;
    }
    collab_layout_destroy(&job.layout);
    collab_graph_destroy(&job.community_level);
    collab_free(job.bubble_size);
    collab_free(job.bubble_members);
    map_arrays_free(&job.arrays);
    ghost_arrays_free(&job.ghosts);
    if (st == COLLAB_OK) {
        *out = map;
    }
    return st;
}

void cli_map_destroy(cli_map *map)
{
    if (map == NULL) {
        return;
    }
    collab_scene_destroy(&map->scene);
    collab_layout_destroy(&map->layout);
    memset(map, 0, sizeof *map);
}

collab_status cli_map_write(const cli_map *map, const char *path, collab_render_format fmt,
                            double dpi, const char *input_path, collab_error *err)
{
    collab_output out;
    collab_status st = cli_output_open(&out, path, input_path, err);
    if (st == COLLAB_OK) {
        st = collab_render_output(&map->scene, &out, fmt, dpi, err);
        st = cli_output_finish(&out, st, err);
    }
    return st;
}

collab_status cli_map_write_scene(const cli_map *map, const char *path, const char *input_path,
                                  collab_error *err)
{
    const collab_scene *scene = &map->scene;
    collab_output out;
    collab_status st = cli_output_open(&out, path, input_path, err);
    if (st == COLLAB_OK) {
        st = collab_scene_write_json(out.f, scene, err);
        st = cli_output_finish(&out, st, err);
    }
    return st;
}

collab_status cli_map_run(cli_input *in, cli_analysis *an, const cli_map_options *mo,
                          collab_error *err)
{
    cli_map_source src = {&in->g, &in->list, in->path};
    cli_map map;
    collab_status st = cli_map_build(&map, &src, an, mo, NULL, err);
    if (st != COLLAB_OK) {
        return st;
    }
    st = cli_map_write(&map, mo->output, mo->format, mo->dpi, in->path, err);
    if (st == COLLAB_OK && mo->scene_path != NULL) {
        st = cli_map_write_scene(&map, mo->scene_path, in->path, err);
    }
    cli_map_destroy(&map);
    return st;
}
