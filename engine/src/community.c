/* Community detection through igraph, seeded, then renumbered canonically: by size, largest
 * first, ties by smallest member, so the same partition always prints the same way. */
#include "collab/community.h"

#include "collab/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Walktrap keeps a dendrogram and distance heap: quadratic memory, so small graphs only. */
#define WALKTRAP_MAX_VERTICES 20000

void collab_community_options_init(collab_community_options *opt)
{
    opt->method = COLLAB_COMMUNITY_LEIDEN;
    opt->resolution = 1.0;
    opt->seed = 42;
}

void collab_partition_destroy(collab_partition *p)
{
    if (p == NULL) {
        return;
    }
    collab_free(p->membership);
    collab_free(p->sizes);
    memset(p, 0, sizeof *p);
}

/* collab_community_chance_modularity: edge swaps per edge when rewiring a small graph (with three,
 * a dense random graph of 12,000 nodes gets 0.094 and the 100k-row file 0.150; with ten, 0.090 and
 * 0.151, for twice the time), and how many shuffles a small graph's figure averages (as many as
 * fit in CHANCE_EDGES edges, at most CHANCE_MAX_SHUFFLES); above CHANCE_EDGES, one random pairing
 * of a sample of about CHANCE_SAMPLE_EDGES edges. */
#define CHANCE_SWAPS_PER_EDGE 3
#define CHANCE_EDGES          50000
#define CHANCE_SAMPLE_EDGES   400000
#define CHANCE_MAX_SHUFFLES   16

/* Leiden with the modularity objective: node weights = strengths, resolution / (2m). Runs
 * until an iteration changes nothing (n_iterations < 0). */
static igraph_error_t leiden_on(const igraph_t *graph, const igraph_vector_t *weights,
                                double resolution, igraph_vector_int_t *membership)
{
    igraph_vector_t strength;
    IGRAPH_CHECK(igraph_vector_init(&strength, 0));
    igraph_error_t rc =
        igraph_strength(graph, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, weights);
    double total = 0;
    for (igraph_integer_t e = 0; e < igraph_vector_size(weights); e++) {
        total += VECTOR(*weights)[e];
    }
    igraph_integer_t n_clusters = 0;
    igraph_real_t quality = 0;
    if (rc == IGRAPH_SUCCESS) {
        double scaled = total > 0 ? resolution / (2.0 * total) : resolution;
        rc = igraph_community_leiden(graph, weights, &strength, scaled, 0.01, false, -1, membership,
                                     &n_clusters, &quality);
    }
    igraph_vector_destroy(&strength);
    return rc;
}

static igraph_error_t run_leiden(const collab_graph *g, double resolution,
                                 igraph_vector_int_t *membership)
{
    return leiden_on(&g->graph, &g->weights, resolution, membership);
}

/* Walktrap (4 steps) cut where modularity peaks; igraph 0.10.2 needs both the merges and the
 * modularity vector to find that cut. */
static igraph_error_t run_walktrap(const collab_graph *g, igraph_vector_int_t *membership)
{
    igraph_vector_t modularity;
    igraph_matrix_int_t merges;
    IGRAPH_CHECK(igraph_vector_init(&modularity, 0));
    igraph_error_t rc = igraph_matrix_int_init(&merges, 0, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_community_walktrap(&g->graph, &g->weights, 4, &merges, &modularity, membership);
        igraph_matrix_int_destroy(&merges);
    }
    igraph_vector_destroy(&modularity);
    return rc;
}

static igraph_error_t run_leiden_method(const collab_graph *g, const collab_community_options *o,
                                        igraph_vector_int_t *membership)
{
    return run_leiden(g, o->resolution, membership);
}

static igraph_error_t run_louvain(const collab_graph *g, const collab_community_options *o,
                                  igraph_vector_int_t *membership)
{
    return igraph_community_multilevel(&g->graph, &g->weights, o->resolution, membership, NULL,
                                       NULL);
}

static igraph_error_t run_label_propagation(const collab_graph *g,
                                            const collab_community_options *o,
                                            igraph_vector_int_t *membership)
{
    (void)o;
    return igraph_community_label_propagation(&g->graph, membership, IGRAPH_ALL, &g->weights, NULL,
                                              NULL);
}

