#include "services/demo_portfolio.h"

#include "services/abc_service.h"
#include "services/demo_data.h"
#include "services/tier_service.h"
#include "services/portfolio.h"
#include "services/demo_random.h"
#include "services/demo_territories.h"
#include "services/demo_pipeline.h"
#include "storage/opportunity_repository.h"
#include "storage/activity_repository.h"
#include "storage/contact_repository.h"
#include "storage/customer_repository.h"
#include "storage/database.h"
#include "storage/exit_repository.h"
#include "storage/order_repository.h"
#include "storage/product_repository.h"
#include "storage/sales_rep_repository.h"
#include "storage/setting_repository.h"
#include "storage/storage_error.h"
#include "storage/tier_repository.h"
#include "storage/territory_repository.h"

#include <algorithm>
#include <map>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <exception>
#include <stdexcept>
#include <mutex>
#include <thread>
#include <utility>
#include <cmath>
#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

namespace cartera::services {

using namespace cartera::domain;
namespace fs = std::filesystem;

namespace {

constexpr int kHistoryMonths = 36;

/// Lower-case ASCII form of a name for e-mail addresses and web sites ("Müller" -> "muller").
std::string slug(std::string_view text)
{
    static constexpr std::pair<std::string_view, char> kFolds[] = {
        {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"ç", 'c'}, {"è", 'e'}, {"é", 'e'},
        {"ê", 'e'}, {"ë", 'e'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ñ", 'n'}, {"ò", 'o'},
        {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'}, {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'}, {"ü", 'u'},
        {"ß", 's'}, {"É", 'e'}, {"Î", 'i'}, {"Á", 'a'}, {"Ö", 'o'}, {"Ü", 'u'}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 128) {
            if (std::isalnum(c)) {
                out += static_cast<char>(std::tolower(c));
            } else if ((c == ' ' || c == '-') && !out.empty() && out.back() != '-') {
                out += '-';
            }
            ++i;
            continue;
        }
        bool folded = false;
        for (const auto& [from, to] : kFolds) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        }
        if (!folded) {
            ++i;
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

struct RepPlan final {
    std::string_view code;
    std::string_view name;
    std::string_view team;
    int managerIndex;  ///< -1 for a manager
};

// Three managers, each with four reps; managers keep the key accounts of their team.
constexpr RepPlan kReps[] = {
    {"M01", "Hélène Marchand", "France", -1},
    {"M02", "Jürgen Albrecht", "Central Europe", -1},
    {"M03", "Isabel Navarro", "Southern Europe", -1},
    {"R01", "Ana Ruiz", "France", 0},
    {"R02", "Julien Moreau", "France", 0},
    {"R03", "Sophie Lambert", "France", 0},
    {"R04", "Karim Benali", "France", 0},
    {"R05", "Lukas Becker", "Central Europe", 1},
    {"R06", "Sanne de Vries", "Central Europe", 1},
    {"R07", "Tobias Krüger", "Central Europe", 1},
    {"R08", "Elise Peeters", "Central Europe", 1},
    {"R09", "Marta Gómez", "Southern Europe", 2},
    {"R10", "Luca Bianchi", "Southern Europe", 2},
    {"R11", "João Ferreira", "Southern Europe", 2},
    {"R12", "Chiara Romano", "Southern Europe", 2},
};

/// The reps (indexes into kReps) who work a country, and the manager who keeps its key accounts.
struct CountryCoverage final {
    std::string_view country;
    int manager;
    std::array<int, 4> reps;
    int repCount;
};

constexpr CountryCoverage kCoverage[] = {
    {"FR", 0, {3, 4, 5, 6}, 4}, {"DE", 1, {7, 9, 0, 0}, 2}, {"NL", 1, {8, 0, 0, 0}, 1},
    {"BE", 1, {10, 8, 0, 0}, 2}, {"ES", 2, {11, 0, 0, 0}, 1}, {"IT", 2, {12, 14, 0, 0}, 2},
    {"PT", 2, {13, 0, 0, 0}, 1},
};

// Relative order volume per calendar month: a summer dip and a strong last quarter.
constexpr double kSeasonality[12] = {0.9, 0.95, 1.05, 1.0, 1.0, 1.0, 0.9, 0.6, 1.05, 1.1, 1.15, 1.2};

/// One generated account with everything that hangs off it, before it has ids.
struct DemoAccount final {
    Customer customer;
    std::vector<Contact> contacts;
    std::vector<Order> orders;
    std::vector<Activity> activities;
    std::vector<CustomerSurvey> surveys;
    domain::TerritoryId territory = 0;  ///< 0: no rule placed it
    bool territoryLocked = false;       ///< a manual override
    std::vector<DemoOpportunity> opportunities;
    std::vector<CustomerExit> exits;
};

/// Hands batches of accounts from the generating thread to the writing thread, holding at most
/// a few batches so memory stays flat whatever the portfolio size. Written batches travel back to
/// be destroyed on the generating thread: freeing on the thread that allocated is cheaper, and it
/// takes that work off the writing thread, which is the bottleneck.
class BatchQueue final {
public:
    /// Queues a batch; false once the queue is closed (the writer stopped), so generation ends.
    bool push(std::vector<DemoAccount> batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_batches.size() < kMaxBatches || m_closed; });
        if (m_closed) {
            return false;
        }
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }

    /// The next batch; empty once closed and drained.
    std::vector<DemoAccount> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_batches.empty() || m_closed; });
        if (m_batches.empty()) {
            return {};
        }
        auto batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return batch;
    }

    /// Gives back a batch the writer is done with.
    void giveBack(std::vector<DemoAccount> batch)
    {
        std::lock_guard lock(m_mutex);
        m_written.push_back(std::move(batch));
    }

    /// The batches given back so far, for the generating thread to destroy.
    std::deque<std::vector<DemoAccount>> takeWritten()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_written, {});
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

