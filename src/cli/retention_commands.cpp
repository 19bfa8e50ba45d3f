// cartera-cli exit record|list|reasons|win-back, churn, at-risk (docs/retention.md).

#include "cli/cli_support.h"

#include "domain/at_risk.h"
#include "domain/churn.h"
#include "domain/month_range.h"
#include "services/exit_service.h"
#include "services/retention_report.h"
#include "services/retention_service.h"

#include <algorithm>
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

Date dateOption(const std::string& text, const std::string& option, Date fallback)
{
    if (text.empty()) {
        return fallback;
    }
    const auto date = Date::parseIso(text);
    if (!date) {
        throw CommandError(kExitUsage, option + ": '" + text + "' is not a date in the form YYYY-MM-DD");
    }
    return *date;
}

int monthOption(const std::string& text, const std::string& option, int fallback)
{
    if (text.empty()) {
        return fallback;
    }
    const auto month = MonthRange::parseMonth(text);
    if (!month) {
        throw CommandError(kExitUsage, option + ": '" + text + "' is not a month in the form YYYY-MM");
    }
    return *month;
}

Customer customerByCode(services::Portfolio& portfolio, const std::string& code)
{
    auto customer = portfolio.customers().findByCode(code);
    if (!customer) {
        throw CommandError(kExitBadInput, "--customer: no customer has the code '" + code + "'");
    }
    return *customer;
}

void addExitRecord(CLI::App& exit)
{
    struct Options {
        std::string db, customer, type = "non_renewal", reason, competitor, notice, effective, lostRevenue, actions,
            outcome = "lost", wonBackOn;
    };
    auto o = std::make_shared<Options>();
    auto* command = exit.add_subcommand("record", "Record a customer's exit (a lost one becomes exited)");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--customer", o->customer, "The customer's code")->required();
    command->add_option("--effective", o->effective, "When the relationship ends (YYYY-MM-DD)")->required();
    command->add_option("--type", o->type, "How it ends")->check(CLI::IsMember(codesOf(kExitTypeCodes)))->capture_default_str();
    command->add_option("--reason", o->reason, "A reason code (see `exit reasons`)");
    command->add_option("--competitor", o->competitor, "The competitor that won the account");
    command->add_option("--notice", o->notice, "When notice was given (YYYY-MM-DD)");
    command->add_option("--lost-revenue", o->lostRevenue,
                        "Lost annual revenue (default: the customer's revenue of the last 12 months)");
    command->add_option("--actions", o->actions, "Retention actions tried");
    command->add_option("--outcome", o->outcome, "What came of it")
        ->check(CLI::IsMember(codesOf(kExitOutcomeCodes)))
        ->capture_default_str();
    command->add_option("--won-back-on", o->wonBackOn, "For --outcome won_back: when it came back (YYYY-MM-DD)");
    command->callback([o] {
        const Date today = Date::today();
        CustomerExit exit;
        exit.effectiveOn = dateOption(o->effective, "--effective", today);
        if (!o->notice.empty()) {
            exit.noticeOn = dateOption(o->notice, "--notice", today);
        }
        if (!o->wonBackOn.empty()) {
            exit.wonBackOn = dateOption(o->wonBackOn, "--won-back-on", today);
        }
        exit.type = *kExitTypeCodes.parse(o->type);
        exit.outcome = *kExitOutcomeCodes.parse(o->outcome);
        exit.competitor = o->competitor;
        exit.retentionActions = o->actions;

        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        exit.customerId = customerByCode(*portfolio, o->customer).id;
        services::ExitService service(*portfolio);
        if (!o->reason.empty()) {
            const auto reasons = take(service.reasons(true));
            const auto found = std::find_if(reasons.begin(), reasons.end(),
                                            [&](const ExitReason& r) { return r.code == o->reason; });
            if (found == reasons.end()) {
                std::string known;
                for (const auto& r : reasons) {
                    known += (known.empty() ? "" : ", ") + r.code;
                }
                throw CommandError(kExitBadInput, "--reason: no reason '" + o->reason + "'; the reasons are " + known);
            }
            exit.reasonId = found->id;
        }
        if (o->lostRevenue.empty()) {
            exit.lostAnnualRevenue = take(service.proposedLostRevenue(exit.customerId, today));
        } else {
            const auto money = Money::parseDecimal(o->lostRevenue, portfolio->settings().currency());
            if (!money || money->minor < 0) {
                throw CommandError(kExitUsage, "--lost-revenue: '" + o->lostRevenue + "' is not an amount such as 1234.50");
            }
            exit.lostAnnualRevenue = money->minor;
        }
        const auto recorded = take(service.record(exit, today));
        std::printf("exit %lld recorded for %s (%s)\n", static_cast<long long>(recorded.exit.id), o->customer.c_str(),
                    std::string(kExitOutcomeCodes.code(recorded.exit.outcome)).c_str());
    });
}

