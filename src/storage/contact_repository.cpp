#include "storage/contact_repository.h"

#include "domain/customer_validation.h"
#include "storage/contact_search.h"
#include "storage/customer_search.h"
#include "storage/database.h"
#include "storage/storage_error.h"

#include <algorithm>
#include <string_view>
#include <variant>

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// Text is bound without copying: the contact outlives the statement's run.
void bindContact(Statement& s, const Contact& c)
{
    s.bind(1, c.customerId)
        .bindStaticOrNull(2, c.firstName)
        .bindStatic(3, c.lastName)
        .bindStaticOrNull(4, c.jobTitle)
        .bindStaticOrNull(5, c.email)
        .bindStaticOrNull(6, c.phone)
        .bind(7, c.primary ? 1 : 0);
}

Contact readContact(const Statement& s)
{
    Contact c;
    c.id = s.int64(0);
    c.customerId = s.int64(1);
    c.firstName = s.text(2);
    c.lastName = s.text(3);
    c.jobTitle = s.text(4);
    c.email = s.text(5);
    c.phone = s.text(6);
    c.primary = s.int64(7) != 0;
    return c;
}

using Value = std::variant<std::int64_t, std::string>;

/// SQL assembled from fixed fragments; values are bound as ?1, ?2, ... in the order they were added.
struct Sql final {
    std::string text;
    std::vector<Value> values;

    Sql& operator+=(std::string_view fragment)
    {
        text += fragment;
        return *this;
    }
    /// Appends the placeholder of a new bound value.
    Sql& operator<<(Value value)
    {
        values.push_back(std::move(value));
        text += "?" + std::to_string(values.size());
        return *this;
    }
    [[nodiscard]] Statement prepare(const Database& db) const
    {
        auto s = db.prepare(text);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            if (const auto* number = std::get_if<std::int64_t>(&values[i])) {
                s.bind(index, *number);
            } else {
                s.bind(index, std::get<std::string>(values[i]));
            }
        }
        return s;
    }
};

/// " WHERE a AND b ..." built one condition at a time.
struct Conditions final {
    Sql& sql;
    bool first = true;

    Sql& next()
    {
        sql += first ? " WHERE " : " AND ";
        first = false;
        return sql;
    }
};

/// What the search box holds, in the forms the queries need.
struct SearchWords final {
    bool any = false;         ///< at least one word typed
    bool impossible = false;  ///< only punctuation typed: nothing can match
    bool wholeEmail = false;  ///< an @ typed: words may match the address's domain too
    std::string folded;       ///< for cartera_words_match
    std::string fullText;     ///< for customer_search: accounts whose contacts hold every word
};

