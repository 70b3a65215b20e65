/* The single-source kernels of the path sweep: Brandes' algorithm from one source, by BFS (hops)
 * or by Dijkstra (length 1/weight), its dependencies accumulated into a lane, and the workspace
 * each worker thread reuses from source to source. They read the CSR and write only the
 * workspace and the lane they are given, so any number of threads may run them at once. */
#include "collab/alloc.h"

#include <math.h>
#include <string.h>

#include "paths_internal.h"

typedef collab_i_path_lane lane;
typedef collab_i_path_heap_item heap_item;
typedef collab_i_path_workspace workspace;

void collab_i_path_heap_push(heap_item *heap, size_t *size, double dist, uint32_t v)
{
    size_t i = (*size)++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (heap[parent].dist < dist || (heap[parent].dist == dist && heap[parent].v <= v)) {
            break;
        }
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = (heap_item){dist, v};
}

heap_item collab_i_path_heap_pop(heap_item *heap, size_t *size)
{
    heap_item top = heap[0];
    heap_item last = heap[--(*size)];
    size_t i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= *size) {
            break;
        }
        if (child + 1 < *size &&
            (heap[child + 1].dist < heap[child].dist ||
             (heap[child + 1].dist == heap[child].dist && heap[child + 1].v < heap[child].v))) {
            child++;
        }
        if (last.dist < heap[child].dist ||
            (last.dist == heap[child].dist && last.v <= heap[child].v)) {
            break;
        }
        heap[i] = heap[child];
        i = child;
    }
    if (*size > 0) {
        heap[i] = last;
    }
    return top;
}

/* Two path lengths are equal when they differ by rounding only (igraph compares the same way). */
bool collab_i_path_same_length(double a, double b)
{
    double scale = fabs(a) > 1.0 ? fabs(a) : 1.0;
    return fabs(a - b) <= 1e-10 * scale;
}

/* The BFS asks for the adjacency list of the vertex this many places ahead in its queue: lists
 * are visited in a different order from every source, so each is a jump the hardware prefetcher
 * cannot guess (2, 6, 8 and 12 measured within noise of each other, a few percent ahead of none).
 */
#define PREFETCH_AHEAD 8
/* A vertex not reached yet, in `mark`. */
#define UNREACHED 255

/* BFS from `s`: fills level, sigma, order and the successor arcs; returns the number of vertices
 * reached. The hot loop tests a one-byte mark instead of the level: neighbours' hop counts differ
 * by at most one, so levels modulo 255 tell "next level" from "this one" and "the one before",
 * and the n-byte marks stay in the core's L2 cache where 32-bit levels would not. The successor
 * arcs (w->succ) let the back-propagation read only the arcs it sums, in the order they were
 * found, which is adjacency order: the sums are those of a scan of every neighbour.
 *
 * Whether an arc leads to the next level is a coin toss to the branch predictor (on a graph of
 * overlapping cliques a third to a half of the arcs do), so the scan of u's list does not branch
 * on it: every neighbour is written to `succ` and kept by advancing the count; a second loop then
 * adds u's paths to the successors it kept (each sigma still receives its terms in the order of
 * the first). On a generated 40k-row credits file that took the one-thread sweep from 5.5 s to
 * 3.6 s. The arrays are restrict-qualified locals and the list's end a local, so the compiler
 * keeps them in registers instead of reloading them after every byte store to `mark`. A vertex's
 * level is written when it leaves the queue, from the level boundaries in `order`. */
static size_t sssp_hops(const collab_i_csr *c, const double *mult, workspace *w, uint32_t s)
{
    const size_t *restrict start = c->start;
    const uint32_t *restrict adj = c->adj;
    int32_t *restrict level = w->level;
    uint8_t *restrict mark = w->mark;
    double *restrict sigma = w->sigma;
    uint32_t *restrict succ = w->succ;
    uint32_t *restrict order = w->order;
    size_t *restrict succ_at = w->succ_at;
    size_t head = 0;
    size_t tail = 0;
    size_t n_succ = 0;
    size_t level_end = 1; /* where the current level ends in `order` */
    int32_t depth = 0;
    order[tail++] = s;
    mark[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
        if (head == level_end) {
            depth++;
            level_end = tail;
        }
        succ_at[head] = n_succ;
        if (head + PREFETCH_AHEAD < tail) {
            __builtin_prefetch(adj + start[order[head + PREFETCH_AHEAD]]);
        }
        uint32_t u = order[head++];
        level[u] = depth;
        uint8_t next_mark = mark[u] == UNREACHED - 1 ? 0 : (uint8_t)(mark[u] + 1);
        /* on a quotient graph (mult not NULL) vertex u stands for mult[u] vertices: a path
         * through u may go through any of them, so u passes sigma[u] x mult[u] paths on (the
         * source only its own one), and sigma[v] counts the paths to each member of v */
        double su = mult == NULL || u == s ? sigma[u] : sigma[u] * mult[u];
        size_t first = n_succ;
        size_t end = start[u + 1];
        for (size_t k = start[u]; k < end; k++) {
            uint32_t v = adj[k];
            uint8_t mv = mark[v];
            if (mv == UNREACHED) {
                mark[v] = next_mark;
                order[tail++] = v;
                mv = next_mark;
            }
            succ[n_succ] = v;
            n_succ += mv == next_mark;
        }
        for (size_t k = first; k < n_succ; k++) {
            sigma[succ[k]] += su;
        }
    }
    succ_at[head] = n_succ;
    return tail;
}

