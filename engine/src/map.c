/* The map pipeline: choose the level, contract the graph into communities when they are drawn
 * instead of nodes, fill the scene's arrays, colour, plan the discs, lay out once with them and
 * build the scene. Captions and colour classes are in map_colour.c, the subtitle in
 * map_subtitle.c. */
#include "collab/alloc.h"
#include "collab/clock.h"
#include "collab/community.h"
#include "collab/map_quality.h"
#include "collab/render.h"
#include "collab/report.h"
#include "collab/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map_internal.h"

static collab_status fill_edges(const collab_graph *g, collab_i_map_arrays *a, collab_error *err)
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
        return collab_error_nomem(err, "drawing the map");
    }
    for (size_t e = 0; e < m; e++) {
        a->from[e] = (uint32_t)IGRAPH_FROM(&g->graph, (igraph_integer_t)e);
        a->to[e] = (uint32_t)IGRAPH_TO(&g->graph, (igraph_integer_t)e);
        a->weight[e] = VECTOR(g->weights)[e];
    }
    for (size_t v = 0; v < n; v++) {
        a->names[v] = collab_graph_name(g, v);
        a->kind[v] =
            g->is_project != NULL && g->is_project[v] ? COLLAB_NODE_PROJECT : COLLAB_NODE_PERSON;
    }
    return COLLAB_OK;
}

void collab_map_options_init(collab_map_options *mo)
{
    memset(mo, 0, sizeof *mo);
    mo->width = 1200;
    mo->height = 900;
    mo->size_by = COLLAB_METRIC_STRENGTH;
    mo->color_by = COLLAB_MAP_COLOR_COMMUNITY;
    mo->labels = COLLAB_LABELS_AUTO;
    mo->label_chars = COLLAB_LABEL_MAX_CHARS;
    mo->max_edges = 5000;
    mo->layout = COLLAB_LAYOUT_FA2;
    mo->level = COLLAB_MAP_LEVEL_AUTO;
    mo->seed = 42;
}

/* Per-node arrays grown by the ghosts of collab_map_extras, owned here. */
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
    const collab_map_source *src;    /* what is drawn */
    const collab_map_options *mo;    /* options */
    const collab_map_extras *extras; /* changes for the query commands (never NULL) */
    const collab_graph *drawn;       /* the graph drawn: the source's, or the community graph */
    collab_graph community_level;    /* the community graph, when drawn */
    bool by_community;               /* drawing communities */
    const double *size;              /* size value per drawn node */
    double *bubble_size;             /* community sizes (members) */
    size_t *bubble_members;          /* the same, as counts for the colour choice */
    size_t n_bubbles;                /* communities drawn */
    size_t bubble_coverage;          /* nodes in the communities drawn */
    collab_layout layout;            /* positions */
    double community_pull;           /* the layout's community pull (1 = none), for the subtitle */
    double chance;                   /* modularity by chance, bounding the automatic pull */
    collab_i_map_arrays arrays;      /* scene input arrays */
    ghost_arrays ghosts;             /* the same grown by the ghosts */
    const collab_i_map_scope *scope; /* the components drawn at the node level */
    collab_i_map_band band;          /* --components all: the small components in a band */
    char subtitle[1024];             /* the subtitle (map_subtitle.c) */
    char notice[256];                /* for the terminal */
    size_t layout_matched;           /* with layout_from: drawn nodes placed as there */
    const double *initial_x;         /* the extras' warm start, per drawn vertex */
    const double *initial_y;
    double *scoped_initial; /* the warm start of the kept vertices (x then y), owned */
} map_job;

/* The communities drawn at the community level: those with at least max(3, 0.1% of the nodes)
 * members, at most COLLAB_MAP_MAX_BUBBLES, contracted into one vertex each. */
