/*
 * analyze.c — the name analysis pipeline (see text.h and doc/text.md).
 *
 * One pass over the code points writes the normalized full form (tokens
 * joined by single spaces) into a->text and records the tokens; a second
 * pass types the tokens (keyword tables, numbers, initials); a third appends
 * each token's NUL-terminated text and skeleton after the full form and
 * computes the phonetic keys. ASCII takes a fast path; utf8proc is only
 * consulted for non-ASCII code points.
 */
#include "text/text_int.h"

#include <string.h>
#include <utf8proc.h>

/* ---- script of a code point ------------------------------------------- */

static int script_of(uint32_t c)
{
    if (c < 0x80)
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? CORDON__SCRIPT_LATIN
                                                          : CORDON__SCRIPT_COMMON;
    if (c < 0x0370)
        return (c >= 0xC0 && c != 0xD7 && c != 0xF7) ? CORDON__SCRIPT_LATIN : CORDON__SCRIPT_COMMON;
    if (c < 0x0400)
        return CORDON__SCRIPT_GREEK;
    if (c < 0x0530)
        return CORDON__SCRIPT_CYRILLIC;
    if (c < 0x0590)
        return CORDON__SCRIPT_ARMENIAN;
    if (c < 0x0600)
        return CORDON__SCRIPT_HEBREW;
    if (c < 0x0700 || (c >= 0x0750 && c < 0x0780) || (c >= 0x08A0 && c < 0x0900))
        return CORDON__SCRIPT_ARABIC;
    if (c >= 0x0E00 && c < 0x0E80)
        return CORDON__SCRIPT_THAI;
    if ((c >= 0x10A0 && c < 0x1100) || (c >= 0x1C90 && c < 0x1CC0) || (c >= 0x2D00 && c < 0x2D30))
        return CORDON__SCRIPT_GEORGIAN;
    if ((c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190) || (c >= 0xA960 && c < 0xA980) ||
        (c >= 0xAC00 && c < 0xD800) || (c >= 0xFFA0 && c < 0xFFDD))
        return CORDON__SCRIPT_HANGUL;
    if (c >= 0x1C80 && c < 0x1C90)
        return CORDON__SCRIPT_CYRILLIC;
    if ((c >= 0x1E00 && c < 0x1F00) || (c >= 0x2C60 && c < 0x2C80) || (c >= 0xA720 && c < 0xA800) ||
        (c >= 0xFF21 && c < 0xFF5B))
        return CORDON__SCRIPT_LATIN;
    if (c >= 0x1F00 && c < 0x2000)
        return CORDON__SCRIPT_GREEK;
    if ((c >= 0x2DE0 && c < 0x2E00) || (c >= 0xA640 && c < 0xA6A0))
        return CORDON__SCRIPT_CYRILLIC;
    if ((c >= 0x3040 && c < 0x3100) || (c >= 0x31F0 && c < 0x3200) || (c >= 0xFF66 && c < 0xFFA0) ||
        (c >= 0x1B000 && c < 0x1B170))
        return CORDON__SCRIPT_KANA;
    if ((c >= 0x2E80 && c < 0x2FE0) || (c >= 0x3005 && c < 0x3008) || (c >= 0x3400 && c < 0x4DC0) ||
        (c >= 0x4E00 && c < 0xA000) || (c >= 0xF900 && c < 0xFB00) || (c >= 0x20000 && c < 0x40000))
        return CORDON__SCRIPT_HAN;
    if ((c >= 0xFB13 && c < 0xFB18))
        return CORDON__SCRIPT_ARMENIAN;
    if (c >= 0xFB1D && c < 0xFB50)
        return CORDON__SCRIPT_HEBREW;
    if ((c >= 0xFB50 && c < 0xFE00) || (c >= 0xFE70 && c < 0xFF00))
        return CORDON__SCRIPT_ARABIC;
    return CORDON__SCRIPT_OTHER;
}

/* Scripts kept as they are (matched within the same script). */
static bool script_passthrough(int s)
{
    return s == CORDON__SCRIPT_HAN || s == CORDON__SCRIPT_KANA || s == CORDON__SCRIPT_THAI ||
           s == CORDON__SCRIPT_OTHER;
}

/* Value of a decimal digit (category Nd) in any script, or -1. */
static int digit_value(uint32_t c)
{
    static const uint32_t zeros[] = {
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
        0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
        0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
        0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x1D7CE,
        0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6};
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
        if (c >= zeros[i] && c < zeros[i] + 10)
            return (int)(c - zeros[i]);
    return -1;
}

static bool is_apostrophe(uint32_t c)
{
    return c == '\'' || c == '`' || c == 0x00B4 || c == 0x02B9 || c == 0x02BB || c == 0x02BC ||
           c == 0x02BD || c == 0x02BE || c == 0x02BF || c == 0x2018 || c == 0x2019 ||
           c == 0x201B || c == 0x2032 || c == 0xFF07;
}

