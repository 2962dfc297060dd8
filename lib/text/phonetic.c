/*
 * phonetic.c — Double Metaphone keys (primary and alternate, up to 7
 * characters), written from Lawrence Philips' published description of the
 * algorithm (C/C++ Users Journal, June 2000).
 *
 * Input is a lower-case ASCII token (after transliteration). Covered: the
 * silent initial pairs (GN KN PN WR PS), initial X, vowels (only an initial
 * vowel is coded, as A), and the consonant rules of the description for B C
 * D F G H J K L M N P Q R S T V W X Z, including the Germanic/Slavic
 * (W, K, CZ, WITZ) switches, CH/SCH, GH, GN, the Spanish/Italian LL, J and
 * CC cases, -TION/-TIA/-TCH, TH (coded 0), WICZ/WITZ and -AU/-OU final X.
 * Not covered: the rules that need characters outside a-z (Ç, Ñ) — these
 * never reach us since every token is folded to ASCII first.
 */
#include "text/text_int.h"

#include <stdarg.h>
#include <string.h>

#define DM_MAX (CORDON__PHON_MAX - 1)
#define DM_WORD 64

typedef struct dm {
    char w[DM_WORD + 8]; /* upper-case word, padded with NULs */
    int len, last;
    char p[CORDON__PHON_MAX], a[CORDON__PHON_MAX];
    int pl, al;
    bool slavo;
} dm;

static char at(const dm *d, int i)
{
    return (i < 0 || i >= d->len) ? 0 : d->w[i];
}

static bool vowel(const dm *d, int i)
{
    char c = at(d, i);
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
}

/* True if one of the NULL-terminated strings (all of length n) is at i. */
static bool sat(const dm *d, int i, int n, ...)
{
    if (i < 0 || i + n > d->len)
        return false;
    const char *w = d->w + i;
    va_list ap;
    va_start(ap, n);
    const char *s;
    bool hit = false;
    while ((s = va_arg(ap, const char *)) != NULL) {
        if (s[0] != w[0])
            continue;
        int k = 1;
        while (k < n && s[k] == w[k])
            k++;
        if (k == n) {
            hit = true;
            break;
        }
    }
    va_end(ap);
    return hit;
}

static void add2(dm *d, const char *p, const char *a)
{
    for (; *p && d->pl < DM_MAX; p++)
        d->p[d->pl++] = *p;
    for (; *a && d->al < DM_MAX; a++)
        d->a[d->al++] = *a;
}

static void add(dm *d, const char *p)
{
    add2(d, p, p);
}

