#include "services/opportunity_service.h"

#include "services/portfolio.h"
#include "storage/storage_error.h"

namespace cartera::services {

using namespace cartera::domain;

namespace {

template <typename T, typename Work>
Result<T> inTransaction(Portfolio& portfolio, Work&& work)
{
    try {
        storage::WriteTransaction transaction(portfolio.database());
        Result<T> result = work();
        if (result) {
            transaction.commit();
        }
        return result;
    } catch (const std::exception& e) {
        return toError(e);
    }
}

template <typename T, typename Work>
Result<T> reading(Work&& work)
{
    try {
        return work();
    } catch (const std::exception& e) {
        return toError(e);
    }
}

Error notFound(std::int64_t id)
{
    return Error{ErrorCode::NotFound, "opportunity " + std::to_string(id) + " does not exist (it may have been deleted)", {}};
}

} // namespace

OpportunityService::OpportunityService(Portfolio& portfolio)
    : m_portfolio(portfolio), m_repository(portfolio.database())
{
}

Result<std::vector<Stage>> OpportunityService::stages() const
{
    return reading<std::vector<Stage>>([&] { return m_repository.stages(); });
}

Result<std::vector<LostReason>> OpportunityService::lostReasons() const
{
    return reading<std::vector<LostReason>>([&] { return m_repository.lostReasons(); });
}

Status OpportunityService::checkReferences(const Opportunity& o)
{
    if (!m_portfolio.customers().find(o.customerId)) {
        return Error{ErrorCode::NotFound, "account " + std::to_string(o.customerId) + " does not exist", "account"};
    }
    if (o.ownerRepId && !m_portfolio.reps().find(*o.ownerRepId)) {
        return Error{ErrorCode::NotFound, "sales rep " + std::to_string(*o.ownerRepId) + " does not exist", "owner"};
    }
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        if (!m_portfolio.products().find(o.lines[i].productId)) {
            return Error{ErrorCode::NotFound, "product " + std::to_string(o.lines[i].productId) + " does not exist",
                         "products, line " + std::to_string(i + 1)};
        }
    }
    return Done{};
}

bool OpportunityService::convertIfFirstWin(const Opportunity& o, Date date)
{
    auto customer = m_portfolio.customers().find(o.customerId);
    if (!customer || customer->kind != CustomerKind::Prospect) {
        return false;
    }
    // Called after the deal was saved as won: its own win is the one counted.
    if (m_repository.wonCount(o.customerId) != 1) {
        return false;
    }
    customer->kind = CustomerKind::Customer;
    customer->updated = date;
    m_portfolio.customers().update(*customer);
    return true;
}

Result<Opportunity> OpportunityService::create(Opportunity o, Date today)
{
    return inTransaction<Opportunity>(m_portfolio, [&]() -> Result<Opportunity> {
        if (o.createdOn == Date()) {
            o.createdOn = today;
        }
        if (o.stageChangedOn == Date()) {
            o.stageChangedOn = o.createdOn;
        }
        o.amount.currency = m_portfolio.settings().currency();
        const auto stages = m_repository.stages();
        if (auto valid = validateOpportunity(o, stages, m_repository.lostReasons()); !valid) {
            return valid.error();
        }
        if (auto refs = checkReferences(o); !refs) {
            return refs.error();
        }
        o.id = 0;
        m_repository.insert(o);
        StageChange change{0, o.id, {}, o.stage, o.stageChangedOn};
        m_repository.addStageChange(change);
        if (findStage(stages, o.stage)->outcome == StageOutcome::Won) {
            convertIfFirstWin(o, o.closedOn.value_or(today));
        }
        return o;
    });
}

Result<Opportunity> OpportunityService::update(Opportunity o, Date today)
{
    return inTransaction<Opportunity>(m_portfolio, [&]() -> Result<Opportunity> {
        const auto before = m_repository.find(o.id);
        if (!before) {
            return notFound(o.id);
        }
        o.amount.currency = before->amount.currency;
        const auto stages = m_repository.stages();
        const bool stageChanged = o.stage != before->stage;
        if (stageChanged) {
            o.stageChangedOn = today;
        }
        if (auto valid = validateOpportunity(o, stages, m_repository.lostReasons()); !valid) {
            return valid.error();
        }
        if (auto refs = checkReferences(o); !refs) {
            return refs.error();
        }
        m_repository.update(o);
        if (stageChanged) {
            StageChange change{0, o.id, before->stage, o.stage, today};
            m_repository.addStageChange(change);
            if (findStage(stages, o.stage)->outcome == StageOutcome::Won) {
                convertIfFirstWin(o, today);
            }
        }
        return o;
    });
}

