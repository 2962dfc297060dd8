/* fuzz_eu_xml_legacy.c — libFuzzer harness: the eu_xml_legacy list parser through
 * cordon_builder_add_buffer(), then cordon_builder_finish() and every db
 * accessor. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_list(data, size, "eu_legacy.xml", "eu_xml_legacy");
}
