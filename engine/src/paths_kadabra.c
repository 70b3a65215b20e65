/* Betweenness with a stated guarantee: KADABRA's adaptive sampling of shortest paths.
 *
 * Borassi and Natale, "KADABRA is an ADaptive Algorithm for Betweenness via Random
 * Approximation", ESA 2016 (arXiv:1604.08553). Each sample is an ordered pair (s, t) of distinct
 * vertices drawn uniformly, then one shortest s-t path drawn uniformly among all of them; every
 * interior vertex of that path gets one count. After tau samples, b~(v) = count(v) / tau estimates
 *   b(v) = 1 / (n (n - 1)) * sum over ordered pairs s != t of sigma_st(v) / sigma_st,
 * which is collab's normalised betweenness times (n - 2) / n. The sampler never needs more than
 *   omega = (c / lambda^2) (floor(log2(VD - 2)) + 1 + ln(2 / delta)),   c = 1/2
 * samples (Riondato and Kornaropoulos 2016, with VD, the most vertices on a shortest path, bounded
 * by BFS: diameter <= 2 x eccentricity of any vertex), and stops earlier once, for every vertex,
 * the Bernstein-type bounds f (below) and g (above) of KADABRA's Theorem are both under lambda.
 * Each vertex's failure probabilities delta_L(v) and delta_U(v) are allotted from a first run of
 * omega / 100 samples (so that sum delta_L + delta_U <= delta / 2; the fixed bound at omega takes
 * the other delta / 2), as NetworKit's KadabraBetweenness does. With probability >= 1 - delta,
 * every vertex's b(v) lies in [b~ - f, b~ + g] when the sampler stops.
 *
 * Pairs are sampled by a balanced bidirectional BFS (hop lengths): the side whose frontier has
 * the smaller total degree grows by one level until the two meet, which touches far fewer
 * vertices than a BFS from s. With 1/weight lengths a Dijkstra from s stops when t is settled.
 *
 * Determinism: sample i draws from its own splitmix64 state derived from (seed, i), the counts
 * are integers (their sum does not depend on the order of the additions), and the stopping rule
 * is checked at fixed sample counts, so the result depends on the seed only, not on the number of
 * threads that share each batch of samples. */
#include "collab/alloc.h"
#include "collab/clock.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "paths_internal.h"
#include "random_internal.h"

#define START_FACTOR      100   /* first run: omega / START_FACTOR samples */
#define BALANCING         0.001 /* share of delta / 2 spread evenly over all vertices */
#define CHECK_EVERY       1000  /* samples between two checks of the stopping rule */
#define TOP_K_CAP_DIVISOR 4.0   /* --top-exact may sample down to lambda / 4 (16 x omega) */

double collab_i_kadabra_lower(double btilde, double tau, double omega, double delta_l)
{
    double lg = log(1.0 / delta_l);
    double tmp = omega / tau - 1.0 / 3.0;
    double err = lg / tau * (-tmp + sqrt(tmp * tmp + 2.0 * btilde * omega / lg));
    return fmin(err, btilde);
}

double collab_i_kadabra_upper(double btilde, double tau, double omega, double delta_u)
{
    double lg = log(1.0 / delta_u);
    double tmp = omega / tau + 1.0 / 3.0;
    double err = lg / tau * (tmp + sqrt(tmp * tmp + 2.0 * btilde * omega / lg));
    return fmin(err, 1.0 - btilde);
}

double collab_i_kadabra_omega(double lambda, double delta, double vd)
{
    double lg = vd > 3.0 ? floor(log2(vd - 2.0)) : 0.0;
    return ceil(0.5 / (lambda * lambda) * (lg + 1.0 + log(2.0 / delta)));
}

/* Scratch space for one sample, reset after each. */
typedef struct sampler {
    const collab_i_csr *c;
    bool inverse;
    int32_t *dist[2];   /* hops from s (0) and from t (1); -1 = not reached */
    double *sigma[2];   /* shortest paths from each side */
    uint32_t *queue[2]; /* BFS order of each side */
    uint32_t *meet;     /* vertices where the two sides met */
    uint32_t *pred;     /* predecessors of the vertex a walk is at */
    double *wdist;      /* Dijkstra distance, -1 = not reached */
    uint8_t *settled;   /* Dijkstra: 1 once popped */
    uint32_t *touched;  /* Dijkstra: vertices whose distance was set */
    collab_i_path_heap_item *heap;
    double *cum;   /* cumulative weights for a random choice */
    uint64_t work; /* adjacency entries scanned so far (the work limit measure) */
} sampler;

