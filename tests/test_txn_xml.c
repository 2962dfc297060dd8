/* test_txn_xml.c — transactions in XML (cordon_txn_parse_xml): the same
 * transactions as JSON give the same cordon_txn and the same verdicts on the
 * demo db; vocabulary errors, hostile documents (billion laughs, XXE,
 * external DTD, deep nesting, huge attributes, invalid UTF-8, truncation)
 * refused with positions; the RelaxNG schema of doc/ agrees with the parser.
 * Linked statically to compare the parsed transactions field by field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "testutil.h"

#include "screen/txn.h"

static const char *srcdir(void)
{
    const char *s = getenv("abs_top_srcdir");
    return s && *s ? s : "..";
}

static const char *builddir(void)
{
    const char *s = getenv("abs_top_builddir");
    return s && *s ? s : "..";
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    b[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return b;
}

static void assert_str_same(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

/* Every field of two parsed transactions is equal. */
static void assert_txn_equal(const cordon_txn *a, const cordon_txn *b)
{
    assert_str_same(a->id, b->id);
    assert_str_same(a->origin, b->origin);
    assert_str_same(a->destination, b->destination);
    assert_int_equal(a->n_transit, b->n_transit);
    for (size_t i = 0; i < a->n_transit; i++)
        assert_str_same(a->transit[i], b->transit[i]);
    assert_int_equal(a->n_parties, b->n_parties);
    for (size_t i = 0; i < a->n_parties; i++) {
        const cordon__txn_party *p = &a->parties[i], *q = &b->parties[i];
        assert_str_same(p->role, q->role);
        assert_str_same(p->name, q->name);
        assert_int_equal(p->type, q->type);
        assert_str_same(p->country, q->country);
        assert_str_same(p->dob, q->dob);
        assert_str_same(p->id_type, q->id_type);
        assert_str_same(p->id_number, q->id_number);
    }
    assert_int_equal(a->n_items, b->n_items);
    for (size_t i = 0; i < a->n_items; i++) {
        const cordon__txn_item *p = &a->items[i], *q = &b->items[i];
        assert_str_same(p->description, q->description);
        assert_str_same(p->hs, q->hs);
        assert_str_same(p->eccn, q->eccn);
        assert_int_equal(p->n_params, q->n_params);
        for (size_t k = 0; k < p->n_params; k++) {
            assert_str_same(p->params[k].key, q->params[k].key);
            assert_str_same(p->params[k].value, q->params[k].value);
        }
    }
}

static cordon_txn *parse_xml_ok(const char *xml, size_t len, cordon_options *o)
{
    cordon_txn *t = NULL;
    cordon_error err;
    int rc = cordon_txn_parse_xml(xml, len, o, &t, &err);
    if (rc)
        fail_msg("XML refused: %s", err.message);
    assert_non_null(t);
    return t;
}

static cordon_txn *parse_json_ok(const char *json, size_t len, cordon_options *o)
{
    cordon_txn *t = NULL;
    cordon_error err;
    int rc = cordon_txn_parse_json(json, len, o, &t, &err);
    if (rc)
        fail_msg("JSON refused: %s", err.message);
    return t;
}

/* The verdict JSON of t on db (malloc'd copy) and its decision. */
static char *verdict_json(const cordon_db *db, const cordon_txn *t, int *decision)
{
    cordon_verdict *v = NULL;
    cordon_error err;
    int rc = cordon_screen_txn(db, NULL, t, NULL, &v, &err);
    if (rc)
        fail_msg("screen: %s", err.message);
    *decision = cordon_verdict_decision(v);
    size_t len = 0;
    const char *j = cordon_verdict_json(v, &len);
    assert_non_null(j);
    char *c = strdup(j);
    cordon_verdict_free(v);
    return c;
}

/* ---- the demo transactions in both forms ------------------------------------------ */

