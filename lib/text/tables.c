/*
 * tables.c — keyword tables of the name analysis: legal forms, honorifics and
 * titles, name particles, stopwords and ordinal words.
 *
 * Rows are written as people write them, in any script ("Gesellschaft mit
 * beschränkter Haftung", "ООО", "株式会社", "شركة"). The first lookup runs
 * every row once through the same tokenizer as the names (pthread_once), so
 * a row matches exactly the token sequence a name containing it produces;
 * the index lives in static storage and is read-only afterwards.
 * To extend: add a row to the right table; test_text checks that every row
 * normalizes to at least one token and at most CORDON__KW_MAXWORDS tokens.
 */
#include "text/text_int.h"

#include <pthread.h>
#include <string.h>

typedef struct kw_row {
    const char *form;
    uint16_t value; /* legal class or number */
} kw_row;

#define LLC CORDON__LEGAL_LLC
#define JSC CORDON__LEGAL_JSC
#define LP CORDON__LEGAL_LP
#define PLC CORDON__LEGAL_PLC
#define CORP CORDON__LEGAL_CORP
#define COOP CORDON__LEGAL_COOP
#define FOUNDATION CORDON__LEGAL_FOUNDATION
#define TRUST CORDON__LEGAL_TRUST
#define PARTNERSHIP CORDON__LEGAL_PARTNERSHIP
#define SOLE CORDON__LEGAL_SOLE
#define STATE CORDON__LEGAL_STATE
#define BRANCH CORDON__LEGAL_BRANCH
#define ASSOC CORDON__LEGAL_ASSOCIATION
#define COMPANY CORDON__LEGAL_COMPANY
#define OTHER CORDON__LEGAL_OTHER

