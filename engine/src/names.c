/* Interned strings: a byte pool plus an open-addressing hash table of ids (linear probing).
 * The table stores ids rather than pointers so the pool can move when it grows. */
#include "collab/names.h"

#include "collab/alloc.h"

#include <string.h>

/* FNV-1a, 64-bit: simple, and good enough for names spread over a power-of-two table once the
 * high bits are folded in. */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 32);
}

void collab_names_init(collab_names *names)
{
    memset(names, 0, sizeof *names);
}

void collab_names_destroy(collab_names *names)
{
    if (names == NULL) {
        return;
    }
    collab_free(names->pool);
    collab_free(names->offsets);
    collab_free(names->lengths);
    collab_free(names->slots);
    collab_free(names->tags);
    memset(names, 0, sizeof *names);
}

/* Each slot keeps the upper 32 bits of its string's hash beside the id, so a probe rejects
 * most mismatches without touching the pool: on large inputs that saves a cache miss a probe. */
static size_t find_slot(const collab_names *names, const char *s, size_t len, uint64_t h)
{
    size_t mask = names->n_slots - 1;
    size_t i = (size_t)h & mask;
    uint32_t tag = (uint32_t)(h >> 32);
    for (;;) {
        uint32_t entry = names->slots[i];
        if (entry == 0) {
            return i;
        }
        uint32_t id = entry - 1;
        if (names->tags[i] == tag && names->lengths[id] == len &&
            memcmp(names->pool + names->offsets[id], s, len) == 0) {
            return i;
        }
        i = (i + 1) & mask;
    }
}

uint32_t collab_names_find(const collab_names *names, const char *s, size_t len)
{
    if (names->n_slots == 0) {
        return COLLAB_NO_ID;
    }
    uint32_t entry = names->slots[find_slot(names, s, len, hash_bytes(s, len))];
    return entry == 0 ? COLLAB_NO_ID : entry - 1;
}

static collab_status grow_table(collab_names *names, collab_error *err)
{
    size_t n_slots = names->n_slots == 0 ? 64 : names->n_slots * 2;
    uint32_t *slots = collab_calloc_array(n_slots, sizeof *slots);
    uint32_t *tags = collab_alloc_array(n_slots, sizeof *tags);
    if (slots == NULL || tags == NULL) {
        collab_free(slots);
        collab_free(tags);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
    }
    collab_free(names->slots);
    collab_free(names->tags);
    names->slots = slots;
    names->tags = tags;
    names->n_slots = n_slots;
    /* Entries are re-inserted in id order: no string equals another, so no comparison needed. */
    for (size_t id = 0; id < names->count; id++) {
        const char *s = names->pool + names->offsets[id];
        uint64_t h = hash_bytes(s, names->lengths[id]);
        size_t i = (size_t)h & (n_slots - 1);
        while (slots[i] != 0) {
            i = (i + 1) & (n_slots - 1);
        }
        slots[i] = (uint32_t)id + 1;
        tags[i] = (uint32_t)(h >> 32);
    }
    return COLLAB_OK;
}

static collab_status reserve_entry(collab_names *names, size_t len, collab_error *err)
{
    if (names->count == names->cap) {
        size_t cap = names->cap == 0 ? 64 : names->cap * 2;
        size_t *offsets = collab_realloc_array(names->offsets, cap, sizeof *offsets);
        if (offsets == NULL) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
        }
        names->offsets = offsets;
        uint32_t *lengths = collab_realloc_array(names->lengths, cap, sizeof *lengths);
        if (lengths == NULL) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
        }
        names->lengths = lengths;
        names->cap = cap;
    }
    if (names->pool_cap - names->pool_len < len + 1) {
        size_t cap = names->pool_cap == 0 ? 4096 : names->pool_cap;
        while (cap - names->pool_len < len + 1) {
            cap *= 2;
        }
        char *pool = collab_realloc(names->pool, cap);
        if (pool == NULL) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
        }
        names->pool = pool;
        names->pool_cap = cap;
    }
    return COLLAB_OK;
}

collab_status collab_names_intern(collab_names *names, const char *s, size_t len, uint32_t *id,
                                  collab_error *err)
{
    if (len > UINT32_MAX - 1) {
        return collab_error_set(err, COLLAB_E_LIMIT, "name longer than 4 GiB");
    }
    if (names->count + 1 > names->n_slots / 2) {
        collab_status st = grow_table(names, err);
        if (st != COLLAB_OK) {
            return st;
        }
    }
    uint64_t h = hash_bytes(s, len);
    size_t slot = find_slot(names, s, len, h);
    if (names->slots[slot] != 0) {
        *id = names->slots[slot] - 1;
        return COLLAB_OK;
    }
    if (names->count >= UINT32_MAX - 1) {
        return collab_error_set(err, COLLAB_E_LIMIT, "more than %u distinct names",
                                (unsigned)(UINT32_MAX - 1));
    }
    collab_status st = reserve_entry(names, len, err);
    if (st != COLLAB_OK) {
        return st;
    }
    memcpy(names->pool + names->pool_len, s, len);
    names->pool[names->pool_len + len] = '\0';
    names->offsets[names->count] = names->pool_len;
    names->lengths[names->count] = (uint32_t)len;
    names->pool_len += len + 1;
    names->slots[slot] = (uint32_t)names->count + 1;
    names->tags[slot] = (uint32_t)(h >> 32);
    *id = (uint32_t)names->count;
    names->count++;
    return COLLAB_OK;
}

const char *collab_names_get(const collab_names *names, uint32_t id)
{
    return names->pool + names->offsets[id];
}

size_t collab_names_length(const collab_names *names, uint32_t id)
{
    return names->lengths[id];
}
