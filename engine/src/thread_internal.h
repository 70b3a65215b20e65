/* Threads that run beside the caller's critical path. */
#ifndef COLLAB_THREAD_INTERNAL_H
#define COLLAB_THREAD_INTERNAL_H

/* Lowers the calling thread's scheduling priority a little (nice + COLLAB_I_BACKGROUND_NICE), on
 * Linux, where each thread has its own nice value; elsewhere does nothing. For work that runs
 * beside the thread that waits for it: with more runnable threads than cores, the scheduler then
 * keeps the waiting thread's core for it instead of sharing it out evenly, so the background work
 * fills the other cores and the whole finishes sooner. Failure is harmless and ignored. */
void collab_i_thread_background(void);

#define COLLAB_I_BACKGROUND_NICE 5

#endif