/* ---- legal forms (organizations, vessels, aircraft, unknown) ----------- */
static const kw_row legal_rows[] = {
    /* English, common law */
    {"Ltd", LLC}, {"Limited", LLC}, {"Co Ltd", LLC}, {"Co., Ltd.", LLC},
    {"Company Limited", LLC}, {"Pvt Ltd", LLC}, {"Private Limited", LLC},
    {"Pte Ltd", LLC}, {"Pty Ltd", LLC}, {"Proprietary Limited", LLC}, {"Pty", LLC},
    {"LLC", LLC}, {"L.L.C.", LLC}, {"Limited Liability Company", LLC},
    {"LLP", PARTNERSHIP}, {"Limited Liability Partnership", PARTNERSHIP},
    {"LP", LP}, {"L.P.", LP}, {"Limited Partnership", LP},
    {"PLC", PLC}, {"P.L.C.", PLC}, {"Public Limited Company", PLC},
    {"Inc", CORP}, {"Inc.", CORP}, {"Incorporated", CORP}, {"Corp", CORP},
    {"Corporation", CORP}, {"Co", COMPANY}, {"Company", COMPANY}, {"Cos", COMPANY},
    {"Trust", TRUST}, {"Foundation", FOUNDATION}, {"Association", ASSOC},
    {"Cooperative", COOP}, {"Co-operative", COOP}, {"Coop", COOP},
    {"Branch", BRANCH}, {"Branch Office", BRANCH}, {"Representative Office", BRANCH},
    {"Sole Proprietorship", SOLE}, {"Sole Trader", SOLE},
    {"General Partnership", PARTNERSHIP}, {"Partnership", PARTNERSHIP},
    {"State Enterprise", STATE}, {"State Owned Enterprise", STATE},
    {"State-Owned Company", STATE}, {"State Company", STATE},
    {"Joint Stock Company", JSC}, {"JSC", JSC}, {"OJSC", JSC}, {"CJSC", JSC},
    {"PJSC", JSC}, {"Open Joint Stock Company", JSC}, {"Closed Joint Stock Company", JSC},
    {"Public Joint Stock Company", JSC}, {"Private Joint Stock Company", JSC},
    {"Joint-Stock Company", JSC}, {"Joint Venture", OTHER}, {"JV", OTHER},
    {"Unlimited Company", COMPANY}, {"Community Interest Company", COMPANY}, {"CIC", COMPANY},
    {"Non-Profit Organization", ASSOC}, {"Nonprofit Organization", ASSOC},
    {"Non-Governmental Organization", ASSOC}, {"NGO", ASSOC},
    {"Federal State Unitary Enterprise", STATE}, {"FSUE", STATE},
    {"State Unitary Enterprise", STATE}, {"Unitary Enterprise", STATE},
    {"Scientific Production Association", OTHER}, {"Research and Production Association", OTHER},
    {"Establishment", OTHER}, {"Est", OTHER}, {"WLL", LLC}, {"W.L.L.", LLC},
    {"FZE", LLC}, {"FZCO", LLC}, {"FZ-LLC", LLC}, {"FZC", LLC}, {"SPC", LLC},
    {"OPC", SOLE}, {"One Person Company", SOLE},
    /* German, Austrian, Swiss */
    {"GmbH", LLC}, {"Gesellschaft mit beschränkter Haftung", LLC}, {"mbH", LLC},
    {"Ges.m.b.H.", LLC}, {"AG", JSC}, {"Aktiengesellschaft", JSC}, {"KG", LP},
    {"Kommanditgesellschaft", LP}, {"GmbH & Co. KG", LP}, {"GmbH & Co KG", LP},
    {"AG & Co. KG", LP}, {"KGaA", JSC}, {"Kommanditgesellschaft auf Aktien", JSC},
    {"OHG", PARTNERSHIP}, {"Offene Handelsgesellschaft", PARTNERSHIP},
    {"GbR", PARTNERSHIP}, {"Gesellschaft bürgerlichen Rechts", PARTNERSHIP},
    {"eG", COOP}, {"eingetragene Genossenschaft", COOP}, {"Genossenschaft", COOP},
    {"e.V.", ASSOC}, {"eingetragener Verein", ASSOC}, {"Verein", ASSOC},
    {"UG", LLC}, {"UG (haftungsbeschränkt)", LLC}, {"Stiftung", FOUNDATION},
    {"SE", JSC}, {"Societas Europaea", JSC}, {"e.K.", SOLE}, {"eingetragener Kaufmann", SOLE},
    {"PartG", PARTNERSHIP}, {"Partnerschaftsgesellschaft", PARTNERSHIP},
    {"Anstalt", OTHER},
    /* French, Belgian, Luxembourg, Swiss */
    {"SA", JSC}, {"S.A.", JSC}, {"Société Anonyme", JSC}, {"SARL", LLC}, {"S.à r.l.", LLC},
    {"Société à Responsabilité Limitée", LLC}, {"SAS", JSC}, {"S.A.S.", JSC},
    {"Société par Actions Simplifiée", JSC}, {"SASU", JSC}, {"EURL", LLC},
    {"Entreprise Unipersonnelle à Responsabilité Limitée", LLC},
    {"SNC", PARTNERSHIP}, {"Société en Nom Collectif", PARTNERSHIP},
    {"SCS", LP}, {"Société en Commandite Simple", LP}, {"SCA", JSC},
    {"Société en Commandite par Actions", JSC}, {"SCI", OTHER},
    {"Société Civile Immobilière", OTHER}, {"Société Coopérative", COOP}, {"SCOP", COOP},
    {"GIE", OTHER}, {"Groupement d'Intérêt Économique", OTHER},
    {"Fondation", FOUNDATION}, {"Cie", COMPANY}, {"Compagnie", COMPANY},
    {"SPRL", LLC}, {"Société Privée à Responsabilité Limitée", LLC}, {"SRL", LLC},
    {"SCRL", COOP}, {"ASBL", ASSOC}, {"Association Sans But Lucratif", ASSOC},
    {"SCSp", LP}, {"SICAV", OTHER}, {"SICAF", OTHER},
    /* Spanish, Latin American */
    {"Sociedad Anónima", JSC}, {"S.L.", LLC}, {"SL", LLC}, {"Sociedad Limitada", LLC},
    {"S.R.L.", LLC}, {"Sociedad de Responsabilidad Limitada", LLC},
    {"S.A. de C.V.", JSC}, {"SA de CV", JSC}, {"Sociedad Anónima de Capital Variable", JSC},
    {"S. de R.L.", LLC}, {"S. de R.L. de C.V.", LLC}, {"S.A.P.I. de C.V.", JSC},
    {"S.A.B. de C.V.", JSC}, {"S.A.C.", JSC}, {"S.A.A.", JSC}, {"S.A.C.I.", JSC},
    {"S.A.I.C.", JSC}, {"S. en C.", LP}, {"Sociedad en Comandita", LP},
    {"S. Coop.", COOP}, {"Sociedad Cooperativa", COOP}, {"Cooperativa", COOP},
    {"Ltda", LLC}, {"Ltda.", LLC}, {"Limitada", LLC}, {"Cía", COMPANY}, {"Compañía", COMPANY},
    {"y Cía", COMPANY}, {"E.I.R.L.", SOLE}, {"Empresa Individual de Responsabilidad Limitada", SOLE},
    {"C.A.", JSC}, {"Compañía Anónima", JSC}, {"Fundación", FOUNDATION},
    {"Asociación", ASSOC}, {"Empresa Estatal", STATE}, {"Empresa del Estado", STATE},
    {"Sucursal", BRANCH},
    /* Portuguese, Brazilian */
    {"S/A", JSC}, {"Sociedade Anônima", JSC}, {"Sociedade Limitada", LLC}, {"Lda", LLC},
    {"Lda.", LLC}, {"EIRELI", SOLE}, {"Sociedade por Quotas", LLC}, {"Companhia", COMPANY},
    {"Fundação", FOUNDATION}, {"Associação", ASSOC}, {"Empresa Pública", STATE},
    /* Italian */
    {"S.p.A.", JSC}, {"SpA", JSC}, {"Società per Azioni", JSC}, {"S.r.l.", LLC},
    {"Società a Responsabilità Limitata", LLC}, {"S.r.l.s.", LLC}, {"S.n.c.", PARTNERSHIP},
    {"Società in Nome Collettivo", PARTNERSHIP}, {"S.a.s.", LP},
    {"Società in Accomandita Semplice", LP}, {"S.a.p.a.", JSC},
    {"Società in Accomandita per Azioni", JSC}, {"Soc. Coop.", COOP},
    {"Società Cooperativa", COOP}, {"S.c.r.l.", COOP}, {"Fondazione", FOUNDATION},
    {"Associazione", ASSOC}, {"Consorzio", OTHER},
    /* Dutch, Flemish */
    {"B.V.", LLC}, {"BV", LLC}, {"Besloten Vennootschap", LLC},
    {"Besloten Vennootschap met beperkte aansprakelijkheid", LLC}, {"N.V.", JSC}, {"NV", JSC},
    {"Naamloze Vennootschap", JSC}, {"V.O.F.", PARTNERSHIP}, {"Vennootschap onder Firma", PARTNERSHIP},
    {"C.V.", LP}, {"Commanditaire Vennootschap", LP}, {"Stichting", FOUNDATION},
    {"Vereniging", ASSOC}, {"Coöperatie", COOP}, {"BVBA", LLC}, {"CVBA", COOP}, {"VZW", ASSOC},
    {"Vereniging zonder winstoogmerk", ASSOC},
    /* Nordic */
    {"AB", JSC}, {"Aktiebolag", JSC}, {"Aktiebolaget", JSC}, {"AB (publ)", PLC},
    {"HB", PARTNERSHIP}, {"Handelsbolag", PARTNERSHIP}, {"KB", LP}, {"Kommanditbolag", LP},
    {"Ekonomisk förening", COOP}, {"Stiftelse", FOUNDATION}, {"Stiftelsen", FOUNDATION},
    {"AS", JSC}, {"Aksjeselskap", JSC}, {"ASA", PLC}, {"Allmennaksjeselskap", PLC},
    {"A/S", JSC}, {"Aktieselskab", JSC}, {"ApS", LLC}, {"Anpartsselskab", LLC},
    {"I/S", PARTNERSHIP}, {"Interessentskab", PARTNERSHIP}, {"K/S", LP},
    {"Oy", LLC}, {"Osakeyhtiö", LLC}, {"Oyj", PLC}, {"Julkinen osakeyhtiö", PLC},
    {"Ky", LP}, {"Kommandiittiyhtiö", LP}, {"Avoin yhtiö", PARTNERSHIP}, {"Osuuskunta", COOP},
    {"ehf", LLC}, {"Einkahlutafélag", LLC}, {"hf", JSC}, {"Hlutafélag", JSC},
    /* Polish */
    {"Sp. z o.o.", LLC}, {"Spółka z ograniczoną odpowiedzialnością", LLC},
    {"Spółka Akcyjna", JSC}, {"Sp.j.", PARTNERSHIP}, {"Spółka jawna", PARTNERSHIP},
    {"Sp.k.", LP}, {"Spółka komandytowa", LP}, {"S.K.A.", JSC},
    {"Spółka komandytowo-akcyjna", JSC}, {"Sp.p.", PARTNERSHIP}, {"Spółka partnerska", PARTNERSHIP},
    {"Fundacja", FOUNDATION}, {"Stowarzyszenie", ASSOC}, {"Spółdzielnia", COOP},
    /* Czech, Slovak */
    {"s.r.o.", LLC}, {"společnost s ručením omezeným", LLC}, {"spol. s r.o.", LLC},
    {"a.s.", JSC}, {"akciová společnost", JSC}, {"k.s.", LP}, {"v.o.s.", PARTNERSHIP},
    {"družstvo", COOP}, {"nadace", FOUNDATION}, {"spoločnosť s ručením obmedzeným", LLC},
    {"akciová spoločnosť", JSC},
    /* Hungarian */
    {"Kft.", LLC}, {"Korlátolt felelősségű társaság", LLC}, {"Zrt.", JSC}, {"Nyrt.", PLC},
    {"Rt.", JSC}, {"Részvénytársaság", JSC}, {"Bt.", LP}, {"Betéti társaság", LP},
    {"Kkt.", PARTNERSHIP}, {"Alapítvány", FOUNDATION}, {"Egyesület", ASSOC}, {"Szövetkezet", COOP},
    /* Romanian */
    {"Societate cu Răspundere Limitată", LLC}, {"Societate pe Acțiuni", JSC},
    {"Fundația", FOUNDATION}, {"Asociația", ASSOC},
    /* South Slavic (Latin and Cyrillic) */
    {"d.o.o.", LLC}, {"društvo s ograničenom odgovornošću", LLC},
    {"društvo sa ograničenom odgovornošću", LLC}, {"d.d.", JSC}, {"dioničko društvo", JSC},
    {"a.d.", JSC}, {"akcionarsko društvo", JSC}, {"j.d.o.o.", LLC}, {"k.d.", LP},
    {"d.n.o.", PARTNERSHIP}, {"ДОО", LLC}, {"д.о.о.", LLC}, {"АД", JSC}, {"а.д.", JSC},
    {"d.o.o.e.l.", LLC}, {"ДООЕЛ", LLC}, {"Zadruga", COOP},
    /* Bulgarian */
    {"ООД", LLC}, {"ЕООД", LLC}, {"ЕАД", JSC}, {"Дружество с ограничена отговорност", LLC},
    {"Акционерно дружество", JSC}, {"КД", LP}, {"СД", PARTNERSHIP},
    /* Greek */
    {"Α.Ε.", JSC}, {"Ανώνυμη Εταιρεία", JSC}, {"Ε.Π.Ε.", LLC},
    {"Εταιρεία Περιορισμένης Ευθύνης", LLC}, {"Ο.Ε.", PARTNERSHIP}, {"Ε.Ε.", LP},
    {"Ι.Κ.Ε.", LLC}, {"Ιδιωτική Κεφαλαιουχική Εταιρεία", LLC},
    /* Turkish */
    {"A.Ş.", JSC}, {"Anonim Şirketi", JSC}, {"Anonim Şirket", JSC}, {"Ltd. Şti.", LLC},
    {"Limited Şirketi", LLC}, {"Ltd. Şirketi", LLC}, {"Şti.", LLC},
    {"Kollektif Şirketi", PARTNERSHIP}, {"Komandit Şirketi", LP}, {"Kooperatif", COOP},
    {"Vakfı", FOUNDATION}, {"Vakıf", FOUNDATION}, {"Derneği", ASSOC},
    /* Russian (Cyrillic and the usual romanizations) */
    {"ООО", LLC}, {"Общество с ограниченной ответственностью", LLC},
    {"Obshchestvo s Ogranichennoi Otvetstvennostyu", LLC},
    {"Obshchestvo s Ogranichennoy Otvetstvennostyu", LLC},
    {"ОАО", JSC}, {"Открытое акционерное общество", JSC}, {"Otkrytoe Aktsionernoe Obshchestvo", JSC},
    {"Otkrytoye Aktsionernoye Obshchestvo", JSC},
    {"ЗАО", JSC}, {"Закрытое акционерное общество", JSC}, {"Zakrytoe Aktsionernoe Obshchestvo", JSC},
    {"Zakrytoye Aktsionernoye Obshchestvo", JSC},
    {"ПАО", JSC}, {"Публичное акционерное общество", JSC},
    {"Publichnoe Aktsionernoe Obshchestvo", JSC}, {"Publichnoye Aktsionernoye Obshchestvo", JSC},
    {"АО", JSC}, {"Акционерное общество", JSC}, {"Aktsionernoe Obshchestvo", JSC},
    {"Aktsionernoye Obshchestvo", JSC}, {"НАО", JSC}, {"Непубличное акционерное общество", JSC},
    {"ИП", SOLE}, {"Индивидуальный предприниматель", SOLE},
    {"ФГУП", STATE}, {"Федеральное государственное унитарное предприятие", STATE},
    {"Federalnoe Gosudarstvennoe Unitarnoe Predpriyatie", STATE},
    {"ГУП", STATE}, {"Государственное унитарное предприятие", STATE},
    {"МУП", STATE}, {"Муниципальное унитарное предприятие", STATE},
    {"ФГБУ", STATE}, {"Федеральное государственное бюджетное учреждение", STATE},
    {"АНО", ASSOC}, {"Автономная некоммерческая организация", ASSOC},
    {"НКО", ASSOC}, {"Некоммерческая организация", ASSOC}, {"Фонд", FOUNDATION},
    {"Товарищество", PARTNERSHIP}, {"Полное товарищество", PARTNERSHIP},
    {"НПО", OTHER}, {"Научно-производственное объединение", OTHER},
    {"Nauchno-Proizvodstvennoe Obedinenie", OTHER}, {"НПП", OTHER},
    {"Научно-производственное предприятие", OTHER}, {"ПК", COOP},
    {"Производственный кооператив", COOP}, {"Кооператив", COOP},
    {"Государственная корпорация", STATE}, {"Госкорпорация", STATE},
    /* Belarusian, Kazakh */
    {"ОДО", LLC}, {"Общество с дополнительной ответственностью", LLC},
    {"ЧУП", SOLE}, {"Частное унитарное предприятие", SOLE}, {"РУП", STATE},
    {"Республиканское унитарное предприятие", STATE}, {"ААТ", JSC}, {"ТАА", LLC},
    {"ТОО", LLC}, {"Товарищество с ограниченной ответственностью", LLC},
    {"ЖШС", LLC}, {"АҚ", JSC}, {"Акционерлік қоғам", JSC},
    /* Ukrainian */
    {"ТОВ", LLC}, {"Товариство з обмеженою відповідальністю", LLC},
    {"ПрАТ", JSC}, {"Приватне акціонерне товариство", JSC}, {"ПАТ", JSC},
    {"Публічне акціонерне товариство", JSC}, {"ВАТ", JSC}, {"ЗАТ", JSC},
    {"Акціонерне товариство", JSC}, {"ДП", STATE}, {"Державне підприємство", STATE},
    {"ПП", SOLE}, {"Приватне підприємство", SOLE}, {"ФОП", SOLE},
    /* Baltic */
    {"UAB", LLC}, {"Uždaroji akcinė bendrovė", LLC}, {"Akcinė bendrovė", JSC},
    {"SIA", LLC}, {"Sabiedrība ar ierobežotu atbildību", LLC}, {"Akciju sabiedrība", JSC},
    {"OÜ", LLC}, {"Osaühing", LLC}, {"Aktsiaselts", JSC}, {"MTÜ", ASSOC},
    /* Arabic (script and romanized), Gulf forms */
    {"شركة", COMPANY}, {"ش.م.م", LLC}, {"ذ.م.م", LLC}, {"ش.م.ع", PLC}, {"ش.م.ل", JSC},
    {"شركة ذات مسؤولية محدودة", LLC}, {"ذات مسؤولية محدودة", LLC}, {"شركة مساهمة", JSC},
    {"شركة مساهمة عامة", PLC}, {"شركة مساهمة خاصة", JSC}, {"مؤسسة", OTHER},
    {"Sharikat", COMPANY}, {"Sharika", COMPANY}, {"Sherkat", COMPANY}, {"SAOG", PLC},
    {"SAOC", JSC}, {"QSC", JSC}, {"QPSC", PLC}, {"BSC", JSC}, {"B.S.C.", JSC}, {"KSC", JSC},
    {"KSCC", JSC}, {"K.S.C.", JSC}, {"SAL", JSC}, {"S.A.L.", JSC}, {"PSC", JSC},
    /* Persian */
    {"شرکت", COMPANY}, {"سهامی خاص", JSC}, {"سهامی عام", PLC}, {"با مسئولیت محدود", LLC},
    {"Sherkat-e Sahami-ye Khass", JSC}, {"Sahami Khass", JSC}, {"Sahami Khas", JSC},
    {"Sahami Am", PLC}, {"Sahami Aam", PLC},
    /* Hebrew */
    {"בע\"מ", LLC}, {"בע״מ", LLC},
    /* Chinese */
    {"有限公司", LLC}, {"股份有限公司", JSC}, {"有限责任公司", LLC}, {"有限責任公司", LLC},
    {"股份公司", JSC}, {"集团有限公司", LLC}, {"控股有限公司", LLC}, {"公司", COMPANY},
    {"Youxian Gongsi", LLC}, {"Gufen Youxian Gongsi", JSC}, {"Youxian Zeren Gongsi", LLC},
    /* Japanese */
    {"株式会社", JSC}, {"有限会社", LLC}, {"合同会社", LLC}, {"合資会社", LP}, {"合名会社", PARTNERSHIP},
    {"Kabushiki Kaisha", JSC}, {"Kabushiki Gaisha", JSC}, {"K.K.", JSC}, {"KK", JSC},
    {"Yugen Kaisha", LLC}, {"Godo Kaisha", LLC}, {"一般社団法人", ASSOC},
    {"財団法人", FOUNDATION}, {"社団法人", ASSOC},
    /* Korean */
    {"주식회사", JSC}, {"(주)", JSC}, {"유한회사", LLC}, {"유한책임회사", LLC},
    {"합자회사", LP}, {"합명회사", PARTNERSHIP}, {"Chusik Hoesa", JSC}, {"Jusik Hoesa", JSC},
    {"Chusik Hoe Sa", JSC},
    /* Vietnamese */
    {"Công ty TNHH", LLC}, {"TNHH", LLC}, {"Trách nhiệm hữu hạn", LLC},
    {"Công ty Cổ phần", JSC}, {"Cổ phần", JSC}, {"CTCP", JSC}, {"Công ty", COMPANY},
    {"Doanh nghiệp tư nhân", SOLE},
    /* Indonesian, Malaysian, Philippine */
    {"PT", LLC}, {"P.T.", LLC}, {"Perseroan Terbatas", LLC}, {"Tbk", PLC}, {"CV", LP},
    {"Sdn Bhd", LLC}, {"Sdn. Bhd.", LLC}, {"Sendirian Berhad", LLC}, {"Bhd", PLC},
    {"Berhad", PLC}, {"Koperasi", COOP}, {"Yayasan", FOUNDATION}, {"Persero", STATE},
    /* Thai */
    {"บริษัท", COMPANY}, {"จำกัด", LLC}, {"มหาชน", PLC}, {"ห้างหุ้นส่วนจำกัด", LP},
    /* Irish, Welsh, South African */
    {"Teoranta", LLC}, {"Teo", LLC}, {"Cuideachta Phoiblí Theoranta", PLC},
    {"Cyfyngedig", LLC}, {"Cyf", LLC}, {"CCC", PLC}, {"(Edms) Bpk", LLC}, {"Bpk", LLC},
    {"Beperk", LLC},
};

