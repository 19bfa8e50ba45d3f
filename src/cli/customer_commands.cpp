#include "cli/cli_support.h"
#include "cli/customer_filter_options.h"

#include <iostream>
#include <limits>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

void addCustomersCommand(CLI::App& app)
{
    struct Options {
        std::string db;
        CustomerFilterOptions filter;
        std::int64_t limit = 100;
        std::int64_t offset = 0;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("customers", "List customers and prospects, filtered and sorted");
    // Not required() here: `customers export` takes its own --db, and CLI11 would ask for this one.
    command->add_option("--db", o->db, "The portfolio database file");
    o->filter.addOptions(*command);
    // Range over int64, not NonNegativeNumber: its message printed the largest double in full.
    const CLI::Range nonNegative(std::int64_t{0}, std::numeric_limits<std::int64_t>::max());
    command->add_option("--limit", o->limit, "At most N rows (0 = all)")->check(nonNegative)->capture_default_str();
    command->add_option("--offset", o->offset, "Skip the first N rows")->check(nonNegative);
    o->output.addOptions(*command);
    addCustomersExportCommand(*command);
    command->callback([o, command] {
        if (!command->get_subcommands().empty()) {
            return;  // `customers export` ran
        }
        if (o->db.empty()) {
            throw CommandError(kExitUsage, "--db is required");
        }
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto filter = o->filter.filter(*portfolio);
        const auto sort = o->filter.customerSort();
        const int limit = o->limit == 0 ? -1 : static_cast<int>(std::min<std::int64_t>(o->limit, INT32_MAX));
        const auto rows = portfolio->customers().list(filter, sort, o->offset, limit);
        exchange::ReportTable table(
            {"code", "name", "kind", "industry", "city", "country", "channel", "owner", "status"});
        for (const auto& row : rows) {
            table.addRow({row.code, row.name, std::string(kCustomerKindCodes.code(row.kind)), row.industry, row.city,
                          row.country, std::string(kSalesChannelCodes.code(row.channel)), row.ownerName,
                          std::string(kCustomerStatusCodes.code(row.status))});
        }
        o->output.write(table);
    });
}

void addRepsCommand(CLI::App& app)
{
    struct Options {
        std::string db;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("reps", "List sales reps and their managers");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto reps = portfolio->reps().all();
        exchange::ReportTable table({"code", "name", "email", "team", "manager", "active"});
        for (const auto& rep : reps) {
            std::string manager;
            for (const auto& other : reps) {
                if (rep.managerId && other.id == *rep.managerId) {
                    manager = other.code;
                }
            }
            table.addRow({rep.code, rep.name, rep.email, rep.team, manager, std::string(rep.active ? "yes" : "no")});
        }
        o->output.write(table);
    });
}

} // namespace

void addCustomerCommands(CLI::App& app)
{
    addCustomersCommand(app);
    addRepsCommand(app);
}

} // namespace cartera::cli
