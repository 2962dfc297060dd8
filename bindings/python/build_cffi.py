#!/usr/bin/python3
"""Build the cffi extension ``cordon._native`` against an in-tree libcordon.

Out-of-line API mode: the C declarations below are compiled together with the
real ``<cordon/cordon.h>``, so the compiler checks every signature against the
header (a mismatch is an error, see ``-Werror`` flags), and the module is
linked to ``libcordon.so`` with an rpath to the given library directory, so it
loads exactly the library it was built with, never an installed copy.

Usage::

    build_cffi.py --srcdir TOP_SRCDIR --builddir TOP_BUILDDIR --out OUTDIR

writes ``OUTDIR/cordon/_native.<abi>.so`` and copies the pure-Python sources of
the package beside it, so ``PYTHONPATH=OUTDIR`` imports the whole package.

The declarations list only committed, tested API. ``CDEF_*`` blocks are
grouped by header section; a block is added when its section lands.
"""
import argparse
import os
import shutil
import sys

import cffi

CDEF_CORE = r"""
#define CORDON_OK ...
#define CORDON_E_INVALID ...
#define CORDON_E_NOMEM ...
#define CORDON_E_UTF8 ...
#define CORDON_E_IO ...
#define CORDON_E_PARSE ...
#define CORDON_E_FORMAT ...
#define CORDON_E_LIMIT ...
#define CORDON_E_CORRUPT ...
#define CORDON_E_VERSION ...
#define CORDON_E_NOTFOUND ...
#define CORDON_E_REGEX ...
#define CORDON_E_ENCODING ...
#define CORDON_E_RANGE ...
#define CORDON_E_STATE ...
#define CORDON_OPT_MAX_INPUT_BYTES ...
#define CORDON_OPT_MAX_NAME_BYTES ...
#define CORDON_OPT_STRICT ...
#define CORDON_OPT_MAX_DEPTH ...

typedef struct cordon_error {
    int32_t code;
    int32_t detail;
    int64_t offset;
    int64_t line;
    int64_t column;
    char message[512];
    uint64_t reserved[8];
} cordon_error;

const char *cordon_strerror(int code);
uint32_t cordon_version_number(void);
const char *cordon_version_string(void);

typedef struct cordon_options cordon_options;
int cordon_options_new(cordon_options **out, cordon_error *err);
void cordon_options_free(cordon_options *opts);
int cordon_options_set_int(cordon_options *opts, int key, int64_t value, cordon_error *err);
int cordon_options_get_int(const cordon_options *opts, int key, int64_t *value,
                           cordon_error *err);
"""

CDEF_TEXT = r"""
#define CORDON_TYPE_UNKNOWN ...
#define CORDON_TYPE_PERSON ...
#define CORDON_TYPE_ORGANIZATION ...
#define CORDON_TYPE_VESSEL ...
#define CORDON_TYPE_AIRCRAFT ...
#define CORDON_TOKEN_WORD ...
#define CORDON_TOKEN_LEGAL ...
#define CORDON_TOKEN_HONORIFIC ...
#define CORDON_TOKEN_PARTICLE ...
#define CORDON_TOKEN_STOPWORD ...
#define CORDON_TOKEN_NUMBER ...
#define CORDON_TOKEN_INITIAL ...
typedef struct cordon_analysis cordon_analysis;
int cordon_analyze_name(const char *name, size_t len, int type, const cordon_options *opts,
                        cordon_analysis **out, cordon_error *err);
void cordon_analysis_free(cordon_analysis *a);
const char *cordon_analysis_normalized(const cordon_analysis *a, size_t *len);
size_t cordon_analysis_token_count(const cordon_analysis *a);
const char *cordon_analysis_token_text(const cordon_analysis *a, size_t i, size_t *len);
int cordon_analysis_token_kind(const cordon_analysis *a, size_t i);
const char *cordon_analysis_token_legal_class(const cordon_analysis *a, size_t i);
const char *cordon_analysis_token_script(const cordon_analysis *a, size_t i);
const char *cordon_analysis_token_skeleton(const cordon_analysis *a, size_t i, size_t *len);
const char *cordon_analysis_token_phonetic(const cordon_analysis *a, size_t i, int which,
                                           size_t *len);
int cordon_analysis_token_span(const cordon_analysis *a, size_t i, size_t *offset,
                               size_t *len);
const char *cordon_analysis_json(cordon_analysis *a, size_t *len);
"""

