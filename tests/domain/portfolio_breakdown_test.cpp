#include "domain/portfolio_breakdown.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

constexpr std::int64_t kEuro = 100;

MonthRange year2026()
{
    return MonthRange::calendarYear(2026).value();
}

struct Month final {
    std::int64_t category = -1;
    int month = 0;
    std::int64_t revenue = 0;
    std::int64_t cost = 0;
    std::int64_t orders = 1;
};

struct Account final {
    CustomerId id = 0;
    std::string country;
    std::string channel;
    std::vector<Month> months;
    bool inScope = true;
    std::string industry;
};

PortfolioData build(const MonthRange& period, bool byCategory, const std::vector<Account>& accounts)
{
    PortfolioDataBuilder builder(period, byCategory, {{1, "Furniture"}, {2, "Software"}});
    for (const auto& account : accounts) {
        builder.beginCustomer(account.id, account.inScope);
        for (const auto& m : account.months) {
            builder.addMonth(m.category, m.month, m.revenue, m.cost, m.orders);
        }
        builder.endCustomer([&](PortfolioDataBuilder::CustomerKeys& keys) {
            keys = {};
            keys[static_cast<std::size_t>(dimensionIndex(PortfolioDimension::Country))] = account.country;
            keys[static_cast<std::size_t>(dimensionIndex(PortfolioDimension::Channel))] = account.channel;
            keys[static_cast<std::size_t>(dimensionIndex(PortfolioDimension::Industry))] = account.industry;
            keys[static_cast<std::size_t>(dimensionIndex(PortfolioDimension::Kind))] = "customer";
        });
    }
    return builder.finish();
}

/// The worked example of docs/portfolio.md, period 2026 (prior period 2025), amounts in euros:
///   A (FR, direct): 2024 5,000 revenue 3,000 cost; 2025 6,000 / 3,600; 2026 8,000 / 4,800
///   B (FR, online): 2025 1,000 / 700; nothing in 2026 (churned)
///   C (DE, direct): 2025 2,000 / 1,000; 2026 3,000 / 1,500
///   D (DE, online): 2026 500 / 400 (new)
std::vector<Account> workedExample()
{
    return {
        {1, "FR", "direct", {{-1, 202403, 5000 * kEuro, 3000 * kEuro}, {-1, 202505, 6000 * kEuro, 3600 * kEuro},
                              {-1, 202602, 8000 * kEuro, 4800 * kEuro}}},
        {2, "FR", "online", {{-1, 202509, 1000 * kEuro, 700 * kEuro}}},
        {3, "DE", "direct", {{-1, 202511, 2000 * kEuro, 1000 * kEuro}, {-1, 202607, 3000 * kEuro, 1500 * kEuro}}},
        {4, "DE", "online", {{-1, 202612, 500 * kEuro, 400 * kEuro}}},
    };
}

PortfolioBreakdown breakdown(const PortfolioData& data, PortfolioLayout layout)
{
    auto result = breakdownPortfolio(data, layout);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().describe());
    return result.value();
}

std::string rowKey(const PortfolioData& data, const PortfolioBreakdown& b, int row)
{
    return data.valuesOf(b.layout.rows)[static_cast<std::size_t>(b.rows[static_cast<std::size_t>(row)])];
}

} // namespace

TEST(RetentionFigures, lifetimeIsOneOverTheChurnRateCappedAtTenYears)
{
    EXPECT_EQ((RetentionFigures{3, 1}.lifetimeBasisPoints()), 30000);  // 33 % churn: 3 years
    EXPECT_EQ((RetentionFigures{3, 1}.churnBasisPoints()), 3333);
    EXPECT_EQ((RetentionFigures{8, 3}.lifetimeBasisPoints()), 26667);  // 2.6667 years, half up
    EXPECT_EQ((RetentionFigures{100, 5}.lifetimeBasisPoints()), 100000);  // 20 years, capped at 10
    EXPECT_EQ((RetentionFigures{100, 0}.lifetimeBasisPoints()), 100000);  // nobody left: the cap
    EXPECT_EQ((RetentionFigures{5, 5}.lifetimeBasisPoints()), 10000);     // everybody left: one year
    EXPECT_FALSE((RetentionFigures{0, 0}.lifetimeBasisPoints()));          // nothing observed
    EXPECT_FALSE((RetentionFigures{0, 0}.churnBasisPoints()));
}

