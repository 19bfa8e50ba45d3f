#include "storage/customer_repository.h"

#include "domain/customer_validation.h"
#include "storage/customer_search.h"
#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/segment_sql.h"
#include "storage/storage_error.h"

#include <sqlite3.h>

#include <algorithm>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

constexpr std::string_view kInsert = R"sql(
INSERT INTO customer (code, name, kind, industry, size_band, country, region, city, postal_code,
                      channel, owner_rep_id, status, email, phone, website, created_on, updated_on,
                      archived_on, id, strategic)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
)sql";

constexpr std::string_view kUpdate = R"sql(
UPDATE customer SET code = ?1, name = ?2, kind = ?3, industry = ?4, size_band = ?5, country = ?6,
       region = ?7, city = ?8, postal_code = ?9, channel = ?10, owner_rep_id = ?11, status = ?12,
       email = ?13, phone = ?14, website = ?15, created_on = ?16, updated_on = ?17, archived_on = ?18,
       strategic = ?20
WHERE id = ?19
)sql";

constexpr std::string_view kSelectColumns = R"sql(
SELECT id, code, name, kind, industry, size_band, country, region, city, postal_code, channel,
       owner_rep_id, status, email, phone, website, created_on, updated_on, archived_on, strategic
FROM customer
)sql";

/// The customer's dates as text, kept alive by the caller while the statement runs.
struct CustomerDates final {
    explicit CustomerDates(const Customer& c) : created(c.created), updated(c.updated) {}
    IsoDate created;
    IsoDate updated;
};

// Text is bound without copying: the customer, its dates and the static enumeration codes
// outlive the statement's run.
void bindCustomer(Statement& s, const Customer& c, const CustomerDates& dates)
{
    s.bindStatic(1, c.code)
        .bindStatic(2, c.name)
        .bindStatic(3, kCustomerKindCodes.code(c.kind))
        .bindStaticOrNull(4, c.industry);
    if (c.sizeBand) {
        s.bindStatic(5, kSizeBandCodes.code(*c.sizeBand));
    } else {
        s.bindNull(5);
    }
    s.bindStaticOrNull(6, c.country)
        .bindStaticOrNull(7, c.region)
        .bindStaticOrNull(8, c.city)
        .bindStaticOrNull(9, c.postalCode)
        .bindStatic(10, kSalesChannelCodes.code(c.channel))
        .bind(11, c.ownerRepId)
        .bindStatic(12, kCustomerStatusCodes.code(c.status))
        .bindStaticOrNull(13, c.email)
        .bindStaticOrNull(14, c.phone)
        .bindStaticOrNull(15, c.website)
        .bindStatic(16, dates.created.view())
        .bindStatic(17, dates.updated.view());
    bindOptionalDate(s, 18, c.archivedOn);
    s.bind(20, c.strategic ? 1 : 0);
}

Customer readCustomer(const Statement& s)
{
    Customer c;
    c.id = s.int64(0);
    c.code = s.text(1);
    c.name = s.text(2);
    c.kind = kCustomerKindCodes.parse(s.text(3)).value_or(CustomerKind::Customer);
    c.industry = s.text(4);
    c.sizeBand = kSizeBandCodes.parse(s.text(5));
    c.country = s.text(6);
    c.region = s.text(7);
    c.city = s.text(8);
    c.postalCode = s.text(9);
    c.channel = kSalesChannelCodes.parse(s.text(10)).value_or(SalesChannel::Direct);
    c.ownerRepId = s.optionalInt64(11);
    c.status = kCustomerStatusCodes.parse(s.text(12)).value_or(CustomerStatus::Active);
    c.email = s.text(13);
    c.phone = s.text(14);
    c.website = s.text(15);
    c.created = Date::parseIso(s.text(16)).value_or(Date{});
    c.updated = Date::parseIso(s.text(17)).value_or(Date{});
    c.archivedOn = readOptionalDate(s, 18);
    c.strategic = s.int64(19) != 0;
    return c;
}

