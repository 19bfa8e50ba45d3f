#pragma once

#include "domain/date.h"
#include "domain/month_range.h"
#include "domain/tier_run.h"
#include "domain/tiers.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace cartera::storage {

class Database;

/// What to read for a tier run.
struct TierInputQuery final {
    domain::MonthRange period;
    /// Recency counts the days from the last order on or before this date to it.
    domain::Date asOf;
    /// Customer names cost a string per customer; a summary does not need them.
    bool withNames = true;
    /// Set by another thread to stop the read: customerInputs then throws a StorageError whose
    /// message is "cancelled". Looked at every few thousand customers.
    const std::atomic<bool>* cancelled = nullptr;
};

/// Reads the facts every tier indicator is worked out from, for every listed (not archived)
/// customer: accounts of kind customer, and prospects with sales in the period, as ABC lists them.
class TierRepository final {
public:
    explicit TierRepository(const Database& db);

    /// One TierInput per customer, in ascending id order. Six scans side by side in one read
    /// transaction, each in customer id order, merged in C++ (no per-customer lookup, no sort):
    /// the customer_report_scope index; the strategic flags (partial index); customer_month over
    /// the period and the equal period before it (revenue, margin, orders, prior revenue); the
    /// last order date per customer (sales_order_customer index); open claims (activity_pending);
    /// surveys in the period (customer_survey_customer).
    [[nodiscard]] std::vector<domain::TierInput> customerInputs(const TierInputQuery& query) const;

private:
    const Database& m_db;
};

/// Tier models saved by name (table tier_model).
class TierModelRepository final {
public:
    explicit TierModelRepository(const Database& db);

    /// Saves the model under its name, replacing a model of the same name; sets model.id.
    void save(domain::SavedTierModel& model);
    /// Every saved model, the most recently saved first (then the highest id).
    [[nodiscard]] std::vector<domain::SavedTierModel> list() const;
    [[nodiscard]] std::optional<domain::SavedTierModel> findByName(const std::string& name) const;
    /// The most recently saved model; nullopt when none is.
    [[nodiscard]] std::optional<domain::SavedTierModel> latest() const;
    /// StorageError (NotFound) when no model has the name.
    void remove(const std::string& name);

private:
    const Database& m_db;
};

/// Saved tier runs (tables tier_run and tier_run_entry).
class TierRunRepository final {
public:
    explicit TierRunRepository(const Database& db);

    /// Saves the run in one transaction: info (its customers and weight total are taken from the
    /// result) and one entry per ranked customer; sets info.id.
    void insert(domain::TierRunInfo& info, const domain::TierFacts& facts, const domain::TierResult& result);
    /// Every run without its entries, newest first (by date, then by id).
    [[nodiscard]] std::vector<domain::TierRunInfo> list() const;
    [[nodiscard]] std::optional<domain::TierRunInfo> findInfo(domain::TierRunId id) const;
    /// The run with its entries by rank.
    [[nodiscard]] std::optional<domain::TierRunRecord> find(domain::TierRunId id) const;
    /// StorageError (NotFound) when there is none.
    void remove(domain::TierRunId id);

private:
    const Database& m_db;
};

/// Satisfaction survey answers (table customer_survey).
class SurveyRepository final {
public:
    explicit SurveyRepository(const Database& db);

    /// Saves an answer and sets survey.id; a score outside its scale is a Constraint StorageError.
    void insert(domain::CustomerSurvey& survey);
    /// The customer's answers, newest first.
    [[nodiscard]] std::vector<domain::CustomerSurvey> forCustomer(domain::CustomerId customerId) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
