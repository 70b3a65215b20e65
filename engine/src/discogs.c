/* Streaming the Discogs releases dump: the bytes (gzip told by its magic bytes and inflated
 * block by block, so a 10 GB dump never touches the disk twice and a pipe works), libxml2's
 * xmlTextReader over them, one <release> at a time expanded into a small tree and handed to
 * discogs_release.c, libxml2's errors turned into one collab_error with the line, the column and
 * what was expected, and progress from the compressed bytes consumed.
 *
 * libxml2 allocates its trees with its own allocator: replacing it (xmlMemSetup) is process-wide
 * state, which the engine does not set outside collab_engine_init, so only our own buffers go
 * through collab_malloc. */
#include "collab/discogs.h"

#include "collab/alloc.h"
#include "collab/clock.h"

#include <errno.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "discogs_internal.h"

#define READ_BLOCK ((size_t)1 << 16)

/* libxml2 2.12 made the error it passes const. */
#if LIBXML_VERSION >= 21200
#define XML_ERROR_CONST const
#else
#define XML_ERROR_CONST
#endif

/* The bytes of the input as libxml2 pulls them. */
typedef struct input {
    FILE *in;
    const char *name;
    unsigned char *buf; /* compressed (or plain) bytes read, READ_BLOCK */
    size_t buf_len, buf_used;
    bool gzip;
    bool gzip_ended; /* the current gzip member is complete */
    z_stream z;
    bool z_ready;   /* inflateInit2 succeeded */
    uint64_t total; /* the input's size when it is a regular file, else 0 */
    collab_discogs_stats *stats;
    const collab_discogs_options *opt;
    double started, last_report; /* collab_clock_seconds() */
    collab_error *err;           /* the first read error goes here, before libxml2's own */
    bool failed;
    bool ended;         /* the end of the input was handed to libxml2 */
    bool checked_start; /* the first bytes were checked for another encoding */
} input;

void collab_discogs_options_init(collab_discogs_options *opt)
{
    memset(opt, 0, sizeof *opt);
}

/* "reading 'x': 120000 releases, 35%, about 4 min left". */
static void report_progress(input *s)
{
    double now = collab_clock_seconds();
    if (s->opt->progress == NULL || now - s->last_report < 0.5) {
        return;
    }
    s->last_report = now;
    double done = (double)s->stats->bytes_read;
    double percent = s->total > 0 ? 100.0 * done / (double)s->total : 0;
    percent = percent > 99.9 ? 99.9 : percent;
    char left[48] = "";
    if (s->total > 0 && done > 0 && now - s->started >= 2) {
        double secs = (now - s->started) * ((double)s->total - done) / done;
        if (secs >= 90) {
            snprintf(left, sizeof left, ", about %.0f min left", secs / 60);
        } else {
            snprintf(left, sizeof left, ", about %.0f s left", secs);
        }
    }
    char message[384];
    snprintf(message, sizeof message, "reading '%s': %zu releases%s", s->name, s->stats->releases,
             left);
    s->opt->progress(message, percent, s->opt->progress_data);
}

/* Refills `buf` from the stream; false at the end or on a read error (then s->failed). */
static bool fill(input *s)
{
    s->buf_len = fread(s->buf, 1, READ_BLOCK, s->in);
    s->buf_used = 0;
    s->stats->bytes_read += s->buf_len;
    if (s->buf_len == 0 && ferror(s->in)) {
        collab_error_set(s->err, COLLAB_E_IO, "cannot read '%s': %s", s->name, strerror(errno));
        s->failed = true;
    }
    report_progress(s);
    return s->buf_len > 0;
}

/* The position is the compressed byte where inflating stopped, or the file's last byte when it
 * ends too early (an XML line is not known there). */
static int corrupt_gzip(input *s, bool truncated)
{
    if (truncated) {
        collab_error_set_at(s->err, COLLAB_E_INPUT, s->name, 0, 0,
                            "the gzip data is truncated: it ends at compressed byte %llu, after "
                            "%zu releases read (is the file complete?)",
                            (unsigned long long)s->stats->bytes_read, s->stats->releases);
    } else {
        collab_error_set_at(s->err, COLLAB_E_INPUT, s->name, 0, 0,
                            "the gzip data is corrupt near compressed byte %llu, after %zu "
                            "releases read (is the file complete and undamaged?)",
                            (unsigned long long)(s->stats->bytes_read - s->z.avail_in),
                            s->stats->releases);
    }
    s->failed = true;
    return -1;
}

