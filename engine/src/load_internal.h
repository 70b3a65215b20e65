/* Private interface of the load module: load.c (entry points, the reader run), load_header.c
 * (columns and shape from the header), load_rows.c (data rows: validation, names, years,
 * weights), load_lists.c (person cells that look like lists of names), load_alias.c (the alias
 * table), load_parts.c (reading a large file's parts on several threads and joining their
 * rows), load_detect.c (CSV or which network format), load_network.c and load_network_names.c
 * (GraphML, GML and Pajek through igraph) and load_yed.c (yEd's node labels). */
#ifndef COLLAB_LOAD_INTERNAL_H
#define COLLAB_LOAD_INTERNAL_H

#include "collab/load.h"
#include "collab/text.h"
#include "csvread_internal.h"

#include <sys/types.h>

typedef struct collab_i_load_parts collab_i_load_parts;

/* The previous row's raw text and id in one name column. Credit files list a project's credits
 * together, so the same raw project (and often role) repeats row after row; equal raw bytes
 * normalise to the same name, so the lookup can be skipped. */
typedef struct collab_i_column_memo {
    char *raw;       /* previous raw field (collab_malloc'd) */
    size_t len;      /* its length */
    size_t cap;      /* allocated bytes */
    uint32_t id;     /* the id it got */
    bool valid;      /* raw/id hold a previous field */
} collab_i_column_memo;

/* What one reader fills: the whole file's rows, or one part's. */
typedef struct collab_i_load_state {
    collab_edgelist *out;             /* being filled */
    collab_i_column_memo memo[3];     /* for the a, b and role columns */
    const collab_load_options *opt;   /* caller's options */
    collab_text_scratch scratch;      /* normalisation buffer */
    bool header_done;                 /* the header row has been read */
    size_t col[8];                    /* column index per collab_column_use, SIZE_MAX if absent */
    collab_i_load_parts *parts;       /* the file's other parts, started once the header is
                                       * read; NULL when one reader reads it all */
    const char **split_fields;        /* --split-people: a row's fields with the person replaced
                                       * by one name (n_columns, owned) */
    size_t *split_lengths;            /* their lengths */
    char *split_name;                 /* the name (owned, grown) */
    size_t split_cap;                 /* its allocated bytes */
    size_t list_votes[8];             /* list-like person cells per separator (load_lists.c) */
    uint8_t list_sep_start[256];      /* per byte, a bit for each separator it starts (bit k for
                                       * separator k; filled once) */
    uint8_t list_sep_len[8];          /* each separator's length in bytes */
    size_t list_sep_best;             /* the separator out->list_separator names (load_lists.c) */
    bool list_sep_ready;              /* list_sep_start and list_sep_len are filled */
    size_t *wide;                     /* --person-cols: the person columns, ascending (owned) */
    size_t n_wide;                    /* how many */
    char *wide_project;               /* the project name of the row being read (owned) */
    size_t wide_project_cap;          /* its allocated bytes */
} collab_i_load_state;

/* The UTF-8 text of an input, whatever its bytes were (load_decode.c). */
typedef struct collab_i_decoding {
    FILE *text;              /* the text to parse, at its start */
    bool owned;              /* `text` is a temporary file to fclose */
    const char *compression; /* "gzip", "xz", "zstd", "bzip2", or NULL when not compressed */
    char encoding[64];       /* the encoding converted from, "" when the text was UTF-8 */
} collab_i_decoding;

/* Looks at the first bytes of `in`: decompresses gzip, xz, zstd or bzip2 (by magic bytes) and
 * converts UTF-16 (byte-order mark or the zero bytes of ASCII text) or `encoding` (an iconv name;
 * NULL = UTF-8 unless UTF-16 is seen) to UTF-8, streaming into unnamed temporary files. When
 * nothing needs decoding, what->text is `in` itself, rewound (a pipe is copied to a temporary
 * file so it can be read from the start). Errors: COLLAB_E_INPUT for corrupt compressed data or a
 * byte invalid in `encoding` (with its line and column), COLLAB_E_USAGE for an unknown encoding,
 * COLLAB_E_IO, COLLAB_E_NOMEM. */
collab_status collab_i_load_decode(FILE *in, const char *name, const char *encoding,
                                   collab_i_decoding *what, collab_error *err);

