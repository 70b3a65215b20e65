/* collab: the command-line front end. Dispatches to one function per subcommand from a table
 * (like git's git.c), prints at most one error and chooses the exit status:
 *   0 ok, 1 runtime failure (I/O, memory, library), 2 usage error, 3 bad input data. */
#include "collab/alloc.h"
#include "collab/engine.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;   /* as typed */
    cli_command_fn run; /* its implementation */
    const char *what;   /* one line for the command list */
} command;

static const command commands[] = {
    {"analyze", cmd_analyze, "everything at once: summary, reports, HTML, maps, exports"},
    {"summary", cmd_summary, "what was read and the graph built from it"},
    {"report", cmd_report, "ranked centrality report with global statistics"},
    {"communities", cmd_communities, "communities with their members, density, roles, years"},
    {"map", cmd_map, "a map of the network as PNG, SVG or PDF"},
    {"ego", cmd_ego, "who is around a person, with shared projects, roles and years"},
    {"path", cmd_path, "how two people are connected, with the credits on every step"},
    {"distance", cmd_distance, "everyone's collaboration distance from one person"},
    {"roles", cmd_roles, "the roles of a credits file: credits, people, projects, years"},
    {"export", cmd_export, "the network for Gephi, Cytoscape, VOSviewer, d3 or a spreadsheet"},
    {"slices", cmd_slices, "one report and map per decade, year or window, with ranks"},
    {"names", cmd_names, "names that probably denote one person, for --aliases"},
    {"import", cmd_import, "a credits CSV from the Discogs releases dump"},
};

static void print_usage(FILE *f)
{
    fprintf(f, "usage: collab <command> [options] FILE\n"
               "       collab --help | --version\n\n"
               "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].what);
    }
    fprintf(f, "\nFILE is a CSV of credits (person,project[,role][,year]) or an edge list\n"
               "(source,target[,weight]), or a network saved as GraphML, GML or Pajek .net\n"
               "(Gephi, Cytoscape, NetworkX, igraph, 'collab export'), also compressed;\n"
               "'-' reads standard input.\n"
               "Run 'collab <command> --help' for a command's options.\n\n"
               "Exit status: 0 ok, 1 runtime failure, 2 usage error, 3 bad input data.\n");
}

/* Parses, checks, loads and runs; every command's prologue and epilogue, once. */
int cli_run_command(const cli_command *c, int argc, char **argv)
{
    cli_run r;
    memset(&r, 0, sizeof r);
    cli_input_init(&r.in);
    cli_analysis_init(&r.an);
    r.output = c->default_output;
    r.format = -1;
    collab_error err = {0};
    char *command_line = cli_command_line(argc, argv); /* before getopt_long permutes argv */
    void *settings = collab_calloc_array(1, c->settings_size > 0 ? c->settings_size : 1);
    int parsed = 0;
    collab_status st = COLLAB_OK;
    if (command_line == NULL || settings == NULL) {
        st = collab_error_set(&err, COLLAB_E_NOMEM, "out of memory");
    } else {
        r.command_line = command_line;
        if (c->init != NULL) {
            c->init(settings);
        }
        cli_command_spec spec = {c->name,       c->usage,   c->own,
                                 c->handle,     settings,   c->n_positional,
                                 c->positional, c->formats, c->formats != NULL ? &r.format : NULL,
                                 (c->flags & CLI_NO_INPUT_OPTIONS) != 0};
        parsed = cli_parse_command(argc, argv, &spec, &r.in,
                                   (c->flags & CLI_TAKES_ANALYSIS) ? &r.an : NULL, &r.output, &err);
    }
    if (st == COLLAB_OK && parsed == 0) {
        r.args = argv + optind + 1;
        if (c->check != NULL && c->check(&r, settings, &err) != COLLAB_OK) {
            parsed = err.status == COLLAB_E_USAGE ? cli_usage_error(&err, c->name)
                                                  : cli_report_error(&err);
        }
    }
    if (st == COLLAB_OK && parsed == 0 && (c->flags & CLI_LOADS_INPUT)) {
        st = cli_input_load(&r.in, &err);
    }
    if (st == COLLAB_OK && parsed == 0) {
        st = c->run(&r, settings, &err);
    }
    if (settings != NULL && c->destroy != NULL) {
        c->destroy(settings);
    }
    collab_free(settings);
    collab_free(command_line);
    cli_analysis_destroy(&r.an);
    cli_input_destroy(&r.in);
    if (parsed != 0) {
        return parsed < 0 ? COLLAB_EXIT_OK : parsed;
    }
    return st == COLLAB_OK ? COLLAB_EXIT_OK : cli_report_error(&err);
}

/* Like git's run_builtin: whatever a command wrote to standard output must have reached it, and a
 * report written to a full disk must not exit 0. A command that already reported an error keeps
 * its own message and status. The reason is known only when the last flush is what failed. */
static int finish(int status)
{
    errno = 0;
    bool flush_failed = fflush(stdout) != 0;
    int reason = errno;
    if ((flush_failed || ferror(stdout)) && status == COLLAB_EXIT_OK) {
        if (flush_failed && reason != 0) {
            fprintf(stderr, "collab: write error on standard output: %s\n", strerror(reason));
        } else {
            fprintf(stderr, "collab: write error on standard output\n");
        }
        return COLLAB_EXIT_RUNTIME;
    }
    return status;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: collab <command> [options] FILE\n"
                        "Run 'collab --help' for the list of commands.\n");
        return COLLAB_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_usage(stdout);
        return COLLAB_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("collab %s\n", collab_engine_version());
        return COLLAB_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    fprintf(stderr,
            "collab: unknown command '%s'\nusage: collab <command> [options] FILE\n"
            "Run 'collab --help' for the list of commands.\n",
            argv[1]);
    return COLLAB_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    collab_engine_init();
    cli_signals_install();
    return finish(run(argc, argv));
}
