/* Floors for the stages of `collab analyze`: the bare igraph C calls each stage corresponds to,
 * and the time to read the input's bytes and to write the outputs' bytes.  Built and run by
 * scripts/bench.sh (not part of collab):
 *
 *   cc -O2 -o floor_igraph floor_igraph.c $(pkg-config --cflags --libs igraph)
 *   floor_igraph --read CREDITS.csv --bipartite BIP.txt --edges nodes.edges.csv --nodes N
 *                [--sources K] [--seed S] [--level nodes|communities] [--write NAME=BYTES]...
 *
 * BIP.txt is "P J" then one "person project" pair per line (0-based; scripts/bench/peer_common.py
 * bipartite writes it), nodes.edges.csv is collab's projected edge table (source_id,target_id,
 * ...,weight).  Inputs are parsed before any clock starts.  Each timed call prints
 *
 *   floor: NAME SECONDS s
 *
 * on stdout, wall-clock (bench.sh runs it with OMP_NUM_THREADS=1: igraph's PRPACK PageRank is
 * the only OpenMP code, and its spinning threads cost up to a second on a busy machine).  --sources K > 0 times igraph_betweenness_subset from the sources
 * collab's sampled sweep would pick for --approx K (the same number per component); 0 times the
 * exact igraph_betweenness.  --level communities lays out the community graph (the communities
 * collab draws as bubbles) instead of every node.  --write NAME=BYTES times writing BYTES bytes to
 * a scratch file beside the edge table (no fsync, as collab's outputs). */
#define _POSIX_C_SOURCE 200809L
#include <igraph.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_WRITES 16
#define MAX_BUBBLES 200 /* as collab map's community level */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *what)
{
    fprintf(stderr, "floor_igraph: %s\n", what);
    exit(1);
}

static void check(igraph_error_t rc, const char *what)
{
    if (rc != IGRAPH_SUCCESS) {
        fprintf(stderr, "floor_igraph: igraph failed %s: %s\n", what, igraph_strerror(rc));
        exit(1);
    }
}

static void report(const char *name, double start)
{
    printf("floor: %s %.6f s\n", name, now() - start);
    fflush(stdout);
}

/* Reads FILE's bytes in 1 MiB blocks; returns the byte count. */
static size_t read_bytes(const char *path)
{
    static char buf[1 << 20];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        die(strerror(errno));
    }
    size_t total = 0;
    ssize_t got;
    while ((got = read(fd, buf, sizeof buf)) > 0) {
        total += (size_t)got;
    }
    if (got < 0) {
        die(strerror(errno));
    }
    close(fd);
    return total;
}

static void write_bytes(const char *dir, const char *name, size_t bytes)
{
    static char buf[1 << 20];
    char path[4096];
    snprintf(path, sizeof path, "%s/floor_write.%ld.tmp", dir, (long)getpid());
    memset(buf, 'x', sizeof buf);
    double start = now();
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        die(strerror(errno));
    }
    for (size_t left = bytes; left > 0;) {
        size_t n = left < sizeof buf ? left : sizeof buf;
        ssize_t put = write(fd, buf, n);
        if (put <= 0) {
            die(strerror(errno));
        }
        left -= (size_t)put;
    }
    if (close(fd) != 0) {
        die(strerror(errno));
    }
    char label[128];
    snprintf(label, sizeof label, "write %s (%zu bytes)", name, bytes);
    report(label, start);
    unlink(path);
}

static void load_bipartite(const char *path, igraph_vector_int_t *edges, igraph_integer_t *n_p,
                           igraph_integer_t *n_j)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        die("cannot open the bipartite edge list");
    }
    long p, j;
    if (fscanf(f, "%ld %ld", &p, &j) != 2) {
        die("bad bipartite header");
    }
    *n_p = p;
    *n_j = j;
    check(igraph_vector_int_init(edges, 0), "allocating");
    while (fscanf(f, "%ld %ld", &p, &j) == 2) {
        check(igraph_vector_int_push_back(edges, p), "allocating");
        check(igraph_vector_int_push_back(edges, *n_p + j), "allocating");
    }
    fclose(f);
}

