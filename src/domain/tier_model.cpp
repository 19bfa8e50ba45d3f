#include "domain/tier_model.h"
#include "domain/percent.h"

#include "domain/abc_thresholds.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <numeric>
#include <optional>

namespace cartera::domain {

namespace {

constexpr const char* kWeightsWhere = "weights";
constexpr const char* kTiersWhere = "tiers";

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

/// Splits at commas; "a, b" -> {"a", "b"} trimmed.
std::vector<std::string_view> splitList(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        parts.push_back(trimmed(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start)));
        if (comma == std::string_view::npos) {
            return parts;
        }
        start = comma + 1;
    }
}

/// A whole number of at most 9 digits with an optional minus sign; nullopt otherwise.
std::optional<long long> parseWhole(std::string_view text)
{
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || text.size() > 9) {
        return std::nullopt;
    }
    long long value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

/// "7.5" -> 750 basis points; nullopt unless digits with at most two decimals, at most 100 %.

std::string lowerAscii(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

std::string inQuotes(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

} // namespace

std::string tierIndicatorCodeList()
{
    std::string list;
    for (const auto& [indicator, code] : kTierIndicatorCodes.entries) {
        list += (list.empty() ? "" : ", ") + std::string(code);
    }
    return list;
}

TierModel::TierModel()
    : m_tiers{{"Platinum", 1000}, {"Gold", 2000}, {"Silver", 3000}, {"Bronze", 4000}}
{
    const auto set = [this](TierIndicator indicator, int weight) {
        m_indicators[static_cast<std::size_t>(tierIndicatorIndex(indicator))] = {weight, true};
    };
    set(TierIndicator::Revenue, 3);
    set(TierIndicator::Margin, 3);
    set(TierIndicator::Growth, 2);
    set(TierIndicator::OrderFrequency, 2);
    set(TierIndicator::Recency, 2);
    set(TierIndicator::OpenClaims, 1);
    set(TierIndicator::Satisfaction, 1);
    set(TierIndicator::Strategic, 2);
}

Status TierModel::validateIndicators(const IndicatorSettings& indicators)
{
    bool anyCounts = false;
    for (int i = 0; i < kTierIndicatorCount; ++i) {
        const auto& setting = indicators[static_cast<std::size_t>(i)];
        const std::string code(kTierIndicatorCodes.code(tierIndicatorAt(i)));
        if (setting.weight < 0) {
            return invalidInput("the weight of " + code + " must be 0 or more, not " + std::to_string(setting.weight),
                                kWeightsWhere);
        }
        if (setting.weight > kMaxWeight) {
            return invalidInput("the weight of " + code + " must be at most " + std::to_string(kMaxWeight) + ", not " +
                                    std::to_string(setting.weight),
                                kWeightsWhere);
        }
        anyCounts = anyCounts || setting.effectiveWeight() > 0;
    }
    if (!anyCounts) {
        return invalidInput("every weight is 0: give at least one indicator a weight above 0", kWeightsWhere);
    }
    return Done{};
}

Status TierModel::validateTiers(const std::vector<TierBand>& tiers)
{
    if (tiers.size() < kMinTiers || tiers.size() > kMaxTiers) {
        return invalidInput("give " + std::to_string(kMinTiers) + " to " + std::to_string(kMaxTiers) +
                                " tiers, not " + std::to_string(tiers.size()),
                            kTiersWhere);
    }
    long long sum = 0;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const auto& tier = tiers[i];
        const std::string which = "tier " + std::to_string(i + 1);
        if (trimmed(tier.name).empty()) {
            return invalidInput(which + " has no name", kTiersWhere);
        }
        if (trimmed(tier.name).size() != tier.name.size()) {
            return invalidInput(which + ": the name " + inQuotes(tier.name) + " starts or ends with a space", kTiersWhere);
        }
        if (tier.name.size() > static_cast<std::size_t>(kMaxNameBytes)) {
            return invalidInput(which + ": the name " + inQuotes(tier.name) + " is longer than " +
                                    std::to_string(kMaxNameBytes) + " characters",
                                kTiersWhere);
        }
        for (const char c : tier.name) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                return invalidInput(which + ": the name holds a control character", kTiersWhere);
            }
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (lowerAscii(tiers[j].name) == lowerAscii(tier.name)) {
                return invalidInput("two tiers are named " + inQuotes(tier.name), kTiersWhere);
            }
        }
        if (tier.shareBasisPoints <= 0) {
            return invalidInput("the share of " + tier.name + " must be above 0 %, not " +
                                    formatBasisPoints(tier.shareBasisPoints) + " %",
                                kTiersWhere);
        }
        if (tier.shareBasisPoints > kWhole) {
            return invalidInput("the share of " + tier.name + " is above 100 %", kTiersWhere);
        }
        sum += tier.shareBasisPoints;
    }
    if (sum != kWhole) {
        return invalidInput("the tier shares sum to " + formatBasisPoints(static_cast<int>(std::min<long long>(sum, 1'000'000))) +
                                " %, not 100 %",
                            kTiersWhere);
    }
    return Done{};
}