static bool is_hyphen(uint32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 ||
           c == 0xFF0D || c == 0x058A || c == 0x05BE;
}

static bool is_wordish(uint32_t c)
{
    if (c < 0x80)
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k <= UTF8PROC_CATEGORY_LO || k == UTF8PROC_CATEGORY_ND;
}

static bool is_ascii_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* ---- the tokenizer state ---------------------------------------------- */

enum { EMIT_LATIN = 0, EMIT_DIGIT = 1 };

typedef struct tk {
    cordon__analysis *a;
    const char *s;
    size_t n;
    size_t tstart;      /* start of the open token in a->text (valid if open) */
    size_t src_start;   /* source offset of the open token */
    size_t src_end;     /* source offset just after its last contributing char */
    int open;
    int script;         /* script of the open token */
    int pass;           /* open token is a passthrough run (Han/Kana/Thai/other) */
    unsigned nletters;  /* letters in the open token */
    unsigned seg;       /* letters since the token start or the last joined dot */
    int last_digit;     /* last char of the open token was a digit */
    int after_hyphen;   /* a hyphen closed the previous token right after it */
    int comma_seen;     /* the first comma has marked the token before it */
    int uk;             /* Ukrainian/Belarusian letters present */
    int hg_prev_l;      /* previous Hangul syllable ended in ㄹ */
    int hg_split;       /* syllables left of a person's name written as one
                           Hangul word, each a token of its own */
    int splitting;      /* inside tk_split_cjk_legal */
    int ok;
} tk;

static bool tk_reserve(tk *t, size_t extra)
{
    cordon__analysis *a = t->a;
    if (a->text_len + extra + 1 <= a->text_cap)
        return true;
    size_t cap = a->text_cap;
    char *p = cordon__grow(a->alloc, a->text, &cap, a->text_len + extra + 1, 1);
    if (!p) {
        t->ok = 0;
        return false;
    }
    a->text = p;
    a->text_cap = cap;
    return true;
}

static void tk_split_cjk_legal(tk *t);

static void tk_close(tk *t, int by_hyphen)
{
    if (t->open && !t->splitting && (t->pass || t->script == CORDON__SCRIPT_HANGUL)) {
        t->splitting = 1;
        tk_split_cjk_legal(t);
        t->splitting = 0;
    }
    if (!t->open) {
        t->after_hyphen = 0;
        return;
    }
    cordon__analysis *a = t->a;
    t->open = 0;
    if (a->text_len == t->tstart) { /* nothing written (ъ, ь alone) */
        if (t->tstart > 0)
            a->text_len--; /* drop the separating space */
        t->after_hyphen = 0;
        return;
    }
    if (a->ntok == a->tok_cap) {
        size_t cap = a->tok_cap;
        cordon__token *p = cordon__grow(a->alloc, a->tok, &cap, a->ntok + 1, sizeof *p);
        if (!p) {
            t->ok = 0;
            return;
        }
        a->tok = p;
        a->tok_cap = cap;
    }
    cordon__token *k = &a->tok[a->ntok++];
    memset(k, 0, sizeof *k);
    k->off = (uint32_t)t->tstart;
    k->len = (uint32_t)(a->text_len - t->tstart);
    k->src_off = (uint32_t)t->src_start;
    k->src_len = (uint32_t)(t->src_end - t->src_start);
    k->script = (uint8_t)t->script;
    if (t->nletters == 1 && !t->pass && t->script != CORDON__SCRIPT_HANGUL)
        k->kind = CORDON__TOK_INITIAL;
    t->after_hyphen = by_hyphen;
}

/* Open a token if needed; a change between passthrough and Latin output, or
 * between two passthrough scripts, starts a new token. */
static void tk_want(tk *t, size_t src_off, int script, int pass)
{
    if (t->open && (t->pass != pass || (pass && t->script != script))) {
        tk_close(t, 0);
        t->after_hyphen = 0;
    }
    if (!t->open) {
        cordon__analysis *a = t->a;
        if (t->after_hyphen && a->ntok > 0)
            a->tok[a->ntok - 1].flags |= CORDON__TF_HYPHEN_JOINED;
        t->after_hyphen = 0;
        if (a->text_len > 0)
            a->text[a->text_len++] = ' ';
        t->open = 1;
        t->tstart = a->text_len;
        t->src_start = src_off;
        t->script = script;
        t->pass = pass;
        t->nletters = 0;
        t->seg = 0;
        t->last_digit = 0;
        t->hg_prev_l = 0;
    } else if (t->script == CORDON__SCRIPT_COMMON || t->script == CORDON__SCRIPT_LATIN) {
        if (script != CORDON__SCRIPT_COMMON && script != CORDON__SCRIPT_LATIN)
            t->script = script; /* the most specific script seen */
    }
}

