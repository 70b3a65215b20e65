/* The CLI side of the HTML report: everything the page needs that only the command line knows.
 * The map is rendered to SVG in memory and inlined, the input file is hashed for the
 * provenance, the command line is quoted back as the reader would retype it, and the date comes
 * from SOURCE_DATE_EPOCH when it is set, so that a rebuild of the same report is byte-identical
 * (reproducible-builds.org's convention), else from the clock. */
#include "collab/alloc.h"
#include "collab/checksum.h"
#include "collab/engine.h"
#include "collab/render.h"
#include "collab/text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "map_internal.h"

/* Edges of the static (printed) map: the strongest, as `collab map` draws by default. The
 * interactive map draws more of the same scene's edges. */
#define STATIC_MAP_EDGES 5000

/* Largest map inlined as cairo's SVG (the same as `collab map --format svg`). */
#define CAIRO_SVG_NODES 1000

/* Latest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z, the last date with a 4-digit year. */
#define MAX_EPOCH 253402300799LL

/* True when `arg` needs no quoting in a POSIX shell. */
static bool shell_plain(const char *arg)
{
    if (arg[0] == '\0') {
        return false;
    }
    for (const char *p = arg; *p != '\0'; p++) {
        if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=,+@%-",
                   *p) == NULL) {
            return false;
        }
    }
    return true;
}

/* How many arguments at argv[i] name the output file (-o FILE, --output=FILE, -oFILE, or a
 * prefix of --output as getopt_long accepts): 0, 1 or 2. */
static int output_arguments(int argc, char **argv, int i)
{
    const char *a = argv[i];
    size_t len = strcspn(a, "=");
    bool long_form = len >= 3 && strncmp(a, "--output", len) == 0;
    if (strcmp(a, "-o") == 0 || (long_form && a[len] == '\0')) {
        return i + 1 < argc ? 2 : 1;
    }
    return long_form || (strncmp(a, "-o", 2) == 0 && a[2] != '\0') ? 1 : 0;
}

char *cli_command_line(int argc, char **argv)
{
    /* Worst case: every byte a quote, written as '\'' (4 bytes), plus quotes and a space. */
    size_t size = sizeof "collab";
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]);
        if (len > (SIZE_MAX - size) / 4 - 4) {
            return NULL;
        }
        size += 4 * len + 3;
    }
    char *line = collab_malloc(size);
    if (line == NULL) {
        return NULL;
    }
    char *o = line + snprintf(line, size, "collab");
    bool options = true;
    for (int i = 0; i < argc; i++) {
        options = options && strcmp(argv[i], "--") != 0;
        int skip = options ? output_arguments(argc, argv, i) : 0;
        if (skip > 0) {
            i += skip - 1;
            continue;
        }
        *o++ = ' ';
        if (shell_plain(argv[i])) {
            size_t len = strlen(argv[i]);
            memcpy(o, argv[i], len);
            o += len;
            continue;
        }
        *o++ = '\'';
        for (const char *p = argv[i]; *p != '\0'; p++) {
            if (*p == '\'') {
                memcpy(o, "'\\''", 4);
                o += 4;
            } else {
                *o++ = *p;
            }
        }
        *o++ = '\'';
    }
    *o = '\0';
    return line;
}

/* The page's date, "YYYY-MM-DD HH:MM:SS UTC": SOURCE_DATE_EPOCH when set (a malformed value is
 * an error rather than silently the clock, as the convention asks), else now. */
static collab_status page_date(char *buf, size_t size, collab_error *err)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t;
    if (epoch != NULL) {
        char *end = NULL;
        errno = 0;
        long long secs = strtoll(epoch, &end, 10);
        if (epoch[0] < '0' || epoch[0] > '9' || *end != '\0' || errno != 0 || secs > MAX_EPOCH) {
            return collab_error_set(err, COLLAB_E_USAGE,
                                    "SOURCE_DATE_EPOCH '%s' is not a number of seconds since "
                                    "1970-01-01 (up to year 9999)",
                                    epoch);
        }
        t = (time_t)secs;
    } else {
        t = time(NULL);
    }
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL || strftime(buf, size, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0) {
        return collab_error_set(err, COLLAB_E_INTERNAL, "cannot format the report's date");
    }
    return COLLAB_OK;
}

static uint32_t rgb(collab_rgba c)
{
    long r = lround(fmin(fmax(c.r, 0), 1) * 255);
    long g = lround(fmin(fmax(c.g, 0), 1) * 255);
    long b = lround(fmin(fmax(c.b, 0), 1) * 255);
    return (uint32_t)(r << 16 | g << 8 | b);
}

/* Each community's colour on the map (the first node of it found), so that the tables' swatches
 * match the map. Communities the map does not colour (other colourings) get none. */