TEST(PortfolioData, priorPeriodIsTheEqualNumberOfMonthsJustBefore)
{
    EXPECT_EQ(priorPeriod(year2026()), MonthRange::calendarYear(2025).value());
    EXPECT_EQ(priorPeriod(MonthRange::between(202602, 202604).value()), MonthRange::between(202511, 202601).value());
    EXPECT_EQ(priorPeriod(MonthRange::between(202507, 202606).value()), MonthRange::between(202407, 202506).value());
    // The CLV windows reach ten years back from the last month; the prior period may reach further.
    EXPECT_EQ(firstMonthRead(year2026()), 201701);
    EXPECT_EQ(firstMonthRead(MonthRange::between(201001, 202612).value()), 199301);
}

TEST(PortfolioData, keepsTheCustomersWithSalesInThePeriodOrThePriorOneAndCountsRetention)
{
    auto accounts = workedExample();
    accounts.push_back({5, "FR", "direct", {{-1, 202301, 900 * kEuro, 100 * kEuro}}});  // lapsed before
    accounts.push_back({6, "FR", "direct", {{-1, 202701, 900 * kEuro, 100 * kEuro}}});  // only after
    const auto data = build(year2026(), false, accounts);

    ASSERT_EQ(data.customers.size(), 4u);
    EXPECT_EQ(data.customers[0].id, 1);
    EXPECT_EQ(data.customers[3].id, 4);
    EXPECT_EQ(data.customers[0].activeYears, 3);
    EXPECT_EQ(data.customers[1].activeYears, 1);
    ASSERT_EQ(data.facts.size(), 4u);
    const auto& a = data.facts[0];
    EXPECT_EQ(a.revenue, 8000 * kEuro);
    EXPECT_EQ(a.cost, 4800 * kEuro);
    EXPECT_EQ(a.priorRevenue, 6000 * kEuro);
    EXPECT_EQ(a.priorCost, 3600 * kEuro);
    EXPECT_EQ(a.historyMargin, 7600 * kEuro);
    EXPECT_TRUE(a.active);
    EXPECT_TRUE(a.priorActive);
    EXPECT_FALSE(data.facts[1].active);  // B: only the prior period
    EXPECT_TRUE(data.facts[1].priorActive);
    // A, B and C bought in 2025; B did not buy in 2026.
    EXPECT_EQ(data.retention, (RetentionFigures{3, 1}));
    EXPECT_EQ(data.prior, MonthRange::calendarYear(2025).value());
}

TEST(PortfolioData, retentionCountsCustomersOutOfScopeButTheAnalysisDoesNot)
{
    auto accounts = workedExample();
    accounts[2].inScope = false;  // C, say archived
    const auto data = build(year2026(), false, accounts);
    EXPECT_EQ(data.customers.size(), 3u);
    EXPECT_EQ(data.retention, (RetentionFigures{3, 1}));
}

TEST(PortfolioData, valuesAreInDisplayOrderWithNoneLast)
{
    std::vector<Account> accounts{
        {1, "PT", "online", {{-1, 202601, 100, 50}}, true, "Retail"},
        {2, "DE", "wholesale", {{-1, 202601, 100, 50}}, true, ""},
        {3, "FR", "direct", {{-1, 202601, 100, 50}}, true, "Construction"},
        {4, "", "retail", {{-1, 202601, 100, 50}}, true, "Agriculture"},
    };
    const auto data = build(year2026(), false, accounts);
    EXPECT_EQ(data.valuesOf(PortfolioDimension::Country), (std::vector<std::string>{"DE", "FR", "PT", "(none)"}));
    // Channels in the order of the enumeration, not the alphabet.
    EXPECT_EQ(data.valuesOf(PortfolioDimension::Channel),
              (std::vector<std::string>{"direct", "wholesale", "retail", "online"}));
    EXPECT_EQ(data.valuesOf(PortfolioDimension::Industry),
              (std::vector<std::string>{"Agriculture", "Construction", "Retail", "(none)"}));
    EXPECT_EQ(data.values[0], (std::vector<std::string>{"Furniture", "Software"}));
    // The customers point at the sorted values.
    EXPECT_EQ(data.valuesOf(PortfolioDimension::Country)[static_cast<std::size_t>(
                  data.customers[0].values[static_cast<std::size_t>(dimensionIndex(PortfolioDimension::Country))])],
              "PT");
    EXPECT_EQ(*data.findValue(PortfolioDimension::Country, "FR"), 1);
    EXPECT_FALSE(data.findValue(PortfolioDimension::Country, "XX"));
    EXPECT_EQ(regionKey("Bretagne", "FR"), "Bretagne (FR)");
    EXPECT_EQ(regionKey("", "FR"), "(none)");
}

