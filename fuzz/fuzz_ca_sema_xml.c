/* fuzz_ca_sema_xml.c — libFuzzer harness: the ca_sema_xml list parser through
 * cordon_builder_add_buffer(), then cordon_builder_finish() and every db
 * accessor. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_list(data, size, "sema.xml", "ca_sema_xml");
}
