/* Between the path figure's files: the figure (figure_path.c) and its cards (figure_card.c). */
#ifndef COLLAB_FIGURE_INTERNAL_H
#define COLLAB_FIGURE_INTERNAL_H

#include "collab/graph.h"
#include "collab/scene.h"

/* What a card's text needs: the network, its credits, the measurer and two colours. */
typedef struct collab_i_card_context {
    const collab_graph *g;
    const collab_edgelist *list;
    const collab_scene_input *in; /* only the measurer and the font scale are used */
    collab_rgba foreground;       /* the project's title */
    collab_rgba muted;            /* the other lines */
} collab_i_card_context;

/* The lines of the card of the step between graph vertices u and v, appended to c (its lines
 * array has room for *cap, grown as needed). */
collab_status collab_i_card_fill(const collab_i_card_context *cx, collab_scene_card *c, size_t *cap,
                                 uint32_t u, uint32_t v, collab_error *err);

#endif