/* Reads the start of `in` and goes back to where it was: *format is GraphML ('<graphml' after the
 * XML declaration), GML (`graph [` among its first keys), Pajek ('*Vertices' or '*Network') or
 * else CSV (load_detect.c). Errors: COLLAB_E_INPUT for a GEXF file (saying how to save it as
 * GraphML), COLLAB_E_IO, COLLAB_E_NOMEM. */
collab_status collab_i_load_detect_format(FILE *in, const char *name, collab_input_format *format,
                                          collab_error *err);

/* Reads the GraphML, GML or Pajek network in `in` through igraph into `list`, whose source,
 * compression and encoding are set and everything else zero: names, one row per edge (credits
 * for a person-project network), vertices_listed, and what the names and weights came from.
 * Errors: COLLAB_E_INPUT for a file igraph cannot parse (with the line it names), a weight not
 * greater than 0, a name that is not UTF-8 or no node; COLLAB_E_USAGE for a CSV column option;
 * COLLAB_E_NOMEM. On error what `list` holds is for collab_edgelist_destroy. */
collab_status collab_i_load_network(collab_edgelist *list, FILE *in, collab_input_format format,
                                    const collab_load_options *opt, collab_error *err);

/* The labels yEd keeps in a GraphML file's node graphics (<y:NodeLabel>), which igraph does not
 * read (load_yed.c). */
typedef struct collab_i_yed_labels {
    collab_names ids; /* the GraphML ids of the <node> elements, in the file's order */
    char **text;      /* per id: the node's first label (owned), or NULL */
    size_t n;         /* labels found; 0 when the file has none */
    size_t cap;       /* allocated entries of text */
} collab_i_yed_labels;

/* Reads the labels of the GraphML in `in` from where it is to its end into `labels`
 * (uninitialised on entry; empty when the file has none or cannot be parsed, since igraph has
 * read it already). Errors: COLLAB_E_NOMEM only. */
collab_status collab_i_yed_labels_read(FILE *in, const char *name, collab_i_yed_labels *labels,
                                       collab_error *err);

/* The label of the node with GraphML id `id`, "" when it has none (borrowed from `labels`). */
const char *collab_i_yed_label(const collab_i_yed_labels *labels, const char *id);

/* Frees `labels`; safe on a zeroed one. */
void collab_i_yed_labels_free(collab_i_yed_labels *labels);

/* The key a header name is matched by: case-folded, spaces, '_', '-' and '.' removed. */
void collab_i_load_header_key(const char *s, size_t len, char *key, size_t key_size,
                              collab_text_scratch *scratch);

/* --person-cols LIST (load_wide.c): the header's person columns, from names, 1-based numbers,
 * ranges "3-20" and globs "musician*", into ls->wide. Errors: COLLAB_E_INPUT naming a part of the
 * list that matches no column, with the header's columns. */
collab_status collab_i_load_wide_columns(collab_i_load_state *ls, const collab_i_csv_row *header,
                                         char keys[][64], collab_error *err);

/* A row of a wide sheet: one credit per non-empty person cell, all on the row's project (a title
 * that an earlier row had becomes "Title (line N)": two recordings of one tune stay two). */
collab_status collab_i_load_wide_row(collab_i_load_state *ls, const collab_i_csv_row *row,
                                     collab_error *err);

/* Counts person cell `s` (len bytes) of a credit row when it looks like a list of names: a
 * separator with text on both sides. Votes for the first such separator of its table, keeps the
 * most voted one (out->list_separator, as --split-people takes it) and the first example
 * (load_lists.c). */
void collab_i_load_note_list_cell(collab_i_load_state *ls, const char *s, size_t len);

/* `*out_row` = `row` with field c replaced by `text` (trimmed; the copy lives in ls's buffers
 * until the next call), for reading several credits from one row. */
collab_status collab_i_load_row_with(collab_i_load_state *ls, const collab_i_csv_row *row, size_t c,
                                    const char *text, size_t len, collab_i_csv_row *out_row,
                                    collab_error *err);

/* Reads `row` as one credit row of the edgelist (grows it, reads the fields, keeps the line). */
collab_status collab_i_load_credit(collab_i_load_state *ls, const collab_i_csv_row *row,
                                   collab_error *err);