/* Inflates into `out` until at least one byte is out or the input ends; concatenated gzip
 * members (what parallel compressors write) follow one another. */
static int read_gzip(input *s, char *out, int len)
{
    s->z.next_out = (Bytef *)out;
    s->z.avail_out = (uInt)len;
    while (s->z.avail_out == (uInt)len) {
        if (s->z.avail_in == 0) {
            if (s->buf_used >= s->buf_len && !fill(s)) {
                return s->failed ? -1 : s->gzip_ended ? 0 : corrupt_gzip(s, true);
            }
            s->z.next_in = s->buf + s->buf_used;
            s->z.avail_in = (uInt)(s->buf_len - s->buf_used);
            s->buf_used = s->buf_len;
        }
        if (s->gzip_ended) {
            inflateReset(&s->z);
            s->gzip_ended = false;
        }
        int rc = inflate(&s->z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            s->gzip_ended = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            return corrupt_gzip(s, false);
        }
    }
    return len - (int)s->z.avail_out;
}

/* The dump is UTF-8. libxml2 would switch to another encoding from the first four bytes
 * (UTF-16, UCS-4, EBCDIC) and report that converter's errors on stderr, which the library never
 * writes to: such a file is refused here instead (a declared encoding is ignored, with
 * XML_PARSE_IGNORE_ENC). */
static bool other_encoding(const unsigned char *b, int n)
{
    return n >= 2 &&
           (b[0] == 0x00 || b[1] == 0x00 || (b[0] == 0xFE && b[1] == 0xFF) ||
            (b[0] == 0xFF && b[1] == 0xFE) || (n >= 4 && memcmp(b, "\x4c\x6f\xa7\x94", 4) == 0));
}

static int refuse_encoding(input *s)
{
    collab_error_set_at(s->err, COLLAB_E_INPUT, s->name, 1, 1,
                        "the dump is not UTF-8 (its first bytes look like UTF-16, UCS-4 or "
                        "EBCDIC): expected UTF-8 XML, as Discogs writes it");
    s->failed = true;
    return -1;
}

static int read_some(input *s, char *out, int len);

/* xmlInputReadCallback: bytes into libxml2's buffer; 0 at the end, -1 on error. */
static int read_input(void *ctx, char *out, int len)
{
    input *s = ctx;
    int n = read_some(s, out, len);
    if (n > 0 && !s->checked_start) {
        s->checked_start = true;
        if (other_encoding((const unsigned char *)out, n)) {
            return refuse_encoding(s);
        }
    }
    return n;
}

static int read_some(input *s, char *out, int len)
{
    if (s->failed || len <= 0) {
        return s->failed ? -1 : 0;
    }
    if (s->gzip) {
        int n = read_gzip(s, out, len);
        s->ended = n == 0;
        return n;
    }
    if (s->buf_used >= s->buf_len && !fill(s)) {
        s->ended = !s->failed;
        return s->failed ? -1 : 0;
    }
    size_t n = s->buf_len - s->buf_used < (size_t)len ? s->buf_len - s->buf_used : (size_t)len;
    memcpy(out, s->buf + s->buf_used, n);
    s->buf_used += n;
    return (int)n;
}

static int close_input(void *ctx)
{
    (void)ctx; /* the caller owns the stream */
    return 0;
}

