#include "domain/date.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(Date, defaultIsTheUnixEpoch)
{
    EXPECT_EQ(Date{}.toIso(), "1970-01-01");
    EXPECT_EQ(Date{}.daysSinceEpoch(), 0);
}

TEST(Date, parseIsoReadsYearMonthAndDay)
{
    const auto date = Date::parseIso("2026-11-07");
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->year(), 2026);
    EXPECT_EQ(date->month(), 11u);
    EXPECT_EQ(date->day(), 7u);
    EXPECT_EQ(*date, Date(2026, 11, 7));
}

TEST(Date, parseIsoAcceptsLeapDaysOfLeapYearsOnly)
{
    EXPECT_TRUE(Date::parseIso("2024-02-29").has_value());
    EXPECT_TRUE(Date::parseIso("2000-02-29").has_value());
    EXPECT_FALSE(Date::parseIso("2025-02-29").has_value());
    EXPECT_FALSE(Date::parseIso("1900-02-29").has_value());
    EXPECT_FALSE(Date::parseIso("2100-02-29").has_value());
}

TEST(Date, parseIsoAcceptsATrailingTime)
{
    // Exports of other systems (Northwind and many more) write datetimes.
    const auto date = Date::parseIso("1996-07-04 00:00:00.000");
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(*date, Date(1996, 7, 4));
    EXPECT_EQ(Date::parseIso("1996-07-04T13:45:00Z"), Date(1996, 7, 4));
    EXPECT_EQ(Date::parseIso("2026-01-01T10:00:00+02:00"), Date(2026, 1, 1));
    EXPECT_EQ(Date::parseIso("2026-01-01 10:00"), Date(2026, 1, 1));
}

TEST(Date, parseIsoRejectsTrailingTextThatIsNotATime)
{
    for (const char* bad : {"2026-01-01 ", "2026-01-01T", "2026-01-01 hello", "2026-01-01 10", "2026-01-01 10:0x",
                            "2026-01-01 10:00 and more", "2026-06-30 junk"}) {
        EXPECT_FALSE(Date::parseIso(bad).has_value()) << "accepted '" << bad << "'";
    }
}

TEST(Date, parseIsoRejectsInvalidText)
{
    for (const char* bad : {"", "2026", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-13-01",
                            "2026-00-10", "2026-01-00", "2026-01-32", "2026-04-31", "abcd-ef-gh", "2026-01-01x",
                            "2026-01-01_12:00", "+026-01-01", "2026-+1-01", "2026--1-01", "2026-01--1", "0000-01-01",
                            "1899-12-31", "3000-01-01", " 2026-01-01"}) {
        EXPECT_FALSE(Date::parseIso(bad).has_value()) << "accepted '" << bad << "'";
    }
}

TEST(Date, toIsoRoundTripsThroughParseIso)
{
    for (const char* text : {"1900-01-01", "1970-01-01", "1999-12-31", "2000-02-29", "2026-06-30", "2999-12-31"}) {
        const auto date = Date::parseIso(text);
        ASSERT_TRUE(date.has_value()) << text;
        EXPECT_EQ(date->toIso(), text);
        EXPECT_EQ(Date::parseIso(date->toIso()), date);
    }
    EXPECT_EQ(Date(2026, 3, 5).toIso(), "2026-03-05");
}

TEST(Date, addMonthsKeepsTheDayWhenItExists)
{
    EXPECT_EQ(Date(2026, 1, 15).addMonths(1), Date(2026, 2, 15));
    EXPECT_EQ(Date(2026, 11, 30).addMonths(3), Date(2027, 2, 28));
    EXPECT_EQ(Date(2026, 3, 10).addMonths(-14), Date(2025, 1, 10));
    EXPECT_EQ(Date(2026, 3, 10).addMonths(0), Date(2026, 3, 10));
    EXPECT_EQ(Date(2026, 6, 30).addMonths(-36), Date(2023, 6, 30));
}

TEST(Date, addMonthsClampsToTheLastDayOfShorterMonths)
{
    EXPECT_EQ(Date(2025, 1, 31).addMonths(1), Date(2025, 2, 28));
    EXPECT_EQ(Date(2024, 1, 31).addMonths(1), Date(2024, 2, 29));
    EXPECT_EQ(Date(2024, 2, 29).addMonths(12), Date(2025, 2, 28));
    EXPECT_EQ(Date(2026, 3, 31).addMonths(-1), Date(2026, 2, 28));
    EXPECT_EQ(Date(2026, 5, 31).addMonths(1), Date(2026, 6, 30));
    EXPECT_EQ(Date(2026, 12, 31).addMonths(2), Date(2027, 2, 28));
}

TEST(Date, monthKeyIsYearTimesHundredPlusMonth)
{
    EXPECT_EQ(Date(2026, 11, 30).monthKey(), 202611);
    EXPECT_EQ(Date(2026, 1, 1).monthKey(), 202601);
    EXPECT_EQ(Date(1999, 12, 31).monthKey(), 199912);
}

TEST(Date, addDaysAndDaysUntilCrossMonthsAndYears)
{
    EXPECT_EQ(Date(2025, 12, 31).addDays(1), Date(2026, 1, 1));
    EXPECT_EQ(Date(2024, 3, 1).addDays(-1), Date(2024, 2, 29));
    EXPECT_EQ(Date(2024, 1, 1).daysUntil(Date(2025, 1, 1)), 366);
    EXPECT_EQ(Date(2025, 1, 1).daysUntil(Date(2024, 1, 1)), -366);
}

TEST(Date, comparesChronologically)
{
    EXPECT_LT(Date(2025, 12, 31), Date(2026, 1, 1));
    EXPECT_GT(Date(2026, 2, 1), Date(2026, 1, 31));
    EXPECT_EQ(Date(2026, 2, 1), Date::parseIso("2026-02-01"));
}
