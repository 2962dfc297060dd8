/* weights.h — logistic weights of the name scorer, written by bench/fit.py
 * from the fit half of bench/labelled/pairs.tsv. Regenerate, do not hand-edit. */
#define W_BIAS (-2.9178)
static const double W_FEAT[CORDON__NFEAT] = {
    0.0784, /* cov_list */
    1.0922, /* cov_query */
    1.8822, /* cov_min */
    2.1058, /* strong */
    -0.5000, /* single */
    -4.0000, /* number_mismatch */
    -0.1639, /* number_one_side */
    -0.7184, /* legal_mismatch */
    -0.8000, /* weak_alias */
    -0.5451, /* fuzzy_share */
    1.2033, /* full */
    -1.7389, /* conflict */
    -0.5707, /* family_unmatched */
};
#define THRESH_PERSON 0.60
#define THRESH_ORG 0.60
#define THRESH_VESSEL 0.60
#define THRESH_AIRCRAFT 0.60
#define THRESH_ANY 0.60
