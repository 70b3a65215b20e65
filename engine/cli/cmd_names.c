/* collab names: the names that probably denote one person, with the evidence and a confidence,
 * as a table to read or as the alias file --aliases reads (alias,canonical). */
#include "cli.h"

#include "collab/alloc.h"
#include "collab/report.h"
#include "collab/text.h"
#include "collab/variants.h"

#include <string.h>
#include <strings.h>

static const char *const names_usage =
    "usage: collab names [options] FILE\n\n"
    "Lists the names of FILE that probably denote one person: equal after case, accent and\n"
    "punctuation folding (Beyonce / Beyonc\xc3\xa9, A$AP Rocky / ASAP Rocky), 'Last, First' against\n"
    "'First Last', initials against given names of the same surname (J. S. Bach / Johann\n"
    "Sebastian Bach), a Discogs suffix (John Smith (2)). Names credited together on one\n"
    "project are never proposed. Shared collaborators raise the confidence. Review the list,\n"
    "then apply it with --aliases.\n\n"
    "Options:\n"
    "      --format table|csv       output format (default table, or csv when -o names a\n"
    "                               .csv file; csv: alias,canonical,evidence,confidence,\n"
    "                               shared, the file --aliases reads)\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output\n"
    "  -h, --help                   show this help\n";

static void write_table(FILE *f, const collab_graph *g, const collab_variant *v, size_t n)
{
    fprintf(f, "%zu probable name variant%s\n\n", n, n == 1 ? "" : "s");
    if (n == 0) {
        return;
    }
    fprintf(f, "%-10s  %-9s  %6s  %s\n", "confidence", "evidence", "shared", "alias -> canonical");
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%10.2f  %-9s  %6zu  ", v[i].confidence,
                collab_variant_evidence_name(v[i].evidence), v[i].shared);
        collab_text_fputs_safe(f, collab_graph_name(g, v[i].alias));
        fputs(" -> ", f);
        collab_text_fputs_safe(f, collab_graph_name(g, v[i].canonical));
        fputc('\n', f);
    }
}

static void write_csv(FILE *f, const collab_graph *g, const collab_variant *v, size_t n)
{
    fputs("alias,canonical,evidence,confidence,shared\n", f);
    for (size_t i = 0; i < n; i++) {
        collab_report_csv_field(f, collab_graph_name(g, v[i].alias));
        fputc(',', f);
        collab_report_csv_field(f, collab_graph_name(g, v[i].canonical));
        fprintf(f, ",%s,%.2f,%zu\n", collab_variant_evidence_name(v[i].evidence),
                v[i].confidence, v[i].shared);
    }
}

/* Without --format, an output named *.csv gets the CSV --aliases reads: `-o aliases.csv` then
 * `--aliases aliases.csv` must work as written. */
static bool wants_csv(const cli_run *r)
{
    if (r->format >= 0) {
        return r->format == 1;
    }
    size_t len = r->output != NULL ? strlen(r->output) : 0;
    return len >= 4 && strcasecmp(r->output + len - 4, ".csv") == 0;
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    (void)settings;
    collab_variant *v = NULL;
    size_t n = 0;
    collab_status st = collab_variants_find(&r->in.g, &r->in.list, &v, &n, err);
    collab_output out;
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, r->output, r->in.path, err);
    }
    if (st == COLLAB_OK) {
        if (wants_csv(r)) {
            write_csv(out.f, &r->in.g, v, n);
        } else {
            write_table(out.f, &r->in.g, v, n);
        }
        st = cli_output_finish(&out, st, err);
    }
    collab_free(v);
    return st;
}

static const char *const formats[] = {"table", "csv", NULL};

static const cli_command names_command = {
    .name = "names",
    .usage = names_usage,
    .flags = CLI_LOADS_INPUT,
    .n_positional = 1,
    .positional = "FILE",
    .formats = formats,
    .default_output = "-",
    .run = run,
};

int cmd_names(int argc, char **argv)
{
    return cli_run_command(&names_command, argc, argv);
}