void addExitList(CLI::App& exit)
{
    struct Options {
        std::string db, outcome;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = exit.add_subcommand("list", "Every exit, latest first");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--outcome", o->outcome, "Only these (lost: the win-back list)")
        ->check(CLI::IsMember(codesOf(kExitOutcomeCodes)));
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto exits = take(services::ExitService(*portfolio).list(kExitOutcomeCodes.parse(o->outcome)));
        o->output.write(services::exitReport(exits, portfolio->settings().currency()));
    });
}

void addExitReasons(CLI::App& exit)
{
    struct Options {
        std::string db, add;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = exit.add_subcommand("reasons", "The exit reason taxonomy; --add CODE=Label adds one");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--add", o->add, "A new reason, CODE=Label");
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::ExitService service(*portfolio);
        if (!o->add.empty()) {
            const auto equals = o->add.find('=');
            if (equals == std::string::npos || equals == 0 || equals + 1 == o->add.size()) {
                throw CommandError(kExitUsage, "--add: give CODE=Label, such as merger=Merged with a competitor");
            }
            take(service.addReason(ExitReason{0, o->add.substr(0, equals), o->add.substr(equals + 1), true}));
        }
        exchange::ReportTable table({"code", "label", "active"});
        for (const auto& reason : take(service.reasons(true))) {
            table.addRow({reason.code, reason.label, std::string(reason.active ? "yes" : "no")});
        }
        o->output.write(table);
    });
}

void addExitWinBack(CLI::App& exit)
{
    struct Options {
        std::string db, customer;
    };
    auto o = std::make_shared<Options>();
    auto* command = exit.add_subcommand(
        "win-back", "Start winning back an exited customer (logs a win-back note: opportunities are not in this version)");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--customer", o->customer, "The customer's code")->required();
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const Customer customer = customerByCode(*portfolio, o->customer);
        const auto note =
            take(services::RetentionService(*portfolio).logWinBack(customer.id, customer.ownerRepId, Date::today()));
        std::printf("win-back note %lld logged for %s\n", static_cast<long long>(note.id), o->customer.c_str());
    });
}

