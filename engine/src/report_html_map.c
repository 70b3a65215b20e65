/* The interactive map of the HTML report: the map's scene (the one the static SVG is painted
 * from) written as plain data for the page's own WebGL renderer (engine/assets/map.js).
 *
 * Everything the browser would have to compute in a way that could differ between browsers or
 * runs is computed here, deterministically: the zoom at which each label appears (VOSviewer's
 * rule: a label shows once it collides with no heavier label visible at that zoom, and stays
 * shown when zooming in further), the accent- and case-folded search key of each name, the
 * colour of each node. Positions and sizes are the scene's, in page units, quantised to tenths.
 *
 * The data is a JSON object inside <script type="application/json">, which the page never
 * executes; every string is escaped so that it cannot close that element (< > & become \u
 * escapes) and names reach the page only through textContent and canvas text. */
#include "collab/alloc.h"
#include "collab/credits.h"
#include "collab/report.h"
#include "collab/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "report_internal.h"

/* ---- JSON text ------------------------------------------------------------------------- */

/* Writes `s` as a JSON string that is also inert inside an HTML <script> element: < > & and
 * the line separators become \u escapes, control characters and invalid bytes U+FFFD. */
static void json_text(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) {
            fputs("\\ufffd", f);
            i++;
            continue;
        }
        if (c == '"' || c == '\\') {
            fputc('\\', f);
            fputc((int)c, f);
        } else if (c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            fprintf(f, "\\u%04x", (unsigned)c);
        } else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            fputs(c == '\t' || c == '\n' || c == '\r' ? " " : "\\ufffd", f);
        } else {
            fwrite(p + i, 1, (size_t)k, f);
        }
        i += (size_t)k;
    }
    fputc('"', f);
}

static void json_cstr(FILE *f, const char *s)
{
    json_text(f, s != NULL ? s : "", s != NULL ? strlen(s) : 0);
}

/* The search key of a name: decomposed, marks stripped, case-folded (as `collab ego` matches
 * names). utf8proc allocates with malloc; the key is freed right after it is written. */
static void json_search_key(FILE *f, const char *name)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)name, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                         UTF8PROC_CASEFOLD | UTF8PROC_STRIPCC);
    if (n < 0) {
        json_cstr(f, name);
    } else {
        json_text(f, (const char *)out, (size_t)n);
    }
    free(out);
}

/* An integer array of `n` values. */
static void json_ints(FILE *f, const char *key, const long *v, size_t n)
{
    fprintf(f, ",\n\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, i > 0 ? ",%ld" : "%ld", v[i]);
    }
    fputc(']', f);
}

static void json_number(FILE *f, double x)
{
    if (isfinite(x)) {
        fprintf(f, "%.4g", x);
    } else {
        fputs("null", f);
    }
}

/* ---- the page's data ------------------------------------------------------------------- */

static long tenths(double x)
{
    return lround(x * 10.0);
}

/* Estimated label box in pixels at font size `font`: the page's canvas shrinks a label's font
 * until the drawn text fits the box, so the estimate bounds what is drawn. */
static void label_box(const char *name, double font, collab_i_label_box *b)
{
    size_t width = collab_text_display_width(name, strlen(name));
    if (width > COLLAB_LABEL_MAX_CHARS) {
        width = COLLAB_LABEL_MAX_CHARS;
    }
    b->half_w = (0.6 * font * (double)width + 4.0) / 2.0;
    b->half_h = (1.3 * font) / 2.0;
}

typedef struct map_data {
    size_t n;                  /* scene nodes */
    const collab_scene *scene; /* the scene */
    uint32_t *vertex;          /* per node: its vertex in the report's graph */
    long *ints;                /* scratch, n (or n_edges) longs */
    uint32_t *order;           /* nodes, heaviest first */
    collab_i_label_box *boxes; /* per rank */
    double *threshold;         /* per rank */
    uint32_t *palette;         /* distinct fills, in order of first use */
    size_t n_palette;
} map_data;

static int by_weight(const void *a, const void *b, void *ctx)
{
    const collab_scene *s = ctx;
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    double wi = s->nodes[i].weight, wj = s->nodes[j].weight;
    if (wi != wj) {
        return wi > wj ? -1 : 1;
    }
    return i < j ? -1 : i > j;
}

static uint32_t rgb_of(collab_rgba c)
{
    long r = lround(fmin(fmax(c.r, 0), 1) * 255);
    long g = lround(fmin(fmax(c.g, 0), 1) * 255);
    long b = lround(fmin(fmax(c.b, 0), 1) * 255);
    return (uint32_t)(r << 16 | g << 8 | b);
}

