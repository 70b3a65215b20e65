/* The shortest-path sweep behind betweenness, closeness, harmonic centrality, the diameter and
 * the average path length.
 *
 * Brandes' algorithm runs one BFS (hops) or Dijkstra (1/weight lengths) per source over a
 * compact CSR and accumulates dependencies. igraph as packaged here is not thread-safe, so this
 * is our own code, run by POSIX threads. To make the sums independent of the number of threads,
 * sources are dealt round-robin to a fixed number of lanes, each lane sums its sources in order
 * into its own arrays, threads own whole lanes, and lanes are added in lane order at the end.
 * Undirected distances are symmetric, so each source also gives every vertex it reaches one
 * sample of that vertex's distance sum: that is what makes closeness estimable from a sample.
 * The workers read a copy of the graph renumbered for memory locality (relabel) and never call
 * igraph, so the caller's thread can run igraph's metrics meanwhile (collab_i_sweep_start). */
#include "paths_internal.h"
#include "random_internal.h"

#include "collab/alloc.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N_LANES 4
#define SMALL_COMPONENT 64

typedef struct lane {
    double *bc, *bc2;       /* sum of dependencies (and squares, when sampled) */
    double *dsum, *dsum2;   /* sum of distances from the sources reaching the vertex */
    double *hsum;           /* sum of reciprocal distances */
    uint32_t *reached;      /* number of sources (other than itself) that reached the vertex */
    double max_dist;        /* largest distance seen */
    double pair_dist;       /* sum of distances over (source, reached vertex) pairs */
    double pairs;           /* number of such pairs */
} lane;

typedef struct sweep {
    const collab_i_csr *csr;   /* the graph relabelled: components contiguous, each in BFS order */
    const uint32_t *new_id;    /* new_id[original vertex] */
    const uint32_t *comp;      /* component of each original vertex */
    const size_t *comp_begin;  /* first relabelled vertex of each component */
    bool inverse;              /* 1/weight lengths */
    bool squares;              /* keep sums of squares (sampling) */
    const uint32_t *sources;   /* sources (original vertices), ascending */
    size_t n_sources;          /* how many */
    lane lanes[N_LANES];       /* per-lane accumulators */
    int n_threads;             /* workers */
    collab_progress_fn progress; /* told how far the sweep is, or NULL */
    void *progress_data;       /* passed to it */
    atomic_size_t done;        /* sources finished */
    atomic_int next_lane;      /* the next lane a worker may take */
    atomic_bool cancel;        /* stop early: the caller failed elsewhere */
} sweep;

typedef struct heap_item {
    double dist;
    uint32_t v;
} heap_item;

typedef struct workspace {
    int32_t *level;    /* hops from the source, -1 = not reached (hop mode) */
    uint8_t *mark;     /* hops modulo 255, UNREACHED if not reached (hop mode; see sssp_hops) */
    uint32_t *succ;    /* successor arcs of the shortest-path DAG, grouped by vertex (hop mode) */
    size_t *succ_at;   /* succ_at[i]: where the successors of order[i] start; n + 1 entries */
    double *dist;      /* distance from the source, -1 = not reached (1/weight mode) */
    double *sigma;     /* number of shortest paths; in hop mode, once a vertex's dependency is
                        * final, its share (1 + delta) / sigma for each predecessor instead */
    double *delta;     /* dependency */
    double recip[256]; /* 1/k for hop distances k below 256 */
    uint32_t *order;   /* vertices in order of settling */
    heap_item *heap;   /* Dijkstra's lazy heap */
    size_t heap_cap;   /* its capacity */
} workspace;

typedef struct worker {
    sweep *s;          /* shared state */
    int id;            /* thread number */
    collab_status st;  /* COLLAB_E_NOMEM if its workspace failed */
} worker;

/* ---- CSR -------------------------------------------------------------------------------- */

void collab_i_csr_destroy(collab_i_csr *csr)
{
    if (csr == NULL) {
        return;
    }
    collab_free(csr->start);
    collab_free(csr->adj);
    collab_free(csr->weight);
    memset(csr, 0, sizeof *csr);
}

typedef struct keyed_edge {
    uint64_t key;  /* min << 32 | max */
    double weight; /* edge weight */
} keyed_edge;

static int compare_keyed(const void *a, const void *b)
{
    uint64_t x = ((const keyed_edge *)a)->key;
    uint64_t y = ((const keyed_edge *)b)->key;
    return (x > y) - (x < y);
}

