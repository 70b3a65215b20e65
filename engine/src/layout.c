/* The layout module's entry point: checks the options, cuts the graph into components, lays out
 * each with the chosen method (ForceAtlas2 here in the engine, or igraph's layouts), has them
 * packed and separated (layout_pack.c), and normalises the result into the page box.
 *
 * Weights are divided by their mean so that the count, Newman and Jaccard weightings, whose
 * values differ by orders of magnitude, give the same balance of attraction and repulsion. */
#include "collab/layout.h"

#include "collab/alloc.h"
#include "collab/clock.h"

#include <math.h>
#include <string.h>

#include <igraph.h>

#include "layout_internal.h"

void collab_layout_options_init(collab_layout_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->method = COLLAB_LAYOUT_FA2;
    opt->seed = COLLAB_LAYOUT_DEFAULT_SEED;
    opt->aspect = 1.0;
    opt->prevent_overlap = true;
    opt->linlog = true;
    opt->gravity = 1.0;
    opt->scaling = 2.0;
}

static const char *const method_names[] = {"fa2", "fr", "kk", "drl", "circle"};
_Static_assert(sizeof method_names / sizeof method_names[0] == COLLAB_LAYOUT_METHOD_COUNT,
               "one name per collab_layout_method");

bool collab_layout_method_parse(const char *text, collab_layout_method *method)
{
    for (size_t i = 0; i < sizeof method_names / sizeof method_names[0]; i++) {
        if (strcmp(text, method_names[i]) == 0) {
            *method = (collab_layout_method)i;
            return true;
        }
    }
    if (strcmp(text, "forceatlas2") == 0) {
        *method = COLLAB_LAYOUT_FA2;
        return true;
    }
    return false;
}

const char *collab_layout_method_name(collab_layout_method method)
{
    if ((size_t)method < sizeof method_names / sizeof method_names[0]) {
        return method_names[method];
    }
    return NULL;
}

const double *collab_layout_x(const collab_layout *layout)
{
    return &MATRIX(layout->xy, 0, 0);
}

const double *collab_layout_y(const collab_layout *layout)
{
    return &MATRIX(layout->xy, 0, 1);
}

void collab_layout_destroy(collab_layout *layout)
{
    if (layout == NULL) {
        return;
    }
    igraph_matrix_destroy(&layout->xy); /* NULL-safe on a zeroed matrix */
    memset(layout, 0, sizeof *layout);
}

static bool all_finite(const double *v, size_t n, bool nonnegative)
{
    for (size_t i = 0; v != NULL && i < n; i++) {
        if (!isfinite(v[i]) || (nonnegative && v[i] < 0.0)) {
            return false;
        }
    }
    return true;
}

static collab_status check_options(const collab_layout_options *o, size_t n, collab_error *err)
{
    if ((size_t)o->method >= sizeof method_names / sizeof method_names[0]) {
        return collab_error_set(err, COLLAB_E_USAGE, "unknown layout method %d", (int)o->method);
    }
    if (!isfinite(o->aspect) || o->aspect <= 0.0) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "layout aspect ratio '%g' is not a positive number", o->aspect);
    }
    if (!isfinite(o->gravity) || o->gravity < 0.0) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "layout gravity '%g' is not a non-negative number", o->gravity);
    }
    if (!isfinite(o->scaling) || o->scaling <= 0.0) {
        return collab_error_set(err, COLLAB_E_USAGE, "layout scaling '%g' is not a positive number",
                                o->scaling);
    }
    if (!isfinite(o->group_pull) || (o->group_pull != 0.0 && o->group_pull < 1.0)) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "community pull '%g' is not 0 (automatic) or a number >= 1",
                                o->group_pull);
    }
    if (!(o->group_chance >= 0.0 && o->group_chance < 1.0)) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "chance modularity '%g' is not a number from 0 to below 1",
                                o->group_chance);
    }
    if (o->threads < 0) {
        return collab_error_set(err, COLLAB_E_USAGE, "layout threads '%d' is negative", o->threads);
    }
    if (!all_finite(o->radius, n, true)) {
        return collab_error_set(err, COLLAB_E_USAGE, "a node radius is negative or not a number");
    }
    if ((o->initial_x == NULL) != (o->initial_y == NULL)) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "'initial_x' and 'initial_y' must be given together");
    }
    if (!all_finite(o->initial_x, n, false) || !all_finite(o->initial_y, n, false)) {
        return collab_error_set(err, COLLAB_E_USAGE, "an initial position is not a number");
    }
    return COLLAB_OK;
}

