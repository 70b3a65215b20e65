/* The one monotonic clock of the engine and the CLI: stage timings, --verbose, the sweep's
 * estimates. */
#ifndef COLLAB_CLOCK_H
#define COLLAB_CLOCK_H

/* Seconds on CLOCK_MONOTONIC: only differences mean anything. */
double collab_clock_seconds(void);

#endif
