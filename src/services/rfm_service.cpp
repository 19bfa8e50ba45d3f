#include "services/rfm_service.h"

#include "services/portfolio.h"
#include "storage/database.h"
#include "storage/rfm_repository.h"
#include "storage/segment_repository.h"

namespace cartera::services {

using namespace cartera::domain;

namespace {
constexpr const char* kWhere = "rfm";
} // namespace

std::string RfmService::segmentName(RfmCell cell)
{
    return "RFM: " + std::string(rfmCellName(cell));
}

Result<RfmResult> RfmService::run(const MonthRange& period, Date asOf)
{
    try {
        storage::RfmRepository repository(m_portfolio.database());
        RfmResult result;
        result.period = period;
        result.asOf = asOf;
        result.scores = scoreRfm(repository.facts(period, asOf));
        for (const CustomerId id : repository.lapsed(period)) {
            result.scores.push_back(RfmScore{id, 0, 0, 0, RfmCell::Lost});
        }
        for (const auto& score : result.scores) {
            ++result.cellCounts[static_cast<std::size_t>(score.cell)];
        }
        return result;
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

Status RfmService::saveAsSegments(const RfmResult& result, Date today)
{
    try {
        const auto& db = m_portfolio.database();
        storage::WriteTransaction transaction(db);
        storage::SegmentRepository segments(db);
        std::array<std::vector<CustomerId>, static_cast<std::size_t>(RfmCell::Count)> members;
        for (const auto& score : result.scores) {
            members[static_cast<std::size_t>(score.cell)].push_back(score.customerId);
        }
        for (std::size_t i = 0; i < members.size(); ++i) {
            const auto name = segmentName(static_cast<RfmCell>(i));
            auto record = segments.findByName(name);
            if (record && record->kind != SegmentKind::Static) {
                return Error{ErrorCode::Conflict,
                             "the rule segment '" + name + "' holds the name of an RFM list; rename it first", kWhere};
            }
            if (!record) {
                record = storage::SegmentRecord{0, name, SegmentKind::Static, {}, today, today};
                segments.insert(*record);
            } else {
                record->updated = today;
                segments.update(*record);
            }
            segments.replaceMembers(record->id, members[i]);
        }
        transaction.commit();
        return Done{};
    } catch (const std::exception& e) {
        return toError(e, kWhere);
    }
}

} // namespace cartera::services