private:
    static constexpr std::size_t kMaxBatches = 4;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<DemoAccount>> m_batches;
    std::deque<std::vector<DemoAccount>> m_written;
    bool m_closed = false;
};

class Generator final {
public:
    Generator(const storage::Database& db, const DemoOptions& options)
        : m_db(db), m_options(options), m_random(options.seed), m_tierRandom(options.seed ^ 0x7469657273ULL),
          m_customers(db), m_contacts(db), m_orders(db),
          m_historyStart(options.asOf.addMonths(-kHistoryMonths).addDays(1))
    {
    }

    DemoSummary run(const DemoProgress& progress)
    {
        storage::WriteTransaction transaction(m_db);
        storage::SettingRepository settings(m_db);
        settings.set(storage::SettingRepository::kCurrency, "EUR");
        settings.set(storage::SettingRepository::kDemoPortfolio, "1");
        settings.set("demo_as_of", m_options.asOf.toIso());
        writeReps();
        writeTerritories();
        writeCatalogue();
        m_orders.assumeFixedCatalogue();  // written above, never changed during the load

        // SQLite does two thirds of the work; drawing the accounts on another thread hides most
        // of the rest. The connection stays on this thread.
        BatchQueue queue;
        std::exception_ptr generationFailure;
        std::thread generating([&] {
            try {
                constexpr std::int64_t kBatchSize = 512;
                for (std::int64_t first = 0; first < m_options.customers; first += kBatchSize) {
                    queue.takeWritten();  // destroyed here, on this thread
                    std::vector<DemoAccount> batch;
                    const auto last = std::min(m_options.customers, first + kBatchSize);
                    batch.reserve(static_cast<std::size_t>(last - first));
                    for (std::int64_t i = first; i < last; ++i) {
                        batch.push_back(makeAccount(i));
                    }
                    if (!queue.push(std::move(batch))) {
                        break;  // cancelled or failed: stop drawing accounts nobody will write
                    }
                }
            } catch (...) {
                generationFailure = std::current_exception();
            }
            queue.close();
        });
        try {
            std::int64_t written = 0;
            for (auto batch = queue.pop(); !batch.empty(); batch = queue.pop()) {
                for (auto& account : batch) {
                    writeAccount(account);
                }
                written += static_cast<std::int64_t>(batch.size());
                queue.giveBack(std::move(batch));
                if (progress && !progress(written, m_options.customers)) {
                    throw storage::StorageError(storage::StorageFailure::Other, "cancelled");
                }
            }
        } catch (...) {
            queue.close();
            generating.join();
            throw;
        }
        generating.join();
        if (generationFailure) {
            std::rethrow_exception(generationFailure);
        }
        writeTargets();
        transaction.commit();
        return m_summary;
    }

private:
    /// Monthly targets per rep from a year before the as-of date to the end of the next quarter:
    /// the rep's average won amount per month over the demo's year, plus 10 %, in whole 100 EUR.
    void writeTargets()
    {
        const int first = m_options.asOf.addMonths(-11).monthKey();
        const int last = m_options.asOf.addMonths(5).monthKey();
        for (const auto& [rep, won] : m_wonByRep) {
            const std::int64_t monthly = won * 11 / 120 / 10000 * 10000;
            for (int month = first; month <= last; month = month % 100 == 12 ? month + 89 : month + 1) {
                m_opportunities.setTarget(rep, month, std::max<std::int64_t>(monthly, 10000));
            }
        }
    }

    void writeReps()
    {
        storage::SalesRepRepository repository(m_db);
        for (const auto& plan : kReps) {
            SalesRep rep;
            rep.code = std::string(plan.code);
            rep.name = std::string(plan.name);
            rep.team = std::string(plan.team);
            const auto space = plan.name.find(' ');
            rep.email = slug(plan.name.substr(0, space)) + "." + slug(plan.name.substr(space + 1)) + "@cartera-demo.example";
            if (plan.managerIndex >= 0) {
                rep.managerId = m_repIds[static_cast<std::size_t>(plan.managerIndex)];
            }
            repository.insert(rep);
            m_repIds.push_back(rep.id);
        }
        m_summary.reps = static_cast<std::int64_t>(m_repIds.size());
    }

