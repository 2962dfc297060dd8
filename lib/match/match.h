/*
 * match.h — the matching engine (internal): compact analysed names, the
 * pairwise scorer with evidence and explanation, and the name index.
 *
 * A name is scored as an array of cordon__mtok. The same record layout is
 * used in memory (converted from a cordon__analysis) and inside the MATCH
 * section of a snapshot (zero-copy): strings are offsets into a base
 * pointer carried by cordon__mname.
 */
#ifndef CORDON_MATCH_H
#define CORDON_MATCH_H

#include "core/core.h"
#include "text/text.h"

/* One analysed token, flat (48 bytes, 8-aligned). */
typedef struct cordon__mtok {
    uint32_t off, sk_off;   /* token text / skeleton: offsets into the name's base */
    uint16_t len, sklen;
    uint8_t kind;           /* CORDON__TOK_* */
    uint8_t flags;          /* CORDON__TF_* (low 8 bits) */
    uint16_t legal;         /* CORDON__LEGAL_* */
    uint64_t ph[2];         /* phonetic keys packed (up to 7 chars), 0 = none */
    int64_t number;         /* value when kind == NUMBER */
    float w;                /* token weight (IDF-based; 1.0 = average word) */
    uint32_t letters;       /* cordon__letters of the text (0: not computed,
                               as in snapshots written before it was) */
} cordon__mtok;

/* A name to score. */
typedef struct cordon__mname {
    const cordon__mtok *t;
    uint32_t n;
    const char *base;       /* strings of t[] */
    int type;               /* CORDON__TYPE_* (0 = unknown/any) */
    int weak;               /* 1 = weak alias (scored lower) */
} cordon__mname;

/* Converts an analysis into tokens (weights from the default table).
 * toks must have room for a->ntok entries; returns the count kept. */
uint32_t cordon__mname_from_analysis(const cordon__analysis *a, cordon__mtok *toks,
                                     cordon__mname *out);
/* Default weight of a token when no list statistics are at hand. */
float cordon__mtok_default_weight(const cordon__mtok *t);

/* ---- pure parts (exposed for tests) --------------------------------------- */

/* Optimal string alignment (Damerau) distance, or budget+1 when above budget. */
int cordon__damerau(const char *a, size_t na, const char *b, size_t nb, int budget);
/* Jaro-Winkler similarity in [0,1]. */
double cordon__jaro_winkler(const char *a, size_t na, const char *b, size_t nb);
/* Edits allowed for a token of this length (<=3: 0; 4-6: 1; 7+: 2). */
int cordon__typo_budget(size_t len);

/* Bit set of the letters of a word (a-z, one bit for anything else): an
 * edit changes at most two bits, so words d edits apart differ in at most
 * 2d (a cheap test before an edit distance). */
uint32_t cordon__letters(const char *s, size_t n);
/* At most k bits of v set. */
static inline bool cordon__few_bits(uint32_t v, int k)
{
    for (int i = 0; i < k && v; i++)
        v &= v - 1;
    return v == 0;
}

/* How two tokens were aligned. */
enum {
    CORDON__HOW_NONE = 0, CORDON__HOW_EXACT, CORDON__HOW_TYPO, CORDON__HOW_SKELETON,
    CORDON__HOW_PHONETIC, CORDON__HOW_INITIAL, CORDON__HOW_GLUED, CORDON__HOW_NUMBER,
    CORDON__HOW_FUZZY, CORDON__HOW_NICKNAME, CORDON__HOW_ABBREV
};
const char *cordon__how_name(int how);
/* True when one token is a known short form of the other, or both are short
 * forms of one full name ("bob"/"robert", "bob"/"rob"; lib/match/nick.c). */
bool cordon__nickname(const char *a, size_t na, const char *b, size_t nb);
/* True when the token is the short form in some nickname row. */
bool cordon__is_short_form(const char *s, size_t n);
/* cordon__mtok.flags bit: the token is a known short form (nickname). */
#define CORDON__MT_SHORT 0x40u
/* The nickname table is sorted (self-check for tests). */
bool cordon__nick_table_sorted(void);
/* Abbreviations of organisation words (lib/match/nick.c): true when one
 * token is an abbreviation of the other ("intl"/"international",
 * "st"/"saint", "pharm"/"pharmaceuticals"). */
#define CORDON__ABBR_MAX 5
bool cordon__abbreviation(const char *a, size_t na, const char *b, size_t nb);
/* The full word of an abbreviation (the first row's), or NULL. */
const char *cordon__abbrev_full(const char *s, size_t n);
/* Calls fn with each other form of s: its full words when s is an
 * abbreviation, its abbreviations when s is a full word. */
void cordon__abbrev_forms(const char *s, size_t n, void (*fn)(void *, const char *, size_t),
                          void *ctx);
/* The abbreviation table is sorted and well formed (self-check for tests). */
bool cordon__abbr_table_sorted(void);
/* Token weight factors from document frequency: idf / mean idf, clamped. */
#define CORDON__IDF_MIN 0.25
#define CORDON__IDF_MAX 1.5
float cordon__idf_clamp(double f);
/* Factor of a word from the built-in frequencies of the real lists
 * (lib/match/freq.h); words not listed there are rare. */
