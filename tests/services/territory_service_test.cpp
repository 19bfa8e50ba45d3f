#include "services/territory_service.h"

#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "storage/territory_repository.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <map>

using namespace cartera::domain;
using namespace cartera::services;
using cartera::testing::TempDir;

namespace {

const Date kAsOf(2026, 6, 30);

/// Where every account stands: territory, lock and owner rep, read past the service.
struct Standing final {
    TerritoryId territory = 0;
    bool locked = false;
    RepId rep = 0;
    friend bool operator==(const Standing&, const Standing&) = default;
};

/// A 400-account demo portfolio as of 2026-06-30, with its territory set and ABC snapshots.
class TerritoryServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        DemoOptions options;
        options.customers = 400;
        options.seed = 5;
        options.asOf = kAsOf;
        const auto path = dir.file("demo.db");
        ASSERT_TRUE(createDemoPortfolioFile(path, options, false).ok());
        portfolio = std::move(Portfolio::open(path, cartera::storage::OpenMode::ReadWrite).value());
    }

    std::map<CustomerId, Standing> standings() const
    {
        std::map<CustomerId, Standing> out;
        auto s = portfolio->database().prepare(
            "SELECT c.id, coalesce(t.territory_id, 0), coalesce(t.locked, 0), coalesce(c.owner_rep_id, 0)"
            " FROM customer c LEFT JOIN customer_territory t ON t.customer_id = c.id ORDER BY c.id");
        while (s.step()) {
            out[s.int64(0)] = Standing{s.int64(1), s.int64(2) != 0, s.int64(3)};
        }
        return out;
    }

    const Territory& territoryNamed(const TerritorySet& set, const std::string& name) const
    {
        for (const auto& t : set.territories) {
            if (t.name == name) {
                return t;
            }
        }
        throw std::runtime_error("no territory " + name);
    }

    /// Splits Bretagne in two: Finistère (postal 29) goes to a new territory owned by another rep.
    TerritorySet splitBretagne(const TerritorySet& current, RepId newOwner) const
    {
        TerritorySet proposed = current;
        const auto& bretagne = territoryNamed(current, "Bretagne");
        Territory west{proposed.nextTerritoryId(), bretagne.parentId, "Bretagne Ouest", newOwner, {}};
        proposed.territories.push_back(west);
        TerritoryRule rule;
        rule.id = proposed.nextRuleId();
        rule.territoryId = west.id;
        rule.priority = 60;  // before the region rules
        rule.country = "FR";
        rule.postalFrom = "29";
        rule.postalTo = "29";
        proposed.rules.push_back(rule);
        return proposed;
    }

    TempDir dir;
    std::unique_ptr<Portfolio> portfolio;
};

} // namespace

TEST_F(TerritoryServiceTest, theDemoShipsATerritorySetWithEveryAccountPlacedAndTwoLockedOverrides)
{
    TerritoryService service(*portfolio);
    const auto set = service.territories().value();
    EXPECT_GT(set.territories.size(), 30u);
    EXPECT_EQ(territoryPath(territoryNamed(set, "Paris").id, set.territories), "EMEA > France > Île-de-France > Paris");
    const auto preview = service.preview(kAsOf).value();
    EXPECT_TRUE(preview.plan.moves.empty());  // the demo accounts are where the rules put them
    EXPECT_TRUE(preview.plan.unassigned.empty());
    EXPECT_EQ(preview.plan.locked, 2);
    const auto reps = service.reps().value();
    for (const auto& rep : reps) {
        EXPECT_TRUE(rep.capacityAccounts.has_value()) << rep.code;
    }
}