    /// The territory set, saved first so that every account is placed by its rules as it is drawn
    /// (the owner rep is the territory's): `territory assign --preview` then finds nothing to move
    /// but the manual overrides, and the views show the set at once.
    void writeTerritories()
    {
        std::vector<demo::CountryTeam> teams;
        for (const auto& coverage : kCoverage) {
            demo::CountryTeam team{coverage.country, m_repIds[static_cast<std::size_t>(coverage.manager)], {}};
            for (int i = 0; i < coverage.repCount; ++i) {
                team.reps.push_back(m_repIds[static_cast<std::size_t>(coverage.reps[static_cast<std::size_t>(i)])]);
            }
            teams.push_back(std::move(team));
        }
        m_territories = std::make_unique<demo::DemoTerritories>(demo::demoTerritorySet(teams));
        m_territoryRows.save(m_territories->set());
        // Capacities: reps about a twelfth of the accounts each, managers fewer (their key accounts).
        storage::SalesRepRepository repository(m_db);
        const auto perRep = std::max<std::int64_t>(1, m_options.customers / 12);
        for (std::size_t i = 0; i < m_repIds.size(); ++i) {
            auto rep = repository.find(m_repIds[i]).value();
            const bool manager = kReps[i].managerIndex < 0;
            rep.capacityAccounts = manager ? std::max<std::int64_t>(1, perRep / 10) : perRep;
            rep.capacityRevenue = (manager ? 60'000 : 40'000) * 100 * std::max<std::int64_t>(1, m_options.customers / 100);
            repository.update(rep);
        }
    }

    struct CatalogueItem final {
        ProductId id;
        std::int64_t price;
        std::int64_t cost;
        int category;
    };

    void writeCatalogue()
    {
        storage::ProductRepository repository(m_db);
        int categoryIndex = 0;
        for (const auto& category : demo::categories()) {
            ProductCategory row{0, std::string(category.name)};
            repository.insertCategory(row);
            int productIndex = 0;
            for (const auto& name : category.products) {
                Product product;
                char code[16];
                std::snprintf(code, sizeof code, "P%02d%02d", categoryIndex + 1, productIndex + 1);
                product.code = code;
                product.name = std::string(name);
                product.categoryId = row.id;
                // Spread list prices over the category's range, rounded to whole euros less a cent.
                const double t = static_cast<double>(m_random.below(1000)) / 1000.0;
                const double cents = category.minPriceCents * std::pow(double(category.maxPriceCents) / category.minPriceCents, t);
                const std::int64_t price = std::max<std::int64_t>(99, std::llround(cents / 100.0) * 100 - 1);
                const double margin = std::clamp(category.marginShare + (m_random.unit() - 0.5) * 0.1, 0.05, 0.9);
                product.listPrice = Money{price, CurrencyCode{}};
                product.unitCost = Money{std::llround(double(price) * (1.0 - margin)), CurrencyCode{}};
                repository.insert(product);
                m_catalogue.push_back({product.id, price, product.unitCost.minor, categoryIndex});
                ++productIndex;
            }
            ++categoryIndex;
        }
        m_summary.products = static_cast<std::int64_t>(m_catalogue.size());
    }

    const demo::Country& pickCountry()
    {
        const auto all = demo::countries();
        std::array<double, 16> weights{};
        for (std::size_t i = 0; i < all.size(); ++i) {
            weights[i] = all[i].weight;
        }
        return all[m_random.weighted(std::span<const double>(weights.data(), all.size()))];
    }

    std::string postalCode(const demo::Country& country, const demo::City& city)
    {
        std::string code(city.postalPrefix);
        const int digits = country.code == "PT" ? 4 : country.postalLength;
        while (static_cast<int>(code.size()) < digits) {
            code += static_cast<char>('0' + m_random.below(10));
        }
        if (country.code == "NL") {
            code += ' ';
            code += static_cast<char>('A' + m_random.below(26));
            code += static_cast<char>('A' + m_random.below(26));
        } else if (country.code == "PT") {
            code += '-';
            for (int i = 0; i < 3; ++i) {
                code += static_cast<char>('0' + m_random.below(10));
            }
        }
        return code;
    }

    std::string phone(const demo::Country& country)
    {
        std::string number(country.phonePrefix);
        number += ' ';
        for (int i = 0; i < 9; ++i) {
            number += static_cast<char>('0' + m_random.below(10));
            if (i < 8 && (i == 0 || i % 2 == 0)) {  // "+33 6 12 34 56 78", no space at the end
                number += ' ';
            }
        }
        return number;
    }

    SalesChannel pickChannel(SizeBand size, std::string_view industry)
    {
        if (industry == "Retail" && m_random.chance(0.5)) {
            return SalesChannel::Retail;
        }
        switch (size) {
        case SizeBand::Micro:
            return m_random.chance(0.55) ? SalesChannel::Online
                                         : (m_random.chance(0.5) ? SalesChannel::Retail : SalesChannel::Wholesale);
        case SizeBand::Small:
            return m_random.chance(0.35) ? SalesChannel::Wholesale
                                         : (m_random.chance(0.5) ? SalesChannel::Online : SalesChannel::Direct);
        case SizeBand::Medium:
            return m_random.chance(0.6) ? SalesChannel::Direct : SalesChannel::Wholesale;
        case SizeBand::Large:
        case SizeBand::Enterprise:
            return m_random.chance(0.85) ? SalesChannel::Direct : SalesChannel::Wholesale;
        }
        return SalesChannel::Direct;
    }

