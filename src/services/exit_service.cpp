#include "services/exit_service.h"

#include "services/portfolio.h"
#include "storage/database.h"

namespace cartera::services {

using namespace cartera::domain;

namespace {

constexpr const char* kWhere = "exit";

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
        return toError(e, kWhere);
    }
}

template <typename T, typename Work>
Result<T> reading(Work&& work)
{
    try {
        return work();
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Error customerNotFound(CustomerId id)
{
    return Error{ErrorCode::NotFound, "customer " + std::to_string(id) + " does not exist (it may have been deleted)",
                 kWhere};
}

} // namespace

Result<std::int64_t> ExitService::proposedLostRevenue(CustomerId customerId, Date asOf)
{
    return reading<std::int64_t>([&]() -> Result<std::int64_t> {
        return storage::ExitRepository(m_portfolio.database()).revenueLastTwelveMonths(customerId, asOf);
    });
}

Result<RecordedExit> ExitService::record(CustomerExit exit, Date today)
{
    exit.recordedOn = today;
    if (auto valid = validateExit(exit); !valid) {
        return valid.error();
    }
    return inTransaction<RecordedExit>(m_portfolio, [&]() -> Result<RecordedExit> {
        storage::ExitRepository exits(m_portfolio.database());
        const auto status = exits.customerStatus(exit.customerId);
        if (!status) {
            return customerNotFound(exit.customerId);
        }
        exits.insert(exit);
        exits.setCustomerStatus(exit.customerId, statusAfterExit(exit), today);
        return RecordedExit{exit, *status};
    });
}

Status ExitService::undoRecord(const RecordedExit& recorded, Date today)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Result<Done> {
        storage::ExitRepository exits(m_portfolio.database());
        exits.remove(recorded.exit.id);
        exits.setCustomerStatus(recorded.exit.customerId, recorded.previousStatus, today);
        return Done{};
    });
}

Status ExitService::redoRecord(const RecordedExit& recorded, Date today)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Result<Done> {
        storage::ExitRepository exits(m_portfolio.database());
        CustomerExit exit = recorded.exit;
        exits.insert(exit);
        exits.setCustomerStatus(exit.customerId, statusAfterExit(exit), today);
        return Done{};
    });
}

Result<RecordedExit> ExitService::update(CustomerExit exit, Date today)
{
    if (auto valid = validateExit(exit); !valid) {
        return valid.error();
    }
    return inTransaction<RecordedExit>(m_portfolio, [&]() -> Result<RecordedExit> {
        storage::ExitRepository exits(m_portfolio.database());
        const auto before = exits.find(exit.id);
        if (!before) {
            return Error{ErrorCode::NotFound, "exit " + std::to_string(exit.id) + " does not exist", kWhere};
        }
        const auto status = exits.customerStatus(exit.customerId);
        if (!status) {
            return customerNotFound(exit.customerId);
        }
        exits.update(exit);
        exits.setCustomerStatus(exit.customerId, statusAfterExit(exit), today);
        return RecordedExit{*before, *status};
    });
}

Result<std::vector<storage::ExitListRow>> ExitService::list(std::optional<ExitOutcome> outcome)
{
    return reading<std::vector<storage::ExitListRow>>(
        [&]() -> Result<std::vector<storage::ExitListRow>> { return storage::ExitRepository(m_portfolio.database()).list(outcome); });
}

Result<std::vector<CustomerExit>> ExitService::exitsOf(CustomerId customerId)
{
    return reading<std::vector<CustomerExit>>([&]() -> Result<std::vector<CustomerExit>> {
        return storage::ExitRepository(m_portfolio.database()).forCustomer(customerId);
    });
}

Result<std::vector<ExitReason>> ExitService::reasons(bool includeInactive)
{
    return reading<std::vector<ExitReason>>([&]() -> Result<std::vector<ExitReason>> {
        return storage::ExitRepository(m_portfolio.database()).reasons(includeInactive);
    });
}

Result<ExitReason> ExitService::addReason(ExitReason reason)
{
    return inTransaction<ExitReason>(m_portfolio, [&]() -> Result<ExitReason> {
        storage::ExitRepository(m_portfolio.database()).insertReason(reason);
        return reason;
    });
}

} // namespace cartera::services
