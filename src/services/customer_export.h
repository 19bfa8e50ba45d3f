#pragma once

#include "domain/customer_filter.h"
#include "domain/date.h"
#include "domain/error.h"
#include "exchange/csv_profile.h"
#include "services/abc_export.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cartera::services {

class Portfolio;

/// The columns a customer export can hold. Values are written for people: labels, not codes
/// ("Retail", not "retail"), the owner rep's name, the country's name.
enum class CustomerExportColumn {
    Code,
    Name,
    Kind,
    Industry,
    SizeBand,
    City,
    PostalCode,
    Region,
    Country,      ///< the country's name ("France")
    CountryCode,  ///< ISO code ("FR")
    Channel,
    Owner,        ///< the owner rep's name
    OwnerCode,
    Status,
    Email,
    Phone,
    Website,
    CreatedOn,
    Strategic,
    Revenue12Months,  ///< revenue of the 12 months ending with the request's as-of month
    Margin12Months,   ///< gross margin (revenue less cost) of the same months
    Count
};

/// A column's command-line key ("size_band") and English header ("Size band").
struct CustomerExportColumnInfo final {
    CustomerExportColumn column;
    std::string_view key;
    std::string_view label;
};

/// Every column, in the order `--help` lists them.
const std::vector<CustomerExportColumnInfo>& customerExportColumns();
const CustomerExportColumnInfo& customerExportColumnInfo(CustomerExportColumn column);
/// The customer list's columns in its order: code, name, kind, industry, city, country, channel,
/// owner, status.
std::vector<CustomerExportColumn> defaultCustomerExportColumns();
/// "code,name,city" -> columns; an unknown key is an error naming it and listing the known ones.
domain::Result<std::vector<CustomerExportColumn>> parseCustomerExportColumns(std::string_view commaSeparatedKeys);

/// Words an export writes for values and headers: English by default; the app fills them with
/// its translations so a file reads as the list did.
struct CustomerExportLabels final {
    std::array<std::string, 4> channel{"Direct", "Wholesale / distributor", "Retail", "Online"};
    std::array<std::string, 2> kind{"Customer", "Prospect"};
    std::array<std::string, 3> status{"Active", "Inactive", "Exited"};
    std::array<std::string, 5> sizeBand{"Micro (1-9)", "Small (10-49)", "Medium (50-249)", "Large (250-999)",
                                        "Enterprise (1000+)"};
    std::string yes = "Yes";
    std::string no = "No";
    /// Country name of a code; unset: domain::countryName (English), the code when it has none.
    std::function<std::string(std::string_view code)> countryName;
    /// Column headers, one per requested column; empty: the English labels.
    std::vector<std::string> headers;
};

/// What to export and where.
struct CustomerExportRequest final {
    /// Exactly the rows the customer list shows under this filter and sort. A saved segment will
    /// narrow it the same way (the filter gains the segment), nothing else changes here.
    domain::CustomerFilter filter;
    domain::CustomerSort sort;
    std::vector<CustomerExportColumn> columns = defaultCustomerExportColumns();
    ListFileFormat format = ListFileFormat::Csv;
    exchange::CsvProfile profile = exchange::csvProfile(exchange::CsvProfileId::ExcelComma);
    std::filesystem::path path;
    CustomerExportLabels labels;
    /// What the rows are, in words, for the XLSX's "About this export" sheet (label, value);
    /// empty: describeCustomerFilter(filter, sort) in English.
    std::vector<std::pair<std::string, std::string>> definition;
    /// Name of the data sheet and of the export on the About sheet.
    std::string title = "Customers";
    /// The 12-month figures end with this date's month (the customer overview's "last 12 months").
    domain::Date asOf = domain::Date::today();
};

/// Progress reports and a cancel flag, both optional; progress is called from the exporting
/// thread every few thousand rows and once at the end.
struct ExportControl final {
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct ExportSummary final {
    std::int64_t rows = 0;  ///< data rows written (not counting the header)
    bool cancelled = false; ///< stopped by the cancel flag: no file written, any previous one kept
};

/// Exports customer lists to CSV (in a CsvProfile) or XLSX, streaming rows from SQLite to the file:
/// 1,000,000 customers cost no more memory than 10. The file appears complete under its name or
/// not at all (exchange::AtomicFile): a failure or a cancel leaves any previous file untouched.
class CustomerExportService final {
public:
    explicit CustomerExportService(Portfolio& portfolio);

    [[nodiscard]] domain::Result<ExportSummary> exportCustomers(const CustomerExportRequest& request,
                                                                const ExportControl& control = {}) const;

    /// The filter and sort in words, one (label, value) line each ("Country", "France (FR)");
    /// "Customers" / "All" when nothing narrows the list.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> describeCustomerFilter(
        const domain::CustomerFilter& filter, const domain::CustomerSort& sort) const;

private:
    Portfolio& m_portfolio;
};

} // namespace cartera::services
