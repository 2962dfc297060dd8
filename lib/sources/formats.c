/* formats.c — the format registry: lookup by name and content detection. */
#include "sources/formats.h"

#include <string.h>

/* Every format, NULL-terminated. generic_csv stays last: it accepts almost
 * any delimited text with a header and is the fallback of detection. */
const cordon__format *const cordon__formats[] = {
    /* CSV / text family */
    &cordon__fmt_ofac_csv,
    &cordon__fmt_us_csl_csv,
    &cordon__fmt_bis_dpl,
    &cordon__fmt_uk_conlist_csv,
    &cordon__fmt_uk_fcdo_csv,
    &cordon__fmt_eu_csv,
    /* XML family */
    &cordon__fmt_ofac_xml,
    &cordon__fmt_un_xml,
    &cordon__fmt_ofac_advanced_xml,
    &cordon__fmt_ofac_enhanced_xml,
    &cordon__fmt_eu_xml,
    &cordon__fmt_eu_xml_legacy,
    &cordon__fmt_ca_sema_xml,
    &cordon__fmt_uk_conlist_xml,
    /* fallback */
    &cordon__fmt_generic_csv,
    NULL,
};

const cordon__format *cordon__format_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; cordon__formats[i]; i++)
        if (strcmp(cordon__formats[i]->name, name) == 0)
            return cordon__formats[i];
    return NULL;
}

const cordon__format *cordon__format_detect(const char *name, const char *data, size_t len)
{
    const cordon__format *best = NULL;
    int best_score = 0;
    for (size_t i = 0; cordon__formats[i]; i++) {
        const cordon__format *f = cordon__formats[i];
        if (!f->detect)
            continue;
        int sc = f->detect(name, data, len);
        if (sc > best_score) { /* ties keep the earlier (more specific) format */
            best_score = sc;
            best = f;
        }
    }
    return best;
}
