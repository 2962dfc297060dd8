/* nick.c — given-name hypocorisms (nicknames and short forms) that share no
 * spelling with the full name ("Bob"/"Robert", "Misha"/"Mikhail"), so the
 * typo and skeleton rules cannot reach them. Each row is "short full"; two
 * tokens are nickname-equivalent when one is a short form of the other or
 * both are short forms of the same full name ("Bob"/"Rob"). Rows also hold
 * national forms of one name that spelling rules cannot reach (Ukrainian
 * "Volodymyr"/Russian "Vladimir", "Mykola"/"Nikolai"). Written for this
 * project from common usage (English, Spanish, Russian/Ukrainian, German,
 * Italian, French, Arabic short forms). Lower-case Latin, as the analysis
 * produces. Sorted by the short form (checked by tests/test_match.c).
 * The second table, abbreviations of organisation words, is at the end. */
#include "match/match.h"

#include <string.h>

static const char *const NICK[][2] = {
    {"abby", "abigail"}, {"abe", "abraham"}, {"al", "alan"}, {"al", "albert"},
    {"al", "alfred"}, {"alec", "alexander"}, {"alejo", "alejandro"}, {"alex", "aleksandr"},
    {"alex", "alexander"}, {"alex", "alexandra"}, {"alex", "alexey"}, {"alfie", "alfred"},
    {"anatoliy", "anatoly"}, {"andriy", "andrei"}, {"andriy", "andrey"}, {"andy", "andrew"},
    {"angie", "angela"}, {"annie", "anne"}, {"art", "arthur"}, {"babs", "barbara"},
    {"barb", "barbara"}, {"bart", "bartholomew"}, {"becky", "rebecca"},
    {"bella", "isabella"}, {"ben", "benjamin"}, {"benny", "benjamin"},
    {"bernie", "bernard"}, {"bert", "albert"}, {"bert", "herbert"}, {"bert", "robert"},
    {"beth", "elizabeth"}, {"betsy", "elizabeth"}, {"betty", "elizabeth"},
    {"bill", "william"}, {"billy", "william"}, {"bob", "robert"}, {"bobby", "robert"},
    {"brad", "bradley"}, {"cathy", "catherine"}, {"charlie", "charles"}, {"chema", "jose"},
    {"chris", "christine"}, {"chris", "christopher"}, {"chucho", "jesus"},
    {"chuck", "charles"}, {"chuy", "jesus"}, {"cindy", "cynthia"}, {"cliff", "clifford"},
    {"dan", "daniel"}, {"danny", "daniel"}, {"dave", "david"}, {"davy", "david"},
    {"debbie", "deborah"}, {"dick", "richard"}, {"dima", "dmitriy"}, {"dima", "dmitry"},
    {"dmytro", "dmitriy"}, {"dmytro", "dmitry"}, {"dolly", "dorothy"}, {"don", "donald"},
    {"donny", "donald"}, {"dot", "dorothy"}, {"doug", "douglas"}, {"ed", "edward"},
    {"eddie", "edward"}, {"frank", "francis"}, {"frank", "franklin"}, {"fred", "frederick"},
    {"freddie", "frederick"}, {"gabe", "gabriel"}, {"gene", "eugene"},
    {"geoff", "geoffrey"}, {"greg", "gregory"}, {"hank", "henry"}, {"hans", "johannes"},
    {"harry", "harold"}, {"harry", "henry"}, {"heinz", "heinrich"}, {"hryhoriy", "grigory"},
    {"jack", "john"}, {"jake", "jacob"}, {"jamie", "james"}, {"jan", "johannes"},
    {"jeff", "jeffrey"}, {"jenny", "jennifer"}, {"jerry", "gerald"}, {"jerry", "jerome"},
    {"jim", "james"}, {"jimmy", "james"}, {"joe", "joseph"}, {"joey", "joseph"},
    {"johnny", "john"}, {"jon", "jonathan"}, {"josh", "joshua"}, {"judy", "judith"},
    {"kate", "catherine"}, {"kate", "katherine"}, {"kathy", "katherine"},
    {"katie", "katherine"}, {"ken", "kenneth"}, {"kenny", "kenneth"}, {"kim", "kimberly"},
    {"kolya", "nikolai"}, {"kolya", "nikolay"}, {"kostya", "konstantin"},
    {"larry", "lawrence"}, {"len", "leonard"}, {"lenny", "leonard"}, {"leo", "leonard"},
    {"leo", "leonid"}, {"lisa", "elizabeth"}, {"liz", "elizabeth"}, {"lupe", "guadalupe"},
    {"maggie", "margaret"}, {"mandy", "amanda"}, {"manny", "manuel"}, {"marty", "martin"},
    {"masha", "maria"}, {"matt", "matthew"}, {"max", "maxim"}, {"max", "maximilian"},
    {"meg", "margaret"}, {"memo", "guillermo"}, {"mick", "michael"}, {"mickey", "michael"},
    {"mike", "michael"}, {"misha", "mikhail"}, {"mitch", "mitchell"},
    {"mykhailo", "mikhail"}, {"mykola", "nikolai"}, {"mykola", "nikolay"},
    {"nacho", "ignacio"}, {"nat", "nathaniel"}, {"nate", "nathan"}, {"ned", "edward"},
    {"nick", "nicholas"}, {"nick", "nikolai"}, {"nicky", "nicholas"},
    {"oleksandr", "aleksandr"}, {"oleksandr", "alexander"}, {"oleksiy", "aleksey"},
    {"oleksiy", "alexei"}, {"paco", "francisco"}, {"pancho", "francisco"},
    {"pasha", "pavel"}, {"pat", "patricia"}, {"pat", "patrick"}, {"patty", "patricia"},
    {"pavlo", "pavel"}, {"peggy", "margaret"}, {"pepe", "jose"}, {"pete", "peter"},
    {"petro", "petr"}, {"petro", "pyotr"}, {"phil", "philip"}, {"polly", "mary"},
    {"ray", "raymond"}, {"rich", "richard"}, {"richie", "richard"}, {"rick", "richard"},
    {"ricky", "richard"}, {"rob", "robert"}, {"robbie", "robert"}, {"ron", "ronald"},
    {"ronnie", "ronald"}, {"rudy", "rudolph"}, {"sam", "samuel"}, {"sammy", "samuel"},
    {"sandy", "alexandra"}, {"sandy", "sandra"}, {"sasha", "aleksandr"},
    {"sasha", "aleksandra"}, {"sasha", "alexander"}, {"serhiy", "sergei"},
    {"serhiy", "sergey"}, {"seryozha", "sergei"}, {"seryozha", "sergey"},
    {"steve", "stephen"}, {"steve", "steven"}, {"sue", "susan"}, {"susie", "susan"},
    {"ted", "edward"}, {"ted", "theodore"}, {"teddy", "theodore"}, {"terry", "terence"},
    {"tim", "timothy"}, {"tom", "thomas"}, {"tommy", "thomas"}, {"tony", "anthony"},
    {"trish", "patricia"}, {"val", "valentin"}, {"valeriy", "valery"}, {"vanya", "ivan"},
    {"vasyl", "vasiliy"}, {"vasyl", "vasily"}, {"vic", "victor"}, {"viktor", "victor"},
    {"vince", "vincent"}, {"vitya", "viktor"}, {"volodya", "vladimir"},
    {"volodymyr", "vladimir"}, {"volodymyrovych", "vladimirovich"}, {"walt", "walter"},
    {"will", "william"}, {"willy", "william"}, {"yevhen", "evgeny"}, {"yevhen", "yevgeny"},
    {"yura", "yuri"}, {"yura", "yuriy"}, {"yuriy", "yury"}, {"zhenya", "yevgeny"},
};