TEST(PortfolioBreakdown, workedExampleByCountry)
{
    const auto data = build(year2026(), false, workedExample());
    const auto b = breakdown(data, {PortfolioDimension::Country, std::nullopt});

    ASSERT_EQ(b.rowCount(), 2);
    EXPECT_EQ(rowKey(data, b, 0), "DE");
    EXPECT_EQ(rowKey(data, b, 1), "FR");
    EXPECT_EQ(b.lifetimeBasisPoints, 30000);

    const auto& de = b.at({0, -1});
    EXPECT_EQ(de.revenue, 3500 * kEuro);
    EXPECT_EQ(de.margin(), 1600 * kEuro);
    EXPECT_EQ(de.marginPercent(), 4571);  // 45.71 %
    EXPECT_EQ(de.customers, 2);
    EXPECT_EQ(de.priorRevenue, 2000 * kEuro);
    EXPECT_EQ(de.growthPercent(), 7500);  // +75 %
    // C: (1,000 + 1,500) / 2 years x 3 = 3,750; D: 100 / 1 year x 3 = 300; average 2,025.
    EXPECT_EQ(de.clv, 2025 * kEuro);

    const auto& fr = b.at({1, -1});
    EXPECT_EQ(fr.revenue, 8000 * kEuro);
    EXPECT_EQ(fr.margin(), 3200 * kEuro);
    EXPECT_EQ(fr.marginPercent(), 4000);
    EXPECT_EQ(fr.customers, 1);        // B bought nothing in 2026
    EXPECT_EQ(fr.priorCustomers, 2);
    EXPECT_EQ(fr.priorRevenue, 7000 * kEuro);
    EXPECT_EQ(fr.growthPercent(), 1429);  // 8,000 / 7,000 - 1 = 14.29 %
    EXPECT_EQ(fr.clv, 7600 * kEuro);      // A: 7,600 over 3 years x 3 years

    EXPECT_EQ(b.total.revenue, 11500 * kEuro);
    EXPECT_EQ(b.total.margin(), 4800 * kEuro);
    EXPECT_EQ(b.total.customers, 3);
    EXPECT_EQ(b.total.growthPercent(), 2778);
    EXPECT_EQ(b.total.clv, 388333);  // (7,600 + 3,750 + 300) / 3 = 3,883.33

    // Profitability is margin %: DE 45.7 % is the most profitable, FR 40 % the least.
    EXPECT_EQ(b.mostProfitable, (PortfolioCellRef{0, -1}));
    EXPECT_EQ(b.leastProfitable, (PortfolioCellRef{1, -1}));

    EXPECT_EQ(de.value(PortfolioMeasure::Revenue), 3500 * kEuro);
    EXPECT_EQ(de.value(PortfolioMeasure::Margin), 1600 * kEuro);
    EXPECT_EQ(de.value(PortfolioMeasure::MarginPercent), 4571);
    EXPECT_EQ(de.value(PortfolioMeasure::Customers), 2);
    EXPECT_EQ(de.value(PortfolioMeasure::Growth), 7500);
    EXPECT_EQ(de.value(PortfolioMeasure::Clv), 2025 * kEuro);
}

