#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cartera::storage {

class Database;

/// Refills the customer_search full-text index from customers and their contacts in one pass
/// (after a bulk load, or to repair it). Triggers keep it current otherwise.
void rebuildCustomerSearch(const Database& db);

/// Turns what a user typed into an FTS5 query: every word a prefix, all words required,
/// quotes and operators neutralised ("dub lyo" -> "\"dub\"* \"lyo\"*"). Empty when no word.
std::string searchQuery(const std::string& typed);

/// The full-text query for a searchQuery() result, restricted to the text columns and, when
/// ownerRepId is set, to that rep's accounts. Empty when wordsQuery is empty.
std::string scopedSearchQuery(const std::string& wordsQuery, std::optional<std::int64_t> ownerRepId);

/// As scopedSearchQuery, restricted to the contacts column: the accounts with contacts whose
/// names or e-mail addresses hold every word (not necessarily all in one contact).
std::string contactsSearchQuery(const std::string& wordsQuery, std::optional<std::int64_t> ownerRepId);

} // namespace cartera::storage
