/* The input options shared by every command: how to read the CSV and how to build the graph. */
#include "collab/alloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum input_option {
    OPT_SHAPE = CLI_INPUT_OPTION_BASE,
    OPT_DELIMITER,
    OPT_ENCODING,
    OPT_SPLIT_PEOPLE,
    OPT_NO_HEADER,
    OPT_COMPONENT,
    OPT_PERSON_COLS,
    OPT_WIDE,
    OPT_MIN_COMPONENT_SIZE,
    OPT_MIN_DEGREE,
    OPT_MIN_CREDITS,
    OPT_PERSON_COL,
    OPT_PROJECT_COL,
    OPT_ROLE_COL,
    OPT_YEAR_COL,
    OPT_SOURCE_COL,
    OPT_TARGET_COL,
    OPT_WEIGHT_COL,
    OPT_SKIP_BAD_ROWS,
    OPT_MAX_FIELD_BYTES,
    OPT_MAX_ROW_BYTES,
    OPT_MAX_COLUMNS,
    OPT_ALIASES,
    OPT_VIEW,
    OPT_WEIGHTING,
    OPT_DIRECTED,
    OPT_MAX_PARTICIPANTS,
    OPT_MIN_SHARED,
    OPT_MAX_EDGES,
    OPT_ROLES,
    OPT_YEARS,
    OPT_THREADS,
    OPT_DROP_PEOPLE,
    OPT_KEEP_PLACEHOLDERS,
    OPT_INPUT_FORMAT,
    OPT_PERSON_ID_COL,
    OPT_PROJECT_ID_COL
};

const struct option cli_input_options[] = {
    {"shape", required_argument, NULL, OPT_SHAPE},
    {"delimiter", required_argument, NULL, OPT_DELIMITER},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"split-people", required_argument, NULL, OPT_SPLIT_PEOPLE},
    {"no-header", no_argument, NULL, OPT_NO_HEADER},
    {"component", required_argument, NULL, OPT_COMPONENT},
    {"person-cols", required_argument, NULL, OPT_PERSON_COLS},
    {"wide", no_argument, NULL, OPT_WIDE},
    {"min-component-size", required_argument, NULL, OPT_MIN_COMPONENT_SIZE},
    {"min-degree", required_argument, NULL, OPT_MIN_DEGREE},
    {"min-credits", required_argument, NULL, OPT_MIN_CREDITS},
    {"person-col", required_argument, NULL, OPT_PERSON_COL},
    {"project-col", required_argument, NULL, OPT_PROJECT_COL},
    {"role-col", required_argument, NULL, OPT_ROLE_COL},
    {"year-col", required_argument, NULL, OPT_YEAR_COL},
    {"source-col", required_argument, NULL, OPT_SOURCE_COL},
    {"target-col", required_argument, NULL, OPT_TARGET_COL},
    {"weight-col", required_argument, NULL, OPT_WEIGHT_COL},
    {"skip-bad-rows", no_argument, NULL, OPT_SKIP_BAD_ROWS},
    {"max-field-bytes", required_argument, NULL, OPT_MAX_FIELD_BYTES},
    {"max-row-bytes", required_argument, NULL, OPT_MAX_ROW_BYTES},
    {"max-columns", required_argument, NULL, OPT_MAX_COLUMNS},
    {"aliases", required_argument, NULL, OPT_ALIASES},
    {"view", required_argument, NULL, OPT_VIEW},
    {"weighting", required_argument, NULL, OPT_WEIGHTING},
    {"directed", no_argument, NULL, OPT_DIRECTED},
    {"max-participants", required_argument, NULL, OPT_MAX_PARTICIPANTS},
    {"min-shared", required_argument, NULL, OPT_MIN_SHARED},
    {"max-edges", required_argument, NULL, OPT_MAX_EDGES},
    {"roles", required_argument, NULL, OPT_ROLES},
    {"years", required_argument, NULL, OPT_YEARS},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"drop-people", required_argument, NULL, OPT_DROP_PEOPLE},
    {"keep-placeholders", no_argument, NULL, OPT_KEEP_PLACEHOLDERS},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"person-id-col", required_argument, NULL, OPT_PERSON_ID_COL},
    {"project-id-col", required_argument, NULL, OPT_PROJECT_ID_COL},
    {NULL, 0, NULL, 0},
};


