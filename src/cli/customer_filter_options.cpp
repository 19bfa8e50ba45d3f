#include "cli/customer_filter_options.h"
#include "services/segment_service.h"

#include "cli/cli_support.h"

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

} // namespace

void CustomerFilterOptions::addOptions(CLI::App& command)
{
    command.add_option("--search", search, "Text found in name, code, city or e-mail");
    command.add_option("--country", country, "Two-letter country code (FR)");
    command.add_option("--region", region, "Region name");
    command.add_option("--industry", industry, "Industry name");
    command.add_option("--channel", channel, "direct, wholesale, retail or online");
    command.add_option("--kind", kind, "customer or prospect");
    command.add_option("--status", status, "active, inactive or exited");
    command.add_option("--size", size, "micro, small, medium, large or enterprise");
    command.add_option("--owner", owner, "Owner rep code (R01)");
    command.add_option("--segment", segment, "Only the members of this saved segment (see segment list)");
    command.add_option("--sort", sort, "Sort column")
        ->check(CLI::IsMember({"name", "code", "city", "country", "channel", "owner"}))
        ->capture_default_str();
    command.add_flag("--desc", descending, "Sort descending");
}

CustomerFilter CustomerFilterOptions::filter(services::Portfolio& portfolio) const
{
    CustomerFilter f;
    f.search = search;
    f.country = country;
    f.region = region;
    f.industry = industry;
    f.channel = parseOption(kSalesChannelCodes, channel, "--channel");
    f.kind = parseOption(kCustomerKindCodes, kind, "--kind");
    f.status = parseOption(kCustomerStatusCodes, status, "--status");
    f.sizeBand = parseOption(kSizeBandCodes, size, "--size");
    if (!owner.empty()) {
        const auto rep = portfolio.reps().findByCode(owner);
        if (!rep) {
            throw CommandError(kExitBadInput, "--owner: no sales rep has the code '" + owner + "'");
        }
        f.ownerRepId = rep->id;
    }
    if (!segment.empty()) {
        f.segmentId = take(services::SegmentService(portfolio).findByName(segment)).id;
    }
    return f;
}

CustomerSort CustomerFilterOptions::customerSort() const
{
    CustomerSort result;
    static const std::pair<const char*, CustomerSortKey> kSorts[] = {
        {"name", CustomerSortKey::Name},       {"code", CustomerSortKey::Code},
        {"city", CustomerSortKey::City},       {"country", CustomerSortKey::Country},
        {"channel", CustomerSortKey::Channel}, {"owner", CustomerSortKey::Owner}};
    for (const auto& [name, key] : kSorts) {
        if (sort == name) {
            result.key = key;
        }
    }
    result.descending = descending;
    return result;
}

} // namespace cartera::cli
