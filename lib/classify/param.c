/* param.c — numbers with units: parsing, conversion to base units,
 * extraction from free text and threshold comparison. */
#include "classify/classify.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct unit {
    const char *text; /* as written (UTF-8) */
    uint8_t dim;
    uint8_t ci;       /* case-insensitive match allowed */
    double factor;    /* base = value * factor + offset */
    double offset;
} unit;

/* Longest texts first within a shared prefix is not required: we pick the
 * longest matching entry. Ambiguous case pairs (mW / MW, ms / Ms) are exact. */
static const unit units[] = {
    /* frequency, Hz */
    {"THz", CORDON__DIM_FREQ, 1, 1e12, 0}, {"GHz", CORDON__DIM_FREQ, 1, 1e9, 0},
    {"MHz", CORDON__DIM_FREQ, 1, 1e6, 0},  {"kHz", CORDON__DIM_FREQ, 1, 1e3, 0},
    {"Hz", CORDON__DIM_FREQ, 1, 1, 0},
    /* sample rate, samples per second */
    {"GSPS", CORDON__DIM_RATE, 1, 1e9, 0}, {"MSPS", CORDON__DIM_RATE, 1, 1e6, 0},
    {"kSPS", CORDON__DIM_RATE, 1, 1e3, 0}, {"SPS", CORDON__DIM_RATE, 1, 1, 0},
    {"GS/s", CORDON__DIM_RATE, 0, 1e9, 0}, {"MS/s", CORDON__DIM_RATE, 0, 1e6, 0},
    {"kS/s", CORDON__DIM_RATE, 0, 1e3, 0}, {"Gsa/s", CORDON__DIM_RATE, 1, 1e9, 0},
    {"Msa/s", CORDON__DIM_RATE, 1, 1e6, 0},
    {"Gsample/s", CORDON__DIM_RATE, 1, 1e9, 0}, {"Gsamples/s", CORDON__DIM_RATE, 1, 1e9, 0},
    {"Msample/s", CORDON__DIM_RATE, 1, 1e6, 0}, {"Msamples/s", CORDON__DIM_RATE, 1, 1e6, 0},
    {"ksample/s", CORDON__DIM_RATE, 1, 1e3, 0}, {"ksamples/s", CORDON__DIM_RATE, 1, 1e3, 0},
    {"samples/s", CORDON__DIM_RATE, 1, 1, 0},
    {"gigasamples per second", CORDON__DIM_RATE, 1, 1e9, 0},
    {"megasamples per second", CORDON__DIM_RATE, 1, 1e6, 0},
    /* resolution / key length, bit */
    {"bits", CORDON__DIM_BITS, 1, 1, 0}, {"bit", CORDON__DIM_BITS, 1, 1, 0},
    /* data rate, bit/s */
    {"Tbit/s", CORDON__DIM_BITRATE, 1, 1e12, 0}, {"Gbit/s", CORDON__DIM_BITRATE, 1, 1e9, 0},
    {"Mbit/s", CORDON__DIM_BITRATE, 1, 1e6, 0}, {"Gbps", CORDON__DIM_BITRATE, 1, 1e9, 0},
    {"Mbps", CORDON__DIM_BITRATE, 1, 1e6, 0}, {"Tbps", CORDON__DIM_BITRATE, 1, 1e12, 0},
    /* length, m */
    {"nm", CORDON__DIM_LENGTH, 0, 1e-9, 0}, {"\xc2\xb5m", CORDON__DIM_LENGTH, 0, 1e-6, 0},
    {"\xce\xbcm", CORDON__DIM_LENGTH, 0, 1e-6, 0}, {"um", CORDON__DIM_LENGTH, 0, 1e-6, 0},
    {"micron", CORDON__DIM_LENGTH, 1, 1e-6, 0}, {"microns", CORDON__DIM_LENGTH, 1, 1e-6, 0},
    {"micrometre", CORDON__DIM_LENGTH, 1, 1e-6, 0}, {"micrometer", CORDON__DIM_LENGTH, 1, 1e-6, 0},
    {"mm", CORDON__DIM_LENGTH, 0, 1e-3, 0}, {"cm", CORDON__DIM_LENGTH, 0, 1e-2, 0},
    {"m", CORDON__DIM_LENGTH, 0, 1, 0}, {"km", CORDON__DIM_LENGTH, 1, 1e3, 0},
    {"metres", CORDON__DIM_LENGTH, 1, 1, 0}, {"meters", CORDON__DIM_LENGTH, 1, 1, 0},
    {"kilometres", CORDON__DIM_LENGTH, 1, 1e3, 0}, {"kilometers", CORDON__DIM_LENGTH, 1, 1e3, 0},
    {"nmi", CORDON__DIM_LENGTH, 1, 1852, 0},
    /* mass, kg */
    {"mg", CORDON__DIM_MASS, 0, 1e-6, 0}, {"g", CORDON__DIM_MASS, 0, 1e-3, 0},
    {"kg", CORDON__DIM_MASS, 1, 1, 0}, {"t", CORDON__DIM_MASS, 0, 1e3, 0},
    {"tonne", CORDON__DIM_MASS, 1, 1e3, 0}, {"tonnes", CORDON__DIM_MASS, 1, 1e3, 0},
    {"lb", CORDON__DIM_MASS, 1, 0.45359237, 0}, {"lbs", CORDON__DIM_MASS, 1, 0.45359237, 0},
    /* power, W (dBm handled specially) */
    {"mW", CORDON__DIM_POWER, 0, 1e-3, 0}, {"W", CORDON__DIM_POWER, 0, 1, 0},
    {"w", CORDON__DIM_POWER, 0, 1, 0},
    {"kW", CORDON__DIM_POWER, 1, 1e3, 0}, {"MW", CORDON__DIM_POWER, 0, 1e6, 0},
    {"watt", CORDON__DIM_POWER, 1, 1, 0}, {"watts", CORDON__DIM_POWER, 1, 1, 0},
    {"dBm", CORDON__DIM_POWER, 1, 0, -1}, /* offset -1 marks dBm */
    {"dBW", CORDON__DIM_POWER, 1, 0, -2}, /* offset -2 marks dBW */
    /* temperature, K */
    {"\xc2\xb0" "C", CORDON__DIM_TEMP, 1, 1, 273.15}, {"\xc2\xba" "C", CORDON__DIM_TEMP, 1, 1, 273.15},
    {"degC", CORDON__DIM_TEMP, 1, 1, 273.15}, {"deg C", CORDON__DIM_TEMP, 1, 1, 273.15},
    {"K", CORDON__DIM_TEMP, 0, 1, 0}, {"kelvin", CORDON__DIM_TEMP, 1, 1, 0},
    {"\xc2\xb0" "F", CORDON__DIM_TEMP, 1, 5.0 / 9.0, 255.3722222222222},
    /* speed, m/s */
    {"m/s", CORDON__DIM_SPEED, 1, 1, 0}, {"km/h", CORDON__DIM_SPEED, 1, 1 / 3.6, 0},
    {"kph", CORDON__DIM_SPEED, 1, 1 / 3.6, 0}, {"knots", CORDON__DIM_SPEED, 1, 1852.0 / 3600, 0},
    {"kn", CORDON__DIM_SPEED, 0, 1852.0 / 3600, 0}, {"kt", CORDON__DIM_SPEED, 0, 1852.0 / 3600, 0},
    /* pressure and modulus, Pa */
    {"Pa", CORDON__DIM_PRESSURE, 0, 1, 0}, {"kPa", CORDON__DIM_PRESSURE, 1, 1e3, 0},
    {"MPa", CORDON__DIM_PRESSURE, 1, 1e6, 0}, {"GPa", CORDON__DIM_PRESSURE, 1, 1e9, 0},
    {"bar", CORDON__DIM_PRESSURE, 1, 1e5, 0}, {"psi", CORDON__DIM_PRESSURE, 1, 6894.757293168, 0},
    /* torque, N m */
    {"N\xc2\xb7m", CORDON__DIM_TORQUE, 1, 1, 0}, {"N.m", CORDON__DIM_TORQUE, 1, 1, 0},
    {"Nm", CORDON__DIM_TORQUE, 0, 1, 0}, {"N m", CORDON__DIM_TORQUE, 0, 1, 0},
    {"kN\xc2\xb7m", CORDON__DIM_TORQUE, 1, 1e3, 0}, {"kNm", CORDON__DIM_TORQUE, 0, 1e3, 0},
    /* time, s */
    {"s", CORDON__DIM_TIME, 0, 1, 0}, {"sec", CORDON__DIM_TIME, 1, 1, 0},
    {"seconds", CORDON__DIM_TIME, 1, 1, 0}, {"ms", CORDON__DIM_TIME, 0, 1e-3, 0},
    {"\xc2\xb5s", CORDON__DIM_TIME, 0, 1e-6, 0}, {"us", CORDON__DIM_TIME, 0, 1e-6, 0},
    {"ns", CORDON__DIM_TIME, 0, 1e-9, 0}, {"ps", CORDON__DIM_TIME, 0, 1e-12, 0},
    {"min", CORDON__DIM_TIME, 1, 60, 0}, {"minutes", CORDON__DIM_TIME, 1, 60, 0},
    {"h", CORDON__DIM_TIME, 0, 3600, 0}, {"hr", CORDON__DIM_TIME, 1, 3600, 0},
    {"hrs", CORDON__DIM_TIME, 1, 3600, 0}, {"hour", CORDON__DIM_TIME, 1, 3600, 0},
    {"hours", CORDON__DIM_TIME, 1, 3600, 0},
    /* ratios */
    {"%", CORDON__DIM_PERCENT, 0, 1, 0}, {"percent", CORDON__DIM_PERCENT, 1, 1, 0},
    {"Mach", CORDON__DIM_MACH, 1, 1, 0},
};
#define NUNITS (sizeof units / sizeof units[0])