void cli_print_input_help(FILE *f)
{
    fputs("Input (CSV, or a network from Gephi, Cytoscape, NetworkX, igraph or Pajek):\n"
          "      --input-format auto|csv|graphml|gml|pajek\n"
          "                               the file's format (default auto: GraphML, GML and\n"
          "                               Pajek .net are told from their content, anything\n"
          "                               else is CSV). A network's nodes are named by their\n"
          "                               label, name or yEd label, else their id; edges\n"
          "                               weigh their weight (or GML value); parallel\n"
          "                               edges are summed, self-loops dropped, direction\n"
          "                               kept only with --directed; a person-project\n"
          "                               network (a bipartite 'collab export', NetworkX's\n"
          "                               bipartite 0/1, a Pajek two-mode file) is read as\n"
          "                               credits\n"
          "      --shape credits|edges    input shape (default: detected from the header)\n"
          "      --delimiter C            ',' ';' 'tab' or '|' (default: detected)\n"
          "      --encoding NAME          the file's text encoding, any name iconv knows:\n"
          "                               windows-1252, latin1, mac, shift_jis... (default:\n"
          "                               UTF-8; UTF-16 is detected; gzip, xz, zstd and\n"
          "                               bzip2 files are decompressed)\n"
          "      --no-header              the first row is data: name columns by number\n"
          "                               (--person-col 1 --project-col 2)\n"
          "      --person-col NAME        column holding people (credits); every --*-col\n"
          "                               also takes a 1-based column number\n"
          "      --wide --person-cols LIST one row per project, people across columns: LIST\n"
          "                               names them (names, numbers, ranges 3-20, globs\n"
          "                               'musician*'); --project-col names the project\n"
          "      --split-people SEP       the person column holds lists of names separated by\n"
          "                               SEP (';', '|', ', '...): one credit per name\n"
          "      --person-id-col NAME     column of person ids (credits): one id is one person,\n"
          "                               shown by its most used name (default: a 'person_id'\n"
          "                               column when there is one; '' for none)\n"
          "      --project-id-col NAME    the same for projects (default: 'project_id')\n"
          "      --project-col NAME       column holding projects (credits)\n"
          "      --role-col NAME          column holding roles (credits, optional)\n"
          "      --year-col NAME          column holding years (credits, optional)\n"
          "      --source-col NAME        edge source column (edge lists)\n"
          "      --target-col NAME        edge target column (edge lists)\n"
          "      --weight-col NAME        edge weight column (edge lists, optional)\n"
          "      --skip-bad-rows          warn about bad rows and go on (default: stop)\n"
          "      --aliases FILE           two-column CSV alias,canonical merging name variants\n"
          "      --max-field-bytes N      longest field accepted (default 1048576)\n"
          "      --max-row-bytes N        longest row accepted, without a line end (default 8388608)\n"
          "      --max-columns N          most columns accepted (default 1024)\n",
          f);
    fputs("Graph:\n"
          "      --view people|projects|bipartite\n"
          "                               for credits: which network (default people)\n"
          "      --weighting count|newman|jaccard|fractional\n"
          "                               projected tie weight (default count: shared projects;\n"
          "                               newman: sum of 1/(n-1); jaccard: shared/union;\n"
          "                               fractional: sum of 2/(n(n-1)), n = project size)\n"
          "      --max-participants N     leave projects with more than N people out of the\n"
          "                               people network (default 100; 0 keeps every project)\n"
          "      --min-shared K           drop ties with fewer than K shared projects\n"
          "      --max-edges N            refuse projections above N edges (default 100000000)\n"
          "      --roles LIST             keep only credits with these roles (comma-separated)\n"
          "      --drop-people LIST       leave these people out before building (comma-\n"
          "                               separated, or @FILE with one name per line; case\n"
          "                               and accents ignored)\n"
          "      --keep-placeholders      keep names that stand for no one ('Various Artists',\n"
          "                               'Unknown', 'N/A', 'Anonymous'), left out by default\n"
          "      --years FROM-TO          keep only credits dated FROM..TO\n"
          "      --directed               edge lists: keep edge direction\n"
          "Scope (applied after the projection, in this order, and reported):\n"
          "      --min-credits K          keep people with at least K credits\n"
          "      --min-degree K           keep nodes with at least K collaborators\n"
          "      --min-component-size N   keep components of at least N nodes\n"
          "      --component largest|all  keep only the largest component (default all)\n"
          "      --threads N              threads reading a large file, projecting and, where\n"
          "                               metrics are computed, sweeping shortest paths, laying\n"
          "                               out and writing (analyze); default: one per core, at\n"
          "                               most 4; 1 = no threads of collab's own; every result is\n"
          "                               the same for any N\n",
          f);
}

