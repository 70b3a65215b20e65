/* SHA-256 digests for provenance: of an input file, so that a report names exactly the data it
 * describes, and of a text, for the hash that lets an HTML page's own inline script run under
 * its Content-Security-Policy. Built on GLib's GChecksum (GLib comes with pango). */
#ifndef COLLAB_CHECKSUM_H
#define COLLAB_CHECKSUM_H

#include "collab/error.h"

#include <stddef.h>

/* Length of a SHA-256 digest as lowercase hex, and as base64, each plus the terminating NUL. */
#define COLLAB_SHA256_HEX_SIZE    65
#define COLLAB_SHA256_BASE64_SIZE 45

/* Reads the file at `path` to its end and writes its SHA-256 as 64 lowercase hex digits into
 * `hex`. `hex` is written only on COLLAB_OK. Errors: COLLAB_E_IO when the file cannot be opened
 * or read (the message names it), COLLAB_E_LIBRARY when GLib cannot hash.
 * Time complexity: O(file size); memory O(1). */
collab_status collab_checksum_file_sha256(const char *path, char hex[COLLAB_SHA256_HEX_SIZE],
                                          collab_error *err);

/* The SHA-256 of `len` bytes at `data`, base64-encoded (44 characters), into `out`.
 * Errors: COLLAB_E_LIBRARY when GLib cannot hash (then `out` is ""). */
collab_status collab_checksum_sha256_base64(const void *data, size_t len,
                                            char out[COLLAB_SHA256_BASE64_SIZE], collab_error *err);

#endif