/* The graph's edges with the weights checked and divided by their mean (self-loops keep their
 * place but are ignored). */
typedef struct edge_input {
    igraph_vector_int_t ends; /* 2m vertex ids */
    double *weight;           /* m normalised weights, > 0 */
    size_t n_edges;           /* m */
} edge_input;

/* The automatic pull from the share s of the pull inside communities, their modularity q and what
 * a partition reaches by chance: the factor p that brings the share inside, p s / (p s + 1 - s),
 * to COLLAB_LAYOUT_GROUP_SHARE (1 when it is there already or no edge lies inside), at most 1 +
 * COLLAB_LAYOUT_GROUP_PULL_PER_ODDS x / (1 - x) for x = (q - chance) / (1 - chance), so that a
 * partition that holds no more than chance (a random graph's) is not drawn as regions. */
static double share_pull(double inside, double all, double q, double chance)
{
    double t = COLLAB_LAYOUT_GROUP_SHARE;
    double x = chance < 1.0 ? (q - chance) / (1.0 - chance) : 0.0;
    if (inside <= 0.0 || inside >= t * all || x <= 0.0) {
        return 1.0;
    }
    double bound = x < 1.0 ? 1.0 + COLLAB_LAYOUT_GROUP_PULL_PER_ODDS * x / (1.0 - x) : INFINITY;
    double pull = t * (all - inside) / (inside * (1.0 - t));
    return fmax(1.0, fmin(pull, bound));
}

/* Applies the community pull `pull` (see collab_layout_options.group) to the normalised weights
 * and divides them by their mean again. */
static void edges_pull_groups(edge_input *in, const uint32_t *group, double pull)
{
    if (group == NULL || pull == 1.0) {
        return;
    }
    double sum = 0.0;
    size_t counted = 0;
    for (size_t e = 0; e < in->n_edges; e++) {
        igraph_integer_t a = VECTOR(in->ends)[2 * e], b = VECTOR(in->ends)[2 * e + 1];
        if (group[a] == group[b]) {
            in->weight[e] *= pull;
        }
        if (a != b) {
            sum += in->weight[e];
            counted++;
        }
    }
    double mean = counted > 0 ? sum / (double)counted : 1.0;
    for (size_t e = 0; e < in->n_edges; e++) {
        in->weight[e] /= mean;
    }
}

static collab_status edges_read(edge_input *in, const collab_graph *g, collab_error *err)
{
    size_t m = collab_graph_edge_count(g);
    bool weighted = (size_t)igraph_vector_size(&g->weights) == m;
    int rc = igraph_vector_int_init(&in->ends, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_get_edgelist(&g->graph, &in->ends, false);
        if (rc != IGRAPH_SUCCESS) {
            igraph_vector_int_destroy(&in->ends);
        }
    }
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "computing the layout");
    }
    in->n_edges = m;
    in->weight = collab_alloc_array(m, sizeof *in->weight);
    if (in->weight == NULL) {
        igraph_vector_int_destroy(&in->ends);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    double sum = 0.0;
    size_t counted = 0;
    for (size_t e = 0; e < m; e++) {
        double w = weighted ? VECTOR(g->weights)[e] : 1.0;
        if (!isfinite(w) || w < 0.0) {
            igraph_vector_int_destroy(&in->ends);
            collab_free(in->weight);
            return collab_error_set(err, COLLAB_E_INPUT,
                                    "edge %zu has weight '%g': the layout needs weights >= 0", e,
                                    w);
        }
        in->weight[e] = w;
        if (VECTOR(in->ends)[2 * e] != VECTOR(in->ends)[2 * e + 1]) {
            sum += w;
            counted++;
        }
    }
    double mean = counted > 0 && sum > 0.0 ? sum / (double)counted : 1.0;
    for (size_t e = 0; e < m; e++) {
        /* igraph's layouts refuse zero weights; a negligible pull is the same drawing. */
        in->weight[e] = fmax(in->weight[e] / mean, 1e-12);
    }
    return COLLAB_OK;
}

