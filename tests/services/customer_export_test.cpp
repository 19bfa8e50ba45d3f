#include "services/customer_export.h"

#include "exchange/csv_reader.h"
#include "services/portfolio.h"
#include "storage/database.h"
#include "support/sample_records.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::exchange::CsvProfileId;
using cartera::exchange::csvProfile;
using cartera::testing::readFile;
using cartera::testing::TempDir;
using cartera::testing::writeFile;

namespace {

using Records = std::vector<std::vector<std::string>>;

/// A small portfolio with accents, formula-like names, two reps and every channel.
struct ExportFixture {
    TempDir dir;
    std::unique_ptr<Portfolio> portfolio = std::move(Portfolio::open(dir.file("p.cartera"), cartera::storage::OpenMode::CreateOrUpgrade).value());
    RepId ana = 0;

    ExportFixture()
    {
        SalesRep rep;
        rep.code = "R01";
        rep.name = "Ana Ruiz";
        portfolio->reps().insert(rep);
        ana = rep.id;
        add("C001", "Société Générale Café", SalesChannel::Retail, "FR", "Lyon", ana);
        add("C002", "=HYPERLINK(\"http://evil\")", SalesChannel::Online, "DE", "München", std::nullopt);
        add("C003", "Müller; Söhne, \"Bau\"", SalesChannel::Wholesale, "ES", "Sevilla\nCentro", ana);
        add("C004", "Zeta prospect", SalesChannel::Direct, "PT", "Guimarães", ana, CustomerKind::Prospect);
        auto archived = cartera::testing::sampleCustomer("C005", "Archived account");
        archived.archivedOn = Date(2025, 1, 1);
        portfolio->customers().insert(archived);
    }

    void add(const std::string& code, const std::string& name, SalesChannel channel, const std::string& country,
             const std::string& city, std::optional<RepId> owner, CustomerKind kind = CustomerKind::Customer)
    {
        auto c = cartera::testing::sampleCustomer(code, name);
        c.channel = channel;
        c.country = country;
        c.city = city;
        c.ownerRepId = owner;
        c.kind = kind;
        c.industry = "Retail";
        portfolio->customers().insert(c);
    }

    /// count more customers, in one transaction (one commit, not one fsync per customer).
    void addMany(int count)
    {
        cartera::storage::WriteTransaction transaction(portfolio->database());
        for (int i = 0; i < count; ++i) {
            add("X" + std::to_string(i), "Bulk " + std::to_string(i), SalesChannel::Online, "FR", "Paris", ana);
        }
        transaction.commit();
    }

    Records readCsv(const std::filesystem::path& path, char delimiter = ',') const
    {
        auto records = cartera::exchange::CsvReader(delimiter).readAll(readFile(path));
        EXPECT_TRUE(records.ok()) << records.error().describe();
        return records.ok() ? records.value() : Records{};
    }
};

/// Files an export could have left behind: temporary files of ours or of libxlsxwriter.
std::vector<std::string> strayFilesIn(const std::filesystem::path& folder)
{
    std::vector<std::string> stray;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("p.cartera", 0) != 0 && name != "list.csv" && name != "list.xlsx") {
            stray.push_back(name);
        }
    }
    return stray;
}

} // namespace

TEST(CustomerExportService, writesTheListsRowsWithHumanLabelsNotCodes)
{
    ExportFixture f;
    CustomerExportRequest request;
    request.path = f.dir.file("all.csv");
    request.profile = csvProfile(CsvProfileId::Plain);
    const auto summary = CustomerExportService(*f.portfolio).exportCustomers(request);
    ASSERT_TRUE(summary.ok()) << summary.error().describe();
    EXPECT_EQ(summary.value().rows, 4);
    const Records expected{
        {"Code", "Name", "Kind", "Industry", "City", "Country", "Channel", "Owner", "Status"},
        {"C002", "'=HYPERLINK(\"http://evil\")", "Customer", "Retail", "München", "Germany", "Online", "", "Active"},
        {"C003", "Müller; Söhne, \"Bau\"", "Customer", "Retail", "Sevilla\nCentro", "Spain", "Wholesale / distributor",
         "Ana Ruiz", "Active"},
        {"C001", "Société Générale Café", "Customer", "Retail", "Lyon", "France", "Retail", "Ana Ruiz", "Active"},
        {"C004", "Zeta prospect", "Prospect", "Retail", "Guimarães", "Portugal", "Direct", "Ana Ruiz", "Active"},
    };
    EXPECT_EQ(f.readCsv(request.path), expected);
}

