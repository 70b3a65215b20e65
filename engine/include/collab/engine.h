/* Process-wide set-up of the libraries the engine sits on.
 *
 * igraph keeps its error handler, warning handler and random number generator in process-wide
 * state; this module is the only place that touches them. Call collab_engine_init() once before
 * any other collab_ function that reaches igraph. */
#ifndef COLLAB_ENGINE_H
#define COLLAB_ENGINE_H

/* Installs the engine's igraph error handler (which records igraph's first reason so that
 * collab_error_from_igraph can report it, frees igraph's FINALLY stack and returns instead of
 * aborting) and silences igraph's warning printer. Idempotent. */
void collab_engine_init(void);

/* igraph's reason for the most recent failure, "" if none; cleared by collab_engine_take_reason. */
const char *collab_engine_last_reason(void);

/* Forgets the recorded igraph reason (done after each conversion into a collab_error). */
void collab_engine_clear_reason(void);

/* The version string of collab, e.g. "0.1.0". */
const char *collab_engine_version(void);

#endif
