#include "domain/territory_assignment.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

/// A small world: EMEA (owner 1) > France (owner 2) > Ile-de-France (owner 3), and Germany (owner 4)
/// beside France; accounts are built with the helpers below.
class TerritoryAssignmentTest : public ::testing::Test {
protected:
    TerritoryAssignmentTest()
    {
        set.territories = {
            Territory{1, std::nullopt, "EMEA", 1, {}},
            Territory{2, 1, "France", 2, {}},
            Territory{3, 2, "Ile-de-France", 3, {5}},
            Territory{4, 1, "Germany", 4, {}},
        };
    }

    AccountProfile& account(CustomerId id, const std::string& country, const std::string& region,
                            const std::string& postal, SizeBand size = SizeBand::Small,
                            SalesChannel channel = SalesChannel::Direct)
    {
        AccountProfile a;
        a.id = id;
        a.country = values.countries.intern(country);
        a.region = values.regions.intern(region);
        a.industry = values.industries.intern("Retail");
        a.sizeBand = static_cast<std::int8_t>(size);
        a.channel = static_cast<std::int8_t>(channel);
        a.setPostalCode(postal);
        accounts.push_back(a);
        return accounts.back();
    }

    TerritoryRule& rule(TerritoryRuleId id, TerritoryId territory, int priority)
    {
        TerritoryRule r;
        r.id = id;
        r.territoryId = territory;
        r.priority = priority;
        set.rules.push_back(r);
        return set.rules.back();
    }

    AssignmentPlan plan()
    {
        const TerritoryTree tree(set.territories);
        const TerritoryMatcher matcher(set.rules, tree, values);
        return planAssignment(accounts, matcher, tree);
    }

    static const AssignmentMove* moveOf(const AssignmentPlan& p, CustomerId id)
    {
        for (const auto& m : p.moves) {
            if (m.customer == id) {
                return &m;
            }
        }
        return nullptr;
    }

    TerritorySet set;
    AccountDictionaries values;
    std::vector<AccountProfile> accounts;
};

} // namespace

TEST_F(TerritoryAssignmentTest, theFirstMatchingRuleByPriorityWinsWhateverTheOrderRulesAreGivenIn)
{
    account(1, "FR", "Ile-de-France", "75011");
    rule(1, 2, 20).country = "FR";             // France, tried second
    rule(2, 3, 10).region = "Ile-de-France";   // Ile-de-France, tried first
    auto p = plan();
    ASSERT_NE(moveOf(p, 1), nullptr);
    EXPECT_EQ(moveOf(p, 1)->toTerritory, 3);
    EXPECT_EQ(moveOf(p, 1)->toRep, 3);

    set.rules[0].priority = 5;  // now France comes first
    p = plan();
    EXPECT_EQ(moveOf(p, 1)->toTerritory, 2);
    EXPECT_EQ(moveOf(p, 1)->toRep, 2);
}

TEST_F(TerritoryAssignmentTest, equalPrioritiesAreTriedInIdOrder)
{
    account(1, "FR", "Bretagne", "35000");
    rule(7, 4, 10).country = "FR";
    rule(3, 2, 10).country = "FR";
    EXPECT_EQ(moveOf(plan(), 1)->toTerritory, 2);
}

TEST_F(TerritoryAssignmentTest, everyConditionOfARuleMustHold)
{
    account(1, "FR", "Bretagne", "35000", SizeBand::Enterprise, SalesChannel::Online);
    account(2, "FR", "Bretagne", "35000", SizeBand::Enterprise, SalesChannel::Direct);
    account(3, "FR", "Bretagne", "35000", SizeBand::Small, SalesChannel::Online);
    auto& r = rule(1, 3, 1);
    r.country = "FR";
    r.sizeBand = SizeBand::Enterprise;
    r.channel = SalesChannel::Online;
    rule(2, 2, 2).country = "FR";
    const auto p = plan();
    EXPECT_EQ(moveOf(p, 1)->toTerritory, 3);
    EXPECT_EQ(moveOf(p, 2)->toTerritory, 2);
    EXPECT_EQ(moveOf(p, 3)->toTerritory, 2);
}

TEST_F(TerritoryAssignmentTest, overlappingRulesOfUnrelatedTerritoriesAreListedAsConflicts)
{
    account(1, "FR", "Alsace", "67000");
    account(2, "FR", "Bretagne", "35000");
    rule(1, 4, 1).region = "Alsace";       // Germany also claims Alsace
    rule(2, 2, 2).country = "FR";          // France
    rule(3, 3, 3).postalFrom = "35";       // Ile-de-France, nested in France: not a conflict
    set.rules.back().postalTo = "35";
    const auto p = plan();
    EXPECT_EQ(moveOf(p, 1)->toTerritory, 4);  // priority still decides
    ASSERT_EQ(p.conflicts.size(), 1u);
    EXPECT_EQ(p.conflicts[0], (AssignmentConflict{1, 4, 2}));
    EXPECT_EQ(moveOf(p, 2)->toTerritory, 2);
}

TEST_F(TerritoryAssignmentTest, postalRangesCompareTheLeadingCharactersInclusively)
{
    account(1, "FR", "", "75011");
    account(2, "FR", "", "78 000");  // spaces do not count
    account(3, "FR", "", "79100");
    account(4, "FR", "", "74999");
    account(5, "FR", "", "7");       // shorter than the bounds: no match
    auto& r = rule(1, 3, 1);
    r.postalFrom = "75";
    r.postalTo = "78";
    const auto p = plan();
    EXPECT_EQ(moveOf(p, 1)->toTerritory, 3);
    EXPECT_EQ(moveOf(p, 2)->toTerritory, 3);
    EXPECT_EQ(p.unassigned, (std::vector<CustomerId>{3, 4, 5}));
}

