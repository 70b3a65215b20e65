/* Shared pieces of the collab command-line interface: exit codes, the input options every command
 * takes (how to read the CSV and build the graph), and error printing. */
#ifndef COLLAB_CLI_H
#define COLLAB_CLI_H

#include "collab/community.h"
#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"
#include "collab/map.h"
#include "collab/metrics.h"
#include "collab/output.h"
#include "collab/report.h"

#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

/* Exit statuses (documented in --help and the README). */
enum collab_exit {
    COLLAB_EXIT_OK = 0,      /* success */
    COLLAB_EXIT_RUNTIME = 1, /* I/O failure, out of memory, library failure */
    COLLAB_EXIT_USAGE = 2,   /* bad command line */
    COLLAB_EXIT_DATA = 3     /* bad input data or a limit reached */
};

/* Everything the input options set, and what they load. */
typedef struct cli_input {
    collab_load_options load;   /* CSV reading options */
    collab_graph_options graph; /* graph building options */
    const char *aliases_path;   /* --aliases FILE, or NULL */
    char **drop_people;         /* --drop-people names (owned), pointed to by graph options */
    size_t n_drop_people;
    const char *path;       /* the input file ("-" = stdin) */
    bool wide;              /* --wide given (--person-cols does the work) */
    int threads;            /* --threads N, 0 = the library's default (one per core, at most
                               4); copied into the load, graph and metrics options */
    collab_aliases aliases; /* loaded aliases */
    collab_edgelist list;   /* loaded rows */
    collab_graph g;         /* built graph */
} cli_input;

/* getopt_long values of the shared options start here, above any short option character. */
#define CLI_INPUT_OPTION_BASE    1000
#define CLI_ANALYSIS_OPTION_BASE 1100

/* Metrics and communities, and the options that shape them. */
typedef struct cli_analysis {
    collab_metrics_options metrics;     /* --path-weights, --approx, --seed... */
    collab_community_options community; /* --community, --resolution, --seed */
    collab_metrics m;                   /* computed metrics */
    collab_partition p;                 /* computed communities */
    bool have_metrics;                  /* m is initialised */
    bool have_partition;                /* p is initialised */
    collab_credit_facts facts;          /* the input graph's credit facts, computed once for
                                           all the writers of a job (cli_analysis_share) */
    bool have_facts;                    /* facts is initialised: the reports and exports of
                                           cli_analysis_report_input and cli_export_file use it */
    uint32_t *rank_order;               /* the vertices ranked by rank_metric for every report of
                                           a job (cli_analysis_share), or NULL */
    collab_metric rank_metric;          /* the metric of rank_order */
    bool verbose;                       /* print a timing line per stage */
    const char *label;                  /* names the graph in messages (a time slice), or NULL */
} cli_analysis;

extern const struct option cli_analysis_options[];
void cli_print_analysis_help(FILE *f);
void cli_analysis_init(cli_analysis *a);
/* Like cli_input_option, for the analysis options. */
bool cli_analysis_option(cli_analysis *a, int opt, const char *arg, collab_error *err);
/* Computes metrics (announcing sampling on stderr) and communities of `in`'s graph. */
collab_status cli_analysis_run(cli_analysis *a, const cli_input *in, collab_error *err);
/* The same for any graph (a time slice, a neighbourhood). */
collab_status cli_analysis_run_graph(cli_analysis *a, const collab_graph *g, collab_error *err);
/* When the metrics were estimated, says so on stderr: the method, its bound and the option that
 * gives exact values (collab_report_estimate_note), after the slice's label if any. */
void cli_analysis_say_estimates(const cli_analysis *a);
/* For a job that writes several reports and exports of `in`'s graph (analyze): computes once
 * what each writer would compute again, the credit facts (for credits built from their rows)
 * and the ranking by `rank_metric`, owned by `a` until cli_analysis_destroy; the writers of
 * cli_analysis_report_input and cli_export_file then use them. Call it after the metrics;
 * `a` then describes that graph only. Errors: COLLAB_E_NOMEM. */
collab_status cli_analysis_share(cli_analysis *a, const cli_input *in, collab_metric rank_metric,
                                 collab_error *err);
/* The credit facts alone of cli_analysis_share, for writers that rank nothing (the exports). */
collab_status cli_analysis_share_facts(cli_analysis *a, const cli_input *in, collab_error *err);
void cli_analysis_destroy(cli_analysis *a);
/* Points `out` at everything a report needs. */
void cli_analysis_report_input(const cli_analysis *a, const cli_input *in,
                               collab_report_input *out);

/* The input options, terminated by a zero entry; copied into each command's option table. */
extern const struct option cli_input_options[];

/* Usage text of the input options, printed by every command's --help. */
void cli_print_input_help(FILE *f);

/* Initialises `in` with default options. */
void cli_input_init(cli_input *in);

/* Handles one getopt_long result that belongs to the input options. Returns true when `opt` was
 * one of them; on a bad value sets `err` (COLLAB_E_USAGE). */
bool cli_input_option(cli_input *in, int opt, const char *arg, collab_error *err);

