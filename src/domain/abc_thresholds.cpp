#include "domain/abc_thresholds.h"
#include "domain/percent.h"

#include <nlohmann/json.hpp>

#include <numeric>
#include <optional>

namespace cartera::domain {

namespace {

/// "7.5" -> 750 basis points; nullopt unless digits with at most two decimals, at most 100.

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

AbcThresholds::AbcThresholds() : m_shares{8000, 1500, 500}
{
}

Result<AbcThresholds> AbcThresholds::fromBasisPoints(std::vector<int> shares)
{
    const char* where = "thresholds";
    if (shares.size() < 2 || shares.size() > kMaxClasses) {
        return invalidInput("give 2 to 4 class shares (A, B, C and optionally D), not " + std::to_string(shares.size()),
                            where);
    }
    for (std::size_t i = 0; i < shares.size(); ++i) {
        if (shares[i] <= 0) {
            return invalidInput("the share of class " + std::string(1, static_cast<char>('A' + i)) +
                                    " must be above 0 %, not " + formatBasisPoints(shares[i]) + " %",
                                where);
        }
        if (shares[i] > kWhole) {
            return invalidInput("the share of class " + std::string(1, static_cast<char>('A' + i)) + " is above 100 %",
                                where);
        }
    }
    const long long sum = std::accumulate(shares.begin(), shares.end(), 0LL);
    if (sum != kWhole) {
        return invalidInput("the class shares sum to " + formatBasisPoints(static_cast<int>(sum)) + " %, not 100 %",
                            where);
    }
    return AbcThresholds(std::move(shares));
}

Result<AbcThresholds> AbcThresholds::parse(std::string_view text)
{
    std::vector<int> shares;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const auto part = trimmed(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
        const auto share = parsePercent(part);
        if (!share) {
            return invalidInput("'" + std::string(part) +
                                    "' is not a percentage (write the class shares as 80,15,5 or 70,20,7.5,2.5)",
                                "thresholds");
        }
        shares.push_back(*share);
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return fromBasisPoints(std::move(shares));
}

int AbcThresholds::cumulativeShare(int classIndex) const
{
    return std::accumulate(m_shares.begin(), m_shares.begin() + classIndex + 1, 0);
}

std::string AbcThresholds::toString() const
{
    std::string text;
    for (const int share : m_shares) {
        text += (text.empty() ? "" : ",") + formatBasisPoints(share);
    }
    return text;
}

std::string abcThresholdsToJson(const AbcThresholds& thresholds)
{
    return nlohmann::json{{"basis_points", thresholds.shares()}}.dump();
}

Result<AbcThresholds> abcThresholdsFromJson(std::string_view text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("basis_points") ||
        !json["basis_points"].is_array()) {
        return invalidInput("expected {\"basis_points\": [...]}", "thresholds");
    }
    std::vector<int> shares;
    for (const auto& share : json["basis_points"]) {
        if (!share.is_number_integer() || share.get<long long>() < -AbcThresholds::kWhole ||
            share.get<long long>() > AbcThresholds::kWhole) {
            return invalidInput("not a share in basis points: " + share.dump(), "thresholds");
        }
        shares.push_back(share.get<int>());
    }
    return AbcThresholds::fromBasisPoints(std::move(shares));
}

std::string formatBasisPoints(int basisPoints)
{
    const bool negative = basisPoints < 0;
    const long long magnitude = negative ? -static_cast<long long>(basisPoints) : basisPoints;
    std::string text = (negative ? "-" : "") + std::to_string(magnitude / 100);
    const long long fraction = magnitude % 100;
    if (fraction != 0) {
        text += '.';
        text += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0) {
            text += static_cast<char>('0' + fraction % 10);
        }
    }
    return text;
}

} // namespace cartera::domain