static void map_data_free(map_data *d)
{
    collab_free(d->vertex);
    collab_free(d->ints);
    collab_free(d->order);
    collab_free(d->boxes);
    collab_free(d->threshold);
    collab_free(d->palette);
    memset(d, 0, sizeof *d);
}

/* Ranks the labelled nodes and computes their thresholds. */
static collab_status plan_labels(map_data *d, collab_error *err)
{
    const collab_scene *s = d->scene;
    size_t n = d->n;
    for (size_t i = 0; i < n; i++) {
        d->order[i] = (uint32_t)i;
    }
    /* Insertion-stable merge sort would do; qsort with a total order is deterministic. */
    for (size_t w = 1; w < n; w <<= 1) {
        /* bottom-up merge sort (qsort_r is not portable) */
        uint32_t *tmp = (uint32_t *)d->ints; /* n longs >= n uint32 */
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n;
            size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t a = lo, b = mid, o = lo;
            while (a < mid && b < hi) {
                tmp[o++] = by_weight(&d->order[b], &d->order[a], (void *)s) < 0 ? d->order[b++]
                                                                                : d->order[a++];
            }
            while (a < mid) {
                tmp[o++] = d->order[a++];
            }
            while (b < hi) {
                tmp[o++] = d->order[b++];
            }
        }
        memcpy(d->order, tmp, n * sizeof *d->order);
    }
    for (size_t r = 0; r < n; r++) {
        const collab_scene_node *node = &s->nodes[d->order[r]];
        /* The positions the page has: quantised as written. */
        d->boxes[r].x = (double)tenths(node->x) / 10.0;
        d->boxes[r].y = (double)tenths(node->y) / 10.0;
        label_box(node->name != NULL ? node->name : "", collab_i_html_map_font(node->label_font),
                  &d->boxes[r]);
        if (node->name == NULL || node->name[0] == '\0') {
            d->boxes[r].half_w = 0;
            d->boxes[r].half_h = 0;
        }
    }
    return collab_i_label_thresholds(d->boxes, n, COLLAB_I_MAP_ZOOM_MIN, COLLAB_I_MAP_ZOOM_MAX,
                                     d->threshold, err);
}

double collab_i_html_map_font(double label_font)
{
    double f = label_font;
    return f < 10 ? 10 : f > 22 ? 22 : f;
}

static collab_status prepare(map_data *d, const collab_report_input *in,
                             const collab_html_extras *x, collab_error *err)
{
    const collab_scene *s = x->scene;
    d->scene = s;
    d->n = s->n_nodes;
    size_t n = d->n;
    size_t big = n > s->n_edges ? n : s->n_edges;
    d->vertex = collab_alloc_array(n + 1, sizeof *d->vertex);
    d->ints = collab_alloc_array(big + 1, sizeof *d->ints);
    d->order = collab_alloc_array(n + 1, sizeof *d->order);
    d->boxes = collab_alloc_array(n + 1, sizeof *d->boxes);
    d->threshold = collab_alloc_array(n + 1, sizeof *d->threshold);
    d->palette = collab_alloc_array(n + 1, sizeof *d->palette);
    if (d->vertex == NULL || d->ints == NULL || d->order == NULL || d->boxes == NULL ||
        d->threshold == NULL || d->palette == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory writing the interactive map");
    }
    size_t n_vertices = in->graph != NULL ? collab_graph_vertex_count(in->graph) : 0;
    for (size_t i = 0; i < n; i++) {
        d->vertex[i] = i < n_vertices ? (uint32_t)i : UINT32_MAX;
    }
    if (x->node_of_vertex != NULL) {
        for (size_t i = 0; i < n; i++) {
            d->vertex[i] = UINT32_MAX;
        }
        for (size_t v = 0; v < x->n_vertices && v < n_vertices; v++) {
            uint32_t node = x->node_of_vertex[v];
            if (node < n) {
                d->vertex[node] = (uint32_t)v;
            }
        }
    }
    return plan_labels(d, err);
}

