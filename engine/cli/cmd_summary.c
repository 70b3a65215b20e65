/* collab summary: what was read and the graph built from it, as text or JSON. */
#include "cli.h"

#include "collab/output.h"
#include "collab/summary.h"

#include <string.h>

static const char *const summary_usage =
    "usage: collab summary [options] FILE\n\n"
    "Reads FILE (credits or an edge list), builds the graph and reports the shape and columns\n"
    "detected, rows read and skipped, persons and projects, nodes, edges, isolated nodes,\n"
    "components, the largest component, density, total weight and the settings in force.\n\n"
    "Options:\n"
    "      --format text|json       output format (default text)\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output\n"
    "  -h, --help                   show this help\n";

enum { OPT_FORMAT = 1 };

static int usage_error(const collab_error *err)
{
    return cli_usage_error(err, "summary");
}

int cmd_summary(int argc, char **argv)
{
    static const struct option own[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct option options[64];
    cli_merge_options(options, own, false);
    cli_input in;
    cli_input_init(&in);
    collab_error err = {0};
    bool json = false;
    const char *output_path = "-";
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        if (opt == 'h') {
            fputs(summary_usage, stdout);
            cli_print_input_help(stdout);
            return COLLAB_EXIT_OK;
        } else if (opt == 'o') {
            output_path = optarg;
        } else if (opt == OPT_FORMAT) {
            if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
                collab_error_set(&err, COLLAB_E_USAGE, "--format must be text or json, not '%s'",
                                 optarg);
                return usage_error(&err);
            }
            json = strcmp(optarg, "json") == 0;
        } else if (!cli_input_option(&in, opt, optarg, &err)) {
            return cli_bad_option(argv, opt, "summary");
        }
        if (err.status != COLLAB_OK) {
            return usage_error(&err);
        }
    }
    if (argc - optind != 1) {
        collab_error_set(&err, COLLAB_E_USAGE, "expected one input FILE, got %d", argc - optind);
        return usage_error(&err);
    }
    in.path = argv[optind];
    collab_summary s;
    collab_output out = {0};
    collab_status st = cli_input_load(&in, &err);
    if (st == COLLAB_OK) {
        st = collab_summary_compute(&s, &in.g, &err);
    }
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, output_path, in.path, &err);
        if (st == COLLAB_OK) {
            st = json ? collab_summary_write_json(out.f, &s, &in.list, &in.g, &in.graph, &err)
                      : collab_summary_write_text(out.f, &s, &in.list, &in.g, &in.graph, &err);
            st = cli_output_finish(&out, st, &err);
        }
    }
    cli_input_destroy(&in);
    return st == COLLAB_OK ? COLLAB_EXIT_OK : cli_report_error(&err);
}