static void tk_emit_ascii(tk *t, char c, size_t src_off, size_t src_end, int script)
{
    tk_want(t, src_off, script, 0);
    t->a->text[t->a->text_len++] = c;
    t->src_end = src_end;
}

static void tk_emit_str(tk *t, const char *p, size_t src_off, size_t src_end, int script)
{
    tk_want(t, src_off, script, 0);
    while (*p)
        t->a->text[t->a->text_len++] = *p++;
    t->src_end = src_end;
}

static void tk_emit_cp(tk *t, uint32_t c, size_t src_off, size_t src_end, int script)
{
    tk_want(t, src_off, script, 1);
    t->a->text_len += cordon__utf8_encode(c, t->a->text + t->a->text_len);
    t->src_end = src_end;
}

/* Next code point at s[i] (or 0 at the end). */
static uint32_t peek_cp(const tk *t, size_t i, size_t *next)
{
    if (i >= t->n) {
        *next = i;
        return 0;
    }
    size_t j = i;
    uint32_t c = cordon__utf8_next(t->s, t->n, &j);
    *next = j;
    return c;
}

/* Dot or apostrophe between word characters: is it a joining dot? */
static bool dot_joins(tk *t, size_t after)
{
    size_t j, k;
    uint32_t c1 = peek_cp(t, after, &j);
    if (!t->open)
        return false;
    if (t->last_digit)
        return is_ascii_digit(c1) || digit_value(c1) >= 0;
    if (t->seg != 1 || c1 == 0 || !is_wordish(c1) || is_ascii_digit(c1))
        return false;
    uint32_t c2 = peek_cp(t, j, &k);
    return c2 == 0 || !is_wordish(c2);
}

static void tk_separator(tk *t)
{
    tk_close(t, 0);
    t->after_hyphen = 0;
}

/* Handle one code point that is not transliterated by a table row:
 * c is already decomposed (NFKD + casefold) output. */
static void tk_other(tk *t, uint32_t c, size_t off, size_t end, size_t next_in)
{
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') {
            tk_emit_ascii(t, (char)c, off, end, CORDON__SCRIPT_LATIN);
            t->nletters++;
            t->seg++;
            t->last_digit = 0;
        } else if (c >= 'A' && c <= 'Z') {
            tk_emit_ascii(t, (char)(c | 0x20), off, end, CORDON__SCRIPT_LATIN);
            t->nletters++;
            t->seg++;
            t->last_digit = 0;
        } else if (c >= '0' && c <= '9') {
            tk_emit_ascii(t, (char)c, off, end, CORDON__SCRIPT_COMMON);
            t->last_digit = 1;
        } else if (c == '\'' || c == '`') {
            /* apostrophe: removed, the word goes on */
        } else if (c == '.') {
            if (dot_joins(t, next_in))
                t->seg = 0;
            else
                tk_separator(t);
        } else if (c == '-') {
            if (t->open)
                tk_close(t, 1);
            else
                t->after_hyphen = 0;
        } else if (c == ',') {
            /* "FAMILY, Given": the first comma marks the token before it */
            tk_separator(t);
            if (!t->comma_seen && t->a->ntok > 0) {
                t->a->tok[t->a->ntok - 1].flags |= CORDON__TF_COMMA_AFTER;
                t->comma_seen = 1;
            }
        } else {
            tk_separator(t);
        }
        return;
    }
    int sc = script_of(c);
    int d = digit_value(c);
    if (d >= 0) {
        tk_emit_ascii(t, (char)('0' + d), off, end, sc);
        t->last_digit = 1;
        return;
    }
    if (is_apostrophe(c))
        return;
    if (is_hyphen(c)) {
        if (t->open)
            tk_close(t, 1);
        else
            t->after_hyphen = 0;
        return;
    }
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        if (script_passthrough(sc) || sc == CORDON__SCRIPT_HANGUL) {
            tk_emit_cp(t, (uint32_t)utf8proc_tolower((utf8proc_int32_t)c), off, end,
                       sc == CORDON__SCRIPT_HANGUL ? CORDON__SCRIPT_HANGUL : sc);
            t->nletters++;
            t->seg++;
            t->last_digit = 0;
        } else if (sc == CORDON__SCRIPT_LATIN && cat == UTF8PROC_CATEGORY_LM) {
            /* modifier letters (ʰ ...) carry no letter of their own */
        } else {
            /* a letter of a transliterated script without a table row */
            tk_emit_cp(t, (uint32_t)utf8proc_tolower((utf8proc_int32_t)c), off, end,
                       CORDON__SCRIPT_OTHER);
            t->nletters++;
            t->seg++;
        }
        break;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        /* marks: kept inside passthrough runs (Thai vowels, kana voicing),
         * stripped elsewhere */
        if (t->open && t->pass) {
            t->a->text_len += cordon__utf8_encode(c, t->a->text + t->a->text_len);
            t->src_end = end;
        }
        break;
    case UTF8PROC_CATEGORY_CF:
        break; /* format characters (ZWJ, ZWNJ, bidi marks) are removed */
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        /* numbers without a decimal digit value: kept as a passthrough run */
        tk_emit_cp(t, c, off, end, CORDON__SCRIPT_OTHER);
        break;
    default:
        tk_separator(t);
        break;
    }
}

