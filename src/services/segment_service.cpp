#include "services/segment_service.h"

#include "services/portfolio.h"
#include "storage/database.h"

#include <algorithm>

namespace cartera::services {

using namespace cartera::domain;
using storage::SegmentRecord;
using storage::SegmentRepository;

namespace {

constexpr const char* kWhere = "segment";
constexpr std::size_t kMaxNameLength = 120;

Error notFound(SegmentId id)
{
    return Error{ErrorCode::NotFound, "no segment has the id " + std::to_string(id), kWhere};
}

} // namespace

Result<std::string> checkedSegmentName(const std::string& name)
{
    const auto first = name.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return invalidInput("a segment needs a name", "name");
    }
    const auto last = name.find_last_not_of(" \t\r\n");
    std::string trimmed = name.substr(first, last - first + 1);
    if (trimmed.size() > kMaxNameLength) {
        return invalidInput("a segment name has at most " + std::to_string(kMaxNameLength) + " characters", "name");
    }
    if (trimmed.find('\0') != std::string::npos) {
        return invalidInput("a segment name cannot hold a NUL character", "name");
    }
    return trimmed;
}

SegmentService::SegmentService(Portfolio& portfolio) : m_portfolio(portfolio) {}

Result<std::vector<SegmentRecord>> SegmentService::list() const
{
    try {
        return SegmentRepository(m_portfolio.database()).list();
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<SegmentRecord> SegmentService::findByName(const std::string& name) const
{
    try {
        if (auto found = SegmentRepository(m_portfolio.database()).findByName(name)) {
            return *found;
        }
        return Error{ErrorCode::NotFound, "no segment is named '" + name + "'", kWhere};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<SegmentRecord> SegmentService::find(SegmentId id) const
{
    try {
        if (auto found = SegmentRepository(m_portfolio.database()).find(id)) {
            return *found;
        }
        return notFound(id);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<SegmentRecord> SegmentService::createRule(const std::string& name, const SegmentDefinition& definition, Date today)
{
    auto checkedName = checkedSegmentName(name);
    if (!checkedName) {
        return checkedName.error();
    }
    if (auto valid = definition.validate(); !valid) {
        return valid.error();
    }
    try {
        SegmentRecord record;
        record.name = checkedName.value();
        record.kind = SegmentKind::Rule;
        record.definition = definition.toJson();
        record.created = today;
        record.updated = today;
        SegmentRepository(m_portfolio.database()).insert(record);
        return record;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<SegmentRecord> SegmentService::createRuleFromJson(const std::string& name, std::string_view json, Date today)
{
    auto definition = SegmentDefinition::fromJson(json);
    if (!definition) {
        return definition.error();
    }
    return createRule(name, definition.value(), today);
}

Result<SegmentRecord> SegmentService::createStatic(const std::string& name, const std::vector<CustomerId>& customers,
                                                   Date today)
{
    auto checkedName = checkedSegmentName(name);
    if (!checkedName) {
        return checkedName.error();
    }
    try {
        const auto& db = m_portfolio.database();
        storage::WriteTransaction transaction(db);
        SegmentRecord record;
        record.name = checkedName.value();
        record.kind = SegmentKind::Static;
        record.created = today;
        record.updated = today;
        SegmentRepository segments(db);
        segments.insert(record);
        segments.addMembers(record.id, customers);
        transaction.commit();
        return record;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status SegmentService::saveDefinition(SegmentId id, const SegmentDefinition& definition, Date today)
{
    if (auto valid = definition.validate(); !valid) {
        return valid.error();
    }
    try {
        SegmentRepository segments(m_portfolio.database());
        auto record = segments.find(id);
        if (!record) {
            return notFound(id);
        }
        if (record->kind != SegmentKind::Rule) {
            return invalidInput("'" + record->name + "' is a static list: it has members, not rules", kWhere);
        }
        record->definition = definition.toJson();
        record->updated = today;
        segments.update(*record);
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status SegmentService::rename(SegmentId id, const std::string& name, Date today)
{
    auto checkedName = checkedSegmentName(name);
    if (!checkedName) {
        return checkedName.error();
    }
    try {
        SegmentRepository segments(m_portfolio.database());
        auto record = segments.find(id);
        if (!record) {
            return notFound(id);
        }
        record->name = checkedName.value();
        record->updated = today;
        segments.update(*record);
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, "name");
    }
}

Result<SegmentRecord> SegmentService::duplicate(SegmentId id, const std::string& newName, Date today)
{
    auto checkedName = checkedSegmentName(newName);
    if (!checkedName) {
        return checkedName.error();
    }
    try {
        const auto& db = m_portfolio.database();
        storage::WriteTransaction transaction(db);
        SegmentRepository segments(db);
        auto record = segments.find(id);
        if (!record) {
            return notFound(id);
        }
        SegmentRecord copy = *record;
        copy.id = 0;
        copy.name = checkedName.value();
        copy.created = today;
        copy.updated = today;
        segments.insert(copy);
        if (copy.kind == SegmentKind::Static) {
            segments.addMembers(copy.id, segments.staticMembers(id));
        }
        transaction.commit();
        return copy;
    } catch (const std::exception& e) {
        return toError(e, "name");
    }
}

Result<SegmentSnapshot> SegmentService::remove(SegmentId id)
{
    try {
        const auto& db = m_portfolio.database();
        storage::WriteTransaction transaction(db);
        SegmentRepository segments(db);
        auto record = segments.find(id);
        if (!record) {
            return notFound(id);
        }
        SegmentSnapshot snapshot{*record, segments.staticMembers(id)};
        segments.remove(id);
        transaction.commit();
        return snapshot;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status SegmentService::restore(const SegmentSnapshot& snapshot)
{
    try {
        const auto& db = m_portfolio.database();
        storage::WriteTransaction transaction(db);
        SegmentRepository segments(db);
        SegmentRecord record = snapshot.record;
        segments.insert(record);
        // Members deleted since (with their customer) are skipped by the foreign key check below.
        std::vector<CustomerId> present;
        const auto& customers = m_portfolio.customers();
        for (const CustomerId member : snapshot.members) {
            if (customers.find(member)) {
                present.push_back(member);
            }
        }
        segments.addMembers(record.id, present);
        transaction.commit();
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::int64_t> SegmentService::addMembers(SegmentId id, const std::vector<CustomerId>& customers)
{
    try {
        SegmentRepository segments(m_portfolio.database());
        const auto record = segments.find(id);
        if (!record) {
            return notFound(id);
        }
        if (record->kind != SegmentKind::Static) {
            return invalidInput("'" + record->name + "' is a rule segment: its members follow from its rules", kWhere);
        }
        return segments.addMembers(id, customers);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::int64_t> SegmentService::removeMembers(SegmentId id, const std::vector<CustomerId>& customers)
{
    try {
        return SegmentRepository(m_portfolio.database()).removeMembers(id, customers);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::int64_t> SegmentService::count(SegmentId id, Date asOf) const
{
    try {
        return SegmentRepository(m_portfolio.database()).count(id, asOf);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::int64_t> SegmentService::count(const SegmentDefinition& definition, Date asOf) const
{
    if (auto valid = definition.validate(); !valid) {
        return valid.error();
    }
    try {
        return SegmentRepository(m_portfolio.database()).count(definition, asOf);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::vector<CustomerId>> SegmentService::memberIds(SegmentId id, Date asOf, std::int64_t offset,
                                                          std::int64_t limit) const
{
    try {
        return SegmentRepository(m_portfolio.database()).memberIds(id, asOf, offset, limit);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::int64_t> SegmentService::countIn(const std::filesystem::path& file, const SegmentDefinition& definition,
                                             Date asOf)
{
    if (auto valid = definition.validate(); !valid) {
        return valid.error();
    }
    try {
        const auto db = storage::Database::open(file, storage::OpenMode::ReadOnly);
        return SegmentRepository(db).count(definition, asOf);
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Result<std::vector<std::pair<SegmentId, std::int64_t>>> SegmentService::countAllIn(const std::filesystem::path& file,
                                                                                  Date asOf)
{
    try {
        const auto db = storage::Database::open(file, storage::OpenMode::ReadOnly);
        SegmentRepository segments(db);
        std::vector<std::pair<SegmentId, std::int64_t>> counts;
        for (const auto& record : segments.list()) {
            counts.emplace_back(record.id, segments.count(record.id, asOf));
        }
        return counts;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status SegmentService::countEachIn(const std::filesystem::path& file, Date asOf,
                                   const std::function<bool(SegmentId, std::int64_t)>& counted)
{
    try {
        const auto db = storage::Database::open(file, storage::OpenMode::ReadOnly);
        SegmentRepository segments(db);
        auto records = segments.list();
        std::stable_partition(records.begin(), records.end(),
                              [](const SegmentRecord& r) { return r.kind == SegmentKind::Static; });
        for (const auto& record : records) {
            if (!counted(record.id, segments.count(record.id, asOf))) {
                break;
            }
        }
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

} // namespace cartera::services
