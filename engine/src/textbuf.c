/* The text buffer of the writers and its appenders: see textbuf_internal.h. The escapers copy
 * runs of bytes that need no escape with one memcpy and look at the rest one code point at a
 * time. */
#include "collab/alloc.h"
#include "collab/numtext.h"

#include <stdarg.h>
#include <stdint.h>
#include <utf8proc.h>

#include "textbuf_internal.h"

void collab_i_textbuf_init(collab_i_textbuf *b, FILE *f)
{
    memset(b, 0, sizeof *b);
    b->f = f;
}

void collab_i_textbuf_flush(collab_i_textbuf *b)
{
    if (b->f != NULL && b->len > 0) {
        fwrite(b->data, 1, b->len, b->f); /* a failure stays in the stream's error flag */
        b->len = 0;
    }
}

bool collab_i_textbuf_finish(collab_i_textbuf *b)
{
    if (b == NULL) {
        return true;
    }
    collab_i_textbuf_flush(b);
    bool ok = !b->failed;
    collab_free(b->data);
    memset(b, 0, sizeof *b);
    return ok;
}

char *collab_i_textbuf_room(collab_i_textbuf *b, size_t n)
{
    if (b->failed) {
        return NULL;
    }
    collab_i_textbuf_flush(
        b); /* a full chunk (or, for a piece longer than a chunk, what precedes it) */
    if (b->cap - b->len < n) {
        size_t need = n > SIZE_MAX - b->len ? SIZE_MAX : b->len + n;
        if (b->f != NULL && need < COLLAB_I_TEXTBUF_CHUNK) {
            need = COLLAB_I_TEXTBUF_CHUNK; /* a stream's buffer holds a chunk from the start */
        }
        if (need == SIZE_MAX || !collab_grow_array((void **)&b->data, &b->cap, need, 1)) {
            b->failed = true;
            return NULL;
        }
    }
    return b->data + b->len;
}

void collab_i_textbuf_printf(collab_i_textbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        collab_i_textbuf_add(b, small, (size_t)n);
        return;
    }
    char *p = collab_i_textbuf_reserve(b, (size_t)n + 1);
    if (p != NULL) {
        va_start(ap, fmt);
        vsnprintf(p, (size_t)n + 1, fmt, ap);
        va_end(ap);
        b->len += (size_t)n;
    }
}

const char *collab_i_textbuf_cstr(collab_i_textbuf *b)
{
    char *p = collab_i_textbuf_reserve(b, 1);
    if (p == NULL) {
        return "";
    }
    *p = '\0';
    return b->data;
}

/* ---- numbers ------------------------------------------------------------------------------ */

void collab_i_textbuf_uint(collab_i_textbuf *b, unsigned long long x)
{
    char *p = collab_i_textbuf_reserve(b, COLLAB_NUMTEXT_MAX);
    if (p != NULL) {
        b->len += collab_numtext_uint(x, p);
    }
}

void collab_i_textbuf_int(collab_i_textbuf *b, long long x)
{
    char *p = collab_i_textbuf_reserve(b, COLLAB_NUMTEXT_MAX);
    if (p != NULL) {
        b->len += collab_numtext_int(x, p);
    }
}

void collab_i_textbuf_double(collab_i_textbuf *b, double x)
{
    char *p = collab_i_textbuf_reserve(b, COLLAB_NUMTEXT_MAX);
    if (p != NULL) {
        b->len += collab_numtext_double(x, p);
    }
}

void collab_i_textbuf_real(collab_i_textbuf *b, double x)
{
    char *p = collab_i_textbuf_reserve(b, COLLAB_NUMTEXT_MAX);
    if (p != NULL) {
        b->len += collab_numtext_real(x, p);
    }
}

/* ---- escaping ----------------------------------------------------------------------------- */

/* The bytes each format copies as they are: a bit per ASCII byte (set: safe), and whether the
 * bytes >= 0x80 are (JSON passes UTF-8 through; XML and GML check it). Printable ASCII less what
 * the format escapes, and for XML and JSON also DEL. The NUL is never safe. */
typedef struct safe_set {
    uint64_t low;  /* bytes 0x00-0x3F */
    uint64_t high; /* bytes 0x40-0x7F */
    bool non_ascii;
} safe_set;

#define BIT(c)         (1ULL << ((unsigned)(c)&63))
#define PRINTABLE_LOW  0xFFFFFFFF00000000ULL /* 0x20-0x3F */
#define PRINTABLE_HIGH 0x7FFFFFFFFFFFFFFFULL /* 0x40-0x7E */

static const safe_set xml_safe = {PRINTABLE_LOW &
                                      ~(BIT('&') | BIT('<') | BIT('>') | BIT('"') | BIT('\'')),
                                  PRINTABLE_HIGH | BIT(0x7F), false};
