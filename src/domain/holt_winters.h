#pragma once

#include "domain/error.h"

#include <vector>

namespace cartera::domain {

/// How the seasonal effect combines with the level: added (a fixed amount each month) or
/// multiplied (a share of the level). docs/forecasting.md has the formulas.
enum class Seasonality {
    Additive,
    Multiplicative,
};

/// Smoothing parameters of Holt-Winters, each within (0, 1), and the season length.
struct HoltWintersParams final {
    double alpha = 0.3;  ///< level
    double beta = 0.1;   ///< trend
    double gamma = 0.1;  ///< seasonal
    Seasonality seasonality = Seasonality::Additive;
    int seasonLength = 12;
};

/// The state after smoothing a whole series, and how well it predicted it one step ahead.
struct HoltWintersFit final {
    HoltWintersParams params;
    double level = 0;
    double trend = 0;
    /// The last seasonLength seasonal indices, oldest first: seasonal[i] applies to the month
    /// i + 1 steps after the last observation, modulo the season length.
    std::vector<double> seasonal;
    /// One-step-ahead predictions for the observations after the first season (index t - m).
    std::vector<double> fitted;
    /// Sum of squared one-step-ahead errors over those observations.
    double sse = 0;

    /// The next horizon values after the series.
    [[nodiscard]] std::vector<double> forecast(int horizon) const;
};

/// Smooths series with fixed parameters. Initial state from the first two seasons: trend b =
/// (mean of season 2 - mean of season 1) / m; level = mean of season 1 + b (m - 1) / 2 (the level at
/// the end of season 1); seasonal indices = season 1 less (or divided by) the trend line through its
/// mean, mean1 + b (i - (m - 1) / 2). Needs at least two whole seasons; multiplicative needs values > 0.
Result<HoltWintersFit> fitHoltWinters(const std::vector<double>& series, const HoltWintersParams& params);

/// Chooses alpha, beta and gamma on a grid (0.05 to 0.95 by 0.05 for alpha and gamma, 0.05 to 0.5
/// for beta) by the smallest one-step-ahead squared error, for the given seasonality.
Result<HoltWintersFit> chooseHoltWinters(const std::vector<double>& series, Seasonality seasonality,
                                         int seasonLength = 12);

/// Mean absolute percentage error, in percent, over the pairs whose actual value is not 0;
/// an error when no pair counts or the sizes differ.
Result<double> meanAbsolutePercentageError(const std::vector<double>& actual, const std::vector<double>& predicted);

/// A backtest: the method fitted on all but the last holdout values, its forecast of them and the MAPE.
struct Backtest final {
    HoltWintersFit fit;
    std::vector<double> actual;
    std::vector<double> predicted;
    double mape = 0;
};

/// Fits (choosing the parameters) on series less its last holdout values and forecasts them.
/// Needs two seasons before the holdout.
Result<Backtest> backtestHoltWinters(const std::vector<double>& series, Seasonality seasonality, int holdout = 12,
                                     int seasonLength = 12);

/// The projection a forecast shows: both seasonalities backtested over the last holdout values,
/// the one with the lower MAPE refitted on the whole series (multiplicative only when every value
/// is above 0).
struct Projection final {
    HoltWintersFit fit;
    Backtest backtest;
    std::vector<double> values;  ///< the next horizon values
};

Result<Projection> projectHoltWinters(const std::vector<double>& series, int horizon, int holdout = 12,
                                      int seasonLength = 12);

} // namespace cartera::domain
