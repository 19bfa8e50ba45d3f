#include "domain/holt_winters.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace cartera::domain;

// Hand-computed in docs/forecasting.md: season length 2, alpha = beta = gamma = 0.5.
TEST(HoltWinters, additiveMatchesHandComputedValues)
{
    const std::vector<double> y{10, 20, 14, 24, 17, 29};
    auto fit = fitHoltWinters(y, {0.5, 0.5, 0.5, Seasonality::Additive, 2});
    ASSERT_TRUE(fit) << fit.error().describe();
    const auto& f = fit.value();
    ASSERT_EQ(f.fitted.size(), 4U);
    EXPECT_DOUBLE_EQ(f.fitted[0], 14.0);
    EXPECT_DOUBLE_EQ(f.fitted[1], 24.0);
    EXPECT_DOUBLE_EQ(f.fitted[2], 18.0);
    EXPECT_DOUBLE_EQ(f.fitted[3], 27.25);
    EXPECT_DOUBLE_EQ(f.level, 24.125);
    EXPECT_DOUBLE_EQ(f.trend, 2.1875);
    EXPECT_DOUBLE_EQ(f.seasonal[0], -4.25);
    EXPECT_DOUBLE_EQ(f.seasonal[1], 4.4375);
    EXPECT_DOUBLE_EQ(f.sse, 4.0625);
    const auto next = f.forecast(3);
    EXPECT_DOUBLE_EQ(next[0], 22.0625);
    EXPECT_DOUBLE_EQ(next[1], 32.9375);
    EXPECT_DOUBLE_EQ(next[2], 26.4375);
}

// The same steps by hand with multiplicative seasonality: means 15 and 18, trend 1.5, level
// 15 + 1.5 x 0.5 = 15.75, indices 10 / 14.25 and 20 / 15.75.
TEST(HoltWinters, multiplicativeMatchesHandComputedValues)
{
    const std::vector<double> y{10, 20, 12, 24};
    auto fit = fitHoltWinters(y, {0.5, 0.5, 0.5, Seasonality::Multiplicative, 2});
    ASSERT_TRUE(fit) << fit.error().describe();
    const double s0 = 10 / 14.25;
    const double s1 = 20 / 15.75;
    const double l2 = 0.5 * (12 / s0) + 0.5 * (15.75 + 1.5);
    const double b2 = 0.5 * (l2 - 15.75) + 0.5 * 1.5;
    const double l3 = 0.5 * (24 / s1) + 0.5 * (l2 + b2);
    const double b3 = 0.5 * (l3 - l2) + 0.5 * b2;
    EXPECT_NEAR(fit.value().fitted[0], 17.25 * s0, 1e-12);
    EXPECT_NEAR(fit.value().fitted[1], (l2 + b2) * s1, 1e-12);
    EXPECT_NEAR(fit.value().level, l3, 1e-12);
    EXPECT_NEAR(fit.value().trend, b3, 1e-12);
    EXPECT_NEAR(fit.value().seasonal[0], 0.5 * (12 / l2) + 0.5 * s0, 1e-12);
    EXPECT_NEAR(fit.value().seasonal[1], 0.5 * (24 / l3) + 0.5 * s1, 1e-12);
}

TEST(HoltWinters, needsTwoSeasonsAndPositiveValuesForMultiplicative)
{
    EXPECT_FALSE(fitHoltWinters(std::vector<double>(23, 1.0), {}));
    std::vector<double> withZero(24, 5.0);
    withZero[3] = 0;
    EXPECT_TRUE(fitHoltWinters(withZero, {0.3, 0.1, 0.1, Seasonality::Additive, 12}));
    const auto refused = fitHoltWinters(withZero, {0.3, 0.1, 0.1, Seasonality::Multiplicative, 12});
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("above 0"), std::string::npos);
}

namespace {

std::vector<double> additiveSeries(int n)
{
    std::vector<double> y;
    for (int t = 0; t < n; ++t) {
        y.push_back(1000 + 10 * t + 100 * std::sin(2 * std::numbers::pi * t / 12));
    }
    return y;
}

std::vector<double> multiplicativeSeries(int n)
{
    std::vector<double> y;
    for (int t = 0; t < n; ++t) {
        y.push_back((1000 + 15 * t) * (1 + 0.3 * std::sin(2 * std::numbers::pi * t / 12)));
    }
    return y;
}

} // namespace

// The stated error: on a noiseless seasonal series with trend, the chosen parameters forecast the
// next 12 months within 2 % (MAPE).
TEST(HoltWinters, recoversASyntheticAdditiveSeasonalSeries)
{
    const auto y = additiveSeries(48);
    auto backtest = backtestHoltWinters(y, Seasonality::Additive, 12);
    ASSERT_TRUE(backtest) << backtest.error().describe();
    EXPECT_LT(backtest.value().mape, 2.0);
    EXPECT_EQ(backtest.value().actual, std::vector<double>(y.end() - 12, y.end()));
}

TEST(HoltWinters, recoversASyntheticMultiplicativeSeriesAndPrefersThatSeasonality)
{
    const auto y = multiplicativeSeries(48);
    auto projection = projectHoltWinters(y, 3, 12);
    ASSERT_TRUE(projection) << projection.error().describe();
    EXPECT_EQ(projection.value().fit.params.seasonality, Seasonality::Multiplicative);
    EXPECT_LT(projection.value().backtest.mape, 2.0);
    const auto truth = multiplicativeSeries(51);
    for (int h = 0; h < 3; ++h) {
        EXPECT_NEAR(projection.value().values[static_cast<std::size_t>(h)], truth[static_cast<std::size_t>(48 + h)],
                    0.03 * truth[static_cast<std::size_t>(48 + h)]);
    }
}

TEST(HoltWinters, backtestNeedsHistoryBeforeTheHoldout)
{
    const auto refused = backtestHoltWinters(additiveSeries(35), Seasonality::Additive, 12);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("36 months"), std::string::npos);
}

TEST(MeanAbsolutePercentageError, skipsZeroActualsAndAveragesTheRest)
{
    auto mape = meanAbsolutePercentageError({100, 200, 0}, {110, 180, 5});
    ASSERT_TRUE(mape);
    EXPECT_DOUBLE_EQ(mape.value(), 10.0);
    EXPECT_FALSE(meanAbsolutePercentageError({0, 0}, {1, 2}));
    EXPECT_FALSE(meanAbsolutePercentageError({1}, {1, 2}));
}