/* Reads the first block and tells gzip from plain XML; other compressions are named. */
static collab_status sniff(input *s)
{
    if (!fill(s)) {
        return s->failed ? s->err->status : COLLAB_OK; /* empty: libxml2 says so */
    }
    const unsigned char *b = s->buf;
    const char *other = s->buf_len >= 6 && memcmp(b,
                                                  "\xfd"
                                                  "7zXZ",
                                                  5) == 0
                            ? "xz"
                        : s->buf_len >= 4 && memcmp(b, "\x28\xb5\x2f\xfd", 4) == 0 ? "zstd"
                        : s->buf_len >= 3 && memcmp(b, "BZh", 3) == 0              ? "bzip2"
                                                                                   : NULL;
    if (other != NULL) {
        return collab_error_set_at(s->err, COLLAB_E_INPUT, s->name, 0, 0,
                                   "the dump is %s-compressed: the importer reads gzip or plain "
                                   "XML (decompress it into a pipe: '%s -dc FILE | collab import "
                                   "discogs - ...')",
                                   other, other);
    }
    s->gzip = s->buf_len >= 2 && b[0] == 0x1f && b[1] == 0x8b;
    s->stats->gzip = s->gzip;
    if (s->gzip) {
        if (inflateInit2(&s->z, 15 + 16) != Z_OK) { /* 16: gzip only */
            return collab_error_nomem(s->err, "starting the gzip decoder");
        }
        s->z_ready = true;
    }
    return COLLAB_OK;
}

/* ---- libxml2's errors ------------------------------------------------------------------- */

/* The first error libxml2 reported (its warnings are ignored). */
typedef struct xml_problem {
    bool seen;
    int code;
    long line, column;
    int int1;
    char str1[64], str2[64];
    char message[256];   /* its first line */
    char full[512];      /* all of it: an encoding error quotes the bytes on its second line */
    int open_elements;   /* elements open in the parser when it stopped (0: the root was closed) */
    char inner[64];      /* the innermost of them */
    long inner_line;     /* where it opened */
    bool at_end;         /* the parser stopped at the end of the input */
    const bool *ended;   /* the input's end was read (input.ended) */
    char release_id[32]; /* the release being read, "" when none */
    long release_line;   /* where it opened */
} xml_problem;

/* What the parser had open when it stopped: libxml2's reader reports a file that ends too early
 * as "extra content at the end of the document", as it does real extra content, and the open
 * elements tell the two apart and say what the file lacks. */
static void note_open_elements(xml_problem *p, const xmlParserCtxt *ctxt)
{
    if (ctxt == NULL) {
        return;
    }
    p->open_elements = ctxt->nameNr;
    /* All input consumed when the parser stopped: a file cut inside a tag ("<rel" at the end)
     * gets libxml2's message about the tag, and this tells it was the end of the file. */
    p->at_end = *p->ended && ctxt->input != NULL && ctxt->input->cur != NULL &&
                ctxt->input->cur >= ctxt->input->end;
    const xmlNode *n = ctxt->node;
    if (n == NULL || n->type != XML_ELEMENT_NODE) {
        return;
    }
    snprintf(p->inner, sizeof p->inner, "%s", (const char *)n->name);
    p->inner_line = (long)xmlGetLineNo(n);
    for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (strcmp((const char *)n->name, "release") == 0) {
            /* Without its id (the file ended inside its start tag) it says nothing. */
            xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
            if (id != NULL) {
                snprintf(p->release_id, sizeof p->release_id, "%s", (const char *)id);
                p->release_line = (long)xmlGetLineNo(n);
            }
            xmlFree(id);
        }
    }
}

static void on_xml_error(void *data, XML_ERROR_CONST xmlError *e)
{
    xml_problem *p = data;
    if (p->seen || e == NULL || e->level < XML_ERR_ERROR) {
        return;
    }
    p->seen = true;
    p->code = e->code;
    p->line = e->line;
    p->column = e->int2;
    p->int1 = e->int1;
    snprintf(p->str1, sizeof p->str1, "%s", e->str1 != NULL ? e->str1 : "");
    snprintf(p->str2, sizeof p->str2, "%s", e->str2 != NULL ? e->str2 : "");
    snprintf(p->message, sizeof p->message, "%s", e->message != NULL ? e->message : "");
    p->message[strcspn(p->message, "\n")] = '\0';
    snprintf(p->full, sizeof p->full, "%s", e->message != NULL ? e->message : "");
    note_open_elements(p, e->ctxt);
}

/* The first byte libxml2 quotes after "Bytes:" in an encoding error ("0xC3 0x28 ..."). */
static void quoted_byte(const char *full, char *out, size_t size)
{
    const char *at = strstr(full, "Bytes: ");
    snprintf(out, size, "%.4s", at != NULL ? at + 7 : "?");
}

