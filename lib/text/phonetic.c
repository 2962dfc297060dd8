/* phonetic.c — placeholder, replaced below */
#include "text/text_int.h"
#include <string.h>
void cordon__double_metaphone(const char *w, size_t n, char p[CORDON__PHON_MAX], char a[CORDON__PHON_MAX])
{
    (void)w; (void)n;
    p[0] = 0; a[0] = 0;
}