TEST(CustomerExportService, exportsExactlyTheRowsAndOrderTheListShowsForAFilterAndSort)
{
    ExportFixture f;
    CustomerExportRequest request;
    request.filter.ownerRepId = f.ana;
    request.filter.kind = CustomerKind::Customer;
    request.sort = {CustomerSortKey::City, true};
    request.columns = {CustomerExportColumn::Code};
    request.path = f.dir.file("ana.csv");
    ASSERT_TRUE(CustomerExportService(*f.portfolio).exportCustomers(request).ok());
    Records expected{{"Code"}};
    for (const auto& row : f.portfolio->customers().list(request.filter, request.sort, 0, 1000)) {
        expected.push_back({row.code});
    }
    ASSERT_EQ(expected.size(), 3u);  // C003 (Sevilla), C001 (Lyon)
    EXPECT_EQ(f.readCsv(request.path), expected);

    request.filter = {};
    request.filter.search = "muller";  // accents ignored, as in the list
    request.filter.includeArchived = true;
    request.sort = {};
    ASSERT_TRUE(CustomerExportService(*f.portfolio).exportCustomers(request).ok());
    EXPECT_EQ(f.readCsv(request.path), (Records{{"Code"}, {"C003"}}));
}

TEST(CustomerExportService, theSemicolonProfileWritesSemicolonsABomAndCrLf)
{
    ExportFixture f;
    CustomerExportRequest request;
    request.profile = csvProfile(CsvProfileId::ExcelSemicolon);
    request.columns = {CustomerExportColumn::Code, CustomerExportColumn::Name, CustomerExportColumn::CreatedOn,
                       CustomerExportColumn::CountryCode, CustomerExportColumn::Strategic};
    request.filter.country = "ES";
    request.path = f.dir.file("es.csv");
    ASSERT_TRUE(CustomerExportService(*f.portfolio).exportCustomers(request).ok());
    EXPECT_EQ(readFile(request.path), "\xEF\xBB\xBF" "Code;Name;Created on;Country code;Strategic\r\n"
                                      "C003;\"Müller; Söhne, \"\"Bau\"\"\";2024-01-01;ES;No\r\n");
}

TEST(CustomerExportService, unknownColumnsAreNamedWithTheKnownOnes)
{
    const auto parsed = parseCustomerExportColumns("code, name,revenue");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().where, "--columns");
    EXPECT_NE(parsed.error().message.find("'revenue' is not a column; known columns: code, name,"), std::string::npos)
        << parsed.error().message;
    const auto good = parseCustomerExportColumns("code, country ,owner");
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good.value(), (std::vector{CustomerExportColumn::Code, CustomerExportColumn::Country,
                                         CustomerExportColumn::Owner}));
}

TEST(CustomerExportService, cancellingKeepsThePreviousFileAndLeavesNoTemporary)
{
    ExportFixture f;
    f.addMany(3000);
    for (const auto format : {ListFileFormat::Csv, ListFileFormat::Xlsx}) {
        CustomerExportRequest request;
        request.format = format;
        request.path = f.dir.file(format == ListFileFormat::Csv ? "list.csv" : "list.xlsx");
        writeFile(request.path, "previous");
        std::atomic<bool> cancel{true};
        const auto summary = CustomerExportService(*f.portfolio).exportCustomers(request, {{}, &cancel});
        ASSERT_TRUE(summary.ok()) << summary.error().describe();
        EXPECT_TRUE(summary.value().cancelled);
        EXPECT_LT(summary.value().rows, 3004);
        EXPECT_EQ(readFile(request.path), "previous");
    }
    EXPECT_EQ(strayFilesIn(f.dir.path()), std::vector<std::string>{});
}

TEST(CustomerExportService, reportsProgressUpToTheTotal)
{
    ExportFixture f;
    f.addMany(40000);
    std::vector<std::pair<std::int64_t, std::int64_t>> reports;
    CustomerExportRequest request;
    request.path = f.dir.file("list.csv");
    const auto summary = CustomerExportService(*f.portfolio).exportCustomers(
        request, {[&](std::int64_t done, std::int64_t total) { reports.emplace_back(done, total); }, nullptr});
    ASSERT_TRUE(summary.ok());
    ASSERT_GE(reports.size(), 3u);
    EXPECT_EQ(reports.back(), std::make_pair(std::int64_t{40004}, std::int64_t{40004}));
    EXPECT_LT(reports.front().first, reports.back().first);
}

TEST(CustomerExportService, aFailedExportLeavesThePreviousFileAndNoTemporary)
{
    ExportFixture f;
    CustomerExportRequest request;
    request.path = f.dir.file("missing") / "list.csv";
    const auto missing = CustomerExportService(*f.portfolio).exportCustomers(request);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("list.csv: the folder does not exist"), std::string::npos)
        << missing.error().message;
    request.path = f.dir.path();  // a folder
    const auto folder = CustomerExportService(*f.portfolio).exportCustomers(request);
    ASSERT_FALSE(folder.ok());
    EXPECT_TRUE(std::filesystem::is_directory(f.dir.path()));
    EXPECT_EQ(strayFilesIn(f.dir.path()), std::vector<std::string>{});
}