    void writeAccount(DemoAccount& account)
    {
        m_customers.insert(account.customer);
        if (account.territory != 0) {
            m_territoryRows.setAssignment(account.customer.id, account.territory, account.territoryLocked);
        }
        if (account.customer.kind == CustomerKind::Prospect) {
            ++m_summary.prospects;
        } else {
            ++m_summary.customers;
        }
        for (auto& contact : account.contacts) {
            contact.customerId = account.customer.id;
            m_contacts.insert(contact);
        }
        m_summary.contacts += static_cast<std::int64_t>(account.contacts.size());
        for (auto& order : account.orders) {
            order.customerId = account.customer.id;
            m_summary.orderLines += static_cast<std::int64_t>(order.lines.size());
        }
        m_orders.insertMany(account.orders);
        m_summary.orders += static_cast<std::int64_t>(account.orders.size());
        for (auto& activity : account.activities) {
            activity.customerId = account.customer.id;
            m_activities.insert(activity);
        }
        m_summary.activities += static_cast<std::int64_t>(account.activities.size());
        for (auto& survey : account.surveys) {
            survey.customerId = account.customer.id;
            m_surveys.insert(survey);
        }
        for (auto& demo : account.opportunities) {
            demo.opportunity.customerId = account.customer.id;
            m_opportunities.insert(demo.opportunity);
            for (auto& change : demo.history) {
                change.opportunityId = demo.opportunity.id;
                m_opportunities.addStageChange(change);
            }
            if (demo.opportunity.stage == "won" && demo.opportunity.ownerRepId) {
                m_wonByRep[*demo.opportunity.ownerRepId] += demo.opportunity.amount.minor;
            }
        }
        m_summary.opportunities += static_cast<std::int64_t>(account.opportunities.size());
        for (auto& exit : account.exits) {
            exit.customerId = account.customer.id;
            m_exits.insert(exit);
        }
    }

    DemoAccount makeAccount(std::int64_t index)
    {
        DemoAccount account;
        Customer& customer = account.customer;
        const auto& country = pickCountry();
        const auto& region = m_random.pick(country.regions);
        const auto& city = m_random.pick(region.cities);
        const auto industry = m_random.pick(demo::industries());
        const std::string_view surname = m_random.pick(country.surnames);

        // The account's weight drives how much it buys: Pareto, so a fifth carries most revenue.
        const double weight = std::min(m_random.pareto(1.3), 400.0);
        SizeBand size = SizeBand::Micro;
        if (weight > 40) {
            size = SizeBand::Enterprise;
        } else if (weight > 12) {
            size = SizeBand::Large;
        } else if (weight > 4) {
            size = SizeBand::Medium;
        } else if (weight > 1.6) {
            size = SizeBand::Small;
        }

        char code[24];
        std::snprintf(code, sizeof code, "C%07lld", static_cast<long long>(index + 1));
        customer.code = code;
        const bool prospect = m_random.chance(0.08);
        customer.kind = prospect ? CustomerKind::Prospect : CustomerKind::Customer;
        const std::string word(m_random.pick(demo::businessWords()));
        const std::string form(m_random.pick(country.legalForms));
        switch (m_random.below(4)) {
        case 0: {
            const auto n = country.surnames.size();
            const auto i = static_cast<std::size_t>(m_random.below(n));
            // Never "Martin & Martin": take the next name when the draw repeats the first.
            const std::string_view partner = country.surnames[i] == surname ? country.surnames[(i + 1) % n] : country.surnames[i];
            customer.name = std::string(surname) + " & " + std::string(partner) + " " + form;
            break;
        }
        case 1:
            customer.name = std::string(surname) + " " + word + " " + std::string(city.name) + " " + form;
            break;
        default:
            customer.name = std::string(surname) + " " + word + " " + form;
            break;
        }
        customer.industry = std::string(industry);
        customer.sizeBand = size;
        customer.country = std::string(country.code);
        customer.region = std::string(region.name);
        customer.city = std::string(city.name);
        customer.postalCode = postalCode(country, city);
        customer.channel = pickChannel(size, industry);
        // Placed by the demo territory rules; two accounts are manual overrides, locked to their
        // country's manager.
        const bool overridden = index == 6 || index == 41;
        const auto placement = overridden ? m_territories->overrideFor(customer) : m_territories->place(customer);
        account.territory = placement.territory;
        account.territoryLocked = overridden && placement.territory != 0;
        customer.ownerRepId = placement.rep != 0 ? placement.rep : ownerFor(country.code, size, index);
        const bool inactive = !prospect && m_random.chance(0.02);
        customer.status = inactive ? CustomerStatus::Inactive : CustomerStatus::Active;
        const std::string site = slug(surname) + "-" + slug(word) + "." + std::string(country.webDomain);
        customer.email = "info@" + site;
        customer.phone = phone(country);
        customer.website = "www." + site;

        // Most accounts predate the three years of history; some are newer; prospects are recent.
        const int historyDays = m_historyStart.daysUntil(m_options.asOf);
        Date firstActive = m_historyStart;
        if (prospect) {
            customer.created = m_options.asOf.addDays(-static_cast<int>(m_random.below(300)));
        } else if (m_random.chance(0.25)) {
            firstActive = m_historyStart.addDays(static_cast<int>(m_random.below(static_cast<std::uint64_t>(historyDays - 30))));
            customer.created = firstActive.addDays(-static_cast<int>(m_random.below(60)));
        } else {
            customer.created = m_historyStart.addDays(-static_cast<int>(30 + m_random.below(2000)));
        }
        customer.updated = std::max(customer.created, m_options.asOf.addDays(-static_cast<int>(m_random.below(120))));
        makeContacts(account, country, prospect ? 1 : 1 + static_cast<int>(m_random.below(3)));
        makeActivities(account, prospect);
        account.opportunities = makeDemoOpportunities(m_pipelineRandom, customer, weight, m_options.asOf);
        if (prospect) {
            return account;
        }
        makeTierFacts(account, size);

        // Lapsed customers stopped ordering more than a year ago.
        Date lastActive = m_options.asOf;
        if (m_random.chance(0.06)) {
            lastActive = m_options.asOf.addDays(-static_cast<int>(370 + m_random.below(300)));
        }
        if (lastActive <= firstActive) {
            lastActive = firstActive.addDays(30);
        }
        // Recent leavers stopped in the last year (with an exit record, below).
        const bool leaving = lastActive == m_options.asOf && m_exitRandom.chance(0.03);
        if (leaving) {
            lastActive = m_options.asOf.addDays(-static_cast<int>(30 + m_exitRandom.below(320)));
            if (lastActive <= firstActive) {
                lastActive = firstActive.addDays(30);
            }
        }
        makeOrders(account, weight, firstActive, lastActive);
        // About one account in 37 also buys through another channel (a direct account ordering
        // through a wholesaler): the channel coordination report flags them. No random draw, so
        // the rest of the portfolio stays as it was.
        if (index % 37 == 5) {
            const auto other = static_cast<SalesChannel>((static_cast<int>(customer.channel) + 1) % 4);
            for (std::size_t i = 0; i < account.orders.size(); i += 3) {
                account.orders[i].channel = other;
            }
        }
        makeRetentionFacts(account, lastActive, leaving);
        return account;
    }

