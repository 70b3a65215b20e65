/* The error type: first error wins, messages formatted once, statuses named in one switch. */
#include "collab/error.h"

#include "collab/engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <igraph.h>

static void set_message(collab_error *err, const char *fmt, va_list ap) COLLAB_PRINTF(2, 0);

static void set_message(collab_error *err, const char *fmt, va_list ap)
{
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

collab_status collab_error_set(collab_error *err, collab_status st, const char *fmt, ...)
{
    if (err == NULL || err->status != COLLAB_OK) {
        return st;
    }
    err->status = st;
    err->line = 0;
    err->column = 0;
    err->source[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    set_message(err, fmt, ap);
    va_end(ap);
    return st;
}

collab_status collab_error_set_at(collab_error *err, collab_status st, const char *source, long line,
                                  long column, const char *fmt, ...)
{
    if (err == NULL || err->status != COLLAB_OK) {
        return st;
    }
    err->status = st;
    err->line = line;
    err->column = column;
    snprintf(err->source, sizeof err->source, "%s", source != NULL ? source : "");
    va_list ap;
    va_start(ap, fmt);
    set_message(err, fmt, ap);
    va_end(ap);
    return st;
}

collab_status collab_error_from_igraph(collab_error *err, int rc, const char *doing)
{
    if (rc == IGRAPH_SUCCESS) {
        return COLLAB_OK;
    }
    const char *reason = collab_engine_last_reason();
    collab_status st = rc == IGRAPH_ENOMEM ? COLLAB_E_NOMEM : COLLAB_E_LIBRARY;
    if (reason[0] != '\0') {
        collab_error_set(err, st, "%s failed: %s", doing, reason);
    } else {
        collab_error_set(err, st, "%s failed: %s", doing, igraph_strerror((igraph_error_t)rc));
    }
    collab_engine_clear_reason();
    return st;
}

const char *collab_status_text(collab_status st)
{
    switch (st) {
    case COLLAB_OK:
        return "ok";
    case COLLAB_E_NOMEM:
        return "out of memory";
    case COLLAB_E_IO:
        return "input/output error";
    case COLLAB_E_INPUT:
        return "bad input data";
    case COLLAB_E_USAGE:
        return "usage error";
    case COLLAB_E_LIMIT:
        return "limit exceeded";
    case COLLAB_E_LIBRARY:
        return "library failure";
    case COLLAB_E_INTERNAL:
        return "internal error";
    }
    return "unknown error";
}

void collab_error_clear(collab_error *err)
{
    /* The fields, not all 800 bytes: the reader clears a row's error for every row it reads. */
    if (err != NULL) {
        err->status = COLLAB_OK;
        err->line = 0;
        err->column = 0;
        err->source[0] = '\0';
        err->message[0] = '\0';
    }
}

collab_status collab_error_nomem(collab_error *err, const char *doing)
{
    return collab_error_set(err, COLLAB_E_NOMEM, "out of memory %s", doing);
}
