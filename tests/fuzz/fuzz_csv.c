/* libFuzzer target: the reader on arbitrary bytes (CSV, and the GraphML, GML and Pajek files it
 * detects, through igraph), strict and with --skip-bad-rows, with
 * small limits so long fields and rows reach their error paths. Any crash, leak, hang or
 * sanitizer report is a bug; every status the reader returns is fine. */
#include "collab/engine.h"
#include "collab/load.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    collab_engine_init();
    FILE *in = fmemopen((void *)data, size, "rb");
    if (in == NULL) {
        return 0;
    }
    collab_load_options opt;
    collab_load_options_init(&opt);
    opt.skip_bad_rows = size > 0 && (data[0] & 1);
    opt.max_field_bytes = 64;
    opt.max_row_bytes = 256;
    opt.max_columns = 16;
    collab_edgelist list;
    collab_error err = {0};
    if (collab_load_stream(&list, in, "fuzz.csv", &opt, &err) == COLLAB_OK) {
        collab_edgelist_destroy(&list);
    }
    fclose(in);
    return 0;
}
