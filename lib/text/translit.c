/*
 * translit.c — transliteration of single letters to Latin ASCII.
 *
 * One row per LOWER-CASE letter, sorted by code point (test_text checks the
 * order). Upper-case input is lower-cased with utf8proc before the lookup;
 * letters not found here are decomposed (NFKD, marks stripped) and the
 * decomposed letters are looked up again, so accented forms (ά, ѓ, ...) need no
 * rows of their own. Context rules (Ukrainian г/и, Greek ου, Armenian ու,
 * Arabic/Hebrew vowel letters, Hangul syllables) live in text_translit_ctx()
 * below. See doc/text.md.
 */
#include "text/text_int.h"

typedef struct tl_row {
    uint32_t cp;
    const char *latin;
} tl_row;

static const tl_row tl_rows[] = {
    /* ---- Latin special letters (no decomposition in Unicode) ---- */
    {0x00DF, "ss"},  /* ß */
    {0x00E6, "ae"},  /* æ */
    {0x00F0, "d"},   /* ð */
    {0x00F8, "o"},   /* ø */
    {0x00FE, "th"},  /* þ */
    {0x0111, "d"},   /* đ */
    {0x0127, "h"},   /* ħ */
    {0x0131, "i"},   /* ı dotless i */
    {0x0138, "k"},   /* ĸ */
    {0x0142, "l"},   /* ł */
    {0x014B, "ng"},  /* ŋ */
    {0x0153, "oe"},  /* œ */
    {0x0167, "t"},   /* ŧ */
    {0x0180, "b"},   /* ƀ */
    {0x0192, "f"},   /* ƒ */
    {0x01DD, "e"},   /* ǝ */
    {0x0259, "e"},   /* ə (Azerbaijani) */
    {0x0268, "i"},   /* ɨ */
    /* ---- Greek (ELOT 743 / UN, simplified; υ context rule in code) ---- */
    {0x03B1, "a"},   /* α */
    {0x03B2, "v"},   /* β */
    {0x03B3, "g"},   /* γ */
    {0x03B4, "d"},   /* δ */
    {0x03B5, "e"},   /* ε */
    {0x03B6, "z"},   /* ζ */
    {0x03B7, "i"},   /* η */
    {0x03B8, "th"},  /* θ */
    {0x03B9, "i"},   /* ι */
    {0x03BA, "k"},   /* κ */
    {0x03BB, "l"},   /* λ */
    {0x03BC, "m"},   /* μ */
    {0x03BD, "n"},   /* ν */
    {0x03BE, "x"},   /* ξ */
    {0x03BF, "o"},   /* ο */
    {0x03C0, "p"},   /* π */
    {0x03C1, "r"},   /* ρ */
    {0x03C2, "s"},   /* ς final sigma */
    {0x03C3, "s"},   /* σ */
    {0x03C4, "t"},   /* τ */
    {0x03C5, "y"},   /* υ (u after α, ε, ο: see code) */
    {0x03C6, "f"},   /* φ */
    {0x03C7, "ch"},  /* χ */
    {0x03C8, "ps"},  /* ψ */
    {0x03C9, "o"},   /* ω */
    /* ---- Cyrillic: Russian base; Ukrainian/Belarusian г/и in code ---- */
    {0x0430, "a"},   /* а */
    {0x0431, "b"},   /* б */
    {0x0432, "v"},   /* в */
    {0x0433, "g"},   /* г (h in uk/be) */
    {0x0434, "d"},   /* д */
    {0x0435, "e"},   /* е */
    {0x0436, "zh"},  /* ж */
    {0x0437, "z"},   /* з */
    {0x0438, "i"},   /* и (y in uk) */
    {0x0439, "y"},   /* й */
    {0x043A, "k"},   /* к */
    {0x043B, "l"},   /* л */
    {0x043C, "m"},   /* м */
    {0x043D, "n"},   /* н */
    {0x043E, "o"},   /* о */
    {0x043F, "p"},   /* п */
    {0x0440, "r"},   /* р */
    {0x0441, "s"},   /* с */
    {0x0442, "t"},   /* т */
    {0x0443, "u"},   /* у */
    {0x0444, "f"},   /* ф */
    {0x0445, "kh"},  /* х */
    {0x0446, "ts"},  /* ц */
    {0x0447, "ch"},  /* ч */
    {0x0448, "sh"},  /* ш */
    {0x0449, "shch"},/* щ */
    {0x044A, ""},    /* ъ hard sign */
    {0x044B, "y"},   /* ы */
    {0x044C, ""},    /* ь soft sign */
    {0x044D, "e"},   /* э */
    {0x044E, "yu"},  /* ю */
    {0x044F, "ya"},  /* я */
    {0x0450, "e"},   /* ѐ */
    {0x0451, "e"},   /* ё */
    {0x0452, "dj"},  /* ђ (sr) */
    {0x0453, "gj"},  /* ѓ (mk) */
    {0x0454, "ye"},  /* є (uk) */
    {0x0455, "dz"},  /* ѕ (mk) */
    {0x0456, "i"},   /* і (uk, be, kk) */
    {0x0457, "yi"},  /* ї (uk) */
    {0x0458, "j"},   /* ј (sr, mk) */
    {0x0459, "lj"},  /* љ (sr, mk) */
    {0x045A, "nj"},  /* њ (sr, mk) */
    {0x045B, "c"},   /* ћ (sr) */
    {0x045C, "kj"},  /* ќ (mk) */
    {0x045D, "i"},   /* ѝ (bg) */
    {0x045E, "u"},   /* ў (be) */
    {0x045F, "dz"},  /* џ (sr, mk) */
    {0x0491, "g"},   /* ґ (uk) */
    {0x0493, "gh"},  /* ғ (kk) */
    {0x049B, "q"},   /* қ (kk) */
    {0x049D, "k"},   /* ҝ */
    {0x04A3, "ng"},  /* ң (kk) */
    {0x04AF, "u"},   /* ү (kk) */
    {0x04B1, "u"},   /* ұ (kk) */
    {0x04B3, "kh"},  /* ҳ (tg, uz) */
    {0x04BB, "h"},   /* һ (kk) */
    {0x04C0, ""},    /* Ӏ palochka */
    {0x04CF, ""},    /* ӏ palochka */
    {0x04D9, "a"},   /* ә (kk) */
    {0x04E9, "o"},   /* ө (kk) */
    /* ---- Armenian (ու context rule in code) ---- */
    {0x0561, "a"},   /* ա */
    {0x0562, "b"},   /* բ */
    {0x0563, "g"},   /* գ */
    {0x0564, "d"},   /* դ */
    {0x0565, "e"},   /* ե */
    {0x0566, "z"},   /* զ */
    {0x0567, "e"},   /* է */
    {0x0568, "y"},   /* ը */
    {0x0569, "t"},   /* թ */
    {0x056A, "zh"},  /* ժ */
    {0x056B, "i"},   /* ի */
    {0x056C, "l"},   /* լ */
    {0x056D, "kh"},  /* խ */
    {0x056E, "ts"},  /* ծ */
    {0x056F, "k"},   /* կ */
    {0x0570, "h"},   /* հ */
    {0x0571, "dz"},  /* ձ */
    {0x0572, "gh"},  /* ղ */
    {0x0573, "ch"},  /* ճ */
    {0x0574, "m"},   /* մ */
    {0x0575, "y"},   /* յ */
    {0x0576, "n"},   /* ն */
    {0x0577, "sh"},  /* շ */
    {0x0578, "o"},   /* ո (ու = u) */
    {0x0579, "ch"},  /* չ */
    {0x057A, "p"},   /* պ */
    {0x057B, "j"},   /* ջ */
    {0x057C, "r"},   /* ռ */
    {0x057D, "s"},   /* ս */
    {0x057E, "v"},   /* վ */
    {0x057F, "t"},   /* տ */
    {0x0580, "r"},   /* ր */
    {0x0581, "ts"},  /* ց */
    {0x0582, "v"},   /* ւ */
    {0x0583, "p"},   /* փ */
    {0x0584, "k"},   /* ք */
    {0x0585, "o"},   /* օ */
    {0x0586, "f"},   /* ֆ */
    {0x0587, "ev"},  /* և */
    /* ---- Hebrew (unvocalized; vav/yod context rule in code) ---- */
    {0x05B4, "i"},   /* hiriq */
    {0x05B5, "e"},   /* tsere */
    {0x05B6, "e"},   /* segol */
    {0x05B7, "a"},   /* patah */
    {0x05B8, "a"},   /* qamats */
    {0x05B9, "o"},   /* holam */
    {0x05BB, "u"},   /* qubuts */
    {0x05D0, "a"},   /* א alef */
    {0x05D1, "b"},   /* ב bet */
    {0x05D2, "g"},   /* ג gimel */
    {0x05D3, "d"},   /* ד dalet */
    {0x05D4, "h"},   /* ה he */
    {0x05D5, "v"},   /* ו vav */
    {0x05D6, "z"},   /* ז zayin */
    {0x05D7, "kh"},  /* ח het */
    {0x05D8, "t"},   /* ט tet */
    {0x05D9, "y"},   /* י yod */
    {0x05DA, "kh"},  /* ך final kaf */
    {0x05DB, "k"},   /* כ kaf */
    {0x05DC, "l"},   /* ל lamed */
    {0x05DD, "m"},   /* ם final mem */
    {0x05DE, "m"},   /* מ mem */
    {0x05DF, "n"},   /* ן final nun */
    {0x05E0, "n"},   /* נ nun */
    {0x05E1, "s"},   /* ס samekh */
    {0x05E2, ""},    /* ע ayin */
    {0x05E3, "f"},   /* ף final pe */
    {0x05E4, "p"},   /* פ pe */
    {0x05E5, "ts"},  /* ץ final tsadi */
    {0x05E6, "ts"},  /* צ tsadi */
    {0x05E7, "k"},   /* ק qof */
    {0x05E8, "r"},   /* ר resh */
    {0x05E9, "sh"},  /* ש shin */
    {0x05EA, "t"},   /* ת tav */
    /* ---- Arabic, Persian, Urdu (vowel letters: context rule in code) ---- */
    {0x0621, ""},    /* ء hamza */
    {0x0622, "a"},   /* آ */
    {0x0623, "a"},   /* أ */
    {0x0624, ""},    /* ؤ */
    {0x0625, "i"},   /* إ */
    {0x0626, ""},    /* ئ */
    {0x0627, "a"},   /* ا alif */
    {0x0628, "b"},   /* ب */
    {0x0629, "a"},   /* ة ta marbuta */
    {0x062A, "t"},   /* ت */
    {0x062B, "th"},  /* ث */
    {0x062C, "j"},   /* ج */
    {0x062D, "h"},   /* ح */
    {0x062E, "kh"},  /* خ */
    {0x062F, "d"},   /* د */
    {0x0630, "dh"},  /* ذ */
    {0x0631, "r"},   /* ر */
    {0x0632, "z"},   /* ز */
    {0x0633, "s"},   /* س */
    {0x0634, "sh"},  /* ش */
    {0x0635, "s"},   /* ص */
    {0x0636, "d"},   /* ض */
    {0x0637, "t"},   /* ط */
    {0x0638, "z"},   /* ظ */
    {0x0639, ""},    /* ع ayn */
    {0x063A, "gh"},  /* غ */
    {0x0640, ""},    /* ـ tatweel */
    {0x0641, "f"},   /* ف */
    {0x0642, "q"},   /* ق */
    {0x0643, "k"},   /* ك */
    {0x0644, "l"},   /* ل */
    {0x0645, "m"},   /* م */
    {0x0646, "n"},   /* ن */
    {0x0647, "h"},   /* ه */
    {0x0648, "w"},   /* و (u inside a word) */
    {0x0649, "a"},   /* ى alif maqsura */
    {0x064A, "y"},   /* ي (i inside a word) */
    {0x064B, ""},    /* fathatan */
    {0x064C, ""},    /* dammatan */
    {0x064D, ""},    /* kasratan */
    {0x064E, "a"},   /* fatha */
    {0x064F, "u"},   /* damma */
    {0x0650, "i"},   /* kasra */
    {0x0651, ""},    /* shadda */
    {0x0652, ""},    /* sukun */
    {0x0670, "a"},   /* superscript alif */
    {0x0671, "a"},   /* ٱ alif wasla */
    {0x0679, "t"},   /* ٹ (ur) */
    {0x067E, "p"},   /* پ (fa, ur) */
    {0x0686, "ch"},  /* چ (fa, ur) */
    {0x0688, "d"},   /* ڈ (ur) */
    {0x0691, "r"},   /* ڑ (ur) */
    {0x0698, "zh"},  /* ژ (fa) */
    {0x06A9, "k"},   /* ک (fa, ur) */
    {0x06AF, "g"},   /* گ (fa, ur) */
    {0x06BA, "n"},   /* ں (ur) */
    {0x06BE, "h"},   /* ھ (ur) */
    {0x06C1, "h"},   /* ہ (ur) */
    {0x06C2, "h"},   /* ۂ (ur) */
    {0x06C3, "a"},   /* ۃ (ur) */
    {0x06CC, "y"},   /* ی (fa, ur; i inside a word) */
    {0x06D2, "e"},   /* ے (ur) */
    {0x06D3, "e"},   /* ۓ (ur) */
    {0x06D5, "e"},   /* ە */
    /* ---- Georgian (Mkhedruli; Mtavruli is lower-cased first) ---- */
    {0x10D0, "a"},   /* ა */
    {0x10D1, "b"},   /* ბ */
    {0x10D2, "g"},   /* გ */
    {0x10D3, "d"},   /* დ */
    {0x10D4, "e"},   /* ე */
    {0x10D5, "v"},   /* ვ */
    {0x10D6, "z"},   /* ზ */
    {0x10D7, "t"},   /* თ */
    {0x10D8, "i"},   /* ი */
    {0x10D9, "k"},   /* კ */
    {0x10DA, "l"},   /* ლ */
    {0x10DB, "m"},   /* მ */
    {0x10DC, "n"},   /* ნ */
    {0x10DD, "o"},   /* ო */
    {0x10DE, "p"},   /* პ */
    {0x10DF, "zh"},  /* ჟ */
    {0x10E0, "r"},   /* რ */
    {0x10E1, "s"},   /* ს */
    {0x10E2, "t"},   /* ტ */
    {0x10E3, "u"},   /* უ */
    {0x10E4, "p"},   /* ფ */
    {0x10E5, "k"},   /* ქ */
    {0x10E6, "gh"},  /* ღ */
    {0x10E7, "q"},   /* ყ */
    {0x10E8, "sh"},  /* შ */
    {0x10E9, "ch"},  /* ჩ */
    {0x10EA, "ts"},  /* ც */
    {0x10EB, "dz"},  /* ძ */
    {0x10EC, "ts"},  /* წ */
    {0x10ED, "ch"},  /* ჭ */
    {0x10EE, "kh"},  /* ხ */
    {0x10EF, "j"},   /* ჯ */
    {0x10F0, "h"},   /* ჰ */
};

