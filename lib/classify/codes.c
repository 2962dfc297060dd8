/* codes.c — syntax and normalisation of control and tariff codes:
 * HS (2/4/6 digits), EU CN (8), US HTS (10), US ECCN, EU Annex I, USML.
 * See doc/rules.md ("Code syntaxes"). */
#include "classify/classify.h"

#include <stdio.h>
#include <strings.h>
#include <string.h>

#define NORM_MAX 64

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }
static char upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c; }
static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

const char *cordon__code_kind_name(int kind)
{
    switch (kind) {
    case CORDON_CODE_HS: return "hs";
    case CORDON_CODE_CN: return "cn";
    case CORDON_CODE_HTS: return "hts";
    case CORDON_CODE_ECCN: return "eccn";
    case CORDON_CODE_EU_ANNEX1: return "eu_annex1";
    case CORDON_CODE_USML: return "usml";
    case CORDON_CODE_AUTO: return "auto";
    default: return NULL;
    }
}

/* A parse error at input column base+pos+1; fmt takes a %s and then the column %u. */
#define PERR(err, base, pos, fmt, what)                                                    \
    cordon__err_at((err), CORDON_E_PARSE, (int64_t)((base) + (pos)), 1,                    \
                   (int64_t)((base) + (pos) + 1), fmt, (what), (unsigned)((base) + (pos) + 1))

/* ---- tariff codes ------------------------------------------------------------ */

static int tariff(const char *s, size_t n, size_t base, int kind, char *out, int *detected,
                  cordon_error *err)
{
    char d[16];
    size_t nd = 0;
    bool last_sep = true;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (is_digit(c)) {
            if (nd >= 12)
                return cordon__err_at(err, CORDON_E_PARSE, (int64_t)(base + i), 1,
                                      (int64_t)(base + i + 1),
                                      "tariff code too long: more than 10 digits at column %u",
                                      (unsigned)(base + i + 1));
            d[nd++] = c;
            last_sep = false;
        } else if (c == 'e' || c == 'E') {
            return cordon__err_at(err, CORDON_E_PARSE, (int64_t)(base + i), 1,
                                  (int64_t)(base + i + 1),
                                  "spreadsheet-damaged tariff code '%.*s': scientific notation "
                                  "at column %u (digits were lost; re-export the column as text)",
                                  (int)n, s, (unsigned)(base + i + 1));
        } else if (c == '.' || c == ' ' || c == '-') {
            if (last_sep)
                return cordon__err_at(err, CORDON_E_PARSE, (int64_t)(base + i), 1,
                                      (int64_t)(base + i + 1),
                                      "misplaced separator '%c' in tariff code at column %u", c,
                                      (unsigned)(base + i + 1));
            last_sep = true;
        } else {
            return cordon__err_at(err, CORDON_E_PARSE, (int64_t)(base + i), 1,
                                  (int64_t)(base + i + 1),
                                  "unexpected character '%c' in tariff code at column %u",
                                  (c >= 0x20 && c < 0x7f) ? c : '?', (unsigned)(base + i + 1));
        }
    }
    if (last_sep && n > 0)
        return cordon__err_at(err, CORDON_E_PARSE, (int64_t)(base + n - 1), 1, (int64_t)(base + n),
                              "tariff code ends with a separator at column %u",
                              (unsigned)(base + n));
    int k = kind;
    if (k == CORDON_CODE_AUTO) {
        if (nd == 2 || nd == 4 || nd == 6)
            k = CORDON_CODE_HS;
        else if (nd == 8)
            k = CORDON_CODE_CN;
        else if (nd == 10)
            k = CORDON_CODE_HTS;
    }
    bool ok = (k == CORDON_CODE_HS && (nd == 2 || nd == 4 || nd == 6)) ||
              (k == CORDON_CODE_CN && nd == 8) || (k == CORDON_CODE_HTS && nd == 10);
    if (!ok) {
        const char *want = k == CORDON_CODE_HS ? "2, 4 or 6" : k == CORDON_CODE_CN ? "8"
                         : k == CORDON_CODE_HTS ? "10" : "2, 4, 6 (HS), 8 (CN) or 10 (HTS)";
        if (nd % 2 == 1)
            return cordon__err_at(err, CORDON_E_PARSE, (int64_t)base, 1, (int64_t)base + 1,
                                  "tariff code '%.*s' has %u digits, expected %s: an odd length "
                                  "usually means a leading zero was lost (e.g. by a spreadsheet); "
                                  "refusing to guess",
                                  (int)n, s, (unsigned)nd, want);
        return cordon__err_at(err, CORDON_E_PARSE, (int64_t)base, 1, (int64_t)base + 1,
                              "tariff code '%.*s' has %u digits, expected %s", (int)n, s,
                              (unsigned)nd, want);
    }
    memcpy(out, d, nd);
    out[nd] = '\0';
    *detected = k;
    return CORDON_OK;
}