static void test_demo_same_verdicts(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    char path[2048];
    snprintf(path, sizeof path, "%s/data/demo.cdb", builddir());
    cordon_db *db = NULL;
    cordon_error err;
    int rc = cordon_db_open(path, o, &db, &err);
    if (rc)
        fail_msg("%s: %s (the demo db is built by data/Makefile.am)", path, err.message);
    snprintf(path, sizeof path, "%s/data/demo/transactions.jsonl", srcdir());
    size_t len;
    char *jsonl = slurp(path, &len);
    int counts[3] = {0, 0, 0}, n = 0;
    static const char *const want[] = {"T-1001 CLEAR", "T-1002 BLOCK", "T-1003 BLOCK",
                                       "T-1004 REVIEW", "T-1005 BLOCK", "T-1006 BLOCK",
                                       "T-1007 BLOCK", "T-1008 BLOCK", "T-1009 CLEAR"};
    for (char *line = jsonl, *nl; *line; line = nl + 1) {
        nl = strchr(line, '\n');
        assert_non_null(nl);
        cordon_txn *tj = parse_json_ok(line, (size_t)(nl - line), o);
        assert_non_null(tj->id);
        snprintf(path, sizeof path, "%s/tests/data/txn_xml/%s.xml", srcdir(), tj->id);
        size_t xl;
        char *xml = slurp(path, &xl);
        cordon_txn *tx = parse_xml_ok(xml, xl, o);
        assert_txn_equal(tj, tx);
        int dj, dx;
        char *vj = verdict_json(db, tj, &dj), *vx = verdict_json(db, tx, &dx);
        assert_int_equal(dj, dx);
        assert_string_equal(vj, vx); /* every reason, evidence and list version */
        char label[64];
        snprintf(label, sizeof label, "%s %s", tj->id, cordon_verdict_decision_name(dx));
        assert_true(n < 9);
        assert_string_equal(label, want[n]);
        counts[dx]++;
        n++;
        free(vj);
        free(vx);
        free(xml);
        cordon_txn_free(tj);
        cordon_txn_free(tx);
    }
    assert_int_equal(n, 9);
    assert_int_equal(counts[CORDON_VERDICT_CLEAR], 2);
    assert_int_equal(counts[CORDON_VERDICT_REVIEW], 1);
    assert_int_equal(counts[CORDON_VERDICT_BLOCK], 6);
    free(jsonl);
    cordon_db_free(db);
    cordon_options_free(o);
}

/* Every field, in both forms; XML written with a prefix, comments, CDATA,
 * entities, white space around values and fields in another order. */
static const char all_json[] =
    "{\"id\":4711,\"origin\":\"DE\",\"destination\":\"Iran\",\"transit\":[\"TR\",\"AE\"],"
    "\"parties\":[{\"role\":\"consignee\",\"name\":\"Pars Industrial Supply Co.\","
    "\"type\":\"company\",\"country\":\"IR\"},"
    "{\"role\":\"end_user\",\"name\":\"Александр Залдостанов\",\"type\":\"person\","
    "\"dob\":\"1963-01-19\",\"id_type\":\"passport\",\"id_number\":\"7204911\"},"
    "{\"name\":\"R&D <Labs>\",\"country\":\"\"}],"
    "\"items\":[{\"description\":\"14-bit ADC\",\"hs\":\"854239\",\"eccn\":\"3A001.a.5.a.4\","
    "\"params\":{\"sample_rate\":\"1.5 GSPS\",\"power\":\"2 W\"}},"
    "{\"control_code\":\"5A002\"},"
    "{\"description\":\"office chairs\",\"eccn\":\"EAR99\",\"control_code\":\"5A002\"}]}";

