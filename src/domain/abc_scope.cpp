#include "domain/abc_scope.h"

#include <nlohmann/json.hpp>

namespace cartera::domain {

std::string abcScopeToJson(const AbcScope& scope)
{
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    if (!scope.country.empty()) {
        json["country"] = scope.country;
    }
    if (scope.channel) {
        json["channel"] = std::string(kSalesChannelCodes.code(*scope.channel));
    }
    if (scope.ownerRepId) {
        json["owner_rep_id"] = *scope.ownerRepId;
    }
    if (scope.segmentId) {
        json["segment_id"] = *scope.segmentId;
    }
    if (scope.territoryId) {
        json["territory_id"] = *scope.territoryId;
    }
    json["include_archived"] = scope.includeArchived;
    return json.dump();
}

Result<AbcScope> abcScopeFromJson(std::string_view text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return invalidInput("not a JSON object", "scope");
    }
    AbcScope scope;
    for (const auto& [key, value] : json.items()) {
        if (key == "country" && value.is_string()) {
            scope.country = value.get<std::string>();
        } else if (key == "channel" && value.is_string()) {
            scope.channel = kSalesChannelCodes.parse(value.get<std::string>());
            if (!scope.channel) {
                return invalidInput("unknown channel " + value.dump(), "scope.channel");
            }
        } else if (key == "owner_rep_id" && value.is_number_integer()) {
            scope.ownerRepId = value.get<RepId>();
        } else if (key == "segment_id" && value.is_number_integer()) {
            scope.segmentId = value.get<std::int64_t>();
        } else if (key == "territory_id" && value.is_number_integer()) {
            scope.territoryId = value.get<std::int64_t>();
        } else if (key == "include_archived" && value.is_boolean()) {
            scope.includeArchived = value.get<bool>();
        } else {
            return invalidInput("unexpected key or value " + value.dump(), "scope." + key);
        }
    }
    return scope;
}

} // namespace cartera::domain