void cordon__double_metaphone(const char *w, size_t n, char primary[CORDON__PHON_MAX],
                              char alternate[CORDON__PHON_MAX])
{
    dm d;
    memset(&d, 0, sizeof d);
    for (size_t i = 0; i < n && d.len < DM_WORD; i++) {
        char c = w[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        else if (c < 'A' || c > 'Z')
            continue;
        /* Germanic/Slavic: W, K, CZ (WITZ contains W) */
        if (c == 'W' || c == 'K' || (c == 'Z' && d.len > 0 && d.w[d.len - 1] == 'C'))
            d.slavo = true;
        d.w[d.len++] = c;
    }
    d.last = d.len - 1;
    primary[0] = alternate[0] = 0;
    if (d.len == 0)
        return;
    int cur = 0;
    if (sat(&d, 0, 2, "GN", "KN", "PN", "WR", "PS", NULL))
        cur = 1;
    if (d.w[0] == 'X') {
        add(&d, "S");
        cur = 1;
    }
    while ((d.pl < DM_MAX || d.al < DM_MAX) && cur < d.len) {
        char c = d.w[cur];
        switch (c) {
        case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
            if (cur == 0)
                add(&d, "A");
            cur++;
            break;
        case 'B':
            add(&d, "P");
            cur += at(&d, cur + 1) == 'B' ? 2 : 1;
            break;
        case 'C':
            if (cur > 1 && !vowel(&d, cur - 2) && sat(&d, cur - 1, 3, "ACH", NULL) &&
                at(&d, cur + 2) != 'I' &&
                (at(&d, cur + 2) != 'E' || sat(&d, cur - 2, 6, "BACHER", "MACHER", NULL))) {
                add(&d, "K");
                cur += 2;
                break;
            }
            if (cur == 0 && sat(&d, 0, 6, "CAESAR", NULL)) {
                add(&d, "S");
                cur += 2;
                break;
            }
            if (sat(&d, cur, 4, "CHIA", NULL)) {
                add(&d, "K");
                cur += 2;
                break;
            }
            if (sat(&d, cur, 2, "CH", NULL)) {
                if (cur > 0 && sat(&d, cur, 4, "CHAE", NULL)) {
                    add2(&d, "K", "X");
                } else if (cur == 0 &&
                           (sat(&d, 1, 5, "HARAC", "HARIS", NULL) ||
                            sat(&d, 1, 3, "HOR", "HYM", "HIA", "HEM", NULL)) &&
                           !sat(&d, 0, 5, "CHORE", NULL)) {
                    add(&d, "K");
                } else if (sat(&d, 0, 4, "VAN ", "VON ", NULL) || sat(&d, 0, 3, "SCH", NULL) ||
                           sat(&d, cur - 2, 6, "ORCHES", "ARCHIT", "ORCHID", NULL) ||
                           sat(&d, cur + 2, 1, "T", "S", NULL) ||
                           ((sat(&d, cur - 1, 1, "A", "O", "U", "E", NULL) || cur == 0) &&
                            (sat(&d, cur + 2, 1, "L", "R", "N", "M", "B", "H", "F", "V", "W",
                                 NULL) ||
                             cur + 2 >= d.len))) {
                    add(&d, "K");
                } else if (cur > 0) {
                    if (sat(&d, 0, 2, "MC", NULL))
                        add(&d, "K");
                    else
                        add2(&d, "X", "K");
                } else {
                    add(&d, "X");
                }
                cur += 2;
                break;
            }
            if (sat(&d, cur, 2, "CZ", NULL) && !sat(&d, cur - 2, 4, "WICZ", NULL)) {
                add2(&d, "S", "X");
                cur += 2;
                break;
            }
            if (sat(&d, cur + 1, 3, "CIA", NULL)) {
                add(&d, "X");
                cur += 3;
                break;
            }
            if (sat(&d, cur, 2, "CC", NULL) && !(cur == 1 && d.w[0] == 'M')) {
                if (sat(&d, cur + 2, 1, "I", "E", "H", NULL) && !sat(&d, cur + 2, 2, "HU", NULL)) {
                    if ((cur == 1 && d.w[0] == 'A') || sat(&d, cur - 1, 5, "UCCEE", "UCCES", NULL))
                        add(&d, "KS");
                    else
                        add(&d, "X");
                    cur += 3;
                } else {
                    add(&d, "K");
                    cur += 2;
                }
                break;
            }
            if (sat(&d, cur, 2, "CK", "CG", "CQ", NULL)) {
                add(&d, "K");
                cur += 2;
                break;
            }
            if (sat(&d, cur, 2, "CI", "CE", "CY", NULL)) {
                if (sat(&d, cur, 3, "CIO", "CIE", "CIA", NULL))
                    add2(&d, "S", "X");
                else
                    add(&d, "S");
                cur += 2;
                break;
            }
            add(&d, "K");
            if (sat(&d, cur + 1, 1, "C", "K", "Q", NULL) && !sat(&d, cur + 1, 2, "CE", "CI", NULL))
                cur += 2;
            else
                cur += 1;
            break;
        case 'D':
            if (sat(&d, cur, 2, "DG", NULL)) {
                if (sat(&d, cur + 2, 1, "I", "E", "Y", NULL)) {
                    add(&d, "J");
                    cur += 3;
                } else {
                    add(&d, "TK");
                    cur += 2;
                }
                break;
            }
            add(&d, "T");
            cur += sat(&d, cur, 2, "DT", "DD", NULL) ? 2 : 1;
            break;
        case 'F':
            add(&d, "F");
            cur += at(&d, cur + 1) == 'F' ? 2 : 1;
            break;
        case 'G':
            if (at(&d, cur + 1) == 'H') {
                if (cur > 0 && !vowel(&d, cur - 1)) {
                    add(&d, "K");
                } else if (cur == 0) {
                    add(&d, at(&d, cur + 2) == 'I' ? "J" : "K");
                } else if ((cur > 1 && sat(&d, cur - 2, 1, "B", "H", "D", NULL)) ||
                           (cur > 2 && sat(&d, cur - 3, 1, "B", "H", "D", NULL)) ||
                           (cur > 3 && sat(&d, cur - 4, 1, "B", "H", NULL))) {
                    /* silent: "hugh", "bough" */
                } else if (cur > 2 && at(&d, cur - 1) == 'U' &&
                           sat(&d, cur - 3, 1, "C", "G", "L", "R", "T", NULL)) {
                    add(&d, "F"); /* laugh, tough */
                } else if (cur > 0 && at(&d, cur - 1) != 'I') {
                    add(&d, "K");
                }
                cur += 2;
                break;
            }
            if (at(&d, cur + 1) == 'N') {
                if (cur == 1 && vowel(&d, 0) && !d.slavo)
                    add2(&d, "KN", "N");
                else if (!sat(&d, cur + 2, 2, "EY", NULL) && at(&d, cur + 1) != 'Y' && !d.slavo)
                    add2(&d, "N", "KN");
                else
                    add(&d, "KN");
                cur += 2;
                break;
            }
            if (sat(&d, cur + 1, 2, "LI", NULL) && !d.slavo) {
                add2(&d, "KL", "L");
                cur += 2;
                break;
            }
            if (cur == 0 && (at(&d, 1) == 'Y' || sat(&d, 1, 2, "ES", "EP", "EB", "EL", "EY", "IB",
                                                     "IL", "IN", "IE", "EI", "ER", NULL))) {
                add2(&d, "K", "J");
                cur += 2;
                break;
            }
            if ((sat(&d, cur + 1, 2, "ER", NULL) || at(&d, cur + 1) == 'Y') &&
                !sat(&d, 0, 6, "DANGER", "RANGER", "MANGER", NULL) &&
                !sat(&d, cur - 1, 1, "E", "I", NULL) && !sat(&d, cur - 1, 3, "RGY", "OGY", NULL)) {
                add2(&d, "K", "J");
                cur += 2;
                break;
            }
            if (sat(&d, cur + 1, 1, "E", "I", "Y", NULL) || sat(&d, cur - 1, 4, "AGGI", "OGGI", NULL)) {
                if (sat(&d, 0, 4, "VAN ", "VON ", NULL) || sat(&d, 0, 3, "SCH", NULL) ||
                    sat(&d, cur + 1, 2, "ET", NULL))
                    add(&d, "K");
                else if (sat(&d, cur + 1, 3, "IER", NULL) && cur + 4 >= d.len)
                    add(&d, "J");
                else
                    add2(&d, "J", "K");
                cur += 2;
                break;
            }
            add(&d, "K");
            cur += at(&d, cur + 1) == 'G' ? 2 : 1;
            break;
        case 'H':
            if ((cur == 0 || vowel(&d, cur - 1)) && vowel(&d, cur + 1)) {
                add(&d, "H");
                cur += 2;
            } else {
                cur++;
            }
            break;
        case 'J':
            if (sat(&d, cur, 4, "JOSE", NULL) || sat(&d, 0, 4, "SAN ", NULL)) {
                if ((cur == 0 && cur + 4 >= d.len) || sat(&d, 0, 4, "SAN ", NULL))
                    add(&d, "H");
                else
                    add2(&d, "J", "H");
                cur++;
                break;
            }
            if (cur == 0)
                add2(&d, "J", "A");
            else if (vowel(&d, cur - 1) && !d.slavo &&
                     (at(&d, cur + 1) == 'A' || at(&d, cur + 1) == 'O'))
                add2(&d, "J", "H");
            else if (cur == d.last)
                add2(&d, "J", "");
            else if (!sat(&d, cur + 1, 1, "L", "T", "K", "S", "N", "M", "B", "Z", NULL) &&
                     !sat(&d, cur - 1, 1, "S", "K", "L", NULL))
                add(&d, "J");
            cur += at(&d, cur + 1) == 'J' ? 2 : 1;
            break;
        case 'K':
            add(&d, "K");
            cur += at(&d, cur + 1) == 'K' ? 2 : 1;
            break;
        case 'L':
            if (at(&d, cur + 1) == 'L') {
                if ((cur == d.len - 3 && sat(&d, cur - 1, 4, "ILLO", "ILLA", "ALLE", NULL)) ||
                    ((sat(&d, d.last - 1, 2, "AS", "OS", NULL) || sat(&d, d.last, 1, "A", "O", NULL)) &&
                     sat(&d, cur - 1, 4, "ALLE", NULL))) {
                    add2(&d, "L", "");
                    cur += 2;
                    break;
                }
                cur += 2;
            } else {
                cur++;
            }
            add(&d, "L");
            break;
        case 'M':
            add(&d, "M");
            if ((sat(&d, cur - 1, 3, "UMB", NULL) &&
                 (cur + 1 == d.last || sat(&d, cur + 2, 2, "ER", NULL))) ||
                at(&d, cur + 1) == 'M')
                cur += 2;
            else
                cur++;
            break;
        case 'N':
            add(&d, "N");
            cur += at(&d, cur + 1) == 'N' ? 2 : 1;
            break;
        case 'P':
            if (at(&d, cur + 1) == 'H') {
                add(&d, "F");
                cur += 2;
                break;
            }
            add(&d, "P");
            cur += sat(&d, cur + 1, 1, "P", "B", NULL) ? 2 : 1;
            break;
        case 'Q':
            add(&d, "K");
            cur += at(&d, cur + 1) == 'Q' ? 2 : 1;
            break;
        case 'R':
            if (cur == d.last && !d.slavo && sat(&d, cur - 2, 2, "IE", NULL) &&
                !sat(&d, cur - 4, 2, "ME", "MA", NULL))
                add2(&d, "", "R");
            else
                add(&d, "R");
            cur += at(&d, cur + 1) == 'R' ? 2 : 1;
            break;
        case 'S':
            if (sat(&d, cur - 1, 3, "ISL", "YSL", NULL)) {
                cur++;
                break;
            }
            if (cur == 0 && sat(&d, 0, 5, "SUGAR", NULL)) {
                add2(&d, "X", "S");
                cur++;
                break;
            }
            if (sat(&d, cur, 2, "SH", NULL)) {
                if (sat(&d, cur + 1, 4, "HEIM", "HOEK", "HOLM", "HOLZ", NULL))
                    add(&d, "S");
                else
                    add(&d, "X");
                cur += 2;
                break;
            }
            if (sat(&d, cur, 3, "SIO", "SIA", NULL) || sat(&d, cur, 4, "SIAN", NULL)) {
                if (!d.slavo)
                    add2(&d, "S", "X");
                else
                    add(&d, "S");
                cur += 3;
                break;
            }
            if ((cur == 0 && sat(&d, 1, 1, "M", "N", "L", "W", NULL)) ||
                sat(&d, cur + 1, 1, "Z", NULL)) {
                add2(&d, "S", "X");
                cur += sat(&d, cur + 1, 1, "Z", NULL) ? 2 : 1;
                break;
            }
            if (sat(&d, cur, 2, "SC", NULL)) {
                if (at(&d, cur + 2) == 'H') {
                    if (sat(&d, cur + 3, 2, "OO", "ER", "EN", "UY", "ED", "EM", NULL)) {
                        if (sat(&d, cur + 3, 2, "ER", "EN", NULL))
                            add2(&d, "X", "SK");
                        else
                            add(&d, "SK");
                    } else if (cur == 0 && !vowel(&d, 3) && at(&d, 3) != 'W') {
                        add2(&d, "X", "S");
                    } else {
                        add(&d, "X");
                    }
                    cur += 3;
                    break;
                }
                if (sat(&d, cur + 2, 1, "I", "E", "Y", NULL))
                    add(&d, "S");
                else
                    add(&d, "SK");
                cur += 3;
                break;
            }
            if (cur == d.last && sat(&d, cur - 2, 2, "AI", "OI", NULL))
                add2(&d, "", "S");
            else
                add(&d, "S");
            cur += sat(&d, cur + 1, 1, "S", "Z", NULL) ? 2 : 1;
            break;
        case 'T':
            if (sat(&d, cur, 4, "TION", NULL) || sat(&d, cur, 3, "TIA", "TCH", NULL)) {
                add(&d, "X");
                cur += 3;
                break;
            }
            if (sat(&d, cur, 2, "TH", NULL) || sat(&d, cur, 3, "TTH", NULL)) {
                if (sat(&d, cur + 2, 2, "OM", "AM", NULL) || sat(&d, 0, 4, "VAN ", "VON ", NULL) ||
                    sat(&d, 0, 3, "SCH", NULL))
                    add(&d, "T");
                else
                    add2(&d, "0", "T");
                cur += 2;
                break;
            }
            add(&d, "T");
            cur += sat(&d, cur + 1, 1, "T", "D", NULL) ? 2 : 1;
            break;
        case 'V':
            add(&d, "F");
            cur += at(&d, cur + 1) == 'V' ? 2 : 1;
            break;
        case 'W':
            if (sat(&d, cur, 2, "WR", NULL)) {
                add(&d, "R");
                cur += 2;
                break;
            }
            if (cur == 0 && (vowel(&d, 1) || sat(&d, 0, 2, "WH", NULL))) {
                if (vowel(&d, 1))
                    add2(&d, "A", "F");
                else
                    add(&d, "A");
            }
            if ((cur == d.last && vowel(&d, cur - 1)) ||
                sat(&d, cur - 1, 5, "EWSKI", "EWSKY", "OWSKI", "OWSKY", NULL) ||
                sat(&d, 0, 3, "SCH", NULL)) {
                add2(&d, "", "F");
                cur++;
                break;
            }
            if (sat(&d, cur, 4, "WICZ", "WITZ", NULL)) {
                add2(&d, "TS", "FX");
                cur += 4;
                break;
            }
            cur++;
            break;
        case 'X':
            if (!(cur == d.last && (sat(&d, cur - 3, 3, "IAU", "EAU", NULL) ||
                                    sat(&d, cur - 2, 2, "AU", "OU", NULL))))
                add(&d, "KS");
            cur += sat(&d, cur + 1, 1, "C", "X", NULL) ? 2 : 1;
            break;
        case 'Z':
            if (at(&d, cur + 1) == 'H') {
                add(&d, "J");
                cur += 2;
                break;
            }
            if (sat(&d, cur + 1, 2, "ZO", "ZI", "ZA", NULL) ||
                (d.slavo && cur > 0 && at(&d, cur - 1) != 'T'))
                add2(&d, "S", "TS");
            else
                add(&d, "S");
            cur += at(&d, cur + 1) == 'Z' ? 2 : 1;
            break;
        default:
            cur++;
            break;
        }
    }
    memcpy(primary, d.p, (size_t)d.pl);
    primary[d.pl] = 0;
    memcpy(alternate, d.a, (size_t)d.al);
    alternate[d.al] = 0;
    if (strcmp(primary, alternate) == 0)
        alternate[0] = 0; /* no distinct alternate */
}