Result<TierModel> TierModel::create(const IndicatorSettings& indicators, std::vector<TierBand> tiers)
{
    if (auto valid = validateIndicators(indicators); !valid) {
        return valid.error();
    }
    if (auto valid = validateTiers(tiers); !valid) {
        return valid.error();
    }
    return TierModel(indicators, std::move(tiers));
}

Result<TierModel> TierModel::withIndicators(const IndicatorSettings& indicators) const
{
    return create(indicators, m_tiers);
}

Result<TierModel> TierModel::withTiers(std::vector<TierBand> tiers) const
{
    return create(m_indicators, std::move(tiers));
}

Result<IndicatorSettings> TierModel::parseWeights(std::string_view text)
{
    IndicatorSettings settings{};
    std::array<bool, kTierIndicatorCount> named{};
    for (const auto part : splitList(text)) {
        if (part.empty()) {
            return invalidInput("an empty entry: write the weights as revenue=3,margin=2,recency=1", kWeightsWhere);
        }
        const auto equals = part.find('=');
        const auto name = trimmed(part.substr(0, equals));
        const auto indicator = kTierIndicatorCodes.parse(name);
        if (!indicator) {
            return invalidInput("unknown indicator " + inQuotes(name) + " (choose from " + tierIndicatorCodeList() + ")",
                                kWeightsWhere);
        }
        const auto index = static_cast<std::size_t>(tierIndicatorIndex(*indicator));
        if (named[index]) {
            return invalidInput(std::string(name) + " is given twice", kWeightsWhere);
        }
        named[index] = true;
        long long weight = 1;
        if (equals != std::string_view::npos) {
            const auto number = trimmed(part.substr(equals + 1));
            const auto parsed = parseWhole(number);
            if (!parsed) {
                return invalidInput(inQuotes(number) + " is not a whole number: write the weight of " + std::string(name) +
                                        " as " + std::string(name) + "=3",
                                    kWeightsWhere);
            }
            weight = *parsed;
        }
        if (weight < 0 || weight > kMaxWeight) {
            return invalidInput("the weight of " + std::string(name) +
                                    (weight < 0 ? " must be 0 or more, not " : " must be at most 100, not ") +
                                    std::to_string(weight),
                                kWeightsWhere);
        }
        settings[index] = {static_cast<int>(weight), true};
    }
    if (auto valid = validateIndicators(settings); !valid) {
        return valid.error();
    }
    return settings;
}

