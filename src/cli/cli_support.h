#pragma once

#include "domain/error.h"
#include "exchange/report_table.h"
#include "services/portfolio.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <stdexcept>
#include <string>

namespace cartera::cli {

/// Exit codes every command follows.
enum ExitCode : int {
    kExitOk = 0,
    kExitBadInput = 1,  ///< a file, value or database the user gave is wrong or unreadable
    kExitUsage = 2,     ///< the command line itself is wrong
};

/// Thrown by a command to stop with a one-line message on standard error.
class CommandError final : public std::runtime_error {
public:
    CommandError(int exitCode, const std::string& message) : std::runtime_error(message), m_exitCode(exitCode) {}
    explicit CommandError(const domain::Error& error)
        : std::runtime_error(error.describe()), m_exitCode(kExitBadInput)
    {
    }
    [[nodiscard]] int exitCode() const { return m_exitCode; }

private:
    int m_exitCode;
};

/// The --format and --out options of a report command.
struct ReportOutput final {
    std::string format = "table";
    std::string path;  ///< empty: standard output

    void addOptions(CLI::App& command);
    /// Writes the table in the chosen format to the chosen place; throws CommandError.
    void write(const exchange::ReportTable& table) const;
};

/// Opens --db for a command; a missing, foreign, damaged or newer file becomes a CommandError.
std::unique_ptr<services::Portfolio> openPortfolio(const std::string& path, storage::OpenMode mode);

/// Unwraps a service result or throws its error as a CommandError.
template <typename T>
T take(domain::Result<T> result)
{
    if (!result) {
        throw CommandError(result.error());
    }
    return std::move(result.value());
}

void addDemoCommand(CLI::App& app);
void addDatabaseCommands(CLI::App& app);
void addCustomerCommands(CLI::App& app);
/// `customers export`, under the `customers` command.
void addCustomersExportCommand(CLI::App& customers);
/// `segment export`, under the `segment` command.
void addSegmentExportCommand(CLI::App& segment);
void addAbcCommand(CLI::App& app);
void addAbcSnapshotCommands(CLI::App& app);
void addTiersCommand(CLI::App& app);
void addPortfolioCommand(CLI::App& app);
void addTerritoryCommands(CLI::App& app);
void addCoverageCommand(CLI::App& app);
/// `segment list|show|count|members|create|delete|rfm|export`.
void addSegmentCommands(CLI::App& app);
void addPipelineCommands(CLI::App& app);
void addRetentionCommands(CLI::App& app);

} // namespace cartera::cli