static const char all_xml[] =
    "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\n"
    "<!-- an order from the ERP -->\n"
    "<c:transaction xmlns:c=\"urn:cordon:txn:1\">\n"
    "  <c:transit>TR</c:transit>\n"
    "  <c:party>\n"
    "    <c:name>  Pars Industrial Supply Co.\n  </c:name>\n"
    "    <c:type>company</c:type><c:role>consignee</c:role>\n"
    "    <c:country>IR</c:country>\n"
    "  </c:party>\n"
    "  <c:destination>Iran</c:destination>\n"
    "  <c:id>4711</c:id>\n"
    "  <c:item>\n"
    "    <c:param name=\"sample_rate\">1.5 GSPS</c:param>\n"
    "    <c:hs>854239</c:hs><c:description><![CDATA[14-bit]]> ADC</c:description>\n"
    "    <c:eccn>3A001<!-- dotted -->.a.5.a.4</c:eccn>\n"
    "    <c:param name='power'>2 W</c:param>\n"
    "  </c:item>\n"
    "  <c:party><c:role>end_user</c:role><c:name>&#x410;лександр Залдостанов</c:name>"
    "<c:type>person</c:type><c:dob>1963-01-19</c:dob><c:id_number>7204911</c:id_number>"
    "<c:id_type>passport</c:id_type></c:party>\n"
    "  <c:transit>AE</c:transit>\n"
    "  <?erp-note keep?>\n"
    "  <c:origin>DE</c:origin>\n"
    "  <c:party><c:name>R&amp;D &lt;Labs></c:name><c:country/></c:party>\n"
    "  <c:item><c:control_code>5A002</c:control_code></c:item>\n"
    "  <c:item><c:control_code>5A002</c:control_code><c:eccn>EAR99</c:eccn>"
    "<c:description>office chairs</c:description></c:item>\n"
    "</c:transaction>\n";

static void test_all_fields(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_txn *tj = parse_json_ok(all_json, CORDON_NUL_TERMINATED, o);
    cordon_txn *tx = parse_xml_ok(all_xml, sizeof all_xml - 1, o);
    assert_txn_equal(tj, tx);
    /* and the values are the expected ones, not merely equal */
    assert_string_equal(tx->id, "4711");
    assert_string_equal(tx->origin, "DE");
    assert_int_equal(tx->n_transit, 2);
    assert_string_equal(tx->transit[1], "AE");
    assert_int_equal(tx->n_parties, 3);
    assert_string_equal(tx->parties[0].name, "Pars Industrial Supply Co.");
    assert_int_equal(tx->parties[0].type, CORDON_TYPE_ORGANIZATION);
    assert_string_equal(tx->parties[1].name, "Александр Залдостанов");
    assert_int_equal(tx->parties[1].type, CORDON_TYPE_PERSON);
    assert_string_equal(tx->parties[1].dob, "1963-01-19");
    assert_string_equal(tx->parties[1].id_type, "passport");
    assert_string_equal(tx->parties[1].id_number, "7204911");
    assert_string_equal(tx->parties[2].name, "R&D <Labs>");
    assert_string_equal(tx->parties[2].role, "party");
    assert_string_equal(tx->parties[2].country, "");
    assert_int_equal(tx->n_items, 3);
    assert_string_equal(tx->items[0].description, "14-bit ADC");
    assert_string_equal(tx->items[0].eccn, "3A001.a.5.a.4");
    assert_int_equal(tx->items[0].n_params, 2);
    assert_string_equal(tx->items[0].params[0].key, "sample_rate");
    assert_string_equal(tx->items[0].params[1].value, "2 W");
    assert_null(tx->items[1].description);
    assert_string_equal(tx->items[1].eccn, "5A002");
    assert_string_equal(tx->items[2].eccn, "EAR99"); /* eccn wins over control_code */
    cordon_txn_free(tj);
    cordon_txn_free(tx);

    /* no namespace at all, and a default namespace: the same */
    static const char plain[] = "<transaction><id>1</id><item><hs>854239</hs></item></transaction>";
    static const char dflt[] = "<transaction xmlns='urn:cordon:txn:1'><id>1</id>"
                               "<item><hs>854239</hs></item></transaction>";
    tj = parse_xml_ok(plain, CORDON_NUL_TERMINATED, o);
    tx = parse_xml_ok(dflt, CORDON_NUL_TERMINATED, o);
    assert_txn_equal(tj, tx);
    assert_string_equal(tx->items[0].hs, "854239");
    cordon_txn_free(tj);
    cordon_txn_free(tx);
    cordon_options_free(o);
}