static const safe_set gml_safe = {PRINTABLE_LOW & ~(BIT('"') | BIT('&')), PRINTABLE_HIGH, false};
static const safe_set json_safe = {PRINTABLE_LOW & ~BIT('"'),
                                   (PRINTABLE_HIGH | BIT(0x7F)) & ~BIT('\\'), true};

/* The length of the run of safe bytes at `s` (it stops at the NUL). */
static size_t safe_run(const safe_set *t, const unsigned char *s)
{
    const unsigned char *p = s;
    for (;; p++) {
        unsigned c = *p;
        bool safe = c < 0x40   ? (t->low >> c) & 1
                    : c < 0x80 ? (t->high >> (c - 0x40)) & 1
                               : t->non_ascii;
        if (!safe) {
            return (size_t)(p - s);
        }
    }
}

/* The code point at `s` (up to `len` bytes) and its byte count; an invalid byte is U+FFFD over
 * one byte, with *invalid set. */
static size_t next_code_point(const char *s, size_t len, int32_t *cp, bool *invalid)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, cp);
    *invalid = n <= 0;
    if (*invalid) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)n;
}

/* "&#N;" for a code point. */
static void char_reference(collab_i_textbuf *b, int32_t cp)
{
    collab_i_textbuf_add(b, "&#", 2);
    collab_i_textbuf_uint(b, (unsigned long long)cp);
    collab_i_textbuf_putc(b, ';');
}

/* The XML reference of a character that has a named one (GML uses the same two it needs). */
static const char *named_reference(char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return NULL;
    }
}

/* The XML text of the character at `s` (not a safe byte); returns its length in bytes. */
static size_t xml_char(collab_i_textbuf *b, const char *s, size_t len)
{
    const char *named = named_reference(*s);
    if (named != NULL) {
        collab_i_textbuf_puts(b, named);
        return 1;
    }
    if (*s == '\t' || *s == '\n' || *s == '\r') {
        char_reference(b, *s);
        return 1;
    }
    int32_t cp;
    bool invalid;
    size_t n = next_code_point(s, len, &cp, &invalid);
    if (invalid || cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
        collab_i_textbuf_add(b, "\xEF\xBF\xBD", 3);
    } else {
        collab_i_textbuf_add(b, s, n);
    }
    return n;
}

/* The GML text of the character at `s` (not a safe byte); returns its length in bytes. */
static size_t gml_char(collab_i_textbuf *b, const char *s, size_t len)
{
    if (*s == '"' || *s == '&') {
        collab_i_textbuf_puts(b, named_reference(*s));
        return 1;
    }
    int32_t cp;
    bool invalid;
    size_t n = next_code_point(s, len, &cp, &invalid);
    char_reference(b, cp);
    return n;
}

/* The walk both XML and GML escaping share: runs of safe bytes copied, each other character
 * through `escape_one` (which returns the bytes it took). */
static void escape(collab_i_textbuf *b, const char *s, const safe_set *t,
                   size_t (*escape_one)(collab_i_textbuf *, const char *, size_t))
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t run = safe_run(t, (const unsigned char *)s + i);
        collab_i_textbuf_add(b, s + i, run);
        i += run;
        if (i < len) {
            i += escape_one(b, s + i, len - i);
        }
    }
}

void collab_i_textbuf_xml(collab_i_textbuf *b, const char *s)
{
    escape(b, s, &xml_safe, xml_char);
}

void collab_i_textbuf_gml(collab_i_textbuf *b, const char *s)
{
    escape(b, s, &gml_safe, gml_char);
}

void collab_i_textbuf_csv(collab_i_textbuf *b, const char *s)
{
    bool formula =
        s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
    size_t len = strlen(s);
    if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
        collab_i_textbuf_add(b, s, len);
        return;
    }
    collab_i_textbuf_add(b, formula ? "\"'" : "\"", formula ? 2 : 1);
    for (const char *p = s;;) {
        const char *quote = strchr(p, '"');
        if (quote == NULL) {
            collab_i_textbuf_add(b, p, len - (size_t)(p - s));
            break;
        }
        collab_i_textbuf_add(b, p, (size_t)(quote - p) + 1);
        collab_i_textbuf_putc(b, '"'); /* doubled */
        p = quote + 1;
    }
    collab_i_textbuf_putc(b, '"');
}

void collab_i_textbuf_json(collab_i_textbuf *b, const char *s)
{
    const safe_set *t = &json_safe;
    static const char hex[] = "0123456789abcdef";
    collab_i_textbuf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s;;) {
        size_t run = safe_run(t, p);
        collab_i_textbuf_add(b, (const char *)p, run);
        p += run;
        unsigned char c = *p++;
        if (c == '\0') {
            break;
        }
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            collab_i_textbuf_add(b, esc, 2);
        } else if (c == '\n') {
            collab_i_textbuf_add(b, "\\n", 2);
        } else if (c == '\t') {
            collab_i_textbuf_add(b, "\\t", 2);
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            collab_i_textbuf_add(b, esc, 6);
        }
    }
    collab_i_textbuf_putc(b, '"');
}
