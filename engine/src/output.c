/* Atomic output: mkstemp in the target's directory, write, fsync-free flush and close, rename.
 * rename(2) within one directory replaces the target atomically on POSIX file systems. */
#include "collab/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool same_file(const char *a, const char *b)
{
    struct stat sa;
    struct stat sb;
    if (a == NULL || b == NULL || strcmp(b, "-") == 0) {
        return false;
    }
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0) {
        return false;
    }
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

collab_status collab_output_open(collab_output *out, const char *path, const char *input_path,
                                 collab_error *err)
{
    collab_output o;
    memset(&o, 0, sizeof o);
    if (strcmp(path, "-") == 0) {
        o.f = stdout;
        o.is_stdout = true;
        snprintf(o.path, sizeof o.path, "-");
        *out = o;
        return COLLAB_OK;
    }
    if (same_file(path, input_path)) {
        return collab_error_set(err, COLLAB_E_USAGE, "refusing to write over the input file '%s'",
                                path);
    }
    if (strlen(path) + 16 >= sizeof o.tmp_path) {
        return collab_error_set(err, COLLAB_E_USAGE, "output path too long: '%.64s...'", path);
    }
    snprintf(o.path, sizeof o.path, "%s", path);
    /* The temporary file sits beside the target (same directory, so rename is atomic), hidden
     * and recognisable: ".<name>.tmp-XXXXXX". */
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash != NULL ? (size_t)(slash - path + 1) : 0;
    snprintf(o.tmp_path, sizeof o.tmp_path, "%.*s.%s.tmp-XXXXXX", (int)dir_len, path,
             path + dir_len);
    int fd = mkstemp(o.tmp_path);
    if (fd < 0) {
        return collab_error_set(err, COLLAB_E_IO, "cannot create '%s': %s", path, strerror(errno));
    }
    /* mkstemp creates 0600; give the result the usual permissions for a new file. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o.f = fdopen(fd, "wb");
    if (o.f == NULL) {
        int e = errno;
        close(fd);
        unlink(o.tmp_path);
        return collab_error_set(err, COLLAB_E_IO, "cannot create '%s': %s", path, strerror(e));
    }
    *out = o;
    return COLLAB_OK;
}

collab_status collab_output_commit(collab_output *out, collab_error *err)
{
    if (out->f == NULL) {
        return collab_error_set(err, COLLAB_E_INTERNAL, "output '%s' is not open", out->path);
    }
    if (out->is_stdout) {
        out->f = NULL;
        if (fflush(stdout) != 0 || ferror(stdout)) {
            return collab_error_set(err, COLLAB_E_IO, "write error on standard output: %s",
                                    strerror(errno));
        }
        return COLLAB_OK;
    }
    bool failed = ferror(out->f) != 0;
    int e = errno;
    if (fclose(out->f) != 0 && !failed) {
        failed = true;
        e = errno;
    }
    out->f = NULL;
    if (!failed && rename(out->tmp_path, out->path) != 0) {
        failed = true;
        e = errno;
    }
    if (failed) {
        unlink(out->tmp_path);
        out->tmp_path[0] = '\0';
        return collab_error_set(err, COLLAB_E_IO, "cannot write '%s': %s", out->path, strerror(e));
    }
    out->tmp_path[0] = '\0';
    return COLLAB_OK;
}

void collab_output_abort(collab_output *out)
{
    if (out == NULL) {
        return;
    }
    if (out->f != NULL && !out->is_stdout) {
        fclose(out->f);
    }
    out->f = NULL;
    if (out->tmp_path[0] != '\0') {
        unlink(out->tmp_path);
        out->tmp_path[0] = '\0';
    }
}

const char *collab_output_temp_path(const collab_output *out)
{
    return out->tmp_path[0] != '\0' ? out->tmp_path : NULL;
}
