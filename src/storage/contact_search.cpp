#include "storage/contact_search.h"

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace cartera::storage {

namespace {

// The tables follow what SQLite's unicode61 tokenizer with remove_diacritics 2 makes of each
// character (checked against SQLite 3.40 through fts5vocab), so a contact matches here exactly
// when its words match in customer_search.
// Latin Extended-A (U+0100..U+017F): the base letter of each accented letter, '.' for letters
// without a base letter (đ, ħ, ł, œ, ...), which are only lower-cased.
constexpr std::string_view kLatinExtendedA =
    "aaaaaa" "cccccccc" "dd" ".." "eeeeeeeeee" "gggggggg" "hh" ".." "iiiiiiiii" "." ".." "jj" "kk" "."
    "llllll" ".." ".." "nnnnnn" "." ".." "oooooo" ".." "rrrrrr" "ssssssss" "tttt" ".." "uuuuuuuuuuuu" "ww"
    "yyy" "zzzzzz" "s";
static_assert(kLatinExtendedA.size() == 0x80);

// Latin-1 supplement letters (U+00C0..U+00FF): base letter, '.' = keep (lower-cased), ' ' = not a
// letter (multiplication and division signs).
constexpr std::string_view kLatin1Letters =
    "aaaaaa.ceeeeiiii.nooooo .uuuuy.." "aaaaaa.ceeeeiiii.nooooo .uuuuy.y";
static_assert(kLatin1Letters.size() == 0x40);

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Decodes one UTF-8 character at text[i], advancing i; an invalid byte decodes as itself.
char32_t decode(std::string_view text, std::size_t& i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    int length = 0;
    char32_t cp = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
    } else {
        ++i;
        return lead;
    }
    if (i + static_cast<std::size_t>(length) > text.size()) {
        ++i;
        return lead;
    }
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(i + static_cast<std::size_t>(k));
        if ((next & 0xC0) != 0x80) {
            ++i;
            return lead;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    i += static_cast<std::size_t>(length);
    return cp;
}

/// The folded form of one character: 0 for a separator.
char32_t fold(char32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') {
            return cp + ('a' - 'A');
        }
        const bool wordChar = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
        return wordChar ? cp : 0;
    }
    if (cp < 0xC0) {
        // Latin-1 punctuation and symbols separate words; ª µ º and the superscript digits do not.
        switch (cp) {
        case 0xAA:
        case 0xB2:
        case 0xB3:
        case 0xB9:
        case 0xBA:
        case 0xBC:
        case 0xBD:
        case 0xBE:
            return cp;
        case 0xB5:
            return 0x3BC;  // micro sign -> Greek mu
        default:
            return 0;
        }
    }
    if (cp < 0x100) {
        const char base = kLatin1Letters[cp - 0xC0];
        if (base == ' ') {
            return 0;
        }
        if (base != '.') {
            return static_cast<char32_t>(base);
        }
        return cp < 0xE0 && cp != 0xDF ? cp + 0x20 : cp;  // Æ Ð Ø Þ -> æ ð ø þ; ß stays
    }
    if (cp < 0x180) {
        const char base = kLatinExtendedA[cp - 0x100];
        if (base != '.') {
            return static_cast<char32_t>(base);
        }
        switch (cp) {
        case 0x110:  // Đ
        case 0x126:  // Ħ
        case 0x132:  // Ĳ
        case 0x13F:  // Ŀ
        case 0x141:  // Ł
        case 0x14A:  // Ŋ
        case 0x152:  // Œ
        case 0x166:  // Ŧ
            return cp + 1;
        default:
            return cp;
        }
    }
    // Greek and Cyrillic capitals.
    if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) {
        return cp + 0x20;
    }
    if (cp >= 0x400 && cp <= 0x40F) {
        return cp + 0x50;
    }
    // General punctuation, symbols, arrows, ... and CJK and full-width punctuation separate words.
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
        (cp >= 0xFF5B && cp <= 0xFF65)) {
        return 0;
    }
    return cp;
}

/// Appends the folded words of text to out, each preceded by one space.
void appendFoldedWords(std::string& out, std::string_view text)
{
    bool inWord = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t folded = fold(decode(text, i));
        if (folded == 0) {
            inWord = false;
            continue;
        }
        if (!inWord) {
            out += ' ';
            inWord = true;
        }
        appendUtf8(out, folded);
    }
}

void wordsMatchFunction(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    const auto textOf = [&](int index) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[index]));
        return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[index])))
                    : std::string_view();
    };
    if (argc < 1) {
        sqlite3_result_int(context, 0);
        return;
    }
    // Up to three fields (first name, last name, e-mail) in the list's query; more are joined.
    thread_local std::string joined;
    joined.clear();
    for (int k = 1; k < argc; ++k) {
        joined += textOf(k);
        joined += ' ';
    }
    sqlite3_result_int(context, wordsMatch(textOf(0), {std::string_view(joined)}) ? 1 : 0);
}

} // namespace

std::string foldForSearch(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    appendFoldedWords(out, text);
    if (!out.empty()) {
        out.erase(0, 1);
    }
    return out;
}

bool wordsMatch(std::string_view foldedWords, std::initializer_list<std::string_view> fields)
{
    // " word1 word2 ...": a typed word matches where " " + word occurs.
    thread_local std::string haystack;
    haystack.clear();
    for (const auto field : fields) {
        appendFoldedWords(haystack, field);
    }
    bool anyWord = false;
    std::size_t start = 0;
    while (start < foldedWords.size()) {
        auto end = foldedWords.find(' ', start);
        if (end == std::string_view::npos) {
            end = foldedWords.size();
        }
        if (end > start) {
            anyWord = true;
            const auto word = foldedWords.substr(start, end - start);
            bool found = false;
            for (auto at = haystack.find(word); at != std::string::npos; at = haystack.find(word, at + 1)) {
                if (at > 0 && haystack[at - 1] == ' ') {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        start = end + 1;
    }
    return anyWord;
}

void registerSearchFunctions(sqlite3* db)
{
    sqlite3_create_function_v2(db, "cartera_words_match", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                               nullptr, wordsMatchFunction, nullptr, nullptr, nullptr);
}

} // namespace cartera::storage
