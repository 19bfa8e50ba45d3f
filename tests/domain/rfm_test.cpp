#include "domain/rfm.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(Rfm, cellsFollowTheDocumentedMapOfRecencyAndFrequency)
{
    // docs/segments.md: rows are recency 5..1, columns frequency 1..5.
    const char* expected[5][5] = {
        {"New customers", "Potential loyalists", "Potential loyalists", "Champions", "Champions"},
        {"Promising", "Potential loyalists", "Potential loyalists", "Loyal customers", "Loyal customers"},
        {"About to sleep", "About to sleep", "Need attention", "Loyal customers", "Loyal customers"},
        {"Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"},
        {"Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"},
    };
    for (int r = 5; r >= 1; --r) {
        for (int f = 1; f <= 5; ++f) {
            EXPECT_EQ(rfmCellName(rfmCell(r, f)), expected[5 - r][f - 1]) << "R" << r << " F" << f;
        }
    }
}

TEST(Rfm, quintilesScoreAHandBuiltDataset)
{
    // Ten customers: customer i bought i times, its last order 10 * i days ago, revenue 100 * i;
    // customers 9 and 10 both bought 9 times (a tie).
    std::vector<RfmFacts> facts;
    for (int i = 1; i <= 10; ++i) {
        facts.push_back(RfmFacts{i, 10 * i, i == 10 ? 9 : i, 100 * i});
    }
    const auto scores = scoreRfm(facts);
    ASSERT_EQ(scores.size(), 10U);
    // Recency: 10 days is the best (5), 100 days the worst (1); two customers per quintile.
    EXPECT_EQ(scores[0].recency, 5);
    EXPECT_EQ(scores[1].recency, 5);
    EXPECT_EQ(scores[2].recency, 4);
    EXPECT_EQ(scores[9].recency, 1);
    EXPECT_EQ(scores[0].frequency, 1);
    EXPECT_EQ(scores[7].frequency, 4);
    EXPECT_EQ(scores[8].frequency, 5);
    EXPECT_EQ(scores[9].frequency, 5);  // tied with customer 9, more revenue
    EXPECT_EQ(scores[9].monetary, 5);
    EXPECT_EQ(scores[0].monetary, 1);
    // Customer 1: bought lately, once -> new; customer 10: long ago, often -> can't lose them.
    EXPECT_EQ(scores[0].cell, RfmCell::NewCustomers);
    EXPECT_EQ(scores[9].cell, RfmCell::CantLoseThem);
    EXPECT_EQ(scores[4].cell, RfmCell::NeedAttention);  // R3 F3
    EXPECT_EQ(scoreRfm({}).size(), 0U);
}

TEST(Rfm, everyCellHasANameAndACode)
{
    for (int i = 0; i < static_cast<int>(RfmCell::Count); ++i) {
        EXPECT_FALSE(rfmCellName(static_cast<RfmCell>(i)).empty());
        EXPECT_FALSE(rfmCellCode(static_cast<RfmCell>(i)).empty());
    }
}

TEST(Rfm, tiesAreBrokenByTheNextMeasureSoEveryQuintileIsFilled)
{
    // Five customers who all ordered once, 30 days ago: frequency ties broken by revenue,
    // recency ties by frequency (equal) then by customer id.
    std::vector<RfmFacts> facts;
    for (int i = 1; i <= 5; ++i) {
        facts.push_back(RfmFacts{i, 30, 1, 1000 * (6 - i)});
    }
    const auto scores = scoreRfm(facts);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(scores[static_cast<std::size_t>(i)].frequency, 5 - i) << i;  // more revenue ranks higher
        EXPECT_EQ(scores[static_cast<std::size_t>(i)].monetary, 5 - i) << i;
        EXPECT_EQ(scores[static_cast<std::size_t>(i)].recency, i + 1) << i;  // by customer id
    }
}
