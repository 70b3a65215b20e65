/* The one-mode projection of a bipartite membership structure.
 *
 * For each vertex u (in id order) we walk its groups and their members v > u, accumulating the
 * tie in a dense array indexed by v with a list of touched entries (a sparse accumulator), then
 * emit u's ties sorted by v. This is the work of walking every two-step path once, with no hash
 * table and memory O(vertices) beyond the output. Before walking we compute the upper bound
 * sum n(n-1)/2 of the edge count; the budget is enforced while emitting, so a refused projection
 * never holds more than max_edges edges in memory. */
#include "collab/alloc.h"
#include "graph_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The walk runs on up to this many threads, when it has at least this many steps to take. */
#define WALK_MAX_THREADS 4
#define WALK_MIN_PARALLEL_WORK ((size_t)1 << 18)

typedef struct side {
    size_t n;               /* vertices being linked */
    const size_t *start;    /* their group lists */
    const uint32_t *groups; /* group ids */
    size_t n_groups;        /* groups */
    const size_t *gstart;   /* each group's members */
    const uint32_t *members; /* member ids, ascending */
} side;

static double group_contribution(collab_weighting w, size_t n)
{
    switch (w) {
    case COLLAB_WEIGHT_NEWMAN:
        return 1.0 / (double)(n - 1);
    case COLLAB_WEIGHT_FRACTIONAL:
        return 2.0 / ((double)n * (double)(n - 1));
    case COLLAB_WEIGHT_COUNT:
    case COLLAB_WEIGHT_JACCARD:
        break;
    }
    return 1.0;
}

static collab_status over_budget(collab_error *err, size_t max_edges, size_t bound)
{
    return collab_error_set(
        err, COLLAB_E_LIMIT,
        "the projection has more than %zu edges (upper bound %zu): skip hub projects with "
        "--max-participants N, drop weak ties with --min-shared K, or raise --max-edges",
        max_edges, bound);
}

/* The sparse accumulator of one walk: per vertex v > u, the tie gathered so far. */
typedef struct accumulator {
    double *acc;        /* summed contributions */
    uint32_t *shared;   /* shared groups */
    uint32_t *touched;  /* the v with shared[v] > 0, in order of first touch */
    size_t n_touched;   /* how many */
} accumulator;

/* The first of the ascending members [lo, hi) above u: a linear scan for small groups, a
 * binary search in the large ones (a producer's thousands of projects each scanned from the
 * start would cost more than their ties). */
