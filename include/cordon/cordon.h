/**
 * @file cordon.h
 * @brief cordon — sanctions and export-control screening library.
 *
 * The one public header of libcordon. Conventions (see doc/api.md):
 *  - every fallible call returns CORDON_OK (0) or a negative CORDON_E_* code
 *    and fills the optional caller-owned ::cordon_error;
 *  - strings in are UTF-8 `(ptr, len)`; pass ::CORDON_NUL_TERMINATED as the
 *    length for NUL-terminated C strings;
 *  - strings out are borrowed, NUL-terminated, valid until their owner is freed;
 *  - handles are opaque; `*_free(NULL)` is a no-op;
 *  - a built `cordon_db` is immutable and may be shared by any number of
 *    threads; every other handle belongs to one thread at a time.
 *
 * Every declaration carries `@since` naming the release (and the version
 * node in lib/libcordon.sym) that introduced it.
 */
#ifndef CORDON_CORDON_H
#define CORDON_CORDON_H

#include <stddef.h>
#include <stdint.h>

#include <cordon/version.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(CORDON_BUILDING)
#define CORDON_API __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#define CORDON_API __attribute__((visibility("default")))
#else
#define CORDON_API
#endif

/** Length value meaning "the string is NUL-terminated". @since 0.1 */
#define CORDON_NUL_TERMINATED ((size_t)-1)

/* ------------------------------------------------------------------------ */
/** @name Result codes
 * Appended only; a code never changes meaning. @since 0.1 */
/**@{*/
#define CORDON_OK 0            /**< success */
#define CORDON_E_INVALID (-1)  /**< invalid argument (NULL handle, bad option) */
#define CORDON_E_NOMEM (-2)    /**< an allocation failed */
#define CORDON_E_UTF8 (-3)     /**< input is not valid UTF-8; offset = first bad byte */
#define CORDON_E_IO (-4)       /**< file could not be read or written; detail = errno */
#define CORDON_E_PARSE (-5)    /**< malformed input; line/column/offset say where */
#define CORDON_E_FORMAT (-6)   /**< unknown or unsupported input format */
#define CORDON_E_LIMIT (-7)    /**< a configured size or count limit was exceeded */
#define CORDON_E_CORRUPT (-8)  /**< snapshot file truncated, corrupted or foreign */
#define CORDON_E_VERSION (-9)  /**< snapshot written by an incompatible version */
#define CORDON_E_NOTFOUND (-10) /**< requested item does not exist */
#define CORDON_E_REGEX (-11)   /**< a pattern failed to compile; detail = PCRE2 code */
#define CORDON_E_ENCODING (-12) /**< bytes not decodable in the declared encoding */
#define CORDON_E_RANGE (-13)   /**< index or value out of range */
#define CORDON_E_STATE (-14)   /**< call not allowed in the handle's current state */
/**@}*/

/**
 * Caller-allocated error details, filled by any call that fails.
 * The layout is part of the ABI and never changes: new information goes into
 * the reserved words. Zero it or leave it uninitialised; calls overwrite it.
 * @since 0.1
 */
typedef struct cordon_error {
    int32_t code;      /**< CORDON_E_* (same as the call's return value) */
    int32_t detail;    /**< dependency detail: errno, PCRE2 or libxml2 code; 0 if none */
    int64_t offset;    /**< byte offset into the input, or -1 if not applicable */
    int64_t line;      /**< 1-based line number, or 0 if not applicable */
    int64_t column;    /**< 1-based column (bytes), or 0 if not applicable */
    char message[512]; /**< NUL-terminated UTF-8 text: what and where (file name) */
    uint64_t reserved[8]; /**< reserved for future fields; set to zero */
} cordon_error;

/**
 * Static English text for a result code.
 * @param code a CORDON_OK or CORDON_E_* value
 * @return a static NUL-terminated string (never NULL; unknown codes give
 *         "unknown error")
 * @since 0.1
 */
CORDON_API const char *cordon_strerror(int code);

/**
 * Runtime library version as CORDON_VERSION_NUMBER:
 * major * 10000 + minor * 100 + patch.
 * @since 0.1
 */
CORDON_API uint32_t cordon_version_number(void);

/**
 * Runtime library version as a static string such as "0.1.0".
 * @since 0.1
 */
CORDON_API const char *cordon_version_string(void);

/* ------------------------------------------------------------------------ */
/** @name Options */
/**@{*/

/** Opaque options: allocator hook, limits and thresholds. @since 0.1 */
typedef struct cordon_options cordon_options;

/** Allocation hook: like malloc(3); @p user is the user data. @since 0.1 */
typedef void *(*cordon_malloc_fn)(size_t size, void *user);
/** Reallocation hook: like realloc(3). @since 0.1 */
typedef void *(*cordon_realloc_fn)(void *ptr, size_t size, void *user);
/** Release hook: like free(3); may be given NULL. @since 0.1 */
typedef void (*cordon_free_fn)(void *ptr, void *user);

/**
 * Create options with default settings and the standard C allocator.
 * @param[out] out receives the new options; free with cordon_options_free()
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_options_new(cordon_options **out, cordon_error *err);

/**
 * Create options whose memory, and the memory of every object later created
 * with them, comes from the given hooks. All three hooks are required.
 * @param[out] out receives the new options
 * @param malloc_fn allocation hook
 * @param realloc_fn reallocation hook
 * @param free_fn release hook
 * @param user passed unchanged to each hook
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID (a NULL hook) or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_options_new_with_allocator(cordon_options **out,
                                                 cordon_malloc_fn malloc_fn,
                                                 cordon_realloc_fn realloc_fn,
                                                 cordon_free_fn free_fn,
                                                 void *user, cordon_error *err);

/**
 * Copy options (including the allocator hook) so the copy can be changed
 * independently. The copy is allocated with the source's allocator.
 * @since 0.1
 */
CORDON_API int cordon_options_copy(const cordon_options *src, cordon_options **out,
                                   cordon_error *err);

/** Release options; NULL is allowed. Objects created with them keep their own copy. @since 0.1 */
CORDON_API void cordon_options_free(cordon_options *opts);

/** @name Option keys
 * Keys for cordon_options_set_int() / cordon_options_get_int(). Appended only.
 * @since 0.1 */
/**@{*/
/** Largest accepted input file or buffer in bytes (default 1 GiB). */
#define CORDON_OPT_MAX_INPUT_BYTES 1
/** Largest accepted single name, query or field in bytes (default 64 KiB). */
#define CORDON_OPT_MAX_NAME_BYTES 2
/** 1 = strict parsing (fail on malformed rows, the default); 0 = lenient (skip and count). */
#define CORDON_OPT_STRICT 3
/** Deepest accepted XML/JSON nesting (default 256). */
#define CORDON_OPT_MAX_DEPTH 4
/**@}*/

/**
 * Set an integer option.
 * @param opts options to change
 * @param key one of the CORDON_OPT_* keys
 * @param value new value; checked against the key's valid range
 * @param[out] err optional error details
 * @return CORDON_OK, or CORDON_E_INVALID for an unknown key or bad value
 * @since 0.1
 */
CORDON_API int cordon_options_set_int(cordon_options *opts, int key, int64_t value,
                                      cordon_error *err);

/**
 * Read an integer option.
 * @param opts options, or NULL for the defaults
 * @param key one of the CORDON_OPT_* keys
 * @param[out] value receives the current value
 * @param[out] err optional error details
 * @return CORDON_OK, or CORDON_E_INVALID for an unknown key
 * @since 0.1
 */