/* ---- refused documents, with positions ---------------------------------------------- */

typedef struct bad_case {
    const char *xml;
    int code;
    int64_t line, column;
    const char *msg;
} bad_case;

static void check_bad(const bad_case *c, cordon_options *o)
{
    cordon_txn *t = (cordon_txn *)1;
    cordon_error err;
    memset(&err, 0, sizeof err);
    int rc = cordon_txn_parse_xml(c->xml, CORDON_NUL_TERMINATED, o, &t, &err);
    if (rc != c->code || err.line != c->line || (c->column >= 0 && err.column != c->column) ||
        !strstr(err.message, c->msg))
        fail_msg("%s\n  got %d %lld:%lld \"%s\"\n  want %d %lld:%lld \"%s\"", c->xml, rc,
                 (long long)err.line, (long long)err.column, err.message, c->code,
                 (long long)c->line, (long long)c->column, c->msg);
    assert_null(t);
    assert_int_equal(err.code, rc);
    char prefix[64];
    snprintf(prefix, sizeof prefix, "transaction XML:%lld:", (long long)err.line);
    assert_true(strncmp(err.message, prefix, strlen(prefix)) == 0);
}

static void test_vocabulary_errors(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"<transaction>\n  <id>1</id>\n  <party><nmae>x</nmae></party>\n</transaction>",
         CORDON_E_PARSE, 3, 10, "unknown element <nmae> in <party>"},
        {"<transaction>\n  <id>1</id>\n  <party foo=\"1\"><name>x</name></party>\n</transaction>",
         CORDON_E_PARSE, 3, 10, "unknown attribute \"foo\" on <party>"},
        {"<transaction><item><param name='a' unit='GHz'>3</param></item></transaction>",
         CORDON_E_PARSE, 1, 36, "unknown attribute \"unit\" on <param>"},
        {"<transaction><item xml:lang='en'><hs>1</hs></item></transaction>", CORDON_E_PARSE, 1,
         20, "unknown attribute \"xml:lang\""},
        {"<transaction><amount>3</amount></transaction>", CORDON_E_PARSE, 1, 14,
         "unknown element <amount> in <transaction>"},
        {"<transaction><item><hs>1</hs><price>3</price></item></transaction>", CORDON_E_PARSE,
         1, 30, "unknown element <price> in <item>"},
        {"<transaction><id>1</id><id>2</id><item><hs>1</hs></item></transaction>",
         CORDON_E_PARSE, 1, 24, "<id> given twice"},
        {"<transaction><party><name>a</name><name>b</name></party></transaction>",
         CORDON_E_PARSE, 1, 35, "<name> given twice in one <party>"},
        {"<transaction><item><hs>1</hs>\n<param name='f'>1</param><param name='f'>2</param>"
         "</item></transaction>", CORDON_E_PARSE, 2, 33, "parameter \"f\" given twice"},
        {"<transaction><item><param>1</param></item></transaction>", CORDON_E_PARSE, 1, 20,
         "<param> needs a name attribute"},
        {"<transaction><party><name>x<b>y</b></name></party></transaction>", CORDON_E_PARSE, 1,
         28, "element <b> inside the field <name>"},
        {"<transaction>\n<id>1</id> stray\n<item><hs>1</hs></item></transaction>",
         CORDON_E_PARSE, 2, 12, "text is not allowed here"},
        {"<transaction><party>&amp;<name>x</name></party></transaction>", CORDON_E_PARSE, 1, 21,
         "text is not allowed here"},
        {"<transaction><party><name>x</name></party><![CDATA[ y ]]></transaction>",
         CORDON_E_PARSE, 1, 53, "text is not allowed here"},
        {"<transaction><party><name> </name></party></transaction>", CORDON_E_PARSE, 1, 14,
         "<name> is required"},
        {"<transaction><party><role>buyer</role></party></transaction>", CORDON_E_PARSE, 1, 14,
         "<name> is required"},
        {"<transaction><party><name>x</name><type>robot</type></party></transaction>",
         CORDON_E_PARSE, 1, 14, "unknown type \"robot\""},
        {"<transaction><item><param name='f'>1</param></item></transaction>", CORDON_E_PARSE, 1,
         14, "needs a description, hs or eccn"},
        {"<transaction>\n  <id>1</id>\n</transaction>", CORDON_E_PARSE, 1, 1,
         "needs a <party> or an <item>"},
        {"<transactions><transaction/></transactions>", CORDON_E_FORMAT, 1, 1,
         "root element <transactions>"},
        {"<transaction xmlns='urn:example:orders'><id>1</id></transaction>", CORDON_E_PARSE, 1,
         1, "in namespace \"urn:example:orders\""},
        {"<transaction><x:id xmlns:x='urn:other'>1</x:id></transaction>", CORDON_E_PARSE, 1, 14,
         "in namespace \"urn:other\""},
        {"<?xml version='1.0' encoding='ISO-8859-1'?><transaction/>", CORDON_E_ENCODING, 1, 31,
         "must be UTF-8"},
        {"", CORDON_E_PARSE, 1, -1, ""},
        {"   ", CORDON_E_PARSE, 1, -1, ""},
        {"{\"id\":\"1\"}", CORDON_E_PARSE, 1, -1, "XML error"},
    };
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_bad(&cases[i], o);
    cordon_options_free(o);
}

