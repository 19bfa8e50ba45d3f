#include "domain/month_range.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(MonthRange, twelveMonthsEndWithTheMonthOfTheDate)
{
    const auto range = MonthRange::twelveMonthsEndingWith(Date(2026, 6, 30));
    EXPECT_EQ(range.fromMonth(), 202507);
    EXPECT_EQ(range.toMonth(), 202606);
    EXPECT_EQ(range.monthCount(), 12);
    EXPECT_EQ(MonthRange::twelveMonthsEndingWith(Date(2026, 12, 1)).fromMonth(), 202601);
    EXPECT_EQ(MonthRange::twelveMonthsEndingWith(Date(2024, 2, 29)).fromMonth(), 202303);
}

TEST(MonthRange, calendarYearIsJanuaryToDecember)
{
    const auto year = MonthRange::calendarYear(2025);
    ASSERT_TRUE(year.ok());
    EXPECT_EQ(year.value().fromMonth(), 202501);
    EXPECT_EQ(year.value().toMonth(), 202512);
    EXPECT_EQ(year.value().toString(), "2025-01..2025-12");
    EXPECT_FALSE(MonthRange::calendarYear(1899).ok());
    EXPECT_EQ(MonthRange::calendarYear(3000).error().where, "year");
}

TEST(MonthRange, betweenValidatesBothEndsAndTheirOrder)
{
    const auto range = MonthRange::between(202411, 202602);
    ASSERT_TRUE(range.ok());
    EXPECT_EQ(range.value().monthCount(), 16);
    EXPECT_EQ(MonthRange::between(202603, 202603).value().monthCount(), 1);
    EXPECT_EQ(MonthRange::between(202613, 202701).error().where, "from");
    EXPECT_EQ(MonthRange::between(202601, 202600).error().where, "to");
    const auto reversed = MonthRange::between(202605, 202601);
    ASSERT_FALSE(reversed.ok());
    EXPECT_EQ(reversed.error().message, "the first month 2026-05 is after the last month 2026-01");
}

TEST(MonthRange, parseMonthReadsYearDashMonthOrSixDigits)
{
    EXPECT_EQ(MonthRange::parseMonth("2026-03"), 202603);
    EXPECT_EQ(MonthRange::parseMonth("202603"), 202603);
    for (const char* bad :
         {"2026-3", "2026-13", "2026-00", "26-03", "2026/03", "2026-03-01", "", "abcdef", "1899-12"}) {
        EXPECT_FALSE(MonthRange::parseMonth(bad).has_value()) << bad;
    }
    EXPECT_EQ(MonthRange::formatMonth(202603), "2026-03");
}
