/* ofac_remarks.c — PCRE2 extraction of structured fields from OFAC remarks. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "sources/ofac_remarks.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* What a recognised segment means. */
enum {
    A_DOB,
    A_POB,
    A_NATIONALITY,
    A_CITIZEN,
    A_GENDER,
    A_ID,      /* identifier of type `arg` */
    A_VESSEL_ID, /* "Vessel Registration Identification IMO 1234567" */
    A_CRYPTO,
    A_ATTR,    /* attribute `arg` = rest of segment */
    A_TITLE,
};

typedef struct seg_rule {
    const char *kw;  /* keyword as written (regex-escaped at compile time) */
    int action;
    const char *arg;
} seg_rule;

/* Order matters where one keyword is a prefix of another. */
static const seg_rule rules[] = {
    {"DOB", A_DOB, NULL},
    {"Date of Birth", A_DOB, NULL},
    {"POB", A_POB, NULL},
    {"Place of Birth", A_POB, NULL},
    {"nationality", A_NATIONALITY, NULL},
    {"citizenship", A_CITIZEN, NULL},
    {"citizen", A_CITIZEN, NULL},
    {"Gender", A_GENDER, NULL},
    {"Diplomatic Passport", A_ID, "passport"},
    {"Passport", A_ID, "passport"},
    {"National ID No.", A_ID, "national_id"},
    {"National Foreign ID Number", A_ID, "national_id"},
    {"Cedula No.", A_ID, "national_id"},
    {"Personal ID Card", A_ID, "national_id"},
    {"D.N.I.", A_ID, "national_id"},
    {"Numero de Identidad", A_ID, "national_id"},
    {"Turkish Identification Number", A_ID, "national_id"},
    {"Kenyan ID No.", A_ID, "national_id"},
    {"Credencial electoral", A_ID, "voter_id"},
    {"I.F.E.", A_ID, "voter_id"},
    {"Identification Number", A_VESSEL_ID, "national_id"},
    {"Tax ID No.", A_ID, "tax_id"},
    {"RFC", A_ID, "tax_id"},
    {"NIT #", A_ID, "tax_id"},
    {"C.U.I.T.", A_ID, "tax_id"},
    {"C.U.I.P.", A_ID, "tax_id"},
    {"C.U.I.", A_ID, "tax_id"},
    {"RUC #", A_ID, "tax_id"},
    {"R.U.C. #", A_ID, "tax_id"},
    {"V.A.T. Number", A_ID, "tax_id"},
    {"SSN", A_ID, "ssn"},
    {"R.F.C.", A_ID, "tax_id"},
    {"C.U.R.P.", A_ID, "national_id"},
    {"ISIN", A_ID, "isin"},
    {"Birth Certificate Number", A_ID, "birth_certificate"},
    {"Residency Number", A_ID, "residency"},
    {"Driver's License No.", A_ID, "driving_license"},
    {"Legal Entity Number", A_ID, "lei"},
    {"SWIFT/BIC", A_ID, "swift"},
    {"MMSI", A_ID, "mmsi"},
    {"Vessel Registration Identification", A_VESSEL_ID, "vessel_registration"},
    {"Company Number", A_VESSEL_ID, "registration"},
    {"UK Company Number", A_ID, "registration"},
    {"Registration Number", A_ID, "registration"},
    {"Registration ID", A_ID, "registration"},
    {"Commercial Registry Number", A_ID, "registration"},
    {"Business Registration Number", A_ID, "registration"},
    {"Business Registration Document #", A_ID, "registration"},
    {"Certificate of Incorporation Number", A_ID, "registration"},
    {"Chamber of Commerce Number", A_ID, "registration"},
    {"Folio Mercantil No.", A_ID, "registration"},
    {"Matricula Mercantil No", A_ID, "registration"},
    {"C.R. No.", A_ID, "registration"},
    {"Trade License No.", A_ID, "registration"},
    {"Enterprise Number", A_ID, "registration"},
    {"Business Number", A_ID, "registration"},
    {"Branch Unit Number", A_ID, "registration"},
    {"Public Registration Number", A_ID, "registration"},
    {"Government Gazette Number", A_ID, "registration"},
    {"LE Number", A_ID, "registration"},
    {"Digital Currency Address", A_CRYPTO, NULL},
    {"Website", A_ATTR, "website"},
    {"Email Address", A_ATTR, "email"},
    {"Phone Number", A_ATTR, "phone"},
    {"Telephone No.", A_ATTR, "phone"},
    {"Linked To", A_ATTR, "linked_to"},
    {"Aircraft Model", A_ATTR, "aircraft_model"},
    {"Aircraft Manufacturer's Serial Number (MSN)", A_ATTR, "aircraft_serial"},
    {"Aircraft Serial Identification", A_ATTR, "aircraft_serial"},
    {"Aircraft Tail Number", A_ATTR, "aircraft_tail_number"},
    {"Aircraft Construction Number (also called L/N or S/N or F/N)", A_ATTR,
     "aircraft_construction_number"},
    {"Aircraft Operator", A_ATTR, "aircraft_operator"},
    {"Aircraft Manufacture Date", A_ATTR, "aircraft_manufacture_date"},
    {"Aircraft Mode S Transponder Code", A_ATTR, "aircraft_mode_s"},
    {"Previous Aircraft Tail Number", A_ATTR, "aircraft_previous_tail_number"},
    {"Vessel Year of Build", A_ATTR, "vessel_year_of_build"},
    {"Other Vessel Flag", A_ATTR, "vessel_flag"},
    {"Vessel Flag", A_ATTR, "vessel_flag"},
    {"Other Vessel Call Sign", A_ATTR, "call_sign"},
    {"Other Vessel Type", A_ATTR, "vessel_type"},
    {"Organization Established Date", A_ATTR, "established"},
    {"Organization Type", A_ATTR, "organization_type"},
    {"Title", A_TITLE, NULL},
};

