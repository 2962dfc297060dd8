/* weights.h — logistic weights of the name scorer, written by bench/fit.py
 * from the fit half of bench/labelled/pairs.tsv. Regenerate, do not hand-edit. */
#define W_BIAS (-3.4940)
static const double W_FEAT[CORDON__NFEAT] = {
    0.3420, /* cov_list */
    1.1809, /* cov_query */
    1.9888, /* cov_min */
    2.2795, /* strong */
    -0.5000, /* single */
    -4.0000, /* number_mismatch */
    -0.1425, /* number_one_side */
    -0.6396, /* legal_mismatch */
    -0.8000, /* weak_alias */
    -0.5607, /* fuzzy_share */
    1.1723, /* full */
    -1.7593, /* conflict */
};
#define THRESH_PERSON 0.55
#define THRESH_ORG 0.55
#define THRESH_VESSEL 0.55
#define THRESH_AIRCRAFT 0.55
#define THRESH_ANY 0.55
