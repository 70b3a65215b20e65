/* ForceAtlas2 (Jacomy, Venturini, Heymann and Bastian, PLoS ONE 9(6), 2014).
 *
 * The forces and the adaptive speed follow Gephi's ForceAtlas2.java and ForceFactory.java, so
 * that the parameters mean what Gephi users expect: repulsion k_r (m_u m_v) / d between all
 * pairs with masses m = 1 + degree (Barnes-Hut, theta 1.2), attraction w log(1 + d) in LinLog
 * mode or w d otherwise, gravity m g (or m g d when strong), a global speed driven by the ratio
 * of "swinging" to "traction", and a per-node speed that drops when the node swings. With node
 * sizes the repulsion and attraction act on the gaps between discs (Gephi's adjustSizes).
 *
 * The multilevel driver is in layout_multilevel.c. */
#include "collab/alloc.h"
#include "collab/clock.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include "layout_internal.h"

/* Below this much work (nodes + edges / 8) an iteration takes well under a millisecond and a
 * second thread costs more than it saves. */
#define PARALLEL_MIN_WORK 2000

void collab_i_fa2_params_init(collab_i_fa2_params *p)
{
    p->scaling = 2.0;
    p->gravity = 1.0;
    p->linlog = true;
    p->strong_gravity = false;
    p->dissuade_hubs = false;
    p->theta = 1.2;
    p->jitter_tolerance = 1.0;
    p->size = NULL;
    p->parallel = true;
    p->meter = NULL;
}

/* Working state of one run; the speeds carry over between levels. */
typedef struct fa2_work {
    double *fx, *fy;         /* forces of this iteration */
    double *old_fx, *old_fy; /* forces of the previous iteration */
    double *ax[2], *ay[2];   /* attraction summed by each half of the edges */
    collab_i_quadtree qt;    /* rebuilt each iteration */
    double speed;            /* Gephi's global speed, starts at 1 */
    double efficiency;       /* Gephi's speedEfficiency, starts at 1 */
    double compensation;     /* Gephi's outboundAttCompensation */
} fa2_work;

static void fa2_work_destroy(fa2_work *w)
{
    collab_free(w->fx);
    collab_free(w->fy);
    collab_free(w->old_fx);
    collab_free(w->old_fy);
    for (int h = 0; h < 2; h++) {
        collab_free(w->ax[h]);
        collab_free(w->ay[h]);
    }
    collab_i_quadtree_destroy(&w->qt);
    memset(w, 0, sizeof *w);
}

static collab_status fa2_work_init(fa2_work *w, size_t n, collab_error *err)
{
    memset(w, 0, sizeof *w);
    collab_status st = collab_i_quadtree_init(&w->qt, n, err);
    if (st != COLLAB_OK) {
        return st;
    }
    w->fx = collab_calloc_array(n, sizeof(double));
    w->fy = collab_calloc_array(n, sizeof(double));
    w->old_fx = collab_calloc_array(n, sizeof(double));
    w->old_fy = collab_calloc_array(n, sizeof(double));
    bool ok = w->fx != NULL && w->fy != NULL && w->old_fx != NULL && w->old_fy != NULL;
    for (int h = 0; h < 2; h++) {
        w->ax[h] = collab_alloc_array(n, sizeof(double));
        w->ay[h] = collab_alloc_array(n, sizeof(double));
        ok = ok && w->ax[h] != NULL && w->ay[h] != NULL;
    }
    if (!ok) {
        fa2_work_destroy(w);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory laying out the graph");
    }
    w->speed = 1.0;
    w->efficiency = 1.0;
    return COLLAB_OK;
}

static void fa2_gravity(const collab_i_fa2_graph *g, const collab_i_fa2_params *p, fa2_work *w,
                        const double *x, const double *y)
{
    for (size_t i = 0; i < g->n_vertices; i++) {
        double d = sqrt(x[i] * x[i] + y[i] * y[i]);
        if (d <= 0.0) {
            continue;
        }
        double f = g->mass[i] * p->gravity * (p->strong_gravity ? 1.0 : 1.0 / d);
        w->fx[i] -= x[i] * f;
        w->fy[i] -= y[i] * f;
    }
}

/* Gephi's outboundAttCompensation: dividing by masses weakens all attraction, so scale it back
 * by the mean mass. */
static double fa2_hub_compensation(const collab_i_fa2_graph *g, const collab_i_fa2_params *p)
{
    if (!p->dissuade_hubs || g->n_vertices == 0) {
        return 1.0;
    }
    double sum = 0.0;
    for (size_t i = 0; i < g->n_vertices; i++) {
        sum += g->mass[i];
    }
    return sum / (double)g->n_vertices;
}

