/* score.c — the pairwise scorer: token alignment, features, evidence,
 * calibrated logistic score and explanation. See doc/scoring.md. */
#include "match/match.h"
#include "sources/entity.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- calibrated weights (bench/fit.py on bench/labelled/pairs.tsv) -------- */

/* Logistic weights: z = W_BIAS + sum(W_FEAT[f] * feat[f]). */
#include "match/weights.h"

/* Evidence log-odds (hand-set, documented in doc/scoring.md). */
#define EV_DOB_EXACT 1.2
#define EV_DOB_MONTH 0.7
#define EV_DOB_YEAR 0.5
#define EV_DOB_NEAR 0.2
#define EV_DOB_DISJOINT (-1.6)
#define EV_DOB_SAMEYEAR_DIFFDAY (-0.6)
#define EV_COUNTRY_SHARED 0.3
#define EV_COUNTRY_DISJOINT (-0.5)
#define EV_IDENT_SAME 3.0
#define EV_IDENT_CONFLICT (-1.5)
#define EV_GENDER_SAME 0.1
#define EV_GENDER_DIFF (-1.2)
#define EV_WEAK_CAP 1.2 /* most that non-identifier evidence may add */

/* ---- pure string measures ------------------------------------------------- */

int cordon__typo_budget(size_t len)
{
    if (len <= 3)
        return 0;
    if (len <= 6)
        return 1;
    return 2;
}

uint32_t cordon__letters(const char *s, size_t n)
{
    uint32_t m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        m |= c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
    }
    return m;
}