CORDON_API int cordon_options_get_int(const cordon_options *opts, int key, int64_t *value,
                                      cordon_error *err);
/**@}*/

/* ======================================================================== */
/* Name analysis (lib/text)                                                   */
/* ======================================================================== */

/** @name Entity types
 * Type hints shared by name analysis, lists and screening. @since 0.1 */
/**@{*/
#define CORDON_TYPE_UNKNOWN 0      /**< not known: every table applies */
#define CORDON_TYPE_PERSON 1       /**< a natural person */
#define CORDON_TYPE_ORGANIZATION 2 /**< a company, authority or other body */
#define CORDON_TYPE_VESSEL 3       /**< a ship */
#define CORDON_TYPE_AIRCRAFT 4     /**< an aircraft */
/**@}*/

/** @name Token kinds
 * Values of cordon_analysis_token_kind(). @since 0.1 */
/**@{*/
#define CORDON_TOKEN_WORD 0      /**< an ordinary name word */
#define CORDON_TOKEN_LEGAL 1     /**< a legal form (GmbH, LLC, OOO, 株式会社, ...) */
#define CORDON_TOKEN_HONORIFIC 2 /**< a title or honorific (Mr, Dr, Sheikh, General) */
#define CORDON_TOKEN_PARTICLE 3  /**< a name particle (al, bin, van, de, ...) */
#define CORDON_TOKEN_STOPWORD 4  /**< a stopword (the, of, and, ...) */
#define CORDON_TOKEN_NUMBER 5    /**< digits in any script, a Roman numeral or an ordinal */
#define CORDON_TOKEN_INITIAL 6   /**< a single letter */
/**@}*/

/**
 * Opaque result of analysing one name: the normalized form and its typed
 * tokens. Owned by the caller; one thread at a time.
 * @since 0.1
 */
typedef struct cordon_analysis cordon_analysis;

/**
 * Analyse a name the way the matcher does: strict UTF-8 check, compatibility
 * decomposition, case folding, removal of marks and format characters,
 * transliteration to Latin ASCII (Cyrillic, Greek, Armenian, Georgian, Hangul,
 * Arabic/Persian/Urdu, Hebrew; Han, Kana and Thai are kept), tokenization and
 * token typing (legal forms, honorifics, particles, stopwords, numbers,
 * initials), skeletons and Double Metaphone keys. See doc/text.md.
 * @param name UTF-8 name
 * @param len its length in bytes, or ::CORDON_NUL_TERMINATED
 * @param type one of the CORDON_TYPE_* hints (legal forms apply to
 *        organizations, vessels, aircraft and unknown; honorifics to persons
 *        and unknown)
 * @param opts options (allocator, ::CORDON_OPT_MAX_NAME_BYTES), or NULL
 * @param[in,out] out receives a new analysis; if *out is already an analysis
 *        it is reused (no reallocation once large enough). Free with
 *        cordon_analysis_free().
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_UTF8 (err->offset = first bad
 *         byte), CORDON_E_LIMIT (longer than max_name_bytes) or CORDON_E_NOMEM.
 *         On error a reused *out is left with zero tokens.
 * @since 0.1
 */
CORDON_API int cordon_analyze_name(const char *name, size_t len, int type,
                                   const cordon_options *opts, cordon_analysis **out,
                                   cordon_error *err);

/** Release an analysis; NULL is allowed. @param a the analysis @since 0.1 */
CORDON_API void cordon_analysis_free(cordon_analysis *a);

/**
 * The normalized full form: the token texts joined by single spaces.
 * @param a the analysis
 * @param[out] len optional, receives the length in bytes
 * @return a borrowed NUL-terminated string, valid until @p a is reused or freed
 * @since 0.1
 */
CORDON_API const char *cordon_analysis_normalized(const cordon_analysis *a, size_t *len);

/**
 * Number of tokens.
 * @param a the analysis
 * @return the token count (0 for a name with no letters or digits, or NULL)
 * @since 0.1
 */
CORDON_API size_t cordon_analysis_token_count(const cordon_analysis *a);

/**
 * Normalized text of token @p i (lower-case Latin ASCII, or the original
 * script for Han, Kana, Thai and other kept scripts). A multi-word legal form
 * is one token ("sp z oo").
 * @param a the analysis
 * @param i token index
 * @param[out] len optional, receives the length
 * @return a borrowed NUL-terminated string, or NULL when @p i is out of range
 * @since 0.1
 */
CORDON_API const char *cordon_analysis_token_text(const cordon_analysis *a, size_t i,
                                                  size_t *len);

/**
 * Kind of token @p i.
 * @param a the analysis
 * @param i token index
 * @return a CORDON_TOKEN_* value, or -1 when @p i is out of range
 * @since 0.1
 */
CORDON_API int cordon_analysis_token_kind(const cordon_analysis *a, size_t i);

/**
 * Canonical legal-form class of token @p i.
 * @param a the analysis
 * @param i token index
 * @return a static string ("LLC", "JSC", "LP", "PLC", "CORP", "COOP",
 *         "FOUNDATION", "TRUST", "PARTNERSHIP", "SOLE", "STATE", "BRANCH",
 *         "ASSOCIATION", "COMPANY", "OTHER"), or NULL when the token is not a
 *         legal form or @p i is out of range
 * @since 0.1
 */
CORDON_API const char *cordon_analysis_token_legal_class(const cordon_analysis *a, size_t i);

/**
 * Script the token was written in.
 * @param a the analysis
 * @param i token index
 * @return a static lower-case name ("latin", "cyrillic", "greek", "armenian",
 *         "georgian", "hangul", "arabic", "hebrew", "han", "kana", "thai",
 *         "indic" for the Brahmic scripts Devanagari to Malayalam,
 *         "common" for digits only, "other"), or NULL when out of range
 * @since 0.1
 */
CORDON_API const char *cordon_analysis_token_script(const cordon_analysis *a, size_t i);

/**
 * Skeleton of token @p i: a folded key on which common romanization variants
 * meet ("yuriy", "iurii", "juri" and "Юрий" give the same skeleton).
 * @param a the analysis
 * @param i token index
 * @param[out] len optional, receives the length
 * @return a borrowed NUL-terminated string, or NULL when out of range
 * @since 0.1
 */
CORDON_API const char *cordon_analysis_token_skeleton(const cordon_analysis *a, size_t i,
                                                      size_t *len);

/**
 * Double Metaphone key of token @p i (at most 7 characters).
 * @param a the analysis
 * @param i token index
 * @param which 0 for the primary key, 1 for the alternate key
 * @param[out] len optional, receives the length (0 when the token has no key:
 *        numbers and kept scripts)
 * @return a borrowed NUL-terminated string, or NULL when @p i or @p which is
 *         out of range
 * @since 0.1
 */
CORDON_API const char *cordon_analysis_token_phonetic(const cordon_analysis *a, size_t i,
                                                      int which, size_t *len);

/**
 * Where token @p i came from in the analysed input.
 * @param a the analysis
 * @param i token index
 * @param[out] offset optional, receives the byte offset in the input
 * @param[out] len optional, receives the byte length in the input
 * @return CORDON_OK, or CORDON_E_RANGE when @p i is out of range
 * @since 0.1
 */
CORDON_API int cordon_analysis_token_span(const cordon_analysis *a, size_t i, size_t *offset,
                                          size_t *len);

