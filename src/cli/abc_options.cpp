#include "cli/abc_options.h"

#include "services/segment_service.h"
#include "services/territory_service.h"

#include "domain/countries.h"
#include "services/portfolio.h"

#include <cctype>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

int parseMonthOption(const std::string& text, const char* option)
{
    const auto month = MonthRange::parseMonth(text);
    if (!month) {
        throw CommandError(kExitUsage, std::string(option) + ": '" + text + "' is not a month in the form YYYY-MM");
    }
    return *month;
}

template <typename T> T usageOrValue(Result<T> result, const std::string& option)
{
    if (!result) {
        throw CommandError(kExitUsage, option + ": " + result.error().message);
    }
    return std::move(result.value());
}

/// The territory named by its name (when no other has it) or its whole path.
TerritoryId territoryByNameOrPath(services::Portfolio& portfolio, const std::string& wanted)
{
    const auto set = take(services::TerritoryService(portfolio).territories());
    std::vector<const Territory*> byName;
    for (const auto& territory : set.territories) {
        if (territoryPath(territory.id, set.territories) == wanted) {
            return territory.id;
        }
        if (territory.name == wanted) {
            byName.push_back(&territory);
        }
    }
    if (byName.size() == 1) {
        return byName.front()->id;
    }
    if (byName.empty()) {
        throw CommandError(kExitBadInput, "--territory: no territory is named '" + wanted + "' (see territory list)");
    }
    throw CommandError(kExitBadInput, "--territory: " + std::to_string(byName.size()) + " territories are named '" +
                                          wanted + "'; give the path, for example '" +
                                          territoryPath(byName.front()->id, set.territories) + "'");
}

} // namespace

void AbcRunOptions::addOptions(CLI::App& command)
{
    command.add_option("--db", db, "The portfolio database file")->required();
    command.add_option("--criterion", criterion, "What to rank customers by")
        ->check(CLI::IsMember({"revenue", "margin", "orders"}))
        ->capture_default_str();
    auto* fromOption = command.add_option("--from", from, "First month of the period, YYYY-MM");
    auto* toOption = command.add_option("--to", to, "Last month of the period, YYYY-MM");
    fromOption->needs(toOption);
    toOption->needs(fromOption);
    auto* yearOption = command.add_option("--year", year, "A calendar year as the period (2025)");
    auto* asOfOption = command.add_option(
        "--as-of", asOf, "The period is the 12 months ending with this date's month, YYYY-MM-DD (default: today)");
    yearOption->excludes(fromOption)->excludes(toOption)->excludes(asOfOption);
    asOfOption->excludes(fromOption)->excludes(toOption);
    command.add_option("--thresholds", thresholds, "Class shares in percent, A first; a fourth adds class D")
        ->capture_default_str();
    command.add_option("--country", country, "Only customers of this country (FR)");
    command.add_option("--channel", channel, "Only customers of this channel")
        ->check(CLI::IsMember({"direct", "wholesale", "retail", "online"}));
    command.add_option("--rep", rep, "Only customers this sales rep owns (R01)");
    command.add_option("--segment", segment, "Only the members of this saved segment (see segment list)");
    command.add_option("--territory", territory,
                       "Only the accounts of this territory and its sub-territories: its name, or its path "
                       "\"EMEA > France\" (see territory list)");
    command.add_flag("--include-archived", includeArchived, "Count archived accounts too");
}

services::AbcRequest AbcRunOptions::request(services::Portfolio& portfolio) const
{
    services::AbcRequest request;
    request.criterion = kAbcCriterionCodes.parse(criterion).value_or(AbcCriterion::Revenue);
    if (!from.empty() || !to.empty()) {
        request.period = usageOrValue(
            MonthRange::between(parseMonthOption(from, "--from"), parseMonthOption(to, "--to")), "--from/--to");
    } else if (year) {
        request.period = usageOrValue(MonthRange::calendarYear(*year), "--year");
    } else if (!asOf.empty()) {
        const auto date = Date::parseIso(asOf);
        if (!date) {
            throw CommandError(kExitUsage, "--as-of: '" + asOf + "' is not a date in the form YYYY-MM-DD");
        }
        request.period = MonthRange::twelveMonthsEndingWith(*date);
    } else {
        request.period = MonthRange::twelveMonthsEndingWith(Date::today());
    }
    request.thresholds = usageOrValue(AbcThresholds::parse(thresholds), "--thresholds");
    if (!country.empty()) {
        std::string code = country;
        for (char& c : code) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        if (!isKnownCountryCode(code)) {
            throw CommandError(kExitUsage,
                               "--country: '" + country + "' is not an ISO 3166-1 country code (FR, DE, ...)");
        }
        request.scope.country = code;
    }
    if (!channel.empty()) {
        request.scope.channel = kSalesChannelCodes.parse(channel);
    }
    if (!rep.empty()) {
        const auto found = portfolio.reps().findByCode(rep);
        if (!found) {
            throw CommandError(kExitBadInput, "--rep: no sales rep has the code '" + rep + "'");
        }
        request.scope.ownerRepId = found->id;
    }
    if (!segment.empty()) {
        request.scope.segmentId = take(services::SegmentService(portfolio).findByName(segment)).id;
    }
    if (!territory.empty()) {
        request.scope.territoryId = territoryByNameOrPath(portfolio, territory);
    }
    request.scope.includeArchived = includeArchived;
    return request;
}

std::string describeScope(const AbcScope& scope, services::Portfolio& portfolio)
{
    std::string text;
    const auto add = [&](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
    if (!scope.country.empty()) {
        add("country " + scope.country);
    }
    if (scope.channel) {
        add("channel " + std::string(kSalesChannelCodes.code(*scope.channel)));
    }
    if (scope.ownerRepId) {
        std::string code = "#" + std::to_string(*scope.ownerRepId);
        for (const auto& rep : portfolio.reps().all()) {
            if (rep.id == *scope.ownerRepId) {
                code = rep.code;
            }
        }
        add("rep " + code);
    }
    if (scope.segmentId) {
        const auto found = services::SegmentService(portfolio).find(*scope.segmentId);
        add("segment " + (found ? "'" + found.value().name + "'" : "#" + std::to_string(*scope.segmentId)));
    }
    if (scope.territoryId) {
        const auto territories = services::TerritoryService(portfolio).territories();
        add("territory " + (territories ? "'" + territoryPath(*scope.territoryId, territories.value().territories) + "'"
                                        : "#" + std::to_string(*scope.territoryId)));
    }
    if (text.empty()) {
        text = "whole portfolio";
    }
    if (scope.includeArchived) {
        text += ", archived included";
    }
    return text;
}

exchange::Cell valueCell(AbcCriterion criterion, std::int64_t value, const CurrencyCode& currency)
{
    if (isMoney(criterion)) {
        return Money{value, currency};
    }
    return value;
}

exchange::Cell percentCell(std::int64_t part, std::int64_t whole)
{
    return exchange::Decimal{scaledPercent(part, whole, 4), 4};
}

} // namespace cartera::cli
