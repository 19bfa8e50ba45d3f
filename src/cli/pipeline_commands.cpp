// cartera-cli opportunity list|add|move, pipeline and forecast (docs/pipeline.md, docs/forecasting.md).

#include "cli/cli_support.h"

#include "domain/forecast.h"
#include "services/forecast_service.h"
#include "services/opportunity_service.h"
#include "services/pipeline_report.h"

#include <cmath>
#include <iostream>
#include <optional>
#include <vector>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

std::vector<std::string> codesOf(const auto& codes)
{
    std::vector<std::string> result;
    for (const auto& [value, code] : codes.entries) {
        result.emplace_back(code);
    }
    return result;
}

Date parseDate(const std::string& text, const std::string& option)
{
    const auto date = Date::parseIso(text);
    if (!date) {
        throw CommandError(kExitUsage, option + ": '" + text + "' is not a date (YYYY-MM-DD)");
    }
    return *date;
}

MonthRange parsePeriod(const std::string& text, const std::string& option)
{
    auto period = parseForecastPeriod(text);
    if (!period) {
        throw CommandError(kExitUsage, option + ": " + period.error().message);
    }
    return period.value();
}

RepId repByCode(services::Portfolio& portfolio, const std::string& code)
{
    const auto rep = portfolio.reps().findByCode(code);
    if (!rep) {
        throw CommandError(kExitBadInput, "--rep: no sales rep has the code '" + code + "'");
    }
    return rep->id;
}

void addList(CLI::App& parent)
{
    struct Options {
        std::string db, rep, stage, period;
        bool open = false;
        int limit = 100;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("list", "Opportunities by expected close date");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--rep", o->rep, "Only this rep's (code)");
    command->add_option("--stage", o->stage, "Only this stage (code)");
    command->add_option("--period", o->period, "Closing in this quarter (2026Q4) or month (2026-03)");
    command->add_flag("--open", o->open, "Leave out won and lost ones");
    command->add_option("--limit", o->limit, "At most this many rows")->capture_default_str()->check(CLI::Range(1, 1000000));
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::OpportunityService service(*portfolio);
        OpportunityFilter filter;
        if (!o->rep.empty()) {
            filter.ownerRepId = repByCode(*portfolio, o->rep);
        }
        if (!o->stage.empty()) {
            filter.stage = o->stage;
        }
        if (!o->period.empty()) {
            filter.closeMonths = parsePeriod(o->period, "--period");
        }
        filter.openOnly = o->open;
        o->output.write(services::opportunityTable(take(service.list(filter, 0, o->limit)), take(service.stages())));
    });
}

void addAdd(CLI::App& parent)
{
    struct Options {
        std::string db, account, title, amount, stage = "prospecting", close, rep, source, category = "pipeline",
                                                nextStep, nextStepOn, closedOn, reason, today;
        std::optional<int> probability;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("add", "Create an opportunity for an account");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--account", o->account, "The account's code (customer or prospect)")->required();
    command->add_option("--title", o->title, "What the deal is")->required();
    command->add_option("--amount", o->amount, "Expected value in the portfolio currency (1234.50)")->required();
    command->add_option("--close", o->close, "Expected close date (YYYY-MM-DD)")->required();
    command->add_option("--stage", o->stage, "Stage code")->capture_default_str();
    command->add_option("--probability", o->probability, "Override the stage's probability (0-100)");
    command->add_option("--rep", o->rep, "Owner rep (code); the account's owner by default");
    command->add_option("--source", o->source, "Where the deal came from");
    command->add_option("--category", o->category, "Forecast category")
        ->check(CLI::IsMember(codesOf(kForecastCategoryCodes)))
        ->capture_default_str();
    command->add_option("--next-step", o->nextStep, "The next step");
    command->add_option("--next-step-on", o->nextStepOn, "When (YYYY-MM-DD)");
    command->add_option("--closed-on", o->closedOn, "Close date, for a deal created won or lost");
    command->add_option("--reason", o->reason, "Lost reason code, for a deal created lost");
    command->add_option("--today", o->today, "The creation date (default: today)");
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto account = portfolio->customers().findByCode(o->account);
        if (!account) {
            throw CommandError(kExitBadInput, "--account: no customer or prospect has the code '" + o->account + "'");
        }
        const auto amount = Money::parseDecimal(o->amount, portfolio->settings().currency());
        if (!amount) {
            throw CommandError(kExitUsage, "--amount: '" + o->amount + "' is not an amount (1234.50)");
        }
        Opportunity opportunity;
        opportunity.customerId = account->id;
        opportunity.title = o->title;
        opportunity.amount = *amount;
        opportunity.stage = o->stage;
        opportunity.probabilityOverride = o->probability;
        opportunity.expectedClose = parseDate(o->close, "--close");
        opportunity.ownerRepId = o->rep.empty() ? account->ownerRepId : std::optional<RepId>(repByCode(*portfolio, o->rep));
        opportunity.source = o->source;
        opportunity.category = *kForecastCategoryCodes.parse(o->category);
        opportunity.nextStep = o->nextStep;
        if (!o->nextStepOn.empty()) {
            opportunity.nextStepOn = parseDate(o->nextStepOn, "--next-step-on");
        }
        if (!o->closedOn.empty()) {
            opportunity.closedOn = parseDate(o->closedOn, "--closed-on");
        }
        opportunity.lostReason = o->reason;
        const Date today = o->today.empty() ? Date::today() : parseDate(o->today, "--today");
        const auto saved = take(services::OpportunityService(*portfolio).create(opportunity, today));
        std::cout << "opportunity " << saved.id << " created in " << saved.stage << "\n";
    });
}

