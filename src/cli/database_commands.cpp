#include "cli/cli_support.h"

#include <iostream>
#include <string>
#include <vector>

namespace cartera::cli {

namespace {

/// The first line of a multi-line report and how many more there are: errors take one line.
std::string firstProblem(const std::string& report)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < report.size()) {
        auto end = report.find('\n', start);
        if (end == std::string::npos) {
            end = report.size();
        }
        if (end > start) {
            lines.push_back(report.substr(start, end - start));
        }
        start = end + 1;
    }
    if (lines.empty()) {
        return report;
    }
    return lines.size() == 1 ? lines.front()
                             : lines.front() + " (and " + std::to_string(lines.size() - 1) + " more problems)";
}

void addInfoCommand(CLI::App& app)
{
    struct Options {
        std::string db;
        ReportOutput output;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("info", "Show what a portfolio file holds");
    command->add_option("--db", options->db, "The portfolio database file")->required();
    options->output.addOptions(*command);
    command->callback([options] {
        auto portfolio = openPortfolio(options->db, storage::OpenMode::ReadWrite);
        const auto facts = portfolio->facts();
        exchange::ReportTable table({"item", "value"});
        const auto add = [&](const char* item, exchange::Cell value) { table.addRow({std::string(item), std::move(value)}); };
        add("file", options->db);
        add("schema_version", std::int64_t{facts.schemaVersion});
        add("currency", facts.currency);
        add("demo", std::string(facts.demo ? "yes" : "no"));
        add("customers", facts.counts.customers);
        add("prospects", facts.counts.prospects);
        add("contacts", facts.counts.contacts);
        add("reps", facts.counts.reps);
        add("products", facts.counts.products);
        add("orders", facts.counts.orders);
        add("order_lines", facts.counts.orderLines);
        add("first_order", facts.counts.firstOrderDate);
        add("last_order", facts.counts.lastOrderDate);
        options->output.write(table);
    });
}

void addCheckCommand(CLI::App& app)
{
    auto db = std::make_shared<std::string>();
    auto* command = app.add_subcommand(
        "check",
        "Check a portfolio file: SQLite integrity, foreign keys, monthly figures (in total and by category) against "
        "order lines");
    command->add_option("--db", *db, "The portfolio database file")->required();
    command->callback([db] {
        auto portfolio = openPortfolio(*db, storage::OpenMode::ReadWrite);
        const auto integrity = portfolio->database().integrityReport();
        const auto mismatches = portfolio->orders().countMonthlyFigureMismatches();
        const auto categoryMismatches = portfolio->orders().countCategoryFigureMismatches();
        if (integrity != "ok") {
            throw CommandError(kExitBadInput, *db + " failed the integrity check: " + firstProblem(integrity));
        }
        if (mismatches != 0) {
            throw CommandError(kExitBadInput, *db + ": " + std::to_string(mismatches) +
                                                  " customer-months differ from their order lines");
        }
        if (categoryMismatches != 0) {
            throw CommandError(kExitBadInput, *db + ": " + std::to_string(categoryMismatches) +
                                                  " customer-months by product category differ from their order lines");
        }
        std::cout << "ok\n";
    });
}

} // namespace

void addDatabaseCommands(CLI::App& app)
{
    addInfoCommand(app);
    addCheckCommand(app);
}

} // namespace cartera::cli
