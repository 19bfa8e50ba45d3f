#include "domain/at_risk.h"

#include <algorithm>

namespace cartera::domain {

namespace {

/// The latest CSAT and NPS answers of every customer (-1 when none).
struct LatestScores final {
    std::vector<std::int8_t> csat;
    std::vector<std::int8_t> nps;
};

LatestScores latestScores(const RetentionFacts& facts)
{
    LatestScores latest{std::vector<std::int8_t>(facts.customers.size(), -1),
                        std::vector<std::int8_t>(facts.customers.size(), -1)};
    std::vector<Date> csatOn(facts.customers.size());
    std::vector<Date> npsOn(facts.customers.size());
    for (const SurveyFigure& survey : facts.surveys) {
        if (survey.customer >= facts.customers.size()) {
            continue;
        }
        auto& scores = survey.nps ? latest.nps : latest.csat;
        auto& dates = survey.nps ? npsOn : csatOn;
        if (scores[survey.customer] < 0 || !(survey.surveyedOn < dates[survey.customer])) {
            scores[survey.customer] = static_cast<std::int8_t>(survey.score);
            dates[survey.customer] = survey.surveyedOn;
        }
    }
    return latest;
}

} // namespace

std::vector<AtRiskEntry> findAtRisk(const RetentionFacts& facts, const AtRiskRules& rules)
{
    const int asOf = monthIndex(rules.asOf.monthKey());
    const int lastFrom = asOf - 11;   // the last 12 months: [asOf - 11, asOf]
    const int priorFrom = asOf - 23;  // the 12 before: [asOf - 23, asOf - 12]
    const LatestScores latest = latestScores(facts);

    std::vector<AtRiskEntry> entries;
    for (std::uint32_t i = 0; i < facts.customers.size(); ++i) {
        const RetentionCustomer& customer = facts.customers[i];
        if (customer.prospect || customer.archived || customer.exited || customer.figureCount == 0) {
            continue;
        }
        AtRiskEntry entry;
        entry.customer = i;
        int first = -1;
        int last = -1;
        int orderingMonths = 0;
        int priorOrderingMonths = 0;
        for (std::uint32_t f = customer.firstFigure; f < customer.firstFigure + customer.figureCount; ++f) {
            const MonthFigure& figure = facts.figures[f];
            const int month = monthIndex(figure.month);
            if (month > asOf) {
                continue;  // after the as-of date
            }
            if (month >= lastFrom) {
                entry.revenueLast12 += figure.revenue;
            } else if (month >= priorFrom) {
                entry.revenuePrior12 += figure.revenue;
                priorOrderingMonths += figure.orderCount > 0 ? 1 : 0;
            }
            if (figure.orderCount > 0) {
                first = first < 0 ? month : first;
                last = month;
                ++orderingMonths;
            }
        }
        if (last < 0 || asOf - last >= rules.lookbackMonths) {
            continue;  // never ordered, or lapsed long ago
        }
        entry.monthsSinceOrder = asOf - last;

        // Revenue down: compared in whole minor units, last x 100 < prior x (100 - X).
        if (entry.revenuePrior12 > 0 && priorOrderingMonths >= rules.minimumPriorOrderMonths &&
            entry.revenueLast12 * 100 < entry.revenuePrior12 * (100 - rules.revenueDropPercent)) {
            entry.signalBits |= static_cast<std::uint8_t>(RiskSignal::RevenueDown);
            entry.score += kRevenueDownPoints;
        }
        if (customer.droppedClass) {
            entry.signalBits |= static_cast<std::uint8_t>(RiskSignal::DroppedClass);
            entry.score += kDroppedClassPoints;
        }
        // The usual interval: the average gap between ordering months, known from three of them.
        if (orderingMonths >= 3) {
            entry.usualIntervalMonths = std::max(1, (last - first + (orderingMonths - 1) / 2) / (orderingMonths - 1));
            if (entry.monthsSinceOrder >= rules.minimumGapMonths &&
                entry.monthsSinceOrder > rules.intervalFactor * entry.usualIntervalMonths) {
                entry.signalBits |= static_cast<std::uint8_t>(RiskSignal::OrderOverdue);
                entry.score += kOrderOverduePoints;
            }
        }
        entry.overdueClaims = customer.overdueClaims;
        if (customer.overdueClaims > 0) {
            entry.signalBits |= static_cast<std::uint8_t>(RiskSignal::OverdueClaims);
            entry.score += kOverdueClaimsPoints;
        }
        entry.latestCsat = latest.csat[i];
        entry.latestNps = latest.nps[i];
        if ((entry.latestCsat >= 0 && entry.latestCsat <= rules.lowCsat) ||
            (entry.latestNps >= 0 && entry.latestNps <= rules.lowNps)) {
            entry.signalBits |= static_cast<std::uint8_t>(RiskSignal::LowSatisfaction);
            entry.score += kLowSatisfactionPoints;
        }
        if (entry.signalBits != 0) {
            entries.push_back(entry);
        }
    }
    std::sort(entries.begin(), entries.end(), [&](const AtRiskEntry& a, const AtRiskEntry& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        if (a.revenuePrior12 != b.revenuePrior12) {
            return a.revenuePrior12 > b.revenuePrior12;
        }
        return a.customer < b.customer;
    });
    return entries;
}

} // namespace cartera::domain
