/* Escaping and number output shared by the report writers. */
#include "collab/text.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "report_internal.h"
#include "textbuf_internal.h"

void collab_report_csv_field(FILE *f, const char *s)
{
    /* A buffer without a stream: it grows to the field's size, where a stream's would take a
     * 64 KiB chunk per field. */
    collab_i_textbuf b;
    collab_i_textbuf_init(&b, NULL);
    collab_i_textbuf_csv(&b, s);
    if (b.len > 0) {
        fwrite(b.data, 1, b.len, f);
    }
    collab_i_textbuf_finish(&b);
}

const char *collab_report_stat(char buf[32], double x, int decimals)
{
    if (isnan(x)) {
        return "undefined";
    }
    snprintf(buf, 32, "%.*f", decimals, x);
    return buf;
}

size_t collab_i_term_width(const char *s, size_t max_width)
{
    return collab_text_write_terminal(NULL, s, max_width);
}

void collab_i_term_text(FILE *f, const char *s, size_t width, size_t max_width)
{
    size_t written = collab_text_write_terminal(f, s, max_width);
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

void collab_report_md_text(FILE *f, const char *s)
{
    collab_i_md_text(f, s);
}
