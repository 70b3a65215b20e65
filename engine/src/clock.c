/* The monotonic clock (collab/clock.h). */
#include "collab/clock.h"

#include <time.h>

double collab_clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
