/* collab map: a readable, publishable map of the network as PNG, SVG or PDF.
 *
 * Load, compute the metrics the map needs and the communities, lay out (ForceAtlas2 LinLog by
 * default), build the scene (sizes, colours, labels that never overlap, legend) and render it.
 * Graphs too large to label meaningfully are drawn at the community level: one bubble per
 * community, linked by the weight between communities, labelled by its best-known members. */
#include "collab/alloc.h"
#include "collab/layout.h"
#include "collab/render.h"
#include "collab/scene.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "map_internal.h"

static const char *const map_usage =
    "usage: collab map [options] FILE -o OUT.png|OUT.svg|OUT.pdf\n\n"
    "Draws FILE's network: communities coloured and pulled apart (ForceAtlas2 in LinLog mode),\n"
    "nodes sized by a metric, the most important names labelled where they overlap nothing,\n"
    "a legend naming each community by its best-known members, a title and a subtitle.\n\n"
    "Options:\n"
    "  -o, --output FILE            the map; the format comes from the extension\n"
    "      --format png|svg|pdf     the format, whatever the extension\n"
    "      --width W, --height H    page size in points (default 1200 x 900)\n"
    "      --dpi N                  PNG resolution (default 144: 2400 x 1800 pixels)\n"
    "      --title TEXT             title (default: the file name)\n"
    "      --theme light|dark       colours (default light)\n"
    "      --size-by METRIC         node size (default strength; any report metric)\n"
    "      --color-by community|year|role|METRIC|none   node colour (default community)\n"
    "      --labels N|auto          how many names to write (default auto: all that fit)\n"
    "      --label-chars N          cut longer names with an ellipsis (default 30)\n"
    "      --edges all|top:K        edges drawn (default top:5000, the strongest)\n"
    "      --curved                 curved edges\n"
    "      --layout {layouts}   layout (default fa2)\n"
    "      --community-pull auto|P  nodes level, fa2: edges inside a community pull P times\n"
    "                               as hard, so communities show as regions (default auto:\n"
    "                               until 90% of the pull is inside communities; 1 = off)\n"
    "      --level nodes|communities|auto  draw people, or one bubble per community (default\n"
    "                               auto: communities above 20000 nodes)\n"
    "      --components main|all    nodes level: main (default) draws the largest component\n"
    "                               and those of at least max(3, min(10, a tenth of the\n"
    "                               largest)) nodes, counting the rest in the subtitle; all\n"
    "                               draws every component and isolated node: the small\n"
    "                               ones packed in a band at the bottom, their people named\n"
    "                               in the 10 largest of them only\n"
    "      --scene FILE.json        also write what was drawn as JSON (positions, radii, colours,\n"
    "                               labels and their boxes)\n"
    "      --quality                print how readable and faithful the map is (labels placed,\n"
    "                               label overlaps, labels over nodes, nodes more than half\n"
    "                               under a disc as large, specks sharing a spot, neighbourhood\n"
    "                               preservation, community separation, stress)\n"
    "                               and add them to the --scene JSON under 'quality'\n"
    "      --layout-from SCENE.json nodes level: put the nodes where an earlier map's --scene\n"
    "                               JSON has them (matched by name), so two figures pair up;\n"
    "                               nodes not there go next to their neighbours\n"
    "  -h, --help                   show this help\n";

enum {
    OPT_WIDTH = 1,
    OPT_HEIGHT,
    OPT_DPI,
    OPT_TITLE,
    OPT_THEME,
    OPT_SIZE_BY,
    OPT_COLOR_BY,
    OPT_LABELS,
    OPT_EDGES,
    OPT_CURVED,
    OPT_LAYOUT,
    OPT_LEVEL,
    OPT_SCENE,
    OPT_LABEL_CHARS,
    OPT_COMPONENTS,
    OPT_QUALITY,
    OPT_LAYOUT_FROM,
    OPT_COMMUNITY_PULL
};

static bool parse_positive(const char *arg, double max, double *out)
{
    return cli_parse_double(arg, out) && *out > 0 && *out <= max;
}