#define NRULES (sizeof rules / sizeof rules[0])

/*
 * The compiled patterns are immutable and the same for every parse, so they
 * are compiled (and JIT-compiled) once per process, under pthread_once, and
 * shared read-only by every builder and thread afterwards (PCRE2 allows one
 * compiled pattern to be matched from many threads, each with its own match
 * data). Compiling the big keyword alternation and JIT-compiling it cost
 * about 4 ms, which used to be paid by every OFAC CSV parse (and capped the
 * fuzzer at ~20 inputs/s); matching with JIT is 4x faster than without, so
 * JIT stays. The compile-time memory comes from a static bump arena (as the
 * keyword index of lib/text does), never from malloc; the JIT's executable
 * memory is mapped by PCRE2 itself. Per-builder memory (match data and the
 * interpreter's backtracking frames) still goes through the builder's
 * allocator hook.
 */
#define RX_ARENA (1024 * 1024)

static struct {
    pcre2_code *seg; /* one anchored alternation: group i+1 = rules[i], NRULES+1 = value */
    pcre2_code *aka; /* a.k.a. 'X' / f.k.a. 'X' / n.k.a. 'X' anywhere */
    int rc;          /* CORDON_OK, or why compiling failed */
    int pcre_code;   /* PCRE2 error code when rc == CORDON_E_REGEX */
    size_t offset;   /* pattern offset of that error */
    _Alignas(16) unsigned char arena[RX_ARENA];
    size_t used;
} shared;

static pthread_once_t shared_once = PTHREAD_ONCE_INIT;

#define ARENA_HDR 16

/* Bump allocation; freeing the most recent block gives its space back (the
 * compiler's temporary work areas are freed in that order). */
static void *arena_malloc(PCRE2_SIZE n, void *u)
{
    (void)u;
    size_t need = (n + ARENA_HDR + 15) & ~(size_t)15;
    if (n > RX_ARENA || shared.used + need > RX_ARENA)
        return NULL;
    unsigned char *p = shared.arena + shared.used;
    shared.used += need;
    memcpy(p, &need, sizeof need);
    return p + ARENA_HDR;
}

static void arena_free(void *p, void *u)
{
    (void)u;
    if (!p)
        return;
    unsigned char *h = (unsigned char *)p - ARENA_HDR;
    size_t need;
    memcpy(&need, h, sizeof need);
    if (h + need == shared.arena + shared.used)
        shared.used -= need;
}

static pcre2_code *compile_shared(pcre2_general_context *gc, const char *pat)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_compile_context *cc = pcre2_compile_context_create(gc);
    if (!cc) {
        shared.rc = CORDON_E_NOMEM;
        return NULL;
    }
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                     PCRE2_CASELESS | PCRE2_UTF, &ec, &eo, cc);
    pcre2_compile_context_free(cc);
    if (!code) {
        shared.rc = ec == PCRE2_ERROR_HEAP_FAILED ? CORDON_E_NOMEM : CORDON_E_REGEX;
        shared.pcre_code = ec;
        shared.offset = eo;
        return NULL;
    }
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* optional speed-up */
    return code;
}

