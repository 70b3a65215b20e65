/* Internals shared by the files of the scene module: scene.c (build, fit, nodes, edges),
 * scene_color.c (palettes, community colours), scene_legend.c (node and font sizes, title,
 * legend, colour bar), labels.c (text and label placement) and scene_json.c (JSON export).
 * Not part of the public API. */
#ifndef COLLAB_SCENE_INTERNAL_H
#define COLLAB_SCENE_INTERNAL_H

#include "collab/scene.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Qualitative colours for communities and categories (scene_color.c): Okabe–Ito without black,
 * then nine from Paul Tol's and Petroff's colour-blind-safe sets. */
#define COLLAB_I_PALETTE_SIZE 16
/* The largest communities that get a colour whatever their size; beyond them a community needs
 * COLLAB_I_COLOR_SHARE of the nodes (until the palette runs out). */
#define COLLAB_I_COLORED_ALWAYS 12
#define COLLAB_I_COLOR_SHARE    0.01
/* Text padding on each side of a text box, as a fraction of the font size: room for the halo. */
#define COLLAB_I_TEXT_PAD 0.15
/* Label halo stroke width as a fraction of the font size (half of it lies outside the glyphs). */
#define COLLAB_I_HALO 0.22
/* Smallest gap kept between two label boxes: keeps them apart after JSON's 0.001 rounding. */
#define COLLAB_I_LABEL_EPS 0.002

/* What the legend needs to know about the nodes, gathered while building them. */
typedef struct collab_i_scene_facts {
    double font_scale; /* the input's font scale */
    double mean_size;  /* mean clean size value (0 when all are 0) */
    double max_size;   /* largest clean size value */
    bool sizes_vary;   /* not all sizes equal: the size scale is worth showing */
    bool has_persons;  /* some node is a person */
    bool has_projects; /* some node is a project */
    size_t n_colored;  /* communities given a palette colour, largest first */
    uint32_t colored[COLLAB_I_PALETTE_SIZE];       /* their numbers */
    size_t colored_members[COLLAB_I_PALETTE_SIZE]; /* their sizes */
    size_t n_grey;                                 /* communities drawn in the neutral grey */
    size_t grey_members;                           /* their nodes (members for bubbles) */
    bool has_values;                               /* NUMERIC: some value is finite */
    size_t n_missing;                              /* NUMERIC: nodes without a value (grey) */
    double vmin, vmax;                             /* NUMERIC: range of the finite values */
    collab_rgba neutral;                           /* the theme's neutral grey */
} collab_i_scene_facts;

/* Colours the nodes of `s` (nodes made) as `in` asks and records the coloured communities or the
 * value range in `facts`. Errors: COLLAB_E_NOMEM. */
collab_status collab_i_color_nodes(collab_scene *s, const collab_scene_input *in,
                                   collab_i_scene_facts *facts, collab_error *err);
/* Palette colours. */
collab_rgba collab_i_palette(size_t index);
/* Viridis at t in [0, 1] (clamped), interpolated between its 11 control points. */
collab_rgba collab_i_viridis(double t);
/* The 11 viridis control points, for the colour bar. */
collab_rgba collab_i_viridis_stop(size_t index);

/* Nominal node diameter for a normalised weight w̃ (VOSviewer: max(16 w̃^0.5, 5), w̃ capped at 25). */
double collab_i_node_diameter(double weight);
/* Page radius of a node of normalised weight w̃ at node scale `scale`. */
double collab_i_node_radius(double weight, double scale);
/* Label font size for a normalised weight: font_scale (9 + 4 min(w̃, 16)^0.5). */
double collab_i_label_font(double weight, double font_scale);

/* Byte length of the first `max_chars` grapheme clusters of valid UTF-8 `s[0..len)`; `*more`
 * tells whether anything follows. */
size_t collab_i_grapheme_prefix(const char *s, size_t len, size_t max_chars, bool *more);

