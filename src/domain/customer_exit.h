#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/enum_codes.h"
#include "domain/error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cartera::domain {

using CustomerExitId = std::int64_t;
using ExitReasonId = std::int64_t;

/// How the relationship ended (or was about to end).
enum class ExitType {
    NonRenewal,                ///< non-renewal, plain churn
    ContractTermination,
    SubscriptionCancellation,
    Bankruptcy,
    AcquiredOrMerged,
    Relocation,
    Other,
};

inline constexpr EnumCodes<ExitType, 7> kExitTypeCodes{{{
    {ExitType::NonRenewal, "non_renewal"},
    {ExitType::ContractTermination, "contract_termination"},
    {ExitType::SubscriptionCancellation, "subscription_cancellation"},
    {ExitType::Bankruptcy, "bankruptcy"},
    {ExitType::AcquiredOrMerged, "acquired_or_merged"},
    {ExitType::Relocation, "relocation"},
    {ExitType::Other, "other"},
}}};

/// What came of the exit after the retention attempts.
enum class ExitOutcome {
    Retained,  ///< the customer stayed: it remains active and is not churn
    Lost,      ///< the customer left: status exited, out of ABC runs from the effective date
    WonBack,   ///< left, then came back later: churn at the effective date, active again
};

inline constexpr EnumCodes<ExitOutcome, 3> kExitOutcomeCodes{{{
    {ExitOutcome::Retained, "retained"},
    {ExitOutcome::Lost, "lost"},
    {ExitOutcome::WonBack, "won_back"},
}}};

/// One entry of the configurable reason taxonomy (table exit_reason, defaults in the schema).
struct ExitReason final {
    ExitReasonId id = 0;
    std::string code;   ///< stable ("price"), used by the CLI and exports
    std::string label;  ///< shown to people ("Price")
    bool active = true; ///< inactive reasons stay on old records but are not offered

    friend bool operator==(const ExitReason&, const ExitReason&) = default;
};

/// A customer's exit (or announced exit): why, when, what it costs and what was tried.
struct CustomerExit final {
    CustomerExitId id = 0;  ///< 0 until saved
    CustomerId customerId = 0;
    ExitType type = ExitType::NonRenewal;
    std::optional<ExitReasonId> reasonId;
    std::string competitor;                ///< the competitor that won the account, if any
    std::optional<Date> noticeOn;          ///< when the customer gave notice
    Date effectiveOn;                      ///< when the relationship ends (or ended)
    std::int64_t lostAnnualRevenue = 0;    ///< minor units; proposed from the last 12 months
    std::string retentionActions;          ///< what was tried to keep the customer
    ExitOutcome outcome = ExitOutcome::Lost;
    std::optional<Date> wonBackOn;         ///< for ExitOutcome::WonBack
    Date recordedOn;

    /// The customer left at effectiveOn (lost, or won back later): counts as churn.
    [[nodiscard]] bool isChurn() const { return outcome != ExitOutcome::Retained; }

    friend bool operator==(const CustomerExit&, const CustomerExit&) = default;
};

/// Checks an exit before it is saved; the error names the field.
Status validateExit(const CustomerExit& exit);

/// The customer's status once the exit is saved: exited while lost, active otherwise (retained,
/// or won back), so a lost customer leaves the active lists and the others stay in them.
CustomerStatus statusAfterExit(const CustomerExit& exit);

} // namespace cartera::domain