CDEF_DB = r"""
typedef struct cordon_builder cordon_builder;
typedef struct cordon_db cordon_db;

#define CORDON_NAME_PRIMARY ...
#define CORDON_NAME_AKA ...
#define CORDON_NAME_FKA ...
#define CORDON_NAME_WEAK ...
#define CORDON_NAME_ORIGINAL ...
#define CORDON_LIST_ID ...
#define CORDON_LIST_PUBLISHER ...
#define CORDON_LIST_DATE ...
#define CORDON_LIST_SOURCE ...
#define CORDON_LIST_SHA256 ...
#define CORDON_LIST_FORMAT ...

int cordon_builder_new(cordon_builder **out, const cordon_options *opts, cordon_error *err);
int cordon_builder_add_file(cordon_builder *b, const char *path, const char *format,
                            const char *list_id, cordon_error *err);
int cordon_builder_add_buffer(cordon_builder *b, const char *data, size_t len,
                              const char *name, const char *format, const char *list_id,
                              cordon_error *err);
int cordon_builder_finish(cordon_builder *b, cordon_db **out, cordon_error *err);
void cordon_builder_free(cordon_builder *b);
int cordon_db_save(const cordon_db *db, const char *path, cordon_error *err);
int cordon_db_open(const char *path, const cordon_options *opts, cordon_db **out,
                   cordon_error *err);
void cordon_db_free(cordon_db *db);
uint32_t cordon_db_list_count(const cordon_db *db);
const char *cordon_db_list_field(const cordon_db *db, uint32_t list, int field);
int cordon_db_list_counts(const cordon_db *db, uint32_t list, uint32_t *entities,
                          uint32_t *names, uint32_t *skipped);
int cordon_db_list_skipped(const cordon_db *db, uint32_t list, uint32_t i, int64_t *line,
                           const char **reason);
uint32_t cordon_db_entity_count(const cordon_db *db);
int cordon_db_entity_find(const cordon_db *db, const char *list_id, const char *entity_id,
                          uint32_t *index, cordon_error *err);
const char *cordon_db_entity_id(const cordon_db *db, uint32_t entity);
uint32_t cordon_db_entity_list(const cordon_db *db, uint32_t entity);
int cordon_db_entity_type(const cordon_db *db, uint32_t entity);
uint32_t cordon_db_entity_name_count(const cordon_db *db, uint32_t entity);
const char *cordon_db_entity_name(const cordon_db *db, uint32_t entity, uint32_t i,
                                  int *kind);
int cordon_db_entity_json(const cordon_db *db, uint32_t entity, char *buf, size_t size,
                          size_t *needed, cordon_error *err);
const char *cordon_format_name(uint32_t i, const char **description);
"""

CDEF_CLASSIFY_CODES = r"""
#define CORDON_CODE_AUTO ...
#define CORDON_CODE_HS ...
#define CORDON_CODE_CN ...
#define CORDON_CODE_HTS ...
#define CORDON_CODE_ECCN ...
#define CORDON_CODE_EU_ANNEX1 ...
#define CORDON_CODE_USML ...
const char *cordon_country_iso2(const char *s, size_t len);
const char *cordon_country_name(const char *iso2);
int cordon_code_normalize(const char *code, size_t len, int kind, const cordon_options *opts,
                          char *out, size_t out_size, int *detected_kind, cordon_error *err);
"""

