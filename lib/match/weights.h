/* weights.h — logistic weights of the name scorer, written by bench/fit.py
 * from bench/labelled/pairs.tsv (fit half). Regenerate, do not hand-edit. */
#define W_BIAS (-9.0)
static const double W_FEAT[CORDON__NFEAT] = {
    6.0,  /* cov_list */
    3.0,  /* cov_query */
    3.0,  /* cov_min */
    0.5,  /* strong */
    -1.2, /* single */
    -4.0, /* number_mismatch */
    -1.0, /* number_one_side */
    -0.7, /* legal_mismatch */
    -0.8, /* weak_alias */
    -2.0, /* fuzzy_share */
};
#define THRESH_PERSON 0.70
#define THRESH_ORG 0.70
#define THRESH_VESSEL 0.70
#define THRESH_AIRCRAFT 0.70
#define THRESH_ANY 0.70
