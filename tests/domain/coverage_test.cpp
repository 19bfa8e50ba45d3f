#include "domain/coverage.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace cartera::domain;

namespace {

CoverageAccount account(CustomerId id, RepId rep, TerritoryId territory, std::int64_t revenue)
{
    CoverageAccount a;
    a.id = id;
    a.rep = rep;
    a.territory = territory;
    a.revenue = revenue;
    a.cost = revenue / 2;
    a.contactedRecently = true;
    return a;
}

SalesRep rep(RepId id, bool active = true)
{
    SalesRep r;
    r.id = id;
    r.code = "R" + std::to_string(id);
    r.name = r.code;
    r.active = active;
    return r;
}

} // namespace

TEST(Coverage, addsUpPerRepAndTerritory)
{
    std::vector<CoverageAccount> accounts{account(1, 1, 10, 100), account(2, 1, 10, 300), account(3, 2, 20, 200)};
    accounts[0].aClass = true;
    accounts[1].openClaims = 2;
    accounts[2].contactedRecently = false;
    const std::vector<Territory> territories{{10, std::nullopt, "North", 1, {}}, {20, std::nullopt, "South", 2, {}}};
    const auto report = buildCoverage(accounts, {rep(1), rep(2)}, territories);
    ASSERT_EQ(report.byRep.size(), 2u);
    EXPECT_EQ(report.byRep[0].key, 1);
    EXPECT_EQ(report.byRep[0].accounts, 2);
    EXPECT_EQ(report.byRep[0].aAccounts, 1);
    EXPECT_EQ(report.byRep[0].revenue, 400);
    EXPECT_EQ(report.byRep[0].margin, 200);
    EXPECT_EQ(report.byRep[0].openClaims, 2);
    EXPECT_EQ(report.byRep[1].withoutContact, 1);
    ASSERT_EQ(report.byTerritory.size(), 2u);
    EXPECT_EQ(report.byTerritory[1].revenue, 200);
    EXPECT_EQ(report.total.accounts, 3);
    // Revenues 400 and 200: mean 300, standard deviation 100.
    ASSERT_TRUE(report.balanceIndex.has_value());
    EXPECT_NEAR(*report.balanceIndex, 1.0 / 3.0, 1e-9);
}

TEST(Coverage, coefficientOfVariationNeedsTwoValuesAndRevenue)
{
    EXPECT_EQ(coefficientOfVariation({5}), std::nullopt);
    EXPECT_EQ(coefficientOfVariation({0, 0}), std::nullopt);
    EXPECT_NEAR(*coefficientOfVariation({10, 10, 10}), 0.0, 1e-12);
    EXPECT_NEAR(*coefficientOfVariation({2, 4, 4, 4, 5, 5, 7, 9}), 2.0 / 5.0, 1e-12);
}

TEST(Coverage, suggestedMovesNarrowTheGapAndSkipLockedAndClassAAccounts)
{
    std::vector<CoverageAccount> accounts{account(1, 1, 10, 500), account(2, 1, 10, 300), account(3, 1, 10, 250),
                                          account(4, 2, 20, 100)};
    accounts[0].aClass = true;
    accounts[1].locked = true;
    const std::vector<Territory> territories{{10, std::nullopt, "North", 1, {}}, {20, std::nullopt, "South", 2, {}}};
    const auto moves = suggestBalancingMoves(accounts, {1, 2}, territories, 5);
    // Rep 1 has 1050, rep 2 has 100: the gap 950 is best halved by account 3 (250), the only one
    // allowed to move; then 800 against 350 and nothing else may move.
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves[0].customer, 3);
    EXPECT_EQ(moves[0].toRep, 2);
    EXPECT_EQ(moves[0].toTerritory, 20);
    EXPECT_TRUE(moves[0].toLocked);
    const auto before = *coefficientOfVariation({1050, 100});
    const auto after = *coefficientOfVariation({800, 350});
    EXPECT_LT(after, before);
}

TEST(Coverage, noMoveIsSuggestedWhenRepsAreEven)
{
    const std::vector<CoverageAccount> accounts{account(1, 1, 10, 100), account(2, 2, 20, 100)};
    const std::vector<Territory> territories{{10, std::nullopt, "North", 1, {}}, {20, std::nullopt, "South", 2, {}}};
    EXPECT_TRUE(suggestBalancingMoves(accounts, {1, 2}, territories, 5).empty());
}

TEST(Coverage, channelReportFlagsAccountsServedThroughAnotherChannel)
{
    auto a = account(1, 1, 10, 100);
    a.channel = static_cast<std::int8_t>(SalesChannel::Direct);
    a.priorRevenue = 80;
    auto b = account(2, 1, 10, 50);
    b.channel = static_cast<std::int8_t>(SalesChannel::Online);
    b.otherChannels = 1U << static_cast<unsigned>(SalesChannel::Wholesale);
    const auto report = buildChannelReport({a, b});
    ASSERT_EQ(report.byChannel.size(), 4u);
    EXPECT_EQ(report.byChannel[0].revenue, 100);
    EXPECT_EQ(report.byChannel[0].growthBasisPoints(), 2500);
    EXPECT_EQ(report.byChannel[3].multiChannel, 1);
    EXPECT_EQ(report.multiChannel, (std::vector<MultiChannelAccount>{{2, 3, 1U << 1, 10}}));
    ASSERT_EQ(report.byChannelAndTerritory[3].size(), 1u);
    EXPECT_EQ(report.byChannelAndTerritory[3][0].key, 10);
}

TEST(Coverage, whenTheTopRepHasNothingToMoveTheNextOneGives)
{
    std::vector<CoverageAccount> accounts{account(1, 1, 10, 900), account(2, 2, 20, 300), account(3, 2, 20, 200),
                                          account(4, 3, 30, 50)};
    accounts[0].aClass = true;  // the manager's key account stays
    const std::vector<Territory> territories{{10, std::nullopt, "Key", 1, {}}, {20, std::nullopt, "North", 2, {}},
                                             {30, std::nullopt, "South", 3, {}}};
    const auto moves = suggestBalancingMoves(accounts, {1, 2, 3}, territories, 1);
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves[0].customer, 3);  // rep 2 (500) to rep 3 (50): 200 is nearest half the gap of 450
    EXPECT_EQ(moves[0].toRep, 3);
}
