/* replay.c — a standalone driver for the harnesses in fuzz/, so `make check`
 * (gcc, no libFuzzer) runs every seed and regression input through every
 * harness: `replay_<target> DIR-or-FILE...` feeds each regular file (each
 * directory's files in sorted order) to LLVMFuzzerTestOneInput once, in a
 * fresh heap copy of exactly the file's size (so ASan sees overreads).
 * Exit 0 when every input ran, 1 when a path could not be read, 77 (skip)
 * when no input was found. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path, size_t *count)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return 1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    int bad = ferror(f) || !buf;
    fclose(f);
    if (bad) {
        free(buf);
        fprintf(stderr, "replay: %s: read error\n", path);
        return 1;
    }
    /* exact-size copy: one byte past the end is outside the allocation */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        free(buf);
        return 1;
    }
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    (*count)++;
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path, size_t *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return run_file(path, count);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *de;
    int rc = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (nn == cap) {
            char **nb = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
            if (!nb) {
                rc = 1;
                break;
            }
            names = nb;
        }
        size_t l = strlen(path) + strlen(de->d_name) + 2;
        names[nn] = malloc(l);
        if (!names[nn]) {
            rc = 1;
            break;
        }
        snprintf(names[nn], l, "%s/%s", path, de->d_name);
        nn++;
    }
    closedir(d);
    qsort(names, nn, sizeof *names, cmp);
    for (size_t i = 0; i < nn; i++) {
        if (rc == 0)
            rc = run_path(names[i], count);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (run_path(argv[i], &count) != 0)
            rc = 1;
    if (rc == 0 && count == 0) {
        fprintf(stderr, "replay: no inputs\n");
        return 77;
    }
    printf("replay: %zu inputs ran\n", count);
    return rc;
}
