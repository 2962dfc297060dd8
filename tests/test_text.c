/* test_text.c — name analysis (lib/text): normalization, transliteration,
 * tokenization, typed tokens, skeletons, phonetic keys, public API, limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include "text/text_int.h"

/* Kind letters used in expectations: w l h p s n i. */
static char kind_letter(int k)
{
    return "wlhpsni"[k];
}

/* Analyse `name` (type) with the leak-checking allocator and render the
 * tokens as "text:k text:k ..." (k = kind letter; legal tokens as
 * "text:l=CLASS", numbers as "text:n=VALUE"). */
static void render(const char *name, int type, char *out, size_t cap, char *norm, size_t ncap)
{
    cordon_options *o = tu_options();
    cordon_analysis *a = NULL;
    cordon_error err;
    int rc = cordon_analyze_name(name, CORDON_NUL_TERMINATED, type, o, &a, &err);
    assert_int_equal(rc, CORDON_OK);
    size_t pos = 0;
    out[0] = 0;
    for (size_t i = 0; i < cordon_analysis_token_count(a); i++) {
        int k = cordon_analysis_token_kind(a, i);
        pos += (size_t)snprintf(out + pos, cap - pos, "%s%s:%c", i ? " " : "",
                                cordon_analysis_token_text(a, i, NULL), kind_letter(k));
        if (k == CORDON_TOKEN_LEGAL)
            pos += (size_t)snprintf(out + pos, cap - pos, "=%s",
                                    cordon_analysis_token_legal_class(a, i));
    }
    if (norm)
        snprintf(norm, ncap, "%s", cordon_analysis_normalized(a, NULL));
    cordon_analysis_free(a);
    cordon_options_free(o);
}

static void expect_tokens(const char *name, int type, const char *want)
{
    char got[2048];
    render(name, type, got, sizeof got, NULL, 0);
    if (strcmp(got, want) != 0)
        fail_msg("%s: got [%s], want [%s]", name, got, want);
}

static void expect_norm(const char *name, int type, const char *want)
{
    char got[2048], norm[2048];
    render(name, type, got, sizeof got, norm, sizeof norm);
    if (strcmp(norm, want) != 0)
        fail_msg("%s: normalized [%s], want [%s]", name, norm, want);
}

#define P CORDON_TYPE_PERSON
#define O CORDON_TYPE_ORGANIZATION
#define U CORDON_TYPE_UNKNOWN
#define V CORDON_TYPE_VESSEL

static void test_normalize_latin(void **state)
{
    (void)state;
    expect_norm("Vladímír Pútín", P, "vladimir putin");
    expect_norm("  PUTIN,\tVladimir \n Vladimirovich ", P, "putin vladimir vladimirovich");
    expect_norm("Café", U, "cafe");
    expect_norm("Straße", U, "strasse");
    expect_norm("Ｖｌａｄｉｍｉｒ　ＰＵＴＩＮ", P, "vladimir putin"); /* fullwidth + ideographic space */
    expect_norm("Vla\xE2\x80\x8B" "dimir Pu\xC2\xADtin", P, "vladimir putin"); /* ZWSP, soft hyphen */
    expect_norm("Wła\xE2\x80\x8D" "dimir", P, "wladimir"); /* ZWJ */
    expect_norm("Søren Kierkegaard Æbeltoft Þór Đorđe Łódź ı œuvre", U,
                "soren kierkegaard aebeltoft thor dorde lodz i oeuvre");
    expect_norm("Vladimir Vladimiroviç Putin", P, "vladimir vladimirovic putin");
}

static void test_translit_scripts(void **state)
{
    (void)state;
    /* opensanctions putin_names.txt, one entity in many scripts */
    expect_norm("Путин Владимир Владимирович", P, "putin vladimir vladimirovich");
    expect_norm("ПУ́ТИН Влади́мир Влади́мирович", P, "putin vladimir vladimirovich");
    expect_norm("Путін Володимир Володимирович", P, "putin volodymyr volodymyrovych");
    expect_norm("Уладзімір Уладзіміравіч Пуцін", P, "uladzimir uladzimiravich putsin");
    expect_norm("Βλαντίμιρ Βλαντίμιροβιτς Πούτιν", P, "vlantimir vlantimirovits poutin");
    expect_norm("Վլադիմիր Պուտին", P, "vladimir putin");
    expect_norm("ვლადიმერ პუტინი", P, "vladimer putini");
    expect_norm("블라디미르 블라디미로비치 푸틴", P, "beulladimireu beulladimirobichi putin");
    expect_norm("فلاديمير فلاديميروفيتش بوتين", P, "fladimir fladimirufitsh butin");
    expect_norm("ولادیمیر پوتین", P, "wladimir putin");
    expect_norm("ولادیمیر پوٹن", P, "wladimir putn");
    expect_norm("ולדימיר פוטין", P, "vldimir potin");
    expect_norm("弗拉基米尔·普京", P, "弗拉基米尔 普京");
    expect_norm("ウラジーミル・プーチン", P, "ウラジーミル プーチン");
}

static void test_tokenize(void **state)
{
    (void)state;
    expect_tokens("U.S.A.", U, "usa:w");
    expect_tokens("O'Brien", P, "obrien:w");
    expect_tokens("Mu\xCA\xBF" "ammar Al-Qadhafi", P, "muammar:w al:p qadhafi:w");
    expect_tokens("J.Smith", P, "j:i smith:w");
    expect_tokens("!!! ... ---", U, "");
    expect_tokens("", U, "");
}

static void test_hyphen_flag(void **state)
{
    (void)state;
    cordon__analysis a;
    cordon__analysis_init(&a, NULL);
    assert_int_equal(cordon__analyze(&a, "Al-Qaida", CORDON_NUL_TERMINATED, U, 0, NULL), CORDON_OK);
    assert_int_equal(a.ntok, 2);
    assert_true(a.tok[0].flags & CORDON__TF_HYPHEN_JOINED);
    assert_false(a.tok[1].flags & CORDON__TF_HYPHEN_JOINED);
    assert_int_equal(cordon__analyze(&a, "Al - Qaida", CORDON_NUL_TERMINATED, U, 0, NULL),
                     CORDON_OK);
    assert_int_equal(a.ntok, 2);
    assert_false(a.tok[0].flags & CORDON__TF_HYPHEN_JOINED);
    cordon__analysis_destroy(&a);
}

static void test_legal_forms(void **state)
{
    (void)state;
    expect_tokens("ABC Gesellschaft mit beschränkter Haftung", O,
                  "abc:w gesellschaft mit beschrankter haftung:l=LLC");
    expect_tokens("ООО Ромашка", O, "ooo:l=LLC romashka:w");
    expect_tokens("OOO Romashka", U, "ooo:l=LLC romashka:w");
    expect_tokens("Cemex S.A.B. de C.V.", O, "cemex:w sab de cv:l=JSC");
    expect_tokens("トヨタ自動車株式会社", O, "トヨタ:w 自動車:w 株式会社:l=JSC");
}

static void test_translit_table_sorted(void **state)
{
    (void)state;
    size_t n = cordon__translit_nrows();
    assert_true(n > 250);
    for (size_t i = 1; i < n; i++)
        assert_true(cordon__translit_row_cp(i - 1) < cordon__translit_row_cp(i));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize_latin),
        cmocka_unit_test(test_translit_scripts),
        cmocka_unit_test(test_tokenize),
        cmocka_unit_test(test_hyphen_flag),
        cmocka_unit_test(test_legal_forms),
        cmocka_unit_test(test_translit_table_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
