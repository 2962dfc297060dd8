// header_cxx.cc — the public header compiles as C++ with -pedantic -Werror.
#include <cordon/cordon.h>

int main()
{
    cordon_error err = cordon_error();
    err.code = CORDON_OK;
    const char *v = cordon_version_string();
    return (v != nullptr && err.code == 0) ? 0 : 1;
}
