#pragma once

#include "domain/customer.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/segment.h"
#include "services/customer_service.h"
#include "storage/segment_repository.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

class QLabel;
class QPushButton;
class QTableView;

namespace cartera::services {
class Portfolio;
}

namespace cartera::app {

class SegmentListModel;

/// The Segments view: saved segments with their member counts (counted on a worker thread),
/// the rules of the selected one, and the actions on them: new, edit (the rule editor), rename,
/// duplicate, delete (undoable through changeRequested), show the customers, and RFM in one click.
class SegmentsView final : public QWidget {
    Q_OBJECT

public:
    explicit SegmentsView(services::Portfolio& portfolio, QWidget* parent = nullptr);
    ~SegmentsView() override;

    /// Reads the list again and counts the members anew.
    void reload();
    /// Selects the segment (for tests and screenshots); false when it is not listed.
    bool selectSegment(domain::SegmentId id);
    /// The evaluation date of counts (today unless set, for tests).
    void setAsOf(domain::Date asOf);

    /// Adds customers to a static list chosen (or named anew) in a small dialog.
    void addCustomersToList(const std::vector<domain::CustomerId>& customers);
    /// Runs RFM over the last `months` months and saves its cells as static lists, here and now
    /// (no dialog; for tests and small portfolios).
    bool runRfm(int months);
    /// As runRfm, on a worker thread with its own connection (what the RFM button does); emits
    /// rfmFinished when the lists are saved and shown.
    void startRfm(int months);

    [[nodiscard]] SegmentListModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QLabel* rulesLabel() const { return m_rules; }

signals:
    /// "Show customers": list this segment's members in the customer list.
    void membersRequested(domain::SegmentId id);
    /// Segments were created, renamed or deleted (the customer list's segment filter follows).
    void segmentsChanged();
    /// A change was made (already saved); push it on an undo stack.
    void changeRequested(const QString& text, services::CustomerService::Step redo, services::CustomerService::Step undo);
    void errorOccurred(const domain::Error& error);
    /// Every listed segment has its count.
    void countsShown();
    /// An RFM run started by startRfm saved its lists.
    void rfmFinished();

private:
    [[nodiscard]] const storage::SegmentRecord* current() const;
    void updateState();
    void startCounts();
    void newSegment();
    void editCurrent();
    void renameCurrent();
    void duplicateCurrent();
    void deleteCurrent();
    void rfmDialog();
    void changed();

    services::Portfolio& m_portfolio;
    domain::Date m_asOf = domain::Date::today();
    SegmentListModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_rules = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_rename = nullptr;
    QPushButton* m_duplicate = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_members = nullptr;
    QPushButton* m_rfm = nullptr;
    int m_countGeneration = 0;
    bool m_counting = false;    ///< a worker is counting
    bool m_countAgain = false;  ///< the list changed meanwhile: count again when it ends
    std::shared_ptr<std::atomic<bool>> m_stopCounting;
    std::thread m_counter;
    std::thread m_rfmWorker;
};

} // namespace cartera::app
