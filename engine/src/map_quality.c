/* Map quality measures (collab/map_quality.h): label collisions through a uniform grid of node
 * centres, hidden nodes through the same grid, and the layout measures on a CSR copy of the
 * graph with splitmix64 samples. */
#include "collab/map_quality.h"

#include "collab/alloc.h"
#include "collab/clock.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "hops_internal.h"
#include "random_internal.h"
#include "scene_internal.h"

/* M_PI is not in strict C11. */
#define PI 3.14159265358979323846

/* Node centres bucketed in square cells. */
typedef struct centre_grid {
    double x0, y0, cell;
    size_t cols, rows;
    size_t *start; /* per cell + 1: offsets into `ids` */
    uint32_t *ids; /* node ids grouped by cell */
} centre_grid;

static size_t cell_of(double v, double origin, double cell, size_t n)
{
    double c = floor((v - origin) / cell);
    return c < 0 ? 0 : c >= (double)n ? n - 1 : (size_t)c;
}

static bool grid_build(centre_grid *g, const collab_scene *s)
{
    memset(g, 0, sizeof *g);
    size_t n = s->n_nodes;
    double lo_x = INFINITY, lo_y = INFINITY, hi_x = -INFINITY, hi_y = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        lo_x = fmin(lo_x, s->nodes[i].x);
        lo_y = fmin(lo_y, s->nodes[i].y);
        hi_x = fmax(hi_x, s->nodes[i].x);
        hi_y = fmax(hi_y, s->nodes[i].y);
    }
    if (n == 0) {
        lo_x = lo_y = hi_x = hi_y = 0;
    }
    double side = fmax(hi_x - lo_x, hi_y - lo_y);
    g->cell = fmax(side / fmax(sqrt((double)n), 1), 1);
    g->x0 = lo_x;
    g->y0 = lo_y;
    g->cols = (size_t)((hi_x - lo_x) / g->cell) + 1;
    g->rows = (size_t)((hi_y - lo_y) / g->cell) + 1;
    g->start = collab_calloc_array(g->cols * g->rows + 1, sizeof *g->start);
    g->ids = collab_alloc_array(n + 1, sizeof *g->ids);
    if (g->start == NULL || g->ids == NULL) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        size_t c = cell_of(s->nodes[i].y, g->y0, g->cell, g->rows) * g->cols +
                   cell_of(s->nodes[i].x, g->x0, g->cell, g->cols);
        g->start[c + 1]++;
    }
    for (size_t c = 0; c < g->cols * g->rows; c++) {
        g->start[c + 1] += g->start[c];
    }
    size_t *fill = collab_alloc_array(g->cols * g->rows + 1, sizeof *fill);
    if (fill == NULL) {
        return false;
    }
    memcpy(fill, g->start, (g->cols * g->rows + 1) * sizeof *fill);
    for (size_t i = 0; i < n; i++) { /* ids ascend within a cell */
        size_t c = cell_of(s->nodes[i].y, g->y0, g->cell, g->rows) * g->cols +
                   cell_of(s->nodes[i].x, g->x0, g->cell, g->cols);
        g->ids[fill[c]++] = (uint32_t)i;
    }
    collab_free(fill);
    return true;
}

static void grid_free(centre_grid *g)
{
    collab_free(g->start);
    collab_free(g->ids);
    memset(g, 0, sizeof *g);
}

/* Does box `b` share an interior point with the disc of node `nd`? */
static bool box_meets_disc(const collab_box *b, const collab_scene_node *nd)
{
    double dx = fmax(fmax(b->x - nd->x, nd->x - (b->x + b->w)), 0);
    double dy = fmax(fmax(b->y - nd->y, nd->y - (b->y + b->h)), 0);
    return dx * dx + dy * dy < nd->radius * nd->radius;
}

