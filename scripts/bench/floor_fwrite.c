/* The floor of the bench's "writers" stage: writing each output's bytes with fwrite in 64 KiB
 * chunks into a new file of the given directory (opened, written, closed: what collab's atomic
 * output does around its writer, without formatting anything).
 *
 *   floor_fwrite DIR NAME=BYTES...
 *
 * prints "floor: write NAME BYTES SECONDS s" per pair, then "floor-first: NAME BYTES SECONDS s"
 * (read by no report). Each size is written twice into the same file, the second time over the
 * first (fopen "wb" truncates it, freeing its page cache just before the rewrite needs it), and
 * the faster of the two is the floor. Why: this VM's balloon reports free pages to the host
 * (virtio-balloon free page reporting, on here), which takes them back about two seconds after
 * they are freed; a write into such pages waits for the host to hand them back, at 100-250 MB/s,
 * while pages freed a moment ago fill at 1-2 GB/s. A single write lands in either, so a floor
 * written once measured 84 MB/s to 1.9 GB/s for the same bytes from one run to the next; the
 * rewrite always reuses the pages just freed, so the floor is the cost of fwrite itself and
 * stays put. The files are written in the order given and all kept until the end, as collab
 * analyze keeps its outputs. The bytes are a line of printable text repeated. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds to write `bytes` to `path`, or a negative number on failure. */
static double write_once(const char *path, const char *chunk, long long bytes)
{
    double start = now();
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return -1;
    }
    for (long long left = bytes; left > 0; left -= CHUNK) {
        size_t n = left < CHUNK ? (size_t)left : CHUNK;
        if (fwrite(chunk, 1, n, f) != n) {
            fclose(f);
            return -1;
        }
    }
    if (fclose(f) != 0) {
        return -1;
    }
    return now() - start;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: floor_fwrite DIR NAME=BYTES...\n");
        return 2;
    }
    static char chunk[CHUNK];
    static const char line[] = "      <attvalue for=\"7\" value=\"0.0123456789\"/>\n";
    for (size_t i = 0; i < CHUNK; i++) {
        chunk[i] = line[i % (sizeof line - 1)];
    }
    int status = 0;
    for (int a = 2; a < argc && status == 0; a++) {
        char name[256];
        long long bytes;
        if (sscanf(argv[a], "%255[^=]=%lld", name, &bytes) != 2 || bytes < 0) {
            fprintf(stderr, "floor_fwrite: bad argument '%s'\n", argv[a]);
            status = 2;
            break;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/.floor_%d.tmp", argv[1], a);
        double first = write_once(path, chunk, bytes);
        double again = first < 0 ? -1 : write_once(path, chunk, bytes);
        if (first < 0 || again < 0) {
            perror(path);
            status = 1;
            break;
        }
        printf("floor: write %s %lld %.6f s\n", name, bytes, again < first ? again : first);
        printf("floor-first: %s %lld %.6f s\n", name, bytes, first);
    }
    for (int a = 2; a < argc; a++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/.floor_%d.tmp", argv[1], a);
        unlink(path);
    }
    return status;
}
