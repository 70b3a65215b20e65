/* Private interface of the export writers (export.c, export_xml.c, export_json.c,
 * export_table.c): the attribute schema every format shares, the per-node values derived from
 * the credit rows. */
#ifndef COLLAB_EXPORT_INTERNAL_H
#define COLLAB_EXPORT_INTERNAL_H

#include "collab/credits.h"
#include "collab/export.h"
#include "collab/numtext.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "textbuf_internal.h"

typedef enum collab_i_field_type {
    COLLAB_I_TEXT = 0, /* a string */
    COLLAB_I_INT,      /* an integer */
    COLLAB_I_REAL      /* a double */
} collab_i_field_type;

/* What a node attribute holds. */
typedef enum collab_i_field_id {
    COLLAB_I_NAME = 0,    /* the node's name */
    COLLAB_I_KIND,        /* "person", "project" or "node" */
    COLLAB_I_CREDITS,     /* credit rows naming the node (credits only) */
    COLLAB_I_ROLES,       /* "role (n); role (n)", most credited first */
    COLLAB_I_MAIN_ROLE,   /* the most credited role */
    COLLAB_I_YEAR_FIRST,  /* first year of its dated credits */
    COLLAB_I_YEAR_LAST,   /* last year */
    COLLAB_I_YEAR_MEAN,   /* mean year (the colour of `collab map --color-by year`) */
    COLLAB_I_METRIC,      /* a metric (field.metric) */
    COLLAB_I_METRIC_SE,   /* the standard error of a sampled metric (field.metric) */
    COLLAB_I_METRIC_LOW,  /* lower end of an estimated metric's interval (field.metric) */
    COLLAB_I_METRIC_HIGH, /* upper end of an estimated metric's interval (field.metric) */
    COLLAB_I_COMMUNITY,   /* community, numbered from 1 */
    COLLAB_I_X,           /* page x of the map */
    COLLAB_I_Y,           /* page y of the map (downwards) */
    COLLAB_I_SIZE,        /* disc radius on the page */
    COLLAB_I_COLOR,       /* fill colour "#rrggbb" */
    COLLAB_I_R,           /* its red component, 0..255 */
    COLLAB_I_G,           /* green */
    COLLAB_I_B            /* blue */
} collab_i_field_id;

/* One node attribute: its name (the same in every format) and what it holds. */
typedef struct collab_i_field {
    const char *name;         /* attribute name, [a-z_]+ */
    collab_i_field_type type; /* value type */
    collab_i_field_id id;     /* what it holds */
    collab_metric metric;     /* with COLLAB_I_METRIC */
    bool visual;              /* position, size or colour: GEXF writes these as viz elements */
} collab_i_field;

/* One value of a field for one node. */
typedef struct collab_i_value {
    bool present;  /* false: no value (NaN metric, no dated credit...) */
    long long i;   /* COLLAB_I_INT */
    double d;      /* COLLAB_I_REAL */
    const char *s; /* COLLAB_I_TEXT (borrowed from the context, valid until the next call) */
} collab_i_value;

#define COLLAB_I_MAX_FIELDS 40

/* The shared state of one export: the schema and the per-node values derived from the rows. */
typedef struct collab_i_export {
    const collab_export_input *in; /* what is exported (borrowed) */
    size_t n_vertices, n_edges;    /* counts */
    bool directed;                 /* the graph is directed */
    bool credits;                  /* the graph was built from credits with their rows */
    collab_i_field fields[COLLAB_I_MAX_FIELDS]; /* node attributes, in output order */
    size_t n_fields;                            /* fields used */
    const collab_credit_facts *facts; /* credits, roles and years per vertex: in->facts when
                                         given, else own_facts (zeroed unless credits) */
    collab_credit_facts own_facts;    /* the facts computed for this export when not given */
    char color_text[8];               /* the last colour returned */
    collab_i_textbuf text, scratch;   /* a block's scratch text (collab_i_export_items gives
                                         each block's copy its own; unused in the original) */
} collab_i_export;

/* Builds the schema and the role and year values of `in` into `x` (uninitialised on entry,
 * initialised only on COLLAB_OK). Errors: COLLAB_E_USAGE without a graph, COLLAB_E_NOMEM. */
collab_status collab_i_export_init(collab_i_export *x, const collab_export_input *in,
                                   collab_error *err);
/* Frees `x` (and own_facts, never in->facts); safe on a zeroed context. */
void collab_i_export_destroy(collab_i_export *x);

/* The value of field `f` for vertex `v`. */
collab_i_value collab_i_export_value(collab_i_export *x, const collab_i_field *f, size_t v);

/* The endpoints and the weight of edge `e`; an undirected edge's smaller end comes first. */
void collab_i_export_edge(const collab_i_export *x, size_t e, size_t *from, size_t *to,
                          double *weight);

/* Writes item i (a node or an edge) of the export to `b`; `x` is the block's own copy (its colour
 * text is the block's scratch), `ctx` what the format's items share (read only). */
typedef void (*collab_i_export_item_fn)(collab_i_textbuf *b, collab_i_export *x, size_t i,
                                        const void *ctx);

/* Items per block of nodes and of edges when several threads format them. */
#define COLLAB_I_EXPORT_NODE_BLOCK 512
#define COLLAB_I_EXPORT_EDGE_BLOCK 4096

/* Appends items [0, count) with `item`, `per_block` at a time, on x->in->threads threads
 * (collab_i_textbuf_blocks): the same bytes as one thread. False when out of memory. */
bool collab_i_export_items(collab_i_textbuf *b, collab_i_export *x, size_t count, size_t per_block,
                           collab_i_export_item_fn item, const void *ctx);

/* The graph's metadata: where it came from and how it was analysed, as named texts. */
typedef struct collab_i_meta {
    size_t n;                      /* entries */
    const char *names[16];         /* "source", "view", "weighting", "max_participants",
                                      "projects_left_out", "left_out", "people_left_out", "scope",
                                      "community_method",
                                      "communities", "modularity", "layout" */
    const char *values[16];        /* their values as text (borrowed from the input or `numbers`) */
    collab_i_field_type types[16]; /* how to type them where the format has types */
    char numbers[4][32];           /* the texts of the numbers */
    char left_out[1024];           /* what the people projection left out */
    char people_left_out[1024];    /* the people left out before building */
    char scope[256];               /* what the scope options kept */
} collab_i_meta;

void collab_i_export_metadata(const collab_i_export *x, collab_i_meta *m);

/* The writers: each appends its format to `b` (textbuf_internal.h), whose stream and memory
 * collab_export_write checks afterwards. Each returns COLLAB_OK or an error of its own (jansson
 * failing inside the JSON writers). Numbers are written as collab_numtext writes them (GML's and
 * JSON's reals always with a decimal point), text escaped with the collab_i_textbuf escapers. */
collab_status collab_i_export_graphml(collab_i_textbuf *b, collab_i_export *x, collab_error *err);
collab_status collab_i_export_gexf(collab_i_textbuf *b, collab_i_export *x, collab_error *err);
collab_status collab_i_export_gml(collab_i_textbuf *b, collab_i_export *x, collab_error *err);
collab_status collab_i_export_json(collab_i_textbuf *b, collab_i_export *x, collab_error *err);
collab_status collab_i_export_vosviewer(collab_i_textbuf *b, collab_i_export *x, collab_error *err);
collab_status collab_i_export_csv_nodes(collab_i_textbuf *b, collab_i_export *x, collab_error *err);
collab_status collab_i_export_csv_edges(collab_i_textbuf *b, collab_i_export *x, collab_error *err);

#endif
