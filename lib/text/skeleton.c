/*
 * skeleton.c — a folded key per token so that common romanizations of one
 * name meet ("yuriy", "iurii", "juri", "yuri" and Юрий -> "ara";
 * "mohammed", "muhammad", "mohamed" -> "mahamad").
 *
 * Rules, applied left to right on the lower-case ASCII token (doc/text.md):
 *  1. letter groups:  shch sch sh sz s -> s     tsch tch ch cz -> c
 *                     zh -> z                   dzh dj -> j (then rule 2)
 *                     kh -> h   ph -> f   th -> t   dh -> d
 *                     g gh ck q -> k (qaf: Qaddafi, Gaddafi, Kadhafi)
 *                     w -> v   x -> ks
 *                     c before e/i/y -> s, other c -> k
 *  2. vowels and glides a e i o u y j -> one vowel mark 'a';
 *  3. h after a vowel at the end of the word is dropped (abdullah/abdulla);
 *  4. runs of the same output letter collapse to one (mm -> m, "aa" -> a);
 *  5. anything but a-z (digits, spaces of merged legal forms) is copied.
 * The skeleton is never longer than 2x the token (x -> ks); callers reserve it.
 */
#include "text/text_int.h"

static bool vowelish(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j';
}

static bool starts(const char *w, size_t n, size_t i, const char *p)
{
    for (size_t k = 0; p[k]; k++)
        if (i + k >= n || w[i + k] != p[k])
            return false;
    return true;
}

size_t cordon__skeleton(const char *w, size_t n, char *out)
{
    size_t o = 0;
    size_t i = 0;
#define PUT(ch)                                                                \
    do {                                                                       \
        char c_ = (ch);                                                        \
        if (o == 0 || out[o - 1] != c_)                                        \
            out[o++] = c_;                                                     \
    } while (0)
    while (i < n) {
        char c = w[i];
        if (c < 'a' || c > 'z') {
            out[o++] = c;
            i++;
            continue;
        }
        if (vowelish(c)) {
            PUT('a');
            i++;
            continue;
        }
        switch (c) {
        case 's':
            if (starts(w, n, i, "shch")) { PUT('s'); i += 4; continue; }
            if (starts(w, n, i, "sch")) { PUT('s'); i += 3; continue; }
            if (starts(w, n, i, "sh") || starts(w, n, i, "sz")) { PUT('s'); i += 2; continue; }
            break;
        case 't':
            if (starts(w, n, i, "tsch")) { PUT('c'); i += 4; continue; }
            if (starts(w, n, i, "tch")) { PUT('c'); i += 3; continue; }
            if (starts(w, n, i, "th")) { PUT('t'); i += 2; continue; }
            break;
        case 'c':
            if (starts(w, n, i, "ch") || starts(w, n, i, "cz")) { PUT('c'); i += 2; continue; }
            if (starts(w, n, i, "ck")) { PUT('k'); i += 2; continue; }
            if (i + 1 < n && (w[i + 1] == 'e' || w[i + 1] == 'i' || w[i + 1] == 'y')) {
                PUT('s');
                i++;
                continue;
            }
            PUT('k');
            i++;
            continue;
        case 'z':
            if (starts(w, n, i, "zh")) { PUT('z'); i += 2; continue; }
            break;
        case 'd':
            if (starts(w, n, i, "dzh")) { PUT('a'); i += 3; continue; }
            if (starts(w, n, i, "dj")) { PUT('a'); i += 2; continue; }
            if (starts(w, n, i, "dh")) { PUT('d'); i += 2; continue; }
            break;
        case 'k':
            if (starts(w, n, i, "kh")) { PUT('h'); i += 2; continue; }
            break;
        case 'g': /* Arabic qaf is written q, g or k: g, gh, q, k meet */
            PUT('k');
            i += starts(w, n, i, "gh") ? 2 : 1;
            continue;
        case 'p':
            if (starts(w, n, i, "ph")) { PUT('f'); i += 2; continue; }
            break;
        case 'q':
            PUT('k');
            i++;
            continue;
        case 'w':
            PUT('v');
            i++;
            continue;
        case 'x':
            PUT('k');
            PUT('s');
            i++;
            continue;
        case 'h':
            /* final h after a vowel is silent */
            if (o > 0 && out[o - 1] == 'a' && (i + 1 == n || w[i + 1] < 'a' || w[i + 1] > 'z')) {
                i++;
                continue;
            }
            break;
        default:
            break;
        }
        PUT(c);
        i++;
    }
#undef PUT
    return o;
}