#define NNICK (sizeof NICK / sizeof NICK[0])

static int cmp_tok(const char *s, size_t n, const char *z)
{
    for (size_t i = 0; i < n; i++) {
        if (z[i] == 0)
            return 1; /* s is longer */
        if (s[i] != z[i])
            return (unsigned char)s[i] < (unsigned char)z[i] ? -1 : 1;
    }
    return z[n] ? -1 : 0;
}

/* First row of a table of rows[n_rows] sorted by their first column whose
 * first column is s[0..n), or n_rows. */
static size_t first_row(const char *const rows[][2], size_t n_rows, const char *s, size_t n)
{
    size_t lo = 0, hi = n_rows;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_tok(s, n, rows[mid][0]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n_rows && cmp_tok(s, n, rows[lo][0]) == 0 ? lo : n_rows;
}

/* First row whose short form is s[0..n), or NNICK. */
static size_t first_short(const char *s, size_t n)
{
    return first_row(NICK, NNICK, s, n);
}

static bool short_of(size_t i, const char *full, size_t n)
{
    for (size_t j = i; j < NNICK && strcmp(NICK[j][0], NICK[i][0]) == 0; j++)
        if (cmp_tok(full, n, NICK[j][1]) == 0)
            return true;
    return false;
}

bool cordon__is_short_form(const char *s, size_t n)
{
    return n >= 2 && first_short(s, n) < NNICK;
}

bool cordon__nickname(const char *a, size_t na, const char *b, size_t nb)
{
    if (na == 0 || nb == 0 || (na == nb && memcmp(a, b, na) == 0))
        return false;
    size_t ia = first_short(a, na), ib = first_short(b, nb);
    if (ia < NNICK && short_of(ia, b, nb))
        return true;
    if (ib < NNICK && short_of(ib, a, na))
        return true;
    if (ia < NNICK && ib < NNICK) /* two short forms of one full name */
        for (size_t i = ia; i < NNICK && strcmp(NICK[i][0], NICK[ia][0]) == 0; i++)
            if (short_of(ib, NICK[i][1], strlen(NICK[i][1])))
                return true;
    return false;
}

bool cordon__nick_table_sorted(void)
{
    for (size_t i = 1; i < NNICK; i++)
        if (strcmp(NICK[i - 1][0], NICK[i][0]) > 0)
            return false;
    return true;
}

/* Abbreviations of organisation words written in company names ("Intl",
 * "Mfg", "St."), each with its full word; the full word may also carry a
 * plural "s" ("pharm"/"pharmaceuticals"). Sorted by the abbreviation
 * (checked by tests/test_match.c). Every abbreviation starts with its full
 * word's first letter. */
static const char *const ABBR[][2] = {
    {"acad", "academy"}, {"admin", "administration"}, {"assn", "association"},
    {"bldg", "building"}, {"bros", "brothers"}, {"chem", "chemical"}, {"cntr", "center"},
    {"cntr", "centre"}, {"coop", "cooperative"}, {"ctr", "center"},
    {"ctr", "centre"}, {"dept", "department"}, {"engg", "engineering"}, {"equip", "equipment"},
    {"ft", "fort"}, {"govt", "government"}, {"grp", "group"}, {"hldg", "holding"},
    {"hldgs", "holdings"}, {"hosp", "hospital"}, {"inds", "industries"},
    {"indus", "industries"}, {"inst", "institute"}, {"intl", "international"},
    {"mfg", "manufacturing"}, {"mfrs", "manufacturers"}, {"mgmt", "management"},
    {"mt", "mount"}, {"natl", "national"}, {"pharm", "pharmaceutical"}, {"shpg", "shipping"},
    {"st", "saint"}, {"svc", "service"}, {"svcs", "services"}, {"trdg", "trading"},
    {"univ", "university"},
};
#define NABBR (sizeof ABBR / sizeof ABBR[0])

/* First row whose abbreviation is s[0..n), or NABBR. */
static size_t first_abbr(const char *s, size_t n)
{
    return first_row(ABBR, NABBR, s, n);
}

const char *cordon__abbrev_full(const char *s, size_t n)
{
    if (n < 2 || n > CORDON__ABBR_MAX)
        return NULL;
    size_t i = first_abbr(s, n);
    return i < NABBR ? ABBR[i][1] : NULL;
}

bool cordon__abbreviation(const char *a, size_t na, const char *b, size_t nb)
{
    const char *s = a, *f = b;
    size_t ns = na, nf = nb;
    if (na > nb) {
        s = b, f = a;
        ns = nb, nf = na;
    }
    if (ns < 2 || ns > CORDON__ABBR_MAX || nf <= ns || s[0] != f[0])
        return false;
    for (size_t i = first_abbr(s, ns); i < NABBR && cmp_tok(s, ns, ABBR[i][0]) == 0; i++) {
        size_t L = strlen(ABBR[i][1]);
        if ((nf == L || (nf == L + 1 && f[L] == 's')) && memcmp(f, ABBR[i][1], L) == 0)
            return true;
    }
    return false;
}

void cordon__abbrev_forms(const char *s, size_t n, void (*fn)(void *, const char *, size_t),
                          void *ctx)
{
    if (n < 2)
        return;
    for (size_t i = first_abbr(s, n); i < NABBR && cmp_tok(s, n, ABBR[i][0]) == 0; i++)
        fn(ctx, ABBR[i][1], strlen(ABBR[i][1]));
    for (size_t i = 0; i < NABBR; i++)
        if (cmp_tok(s, n, ABBR[i][1]) == 0)
            fn(ctx, ABBR[i][0], strlen(ABBR[i][0]));
}

bool cordon__abbr_table_sorted(void)
{
    for (size_t i = 1; i < NABBR; i++)
        if (strcmp(ABBR[i - 1][0], ABBR[i][0]) > 0)
            return false;
    for (size_t i = 0; i < NABBR; i++)
        if (strlen(ABBR[i][0]) > CORDON__ABBR_MAX || ABBR[i][0][0] != ABBR[i][1][0])
            return false;
    return true;
}
