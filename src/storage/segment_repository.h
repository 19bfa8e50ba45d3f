#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/segment.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cartera::storage {

class Database;

/// A saved segment as stored: a rule (definition holds its versioned JSON) or a static list
/// (definition empty; its customers are members).
struct SegmentRecord final {
    domain::SegmentId id = 0;  ///< 0 until saved
    std::string name;
    domain::SegmentKind kind = domain::SegmentKind::Rule;
    std::string definition;
    domain::Date created;
    domain::Date updated;

    friend bool operator==(const SegmentRecord&, const SegmentRecord&) = default;
};

/// Saved segments and the members of static lists. Writes are atomic; a name already used
/// (whatever its case) is a Constraint StorageError naming it.
///
/// Evaluation compiles a rule into one SQL statement (storage/segment_sql.h) with every value
/// bound; archived accounts are never members.
class SegmentRepository final {
public:
    explicit SegmentRepository(const Database& db);

    /// Saves a new segment and sets record.id. A rule's definition is stored as given: check it
    /// with SegmentDefinition::fromJson first.
    void insert(SegmentRecord& record);
    /// Saves name, definition and updated date.
    void update(const SegmentRecord& record);
    /// Deletes the segment and its members.
    void remove(domain::SegmentId id);

    [[nodiscard]] std::vector<SegmentRecord> list() const;  ///< by name
    [[nodiscard]] std::optional<SegmentRecord> find(domain::SegmentId id) const;
    [[nodiscard]] std::optional<SegmentRecord> findByName(const std::string& name) const;

    /// Adds customers to a static list (those already in it are skipped); returns how many were added.
    std::int64_t addMembers(domain::SegmentId id, const std::vector<domain::CustomerId>& customers);
    std::int64_t removeMembers(domain::SegmentId id, const std::vector<domain::CustomerId>& customers);
    /// Replaces every member of a static list.
    void replaceMembers(domain::SegmentId id, const std::vector<domain::CustomerId>& customers);
    /// The static lists that hold a customer, in id order (Undo of a customer's deletion puts it back in them).
    [[nodiscard]] std::vector<domain::SegmentId> staticListsOf(domain::CustomerId customer) const;
    /// The stored members of a static list (archived ones included), in id order.
    [[nodiscard]] std::vector<domain::CustomerId> staticMembers(domain::SegmentId id) const;

    /// How many customers (not archived) a saved segment holds on asOf.
    [[nodiscard]] std::int64_t count(domain::SegmentId id, domain::Date asOf) const;
    /// How many customers (not archived) a definition matches on asOf, without saving it.
    [[nodiscard]] std::int64_t count(const domain::SegmentDefinition& definition, domain::Date asOf) const;
    /// The ids of a saved segment's members (not archived), in id order, from offset, at most limit.
    [[nodiscard]] std::vector<domain::CustomerId> memberIds(domain::SegmentId id, domain::Date asOf,
                                                            std::int64_t offset, std::int64_t limit) const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