const char *cordon__translit_row(uint32_t lc)
{
    size_t lo = 0, hi = sizeof tl_rows / sizeof tl_rows[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tl_rows[mid].cp == lc)
            return tl_rows[mid].latin;
        if (tl_rows[mid].cp < lc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t cordon__translit_nrows(void)
{
    return sizeof tl_rows / sizeof tl_rows[0];
}

uint32_t cordon__translit_row_cp(size_t i)
{
    return tl_rows[i].cp;
}

/* ---- Hangul, computed from the syllable --------------------------------- */
/* Consonants as in the Revised Romanization; the vowels eo, yeo and eu
 * written o, yo and u, as McCune-Reischauer without its breves, which is how
 * the sanctions lists spell Korean names ("Jong", "Chol", "Un"); a family
 * name's initial ㄱ and ㅂ as k and p ("Kim", "Pak"), and 이 as "ri". */

static const char *const hg_initial[19] = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
    "ss", "", "j", "jj", "ch", "k", "t", "p", "h"};
static const char *const hg_vowel[21] = {
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
static const char *const hg_final[28] = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

size_t cordon__hangul_romanize(uint32_t cp, int prev_final_l, int family, char *out)
{
    uint32_t s = cp - 0xAC00u;
    unsigned l = s / 588u, v = (s % 588u) / 28u, t = s % 28u;
    size_t n = 0;
    const char *p = hg_initial[l];
    if (l == 5 && prev_final_l) /* ㄹ after final ㄹ is written l (ll) */
        p = "l";
    if (family && l == 0)
        p = "k";
    else if (family && l == 7)
        p = "p";
    else if (family && l == 11 && v == 20 && t == 0)
        p = "r"; /* the family name 이, 리 in the North, "Ri" on the lists */
    for (; *p; p++)
        out[n++] = *p;
    for (p = hg_vowel[v]; *p; p++)
        out[n++] = *p;
    for (p = hg_final[t]; *p; p++)
        out[n++] = *p;
    return n;
}

int cordon__hangul_final_is_l(uint32_t cp)
{
    return (cp - 0xAC00u) % 28u == 8u;
}

/* ---- Brahmic scripts laid out like ISCII -------------------------------- */
/* Devanagari (U+0900), Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
 * Kannada and Malayalam (U+0D00) share one layout: a letter's place in its
 * 128-code block says what it is. Consonants carry an inherent "a" unless a
 * vowel sign or a virama follows, or the word ends (Hindi/Bengali drop it
 * there: पुतिन "putin"); long vowels are written single (आ/ा "a"), as
 * names are romanised in the press. */

static const char *const in_vowel[0x15] = { /* independent vowels, 0x00-0x14 */
    NULL, "n", "n", "h", "a", "a", "a", "i", "i", "u", "u",
    "ri", "l", "e", "e", "e", "ai", "o", "o", "o", "au"};
static const char *const in_cons[0x25] = { /* 0x15-0x39 */
    "k", "kh", "g", "gh", "n", "ch", "chh", "j", "jh", "n",  /* ka .. nya */
    "t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n",     /* tta .. na */
    "n", "p", "ph", "b", "bh", "m", "y", "r", "r", "l",       /* nnna .. la */
    "l", "l", "v", "sh", "sh", "s", "h"};                     /* lla .. ha */
static const char *const in_sign[0x0F] = { /* vowel signs, 0x3E-0x4C */
    "a", "i", "i", "u", "u", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au"};
/* consonant + nukta, precomposed at 0x58-0x5F or written as two code
 * points: the base consonants and what they become */
static const uint8_t in_nukta_base[8] = {0x15, 0x16, 0x17, 0x1C, 0x21, 0x22, 0x2B, 0x2F};
static const char *const in_nukta_cons[8] = {"q", "kh", "gh", "z", "r", "rh", "f", "y"};

enum { IN_NONE, IN_CONS, IN_VOWEL, IN_SIGN, IN_VIRAMA, IN_NUKTA, IN_MARK };

static int in_class(uint32_t c, const char **lat)
{
    *lat = NULL;
    if (c < 0x0900 || c >= 0x0D80)
        return IN_NONE;
    uint32_t o = c & 0x7F;
    if (o >= 0x01 && o <= 0x03) {
        *lat = in_vowel[o];
        return IN_MARK;
    }
    if (o >= 0x04 && o <= 0x14) {
        *lat = in_vowel[o];
        return IN_VOWEL;
    }
    if (o >= 0x15 && o <= 0x39) {
        *lat = in_cons[o - 0x15];
        return IN_CONS;
    }
    if (o == 0x3C)
        return IN_NUKTA;
    if (o == 0x3D) { /* avagraha */
        *lat = "";
        return IN_MARK;
    }
    if (o >= 0x3E && o <= 0x4C) {
        *lat = in_sign[o - 0x3E];
        return IN_SIGN;
    }
    if (o == 0x4D)
        return IN_VIRAMA;
    if (o >= 0x58 && o <= 0x5F) {
        *lat = in_nukta_cons[o - 0x58];
        return IN_CONS;
    }
    if (o == 0x60 || o == 0x61) {
        *lat = o == 0x60 ? "ri" : "l";
        return IN_VOWEL;
    }
    if (o == 0x62 || o == 0x63) {
        *lat = "l";
        return IN_SIGN;
    }
    if (c == 0x09CE) { /* Bengali khanda ta: no inherent vowel */
        *lat = "t";
        return IN_SIGN;
    }
    if (c == 0x0A70 || c == 0x0A71) { /* Gurmukhi tippi (n), addak (doubling) */
        *lat = c == 0x0A70 ? "n" : "";
        return IN_MARK;
    }
    if (c >= 0x0D7A && c <= 0x0D7F) { /* Malayalam chillu letters */
        static const char *const chillu[6] = {"n", "n", "r", "l", "l", "k"};
        *lat = chillu[c - 0x0D7A];
        return IN_SIGN;
    }
    return IN_NONE;
}

int cordon__indic_romanize(uint32_t prev, uint32_t c, uint32_t next, uint32_t next2, char *out,
                           int *eat_next)
{
    const char *lat;
    *eat_next = 0;
    int k = in_class(c, &lat);
    if (k == IN_NONE)
        return -1;
    if (k == IN_NUKTA || k == IN_VIRAMA) /* after their consonant (handled there) */
        return 0;
    size_t n = 0;
    if (k == IN_CONS && next == (c & ~0x7Fu) + 0x3C) { /* nukta: ka -> qa, ja -> za, pha -> fa */
        for (int i = 0; i < 8; i++)
            if ((c & 0x7F) == in_nukta_base[i])
                lat = in_nukta_cons[i];
        *eat_next = 1;
        next = next2;
    }
    for (const char *p = lat; *p; p++)
        out[n++] = *p;
    if (k == IN_CONS) {
        /* the inherent vowel, unless a sign or virama follows, or the word
         * ends here after a single consonant (a final cluster keeps it:
         * नरेन्द्र "narendra") */
        const char *dummy;
        int nk = (next & ~0x7Fu) == (c & ~0x7Fu) ? in_class(next, &dummy) : IN_NONE;
        bool cluster = prev == (c & ~0x7Fu) + 0x4D;
        if (nk == IN_CONS || nk == IN_VOWEL || nk == IN_MARK || (nk == IN_NONE && cluster))
            out[n++] = 'a';
    }
    return (int)n;
}