/* The graph's edges as unordered pairs; for directed graphs u->v and v->u become one pair with
 * the weights summed (a tie's strength), found by sorting. */
static keyed_edge *undirected_edges(const collab_graph *g, size_t *n_out)
{
    const igraph_t *graph = &g->graph;
    size_t m = (size_t)igraph_ecount(graph);
    keyed_edge *e = collab_alloc_array(m + 1, sizeof *e);
    if (e == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (size_t k = 0; k < m; k++) {
        uint32_t u = (uint32_t)IGRAPH_FROM(graph, (igraph_integer_t)k);
        uint32_t v = (uint32_t)IGRAPH_TO(graph, (igraph_integer_t)k);
        if (u == v) {
            continue;
        }
        uint32_t lo = u < v ? u : v;
        uint32_t hi = u < v ? v : u;
        e[n++] = (keyed_edge){((uint64_t)lo << 32) | hi, VECTOR(g->weights)[k]};
    }
    /* Sorted pairs give sorted adjacency lists (the constraint's reverse-entry walk relies on
     * it). Projections come sorted already; edge lists in file order get sorted here. */
    bool sorted = true;
    for (size_t k = 1; k < n && sorted; k++) {
        sorted = e[k - 1].key < e[k].key;
    }
    if (!sorted) {
        qsort(e, n, sizeof *e, compare_keyed);
    }
    if (igraph_is_directed(graph)) {
        size_t out = 0;
        for (size_t k = 0; k < n; k++) {
            if (out > 0 && e[out - 1].key == e[k].key) {
                e[out - 1].weight += e[k].weight;
            } else {
                e[out++] = e[k];
            }
        }
        n = out;
    }
    *n_out = n;
    return e;
}

collab_status collab_i_csr_build(collab_i_csr *out, const collab_graph *g, collab_error *err)
{
    collab_i_csr c = {0};
    c.n = (size_t)igraph_vcount(&g->graph);
    size_t m = 0;
    keyed_edge *e = undirected_edges(g, &m);
    c.start = collab_calloc_array(c.n + 2, sizeof *c.start);
    c.adj = collab_alloc_array(2 * m + 1, sizeof *c.adj);
    c.weight = collab_alloc_array(2 * m + 1, sizeof *c.weight);
    if (e == NULL || c.start == NULL || c.adj == NULL || c.weight == NULL) {
        collab_free(e);
        collab_i_csr_destroy(&c);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory building adjacency lists");
    }
    for (size_t k = 0; k < m; k++) {
        c.start[(e[k].key >> 32) + 2]++;
        c.start[(uint32_t)e[k].key + 2]++;
    }
    for (size_t v = 0; v < c.n; v++) {
        c.start[v + 2] += c.start[v + 1];
    }
    /* start[v + 1] is now the fill position of v; after filling it is v's end = start of v+1. */
    for (size_t k = 0; k < m; k++) {
        uint32_t lo = (uint32_t)(e[k].key >> 32);
        uint32_t hi = (uint32_t)e[k].key;
        size_t a = c.start[lo + 1]++;
        c.adj[a] = hi;
        c.weight[a] = e[k].weight;
        size_t b = c.start[hi + 1]++;
        c.adj[b] = lo;
        c.weight[b] = e[k].weight;
    }
    collab_free(e);
    *out = c;
    return COLLAB_OK;
}

/* ---- one source ------------------------------------------------------------------------- */

static void heap_push(workspace *w, size_t *size, double dist, uint32_t v)
{
    size_t i = (*size)++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (w->heap[parent].dist < dist ||
            (w->heap[parent].dist == dist && w->heap[parent].v <= v)) {
            break;
        }
        w->heap[i] = w->heap[parent];
        i = parent;
    }
    w->heap[i] = (heap_item){dist, v};
}

static heap_item heap_pop(workspace *w, size_t *size)
{
    heap_item top = w->heap[0];
    heap_item last = w->heap[--(*size)];
    size_t i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= *size) {
            break;
        }
        if (child + 1 < *size && (w->heap[child + 1].dist < w->heap[child].dist ||
                                  (w->heap[child + 1].dist == w->heap[child].dist &&
                                   w->heap[child + 1].v < w->heap[child].v))) {
            child++;
        }
        if (last.dist < w->heap[child].dist ||
            (last.dist == w->heap[child].dist && last.v <= w->heap[child].v)) {
            break;
        }
        w->heap[i] = w->heap[child];
        i = child;
    }
    if (*size > 0) {
        w->heap[i] = last;
    }
    return top;
}