Result<StageMove> OpportunityService::move(OpportunityId id, const std::string& stageCode, Date date,
                                           const std::string& lostReason)
{
    return inTransaction<StageMove>(m_portfolio, [&]() -> Result<StageMove> {
        const auto before = m_repository.find(id);
        if (!before) {
            return notFound(id);
        }
        const auto stages = m_repository.stages();
        const Stage* stage = findStage(stages, stageCode);
        if (stage == nullptr) {
            return invalidInput("there is no stage \"" + stageCode + "\"", "stage");
        }
        if (before->stage == stageCode) {
            return invalidInput("the opportunity is already in " + stage->name, "stage");
        }
        StageMove result;
        result.before = *before;
        Opportunity o = *before;
        o.stage = stageCode;
        o.stageChangedOn = date;
        if (stage->outcome == StageOutcome::Open) {
            o.closedOn.reset();
            o.lostReason.clear();
        } else {
            o.closedOn = date;
            o.lostReason = stage->outcome == StageOutcome::Lost ? lostReason : std::string();
        }
        if (auto valid = validateOpportunity(o, stages, m_repository.lostReasons()); !valid) {
            return valid.error();
        }
        m_repository.update(o);
        result.change = StageChange{0, id, before->stage, stageCode, date};
        m_repository.addStageChange(result.change);
        if (stage->outcome == StageOutcome::Won) {
            result.convertedProspect = convertIfFirstWin(o, date);
        }
        result.after = std::move(o);
        return result;
    });
}

Status OpportunityService::undoMove(const StageMove& move)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Status {
        m_repository.update(move.before);
        m_repository.removeStageChange(move.change.id);
        if (move.convertedProspect) {
            if (auto customer = m_portfolio.customers().find(move.before.customerId)) {
                customer->kind = CustomerKind::Prospect;
                m_portfolio.customers().update(*customer);
            }
        }
        return Done{};
    });
}

Status OpportunityService::redoMove(const StageMove& move)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Status {
        m_repository.update(move.after);
        StageChange change = move.change;
        m_repository.addStageChange(change);
        if (move.convertedProspect) {
            if (auto customer = m_portfolio.customers().find(move.after.customerId)) {
                customer->kind = CustomerKind::Customer;
                m_portfolio.customers().update(*customer);
            }
        }
        return Done{};
    });
}

Result<OpportunityDeletion> OpportunityService::remove(OpportunityId id)
{
    return inTransaction<OpportunityDeletion>(m_portfolio, [&]() -> Result<OpportunityDeletion> {
        auto o = m_repository.find(id);
        if (!o) {
            return notFound(id);
        }
        OpportunityDeletion deletion{*o, m_repository.history(id)};
        m_repository.remove(id);
        return deletion;
    });
}

Status OpportunityService::restore(const OpportunityDeletion& deletion)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Status {
        Opportunity o = deletion.opportunity;
        m_repository.insert(o);
        m_repository.restoreHistory(deletion.history);
        return Done{};
    });
}

Result<Opportunity> OpportunityService::find(OpportunityId id) const
{
    return reading<Opportunity>([&]() -> Result<Opportunity> {
        auto o = m_repository.find(id);
        if (!o) {
            return notFound(id);
        }
        return *o;
    });
}

Result<std::vector<StageChange>> OpportunityService::history(OpportunityId id) const
{
    return reading<std::vector<StageChange>>([&] { return m_repository.history(id); });
}

Result<std::vector<storage::OpportunityRow>> OpportunityService::list(const OpportunityFilter& filter,
                                                                      std::int64_t offset, int limit) const
{
    return reading<std::vector<storage::OpportunityRow>>([&] { return m_repository.list(filter, offset, limit); });
}

Result<std::int64_t> OpportunityService::count(const OpportunityFilter& filter) const
{
    return reading<std::int64_t>([&] { return m_repository.count(filter); });
}

Result<std::vector<storage::StageSummary>> OpportunityService::stageSummaries(const OpportunityFilter& filter) const
{
    return reading<std::vector<storage::StageSummary>>([&] { return m_repository.stageSummaries(filter); });
}

Status OpportunityService::setTarget(RepId repId, int month, std::int64_t amountMinor)
{
    if (amountMinor < 0) {
        return invalidInput("a target cannot be negative", "target");
    }
    if (!MonthRange::between(month, month)) {
        return invalidInput("the month " + std::to_string(month) + " is not a month (yyyymm)", "month");
    }
    return inTransaction<Done>(m_portfolio, [&]() -> Status {
        if (!m_portfolio.reps().find(repId)) {
            return Error{ErrorCode::NotFound, "sales rep " + std::to_string(repId) + " does not exist", "rep"};
        }
        m_repository.setTarget(repId, month, amountMinor);
        return Done{};
    });
}

} // namespace cartera::services