void addChurnCommand(CLI::App& app)
{
    struct Options {
        std::string db, by = "none", period = "year", from, to, asOf;
        bool cohorts = false;
        bool satisfaction = false;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("churn", "Customer and revenue churn per period, cohorts, satisfaction");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--by", o->by, "Break down by")
        ->check(CLI::IsMember(codesOf(kChurnDimensionCodes)))
        ->capture_default_str();
    command->add_option("--period", o->period, "Period length")
        ->check(CLI::IsMember(codesOf(kChurnGranularityCodes)))
        ->capture_default_str();
    command->add_option("--from", o->from, "First month (YYYY-MM; default: three years before --to)");
    command->add_option("--to", o->to, "Last month (YYYY-MM; default: the --as-of month)");
    command->add_option("--as-of", o->asOf, "Today's date for the analysis (YYYY-MM-DD)");
    auto* cohorts = command->add_flag("--cohorts", o->cohorts, "The cohort retention table by first-order year instead");
    command->add_flag("--satisfaction", o->satisfaction, "CSAT and NPS per period (and rep with --by rep) instead")
        ->excludes(cohorts);
    o->output.addOptions(*command);
    command->callback([o] {
        const Date asOf = dateOption(o->asOf, "--as-of", Date::today());
        ChurnRequest request;
        request.granularity = *kChurnGranularityCodes.parse(o->period);
        request.dimension = *kChurnDimensionCodes.parse(o->by);
        request.toMonth = monthOption(o->to, "--to", asOf.monthKey());
        request.fromMonth = monthOption(o->from, "--from", (request.toMonth / 100 - 2) * 100 + 1);
        if (request.fromMonth > request.toMonth) {
            throw CommandError(kExitUsage, "--from: the first month is after the last (--to)");
        }
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto facts = take(services::RetentionService(*portfolio).load(asOf));
        const auto reps = portfolio->reps().all();
        if (o->cohorts) {
            o->output.write(services::cohortReport(cohortTable(facts, request.toMonth / 100)));
        } else if (o->satisfaction) {
            o->output.write(services::satisfactionReport(
                satisfactionByRep(facts, request.granularity, request.dimension == ChurnDimension::Rep), reps));
        } else {
            o->output.write(services::churnReport(computeChurn(facts, request), request.dimension, reps, facts.reasons,
                                                  portfolio->settings().currency()));
        }
    });
}

void addAtRiskCommand(CLI::App& app)
{
    struct Options {
        std::string db, asOf;
        int dropPercent = 30;
        int limit = 0;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("at-risk", "Customers showing risk signals, highest score first, with the reasons");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--as-of", o->asOf, "Today's date for the analysis (YYYY-MM-DD)");
    command->add_option("--drop-pct", o->dropPercent, "Revenue down more than this % against the prior 12 months")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    command->add_option("--limit", o->limit, "At most this many customers (0: all)")->check(CLI::NonNegativeNumber);
    o->output.addOptions(*command);
    command->callback([o] {
        AtRiskRules rules;
        rules.asOf = dateOption(o->asOf, "--as-of", Date::today());
        rules.revenueDropPercent = o->dropPercent;
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::RetentionService service(*portfolio);
        const auto facts = take(service.load(rules.asOf));
        auto entries = findAtRisk(facts, rules);
        if (o->limit > 0 && entries.size() > static_cast<std::size_t>(o->limit)) {
            entries.resize(static_cast<std::size_t>(o->limit));
        }
        std::vector<std::uint32_t> positions;
        positions.reserve(entries.size());
        for (const auto& entry : entries) {
            positions.push_back(entry.customer);
        }
        const auto labels = take(service.labels(facts, positions));
        o->output.write(services::atRiskReport(entries, labels, portfolio->settings().currency()));
    });
}

void addCrossSellCommand(CLI::App& app)
{
    struct Options {
        std::string db, customer, asOf;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "cross-sell", "Categories that customers of the same industry buy and this one does not, with the evidence");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--customer", o->customer, "The customer's code")->required();
    command->add_option("--as-of", o->asOf, "The 12 months end with this date's month (YYYY-MM-DD)");
    o->output.addOptions(*command);
    command->callback([o] {
        const Date asOf = dateOption(o->asOf, "--as-of", Date::today());
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const Customer customer = customerByCode(*portfolio, o->customer);
        const auto result = take(services::RetentionService(*portfolio).crossSell(customer.id, asOf));
        const auto currency = portfolio->settings().currency();
        exchange::ReportTable table({"category", "buyers", "similar_customers", "share_pct", "orders_per_year",
                                     "revenue_per_buyer", "evidence"});
        for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
            const auto& s = result.suggestions[i];
            table.addRow({result.categoryNames[i], s.buyers, s.similar, exchange::Decimal{s.shareBp(), 2},
                          exchange::Decimal{s.ordersPerYearX10, 1}, Money{s.revenuePerBuyer, currency},
                          services::describeSuggestion(s)});
        }
        o->output.write(table);
    });
}

} // namespace

void addRetentionCommands(CLI::App& app)
{
    auto* exit = app.add_subcommand("exit", "Customer exits: record, list, reasons, win-back");
    exit->require_subcommand(1);
    addExitRecord(*exit);
    addExitList(*exit);
    addExitReasons(*exit);
    addExitWinBack(*exit);
    addChurnCommand(app);
    addAtRiskCommand(app);
    addCrossSellCommand(app);
}

} // namespace cartera::cli
