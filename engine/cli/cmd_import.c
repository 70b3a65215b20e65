/* collab import discogs: the Discogs releases dump into a credits CSV that every other command
 * reads (person identity from the person_id column). The command parses the filters, opens the
 * dump and an atomic output, and says on stderr what was read, kept and skipped. */
#include "collab/discogs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char *const import_usage =
    "usage: collab import discogs [options] RELEASES.xml[.gz] -o credits.csv\n\n"
    "Converts the Discogs releases dump (discogs_YYYYMMDD_releases.xml.gz, gzip or plain XML;\n"
    "'-' reads standard input) into a credits CSV, streaming: memory stays small whatever\n"
    "the size of the dump. One row per person, release and role, from the release's main\n"
    "artists (role 'Main Artist'), its extra artists (Producer, Mixed By...) and each track's\n"
    "artists and extra artists. A role list gives one row per role; a bracketed detail\n"
    "('Guitar [Acoustic]') goes to role_detail. Columns: person, person_id, credited_as,\n"
    "project (the release title), project_id, role, role_detail, track, year, label, genre,\n"
    "style, country, master_id; several labels, genres or styles are joined by '; '.\n"
    "Credits of 'Various' (id 194) and credits without an artist id are skipped and counted.\n"
    "The other commands read the result with person identity from person_id, so two\n"
    "artists called 'John Smith' stay two people.\n\n"
    "Options:\n"
    "      --genre LIST             only releases of one of these genres (';' between them:\n"
    "                               'Jazz;Blues'; case does not matter)\n"
    "      --style LIST             only releases of one of these styles ('Hard Bop;Bossa Nova')\n"
    "      --label LIST             only releases on one of these labels ('Blue Note')\n"
    "      --country LIST           only releases from one of these countries ('US;UK')\n"
    "      --years FROM-TO          only releases from these years (a release without a known\n"
    "                               year is then left out)\n"
    "      --roles LIST             only these roles (',' between them: 'Producer,Mixed By';\n"
    "                               'Main Artist' for the main artists)\n"
    "      --main-releases          only the main release of each master, so reissues and\n"
    "                               regional editions do not repeat the same credits\n"
    "      --no-progress            no progress on stderr (shown on a terminal otherwise)\n"
    "  -o, --output FILE            write the CSV to FILE (atomically; default standard output)\n"
    "  -h, --help                   show this help\n\n"
    "Malformed XML stops the import with its line and column (exit status 3), and no output\n"
    "file is left behind.\n";

enum {
    OPT_GENRE = 1300,
    OPT_STYLE,
    OPT_LABEL,
    OPT_COUNTRY,
    OPT_YEARS,
    OPT_ROLES,
    OPT_MAIN_RELEASES,
    OPT_NO_PROGRESS
};

/* The library's options and the CLI's own. */
typedef struct import_settings {
    collab_discogs_options lib;
    bool quiet; /* --no-progress */
} import_settings;

static const struct option import_options[] = {
    {"genre", required_argument, NULL, OPT_GENRE},
    {"style", required_argument, NULL, OPT_STYLE},
    {"label", required_argument, NULL, OPT_LABEL},
    {"country", required_argument, NULL, OPT_COUNTRY},
    {"years", required_argument, NULL, OPT_YEARS},
    {"roles", required_argument, NULL, OPT_ROLES},
    {"main-releases", no_argument, NULL, OPT_MAIN_RELEASES},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {NULL, 0, NULL, 0},
};

static void init(void *settings)
{
    import_settings *is = settings;
    collab_discogs_options_init(&is->lib);
    is->quiet = false;
}

/* "1990-1999" or "1995": years within the loader's 1000-2999. */
static bool parse_years(const char *arg, int *from, int *to)
{
    char *end;
    errno = 0;
    long a = strtol(arg, &end, 10);
    long b = a;
    if (end != arg && *end == '-') {
        const char *second = end + 1;
        b = strtol(second, &end, 10);
        if (end == second) {
            return false;
        }
    }
    if (end == arg || *end != '\0' || errno != 0 || a < 1000 || b > 2999 || a > b) {
        return false;
    }
    *from = (int)a;
    *to = (int)b;
    return true;
}

