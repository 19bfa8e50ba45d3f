#include "storage/segment_sql.h"

#include "storage/database.h"
#include "storage/iso_date.h"
#include "storage/statement.h"
#include "storage/storage_error.h"

#include <algorithm>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

using Op = SegmentOperator;

// The latest saved ABC snapshot and tier run, as the customer detail and the views pick them.
// Not correlated: SQLite evaluates each once per statement.
constexpr std::string_view kLatestAbcClass =
    "(SELECT e.class FROM abc_snapshot_entry AS e WHERE e.snapshot_id = "
    "(SELECT id FROM abc_snapshot ORDER BY created_on DESC, id DESC LIMIT 1) AND e.customer_id = c.id)";
constexpr std::string_view kLatestTier =
    "(SELECT e.tier FROM tier_run_entry AS e WHERE e.run_id = "
    "(SELECT id FROM tier_run ORDER BY created_on DESC, id DESC LIMIT 1) AND e.customer_id = c.id)";

/// Escapes LIKE's wildcards so a value is matched as typed.
std::string likeEscaped(const std::string& text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') {
            escaped += '\\';
        }
        escaped += ch;
    }
    return escaped;
}

class Compiler final {
public:
    explicit Compiler(Date asOf) : m_asOf(asOf) {}

    /// narrowed: an attribute condition beside this rule in an AND group (here or above) already
    /// keeps few customers, so behaviour is looked up per customer; otherwise behaviour conditions
    /// read the set of matching customers once (see setForm()).
    std::string rule(const SegmentRule& r, bool narrowed = false)
    {
        if (!r.isGroup) {
            m_narrowed = narrowed;
            return condition(r.condition);
        }
        if (r.rules.empty()) {
            return "1";
        }
        bool narrowedHere = narrowed;
        if (r.match == SegmentMatch::All) {
            for (const auto& child : r.rules) {
                narrowedHere = narrowedHere || (!child.isGroup && narrows(child.condition));
            }
        }
        std::string sql = "(";
        for (std::size_t i = 0; i < r.rules.size(); ++i) {
            if (i > 0) {
                sql += r.match == SegmentMatch::All ? " AND " : " OR ";
            }
            sql += rule(r.rules[i], narrowedHere);
        }
        return sql + ")";
    }

    std::vector<SqlValue> parameters;

private:
    /// An attribute condition that keeps a small part of a large portfolio (a country, a region, a
    /// rep, a tag...), tested on the customer row or an index before any behaviour lookup. Fields
    /// of a few values (channel, size band, kind, status) keep too many customers to count.
    static bool narrows(const SegmentCondition& c)
    {
        const bool positive = c.op == Op::Equals || c.op == Op::InList || c.op == Op::StartsWith;
        switch (c.field) {
        case SegmentField::Country:
        case SegmentField::Region:
        case SegmentField::City:
        case SegmentField::Industry:
        case SegmentField::OwnerRep:
        case SegmentField::Tag:
            return positive;
        default:
            return false;
        }
    }

    /// Behaviour over the whole portfolio is cheaper read as one set than looked up customer by
    /// customer: at 1,000,000 customers "revenue over 12 months > X" takes 0.4 s of CPU as a
    /// grouped scan of the period's rows against 1.8 s as a million primary-key lookups; with a
    /// country and a channel before it, the lookups win (0.15 s for 35,000 customers).
    [[nodiscard]] bool setForm() const { return !m_narrowed; }

    /// Numbered, so a fragment's text may be assembled in any order (the operands of + are
    /// evaluated in an unspecified order).
    std::string param(SqlValue value)
    {
        parameters.push_back(std::move(value));
        return "?" + std::to_string(parameters.size());
    }

    std::string textList(const SegmentCondition& c)
    {
        std::string list = "(";
        for (std::size_t i = 0; i < c.texts.size(); ++i) {
            list += (i ? ", " : "") + param(c.texts[i]);
        }
        return list + ")";
    }

    std::string numberList(const SegmentCondition& c)
    {
        std::string list = "(";
        for (std::size_t i = 0; i < c.numbers.size(); ++i) {
            list += (i ? ", " : "") + param(c.numbers[i]);
        }
        return list + ")";
    }