/* ---- honorifics and titles (persons, unknown) -------------------------- */
static const kw_row honorific_rows[] = {
    {"Mr", 0}, {"Mrs", 0}, {"Ms", 0}, {"Miss", 0}, {"Mx", 0}, {"Mister", 0}, {"Dr", 0},
    {"Doctor", 0}, {"Prof", 0}, {"Professor", 0}, {"Sir", 0}, {"Dame", 0}, {"Lord", 0},
    {"Lady", 0}, {"Madam", 0}, {"Madame", 0}, {"Mme", 0}, {"Mlle", 0}, {"Monsieur", 0},
    {"Herr", 0}, {"Frau", 0}, {"Fräulein", 0}, {"Señor", 0}, {"Señora", 0}, {"Sr", 0},
    {"Sra", 0}, {"Srta", 0}, {"Don", 0}, {"Doña", 0}, {"Signor", 0}, {"Signora", 0},
    {"Sig", 0}, {"Dott", 0}, {"Ing", 0}, {"Eng", 0}, {"Engineer", 0}, {"Rev", 0},
    {"Reverend", 0}, {"Fr", 0}, {"Father", 0}, {"Pastor", 0}, {"Rabbi", 0}, {"Imam", 0},
    {"Sheikh", 0}, {"Shaikh", 0}, {"Shaykh", 0}, {"Sheik", 0}, {"Cheikh", 0}, {"Sheikha", 0},
    {"Shaikha", 0}, {"Haji", 0}, {"Hajji", 0}, {"Hadji", 0}, {"Hajj", 0}, {"Alhaji", 0},
    {"Alhaj", 0}, {"Mullah", 0}, {"Mulla", 0}, {"Mawlana", 0}, {"Maulana", 0}, {"Maulvi", 0},
    {"Mawlawi", 0}, {"Mufti", 0}, {"Ayatollah", 0}, {"Hojatoleslam", 0}, {"Hojjatoleslam", 0},
    {"Emir", 0}, {"Prince", 0}, {"Princess", 0}, {"King", 0}, {"Queen", 0},
    {"His Highness", 0}, {"Her Highness", 0}, {"His Excellency", 0}, {"Her Excellency", 0},
    {"HH", 0}, {"Excellency", 0}, {"General", 0}, {"Gen", 0}, {"Lt", 0}, {"Lieutenant", 0},
    {"Lieutenant General", 0}, {"Major General", 0}, {"Brigadier General", 0},
    {"Col", 0}, {"Colonel", 0}, {"Maj", 0}, {"Major", 0}, {"Capt", 0}, {"Captain", 0},
    {"Cpt", 0}, {"Cmdr", 0}, {"Commander", 0}, {"Admiral", 0}, {"Adm", 0}, {"Brig", 0},
    {"Brigadier", 0}, {"Sgt", 0}, {"Sergeant", 0}, {"Marshal", 0}, {"Field Marshal", 0},
    {"President", 0}, {"Pres", 0}, {"Minister", 0}, {"Prime Minister", 0}, {"Senator", 0},
    {"Sen", 0}, {"Gov", 0}, {"Governor", 0}, {"Amb", 0}, {"Ambassador", 0}, {"Hon", 0},
    {"Honourable", 0}, {"Honorable", 0}, {"Judge", 0}, {"Justice", 0}, {"Datuk", 0},
    {"Dato", 0}, {"Datin", 0}, {"Tan Sri", 0}, {"Tun", 0}, {"Ustadh", 0}, {"Ustaz", 0},
    {"Präsident", 0}, {"Predsjednik", 0}, {"Președintele", 0}, {"Presiden", 0},
    {"Presidente", 0}, {"Président", 0}, {"Elnök", 0}, {"Президент", 0}, {"Господин", 0},
    {"Генерал", 0}, {"Доктор", 0}, {"Полковник", 0}, {"الشيخ", 0}, {"شيخ", 0}, {"الحاج", 0},
    {"حاج", 0}, {"الدكتور", 0}, {"دكتور", 0}, {"الرئيس", 0},
};