static void sampler_free(sampler *s)
{
    for (int k = 0; k < 2; k++) {
        collab_free(s->dist[k]);
        collab_free(s->sigma[k]);
        collab_free(s->queue[k]);
    }
    collab_free(s->meet);
    collab_free(s->pred);
    collab_free(s->wdist);
    collab_free(s->settled);
    collab_free(s->touched);
    collab_free(s->heap);
    collab_free(s->cum);
    memset(s, 0, sizeof *s);
}

static bool sampler_init(sampler *s, const collab_i_csr *c, bool inverse)
{
    memset(s, 0, sizeof *s);
    s->c = c;
    s->inverse = inverse;
    size_t n = c->n + 1;
    bool ok = true;
    for (int k = 0; k < 2; k++) {
        s->dist[k] = collab_alloc_array(n, sizeof *s->dist[k]);
        s->sigma[k] = collab_calloc_array(n, sizeof *s->sigma[k]);
        s->queue[k] = collab_alloc_array(n, sizeof *s->queue[k]);
        ok = ok && s->dist[k] != NULL && s->sigma[k] != NULL && s->queue[k] != NULL;
    }
    s->meet = collab_alloc_array(n, sizeof *s->meet);
    s->pred = collab_alloc_array(n, sizeof *s->pred);
    s->cum = collab_alloc_array(n, sizeof *s->cum);
    ok = ok && s->meet != NULL && s->pred != NULL && s->cum != NULL;
    if (ok && inverse) {
        s->wdist = collab_alloc_array(n, sizeof *s->wdist);
        s->settled = collab_calloc_array(n, sizeof *s->settled);
        s->touched = collab_alloc_array(n, sizeof *s->touched);
        s->heap = collab_alloc_array(c->start[c->n] + 2, sizeof *s->heap);
        ok = s->wdist != NULL && s->settled != NULL && s->touched != NULL && s->heap != NULL;
    }
    if (!ok) {
        sampler_free(s);
        return false;
    }
    for (size_t v = 0; v < c->n; v++) {
        s->dist[0][v] = -1;
        s->dist[1][v] = -1;
        if (inverse) {
            s->wdist[v] = -1;
        }
    }
    return true;
}

/* Index drawn with probability weight[i] / sum (weights in s->cum as running sums). */
static size_t pick(const double *cum, size_t n, uint64_t *state)
{
    double r = collab_i_splitmix_unit(state) * cum[n - 1];
    size_t lo = 0;
    size_t hi = n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cum[mid] > r) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return lo;
}

/* Walks from `u` back to side k's root, drawing each predecessor p with probability
 * sigma_k(p) / sigma_k(u), counting every vertex passed other than the root and `u`. */
static void walk_back(sampler *s, int k, uint32_t u, uint64_t *count, uint64_t *state)
{
    const collab_i_csr *c = s->c;
    const int32_t *dist = s->dist[k];
    const double *sigma = s->sigma[k];
    while (dist[u] > 1) {
        size_t m = 0;
        double run = 0;
        for (size_t e = c->start[u]; e < c->start[u + 1]; e++) {
            if (dist[c->adj[e]] == dist[u] - 1) {
                run += sigma[c->adj[e]];
                s->cum[m] = run;
                s->pred[m++] = c->adj[e];
            }
        }
        u = s->pred[pick(s->cum, m, state)];
        count[u]++;
    }
}

/* Expands side k by one level ([*lo, *hi) of its queue); returns how many vertices of the new
 * level the other side has reached already (stored in s->meet). */