    /// A text column of the customer row; NULL and '' both mean empty.
    std::string textColumn(std::string_view column, const SegmentCondition& c, bool caseless)
    {
        const std::string col(column);
        const std::string collate = caseless ? " COLLATE NOCASE" : "";
        switch (c.op) {
        case Op::Equals:
            return "(" + col + " = " + param(c.texts.front()) + collate + ")";
        case Op::NotEquals:
            return "(coalesce(" + col + ", '') <> " + param(c.texts.front()) + collate + ")";
        case Op::InList:
            return "(" + col + collate + " IN " + textList(c) + ")";
        case Op::NotInList:
            return "(coalesce(" + col + ", '')" + collate + " NOT IN " + textList(c) + ")";
        case Op::Contains:
            return "(" + col + " LIKE " + param("%" + likeEscaped(c.texts.front()) + "%") + " ESCAPE '\\')";
        case Op::StartsWith:
            return "(" + col + " LIKE " + param(likeEscaped(c.texts.front()) + "%") + " ESCAPE '\\')";
        case Op::IsEmpty:
            return "(coalesce(" + col + ", '') = '')";
        case Op::IsNotEmpty:
            return "(" + col + " <> '')";
        default:
            return "0";
        }
    }

    /// A number compared; value is an SQL expression that is NULL when there is nothing to compare.
    std::string compared(const std::string& value, const SegmentCondition& c)
    {
        switch (c.op) {
        case Op::Equals:
            return "(" + value + " = " + param(c.numbers.front()) + ")";
        case Op::NotEquals:
            return "(" + value + " <> " + param(c.numbers.front()) + ")";
        case Op::Less:
            return "(" + value + " < " + param(c.numbers.front()) + ")";
        case Op::LessOrEqual:
            return "(" + value + " <= " + param(c.numbers.front()) + ")";
        case Op::Greater:
            return "(" + value + " > " + param(c.numbers.front()) + ")";
        case Op::GreaterOrEqual:
            return "(" + value + " >= " + param(c.numbers.front()) + ")";
        case Op::Between: {
            const auto low = param(c.numbers[0]);
            return "(" + value + " BETWEEN " + low + " AND " + param(c.numbers[1]) + ")";
        }
        case Op::InList:
            return "(" + value + " IN " + numberList(c) + ")";
        case Op::NotInList:
            return "(" + value + " NOT IN " + numberList(c) + ")";
        case Op::IsEmpty:
            return "(" + value + " IS NULL)";
        case Op::IsNotEmpty:
            return "(" + value + " IS NOT NULL)";
        default:
            return "0";
        }
    }

    /// A sum of the monthly figures over the period: one range of customer_month's primary key
    /// per customer, 0 without sales.
    std::string monthlySum(std::string_view expression, const SegmentCondition& c)
    {
        const auto period = c.period.resolve(m_asOf);
        const auto from = param(std::int64_t{period.fromMonth()});
        const auto to = param(std::int64_t{period.toMonth()});
        return "(SELECT coalesce(sum(" + std::string(expression) + "), 0) FROM customer_month AS m"
               " WHERE m.customer_id = c.id AND m.month BETWEEN " + from + " AND " + to + ")";
    }

    /// Whether a customer without sales in the period (a sum of 0) meets the comparison.
    static bool zeroMatches(const SegmentCondition& c)
    {
        const auto& n = c.numbers;
        switch (c.op) {
        case Op::Equals: return n[0] == 0;
        case Op::NotEquals: return n[0] != 0;
        case Op::Less: return 0 < n[0];
        case Op::LessOrEqual: return 0 <= n[0];
        case Op::Greater: return 0 > n[0];
        case Op::GreaterOrEqual: return 0 >= n[0];
        case Op::Between: return n[0] <= 0 && 0 <= n[1];
        case Op::InList: return std::find(n.begin(), n.end(), 0) != n.end();
        case Op::NotInList: return std::find(n.begin(), n.end(), 0) == n.end();
        default: return false;
        }
    }

