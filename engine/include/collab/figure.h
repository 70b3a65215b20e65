/* Figures built straight into a collab_scene with a geometry of their own instead of a layout:
 * the path figure of `collab path -o FILE.png`.
 *
 * A path figure draws shortest collaboration chains left to right: the people as discs in
 * columns by their distance from the first person (names above the discs), and between every
 * two linked people a card naming the project they share (title and year, each one's role, how
 * many more projects they share; in the kept-bipartite view, the person's credit on the project
 * (role, year) and how many more; for graphs without credits, the tie's weight). Nothing is cut
 * or dropped: the page is sized to what it holds. Lines run from a disc's side to the edge of its
 * column, cross the gap between columns and enter the next column at the card's (or disc's)
 * height, so no line passes under a name or a card's text. A single chain that would be wider
 * than 1400 points is drawn top to bottom instead (discs and cards on one vertical line, names to
 * the right of the discs), so a long chain makes a page a column can hold. */
#ifndef COLLAB_FIGURE_H
#define COLLAB_FIGURE_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"
#include "collab/scene.h"

#include <stddef.h>
#include <stdint.h>

/* Largest page side of a figure, in points: beyond it the figure is refused (draw fewer chains). */
#define COLLAB_FIGURE_MAX_SIDE 20000.0

typedef struct collab_figure_style {
    collab_theme theme;        /* light or dark */
    const char *title;         /* NULL or "" = none */
    const char *subtitle;      /* NULL or "" = none */
    collab_measure_fn measure; /* text measurer (required) */
    void *measure_ctx;         /* passed to `measure` */
} collab_figure_style;

/* Builds the figure of `n_paths` (> 0) chains of `length` (> 0) steps, `length + 1` vertices of
 * `g` each (as from collab_query_paths), into `out` (uninitialised on entry, initialised only on
 * COLLAB_OK; free with collab_scene_destroy). Scene nodes are the distinct people in order of
 * first appearance, each labelled with its full name; the two ends are emphasised; one card per
 * distinct step, its `from` and `to` the step's two nodes; edges are the straight segments that
 * join them (`from`, `to` the step's nodes). `list` is the edgelist `g` was built from (credits
 * drawn as people give the project cards). Errors: COLLAB_E_USAGE without a chain,
 * COLLAB_E_LIMIT when a page side would pass COLLAB_FIGURE_MAX_SIDE, COLLAB_E_NOMEM. */
collab_status collab_path_figure_build(collab_scene *out, const collab_graph *g,
                                       const collab_edgelist *list, const uint32_t *paths,
                                       size_t n_paths, size_t length,
                                       const collab_figure_style *style, collab_error *err);

#endif