static size_t expand(sampler *s, int k, size_t *lo, size_t *hi)
{
    const collab_i_csr *c = s->c;
    int32_t *dist = s->dist[k];
    double *sigma = s->sigma[k];
    const int32_t *other = s->dist[1 - k];
    uint32_t *q = s->queue[k];
    size_t tail = *hi;
    size_t met = 0;
    for (size_t i = *lo; i < *hi; i++) {
        uint32_t u = q[i];
        int32_t next = dist[u] + 1;
        for (size_t e = c->start[u]; e < c->start[u + 1]; e++) {
            uint32_t w = c->adj[e];
            if (dist[w] < 0) {
                dist[w] = next;
                q[tail++] = w;
                if (other[w] >= 0) {
                    s->meet[met++] = w;
                }
            }
            if (dist[w] == next) {
                sigma[w] += sigma[u];
            }
        }
    }
    *lo = *hi;
    *hi = tail;
    return met;
}

static double frontier_degree(const collab_i_csr *c, const uint32_t *q, size_t lo, size_t hi)
{
    double sum = 0;
    for (size_t i = lo; i < hi; i++) {
        sum += (double)(c->start[q[i] + 1] - c->start[q[i]]);
    }
    return sum; /* also what expanding that side scans */
}

/* One sample by balanced bidirectional BFS: counts the interior vertices of a uniformly drawn
 * shortest s-t path (none when s and t are not connected). */
static void sample_hops(sampler *s, uint32_t src, uint32_t dst, uint64_t *count, uint64_t *state)
{
    size_t lo[2] = {0, 0};
    size_t hi[2] = {1, 1};
    uint32_t root[2] = {src, dst};
    for (int k = 0; k < 2; k++) {
        s->queue[k][0] = root[k];
        s->dist[k][root[k]] = 0;
        s->sigma[k][root[k]] = 1;
    }
    size_t met = 0;
    int side = 0;
    while (lo[0] < hi[0] && lo[1] < hi[1]) {
        double d0 = frontier_degree(s->c, s->queue[0], lo[0], hi[0]);
        double d1 = frontier_degree(s->c, s->queue[1], lo[1], hi[1]);
        side = d0 <= d1 ? 0 : 1;
        s->work += (uint64_t)(d0 <= d1 ? d0 : d1);
        met = expand(s, side, &lo[side], &hi[side]);
        if (met > 0) {
            break;
        }
    }
    if (met > 0) {
        double run = 0;
        for (size_t i = 0; i < met; i++) {
            uint32_t w = s->meet[i];
            run += s->sigma[0][w] * s->sigma[1][w];
            s->cum[i] = run;
        }
        uint32_t w = s->meet[pick(s->cum, met, state)];
        if (w != src && w != dst) {
            count[w]++;
        }
        walk_back(s, 0, w, count, state);
        walk_back(s, 1, w, count, state);
    }
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < hi[k]; i++) {
            s->dist[k][s->queue[k][i]] = -1;
            s->sigma[k][s->queue[k][i]] = 0;
        }
    }
}

/* One sample with 1/weight lengths: Dijkstra from `src` until `dst` is settled (then every
 * vertex closer than dst is settled and its path count final), and a walk back from dst. */
static void sample_inverse(sampler *s, uint32_t src, uint32_t dst, uint64_t *count, uint64_t *state)
{
    const collab_i_csr *c = s->c;
    double *dist = s->wdist;
    double *sigma = s->sigma[0];
    size_t heap_size = 0;
    size_t n_touched = 0;
    dist[src] = 0;
    sigma[src] = 1;
    s->touched[n_touched++] = src;
    collab_i_path_heap_push(s->heap, &heap_size, 0, src);
    bool reached = false;
    while (heap_size > 0) {
        collab_i_path_heap_item top = collab_i_path_heap_pop(s->heap, &heap_size);
        uint32_t u = top.v;
        if (top.dist > dist[u] || s->settled[u]) {
            continue;
        }
        s->settled[u] = 1;
        s->work += c->start[u + 1] - c->start[u];
        if (u == dst) {
            reached = true;
            break;
        }
        for (size_t e = c->start[u]; e < c->start[u + 1]; e++) {
            uint32_t v = c->adj[e];
            if (s->settled[v]) {
                continue;
            }
            double alt = top.dist + 1.0 / c->weight[e];
            if (dist[v] < 0) {
                s->touched[n_touched++] = v;
            }
            if (dist[v] < 0 || (alt < dist[v] && !collab_i_path_same_length(alt, dist[v]))) {
                dist[v] = alt;
                sigma[v] = sigma[u];
                collab_i_path_heap_push(s->heap, &heap_size, alt, v);
            } else if (collab_i_path_same_length(alt, dist[v])) {
                sigma[v] += sigma[u];
            }
        }
    }
    for (uint32_t u = dst; reached && u != src;) {
        size_t m = 0;
        double run = 0;
        for (size_t e = c->start[u]; e < c->start[u + 1]; e++) {
            uint32_t p = c->adj[e];
            if (s->settled[p] && dist[p] < dist[u] &&
                collab_i_path_same_length(dist[p] + 1.0 / c->weight[e], dist[u])) {
                run += sigma[p];
                s->cum[m] = run;
                s->pred[m++] = p;
            }
        }
        u = s->pred[pick(s->cum, m, state)];
        if (u != src) {
            count[u]++;
        }
    }
    for (size_t i = 0; i < n_touched; i++) {
        uint32_t v = s->touched[i];
        dist[v] = -1;
        sigma[v] = 0;
        s->settled[v] = 0;
    }
}

