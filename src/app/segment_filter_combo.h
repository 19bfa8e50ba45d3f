#pragma once

#include "domain/segment.h"

#include <QComboBox>

#include <optional>

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

/// The customer list's "Segment" filter: "All segments" then every saved segment by name.
class SegmentFilterCombo final : public QComboBox {
    Q_OBJECT

public:
    explicit SegmentFilterCombo(services::Portfolio& portfolio, QWidget* parent = nullptr);

    /// Reads the segments again, keeping the one chosen while it exists (no signal when it does).
    void reload();
    /// The chosen segment; nullopt for all customers.
    [[nodiscard]] std::optional<domain::SegmentId> segmentId() const;
    /// Chooses a segment (emits currentIndexChanged); false when it is not listed.
    bool selectSegment(domain::SegmentId id);

private:
    services::Portfolio& m_portfolio;
};

} // namespace cartera::app
