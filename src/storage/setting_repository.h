#pragma once

#include "domain/money.h"

#include <optional>
#include <string>

namespace cartera::storage {

class Database;

/// Portfolio-wide settings stored in the file (currency, demo flag), as opposed to a user's
/// preferences, which the app keeps in QSettings.
class SettingRepository final {
public:
    static constexpr const char* kCurrency = "currency";
    static constexpr const char* kDemoPortfolio = "demo_portfolio";

    explicit SettingRepository(const Database& db);

    [[nodiscard]] std::optional<std::string> get(const std::string& key) const;
    void set(const std::string& key, const std::string& value);

    /// The currency all money in this portfolio is kept in; EUR when never set.
    [[nodiscard]] domain::CurrencyCode currency() const;
    /// True when the file holds generated demo data (the app shows a banner).
    [[nodiscard]] bool isDemo() const;

private:
    const Database& m_db;
};

} // namespace cartera::storage
