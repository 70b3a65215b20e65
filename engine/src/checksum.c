/* SHA-256 through GLib's GChecksum: file digests for report provenance and the base64 digest of
 * an inline script for a Content-Security-Policy. The digest is GLib's; only the hex and base64
 * spelling of its 32 bytes is done here, into caller buffers, so nothing is allocated outside
 * collab's allocator except GLib's own checksum object. */
#include "collab/checksum.h"

#include <errno.h>
#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define DIGEST_BYTES 32

/* Finishes `sum` into `digest` (32 bytes); false when GLib hands back another length. */
static bool finish(GChecksum *sum, uint8_t digest[DIGEST_BYTES])
{
    gsize len = DIGEST_BYTES;
    g_checksum_get_digest(sum, digest, &len);
    g_checksum_free(sum);
    return len == DIGEST_BYTES;
}

collab_status collab_checksum_file_sha256(const char *path, char hex[COLLAB_SHA256_HEX_SIZE],
                                          collab_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return collab_error_set(err, COLLAB_E_IO, "cannot open '%s': %s", path, strerror(errno));
    }
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    if (sum == NULL) {
        fclose(f);
        return collab_error_set(err, COLLAB_E_LIBRARY, "cannot compute SHA-256 with GLib");
    }
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        g_checksum_update(sum, buf, (gssize)n);
    }
    int read_error = ferror(f) ? (errno != 0 ? errno : EIO) : 0;
    fclose(f);
    uint8_t digest[DIGEST_BYTES];
    if (!finish(sum, digest)) {
        return collab_error_set(err, COLLAB_E_LIBRARY, "cannot compute SHA-256 with GLib");
    }
    if (read_error != 0) {
        return collab_error_set(err, COLLAB_E_IO, "cannot read '%s': %s", path,
                                strerror(read_error));
    }
    for (size_t i = 0; i < DIGEST_BYTES; i++) {
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    }
    return COLLAB_OK;
}

collab_status collab_checksum_sha256_base64(const void *data, size_t len,
                                            char out[COLLAB_SHA256_BASE64_SIZE], collab_error *err)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out[0] = '\0';
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    if (sum == NULL) {
        return collab_error_set(err, COLLAB_E_LIBRARY, "cannot compute SHA-256 with GLib");
    }
    g_checksum_update(sum, data, (gssize)len);
    uint8_t d[DIGEST_BYTES + 1] = {0}; /* one zero byte past the end pads the last group */
    if (!finish(sum, d)) {
        return collab_error_set(err, COLLAB_E_LIBRARY, "cannot compute SHA-256 with GLib");
    }
    /* 32 bytes: ten full 3-byte groups, then 2 bytes giving three characters and one '='. */
    size_t o = 0;
    for (size_t i = 0; i < DIGEST_BYTES; i += 3) {
        uint32_t v =
            (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | (i + 2 < DIGEST_BYTES ? d[i + 2] : 0);
        out[o++] = alphabet[v >> 18 & 63];
        out[o++] = alphabet[v >> 12 & 63];
        out[o++] = alphabet[v >> 6 & 63];
        out[o++] = i + 2 < DIGEST_BYTES ? alphabet[v & 63] : '=';
    }
    out[o] = '\0';
    return COLLAB_OK;
}