static const uint32_t *first_above(const uint32_t *lo, const uint32_t *hi, uint32_t u)
{
    while (hi - lo > 16) {
        const uint32_t *mid = lo + (hi - lo) / 2;
        if (*mid <= u) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    while (lo < hi && *lo <= u) {
        lo++;
    }
    return lo;
}

/* Gathers the ties of u with every v > u through u's groups. */
static void gather(const side *s, const collab_graph_options *opt, const uint8_t *skip_group,
                   uint32_t u, accumulator *a)
{
    a->n_touched = 0;
    for (size_t k = s->start[u]; k < s->start[u + 1]; k++) {
        uint32_t g = s->groups[k];
        if (skip_group[g]) {
            continue;
        }
        size_t size = s->gstart[g + 1] - s->gstart[g];
        double c = group_contribution(opt->weighting, size);
        const uint32_t *hi = s->members + s->gstart[g + 1];
        const uint32_t *lo = first_above(s->members + s->gstart[g], hi, u);
        for (const uint32_t *p = lo; p < hi; p++) {
            if (a->shared[*p] == 0) {
                a->touched[a->n_touched++] = *p;
            }
            a->shared[*p]++;
            a->acc[*p] += c;
        }
    }
}

static void clear(accumulator *a)
{
    for (size_t t = 0; t < a->n_touched; t++) {
        a->acc[a->touched[t]] = 0;
        a->shared[a->touched[t]] = 0;
    }
}

/* The projection's output: the graph's edges (from = hi, to = lo, sorted by (lo, hi)) and their
 * weights, written in place. */
typedef struct tie_list {
    igraph_integer_t *from, *to; /* the graph's endpoint vectors */
    double *weights;             /* the weights, sized to the count */
    size_t next;                 /* ties written */
} tie_list;

/* Writes u's kept ties, sorted by v, at the end of the preallocated list. */
static void emit_ties(uint32_t u, accumulator *a, const size_t *group_count,
                      const collab_graph_options *opt, tie_list *out)
{
    collab_i_sort_ids(a->touched, a->n_touched);
    for (size_t t = 0; t < a->n_touched; t++) {
        uint32_t v = a->touched[t];
        uint32_t shared = a->shared[v];
        if ((double)shared < opt->min_shared) {
            continue;
        }
        double w = a->acc[v];
        if (opt->weighting == COLLAB_WEIGHT_JACCARD) {
            w = (double)shared / (double)(group_count[u] + group_count[v] - shared);
        }
        out->from[out->next] = v;
        out->to[out->next] = u;
        out->weights[out->next] = w;
        out->next++;
    }
}

/* One thread's share of the walk: the vertices [begin, end), each with its own accumulator. */
typedef struct walk_range {
    const side *s;
    const collab_graph_options *opt;
    const uint8_t *skip_group;
    const size_t *group_count;
    size_t begin, end;       /* vertices walked */
    size_t max_edges;        /* the count pass stops past this many kept ties */
    bool emit;               /* false: count the ties; true: write them from out.next on */
    accumulator a;
    size_t kept;             /* count pass: ties kept */
    size_t below;            /* count pass: ties under min_shared */
    tie_list out;            /* emit pass: where this range's ties go */
    pthread_t thread;
    bool threaded;           /* ran on a thread of its own (to be joined) */
} walk_range;

/* Counts the ties that survive min_shared, stopping once the budget is exceeded, so a refused
 * projection costs no memory for edges; or writes them. */
static void *walk_range_run(void *arg)
{
    walk_range *w = arg;
    for (size_t u = w->begin; u < w->end; u++) {
        gather(w->s, w->opt, w->skip_group, (uint32_t)u, &w->a);
        if (w->emit) {
            emit_ties((uint32_t)u, &w->a, w->group_count, w->opt, &w->out);
        } else {
            for (size_t t = 0; t < w->a.n_touched; t++) {
                bool keep = (double)w->a.shared[w->a.touched[t]] >= w->opt->min_shared;
                w->kept += keep;
                w->below += !keep;
            }
        }
        clear(&w->a);
        if (w->kept > w->max_edges) {
            break;
        }
    }
    return NULL;
}

/* Runs every range, ranges 1.. on threads of their own (on this one if a thread cannot start). */
static void run_ranges(walk_range *ranges, size_t n_ranges)
{
    for (size_t r = 1; r < n_ranges; r++) {
        ranges[r].threaded =
            pthread_create(&ranges[r].thread, NULL, walk_range_run, &ranges[r]) == 0;
    }
    walk_range_run(&ranges[0]);
    for (size_t r = 1; r < n_ranges; r++) {
        if (ranges[r].threaded) {
            pthread_join(ranges[r].thread, NULL);
        } else {
            walk_range_run(&ranges[r]);
        }
    }
}

/* Vertices per range so that each range does about the same work. A vertex u walks only the
 * members above it in each of its groups, so the work of u is the number of those (plus one per
 * group for the search); low ids, which meet more members above them, get shorter ranges. The
 * i-th of a group's s ascending members has s - 1 - i members above it. */
static size_t split_ranges(const side *s, const uint8_t *skip_group, size_t n_ranges,
                           size_t *bounds, collab_error *err)
{
    bounds[0] = 0;
    for (size_t r = 1; r <= n_ranges; r++) {
        bounds[r] = s->n;
    }
    size_t total = 0;
    for (size_t g = 0; g < s->n_groups; g++) {
        size_t size = s->gstart[g + 1] - s->gstart[g];
        total += skip_group[g] ? 0 : size * (size + 1) / 2;
    }
    if (total < WALK_MIN_PARALLEL_WORK || n_ranges == 1) {
        return 1;
    }
    size_t *work = collab_calloc_array(s->n + 1, sizeof *work);
    if (work == NULL) {
        collab_error_set(err, COLLAB_E_NOMEM, "out of memory projecting the graph");
        return 0;
    }
    for (size_t g = 0; g < s->n_groups; g++) {
        if (skip_group[g]) {
            continue;
        }
        size_t size = s->gstart[g + 1] - s->gstart[g];
        const uint32_t *members = s->members + s->gstart[g];
        for (size_t i = 0; i < size; i++) {
            work[members[i]] += size - i; /* the members above, and the search */
        }
    }
    size_t r = 1;
    size_t done = 0;
    for (size_t u = 0; u < s->n && r < n_ranges; u++) {
        done += work[u];
        if (done >= total / n_ranges * r) {
            bounds[r++] = u + 1;
        }
    }
    collab_free(work);
    return n_ranges;
}

static int walk_threads(const collab_graph_options *opt)
{
    long n = opt->threads > 0 ? opt->threads : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > WALK_MAX_THREADS ? WALK_MAX_THREADS : (int)n;
}

/* Two passes over the two-step paths: count, then fill vectors allocated to the exact size
 * (growing them by doubling would hold up to twice the edges' memory at the peak). Each pass
 * splits the vertices into ranges of equal work on as many threads as cores; a range's ties
 * are written after those of the ranges before it, so the result does not depend on them. */
static collab_status walk(const side *s, const collab_graph_options *opt,
                          const uint8_t *skip_group, const size_t *group_count, collab_graph *g,
                          collab_error *err)
{
    size_t max_edges = opt->max_edges ? opt->max_edges : COLLAB_DEFAULT_MAX_EDGES;
    walk_range ranges[WALK_MAX_THREADS];
    size_t bounds[WALK_MAX_THREADS + 1];
    size_t n_ranges = split_ranges(s, skip_group, (size_t)walk_threads(opt), bounds, err);
    if (n_ranges == 0) {
        return err->status;
    }
    collab_status st = COLLAB_OK;
    for (size_t r = 0; r < n_ranges; r++) {
        ranges[r] = (walk_range){
            .s = s, .opt = opt, .skip_group = skip_group, .group_count = group_count,
            .begin = bounds[r], .end = bounds[r + 1], .max_edges = max_edges,
            .a = {.acc = collab_calloc_array(s->n + 1, sizeof(double)),
                  .shared = collab_calloc_array(s->n + 1, sizeof(uint32_t)),
                  .touched = collab_alloc_array(s->n + 1, sizeof(uint32_t))},
        };
        if (ranges[r].a.acc == NULL || ranges[r].a.shared == NULL || ranges[r].a.touched == NULL) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory projecting the graph");
        }
    }
    size_t count = 0;
    if (st == COLLAB_OK) {
        run_ranges(ranges, n_ranges);
        for (size_t r = 0; r < n_ranges; r++) {
            count += ranges[r].kept;
            g->stats.ties_below_min_shared += ranges[r].below;
        }
        if (count > max_edges) {
            st = over_budget(err, max_edges, g->stats.projection_bound);
        }
    }
    bool created = false;
    if (st == COLLAB_OK) {
        igraph_error_t rc = igraph_vector_resize(&g->weights, (igraph_integer_t)count);
        st = collab_error_from_igraph(err, rc, "projecting the graph");
    }
    if (st == COLLAB_OK) {
        st = collab_i_sorted_graph_begin(&g->graph, s->n, count, err);
        created = st == COLLAB_OK;
    }
    if (st == COLLAB_OK) {
        tie_list ties = {VECTOR(g->graph.from), VECTOR(g->graph.to), VECTOR(g->weights), 0};
        for (size_t r = 0; r < n_ranges; r++) {
            ranges[r].emit = true;
            ranges[r].out = ties;
            ties.next += ranges[r].kept;
        }
        run_ranges(ranges, n_ranges);
    }
    for (size_t r = 0; r < n_ranges; r++) {
        collab_free(ranges[r].a.acc);
        collab_free(ranges[r].a.shared);
        collab_free(ranges[r].a.touched);
    }
    if (created) {
        st = collab_i_sorted_graph_finish(&g->graph, err);
    }
    return st;
}