/* Loads aliases, reads the file and builds the graph. Prints skipped-row warnings to stderr. */
collab_status cli_input_load(cli_input *in, collab_error *err);

/* Frees everything `in` owns. */
void cli_input_destroy(cli_input *in);

/* Prints `err` as "collab: FILE:LINE:COL: message" (or "collab: message") to stderr and returns
 * the exit status for its kind. */
int cli_report_error(const collab_error *err);

/* The exit status for an error kind. */
int cli_exit_status(collab_status st);

/* A command's own option handler: true when `opt` was one of its options (setting `err` on a
 * bad value). */
typedef bool (*cli_own_option_fn)(void *ctx, int opt, const char *arg, collab_error *err);

/* What the shared option loop needs to know about a command. */
typedef struct cli_command_spec {
    const char *name;           /* "report": for messages */
    const char *usage;          /* --help text, before the shared options' help */
    const struct option *own;   /* the command's options (zero-terminated), or NULL */
    cli_own_option_fn handle;   /* their handler, or NULL */
    void *ctx;                  /* passed to `handle` */
    size_t n_positional;        /* positional arguments expected (the first is FILE) */
    const char *positional;     /* their names for the message, "FILE A B" */
    const char *const *formats; /* --format choices (NULL-terminated), or NULL for none */
    int *format;                /* receives the index of the --format choice */
    bool no_input_options;      /* the command reads no credits CSV: the input options are
                                   neither accepted nor shown */
} cli_command_spec;

/* getopt_long value of the shared --format option. */
#define CLI_FORMAT_OPTION 1200

/* Parses argv: -h/--help prints the usage and returns -1 (exit 0); -o/--output sets *output; the
 * command's options go to spec->handle, then the input options, then (when `an` is not NULL) the
 * analysis options. On success sets in->path to the first positional argument (the others
 * follow at argv[optind + 1...]) and returns 0; on a usage error prints it and returns 2. */
int cli_parse_command(int argc, char **argv, const cli_command_spec *spec, cli_input *in,
                      cli_analysis *an, const char **output, collab_error *err);

/* "DIR/NAME.EXT" into buf (EXT may be ""). */
void cli_path_in(char *buf, size_t size, const char *dir, const char *name, const char *ext);

/* --top N (a positive integer) and --sort METRIC, as report, communities, analyze and slices take
 * them; false with a usage error in `err` on a bad value. */
bool cli_parse_top(const char *arg, size_t *top, collab_error *err);
bool cli_parse_sort(const char *arg, collab_metric *sort, collab_error *err);

/* Parses an integer / a double option value; false on garbage or out of range. */
bool cli_parse_size(const char *text, size_t *value);
bool cli_parse_double(const char *text, double *value);

/* Creates directory `dir` when missing (one level); COLLAB_E_IO when it cannot be made or is not a
 * directory. */
collab_status cli_make_dir(const char *dir, collab_error *err);

/* Prints a usage text with its lists expanded from the library's tables (usage.c): {metrics},
 * {layouts}, {communities}, {exports} as "a|b|c", {definitions} as one metric per line. */
void cli_print_usage(FILE *f, const char *text);
/* The names of list `key` ("{metrics}"...) joined by `sep`, the last two by `last`. */
void cli_join_names(char *buf, size_t size, const char *key, const char *sep, const char *last);

/* A collab_progress_fn for a terminal: "collab: MESSAGE (45%)" rewritten in place on stderr, ended
 * with a line feed at 100%. */
void cli_progress_terminal(const char *message, double percent, void *data);

/* Installs the handlers that remove an interrupted output's temporary file (signals.c). */
void cli_signals_install(void);
/* Before creating a temporary file: blocks the handled signals in this thread (saving the mask
 * in `*old_mask`) and claims a slot for its path (up to 4 at once, from any thread; -1 when all
 * are taken). A signal handled meanwhile by another thread waits for the slot to be published,
 * so a file created just before the signal is still removed. */
int cli_signals_claim(sigset_t *old_mask);
/* Once the file exists: publishes its path (NULL when creating it failed: frees the slot) and
 * restores the signal mask. */
void cli_signals_publish(int slot, const char *path, const sigset_t *old_mask);
/* Stops tracking it. */
void cli_signals_untrack(const char *path);

/* Opens an atomic output and tracks its temporary file for the signal handlers. */
collab_status cli_output_open(collab_output *out, const char *path, const char *input_path,
                              collab_error *err);
/* Commits (or, after an error, aborts) the output and stops tracking it. */
collab_status cli_output_finish(collab_output *out, collab_status st, collab_error *err);
/* With `verbose`, "collab:   NAME   S s" on stderr (as analyze times each file): the seconds since
 * `start` (collab_clock_seconds) that writing the output `path` took, NAME its last component. */
void cli_output_timing(bool verbose, const char *path, double start);

/* Reports an unknown option ('?') or a missing option value (':') after getopt_long, with the
 * hint to run `collab <command> --help`. Returns COLLAB_EXIT_USAGE. */
int cli_bad_option(char **argv, int opt, const char *command_name);

typedef int (*cli_command_fn)(int argc, char **argv);

