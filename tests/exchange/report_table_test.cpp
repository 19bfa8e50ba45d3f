#include "exchange/report_table.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace cartera::domain;
using namespace cartera::exchange;

namespace {

std::string csv(const ReportTable& table)
{
    std::ostringstream out;
    table.writeCsv(out);
    return out.str();
}

std::string json(const ReportTable& table)
{
    std::ostringstream out;
    table.writeJson(out);
    return out.str();
}

std::string text(const ReportTable& table)
{
    std::ostringstream out;
    table.writeText(out);
    return out.str();
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> result;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        result.push_back(line);
    }
    return result;
}

std::size_t codePoints(const std::string& s)
{
    std::size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    return n;
}

Money eur(std::int64_t minor)
{
    return Money{minor, CurrencyCode{}};
}

} // namespace

TEST(ReportTable, parseReportFormatKnowsTheThreeFormats)
{
    EXPECT_EQ(parseReportFormat("table"), ReportFormat::Table);
    EXPECT_EQ(parseReportFormat("csv"), ReportFormat::Csv);
    EXPECT_EQ(parseReportFormat("json"), ReportFormat::Json);
    EXPECT_FALSE(parseReportFormat("xml").has_value());
    EXPECT_FALSE(parseReportFormat("CSV").has_value());
    EXPECT_FALSE(parseReportFormat("").has_value());
}

TEST(ReportTable, csvFieldQuotesOnlyWhenNeeded)
{
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvField("a b"), "a b");
    EXPECT_EQ(csvField("Dupont, Fils"), "\"Dupont, Fils\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(csvField("\""), "\"\"\"\"");
}

TEST(ReportTable, csvHasAHeaderRowAndCrlfLineEnds)
{
    ReportTable table({"code", "name"});
    table.addRow({std::string("C1"), std::string("Acme")});
    table.addRow({std::string("C2"), std::string("Beta")});
    EXPECT_EQ(csv(table), "code,name\r\nC1,Acme\r\nC2,Beta\r\n");
}

TEST(ReportTable, csvOfAnEmptyTableIsTheHeaderAlone)
{
    ReportTable table({"code", "name, full"});
    EXPECT_EQ(csv(table), "code,\"name, full\"\r\n");
}

TEST(ReportTable, csvQuotesCommasQuotesAndLineBreaksInCells)
{
    ReportTable table({"name", "note"});
    table.addRow({std::string("Dupont, Fils & Cie"), std::string("He said \"ok\"\nthen left")});
    EXPECT_EQ(csv(table), "name,note\r\n\"Dupont, Fils & Cie\",\"He said \"\"ok\"\"\nthen left\"\r\n");
}

TEST(ReportTable, csvWritesEveryCellKind)
{
    ReportTable table({"empty", "text", "count", "money", "date"});
    table.addRow({std::monostate{}, std::string("Zürich"), std::int64_t{-42}, eur(-123405), Date(2026, 6, 30)});
    EXPECT_EQ(csv(table), "empty,text,count,money,date\r\n,Zürich,-42,-1234.05,2026-06-30\r\n");
}

TEST(ReportTable, jsonIsAnArrayOfObjectsKeyedByColumn)
{
    ReportTable table({"code", "orders", "revenue", "since", "note"});
    table.addRow({std::string("C1"), std::int64_t{12}, eur(123450), Date(2024, 2, 29), std::monostate{}});
    table.addRow({std::string("Quote \" and \\ and\nnewline"), std::int64_t{-3}, eur(-5), Date(1999, 12, 31),
                  std::string("Ünïcødé ✓")});
    const auto parsed = nlohmann::json::parse(json(table));
    ASSERT_TRUE(parsed.is_array());
    ASSERT_EQ(parsed.size(), 2u);
    EXPECT_EQ(parsed[0]["code"], "C1");
    EXPECT_EQ(parsed[0]["orders"], 12);
    EXPECT_TRUE(parsed[0]["revenue"].is_number());
    EXPECT_DOUBLE_EQ(parsed[0]["revenue"].get<double>(), 1234.5);
    EXPECT_EQ(parsed[0]["since"], "2024-02-29");
    EXPECT_TRUE(parsed[0]["note"].is_null());
    EXPECT_EQ(parsed[1]["code"], "Quote \" and \\ and\nnewline");
    EXPECT_EQ(parsed[1]["orders"], -3);
    EXPECT_DOUBLE_EQ(parsed[1]["revenue"].get<double>(), -0.05);
    EXPECT_EQ(parsed[1]["note"], "Ünïcødé ✓");
    EXPECT_EQ(parsed[0].size(), 5u);
}