/* " in release '2' (line 3)", or "" outside a release. */
static void release_context(const xml_problem *p, char *out, size_t size)
{
    out[0] = '\0';
    if (p->release_id[0] != '\0') {
        snprintf(out, size, " in release '%s' (line %ld)", p->release_id, p->release_line);
    }
}

/* libxml2's error as ours: what was expected, where. */
static collab_status xml_error(const xml_problem *p, const char *name, collab_error *err)
{
    long line = p->line;
    long col = p->column > 0 ? p->column : 1;
    char context[128];
    release_context(p, context, sizeof context);
    switch (p->code) {
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
        if (p->open_elements > 0 && p->inner[0] != '\0') {
            return collab_error_set_at(err, COLLAB_E_INPUT, name, line, col,
                                       "the file ends inside '<%s>' (opened on line %ld)%s: "
                                       "expected '</%s>' (is the file truncated?)",
                                       p->inner, p->inner_line, context, p->inner);
        }
        if (p->code == XML_ERR_DOCUMENT_END) {
            return collab_error_set_at(err, COLLAB_E_INPUT, name, line, col,
                                       "expected the end of the file after '</releases>', found "
                                       "more text");
        }
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
        return collab_error_set_at(err, COLLAB_E_INPUT, name, line, col,
                                   "expected '</%s>' (opened on line %d), found '</%s>'%s", p->str1,
                                   p->int1, p->str2, context);
    case XML_ERR_DOCUMENT_EMPTY:
        return collab_error_set_at(err, COLLAB_E_INPUT, name, line, col,
                                   "the file is empty: expected '<releases>'");
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING: {
        char byte[8];
        quoted_byte(p->full, byte, sizeof byte);
        if (strstr(p->full, "UTF-8") != NULL) {
            return collab_error_set_at(err, COLLAB_E_INPUT, name, line, col,
                                       "invalid UTF-8 (byte %s)%s: expected UTF-8 text, as the "
                                       "dump is written",
                                       byte, context);
        }
        break;
    }
    default:
        break;
    }
    char what[256];
    snprintf(what, sizeof what, "%s", p->message);
    if (what[0] >= 'A' && what[0] <= 'Z' && !(what[1] >= 'A' && what[1] <= 'Z')) {
        what[0] = (char)(what[0] - 'A' + 'a');
    }
    if (p->at_end) {
        return collab_error_set_at(err, COLLAB_E_INPUT, name, line, col,
                                   "the file ends inside a tag%s: %s (is the file truncated?)",
                                   context, what);
    }
    return collab_error_set_at(err, COLLAB_E_INPUT, name, line, col, "malformed XML%s: %s", context,
                               what);
}

/* ---- the reader loop -------------------------------------------------------------------- */

/* The root must be <releases>: the artists, labels and masters dumps look alike. */
static collab_status check_root(xmlTextReaderPtr r, const char *name, collab_error *err)
{
    const char *root = (const char *)xmlTextReaderConstName(r);
    if (root != NULL && strcmp(root, "releases") == 0) {
        return COLLAB_OK;
    }
    /* The node's own line: the parser has read ahead of it. */
    xmlNode *node = xmlTextReaderCurrentNode(r);
    long line = node != NULL ? (long)xmlGetLineNo(node) : 0;
    return collab_error_set_at(err, COLLAB_E_INPUT, name, line, line > 0 ? 1 : 0,
                               "expected '<releases>' as the root element, found '<%s>' (is this "
                               "the releases dump?)",
                               root != NULL ? root : "");
}

/* Reads every <release> under the root. Returns the first error: ours (reading, writing,
 * limits), else libxml2's through `problem`. */
