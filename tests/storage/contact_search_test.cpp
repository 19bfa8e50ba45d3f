#include "storage/contact_search.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <string>

using cartera::storage::foldForSearch;
using cartera::storage::wordsMatch;

TEST(ContactSearch, foldingLowersCaseDropsAccentsAndSplitsWords)
{
    EXPECT_EQ(foldForSearch("Élodie Müller-Łaski"), "elodie muller łaski");
    EXPECT_EQ(foldForSearch("  O'Brien, JOSÉ.garcía@ACME.es "), "o brien jose garcia acme es");
    EXPECT_EQ(foldForSearch("Straße ÆØÅ"), "straße æøa");
    EXPECT_EQ(foldForSearch("D’Angelo – Ševčík"), "d angelo sevcik");
    EXPECT_EQ(foldForSearch("Ωμέγα ПЕТРОВ"), "ωμέγα петров");
    EXPECT_EQ(foldForSearch("\"*-+()"), "");
    EXPECT_EQ(foldForSearch(""), "");
}

TEST(ContactSearch, everyWordMustBeginAWordOfAField)
{
    EXPECT_TRUE(wordsMatch("elo dur", {"Élodie", "Durand", "e.durand@acme.fr"}));
    EXPECT_TRUE(wordsMatch("acme", {"Élodie", "Durand", "e.durand@acme.fr"}));
    EXPECT_TRUE(wordsMatch("dur", {"", "Durand", ""}));
    EXPECT_FALSE(wordsMatch("urand", {"Élodie", "Durand", ""}));
    EXPECT_FALSE(wordsMatch("elo smith", {"Élodie", "Durand", ""}));
    // Fields are not glued together: "elodiedurand" is no word of them.
    EXPECT_FALSE(wordsMatch("elodiedur", {"Élodie", "Durand"}));
    // No word typed matches nothing.
    EXPECT_FALSE(wordsMatch("", {"Élodie"}));
    EXPECT_FALSE(wordsMatch("   ", {"Élodie"}));
}

namespace {

/// What SQLite's unicode61 tokenizer (remove_diacritics 2, as customer_search uses) makes of text.
std::string fts5Tokens(sqlite3* db, const std::string& text)
{
    sqlite3_stmt* insert = nullptr;
    sqlite3_exec(db, "DELETE FROM t", nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO t (rowid, x) VALUES (1, ?1)", -1, &insert, nullptr);
    sqlite3_bind_text(insert, 1, text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(insert);
    sqlite3_finalize(insert);
    sqlite3_stmt* terms = nullptr;
    sqlite3_prepare_v2(db, "SELECT term FROM v ORDER BY offset", -1, &terms, nullptr);
    std::string tokens;
    while (sqlite3_step(terms) == SQLITE_ROW) {
        tokens += (tokens.empty() ? "" : " ") + std::string(reinterpret_cast<const char*>(sqlite3_column_text(terms, 0)));
    }
    sqlite3_finalize(terms);
    return tokens;
}

std::string utf8(char32_t cp)
{
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

} // namespace

TEST(ContactSearch, foldsLatinLettersAsTheFullTextIndexDoes)
{
    // A contact is listed when its words match here and its account's words match in
    // customer_search, so both must fold alike, or a search could miss people.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');"
                           "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    for (char32_t cp = 0x20; cp < 0x180; ++cp) {
        if (cp >= 0x7F && cp < 0xA0) {
            continue;  // control characters
        }
        const std::string text = "q" + utf8(cp) + "q";
        EXPECT_EQ(foldForSearch(text), fts5Tokens(db, text)) << "U+" << std::hex << static_cast<unsigned>(cp);
    }
    for (const char* text : {"Ωμέγα ПЕТРОВ Ѐ", "D’Angelo – x", "a·b"}) {
        EXPECT_EQ(foldForSearch(text), fts5Tokens(db, text)) << text;
    }
    sqlite3_close(db);
}
