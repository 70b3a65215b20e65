/* Private interface between load_network.c (igraph's read, weights, kinds, rows) and
 * load_network_names.c (node attributes as text, and the names chosen from them). Only these
 * two files include it: it brings <igraph.h>. */
#ifndef COLLAB_LOAD_NETWORK_INTERNAL_H
#define COLLAB_LOAD_NETWORK_INTERNAL_H

#include <igraph.h>

#include "load_internal.h"

/* The graph being turned into rows, with what is known of its attributes. */
typedef struct collab_i_net_read {
    const igraph_t *g;
    collab_input_format format;
    const char *name;            /* display name */
    igraph_strvector_t v_names;  /* vertex attribute names */
    igraph_vector_int_t v_types; /* their igraph_attribute_type_t */
    igraph_strvector_t e_names;  /* edge attribute names */
    igraph_vector_int_t e_types;
    collab_text_scratch scratch; /* normalisation */
    char *text;                  /* decoding buffer (owned) */
    size_t text_cap;
    char number[64];         /* a number written as text */
    collab_i_yed_labels yed; /* yEd's node labels, when the file has them */
} collab_i_net_read;

/* The pseudo-attribute naming yEd's labels, and its type in collab_i_net_attr_type's answers. */
#define COLLAB_I_YED_LABEL      "y:NodeLabel"
#define COLLAB_I_YED_LABEL_TYPE 1000

/* The type of vertex (`edge` false) or edge attribute `attr` (an igraph_attribute_type_t, or
 * COLLAB_I_YED_LABEL_TYPE for yEd's labels under the name COLLAB_I_YED_LABEL), -1 when the file
 * has none. */
int collab_i_net_attr_type(const collab_i_net_read *r, bool edge, const char *attr);

/* One name per node, all different, into `chosen` (initialised, empty; id = node index), and
 * the attribute they came from into list->name_attribute, the nodes named by id or number in
 * list->names_replaced. Errors: COLLAB_E_INPUT for text that is not UTF-8 or a node no name fits,
 * COLLAB_E_NOMEM. */
collab_status collab_i_net_choose_names(collab_i_net_read *r, collab_edgelist *list,
                                        collab_names *chosen, collab_error *err);

#endif
