/* The engine's allocator. All allocation goes through these functions so that tests can fail
 * the n-th allocation and check that every error path cleans up (SQLite's faultsim idea).
 *
 * The failure injector is one process-wide countdown, the only mutable static in the engine
 * besides igraph's own state; it is off (negative) unless a test arms it, and then the functions
 * are still thin wrappers over malloc. */
#ifndef COLLAB_ALLOC_H
#define COLLAB_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* Returns NULL on failure (or when the injector says so). */
void *collab_malloc(size_t size);
/* Returns NULL on failure and leaves `ptr` untouched, as realloc does. */
void *collab_realloc(void *ptr, size_t size);
/* NULL-safe. */
void collab_free(void *ptr);
/* n * size with an overflow check: NULL when the product overflows or allocation fails. */
void *collab_alloc_array(size_t n, size_t size);
/* Like collab_alloc_array, zero-filled. */
void *collab_calloc_array(size_t n, size_t size);
/* realloc of an array of n items of `size` bytes; NULL on overflow or failure (ptr untouched). */
void *collab_realloc_array(void *ptr, size_t n, size_t size);
/* Makes room for `need` items of `item` bytes in `*array` (capacity `*cap` items), doubling from
 * at least 64; false on overflow or failure, with `*array` and `*cap` unchanged. */
bool collab_grow_array(void **array, size_t *cap, size_t need, size_t item);
/* A copy of the first `len` bytes of `s` plus a terminating NUL; NULL on failure. */
char *collab_strndup(const char *s, size_t len);

/* Test hook: after `countdown` more successful allocations, every allocation fails until the
 * hook is reset with a negative countdown. Only the unit tests call this. */
void collab_alloc_fail_after(long countdown);

#endif
