/* weights.h — logistic weights of the name scorer, written by bench/fit.py
 * from the fit half of bench/labelled/pairs.tsv. Regenerate, do not hand-edit. */
#define W_BIAS (-6.3428)
static const double W_FEAT[CORDON__NFEAT] = {
    3.2459, /* cov_list */
    2.3907, /* cov_query */
    2.8398, /* cov_min */
    1.3502, /* strong */
    -0.5000, /* single */
    -4.0000, /* number_mismatch */
    -0.0193, /* number_one_side */
    -1.2802, /* legal_mismatch */
    -0.8000, /* weak_alias */
    -0.4494, /* fuzzy_share */
};
#define THRESH_PERSON 0.28
#define THRESH_ORG 0.28
#define THRESH_VESSEL 0.28
#define THRESH_AIRCRAFT 0.28
#define THRESH_ANY 0.28