int cordon__damerau(const char *a, size_t na, const char *b, size_t nb, int budget)
{
    if (budget < 0)
        budget = 0;
    size_t diff = na > nb ? na - nb : nb - na;
    if (diff > (size_t)budget)
        return budget + 1;
    if (na == 0 || nb == 0)
        return (int)(na + nb) <= budget ? (int)(na + nb) : budget + 1;
    if (na > 64 || nb > 64)
        return (na == nb && memcmp(a, b, na) == 0) ? 0 : budget + 1;
    /* lower bound first: an edit changes the (folded) letter histogram by at
     * most 2 in L1 distance, a transposition not at all */
    {
        int8_t h[32] = {0};
        for (size_t i = 0; i < na; i++)
            h[(unsigned char)a[i] & 31]++;
        for (size_t i = 0; i < nb; i++)
            h[(unsigned char)b[i] & 31]--;
        int l1 = 0;
        for (int i = 0; i < 32; i++)
            l1 += h[i] < 0 ? -h[i] : h[i];
        if ((l1 + 1) / 2 > budget)
            return budget + 1;
    }
    int r0[65], r1[65], r2[65];
    int *pp = r0, *p = r1, *c = r2;
    for (size_t j = 0; j <= nb; j++)
        p[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        c[0] = (int)i;
        int rowmin = c[0];
        for (size_t j = 1; j <= nb; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = p[j - 1] + cost;
            if (p[j] + 1 < v)
                v = p[j] + 1;
            if (c[j - 1] + 1 < v)
                v = c[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            c[j] = v;
            if (v < rowmin)
                rowmin = v;
        }
        if (rowmin > budget)
            return budget + 1;
        int *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    return p[nb] <= budget ? p[nb] : budget + 1;
}

double cordon__jaro_winkler(const char *a, size_t na, const char *b, size_t nb)
{
    if (na == 0 && nb == 0)
        return 1.0;
    if (na == 0 || nb == 0)
        return 0.0;
    if (na > 64 || nb > 64)
        return (na == nb && memcmp(a, b, na) == 0) ? 1.0 : 0.0;
    size_t mx = na > nb ? na : nb;
    size_t win = mx / 2 > 0 ? mx / 2 - 1 : 0;
    unsigned char ma[64] = {0}, mb[64] = {0};
    size_t m = 0;
    for (size_t i = 0; i < na; i++) {
        size_t lo = i > win ? i - win : 0, hi = i + win + 1 < nb ? i + win + 1 : nb;
        for (size_t j = lo; j < hi; j++) {
            if (!mb[j] && a[i] == b[j]) {
                ma[i] = mb[j] = 1;
                m++;
                break;
            }
        }
    }
    if (m == 0)
        return 0.0;
    size_t t = 0, k = 0;
    for (size_t i = 0; i < na; i++) {
        if (!ma[i])
            continue;
        while (!mb[k])
            k++;
        if (a[i] != b[k])
            t++;
        k++;
    }
    double md = (double)m;
    double jaro = (md / (double)na + md / (double)nb + (md - (double)t / 2.0) / md) / 3.0;
    size_t pre = 0;
    while (pre < 4 && pre < na && pre < nb && a[pre] == b[pre])
        pre++;
    return jaro + (double)pre * 0.1 * (1.0 - jaro);
}

const char *cordon__how_name(int how)
{
    static const char *const names[] = {"none",    "exact",   "typo",   "skeleton", "phonetic",
                                        "initial", "glued",   "number", "fuzzy",    "nickname",
                                        "abbreviation"};
    if (how < 0 || how > CORDON__HOW_ABBREV)
        return "none";
    return names[how];
}

const char *cordon__feature_name(int f)
{
    static const char *const names[CORDON__NFEAT] = {
        "cov_list", "cov_query", "cov_min", "strong", "single",
        "number_mismatch", "number_one_side", "legal_mismatch", "weak_alias", "fuzzy_share", "full", "conflict", "family_unmatched"};
    return (f >= 0 && f < CORDON__NFEAT) ? names[f] : "?";
}

/* ---- token frequencies -------------------------------------------------------- */

#include "match/freq.h"

float cordon__idf_clamp(double f)
{
    if (!(f >= CORDON__IDF_MIN))
        return CORDON__IDF_MIN;
    if (f > CORDON__IDF_MAX)
        return CORDON__IDF_MAX;
    return (float)f;
}

float cordon__word_factor(const char *s, size_t len)
{
    uint32_t df = 2; /* not listed: rare (fewer than 6 names) */
    if (len > 0) {
        unsigned char c0 = (unsigned char)s[0];
        size_t lo = FREQ_FIRST[c0], hi = FREQ_FIRST[c0 + 1];
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            size_t wl = FREQ[mid].len;
            int c = memcmp(s, FREQ[mid].w, len < wl ? len : wl);
            if (c == 0)
                c = len < wl ? -1 : len > wl ? 1 : 0;
            if (c == 0) {
                df = FREQ[mid].df;
                break;
            }
            if (c < 0)
                hi = mid;
            else
                lo = mid + 1;
        }
    }
    return cordon__idf_clamp(log(((double)FREQ_N_NAMES + 1.0) / ((double)df + 0.5)) /
                             FREQ_MEAN_IDF);
}

/* ---- tokens ------------------------------------------------------------------ */

float cordon__mtok_default_weight(const cordon__mtok *t)
{
    switch (t->kind) {
    case CORDON__TOK_WORD: return t->len <= 2 ? 0.8f : 1.0f;
    case CORDON__TOK_PARTICLE: return 0.25f;
    case CORDON__TOK_STOPWORD: return 0.15f;
    case CORDON__TOK_INITIAL: return 0.4f;
    case CORDON__TOK_NUMBER: return 1.0f;
    default: return 0.0f;
    }
}

static uint64_t pack_phon(const char *p)
{
    uint64_t v = 0;
    size_t n = strnlen(p, CORDON__PHON_MAX - 1);
    memcpy(&v, p, n);
    return v;
}

uint32_t cordon__mname_from_analysis(const cordon__analysis *a, cordon__mtok *toks,
                                     cordon__mname *out)
{
    uint32_t n = 0;
    for (size_t i = 0; i < a->ntok; i++) {
        const cordon__token *s = &a->tok[i];
        cordon__mtok *t = &toks[n++];
        memset(t, 0, sizeof *t);
        t->off = s->off;
        t->len = (uint16_t)(s->len > 0xffff ? 0xffff : s->len);
        t->sk_off = s->skel_off;
        t->sklen = (uint16_t)(s->skel_len > 0xffff ? 0xffff : s->skel_len);
        t->kind = s->kind;
        t->flags = (uint8_t)(s->flags & 0x3f);
        /* abjads leave short vowels unwritten: their romanisations differ
         * from Latin spellings by more than other scripts' do */
        if (s->script == CORDON__SCRIPT_ARABIC || s->script == CORDON__SCRIPT_HEBREW)
            t->flags |= CORDON__MT_TRANSLIT;
        t->legal = s->legal_class;
        t->number = s->number;
        t->ph[0] = pack_phon(s->phon[0]);
        t->ph[1] = pack_phon(s->phon[1]);
        t->letters = cordon__letters(a->text + t->off, t->len);
        t->w = cordon__mtok_default_weight(t);
        if (t->kind == CORDON__TOK_WORD && t->len >= 2) {
            /* an abbreviation weighs as its full word ("intl" is as common
             * as "international") */
            const char *full = cordon__abbrev_full(a->text + t->off, t->len);
            t->w *= full ? cordon__word_factor(full, strlen(full))
                         : cordon__word_factor(a->text + t->off, t->len);
        }
        if (t->kind == CORDON__TOK_WORD && cordon__is_short_form(a->text + t->off, t->len))
            t->flags |= CORDON__MT_SHORT;
    }
    out->t = toks;
    out->n = n;
    out->base = a->text;
    out->type = a->type_hint;
    out->weak = 0;
    return n;
}

/* ---- token similarity ----------------------------------------------------------- */

typedef struct span {
    const char *s, *sk;
    size_t len, sklen;
    const uint64_t *ph;
    uint8_t kind, flags;
    int64_t number;
    uint32_t m; /* cordon__letters of s */
    bool glued; /* two tokens concatenated */
} span;

static bool is_content(uint8_t kind)
{
    return kind == CORDON__TOK_WORD || kind == CORDON__TOK_PARTICLE ||
           kind == CORDON__TOK_STOPWORD || kind == CORDON__TOK_INITIAL ||
           kind == CORDON__TOK_NUMBER;
}

/* An abjad spelling's skeleton (ab) against another script's (ot): the
 * abjad writes consonants and long vowels only, so each of its letters must
 * be met in order, the other spelling's extra letters being vowel marks or
 * w/v glides ("hsn"/"hasan", "has" (hwysh)/"havas"; not "ahmda"/"hamad"),
 * with three letters and two consonants in common at least. */
static bool abjad_spelling(const char *ab, size_t na, const char *ot, size_t no, bool glued)
{
    size_t i = 0, j = 0, cons = 0;
    while (i < na) {
        if (j < no && ab[i] == ot[j]) {
            cons += ab[i] != 'a' && ab[i] != 'v';
            i++;
            j++;
        } else if (j < no && (ot[j] == 'a' || ot[j] == 'v')) {
            j++;
        } else {
            return false;
        }
    }
    for (; j < no; j++)
        if (ot[j] != 'a' && ot[j] != 'v')
            return false;
    /* a glued pair needs three consonants: two are met by chance too often
     * ("aul shah"/"elissa") */
    return cons >= 3 || (cons == 2 && na >= 3 && !glued);
}

static float sim_span(const span *a, const span *b, int *how, int *edits)
{
    *how = CORDON__HOW_NONE;
    *edits = 0;
    if (a->kind == CORDON__TOK_NUMBER || b->kind == CORDON__TOK_NUMBER) {
        if (a->kind == b->kind && a->number == b->number) {
            *how = CORDON__HOW_NUMBER;
            return 1.0f;
        }
        return 0.0f;
    }
    if (a->len == b->len && memcmp(a->s, b->s, a->len) == 0) {
        *how = CORDON__HOW_EXACT;
        return 1.0f;
    }
    size_t mn = a->len < b->len ? a->len : b->len, mx = a->len > b->len ? a->len : b->len;
    bool tr = ((a->flags | b->flags) & CORDON__MT_TRANSLIT) != 0;
    if (mn >= 2 && ((a->flags | b->flags) & CORDON__MT_SHORT) &&
        a->kind == CORDON__TOK_WORD && b->kind == CORDON__TOK_WORD &&
        cordon__nickname(a->s, a->len, b->s, b->len)) {
        *how = CORDON__HOW_NICKNAME;
        return 0.85f;
    }
    /* an abbreviated organisation word ("intl"/"international") */
    if (mn >= 2 && mn <= CORDON__ABBR_MAX && mx > mn && a->s[0] == b->s[0] &&
        a->kind == CORDON__TOK_WORD && b->kind == CORDON__TOK_WORD &&
        cordon__abbreviation(a->s, a->len, b->s, b->len)) {
        *how = CORDON__HOW_ABBREV;
        return 0.9f;
    }
    if (mn == 1) {
        /* an initial against a word starting with that letter */
        if (mx > 1 && a->s[0] == b->s[0] &&
            (a->kind == CORDON__TOK_INITIAL || b->kind == CORDON__TOK_INITIAL || mx > 1)) {
            *how = CORDON__HOW_INITIAL;
            return 0.55f;
        }
        return 0.0f;
    }
    /* skeletons fold vowels and similar consonants hard ("jake" and "yagy",
     * "mayra" and "mario" share one): the spellings themselves must still be
     * within a few edits ("yuriy"/"iurii" 2, "aleksandr"/"alexander" 3),
     * as many as three once the longer spelling has 7+ letters
     * ("yusuf"/"youssef") */
    int raw = -1; /* raw edit distance, computed when needed (capped at 4) */
    if (a->sklen >= 2 && a->sklen == b->sklen && memcmp(a->sk, b->sk, a->sklen) == 0) {
        raw = cordon__damerau(a->s, a->len, b->s, b->len, 3);
        int allow = tr ? 3 : mn <= 3 ? 1 : mx <= 6 ? 2 : 3;
        if (raw <= allow && cordon__jaro_winkler(a->s, a->len, b->s, b->len) >= (tr ? 0.6 : 0.72)) {
            *how = CORDON__HOW_SKELETON;
            *edits = raw;
            /* short names that differ in a vowel are often different names
             * (tim/tom): less evidence */
            return mn <= 3 ? 0.75f : 0.93f - 0.03f * (float)raw;
        }
    }
    /* an abjad spelling against a spelling in another script: they share
     * their consonants ("mhmd"/"mohamed", "hsn"/"hassan") */
    if ((a->flags ^ b->flags) & CORDON__MT_TRANSLIT) {
        const span *ab = (a->flags & CORDON__MT_TRANSLIT) ? a : b, *ot = ab == a ? b : a;
        /* the article glued to an Arabic word is often left out in Latin
         * ("الشاهبندر"/"shahbandar"; one word, not two glued here) */
        bool gl = ab->glued || ot->glued;
        if (abjad_spelling(ab->sk, ab->sklen, ot->sk, ot->sklen, gl) ||
            (!ab->glued && ab->sklen >= 5 && ab->sk[0] == 'a' && ab->sk[1] == 'l' &&
             abjad_spelling(ab->sk + 2, ab->sklen - 2, ot->sk, ot->sklen, gl))) {
            *how = CORDON__HOW_SKELETON;
            return 0.85f;
        }
    }
    int budget = cordon__typo_budget(mn);
    if (budget > 0) {
        int d = (raw >= 0 && raw > budget) || !cordon__few_bits(a->m ^ b->m, 2 * budget)
                    ? budget + 1
                    : cordon__damerau(a->s, a->len, b->s, b->len, budget);
        /* short words keep their first letter ("tian"/"xian", "rami"/"sami"
         * are different names) */
        if (d <= budget && (mn > 4 || a->s[0] == b->s[0])) {
            *how = CORDON__HOW_TYPO;
            *edits = d;
            return 1.0f - 0.6f * (float)d / (float)mx;
        }
        if (mn >= (tr ? 4u : 6u) && a->sklen > 0 && b->sklen > 0 && a->s[0] == b->s[0]) {
            size_t smn = a->sklen < b->sklen ? a->sklen : b->sklen;
            int sb = cordon__typo_budget(smn);
            d = cordon__damerau(a->sk, a->sklen, b->sk, b->sklen, sb);
            /* skeletons fold vowels and similar consonants: an edit on top
             * of that only counts when the words start alike and the
             * spellings are at most one edit past the typo budget */
            if (sb > 0 && d <= sb && a->s[0] == b->s[0] &&
                (tr || cordon__damerau(a->s, a->len, b->s, b->len, budget + 1) <= budget + 1) &&
                cordon__jaro_winkler(a->s, a->len, b->s, b->len) >= (tr ? 0.7 : 0.8)) {
                *how = CORDON__HOW_SKELETON;
                *edits = d;
                return 0.85f - 0.6f * (float)d / (float)mx;
            }
        }
    }
    /* an inflectional ending on a long enough stem: "putin"/"putinas",
     * "vladimir"/"vladimiras" (Baltic), "ivanov"/"ivanova" */
    if (mn >= 5 && mx - mn <= 2 && memcmp(a->s, b->s, mn) == 0) {
        *how = CORDON__HOW_TYPO;
        *edits = (int)(mx - mn);
        return 1.0f - 0.6f * (float)(mx - mn) / (float)mx;
    }
    /* phonetic keys are coarse on short words (ross/ryauzow, payne/pina):
     * only for words of 4+ letters that start alike and look alike */
    if (tr ? mn >= 3 : (mn >= 4 && a->s[0] == b->s[0])) {
        bool ph = false;
        for (int i = 0; i < 2 && !ph; i++)
            for (int j = 0; j < 2; j++)
                if (a->ph[i] && a->ph[i] == b->ph[j]) {
                    ph = true;
                    break;
                }
        if (ph && (tr || cordon__jaro_winkler(a->s, a->len, b->s, b->len) >= 0.80)) {
            *how = CORDON__HOW_PHONETIC;
            return 0.65f;
        }
    }
    if (mn >= 5 && a->s[0] == b->s[0]) {
        double jw = cordon__jaro_winkler(a->s, a->len, b->s, b->len);
        if (jw >= 0.9) {
            *how = CORDON__HOW_FUZZY;
            return (float)(0.45 + (jw - 0.9) * 2.0);
        }
    }
    return 0.0f;
}

/* ---- alignment ------------------------------------------------------------------------ */

#define MAXC 24   /* content tokens considered per side */
#define MAXE 160  /* candidate edges */

typedef struct edge {
    int8_t q0, qn, l0, ln; /* start and span (1 or 2) */
    uint8_t how, edits;
    float sim, val;
} edge;

typedef struct side {
    const cordon__mname *nm;
    int idx[MAXC];  /* content token index in nm->t */
    float w[MAXC];
    uint32_t m[MAXC]; /* letters of the texts */
    int n;
    int middle[MAXC];
    int family; /* content index of a person name's family word (-1: none) */
} side;

/* Middle words of a person name among its n content tokens idx[] (dropped
 * middle names are common): in written order, the words between the first
 * and the last; in the "FAMILY, Given" order, every given name but the
 * first and every family name but the first ("RAMIREZ CORTES, Delia Nora":
 * cortes, nora). mid[i] = 1 for a middle word. */
static void middle_words(const cordon__mname *nm, const int *idx, int n, uint8_t *mid)
{
    int words = 0, first = -1, last = -1, comma = -1;
    for (int i = 0; i < n; i++) {
        mid[i] = 0;
        const cordon__mtok *t = &nm->t[idx[i]];
        if (t->kind == CORDON__TOK_WORD || t->kind == CORDON__TOK_INITIAL) {
            words++;
            if (first < 0)
                first = i;
            last = i;
        }
        if ((t->flags & CORDON__TF_COMMA_AFTER) && comma < 0)
            comma = i;
    }
    if (words < 3 || !(nm->type == CORDON__TYPE_PERSON || nm->type == CORDON__TYPE_UNKNOWN))
        return;
    if (comma >= first && comma < last) {
        for (int i = first + 1; i <= comma; i++)
            mid[i] = 1;
        for (int i = comma + 2; i <= last; i++)
            mid[i] = 1;
    } else {
        for (int i = first + 1; i < last; i++)
            mid[i] = 1;
    }
}

static void side_init(side *s, const cordon__mname *nm)
{
    s->nm = nm;
    s->n = 0;
    for (uint32_t i = 0; i < nm->n && s->n < MAXC; i++) {
        if (!is_content(nm->t[i].kind))
            continue;
        s->idx[s->n] = (int)i;
        s->m[s->n] = nm->t[i].letters ? nm->t[i].letters
                                       : cordon__letters(nm->base + nm->t[i].off, nm->t[i].len);
        float w = nm->t[i].w;
        s->w[s->n] = w > 0 ? w : 0.01f;
        s->n++;
    }
    uint8_t mid[MAXC];
    middle_words(nm, s->idx, s->n, mid);
    for (int i = 0; i < s->n; i++)
        s->middle[i] = mid[i];
    /* the family word of a person (or untyped) name of 2+ words: the first
     * word in "FAMILY, Given" order, else the last */
    s->family = -1;
    if (nm->type == CORDON__TYPE_PERSON || nm->type == CORDON__TYPE_UNKNOWN) {
        int words = 0, first = -1, last = -1;
        bool comma = false;
        for (int i = 0; i < s->n; i++) {
            const cordon__mtok *t = &nm->t[s->idx[i]];
            if (t->kind != CORDON__TOK_WORD && t->kind != CORDON__TOK_INITIAL)
                continue;
            words++;
            if (first < 0)
                first = i;
            last = i;
            if (t->flags & CORDON__TF_COMMA_AFTER)
                comma = true;
        }
        if (words >= 2)
            s->family = comma ? first : last;
    }
}

void cordon__middle_words(const cordon__mname *nm, uint8_t *mid)
{
    int idx[MAXC] = {0}, n = 0;
    for (uint32_t i = 0; i < nm->n; i++) {
        mid[i] = 0;
        if (is_content(nm->t[i].kind) && n < MAXC)
            idx[n++] = (int)i;
    }
    uint8_t m[MAXC];
    middle_words(nm, idx, n, m);
    for (int i = 0; i < n; i++)
        mid[idx[i]] = m[i];
}

static void make_span(const side *s, int i, int n, char *buf, size_t cap, size_t *used, span *out)
{
    const cordon__mtok *t = &s->nm->t[s->idx[i]];
    const char *base = s->nm->base;
    if (n == 1) {
        out->s = base + t->off;
        out->len = t->len;
        out->sk = base + t->sk_off;
        out->sklen = t->sklen;
        out->ph = t->ph;
        out->kind = t->kind;
        out->flags = t->flags;
        out->number = t->number;
        out->m = s->m[i];
        out->glued = false;
        return;
    }
    out->m = s->m[i] | s->m[i + 1];
    out->glued = true;
    const cordon__mtok *u = &s->nm->t[s->idx[i + 1]];
    static const uint64_t noph[2] = {0, 0};
    out->ph = noph;
    out->kind = CORDON__TOK_WORD;
    out->flags = (uint8_t)((t->flags | u->flags) & CORDON__MT_TRANSLIT);
    out->number = 0;
    size_t need = (size_t)t->len + u->len + t->sklen + u->sklen;
    if (*used + need > cap) {
        out->s = out->sk = "";
        out->len = out->sklen = 0;
        return;
    }
    char *p = buf + *used;
    memcpy(p, base + t->off, t->len);
    memcpy(p + t->len, base + u->off, u->len);
    out->s = p;
    out->len = (size_t)t->len + u->len;
    p += out->len;
    memcpy(p, base + t->sk_off, t->sklen);
    memcpy(p + t->sklen, base + u->sk_off, u->sklen);
    out->sk = p;
    out->sklen = (size_t)t->sklen + u->sklen;
    *used += need;
}

static bool gluable(const side *s, int i)
{
    if (i + 1 >= s->n)
        return false;
    uint8_t a = s->nm->t[s->idx[i]].kind, b = s->nm->t[s->idx[i + 1]].kind;
    /* a detached letter too ("l-arimi"/"al-rimi"): glued forms must be
     * spelt alike, so a real initial rarely glues to anything */
    return (a == CORDON__TOK_WORD || a == CORDON__TOK_PARTICLE || a == CORDON__TOK_INITIAL) &&
           (b == CORDON__TOK_WORD || b == CORDON__TOK_PARTICLE || b == CORDON__TOK_INITIAL);
}

/* a span of n tokens from i holds a single letter */
static bool glued_letter(const side *s, int i, int n)
{
    for (int k = 0; k < n; k++)
        if (s->nm->t[s->idx[i + k]].len == 1)
            return true;
    return false;
}

typedef struct search {
    const edge *e;
    int ne;
    int first[MAXC + 1]; /* edges sorted by q0: e[first[i] .. first[i+1]) */
    float bound[MAXC + 1];
    int nq;
    int path[MAXC], best_path[MAXC], npath, best_n;
    float best;
    long nodes;
} search;

static void dfs(search *S, int i, uint32_t mask, float acc)
{
    if (++S->nodes > 20000 && S->best >= 0)
        return;
    if (i >= S->nq) {
        if (acc > S->best) {
            S->best = acc;
            S->best_n = S->npath;
            memcpy(S->best_path, S->path, sizeof(int) * (size_t)S->npath);
        }
        return;
    }
    if (acc + S->bound[i] <= S->best)
        return;
    for (int k = S->first[i]; k < S->first[i + 1]; k++) {
        const edge *e = &S->e[k];
        uint32_t bits = ((1u << e->ln) - 1u) << e->l0;
        if (mask & bits)
            continue;
        S->path[S->npath++] = k;
        dfs(S, i + e->qn, mask | bits, acc + e->val);
        S->npath--;
    }
    dfs(S, i + 1, mask, acc);
}

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->q0 != y->q0)
        return x->q0 - y->q0;
    return (x->val < y->val) - (x->val > y->val);
}