static void shared_build(void)
{
    pcre2_general_context *gc = pcre2_general_context_create(arena_malloc, arena_free, NULL);
    /* the alternation, built in the arena too */
    size_t cap = 64;
    for (size_t i = 0; i < NRULES; i++)
        cap += 4 + 3 * strlen(rules[i].kw);
    char *pat = gc ? arena_malloc(cap, NULL) : NULL;
    if (!pat) {
        shared.rc = CORDON_E_NOMEM;
        return;
    }
    size_t n = 0;
#define PUT(str) (memcpy(pat + n, (str), strlen(str)), n += strlen(str))
    PUT("^(?:alt\\.\\s*)?(?:");
    for (size_t i = 0; i < NRULES; i++) {
        if (i)
            pat[n++] = '|';
        pat[n++] = '(';
        for (const char *k = rules[i].kw; *k; k++) {
            if (*k == ' ') {
                PUT("\\s+");
                continue;
            }
            if (strchr("\\^$.|?*+()[]{}#/", *k))
                pat[n++] = '\\';
            pat[n++] = *k;
        }
        pat[n++] = ')';
    }
    /* keyword must end at a non-letter; then optional ':' or '-' */
    PUT(")(?![A-Za-z])\\s*[:\\-]?\\s*(.*)$");
#undef PUT
    pat[n] = '\0';
    shared.seg = compile_shared(gc, pat);
    if (shared.seg)
        shared.aka = compile_shared(
            gc, "\\b([afn])\\.k\\.a\\.?,?\\s*'(.+?)'(?=\\s*(?:[;),.]|$|\\s[afn]\\.k\\.a))");
    /* the general context and the pattern text stay in the arena: compiled
     * code keeps a copy of the context's allocator, nothing else of it */
}

struct cordon__ofac_rx {
    const cordon__alloc *a;
    pcre2_general_context *gc; /* the builder's allocator, for match data */
    pcre2_match_data *md;
};

static void *rx_malloc(PCRE2_SIZE n, void *u)
{
    const cordon__alloc *a = u;
    return cordon__malloc(a, n);
}
static void rx_free(void *p, void *u)
{
    const cordon__alloc *a = u;
    cordon__free(a, p);
}

int cordon__ofac_rx_new(cordon__ofac_rx **out, const cordon__alloc *a, cordon_error *err)
{
    *out = NULL;
    pthread_once(&shared_once, shared_build);
    if (shared.rc == CORDON_E_REGEX) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(shared.pcre_code, msg, sizeof msg);
        int rc = cordon__err_at(err, CORDON_E_REGEX, (int64_t)shared.offset, 0, 0,
                                "OFAC remarks pattern: %s", (const char *)msg);
        cordon__err_detail(err, shared.pcre_code);
        return rc;
    }
    if (shared.rc != CORDON_OK || !shared.seg || !shared.aka)
        return cordon__err(err, CORDON_E_NOMEM,
                           "out of memory compiling the OFAC remarks patterns");
    cordon__ofac_rx *rx = cordon__calloc(a, 1, sizeof *rx);
    if (!rx)
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    rx->a = a;
    rx->gc = pcre2_general_context_create(rx_malloc, rx_free, (void *)a);
    if (rx->gc)
        rx->md = pcre2_match_data_create(NRULES + 4, rx->gc);
    if (!rx->md) {
        cordon__ofac_rx_free(rx);
        return cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    *out = rx;
    return CORDON_OK;
}

void cordon__ofac_rx_free(cordon__ofac_rx *rx)
{
    if (!rx)
        return;
    pcre2_match_data_free(rx->md);
    pcre2_general_context_free(rx->gc);
    cordon__free(rx->a, rx);
}

static bool starts_ci(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (n < l)
        return false;
    for (size_t i = 0; i < l; i++) {
        int x = (unsigned char)s[i], y = (unsigned char)lit[i];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (x != y)
            return false;
    }
    return true;
}

