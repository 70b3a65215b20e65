/* The files of the render module: the surface for each format (PNG, SVG, PDF), a contact sheet of
 * several scenes, SVG in memory, each streamed into a collab_output temporary file or a buffer,
 * the surface finished and every status checked before the file is renamed into place
 * (render.c paints). */
#include "collab/render.h"

#include "collab/alloc.h"
#include "collab/output.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

/* Fixed PDF dates: the file must not change with the clock (STYLE section 5). */
#define PDF_FIXED_DATE "2000-01-01T00:00:00Z"
#define MAX_PIXELS     32767 /* cairo's image surface limit per side */

/* An SVG kept in memory grows up to this size; beyond it the render fails (COLLAB_E_LIMIT)
 * rather than take all memory: a map of the largest graphs collab draws is a few tens of MiB. */
#define MEMORY_SVG_MAX ((size_t)1 << 30)

/* Where cairo's stream callbacks write, and the first write error they met: a file, or (when
 * `f` is NULL) a growing buffer. */
typedef struct sink {
    FILE *f;     /* the temporary output file, or NULL for memory */
    int error;   /* errno of the first failed write, 0 if none (ENOMEM, EFBIG for memory) */
    char *mem;   /* memory: the bytes written, NUL-terminated (collab_malloc'd) */
    size_t len;  /* memory: bytes in `mem` */
    size_t cap;  /* memory: its allocated size */
} sink;

static bool sink_grow(sink *k, size_t length)
{
    if (length >= MEMORY_SVG_MAX - k->len) {
        k->error = EFBIG;
        return false;
    }
    if (!collab_grow_array((void **)&k->mem, &k->cap, k->len + length + 1, 1)) {
        k->error = ENOMEM;
        return false;
    }
    return true;
}

static bool sink_write(sink *k, const void *data, size_t length)
{
    if (k->error != 0) {
        return false;
    }
    if (k->f == NULL) {
        if (!sink_grow(k, length)) {
            return false;
        }
        memcpy(k->mem + k->len, data, length);
        k->len += length;
        k->mem[k->len] = '\0';
        return true;
    }
    errno = 0;
    if (fwrite(data, 1, length, k->f) != length) {
        k->error = errno != 0 ? errno : EIO;
        return false;
    }
    return true;
}

