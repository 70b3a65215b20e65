/* The option loop every command shares: -h/--help, -o/--output, the command's own options, the
 * input options, the analysis options (when the command computes metrics), unknown options and
 * the count of positional arguments. */
#include "cli.h"

#include <string.h>

/* Appends `src` (zero-terminated) to `dst` at *n. */
static void append_options(struct option *dst, size_t *n, const struct option *src)
{
    for (size_t i = 0; src[i].name != NULL; i++) {
        dst[(*n)++] = src[i];
    }
}

/* --format VALUE among spec->formats: sets *spec->format to its index. */
static void choose_format(const cli_command_spec *spec, const char *arg, collab_error *err)
{
    size_t n = 0;
    for (; spec->formats[n] != NULL; n++) {
        if (strcmp(arg, spec->formats[n]) == 0) {
            *spec->format = (int)n;
            return;
        }
    }
    char choices[128] = "";
    size_t used = 0;
    for (size_t i = 0; i < n && used < sizeof choices; i++) {
        used += (size_t)snprintf(choices + used, sizeof choices - used, "%s%s",
                                 i == 0 ? "" : i + 1 == n ? " or " : ", ", spec->formats[i]);
    }
    collab_error_set(err, COLLAB_E_USAGE, "--format must be %s, not '%s'", choices, arg);
}

int cli_parse_command(int argc, char **argv, const cli_command_spec *spec, cli_input *in,
                      cli_analysis *an, const char **output, collab_error *err)
{
    static const struct option common[] = {
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    static const struct option format[] = {
        {"format", required_argument, NULL, CLI_FORMAT_OPTION},
        {NULL, 0, NULL, 0},
    };
    struct option options[80];
    size_t n = 0;
    append_options(options, &n, common);
    if (spec->formats != NULL) {
        append_options(options, &n, format);
    }
    if (spec->own != NULL) {
        append_options(options, &n, spec->own);
    }
    if (!spec->no_input_options) {
        append_options(options, &n, cli_input_options);
    }
    if (an != NULL) {
        append_options(options, &n, cli_analysis_options);
    }
    memset(&options[n], 0, sizeof options[n]);
    int opt;
    optind = 1;
    opterr = 0;
    /* The leading ':' makes getopt report a missing value as ':' rather than as unknown. */
    while ((opt = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        if (opt == 'h') {
            cli_print_usage(stdout, spec->usage);
            if (!spec->no_input_options) {
                cli_print_input_help(stdout);
            }
            if (an != NULL) {
                cli_print_analysis_help(stdout);
            }
            return -1;
        } else if (opt == 'o') {
            *output = optarg;
        } else if (opt == CLI_FORMAT_OPTION && spec->formats != NULL) {
            choose_format(spec, optarg, err);
        } else if (!(spec->handle != NULL && spec->handle(spec->ctx, opt, optarg, err)) &&
                   !(!spec->no_input_options && cli_input_option(in, opt, optarg, err)) &&
                   !(an != NULL && cli_analysis_option(an, opt, optarg, err))) {
            return cli_bad_option(argv, opt, spec->name);
        }
        if (err->status != COLLAB_OK) {
            return cli_usage_error(err, spec->name);
        }
    }
    int given = argc - optind;
    if ((size_t)given != spec->n_positional) {
        if (spec->n_positional == 1) {
            collab_error_set(err, COLLAB_E_USAGE, "expected one input FILE, got %d", given);
        } else {
            collab_error_set(err, COLLAB_E_USAGE, "expected %s, got %d arguments",
                             spec->positional, given);
        }
        return cli_usage_error(err, spec->name);
    }
    in->path = argv[optind];
    if (an != NULL && in->threads > 0) {
        an->metrics.threads = in->threads;
    }
    return 0;
}

void cli_progress_terminal(const char *message, double percent, void *data)
{
    (void)data;
    /* \033[K clears what a longer earlier line left at the end (the time left comes and goes). */
    fprintf(stderr, "\rcollab: %s (%3.0f%%)\033[K%s", message, percent,
            percent >= 100 ? "\n" : "");
}

void cli_path_in(char *buf, size_t size, const char *dir, const char *name, const char *ext)
{
    snprintf(buf, size, "%s/%s%s", dir, name, ext);
}

bool cli_parse_top(const char *arg, size_t *top, collab_error *err)
{
    if (!cli_parse_size(arg, top) || *top == 0) {
        collab_error_set(err, COLLAB_E_USAGE, "--top needs a positive integer, not '%s'", arg);
        return false;
    }
    return true;
}

bool cli_parse_sort(const char *arg, collab_metric *sort, collab_error *err)
{
    if (!collab_metric_parse(arg, sort)) {
        collab_error_set(err, COLLAB_E_USAGE, "unknown metric '%s' for --sort", arg);
        return false;
    }
    return true;
}