TEST_F(TerritoryServiceTest, previewEqualsWhatApplyDoesAndUndoRestoresEveryAssignment)
{
    TerritoryService service(*portfolio);
    const auto current = service.territories().value();
    const auto r05 = portfolio->reps().findByCode("R05").value().id;
    const auto before = standings();

    const auto preview = service.preview(splitBretagne(current, r05), kAsOf);
    ASSERT_TRUE(preview.ok()) << preview.error().describe();
    const auto& plan = preview.value().plan;
    ASSERT_FALSE(plan.moves.empty());
    std::int64_t revenue = 0;
    for (const auto& move : plan.moves) {
        EXPECT_EQ(move.toRep, r05);
        EXPECT_NE(move.fromRep, r05);
        revenue += move.revenue;
    }
    EXPECT_EQ(plan.movedRevenue, revenue);

    ASSERT_TRUE(service.apply(preview.value()).ok());
    const auto after = standings();
    // Exactly the previewed accounts changed, each to what the preview said.
    std::map<CustomerId, const AssignmentMove*> moved;
    for (const auto& move : plan.moves) {
        moved[move.customer] = &move;
    }
    for (const auto& [id, standing] : after) {
        if (const auto it = moved.find(id); it != moved.end()) {
            EXPECT_EQ(standing, (Standing{it->second->toTerritory, it->second->toLocked, it->second->toRep})) << id;
            EXPECT_EQ(before.at(id), (Standing{it->second->fromTerritory, it->second->fromLocked, it->second->fromRep})) << id;
        } else {
            EXPECT_EQ(standing, before.at(id)) << id;
        }
    }
    EXPECT_EQ(service.territories().value(), preview.value().after);
    EXPECT_TRUE(service.preview(kAsOf).value().plan.moves.empty());  // nothing left to move

    ASSERT_TRUE(service.revert(preview.value()).ok());
    EXPECT_EQ(standings(), before);
    EXPECT_EQ(service.territories().value(), current);

    // Apply again (Redo): the same result.
    ASSERT_TRUE(service.apply(preview.value()).ok());
    EXPECT_EQ(standings(), after);
}

TEST_F(TerritoryServiceTest, applyRefusesAPreviewThatNoLongerHolds)
{
    TerritoryService service(*portfolio);
    const auto current = service.territories().value();
    const auto r05 = portfolio->reps().findByCode("R05").value().id;
    const auto preview = service.preview(splitBretagne(current, r05), kAsOf).value();
    // Someone moves one of the accounts by hand meanwhile.
    const auto& first = preview.plan.moves.front();
    cartera::storage::TerritoryRepository(portfolio->database()).setAssignment(first.customer, territoryNamed(current, "France").id, true);
    const auto before = standings();
    const auto applied = service.apply(preview);
    ASSERT_FALSE(applied.ok());
    EXPECT_EQ(applied.error().code, ErrorCode::Conflict);
    EXPECT_EQ(standings(), before);  // nothing written
    EXPECT_EQ(service.territories().value(), current);
}

TEST_F(TerritoryServiceTest, lockedOverridesSurviveARuleRunAndDeletingTheirTerritoryFreesThem)
{
    TerritoryService service(*portfolio);
    auto set = service.territories().value();
    const auto before = standings();
    CustomerId locked = 0;
    for (const auto& [id, s] : before) {
        if (s.locked) {
            locked = id;
        }
    }
    ASSERT_NE(locked, 0);
    // A catch-all rule first would move everyone, but not the locked account.
    TerritoryRule all;
    all.id = set.nextRuleId();
    all.territoryId = territoryNamed(set, "Bretagne").id;
    all.priority = 1;
    set.rules.push_back(all);
    const auto preview = service.preview(set, kAsOf).value();
    EXPECT_EQ(preview.plan.moves.size() + 2, before.size() - static_cast<std::size_t>(std::count_if(before.begin(), before.end(), [&](const auto& p) { return p.second.territory == all.territoryId; })));
    for (const auto& move : preview.plan.moves) {
        EXPECT_NE(move.customer, locked);
    }
    // Deleting the territory of the override: the rules place the account, unlocked.
    auto without = service.territories().value();
    const auto lockedTerritory = before.at(locked).territory;
    std::erase_if(without.rules, [&](const TerritoryRule& r) { return r.territoryId == lockedTerritory; });
    std::erase_if(without.territories, [&](const Territory& t) { return t.id == lockedTerritory; });
    for (auto& t : without.territories) {
        if (t.parentId == lockedTerritory) {
            t.parentId = territoryNamed(without, "EMEA").id;
        }
    }
    const auto freed = service.preview(without, kAsOf);
    ASSERT_TRUE(freed.ok()) << freed.error().describe();
    const auto it = std::find_if(freed.value().plan.moves.begin(), freed.value().plan.moves.end(),
                                 [&](const AssignmentMove& m) { return m.customer == locked; });
    ASSERT_NE(it, freed.value().plan.moves.end());
    EXPECT_TRUE(it->fromLocked);
    EXPECT_FALSE(it->toLocked);
    ASSERT_TRUE(service.apply(freed.value()).ok());
    EXPECT_FALSE(standings().at(locked).locked);
    ASSERT_TRUE(service.revert(freed.value()).ok());
    EXPECT_EQ(standings(), before);
}

