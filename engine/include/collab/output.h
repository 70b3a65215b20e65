/* Atomic output files: write to a temporary file in the target's directory, then rename it over
 * the target, so a failed or interrupted run never leaves a half-written file or damages the
 * previous one. "-" means standard output (written directly). A target whose name ends in ".gz"
 * is written gzip-compressed (what Gephi, NetworkX, igraph and zcat read): the writer still
 * writes plain text to `f`, which deflates into the temporary file. */
#ifndef COLLAB_OUTPUT_H
#define COLLAB_OUTPUT_H

#include "collab/error.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct collab_output_gzip collab_output_gzip;

typedef struct collab_output {
    FILE *f;              /* where to write */
    bool is_stdout;       /* writing to standard output */
    FILE *file;           /* the temporary file under `f` when compressing, else NULL */
    collab_output_gzip *gzip; /* the deflate stream between `f` and `file` (owned), or NULL */
    char path[4096];      /* final path */
    char tmp_path[4096];  /* temporary path ("" for stdout) */
} collab_output;

/* Opens a temporary file next to `path` (or stdout for "-"). `input_path` (may be NULL or "-")
 * is the file being read: writing over it is refused with COLLAB_E_USAGE.
 * `out` is initialised only on COLLAB_OK. */
collab_status collab_output_open(collab_output *out, const char *path, const char *input_path,
                                 collab_error *err);

/* Flushes, closes and renames the temporary file over the target. On failure the temporary file
 * is removed, the target is untouched and COLLAB_E_IO is returned. Either way `out` is closed. */
collab_status collab_output_commit(collab_output *out, collab_error *err);

/* Closes and removes the temporary file (the target is untouched). NULL-safe, idempotent. */
void collab_output_abort(collab_output *out);

/* The temporary path of the output being written, or NULL: used by the CLI's signal handler to
 * remove it when interrupted. */
const char *collab_output_temp_path(const collab_output *out);

#endif