/* ---- ECCN / EU Annex I ------------------------------------------------------- */

/* Sub-items after the 5-character base: ".a.5.a.3", "a5a3", ".A.5" -> ".a.5.a.3".
 * Returns bytes written to out or -1 (err filled). */
static int subitems(const char *s, size_t n, size_t base, char *out, size_t room, cordon_error *err)
{
    size_t o = 0, i = 0;
    while (i < n) {
        if (s[i] == '.') {
            i++;
            if (i == n || s[i] == '.') {
                PERR(err, base, i == n ? i - 1 : i,
                     "empty sub-item in control code%s at column %u", "");
                return -1;
            }
        }
        size_t j = i;
        if (is_digit(s[i])) {
            while (j < n && is_digit(s[j]))
                j++;
        } else if (is_alpha(s[i])) {
            while (j < n && is_alpha(s[j]))
                j++;
            if (j - i > 3) {
                PERR(err, base, i, "sub-item '%s' too long at column %u", "letters");
                return -1;
            }
        } else {
            char what[2] = {(s[i] >= 0x20 && s[i] < 0x7f) ? s[i] : '?', 0};
            PERR(err, base, i, "unexpected character '%s' in control code sub-item at column %u",
                 what);
            return -1;
        }
        if (o + (j - i) + 2 >= room) {
            cordon__err_at(err, CORDON_E_LIMIT, (int64_t)(base + i), 1, (int64_t)(base + i + 1),
                           "control code too long");
            return -1;
        }
        out[o++] = '.';
        for (size_t k = i; k < j; k++)
            out[o++] = lower(s[k]);
        i = j;
    }
    out[o] = '\0';
    return (int)o;
}

static int eccn(const char *s, size_t n, size_t base, int kind, char *out, int *detected,
                cordon_error *err)
{
    /* EAR99: items subject to the EAR but not on the CCL */
    if (n == 5 && strncasecmp(s, "EAR99", 5) == 0) {
        if (kind == CORDON_CODE_EU_ANNEX1)
            return PERR(err, base, 0, "'%s' is a US designation, not an EU Annex I code (column %u)",
                        "EAR99");
        strcpy(out, "EAR99");
        *detected = CORDON_CODE_ECCN;
        return CORDON_OK;
    }
    if (n < 5)
        return cordon__err_at(err, CORDON_E_PARSE, (int64_t)base, 1, (int64_t)base + 1,
                              "control code '%.*s' too short: expected category digit, group "
                              "letter and three digits (e.g. 5A002)",
                              (int)n, s);
    if (!is_digit(s[0]))
        return PERR(err, base, 0, "control code must start with a category digit 0-9 (%scolumn %u)",
                    "");
    char g = upper(s[1]);
    bool us_only = false;
    if (g == 'X' || g == 'Y')
        us_only = true; /* 9x515 wildcard group, 0Y521 series */
    else if (g < 'A' || g > 'E')
    {
        char what[2] = {(s[1] >= 0x20 && s[1] < 0x7f) ? s[1] : '?', 0};
        return PERR(err, base, 1, "invalid product group '%s' at column %u: expected A-E", what);
    }
    for (int i = 2; i < 5; i++)
        if (!is_digit(s[i]))
            return PERR(err, base, (size_t)i,
                        "expected a digit in control code at %scolumn %u (e.g. 5A002)", "");
    char regime = s[2];
    if (regime == '5' || regime == '6' || regime == '9')
        us_only = true; /* 500/600 series, anti-terrorism 9xx entries */
    if (g == 'Y' && !(s[2] == '5' && s[3] == '2' && s[4] == '1'))
        return PERR(err, base, 1, "group 'Y' is only used by the %s0Y521 series (column %u)", "");
    if (g == 'X' && regime != '5' && regime != '6')
        return PERR(err, base, 1,
                    "wildcard group 'x' is only used for 500/600-series entries%s (column %u)", "");
    if (us_only && kind == CORDON_CODE_EU_ANNEX1)
        return PERR(err, base, 1, "'%s' is a US-only ECCN form, not an EU Annex I code (column %u)",
                    "");
    if (kind == CORDON_CODE_EU_ANNEX1 && regime > '4')
        return PERR(err, base, 2, "EU Annex I regime digit must be 0-4%s (column %u)", "");
    out[0] = s[0];
    out[1] = g == 'X' ? 'x' : g;
    out[2] = s[2];
    out[3] = s[3];
    out[4] = s[4];
    int w = subitems(s + 5, n - 5, base + 5, out + 5, NORM_MAX - 5, err);
    if (w < 0)
        return err ? err->code : CORDON_E_PARSE;
    if (kind == CORDON_CODE_AUTO)
        *detected = CORDON_CODE_ECCN;
    else
        *detected = kind;
    return CORDON_OK;
}