/**
 * The whole analysis as one JSON object:
 * {"type":"person"|...,"normalized":"...","tokens":[{"text","kind",
 * "legal_class" (legal forms only),"number" (numbers only),"script",
 * "skeleton","phonetic":[primary,alternate],"offset","length" (byte span in
 * the input),"hyphen_joined":true (only when set)}]}.
 * @param a the analysis
 * @param[out] len optional, receives the length
 * @return a borrowed NUL-terminated string valid until @p a is reused or
 *         freed, or NULL when out of memory
 * @since 0.1
 */
CORDON_API const char *cordon_analysis_json(cordon_analysis *a, size_t *len);

/* ---- end of name analysis ---- */

/* ======================================================================== */
/* Lists, builder, db and snapshot (lib/sources, lib/index)                   */
/* ======================================================================== */

/** Builder of an immutable db from list files and buffers. One thread at a time. @since 0.1 */
typedef struct cordon_builder cordon_builder;
/** An immutable, thread-shareable db of lists (and rules), built or opened from a snapshot. @since 0.1 */
typedef struct cordon_db cordon_db;

/** @name Name kinds (cordon_db_entity_name())
 * @since 0.1 */
/**@{*/
#define CORDON_NAME_PRIMARY 0  /**< the list's main name */
#define CORDON_NAME_AKA 1      /**< also known as */
#define CORDON_NAME_FKA 2      /**< formerly known as */
#define CORDON_NAME_WEAK 3     /**< weak / low-quality alias */
#define CORDON_NAME_ORIGINAL 4 /**< name in its original script */
/**@}*/

/** @name List fields (cordon_db_list_field())
 * @since 0.1 */
/**@{*/
#define CORDON_LIST_ID 0        /**< stable list id, e.g. "us_ofac_sdn" */
#define CORDON_LIST_PUBLISHER 1 /**< publisher display name */
#define CORDON_LIST_DATE 2      /**< publication date read from the file ("" if absent) */
#define CORDON_LIST_SOURCE 3    /**< file name(s) it was loaded from */
#define CORDON_LIST_SHA256 4    /**< hex SHA-256 of the file (of all files, concatenated, for sets) */
#define CORDON_LIST_FORMAT 5    /**< parser format name, e.g. "ofac_csv" */
/**@}*/

/**
 * Create a builder.
 * @param[out] out receives the builder; free with cordon_builder_free()
 * @param opts options (allocator, strictness, limits), copied; NULL = defaults
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_builder_new(cordon_builder **out, const cordon_options *opts,
                                  cordon_error *err);

/**
 * Load a list file, or a folder holding a multi-file set (such as OFAC's
 * sdn.csv/add.csv/alt.csv/sdn_comments.csv) or several list files.
 * @param b the builder
 * @param path file or folder path
 * @param format a format name (see `cordon compile --formats`), or NULL to
 *        detect it from the content
 * @param list_id list id to record, or NULL for the format's default
 * @param[out] err optional error details; parse errors name the file and give
 *        line/column/offset
 * @return CORDON_OK, CORDON_E_IO, CORDON_E_FORMAT, CORDON_E_PARSE,
 *         CORDON_E_ENCODING, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM.
 *         On error the builder keeps what earlier calls loaded.
 * @since 0.1
 */
CORDON_API int cordon_builder_add_file(cordon_builder *b, const char *path,
                                       const char *format, const char *list_id,
                                       cordon_error *err);

/**
 * Load a list from memory.
 * @param b the builder
 * @param data the file content; not retained
 * @param len its length in bytes
 * @param name a file name for messages and format detection (may be NULL)
 * @param format a format name, or NULL to detect it from the content
 * @param list_id list id to record, or NULL for the format's default
 * @param[out] err optional error details
 * @return as cordon_builder_add_file()
 * @since 0.1
 */
CORDON_API int cordon_builder_add_buffer(cordon_builder *b, const char *data, size_t len,
                                         const char *name, const char *format,
                                         const char *list_id, cordon_error *err);

/**
 * Finish building: index every name and produce the immutable db. The
 * builder is left empty and may be freed or reused.
 * @param b the builder
 * @param[out] out receives the db; free with cordon_db_free()
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_LIMIT (over 2^32-1 records or 4 GiB) or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_builder_finish(cordon_builder *b, cordon_db **out, cordon_error *err);

/** Release a builder; NULL is allowed. @since 0.1 */
CORDON_API void cordon_builder_free(cordon_builder *b);

/**
 * Write the db as one snapshot file: versioned, checksummed, endian-tagged.
 * The write is atomic (temporary file in the same folder, fsync, rename): a
 * crash never leaves a broken snapshot at @p path.
 * @param db the db
 * @param path destination path
 * @param[out] err optional error details (CORDON_E_IO with errno in detail)
 * @return CORDON_OK or CORDON_E_IO
 * @since 0.1
 */
CORDON_API int cordon_db_save(const cordon_db *db, const char *path, cordon_error *err);

/**
 * Open a snapshot file by mapping it into memory (no parsing). Truncated,
 * corrupted, foreign or future-version files are refused.
 * @param path snapshot path
 * @param opts options (allocator, thresholds), copied; NULL = defaults
 * @param[out] out receives the db; free with cordon_db_free()
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_IO, CORDON_E_CORRUPT, CORDON_E_VERSION or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_db_open(const char *path, const cordon_options *opts, cordon_db **out,
                              cordon_error *err);

/** Release a db (unmaps a snapshot); NULL is allowed. No other thread may
 * still use it. @since 0.1 */
CORDON_API void cordon_db_free(cordon_db *db);

/** Number of lists in the db. @since 0.1 */
CORDON_API uint32_t cordon_db_list_count(const cordon_db *db);

/**
 * A list's provenance field.
 * @param db the db
 * @param list list index, 0 .. cordon_db_list_count()-1
 * @param field one of the CORDON_LIST_* constants
 * @return borrowed NUL-terminated string owned by the db ("" if unknown), or
 *         NULL for a bad index or field
 * @since 0.1
 */
CORDON_API const char *cordon_db_list_field(const cordon_db *db, uint32_t list, int field);

/**
 * A list's counts.
 * @param db the db
 * @param list list index
 * @param[out] entities number of entities (may be NULL)
 * @param[out] names number of names, all kinds (may be NULL)
 * @param[out] skipped number of rows skipped in lenient mode (may be NULL)
 * @return CORDON_OK or CORDON_E_RANGE
 * @since 0.1
 */
CORDON_API int cordon_db_list_counts(const cordon_db *db, uint32_t list, uint32_t *entities,
                                     uint32_t *names, uint32_t *skipped);

/**
 * One skipped row of a list (lenient mode).
 * @param db the db
 * @param list list index
 * @param i skipped-row index, 0 .. skipped-1
 * @param[out] line the row's line number (0 if unknown)
 * @param[out] reason borrowed reason text
 * @return CORDON_OK or CORDON_E_RANGE
 * @since 0.1
 */
CORDON_API int cordon_db_list_skipped(const cordon_db *db, uint32_t list, uint32_t i,
                                      int64_t *line, const char **reason);

/** Total number of entities in the db. @since 0.1 */
CORDON_API uint32_t cordon_db_entity_count(const cordon_db *db);

/**
 * Find an entity by list id and entity id.
 * @param db the db
 * @param list_id list id (e.g. "us_ofac_sdn"), or NULL for any list
 * @param entity_id the entity's id within its list
 * @param[out] index receives the entity index
 * @param[out] err optional error details
 * @return CORDON_OK or CORDON_E_NOTFOUND
 * @since 0.1
 */
CORDON_API int cordon_db_entity_find(const cordon_db *db, const char *list_id,
                                     const char *entity_id, uint32_t *index, cordon_error *err);

