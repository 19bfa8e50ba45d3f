#pragma once

#include <string_view>

namespace cartera::domain {

/// True for an officially assigned ISO 3166-1 alpha-2 code ("FR", "DE"; not "XX" or "fr").
bool isKnownCountryCode(std::string_view code);

} // namespace cartera::domain