/// Turns a broken UNIQUE(code) into a message that names the code.
template <typename Write>
void withDuplicateCodeMessage(const std::string& code, Write&& write)
{
    try {
        write();
    } catch (const StorageError& e) {
        if (e.sqliteCode() == SQLITE_CONSTRAINT_UNIQUE) {
            throw StorageError(StorageFailure::Constraint, "customer code '" + code + "' is already used",
                               e.sqliteCode());
        }
        throw;
    }
}

/// WHERE clause and its parameters for a filter; only fixed fragments, values are bound.
struct FilterSql final {
    std::string where;
    std::vector<SqlValue> texts;  // bound in order as ?1, ?2, ...

    void add(std::string_view condition, std::string value)
    {
        where += where.empty() ? " WHERE " : " AND ";
        texts.emplace_back(std::move(value));
        std::string c(condition);
        const auto pos = c.find('?');
        c.replace(pos, 1, "?" + std::to_string(texts.size()));
        where += c;
    }

    /// A compiled segment condition, its placeholders numbered after those already there.
    void add(const SegmentSql& segment)
    {
        where += where.empty() ? " WHERE " : " AND ";
        where += numberPlaceholders(segment.condition, static_cast<int>(texts.size()) + 1);
        texts.insert(texts.end(), segment.parameters.begin(), segment.parameters.end());
    }

    void bindAll(Statement& s) const { bindSqlValues(s, 1, texts); }
};

/// One or two letters match the start of the name, like a phone book: a name index range,
/// where a word-prefix search would return most of a large portfolio.
bool isOneShortWord(const std::string& typed)
{
    return !typed.empty() && typed.size() <= 2 && searchQuery(typed).size() == typed.size() + 3;
}

/// The full-text query for the filter's search words; empty when the search is blank, a short
/// name prefix or only punctuation.
std::string fullTextQuery(const CustomerFilter& f)
{
    const std::string typed = trimmed(f.search);
    return isOneShortWord(typed) ? std::string() : scopedSearchQuery(searchQuery(typed), f.ownerRepId);
}

/// True when nothing but the search words, the owner (both in the full-text index) and hiding
/// archived accounts narrows the list: its count and its name-ordered pages can then be read
/// from the indexes alone.
bool narrowsBySearchOnly(const CustomerFilter& f)
{
    return !f.kind && !f.status && !f.channel && !f.sizeBand && f.country.empty() &&
           f.region.empty() && f.industry.empty() && !f.segmentId;
}

FilterSql filterSql(const Database& db, const CustomerFilter& f)
{
    FilterSql sql;
    const std::string typed = trimmed(f.search);
    if (isOneShortWord(typed)) {
        std::string upper = typed;
        upper.back() = static_cast<char>(upper.back() + 1);
        sql.add("c.name >= ? COLLATE NOCASE", typed);
        sql.add("c.name < ? COLLATE NOCASE", upper);
    } else if (const auto query = fullTextQuery(f); !query.empty()) {
        sql.add("c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)", query);
    } else if (f.search.find_first_not_of(" \t") != std::string::npos) {
        // Only punctuation typed: no word can match it.
        sql.where += sql.where.empty() ? " WHERE 0" : " AND 0";
    }
    if (!f.includeArchived) {
        sql.where += sql.where.empty() ? " WHERE c.archived_on IS NULL" : " AND c.archived_on IS NULL";
    }
    if (f.kind) {
        sql.add("c.kind = ?", std::string(kCustomerKindCodes.code(*f.kind)));
    }
    if (f.status) {
        sql.add("c.status = ?", std::string(kCustomerStatusCodes.code(*f.status)));
    }
    if (f.channel) {
        sql.add("c.channel = ?", std::string(kSalesChannelCodes.code(*f.channel)));
    }
    if (f.sizeBand) {
        sql.add("c.size_band = ?", std::string(kSizeBandCodes.code(*f.sizeBand)));
    }
    if (f.ownerRepId) {
        sql.add("c.owner_rep_id = ?", std::to_string(*f.ownerRepId));
    }
    if (!f.country.empty()) {
        sql.add("c.country = ?", f.country);
    }
    if (!f.region.empty()) {
        sql.add("c.region = ?", f.region);
    }
    if (!f.industry.empty()) {
        sql.add("c.industry = ?", f.industry);
    }
    if (f.segmentId) {
        // Last: SQLite tests the cheap attribute terms first and the segment's lookups only on
        // the rows that pass them.
        sql.add(savedSegmentCondition(db, *f.segmentId, f.segmentAsOf.value_or(Date::today())));
    }
    return sql;
}