/* Draws samples [first, last) into `count`. */
static void run_samples(sampler *s, uint64_t seed, uint64_t first, uint64_t last, uint64_t *count)
{
    size_t n = s->c->n;
    for (uint64_t i = first; i < last; i++) {
        /* each sample's own stream: the same sample whoever draws it, whenever */
        uint64_t state = seed ^ (i * 0xd1b54a32d192ed03ULL);
        (void)collab_i_splitmix64(&state);
        uint32_t a = (uint32_t)(collab_i_splitmix64(&state) % n);
        uint32_t b = (uint32_t)(collab_i_splitmix64(&state) % (n - 1));
        b = b >= a ? b + 1 : b;
        if (s->inverse) {
            sample_inverse(s, a, b, count, &state);
        } else {
            sample_hops(s, a, b, count, &state);
        }
    }
}

/* Spreads delta / 2 over the vertices' lower and upper failure probabilities from the first
 * run's estimates `b0`, so that vertices of high betweenness (whose bounds are widest) get more
 * (NetworKit's computeDeltaGuess, absolute case): delta_L(v) = delta_U(v) =
 * exp(-C lambda^2 / b0(v)) + delta * BALANCING / (4 n), with C found by bisection so that the sum
 * over vertices of both is delta / 2. */
static void allot_delta(const double *b0, size_t n, double lambda, double delta, double *dl)
{
    double a = 0;
    double b = 1.0 / (lambda * lambda) * log((double)n * 4.0 * (1.0 - BALANCING) / delta);
    while (b - a > lambda / 10.0) {
        double mid = (a + b) / 2.0;
        double sum = 0;
        for (size_t v = 0; v < n; v++) {
            sum += b0[v] > 0 ? 2.0 * exp(-mid * lambda * lambda / b0[v]) : 0.0;
        }
        if (sum >= delta / 2.0 * (1.0 - BALANCING)) {
            a = mid;
        } else {
            b = mid;
        }
    }
    for (size_t v = 0; v < n; v++) {
        double base = b0[v] > 0 ? exp(-b * lambda * lambda / b0[v]) : 0.0;
        dl[v] = base + delta * BALANCING / 4.0 / (double)n;
    }
}

/* Fills estimate, low and high from `count` after tau samples; true when every vertex's bounds
 * are under lambda. */
static bool bounds(collab_i_kadabra_result *r, const uint64_t *count, size_t n, double tau,
                   double omega, double lambda, const double *dl, bool at_cap)
{
    bool done = true;
    for (size_t v = 0; v < n; v++) {
        double b = (double)count[v] / tau;
        double f = collab_i_kadabra_lower(b, tau, omega, dl[v]);
        double g = collab_i_kadabra_upper(b, tau, omega, dl[v]);
        done = done && f < lambda && g < lambda;
        if (at_cap) {
            /* at omega samples the fixed-size bound holds too (the other delta / 2) */
            f = fmin(f, r->cap_lambda);
            g = fmin(g, r->cap_lambda);
        }
        r->estimate[v] = b;
        r->low[v] = fmax(b - f, 0.0);
        r->high[v] = fmin(b + g, 1.0);
    }
    return done;
}