    /// A comparison of a monthly sum over the period: per customer when narrowed, else as the set
    /// of customers whose sum compares (or, when a customer without sales would match, all but
    /// those whose sum does not), grouped once over the period's rows.
    std::string monthly(std::string_view expression, const SegmentCondition& c)
    {
        if (!setForm()) {
            return compared(monthlySum(expression, c), c);
        }
        const auto period = c.period.resolve(m_asOf);
        const auto from = param(std::int64_t{period.fromMonth()});
        const auto to = param(std::int64_t{period.toMonth()});
        const std::string sum = "sum(" + std::string(expression) + ")";
        const bool zero = zeroMatches(c);
        const std::string having = compared(sum, c);
        return std::string("(c.id ") + (zero ? "NOT IN" : "IN") +
               " (SELECT m.customer_id FROM customer_month AS m WHERE m.month BETWEEN " + from + " AND " + to +
               " GROUP BY m.customer_id HAVING " + (zero ? "NOT " : "") + having + "))";
    }

    /// Customers with an order (not cancelled) dated from `since` to the evaluation date: a range
    /// of the sales_order_customer index (customer_id, order_date) per customer.
    std::string orderedSince(Date since)
    {
        const auto from = param(std::string(IsoDate(since).view()));
        const auto to = param(std::string(IsoDate(m_asOf).view()));
        if (!setForm()) {
            return "EXISTS (SELECT 1 FROM sales_order AS o WHERE o.customer_id = c.id AND o.order_date BETWEEN " + from +
                   " AND " + to + " AND o.status <> 'cancelled')";
        }
        // As a set: the customers with sales in the months between, from the month-first covering
        // index; only rows of the first and last month, which the dates may cut, look at the orders.
        const auto firstMonth = param(std::int64_t{since.monthKey()});
        const auto lastMonth = param(std::int64_t{m_asOf.monthKey()});
        return "c.id IN (SELECT m.customer_id FROM customer_month AS m WHERE m.month BETWEEN " + firstMonth + " AND " +
               lastMonth + " AND (m.month > " + firstMonth + " AND m.month < " + lastMonth +
               " OR EXISTS (SELECT 1 FROM sales_order AS o WHERE o.customer_id = m.customer_id AND o.order_date BETWEEN " +
               from + " AND " + to + " AND o.status <> 'cancelled')))";
    }

    /// Customers who ever ordered up to the evaluation date's month (the monthly figures hold
    /// every order but the cancelled ones).
    std::string everOrdered()
    {
        if (setForm()) {
            return "c.id IN (SELECT m.customer_id FROM customer_month AS m WHERE m.month <= " +
                   param(std::int64_t{m_asOf.monthKey()}) + ")";
        }
        return "EXISTS (SELECT 1 FROM customer_month AS m WHERE m.customer_id = c.id AND m.month <= " +
               param(std::int64_t{m_asOf.monthKey()}) + ")";
    }

    /// Days since the last order, without computing it: "days <= n" is an order since asOf - n.
    std::string daysSinceLastOrder(const SegmentCondition& c)
    {
        const auto since = [&](std::int64_t days) {
            return m_asOf.addDays(-static_cast<int>(std::min<std::int64_t>(days, 1'000'000)));
        };
        const auto atMost = [&](std::int64_t days) { return orderedSince(since(days)); };
        const auto moreThan = [&](std::int64_t days) { return "(" + everOrdered() + " AND NOT " + atMost(days) + ")"; };
        switch (c.op) {
        case Op::LessOrEqual:
            return "(" + atMost(c.numbers.front()) + ")";
        case Op::Less:
            return c.numbers.front() <= 0 ? "0" : "(" + atMost(c.numbers.front() - 1) + ")";
        case Op::Greater:
            return moreThan(c.numbers.front());
        case Op::GreaterOrEqual:
            return c.numbers.front() <= 0 ? "(" + everOrdered() + ")" : moreThan(c.numbers.front() - 1);
        case Op::Between:
        case Op::Equals: {
            const auto low = c.numbers.front();
            const auto high = c.op == Op::Between ? c.numbers[1] : low;
            const std::string upper = atMost(high);
            return low <= 0 ? "(" + upper + ")" : "(" + upper + " AND NOT " + atMost(low - 1) + ")";
        }
        case Op::NotEquals: {
            const auto n = c.numbers.front();
            const std::string exact = n <= 0 ? atMost(0) : "(" + atMost(n) + " AND NOT " + atMost(n - 1) + ")";
            return "(" + everOrdered() + " AND NOT " + exact + ")";
        }
        case Op::IsEmpty:
            return "(NOT " + everOrdered() + ")";
        case Op::IsNotEmpty:
            return "(" + everOrdered() + ")";
        default:
            return "0";
        }
    }