/* ---- evidence ------------------------------------------------------------------------ */

static int dob_compare(const cordon__mdate *a, const cordon__mdate *b)
{
    if (a->year <= 0 || b->year <= 0)
        return 0;
    int alo = a->year, ahi = a->year_to > a->year ? a->year_to : a->year;
    int blo = b->year, bhi = b->year_to > b->year ? b->year_to : b->year;
    if (a->circa) { alo -= 2; ahi += 2; }
    if (b->circa) { blo -= 2; bhi += 2; }
    bool exact_years = alo == ahi && blo == bhi;
    if (exact_years && a->year == b->year) {
        if (a->month && b->month) {
            if (a->month != b->month)
                return -2; /* same year, different month */
            if (a->day && b->day)
                return a->day == b->day ? 1 : -2;
            return 2;
        }
        return 3;
    }
    if (ahi < blo - 1 || bhi < alo - 1)
        return -1;
    return 4;
}

static void norm_ident(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++)
        if (isalnum((unsigned char)*s))
            out[n++] = (char)toupper((unsigned char)*s);
    out[n] = 0;
}

static bool same_type(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b)
        return true;
    return strcmp(a, b) == 0;
}

static void apply_evidence(const cordon__mattrs *qa, const cordon__mattrs *la,
                           cordon__mresult *r)
{
    if (!qa || !la)
        return;
    /* date of birth: best agreement over all pairs */
    if (qa->n_dob && la->n_dob) {
        int best = -1;
        static const int rank[] = {0, 5, 4, 3, 2}; /* by code 0..4 */
        int bestrank = -10;
        bool any = false;
        for (size_t i = 0; i < qa->n_dob; i++)
            for (size_t j = 0; j < la->n_dob; j++) {
                int c = dob_compare(&qa->dob[i], &la->dob[j]);
                if (c == 0)
                    continue;
                any = true;
                int rk = c > 0 ? rank[c] : (c == -2 ? 1 : 0);
                if (rk > bestrank) {
                    bestrank = rk;
                    best = c;
                }
            }
        if (any) {
            r->dob_how = best;
            switch (best) {
            case 1: r->ev_dob = EV_DOB_EXACT; break;
            case 2: r->ev_dob = EV_DOB_MONTH; break;
            case 3: r->ev_dob = EV_DOB_YEAR; break;
            case 4: r->ev_dob = EV_DOB_NEAR; break;
            case -2: r->ev_dob = EV_DOB_SAMEYEAR_DIFFDAY; break;
            default: r->ev_dob = EV_DOB_DISJOINT; break;
            }
        }
    }
    if (qa->n_country && la->n_country) {
        bool shared = false;
        for (size_t i = 0; i < qa->n_country && !shared; i++)
            for (size_t j = 0; j < la->n_country; j++)
                if (strcasecmp(qa->country[i], la->country[j]) == 0) {
                    shared = true;
                    break;
                }
        r->country_how = shared ? 1 : -1;
        r->ev_country = shared ? EV_COUNTRY_SHARED : EV_COUNTRY_DISJOINT;
    }
    if (qa->n_ident && la->n_ident) {
        int how = 0;
        char a[64], b[64];
        for (size_t i = 0; i < qa->n_ident && how != 1; i++) {
            norm_ident(qa->ident[i].number ? qa->ident[i].number : "", a, sizeof a);
            if (!a[0])
                continue;
            for (size_t j = 0; j < la->n_ident; j++) {
                norm_ident(la->ident[j].number ? la->ident[j].number : "", b, sizeof b);
                if (!b[0] || !same_type(qa->ident[i].type, la->ident[j].type))
                    continue;
                if (strcmp(a, b) == 0) {
                    how = 1;
                    break;
                }
                const char *qc = qa->ident[i].country, *lc = la->ident[j].country;
                if (qa->ident[i].type && la->ident[j].type && *qa->ident[i].type && qc && lc &&
                    *qc && *lc && strcasecmp(qc, lc) == 0)
                    how = -1;
            }
        }
        r->ident_how = how;
        r->ev_ident = how == 1 ? EV_IDENT_SAME : how == -1 ? EV_IDENT_CONFLICT : 0.0;
    }
    if (qa->gender && la->gender) {
        r->gender_how = qa->gender == la->gender ? 1 : -1;
        r->ev_gender = r->gender_how > 0 ? EV_GENDER_SAME : EV_GENDER_DIFF;
    }
}