    /// A year of contact history: calls, meetings, e-mails and notes; for customers also claims,
    /// information requests and after-sales visits, most of them closed, the recent ones still
    /// open, a few of those past their answer target.
    void makeActivities(DemoAccount& account, bool prospect)
    {
        static constexpr std::pair<ActivityType, std::string_view> kContacts[] = {
            {ActivityType::Call, "Follow-up call"},          {ActivityType::Call, "Quarterly review call"},
            {ActivityType::Meeting, "Visit at their office"}, {ActivityType::Email, "Sent the new catalogue"},
            {ActivityType::Note, "Prefers delivery before 10:00"}, {ActivityType::Meeting, "Annual business review"}};
        static constexpr std::string_view kClaims[] = {
            "Delivery arrived damaged", "Wrong items delivered", "Invoice amount disputed", "Late delivery",
            "Product stopped working"};
        static constexpr std::string_view kRequests[] = {
            "Asked for a quote on office chairs", "Asked for safety data sheets", "Question on volume discounts",
            "Asked about delivery times"};
        const Date& asOf = m_options.asOf;
        const auto pastDate = [&](int maxDaysAgo) { return asOf.addDays(-static_cast<int>(m_random.below(static_cast<std::uint64_t>(maxDaysAgo)))); };
        const auto owner = account.customer.ownerRepId;
        const int contactCount = static_cast<int>(m_random.below(prospect ? 3 : 4));
        for (int i = 0; i < contactCount; ++i) {
            const auto& [type, subject] = kContacts[m_random.below(std::size(kContacts))];
            Activity a;
            a.type = type;
            a.ownerRepId = owner;
            a.occurredOn = std::max(account.customer.created, pastDate(365));
            a.subject = std::string(subject);
            account.activities.push_back(std::move(a));
        }
        if (prospect) {
            return;
        }
        const auto addFollowed = [&](ActivityType type, std::string_view subject) {
            Activity a;
            a.type = type;
            a.ownerRepId = owner;
            // A fifth arrived in the last two weeks, so some are still being handled.
            a.occurredOn = std::max(account.customer.created, pastDate(m_random.chance(0.2) ? 14 : 400));
            a.subject = std::string(subject);
            a.status = ActivityStatus::Open;
            const int age = a.occurredOn.daysUntil(asOf);
            // Older cases have gone through their lifecycle; recent ones are still being handled.
            if (age > 20 || m_random.chance(0.5)) {
                const Date responded = a.occurredOn.addDays(static_cast<int>(m_random.below(3)));
                const Date resolved = responded.addDays(static_cast<int>(m_random.below(10)));
                if (responded <= asOf) {
                    a.status = ActivityStatus::InProgress;
                    a.firstResponseOn = responded;
                }
                if (resolved <= asOf && age > 5) {
                    a.status = ActivityStatus::Resolved;
                    a.resolvedOn = resolved;
                    if (resolved.addDays(2) <= asOf) {
                        a.status = ActivityStatus::Closed;
                        a.closedOn = resolved.addDays(2);
                    }
                }
            }
            account.activities.push_back(std::move(a));
        };
        if (m_random.chance(0.06)) {
            addFollowed(ActivityType::Claim, kClaims[m_random.below(std::size(kClaims))]);
        }
        if (m_random.chance(0.04)) {
            addFollowed(ActivityType::InformationRequest, kRequests[m_random.below(std::size(kRequests))]);
        }
        if (m_random.chance(0.05)) {
            Activity visit;
            visit.type = ActivityType::AfterSalesVisit;
            visit.ownerRepId = owner;
            visit.occurredOn = std::max(account.customer.created, pastDate(365));
            visit.subject = "Checked the installed equipment";
            account.activities.push_back(std::move(visit));
        }
    }

