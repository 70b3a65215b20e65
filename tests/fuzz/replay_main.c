/* A main() for the fuzz targets outside libFuzzer: runs LLVMFuzzerTestOneInput once on each file
 * named on the command line (directories are walked one level). scripts/test.sh builds the targets
 * with it in the release build and replays the corpora under valgrind, which sees what the
 * sanitizers of the fuzzing build do not (reads of uninitialised memory). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        perror(path);
        return 1;
    }
    uint8_t *data = NULL;
    size_t size = 0;
    size_t cap = 0;
    for (;;) {
        if (size == cap) {
            cap = cap == 0 ? 4096 : cap * 2;
            uint8_t *grown = realloc(data, cap);
            if (grown == NULL) {
                free(data);
                fclose(in);
                return 1;
            }
            data = grown;
        }
        size_t got = fread(data + size, 1, cap - size, in);
        size += got;
        if (got == 0) {
            break;
        }
    }
    int failed = ferror(in);
    fclose(in);
    if (!failed) {
        LLVMFuzzerTestOneInput(data, size);
    }
    free(data);
    return failed;
}

int main(int argc, char **argv)
{
    int failures = 0;
    size_t replayed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            struct dirent **entries = NULL;
            int n = scandir(argv[i], &entries, NULL, alphasort);
            for (int k = 0; k < n; k++) {
                if (entries[k]->d_name[0] != '.') {
                    char path[4096];
                    snprintf(path, sizeof path, "%s/%s", argv[i], entries[k]->d_name);
                    failures += replay_file(path);
                    replayed++;
                }
                free(entries[k]);
            }
            free(entries);
        } else {
            failures += replay_file(argv[i]);
            replayed++;
        }
    }
    printf("replayed %zu inputs\n", replayed);
    return failures != 0;
}
