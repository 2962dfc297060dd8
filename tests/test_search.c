/* test_search.c — party search over the name index: real lists (OFAC SDN
 * 2021-07, UN consolidated), variants, evidence, exhaustive equality, the
 * MATCH section validator, options, threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>

#include <cmocka.h>

#include "testutil.h"

#include "index/db.h"
#include "match/index.h"

static cordon_db *g_db;

static int setup(void **state)
{
    (void)state;
    char sdn[4096], un[4096];
    if (!tu_shared_path(sdn, sizeof sdn, "ofac/sdn_2021-07") ||
        !tu_shared_path(un, sizeof un, "un/2026-02/UN_consolidated.xml"))
        return 0;
    cordon_builder *b;
    cordon_error err;
    if (cordon_builder_new(&b, NULL, &err) || cordon_builder_add_file(b, sdn, NULL, NULL, &err) ||
        cordon_builder_add_file(b, un, NULL, NULL, &err) || cordon_builder_finish(b, &g_db, &err)) {
        fprintf(stderr, "setup: %s\n", err.message);
        return -1;
    }
    cordon_builder_free(b);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cordon_db_free(g_db);
    return 0;
}

#define NEED_DB()                                                          \
    do {                                                                   \
        if (!g_db) {                                                       \
            print_message("skipped: CORDON_SHARED_DATA not available\n"); \
            skip();                                                        \
        }                                                                  \
    } while (0)

static cordon_results *search(const char *name, int type, const char *dob, const char *country,
                              int exhaustive, cordon_options *o)
{
    cordon_party *p;
    cordon_error err;
    assert_int_equal(cordon_party_new(&p, o, &err), CORDON_OK);
    assert_int_equal(cordon_party_add_name(p, name, CORDON_NUL_TERMINATED, &err), CORDON_OK);
    assert_int_equal(cordon_party_set_type(p, type, &err), CORDON_OK);
    if (dob)
        assert_int_equal(cordon_party_set_dob(p, dob, &err), CORDON_OK);
    if (country)
        assert_int_equal(cordon_party_add_country(p, country, &err), CORDON_OK);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_EXHAUSTIVE, exhaustive, &err), CORDON_OK);
    cordon_results *r = NULL;
    int rc = cordon_screen_party(g_db, p, o, &r, &err);
    if (rc)
        fail_msg("%s: %s", name, err.message);
    cordon_party_free(p);
    return r;
}

typedef struct vcase {
    const char *query;
    int type;
    const char *list, *entity; /* expected top hit */
    const char *what;
} vcase;

static const vcase variants[] = {
    {"Oleg Deripaska", 1, "us_ofac_sdn", "24283", "exact, natural order"},
    {"Deripaska Oleg", 1, "us_ofac_sdn", "24283", "reordered"},
    {"Oleg Deripsaka", 1, "us_ofac_sdn", "24283", "transposition typo"},
    {"Oleg Derepaska", 0, "us_ofac_sdn", "24283", "substitution typo"},
    {"Oleg Derypasca", 1, "us_ofac_sdn", "24283", "two typos in one word"},
    {"Олег Дерипаска", 0, "us_ofac_sdn", "24283", "Cyrillic"},
    {"Аркадий Ротенберг", 1, "us_ofac_sdn", "16669", "Cyrillic"},
    {"Юрий Ковальчук", 1, "us_ofac_sdn", "16680", "Cyrillic, other romanisation"},
    {"Usama Ladin", 1, "us_ofac_sdn", "6365", "dropped particles and middle names"},
    {"Osama bin Laden", 0, "us_ofac_sdn", "6365", "alias spelling"},
    {"Joaquin Archivaldo Guzman Loera", 1, "us_ofac_sdn", "6861", "extra middle name"},
    {"Luz Arambula Garcia", 1, "us_ofac_sdn", "11505", "dropped middle name"},
    {"Alqaida", 2, "us_ofac_sdn", "6366", "glued"},
    {"Banco Nacional de Cuba", 2, "us_ofac_sdn", "306", "organisation"},
    {"Jong Un Kim", 1, "us_ofac_sdn", "20157", "reordered Korean name"},
    {"Islamic Republic of Iran Shpg Lines", 2, "us_ofac_sdn", "25396", "abbreviated word"},
    {"Petropars Intl", 2, "us_ofac_sdn", "11634", "abbreviated word"},
    {"\xea\xb9\x80\xec\xa0\x95\xec\x9d\x80", 1, "us_ofac_sdn", "20157", "Hangul, one word"},
    {"\xec\xb5\x9c\xeb\xa3\xa1\xed\x95\xb4", 0, "us_ofac_sdn", "23213", "Hangul, one word"},
};

