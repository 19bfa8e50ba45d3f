#pragma once

#include "domain/opportunity.h"
#include "storage/opportunity_repository.h"

#include <QListWidget>
#include <QWidget>

#include <string>
#include <vector>

class QLabel;

namespace cartera::app {

/// One stage's cards. Cards carry their opportunity id; dropping a card from another column asks
/// for a move (the view makes it through the service and the undo stack, then reloads).
class StageList final : public QListWidget {
    Q_OBJECT

public:
    /// The drag payload: the opportunity id as text.
    static constexpr const char* kMimeType = "application/x-cartera-opportunity";
    static constexpr int IdRole = Qt::UserRole;

    StageList(std::string stage, QWidget* parent = nullptr);
    [[nodiscard]] const std::string& stage() const { return m_stage; }

signals:
    void moveRequested(domain::OpportunityId id, const std::string& stage);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    std::string m_stage;
};

/// A column of the board: the stage's name, count, total and weighted total, its cards (at most
/// the view's cap) and how many more there are.
class StageColumn final : public QWidget {
    Q_OBJECT

public:
    StageColumn(const domain::Stage& stage, QWidget* parent = nullptr);

    void setSummary(const storage::StageSummary& summary, domain::CurrencyCode currency);
    /// The cards, with deals past their close date or without a stage change for staleDays marked.
    void setCards(const std::vector<storage::OpportunityRow>& rows, std::int64_t total,
                  const std::vector<domain::Stage>& stages, domain::Date today, int staleDays);
    [[nodiscard]] StageList* list() const { return m_list; }
    [[nodiscard]] QLabel* header() const { return m_header; }

private:
    domain::Stage m_stage;
    QLabel* m_header;
    StageList* m_list;
    QLabel* m_more;
};

} // namespace cartera::app
