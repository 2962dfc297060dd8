/* fuzz_ofac_enhanced_xml.c — libFuzzer harness: the ofac_enhanced_xml list parser through
 * cordon_builder_add_buffer(), then cordon_builder_finish() and every db
 * accessor. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_list(data, size, "CONS_ENHANCED.XML", "ofac_enhanced_xml");
}
