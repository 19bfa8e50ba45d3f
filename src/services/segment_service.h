#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/segment.h"
#include "storage/segment_repository.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cartera::services {

class Portfolio;

/// A deleted segment with its static members, so Undo can put it back as it was.
struct SegmentSnapshot final {
    storage::SegmentRecord record;
    std::vector<domain::CustomerId> members;
};

/// Saved segments (docs/segments.md): rule segments and static lists, their member counts and
/// members. Every call returns an Error instead of throwing; bad names and definitions are
/// refused with a message naming the place, and leave the portfolio as it was.
class SegmentService final {
public:
    explicit SegmentService(Portfolio& portfolio);

    [[nodiscard]] domain::Result<std::vector<storage::SegmentRecord>> list() const;
    /// The segment of that name (names compare without regard to case).
    [[nodiscard]] domain::Result<storage::SegmentRecord> findByName(const std::string& name) const;
    [[nodiscard]] domain::Result<storage::SegmentRecord> find(domain::SegmentId id) const;

    /// Saves a new rule segment. name: trimmed, 1 to 120 characters, unused.
    domain::Result<storage::SegmentRecord> createRule(const std::string& name, const domain::SegmentDefinition& definition,
                                                      domain::Date today);
    /// As createRule, from versioned JSON (a file a user wrote): errors name the rule ("rule 2.3").
    domain::Result<storage::SegmentRecord> createRuleFromJson(const std::string& name, std::string_view json,
                                                              domain::Date today);
    /// Saves a new static list holding customers.
    domain::Result<storage::SegmentRecord> createStatic(const std::string& name,
                                                        const std::vector<domain::CustomerId>& customers,
                                                        domain::Date today);
    /// Replaces a rule segment's definition.
    domain::Status saveDefinition(domain::SegmentId id, const domain::SegmentDefinition& definition, domain::Date today);
    domain::Status rename(domain::SegmentId id, const std::string& name, domain::Date today);
    /// A copy under newName: the same rule, or the same members.
    domain::Result<storage::SegmentRecord> duplicate(domain::SegmentId id, const std::string& newName, domain::Date today);
    /// Deletes a segment; the snapshot restores it (same id, name, definition and members).
    domain::Result<SegmentSnapshot> remove(domain::SegmentId id);
    domain::Status restore(const SegmentSnapshot& snapshot);

    /// Adds customers to a static list; how many were not in it yet.
    domain::Result<std::int64_t> addMembers(domain::SegmentId id, const std::vector<domain::CustomerId>& customers);
    domain::Result<std::int64_t> removeMembers(domain::SegmentId id, const std::vector<domain::CustomerId>& customers);

    /// Members (not archived) of a saved segment on asOf.
    [[nodiscard]] domain::Result<std::int64_t> count(domain::SegmentId id, domain::Date asOf) const;
    [[nodiscard]] domain::Result<std::int64_t> count(const domain::SegmentDefinition& definition, domain::Date asOf) const;
    [[nodiscard]] domain::Result<std::vector<domain::CustomerId>> memberIds(domain::SegmentId id, domain::Date asOf,
                                                                             std::int64_t offset,
                                                                             std::int64_t limit) const;

    /// Counts a definition on a read-only connection of its own to file: for the editor's live
    /// count on a worker thread while the portfolio's connection stays with the GUI thread.
    static domain::Result<std::int64_t> countIn(const std::filesystem::path& file,
                                                const domain::SegmentDefinition& definition, domain::Date asOf);
    /// Counts every saved segment on a connection of its own (the Segments view's counts).
    static domain::Result<std::vector<std::pair<domain::SegmentId, std::int64_t>>> countAllIn(
        const std::filesystem::path& file, domain::Date asOf);
    /// As countAllIn, handing each count to counted as soon as it is known (static lists first:
    /// they are quick); stops early when counted returns false.
    static domain::Status countEachIn(const std::filesystem::path& file, domain::Date asOf,
                                      const std::function<bool(domain::SegmentId, std::int64_t)>& counted);

private:
    Portfolio& m_portfolio;
};

/// "name" trimmed, or an Error naming the field when empty or longer than 120 characters.
domain::Result<std::string> checkedSegmentName(const std::string& name);

} // namespace cartera::services