static const struct {
    const char *name;
    const char *base;
} dims[CORDON__DIM_COUNT] = {
    [CORDON__DIM_NONE] = {"number", ""},
    [CORDON__DIM_FREQ] = {"frequency", "Hz"},
    [CORDON__DIM_RATE] = {"sample rate", "samples/s"},
    [CORDON__DIM_BITS] = {"bits", "bit"},
    [CORDON__DIM_BITRATE] = {"data rate", "bit/s"},
    [CORDON__DIM_LENGTH] = {"length", "m"},
    [CORDON__DIM_MASS] = {"mass", "kg"},
    [CORDON__DIM_POWER] = {"power", "W"},
    [CORDON__DIM_TEMP] = {"temperature", "K"},
    [CORDON__DIM_SPEED] = {"speed", "m/s"},
    [CORDON__DIM_PRESSURE] = {"pressure", "Pa"},
    [CORDON__DIM_TORQUE] = {"torque", "N m"},
    [CORDON__DIM_TIME] = {"time", "s"},
    [CORDON__DIM_PERCENT] = {"percentage", "%"},
    [CORDON__DIM_MACH] = {"Mach number", "Mach"},
};

const char *cordon__dim_name(int dim)
{
    return dim >= 0 && dim < CORDON__DIM_COUNT ? dims[dim].name : "?";
}