static igraph_error_t run_infomap(const collab_graph *g, const collab_community_options *o,
                                  igraph_vector_int_t *membership)
{
    (void)o;
    igraph_real_t codelength = 0;
    return igraph_community_infomap(&g->graph, &g->weights, NULL, 10, membership, &codelength);
}

static igraph_error_t run_walktrap_method(const collab_graph *g, const collab_community_options *o,
                                          igraph_vector_int_t *membership)
{
    (void)o;
    return run_walktrap(g, membership);
}

/* The community methods: one row each, in the order of collab_community_method. Adding one is
 * an enum value, a row and its function. */
typedef struct method_row {
    const char *name; /* as in --community */
    igraph_error_t (*run)(const collab_graph *g, const collab_community_options *o,
                          igraph_vector_int_t *membership);
} method_row;

static const method_row method_rows[] = {
    [COLLAB_COMMUNITY_LEIDEN] = {"leiden", run_leiden_method},
    [COLLAB_COMMUNITY_LOUVAIN] = {"louvain", run_louvain},
    [COLLAB_COMMUNITY_LABEL_PROPAGATION] = {"label-propagation", run_label_propagation},
    [COLLAB_COMMUNITY_INFOMAP] = {"infomap", run_infomap},
    [COLLAB_COMMUNITY_WALKTRAP] = {"walktrap", run_walktrap_method},
};
_Static_assert(sizeof method_rows / sizeof method_rows[0] == COLLAB_COMMUNITY_METHOD_COUNT,
               "one row per collab_community_method");

const char *collab_community_method_name(collab_community_method method)
{
    return (unsigned)method < COLLAB_COMMUNITY_METHOD_COUNT ? method_rows[method].name : NULL;
}

bool collab_community_method_parse(const char *text, collab_community_method *method)
{
    for (int i = 0; i < COLLAB_COMMUNITY_METHOD_COUNT; i++) {
        if (strcmp(text, method_rows[i].name) == 0) {
            *method = (collab_community_method)i;
            return true;
        }
    }
    return false;
}

static igraph_error_t run_method(const collab_graph *g, const collab_community_options *opt,
                                 igraph_vector_int_t *membership)
{
    if ((unsigned)opt->method >= COLLAB_COMMUNITY_METHOD_COUNT) {
        return IGRAPH_EINVAL;
    }
    return method_rows[opt->method].run(g, opt, membership);
}

/* Communities of any graph: without edges every node is alone (igraph's Leiden, run until
 * stable, never stops on an edgeless graph); a directed graph's communities are those of its
 * undirected version (one undirected edge per directed one, so the weights still line up),
 * since modularity methods here are defined for undirected graphs. */
static igraph_error_t find_communities(const collab_graph *g, const collab_community_options *opt,
                                       igraph_vector_int_t *membership)
{
    igraph_integer_t n = igraph_vcount(&g->graph);
    if (igraph_ecount(&g->graph) == 0) {
        IGRAPH_CHECK(igraph_vector_int_resize(membership, n));
        for (igraph_integer_t v = 0; v < n; v++) {
            VECTOR(*membership)[v] = v;
        }
        return IGRAPH_SUCCESS;
    }
    if (!igraph_is_directed(&g->graph)) {
        return run_method(g, opt, membership);
    }
    collab_graph undirected = *g; /* shallow: only `graph` is replaced, and destroyed here */
    IGRAPH_CHECK(igraph_copy(&undirected.graph, &g->graph));
    igraph_error_t rc = igraph_to_undirected(&undirected.graph, IGRAPH_TO_UNDIRECTED_EACH, NULL);
    if (rc == IGRAPH_SUCCESS) {
        rc = run_method(&undirected, opt, membership);
    }
    igraph_destroy(&undirected.graph);
    return rc;
}

typedef struct community_key {
    size_t size;       /* members */
    uint32_t smallest; /* smallest member id */
    uint32_t label;    /* igraph's label */
} community_key;

static int compare_keys(const void *a, const void *b)
{
    const community_key *x = a;
    const community_key *y = b;
    if (x->size != y->size) {
        return x->size > y->size ? -1 : 1;
    }
    return (x->smallest > y->smallest) - (x->smallest < y->smallest);
}