/** An entity's id within its list (borrowed), or NULL for a bad index. @since 0.1 */
CORDON_API const char *cordon_db_entity_id(const cordon_db *db, uint32_t entity);

/** An entity's list index, or UINT32_MAX for a bad index. @since 0.1 */
CORDON_API uint32_t cordon_db_entity_list(const cordon_db *db, uint32_t entity);

/** An entity's type (CORDON_TYPE_*), or -1 for a bad index. @since 0.1 */
CORDON_API int cordon_db_entity_type(const cordon_db *db, uint32_t entity);

/** Number of names (all kinds) of an entity; 0 for a bad index. @since 0.1 */
CORDON_API uint32_t cordon_db_entity_name_count(const cordon_db *db, uint32_t entity);

/**
 * One name of an entity.
 * @param db the db
 * @param entity entity index
 * @param i name index, 0 .. cordon_db_entity_name_count()-1 (0 is the primary name)
 * @param[out] kind receives the CORDON_NAME_* kind (may be NULL)
 * @return borrowed NUL-terminated name owned by the db, or NULL for bad indexes
 * @since 0.1
 */
CORDON_API const char *cordon_db_entity_name(const cordon_db *db, uint32_t entity, uint32_t i,
                                             int *kind);

/**
 * Everything listed about an entity as one JSON object (names with kinds and
 * parts, dates of birth, countries, identifiers, programs, addresses,
 * attributes, remarks, list provenance), written into a caller buffer.
 * @param db the db
 * @param entity entity index
 * @param buf destination (may be NULL when size is 0)
 * @param size its size in bytes
 * @param[out] needed receives the length of the JSON text (without NUL); the
 *             output is complete only when needed < size
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_RANGE or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_db_entity_json(const cordon_db *db, uint32_t entity, char *buf,
                                     size_t size, size_t *needed, cordon_error *err);

/**
 * Names of the list formats this library reads, one per index.
 * @param i 0-based index
 * @param[out] description optional borrowed description
 * @return static format name, or NULL past the end
 * @since 0.1
 */
CORDON_API const char *cordon_format_name(uint32_t i, const char **description);


/* ---- end of lists and db ---- */

/* ======================================================================== */
/* Matching and party screening (lib/match, lib/screen)                       */
/* ======================================================================== */

/** Reusable pairwise name matcher (owned by one thread). @since 0.1 */
typedef struct cordon_matcher cordon_matcher;

/**
 * Score how likely two names denote the same party. Both names go through
 * the same analysis (normalisation, transliteration, token typing); tokens
 * are aligned order-independently with typo budgets, transliteration
 * skeletons, phonetic keys, glued/split tokens, legal-form classes and
 * numbers (see doc/scoring.md). The score is calibrated in [0, 1] and has
 * the same meaning for every list; compare it with cordon_match_threshold().
 * @param a first (query) name, UTF-8
 * @param alen length of @p a in bytes or CORDON_NUL_TERMINATED
 * @param b second (list) name, UTF-8
 * @param blen length of @p b in bytes or CORDON_NUL_TERMINATED
 * @param type entity type (0 any, 1 person, 2 organization, 3 vessel, 4 aircraft)
 * @param opts options (allocator, max name bytes) or NULL for defaults
 * @param[out] score receives the score
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_match(const char *a, size_t alen, const char *b, size_t blen, int type,
                            const cordon_options *opts, double *score, cordon_error *err);

/**
 * Default alert threshold of the calibrated score for an entity type.
 * @param type entity type (0 any, 1 person, 2 organization, 3 vessel, 4 aircraft)
 * @return the threshold in (0, 1); a score at or above it is an alert
 * @since 0.1
 */
CORDON_API double cordon_match_threshold(int type);

/**
 * Create a reusable matcher: faster than cordon_match() for many pairs and
 * able to explain its last score.
 * @param opts options or NULL (copied: allocator, limits)
 * @param[out] out receives the matcher; free with cordon_matcher_free()
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_matcher_new(const cordon_options *opts, cordon_matcher **out,
                                  cordon_error *err);

/** Release a matcher; NULL is allowed. @param m the matcher @since 0.1 */
CORDON_API void cordon_matcher_free(cordon_matcher *m);

/**
 * Score two names with a matcher (same meaning as cordon_match()).
 * @param m the matcher
 * @param a query name, UTF-8
 * @param alen length or CORDON_NUL_TERMINATED
 * @param b list name, UTF-8
 * @param blen length or CORDON_NUL_TERMINATED
 * @param type entity type (0 any, 1 person, 2 organization, 3 vessel, 4 aircraft)
 * @param[out] score receives the score
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_matcher_score(cordon_matcher *m, const char *a, size_t alen,
                                    const char *b, size_t blen, int type, double *score,
                                    cordon_error *err);

/**
 * Explanation of the matcher's last successful score as a JSON object:
 * token alignments (query, list, how: exact/typo/skeleton/phonetic/initial/
 * glued/number/fuzzy/nickname/abbreviation, edits, sim, contribution),
 * unmatched tokens, features,
 * legal classes, evidence and score.
 * @param m the matcher
 * @param[out] len optional: receives the length in bytes
 * @return borrowed NUL-terminated JSON, valid until the next call on @p m;
 *         NULL when there is no score yet or memory ran out
 * @since 0.1
 */
CORDON_API const char *cordon_matcher_explain_json(cordon_matcher *m, size_t *len);


/* ---- party screening (search) ---- */

/** @name Party screening option keys
 * More keys for cordon_options_set_int() (numbers from 100 on).
 * @since 0.1 */
/**@{*/
/** Most hits (entities) a party query returns (default 10, 1..100000). */
#define CORDON_OPT_LIMIT 100
/** Alert threshold x 1000 (0..1000); -1 (default) = the calibrated per-type threshold. */
#define CORDON_OPT_THRESHOLD_PERMILLE 101
/** 1 = score every list name instead of index candidates (audits, recall checks); default 0. */
#define CORDON_OPT_EXHAUSTIVE 102
/**@}*/

/** Decision of a hit: at or above the alert threshold. @since 0.1 */
#define CORDON_DECISION_ALERT 1
/** Decision of a hit: below the alert threshold (reported near misses). @since 0.1 */
#define CORDON_DECISION_BELOW 0

/** A party to screen: names, type, countries, date of birth, identifiers
 * (owned by one thread). @since 0.1 */
typedef struct cordon_party cordon_party;
/** Ranked hits of cordon_screen_party(). @since 0.1 */
typedef struct cordon_results cordon_results;

/**
 * Create an empty party query.
 * @param[out] out receives the party; free with cordon_party_free()
 * @param opts options (allocator, max name bytes) or NULL; copied
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_party_new(cordon_party **out, const cordon_options *opts,
                                cordon_error *err);

/** Release a party; NULL is allowed. @param p the party @since 0.1 */
CORDON_API void cordon_party_free(cordon_party *p);

/**
 * Add a name (the first is the main name; up to 16 names).
 * @param p the party
 * @param name UTF-8 name
 * @param len length in bytes or CORDON_NUL_TERMINATED
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_party_add_name(cordon_party *p, const char *name, size_t len,
                                     cordon_error *err);

/**
 * Set the party's entity type (default CORDON_TYPE_UNKNOWN: every type).
 * @param p the party
 * @param type CORDON_TYPE_*
 * @param[out] err optional error details
 * @return CORDON_OK or CORDON_E_INVALID
 * @since 0.1
 */
CORDON_API int cordon_party_set_type(cordon_party *p, int type, cordon_error *err);