TEST(PortfolioBreakdown, twoDimensionsAddUpAndEmptyValuesAreLeftOut)
{
    const auto data = build(year2026(), false, workedExample());
    const auto b = breakdown(data, {PortfolioDimension::Country, PortfolioDimension::Channel});
    ASSERT_EQ(b.rowCount(), 2);
    ASSERT_EQ(b.columnCount(), 2);  // direct and online; no wholesale or retail customer
    EXPECT_EQ(data.valuesOf(PortfolioDimension::Channel)[static_cast<std::size_t>(b.columns[1])], "online");
    EXPECT_EQ(b.at({0, 0}).revenue, 3000 * kEuro);  // DE direct: C
    EXPECT_EQ(b.at({0, 1}).revenue, 500 * kEuro);   // DE online: D
    EXPECT_EQ(b.at({1, 1}).revenue, 0);             // FR online: B, lost
    EXPECT_EQ(b.at({1, 1}).priorRevenue, 1000 * kEuro);
    EXPECT_FALSE(b.at({1, 1}).growthPercent() == std::nullopt);
    EXPECT_EQ(b.at({1, 1}).growthPercent(), -10000);
    EXPECT_FALSE(b.at({0, 1}).growthPercent());  // D is new: no growth rate
    EXPECT_FALSE(b.at({1, 1}).marginPercent());
    EXPECT_FALSE(b.at({1, 1}).clv);  // nobody bought there in the period
    EXPECT_EQ(b.at({-1, 0}).revenue, 11000 * kEuro);  // direct, all countries
    EXPECT_EQ(b.at({-1, 0}).customers, 2);
    EXPECT_EQ(b.at({1, -1}).revenue, 8000 * kEuro);  // FR, all channels
    for (int r = 0; r < 2; ++r) {
        EXPECT_EQ(b.at({r, 0}).revenue + b.at({r, 1}).revenue, b.at({r, -1}).revenue);
    }
    // Among the cells with sales: DE online has the lowest margin (20 %), DE direct the highest (50 %).
    EXPECT_EQ(b.mostProfitable, (PortfolioCellRef{0, 0}));
    EXPECT_EQ(b.leastProfitable, (PortfolioCellRef{0, 1}));
}

TEST(PortfolioBreakdown, aCustomerBuyingSeveralCategoriesCountsOnceInItsRow)
{
    std::vector<Account> accounts{
        {1, "FR", "direct", {{1, 202601, 1000, 600}, {2, 202602, 3000, 1000}, {1, 202502, 500, 300}}},
        {2, "FR", "online", {{2, 202603, 2000, 500}}},
        {3, "DE", "direct", {{1, 202604, 800, 700}}},
    };
    const auto data = build(year2026(), true, accounts);
    const auto b = breakdown(data, {PortfolioDimension::Country, PortfolioDimension::Category});
    ASSERT_EQ(b.rowCount(), 2);     // DE, FR
    ASSERT_EQ(b.columnCount(), 2);  // Furniture, Software
    EXPECT_EQ(b.at({1, 0}).customers, 1);  // FR furniture: customer 1
    EXPECT_EQ(b.at({1, 1}).customers, 2);  // FR software: 1 and 2
    EXPECT_EQ(b.at({1, -1}).customers, 2);  // FR: 1 and 2, customer 1 once
    EXPECT_EQ(b.at({-1, 0}).customers, 2);  // furniture: 1 and 3
    EXPECT_EQ(b.total.customers, 3);
    EXPECT_EQ(b.at({1, 0}).priorRevenue, 500);
    EXPECT_EQ(b.total.revenue, 6800);

    // The same data read without categories gives the same rows, CLV included.
    const auto whole = build(year2026(), false,
                             {{1, "FR", "direct", {{-1, 202601, 1000, 600}, {-1, 202602, 3000, 1000}, {-1, 202502, 500, 300}}},
                              {2, "FR", "online", {{-1, 202603, 2000, 500}}},
                              {3, "DE", "direct", {{-1, 202604, 800, 700}}}});
    const auto byCountry = breakdown(whole, {PortfolioDimension::Country, std::nullopt});
    for (int r = 0; r < 2; ++r) {
        EXPECT_EQ(byCountry.at({r, -1}), b.at({r, -1})) << r;
    }
    // A breakdown of data read by category that does not show categories is the same too.
    const auto viaCategories = breakdown(data, {PortfolioDimension::Country, std::nullopt});
    EXPECT_EQ(viaCategories.rowTotals, byCountry.rowTotals);
    EXPECT_EQ(viaCategories.total, byCountry.total);
}

TEST(PortfolioBreakdown, refusesTheSameDimensionTwiceAndCategoriesNotRead)
{
    const auto data = build(year2026(), false, workedExample());
    const auto same = breakdownPortfolio(data, {PortfolioDimension::Country, PortfolioDimension::Country});
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(same.error().where, "columns");
    EXPECT_FALSE(breakdownPortfolio(data, {PortfolioDimension::Category, std::nullopt}).ok());
    EXPECT_TRUE(needsCategories({PortfolioDimension::Country, PortfolioDimension::Category}));
    EXPECT_FALSE(needsCategories({PortfolioDimension::Country, PortfolioDimension::Owner}));
}

