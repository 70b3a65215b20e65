/* Escaping and number output shared by the report writers. */
#include "report_internal.h"

#include "collab/text.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <utf8proc.h>

void collab_report_csv_field(FILE *f, const char *s)
{
    collab_i_csv_field(f, s);
}

void collab_i_csv_field(FILE *f, const char *s)
{
    bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                   s[0] == '\r';
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (formula) {
        fputc('\'', f);
    }
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == '"') {
            fputc('"', f);
        }
        fputc(*p, f);
    }
    fputc('"', f);
}

static bool is_control(utf8proc_int32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/* Walks `s` code point by code point, writing it (controls replaced) until `max_width` columns
 * would be exceeded, in which case it stops one column early and writes an ellipsis. */
static size_t write_limited(FILE *f, const char *s, size_t max_width)
{
    size_t total = collab_text_display_width(s, strlen(s));
    bool cut = max_width > 0 && total > max_width;
    size_t limit = cut ? max_width - 1 : (size_t)-1;
    size_t width = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            n = 1;
            cp = 0xFFFD;
        }
        int w = is_control(cp) ? 1 : utf8proc_charwidth(cp);
        w = w < 0 ? 0 : w;
        if (width + (size_t)w > limit) {
            break;
        }
        if (f != NULL) {
            if (is_control(cp) || cp == 0xFFFD) {
                fputs("\xEF\xBF\xBD", f);
            } else {
                fwrite(p, 1, (size_t)n, f);
            }
        }
        width += (size_t)w;
        p += n;
        left -= n;
    }
    if (cut) {
        if (f != NULL) {
            fputs("\xE2\x80\xA6", f);
        }
        width++;
    }
    return width;
}

size_t collab_i_term_width(const char *s, size_t max_width)
{
    return write_limited(NULL, s, max_width);
}

void collab_i_term_text(FILE *f, const char *s, size_t width, size_t max_width)
{
    size_t written = write_limited(f, s, max_width);
    for (size_t i = written; i < width; i++) {
        fputc(' ', f);
    }
}

void collab_i_md_text(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' || *p == '`' || *p == '<') {
            fputc('\\', f);
            fputc(*p, f);
        } else if (*p < 0x20 || *p == 0x7f) {
            fputc(' ', f);
        } else {
            fputc(*p, f);
        }
    }
}

json_t *collab_i_json_number(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

collab_status collab_i_json_write(FILE *f, json_t *value, collab_error *err)
{
    int rc = json_dumpf(value, f, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    json_decref(value);
    fputc('\n', f);
    /* A failed write leaves the stream's error flag set; the output's commit reports it with
     * the file's name. Anything else is an encoding failure. */
    if (rc != 0 && !ferror(f)) {
        return collab_error_set(err, COLLAB_E_INTERNAL, "cannot encode the report as JSON");
    }
    return COLLAB_OK;
}
