/* An interned set of strings: each distinct string gets a dense id in order of first insertion.
 *
 * Used for person, project, role and vertex names. Strings live in one growing byte pool and are
 * found through an open-addressing hash table, so memory grows with the number of distinct names,
 * not with the number of rows that mention them. */
#ifndef COLLAB_NAMES_H
#define COLLAB_NAMES_H

#include "collab/error.h"

#include <stddef.h>
#include <stdint.h>

#define COLLAB_NO_ID UINT32_MAX

/* Where string `id` lives: one record, so a lookup touches one cache line for it. */
typedef struct collab_name_entry {
    size_t offset;   /* start of the string in `pool` */
    uint32_t length; /* its byte length (no NUL) */
} collab_name_entry;

typedef struct collab_names {
    char *pool;                 /* records back to back: uint32 length, uint32 id, the string's
                                 * bytes and a NUL */
    size_t pool_len;            /* bytes used in `pool` */
    size_t pool_cap;            /* bytes allocated for `pool` */
    collab_name_entry *entries; /* entries[id] */
    size_t count;               /* number of distinct strings */
    size_t cap;                 /* allocated entries */
    uint64_t *slots;            /* open-addressing hash table: record offset + 1 and hash tag */
    size_t n_slots;             /* a power of two, kept at least twice `count` */
} collab_names;

/* Initialises an empty set. Never fails (allocation is deferred to the first insert). */
void collab_names_init(collab_names *names);

/* Frees everything; NULL-safe, and leaves `names` empty. */
void collab_names_destroy(collab_names *names);

/* Looks `s[0..len)` up and inserts it if absent. `*id` receives its id.
 * Returns COLLAB_E_NOMEM (set unchanged) or COLLAB_E_LIMIT beyond 2^32 - 2 names.
 * Time complexity: O(len) expected. */
collab_status collab_names_intern(collab_names *names, const char *s, size_t len, uint32_t *id,
                                  collab_error *err);

/* Interns every name of `from` into `into`, in `from`'s id order (so names new to `into` get
 * ids in that order); map[id] receives the id in `into` of `from`'s name `id` (`map` holds
 * from->count entries). The same result as collab_names_intern on each name in turn, faster on
 * large tables: each name's slot and record are fetched several names ahead. */
collab_status collab_names_intern_all(collab_names *into, const collab_names *from,
                                      uint32_t *map, collab_error *err);

/* The id of `s[0..len)`, or COLLAB_NO_ID when absent. */
uint32_t collab_names_find(const collab_names *names, const char *s, size_t len);

/* Initialises `out` as a copy of `src` (same strings, same ids). */
collab_status collab_names_copy(collab_names *out, const collab_names *src, collab_error *err);

/* The NUL-terminated string with id `id` (borrowed, valid until the next insert or destroy). */
const char *collab_names_get(const collab_names *names, uint32_t id);

/* Its length in bytes. */
size_t collab_names_length(const collab_names *names, uint32_t id);

#endif
