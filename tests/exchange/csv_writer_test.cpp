#include "exchange/csv_reader.h"
#include "exchange/csv_writer.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <limits>
#include <sstream>

using namespace cartera::domain;
using namespace cartera::exchange;
using cartera::testing::TempDir;

namespace {

/// Fields that break naive CSV: quotes, both delimiters, CR, LF, CRLF, emoji, accents, spaces,
/// and every character that starts a formula.
const std::vector<std::string>& awkwardFields()
{
    static const std::vector<std::string> fields{
        "plain",
        "Dubois \"le Grand\" & fils",
        "a,b",
        "a;b",
        "line one\nline two",
        "cr\rinside",
        "crlf\r\nhere",
        "emoji 😀🚀 ok",
        "Société Générale, Müller GmbH, Guimarães, Øre",
        "  spaced  ",
        "=1+2",
        "+33 1 23 45 67 89",
        "-5",
        "@SUM(A1:A2)",
        "\tTabbed",
        "\rcarriage",
        "=HYPERLINK(\"http://x\";\"y\")",
        "",
        "\"",
    };
    return fields;
}

std::string writeAll(const CsvProfile& profile, const std::vector<std::vector<std::string>>& rows)
{
    std::string bytes;
    {
        CsvWriter csv([&](std::string_view b) { bytes.append(b); }, profile);
        for (const auto& row : rows) {
            for (const auto& field : row) {
                csv.text(field);
            }
            csv.endRow();
        }
    }
    return bytes;
}

/// The records a reader should give back: the same text, formula starters behind an apostrophe.
std::vector<std::vector<std::string>> expectedRecords(const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::vector<std::string>> expected;
    for (const auto& row : rows) {
        auto& out = expected.emplace_back();
        for (const auto& field : row) {
            out.push_back(spreadsheetSafe(field));
        }
    }
    return expected;
}

std::vector<std::vector<std::string>> awkwardRows()
{
    std::vector<std::vector<std::string>> rows{{"Header = name", "second"}};
    for (const auto& field : awkwardFields()) {
        rows.push_back({field, "x" + field});  // each field alone first and after a delimiter
    }
    return rows;
}

class EveryProfile : public ::testing::TestWithParam<CsvProfileId> {};

} // namespace

TEST(CsvProfile, parsesTheCommandLineNamesAndRefusesOthers)
{
    EXPECT_EQ(parseCsvProfile("excel-comma")->id, CsvProfileId::ExcelComma);
    EXPECT_EQ(parseCsvProfile("excel-semicolon")->delimiter, ';');
    EXPECT_EQ(parseCsvProfile("excel-semicolon")->decimalMark, ',');
    EXPECT_FALSE(parseCsvProfile("plain")->byteOrderMark);
    EXPECT_EQ(parseCsvProfile("plain")->lineEnd, "\n");
    EXPECT_FALSE(parseCsvProfile("excel"));
    EXPECT_EQ(csvProfileKeys(), "excel-comma, excel-semicolon, plain");
}

TEST(CsvWriter, excelProfilesStartWithAByteOrderMarkAndEndRecordsWithCrLf)
{
    for (const auto id : {CsvProfileId::ExcelComma, CsvProfileId::ExcelSemicolon}) {
        const auto bytes = writeAll(csvProfile(id), {{"a", "b"}, {"c", "d"}});
        const std::string sep(1, csvProfile(id).delimiter);
        EXPECT_EQ(bytes, "\xEF\xBB\xBF" "a" + sep + "b\r\nc" + sep + "d\r\n");
    }
}

TEST(CsvWriter, plainProfileHasNoByteOrderMarkAndLfLineEnds)
{
    EXPECT_EQ(writeAll(csvProfile(CsvProfileId::Plain), {{"a", "b"}, {"c", "d"}}), "a,b\nc,d\n");
}

TEST(CsvWriter, quotesAsRfc4180SaysForTheProfilesDelimiterOnly)
{
    EXPECT_EQ(writeAll(csvProfile(CsvProfileId::Plain), {{"a,b", "a;b", "say \"hi\"", "two\nlines"}}),
              "\"a,b\",a;b,\"say \"\"hi\"\"\",\"two\nlines\"\n");
    EXPECT_EQ(writeAll(csvProfile(CsvProfileId::ExcelSemicolon), {{"a,b", "a;b"}}),
              "\xEF\xBB\xBF" "a,b;\"a;b\"\r\n");
}

TEST(CsvWriter, neutralisesEveryFormulaStarterWithAnApostropheInsideTheQuotes)
{
    const auto bytes = writeAll(csvProfile(CsvProfileId::Plain),
                                {{"=1+2", "+33", "-5", "@x", "\tt", "\rr", "=\"a,b\"", "ok=1", "'kept"}});
    EXPECT_EQ(bytes, "'=1+2,'+33,'-5,'@x,'\tt,\"'\rr\",\"'=\"\"a,b\"\"\",ok=1,'kept\n");
}