/* ---- the scorer -------------------------------------------------------------------------- */

double cordon__default_threshold(int type)
{
    switch (type) {
    case CORDON__TYPE_PERSON: return THRESH_PERSON;
    case CORDON__TYPE_ORGANIZATION: return THRESH_ORG;
    case CORDON__TYPE_VESSEL: return THRESH_VESSEL;
    case CORDON__TYPE_AIRCRAFT: return THRESH_AIRCRAFT;
    default: return THRESH_ANY;
    }
}

float cordon__candidate_rank(float acc, float accl, float qw, float lw)
{
    /* the scorer's name model on the coverages the index can estimate: the
     * matched query weight over the query's, the matched list weight over
     * the list name's, which is also the strong part */
    double cq = qw > 0 ? acc / qw : 0, cl = lw > 0 ? accl / lw : 0;
    if (cq > 1) cq = 1;
    if (cl > 1) cl = 1;
    /* log1p by its Pade approximant (within 1% up to 3; ranks thousands of
     * candidates per query) */
    double a = accl > lw ? lw : accl > 0 ? accl : 0, l1p = a * (6.0 + a) / (6.0 + 4.0 * a);
    return (float)(W_FEAT[CORDON__F_COV_L] * cl + W_FEAT[CORDON__F_COV_Q] * cq +
                   W_FEAT[CORDON__F_MINCOV] * (cq < cl ? cq : cl) + W_FEAT[CORDON__F_STRONG] * l1p);
}

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

