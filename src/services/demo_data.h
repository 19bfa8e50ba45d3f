#pragma once

#include <array>
#include <span>
#include <string_view>

namespace cartera::services::demo {

/// Fixed reference tables the demo portfolio is drawn from: real countries, regions and cities
/// with their postal-code prefixes, local surnames and company forms, a product catalogue.

struct City final {
    std::string_view name;
    std::string_view postalPrefix;
};

struct Region final {
    std::string_view name;
    std::span<const City> cities;
};

struct Country final {
    std::string_view code;        ///< ISO 3166-1 alpha-2
    double weight;                ///< share of the portfolio
    std::string_view phonePrefix;
    std::string_view webDomain;
    int postalLength;             ///< digits in a postal code
    std::span<const Region> regions;
    std::span<const std::string_view> surnames;
    std::span<const std::string_view> firstNames;
    std::span<const std::string_view> legalForms;
};

struct Category final {
    std::string_view name;
    double marginShare;  ///< gross margin as a share of list price
    std::array<std::string_view, 8> products;
    int minPriceCents;
    int maxPriceCents;
};

std::span<const Country> countries();
std::span<const std::string_view> industries();
std::span<const std::string_view> businessWords();
std::span<const std::string_view> jobTitles();
std::span<const Category> categories();

} // namespace cartera::services::demo
