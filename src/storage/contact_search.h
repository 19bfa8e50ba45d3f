#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

struct sqlite3;

namespace cartera::storage {

/// Lower case without accents, as the customer_search index compares words (unicode61 with
/// remove_diacritics): "Élodie Müller-Łaski" -> "elodie muller łaski". Letters and digits are kept
/// (accents removed from Latin letters, Latin letters lower-cased), every other character
/// becomes one space; no space at either end.
std::string foldForSearch(std::string_view text);

/// True when every word of foldedWords (foldForSearch of what was typed) begins a word of one
/// of the fields: the test the contact list applies to each contact's own name and e-mail after
/// the full-text index has narrowed the accounts. No word matches everything.
bool wordsMatch(std::string_view foldedWords, std::initializer_list<std::string_view> fields);

/// Makes wordsMatch available to SQL on this connection as
/// cartera_words_match(folded_words, text, ...) -> 0 or 1 (NULL texts are empty). Every
/// connection gets it when it opens; no schema object uses it, so other programs can still
/// read the file.
void registerSearchFunctions(sqlite3* db);

} // namespace cartera::storage