/* log(1 + d) / d for d > 0, to about 1e-10 relative. libm's log1p took a third of the run time
 * (the attraction needs one per edge per iteration). Splits 1 + d into 2^e m with m in [1, 2)
 * and sums the atanh series of log m = 2 atanh((m - 1) / (m + 1)) (argument below 1/3), with no
 * data-dependent branch, which would mispredict half the time; one division serves both that
 * quotient and the final 1 / d. */
static double log1p_ratio(double d)
{
    if (d < 1e-3) {
        return 1.0 - d * (0.5 - d / 3.0); /* 1 + d would drop d's digits */
    }
    double x = 1.0 + d, m;
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int e = (int)((bits >> 52) & 0x7ff) - 1023;
    bits = (bits & UINT64_C(0x000FFFFFFFFFFFFF)) | UINT64_C(0x3FF0000000000000);
    memcpy(&m, &bits, sizeof m);
    double r = 1.0 / ((m + 1.0) * d);
    double t = (m - 1.0) * d * r, t2 = t * t;
    double tail = 2.0 / 11.0 + t2 * (2.0 / 13.0 + t2 * (2.0 / 15.0 + t2 * (2.0 / 17.0)));
    double series = 2.0 / 7.0 + t2 * (2.0 / 9.0 + t2 * tail);
    series = t * (2.0 + t2 * (2.0 / 3.0 + t2 * (2.0 / 5.0 + t2 * series)));
    return ((double)e * 0.6931471805599453 + series) * (m + 1.0) * r;
}

/* Attraction of edges [e0, e1) summed into ax, ay (zeroed here). */
static void fa2_attraction(const collab_i_fa2_graph *g, const collab_i_fa2_params *p,
                           const double *x, const double *y, double coef, size_t e0, size_t e1,
                           double *ax, double *ay)
{
    memset(ax, 0, g->n_vertices * sizeof *ax);
    memset(ay, 0, g->n_vertices * sizeof *ay);
    for (size_t e = e0; e < e1; e++) {
        uint32_t u = g->from[e], v = g->to[e];
        double dx = x[u] - x[v], dy = y[u] - y[v];
        double d = sqrt(dx * dx + dy * dy);
        if (p->size != NULL) {
            d -= p->size[u] + p->size[v];
        }
        if (u == v || d <= 0.0) {
            continue;
        }
        double f = -coef * g->weight[e] * (p->linlog ? log1p_ratio(d) : 1.0);
        double fu = p->dissuade_hubs ? f / g->mass[u] : f;
        double fv = p->dissuade_hubs ? f / g->mass[v] : f;
        ax[u] += dx * fu;
        ay[u] += dy * fu;
        ax[v] -= dx * fv;
        ay[v] -= dy * fv;
    }
}

/* Gephi's adaptive global speed: raise it while the nodes mostly move in a consistent direction
 * (traction), lower it when they swing back and forth. */
static void fa2_adjust_speed(const collab_i_fa2_graph *g, const collab_i_fa2_params *p, fa2_work *w)
{
    double swinging = 0.0, traction = 0.0, n = (double)g->n_vertices;
    for (size_t i = 0; i < g->n_vertices; i++) {
        double sx = w->old_fx[i] - w->fx[i], sy = w->old_fy[i] - w->fy[i];
        double tx = w->old_fx[i] + w->fx[i], ty = w->old_fy[i] + w->fy[i];
        swinging += g->mass[i] * sqrt(sx * sx + sy * sy);
        traction += g->mass[i] * 0.5 * sqrt(tx * tx + ty * ty);
    }
    /* "Bigger networks need more tolerance. Denser networks need less tolerance. Totally
     * empiric." (Gephi) */
    double optimal = 0.05 * sqrt(n);
    double jt = p->jitter_tolerance * fmax(sqrt(optimal), fmin(10.0, optimal * traction / (n * n)));
    const double min_efficiency = 0.05;
    if (traction > 0.0 && swinging / traction > 2.0) {
        if (w->efficiency > min_efficiency) {
            w->efficiency *= 0.5;
        }
        jt = fmax(jt, p->jitter_tolerance);
    }
    if (swinging > jt * traction) {
        if (w->efficiency > min_efficiency) {
            w->efficiency *= 0.7;
        }
    } else if (w->speed < 1000.0) {
        w->efficiency *= 1.3;
    }
    /* The speed may rise by at most 50% an iteration, or convergence suffers. */
    double rise = 0.5 * w->speed;
    if (swinging > 0.0) {
        rise = fmin(jt * w->efficiency * traction / swinging - w->speed, rise);
    }
    w->speed += rise;
}