const char *cordon__dim_base_unit(int dim)
{
    return dim >= 0 && dim < CORDON__DIM_COUNT ? dims[dim].base : "?";
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static double convert(const unit *u, double v)
{
    if (u->offset == -1) /* dBm */
        return pow(10.0, (v - 30.0) / 10.0);
    if (u->offset == -2) /* dBW */
        return pow(10.0, v / 10.0);
    return v * u->factor + u->offset;
}

size_t cordon__unit_match(const char *s, size_t n, int *dim, double *factor, const char **canon)
{
    const unit *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < NUNITS; i++) {
        size_t l = strlen(units[i].text);
        if (l > n || l <= best_len)
            continue;
        bool eq = memcmp(s, units[i].text, l) == 0;
        if (!eq && units[i].ci)
            eq = strncasecmp(s, units[i].text, l) == 0;
        if (!eq)
            continue;
        /* word boundary after the unit (a unit ending in a symbol needs none) */
        unsigned char last = (unsigned char)units[i].text[l - 1];
        if (l < n && is_alnum((unsigned char)s[l]) && is_alnum(last))
            continue;
        best = &units[i];
        best_len = l;
    }
    if (!best)
        return 0;
    if (dim)
        *dim = best->dim;
    if (factor)
        *factor = best->factor;
    if (canon)
        *canon = best->text;
    return best_len;
}

double cordon__unit_convert(const char *unit_text, size_t n, double v, int *dim)
{
    size_t l = 0;
    const unit *u = NULL;
    for (size_t i = 0; i < NUNITS; i++) {
        size_t tl = strlen(units[i].text);
        if (tl == n && (memcmp(unit_text, units[i].text, n) == 0 ||
                        (units[i].ci && strncasecmp(unit_text, units[i].text, n) == 0))) {
            if (memcmp(unit_text, units[i].text, n) == 0) {
                u = &units[i];
                break;
            }
            if (!u)
                u = &units[i];
        }
    }
    (void)l;
    if (!u) {
        *dim = -1;
        return NAN;
    }
    *dim = u->dim;
    return convert(u, v);
}

/* Parse a number at s[0..n): digits, optional thousands commas, decimal
 * point or comma, optional exponent ("1.5e9", "14.65 x 10^6", "14.65E6").
 * Returns bytes used (0 if none). */
