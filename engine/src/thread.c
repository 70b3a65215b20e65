/* Threads that run beside the caller's critical path (thread_internal.h). */
#define _GNU_SOURCE /* syscall, SYS_gettid */
#include "thread_internal.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

void collab_i_thread_background(void)
{
#ifdef __linux__
    pid_t tid = (pid_t)syscall(SYS_gettid);
    int now = getpriority(PRIO_PROCESS, (id_t)tid);
    (void)setpriority(PRIO_PROCESS, (id_t)tid, now + COLLAB_I_BACKGROUND_NICE);
#endif
}
