#include "services/customer_service.h"

#include "domain/customer_validation.h"
#include "services/portfolio.h"
#include "storage/customer_tag_repository.h"
#include "storage/segment_repository.h"
#include "storage/storage_error.h"

namespace cartera::services {

using namespace cartera::domain;

namespace {

/// Runs work in one write transaction; a StorageError or a failed check becomes the Error.
template <typename T, typename Work>
Result<T> inTransaction(Portfolio& portfolio, Work&& work)
{
    try {
        storage::WriteTransaction transaction(portfolio.database());
        Result<T> result = work();
        if (result) {
            transaction.commit();
        }
        return result;
    } catch (const std::exception& e) {
        return toError(e);
    }
}

Error notFound(const std::string& what, std::int64_t id)
{
    return Error{ErrorCode::NotFound, what + " " + std::to_string(id) + " does not exist (it may have been deleted)", {}};
}

} // namespace

Result<Customer> CustomerService::create(Customer customer, Date today)
{
    customer.code = trimmed(customer.code);
    customer.name = trimmed(customer.name);
    if (auto valid = validateCustomer(customer); !valid) {
        return valid.error();
    }
    customer.created = today;
    customer.updated = today;
    return inTransaction<Customer>(m_portfolio, [&]() -> Result<Customer> {
        m_portfolio.customers().insert(customer);
        return customer;
    });
}

Result<Customer> CustomerService::update(Customer customer, Date today)
{
    customer.code = trimmed(customer.code);
    customer.name = trimmed(customer.name);
    if (auto valid = validateCustomer(customer); !valid) {
        return valid.error();
    }
    customer.updated = today;
    return inTransaction<Customer>(m_portfolio, [&]() -> Result<Customer> {
        m_portfolio.customers().update(customer);
        return customer;
    });
}

Result<Customer> CustomerService::setArchived(CustomerId id, std::optional<Date> archivedOn)
{
    return inTransaction<Customer>(m_portfolio, [&]() -> Result<Customer> {
        auto customer = m_portfolio.customers().find(id);
        if (!customer) {
            return notFound("customer", id);
        }
        customer->archivedOn = archivedOn;
        m_portfolio.customers().update(*customer);
        return *customer;
    });
}

Result<Customer> CustomerService::setStrategic(CustomerId id, bool strategic)
{
    return inTransaction<Customer>(m_portfolio, [&]() -> Result<Customer> {
        auto customer = m_portfolio.customers().find(id);
        if (!customer) {
            return notFound("customer", id);
        }
        customer->strategic = strategic;
        m_portfolio.customers().update(*customer);
        return *customer;
    });
}

Result<CustomerSnapshot> CustomerService::remove(CustomerId id)
{
    return inTransaction<CustomerSnapshot>(m_portfolio, [&]() -> Result<CustomerSnapshot> {
        auto customer = m_portfolio.customers().find(id);
        if (!customer) {
            return notFound("customer", id);
        }
        CustomerSnapshot snapshot;
        snapshot.customer = *customer;
        snapshot.contacts = m_portfolio.contacts().forCustomer(id);
        snapshot.activities = m_portfolio.activities().forCustomer(id);
        for (const auto& summary : m_portfolio.orders().forCustomer(id)) {
            if (auto order = m_portfolio.orders().find(summary.id)) {
                snapshot.orders.push_back(std::move(*order));
            }
        }
        snapshot.tags = storage::CustomerTagRepository(m_portfolio.database()).tagsOf(id);
        snapshot.staticLists = storage::SegmentRepository(m_portfolio.database()).staticListsOf(id);
        m_portfolio.customers().remove(id);
        return snapshot;
    });
}

Status CustomerService::restore(const CustomerSnapshot& snapshot)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Status {
        auto customer = snapshot.customer;
        m_portfolio.customers().insert(customer);
        for (auto contact : snapshot.contacts) {
            m_portfolio.contacts().insert(contact);
        }
        for (auto activity : snapshot.activities) {
            m_portfolio.activities().insert(activity);
        }
        // Oldest first, as they were entered; OrderRepository rebuilds the monthly figures.
        for (auto it = snapshot.orders.rbegin(); it != snapshot.orders.rend(); ++it) {
            auto order = *it;
            m_portfolio.orders().insert(order);
        }
        storage::CustomerTagRepository(m_portfolio.database()).setTags(customer.id, snapshot.tags);
        // Back into its static lists, those not deleted since.
        storage::SegmentRepository segments(m_portfolio.database());
        for (const auto list : snapshot.staticLists) {
            if (const auto record = segments.find(list); record && record->kind == SegmentKind::Static) {
                segments.addMembers(list, {customer.id});
            }
        }
        return Done{};
    });
}

