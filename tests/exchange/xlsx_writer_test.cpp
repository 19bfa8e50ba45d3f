#include "exchange/xlsx_writer.h"

#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

using namespace cartera::domain;
using namespace cartera::exchange;

namespace {

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ReportTable sampleTable()
{
    ReportTable table({"code", "name", "revenue", "share", "last order", "orders"});
    const auto eur = *CurrencyCode::parse("EUR");
    table.addRow({std::string("C1"), std::string("=HYPERLINK(\"x\")"), Money{123456, eur}, Decimal{812345, 4},
                  Date(2026, 3, 1), std::int64_t{12}});
    table.addRow({std::string("C2"), std::string("Ünïcode & <xml>"), Money{-5, eur}, Decimal{0, 4}, std::monostate{},
                  std::int64_t{0}});
    return table;
}

} // namespace

TEST(XlsxWriter, writesAZipPackageUnderTheNameAndNothingElse)
{
    cartera::testing::TempDir dir;
    const auto path = dir.file("list.xlsx");
    ASSERT_TRUE(writeXlsx(sampleTable(), path, "ABC [A]").ok());
    const auto bytes = readBytes(path);
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");  // an OOXML package is a zip archive
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        ++files;
    }
    EXPECT_EQ(files, 1u);  // no temporary or partial file left beside it
}

TEST(XlsxWriter, anUnwritableFolderIsAClearErrorAndLeavesNoFile)
{
    cartera::testing::TempDir dir;
    const auto path = dir.file("missing-folder") / "list.xlsx";
    const auto written = writeXlsx(sampleTable(), path, "Sheet");
    ASSERT_FALSE(written.ok());
    EXPECT_NE(written.error().message.find("list.xlsx"), std::string::npos) << written.error().message;
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(XlsxWriter, refusesRowsPastExcelsLimitWithAMessageThatSaysWhatToDo)
{
    cartera::testing::TempDir dir;
    auto writer = XlsxWriter::create(dir.file("big.xlsx"), "Big", {"n"});
    ASSERT_TRUE(writer.ok());
    for (std::int64_t i = 0; i < XlsxWriter::kMaxDataRows; ++i) {
        ASSERT_TRUE(writer.value()->addRow({i}).ok());
    }
    const auto refused = writer.value()->addRow({std::int64_t{1}});
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("CSV"), std::string::npos);
}