/* Adds what one source tells about vertex v (distance d, its reciprocal, dependency delta) to
 * the lane; with `squares`, their squares too. */
static void add_to_lane(lane *l, bool squares, uint32_t v, double d, double recip_d, double delta)
{
    l->bc[v] += delta;
    l->dsum[v] += d;
    l->hsum[v] += recip_d;
    l->reached[v]++;
    l->pair_dist += d;
    if (squares) {
        l->bc2[v] += delta * delta;
        l->dsum2[v] += d * d;
    }
    if (d > l->max_dist) {
        l->max_dist = d;
    }
}

/* Brandes' back-propagation for hop mode over the `reached` vertices of the last sssp_hops,
 * pulling from successors so each vertex's dependency is final when read. Each vertex's share
 * (1 + delta) / sigma is computed once and kept in sigma's place, so the pull reads one value
 * per successor and divides nothing. */
static void dependencies_hops(const double *mult, const uint8_t *twice, workspace *w,
                              size_t reached)
{
    double *restrict share = w->sigma;
    double *restrict delta = w->delta;
    const uint32_t *restrict succ = w->succ;
    const uint32_t *restrict order = w->order;
    const size_t *restrict succ_at = w->succ_at;
    for (size_t i = reached; i-- > 1;) {
        uint32_t v = order[i];
        double sum = 0;
        size_t end = succ_at[i + 1];
        for (size_t k = succ_at[i]; k < end; k++) {
            sum += share[succ[k]];
        }
        double sigma_v = share[v];
        double d = sigma_v * sum;
        delta[v] = d;
        /* weighted by multiplicity (mult not NULL): every member of v is a target and passes
         * its dependency on; with `twice` (the run of a side class), v counts twice as a target
         * unless it is a side class itself (twice[v] 1) */
        double target = twice == NULL || twice[v] ? 1.0 : 2.0;
        share[v] = mult == NULL ? (1.0 + d) / sigma_v : mult[v] * (target + d) / sigma_v;
    }
}

/* The dependencies (unless the lane wants distances only), then the sums go to the lane over
 * the source's component, [begin, begin + reached), in vertex order: the relabelling makes that
 * range contiguous, so the lane's arrays are streamed, not scattered (each vertex still
 * receives the sources in the same order, so no sum changes). */
static void accumulate_hops(workspace *w, lane *l, bool squares, uint32_t src, size_t begin,
                            size_t reached)
{
    int32_t *level = w->level;
    double *share = w->sigma;
    double *delta = w->delta;
    if (!l->distances_only) {
        dependencies_hops(NULL, NULL, w, reached);
    }
    l->pairs += (double)(reached - 1);
    for (size_t v = begin; v < begin + reached; v++) {
        if (v != src) {
            int32_t d = level[v];
            double recip = d < 256 ? w->recip[d] : 1.0 / (double)d;
            add_to_lane(l, squares, (uint32_t)v, (double)d, recip, delta[v]);
        }
        level[v] = -1;
        w->mark[v] = UNREACHED;
        share[v] = 0;
        delta[v] = 0;
    }
}

/* The lane sums of a run from `src` that also stands for `twins` - 1 other sources at the same
 * distances and `pendants` sources one hop further (paths_reduce.c), after the back-propagation:
 * each reached vertex of the component [begin, end) gets the dependency and the distance terms of
 * all of them for one of its mult[v] members, and the pair statistics count them all. With
 * `side` (src is a side class), the run also stands for the runs towards `src` of the vertices
 * that are not side classes: it gives each member of `src` their distance terms and counts those
 * pairs again. Time complexity: O(V_c). */