float cordon__word_factor(const char *s, size_t len);
/* Below this many names a db's own frequencies are too noisy to use. */
#define CORDON__IDF_MIN_NAMES 5000u
/* cordon__mtok.flags bit: the token was transliterated from an abjad (Arabic,
 * Hebrew: short vowels unwritten, so spellings differ more). */
#define CORDON__MT_TRANSLIT 0x80u

/* ---- evidence ---------------------------------------------------------------- */

typedef struct cordon__mdate {
    int16_t year, month, day, year_to;
    uint8_t circa;
} cordon__mdate;

typedef struct cordon__mident {
    const char *type, *number, *country; /* NUL-terminated; country ISO2 or "" */
} cordon__mident;

/* Attributes of one side (query party or list entity). Arrays may be empty. */
typedef struct cordon__mattrs {
    const cordon__mdate *dob; size_t n_dob;
    const char *const *country; size_t n_country; /* ISO2, upper case */
    const cordon__mident *ident; size_t n_ident;
    int gender;                                     /* 0 unknown, 1 male, 2 female */
} cordon__mattrs;

/* ---- scoring ------------------------------------------------------------------ */

#define CORDON__MAX_ALIGN 32

typedef struct cordon__malign {
    int16_t q0, q1, l0, l1;   /* token ranges [q0,q1] / [l0,l1] (q1 = q0 unless glued) */
    uint8_t how;
    uint8_t edits;
    float sim;                /* 0..1 */
    float contrib;            /* weighted contribution (list side) */
} cordon__malign;

/* Feature vector of a pair (order fixed: see cordon__feature_name). */
enum {
    CORDON__F_COV_L = 0,  /* weighted list-token coverage */
    CORDON__F_COV_Q,      /* weighted query-token coverage */
    CORDON__F_MINCOV,     /* min of the two */
    CORDON__F_STRONG,     /* log(1 + weight of strongly matched distinctive tokens) */
    CORDON__F_SINGLE,     /* one side has a single content token */
    CORDON__F_NUM_BAD,    /* numbers present on both sides disagree */
    CORDON__F_NUM_ONE,    /* numbers on one side only */
    CORDON__F_LEGAL_BAD,  /* legal-form classes on both sides, none shared */
    CORDON__F_WEAK,       /* weak alias */
    CORDON__F_FUZZY,      /* share of list weight matched only by phonetic/fuzzy/initial */
    CORDON__F_FULL,       /* every content word of both sides aligned by exact, typo,
                             skeleton, nickname, glued or number rules, at most one
                             edit each */
    CORDON__F_CONFLICT,   /* both sides keep an unmatched word: a substituted word
                             ("kim jong un"/"kim jong il"), not a dropped one */
    CORDON__F_FAMILY,     /* a person list name's family name is unmatched */
    CORDON__NFEAT
};
const char *cordon__feature_name(int f);

typedef struct cordon__mresult {
    double score;             /* final calibrated score */
    double name_score;        /* score of the names alone */
    double z_name, z_evidence;
    double feat[CORDON__NFEAT];
    cordon__malign al[CORDON__MAX_ALIGN];
    int nal;
    /* evidence applied (logit deltas, 0 = not applicable) */
    double ev_dob, ev_country, ev_ident, ev_gender;
    int dob_how;              /* 0 none, 1 exact, 2 same month, 3 same year, 4 in range, -1 disjoint */
    int ident_how;            /* 0 none, 1 same number, -1 conflict */
    int country_how;          /* 0 none, 1 shared, -1 disjoint */
    int gender_how;           /* 0 none, 1 same, -1 different */
    int legal_q, legal_l;     /* first legal class on each side, 0 if none */
} cordon__mresult;

/* Scratch space for scoring (one per thread). */
typedef struct cordon__mwork {
    char buf[4096];           /* glued-token texts (the list side's all at once) */
} cordon__mwork;

/* Marks the middle words of a person (or untyped) name, mid[i] = 1 for
 * token i (nm->n entries), as the scorer counts them: a dropped middle
 * word costs 0.3 of its weight on the query side. */
void cordon__middle_words(const cordon__mname *nm, uint8_t *mid);

/* Rank of an index candidate from the weight it shares with the query, as
 * query weight (acc) and as list weight (accl), and the two names' total
 * weights: the name model's linear part on those coverages. */
float cordon__candidate_rank(float acc, float accl, float qw, float lw);

/* Score query name q against list name l with optional attributes (NULL =
 * none). Fills r (alignment and features always; r->score in [0,1]). */
void cordon__score(const cordon__mname *q, const cordon__mname *l, const cordon__mattrs *qa,
                   const cordon__mattrs *la, cordon__mwork *w, cordon__mresult *r);

/* Default alert threshold for an entity type (CORDON__TYPE_*). */
double cordon__default_threshold(int type);

/* Explanation as a JSON object appended to b. */
bool cordon__explain_json(cordon__buf *b, const cordon__mname *q, const cordon__mname *l,
                          const cordon__mresult *r);

#endif /* CORDON_MATCH_H */
