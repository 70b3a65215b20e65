/* Interned strings: a byte pool of records plus an open-addressing hash table (linear probing)
 * of record offsets.
 *
 * A lookup touches two cache lines, the slot and the record: each slot holds the record's pool
 * offset beside the top bits of the string's hash, and each record holds the string's length and
 * id right before its bytes. (An id in the slot would cost a third line, the id's entry.) Offsets
 * rather than pointers, so the pool can move when it grows. */
#include "collab/names.h"

#include "collab/alloc.h"

#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

/* A slot: 0 when empty, else (record offset + 1) in the low SLOT_OFFSET_BITS bits and the top
 * bits of the hash above them. The table index comes from the hash's low bits, so the tag adds
 * independent bits as long as the table has fewer than 2^40 slots. */
#define SLOT_OFFSET_BITS 40
#define SLOT_OFFSET_MASK ((UINT64_C(1) << SLOT_OFFSET_BITS) - 1)
#define SLOT_TAG_MASK (~SLOT_OFFSET_MASK)
#define RECORD_HEADER 8 /* uint32 length, uint32 id */

static uint64_t hash_name(const char *s, size_t len)
{
    return XXH3_64bits(s, len);
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

static uint32_t record_u32(const char *record, size_t at)
{
    uint32_t v;
    memcpy(&v, record + at, sizeof v);
    return v;
}

/* The slot holding `s`, or the empty slot where it would go. */
static size_t find_slot(const collab_names *names, const char *s, size_t len, uint64_t h)
{
    size_t mask = names->n_slots - 1;
    size_t i = (size_t)h & mask;
    uint64_t tag = h & SLOT_TAG_MASK;
    for (;;) {
        uint64_t slot = names->slots[i];
        if (slot == 0) {
            return i;
        }
        if ((slot & SLOT_TAG_MASK) == tag) {
            const char *record = names->pool + (slot & SLOT_OFFSET_MASK) - 1;
            if (record_u32(record, 0) == len && memcmp(record + RECORD_HEADER, s, len) == 0) {
                return i;
            }
        }
        i = (i + 1) & mask;
    }
}

static uint32_t slot_id(const collab_names *names, uint64_t slot)
{
    return record_u32(names->pool + (slot & SLOT_OFFSET_MASK) - 1, 4);
}

uint32_t collab_names_find(const collab_names *names, const char *s, size_t len)
{
    if (names->n_slots == 0) {
        return COLLAB_NO_ID;
    }
    uint64_t slot = names->slots[find_slot(names, s, len, hash_name(s, len))];
    return slot == 0 ? COLLAB_NO_ID : slot_id(names, slot);
}

static collab_status grow_table(collab_names *names, collab_error *err)
{
    size_t n_slots = names->n_slots == 0 ? 64 : names->n_slots * 2;
    uint64_t *slots = collab_calloc_array(n_slots, sizeof *slots);
    if (slots == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
    }
    collab_free(names->slots);
    names->slots = slots;
    names->n_slots = n_slots;
    /* Entries are re-inserted in id order: no string equals another, so no comparison needed. */
    for (size_t id = 0; id < names->count; id++) {
        const collab_name_entry *e = &names->entries[id];
        uint64_t h = hash_name(names->pool + e->offset, e->length);
        size_t i = (size_t)h & (n_slots - 1);
        while (slots[i] != 0) {
            i = (i + 1) & (n_slots - 1);
        }
        slots[i] = (h & SLOT_TAG_MASK) | (e->offset - RECORD_HEADER + 1);
    }
    return COLLAB_OK;
}

static collab_status reserve_entry(collab_names *names, size_t len, collab_error *err)
{
    size_t need = names->pool_len + RECORD_HEADER + len + 1;
    if (need > SLOT_OFFSET_MASK) {
        return collab_error_set(err, COLLAB_E_LIMIT, "more than 1 TiB of distinct names");
    }
    if (!collab_grow_array((void **)&names->entries, &names->cap, names->count + 1,
                           sizeof *names->entries) ||
        !collab_grow_array((void **)&names->pool, &names->pool_cap, need, 1)) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory growing a name table");
    }
    return COLLAB_OK;
}

/* Room for `more` names without growing the table past half full. */
static collab_status reserve_slots(collab_names *names, size_t more, collab_error *err)
{
    while (names->count + more > names->n_slots / 2) {
        collab_status st = grow_table(names, err);
        if (st != COLLAB_OK) {
            return st;
        }
    }
    return COLLAB_OK;
}