/* Two path lengths are equal when they differ by rounding only (igraph compares the same way). */
static bool same_length(double a, double b)
{
    double scale = fabs(a) > 1.0 ? fabs(a) : 1.0;
    return fabs(a - b) <= 1e-10 * scale;
}

/* A vertex not reached yet, in `mark`. */
#define UNREACHED 255

/* BFS from `s`: fills level, sigma, order and the successor arcs; returns the number of vertices
 * reached. The hot loop tests a one-byte mark instead of the level: neighbours' hop counts differ
 * by at most one, so levels modulo 255 tell "next level" from "this one" and "the one before",
 * and the n-byte marks stay in the core's L2 cache where 32-bit levels would not. The successor
 * arcs (w->succ) let the back-propagation read only the arcs it sums, in the order they were
 * found, which is adjacency order: the sums are those of a scan of every neighbour. */
static size_t sssp_hops(const collab_i_csr *c, workspace *w, uint32_t s)
{
    size_t head = 0;
    size_t tail = 0;
    size_t n_succ = 0;
    int32_t *level = w->level;
    uint8_t *mark = w->mark;
    double *sigma = w->sigma;
    uint32_t *succ = w->succ;
    w->order[tail++] = s;
    level[s] = 0;
    mark[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
        w->succ_at[head] = n_succ;
        uint32_t u = w->order[head++];
        int32_t next = level[u] + 1;
        uint8_t next_mark = mark[u] == UNREACHED - 1 ? 0 : (uint8_t)(mark[u] + 1);
        double su = sigma[u];
        for (size_t k = c->start[u]; k < c->start[u + 1]; k++) {
            uint32_t v = c->adj[k];
            uint8_t mv = mark[v];
            if (mv == UNREACHED) {
                mark[v] = next_mark;
                level[v] = next;
                w->order[tail++] = v;
                mv = next_mark;
            }
            if (mv == next_mark) {
                sigma[v] += su;
                succ[n_succ++] = v;
            }
        }
    }
    w->succ_at[head] = n_succ;
    return tail;
}

/* Adds what one source tells about vertex v (distance d, its reciprocal, dependency delta) to
 * the lane. */
static void add_to_lane(const sweep *s, lane *l, uint32_t v, double d, double recip_d, double delta)
{
    l->bc[v] += delta;
    l->dsum[v] += d;
    l->hsum[v] += recip_d;
    l->reached[v]++;
    l->pair_dist += d;
    if (s->squares) {
        l->bc2[v] += delta * delta;
        l->dsum2[v] += d * d;
    }
    if (d > l->max_dist) {
        l->max_dist = d;
    }
}

/* Brandes' back-propagation for hop mode, pulling from successors so each vertex's dependency
 * is final when read. Each vertex's share (1 + delta) / sigma is computed once and kept in
 * sigma's place, so the pull reads one value per successor and divides nothing. The sums then
 * go to the lane over the source's component, [begin, begin + reached), in vertex order: the
 * relabelling makes that range contiguous, so the lane's arrays are streamed, not scattered
 * (each vertex still receives the sources in the same order, so no sum changes). */
static void accumulate_hops(const sweep *s, workspace *w, lane *l, uint32_t src, size_t begin,
                            size_t reached)
{
    int32_t *level = w->level;
    double *share = w->sigma;
    double *delta = w->delta;
    const uint32_t *succ = w->succ;
    for (size_t i = reached; i-- > 1;) {
        uint32_t v = w->order[i];
        double sum = 0;
        for (size_t k = w->succ_at[i]; k < w->succ_at[i + 1]; k++) {
            sum += share[succ[k]];
        }
        double sigma_v = share[v];
        delta[v] = sigma_v * sum;
        share[v] = (1.0 + delta[v]) / sigma_v;
    }
    l->pairs += (double)(reached - 1);
    for (size_t v = begin; v < begin + reached; v++) {
        if (v != src) {
            int32_t d = level[v];
            double recip = d < 256 ? w->recip[d] : 1.0 / (double)d;
            add_to_lane(s, l, (uint32_t)v, (double)d, recip, delta[v]);
        }
        level[v] = -1;
        w->mark[v] = UNREACHED;
        share[v] = 0;
        delta[v] = 0;
    }
}

/* Dijkstra from `s` with length 1/weight; same outputs as sssp_hops. Settled vertices are the
 * ones in `order`; a vertex is settled when popped with its final distance. */
