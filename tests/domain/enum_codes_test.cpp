#include "domain/customer.h"
#include "domain/customer_filter.h"
#include "domain/order.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace cartera::domain;

namespace {

/// Every enumerator of a table maps to a distinct, non-empty, lower-case code that parses back
/// to the same enumerator; and the table covers every enumerator 0..count-1.
template <typename Enum, std::size_t N>
void expectRoundTrip(const EnumCodes<Enum, N>& codes, std::size_t enumeratorCount)
{
    EXPECT_EQ(N, enumeratorCount) << "the code table does not list every enumerator";
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < enumeratorCount; ++i) {
        const auto value = static_cast<Enum>(i);
        const auto code = codes.code(value);
        EXPECT_FALSE(code.empty()) << "enumerator " << i << " has no code";
        for (const char c : code) {
            EXPECT_TRUE(c >= 'a' && c <= 'z') << "code '" << code << "' is not lower-case ASCII";
        }
        EXPECT_TRUE(seen.insert(code).second) << "code '" << code << "' is used twice";
        const auto parsed = codes.parse(code);
        ASSERT_TRUE(parsed.has_value()) << code;
        EXPECT_EQ(*parsed, value) << code;
    }
}

} // namespace

TEST(EnumCodes, customerKindCodesRoundTrip)
{
    expectRoundTrip(kCustomerKindCodes, 2);
    EXPECT_EQ(kCustomerKindCodes.code(CustomerKind::Prospect), "prospect");
}

TEST(EnumCodes, salesChannelCodesRoundTrip)
{
    expectRoundTrip(kSalesChannelCodes, 4);
    EXPECT_EQ(kSalesChannelCodes.code(SalesChannel::Wholesale), "wholesale");
}

TEST(EnumCodes, customerStatusCodesRoundTrip)
{
    expectRoundTrip(kCustomerStatusCodes, 3);
    EXPECT_EQ(kCustomerStatusCodes.code(CustomerStatus::Exited), "exited");
}

TEST(EnumCodes, sizeBandCodesRoundTrip)
{
    expectRoundTrip(kSizeBandCodes, 5);
    EXPECT_EQ(kSizeBandCodes.code(SizeBand::Enterprise), "enterprise");
}

TEST(EnumCodes, orderStatusCodesRoundTrip)
{
    expectRoundTrip(kOrderStatusCodes, 5);
    EXPECT_EQ(kOrderStatusCodes.code(OrderStatus::Cancelled), "cancelled");
}

TEST(EnumCodes, parseRejectsUnknownAndDifferentlyCasedCodes)
{
    EXPECT_FALSE(kSalesChannelCodes.parse("").has_value());
    EXPECT_FALSE(kSalesChannelCodes.parse("Direct").has_value());
    EXPECT_FALSE(kSalesChannelCodes.parse("direct ").has_value());
    EXPECT_FALSE(kOrderStatusCodes.parse("canceled").has_value());
    EXPECT_FALSE(kCustomerKindCodes.parse("lead").has_value());
}

TEST(EnumCodes, codeOfAnUnlistedValueIsEmpty)
{
    EXPECT_TRUE(kSizeBandCodes.code(static_cast<SizeBand>(99)).empty());
}
