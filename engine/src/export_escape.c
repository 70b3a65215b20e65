/* Text and numbers for the export formats: XML 1.0 escaping (GraphML, GEXF, VOSviewer's HTML
 * labels), GML's ASCII strings with character references, and doubles written so that they read
 * back to the same bits. */
#include "collab/alloc.h"
#include "collab/numtext.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "export_internal.h"

void collab_i_put_real(FILE *f, const char *before, double x, bool decimal_point,
                       const char *after)
{
    fputs(before, f);
    if (decimal_point) {
        collab_numtext_put_real(f, x);
    } else {
        collab_numtext_put_double(f, x);
    }
    fputs(after, f);
}

/* Room for the worst case: 8 output bytes per input byte ("&#65533;" for an invalid byte). */
static char *reserve(collab_i_scratch *scratch, size_t len)
{
    if (len >= SIZE_MAX / 8 - 1) {
        return NULL;
    }
    size_t need = 8 * len + 1;
    if (scratch->capacity < need) {
        char *grown = collab_realloc(scratch->data, need);
        if (grown == NULL) {
            return NULL;
        }
        scratch->data = grown;
        scratch->capacity = need;
    }
    return scratch->data;
}

/* The next code point of `s[0..len)` and its byte count; an invalid byte is U+FFFD over 1 byte. */
static size_t next_code_point(const char *s, size_t len, int32_t *cp)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, cp);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)n;
}

static char *put(char *out, const char *text)
{
    size_t n = strlen(text);
    memcpy(out, text, n);
    return out + n;
}

/* What one code point becomes: writes it at `out` and returns the end. `cp` is the code point,
 * U+FFFD for an invalid byte; `bytes` and `n` are its UTF-8 text in the input. */
typedef char *(*escape_fn)(char *out, int32_t cp, const char *bytes, size_t n);

/* The one walk over the UTF-8 text `s` that both escapers share: each code point (an invalid
 * byte as U+FFFD over one byte) through `escape_one` into `scratch`, NUL-terminated; NULL when
 * out of memory. Room is reserved for the worst case first, so nothing is checked per character. */
static const char *escape_text(const char *s, collab_i_scratch *scratch, escape_fn escape_one)
{
    size_t len = strlen(s);
    char *out = reserve(scratch, len);
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = next_code_point(s + i, len - i, &cp);
        out = escape_one(out, cp, s + i, n);
        i += n;
    }
    *out = '\0';
    return scratch->data;
}

/* One code point in XML 1.0 text (the rules are collab_i_xml_escape's, in export_internal.h). */
static char *xml_char(char *out, int32_t cp, const char *bytes, size_t n)
{
    bool forbidden =
        (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
    if (forbidden || (cp == 0xFFFD && n == 1)) {
        return put(out, "\xEF\xBF\xBD");
    }
    switch (cp) {
    case '&':
        return put(out, "&amp;");
    case '<':
        return put(out, "&lt;");
    case '>':
        return put(out, "&gt;");
    case '"':
        return put(out, "&quot;");
    case '\'':
        return put(out, "&#39;");
    case '\t':
    case '\n':
    case '\r':
        return out + sprintf(out, "&#%d;", (int)cp);
    default:
        memcpy(out, bytes, n);
        return out + n;
    }
}

/* One code point in a GML string: printable ASCII but " and &, else a reference. */
static char *gml_char(char *out, int32_t cp, const char *bytes, size_t n)
{
    (void)bytes;
    (void)n;
    if (cp == '"') {
        return put(out, "&quot;");
    }
    if (cp == '&') {
        return put(out, "&amp;");
    }
    if (cp < 0x20 || cp > 0x7E) {
        return out + sprintf(out, "&#%ld;", (long)cp);
    }
    *out = (char)cp;
    return out + 1;
}

const char *collab_i_xml_escape(const char *s, collab_i_scratch *scratch)
{
    return escape_text(s, scratch, xml_char);
}

const char *collab_i_gml_escape(const char *s, collab_i_scratch *scratch)
{
    return escape_text(s, scratch, gml_char);
}