static void write_positions(FILE *f, map_data *d)
{
    const collab_scene *s = d->scene;
    for (size_t i = 0; i < d->n; i++) {
        d->ints[i] = tenths(s->nodes[i].x);
    }
    json_ints(f, "x", d->ints, d->n);
    for (size_t i = 0; i < d->n; i++) {
        d->ints[i] = tenths(s->nodes[i].y);
    }
    json_ints(f, "y", d->ints, d->n);
    for (size_t i = 0; i < d->n; i++) {
        d->ints[i] = tenths(s->nodes[i].radius);
    }
    json_ints(f, "r", d->ints, d->n);
    for (size_t i = 0; i < d->n; i++) {
        uint32_t c = rgb_of(s->nodes[i].fill);
        size_t k = 0;
        while (k < d->n_palette && d->palette[k] != c) {
            k++;
        }
        if (k == d->n_palette) {
            d->palette[d->n_palette++] = c;
        }
        d->ints[i] = (long)k;
    }
    json_ints(f, "fill", d->ints, d->n);
    fputs(",\n\"palette\":[", f);
    for (size_t k = 0; k < d->n_palette; k++) {
        fprintf(f, k > 0 ? ",\"#%06x\"" : "\"#%06x\"", (unsigned)d->palette[k]);
    }
    fputc(']', f);
    for (size_t i = 0; i < d->n; i++) {
        uint32_t c = s->nodes[i].community;
        d->ints[i] = c == COLLAB_NO_COMMUNITY ? -1 : (long)c;
    }
    json_ints(f, "community", d->ints, d->n);
    /* Thresholds by node, in thousandths; -1 = never labelled. */
    for (size_t r = 0; r < d->n; r++) {
        double t = d->threshold[r];
        bool named = d->boxes[r].half_w > 0;
        d->ints[d->order[r]] = named && isfinite(t) ? lround(t * 1000.0) : -1;
    }
    json_ints(f, "label_zoom", d->ints, d->n);
    for (size_t r = 0; r < d->n; r++) {
        d->ints[d->order[r]] = lround(d->boxes[r].half_w * 20.0);
    }
    json_ints(f, "label_w", d->ints, d->n);
    for (size_t i = 0; i < d->n; i++) {
        d->ints[i] = tenths(collab_i_html_map_font(s->nodes[i].label_font));
    }
    json_ints(f, "label_font", d->ints, d->n);
}

static void write_names(FILE *f, const map_data *d)
{
    fputs(",\n\"names\":[", f);
    for (size_t i = 0; i < d->n; i++) {
        fputs(i > 0 ? "," : "", f);
        json_cstr(f, d->scene->nodes[i].name);
    }
    fputs("],\n\"keys\":[", f);
    for (size_t i = 0; i < d->n; i++) {
        fputs(i > 0 ? "," : "", f);
        json_search_key(f, d->scene->nodes[i].name != NULL ? d->scene->nodes[i].name : "");
    }
    fputc(']', f);
}

static void write_metrics(FILE *f, const collab_report_input *in, const map_data *d,
                          const collab_credit_facts *facts)
{
    const collab_metrics *m = in->metrics;
    fputs(",\n\"metrics\":[", f);
    bool first = true;
    for (int k = 0; m != NULL && k < COLLAB_METRIC_COUNT; k++) {
        if (m->values[k] == NULL) {
            continue;
        }
        fprintf(f, "%s\n{\"name\":\"%s\",\"higher\":%s,\"v\":[", first ? "" : ",",
                collab_metric_name((collab_metric)k),
                collab_metric_higher_is_more((collab_metric)k) ? "true" : "false");
        first = false;
        for (size_t i = 0; i < d->n; i++) {
            fputs(i > 0 ? "," : "", f);
            uint32_t v = d->vertex[i];
            json_number(f, v < m->n ? m->values[k][v] : NAN);
        }
        fputs("]}", f);
    }
    fputc(']', f);
    if (facts == NULL) {
        return;
    }
    if (facts->any_year) {
        fputs(",\n\"year\":[", f);
        for (size_t i = 0; i < d->n; i++) {
            fputs(i > 0 ? "," : "", f);
            uint32_t v = d->vertex[i];
            json_number(f, v < facts->n ? facts->year_mean[v] : NAN);
        }
        fputc(']', f);
    }
    if (facts->any_role) {
        fputs(",\n\"role_names\":[", f);
        for (size_t r = 0; r < in->list->roles.count; r++) {
            fputs(r > 0 ? "," : "", f);
            json_cstr(f, collab_names_get(&in->list->roles, (uint32_t)r));
        }
        fputc(']', f);
        for (size_t i = 0; i < d->n; i++) {
            uint32_t v = d->vertex[i];
            uint32_t role = v < facts->n ? facts->main_role[v] : COLLAB_NO_ID;
            d->ints[i] = role == COLLAB_NO_ID ? -1 : (long)role;
        }
        json_ints(f, "role", d->ints, d->n);
        fputs(",\n\"roles\":[", f);
        for (size_t i = 0; i < d->n; i++) {
            fputs(i > 0 ? "," : "", f);
            uint32_t v = d->vertex[i];
            json_cstr(f, v < facts->n ? collab_credit_facts_roles(facts, v) : "");
        }
        fputc(']', f);
    }
}