/* Billion laughs, XXE, external DTD, parameter entities, bare DOCTYPE,
 * undeclared entities. */
static void test_dtd_refused(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"<?xml version=\"1.0\"?>\n"
         "<!DOCTYPE transaction [\n"
         " <!ENTITY lol \"lol\">\n"
         " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
         " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
         " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
         " <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
         "]>\n"
         "<transaction><party><name>&lol9;</name></party></transaction>\n",
         CORDON_E_PARSE, 2, 1, "internal subset refused"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE transaction [<!ENTITY xxe SYSTEM "
         "\"file:///etc/passwd\">]>\n<transaction><party><name>&xxe;</name></party></transaction>",
         CORDON_E_PARSE, 2, 1, "internal subset refused"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE transaction SYSTEM \"http://example.com/t.dtd\">\n"
         "<transaction><party><name>x</name></party></transaction>",
         CORDON_E_PARSE, 2, 1, "external DTD reference refused"},
        {"<!DOCTYPE transaction PUBLIC \"-//X//DTD T//EN\" \"t.dtd\">"
         "<transaction><party><name>x</name></party></transaction>",
         CORDON_E_PARSE, 1, 1, "external DTD reference refused"},
        {"<!DOCTYPE transaction [<!ENTITY % p SYSTEM \"http://example.com/p\"> %p;]>"
         "<transaction/>", CORDON_E_PARSE, 1, 1, "internal subset refused"},
        {"<!-- x -->\n<!DOCTYPE transaction>\n<transaction><party><name>x</name></party>"
         "</transaction>", CORDON_E_PARSE, 2, 1, "DOCTYPE or markup declaration is not allowed"},
        {"<transaction><party><name>&xxe;</name></party></transaction>", CORDON_E_PARSE, 1, -1,
         "xxe"},
    };
    cordon_options *o = tu_options();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_bad(&cases[i], o);
    cordon_options_free(o);
}

static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *b = malloc(hl + ul * n + tl + 1);
    assert_non_null(b);
    memcpy(b, head, hl);
    for (size_t i = 0; i < n; i++)
        memcpy(b + hl + i * ul, unit, ul);
    memcpy(b + hl + ul * n, tail, tl + 1);
    return b;
}

