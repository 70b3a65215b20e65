/* What every command does at its end: the exit status of an error and its message, the atomic
 * outputs (tracked for the signal handlers), the directory of a command's outputs. */
#include "collab/clock.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int cli_exit_status(collab_status st)
{
    switch (st) {
    case COLLAB_OK:
        return COLLAB_EXIT_OK;
    case COLLAB_E_USAGE:
        return COLLAB_EXIT_USAGE;
    case COLLAB_E_INPUT:
    case COLLAB_E_LIMIT:
        return COLLAB_EXIT_DATA;
    case COLLAB_E_NOMEM:
    case COLLAB_E_IO:
    case COLLAB_E_LIBRARY:
    case COLLAB_E_INTERNAL:
        break;
    }
    return COLLAB_EXIT_RUNTIME;
}

int cli_report_error(const collab_error *err)
{
    if (err->source[0] != '\0' && err->line > 0 && err->column == 0) {
        /* A network file's parser gives the line only. */
        fprintf(stderr, "collab: %s:%ld: %s\n", err->source, err->line, err->message);
    } else if (err->source[0] != '\0' && err->line > 0) {
        fprintf(stderr, "collab: %s:%ld:%ld: %s\n", err->source, err->line, err->column,
                err->message);
    } else if (err->source[0] != '\0') {
        fprintf(stderr, "collab: %s: %s\n", err->source, err->message);
    } else {
        fprintf(stderr, "collab: %s\n", err->message);
    }
    return cli_exit_status(err->status);
}

int cli_bad_option(char **argv, int opt, const char *command_name)
{
    const char *text = argv[optind - 1];
    if (opt == ':') {
        fprintf(stderr, "collab: option '%s' needs a value\n", text);
    } else if (optopt != 0 && text[0] == '-' && text[1] != '-') {
        fprintf(stderr, "collab: unknown option '-%c'\n", optopt);
    } else {
        fprintf(stderr, "collab: unknown option '%s'\n", text);
    }
    fprintf(stderr, "Try 'collab %s --help'.\n", command_name);
    return COLLAB_EXIT_USAGE;
}

int cli_usage_error(const collab_error *err, const char *command_name)
{
    cli_report_error(err);
    fprintf(stderr, "Try 'collab %s --help'.\n", command_name);
    return COLLAB_EXIT_USAGE;
}

collab_status cli_output_open(collab_output *out, const char *path, const char *input_path,
                              collab_error *err)
{
    sigset_t old_mask;
    int slot = cli_signals_claim(&old_mask);
    collab_status st = collab_output_open(out, path, input_path, err);
    cli_signals_publish(slot, st == COLLAB_OK ? collab_output_temp_path(out) : NULL, &old_mask);
    return st;
}

collab_status cli_output_finish(collab_output *out, collab_status st, collab_error *err)
{
    const char *temp = collab_output_temp_path(out);
    char tracked[sizeof out->tmp_path];
    snprintf(tracked, sizeof tracked, "%s", temp != NULL ? temp : "");
    if (st == COLLAB_OK) {
        st = collab_output_commit(out, err);
    }
    collab_output_abort(out);
    cli_signals_untrack(tracked);
    return st;
}

void cli_output_timing(bool verbose, const char *path, double start)
{
    if (verbose) {
        const char *slash = strrchr(path, '/');
        fprintf(stderr, "collab:   %-26s %8.3f s\n", slash != NULL ? slash + 1 : path,
                collab_clock_seconds() - start);
    }
}

collab_status cli_make_dir(const char *dir, collab_error *err)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        return collab_error_set(err, COLLAB_E_IO, "cannot create directory '%s': %s", dir,
                                strerror(errno));
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        return collab_error_set(err, COLLAB_E_IO, "'%s' is not a directory", dir);
    }
    return COLLAB_OK;
}
