#include "cli/cli_support.h"
#include "services/segment_service.h"

#include <iostream>
#include <limits>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parseOption(const EnumCodes<Enum, N>& codes, const std::string& text, const char* option)
{
    if (text.empty()) {
        return std::nullopt;
    }
    if (auto value = codes.parse(text)) {
        return value;
    }
    std::string expected;
    for (const auto& [e, code] : codes.entries) {
        expected += (expected.empty() ? "" : ", ") + std::string(code);
    }
    throw CommandError(kExitUsage, std::string(option) + ": '" + text + "' is not one of " + expected);
}

void addCustomersCommand(CLI::App& app)
{
    struct Options {
        std::string db;
        std::string search, country, region, industry, channel, kind, status, size, owner, segment;
        std::string sort = "name";
        bool descending = false;
        std::int64_t limit = 100;
        std::int64_t offset = 0;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("customers", "List customers and prospects, filtered and sorted");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    command->add_option("--search", o->search, "Text found in name, code, city or e-mail");
    command->add_option("--country", o->country, "Two-letter country code (FR)");
    command->add_option("--region", o->region, "Region name");
    command->add_option("--industry", o->industry, "Industry name");
    command->add_option("--channel", o->channel, "direct, wholesale, retail or online");
    command->add_option("--kind", o->kind, "customer or prospect");
    command->add_option("--status", o->status, "active, inactive or exited");
    command->add_option("--size", o->size, "micro, small, medium, large or enterprise");
    command->add_option("--owner", o->owner, "Owner rep code (R01)");
    command->add_option("--segment", o->segment, "Only the members of this saved segment (see segment list)");
    command->add_option("--sort", o->sort, "Sort column")
        ->check(CLI::IsMember({"name", "code", "city", "country", "channel", "owner"}))
        ->capture_default_str();
    command->add_flag("--desc", o->descending, "Sort descending");
    // Range over int64, not NonNegativeNumber: its message printed the largest double in full.
    const CLI::Range nonNegative(std::int64_t{0}, std::numeric_limits<std::int64_t>::max());
    command->add_option("--limit", o->limit, "At most N rows (0 = all)")->check(nonNegative)->capture_default_str();
    command->add_option("--offset", o->offset, "Skip the first N rows")->check(nonNegative);
    o->output.addOptions(*command);
    command->callback([o] {
        CustomerFilter filter;
        filter.search = o->search;
        filter.country = o->country;
        filter.region = o->region;
        filter.industry = o->industry;
        filter.channel = parseOption(kSalesChannelCodes, o->channel, "--channel");
        filter.kind = parseOption(kCustomerKindCodes, o->kind, "--kind");
        filter.status = parseOption(kCustomerStatusCodes, o->status, "--status");
        filter.sizeBand = parseOption(kSizeBandCodes, o->size, "--size");
        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        if (!o->owner.empty()) {
            const auto rep = portfolio->reps().findByCode(o->owner);
            if (!rep) {
                throw CommandError(kExitBadInput, "--owner: no sales rep has the code '" + o->owner + "'");
            }
            filter.ownerRepId = rep->id;
        }
        if (!o->segment.empty()) {
            filter.segmentId = take(services::SegmentService(*portfolio).findByName(o->segment)).id;
        }
        CustomerSort sort;
        static const std::pair<const char*, CustomerSortKey> kSorts[] = {
            {"name", CustomerSortKey::Name},       {"code", CustomerSortKey::Code},
            {"city", CustomerSortKey::City},       {"country", CustomerSortKey::Country},
            {"channel", CustomerSortKey::Channel}, {"owner", CustomerSortKey::Owner}};
        for (const auto& [name, key] : kSorts) {
            if (o->sort == name) {
                sort.key = key;
            }
        }
        sort.descending = o->descending;
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