std::string_view orderByFor(CustomerSortKey key)
{
    switch (key) {
    case CustomerSortKey::Code:
        return "c.code";
    case CustomerSortKey::City:
        return "c.city COLLATE NOCASE";
    case CustomerSortKey::Country:
        return "c.country";
    case CustomerSortKey::Channel:
        return "c.channel";
    case CustomerSortKey::Owner:
        return "r.name";
    case CustomerSortKey::Kind:
        return "c.kind";
    case CustomerSortKey::Industry:
        return "c.industry COLLATE NOCASE";
    case CustomerSortKey::Status:
        return "c.status";
    case CustomerSortKey::Name:
    case CustomerSortKey::Count:
        break;
    }
    return "c.name COLLATE NOCASE";
}

/// The SQL expression of each scan field (fixed strings; the owner's through the rep join).
std::string_view fieldSql(CustomerField field)
{
    switch (field) {
    case CustomerField::Code:
        return "c.code";
    case CustomerField::Name:
        return "c.name";
    case CustomerField::Kind:
        return "c.kind";
    case CustomerField::Industry:
        return "c.industry";
    case CustomerField::SizeBand:
        return "c.size_band";
    case CustomerField::Country:
        return "c.country";
    case CustomerField::Region:
        return "c.region";
    case CustomerField::City:
        return "c.city";
    case CustomerField::PostalCode:
        return "c.postal_code";
    case CustomerField::Channel:
        return "c.channel";
    case CustomerField::OwnerName:
        return "r.name";
    case CustomerField::OwnerCode:
        return "r.code";
    case CustomerField::Status:
        return "c.status";
    case CustomerField::Email:
        return "c.email";
    case CustomerField::Phone:
        return "c.phone";
    case CustomerField::Website:
        return "c.website";
    case CustomerField::CreatedOn:
        return "c.created_on";
    case CustomerField::UpdatedOn:
        return "c.updated_on";
    case CustomerField::Strategic:
        return "c.strategic";
    // One lookup in customer_month's primary key (customer_id, month) per customer; ?F and ?T are
    // replaced by the period's parameter numbers.
    case CustomerField::RevenueInPeriod:
        return "(SELECT sum(m.revenue) FROM customer_month AS m WHERE m.customer_id = c.id AND m.month BETWEEN ?F AND ?T)";
    case CustomerField::MarginInPeriod:
        return "(SELECT sum(m.revenue - m.cost) FROM customer_month AS m WHERE m.customer_id = c.id AND m.month BETWEEN ?F AND ?T)";
    case CustomerField::Count:
        break;
    }
    return "NULL";
}

} // namespace

std::string_view CustomerScanRow::text(std::size_t i) const
{
    return m_statement.textView(static_cast<int>(i));
}

std::int64_t CustomerScanRow::integer(std::size_t i) const
{
    return m_statement.int64(static_cast<int>(i));
}

CustomerRepository::CustomerRepository(const Database& db) : m_db(db) {}

void CustomerRepository::insert(Customer& customer)
{
    withDuplicateCodeMessage(customer.code, [&] {
        auto s = m_db.cached(kInsert);
        const CustomerDates dates(customer);
        bindCustomer(*s, customer, dates);
        s->bindIdOrNull(19, customer.id).run();
        customer.id = m_db.lastInsertId();
    });
}

void CustomerRepository::update(const Customer& customer)
{
    withDuplicateCodeMessage(customer.code, [&] {
        auto s = m_db.cached(kUpdate);
        const CustomerDates dates(customer);
        bindCustomer(*s, customer, dates);
        s->bind(19, customer.id);
        s->run();
    });
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "customer " + std::to_string(customer.id) + " does not exist");
    }
}

