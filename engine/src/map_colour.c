/* The colours and captions of a map: community captions named by their best-known members, and
 * for credits drawn as people the mean year and the main role of each person. Roles and years
 * come from the credit facts (credits.c), the one place that decides them, so the map's colours
 * agree with the reports and exports. */
#include "collab/alloc.h"
#include "collab/credits.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map_internal.h"

void collab_i_map_legend_free(collab_i_map_arrays *a)
{
    for (size_t i = 0; a->legend_text != NULL && i < a->n_legend; i++) {
        collab_free(a->legend_text[i]);
    }
    collab_free(a->legend_text);
    collab_free(a->legend);
    a->legend_text = NULL;
    a->legend = NULL;
    a->n_legend = 0;
}

void collab_i_map_arrays_free(collab_i_map_arrays *a)
{
    collab_free(a->from);
    collab_free(a->to);
    collab_free(a->weight);
    collab_free(a->names);
    collab_free(a->kind);
    collab_free(a->category);
    collab_free(a->value);
    collab_i_map_legend_free(a);
    memset(a, 0, sizeof *a);
}

/* Caption text "A, B, C" from up to three names. */
static char *join_names(const char *const *names, size_t count)
{
    size_t len = 1;
    for (size_t i = 0; i < count; i++) {
        len += strlen(names[i]) + 2;
    }
    char *text = collab_malloc(len);
    if (text == NULL) {
        return NULL;
    }
    text[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        if (i > 0) {
            strcat(text, ", ");
        }
        strcat(text, names[i]);
    }
    return text;
}

/* Each community's three members with the largest `size`, ties by lower id. */
static void top_members(const collab_partition *p, const double *size, uint32_t (*top)[3],
                        uint8_t *count)
{
    for (size_t v = 0; v < p->n; v++) {
        uint32_t c = p->membership[v];
        size_t pos = count[c];
        while (pos > 0 && size[top[c][pos - 1]] < size[v]) {
            if (pos < 3) {
                top[c][pos] = top[c][pos - 1];
            }
            pos--;
        }
        if (pos < 3) {
            top[c][pos] = (uint32_t)v;
            count[c] = count[c] < 3 ? (uint8_t)(count[c] + 1) : 3;
        }
    }
}

collab_status collab_i_map_community_legend(const collab_graph *g, const collab_partition *p,
                                            const double *size, collab_i_map_arrays *a,
                                            collab_error *err)
{
    size_t k = p->n_communities;
    uint32_t(*top)[3] = collab_alloc_array(k + 1, sizeof *top);
    uint8_t *count = collab_calloc_array(k + 1, 1);
    a->legend = collab_calloc_array(k + 1, sizeof *a->legend);
    a->legend_text = collab_calloc_array(k + 1, sizeof *a->legend_text);
    collab_status st = COLLAB_OK;
    if (top == NULL || count == NULL || a->legend == NULL || a->legend_text == NULL) {
        st = collab_error_nomem(err, "drawing the map");
    } else {
        top_members(p, size, top, count);
    }
    for (size_t c = 0; st == COLLAB_OK && c < k; c++) {
        const char *names[3];
        for (size_t i = 0; i < count[c]; i++) {
            names[i] = collab_graph_name(g, top[c][i]);
        }
        a->legend_text[c] = join_names(names, count[c]);
        if (a->legend_text[c] == NULL) {
            st = collab_error_nomem(err, "drawing the map");
            break;
        }
        a->legend[c] = (collab_legend_entry){(uint32_t)c, a->legend_text[c]};
        a->n_legend = c + 1;
    }
    collab_free(top);
    collab_free(count);
    return st;
}

/* The credit facts of a graph of people (credits drawn as people): the one place roles and
 * years are decided. `*facts` is set only on COLLAB_OK. */
static collab_status people_facts(const collab_graph *g, const collab_edgelist *list,
                                  collab_credit_facts *facts, collab_error *err)
{
    if (g->shape != COLLAB_SHAPE_CREDITS || g->view != COLLAB_VIEW_PEOPLE) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "--color-by year and role need credits drawn as people");
    }
    return collab_credit_facts_compute(facts, g, list, err);
}