/* ---- USML -------------------------------------------------------------------- */

static int roman(const char *s, size_t n, size_t *used)
{
    static const char *const r[] = {"I", "II", "III", "IV", "V", "VI", "VII",
                                    "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                                    "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"};
    size_t k = 0;
    while (k < n && (upper(s[k]) == 'I' || upper(s[k]) == 'V' || upper(s[k]) == 'X'))
        k++;
    if (k == 0 || (k < n && is_alpha(s[k])))
        return 0;
    for (int v = 21; v >= 1; v--) {
        const char *t = r[v - 1];
        if (strlen(t) == k && strncasecmp(s, t, k) == 0) {
            *used = k;
            return v;
        }
    }
    return 0;
}

static const char *const roman_out[] = {"", "I", "II", "III", "IV", "V", "VI", "VII",
                                        "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                                        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"};

static bool word_at(const char *s, size_t n, size_t i, const char *w, size_t *after)
{
    size_t l = strlen(w);
    if (i + l > n || strncasecmp(s + i, w, l) != 0)
        return false;
    if (i + l < n && is_alpha(s[i + l]))
        return false;
    size_t j = i + l;
    while (j < n && (is_ws(s[j]) || s[j] == '.'))
        j++;
    *after = j;
    return true;
}

static int usml(const char *s, size_t n, size_t base, char *out, int *detected, cordon_error *err)
{
    size_t i = 0, a;
    if (word_at(s, n, i, "USML", &a))
        i = a;
    if (word_at(s, n, i, "Category", &a) || word_at(s, n, i, "Cat", &a))
        i = a;
    size_t used = 0;
    int cat = roman(s + i, n - i, &used);
    if (cat == 0)
        return PERR(err, base, i,
                    "expected a USML category in roman numerals I-XXI at %scolumn %u", "");
    i += used;
    int o = snprintf(out, NORM_MAX, "USML %s", roman_out[cat]);
    int level = 0;
    while (i < n) {
        while (i < n && is_ws(s[i]))
            i++;
        if (i == n)
            break;
        if (s[i] != '(')
            return PERR(err, base, i, "expected '(' opening a USML paragraph at %scolumn %u", "");
        size_t j = i + 1;
        while (j < n && (is_alpha(s[j]) || is_digit(s[j])))
            j++;
        if (j == i + 1 || j >= n || s[j] != ')' || j - i - 1 > 6)
            return PERR(err, base, i, "malformed USML paragraph at %scolumn %u (e.g. XI(a)(3))", "");
        if (o + (int)(j - i) + 2 >= NORM_MAX)
            return cordon__err(err, CORDON_E_LIMIT, "USML designation too long");
        out[o++] = '(';
        for (size_t k = i + 1; k < j; k++)
            out[o++] = level == 0 ? lower(s[k]) : s[k];
        out[o++] = ')';
        out[o] = '\0';
        level++;
        i = j + 1;
    }
    *detected = CORDON_CODE_USML;
    return CORDON_OK;
}

/* ---- dispatch ------------------------------------------------------------------ */

int cordon__code_norm(const char *code, size_t len, int kind, char *out, int *detected,
                      cordon_error *err)
{
    size_t b = 0, n = len;
    while (b < n && is_ws(code[b]))
        b++;
    while (n > b && is_ws(code[n - 1]))
        n--;
    const char *s = code + b;
    n -= b;
    if (n == 0)
        return cordon__err_at(err, CORDON_E_PARSE, 0, 1, 1, "empty code");
    if (n > 128)
        return cordon__err(err, CORDON_E_LIMIT, "code longer than 128 bytes");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || (unsigned char)s[i] < 0x20)
            return PERR(err, b, i, "unexpected byte in code (%snon-ASCII) at column %u", "");
    switch (kind) {
    case CORDON_CODE_HS:
    case CORDON_CODE_CN:
    case CORDON_CODE_HTS:
        return tariff(s, n, b, kind, out, detected, err);
    case CORDON_CODE_ECCN:
    case CORDON_CODE_EU_ANNEX1: {
        size_t a;
        if (word_at(s, n, 0, "ECCN", &a) && kind == CORDON_CODE_ECCN) {
            s += a;
            b += a;
            n -= a;
        }
        return eccn(s, n, b, kind, out, detected, err);
    }
    case CORDON_CODE_USML:
        return usml(s, n, b, out, detected, err);
    case CORDON_CODE_AUTO:
        break;
    default:
        return cordon__err(err, CORDON_E_INVALID, "unknown code kind %d", kind);
    }
    /* AUTO */
    size_t a;
    if (word_at(s, n, 0, "USML", &a) || word_at(s, n, 0, "Category", &a))
        return usml(s, n, b, out, detected, err);
    if (word_at(s, n, 0, "ECCN", &a))
        return eccn(s + a, n - a, b + a, kind, out, detected, err);
    if (n == 5 && strncasecmp(s, "EAR99", 5) == 0)
        return eccn(s, n, b, kind, out, detected, err);
    if (n >= 2 && is_digit(s[0]) && is_alpha(s[1]) && upper(s[1]) != 'E')
        return eccn(s, n, b, kind, out, detected, err);
    if (n >= 5 && is_digit(s[0]) && upper(s[1]) == 'E' && is_digit(s[2]) && is_digit(s[3]) &&
        is_digit(s[4]) && (n == 5 || s[5] == '.' || is_alpha(s[5])))
        return eccn(s, n, b, kind, out, detected, err); /* technology entries 1E001 */
    size_t r;
    if (roman(s, n, &r) > 0 && (r == n || s[r] == '(' || is_ws(s[r])))
        return usml(s, n, b, out, detected, err);
    return tariff(s, n, b, kind, out, detected, err);
}