static void edges_destroy(edge_input *in)
{
    igraph_vector_int_destroy(&in->ends);
    collab_free(in->weight);
    memset(in, 0, sizeof *in);
}

collab_status collab_layout_group_pull(const collab_graph *g, const uint32_t *group, double asked,
                                       double chance, double *pull, collab_error *err)
{
    if (asked > 0.0) {
        *pull = asked;
        return COLLAB_OK;
    }
    /* The graph's edges read in place with the layout's normalised weights (the layout copies
     * them once more; at a million nodes a copy is 100 MB). */
    size_t n = collab_graph_vertex_count(g);
    size_t m = collab_graph_edge_count(g);
    uint32_t groups = 0;
    for (size_t v = 0; v < n; v++) {
        groups = group[v] >= groups ? group[v] + 1 : groups;
    }
    /* per community: the sum of its members' strengths, for the modularity */
    double *strength = collab_calloc_array((size_t)groups + 1, sizeof *strength);
    if (strength == NULL) {
        return collab_error_nomem(err, "laying out the graph");
    }
    bool weighted = (size_t)igraph_vector_size(&g->weights) == m;
    double sum = 0.0;
    size_t counted = 0;
    for (size_t e = 0; e < m; e++) {
        double w = weighted ? VECTOR(g->weights)[e] : 1.0;
        if (!isfinite(w) || w < 0.0) {
            collab_free(strength);
            return collab_error_set(err, COLLAB_E_INPUT,
                                    "edge %zu has weight '%g': the layout needs weights >= 0", e,
                                    w);
        }
        if (IGRAPH_FROM(&g->graph, e) != IGRAPH_TO(&g->graph, e)) {
            sum += w;
            counted++;
        }
    }
    double mean = counted > 0 && sum > 0.0 ? sum / (double)counted : 1.0;
    double inside = 0.0, all = 0.0;
    for (size_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(&g->graph, e), b = IGRAPH_TO(&g->graph, e);
        if (a != b) {
            double w = fmax((weighted ? VECTOR(g->weights)[e] : 1.0) / mean, 1e-12);
            all += w;
            inside += group[a] == group[b] ? w : 0.0;
            strength[group[a]] += w;
            strength[group[b]] += w;
        }
    }
    /* modularity: the share inside less the share expected from the strengths alone */
    double expected = 0.0;
    for (uint32_t c = 0; c < groups && all > 0.0; c++) {
        expected += (strength[c] / (2.0 * all)) * (strength[c] / (2.0 * all));
    }
    collab_free(strength);
    *pull = all > 0.0 ? share_pull(inside, all, inside / all - expected, chance) : 1.0;
    return COLLAB_OK;
}

static void fa2_params_from(collab_i_fa2_params *fp, const collab_layout_options *o)
{
    collab_i_fa2_params_init(fp);
    fp->scaling = o->scaling;
    fp->gravity = o->gravity;
    fp->linlog = o->linlog;
    fp->strong_gravity = o->strong_gravity;
    fp->dissuade_hubs = o->dissuade_hubs;
    fp->parallel = o->threads != 1;
}

static collab_i_fa2_graph part_graph(const collab_i_layout_parts *lp, size_t p)
{
    size_t v = lp->vstart[p], e = lp->estart[p];
    return (collab_i_fa2_graph){lp->vstart[p + 1] - v, lp->estart[p + 1] - e,
                                lp->from + e,          lp->to + e,
                                lp->weight + e,        lp->mass + v};
}

/* Iterations of a warm-started run or a settling phase, when left to us. */
static size_t polish_iterations(const collab_i_fa2_graph *g, size_t asked)
{
    if (asked > 0) {
        return asked;
    }
    double work = (double)g->n_vertices + 0.25 * (double)g->n_edges;
    return (size_t)fmax(10.0, fmin(100.0, 5e5 / fmax(work, 1.0)));
}

/* Warm start: the caller's positions plus a millionth of their extent of seeded jitter, which
 * separates coincident nodes (their mutual repulsion has no direction otherwise). */
