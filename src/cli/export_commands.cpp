// `customers export` and `segment export`: customer lists to CSV or XLSX files.

#include "cli/cli_support.h"
#include "cli/customer_filter_options.h"
#include "services/customer_export.h"
#include "services/segment_service.h"

#include <iostream>

namespace cartera::cli {

using namespace cartera::domain;
using namespace cartera::services;

namespace {

/// The options every export shares: --format, --profile, --out, --columns.
struct ExportOptions final {
    std::string format;   ///< empty: from --out's extension, else csv
    std::string profile = "excel-comma";
    std::string out;
    std::string columns;  ///< empty: the customer list's columns

    void addOptions(CLI::App& command)
    {
        command.add_option("--format", format, "csv or xlsx (default: from the --out extension, else csv)")
            ->check(CLI::IsMember({"csv", "xlsx"}));
        command.add_option("--profile", profile, "CSV dialect: " + exchange::csvProfileKeys())
            ->capture_default_str();
        command.add_option("--out", out, "The file to write (replaced only once complete)")->required();
        std::string keys;
        for (const auto& info : customerExportColumns()) {
            keys += (keys.empty() ? "" : ",") + std::string(info.key);
        }
        command.add_option("--columns", columns,
                           "Comma-separated columns, in order (default: the customer list's). Known: " + keys);
    }

    /// The request for these options, filter and sort; throws CommandError for a bad value.
    [[nodiscard]] CustomerExportRequest request(CustomerFilter filter, CustomerSort sort) const
    {
        CustomerExportRequest r;
        r.filter = std::move(filter);
        r.sort = sort;
        r.path = out;
        if (format == "xlsx") {
            r.format = ListFileFormat::Xlsx;
        } else if (format.empty()) {
            r.format = listFileFormatFor(r.path).value_or(ListFileFormat::Csv);
        }
        const auto chosen = exchange::parseCsvProfile(profile);
        if (!chosen) {
            throw CommandError(kExitUsage,
                               "--profile: '" + profile + "' is not one of " + exchange::csvProfileKeys());
        }
        r.profile = *chosen;
        if (!columns.empty()) {
            auto parsed = parseCustomerExportColumns(columns);
            if (!parsed) {
                throw CommandError(kExitUsage, parsed.error().describe());
            }
            r.columns = std::move(parsed.value());
        }
        return r;
    }
};

/// Runs an export and says on standard output what was written.
void runExport(Portfolio& portfolio, const CustomerExportRequest& request)
{
    const auto summary = take(CustomerExportService(portfolio).exportCustomers(request));
    std::cout << summary.rows << (summary.rows == 1 ? " customer" : " customers") << " written to "
              << request.path.string() << "\n";
}

} // namespace

void addCustomersExportCommand(CLI::App& customers)
{
    struct Options {
        std::string db;
        CustomerFilterOptions filter;
        ExportOptions output;
    };
    auto o = std::make_shared<Options>();
    auto* command = customers.add_subcommand(
        "export", "Write the customers a filter selects to a CSV or XLSX file, as the list shows them");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    o->filter.addOptions(*command);
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto filter = o->filter.filter(*portfolio);
        runExport(*portfolio, o->output.request(filter, o->filter.customerSort()));
    });
}

void addSegmentExportCommand(CLI::App& segment)
{
    struct Options {
        std::string db;
        std::string name;
        bool all = false;
        ExportOptions output;
    };
    auto o = std::make_shared<Options>();
    auto* command = segment.add_subcommand("export", "Write a segment's customers to a CSV or XLSX file");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    auto* name = command->add_option("--segment", o->name, "The saved segment (see segment list)");
    command->add_flag("--all", o->all, "Every customer (archived accounts left out)")->excludes(name);
    o->output.addOptions(*command);
    command->callback([o] {
        if (!o->all && o->name.empty()) {
            throw CommandError(kExitUsage, "say which customers: --segment NAME or --all");
        }
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        if (o->all) {
            auto request = o->output.request(CustomerFilter{}, CustomerSort{});
            request.title = "All customers";
            runExport(*portfolio, request);
            return;
        }
        const auto segment = take(services::SegmentService(*portfolio).findByName(o->name));
        CustomerFilter filter;
        filter.segmentId = segment.id;
        auto request = o->output.request(filter, CustomerSort{});
        request.title = "Segment " + segment.name;
        // The About sheet carries the segment's definition: its rules as saved (versioned JSON,
        // docs/segments.md) or, for a static list, that its members were picked by hand.
        request.definition = {
            {"Segment", segment.name},
            {"Kind", segment.kind == SegmentKind::Rule ? "rules" : "static list (hand-picked customers)"},
        };
        if (segment.kind == SegmentKind::Rule) {
            request.definition.emplace_back("Rules (JSON)", segment.definition);
        }
        runExport(*portfolio, request);
    });
}

} // namespace cartera::cli
