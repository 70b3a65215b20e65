/* Name variants: pairs of names in one file that probably denote one person ("Beyoncé" and
 * "Beyonce", "Bach, Johann Sebastian" and "Johann Sebastian Bach", "J. S. Bach" and "Johann
 * Sebastian Bach", "John Smith (2)" and "John Smith"), each with its evidence and a confidence,
 * for a user to review and apply with --aliases. Names are compared within blocks (the folded
 * name, the folded surname), never all pairs, so a million rows take seconds. Two names credited
 * together on one project are never proposed: they are two people. */
#ifndef COLLAB_VARIANTS_H
#define COLLAB_VARIANTS_H

#include "collab/error.h"
#include "collab/graph.h"
#include "collab/load.h"

#include <stddef.h>
#include <stdint.h>

typedef enum collab_variant_evidence {
    COLLAB_VARIANT_FOLDED = 0,   /* equal after case, accent and punctuation folding */
    COLLAB_VARIANT_INVERTED,     /* "Last, First" against "First Last" */
    COLLAB_VARIANT_SUFFIX,       /* a Discogs-style suffix "(2)" is the only difference */
    COLLAB_VARIANT_INITIALS      /* initials compatible with the given names, same surname */
} collab_variant_evidence;

/* One proposed pair: `alias` probably denotes the same person as `canonical` (the name with more
 * credits; ties: the one seen first). Ids are vertices of the graph. */
typedef struct collab_variant {
    uint32_t alias, canonical;
    collab_variant_evidence evidence;
    size_t shared;      /* collaborators they have in common */
    double confidence;  /* 0..1: the evidence's strength, raised by shared collaborators */
} collab_variant;

/* The variants among the people of `g` (built from `list`; people view for credits, the vertices
 * of an edge list), most confident first, then by canonical and alias id. `*out` (collab_malloc'd,
 * the caller frees) is set only on COLLAB_OK. Errors: COLLAB_E_NOMEM, COLLAB_E_USAGE for a view
 * other than people. Time complexity: O(V log V + sum of block sizes squared), blocks being the
 * names of one folded surname. */
collab_status collab_variants_find(const collab_graph *g, const collab_edgelist *list,
                                   collab_variant **out, size_t *n_out, collab_error *err);

/* "folded", "inverted", "suffix", "initials". */
const char *collab_variant_evidence_name(collab_variant_evidence e);

#endif
