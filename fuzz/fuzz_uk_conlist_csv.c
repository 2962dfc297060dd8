/* fuzz_uk_conlist_csv.c — libFuzzer harness: the uk_conlist_csv list parser through
 * cordon_builder_add_buffer(), then cordon_builder_finish() and every db
 * accessor. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_list(data, size, "ConList.csv", "uk_conlist_csv");
}
