/* JSON text without a tree of values: see jsonline_internal.h. */
#include "collab/alloc.h"
#include "collab/numtext.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "jsonline_internal.h"

void collab_jsonline_init(collab_jsonline *j, collab_i_textbuf *out)
{
    memset(j, 0, sizeof *j);
    j->out = out;
}

static void append(collab_jsonline *j, const char *s, size_t n)
{
    collab_i_textbuf_add(j->out, s, n);
}

/* The ',' a value needs when it follows another at the same depth (not after its key). */
static void before_value(collab_jsonline *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->has_value[j->depth]) {
        append(j, ",", 1);
    }
    j->has_value[j->depth] = true;
}

static void open_container(collab_jsonline *j, char c)
{
    before_value(j);
    if (j->depth + 1 >= COLLAB_JSONLINE_DEPTH) {
        j->failed = true;
        return;
    }
    append(j, &c, 1);
    j->depth++;
    j->has_value[j->depth] = false;
}

static void close_container(collab_jsonline *j, char c)
{
    if (j->depth > 0) {
        j->depth--;
    }
    append(j, &c, 1);
}

void collab_jsonline_begin_object(collab_jsonline *j)
{
    open_container(j, '{');
}

void collab_jsonline_end_object(collab_jsonline *j)
{
    close_container(j, '}');
}

void collab_jsonline_begin_array(collab_jsonline *j)
{
    open_container(j, '[');
}

void collab_jsonline_end_array(collab_jsonline *j)
{
    close_container(j, ']');
}

/* The length of `key` when it has nothing to escape, else SIZE_MAX. Keys are mostly the
 * writers' own ("pagerank", "year_first"): then "key": goes in one piece. */
static size_t plain_key_length(const char *key)
{
    size_t n = 0;
    for (unsigned char c = (unsigned char)key[0]; c >= 0x20 && c != '"' && c != '\\';
         c = (unsigned char)key[++n]) {
    }
    return key[n] == '\0' && n < SIZE_MAX - 3 ? n : SIZE_MAX;
}

/* `"key":` for a key of `n` plain bytes into `p` (n + 3 bytes). */
static void put_plain_key(char *p, const char *key, size_t n)
{
    p[0] = '"';
    memcpy(p + 1, key, n);
    p[n + 1] = '"';
    p[n + 2] = ':';
}

void collab_jsonline_key(collab_jsonline *j, const char *key)
{
    before_value(j);
    j->after_key = true;
    size_t n = plain_key_length(key);
    char *p = n != SIZE_MAX ? collab_i_textbuf_reserve(j->out, n + 3) : NULL;
    if (p != NULL) {
        put_plain_key(p, key, n);
        j->out->len += n + 3;
        return;
    }
    collab_i_textbuf_json(j->out, key);
    append(j, ":", 1);
}

void collab_jsonline_key_prepare(collab_jsonline_key_text *k, const char *key)
{
    memset(k, 0, sizeof *k);
    k->key = key;
    size_t n = plain_key_length(key);
    if (n != SIZE_MAX && n + 3 <= sizeof k->text) {
        put_plain_key(k->text, key, n);
        k->len = n + 3;
    }
}

void collab_jsonline_key_ready(collab_jsonline *j, const collab_jsonline_key_text *k)
{
    if (k->len == 0) {
        collab_jsonline_key(j, k->key);
        return;
    }
    before_value(j);
    j->after_key = true;
    /* The whole array in one move, not a call of memcpy for `len` bytes; the bytes after the
     * key are written over next. */
    char *p = collab_i_textbuf_reserve(j->out, sizeof k->text);
    if (p != NULL) {
        memcpy(p, k->text, sizeof k->text);
        j->out->len += k->len;
    }
}

void collab_jsonline_string(collab_jsonline *j, const char *s)
{
    before_value(j);
    collab_i_textbuf_json(j->out, s);
}

void collab_jsonline_int(collab_jsonline *j, long long x)
{
    before_value(j);
    collab_i_textbuf_int(j->out, x);
}

void collab_jsonline_real(collab_jsonline *j, double x)
{
    if (!isfinite(x)) {
        collab_jsonline_null(j);
        return;
    }
    before_value(j);
    collab_i_textbuf_real(j->out, x);
}

void collab_jsonline_number(collab_jsonline *j, const char *text, size_t len)
{
    before_value(j);
    collab_i_textbuf_add(j->out, text, len);
}

void collab_jsonline_null(collab_jsonline *j)
{
    before_value(j);
    append(j, "null", 4);
}

bool collab_jsonline_end(collab_jsonline *j)
{
    bool ok = !j->failed && !j->out->failed;
    j->depth = 0;
    j->has_value[0] = false;
    j->after_key = false;
    j->failed = false;
    return ok;
}