/* What the runner hands a command: its input and analysis options (the input already read and
 * built when the command loads input), its output, --format choice and positional arguments. */
typedef struct cli_run {
    cli_input in;             /* input options, and what they loaded */
    cli_analysis an;          /* analysis options (commands with CLI_TAKES_ANALYSIS) */
    const char *output;       /* -o, or the command's default */
    int format;               /* index of the --format choice; -1 when not given */
    char **args;              /* the positional arguments after FILE */
    const char *command_line; /* the command as typed, for provenance (cli_command_line) */
} cli_run;

enum cli_command_flags {
    CLI_LOADS_INPUT = 1 << 0,     /* read and build the input before `run` */
    CLI_TAKES_ANALYSIS = 1 << 1,  /* accepts the metric and community options */
    CLI_NO_INPUT_OPTIONS = 1 << 2 /* reads something other than a credits CSV (import) */
};

/* One command: what its --help says, what it accepts, and the functions that do its work. The
 * runner (cli_run_command, main.c) does the rest: parse, check, load, run, print the one error,
 * choose the exit status. */
typedef struct cli_command {
    const char *name;             /* "report" */
    const char *usage;            /* --help text before the shared options' help */
    unsigned flags;               /* enum cli_command_flags */
    const struct option *own;     /* the command's options (zero-terminated), or NULL */
    cli_own_option_fn handle;     /* their handler (ctx = the settings), or NULL */
    size_t n_positional;          /* positional arguments (the first is FILE) */
    const char *positional;       /* their names for the message, "FILE A B" */
    const char *const *formats;   /* --format choices (NULL-terminated), or NULL */
    const char *default_output;   /* -o when not given ("-" = stdout), or NULL */
    size_t settings_size;         /* the command's own settings, zeroed, then `init` */
    void (*init)(void *settings); /* defaults, or NULL */
    /* Checks the options once parsed, before any input is read; a COLLAB_E_USAGE error is shown
     * with the usage hint. NULL for none. */
    collab_status (*check)(cli_run *r, void *settings, collab_error *err);
    collab_status (*run)(cli_run *r, void *settings, collab_error *err); /* the work */
    void (*destroy)(void *settings); /* frees what the settings own, or NULL */
} cli_command;

/* Runs command `c` on its argv (argv[0] is the command's name) and returns the exit status. */
int cli_run_command(const cli_command *c, int argc, char **argv);

/* Prints a usage error with the hint to run `collab <command> --help`; returns the usage status. */
int cli_usage_error(const collab_error *err, const char *command_name);

/* `collab communities`: the report command with the community report's usage, options, formats
 * and writer (cmd_report.c). */
int cli_report_main(int argc, char **argv, const char *usage);

/* What an HTML report page shows besides the analysis (html_report.c). All borrowed. */
typedef struct cli_html_page {
    const collab_map *map;    /* the map to inline (map_internal.h), or NULL: "no map" */
    const char *map_caption;  /* what the map shows, or NULL for a generic caption */
    const char *command_line; /* how the page was made (cli_command_line), or NULL */
    const char *title;        /* page heading, or NULL for "Collaboration report: FILE" */
    bool provenance_path;     /* the provenance names the input's full path as given (else
                                 only its file name: a shared page shows no one's folders) */
} cli_html_page;

/* Writes the HTML report of `in`'s graph, with the metrics and communities already computed in
 * `an`, atomically to `path` ("-" = stdout; never over the input). The provenance gets the input
 * file's SHA-256 (not for stdin), collab's version and the date: SOURCE_DATE_EPOCH when set
 * (COLLAB_E_USAGE when malformed), else now. The map's community colours colour the tables'
 * community swatches. Errors: those of the checksum, the SVG render and the output. */
collab_status cli_report_html_file(const cli_input *in, const cli_analysis *an,
                                   const cli_html_page *page, const collab_report_options *ro,
                                   const char *path, collab_error *err);

/* The command line "collab ARG..." as typed (call it before getopt_long permutes argv), less
 * the output file (-o FILE, --output=FILE: the page's own name is not how it was made, and two
 * copies of one report must be identical), with each argument quoted for a POSIX shell where
 * needed, for provenance. Returns a collab_malloc'd string (collab_free), NULL when out of memory.
 */
char *cli_command_line(int argc, char **argv);

int cmd_summary(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_distance(int argc, char **argv);
int cmd_roles(int argc, char **argv);
int cmd_ego(int argc, char **argv);
int cmd_export(int argc, char **argv);

/* Writes `in`'s graph with `an`'s metrics and communities to `path` (atomically, never over the
 * input) in `format`, a collab_export_format; COLLAB_EXPORT_CSV_NODES also writes the edge
 * table beside it (collab_export_edges_path). With `map_or_null` drawn at the node level, the
 * nodes carry its page positions, radii and fill colours. `threads` format it
 * (collab_export_input.threads). */
collab_status cli_export_file(const cli_input *in, const cli_analysis *an,
                              const collab_map *map_or_null, const char *path, int format,
                              int threads, collab_error *err);
int cmd_slices(int argc, char **argv);
int cmd_names(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_import(int argc, char **argv);

#endif
