/* libFuzzer target: the Discogs importer on arbitrary bytes (plain XML or gzip, told by the first
 * bytes as for a real dump), with the filters on or off from the first byte so the role split,
 * the filters and the rows are reached. Any crash, leak, hang or sanitizer report is a bug; every
 * status the importer returns is fine. */
#include "collab/discogs.h"
#include "collab/engine.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    collab_engine_init();
    FILE *in = fmemopen((void *)data, size, "rb");
    if (in == NULL) {
        return 0;
    }
    char *csv = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&csv, &len);
    if (out == NULL) {
        fclose(in);
        return 0;
    }
    collab_discogs_options opt;
    collab_discogs_options_init(&opt);
    unsigned flags = size > 0 ? data[size - 1] : 0;
    opt.main_releases = flags & 1;
    opt.roles = (flags & 2) ? "Producer,Main Artist,guitar" : NULL;
    opt.genres = (flags & 4) ? "Jazz;Electronic" : NULL;
    if (flags & 8) {
        opt.year_from = 1990;
        opt.year_to = 2010;
    }
    collab_discogs_stats stats;
    collab_error err = {0};
    collab_discogs_import(in, "fuzz.xml", out, &opt, &stats, &err);
    fclose(out);
    free(csv);
    fclose(in);
    return 0;
}