static size_t sssp_inverse(const collab_i_csr *c, workspace *w, uint32_t s)
{
    size_t size = 0;
    size_t settled = 0;
    w->dist[s] = 0;
    w->sigma[s] = 1;
    heap_push(w, &size, 0, s);
    while (size > 0) {
        heap_item top = heap_pop(w, &size);
        uint32_t u = top.v;
        if (top.dist > w->dist[u] || w->delta[u] < 0) {
            continue; /* stale entry, or already settled */
        }
        w->delta[u] = -1; /* mark settled; reset to 0 before accumulation */
        w->order[settled++] = u;
        for (size_t k = c->start[u]; k < c->start[u + 1]; k++) {
            uint32_t v = c->adj[k];
            if (w->delta[v] < 0) {
                continue;
            }
            double alt = top.dist + 1.0 / c->weight[k];
            if (w->dist[v] < 0 || (alt < w->dist[v] && !same_length(alt, w->dist[v]))) {
                w->dist[v] = alt;
                w->sigma[v] = w->sigma[u];
                heap_push(w, &size, alt, v);
            } else if (same_length(alt, w->dist[v])) {
                w->sigma[v] += w->sigma[u];
            }
        }
    }
    for (size_t i = 0; i < settled; i++) {
        w->delta[w->order[i]] = 0;
    }
    return settled;
}

/* Is u a predecessor of v on a shortest path (u settled before v)? */
static bool is_predecessor(const workspace *w, uint32_t u, uint32_t v, double len)
{
    return w->dist[u] >= 0 && w->dist[u] < w->dist[v] && same_length(w->dist[u] + len, w->dist[v]);
}

/* Brandes' back-propagation for 1/weight mode, pushing to predecessors. */
static void accumulate_inverse(const sweep *s, workspace *w, lane *l, size_t reached)
{
    const collab_i_csr *c = s->csr;
    for (size_t i = reached; i-- > 1;) {
        uint32_t v = w->order[i];
        double coeff = (1.0 + w->delta[v]) / w->sigma[v];
        for (size_t k = c->start[v]; k < c->start[v + 1]; k++) {
            uint32_t u = c->adj[k];
            if (is_predecessor(w, u, v, 1.0 / c->weight[k])) {
                w->delta[u] += w->sigma[u] * coeff;
            }
        }
        add_to_lane(s, l, v, w->dist[v], 1.0 / w->dist[v], w->delta[v]);
    }
    l->pairs += (double)(reached - 1);
    for (size_t i = 0; i < reached; i++) {
        uint32_t v = w->order[i];
        w->dist[v] = -1;
        w->sigma[v] = 0;
        w->delta[v] = 0;
    }
}

/* ---- workers ---------------------------------------------------------------------------- */

static void workspace_free(workspace *w)
{
    collab_free(w->level);
    collab_free(w->mark);
    collab_free(w->succ);
    collab_free(w->succ_at);
    collab_free(w->dist);
    collab_free(w->sigma);
    collab_free(w->delta);
    collab_free(w->order);
    collab_free(w->heap);
}

static bool workspace_init(workspace *w, const collab_i_csr *c, bool inverse)
{
    memset(w, 0, sizeof *w);
    w->level = collab_alloc_array(c->n + 1, sizeof *w->level);
    /* Each edge is a successor arc in one direction at most, so half the adjacency entries would
     * do for a simple graph; room for all of them does not rely on that. */
    size_t arcs = inverse ? 0 : c->start[c->n];
    w->mark = collab_alloc_array(inverse ? 1 : c->n + 1, sizeof *w->mark);
    w->succ = collab_alloc_array(arcs + 1, sizeof *w->succ);
    w->succ_at = collab_alloc_array(inverse ? 1 : c->n + 2, sizeof *w->succ_at);
    w->dist = collab_alloc_array(c->n + 1, sizeof *w->dist);
    w->sigma = collab_calloc_array(c->n + 1, sizeof *w->sigma);
    w->delta = collab_calloc_array(c->n + 1, sizeof *w->delta);
    w->order = collab_alloc_array(c->n + 1, sizeof *w->order);
    w->heap_cap = inverse ? c->start[c->n] + 1 : 1;
    w->heap = collab_alloc_array(w->heap_cap, sizeof *w->heap);
    if (w->level == NULL || w->mark == NULL || w->succ == NULL || w->succ_at == NULL ||
        w->dist == NULL || w->sigma == NULL || w->delta == NULL || w->order == NULL ||
        w->heap == NULL) {
        workspace_free(w);
        return false;
    }
    for (size_t v = 0; v < c->n; v++) {
        w->dist[v] = -1;
        w->level[v] = -1;
    }
    if (!inverse) {
        memset(w->mark, UNREACHED, c->n);
    }
    for (size_t k = 1; k < sizeof w->recip / sizeof w->recip[0]; k++) {
        w->recip[k] = 1.0 / (double)k;
    }
    w->recip[0] = INFINITY; /* never read: the source is skipped */
    return true;
}