static void test_variants(void **state)
{
    (void)state;
    NEED_DB();
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof variants / sizeof *variants; i++) {
        const vcase *c = &variants[i];
        cordon_results *r = search(c->query, c->type, NULL, NULL, 0, o);
        if (cordon_results_count(r) == 0)
            fail_msg("%s (%s): no hit", c->query, c->what);
        if (strcmp(cordon_results_entity_id(r, 0), c->entity) != 0 ||
            strcmp(cordon_results_list(r, 0), c->list) != 0)
            fail_msg("%s (%s): top hit %s %s \"%s\"", c->query, c->what, cordon_results_list(r, 0),
                     cordon_results_entity_id(r, 0), cordon_results_name(r, 0));
        assert_int_equal(cordon_results_decision(r, 0), CORDON_DECISION_ALERT);
        assert_true(cordon_results_score(r, 0) >= 0.75);
        /* exhaustive scoring gives the same top hit with the same score */
        cordon_results *x = search(c->query, c->type, NULL, NULL, 1, o);
        assert_true(cordon_results_count(x) > 0);
        assert_string_equal(cordon_results_entity_id(x, 0), c->entity);
        assert_string_equal(cordon_results_name(x, 0), cordon_results_name(r, 0));
        assert_true(cordon_results_score(x, 0) == cordon_results_score(r, 0));
        /* and every strong hit of the exhaustive run is found by the index */
        for (size_t k = 0; k < cordon_results_count(x); k++) {
            if (cordon_results_score(x, k) < 0.7)
                continue;
            bool found = false;
            for (size_t j = 0; j < cordon_results_count(r); j++)
                found |= cordon_results_entity_index(r, j) == cordon_results_entity_index(x, k);
            if (!found)
                fail_msg("%s: index missed %s \"%s\" (%.3f)", c->query,
                         cordon_results_entity_id(x, k), cordon_results_name(x, k),
                         cordon_results_score(x, k));
        }
        cordon_results_free(x);
        cordon_results_free(r);
    }
    cordon_options_free(o);
}

static void test_fields_and_json(void **state)
{
    (void)state;
    NEED_DB();
    cordon_options *o = tu_options();
    cordon_results *r = search("Aiman al Zawahri", 1, NULL, NULL, 0, o);
    assert_true(cordon_results_count(r) >= 1);
    /* the UN entry and the OFAC entry both alert */
    bool un = false, ofac = false;
    for (size_t i = 0; i < cordon_results_count(r); i++) {
        if (cordon_results_decision(r, i) != CORDON_DECISION_ALERT)
            continue;
        if (strcmp(cordon_results_entity_id(r, i), "QDi.006") == 0) {
            un = true;
            assert_string_equal(cordon_results_list(r, i), "un_sc");
            assert_string_equal(cordon_results_primary_name(r, i), "AIMAN MUHAMMED RABI AL-ZAWAHIRI");
        }
        if (strcmp(cordon_results_entity_id(r, i), "2676") == 0)
            ofac = true;
    }
    assert_true(un && ofac);
    size_t el;
    const char *ex = cordon_results_explanation(r, 0, &el);
    assert_non_null(ex);
    assert_int_equal(strlen(ex), el);
    assert_non_null(strstr(ex, "\"tokens\":["));
    uint32_t ei = cordon_results_entity_index(r, 0);
    assert_true(ei < cordon_db_entity_count(g_db));
    assert_string_equal(cordon_db_entity_id(g_db, ei), cordon_results_entity_id(r, 0));
    assert_true(cordon_results_content_hash(r, 0) != 0);
    const char *j = cordon_results_json(r, NULL);
    assert_non_null(j);
    assert_non_null(strstr(j, "\"decision\":\"alert\""));
    assert_non_null(strstr(j, "\"entity_id\":\"QDi.006\""));
    assert_non_null(strstr(j, "\"explanation\":{"));
    /* bad indexes */
    size_t n = cordon_results_count(r);
    assert_true(cordon_results_score(r, n) < 0);
    assert_int_equal(cordon_results_decision(r, n), -1);
    assert_null(cordon_results_name(r, n));
    assert_int_equal(cordon_results_entity_index(r, n), UINT32_MAX);
    assert_null(cordon_results_explanation(r, n, &el));
    cordon_results_free(r);
    cordon_options_free(o);
}