static bool parse_edges(const char *arg, size_t *max_edges)
{
    if (strcmp(arg, "all") == 0) {
        *max_edges = 0;
        return true;
    }
    return strncmp(arg, "top:", 4) == 0 && cli_parse_size(arg + 4, max_edges) && *max_edges > 0;
}

static void usage_value(collab_error *err, const char *option, const char *expected,
                        const char *arg)
{
    collab_error_set(err, COLLAB_E_USAGE, "--%s needs %s, not '%s'", option, expected, arg);
}

static bool map_option(cli_map_options *mo, int opt, const char *arg, collab_error *err)
{
    switch (opt) {
    case OPT_WIDTH:
        if (!parse_positive(arg, 20000, &mo->map.width) || mo->map.width < 100) {
            usage_value(err, "width", "a page width from 100 to 20000 points", arg);
        }
        return true;
    case OPT_HEIGHT:
        if (!parse_positive(arg, 20000, &mo->map.height) || mo->map.height < 100) {
            usage_value(err, "height", "a page height from 100 to 20000 points", arg);
        }
        return true;
    case OPT_DPI:
        if (!parse_positive(arg, 1200, &mo->dpi) || mo->dpi < 36) {
            usage_value(err, "dpi", "a resolution from 36 to 1200", arg);
        }
        return true;
    case OPT_TITLE:
        mo->map.title = arg;
        return true;
    case OPT_THEME:
        if (strcmp(arg, "light") != 0 && strcmp(arg, "dark") != 0) {
            usage_value(err, "theme", "light or dark", arg);
        }
        mo->map.theme = strcmp(arg, "dark") == 0 ? COLLAB_THEME_DARK : COLLAB_THEME_LIGHT;
        return true;
    case OPT_SIZE_BY:
        if (!collab_metric_parse(arg, &mo->map.size_by)) {
            usage_value(err, "size-by", "a metric (degree, strength, pagerank...)", arg);
        }
        return true;
    case OPT_COLOR_BY:
        if (!collab_map_color_parse(arg, &mo->map.color_by, &mo->map.color_metric)) {
            usage_value(err, "color-by", "community, year, role, none or a metric", arg);
        }
        return true;
    case OPT_LABELS:
        if (strcmp(arg, "auto") == 0) {
            mo->map.labels = COLLAB_LABELS_AUTO;
        } else {
            size_t n;
            if (!cli_parse_size(arg, &n) || n > 1000000) {
                usage_value(err, "labels", "a number of labels or auto", arg);
            }
            mo->map.labels = (long)n;
        }
        return true;
    case OPT_EDGES:
        if (!parse_edges(arg, &mo->map.max_edges)) {
            usage_value(err, "edges", "all or top:K", arg);
        }
        return true;
    case OPT_CURVED:
        mo->map.curved = true;
        return true;
    case OPT_LAYOUT:
        if (!collab_layout_method_parse(arg, &mo->map.layout)) {
            char names[128];
            cli_join_names(names, sizeof names, "{layouts}", ", ", " or ");
            usage_value(err, "layout", names, arg);
        }
        return true;
    case OPT_LEVEL:
        if (strcmp(arg, "nodes") == 0) {
            mo->map.level = COLLAB_MAP_LEVEL_NODES;
        } else if (strcmp(arg, "communities") == 0) {
            mo->map.level = COLLAB_MAP_LEVEL_COMMUNITIES;
        } else if (strcmp(arg, "auto") == 0) {
            mo->map.level = COLLAB_MAP_LEVEL_AUTO;
        } else {
            usage_value(err, "level", "nodes, communities or auto", arg);
        }
        return true;
    case OPT_SCENE:
        mo->scene_path = arg;
        return true;
    case OPT_LAYOUT_FROM:
        mo->layout_from = arg;
        return true;
    case OPT_COMMUNITY_PULL:
        if (strcmp(arg, "auto") == 0) {
            mo->map.community_pull = 0.0;
        } else if (!cli_parse_double(arg, &mo->map.community_pull) ||
                   !(mo->map.community_pull >= 1.0 && mo->map.community_pull <= 1000.0)) {
            usage_value(err, "community-pull", "auto or a number from 1 to 1000", arg);
        }
        return true;
    case OPT_COMPONENTS:
        if (strcmp(arg, "main") == 0 || strcmp(arg, "all") == 0) {
            mo->map.all_components = strcmp(arg, "all") == 0;
            mo->map.band = mo->map.all_components;
        } else {
            usage_value(err, "components", "main or all", arg);
        }
        return true;
    case OPT_QUALITY:
        mo->map.quality = true;
        return true;
    case OPT_LABEL_CHARS:
        if (!cli_parse_size(arg, &mo->map.label_chars) || mo->map.label_chars < 2 ||
            mo->map.label_chars > 1000) {
            usage_value(err, "label-chars", "a length from 2 to 1000", arg);
        }
        return true;
    default:
        return false;
    }
}