void CustomerRepository::remove(CustomerId id)
{
    auto s = m_db.prepare("DELETE FROM customer WHERE id = ?1");
    s.bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "customer " + std::to_string(id) + " does not exist");
    }
}

std::optional<Customer> CustomerRepository::find(CustomerId id) const
{
    auto s = m_db.prepare(std::string(kSelectColumns) + " WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) {
        return std::nullopt;
    }
    return readCustomer(s);
}

std::optional<Customer> CustomerRepository::findByCode(const std::string& code) const
{
    auto s = m_db.prepare(std::string(kSelectColumns) + " WHERE code = ?1");
    s.bind(1, code);
    if (!s.step()) {
        return std::nullopt;
    }
    return readCustomer(s);
}

std::vector<CustomerLabel> CustomerRepository::labels(const std::vector<CustomerId>& ids) const
{
    // One indexed lookup per id through a cached statement: a few microseconds each.
    std::vector<CustomerLabel> labels;
    labels.reserve(ids.size());
    for (const CustomerId id : ids) {
        auto s = m_db.cached("SELECT code, name FROM customer WHERE id = ?1");
        s->bind(1, id);
        CustomerLabel& label = labels.emplace_back();
        label.id = id;
        if (s->step()) {
            label.code = s->text(0);
            label.name = s->text(1);
        }
    }
    return labels;
}

std::int64_t CustomerRepository::count(const CustomerFilter& filter) const
{
    if (const auto query = fullTextQuery(filter); !query.empty() && narrowsBySearchOnly(filter)) {
        const auto matches = countSearchMatches(query, filter.includeArchived);
        m_lastSearchCount = {query, matches};
        return matches;
    }
    const auto sql = filterSql(m_db, filter);
    auto s = m_db.prepare("SELECT count(*) FROM customer AS c" + sql.where);
    sql.bindAll(s);
    return s.step() ? s.int64(0) : 0;
}

std::vector<CustomerListRow> CustomerRepository::list(const CustomerFilter& filter, CustomerSort sort,
                                                      std::int64_t offset, int limit) const
{
    const auto sql = filterSql(m_db, filter);
    const std::string direction = sort.descending ? " DESC" : " ASC";
    std::string query =
        "SELECT c.id, c.code, c.name, c.kind, c.industry, c.city, c.country, c.channel, r.name, c.status"
        " FROM customer AS c" +
        std::string(searchPagePlan(filter, sort, offset, limit)) +
        " LEFT JOIN sales_rep AS r ON r.id = c.owner_rep_id" +
        sql.where + " ORDER BY " + std::string(orderByFor(sort.key)) + direction + ", c.id" + direction +
        " LIMIT ?" + std::to_string(sql.texts.size() + 1) + " OFFSET ?" + std::to_string(sql.texts.size() + 2);
    auto s = m_db.prepare(query);
    sql.bindAll(s);
    s.bind(static_cast<int>(sql.texts.size() + 1), static_cast<std::int64_t>(limit));
    s.bind(static_cast<int>(sql.texts.size() + 2), offset);
    std::vector<CustomerListRow> rows;
    // limit is a ceiling, not a size: a caller may ask for "everything" with a huge limit, so
    // reserve no more than a page (reserving limit rows threw std::bad_alloc past ~1e9).
    rows.reserve(static_cast<std::size_t>(std::clamp(limit, 0, 1000)));
    while (s.step()) {
        CustomerListRow row;
        row.id = s.int64(0);
        row.code = s.text(1);
        row.name = s.text(2);
        row.kind = kCustomerKindCodes.parse(s.text(3)).value_or(CustomerKind::Customer);
        row.industry = s.text(4);
        row.city = s.text(5);
        row.country = s.text(6);
        row.channel = kSalesChannelCodes.parse(s.text(7)).value_or(SalesChannel::Direct);
        row.ownerName = s.text(8);
        row.status = kCustomerStatusCodes.parse(s.text(9)).value_or(CustomerStatus::Active);
        rows.push_back(std::move(row));
    }
    return rows;
}