static void fa2_move(const collab_i_fa2_graph *g, const collab_i_fa2_params *p, fa2_work *w,
                     double *x, double *y)
{
    for (size_t i = 0; i < g->n_vertices; i++) {
        double sx = w->old_fx[i] - w->fx[i], sy = w->old_fy[i] - w->fy[i];
        double swinging = g->mass[i] * sqrt(sx * sx + sy * sy);
        double f = w->speed / (1.0 + sqrt(w->speed * swinging));
        if (p->size != NULL) {
            /* Gephi slows down tenfold and caps each step when sizes matter; its cap of 10
             * pixels becomes the node's own radius here. */
            double df = sqrt(w->fx[i] * w->fx[i] + w->fy[i] * w->fy[i]);
            double cap = p->size[i] > 0.0 ? p->size[i] : 1.0;
            f = df > 0.0 ? fmin(0.1 * f * df, cap) / df : 0.0;
        }
        x[i] += w->fx[i] * f;
        y[i] += w->fy[i] * f;
    }
}

/* One of the two fixed halves of an iteration's force computation: half the repulsion queries
 * (in tree order) and half the edges. The split never depends on whether a second thread is
 * available, so the sums, and the layout, are bit-identical either way. */
typedef struct fa2_half {
    const collab_i_fa2_graph *g;
    const collab_i_fa2_params *p;
    fa2_work *w;
    const double *x, *y;
    int h; /* 0 or 1 */
} fa2_half;

static void *fa2_half_run(void *arg)
{
    const fa2_half *a = arg;
    const collab_i_fa2_graph *g = a->g;
    fa2_work *w = a->w;
    collab_i_repulsion rep = {a->x, a->y, g->mass, a->p->size, a->p->scaling, a->p->theta};
    size_t n = g->n_vertices, m = g->n_edges;
    /* Querying in tree order makes neighbouring queries walk the same cells, which stay in
     * cache; each node's sum does not depend on the order. */
    for (size_t k = a->h == 0 ? 0 : n / 2; k < (a->h == 0 ? n / 2 : n); k++) {
        uint32_t i = w->qt.order[k];
        collab_i_quadtree_repulse(&w->qt, &rep, i, &w->fx[i], &w->fy[i]);
    }
    fa2_attraction(g, a->p, a->x, a->y, w->compensation, a->h == 0 ? 0 : m / 2,
                   a->h == 0 ? m / 2 : m, w->ax[a->h], w->ay[a->h]);
    return NULL;
}

/* Runs both halves, the second on its own thread when the graph is big enough to be worth it
 * (or in this thread when no thread can be started), then adds them up in a fixed order. */
static void fa2_forces(const collab_i_fa2_graph *g, const collab_i_fa2_params *p, fa2_work *w,
                       const double *x, const double *y)
{
    fa2_half halves[2] = {{g, p, w, x, y, 0}, {g, p, w, x, y, 1}};
    pthread_t thread;
    bool threaded = p->parallel && g->n_vertices + g->n_edges / 8 >= PARALLEL_MIN_WORK &&
                    pthread_create(&thread, NULL, fa2_half_run, &halves[1]) == 0;
    fa2_half_run(&halves[0]);
    if (threaded) {
        pthread_join(thread, NULL);
    } else {
        fa2_half_run(&halves[1]);
    }
    fa2_gravity(g, p, w, x, y);
    for (size_t i = 0; i < g->n_vertices; i++) {
        w->fx[i] += w->ax[0][i] + w->ax[1][i];
        w->fy[i] += w->ay[0][i] + w->ay[1][i];
    }
}

static collab_status fa2_iterate(const collab_i_fa2_graph *g, const collab_i_fa2_params *p,
                                 fa2_work *w, double *x, double *y, collab_error *err)
{
    double *t = w->old_fx;
    w->old_fx = w->fx;
    w->fx = t;
    t = w->old_fy;
    w->old_fy = w->fy;
    w->fy = t;
    memset(w->fx, 0, g->n_vertices * sizeof *w->fx);
    memset(w->fy, 0, g->n_vertices * sizeof *w->fy);
    collab_status st = collab_i_quadtree_build(&w->qt, x, y, g->mass, err);
    if (st != COLLAB_OK) {
        return st;
    }
    fa2_forces(g, p, w, x, y);
    fa2_adjust_speed(g, p, w);
    fa2_move(g, p, w, x, y);
    return COLLAB_OK;
}

double collab_i_fa2_work(const collab_i_fa2_graph *g)
{
    return 20.0 * (double)g->n_vertices + (double)g->n_edges;
}