/* A copy of `text` fit for drawing: cut at the first invalid UTF-8 byte, control characters
 * turned into spaces, and past `max_chars` characters cut to max_chars - 1 plus '…' (trailing
 * spaces dropped before it). Returns NULL when out of memory. */
char *collab_i_clean_text(const char *text, size_t max_chars);

/* Initialises `t` with a cleaned copy of `text` (as collab_i_label_text, cut past `max_chars`
 * characters; SIZE_MAX = no cut), shortened further with '…' until it is at most `max_width` wide
 * (INFINITY = no limit) when measured at `font`; its box is placed at (0, 0).
 * On failure `t` holds nothing. Errors: COLLAB_E_NOMEM. */
collab_status collab_i_text_init(collab_scene_text *t, const char *text, size_t max_chars,
                                 double font, collab_rgba color, double max_width,
                                 const collab_scene_input *in, collab_error *err);
/* As collab_i_text_init for a list of names ("A, B, C"): when it does not fit in `max_chars`
 * characters and `max_width`, the most whole names that fit followed by " +k" for the k names
 * left out ("A, B +1"); only when the first name alone does not fit is it cut with '…'. */
collab_status collab_i_list_text_init(collab_scene_text *t, const char *text, size_t max_chars,
                                      double font, collab_rgba color, double max_width,
                                      const collab_scene_input *in, collab_error *err);
/* Moves `t` so that its box's top-left corner is at (x, y). */
void collab_i_text_move(collab_scene_text *t, double x, double y);
/* Frees the text of `t`; NULL-safe. */
void collab_i_text_free(collab_scene_text *t);

/* Sets the title and subtitle (fitted to the page width) and returns the height of the band
 * they take at the top of the page in `*band` (0 without them). Errors: COLLAB_E_NOMEM. */
collab_status collab_i_scene_titles(collab_scene *s, const collab_scene_input *in, double *band,
                                    collab_error *err);

/* Creates the legend's headings and items, measured but not placed. Errors: COLLAB_E_NOMEM. */
collab_status collab_i_legend_prepare(collab_scene *s, const collab_scene_input *in,
                                      const collab_i_scene_facts *facts, collab_error *err);
/* Width of the legend panel with a marker column `swatch` wide (0 when there is no legend). */
double collab_i_legend_width(const collab_scene *s, double swatch, double font_scale);
/* Largest radius among the legend's size markers at node scale `scale`. */
double collab_i_legend_max_marker(const collab_scene *s, const collab_i_scene_facts *facts,
                                  double scale);
/* Places the legend panel at top-left (x, y), `width` wide, no lower than `bottom`, with markers
 * sized at node scale `scale`; items that do not fit are dropped. */
void collab_i_legend_place(collab_scene *s, const collab_i_scene_facts *facts, double x, double y,
                           double width, double bottom, double swatch, double scale);
/* The legend in rows (collab_scene_input.legend_row) at top-left (x, y), at most `width` wide,
 * markers at node scale `scale`: returns its height; with `place`, also positions everything and
 * sets the box, as wide as the content. Nothing is dropped. */
double collab_i_legend_rows(collab_scene *s, const collab_i_scene_facts *facts, double x, double y,
                            double width, double scale, bool place);
/* Frees the legend's contents. */
void collab_i_legend_free(collab_scene_legend *legend);

/* Places the labels of `s` (nodes, obstacles and label_area set), as collab_scene_build documents.
 * Errors: COLLAB_E_NOMEM (no labels are left on failure). */
/* A node's opacity from the input, clamped to [0, 1] (1 without an opacity array). */
double collab_i_node_opacity(const collab_scene_input *in, size_t i);

/* The order nodes are labelled in (descending) and painted in (ascending): emphasised nodes
 * first to be labelled and last to be painted, faded ones the other way round, the rest by
 * normalised size. */
double collab_i_node_priority(const collab_scene_input *in, const collab_scene *s, size_t i);

collab_status collab_i_labels_place(collab_scene *s, const collab_scene_input *in,
                                    collab_error *err);

#endif
