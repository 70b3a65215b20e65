/* collab report: the ranked centrality report. Also the driver shared with `collab communities`,
 * which differs only in what it writes. */
#include "collab/alloc.h"
#include "collab/clock.h"
#include "collab/output.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "map_internal.h"

static const char *const report_usage =
    "usage: collab report [options] FILE\n\n"
    "Ranks the nodes of FILE's graph by a centrality metric and reports every metric (see\n"
    "Metrics below), each node's community, and the global statistics.\n\n"
    "Options:\n"
    "      --top N                  rows to show (default 20)\n"
    "      --all                    show every node\n"
    "      --metrics LIST           comma-separated metrics to show (default all)\n"
    "      --sort METRIC            ranking metric (default betweenness; constraint ranks\n"
    "                               lowest first)\n"
    "      --format table|csv|json|md|html  output format (default table); html is one\n"
    "                               self-contained page: map, statistics, sortable table,\n"
    "                               communities, plots and provenance\n"
    "      --no-map                 html: leave the map out (faster on huge graphs)\n"
    "      --provenance-path        html: name the input by its full path in the provenance\n"
    "                               (default: its file name only, with its SHA-256)\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output\n"
    "  -h, --help                   show this help\n"
    "The HTML page's date is SOURCE_DATE_EPOCH when set, so rebuilds are byte-identical.\n";

enum { OPT_TOP = 1, OPT_ALL, OPT_METRICS, OPT_SORT, OPT_NO_MAP, OPT_PROVENANCE_PATH };

/* The command's own settings, filled by its options. */
typedef struct report_settings {
    collab_report_options ro; /* what to show */
    bool no_map;              /* html: leave the map out */
    bool provenance_path;     /* html: the input's full path in the provenance */
} report_settings;

static bool parse_metric_list(const char *arg, uint32_t *mask, collab_error *err)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", arg);
    *mask = 0;
    for (char *tok = strtok(buf, ","); tok != NULL; tok = strtok(NULL, ",")) {
        collab_metric m;
        if (!collab_metric_parse(tok, &m)) {
            collab_error_set(err, COLLAB_E_USAGE, "unknown metric '%s' in --metrics", tok);
            return false;
        }
        *mask |= 1u << m;
    }
    return true;
}

static bool report_option(report_settings *rs, int opt, const char *arg, collab_error *err)
{
    collab_report_options *ro = &rs->ro;
    switch (opt) {
    case OPT_TOP:
        cli_parse_top(arg, &ro->top, err);
        return true;
    case OPT_ALL:
        ro->top = 0;
        return true;
    case OPT_METRICS:
        parse_metric_list(arg, &ro->columns, err);
        return true;
    case OPT_SORT:
        cli_parse_sort(arg, &ro->sort, err);
        return true;
    case OPT_NO_MAP:
        rs->no_map = true;
        return true;
    case OPT_PROVENANCE_PATH:
        rs->provenance_path = true;
        return true;
    default:
        return false;
    }
}

/* Largest graph whose HTML page maps every person (and so has the interactive map). */
#define HTML_NODE_LIMIT 50000

/* The HTML page: the standard map (built on the analysis already done), then the page. */
static collab_status run_html(cli_input *in, cli_analysis *an, const report_settings *rs,
                              const char *output_path, const char *command_line,
                              collab_error *err)
{
    collab_map map;
    memset(&map, 0, sizeof map);
    collab_status st = COLLAB_OK;
    if (!rs->no_map) {
        cli_map_options mo;
        cli_map_options_init(&mo);
        /* One mark per person up to HTML_NODE_LIMIT (the automatic level switches to
         * community bubbles above 20,000): the interactive map is made to explore large
         * networks, and the static map drawn from the same scene keeps only the strongest
         * edges. Beyond, the layout and the page would grow past what a browser opens
         * quickly, and the page shows the community map. */
        if (collab_graph_vertex_count(&in->g) <= HTML_NODE_LIMIT) {
            mo.map.level = COLLAB_MAP_LEVEL_NODES;
        }
        mo.map.max_edges = COLLAB_HTML_EDGE_BUDGET;
        cli_map_source src = {&in->g, &in->list, in->path};
        st = cli_map_build(&map, &src, an, &mo, NULL, err);
    }
    if (st == COLLAB_OK) {
        cli_html_page page = {0};
        page.map = rs->no_map ? NULL : &map;
        page.map_caption = map.by_community
                               ? "One bubble per community, sized by its members and linked by "
                                 "the weight between communities; the same map as collab map."
                               : "Nodes sized by strength (the sum of their tie weights) and "
                                 "coloured by community; the most important names are written "
                                 "where they overlap nothing. The same map as collab map.";
        page.command_line = command_line;
        page.provenance_path = rs->provenance_path;
        st = cli_report_html_file(in, an, &page, &rs->ro, output_path, err);
    }
    collab_map_destroy(&map);
    return st;
}