static cairo_status_t write_sink(void *closure, const unsigned char *data, unsigned int length)
{
    return sink_write(closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* cairo names the SVG page group "surface<N>" after a process-wide surface counter, so the second
 * render in a process would differ from the first. This filter renumbers every "surface<N>" in
 * order of first appearance (surface1, surface2, ...), across chunk boundaries. */
#define SVG_WORD     "surface"
#define SVG_WORD_LEN 7
#define SVG_MAX_IDS  64

typedef struct svg_filter {
    sink *out;                       /* where the filtered bytes go */
    size_t matched;                  /* characters of SVG_WORD matched so far */
    char digits[24];                 /* digits after a full SVG_WORD */
    size_t n_digits;                 /* digits held */
    unsigned long seen[SVG_MAX_IDS]; /* original ids, in order of first appearance */
    size_t n_seen;                   /* ids in `seen` */
    unsigned char buf[4096];         /* output buffer */
    size_t used;                     /* bytes in `buf` */
} svg_filter;

static void svg_put(svg_filter *sf, const char *bytes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (sf->used == sizeof sf->buf) {
            sink_write(sf->out, sf->buf, sf->used);
            sf->used = 0;
        }
        sf->buf[sf->used++] = (unsigned char)bytes[i];
    }
}

/* Emits the held word and digits, renumbered when digits follow the word. */
static void svg_release(svg_filter *sf)
{
    svg_put(sf, SVG_WORD, sf->matched);
    if (sf->n_digits > 0) {
        sf->digits[sf->n_digits] = '\0';
        unsigned long id = strtoul(sf->digits, NULL, 10);
        size_t k = 0;
        while (k < sf->n_seen && sf->seen[k] != id) {
            k++;
        }
        if (k == sf->n_seen && k < SVG_MAX_IDS) {
            sf->seen[sf->n_seen++] = id;
        }
        char num[24];
        int len = k < SVG_MAX_IDS ? snprintf(num, sizeof num, "%zu", k + 1)
                                  : snprintf(num, sizeof num, "%s", sf->digits);
        svg_put(sf, num, (size_t)len);
    }
    sf->matched = 0;
    sf->n_digits = 0;
}

static void svg_byte(svg_filter *sf, char c)
{
    bool digit = c >= '0' && c <= '9';
    if (sf->matched == SVG_WORD_LEN && digit && sf->n_digits + 1 < sizeof sf->digits) {
        sf->digits[sf->n_digits++] = c;
        return;
    }
    if (sf->matched < SVG_WORD_LEN && c == SVG_WORD[sf->matched]) {
        sf->matched++;
        return;
    }
    svg_release(sf);
    if (c == SVG_WORD[0]) {
        sf->matched = 1;
    } else {
        svg_put(sf, &c, 1);
    }
}

static cairo_status_t write_svg(void *closure, const unsigned char *data, unsigned int length)
{
    svg_filter *sf = closure;
    for (unsigned int i = 0; i < length; i++) {
        svg_byte(sf, (char)data[i]);
    }
    return sf->out->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void svg_flush(svg_filter *sf)
{
    svg_release(sf);
    sink_write(sf->out, sf->buf, sf->used);
    sf->used = 0;
}

static collab_status from_cairo(cairo_status_t cs, const sink *k, const char *path,
                                collab_error *err)
{
    if (cs == CAIRO_STATUS_SUCCESS) {
        return COLLAB_OK;
    }
    if (cs == CAIRO_STATUS_NO_MEMORY) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory rendering '%s'", path);
    }
    if (cs == CAIRO_STATUS_WRITE_ERROR || k->error != 0) {
        return collab_error_set(err, COLLAB_E_IO, "cannot write '%s': %s", path,
                                strerror(k->error != 0 ? k->error : EIO));
    }
    return collab_error_set(err, COLLAB_E_LIBRARY, "cannot render '%s': %s", path,
                            cairo_status_to_string(cs));
}

/* What one file shows: a single scene, or a contact sheet of scenes in a grid, each scaled
 * into its cell. */
typedef struct page {
    double width, height;         /* page units */
    const collab_scene *scenes;   /* the scenes */
    size_t n;                     /* how many */
    size_t columns;               /* 0 = one scene filling the page */
    double cell_w, cell_h;        /* sheet: cell size */
    const char *title;            /* PDF metadata title, or NULL */
} page;

static page single_page(const collab_scene *s)
{
    page pg = {s->width, s->height, s, 1, 0, s->width, s->height,
               s->has_title ? s->title.text : NULL};
    return pg;
}

static void paint_page(cairo_t *cr, const page *pg)
{
    if (pg->columns == 0) {
        collab_render_paint(cr, pg->scenes);
        return;
    }
    /* The page's background first: cells of another aspect leave gaps. */
    collab_rgba bg = pg->n > 0 ? pg->scenes[0].background : (collab_rgba){1, 1, 1, 1};
    cairo_set_source_rgba(cr, bg.r, bg.g, bg.b, 1);
    cairo_paint(cr);
    for (size_t i = 0; i < pg->n; i++) {
        const collab_scene *s = &pg->scenes[i];
        double k = fmin(pg->cell_w / s->width, pg->cell_h / s->height);
        cairo_save(cr);
        cairo_translate(cr, (double)(i % pg->columns) * pg->cell_w + (pg->cell_w - k * s->width) / 2,
                        (double)(i / pg->columns) * pg->cell_h +
                            (pg->cell_h - k * s->height) / 2);
        cairo_scale(cr, k, k);
        cairo_rectangle(cr, 0, 0, s->width, s->height);
        cairo_clip(cr);
        collab_render_paint(cr, s);
        cairo_restore(cr);
    }
}

/* Paints on `surface`, finishes it (SVG and PDF reach the stream only then) and returns the
 * first cairo error. Destroys the surface. */
static cairo_status_t paint_and_finish(cairo_surface_t *surface, const page *pg)
{
    cairo_t *cr = cairo_create(surface);
    paint_page(cr, pg);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (cs == CAIRO_STATUS_SUCCESS) {
        cs = cairo_surface_status(surface);
    }
    cairo_surface_destroy(surface);
    return cs;
}

static cairo_status_t render_png(const page *pg, sink *k, double dpi)
{
    int w = (int)ceil(pg->width * dpi / 72);
    int h = (int)ceil(pg->height * dpi / 72);
    /* Opaque background: RGB24 gives smaller PNGs than ARGB32 and the same pixels. */
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, dpi / 72, dpi / 72);
    paint_page(cr, pg);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    if (cs == CAIRO_STATUS_SUCCESS) {
        cs = cairo_surface_write_to_png_stream(surface, write_sink, k);
    }
    cairo_surface_destroy(surface);
    return cs;
}

static cairo_status_t render_vector(const page *pg, sink *k, collab_render_format fmt)
{
    if (fmt == COLLAB_RENDER_SVG) {
        svg_filter *sf = collab_calloc_array(1, sizeof *sf);
        if (sf == NULL) {
            return CAIRO_STATUS_NO_MEMORY;
        }
        sf->out = k;
        cairo_surface_t *surface =
            cairo_svg_surface_create_for_stream(write_svg, sf, pg->width, pg->height);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
        cairo_status_t cs = paint_and_finish(surface, pg);
        svg_flush(sf);
        collab_free(sf);
        return cs == CAIRO_STATUS_SUCCESS && k->error != 0 ? CAIRO_STATUS_WRITE_ERROR : cs;
    }
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(write_sink, k, pg->width, pg->height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, PDF_FIXED_DATE);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, PDF_FIXED_DATE);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "collab");
    if (pg->title != NULL) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, pg->title);
    }
    return paint_and_finish(surface, pg);
}

