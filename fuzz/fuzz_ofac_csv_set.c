/* fuzz_ofac_csv_set.c — libFuzzer harness: a whole OFAC CSV set (sdn.csv,
 * add.csv, alt.csv, sdn_comments.csv) loaded as a folder with
 * cordon_builder_add_file(), so the joins of addresses, aliases and comments
 * onto the primary rows are fuzzed too (fuzz_ofac_csv feeds sdn.csv alone).
 * The input is the four files separated by lines "@@@@"; a missing part is a
 * missing file. The files go to a private temporary folder (created once,
 * removed at exit). Then cordon_builder_finish() and every db accessor.
 * Public API only. */
#define _GNU_SOURCE
#include <unistd.h>

#include "fuzz_common.h"

static char dir[4096];
static const char *const member[4] = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};

static void cleanup(void)
{
    char p[4200];
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, member[i]);
        unlink(p);
    }
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/cordon-fuzz-ofac-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir)) {
            perror("fuzz_ofac_csv_set: mkdtemp");
            abort();
        }
        atexit(cleanup);
    }
    static const char sep[] = "\n@@@@\n";
    const char *s = (const char *)data, *end = s + size;
    for (int i = 0; i < 4; i++) {
        char p[4200];
        snprintf(p, sizeof p, "%s/%s", dir, member[i]);
        unlink(p);
        if (!s)
            continue;
        const char *e = memmem(s, (size_t)(end - s), sep, sizeof sep - 1);
        const char *pe = e && i < 3 ? e : end;
        FILE *f = fopen(p, "wb");
        if (!f || fwrite(s, 1, (size_t)(pe - s), f) != (size_t)(pe - s) || fclose(f) != 0) {
            perror(p);
            abort();
        }
        s = pe < end ? pe + sizeof sep - 1 : NULL;
    }
    cordon_options *o = fuzz_options((int)(size & 1));
    cordon_builder *b = NULL;
    cordon_error err;
    if (cordon_builder_new(&b, o, &err) != CORDON_OK)
        abort();
    int rc = cordon_builder_add_file(b, dir, "ofac_csv", NULL, &err);
    return fuzz_finish(b, o, "add_file", rc, &err);
}