TEST_F(TerritoryAssignmentTest, alphanumericPostalCodesAreComparedInUpperCase)
{
    account(1, "NL", "", "1012 ab");
    account(2, "NL", "", "1012AC");
    auto& r = rule(1, 4, 1);
    r.postalFrom = "1012AA";
    r.postalTo = "1012AB";
    const auto p = plan();
    EXPECT_EQ(moveOf(p, 1)->toTerritory, 4);
    EXPECT_EQ(p.unassigned, (std::vector<CustomerId>{2}));
}

TEST_F(TerritoryAssignmentTest, lockedAccountsAreLeftWhereTheyAre)
{
    auto& locked = account(1, "FR", "Bretagne", "35000");
    locked.locked = true;
    locked.territory = 4;
    locked.rep = 9;
    account(2, "FR", "Bretagne", "35000");
    rule(1, 2, 1).country = "FR";
    const auto p = plan();
    EXPECT_EQ(moveOf(p, 1), nullptr);
    EXPECT_NE(moveOf(p, 2), nullptr);
    EXPECT_EQ(p.locked, 1);
}

TEST_F(TerritoryAssignmentTest, accountsAlreadyInPlaceDoNotMoveAndRepChangesAreCounted)
{
    auto& placed = account(1, "FR", "Bretagne", "35000");
    placed.territory = 2;
    placed.rep = 2;
    auto& otherRep = account(2, "FR", "Bretagne", "35000");
    otherRep.territory = 2;
    otherRep.rep = 7;
    otherRep.revenue = 500;
    otherRep.aClass = true;
    rule(1, 2, 1).country = "FR";
    const auto p = plan();
    ASSERT_EQ(p.moves.size(), 1u);
    EXPECT_EQ(p.moves[0], (AssignmentMove{2, 2, 2, 7, 2, false, false, 500, true}));
    EXPECT_EQ(p.repChanges, 1);
    EXPECT_EQ(p.movedRevenue, 500);
    EXPECT_EQ(p.movedAClass, 1);
}

TEST_F(TerritoryAssignmentTest, anUnmatchedAccountLosesItsTerritoryButKeepsItsRep)
{
    auto& a = account(1, "ES", "Madrid", "28001");
    a.territory = 2;
    a.rep = 2;
    rule(1, 2, 1).country = "FR";
    const auto p = plan();
    ASSERT_EQ(p.moves.size(), 1u);
    EXPECT_EQ(p.moves[0].toTerritory, 0);
    EXPECT_EQ(p.moves[0].toRep, 2);
    EXPECT_EQ(p.unassigned, (std::vector<CustomerId>{1}));
}

TEST_F(TerritoryAssignmentTest, aTerritoryWithoutOwnerGivesTheNearestAncestorsOwner)
{
    set.territories[2].ownerRepId.reset();  // Ile-de-France
    account(1, "FR", "Ile-de-France", "75011");
    rule(1, 3, 1).region = "Ile-de-France";
    EXPECT_EQ(moveOf(plan(), 1)->toRep, 2);  // France's owner
}

TEST_F(TerritoryAssignmentTest, aRuleForACountryNoAccountHasMatchesNobodyAndOthersStillWork)
{
    account(1, "FR", "Bretagne", "35000");
    rule(1, 4, 1).country = "JP";
    rule(2, 2, 2);  // no condition: every account
    EXPECT_EQ(moveOf(plan(), 1)->toTerritory, 2);
}

TEST_F(TerritoryAssignmentTest, aReversedMoveUndoesIt)
{
    const AssignmentMove move{1, 2, 3, 4, 5, false, true, 10, false};
    const auto back = move.reversed();
    EXPECT_EQ(back, (AssignmentMove{1, 3, 2, 5, 4, true, false, 10, false}));
    EXPECT_EQ(back.reversed(), move);
}

TEST(TerritoryRules, validationNamesTheFieldAndWhatIsWrong)
{
    TerritoryRule r;
    r.territoryId = 1;
    r.postalFrom = "75";
    r.postalTo = "780";
    auto status = validateTerritoryRule(r);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().where, "postal code range");
    r.postalTo = "70";
    EXPECT_FALSE(validateTerritoryRule(r).ok());
    r.postalTo = "78";
    EXPECT_TRUE(validateTerritoryRule(r).ok());
    r.country = "XX";
    EXPECT_EQ(validateTerritoryRule(r).error().where, "country");
}

TEST(TerritoryRules, parsePostalRangeAcceptsAPrefixOrTwoEnds)
{
    EXPECT_EQ(parsePostalRange("75"), (std::pair<std::string, std::string>{"75", "75"}));
    EXPECT_EQ(parsePostalRange("75-78"), (std::pair<std::string, std::string>{"75", "78"}));
    EXPECT_EQ(parsePostalRange("1012 AA..1012 ZZ"), (std::pair<std::string, std::string>{"1012AA", "1012ZZ"}));
    EXPECT_EQ(parsePostalRange("78-75"), std::nullopt);
    EXPECT_EQ(parsePostalRange("7-750"), std::nullopt);
}

TEST(TerritoryRules, aTerritoryCannotBePlacedInsideItsOwnSubTerritory)
{
    const std::vector<Territory> saved{{1, std::nullopt, "EMEA", {}, {}}, {2, 1, "France", {}, {}}};
    Territory moved{1, 2, "EMEA", {}, {}};
    EXPECT_EQ(validateTerritory(moved, saved).error().where, "parent");
    Territory overlay{2, 1, "France", 5, {5}};
    EXPECT_EQ(validateTerritory(overlay, saved).error().where, "overlay reps");
    EXPECT_EQ(territoryPath(2, saved), "EMEA > France");
}