/* collab's edge table: source_id,target_id,source,target,weight; names may be quoted and hold
 * commas, but the ids lead and the weight is the last field. */
static void load_projection(const char *path, igraph_vector_int_t *edges, igraph_vector_t *w)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        die("cannot open the edge table");
    }
    check(igraph_vector_int_init(edges, 0), "allocating");
    check(igraph_vector_init(w, 0), "allocating");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    bool header = true;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (header) {
            header = false;
            continue;
        }
        char *end;
        long u = strtol(line, &end, 10);
        if (*end != ',') {
            die("bad edge table row");
        }
        long v = strtol(end + 1, &end, 10);
        char *last = strrchr(line, ',');
        if (*end != ',' || last == NULL) {
            die("bad edge table row");
        }
        check(igraph_vector_int_push_back(edges, u), "allocating");
        check(igraph_vector_int_push_back(edges, v), "allocating");
        check(igraph_vector_push_back(w, strtod(last + 1, NULL)), "allocating");
    }
    free(line);
    fclose(f);
}

/* Leiden as collab calls it: modularity objective, node weights = strengths, resolution 1/(2m),
 * beta 0.01, until nothing changes. */
static void leiden(const igraph_t *g, const igraph_vector_t *w, igraph_vector_int_t *membership,
                   igraph_integer_t *n_comm)
{
    igraph_vector_t strength;
    double total = 0, quality;
    check(igraph_vector_init(&strength, 0), "allocating");
    double start = now();
    check(igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w),
          "computing strengths");
    for (igraph_integer_t e = 0; e < igraph_vector_size(w); e++) {
        total += VECTOR(*w)[e];
    }
    check(igraph_community_leiden(g, w, &strength, total > 0 ? 1.0 / (2.0 * total) : 1.0, 0.01,
                                  false, -1, membership, n_comm, &quality),
          "running leiden");
    report("communities (igraph_community_leiden)", start);
    igraph_vector_destroy(&strength);
}

static int by_size_desc(void *sizes, const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    const igraph_integer_t *s = sizes;
    return (s[y] > s[x]) - (s[y] < s[x]);
}

/* FR on what collab draws: every node, or the community graph of the bubbles (the largest
 * communities with at least max(3, 0.1% of n) members, at most MAX_BUBBLES), built outside the
 * clock. */