Result<std::vector<TierBand>> TierModel::parseTiers(std::string_view text)
{
    std::vector<TierBand> tiers;
    const auto parts = splitList(text);
    int assigned = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto part = parts[i];
        const auto colon = part.rfind(':');
        TierBand band;
        band.name = std::string(trimmed(part.substr(0, colon)));
        if (colon == std::string_view::npos) {
            if (i + 1 != parts.size()) {
                return invalidInput("the tier " + inQuotes(band.name) +
                                        " has no share: write Platinum:10,Gold:20,Silver:30,Bronze:40 (only the last "
                                        "tier may leave it out and take the rest)",
                                    kTiersWhere);
            }
            band.shareBasisPoints = kWhole - assigned;
            if (band.shareBasisPoints <= 0) {
                return invalidInput("nothing is left for the last tier " + inQuotes(band.name) +
                                        ": the others take " + formatBasisPoints(assigned) + " %",
                                    kTiersWhere);
            }
        } else {
            const auto number = trimmed(part.substr(colon + 1));
            const auto share = parsePercent(number);
            if (!share) {
                return invalidInput(inQuotes(number) + " is not a percentage: write the share of " + band.name +
                                        " as " + band.name + ":10 (at most two decimals)",
                                    kTiersWhere);
            }
            band.shareBasisPoints = *share;
            assigned += *share;
        }
        tiers.push_back(std::move(band));
    }
    if (auto valid = validateTiers(tiers); !valid) {
        return valid.error();
    }
    return tiers;
}

int TierModel::cumulativeShare(int tierIndex) const
{
    int sum = 0;
    for (int i = 0; i <= tierIndex && i < tierCount(); ++i) {
        sum += m_tiers[static_cast<std::size_t>(i)].shareBasisPoints;
    }
    return sum;
}

std::string TierModel::weightsText() const
{
    std::string text;
    for (int i = 0; i < kTierIndicatorCount; ++i) {
        const auto& setting = m_indicators[static_cast<std::size_t>(i)];
        if (setting.enabled) {
            text += (text.empty() ? "" : ",") + std::string(kTierIndicatorCodes.code(tierIndicatorAt(i))) + "=" +
                    std::to_string(setting.weight);
        }
    }
    return text;
}

std::string TierModel::tiersText() const
{
    std::string text;
    for (const auto& tier : m_tiers) {
        text += (text.empty() ? "" : ",") + tier.name + ":" + formatBasisPoints(tier.shareBasisPoints);
    }
    return text;
}

std::string TierModel::toJson() const
{
    nlohmann::ordered_json json;
    json["version"] = kFormatVersion;
    auto indicators = nlohmann::ordered_json::array();
    for (int i = 0; i < kTierIndicatorCount; ++i) {
        const auto& setting = m_indicators[static_cast<std::size_t>(i)];
        nlohmann::ordered_json item;
        item["indicator"] = std::string(kTierIndicatorCodes.code(tierIndicatorAt(i)));
        item["weight"] = setting.weight;
        item["enabled"] = setting.enabled;
        indicators.push_back(std::move(item));
    }
    json["indicators"] = std::move(indicators);
    auto tiers = nlohmann::ordered_json::array();
    for (const auto& tier : m_tiers) {
        nlohmann::ordered_json item;
        item["name"] = tier.name;
        if (tier.shareBasisPoints % 100 == 0) {
            item["share"] = tier.shareBasisPoints / 100;
        } else {
            item["share"] = static_cast<double>(tier.shareBasisPoints) / 100.0;
        }
        tiers.push_back(std::move(item));
    }
    json["tiers"] = std::move(tiers);
    return json.dump();
}

