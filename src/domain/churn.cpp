#include "domain/churn.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace cartera::domain {

namespace {

std::int64_t basisPoints(std::int64_t part, std::int64_t whole)
{
    if (whole <= 0) {
        return 0;
    }
    return (part * 20000 + whole) / (2 * whole);  // part / whole x 10000, rounded half up
}

int monthsIn(ChurnGranularity granularity)
{
    switch (granularity) {
    case ChurnGranularity::Month:
        return 1;
    case ChurnGranularity::Quarter:
        return 3;
    case ChurnGranularity::Year:
        return 12;
    }
    return 12;
}

/// The first day of the month with index month (monthIndex()).
Date firstDayOf(int month)
{
    return Date(month / 12, static_cast<unsigned>(month % 12 + 1), 1);
}

/// The customer's first month with an order (monthIndex), or -1.
int firstOrderMonth(const RetentionFacts& facts, const RetentionCustomer& customer)
{
    for (std::uint32_t f = customer.firstFigure; f < customer.firstFigure + customer.figureCount; ++f) {
        if (facts.figures[f].orderCount > 0) {
            return monthIndex(facts.figures[f].month);
        }
    }
    return -1;
}

/// Whether a churn exit had taken the customer away on day (and it had not come back by then).
bool goneOn(const CustomerExit& exit, Date day)
{
    return exit.isChurn() && exit.effectiveOn < day && !(exit.wonBackOn && !(day < *exit.wonBackOn));
}

} // namespace

std::int64_t ChurnRow::customerChurnBp() const
{
    return basisPoints(churned, customersAtStart);
}

std::int64_t ChurnRow::revenueChurnBp() const
{
    return basisPoints(lostRevenue, revenueBase);
}

std::int64_t CohortRow::retainedBp(std::size_t k) const
{
    return k < ordering.size() ? basisPoints(ordering[k], size) : 0;
}

std::int64_t SatisfactionRow::csatAverageX100() const
{
    return csatAnswers > 0 ? (csatTotal * 200 + csatAnswers) / (2 * csatAnswers) : 0;
}

std::int64_t SatisfactionRow::nps() const
{
    return npsAnswers > 0 ? (promoters - detractors) * 100 / npsAnswers : 0;
}

int periodStartOf(int month, ChurnGranularity granularity)
{
    const int index = monthIndex(month);
    const int length = monthsIn(granularity);
    return monthKeyOf(index - (index % 12) % length);
}

std::string periodLabel(int periodStart, ChurnGranularity granularity)
{
    char text[16];
    const int year = periodStart / 100;
    const int month = periodStart % 100;
    switch (granularity) {
    case ChurnGranularity::Month:
        std::snprintf(text, sizeof text, "%04d-%02d", year, month);
        break;
    case ChurnGranularity::Quarter:
        std::snprintf(text, sizeof text, "%04d-Q%d", year, (month - 1) / 3 + 1);
        break;
    case ChurnGranularity::Year:
        std::snprintf(text, sizeof text, "%04d", year);
        break;
    }
    return text;
}

std::int64_t churnGroupKey(ChurnDimension dimension, const RetentionCustomer& customer, const CustomerExit* exit)
{
    switch (dimension) {
    case ChurnDimension::None:
        return 0;
    case ChurnDimension::Rep:
        return customer.ownerRepId;
    case ChurnDimension::Channel:
        return static_cast<std::int64_t>(customer.channel);
    case ChurnDimension::AbcClass:
        return customer.abcClass;
    case ChurnDimension::Reason:
        return exit != nullptr ? exit->reasonId.value_or(0) : 0;
    }
    return 0;
}

