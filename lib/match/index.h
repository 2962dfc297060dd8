/*
 * index.h — the name index in the MATCH section of a snapshot (internal).
 *
 * Layout (flat, little-endian as written, every region 8-aligned, offsets
 * from the start of the section):
 *   header            cordon__mix_hdr
 *   names[n_names]    cordon__mix_name: tokens and text of each db name
 *   toks[n_toks]      cordon__mtok (offsets relative to the name's text)
 *   text[text_size]   token and skeleton strings
 *   slots[n_slots]    open-addressing table of 64-bit key hashes (0 = empty)
 *   post[n_post]      uint32 name ids; each slot's range sorted ascending
 *   words[n_words]    distinct words of 4-24 bytes, by length (typo scan)
 *   pw[n_post]        per posting: weight of the list token(s) that filed the
 *                     key, x64, saturating at 255 (candidate ranking)
 * Keys: token text, skeleton and its one-deletion neighbourhood, phonetic
 * keys, four-letter skeleton pieces of longer tokens (first from 5 letters,
 * last from 7, second and second-to-last from 9), glued adjacent tokens, and
 * consonant keys (abjad and other scripts apart).
 * Everything is bounds-checked at attach (cordon__mix_validate), so a
 * corrupted section can never make a search read outside it.
 */
#ifndef CORDON_MATCH_INDEX_H
#define CORDON_MATCH_INDEX_H

#include "match/match.h"

#include <stdatomic.h>
#include <stddef.h>

#define CORDON__MIX_MAGIC "CDNMIX01"
#define CORDON__MIX_VERSION 1u

typedef struct cordon__mix_hdr {
    char magic[8];
    uint32_t version, hdr_size;
    uint32_t n_names, n_toks;
    uint32_t n_slots, n_post;
    uint64_t text_size;
    uint64_t off_names, off_toks, off_text, off_slots, off_post;
    float mean_idf;
    uint32_t pad;
    /* word list (0 in snapshots written before it existed: no typo scan) */
    uint64_t off_words;
    uint32_t n_words, pad2;
    /* posting weights (absent in snapshots written before them: their
     * header ends before off_pw, hdr_size == CORDON__MIX_HDR_V1) */
    uint64_t off_pw;
} cordon__mix_hdr;
#define CORDON__MIX_HDR_V1 offsetof(cordon__mix_hdr, off_pw)
#define CORDON__MIX_PW_SCALE 64.0f

/* One distinct word of the list names (4-24 bytes), for the typo scan:
 * sorted by length, then bytes. */
typedef struct cordon__mix_word {
    uint32_t text_off; /* into the text region */
    uint8_t len, pad[3];
    uint32_t mask;     /* letters present (cordon__letters) */
} cordon__mix_word;
#define CORDON__MIX_WORD_MIN 4
#define CORDON__MIX_WORD_MAX 24

typedef struct cordon__mix_name {
    uint32_t tok_first, text_off, text_len;
    uint16_t ntok;
    uint8_t type, weak;
    float wsum;      /* total weight of content tokens */
    uint32_t pad;
} cordon__mix_name;

typedef struct cordon__mix_slot {
    uint64_t key;
    uint32_t first, count;
} cordon__mix_slot;

/* Key namespaces (hash seeds). */
enum {
    MIX_K_TEXT = 1, MIX_K_NEIGH = 2, MIX_K_PHON = 3, MIX_K_PRE = 4, MIX_K_SUF = 5,
    MIX_K_PRE2 = 6, MIX_K_SUF2 = 7,
    MIX_K_CONS_ABJAD = 8, MIX_K_CONS_OTHER = 9
};

#define CORDON__MIX_SCRATCH 4

