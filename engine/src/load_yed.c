/* The node labels of a GraphML file saved by yEd. yEd keeps a node's label in its graphics, as
 * the text of a <y:NodeLabel> inside the node's <data> for a key with yfiles.type="nodegraphics",
 * where igraph's GraphML reader does not look: without this a yEd network would show its
 * internal ids ("n0", "n1") instead of the names a user typed. Read with libxml2's streaming
 * reader (the one igraph parses GraphML with), so memory stays bounded by the labels. */
#include "collab/alloc.h"
#include "collab/names.h"

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>

#include "load_internal.h"

#define YED_NAMESPACE     "http://www.yworks.com/xml/graphml"
#define GRAPHML_NAMESPACE "http://graphml.graphdrawing.org/xmlns"
#define MAX_LABEL_BYTES   4096 /* longer label text is cut: a name, not a document */

static int read_file(void *ctx, char *buf, int len)
{
    FILE *in = ctx;
    size_t got = fread(buf, 1, (size_t)len, in);
    return got == 0 && ferror(in) ? -1 : (int)got;
}

static int keep_file(void *ctx)
{
    (void)ctx; /* the caller owns and closes the stream */
    return 0;
}

/* Ignores libxml2's messages: igraph has parsed the file already, and a label that cannot be
 * read leaves the node named by its id. */
static void quiet(void *arg, const char *msg, xmlParserSeverities severity,
                  xmlTextReaderLocatorPtr locator)
{
    (void)arg;
    (void)msg;
    (void)severity;
    (void)locator;
}

void collab_i_yed_labels_free(collab_i_yed_labels *labels)
{
    for (size_t i = 0; labels->text != NULL && i < labels->cap; i++) {
        collab_free(labels->text[i]);
    }
    collab_free(labels->text);
    collab_names_destroy(&labels->ids);
    memset(labels, 0, sizeof *labels);
}

const char *collab_i_yed_label(const collab_i_yed_labels *labels, const char *id)
{
    uint32_t k = collab_names_find(&labels->ids, id, strlen(id));
    return k != COLLAB_NO_ID && k < labels->cap && labels->text[k] != NULL ? labels->text[k] : "";
}

/* Keeps `text` as node `node`'s label; false when out of memory. */
static bool keep_label(collab_i_yed_labels *labels, size_t node, const char *text)
{
    if (node >= labels->cap) {
        size_t cap = labels->cap == 0 ? 64 : 2 * labels->cap;
        while (cap <= node) {
            cap *= 2;
        }
        char **grown = collab_realloc(labels->text, cap * sizeof *grown);
        if (grown == NULL) {
            return false;
        }
        memset(grown + labels->cap, 0, (cap - labels->cap) * sizeof *grown);
        labels->text = grown;
        labels->cap = cap;
    }
    size_t len = strnlen(text, MAX_LABEL_BYTES);
    labels->text[node] = collab_malloc(len + 1);
    if (labels->text[node] == NULL) {
        return false;
    }
    memcpy(labels->text[node], text, len);
    labels->text[node][len] = '\0';
    return true;
}

collab_status collab_i_yed_labels_read(FILE *in, const char *name, collab_i_yed_labels *labels,
                                       collab_error *err)
{
    memset(labels, 0, sizeof *labels);
    collab_names_init(&labels->ids);
    xmlTextReaderPtr reader =
        xmlReaderForIO(read_file, keep_file, in, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (reader == NULL) {
        return COLLAB_OK; /* no labels: the nodes keep their ids */
    }
    xmlTextReaderSetErrorHandler(reader, quiet, NULL);
    uint32_t node = 0;    /* the node being read: its id's index in labels->ids */
    size_t found = 0;     /* labels kept */
    bool in_node = false; /* inside a node whose label is still to be found */
    bool ok = true;
    while (ok && xmlTextReaderRead(reader) == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) {
            continue;
        }
        const char *local = (const char *)xmlTextReaderConstLocalName(reader);
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(reader);
        if (strcmp(local, "node") == 0 && (ns == NULL || strcmp(ns, GRAPHML_NAMESPACE) == 0)) {
            /* By the node's id, not its place: igraph numbers a node an edge names before its
             * <node> element where the edge names it. */
            xmlChar *id = xmlTextReaderGetAttribute(reader, (const xmlChar *)"id");
            in_node = id != NULL;
            if (id != NULL) {
                ok = collab_names_intern(&labels->ids, (const char *)id, strlen((const char *)id),
                                         &node, err) == COLLAB_OK;
                in_node = node >= labels->cap || labels->text[node] == NULL;
                xmlFree(id);
            }
        } else if (in_node && strcmp(local, "NodeLabel") == 0 && ns != NULL &&
                   strcmp(ns, YED_NAMESPACE) == 0) {
            xmlChar *text = xmlTextReaderReadString(reader);
            if (text != NULL) {
                ok = keep_label(labels, node, (const char *)text);
                found++;
                xmlFree(text);
            }
            in_node = false; /* the first label is the node's name; others are annotations */
        }
    }
    xmlFreeTextReader(reader);
    if (!ok || found == 0) {
        collab_i_yed_labels_free(labels);
    }
    if (!ok) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", name);
    }
    labels->n = found;
    return COLLAB_OK;
}