/* Renumbers igraph's labels canonically into `p`. */
static collab_status canonicalise(const igraph_vector_int_t *membership, collab_partition *p,
                                  collab_error *err)
{
    size_t n = (size_t)igraph_vector_int_size(membership);
    size_t n_labels = 0;
    for (size_t v = 0; v < n; v++) {
        size_t label = (size_t)VECTOR(*membership)[v];
        n_labels = label + 1 > n_labels ? label + 1 : n_labels;
    }
    community_key *keys = collab_calloc_array(n_labels + 1, sizeof *keys);
    uint32_t *rank = collab_alloc_array(n_labels + 1, sizeof *rank);
    p->membership = collab_alloc_array(n + 1, sizeof *p->membership);
    p->sizes = collab_calloc_array(n_labels + 1, sizeof *p->sizes);
    if (keys == NULL || rank == NULL || p->membership == NULL || p->sizes == NULL) {
        collab_free(keys);
        collab_free(rank);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory numbering communities");
    }
    for (size_t c = 0; c < n_labels; c++) {
        keys[c] = (community_key){0, UINT32_MAX, (uint32_t)c};
    }
    for (size_t v = n; v-- > 0;) {
        community_key *k = &keys[VECTOR(*membership)[v]];
        k->size++;
        k->smallest = (uint32_t)v;
    }
    qsort(keys, n_labels, sizeof *keys, compare_keys);
    size_t used = 0;
    for (size_t c = 0; c < n_labels; c++) {
        rank[keys[c].label] = (uint32_t)c;
        if (keys[c].size > 0) {
            p->sizes[c] = keys[c].size;
            used++;
        }
    }
    for (size_t v = 0; v < n; v++) {
        p->membership[v] = rank[VECTOR(*membership)[v]];
    }
    p->n = n;
    p->n_communities = used;
    collab_free(keys);
    collab_free(rank);
    return COLLAB_OK;
}

collab_status collab_community_detect(collab_partition *out, const collab_graph *g,
                                      const collab_community_options *opt, collab_error *err)
{
    if (opt->method == COLLAB_COMMUNITY_WALKTRAP &&
        igraph_vcount(&g->graph) > WALKTRAP_MAX_VERTICES) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "walktrap is for graphs of up to %d nodes; this one has %ld "
                                "(use leiden or louvain)",
                                WALKTRAP_MAX_VERTICES, (long)igraph_vcount(&g->graph));
    }
    collab_partition p;
    memset(&p, 0, sizeof p);
    igraph_vector_int_t membership;
    igraph_error_t rc = igraph_vector_int_init(&membership, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "detecting communities");
    }
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opt->seed);
    rc = find_communities(g, opt, &membership);
    collab_status st = collab_error_from_igraph(err, rc, "detecting communities");
    if (st == COLLAB_OK) {
        st = canonicalise(&membership, &p, err);
    }
    if (st == COLLAB_OK) {
        rc = igraph_modularity(&g->graph, &membership, &g->weights, 1.0, false, &p.modularity);
        st = collab_error_from_igraph(err, rc, "computing modularity");
    }
    igraph_vector_int_destroy(&membership);
    if (st != COLLAB_OK) {
        collab_partition_destroy(&p);
        return st;
    }
    *out = p;
    return COLLAB_OK;
}

/* A small graph rewired by edge swaps that keep it simple and every degree; the weights stay in
 * edge order, so they are shuffled with the wiring. */
static igraph_error_t rewired(const collab_graph *g, igraph_t *out)
{
    IGRAPH_CHECK(igraph_copy(out, &g->graph));
    igraph_error_t rc = IGRAPH_SUCCESS;
    if (igraph_is_directed(out)) {
        /* Leiden is for undirected graphs: each arc stays an edge, in order */
        rc = igraph_to_undirected(out, IGRAPH_TO_UNDIRECTED_EACH, NULL);
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_rewire(out, CHANCE_SWAPS_PER_EDGE * igraph_ecount(out), IGRAPH_REWIRING_SIMPLE);
    }
    if (rc != IGRAPH_SUCCESS) {
        igraph_destroy(out);
    }
    return rc;
}

/* A large graph's ends paired at random (the configuration model, in O(m)), for a sample of its
 * vertices of about CHANCE_SAMPLE_EDGES edges in all, each with its degree, and weights drawn from
 * the graph's: what a partition reaches by chance depends on the degrees, not on the size. */
