/* libFuzzer target: name lookup (collab_query_find) with arbitrary bytes as the name, against a
 * fixed credits graph of 360 people whose names share first names, surnames, accents and case, so
 * the suggestion list is full and its ties are exercised. A found vertex must carry the name
 * typed, up to case and accents; a miss must be a usage error with a message, only when no
 * person has the name up to case and accents, and its suggestions must be distinct names of the
 * graph. */
#include "collab/engine.h"
#include "collab/graph.h"
#include "collab/load.h"
#include "collab/query.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const first_names[] = {
    "Thom",  "Tom",   "Thomas", "Ana",   "Anna",  "Aníbal", "Carlos", "Carla",
    "José",  "Jose",  "Rick",   "Ricky", "Juan",  "Juanes", "Macy",   "Mary",
    "Ángel", "Angel", "Björk",  "Zoë",
};
static const char *const surnames[] = {
    "Russo", "Rosso",  "Rubin",   "Troilo", "Di Sarli", "Gray", "Grey", "Pugliese", "D'Arienzo",
};

/* The fixed graph: each person credited on a project with the next two people, so every name
 * is a vertex of the people view. Built once; the fuzzer process keeps it. */
static collab_graph *fixed_graph(void)
{
    static collab_graph graph;
    static int built;
    if (built) {
        return &graph;
    }
    size_t n_first = sizeof first_names / sizeof *first_names;
    size_t n_last = sizeof surnames / sizeof *surnames;
    size_t n_people = n_first * n_last * 2;
    char *csv = NULL;
    size_t csv_size = 0;
    FILE *out = open_memstream(&csv, &csv_size);
    fprintf(out, "person,project\n");
    for (size_t i = 0; i < n_people; i++) {
        size_t person = i % (n_first * n_last);
        const char *suffix = i < n_first * n_last ? "" : " Jr.";
        for (size_t k = 0; k < 3; k++) {
            fprintf(out, "\"%s %s%s\",P%zu\n", first_names[person % n_first],
                    surnames[person / n_first], suffix, (i + k) % n_people);
        }
    }
    fclose(out);
    FILE *in = fmemopen(csv, csv_size, "rb");
    collab_load_options lopt;
    collab_load_options_init(&lopt);
    collab_edgelist list;
    collab_error err = {0};
    if (collab_load_stream(&list, in, "people.csv", &lopt, &err) != COLLAB_OK) {
        abort();
    }
    fclose(in);
    free(csv);
    collab_graph_options gopt;
    collab_graph_options_init(&gopt);
    if (collab_graph_build(&graph, &list, &gopt, &err) != COLLAB_OK) {
        abort();
    }
    collab_edgelist_destroy(&list);
    built = 1;
    return &graph;
}

/* Every quoted suggestion after "closest: " is a name of the graph, and none repeats. */
static void check_suggestions(const collab_graph *g, const char *message)
{
    const char *list = strstr(message, "; closest: ");
    if (list == NULL) {
        return;
    }
    uint32_t seen[5];
    size_t n_seen = 0;
    const char *p = list + strlen("; closest: ");
    while (*p == '\'') {
        const char *end = strstr(p + 1, "', '");
        size_t len = end != NULL ? (size_t)(end - p - 1) : strlen(p + 1) - 1;
        uint32_t v = collab_names_find(&g->names, p + 1, len);
        if (v == COLLAB_NO_ID || n_seen == 5) {
            abort();
        }
        for (size_t i = 0; i < n_seen; i++) {
            if (seen[i] == v) {
                abort();
            }
        }
        seen[n_seen++] = v;
        p = end != NULL ? end + 3 : p + 1 + len + 1;
    }
}

/* A name "up to case and accents", as query.h states it: decomposed, marks stripped, case-folded,
 * control characters removed, spaces and tabs trimmed at both ends. NULL when not valid UTF-8.
 * Freed with free(). */
static char *folded(const char *name)
{
    utf8proc_uint8_t *out = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                         UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_STRIPCC) < 0) {
        return NULL;
    }
    char *s = (char *)out;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) {
        s[--len] = '\0';
    }
    size_t start = strspn(s, " \t");
    memmove(s, s + start, len - start + 1);
    return s;
}

/* Whether some person of `g` is `name` up to case and accents (the lookup must then find one). */
static int anyone_named(const collab_graph *g, const char *key)
{
    int found = 0;
    for (size_t v = 0; v < collab_graph_vertex_count(g) && !found; v++) {
        char *other = folded(collab_graph_name(g, v));
        found = other != NULL && strcmp(other, key) == 0;
        free(other);
    }
    return found;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    collab_engine_init();
    const collab_graph *g = fixed_graph();
    char *name = malloc(size + 1);
    if (name == NULL) {
        return 0;
    }
    memcpy(name, data, size);
    name[size] = '\0';
    uint32_t vertex = UINT32_MAX;
    collab_error err = {0};
    collab_status st = collab_query_find(g, name, &vertex, &err);
    char *key = folded(name);
    if (st == COLLAB_OK) {
        if (vertex >= collab_graph_vertex_count(g)) {
            abort();
        }
        /* the person found carries the name typed, byte for byte or up to case and accents */
        char *found = folded(collab_graph_name(g, vertex));
        int same = strcmp(collab_graph_name(g, vertex), name) == 0 ||
                   (key != NULL && found != NULL && strcmp(found, key) == 0);
        free(found);
        if (!same) {
            abort();
        }
    } else if (st != COLLAB_E_USAGE || err.message[0] == '\0' || vertex != UINT32_MAX) {
        abort();
    } else {
        /* a miss only when nobody has the name, up to case and accents */
        if (key != NULL && key[0] != '\0' && anyone_named(g, key)) {
            abort();
        }
        if (size < 64 && strstr(name, "closest") == NULL) {
            /* A long name can push the list past the message's end; such messages are cut. */
            check_suggestions(g, err.message);
        }
    }
    free(key);
    free(name);
    return 0;
}