static void test_limits(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    cordon_txn *t = NULL;
    cordon_error err;

    /* 100 000 nested elements inside a field, and below the root: refused at
     * the first one, with its position */
    char *deep = repeat("<transaction><party><name>", "<a>", 100000, "</name></party></transaction>");
    assert_int_equal(cordon_txn_parse_xml(deep, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_PARSE);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 27);
    assert_non_null(strstr(err.message, "element <a> inside the field <name>"));
    free(deep);
    deep = repeat("<transaction>", "<party>", 100000, "");
    assert_int_equal(cordon_txn_parse_xml(deep, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_PARSE);
    assert_int_equal(err.column, 21);
    assert_non_null(strstr(err.message, "unknown element <party> in <party>"));
    free(deep);
    /* max_depth from the options: identifiers sit at depth 3 */
    static const char id3[] =
        "<transaction><party><name>x</name><id_type>imo</id_type></party></transaction>";
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_DEPTH, 2, &err), CORDON_OK);
    assert_int_equal(cordon_txn_parse_xml(id3, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_LIMIT);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "max_depth 2"));
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_DEPTH, 3, &err), CORDON_OK);
    t = parse_xml_ok(id3, CORDON_NUL_TERMINATED, o);
    cordon_txn_free(t);
    t = NULL;

    /* text and attribute values: max_name_bytes */
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_NAME_BYTES, 1000, &err), CORDON_OK);
    char *big = repeat("<transaction><party><name>", "x", 1001, "</name></party></transaction>");
    assert_int_equal(cordon_txn_parse_xml(big, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_LIMIT);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "longer than 1000 bytes"));
    free(big);
    big = repeat("<transaction><party><name>", "x", 1000, "</name></party></transaction>");
    t = parse_xml_ok(big, CORDON_NUL_TERMINATED, o);
    assert_int_equal(strlen(t->parties[0].name), 1000);
    cordon_txn_free(t);
    t = NULL;
    free(big);
    big = repeat("<transaction><item><hs>1</hs><param name='", "k", 5000, "'>1</param></item></transaction>");
    assert_int_equal(cordon_txn_parse_xml(big, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_LIMIT);
    assert_non_null(strstr(err.message, "attribute value longer than 1000 bytes"));
    free(big);
    /* attribute count: refused before libxml2's quadratic duplicate check */
    char *attrs = malloc(300 * 16 + 64);
    strcpy(attrs, "<transaction><party");
    for (int i = 0; i < 300; i++)
        sprintf(attrs + strlen(attrs), " a%d='1'", i);
    strcat(attrs, "><name>x</name></party></transaction>");
    assert_int_equal(cordon_txn_parse_xml(attrs, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_LIMIT);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 14);
    assert_non_null(strstr(err.message, "more than 256 attributes"));
    free(attrs);
    /* the whole document: max_input_bytes */
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_INPUT_BYTES, 60, &err), CORDON_OK);
    assert_int_equal(cordon_txn_parse_xml(id3, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_LIMIT);
    assert_non_null(strstr(err.message, "exceeds the input limit of 60"));
    /* counts: 65 parameters on one item */
    assert_int_equal(cordon_options_set_int(o, CORDON_OPT_MAX_INPUT_BYTES, 1 << 20, &err), CORDON_OK);
    char *params = malloc(65 * 40 + 100);
    strcpy(params, "<transaction><item><hs>1</hs>\n");
    for (int i = 0; i < 65; i++)
        sprintf(params + strlen(params), "<param name='p%d'>1</param>\n", i);
    strcat(params, "</item></transaction>");
    assert_int_equal(cordon_txn_parse_xml(params, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_LIMIT);
    assert_int_equal(err.line, 66);
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "more than 64 parameters"));
    free(params);
    /* 17 transit countries: the setter's limit, with the position of the 17th */
    char *tr = repeat("<transaction><item><hs>1</hs></item>", "\n<transit>TR</transit>", 17,
                      "</transaction>");
    assert_int_equal(cordon_txn_parse_xml(tr, CORDON_NUL_TERMINATED, o, &t, &err), CORDON_E_LIMIT);
    assert_int_equal(err.line, 18);
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "more than 16 transit countries"));
    free(tr);
    assert_null(t);
    cordon_options_free(o);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    static const struct {
        const char *xml;
        size_t len;
        int code;
        int64_t offset, line, column;
    } cases[] = {
#define C(s, code, off, l, c) {s, sizeof s - 1, code, off, l, c}
        C("<transaction><party><name>x\xff</name></party></transaction>", CORDON_E_UTF8, 27, 1, 28),
        C("<transaction>\n<party><name>\xc3\x28</name></party></transaction>", CORDON_E_UTF8, 27, 2, 14),
        C("<transaction>\n<party><name>\xc0\xaf</name></party></transaction>", CORDON_E_UTF8, 27, 2, 14),
        C("<transaction>\n<party><name>\xed\xa0\x80</name></party></transaction>", CORDON_E_UTF8, 27, 2, 14),
        C("<transaction>\n<party><name>é</name></party></transaction>\xe2\x82", CORDON_E_UTF8, 58, 2, 44),
        C("<transaction><party n\xfe='1'><name>x</name></party></transaction>", CORDON_E_UTF8, 21, 1, 22),
        C("<transaction><party><name>a\0b</name></party></transaction>", CORDON_E_PARSE, 27, 1, 28),
        C("\xff\xfe<\0t\0", CORDON_E_UTF8, 0, 1, 1),
#undef C
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cordon_txn *t = NULL;
        cordon_error err;
        int rc = cordon_txn_parse_xml(cases[i].xml, cases[i].len, o, &t, &err);
        if (rc != cases[i].code || err.offset != cases[i].offset || err.line != cases[i].line ||
            err.column != cases[i].column)
            fail_msg("case %zu: got %d at %lld %lld:%lld (%s)", i, rc, (long long)err.offset,
                     (long long)err.line, (long long)err.column, err.message);
        assert_null(t);
    }
    cordon_options_free(o);
}

