#include "storage/contact_repository.h"

#include "storage/database.h"
#include "storage/storage_error.h"

namespace cartera::storage {

using namespace cartera::domain;

namespace {

// Text is bound without copying: the contact outlives the statement's run.
void bindContact(Statement& s, const Contact& c)
{
    s.bind(1, c.customerId)
        .bindStaticOrNull(2, c.firstName)
        .bindStatic(3, c.lastName)
        .bindStaticOrNull(4, c.jobTitle)
        .bindStaticOrNull(5, c.email)
        .bindStaticOrNull(6, c.phone)
        .bind(7, c.primary ? 1 : 0);
}

Contact readContact(const Statement& s)
{
    Contact c;
    c.id = s.int64(0);
    c.customerId = s.int64(1);
    c.firstName = s.text(2);
    c.lastName = s.text(3);
    c.jobTitle = s.text(4);
    c.email = s.text(5);
    c.phone = s.text(6);
    c.primary = s.int64(7) != 0;
    return c;
}

} // namespace

ContactRepository::ContactRepository(const Database& db) : m_db(db) {}

void ContactRepository::insert(Contact& contact)
{
    auto s = m_db.cached(
        "INSERT INTO contact (customer_id, first_name, last_name, job_title, email, phone, is_primary, id)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bindContact(*s, contact);
    s->bindIdOrNull(8, contact.id).run();
    contact.id = m_db.lastInsertId();
}

void ContactRepository::update(const Contact& contact)
{
    auto s = m_db.cached(
        "UPDATE contact SET customer_id = ?1, first_name = ?2, last_name = ?3, job_title = ?4, email = ?5,"
        " phone = ?6, is_primary = ?7 WHERE id = ?8");
    bindContact(*s, contact);
    s->bind(8, contact.id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "contact " + std::to_string(contact.id) + " does not exist");
    }
}

void ContactRepository::remove(ContactId id)
{
    auto s = m_db.cached("DELETE FROM contact WHERE id = ?1");
    s->bind(1, id).run();
    if (m_db.changes() == 0) {
        throw StorageError(StorageFailure::NotFound, "contact " + std::to_string(id) + " does not exist");
    }
}

std::optional<Contact> ContactRepository::find(ContactId id) const
{
    auto s = m_db.cached(
        "SELECT id, customer_id, first_name, last_name, job_title, email, phone, is_primary FROM contact WHERE id = ?1");
    s->bind(1, id);
    if (!s->step()) {
        return std::nullopt;
    }
    return readContact(*s);
}

std::vector<Contact> ContactRepository::forCustomer(CustomerId customerId) const
{
    auto s = m_db.cached(
        "SELECT id, customer_id, first_name, last_name, job_title, email, phone, is_primary FROM contact"
        " WHERE customer_id = ?1 ORDER BY is_primary DESC, last_name COLLATE NOCASE, id");
    s->bind(1, customerId);
    std::vector<Contact> contacts;
    while (s->step()) {
        contacts.push_back(readContact(*s));
    }
    return contacts;
}

} // namespace cartera::storage
