#include "storage/customer_search.h"

#include "storage/database.h"

#include <cctype>
#include <string_view>

namespace cartera::storage {

void rebuildCustomerSearch(const Database& db)
{
    db.execute("DELETE FROM customer_search");
    // The view groups contacts once for the join: one pass over each table.
    db.execute(R"sql(
INSERT INTO customer_search (rowid, name, code, city, email, contacts, owner)
SELECT c.id, c.name, c.code, c.city, c.email, n.names, 'r' || c.owner_rep_id
FROM customer AS c LEFT JOIN customer_contact_names AS n ON n.customer_id = c.id
)sql");
}

std::string searchQuery(const std::string& typed)
{
    std::string query;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            query += (query.empty() ? "\"" : " \"") + word + "\"*";
            word.clear();
        }
    };
    for (const char c : typed) {
        const auto u = static_cast<unsigned char>(c);
        // Letters, digits and any byte of a multi-byte UTF-8 character belong to a word; the
        // tokenizer treats the rest as separators anyway, and dropping them keeps quotes and
        // FTS5 operators out of the query.
        if (std::isalnum(u) || u >= 0x80) {
            word += c;
        } else {
            flush();
        }
    }
    flush();
    return query;
}

namespace {

std::string columnsQuery(std::string_view columns, const std::string& wordsQuery,
                         std::optional<std::int64_t> ownerRepId)
{
    if (wordsQuery.empty()) {
        return {};
    }
    // Typed words never match the owner column, whose tokens ("r12") a user could type.
    std::string query = std::string(columns) + " : (" + wordsQuery + ")";
    if (ownerRepId) {
        query += " AND owner : \"r" + std::to_string(*ownerRepId) + "\"";
    }
    return query;
}

} // namespace

std::string scopedSearchQuery(const std::string& wordsQuery, std::optional<std::int64_t> ownerRepId)
{
    return columnsQuery("{name code city email contacts}", wordsQuery, ownerRepId);
}

std::string contactsSearchQuery(const std::string& wordsQuery, std::optional<std::int64_t> ownerRepId)
{
    return columnsQuery("contacts", wordsQuery, ownerRepId);
}

} // namespace cartera::storage
