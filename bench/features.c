/* features.c — print the scorer's feature vector for every labelled pair
 * (input for bench/fit.py). Links libcordon statically (internal API).
 * Usage: features < bench/labelled/pairs.tsv > features.tsv */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/match.h"

const cordon__mresult *cordon__matcher_result(const cordon_matcher *m);

static int type_of(const char *s)
{
    if (!strcmp(s, "person")) return 1;
    if (!strcmp(s, "org")) return 2;
    if (!strcmp(s, "vessel")) return 3;
    if (!strcmp(s, "aircraft")) return 4;
    return 0;
}

int main(void)
{
    cordon_matcher *m;
    cordon_error err;
    if (cordon_matcher_new(NULL, &m, &err))
        return 2;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int first = 1;
    printf("label\tsplit\tcategory\ttype\tscore");
    for (int f = 0; f < CORDON__NFEAT; f++)
        printf("\t%s", cordon__feature_name(f));
    printf("\n");
    while ((n = getline(&line, &cap, stdin)) > 0) {
        if (first) { first = 0; continue; }
        line[strcspn(line, "\r\n")] = 0;
        char *col[6];
        int k = 0;
        char *p = line;
        while (k < 6) {
            col[k++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = 0;
            p = t + 1;
        }
        if (k < 6) continue;
        double s;
        int ty = type_of(col[2]);
        if (cordon_matcher_score(m, col[0], CORDON_NUL_TERMINATED, col[1], CORDON_NUL_TERMINATED,
                                 ty, &s, &err)) {
            fprintf(stderr, "%s\n", err.message);
            continue;
        }
        const cordon__mresult *r = cordon__matcher_result(m);
        printf("%s\t%s\t%s\t%d\t%.4f", col[3], col[5], col[4], ty, s);
        for (int f = 0; f < CORDON__NFEAT; f++)
            printf("\t%.5f", r->feat[f]);
        printf("\n");
    }
    free(line);
    cordon_matcher_free(m);
    return 0;
}
