// cartera-cli segment list|show|count|members|create|delete|rfm (docs/segments.md).

#include "cli/cli_support.h"
#include "cli/period_options.h"
#include "domain/tiers.h"
#include "services/rfm_service.h"
#include "services/segment_service.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

Date parseDateOption(const std::string& text, const char* option)
{
    if (text.empty()) {
        return Date::today();
    }
    const auto date = Date::parseIso(text);
    if (!date) {
        throw CommandError(kExitUsage, std::string(option) + ": '" + text + "' is not a date in the form YYYY-MM-DD");
    }
    return *date;
}

/// Options every command on one segment takes.
struct OneSegment {
    std::string db;
    std::string name;
    std::string asOf;

    void addOptions(CLI::App& command, bool withAsOf)
    {
        command.add_option("--db", db, "The portfolio database file")->required();
        command.add_option("--name", name, "The segment's name (see segment list)")->required();
        if (withAsOf) {
            command.add_option("--as-of", asOf,
                               "Evaluate behaviour conditions on this date, YYYY-MM-DD (default: today)");
        }
    }
};

void addListCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        std::string asOf;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("list", "List the saved segments with their member counts");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--as-of", o->asOf, "Count members on this date, YYYY-MM-DD (default: today)");
    o->output.addOptions(*command);
    command->callback([o] {
        const Date asOf = parseDateOption(o->asOf, "--as-of");
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::SegmentService service(*portfolio);
        exchange::ReportTable table({"id", "name", "kind", "members", "updated"});
        for (const auto& record : take(service.list())) {
            table.addRow({record.id, record.name, std::string(kSegmentKindCodes.code(record.kind)),
                          take(service.count(record.id, asOf)), record.updated});
        }
        o->output.write(table);
    });
}

void addShowCommand(CLI::App& parent)
{
    auto o = std::make_shared<OneSegment>();
    auto* command = parent.add_subcommand("show", "Show a segment: kind, dates, member count and its rules as JSON");
    o->addOptions(*command, true);
    command->callback([o] {
        const Date asOf = parseDateOption(o->asOf, "--as-of");
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::SegmentService service(*portfolio);
        const auto record = take(service.findByName(o->name));
        std::cout << "Segment " << record.id << " \"" << record.name << "\" ("
                  << kSegmentKindCodes.code(record.kind) << "), created " << record.created.toIso() << ", updated "
                  << record.updated.toIso() << "\n";
        std::cout << "Members on " << asOf.toIso() << ": " << take(service.count(record.id, asOf)) << "\n";
        if (record.kind == SegmentKind::Rule) {
            const auto json = nlohmann::json::parse(record.definition, nullptr, false);
            std::cout << (json.is_discarded() ? record.definition : json.dump(2)) << "\n";
        }
    });
}

void addCountCommand(CLI::App& parent)
{
    auto o = std::make_shared<OneSegment>();
    auto* command = parent.add_subcommand("count", "Print how many customers a segment holds");
    o->addOptions(*command, true);
    command->callback([o] {
        const Date asOf = parseDateOption(o->asOf, "--as-of");
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::SegmentService service(*portfolio);
        const auto record = take(service.findByName(o->name));
        std::cout << take(service.count(record.id, asOf)) << "\n";
    });
}

