#pragma once

#include "domain/activity.h"
#include "domain/contact.h"
#include "domain/customer.h"
#include "domain/error.h"
#include "domain/order.h"

#include <functional>
#include <vector>

namespace cartera::services {

class Portfolio;

/// Everything that goes when a customer is deleted, so that Undo can put it back unchanged
/// (same ids, same orders and monthly figures).
struct CustomerSnapshot final {
    domain::Customer customer;
    std::vector<domain::Contact> contacts;
    std::vector<domain::Activity> activities;
    std::vector<domain::Order> orders;
    std::vector<std::string> tags;
    std::vector<std::int64_t> staticLists;  ///< the static segments that held the customer
};

/// The editing use cases of the customer workspace. Each call is one transaction: it validates,
/// writes and commits, or changes nothing and returns the Error (naming the field).
/// The "restore" calls put back what a removal returned, with the same ids; Undo uses them.
class CustomerService final {
public:
    /// One undo or redo step, as the app's undo commands hold them.
    using Step = std::function<domain::Status()>;

    explicit CustomerService(Portfolio& portfolio) : m_portfolio(portfolio) {}

    domain::Result<domain::Customer> create(domain::Customer customer, domain::Date today);
    domain::Result<domain::Customer> update(domain::Customer customer, domain::Date today);
    /// Archived accounts leave the default lists but keep everything; nullopt date unarchives.
    domain::Result<domain::Customer> setArchived(domain::CustomerId id, std::optional<domain::Date> archivedOn);
    /// Flags the account strategic or not (the tier models' strategic indicator); Undo sets it back.
    domain::Result<domain::Customer> setStrategic(domain::CustomerId id, bool strategic);
    /// Deletes the customer with its contacts, activities, orders and figures; returns them all.
    domain::Result<CustomerSnapshot> remove(domain::CustomerId id);
    domain::Status restore(const CustomerSnapshot& snapshot);

    domain::Result<domain::Contact> addContact(domain::Contact contact);
    domain::Result<domain::Contact> updateContact(domain::Contact contact);
    domain::Result<domain::Contact> removeContact(domain::ContactId id);
    domain::Status restoreContact(const domain::Contact& contact);

    domain::Result<domain::Activity> logActivity(domain::Activity activity);
    domain::Result<domain::Activity> updateActivity(domain::Activity activity);
    /// Moves a claim or request along its lifecycle (see domain::advanceActivity).
    domain::Result<domain::Activity> advanceActivity(domain::ActivityId id, domain::ActivityStatus status,
                                                     domain::Date date);
    domain::Result<domain::Activity> removeActivity(domain::ActivityId id);
    domain::Status restoreActivity(const domain::Activity& activity);

private:
    Portfolio& m_portfolio;
};

} // namespace cartera::services
