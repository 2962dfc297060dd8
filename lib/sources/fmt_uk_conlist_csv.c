/* fmt_uk_conlist_csv.c — HM Treasury / OFSI Consolidated List, ConList.csv.
 *
 * Line 1 "Last Updated,dd/mm/yyyy", line 2 the header, then one row per
 * name or alias x date-of-birth variant, grouped into entities by Group ID
 * (rows of a group need not be adjacent). The published files are
 * Windows-1252: a file that is not valid UTF-8 is decoded as Windows-1252.
 */
#include "sources/csv.h"
#include "sources/encoding.h"
#include "sources/formats.h"

#include <stdio.h>
#include <string.h>

enum {
    U_N6, U_N1, U_N2, U_N3, U_N4, U_N5, U_TITLE, U_DOB, U_TOWN, U_CTRY_BIRTH, U_NATION,
    U_PASSPORT, U_NI, U_POSITION, U_A1, U_A2, U_A3, U_A4, U_A5, U_A6, U_POST, U_COUNTRY,
    U_OTHER, U_GTYPE, U_ATYPE, U_REGIME, U_LISTED, U_UPDATED, U_GID, U_N
};

static const char *const cols[U_N] = {
    "Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title", "DOB",
    "Town of Birth", "Country of Birth", "Nationality", "Passport Details", "NI Number",
    "Position", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
    "Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type", "Regime",
    "Listed On", "Last Updated", "Group ID",
};

/* dd/mm/yyyy -> yyyy-mm-dd (out[16]); false if not that form. */
static bool uk_date_iso(const char *p, size_t n, char out[24])
{
    cordon__date d;
    if (n != 10 || p[2] != '/' || p[5] != '/' || !cordon__date_parse(p, n, &d))
        return false;
    snprintf(out, 24, "%04d-%02d-%02d", d.year, d.month, d.day);
    return d.month && d.day;
}

typedef bool (*item_fn)(cordon__ent *e, int what, const char *s, size_t n);

/* Split "(1) A (2) B" / "1) A 2) B" numbered lists; plain text is one item. */
static bool numbered_items(cordon__ent *e, int what, const char *s, size_t n, item_fn fn)
{
    size_t starts[64], ends[64], k = 0;
    size_t i = 0, cur = 0;
    bool open = false;
    while (i < n) {
        size_t j = i;
        bool at_boundary = (i == 0 || s[i - 1] == ' ');
        if (at_boundary && s[j] == '(')
            j++;
        size_t d0 = j;
        while (j < n && j - d0 < 3 && s[j] >= '0' && s[j] <= '9')
            j++;
        if (at_boundary && j > d0 && j < n && s[j] == ')' && (j + 1 == n || s[j + 1] == ' ')) {
            if (open && k < 64) {
                starts[k] = cur;
                ends[k] = i;
                k++;
            }
            cur = j + 1;
            open = true;
            i = j + 1;
            continue;
        }
        i++;
    }
    if (!open)
        return fn(e, what, s, n);
    if (k < 64) {
        starts[k] = cur;
        ends[k] = n;
        k++;
    }
    for (size_t t = 0; t < k; t++) {
        const char *p = s + starts[t];
        size_t m = ends[t] - starts[t];
        while (m && (*p == ' ' || *p == ',')) {
            p++;
            m--;
        }
        while (m && (p[m - 1] == ' ' || p[m - 1] == ','))
            m--;
        if (m && !fn(e, what, p, m))
            return false;
    }
    return true;
}

static bool item_multi(cordon__ent *e, int what, const char *s, size_t n)
{
    return cordon__ent_add(e, what, s, n);
}

/* "Passport No: 592667 (Qatari passport issued on 3 May 2007)." -> number is
 * the first word holding a digit; country the first short parenthesis. */
