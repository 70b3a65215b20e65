/* The map module (collab_map_build) and the graph contraction it draws at the community level,
 * checked on graphs small enough to work out by hand. */
#include "collab/alloc.h"
#include "collab/community.h"
#include "collab/map.h"
#include "collab/metrics.h"

#include <math.h>

#include "map_internal.h"
#include "test_support.h"

/* A graph, its rows, its metrics and communities: what a map needs. */
typedef struct fixture {
    collab_edgelist list;
    collab_graph g;
    collab_metrics m;
    collab_partition p;
} fixture;

static void fixture_build(fixture *f, const char *csv)
{
    memset(f, 0, sizeof *f);
    build_text(&f->g, &f->list, csv, COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    collab_error err = {0};
    collab_metrics_options mo;
    collab_metrics_options_init(&mo);
    assert_int_equal(collab_metrics_compute(&f->m, &f->g, &mo, &err), COLLAB_OK);
    collab_community_options co;
    collab_community_options_init(&co);
    assert_int_equal(collab_community_detect(&f->p, &f->g, &co, &err), COLLAB_OK);
}

static void fixture_destroy(fixture *f)
{
    collab_partition_destroy(&f->p);
    collab_metrics_destroy(&f->m);
    collab_graph_destroy(&f->g);
    collab_edgelist_destroy(&f->list);
}

static collab_status build_map(collab_map *map, const fixture *f, const collab_map_options *mo,
                               collab_error *err)
{
    collab_map_source src = {&f->g, &f->list, &f->m, &f->p, COLLAB_COMMUNITY_LEIDEN};
    return collab_map_build(map, &src, mo, NULL, err);
}

static uint32_t node_class(const collab_map *map, const char *name)
{
    for (size_t i = 0; i < map->scene.n_nodes; i++) {
        if (strcmp(map->scene.nodes[i].name, name) == 0) {
            return map->scene.nodes[i].community;
        }
    }
    fail_msg("no node named '%s'", name);
    return 0;
}

/* Al has one producer and one engineer credit (producer first); engineer is the commoner role
 * overall (4 credits to 1), so it is colour class 0 and producer class 1. The map must colour Al
 * as a producer, as credits.h's main_role (and every export) says: the role seen first wins a
 * tie, not the role more common overall. */
static void test_role_tie_follows_credit_facts(void **state)
{
    (void)state;
    fixture f;
    fixture_build(&f, "person,project,role\nAl,P1,producer\nAl,P2,engineer\nBo,P1,engineer\n"
                      "Cy,P2,engineer\nBo,P2,engineer\n");
    collab_map_options mo;
    collab_map_options_init(&mo);
    mo.color_by = COLLAB_MAP_COLOR_ROLE;
    mo.level = COLLAB_MAP_LEVEL_NODES;
    collab_map map;
    collab_error err = {0};
    assert_int_equal(build_map(&map, &f, &mo, &err), COLLAB_OK);
    assert_int_equal(node_class(&map, "Al"), 1); /* producer */
    assert_int_equal(node_class(&map, "Bo"), 0); /* engineer */
    assert_int_equal(node_class(&map, "Cy"), 0);
    assert_string_equal(map.notice, "");
    /* The legend is about roles, and each of the two roles has its own colour, however few
     * people hold it (communities of one would be grey). */
    assert_string_equal(map.scene.legend.headings[0].text, "Main role");
    size_t coloured = 0;
    for (size_t i = 0; i < map.scene.legend.n_items; i++) {
        coloured += map.scene.legend.items[i].kind == COLLAB_LEGEND_COMMUNITY;
        assert_int_not_equal(map.scene.legend.items[i].kind, COLLAB_LEGEND_OTHER);
    }
    assert_int_equal(coloured, 2);
    assert_non_null(strstr(map.scene.subtitle.text, "colour: main role"));
    collab_map_destroy(&map);
    fixture_destroy(&f);
}

/* Colouring by year: each person's value is the mean year of their dated credits. */
static void test_year_is_mean_credit_year(void **state)
{
    (void)state;
    fixture f;
    fixture_build(&f, "person,project,role,year\nAl,P1,a,1990\nAl,P2,a,2000\nBo,P1,a,1990\n"
                      "Bo,P2,a,\nCy,P2,a,2001\nDi,P1,a,\n");
    collab_i_map_arrays a;
    memset(&a, 0, sizeof a);
    collab_error err = {0};
    assert_int_equal(collab_i_map_person_years(&f.g, &f.list, &a, &err), COLLAB_OK);
    assert_float_equal(a.value[0], 1995, 1e-12); /* Al */
    assert_float_equal(a.value[1], 1990, 1e-12); /* Bo: the undated credit does not count */
    assert_float_equal(a.value[2], 2001, 1e-12); /* Cy */
    assert_true(isnan(a.value[3]));              /* Di: undated */
    collab_i_map_arrays_free(&a);
    fixture_destroy(&f);
}

/* Year and role colours need credits drawn as people. */
static void test_role_needs_people(void **state)
{
    (void)state;
    fixture f;
    fixture_build(&f, "source,target\nA,B\nB,C\n");
    collab_map_options mo;
    collab_map_options_init(&mo);
    mo.color_by = COLLAB_MAP_COLOR_ROLE;
    collab_map map;
    collab_error err = {0};
    assert_int_equal(build_map(&map, &f, &mo, &err), COLLAB_E_USAGE);
    assert_string_equal(err.message, "--color-by year and role need credits drawn as people");
    fixture_destroy(&f);
}

/* Two triangles joined by one edge, drawn as communities: two bubbles, one tie of weight 1,
 * bubble sizes = members. */
static void test_community_level(void **state)
{
    (void)state;
    fixture f;
    fixture_build(&f, "source,target\nA,B\nB,C\nA,C\nD,E\nE,F\nD,F\nC,D\n");
    assert_int_equal(f.p.n_communities, 2);
    collab_map_options mo;
    collab_map_options_init(&mo);
    mo.level = COLLAB_MAP_LEVEL_COMMUNITIES;
    collab_map map;
    collab_error err = {0};
    assert_int_equal(build_map(&map, &f, &mo, &err), COLLAB_OK);
    assert_true(map.by_community);
    assert_int_equal(map.n_drawn, 2);
    assert_int_equal(map.scene.n_nodes, 2);
    assert_string_equal(map.notice, ""); /* asked for: nothing to announce */
    collab_map_destroy(&map);
    fixture_destroy(&f);
}

/* Contraction by hand: groups {A,B} {C} {D}, E left out. Edges A-B (inside), A-C 2, B-C 3,
 * C-D 1, D-E 5 (touches a left-out vertex): group edges 0-1 weight 5 and 1-2 weight 1. Two
 * groups with one name: the second is numbered. */
static void test_contract(void **state)
{
    (void)state;
    collab_graph g = {0};
    collab_edgelist list = {0};
    build_text(&g, &list, "source,target,weight\nA,B,1\nA,C,2\nB,C,3\nC,D,1\nD,E,5\n",
               COLLAB_VIEW_DEFAULT, COLLAB_WEIGHT_COUNT);
    const uint32_t group[5] = {0, 0, 1, 2, UINT32_MAX};
    const char *const names[3] = {"AB", "C", "AB"};
    collab_graph c;
    collab_error err = {0};
    assert_int_equal(collab_graph_contract(&c, &g, group, 3, names, &err), COLLAB_OK);
    assert_int_equal(collab_graph_vertex_count(&c), 3);
    assert_int_equal(collab_graph_edge_count(&c), 2);
    assert_string_equal(collab_graph_name(&c, 0), "AB");
    assert_string_equal(collab_graph_name(&c, 2), "3. AB");
    assert_float_equal(collab_graph_edge_weight(&c, 0, 1), 5, 0);
    assert_float_equal(collab_graph_edge_weight(&c, 2, 1), 1, 0);
    assert_float_equal(collab_graph_edge_weight(&c, 0, 2), 0, 0);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    collab_graph_destroy(&c);
    collab_graph_destroy(&g);
    collab_edgelist_destroy(&list);
}

static void test_color_parse(void **state)
{
    (void)state;
    collab_map_color color;
    collab_metric metric;
    assert_true(collab_map_color_parse("role", &color, &metric));
    assert_int_equal(color, COLLAB_MAP_COLOR_ROLE);
    assert_true(collab_map_color_parse("pagerank", &color, &metric));
    assert_int_equal(color, COLLAB_MAP_COLOR_METRIC);
    assert_int_equal(metric, COLLAB_METRIC_PAGERANK);
    assert_false(collab_map_color_parse("colour", &color, &metric));
}

static const collab_scene_node *node_named(const collab_map *map, const char *name)
{
    for (size_t i = 0; i < map->scene.n_nodes; i++) {
        if (strcmp(map->scene.nodes[i].name, name) == 0) {
            return &map->scene.nodes[i];
        }
    }
    fail_msg("no node named '%s'", name);
    return NULL;
}

static void read_positions(collab_map_positions *p, const char *json, collab_status want,
                           collab_error *err)
{
    char path[64];
    write_temp(path, json, strlen(json));
    assert_int_equal(collab_map_positions_read(p, path, err), want);
    unlink(path);
}

/* --layout-from: a second map with another seed and colouring, given the first map's scene,
 * draws every node on the same point; nodes missing from the positions go next to their
 * neighbours; names there but not in the graph are ignored. */
static void test_layout_from(void **state)
{
    (void)state;
    fixture f;
    fixture_build(&f, "person,project\nA,P1\nB,P1\nB,P2\nC,P2\nC,P3\nD,P3\nB,P4\nE,P4\n"
                      "A,P5\nE,P5\n");
    collab_map_options mo;
    collab_map_options_init(&mo);
    mo.level = COLLAB_MAP_LEVEL_NODES;
    collab_map first;
    collab_error err = {0};
    assert_int_equal(build_map(&first, &f, &mo, &err), COLLAB_OK);
    char *json = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&json, &len);
    assert_int_equal(collab_scene_write_json(mem, &first.scene, &err), COLLAB_OK);
    fclose(mem);
    collab_map_positions pos;
    read_positions(&pos, json, COLLAB_OK, &err);
    free(json);
    assert_int_equal(pos.n, 5);
    mo.seed = 7;
    mo.color_by = COLLAB_MAP_COLOR_METRIC; /* a colour bar instead of the communities */
    mo.color_metric = COLLAB_METRIC_DEGREE;
    mo.layout_from = &pos;
    collab_map second;
    assert_int_equal(build_map(&second, &f, &mo, &err), COLLAB_OK);
    assert_int_equal(second.layout_matched, 5);
    for (size_t i = 0; i < first.scene.n_nodes; i++) {
        const collab_scene_node *a = &first.scene.nodes[i];
        const collab_scene_node *b = node_named(&second, a->name);
        assert_float_equal(a->x, b->x, 0.01); /* the JSON keeps 0.001 */
        assert_float_equal(a->y, b->y, 0.01);
    }
    collab_map_destroy(&second);
    collab_map_positions_destroy(&pos);
    /* E is missing, Zed is not in the graph: four matched, E placed between its neighbours A
     * and B (3% of the drawing's extent away from their midpoint), the others as given. */
    read_positions(&pos,
                   "{\"nodes\": [{\"name\": \"A\", \"x\": 0, \"y\": 0}, {\"name\": \"B\", "
                   "\"x\": 100, \"y\": 0}, {\"name\": \"C\", \"x\": 200, \"y\": 0}, "
                   "{\"name\": \"D\", \"x\": 300, \"y\": 0}, {\"name\": \"Zed\", \"x\": "
                   "900, \"y\": 900}, {\"name\": \"A\", \"x\": 5000, \"y\": 0}]}",
                   COLLAB_OK, &err);
    assert_int_equal(pos.n, 5); /* the second A is ignored */
    assert_int_equal(build_map(&second, &f, &mo, &err), COLLAB_OK);
    assert_int_equal(second.layout_matched, 4);
    const collab_scene_node *a = node_named(&second, "A");
    const collab_scene_node *b = node_named(&second, "B");
    const collab_scene_node *c = node_named(&second, "C");
    const collab_scene_node *d = node_named(&second, "D");
    const collab_scene_node *e = node_named(&second, "E");
    double unit = (d->x - a->x) / 300; /* page points per position unit */
    assert_true(unit > 0);
    assert_float_equal(b->x - a->x, 100 * unit, 1e-6);
    assert_float_equal(c->x - a->x, 200 * unit, 1e-6);
    assert_float_equal(b->y, a->y, 1e-6);
    double ex = e->x - (a->x + b->x) / 2;
    double ey = e->y - a->y;
    assert_float_equal(sqrt(ex * ex + ey * ey), 0.03 * 300 * unit, 1e-6);
    collab_map_destroy(&second);
    collab_map_positions_destroy(&pos);
    collab_map_destroy(&first);
    fixture_destroy(&f);
}

