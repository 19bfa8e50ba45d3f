#include "cli/cli_support.h"

#include "services/demo_portfolio.h"

#include <chrono>
#include <filesystem>
#include <iostream>

namespace cartera::cli {

void addDemoCommand(CLI::App& app)
{
    struct Options {
        std::int64_t customers = 250;
        std::uint64_t seed = 42;
        std::string out;
        std::string asOf;
        bool replace = false;
        bool quiet = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("demo", "Create a demo portfolio file with realistic customers and orders");
    command->add_option("--customers", options->customers, "Number of accounts (customers and prospects)")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{20'000'000}))
        ->capture_default_str();
    command->add_option("--seed", options->seed, "Random seed; the same seed and date give the same file")
        ->capture_default_str();
    command->add_option("--out", options->out, "The new database file")->required();
    auto* asOfOption = command->add_option("--as-of", options->asOf, "The demo's today, YYYY-MM-DD (default: today)");
    command->add_flag("--replace", options->replace, "Replace FILE if it exists");
    command->add_flag("--quiet", options->quiet, "Print nothing on success");
    command->callback([options, asOfOption] {
        if (options->out.empty()) {
            throw CommandError(kExitUsage, "--out: the name of the new database file is empty");
        }
        std::error_code ec;
        if (std::filesystem::is_directory(options->out, ec)) {
            throw CommandError(kExitBadInput, "--out: " + options->out + " is a folder; give the name of a new file");
        }
        services::DemoOptions demo;
        demo.customers = options->customers;
        demo.seed = options->seed;
        // Test the option, not the text: an explicit empty --as-of "" is an error, not "today".
        if (asOfOption->count() > 0) {
            const auto date = domain::Date::parseIso(options->asOf);
            if (!date) {
                throw CommandError(kExitUsage, "--as-of: '" + options->asOf + "' is not a date in the form YYYY-MM-DD");
            }
            demo.asOf = *date;
        }
        const auto started = std::chrono::steady_clock::now();
        const auto summary = take(services::createDemoPortfolioFile(options->out, demo, options->replace));
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!options->quiet) {
            std::cout << "Wrote " << options->out << ": " << summary.customers << " customers, " << summary.prospects
                      << " prospects, " << summary.contacts << " contacts, " << summary.orders << " orders, "
                      << summary.orderLines << " order lines, " << summary.activities << " activities, " << summary.opportunities << " opportunities in " << std::fixed << std::setprecision(1) << seconds
                      << " s\n";
        }
    });
}

} // namespace cartera::cli
