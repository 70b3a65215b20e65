/* The one error type of the engine.
 *
 * Every fallible function returns a collab_status and takes a collab_error *err last (NULL allowed).
 * The first error set wins: later sets are ignored, so the root cause reaches the CLI, which is the
 * only place that prints. Messages are lowercase, have no final period and quote their subject. */
#ifndef COLLAB_ERROR_H
#define COLLAB_ERROR_H

typedef enum collab_status {
    COLLAB_OK = 0,
    COLLAB_E_NOMEM,   /* an allocation failed */
    COLLAB_E_IO,      /* a file could not be opened, read or written */
    COLLAB_E_INPUT,   /* the input data is malformed or violates a rule */
    COLLAB_E_USAGE,   /* an option or argument is invalid */
    COLLAB_E_LIMIT,   /* a configured limit (field length, edge budget...) was exceeded */
    COLLAB_E_LIBRARY, /* igraph or cairo reported a failure */
    COLLAB_E_INTERNAL /* a bug: an invariant did not hold */
} collab_status;

typedef struct collab_error {
    collab_status status; /* COLLAB_OK when nothing went wrong */
    long line, column;    /* 1-based position in `source`; 0 = not an input-position error */
    char source[256];     /* input file name, "" if none */
    char message[512];    /* lowercase, no final period, subject in 'quotes' */
} collab_error;

#if defined(__GNUC__)
#define COLLAB_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define COLLAB_PRINTF(fmt_index, first_arg)
#endif

/* Records `st` and the formatted message unless `err` is NULL or already holds an error.
 * Returns `st`, so callers can write `return collab_error_set(err, ...)`. */
collab_status collab_error_set(collab_error *err, collab_status st, const char *fmt, ...)
    COLLAB_PRINTF(3, 4);

/* Same, with a position in an input file (`line`, `column` 1-based; 0 when unknown). */
collab_status collab_error_set_at(collab_error *err, collab_status st, const char *source, long line,
                                  long column, const char *fmt, ...) COLLAB_PRINTF(6, 7);

/* Converts an igraph error code into an error, naming what we were `doing` ("computing
 * betweenness") and igraph's own reason when the engine's handler captured one.
 * Returns COLLAB_OK when rc is IGRAPH_SUCCESS (passed as int to keep igraph out of this header). */
collab_status collab_error_from_igraph(collab_error *err, int rc, const char *doing);

/* Records COLLAB_E_NOMEM with "out of memory `doing`" ("out of memory drawing the map"). */
collab_status collab_error_nomem(collab_error *err, const char *doing);

/* A short constant text for a status ("out of memory", "bad input"...). */
const char *collab_status_text(collab_status st);

/* Resets `err` to "no error": no status, no position, empty source and message. */
void collab_error_clear(collab_error *err);

#endif
