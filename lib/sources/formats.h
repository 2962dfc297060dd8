/*
 * formats.h — the format objects listed in the registry (internal).
 * Each parser file defines one `const cordon__format cordon__fmt_<name>`.
 * CSV-family and XML-family engineers append their own lines.
 */
#ifndef CORDON_FORMATS_H
#define CORDON_FORMATS_H

#include "sources/entity.h"

/* CSV / text family (lib/sources/fmt_*.c) */
extern const cordon__format cordon__fmt_ofac_csv;
extern const cordon__format cordon__fmt_us_csl_csv;
extern const cordon__format cordon__fmt_bis_dpl;
extern const cordon__format cordon__fmt_uk_conlist_csv;
extern const cordon__format cordon__fmt_uk_fcdo_csv;
extern const cordon__format cordon__fmt_eu_csv;
extern const cordon__format cordon__fmt_generic_csv;

/* XML family (lib/sources/xml_*.c) */
extern const cordon__format cordon__fmt_ofac_xml;
extern const cordon__format cordon__fmt_un_xml;
extern const cordon__format cordon__fmt_ofac_advanced_xml;
extern const cordon__format cordon__fmt_ofac_enhanced_xml;
extern const cordon__format cordon__fmt_eu_xml;
extern const cordon__format cordon__fmt_eu_xml_legacy;
extern const cordon__format cordon__fmt_ca_sema_xml;
extern const cordon__format cordon__fmt_uk_conlist_xml;

#endif /* CORDON_FORMATS_H */