TEST(PortfolioBreakdown, noRetentionObservedMeansNoClv)
{
    // Only sales in 2026: nobody to observe in 2025.
    const auto data = build(year2026(), false, {{1, "FR", "direct", {{-1, 202601, 1000, 500}}}});
    const auto b = breakdown(data, {PortfolioDimension::Country, std::nullopt});
    EXPECT_FALSE(b.lifetimeBasisPoints);
    EXPECT_FALSE(b.total.clv);
    EXPECT_EQ(b.total.revenue, 1000);
}

TEST(PortfolioBreakdown, smallCellsCannotBeTheMostOrLeastProfitable)
{
    // Customer 2 sells at a 90 % margin but brings under 1 % of the revenue.
    const auto data = build(year2026(), false,
                            {{1, "FR", "direct", {{-1, 202601, 100000, 50000}}},
                             {2, "DE", "direct", {{-1, 202601, 900, 90}}},
                             {3, "PT", "direct", {{-1, 202601, 50000, 40000}}}});
    const auto b = breakdown(data, {PortfolioDimension::Country, std::nullopt});
    ASSERT_EQ(rowKey(data, b, 0), "DE");
    EXPECT_EQ(b.mostProfitable, (PortfolioCellRef{1, -1}));   // FR 50 %
    EXPECT_EQ(b.leastProfitable, (PortfolioCellRef{2, -1}));  // PT 20 %
}

TEST(PortfolioBreakdown, findCellByKeys)
{
    const auto data = build(year2026(), false, workedExample());
    const auto b = breakdown(data, {PortfolioDimension::Country, PortfolioDimension::Channel});
    EXPECT_EQ(findCell(data, b, "FR", "online"), (PortfolioCellRef{1, 1}));
    EXPECT_EQ(findCell(data, b, "DE"), (PortfolioCellRef{0, -1}));
    EXPECT_EQ(findCell(data, b, "", "direct"), (PortfolioCellRef{-1, 0}));
    EXPECT_FALSE(findCell(data, b, "PT"));
    EXPECT_FALSE(findCell(data, b, "FR", "retail"));  // a channel without sales is not a column
}

TEST(PortfolioBreakdown, customersBehindACellWithTheirFigures)
{
    const auto data = build(year2026(), false, workedExample());
    const auto b = breakdown(data, {PortfolioDimension::Country, std::nullopt});
    const auto fr = customersInCell(data, b, {1, -1});
    ASSERT_EQ(fr.size(), 2u);  // A, and B who bought only in the prior period
    EXPECT_EQ(fr[0].id, 1);
    EXPECT_EQ(fr[0].figures.revenue, 8000 * kEuro);
    EXPECT_EQ(fr[0].figures.customers, 1);
    EXPECT_EQ(fr[0].figures.clv, 7600 * kEuro);
    EXPECT_EQ(fr[1].id, 2);
    EXPECT_EQ(fr[1].figures.revenue, 0);
    EXPECT_EQ(fr[1].figures.priorRevenue, 1000 * kEuro);
    EXPECT_EQ(fr[1].figures.customers, 0);
    EXPECT_FALSE(fr[1].figures.clv);

    const auto de = customersInCell(data, b, {0, -1});
    ASSERT_EQ(de.size(), 2u);
    EXPECT_EQ(de[0].id, 3);  // 3,000 before 500
    EXPECT_EQ(de[0].figures.clv, 3750 * kEuro);
    EXPECT_EQ(de[1].figures.clv, 300 * kEuro);
    // The cell's CLV is the average of its customers'.
    EXPECT_EQ(*b.at({0, -1}).clv, (*de[0].figures.clv + *de[1].figures.clv) / 2);

    EXPECT_EQ(customersInCell(data, b, {-1, -1}).size(), 4u);
}

