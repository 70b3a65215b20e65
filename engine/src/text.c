/* UTF-8 validation, NFC normalisation with trimming, and display width, over utf8proc.
 * Pure-ASCII text takes a fast path: it is already NFC, so only trimming (and folding) applies. */
#include "collab/text.h"

#include "collab/alloc.h"

#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

void collab_text_scratch_free(collab_text_scratch *scratch)
{
    if (scratch != NULL) {
        collab_free(scratch->data);
        scratch->data = NULL;
        scratch->capacity = 0;
    }
}

static bool grow_scratch(collab_text_scratch *scratch, size_t bytes)
{
    return collab_grow_array(&scratch->data, &scratch->capacity, bytes, 1);
}

/* Whether the eight bytes at s are all ASCII. */
static bool ascii_word(const char *s)
{
    uint64_t word;
    memcpy(&word, s, sizeof word);
    return (word & 0x8080808080808080ULL) == 0;
}

/* The offset of the first character that is not valid UTF-8 or fails `accept`, else len. */
static size_t first_rejected(const char *s, size_t len, bool (*accept)(utf8proc_int32_t cp))
{
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8 && ascii_word(s + i)) {
            i += 8; /* most names are ASCII */
            continue;
        }
        if (len >= 8 && len - i < 8 && ascii_word(s + len - 8)) {
            return len; /* an ASCII tail: its last eight bytes, overlapping those already read */
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n;
        if (c >= 0xC2 && c <= 0xDF && len - i >= 2 && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            /* two bytes (U+0080-U+07FF: accented Latin, Greek, Cyrillic), always valid: decoded
             * here, as a call to utf8proc per accented letter showed in the profile */
            cp = (utf8proc_int32_t)(((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu));
            n = 2;
        } else {
            n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        }
        if (n <= 0 || !accept(cp)) {
            return i;
        }
        i += (size_t)n;
    }
    return len;
}

static bool any_code_point(utf8proc_int32_t cp)
{
    (void)cp;
    return true;
}

size_t collab_text_invalid_utf8(const char *s, size_t len)
{
    return first_rejected(s, len, any_code_point);
}

static bool is_ascii(const char *s, size_t len)
{
    size_t i = 0;
    while (len - i >= 8 && ascii_word(s + i)) {
        i += 8;
    }
    for (; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return false;
        }
    }
    return true;
}

static bool is_trimmed_space(utf8proc_int32_t cp)
{
    if (cp < 0x80) {
        return cp <= 0x20 || cp == 0x7f;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_CC;
}

/* Narrows [*start, *end) of valid UTF-8 to exclude leading and trailing white space, reading
 * only the characters it drops and the two it keeps at the ends. */
static void trim_range(const char *s, size_t *start, size_t *end)
{
    size_t i = *start;
    while (i < *end) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(*end - i), &cp);
        if (n <= 0 || !is_trimmed_space(cp)) {
            break; /* invalid bytes are kept, as text */
        }
        i += (size_t)n;
    }
    if (i == *end) {
        *start = *end;
        return;
    }
    size_t j = *end;
    for (;;) {
        size_t k = j - 1;
        while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80) {
            k--;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + k, (utf8proc_ssize_t)(j - k), &cp);
        if (n <= 0 || !is_trimmed_space(cp)) {
            break;
        }
        j = k; /* k > i: the character at i is kept */
    }
    *start = i;
    *end = j;
}

/* Code points that NFC leaves alone wherever they stand: each is its own NFC form, has
 * combining class 0, and is never the second part of a canonical composition. Below U+0300
 * (Latin, Latin-1, Latin Extended-A/B, IPA), CJK unified ideographs (Extension A and the main
 * block) and precomposed Hangul syllables. A string made only of these is already NFC. The unit
 * tests check this against utf8proc for every code point with a canonical decomposition. */
static bool nfc_inert(utf8proc_int32_t cp)
{
    return cp < 0x300 || (cp >= 0x3400 && cp < 0x4DC0) || (cp >= 0x4E00 && cp < 0xA000) ||
           (cp >= 0xAC00 && cp < 0xD7A4);
}

static bool surely_nfc(const char *s, size_t len)
{
    return first_rejected(s, len, nfc_inert) == len;
}

static collab_status normalize_ascii(const char *s, size_t len, bool casefold,
                                     collab_text_scratch *scratch, const char **out,
                                     size_t *out_len, collab_error *err)
{
    size_t start = 0;
    size_t end = len;
    while (start < end && ((unsigned char)s[start] <= 0x20 || s[start] == 0x7f)) {
        start++;
    }
    while (end > start && ((unsigned char)s[end - 1] <= 0x20 || s[end - 1] == 0x7f)) {
        end--;
    }
    if (!casefold) {
        *out = s + start;
        *out_len = end - start;
        return COLLAB_OK;
    }
    if (!grow_scratch(scratch, end - start + 1)) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory normalising text");
    }
    char *dst = scratch->data;
    for (size_t i = start; i < end; i++) {
        char c = s[i];
        dst[i - start] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    *out = dst;
    *out_len = end - start;
    return COLLAB_OK;
}

