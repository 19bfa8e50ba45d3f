#pragma once

#include "domain/customer.h"
#include "domain/error.h"

#include <string_view>
#include <vector>

namespace cartera::domain {

/// Every problem of a customer record, one per field (field name in Error::where), so an editor
/// can show each next to its field: a code and a name, a known two-letter country code when a
/// country is given, a plausible e-mail address, a phone number of digits and the usual signs.
std::vector<Error> customerProblems(const Customer& customer);

/// The first of customerProblems(), or Done.
Status validateCustomer(const Customer& customer);

/// A phone number a person could dial: digits with spaces, dots, dashes, parentheses, slashes
/// and a leading +; 6 to 20 digits.
bool isPlausiblePhone(std::string_view phone);
/// local@domain.tld, no spaces.
bool isPlausibleEmail(std::string_view email);

/// Trims spaces at both ends (imports are full of "Val2 ").
std::string trimmed(std::string_view text);

} // namespace cartera::domain
