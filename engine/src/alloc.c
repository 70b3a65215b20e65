/* The engine's allocator: malloc with overflow-checked array sizes and a countdown that tests
 * arm to make the n-th allocation fail. */
#include "collab/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Test-only fault injector; negative = off. Not thread-safe by design: the allocation-failure
 * tests are single-threaded, and production code never arms it. */
static long fail_countdown = -1;

static int injected_failure(void)
{
    if (fail_countdown < 0) {
        return 0;
    }
    if (fail_countdown == 0) {
        return 1;
    }
    fail_countdown--;
    return 0;
}

void collab_alloc_fail_after(long countdown)
{
    fail_countdown = countdown;
}

void *collab_malloc(size_t size)
{
    if (injected_failure()) {
        return NULL;
    }
    return malloc(size == 0 ? 1 : size);
}

void *collab_realloc(void *ptr, size_t size)
{
    if (injected_failure()) {
        return NULL;
    }
    return realloc(ptr, size == 0 ? 1 : size);
}

void collab_free(void *ptr)
{
    free(ptr);
}

void *collab_alloc_array(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        return NULL;
    }
    return collab_malloc(n * size);
}

void *collab_calloc_array(size_t n, size_t size)
{
    void *p = collab_alloc_array(n, size);
    if (p != NULL) {
        memset(p, 0, n * size);
    }
    return p;
}

void *collab_realloc_array(void *ptr, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        return NULL;
    }
    return collab_realloc(ptr, n * size);
}

bool collab_grow_array(void **array, size_t *cap, size_t need, size_t item)
{
    if (need <= *cap) {
        return true;
    }
    size_t n = *cap < 64 ? 64 : *cap;
    while (n < need) {
        if (n > SIZE_MAX / 2) {
            return false;
        }
        n *= 2;
    }
    void *grown = collab_realloc_array(*array, n, item);
    if (grown == NULL) {
        return false;
    }
    *array = grown;
    *cap = n;
    return true;
}

char *collab_strndup(const char *s, size_t len)
{
    char *copy = collab_malloc(len + 1);
    if (copy != NULL) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}
