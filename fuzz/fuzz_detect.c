/* fuzz_detect.c — libFuzzer harness: format auto-detection (format NULL, no
 * file name) followed by whichever parser was chosen, the db build and every
 * db accessor. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_list(data, size, NULL, NULL);
}
