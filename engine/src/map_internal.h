/* Private interface between map.c (the pipeline) and map_colour.c (captions and colour classes). */
#ifndef COLLAB_MAP_INTERNAL_H
#define COLLAB_MAP_INTERNAL_H

#include "collab/map.h"

/* Everything the scene input points at, owned by the map being built. */
typedef struct collab_i_map_arrays {
    uint32_t *from, *to;         /* edge endpoints */
    double *weight;              /* edge weights */
    const char **names;          /* node names (borrowed from the graph) */
    uint8_t *kind;               /* person / project */
    uint32_t *category;          /* colour class: community or role */
    double *value;               /* numeric colour value */
    collab_legend_entry *legend; /* one caption per colour class */
    char **legend_text;          /* their texts (owned), or NULL when the captions are borrowed */
    size_t n_legend;             /* captions */
} collab_i_map_arrays;

/* Frees what `a` owns and zeroes it. */
void collab_i_map_arrays_free(collab_i_map_arrays *a);

/* Drops the captions (colouring by year or role replaces the community captions). */
void collab_i_map_legend_free(collab_i_map_arrays *a);

/* Legend captions: each community's three most important members by `size` ("A, B, C"). */
collab_status collab_i_map_community_legend(const collab_graph *g, const collab_partition *p,
                                            const double *size, collab_i_map_arrays *a,
                                            collab_error *err);

/* For credits drawn as people: each person's mean credit year (NaN when undated) into a->value. */
collab_status collab_i_map_person_years(const collab_graph *g, const collab_edgelist *list,
                                        collab_i_map_arrays *a, collab_error *err);

/* For credits drawn as people: each person's main role (collab_credit_facts.main_role) as a
 * colour class, classes numbered by how common the role is overall (so the palette goes to the
 * common roles), with the role names as captions. */
collab_status collab_i_map_person_roles(const collab_graph *g, const collab_edgelist *list,
                                        collab_i_map_arrays *a, collab_error *err);

/* A node-level map's drawn part (map_scope.c): the largest component and those of a useful size,
 * as an induced subgraph with its own copies of the source's metrics and communities. */
typedef struct collab_i_map_scope {
    bool active;                /* some component is left out: draw `src` */
    collab_map_source src;      /* the source, with graph, metrics and partition replaced */
    collab_graph graph;         /* the drawn subgraph */
    bool have_graph;            /* graph is built */
    collab_metrics metrics;     /* the source's, per-vertex arrays copied for the kept vertices
                                   (no top-k ranking) */
    collab_partition partition; /* their communities (numbers kept, sizes recounted) */
    uint32_t *kept;             /* drawn vertex -> source vertex */
    size_t n_kept;              /* vertices drawn */
    size_t components_left;     /* components not drawn */
    size_t nodes_left;          /* their vertices */
} collab_i_map_scope;

/* Fills `s` (uninitialised on entry) for `src`; s->active is false when every component is
 * drawn anyway (then nothing is left to free). On error `s` holds nothing. */
collab_status collab_i_map_scope_build(collab_i_map_scope *s, const collab_map_source *src,
                                       collab_error *err);
void collab_i_map_scope_destroy(collab_i_map_scope *s);
/* The smallest component a map draws by default besides the largest (of `largest` vertices):
 * max(3, min(10, a tenth of the largest)). */
size_t collab_i_map_scope_least(size_t largest);

/* A layout holding the given positions of the n nodes (no layout algorithm runs). */
collab_status collab_i_map_layout_given(collab_layout *l, size_t n, const double *x,
                                        const double *y, double aspect, collab_error *err);

/* --layout-from (map_positions.c): the positions of an earlier map `p` for the nodes of `g` named
 * there, the others near their neighbours. `*matched` is the number of nodes named there; when it
 * is 0 nothing is set and the caller runs the layout. */
collab_status collab_i_map_layout_from(collab_layout *l, const collab_map_positions *p,
                                       const collab_graph *g, double aspect, size_t *matched,
                                       collab_error *err);

/* Small components whose people are named in the band of --components all (map_band.c). */
#define COLLAB_MAP_BAND_NAMED 10

/* --components all at the node level (map_band.c): the components drawn by default above, the
 * others (small components, isolated nodes) packed in a band under them. */
typedef struct collab_i_map_band {
    bool active;         /* there is both a main part and a band */
    uint32_t *main;      /* vertices of the main part, ascending */
    size_t n_main;       /* their count */
    uint32_t *band;      /* vertices of the band, ascending */
    size_t n_band;       /* their count */
    uint8_t *unlabelled; /* per vertex: 1 = in the band outside its COLLAB_MAP_BAND_NAMED
                            largest components (ranked by size, then summed size value, then
                            smallest vertex): never labelled */
    size_t components;   /* components of two or more vertices in the band */
    size_t isolated;     /* isolated vertices in the band */
    size_t named;        /* band components whose people may be labelled */
} collab_i_map_band;

/* Fills `b` (uninitialised on entry) for `g`, `value` being the size value per vertex (NULL =
 * none) used to rank components of one size. b->active is false when there is nothing to put in
 * a band or nothing above it (then `b` holds nothing). Errors: COLLAB_E_NOMEM. */
collab_status collab_i_map_band_build(collab_i_map_band *b, const collab_graph *g,
                                      const double *value, collab_error *err);
/* Lays out `g` (whose vertices `b` splits) into `out` (uninitialised): the main part with
 * `base` in the top of a box of aspect base->aspect and height 1, the band under it, each part
 * laid out alone with the discs `radius` (per vertex, box-height units; NULL = the layout's
 * default) kept apart. On error `out` holds nothing. */
collab_status collab_i_map_band_layout(collab_layout *out, const collab_i_map_band *b,
                                       const collab_graph *g, const collab_edgelist *list,
                                       const collab_layout_options *base, const double *radius,
                                       collab_error *err);
void collab_i_map_band_destroy(collab_i_map_band *b);

/* What the map's subtitle (map_subtitle.c) describes; every pointer borrowed. */
typedef struct collab_i_map_caption {
    const collab_map_source *src;    /* the source (its graph, before the community level) */
    const collab_map_options *mo;    /* options */
    const char *extras_subtitle;     /* a query command's subtitle, or NULL */
    bool by_community;               /* communities drawn as bubbles */
    size_t n_bubbles;                /* communities drawn */
    size_t bubble_coverage;          /* nodes in them */
    double community_pull;           /* the layout's pull (1 = none) */
    const collab_i_map_scope *scope; /* the components drawn at the node level */
    const collab_i_map_band *band;   /* --components all: the band */
} collab_i_map_caption;

/* The subtitle of `c` into `out` (`size` bytes, NUL-terminated, cut when longer). */
void collab_i_map_subtitle(const collab_i_map_caption *c, char *out, size_t size);

#endif
