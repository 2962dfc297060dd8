/* date.c — dates as sanctions lists write them (cordon__date_parse). */
#include "sources/entity.h"

#include <string.h>

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static bool is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Case-insensitive prefix match of word w (len wn) against lowercase lit. */
static bool word_is(const char *w, size_t wn, const char *lit)
{
    size_t ln = strlen(lit);
    if (wn != ln)
        return false;
    for (size_t i = 0; i < wn; i++)
        if (lower((unsigned char)w[i]) != lit[i])
            return false;
    return true;
}

/* Month from a word: full English name or 3+ letter prefix ("Sept" too). */
static int month_of(const char *w, size_t wn)
{
    static const char *const names[12] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    if (wn < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t ln = strlen(names[m]);
        if (wn > ln)
            continue;
        size_t i = 0;
        while (i < wn && lower((unsigned char)w[i]) == names[m][i])
            i++;
        if (i == wn)
            return m + 1;
    }
    return 0;
}

typedef struct tok {
    const char *p;
    size_t n;
    bool num;
    int val; /* numeric value (clamped) or month */
} tok;

static int days_in(int y, int m)
{
    static const int d[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 31;
    if (m == 2 && y > 0 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 28;
    return d[m - 1];
}

static bool year_ok(int y)
{
    return y >= 1000 && y <= 2999;
}

/* Parse a single date (no range words) from tokens. */
static bool single_date(const tok *t, size_t nt, cordon__date *d)
{
    int y = 0, m = 0, dd = 0;
    if (nt == 1) {
        if (!t[0].num)
            return false;
        if (t[0].n == 4) {
            y = t[0].val;
        } else if (t[0].n == 8) { /* yyyymmdd */
            const char *p = t[0].p;
            y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
            m = (p[4] - '0') * 10 + (p[5] - '0');
            dd = (p[6] - '0') * 10 + (p[7] - '0');
        } else {
            return false;
        }
    } else if (nt == 2) {
        /* yyyy-mm | mm/yyyy | Mon yyyy | yyyy Mon */
        if (t[0].num && t[0].n == 4 && (t[1].num ? t[1].n <= 2 : t[1].val > 0)) {
            y = t[0].val;
            m = t[1].val;
        } else if (t[1].num && t[1].n == 4 && (t[0].num ? t[0].n <= 2 : t[0].val > 0)) {
            y = t[1].val;
            m = t[0].val;
        } else {
            return false;
        }
    } else if (nt == 3) {
        if (t[0].num && t[0].n == 4) { /* yyyy-mm-dd, yyyy/mm/dd, yyyy Mon dd */
            y = t[0].val;
            m = t[1].val;
            dd = t[2].num ? t[2].val : -1;
        } else if (t[2].num && t[2].n == 4) {
            y = t[2].val;
            if (!t[1].num && t[0].num) { /* dd Mon yyyy */
                dd = t[0].val;
                m = t[1].val;
            } else if (!t[0].num && t[1].num) { /* Mon dd yyyy */
                m = t[0].val;
                dd = t[1].val;
            } else if (t[0].num && t[1].num) {
                int a = t[0].val, b = t[1].val;
                if (a > 12 && b <= 12) { /* dd/mm/yyyy */
                    dd = a;
                    m = b;
                } else if (b > 12 && a <= 12) { /* mm/dd/yyyy, unambiguous */
                    m = a;
                    dd = b;
                } else { /* ambiguous: day first (the form most lists use) */
                    dd = a;
                    m = b;
                }
            } else {
                return false;
            }
        } else {
            return false;
        }
    } else {
        return false;
    }
    if (!year_ok(y) || m < 0 || m > 12 || dd < 0 || dd > days_in(y, m))
        return false;
    if (m == 0)
        dd = 0; /* a day without a month means nothing */
    d->year = (int16_t)y;
    d->month = (int16_t)m;
    d->day = (int16_t)dd;
    return true;
}

bool cordon__date_parse(const char *s, size_t n, cordon__date *d)
{
    cordon__date out;
    memset(&out, 0, sizeof out);
    if (!s || !d)
        return false;
    n = cordon__strlen(s, n);
    if (n > 128)
        return false;
    tok t[16];
    size_t nt = 0;
    int split = -1; /* token index where the second date of a range starts */
    bool between = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (is_digit(c)) {
            size_t j = i;
            int v = 0;
            while (j < n && is_digit((unsigned char)s[j])) {
                if (v < 100000)
                    v = v * 10 + (s[j] - '0');
                j++;
            }
            if (nt == 16)
                return false;
            t[nt].p = s + i;
            t[nt].n = j - i;
            t[nt].num = true;
            t[nt].val = v;
            nt++;
            i = j;
        } else if (is_alpha(c)) {
            size_t j = i;
            while (j < n && is_alpha((unsigned char)s[j]))
                j++;
            const char *w = s + i;
            size_t wn = j - i;
            i = j;
            if (i < n && s[i] == '.')
                i++;
            if (word_is(w, wn, "circa") || word_is(w, wn, "ca") || word_is(w, wn, "c") ||
                word_is(w, wn, "approx") || word_is(w, wn, "approximately") ||
                word_is(w, wn, "about") || word_is(w, wn, "around")) {
                out.circa = 1;
                continue;
            }
            if (word_is(w, wn, "between") || word_is(w, wn, "from")) {
                between = true;
                continue;
            }
            if (word_is(w, wn, "to") || word_is(w, wn, "and") || word_is(w, wn, "till") ||
                word_is(w, wn, "until")) {
                if (split >= 0 || nt == 0)
                    return false;
                split = (int)nt;
                continue;
            }
            if (word_is(w, wn, "st") || word_is(w, wn, "nd") || word_is(w, wn, "rd") ||
                word_is(w, wn, "th") || word_is(w, wn, "of"))
                continue;
            int m = month_of(w, wn);
            if (!m)
                return false;
            if (nt == 16)
                return false;
            t[nt].p = w;
            t[nt].n = wn;
            t[nt].num = false;
            t[nt].val = m;
            nt++;
        } else if (c == ' ' || c == '-' || c == '/' || c == '.' || c == ',' || c == '\t' ||
                   c == '\r' || c == '\n' || c == '(' || c == ')' || c == '~') {
            i++;
        } else {
            return false;
        }
    }
    (void)between;
    if (nt == 0)
        return false;
    /* "1968-1970" / "1968 - 1970": two bare years */
    if (split < 0 && nt == 2 && t[0].num && t[1].num && t[0].n == 4 && t[1].n == 4)
        split = 1;
    if (split >= 0) {
        cordon__date a, b;
        memset(&a, 0, sizeof a);
        memset(&b, 0, sizeof b);
        if ((size_t)split >= nt || !single_date(t, (size_t)split, &a) ||
            !single_date(t + split, nt - (size_t)split, &b))
            return false;
        if (b.year < a.year)
            return false;
        out.year = a.year;
        if (b.year == a.year) {
            /* same year: keep what both agree on */
            out.month = a.month == b.month ? a.month : 0;
            out.day = (a.month == b.month && a.day == b.day) ? a.day : 0;
        } else {
            out.year_to = b.year;
        }
        *d = out;
        return true;
    }
    cordon__date one;
    memset(&one, 0, sizeof one);
    /* UK form 00/00/1970, 00/05/1970: zero parts are unknown */
    if (nt == 3 && t[0].num && t[1].num && t[2].num && t[2].n == 4 &&
        (t[0].val == 0 || t[1].val == 0)) {
        int dd = t[0].val, m = t[1].val, y = t[2].val;
        if (!year_ok(y) || m > 12 || dd > days_in(y, m) || (m == 0 && dd != 0))
            return false;
        out.year = (int16_t)y;
        out.month = (int16_t)m;
        out.day = (int16_t)dd;
        *d = out;
        return true;
    }
    if (!single_date(t, nt, &one))
        return false;
    out.year = one.year;
    out.month = one.month;
    out.day = one.day;
    *d = out;
    return true;
}
