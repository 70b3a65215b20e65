/* Reading a CSV file into a collab_edgelist: the entry points, and the reader run shared with the
 * alias table (sniffing the first block, the byte-order mark, the delimiter, an empty file, then
 * every block to the row consumer, pausing where a large file's first part ends to join the
 * parts read by other threads). The header is load_header.c's, the data rows load_rows.c's, the
 * alias table load_alias.c's, the parts load_parts.c's; the byte-level CSV work is csvread.c's. */
#include "collab/load.h"

#include "collab/alloc.h"
#include "load_internal.h"

#include <errno.h>
#include <string.h>

#define SNIFF_BYTES ((size_t)1 << 16)

typedef collab_i_load_state load_state;
typedef collab_i_load_job read_job;

void collab_load_options_init(collab_load_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->max_field_bytes = COLLAB_DEFAULT_MAX_FIELD_BYTES;
    opt->max_row_bytes = COLLAB_DEFAULT_MAX_ROW_BYTES;
    opt->max_columns = COLLAB_DEFAULT_MAX_COLUMNS;
}

const char *collab_shape_name(collab_shape shape)
{
    switch (shape) {
    case COLLAB_SHAPE_CREDITS:
        return "credits";
    case COLLAB_SHAPE_EDGES:
        return "edges";
    case COLLAB_SHAPE_AUTO:
        break;
    }
    return "auto";
}

void collab_edgelist_destroy(collab_edgelist *list)
{
    if (list == NULL) {
        return;
    }
    for (size_t i = 0; i < list->n_columns && list->column_names != NULL; i++) {
        collab_free(list->column_names[i]);
    }
    collab_free(list->column_names);
    collab_free(list->column_use);
    collab_free(list->extra_columns);
    collab_names_destroy(&list->names_a);
    collab_names_destroy(&list->names_b);
    collab_names_destroy(&list->roles);
    collab_names_destroy(&list->attr_values);
    collab_free(list->a);
    collab_free(list->b);
    collab_free(list->role);
    collab_free(list->year);
    collab_free(list->weight);
    collab_free(list->line);
    collab_free(list->attrs);
    memset(list, 0, sizeof *list);
}

/* ---- entry points ---------------------------------------------------------------------- */

/* Reads up to SNIFF_BYTES for BOM removal and delimiter detection. */
static collab_status sniff(FILE *in, const char *name, char *buf, size_t *len, collab_error *err)
{
    *len = fread(buf, 1, SNIFF_BYTES, in);
    if (*len < SNIFF_BYTES && ferror(in)) {
        return collab_error_set(err, COLLAB_E_IO, "cannot read '%s': %s", name, strerror(errno));
    }
    return COLLAB_OK;
}

static size_t bom_length(const char *buf, size_t len)
{
    return (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

static bool only_blank(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\n' && buf[i] != '\r' && buf[i] != ' ' && buf[i] != '\t') {
            return false;
        }
    }
    return true;
}

static collab_i_csv_source csv_source(const read_job *job, char delimiter)
{
    const collab_load_options *opt = job->opt;
    return (collab_i_csv_source){
        .display_name = job->name,
        .delimiter = delimiter,
        .max_field_bytes =
            opt->max_field_bytes ? opt->max_field_bytes : COLLAB_DEFAULT_MAX_FIELD_BYTES,
        .max_row_bytes = opt->max_row_bytes ? opt->max_row_bytes : COLLAB_DEFAULT_MAX_ROW_BYTES,
        .max_columns = opt->max_columns ? opt->max_columns : COLLAB_DEFAULT_MAX_COLUMNS,
        .on_row = job->on_row,
        .on_syntax_warning = job->on_syntax_warning,
        .ctx = job->ctx,
    };
}

static read_job main_job(FILE *in, load_state *ls)
{
    return (read_job){.in = in,
                      .name = ls->out->source,
                      .delimiter = ls->opt->delimiter,
                      .opt = ls->opt,
                      .on_row = collab_i_load_on_row,
                      .on_syntax_warning =
                          ls->opt->skip_bad_rows ? collab_i_load_on_syntax_warning : NULL,
                      .ctx = ls,
                      .split = ls,
                      .used_delimiter = &ls->out->delimiter};
}

collab_i_csv_source collab_i_load_csv_source(const char *display_name, char delimiter,
                                             load_state *ls)
{
    read_job job = main_job(NULL, ls);
    job.name = display_name;
    return csv_source(&job, delimiter);
}

/* Reads the stream from file offset `at` to its end into `r`. With parts planned, stops where
 * the first part ends and joins the others: when they were sound the file is read. */
static collab_status read_rest(const read_job *job, collab_i_csv_reader *r, off_t at,
                               collab_error *err)
{
    collab_i_load_parts *parts = job->split != NULL ? job->split->parts : NULL;
    off_t pause = parts != NULL ? collab_i_load_parts_first_end(parts) : -1;
    char *block = collab_malloc(COLLAB_I_CSV_BLOCK_BYTES);
    if (block == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", job->name);
    }
    collab_status st = COLLAB_OK;
    bool whole = false;
    while (st == COLLAB_OK) {
        size_t want = COLLAB_I_CSV_BLOCK_BYTES;
        if (pause >= 0 && (off_t)want > pause - at) {
            want = (size_t)(pause - at);
        }
        if (want == 0) {
            st = collab_i_load_parts_join(parts, job->split, r, &whole, err);
            if (whole) {
                break;
            }
            pause = -1; /* the parts were dropped: read on alone */
            continue;
        }
        size_t got = fread(block, 1, want, job->in);
        st = collab_i_csv_reader_feed(r, block, got);
        at += (off_t)got;
        if (got < want) {
            if (st == COLLAB_OK && ferror(job->in)) {
                st = collab_error_set(err, COLLAB_E_IO, "cannot read '%s': %s", job->name,
                                      strerror(errno));
            }
            break;
        }
    }
    collab_free(block);
    if (st == COLLAB_OK && !whole) {
        st = collab_i_csv_reader_finish(r);
    }
    return st;
}