/* Keeps the largest projects left out (largest first, ties by lower id) in the stats. */
static void remember_hub(collab_graph_stats *st, uint32_t project, size_t size)
{
    size_t pos = st->n_hubs_shown < COLLAB_HUBS_SHOWN ? st->n_hubs_shown++ : COLLAB_HUBS_SHOWN;
    if (pos == COLLAB_HUBS_SHOWN) {
        if (st->hub_sizes[COLLAB_HUBS_SHOWN - 1] >= size) {
            return;
        }
        pos = COLLAB_HUBS_SHOWN - 1;
    }
    while (pos > 0 && st->hub_sizes[pos - 1] < size) {
        st->hub_projects[pos] = st->hub_projects[pos - 1];
        st->hub_sizes[pos] = st->hub_sizes[pos - 1];
        pos--;
    }
    st->hub_projects[pos] = project;
    st->hub_sizes[pos] = size;
}

collab_status collab_i_project(const collab_i_memberships *m, bool onto_projects,
                               const collab_graph_options *opt, collab_graph *g,
                               collab_error *err)
{
    side s;
    if (onto_projects) {
        s = (side){m->n_projects, m->project_start, m->project_members, m->n_persons,
                   m->person_start, m->person_projects};
    } else {
        s = (side){m->n_persons, m->person_start, m->person_projects, m->n_projects,
                   m->project_start, m->project_members};
    }
    uint8_t *skip_group = collab_calloc_array(s.n_groups + 1, 1);
    size_t *group_count = collab_calloc_array(s.n + 1, sizeof *group_count);
    if (skip_group == NULL || group_count == NULL) {
        collab_free(skip_group);
        collab_free(group_count);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory projecting the graph");
    }
    size_t bound = 0;
    for (size_t k = 0; k < s.n_groups; k++) {
        size_t size = s.gstart[k + 1] - s.gstart[k];
        if (!onto_projects && opt->max_participants > 0 && size > opt->max_participants) {
            skip_group[k] = 1;
            g->stats.projects_skipped++;
            g->stats.memberships_skipped += size;
            remember_hub(&g->stats, m->project_origin[k], size);
            continue;
        }
        bound += size * (size - (size > 0)) / 2;
    }
    g->stats.projection_bound = bound;
    /* Per vertex: groups that count (for Jaccard). */
    for (size_t u = 0; u < s.n; u++) {
        for (size_t k = s.start[u]; k < s.start[u + 1]; k++) {
            group_count[u] += !skip_group[s.groups[k]];
        }
    }
    collab_status st = walk(&s, opt, skip_group, group_count, g, err);
    collab_free(skip_group);
    collab_free(group_count);
    return st;
}