/* For credits drawn as people: each node's credits on projects that at least one other drawn
 * node is credited on (only those can be shared), as project, role and year, grouped by node
 * (credit_first: n + 1 offsets), and the names of those projects. The side panel lists the
 * projects a person shares with each neighbour from them. */
static collab_status write_credits(FILE *f, const collab_report_input *in, const map_data *d,
                                   collab_error *err)
{
    const collab_graph *g = in->graph;
    const collab_edgelist *list = in->list;
    if (g == NULL || list == NULL || g->shape != COLLAB_SHAPE_CREDITS ||
        g->view != COLLAB_VIEW_PEOPLE || g->origin == NULL || list->a == NULL || list->b == NULL) {
        return COLLAB_OK;
    }
    size_t n_people = list->names_a.count, n_projects = list->names_b.count;
    size_t n_vertices = collab_graph_vertex_count(g);
    uint32_t *node_of_person = collab_alloc_array(n_people + 1, sizeof *node_of_person);
    uint32_t *per_project = collab_calloc_array(n_projects + 1, sizeof *per_project);
    uint32_t *project_index = collab_alloc_array(n_projects + 1, sizeof *project_index);
    size_t *first = collab_calloc_array(d->n + 2, sizeof *first);
    uint32_t *rows = collab_alloc_array(list->n_rows + 1, sizeof *rows);
    collab_status st = COLLAB_OK;
    if (node_of_person == NULL || per_project == NULL || project_index == NULL || first == NULL ||
        rows == NULL) {
        st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory writing the map's credits");
        goto cleanup;
    }
    memset(node_of_person, 0xff, (n_people + 1) * sizeof *node_of_person);
    memset(project_index, 0xff, (n_projects + 1) * sizeof *project_index);
    for (size_t i = 0; i < d->n; i++) {
        uint32_t v = d->vertex[i];
        if (v < n_vertices && g->origin[v] < n_people) {
            node_of_person[g->origin[v]] = (uint32_t)i;
        }
    }
    /* Credits of drawn people per project; a project with one is shared by no one. */
    for (size_t r = 0; r < list->n_rows; r++) {
        bool kept = g->row_kept == NULL || g->row_kept[r];
        if (kept && list->a[r] < n_people && node_of_person[list->a[r]] != UINT32_MAX &&
            list->b[r] < n_projects) {
            per_project[list->b[r]]++;
        }
    }
    /* Counting sort of the useful rows by node, file order within a node. */
    for (size_t r = 0; r < list->n_rows; r++) {
        bool kept = g->row_kept == NULL || g->row_kept[r];
        if (kept && list->a[r] < n_people && node_of_person[list->a[r]] != UINT32_MAX &&
            list->b[r] < n_projects && per_project[list->b[r]] >= 2) {
            first[node_of_person[list->a[r]] + 1]++;
        }
    }
    for (size_t i = 0; i < d->n; i++) {
        first[i + 1] += first[i];
    }
    size_t n_credits = first[d->n];
    for (size_t r = 0; r < list->n_rows; r++) {
        bool kept = g->row_kept == NULL || g->row_kept[r];
        if (kept && list->a[r] < n_people && node_of_person[list->a[r]] != UINT32_MAX &&
            list->b[r] < n_projects && per_project[list->b[r]] >= 2) {
            rows[first[node_of_person[list->a[r]]]++] = (uint32_t)r;
        }
    }
    for (size_t i = d->n; i > 0; i--) {
        first[i] = first[i - 1];
    }
    first[0] = 0;
    fputs(",\n\"credit_first\":[", f);
    for (size_t i = 0; i <= d->n; i++) {
        fprintf(f, i > 0 ? ",%zu" : "%zu", first[i]);
    }
    size_t n_used = 0;
    fputs("],\n\"credit_project\":[", f);
    for (size_t k = 0; k < n_credits; k++) {
        uint32_t p = list->b[rows[k]];
        if (project_index[p] == UINT32_MAX) {
            project_index[p] = (uint32_t)n_used++;
        }
        fprintf(f, k > 0 ? ",%u" : "%u", project_index[p]);
    }
    fputs("],\n\"credit_role\":[", f);
    for (size_t k = 0; k < n_credits; k++) {
        uint32_t role = list->role != NULL ? list->role[rows[k]] : COLLAB_NO_ID;
        fprintf(f, k > 0 ? ",%ld" : "%ld", role == COLLAB_NO_ID ? -1L : (long)role);
    }
    fputs("],\n\"credit_year\":[", f);
    for (size_t k = 0; k < n_credits; k++) {
        fprintf(f, k > 0 ? ",%d" : "%d", list->year != NULL ? list->year[rows[k]] : 0);
    }
    fputs("],\n\"projects\":[", f);
    /* Names in index order: walk the credits again, writing each project when first met. */
    uint32_t written = 0;
    for (size_t k = 0; k < n_credits; k++) {
        uint32_t p = list->b[rows[k]];
        if (project_index[p] == written) {
            fputs(written > 0 ? "," : "", f);
            json_cstr(f, collab_names_get(&list->names_b, p));
            written++;
        }
    }
    fputc(']', f);
cleanup:
    collab_free(node_of_person);
    collab_free(per_project);
    collab_free(project_index);
    collab_free(first);
    collab_free(rows);
    return st;
}