static size_t parse_number(const char *s, size_t n, double *out)
{
    char buf[64];
    size_t b = 0, i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
    }
    if (i >= n || !((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')))
        return 0;
    bool dot = false;
    while (i < n && b < 40) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            buf[b++] = c;
            i++;
        } else if (c == ',' && !dot && i + 3 < n && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
                   is_digit(s[i + 3]) && (i + 4 >= n || !is_digit(s[i + 4]))) {
            i++; /* thousands separator "1,000" */
        } else if ((c == '.' || c == ',') && !dot && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
            dot = true;
            buf[b++] = '.';
            i++;
        } else {
            break;
        }
    }
    if (b == 0 || b >= 40)
        return 0;
    buf[b] = '\0';
    double v = strtod(buf, NULL);
    /* exponent: e6 / E-3 directly attached */
    if (i + 1 < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        bool eneg = false;
        if (j < n && (s[j] == '+' || s[j] == '-')) {
            eneg = s[j] == '-';
            j++;
        }
        size_t k = j;
        int e = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9' && k - j < 3)
            e = e * 10 + (s[k++] - '0');
        if (k > j && (k >= n || !is_alnum((unsigned char)s[k]) || s[k] == ' ')) {
            v *= pow(10.0, eneg ? -e : e);
            i = k;
        }
    }
    /* " x 10^6", "×10^6", "*10^6" */
    {
        size_t j = i;
        while (j < n && s[j] == ' ')
            j++;
        size_t m = 0;
        if (j < n && (s[j] == 'x' || s[j] == 'X' || s[j] == '*'))
            m = 1;
        else if (j + 1 < n && (unsigned char)s[j] == 0xC3 && (unsigned char)s[j + 1] == 0x97)
            m = 2;
        if (m) {
            j += m;
            while (j < n && s[j] == ' ')
                j++;
            if (j + 2 < n && s[j] == '1' && s[j + 1] == '0' && (s[j + 2] == '^' || s[j + 2] == 'E' || s[j + 2] == 'e')) {
                j += 3;
                bool eneg = false;
                if (j < n && (s[j] == '-' || s[j] == '+')) {
                    eneg = s[j] == '-';
                    j++;
                }
                size_t k = j;
                int e = 0;
                while (k < n && s[k] >= '0' && s[k] <= '9' && k - j < 3)
                    e = e * 10 + (s[k++] - '0');
                if (k > j) {
                    v *= pow(10.0, eneg ? -e : e);
                    i = k;
                }
            }
        }
    }
    *out = neg ? -v : v;
    return i;
}

bool cordon__qty_parse(const char *s, size_t n, cordon__qty *q)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    double v;
    memset(q, 0, sizeof *q);
    /* "Mach 2.5" */
    if (n - i > 4 && strncasecmp(s + i, "mach", 4) == 0 && !is_alnum((unsigned char)s[i + 4])) {
        size_t j = i + 4;
        while (j < n && s[j] == ' ')
            j++;
        size_t u = parse_number(s + j, n - j, &v);
        if (u == 0 || j + u != n)
            return false;
        q->value = v;
        q->dim = CORDON__DIM_MACH;
        q->start = i;
        q->end = n;
        return true;
    }
    size_t u = parse_number(s + i, n - i, &v);
    if (u == 0)
        return false;
    size_t j = i + u;
    while (j < n && (s[j] == ' ' || s[j] == '-'))
        j++;
    q->start = i;
    if (j == n) {
        q->value = v;
        q->dim = CORDON__DIM_NONE;
        q->end = n;
        return j == i + u || true;
    }
    int dim;
    double f;
    const char *canon;
    size_t ul = cordon__unit_match(s + j, n - j, &dim, &f, &canon);
    if (ul == 0 || j + ul != n)
        return false;
    int d2;
    q->value = cordon__unit_convert(canon, strlen(canon), v, &d2);
    q->dim = dim;
    q->end = n;
    return true;
}

