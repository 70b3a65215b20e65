/* Reading a large file on several threads.
 *
 * The file is cut near equal shares at line ends. The caller's reader reads the first part; a
 * thread per further part reads its bytes with pread into a list of its own, with its own name
 * ids and line numbers counted from its first byte. A cut is sound when the reader before it
 * stops there exactly between two rows (a line end can also lie inside a quoted field, which
 * only that reader can tell). When every cut is sound the parts' rows are appended in order,
 * each part's names interned into the main tables in the order the part first met them: that
 * is the order one reader would have met them, so ids, rows and lines come out the same. */
#include "load_internal.h"

#include "collab/alloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Below this size one reader is quick enough that threads would not pay for the join. */
#define PARTS_MIN_BYTES ((off_t)8 << 20)
#define MAX_PARTS 4
/* How far past a cut point to look for a line end. */
#define CUT_SEARCH_BYTES ((size_t)1 << 16)

typedef struct load_part {
    off_t begin, end;            /* bytes [begin, end) of the file; the last part reads to EOF */
    bool last;                   /* the part that ends the file */
    collab_i_load_parts *owner;  /* the plan (file, stop flag) */
    const collab_i_load_state *main; /* header facts, read-only while parts run */
    collab_edgelist list;        /* its rows: ids of its own, lines counted from `begin` */
    collab_error err;            /* its first error */
    collab_status status;        /* COLLAB_OK, or what failed */
    bool between_rows;           /* it stopped at `end` exactly between two rows */
    long lines;                  /* physical lines it read (the last may be cut) */
    pthread_t thread;
    bool started;                /* its thread is running or not yet joined */
    bool ran;                    /* its thread was started */
} load_part;

struct collab_i_load_parts {
    int fd;                      /* the file (borrowed from the caller's stream) */
    off_t first_end;             /* where the caller's part ends */
    size_t n_parts;              /* further parts */
    load_part parts[MAX_PARTS - 1];
    atomic_bool stop;            /* set when the parts' rows will not be used */
};

static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_PARTS ? MAX_PARTS : (int)n;
}

/* The offset just past the first line end at or after `at` (a CRLF counts whole), or -1 when
 * there is none within CUT_SEARCH_BYTES. */
static off_t line_end_after(int fd, off_t at, char *buf)
{
    ssize_t got = pread(fd, buf, CUT_SEARCH_BYTES, at);
    for (ssize_t i = 0; i < got; i++) {
        if (buf[i] == '\n') {
            return at + i + 1;
        }
        if (buf[i] == '\r') {
            if (i + 1 == got) {
                return -1; /* an LF may follow: look no further */
            }
            return at + i + 1 + (buf[i + 1] == '\n');
        }
    }
    return -1;
}

collab_i_load_parts *collab_i_load_parts_plan(FILE *in, off_t base, size_t sniffed,
                                              const collab_load_options *opt)
{
    int wanted = opt->threads > 0 ? opt->threads : cores();
    int fd = fileno(in);
    struct stat st;
    if (wanted < 2 || base < 0 || fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size - base < PARTS_MIN_BYTES) {
        return NULL;
    }
    if (wanted > MAX_PARTS) {
        wanted = MAX_PARTS;
    }
    collab_i_load_parts *p = collab_calloc_array(1, sizeof *p);
    char *buf = collab_malloc(CUT_SEARCH_BYTES);
    if (p == NULL || buf == NULL) {
        collab_free(p);
        collab_free(buf);
        return NULL; /* one reader */
    }
    p->fd = fd;
    atomic_init(&p->stop, false);
    off_t size = st.st_size - base;
    off_t previous = base + (off_t)sniffed;
    off_t cuts[MAX_PARTS];
    size_t n_cuts = 0;
    for (int k = 1; k < wanted; k++) {
        off_t target = base + size / wanted * k;
        off_t cut = target > previous ? line_end_after(fd, target, buf) : -1;
        if (cut > previous && cut < st.st_size) {
            cuts[n_cuts++] = cut;
            previous = cut;
        }
    }
    collab_free(buf);
    if (n_cuts == 0) {
        collab_free(p);
        return NULL;
    }
    p->first_end = cuts[0];
    p->n_parts = n_cuts;
    for (size_t k = 0; k < n_cuts; k++) {
        load_part *part = &p->parts[k];
        part->begin = cuts[k];
        part->last = k + 1 == n_cuts;
        part->end = part->last ? st.st_size : cuts[k + 1];
        part->owner = p;
    }
    return p;
}

off_t collab_i_load_parts_first_end(const collab_i_load_parts *parts)
{
    return parts->first_end;
}