TEST(CsvWriter, writesMoneyWithTheCurrencysDecimalsAndTheProfilesDecimalMark)
{
    const auto eur = *CurrencyCode::parse("EUR");
    const auto jpy = *CurrencyCode::parse("JPY");
    const auto line = [&](CsvProfileId id) {
        std::ostringstream out;
        CsvWriter csv(out, csvProfile(id));
        csv.writeRow({Money{123456789, eur}, Money{-5, eur}, Money{0, eur}, Money{1234, jpy}, Decimal{812345, 4},
                      std::int64_t{-42}, Date(2026, 3, 1), std::monostate{}, std::string("1.5")});
        csv.money(std::numeric_limits<std::int64_t>::min(), 2);  // a row of its own
        csv.endRow();
        return out.str();
    };
    EXPECT_EQ(line(CsvProfileId::Plain), "1234567.89,-0.05,0.00,1234,81.2345,-42,2026-03-01,,1.5\n-92233720368547758.08\n");
    EXPECT_EQ(line(CsvProfileId::ExcelSemicolon),
              "\xEF\xBB\xBF" "1234567,89;-0,05;0,00;1234;81,2345;-42;2026-03-01;;1.5\r\n-92233720368547758,08\r\n");
}

TEST(CsvWriter, theOstreamConstructorKeepsTheEarlierReportFormat)
{
    std::ostringstream withMark;
    {
        CsvWriter csv(withMark);
        csv.writeHeader({"code", "=name"});
    }
    EXPECT_EQ(withMark.str(), "\xEF\xBB\xBF" "code,'=name\r\n");
    std::ostringstream plain;
    {
        CsvWriter csv(plain, false);
        csv.writeHeader({"a"});
    }
    EXPECT_EQ(plain.str(), "a\r\n");
}

TEST_P(EveryProfile, roundTripsAwkwardFieldsThroughTheProjectsReader)
{
    const auto& profile = csvProfile(GetParam());
    const auto rows = awkwardRows();
    const auto bytes = writeAll(profile, rows);
    const auto records = CsvReader(profile.delimiter).readAll(bytes);
    ASSERT_TRUE(records.ok()) << records.error().describe();
    EXPECT_EQ(records.value(), expectedRecords(rows));
}

TEST_P(EveryProfile, roundTripsAwkwardFieldsThroughPythonsCsvModule)
{
#ifndef CARTERA_PYTHON3
    GTEST_SKIP() << "python3 not found at configure time";
#else
    const auto& profile = csvProfile(GetParam());
    TempDir dir;
    const auto rows = awkwardRows();
    cartera::testing::writeFile(dir.file("export.csv"), writeAll(profile, rows));
    cartera::testing::writeFile(dir.file("expected.json"), nlohmann::json(expectedRecords(rows)).dump());
    const std::string command = std::string(CARTERA_PYTHON3) + " " + CARTERA_TEST_SOURCE_DIR +
                                "/exchange/csv_python_check.py " + dir.file("export.csv").string() + " '" +
                                profile.delimiter + "' " + dir.file("expected.json").string();
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
#endif
}

INSTANTIATE_TEST_SUITE_P(CsvWriter, EveryProfile,
                         ::testing::Values(CsvProfileId::ExcelComma, CsvProfileId::ExcelSemicolon, CsvProfileId::Plain),
                         [](const auto& info) { return std::string(csvProfile(info.param).key) == "excel-comma" ? "ExcelComma"
                                                       : info.param == CsvProfileId::ExcelSemicolon ? "ExcelSemicolon"
                                                                                                   : "Plain"; });

TEST(CsvReader, skipsTheByteOrderMarkAndAcceptsBothLineEnds)
{
    const auto records = CsvReader(';').readAll("\xEF\xBB\xBF" "a;b\r\nc;\"d\r\ne\"\nf;g");
    ASSERT_TRUE(records.ok()) << records.error().describe();
    EXPECT_EQ(records.value(), (std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d\r\ne"}, {"f", "g"}}));
}

TEST(CsvReader, aStrayQuoteIsAnErrorNamingTheLine)
{
    const auto records = CsvReader().readAll("a,b\nc,\"d\"x\n", "list.csv");
    ASSERT_FALSE(records.ok());
    EXPECT_EQ(records.error().where, "list.csv:2");
    EXPECT_NE(records.error().message.find("quote"), std::string::npos) << records.error().message;
}

TEST(CsvReader, anUnclosedQuoteIsAnErrorNamingTheLineItOpensOn)
{
    const auto records = CsvReader().readAll("a,b\nc,d\ne,\"open\nstill open\n", "list.csv");
    ASSERT_FALSE(records.ok());
    EXPECT_EQ(records.error().where, "list.csv:3");
}
