/* Private interface of the Discogs importer: discogs.c streams the dump (gzip, xmlTextReader,
 * errors, progress) and hands each expanded <release> to discogs_release.c, which turns it into
 * CSV rows. */
#ifndef COLLAB_DISCOGS_INTERNAL_H
#define COLLAB_DISCOGS_INTERNAL_H

#include "collab/discogs.h"

#include <libxml/tree.h>

/* A piece of text: borrowed from the release's tree (or from `owned` below), not terminated. */
typedef struct collab_i_span {
    const char *s;
    size_t len;
} collab_i_span;

/* One <artist> of a credit list, as read from the tree. */
typedef struct collab_i_discogs_credit {
    collab_i_span name;  /* <name> */
    collab_i_span id;    /* <id> */
    collab_i_span anv;   /* <anv>: the name as printed on this release */
    collab_i_span role;  /* <role> as written ("Producer, Guitar [Acoustic]") */
    collab_i_span track; /* the track's position, or the release credit's <tracks> */
    bool main;           /* from an <artists> list: role "Main Artist" */
} collab_i_discogs_credit;

/* What the release writer keeps from one release to the next: its buffers (grown to the largest
 * release, each with a cap) and where the rows go. */
typedef struct collab_i_discogs_writer {
    const collab_discogs_options *opt; /* filters (borrowed) */
    FILE *out;                         /* where the CSV goes (borrowed) */
    collab_discogs_stats *stats;       /* counts (borrowed) */
    collab_i_discogs_credit *credits;  /* the release's credits */
    size_t n_credits, credits_cap;
    collab_i_span *values; /* labels, genres and styles of the release, distinct */
    size_t n_values, values_cap;
    xmlChar **owned; /* texts libxml2 allocated for this release (xmlFree) */
    size_t n_owned, owned_cap;
    char *rows; /* the release's rows, written with one fwrite */
    size_t rows_len, rows_cap;
    char *tail; /* ",year,label,genre,style,country,master_id\n" */
    size_t tail_len, tail_cap;
    char *project; /* ",project,project_id" */
    size_t project_len, project_cap;
} collab_i_discogs_writer;

/* Reads the expanded `release` element and appends its rows to the output when it passes the
 * filters; counts it in the stats. Errors: COLLAB_E_NOMEM, COLLAB_E_LIMIT for a release beyond
 * the caps, COLLAB_E_IO when writing fails. */
collab_status collab_i_discogs_release(collab_i_discogs_writer *w, xmlNode *release,
                                       collab_error *err);

/* Frees the writer's buffers; leaves it zeroed (options and streams are not touched). */
void collab_i_discogs_writer_free(collab_i_discogs_writer *w);

#endif
