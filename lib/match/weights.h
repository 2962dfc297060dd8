/* weights.h — logistic weights of the name scorer, written by bench/fit.py
 * from the fit half of bench/labelled/pairs.tsv. Regenerate, do not hand-edit. */
#define W_BIAS (-4.1003)
static const double W_FEAT[CORDON__NFEAT] = {
    0.7481, /* cov_list */
    1.4908, /* cov_query */
    1.9834, /* cov_min */
    2.1201, /* strong */
    -0.5000, /* single */
    -4.0000, /* number_mismatch */
    -0.1491, /* number_one_side */
    -0.6138, /* legal_mismatch */
    -0.8000, /* weak_alias */
    0.0063, /* fuzzy_share */
    1.1422, /* full */
    -1.1024, /* conflict */
};
#define THRESH_PERSON 0.57
#define THRESH_ORG 0.57
#define THRESH_VESSEL 0.57
#define THRESH_AIRCRAFT 0.57
#define THRESH_ANY 0.57