static collab_status read_releases(xmlTextReaderPtr r, collab_i_discogs_writer *w,
                                   const xml_problem *problem, const char *name, collab_error *err)
{
    collab_status st = COLLAB_OK;
    bool root_seen = false;
    int rc = xmlTextReaderRead(r);
    while (rc == 1 && st == COLLAB_OK) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
            rc = xmlTextReaderRead(r);
            continue;
        }
        int depth = xmlTextReaderDepth(r);
        if (!root_seen) {
            root_seen = true;
            st = check_root(r, name, err);
            rc = xmlTextReaderRead(r);
            continue;
        }
        const char *element = (const char *)xmlTextReaderConstName(r);
        if (depth != 1 || element == NULL || strcmp(element, "release") != 0) {
            rc = xmlTextReaderNext(r); /* something else under the root: skipped whole */
            continue;
        }
        xmlNode *release = xmlTextReaderExpand(r);
        if (release == NULL) {
            rc = -1;
            break;
        }
        st = collab_i_discogs_release(w, release, err);
        /* Next moves past the release, and the reader frees its tree. */
        rc = xmlTextReaderNext(r);
    }
    if (st == COLLAB_OK && err != NULL && err->status != COLLAB_OK) {
        st = err->status; /* a read error from the input callback */
    }
    if (st == COLLAB_OK && (rc < 0 || problem->seen)) {
        if (!problem->seen) {
            return collab_error_set_at(err, COLLAB_E_INPUT, name, 0, 0, "malformed XML");
        }
        return xml_error(problem, name, err);
    }
    return st;
}

/* Runs the reader over the input `s` sniffed, writing to `out`. */
static collab_status convert(input *s, FILE *out, collab_error *err)
{
    xml_problem problem;
    memset(&problem, 0, sizeof problem);
    problem.ended = &s->ended;
    /* No entity substitution, no DTD, no network: the dump needs none, and a hostile file gets no
     * way to read other files. The encoding is the document's (UTF-8 unless it says otherwise). */
    xmlTextReaderPtr r = xmlReaderForIO(read_input, close_input, s, NULL, NULL,
                                        XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS |
                                            XML_PARSE_IGNORE_ENC);
    if (r == NULL) {
        return collab_error_nomem(err, "starting the XML reader");
    }
    xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &problem);
    collab_i_discogs_writer w;
    memset(&w, 0, sizeof w);
    w.opt = s->opt;
    w.out = out;
    w.stats = s->stats;
    collab_status st = COLLAB_OK;
    if (fputs(COLLAB_DISCOGS_HEADER "\n", out) == EOF) {
        st = collab_error_set(err, COLLAB_E_IO, "cannot write the credits");
    }
    if (st == COLLAB_OK && s->stats->bytes_read == 0) {
        st = collab_error_set_at(err, COLLAB_E_INPUT, s->name, 1, 1,
                                 "the file is empty: expected '<releases>'");
    }
    if (st == COLLAB_OK) {
        st = read_releases(r, &w, &problem, s->name, err);
    }
    collab_i_discogs_writer_free(&w);
    xmlFreeTextReader(r);
    return st;
}

collab_status collab_discogs_import(FILE *in, const char *name, FILE *out,
                                    const collab_discogs_options *opt, collab_discogs_stats *stats,
                                    collab_error *err)
{
    collab_discogs_stats local;
    stats = stats != NULL ? stats : &local;
    memset(stats, 0, sizeof *stats);
    collab_error own_err = {0};
    err = err != NULL ? err : &own_err;
    if (opt->year_from > opt->year_to) {
        return collab_error_set(err, COLLAB_E_USAGE, "the year range %d-%d is empty",
                                opt->year_from, opt->year_to);
    }
    input s;
    memset(&s, 0, sizeof s);
    s.in = in;
    s.name = name;
    s.stats = stats;
    s.opt = opt;
    s.err = err;
    s.started = collab_clock_seconds();
    s.last_report = s.started;
    struct stat sb;
    if (fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode)) {
        s.total = (uint64_t)sb.st_size;
    }
    s.buf = collab_malloc(READ_BLOCK);
    if (s.buf == NULL) {
        return collab_error_nomem(err, "reading the dump");
    }
    collab_status st = sniff(&s);
    if (st == COLLAB_OK) {
        st = convert(&s, out, err);
    }
    if (st == COLLAB_OK && opt->progress != NULL) {
        char message[384];
        snprintf(message, sizeof message, "read '%s': %zu releases", name, stats->releases);
        opt->progress(message, 100, opt->progress_data);
    }
    if (s.z_ready) {
        inflateEnd(&s.z);
    }
    collab_free(s.buf);
    return st;
}