/* The header facts a part's rows are read with, borrowed from the main list. */
static void borrow_header(collab_edgelist *list, const collab_edgelist *from)
{
    list->shape = from->shape;
    list->delimiter = from->delimiter;
    memcpy(list->source, from->source, sizeof list->source);
    list->n_columns = from->n_columns;
    list->column_names = from->column_names;
    list->column_use = from->column_use;
    list->n_extra = from->n_extra;
    list->extra_columns = from->extra_columns;
}

static void return_header(collab_edgelist *list)
{
    list->n_columns = 0;
    list->column_names = NULL;
    list->column_use = NULL;
    list->n_extra = 0;
    list->extra_columns = NULL;
}

static void *read_part(void *arg)
{
    load_part *part = arg;
    collab_i_load_parts *owner = part->owner;
    collab_i_load_state ls = {.out = &part->list, .opt = part->main->opt, .header_done = true};
    memcpy(ls.col, part->main->col, sizeof ls.col);
    collab_i_csv_source src =
        collab_i_load_csv_source(part->list.source, part->list.delimiter, &ls);
    collab_i_csv_reader *r = NULL;
    char *block = collab_malloc(COLLAB_I_CSV_BLOCK_BYTES);
    collab_status st = collab_i_csv_reader_new(&r, &src, &part->err);
    if (st == COLLAB_OK && block == NULL) {
        st = collab_error_set(&part->err, COLLAB_E_NOMEM, "out of memory reading '%s'",
                              part->list.source);
    }
    off_t at = part->begin;
    while (st == COLLAB_OK && (part->last || at < part->end) &&
           !atomic_load_explicit(&owner->stop, memory_order_relaxed)) {
        size_t want = COLLAB_I_CSV_BLOCK_BYTES;
        if (!part->last && (off_t)want > part->end - at) {
            want = (size_t)(part->end - at);
        }
        ssize_t got = pread(owner->fd, block, want, at);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            st = collab_error_set(&part->err, COLLAB_E_IO, "cannot read '%s': %s",
                                  part->list.source, strerror(errno));
            break;
        }
        if (got == 0) {
            break; /* the file ended early: a non-last part is then not between rows */
        }
        st = collab_i_csv_reader_feed(r, block, (size_t)got);
        at += got;
    }
    if (st == COLLAB_OK && part->last) {
        st = collab_i_csv_reader_finish(r);
    }
    part->between_rows = st == COLLAB_OK && !part->last && at == part->end &&
                         collab_i_csv_reader_between_rows(r);
    part->lines = r != NULL ? collab_i_csv_reader_line(r) - 1 : 0;
    part->status = st;
    collab_i_csv_reader_free(r);
    collab_free(block);
    collab_i_load_state_release(&ls);
    return NULL;
}

void collab_i_load_parts_start(collab_i_load_parts *parts, const collab_i_load_state *main)
{
    for (size_t k = 0; k < parts->n_parts; k++) {
        load_part *part = &parts->parts[k];
        part->main = main;
        borrow_header(&part->list, main->out);
        part->started = pthread_create(&part->thread, NULL, read_part, part) == 0;
        part->ran = part->started;
    }
}

static void join_all(collab_i_load_parts *parts)
{
    for (size_t k = 0; k < parts->n_parts; k++) {
        if (parts->parts[k].started) {
            pthread_join(parts->parts[k].thread, NULL);
            parts->parts[k].started = false;
        }
    }
}

/* Interns every name of `from` into `into`, in id order; `map[id]` is its id in `into`. */
static collab_status map_names(collab_names *into, const collab_names *from, uint32_t **map,
                               collab_error *err)
{
    *map = collab_alloc_array(from->count + 1, sizeof **map);
    if (*map == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory joining the file's parts");
    }
    return collab_names_intern_all(into, from, *map, err);
}

static uint32_t mapped(const uint32_t *map, uint32_t id)
{
    return id == COLLAB_NO_ID ? COLLAB_NO_ID : map[id];
}

static collab_status grow_to(void **array, size_t n, size_t size, collab_error *err)
{
    if (*array == NULL) {
        return COLLAB_OK; /* a column this shape does not have */
    }
    void *p = collab_realloc_array(*array, n, size);
    if (p == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory joining the file's parts");
    }
    *array = p;
    return COLLAB_OK;
}