void collab_i_kadabra_result_destroy(collab_i_kadabra_result *r)
{
    if (r == NULL) {
        return;
    }
    collab_free(r->estimate);
    collab_free(r->low);
    collab_free(r->high);
    collab_free(r->top);
    collab_free(r->rank_best);
    collab_free(r->rank_worst);
    memset(r, 0, sizeof *r);
}

#define MAX_THREADS 4

/* One thread's share of a batch: samples [first, last) into its own counts. */
typedef struct batch_part {
    sampler s;
    uint64_t *count; /* n counts, zeroed once added to the total */
    uint64_t seed, first, last;
} batch_part;

static void *run_part(void *arg)
{
    batch_part *p = arg;
    run_samples(&p->s, p->seed, p->first, p->last, p->count);
    return NULL;
}

typedef struct run_state {
    batch_part parts[MAX_THREADS];
    int n_parts;
    uint64_t work; /* adjacency entries scanned by all samples so far */
    uint64_t *count;
    double *b0, *dl;
} run_state;

static void run_state_free(run_state *st)
{
    for (int t = 0; t < MAX_THREADS; t++) {
        sampler_free(&st->parts[t].s);
        collab_free(st->parts[t].count);
    }
    collab_free(st->count);
    collab_free(st->b0);
    collab_free(st->dl);
}

static bool parts_init(run_state *st, const collab_i_csr *c, bool inverse, int threads)
{
    st->n_parts = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads;
    for (int t = 0; t < st->n_parts; t++) {
        st->parts[t].count = collab_calloc_array(c->n + 1, sizeof *st->parts[t].count);
        if (st->parts[t].count == NULL || !sampler_init(&st->parts[t].s, c, inverse)) {
            return false;
        }
    }
    return true;
}

/* Samples [first, last) split in contiguous shares over the threads, added into st->count. If a
 * thread cannot start, the caller draws its share: the counts are the same either way. */
static void run_batch(run_state *st, size_t n, uint64_t seed, uint64_t first, uint64_t last)
{
    pthread_t tid[MAX_THREADS];
    bool started[MAX_THREADS] = {false};
    uint64_t span = last - first;
    for (int t = 0; t < st->n_parts; t++) {
        batch_part *p = &st->parts[t];
        p->seed = seed;
        p->first = first + span * (uint64_t)t / (uint64_t)st->n_parts;
        p->last = first + span * (uint64_t)(t + 1) / (uint64_t)st->n_parts;
        if (t > 0 && p->last - p->first > 64) {
            started[t] = pthread_create(&tid[t], NULL, run_part, p) == 0;
        }
    }
    for (int t = 0; t < st->n_parts; t++) {
        if (!started[t]) {
            run_part(&st->parts[t]);
        }
    }
    for (int t = 1; t < st->n_parts; t++) {
        if (started[t]) {
            pthread_join(tid[t], NULL);
        }
    }
    for (int t = 0; t < st->n_parts; t++) {
        st->work += st->parts[t].s.work;
        st->parts[t].s.work = 0;
        uint64_t *c = st->parts[t].count;
        for (size_t v = 0; v < n; v++) {
            st->count[v] += c[v];
            c[v] = 0;
        }
    }
}

/* The samples drawn, and the time left at most: the sampler stops at omega samples or at its
 * work limit, whichever comes first, and may stop much earlier once its bounds hold. */
static void report(const collab_i_kadabra_opts *o, double tau, double omega, double work,
                   double started)
{
    if (o->progress != NULL) {
        char msg[128];
        double share = fmin(tau / omega, 1.0);
        if (o->work_limit > 0) {
            share = fmax(share, fmin(work / o->work_limit, 1.0));
        }
        int n =
            snprintf(msg, sizeof msg, "betweenness: %.0f sampled paths (at most %.0f)", tau, omega);
        double elapsed = collab_clock_seconds() - started;
        if (share > 0 && share < 1 && elapsed > 1 && n > 0 && (size_t)n < sizeof msg) {
            snprintf(msg + n, sizeof msg - (size_t)n, ", at most about %.0f s left",
                     ceil(elapsed * (1 - share) / share));
        }
        o->progress(msg, 100.0 * share, o->progress_data);
    }
}