/* Scope with the query commands' extras: a warm-started map (slices) leaves out the small
 * component as `collab map` does and says so after its own subtitle; a map with an emphasised
 * person (ego) draws its whole graph. Graph: a 12-person chain of projects and a separate pair. */
static void test_scope_with_extras(void **state)
{
    (void)state;
    fixture f;
    char csv[1024] = "person,project\n";
    for (int i = 0; i < 11; i++) {
        char row[64];
        snprintf(row, sizeof row, "p%d,P%d\np%d,P%d\n", i, i, i + 1, i);
        strcat(csv, row);
    }
    strcat(csv, "x,Q\ny,Q\n");
    fixture_build(&f, csv);
    size_t n = collab_graph_vertex_count(&f.g);
    assert_int_equal(n, 14);
    double *ix = collab_alloc_array(n, sizeof *ix);
    double *iy = collab_alloc_array(n, sizeof *iy);
    for (size_t v = 0; v < n; v++) {
        ix[v] = (double)v;
        iy[v] = (double)(v % 3);
    }
    collab_map_options mo;
    collab_map_options_init(&mo);
    mo.level = COLLAB_MAP_LEVEL_NODES;
    mo.community_pull = 2.0;
    collab_map_extras warm = {.centre = -1, .initial_x = ix, .initial_y = iy, .subtitle = "slice"};
    collab_map_source src = {&f.g, &f.list, &f.m, &f.p, COLLAB_COMMUNITY_LEIDEN};
    collab_map map;
    collab_error err = {0};
    assert_int_equal(collab_map_build(&map, &src, &mo, &warm, &err), COLLAB_OK);
    assert_int_equal(map.components_left, 1);
    assert_int_equal(map.nodes_left, 2);
    assert_int_equal(map.scene.n_nodes, 12);
    assert_non_null(map.node_of_vertex);
    assert_int_equal(map.node_of_vertex[12], UINT32_MAX); /* x */
    /* then the community pull the layout used (asked here: the automatic one depends on the
     * chance modularity of a 12-node chain, which is no test of the subtitle) */
    assert_string_equal(map.scene.subtitle.text,
                        "slice \xc2\xb7 not drawn: 1 smaller component, 2 nodes \xc2\xb7 "
                        "community pull 2");
    collab_map_destroy(&map);
    uint8_t emphasis[14] = {1};
    collab_map_extras ego = {.centre = 0, .emphasis = emphasis, .subtitle = "ego"};
    assert_int_equal(collab_map_build(&map, &src, &mo, &ego, &err), COLLAB_OK);
    assert_int_equal(map.scene.n_nodes, 14);
    assert_int_equal(map.components_left, 0);
    assert_string_equal(map.scene.subtitle.text, "ego \xc2\xb7 community pull 2");
    collab_map_destroy(&map);
    collab_free(ix);
    collab_free(iy);
    fixture_destroy(&f);
}