TEST(PortfolioBreakdown, drillDownByCategoryGivesTheCustomersSalesInThatCategory)
{
    const auto data = build(year2026(), true,
                            {{1, "FR", "direct", {{1, 202601, 1000, 600}, {2, 202602, 3000, 1000}}},
                             {2, "FR", "online", {{2, 202603, 2000, 500}}}});
    const auto b = breakdown(data, {PortfolioDimension::Category, PortfolioDimension::Country});
    const auto software = customersInCell(data, b, {1, 0});
    ASSERT_EQ(software.size(), 2u);
    EXPECT_EQ(software[0].id, 1);
    EXPECT_EQ(software[0].figures.revenue, 3000);
    EXPECT_EQ(software[1].figures.revenue, 2000);
    const auto furniture = customersInCell(data, b, {0, -1});
    ASSERT_EQ(furniture.size(), 1u);
    EXPECT_EQ(furniture[0].figures.revenue, 1000);
}

TEST(PortfolioBreakdown, monthsAfterThePeriodAndBeforeTheClvWindowsAreIgnored)
{
    const auto data = build(year2026(), false,
                            {{1, "FR", "direct",
                              {{-1, 202601, 1000, 500}, {-1, 202701, 99999, 0}, {-1, 201612, 77777, 0},
                               {-1, 201701, 300, 100}}}});
    ASSERT_EQ(data.facts.size(), 1u);
    EXPECT_EQ(data.facts[0].revenue, 1000);
    EXPECT_EQ(data.facts[0].historyMargin, 700);  // 2026 and January 2017, the tenth window
    EXPECT_EQ(data.customers[0].activeYears, 2);
}

TEST(PortfolioData, partsReadSideBySideMergeIntoTheWhole)
{
    auto accounts = workedExample();
    accounts.push_back({5, "PT", "retail", {{-1, 202601, 700, 100}}, true, "Retail"});
    accounts.push_back({6, "FR", "retail", {{-1, 202603, 900, 100}}, true, "Construction"});
    const auto whole = build(year2026(), false, accounts);
    std::vector<PortfolioData> parts;
    parts.push_back(build(year2026(), false, {accounts[0], accounts[1], accounts[4]}));  // ids in order per part
    parts.push_back(build(year2026(), false, {accounts[2], accounts[3]}));
    parts.push_back(build(year2026(), false, {accounts[5]}));
    // Parts must be in id order: 1, 2, 5 | 3, 4 | 6 is not, so sort the whole the same way.
    std::vector<Account> reordered{accounts[0], accounts[1], accounts[4], accounts[2], accounts[3], accounts[5]};
    const auto expected = build(year2026(), false, reordered);
    const auto merged = mergePortfolioParts(std::move(parts));
    EXPECT_EQ(merged.values, expected.values);
    ASSERT_EQ(merged.customers.size(), expected.customers.size());
    for (std::size_t i = 0; i < merged.customers.size(); ++i) {
        EXPECT_EQ(merged.customers[i].id, expected.customers[i].id);
        EXPECT_EQ(merged.customers[i].values, expected.customers[i].values) << i;
    }
    ASSERT_EQ(merged.facts.size(), expected.facts.size());
    for (std::size_t i = 0; i < merged.facts.size(); ++i) {
        EXPECT_EQ(merged.facts[i].customer, expected.facts[i].customer);
        EXPECT_EQ(merged.facts[i].revenue, expected.facts[i].revenue);
    }
    EXPECT_EQ(merged.retention, whole.retention);
    // The breakdown does not depend on the order the customers came in.
    const auto a = breakdownPortfolio(merged, {PortfolioDimension::Country, PortfolioDimension::Channel}).value();
    const auto b = breakdownPortfolio(whole, {PortfolioDimension::Country, PortfolioDimension::Channel}).value();
    EXPECT_EQ(a.cells, b.cells);
    EXPECT_EQ(a.total, b.total);
}

TEST(PortfolioData, attributesAreAskedForOnlyForTheCustomersKept)
{
    PortfolioDataBuilder builder(year2026(), false);
    int asked = 0;
    const auto fill = [&](PortfolioDataBuilder::CustomerKeys& keys) {
        ++asked;
        keys = {};
    };
    builder.beginCustomer(1, true);
    builder.addMonth(-1, 202601, 100, 50);
    builder.endCustomer(fill);
    builder.beginCustomer(2, true);
    builder.addMonth(-1, 202301, 100, 50);  // long before the prior period
    builder.endCustomer(fill);
    builder.beginCustomer(3, false);  // out of scope
    builder.addMonth(-1, 202601, 100, 50);
    builder.endCustomer(fill);
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(builder.finish().customers.size(), 1u);
}