static uint32_t *community_colours(const collab_map *map, const collab_partition *p, size_t *n)
{
    *n = 0;
    uint32_t *colours = collab_alloc_array(p->n_communities + 1, sizeof *colours);
    bool *seen = collab_calloc_array(p->n_communities + 1, sizeof *seen);
    if (colours == NULL || seen == NULL) {
        collab_free(colours);
        collab_free(seen);
        return NULL;
    }
    size_t found = 0;
    for (size_t i = 0; i < map->scene.n_nodes; i++) {
        uint32_t c = map->scene.nodes[i].community;
        if (c < p->n_communities && !seen[c]) {
            seen[c] = true;
            colours[c] = rgb(map->scene.nodes[i].fill);
            found++;
        }
    }
    /* Colours only when every community has one: a partial set would mislead. */
    collab_free(seen);
    if (found != p->n_communities) {
        collab_free(colours);
        return NULL;
    }
    *n = p->n_communities;
    return colours;
}

/* `line` with every occurrence of `path` replaced by `base` (collab_malloc'd), so that the
 * command line in the provenance does not show the input's folders either; NULL when out of
 * memory. */
static char *without_folders(const char *line, const char *path, const char *base)
{
    size_t n = strlen(path), k = strlen(base), count = 0;
    for (const char *p = strstr(line, path); n > 0 && p != NULL; p = strstr(p + n, path)) {
        count++;
    }
    char *out = collab_malloc(strlen(line) + 1); /* base is never longer than path */
    if (out == NULL) {
        return NULL;
    }
    char *o = out;
    const char *p = line;
    for (const char *hit = count > 0 ? strstr(p, path) : NULL; hit != NULL; hit = strstr(p, path)) {
        memcpy(o, p, (size_t)(hit - p));
        o += hit - p;
        memcpy(o, base, k);
        o += k;
        p = hit + n;
    }
    strcpy(o, p);
    return out;
}

static collab_status write_page(const cli_input *in, const cli_analysis *an,
                                const collab_report_options *ro, collab_html_extras *x,
                                const char *path, collab_error *err)
{
    collab_output out;
    collab_status st = cli_output_open(&out, path, in->path, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_report_input ri;
    cli_analysis_report_input(an, in, &ri);
    st = collab_report_write_html(out.f, &ri, ro, x, err);
    return cli_output_finish(&out, st, err);
}

collab_status cli_report_html_file(const cli_input *in, const cli_analysis *an,
                                   const cli_html_page *page, const collab_report_options *ro,
                                   const char *path, collab_error *err)
{
    char date[64];
    char sha[COLLAB_SHA256_HEX_SIZE];
    collab_status st = page_date(date, sizeof date, err);
    bool from_file = strcmp(in->path, "-") != 0;
    if (st == COLLAB_OK && from_file) {
        st = collab_checksum_file_sha256(in->path, sha, err);
    }
    collab_html_extras x = {0};
    x.title = page->title;
    x.map_caption = page->map_caption;
    x.input_path = !from_file              ? "standard input"
                   : page->provenance_path ? in->path
                                           : collab_text_base_name(in->path);
    x.input_sha256 = from_file ? sha : NULL;
    x.command_line = page->command_line;
    char *line = NULL;
    if (from_file && !page->provenance_path && page->command_line != NULL &&
        strcmp(in->path, collab_text_base_name(in->path)) != 0) {
        line = without_folders(page->command_line, in->path, collab_text_base_name(in->path));
        if (line == NULL) {
            st = collab_error_set(err, COLLAB_E_NOMEM, "out of memory writing the provenance");
        }
        x.command_line = line;
    }
    x.version = collab_engine_version();
    x.date = date;
    char *svg = NULL;
    uint32_t *colours = NULL;
    if (st == COLLAB_OK && page->map != NULL) {
        /* The static map: the same scene, with its strongest edges only (the scene lists them
         * weakest first), so that positions, colours and sizes agree with the interactive map. */
        collab_scene view = page->map->scene;
        if (view.n_edges > STATIC_MAP_EDGES) {
            view.edges += view.n_edges - STATIC_MAP_EDGES;
            view.n_edges = STATIC_MAP_EDGES;
        }
        /* cairo's SVG spells every disc as curves and embeds glyphs: exact, but some 400
         * bytes a node; large maps get the library's compact SVG of the same scene. */
        x.static_edges = STATIC_MAP_EDGES;
        if (page->map->by_community || view.n_nodes <= CAIRO_SVG_NODES) {
            st = collab_render_svg_memory(&view, &svg, &x.map_svg_len, err);
            x.map_svg = svg;
        }
        if (!page->map->by_community) {
            x.scene = &page->map->scene;
            x.node_of_vertex = page->map->node_of_vertex;
            x.n_vertices = page->map->n_vertices;
        }
        if (st == COLLAB_OK && an->have_partition) {
            colours = community_colours(page->map, &an->p, &x.n_community_rgb);
            x.community_rgb = colours;
        }
    }
    if (st == COLLAB_OK) {
        st = write_page(in, an, ro, &x, path, err);
    }
    collab_free(svg);
    collab_free(colours);
    collab_free(line);
    return st;
}