Result<Contact> CustomerService::addContact(Contact contact)
{
    if (trimmed(contact.lastName).empty() && trimmed(contact.firstName).empty()) {
        return invalidInput("a contact needs a name", "lastName");
    }
    if (!contact.email.empty() && !isPlausibleEmail(contact.email)) {
        return invalidInput("'" + contact.email + "' is not an e-mail address", "email");
    }
    if (!contact.phone.empty() && !isPlausiblePhone(contact.phone)) {
        return invalidInput("'" + contact.phone + "' is not a phone number", "phone");
    }
    if (contact.lastName.empty()) {
        std::swap(contact.lastName, contact.firstName);
    }
    return inTransaction<Contact>(m_portfolio, [&]() -> Result<Contact> {
        m_portfolio.contacts().insert(contact);
        return contact;
    });
}

Result<Contact> CustomerService::updateContact(Contact contact)
{
    if (trimmed(contact.lastName).empty()) {
        return invalidInput("a contact needs a last name", "lastName");
    }
    if (!contact.email.empty() && !isPlausibleEmail(contact.email)) {
        return invalidInput("'" + contact.email + "' is not an e-mail address", "email");
    }
    if (!contact.phone.empty() && !isPlausiblePhone(contact.phone)) {
        return invalidInput("'" + contact.phone + "' is not a phone number", "phone");
    }
    return inTransaction<Contact>(m_portfolio, [&]() -> Result<Contact> {
        m_portfolio.contacts().update(contact);
        return contact;
    });
}

Result<Contact> CustomerService::removeContact(ContactId id)
{
    return inTransaction<Contact>(m_portfolio, [&]() -> Result<Contact> {
        auto contact = m_portfolio.contacts().find(id);
        if (!contact) {
            return notFound("contact", id);
        }
        m_portfolio.contacts().remove(id);
        return *contact;
    });
}

Status CustomerService::restoreContact(const Contact& contact)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Status {
        auto copy = contact;
        m_portfolio.contacts().insert(copy);
        return Done{};
    });
}

Result<Activity> CustomerService::logActivity(Activity activity)
{
    if (hasLifecycle(activity.type) && !activity.status) {
        activity.status = ActivityStatus::Open;
    }
    if (auto valid = validateActivity(activity); !valid) {
        return valid.error();
    }
    return inTransaction<Activity>(m_portfolio, [&]() -> Result<Activity> {
        m_portfolio.activities().insert(activity);
        return activity;
    });
}

Result<Activity> CustomerService::updateActivity(Activity activity)
{
    if (auto valid = validateActivity(activity); !valid) {
        return valid.error();
    }
    return inTransaction<Activity>(m_portfolio, [&]() -> Result<Activity> {
        m_portfolio.activities().update(activity);
        return activity;
    });
}

Result<Activity> CustomerService::advanceActivity(ActivityId id, ActivityStatus status, Date date)
{
    return inTransaction<Activity>(m_portfolio, [&]() -> Result<Activity> {
        auto activity = m_portfolio.activities().find(id);
        if (!activity) {
            return notFound("activity", id);
        }
        auto advanced = domain::advanceActivity(*activity, status, date);
        if (!advanced) {
            return advanced.error();
        }
        m_portfolio.activities().update(advanced.value());
        return advanced.value();
    });
}

Result<Activity> CustomerService::removeActivity(ActivityId id)
{
    return inTransaction<Activity>(m_portfolio, [&]() -> Result<Activity> {
        auto activity = m_portfolio.activities().find(id);
        if (!activity) {
            return notFound("activity", id);
        }
        m_portfolio.activities().remove(id);
        return *activity;
    });
}

Status CustomerService::restoreActivity(const Activity& activity)
{
    return inTransaction<Done>(m_portfolio, [&]() -> Status {
        auto copy = activity;
        m_portfolio.activities().insert(copy);
        return Done{};
    });
}

} // namespace cartera::services