void cordon__score(const cordon__mname *q, const cordon__mname *l, const cordon__mattrs *qa,
                   const cordon__mattrs *la, cordon__mwork *w, cordon__mresult *r)
{
    memset(r, 0, sizeof *r);
    side Q, L;
    side_init(&Q, q);
    side_init(&L, l);
    size_t used = 0;

    /* the list side's spans, single and glued, built once */
    span LS[2][MAXC];
    bool lglue[MAXC];
    for (int j = 0; j < L.n; j++) {
        make_span(&L, j, 1, w->buf, sizeof w->buf, &used, &LS[0][j]);
        lglue[j] = gluable(&L, j);
    }
    for (int j = 0; j < L.n; j++)
        if (lglue[j])
            make_span(&L, j, 2, w->buf, sizeof w->buf, &used, &LS[1][j]);

    /* candidate edges */
    edge E[MAXE];
    int ne = 0;
    for (int qn = 1; qn <= 2; qn++)
        for (int i = 0; i < Q.n; i++) {
            if (qn == 2 && !gluable(&Q, i))
                continue;
            span a;
            size_t mark = used;
            make_span(&Q, i, qn, w->buf, sizeof w->buf, &used, &a);
            if (a.len == 0)
                continue;
            /* 1-1, one side glued (2-1, 1-2), and both split at different
             * places ("yong won"/"yon gwon") */
            for (int ln = 1; ln <= 2; ln++)
                for (int j = 0; j < L.n && ne < MAXE; j++) {
                    if (ln == 2 && !lglue[j])
                        continue;
                    const span b = LS[ln - 1][j];
                    int how, edits;
                    /* glued forms must be spelt alike (below): skip the
                     * pairs whose lengths already rule that out, and the
                     * pairs both split at the same place (they align word
                     * by word) */
                    if ((qn + ln > 2 && (a.len > b.len + 1 || b.len > a.len + 1) &&
                         !((a.flags | b.flags) & CORDON__MT_TRANSLIT)) ||
                        (qn == 2 && ln == 2 &&
                         Q.nm->t[Q.idx[i]].len == L.nm->t[L.idx[j]].len))
                        continue;
                    float s = b.len ? sim_span(&a, &b, &how, &edits) : 0.0f;
                    if (s <= 0.0f)
                        continue;
                    /* an initial stands for a given name: a family name met
                     * only as the other name's initial is another person
                     * ("Murphy"/"Christopher M. Gray") */
                    if (how == CORDON__HOW_INITIAL && qn == 1 && ln == 1 &&
                        ((a.len > 1 && i == Q.family) || (b.len > 1 && j == L.family)))
                        continue;
                    if (qn + ln > 2) {
                        /* glued forms ("al qaida"/"alqaida") must be spelt
                         * alike: exact, one typo in a long word, or the same
                         * skeleton (not a skeleton typo), in one script with
                         * the spellings one edit apart at most ("yu son" is
                         * not "jason");
                         * with a detached letter, exact unless both sides
                         * are split */
                        bool letter = glued_letter(&Q, i, qn) || glued_letter(&L, j, ln);
                        size_t tmin = qn == 2 && ln == 2 ? 6 : 8;
                        if (letter && how != CORDON__HOW_EXACT && (qn != 2 || ln != 2))
                            continue;
                        if (!(how == CORDON__HOW_EXACT ||
                              (how == CORDON__HOW_TYPO && edits <= 1 && a.len >= tmin &&
                               b.len >= tmin) ||
                              (how == CORDON__HOW_SKELETON &&
                               s >= ((a.flags | b.flags) & CORDON__MT_TRANSLIT ? 0.84f
                                                                                : 0.90f))))
                            continue;
                        how = CORDON__HOW_GLUED;
                        s *= 0.97f;
                    }
                    float wq = 0, wl = 0;
                    for (int k = 0; k < qn; k++)
                        wq += Q.w[i + k];
                    for (int k = 0; k < ln; k++)
                        wl += L.w[j + k];
                    edge *e = &E[ne++];
                    e->q0 = (int8_t)i;
                    e->qn = (int8_t)qn;
                    e->l0 = (int8_t)j;
                    e->ln = (int8_t)ln;
                    e->how = (uint8_t)how;
                    e->edits = (uint8_t)edits;
                    e->sim = s;
                    e->val = s * (wq + wl);
                }
            used = qn == 2 ? mark : used;
        }
    qsort(E, (size_t)ne, sizeof E[0], cmp_edge);
    search S;
    memset(&S, 0, sizeof S);
    S.e = E;
    S.ne = ne;
    S.nq = Q.n;
    {
        int k = 0;
        for (int i = 0; i <= Q.n; i++) {
            while (k < ne && E[k].q0 < i)
                k++;
            S.first[i] = k;
        }
        S.first[Q.n] = ne;
        S.bound[Q.n] = 0;
        for (int i = Q.n - 1; i >= 0; i--) {
            float m = 0;
            for (int k2 = S.first[i]; k2 < S.first[i + 1]; k2++)
                if (E[k2].val > m)
                    m = E[k2].val;
            S.bound[i] = S.bound[i + 1] + m;
        }
    }
    S.best = -1;
    dfs(&S, 0, 0, 0.0f);

    /* coverage */
    float got_q[MAXC] = {0}, got_l[MAXC] = {0};
    int mq[MAXC] = {0}, ml[MAXC] = {0};
    double strong = 0, fuzzy = 0;
    bool full = true; /* no weak alignment so far */
    for (int k = 0; k < S.best_n; k++) {
        const edge *e = &E[S.best_path[k]];
        for (int t = 0; t < e->qn; t++) {
            got_q[e->q0 + t] = e->sim;
            mq[e->q0 + t] = 1;
        }
        float wl = 0;
        for (int t = 0; t < e->ln; t++) {
            got_l[e->l0 + t] = e->sim;
            ml[e->l0 + t] = 1;
            wl += L.w[e->l0 + t];
        }
        bool distinct = false;
        for (int t = 0; t < e->ln; t++) {
            const cordon__mtok *lt = &l->t[L.idx[e->l0 + t]];
            if (lt->kind == CORDON__TOK_WORD && lt->len >= 3)
                distinct = true;
        }
        switch (e->how) {
        case CORDON__HOW_EXACT: case CORDON__HOW_TYPO: case CORDON__HOW_SKELETON:
        case CORDON__HOW_GLUED: case CORDON__HOW_NICKNAME: case CORDON__HOW_ABBREV:
            if (distinct)
                strong += wl * e->sim;
            if (e->edits > 1)
                full = false; /* two typos are not a full match */
            break;
        case CORDON__HOW_PHONETIC: case CORDON__HOW_FUZZY: case CORDON__HOW_INITIAL:
            fuzzy += wl * e->sim;
            full = false;
            break;
        default: break;
        }
        if (r->nal < CORDON__MAX_ALIGN) {
            cordon__malign *a = &r->al[r->nal++];
            a->q0 = (int16_t)Q.idx[e->q0];
            a->q1 = (int16_t)Q.idx[e->q0 + e->qn - 1];
            a->l0 = (int16_t)L.idx[e->l0];
            a->l1 = (int16_t)L.idx[e->l0 + e->ln - 1];
            a->how = e->how;
            a->edits = e->edits;
            a->sim = e->sim;
            a->contrib = e->sim * wl;
        }
    }
    double nq_ = 0, dq = 0, nl_ = 0, dl = 0;
    for (int i = 0; i < Q.n; i++) {
        double wt = Q.w[i];
        nq_ += wt * got_q[i];
        double dw = wt;
        if (!mq[i])
            dw *= Q.middle[i] ? 0.3 : 1.0; /* a dropped middle name costs less */
        dq += dw;
    }
    for (int i = 0; i < L.n; i++) {
        double wt = L.w[i];
        nl_ += wt * got_l[i];
        double dw = wt;
        if (!ml[i] && L.middle[i])
            dw *= 0.35; /* a dropped middle name */
        dl += dw;
    }
    double un_q = 0, un_l = 0; /* unmatched weight (a dropped word leaves one
                                  side only; a substituted word both) */
    for (int i = 0; i < Q.n; i++)
        if (!mq[i])
            un_q += Q.w[i];
    for (int i = 0; i < L.n; i++)
        if (!ml[i])
            un_l += L.w[i];
    double cov_q = dq > 0 ? nq_ / dq : 0, cov_l = dl > 0 ? nl_ / dl : 0;
    if (cov_q > 1) cov_q = 1;
    if (cov_l > 1) cov_l = 1;
    double totl = 0, totq = 0;
    for (int i = 0; i < L.n; i++)
        totl += L.w[i];
    for (int i = 0; i < Q.n; i++)
        totq += Q.w[i];

    /* numbers, legal forms, single tokens */
    int qnum = 0, lnum = 0, qnum_un = 0, lnum_un = 0, qwords = 0, lwords = 0;
    for (int i = 0; i < Q.n; i++) {
        uint8_t k = q->t[Q.idx[i]].kind;
        if (k == CORDON__TOK_NUMBER) { qnum++; qnum_un += !mq[i]; }
        if (k == CORDON__TOK_WORD) qwords++;
    }
    for (int i = 0; i < L.n; i++) {
        uint8_t k = l->t[L.idx[i]].kind;
        if (k == CORDON__TOK_NUMBER) { lnum++; lnum_un += !ml[i]; }
        if (k == CORDON__TOK_WORD) lwords++;
    }
    unsigned qlegal = 0, llegal = 0;
    for (uint32_t i = 0; i < q->n; i++)
        if (q->t[i].kind == CORDON__TOK_LEGAL) {
            qlegal |= 1u << (q->t[i].legal & 31);
            if (!r->legal_q) r->legal_q = q->t[i].legal;
        }
    for (uint32_t i = 0; i < l->n; i++)
        if (l->t[i].kind == CORDON__TOK_LEGAL) {
            llegal |= 1u << (l->t[i].legal & 31);
            if (!r->legal_l) r->legal_l = l->t[i].legal;
        }

    double *f = r->feat;
    f[CORDON__F_COV_L] = cov_l;
    f[CORDON__F_COV_Q] = cov_q;
    f[CORDON__F_MINCOV] = cov_l < cov_q ? cov_l : cov_q;
    f[CORDON__F_STRONG] = log1p(strong);
    f[CORDON__F_SINGLE] = (qwords + qnum <= 1 || lwords + lnum <= 1) ? 1.0 : 0.0;
    f[CORDON__F_NUM_BAD] = (qnum && lnum && (qnum_un || lnum_un)) ? 1.0 : 0.0;
    f[CORDON__F_NUM_ONE] = ((qnum > 0) != (lnum > 0)) ? 1.0 : 0.0;
    f[CORDON__F_LEGAL_BAD] = (qlegal && llegal && !(qlegal & llegal)) ? 1.0 : 0.0;
    f[CORDON__F_WEAK] = l->weak ? 1.0 : 0.0;
    f[CORDON__F_FUZZY] = totl > 0 ? fuzzy / totl : 0;
    /* a substitution is evidence only between comparable spellings: an
     * abjad romanisation leaves a word unmatched for want of vowels, so
     * there it takes most of both names unmatched ("AL-QAIDA IN THE ARABIAN
     * PENINSULA" meeting the Arabic name of al-Qaida in the Maghreb on
     * "al-Qaida" alone) */
    bool abjad = false;
    for (uint32_t i = 0; i < q->n; i++)
        abjad |= (q->t[i].flags & CORDON__MT_TRANSLIT) != 0;
    for (uint32_t i = 0; i < l->n; i++)
        abjad |= (l->t[i].flags & CORDON__MT_TRANSLIT) != 0;
    bool most = un_q > 0.5 * totq && un_l > 0.5 * totl;
    f[CORDON__F_CONFLICT] = ((!abjad || most) && un_q >= 0.3 && un_l >= 0.3) ? 1.0 : 0.0;
    /* a person's family name: the word before the first comma ("FAMILY,
     * Given"), else the last word; unmatched on the list side it is strong
     * evidence of another person ("akhmad khamavi" meeting "AHMED ABDULLAH
     * SALEH AL-KHAZMARI AL-ZAHRANI" on two of its given names) */
    if (l->type == CORDON__TYPE_PERSON && lwords >= 2) {
        int fam = -1;
        for (int i = 0; i < L.n && fam < 0; i++)
            if (l->t[L.idx[i]].flags & CORDON__TF_COMMA_AFTER)
                fam = 0;
        if (fam < 0)
            for (int i = L.n - 1; i >= 0 && fam < 0; i--)
                if (l->t[L.idx[i]].kind == CORDON__TOK_WORD)
                    fam = i;
        if (fam == 0) /* comma form: the first word is the family name */
            for (int i = 0; i < L.n; i++)
                if (l->t[L.idx[i]].kind == CORDON__TOK_WORD) {
                    fam = i;
                    break;
                }
        f[CORDON__F_FAMILY] = (fam >= 0 && !ml[fam]) ? 1.0 : 0.0;
    }
    {
        bool all = full && S.best_n > 0;
        for (int i = 0; i < Q.n && all; i++)
            if (!mq[i] && q->t[Q.idx[i]].kind != CORDON__TOK_STOPWORD)
                all = false;
        for (int i = 0; i < L.n && all; i++)
            if (!ml[i] && l->t[L.idx[i]].kind != CORDON__TOK_STOPWORD)
                all = false;
        f[CORDON__F_FULL] = all ? 1.0 : 0.0;
    }
    if (Q.n == 0 || L.n == 0) {
        r->z_name = -20;
    } else {
        double z = W_BIAS;
        for (int i = 0; i < CORDON__NFEAT; i++)
            z += W_FEAT[i] * f[i];
        r->z_name = z;
    }
    r->name_score = sigmoid(r->z_name);

    apply_evidence(qa, la, r);
    double soft = r->ev_dob + r->ev_country + r->ev_gender;
    if (soft > EV_WEAK_CAP)
        soft = EV_WEAK_CAP;
    r->z_evidence = soft + r->ev_ident;
    r->score = sigmoid(r->z_name + r->z_evidence);
}