/* Runtime view (db->match): pointers into the mapped section. */
typedef struct cordon__mix {
    const cordon__mix_hdr *h;
    const cordon__mix_name *names;
    const cordon__mtok *toks;
    const char *text;
    const cordon__mix_slot *slots;
    const uint32_t *post;
    const uint8_t *pw; /* NULL in older snapshots */
    uint32_t n_names, n_slots, n_post;
    float mean_idf;
    const cordon__mix_word *words;
    uint32_t n_words;
    uint32_t word_first[CORDON__MIX_WORD_MAX + 2]; /* words of length L: [first[L], first[L+1]) */
    /* cached search scratches (per-name candidate arrays, ~24 bytes per db
     * name), taken and given back with atomic exchanges so that concurrent
     * searches never share one; a few, so that threads searching at once
     * do not allocate and fault in a fresh block per query; freed by
     * cordon__match_detach */
    char pad0[64]; /* the slots are written by every search: keep them off */
    _Atomic(void *) scratch[CORDON__MIX_SCRATCH]; /* the cache lines read */
    char pad1[64];
} cordon__mix;

/* Free a search scratch (search.c). */
void cordon__search_scratch_free(const cordon__alloc *A, void *s);

/* Validate a section (sec[0..size)) for a db with n_names names and fill a
 * view. CORDON_E_CORRUPT or CORDON_E_VERSION with a message on failure. */
int cordon__mix_validate(const void *sec, size_t size, uint32_t n_names, cordon__mix *out,
                         cordon_error *err);

/* Hash of a key in a namespace (never 0). */
uint64_t cordon__mix_key(int ns, const char *s, size_t n);
/* Postings of a key (count 0 if absent); *first is the index of the first
 * in x->post (for x->pw). */
const uint32_t *cordon__mix_lookup(const cordon__mix *x, uint64_t key, uint32_t *count);
const uint32_t *cordon__mix_lookup_at(const cordon__mix *x, uint64_t key, uint32_t *count,
                                      uint32_t *first);
/* Weight factor of a token from its document frequency (1.0 = average). */
float cordon__mix_idf_factor(const cordon__mix *x, uint32_t df);
/* A list name as a scorable cordon__mname. */
void cordon__mix_name_get(const cordon__mix *x, uint32_t i, cordon__mname *out);

/* Keys of one token (and of the glued pair with the next token when next is
 * non-NULL). emit(ctx, key, strength) with strength in (0,1]. */
typedef void (*cordon__mix_emit)(void *ctx, uint64_t key, float strength);
void cordon__mix_token_keys(const char *base, const cordon__mtok *t, const cordon__mtok *next,
                            cordon__mix_emit emit, void *ctx);
/* The key of a token glued to the next (part of cordon__mix_token_keys). */
void cordon__mix_glued_key(const char *base, const cordon__mtok *t, const cordon__mtok *next,
                           cordon__mix_emit emit, void *ctx);
/* Query side: the one-deletion keys of a token glued to the next, which
 * meet the list word the pair is a typo of ("TIAN WU"/"TIANFU"). */
void cordon__mix_glued_typo_keys(const char *base, const cordon__mtok *t,
                                 const cordon__mtok *next, cordon__mix_emit emit, void *ctx);
/* Consonant key of a word (its skeleton without vowel marks and w/v, 2+
 * letters) that lets a spelling in an abjad meet one in another script: a
 * list token files it under its own side (abjad or other), a query token
 * (query = true) looks it up under the opposite side, so Latin meets Latin
 * only through the keys above. */
void cordon__mix_cons_key(const char *base, const cordon__mtok *t, bool query,
                          cordon__mix_emit emit, void *ctx);
/* Query-side text keys of a word: its one-deletions (a letter too many),
 * and through the word list the list words two edits away (7+ letters) or
 * an inflected ending apart, each emitted as a text key with the scorer's
 * similarity as strength; exact spellings are left to the text key. */
void cordon__mix_typo_keys(const cordon__mix *x, const char *s, size_t n,
                           cordon__mix_emit emit, void *ctx);
/* True for tokens that are indexed / looked up. */
bool cordon__mix_indexed(const cordon__mtok *t);

#endif
