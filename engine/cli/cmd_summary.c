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

static bool summary_option(void *ctx, int opt, const char *arg, collab_error *err)
{
    bool *json = ctx;
    if (opt != OPT_FORMAT) {
        return false;
    }
    if (strcmp(arg, "json") != 0 && strcmp(arg, "text") != 0) {
        collab_error_set(err, COLLAB_E_USAGE, "--format must be text or json, not '%s'", arg);
    }
    *json = strcmp(arg, "json") == 0;
    return true;
}

int cmd_summary(int argc, char **argv)
{
    static const struct option own[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {NULL, 0, NULL, 0},
    };
    cli_input in;
    cli_input_init(&in);
    collab_error err = {0};
    bool json = false;
    const char *output_path = "-";
    cli_command_spec spec = {"summary", summary_usage, own, summary_option, &json, 1, "FILE"};
    int parsed = cli_parse_command(argc, argv, &spec, &in, NULL, &output_path, &err);
    if (parsed != 0) {
        return parsed < 0 ? COLLAB_EXIT_OK : parsed;
    }
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