/* Appends the part's rows to `into`, their lines moved on by `line_offset`. */
static collab_status append_part(collab_edgelist *into, const collab_edgelist *part,
                                 long line_offset, collab_error *err)
{
    bool credits = into->shape == COLLAB_SHAPE_CREDITS;
    uint32_t *map_a = NULL;
    uint32_t *map_b = NULL;
    uint32_t *map_role = NULL;
    uint32_t *map_attr = NULL;
    collab_status st = map_names(&into->names_a, &part->names_a, &map_a, err);
    if (st == COLLAB_OK && credits) {
        st = map_names(&into->names_b, &part->names_b, &map_b, err);
    }
    if (st == COLLAB_OK) {
        st = map_names(&into->roles, &part->roles, &map_role, err);
    }
    if (st == COLLAB_OK) {
        st = map_names(&into->attr_values, &part->attr_values, &map_attr, err);
    }
    size_t n = into->n_rows + part->n_rows;
    if (st == COLLAB_OK && n > into->rows_cap) {
        st = grow_to((void **)&into->a, n, sizeof *into->a, err);
        st = st == COLLAB_OK ? grow_to((void **)&into->b, n, sizeof *into->b, err) : st;
        st = st == COLLAB_OK ? grow_to((void **)&into->line, n, sizeof *into->line, err) : st;
        st = st == COLLAB_OK ? grow_to((void **)&into->role, n, sizeof *into->role, err) : st;
        st = st == COLLAB_OK ? grow_to((void **)&into->year, n, sizeof *into->year, err) : st;
        st = st == COLLAB_OK ? grow_to((void **)&into->weight, n, sizeof *into->weight, err) : st;
        st = st == COLLAB_OK ? grow_to((void **)&into->attrs, n * into->n_extra + 1,
                                       sizeof *into->attrs, err)
                             : st;
        if (st == COLLAB_OK) {
            into->rows_cap = n;
        }
    }
    if (st == COLLAB_OK) {
        const uint32_t *map_b_or_a = credits ? map_b : map_a; /* edge lists: one name table */
        size_t at = into->n_rows;
        for (size_t r = 0; r < part->n_rows; r++) {
            into->a[at + r] = map_a[part->a[r]];
            into->b[at + r] = map_b_or_a[part->b[r]];
            into->line[at + r] = (uint32_t)(part->line[r] + line_offset);
            if (credits) {
                into->role[at + r] = mapped(map_role, part->role[r]);
                into->year[at + r] = part->year[r];
            } else {
                into->weight[at + r] = part->weight[r];
            }
        }
        for (size_t i = 0; i < part->n_rows * into->n_extra; i++) {
            into->attrs[at * into->n_extra + i] = map_attr[part->attrs[i]];
        }
        into->n_rows = n;
        into->rows_read += part->rows_read;
        into->rows_skipped += part->rows_skipped;
        into->rows_bad_text += part->rows_bad_text;
        into->list_cells += part->list_cells;
        if (into->list_example[0] == '\0' && part->list_example[0] != '\0') {
            memcpy(into->list_example, part->list_example, sizeof into->list_example);
            memcpy(into->list_separator, part->list_separator, sizeof into->list_separator);
        }
        into->aliases_applied += part->aliases_applied;
        for (size_t w = 0; w < part->n_warnings && into->n_warnings < COLLAB_MAX_KEPT_WARNINGS;
             w++) {
            collab_warning kept = part->warnings[w];
            kept.line += line_offset;
            into->warnings[into->n_warnings++] = kept;
        }
    }
    collab_free(map_a);
    collab_free(map_b);
    collab_free(map_role);
    collab_free(map_attr);
    return st;
}

collab_status collab_i_load_parts_join(collab_i_load_parts *parts, collab_i_load_state *main,
                                       const collab_i_csv_reader *r, bool *whole,
                                       collab_error *err)
{
    *whole = false;
    join_all(parts);
    /* Which parts are sound: each must start where a row starts, and have started at all. */
    bool sound = collab_i_csv_reader_between_rows(r);
    long line_offset = collab_i_csv_reader_line(r) - 1;
    for (size_t k = 0; k < parts->n_parts && sound; k++) {
        load_part *part = &parts->parts[k];
        sound = part->ran;
        if (!sound) {
            break;
        }
        if (part->status != COLLAB_OK) {
            /* The first error of the file: earlier parts read cleanly. */
            collab_error moved = part->err;
            if (moved.line > 0) {
                moved.line += line_offset;
            }
            if (err != NULL && err->status == COLLAB_OK) {
                *err = moved;
            }
            return part->status;
        }
        sound = part->last || part->between_rows;
        line_offset += part->lines;
    }
    if (!sound) {
        return COLLAB_OK; /* one reader goes on from the first cut */
    }
    line_offset = collab_i_csv_reader_line(r) - 1;
    for (size_t k = 0; k < parts->n_parts; k++) {
        collab_status st = append_part(main->out, &parts->parts[k].list, line_offset, err);
        if (st != COLLAB_OK) {
            return st;
        }
        line_offset += parts->parts[k].lines;
    }
    *whole = true;
    return COLLAB_OK;
}

void collab_i_load_parts_free(collab_i_load_parts *parts)
{
    if (parts == NULL) {
        return;
    }
    atomic_store(&parts->stop, true);
    join_all(parts);
    for (size_t k = 0; k < parts->n_parts; k++) {
        return_header(&parts->parts[k].list);
        collab_edgelist_destroy(&parts->parts[k].list);
    }
    collab_free(parts);
}
