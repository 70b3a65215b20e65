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

int cmd_summary(int argc, char **argv)
{
    static const char *const formats[] = {"text", "json", NULL};
    cli_input in;
    cli_input_init(&in);
    collab_error err = {0};
    int format = 0;
    const char *output_path = "-";
    cli_command_spec spec = {"summary", summary_usage, NULL, NULL, NULL, 1, "FILE", formats,
                             &format};
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
            st = format == 1 ? collab_summary_write_json(out.f, &s, &in.list, &in.g, &in.graph, &err)
                      : collab_summary_write_text(out.f, &s, &in.list, &in.g, &in.graph, &err);
            st = cli_output_finish(&out, st, &err);
        }
    }
    cli_input_destroy(&in);
    return st == COLLAB_OK ? COLLAB_EXIT_OK : cli_report_error(&err);
}