/* Edges in the scene's paint order (weakest first); the strongest `budget` of them. */
static void write_edges(FILE *f, size_t total, map_data *d, size_t budget)
{
    const collab_scene *s = d->scene;
    size_t first = s->n_edges > budget ? s->n_edges - budget : 0;
    size_t m = s->n_edges - first;
    fprintf(f, ",\n\"edges_drawn\":%zu,\n\"edges_total\":%zu", m,
            total > s->n_edges ? total : s->n_edges);
    fputs(",\n\"edges\":[", f);
    for (size_t e = first; e < s->n_edges; e++) {
        fprintf(f, e > first ? ",%u,%u" : "%u,%u", s->edges[e].from, s->edges[e].to);
    }
    fputc(']', f);
    for (size_t e = first; e < s->n_edges; e++) {
        d->ints[e - first] = lround(fmin(fmax(s->edges[e].color.a, 0.0), 1.0) * 255.0);
    }
    json_ints(f, "edge_alpha", d->ints, m);
    fputs(",\n\"edge_weight\":[", f);
    for (size_t e = first; e < s->n_edges; e++) {
        fputs(e > first ? "," : "", f);
        json_number(f, s->edges[e].weight);
    }
    fputc(']', f);
}

static void write_legend(FILE *f, const collab_scene *s)
{
    fputs(",\n\"legend\":[", f);
    bool first = true;
    for (size_t i = 0; i < s->legend.n_items; i++) {
        const collab_legend_item *it = &s->legend.items[i];
        if (it->kind != COLLAB_LEGEND_COMMUNITY && it->kind != COLLAB_LEGEND_OTHER) {
            continue;
        }
        char hex[8];
        collab_rgba_hex(it->marker.fill, hex);
        fprintf(f, "%s{\"community\":", first ? "" : ",");
        if (it->kind == COLLAB_LEGEND_COMMUNITY) {
            fprintf(f, "%u", it->community);
        } else {
            fputs("-1", f);
        }
        fprintf(f, ",\"color\":\"%s\",\"text\":", hex);
        json_cstr(f, it->caption.text);
        fputc('}', f);
        first = false;
    }
    fputc(']', f);
}

collab_status collab_i_html_map_write(FILE *f, const collab_report_input *in,
                                      const collab_html_extras *x, const collab_credit_facts *facts,
                                      collab_error *err)
{
    map_data d = {0};
    collab_status st = prepare(&d, in, x, err);
    if (st != COLLAB_OK) {
        map_data_free(&d);
        return st;
    }
    const collab_scene *s = x->scene;
    size_t budget = x->edge_budget > 0 ? x->edge_budget : COLLAB_HTML_EDGE_BUDGET;
    char bg[8];
    collab_rgba_hex(s->background, bg);
    fputs("<script type=\"application/json\" id=\"imap-data\">{\"version\":1", f);
    fprintf(f, ",\n\"width\":%ld,\"height\":%ld,\"background\":\"%s\",\"n\":%zu", tenths(s->width),
            tenths(s->height), bg, d.n);
    fprintf(f, ",\n\"plot\":[%ld,%ld,%ld,%ld]", tenths(s->plot.x), tenths(s->plot.y),
            tenths(s->plot.w), tenths(s->plot.h));
    fprintf(f, ",\n\"zoom_min\":%g,\"zoom_max\":%g", COLLAB_I_MAP_ZOOM_MIN, COLLAB_I_MAP_ZOOM_MAX);
    write_positions(f, &d);
    write_names(f, &d);
    write_metrics(f, in, &d, facts);
    st = write_credits(f, in, &d, err);
    if (st != COLLAB_OK) {
        fputs("}</script>\n", f);
        map_data_free(&d);
        return st;
    }
    write_edges(f, in->graph != NULL ? collab_graph_edge_count(in->graph) : 0, &d, budget);
    write_legend(f, s);
    fputs("}</script>\n", f);
    map_data_free(&d);
    return COLLAB_OK;
}