    /// What the tier indicators read besides orders and claims: a strategic flag on a quarter of
    /// the large and enterprise accounts (and a few others), and satisfaction surveys from about
    /// one customer in eight, less happy where a claim was logged. Drawn from a stream of their
    /// own, so the rest of the portfolio is the same as without them for a given seed.
    void makeTierFacts(DemoAccount& account, SizeBand size)
    {
        auto& random = m_tierRandom;
        const bool large = size == SizeBand::Large || size == SizeBand::Enterprise;
        account.customer.strategic = random.chance(large ? 0.25 : 0.004);
        if (!random.chance(0.12)) {
            return;
        }
        const bool claimed = std::any_of(account.activities.begin(), account.activities.end(),
                                         [](const Activity& a) { return a.type == ActivityType::Claim; });
        const double mood = std::clamp(0.72 + (random.unit() - 0.5) * 0.6 - (claimed ? 0.25 : 0.0), 0.0, 1.0);
        const int answers = 1 + static_cast<int>(random.below(2));
        for (int i = 0; i < answers; ++i) {
            CustomerSurvey survey;
            survey.kind = random.chance(0.7) ? SurveyKind::Csat : SurveyKind::Nps;
            const double noisy = std::clamp(mood + (random.unit() - 0.5) * 0.3, 0.0, 1.0);
            survey.score = survey.kind == SurveyKind::Csat ? 1 + static_cast<int>(std::lround(noisy * 4))
                                                           : static_cast<int>(std::lround(noisy * 10));
            survey.surveyedOn = std::max(account.customer.created,
                                         m_options.asOf.addDays(-static_cast<int>(random.below(730))));
            account.surveys.push_back(survey);
        }
    }

    /// What the Retention view shows (docs/retention.md): exits with reasons for most lapsed
    /// customers and the recent leavers (lost), exits announced then retained (about 2 % of the
    /// others) or won back, and declining customers (orders of the last 12 months thinned) that
    /// often answer surveys unhappily. Drawn from a stream of its own.
    void makeRetentionFacts(DemoAccount& account, Date lastActive, bool leaving)
    {
        auto& random = m_exitRandom;
        static constexpr ExitType kTypes[] = {ExitType::NonRenewal, ExitType::NonRenewal, ExitType::ContractTermination,
                                              ExitType::SubscriptionCancellation, ExitType::Bankruptcy,
                                              ExitType::AcquiredOrMerged, ExitType::Relocation, ExitType::Other};
        static constexpr std::string_view kActions[] = {
            "Offered a 5 % discount on the next order; declined", "Account review meeting with the manager",
            "Proposed a longer contract at a better price", "Escalated the open claims to the service team",
            "Visit by the rep and a product specialist"};
        static constexpr std::string_view kCompetitors[] = {"Norcom", "Ibertrade", "Alpina Supply", "Delta Partners"};
        const bool lapsed = lastActive < m_options.asOf.addDays(-300);
        // What the customer bought in the year before end: the revenue an exit then loses.
        const auto revenueBefore = [&account](Date end) {
            std::int64_t revenue = 0;
            for (const Order& order : account.orders) {
                if (order.orderDate > end.addDays(-365) && order.orderDate <= end && order.status != OrderStatus::Cancelled) {
                    for (const OrderLine& line : order.lines) {
                        revenue += line.revenueMinor();
                    }
                }
            }
            return revenue;
        };
        CustomerExit exit;
        exit.type = kTypes[random.below(std::size(kTypes))];
        // Reason ids follow the schema's default taxonomy: price 1 ... other 8; price, service and
        // the competition weigh most.
        static constexpr ExitReasonId kReasons[] = {1, 1, 1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 8};
        exit.reasonId = kReasons[random.below(std::size(kReasons))];
        if (*exit.reasonId == 4 || random.chance(0.15)) {
            exit.competitor = std::string(kCompetitors[random.below(std::size(kCompetitors))]);
        }
        if (random.chance(0.6)) {
            exit.retentionActions = std::string(kActions[random.below(std::size(kActions))]);
        }
        if ((lapsed && random.chance(0.8)) || leaving) {
            exit.effectiveOn = std::min(m_options.asOf, lastActive.addDays(static_cast<int>(15 + random.below(60))));
            exit.noticeOn = exit.effectiveOn.addDays(-static_cast<int>(30 + random.below(60)));
            exit.recordedOn = *exit.noticeOn;
            exit.outcome = ExitOutcome::Lost;
            exit.lostAnnualRevenue = revenueBefore(lastActive);
            account.customer.status = CustomerStatus::Exited;
            account.exits.push_back(std::move(exit));
            return;
        }
        if (lapsed) {
            return;
        }
        if (random.chance(0.025)) {
            // Announced and kept, or (one in five) lost for a while and won back.
            exit.noticeOn = m_options.asOf.addDays(-static_cast<int>(60 + random.below(900)));
            exit.effectiveOn = exit.noticeOn->addDays(static_cast<int>(30 + random.below(60)));
            exit.recordedOn = *exit.noticeOn;
            exit.outcome = random.chance(0.2) ? ExitOutcome::WonBack : ExitOutcome::Retained;
            if (exit.outcome == ExitOutcome::WonBack) {
                exit.wonBackOn = exit.effectiveOn.addDays(static_cast<int>(30 + random.below(120)));
                if (*exit.wonBackOn > m_options.asOf) {
                    exit.outcome = ExitOutcome::Retained;  // not back yet: kept instead
                    exit.wonBackOn.reset();
                }
            }
            // A won-back customer did leave for a while: its year's revenue was at stake.
            exit.lostAnnualRevenue = exit.outcome == ExitOutcome::WonBack ? revenueBefore(exit.effectiveOn) : 0;
            account.exits.push_back(std::move(exit));
        }
        if (random.chance(0.08)) {
            // Declining: most orders of the last 12 months never came.
            const Date yearAgo = m_options.asOf.addDays(-365);
            // Every customer keeps at least one order (it is a customer, not a prospect).
            std::size_t left = account.orders.size();
            std::erase_if(account.orders, [&](const Order& order) {
                if (left > 1 && order.orderDate > yearAgo && random.chance(0.7)) {
                    --left;
                    return true;
                }
                return false;
            });
            if (random.chance(0.4)) {
                CustomerSurvey survey;
                survey.kind = random.chance(0.6) ? SurveyKind::Csat : SurveyKind::Nps;
                survey.score = survey.kind == SurveyKind::Csat ? 1 + static_cast<int>(random.below(2))
                                                               : static_cast<int>(random.below(6));
                survey.surveyedOn = m_options.asOf.addDays(-static_cast<int>(random.below(180)));
                account.surveys.push_back(survey);
            }
        }
    }

