#pragma once

#include "domain/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace cartera::domain {

/// The share of the criterion each ABC class takes, A first: 80 / 15 / 5 % by default, or any
/// two to four positive shares summing to 100 % (a fourth class D may be added).
/// Shares are held in basis points (1/100 of a percent) so that 7.5 % is exact and the
/// classification compares integers only.
class AbcThresholds final {
public:
    static constexpr int kMaxClasses = 4;
    static constexpr int kWhole = 10000;  ///< 100 % in basis points

    /// 80 / 15 / 5 %.
    AbcThresholds();

    /// Validates shares in basis points: two to four classes, each above 0, summing to 10000.
    static Result<AbcThresholds> fromBasisPoints(std::vector<int> shares);
    /// Parses percentages separated by commas, at most two decimals: "80,15,5", "70,20,7.5,2.5".
    /// Errors say what is wrong ("the shares sum to 95 %, not 100 %").
    static Result<AbcThresholds> parse(std::string_view text);

    [[nodiscard]] int classCount() const { return static_cast<int>(m_shares.size()); }
    /// Share of class i (0 = A) in basis points.
    [[nodiscard]] int share(int classIndex) const { return m_shares[static_cast<std::size_t>(classIndex)]; }
    /// Share of classes 0..i together in basis points: where class i ends on the cumulative curve
    /// (8000 for A, 9500 for B with the defaults).
    [[nodiscard]] int cumulativeShare(int classIndex) const;
    [[nodiscard]] const std::vector<int>& shares() const { return m_shares; }

    /// The form parse reads: "80,15,5", "70,20,7.5,2.5".
    [[nodiscard]] std::string toString() const;

    friend bool operator==(const AbcThresholds&, const AbcThresholds&) = default;

private:
    explicit AbcThresholds(std::vector<int> shares) : m_shares(std::move(shares)) {}

    std::vector<int> m_shares;
};

/// The thresholds as snapshots store them: {"basis_points":[8000,1500,500]}.
std::string abcThresholdsToJson(const AbcThresholds& thresholds);
/// Reads what abcThresholdsToJson wrote, validated as fromBasisPoints does.
Result<AbcThresholds> abcThresholdsFromJson(std::string_view json);

/// Basis points as a percentage without trailing zeros: 8000 -> "80", 750 -> "7.5", 1 -> "0.01".
std::string formatBasisPoints(int basisPoints);

} // namespace cartera::domain
