#include "storage/setting_repository.h"

#include "storage/database.h"

namespace cartera::storage {

SettingRepository::SettingRepository(const Database& db) : m_db(db) {}

std::optional<std::string> SettingRepository::get(const std::string& key) const
{
    auto s = m_db.cached("SELECT value FROM setting WHERE key = ?1");
    s->bind(1, key);
    if (!s->step()) {
        return std::nullopt;
    }
    return s->text(0);
}

void SettingRepository::set(const std::string& key, const std::string& value)
{
    auto s = m_db.cached(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s->bind(1, key).bind(2, value).run();
}

domain::CurrencyCode SettingRepository::currency() const
{
    const auto text = get(kCurrency);
    return text ? domain::CurrencyCode::parse(*text).value_or(domain::CurrencyCode{}) : domain::CurrencyCode{};
}

bool SettingRepository::isDemo() const
{
    return get(kDemoPortfolio).value_or("0") == "1";
}

} // namespace cartera::storage