static collab_status check_size(const page *pg, collab_render_format fmt, double dpi,
                                collab_error *err)
{
    if (fmt != COLLAB_RENDER_PNG && fmt != COLLAB_RENDER_SVG && fmt != COLLAB_RENDER_PDF) {
        return collab_error_set(err, COLLAB_E_USAGE, "unknown image format '%d'", (int)fmt);
    }
    if (fmt != COLLAB_RENDER_PNG) {
        return COLLAB_OK;
    }
    if (!isfinite(dpi) || dpi < 1 || dpi > 2400) {
        return collab_error_set(err, COLLAB_E_USAGE, "resolution '%g' dpi is not in 1..2400", dpi);
    }
    if (ceil(pg->width * dpi / 72) > MAX_PIXELS || ceil(pg->height * dpi / 72) > MAX_PIXELS) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "image of '%gx%g' points at %g dpi exceeds %d pixels a side",
                                pg->width, pg->height, dpi, MAX_PIXELS);
    }
    return COLLAB_OK;
}

static collab_status render_page(const page *pg, collab_output *out, collab_render_format fmt,
                                 double dpi, collab_error *err)
{
    collab_status st = check_size(pg, fmt, dpi, err);
    if (st != COLLAB_OK) {
        return st;
    }
    sink k = {0};
    k.f = out->f;
    cairo_status_t cs =
        fmt == COLLAB_RENDER_PNG ? render_png(pg, &k, dpi) : render_vector(pg, &k, fmt);
    return from_cairo(cs, &k, out->path, err);
}

collab_status collab_render_sheet_output(const collab_scene *scenes, size_t n, size_t columns,
                                         double cell_width, collab_output *out,
                                         collab_render_format fmt, double dpi,
                                         collab_error *err)
{
    if (n == 0 || columns == 0 || !isfinite(cell_width) || cell_width < 16) {
        return collab_error_set(err, COLLAB_E_USAGE, "a contact sheet needs scenes, columns and "
                                                     "a cell width of at least 16");
    }
    double cell_h = 0;
    for (size_t i = 0; i < n; i++) {
        cell_h = fmax(cell_h, cell_width * scenes[i].height / scenes[i].width);
    }
    size_t cols = columns < n ? columns : n;
    size_t rows = (n + cols - 1) / cols;
    page pg = {cell_width * (double)cols, cell_h * (double)rows, scenes, n, cols, cell_width,
               cell_h, NULL};
    return render_page(&pg, out, fmt, dpi, err);
}

collab_status collab_render_output(const collab_scene *s, collab_output *out,
                                   collab_render_format fmt, double dpi, collab_error *err)
{
    page pg = single_page(s);
    return render_page(&pg, out, fmt, dpi, err);
}

collab_status collab_render_svg_memory(const collab_scene *s, char **svg, size_t *len,
                                       collab_error *err)
{
    sink k = {0};
    page pg = single_page(s);
    cairo_status_t cs = render_vector(&pg, &k, COLLAB_RENDER_SVG);
    collab_status st = COLLAB_OK;
    if (k.error == ENOMEM || cs == CAIRO_STATUS_NO_MEMORY) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory rendering the map as SVG");
    } else if (k.error == EFBIG) {
        st = collab_error_set(err, COLLAB_E_LIMIT, "the map's SVG exceeds %zu MiB",
                              MEMORY_SVG_MAX >> 20);
    } else if (cs != CAIRO_STATUS_SUCCESS) {
        st = collab_error_set(err, COLLAB_E_LIBRARY, "cannot render the map as SVG: %s",
                              cairo_status_to_string(cs));
    } else if (k.mem == NULL && !sink_grow(&k, 0)) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory rendering the map as SVG");
    }
    if (st != COLLAB_OK) {
        collab_free(k.mem);
        return st;
    }
    k.mem[k.len] = '\0';
    *svg = k.mem;
    *len = k.len;
    return COLLAB_OK;
}

collab_status collab_render_file(const collab_scene *s, const char *path, collab_render_format fmt,
                                 double dpi, collab_error *err)
{
    collab_output out;
    collab_status st = collab_output_open(&out, path, NULL, err);
    if (st != COLLAB_OK) {
        return st;
    }
    st = collab_render_output(s, &out, fmt, dpi, err);
    if (st != COLLAB_OK) {
        collab_output_abort(&out);
        return st;
    }
    return collab_output_commit(&out, err);
}

bool collab_render_format_from_path(const char *path, collab_render_format *fmt)
{
    const char *dot = path != NULL ? strrchr(path, '.') : NULL;
    if (dot == NULL || strchr(dot, '/') != NULL) {
        return false;
    }
    static const struct {
        const char *ext;
        collab_render_format fmt;
    } table[] = {
        {".png", COLLAB_RENDER_PNG}, {".svg", COLLAB_RENDER_SVG}, {".pdf", COLLAB_RENDER_PDF}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcasecmp(dot, table[i].ext) == 0) {
            *fmt = table[i].fmt;
            return true;
        }
    }
    return false;
}

const char *collab_render_format_name(collab_render_format fmt)
{
    switch (fmt) {
    case COLLAB_RENDER_PNG:
        return "png";
    case COLLAB_RENDER_SVG:
        return "svg";
    case COLLAB_RENDER_PDF:
        return "pdf";
    }
    return "unknown";
}
