#include "domain/abc_scope.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(AbcScope, theDefaultIsTheWholePortfolioWithoutArchivedAccounts)
{
    const AbcScope scope;
    EXPECT_TRUE(scope.wholePortfolio());
    EXPECT_FALSE(scope.includeArchived);
    EXPECT_EQ(abcScopeToJson(scope), R"({"include_archived":false})");
}

TEST(AbcScope, jsonRoundTripsEveryFilter)
{
    AbcScope scope;
    scope.country = "FR";
    scope.channel = SalesChannel::Wholesale;
    scope.ownerRepId = 7;
    scope.segmentId = 3;
    scope.territoryId = 4;
    scope.includeArchived = true;
    EXPECT_FALSE(scope.wholePortfolio());
    const std::string json = abcScopeToJson(scope);
    EXPECT_EQ(json, R"({"country":"FR","channel":"wholesale","owner_rep_id":7,"segment_id":3,"territory_id":4,"include_archived":true})");
    const auto back = abcScopeFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(back.value(), scope);
}

TEST(AbcScope, aTerritoryAloneIsNotTheWholePortfolio)
{
    AbcScope scope;
    scope.territoryId = 2;
    EXPECT_FALSE(scope.wholePortfolio());
}

TEST(AbcScope, jsonOtherThanWhatWasWrittenIsRefusedNamingTheKey)
{
    EXPECT_EQ(abcScopeFromJson(R"({"channel":"telepathy"})").error().where, "scope.channel");
    EXPECT_EQ(abcScopeFromJson(R"({"owner_rep_id":"R01"})").error().where, "scope.owner_rep_id");
    EXPECT_EQ(abcScopeFromJson(R"({"segment":"x"})").error().where, "scope.segment");
    EXPECT_EQ(abcScopeFromJson("[1]").error().where, "scope");
    EXPECT_EQ(abcScopeFromJson("{").error().where, "scope");
}