static igraph_error_t paired_sample(const collab_graph *g, const igraph_vector_int_t *degree,
                                    igraph_t *out, igraph_vector_t *weights)
{
    igraph_integer_t m = igraph_ecount(&g->graph);
    double keep = m > CHANCE_SAMPLE_EDGES ? (double)CHANCE_SAMPLE_EDGES / (double)m : 1.0;
    igraph_vector_int_t sample;
    IGRAPH_CHECK(igraph_vector_int_init(&sample, 0));
    igraph_error_t rc = IGRAPH_SUCCESS;
    igraph_integer_t stubs = 0;
    for (igraph_integer_t v = 0; v < igraph_vector_int_size(degree) && rc == IGRAPH_SUCCESS; v++) {
        if (keep >= 1.0 || igraph_rng_get_unif01(igraph_rng_default()) < keep) {
            rc = igraph_vector_int_push_back(&sample, VECTOR(*degree)[v]);
            stubs += VECTOR(*degree)[v];
        }
    }
    if (rc == IGRAPH_SUCCESS && stubs % 2 == 1) {
        VECTOR(sample)[0]++; /* pairing needs an even number of ends */
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_degree_sequence_game(out, &sample, NULL, IGRAPH_DEGSEQ_CONFIGURATION);
    }
    igraph_vector_int_destroy(&sample);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    igraph_integer_t sampled = igraph_ecount(out);
    rc = igraph_vector_init(weights, sampled);
    for (igraph_integer_t e = 0; e < sampled && rc == IGRAPH_SUCCESS; e++) {
        /* the whole graph paired (sampled == m): its weights in order; a sample: drawn */
        igraph_integer_t from =
            keep >= 1.0 ? e : igraph_rng_get_integer(igraph_rng_default(), 0, m - 1);
        VECTOR(*weights)[e] = VECTOR(g->weights)[from];
    }
    if (rc != IGRAPH_SUCCESS) {
        igraph_destroy(out);
    }
    return rc;
}

collab_status collab_community_chance_modularity(const collab_graph *g,
                                                 const collab_community_options *opt, double *q,
                                                 collab_error *err)
{
    *q = 0.0;
    igraph_integer_t m = igraph_ecount(&g->graph);
    if (m < 2 || igraph_vector_size(&g->weights) != m) {
        return COLLAB_OK;
    }
    /* A small graph's shuffles vary (karate's from 0.30 to 0.40): the mean of several. */
    igraph_integer_t shuffles = CHANCE_EDGES / m;
    shuffles = shuffles < 1 ? 1 : shuffles > CHANCE_MAX_SHUFFLES ? CHANCE_MAX_SHUFFLES : shuffles;
    igraph_vector_int_t degree, membership;
    igraph_error_t rc = igraph_vector_int_init(&degree, 0);
    if (rc != IGRAPH_SUCCESS) {
        return collab_error_from_igraph(err, rc, "finding communities by chance");
    }
    rc = igraph_vector_int_init(&membership, 0);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&degree);
        return collab_error_from_igraph(err, rc, "finding communities by chance");
    }
    /* every arc counts at both ends, as in find_communities' undirected view */
    rc = igraph_degree(&g->graph, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opt->seed);
    double sum = 0.0;
    for (igraph_integer_t k = 0; k < shuffles && rc == IGRAPH_SUCCESS; k++) {
        /* Small graphs are rewired keeping them simple: paired at random, a hub's ends would meet
         * themselves and each other (Thom Russo's network: 0.45 by chance that way, 0.15 by
         * swaps). Large ones are paired at random, where such pairs are rare (the 100k-row file:
         * 0.152 that way, 0.150 by swaps, which took 25 s at 1M rows). */
        igraph_t shuffled;
        igraph_vector_t sampled_weights;
        bool small = m <= CHANCE_EDGES;
        rc = small ? rewired(g, &shuffled) : paired_sample(g, &degree, &shuffled, &sampled_weights);
        if (rc != IGRAPH_SUCCESS) {
            break;
        }
        const igraph_vector_t *w = small ? &g->weights : &sampled_weights;
        rc = leiden_on(&shuffled, w, opt->resolution, &membership);
        igraph_real_t shuffle_q = 0.0;
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_modularity(&shuffled, &membership, w, 1.0, false, &shuffle_q);
        }
        sum += shuffle_q;
        igraph_destroy(&shuffled);
        if (!small) {
            igraph_vector_destroy(&sampled_weights);
        }
    }
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&degree);
    if (rc == IGRAPH_SUCCESS) {
        *q = sum / (double)shuffles;
    }
    return collab_error_from_igraph(err, rc, "finding communities by chance");
}