collab_status collab_i_kadabra(collab_i_kadabra_result *out, const collab_i_csr *c,
                               const collab_i_kadabra_opts *o, collab_error *err)
{
    size_t n = c->n;
    collab_i_kadabra_result r = {0};
    run_state st = {0};
    collab_status status = COLLAB_OK;
    r.estimate = collab_calloc_array(n + 1, sizeof *r.estimate);
    r.low = collab_calloc_array(n + 1, sizeof *r.low);
    r.high = collab_calloc_array(n + 1, sizeof *r.high);
    r.top = collab_calloc_array(o->top_k + 1, sizeof *r.top);
    r.rank_best = collab_calloc_array(o->top_k + 1, sizeof *r.rank_best);
    r.rank_worst = collab_calloc_array(o->top_k + 1, sizeof *r.rank_worst);
    st.count = collab_calloc_array(n + 1, sizeof *st.count);
    st.b0 = collab_alloc_array(n + 1, sizeof *st.b0);
    st.dl = collab_alloc_array(n + 1, sizeof *st.dl);
    if (r.estimate == NULL || r.low == NULL || r.high == NULL || r.top == NULL ||
        r.rank_best == NULL || r.rank_worst == NULL || st.count == NULL || st.b0 == NULL ||
        st.dl == NULL || (n >= 3 && !parts_init(&st, c, o->inverse, o->threads))) {
        status = collab_error_set(err, COLLAB_E_NOMEM, "out of memory sampling betweenness");
        goto cleanup;
    }
    /* lambda on b(v) so that the error on normalised betweenness, b n / (n - 2), is eps */
    r.lambda = n >= 3 ? o->eps * ((double)n - 2.0) / (double)n : o->eps;
    r.cap_lambda = o->top_k > 0 ? r.lambda / TOP_K_CAP_DIVISOR : r.lambda;
    r.omega = collab_i_kadabra_omega(r.cap_lambda, o->delta, o->vertex_diameter);
    if (n < 3 || o->vertex_diameter <= 2.0) {
        /* no shortest path has an interior vertex: every betweenness is exactly 0 */
        r.omega = 0;
        r.exact = true;
        goto done;
    }
    uint64_t first = (uint64_t)ceil(r.omega / START_FACTOR);
    run_batch(&st, n, o->seed, 0, first);
    for (size_t v = 0; v < n; v++) {
        st.b0[v] = (double)st.count[v] / (double)first;
        st.count[v] = 0;
    }
    allot_delta(st.b0, n, r.lambda, o->delta, st.dl);
    /* the second run is independent of the first: its samples are numbered after them */
    uint64_t tau = 0;
    uint64_t cap = (uint64_t)r.omega;
    double started = collab_clock_seconds();
    for (;;) {
        uint64_t next = tau + CHECK_EVERY < cap ? tau + CHECK_EVERY : cap;
        run_batch(&st, n, o->seed, first + tau, first + next);
        tau = next;
        bool at_cap = tau >= cap;
        bool done = bounds(&r, st.count, n, (double)tau, r.omega, r.lambda, st.dl, at_cap);
        bool nomem = false;
        if (o->top_k > 0) {
            done = collab_i_kadabra_rank(&r, n, o->top_k, &nomem);
        }
        if (nomem) {
            status = collab_error_set(err, COLLAB_E_NOMEM, "out of memory ranking betweenness");
            goto cleanup;
        }
        report(o, (double)tau, r.omega, (double)st.work, started);
        /* the work limit is checked at the same fixed sample counts as the bounds, and the
         * work of a sample depends on the sample only: the stop is deterministic too. The
         * intervals stay valid (KADABRA's bounds hold at any stopping time up to omega). */
        bool over = o->work_limit > 0 && (double)st.work >= o->work_limit;
        if (done || at_cap || over) {
            r.adaptive_stop = done && !at_cap;
            r.work_stop = !done && !at_cap && over;
            break;
        }
    }
    r.samples = tau;
    r.first_samples = first;
    r.work = (double)st.work;
done:
    if (r.exact) {
        for (size_t i = 0; i < o->top_k && i < n; i++) {
            r.top[i] = (uint32_t)i;
            r.rank_best[i] = 1;
            r.rank_worst[i] = n;
        }
    }
    *out = r;
    memset(&r, 0, sizeof r);
cleanup:
    collab_i_kadabra_result_destroy(&r);
    run_state_free(&st);
    return status;
}
