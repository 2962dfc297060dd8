/* fuzz_snapshot.c — libFuzzer harness: the snapshot loader (cordon_db_open)
 * on corrupted and truncated files, then every db accessor on what it
 * accepts. The input is written to an anonymous in-memory file (memfd) and
 * opened through /proc/self/fd, so no disk is touched. Public API only. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];
    if (size > FUZZ_MAX_INPUT)
        return 0;
    if (fd < 0) {
        fd = memfd_create("cordon-fuzz-snapshot", 0);
        if (fd < 0)
            abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    cordon_options *o = fuzz_options(1);
    cordon_db *db = NULL;
    cordon_error err;
    int rc = cordon_db_open(path, o, &db, &err);
    fuzz_check_error(rc, &err);
    if (rc == CORDON_OK) {
        FUZZ_CHECK(db != NULL);
        fuzz_walk_db(db);
        cordon_db_free(db);
    } else {
        FUZZ_CHECK(rc == CORDON_E_CORRUPT || rc == CORDON_E_VERSION || rc == CORDON_E_IO ||
                   rc == CORDON_E_NOMEM || rc == CORDON_E_LIMIT);
    }
    cordon_options_free(o);
    return 0;
}
