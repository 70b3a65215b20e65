/* Burt's constraint from the triangles of the graph.
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
#include "paths_internal.h"

#include <math.h>
#include <string.h>

static collab_status nomem(collab_error *err)
{
    return collab_error_set(err, COLLAB_E_NOMEM, "out of memory computing constraint");
}

/* rev[k]: the position of the entry v -> u for the entry k = u -> v. Lists are sorted, so
 * visiting u in ascending order meets the entries of each v's list in order. */
static void reverse_entries(const collab_i_csr *csr, size_t *cursor, size_t *rev)
{
    memcpy(cursor, csr->start, csr->n * sizeof *cursor);
    for (size_t u = 0; u < csr->n; u++) {
        for (size_t k = csr->start[u]; k < csr->start[u + 1]; k++) {
            rev[k] = cursor[csr->adj[k]]++;
        }
    }
}

static bool ranks_above(const collab_i_csr *csr, uint32_t a, uint32_t b)
{
    size_t da = csr->start[a + 1] - csr->start[a];
    size_t db = csr->start[b + 1] - csr->start[b];
    return da != db ? da > db : a > b;
}

collab_status collab_i_constraint(const collab_i_csr *csr, double *out, collab_error *err)
{
    size_t n = csr->n;
    size_t m2 = csr->start[n];
    double *strength = collab_alloc_array(n + 1, sizeof *strength);
    double *indirect = collab_calloc_array(m2 + 1, sizeof *indirect);
    size_t *rev = collab_alloc_array(m2 + 1, sizeof *rev);
    size_t *cursor = collab_alloc_array(n + 1, sizeof *cursor);
    size_t *mark = collab_calloc_array(n + 1, sizeof *mark); /* entry of u -> w, plus one */
    if (strength == NULL || indirect == NULL || rev == NULL || cursor == NULL || mark == NULL) {
        collab_free(strength);
        collab_free(indirect);
        collab_free(rev);
        collab_free(cursor);
        collab_free(mark);
        return nomem(err);
    }
    reverse_entries(csr, cursor, rev);
    for (size_t v = 0; v < n; v++) {
        double s = 0;
        for (size_t k = csr->start[v]; k < csr->start[v + 1]; k++) {
            s += csr->weight[k];
        }
        strength[v] = s;
    }
    const double *w = csr->weight;
    for (size_t u = 0; u < n; u++) {
        for (size_t k = csr->start[u]; k < csr->start[u + 1]; k++) {
            if (ranks_above(csr, csr->adj[k], (uint32_t)u)) {
                mark[csr->adj[k]] = k + 1;
            }
        }
        for (size_t uv = csr->start[u]; uv < csr->start[u + 1]; uv++) {
            uint32_t v = csr->adj[uv];
            if (!ranks_above(csr, v, (uint32_t)u)) {
                continue;
            }
            for (size_t vw = csr->start[v]; vw < csr->start[v + 1]; vw++) {
                uint32_t x = csr->adj[vw];
                if (mark[x] == 0 || !ranks_above(csr, x, v)) {
                    continue; /* not a triangle, or met from the other side */
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
        for (size_t k = csr->start[u]; k < csr->start[u + 1]; k++) {
            mark[csr->adj[k]] = 0;
        }
    }
    for (size_t i = 0; i < n; i++) {
        double c = 0;
        for (size_t k = csr->start[i]; k < csr->start[i + 1]; k++) {
            double t = w[k] / strength[i] + indirect[k];
            c += t * t;
        }
        /* An isolated vertex has no ties to be constrained by (igraph and NetworkX: NaN). */
        out[i] = csr->start[i + 1] > csr->start[i] ? c : NAN;
    }
    collab_free(strength);
    collab_free(indirect);
    collab_free(rev);
    collab_free(cursor);
    collab_free(mark);
    return COLLAB_OK;
}