TEST(CustomerExportService, xlsxHoldsTheRowsAndAnAboutSheetWithTheFilterInWords)
{
#ifndef CARTERA_PYTHON3
    GTEST_SKIP() << "python3 is needed to unzip the workbook";
#else
    ExportFixture f;
    CustomerExportRequest request;
    request.format = ListFileFormat::Xlsx;
    request.filter.channel = SalesChannel::Retail;
    request.filter.country = "FR";
    request.path = f.dir.file("retail.xlsx");
    writeFile(request.path, "previous");
    const auto summary = CustomerExportService(*f.portfolio).exportCustomers(request);
    ASSERT_TRUE(summary.ok()) << summary.error().describe();
    EXPECT_EQ(summary.value().rows, 1);
    // Python's zipfile reads the package as Excel would: both sheets' XML into text files.
    const auto sheets = f.dir.file("sheets.txt");
    const std::string command = std::string(CARTERA_PYTHON3) +
                                " -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                "open(sys.argv[2], 'w', encoding='utf-8').write("
                                "z.read('xl/workbook.xml').decode() + '\\n@@\\n' + "
                                "z.read('xl/worksheets/sheet1.xml').decode() + '\\n@@\\n' + "
                                "z.read('xl/worksheets/sheet2.xml').decode())\" " +
                                request.path.string() + " " + sheets.string();
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const auto xml = readFile(sheets);
    const auto workbook = xml.substr(0, xml.find("@@"));
    const auto data = xml.substr(xml.find("@@") + 2, xml.rfind("@@") - xml.find("@@") - 2);
    const auto about = xml.substr(xml.rfind("@@") + 2);
    EXPECT_NE(workbook.find("name=\"Customers\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"About this export\""), std::string::npos) << workbook;
    for (const char* text : {"Société Générale Café", "France", "Retail", "Ana Ruiz", "Channel", "Owner"}) {
        EXPECT_NE(data.find(text), std::string::npos) << text << " not in " << data;
    }
    EXPECT_EQ(data.find("<f>"), std::string::npos);  // no formula cell
    for (const char* text : {"Exported on", "Rows", ">1<", "Channel", "Retail", "France (FR)", "Archived accounts",
                             "Code, Name, Kind"}) {
        EXPECT_NE(about.find(text), std::string::npos) << text << " not in " << about;
    }
#endif
}

TEST(CustomerExportService, writesTwelveMonthFiguresAsNumbersWithTheProfilesDecimalMark)
{
    ExportFixture f;
    ProductCategory category{0, "Hardware"};
    f.portfolio->products().insertCategory(category);
    Product widget;
    widget.code = "P-W";
    widget.name = "Widget";
    widget.categoryId = category.id;
    widget.listPrice.minor = 1999;
    widget.unitCost.minor = 1200;
    f.portfolio->products().insert(widget);
    const auto c001 = f.portfolio->customers().findByCode("C001")->id;
    // Inside the 12 months ending 2026-11: 3 x 19.99 at 12.00 cost; and one order too old to count.
    auto order = cartera::testing::sampleOrder(c001, Date(2026, 11, 3), {cartera::testing::sampleLine(widget.id, 3, 1999, 0, 1200)});
    f.portfolio->orders().insert(order);
    auto old = cartera::testing::sampleOrder(c001, Date(2025, 11, 30), {cartera::testing::sampleLine(widget.id, 1, 100000, 0, 0)});
    f.portfolio->orders().insert(old);

    CustomerExportRequest request;
    request.asOf = Date(2026, 11, 23);
    request.profile = csvProfile(CsvProfileId::ExcelSemicolon);
    request.columns = parseCustomerExportColumns("code,revenue_12m,margin_12m").value();
    request.filter.country = "FR";
    request.path = f.dir.file("figures.csv");
    ASSERT_TRUE(CustomerExportService(*f.portfolio).exportCustomers(request).ok());
    EXPECT_EQ(readFile(request.path), "\xEF\xBB\xBF" "Code;Revenue (12 months);Gross margin (12 months)\r\n"
                                      "C001;59,97;23,97\r\n");
    request.filter.country = "PT";  // no orders: zero, not an empty cell
    request.profile = csvProfile(CsvProfileId::Plain);
    ASSERT_TRUE(CustomerExportService(*f.portfolio).exportCustomers(request).ok());
    EXPECT_EQ(readFile(request.path), "Code,Revenue (12 months),Gross margin (12 months)\nC004,0.00,0.00\n");
}
