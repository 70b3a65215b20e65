/* What comes before CSV parsing: the bytes people actually have. A compressed file (gzip, xz,
 * zstd, bzip2: told by its magic bytes, not its name) is decompressed, and text in UTF-16 (told
 * by its byte-order mark or by the zero bytes of ASCII text) or in an encoding the user names
 * (--encoding, anything iconv knows) is converted to UTF-8, each streaming in blocks into an
 * unnamed temporary file, so memory stays bounded whatever the size and the CSV reader, its
 * parallel parts and its line and column numbers work on the text as the user sees it (the
 * conversions keep every line end and every character). */
#include "collab/alloc.h"

#include <bzlib.h>
#include <errno.h>
#include <iconv.h>
#include <lzma.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include "load_internal.h"

#define DECODE_BLOCK ((size_t)1 << 16)

/* Where compressed bytes come from: what was already read to look at the magic, then the rest of
 * the stream. */
typedef struct byte_source {
    const unsigned char *head; /* the bytes already read */
    size_t head_len, head_used;
    FILE *in; /* the rest */
} byte_source;

static size_t source_read(byte_source *s, unsigned char *buf, size_t size)
{
    if (s->head_used < s->head_len) {
        size_t n = s->head_len - s->head_used < size ? s->head_len - s->head_used : size;
        memcpy(buf, s->head + s->head_used, n);
        s->head_used += n;
        return n;
    }
    return fread(buf, 1, size, s->in);
}

static collab_status write_out(FILE *out, const void *buf, size_t n, const char *name,
                               collab_error *err)
{
    if (n > 0 && fwrite(buf, 1, n, out) != n) {
        return collab_error_set(err, COLLAB_E_IO, "cannot write the decoded text of '%s': %s", name,
                                strerror(errno));
    }
    return COLLAB_OK;
}

static collab_status corrupt(const char *name, const char *format, collab_error *err)
{
    return collab_error_set_at(err, COLLAB_E_INPUT, name, 0, 0,
                               "the %s data is corrupt or truncated (is the file complete?)",
                               format);
}

/* ---- decompressors: each reads `src` to its end and writes the plain bytes to `out` ---------- */

static collab_status gunzip(byte_source *src, FILE *out, const char *name, unsigned char *in_buf,
                            unsigned char *out_buf, collab_error *err)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) { /* 32: gzip or zlib header, told apart by zlib */
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory decompressing '%s'", name);
    }
    collab_status st = COLLAB_OK;
    int rc = Z_OK;
    bool ended = false;
    while (st == COLLAB_OK) {
        if (z.avail_in == 0) {
            z.avail_in = (uInt)source_read(src, in_buf, DECODE_BLOCK);
            z.next_in = in_buf;
            if (z.avail_in == 0) {
                break;
            }
        }
        if (ended) { /* another gzip member follows (concatenated files) */
            inflateReset(&z);
            ended = false;
        }
        z.next_out = out_buf;
        z.avail_out = (uInt)DECODE_BLOCK;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            st = corrupt(name, "gzip", err);
            break;
        }
        st = write_out(out, out_buf, DECODE_BLOCK - z.avail_out, name, err);
        ended = rc == Z_STREAM_END;
    }
    if (st == COLLAB_OK && !ended) {
        st = corrupt(name, "gzip", err);
    }
    inflateEnd(&z);
    return st;
}

