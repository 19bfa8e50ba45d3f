#include "cli/abc_options.h"

#include "services/portfolio.h"

#include <iostream>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

void addSaveCommand(CLI::App& parent)
{
    struct Options {
        AbcRunOptions run;
        std::string name;
        std::string date;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("save", "Classify as `abc` does and save the result as a dated snapshot");
    o->run.addOptions(*command);
    command->add_option("--name", o->name, "The snapshot's name (default: criterion, period and date)");
    command->add_option("--date", o->date, "The snapshot's date, YYYY-MM-DD (default: today)");
    command->callback([o] {
        Date date = Date::today();
        if (!o->date.empty()) {
            const auto parsed = Date::parseIso(o->date);
            if (!parsed) {
                throw CommandError(kExitUsage, "--date: '" + o->date + "' is not a date in the form YYYY-MM-DD");
            }
            date = *parsed;
        }
        auto portfolio = openPortfolio(o->run.db, storage::OpenMode::ReadWrite);
        services::AbcService service(*portfolio);
        services::AbcRequest request = o->run.request(*portfolio);
        request.withNames = false;
        const auto run = take(service.run(request));
        const auto info = take(service.saveSnapshot(run, o->name, date));
        std::cout << "Saved ABC snapshot " << info.id << " \"" << info.name << "\": " << info.classified
                  << " customers classified, " << info.apart << " listed apart\n";
    });
}

void addListCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("list", "List the saved snapshots, newest first");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto infos = take(services::AbcService(*portfolio).snapshots());
        exchange::ReportTable table(
            {"id", "name", "date", "criterion", "from", "to", "scope", "thresholds", "classified", "apart"});
        for (const auto& info : infos) {
            table.addRow({info.id, info.name, info.createdOn, std::string(kAbcCriterionCodes.code(info.criterion)),
                          MonthRange::formatMonth(info.period.fromMonth()),
                          MonthRange::formatMonth(info.period.toMonth()), describeScope(info.scope, *portfolio),
                          info.thresholds.toString(), info.classified, info.apart});
        }
        o->output.write(table);
    });
}

void addShowCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        std::int64_t id = 0;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("show", "List the customers of a snapshot with their class then");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--id", o->id, "The snapshot (see abc-snapshot list)")->required();
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::AbcService service(*portfolio);
        const auto snapshot = take(service.loadSnapshot(o->id));
        std::vector<CustomerId> ids;
        ids.reserve(snapshot.entries.size());
        for (const auto& entry : snapshot.entries) {
            ids.push_back(entry.customerId);
        }
        const auto labels = take(service.labels(ids));
        const auto currency = portfolio->settings().currency();
        exchange::ReportTable table({"rank", "code", "name", "value", "class"});
        for (std::size_t i = 0; i < snapshot.entries.size(); ++i) {
            const auto& entry = snapshot.entries[i];
            table.addRow({entry.abcClass ? exchange::Cell{entry.rank} : exchange::Cell{}, labels[i].code,
                          labels[i].name, valueCell(snapshot.info.criterion, entry.value, currency),
                          entry.abcClass ? exchange::Cell{std::string(kAbcClassCodes.code(*entry.abcClass))}
                                         : exchange::Cell{}});
        }
        o->output.write(table);
    });
}

/// The standings a comparison shows: A to C, D when either snapshot has it, apart and absent.
std::vector<AbcStanding> shownStandings(const AbcMigration& migration)
{
    std::vector<AbcStanding> standings;
    for (int i = 0; i < AbcMigration::kStandings; ++i) {
        const auto standing = static_cast<AbcStanding>(i);
        if (standing != AbcStanding::D || migration.classCount == 4) {
            standings.push_back(standing);
        }
    }
    return standings;
}

exchange::ReportTable matrixTable(const AbcMigration& migration)
{
    const auto standings = shownStandings(migration);
    std::vector<std::string> columns{"from"};
    for (const auto standing : standings) {
        columns.emplace_back(kAbcStandingCodes.code(standing));
    }
    columns.emplace_back("total");
    exchange::ReportTable table(columns);
    for (const auto from : standings) {
        std::vector<exchange::Cell> row{std::string(kAbcStandingCodes.code(from))};
        std::int64_t total = 0;
        for (const auto to : standings) {
            row.emplace_back(migration.count(from, to));
            total += migration.count(from, to);
        }
        row.emplace_back(total);
        table.addRow(std::move(row));
    }
    return table;
}

exchange::ReportTable customersTable(services::AbcService& service, const AbcMigration& migration)
{
    const auto standings = shownStandings(migration);
    exchange::ReportTable table({"code", "name", "from", "to", "movement"});
    for (const auto from : standings) {
        for (const auto to : standings) {
            const auto& ids = migration.customers(from, to);
            const auto labels = take(service.labels(ids));
            for (const auto& label : labels) {
                table.addRow({label.code, label.name, std::string(kAbcStandingCodes.code(from)),
                              std::string(kAbcStandingCodes.code(to)),
                              std::string(kAbcMovementCodes.code(movementOf(from, to)))});
            }
        }
    }
    return table;
}

exchange::ReportTable droppedTable(services::AbcService& service, const std::vector<AbcDrop>& drops)
{
    std::vector<CustomerId> ids;
    ids.reserve(drops.size());
    for (const auto& drop : drops) {
        ids.push_back(drop.customerId);
    }
    const auto labels = take(service.labels(ids));
    exchange::ReportTable table({"code", "name", "from", "to"});
    for (std::size_t i = 0; i < drops.size(); ++i) {
        table.addRow({labels[i].code, labels[i].name, std::string(kAbcClassCodes.code(drops[i].from)),
                      std::string(kAbcStandingCodes.code(drops[i].to))});
    }
    return table;
}

void addCompareCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        std::int64_t earlier = 0;
        std::int64_t later = 0;
        bool customers = false;
        bool dropped = false;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "compare", "How customers moved between two snapshots: the migration matrix, or the customers");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--earlier", o->earlier, "The earlier snapshot's id")->required();
    command->add_option("--later", o->later, "The later snapshot's id")->required();
    auto* customers = command->add_flag("--customers", o->customers, "One row per customer with both standings");
    command->add_flag("--dropped", o->dropped, "Only the customers that dropped a class, most valuable first")
        ->excludes(customers);
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::AbcService service(*portfolio);
        if (o->dropped) {
            o->output.write(droppedTable(service, take(service.droppedClass(o->earlier, o->later))));
            return;
        }
        const auto comparison = take(service.compare(o->earlier, o->later));
        o->output.write(o->customers ? customersTable(service, comparison.migration)
                                     : matrixTable(comparison.migration));
    });
}

void addDeleteCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        std::int64_t id = 0;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("delete", "Delete a snapshot");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--id", o->id, "The snapshot (see abc-snapshot list)")->required();
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        take(services::AbcService(*portfolio).deleteSnapshot(o->id));
        std::cout << "Deleted ABC snapshot " << o->id << "\n";
    });
}

} // namespace

void addAbcSnapshotCommands(CLI::App& app)
{
    auto* group = app.add_subcommand("abc-snapshot", "Save ABC classifications and compare them over time");
    group->require_subcommand(1);
    addSaveCommand(*group);
    addListCommand(*group);
    addShowCommand(*group);
    addCompareCommand(*group);
    addDeleteCommand(*group);
}

} // namespace cartera::cli
