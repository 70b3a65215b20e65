/* Painting a collab_scene with cairo and pango, to PNG, SVG or PDF.
 *
 * The scene is painted in a fixed order: background -> edges -> nodes (fill, then outline) ->
 * labels (halo in the background colour, then the text) -> title and legend. Text goes through
 * pango with the family list "DejaVu Sans, WenQuanYi Micro Hei, sans-serif", so Latin, Cyrillic,
 * Greek, Arabic and CJK names all find glyphs; hinting of metrics is off everywhere so that the
 * boxes measured for the scene (collab_render_measure_text) are the boxes painted at any scale.
 * Files are written atomically (collab_output): a failed render leaves the previous file alone.
 * SVG and PDF renders of the same scene are byte-identical (the PDF dates are pinned).
 *
 * Only render.c includes cairo and pango. This header names cairo_t through cairo's own
 * typedef (repeating a typedef is valid C11), so its users need not include <cairo.h>. */
#ifndef COLLAB_RENDER_H
#define COLLAB_RENDER_H

#include "collab/error.h"
#include "collab/output.h"
#include "collab/scene.h"

#include <stdbool.h>

typedef struct _cairo cairo_t;

typedef enum collab_render_format {
    COLLAB_RENDER_PNG = 0, /* raster, size = page size x dpi / 72 pixels */
    COLLAB_RENDER_SVG,     /* vector, page units are points */
    COLLAB_RENDER_PDF      /* vector, page units are points, fonts embedded as subsets */
} collab_render_format;

/* The font family list used for all text. */
#define COLLAB_RENDER_FONT_FAMILY "DejaVu Sans, WenQuanYi Micro Hei, sans-serif"

/* A text measurer for collab_scene_input.measure: a pango layout on a 1x1 image surface.
 * The fields are private (cairo and pango objects). Not thread-safe: one per thread. */
typedef struct collab_render_measurer {
    struct _cairo_surface *surface; /* scratch surface */
    cairo_t *cr;                    /* context on it */
    struct _PangoLayout *layout;    /* layout reused for every measurement */
} collab_render_measurer;

/* Creates a measurer in `m` (uninitialised on entry, initialised only on COLLAB_OK).
 * Errors: COLLAB_E_LIBRARY when cairo or pango cannot be set up. */
collab_status collab_render_measurer_init(collab_render_measurer *m, collab_error *err);

/* Frees `m`; NULL-safe, safe on a zeroed measurer, leaves it zeroed. */
void collab_render_measurer_destroy(collab_render_measurer *m);

/* collab_measure_fn over a collab_render_measurer passed as `ctx`: the logical width of `text`
 * at `font_size` page units, and its line height in `*height` (may be NULL). */
double collab_render_measure_text(void *ctx, const char *text, double font_size, double *height);

/* Paints `s` on `cr` in page units (the caller sets any scale, e.g. dpi / 72 for PNG). Knows no
 * backend. cairo errors are sticky: check cairo_status(cr) afterwards. */
void collab_render_paint(cairo_t *cr, const collab_scene *s);

/* Renders `s` to `path` ("-" = standard output) as `fmt`; `dpi` sets the PNG resolution (72 = one
 * pixel per point; ignored for SVG and PDF) and must be in [1, 2400] with at most 32767 pixels
 * a side. The file appears only when everything succeeded.
 * Errors: COLLAB_E_USAGE for a bad dpi or too large an image, COLLAB_E_IO when the file cannot
 * be created or written (the previous file, if any, is untouched and no temporary file remains),
 * COLLAB_E_LIBRARY for other cairo failures, COLLAB_E_NOMEM. */
collab_status collab_render_file(const collab_scene *s, const char *path, collab_render_format fmt,
                                 double dpi, collab_error *err);

/* Renders `s` into an output opened by the caller (collab_output_open), who then commits or
 * aborts it; used where the caller tracks the temporary file (the CLI's signal handlers). Same
 * errors as collab_render_file; on error the output is left open for the caller to abort. */
collab_status collab_render_output(const collab_scene *s, collab_output *out,
                                   collab_render_format fmt, double dpi, collab_error *err);

/* Renders `s` as SVG into memory, for pages that inline the map (the HTML report). On COLLAB_OK
 * `*svg` is a NUL-terminated SVG document of `*len` bytes (starting with cairo's XML
 * declaration), owned by the caller and freed with collab_free; byte-identical to what
 * collab_render_file writes for the same scene. On error `*svg` and `*len` are untouched.
 * Errors: COLLAB_E_NOMEM, COLLAB_E_LIMIT beyond 1 GiB of SVG, COLLAB_E_LIBRARY for other cairo
 * failures. */
collab_status collab_render_svg_memory(const collab_scene *s, char **svg, size_t *len,
                                       collab_error *err);

/* Renders a contact sheet into `out`: the `n` scenes in order, `columns` to a row, each scaled
 * into a cell `cell_width` page units wide (as tall as the tallest scene needs), on the first
 * scene's background. Same errors as collab_render_output. */
collab_status collab_render_sheet_output(const collab_scene *scenes, size_t n, size_t columns,
                                         double cell_width, collab_output *out,
                                         collab_render_format fmt, double dpi,
                                         collab_error *err);

/* The format named by the extension of `path` (.png, .svg, .pdf, any case); false if none. */
bool collab_render_format_from_path(const char *path, collab_render_format *fmt);

/* "png", "svg" or "pdf". */
const char *collab_render_format_name(collab_render_format fmt);

#endif
