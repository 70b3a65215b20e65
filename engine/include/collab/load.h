/* Reading credit lists and edge lists from CSV into a collab_edgelist.
 *
 * The reader detects the delimiter (, ; tab |) and the shape from the header, accepts RFC 4180
 * quoting (quotes and line breaks inside fields), a UTF-8 byte-order mark, LF, CRLF and CR line
 * ends, and skips blank lines. Every field is validated as UTF-8; names are trimmed and put in
 * Unicode NFC so that spellings differing only in composition or surrounding spaces are one name.
 * Errors carry the file, the physical line and the column (in characters, 1-based) of the problem.
 * A large regular file is read by several threads, each from a line end near an equal share of
 * the file; their rows are joined into exactly what one reader would have produced (same ids,
 * lines, warnings and first error), or, when a share turns out to start inside a quoted field,
 * dropped while one reader goes on. Only csvread.c includes <csv.h>. */
#ifndef COLLAB_LOAD_H
#define COLLAB_LOAD_H

#include "collab/error.h"
#include "collab/names.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum collab_shape {
    COLLAB_SHAPE_AUTO = 0, /* detect from the header */
    COLLAB_SHAPE_CREDITS,  /* person,project[,role][,year] */
    COLLAB_SHAPE_EDGES     /* source,target[,weight] */
} collab_shape;

/* What kind of file the input is. GraphML, GML and Pajek are networks written by other tools
 * (Gephi, Cytoscape, yEd, NetworkX, igraph, Pajek) and by `collab export`: they are read through
 * igraph, each node a vertex in the file's order, each edge a row (load_network.c). */
typedef enum collab_input_format {
    COLLAB_INPUT_AUTO = 0, /* detect: "<graphml", "graph [", "*Vertices", else CSV */
    COLLAB_INPUT_CSV,
    COLLAB_INPUT_GRAPHML,
    COLLAB_INPUT_GML,
    COLLAB_INPUT_PAJEK
} collab_input_format;

/* What a column of the input is used for. */
typedef enum collab_column_use {
    COLLAB_COL_EXTRA = 0, /* kept as an attribute */
    COLLAB_COL_PERSON,
    COLLAB_COL_PROJECT,
    COLLAB_COL_ROLE,
    COLLAB_COL_YEAR,
    COLLAB_COL_SOURCE,
    COLLAB_COL_TARGET,
    COLLAB_COL_WEIGHT
} collab_column_use;

/* Default limits; each has an option to raise it. */
#define COLLAB_DEFAULT_MAX_FIELD_BYTES ((size_t)1 << 20) /* 1 MiB per field */
#define COLLAB_DEFAULT_MAX_ROW_BYTES   ((size_t)8 << 20) /* 8 MiB per row (several lines if quoted) */
#define COLLAB_DEFAULT_MAX_COLUMNS     1024
#define COLLAB_YEAR_MIN                1000
#define COLLAB_YEAR_MAX                2999
#define COLLAB_MAX_KEPT_WARNINGS       10

/* An alias table: alias name -> canonical name, read from a two-column CSV (alias,canonical; a
 * header naming those columns is skipped). Names are normalised as in the main input. */
typedef struct collab_aliases {
    collab_names from;  /* aliases */
    collab_names to;    /* canonical names */
    uint32_t *target;   /* target[alias id] = canonical id */
} collab_aliases;

typedef struct collab_load_options {
    collab_input_format format; /* COLLAB_INPUT_AUTO to detect from the content */
    collab_shape shape;      /* COLLAB_SHAPE_AUTO to detect */
    char delimiter;          /* 0 to detect among , ; \t | */
    const char *person_col;  /* header names overriding detection, or 1-based column numbers
                              * ("3") when no column has that name; NULL = detect */
    const char *project_col;
    const char *role_col;
    const char *year_col;
    const char *source_col;
    const char *target_col;
    const char *weight_col;
    bool skip_bad_rows;      /* turn bad data rows into warnings instead of stopping */
    bool no_header;          /* the first row is data: columns are named "1", "2", ... */
    size_t max_field_bytes;  /* 0 = COLLAB_DEFAULT_MAX_FIELD_BYTES */
    size_t max_row_bytes;    /* 0 = COLLAB_DEFAULT_MAX_ROW_BYTES */
    size_t max_columns;      /* 0 = COLLAB_DEFAULT_MAX_COLUMNS */
    const collab_aliases *aliases; /* names to merge, or NULL (borrowed for the load) */
    const char *person_cols; /* a wide sheet: one row per project, people across these columns
                              * (names, 1-based numbers, ranges "3-20", globs "musician*",
                              * comma-separated); NULL = one person column */
    const char *split_people; /* credits: the person column holds a list of names separated by
                              * this text ("; "): one credit per name, trimmed; NULL = one name */
    const char *encoding;    /* the input's text encoding, any name iconv knows
                              * ("windows-1252"); NULL = UTF-8, or UTF-16 when it shows */
    const char *person_id_col;  /* credits: a column whose values are the people's identity
                                 * (name or 1-based number): rows with one id are one person,
                                 * shown by the name used most with it; rows with an empty id
                                 * are identified by name. NULL = a column named 'person_id',
                                 * when there is one; "" = none */
    const char *project_id_col; /* the same for projects (detected: 'project_id') */
    int threads;             /* readers of a large regular file, each on its own part of it:
                              * 0 = one per core (at most 4), 1 = one. The result is the same. */
} collab_load_options;

/* A warning kept for a skipped row (the first COLLAB_MAX_KEPT_WARNINGS only). */
typedef struct collab_warning {
    long line, column;
    char message[512]; /* as long as a collab_error's */
} collab_warning;

