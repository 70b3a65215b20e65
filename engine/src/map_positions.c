/* Positions of an earlier map (collab map --layout-from): the nodes' names and page positions
 * read from the scene JSON that `collab map --scene` wrote, and the layout that re-uses them. */
#include "collab/alloc.h"
#include "collab/map.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Largest scene file read: far above the scene of the largest map drawn at the node level. */
#define MAX_SCENE_BYTES ((size_t)1 << 30)

static collab_status no_positions(collab_error *err, const char *path, const char *why)
{
    return collab_error_set(err, COLLAB_E_INPUT,
                            "'%s' %s: --layout-from takes the scene JSON of a map (collab map "
                            "--scene FILE.json)",
                            path, why);
}

/* Reads every node with a name and finite x and y; the first of two nodes with one name wins. */
static collab_status read_nodes(collab_map_positions *p, json_t *nodes, const char *path,
                                collab_error *err)
{
    size_t n = json_array_size(nodes);
    p->x = collab_alloc_array(n + 1, sizeof *p->x);
    p->y = collab_alloc_array(n + 1, sizeof *p->y);
    if (p->x == NULL || p->y == NULL) {
        return collab_error_nomem(err, "reading the positions");
    }
    for (size_t i = 0; i < n; i++) {
        json_t *node = json_array_get(nodes, i);
        json_t *name = json_object_get(node, "name");
        json_t *x = json_object_get(node, "x");
        json_t *y = json_object_get(node, "y");
        if (!json_is_string(name) || !json_is_number(x) || !json_is_number(y) ||
            !isfinite(json_number_value(x)) || !isfinite(json_number_value(y))) {
            continue;
        }
        uint32_t id = 0;
        collab_status st = collab_names_intern(&p->names, json_string_value(name),
                                               json_string_length(name), &id, err);
        if (st != COLLAB_OK) {
            return st;
        }
        if (id == p->n) {
            p->x[p->n] = json_number_value(x);
            p->y[p->n++] = json_number_value(y);
        }
    }
    return p->n > 0 ? COLLAB_OK
                    : no_positions(err, path, "holds no node with a name and a position");
}

collab_status collab_map_positions_read(collab_map_positions *out, const char *path,
                                        collab_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return collab_error_set(err, COLLAB_E_IO, "cannot open '%s': %s", path, strerror(errno));
    }
    json_error_t jerr;
    json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    bool too_big = root != NULL && ftell(f) > 0 && (size_t)ftell(f) > MAX_SCENE_BYTES;
    fclose(f);
    if (root == NULL) {
        return collab_error_set_at(err, COLLAB_E_INPUT, path, jerr.line > 0 ? jerr.line : 1,
                                   jerr.column > 0 ? jerr.column : 1, "not a scene JSON: %s",
                                   jerr.text);
    }
    collab_map_positions p;
    memset(&p, 0, sizeof p);
    collab_names_init(&p.names);
    json_t *nodes = json_object_get(root, "nodes");
    collab_status st = COLLAB_OK;
    if (too_big) {
        st = collab_error_set(err, COLLAB_E_LIMIT, "'%s' is larger than %zu bytes", path,
                              MAX_SCENE_BYTES);
    } else if (!json_is_array(nodes)) {
        st = no_positions(err, path, "has no \"nodes\" array");
    } else {
        st = read_nodes(&p, nodes, path, err);
    }
    json_decref(root);
    if (st != COLLAB_OK) {
        collab_map_positions_destroy(&p);
        return st;
    }
    *out = p;
    return COLLAB_OK;
}

void collab_map_positions_destroy(collab_map_positions *p)
{
    if (p == NULL) {
        return;
    }
    collab_names_destroy(&p->names);
    collab_free(p->x);
    collab_free(p->y);
    memset(p, 0, sizeof *p);
}