static void add_folded(const double *mult, const uint8_t *side, workspace *w, lane *l, uint32_t src,
                       size_t begin, size_t end, uint32_t twins, uint32_t pendants)
{
    int32_t *level = w->level;
    double *delta = w->delta;
    double k = (double)twins;
    double p = (double)pendants;
    double each = k + p;
    int32_t ecc = 0;
    double members = 0;
    double *at = w->count_at; /* side: members of non-side vertices by distance (exact) */
    for (size_t v = begin; v < end; v++) {
        int32_t d = level[v];
        if (d < 0) {
            continue; /* a side class, cut off from this run */
        }
        if (v != src) {
            double recip = d < 256 ? w->recip[d] : 1.0 / (double)d;
            double recip1 = d + 1 < 256 ? w->recip[d + 1] : 1.0 / ((double)d + 1.0);
            double dist = k * (double)d + p * ((double)d + 1.0);
            l->bc[v] += each * delta[v];
            l->dsum[v] += dist;
            l->hsum[v] += k * recip + p * recip1;
            l->reached[v] += twins + pendants;
            l->pair_dist += mult[v] * dist;
            members += mult[v];
            ecc = d > ecc ? d : ecc;
            if (side != NULL && !side[v]) {
                at[d] += mult[v];
            }
        }
        level[v] = -1;
        w->mark[v] = UNREACHED;
        w->sigma[v] = 0;
        delta[v] = 0;
    }
    l->pairs += each * members;
    if (side != NULL) {
        /* summed by distance: a few products of exact counts, where a sum over every vertex
         * would round once per vertex (harmonic centrality off by up to 2e-13 relative) */
        double back_dist = 0, back_recip = 0, back_members = 0;
        for (int32_t d = 1; d <= ecc; d++) {
            back_dist += at[d] * (double)d;
            back_recip += at[d] * (d < 256 ? w->recip[d] : 1.0 / (double)d);
            back_members += at[d];
            at[d] = 0;
        }
        l->dsum[src] += back_dist;
        l->hsum[src] += back_recip;
        l->reached[src] += (uint32_t)back_members;
        l->pair_dist += k * back_dist;
        l->pairs += k * back_members;
    }
    /* a pendant's farthest vertex is one hop beyond the source's, unless that is the pendant
     * itself (1 hop away): then it is another vertex, 2 hops away, if there is one */
    double far = pendants == 0 ? (double)ecc
                 : ecc >= 2    ? (double)ecc + 1.0
                               : (members >= 2 ? 2.0 : 1.0);
    if (far > l->max_dist) {
        l->max_dist = far;
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
    collab_i_path_heap_push(w->heap, &size, 0, s);
    while (size > 0) {
        heap_item top = collab_i_path_heap_pop(w->heap, &size);
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
            if (w->dist[v] < 0 ||
                (alt < w->dist[v] && !collab_i_path_same_length(alt, w->dist[v]))) {
                w->dist[v] = alt;
                w->sigma[v] = w->sigma[u];
                collab_i_path_heap_push(w->heap, &size, alt, v);
            } else if (collab_i_path_same_length(alt, w->dist[v])) {
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
    return w->dist[u] >= 0 && w->dist[u] < w->dist[v] &&
           collab_i_path_same_length(w->dist[u] + len, w->dist[v]);
}

/* Brandes' back-propagation for 1/weight mode, pushing to predecessors. */
static void accumulate_inverse(const collab_i_csr *c, workspace *w, lane *l, bool squares,
                               size_t reached)
{
    for (size_t i = reached; i-- > 1;) {
        uint32_t v = w->order[i];
        double coeff = (1.0 + w->delta[v]) / w->sigma[v];
        for (size_t k = l->distances_only ? c->start[v + 1] : c->start[v]; k < c->start[v + 1];
             k++) {
            uint32_t u = c->adj[k];
            if (is_predecessor(w, u, v, 1.0 / c->weight[k])) {
                w->delta[u] += w->sigma[u] * coeff;
            }
        }
        add_to_lane(l, squares, v, w->dist[v], 1.0 / w->dist[v], w->delta[v]);
    }
    l->pairs += (double)(reached - 1);
    for (size_t i = 0; i < reached; i++) {
        uint32_t v = w->order[i];
        w->dist[v] = -1;
        w->sigma[v] = 0;
        w->delta[v] = 0;
    }
}

void collab_i_path_workspace_free(workspace *w)
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
    collab_free(w->count_at);
}

bool collab_i_path_workspace_init(workspace *w, const collab_i_csr *c, bool inverse)
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
    w->count_at = collab_calloc_array(inverse ? 1 : c->n + 1, sizeof *w->count_at);
    if (w->level == NULL || w->mark == NULL || w->succ == NULL || w->succ_at == NULL ||
        w->dist == NULL || w->sigma == NULL || w->delta == NULL || w->order == NULL ||
        w->heap == NULL || w->count_at == NULL) {
        collab_i_path_workspace_free(w);
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

void collab_i_paths_from_hops(const collab_i_csr *c, workspace *w, lane *l, bool squares,
                              uint32_t src, size_t begin)
{
    accumulate_hops(w, l, squares, src, begin, sssp_hops(c, NULL, w, src));
}

void collab_i_paths_from_inverse(const collab_i_csr *c, workspace *w, lane *l, bool squares,
                                 uint32_t src)
{
    accumulate_inverse(c, w, l, squares, sssp_inverse(c, w, src));
}

void collab_i_paths_from_hops_folded(const collab_i_csr *c, const double *mult, const uint8_t *side,
                                     workspace *w, lane *l, uint32_t src, size_t begin, size_t end,
                                     uint32_t twins, uint32_t pendants)
{
    const uint8_t *twice = side != NULL && side[src] ? side : NULL;
    size_t reached = sssp_hops(c, mult, w, src);
    dependencies_hops(mult, twice, w, reached);
    add_folded(mult, twice, w, l, src, begin, end, twins, pendants);
}
