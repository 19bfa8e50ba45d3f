#include "storage/setting_repository.h"

#include "support/sample_records.h"

#include <gtest/gtest.h>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;

TEST(SettingRepository, getOfAMissingKeyIsEmpty)
{
    SampleDatabase sample;
    EXPECT_FALSE(SettingRepository(sample.db).get("nothing").has_value());
}

TEST(SettingRepository, setStoresAndOverwritesAValue)
{
    SampleDatabase sample;
    SettingRepository settings(sample.db);
    settings.set("greeting", "hello");
    EXPECT_EQ(settings.get("greeting"), "hello");
    settings.set("greeting", "bonjour");
    EXPECT_EQ(settings.get("greeting"), "bonjour");
    settings.set("empty", "");
    EXPECT_EQ(settings.get("empty"), "");
    EXPECT_EQ(sample.count("SELECT count(*) FROM setting"), 2);
}

TEST(SettingRepository, valuesPersistAcrossConnections)
{
    SampleDatabase sample;
    SettingRepository(sample.db).set("k", "välue ✓");
    Database other = Database::open(sample.path, OpenMode::ReadWrite);
    EXPECT_EQ(SettingRepository(other).get("k"), "välue ✓");
}

TEST(SettingRepository, currencyIsEuroUntilSet)
{
    SampleDatabase sample;
    SettingRepository settings(sample.db);
    EXPECT_EQ(settings.currency(), CurrencyCode{});
    settings.set(SettingRepository::kCurrency, "USD");
    EXPECT_EQ(settings.currency().str(), "USD");
    settings.set(SettingRepository::kCurrency, "not a currency");
    EXPECT_EQ(settings.currency().str(), "EUR");
}

TEST(SettingRepository, isDemoOnlyWhenTheFlagIsOne)
{
    SampleDatabase sample;
    SettingRepository settings(sample.db);
    EXPECT_FALSE(settings.isDemo());
    settings.set(SettingRepository::kDemoPortfolio, "1");
    EXPECT_TRUE(settings.isDemo());
    settings.set(SettingRepository::kDemoPortfolio, "0");
    EXPECT_FALSE(settings.isDemo());
}
