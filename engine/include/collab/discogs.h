/* Importing the Discogs data dump (releases.xml, usually gzip-compressed) into a credits CSV that
 * the loader reads: one row per person, release and role.
 *
 * The dump is about 10 GB compressed, so it is streamed: libxml2's xmlTextReader reads one
 * <release> at a time (expanded into a small tree, freed before the next), and memory stays
 * bounded by the largest single release whatever the size of the file. Rows come from the
 * release's main artists (role "Main Artist"), its <extraartists>, and each track's <artists>
 * and <extraartists> (with the track position). A role list ("Producer, Mixed By") gives one row
 * per role, a bracketed detail ("Guitar [Acoustic]") goes to the role_detail column. Credits of
 * 'Various' (artist id 194) and credits without an artist id are skipped and counted. */
#ifndef COLLAB_DISCOGS_H
#define COLLAB_DISCOGS_H

#include "collab/error.h"
#include "collab/progress.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The header row the importer writes, in column order. */
#define COLLAB_DISCOGS_HEADER                                                                      \
    "person,person_id,credited_as,project,project_id,role,role_detail,track,year,label,genre,"     \
    "style,country,master_id"

/* Which releases and credits to keep; applied while streaming. Every list matches
 * case-insensitively (ASCII) and a release is kept when one of its values is in the list. */
typedef struct collab_discogs_options {
    const char *genres;    /* ';'-separated genres ("Jazz;Blues"), or NULL for all */
    const char *styles;    /* ';'-separated styles, or NULL */
    const char *labels;    /* ';'-separated label names, or NULL */
    const char *countries; /* ';'-separated countries, or NULL */
    const char *roles;     /* ','-separated roles without their detail ("Producer,Mixed By");
                            * "Main Artist" names the main artists; NULL for all */
    int year_from;         /* with year_to: keep releases whose year is in [from, to]; a release
                            * without a known year is then dropped. 0 and 0 = no year filter */
    int year_to;
    bool main_releases;          /* keep only the main release of each master (and releases that
                                  * belong to no master): reissues do not repeat the same credits */
    collab_progress_fn progress; /* called as the input is read (from the compressed bytes
                                  * consumed, with the time left when the size is known), or
                                  * NULL */
    void *progress_data;         /* passed to `progress` */
} collab_discogs_options;

/* What an import read, kept and skipped. */
typedef struct collab_discogs_stats {
    size_t releases;        /* <release> elements read */
    size_t releases_kept;   /* of those, releases that passed the filters */
    size_t rows;            /* credit rows written */
    size_t skipped_various; /* credits of 'Various' (artist id 194) skipped */
    size_t skipped_no_id;   /* credits without an artist id (or name) skipped */
    uint64_t bytes_read;    /* bytes of the input read (compressed when it is) */
    bool gzip;              /* the input was gzip-compressed */
} collab_discogs_stats;

/* Sets every option to its default: no filter, no progress. */
void collab_discogs_options_init(collab_discogs_options *opt);

/* Reads the dump from `in` (gzip-compressed or plain XML, told by its first bytes; a pipe is
 * fine, nothing is read twice) and writes the CSV, header first, to `out`. `name` names the
 * input in errors. `stats` (may be NULL) receives the counts, also on error.
 * Errors: COLLAB_E_INPUT for malformed XML (with line and column and what was expected), a root
 * element other than <releases>, corrupt or truncated gzip data, or data compressed some other
 * way; COLLAB_E_USAGE for a bad option; COLLAB_E_IO when reading or writing fails;
 * COLLAB_E_LIMIT for a release beyond the importer's caps (a million credits, 64 Ki labels,
 * genres and styles, 1 GiB of rows); COLLAB_E_NOMEM. On error part of the CSV may have been
 * written: write to an atomic output and abort it (collab_output). Neither stream is closed. Time
 * complexity: O(input size); memory O(largest release). */
collab_status collab_discogs_import(FILE *in, const char *name, FILE *out,
                                    const collab_discogs_options *opt, collab_discogs_stats *stats,
                                    collab_error *err);

#endif
