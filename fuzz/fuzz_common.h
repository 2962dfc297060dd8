/*
 * fuzz_common.h — helpers shared by the libFuzzer harnesses in fuzz/.
 *
 * Every harness uses only the public API (<cordon/cordon.h>) and defines only
 * LLVMFuzzerTestOneInput. The same sources are linked with fuzz/replay.c for
 * `make check` (gcc, no libFuzzer) and with -fsanitize=fuzzer for the real
 * fuzzers (configure --enable-fuzzing, CC=clang).
 *
 * The helpers abort() on a broken contract (an error code without a message,
 * a message that is not NUL-terminated, a success that returns nothing), so
 * the fuzzer reports those as findings too.
 */
#ifndef CORDON_FUZZ_COMMON_H
#define CORDON_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cordon/cordon.h>

/* Inputs above this size are ignored: bugs, not timeouts. */
#ifndef FUZZ_MAX_INPUT
#define FUZZ_MAX_INPUT (256 * 1024)
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                         \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                             \
        }                                                                        \
    } while (0)

/* Options tight enough that the fuzzer finds bugs, not timeouts. */
static inline cordon_options *fuzz_options(int strict)
{
    cordon_options *o = NULL;
    if (cordon_options_new(&o, NULL) != CORDON_OK)
        abort();
    cordon_options_set_int(o, CORDON_OPT_MAX_INPUT_BYTES, 4 * FUZZ_MAX_INPUT, NULL);
    cordon_options_set_int(o, CORDON_OPT_MAX_NAME_BYTES, 4096, NULL);
    cordon_options_set_int(o, CORDON_OPT_MAX_DEPTH, 64, NULL);
    cordon_options_set_int(o, CORDON_OPT_STRICT, strict, NULL);
    return o;
}

/* A failed call must say what happened. */
static inline void fuzz_check_error(int rc, const cordon_error *err)
{
    if (rc == CORDON_OK)
        return;
    FUZZ_CHECK(rc < 0);
    FUZZ_CHECK(err->code == rc);
    FUZZ_CHECK(memchr(err->message, 0, sizeof err->message) != NULL);
    FUZZ_CHECK(err->message[0] != '\0');
    FUZZ_CHECK(strcmp(cordon_strerror(rc), "unknown error") != 0);
}

/* Read everything a db exposes, so corrupt data cannot hide behind lazy
 * accessors. */
static inline void fuzz_walk_db(const cordon_db *db)
{
    static char json[1 << 16];
    uint32_t nl = cordon_db_list_count(db);
    for (uint32_t l = 0; l < nl && l < 64; l++) {
        for (int f = CORDON_LIST_ID; f <= CORDON_LIST_FORMAT; f++) {
            const char *s = cordon_db_list_field(db, l, f);
            FUZZ_CHECK(s != NULL);
            (void)strlen(s);
        }
        uint32_t ne = 0, nn = 0, ns = 0;
        FUZZ_CHECK(cordon_db_list_counts(db, l, &ne, &nn, &ns) == CORDON_OK);
        for (uint32_t i = 0; i < ns && i < 16; i++) {
            int64_t line = 0;
            const char *reason = NULL;
            FUZZ_CHECK(cordon_db_list_skipped(db, l, i, &line, &reason) == CORDON_OK);
            FUZZ_CHECK(reason != NULL);
            (void)strlen(reason);
        }
    }
    uint32_t n = cordon_db_entity_count(db);
    for (uint32_t e = 0; e < n && e < 256; e++) {
        const char *id = cordon_db_entity_id(db, e);
        FUZZ_CHECK(id != NULL);
        FUZZ_CHECK(cordon_db_entity_list(db, e) < nl);
        (void)cordon_db_entity_type(db, e);
        uint32_t nn = cordon_db_entity_name_count(db, e);
        for (uint32_t i = 0; i < nn && i < 64; i++) {
            int kind = -1;
            const char *nm = cordon_db_entity_name(db, e, i, &kind);
            FUZZ_CHECK(nm != NULL);
            (void)strlen(nm);
        }
        size_t needed = 0;
        cordon_error err;
        int rc = cordon_db_entity_json(db, e, json, sizeof json, &needed, &err);
        fuzz_check_error(rc, &err);
        if (rc == CORDON_OK && needed < sizeof json)
            FUZZ_CHECK(strlen(json) == needed);
    }
}