    std::string categoryBought(const SegmentCondition& c)
    {
        const auto period = c.period.resolve(m_asOf);
        const auto from = param(std::int64_t{period.fromMonth()});
        const auto to = param(std::int64_t{period.toMonth()});
        const bool negated = c.op == Op::NotEquals || c.op == Op::NotInList;
        if (setForm()) {
            // One pass over the table (2.4 s of CPU as a million lookups, 0.9 s as a set, at
            // 1,000,000 customers).
            return std::string("(c.id ") + (negated ? "NOT IN" : "IN") +
                   " (SELECT cm.customer_id FROM customer_category_month AS cm WHERE cm.category_id IN"
                   " (SELECT id FROM product_category WHERE name IN " + textList(c) + ") AND cm.month BETWEEN " + from +
                   " AND " + to + "))";
        }
        const std::string bought =
            "EXISTS (SELECT 1 FROM customer_category_month AS cm WHERE cm.customer_id = c.id"
            " AND cm.category_id IN (SELECT id FROM product_category WHERE name IN " + textList(c) +
            ") AND cm.month BETWEEN " + from + " AND " + to + ")";
        return negated ? "(NOT " + bought + ")" : "(" + bought + ")";
    }

    std::string ownerRep(const SegmentCondition& c)
    {
        switch (c.op) {
        case Op::Equals:
        case Op::InList:
            return "(c.owner_rep_id IN (SELECT id FROM sales_rep WHERE code IN " + textList(c) + "))";
        case Op::NotEquals:
        case Op::NotInList:
            return "(c.owner_rep_id IS NULL OR c.owner_rep_id NOT IN (SELECT id FROM sales_rep WHERE code IN " +
                   textList(c) + "))";
        case Op::IsEmpty:
            return "(c.owner_rep_id IS NULL)";
        case Op::IsNotEmpty:
            return "(c.owner_rep_id IS NOT NULL)";
        default:
            return "0";
        }
    }

    std::string tag(const SegmentCondition& c)
    {
        const std::string any = "EXISTS (SELECT 1 FROM customer_tag AS t WHERE t.customer_id = c.id";
        switch (c.op) {
        case Op::Equals:
        case Op::InList:
            return "(" + any + " AND t.tag IN " + textList(c) + "))";
        case Op::NotEquals:
        case Op::NotInList:
            return "(NOT " + any + " AND t.tag IN " + textList(c) + "))";
        case Op::Contains:
            return "(" + any + " AND t.tag LIKE " + param("%" + likeEscaped(c.texts.front()) + "%") + " ESCAPE '\\'))";
        case Op::StartsWith:
            return "(" + any + " AND t.tag LIKE " + param(likeEscaped(c.texts.front()) + "%") + " ESCAPE '\\'))";
        case Op::IsEmpty:
            return "(NOT " + any + "))";
        case Op::IsNotEmpty:
            return "(" + any + "))";
        default:
            return "0";
        }
    }

    std::string satisfaction(const SegmentCondition& c)
    {
        const auto period = c.period.resolve(m_asOf);
        const auto first = Date(period.fromMonth() / 100, static_cast<unsigned>(period.fromMonth() % 100), 1);
        const auto from = param(std::string(IsoDate(first).view()));
        // The last day of a month is not needed: every date of the month sorts before day 32.
        const auto to = param(MonthRange::formatMonth(period.toMonth()) + "-32");
        // CSAT 1-5 -> 0, 25 .. 100; NPS 0-10 -> 0, 10 .. 100, as the tiers' satisfaction indicator.
        const std::string mean =
            "(SELECT avg(CASE s.kind WHEN 'csat' THEN (s.score - 1) * 25.0 ELSE s.score * 10.0 END)"
            " FROM customer_survey AS s WHERE s.customer_id = c.id AND s.surveyed_on BETWEEN " + from + " AND " + to + ")";
        return compared(mean, c);
    }

