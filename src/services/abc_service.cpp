#include "services/abc_service.h"

#include "services/portfolio.h"
#include "storage/abc_repository.h"
#include "storage/abc_snapshot_repository.h"

namespace cartera::services {

using namespace cartera::domain;

namespace {

constexpr const char* kWhere = "abc";

std::string defaultSnapshotName(const AbcRequest& request, Date createdOn)
{
    return std::string(kAbcCriterionCodes.code(request.criterion)) + " " + request.period.toString() + ", " +
           createdOn.toIso();
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

Result<AbcRun> AbcService::run(const AbcRequest& request)
{
    try {
        storage::AbcValueQuery query;
        query.criterion = request.criterion;
        query.period = request.period;
        query.scope = request.scope;
        query.withNames = request.withNames;
        auto values = storage::AbcRepository(m_portfolio.database()).customerValues(query);
        auto result = classifyAbc(std::move(values), request.thresholds);
        if (!result) {
            return result.error();
        }
        return AbcRun{request, std::move(result.value())};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

void AbcService::reclassify(AbcRun& run, const AbcThresholds& thresholds)
{
    applyThresholds(run.result, thresholds);
    run.request.thresholds = thresholds;
}

Result<AbcSnapshotInfo> AbcService::saveSnapshot(const AbcRun& run, std::string name, Date createdOn)
{
    name = trimmed(name);
    AbcSnapshotInfo info;
    info.name = name.empty() ? defaultSnapshotName(run.request, createdOn) : name;
    info.createdOn = createdOn;
    info.criterion = run.request.criterion;
    info.period = run.request.period;
    info.scope = run.request.scope;
    info.thresholds = run.result.thresholds;
    try {
        storage::AbcSnapshotRepository(m_portfolio.database()).insert(info, snapshotEntries(run.result));
        return info;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::vector<AbcSnapshotInfo>> AbcService::snapshots()
{
    try {
        return storage::AbcSnapshotRepository(m_portfolio.database()).list();
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<AbcSnapshot> AbcService::load(AbcSnapshotId id, const char* which)
{
    try {
        auto snapshot = storage::AbcSnapshotRepository(m_portfolio.database()).find(id);
        if (!snapshot) {
            return Error{ErrorCode::NotFound, "no ABC snapshot has the id " + std::to_string(id), which};
        }
        return std::move(*snapshot);
    } catch (const std::exception& e) {
        return toError(e, which);
    }
}

Result<AbcSnapshot> AbcService::loadSnapshot(AbcSnapshotId id)
{
    return load(id, "snapshot");
}

Status AbcService::deleteSnapshot(AbcSnapshotId id)
{
    try {
        storage::AbcSnapshotRepository(m_portfolio.database()).remove(id);
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, "snapshot");
    }
}

Result<AbcComparison> AbcService::compare(AbcSnapshotId earlier, AbcSnapshotId later)
{
    auto from = load(earlier, "earlier snapshot");
    if (!from) {
        return from.error();
    }
    auto to = load(later, "later snapshot");
    if (!to) {
        return to.error();
    }
    AbcComparison comparison;
    comparison.migration = compareAbc(from.value().entries, to.value().entries);
    comparison.earlier = std::move(from.value().info);
    comparison.later = std::move(to.value().info);
    return comparison;
}

Result<std::vector<AbcDrop>> AbcService::droppedClass(AbcSnapshotId earlier, AbcSnapshotId later)
{
    auto from = load(earlier, "earlier snapshot");
    if (!from) {
        return from.error();
    }
    auto to = load(later, "later snapshot");
    if (!to) {
        return to.error();
    }
    return domain::droppedClass(from.value().entries, to.value().entries);
}

Result<std::vector<storage::CustomerLabel>> AbcService::labels(const std::vector<CustomerId>& ids)
{
    try {
        return m_portfolio.customers().labels(ids);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

} // namespace cartera::services
