/* screen_partners.c — screen a partner master file (CSV: name,type,country)
 * against a snapshot, one verdict line per partner.
 *
 *   cc screen_partners.c $(pkg-config --cflags --libs cordon) -o screen_partners
 *   ./screen_partners lists.cdb partners.csv
 */
#include <cordon/cordon.h>

#include <stdio.h>
#include <string.h>

static int type_of(const char *s)
{
    if (!strcmp(s, "person"))
        return CORDON_TYPE_PERSON;
    if (!strcmp(s, "organization") || !strcmp(s, "org"))
        return CORDON_TYPE_ORGANIZATION;
    if (!strcmp(s, "vessel"))
        return CORDON_TYPE_VESSEL;
    if (!strcmp(s, "aircraft"))
        return CORDON_TYPE_AIRCRAFT;
    return CORDON_TYPE_UNKNOWN;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SNAPSHOT.cdb PARTNERS.csv\n", argv[0]);
        return 2;
    }
    cordon_error err;
    cordon_db *db = NULL;
    int rc = cordon_db_open(argv[1], NULL, &db, &err);
    if (rc) {
        fprintf(stderr, "%s\n", err.message);
        return 2;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        cordon_db_free(db);
        return 2;
    }
    char line[4096];
    int status = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (lineno == 1 && strncmp(line, "name,", 5) == 0)
            continue; /* header */
        /* name,type,country (no quoted commas in this simple example) */
        char *name = line, *type = strchr(line, ',');
        char *country = NULL;
        if (type) {
            *type++ = '\0';
            country = strchr(type, ',');
            if (country)
                *country++ = '\0';
        }
        if (!*name)
            continue;
        cordon_txn *t = NULL;
        cordon_verdict *v = NULL;
        rc = cordon_txn_new(&t, NULL, &err);
        if (!rc)
            rc = cordon_txn_add_party(t, "partner", name, CORDON_NUL_TERMINATED,
                                      type ? type_of(type) : CORDON_TYPE_UNKNOWN,
                                      country && *country ? country : NULL, NULL, &err);
        if (!rc)
            rc = cordon_screen_txn(db, NULL, t, NULL, &v, &err);
        if (rc) {
            fprintf(stderr, "%s:%d: %s\n", argv[2], lineno, err.message);
            cordon_txn_free(t);
            status = 2;
            break;
        }
        int d = cordon_verdict_decision(v);
        printf("%-6s %s%s%s\n", cordon_verdict_decision_name(d), name,
               cordon_verdict_reason_count(v) ? "  " : "",
               cordon_verdict_reason_count(v) ? cordon_verdict_reason_text(v, 0) : "");
        if (d != CORDON_VERDICT_CLEAR && status == 0)
            status = 1;
        cordon_verdict_free(v);
        cordon_txn_free(t);
    }
    fclose(f);
    cordon_db_free(db);
    return status;
}