void cli_input_init(cli_input *in)
{
    memset(in, 0, sizeof *in);
    collab_load_options_init(&in->load);
    collab_graph_options_init(&in->graph);
}

bool cli_parse_size(const char *text, size_t *value)
{
    if (text[0] < '0' || text[0] > '9') {
        return false;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0') {
        return false;
    }
    *value = (size_t)v;
    return true;
}

bool cli_parse_double(const char *text, double *value)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno != 0 || end == text || *end != '\0' || v != v) {
        return false;
    }
    *value = v;
    return true;
}

static bool parse_delimiter(const char *arg, char *out)
{
    if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0 || strcmp(arg, "\t") == 0) {
        *out = '\t';
        return true;
    }
    if (strlen(arg) == 1 && strchr(",;|", arg[0]) != NULL) {
        *out = arg[0];
        return true;
    }
    return false;
}

static bool parse_years(const char *arg, int *from, int *to)
{
    char *end;
    long a = strtol(arg, &end, 10);
    if (end == arg || *end != '-') {
        return false;
    }
    const char *second = end + 1;
    long b = strtol(second, &end, 10);
    if (end == second || *end != '\0' || a > b || a < COLLAB_YEAR_MIN || b > COLLAB_YEAR_MAX) {
        return false;
    }
    *from = (int)a;
    *to = (int)b;
    return true;
}

static bool size_option(const char *name, const char *arg, size_t *value, bool positive,
                        collab_error *err)
{
    if (!cli_parse_size(arg, value) || (positive && *value == 0)) {
        collab_error_set(err, COLLAB_E_USAGE, "--%s needs a %s integer, not '%s'", name,
                         positive ? "positive" : "non-negative", arg);
        return false;
    }
    return true;
}

/* Appends one name of --drop-people, trimmed of spaces; empty names are skipped. */
static bool push_drop_name(cli_input *in, const char *s, size_t len, collab_error *err)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) {
        len--;
    }
    if (len == 0) {
        return true;
    }
    char **grown = collab_realloc_array(in->drop_people, in->n_drop_people + 1,
                                        sizeof *in->drop_people);
    char *copy = collab_malloc(len + 1);
    if (grown != NULL) {
        in->drop_people = grown;
    }
    if (grown == NULL || copy == NULL) {
        collab_free(copy);
        collab_error_nomem(err, "reading --drop-people");
        return false;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    in->drop_people[in->n_drop_people++] = copy;
    in->graph.drop_people = (const char *const *)in->drop_people;
    in->graph.n_drop_people = in->n_drop_people;
    return true;
}