static bool map_option_ctx(void *ctx, int opt, const char *arg, collab_error *err)
{
    return map_option(ctx, opt, arg, err);
}

/* -o and the format, before the input is read. */
static collab_status check(cli_run *r, void *settings, collab_error *err)
{
    cli_map_options *mo = settings;
    mo->output = r->output;
    mo->has_format = r->format >= 0;
    if (mo->has_format) {
        mo->format = (collab_render_format)r->format;
    }
    if (mo->output == NULL) {
        return collab_error_set(err, COLLAB_E_USAGE, "missing -o OUT.png|OUT.svg|OUT.pdf");
    }
    if (!mo->has_format && !collab_render_format_from_path(mo->output, &mo->format)) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "cannot tell the format of '%s' from its extension (use .png, "
                                ".svg or .pdf, or --format)",
                                mo->output);
    }
    return COLLAB_OK;
}

static collab_status run(cli_run *r, void *settings, collab_error *err)
{
    return cli_map_run(&r->in, &r->an, settings, err);
}

static void map_init(void *settings)
{
    cli_map_options_init(settings);
}

static const struct option map_options[] = {
    {"width", required_argument, NULL, OPT_WIDTH},
    {"height", required_argument, NULL, OPT_HEIGHT},
    {"dpi", required_argument, NULL, OPT_DPI},
    {"title", required_argument, NULL, OPT_TITLE},
    {"theme", required_argument, NULL, OPT_THEME},
    {"size-by", required_argument, NULL, OPT_SIZE_BY},
    {"color-by", required_argument, NULL, OPT_COLOR_BY},
    {"labels", required_argument, NULL, OPT_LABELS},
    {"edges", required_argument, NULL, OPT_EDGES},
    {"curved", no_argument, NULL, OPT_CURVED},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"level", required_argument, NULL, OPT_LEVEL},
    {"scene", required_argument, NULL, OPT_SCENE},
    {"label-chars", required_argument, NULL, OPT_LABEL_CHARS},
    {"components", required_argument, NULL, OPT_COMPONENTS},
    {"quality", no_argument, NULL, OPT_QUALITY},
    {"layout-from", required_argument, NULL, OPT_LAYOUT_FROM},
    {"community-pull", required_argument, NULL, OPT_COMMUNITY_PULL},
    {NULL, 0, NULL, 0},
};

/* In the order of collab_render_format. */
static const char *const formats[] = {"png", "svg", "pdf", NULL};

static const cli_command map_command = {
    .name = "map",
    .usage = map_usage,
    .flags = CLI_LOADS_INPUT | CLI_TAKES_ANALYSIS,
    .own = map_options,
    .handle = map_option_ctx,
    .n_positional = 1,
    .positional = "FILE",
    .formats = formats,
    .settings_size = sizeof(cli_map_options),
    .init = map_init,
    .check = check,
    .run = run,
};

int cmd_map(int argc, char **argv)
{
    return cli_run_command(&map_command, argc, argv);
}
