/* Interrupted runs leave nothing behind: on SIGINT, SIGTERM or SIGHUP the temporary file of the
 * output being written is removed and the signal is re-raised with its default action, so the
 * exit status still says how the process ended. SIGXFSZ (file size limit) is ignored so that a
 * write past the limit fails with EFBIG and takes the ordinary error path, which also removes the
 * temporary file.
 *
 * A signal handler can only reach state through a static: this file holds the CLI's one piece of
 * process-wide state, the path of the temporary file in progress (empty when none). */
#include "cli.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static char temp_path[4096];

static void remove_temp_and_reraise(int sig)
{
    if (temp_path[0] != '\0') {
        unlink(temp_path);
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

void cli_signals_track(const char *path)
{
    /* Block the signals while the path changes so the handler never sees half a path. */
    sigset_t block;
    sigset_t old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);
    if (path != NULL && strlen(path) < sizeof temp_path) {
        memcpy(temp_path, path, strlen(path) + 1);
    } else {
        temp_path[0] = '\0';
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
}