/* One run of the reader over a stream: what to read, how, and who consumes the rows. */
typedef struct collab_i_load_job {
    FILE *in;                       /* the stream, positioned where the input starts */
    const char *name;               /* display name, for errors */
    char delimiter;                 /* 0 = detect */
    const collab_load_options *opt; /* limits */
    collab_i_csv_row_fn on_row;     /* row consumer */
    void (*on_syntax_warning)(const collab_error *, void *); /* skip mode, or NULL */
    void *ctx;                      /* the consumers' state */
    collab_i_load_state *split;     /* the main load, which may read a large file in parts; or
                                     * NULL (the alias table) */
    char *used_delimiter;           /* out: the delimiter used */
} collab_i_load_job;

/* Runs `job` (load.c), shared by the main loader and the alias loader: reads the first block,
 * strips a UTF-8 BOM, detects the delimiter, rejects an empty input, then streams every row to
 * the consumer (with `split`, planning and joining the parts of a large file). Returns the first
 * error: the consumer's, COLLAB_E_INPUT/COLLAB_E_LIMIT from the CSV reader, COLLAB_E_IO,
 * COLLAB_E_NOMEM. Does not close the stream. */
collab_status collab_i_load_run(const collab_i_load_job *job, collab_error *err);

/* Reads the header row into `ls` (load_header.c): the column names, the use of each column and
 * the shape (from the options, else detected), then sets `ls->header_done`. Errors: COLLAB_E_INPUT
 * (invalid UTF-8, a named column missing, no shape or a required column missing), COLLAB_E_NOMEM;
 * the names allocated so far stay in `ls->out` for its destroy. */
collab_status collab_i_load_read_header(collab_i_load_state *ls, const collab_i_csv_row *row,
                                        collab_error *err);

/* The name of a column use as the options and messages spell it: "person", "weight"... */
const char *collab_i_load_use_name(collab_column_use use);

/* The row consumer of a reader: the header first (unless header_done), then data rows. */
collab_status collab_i_load_on_row(const collab_i_csv_row *row, void *ctx, collab_error *err);

/* The syntax-warning consumer under skip_bad_rows. */
void collab_i_load_on_syntax_warning(const collab_error *warning, void *ctx);

/* The reader configuration for `ls`'s input. */
collab_i_csv_source collab_i_load_csv_source(const char *display_name, char delimiter,
                                             collab_i_load_state *ls);

/* Identity from id columns (load_ids.c), once every row is read: people by opt->person_id_col
 * (or a 'person_id' column), projects by opt->project_id_col (or 'project_id'), each shown by
 * its most used name. Errors: COLLAB_E_INPUT for a named column that is missing or holds names,
 * COLLAB_E_USAGE for --person-id-col on an edge list, COLLAB_E_NOMEM. */
collab_status collab_i_load_apply_ids(collab_edgelist *out, const collab_load_options *opt,
                                      collab_error *err);

/* Frees the state's buffers (not `out`). */
void collab_i_load_state_release(collab_i_load_state *ls);

/* Plans the parts of the file behind `in`, whose bytes from `base` on are the input and of which
 * the first `sniffed` have been read: NULL (one reader) for a stream that is not a regular file,
 * a small file, one thread, or no line end found near the cut points. */
collab_i_load_parts *collab_i_load_parts_plan(FILE *in, off_t base, size_t sniffed,
                                              const collab_load_options *opt);

/* The file offset where the first part, the one the caller reads, ends. */
off_t collab_i_load_parts_first_end(const collab_i_load_parts *parts);

/* Starts a thread per further part; called once the header is read (`main->header_done`), and
 * `main` must not change its header facts while they run. A part that cannot start makes the
 * join fall back to one reader. */
void collab_i_load_parts_start(collab_i_load_parts *parts, const collab_i_load_state *main);

/* Called when the caller's reader `r` has read the first part: waits for the others and, when
 * every part began where a row begins and none failed, appends their rows to `main->out` and
 * sets `*whole` (the file is read). When one failed, its error (at its absolute line) is the
 * result. Otherwise (a part began inside a quoted field) their rows are dropped, `*whole` stays
 * false, and the caller's reader goes on alone from where it stopped. */
collab_status collab_i_load_parts_join(collab_i_load_parts *parts, collab_i_load_state *main,
                                       const collab_i_csv_reader *r, bool *whole,
                                       collab_error *err);

/* Stops and waits for any running part, and frees everything; NULL-safe. */
void collab_i_load_parts_free(collab_i_load_parts *parts);

#endif