/* ---- name particles (persons, unknown, organizations) ------------------- */
static const kw_row particle_rows[] = {
    {"al", 0}, {"el", 0}, {"ul", 0}, {"ur", 0}, {"ud", 0}, {"ad", 0}, {"as", 0}, {"ash", 0},
    {"at", 0}, {"az", 0}, {"an", 0}, {"ar", 0}, {"adh", 0}, {"bin", 0}, {"ben", 0},
    {"bint", 0}, {"binti", 0}, {"bte", 0}, {"ibn", 0}, {"ibni", 0}, {"abu", 0}, {"abou", 0},
    {"abd", 0}, {"abdel", 0}, {"abdul", 0}, {"ould", 0}, {"van", 0}, {"von", 0}, {"der", 0},
    {"den", 0}, {"de", 0}, {"da", 0}, {"di", 0}, {"do", 0}, {"dos", 0}, {"das", 0}, {"du", 0},
    {"des", 0}, {"del", 0}, {"della", 0}, {"dalla", 0}, {"la", 0}, {"le", 0}, {"lo", 0},
    {"ter", 0}, {"ten", 0}, {"zu", 0}, {"vom", 0}, {"zum", 0}, {"zur", 0}, {"af", 0},
    {"av", 0}, {"bar", 0}, {"bat", 0}, {"ap", 0}, {"mac", 0}, {"ibnu", 0}, {"bou", 0},
};

