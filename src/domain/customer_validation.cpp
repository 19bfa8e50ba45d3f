#include "domain/customer_validation.h"

#include <cctype>

namespace cartera::domain {

std::string trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return std::string(text);
}

Status validateCustomer(const Customer& c)
{
    if (trimmed(c.code).empty()) {
        return invalidInput("the customer code is empty", "code");
    }
    if (c.code.size() > 40) {
        return invalidInput("the customer code is longer than 40 characters", "code");
    }
    if (trimmed(c.name).empty()) {
        return invalidInput("the customer name is empty", "name");
    }
    if (!c.country.empty()) {
        const bool twoLetters = c.country.size() == 2 && std::isupper(static_cast<unsigned char>(c.country[0])) &&
                                std::isupper(static_cast<unsigned char>(c.country[1]));
        if (!twoLetters) {
            return invalidInput("country must be a two-letter ISO code such as FR or DE, got '" + c.country + "'",
                                "country");
        }
    }
    if (!c.email.empty()) {
        const auto at = c.email.find('@');
        if (at == std::string::npos || at == 0 || c.email.find('.', at) == std::string::npos) {
            return invalidInput("'" + c.email + "' is not an e-mail address", "email");
        }
    }
    return Done{};
}

} // namespace cartera::domain
