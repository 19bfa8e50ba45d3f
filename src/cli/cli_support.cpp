#include "cli/cli_support.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace cartera::cli {

void ReportOutput::addOptions(CLI::App& command)
{
    command.add_option("--format", format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    command.add_option("--out", path, "Write to FILE instead of standard output");
}

void ReportOutput::write(const exchange::ReportTable& table) const
{
    const auto chosen = exchange::parseReportFormat(format).value_or(exchange::ReportFormat::Table);
    if (path.empty()) {
        table.write(std::cout, chosen);
        std::cout.flush();
        return;
    }
    // Write beside the target and rename, so a failure never leaves half a file.
    const std::string temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            throw CommandError(kExitBadInput, "cannot write " + path + ": the folder does not exist or is not writable");
        }
        table.write(out, chosen);
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw CommandError(kExitBadInput, "cannot write " + path + ": the disk may be full");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;  // keep ec: it says why the rename failed
        std::filesystem::remove(temporary, ignored);
        throw CommandError(kExitBadInput, "cannot write " + path + ": " + ec.message());
    }
}

std::unique_ptr<services::Portfolio> openPortfolio(const std::string& path, storage::OpenMode mode)
{
    return take(services::Portfolio::open(path, mode));
}

} // namespace cartera::cli