static void test_evidence(void **state)
{
    (void)state;
    NEED_DB();
    cordon_options *o = tu_options();
    cordon_results *plain = search("Oleg Deripaska", 1, NULL, NULL, 0, o);
    cordon_results *same = search("Oleg Deripaska", 1, "1968-01-02", "RU", 0, o);
    cordon_results *other = search("Oleg Deripaska", 1, "1950-05-05", NULL, 0, o);
    assert_string_equal(cordon_results_entity_id(same, 0), "24283");
    assert_true(cordon_results_score(same, 0) > cordon_results_score(plain, 0));
    double s_other = 0;
    for (size_t i = 0; i < cordon_results_count(other); i++)
        if (strcmp(cordon_results_entity_id(other, i), "24283") == 0)
            s_other = cordon_results_score(other, i);
    assert_true(s_other < cordon_results_score(plain, 0));
    assert_non_null(strstr(cordon_results_explanation(same, 0, NULL), "\"kind\":\"dob\",\"how\":\"exact\""));
    cordon_results_free(plain);
    cordon_results_free(same);
    cordon_results_free(other);
    cordon_options_free(o);
}

static void test_unlisted(void **state)
{
    (void)state;
    NEED_DB();
    /* members of the US Congress (opensanctions/yente_us_congress_persons.csv) */
    static const char *const names[] = {"Jennifer McClellan", "Valerie Foushee",
                                        "Alexandria Ocasio-Cortez", "Mitch McConnell"};
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        for (int ex = 0; ex < 2; ex++) {
            cordon_results *r = search(names[i], 1, NULL, NULL, ex, o);
            for (size_t k = 0; k < cordon_results_count(r); k++)
                if (cordon_results_decision(r, k) == CORDON_DECISION_ALERT)
                    fail_msg("%s alerts on %s", names[i], cordon_results_name(r, k));
            cordon_results_free(r);
        }
    }
    cordon_options_free(o);
}

