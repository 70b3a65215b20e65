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

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    (void)settings;
    collab_summary s;
    collab_status st = collab_summary_compute(&s, &r->in.g, err);
    collab_output out;
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, r->output, r->in.path, err);
    }
    if (st == COLLAB_OK) {
        const cli_input *in = &r->in;
        st = r->format == 1 ? collab_summary_write_json(out.f, &s, &in->list, &in->g, &in->graph, err)
                            : collab_summary_write_text(out.f, &s, &in->list, &in->g, &in->graph, err);
        st = cli_output_finish(&out, st, err);
    }
    return st;
}

static const char *const formats[] = {"text", "json", NULL};

static const cli_command summary_command = {
    .name = "summary",
    .usage = summary_usage,
    .flags = CLI_LOADS_INPUT,
    .n_positional = 1,
    .positional = "FILE",
    .formats = formats,
    .default_output = "-",
    .run = run,
};

int cmd_summary(int argc, char **argv)
{
    return cli_run_command(&summary_command, argc, argv);
}
