/* The triangles of an undirected graph, enumerated once each: Burt's constraint, the local
 * clustering coefficient and the global transitivity from one pass.
 *
 *   c_i = sum over neighbours j of (p_ij + sum over q adjacent to both of p_iq p_qj)^2,
 *   p_ij = w_ij / s_i  (s_i the strength of i)
 *
 * The indirect term of a tie (i, j) only has contributions from the triangles through it, so
 * enumerating each triangle once (the "forward" algorithm: every vertex only looks at
 * neighbours that rank above it by degree) and adding its six ordered contributions gives every
 * tie's indirect term in O(E^1.5) time. igraph's igraph_constraint walks all two-step paths
 * through every neighbour, which is O(sum of squared degrees) and takes hours on a projection
 * with a few hubs of tens of thousands of collaborators. */
#include "collab/alloc.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "paths_internal.h"

/* A position in the CSR's lists. Four bytes, not eight: the pass's arrays of positions (rev, the
 * forward lists, the marks) are then half the size, which at 5M rows (39M entries) is 240 MB less
 * and fewer cache misses in the loop over triangles, which waits on memory. */
typedef uint32_t entry;

/* rev[k]: the position of the entry v -> u for the entry k = u -> v. Lists are sorted, so
 * visiting u in ascending order meets the entries of each v's list in order. */
static void reverse_entries(const collab_i_csr *csr, size_t *cursor, entry *rev)
{
    memcpy(cursor, csr->start, csr->n * sizeof *cursor);
    for (size_t u = 0; u < csr->n; u++) {
        for (size_t k = csr->start[u]; k < csr->start[u + 1]; k++) {
            rev[k] = (entry)cursor[csr->adj[k]]++;
        }
    }
}

static bool ranks_above(const collab_i_csr *csr, uint32_t a, uint32_t b)
{
    size_t da = csr->start[a + 1] - csr->start[a];
    size_t db = csr->start[b + 1] - csr->start[b];
    return da != db ? da > db : a > b;
}

/* The forward lists: for each vertex, the entries of its list whose neighbour ranks above it,
 * in list order (so the triangles, and every sum over them, come in the order a scan of the
 * whole lists would meet them). Each forward list is at most sqrt(2 E) long. */
static bool forward_lists(const collab_i_csr *csr, size_t **fstart, entry **fwd)
{
    size_t n = csr->n;
    *fstart = collab_alloc_array(n + 1, sizeof **fstart);
    *fwd = collab_alloc_array(csr->start[n] / 2 + 1, sizeof **fwd);
    if (*fstart == NULL || *fwd == NULL) {
        return false;
    }
    size_t at = 0;
    for (size_t u = 0; u < n; u++) {
        (*fstart)[u] = at;
        for (size_t k = csr->start[u]; k < csr->start[u + 1]; k++) {
            if (ranks_above(csr, csr->adj[k], (uint32_t)u)) {
                (*fwd)[at++] = (entry)k;
            }
        }
    }
    (*fstart)[n] = at;
    return true;
}