/* ---- explanation ------------------------------------------------------------------------ */

static void json_span(cordon__buf *b, const cordon__mname *n, int i0, int i1)
{
    char tmp[512];
    size_t k = 0;
    for (int i = i0; i <= i1; i++) {
        const cordon__mtok *t = &n->t[i];
        if (i > i0 && k < sizeof tmp - 1)
            tmp[k++] = ' ';
        size_t c = t->len;
        if (k + c > sizeof tmp - 1)
            c = sizeof tmp - 1 - k;
        memcpy(tmp + k, n->base + t->off, c);
        k += c;
    }
    cordon__buf_json_str(b, tmp, k);
}

static const char *legal_name(int cls)
{
    static const char *const names[CORDON__LEGAL_NCLASS] = {
        "", "LLC", "JSC", "LP", "PLC", "CORP", "COOP", "FOUNDATION", "TRUST",
        "PARTNERSHIP", "SOLE", "STATE", "BRANCH", "ASSOCIATION", "COMPANY", "OTHER"};
    return (cls >= 0 && cls < CORDON__LEGAL_NCLASS) ? names[cls] : "OTHER";
}

static const char *dob_how_name(int h)
{
    switch (h) {
    case 1: return "exact";
    case 2: return "same_month";
    case 3: return "same_year";
    case 4: return "near";
    case -1: return "disjoint";
    case -2: return "same_year_different_day";
    default: return "none";
    }
}