/* Context rules before the table lookup; returns the Latin string or NULL. */
static const char *translit_ctx(tk *t, uint32_t lc, uint32_t next, size_t *skip_next)
{
    bool word_start = !t->open || t->a->text_len == t->tstart || t->pass;
    *skip_next = 0;
    switch (lc) {
    case 0x0433: /* г */
        return t->uk ? "h" : "g";
    case 0x0438: /* и */
        return t->uk ? "y" : "i";
    case 0x03C5: /* υ: u after α ε ο (ου, αυ, ευ) */
        if (t->open && !t->pass && t->a->text_len > t->tstart) {
            char p = t->a->text[t->a->text_len - 1];
            if (p == 'o')
                return "u";
            if (p == 'a' || p == 'e') /* αυ ευ: f before a voiceless consonant, else v */
                return (next == 0x03B8 || next == 0x03BA || next == 0x03BE || next == 0x03C0 ||
                        next == 0x03C3 || next == 0x03C2 || next == 0x03C4 || next == 0x03C6 ||
                        next == 0x03C7 || next == 0x03C8)
                           ? "f"
                           : "v";
        }
        return "y";
    case 0x0578: /* ո: ու = u; word-initial ո = vo */
        if (next == 0x0582) {
            *skip_next = 1;
            return "u";
        }
        return word_start ? "vo" : "o";
    case 0x0565: /* ե: word-initial ye */
        return word_start ? "ye" : "e";
    case 0x0648: /* و: w at the start of a word, u inside */
    case 0x05D5: /* ו */
        if (word_start)
            return lc == 0x0648 ? "w" : "v";
        if (lc == 0x05D5 && next == 0x05D5) { /* וו = v */
            *skip_next = 1;
            return "v";
        }
        return lc == 0x0648 ? "u" : "o";
    case 0x0639: /* ع: a vowel at the start of a word (Abd), silent inside */
        return word_start ? "a" : "";
    case 0x064A: /* ي */
    case 0x06CC: /* ی */
    case 0x05D9: /* י */
        return word_start ? "y" : "i";
    default:
        return NULL;
    }
}

static bool cyr_uk_letter(uint32_t lc)
{
    return lc == 0x0456 || lc == 0x0457 || lc == 0x0454 || lc == 0x0491 || lc == 0x045E;
}

/* Split a glued CJK/Hangul legal form off the end or start of the token
 * just written (before closing it). */
static void tk_split_cjk_legal(tk *t)
{
    if (!t->open || !(t->pass || t->script == CORDON__SCRIPT_HANGUL))
        return;
    cordon__analysis *a = t->a;
    size_t tl = a->text_len - t->tstart;
    size_t nf;
    const cordon__cjk_legal *f = cordon__cjk_legal_forms(&nf);
    for (size_t i = 0; i < nf; i++) {
        size_t fl = strlen(f[i].norm), sl = strlen(f[i].src);
        if (tl <= fl || t->src_end - t->src_start <= sl)
            continue;
        char *tok = a->text + t->tstart;
        if (memcmp(tok + tl - fl, f[i].norm, fl) == 0) {
            /* "....株式会社" -> "...." "株式会社" */
            if (!tk_reserve(t, 1))
                return;
            tok = a->text + t->tstart;
            size_t src_end = t->src_end;
            memmove(tok + tl - fl + 1, tok + tl - fl, fl);
            a->text_len = t->tstart + tl - fl;
            t->src_end = src_end - sl;
            tk_close(t, 0);
            a->text[a->text_len++] = ' ';
            t->open = 1;
            t->tstart = a->text_len;
            a->text_len += fl;
            t->src_start = src_end - sl;
            t->src_end = src_end;
            t->nletters = 4;
            return;
        }
        if (memcmp(tok, f[i].norm, fl) == 0) {
            /* "株式会社...." -> "株式会社" "...." */
            if (!tk_reserve(t, 1))
                return;
            tok = a->text + t->tstart;
            size_t src_end = t->src_end, rest = tl - fl;
            memmove(tok + fl + 1, tok + fl, rest);
            tok[fl] = ' ';
            a->text_len = t->tstart + fl;
            size_t src_start = t->src_start;
            t->src_end = src_start + sl;
            tk_close(t, 0);
            a->text_len++;
            t->open = 1;
            t->tstart = a->text_len;
            a->text_len += rest;
            t->src_start = src_start + sl;
            t->src_end = src_end;
            t->nletters = 4;
            return;
        }
    }
}