collab_status collab_i_triangles(const collab_i_csr *csr, const collab_i_triangle_outputs *out,
                                 collab_error *err)
{
    size_t n = csr->n;
    size_t m2 = csr->start[n];
    if (m2 >= UINT32_MAX) {
        return collab_error_set(err, COLLAB_E_LIMIT,
                                "the graph has %zu ties, more than the triangle count takes (%u)",
                                m2 / 2, UINT32_MAX / 2);
    }
    bool constraint = out->constraint != NULL;
    double *strength = constraint ? collab_alloc_array(n + 1, sizeof *strength) : NULL;
    double *indirect = constraint ? collab_calloc_array(m2 + 1, sizeof *indirect) : NULL;
    entry *rev = constraint ? collab_alloc_array(m2 + 1, sizeof *rev) : NULL;
    size_t *cursor = constraint ? collab_alloc_array(n + 1, sizeof *cursor) : NULL;
    uint64_t *triangles = collab_calloc_array(n + 1, sizeof *triangles);
    entry *mark = collab_calloc_array(n + 1, sizeof *mark); /* entry of u -> w, plus one */
    size_t *fstart = NULL;
    entry *fwd = NULL;
    bool ok =
        triangles != NULL && mark != NULL && forward_lists(csr, &fstart, &fwd) &&
        (!constraint || (strength != NULL && indirect != NULL && rev != NULL && cursor != NULL));
    if (ok && constraint) {
        reverse_entries(csr, cursor, rev);
        for (size_t v = 0; v < n; v++) {
            double s = 0;
            for (size_t k = csr->start[v]; k < csr->start[v + 1]; k++) {
                s += csr->weight[k];
            }
            strength[v] = s;
        }
    }
    const double *w = csr->weight;
    for (size_t u = 0; ok && u < n; u++) {
        for (size_t f = fstart[u]; f < fstart[u + 1]; f++) {
            mark[csr->adj[fwd[f]]] = fwd[f] + 1;
        }
        for (size_t fu = fstart[u]; fu < fstart[u + 1]; fu++) {
            size_t uv = fwd[fu];
            uint32_t v = csr->adj[uv];
            for (size_t fv = fstart[v]; fv < fstart[v + 1]; fv++) {
                size_t vw = fwd[fv];
                uint32_t x = csr->adj[vw];
                if (mark[x] == 0) {
                    continue; /* not a triangle */
                }
                triangles[u]++;
                triangles[v]++;
                triangles[x]++;
                if (!constraint) {
                    continue;
                }
                /* Triangle u, v, x: each ordered tie a -> b gains p_ac p_cb. */
                size_t ux = mark[x] - 1;
                size_t vu = rev[uv], xu = rev[ux], xv = rev[vw];
                double p_uv = w[uv] / strength[u], p_ux = w[ux] / strength[u];
                double p_vu = w[vu] / strength[v], p_vx = w[vw] / strength[v];
                double p_xu = w[xu] / strength[x], p_xv = w[xv] / strength[x];
                indirect[uv] += p_ux * p_xv;
                indirect[vu] += p_vx * p_xu;
                indirect[ux] += p_uv * p_vx;
                indirect[xu] += p_xv * p_vu;
                indirect[vw] += p_vu * p_ux;
                indirect[xv] += p_xu * p_uv;
            }
        }
        for (size_t f = fstart[u]; f < fstart[u + 1]; f++) {
            mark[csr->adj[fwd[f]]] = 0;
        }
    }
    uint64_t closed = 0; /* 3 x triangles */
    uint64_t triples = 0;
    for (size_t i = 0; ok && i < n; i++) {
        uint64_t d = csr->start[i + 1] - csr->start[i];
        closed += triangles[i];
        triples += d < 2 ? 0 : d * (d - 1) / 2;
        if (out->clustering != NULL) {
            /* igraph's arithmetic (transitivity_local_undirected), so the values are its bits */
            out->clustering[i] =
                d < 2 ? 0.0 : (double)triangles[i] / (double)d / (double)(d - 1) * 2.0;
        }
        if (constraint) {
            double c = 0;
            for (size_t k = csr->start[i]; k < csr->start[i + 1]; k++) {
                double t = w[k] / strength[i] + indirect[k];
                c += t * t;
            }
            /* An isolated vertex has no ties to be constrained by (igraph and NetworkX: NaN). */
            out->constraint[i] = d > 0 ? c : NAN;
        }
    }
    if (ok && out->transitivity != NULL) {
        *out->transitivity = triples > 0 ? (double)closed / (double)triples : 0.0;
    }
    collab_free(strength);
    collab_free(indirect);
    collab_free(rev);
    collab_free(cursor);
    collab_free(triangles);
    collab_free(mark);
    collab_free(fstart);
    collab_free(fwd);
    return ok ? COLLAB_OK : collab_error_nomem(err, "counting triangles");
}
