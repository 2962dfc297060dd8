/* gen_freq.c — write lib/match/freq.h: the document frequency of every word
 * token (2+ letters) that occurs in at least MIN_DF names of a snapshot built
 * from all the real lists, as analysed by lib/text. The scorer derives token
 * weights from it (rare words weigh more, "trading", "company", "mohammad"
 * less) for pairs scored without a db, and combines it with the loaded db's
 * own frequencies when searching. Regenerate after changing the analysis:
 *   bench/build.sh build && build/bench/gen_freq ALL.cdb > lib/match/freq.h */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "index/db.h"
#include "match/index.h"

#define MIN_DF 6

typedef struct ent { char *s; unsigned df, last, occ; } ent;
static ent *tab;
static size_t cap, n;

static unsigned long hs(const char *s, size_t len)
{
    unsigned long h = 1469598103934665603UL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211UL;
    return h;
}

static ent *find(const char *s, size_t len)
{
    size_t i = hs(s, len) & (cap - 1);
    while (tab[i].s && !(strlen(tab[i].s) == len && memcmp(tab[i].s, s, len) == 0))
        i = (i + 1) & (cap - 1);
    if (!tab[i].s) {
        tab[i].s = strndup(s, len);
        n++;
    }
    return &tab[i];
}

static int cmp(const void *a, const void *b)
{
    const ent *x = a, *y = b;
    if (!x->s || !y->s)
        return !x->s - !y->s;
    return strcmp(x->s, y->s);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_freq DB.cdb > lib/match/freq.h\n");
        return 2;
    }
    cordon_db *db;
    cordon_error err;
    if (cordon_db_open(argv[1], NULL, &db, &err)) {
        fprintf(stderr, "gen_freq: %s\n", err.message);
        return 2;
    }
    const cordon__mix *x = db->match;
    cap = 1u << 20;
    tab = calloc(cap, sizeof *tab);
    double words = 0;
    for (uint32_t i = 0; i < x->n_names; i++) {
        cordon__mname nm;
        cordon__mix_name_get(x, i, &nm);
        for (uint32_t k = 0; k < nm.n; k++) {
            const cordon__mtok *t = &nm.t[k];
            if (t->kind != CORDON__TOK_WORD || t->len < 2)
                continue;
            words++;
            ent *e = find(nm.base + t->off, t->len);
            e->occ++;
            if (e->last != i + 1) {
                e->df++;
                e->last = i + 1;
            }
        }
    }
    qsort(tab, cap, sizeof *tab, cmp);
    size_t kept = 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        if (tab[i].df >= MIN_DF)
            kept++;
    printf("/* freq.h — document frequencies of common name words in the real lists\n"
           " * (%u names of %s), written by bench/gen_freq.c. Regenerate, do not\n"
           " * hand-edit. Words in fewer than %d names are not listed (rare). */\n",
           x->n_names, strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1], MIN_DF);
    /* mean idf over all word occurrences, as lib/match/index.c computes it */
    for (size_t i = 0; i < n; i++)
        sum += tab[i].occ * log(((double)x->n_names + 1.0) / ((double)tab[i].df + 0.5));
    printf("#define FREQ_N_NAMES %uu\n#define FREQ_MEAN_IDF %.4f\n", x->n_names, sum / words);
    /* rows sorted by text; FREQ_FIRST[c] is the first row starting with
     * byte c (FREQ_FIRST[256] the row count) */
    printf("static const struct { const char *w; uint16_t len; uint32_t df; } FREQ[] = {\n");
    unsigned first[257], row = 0;
    for (int c = 0; c <= 256; c++)
        first[c] = UINT32_MAX;
    for (size_t i = 0; i < n; i++)
        if (tab[i].df >= MIN_DF) {
            unsigned char c0 = (unsigned char)tab[i].s[0];
            if (first[c0] == UINT32_MAX)
                first[c0] = row;
            printf("    {\"%s\", %zu, %u},\n", tab[i].s, strlen(tab[i].s), tab[i].df);
            row++;
        }
    printf("};\n");
    first[256] = row;
    for (int c = 255; c >= 0; c--)
        if (first[c] == UINT32_MAX)
            first[c] = first[c + 1];
    printf("static const uint32_t FREQ_FIRST[257] = {");
    for (int c = 0; c <= 256; c++)
        printf("%s%u", c == 0 ? "\n    " : c % 16 ? ", " : ",\n    ", first[c]);
    printf("};\n");
    fprintf(stderr, "gen_freq: %zu distinct words, %zu kept (df >= %d)\n", n, kept, MIN_DF);
    cordon_db_free(db);
    return 0;
}