/* Bad --layout-from files: not JSON (with line and column), JSON without positions. */
static void test_layout_from_errors(void **state)
{
    (void)state;
    collab_map_positions pos;
    collab_error err = {0};
    read_positions(&pos, "{\n  \"nodes\": [1,\n", COLLAB_E_INPUT, &err);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "not a scene JSON"));
    collab_error err2 = {0};
    read_positions(&pos, "{\"nodes\": 3}", COLLAB_E_INPUT, &err2);
    assert_non_null(strstr(err2.message, "has no \"nodes\" array"));
    collab_error err3 = {0};
    read_positions(&pos, "{\"nodes\": [{\"name\": \"A\", \"x\": 1}]}", COLLAB_E_INPUT, &err3);
    assert_non_null(strstr(err3.message, "holds no node with a name and a position"));
    collab_error err4 = {0};
    assert_int_equal(collab_map_positions_read(&pos, "/nonexistent/x.json", &err4), COLLAB_E_IO);
}

/* --components all: a ring of 12 people (M0..M11), 14 pairs (Pk and Qk share k projects, so
 * pair k has strength 2k) and 3 people alone on a project. The default scope keeps components
 * of max(3, min(10, ceil(12 / 10))) = 3 people and more: the ring; the pairs and the three go to
 * the band, under every ring node, and only the 10 strongest pairs (k = 5..14) may be labelled:
 * pairs 1..4 and the isolated people never are. The subtitle says what the band holds. */
