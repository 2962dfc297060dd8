/* header_c99.c — the public header compiles as strict C99 (-std=c99 -pedantic -Werror). */
#include <cordon/cordon.h>

int main(void)
{
    cordon_error err;
    err.code = CORDON_OK;
    return (cordon_version_number() == CORDON_VERSION_NUMBER && err.code == 0) ? 0 : 1;
}
