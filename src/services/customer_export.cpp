#include "services/customer_export.h"

#include "domain/countries.h"
#include "exchange/atomic_file.h"
#include "exchange/csv_writer.h"
#include "exchange/xlsx_writer.h"
#include "services/portfolio.h"
#include "storage/database.h"
#include "domain/month_range.h"

#include <chrono>
#include <ctime>
#include <deque>

namespace cartera::services {

namespace fs = std::filesystem;
using namespace cartera::domain;
using storage::CustomerField;
using storage::CustomerScanRow;

namespace {

/// Rows between two looks at the cancel flag and two progress reports.
constexpr std::int64_t kCancelStride = 1024;
constexpr std::int64_t kProgressStride = 16384;

CustomerField fieldOf(CustomerExportColumn column)
{
    switch (column) {
    case CustomerExportColumn::Code:
        return CustomerField::Code;
    case CustomerExportColumn::Name:
        return CustomerField::Name;
    case CustomerExportColumn::Kind:
        return CustomerField::Kind;
    case CustomerExportColumn::Industry:
        return CustomerField::Industry;
    case CustomerExportColumn::SizeBand:
        return CustomerField::SizeBand;
    case CustomerExportColumn::City:
        return CustomerField::City;
    case CustomerExportColumn::PostalCode:
        return CustomerField::PostalCode;
    case CustomerExportColumn::Region:
        return CustomerField::Region;
    case CustomerExportColumn::Country:
    case CustomerExportColumn::CountryCode:
        return CustomerField::Country;
    case CustomerExportColumn::Channel:
        return CustomerField::Channel;
    case CustomerExportColumn::Owner:
        return CustomerField::OwnerName;
    case CustomerExportColumn::OwnerCode:
        return CustomerField::OwnerCode;
    case CustomerExportColumn::Status:
        return CustomerField::Status;
    case CustomerExportColumn::Email:
        return CustomerField::Email;
    case CustomerExportColumn::Phone:
        return CustomerField::Phone;
    case CustomerExportColumn::Website:
        return CustomerField::Website;
    case CustomerExportColumn::CreatedOn:
        return CustomerField::CreatedOn;
    case CustomerExportColumn::Strategic:
        return CustomerField::Strategic;
    case CustomerExportColumn::Revenue12Months:
        return CustomerField::RevenueInPeriod;
    case CustomerExportColumn::Margin12Months:
        return CustomerField::MarginInPeriod;
    case CustomerExportColumn::Count:
        break;
    }
    return CustomerField::Code;
}

/// The label of a stored enumeration code, found by comparing with the few codes there are.
template <typename Enum, std::size_t N, std::size_t L>
std::string_view labelOf(const EnumCodes<Enum, N>& codes, const std::array<std::string, L>& labels,
                         std::string_view code)
{
    for (std::size_t i = 0; i < N && i < L; ++i) {
        if (codes.entries[i].second == code) {
            return labels[static_cast<std::size_t>(codes.entries[i].first)];
        }
    }
    return code;  // an unknown code (a newer file) is shown as stored rather than lost
}

/// Country names by code, looked up once per distinct code (a handful in a portfolio).
class CountryNames final {
public:
    explicit CountryNames(const std::function<std::string(std::string_view)>& lookup) : m_lookup(lookup) {}