/* "X123 (Country) issued 01 Jan 2000 expires ..." -> number, country, note */
static bool add_ident(cordon__ent *e, const char *type, const char *v, size_t n)
{
    const char *num = v, *ctry = NULL, *note = NULL;
    size_t numn = n, ctryn = 0, noten = 0;
    const char *par = memchr(v, '(', n);
    size_t i;
    for (i = 0; i + 1 < n; i++) {
        if (v[i] == ' ' && (starts_ci(v + i + 1, n - i - 1, "issued") ||
                            starts_ci(v + i + 1, n - i - 1, "expires") ||
                            starts_ci(v + i + 1, n - i - 1, "valid")))
            break;
    }
    const char *kw = (i + 1 < n) ? v + i : NULL;
    if (par && (!kw || par < kw)) {
        numn = (size_t)(par - v);
        const char *close = memchr(par, ')', n - (size_t)(par - v));
        if (close) {
            ctry = par + 1;
            ctryn = (size_t)(close - par - 1);
            note = close + 1;
            noten = n - (size_t)(close + 1 - v);
        } else {
            note = par;
            noten = n - numn;
        }
    } else if (kw) {
        numn = (size_t)(kw - v);
        note = kw;
        noten = n - numn;
        /* "X issued ... (Country)" */
        const char *p2 = memchr(kw, '(', noten);
        if (p2) {
            const char *c2 = memchr(p2, ')', n - (size_t)(p2 - v));
            if (c2) {
                ctry = p2 + 1;
                ctryn = (size_t)(c2 - p2 - 1);
            }
        }
    }
    return cordon__ent_add_id(e, type, CORDON_NUL_TERMINATED, num, numn, ctry, ctryn, note,
                              noten);
}

static bool do_segment(cordon__ofac_rx *rx, cordon__ent *e, const char *s, size_t n)
{
    int rc = pcre2_match(shared.seg, (PCRE2_SPTR)s, n, 0, 0, rx->md, NULL);
    if (rc < 0)
        return true; /* not a recognised segment */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);
    size_t which = NRULES;
    for (size_t i = 0; i < NRULES && (int)(i + 1) < rc; i++)
        if (ov[2 * (i + 1)] != PCRE2_UNSET) {
            which = i;
            break;
        }
    if (which == NRULES)
        return true;
    const char *v = s + ov[2 * (NRULES + 1)];
    size_t vn = ov[2 * (NRULES + 1) + 1] - ov[2 * (NRULES + 1)];
    while (vn && (v[vn - 1] == ' ' || v[vn - 1] == ','))
        vn--;
    if (vn == 0)
        return true;
    const seg_rule *r = &rules[which];
    switch (r->action) {
    case A_DOB: {
        cordon__date d;
        if (cordon__date_parse(v, vn, &d))
            return cordon__ent_add_dob(e, &d);
        return cordon__ent_add_attr(e, "dob_text", v, vn);
    }
    case A_POB:
        return cordon__ent_add(e, CORDON__M_POB, v, vn);
    case A_NATIONALITY:
        return cordon__ent_add(e, CORDON__M_NATIONALITY, v, vn);
    case A_CITIZEN:
        return cordon__ent_add(e, CORDON__M_CITIZENSHIP, v, vn);
    case A_GENDER:
        if (starts_ci(v, vn, "female"))
            return cordon__ent_set(e, CORDON__F_GENDER, "female", 6);
        if (starts_ci(v, vn, "male"))
            return cordon__ent_set(e, CORDON__F_GENDER, "male", 4);
        return true;
    case A_ID:
        return add_ident(e, r->arg, v, vn);
    case A_VESSEL_ID:
        if (starts_ci(v, vn, "imo ")) {
            const char *p = v + 4;
            size_t pn = vn - 4;
            return add_ident(e, "imo", p, pn);
        }
        return add_ident(e, r->arg, v, vn);
    case A_CRYPTO: {
        /* "XBT 1abc..." */
        size_t k = 0;
        while (k < vn && v[k] != ' ')
            k++;
        if (k == 0 || k >= vn || k > 16)
            return true;
        char type[24] = "crypto:";
        for (size_t j = 0; j < k; j++) {
            char ch = v[j];
            type[7 + j] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
        }
        type[7 + k] = '\0';
        return add_ident(e, type, v + k + 1, vn - k - 1);
    }
    case A_ATTR:
        return cordon__ent_add_attr(e, r->arg, v, vn);
    case A_TITLE:
        if (!e->scalar[CORDON__F_TITLE])
            return cordon__ent_set(e, CORDON__F_TITLE, v, vn);
        return true;
    }
    return true;
}

bool cordon__ofac_remarks(cordon__ofac_rx *rx, cordon__ent *e, const char *s, size_t n)
{
    /* the text ends with a full stop that belongs to no value */
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
        n--;
    /* segments */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ';')
            j++;
        size_t a = i, b = j;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        if (b > a && !do_segment(rx, e, s + a, b - a))
            return false;
        i = j + 1;
    }
    /* aliases anywhere in the text */
    size_t off = 0;
    while (off < n) {
        int rc = pcre2_match(shared.aka, (PCRE2_SPTR)s, n, off, 0, rx->md, NULL);
        if (rc < 3)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);
        char k = s[ov[2]];
        int kind = (k == 'f' || k == 'F') ? CORDON__NAME_FKA : CORDON__NAME_AKA;
        if (!cordon__ent_add_name(e, kind, s + ov[4], ov[5] - ov[4], NULL, 0, NULL, 0, NULL, 0))
            return false;
        off = ov[1] > off ? ov[1] : off + 1;
    }
    return true;
}

