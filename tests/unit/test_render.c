/* Rendering: the pango measurer, PNG/SVG/PDF files (signatures, well-formed SVG, embedded fonts
 * including the CJK fallback, byte-identical repeats, node colours read back from the PNG) and
 * the atomic-output error paths. The 60-node sample scene with Japanese, Korean, Chinese,
 * Cyrillic, Arabic and accented Latin names is also written to $COLLAB_SCENE_SAMPLE (a .png path)
 * when that variable is set, for a person to look at. */
#include "collab/render.h"

#include "collab/alloc.h"
#include "collab/scene.h"

#include <dirent.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <cmocka.h>

#define N_SAMPLE 60

static const char *const sample_names[N_SAMPLE] = {
    /* community 0: Japanese, Chinese, Korean */
    "坂本 龍一", "細野 晴臣", "高橋 幸宏", "矢野 顕子", "山下 達郎", "大貫 妙子", "久石 譲",
    "椎名 林檎", "宇多田 ヒカル", "王菲", "周杰倫", "김 민수", "이 소라", "小山田 圭吾",
    "坂本 美雨",
    /* community 1: Cyrillic */
    "Пётр Чайковский", "Сергей Рахманинов", "Дмитрий Шостакович", "Игорь Стравинский",
    "Сергей Прокофьев", "Николай Римский-Корсаков", "Модест Мусоргский", "Александр Скрябин",
    "Альфред Шнитке", "София Губайдулина", "Эдуард Артемьев", "Земфира Рамазанова",
    "Борис Гребенщиков", "Виктор Цой", "Алла Пугачёва",
    /* community 2: accented Latin, one name past 30 characters */
    "Björk Guðmundsdóttir", "Jóhann Jóhannsson", "Caetano Veloso", "João Gilberto",
    "Antônio Carlos Jobim", "Gal Costa", "Françoise Hardy", "Édith Piaf", "Serge Gainsbourg",
    "Zbigniew Preisner", "Krzysztof Komeda", "Ennio Morricone", "Ástor Piazzolla", "Mercedes Sosa",
    "Orquesta Sinfónica Nacional de Radio y Televisión",
    /* community 3: Arabic and English */
    "محمد عبد الوهاب", "أم كلثوم", "فيروز", "Thom Russo", "Rick Rubin", "Macy Gray", "Quincy Jones",
    "Brian Eno", "Daniel Lanois", "Nile Rodgers", "Trevor Horn", "Peter Gabriel", "Youssou N'Dour",
    "Ali Farka Touré", "Angélique Kidjo"};

/* Storage of the sample scene's input. */
typedef struct sample {
    double x[N_SAMPLE], y[N_SAMPLE], size[N_SAMPLE];
    uint32_t comm[N_SAMPLE];
    uint32_t from[400], to[400];
    double w[400];
    size_t m;
    collab_legend_entry legend[4];
    collab_scene_input in;
} sample;

