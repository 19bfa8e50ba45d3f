#pragma once

#include "domain/customer.h"
#include "domain/error.h"

namespace cartera::domain {

/// Checks what a customer record must hold before it is saved: a code and a name, a two-letter
/// country code when a country is given, a plausible e-mail address. Names the failing field.
Status validateCustomer(const Customer& customer);

/// Trims spaces at both ends (imports are full of "Val2 ").
std::string trimmed(std::string_view text);

} // namespace cartera::domain