static void show_progress(sweep *s)
{
    size_t done = atomic_load(&s->done);
    char message[96];
    snprintf(message, sizeof message, "shortest paths: %zu of %zu sources", done, s->n_sources);
    s->progress(message, 100.0 * (double)done / (double)s->n_sources, s->progress_data);
}

static void *run_worker(void *arg)
{
    worker *wk = arg;
    sweep *s = wk->s;
    workspace w;
    if (!workspace_init(&w, s->csr, s->inverse)) {
        wk->st = COLLAB_E_NOMEM;
        return NULL;
    }
    size_t step = s->n_sources / 200 + 1;
    /* Lanes are taken whole from a shared counter: which thread sums a lane does not change
     * what the lane sums, so the result is the same for any number of threads. */
    for (int l = atomic_fetch_add(&s->next_lane, 1); l < N_LANES;
         l = atomic_fetch_add(&s->next_lane, 1)) {
        for (size_t i = (size_t)l; i < s->n_sources && !atomic_load(&s->cancel); i += N_LANES) {
            uint32_t src = s->new_id[s->sources[i]];
            if (s->inverse) {
                accumulate_inverse(s, &w, &s->lanes[l], sssp_inverse(s->csr, &w, src));
            } else {
                size_t begin = s->comp_begin[s->comp[s->sources[i]]];
                accumulate_hops(s, &w, &s->lanes[l], src, begin, sssp_hops(s->csr, &w, src));
            }
            size_t done = atomic_fetch_add(&s->done, 1) + 1;
            if (s->progress != NULL && wk->id == 0 && done % step == 0 && done < s->n_sources) {
                show_progress(s);
            }
        }
    }
    workspace_free(&w);
    return NULL;
}

/* ---- driver ----------------------------------------------------------------------------- */

static void lane_free(lane *l)
{
    collab_free(l->bc);
    collab_free(l->bc2);
    collab_free(l->dsum);
    collab_free(l->dsum2);
    collab_free(l->hsum);
    collab_free(l->reached);
    memset(l, 0, sizeof *l);
}

static bool lane_init(lane *l, size_t n, bool squares)
{
    memset(l, 0, sizeof *l);
    l->bc = collab_calloc_array(n + 1, sizeof *l->bc);
    l->dsum = collab_calloc_array(n + 1, sizeof *l->dsum);
    l->hsum = collab_calloc_array(n + 1, sizeof *l->hsum);
    l->reached = collab_calloc_array(n + 1, sizeof *l->reached);
    if (squares) {
        l->bc2 = collab_calloc_array(n + 1, sizeof *l->bc2);
        l->dsum2 = collab_calloc_array(n + 1, sizeof *l->dsum2);
    }
    if (l->bc == NULL || l->dsum == NULL || l->hsum == NULL || l->reached == NULL ||
        (squares && (l->bc2 == NULL || l->dsum2 == NULL))) {
        lane_free(l);
        return false;
    }
    return true;
}

/* Labels components by BFS (ids in order of their smallest vertex) and lists every vertex in
 * `order`: component after component, each in BFS order. */
static size_t label_components(const collab_i_csr *c, uint32_t *comp, size_t *sizes,
                               size_t *begins, uint32_t *order)
{
    size_t n_comp = 0;
    size_t tail = 0;
    for (size_t v = 0; v < c->n; v++) {
        comp[v] = UINT32_MAX;
    }
    for (size_t root = 0; root < c->n; root++) {
        if (comp[root] != UINT32_MAX) {
            continue;
        }
        size_t begin = tail;
        size_t head = tail;
        order[tail++] = (uint32_t)root;
        comp[root] = (uint32_t)n_comp;
        while (head < tail) {
            uint32_t u = order[head++];
            for (size_t k = c->start[u]; k < c->start[u + 1]; k++) {
                if (comp[c->adj[k]] == UINT32_MAX) {
                    comp[c->adj[k]] = (uint32_t)n_comp;
                    order[tail++] = c->adj[k];
                }
            }
        }
        begins[n_comp] = begin;
        sizes[n_comp++] = tail - begin;
    }
    return n_comp;
}