/* ---- stopwords (organizations, vessels, aircraft, unknown) -------------- */
static const kw_row stopword_rows[] = {
    {"the", 0}, {"of", 0}, {"and", 0}, {"for", 0}, {"in", 0}, {"on", 0}, {"at", 0},
    {"to", 0}, {"by", 0}, {"with", 0}, {"an", 0}, {"le", 0}, {"la", 0}, {"les", 0},
    {"de", 0}, {"du", 0}, {"des", 0}, {"et", 0}, {"pour", 0}, {"el", 0}, {"los", 0},
    {"las", 0}, {"del", 0}, {"y", 0}, {"para", 0}, {"en", 0}, {"os", 0}, {"do", 0},
    {"da", 0}, {"dos", 0}, {"das", 0}, {"e", 0}, {"em", 0}, {"il", 0}, {"gli", 0},
    {"di", 0}, {"della", 0}, {"per", 0}, {"der", 0}, {"die", 0}, {"das", 0}, {"dem", 0},
    {"den", 0}, {"und", 0}, {"für", 0}, {"fuer", 0}, {"zu", 0}, {"im", 0}, {"het", 0},
    {"voor", 0}, {"van", 0}, {"imeni", 0}, {"ve", 0}, {"dan", 0}, {"och", 0}, {"og", 0},
    {"und", 0}, {"i", 0}, {"a", 0},
};