/* Keyword equality ignoring case, runs of spaces and a trailing ':' / '-'. */
static bool kw_eq(const char *t, size_t tn, const char *kw)
{
    while (tn && (t[tn - 1] == ' ' || t[tn - 1] == ':' || t[tn - 1] == '-'))
        tn--;
    while (tn && t[0] == ' ') {
        t++;
        tn--;
    }
    size_t i = 0;
    for (; *kw; kw++) {
        if (i >= tn)
            return false;
        int x = (unsigned char)t[i], y = (unsigned char)*kw;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return false;
        i++;
        if (*kw == ' ')
            while (i < tn && t[i] == ' ')
                i++;
    }
    return i == tn;
}

bool cordon__ofac_typed_value(cordon__ent *e, const char *type, size_t tn, const char *value,
                              size_t vn, const char *country, size_t cn, const char *note,
                              size_t nn)
{
    while (vn && value[0] == ' ') {
        value++;
        vn--;
    }
    if (!vn)
        return true;
    static const char dca[] = "Digital Currency Address";
    if (tn > sizeof dca && starts_ci(type, tn, "digital currency address")) {
        /* "Digital Currency Address - XBT": the code is the last word */
        size_t k = tn;
        while (k && type[k - 1] == ' ')
            k--;
        size_t end = k;
        while (k && type[k - 1] != ' ' && type[k - 1] != '-')
            k--;
        if (end > k && end - k <= 16) {
            char t[24] = "crypto:";
            for (size_t j = 0; j < end - k; j++) {
                char ch = type[k + j];
                t[7 + j] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
            }
            t[7 + end - k] = '\0';
            return cordon__ent_add_id(e, t, CORDON_NUL_TERMINATED, value, vn, country, cn, note, nn);
        }
    }
    for (size_t i = 0; i < NRULES; i++) {
        if (!kw_eq(type, tn, rules[i].kw))
            continue;
        const seg_rule *r = &rules[i];
        switch (r->action) {
        case A_ID:
            return cordon__ent_add_id(e, r->arg, CORDON_NUL_TERMINATED, value, vn, country, cn,
                                      note, nn);
        case A_VESSEL_ID:
            if (starts_ci(value, vn, "imo "))
                return cordon__ent_add_id(e, "imo", 3, value + 4, vn - 4, country, cn, note, nn);
            return cordon__ent_add_id(e, r->arg, CORDON_NUL_TERMINATED, value, vn, country, cn,
                                      note, nn);
        case A_GENDER:
            if (starts_ci(value, vn, "female"))
                return cordon__ent_set(e, CORDON__F_GENDER, "female", 6);
            if (starts_ci(value, vn, "male"))
                return cordon__ent_set(e, CORDON__F_GENDER, "male", 4);
            return true;
        case A_ATTR:
            return cordon__ent_add_attr(e, r->arg, value, vn);
        case A_DOB: {
            cordon__date d;
            if (cordon__date_parse(value, vn, &d))
                return cordon__ent_add_dob(e, &d);
            return cordon__ent_add_attr(e, "dob_text", value, vn);
        }
        case A_POB:
            return cordon__ent_add(e, CORDON__M_POB, value, vn);
        case A_NATIONALITY:
            return cordon__ent_add(e, CORDON__M_NATIONALITY, value, vn);
        case A_CITIZEN:
            return cordon__ent_add(e, CORDON__M_CITIZENSHIP, value, vn);
        case A_TITLE:
            return cordon__ent_set(e, CORDON__F_TITLE, value, vn);
        default:
            break;
        }
    }
    /* unknown: keep as attribute named by the type text */
    while (tn && (type[tn - 1] == ' ' || type[tn - 1] == ':' || type[tn - 1] == '-'))
        tn--;
    while (tn && type[0] == ' ') {
        type++;
        tn--;
    }
    if (!tn)
        return cordon__ent_add_attr(e, "info", value, vn);
    char key[96];
    size_t kn = tn < sizeof key - 1 ? tn : sizeof key - 1;
    while (kn < tn && kn > 0 && ((unsigned char)type[kn] & 0xC0) == 0x80)
        kn--; /* never cut a UTF-8 sequence */
    memcpy(key, type, kn);
    key[kn] = '\0';
    return cordon__ent_add_attr(e, key, value, vn);
}
