// The demo portfolio's saved segments: a few rule segments a new user can open and edit, a static
// list, and the RFM cells of the last 12 months, so the Segments view shows them from the first start.

#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "services/rfm_service.h"
#include "services/segment_service.h"

#include <array>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace cartera::services {

using namespace cartera::domain;

namespace {

/// Name and rules (versioned JSON, as a user would write them: docs/segments.md).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kDemoRules{{
    {"France, retail, bought in the last 90 days, class A", R"({"version":1,"match":"all","rules":[
        {"field":"country","op":"equals","value":"FR"},
        {"field":"channel","op":"equals","value":"retail"},
        {"field":"days_since_last_order","op":"<=","value":90},
        {"field":"abc_class","op":"equals","value":"A"}]})"},
    {"Key accounts at risk", R"({"version":1,"match":"all","rules":[
        {"field":"abc_class","op":"equals","value":"A"},
        {"match":"any","rules":[
            {"field":"days_since_last_order","op":">","value":60},
            {"field":"satisfaction","op":"<","value":50,"period":{"last_months":12}}]}]})"},
    {"Lapsed wholesale and retail accounts", R"({"version":1,"match":"all","rules":[
        {"field":"channel","op":"in","value":["wholesale","retail"]},
        {"field":"kind","op":"equals","value":"customer"},
        {"field":"days_since_last_order","op":">","value":365}]})"},
    {"Bought furniture, never IT hardware (12 months)", R"({"version":1,"match":"all","rules":[
        {"field":"category_bought","op":"equals","value":"Furniture","period":{"last_months":12}},
        {"field":"category_bought","op":"not_equals","value":"IT hardware","period":{"last_months":12}}]})"},
}};

void check(const Status& status)
{
    if (!status) {
        throw std::runtime_error(status.error().describe());
    }
}

} // namespace

void saveDemoSegments(Portfolio& portfolio, Date asOf)
{
    SegmentService segments(portfolio);
    for (const auto& [name, json] : kDemoRules) {
        auto created = segments.createRuleFromJson(std::string(name), json, asOf);
        check(created ? Status(Done{}) : Status(created.error()));
    }
    // A hand-picked list: the first 25 large German accounts, as a rep would pick them for an
    // invitation (deterministic: the same seed gives the same accounts).
    auto picked = segments.createRuleFromJson("Large German accounts", R"({"version":1,"rules":[
        {"field":"country","op":"equals","value":"DE"},{"field":"size_band","op":"in","value":["large","enterprise"]}]})",
                                              asOf);
    check(picked ? Status(Done{}) : Status(picked.error()));
    auto members = segments.memberIds(picked.value().id, asOf, 0, 25);
    check(members ? Status(Done{}) : Status(members.error()));
    auto list = segments.createStatic("Trade fair 2026 invitations", members.value(), asOf);
    check(list ? Status(Done{}) : Status(list.error()));

    RfmService rfm(portfolio);
    auto scored = rfm.run(MonthRange::twelveMonthsEndingWith(asOf), asOf);
    check(scored ? Status(Done{}) : Status(scored.error()));
    check(rfm.saveAsSegments(scored.value(), asOf));
}

} // namespace cartera::services