CORDON_API int cordon_code_normalize(const char *code, size_t len, int kind,
                                     const cordon_options *opts, char *out, size_t out_size,
                                     int *detected_kind, cordon_error *err)
{
    if (!code || !out)
        return cordon__err(err, CORDON_E_INVALID, "code and out must not be NULL");
    len = cordon__strlen(code, len);
    const cordon_options *o = cordon__options_or_default(opts);
    if ((int64_t)len > o->max_name_bytes)
        return cordon__err(err, CORDON_E_LIMIT, "code longer than the name limit (%lld bytes)",
                           (long long)o->max_name_bytes);
    char buf[NORM_MAX + 8];
    int det = kind;
    int rc = cordon__code_norm(code, len, kind, buf, &det, err);
    if (rc != CORDON_OK)
        return rc;
    size_t l = strlen(buf);
    if (l + 1 > out_size)
        return cordon__err(err, CORDON_E_RANGE, "output buffer too small: %u bytes needed",
                           (unsigned)(l + 1));
    memcpy(out, buf, l + 1);
    if (detected_kind)
        *detected_kind = det;
    cordon__err_clear(err);
    return CORDON_OK;
}

const char *cordon__eccn_regime(const char *norm)
{
    if (!norm || strlen(norm) < 5)
        return NULL;
    if (strcmp(norm, "EAR99") == 0)
        return "EAR99: subject to the EAR, not on the CCL";
    if (norm[1] == 'Y')
        return "0Y521 series: temporarily controlled item";
    switch (norm[2]) {
    case '0': return "Wassenaar Arrangement (national security)";
    case '1': return "Missile Technology Control Regime";
    case '2': return "Nuclear Suppliers Group";
    case '3': return "Australia Group (chemical and biological)";
    case '4': return "Chemical Weapons Convention";
    case '5': return norm[3] == '1' && norm[4] == '5' ? "515 series: spacecraft and related items"
                                                     : "500 series / US unilateral controls";
    case '6': return "600 series: munitions items moved from the USML (Wassenaar Munitions List)";
    case '9': return "anti-terrorism and other US unilateral controls";
    default: return NULL;
    }
}
