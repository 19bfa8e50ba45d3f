#include "domain/customer_validation.h"

#include "domain/countries.h"

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

bool isPlausibleEmail(std::string_view email)
{
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    if (email.find_first_of(" \t,;") != std::string_view::npos) {
        return false;
    }
    const auto dot = email.find('.', at);
    return dot != std::string_view::npos && dot > at + 1 && dot + 1 < email.size();
}

bool isPlausiblePhone(std::string_view phone)
{
    int digits = 0;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == '+' && i == 0) {
            continue;
        } else if (std::string_view(" .-()/").find(c) == std::string_view::npos) {
            return false;
        }
    }
    return digits >= 6 && digits <= 20;
}

std::vector<Error> customerProblems(const Customer& c)
{
    std::vector<Error> problems;
    if (trimmed(c.code).empty()) {
        problems.push_back(invalidInput("the customer code is empty", "code"));
    } else if (c.code.size() > 40) {
        problems.push_back(invalidInput("the customer code is longer than 40 characters", "code"));
    }
    if (trimmed(c.name).empty()) {
        problems.push_back(invalidInput("the customer name is empty", "name"));
    }
    if (!c.country.empty() && !isKnownCountryCode(c.country)) {
        problems.push_back(invalidInput(
            "country must be a two-letter ISO code such as FR or DE, got '" + c.country + "'", "country"));
    }
    if (!c.email.empty() && !isPlausibleEmail(c.email)) {
        problems.push_back(invalidInput("'" + c.email + "' is not an e-mail address", "email"));
    }
    if (!c.phone.empty() && !isPlausiblePhone(c.phone)) {
        problems.push_back(invalidInput("'" + c.phone + "' is not a phone number (digits, spaces, + ( ) - . /)",
                                        "phone"));
    }
    return problems;
}

Status validateCustomer(const Customer& c)
{
    auto problems = customerProblems(c);
    if (problems.empty()) {
        return Done{};
    }
    return problems.front();
}

} // namespace cartera::domain
