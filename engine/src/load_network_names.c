/* The names of a network file's nodes, from its attributes as igraph read them: the text of a
 * string, number or boolean attribute (GML strings decoded from &#N; references and
 * ISO-8859-1), yEd's labels (load_yed.c), and the choice of the attribute that names the nodes,
 * with ids or numbers for the nodes it leaves unnamed. */
#include "collab/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_network_internal.h"

/* The type of vertex (`edge` false) or edge attribute `attr`, or -1 when the file has none. */
int collab_i_net_attr_type(const collab_i_net_read *r, bool edge, const char *attr)
{
    if (!edge && strcmp(attr, COLLAB_I_YED_LABEL) == 0) {
        return r->yed.n > 0 && collab_i_net_attr_type(r, false, "id") == IGRAPH_ATTRIBUTE_STRING
                   ? COLLAB_I_YED_LABEL_TYPE
                   : -1;
    }
    const igraph_strvector_t *names = edge ? &r->e_names : &r->v_names;
    const igraph_vector_int_t *types = edge ? &r->e_types : &r->v_types;
    for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++) {
        if (strcmp(igraph_strvector_get(names, i), attr) == 0) {
            return (int)VECTOR(*types)[i];
        }
    }
    return -1;
}

static collab_status grow_text(collab_i_net_read *r, size_t need, collab_error *err)
{
    if (need <= r->text_cap) {
        return COLLAB_OK;
    }
    char *p = collab_realloc(r->text, need);
    if (p == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", r->name);
    }
    r->text = p;
    r->text_cap = need;
    return COLLAB_OK;
}

static size_t put_utf8(char *out, unsigned long c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* A GML string as text: GML is ASCII with other characters as &#N; or &#xN; (which igraph 0.10
 * leaves as they are; collab's GML export writes them), and older tools wrote ISO-8859-1 bytes,
 * which are converted when the string is not valid UTF-8. The result is in r->text. */
static collab_status gml_text(collab_i_net_read *r, const char *s, const char **out,
                              size_t *out_len, collab_error *err)
{
    size_t len = strlen(s);
    collab_status st = grow_text(r, 2 * len + 1, err);
    if (st != COLLAB_OK) {
        return st;
    }
    bool latin1 = collab_text_invalid_utf8(s, len) < len;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&' && s[i + 1] == '#') {
            bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
            char *end;
            unsigned long code = strtoul(s + i + (hex ? 3 : 2), &end, hex ? 16 : 10);
            bool digits = end > s + i + (hex ? 3 : 2);
            if (digits && *end == ';' && code > 0 && code <= 0x10FFFF &&
                !(code >= 0xD800 && code <= 0xDFFF)) {
                n += put_utf8(r->text + n, code);
                i = (size_t)(end - s);
                continue;
            }
        }
        n += latin1 && c >= 0x80 ? put_utf8(r->text + n, c) : (r->text[n] = (char)c, 1);
    }
    r->text[n] = '\0';
    *out = r->text;
    *out_len = n;
    return COLLAB_OK;
}

/* Vertex `v`'s attribute `attr` (of type `type`) as normalised text in *out (valid until the
 * next call), "" when absent. Errors: COLLAB_E_INPUT for text that is not UTF-8, COLLAB_E_NOMEM. */
static collab_status vertex_text(collab_i_net_read *r, const char *attr, int type,
                                 igraph_integer_t v, const char **out, size_t *out_len,
                                 collab_error *err)
{
    const char *s = "";
    size_t len = 0;
    if (type == COLLAB_I_YED_LABEL_TYPE) {
        s = collab_i_yed_label(&r->yed, VAS(r->g, "id", v));
        len = strlen(s);
    } else if (type == IGRAPH_ATTRIBUTE_STRING) {
        s = VAS(r->g, attr, v);
        len = strlen(s);
        if (r->format == COLLAB_INPUT_GML) {
            collab_status st = gml_text(r, s, &s, &len, err);
            if (st != COLLAB_OK) {
                return st;
            }
        }
    } else if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        double x = VAN(r->g, attr, v);
        if (isfinite(x)) {
            /* Whole numbers as integers: GML ids and Pajek numbers are "1", not "1.0". */
            if (x == floor(x) && fabs(x) < 1e15) {
                snprintf(r->number, sizeof r->number, "%.0f", x);
            } else {
                snprintf(r->number, sizeof r->number, "%.17g", x);
            }
            s = r->number;
            len = strlen(s);
        }
    } else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
        s = VAB(r->g, attr, v) ? "true" : "false";
        len = strlen(s);
    }
    if (collab_text_invalid_utf8(s, len) < len) {
        return collab_error_set_at(err, COLLAB_E_INPUT, r->name, 0, 0,
                                   "node %lld's %s is not valid UTF-8: the file's encoding is "
                                   "probably not UTF-8 (try --encoding windows-1252, or the one it "
                                   "was saved in)",
                                   (long long)v + 1, attr);
    }
    return collab_text_normalize(s, len, false, &r->scratch, out, out_len, err);
}

