#include "domain/countries.h"

namespace cartera::domain {

namespace {

// Every officially assigned ISO 3166-1 alpha-2 code, in alphabetical order.
constexpr std::string_view kCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO "
    "FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE "
    "JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO "
    "MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW "
    "PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM "
    "TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

struct CountryName {
    std::string_view code;
    std::string_view name;
};

constexpr CountryName kNames[] = {
    {"AD", "Andorra"}, {"AE", "United Arab Emirates"}, {"AL", "Albania"}, {"AR", "Argentina"}, {"AT", "Austria"},
    {"AU", "Australia"}, {"BA", "Bosnia and Herzegovina"}, {"BE", "Belgium"}, {"BG", "Bulgaria"}, {"BR", "Brazil"},
    {"BY", "Belarus"}, {"CA", "Canada"}, {"CH", "Switzerland"}, {"CL", "Chile"}, {"CN", "China"},
    {"CO", "Colombia"}, {"CY", "Cyprus"}, {"CZ", "Czechia"}, {"DE", "Germany"}, {"DK", "Denmark"},
    {"DZ", "Algeria"}, {"EE", "Estonia"}, {"EG", "Egypt"}, {"ES", "Spain"}, {"FI", "Finland"}, {"FR", "France"},
    {"GB", "United Kingdom"}, {"GR", "Greece"}, {"HK", "Hong Kong"}, {"HR", "Croatia"}, {"HU", "Hungary"},
    {"ID", "Indonesia"}, {"IE", "Ireland"}, {"IL", "Israel"}, {"IN", "India"}, {"IS", "Iceland"}, {"IT", "Italy"},
    {"JP", "Japan"}, {"KR", "South Korea"}, {"LI", "Liechtenstein"}, {"LT", "Lithuania"}, {"LU", "Luxembourg"},
    {"LV", "Latvia"}, {"MA", "Morocco"}, {"MC", "Monaco"}, {"MD", "Moldova"}, {"ME", "Montenegro"},
    {"MK", "North Macedonia"}, {"MT", "Malta"}, {"MX", "Mexico"}, {"MY", "Malaysia"}, {"NG", "Nigeria"},
    {"NL", "Netherlands"}, {"NO", "Norway"}, {"NZ", "New Zealand"}, {"PE", "Peru"}, {"PH", "Philippines"},
    {"PL", "Poland"}, {"PT", "Portugal"}, {"QA", "Qatar"}, {"RO", "Romania"}, {"RS", "Serbia"}, {"RU", "Russia"},
    {"SA", "Saudi Arabia"}, {"SE", "Sweden"}, {"SG", "Singapore"}, {"SI", "Slovenia"}, {"SK", "Slovakia"},
    {"SM", "San Marino"}, {"TH", "Thailand"}, {"TN", "Tunisia"}, {"TR", "Türkiye"}, {"TW", "Taiwan"},
    {"UA", "Ukraine"}, {"US", "United States"}, {"VA", "Vatican City"}, {"VN", "Vietnam"}, {"ZA", "South Africa"},
};

} // namespace

std::string_view countryName(std::string_view code)
{
    for (const auto& entry : kNames) {
        if (entry.code == code) {
            return entry.name;
        }
    }
    return {};
}

bool isKnownCountryCode(std::string_view code)
{
    if (code.size() != 2) {
        return false;
    }
    for (std::size_t i = 0; i + 2 <= kCodes.size(); i += 3) {
        if (kCodes.substr(i, 2) == code) {
            return true;
        }
    }
    return false;
}

} // namespace cartera::domain
