/* Progress reports from long library work, in the shape of igraph's igraph_progress_handler_t:
 * the library never prints; a caller that wants a progress display passes a handler. */
#ifndef COLLAB_PROGRESS_H
#define COLLAB_PROGRESS_H

/* Called with what is being done ("shortest paths: 120 of 1000 sources"), how far along it is
 * (0 to 100; exactly 100 once, when the stage ends) and the caller's data. It may be called from
 * a worker thread of the stage, but never from two threads at once. It must not call back into
 * the library. */
typedef void (*collab_progress_fn)(const char *message, double percent, void *data);

#endif
