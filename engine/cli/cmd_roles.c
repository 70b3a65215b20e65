/* collab roles: the roles found in a credits file — for each, how many credits, people and
 * projects carry it and the years it spans (after --roles/--years filters). */
#include "cli.h"

#include "collab/alloc.h"
#include "collab/report.h"
#include "collab/text.h"

#include <stdlib.h>
#include <string.h>

static const char *const roles_usage =
    "usage: collab roles [options] FILE\n\n"
    "Summarises the roles of a credits file, most credited first: credits, distinct people,\n"
    "distinct projects and the years each role spans; credits without a role are counted apart.\n\n"
    "Options:\n"
    "      --format table|csv       output format (default table)\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output\n"
    "  -h, --help                   show this help\n";

typedef struct role_stats {
    uint32_t role;     /* role id, or COLLAB_NO_ID for credits without one */
    size_t credits;    /* kept rows */
    size_t people;     /* distinct people */
    size_t projects;   /* distinct projects */
    int year_from;     /* first year (0 = none) */
    int year_to;       /* last year */
} role_stats;

static int by_credits(const void *a, const void *b)
{
    const role_stats *x = a;
    const role_stats *y = b;
    if (x->credits != y->credits) {
        return x->credits > y->credits ? -1 : 1;
    }
    return (x->role > y->role) - (x->role < y->role);
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a;
    uint64_t y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Distinct (role, id) pairs counted per role by sorting packed keys. */
static void count_distinct(uint64_t *keys, size_t n, role_stats *stats, size_t n_roles,
                           bool people)
{
    qsort(keys, n, sizeof *keys, compare_u64);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || keys[i] != keys[i - 1]) {
            size_t r = (size_t)(keys[i] >> 32);
            r = r == UINT32_MAX ? n_roles : r;
            if (people) {
                stats[r].people++;
            } else {
                stats[r].projects++;
            }
        }
    }
}

static collab_status compute(const cli_input *in, role_stats *stats, collab_error *err)
{
    const collab_edgelist *list = &in->list;
    size_t n_roles = list->roles.count;
    uint64_t *keys = collab_alloc_array(list->n_rows + 1, sizeof *keys);
    if (keys == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory counting roles");
    }
    for (size_t r = 0; r <= n_roles; r++) {
        stats[r] = (role_stats){r < n_roles ? (uint32_t)r : COLLAB_NO_ID, 0, 0, 0, 0, 0};
    }
    for (int pass = 0; pass < 2; pass++) {
        size_t n = 0;
        for (size_t r = 0; r < list->n_rows; r++) {
            if (!in->g.row_kept[r]) {
                continue;
            }
            uint64_t role = list->role[r];
            keys[n++] = (role << 32) | (pass == 0 ? list->a[r] : list->b[r]);
            if (pass == 0) {
                role_stats *s = &stats[role == COLLAB_NO_ID ? n_roles : role];
                int y = list->year[r];
                s->credits++;
                s->year_from = y != 0 && (s->year_from == 0 || y < s->year_from) ? y : s->year_from;
                s->year_to = y > s->year_to ? y : s->year_to;
            }
        }
        count_distinct(keys, n, stats, n_roles, pass == 0);
    }
    collab_free(keys);
    qsort(stats, n_roles + 1, sizeof *stats, by_credits);
    return COLLAB_OK;
}

static void write_roles(FILE *f, const collab_edgelist *list, const role_stats *stats, size_t n,
                        bool csv)
{
    fputs(csv ? "role,credits,people,projects,year_from,year_to\n"
              : "role                            credits    people  projects  years\n",
          f);
    for (size_t i = 0; i < n; i++) {
        const role_stats *s = &stats[i];
        if (s->credits == 0) {
            continue;
        }
        const char *name = s->role != COLLAB_NO_ID ? collab_names_get(&list->roles, s->role)
                                                    : "(no role)";
        if (csv) {
            collab_report_csv_field(f, s->role != COLLAB_NO_ID ? name : "");
            fprintf(f, ",%zu,%zu,%zu,", s->credits, s->people, s->projects);
            if (s->year_from != 0) {
                fprintf(f, "%d,%d\n", s->year_from, s->year_to);
            } else {
                fputs(",\n", f);
            }
            continue;
        }
        collab_text_fputs_safe(f, name);
        size_t w = collab_text_display_width(name, strlen(name));
        fprintf(f, "%*s%8zu  %8zu  %8zu  ", (int)(w < 30 ? 30 - w : 1), "", s->credits, s->people,
                s->projects);
        if (s->year_from != 0) {
            fprintf(f, "%d-%d\n", s->year_from, s->year_to);
        } else {
            fputs("-\n", f);
        }
    }
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    (void)settings;
    const cli_input *in = &r->in;
    bool csv = r->format == 1;
    const char *output = r->output;
    collab_status st = COLLAB_OK;
    if (in->list.shape != COLLAB_SHAPE_CREDITS) {
        st = collab_error_set(err, COLLAB_E_USAGE, "'%s' is an edge list: it has no roles",
                              in->list.source);
    }
    role_stats *stats = NULL;
    if (st == COLLAB_OK) {
        stats = collab_alloc_array(in->list.roles.count + 1, sizeof *stats);
        st = stats == NULL ? collab_error_set(err, COLLAB_E_NOMEM, "out of memory") : COLLAB_OK;
    }
    if (st == COLLAB_OK) {
        st = compute(in, stats, err);
    }
    collab_output out;
    if (st == COLLAB_OK) {
        st = cli_output_open(&out, output, in->path, err);
        if (st == COLLAB_OK) {
            write_roles(out.f, &in->list, stats, in->list.roles.count + 1, csv);
            st = cli_output_finish(&out, st, err);
        }
    }
    collab_free(stats);
    return st;
}

static const char *const formats[] = {"table", "csv", NULL};

static const cli_command roles_command = {
    .name = "roles",
    .usage = roles_usage,
    .flags = CLI_LOADS_INPUT,
    .n_positional = 1,
    .positional = "FILE",
    .formats = formats,
    .default_output = "-",
    .run = run,
};

int cmd_roles(int argc, char **argv)
{
    return cli_run_command(&roles_command, argc, argv);
}