typedef struct collab_edgelist {
    collab_shape shape;        /* CREDITS or EDGES after loading */
    char delimiter;            /* the delimiter used */
    char source[256];          /* the input's display name ("-" is shown as "<stdin>") */
    char compression[16];      /* "gzip", "xz", "zstd", "bzip2" when the input was compressed */
    char encoding[64];         /* the encoding converted from to UTF-8, "" for UTF-8 input */
    collab_input_format format; /* CSV, or the network format read (never AUTO after loading) */
    char name_attribute[32];   /* network files: the node attribute the names came from
                                  ("label", "name", "id"); "" = numbered 1..n */
    char weight_attribute[32]; /* network files: the edge attribute the weights came from
                                  ("weight", "value"); "" = every edge weighs 1 */
    size_t names_replaced;     /* network files: nodes whose name attribute was empty or repeated
                                  another node's, named by their id (or number) instead */
    bool file_directed;        /* network files: the file declares its edges directed */
    bool vertices_listed;      /* network files: names_a (and names_b for credits) list every node
                                  in the file's order, isolated ones included; the graph numbers
                                  its vertices by them instead of by first appearance in rows */
    size_t n_columns;          /* columns in the header */
    char **column_names;       /* n_columns header names as written (owned) */
    collab_column_use *column_use; /* n_columns uses */
    size_t n_extra;            /* columns kept as attributes */
    size_t *extra_columns;     /* n_extra indices into column_names */
    collab_names names_a;      /* persons (credits) or vertex names (edges) */
    collab_names names_b;      /* projects (credits); empty for edges */
    collab_names roles;        /* distinct roles, case-folded (credits) */
    collab_names attr_values;  /* distinct values of the extra columns */
    size_t n_rows;             /* rows kept */
    size_t rows_cap;           /* allocated rows */
    uint32_t *a;               /* per row: person id (credits) or source id (edges) */
    uint32_t *b;               /* per row: project id (credits) or target id (edges) */
    uint32_t *role;            /* per row: role id or COLLAB_NO_ID; NULL for edges */
    int16_t *year;             /* per row: year or 0 when empty; NULL for edges */
    double *weight;            /* per row: weight (1 when empty); NULL for credits */
    uint32_t *line;            /* per row: the physical line where the row began */
    uint32_t *attrs;           /* per row: n_extra ids into attr_values (row-major) */
    size_t rows_read;          /* data rows seen, kept or not */
    size_t rows_skipped;       /* bad rows skipped under skip_bad_rows */
    size_t rows_bad_text;      /* of those, rows whose text was not valid UTF-8 */
    bool header_looks_like_data; /* the header row has an empty name, a year or a sentence: it
                                    may be the first data row of a file without a header */
    size_t list_cells;         /* credits read without split_people: person cells that look like
                                  lists of names ("A; B", "A | B", "A / B", "A, B", "A & B",
                                  "A and B", or names on several lines of one cell) */
    char list_separator[8];    /* the separator seen most in them, as --split-people takes it
                                  ("\\n" for a line break) */
    char list_example[96];     /* the first such cell, cut after a whole name */
    size_t aliases_applied;    /* names replaced through the alias table */
    size_t person_id_column;   /* the column people are identified by, when persons_by_id */
    bool persons_by_id;        /* people are identified by person_id_column, not by name */
    size_t project_id_column;  /* the same for projects */
    bool projects_by_id;
    size_t ids_renamed;        /* people or projects whose most used name another one had:
                                  shown as "Name [id 123]" */
    collab_warning warnings[COLLAB_MAX_KEPT_WARNINGS]; /* first skipped-row warnings */
    size_t n_warnings;         /* warnings kept (<= COLLAB_MAX_KEPT_WARNINGS) */
} collab_edgelist;

/* Sets every option to its default (detect everything, strict, default limits). */
void collab_load_options_init(collab_load_options *opt);

/* Reads the CSV or network file at `path` ("-" for standard input) into `out`, which is
 * uninitialised on entry and initialised only on COLLAB_OK. On error nothing is left to free and
 * `err` says why, with the file, line and column for bad input (COLLAB_E_INPUT; a network file's
 * syntax error has the line igraph or libxml2 gives, and column 0), COLLAB_E_LIMIT for a field,
 * row or column count beyond its limit, COLLAB_E_IO when the file cannot be read, COLLAB_E_NOMEM.
 * Time complexity: O(file size); memory O(distinct names + kept rows). */
collab_status collab_load_file(collab_edgelist *out, const char *path,
                               const collab_load_options *opt, collab_error *err);

/* Same from an open stream; `display_name` names it in errors. The stream is not closed. */
collab_status collab_load_stream(collab_edgelist *out, FILE *in, const char *display_name,
                                 const collab_load_options *opt, collab_error *err);

/* Frees `list`; NULL-safe, leaves it zeroed. */
void collab_edgelist_destroy(collab_edgelist *list);

/* Reads `path` into `out` (uninitialised on entry, initialised only on COLLAB_OK). An alias listed
 * twice with different targets is an error (COLLAB_E_INPUT, with its line). */
collab_status collab_aliases_load(collab_aliases *out, const char *path, collab_error *err);

/* Frees `aliases`; NULL-safe. */
void collab_aliases_destroy(collab_aliases *aliases);

/* "csv", "graphml", "gml", "pajek" or "auto". */
const char *collab_input_format_name(collab_input_format format);

/* The format named `text` ("auto", "csv", "graphml", "gml", "pajek", "net" for Pajek); false
 * when none is. */
bool collab_input_format_parse(const char *text, collab_input_format *format);

/* A short name of a shape: "credits", "edges" or "auto". */
const char *collab_shape_name(collab_shape shape);

#endif