static collab_status bubbles(map_job *job, collab_error *err)
{
    const collab_partition *p = job->src->partition;
    size_t min_members = (size_t)ceil(0.001 * (double)p->n);
    min_members = min_members < 3 ? 3 : min_members;
    uint32_t *bubble_of = collab_alloc_array(p->n_communities + 1, sizeof *bubble_of);
    uint32_t *group = collab_alloc_array(p->n + 1, sizeof *group);
    job->bubble_size = collab_alloc_array(p->n_communities + 1, sizeof(double));
    job->bubble_members = collab_alloc_array(p->n_communities + 1, sizeof(size_t));
    collab_status st = COLLAB_OK;
    if (bubble_of == NULL || group == NULL || job->bubble_size == NULL ||
        job->bubble_members == NULL) {
        st = collab_error_nomem(err, "drawing the map");
    }
    for (size_t c = 0; st == COLLAB_OK && c < p->n_communities; c++) {
        bool keep = c < COLLAB_MAP_MAX_BUBBLES && (p->sizes[c] >= min_members || c == 0);
        bubble_of[c] = keep ? (uint32_t)job->n_bubbles : UINT32_MAX;
        if (keep) {
            job->bubble_size[job->n_bubbles] = (double)p->sizes[c];
            job->bubble_members[job->n_bubbles++] = p->sizes[c];
            job->bubble_coverage += p->sizes[c];
        }
    }
    for (size_t v = 0; st == COLLAB_OK && v < p->n; v++) {
        group[v] = bubble_of[p->membership[v]];
    }
    if (st == COLLAB_OK) {
        st = collab_graph_contract(&job->community_level, job->src->graph, group, job->n_bubbles,
                                   (const char *const *)job->arrays.legend_text, err);
    }
    collab_free(bubble_of);
    collab_free(group);
    return st;
}

static collab_status choose_level(map_job *job, collab_error *err)
{
    size_t n = collab_graph_vertex_count(job->src->graph);
    collab_map_level level = job->mo->level;
    job->by_community = level == COLLAB_MAP_LEVEL_COMMUNITIES ||
                        (level == COLLAB_MAP_LEVEL_AUTO && n > COLLAB_MAP_NODE_LIMIT);
    job->drawn = job->src->graph;
    job->size = job->src->metrics->values[job->mo->size_by];
    if (!job->by_community) {
        return COLLAB_OK;
    }
    collab_status st = bubbles(job, err);
    if (st == COLLAB_OK && level == COLLAB_MAP_LEVEL_AUTO) {
        snprintf(job->notice, sizeof job->notice,
                 "%zu nodes are too many to label: drawing the %zu largest of %zu communities "
                 "(--level nodes to draw every node)",
                 n, job->n_bubbles, job->src->partition->n_communities);
    }
    job->drawn = &job->community_level;
    job->size = job->bubble_size;
    return st;
}

static collab_status lay_out(map_job *job, double aspect, const double *radius, collab_error *err)
{
    const collab_map_extras *x = job->extras;
    if (x->fixed_x != NULL && !job->by_community) {
        return collab_i_map_layout_given(&job->layout, collab_graph_vertex_count(job->drawn),
                                         x->fixed_x, x->fixed_y, aspect, err);
    }
    bool band = job->band.active && !job->by_community;
    if (job->mo->layout_from != NULL && !job->by_community) {
        collab_status st = collab_i_map_layout_from(&job->layout, job->mo->layout_from, job->drawn,
                                                    aspect, &job->layout_matched, err);
        if (st != COLLAB_OK || job->layout_matched > 0) {
            return st;
        }
    }
    collab_layout_options lo;
    collab_layout_options_init(&lo);
    lo.method = job->mo->layout;
    lo.seed = job->mo->seed;
    lo.aspect = aspect;
    lo.radius = radius;
    lo.threads = job->mo->threads;
    if (!job->by_community && job->community_pull > 1.0) {
        /* the pull the subtitle states, for the whole graph even when it is laid out in parts */
        lo.group = job->src->partition->membership;
        lo.group_pull = job->community_pull;
        lo.group_chance = job->chance;
    }
    lo.progress = job->mo->progress;
    lo.progress_data = job->mo->progress_data;
    if (job->initial_x != NULL && !job->by_community) {
        lo.initial_x = job->initial_x;
        lo.initial_y = job->initial_y;
    }
    if (band) {
        return collab_i_map_band_layout(&job->layout, &job->band, job->drawn, job->src->list, &lo,
                                        radius, err);
    }
    return collab_layout_compute(&job->layout, job->drawn, &lo, err);
}