static void warm_positions(collab_i_layout_parts *lp, size_t p, const collab_layout_options *o)
{
    size_t v0 = lp->vstart[p], v1 = lp->vstart[p + 1];
    double lo = INFINITY, hi = -INFINITY;
    uint64_t rng = o->seed;
    for (size_t k = v0; k < v1; k++) {
        lp->x[k] = o->initial_x[lp->vertices[k]];
        lp->y[k] = o->initial_y[lp->vertices[k]];
        lo = fmin(lo, fmin(lp->x[k], lp->y[k]));
        hi = fmax(hi, fmax(lp->x[k], lp->y[k]));
    }
    double eps = hi > lo ? 1e-6 * (hi - lo) : 1e-6;
    for (size_t k = v0; k < v1; k++) {
        lp->x[k] += eps * (2.0 * collab_i_splitmix_unit(&rng) - 1.0);
        lp->y[k] += eps * (2.0 * collab_i_splitmix_unit(&rng) - 1.0);
    }
}

static collab_status fa2_part(collab_i_layout_parts *lp, size_t p, const collab_layout_options *o,
                              const collab_i_fa2_params *fp, collab_error *err)
{
    collab_i_fa2_graph g = part_graph(lp, p);
    double *x = lp->x + lp->vstart[p], *y = lp->y + lp->vstart[p];
    if (o->initial_x == NULL && g.n_vertices == 2) {
        x[0] = -0.5; /* a dyad needs no forces; level, it packs into neat rows */
        x[1] = 0.5;
        y[0] = y[1] = 0.0;
        return COLLAB_OK;
    }
    if (o->initial_x == NULL) {
        /* A stream per part: splitmix64 decorrelates neighbouring seeds. */
        return collab_i_fa2_best_of(&g, fp, o->seed + p, o->iterations, COLLAB_I_LAYOUT_TRIALS, x,
                                    y, err);
    }
    collab_i_fa2_rescale(&g, fp, x, y);
    return collab_i_fa2_run(&g, fp, polish_iterations(&g, o->iterations), x, y, NULL, err);
}

static igraph_error_t run_igraph_method(const igraph_t *graph, igraph_matrix_t *res,
                                        const igraph_vector_t *w, const collab_layout_options *o,
                                        bool warm)
{
    igraph_integer_t n = igraph_vcount(graph);
    igraph_layout_drl_options_t drl;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o->seed);
    switch (o->method) {
    case COLLAB_LAYOUT_FR:
        return igraph_layout_fruchterman_reingold(
            graph, res, warm, o->iterations > 0 ? (igraph_integer_t)o->iterations : 500,
            sqrt((double)n) / 10.0, IGRAPH_LAYOUT_AUTOGRID, w, NULL, NULL, NULL, NULL);
    case COLLAB_LAYOUT_KK:
        /* Weights would be edge lengths here, the opposite of collaboration strength. */
        return igraph_layout_kamada_kawai(
            graph, res, warm, o->iterations > 0 ? (igraph_integer_t)o->iterations : 50 * n, 0.0,
            (double)n, NULL, NULL, NULL, NULL, NULL);
    case COLLAB_LAYOUT_DRL: {
        igraph_error_t rc = igraph_layout_drl_options_init(&drl, IGRAPH_LAYOUT_DRL_DEFAULT);
        return rc != IGRAPH_SUCCESS ? rc : igraph_layout_drl(graph, res, warm, &drl, w);
    }
    default:
        return IGRAPH_EINVAL;
    }
}