static void layout(const igraph_t *g, const igraph_vector_t *w,
                   const igraph_vector_int_t *membership, igraph_integer_t n_comm, bool by_comm)
{
    igraph_matrix_t xy;
    check(igraph_matrix_init(&xy, 0, 2), "allocating");
    if (!by_comm) {
        double start = now();
        check(igraph_layout_fruchterman_reingold(g, &xy, false, 500,
                                                 sqrt((double)igraph_vcount(g)) / 10.0,
                                                 IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL,
                                                 NULL),
              "laying out");
        report("layout (igraph_layout_fruchterman_reingold, every node)", start);
        igraph_matrix_destroy(&xy);
        return;
    }
    igraph_integer_t n = igraph_vcount(g);
    igraph_integer_t *sizes = calloc((size_t)n_comm + 1, sizeof *sizes);
    igraph_integer_t *order = calloc((size_t)n_comm + 1, sizeof *order);
    igraph_integer_t *bubble = calloc((size_t)n_comm + 1, sizeof *bubble);
    if (sizes == NULL || order == NULL || bubble == NULL) {
        die("out of memory");
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        sizes[VECTOR(*membership)[v]]++;
    }
    for (igraph_integer_t c = 0; c < n_comm; c++) {
        order[c] = c;
        bubble[c] = -1;
    }
    igraph_qsort_r(order, (size_t)n_comm, sizeof *order, sizes, by_size_desc);
    igraph_integer_t least = (igraph_integer_t)ceil(0.001 * (double)n), kept = 0;
    least = least < 3 ? 3 : least;
    for (igraph_integer_t i = 0; i < n_comm && i < MAX_BUBBLES; i++) {
        if (i == 0 || sizes[order[i]] >= least) {
            bubble[order[i]] = kept++;
        }
    }
    double *cw = calloc((size_t)(kept * kept) + 1, sizeof *cw);
    if (cw == NULL) {
        die("out of memory");
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        igraph_integer_t a = bubble[VECTOR(*membership)[IGRAPH_FROM(g, e)]];
        igraph_integer_t b = bubble[VECTOR(*membership)[IGRAPH_TO(g, e)]];
        if (a >= 0 && b >= 0 && a != b) {
            cw[(a < b ? a : b) * kept + (a < b ? b : a)] += VECTOR(*w)[e];
        }
    }
    igraph_vector_int_t ce;
    igraph_vector_t cwv;
    check(igraph_vector_int_init(&ce, 0), "allocating");
    check(igraph_vector_init(&cwv, 0), "allocating");
    for (igraph_integer_t a = 0; a < kept; a++) {
        for (igraph_integer_t b = a + 1; b < kept; b++) {
            if (cw[a * kept + b] > 0) {
                check(igraph_vector_int_push_back(&ce, a), "allocating");
                check(igraph_vector_int_push_back(&ce, b), "allocating");
                check(igraph_vector_push_back(&cwv, cw[a * kept + b]), "allocating");
            }
        }
    }
    igraph_t cg;
    check(igraph_create(&cg, &ce, kept, IGRAPH_UNDIRECTED), "building the community graph");
    double start = now();
    check(igraph_layout_fruchterman_reingold(&cg, &xy, false, 500, sqrt((double)kept) / 10.0,
                                             IGRAPH_LAYOUT_AUTOGRID, &cwv, NULL, NULL, NULL,
                                             NULL),
          "laying out");
    char label[128];
    snprintf(label, sizeof label,
             "layout (igraph_layout_fruchterman_reingold, %ld communities)", (long)kept);
    report(label, start);
    igraph_destroy(&cg);
    igraph_vector_int_destroy(&ce);
    igraph_vector_destroy(&cwv);
    igraph_matrix_destroy(&xy);
    free(cw);
    free(sizes);
    free(order);
    free(bubble);
}

/* The sources collab's sampled sweep uses, by its rule (engine/src/paths_sample.c): per component,
 * every vertex of a component of at most SMALL_COMPONENT, else max(SMALL_COMPONENT,
 * round(K size / n)) drawn uniformly (here with igraph's RNG). */
#define SMALL_COMPONENT 64
static void pick_sources(const igraph_t *g, long k, igraph_vector_int_t *pick)
{
    igraph_integer_t n = igraph_vcount(g), n_comp;
    igraph_vector_int_t comp, sizes;
    check(igraph_vector_int_init(&comp, 0), "allocating");
    check(igraph_vector_int_init(&sizes, 0), "allocating");
    check(igraph_connected_components(g, &comp, &sizes, &n_comp, IGRAPH_WEAK), "components");
    igraph_integer_t *offset = calloc((size_t)n_comp + 1, sizeof *offset);
    igraph_integer_t *members = calloc((size_t)n + 1, sizeof *members);
    if (offset == NULL || members == NULL) {
        die("out of memory");
    }
    for (igraph_integer_t c = 0; c < n_comp; c++) {
        offset[c + 1] = offset[c] + VECTOR(sizes)[c];
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        members[offset[VECTOR(comp)[v]]++] = v;
    }
    check(igraph_vector_int_init(pick, 0), "allocating");
    igraph_integer_t begin = 0;
    for (igraph_integer_t c = 0; c < n_comp; c++) {
        igraph_integer_t size = VECTOR(sizes)[c];
        igraph_integer_t want = size <= SMALL_COMPONENT
                                    ? size
                                    : (igraph_integer_t)llround((double)k * (double)size / (double)n);
        want = want < SMALL_COMPONENT ? (size < SMALL_COMPONENT ? size : SMALL_COMPONENT) : want;
        want = want > size ? size : want;
        igraph_integer_t *m = members + begin;
        for (igraph_integer_t i = 0; i < want; i++) {
            igraph_integer_t j = RNG_INTEGER(i, size - 1), t = m[i];
            m[i] = m[j];
            m[j] = t;
            check(igraph_vector_int_push_back(pick, m[i]), "allocating");
        }
        begin += size;
    }
    free(offset);
    free(members);
    igraph_vector_int_destroy(&comp);
    igraph_vector_int_destroy(&sizes);
}