/* A band holding one pair is not stretched across the plot: its edge is as long as the main
 * part's median edge (the ring's edges, all alike), not the band's width. */
static void test_band_pair_not_stretched(void **state)
{
    (void)state;
    char csv[2048];
    size_t len = (size_t)snprintf(csv, sizeof csv, "person,project,role\n");
    for (int i = 0; i < 12; i++) {
        len += (size_t)snprintf(csv + len, sizeof csv - len, "M%d,J%d,r\nM%d,J%d,r\n", i, i,
                                (i + 1) % 12, i);
    }
    len += (size_t)snprintf(csv + len, sizeof csv - len, "P1,X1,r\nQ1,X1,r\n");
    assert_true(len < sizeof csv);
    fixture f;
    fixture_build(&f, csv);
    collab_map_options mo;
    collab_map_options_init(&mo);
    mo.level = COLLAB_MAP_LEVEL_NODES;
    mo.all_components = true;
    mo.band = true;
    collab_map map;
    collab_error err = {0};
    assert_int_equal(build_map(&map, &f, &mo, &err), COLLAB_OK);
    double ring[12];
    char a[16], b[16];
    for (int i = 0; i < 12; i++) {
        snprintf(a, sizeof a, "M%d", i);
        snprintf(b, sizeof b, "M%d", (i + 1) % 12);
        const collab_scene_node *u = node_named(&map, a), *v = node_named(&map, b);
        ring[i] = hypot(u->x - v->x, u->y - v->y);
    }
    double lo = ring[0], hi = ring[0];
    for (int i = 1; i < 12; i++) {
        lo = fmin(lo, ring[i]);
        hi = fmax(hi, ring[i]);
    }
    const collab_scene_node *p = node_named(&map, "P1"), *q = node_named(&map, "Q1");
    double pair = hypot(p->x - q->x, p->y - q->y);
    print_message("ring edges %.1f-%.1f pt, the pair's %.1f pt, plot %.1f pt wide\n", lo, hi, pair,
                  map.scene.plot.w);
    assert_true(pair <= 1.001 * hi && pair >= 0.999 * lo);
    collab_map_destroy(&map);
    fixture_destroy(&f);
}