static double rnd(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

static void add_edge(sample *sm, uint32_t a, uint32_t b, double w)
{
    sm->from[sm->m] = a;
    sm->to[sm->m] = b;
    sm->w[sm->m++] = w;
    sm->size[a] += w;
    sm->size[b] += w;
}

/* Four clusters around the corners of a square, dense inside, a few bridges between them;
 * sizes are weighted degrees, legend captions the three biggest members. */
static void sample_init(sample *sm, collab_render_measurer *m)
{
    memset(sm, 0, sizeof *sm);
    const double cx[4] = {-1, 1, -1, 1};
    const double cy[4] = {-0.8, -0.8, 0.8, 0.8};
    uint64_t st = 2024;
    for (uint32_t i = 0; i < N_SAMPLE; i++) {
        uint32_t c = i / 15;
        double angle = rnd(&st) * 6.283185307179586;
        double r = 0.75 * sqrt(rnd(&st));
        sm->comm[i] = c;
        sm->x[i] = cx[c] + r * cos(angle);
        sm->y[i] = cy[c] + r * sin(angle);
    }
    for (uint32_t i = 0; i < N_SAMPLE; i++) {
        for (uint32_t j = i + 1; j < N_SAMPLE; j++) {
            double p = sm->comm[i] == sm->comm[j] ? 0.28 : 0.006;
            if ((i % 15 == 0 || j % 15 == 0) && sm->comm[i] == sm->comm[j]) {
                p = 0.8; /* a hub per community */
            }
            if (rnd(&st) < p && sm->m < 400) {
                add_edge(sm, i, j, 1 + floor(rnd(&st) * 4));
            }
        }
    }
    sm->legend[0] = (collab_legend_entry){0, "坂本 龍一, 細野 晴臣, 高橋 幸宏"};
    sm->legend[1] =
        (collab_legend_entry){1, "Пётр Чайковский, Сергей Рахманинов, Дмитрий Шостакович"};
    sm->legend[2] =
        (collab_legend_entry){2, "Björk Guðmundsdóttir, Jóhann Jóhannsson, Caetano Veloso"};
    sm->legend[3] = (collab_legend_entry){3, "محمد عبد الوهاب, Thom Russo, Rick Rubin"};
    collab_scene_input_init(&sm->in);
    sm->in.n_nodes = N_SAMPLE;
    sm->in.x = sm->x;
    sm->in.y = sm->y;
    sm->in.size = sm->size;
    sm->in.size_label = "weighted degree";
    sm->in.community = sm->comm;
    sm->in.names = sample_names;
    sm->in.n_edges = sm->m;
    sm->in.edge_from = sm->from;
    sm->in.edge_to = sm->to;
    sm->in.edge_weight = sm->w;
    sm->in.edge_style = COLLAB_EDGES_CURVED;
    sm->in.legend = sm->legend;
    sm->in.n_legend = 4;
    sm->in.title = "Who works with whom — a sample collaboration map";
    sm->in.subtitle = "60 musicians · 4 communities · size = weighted degree · Leiden, seed 1";
    sm->in.measure = collab_render_measure_text;
    sm->in.measure_ctx = m;
}

/* A test's measurer, sample scene and scratch directory. */
typedef struct fixture {
    collab_render_measurer m;
    sample sm;
    collab_scene s;
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(collab_render_measurer_init(&f->m, NULL), COLLAB_OK);
    sample_init(&f->sm, &f->m);
    assert_int_equal(collab_scene_build(&f->s, &f->sm.in, NULL), COLLAB_OK);
    snprintf(f->dir, sizeof f->dir, "/tmp/collab-render-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    DIR *d = opendir(f->dir);
    struct dirent *e;
    char path[512];
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
            if (remove(path) != 0) {
                rmdir(path);
            }
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    rmdir(f->dir);
    collab_scene_destroy(&f->s);
    collab_render_measurer_destroy(&f->m);
    free(f);
    return 0;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, in), (size_t)n);
    buf[n] = '\0';
    fclose(in);
    *len = (size_t)n;
    return buf;
}

static bool contains(const char *buf, size_t len, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= len; i++) {
        if (memcmp(buf + i, needle, k) == 0) {
            return true;
        }
    }
    return false;
}

static void path_in(const fixture *f, char *out, const char *name)
{
    snprintf(out, 128, "%s/%s", f->dir, name);
}

static void test_measurer(void **state)
{
    fixture *f = *state;
    double h10 = 0;
    double h20 = 0;
    double w10 = collab_render_measure_text(&f->m, "Пётр Чайковский", 10, &h10);
    double w20 = collab_render_measure_text(&f->m, "Пётр Чайковский", 20, &h20);
    assert_true(w10 > 40 && w10 < 120);
    assert_true(h10 >= 10);
    /* unhinted metrics: extents scale linearly with the font size */
    assert_float_equal(w20, 2 * w10, 0.01);
    assert_float_equal(h20, 2 * h10, 0.01);
    double hc = 0;
    assert_true(collab_render_measure_text(&f->m, "坂本 龍一", 10, &hc) > 30);
    assert_true(hc >= 10);
    assert_true(collab_render_measure_text(&f->m, "", 10, NULL) == 0);
    collab_render_measurer_destroy(NULL);
}