static void usage(void)
{
    fputs("usage: floor_igraph --read CREDITS.csv --bipartite BIP.txt --edges EDGES.csv "
          "--nodes N [--sources K] [--seed S] [--level nodes|communities] "
          "[--write NAME=BYTES]...\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *csv = NULL, *bip = NULL, *edges_path = NULL;
    const char *writes[MAX_WRITES];
    int n_writes = 0;
    long n_nodes = -1, sources = 0;
    unsigned long seed = 42;
    bool by_comm = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (v == NULL) {
            usage();
        }
        if (strcmp(a, "--read") == 0) {
            csv = v;
        } else if (strcmp(a, "--bipartite") == 0) {
            bip = v;
        } else if (strcmp(a, "--edges") == 0) {
            edges_path = v;
        } else if (strcmp(a, "--nodes") == 0) {
            n_nodes = strtol(v, NULL, 10);
        } else if (strcmp(a, "--sources") == 0) {
            sources = strtol(v, NULL, 10);
        } else if (strcmp(a, "--seed") == 0) {
            seed = strtoul(v, NULL, 10);
        } else if (strcmp(a, "--level") == 0) {
            by_comm = strcmp(v, "communities") == 0;
        } else if (strcmp(a, "--write") == 0 && n_writes < MAX_WRITES && strchr(v, '=')) {
            writes[n_writes++] = v;
        } else {
            usage();
        }
        i++;
    }
    if (csv == NULL || bip == NULL || edges_path == NULL || n_nodes < 0) {
        usage();
    }
    igraph_rng_seed(igraph_rng_default(), seed);

    /* Load: the file's bytes, then the igraph calls python-igraph's projection makes. */
    double start = now();
    size_t bytes = read_bytes(csv);
    char label[128];
    snprintf(label, sizeof label, "read (%zu bytes)", bytes);
    report(label, start);

    igraph_vector_int_t bedges;
    igraph_integer_t n_p, n_j;
    load_bipartite(bip, &bedges, &n_p, &n_j);
    igraph_vector_bool_t types;
    check(igraph_vector_bool_init(&types, n_p + n_j), "allocating");
    for (igraph_integer_t i = n_p; i < n_p + n_j; i++) {
        VECTOR(types)[i] = true;
    }
    igraph_t bg, proj;
    igraph_vector_int_t mult;
    check(igraph_vector_int_init(&mult, 0), "allocating");
    start = now();
    check(igraph_create(&bg, &bedges, n_p + n_j, IGRAPH_UNDIRECTED), "creating the bipartite graph");
    report("create bipartite (igraph_create)", start);
    start = now();
    check(igraph_bipartite_projection(&bg, &types, &proj, NULL, &mult, NULL, 0),
          "projecting");
    report("projection (igraph_bipartite_projection)", start);
    printf("floor: projection has %ld nodes, %ld edges\n", (long)igraph_vcount(&proj),
           (long)igraph_ecount(&proj));
    igraph_destroy(&proj);
    igraph_destroy(&bg);
    igraph_vector_int_destroy(&mult);
    igraph_vector_bool_destroy(&types);
    igraph_vector_int_destroy(&bedges);

    /* Metrics on collab's own projection. */
    igraph_vector_int_t pedges;
    igraph_vector_t w;
    load_projection(edges_path, &pedges, &w);
    igraph_t g;
    start = now();
    check(igraph_create(&g, &pedges, n_nodes, IGRAPH_UNDIRECTED), "creating the projection");
    report("create projection (igraph_create)", start);
    igraph_vector_int_destroy(&pedges);
    printf("nodes=%ld edges=%ld\n", (long)igraph_vcount(&g), (long)igraph_ecount(&g));

    igraph_vector_t res;
    igraph_real_t value;
    igraph_arpack_options_t arpack;
    check(igraph_vector_init(&res, 0), "allocating");
    start = now();
    check(igraph_strength(&g, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w), "strength");
    report("degree and strength (igraph_strength)", start);

    if (sources > 0 && sources < igraph_vcount(&g)) {
        igraph_vector_int_t pick;
        pick_sources(&g, sources, &pick);
        start = now();
        check(igraph_betweenness_subset(&g, &res, igraph_vss_all(), false,
                                        igraph_vss_vector(&pick), igraph_vss_all(), NULL),
              "betweenness");
        snprintf(label, sizeof label, "paths (igraph_betweenness_subset, %ld sources)",
                 (long)igraph_vector_int_size(&pick));
        report(label, start);
        igraph_vector_int_destroy(&pick);
    } else {
        start = now();
        check(igraph_betweenness(&g, &res, igraph_vss_all(), false, NULL), "betweenness");
        report("paths (igraph_betweenness, exact)", start);
    }

    start = now();
    check(igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), false,
                          0.85, &w, NULL),
          "pagerank");
    report("pagerank (igraph_pagerank)", start);

    igraph_arpack_options_init(&arpack);
    start = now();
    check(igraph_eigenvector_centrality(&g, &res, &value, false, true, &w, &arpack),
          "eigenvector");
    report("eigenvector (igraph_eigenvector_centrality)", start);

    igraph_vector_int_t cores;
    check(igraph_vector_int_init(&cores, 0), "allocating");
    start = now();
    check(igraph_coreness(&g, &cores, IGRAPH_ALL), "coreness");
    report("coreness (igraph_coreness)", start);
    igraph_vector_int_destroy(&cores);

    start = now();
    check(igraph_constraint(&g, &res, igraph_vss_all(), &w), "constraint");
    report("constraint (igraph_constraint)", start);

    start = now();
    check(igraph_transitivity_local_undirected(&g, &res, igraph_vss_all(),
                                               IGRAPH_TRANSITIVITY_ZERO),
          "clustering");
    report("clustering (igraph_transitivity_local_undirected)", start);

    start = now();
    check(igraph_transitivity_undirected(&g, &value, IGRAPH_TRANSITIVITY_ZERO), "transitivity");
    check(igraph_assortativity_degree(&g, &value, false), "assortativity");
    report("global statistics (igraph_transitivity_undirected, igraph_assortativity_degree)",
           start);

    igraph_vector_int_t membership;
    igraph_integer_t n_comm;
    check(igraph_vector_int_init(&membership, 0), "allocating");
    leiden(&g, &w, &membership, &n_comm);

    layout(&g, &w, &membership, n_comm, by_comm);

    /* Outputs: the bytes each stage wrote, beside the edge table. */
    char dir[4096] = ".";
    const char *slash = strrchr(edges_path, '/');
    if (slash != NULL) {
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - edges_path), edges_path);
    }
    for (int i = 0; i < n_writes; i++) {
        char name[64];
        const char *eq = strchr(writes[i], '=');
        snprintf(name, sizeof name, "%.*s", (int)(eq - writes[i]), writes[i]);
        write_bytes(dir, name, (size_t)strtoull(eq + 1, NULL, 10));
    }

    igraph_vector_int_destroy(&membership);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    return 0;
}
