#include "storage/customer_tag_repository.h"

#include "storage/database.h"
#include "storage/statement.h"

namespace cartera::storage {

using namespace cartera::domain;

namespace {

std::string trimmedTag(const std::string& tag)
{
    const auto first = tag.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = tag.find_last_not_of(" \t");
    return tag.substr(first, last - first + 1);
}

} // namespace

CustomerTagRepository::CustomerTagRepository(const Database& db) : m_db(db) {}

std::vector<std::string> CustomerTagRepository::tagsOf(CustomerId customer) const
{
    auto s = m_db.cached("SELECT tag FROM customer_tag WHERE customer_id = ?1 ORDER BY tag");
    s->bind(1, customer);
    std::vector<std::string> tags;
    while (s->step()) {
        tags.push_back(s->text(0));
    }
    return tags;
}

void CustomerTagRepository::setTags(CustomerId customer, const std::vector<std::string>& tags)
{
    WriteTransaction transaction(m_db);
    auto clear = m_db.prepare("DELETE FROM customer_tag WHERE customer_id = ?1");
    clear.bind(1, customer).run();
    auto insert = m_db.prepare("INSERT OR IGNORE INTO customer_tag (customer_id, tag) VALUES (?1, ?2)");
    for (const auto& tag : tags) {
        const auto clean = trimmedTag(tag);
        if (!clean.empty()) {
            insert.bind(1, customer).bind(2, clean).run();
        }
    }
    transaction.commit();
}

void CustomerTagRepository::addTag(const std::vector<CustomerId>& customers, const std::string& tag)
{
    const auto clean = trimmedTag(tag);
    if (clean.empty()) {
        return;
    }
    WriteTransaction transaction(m_db);
    auto insert = m_db.prepare("INSERT OR IGNORE INTO customer_tag (customer_id, tag) VALUES (?1, ?2)");
    for (const CustomerId customer : customers) {
        insert.bind(1, customer).bind(2, clean).run();
    }
    transaction.commit();
}

std::vector<std::string> CustomerTagRepository::allTags() const
{
    auto s = m_db.prepare("SELECT DISTINCT tag FROM customer_tag INDEXED BY customer_tag_tag ORDER BY tag");
    std::vector<std::string> tags;
    while (s.step()) {
        tags.push_back(s.text(0));
    }
    return tags;
}

} // namespace cartera::storage