/* --drop-people 'A,B' or --drop-people @FILE (one name per line, for names holding commas). */
static void add_drop_people(cli_input *in, const char *arg, collab_error *err)
{
    if (arg[0] != '@') {
        for (const char *p = arg;;) {
            const char *comma = strchr(p, ',');
            size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
            if (!push_drop_name(in, p, len, err) || comma == NULL) {
                return;
            }
            p = comma + 1;
        }
    }
    FILE *f = fopen(arg + 1, "rb");
    if (f == NULL) {
        collab_error_set(err, COLLAB_E_IO, "--drop-people: cannot open '%s': %s", arg + 1,
                         strerror(errno));
        return;
    }
    char line[4096];
    long number = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        number++;
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] == '\n') {
            len--;
        } else if (!feof(f)) {
            collab_error_set(err, COLLAB_E_INPUT, "%s:%ld: a name longer than %zu bytes",
                             arg + 1, number, sizeof line - 2);
            break;
        }
        if (!push_drop_name(in, line, len, err)) {
            break;
        }
    }
    if (ferror(f)) {
        collab_error_set(err, COLLAB_E_IO, "--drop-people: cannot read '%s'", arg + 1);
    }
    fclose(f);
}

bool cli_input_option(cli_input *in, int opt, const char *arg, collab_error *err)
{
    switch (opt) {
    case OPT_SHAPE:
        if (strcmp(arg, "credits") == 0) {
            in->load.shape = COLLAB_SHAPE_CREDITS;
        } else if (strcmp(arg, "edges") == 0) {
            in->load.shape = COLLAB_SHAPE_EDGES;
        } else {
            collab_error_set(err, COLLAB_E_USAGE, "--shape must be 'credits' or 'edges', not '%s'",
                             arg);
        }
        return true;
    case OPT_ENCODING:
        in->load.encoding = arg;
        return true;
    case OPT_INPUT_FORMAT:
        if (!collab_input_format_parse(arg, &in->load.format)) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--input-format must be auto, csv, graphml, gml or pajek, not '%s'",
                             arg);
        }
        return true;
    case OPT_PERSON_COLS:
        in->load.person_cols = arg;
        in->load.shape = COLLAB_SHAPE_CREDITS;
        return true;
    case OPT_WIDE: /* names the shape; --person-cols does the work, and is required with it */
        in->wide = true;
        return true;
    case OPT_COMPONENT:
        if (strcmp(arg, "largest") == 0 || strcmp(arg, "all") == 0) {
            in->graph.largest_component = strcmp(arg, "largest") == 0;
        } else {
            collab_error_set(err, COLLAB_E_USAGE, "--component must be largest or all, not '%s'",
                             arg);
        }
        return true;
    case OPT_MIN_COMPONENT_SIZE:
        size_option("min-component-size", arg, &in->graph.min_component_size, false, err);
        return true;
    case OPT_MIN_DEGREE:
        size_option("min-degree", arg, &in->graph.min_degree, false, err);
        return true;
    case OPT_MIN_CREDITS:
        size_option("min-credits", arg, &in->graph.min_credits, false, err);
        return true;
    case OPT_NO_HEADER:
        in->load.no_header = true;
        return true;
    case OPT_SPLIT_PEOPLE:
        if (arg[0] == '\0') {
            collab_error_set(err, COLLAB_E_USAGE, "--split-people needs a separator, such as ';'");
        }
        /* What a shell gives for '\n' and '\t' is the backslash: read it as the user meant. */
        in->load.split_people = strcmp(arg, "\\n") == 0   ? "\n"
                                : strcmp(arg, "\\t") == 0 ? "\t"
                                : strcmp(arg, "tab") == 0  ? "\t"
                                                           : arg;
        return true;
    case OPT_DELIMITER:
        if (!parse_delimiter(arg, &in->load.delimiter)) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--delimiter must be ',' ';' 'tab' or '|', not '%s'", arg);
        }
        return true;
    case OPT_PERSON_COL:
        in->load.person_col = arg;
        return true;
    case OPT_PERSON_ID_COL:
        in->load.person_id_col = arg;
        return true;
    case OPT_PROJECT_ID_COL:
        in->load.project_id_col = arg;
        return true;
    case OPT_PROJECT_COL:
        in->load.project_col = arg;
        return true;
    case OPT_ROLE_COL:
        in->load.role_col = arg;
        return true;
    case OPT_YEAR_COL:
        in->load.year_col = arg;
        return true;
    case OPT_SOURCE_COL:
        in->load.source_col = arg;
        return true;
    case OPT_TARGET_COL:
        in->load.target_col = arg;
        return true;
    case OPT_WEIGHT_COL:
        in->load.weight_col = arg;
        return true;
    case OPT_SKIP_BAD_ROWS:
        in->load.skip_bad_rows = true;
        return true;
    case OPT_MAX_FIELD_BYTES:
        size_option("max-field-bytes", arg, &in->load.max_field_bytes, true, err);
        return true;
    case OPT_MAX_ROW_BYTES:
        size_option("max-row-bytes", arg, &in->load.max_row_bytes, true, err);
        return true;
    case OPT_MAX_COLUMNS:
        size_option("max-columns", arg, &in->load.max_columns, true, err);
        return true;
    case OPT_ALIASES:
        in->aliases_path = arg;
        return true;
    case OPT_VIEW:
        if (!collab_view_parse(arg, &in->graph.view)) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--view must be 'people', 'projects' or 'bipartite', not '%s'", arg);
        }
        return true;
    case OPT_WEIGHTING:
        if (!collab_weighting_parse(arg, &in->graph.weighting)) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--weighting must be count, newman, jaccard or fractional, not '%s'",
                             arg);
        }
        return true;
    case OPT_DIRECTED:
        in->graph.directed = true;
        return true;
    case OPT_MAX_PARTICIPANTS:
        size_option("max-participants", arg, &in->graph.max_participants, false, err);
        return true;
    case OPT_MIN_SHARED:
        if (!cli_parse_double(arg, &in->graph.min_shared) || in->graph.min_shared < 0) {
            collab_error_set(err, COLLAB_E_USAGE, "--min-shared needs a number >= 0, not '%s'",
                             arg);
        }
        return true;
    case OPT_MAX_EDGES:
        size_option("max-edges", arg, &in->graph.max_edges, true, err);
        return true;
    case OPT_ROLES:
        in->graph.roles = arg;
        return true;
    case OPT_YEARS:
        if (!parse_years(arg, &in->graph.year_from, &in->graph.year_to)) {
            collab_error_set(err, COLLAB_E_USAGE,
                             "--years needs FROM-TO with 1000 <= FROM <= TO <= 2999, not '%s'", arg);
        }
        in->graph.has_years = true;
        return true;
    case OPT_THREADS: {
        size_t n = 0;
        if (size_option("threads", arg, &n, true, err) && n > 1024) {
            collab_error_set(err, COLLAB_E_USAGE, "--threads needs a number from 1 to 1024, "
                                                  "not '%s'", arg);
        }
        in->threads = (int)(n <= 1024 ? n : 0);
        in->load.threads = in->threads;
        in->graph.threads = in->threads;
        return true;
    }
    case OPT_DROP_PEOPLE:
        add_drop_people(in, arg, err);
        return true;
    case OPT_KEEP_PLACEHOLDERS:
        in->graph.keep_placeholders = true;
        return true;
    default:
        return false;
    }
}

