/* libFuzzer target: a small ring graph whose names come from the input (one per line, any bytes),
 * built into a scene with the pango measurer and painted to SVG in memory. Names must never break
 * the scene, the label placement or the renderer. */
#include "collab/engine.h"
#include "collab/render.h"
#include "collab/scene.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>
#include <cairo.h>

#define MAX_NODES 24
#define TWO_PI 6.283185307179586

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cairo_status_t discard(void *closure, const unsigned char *bytes, unsigned int length)
{
    (void)closure;
    (void)bytes;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* Splits the input into up to MAX_NODES NUL-terminated names (copied into `pool`). */
static size_t split_names(const uint8_t *data, size_t size, char *pool, const char **names)
{
    size_t n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= size && n < MAX_NODES; i++) {
        if (i == size || data[i] == '\n') {
            memcpy(pool + start, data + start, i - start);
            pool[i] = '\0';
            names[n++] = pool + start;
            start = i + 1;
        }
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    collab_engine_init();
    if (size > 4096) {
        return 0;
    }
    char *pool = malloc(size + 1);
    const char *names[MAX_NODES];
    size_t n = split_names(data, size, pool, names);
    double x[MAX_NODES], y[MAX_NODES], value[MAX_NODES];
    uint32_t community[MAX_NODES], from[MAX_NODES], to[MAX_NODES];
    for (size_t i = 0; i < n; i++) {
        x[i] = cos(TWO_PI * (double)i / (double)n);
        y[i] = sin(TWO_PI * (double)i / (double)n);
        value[i] = 1 + (double)(i % 5);
        community[i] = (uint32_t)(i % 3);
        from[i] = (uint32_t)i;
        to[i] = (uint32_t)((i + 1) % n);
    }
    collab_render_measurer measurer;
    collab_error err = {0};
    if (collab_render_measurer_init(&measurer, &err) == COLLAB_OK) {
        collab_scene_input in;
        collab_scene_input_init(&in);
        in.n_nodes = n;
        in.x = x;
        in.y = y;
        in.size = value;
        in.community = community;
        in.names = names;
        in.n_edges = n > 1 ? n : 0;
        in.edge_from = from;
        in.edge_to = to;
        in.title = names[0];
        in.measure = collab_render_measure_text;
        in.measure_ctx = &measurer;
        collab_scene scene;
        if (collab_scene_build(&scene, &in, &err) == COLLAB_OK) {
            cairo_surface_t *svg = cairo_svg_surface_create_for_stream(discard, NULL, scene.width,
                                                                       scene.height);
            cairo_t *cr = cairo_create(svg);
            collab_render_paint(cr, &scene);
            cairo_destroy(cr);
            cairo_surface_finish(svg);
            cairo_surface_destroy(svg);
            collab_scene_destroy(&scene);
        }
        collab_render_measurer_destroy(&measurer);
    }
    free(pool);
    return 0;
}