static bool item_doc(cordon__ent *e, int what, const char *s, size_t n)
{
    const char *type = what == 0 ? "passport" : "national_id";
    const char *num = NULL;
    size_t numn = 0;
    for (size_t i = 0; i < n && !num;) {
        while (i < n && (s[i] == ' ' || s[i] == '(' || s[i] == ':'))
            i++;
        size_t j = i;
        bool digit = false;
        while (j < n && s[j] != ' ' && s[j] != '(' && s[j] != ')') {
            if (s[j] >= '0' && s[j] <= '9')
                digit = true;
            j++;
        }
        if (digit) {
            num = s + i;
            numn = j - i;
            while (numn && (num[numn - 1] == '.' || num[numn - 1] == ',' || num[numn - 1] == ';'))
                numn--;
        }
        i = j + 1;
    }
    if (!num)
        return cordon__ent_add_attr(e, what == 0 ? "passport_details" : "ni_number", s, n);
    const char *ctry = NULL;
    size_t cn = 0;
    const char *lp = memchr(s, '(', n);
    if (lp) {
        const char *rp = memchr(lp, ')', n - (size_t)(lp - s));
        if (rp && rp - lp - 1 > 0 && rp - lp - 1 <= 24 && !memchr(lp, ' ', (size_t)(rp - lp))) {
            ctry = lp + 1;
            cn = (size_t)(rp - lp - 1);
        }
    }
    return cordon__ent_add_id(e, type, CORDON_NUL_TERMINATED, num, numn, ctry, cn, s, n);
}

static uint64_t group_key(const cordon__csv_field *f)
{
    uint64_t v = 0;
    bool num = f->n > 0 && f->n <= 18;
    for (size_t i = 0; num && i < f->n; i++) {
        if (f->p[i] < '0' || f->p[i] > '9')
            num = false;
        else
            v = v * 10 + (uint64_t)(f->p[i] - '0');
    }
    if (num)
        return v;
    return cordon__hash64(f->p, f->n, 0x6b) | (1ull << 63);
}