size_t cordon__qty_extract(const char *s, size_t n, cordon__qty *out, size_t max)
{
    size_t k = 0, i = 0;
    size_t pending_from = 0, npending = 0; /* numbers of a range waiting for their unit */
    while (i < n && k < max) {
        unsigned char c = (unsigned char)s[i];
        bool num_start = (c >= '0' && c <= '9') || (c == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9');
        if (!num_start) {
            /* "Mach 2" */
            if ((c == 'M' || c == 'm') && i + 5 < n && strncasecmp(s + i, "mach ", 5) == 0 &&
                (i == 0 || !is_alnum((unsigned char)s[i - 1]))) {
                double v;
                size_t u = parse_number(s + i + 5, n - i - 5, &v);
                if (u) {
                    out[k].value = v;
                    out[k].dim = CORDON__DIM_MACH;
                    out[k].start = i;
                    out[k].end = i + 5 + u;
                    k++;
                    i += 5 + u;
                    continue;
                }
            }
            i++;
            continue;
        }
        if (i > 0 && (is_alnum((unsigned char)s[i - 1]) && !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
            /* part of an identifier like "AD9625" or "3A001": skip the run
             * (at least one byte: s[i] may be the '.' of "a.5") */
            i++;
            while (i < n && is_alnum((unsigned char)s[i]))
                i++;
            continue;
        }
        double v;
        size_t u = parse_number(s + i, n - i, &v);
        if (u == 0) {
            i++;
            continue;
        }
        /* a minus sign directly before, not part of a range "2.7-3.5" */
        if (i > 0 && s[i - 1] == '-' && (i == 1 || !is_alnum((unsigned char)s[i - 2])))
            v = -v;
        size_t j = i + u;
        size_t sp = j;
        while (sp < n && (s[sp] == ' ' || (s[sp] == '-' && sp + 1 < n && !(s[sp + 1] >= '0' && s[sp + 1] <= '9'))) && sp - j < 2)
            sp++;
        int dim;
        double f;
        const char *canon;
        size_t ul = cordon__unit_match(s + sp, n - sp, &dim, &f, &canon);
        if (ul > 0) {
            int d2;
            double base = cordon__unit_convert(canon, strlen(canon), v, &d2);
            /* earlier numbers of a range "2.7-3.5 GHz" / "2.7 to 3.5 GHz" take this unit */
            for (size_t p = pending_from; p < pending_from + npending && p < k; p++) {
                out[p].value = cordon__unit_convert(canon, strlen(canon), out[p].value, &d2);
                out[p].dim = dim;
                out[p].end = sp + ul;
            }
            npending = 0;
            out[k].value = base;
            out[k].dim = dim;
            out[k].start = i;
            out[k].end = sp + ul;
            k++;
            i = sp + ul;
            continue;
        }
        /* a bare number followed by a range separator: keep it pending */
        size_t r = j;
        while (r < n && s[r] == ' ')
            r++;
        bool range = false;
        if (r < n && (s[r] == '-' || s[r] == '/'))
            range = true;
        else if (r + 2 < n && (unsigned char)s[r] == 0xE2 && (unsigned char)s[r + 1] == 0x80 &&
                 ((unsigned char)s[r + 2] == 0x93 || (unsigned char)s[r + 2] == 0x94))
            range = true;
        else if (r + 2 < n && strncasecmp(s + r, "to ", 3) == 0)
            range = true;
        if (range) {
            if (npending == 0)
                pending_from = k;
            out[k].value = v;
            out[k].dim = CORDON__DIM_NONE;
            out[k].start = i;
            out[k].end = j;
            k++;
            npending++;
        } else {
            /* numbers without unit are not kept (they would only add noise),
             * and a pending range without a unit is dropped */
            if (npending) {
                k -= npending;
                npending = 0;
            }
        }
        i = j;
    }
    /* drop trailing unit-less pending numbers */
    if (npending && k >= npending)
        k -= npending;
    /* compact out DIM_NONE leftovers */
    size_t w = 0;
    for (size_t p = 0; p < k; p++)
        if (out[p].dim != CORDON__DIM_NONE)
            out[w++] = out[p];
    return w;
}

bool cordon__cmp_holds(int cmp, double v, double thr)
{
    double scale = fmax(fabs(v), fabs(thr));
    bool eq = fabs(v - thr) <= 1e-9 * scale || v == thr;
    switch (cmp) {
    case CORDON__CMP_GT: return !eq && v > thr;
    case CORDON__CMP_GE: return eq || v > thr;
    case CORDON__CMP_LT: return !eq && v < thr;
    case CORDON__CMP_LE: return eq || v < thr;
    case CORDON__CMP_EQ: return eq;
    default: return false;
    }
}

const char *cordon__cmp_name(int cmp)
{
    static const char *const n[] = {"gt", "ge", "lt", "le", "eq"};
    return cmp >= 0 && cmp <= CORDON__CMP_EQ ? n[cmp] : "?";
}

const char *cordon__cmp_symbol(int cmp)
{
    static const char *const n[] = {">", ">=", "<", "<=", "="};
    return cmp >= 0 && cmp <= CORDON__CMP_EQ ? n[cmp] : "?";
}

int cordon__cmp_parse(const char *s)
{
    static const char *const n[] = {"gt", "ge", "lt", "le", "eq"};
    for (int i = 0; i <= CORDON__CMP_EQ; i++)
        if (strcmp(s, n[i]) == 0)
            return i;
    return -1;
}