/* True when s[0..n) has nothing but s[from..to) that could be part of a
 * word: ASCII spaces and punctuation only outside it. ("김정은" is a
 * Korean name written as one word; in "블라디미르 푸틴" each word is part of a
 * transcribed foreign name.) */
static bool only_word(const char *s, size_t n, size_t from, size_t to)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char b = (unsigned char)s[k];
        if ((k < from || k >= to) &&
            (b >= 0x80 || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')))
            return false;
    }
    return true;
}

static int tokenize(cordon__analysis *a, const char *s, size_t n)
{
    tk t;
    memset(&t, 0, sizeof t);
    t.a = a;
    t.s = s;
    t.n = n;
    t.ok = 1;
    a->ntok = 0;
    a->text_len = 0;

    /* Ukrainian/Belarusian letters anywhere switch г/и to h/y. */
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0xD0 && b <= 0xD2) {
            size_t j = i;
            uint32_t c = cordon__utf8_next(s, n, &j);
            if (cyr_uk_letter((uint32_t)utf8proc_tolower((utf8proc_int32_t)c))) {
                t.uk = 1;
                break;
            }
        }
    }

    size_t i = 0;
    while (i < n && t.ok) {
        if (!tk_reserve(&t, 200))
            break;
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* ASCII fast path */
            size_t off = i++;
            if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
                if (t.open && !t.pass) {
                    a->text[a->text_len++] = (char)(b | 0x20);
                    t.src_end = i;
                } else {
                    tk_emit_ascii(&t, (char)(b | 0x20), off, i, CORDON__SCRIPT_LATIN);
                }
                t.nletters++;
                t.seg++;
                t.last_digit = 0;
            } else if (b == ' ') {
                tk_separator(&t);
            } else {
                tk_other(&t, b, off, i, i);
            }
            continue;
        }
        size_t off = i;
        uint32_t c = cordon__utf8_next(s, n, &i);
        if (c >= 0xAC00 && c <= 0xD7A3) { /* Hangul syllable */
            char buf[16];
            if (t.open && (t.pass || t.script != CORDON__SCRIPT_HANGUL))
                tk_close(&t, 0);
            int family = 0;
            bool person = a->type_hint == CORDON_TYPE_PERSON ||
                          a->type_hint == CORDON_TYPE_UNKNOWN;
            if (t.hg_split > 0) {
                /* the next syllable of a person's name: a token of its own */
                tk_close(&t, 0);
                t.hg_split--;
            } else if (!t.open) {
                /* a Korean person's name is written as one word of 2-3
                 * syllables (family name, then given name) where Latin
                 * spellings part them ("김정은"/"Kim Jong Un"): a name that
                 * is such a word alone gets a token per syllable, the
                 * first romanised as a family name */
                size_t j = i, runlen = 1;
                while (runlen <= 3 && j < n) {
                    size_t j2 = j;
                    uint32_t d = cordon__utf8_next(s, n, &j2);
                    if (d < 0xAC00 || d > 0xD7A3)
                        break;
                    runlen++;
                    j = j2;
                }
                if (person && runlen >= 2 && runlen <= 3 && only_word(s, n, off, j)) {
                    t.hg_split = (int)runlen - 1;
                    family = 1;
                } else if (person && runlen == 1 && a->ntok == 0) {
                    family = 1; /* a family name written apart ("김 정은") */
                }
            }
            int prev_l = t.open ? t.hg_prev_l : 0;
            size_t m = cordon__hangul_romanize(c, prev_l, family, buf);
            buf[m] = 0;
            tk_emit_str(&t, buf, off, i, CORDON__SCRIPT_HANGUL);
            t.script = CORDON__SCRIPT_HANGUL;
            t.hg_prev_l = cordon__hangul_final_is_l(c);
            t.nletters++;
            t.seg++;
            t.last_digit = 0;
            continue;
        }
        if (c >= 0x0900 && c < 0x0D80) { /* Devanagari .. Malayalam */
            size_t after1, after2;
            uint32_t n1 = peek_cp(&t, i, &after1), n2 = peek_cp(&t, after1, &after2);
            char buf[8];
            int eat = 0;
            uint32_t prev = 0;
            if (off > 0) {
                size_t p = off - 1;
                while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
                    p--;
                prev = cordon__utf8_next(s, n, &p);
            }
            int m = cordon__indic_romanize(prev, c, n1, n2, buf, &eat);
            if (m >= 0) {
                if (eat)
                    i = after1;
                if (m > 0) {
                    buf[m] = 0;
                    tk_emit_str(&t, buf, off, i, CORDON__SCRIPT_INDIC);
                    t.nletters++;
                    t.seg++;
                    t.last_digit = 0;
                } else if (t.open && !t.pass) {
                    t.src_end = i; /* virama: part of the word */
                }
                continue;
            }
        }
        uint32_t lc = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
        size_t skip = 0, after;
        uint32_t next = peek_cp(&t, i, &after);
        const char *lat = translit_ctx(&t, lc, next, &skip);
        if (!lat)
            lat = cordon__translit_row(lc);
        if (lat) {
            int sc = script_of(c);
            if (skip)
                i = after;
            if (*lat) {
                tk_emit_str(&t, lat, off, i, sc);
                t.nletters++;
                t.seg++;
                t.last_digit = 0;
            } else if (t.open && !t.pass) {
                t.src_end = i; /* silent letter (ъ, ь, ع): part of the word */
            }
            continue;
        }
        int csc = script_of(c);
        if (script_passthrough(csc) && !(c >= 0xF900 && c < 0xFB00) && !(c >= 0xFF00 && c < 0xFFF0) &&
            !(c >= 0x2E80 && c < 0x2FE0) && !(c >= 0x3200 && c < 0x3400) && c < 0x1D400) {
            /* kept scripts stay as written (no decomposition of kana voicing,
             * Thai or Indic vowel signs); only compatibility forms fold */
            tk_other(&t, c, off, i, i);
            continue;
        }
        utf8proc_int32_t dec[32];
        int last_bc = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            (utf8proc_int32_t)c, dec, 32,
            UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_IGNORE, &last_bc);
        if (m < 0 || m > 32) {
            tk_separator(&t);
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < m; k++) {
            uint32_t d = (uint32_t)dec[k];
            if (d >= 0x80 && !(t.open && t.pass)) {
                size_t dskip;
                const char *r = translit_ctx(&t, d, 0, &dskip);
                if (!r)
                    r = cordon__translit_row(d);
                if (r) {
                    if (*r) {
                        tk_emit_str(&t, r, off, i, script_of(d));
                        t.nletters++;
                        t.seg++;
                        t.last_digit = 0;
                    }
                    continue;
                }
            }
            tk_other(&t, d, off, i, i);
        }
    }
    if (t.ok)
        tk_close(&t, 0);
    if (!t.ok)
        return CORDON_E_NOMEM;
    a->text[a->text_len] = 0;
    return CORDON_OK;
}

