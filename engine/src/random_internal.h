/* The one small random generator the library uses besides igraph's: splitmix64 (Steele, Lea and
 * Flood 2014), for choices that must not disturb igraph's seeded generator (path-sweep sources,
 * warm-start jitter). Pure functions of the caller's state: no global state. */
#ifndef COLLAB_RANDOM_INTERNAL_H
#define COLLAB_RANDOM_INTERNAL_H

#include <stdint.h>

/* The next 64-bit value of the sequence seeded by `*state`, advancing it. */
static inline uint64_t collab_i_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A uniform number in [0, 1) with 53 random bits. */
static inline double collab_i_splitmix_unit(uint64_t *state)
{
    return (double)(collab_i_splitmix64(state) >> 11) / 9007199254740992.0;
}

#endif
