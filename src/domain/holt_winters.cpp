#include "domain/holt_winters.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace cartera::domain {

namespace {

double mean(const std::vector<double>& v, std::size_t from, std::size_t count)
{
    double sum = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        sum += v[i];
    }
    return sum / static_cast<double>(count);
}

} // namespace

std::vector<double> HoltWintersFit::forecast(int horizon) const
{
    std::vector<double> out;
    out.reserve(static_cast<std::size_t>(std::max(horizon, 0)));
    const auto m = seasonal.size();
    for (int h = 1; h <= horizon; ++h) {
        const double base = level + h * trend;
        const double s = seasonal[static_cast<std::size_t>(h - 1) % m];
        out.push_back(params.seasonality == Seasonality::Additive ? base + s : base * s);
    }
    return out;
}

Result<HoltWintersFit> fitHoltWinters(const std::vector<double>& series, const HoltWintersParams& params)
{
    const int m = params.seasonLength;
    if (m < 2) {
        return invalidInput("the season length must be 2 or more", "season length");
    }
    const auto mm = static_cast<std::size_t>(m);
    if (series.size() < 2 * mm) {
        return invalidInput("Holt-Winters needs two whole seasons (" + std::to_string(2 * m) + " values), the series has " +
                                std::to_string(series.size()),
                            "series");
    }
    for (double p : {params.alpha, params.beta, params.gamma}) {
        if (!(p >= 0 && p <= 1)) {
            return invalidInput("smoothing parameters must be between 0 and 1", "parameters");
        }
    }
    const bool additive = params.seasonality == Seasonality::Additive;
    if (!additive && std::any_of(series.begin(), series.end(), [](double v) { return !(v > 0); })) {
        return invalidInput("multiplicative seasonality needs every value above 0", "series");
    }

    HoltWintersFit fit;
    fit.params = params;
    const double first = mean(series, 0, mm);
    const double second = mean(series, mm, mm);
    double trend = (second - first) / m;
    // The first season's mean is the level at its middle, (m - 1) / 2: the level at its end, where
    // smoothing starts, is that plus the trend of the half season. The seasonal indices are the first
    // season's values against the trend line through that mean, so they do not absorb the trend.
    const double middle = (m - 1) / 2.0;
    double level = first + trend * middle;
    // seasonal[t] for t in the first season; then a rolling window where index t % m holds s_{t-m}.
    std::vector<double> seasonal(mm);
    for (std::size_t i = 0; i < mm; ++i) {
        const double line = first + trend * (static_cast<double>(i) - middle);
        seasonal[i] = additive ? series[i] - line : series[i] / line;
    }
    const double a = params.alpha;
    const double b = params.beta;
    const double g = params.gamma;
    fit.fitted.reserve(series.size() - mm);
    for (std::size_t t = mm; t < series.size(); ++t) {
        const double y = series[t];
        const double s = seasonal[t % mm];  // s_{t-m}
        const double predicted = additive ? level + trend + s : (level + trend) * s;
        fit.fitted.push_back(predicted);
        fit.sse += (y - predicted) * (y - predicted);
        const double newLevel = additive ? a * (y - s) + (1 - a) * (level + trend)
                                         : a * (y / s) + (1 - a) * (level + trend);
        trend = b * (newLevel - level) + (1 - b) * trend;
        level = newLevel;
        seasonal[t % mm] = additive ? g * (y - level) + (1 - g) * s : g * (y / level) + (1 - g) * s;
    }
    fit.level = level;
    fit.trend = trend;
    // Reorder so that seasonal[0] applies one step after the last observation (t = n).
    fit.seasonal.resize(mm);
    for (std::size_t h = 0; h < mm; ++h) {
        fit.seasonal[h] = seasonal[(series.size() + h) % mm];
    }
    return fit;
}

Result<HoltWintersFit> chooseHoltWinters(const std::vector<double>& series, Seasonality seasonality, int seasonLength)
{
    std::optional<HoltWintersFit> best;
    for (int ai = 1; ai <= 19; ++ai) {
        for (int bi = 1; bi <= 10; ++bi) {
            for (int gi = 1; gi <= 19; ++gi) {
                HoltWintersParams p{ai * 0.05, bi * 0.05, gi * 0.05, seasonality, seasonLength};
                auto fit = fitHoltWinters(series, p);
                if (!fit) {
                    return fit.error();
                }
                if (!best || fit.value().sse < best->sse) {
                    best = std::move(fit.value());
                }
            }
        }
    }
    return std::move(*best);
}

Result<double> meanAbsolutePercentageError(const std::vector<double>& actual, const std::vector<double>& predicted)
{
    if (actual.size() != predicted.size()) {
        return invalidInput("MAPE needs as many predictions as actual values", "backtest");
    }
    double sum = 0;
    int counted = 0;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (actual[i] != 0) {
            sum += std::abs((actual[i] - predicted[i]) / actual[i]);
            ++counted;
        }
    }
    if (counted == 0) {
        return invalidInput("MAPE needs at least one actual value other than 0", "backtest");
    }
    return 100.0 * sum / counted;
}

Result<Backtest> backtestHoltWinters(const std::vector<double>& series, Seasonality seasonality, int holdout,
                                     int seasonLength)
{
    if (holdout < 1 || series.size() < static_cast<std::size_t>(holdout + 2 * seasonLength)) {
        return invalidInput("a backtest over " + std::to_string(holdout) + " months needs " +
                                std::to_string(holdout + 2 * seasonLength) + " months of history, there are " +
                                std::to_string(series.size()),
                            "history");
    }
    const auto cut = series.size() - static_cast<std::size_t>(holdout);
    const std::vector<double> training(series.begin(), series.begin() + static_cast<std::ptrdiff_t>(cut));
    auto fit = chooseHoltWinters(training, seasonality, seasonLength);
    if (!fit) {
        return fit.error();
    }
    Backtest result;
    result.fit = std::move(fit.value());
    result.actual.assign(series.begin() + static_cast<std::ptrdiff_t>(cut), series.end());
    result.predicted = result.fit.forecast(holdout);
    auto mape = meanAbsolutePercentageError(result.actual, result.predicted);
    if (!mape) {
        return mape.error();
    }
    result.mape = mape.value();
    return result;
}

Result<Projection> projectHoltWinters(const std::vector<double>& series, int horizon, int holdout, int seasonLength)
{
    auto additive = backtestHoltWinters(series, Seasonality::Additive, holdout, seasonLength);
    if (!additive) {
        return additive.error();
    }
    Backtest chosen = std::move(additive.value());
    const bool positive = std::all_of(series.begin(), series.end(), [](double v) { return v > 0; });
    if (positive) {
        auto multiplicative = backtestHoltWinters(series, Seasonality::Multiplicative, holdout, seasonLength);
        if (multiplicative && multiplicative.value().mape < chosen.mape) {
            chosen = std::move(multiplicative.value());
        }
    }
    auto fit = chooseHoltWinters(series, chosen.fit.params.seasonality, seasonLength);
    if (!fit) {
        return fit.error();
    }
    Projection projection;
    projection.fit = std::move(fit.value());
    projection.backtest = std::move(chosen);
    projection.values = projection.fit.forecast(horizon);
    return projection;
}

} // namespace cartera::domain
