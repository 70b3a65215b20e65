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
    collab_free(names->entries);
    collab_free(names->slots);
    memset(names, 0, sizeof *names);
}

static size_t find_slot(const collab_names *names, const char *s, size_t len, uint64_t h)
{
    size_t mask = names->n_slots - 1;
    size_t i = (size_t)h & mask;
    uint32_t tag = (uint32_t)(h >> 32);
    for (;;) {
        collab_name_slot slot = names->slots[i];
        if (slot.id_plus_one == 0) {
            return i;
        }
        if (slot.tag == tag) {
            const collab_name_entry *e = &names->entries[slot.id_plus_one - 1];
            if (e->length == len && memcmp(names->pool + e->offset, s, len) == 0) {
                return i;
            }
        }
        i = (i + 1) & mask;
    }
}

uint32_t collab_names_find(const collab_names *names, const char *s, size_t len)
{
    if (names->n_slots == 0) {
        return COLLAB_NO_ID;
    }
    uint32_t entry = names->slots[find_slot(names, s, len, hash_bytes(s, len))].id_plus_one;
    return entry == 0 ? COLLAB_NO_ID : entry - 1;
}

static collab_status grow_table(collab_names *names, collab_error *err)
{
    size_t n_slots = names->n_slots == 0 ? 64 : names->n_slots * 2;
    collab_name_slot *slots = collab_calloc_array(n_slots, sizeof *slots);
    if (slots == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
    }
    collab_free(names->slots);
    names->slots = slots;
    names->n_slots = n_slots;
    /* Entries are re-inserted in id order: no string equals another, so no comparison needed. */
    for (size_t id = 0; id < names->count; id++) {
        const collab_name_entry *e = &names->entries[id];
        uint64_t h = hash_bytes(names->pool + e->offset, e->length);
        size_t i = (size_t)h & (n_slots - 1);
        while (slots[i].id_plus_one != 0) {
            i = (i + 1) & (n_slots - 1);
        }
        slots[i] = (collab_name_slot){(uint32_t)id + 1, (uint32_t)(h >> 32)};
    }
    return COLLAB_OK;
}

static collab_status reserve_entry(collab_names *names, size_t len, collab_error *err)
{
    if (names->count == names->cap) {
        size_t cap = names->cap == 0 ? 64 : names->cap * 2;
        collab_name_entry *entries = collab_realloc_array(names->entries, cap, sizeof *entries);
        if (entries == NULL) {
            return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
        }
        names->entries = entries;
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
    if (names->slots[slot].id_plus_one != 0) {
        *id = names->slots[slot].id_plus_one - 1;
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
    names->entries[names->count] = (collab_name_entry){names->pool_len, (uint32_t)len};
    names->pool_len += len + 1;
    names->slots[slot] = (collab_name_slot){(uint32_t)names->count + 1, (uint32_t)(h >> 32)};
    *id = (uint32_t)names->count;
    names->count++;
    return COLLAB_OK;
}

const char *collab_names_get(const collab_names *names, uint32_t id)
{
    return names->pool + names->entries[id].offset;
}

size_t collab_names_length(const collab_names *names, uint32_t id)
{
    return names->entries[id].length;
}
