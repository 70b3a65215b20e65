/* Usage texts with lists generated from the library's tables, so --help, the man pages built
 * from it, the completion and the error messages name exactly the metrics, layouts, community
 * methods and export formats the library has. A text names a list as {metrics}, {layouts},
 * {communities} or {exports}; {definitions} is every metric with its one-line definition. */
#include "collab/community.h"
#include "collab/export.h"
#include "collab/layout.h"
#include "collab/metrics.h"

#include <string.h>

#include "cli.h"

static const char *metric_at(int i)
{
    return i < COLLAB_METRIC_COUNT ? collab_metric_name((collab_metric)i) : NULL;
}

static const char *layout_at(int i)
{
    return collab_layout_method_name((collab_layout_method)i);
}

static const char *community_at(int i)
{
    return collab_community_method_name((collab_community_method)i);
}

static const char *export_at(int i)
{
    return collab_export_format_option_name(i);
}

typedef struct name_list {
    const char *key;             /* "{metrics}" */
    const char *(*name_at)(int); /* the i-th name, NULL past the end */
} name_list;

static const name_list lists[] = {
    {"{metrics}", metric_at},
    {"{layouts}", layout_at},
    {"{communities}", community_at},
    {"{exports}", export_at},
};

static const name_list *find_list(const char *key)
{
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (strcmp(lists[i].key, key) == 0) {
            return &lists[i];
        }
    }
    return NULL;
}

void cli_join_names(char *buf, size_t size, const char *key, const char *sep, const char *last)
{
    const name_list *list = find_list(key);
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; list != NULL && list->name_at(i) != NULL && used < size; i++) {
        const char *joint = i == 0 ? "" : list->name_at(i + 1) == NULL ? last : sep;
        int n = snprintf(buf + used, size - used, "%s%s", joint, list->name_at(i));
        used += n > 0 ? (size_t)n : 0;
    }
}

static void print_definitions(FILE *f)
{
    for (int k = 0; k < COLLAB_METRIC_COUNT; k++) {
        const collab_metric_info *m = collab_metric_info_of((collab_metric)k);
        fprintf(f, "  %-13s %s%s\n", m->name, m->definition,
                m->higher_is_more ? "" : " (lower ranks first)");
    }
}

void cli_print_usage(FILE *f, const char *text)
{
    for (const char *p = text; *p != '\0';) {
        const char *open = strchr(p, '{');
        const char *close = open != NULL ? strchr(open, '}') : NULL;
        if (open == NULL || close == NULL) {
            fputs(p, f);
            return;
        }
        fwrite(p, 1, (size_t)(open - p), f);
        char key[32];
        size_t len = (size_t)(close - open + 1);
        snprintf(key, sizeof key, "%.*s", (int)len, open);
        if (strcmp(key, "{definitions}") == 0) {
            print_definitions(f);
        } else if (find_list(key) != NULL) {
            char names[512];
            cli_join_names(names, sizeof names, key, "|", "|");
            fputs(names, f);
        } else {
            fwrite(open, 1, len, f);
        }
        p = close + 1;
    }
}