static collab_status unxz(byte_source *src, FILE *out, const char *name, unsigned char *in_buf,
                          unsigned char *out_buf, collab_error *err)
{
    lzma_stream z = LZMA_STREAM_INIT;
    if (lzma_stream_decoder(&z, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory decompressing '%s'", name);
    }
    collab_status st = COLLAB_OK;
    lzma_action action = LZMA_RUN;
    for (;;) {
        if (z.avail_in == 0 && action == LZMA_RUN) {
            z.avail_in = source_read(src, in_buf, DECODE_BLOCK);
            z.next_in = in_buf;
            action = z.avail_in == 0 ? LZMA_FINISH : LZMA_RUN;
        }
        z.next_out = out_buf;
        z.avail_out = DECODE_BLOCK;
        lzma_ret rc = lzma_code(&z, action);
        st = write_out(out, out_buf, DECODE_BLOCK - z.avail_out, name, err);
        if (st != COLLAB_OK || rc == LZMA_STREAM_END) {
            break;
        }
        if (rc != LZMA_OK) {
            st = corrupt(name, "xz", err);
            break;
        }
    }
    lzma_end(&z);
    return st;
}

static collab_status unzstd(byte_source *src, FILE *out, const char *name, unsigned char *in_buf,
                            unsigned char *out_buf, collab_error *err)
{
    ZSTD_DStream *z = ZSTD_createDStream();
    if (z == NULL) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory decompressing '%s'", name);
    }
    collab_status st = COLLAB_OK;
    size_t last = 0; /* 0 once a frame is complete */
    bool any = false;
    for (;;) {
        size_t got = source_read(src, in_buf, DECODE_BLOCK);
        if (got == 0) {
            break;
        }
        any = true;
        ZSTD_inBuffer zin = {in_buf, got, 0};
        while (st == COLLAB_OK && zin.pos < zin.size) {
            ZSTD_outBuffer zout = {out_buf, DECODE_BLOCK, 0};
            last = ZSTD_decompressStream(z, &zout, &zin);
            if (ZSTD_isError(last)) {
                st = corrupt(name, "zstd", err);
            } else {
                st = write_out(out, out_buf, zout.pos, name, err);
            }
        }
        if (st != COLLAB_OK) {
            break;
        }
    }
    if (st == COLLAB_OK && (!any || last != 0)) {
        st = corrupt(name, "zstd", err);
    }
    ZSTD_freeDStream(z);
    return st;
}

static collab_status bunzip2(byte_source *src, FILE *out, const char *name, unsigned char *in_buf,
                             unsigned char *out_buf, collab_error *err)
{
    bz_stream z;
    memset(&z, 0, sizeof z);
    if (BZ2_bzDecompressInit(&z, 0, 0) != BZ_OK) {
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory decompressing '%s'", name);
    }
    collab_status st = COLLAB_OK;
    bool ended = false;
    for (;;) {
        if (z.avail_in == 0) {
            z.avail_in = (unsigned)source_read(src, in_buf, DECODE_BLOCK);
            z.next_in = (char *)in_buf;
            if (z.avail_in == 0) {
                break;
            }
        }
        if (ended) { /* a further bzip2 stream (concatenated files) */
            BZ2_bzDecompressEnd(&z);
            unsigned avail = z.avail_in;
            char *next = z.next_in;
            memset(&z, 0, sizeof z);
            BZ2_bzDecompressInit(&z, 0, 0);
            z.avail_in = avail;
            z.next_in = next;
            ended = false;
        }
        z.next_out = (char *)out_buf;
        z.avail_out = (unsigned)DECODE_BLOCK;
        int rc = BZ2_bzDecompress(&z);
        if (rc != BZ_OK && rc != BZ_STREAM_END) {
            st = corrupt(name, "bzip2", err);
            break;
        }
        st = write_out(out, out_buf, DECODE_BLOCK - z.avail_out, name, err);
        if (st != COLLAB_OK) {
            break;
        }
        ended = rc == BZ_STREAM_END;
    }
    if (st == COLLAB_OK && !ended) {
        st = corrupt(name, "bzip2", err);
    }
    BZ2_bzDecompressEnd(&z);
    return st;
}

typedef collab_status (*decompressor)(byte_source *src, FILE *out, const char *name,
                                      unsigned char *in_buf, unsigned char *out_buf,
                                      collab_error *err);

/* The compression formats, told by their magic bytes. */
static const struct {
    const char *name;
    const char *magic;
    size_t magic_len;
    decompressor run;
} compressions[] = {
    {"gzip", "\x1f\x8b", 2, gunzip},
    {"xz",
     "\xfd"
     "7zXZ\x00",
     6, unxz},
    {"zstd", "\x28\xb5\x2f\xfd", 4, unzstd},
    {"bzip2", "BZh", 3, bunzip2},
};

/* ---- encodings ------------------------------------------------------------------------- */

