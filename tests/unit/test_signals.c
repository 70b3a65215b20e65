/* The CLI's interrupt handling (engine/cli/signals.c): a signal removes the temporary file of an
 * output being written, whichever thread it reaches and whenever it comes, and leaves a finished
 * output alone. Each case runs in a child process that the signal kills; the parent checks how
 * the child ended and what is left on disk. */
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli.h"

static atomic_bool about_to_raise;

static void create_file(const char *path)
{
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd < 0 || close(fd) != 0) {
        _exit(90);
    }
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* A writer thread with the signals unblocked (it inherited the claiming thread's blocked mask),
 * hit by SIGTERM. */
static void *raise_on_other_thread(void *arg)
{
    (void)arg;
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &term, NULL);
    atomic_store(&about_to_raise, true);
    raise(SIGTERM);
    return NULL;
}

/* A writer thread that starts an output after the handler began (late_path): it must create no
 * file, since the handler may already have looked at the slot it gets. */
static const char *late_path;

static void *claim_late(void *arg)
{
    (void)arg;
    sigset_t old;
    int slot = cli_signals_claim(&old);
    create_file(late_path);
    cli_signals_publish(slot, late_path, &old);
    return NULL;
}

typedef enum {
    OTHER_THREAD_WHILE_CREATING,
    SAME_THREAD_WHILE_CREATING,
    AFTER_UNTRACK,
    CLAIM_AFTER_HANDLER_STARTED
} scenario;

/* The child: installs the handlers, creates `path` as a tracked temporary file and is killed by
 * SIGTERM in the given scenario. Exit codes >= 90 mean the child was not killed as planned. */
static void run_child(scenario what, const char *path)
{
    alarm(10); /* a handler stuck waiting ends the child with SIGALRM, not a hung test */
    cli_signals_install();
    sigset_t old;
    if (what == CLAIM_AFTER_HANDLER_STARTED) {
        /* Slot 1 held (claimed, file not yet published) and slot 0 free: the handler, on another
         * thread, passes slot 0 and waits at slot 1. Then a third thread claims slot 0. */
        sigset_t blocked;
        int first = cli_signals_claim(&old);
        int held = cli_signals_claim(&blocked);
        if (first != 0 || held != 1) {
            _exit(94);
        }
        cli_signals_publish(first, NULL, &blocked); /* frees slot 0, signals stay blocked */
        pthread_t t, late;
        if (pthread_create(&t, NULL, raise_on_other_thread, NULL) != 0) {
            _exit(92);
        }
        while (!atomic_load(&about_to_raise)) {
            sleep_ms(1);
        }
        sleep_ms(100);
        if (pthread_create(&late, NULL, claim_late, NULL) != 0) {
            _exit(92);
        }
        sleep_ms(200);
        create_file(path);
        cli_signals_publish(held, path, &old);
        sleep_ms(5000);
        _exit(93);
    }
    int slot = cli_signals_claim(&old);
    if (slot < 0) {
        _exit(91);
    }
    create_file(path);
    if (what == OTHER_THREAD_WHILE_CREATING) {
        /* The signal reaches another thread between creating the file and publishing its path:
         * the handler must wait for the path rather than find no file and leave this one. */
        pthread_t t;
        if (pthread_create(&t, NULL, raise_on_other_thread, NULL) != 0) {
            _exit(92);
        }
        while (!atomic_load(&about_to_raise)) {
            sleep_ms(1);
        }
        sleep_ms(100);
        cli_signals_publish(slot, path, &old);
    } else if (what == SAME_THREAD_WHILE_CREATING) {
        /* Blocked while the slot is claimed: pending until the path is published. */
        raise(SIGTERM);
        cli_signals_publish(slot, path, &old);
    } else {
        /* The output was committed (renamed into place) and untracked: it must stay. */
        cli_signals_publish(slot, path, &old);
        cli_signals_untrack(path);
        raise(SIGTERM);
    }
    sleep_ms(5000);
    _exit(93);
}

static int run_scenario(scenario what, const char *path)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        run_child(what, path);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFEXITED(status)) {
        fail_msg("child exited with %d instead of being killed by SIGTERM", WEXITSTATUS(status));
    }
    assert_true(WIFSIGNALED(status));
    return WTERMSIG(status);
}

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* Runs the scenario on a file in a fresh directory and checks whether the file is left. */
static void check_scenario(scenario what, const char *name, bool left)
{
    char dir[] = "/tmp/collab_signals_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(run_scenario(what, path), SIGTERM);
    assert_int_equal(exists(path), left);
    assert_true(!left || unlink(path) == 0);
    assert_int_equal(rmdir(dir), 0);
}

static void test_signal_on_other_thread_while_creating(void **state)
{
    (void)state;
    check_scenario(OTHER_THREAD_WHILE_CREATING, "out.png.tmp", false);
}

static void test_signal_on_same_thread_while_creating(void **state)
{
    (void)state;
    check_scenario(SAME_THREAD_WHILE_CREATING, "out.svg.tmp", false);
}

static void test_untracked_output_stays(void **state)
{
    (void)state;
    check_scenario(AFTER_UNTRACK, "out.pdf", true);
}

static void test_claim_after_handler_started(void **state)
{
    (void)state;
    char dir[] = "/tmp/collab_signals_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], late[128];
    snprintf(path, sizeof path, "%s/report.csv.tmp", dir);
    snprintf(late, sizeof late, "%s/map.png.tmp", dir);
    late_path = late;
    assert_int_equal(run_scenario(CLAIM_AFTER_HANDLER_STARTED, path), SIGTERM);
    assert_false(exists(path));
    assert_false(exists(late));
    unlink(late);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signal_on_other_thread_while_creating),
        cmocka_unit_test(test_signal_on_same_thread_while_creating),
        cmocka_unit_test(test_untracked_output_stays),
        cmocka_unit_test(test_claim_after_handler_started),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