static void print_warnings(const collab_edgelist *list)
{
    for (size_t i = 0; i < list->n_warnings; i++) {
        const collab_warning *w = &list->warnings[i];
        fprintf(stderr, "collab: warning: %s:%ld:%ld: %s (row skipped)\n", list->source, w->line,
                w->column, w->message);
    }
    if (list->rows_skipped > list->n_warnings) {
        fprintf(stderr, "collab: warning: %zu more bad rows skipped (%zu in all)\n",
                list->rows_skipped - list->n_warnings, list->rows_skipped);
    }
    if (list->rows_bad_text > 0) {
        fprintf(stderr,
                "collab: warning: %zu row%s dropped for text that is not valid UTF-8: the file's "
                "encoding is probably not UTF-8 (try --encoding windows-1252, or the one it was "
                "saved in)\n",
                list->rows_bad_text, list->rows_bad_text == 1 ? "" : "s");
    }
}

/* Person cells that hold lists of names ("A; B; C") make one person of each list: a cast file
 * read that way has no ties at all. Said, with the option that reads it right, when such cells
 * are common and the network came out nearly empty. */
static void warn_list_cells(const collab_edgelist *list, const collab_graph *g)
{
    size_t cells = list->list_cells;
    if (cells == 0 || cells * 10 < list->rows_read ||
        2 * collab_graph_edge_count(g) >= collab_graph_vertex_count(g)) {
        return;
    }
    char example[sizeof list->list_example];
    snprintf(example, sizeof example, "%s", list->list_example);
    for (char *p = example; *p != '\0'; p++) {
        *p = *p == '\n' || *p == '\r' ? ' ' : *p; /* one line on the terminal */
    }
    fprintf(stderr,
            "collab: warning: %zu of %zu person cells look like lists of names (such as '%s'), "
            "and the network has only %zu ties: use --split-people '%s' to read one credit per "
            "name\n",
            cells, list->rows_read, example, collab_graph_edge_count(g), list->list_separator);
}

