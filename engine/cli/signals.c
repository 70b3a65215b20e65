/* Interrupted runs leave nothing behind: on SIGINT, SIGTERM or SIGHUP the temporary file of the
 * output being written is removed and the signal is re-raised with its default action, so the
 * exit status still says how the process ended. SIGXFSZ (file size limit) is ignored so that a
 * write past the limit fails with EFBIG and takes the ordinary error path, which also removes the
 * temporary file.
 *
 * A signal handler can only reach state through a static: this file holds the CLI's one piece of
 * process-wide state, the paths of the temporary files in progress, one slot per output being
 * written at once (`collab analyze` writes two at a time, from two threads). */
#include "cli.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#define TRACKED_OUTPUTS 4

/* A slot's path is written only while the slot is claimed and not yet published, by the thread
 * that claimed it, which alone frees it; the handler reads only published slots, and a thread
 * looking for its own slot reads only the paths of slots it owns. */
static char temp_paths[TRACKED_OUTPUTS][4096];
static atomic_int slot_state[TRACKED_OUTPUTS]; /* FREE, CLAIMED or PUBLISHED */
static atomic_int slot_owner[TRACKED_OUTPUTS]; /* the owning thread's token */

enum { FREE = 0, CLAIMED, PUBLISHED };

/* Set by the handler before it looks at the slots. A thread that claims a slot afterwards sees it
 * and creates no file: together with the handler waiting for claimed slots, every file is either
 * seen by the handler or never created (both sides use sequentially consistent atomics, so the
 * handler's store and the claimer's load cannot both miss the other's write). */
static atomic_int process_ending;

/* A number for the calling thread, unique in the process (0 = not drawn yet). */
static int thread_token(void)
{
    static atomic_int next_token = 1;
    static _Thread_local int token;
    if (token == 0) {
        token = atomic_fetch_add(&next_token, 1);
    }
    return token;
}

static void remove_temp_and_reraise(int sig)
{
    atomic_store(&process_ending, 1);
    for (int i = 0; i < TRACKED_OUTPUTS; i++) {
        /* A claimed slot's file is being created by another thread (the claiming thread blocks
         * these signals until it publishes the path): wait the moment it takes. */
        while (atomic_load(&slot_state[i]) == CLAIMED) {
        }
        if (atomic_load(&slot_state[i]) == PUBLISHED) {
            unlink(temp_paths[i]);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temp_and_reraise;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGXFSZ, SIG_IGN);
}

/* Blocks (or restores) the handled signals in this thread while a slot changes. */
static void block_signals(sigset_t *old)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &block, old);
}

int cli_signals_claim(sigset_t *old_mask)
{
    block_signals(old_mask);
    int slot = -1;
    for (int i = 0; i < TRACKED_OUTPUTS && slot < 0; i++) {
        int expected = FREE;
        if (atomic_compare_exchange_strong(&slot_state[i], &expected, CLAIMED)) {
            atomic_store(&slot_owner[i], thread_token());
            slot = i;
        }
    }
    if (atomic_load(&process_ending)) {
        /* Another thread is handling a signal that ends the process and may already have looked
         * at this slot: create nothing, and wait (signals blocked) for the end. */
        if (slot >= 0) {
            atomic_store(&slot_state[slot], FREE);
        }
        for (;;) {
            pause();
        }
    }
    return slot;
}

void cli_signals_publish(int slot, const char *path, const sigset_t *old_mask)
{
    if (slot >= 0) {
        bool fits = path != NULL && strlen(path) < sizeof temp_paths[slot];
        if (fits) {
            memcpy(temp_paths[slot], path, strlen(path) + 1);
        }
        atomic_store(&slot_state[slot], fits ? PUBLISHED : FREE);
    }
    pthread_sigmask(SIG_SETMASK, old_mask, NULL);
}

void cli_signals_untrack(const char *path)
{
    sigset_t old;
    block_signals(&old);
    for (int i = 0; i < TRACKED_OUTPUTS; i++) {
        if (atomic_load(&slot_owner[i]) == thread_token() &&
            atomic_load(&slot_state[i]) == PUBLISHED && strcmp(temp_paths[i], path) == 0) {
            atomic_store(&slot_state[i], FREE);
            break;
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}
