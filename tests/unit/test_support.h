/* Helpers shared by the unit tests: cmocka includes, temporary CSV files, graph building. */
#ifndef COLLAB_TEST_SUPPORT_H
#define COLLAB_TEST_SUPPORT_H

#include "collab/engine.h"
#include "collab/graph.h"
#include "collab/load.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* Writes `len` bytes of `content` to a new temporary file; returns its path (static buffer per
 * call site is not needed: the caller passes `path` of at least 64 bytes). */
static inline void write_temp(char *path, const char *content, size_t len)
{
    snprintf(path, 64, "/tmp/collab-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, len), (ssize_t)len);
    close(fd);
}

/* Loads `content` (a NUL-terminated CSV text) with default options. */
static inline collab_status load_text(collab_edgelist *out, const char *content,
                                      const collab_load_options *opt, collab_error *err)
{
    char path[64];
    write_temp(path, content, strlen(content));
    collab_load_options defaults;
    collab_load_options_init(&defaults);
    collab_status st = collab_load_file(out, path, opt != NULL ? opt : &defaults, err);
    unlink(path);
    return st;
}

/* Loads and builds with default graph options except `view` and `weighting`. */
static inline void build_text(collab_graph *g, collab_edgelist *list, const char *content,
                              collab_view view, collab_weighting weighting)
{
    collab_error err = {0};
    assert_int_equal(load_text(list, content, NULL, &err), COLLAB_OK);
    collab_graph_options opt;
    collab_graph_options_init(&opt);
    opt.view = view;
    opt.weighting = weighting;
    assert_int_equal(collab_graph_build(g, list, &opt, &err), COLLAB_OK);
}

/* The weight of the edge between the vertices named a and b, or -1 if there is none. */
static inline double edge_weight(const collab_graph *g, const char *a, const char *b)
{
    uint32_t u = collab_names_find(&g->names, a, strlen(a));
    uint32_t v = collab_names_find(&g->names, b, strlen(b));
    igraph_integer_t eid = -1;
    if (u == COLLAB_NO_ID || v == COLLAB_NO_ID) {
        return -1;
    }
    igraph_get_eid(&g->graph, &eid, u, v, false, false);
    return eid < 0 ? -1 : VECTOR(g->weights)[eid];
}

static inline int setup_engine(void **state)
{
    (void)state;
    collab_engine_init();
    return 0;
}

#endif