collab_status cli_input_load(cli_input *in, collab_error *err)
{
    if (in->wide && in->load.person_cols == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "--wide needs --person-cols LIST (the columns that hold people)");
    }
    if (in->aliases_path != NULL) {
        collab_status st = collab_aliases_load(&in->aliases, in->aliases_path, err);
        if (st != COLLAB_OK) {
            return st;
        }
        in->load.aliases = &in->aliases;
    }
    collab_status st = collab_load_file(&in->list, in->path, &in->load, err);
    if (st != COLLAB_OK) {
        return st;
    }
    print_warnings(&in->list);
    if (in->list.header_looks_like_data) {
        fprintf(stderr, "collab: warning: %s: the header row has an empty name, a year or a long "
                        "text, as a data row does; if the file has no header, use --no-header "
                        "with --person-col N --project-col M (column numbers)\n",
                in->list.source);
    }
    st = collab_graph_build(&in->g, &in->list, &in->graph, err);
    if (st == COLLAB_OK) {
        warn_list_cells(&in->list, &in->g);
    }
    if (st == COLLAB_OK && in->g.stats.scoped) {
        char scope[256];
        collab_graph_describe_scope(&in->g, &in->graph, scope, sizeof scope);
        fprintf(stderr, "collab: %s\n", scope);
    }
    if (st == COLLAB_OK && in->g.stats.people_left_out > 0) {
        char people[1024];
        collab_graph_describe_people_left_out(&in->g, &in->list, people, sizeof people);
        fprintf(stderr, "collab: %s%s\n", people,
                in->g.stats.placeholders_left_out > 0
                    ? "; placeholder names stand for no one in particular and would join "
                      "unrelated projects (--keep-placeholders keeps them)"
                    : "");
    }
    if (st == COLLAB_OK && in->g.stats.projects_skipped > 0) {
        char hubs[1024];
        collab_graph_describe_hubs(&in->g, &in->list, &in->graph, hubs, sizeof hubs);
        fprintf(stderr, "collab: %s; --max-participants 0 keeps them\n", hubs);
    }
    return st;
}

void cli_input_destroy(cli_input *in)
{
    collab_graph_destroy(&in->g);
    collab_edgelist_destroy(&in->list);
    collab_aliases_destroy(&in->aliases);
    for (size_t i = 0; i < in->n_drop_people; i++) {
        collab_free(in->drop_people[i]);
    }
    collab_free(in->drop_people);
}