/* The CSR with vertex order[i] renamed i. Neighbours that BFS puts together get nearby numbers,
 * so a sweep touches far fewer cache lines. Each list keeps its original order, which keeps
 * every BFS, and so every floating-point sum, exactly as on the original numbering. */
static bool relabel(const collab_i_csr *c, const uint32_t *order, uint32_t *new_id, bool weights,
                    collab_i_csr *out)
{
    memset(out, 0, sizeof *out);
    out->n = c->n;
    out->start = collab_alloc_array(c->n + 1, sizeof *out->start);
    out->adj = collab_alloc_array(c->start[c->n] + 1, sizeof *out->adj);
    out->weight = weights ? collab_alloc_array(c->start[c->n] + 1, sizeof *out->weight) : NULL;
    if (out->start == NULL || out->adj == NULL || (weights && out->weight == NULL)) {
        collab_i_csr_destroy(out);
        return false;
    }
    for (size_t i = 0; i < c->n; i++) {
        new_id[order[i]] = (uint32_t)i;
    }
    size_t fill = 0;
    for (size_t i = 0; i < c->n; i++) {
        uint32_t v = order[i];
        out->start[i] = fill;
        for (size_t k = c->start[v]; k < c->start[v + 1]; k++) {
            out->adj[fill] = new_id[c->adj[k]];
            if (weights) {
                out->weight[fill] = c->weight[k];
            }
            fill++;
        }
    }
    out->start[c->n] = fill;
    return true;
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Chooses the sources: all vertices, or per component k_c = max(min(size, 64), K size / n)
 * drawn without replacement (partial Fisher-Yates over the members). `picked[c]` = k_c. */
static size_t choose_sources(const collab_i_csr *c, const uint32_t *comp, const size_t *sizes,
                             size_t n_comp, long sample, uint64_t seed, uint32_t *sources,
                             size_t *picked)
{
    if (sample <= 0 || (size_t)sample >= c->n) {
        for (size_t v = 0; v < c->n; v++) {
            sources[v] = (uint32_t)v;
        }
        for (size_t k = 0; k < n_comp; k++) {
            picked[k] = sizes[k];
        }
        return c->n;
    }
    /* Group vertices by component: counting sort into `sources` as scratch. */
    size_t *offset = collab_calloc_array(n_comp + 1, sizeof *offset);
    uint32_t *members = collab_alloc_array(c->n + 1, sizeof *members);
    if (offset == NULL || members == NULL) {
        collab_free(offset);
        collab_free(members);
        return SIZE_MAX;
    }
    for (size_t k = 0; k < n_comp; k++) {
        offset[k + 1] = offset[k] + sizes[k];
    }
    for (size_t v = 0; v < c->n; v++) {
        members[offset[comp[v]]++] = (uint32_t)v;
    }
    uint64_t state = seed;
    size_t total = 0;
    size_t begin = 0;
    for (size_t k = 0; k < n_comp; k++) {
        size_t size = sizes[k];
        double share = (double)sample * (double)size / (double)c->n;
        size_t want = size <= SMALL_COMPONENT ? size : (size_t)llround(share);
        want = want < SMALL_COMPONENT ? (size < SMALL_COMPONENT ? size : SMALL_COMPONENT) : want;
        want = want > size ? size : want;
        uint32_t *m = members + begin;
        for (size_t i = 0; i < want; i++) {
            size_t j = i + (size_t)(collab_i_splitmix64(&state) % (uint64_t)(size - i));
            uint32_t t = m[i];
            m[i] = m[j];
            m[j] = t;
            sources[total++] = m[i];
        }
        picked[k] = want;
        begin += size;
    }
    collab_free(offset);
    collab_free(members);
    qsort(sources, total, sizeof *sources, compare_u32);
    return total;
}

/* Adds the lanes together (in lane order) and turns sums into the metrics. */
static collab_status combine(const sweep *s, const uint32_t *comp, const size_t *sizes,
                             const size_t *picked, collab_i_sweep_result *r, collab_error *err)
{
    size_t n = s->csr->n;
    r->betweenness = collab_calloc_array(n + 1, sizeof *r->betweenness);
    r->closeness = collab_calloc_array(n + 1, sizeof *r->closeness);
    r->harmonic = collab_calloc_array(n + 1, sizeof *r->harmonic);
    if (r->sampled) {
        r->betweenness_se = collab_calloc_array(n + 1, sizeof *r->betweenness_se);
        r->closeness_se = collab_calloc_array(n + 1, sizeof *r->closeness_se);
    }
    if (r->betweenness == NULL || r->closeness == NULL || r->harmonic == NULL ||
        (r->sampled && (r->betweenness_se == NULL || r->closeness_se == NULL))) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory combining path sums");
    }
    double pair_dist = 0;
    double pairs = 0;
    for (int l = 0; l < N_LANES; l++) {
        r->diameter = s->lanes[l].max_dist > r->diameter ? s->lanes[l].max_dist : r->diameter;
        pair_dist += s->lanes[l].pair_dist;
        pairs += s->lanes[l].pairs;
    }
    r->avg_path_length = pairs > 0 ? pair_dist / pairs : 0.0;
    for (size_t v = 0; v < n; v++) {
        double bc = 0, bc2 = 0, dsum = 0, dsum2 = 0, hsum = 0, reached = 0;
        uint32_t x = s->new_id[v];
        for (int l = 0; l < N_LANES; l++) {
            const lane *ln = &s->lanes[l];
            bc += ln->bc[x];
            dsum += ln->dsum[x];
            hsum += ln->hsum[x];
            reached += ln->reached[x];
            if (s->squares) {
                bc2 += ln->bc2[x];
                dsum2 += ln->dsum2[x];
            }
        }
        double size = (double)sizes[comp[v]];
        double k = (double)picked[comp[v]];
        /* Each unordered pair was counted from both ends when every source is swept; a sample
         * of k of the component's `size` sources is scaled up by size / k. */
        r->betweenness[v] = bc * (size / k) / 2.0;
        r->closeness[v] = dsum > 0 ? reached / dsum : 0.0;
        r->harmonic[v] = reached >= size - 1.0 ? hsum
                         : reached > 0           ? hsum * (size - 1.0) / reached
                                                 : 0.0;
        if (r->sampled && k < size && k > 1) {
            double mean = bc / k;
            double var = (bc2 - k * mean * mean) / (k - 1.0);
            r->betweenness_se[v] = size / 2.0 * sqrt(fmax(var, 0.0) * (1.0 - k / size) / k);
        }
        if (r->sampled && reached > 1 && reached < size - 1) {
            double mean = dsum / reached;
            double var = (dsum2 - reached * mean * mean) / (reached - 1.0);
            double se_mean = sqrt(fmax(var, 0.0) * (1.0 - reached / (size - 1.0)) / reached);
            r->closeness_se[v] = r->closeness[v] * se_mean / mean;
        }
    }
    return COLLAB_OK;
}

