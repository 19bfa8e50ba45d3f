#include "domain/forecast_snapshot.h"

#include <nlohmann/json.hpp>

namespace cartera::domain {

std::string ForecastSnapshot::rowsToJson() const
{
    auto array = nlohmann::json::array();
    for (const auto& r : rows) {
        array.push_back({{"key", r.key},           {"label", r.label},        {"open_count", r.openCount},
                         {"pipeline_total", r.pipelineTotal}, {"weighted", r.weighted}, {"commit", r.commit},
                         {"best_case", r.bestCase}, {"pipeline", r.pipeline}, {"omitted", r.omitted},
                         {"won", r.won},           {"won_count", r.wonCount}, {"lost_count", r.lostCount},
                         {"target", r.target}});
    }
    return array.dump();
}

Result<std::vector<ForecastRow>> ForecastSnapshot::rowsFromJson(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) {
        return invalidInput("the forecast rows are not a JSON array", "forecast snapshot");
    }
    std::vector<ForecastRow> rows;
    for (const auto& item : json) {
        if (!item.is_object() || !item.contains("key") || !item["key"].is_string()) {
            return invalidInput("a forecast row has no key", "forecast snapshot");
        }
        ForecastRow r;
        r.key = item.value("key", "");
        r.label = item.value("label", "");
        r.openCount = item.value("open_count", std::int64_t{0});
        r.pipelineTotal = item.value("pipeline_total", std::int64_t{0});
        r.weighted = item.value("weighted", std::int64_t{0});
        r.commit = item.value("commit", std::int64_t{0});
        r.bestCase = item.value("best_case", std::int64_t{0});
        r.pipeline = item.value("pipeline", std::int64_t{0});
        r.omitted = item.value("omitted", std::int64_t{0});
        r.won = item.value("won", std::int64_t{0});
        r.wonCount = item.value("won_count", std::int64_t{0});
        r.lostCount = item.value("lost_count", std::int64_t{0});
        r.target = item.value("target", std::int64_t{0});
        rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace cartera::domain
