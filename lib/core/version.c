/* version.c — runtime version. */
#include "core.h"

CORDON_API uint32_t cordon_version_number(void)
{
    return (uint32_t)CORDON_VERSION_NUMBER;
}

CORDON_API const char *cordon_version_string(void)
{
    return CORDON_VERSION_STRING;
}