static int uk_parse_utf8(cordon__sink *sink, const char *name, const char *data, size_t len,
                         const char *list_id, cordon_error *err)
{
    const cordon_options *o = cordon__sink_options(sink);
    const cordon__alloc *a = cordon__alloc_of(o);
    cordon__csv c;
    cordon__csv_init(&c, o, name, data, len, ',');
    int rc = cordon__csv_next(&c, err);
    char date[24] = "";
    if (rc == 1 && c.nf >= 2 && cordon__csv_field_is(&c.f[0], "Last Updated")) {
        cordon__csv_field f = cordon__csv_trim(c.f[1]);
        if (!uk_date_iso(f.p, f.n, date))
            date[0] = '\0';
        rc = cordon__csv_next(&c, err);
    }
    if (rc <= 0) {
        cordon__csv_free(&c);
        return rc < 0 ? rc : cordon__err(err, CORDON_E_PARSE, "%s: no header", c.name);
    }
    int idx[U_N];
    cordon__csv_header_map(&c, cols, U_N, idx);
    for (int k = 0; k < U_N; k++)
        if (idx[k] < 0) {
            rc = cordon__csv_err(&c, err, CORDON_E_FORMAT, NULL,
                                 "not a UK ConList CSV: header has no column '%s'", cols[k]);
            cordon__csv_free(&c);
            return rc;
        }
    size_t ncol = c.nf;
    rc = cordon__sink_list(sink, list_id ? list_id : "uk_hmt", "HM Treasury OFSI",
                           date[0] ? date : NULL, err);
    cordon__csv_grouper g;
    cordon__csv_group_init(&g, a);
    cordon__ent e;
    cordon__ent_init(&e, a);
    cordon__buf b;
    cordon__buf_init(&b, a);
#define F(k) cordon__csv_trim(cordon__csv_get(&c, (size_t)idx[k]))
    while (rc == CORDON_OK) {
        int r = cordon__csv_next(&c, err);
        if (r == 0)
            break;
        if (r < 0) {
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        cordon__csv_field gid = F(U_GID);
        if (c.nf != ncol || gid.n == 0) {
            cordon__csv_field f = c.nf != ncol ? cordon__csv_get(&c, c.nf - 1) : gid;
            r = c.nf != ncol ? cordon__csv_err(&c, err, CORDON_E_PARSE, &f,
                                               "expected %zu fields, found %zu", ncol, c.nf)
                             : cordon__csv_err(&c, err, CORDON_E_PARSE, &f, "empty Group ID");
            rc = cordon__csv_bad_record(sink, c.line, r, err);
            continue;
        }
        if (!cordon__csv_group_add(&g, &c, group_key(&gid)))
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    }
    if (rc == CORDON_OK && !cordon__csv_group_finish(&g))
        rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
    for (size_t gi = 0; rc == CORDON_OK && gi < g.ngroups; gi++) {
        const cordon__csv_group *gr = &g.groups[gi];
        cordon__ent_clear(&e);
        bool ok = true;
        for (size_t ri = 0; ok && ri < gr->count; ri++) {
            const cordon__csv_row *row = &g.rows[gr->first + ri];
            if ((rc = cordon__csv_reread(&c, row, err)) != CORDON_OK)
                break;
            cordon__csv_field f;
            if (ri == 0) {
                f = F(U_GID);
                ok = cordon__ent_set(&e, CORDON__F_ID, f.p, f.n);
                f = F(U_GTYPE);
                cordon__ent_set_type(&e, cordon__csv_uk_type(&f));
            }
            /* name: Name 1..5 are given/middle names, Name 6 the family name */
            cordon__csv_field n[6];
            for (int k = 0; k < 6; k++)
                n[k] = F(U_N6 + k); /* n[0] = Name 6, n[1..5] = Name 1..5 */
            cordon__buf_reset(&b);
            for (int k = 1; k <= 6; k++) {
                cordon__csv_field p = n[k % 6];
                if (!p.n)
                    continue;
                if (b.len)
                    cordon__buf_putc(&b, ' ');
                cordon__buf_append(&b, p.p, p.n);
            }
            size_t full_len = b.len;
            /* middle names: Name 2..5 */
            size_t mid_off = b.len;
            for (int k = 2; k <= 5; k++) {
                if (!n[k].n)
                    continue;
                if (b.len > mid_off)
                    cordon__buf_putc(&b, ' ');
                cordon__buf_append(&b, n[k].p, n[k].n);
            }
            ok = ok && !b.failed;
            f = F(U_ATYPE);
            int kind = CORDON__NAME_AKA;
            if (cordon__ascii_ieq(f.p, f.n, "Prime Alias") || cordon__ascii_ieq(f.p, f.n, "Primary name"))
                kind = CORDON__NAME_PRIMARY;
            else if (cordon__ascii_ieq(f.p, f.n, "FKA"))
                kind = CORDON__NAME_FKA;
            if (ok && full_len) {
                bool person = e.type == CORDON__TYPE_PERSON;
                ok = cordon__ent_add_name(&e, kind, b.data, full_len,
                                          person && n[1].n ? n[1].p : NULL, n[1].n,
                                          person && b.len > mid_off ? b.data + mid_off : NULL,
                                          b.len - mid_off, person && n[0].n ? n[0].p : NULL,
                                          n[0].n);
            }
            f = F(U_DOB);
            if (ok && f.n) {
                cordon__date d;
                if (cordon__date_parse(f.p, f.n, &d))
                    ok = cordon__ent_add_dob(&e, &d);
                else
                    ok = cordon__ent_add_attr(&e, "dob_text", f.p, f.n);
            }
            cordon__csv_field town = F(U_TOWN), cob = F(U_CTRY_BIRTH);
            if (ok && (town.n || cob.n)) {
                cordon__buf_reset(&b);
                cordon__buf_append(&b, town.p, town.n);
                if (town.n && cob.n)
                    cordon__buf_puts(&b, ", ");
                cordon__buf_append(&b, cob.p, cob.n);
                ok = !b.failed && cordon__ent_add(&e, CORDON__M_POB, b.data, b.len);
            }
            f = F(U_NATION);
            ok = ok && numbered_items(&e, CORDON__M_NATIONALITY, f.p, f.n, item_multi);
            f = F(U_PASSPORT);
            ok = ok && numbered_items(&e, 0, f.p, f.n, item_doc);
            f = F(U_NI);
            ok = ok && numbered_items(&e, 1, f.p, f.n, item_doc);
            f = F(U_TITLE);
            ok = ok && (e.scalar[CORDON__F_TITLE] || cordon__ent_set(&e, CORDON__F_TITLE, f.p, f.n));
            f = F(U_POSITION);
            ok = ok && cordon__ent_add_attr(&e, "position", f.p, f.n);
            cordon__buf_reset(&b);
            for (int k = U_A1; k <= U_COUNTRY; k++) {
                f = F(k);
                if (!f.n)
                    continue;
                if (b.len)
                    cordon__buf_puts(&b, ", ");
                cordon__buf_append(&b, f.p, f.n);
            }
            ok = ok && !b.failed && (!b.len || cordon__ent_add(&e, CORDON__M_ADDRESS, b.data, b.len));
            f = F(U_COUNTRY);
            ok = ok && cordon__ent_add(&e, CORDON__M_ADDRESS_COUNTRY, f.p, f.n);
            f = F(U_OTHER);
            ok = ok && (e.scalar[CORDON__F_REMARKS] || cordon__ent_set(&e, CORDON__F_REMARKS, f.p, f.n));
            f = F(U_REGIME);
            ok = ok && cordon__ent_add(&e, CORDON__M_PROGRAM, f.p, f.n);
            char iso[24];
            f = F(U_LISTED);
            if (ok && !e.scalar[CORDON__F_LISTED_ON] && uk_date_iso(f.p, f.n, iso))
                ok = cordon__ent_set(&e, CORDON__F_LISTED_ON, iso, CORDON_NUL_TERMINATED);
            f = F(U_UPDATED);
            if (ok && ri == 0 && uk_date_iso(f.p, f.n, iso))
                ok = cordon__ent_add_attr(&e, "last_updated", iso, CORDON_NUL_TERMINATED);
        }
        if (rc != CORDON_OK)
            break;
        if (!ok) {
            rc = cordon__err(err, CORDON_E_NOMEM, "out of memory");
            break;
        }
        if (e.n_names == 0) {
            char why[128];
            snprintf(why, sizeof why, "%s: Group ID %s has no name", c.name,
                     e.scalar[CORDON__F_ID] ? e.scalar[CORDON__F_ID] : "?");
            rc = cordon__err_at(err, CORDON_E_PARSE, -1, g.rows[gr->first].line, 0, "%s", why);
            rc = cordon__csv_bad_record(sink, g.rows[gr->first].line, rc, err);
            continue;
        }
        rc = cordon__sink_entity(sink, &e, err);
    }
#undef F
    cordon__buf_free(&b);
    cordon__ent_destroy(&e);
    cordon__csv_group_free(&g);
    cordon__csv_free(&c);
    return rc;
}

static int uk_parse(cordon__sink *sink, const cordon__input *in, size_t n, const char *list_id,
                    cordon_error *err)
{
    cordon_error local;
    if (!err)
        err = &local;
    cordon__err_clear(err);
    if (n != 1)
        return cordon__err(err, CORDON_E_INVALID, "uk_conlist_csv reads one file, got %zu", n);
    size_t bad;
    if (cordon__utf8_valid(in->data, in->len, &bad))
        return uk_parse_utf8(sink, in->name, in->data, in->len, list_id, err);
    /* the published files are Windows-1252 */
    const cordon__alloc *a = cordon__alloc_of(cordon__sink_options(sink));
    char *u = NULL;
    size_t un = 0;
    int rc = cordon__decode_to_utf8(a, "windows-1252", in->name, in->data, in->len, &u, &un, err);
    if (rc < 0)
        return rc;
    rc = uk_parse_utf8(sink, in->name, u, un, list_id, err);
    cordon__free(a, u);
    return rc;
}

static int uk_detect(const char *name, const char *data, size_t len)
{
    (void)name;
    static const char h[] = "Last Updated,";
    size_t off = (len >= 3 && (unsigned char)data[0] == 0xEF) ? 3 : 0;
    if (len - off >= sizeof h - 1 && memcmp(data + off, h, sizeof h - 1) == 0) {
        /* confirm with the header on the next line */
        const char *nl = memchr(data + off, '\n', len - off < 256 ? len - off : 256);
        static const char h2[] = "Name 6,Name 1";
        if (nl && (size_t)(data + len - nl - 1) >= sizeof h2 - 1 &&
            memcmp(nl + 1, h2, sizeof h2 - 1) == 0)
            return 98;
        return 60;
    }
    static const char h3[] = "Name 6,Name 1,Name 2";
    if (len - off >= sizeof h3 - 1 && memcmp(data + off, h3, sizeof h3 - 1) == 0)
        return 90;
    return 0;
}

const cordon__format cordon__fmt_uk_conlist_csv = {
    "uk_conlist_csv",
    "UK HM Treasury / OFSI Consolidated List CSV (ConList.csv, Windows-1252)",
    uk_detect,
    uk_parse,
};
