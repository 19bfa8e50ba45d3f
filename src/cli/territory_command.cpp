#include "cli/cli_support.h"

#include "domain/date.h"
#include "services/territory_report.h"
#include "services/territory_service.h"

#include <iostream>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

Date asOfDate(const std::string& text)
{
    if (text.empty()) {
        return Date::today();
    }
    const auto date = Date::parseIso(text);
    if (!date) {
        throw CommandError(kExitUsage, "--as-of: '" + text + "' is not a date in the form YYYY-MM-DD");
    }
    return *date;
}

void addListCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("list", "Every territory with its owner, overlay reps, rules and accounts");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::TerritoryService service(*portfolio);
        o->output.write(services::territoryListTable(take(service.territories()), take(service.reps()),
                                                     take(service.accountCounts())));
    });
}

void addAssignCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        bool preview = false;
        bool apply = false;
        std::string asOf;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "assign", "Run the territory rules over every account: --preview lists the accounts that would move, --apply "
                  "moves them (one transaction)");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    auto* preview = command->add_flag("--preview", o->preview, "List what would move; change nothing");
    auto* apply = command->add_flag("--apply", o->apply, "Move the accounts; prints what moved");
    preview->excludes(apply);
    command->add_option("--as-of", o->asOf, "The revenue that moves is that of the 12 months to this date (default: today)");
    o->output.addOptions(*command);
    command->callback([o] {
        if (!o->preview && !o->apply) {
            throw CommandError(kExitUsage, "territory assign: give --preview or --apply");
        }
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::TerritoryService service(*portfolio);
        const auto realignment = take(service.preview(asOfDate(o->asOf)));
        std::vector<CustomerId> ids;
        for (const auto& move : realignment.plan.moves) {
            ids.push_back(move.customer);
        }
        const auto labels = take(service.labels(ids));
        if (o->apply) {
            take(service.apply(realignment));
        }
        const auto& plan = realignment.plan;
        // The summary goes to standard error so that CSV and JSON on standard output stay clean.
        std::cerr << (o->apply ? "moved " : "would move ") << plan.moves.size() << " of " << plan.accounts
                  << " accounts (" << plan.repChanges << " to another rep, " << plan.movedAClass
                  << " class A, revenue " << Money{plan.movedRevenue, portfolio->settings().currency()}.toDecimalString() << "); "
                  << plan.locked << " locked, " << plan.unassigned.size() << " unassigned, " << plan.conflicts.size()
                  << " in overlapping territories\n";
        o->output.write(services::realignmentTable(realignment, take(service.reps()), labels,
                                                   portfolio->settings().currency()));
    });
}

} // namespace

void addTerritoryCommands(CLI::App& app)
{
    auto* territory = app.add_subcommand("territory", "Sales territories: list them, run their rules");
    territory->require_subcommand(1);
    addListCommand(*territory);
    addAssignCommand(*territory);
}

void addCoverageCommand(CLI::App& app)
{
    struct Options {
        std::string db;
        std::string by = "rep";
        std::string asOf;
        int days = 90;
        bool suggest = false;
        bool multiChannel = false;
        int moves = 10;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "coverage", "Coverage and balance per rep or territory, channel coordination per channel or channel x territory");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--by", o->by, "What the rows are")
        ->check(CLI::IsMember({"rep", "territory", "channel", "channel-territory"}))
        ->capture_default_str();
    command->add_option("--as-of", o->asOf, "The 12 months to this date, YYYY-MM-DD (default: today)");
    command->add_option("--days", o->days, "Accounts without a call, e-mail, meeting or visit in this many days")
        ->check(CLI::Range(1, 3650))
        ->capture_default_str();
    command->add_flag("--suggest", o->suggest, "List moves that would even out revenue per rep instead");
    command->add_flag("--multi-channel", o->multiChannel,
                      "List the accounts served through more than one channel instead (possible channel conflicts)");
    command->add_option("--moves", o->moves, "At most this many suggested moves")->check(CLI::Range(1, 1000))->capture_default_str();
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::TerritoryService service(*portfolio);
        const Date asOf = asOfDate(o->asOf);
        services::CoverageRequest request{MonthRange::twelveMonthsEndingWith(asOf), asOf, o->days, o->moves};
        const auto result = take(service.coverage(request));
        const auto currency = portfolio->settings().currency();
        const auto balance = [](const std::optional<double>& index) {
            return index ? std::to_string(*index).substr(0, 5) : std::string("n/a");
        };
        std::cerr << "balance index (coefficient of variation of revenue per rep): " << balance(result.coverage.balanceIndex)
                  << "; after the " << result.suggestions.size() << " suggested moves: "
                  << balance(result.balanceAfterSuggestions) << "; open pipeline: no opportunities are recorded yet\n";
        if (o->multiChannel) {
            std::vector<CustomerId> ids;
            for (const auto& account : result.channels.multiChannel) {
                ids.push_back(account.customer);
            }
            o->output.write(services::multiChannelTable(result, take(service.labels(ids))));
            return;
        }
        if (o->suggest) {
            const auto realignment = take(service.previewOverrides(result.suggestions, asOf));
            std::vector<CustomerId> ids;
            for (const auto& move : realignment.plan.moves) {
                ids.push_back(move.customer);
            }
            o->output.write(services::realignmentTable(realignment, result.reps, take(service.labels(ids)), currency));
            return;
        }
        const auto level = o->by == "territory"         ? services::CoverageLevel::Territory
                           : o->by == "channel"         ? services::CoverageLevel::Channel
                           : o->by == "channel-territory" ? services::CoverageLevel::ChannelTerritory
                                                          : services::CoverageLevel::Rep;
        o->output.write(services::coverageTable(result, level, currency));
    });
}

} // namespace cartera::cli
