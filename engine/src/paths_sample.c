/* Which sources the path sweep starts from: every vertex, or a sample drawn per connected
 * component in proportion to its size (small components whole), with splitmix64 so that
 * igraph's seeded generator is left alone and the choice depends on the seed only. */
#include "paths_internal.h"
#include "random_internal.h"

#include "collab/alloc.h"

#include <math.h>
#include <stdlib.h>

#define SMALL_COMPONENT 64

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a;
    uint32_t y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Chooses the sources: all vertices, or per component k_c = max(min(size, 64), K size / n)
 * drawn without replacement (partial Fisher-Yates over the members). `picked[c]` = k_c. */
size_t collab_i_paths_choose_sources(const collab_i_csr *c, const uint32_t *comp,
                                     const size_t *sizes, size_t n_comp, long sample,
                                     uint64_t seed, uint32_t *sources, size_t *picked)
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