static void test_options_and_errors(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    int64_t v;
    cordon_error err;
    assert_int_equal(cordon_options_get_int(o, CORDON_OPT_LIMIT, &v, &err), CORDON_OK);
    assert_int_equal(v, 10);
    assert_int_equal(cordon_options_get_int(o, CORDON_OPT_THRESHOLD_PERMILLE, &v, &err), CORDON_OK);
    assert_int_equal(v, -1);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_LIMIT, 0, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_THRESHOLD_PERMILLE, 1001, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_EXHAUSTIVE, 2, &err), CORDON_E_INVALID);
    cordon_party *p;
    assert_int_equal(cordon_party_new(&p, o, &err), CORDON_OK);
    assert_int_equal(cordon_party_add_name(p, "\xff\xfe", 2, &err), CORDON_E_UTF8);
    assert_int_equal(cordon_party_add_country(p, "Atlantis", &err), CORDON_E_INVALID);
    assert_int_equal(cordon_party_add_country(p, "Russia", &err), CORDON_OK);
    assert_int_equal(cordon_party_set_dob(p, "not a date", &err), CORDON_E_INVALID);
    assert_int_equal(cordon_party_set_type(p, 9, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_party_add_identifier(p, "Passport", "", NULL, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_party_add_identifier(p, "Passport", "AB 123", "RU", &err), CORDON_OK);
    if (g_db) {
        cordon_results *r = NULL;
        assert_int_equal(cordon_screen_party(g_db, p, o, &r, &err), CORDON_E_INVALID); /* no name */
        assert_null(r);
        /* limit and threshold */
        assert_int_equal(cordon_party_add_name(p, "Kim Jong Un", CORDON_NUL_TERMINATED, &err), CORDON_OK);
        assert_int_equal(cordon_options_set_int(o, CORDON_OPT_LIMIT, 1, &err), CORDON_OK);
        assert_int_equal(cordon_options_set_int(o, CORDON_OPT_THRESHOLD_PERMILLE, 999, &err), CORDON_OK);
        assert_int_equal(cordon_screen_party(g_db, p, o, &r, &err), CORDON_OK);
        assert_int_equal(cordon_results_count(r), 1);
        assert_string_equal(cordon_results_entity_id(r, 0), "20157");
        assert_int_equal(cordon_results_decision(r, 0), CORDON_DECISION_BELOW);
        cordon_results_free(r);
    }
    cordon_party_free(p);
    cordon_options_free(o);
}

/* ---- keys that only some names meet (a small db, no shared data) ------------ */

/* The index must reach these list names from the query alone: no other key
 * (text, skeleton, its deletions, phonetic, pieces) meets them. */
static void test_special_keys(void **state)
{
    (void)state;
    static const char csv[] =
        "id,name,type\n"
        "1,\xd8\xb3\xd9\x85\xd9\x8a\xd8\xb1\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb4\xd8\xa7\xd9\x87"
        "\xd8\xa8\xd9\x86\xd8\xaf\xd8\xb1,person\n"              /* Samira al-Shahbandar */
        "2,\xd9\x85\xd8\xad\xd9\x85\xd8\xaf \xd9\x84\xd9\x83\xd8\xad\xd9\x84,person\n" /* Mohamed Lakhal */
        "3,SERVINAVES S.A.,organization\n"
        "4,ISLAMIC ARMY,organization\n"
        "5,NAJI TRADING,organization\n"
        "6,Samir Bandar,person\n"
        "7,Lakhdar Halal,person\n";
    cordon_builder *b;
    cordon_error err;
    cordon_db *db = NULL;
    assert_int_equal(cordon_builder_new(&b, NULL, &err), CORDON_OK);
    assert_int_equal(cordon_builder_add_buffer(b, csv, sizeof csv - 1, "keys.csv", "generic_csv",
                                               "keys", &err),
                     CORDON_OK);
    assert_int_equal(cordon_builder_finish(b, &db, &err), CORDON_OK);
    cordon_builder_free(b);
    static const struct { const char *query, *entity, *what; } cases[] = {
        {"Shahbandar", "1", "consonants of an Arabic word, its article left out"},
        {"Lakhal", "2", "consonants of an Arabic word"},
        {"Sqrvianves", "3", "two edits in a long word (word list)"},
        {"Islam Army", "4", "an inflected ending (word list)"},
        {"Najdi Trading", "5", "a letter too many (text deletion)"},
    };
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cordon_party *p;
        assert_int_equal(cordon_party_new(&p, o, &err), CORDON_OK);
        assert_int_equal(cordon_party_add_name(p, cases[i].query, CORDON_NUL_TERMINATED, &err),
                         CORDON_OK);
        cordon_results *r = NULL;
        assert_int_equal(cordon_screen_party(db, p, o, &r, &err), CORDON_OK);
        bool found = false;
        for (size_t k = 0; k < cordon_results_count(r); k++)
            found |= strcmp(cordon_results_entity_id(r, k), cases[i].entity) == 0;
        if (!found)
            fail_msg("%s (%s): entity %s not found", cases[i].query, cases[i].what,
                     cases[i].entity);
        cordon_results_free(r);
        cordon_party_free(p);
    }
    cordon_options_free(o);
    cordon_db_free(db);
}

