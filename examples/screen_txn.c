/* screen_txn.c — open a snapshot once, build one transaction in code, print
 * its verdict. What an ERP integration does for every order.
 *
 *   cc screen_txn.c $(pkg-config --cflags --libs cordon) -o screen_txn
 *   ./screen_txn /usr/share/cordon/demo.cdb
 */
#include <cordon/cordon.h>

#include <stdio.h>

static int fail(const char *what, int rc, const cordon_error *err)
{
    fprintf(stderr, "%s: %s (%s)\n", what, err->message, cordon_strerror(rc));
    return 2;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SNAPSHOT.cdb\n", argv[0]);
        return 2;
    }
    cordon_error err;
    cordon_db *db = NULL;
    int rc = cordon_db_open(argv[1], NULL, &db, &err); /* once, at start-up */
    if (rc)
        return fail(argv[1], rc, &err);

    cordon_txn *t = NULL;
    rc = cordon_txn_new(&t, NULL, &err);
    if (!rc)
        rc = cordon_txn_set_id(t, "SO-4711", CORDON_NUL_TERMINATED, &err);
    if (!rc)
        rc = cordon_txn_set_country(t, CORDON_TXN_ORIGIN, "DE", &err);
    if (!rc)
        rc = cordon_txn_set_country(t, CORDON_TXN_DESTINATION, "AE", &err);
    if (!rc)
        rc = cordon_txn_add_party(t, "consignee", "Gulf Electronics Trading FZE",
                                  CORDON_NUL_TERMINATED, CORDON_TYPE_ORGANIZATION, "AE", NULL, &err);
    if (!rc)
        rc = cordon_txn_add_party(t, "bank", "National Bank of Cuba", CORDON_NUL_TERMINATED,
                                  CORDON_TYPE_ORGANIZATION, NULL, NULL, &err);
    if (!rc)
        rc = cordon_txn_add_item(t, "analog-to-digital converter", CORDON_NUL_TERMINATED,
                                 "854239", NULL, &err);
    if (!rc)
        rc = cordon_txn_item_set_param(t, 0, "resolution", "14 bit", &err);
    if (!rc)
        rc = cordon_txn_item_set_param(t, 0, "sample_rate", "1.5 GSPS", &err);
    if (rc) {
        cordon_txn_free(t);
        cordon_db_free(db);
        return fail("building the transaction", rc, &err);
    }

    cordon_verdict *v = NULL;
    rc = cordon_screen_txn(db, NULL /* the rules stored in the snapshot */, t, NULL, &v, &err);
    if (rc) {
        cordon_txn_free(t);
        cordon_db_free(db);
        return fail("screening", rc, &err);
    }
    int d = cordon_verdict_decision(v);
    printf("%s %s\n", cordon_verdict_id(v), cordon_verdict_decision_name(d));
    for (size_t i = 0; i < cordon_verdict_reason_count(v); i++)
        printf("  %-6s %s: %s\n", cordon_verdict_decision_name(cordon_verdict_reason_decision(v, i)),
               cordon_verdict_reason_code(v, i), cordon_verdict_reason_text(v, i));
    cordon_verdict_free(v);
    cordon_txn_free(t);
    cordon_db_free(db);
    return d == CORDON_VERDICT_CLEAR ? 0 : 1;
}