static bool handle(void *ctx, int opt, const char *arg, collab_error *err)
{
    import_settings *is = ctx;
    collab_discogs_options *o = &is->lib;
    switch (opt) {
    case OPT_GENRE:
        o->genres = arg;
        return true;
    case OPT_STYLE:
        o->styles = arg;
        return true;
    case OPT_LABEL:
        o->labels = arg;
        return true;
    case OPT_COUNTRY:
        o->countries = arg;
        return true;
    case OPT_ROLES:
        o->roles = arg;
        return true;
    case OPT_MAIN_RELEASES:
        o->main_releases = true;
        return true;
    case OPT_NO_PROGRESS:
        is->quiet = true;
        return true;
    case OPT_YEARS:
        if (!parse_years(arg, &o->year_from, &o->year_to)) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--years needs FROM-TO, years from 1000 to 2999 in order, not '%s'",
                             arg);
        }
        return true;
    default:
        return false;
    }
}

static void say_counts(const char *name, const collab_discogs_stats *s)
{
    fprintf(stderr, "collab: %s: %zu releases read, %zu kept, %zu credit rows written\n", name,
            s->releases, s->releases_kept, s->rows);
    if (s->skipped_various > 0 || s->skipped_no_id > 0) {
        fprintf(stderr,
                "collab: skipped %zu credit%s of 'Various' (artist id 194) and %zu without an "
                "artist id\n",
                s->skipped_various, s->skipped_various == 1 ? "" : "s", s->skipped_no_id);
    }
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    import_settings *is = settings;
    collab_discogs_options *opt = &is->lib;
    bool from_stdin = strcmp(r->in.path, "-") == 0;
    const char *name = from_stdin ? "<stdin>" : r->in.path;
    FILE *in = from_stdin ? stdin : fopen(r->in.path, "rb");
    if (in == NULL) {
        return collab_error_set(err, COLLAB_E_IO, "cannot open '%s': %s", r->in.path,
                                strerror(errno));
    }
    opt->progress = !is->quiet && isatty(STDERR_FILENO) ? cli_progress_terminal : NULL;
    collab_discogs_stats stats;
    collab_output out;
    collab_status st = cli_output_open(&out, r->output, r->in.path, err);
    if (st == COLLAB_OK) {
        st = collab_discogs_import(in, name, out.f, opt, &stats, err);
        st = cli_output_finish(&out, st, err);
    }
    if (!from_stdin) {
        fclose(in);
    }
    if (st == COLLAB_OK) {
        say_counts(name, &stats);
    }
    return st;
}

static const cli_command discogs_command = {
    .name = "import discogs",
    .usage = import_usage,
    .flags = CLI_NO_INPUT_OPTIONS,
    .own = import_options,
    .handle = handle,
    .n_positional = 1,
    .positional = "FILE",
    .default_output = "-",
    .settings_size = sizeof(import_settings),
    .init = init,
    .run = run,
};

/* `collab import SOURCE ...`: Discogs is the one source so far; `collab import --help` shows its
 * help, so the man page and the completion list its options. */
int cmd_import(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "discogs") == 0) {
        return cli_run_command(&discogs_command, argc - 1, argv + 1);
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        return cli_run_command(&discogs_command, argc, argv);
    }
    if (argc < 2) {
        fprintf(stderr, "collab: import needs a source: 'collab import discogs FILE'\n"
                        "Run 'collab import --help' for its options.\n");
    } else {
        fprintf(stderr,
                "collab: unknown import source '%s' (the one source is 'discogs')\n"
                "Run 'collab import --help' for its options.\n",
                argv[1]);
    }
    return COLLAB_EXIT_USAGE;
}
