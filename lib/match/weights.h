/* weights.h — logistic weights of the name scorer, written by bench/fit.py
 * from the fit half of bench/labelled/pairs.tsv. Regenerate, do not hand-edit. */
#define W_BIAS (-3.0115)
static const double W_FEAT[CORDON__NFEAT] = {
    0.1113, /* cov_list */
    1.1190, /* cov_query */
    1.8787, /* cov_min */
    2.1467, /* strong */
    -0.5000, /* single */
    -4.0000, /* number_mismatch */
    -0.1602, /* number_one_side */
    -0.7060, /* legal_mismatch */
    -0.8000, /* weak_alias */
    -0.6247, /* fuzzy_share */
    1.2052, /* full */
    -1.7394, /* conflict */
    -0.5600, /* family_unmatched */
};
#define THRESH_PERSON 0.56
#define THRESH_ORG 0.56
#define THRESH_VESSEL 0.56
#define THRESH_AIRCRAFT 0.56
#define THRESH_ANY 0.56
