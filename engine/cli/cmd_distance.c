/* collab distance: everyone's collaboration distance from one person (a "Bacon number"
 * table), with the count of people at each distance. */
#include "cli.h"

#include "collab/alloc.h"
#include "collab/query.h"
#include "collab/report.h"
#include "collab/text.h"

#include <string.h>

static const char *const distance_usage =
    "usage: collab distance [options] FILE NAME\n\n"
    "Prints how many collaboration steps separate NAME from everyone else: the count of people\n"
    "at each distance, then every reachable person by distance (ties in order of first\n"
    "appearance), then how many cannot be reached.\n\n"
    "Options:\n"
    "      --format table|csv       output format (default table; csv: name,distance)\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output\n"
    "  -h, --help                   show this help\n";

static void write_table(FILE *f, const collab_graph *g, uint32_t source, const int32_t *dist)
{
    size_t n = collab_graph_vertex_count(g);
    int32_t max = 0;
    size_t unreachable = 0;
    for (size_t v = 0; v < n; v++) {
        max = dist[v] > max ? dist[v] : max;
        unreachable += dist[v] < 0;
    }
    fputs("distance from ", f);
    collab_text_fputs_safe(f, collab_graph_name(g, source));
    fputs("\n\ndistance  people\n", f);
    for (int32_t d = 0; d <= max; d++) {
        size_t count = 0;
        for (size_t v = 0; v < n; v++) {
            count += dist[v] == d;
        }
        fprintf(f, "%8d  %zu\n", d, count);
    }
    fprintf(f, " (none)   %zu\n\n", unreachable);
    for (int32_t d = 1; d <= max; d++) {
        for (size_t v = 0; v < n; v++) {
            if (dist[v] == d) {
                fprintf(f, "%8d  ", d);
                collab_text_fputs_safe(f, collab_graph_name(g, v));
                fputc('\n', f);
            }
        }
    }
}

static void write_csv(FILE *f, const collab_graph *g, const int32_t *dist)
{
    size_t n = collab_graph_vertex_count(g);
    fputs("name,distance\n", f);
    int32_t max = 0;
    for (size_t v = 0; v < n; v++) {
        max = dist[v] > max ? dist[v] : max;
    }
    for (int32_t d = 0; d <= max; d++) {
        for (size_t v = 0; v < n; v++) {
            if (dist[v] == d) {
                collab_report_csv_field(f, collab_graph_name(g, v));
                fprintf(f, ",%d\n", d);
            }
        }
    }
    for (size_t v = 0; v < n; v++) {
        if (dist[v] < 0) {
            collab_report_csv_field(f, collab_graph_name(g, v));
            fputs(",\n", f);
        }
    }
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    (void)settings;
    const cli_input *in = &r->in;
    bool csv = r->format == 1;
    const char *output = r->output;
    uint32_t source = 0;
    collab_status st = collab_query_find(&in->g, r->args[0], &source, err);
    int32_t *dist = NULL;
    if (st == COLLAB_OK) {
        dist = collab_alloc_array(collab_graph_vertex_count(&in->g) + 1, sizeof *dist);
        st = dist == NULL ? collab_error_set(err, COLLAB_E_NOMEM, "out of memory") : COLLAB_OK;
    }
    if (st == COLLAB_OK) {
        st = collab_query_distances(&in->g, source, UINT32_MAX, dist, err);
    }
    collab_output out;
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, output, in->path, err);
        if (st == COLLAB_OK) {
            if (csv) {
                write_csv(out.f, &in->g, dist);
            } else {
                write_table(out.f, &in->g, source, dist);
            }
            st = cli_output_finish(&out, st, err);
        }
    }
    collab_free(dist);
    return st;
}

static const char *const formats[] = {"table", "csv", NULL};

static const cli_command distance_command = {
    .name = "distance",
    .usage = distance_usage,
    .flags = CLI_LOADS_INPUT,
    .n_positional = 2,
    .positional = "FILE NAME",
    .formats = formats,
    .default_output = "-",
    .run = run,
};

int cmd_distance(int argc, char **argv)
{
    return cli_run_command(&distance_command, argc, argv);
}