/* ---- the section validator -------------------------------------------------- */

static void check_bad(const unsigned char *good, size_t size, uint32_t n_names, size_t off,
                      const void *val, size_t vlen, const char *what)
{
    uint64_t *copy = test_malloc(size + 8);
    memcpy(copy, good, size);
    memcpy((unsigned char *)copy + off, val, vlen);
    cordon__mix x;
    cordon_error err;
    int rc = cordon__mix_validate(copy, size, n_names, &x, &err);
    if (rc == CORDON_OK)
        fail_msg("corruption accepted: %s", what);
    assert_true(rc == CORDON_E_CORRUPT || rc == CORDON_E_VERSION);
    test_free(copy);
}

static void test_validator(void **state)
{
    (void)state;
    NEED_DB();
    const unsigned char *sec = g_db->match_sec;
    size_t size = g_db->match_size;
    uint32_t nn = g_db->n_names;
    cordon__mix x;
    cordon_error err;
    assert_int_equal(cordon__mix_validate(sec, size, nn, &x, &err), CORDON_OK);
    assert_int_equal(x.n_names, nn);
    const cordon__mix_hdr *h = (const cordon__mix_hdr *)sec;
    assert_int_equal(cordon__mix_validate(sec, sizeof *h - 1, nn, &x, &err), CORDON_E_CORRUPT);
    assert_int_equal(cordon__mix_validate(sec, size - 8, nn, &x, &err), CORDON_E_CORRUPT);
    assert_int_equal(cordon__mix_validate(sec, size, nn + 1, &x, &err), CORDON_E_CORRUPT);
    check_bad(sec, size, nn, 0, "X", 1, "magic");
    uint32_t v = 7;
    check_bad(sec, size, nn, offsetof(cordon__mix_hdr, version), &v, 4, "version");
    v = h->n_slots - 1;
    check_bad(sec, size, nn, offsetof(cordon__mix_hdr, n_slots), &v, 4, "slot count");
    uint64_t big = (uint64_t)size;
    check_bad(sec, size, nn, offsetof(cordon__mix_hdr, off_post), &big, 8, "postings offset");
    /* a posting naming a name that does not exist */
    uint32_t bad_id = nn;
    check_bad(sec, size, nn, (size_t)h->off_post, &bad_id, 4, "posting id");
    /* a slot whose range runs past the postings */
    const cordon__mix_slot *sl = (const cordon__mix_slot *)(sec + h->off_slots);
    size_t si = 0;
    while (sl[si].key == 0)
        si++;
    uint32_t cnt = h->n_post + 1;
    check_bad(sec, size, nn, (size_t)h->off_slots + si * sizeof *sl + offsetof(cordon__mix_slot, count),
              &cnt, 4, "slot range");
    /* a token whose text runs past its name */
    const cordon__mix_name *nm = (const cordon__mix_name *)(sec + h->off_names);
    size_t ni = 0;
    while (nm[ni].ntok == 0)
        ni++;
    uint16_t len = 60000;
    check_bad(sec, size, nn, (size_t)h->off_toks + nm[ni].tok_first * sizeof(cordon__mtok) +
                                 offsetof(cordon__mtok, len), &len, 2, "token length");
    uint32_t tf = h->n_toks;
    check_bad(sec, size, nn, (size_t)h->off_names + ni * sizeof *nm + offsetof(cordon__mix_name, tok_first),
              &tf, 4, "name tokens");
    float w = -1.0f;
    check_bad(sec, size, nn, (size_t)h->off_toks + nm[ni].tok_first * sizeof(cordon__mtok) +
                                 offsetof(cordon__mtok, w), &w, 4, "token weight");
    /* the word list of the typo scan: bounds, lengths, order */
    assert_true(h->n_words > 1000);
    assert_int_equal(cordon__mix_validate(sec, size, nn, &x, &err), CORDON_OK);
    assert_int_equal(x.word_first[CORDON__MIX_WORD_MAX + 1], h->n_words);
    assert_true(x.word_first[7] > 0 && x.word_first[7] < h->n_words);
    check_bad(sec, size, nn, offsetof(cordon__mix_hdr, off_words), &big, 8, "word list offset");
    uint32_t toff = (uint32_t)h->text_size;
    check_bad(sec, size, nn, (size_t)h->off_words + offsetof(cordon__mix_word, text_off), &toff, 4,
              "word text");
    uint8_t wlen = CORDON__MIX_WORD_MAX + 1;
    check_bad(sec, size, nn, (size_t)h->off_words + offsetof(cordon__mix_word, len), &wlen, 1,
              "word length");
    const cordon__mix_word *wd = (const cordon__mix_word *)(sec + h->off_words);
    uint32_t later = wd[1].text_off; /* the first word again after the second: out of order */
    check_bad(sec, size, nn, (size_t)h->off_words + offsetof(cordon__mix_word, text_off), &later, 4,
              "word order");
    /* a section without a word list (written before it existed) is valid */
    uint64_t *old = test_malloc(size + 8);
    memcpy(old, sec, size);
    ((cordon__mix_hdr *)(void *)old)->n_words = 0;
    ((cordon__mix_hdr *)(void *)old)->off_words = 0;
    assert_int_equal(cordon__mix_validate(old, size, nn, &x, &err), CORDON_OK);
    assert_int_equal(x.n_words, 0);
    test_free(old);
    /* posting weights: bounds; a header of the first layout (ending before
     * off_pw, whose bytes are then not read) is valid, without them */
    assert_non_null(((cordon__mix *)g_db->match)->pw);
    check_bad(sec, size, nn, offsetof(cordon__mix_hdr, off_pw), &big, 8, "posting weights offset");
    uint64_t odd = h->off_pw + 4;
    check_bad(sec, size, nn, offsetof(cordon__mix_hdr, off_pw), &odd, 8, "posting weights align");
    old = test_malloc(size + 8);
    memcpy(old, sec, size);
    ((cordon__mix_hdr *)(void *)old)->hdr_size = (uint32_t)CORDON__MIX_HDR_V1;
    ((cordon__mix_hdr *)(void *)old)->off_pw = big;
    assert_int_equal(cordon__mix_validate(old, size, nn, &x, &err), CORDON_OK);
    assert_null(x.pw);
    uint32_t hs = (uint32_t)CORDON__MIX_HDR_V1 + 4;
    check_bad(sec, size, nn, offsetof(cordon__mix_hdr, hdr_size), &hs, 4, "header size");
    test_free(old);
}