SearchWords searchWordsOf(const ContactFilter& filter)
{
    SearchWords words;
    const std::string typed = trimmed(filter.search);
    if (typed.empty()) {
        return words;
    }
    words.folded = foldForSearch(typed);
    if (words.folded.empty()) {
        words.impossible = true;
        return words;
    }
    words.any = true;
    words.wholeEmail = typed.find('@') != std::string::npos;
    // Built from the folded words: each is one token for the index as for cartera_words_match.
    // The index only narrows the accounts (cartera_words_match tests every word), so one-letter
    // words are left out of it when a longer one is typed: "marie d" would read the index's list
    // of every account with a word starting with d (a third of them) to narrow little further
    // than "marie" does.
    std::string longWords;
    std::size_t start = 0;
    while (start < words.folded.size()) {
        auto end = words.folded.find(' ', start);
        end = end == std::string::npos ? words.folded.size() : end;
        const auto word = std::string_view(words.folded).substr(start, end - start);
        const auto letters = std::count_if(word.begin(), word.end(),
                                           [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
        if (letters >= 2) {
            longWords += (longWords.empty() ? "" : " ") + std::string(word);
        }
        start = end + 1;
    }
    words.fullText =
        contactsSearchQuery(searchQuery(longWords.empty() ? words.folded : longWords), filter.ownerRepId);
    return words;
}

bool hidesArchived(const ContactFilter& filter)
{
    return !filter.includeArchived && !filter.customerId;
}

constexpr std::string_view kRowColumns =
    "SELECT k.id, k.customer_id, c.code, c.name, k.first_name, k.last_name, k.job_title, k.email, k.phone,"
    " k.is_primary";
// The archived accounts are few and listed by their own index; testing a contact's account
// against them needs only the contact's customer_id, which the contact name and e-mail indexes
// carry, so a page deep in the list is reached without reading the table.
constexpr std::string_view kNotArchivedContact =
    "k.customer_id NOT IN (SELECT id FROM customer WHERE archived_on IS NOT NULL)";

void addWordsCondition(Conditions& where, const SearchWords& words)
{
    if (!words.any) {
        return;
    }
    where.next() += "cartera_words_match(";
    where.sql << words.folded;
    // The domain of an address is the account's (every contact at ACME has @acme.fr): matching
    // it would list everyone at an account named Martin for "martin". It counts once an @ is typed.
    where.sql += words.wholeEmail ? ", k.first_name, k.last_name, k.email)"
                                  : ", k.first_name, k.last_name, substr(k.email, 1, instr(k.email, '@')))";
}

std::string orderBy(ContactSort sort)
{
    const std::string d = sort.descending ? " DESC" : "";
    switch (sort.key) {
    case ContactSortKey::Email:
        return "k.email COLLATE NOCASE" + d + ", k.id" + d;
    case ContactSortKey::Customer:
        // Within an account, contacts in the order they were added (the primary one usually
        // first): the order the contact_customer index holds, so pages need no table reads.
        return "c.name COLLATE NOCASE" + d + ", c.id" + d + ", k.id" + d;
    case ContactSortKey::Name:
    case ContactSortKey::Count:
        break;
    }
    return "k.last_name COLLATE NOCASE" + d + ", k.first_name COLLATE NOCASE" + d + ", k.id" + d;
}

std::string_view customerIndexFor(const ContactFilter& filter)
{
    if (hidesArchived(filter)) {
        return filter.ownerRepId ? " INDEXED BY customer_listed_owner" : " INDEXED BY customer_listed_name";
    }
    return filter.ownerRepId ? " INDEXED BY customer_owner" : " INDEXED BY customer_name";
}

void addPage(Sql& sql, std::int64_t offset, int limit)
{
    sql += " LIMIT ";
    sql << static_cast<std::int64_t>(limit);
    sql += " OFFSET ";
    sql << offset;
}

/// The page's row ids are read from an index in sort order, skipping offset entries, then the
/// page's rows are joined to them. Used without search words: all accounts, or one rep's.
///  - by name or e-mail: the contact index, whose entries carry customer_id, so the rep's
///    accounts and the archived ones are tested without reading the table;
///  - by account: the accounts' name index, and each account's contacts from contact_customer.
Sql indexPageSql(const ContactFilter& filter, ContactSort sort, std::int64_t offset, int limit)
{
    const std::string order = orderBy(sort);
    Sql sql;
    sql += kRowColumns;
    sql += " FROM (SELECT k.id AS id FROM ";
    if (sort.key == ContactSortKey::Customer) {
        // The full name indexes rather than the partial ones for listed accounts: testing
        // archived_on (which the partial index implies) would read every account's row, while
        // the few archived ids are tested from the index.
        sql += "customer AS c";
        sql += filter.ownerRepId ? " INDEXED BY customer_owner" : " INDEXED BY customer_name";
        sql += " CROSS JOIN contact AS k INDEXED BY contact_customer ON k.customer_id = c.id";
        Conditions inner{sql};
        if (filter.ownerRepId) {
            inner.next() += "c.owner_rep_id = ";
            sql << *filter.ownerRepId;
        }
        if (hidesArchived(filter)) {
            inner.next() += "c.id NOT IN (SELECT id FROM customer WHERE archived_on IS NOT NULL)";
        }
    } else {
        sql += "contact AS k";
        sql += sort.key == ContactSortKey::Email ? " INDEXED BY contact_email" : " INDEXED BY contact_name";
        Conditions inner{sql};
        if (filter.ownerRepId) {
            inner.next() += "k.customer_id IN (SELECT id FROM customer WHERE owner_rep_id = ";
            sql << *filter.ownerRepId;
            sql += hidesArchived(filter) ? " AND archived_on IS NULL)" : ")";
        } else if (hidesArchived(filter)) {
            inner.next() += kNotArchivedContact;
        }
    }
    sql += " ORDER BY ";
    sql += order;
    addPage(sql, offset, limit);
    sql += ") AS p CROSS JOIN contact AS k ON k.id = p.id CROSS JOIN customer AS c ON c.id = k.customer_id ORDER BY ";
    sql += order;
    return sql;
}

/// Appends " FROM ... WHERE ..." for the contacts of the one account asked for, or of a rep's
/// accounts (each account's contacts from contact_customer): matches small enough to sort.
void appendAccountsSource(Sql& sql, const ContactFilter& filter, const SearchWords& words)
{
    Conditions where{sql};
    if (filter.customerId) {
        sql += " FROM contact AS k CROSS JOIN customer AS c ON c.id = k.customer_id";
        where.next() += "k.customer_id = ";
        sql << *filter.customerId;
    } else {
        sql += " FROM customer AS c";
        sql += customerIndexFor(filter);
        sql += " CROSS JOIN contact AS k ON k.customer_id = c.id";
        if (hidesArchived(filter)) {
            where.next() += "c.archived_on IS NULL";
        }
    }
    if (filter.ownerRepId) {
        where.next() += "c.owner_rep_id = ";
        sql << *filter.ownerRepId;
    }
    addWordsCondition(where, words);
}

Sql sortedSql(const ContactFilter& filter, const SearchWords& words, ContactSort sort, std::int64_t offset, int limit)
{
    Sql sql;
    sql += kRowColumns;
    appendAccountsSource(sql, filter, words);
    sql += " ORDER BY ";
    sql += orderBy(sort);
    addPage(sql, offset, limit);
    return sql;
}

/// Wraps a query in SELECT count(*), at most atMost.
Sql countOf(const Sql& rows, std::optional<std::int64_t> atMost)
{
    Sql sql;
    sql += "SELECT count(*) FROM (";
    sql.text += rows.text;
    sql.values = rows.values;
    if (atMost) {
        sql += " LIMIT ";
        sql << *atMost;
    }
    sql += ")";
    return sql;
}

/// The first matches of a search, in the order the full-text index finds their accounts
/// (oldest account first), at most atMost of them: the accounts whose contacts hold every word
/// (within the rep's accounts for "My accounts"), then each contact's own name and e-mail.
/// Returns the contact ids as column "id" (a subquery, or a count's source).
Sql searchMatchesSql(const ContactFilter& filter, const SearchWords& words, std::optional<std::int64_t> atMost)
{
    Sql sql;
    sql += "SELECT k.id AS id FROM customer_search CROSS JOIN contact AS k ON k.customer_id = customer_search.rowid";
    Conditions where{sql};
    where.next() += "customer_search MATCH ";
    sql << words.fullText;
    if (hidesArchived(filter)) {
        where.next() += kNotArchivedContact;
    }
    addWordsCondition(where, words);
    if (atMost) {
        sql += " LIMIT ";
        sql << *atMost;
    }
    return sql;
}

/// The rows of a search's first matches (at most listed), sorted; a page of them when limit is set.
Sql searchPageSql(const ContactFilter& filter, const SearchWords& words, ContactSort sort, std::int64_t listed,
                  std::int64_t offset, std::optional<int> limit)
{
    const auto matches = searchMatchesSql(filter, words, listed);
    Sql sql;
    sql += kRowColumns;
    sql += " FROM (";
    sql.text += matches.text;  // its placeholders come first: ?1, ?2, ...
    sql.values = matches.values;
    sql += ") AS m CROSS JOIN contact AS k ON k.id = m.id CROSS JOIN customer AS c ON c.id = k.customer_id";
    sql += " ORDER BY ";
    sql += orderBy(sort);
    if (limit) {
        addPage(sql, offset, *limit);
    }
    return sql;
}

ContactListRow readRow(const Statement& s)
{
    ContactListRow row;
    row.id = s.int64(0);
    row.customerId = s.int64(1);
    row.customerCode = s.text(2);
    row.customerName = s.text(3);
    row.firstName = s.text(4);
    row.lastName = s.text(5);
    row.jobTitle = s.text(6);
    row.email = s.text(7);
    row.phone = s.text(8);
    row.primary = s.int64(9) != 0;
    return row;
}

std::vector<ContactListRow> readRows(const Database& db, const Sql& sql, int limit)
{
    auto s = sql.prepare(db);
    std::vector<ContactListRow> rows;
    // limit is a ceiling, not a size: reserve no more than a page.
    rows.reserve(static_cast<std::size_t>(std::clamp(limit, 0, 1000)));
    while (s.step()) {
        rows.push_back(readRow(s));
    }
    return rows;
}

std::int64_t single(const Database& db, const Sql& sql)
{
    auto s = sql.prepare(db);
    return s.step() ? s.int64(0) : 0;
}

/// A rep's book up to this many contacts is sorted in full; a larger one is read in sort order
/// from an index (see indexPageSql).
constexpr std::int64_t kSmallBook = 20000;

} // namespace

ContactRepository::ContactRepository(const Database& db) : m_db(db) {}

void ContactRepository::insert(Contact& contact)
{
    auto s = m_db.cached(
        "INSERT INTO contact (customer_id, first_name, last_name, job_title, email, phone, is_primary, id)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bindContact(*s, contact);
    s->bindIdOrNull(8, contact.id).run();
    contact.id = m_db.lastInsertId();
}

void ContactRepository::update(const Contact& contact)
{
    auto s = m_db.cached(
        "UPDATE contact SET customer_id = ?1, first_name = ?2, last_name = ?3, job_title = ?4, email = ?5,"
        " phone = ?6, is_primary = ?7 WHERE id = ?8");
    bindContact(*s, contact);
    s->bind(8, contact.id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "contact " + std::to_string(contact.id) + " does not exist");
    }
}

void ContactRepository::remove(ContactId id)
{
    auto s = m_db.cached("DELETE FROM contact WHERE id = ?1");
    s->bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "contact " + std::to_string(id) + " does not exist");
    }
}