void addMove(CLI::App& parent)
{
    struct Options {
        std::string db, stage, date, reason;
        OpportunityId id = 0;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("move", "Move an opportunity to another stage (kept in its history)");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--id", o->id, "The opportunity")->required();
    command->add_option("--stage", o->stage, "The new stage (code)")->required();
    command->add_option("--date", o->date, "When (YYYY-MM-DD, default today); the close date for won or lost");
    command->add_option("--reason", o->reason, "Lost reason code (required to move to a lost stage)");
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const Date date = o->date.empty() ? Date::today() : parseDate(o->date, "--date");
        const auto move = take(services::OpportunityService(*portfolio).move(o->id, o->stage, date, o->reason));
        std::cout << "opportunity " << o->id << ": " << move.before.stage << " -> " << move.after.stage << "\n";
        if (move.convertedProspect) {
            std::cout << "the prospect is now a customer\n";
        }
    });
}

} // namespace

void addPipelineCommands(CLI::App& app)
{
    auto* opportunity = app.add_subcommand("opportunity", "List, create and move opportunities");
    opportunity->require_subcommand(1);
    addList(*opportunity);
    addAdd(*opportunity);
    addMove(*opportunity);

    {
        struct Options {
            std::string db, rep, period, winLoss;
            bool conversion = false;
            bool lostReasons = false;
            ReportOutput output;
        };
        auto o = std::make_shared<Options>();
        auto* command = app.add_subcommand("pipeline", "Count, total and weighted total of the opportunities per stage");
        command->add_option("--db", o->db, "The portfolio database file")->required();
        command->add_option("--rep", o->rep, "Only this rep's (code)");
        command->add_option("--period", o->period, "Closing in this quarter (2026Q4) or month (2026-03)");
        auto* winLoss = command
                            ->add_option("--win-loss", o->winLoss,
                                         "Win rate, average deal and sales cycle of the deals closed in --period, by rep or source")
                            ->check(CLI::IsMember({"rep", "source"}));
        auto* conversion = command->add_flag("--conversion", o->conversion,
                                             "Stage conversion of the deals closed in --period")
                               ->excludes(winLoss);
        command->add_flag("--lost-reasons", o->lostReasons, "Lost deals per reason in --period")
            ->excludes(winLoss)
            ->excludes(conversion);
        o->output.addOptions(*command);
        command->callback([o] {
            auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
            if (!o->winLoss.empty() || o->conversion || o->lostReasons) {
                if (o->period.empty()) {
                    throw CommandError(kExitUsage, "--win-loss, --conversion and --lost-reasons need --period");
                }
                const auto analysis = take(services::ForecastService(*portfolio).analyse(parsePeriod(o->period, "--period")));
                if (!o->winLoss.empty()) {
                    o->output.write(services::winLossTable(o->winLoss == "rep" ? analysis.byRep : analysis.bySource,
                                                           o->winLoss, portfolio->settings().currency()));
                } else if (o->conversion) {
                    o->output.write(services::conversionTable(analysis.conversion));
                } else {
                    o->output.write(services::lostReasonTable(analysis.lostReasons));
                }
                return;
            }
            services::OpportunityService service(*portfolio);
            OpportunityFilter filter;
            if (!o->rep.empty()) {
                filter.ownerRepId = repByCode(*portfolio, o->rep);
            }
            if (!o->period.empty()) {
                filter.closeMonths = parsePeriod(o->period, "--period");
            }
            o->output.write(services::pipelineTable(take(service.stages()), take(service.stageSummaries(filter)),
                                                    portfolio->settings().currency()));
        });
    }

    {
        struct Options {
            std::string db, period, by = "rep", asOf, save;
            bool projection = false;
            std::optional<std::int64_t> compare;
            ReportOutput output;
        };
        auto o = std::make_shared<Options>();
        auto* command = app.add_subcommand(
            "forecast", "Weighted pipeline, forecast categories, targets and attainment per rep or team for a quarter or month");
        command->add_option("--db", o->db, "The portfolio database file")->required();
        auto* quarter = command->add_option("--quarter,--period", o->period, "2026Q4, 2026-Q4 or a month 2026-03");
        auto* compare = command->add_option("--compare", o->compare,
                                            "Set a saved snapshot (its id) against the same period now: forecast vs actual");
        quarter->excludes(compare);
        command->add_option("--by", o->by, "Group by")->check(CLI::IsMember(codesOf(kForecastGroupingCodes)))->capture_default_str();
        command->add_option("--as-of", o->asOf, "The day the forecast is made (default: today)");
        command->add_flag("--projection", o->projection,
                          "Show the Holt-Winters projection of invoiced revenue per month instead, with its backtest MAPE");
        command->add_option("--save", o->save, "Save the forecast as a snapshot under this name");
        o->output.addOptions(*command);
        command->callback([o] {
            auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
            if (o->compare) {
                const Date asOf = o->asOf.empty() ? Date::today() : parseDate(o->asOf, "--as-of");
                const auto comparison = take(services::ForecastService(*portfolio).compare(*o->compare, asOf));
                if (!comparison.periodClosed) {
                    std::cerr << "note: " << comparison.snapshot.period.toString()
                              << " is not over yet: won_now is the actual so far\n";
                }
                o->output.write(services::comparisonTable(comparison, portfolio->settings().currency()));
                return;
            }
            if (o->period.empty()) {
                throw CommandError(kExitUsage, "--quarter: give the period to forecast (2026Q4), or --compare ID");
            }
            services::ForecastRequest request;
            request.period = parsePeriod(o->period, "--quarter");
            request.grouping = *kForecastGroupingCodes.parse(o->by);
            request.asOf = o->asOf.empty() ? Date::today() : parseDate(o->asOf, "--as-of");
            request.withProjection = o->projection || !o->save.empty();
            services::ForecastService service(*portfolio);
            const auto forecast = take(service.forecast(request));
            const auto currency = portfolio->settings().currency();
            if (!o->save.empty()) {
                const auto snapshot = take(service.saveSnapshot(forecast, o->save, request.asOf));
                std::cerr << "saved as forecast snapshot " << snapshot.id << "\n";
            }
            if (!o->projection) {
                o->output.write(services::forecastTable(forecast, currency));
                return;
            }
            if (!forecast.projection) {
                throw CommandError(kExitBadInput, "no projection: " + forecast.projectionNote);
            }
            const auto& p = *forecast.projection;
            exchange::ReportTable table({"month", "revenue", "source", "method", "backtest_mape_pct", "history_months"});
            const std::string method = p.params.seasonality == Seasonality::Additive ? "additive" : "multiplicative";
            for (std::size_t i = 0; i < p.months.size(); ++i) {
                table.addRow({MonthRange::formatMonth(p.months[i]), Money{p.values[i], currency},
                              std::string(p.projected[i] ? "projected" : "invoiced"), method,
                              exchange::Decimal{std::llround(p.backtestMape * 10), 1},
                              static_cast<std::int64_t>(p.historyMonths)});
            }
            table.addRow({std::string("total"), Money{p.total, currency}, std::string(""), method,
                          exchange::Decimal{std::llround(p.backtestMape * 10), 1},
                          static_cast<std::int64_t>(p.historyMonths)});
            o->output.write(table);
        });
    }
}

} // namespace cartera::cli