/* Queries whose weak alerts the index once missed: every alert of exhaustive
 * scoring must be among the index's hits. A four-word Cyrillic query whose
 * two commonest words are a whole list name (dropped middle names count
 * less, as in the scorer); a Latin name meeting an Arabic-script name on two
 * of its five words (the list words' own weights); a short list name
 * inside a hyphenated one. */
static void test_index_recall(void **state)
{
    (void)state;
    NEED_DB();
    static const char *const qs[] = {
        "\xd0\xbc\xd0\xbe\xd1\x85\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xb0\xd0\xb4 "
        "\xd1\x82\xd0\xb0\xd1\x85\xd0\xb8\xd1\x80 "
        "\xd1\x85\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xb8\xd0\xb4 "
        "\xd1\x85\xd1\x83\xd1\x81\xd1\x81\xd0\xb5\xd0\xb8\xd0\xbd",
        "Saeed MOSTAFAEI", "YK-AQI"};
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        cordon_results *r = search(qs[i], 0, NULL, NULL, 0, o);
        cordon_results *x = search(qs[i], 0, NULL, NULL, 1, o);
        size_t alerts = 0;
        for (size_t k = 0; k < cordon_results_count(x); k++) {
            if (cordon_results_decision(x, k) != CORDON_DECISION_ALERT)
                continue;
            alerts++;
            bool found = false;
            for (size_t j = 0; j < cordon_results_count(r); j++)
                found |= cordon_results_entity_index(r, j) == cordon_results_entity_index(x, k);
            if (!found)
                fail_msg("%s: index missed %s \"%s\" (%.3f)", qs[i], cordon_results_entity_id(x, k),
                         cordon_results_name(x, k), cordon_results_score(x, k));
        }
        assert_true(alerts > 0);
        cordon_results_free(x);
        cordon_results_free(r);
    }
    cordon_options_free(o);
}

