/* The map's subtitle: what is drawn, how big and coloured by what, and how it was laid out, so
 * that a figure read on its own says where it came from ("thom_russo.csv · 120 nodes, 340 edges
 * · size: strength · 9 communities (leiden, modularity 0.61) · layout fa2 · seed 42"). A map of
 * a query command (ego, path) gets the caller's subtitle and only what the library alone knows:
 * the components left out and the community pull. */
#include "collab/community.h"
#include "collab/report.h"
#include "collab/text.h"

#include <stdio.h>

#include "map_internal.h"

#define MIDDLE_DOT "\xc2\xb7"

/* The caller's subtitle, the components left out and the pull. */
static void query_subtitle(const collab_i_map_caption *c, char *out, size_t size)
{
    char not_drawn[96] = "";
    if (c->scope->active) {
        snprintf(not_drawn, sizeof not_drawn,
                 " " MIDDLE_DOT " not drawn: %zu smaller component%s, %zu node%s",
                 c->scope->components_left, c->scope->components_left == 1 ? "" : "s",
                 c->scope->nodes_left, c->scope->nodes_left == 1 ? "" : "s");
    }
    char pull[48] = "";
    if (c->community_pull > 1.0) {
        snprintf(pull, sizeof pull, " " MIDDLE_DOT " community pull %.3g", c->community_pull);
    }
    snprintf(out, size, "%s%s%s", c->extras_subtitle, not_drawn, pull);
}

/* What the colours mean. */
static void colour_text(const collab_i_map_caption *c, collab_map_color by, char *out, size_t size)
{
    const collab_partition *p = c->src->partition;
    if (by == COLLAB_MAP_COLOR_COMMUNITY) {
        char modularity[32];
        snprintf(out, size, "%zu communit%s (%s, modularity %s)", p->n_communities,
                 p->n_communities == 1 ? "y" : "ies", collab_community_method_name(c->src->method),
                 collab_report_stat(modularity, p->modularity, 3));
    } else if (by == COLLAB_MAP_COLOR_METRIC) {
        snprintf(out, size, "colour: %s", collab_metric_name(c->mo->color_metric));
    } else {
        snprintf(out, size, "colour: %s",
                 by == COLLAB_MAP_COLOR_ROLE   ? "main role"
                 : by == COLLAB_MAP_COLOR_YEAR ? "mean year of the credits (grey: undated)"
                                               : "none");
    }
}

/* What part of the graph is drawn, after the counts: the bubbles' share, the band under the
 * main part, or the components left out ("" when the whole graph is drawn as nodes). */
static void coverage_text(const collab_i_map_caption *c, char *out, size_t size)
{
    out[0] = '\0';
    if (c->by_community) {
        snprintf(out, size, "; the %zu largest communities drawn (%.0f%% of the nodes)",
                 c->n_bubbles, 100.0 * (double)c->bubble_coverage / (double)c->src->partition->n);
    }
    if (c->band->active && !c->by_community) {
        const collab_i_map_band *b = c->band;
        char isolated[64] = "";
        if (b->isolated > 0) {
            snprintf(isolated, sizeof isolated, "%s%zu isolated node%s",
                     b->components > 0 ? " and " : "", b->isolated, b->isolated == 1 ? "" : "s");
        }
        char parts[64] = "";
        if (b->components > 0) {
            snprintf(parts, sizeof parts, "%zu small component%s", b->components,
                     b->components == 1 ? "" : "s");
        }
        snprintf(out, size, "; below: %s%s (people named in the %zu largest only)", parts, isolated,
                 b->named);
    }
    if (c->scope->active) {
        snprintf(out, size, " (+ %zu smaller component%s, %zu node%s, not drawn)",
                 c->scope->components_left, c->scope->components_left == 1 ? "" : "s",
                 c->scope->nodes_left, c->scope->nodes_left == 1 ? "" : "s");
    }
}

/* A size or colour from an estimated metric says so, and how close the estimate is. */
static void estimate_text(const collab_i_map_caption *c, collab_map_color by, char *out,
                          size_t size)
{
    const collab_metrics *m = c->src->metrics;
    collab_metric shown[2] = {c->mo->size_by,
                              by == COLLAB_MAP_COLOR_METRIC ? c->mo->color_metric : c->mo->size_by};
    out[0] = '\0';
    for (int i = 0; i < 2 && !c->by_community; i++) {
        if (m->low[shown[i]] != NULL && out[0] == '\0') {
            snprintf(out, size,
                     shown[i] == COLLAB_METRIC_BETWEENNESS
                         ? " (estimated: normalised betweenness within %g, probability %g)"
                         : " (estimated within Hoeffding's bounds, probability %g)",
                     shown[i] == COLLAB_METRIC_BETWEENNESS ? m->approx_eps : 1.0 - m->approx_delta,
                     1.0 - m->approx_delta);
        }
    }
}

/* The nodes and edges drawn; after --component, --min-degree and the like, of the whole. */
static void count_text(const collab_graph *g, char *out, size_t size)
{
    size_t nodes = collab_graph_vertex_count(g), edges = collab_graph_edge_count(g);
    size_t n0 = g->stats.scope_nodes_before, m0 = g->stats.scope_edges_before;
    if (g->stats.scoped && n0 > 0) {
        snprintf(out, size, "%zu of %zu nodes (%.1f%%), %zu of %zu edges (%.1f%%)", nodes, n0,
                 100.0 * (double)nodes / (double)n0, edges, m0,
                 m0 > 0 ? 100.0 * (double)edges / (double)m0 : 100.0);
    } else {
        snprintf(out, size, "%zu nodes, %zu edges", nodes, edges);
    }
}

void collab_i_map_subtitle(const collab_i_map_caption *c, char *out, size_t size)
{
    if (c->extras_subtitle != NULL) {
        query_subtitle(c, out, size);
        return;
    }
    collab_map_color by = c->by_community ? COLLAB_MAP_COLOR_COMMUNITY : c->mo->color_by;
    char colour[160], coverage[256], estimated[160], counts[128];
    colour_text(c, by, colour, sizeof colour);
    coverage_text(c, coverage, sizeof coverage);
    estimate_text(c, by, estimated, sizeof estimated);
    char pull[48] = "";
    if (c->community_pull > 1.0) {
        snprintf(pull, sizeof pull, ", community pull %.3g", c->community_pull);
    }
    count_text(c->src->graph, counts, sizeof counts);
    snprintf(out, size,
             "%s " MIDDLE_DOT " %s%s " MIDDLE_DOT " size: %s%s " MIDDLE_DOT " %s " MIDDLE_DOT
             " layout %s%s " MIDDLE_DOT " seed %llu",
             collab_text_base_name(c->src->list->source), counts, coverage,
             c->by_community ? "members" : collab_metric_name(c->mo->size_by), estimated, colour,
             collab_layout_method_name(c->mo->layout), pull, (unsigned long long)c->mo->seed);
}
