#include "services/tier_service.h"

#include "services/portfolio.h"
#include "storage/tier_repository.h"

namespace cartera::services {

using namespace cartera::domain;

namespace {

constexpr const char* kWhere = "tiers";
constexpr std::size_t kMaxNameBytes = 80;

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

Result<std::shared_ptr<const TierFacts>> TierService::readFacts(const MonthRange& period, Date asOf, bool withNames)
{
    try {
        storage::TierInputQuery query;
        query.period = period;
        query.asOf = asOf;
        query.withNames = withNames;
        auto inputs = storage::TierRepository(m_portfolio.database()).customerInputs(query);
        return std::make_shared<const TierFacts>(prepareTierFacts(std::move(inputs), period, asOf));
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::shared_ptr<const TierFacts>> TierService::readFactsFrom(const std::filesystem::path& file,
                                                                    const MonthRange& period, Date asOf,
                                                                    bool withNames, const std::atomic<bool>* cancelled)
{
    try {
        const auto db = storage::Database::open(file, storage::OpenMode::ReadOnly);
        storage::TierInputQuery query;
        query.period = period;
        query.asOf = asOf;
        query.withNames = withNames;
        query.cancelled = cancelled;
        auto inputs = storage::TierRepository(db).customerInputs(query);
        if (cancelled && cancelled->load()) {
            return Error{ErrorCode::InvalidInput, "cancelled", kWhere};
        }
        return std::make_shared<const TierFacts>(prepareTierFacts(std::move(inputs), period, asOf));
    } catch (const std::exception& e) {
        if (cancelled && cancelled->load()) {
            return Error{ErrorCode::InvalidInput, "cancelled", kWhere};
        }
        return toError(e, kWhere);
    }
}

Result<TierRun> TierService::run(const TierRequest& request)
{
    auto facts = readFacts(request.period, request.asOf, request.withNames);
    if (!facts) {
        return facts.error();
    }
    auto result = scoreTiers(*facts.value(), request.model);
    if (!result) {
        return result.error();
    }
    return TierRun{request, std::move(facts.value()), std::move(result.value())};
}

Status TierService::rescore(TierRun& run, const TierModel& model)
{
    if (!run.facts) {
        return Error{ErrorCode::Internal, "the run has no facts to score", kWhere};
    }
    auto result = scoreTiers(*run.facts, model);
    if (!result) {
        return result.error();
    }
    run.result = std::move(result.value());
    run.request.model = model;
    return Done{};
}

Result<SavedTierModel> TierService::saveModel(std::string name, const TierModel& model, Date savedOn)
{
    name = trimmed(name);
    if (name.empty()) {
        return invalidInput("give the model a name", "model name");
    }
    if (name.size() > kMaxNameBytes) {
        return invalidInput("the name is longer than 80 characters", "model name");
    }
    SavedTierModel saved{0, std::move(name), savedOn, model};
    try {
        storage::TierModelRepository(m_portfolio.database()).save(saved);
        return saved;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::vector<SavedTierModel>> TierService::models()
{
    try {
        return storage::TierModelRepository(m_portfolio.database()).list();
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<SavedTierModel> TierService::loadModel(const std::string& name)
{
    try {
        auto found = storage::TierModelRepository(m_portfolio.database()).findByName(name);
        if (!found) {
            return Error{ErrorCode::NotFound, "no tier model is named '" + name + "'", "model"};
        }
        return std::move(*found);
    } catch (const std::exception& e) {
        return toError(e, "model");
    }
}

Result<TierModel> TierService::currentModel()
{
    try {
        auto latest = storage::TierModelRepository(m_portfolio.database()).latest();
        return latest ? latest->model : TierModel();
    } catch (const std::exception& e) {
        return toError(e, "model");
    }
}

Status TierService::deleteModel(const std::string& name)
{
    try {
        storage::TierModelRepository(m_portfolio.database()).remove(name);
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, "model");
    }
}

Result<TierRunInfo> TierService::saveRun(const TierRun& run, std::string name, Date createdOn)
{
    if (!run.facts) {
        return Error{ErrorCode::Internal, "the run has no facts to save", kWhere};
    }
    name = trimmed(name);
    if (name.size() > kMaxNameBytes) {
        return invalidInput("the name is longer than 80 characters", "run name");
    }
    TierRunInfo info;
    info.name = name.empty() ? "Tiers " + run.request.period.toString() + ", " + createdOn.toIso() : name;
    info.createdOn = createdOn;
    info.period = run.request.period;
    info.asOf = run.request.asOf;
    try {
        storage::TierRunRepository(m_portfolio.database()).insert(info, *run.facts, run.result);
        return info;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::vector<TierRunInfo>> TierService::savedRuns()
{
    try {
        return storage::TierRunRepository(m_portfolio.database()).list();
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<TierRunRecord> TierService::loadRun(TierRunId id)
{
    try {
        auto record = storage::TierRunRepository(m_portfolio.database()).find(id);
        if (!record) {
            return Error{ErrorCode::NotFound, "no tier run has the id " + std::to_string(id), "run"};
        }
        return std::move(*record);
    } catch (const std::exception& e) {
        return toError(e, "run");
    }
}

Status TierService::deleteRun(TierRunId id)
{
    try {
        storage::TierRunRepository(m_portfolio.database()).remove(id);
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, "run");
    }
}

} // namespace cartera::services