/* A snapshot written before the posting weights: candidates are ranked on
 * the query's weights alone, and the variants are still found. */
static void test_without_posting_weights(void **state)
{
    (void)state;
    NEED_DB();
    const uint8_t *pw = ((cordon__mix *)g_db->match)->pw;
    ((cordon__mix *)g_db->match)->pw = NULL;
    test_variants(state);
    ((cordon__mix *)g_db->match)->pw = pw;
}

/* ---- threads ------------------------------------------------------------------ */

static const char *const tq[] = {"Oleg Deripaska", "Usama Ladin", "Alqaida", "Kim Jong Un",
                                 "Банко Насьональ де Куба", "Mohammed Ali", "John Smith",
                                 "Guzman Loera", "Arambula", "Hezbollah"};
#define NTQ (sizeof tq / sizeof *tq)

typedef struct tjob {
    int start, step;
    char *out[NTQ];
} tjob;

static void *tworker(void *arg)
{
    tjob *j = arg;
    for (int round = 0; round < 3; round++)
        for (size_t i = (size_t)j->start; i < NTQ; i += (size_t)j->step) {
            cordon_party *p;
            cordon_results *r = NULL;
            cordon_party_new(&p, NULL, NULL);
            cordon_party_add_name(p, tq[i], CORDON_NUL_TERMINATED, NULL);
            if (cordon_screen_party(g_db, p, NULL, &r, NULL) == CORDON_OK) {
                free(j->out[i]);
                j->out[i] = strdup(cordon_results_json(r, NULL));
            }
            cordon_results_free(r);
            cordon_party_free(p);
        }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    NEED_DB();
    tjob one = {0, 1, {0}};
    tworker(&one);
    tjob four[4];
    pthread_t th[4];
    memset(four, 0, sizeof four);
    for (int t = 0; t < 4; t++) {
        four[t].start = t % 2; /* every query is run by two threads at once */
        four[t].step = 2;
        assert_int_equal(pthread_create(&th[t], NULL, tworker, &four[t]), 0);
    }
    for (int t = 0; t < 4; t++)
        pthread_join(th[t], NULL);
    for (size_t i = 0; i < NTQ; i++) {
        assert_non_null(one.out[i]);
        for (int t = 0; t < 4; t++)
            if (four[t].out[i])
                assert_string_equal(four[t].out[i], one.out[i]);
        assert_true(four[i % 2].out[i] && four[i % 2 + 2].out[i]);
    }
    for (size_t i = 0; i < NTQ; i++) {
        free(one.out[i]);
        for (int t = 0; t < 4; t++)
            free(four[t].out[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variants),
        cmocka_unit_test(test_fields_and_json),
        cmocka_unit_test(test_evidence),
        cmocka_unit_test(test_unlisted),
        cmocka_unit_test(test_options_and_errors),
        cmocka_unit_test(test_validator),
        cmocka_unit_test(test_index_recall),
        cmocka_unit_test(test_special_keys),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_without_posting_weights),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