    RepId ownerFor(std::string_view countryCode, SizeBand size, std::int64_t index)
    {
        for (const auto& coverage : kCoverage) {
            if (coverage.country == countryCode) {
                if (size == SizeBand::Enterprise) {
                    return m_repIds[static_cast<std::size_t>(coverage.manager)];
                }
                const auto slot = static_cast<std::size_t>(index % coverage.repCount);
                return m_repIds[static_cast<std::size_t>(coverage.reps[slot])];
            }
        }
        return m_repIds.front();
    }

    void makeContacts(DemoAccount& account, const demo::Country& country, int count)
    {
        const Customer& customer = account.customer;
        const auto domainStart = customer.email.find('@');
        const std::string domain = customer.email.substr(domainStart + 1);
        for (int i = 0; i < count; ++i) {
            Contact contact;
            contact.firstName = std::string(m_random.pick(country.firstNames));
            contact.lastName = std::string(m_random.pick(country.surnames));
            contact.jobTitle = std::string(i == 0 ? m_random.pick(demo::jobTitles().first(3)) : m_random.pick(demo::jobTitles()));
            contact.email = slug(contact.firstName) + "." + slug(contact.lastName) + "@" + domain;
            contact.phone = phone(country);
            contact.primary = i == 0;
            account.contacts.push_back(std::move(contact));
        }
    }

    Date drawOrderDate(Date first, Date last)
    {
        const int span = std::max(1, first.daysUntil(last));
        for (;;) {
            const Date date = first.addDays(static_cast<int>(m_random.below(static_cast<std::uint64_t>(span + 1))));
            // Seasonality and a gentle growth trend over the three years.
            const double trend = 0.85 + 0.15 * double(m_historyStart.daysUntil(date)) / (kHistoryMonths * 30.4);
            const double acceptance = kSeasonality[date.month() - 1] / 1.2 * trend;
            if (m_random.unit() < acceptance) {
                return date;
            }
        }
    }

    void makeOrders(DemoAccount& account, double weight, Date first, Date last)
    {
        const Customer& customer = account.customer;
        const double activeShare = std::clamp(double(first.daysUntil(last)) / (kHistoryMonths * 30.4), 0.05, 1.0);
        const int orderCount = std::clamp(static_cast<int>(std::lround(weight * 1.1 * activeShare + m_random.unit())), 1, 250);
        const double scale = std::pow(weight, 0.4);
        const int discountBp = static_cast<int>(std::min(2000.0, 100.0 * std::floor(scale * 2.0 * m_random.unit())));

        // Each account favours two or three categories.
        std::array<int, 3> favourites{};
        for (auto& f : favourites) {
            f = static_cast<int>(m_random.below(demo::categories().size()));
        }

        std::vector<Date> dates(static_cast<std::size_t>(orderCount));
        for (auto& d : dates) {
            d = drawOrderDate(first, last);
        }
        std::sort(dates.begin(), dates.end());

        for (const Date& date : dates) {
            Order order;
            order.repId = customer.ownerRepId;
            order.orderDate = date;
            setLifecycle(order);
            const int lineCount = 1 + static_cast<int>(m_random.below(5));
            for (int l = 0; l < lineCount; ++l) {
                const int category = m_random.chance(0.8) ? favourites[m_random.below(favourites.size())]
                                                          : static_cast<int>(m_random.below(demo::categories().size()));
                const auto& item = m_catalogue[static_cast<std::size_t>(category * 8 + static_cast<int>(m_random.below(8)))];
                OrderLine line;
                line.productId = item.id;
                const double units = std::max(1.0, scale * (0.5 + 2.5 * m_random.unit()) * (item.price < 10000 ? 4.0 : 1.0));
                line.quantity = static_cast<std::int64_t>(units);
                line.unitPriceMinor = item.price;
                line.discountBasisPoints = discountBp;
                line.unitCostMinor = item.cost;
                order.lines.push_back(line);
            }
            account.orders.push_back(std::move(order));
        }
    }

