#pragma once

#include <string_view>

namespace cartera::domain {

/// True for an officially assigned ISO 3166-1 alpha-2 code ("FR", "DE"; not "XX" or "fr").
bool isKnownCountryCode(std::string_view code);

/// The English short name of a country ("FR" -> "France") for the countries of Europe and the
/// main trading partners; empty for other codes (callers show the code). The app shows names in
/// the user's language through Qt instead.
std::string_view countryName(std::string_view code);

} // namespace cartera::domain
