#pragma once

#include "domain/date.h"
#include "domain/enum_codes.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cartera::domain {

using CustomerId = std::int64_t;
using RepId = std::int64_t;

/// An account that has bought, or a prospect that has not yet.
enum class CustomerKind {
    Customer,
    Prospect,
};

/// The route through which an account buys.
enum class SalesChannel {
    Direct,
    Wholesale,  ///< wholesale or distributor
    Retail,
    Online,
};

enum class CustomerStatus {
    Active,
    Inactive,  ///< kept but not worked (dormant, on hold)
    Exited,    ///< left the portfolio; history kept
};

/// Company size by head count, the usual CRM bands.
enum class SizeBand {
    Micro,   ///< 1-9
    Small,   ///< 10-49
    Medium,  ///< 50-249
    Large,   ///< 250-999
    Enterprise,  ///< 1000+
};

inline constexpr EnumCodes<CustomerKind, 2> kCustomerKindCodes{{{
    {CustomerKind::Customer, "customer"},
    {CustomerKind::Prospect, "prospect"},
}}};

inline constexpr EnumCodes<SalesChannel, 4> kSalesChannelCodes{{{
    {SalesChannel::Direct, "direct"},
    {SalesChannel::Wholesale, "wholesale"},
    {SalesChannel::Retail, "retail"},
    {SalesChannel::Online, "online"},
}}};

inline constexpr EnumCodes<CustomerStatus, 3> kCustomerStatusCodes{{{
    {CustomerStatus::Active, "active"},
    {CustomerStatus::Inactive, "inactive"},
    {CustomerStatus::Exited, "exited"},
}}};

inline constexpr EnumCodes<SizeBand, 5> kSizeBandCodes{{{
    {SizeBand::Micro, "micro"},
    {SizeBand::Small, "small"},
    {SizeBand::Medium, "medium"},
    {SizeBand::Large, "large"},
    {SizeBand::Enterprise, "enterprise"},
}}};

/// A customer or prospect account. Plain value; the repository gives it an id.
struct Customer final {
    CustomerId id = 0;              ///< 0 until saved
    std::string code;               ///< the user's account code, unique ("C-000123")
    std::string name;
    CustomerKind kind = CustomerKind::Customer;
    std::string industry;
    std::optional<SizeBand> sizeBand;
    std::string country;            ///< ISO 3166-1 alpha-2 ("FR")
    std::string region;
    std::string city;
    std::string postalCode;
    SalesChannel channel = SalesChannel::Direct;
    std::optional<RepId> ownerRepId;
    CustomerStatus status = CustomerStatus::Active;
    std::string email;
    std::string phone;
    std::string website;
    Date created;
    Date updated;
    /// Set when the account was archived: kept with its history, hidden from the default lists.
    std::optional<Date> archivedOn;
    /// A strategic account: weighed by tier models that count the flag (docs/tiers.md).
    bool strategic = false;

    friend bool operator==(const Customer&, const Customer&) = default;
};

} // namespace cartera::domain