/* Builds part p as an igraph graph and runs igraph's layout on it. */
static collab_status igraph_part(collab_i_layout_parts *lp, size_t p,
                                 const collab_layout_options *o, collab_error *err)
{
    size_t v0 = lp->vstart[p], n = lp->vstart[p + 1] - v0, e0 = lp->estart[p];
    size_t m = lp->estart[p + 1] - e0;
    bool warm = o->initial_x != NULL;
    if (o->method == COLLAB_LAYOUT_KK && n > COLLAB_LAYOUT_KK_MAX) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "a component of %zu vertices is too large for the 'kk' layout "
                                "(at most %d); use 'fa2'",
                                n, COLLAB_LAYOUT_KK_MAX);
    }
    igraph_vector_int_t ends;
    igraph_t graph;
    igraph_matrix_t res;
    igraph_vector_t wview = {0}; /* filled by igraph_vector_view despite its const argument */
    const igraph_vector_t *w =
        m > 0 ? igraph_vector_view(&wview, lp->weight + e0, (igraph_integer_t)m) : NULL;
    int rc = igraph_vector_int_init(&ends, (igraph_integer_t)(2 * m));
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "computing the layout");
    }
    for (size_t e = 0; e < m; e++) {
        VECTOR(ends)[2 * e] = lp->from[e0 + e];
        VECTOR(ends)[2 * e + 1] = lp->to[e0 + e];
    }
    rc = igraph_create(&graph, &ends, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ends);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "computing the layout");
    }
    rc = igraph_matrix_init(&res, (igraph_integer_t)n, 2);
    if (rc == IGRAPH_SUCCESS) {
        for (size_t k = 0; k < n; k++) {
            MATRIX(res, k, 0) = lp->x[v0 + k];
            MATRIX(res, k, 1) = lp->y[v0 + k];
        }
        rc = run_igraph_method(&graph, &res, w, o, warm);
        for (size_t k = 0; rc == IGRAPH_SUCCESS && k < n; k++) {
            lp->x[v0 + k] = MATRIX(res, k, 0);
            lp->y[v0 + k] = MATRIX(res, k, 1);
        }
        igraph_matrix_destroy(&res);
    }
    igraph_destroy(&graph);
    return collab_error_from_igraph(err, rc, "computing the layout");
}

/* Scales the positions uniformly into [0, aspect] x [0, 1], centred, and writes them to the output
 * rows of the grouped vertices (vertices NULL: in order). */
static void normalise(collab_layout *out, const uint32_t *vertices, const double *px,
                      const double *py, size_t n)
{
    double fit = collab_i_layout_fit(px, py, n, out->aspect);
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (size_t k = 0; k < n; k++) {
        xmin = fmin(xmin, px[k]);
        xmax = fmax(xmax, px[k]);
        ymin = fmin(ymin, py[k]);
        ymax = fmax(ymax, py[k]);
    }
    double ox = 0.5 * (out->aspect - fit * (xmax - xmin)), oy = 0.5 * (1.0 - fit * (ymax - ymin));
    for (size_t k = 0; k < n; k++) {
        size_t v = vertices != NULL ? vertices[k] : k;
        /* Clamped against rounding only: fit already makes the box fit. */
        MATRIX(out->xy, v, 0) = fmin(out->aspect, fmax(0.0, ox + fit * (px[k] - xmin)));
        MATRIX(out->xy, v, 1) = fmin(1.0, fmax(0.0, oy + fit * (py[k] - ymin)));
    }
}

static collab_status layout_circle(collab_layout *out, const collab_graph *g, collab_error *err)
{
    igraph_matrix_t res;
    int rc = igraph_matrix_init(&res, 0, 2);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_layout_circle(&g->graph, &res, igraph_vss_all());
        if (rc == IGRAPH_SUCCESS) {
            normalise(out, NULL, &MATRIX(res, 0, 0), &MATRIX(res, 0, 1), out->n);
        }
        igraph_matrix_destroy(&res);
    }
    return collab_error_from_igraph(err, rc, "computing the layout");
}

/* The work of laying out every part and of the final polish, for the progress display. */
static double estimate_work(const collab_i_layout_parts *lp, const collab_layout_options *o)
{
    double total = 0.0;
    for (size_t p = 0; p < lp->n_parts; p++) {
        collab_i_fa2_graph g = part_graph(lp, p);
        if (g.n_vertices <= 2) {
            continue;
        }
        total += o->initial_x == NULL
                     ? collab_i_fa2_multilevel_estimate(&g, o->iterations)
                     : (double)polish_iterations(&g, o->iterations) * collab_i_fa2_work(&g);
    }
    return total;
}