/**
 * Add a country (nationality, residence, registration) as evidence.
 * @param p the party
 * @param country ISO 3166 alpha-2 code or a country name (NUL-terminated)
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID (unknown country), CORDON_E_LIMIT (more than 16) or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_party_add_country(cordon_party *p, const char *country, cordon_error *err);

/**
 * Set the date of birth as evidence ("1952-10-07", "1952-10", "1952", "07 Oct 1952").
 * @param p the party
 * @param dob the date (NUL-terminated)
 * @param[out] err optional error details
 * @return CORDON_OK or CORDON_E_INVALID (not a date)
 * @since 0.1
 */
CORDON_API int cordon_party_set_dob(cordon_party *p, const char *dob, cordon_error *err);

/**
 * Add an identifier (passport, tax id, IMO number, ...) as evidence.
 * @param p the party
 * @param type identifier type as the lists write it (e.g. "Passport"), or NULL/"" for any
 * @param number the number (compared ignoring punctuation and case)
 * @param country issuing country ISO2 or NULL
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_LIMIT (more than 16) or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_party_add_identifier(cordon_party *p, const char *type, const char *number,
                                           const char *country, cordon_error *err);

/**
 * Screen a party against every list of a db: candidates from the db's name
 * index (or every name with ::CORDON_OPT_EXHAUSTIVE), scored with the
 * calibrated scorer and the party's evidence; the best name per entity;
 * ranked by score. Hits at or above the threshold are alerts; hits up to 0.10
 * below it are reported with decision "below". Thread-safe: many threads may
 * screen on one db at once (each call uses its own scratch memory).
 * @param db the db (must outlive the results)
 * @param q the party (at least one name)
 * @param opts options (::CORDON_OPT_LIMIT, ::CORDON_OPT_THRESHOLD_PERMILLE,
 *        ::CORDON_OPT_EXHAUSTIVE, allocator) or NULL
 * @param[out] out receives the results; free with cordon_results_free()
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID (no name), CORDON_E_STATE (db without
 *         a name index), CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_screen_party(const cordon_db *db, const cordon_party *q,
                                   const cordon_options *opts, cordon_results **out,
                                   cordon_error *err);

/** Release results; NULL is allowed. @param r the results @since 0.1 */
CORDON_API void cordon_results_free(cordon_results *r);

/** Number of hits. @param r the results @return the count (0 for NULL) @since 0.1 */
CORDON_API size_t cordon_results_count(const cordon_results *r);

/** Score of hit i. @param r the results @param i 0-based index
 * @return the calibrated score in [0,1], or -1 for a bad index @since 0.1 */
CORDON_API double cordon_results_score(const cordon_results *r, size_t i);

/** Decision of hit i. @param r the results @param i 0-based index
 * @return CORDON_DECISION_ALERT, CORDON_DECISION_BELOW, or -1 for a bad index @since 0.1 */
CORDON_API int cordon_results_decision(const cordon_results *r, size_t i);

/** List id of hit i. @param r the results @param i 0-based index
 * @return borrowed string owned by the db, or NULL for a bad index @since 0.1 */
CORDON_API const char *cordon_results_list(const cordon_results *r, size_t i);

/** Entity id of hit i (as the list writes it). @param r the results @param i 0-based index
 * @return borrowed string owned by the db, or NULL for a bad index @since 0.1 */
CORDON_API const char *cordon_results_entity_id(const cordon_results *r, size_t i);

/** Entity index of hit i in the db (for cordon_db_entity_json()). @param r the results
 * @param i 0-based index @return the index, or UINT32_MAX for a bad index @since 0.1 */
CORDON_API uint32_t cordon_results_entity_index(const cordon_results *r, size_t i);

/** The list name that matched. @param r the results @param i 0-based index
 * @return borrowed string owned by the db, or NULL for a bad index @since 0.1 */
CORDON_API const char *cordon_results_name(const cordon_results *r, size_t i);

/** The entity's primary name. @param r the results @param i 0-based index
 * @return borrowed string owned by the db, or NULL for a bad index @since 0.1 */
CORDON_API const char *cordon_results_primary_name(const cordon_results *r, size_t i);

/** Explanation of hit i as a JSON object (see cordon_matcher_explain_json()).
 * @param r the results @param i 0-based index @param[out] len optional length
 * @return borrowed string owned by @p r, or NULL for a bad index @since 0.1 */
CORDON_API const char *cordon_results_explanation(const cordon_results *r, size_t i,
                                                  size_t *len);

/** Publication date of the list of hit i ("" when the file states none).
 * @param r the results @param i 0-based index
 * @return borrowed string owned by the db, or NULL for a bad index @since 0.1 */
CORDON_API const char *cordon_results_list_date(const cordon_results *r, size_t i);

/** Content hash of the hit's entity (changes whenever its listing changes;
 * used by suppressions). @param r the results @param i 0-based index
 * @return the hash, 0 for a bad index @since 0.1 */
CORDON_API uint64_t cordon_results_content_hash(const cordon_results *r, size_t i);

/**
 * All hits as a JSON array of objects with score, decision ("alert"/"below"),
 * list, list_date, entity_id, entity_index, name, primary_name,
 * content_hash (16 hex digits) and explanation.
 * @param r the results
 * @param[out] len optional length
 * @return borrowed NUL-terminated JSON owned by @p r, or NULL when memory ran out
 * @since 0.1
 */
CORDON_API const char *cordon_results_json(cordon_results *r, size_t *len);

/* ---- end of matching ---- */

/* ======================================================================== */
/* Item classification, countries and transactions (lib/classify, lib/screen) */
/* ======================================================================== */

/** @name Countries
 * ISO 3166-1 normalisation used for destinations, nationalities and
 * embargo rules. @since 0.1 */
/**@{*/

/**
 * Normalise a country given as an ISO 3166-1 alpha-2, alpha-3 or numeric
 * code, an ISO short name or a common English variant ("Iran (Islamic
 * Republic of)", "North Korea", "DPRK", "Syria / Syrie", "Ivory Coast",
 * "UK", "Türkiye"...). Case, accents and punctuation are ignored. Ambiguous
 * names (such as "Korea") are not resolved.
 * @param s the country, UTF-8
 * @param len length of @p s in bytes, or ::CORDON_NUL_TERMINATED
 * @return a static upper-case alpha-2 code ("XK" for Kosovo), or NULL when
 *         the input is unknown, ambiguous or not valid UTF-8. Thread-safe.
 * @since 0.1
 */
CORDON_API const char *cordon_country_iso2(const char *s, size_t len);

/**
 * English ISO short name of an alpha-2 code.
 * @param iso2 a two-letter code, any case, NUL-terminated
 * @return a static string, or NULL if the code is unknown
 * @since 0.1
 */
CORDON_API const char *cordon_country_name(const char *iso2);
/**@}*/

/** @name Control and tariff codes
 * Kinds for cordon_code_normalize(). Appended only. @since 0.1 */
/**@{*/
#define CORDON_CODE_AUTO 0      /**< detect the kind from the syntax */
#define CORDON_CODE_HS 1        /**< Harmonized System: 2, 4 or 6 digits */
#define CORDON_CODE_CN 2        /**< EU Combined Nomenclature: 8 digits */
#define CORDON_CODE_HTS 3       /**< US Harmonized Tariff Schedule: 10 digits */
#define CORDON_CODE_ECCN 4      /**< US Export Control Classification Number */
#define CORDON_CODE_EU_ANNEX1 5 /**< EU Regulation 2021/821 Annex I entry */
#define CORDON_CODE_USML 6      /**< US Munitions List category / paragraph */