collab_status collab_i_load_run(const read_job *job, collab_error *err)
{
    off_t base = job->split != NULL ? ftello(job->in) : -1;
    char *buf = collab_malloc(SNIFF_BYTES);
    if (buf == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", job->name);
    }
    size_t len;
    collab_status st = sniff(job->in, job->name, buf, &len, err);
    size_t bom = bom_length(buf, len);
    if (st == COLLAB_OK && only_blank(buf + bom, len - bom) && len < SNIFF_BYTES) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, job->name, 0, 0,
                                 "the file is empty (expected a header row and data rows)");
    }
    collab_i_csv_reader *r = NULL;
    if (st == COLLAB_OK) {
        char delim = job->delimiter != 0 ? job->delimiter
                                         : collab_i_csv_detect_delimiter(buf + bom, len - bom);
        *job->used_delimiter = delim;
        collab_i_csv_source src = csv_source(job, delim);
        st = collab_i_csv_reader_new(&r, &src, err);
    }
    if (st == COLLAB_OK && job->split != NULL && len == SNIFF_BYTES) {
        job->split->parts = collab_i_load_parts_plan(job->in, base, len, job->opt);
    }
    if (st == COLLAB_OK) {
        st = collab_i_csv_reader_feed(r, buf + bom, len - bom);
    }
    if (st == COLLAB_OK) {
        st = read_rest(job, r, base + (off_t)len, err);
    }
    collab_i_csv_reader_free(r);
    collab_free(buf);
    return st;
}

/* Reads the CSV in the decoded text into `list`. */
static collab_status load_csv(collab_edgelist *list, FILE *text, const collab_load_options *opt,
                              collab_error *err)
{
    load_state ls = {.out = list, .opt = opt};
    read_job job = main_job(text, &ls);
    collab_status st = collab_i_load_run(&job, err);
    /* The parts borrow the header from `list`: free them first. */
    collab_i_load_parts_free(ls.parts);
    if (st == COLLAB_OK && !ls.header_done) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, list->source, 0, 0,
                                 "the file is empty (expected a header row and data rows)");
    }
    if (st == COLLAB_OK && list->rows_read == 0) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, list->source, 0, 0,
                                 "no data rows after the header");
    }
    if (st == COLLAB_OK && list->n_rows == 0) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, list->source, 0, 0,
                                 "every one of the %zu data rows was bad and skipped",
                                 list->rows_read);
    }
    if (st == COLLAB_OK) {
        st = collab_i_load_apply_ids(list, opt, err);
    }
    collab_i_load_state_release(&ls);
    return st;
}

collab_status collab_load_stream(collab_edgelist *out, FILE *in, const char *display_name,
                                 const collab_load_options *opt, collab_error *err)
{
    collab_i_decoding text;
    off_t in_start = ftello(in);
    collab_status st = collab_i_load_decode(in, display_name, opt->encoding, &text, err);
    if (st != COLLAB_OK) {
        return st;
    }
    collab_edgelist list;
    memset(&list, 0, sizeof list);
    snprintf(list.source, sizeof list.source, "%s", display_name);
    snprintf(list.compression, sizeof list.compression, "%s",
             text.compression != NULL ? text.compression : "");
    snprintf(list.encoding, sizeof list.encoding, "%s", text.encoding);
    /* By content, not by name: a network saved as .txt, or a CSV named .net, is still read. */
    list.format = opt->format;
    if (list.format == COLLAB_INPUT_AUTO) {
        st = collab_i_load_detect_format(text.text, list.source, &list.format, err);
    }
    FILE *network = text.text;
    if (st == COLLAB_OK && list.format == COLLAB_INPUT_GRAPHML && text.encoding[0] != '\0' &&
        text.compression == NULL && in_start >= 0 && fseeko(in, in_start, SEEK_SET) == 0) {
        /* XML names its own encoding, which libxml2 follows: converted UTF-16 text would
         * contradict a declaration saying UTF-16. The file's own bytes are read instead. */
        network = in;
    }
    if (st == COLLAB_OK && list.format != COLLAB_INPUT_CSV) {
        st = collab_i_load_network(&list, network, list.format, opt, err);
    } else if (st == COLLAB_OK) {
        st = load_csv(&list, text.text, opt, err);
    }
    if (text.owned) {
        fclose(text.text);
    }
    if (st != COLLAB_OK) {
        collab_edgelist_destroy(&list);
        return st;
    }
    *out = list;
    return COLLAB_OK;
}

collab_status collab_load_file(collab_edgelist *out, const char *path,
                               const collab_load_options *opt, collab_error *err)
{
    if (strcmp(path, "-") == 0) {
        return collab_load_stream(out, stdin, "<stdin>", opt, err);
    }
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return collab_error_set(err, COLLAB_E_IO, "cannot open '%s': %s", path, strerror(errno));
    }
    collab_status st = collab_load_stream(out, in, path, opt, err);
    fclose(in);
    return st;
}
