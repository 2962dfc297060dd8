/* country.c — ISO 3166-1 country normalisation (names, variants, codes).
 *
 * The table is generated once by data/rules/gen_countries.sh into
 * country_data.h; lookups fold the input to a key of [a-z0-9] and
 * binary-search a sorted key table. No allocation, no globals. */
#include "classify/classify.h"

#include <string.h>

#include "classify/country_data.h"

#define KEY_MAX 160

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Fold s[0..n) into key: lower-case ASCII letters and digits; anything else
 * separates tokens; a leading token "the" is dropped. Returns the key length,
 * 0 when empty, too long or not valid UTF-8. *letters_only tells whether the
 * input had only ASCII letters and separators. Parenthesised parts are skipped
 * when skip_paren is set. */
static size_t norm_key(const char *s, size_t n, char *key, bool skip_paren, bool *letters_only)
{
    size_t k = 0, tok_start = 0, ntok = 0, i = 0;
    int depth = 0;
    bool in_tok = false;
    *letters_only = true;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (c < 0x80) {
            cp = c;
            i++;
        } else {
            cp = cordon__utf8_next(s, n, &i);
            *letters_only = false;
        }
        if (cp == '(') {
            depth++;
        } else if (cp == ')') {
            if (depth > 0)
                depth--;
        }
        if (skip_paren && (depth > 0 || cp == ')')) {
            in_tok = false;
            continue;
        }
        const char *f;
        char one[2] = {0, 0};
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z')
                one[0] = (char)(cp + 32);
            else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
                one[0] = (char)cp;
            if (cp >= '0' && cp <= '9')
                *letters_only = false;
            f = one;
        } else if (cp >= 0xC0 && cp < 0x250) {
            f = cordon__fold_latin[cp - 0xC0];
        } else {
            f = "";
        }
        if (!*f) {
            in_tok = false;
            continue;
        }
        if (!in_tok) {
            /* a new token: drop a leading "the" */
            if (ntok == 1 && k == 3 && memcmp(key, "the", 3) == 0)
                k = 0;
            tok_start = k;
            ntok++;
            in_tok = true;
        }
        size_t fl = strlen(f);
        if (k + fl >= KEY_MAX)
            return 0;
        memcpy(key + k, f, fl);
        k += fl;
    }
    (void)tok_start;
    key[k] = '\0';
    return k;
}

static const cordon__country *by_iso2(const char *two)
{
    size_t lo = 0, hi = CORDON__NCOUNTRIES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = memcmp(cordon__countries[mid].iso2, two, 2);
        if (c == 0)
            return &cordon__countries[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const char *by_key(const char *key)
{
    size_t lo = 0, hi = CORDON__NCOUNTRY_KEYS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(cordon__country_keys[mid].key, key);
        if (c == 0)
            return cordon__country_keys[mid].iso2;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const char *lookup_one(const char *s, size_t n)
{
    while (n > 0 && is_space((unsigned char)s[0])) {
        s++;
        n--;
    }
    while (n > 0 && is_space((unsigned char)s[n - 1]))
        n--;
    if (n == 0)
        return NULL;
    /* numeric code: 1 to 3 digits */
    size_t d = 0;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d == n) {
        if (n > 3)
            return NULL;
        unsigned v = 0;
        for (size_t i = 0; i < n; i++)
            v = v * 10 + (unsigned)(s[i] - '0');
        uint8_t ix = cordon__country_by_num[v];
        return ix == 255 ? NULL : cordon__countries[ix].iso2;
    }
    char key[KEY_MAX];
    bool letters;
    size_t k = norm_key(s, n, key, false, &letters);
    if (k == 0)
        return NULL;
    if (k == 2 && letters) {
        char up[2] = {(char)(key[0] - 32), (char)(key[1] - 32)};
        const cordon__country *c = by_iso2(up);
        if (c)
            return c->iso2;
        if (up[0] == 'X' && up[1] == 'K')
            return "XK";
    }
    const char *r = by_key(key);
    if (r)
        return r;
    if (memchr(s, '(', n)) {
        k = norm_key(s, n, key, true, &letters);
        if (k > 0 && (r = by_key(key)) != NULL)
            return r;
    }
    return NULL;
}

const char *cordon__country_iso2(const char *s, size_t n)
{
    if (!s)
        return NULL;
    n = cordon__strlen(s, n);
    if (n == 0 || n > 512)
        return NULL;
    size_t bad;
    if (!cordon__utf8_valid(s, n, &bad))
        return NULL;
    const char *r = lookup_one(s, n);
    if (r)
        return r;
    /* bilingual or alternative forms "Syria / Syrie", "Burma/Myanmar" */
    const char *slash = memchr(s, '/', n);
    if (slash) {
        size_t left = (size_t)(slash - s);
        r = lookup_one(s, left);
        if (r)
            return r;
        return cordon__country_iso2(slash + 1, n - left - 1);
    }
    return NULL;
}

const char *cordon__country_name(const char *iso2)
{
    if (!iso2 || !iso2[0] || !iso2[1] || iso2[2])
        return NULL;
    char up[2];
    for (int i = 0; i < 2; i++) {
        char c = iso2[i];
        up[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    const cordon__country *c = by_iso2(up);
    if (c)
        return c->name;
    if (up[0] == 'X' && up[1] == 'K')
        return "Kosovo";
    return NULL;
}

const char *cordon__country_iso3(const char *iso2)
{
    if (!iso2 || !iso2[0] || !iso2[1] || iso2[2])
        return NULL;
    char up[2];
    for (int i = 0; i < 2; i++) {
        char c = iso2[i];
        up[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    const cordon__country *c = by_iso2(up);
    if (c)
        return c->iso3;
    if (up[0] == 'X' && up[1] == 'K')
        return "XKX";
    return NULL;
}

size_t cordon__country_count(void)
{
    return CORDON__NCOUNTRIES;
}

const cordon__country *cordon__country_at(size_t i)
{
    return i < CORDON__NCOUNTRIES ? &cordon__countries[i] : NULL;
}

CORDON_API const char *cordon_country_iso2(const char *s, size_t len)
{
    return cordon__country_iso2(s, len);
}

CORDON_API const char *cordon_country_name(const char *iso2)
{
    return cordon__country_name(iso2);
}