void collab_i_sweep_result_destroy(collab_i_sweep_result *r)
{
    if (r == NULL) {
        return;
    }
    collab_free(r->betweenness);
    collab_free(r->closeness);
    collab_free(r->harmonic);
    collab_free(r->betweenness_se);
    collab_free(r->closeness_se);
    memset(r, 0, sizeof *r);
}

static int default_threads(int requested)
{
    long cores = requested > 0 ? requested : sysconf(_SC_NPROCESSORS_ONLN);
    return cores < 1 ? 1 : cores > N_LANES ? N_LANES : (int)cores;
}

/* A sweep in progress: what collab_i_sweep_start set up and collab_i_sweep_finish frees. */
struct collab_i_sweep_job {
    sweep s;                      /* the shared state the workers read */
    collab_i_sweep_result r;      /* components, sources; the metrics once combined */
    collab_i_csr relabelled;      /* the graph renumbered for the sweep */
    uint32_t *comp;               /* component of each vertex */
    uint32_t *sources;            /* the sources */
    uint32_t *new_id;             /* the renumbering */
    size_t *sizes, *begins, *picked; /* per component: vertices, first new id, sources */
    pthread_t threads[N_LANES];   /* background workers */
    worker workers[N_LANES];      /* their state; the last is the caller's */
    int started;                  /* background workers running */
};

static void job_free(collab_i_sweep_job *job)
{
    for (int l = 0; l < N_LANES; l++) {
        lane_free(&job->s.lanes[l]);
    }
    collab_i_csr_destroy(&job->relabelled);
    collab_free(job->comp);
    collab_free(job->sizes);
    collab_free(job->begins);
    collab_free(job->picked);
    collab_free(job->sources);
    collab_free(job->new_id);
    collab_i_sweep_result_destroy(&job->r);
    collab_free(job);
}