/* UTF-16 without a byte-order mark: ASCII-heavy text has a zero in every other byte. Returns
 * "UTF-16LE", "UTF-16BE" or NULL from the first bytes. */
static const char *utf16_by_zeros(const unsigned char *b, size_t len)
{
    size_t pairs = len / 2;
    if (pairs < 2) {
        return NULL;
    }
    size_t zero_even = 0;
    size_t zero_odd = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        zero_even += b[i] == 0 && b[i + 1] != 0;
        zero_odd += b[i] != 0 && b[i + 1] == 0;
    }
    if (zero_odd * 10 >= pairs * 7) {
        return "UTF-16LE";
    }
    if (zero_even * 10 >= pairs * 7) {
        return "UTF-16BE";
    }
    return NULL;
}

static const char *utf16_encoding(const unsigned char *b, size_t len)
{
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        return "UTF-16LE";
    }
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        return "UTF-16BE";
    }
    return utf16_by_zeros(b, len);
}

/* Where the conversion stands, for the position of a byte it cannot convert. */
typedef struct convert_position {
    long line;   /* 1-based, lines written so far + 1 */
    long column; /* 1-based characters since the last line end */
} convert_position;

static void advance(convert_position *p, const char *utf8, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)utf8[i];
        if (c == '\n') {
            p->line++;
            p->column = 1;
        } else if ((c & 0xC0) != 0x80) {
            p->column++;
        }
    }
}

/* Converts all of `in` from `encoding` to UTF-8 into `out` with iconv. A CR LF split across two
 * reads is fine: iconv keeps unfinished sequences (EINVAL) for the next block. */
static collab_status convert(FILE *in, FILE *out, const char *encoding, const char *name,
                             char *in_buf, char *out_buf, collab_error *err)
{
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1) {
        return collab_error_set(err, COLLAB_E_USAGE,
                                "unknown encoding '%s' (try windows-1252, latin1, utf-16, mac, "
                                "shift_jis; 'iconv -l' lists them all)",
                                encoding);
    }
    convert_position pos = {1, 1};
    collab_status st = COLLAB_OK;
    size_t kept = 0; /* unconverted bytes carried to the next block */
    for (;;) {
        size_t got = fread(in_buf + kept, 1, DECODE_BLOCK - kept, in);
        size_t avail = kept + got;
        if (avail == 0) {
            break;
        }
        char *next = in_buf;
        size_t left = avail;
        while (st == COLLAB_OK && left > 0) {
            char *to = out_buf;
            size_t room = 4 * DECODE_BLOCK;
            size_t rc = iconv(cd, &next, &left, &to, &room);
            int e = errno;
            st = write_out(out, out_buf, (size_t)(to - out_buf), name, err);
            advance(&pos, out_buf, (size_t)(to - out_buf));
            if (rc != (size_t)-1 || st != COLLAB_OK) {
                continue;
            }
            if (e == EILSEQ || (e == EINVAL && got == 0)) {
                st = collab_error_set_at(err, COLLAB_E_INPUT, name, pos.line, pos.column,
                                         "byte 0x%02X is not valid %s text (is --encoding "
                                         "right?)",
                                         (unsigned char)*next, encoding);
            } else if (e == EINVAL) {
                break; /* an unfinished sequence: read on */
            }
        }
        if (st != COLLAB_OK) {
            break;
        }
        memmove(in_buf, next, left);
        kept = left;
        if (got == 0) {
            break;
        }
    }
    iconv_close(cd);
    return st;
}

/* ---- the driver ------------------------------------------------------------------------ */

static FILE *new_temp(const char *name, collab_error *err)
{
    FILE *tmp = tmpfile();
    if (tmp == NULL) {
        collab_error_set(err, COLLAB_E_IO, "cannot make a temporary file to decode '%s': %s", name,
                         strerror(errno));
    }
    return tmp;
}

static bool seekable(FILE *f)
{
    struct stat st;
    return fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
}

/* Stage 1: `*plain` = the uncompressed bytes, seekable, at their start (`in` itself or a
 * temporary file, then `*owned`). */