/* The scene sizes discs in page units from the size metric and the plot box alone, so a
 * scene built with every node at one point (and no labels) gives the radii and the plot. The
 * layout fills a box of the plot's aspect with height 1, which the scene maps onto the plot's
 * height minus the largest disc at each end: that fixes the layout's disc radii, so a single
 * layout pass keeps the discs it will really be drawn with apart (10% margin). */
#define SPECK_AREA_SHARE 0.25

static collab_status plan_discs(const collab_scene_input *si, double *aspect, double *radius,
                                collab_error *err)
{
    size_t n = si->n_nodes;
    double *zero = collab_calloc_array(n + 1, sizeof *zero);
    if (zero == NULL) {
        return collab_error_nomem(err, "drawing the map");
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
    /* Discs at the smallest radius a page draws are specks: when so many of them would cover
     * more than SPECK_AREA_SHARE of the plot, no layout can keep them apart (313,000 specks
     * would cover 77% of a default plot), and trying walked each one out through the crowd for
     * minutes. Then only the larger discs are kept apart (specks are still pushed out from
     * under them), and the specks show the density. */
    double floor_area = 0;
    for (size_t v = 0; v < n; v++) {
        floor_area += scene.nodes[v].radius <= COLLAB_SCENE_MIN_RADIUS ? 1.0 : 0.0;
    }
    floor_area *= 3.141592653589793 * COLLAB_SCENE_MIN_RADIUS * COLLAB_SCENE_MIN_RADIUS;
    bool specks = floor_area > SPECK_AREA_SHARE * scene.plot.w * scene.plot.h;
    for (size_t v = 0; v < n; v++) {
        bool speck = specks && scene.nodes[v].radius <= COLLAB_SCENE_MIN_RADIUS;
        radius[v] = speck ? 0.0 : 1.1 * scene.nodes[v].radius / height;
    }
    collab_scene_destroy(&scene);
    return COLLAB_OK;
}

static collab_status colours(map_job *job, collab_scene_input *si, collab_error *err)
{
    const collab_map_options *mo = job->mo;
    collab_i_map_arrays *a = &job->arrays;
    si->color_mode = COLLAB_COLOR_COMMUNITY;
    if (job->by_community || mo->color_by == COLLAB_MAP_COLOR_COMMUNITY) {
        a->category =
            collab_alloc_array(collab_graph_vertex_count(job->drawn) + 1, sizeof(uint32_t));
        if (a->category == NULL) {
            return collab_error_nomem(err, "drawing the map");
        }
        for (size_t v = 0; v < collab_graph_vertex_count(job->drawn); v++) {
            a->category[v] = job->by_community ? (uint32_t)v : job->src->partition->membership[v];
        }
        si->community = a->category;
        si->members = job->by_community ? job->bubble_members : NULL;
        si->legend = a->legend;
        si->n_legend = job->by_community ? job->n_bubbles : a->n_legend;
        return COLLAB_OK;
    }
    if (mo->color_by == COLLAB_MAP_COLOR_NONE) {
        si->show_legend = false;
        return COLLAB_OK;
    }
    if (mo->color_by == COLLAB_MAP_COLOR_METRIC) {
        si->color_mode = COLLAB_COLOR_NUMERIC;
        si->value = job->src->metrics->values[mo->color_metric];
        si->value_label = collab_metric_name(mo->color_metric);
        return COLLAB_OK;
    }
    /* year and role replace the community captions */
    collab_i_map_legend_free(a);
    if (mo->color_by == COLLAB_MAP_COLOR_YEAR) {
        si->color_mode = COLLAB_COLOR_NUMERIC;
        si->value_label = "year";
        si->missing_label = "undated";
        collab_status st = collab_i_map_person_years(job->src->graph, job->src->list, a, err);
        si->value = a->value;
        return st;
    }
    collab_status st = collab_i_map_person_roles(job->src->graph, job->src->list, a, err);
    si->community = a->category;
    si->legend = a->legend;
    si->n_legend = a->n_legend;
    si->category_title = "Main role";
    si->every_category = true;
    return st;
}

static void fill_scene_input(map_job *job, collab_scene_input *si, collab_render_measurer *measurer)
{
    const collab_map_options *mo = job->mo;
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
    si->title = mo->title != NULL ? mo->title : collab_text_base_name(job->src->list->source);
    si->subtitle = job->subtitle;
    si->max_labels = mo->labels;
    si->label_chars = mo->label_chars;
    si->list_labels = job->by_community; /* bubbles are named by their members */
    si->measure = collab_render_measure_text;
    si->measure_ctx = measurer;
    if (!job->by_community) {
        si->unlabelled = job->band.active ? job->band.unlabelled : NULL;
        si->emphasis = job->extras->emphasis;
        si->centre = job->extras->centre;
        si->legend_row = job->extras->legend_row;
        si->square_plot = job->extras->square_plot;
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
    const collab_map_extras *x = job->extras;
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
        return collab_error_nomem(err, "drawing the map");
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
        return collab_error_nomem(err, "drawing the map");
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

static collab_status draw(map_job *job, collab_map *map, collab_error *err)
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

/* The map's quality measures into the scene (`seconds`: the map's time so far). */
static collab_status measure(const map_job *job, collab_scene *scene, double seconds,
                             collab_error *err)
{
    const uint32_t *community = job->by_community ? NULL : job->src->partition->membership;
    collab_status st =
        collab_map_quality_measure(&scene->quality, scene, collab_graph_vertex_count(job->drawn),
                                   collab_graph_edge_count(job->drawn), job->arrays.from,
                                   job->arrays.to, community, job->mo->seed, err);
    if (st == COLLAB_OK) {
        scene->quality.map_seconds = seconds;
        scene->has_quality = true;
    }
    return st;
}

/* Which scene node draws each vertex of the source graph, when some are left out. */
static collab_status number_nodes(const collab_i_map_scope *scope, size_t n, collab_map *map,
                                  collab_error *err)
{
    map->node_of_vertex = collab_alloc_array(n + 1, sizeof *map->node_of_vertex);
    if (map->node_of_vertex == NULL) {
        return collab_error_nomem(err, "drawing the map");
    }
    memset(map->node_of_vertex, 0xff, (n + 1) * sizeof *map->node_of_vertex);
    for (size_t i = 0; i < scope->n_kept; i++) {
        map->node_of_vertex[scope->kept[i]] = (uint32_t)i;
    }
    map->components_left = scope->components_left;
    map->nodes_left = scope->nodes_left;
    return COLLAB_OK;
}

collab_status collab_map_build(collab_map *out, const collab_map_source *src,
                               const collab_map_options *mo, const collab_map_extras *extras,
                               collab_error *err)
{
    static const collab_map_extras none = {.centre = -1};
    double t0 = collab_clock_seconds();
    map_job job;
    memset(&job, 0, sizeof job);
    job.src = src;
    job.mo = mo;
    job.extras = extras != NULL ? extras : &none;
    collab_map map;
    memset(&map, 0, sizeof map);
    size_t n_source = collab_graph_vertex_count(src->graph);
    bool node_level = mo->level == COLLAB_MAP_LEVEL_NODES ||
                      (mo->level == COLLAB_MAP_LEVEL_AUTO && n_source <= COLLAB_MAP_NODE_LIMIT);
    /* Ego and path maps (emphasis, a centre, fixed positions) draw the sub-graph they are given
     * whole; a warm-started map (slices) keeps the scope of `collab map`, its warm start cut to
     * the vertices kept. */
    collab_i_map_scope scope;
    memset(&scope, 0, sizeof scope);
    collab_status st = COLLAB_OK;
    bool whole = extras != NULL &&
                 (extras->emphasis != NULL || extras->centre >= 0 || extras->fixed_x != NULL);
    job.initial_x = job.extras->initial_x;
    job.initial_y = job.extras->initial_y;
    if (node_level && !mo->all_components && !whole) {
        st = collab_i_map_scope_build(&scope, src, err);
        if (st == COLLAB_OK && scope.active) {
            job.src = src = &scope.src;
        }
    }
    if (st == COLLAB_OK && scope.active && job.initial_x != NULL) {
        job.scoped_initial = collab_alloc_array(2 * scope.n_kept + 1, sizeof *job.scoped_initial);
        if (job.scoped_initial == NULL) {
            st = collab_error_nomem(err, "drawing the map");
        } else {
            for (size_t i = 0; i < scope.n_kept; i++) {
                job.scoped_initial[i] = job.initial_x[scope.kept[i]];
                job.scoped_initial[scope.n_kept + i] = job.initial_y[scope.kept[i]];
            }
            job.initial_x = job.scoped_initial;
            job.initial_y = job.scoped_initial + scope.n_kept;
        }
    }
    job.scope = &scope;
    if (st == COLLAB_OK && node_level && mo->all_components && mo->band && !whole &&
        mo->layout_from == NULL && job.initial_x == NULL) {
        st = collab_i_map_band_build(&job.band, src->graph, src->metrics->values[mo->size_by], err);
    }
    if (st == COLLAB_OK) {
        st = collab_i_map_community_legend(src->graph, src->partition,
                                           src->metrics->values[mo->size_by], &job.arrays, err);
    }
    if (st == COLLAB_OK) {
        st = choose_level(&job, err);
    }
    if (st == COLLAB_OK) {
        st = fill_edges(job.drawn, &job.arrays, err);
    }
    job.community_pull = 1.0;
    if (st == COLLAB_OK && !job.by_community && mo->layout == COLLAB_LAYOUT_FA2 &&
        job.extras->fixed_x == NULL && mo->layout_from == NULL) {
        st = collab_layout_group_pull(job.drawn, src->partition->membership, mo->community_pull,
                                      0.0, &job.community_pull, err);
        if (st == COLLAB_OK && mo->community_pull == 0.0 && job.community_pull > 1.0) {
            /* automatic: only as far as the partition beats what a shuffle of the graph gives */
            collab_community_options chance_opt;
            collab_community_options_init(&chance_opt);
            chance_opt.seed = mo->seed;
            st = collab_community_chance_modularity(job.drawn, &chance_opt, &job.chance, err);
            st = st == COLLAB_OK
                     ? collab_layout_group_pull(job.drawn, src->partition->membership, 0.0,
                                                job.chance, &job.community_pull, err)
                     : st;
        }
    }
    if (st == COLLAB_OK) {
        collab_i_map_caption caption = {job.src,
                                        job.mo,
                                        job.extras->subtitle,
                                        job.by_community,
                                        job.n_bubbles,
                                        job.bubble_coverage,
                                        job.community_pull,
                                        job.scope,
                                        &job.band};
        collab_i_map_subtitle(&caption, job.subtitle, sizeof job.subtitle);
        st = draw(&job, &map, err);
    }
    if (st == COLLAB_OK && mo->quality) {
        st = measure(&job, &map.scene, collab_clock_seconds() - t0, err);
    }
    if (st == COLLAB_OK) {
        map.layout = job.layout;
        memset(&job.layout, 0, sizeof job.layout);
        map.by_community = job.by_community;
        map.n_drawn = collab_graph_vertex_count(job.drawn);
        map.method = mo->layout;
        memcpy(map.notice, job.notice, sizeof map.notice);
        map.layout_matched = job.layout_matched;
        map.n_vertices = n_source;
        st = scope.active ? number_nodes(&scope, n_source, &map, err) : COLLAB_OK;
    }
    collab_i_map_scope_destroy(&scope);
    collab_i_map_band_destroy(&job.band);
    collab_free(job.scoped_initial);
    collab_layout_destroy(&job.layout);
    collab_graph_destroy(&job.community_level);
    collab_free(job.bubble_size);
    collab_free(job.bubble_members);
    collab_i_map_arrays_free(&job.arrays);
    ghost_arrays_free(&job.ghosts);
    if (st == COLLAB_OK) {
        *out = map;
    } else {
        collab_map_destroy(&map);
    }
    return st;
}

void collab_map_destroy(collab_map *map)
{
    if (map == NULL) {
        return;
    }
    collab_scene_destroy(&map->scene);
    collab_layout_destroy(&map->layout);
    collab_free(map->node_of_vertex);
    memset(map, 0, sizeof *map);
}
