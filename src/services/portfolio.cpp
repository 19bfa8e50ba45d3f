#include "services/portfolio.h"

#include "storage/storage_error.h"

namespace cartera::services {

using domain::Error;
using domain::ErrorCode;

Error toError(const std::exception& e, std::string where)
{
    const auto* storageError = dynamic_cast<const storage::StorageError*>(&e);
    if (!storageError) {
        return Error{ErrorCode::Internal, e.what(), std::move(where)};
    }
    ErrorCode code = ErrorCode::Storage;
    switch (storageError->failure()) {
    case storage::StorageFailure::CannotOpen:
    case storage::StorageFailure::NotFound:
        code = ErrorCode::NotFound;
        break;
    case storage::StorageFailure::NotADatabase:
    case storage::StorageFailure::NotCartera:
        code = ErrorCode::InvalidInput;
        break;
    case storage::StorageFailure::NewerSchema:
        code = ErrorCode::Unsupported;
        break;
    case storage::StorageFailure::Constraint:
        code = ErrorCode::Conflict;
        break;
    case storage::StorageFailure::Corrupt:
    case storage::StorageFailure::Busy:
    case storage::StorageFailure::ReadOnly:
    case storage::StorageFailure::Other:
        code = ErrorCode::Storage;
        break;
    }
    return Error{code, e.what(), std::move(where)};
}

domain::Result<std::unique_ptr<Portfolio>> Portfolio::open(const std::filesystem::path& path, storage::OpenMode mode)
{
    try {
        return std::make_unique<Portfolio>(storage::Database::open(path, mode));
    } catch (const std::exception& e) {
        return toError(e);
    }
}

Portfolio::Portfolio(storage::Database db)
    : m_db(std::move(db)), m_customers(m_db), m_contacts(m_db), m_reps(m_db), m_products(m_db), m_orders(m_db),
      m_settings(m_db), m_activities(m_db)
{
}

PortfolioFacts Portfolio::facts() const
{
    PortfolioFacts facts;
    facts.schemaVersion = m_db.schemaVersion();
    facts.currency = m_settings.currency().str();
    facts.demo = m_settings.isDemo();
    facts.counts = storage::countPortfolio(m_db);
    return facts;
}

} // namespace cartera::services
