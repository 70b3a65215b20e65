/* JSON text without a tree of values: see jsonline_internal.h. */
#include "jsonline_internal.h"

#include "collab/alloc.h"
#include "collab/numtext.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

void collab_jsonline_init(collab_jsonline *j)
{
    memset(j, 0, sizeof *j);
}

void collab_jsonline_free(collab_jsonline *j)
{
    collab_free(j->data);
    memset(j, 0, sizeof *j);
}

static void reset(collab_jsonline *j)
{
    j->len = 0;
    j->depth = 0;
    j->has_value[0] = false;
    j->after_key = false;
}

/* Room for `more` bytes; false (and `failed`) when out of memory. */
static bool reserve(collab_jsonline *j, size_t more)
{
    if (!j->failed && (more > SIZE_MAX - j->len ||
                       !collab_grow_array((void **)&j->data, &j->cap, j->len + more, 1))) {
        j->failed = true;
    }
    return !j->failed;
}

static void append(collab_jsonline *j, const char *s, size_t n)
{
    if (reserve(j, n)) {
        memcpy(j->data + j->len, s, n);
        j->len += n;
    }
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

static void quoted(collab_jsonline *j, const char *s)
{
    size_t n = strlen(s);
    /* The worst case: every byte a six-byte \u00XX escape, and the quotes. */
    if (n > (SIZE_MAX - 2) / 6 || !reserve(j, 6 * n + 2)) {
        j->failed = true;
        return;
    }
    static const char hex[] = "0123456789abcdef";
    char *out = j->data + j->len;
    *out++ = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            *out++ = '\\';
            *out++ = (char)c;
        } else if (c == '\n') {
            *out++ = '\\';
            *out++ = 'n';
        } else if (c == '\t') {
            *out++ = '\\';
            *out++ = 't';
        } else if (c < 0x20) {
            memcpy(out, "\\u00", 4);
            out[4] = hex[c >> 4];
            out[5] = hex[c & 15];
            out += 6;
        } else {
            *out++ = (char)c;
        }
    }
    *out++ = '"';
    j->len = (size_t)(out - j->data);
}

void collab_jsonline_key(collab_jsonline *j, const char *key)
{
    before_value(j);
    quoted(j, key);
    append(j, ":", 1);
    j->after_key = true;
}

void collab_jsonline_string(collab_jsonline *j, const char *s)
{
    before_value(j);
    quoted(j, s);
}

void collab_jsonline_int(collab_jsonline *j, long long x)
{
    char buf[COLLAB_NUMTEXT_MAX];
    before_value(j);
    append(j, buf, collab_numtext_int(x, buf));
}

void collab_jsonline_real(collab_jsonline *j, double x)
{
    if (!isfinite(x)) {
        collab_jsonline_null(j);
        return;
    }
    char buf[COLLAB_NUMTEXT_MAX];
    before_value(j);
    append(j, buf, collab_numtext_real(x, buf));
}

void collab_jsonline_null(collab_jsonline *j)
{
    before_value(j);
    append(j, "null", 4);
}

bool collab_jsonline_flush(collab_jsonline *j, FILE *f, const char *suffix)
{
    bool ok = !j->failed;
    if (ok) {
        fwrite(j->data, 1, j->len, f);
        fputs(suffix, f);
    }
    reset(j);
    return ok;
}
