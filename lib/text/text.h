/*
 * text.h — the name analysis pipeline (internal contract).
 *
 * ONE function analyses every list name and every query name, so both sides
 * are always compared in the same form:
 *   UTF-8 check -> NFKC/casefold/strip marks (utf8proc) -> transliterate to
 *   Latin ASCII -> tokenize -> type tokens (legal forms, honorifics, particles,
 *   stopwords, numbers, initials) -> skeleton + phonetic keys per token.
 *
 * An analysis object is reusable (reset on each call) and owned by one thread.
 */
#ifndef CORDON_TEXT_H
#define CORDON_TEXT_H

#include "core/core.h"

/* Token kinds (same values as the public CORDON_TOKEN_* constants). */
enum {
    CORDON__TOK_WORD = 0,
    CORDON__TOK_LEGAL = 1,      /* legal form (GmbH, LLC, OOO, ...): see legal_class */
    CORDON__TOK_HONORIFIC = 2,  /* Mr, Dr, Sheikh, General, ... */
    CORDON__TOK_PARTICLE = 3,   /* al, el, bin, ibn, van, von, de, ... */
    CORDON__TOK_STOPWORD = 4,   /* and, of, the, ... */
    CORDON__TOK_NUMBER = 5,     /* digits in any script, roman numerals, ordinals */
    CORDON__TOK_INITIAL = 6     /* a single letter */
};

/* Scripts (same values as the public CORDON_SCRIPT_* constants). */
enum {
    CORDON__SCRIPT_COMMON = 0, CORDON__SCRIPT_LATIN, CORDON__SCRIPT_CYRILLIC,
    CORDON__SCRIPT_GREEK, CORDON__SCRIPT_ARMENIAN, CORDON__SCRIPT_GEORGIAN,
    CORDON__SCRIPT_HANGUL, CORDON__SCRIPT_ARABIC, CORDON__SCRIPT_HEBREW,
    CORDON__SCRIPT_HAN, CORDON__SCRIPT_KANA, CORDON__SCRIPT_THAI, CORDON__SCRIPT_OTHER,
    CORDON__SCRIPT_INDIC /* Devanagari .. Malayalam, romanised (lib/text/translit.c) */
};

/* Entity type hints (same as CORDON__TYPE_* in sources/entity.h). */

#define CORDON__PHON_MAX 8 /* phonetic key length incl. NUL */

typedef struct cordon__token {
    uint32_t off, len;          /* normalized token text in a->text (lower-case; Latin
                                   ASCII after transliteration, or the original
                                   script for Han/Kana/Thai) */
    uint32_t src_off, src_len;  /* byte span in the original input */
    uint32_t skel_off, skel_len;/* skeleton in a->text: romanization variants folded
                                   (zh/j, kh/h, y/i/j, yu/iu/ju, double letters...),
                                   so "yuriy", "iurii", "juri" share one skeleton */
    uint8_t kind;               /* CORDON__TOK_* */
    uint8_t script;             /* CORDON__SCRIPT_* of the source token */
    uint16_t legal_class;       /* CORDON__LEGAL_* when kind == LEGAL, else 0 */
    uint32_t flags;             /* CORDON__TF_* */
    int64_t number;             /* value when kind == NUMBER */
    char phon[2][CORDON__PHON_MAX]; /* phonetic keys (primary, alternate; "" if none) */
} cordon__token;

/* Token flags. */
#define CORDON__TF_HYPHEN_JOINED 0x1u /* was joined by a hyphen to the next token */
#define CORDON__TF_FAMILY 0x2u        /* known to be a family-name part (set by caller) */
#define CORDON__TF_GIVEN 0x4u         /* known to be a given-name part (set by caller) */
#define CORDON__TF_COMMA_AFTER 0x8u   /* the first comma of the input follows this token
                                         ("FAMILY, Given" order) */

/* Canonical legal-form classes. */
enum {
    CORDON__LEGAL_NONE = 0, CORDON__LEGAL_LLC, CORDON__LEGAL_JSC, CORDON__LEGAL_LP,
    CORDON__LEGAL_PLC, CORDON__LEGAL_CORP, CORDON__LEGAL_COOP, CORDON__LEGAL_FOUNDATION,
    CORDON__LEGAL_TRUST, CORDON__LEGAL_PARTNERSHIP, CORDON__LEGAL_SOLE, CORDON__LEGAL_STATE,
    CORDON__LEGAL_BRANCH, CORDON__LEGAL_ASSOCIATION, CORDON__LEGAL_COMPANY, CORDON__LEGAL_OTHER,
    CORDON__LEGAL_NCLASS
};

typedef struct cordon__analysis {
    const cordon__alloc *alloc;
    char *text;            /* normalized full form, tokens joined by single spaces,
                              followed by the skeleton strings; NUL-terminated */
    size_t text_len;       /* length of the normalized full form only */
    size_t text_cap;
    cordon__token *tok;
    size_t ntok, tok_cap;
    int type_hint;
} cordon__analysis;

void cordon__analysis_init(cordon__analysis *a, const cordon__alloc *alloc);
void cordon__analysis_destroy(cordon__analysis *a);

/* Analyse s[0..n) (n may be CORDON_NUL_TERMINATED). Fails with CORDON_E_UTF8
 * (offset of the first bad byte), CORDON_E_LIMIT (longer than max_bytes) or
 * CORDON_E_NOMEM. An input with no letters or digits gives zero tokens. */
int cordon__analyze(cordon__analysis *a, const char *s, size_t n, int type_hint,
                    size_t max_bytes, cordon_error *err);

/* Name of a legal class ("LLC", "JSC", ...) and of a token kind / script. */
const char *cordon__legal_class_name(int cls);
const char *cordon__token_kind_name(int kind);
const char *cordon__script_name(int script);

#endif /* CORDON_TEXT_H */
