/* Process-wide set-up of the libraries the engine sits on.
 *
 * igraph keeps its error handler and warning handler in process-wide state; this module is the
 * only place that sets them. (igraph's attribute handler, also process-wide, stays off: the one
 * exception is load_network.c, which installs it for the length of one read of a GraphML, GML
 * or Pajek file, since igraph gives a file's names and weights only through it, and restores
 * the previous one before returning.) Call collab_engine_init() once before any other collab_
 * function that reaches igraph. Randomness needs no set-up here: each randomised igraph step (community
 * detection, igraph's layouts) seeds igraph's default generator from its options' seed right
 * before the call, and the library's own random choices (path-sweep sources, the ForceAtlas2
 * layout's coarsening and jitter, the slices' warm-start jitter) use splitmix64 on a state
 * seeded from the caller's options, which leaves igraph's generator alone. */
#ifndef COLLAB_ENGINE_H
#define COLLAB_ENGINE_H

/* Installs the engine's igraph error handler (which records igraph's first reason so that
 * collab_error_from_igraph can report it, frees igraph's FINALLY stack and returns instead of
 * aborting) and silences igraph's warning printer. Idempotent. */
void collab_engine_init(void);

/* igraph's reason for the most recent failure, "" if none (collab_engine_clear_reason clears
 * it). */
const char *collab_engine_last_reason(void);

/* Forgets the recorded igraph reason (done after each conversion into a collab_error). */
void collab_engine_clear_reason(void);

/* The version string of collab, e.g. "0.1.0". */
const char *collab_engine_version(void);

#endif