static bool boxes_overlap(const collab_box *a, const collab_box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static void count_labels(collab_scene_quality *q, const collab_scene *s, const centre_grid *g,
                         double rmax)
{
    for (size_t i = 0; i < s->n_labels; i++) {
        for (size_t j = i + 1; j < s->n_labels; j++) {
            q->label_overlaps += boxes_overlap(&s->labels[i].t.box, &s->labels[j].t.box);
        }
    }
    for (size_t i = 0; i < s->n_labels && s->n_nodes > 0; i++) {
        const collab_box *b = &s->labels[i].t.box;
        double text_h = b->h - 2 * COLLAB_I_TEXT_PAD * s->labels[i].t.font_size;
        size_t c0 = cell_of(b->x - rmax, g->x0, g->cell, g->cols);
        size_t c1 = cell_of(b->x + b->w + rmax, g->x0, g->cell, g->cols);
        size_t r0 = cell_of(b->y - rmax, g->y0, g->cell, g->rows);
        size_t r1 = cell_of(b->y + b->h + rmax, g->y0, g->cell, g->rows);
        bool large = false;
        bool small = false;
        for (size_t r = r0; r <= r1 && !large; r++) {
            for (size_t c = c0; c <= c1 && !large; c++) {
                for (size_t k = g->start[r * g->cols + c]; k < g->start[r * g->cols + c + 1]; k++) {
                    const collab_scene_node *nd = &s->nodes[g->ids[k]];
                    if (g->ids[k] == s->labels[i].node || !box_meets_disc(b, nd)) {
                        continue;
                    }
                    if (nd->label >= 0 || 2 * nd->radius > text_h) {
                        large = true;
                        break;
                    }
                    small = true;
                }
            }
        }
        q->labels_over_large += large;
        q->labels_over_small += !large && small;
    }
}

/* Area of the disc of radius `a` that lies inside a disc of radius `b` whose centre is `d` away
 * (the lens of the two circles). */
static double covered_area(double d, double a, double b)
{
    if (d >= a + b) {
        return 0;
    }
    if (d <= fabs(b - a)) {
        double r = fmin(a, b);
        return PI * r * r;
    }
    double ca = fmin(fmax((d * d + a * a - b * b) / (2 * d * a), -1), 1);
    double cb = fmin(fmax((d * d + b * b - a * a) / (2 * d * b), -1), 1);
    double k = (-d + a + b) * (d + a - b) * (d - a + b) * (d + a + b);
    return a * a * acos(ca) + b * b * acos(cb) - 0.5 * sqrt(fmax(k, 0));
}

/* A speck: a disc drawn at the smallest radius a page draws (the size scale put it there). */
static bool is_speck(const collab_scene_node *nd)
{
    return nd->radius <= COLLAB_SCENE_MIN_RADIUS * (1 + 1e-9);
}

/* Marks node i 1 (hidden) when more than half its disc lies under a disc at least as large
 * painted after it, and 2 (a speck sharing a spot) when the only such discs are specks like it.
 * A disc whose centre lies outside a disc at least as large has at most half its area under it
 * (the larger disc lies in the half-plane of its tangent), so only centres within the covering
 * disc are looked at. */
static bool count_hidden(collab_scene_quality *q, const collab_scene *s, const centre_grid *g)
{
    size_t n = s->n_nodes;
    size_t *pos = collab_alloc_array(n + 1, sizeof *pos);
    uint8_t *hidden = collab_calloc_array(n + 1, 1);
    if (pos == NULL || hidden == NULL) {
        collab_free(pos);
        collab_free(hidden);
        return false;
    }
    for (size_t k = 0; k < n; k++) {
        pos[s->paint_order[k]] = k;
    }
    for (size_t j = 0; j < n; j++) {
        const collab_scene_node *top = &s->nodes[j];
        double r = top->radius;
        size_t c0 = cell_of(top->x - r, g->x0, g->cell, g->cols);
        size_t c1 = cell_of(top->x + r, g->x0, g->cell, g->cols);
        size_t r0 = cell_of(top->y - r, g->y0, g->cell, g->rows);
        size_t r1 = cell_of(top->y + r, g->y0, g->cell, g->rows);
        for (size_t row = r0; row <= r1; row++) {
            for (size_t c = c0; c <= c1; c++) {
                for (size_t k = g->start[row * g->cols + c]; k < g->start[row * g->cols + c + 1];
                     k++) {
                    uint32_t i = g->ids[k];
                    const collab_scene_node *low = &s->nodes[i];
                    if (i == j || pos[i] > pos[j] || low->radius > r || hidden[i] == 1) {
                        continue;
                    }
                    double d = hypot(low->x - top->x, low->y - top->y);
                    if (d >= r ||
                        covered_area(d, low->radius, r) <= 0.5 * PI * low->radius * low->radius) {
                        continue;
                    }
                    hidden[i] = is_speck(low) && is_speck(top) ? 2 : 1;
                }
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        q->hidden_nodes += hidden[i] == 1;
        q->specks_sharing += hidden[i] == 2;
    }
    collab_free(pos);
    collab_free(hidden);
    return true;
}

static double page_dist(const collab_scene *s, size_t a, size_t b)
{
    double dx = s->nodes[a].x - s->nodes[b].x;
    double dy = s->nodes[a].y - s->nodes[b].y;
    return sqrt(dx * dx + dy * dy);
}

/* Is `v` within 2 steps of the node whose neighbours (and itself) carry `stamp`? */
static bool within_two(const collab_i_hops_graph *g, const uint32_t *mark, uint32_t stamp,
                       uint32_t v)
{
    if (mark[v] == stamp) {
        return true;
    }
    for (size_t k = g->off[v]; k < g->off[v + 1]; k++) {
        if (mark[g->adj[k]] == stamp) {
            return true;
        }
    }
    return false;
}

static bool neighbourhood(collab_scene_quality *q, const collab_scene *s,
                          const collab_i_hops_graph *g)
{
    size_t n = g->n;
    size_t k = n > COLLAB_QUALITY_NEAREST ? COLLAB_QUALITY_NEAREST : n - 1;
    size_t samples = n < COLLAB_QUALITY_NEIGHBOUR_SAMPLE ? n : COLLAB_QUALITY_NEIGHBOUR_SAMPLE;
    uint32_t *mark = collab_calloc_array(n + 1, sizeof *mark);
    if (mark == NULL) {
        return false;
    }
    double total = 0;
    for (size_t t = 0; t < samples && k > 0; t++) {
        uint32_t u = (uint32_t)(t * n / samples);
        uint32_t stamp = (uint32_t)t + 1;
        mark[u] = stamp;
        for (size_t e = g->off[u]; e < g->off[u + 1]; e++) {
            mark[g->adj[e]] = stamp;
        }
        /* the k nearest, kept sorted by (distance, id) */
        uint32_t best[COLLAB_QUALITY_NEAREST];
        double bd[COLLAB_QUALITY_NEAREST];
        size_t have = 0;
        for (uint32_t v = 0; v < n; v++) {
            if (v == u) {
                continue;
            }
            double d = page_dist(s, u, v);
            if (have == k && d >= bd[k - 1]) {
                continue;
            }
            size_t at = have < k ? have++ : k - 1;
            while (at > 0 && bd[at - 1] > d) {
                bd[at] = bd[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            bd[at] = d;
            best[at] = v;
        }
        size_t near = 0;
        for (size_t i = 0; i < k; i++) {
            near += within_two(g, mark, stamp, best[i]);
        }
        total += (double)near / (double)k;
    }
    q->neighbourhood_sample = k > 0 ? samples : 0;
    q->neighbourhood = k > 0 ? total / (double)samples : NAN;
    collab_free(mark);
    return true;
}

typedef struct member {
    uint32_t community, node;
} member;

static int cmp_member(const void *a, const void *b)
{
    const member *x = a;
    const member *y = b;
    if (x->community != y->community) {
        return x->community < y->community ? -1 : 1;
    }
    return (x->node > y->node) - (x->node < y->node);
}

typedef struct run {
    size_t start, size;
    uint32_t community;
} run;

static int cmp_run(const void *a, const void *b)
{
    const run *x = a;
    const run *y = b;
    if (x->size != y->size) {
        return x->size > y->size ? -1 : 1;
    }
    return (x->community > y->community) - (x->community < y->community);
}

static size_t pick(uint64_t *state, size_t n)
{
    return (size_t)(collab_i_splitmix_unit(state) * (double)n);
}

/* Mean page distance within and between the largest communities, from `pool` (members of the
 * top communities, grouped: community t holds pool[lo[t] .. lo[t + 1])). */
static double sample_separation(const collab_scene *s, const uint32_t *pool, const size_t *lo,
                                size_t n_top, uint64_t seed)
{
    size_t total = lo[n_top];
    uint64_t state = seed;
    double within = 0;
    double between = 0;
    size_t n_within = 0;
    for (size_t p = 0; p < COLLAB_QUALITY_PAIRS; p++) {
        size_t a = pick(&state, total);
        size_t t = 0;
        while (lo[t + 1] <= a) {
            t++;
        }
        size_t size = lo[t + 1] - lo[t];
        if (size >= 2) {
            size_t b = lo[t] + pick(&state, size - 1);
            b += b >= a;
            within += page_dist(s, pool[a], pool[b]);
            n_within++;
        }
        size_t b = pick(&state, total - size);
        b += b >= lo[t] ? size : 0;
        between += page_dist(s, pool[a], pool[b]);
    }
    if (n_within == 0 || between <= 0) {
        return NAN;
    }
    return (within / (double)n_within) / (between / COLLAB_QUALITY_PAIRS);
}

static bool separation(collab_scene_quality *q, const collab_scene *s, size_t n,
                       const uint32_t *community, uint64_t seed)
{
    q->separation = NAN;
    if (community == NULL) {
        return true;
    }
    member *m = collab_alloc_array(n + 1, sizeof *m);
    run *runs = collab_alloc_array(n + 1, sizeof *runs);
    uint32_t *pool = collab_alloc_array(n + 1, sizeof *pool);
    bool ok = m != NULL && runs != NULL && pool != NULL;
    size_t k = 0;
    for (size_t i = 0; ok && i < n; i++) {
        if (community[i] != COLLAB_NO_COMMUNITY) {
            m[k].community = community[i];
            m[k++].node = (uint32_t)i;
        }
    }
    size_t n_runs = 0;
    if (ok) {
        qsort(m, k, sizeof *m, cmp_member);
        for (size_t i = 0; i < k; i++) {
            if (i == 0 || m[i].community != m[i - 1].community) {
                runs[n_runs++] = (run){i, 0, m[i].community};
            }
            runs[n_runs - 1].size++;
        }
        qsort(runs, n_runs, sizeof *runs, cmp_run);
    }
    size_t n_top = n_runs < COLLAB_QUALITY_COMMUNITIES ? n_runs : COLLAB_QUALITY_COMMUNITIES;
    if (ok && n_top >= 2) {
        size_t lo[COLLAB_QUALITY_COMMUNITIES + 1];
        size_t at = 0;
        for (size_t t = 0; t < n_top; t++) {
            lo[t] = at;
            for (size_t i = 0; i < runs[t].size; i++) {
                pool[at++] = m[runs[t].start + i].node;
            }
        }
        lo[n_top] = at;
        q->separation = sample_separation(s, pool, lo, n_top, seed);
    }
    collab_free(m);
    collab_free(runs);
    collab_free(pool);
    return ok;
}

static bool stress(collab_scene_quality *q, const collab_scene *s, const collab_i_hops_graph *g,
                   uint64_t seed)
{
    size_t n = g->n;
    q->stress = NAN;
    q->stress_pairs = 0;
    if (n < 2) {
        return true;
    }
    uint32_t *dist = collab_alloc_array(n, sizeof *dist);
    uint32_t *queue = collab_alloc_array(n, sizeof *queue);
    if (dist == NULL || queue == NULL) {
        collab_free(dist);
        collab_free(queue);
        return false;
    }
    uint64_t state = seed ^ 0x5bd1e995u;
    size_t sources = n < COLLAB_QUALITY_STRESS_SOURCES ? n : COLLAB_QUALITY_STRESS_SOURCES;
    collab_i_stress sum = {0};
    for (size_t k = 0; k < sources; k++) {
        uint32_t src = sources == n ? (uint32_t)k : (uint32_t)pick(&state, n);
        size_t reached = collab_i_hops_from(g, src, dist, queue) - 1;
        /* targets evenly spread over the breadth-first order (near and far ones) */
        size_t take =
            reached < COLLAB_QUALITY_STRESS_TARGETS ? reached : COLLAB_QUALITY_STRESS_TARGETS;
        for (size_t t = 0; t < take; t++) {
            uint32_t v = queue[1 + t * reached / take];
            collab_i_stress_add(&sum, page_dist(s, src, v), dist[v]);
        }
    }
    q->stress = collab_i_stress_value(&sum);
    q->stress_pairs = isnan(q->stress) ? 0 : sum.pairs;
    collab_free(dist);
    collab_free(queue);
    return true;
}

/* The stress's breadth-first searches over the whole graph are the costliest measure on a big
 * graph (at 1M rows, 32 of them made the measuring 3.1 s, 16 made it 1.9 s), so they run beside
 * the other measures (1.7 s). */
typedef struct stress_job {
    collab_scene_quality *q;
    const collab_scene *s;
    const collab_i_hops_graph *g;
    uint64_t seed;
    bool ok;
} stress_job;

static void *stress_run(void *arg)
{
    stress_job *job = arg;
    job->ok = stress(job->q, job->s, job->g, job->seed);
    return NULL;
}

collab_status collab_map_quality_measure(collab_scene_quality *out, const collab_scene *s,
                                         size_t n_nodes, size_t n_edges, const uint32_t *from,
                                         const uint32_t *to, const uint32_t *community,
                                         uint64_t seed, collab_error *err)
{
    if (n_nodes > s->n_nodes) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "quality of %zu nodes asked of a scene of %zu nodes", n_nodes,
                                s->n_nodes);
    }
    if (n_edges > 0 && (from == NULL || to == NULL)) {
        return collab_error_set(err, COLLAB_E_USAGE, "quality asked of %zu edges without endpoints",
                                n_edges);
    }
    double t0 = collab_clock_seconds();
    collab_scene_quality q;
    memset(&q, 0, sizeof q);
    q.labels_placed = s->n_labels;
    q.labels_requested = s->n_label_requests;
    q.leader_lines = s->n_leaders;
    double rmax = 0;
    for (size_t i = 0; i < s->n_nodes; i++) {
        rmax = fmax(rmax, s->nodes[i].radius);
    }
    centre_grid grid;
    collab_i_hops_graph g;
    bool ok = grid_build(&grid, s);
    memset(&g, 0, sizeof g);
    if (ok) {
        count_labels(&q, s, &grid, rmax);
        ok = count_hidden(&q, s, &grid);
    }
    ok = ok && collab_i_hops_graph_build(&g, n_nodes, n_edges, from, to);
    /* the stress writes only its own fields of q; the other measures only read g */
    stress_job job = {&q, s, &g, seed, false};
    pthread_t thread;
    bool threaded = ok && n_edges >= COLLAB_QUALITY_THREAD_EDGES &&
                    pthread_create(&thread, NULL, stress_run, &job) == 0;
    q.neighbourhood = NAN;
    ok = ok && (n_nodes == 0 || neighbourhood(&q, s, &g));
    ok = ok && separation(&q, s, n_nodes, community, seed);
    if (threaded) {
        pthread_join(thread, NULL);
        ok = ok && job.ok;
    } else {
        ok = ok && stress(&q, s, &g, seed);
    }
    grid_free(&grid);
    collab_i_hops_graph_free(&g);
    if (!ok) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory measuring the map");
    }
    q.seconds = collab_clock_seconds() - t0;
    *out = q;
    return COLLAB_OK;
}

static int print_measure(FILE *f, const char *name, double v, int digits)
{
    if (!isfinite(v)) {
        return fprintf(f, "%-40s -\n", name);
    }
    return fprintf(f, "%-40s %.*f\n", name, digits, v);
}

collab_status collab_map_quality_print(FILE *f, const collab_scene_quality *q, collab_error *err)
{
    int rc = 0;
    rc |= fprintf(f, "%-40s %zu / %zu\n", "labels placed / requested", q->labels_placed,
                  q->labels_requested) < 0;
    rc |= fprintf(f, "%-40s %zu\n", "leader lines", q->leader_lines) < 0;
    rc |= fprintf(f, "%-40s %zu\n", "label-label overlaps", q->label_overlaps) < 0;
    rc |=
        fprintf(f, "%-40s %zu\n", "labels over labelled or large nodes", q->labels_over_large) < 0;
    rc |= fprintf(f, "%-40s %zu\n", "labels over small nodes", q->labels_over_small) < 0;
    rc |= fprintf(f, "%-40s %zu\n", "nodes hidden under other nodes", q->hidden_nodes) < 0;
    rc |= fprintf(f, "%-40s %zu\n", "specks sharing a spot", q->specks_sharing) < 0;
    rc |= print_measure(f, "neighbourhood preservation (10 nearest)", q->neighbourhood, 3) < 0;
    rc |= print_measure(f, "community separation (within / between)", q->separation, 3) < 0;
    rc |= print_measure(f, "stress (sampled, scale-normalised)", q->stress, 3) < 0;
    if (q->map_seconds > 0) {
        rc |= fprintf(f, "%-40s %.3f s (map %.3f s)\n", "measured in", q->seconds, q->map_seconds) <
              0;
    }
    if (rc != 0) {
        return collab_error_set(err, COLLAB_E_IO, "cannot write the map quality");
    }
    return COLLAB_OK;
}