TEST(ReportTable, jsonWritesMoneyAsAnExactDecimalNumber)
{
    ReportTable table({"revenue", "small", "negative", "jpy"});
    // 12345678901234567.89 has more digits than a double holds: it must be written digit for digit.
    table.addRow({eur(1234567890123456789), eur(7), eur(-100), Money{1250, *CurrencyCode::parse("JPY")}});
    const auto out = json(table);
    EXPECT_NE(out.find("\"revenue\": 12345678901234567.89"), std::string::npos) << out;
    EXPECT_NE(out.find("\"small\": 0.07"), std::string::npos) << out;
    EXPECT_NE(out.find("\"negative\": -1.00"), std::string::npos) << out;
    EXPECT_NE(out.find("\"jpy\": 1250"), std::string::npos) << out;
    const auto parsed = nlohmann::json::parse(out);
    EXPECT_TRUE(parsed[0]["revenue"].is_number());
    EXPECT_TRUE(parsed[0]["jpy"].is_number_integer());
}

TEST(ReportTable, decimalsAreWrittenDigitForDigitAsNumbers)
{
    EXPECT_EQ((Decimal{812345, 4}.str()), "81.2345");
    EXPECT_EQ((Decimal{5, 4}.str()), "0.0005");
    EXPECT_EQ((Decimal{-5, 2}.str()), "-0.05");
    EXPECT_EQ((Decimal{1000000, 4}.str()), "100.0000");
    EXPECT_EQ((Decimal{42, 0}.str()), "42");
    EXPECT_EQ((Decimal{INT64_MIN, 2}.str()), "-92233720368547758.08");
    ReportTable table({"share", "text"});
    table.addRow({Decimal{812345, 4}, std::string("x")});
    table.addRow({Decimal{5, 4}, std::string("yy")});
    EXPECT_EQ(csv(table), "share,text\r\n81.2345,x\r\n0.0005,yy\r\n");
    const auto out = json(table);
    EXPECT_NE(out.find("\"share\": 81.2345"), std::string::npos) << out;
    EXPECT_TRUE(nlohmann::json::parse(out)[1]["share"].is_number());
    std::ostringstream text;
    table.writeText(text);
    EXPECT_NE(text.str().find("\n 0.0005  yy"), std::string::npos) << text.str();  // right-aligned
}

TEST(ReportTable, jsonOfAnEmptyTableIsAnEmptyArray)
{
    ReportTable table({"a"});
    const auto out = json(table);
    const auto parsed = nlohmann::json::parse(out);
    EXPECT_TRUE(parsed.is_array());
    EXPECT_TRUE(parsed.empty());
}

TEST(ReportTable, jsonReplacesInvalidUtf8InsteadOfFailing)
{
    ReportTable table({"name"});
    table.addRow({std::string("bad \xC3\x28 byte")});
    std::string out;
    ASSERT_NO_THROW(out = json(table));
    const auto parsed = nlohmann::json::parse(out);
    EXPECT_TRUE(parsed[0]["name"].is_string());
}

TEST(ReportTable, textAlignsTextLeftAndNumbersRight)
{
    ReportTable table({"code", "name", "orders", "revenue"});
    table.addRow({std::string("C1"), std::string("Acme"), std::int64_t{7}, eur(123450)});
    table.addRow({std::string("C22"), std::string("Müller GmbH"), std::int64_t{1234}, eur(-5)});
    table.addRow({std::string("C3"), std::monostate{}, std::int64_t{0}, eur(0)});
    const auto out = text(table);
    EXPECT_EQ(out,
              "code  name         orders  revenue\n"
              "----  -----------  ------  -------\n"
              "C1    Acme              7  1234.50\n"
              "C22   Müller GmbH    1234    -0.05\n"
              "C3                      0     0.00\n");
}

TEST(ReportTable, textRowsAllHaveTheSameDisplayWidth)
{
    ReportTable table({"a", "long column name", "n"});
    table.addRow({std::string("Ångström ✓"), std::string("x"), std::int64_t{123456789}});
    table.addRow({std::string(""), std::string("a much longer value than the header"), std::int64_t{1}});
    const auto rows = lines(text(table));
    ASSERT_EQ(rows.size(), 4u);
    for (const auto& row : rows) {
        EXPECT_EQ(codePoints(row), codePoints(rows[0])) << "'" << row << "'";
    }
}

TEST(ReportTable, writeDispatchesOnTheFormat)
{
    ReportTable table({"a"});
    table.addRow({std::string("x,y")});
    for (const auto format : {ReportFormat::Table, ReportFormat::Csv, ReportFormat::Json}) {
        std::ostringstream out;
        table.write(out, format);
        const std::string expected = format == ReportFormat::Table ? text(table)
                                     : format == ReportFormat::Csv ? csv(table)
                                                                   : json(table);
        EXPECT_EQ(out.str(), expected);
    }
}
