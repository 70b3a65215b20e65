/* collab report: the ranked centrality report. Also the driver shared with `collab communities`,
 * which differs only in what it writes. */
#include "cli.h"

#include "collab/output.h"

#include <stdlib.h>
#include <string.h>

static const char *const report_usage =
    "usage: collab report [options] FILE\n\n"
    "Ranks the nodes of FILE's graph by a centrality metric and reports degree, strength,\n"
    "betweenness, closeness, harmonic, pagerank, eigenvector, coreness, constraint and\n"
    "clustering, each node's community, and the global statistics.\n\n"
    "Options:\n"
    "      --top N                  rows to show (default 20)\n"
    "      --all                    show every node\n"
    "      --metrics LIST           comma-separated metrics to show (default all)\n"
    "      --sort METRIC            ranking metric (default betweenness; constraint ranks\n"
    "                               lowest first)\n"
    "      --format table|csv|json|md  output format (default table)\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output\n"
    "  -h, --help                   show this help\n";

enum { OPT_TOP = 1, OPT_ALL, OPT_METRICS, OPT_SORT };

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

static bool report_option(collab_report_options *ro, int opt, const char *arg, collab_error *err)
{
    switch (opt) {
    case OPT_TOP:
        if (!cli_parse_size(arg, &ro->top) || ro->top == 0) {
            collab_error_set(err, COLLAB_E_USAGE, "--top needs a positive integer, not '%s'", arg);
        }
        return true;
    case OPT_ALL:
        ro->top = 0;
        return true;
    case OPT_METRICS:
        parse_metric_list(arg, &ro->columns, err);
        return true;
    case OPT_SORT:
        if (!collab_metric_parse(arg, &ro->sort)) {
            collab_error_set(err, COLLAB_E_USAGE, "unknown metric '%s' for --sort", arg);
        }
        return true;
    default:
        return false;
    }
}

static collab_status run(cli_input *in, cli_analysis *an, const collab_report_options *ro,
                         const char *output_path, bool communities, collab_error *err)
{
    collab_status st = cli_input_load(in, err);
    if (st == COLLAB_OK) {
        st = cli_analysis_run(an, in, err);
    }
    collab_output out = {0};
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, output_path, in->path, err);
        if (st == COLLAB_OK) {
            collab_report_input ri;
            cli_analysis_report_input(an, in, &ri);
            st = communities ? collab_report_write_communities(out.f, &ri, ro, err)
                             : collab_report_write(out.f, &ri, ro, err);
            st = cli_output_finish(&out, st, err);
        }
    }
    return st;
}

static bool report_option_ctx(void *ctx, int opt, const char *arg, collab_error *err)
{
    return report_option(ctx, opt, arg, err);
}

int cli_report_main(int argc, char **argv, const char *name, const char *usage, bool communities)
{
    static const struct option own[] = {
        {"top", required_argument, NULL, OPT_TOP},   {"all", no_argument, NULL, OPT_ALL},
        {"metrics", required_argument, NULL, OPT_METRICS},
        {"sort", required_argument, NULL, OPT_SORT},
        {NULL, 0, NULL, 0},
    };
    cli_input in;
    cli_input_init(&in);
    cli_analysis an;
    cli_analysis_init(&an);
    collab_report_options ro;
    collab_report_options_init(&ro);
    collab_error err = {0};
    const char *output_path = "-";
    /* In the order of collab_report_format. */
    static const char *const formats[] = {"table", "csv", "json", "md", NULL};
    int format = COLLAB_FORMAT_TABLE;
    cli_command_spec spec = {name, usage, own, report_option_ctx, &ro, 1, "FILE", formats,
                             &format};
    int parsed = cli_parse_command(argc, argv, &spec, &in, &an, &output_path, &err);
    if (parsed != 0) {
        return parsed < 0 ? COLLAB_EXIT_OK : parsed;
    }
    ro.format = (collab_report_format)format;
    /* Compute what is shown and what ranks; the path sweep always runs, since the global
     * statistics (components, diameter, average path length) come from it. */
    if (ro.columns != 0) {
        an.metrics.wanted = ro.columns | 1u << ro.sort | 1u << COLLAB_METRIC_BETWEENNESS;
    }
    collab_status st = run(&in, &an, &ro, output_path, communities, &err);
    cli_analysis_destroy(&an);
    cli_input_destroy(&in);
    return st == COLLAB_OK ? COLLAB_EXIT_OK : cli_report_error(&err);
}

int cmd_report(int argc, char **argv)
{
    return cli_report_main(argc, argv, "report", report_usage, false);
}
