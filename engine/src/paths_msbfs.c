/* Distances from up to 64 sources at once, for the sampled sweep: when betweenness comes from
 * KADABRA, the sources only have to give each vertex its distances (closeness, harmonic
 * centrality, the diameter and the average path length), and one breadth-first search can carry
 * 64 of them as the bits of a word (multi-source BFS: Then et al., "The more the merrier:
 * efficient multi-source graph traversal", VLDB 2014). A vertex is visited once per distinct
 * distance from the batch's sources instead of once per source; on a small-world projection that
 * is a handful of levels, so the edges are scanned a few times per batch instead of 64 times.
 *
 * Distance sums and counts are integers, so they are exactly what one BFS per source gives; the
 * reciprocal sums of harmonic centrality add k / d once per level rather than 1 / d k times, so
 * they may differ from those in the last bits. */
#include "collab/alloc.h"

#include <string.h>

#include "paths_internal.h"

bool collab_i_msbfs_init(collab_i_msbfs *m, size_t n)
{
    m->seen = collab_calloc_array(n + 1, sizeof *m->seen);
    m->visit = collab_calloc_array(n + 1, sizeof *m->visit);
    m->next = collab_calloc_array(n + 1, sizeof *m->next);
    if (m->seen == NULL || m->visit == NULL || m->next == NULL) {
        collab_i_msbfs_free(m);
        return false;
    }
    return true;
}

void collab_i_msbfs_free(collab_i_msbfs *m)
{
    collab_free(m->seen);
    collab_free(m->visit);
    collab_free(m->next);
    memset(m, 0, sizeof *m);
}

void collab_i_msbfs_run(const collab_i_csr *c, collab_i_msbfs *m, collab_i_path_lane *l,
                        bool squares, const uint32_t *src, size_t n_src, size_t begin, size_t end)
{
    uint64_t *seen = m->seen;
    uint64_t *visit = m->visit;
    uint64_t *next = m->next;
    for (size_t i = 0; i < n_src; i++) {
        seen[src[i]] |= (uint64_t)1 << i;
        visit[src[i]] |= (uint64_t)1 << i;
    }
    /* Level by level over the component's range [begin, end): push each active vertex's bits to
     * its neighbours, then keep at each vertex the bits that reach it for the first time. */
    for (double d = 1;; d++) {
        bool active = false;
        for (size_t v = begin; v < end; v++) {
            uint64_t bits = visit[v];
            if (bits != 0) {
                for (size_t k = c->start[v]; k < c->start[v + 1]; k++) {
                    next[c->adj[k]] |= bits;
                }
            }
        }
        double recip = 1.0 / d;
        for (size_t v = begin; v < end; v++) {
            uint64_t fresh = next[v] & ~seen[v];
            next[v] = 0;
            visit[v] = fresh;
            if (fresh == 0) {
                continue;
            }
            active = true;
            seen[v] |= fresh;
            double k = (double)__builtin_popcountll(fresh);
            l->dsum[v] += k * d;
            l->hsum[v] += k * recip;
            l->reached[v] += (uint32_t)k;
            l->pair_dist += k * d;
            l->pairs += k;
            if (squares) {
                l->dsum2[v] += k * d * d;
            }
            if (d > l->max_dist) {
                l->max_dist = d;
            }
        }
        if (!active) {
            break;
        }
    }
    for (size_t v = begin; v < end; v++) {
        seen[v] = 0;
    }
}
