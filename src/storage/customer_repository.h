#pragma once

#include "domain/customer.h"
#include "domain/customer_filter.h"
#include "domain/date.h"
#include "domain/month_range.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cartera::storage {

class Database;
class Statement;

/// One row of a customer list: what a list or an export shows, without loading whole records.
struct CustomerListRow final {
    domain::CustomerId id = 0;
    std::string code;
    std::string name;
    domain::CustomerKind kind = domain::CustomerKind::Customer;
    std::string industry;
    std::string city;
    std::string country;
    domain::SalesChannel channel = domain::SalesChannel::Direct;
    std::string ownerName;
    domain::CustomerStatus status = domain::CustomerStatus::Active;
};

/// The customer attributes a scan can read (an export's columns map onto them). Enumerations
/// come as their stored codes ("retail"), dates as ISO text, the strategic flag as 0 or 1.
enum class CustomerField {
    Code,
    Name,
    Kind,
    Industry,
    SizeBand,
    Country,
    Region,
    City,
    PostalCode,
    Channel,
    OwnerName,
    OwnerCode,
    Status,
    Email,
    Phone,
    Website,
    CreatedOn,
    UpdatedOn,
    Strategic,
    RevenueInPeriod,  ///< sum of the monthly revenue over the scan's period, minor units (0 without orders)
    MarginInPeriod,   ///< revenue less cost over the scan's period, minor units
    Count
};

/// One customer of a scan: the requested fields, read from SQLite without copies; valid only
/// while the visit that received it runs.
class CustomerScanRow final {
public:
    explicit CustomerScanRow(const Statement& statement) : m_statement(statement) {}
    /// The field at position i of the scan's list, as text ("" when NULL).
    [[nodiscard]] std::string_view text(std::size_t i) const;
    [[nodiscard]] std::int64_t integer(std::size_t i) const;

private:
    const Statement& m_statement;
};

/// A customer's code and name: enough to show a customer an id stands for.
struct CustomerLabel final {
    domain::CustomerId id = 0;
    std::string code;  ///< empty when no customer has the id (deleted since)
    std::string name;

    friend bool operator==(const CustomerLabel&, const CustomerLabel&) = default;
};

/// Customers and prospects. Writes are atomic; a duplicate code is a Constraint StorageError.
class CustomerRepository final {
public:
    explicit CustomerRepository(const Database& db);

    /// Saves a new customer and sets customer.id.
    void insert(domain::Customer& customer);
    void update(const domain::Customer& customer);
    /// Deletes the customer with its contacts, orders and monthly figures.
    void remove(domain::CustomerId id);

    [[nodiscard]] std::optional<domain::Customer> find(domain::CustomerId id) const;
    [[nodiscard]] std::optional<domain::Customer> findByCode(const std::string& code) const;

    /// Code and name of each id, in the order given (reports that hold ids: ABC comparisons).
    [[nodiscard]] std::vector<CustomerLabel> labels(const std::vector<domain::CustomerId>& ids) const;

    [[nodiscard]] std::int64_t count(const domain::CustomerFilter& filter) const;
    /// The rows matching filter in sort order, from offset, at most limit rows.
    [[nodiscard]] std::vector<CustomerListRow> list(const domain::CustomerFilter& filter, domain::CustomerSort sort,
                                                    std::int64_t offset, int limit) const;

    /// Visits, in sort order, every customer matching filter (exactly the rows list() pages
    /// through), reading only fields, in that order. One statement streams the rows: memory does
    /// not grow with their number. Stops early when visit returns false. Run it inside a
    /// ReadTransaction with count() for a count that matches the rows.
    /// period: the months RevenueInPeriod and MarginInPeriod sum (from the monthly figures).
    void scan(const domain::CustomerFilter& filter, domain::CustomerSort sort, const std::vector<CustomerField>& fields,
              const std::function<bool(const CustomerScanRow&)>& visit,
              const domain::MonthRange& period = {}) const;

private:
    [[nodiscard]] std::int64_t countSearchMatches(const std::string& query, bool includeArchived) const;
    /// How a search's page is read: an INDEXED BY / NOT INDEXED clause, or empty for SQLite's choice.
    [[nodiscard]] std::string_view searchPagePlan(const domain::CustomerFilter& filter, domain::CustomerSort sort,
                                                  std::int64_t offset, int limit) const;

    const Database& m_db;
    /// The last full-text query counted and its match count: list() uses it to choose how to
    /// read the page (a plan choice only; a stale figure cannot change which rows are listed).
    mutable std::optional<std::pair<std::string, std::int64_t>> m_lastSearchCount;
};

} // namespace cartera::storage