/**
 * Check and normalise a tariff or control code.
 *
 * Normal forms: tariff codes as bare digits with leading zeros kept
 * ("0101.21" -> "010121"); ECCN / Annex I codes as category digit, upper-case
 * group, three digits and dotted lower-case sub-items ("3a001a5a3" ->
 * "3A001.a.5.a.3"; "EAR99"; "9x515"); USML as "USML XI(a)(3)".
 * Spreadsheet damage is refused, never repaired: scientific notation
 * ("8.54E+05") and odd digit counts (a lost leading zero) are errors.
 * With ::CORDON_CODE_AUTO, tariff kinds follow the digit count (2/4/6 HS,
 * 8 CN, 10 HTS) and dual-use codes are reported as ::CORDON_CODE_ECCN (the
 * Annex I and CCL numbering is shared; pass ::CORDON_CODE_EU_ANNEX1 to
 * enforce the EU syntax).
 * @param code the code text
 * @param len its length, or ::CORDON_NUL_TERMINATED
 * @param kind a CORDON_CODE_* kind, or ::CORDON_CODE_AUTO
 * @param opts options (limits), or NULL for defaults
 * @param[out] out receives the NUL-terminated normal form
 * @param out_size size of @p out (72 bytes are always enough)
 * @param[out] detected_kind optional: receives the kind of the code
 * @param[out] err optional error details (CORDON_E_PARSE with the offset
 *             and column of the offending character)
 * @return CORDON_OK, CORDON_E_PARSE, CORDON_E_LIMIT, CORDON_E_RANGE
 *         (out too small) or CORDON_E_INVALID
 * @since 0.1
 */
CORDON_API int cordon_code_normalize(const char *code, size_t len, int kind,
                                     const cordon_options *opts, char *out, size_t out_size,
                                     int *detected_kind, cordon_error *err);
/**@}*/

/** @name Rule packs
 * Control lists, code lists and embargo rules used by cordon_classify().
 * A rules handle is filled by one thread; once loading is finished it is
 * immutable and any number of threads may classify against it at the same
 * time (the allocator hook must then be thread-safe). @since 0.1 */
/**@{*/

/** Opaque set of loaded rule packs. @since 0.1 */
typedef struct cordon_rules cordon_rules;

/**
 * Create an empty rules handle.
 * @param[out] out receives the handle; free with cordon_rules_free()
 * @param opts options (allocator, input limit, strict mode), or NULL
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_rules_new(cordon_rules **out, const cordon_options *opts, cordon_error *err);

/**
 * Load a rule file: a cordon rule pack (XML, validated against the
 * compiled-in RelaxNG schema; see doc/rules.md) or a code list table (CSV or
 * TSV with columns code, tier or label, description; a header row is
 * detected). On error nothing of the file is kept.
 * @param rules the handle to add to
 * @param path file name
 * @param format "rules_xml", "code_list", or NULL to detect
 * @param list_id id of the list created for a code list (NULL: the file
 *        name); ignored for rule packs, which name their lists
 * @param[out] err optional error details: file, line and column
 * @return CORDON_OK, CORDON_E_IO, CORDON_E_PARSE, CORDON_E_FORMAT,
 *         CORDON_E_REGEX, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_rules_add_file(cordon_rules *rules, const char *path, const char *format,
                                     const char *list_id, cordon_error *err);

/**
 * Load a rule file held in memory; like cordon_rules_add_file().
 * @param rules the handle to add to
 * @param data the file contents
 * @param len length of @p data, or ::CORDON_NUL_TERMINATED
 * @param format "rules_xml", "code_list", or NULL to detect
 * @param list_id id of the list created for a code list, or NULL
 * @param name name used in error messages (NULL: "<buffer>")
 * @param[out] err optional error details
 * @return as cordon_rules_add_file(), without CORDON_E_IO
 * @since 0.1
 */
CORDON_API int cordon_rules_add_buffer(cordon_rules *rules, const char *data, size_t len,
                                       const char *format, const char *list_id, const char *name,
                                       cordon_error *err);

/** Number of control entries loaded (all lists). @since 0.1 */
CORDON_API size_t cordon_rules_entry_count(const cordon_rules *rules);

/** Number of embargo rules loaded. @since 0.1 */
CORDON_API size_t cordon_rules_embargo_count(const cordon_rules *rules);

/** Release a rules handle; NULL is allowed. @since 0.1 */
CORDON_API void cordon_rules_free(cordon_rules *rules);
/**@}*/

/** @name Items
 * A traded item to classify. One thread at a time. @since 0.1 */
/**@{*/

/** Opaque item. @since 0.1 */
typedef struct cordon_item cordon_item;

/**
 * Create an empty item.
 * @param[out] out receives the item; free with cordon_item_free()
 * @param opts options (allocator, size limits), or NULL
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_item_new(cordon_item **out, const cordon_options *opts, cordon_error *err);

/** Forget every field so the item can be reused. @since 0.1 */
CORDON_API void cordon_item_clear(cordon_item *item);

/** Release an item; NULL is allowed. @since 0.1 */
CORDON_API void cordon_item_free(cordon_item *item);

/**
 * Set the free-text description; numbers with units in it ("3.2 GHz",
 * "14-bit", "500 MSPS") are extracted and compared with parameter thresholds.
 * @param item the item
 * @param s UTF-8 text
 * @param len length, or ::CORDON_NUL_TERMINATED
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_UTF8 (offset of the bad byte), CORDON_E_LIMIT
 *         or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_item_set_description(cordon_item *item, const char *s, size_t len,
                                           cordon_error *err);

/**
 * Set the HS (6), CN (8) or HTS (10 digit) tariff code; see
 * cordon_code_normalize() for the accepted syntax.
 * @param item the item
 * @param code the code
 * @param len length, or ::CORDON_NUL_TERMINATED
 * @param[out] err optional error details
 * @return CORDON_OK or CORDON_E_PARSE (damaged or non-tariff code)
 * @since 0.1
 */
CORDON_API int cordon_item_set_tariff_code(cordon_item *item, const char *code, size_t len,
                                           cordon_error *err);

/**
 * Set the declared control code (ECCN, EU Annex I or USML). It is checked
 * against the loaded lists; an unknown code is reported as a finding.
 * @param item the item
 * @param code the code
 * @param len length, or ::CORDON_NUL_TERMINATED
 * @param[out] err optional error details
 * @return CORDON_OK or CORDON_E_PARSE
 * @since 0.1
 */
CORDON_API int cordon_item_set_control_code(cordon_item *item, const char *code, size_t len,
                                            cordon_error *err);

/**
 * Set a technical parameter, e.g. ("sample_rate", "1.5 GSPS") or
 * ("frequency", "3.2 GHz"). Names are case-insensitive; spaces and hyphens
 * become underscores. An explicit parameter overrides values found in the
 * description for rules naming it.
 * @param item the item
 * @param name parameter name, NUL-terminated, 1-63 bytes
 * @param value number with unit, NUL-terminated
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_PARSE (unreadable value), CORDON_E_INVALID or
 *         CORDON_E_LIMIT (more than 64 parameters)
 * @since 0.1
 */
CORDON_API int cordon_item_set_param(cordon_item *item, const char *name, const char *value,
                                     cordon_error *err);

/**
 * Set the destination: a country (any form cordon_country_iso2() accepts) or
 * a place such as "Sevastopol, Crimea" matched against sanctioned-region rules.
 * @param item the item
 * @param country the destination text
 * @param len length, or ::CORDON_NUL_TERMINATED
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_item_set_destination(cordon_item *item, const char *country, size_t len,
                                           cordon_error *err);
/**@}*/