void addMembersCommand(CLI::App& parent)
{
    struct Options : OneSegment {
        std::int64_t limit = 100;
        std::int64_t offset = 0;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("members", "List a segment's customers by name, a page at a time");
    o->addOptions(*command, true);
    command->add_option("--limit", o->limit, "At most N rows (0 = all)")->check(CLI::NonNegativeNumber)->capture_default_str();
    command->add_option("--offset", o->offset, "Skip the first N rows")->check(CLI::NonNegativeNumber);
    o->output.addOptions(*command);
    command->callback([o] {
        const Date asOf = parseDateOption(o->asOf, "--as-of");
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto record = take(services::SegmentService(*portfolio).findByName(o->name));
        CustomerFilter filter;
        filter.segmentId = record.id;
        filter.segmentAsOf = asOf;
        const int limit = o->limit == 0 || o->limit > std::numeric_limits<int>::max()
                              ? std::numeric_limits<int>::max()
                              : static_cast<int>(o->limit);
        std::vector<storage::CustomerListRow> rows;
        try {
            rows = portfolio->customers().list(filter, CustomerSort{}, o->offset, limit);
        } catch (const std::exception& e) {
            throw CommandError(services::toError(e, "segment"));
        }
        exchange::ReportTable table({"code", "name", "city", "country", "channel", "owner", "status"});
        for (const auto& row : rows) {
            table.addRow({row.code, row.name, row.city, row.country, std::string(kSalesChannelCodes.code(row.channel)),
                          row.ownerName, std::string(kCustomerStatusCodes.code(row.status))});
        }
        o->output.write(table);
    });
}

void addCreateCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        std::string name;
        std::string file;
        std::string customers;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "create", "Save a rule segment from a JSON file (docs/segments.md), or a static list of customer codes");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--name", o->name, "The new segment's name")->required();
    auto* file = command->add_option("--file", o->file, "The rules, versioned JSON");
    auto* customers = command->add_option("--customers", o->customers, "A static list: customer codes, comma separated");
    file->excludes(customers);
    command->callback([o] {
        if (o->file.empty() && o->customers.empty()) {
            throw CommandError(kExitUsage, "give --file RULES.json or --customers CODE,CODE,...");
        }
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::SegmentService service(*portfolio);
        storage::SegmentRecord record;
        if (!o->file.empty()) {
            std::ifstream in(o->file, std::ios::binary);
            if (!in) {
                throw CommandError(kExitBadInput, o->file + ": cannot be read");
            }
            std::ostringstream text;
            text << in.rdbuf();
            auto created = service.createRuleFromJson(o->name, text.str(), Date::today());
            if (!created) {
                throw CommandError(kExitBadInput, o->file + ": " + created.error().describe());
            }
            record = created.value();
        } else {
            std::vector<CustomerId> ids;
            std::stringstream codes(o->customers);
            std::string code;
            while (std::getline(codes, code, ',')) {
                if (code.empty()) {
                    continue;
                }
                const auto found = portfolio->customers().findByCode(code);
                if (!found) {
                    throw CommandError(kExitBadInput, "--customers: no customer has the code '" + code + "'");
                }
                ids.push_back(found->id);
            }
            record = take(service.createStatic(o->name, ids, Date::today()));
        }
        std::cout << "Saved segment " << record.id << " \"" << record.name << "\": "
                  << take(service.count(record.id, Date::today())) << " customers today\n";
    });
}

void addDeleteCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        std::string name;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand("delete", "Delete a saved segment (its customers stay)");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--name", o->name, "The segment's name")->required();
    command->callback([o] {
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::SegmentService service(*portfolio);
        const auto record = take(service.findByName(o->name));
        take(service.remove(record.id));
        std::cout << "Deleted segment \"" << record.name << "\"\n";
    });
}

void addRfmCommand(CLI::App& parent)
{
    struct Options {
        std::string db;
        PeriodOptions period;
        ReportOutput output;
        bool dryRun = false;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "rfm", "Score recency, frequency and monetary quintiles and save each cell as the static list \"RFM: <cell>\"");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    o->period.addOptions(*command);
    command->add_flag("--dry-run", o->dryRun, "Show the cells without saving them");
    o->output.addOptions(*command);
    command->callback([o] {
        const auto period = o->period.period();
        // Recency counts to the period's last day, or to today while the period is running.
        Date asOf = o->period.asOf.empty() ? std::min(Date::today(), periodEnd(period))
                                           : parseDateOption(o->period.asOf, "--as-of");
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        services::RfmService service(*portfolio);
        const auto result = take(service.run(period, asOf));
        if (!o->dryRun) {
            take(service.saveAsSegments(result, Date::today()));
        }
        exchange::ReportTable table({"cell", "segment", "customers"});
        for (std::size_t i = 0; i < result.cellCounts.size(); ++i) {
            const auto cell = static_cast<RfmCell>(i);
            table.addRow({std::string(rfmCellName(cell)), services::RfmService::segmentName(cell), result.cellCounts[i]});
        }
        o->output.write(table);
    });
}

} // namespace

void addSegmentCommands(CLI::App& app)
{
    auto* segment = app.add_subcommand("segment", "Saved segments: rules and static lists (docs/segments.md)");
    segment->require_subcommand(1);
    addListCommand(*segment);
    addShowCommand(*segment);
    addCountCommand(*segment);
    addMembersCommand(*segment);
    addCreateCommand(*segment);
    addDeleteCommand(*segment);
    addRfmCommand(*segment);
    addSegmentExportCommand(*segment);
}

} // namespace cartera::cli