Result<TierModel> TierModel::fromJson(std::string_view text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return invalidInput("not valid JSON", "model");
    }
    if (!json.is_object()) {
        return invalidInput("expected a JSON object with version, indicators and tiers", "model");
    }
    for (const auto& [key, value] : json.items()) {
        if (key != "version" && key != "indicators" && key != "tiers") {
            return invalidInput("unexpected key (expected version, indicators and tiers)", "model." + key);
        }
    }
    if (!json.contains("version") || !json["version"].is_number_integer()) {
        return invalidInput("missing or not a whole number", "model.version");
    }
    const auto version = json["version"].get<long long>();
    if (version > kFormatVersion) {
        return Error{ErrorCode::Unsupported,
                     "version " + std::to_string(version) + " comes from a newer Cartera; this one reads version " +
                         std::to_string(kFormatVersion),
                     "model.version"};
    }
    if (version < 1) {
        return invalidInput("not a model version: " + std::to_string(version), "model.version");
    }
    if (!json.contains("indicators") || !json["indicators"].is_array()) {
        return invalidInput("expected an array of {\"indicator\", \"weight\", \"enabled\"}", "model.indicators");
    }
    if (!json.contains("tiers") || !json["tiers"].is_array()) {
        return invalidInput("expected an array of {\"name\", \"share\"}", "model.tiers");
    }

    IndicatorSettings indicators{};
    std::array<bool, kTierIndicatorCount> seen{};
    std::size_t position = 0;
    for (const auto& item : json["indicators"]) {
        const std::string where = "model.indicators[" + std::to_string(position++) + "]";
        if (!item.is_object() || !item.contains("indicator") || !item["indicator"].is_string()) {
            return invalidInput("expected {\"indicator\": \"revenue\", \"weight\": 3, \"enabled\": true}", where);
        }
        const auto code = item["indicator"].get<std::string>();
        const auto indicator = kTierIndicatorCodes.parse(code);
        if (!indicator) {
            return invalidInput("unknown indicator " + inQuotes(code) + " (choose from " + tierIndicatorCodeList() + ")",
                                where + ".indicator");
        }
        const auto index = static_cast<std::size_t>(tierIndicatorIndex(*indicator));
        if (seen[index]) {
            return invalidInput(code + " is given twice", where);
        }
        seen[index] = true;
        IndicatorSetting setting{0, true};
        for (const auto& [key, value] : item.items()) {
            if (key == "indicator") {
                continue;
            }
            if (key == "weight") {
                if (!value.is_number_integer()) {
                    return invalidInput("the weight of " + code + " must be a whole number, not " + value.dump(),
                                        where + ".weight");
                }
                const auto weight = value.get<long long>();
                if (weight < 0 || weight > kMaxWeight) {
                    return invalidInput("the weight of " + code +
                                            (weight < 0 ? " must be 0 or more, not " : " must be at most 100, not ") +
                                            std::to_string(weight),
                                        where + ".weight");
                }
                setting.weight = static_cast<int>(weight);
            } else if (key == "enabled") {
                if (!value.is_boolean()) {
                    return invalidInput("expected true or false, not " + value.dump(), where + ".enabled");
                }
                setting.enabled = value.get<bool>();
            } else {
                return invalidInput("unexpected key (expected indicator, weight and enabled)", where + "." + key);
            }
        }
        if (!item.contains("weight")) {
            return invalidInput("the weight of " + code + " is missing", where + ".weight");
        }
        indicators[index] = setting;
    }

    std::vector<TierBand> tiers;
    position = 0;
    for (const auto& item : json["tiers"]) {
        const std::string where = "model.tiers[" + std::to_string(position++) + "]";
        if (!item.is_object() || !item.contains("name") || !item["name"].is_string() || !item.contains("share")) {
            return invalidInput("expected {\"name\": \"Gold\", \"share\": 20}", where);
        }
        for (const auto& [key, value] : item.items()) {
            if (key != "name" && key != "share") {
                return invalidInput("unexpected key (expected name and share)", where + "." + key);
            }
        }
        const auto& share = item["share"];
        if (!share.is_number()) {
            return invalidInput("the share must be a number of percent, not " + share.dump(), where + ".share");
        }
        const double percent = share.get<double>();
        const double basisPoints = std::round(percent * 100.0);
        if (!std::isfinite(percent) || std::fabs(percent * 100.0 - basisPoints) > 1e-6 || basisPoints < -1e6 ||
            basisPoints > 1e6) {
            return invalidInput("the share must be a percentage with at most two decimals, not " + share.dump(),
                                where + ".share");
        }
        tiers.push_back({item["name"].get<std::string>(), static_cast<int>(basisPoints)});
    }
    if (auto valid = validateIndicators(indicators); !valid) {
        return Error{ErrorCode::InvalidInput, valid.error().message, "model.indicators"};
    }
    if (auto valid = validateTiers(tiers); !valid) {
        return Error{ErrorCode::InvalidInput, valid.error().message, "model.tiers"};
    }
    return TierModel(indicators, std::move(tiers));
}

} // namespace cartera::domain