std::optional<Contact> ContactRepository::find(ContactId id) const
{
    auto s = m_db.cached(
        "SELECT id, customer_id, first_name, last_name, job_title, email, phone, is_primary FROM contact WHERE id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    return readContact(*s);
}

std::vector<Contact> ContactRepository::forCustomer(CustomerId customerId) const
{
    auto s = m_db.cached(
        "SELECT id, customer_id, first_name, last_name, job_title, email, phone, is_primary FROM contact"
        " WHERE customer_id = ?1 ORDER BY is_primary DESC, last_name COLLATE NOCASE, id");
    s->bind(1, customerId);
    std::vector<Contact> contacts;
    while (s->step()) {
        contacts.push_back(readContact(*s));
    }
    return contacts;
}

std::int64_t ContactRepository::count(const ContactFilter& filter) const
{
    return countMatches(filter, std::nullopt);
}

std::int64_t ContactRepository::countUpTo(const ContactFilter& filter, std::int64_t atMost) const
{
    return countMatches(filter, std::max<std::int64_t>(atMost, 0));
}

std::int64_t ContactRepository::countMatches(const ContactFilter& filter, std::optional<std::int64_t> atMost) const
{
    const auto words = searchWordsOf(filter);
    if (words.impossible) {
        return 0;
    }
    std::int64_t matches = 0;
    if (words.any && !filter.customerId) {
        matches = single(m_db, countOf(searchMatchesSql(filter, words, std::nullopt), atMost));
    } else if (!filter.ownerRepId && !filter.customerId) {
        // Both counts come from indexes: all contacts, minus those at the few archived accounts.
        matches = single(m_db, Sql{"SELECT count(*) FROM contact", {}});
        if (hidesArchived(filter)) {
            matches -= single(m_db, Sql{"SELECT count(*) FROM customer AS c INDEXED BY customer_archived"
                                        " CROSS JOIN contact AS k ON k.customer_id = c.id"
                                        " WHERE c.archived_on IS NOT NULL",
                                        {}});
        }
        matches = atMost ? std::min(matches, *atMost) : matches;
    } else {
        Sql rows;
        rows += "SELECT 1";
        appendAccountsSource(rows, filter, words);
        matches = single(m_db, countOf(rows, atMost));
    }
    m_lastCount = {filter, {matches, !atMost || matches < *atMost}};
    return matches;
}

std::vector<ContactListRow> ContactRepository::list(const ContactFilter& filter, ContactSort sort,
                                                    std::int64_t offset, int limit) const
{
    const auto words = searchWordsOf(filter);
    if (words.impossible || limit <= 0) {
        return {};
    }
    offset = std::max<std::int64_t>(offset, 0);
    if (filter.customerId) {
        return readRows(m_db, sortedSql(filter, words, sort, offset, limit), limit);
    }
    if (words.any) {
        return readRows(m_db, searchPageSql(filter, words, sort, kSearchListLimit, offset, limit), limit);
    }
    // A rep's book: a small one (as the count just before found it) is sorted in full, which
    // beats walking an index in which the rep's contacts are few and far between.
    const bool smallBook = filter.ownerRepId && m_lastCount && m_lastCount->first == filter &&
                           m_lastCount->second.second && m_lastCount->second.first <= kSmallBook;
    if (smallBook) {
        return readRows(m_db, sortedSql(filter, words, sort, offset, limit), limit);
    }
    return readRows(m_db, indexPageSql(filter, sort, offset, limit), limit);
}

ContactSearchResult ContactRepository::search(const ContactFilter& filter, ContactSort sort) const
{
    const auto words = searchWordsOf(filter);
    if (!words.any || filter.customerId) {
        ContactSearchResult result;
        if (!words.impossible) {
            result.rows = list(filter, sort, 0, static_cast<int>(kSearchListLimit));
            result.more = static_cast<std::int64_t>(result.rows.size()) == kSearchListLimit &&
                          countUpTo(filter, kSearchListLimit + 1) > kSearchListLimit;
        }
        return result;
    }
    // One match more than listed tells whether there are more. The matches are found in the
    // order of their accounts' ids, then their own: the one found last is left out, so the rows
    // are exactly those list() pages through.
    ContactSearchResult result;
    result.rows = readRows(m_db, searchPageSql(filter, words, sort, kSearchListLimit + 1, 0, std::nullopt),
                           static_cast<int>(kSearchListLimit + 1));
    if (static_cast<std::int64_t>(result.rows.size()) > kSearchListLimit) {
        const auto last = std::max_element(result.rows.begin(), result.rows.end(), [](const auto& a, const auto& b) {
            return std::pair(a.customerId, a.id) < std::pair(b.customerId, b.id);
        });
        result.rows.erase(last);
        result.more = true;
    }
    return result;
}

} // namespace cartera::storage