/** @name Classification
 * @since 0.1 */
/**@{*/

/** Opaque classification result, owned by the caller. @since 0.1 */
typedef struct cordon_classification cordon_classification;

/**
 * Classify an item against the loaded rules: declared code, HS/CN prefix
 * correlations, text patterns and parameter thresholds, plus embargo rules
 * for the destination. An HS correlation raises candidates; it never
 * concludes that an item is not controlled. Safe to call from several
 * threads on the same rules (each with its own item).
 * @param rules loaded rules (not modified)
 * @param item the item (not modified)
 * @param[out] out receives the result; free with cordon_classification_free()
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_classify(const cordon_rules *rules, const cordon_item *item,
                               cordon_classification **out, cordon_error *err);

/** Number of candidate entries, strongest first. @since 0.1 */
CORDON_API size_t cordon_classification_count(const cordon_classification *c);

/**
 * Id of the list of candidate @p i ("" for an unknown declared code).
 * @param c the result
 * @param i index below cordon_classification_count()
 * @return borrowed string valid while @p c and its rules live; NULL if out of range
 * @since 0.1
 */
CORDON_API const char *cordon_classification_list(const cordon_classification *c, size_t i);

/** Control code of candidate @p i (borrowed; NULL if out of range). @since 0.1 */
CORDON_API const char *cordon_classification_code(const cordon_classification *c, size_t i);

/** Title of candidate @p i (borrowed; NULL if out of range). @since 0.1 */
CORDON_API const char *cordon_classification_title(const cordon_classification *c, size_t i);

/** Tier or label of candidate @p i, "" if none (borrowed). @since 0.1 */
CORDON_API const char *cordon_classification_tier(const cordon_classification *c, size_t i);

/** Legal act of candidate @p i, "" if none (borrowed). @since 0.1 */
CORDON_API const char *cordon_classification_legal(const cordon_classification *c, size_t i);

/** Confidence of candidate @p i, 0..1 (0 if out of range). @since 0.1 */
CORDON_API double cordon_classification_confidence(const cordon_classification *c, size_t i);

/**
 * Strongest reason for candidate @p i: "declared", "hs_prefix", "text",
 * "parameter" or "declared_unknown".
 * @return a static string, NULL if out of range
 * @since 0.1
 */
CORDON_API const char *cordon_classification_reason(const cordon_classification *c, size_t i);

/** Evidence of candidate @p i: matched text span, HS match, parameter
 * comparisons (borrowed; NULL if out of range). @since 0.1 */
CORDON_API const char *cordon_classification_evidence(const cordon_classification *c, size_t i);

/** Facts missing to decide candidate @p i, e.g. "needs sample rate"; ""
 * when nothing is missing (borrowed; NULL if out of range). @since 0.1 */
CORDON_API const char *cordon_classification_missing(const cordon_classification *c, size_t i);

/** Number of embargo findings for the item's destination. @since 0.1 */
CORDON_API size_t cordon_classification_embargo_count(const cordon_classification *c);

/**
 * Embargo finding @p i: regime, region or country, scope, programme and
 * legal act as one line of text.
 * @param c the result
 * @param i index below cordon_classification_embargo_count()
 * @param[out] block optional: 1 if the rule blocks, 0 if it asks for review
 * @return borrowed text, NULL if out of range
 * @since 0.1
 */
CORDON_API const char *cordon_classification_embargo(const cordon_classification *c, size_t i,
                                                     int *block);

/**
 * The whole result as one JSON object {"candidates":[...],"embargoes":[...]}.
 * @param c the result
 * @param[out] len optional: length in bytes
 * @return borrowed NUL-terminated text valid until @p c is freed; NULL on
 *         allocation failure
 * @since 0.1
 */
CORDON_API const char *cordon_classification_json(cordon_classification *c, size_t *len);

/** Release a result; NULL is allowed. @since 0.1 */
CORDON_API void cordon_classification_free(cordon_classification *c);
/**@}*/

/* ---- end of classification ---- */

/* ======================================================================== */
/* Transactions and verdicts (lib/screen)                                     */
/* ======================================================================== */

/* Rules in the db (declared here, after cordon_rules). */

/**
 * Load a rule pack (control list XML) or a code list table (CSV/TSV) into the
 * db being built, so that one snapshot carries lists and rules.
 * @param b the builder
 * @param path the file
 * @param format "rules_xml", "code_list", or NULL to detect
 * @param list_id list id for a code list (NULL: the file name)
 * @param[out] err optional error details
 * @return as cordon_rules_add_file()
 * @since 0.1
 */
CORDON_API int cordon_builder_add_rules_file(cordon_builder *b, const char *path,
                                             const char *format, const char *list_id,
                                             cordon_error *err);

/**
 * The rules stored in a db (borrowed, valid while the db lives), or NULL when
 * it carries none. Use with cordon_classify() from any number of threads.
 * @since 0.1
 */
CORDON_API const cordon_rules *cordon_db_rules(const cordon_db *db);

/** A transaction: parties with roles, countries, items. One thread at a time. @since 0.1 */
typedef struct cordon_txn cordon_txn;

/** @name Country roles for cordon_txn_set_country()
 * @since 0.1 */
/**@{*/
#define CORDON_TXN_ORIGIN 0      /**< country of origin / export */
#define CORDON_TXN_DESTINATION 1 /**< final destination */
#define CORDON_TXN_TRANSIT 2     /**< a transit country (may be given several times) */
/**@}*/

/**
 * Create an empty transaction.
 * @param[out] out receives it; free with cordon_txn_free()
 * @param opts options (allocator, limits), copied; NULL = defaults
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_new(cordon_txn **out, const cordon_options *opts, cordon_error *err);

/**
 * Parse one transaction from a JSON object:
 * `{"id":..., "origin":"DE", "destination":"IR", "transit":["AE"],
 *   "parties":[{"role":"buyer","name":...,"type":"organization","country":...,
 *               "dob":...,"id_type":...,"id_number":...}],
 *   "items":[{"description":...,"hs":"854231","eccn":"3A001",
 *             "params":{"frequency":"3.2 GHz"}}]}`.
 * Unknown fields are refused (a typo must not drop data silently).
 * @param json the text
 * @param len its length, or CORDON_NUL_TERMINATED
 * @param opts options, copied; NULL = defaults
 * @param[out] out receives the transaction
 * @param[out] err optional error details (line, column and offset for syntax errors)
 * @return CORDON_OK, CORDON_E_PARSE, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_parse_json(const char *json, size_t len, const cordon_options *opts,
                                     cordon_txn **out, cordon_error *err);

/**
 * Parse one transaction from an XML document carrying the same fields as
 * the JSON form (doc/transactions.md, schema doc/transaction.rng):
 * `<transaction xmlns="urn:cordon:txn:1"><id>..</id><origin>DE</origin>
 *   <destination>IR</destination><transit>AE</transit>
 *   <party><role>buyer</role><name>..</name><type>organization</type>
 *     <country>..</country><dob>..</dob><id_type>..</id_type><id_number>..</id_number></party>
 *   <item><description>..</description><hs>854231</hs><eccn>3A001</eccn>
 *     <param name="frequency">3.2 GHz</param></item></transaction>`.
 * Elements may also be in no namespace; field text is trimmed of XML white
 * space. Unknown elements and attributes, repeated fields, child elements in
 * a field and text directly inside <transaction>, <party> or <item> are
 * refused. The input must be UTF-8; it is read without network access,
 * entity substitution or DTD (any DOCTYPE is refused), within the options'
 * ::CORDON_OPT_MAX_INPUT_BYTES, ::CORDON_OPT_MAX_DEPTH and
 * ::CORDON_OPT_MAX_NAME_BYTES (each text and attribute value) limits.
 * @param xml the document
 * @param len its length, or CORDON_NUL_TERMINATED
 * @param opts options, copied; NULL = defaults
 * @param[out] out receives the transaction; free with cordon_txn_free()
 * @param[out] err optional error details: line, column (characters) and byte
 *                 offset of every error; the message starts with
 *                 "transaction XML:LINE:COLUMN: "
 * @return CORDON_OK, CORDON_E_PARSE, CORDON_E_FORMAT (root is not
 *         <transaction>), CORDON_E_UTF8, CORDON_E_ENCODING, CORDON_E_LIMIT or
 *         CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_parse_xml(const char *xml, size_t len, const cordon_options *opts,
                                    cordon_txn **out, cordon_error *err);

/** Release a transaction; NULL is allowed. @since 0.1 */
CORDON_API void cordon_txn_free(cordon_txn *t);