static void test_components_band(void **state)
{
    (void)state;
    char csv[8192];
    size_t len = (size_t)snprintf(csv, sizeof csv, "person,project,role\n");
    for (int i = 0; i < 12; i++) {
        len += (size_t)snprintf(csv + len, sizeof csv - len, "M%d,J%d,r\nM%d,J%d,r\n", i, i,
                                (i + 1) % 12, i);
    }
    for (int k = 1; k <= 14; k++) {
        for (int j = 0; j < k; j++) {
            len += (size_t)snprintf(csv + len, sizeof csv - len, "P%d,X%d_%d,r\nQ%d,X%d_%d,r\n", k,
                                    k, j, k, k, j);
        }
    }
    for (int i = 1; i <= 3; i++) {
        len += (size_t)snprintf(csv + len, sizeof csv - len, "S%d,Y%d,r\n", i, i);
    }
    assert_true(len < sizeof csv);
    fixture f;
    fixture_build(&f, csv);
    collab_map_options mo;
    collab_map_options_init(&mo);
    mo.level = COLLAB_MAP_LEVEL_NODES;
    mo.all_components = true;
    mo.band = true;
    mo.quality = true;
    collab_map map;
    collab_error err = {0};
    assert_int_equal(build_map(&map, &f, &mo, &err), COLLAB_OK);
    assert_int_equal(map.scene.n_nodes, 12 + 28 + 3);
    double ring_bottom = -INFINITY;
    char name[16];
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "M%d", i);
        const collab_scene_node *nd = node_named(&map, name);
        ring_bottom = fmax(ring_bottom, nd->y + nd->radius);
    }
    size_t labelled = 0;
    for (int k = 1; k <= 14; k++) {
        for (int side = 0; side < 2; side++) {
            snprintf(name, sizeof name, "%c%d", side ? 'Q' : 'P', k);
            const collab_scene_node *nd = node_named(&map, name);
            assert_true(nd->y - nd->radius > ring_bottom);
            if (k <= 4) {
                assert_int_equal(nd->label, -1);
            }
            labelled += nd->label >= 0;
        }
    }
    for (int i = 1; i <= 3; i++) {
        snprintf(name, sizeof name, "S%d", i);
        const collab_scene_node *nd = node_named(&map, name);
        assert_true(nd->y - nd->radius > ring_bottom);
        assert_int_equal(nd->label, -1);
    }
    assert_true(labelled > 0);
    assert_non_null(strstr(map.scene.subtitle.text, "; below: 14 small components and 3 isolated "
                                                    "nodes (people named in the 10 largest only)"));
    assert_int_equal(map.scene.quality.hidden_nodes, 0);
    /* no two discs overlap */
    for (size_t i = 0; i < map.scene.n_nodes; i++) {
        for (size_t j = 0; j < i; j++) {
            const collab_scene_node *a = &map.scene.nodes[i];
            const collab_scene_node *b = &map.scene.nodes[j];
            assert_true(hypot(a->x - b->x, a->y - b->y) >= a->radius + b->radius - 1e-9);
        }
    }
    collab_map_destroy(&map);
    fixture_destroy(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_tie_follows_credit_facts),
        cmocka_unit_test(test_year_is_mean_credit_year),
        cmocka_unit_test(test_role_needs_people),
        cmocka_unit_test(test_community_level),
        cmocka_unit_test(test_contract),
        cmocka_unit_test(test_color_parse),
        cmocka_unit_test(test_layout_from),
        cmocka_unit_test(test_layout_from_errors),
        cmocka_unit_test(test_scope_with_extras),
        cmocka_unit_test(test_components_band),
        cmocka_unit_test(test_band_pair_not_stretched),
    };
    return cmocka_run_group_tests(tests, setup_engine, NULL);
}