    std::string_view nameOf(std::string_view code)
    {
        if (code.empty()) {
            return {};
        }
        for (const auto& [known, name] : m_names) {
            if (known == code) {
                return name;
            }
        }
        std::string name = m_lookup ? m_lookup(code) : std::string(countryName(code));
        if (name.empty()) {
            name = std::string(code);
        }
        return m_names.emplace_back(std::string(code), std::move(name)).second;
    }

private:
    const std::function<std::string(std::string_view)>& m_lookup;
    std::deque<std::pair<std::string, std::string>> m_names;  // deque: names stay where they are
};

/// Writes one row's cells to either file format; CSV gets string views, XLSX typed cells.
class RowWriter {
public:
    virtual ~RowWriter() = default;
    virtual void text(std::string_view value) = 0;
    virtual void isoDate(std::string_view value) = 0;
    virtual void money(std::int64_t minor) = 0;
    virtual domain::Status endRow() = 0;
};

class CsvRowWriter final : public RowWriter {
public:
    CsvRowWriter(exchange::CsvWriter& csv, int moneyDigits) : m_csv(csv), m_moneyDigits(moneyDigits) {}
    void text(std::string_view value) override { m_csv.text(value); }
    void isoDate(std::string_view value) override { m_csv.isoDate(value); }
    void money(std::int64_t minor) override { m_csv.money(minor, m_moneyDigits); }
    domain::Status endRow() override
    {
        m_csv.endRow();
        return Done{};
    }

private:
    exchange::CsvWriter& m_csv;
    int m_moneyDigits;
};

class XlsxRowWriter final : public RowWriter {
public:
    XlsxRowWriter(exchange::XlsxWriter& xlsx, CurrencyCode currency) : m_xlsx(xlsx), m_currency(currency) {}
    void text(std::string_view value) override { m_cells.emplace_back(std::string(value)); }
    void money(std::int64_t minor) override { m_cells.emplace_back(Money{minor, m_currency}); }
    void isoDate(std::string_view value) override
    {
        if (auto date = Date::parseIso(value)) {
            m_cells.emplace_back(*date);
        } else {
            m_cells.emplace_back(std::string(value));
        }
    }
    domain::Status endRow() override
    {
        auto added = m_xlsx.addRow(m_cells);
        m_cells.clear();
        return added;
    }

private:
    exchange::XlsxWriter& m_xlsx;
    CurrencyCode m_currency;
    std::vector<exchange::Cell> m_cells;
};

std::string nowUtc()
{
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

std::string sortWords(const CustomerSort& sort)
{
    static constexpr std::string_view kNames[] = {"code", "name", "city", "country", "channel", "owner", "kind",
                                                  "industry", "status"};
    const auto index = static_cast<std::size_t>(sort.key);
    const std::string_view key = index < std::size(kNames) ? kNames[index] : "name";
    return std::string(key) + (sort.descending ? ", descending" : ", ascending");
}

} // namespace

const std::vector<CustomerExportColumnInfo>& customerExportColumns()
{
    static const std::vector<CustomerExportColumnInfo> columns{
        {CustomerExportColumn::Code, "code", "Code"},
        {CustomerExportColumn::Name, "name", "Name"},
        {CustomerExportColumn::Kind, "kind", "Kind"},
        {CustomerExportColumn::Industry, "industry", "Industry"},
        {CustomerExportColumn::SizeBand, "size_band", "Size band"},
        {CustomerExportColumn::City, "city", "City"},
        {CustomerExportColumn::PostalCode, "postal_code", "Postal code"},
        {CustomerExportColumn::Region, "region", "Region"},
        {CustomerExportColumn::Country, "country", "Country"},
        {CustomerExportColumn::CountryCode, "country_code", "Country code"},
        {CustomerExportColumn::Channel, "channel", "Channel"},
        {CustomerExportColumn::Owner, "owner", "Owner"},
        {CustomerExportColumn::OwnerCode, "owner_code", "Owner code"},
        {CustomerExportColumn::Status, "status", "Status"},
        {CustomerExportColumn::Email, "email", "E-mail"},
        {CustomerExportColumn::Phone, "phone", "Phone"},
        {CustomerExportColumn::Website, "website", "Website"},
        {CustomerExportColumn::CreatedOn, "created_on", "Created on"},
        {CustomerExportColumn::Strategic, "strategic", "Strategic"},
        {CustomerExportColumn::Revenue12Months, "revenue_12m", "Revenue (12 months)"},
        {CustomerExportColumn::Margin12Months, "margin_12m", "Gross margin (12 months)"},
    };
    return columns;
}

const CustomerExportColumnInfo& customerExportColumnInfo(CustomerExportColumn column)
{
    for (const auto& info : customerExportColumns()) {
        if (info.column == column) {
            return info;
        }
    }
    return customerExportColumns().front();
}

std::vector<CustomerExportColumn> defaultCustomerExportColumns()
{
    return {CustomerExportColumn::Code,    CustomerExportColumn::Name,  CustomerExportColumn::Kind,
            CustomerExportColumn::Industry, CustomerExportColumn::City, CustomerExportColumn::Country,
            CustomerExportColumn::Channel, CustomerExportColumn::Owner, CustomerExportColumn::Status};
}

Result<std::vector<CustomerExportColumn>> parseCustomerExportColumns(std::string_view keys)
{
    std::vector<CustomerExportColumn> columns;
    std::size_t from = 0;
    while (from <= keys.size()) {
        const auto comma = keys.find(',', from);
        auto key = keys.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
        while (!key.empty() && key.front() == ' ') {
            key.remove_prefix(1);
        }
        while (!key.empty() && key.back() == ' ') {
            key.remove_suffix(1);
        }
        if (!key.empty()) {
            const CustomerExportColumnInfo* found = nullptr;
            for (const auto& info : customerExportColumns()) {
                if (info.key == key) {
                    found = &info;
                }
            }
            if (!found) {
                std::string known;
                for (const auto& info : customerExportColumns()) {
                    known += (known.empty() ? "" : ", ") + std::string(info.key);
                }
                return invalidInput("'" + std::string(key) + "' is not a column; known columns: " + known, "--columns");
            }
            columns.push_back(found->column);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        from = comma + 1;
    }
    if (columns.empty()) {
        return invalidInput("no column named", "--columns");
    }
    return columns;
}

CustomerExportService::CustomerExportService(Portfolio& portfolio) : m_portfolio(portfolio) {}

std::vector<std::pair<std::string, std::string>> CustomerExportService::describeCustomerFilter(
    const CustomerFilter& filter, const CustomerSort& sort) const
{
    const CustomerExportLabels words;
    std::vector<std::pair<std::string, std::string>> lines;
    if (filter.search.find_first_not_of(" \t") != std::string::npos) {
        lines.emplace_back("Search", "\"" + filter.search + "\" (words starting so in name, code, city, e-mail or contacts)");
    }
    if (filter.kind) {
        lines.emplace_back("Kind", words.kind[static_cast<std::size_t>(*filter.kind)]);
    }
    if (filter.status) {
        lines.emplace_back("Status", words.status[static_cast<std::size_t>(*filter.status)]);
    }
    if (filter.sizeBand) {
        lines.emplace_back("Size band", words.sizeBand[static_cast<std::size_t>(*filter.sizeBand)]);
    }
    if (filter.channel) {
        lines.emplace_back("Channel", words.channel[static_cast<std::size_t>(*filter.channel)]);
    }
    if (!filter.country.empty()) {
        const auto name = countryName(filter.country);
        lines.emplace_back("Country", name.empty() ? filter.country : std::string(name) + " (" + filter.country + ")");
    }
    if (!filter.region.empty()) {
        lines.emplace_back("Region", filter.region);
    }
    if (!filter.industry.empty()) {
        lines.emplace_back("Industry", filter.industry);
    }
    if (filter.ownerRepId) {
        const auto rep = m_portfolio.reps().find(*filter.ownerRepId);
        lines.emplace_back("Owner", rep ? rep->name + " (" + rep->code + ")" : "rep " + std::to_string(*filter.ownerRepId));
    }
    if (lines.empty()) {
        lines.emplace_back("Customers", "All");
    }
    lines.emplace_back("Archived accounts", filter.includeArchived ? "Included" : "Left out");
    lines.emplace_back("Sorted by", sortWords(sort));
    return lines;
}

Result<ExportSummary> CustomerExportService::exportCustomers(const CustomerExportRequest& request,
                                                             const ExportControl& control) const
{
    if (request.columns.empty()) {
        return invalidInput("choose at least one column to export", request.path.string());
    }
    if (!request.labels.headers.empty() && request.labels.headers.size() != request.columns.size()) {
        return Error{ErrorCode::Internal, "one header per column expected", request.path.string()};
    }
    std::vector<std::string> headers = request.labels.headers;
    if (headers.empty()) {
        for (const auto column : request.columns) {
            headers.emplace_back(customerExportColumnInfo(column).label);
        }
    }
    std::vector<CustomerField> fields;
    fields.reserve(request.columns.size());
    for (const auto column : request.columns) {
        fields.push_back(fieldOf(column));
    }

    try {
        const auto& db = m_portfolio.database();
        // One snapshot for the count (progress, the About sheet) and the rows.
        storage::ReadTransaction snapshot(db);
        const auto total = m_portfolio.customers().count(request.filter);
        const auto currency = m_portfolio.settings().currency();
        const auto period = MonthRange::twelveMonthsEndingWith(request.asOf);
        bool withFigures = false;
        for (const auto column : request.columns) {
            withFigures = withFigures || column == CustomerExportColumn::Revenue12Months ||
                          column == CustomerExportColumn::Margin12Months;
        }
        if (request.format == ListFileFormat::Xlsx && total > exchange::XlsxWriter::kMaxDataRows) {
            return invalidInput("the list has " + std::to_string(total) +
                                    " customers and an Excel sheet holds at most 1,048,575 rows under its "
                                    "header; narrow the filter or export to CSV",
                                request.path.string());
        }

        std::unique_ptr<exchange::AtomicFile> file;
        std::unique_ptr<exchange::CsvWriter> csv;
        std::unique_ptr<exchange::XlsxWriter> xlsx;
        std::unique_ptr<RowWriter> rows;
        if (request.format == ListFileFormat::Xlsx) {
            auto created = exchange::XlsxWriter::create(request.path, request.title, headers);
            if (!created) {
                return created.error();
            }
            xlsx = std::move(created.value());
            rows = std::make_unique<XlsxRowWriter>(*xlsx, currency);
        } else {
            auto created = exchange::AtomicFile::create(request.path);
            if (!created) {
                return created.error();
            }
            file = std::move(created.value());
            csv = std::make_unique<exchange::CsvWriter>(
                [target = file.get()](std::string_view bytes) { target->write(bytes); }, request.profile);
            csv->writeHeader(headers);
            rows = std::make_unique<CsvRowWriter>(*csv, currency.minorDigits());
        }

        const auto& labels = request.labels;
        CountryNames countries(labels.countryName);
        ExportSummary summary;
        Status failed = Done{};
        const auto& columns = request.columns;
        const std::size_t columnCount = columns.size();
        m_portfolio.customers().scan(request.filter, request.sort, fields, [&](const CustomerScanRow& row) {
            for (std::size_t i = 0; i < columnCount; ++i) {
                switch (columns[i]) {
                case CustomerExportColumn::Kind:
                    rows->text(labelOf(kCustomerKindCodes, labels.kind, row.text(i)));
                    break;
                case CustomerExportColumn::SizeBand:
                    rows->text(labelOf(kSizeBandCodes, labels.sizeBand, row.text(i)));
                    break;
                case CustomerExportColumn::Channel:
                    rows->text(labelOf(kSalesChannelCodes, labels.channel, row.text(i)));
                    break;
                case CustomerExportColumn::Status:
                    rows->text(labelOf(kCustomerStatusCodes, labels.status, row.text(i)));
                    break;
                case CustomerExportColumn::Country:
                    rows->text(countries.nameOf(row.text(i)));
                    break;
                case CustomerExportColumn::CreatedOn:
                    rows->isoDate(row.text(i));
                    break;
                case CustomerExportColumn::Strategic:
                    rows->text(row.integer(i) != 0 ? labels.yes : labels.no);
                    break;
                case CustomerExportColumn::Revenue12Months:
                case CustomerExportColumn::Margin12Months:
                    rows->money(row.integer(i));
                    break;
                default:
                    rows->text(row.text(i));
                    break;
                }
            }
            if (auto ended = rows->endRow(); !ended) {
                failed = ended;
                return false;
            }
            ++summary.rows;
            if (summary.rows % kCancelStride == 0) {
                if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
                    summary.cancelled = true;
                    return false;
                }
                if (control.progress && summary.rows % kProgressStride == 0) {
                    control.progress(summary.rows, total);
                }
            }
            return true;
        }, period);
        if (!failed) {
            return failed.error();
        }
        if (summary.cancelled) {
            // The writers' destructors remove their temporary files; the target is untouched.
            return summary;
        }
        Status finished = Done{};
        if (xlsx) {
            auto about = request.definition.empty() ? describeCustomerFilter(request.filter, request.sort)
                                                    : request.definition;
            std::vector<std::vector<std::string>> lines{{"Export of", request.title},
                                                        {"Exported on", nowUtc()},
                                                        {"Rows", std::to_string(summary.rows)},
                                                        {"Portfolio", db.path().filename().string()}};
            for (auto& [label, value] : about) {
                lines.push_back({label, value});
            }
            if (withFigures) {
                lines.push_back({"Figures of", period.toString() + " (" + currency.str() + ")"});
            }
            std::string columnList;
            for (const auto& header : headers) {
                columnList += (columnList.empty() ? "" : ", ") + header;
            }
            lines.push_back({"Columns", columnList});
            if (auto added = xlsx->addTextSheet("About this export", lines); !added) {
                return added.error();
            }
            finished = xlsx->finish();
        } else {
            csv->flush();
            finished = file->commit();
        }
        if (!finished) {
            return finished.error();
        }
        if (control.progress) {
            control.progress(summary.rows, total);
        }
        return summary;
    } catch (const std::exception& e) {
        return toError(e, request.path.string());
    }
}

} // namespace cartera::services