CDEF_CLASSIFY = r"""
typedef struct cordon_rules cordon_rules;
int cordon_rules_new(cordon_rules **out, const cordon_options *opts, cordon_error *err);
int cordon_rules_add_file(cordon_rules *rules, const char *path, const char *format,
                          const char *list_id, cordon_error *err);
int cordon_rules_add_buffer(cordon_rules *rules, const char *data, size_t len,
                            const char *format, const char *list_id, const char *name,
                            cordon_error *err);
size_t cordon_rules_entry_count(const cordon_rules *rules);
size_t cordon_rules_embargo_count(const cordon_rules *rules);
void cordon_rules_free(cordon_rules *rules);
typedef struct cordon_item cordon_item;
int cordon_item_new(cordon_item **out, const cordon_options *opts, cordon_error *err);
void cordon_item_clear(cordon_item *item);
void cordon_item_free(cordon_item *item);
int cordon_item_set_description(cordon_item *item, const char *s, size_t len, cordon_error *err);
int cordon_item_set_tariff_code(cordon_item *item, const char *code, size_t len,
                                cordon_error *err);
int cordon_item_set_control_code(cordon_item *item, const char *code, size_t len,
                                 cordon_error *err);
int cordon_item_set_param(cordon_item *item, const char *name, const char *value,
                          cordon_error *err);
int cordon_item_set_destination(cordon_item *item, const char *country, size_t len,
                                cordon_error *err);
typedef struct cordon_classification cordon_classification;
int cordon_classify(const cordon_rules *rules, const cordon_item *item,
                    cordon_classification **out, cordon_error *err);
size_t cordon_classification_count(const cordon_classification *c);
const char *cordon_classification_list(const cordon_classification *c, size_t i);
const char *cordon_classification_code(const cordon_classification *c, size_t i);
const char *cordon_classification_title(const cordon_classification *c, size_t i);
const char *cordon_classification_tier(const cordon_classification *c, size_t i);
const char *cordon_classification_legal(const cordon_classification *c, size_t i);
double cordon_classification_confidence(const cordon_classification *c, size_t i);
const char *cordon_classification_reason(const cordon_classification *c, size_t i);
const char *cordon_classification_evidence(const cordon_classification *c, size_t i);
const char *cordon_classification_missing(const cordon_classification *c, size_t i);
size_t cordon_classification_embargo_count(const cordon_classification *c);
const char *cordon_classification_embargo(const cordon_classification *c, size_t i, int *block);
const char *cordon_classification_json(cordon_classification *c, size_t *len);
void cordon_classification_free(cordon_classification *c);
"""

CDEF_MATCH = r"""
typedef struct cordon_matcher cordon_matcher;
int cordon_match(const char *a, size_t alen, const char *b, size_t blen, int type,
                 const cordon_options *opts, double *score, cordon_error *err);
double cordon_match_threshold(int type);
int cordon_matcher_new(const cordon_options *opts, cordon_matcher **out, cordon_error *err);
void cordon_matcher_free(cordon_matcher *m);
int cordon_matcher_score(cordon_matcher *m, const char *a, size_t alen, const char *b,
                         size_t blen, int type, double *score, cordon_error *err);
const char *cordon_matcher_explain_json(cordon_matcher *m, size_t *len);
"""

CDEF_TXN = r"""
int cordon_builder_add_rules_file(cordon_builder *b, const char *path, const char *format,
                                  const char *list_id, cordon_error *err);
const cordon_rules *cordon_db_rules(const cordon_db *db);
typedef struct cordon_txn cordon_txn;
#define CORDON_TXN_ORIGIN ...
#define CORDON_TXN_DESTINATION ...
#define CORDON_TXN_TRANSIT ...
int cordon_txn_parse_json(const char *json, size_t len, const cordon_options *opts,
                          cordon_txn **out, cordon_error *err);
void cordon_txn_free(cordon_txn *t);
typedef struct cordon_verdict cordon_verdict;
#define CORDON_VERDICT_CLEAR ...
#define CORDON_VERDICT_REVIEW ...
#define CORDON_VERDICT_BLOCK ...
int cordon_screen_txn(const cordon_db *db, const cordon_rules *rules, const cordon_txn *t,
                      const cordon_options *opts, cordon_verdict **out, cordon_error *err);
int cordon_verdict_decision(const cordon_verdict *v);
const char *cordon_verdict_id(const cordon_verdict *v);
const char *cordon_verdict_decision_name(int decision);
size_t cordon_verdict_reason_count(const cordon_verdict *v);
const char *cordon_verdict_reason_code(const cordon_verdict *v, size_t i);
int cordon_verdict_reason_decision(const cordon_verdict *v, size_t i);
const char *cordon_verdict_reason_text(const cordon_verdict *v, size_t i);
const char *cordon_verdict_reason_evidence(const cordon_verdict *v, size_t i);
const char *cordon_verdict_json(cordon_verdict *v, size_t *len);
void cordon_verdict_free(cordon_verdict *v);
"""