std::vector<ChurnRow> computeChurn(const RetentionFacts& facts, const ChurnRequest& request)
{
    const int length = monthsIn(request.granularity);
    const int first = monthIndex(periodStartOf(request.fromMonth, request.granularity));
    const int last = monthIndex(periodStartOf(request.toMonth, request.granularity));
    if (last < first) {
        return {};
    }
    const int periods = (last - first) / length + 1;
    // Base and revenue are counted per customer group; for reasons, over the whole portfolio.
    const ChurnDimension baseDimension =
        request.dimension == ChurnDimension::Reason ? ChurnDimension::None : request.dimension;

    std::map<std::int64_t, std::size_t> groupIndex;
    std::vector<std::int64_t> groupKeys;
    const auto groupOf = [&](std::int64_t key) {
        const auto [it, added] = groupIndex.emplace(key, groupKeys.size());
        if (added) {
            groupKeys.push_back(key);
        }
        return it->second;
    };

    // Exits by customer, for the customers whose base membership has gaps.
    std::unordered_map<std::uint32_t, std::vector<const CustomerExit*>> exitsOf;
    for (const CustomerExit& exit : facts.exits) {
        if (exit.isChurn()) {
            if (const auto index = facts.indexOf(exit.customerId)) {
                exitsOf[*index].push_back(&exit);
            }
        }
    }

    // Monthly revenue per base group over [first - 12, last + length), and the base per period.
    const int revenueFrom = first - 12;
    const int revenueMonths = last + length - revenueFrom;
    std::vector<std::vector<std::int64_t>> revenue;
    std::vector<std::vector<std::int64_t>> base;
    const auto ensure = [&](std::size_t group) {
        while (revenue.size() <= group) {
            revenue.emplace_back(static_cast<std::size_t>(revenueMonths), 0);
            base.emplace_back(static_cast<std::size_t>(periods) + 1, 0);
        }
    };
    for (std::uint32_t i = 0; i < facts.customers.size(); ++i) {
        const RetentionCustomer& customer = facts.customers[i];
        if (customer.figureCount == 0) {
            continue;
        }
        const std::size_t group = groupOf(churnGroupKey(baseDimension, customer, nullptr));
        ensure(group);
        for (std::uint32_t f = customer.firstFigure; f < customer.firstFigure + customer.figureCount; ++f) {
            const int month = monthIndex(facts.figures[f].month) - revenueFrom;
            if (month >= 0 && month < revenueMonths) {
                revenue[group][static_cast<std::size_t>(month)] += facts.figures[f].revenue;
            }
        }
        const int ordered = firstOrderMonth(facts, customer);
        if (ordered < 0) {
            continue;
        }
        const auto exits = exitsOf.find(i);
        for (int p = 0; p < periods; ++p) {
            const int start = first + p * length;
            if (ordered >= start) {
                continue;
            }
            if (exits != exitsOf.end()) {
                const Date day = firstDayOf(start);
                if (std::any_of(exits->second.begin(), exits->second.end(),
                                [&](const CustomerExit* exit) { return goneOn(*exit, day); })) {
                    continue;
                }
            } else {
                // No exit: in the base of every later period as well.
                for (int q = p; q < periods; ++q) {
                    ++base[group][static_cast<std::size_t>(q)];
                }
                break;
            }
            ++base[group][static_cast<std::size_t>(p)];
        }
    }

    // Exits in each period, by the requested group.
    std::map<std::pair<int, std::int64_t>, std::pair<std::int64_t, std::int64_t>> churned;  // (p, key) -> (n, lost)
    for (const CustomerExit& exit : facts.exits) {
        if (!exit.isChurn()) {
            continue;
        }
        const auto index = facts.indexOf(exit.customerId);
        if (!index) {
            continue;
        }
        const int month = monthIndex(exit.effectiveOn.monthKey());
        if (month < first || month >= last + length) {
            continue;
        }
        const int p = (month - first) / length;
        auto& cell = churned[{p, churnGroupKey(request.dimension, facts.customers[*index], &exit)}];
        ++cell.first;
        cell.second += exit.lostAnnualRevenue;
    }

    std::vector<ChurnRow> rows;
    for (int p = 0; p < periods; ++p) {
        const int start = first + p * length;
        const auto periodRow = [&](std::int64_t key) {
            ChurnRow row;
            row.periodStart = monthKeyOf(start);
            row.period = periodLabel(row.periodStart, request.granularity);
            row.group = key;
            return row;
        };
        const auto revenueBefore = [&](std::size_t group) {
            std::int64_t sum = 0;
            for (int m = start - 12; m < start; ++m) {
                sum += revenue[group][static_cast<std::size_t>(m - revenueFrom)];
            }
            return sum;
        };
        if (request.dimension == ChurnDimension::Reason) {
            const std::int64_t customers = groupKeys.empty() ? 0 : base[0][static_cast<std::size_t>(p)];
            const std::int64_t revenueBase = groupKeys.empty() ? 0 : revenueBefore(0);
            for (auto it = churned.lower_bound({p, INT64_MIN}); it != churned.end() && it->first.first == p; ++it) {
                ChurnRow row = periodRow(it->first.second);
                row.customersAtStart = customers;
                row.revenueBase = revenueBase;
                row.churned = it->second.first;
                row.lostRevenue = it->second.second;
                rows.push_back(std::move(row));
            }
            continue;
        }
        std::map<std::int64_t, ChurnRow> byKey;
        for (std::size_t g = 0; g < groupKeys.size(); ++g) {
            const std::int64_t customers = base[g][static_cast<std::size_t>(p)];
            if (customers > 0) {
                ChurnRow row = periodRow(groupKeys[g]);
                row.customersAtStart = customers;
                row.revenueBase = revenueBefore(g);
                byKey.emplace(groupKeys[g], std::move(row));
            }
        }
        for (auto it = churned.lower_bound({p, INT64_MIN}); it != churned.end() && it->first.first == p; ++it) {
            auto found = byKey.find(it->first.second);
            if (found == byKey.end()) {
                found = byKey.emplace(it->first.second, periodRow(it->first.second)).first;
                if (const auto g = groupIndex.find(it->first.second); g != groupIndex.end()) {
                    found->second.revenueBase = revenueBefore(g->second);
                }
            }
            found->second.churned = it->second.first;
            found->second.lostRevenue = it->second.second;
        }
        for (auto& [key, row] : byKey) {
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<CohortRow> cohortTable(const RetentionFacts& facts, int lastYear)
{
    std::map<int, CohortRow> cohorts;
    for (const RetentionCustomer& customer : facts.customers) {
        int cohortYear = 0;
        std::vector<int> years;
        for (std::uint32_t f = customer.firstFigure; f < customer.firstFigure + customer.figureCount; ++f) {
            const MonthFigure& figure = facts.figures[f];
            const int year = figure.month / 100;
            if (figure.orderCount <= 0 || year > lastYear) {
                continue;
            }
            if (cohortYear == 0) {
                cohortYear = year;
            }
            if (years.empty() || years.back() != year) {
                years.push_back(year);
            }
        }
        if (cohortYear == 0) {
            continue;
        }
        CohortRow& row = cohorts[cohortYear];
        if (row.year == 0) {
            row.year = cohortYear;
            row.ordering.assign(static_cast<std::size_t>(lastYear - cohortYear + 1), 0);
        }
        ++row.size;
        for (const int year : years) {
            ++row.ordering[static_cast<std::size_t>(year - cohortYear)];
        }
    }
    std::vector<CohortRow> rows;
    rows.reserve(cohorts.size());
    for (auto& [year, row] : cohorts) {
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<SatisfactionRow> satisfactionByRep(const RetentionFacts& facts, ChurnGranularity granularity, bool byRep)
{
    std::map<std::pair<int, RepId>, SatisfactionRow> rows;
    for (const SurveyFigure& survey : facts.surveys) {
        if (survey.customer >= facts.customers.size()) {
            continue;
        }
        const int start = periodStartOf(survey.surveyedOn.monthKey(), granularity);
        const RepId rep = byRep ? facts.customers[survey.customer].ownerRepId : 0;
        SatisfactionRow& row = rows[{start, rep}];
        row.periodStart = start;
        row.rep = rep;
        if (survey.nps) {
            ++row.npsAnswers;
            row.promoters += survey.score >= 9 ? 1 : 0;
            row.detractors += survey.score <= 6 ? 1 : 0;
        } else {
            ++row.csatAnswers;
            row.csatTotal += survey.score;
        }
    }
    std::vector<SatisfactionRow> result;
    result.reserve(rows.size());
    for (auto& [key, row] : rows) {
        row.period = periodLabel(row.periodStart, granularity);
        result.push_back(std::move(row));
    }
    return result;
}

} // namespace cartera::domain