/* Lays out every part, then arranges them and normalises into `out`. */
static collab_status layout_parts(collab_layout *out, collab_i_layout_parts *lp,
                                  const collab_layout_options *o, collab_error *err)
{
    collab_status st = COLLAB_OK;
    collab_i_fa2_params fp;
    fa2_params_from(&fp, o);
    collab_i_meter meter = {o->progress, o->progress_data, 0.0, 0.0, 0, collab_clock_seconds(), ""};
    if (o->progress != NULL && o->method == COLLAB_LAYOUT_FA2) {
        meter.total = estimate_work(lp, o);
        snprintf(meter.message, sizeof meter.message, "layout: %zu nodes",
                 lp->vstart[lp->n_parts + 1]);
        fp.meter = &meter;
    }
    for (size_t p = 0; p < lp->n_parts && st == COLLAB_OK; p++) {
        if (o->initial_x != NULL) {
            warm_positions(lp, p, o);
        }
        st = o->method == COLLAB_LAYOUT_FA2 ? fa2_part(lp, p, o, &fp, err)
                                            : igraph_part(lp, p, o, err);
    }
    size_t n = lp->vstart[lp->n_parts + 1];
    double *px = collab_alloc_array(n, sizeof *px), *py = collab_alloc_array(n, sizeof *py);
    if (st == COLLAB_OK && (px == NULL || py == NULL)) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    if (st == COLLAB_OK) {
        collab_i_fa2_graph main = lp->n_parts > 0 ? part_graph(lp, 0) : (collab_i_fa2_graph){0};
        collab_i_arrange a = {o->aspect, o->prevent_overlap,
                              o->method == COLLAB_LAYOUT_FA2 ? &fp : NULL,
                              polish_iterations(&main, o->iterations / 2)};
        st = collab_i_layout_arrange(lp, &a, px, py, err);
        if (st == COLLAB_OK) {
            normalise(out, lp->vertices, px, py, n);
        }
    }
    if (st == COLLAB_OK && fp.meter != NULL) {
        meter.fn(meter.message, 100.0, meter.data);
    }
    collab_free(px);
    collab_free(py);
    return st;
}

static collab_status layout_graph(collab_layout *out, const collab_graph *g,
                                  const collab_layout_options *o, collab_error *err)
{
    edge_input in;
    collab_i_layout_parts lp;
    out->group_pull = 1.0;
    collab_status st = COLLAB_OK;
    if (o->group != NULL && o->method == COLLAB_LAYOUT_FA2) {
        st = collab_layout_group_pull(g, o->group, o->group_pull, o->group_chance, &out->group_pull,
                                      err);
    }
    st = st == COLLAB_OK ? edges_read(&in, g, err) : st;
    if (st != COLLAB_OK) {
        return st;
    }
    edges_pull_groups(&in, o->group, out->group_pull);
    /* A warm start keeps components where the caller put them: one part, no packing. */
    st = collab_i_layout_parts_build(&lp, g, &in.ends, in.weight, o->radius,
                                     COLLAB_LAYOUT_DEFAULT_RADIUS(out->n, o->aspect),
                                     o->initial_x != NULL, err);
    edges_destroy(&in);
    if (st == COLLAB_OK) {
        st = layout_parts(out, &lp, o, err);
        collab_i_layout_parts_destroy(&lp);
    }
    return st;
}

collab_status collab_layout_compute(collab_layout *out, const collab_graph *g,
                                    const collab_layout_options *opt, collab_error *err)
{
    collab_layout_options defaults;
    if (opt == NULL) {
        collab_layout_options_init(&defaults);
        opt = &defaults;
    }
    size_t n = collab_graph_vertex_count(g);
    collab_status st = check_options(opt, n, err);
    if (st != COLLAB_OK) {
        return st;
    }
    if (n >= UINT32_MAX / 2) {
        return collab_error_set(err, COLLAB_E_LIMIT, "too many vertices to lay out (%zu)", n);
    }
    collab_layout res = {0};
    res.n = n;
    res.aspect = opt->aspect;
    res.group_pull = 1.0;
    int rc = igraph_matrix_init(&res.xy, (igraph_integer_t)n, 2);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "computing the layout");
    }
    if (n > 0) {
        st = opt->method == COLLAB_LAYOUT_CIRCLE ? layout_circle(&res, g, err)
                                                 : layout_graph(&res, g, opt, err);
    }
    if (st != COLLAB_OK) {
        collab_layout_destroy(&res);
        return st;
    }
    *out = res;
    return COLLAB_OK;
}