static collab_status write_report(cli_input *in, cli_analysis *an, const report_settings *rs,
                                  const char *output_path, bool communities,
                                  const char *command_line, collab_error *err)
{
    const collab_report_options *ro = &rs->ro;
    collab_status st = cli_analysis_run(an, in, err);
    if (st == COLLAB_OK && ro->format == COLLAB_FORMAT_HTML) {
        return run_html(in, an, rs, output_path, command_line, err);
    }
    if (st == COLLAB_OK && !communities) {
        /* The ranking and the credit facts first, so that --verbose times the writer alone (the
         * community report uses neither). */
        double start = collab_clock_seconds();
        st = cli_analysis_share(an, in, ro->sort, err);
        if (an->verbose) {
            fprintf(stderr, "collab: facts and ranking %14.3f s\n", collab_clock_seconds() - start);
        }
    }
    collab_output out = {0};
    if (st == COLLAB_OK) {
        double start = collab_clock_seconds();
        st = cli_output_open(&out, output_path, in->path, err);
        if (st == COLLAB_OK) {
            collab_report_input ri;
            cli_analysis_report_input(an, in, &ri);
            collab_report_options threaded = *ro;
            threaded.threads = in->threads; /* the rows of CSV and JSON, on every core */
            st = communities ? collab_report_write_communities(out.f, &ri, &threaded, err)
                             : collab_report_write(out.f, &ri, &threaded, err);
            st = cli_output_finish(&out, st, err);
        }
        if (st == COLLAB_OK && strcmp(output_path, "-") != 0) {
            cli_output_timing(an->verbose, output_path, start);
        }
    }
    return st;
}

static bool report_option_ctx(void *ctx, int opt, const char *arg, collab_error *err)
{
    return report_option(ctx, opt, arg, err);
}

static void report_init(void *settings)
{
    report_settings *rs = settings;
    collab_report_options_init(&rs->ro);
}

static collab_status run_either(cli_run *r, report_settings *rs, bool communities,
                                collab_error *err)
{
    rs->ro.format = r->format < 0 ? COLLAB_FORMAT_TABLE : (collab_report_format)r->format;
    /* Compute what is shown and what ranks; the path sweep always runs, since the global
     * statistics (components, diameter, average path length) come from it. */
    if (rs->ro.columns != 0) {
        r->an.metrics.wanted = rs->ro.columns | 1u << rs->ro.sort | 1u << COLLAB_METRIC_BETWEENNESS;
    }
    return write_report(&r->in, &r->an, rs, r->output, communities, r->command_line, err);
}

static collab_status run_report(cli_run *r, void *settings, collab_error *err)
{
    return run_either(r, settings, false, err);
}

static collab_status run_communities(cli_run *r, void *settings, collab_error *err)
{
    return run_either(r, settings, true, err);
}

static const struct option report_options[] = {
    {"top", required_argument, NULL, OPT_TOP},
    {"all", no_argument, NULL, OPT_ALL},
    {"metrics", required_argument, NULL, OPT_METRICS},
    {"sort", required_argument, NULL, OPT_SORT},
    {"no-map", no_argument, NULL, OPT_NO_MAP},
    {"provenance-path", no_argument, NULL, OPT_PROVENANCE_PATH},
    {NULL, 0, NULL, 0},
};
/* `report_options` without --no-map, which only the HTML report has. */
static const struct option community_options[] = {
    {"top", required_argument, NULL, OPT_TOP},
    {"all", no_argument, NULL, OPT_ALL},
    {"metrics", required_argument, NULL, OPT_METRICS},
    {"sort", required_argument, NULL, OPT_SORT},
    {NULL, 0, NULL, 0},
};
/* In the order of collab_report_format; the community report has no HTML page of its own. */
static const char *const report_formats[] = {"table", "csv", "json", "md", "html", NULL};
static const char *const community_formats[] = {"table", "csv", "json", "md", NULL};

static const cli_command report_command = {
    .name = "report",
    .usage = report_usage,
    .flags = CLI_LOADS_INPUT | CLI_TAKES_ANALYSIS,
    .own = report_options,
    .handle = report_option_ctx,
    .n_positional = 1,
    .positional = "FILE",
    .formats = report_formats,
    .default_output = "-",
    .settings_size = sizeof(report_settings),
    .init = report_init,
    .run = run_report,
};

int cli_report_main(int argc, char **argv, const char *usage)
{
    cli_command communities_command = report_command;
    communities_command.name = "communities";
    communities_command.usage = usage;
    communities_command.own = community_options;
    communities_command.formats = community_formats;
    communities_command.run = run_communities;
    return cli_run_command(&communities_command, argc, argv);
}

int cmd_report(int argc, char **argv)
{
    return cli_run_command(&report_command, argc, argv);
}
