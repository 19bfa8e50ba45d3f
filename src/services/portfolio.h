#pragma once

#include "domain/error.h"
#include "storage/activity_repository.h"
#include "storage/contact_repository.h"
#include "storage/customer_repository.h"
#include "storage/database.h"
#include "storage/order_repository.h"
#include "storage/portfolio_counts.h"
#include "storage/product_repository.h"
#include "storage/sales_rep_repository.h"
#include "storage/setting_repository.h"

#include <filesystem>
#include <memory>

namespace cartera::services {

/// Facts about an open portfolio, for `cartera-cli info` and the app's About box.
struct PortfolioFacts final {
    int schemaVersion = 0;
    std::string currency;
    bool demo = false;
    storage::PortfolioCounts counts;
};

/// An open portfolio database with its repositories: what the app and the CLI hold while they
/// work on a file. Opening turns storage failures into an Error with a message for people.
class Portfolio final {
public:
    static domain::Result<std::unique_ptr<Portfolio>> open(const std::filesystem::path& path,
                                                           storage::OpenMode mode);

    explicit Portfolio(storage::Database db);

    [[nodiscard]] const storage::Database& database() const { return m_db; }
    [[nodiscard]] storage::CustomerRepository& customers() { return m_customers; }
    [[nodiscard]] storage::ContactRepository& contacts() { return m_contacts; }
    [[nodiscard]] storage::SalesRepRepository& reps() { return m_reps; }
    [[nodiscard]] storage::ProductRepository& products() { return m_products; }
    [[nodiscard]] storage::OrderRepository& orders() { return m_orders; }
    [[nodiscard]] storage::SettingRepository& settings() { return m_settings; }
    [[nodiscard]] storage::ActivityRepository& activities() { return m_activities; }

    [[nodiscard]] PortfolioFacts facts() const;

private:
    storage::Database m_db;
    storage::CustomerRepository m_customers;
    storage::ContactRepository m_contacts;
    storage::SalesRepRepository m_reps;
    storage::ProductRepository m_products;
    storage::OrderRepository m_orders;
    storage::SettingRepository m_settings;
    storage::ActivityRepository m_activities;
};

/// Maps a storage failure to the Error a user sees.
domain::Error toError(const std::exception& e, std::string where = {});

} // namespace cartera::services