CDEF_SEARCH = r"""
#define CORDON_OPT_LIMIT ...
#define CORDON_OPT_THRESHOLD_PERMILLE ...
#define CORDON_OPT_EXHAUSTIVE ...
#define CORDON_DECISION_ALERT ...
#define CORDON_DECISION_BELOW ...
typedef struct cordon_party cordon_party;
typedef struct cordon_results cordon_results;
int cordon_party_new(cordon_party **out, const cordon_options *opts, cordon_error *err);
void cordon_party_free(cordon_party *p);
int cordon_party_add_name(cordon_party *p, const char *name, size_t len, cordon_error *err);
int cordon_party_set_type(cordon_party *p, int type, cordon_error *err);
int cordon_party_add_country(cordon_party *p, const char *country, cordon_error *err);
int cordon_party_set_dob(cordon_party *p, const char *dob, cordon_error *err);
int cordon_party_add_identifier(cordon_party *p, const char *type, const char *number,
                                const char *country, cordon_error *err);
int cordon_screen_party(const cordon_db *db, const cordon_party *q, const cordon_options *opts,
                        cordon_results **out, cordon_error *err);
void cordon_results_free(cordon_results *r);
size_t cordon_results_count(const cordon_results *r);
double cordon_results_score(const cordon_results *r, size_t i);
int cordon_results_decision(const cordon_results *r, size_t i);
const char *cordon_results_list(const cordon_results *r, size_t i);
const char *cordon_results_entity_id(const cordon_results *r, size_t i);
uint32_t cordon_results_entity_index(const cordon_results *r, size_t i);
const char *cordon_results_name(const cordon_results *r, size_t i);
const char *cordon_results_primary_name(const cordon_results *r, size_t i);
const char *cordon_results_explanation(const cordon_results *r, size_t i, size_t *len);
const char *cordon_results_list_date(const cordon_results *r, size_t i);
uint64_t cordon_results_content_hash(const cordon_results *r, size_t i);
const char *cordon_results_json(cordon_results *r, size_t *len);
"""

CDEFS = [CDEF_CORE, CDEF_TEXT, CDEF_DB, CDEF_CLASSIFY_CODES, CDEF_CLASSIFY, CDEF_MATCH,
         CDEF_TXN, CDEF_SEARCH]

PY_SOURCES = ["__init__.py", "_core.py", "py.typed"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--srcdir", required=True, help="top source directory")
    ap.add_argument("--builddir", required=True, help="top build directory")
    ap.add_argument("--out", required=True, help="output directory (gets cordon/)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    srcdir = os.path.abspath(args.srcdir)
    builddir = os.path.abspath(args.builddir)
    out = os.path.abspath(args.out)
    libdir = os.path.join(builddir, "lib", ".libs")
    if not os.path.exists(os.path.join(libdir, "libcordon.so")):
        sys.exit("build_cffi.py: %s/libcordon.so not found; build the library first" % libdir)

    pkg_out = os.path.join(out, "cordon")
    os.makedirs(pkg_out, exist_ok=True)
    pkg_src = os.path.join(srcdir, "bindings", "python", "cordon")
    for name in PY_SOURCES:
        src = os.path.join(pkg_src, name)
        dst = os.path.join(pkg_out, name)
        if os.path.abspath(src) != os.path.abspath(dst):
            shutil.copyfile(src, dst)

    ffi = cffi.FFI()
    ffi.cdef("\n".join(CDEFS))
    ffi.set_source(
        "cordon._native",
        "#include <cordon/cordon.h>\n",
        include_dirs=[os.path.join(srcdir, "include"), os.path.join(builddir, "include")],
        library_dirs=[libdir],
        libraries=["cordon"],
        # DT_RPATH (not RUNPATH): it wins over LD_LIBRARY_PATH, so the module
        # always loads the library it was compiled against.
        extra_link_args=["-Wl,--disable-new-dtags,-rpath," + libdir],
        extra_compile_args=["-Werror=incompatible-pointer-types",
                            "-Werror=int-conversion",
                            "-Werror=implicit-function-declaration"],
    )
    tmp = os.path.join(out, "_cffi_build")
    so = ffi.compile(tmpdir=tmp, verbose=not args.quiet)
    dst = os.path.join(pkg_out, os.path.basename(so))
    shutil.copyfile(so, dst + ".tmp")
    os.replace(dst + ".tmp", dst)
    if not args.quiet:
        print("built", dst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
