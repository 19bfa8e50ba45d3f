// cartera-cli tiers: weighted multi-indicator tiers (docs/tiers.md).

#include "cli/cli_support.h"
#include "services/portfolio.h"
#include "services/tier_export.h"
#include "services/tier_service.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

namespace cartera::cli {

using namespace cartera::domain;
using exchange::Cell;
using exchange::Decimal;

namespace {

struct TierOptions final {
    std::string db;
    std::string modelFile;
    std::string modelName;
    std::string weights;
    std::string tiers;
    std::string from;
    std::string to;
    std::optional<int> year;
    std::string asOf;
    std::string save;
    std::string saveModel;
    std::string customer;
    std::string tier;
    bool summary = false;
    ReportOutput output;
};

int monthOption(const std::string& text, const char* option)
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

/// The period and the as-of date the options ask for: --from/--to and --year end on the period's
/// last day (or today, when that is still to come), --as-of D is the 12 months ending with D's
/// month, and the default those ending today.
std::pair<MonthRange, Date> periodOf(const TierOptions& o)
{
    if (!o.from.empty() || !o.to.empty()) {
        const auto period =
            usageOrValue(MonthRange::between(monthOption(o.from, "--from"), monthOption(o.to, "--to")), "--from/--to");
        return {period, std::min(periodEnd(period), Date::today())};
    }
    if (o.year) {
        const auto period = usageOrValue(MonthRange::calendarYear(*o.year), "--year");
        return {period, std::min(periodEnd(period), Date::today())};
    }
    Date asOf = Date::today();
    if (!o.asOf.empty()) {
        const auto date = Date::parseIso(o.asOf);
        if (!date) {
            throw CommandError(kExitUsage, "--as-of: '" + o.asOf + "' is not a date in the form YYYY-MM-DD");
        }
        asOf = *date;
    }
    return {MonthRange::twelveMonthsEndingWith(asOf), asOf};
}

/// The model the options ask for: a JSON file, a saved model, weights on the command line, or the
/// portfolio's latest saved model; --tiers replaces its tiers.
TierModel modelOf(const TierOptions& o, services::TierService& service)
{
    TierModel model;
    if (!o.modelFile.empty()) {
        std::ifstream in(o.modelFile, std::ios::binary);
        if (!in) {
            throw CommandError(kExitBadInput, "--model: cannot read " + o.modelFile);
        }
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = TierModel::fromJson(text.str());
        if (!parsed) {
            throw CommandError(kExitBadInput, o.modelFile + ": " + parsed.error().describe());
        }
        model = parsed.value();
    } else if (!o.modelName.empty()) {
        model = take(service.loadModel(o.modelName)).model;
    } else {
        model = take(service.currentModel());
    }
    if (!o.weights.empty()) {
        const auto weights = usageOrValue(TierModel::parseWeights(o.weights), "--weights");
        model = usageOrValue(model.withIndicators(weights), "--weights");
    }
    if (!o.tiers.empty()) {
        auto tiers = usageOrValue(TierModel::parseTiers(o.tiers), "--tiers");
        model = usageOrValue(model.withTiers(std::move(tiers)), "--tiers");
    }
    return model;
}

Cell normalCell(std::uint32_t normal)
{
    return Decimal{(static_cast<std::int64_t>(normal) + 50) / 100, services::kTierNormalDigits};
}

/// The indicator's value as the ranking saw it, in its own unit.
Cell valueCell(const TierInput& input, TierIndicator indicator, int months, const CurrencyCode& currency)
{
    switch (indicator) {
    case TierIndicator::Revenue:
        return Money{input.revenue, currency};
    case TierIndicator::Margin:
        return Money{input.margin, currency};
    case TierIndicator::Growth:
        return Decimal{static_cast<std::int64_t>(std::llround(growthOf(input.revenue, input.priorRevenue) * 10000)), 4};
    case TierIndicator::OrderFrequency:
        return Decimal{(input.orders * 200 + months) / (2 * std::max(1, months)), 2};
    case TierIndicator::Recency:
        if (input.daysSinceLastOrder == TierInput::kNever) {
            return std::string("never");
        }
        return static_cast<std::int64_t>(input.daysSinceLastOrder);
    case TierIndicator::OpenClaims:
        return static_cast<std::int64_t>(input.openClaims);
    case TierIndicator::Satisfaction:
        if (input.satisfaction == TierInput::kNoSurvey) {
            return std::string("no survey");
        }
        return Decimal{input.satisfaction, 1};
    case TierIndicator::Strategic:
        return std::string(input.strategic ? "yes" : "no");
    }
    return std::monostate{};
}

/// One row per indicator for one customer: its value, normalised value, weight and points, then
/// the score.
exchange::ReportTable breakdownTable(const services::TierRun& run, std::size_t customer, const CurrencyCode& currency)
{
    const auto& facts = *run.facts;
    const auto& result = run.result;
    const auto& input = facts.customers[customer];
    const auto position = result.positionOf[customer];
    const auto& entry = result.entries[position];
    const std::string tier = result.model.tiers()[entry.tier].name;
    const auto rank = static_cast<std::int64_t>(position) + 1;
    exchange::ReportTable table({"code", "name", "rank", "tier", "indicator", "value", "normalised", "weight", "points"});
    for (const auto indicator : allTierIndicators()) {
        const int weight = result.weight(indicator);
        table.addRow({input.code, input.name, rank, tier, std::string(kTierIndicatorCodes.code(indicator)),
                      valueCell(input, indicator, facts.period.monthCount(), currency),
                      normalCell(facts.normalisedValue(customer, indicator)), static_cast<std::int64_t>(weight),
                      weight > 0 ? Cell(services::tierPoints(result.weightedValue(facts, entry, indicator),
                                                             result.weightTotal))
                                 : Cell(std::monostate{})});
    }
    table.addRow({input.code, input.name, rank, tier, std::string("score"), std::monostate{}, std::monostate{},
                  result.weightTotal, services::tierPoints(entry.points, result.weightTotal)});
    return table;
}

exchange::ReportTable summaryTable(const services::TierRun& run, const CurrencyCode& currency)
{
    const auto& result = run.result;
    const auto ranked = static_cast<std::int64_t>(result.entries.size());
    exchange::ReportTable table({"tier", "share", "customers", "customers_share", "revenue", "revenue_share",
                                 "highest_score", "lowest_score"});
    const auto percent = [](std::int64_t part, std::int64_t whole) {
        return Cell(Decimal{scaledPercent(part, whole, 4), 4});
    };
    for (const auto& summary : result.summary) {
        const bool empty = summary.customers == 0;
        table.addRow({summary.name, Decimal{summary.shareBasisPoints, 2}, summary.customers,
                      percent(summary.customers, ranked), Money{summary.revenue, currency},
                      percent(summary.revenue, result.revenue),
                      empty ? Cell(std::monostate{}) : Cell(services::tierPoints(summary.highestPoints, result.weightTotal)),
                      empty ? Cell(std::monostate{}) : Cell(services::tierPoints(summary.lowestPoints, result.weightTotal))});
    }
    table.addRow({std::string("total"), Decimal{TierModel::kWhole, 2}, ranked, percent(ranked, ranked),
                  Money{result.revenue, currency}, percent(result.revenue, result.revenue), std::monostate{},
                  std::monostate{}});
    return table;
}

exchange::ReportTable listTable(const services::TierRun& run, std::optional<int> tier, const CurrencyCode& currency)
{
    exchange::ReportTable table(services::tierListColumns(run.result));
    for (std::size_t k = 0; k < run.result.entries.size(); ++k) {
        if (!tier || run.result.entries[k].tier == *tier) {
            table.addRow(services::tierListRow(run, k, currency));
        }
    }
    return table;
}

} // namespace

void addTiersCommand(CLI::App& app)
{
    auto o = std::make_shared<TierOptions>();
    auto* command = app.add_subcommand(
        "tiers", "Rank customers into named tiers by a weighted, normalised score of several indicators");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    auto* model = command->add_option("--model", o->modelFile, "A tier model as JSON (see docs/tiers.md)");
    auto* modelName = command->add_option("--model-name", o->modelName, "A tier model saved in the portfolio");
    command->add_option("--weights", o->weights,
                        "Indicator weights, the others off: revenue=3,margin=2,growth=1,order_frequency=1,recency=2,"
                        "open_claims=1,satisfaction=1,strategic=2");
    command->add_option("--tiers", o->tiers, "Tier names and shares of customers in %, best first: "
                                              "Platinum:10,Gold:20,Silver:30,Bronze:40");
    model->excludes(modelName);
    auto* fromOption = command->add_option("--from", o->from, "First month of the period, YYYY-MM");
    auto* toOption = command->add_option("--to", o->to, "Last month of the period, YYYY-MM");
    fromOption->needs(toOption);
    toOption->needs(fromOption);
    auto* yearOption = command->add_option("--year", o->year, "A calendar year as the period (2025)");
    auto* asOfOption = command->add_option(
        "--as-of", o->asOf, "The period is the 12 months ending with this date's month, YYYY-MM-DD (default: today)");
    yearOption->excludes(fromOption)->excludes(toOption)->excludes(asOfOption);
    asOfOption->excludes(fromOption)->excludes(toOption);
    command->add_option("--save", o->save, "Save the run under this name");
    command->add_option("--save-model", o->saveModel, "Save the model used under this name");
    auto* customer = command->add_option("--customer", o->customer,
                                         "One customer's breakdown: each indicator's value, weight and contribution");
    auto* summary = command->add_flag("--summary", o->summary, "One row per tier instead of one per customer");
    auto* tier = command->add_option("--tier", o->tier, "Only the customers of this tier");
    summary->excludes(customer);
    tier->excludes(customer)->excludes(summary);
    o->output.addOptions(*command);

    command->callback([o] {
        const auto [period, asOf] = periodOf(*o);
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::TierService service(*portfolio);
        services::TierRequest request;
        request.period = period;
        request.asOf = asOf;
        request.model = modelOf(*o, service);
        request.withNames = !o->summary;
        std::optional<int> onlyTier;
        if (!o->tier.empty()) {
            const auto& tiers = request.model.tiers();
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                if (tiers[i].name == o->tier) {
                    onlyTier = static_cast<int>(i);
                }
            }
            if (!onlyTier) {
                throw CommandError(kExitBadInput, "--tier: the model has no tier '" + o->tier + "' (" +
                                                      request.model.tiersText() + ")");
            }
        }
        std::optional<CustomerId> customerId;
        if (!o->customer.empty()) {
            const auto found = portfolio->customers().findByCode(o->customer);
            if (!found) {
                throw CommandError(kExitBadInput, "--customer: no customer has the code '" + o->customer + "'");
            }
            customerId = found->id;
        }

        const auto run = take(service.run(request));
        const auto currency = portfolio->settings().currency();
        // The report first: a run is saved only once what was asked for has been written.
        if (customerId) {
            const auto index = run.facts->indexOf(*customerId);
            if (!index) {
                throw CommandError(kExitBadInput, "--customer: " + o->customer +
                                                      " is not ranked: it is archived, or a prospect without sales "
                                                      "in the period");
            }
            o->output.write(breakdownTable(run, *index, currency));
        } else if (o->summary) {
            o->output.write(summaryTable(run, currency));
        } else {
            o->output.write(listTable(run, onlyTier, currency));
        }
        if (!o->saveModel.empty()) {
            const auto saved = take(service.saveModel(o->saveModel, request.model, Date::today()));
            std::cerr << "cartera-cli: saved tier model \"" << saved.name << "\"\n";
        }
        if (!o->save.empty()) {
            const auto saved = take(service.saveRun(run, o->save, Date::today()));
            std::cerr << "cartera-cli: saved tier run " << saved.id << " \"" << saved.name << "\": " << saved.customers
                      << " customers ranked\n";
        }
        for (const auto indicator : allTierIndicators()) {
            if (run.result.ignored[static_cast<std::size_t>(tierIndicatorIndex(indicator))]) {
                std::cerr << "cartera-cli: note: " << kTierIndicatorCodes.code(indicator)
                          << " has no data in the period (no survey answered); its weight is ignored\n";
            }
        }
    });
}

} // namespace cartera::cli