/* Every proper prefix of a valid document is refused with a position. */
static void test_truncated(void **state)
{
    (void)state;
    cordon_options *o = tu_options();
    size_t len;
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/txn_xml/T-1006.xml", srcdir());
    char *xml = slurp(path, &len);
    /* the trailing newline is optional; so is everything after the root */
    while (len && xml[len - 1] == '\n')
        len--;
    for (size_t n = 0; n < len; n++) {
        cordon_txn *t = NULL;
        cordon_error err;
        int rc = cordon_txn_parse_xml(xml, n, o, &t, &err);
        if (rc == CORDON_OK || t)
            fail_msg("prefix of %zu bytes accepted", n);
        if (rc != CORDON_E_PARSE && rc != CORDON_E_UTF8)
            fail_msg("prefix of %zu bytes: %d %s", n, rc, err.message);
        assert_true(err.line >= 1);
        assert_true(err.message[0] != '\0');
    }
    cordon_txn *t = parse_xml_ok(xml, len, o);
    assert_int_equal(t->n_parties, 2);
    cordon_txn_free(t);
    free(xml);
    cordon_options_free(o);
}

/* Allocation failure at every allocation: CORDON_E_NOMEM, nothing leaked
 * (cmocka checks the blocks). */
typedef struct countdown {
    int left;
} countdown;
static void *cd_malloc(size_t n, void *u)
{
    countdown *c = u;
    if (c->left-- == 0)
        return NULL;
    return _test_malloc(n, __FILE__, __LINE__);
}
static void *cd_realloc(void *p, size_t n, void *u)
{
    countdown *c = u;
    if (c->left-- == 0)
        return NULL;
    return _test_realloc(p, n, __FILE__, __LINE__);
}
static void cd_free(void *p, void *u)
{
    (void)u;
    _test_free(p, __FILE__, __LINE__);
}

static void test_alloc_failure(void **state)
{
    (void)state;
    cordon_options *ro = tu_options();
    cordon_txn *ref = parse_xml_ok(all_xml, sizeof all_xml - 1, ro);
    int nomem = 0;
    for (int k = 0; k < 100000; k++) {
        countdown cd = {1 << 30};
        cordon_options *o = NULL;
        cordon_error err;
        assert_int_equal(cordon_options_new_with_allocator(&o, cd_malloc, cd_realloc, cd_free, &cd,
                                                           &err),
                         CORDON_OK);
        cd.left = k;
        cordon_txn *t = NULL;
        int rc = cordon_txn_parse_xml(all_xml, sizeof all_xml - 1, o, &t, &err);
        bool injected = cd.left < 0;
        cd.left = 1 << 30;
        if (rc == CORDON_OK) {
            /* a failed allocation that did not matter (a text buffer for white
             * space between elements) must not change the result */
            assert_txn_equal(ref, t);
            cordon_txn_free(t);
        } else {
            assert_int_equal(rc, CORDON_E_NOMEM);
            assert_null(t);
            nomem++;
        }
        cordon_options_free(o);
        if (!injected) {
            assert_int_equal(rc, CORDON_OK);
            assert_true(nomem > 20);
            cordon_txn_free(ref);
            cordon_options_free(ro);
            return;
        }
    }
    fail_msg("never ran without an injected failure");
}