/* Load one buffer with the given format (NULL = detect) and, when it loads,
 * build the db and read it back. */
/* Finish builder b after one add step (step names it for CORDON_FUZZ_VERBOSE;
 * rc/err are that step's result), walk the db, free b and o. */
static inline int fuzz_finish(cordon_builder *b, cordon_options *o, const char *step, int rc,
                              cordon_error *err)
{
    fuzz_check_error(rc, err);
    if (getenv("CORDON_FUZZ_VERBOSE"))
        fprintf(stderr, "%s: %d %s\n", step, rc, rc ? err->message : "ok");
    cordon_db *db = NULL;
    rc = cordon_builder_finish(b, &db, err);
    fuzz_check_error(rc, err);
    if (rc == CORDON_OK) {
        FUZZ_CHECK(db != NULL);
        if (getenv("CORDON_FUZZ_VERBOSE"))
            fprintf(stderr, "finish: %u lists, %u entities\n", cordon_db_list_count(db),
                    cordon_db_entity_count(db));
        fuzz_walk_db(db);
    }
    cordon_db_free(db);
    cordon_builder_free(b);
    cordon_options_free(o);
    return 0;
}

static inline int fuzz_list(const uint8_t *data, size_t size, const char *name, const char *format)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    cordon_options *o = fuzz_options((int)(size & 1));
    cordon_builder *b = NULL;
    cordon_error err;
    if (cordon_builder_new(&b, o, &err) != CORDON_OK)
        abort();
    int rc = cordon_builder_add_buffer(b, (const char *)data, size, name, format, NULL, &err);
    return fuzz_finish(b, o, "add_buffer", rc, &err);
}

/* The demo db (data/demo/lists and the rule packs in data/rules), built once per process
 * and shared by every input: harnesses of the query side (transactions,
 * party search) screen against it. The data folder is $CORDON_FUZZ_DATA, or
 * the source tree's data/ compiled in as FUZZ_DATA_DIR (tests/fuzz.am). When
 * it cannot be found or built, the harness aborts: a fuzzer that screens
 * against nothing would report success while testing nothing. */
#ifndef FUZZ_DATA_DIR
#define FUZZ_DATA_DIR "data"
#endif
static inline const cordon_db *fuzz_demo_db(void)
{
    static cordon_db *db;
    if (db)
        return db;
    const char *dir = getenv("CORDON_FUZZ_DATA");
    if (!dir || !*dir)
        dir = FUZZ_DATA_DIR;
    static const struct {
        const char *path, *format, *list_id;
        int rules;
    } in[] = {
        {"demo/lists/demo_sanctions.csv", "generic_csv", "demo_sanctions", 0},
        {"demo/lists/inhouse_denylist.tsv", "generic_csv", "inhouse_deny", 0},
        {"rules/demo-rules.xml", NULL, NULL, 1},
        {"rules/embargoes.xml", NULL, NULL, 1},
    };
    cordon_builder *b = NULL;
    cordon_error err;
    int rc = cordon_builder_new(&b, NULL, &err);
    for (size_t i = 0; rc == CORDON_OK && i < sizeof in / sizeof in[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, in[i].path);
        rc = in[i].rules ? cordon_builder_add_rules_file(b, path, in[i].format, in[i].list_id, &err)
                         : cordon_builder_add_file(b, path, in[i].format, in[i].list_id, &err);
    }
    if (rc == CORDON_OK)
        rc = cordon_builder_finish(b, &db, &err);
    cordon_builder_free(b);
    if (rc != CORDON_OK || !db || cordon_db_entity_count(db) == 0 || !cordon_db_rules(db)) {
        fprintf(stderr,
                "fuzz: cannot build the demo db from %s (%s); set CORDON_FUZZ_DATA to the "
                "source tree's data/ folder\n",
                dir, rc != CORDON_OK ? err.message : "empty db or no rules");
        abort();
    }
    return db;
}

#endif /* CORDON_FUZZ_COMMON_H */