static collab_status uncompressed(FILE *in, const char *name, unsigned char *a, unsigned char *b,
                                  FILE **plain, bool *owned, collab_i_decoding *what,
                                  collab_error *err)
{
    bool can_seek = seekable(in);
    off_t start = can_seek ? ftello(in) : 0;
    size_t head = fread(a, 1, 16, in);
    size_t k = 0;
    while (k < sizeof compressions / sizeof compressions[0] &&
           !(head >= compressions[k].magic_len &&
             memcmp(a, compressions[k].magic, compressions[k].magic_len) == 0)) {
        k++;
    }
    bool compressed = k < sizeof compressions / sizeof compressions[0];
    if (!compressed && can_seek && fseeko(in, start, SEEK_SET) == 0) {
        *plain = in;
        *owned = false;
        return COLLAB_OK;
    }
    FILE *tmp = new_temp(name, err);
    if (tmp == NULL) {
        return COLLAB_E_IO;
    }
    unsigned char head_copy[16];
    memcpy(head_copy, a, head);
    byte_source src = {head_copy, head, 0, in};
    collab_status st = COLLAB_OK;
    if (compressed) {
        what->compression = compressions[k].name;
        st = compressions[k].run(&src, tmp, name, a, b, err);
    } else { /* a pipe: keep what it gives, so it can be read again */
        for (size_t n; st == COLLAB_OK && (n = source_read(&src, a, DECODE_BLOCK)) > 0;) {
            st = write_out(tmp, a, n, name, err);
        }
    }
    if (st == COLLAB_OK && ferror(in)) {
        st = collab_error_set(err, COLLAB_E_IO, "cannot read '%s': %s", name, strerror(errno));
    }
    if (st == COLLAB_OK && (fflush(tmp) != 0 || fseeko(tmp, 0, SEEK_SET) != 0)) {
        st = collab_error_set(err, COLLAB_E_IO, "cannot read back the decoded '%s': %s", name,
                              strerror(errno));
    }
    if (st != COLLAB_OK) {
        fclose(tmp);
        return st;
    }
    *plain = tmp;
    *owned = true;
    return COLLAB_OK;
}

collab_status collab_i_load_decode(FILE *in, const char *name, const char *encoding,
                                   collab_i_decoding *what, collab_error *err)
{
    memset(what, 0, sizeof *what);
    unsigned char *a = collab_malloc(DECODE_BLOCK);
    unsigned char *b = collab_malloc(4 * DECODE_BLOCK);
    if (a == NULL || b == NULL) {
        collab_free(a);
        collab_free(b);
        return collab_error_set(err, COLLAB_E_NOMEM, "out of memory reading '%s'", name);
    }
    FILE *plain = NULL;
    bool owned = false;
    collab_status st = uncompressed(in, name, a, b, &plain, &owned, what, err);
    if (st == COLLAB_OK && encoding == NULL) {
        off_t start = ftello(plain);
        size_t head = fread(a, 1, 4096, plain);
        encoding = utf16_encoding(a, head);
        if (fseeko(plain, start, SEEK_SET) != 0) {
            st = collab_error_set(err, COLLAB_E_IO, "cannot read '%s': %s", name, strerror(errno));
        }
    }
    if (st == COLLAB_OK && encoding != NULL) {
        FILE *utf8 = new_temp(name, err);
        st = utf8 == NULL ? COLLAB_E_IO
                          : convert(plain, utf8, encoding, name, (char *)a, (char *)b, err);
        if (st == COLLAB_OK && (fflush(utf8) != 0 || fseeko(utf8, 0, SEEK_SET) != 0)) {
            st = collab_error_set(err, COLLAB_E_IO, "cannot read back the decoded '%s'", name);
        }
        if (owned) {
            fclose(plain);
        }
        plain = utf8;
        owned = utf8 != NULL;
        snprintf(what->encoding, sizeof what->encoding, "%s", encoding);
    }
    collab_free(a);
    collab_free(b);
    if (st != COLLAB_OK) {
        if (owned && plain != NULL) {
            fclose(plain);
        }
        return st;
    }
    what->text = plain;
    what->owned = owned;
    return COLLAB_OK;
}