bool cordon__explain_json(cordon__buf *b, const cordon__mname *q, const cordon__mname *l,
                          const cordon__mresult *r)
{
    cordon__buf_puts(b, "{\"name_score\":");
    cordon__buf_json_num(b, r->name_score);
    cordon__buf_puts(b, ",\"tokens\":[");
    for (int i = 0; i < r->nal; i++) {
        const cordon__malign *a = &r->al[i];
        if (i)
            cordon__buf_putc(b, ',');
        cordon__buf_puts(b, "{\"query\":");
        json_span(b, q, a->q0, a->q1);
        cordon__buf_puts(b, ",\"list\":");
        json_span(b, l, a->l0, a->l1);
        cordon__buf_printf(b, ",\"how\":\"%s\"", cordon__how_name(a->how));
        if (a->edits)
            cordon__buf_printf(b, ",\"edits\":%d", a->edits);
        cordon__buf_puts(b, ",\"sim\":");
        cordon__buf_json_num(b, a->sim);
        cordon__buf_puts(b, ",\"contribution\":");
        cordon__buf_json_num(b, a->contrib);
        cordon__buf_putc(b, '}');
    }
    cordon__buf_puts(b, "],\"unmatched_query\":[");
    bool first = true;
    for (uint32_t i = 0; i < q->n; i++) {
        bool m = false;
        for (int k = 0; k < r->nal; k++)
            if ((int)i >= r->al[k].q0 && (int)i <= r->al[k].q1)
                m = true;
        if (m || q->t[i].kind == CORDON__TOK_HONORIFIC)
            continue;
        if (!first)
            cordon__buf_putc(b, ',');
        first = false;
        json_span(b, q, (int)i, (int)i);
    }
    cordon__buf_puts(b, "],\"unmatched_list\":[");
    first = true;
    for (uint32_t i = 0; i < l->n; i++) {
        bool m = false;
        for (int k = 0; k < r->nal; k++)
            if ((int)i >= r->al[k].l0 && (int)i <= r->al[k].l1)
                m = true;
        if (m || l->t[i].kind == CORDON__TOK_HONORIFIC)
            continue;
        if (!first)
            cordon__buf_putc(b, ',');
        first = false;
        json_span(b, l, (int)i, (int)i);
    }
    cordon__buf_puts(b, "],\"features\":{");
    for (int i = 0; i < CORDON__NFEAT; i++) {
        cordon__buf_printf(b, "%s\"%s\":", i ? "," : "", cordon__feature_name(i));
        cordon__buf_json_num(b, r->feat[i]);
    }
    cordon__buf_puts(b, "}");
    if (r->legal_q || r->legal_l)
        cordon__buf_printf(b, ",\"legal\":{\"query\":\"%s\",\"list\":\"%s\"}",
                           legal_name(r->legal_q), legal_name(r->legal_l));
    cordon__buf_puts(b, ",\"evidence\":[");
    first = true;
#define EV(name, how, val)                                                       \
    if (val != 0.0) {                                                            \
        cordon__buf_printf(b, "%s{\"kind\":\"%s\",\"how\":\"%s\",\"logit\":", \
                           first ? "" : ",", name, how);                         \
        cordon__buf_json_num(b, val);                                            \
        cordon__buf_putc(b, '}');                                                \
        first = false;                                                           \
    }
    EV("dob", dob_how_name(r->dob_how), r->ev_dob);
    EV("country", r->country_how > 0 ? "shared" : "disjoint", r->ev_country);
    EV("identifier", r->ident_how > 0 ? "same_number" : "conflict", r->ev_ident);
    EV("gender", r->gender_how > 0 ? "same" : "different", r->ev_gender);
#undef EV
    cordon__buf_puts(b, "],\"score\":");
    cordon__buf_json_num(b, r->score);
    return cordon__buf_putc(b, '}');
}
