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

/* A hash slot: the id and the upper 32 bits of the string's hash, side by side, so a probe
 * rejects most mismatches without touching the entries or the pool. */
typedef struct collab_name_slot {
    uint32_t id_plus_one; /* id + 1, or 0 for an empty slot */
    uint32_t tag;         /* upper 32 bits of the hash */
} collab_name_slot;

typedef struct collab_names {
    char *pool;                 /* all strings, each NUL-terminated, back to back */
    size_t pool_len;            /* bytes used in `pool` */
    size_t pool_cap;            /* bytes allocated for `pool` */
    collab_name_entry *entries; /* entries[id] */
    size_t count;               /* number of distinct strings */
    size_t cap;                 /* allocated entries */
    collab_name_slot *slots;    /* open-addressing hash table */
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

/* The id of `s[0..len)`, or COLLAB_NO_ID when absent. */
uint32_t collab_names_find(const collab_names *names, const char *s, size_t len);

/* The NUL-terminated string with id `id` (borrowed, valid until the next insert or destroy). */
const char *collab_names_get(const collab_names *names, uint32_t id);

/* Its length in bytes. */
size_t collab_names_length(const collab_names *names, uint32_t id);

#endif