/* Components, renumbering, sources and lanes: everything the workers need. */
static collab_status job_prepare(collab_i_sweep_job *job, const collab_i_csr *csr, bool inverse,
                                 long sample, uint64_t seed, int threads,
                                 collab_progress_fn progress, void *progress_data,
                                 collab_error *err)
{
    size_t n = csr->n;
    collab_i_sweep_result *r = &job->r;
    sweep *s = &job->s;
    job->comp = collab_alloc_array(n + 1, sizeof *job->comp);
    job->sizes = collab_alloc_array(n + 1, sizeof *job->sizes);
    job->begins = collab_alloc_array(n + 1, sizeof *job->begins);
    job->picked = collab_alloc_array(n + 1, sizeof *job->picked);
    job->sources = collab_alloc_array(n + 1, sizeof *job->sources);
    job->new_id = collab_alloc_array(n + 1, sizeof *job->new_id);
    uint32_t *order = collab_alloc_array(n + 1, sizeof *order);
    bool ok = job->comp != NULL && job->sizes != NULL && job->begins != NULL &&
              job->picked != NULL && job->sources != NULL && job->new_id != NULL && order != NULL;
    if (ok) {
        r->components = label_components(csr, job->comp, job->sizes, job->begins, order);
        for (size_t k = 0; k < r->components; k++) {
            r->largest = job->sizes[k] > r->largest ? job->sizes[k] : r->largest;
        }
        ok = relabel(csr, order, job->new_id, inverse, &job->relabelled);
    }
    collab_free(order);
    if (ok) {
        s->n_sources = choose_sources(csr, job->comp, job->sizes, r->components, sample, seed,
                                      job->sources, job->picked);
        ok = s->n_sources != SIZE_MAX;
    }
    if (!ok) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
    }
    r->sources = s->n_sources;
    r->sampled = s->n_sources < n;
    s->csr = &job->relabelled;
    s->new_id = job->new_id;
    s->comp = job->comp;
    s->comp_begin = job->begins;
    s->inverse = inverse;
    s->squares = r->sampled;
    s->sources = job->sources;
    s->n_threads = default_threads(threads);
    s->progress = s->n_sources > 0 ? progress : NULL;
    s->progress_data = progress_data;
    atomic_init(&s->done, 0);
    atomic_init(&s->next_lane, 0);
    atomic_init(&s->cancel, false);
    for (int l = 0; l < N_LANES; l++) {
        if (!lane_init(&s->lanes[l], n, s->squares)) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
        }
    }
    return COLLAB_OK;
}

collab_status collab_i_sweep_start(collab_i_sweep_job **out, const collab_i_csr *csr,
                                   bool inverse, long sample, uint64_t seed, int threads,
                                   collab_progress_fn progress, void *progress_data,
                                   collab_error *err)
{
    *out = NULL;
    collab_i_sweep_job *job = collab_calloc_array(1, sizeof *job);
    if (job == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
    }
    collab_status st = job_prepare(job, csr, inverse, sample, seed, threads, progress, progress_data,
                                   err);
    if (st != COLLAB_OK) {
        job_free(job);
        return st;
    }
    /* Workers 0 .. n-2 start now; worker n-1 is the caller, in collab_i_sweep_finish. Worker 0
     * shows the progress. If a thread cannot start, the others take its lanes. */
    for (int t = 0; t + 1 < job->s.n_threads; t++) {
        job->workers[t] = (worker){&job->s, t, COLLAB_OK};
        if (pthread_create(&job->threads[t], NULL, run_worker, &job->workers[t]) != 0) {
            break;
        }
        job->started = t + 1;
    }
    *out = job;
    return COLLAB_OK;
}

collab_status collab_i_sweep_finish(collab_i_sweep_job *job, bool cancel,
                                    collab_i_sweep_result *out, collab_error *err)
{
    sweep *s = &job->s;
    if (cancel) {
        atomic_store(&s->cancel, true);
    }
    int me = job->started;
    job->workers[me] = (worker){s, me, COLLAB_OK};
    if (!cancel) {
        run_worker(&job->workers[me]);
    }
    for (int t = 0; t < job->started; t++) {
        pthread_join(job->threads[t], NULL);
    }
    collab_status st = COLLAB_OK;
    if (s->progress != NULL && !cancel) {
        show_progress(s); /* all done: 100% */
    }
    for (int t = 0; t <= me && !cancel; t++) {
        if (job->workers[t].st != COLLAB_OK) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing shortest paths");
        }
    }
    if (st == COLLAB_OK && !cancel) {
        st = combine(s, job->comp, job->sizes, job->picked, &job->r, err);
    }
    if (st == COLLAB_OK && !cancel) {
        *out = job->r;
        memset(&job->r, 0, sizeof job->r);
    }
    job_free(job);
    return st;
}
