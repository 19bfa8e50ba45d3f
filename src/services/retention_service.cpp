#include "services/retention_service.h"

#include "domain/abc_migration.h"
#include "services/portfolio.h"
#include "storage/abc_snapshot_repository.h"
#include "storage/database.h"
#include "storage/retention_repository.h"
#include "domain/month_range.h"

#include <unordered_set>

namespace cartera::services {

using namespace cartera::domain;

namespace {

constexpr const char* kWhere = "retention";

} // namespace

Result<RetentionFacts> RetentionService::load(Date asOf, int overdueClaimDays)
{
    try {
        RetentionFacts facts = storage::RetentionRepository(m_portfolio.database()).readFacts(asOf, overdueClaimDays);
        // The latest snapshot gives the classes; it and the one before give the drops
        // (domain::droppedClass, as AbcService::droppedClass computes them), each read once.
        const storage::AbcSnapshotRepository snapshots(m_portfolio.database());
        const auto infos = snapshots.list();  // newest first
        if (!infos.empty()) {
            if (const auto latest = snapshots.find(infos[0].id)) {
                for (const AbcSnapshotEntry& entry : latest->entries) {
                    if (const auto at = facts.indexOf(entry.customerId); at && entry.abcClass) {
                        facts.customers[*at].abcClass = kAbcClassCodes.code(*entry.abcClass)[0];
                    }
                }
                if (infos.size() >= 2) {
                    if (const auto earlier = snapshots.find(infos[1].id)) {
                        for (const AbcDrop& drop : domain::droppedClass(earlier->entries, latest->entries)) {
                            if (const auto at = facts.indexOf(drop.customerId)) {
                                facts.customers[*at].droppedClass = true;
                            }
                        }
                    }
                }
            }
        }
        return facts;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::vector<storage::CustomerLabel>> RetentionService::labels(const RetentionFacts& facts,
                                                                     const std::vector<std::uint32_t>& positions)
{
    std::vector<CustomerId> ids;
    ids.reserve(positions.size());
    for (const std::uint32_t at : positions) {
        ids.push_back(at < facts.customers.size() ? facts.customers[at].id : 0);
    }
    try {
        return m_portfolio.customers().labels(ids);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<Activity> RetentionService::assignRetentionActivity(CustomerId customerId, std::optional<RepId> rep, Date on,
                                                           const std::string& reasons)
{
    Activity activity;
    activity.customerId = customerId;
    activity.ownerRepId = rep;
    activity.type = ActivityType::Call;
    activity.occurredOn = on;
    activity.subject = "Retention call";
    activity.details = "At risk: " + reasons;
    try {
        storage::WriteTransaction transaction(m_portfolio.database());
        m_portfolio.activities().insert(activity);
        transaction.commit();
        return activity;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<Activity> RetentionService::logWinBack(CustomerId customerId, std::optional<RepId> rep, Date on)
{
    Activity activity;
    activity.customerId = customerId;
    activity.ownerRepId = rep;
    activity.type = ActivityType::Note;
    activity.occurredOn = on;
    activity.subject = "Win-back opportunity";
    activity.details = "Win back this former customer (opportunities are not available in this version: tracked as a note).";
    try {
        storage::WriteTransaction transaction(m_portfolio.database());
        m_portfolio.activities().insert(activity);
        transaction.commit();
        return activity;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<CrossSell> RetentionService::crossSell(CustomerId customerId, Date asOf)
{
    try {
        if (!m_portfolio.customers().find(customerId)) {
            return Error{ErrorCode::NotFound, "customer " + std::to_string(customerId) + " does not exist", kWhere};
        }
        const auto period = MonthRange::twelveMonthsEndingWith(asOf);
        const auto baskets =
            storage::RetentionRepository(m_portfolio.database()).industryBaskets(customerId, period, kCrossSellPeers);
        CrossSell result;
        result.industry = baskets.industry;
        CrossSellRules rules;
        rules.periodMonths = period.monthCount();
        result.suggestions = recommendCategories(baskets.target, baskets.peers, rules);
        const auto categories = m_portfolio.products().categories();
        for (const auto& suggestion : result.suggestions) {
            std::string name = "category " + std::to_string(suggestion.categoryId);
            for (const auto& category : categories) {
                if (category.id == suggestion.categoryId) {
                    name = category.name;
                }
            }
            result.categoryNames.push_back(std::move(name));
        }
        return result;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

std::string describeSuggestion(const CrossSellSuggestion& s)
{
    const std::int64_t share = (s.shareBp() + 50) / 100;
    return "bought by " + std::to_string(share) + " % of " + std::to_string(s.similar) + " similar customers (" +
           (s.coPurchase ? "same industry, buying what this one buys" : "same industry") + "), " +
           std::to_string(s.ordersPerYearX10 / 10) + "." + std::to_string(s.ordersPerYearX10 % 10) +
           " orders a year each";
}

std::string describeSignals(const AtRiskEntry& entry)
{
    std::string text;
    const auto add = [&text](const std::string& part) {
        text += text.empty() ? part : "; " + part;
    };
    if (entry.has(RiskSignal::RevenueDown)) {
        const std::int64_t change =
            entry.revenuePrior12 > 0 ? (entry.revenueLast12 - entry.revenuePrior12) * 100 / entry.revenuePrior12 : 0;
        add("revenue " + std::to_string(change) + " %");
    }
    if (entry.has(RiskSignal::DroppedClass)) {
        add("dropped an ABC class");
    }
    if (entry.has(RiskSignal::OrderOverdue)) {
        add("no order for " + std::to_string(entry.monthsSinceOrder) + " months (usually every " +
            std::to_string(entry.usualIntervalMonths) + ")");
    }
    if (entry.has(RiskSignal::OverdueClaims)) {
        add(std::to_string(entry.overdueClaims) + " overdue claim" + (entry.overdueClaims > 1 ? "s" : ""));
    }
    if (entry.has(RiskSignal::LowSatisfaction)) {
        std::string scores;
        if (entry.latestCsat >= 0) {
            scores += "CSAT " + std::to_string(entry.latestCsat);
        }
        if (entry.latestNps >= 0) {
            scores += (scores.empty() ? "NPS " : ", NPS ") + std::to_string(entry.latestNps);
        }
        add("low satisfaction (" + scores + ")");
    }
    return text;
}

} // namespace cartera::services
