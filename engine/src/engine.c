/* Process-wide set-up: igraph's error and warning handlers.
 *
 * igraph's default error handler aborts the process. Ours records the first non-empty reason
 * (IGRAPH_CHECK re-raises an error with an empty reason on its way up), frees igraph's FINALLY
 * stack as igraph_error_handler_ignore does, and returns, so the failing igraph call returns its
 * error code to us. The reason buffer is igraph's error channel, hence process-wide like igraph's
 * own error state (igraph 0.10 as packaged in Debian is not thread-safe: only one thread calls it). */
#include "collab/engine.h"

#include <stdio.h>

#include <igraph.h>

#define COLLAB_VERSION "0.1.0"

static char igraph_reason[256];

static void record_igraph_error(const char *reason, const char *file, int line,
                                igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    (void)igraph_errno;
    if (igraph_reason[0] == '\0' && reason != NULL && reason[0] != '\0') {
        snprintf(igraph_reason, sizeof igraph_reason, "%s", reason);
    }
    IGRAPH_FINALLY_FREE();
}

static void ignore_igraph_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void collab_engine_init(void)
{
    igraph_set_error_handler(record_igraph_error);
    igraph_set_warning_handler(ignore_igraph_warning);
}

const char *collab_engine_last_reason(void)
{
    return igraph_reason;
}

void collab_engine_clear_reason(void)
{
    igraph_reason[0] = '\0';
}

const char *collab_engine_version(void)
{
    return COLLAB_VERSION;
}
