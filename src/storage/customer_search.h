#pragma once

#include <string>

namespace cartera::storage {

class Database;

/// Refills the customer_search full-text index from customers and their contacts in one pass
/// (after a bulk load, or to repair it). Triggers keep it current otherwise.
void rebuildCustomerSearch(const Database& db);

/// Turns what a user typed into an FTS5 query: every word a prefix, all words required,
/// quotes and operators neutralised ("dub lyo" -> "\"dub\"* \"lyo\"*"). Empty when no word.
std::string searchQuery(const std::string& typed);

} // namespace cartera::storage