void CustomerRepository::scan(const CustomerFilter& filter, CustomerSort sort, const std::vector<CustomerField>& fields,
                              const std::function<bool(const CustomerScanRow&)>& visit, const MonthRange& period) const
{
    const auto sql = filterSql(m_db, filter);
    const std::string fromParameter = "?" + std::to_string(sql.texts.size() + 1);
    const std::string toParameter = "?" + std::to_string(sql.texts.size() + 2);
    std::string columns;
    bool needsOwner = sort.key == CustomerSortKey::Owner;
    bool needsPeriod = false;
    for (const auto field : fields) {
        std::string column(fieldSql(field));
        if (const auto at = column.find("?F"); at != std::string::npos) {
            column.replace(at, 2, fromParameter);
            column.replace(column.find("?T"), 2, toParameter);
            needsPeriod = true;
        }
        columns += (columns.empty() ? "" : ", ") + column;
        needsOwner = needsOwner || field == CustomerField::OwnerName || field == CustomerField::OwnerCode;
    }
    if (columns.empty()) {
        columns = "c.id";
    }
    // The same WHERE and ORDER BY as list(), so an export holds exactly the rows the list shows,
    // in its order. The rep join only when a field or the order needs it.
    const std::string direction = sort.descending ? " DESC" : " ASC";
    const std::string query = "SELECT " + columns + " FROM customer AS c" +
                              (needsOwner ? " LEFT JOIN sales_rep AS r ON r.id = c.owner_rep_id" : "") + sql.where +
                              " ORDER BY " + std::string(orderByFor(sort.key)) + direction + ", c.id" + direction;
    auto s = m_db.prepare(query);
    sql.bindAll(s);
    if (needsPeriod) {
        s.bind(static_cast<int>(sql.texts.size() + 1), static_cast<std::int64_t>(period.fromMonth()));
        s.bind(static_cast<int>(sql.texts.size() + 2), static_cast<std::int64_t>(period.toMonth()));
    }
    const CustomerScanRow row(s);
    while (s.step()) {
        if (!visit(row)) {
            return;
        }
    }
}

std::int64_t CustomerRepository::countSearchMatches(const std::string& query, bool includeArchived) const
{
    // The index holds one row per customer; archived ones are few and listed by their own index,
    // so neither count reads the customer table.
    std::int64_t matches = 0;
    {
        auto all = m_db.cached("SELECT count(*) FROM customer_search WHERE customer_search MATCH ?1");
        all->bind(1, query);
        matches = all->step() ? all->int64(0) : 0;
    }
    if (includeArchived) {
        return matches;
    }
    auto archived = m_db.cached(
        "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?1"
        " AND rowid IN (SELECT id FROM customer WHERE archived_on IS NOT NULL)");
    archived->bind(1, query);
    return matches - (archived->step() ? archived->int64(0) : 0);
}

std::string_view CustomerRepository::searchPagePlan(const CustomerFilter& filter, CustomerSort sort,
                                                   std::int64_t offset, int limit) const
{
    // A broad search ("mar" matches a quarter of a large portfolio) is cheaper read in name order
    // from a name index, keeping matching rows until the page is full, than sorted in full. That
    // walk reads about (offset + limit) / density index entries, so it is chosen only when the
    // page lies within the first 2 % of the matches: it then reads at most 2 % of the index. A
    // narrower search sorts its matches, read by rowid. The plans are spelled out because
    // SQLite's statistics cannot know how many rows a full-text query returns.
    // The match count comes from the count() the list asked for just before; without it the
    // matches are sorted, which is always correct, only slower for broad searches.
    if (sort.key != CustomerSortKey::Name || filter.includeArchived || !narrowsBySearchOnly(filter)) {
        return {};
    }
    const auto query = fullTextQuery(filter);
    if (query.empty()) {
        return {};
    }
    constexpr std::int64_t kMaxShareOfMatches = 50;
    const bool dense = m_lastSearchCount && m_lastSearchCount->first == query &&
                       (offset + std::max(limit, 0)) * kMaxShareOfMatches <= m_lastSearchCount->second;
    if (!dense) {
        return " NOT INDEXED";
    }
    return filter.ownerRepId ? " INDEXED BY customer_listed_owner" : " INDEXED BY customer_listed_name";
}

} // namespace cartera::storage