/* A node whose centre pixel is covered by nothing painted after it. */
static long clear_node(const collab_scene *s)
{
    for (size_t k = s->n_nodes; k-- > 0;) {
        const collab_scene_node *nd = &s->nodes[s->paint_order[k]];
        if (nd->radius < 4) {
            continue;
        }
        bool covered = false;
        for (size_t j = k + 1; j < s->n_nodes && !covered; j++) {
            const collab_scene_node *o = &s->nodes[s->paint_order[j]];
            covered = hypot(o->x - nd->x, o->y - nd->y) < o->radius + o->stroke_width + 2;
        }
        for (size_t l = 0; l < s->n_labels && !covered; l++) {
            collab_box b = s->labels[l].t.box;
            covered = nd->x > b.x - 2 && nd->x < b.x + b.w + 2 && nd->y > b.y - 2 &&
                      nd->y < b.y + b.h + 2;
        }
        if (!covered) {
            return (long)s->paint_order[k];
        }
    }
    return -1;
}

static bool intersect(collab_box a, collab_box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* The sample measured with pango: labels apart and on the page, names kept whole or cut. */
static void test_sample_geometry(void **state)
{
    fixture *f = *state;
    const collab_scene *s = &f->s;
    assert_true(s->n_labels >= 50); /* a 60-node map has room for nearly every name */
    for (size_t i = 0; i < s->n_labels; i++) {
        collab_box b = s->labels[i].t.box;
        assert_true(b.x >= 0 && b.y >= 0 && b.x + b.w <= s->width && b.y + b.h <= s->height);
        for (size_t j = i + 1; j < s->n_labels; j++) {
            assert_false(intersect(b, s->labels[j].t.box));
        }
        for (size_t o = 0; o < s->n_obstacles; o++) {
            assert_false(intersect(b, s->obstacles[o]));
        }
        const char *name = s->nodes[s->labels[i].node].name;
        const char *text = s->labels[i].t.text;
        assert_true(strcmp(text, name) == 0 || strstr(text, "\xe2\x80\xa6") != NULL);
    }
    assert_true(s->legend.present);
    assert_int_equal(s->legend.items[0].kind, COLLAB_LEGEND_COMMUNITY);
    assert_string_equal(s->legend.items[3].caption.text, "محمد عبد الوهاب, Thom Russo, Rick Rubin");
}

static void check_png(const fixture *f, const char *path, double dpi)
{
    size_t len;
    char *buf = read_all(path, &len);
    assert_true(len > 1000);
    assert_memory_equal(buf, "\x89PNG\r\n\x1a\n", 8);
    free(buf);
    cairo_surface_t *img = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_image_surface_get_width(img), (int)ceil(f->s.width * dpi / 72));
    assert_int_equal(cairo_image_surface_get_height(img), (int)ceil(f->s.height * dpi / 72));
    const unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    long id = clear_node(&f->s);
    assert_true(id >= 0);
    const collab_scene_node *nd = &f->s.nodes[id];
    int px = (int)floor(nd->x * dpi / 72);
    int py = (int)floor(nd->y * dpi / 72);
    uint32_t pixel = *(const uint32_t *)(data + (size_t)py * (size_t)stride + (size_t)px * 4);
    uint32_t want = (uint32_t)lround(nd->fill.r * 255) << 16 |
                    (uint32_t)lround(nd->fill.g * 255) << 8 | (uint32_t)lround(nd->fill.b * 255);
    assert_int_equal(pixel & 0xffffff, want);
    /* the page corner is background */
    assert_int_equal(*(const uint32_t *)data & 0xffffff, 0xffffff);
    cairo_surface_destroy(img);
}

static void test_png(void **state)
{
    fixture *f = *state;
    char path[128];
    path_in(f, path, "map.png");
    collab_error err = {0};
    assert_int_equal(collab_render_file(&f->s, path, COLLAB_RENDER_PNG, 72, &err), COLLAB_OK);
    check_png(f, path, 72);
    assert_int_equal(collab_render_file(&f->s, path, COLLAB_RENDER_PNG, 144, &err), COLLAB_OK);
    check_png(f, path, 144);
    const char *keep = getenv("COLLAB_SCENE_SAMPLE");
    if (keep != NULL && keep[0] != '\0') {
        assert_int_equal(collab_render_file(&f->s, keep, COLLAB_RENDER_PNG, 144, &err), COLLAB_OK);
    }
}

