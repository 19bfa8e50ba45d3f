#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace cartera::app {

/// The few pages of a long list that a table model keeps: pages of kPageSize rows read on demand
/// through a reader, at most kMaxPages of them, the oldest read dropped first. What lets a model
/// over 1,000,000 rows hold a few thousand.
template <typename Row>
class PageCache final {
public:
    static constexpr int kPageSize = 256;
    static constexpr std::size_t kMaxPages = 16;
    using Reader = std::function<std::vector<Row>(std::int64_t offset, int limit)>;

    /// The row at index (0 or more), reading its page when it is not kept; null when the page
    /// read ends before it (the list shrank since it was counted).
    const Row* at(int index, const Reader& read)
    {
        const int page = index / kPageSize;
        auto found = m_pages.find(page);
        if (found == m_pages.end()) {
            if (m_pages.size() >= kMaxPages) {
                m_pages.erase(m_age.front());
                m_age.erase(m_age.begin());
            }
            found = m_pages.emplace(page, read(static_cast<std::int64_t>(page) * kPageSize, kPageSize)).first;
            m_age.push_back(page);
        }
        const auto offset = static_cast<std::size_t>(index % kPageSize);
        return offset < found->second.size() ? &found->second[offset] : nullptr;
    }

    void clear()
    {
        m_pages.clear();
        m_age.clear();
    }

    /// The pages kept, by page number.
    [[nodiscard]] const std::map<int, std::vector<Row>>& pages() const { return m_pages; }

private:
    std::map<int, std::vector<Row>> m_pages;
    std::vector<int> m_age;  ///< page numbers in the order they were read, oldest first
};

} // namespace cartera::app
