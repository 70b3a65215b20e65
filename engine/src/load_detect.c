/* Which kind of file the input is, told from its content rather than its name (a network saved
 * as .txt, a CSV named .net): GraphML by its '<graphml' root element, GML by `graph [` among its
 * first keys, Pajek by '*Vertices' or '*Network' after its '%' comments, anything else CSV. GEXF
 * is recognised only to say how to save it in a format collab reads. Also the names of the
 * formats, as --input-format takes them. */
#include "collab/alloc.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "load_internal.h"

#define SNIFF_BYTES ((size_t)1 << 16)

const char *collab_input_format_name(collab_input_format format)
{
    switch (format) {
    case COLLAB_INPUT_CSV:
        return "csv";
    case COLLAB_INPUT_GRAPHML:
        return "graphml";
    case COLLAB_INPUT_GML:
        return "gml";
    case COLLAB_INPUT_PAJEK:
        return "pajek";
    case COLLAB_INPUT_AUTO:
        break;
    }
    return "auto";
}

bool collab_input_format_parse(const char *text, collab_input_format *format)
{
    static const struct {
        const char *name;
        collab_input_format format;
    } names[] = {{"auto", COLLAB_INPUT_AUTO},       {"csv", COLLAB_INPUT_CSV},
                 {"graphml", COLLAB_INPUT_GRAPHML}, {"gml", COLLAB_INPUT_GML},
                 {"pajek", COLLAB_INPUT_PAJEK},     {"net", COLLAB_INPUT_PAJEK}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(text, names[i].name) == 0) {
            *format = names[i].format;
            return true;
        }
    }
    return false;
}

/* ---- detection ------------------------------------------------------------------------------ */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool starts_with_ci(const char *s, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - s) >= n && strncasecmp(s, word, n) == 0;
}

/* Skips white space and whole comment lines starting with `comment` (0 = none). */
static const char *skip_blank(const char *p, const char *end, char comment)
{
    while (p < end) {
        if (is_space(*p)) {
            p++;
        } else if (comment != 0 && *p == comment) {
            while (p < end && *p != '\n') {
                p++;
            }
        } else {
            break;
        }
    }
    return p;
}

/* GML: `key value` pairs with `graph [` among the top-level keys. A CSV header never has a key
 * followed by white space and then '[' or a quoted string: "graph\n[" must be found, after keys
 * such as Creator "..." or Version 1. */
static bool looks_like_gml(const char *p, const char *end)
{
    for (int keys = 0; keys < 8; keys++) {
        p = skip_blank(p, end, '#');
        const char *key = p;
        while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                           (*p >= '0' && *p <= '9') || *p == '_')) {
            p++;
        }
        if (p == key || p == end || !is_space(*p)) {
            return false;
        }
        bool graph = (size_t)(p - key) == 5 && strncasecmp(key, "graph", 5) == 0;
        p = skip_blank(p, end, 0);
        if (graph) {
            return p < end && *p == '[';
        }
        /* Another key's value: a number or a quoted string on its line. */
        if (p < end && *p == '"') {
            const char *q = memchr(p + 1, '"', (size_t)(end - p - 1));
            if (q == NULL) {
                return false;
            }
            p = q + 1;
        } else {
            while (p < end && !is_space(*p)) {
                if (*p == ',' || *p == ';' || *p == '[') {
                    return false;
                }
                p++;
            }
        }
    }
    return false;
}

/* XML that is not GraphML: said at once, since the CSV reader's complaint about its "header"
 * would not help. */
typedef enum other_xml {
    NOT_XML = 0, /* or GraphML */
    XML_GEXF,    /* Gephi's own format: igraph has no reader */
    XML_OTHER    /* XGMML, GEXF without its root in the first block, anything else */
} other_xml;

/* Returns the format of the text in buf, CSV when it is none of the networks; *xml says when it
 * is XML that collab does not read. */
static collab_input_format sniff_format(const char *buf, size_t len, other_xml *xml)
{
    const char *end = buf + len;
    const char *p = buf;
    *xml = NOT_XML;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
    }
    p = skip_blank(p, end, 0);
    if (p < end && *p == '<') {
        /* XML: the root element follows the declaration and any comments. */
        if (collab_text_find(p, (size_t)(end - p), "<graphml", 8) != NULL) {
            return COLLAB_INPUT_GRAPHML;
        }
        if (collab_text_find(p, (size_t)(end - p), "<gexf", 5) != NULL) {
            *xml = XML_GEXF;
        } else if (starts_with_ci(p, end, "<?xml")) {
            *xml = XML_OTHER;
        }
        return COLLAB_INPUT_CSV;
    }
    const char *q = skip_blank(p, end, '%'); /* Pajek comments start with '%' */
    if (starts_with_ci(q, end, "*vertices") || starts_with_ci(q, end, "*network")) {
        return COLLAB_INPUT_PAJEK;
    }
    return looks_like_gml(p, end) ? COLLAB_INPUT_GML : COLLAB_INPUT_CSV;
}

collab_status collab_i_load_detect_format(FILE *in, const char *name, collab_input_format *format,
                                          collab_error *err)
{
    off_t at = ftello(in);
    char *buf = collab_malloc(SNIFF_BYTES);
    if (buf == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", name);
    }
    size_t len = fread(buf, 1, SNIFF_BYTES, in);
    collab_status st = COLLAB_OK;
    if (len < SNIFF_BYTES && ferror(in)) {
        st = collab_error_set(err, COLLAB_E_IO, "cannot read '%s'", name);
    } else if (at < 0 || fseeko(in, at, SEEK_SET) != 0) {
        st = collab_error_set(err, COLLAB_E_IO, "cannot go back to the start of '%s'", name);
    }
    other_xml xml = NOT_XML;
    if (st == COLLAB_OK) {
        *format = sniff_format(buf, len, &xml);
    }
    collab_free(buf);
    if (st == COLLAB_OK && xml == XML_GEXF) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, name, 0, 0,
                                 "this is a GEXF file, which collab does not read: save the "
                                 "network as GraphML (Gephi: File > Export > Graph file, "
                                 "GraphML), or its edge table as CSV");
    } else if (st == COLLAB_OK && xml == XML_OTHER) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, name, 0, 0,
                                 "this XML file is not GraphML: collab reads networks as GraphML, "
                                 "GML or Pajek .net (Cytoscape: File > Export > Network to File, "
                                 "GraphML), and credits or edge lists as CSV");
    }
    return st;
}