/* The candidate name attributes, in the order a user expects them to name the nodes. */
static const char *const name_attrs[] = {"label", "name", COLLAB_I_YED_LABEL, "id"};
#define N_NAME_ATTRS (sizeof name_attrs / sizeof name_attrs[0])

/* How many nodes `attr` names: with a name that is not empty and not an earlier node's. */
static collab_status count_named(collab_i_net_read *r, const char *attr, int type, size_t *count,
                                 collab_error *err)
{
    collab_names seen;
    collab_names_init(&seen);
    igraph_integer_t n = igraph_vcount(r->g);
    collab_status st = COLLAB_OK;
    *count = 0;
    for (igraph_integer_t v = 0; v < n && st == COLLAB_OK; v++) {
        const char *s;
        size_t len;
        uint32_t id;
        st = vertex_text(r, attr, type, v, &s, &len, err);
        if (st == COLLAB_OK && len > 0) {
            st = collab_names_intern(&seen, s, len, &id, err);
            *count += st == COLLAB_OK && id + 1 == seen.count;
        }
    }
    collab_names_destroy(&seen);
    return st;
}

/* The attribute that names the nodes (an index into name_attrs, -1 for none): of the names people
 * gave (label, name, yEd's labels), the first that names every node, else the one that names
 * the most, whose gaps the ids fill; the id only when none of them names any node. A single
 * node without a label must not turn every name into an id. */
static collab_status pick_name_attribute(collab_i_net_read *r, int *primary, collab_error *err)
{
    size_t n = (size_t)igraph_vcount(r->g);
    size_t best = 0;
    *primary = -1;
    for (size_t k = 0; k + 1 < N_NAME_ATTRS; k++) {
        int type = collab_i_net_attr_type(r, false, name_attrs[k]);
        size_t count = 0;
        collab_status st = type >= 0 ? count_named(r, name_attrs[k], type, &count, err) : COLLAB_OK;
        if (st != COLLAB_OK) {
            return st;
        }
        if (count > best) {
            best = count;
            *primary = (int)k;
        }
        if (count == n) {
            break;
        }
    }
    if (*primary < 0 && collab_i_net_attr_type(r, false, "id") >= 0) {
        *primary = (int)N_NAME_ATTRS - 1;
    }
    return COLLAB_OK;
}

/* One name per node, all different, into `chosen` (id = node index), and the attribute they came
 * from into list->name_attribute. */
collab_status collab_i_net_choose_names(collab_i_net_read *r, collab_edgelist *list,
                                        collab_names *chosen, collab_error *err)
{
    int primary = -1;
    collab_status st = pick_name_attribute(r, &primary, err);
    if (st != COLLAB_OK) {
        return st;
    }
    if (primary >= 0) {
        snprintf(list->name_attribute, sizeof list->name_attribute, "%s", name_attrs[primary]);
    }
    int id_type = collab_i_net_attr_type(r, false, "id");
    igraph_integer_t n = igraph_vcount(r->g);
    for (igraph_integer_t v = 0; v < n && st == COLLAB_OK; v++) {
        const char *s = "";
        size_t len = 0;
        if (primary >= 0) {
            st = vertex_text(r, name_attrs[primary],
                             collab_i_net_attr_type(r, false, name_attrs[primary]), v, &s, &len,
                             err);
        }
        bool fresh =
            st == COLLAB_OK && len > 0 && collab_names_find(chosen, s, len) == COLLAB_NO_ID;
        bool replaced = st == COLLAB_OK && !fresh && primary >= 0;
        if (st == COLLAB_OK && !fresh && id_type >= 0 && primary != (int)N_NAME_ATTRS - 1) {
            st = vertex_text(r, "id", id_type, v, &s, &len, err);
            fresh = st == COLLAB_OK && len > 0 && collab_names_find(chosen, s, len) == COLLAB_NO_ID;
        }
        char number[32];
        if (st == COLLAB_OK && !fresh) {
            snprintf(number, sizeof number, "%lld", (long long)v + 1);
            s = number;
            len = strlen(number);
        }
        list->names_replaced += replaced;
        uint32_t id = 0;
        if (st == COLLAB_OK) {
            st = collab_names_intern(chosen, s, len, &id, err);
        }
        if (st == COLLAB_OK && id != (uint32_t)v) {
            st = collab_error_set_at(err, COLLAB_E_INPUT, r->name, 0, 0,
                                     "cannot give node %lld a name of its own: its label, name "
                                     "and id are empty or used by other nodes",
                                     (long long)v + 1);
        }
    }
    return st;
}