void collab_i_meter_add(collab_i_meter *m, double work)
{
    if (m == NULL || m->fn == NULL || !(m->total > 0.0)) {
        return;
    }
    m->done += work;
    int percent = (int)fmin(99.0, 100.0 * m->done / m->total);
    if (percent > m->reported) {
        m->reported = percent;
        char message[128];
        double elapsed = collab_clock_seconds() - m->started;
        if (elapsed > 1.0 && percent > 0) {
            /* iterations of one level cost the same: the rest takes what the done share took */
            snprintf(message, sizeof message, "%s, about %.0f s left", m->message,
                     ceil(elapsed * (100.0 - percent) / percent));
        } else {
            snprintf(message, sizeof message, "%s", m->message);
        }
        m->fn(message, (double)percent, m->data);
    }
}

collab_status collab_i_fa2_run(const collab_i_fa2_graph *g, const collab_i_fa2_params *p,
                               size_t iterations, double *x, double *y, collab_i_fa2_speed *speed,
                               collab_error *err)
{
    fa2_work w;
    if (g->n_vertices < 2 || iterations == 0) {
        return COLLAB_OK;
    }
    collab_status st = fa2_work_init(&w, g->n_vertices, err);
    if (st != COLLAB_OK) {
        return st;
    }
    if (speed != NULL) {
        w.speed = speed->speed;
        w.efficiency = speed->efficiency;
    }
    w.compensation = fa2_hub_compensation(g, p);
    double work = collab_i_fa2_work(g);
    for (size_t it = 0; it < iterations && st == COLLAB_OK; it++) {
        st = fa2_iterate(g, p, &w, x, y, err);
        collab_i_meter_add(p->meter, work);
    }
    if (speed != NULL) {
        speed->speed = w.speed;
        speed->efficiency = w.efficiency;
    }
    fa2_work_destroy(&w);
    return st;
}

/* Virial of the forces when the layout is scaled by s: repulsion contributes k_r sum m_u m_v
 * whatever the scale, attraction and gravity pull in more the larger s is. */
static double fa2_virial(const collab_i_fa2_graph *g, const collab_i_fa2_params *p, const double *x,
                         const double *y, double s, double repulsion)
{
    double v = repulsion, comp = fa2_hub_compensation(g, p);
    for (size_t e = 0; e < g->n_edges; e++) {
        uint32_t a = g->from[e], b = g->to[e];
        double d = s * hypot(x[a] - x[b], y[a] - y[b]);
        double w = g->weight[e] * comp;
        if (p->dissuade_hubs) {
            w *= 0.5 * (1.0 / g->mass[a] + 1.0 / g->mass[b]);
        }
        v -= w * (p->linlog ? log1p(d) : d) * d;
    }
    for (size_t i = 0; i < g->n_vertices; i++) {
        double d = s * hypot(x[i], y[i]);
        v -= g->mass[i] * p->gravity * (p->strong_gravity ? d * d : d);
    }
    return v;
}

void collab_i_fa2_rescale(const collab_i_fa2_graph *g, const collab_i_fa2_params *p, double *x,
                          double *y)
{
    double m = 0.0, m2 = 0.0, cx = 0.0, cy = 0.0;
    for (size_t i = 0; i < g->n_vertices; i++) {
        m += g->mass[i];
        m2 += g->mass[i] * g->mass[i];
        cx += g->mass[i] * x[i];
        cy += g->mass[i] * y[i];
    }
    if (g->n_vertices < 2) {
        return;
    }
    for (size_t i = 0; i < g->n_vertices; i++) {
        x[i] -= cx / m;
        y[i] -= cy / m;
    }
    double repulsion = p->scaling * 0.5 * (m * m - m2);
    /* Bracket the root in log s, then bisect; V(s) decreases with s. */
    double lo = 0.0, hi = 0.0;
    if (fa2_virial(g, p, x, y, 1.0, repulsion) > 0.0) {
        while (hi < 200.0 && fa2_virial(g, p, x, y, exp(hi + 1.0), repulsion) > 0.0) {
            hi += 1.0;
        }
        lo = hi;
        hi += 1.0;
    } else {
        while (lo > -200.0 && fa2_virial(g, p, x, y, exp(lo - 1.0), repulsion) <= 0.0) {
            lo -= 1.0;
        }
        hi = lo;
        lo -= 1.0;
    }
    if (hi >= 200.0 || lo <= -200.0) {
        return; /* no edges and no gravity, or a degenerate layout: leave the scale alone */
    }
    for (int k = 0; k < 30; k++) {
        double mid = 0.5 * (lo + hi);
        if (fa2_virial(g, p, x, y, exp(mid), repulsion) > 0.0) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    double s = exp(0.5 * (lo + hi));
    for (size_t i = 0; i < g->n_vertices; i++) {
        x[i] *= s;
        y[i] *= s;
    }
}
