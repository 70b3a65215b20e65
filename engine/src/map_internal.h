/* Private interface between map.c (the pipeline) and map_colour.c (captions and colour classes). */
#ifndef COLLAB_MAP_INTERNAL_H
#define COLLAB_MAP_INTERNAL_H

#include "collab/map.h"

/* Everything the scene input points at, owned by the map being built. */
typedef struct collab_i_map_arrays {
    uint32_t *from, *to;          /* edge endpoints */
    double *weight;               /* edge weights */
    const char **names;           /* node names (borrowed from the graph) */
    uint8_t *kind;                /* person / project */
    uint32_t *category;           /* colour class: community or role */
    double *value;                /* numeric colour value */
    collab_legend_entry *legend;  /* one caption per colour class */
    char **legend_text;           /* their texts (owned), or NULL when the captions are borrowed */
    size_t n_legend;              /* captions */
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
    bool active;                 /* some component is left out: draw `src` */
    collab_map_source src;       /* the source, with graph, metrics and partition replaced */
    collab_graph graph;          /* the drawn subgraph */
    bool have_graph;             /* graph is built */
    collab_metrics metrics;      /* the source's, per-vertex arrays copied for the kept vertices
                                    (no top-k ranking) */
    collab_partition partition;  /* their communities (numbers kept, sizes recounted) */
    uint32_t *kept;              /* drawn vertex -> source vertex */
    size_t n_kept;               /* vertices drawn */
    size_t components_left;      /* components not drawn */
    size_t nodes_left;           /* their vertices */
} collab_i_map_scope;

/* Fills `s` (uninitialised on entry) for `src`; s->active is false when every component is
 * drawn anyway (then nothing is left to free). On error `s` holds nothing. */
collab_status collab_i_map_scope_build(collab_i_map_scope *s, const collab_map_source *src,
                                       collab_error *err);
void collab_i_map_scope_destroy(collab_i_map_scope *s);

#endif