/* ---- ordinal words as numbers ------------------------------------------ */
static const kw_row ordinal_rows[] = {
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
    {"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10},
};

/* Glued CJK forms split off a Han/Kana/Hangul run (longest first). */
static const cordon__cjk_legal cjk_legal[] = {
    {"股份有限公司", "股份有限公司"}, {"有限责任公司", "有限责任公司"},
    {"有限責任公司", "有限責任公司"}, {"有限公司", "有限公司"},
    {"株式会社", "株式会社"}, {"有限会社", "有限会社"}, {"合同会社", "合同会社"},
    {"주식회사", "jusikhoesa"}, {"유한회사", "yuhanhoesa"},
};

const cordon__cjk_legal *cordon__cjk_legal_forms(size_t *n)
{
    *n = sizeof cjk_legal / sizeof cjk_legal[0];
    return cjk_legal;
}

/* ---- the index ----------------------------------------------------------- */

#define T_UNK (1u << 0)
#define T_PER (1u << 1)
#define T_ORG (1u << 2)
#define T_VES (1u << 3)
#define T_AIR (1u << 4)

typedef struct kw_table {
    const kw_row *rows;
    size_t n;
    uint8_t kind;
    uint8_t types;
} kw_table;

/* In priority order: the first applicable hit wins. */
static const kw_table kw_tables[] = {
    {legal_rows, sizeof legal_rows / sizeof legal_rows[0], CORDON__TOK_LEGAL,
     T_UNK | T_ORG | T_VES | T_AIR},
    {honorific_rows, sizeof honorific_rows / sizeof honorific_rows[0], CORDON__TOK_HONORIFIC,
     T_UNK | T_PER},
    {particle_rows, sizeof particle_rows / sizeof particle_rows[0], CORDON__TOK_PARTICLE,
     T_UNK | T_PER | T_ORG},
    {stopword_rows, sizeof stopword_rows / sizeof stopword_rows[0], CORDON__TOK_STOPWORD,
     T_UNK | T_ORG | T_VES | T_AIR},
    {ordinal_rows, sizeof ordinal_rows / sizeof ordinal_rows[0], CORDON__TOK_NUMBER,
     T_UNK | T_PER | T_ORG | T_VES | T_AIR},
};
#define KW_NTABLES (sizeof kw_tables / sizeof kw_tables[0])

#define KW_MAX_ENTRIES 1024
#define KW_SLOTS 4096 /* power of two */
#define KW_POOL 32768
#define KW_ARENA (1u << 18)

typedef struct kw_entry {
    uint32_t key_off;
    uint16_t key_len;
    uint8_t kind, types;
    uint16_t value;
    uint16_t table, row;
} kw_entry;

/* Written once under pthread_once, read-only afterwards. */
static struct {
    kw_entry e[KW_MAX_ENTRIES];
    size_t ne;
    uint16_t slot[KW_SLOTS];          /* entry index + 1, 0 = empty */
    uint64_t start_bits[64];          /* first words of multi-word keys */
    char pool[KW_POOL];
    size_t pool_len;
    int32_t row_entry[KW_NTABLES][1024]; /* entry of each row, -1 = none */
    /* bump arena for the one-time normalization of the rows */
    _Alignas(16) unsigned char arena[KW_ARENA];
    size_t arena_used;
} kw;

static pthread_once_t kw_once = PTHREAD_ONCE_INIT;

static void *arena_malloc(size_t n, void *u)
{
    (void)u;
    size_t need = (n + 16 + 15) & ~(size_t)15;
    if (kw.arena_used + need > KW_ARENA)
        return NULL;
    unsigned char *p = kw.arena + kw.arena_used;
    kw.arena_used += need;
    memcpy(p, &n, sizeof n);
    return p + 16;
}

static void *arena_realloc(void *old, size_t n, void *u)
{
    void *p = arena_malloc(n, u);
    if (p && old) {
        size_t on;
        memcpy(&on, (unsigned char *)old - 16, sizeof on);
        memcpy(p, old, on < n ? on : n);
    }
    return p;
}

static void arena_free(void *p, void *u)
{
    (void)p;
    (void)u;
}

static uint32_t kw_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void kw_build(void)
{
    static const cordon__alloc arena = {arena_malloc, arena_realloc, arena_free, NULL};
    cordon__analysis a;
    cordon__analysis_init(&a, &arena);
    for (size_t t = 0; t < KW_NTABLES; t++) {
        const kw_table *tb = &kw_tables[t];
        for (size_t r = 0; r < tb->n && r < 1024; r++) {
            kw.row_entry[t][r] = -1;
            const char *form = tb->rows[r].form;
            if (cordon__tokenize_only(&a, form, strlen(form)) != CORDON_OK)
                continue;
            if (a.ntok == 0 || a.ntok > CORDON__KW_MAXWORDS)
                continue;
            if (kw.ne >= KW_MAX_ENTRIES || kw.pool_len + a.text_len + 1 > KW_POOL)
                continue;
            kw_entry *e = &kw.e[kw.ne];
            e->key_off = (uint32_t)kw.pool_len;
            e->key_len = (uint16_t)a.text_len;
            memcpy(kw.pool + kw.pool_len, a.text, a.text_len + 1);
            kw.pool_len += a.text_len + 1;
            e->kind = tb->kind;
            e->types = tb->types;
            e->value = tb->rows[r].value;
            e->table = (uint16_t)t;
            e->row = (uint16_t)r;
            uint32_t h = kw_hash(a.text, a.text_len);
            for (uint32_t s = h & (KW_SLOTS - 1);; s = (s + 1) & (KW_SLOTS - 1)) {
                if (kw.slot[s] == 0) {
                    kw.slot[s] = (uint16_t)(kw.ne + 1);
                    break;
                }
            }
            if (a.ntok > 1) {
                uint32_t fh = kw_hash(a.text + a.tok[0].off, a.tok[0].len) & 4095u;
                kw.start_bits[fh >> 6] |= (uint64_t)1 << (fh & 63);
            }
            kw.row_entry[t][r] = (int32_t)kw.ne;
            kw.ne++;
        }
    }
    cordon__analysis_destroy(&a);
}

static void kw_init(void)
{
    pthread_once(&kw_once, kw_build);
}

size_t cordon__kw_lookup(const char *key, size_t n, cordon__kw_hit *hits, size_t max)
{
    kw_init();
    size_t nh = 0;
    uint32_t h = kw_hash(key, n);
    for (uint32_t s = h & (KW_SLOTS - 1); kw.slot[s]; s = (s + 1) & (KW_SLOTS - 1)) {
        const kw_entry *e = &kw.e[kw.slot[s] - 1];
        if (e->key_len == n && memcmp(kw.pool + e->key_off, key, n) == 0 && nh < max) {
            /* entries were inserted in priority order; keep them sorted */
            size_t at = nh;
            while (at > 0 && hits[at - 1].kind > e->kind) { /* LEGAL first ... NUMBER last */
                hits[at] = hits[at - 1];
                at--;
            }
            hits[at].kind = e->kind;
            hits[at].types = e->types;
            hits[at].value = e->value;
            nh++;
        }
    }
    return nh;
}

bool cordon__kw_may_start(const char *w, size_t n)
{
    kw_init();
    uint32_t fh = kw_hash(w, n) & 4095u;
    return (kw.start_bits[fh >> 6] >> (fh & 63)) & 1;
}

static const kw_table *table_of(int kind)
{
    for (size_t t = 0; t < KW_NTABLES; t++)
        if (kw_tables[t].kind == kind)
            return &kw_tables[t];
    return NULL;
}

size_t cordon__kw_count(int kind)
{
    const kw_table *t = table_of(kind);
    return t ? t->n : 0;
}

const char *cordon__kw_form(int kind, size_t i, const char **key, int *value)
{
    kw_init();
    const kw_table *t = table_of(kind);
    if (!t || i >= t->n)
        return NULL;
    size_t ti = (size_t)(t - kw_tables);
    int32_t e = i < 1024 ? kw.row_entry[ti][i] : -1;
    if (key)
        *key = e >= 0 ? kw.pool + kw.e[e].key_off : NULL;
    if (value)
        *value = t->rows[i].value;
    return t->rows[i].form;
}