static void render_twice(const fixture *f, collab_render_format fmt, const char *name, char **out,
                         size_t *len)
{
    char a[128];
    char b[128];
    char an[64];
    snprintf(an, sizeof an, "again-%s", name);
    path_in(f, a, name);
    path_in(f, b, an);
    collab_error err = {0};
    assert_int_equal(collab_render_file(&f->s, a, fmt, 72, &err), COLLAB_OK);
    assert_int_equal(collab_render_file(&f->s, b, fmt, 72, &err), COLLAB_OK);
    size_t la;
    size_t lb;
    char *da = read_all(a, &la);
    char *db = read_all(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la); /* byte-identical */
    free(db);
    *out = da;
    *len = la;
}

static void test_svg(void **state)
{
    fixture *f = *state;
    char *svg;
    size_t len;
    render_twice(f, COLLAB_RENDER_SVG, "map.svg", &svg, &len);
    assert_true(strncmp(svg, "<?xml", 5) == 0);
    assert_true(contains(svg, len, "<svg"));
    assert_true(contains(svg, len, "</svg>"));
    assert_true(contains(svg, len, "width=\"1200pt\""));
    assert_true(contains(svg, len, "<g id=\"surface1\">")); /* renumbered: see render.c */
    free(svg);
    char cmd[512];
    char path[128];
    path_in(f, path, "map.svg");
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' %s",
             path);
    int rc = system(cmd);
    if (!(WIFEXITED(rc) && WEXITSTATUS(rc) == 127)) { /* 127: no python3, nothing to check */
        assert_int_equal(rc, 0);
    }
}

/* The in-memory SVG (for the HTML report) is the file's bytes, also when rendered after it, and
 * a failed allocation is COLLAB_E_NOMEM with nothing returned. */
static void test_svg_memory(void **state)
{
    fixture *f = *state;
    char *file;
    size_t file_len;
    render_twice(f, COLLAB_RENDER_SVG, "map.svg", &file, &file_len);
    char *mem = NULL;
    size_t len = 0;
    collab_error err = {0};
    assert_int_equal(collab_render_svg_memory(&f->s, &mem, &len, &err), COLLAB_OK);
    assert_int_equal(len, file_len);
    assert_memory_equal(mem, file, len);
    assert_int_equal(mem[len], '\0');
    collab_free(mem);
    free(file);
    char *untouched = (char *)"x";
    size_t untouched_len = 7;
    collab_alloc_fail_after(0);
    collab_status st = collab_render_svg_memory(&f->s, &untouched, &untouched_len, &err);
    collab_alloc_fail_after(-1);
    assert_int_equal(st, COLLAB_E_NOMEM);
    assert_string_equal(err.message, "out of memory rendering the map as SVG");
    assert_string_equal(untouched, "x");
    assert_int_equal(untouched_len, 7);
}

static void test_pdf(void **state)
{
    fixture *f = *state;
    char *pdf;
    size_t len;
    render_twice(f, COLLAB_RENDER_PDF, "map.pdf", &pdf, &len);
    assert_memory_equal(pdf, "%PDF-", 5);
    assert_true(contains(pdf, len, "/FontFile"));
    assert_true(contains(pdf, len, "DejaVuSans"));
    assert_true(contains(pdf, len, "WenQuanYi")); /* the CJK fallback is embedded too */
    assert_true(contains(pdf, len, "/CreationDate (20000101000000Z)")); /* cairo 1.16 form */
    free(pdf);
}

static bool temp_left(const fixture *f)
{
    DIR *d = opendir(f->dir);
    struct dirent *e;
    bool found = false;
    while ((e = readdir(d)) != NULL) {
        found |= strstr(e->d_name, ".tmp-") != NULL;
    }
    closedir(d);
    return found;
}

static void write_text(const char *path, const char *text)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

static void expect_untouched(const char *path, const char *text)
{
    size_t len;
    char *buf = read_all(path, &len);
    assert_string_equal(buf, text);
    free(buf);
}

static void test_write_failure_keeps_previous(void **state)
{
    fixture *f = *state;
    char path[128];
    path_in(f, path, "prev.pdf");
    write_text(path, "previous");
    /* A file-size limit makes the write fail halfway, as a full disk would. */
    struct rlimit old;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    struct rlimit small = {4096, old.rlim_max};
    struct sigaction ignore;
    struct sigaction saved;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &ignore, &saved);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    collab_error err = {0};
    collab_status st = collab_render_file(&f->s, path, COLLAB_RENDER_PDF, 72, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    sigaction(SIGXFSZ, &saved, NULL);
    assert_int_equal(st, COLLAB_E_IO);
    assert_int_equal(err.status, COLLAB_E_IO);
    char want[256];
    snprintf(want, sizeof want, "cannot write '%s': %s", path, strerror(EFBIG));
    assert_string_equal(err.message, want);
    expect_untouched(path, "previous");
    assert_false(temp_left(f));
}