collab_status collab_i_map_person_years(const collab_graph *g, const collab_edgelist *list,
                                        collab_i_map_arrays *a, collab_error *err)
{
    collab_credit_facts facts;
    collab_status st = people_facts(g, list, &facts, err);
    if (st != COLLAB_OK) {
        return st;
    }
    size_t n = collab_graph_vertex_count(g);
    a->value = collab_alloc_array(n + 1, sizeof *a->value);
    if (a->value == NULL) {
        st = collab_error_nomem(err, "drawing the map");
    } else {
        memcpy(a->value, facts.year_mean, n * sizeof *a->value);
    }
    collab_credit_facts_destroy(&facts);
    return st;
}

typedef struct role_rank {
    size_t credits; /* kept rows with the role */
    uint32_t role;  /* role id */
} role_rank;

static int compare_roles(const void *a, const void *b)
{
    const role_rank *x = a;
    const role_rank *y = b;
    if (x->credits != y->credits) {
        return x->credits > y->credits ? -1 : 1;
    }
    return (x->role > y->role) - (x->role < y->role);
}

/* Colour classes: roles by kept credits overall, most common first, ties by role id. */
static void rank_roles(const collab_graph *g, const collab_edgelist *list, role_rank *rank,
                       uint32_t *class_of)
{
    size_t n_roles = list->roles.count;
    for (size_t r = 0; r < n_roles; r++) {
        rank[r].role = (uint32_t)r;
    }
    for (size_t r = 0; r < list->n_rows; r++) {
        if (g->row_kept[r] && list->role[r] != COLLAB_NO_ID) {
            rank[list->role[r]].credits++;
        }
    }
    qsort(rank, n_roles, sizeof *rank, compare_roles);
    for (size_t c = 0; c < n_roles; c++) {
        class_of[rank[c].role] = (uint32_t)c;
    }
}

collab_status collab_i_map_person_roles(const collab_graph *g, const collab_edgelist *list,
                                        collab_i_map_arrays *a, collab_error *err)
{
    collab_credit_facts facts;
    collab_status st = people_facts(g, list, &facts, err);
    if (st != COLLAB_OK) {
        return st;
    }
    size_t n_roles = list->roles.count;
    size_t n = collab_graph_vertex_count(g);
    role_rank *rank = collab_calloc_array(n_roles + 1, sizeof *rank);
    uint32_t *class_of = collab_alloc_array(n_roles + 1, sizeof *class_of);
    a->category = collab_alloc_array(n + 1, sizeof *a->category);
    a->legend = collab_calloc_array(n_roles + 1, sizeof *a->legend);
    if (rank == NULL || class_of == NULL || a->category == NULL || a->legend == NULL) {
        st = collab_error_nomem(err, "drawing the map");
    } else {
        rank_roles(g, list, rank, class_of);
        for (size_t c = 0; c < n_roles; c++) {
            a->legend[c] =
                (collab_legend_entry){(uint32_t)c, collab_names_get(&list->roles, rank[c].role)};
        }
        a->n_legend = n_roles;
        for (size_t v = 0; v < n; v++) {
            uint32_t role = facts.main_role[v];
            a->category[v] = role == COLLAB_NO_ID ? COLLAB_NO_COMMUNITY : class_of[role];
        }
    }
    collab_free(rank);
    collab_free(class_of);
    collab_credit_facts_destroy(&facts);
    return st;
}

bool collab_map_color_parse(const char *text, collab_map_color *color, collab_metric *metric)
{
    static const struct {
        const char *name;
        collab_map_color color;
    } names[] = {{"community", COLLAB_MAP_COLOR_COMMUNITY},
                 {"none", COLLAB_MAP_COLOR_NONE},
                 {"year", COLLAB_MAP_COLOR_YEAR},
                 {"role", COLLAB_MAP_COLOR_ROLE}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(text, names[i].name) == 0) {
            *color = names[i].color;
            return true;
        }
    }
    if (collab_metric_parse(text, metric)) {
        *color = COLLAB_MAP_COLOR_METRIC;
        return true;
    }
    return false;
}