/**
 * Set the transaction's reference (echoed in the verdict).
 * @param t the transaction
 * @param id UTF-8 id
 * @param len its length, or CORDON_NUL_TERMINATED
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_set_id(cordon_txn *t, const char *id, size_t len, cordon_error *err);

/**
 * Set the origin or destination, or add a transit country.
 * @param t the transaction
 * @param which CORDON_TXN_ORIGIN, CORDON_TXN_DESTINATION or CORDON_TXN_TRANSIT
 * @param country ISO code or English name (NUL-terminated)
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_LIMIT (over 16 transit countries) or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_set_country(cordon_txn *t, int which, const char *country,
                                      cordon_error *err);

/**
 * Add a party.
 * @param t the transaction
 * @param role buyer, consignee, end_user, bank, carrier, notify, ... (NULL = "party")
 * @param name the party's name (UTF-8)
 * @param name_len its length, or CORDON_NUL_TERMINATED
 * @param type CORDON_TYPE_*
 * @param country the party's country, or NULL
 * @param dob date of birth (persons), or NULL
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_UTF8, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_add_party(cordon_txn *t, const char *role, const char *name,
                                    size_t name_len, int type, const char *country,
                                    const char *dob, cordon_error *err);

/**
 * Give a party an identifier (passport, IMO, tax id, ...).
 * @param t the transaction
 * @param party party index (order of cordon_txn_add_party() calls)
 * @param type identifier type, e.g. "passport", "imo"
 * @param number the number
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_RANGE or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_party_set_identifier(cordon_txn *t, size_t party, const char *type,
                                               const char *number, cordon_error *err);

/**
 * Add an item.
 * @param t the transaction
 * @param description item description (UTF-8), or NULL
 * @param len its length, or CORDON_NUL_TERMINATED
 * @param hs_code HS / CN / HTS code, or NULL
 * @param declared_code declared ECCN / EU Annex I / USML code, or NULL
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID (no description and no code), CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_add_item(cordon_txn *t, const char *description, size_t len,
                                   const char *hs_code, const char *declared_code,
                                   cordon_error *err);

/**
 * Set a technical parameter of an item, e.g. ("frequency", "3.2 GHz").
 * @param t the transaction
 * @param item item index (order of cordon_txn_add_item() calls)
 * @param key parameter name
 * @param value value with unit
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID, CORDON_E_RANGE, CORDON_E_LIMIT or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_txn_item_set_param(cordon_txn *t, size_t item, const char *key,
                                         const char *value, cordon_error *err);

/** The verdict on one transaction, owned by the caller. @since 0.1 */
typedef struct cordon_verdict cordon_verdict;

/** @name Verdict decisions
 * @since 0.1 */
/**@{*/
#define CORDON_VERDICT_CLEAR 0  /**< nothing found */
#define CORDON_VERDICT_REVIEW 1 /**< an analyst must look: possible match, controlled item, missing facts */
#define CORDON_VERDICT_BLOCK 2  /**< a listed party or an embargoed destination */
/**@}*/

/**
 * Screen a transaction: every party against the db's lists (with the alert
 * threshold of its type; a review band below it), the destination and
 * transit countries against embargo rules, and every item through
 * cordon_classify(). Safe to call from many threads on one db and rules.
 * @param db the lists (NULL: no party screening)
 * @param rules the rules; NULL = the rules stored in @p db, if any
 * @param t the transaction (not modified)
 * @param opts options (thresholds, allocator); NULL = the transaction's
 * @param[out] out receives the verdict; free with cordon_verdict_free()
 * @param[out] err optional error details
 * @return CORDON_OK, CORDON_E_INVALID or CORDON_E_NOMEM
 * @since 0.1
 */
CORDON_API int cordon_screen_txn(const cordon_db *db, const cordon_rules *rules,
                                 const cordon_txn *t, const cordon_options *opts,
                                 cordon_verdict **out, cordon_error *err);

/** The decision: CORDON_VERDICT_CLEAR, _REVIEW or _BLOCK (-1 for NULL). @since 0.1 */
CORDON_API int cordon_verdict_decision(const cordon_verdict *v);

/** The transaction id the verdict is for ("" if none; borrowed). @since 0.1 */
CORDON_API const char *cordon_verdict_id(const cordon_verdict *v);

/** "CLEAR", "REVIEW" or "BLOCK" (static), NULL for other values. @since 0.1 */
CORDON_API const char *cordon_verdict_decision_name(int decision);

/** Number of reasons behind the decision. @since 0.1 */
CORDON_API size_t cordon_verdict_reason_count(const cordon_verdict *v);

/**
 * Reason code @p i: "PARTY_MATCH", "PARTY_POSSIBLE_MATCH", "EMBARGO",
 * "CONTROLLED_ITEM", "HS_CORRELATION", "DECLARED_CODE_UNKNOWN",
 * "MISSING_FACTS", "INVALID_ITEM_DATA", "SUPPRESSED".
 * @return a static string, NULL if out of range
 * @since 0.1
 */
CORDON_API const char *cordon_verdict_reason_code(const cordon_verdict *v, size_t i);

/** Decision reason @p i asks for (CORDON_VERDICT_*), -1 if out of range. @since 0.1 */
CORDON_API int cordon_verdict_reason_decision(const cordon_verdict *v, size_t i);

/** Human-readable text of reason @p i (borrowed; NULL if out of range). @since 0.1 */
CORDON_API const char *cordon_verdict_reason_text(const cordon_verdict *v, size_t i);

/** Evidence of reason @p i as a JSON object, with the list version it was
 * decided against (borrowed; NULL if out of range). @since 0.1 */
CORDON_API const char *cordon_verdict_reason_evidence(const cordon_verdict *v, size_t i);

/**
 * The verdict as one JSON object {"id","verdict","reasons":[...],"lists":[...]}.
 * @param v the verdict
 * @param[out] len optional length
 * @return borrowed text valid until @p v is freed; NULL on allocation failure
 * @since 0.1
 */
CORDON_API const char *cordon_verdict_json(cordon_verdict *v, size_t *len);

/** Release a verdict; NULL is allowed. @since 0.1 */
CORDON_API void cordon_verdict_free(cordon_verdict *v);

/* ---- end of transactions ---- */

#ifdef __cplusplus
}
#endif

#endif /* CORDON_CORDON_H */