static void test_open_and_commit_failures(void **state)
{
    fixture *f = *state;
    char path[128];
    collab_error err = {0};
    path_in(f, path, "missing/dir/map.png");
    assert_int_equal(collab_render_file(&f->s, path, COLLAB_RENDER_PNG, 72, &err), COLLAB_E_IO);
    char want[256];
    snprintf(want, sizeof want, "cannot create '%s': %s", path, strerror(ENOENT));
    assert_string_equal(err.message, want);
    /* the target is a directory: the rename fails, the temporary file goes away */
    path_in(f, path, "taken.svg");
    assert_int_equal(mkdir(path, 0755), 0);
    char inner[160];
    snprintf(inner, sizeof inner, "%s/keep", path);
    write_text(inner, "kept");
    collab_error err2 = {0};
    assert_int_equal(collab_render_file(&f->s, path, COLLAB_RENDER_SVG, 72, &err2), COLLAB_E_IO);
    expect_untouched(inner, "kept");
    assert_false(temp_left(f));
    remove(inner);
    rmdir(path);
    if (geteuid() != 0) { /* root writes anywhere */
        char ro[96];
        path_in(f, ro, "ro");
        assert_int_equal(mkdir(ro, 0755), 0);
        snprintf(path, sizeof path, "%s/map.pdf", ro);
        write_text(path, "previous");
        chmod(ro, 0555);
        collab_error err3 = {0};
        assert_int_equal(collab_render_file(&f->s, path, COLLAB_RENDER_PDF, 72, &err3),
                         COLLAB_E_IO);
        chmod(ro, 0755);
        expect_untouched(path, "previous");
        remove(path);
        rmdir(ro);
    }
}

static void test_usage_errors_and_formats(void **state)
{
    fixture *f = *state;
    char path[128];
    path_in(f, path, "big.png");
    collab_error err = {0};
    assert_int_equal(collab_render_file(&f->s, path, COLLAB_RENDER_PNG, 0, &err), COLLAB_E_USAGE);
    assert_string_equal(err.message, "resolution '0' dpi is not in 1..2400");
    collab_error err2 = {0};
    assert_int_equal(collab_render_file(&f->s, path, COLLAB_RENDER_PNG, 2400, &err2),
                     COLLAB_E_USAGE);
    assert_string_equal(err2.message,
                        "image of '1200x900' points at 2400 dpi exceeds 32767 pixels a side");
    assert_false(temp_left(f));
    collab_render_format fmt;
    assert_true(collab_render_format_from_path("a/b.PNG", &fmt));
    assert_int_equal(fmt, COLLAB_RENDER_PNG);
    assert_true(collab_render_format_from_path("map.svg", &fmt));
    assert_int_equal(fmt, COLLAB_RENDER_SVG);
    assert_true(collab_render_format_from_path("x.y.Pdf", &fmt));
    assert_int_equal(fmt, COLLAB_RENDER_PDF);
    assert_false(collab_render_format_from_path("map.jpeg", &fmt));
    assert_false(collab_render_format_from_path("dir.png/map", &fmt));
    assert_false(collab_render_format_from_path("map", &fmt));
    assert_string_equal(collab_render_format_name(COLLAB_RENDER_SVG), "svg");
}

static void test_paint_any_surface(void **state)
{
    fixture *f = *state;
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(rec);
    collab_render_paint(cr, &f->s);
    assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    double x0, y0, w, h;
    cairo_recording_surface_ink_extents(rec, &x0, &y0, &w, &h);
    assert_float_equal(w, f->s.width, 1);
    assert_float_equal(h, f->s.height, 1);
    cairo_destroy(cr);
    cairo_surface_destroy(rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_measurer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sample_geometry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_png, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pdf, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_failure_keeps_previous, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_and_commit_failures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_usage_errors_and_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paint_any_surface, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    /* Drop pango's and cairo's caches so valgrind sees them freed: fontconfig stores pointers
     * as offsets, which valgrind cannot follow, so live cache entries look "definitely lost". */
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
    return failed;
}