static void quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* doc/transaction.rng accepts the demo and all-fields documents and refuses
 * unknown elements, like the parser. */
static void test_schema(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/doc/transaction.rng", srcdir());
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
    assert_non_null(pc);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    assert_non_null(schema);
    xmlRelaxNGFreeParserCtxt(pc);
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    assert_non_null(vc);
    xmlRelaxNGSetValidStructuredErrors(vc, quiet, NULL);
    static const char *const ids[] = {"T-1001", "T-1002", "T-1003", "T-1004", "T-1005",
                                      "T-1006", "T-1007", "T-1008", "T-1009"};
    for (size_t i = 0; i < 9; i++) {
        snprintf(path, sizeof path, "%s/tests/data/txn_xml/%s.xml", srcdir(), ids[i]);
        xmlDocPtr d = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
        assert_non_null(d);
        assert_int_equal(xmlRelaxNGValidateDoc(vc, d), 0);
        xmlFreeDoc(d);
    }
    xmlDocPtr d = xmlReadMemory(all_xml + 3, (int)sizeof all_xml - 4, "all.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR);
    assert_non_null(d);
    assert_int_equal(xmlRelaxNGValidateDoc(vc, d), 0);
    xmlFreeDoc(d);
    static const char *const bad[] = {
        "<transaction xmlns='urn:cordon:txn:1'><party><nmae>x</nmae></party></transaction>",
        "<transaction xmlns='urn:cordon:txn:1'><party foo='1'><name>x</name></party></transaction>",
        "<transaction xmlns='urn:cordon:txn:1'><id>1</id><id>2</id></transaction>",
        "<transaction xmlns='urn:cordon:txn:1'><party><name>x</name><type>robot</type></party>"
        "</transaction>",
        "<transaction xmlns='urn:cordon:txn:1'><item><param>1</param></item></transaction>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        d = xmlReadMemory(bad[i], (int)strlen(bad[i]), "bad.xml", NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR);
        assert_non_null(d);
        assert_int_not_equal(xmlRelaxNGValidateDoc(vc, d), 0);
        xmlFreeDoc(d);
        /* and the parser refuses the same documents */
        cordon_txn *t = NULL;
        cordon_error err;
        assert_int_equal(cordon_txn_parse_xml(bad[i], CORDON_NUL_TERMINATED, NULL, &t, &err),
                         CORDON_E_PARSE);
    }
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
}

static void test_null_args(void **state)
{
    (void)state;
    cordon_txn *t = NULL;
    cordon_error err;
    assert_int_equal(cordon_txn_parse_xml(NULL, 0, NULL, &t, &err), CORDON_E_INVALID);
    assert_int_equal(cordon_txn_parse_xml("<transaction/>", CORDON_NUL_TERMINATED, NULL, NULL, &err),
                     CORDON_E_INVALID);
    /* err is optional */
    assert_int_equal(cordon_txn_parse_xml("<transaction/>", CORDON_NUL_TERMINATED, NULL, &t, NULL),
                     CORDON_E_PARSE);
    assert_null(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_same_verdicts),
        cmocka_unit_test(test_all_fields),
        cmocka_unit_test(test_vocabulary_errors),
        cmocka_unit_test(test_dtd_refused),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_alloc_failure),
        cmocka_unit_test(test_schema),
        cmocka_unit_test(test_null_args),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