    /// Sets the status and step dates an order of this age would have reached by the as-of date.
    void setLifecycle(Order& order)
    {
        const Date asOf = m_options.asOf;
        if (m_random.chance(0.02)) {
            order.status = OrderStatus::Cancelled;
            order.cancelledDate = std::min(asOf, order.orderDate.addDays(static_cast<int>(m_random.below(5))));
            return;
        }
        const Date shipped = order.orderDate.addDays(1 + static_cast<int>(m_random.below(6)));
        const Date invoiced = shipped.addDays(static_cast<int>(m_random.below(3)));
        const Date paid = invoiced.addDays(15 + static_cast<int>(m_random.below(50)));
        order.status = OrderStatus::Ordered;
        if (shipped <= asOf) {
            order.status = OrderStatus::Shipped;
            order.shippedDate = shipped;
        }
        if (invoiced <= asOf) {
            order.status = OrderStatus::Invoiced;
            order.invoicedDate = invoiced;
        }
        if (paid <= asOf) {
            order.status = OrderStatus::Paid;
            order.paidDate = paid;
        }
    }

    const storage::Database& m_db;
    DemoOptions m_options;
    DemoRandom m_random;
    DemoRandom m_tierRandom;
    DemoRandom m_pipelineRandom{m_options.seed ^ 0x706970656C696E65ULL};
    storage::OpportunityRepository m_opportunities{m_db};
    std::map<RepId, std::int64_t> m_wonByRep;
    DemoRandom m_exitRandom{m_options.seed ^ 0x6578697473ULL};
    storage::CustomerRepository m_customers;
    storage::ContactRepository m_contacts;
    storage::ActivityRepository m_activities{m_db};
    storage::SurveyRepository m_surveys{m_db};
    storage::ExitRepository m_exits{m_db};
    storage::OrderRepository m_orders;
    Date m_historyStart;
    std::vector<RepId> m_repIds;
    std::unique_ptr<demo::DemoTerritories> m_territories;
    storage::TerritoryRepository m_territoryRows{m_db};
    std::vector<CatalogueItem> m_catalogue;
    DemoSummary m_summary;
};

} // namespace

void saveDemoAbcSnapshots(Portfolio& portfolio, Date asOf)
{
    // A year apart, so the ABC view's comparison has customers that rose, dropped, appeared and
    // left to show from the first start.
    AbcService abc(portfolio);
    for (const Date end : {asOf.addDays(-365), asOf}) {
        AbcRequest request;
        request.period = MonthRange::twelveMonthsEndingWith(end);
        request.withNames = false;
        auto run = abc.run(request);
        if (!run) {
            throw std::runtime_error(run.error().describe());
        }
        const auto name = "Revenue, 12 months to " + MonthRange::formatMonth(request.period.toMonth());
        if (auto saved = abc.saveSnapshot(run.value(), name, end); !saved) {
            throw std::runtime_error(saved.error().describe());
        }
    }
}

void saveDemoTierModel(Portfolio& portfolio, Date asOf)
{
    if (auto saved = TierService(portfolio).saveModel("Default", TierModel(), asOf); !saved) {
        throw std::runtime_error(saved.error().describe());
    }
}

DemoSummary writeDemoPortfolio(const storage::Database& db, const DemoOptions& options, const DemoProgress& progress)
{
    return Generator(db, options).run(progress);
}

Result<DemoSummary> createDemoPortfolioFile(const fs::path& path, const DemoOptions& options, bool replace,
                                            const DemoProgress& progress)
{
    if (options.customers < 0 || options.customers > 20'000'000) {
        return invalidInput("the number of customers must be between 0 and 20,000,000", "--customers");
    }
    std::error_code ec;
    if (fs::exists(path, ec) && !replace) {
        return Error{ErrorCode::Conflict, path.string() + " already exists; choose another file or replace it", "--out"};
    }
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) {
        return Error{ErrorCode::NotFound, "the folder " + folder.string() + " does not exist", "--out"};
    }
    const fs::path temporary = path.string() + ".part-" + std::to_string(::getpid());
    try {
        DemoSummary summary;
        {
            auto db = storage::Database::createForBulkLoad(temporary, storage::BulkLoadSettings{});
            summary = writeDemoPortfolio(db, options, progress);
            db.finishBulkLoad();
            Portfolio portfolio(std::move(db));
            saveDemoAbcSnapshots(portfolio, options.asOf);
            saveDemoTierModel(portfolio, options.asOf);
            saveDemoSegments(portfolio, options.asOf);
        }
        // A -wal or -shm left beside the file being replaced belongs to the old database; SQLite
        // would replay it onto the new one and corrupt it.
        fs::remove(path.string() + "-wal", ec);
        fs::remove(path.string() + "-shm", ec);
        fs::rename(temporary, path);
        return summary;
    } catch (const std::exception& e) {
        fs::remove(temporary, ec);
        fs::remove(temporary.string() + "-wal", ec);
        fs::remove(temporary.string() + "-shm", ec);
        const bool cancelled = std::string_view(e.what()) == "cancelled";
        return Error{cancelled ? ErrorCode::InvalidInput : ErrorCode::Storage,
                     cancelled ? "cancelled; no file was written" : std::string(e.what()), path.string()};
    }
}

} // namespace cartera::services