TEST_F(TerritoryServiceTest, coverageFollowsASplitAndSuggestedMovesApplyAsOverrides)
{
    TerritoryService service(*portfolio);
    const CoverageRequest request{MonthRange::twelveMonthsEndingWith(kAsOf), kAsOf, 90, 5};
    const auto first = service.coverage(request).value();
    ASSERT_TRUE(first.coverage.balanceIndex.has_value());
    EXPECT_EQ(first.coverage.total.accounts, 400);
    EXPECT_GT(first.coverage.total.aAccounts, 0);
    EXPECT_GT(first.channels.multiChannel.size(), 0u);  // the demo's accounts buying through two channels

    const auto r05 = portfolio->reps().findByCode("R05").value().id;
    const auto r05Before = std::find_if(first.coverage.byRep.begin(), first.coverage.byRep.end(), [&](const auto& row) { return row.key == r05; })->accounts;
    const auto preview = service.preview(splitBretagne(first.territories, r05), kAsOf).value();
    ASSERT_TRUE(service.apply(preview).ok());
    const auto second = service.coverage(request).value();
    const auto r05After = std::find_if(second.coverage.byRep.begin(), second.coverage.byRep.end(), [&](const auto& row) { return row.key == r05; })->accounts;
    EXPECT_EQ(r05After, r05Before + static_cast<std::int64_t>(preview.plan.moves.size()));
    EXPECT_NE(second.coverage.balanceIndex, first.coverage.balanceIndex);

    ASSERT_FALSE(second.suggestions.empty());
    ASSERT_TRUE(second.balanceAfterSuggestions.has_value());
    EXPECT_LT(*second.balanceAfterSuggestions, *second.coverage.balanceIndex);
    const auto overrides = service.previewOverrides(second.suggestions, kAsOf).value();
    EXPECT_EQ(overrides.plan.moves.size(), second.suggestions.size());
    ASSERT_TRUE(service.apply(overrides).ok());
    const auto third = service.coverage(request).value();
    EXPECT_NEAR(*third.coverage.balanceIndex, *second.balanceAfterSuggestions, 1e-9);
    ASSERT_TRUE(service.revert(overrides).ok());
    EXPECT_NEAR(*service.coverage(request).value().coverage.balanceIndex, *second.coverage.balanceIndex, 1e-9);
}

TEST_F(TerritoryServiceTest, anInvalidProposalIsRefusedWithWhereAndWhat)
{
    TerritoryService service(*portfolio);
    auto set = service.territories().value();
    set.rules.front().postalFrom = "75";
    set.rules.front().postalTo = "7";
    const auto preview = service.preview(set, kAsOf);
    ASSERT_FALSE(preview.ok());
    EXPECT_NE(preview.error().where.find("postal code range"), std::string::npos);
}