    std::string condition(const SegmentCondition& c)
    {
        switch (c.field) {
        case SegmentField::Country:
            return textColumn("c.country", c, false);
        case SegmentField::Region:
            return textColumn("c.region", c, true);
        case SegmentField::City:
            return textColumn("c.city", c, true);
        case SegmentField::Industry:
            return textColumn("c.industry", c, true);
        case SegmentField::SizeBand:
            return textColumn("c.size_band", c, false);
        case SegmentField::Channel:
            return textColumn("c.channel", c, false);
        case SegmentField::Kind:
            return textColumn("c.kind", c, false);
        case SegmentField::Status:
            return textColumn("c.status", c, false);
        case SegmentField::OwnerRep:
            return ownerRep(c);
        case SegmentField::Tag:
            return tag(c);
        case SegmentField::Revenue:
            return monthly("m.revenue", c);
        case SegmentField::Margin:
            return monthly("m.revenue - m.cost", c);
        case SegmentField::OrderCount:
            return monthly("m.order_count", c);
        case SegmentField::DaysSinceLastOrder:
            return daysSinceLastOrder(c);
        case SegmentField::CategoryBought:
            return categoryBought(c);
        case SegmentField::AbcClass:
            if (setForm() && (c.op == Op::Equals || c.op == Op::InList || c.op == Op::IsNotEmpty)) {
                // The latest snapshot's entries in one pass rather than a lookup per customer.
                const std::string classes =
                    c.op == Op::IsNotEmpty ? std::string("e.class IS NOT NULL") : "e.class IN " + textList(c);
                return "(c.id IN (SELECT e.customer_id FROM abc_snapshot_entry AS e WHERE e.snapshot_id = "
                       "(SELECT id FROM abc_snapshot ORDER BY created_on DESC, id DESC LIMIT 1) AND " + classes + "))";
            }
            return textColumn(kLatestAbcClass, c, false);
        case SegmentField::Tier:
            return textColumn(kLatestTier, c, true);
        case SegmentField::Satisfaction:
            return satisfaction(c);
        case SegmentField::Count:
            break;
        }
        return "0";
    }

    Date m_asOf;
    bool m_narrowed = false;
};

} // namespace

SegmentSql compileSegment(const SegmentDefinition& definition, Date asOf)
{
    Compiler compiler(asOf);
    SegmentSql sql;
    sql.condition = compiler.rule(definition.root);
    sql.parameters = std::move(compiler.parameters);
    return sql;
}

SegmentSql savedSegmentCondition(const Database& db, SegmentId id, Date asOf)
{
    auto s = db.cached("SELECT name, kind, definition FROM segment WHERE id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        throw StorageError(StorageFailure::NotFound, "segment " + std::to_string(id) + " does not exist");
    }
    const std::string name = s->text(0);
    if (s->text(1) == "static") {
        return SegmentSql{"c.id IN (SELECT customer_id FROM segment_member WHERE segment_id = ?1)", {id}};
    }
    const auto definition = SegmentDefinition::fromJson(s->text(2));
    if (!definition) {
        throw StorageError(StorageFailure::Corrupt,
                           "segment '" + name + "': its definition cannot be read (" + definition.error().describe() + ")");
    }
    return compileSegment(definition.value(), asOf);
}

std::string numberPlaceholders(const std::string& sql, int firstIndex)
{
    std::string numbered;
    numbered.reserve(sql.size() + 16);
    for (std::size_t i = 0; i < sql.size(); ++i) {
        numbered += sql[i];
        if (sql[i] != '?') {
            continue;
        }
        std::size_t end = i + 1;
        int number = 0;
        while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') {
            number = number * 10 + (sql[end] - '0');
            ++end;
        }
        numbered += std::to_string(number + firstIndex - 1);
        i = end - 1;
    }
    return numbered;
}

void bindSqlValues(Statement& statement, int firstIndex, const std::vector<SqlValue>& values)
{
    int index = firstIndex;
    for (const auto& value : values) {
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            statement.bind(index++, *number);
        } else {
            statement.bind(index++, std::get<std::string>(value));
        }
    }
}

} // namespace cartera::storage
