/* The multi-source BFS of the sampled sweep (paths_msbfs.c) against one BFS per source
 * (collab_i_paths_from_hops with distances only): the same distance sums, squares, reach counts,
 * pair sums and largest distance, exactly, and the same reciprocal sums to rounding, on graphs
 * with several components, distances past 256 hops, batches of 1 to 64 sources and a source
 * listed beside its neighbours. */
#include "collab/alloc.h"

#include <math.h>

#include "csr_support.h"

static void lane_alloc(collab_i_path_lane *l, size_t n)
{
    memset(l, 0, sizeof *l);
    l->bc = calloc(n, sizeof *l->bc);
    l->dsum = calloc(n, sizeof *l->dsum);
    l->dsum2 = calloc(n, sizeof *l->dsum2);
    l->bc2 = calloc(n, sizeof *l->bc2);
    l->hsum = calloc(n, sizeof *l->hsum);
    l->reached = calloc(n, sizeof *l->reached);
    l->distances_only = true;
}

static void lane_release(collab_i_path_lane *l)
{
    free(l->bc);
    free(l->dsum);
    free(l->dsum2);
    free(l->bc2);
    free(l->hsum);
    free(l->reached);
}

/* Both ways over `sources` (all in the component [begin, end)), `batch` sources per BFS. */
static void compare(const collab_i_csr *c, const uint32_t *sources, size_t n_sources, size_t batch,
                    size_t begin, size_t end)
{
    collab_i_path_lane one, many;
    lane_alloc(&one, c->n);
    lane_alloc(&many, c->n);
    collab_i_path_workspace w;
    assert_true(collab_i_path_workspace_init(&w, c, false));
    for (size_t i = 0; i < n_sources; i++) {
        collab_i_paths_from_hops(c, &w, &one, true, sources[i], begin);
    }
    collab_i_path_workspace_free(&w);
    collab_i_msbfs m;
    assert_true(collab_i_msbfs_init(&m, c->n));
    for (size_t i = 0; i < n_sources; i += batch) {
        size_t k = n_sources - i < batch ? n_sources - i : batch;
        collab_i_msbfs_run(c, &m, &many, true, sources + i, k, begin, end);
    }
    for (size_t v = 0; v < c->n; v++) {
        assert_true(m.seen[v] == 0 && m.visit[v] == 0 && m.next[v] == 0); /* left zeroed */
        assert_int_equal(one.reached[v], many.reached[v]);
        assert_true(one.dsum[v] == many.dsum[v]);
        assert_true(one.dsum2[v] == many.dsum2[v]);
        assert_float_equal(one.hsum[v], many.hsum[v], 1e-12 * fmax(1.0, one.hsum[v]));
        assert_true(many.bc[v] == 0);
    }
    assert_true(one.pairs == many.pairs);
    assert_true(one.pair_dist == many.pair_dist);
    assert_true(one.max_dist == many.max_dist);
    collab_i_msbfs_free(&m);
    lane_release(&one);
    lane_release(&many);
}

/* Component 0: vertices 0..99, a random graph on 0..39 (seeded, connected through a ring) with a
 * path of 60 more hanging from vertex 39. Component 1: a path of 300 vertices (distances past
 * 256). Component 2: a single vertex. */
static void test_against_one_bfs_per_source(void **state)
{
    (void)state;
    enum { N = 401, MAX_EDGES = 1200 };
    uint32_t(*edges)[2] = calloc(MAX_EDGES, sizeof *edges);
    size_t m = 0;
    bool adjacent[40][40] = {{false}};
    for (uint32_t v = 0; v < 40; v++) { /* ring */
        uint32_t u = (v + 1) % 40;
        adjacent[v][u] = adjacent[u][v] = true;
    }
    uint64_t x = 12345;
    for (int k = 0; k < 120; k++) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        uint32_t a = (uint32_t)(x >> 33) % 40, b = (uint32_t)(x >> 13) % 40;
        if (a != b) {
            adjacent[a][b] = adjacent[b][a] = true;
        }
    }
    for (uint32_t a = 0; a < 40; a++) {
        for (uint32_t b = a + 1; b < 40; b++) {
            if (adjacent[a][b]) {
                edges[m][0] = a;
                edges[m++][1] = b;
            }
        }
    }
    for (uint32_t v = 39; v < 99; v++) {
        edges[m][0] = v;
        edges[m++][1] = v + 1;
    }
    for (uint32_t v = 100; v < 399; v++) {
        edges[m][0] = v;
        edges[m++][1] = v + 1;
    }
    assert_true(m <= MAX_EDGES);
    collab_i_csr c;
    make_csr(&c, N, (const uint32_t(*)[2])edges, m);
    uint32_t all[100];
    for (uint32_t v = 0; v < 100; v++) {
        all[v] = v;
    }
    for (size_t batch = 1; batch <= 64; batch = batch * 2 + 1) {
        compare(&c, all, 100, batch, 0, 100);
    }
    compare(&c, all, 100, 64, 0, 100);
    uint32_t path[70];
    for (uint32_t i = 0; i < 70; i++) {
        path[i] = 100 + (i * 37) % 300; /* spread over the 300-vertex path */
    }
    compare(&c, path, 70, 64, 100, 400);
    compare(&c, path, 70, 7, 100, 400);
    uint32_t lone = 400;
    compare(&c, &lone, 1, 64, 400, 401);
    free_csr(&c);
    free(edges);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_one_bfs_per_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
