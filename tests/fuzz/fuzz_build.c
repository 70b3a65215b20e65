/* libFuzzer target: load -> build -> projection -> summary on arbitrary bytes, with the view,
 * weighting and guards chosen by the first byte and a small edge budget. */
#include "collab/engine.h"
#include "collab/graph.h"
#include "collab/load.h"
#include "collab/summary.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    collab_engine_init();
    if (size < 1) {
        return 0;
    }
    uint8_t knobs = data[0];
    FILE *in = fmemopen((void *)(data + 1), size - 1, "rb");
    if (in == NULL) {
        return 0;
    }
    collab_load_options lopt;
    collab_load_options_init(&lopt);
    lopt.skip_bad_rows = knobs & 1;
    collab_edgelist list;
    collab_error err = {0};
    collab_status st = collab_load_stream(&list, in, "fuzz.csv", &lopt, &err);
    fclose(in);
    if (st != COLLAB_OK) {
        return 0;
    }
    collab_graph_options gopt;
    collab_graph_options_init(&gopt);
    if (list.shape == COLLAB_SHAPE_CREDITS) {
        gopt.view = (collab_view)((knobs >> 1) & 3);
        gopt.weighting = (collab_weighting)((knobs >> 3) & 3);
        gopt.max_participants = (knobs & 0x20) ? 3 : 0;
        gopt.min_shared = (knobs & 0x40) ? 2 : 0;
    } else {
        gopt.directed = (knobs >> 1) & 1;
    }
    gopt.max_edges = 20000;
    collab_graph g;
    if (collab_graph_build(&g, &list, &gopt, &err) == COLLAB_OK) {
        collab_summary s;
        collab_summary_compute(&s, &g, &err);
        collab_graph_destroy(&g);
    }
    collab_edgelist_destroy(&list);
    return 0;
}
