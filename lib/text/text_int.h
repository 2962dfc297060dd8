/*
 * text_int.h — declarations shared by the files of lib/text (not used by
 * other modules: they use text.h).
 */
#ifndef CORDON_TEXT_INT_H
#define CORDON_TEXT_INT_H

#include "text/text.h"

/* translit.c */
const char *cordon__translit_row(uint32_t lc);
size_t cordon__translit_nrows(void);
uint32_t cordon__translit_row_cp(size_t i);
/* Romanize one Hangul syllable (U+AC00..U+D7A3) into out (>= 8 bytes);
 * prev_final_l: the previous syllable of the word ended in ㄹ; family: the
 * syllable is a person's family name (initial ㄱ, ㅂ written k, p). */
size_t cordon__hangul_romanize(uint32_t cp, int prev_final_l, int family, char *out);
int cordon__hangul_final_is_l(uint32_t cp);
/* Romanisation of a letter of the ISCII-like Brahmic blocks (U+0900-U+0D7F)
 * given the code point before it and the next two: its Latin letters in out
 * (up to 6 bytes),
 * or -1 when c is not such a letter (digits, dandas). *eat_next is set when
 * the next code point (a nukta) was folded into c. */
int cordon__indic_romanize(uint32_t prev, uint32_t c, uint32_t next, uint32_t next2, char *out,
                           int *eat_next);

/* tables.c: keyword lookup (legal forms, honorifics, particles, stopwords,
 * ordinal words). Keys are normalized token sequences joined by ' '. */
typedef struct cordon__kw_hit {
    uint8_t kind;     /* CORDON__TOK_* */
    uint8_t types;    /* bit (1 << type) for each entity type it applies to */
    uint16_t value;   /* legal class, or number value for ordinal words */
} cordon__kw_hit;

/* Words in the longest keyword. */
#define CORDON__KW_MAXWORDS 6

/* Look key[0..n) up; fills up to max hits (all kinds with that key) and
 * returns their number. */
size_t cordon__kw_lookup(const char *key, size_t n, cordon__kw_hit *hits, size_t max);
/* True if some keyword of 2+ words starts with the word w[0..n). */
bool cordon__kw_may_start(const char *w, size_t n);
/* For tests: number of keyword rows of a kind (CORDON__TOK_*), and row i's
 * written form, normalized key (NULL when it produced no token) and class. */
size_t cordon__kw_count(int kind);
const char *cordon__kw_form(int kind, size_t i, const char **key, int *value);

/* A glued legal form at the end (or start) of a Han/Kana/Hangul run. */
typedef struct cordon__cjk_legal {
    const char *src;  /* written form */
    const char *norm; /* its normalized form (Hangul romanized) */
} cordon__cjk_legal;
const cordon__cjk_legal *cordon__cjk_legal_forms(size_t *n);

/* analyze.c: tokenize only (no typing, skeletons or phonetics); used to
 * normalize the keyword tables once. */
int cordon__tokenize_only(cordon__analysis *a, const char *s, size_t n);

/* skeleton.c */
size_t cordon__skeleton(const char *w, size_t n, char *out);

/* phonetic.c: Double Metaphone of an ASCII lower-case word. */
void cordon__double_metaphone(const char *w, size_t n, char primary[CORDON__PHON_MAX],
                              char alternate[CORDON__PHON_MAX]);

#endif