/* collab_names_intern with the hash already computed and a free slot guaranteed. */
static collab_status intern_hashed(collab_names *names, const char *s, size_t len, uint64_t hash,
                                   uint32_t *id, collab_error *err)
{
    if (len > UINT32_MAX - 1) {
        return collab_error_set(err, COLLAB_E_LIMIT, "name longer than 4 GiB");
    }
    size_t slot = find_slot(names, s, len, hash);
    if (names->slots[slot] != 0) {
        *id = slot_id(names, names->slots[slot]);
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
    char *record = names->pool + names->pool_len;
    uint32_t header[2] = {(uint32_t)len, (uint32_t)names->count};
    memcpy(record, header, sizeof header);
    memcpy(record + RECORD_HEADER, s, len);
    record[RECORD_HEADER + len] = '\0';
    names->entries[names->count] =
        (collab_name_entry){names->pool_len + RECORD_HEADER, (uint32_t)len};
    names->slots[slot] = (hash & SLOT_TAG_MASK) | (names->pool_len + 1);
    names->pool_len += RECORD_HEADER + len + 1;
    *id = (uint32_t)names->count;
    names->count++;
    return COLLAB_OK;
}

collab_status collab_names_intern(collab_names *names, const char *s, size_t len, uint32_t *id,
                                  collab_error *err)
{
    collab_status st = reserve_slots(names, 1, err);
    if (st != COLLAB_OK) {
        return st;
    }
    return intern_hashed(names, s, len, hash_name(s, len), id, err);
}

/* How far ahead collab_names_intern_all hashes a name and fetches its slot (stage 1), and then
 * its record (stage 2, half as far): far enough for a memory access to land before its name's
 * turn, near enough that the fetched lines are still in the cache. */
#define PREFETCH_SLOT_AHEAD 16
#define PREFETCH_RECORD_AHEAD 8
#define PREFETCH_RING 32 /* hashes kept: more than SLOT_AHEAD, as name i's is stored before name
                            i - SLOT_AHEAD's is used */

static void prefetch_record(const collab_names *names, uint64_t hash)
{
    uint64_t slot = names->slots[(size_t)hash & (names->n_slots - 1)];
    if (slot != 0 && (slot & SLOT_TAG_MASK) == (hash & SLOT_TAG_MASK)) {
        __builtin_prefetch(names->pool + (slot & SLOT_OFFSET_MASK) - 1);
    }
}

collab_status collab_names_intern_all(collab_names *into, const collab_names *from,
                                      uint32_t *map, collab_error *err)
{
    /* The table grows once, here: the slots fetched ahead stay where they are. */
    collab_status st = reserve_slots(into, from->count, err);
    if (st != COLLAB_OK) {
        return st;
    }
    uint64_t hashes[PREFETCH_RING];
    size_t n = from->count;
    size_t mask = into->n_slots - 1;
    /* Step i hashes name i and fetches its slot, fetches the record of name i - RECORD_AHEAD
     * and interns name i - SLOT_AHEAD. */
    for (size_t i = 0; i < n + PREFETCH_SLOT_AHEAD; i++) {
        if (i < n) {
            const collab_name_entry *e = &from->entries[i];
            uint64_t h = hash_name(from->pool + e->offset, e->length);
            hashes[i % PREFETCH_RING] = h;
            __builtin_prefetch(&into->slots[(size_t)h & mask]);
        }
        if (i >= PREFETCH_RECORD_AHEAD && i - PREFETCH_RECORD_AHEAD < n) {
            prefetch_record(into, hashes[(i - PREFETCH_RECORD_AHEAD) % PREFETCH_RING]);
        }
        if (i >= PREFETCH_SLOT_AHEAD) {
            size_t now = i - PREFETCH_SLOT_AHEAD;
            const collab_name_entry *e = &from->entries[now];
            st = intern_hashed(into, from->pool + e->offset, e->length,
                               hashes[now % PREFETCH_RING], &map[now], err);
            if (st != COLLAB_OK) {
                return st;
            }
        }
    }
    return COLLAB_OK;
}


collab_status collab_names_copy(collab_names *out, const collab_names *src, collab_error *err)
{
    collab_names copy;
    collab_names_init(&copy);
    copy.pool = collab_malloc(src->pool_len + 1);
    copy.entries = collab_alloc_array(src->count + 1, sizeof *copy.entries);
    copy.slots = collab_alloc_array(src->n_slots + 1, sizeof *copy.slots);
    if (copy.pool == NULL || copy.entries == NULL || copy.slots == NULL) {
        collab_names_destroy(&copy);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory copying a name table");
    }
    /* Offsets, not pointers, throughout: the bytes copy as they are. */
    memcpy(copy.pool, src->pool, src->pool_len);
    memcpy(copy.entries, src->entries, src->count * sizeof *copy.entries);
    memcpy(copy.slots, src->slots, src->n_slots * sizeof *copy.slots);
    copy.pool_len = src->pool_len;
    copy.pool_cap = src->pool_len + 1;
    copy.count = src->count;
    copy.cap = src->count + 1;
    copy.n_slots = src->n_slots;
    *out = copy;
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