collab_status collab_text_normalize(const char *s, size_t len, bool casefold,
                                    collab_text_scratch *scratch, const char **out, size_t *out_len,
                                    collab_error *err)
{
    if (is_ascii(s, len)) {
        return normalize_ascii(s, len, casefold, scratch, out, out_len, err);
    }
    if (!casefold && surely_nfc(s, len)) {
        size_t start = 0;
        size_t end = len;
        trim_range(s, &start, &end);
        *out = s + start;
        *out_len = end - start;
        return COLLAB_OK;
    }
    utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    if (casefold) {
        options |= UTF8PROC_CASEFOLD;
    }
    /* Decompose into code points in the scratch buffer, then let utf8proc_reencode compose and
     * write UTF-8 over the same buffer (4 bytes per code point is always enough room). */
    for (;;) {
        size_t room = scratch->capacity / sizeof(utf8proc_int32_t);
        utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                                (utf8proc_int32_t *)scratch->data,
                                                (utf8proc_ssize_t)room, options);
        if (n < 0) {
            return collab_error_set(err, COLLAB_E_INTERNAL, "cannot normalise text: %s",
                                    utf8proc_errmsg(n));
        }
        if ((size_t)n > room || scratch->data == NULL) {
            if (!grow_scratch(scratch, ((size_t)n + 1) * sizeof(utf8proc_int32_t))) {
                return collab_error_set(err, COLLAB_E_NOMEM, "out of memory normalising text");
            }
            continue;
        }
        utf8proc_ssize_t bytes = utf8proc_reencode((utf8proc_int32_t *)scratch->data, n, options);
        if (bytes < 0) {
            return collab_error_set(err, COLLAB_E_INTERNAL, "cannot normalise text: %s",
                                    utf8proc_errmsg(bytes));
        }
        const char *text = scratch->data;
        size_t start = 0;
        size_t end = (size_t)bytes;
        trim_range(text, &start, &end);
        *out = text + start;
        *out_len = end - start;
        return COLLAB_OK;
    }
}

size_t collab_text_count_chars(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

size_t collab_text_display_width(const char *s, size_t len)
{
    size_t width = 0;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            width++;
            i++;
            continue;
        }
        int w = utf8proc_charwidth(cp);
        width += w > 0 ? (size_t)w : 0;
        i += (size_t)n;
    }
    return width;
}

static bool is_control(utf8proc_int32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

size_t collab_text_write_terminal(FILE *f, const char *s, size_t max_width)
{
    size_t len = strlen(s);
    bool cut = max_width > 0 && collab_text_display_width(s, len) > max_width;
    size_t limit = cut ? max_width - 1 : SIZE_MAX;
    size_t width = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            n = 1;
            cp = 0xFFFD;
        }
        bool replaced = is_control(cp) || cp == 0xFFFD;
        int w = replaced ? 1 : utf8proc_charwidth(cp);
        w = w < 0 ? 0 : w;
        if (width + (size_t)w > limit) {
            break;
        }
        if (f != NULL && replaced) {
            fputs("\xEF\xBF\xBD", f);
        } else if (f != NULL) {
            fwrite(p, 1, (size_t)n, f);
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

void collab_text_fputs_safe(FILE *f, const char *s)
{
    collab_text_write_terminal(f, s, 0);
}

/* Characters in `s`, counted as grapheme clusters (invalid bytes count one each), stopping once
 * `stop` is exceeded: the caller only needs to know whether a cut is due. */
static size_t count_graphemes(const char *s, size_t stop)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    utf8proc_int32_t state = 0;
    utf8proc_int32_t prev = -1;
    size_t count = 0;
    while (left > 0 && count <= stop) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            n = 1;
            cp = 0xFFFD;
        }
        if (prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            count++;
        }
        prev = cp;
        p += n;
        left -= n;
    }
    return count;
}

static void write_xml_char(FILE *f, utf8proc_int32_t cp, const utf8proc_uint8_t *bytes, size_t n)
{
    switch (cp) {
    case '&':
        fputs("&amp;", f);
        return;
    case '<':
        fputs("&lt;", f);
        return;
    case '>':
        fputs("&gt;", f);
        return;
    case '"':
        fputs("&quot;", f);
        return;
    case '\'':
        fputs("&#39;", f);
        return;
    case '\t':
    case '\n':
    case '\r':
        fputc(' ', f);
        return;
    default:
        break;
    }
    if (is_control(cp) || cp == 0xFFFE || cp == 0xFFFF) {
        fputs("\xEF\xBF\xBD", f);
    } else {
        fwrite(bytes, 1, n, f);
    }
}

bool collab_text_write_xml(FILE *f, const char *s, size_t max_chars)
{
    bool cut = max_chars > 0 && count_graphemes(s, max_chars) > max_chars;
    size_t keep = cut ? max_chars - 1 : SIZE_MAX;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    utf8proc_int32_t state = 0;
    utf8proc_int32_t prev = -1;
    size_t count = 0;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        bool invalid = n <= 0;
        if (invalid) {
            n = 1;
            cp = 0xFFFD;
        }
        if (prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            if (++count > keep) {
                break;
            }
        }
        prev = cp;
        if (invalid) {
            fputs("\xEF\xBF\xBD", f);
        } else {
            write_xml_char(f, cp, p, (size_t)n);
        }
        p += n;
        left -= n;
    }
    if (cut) {
        fputs("\xE2\x80\xA6", f);
    }
    return cut;
}

const char *collab_text_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

size_t collab_text_edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la > COLLAB_TEXT_EDIT_MAX || lb > COLLAB_TEXT_EDIT_MAX ||
        (la > lb ? la - lb : lb - la) >= limit) {
        return limit;
    }
    size_t row[COLLAB_TEXT_EDIT_MAX + 1];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        size_t best = row[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] == b[j - 1] ? 0 : 1);
            v = up + 1 < v ? up + 1 : v;
            v = row[j - 1] + 1 < v ? row[j - 1] + 1 : v;
            row[j] = v;
            diag = up;
            best = v < best ? v : best;
        }
        if (best >= limit) {
            return limit;
        }
    }
    return row[lb] < limit ? row[lb] : limit;
}

const char *collab_text_find(const char *s, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; n > 0 && i + n <= len; i++) {
        if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0) {
            return s + i;
        }
    }
    return NULL;
}