/* ---- typing ------------------------------------------------------------ */

static bool all_digits(const char *p, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

static int64_t parse_num(const char *p, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (v > (INT64_MAX - 9) / 10)
            return INT64_MAX;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

/* "1st", "2nd", "3rd", "4th", "21st": the number, or -1. */
static int64_t ordinal_value(const char *p, size_t n)
{
    if (n < 3)
        return -1;
    size_t d = n - 2;
    if (!all_digits(p, d))
        return -1;
    const char *suf = p + d;
    if (memcmp(suf, "st", 2) && memcmp(suf, "nd", 2) && memcmp(suf, "rd", 2) && memcmp(suf, "th", 2))
        return -1;
    return parse_num(p, d);
}

/* Roman numerals written with I, V, X only (1..39): the value, or -1. */
static int roman_value(const char *p, size_t n)
{
    static const char *const units[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
    size_t i = 0;
    int tens = 0;
    while (i < n && p[i] == 'x' && tens < 3) {
        tens++;
        i++;
    }
    for (int u = 9; u >= 0; u--) {
        size_t ul = strlen(units[u]);
        if (n - i == ul && memcmp(p + i, units[u], ul) == 0)
            return tens * 10 + u;
    }
    return -1;
}

static bool type_ok(uint8_t types, int type)
{
    return type >= 0 && type < 8 && (types & (1u << type));
}

static void merge_tokens(cordon__analysis *a, size_t i, size_t k)
{
    if (k <= 1)
        return;
    cordon__token *t = &a->tok[i], *last = &a->tok[i + k - 1];
    t->len = last->off + last->len - t->off;
    t->src_len = last->src_off + last->src_len - t->src_off;
    t->flags = last->flags;
    memmove(t + 1, t + k, (a->ntok - i - k) * sizeof *t);
    a->ntok -= k - 1;
}

static void type_tokens(cordon__analysis *a, int type)
{
    const char *x = a->text;
    size_t lead_hon = 0;
    for (size_t i = 0; i < a->ntok; i++) {
        cordon__token *t = &a->tok[i];
        const char *w = x + t->off;
        if (t->script == CORDON__SCRIPT_COMMON || t->script == CORDON__SCRIPT_LATIN ||
            (w[0] >= '0' && w[0] <= '9')) {
            if (all_digits(w, t->len)) {
                t->kind = CORDON__TOK_NUMBER;
                t->number = parse_num(w, t->len);
                continue;
            }
            int64_t o = ordinal_value(w, t->len);
            if (o >= 0) {
                t->kind = CORDON__TOK_NUMBER;
                t->number = o;
                continue;
            }
        }
        /* keyword tables: longest match of up to CORDON__KW_MAXWORDS tokens */
        size_t maxk = a->ntok - i;
        if (maxk > CORDON__KW_MAXWORDS)
            maxk = CORDON__KW_MAXWORDS;
        if (maxk > 1 && !cordon__kw_may_start(w, t->len))
            maxk = 1;
        for (size_t k = maxk; k >= 1; k--) {
            cordon__token *e = &a->tok[i + k - 1];
            cordon__kw_hit hits[8];
            size_t nh = cordon__kw_lookup(w, e->off + e->len - t->off, hits, 8);
            const cordon__kw_hit *use = NULL;
            bool rest = a->ntok > k; /* something besides the keyword */
            for (size_t h = 0; h < nh && !use; h++) {
                const cordon__kw_hit *hp = &hits[h];
                if (!type_ok(hp->types, type) || !rest)
                    continue;
                switch (hp->kind) {
                case CORDON__TOK_LEGAL:
                    use = hp;
                    break;
                case CORDON__TOK_HONORIFIC:
                    if (type == CORDON_TYPE_PERSON || i == lead_hon)
                        use = hp;
                    break;
                case CORDON__TOK_PARTICLE:
                    if (i + k < a->ntok && !(k == 1 && t->kind == CORDON__TOK_INITIAL))
                        use = hp;
                    break;
                case CORDON__TOK_STOPWORD:
                    if (!(k == 1 && t->kind == CORDON__TOK_INITIAL && type != CORDON_TYPE_ORGANIZATION &&
                          type != CORDON_TYPE_VESSEL))
                        use = hp;
                    break;
                case CORDON__TOK_NUMBER:
                    use = hp;
                    break;
                default:
                    break;
                }
            }
            /* organizations, vessels, aircraft: a stopword reading ("de",
             * "del") wins over a particle reading */
            if (use && use->kind == CORDON__TOK_PARTICLE &&
                (type == CORDON_TYPE_ORGANIZATION || type == CORDON_TYPE_VESSEL ||
                 type == CORDON_TYPE_AIRCRAFT))
                for (size_t h = 0; h < nh; h++)
                    if (hits[h].kind == CORDON__TOK_STOPWORD && type_ok(hits[h].types, type))
                        use = &hits[h];
            if (!use)
                continue;
            if (use->kind == CORDON__TOK_HONORIFIC && i == lead_hon)
                lead_hon = i + 1;
            merge_tokens(a, i, k);
            t = &a->tok[i];
            t->kind = use->kind;
            if (use->kind == CORDON__TOK_LEGAL)
                t->legal_class = use->value;
            else if (use->kind == CORDON__TOK_NUMBER)
                t->number = use->value;
            break;
        }
    }
    /* Roman numerals (II..XXXIX, letters I V X only) count as numbers only
     * after the first token, at the end of the name (or followed only by
     * legal forms/numbers), and never "xi" for persons/unknown (a surname). */
    for (size_t i = 1; i < a->ntok; i++) {
        cordon__token *t = &a->tok[i];
        if (t->kind != CORDON__TOK_WORD || t->len < 2 || t->script != CORDON__SCRIPT_LATIN)
            continue;
        int v = roman_value(x + t->off, t->len);
        if (v < 2)
            continue;
        if (t->len == 2 && memcmp(x + t->off, "xi", 2) == 0 && type != CORDON_TYPE_VESSEL &&
            type != CORDON_TYPE_AIRCRAFT && type != CORDON_TYPE_ORGANIZATION)
            continue;
        bool tail = true;
        for (size_t j = i + 1; j < a->ntok; j++)
            if (a->tok[j].kind != CORDON__TOK_LEGAL && a->tok[j].kind != CORDON__TOK_NUMBER)
                tail = false;
        if (!tail)
            continue;
        t->kind = CORDON__TOK_NUMBER;
        t->number = v;
    }
}

/* ---- tail: token texts, skeletons, phonetic keys ----------------------- */

static int finish(cordon__analysis *a)
{
    size_t need = a->text_len + 1;
    for (size_t i = 0; i < a->ntok; i++)
        need += 2 * (size_t)a->tok[i].len + 2 * a->tok[i].len + 4;
    if (need > a->text_cap) {
        size_t cap = a->text_cap;
        char *p = cordon__grow(a->alloc, a->text, &cap, need, 1);
        if (!p)
            return CORDON_E_NOMEM;
        a->text = p;
        a->text_cap = cap;
    }
    char *x = a->text;
    size_t pos = a->text_len + 1;
    for (size_t i = 0; i < a->ntok; i++) {
        cordon__token *t = &a->tok[i];
        memcpy(x + pos, x + t->off, t->len);
        t->off = (uint32_t)pos;
        pos += t->len;
        x[pos++] = 0;
        bool pass = script_passthrough(t->script) || (unsigned char)x[t->off] >= 0x80;
        if (pass) {
            t->skel_off = t->off;
            t->skel_len = t->len;
            t->phon[0][0] = t->phon[1][0] = 0;
        } else {
            size_t m = cordon__skeleton(x + t->off, t->len, x + pos);
            t->skel_off = (uint32_t)pos;
            t->skel_len = (uint32_t)m;
            pos += m;
            x[pos++] = 0;
            if (t->kind == CORDON__TOK_NUMBER)
                t->phon[0][0] = t->phon[1][0] = 0;
            else
                cordon__double_metaphone(x + t->off, t->len, t->phon[0], t->phon[1]);
        }
    }
    return CORDON_OK;
}

/* ---- entry points ------------------------------------------------------ */

void cordon__analysis_init(cordon__analysis *a, const cordon__alloc *alloc)
{
    memset(a, 0, sizeof *a);
    a->alloc = alloc ? alloc : &cordon__default_alloc;
}

void cordon__analysis_destroy(cordon__analysis *a)
{
    if (!a)
        return;
    cordon__free(a->alloc, a->text);
    cordon__free(a->alloc, a->tok);
    a->text = NULL;
    a->tok = NULL;
    a->text_cap = a->tok_cap = a->ntok = a->text_len = 0;
}

int cordon__tokenize_only(cordon__analysis *a, const char *s, size_t n)
{
    a->type_hint = -1; /* a keyword, not a name: no name-specific tokenizing */
    return tokenize(a, s, n);
}

static int reset_empty(cordon__analysis *a)
{
    a->ntok = 0;
    a->text_len = 0;
    if (!a->text) {
        size_t cap = 0;
        char *p = cordon__grow(a->alloc, NULL, &cap, 64, 1);
        if (!p)
            return CORDON_E_NOMEM;
        a->text = p;
        a->text_cap = cap;
    }
    a->text[0] = 0;
    return CORDON_OK;
}

int cordon__analyze(cordon__analysis *a, const char *s, size_t n, int type_hint,
                    size_t max_bytes, cordon_error *err)
{
    if (!a || (!s && n != 0 && n != CORDON_NUL_TERMINATED))
        return cordon__err(err, CORDON_E_INVALID, "analyze: NULL argument");
    if (!s)
        s = "", n = 0;
    n = cordon__strlen(s, n);
    a->type_hint = type_hint;
    if (reset_empty(a) != CORDON_OK)
        return cordon__err(err, CORDON_E_NOMEM, "analyze: out of memory");
    if (max_bytes && n > max_bytes)
        return cordon__err_at(err, CORDON_E_LIMIT, (int64_t)max_bytes, 0, 0,
                              "name of %zu bytes is longer than the limit of %zu bytes", n,
                              max_bytes);
    size_t bad = 0;
    if (!cordon__utf8_valid(s, n, &bad))
        return cordon__err_at(err, CORDON_E_UTF8, (int64_t)bad, 0, 0,
                              "name is not valid UTF-8 at byte offset %zu", bad);
    if (n > UINT32_MAX / 8)
        return cordon__err(err, CORDON_E_LIMIT, "name too long");
    int rc = tokenize(a, s, n);
    if (rc == CORDON_OK) {
        type_tokens(a, type_hint);
        rc = finish(a);
    }
    if (rc != CORDON_OK) {
        a->ntok = 0;
        a->text_len = 0;
        if (a->text)
            a->text[0] = 0;
        return cordon__err(err, rc, "analyze: out of memory");
    }
    return CORDON_OK;
}

const char *cordon__legal_class_name(int cls)
{
    static const char *const names[] = {
        NULL, "LLC", "JSC", "LP", "PLC", "CORP", "COOP", "FOUNDATION", "TRUST",
        "PARTNERSHIP", "SOLE", "STATE", "BRANCH", "ASSOCIATION", "COMPANY", "OTHER"};
    if (cls <= 0 || cls >= CORDON__LEGAL_NCLASS)
        return NULL;
    return names[cls];
}

const char *cordon__token_kind_name(int kind)
{
    static const char *const names[] = {"word", "legal", "honorific", "particle",
                                        "stopword", "number", "initial"};
    if (kind < 0 || kind > CORDON__TOK_INITIAL)
        return "unknown";
    return names[kind];
}

const char *cordon__script_name(int script)
{
    static const char *const names[] = {"common", "latin", "cyrillic", "greek", "armenian",
                                        "georgian", "hangul", "arabic", "hebrew", "han",
                                        "kana", "thai", "other", "indic"};
    if (script < 0 || script > CORDON__SCRIPT_INDIC)
        return "other";
    return names[script];
}
