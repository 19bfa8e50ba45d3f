#include "app/abc_view.h"
#include "app/customer_table_model.h"
#include "app/segment_editor.h"
#include "app/segment_list_model.h"
#include "app/segments_view.h"

#include "services/abc_service.h"
#include "services/customer_service.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"
#include "services/segment_service.h"
#include "support/temp_dir.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace services = cartera::services;
namespace storage = cartera::storage;
namespace domain = cartera::domain;
namespace app = cartera::app;
using cartera::testing::TempDir;
using domain::SegmentCondition;
using domain::SegmentField;
using domain::SegmentOperator;

namespace {

/// A fresh demo portfolio (as of today, as a new user gets it), with its saved segments.
struct SegmentsWorkspace {
    TempDir dir;
    std::unique_ptr<services::Portfolio> portfolio;

    SegmentsWorkspace()
    {
        services::DemoOptions options;
        options.customers = 400;
        const auto path = dir.file("demo.cartera");
        EXPECT_TRUE(services::createDemoPortfolioFile(path, options, false).ok());
        portfolio = std::move(services::Portfolio::open(path, storage::OpenMode::ReadWrite).value());
    }

    std::int64_t count(const domain::SegmentDefinition& definition) const
    {
        return services::SegmentService(*portfolio).count(definition, domain::Date::today()).value();
    }
};

SegmentCondition condition(SegmentField field, SegmentOperator op, std::vector<std::string> texts)
{
    SegmentCondition c;
    c.field = field;
    c.op = op;
    c.texts = std::move(texts);
    return c;
}

/// Waits for the editor's next count and returns it.
std::int64_t nextCount(app::SegmentEditor& editor)
{
    QSignalSpy shown(&editor, &app::SegmentEditor::countShown);
    EXPECT_TRUE(shown.wait(10000));
    return shown.isEmpty() ? -1 : shown.takeLast().at(0).toLongLong();
}

} // namespace

TEST(SegmentEditor, showsTheLiveCountAfterEachEdit)
{
    SegmentsWorkspace w;
    domain::SegmentDefinition definition;
    definition.root.rules.push_back(domain::SegmentRule::of(condition(SegmentField::Country, SegmentOperator::Equals, {"FR"})));
    app::SegmentEditor editor(*w.portfolio, QStringLiteral("France"), definition);
    const auto france = w.count(definition);
    ASSERT_GT(france, 0);
    EXPECT_EQ(nextCount(editor), france);
    EXPECT_TRUE(editor.countLabel()->text().contains(QLocale().toString(static_cast<qlonglong>(france))))
        << editor.countLabel()->text().toStdString();

    // Narrow it with a second condition: the count follows.
    editor.addCondition(condition(SegmentField::Channel, SegmentOperator::Equals, {"retail"}));
    definition.root.rules.push_back(domain::SegmentRule::of(condition(SegmentField::Channel, SegmentOperator::Equals, {"retail"})));
    const auto franceRetail = w.count(definition);
    EXPECT_LT(franceRetail, france);
    EXPECT_EQ(nextCount(editor), franceRetail);
    EXPECT_EQ(editor.definition(), definition);

    // Edit the first condition through its controls, as a user does: City starts with "P".
    editor.tree()->setCurrentItem(editor.tree()->topLevelItem(0)->child(0));
    editor.fieldCombo()->setCurrentIndex(editor.fieldCombo()->findData(static_cast<int>(SegmentField::City)));
    editor.operatorCombo()->setCurrentIndex(editor.operatorCombo()->findData(static_cast<int>(SegmentOperator::StartsWith)));
    QTest::keyClicks(editor.textEdit(), QStringLiteral("P"));
    definition.root.rules[0] = domain::SegmentRule::of(condition(SegmentField::City, SegmentOperator::StartsWith, {"P"}));
    EXPECT_EQ(editor.definition(), definition);
    EXPECT_EQ(nextCount(editor), w.count(definition));
    EXPECT_NE(editor.tree()->topLevelItem(0)->child(0)->text(0).indexOf(QStringLiteral("City starts with P")), -1);
}

TEST(SegmentEditor, anIncompleteConditionIsNotCountedAndSaysWhy)
{
    SegmentsWorkspace w;
    app::SegmentEditor editor(*w.portfolio, QStringLiteral("x"), domain::SegmentDefinition{});
    EXPECT_EQ(nextCount(editor), w.count(domain::SegmentDefinition{}));  // empty: every customer
    editor.addCondition(condition(SegmentField::City, SegmentOperator::Equals, {"Lyon"}));
    editor.textEdit()->clear();
    QTest::qWait(600);
    EXPECT_EQ(editor.shownCount(), -1);
    EXPECT_TRUE(editor.countLabel()->text().contains(QStringLiteral("rule 1"))) << editor.countLabel()->text().toStdString();
}

TEST(SegmentsView, listsTheDemoSegmentsWithTheirCountsUnderTheModelTester)
{
    SegmentsWorkspace w;
    app::SegmentsView view(*w.portfolio);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counted(&view, &app::SegmentsView::countsShown);
    ASSERT_TRUE(counted.wait(20000));
    const auto segments = services::SegmentService(*w.portfolio).list().value();
    ASSERT_GE(segments.size(), 3U);
    ASSERT_EQ(view.model()->rowCount(), static_cast<int>(segments.size()));
    for (const auto& record : segments) {
        EXPECT_EQ(view.model()->countOf(record.id),
                  services::SegmentService(*w.portfolio).count(record.id, domain::Date::today()).value())
            << record.name;
    }
    view.resize(1100, 700);
    view.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/segments-view.png"));
}

TEST(SegmentsView, deleteIsUndoneThroughTheStepsItOffers)
{
    SegmentsWorkspace w;
    app::SegmentsView view(*w.portfolio);
    services::SegmentService service(*w.portfolio);
    auto list = service.createStatic("Hand-picked", {1, 2, 3}, domain::Date::today()).value();
    view.reload();
    ASSERT_TRUE(view.selectSegment(list.id));
    services::CustomerService::Step redo;
    services::CustomerService::Step undo;
    QObject::connect(&view, &app::SegmentsView::changeRequested, &view,
                     [&](const QString&, services::CustomerService::Step r, services::CustomerService::Step u) {
                         redo = std::move(r);
                         undo = std::move(u);
                     });
    QMetaObject::invokeMethod(&view, [&] {
        // The Delete button, pressed.
        for (auto* button : view.findChildren<QPushButton*>()) {
            if (button->text() == app::SegmentsView::tr("&Delete")) {
                button->click();
            }
        }
    });
    QCoreApplication::processEvents();
    ASSERT_TRUE(undo);
    EXPECT_FALSE(service.findByName("Hand-picked").ok());
    ASSERT_TRUE(undo().ok());
    const auto back = service.findByName("Hand-picked");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value().id, list.id);
    EXPECT_EQ(storage::SegmentRepository(w.portfolio->database()).staticMembers(list.id),
              (std::vector<domain::CustomerId>{1, 2, 3}));
    ASSERT_TRUE(redo().ok());
    EXPECT_FALSE(service.findByName("Hand-picked").ok());
}

TEST(CustomerTableModel, segmentFilterListsExactlyTheSegmentsMembers)
{
    SegmentsWorkspace w;
    services::SegmentService service(*w.portfolio);
    auto list = service.createStatic("Three", {5, 7, 9}, domain::Date::today()).value();
    app::CustomerTableModel model(*w.portfolio);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    domain::CustomerFilter filter;
    filter.includeArchived = true;
    filter.segmentId = list.id;
    model.setFilter(filter);
    ASSERT_EQ(model.rowCount(), 3);
    std::vector<qlonglong> ids;
    for (int row = 0; row < 3; ++row) {
        ids.push_back(model.index(row, 0).data(app::CustomerTableModel::kCustomerIdRole).toLongLong());
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<qlonglong>{5, 7, 9}));

    // A rule segment: the same count as the service gives.
    const auto rule = service.findByName("France, retail, bought in the last 90 days, class A");
    ASSERT_TRUE(rule.ok());
    filter.includeArchived = false;
    filter.segmentId = rule.value().id;
    model.setFilter(filter);
    EXPECT_EQ(model.rowCount(), service.count(rule.value().id, domain::Date::today()).value());
}

TEST(AbcView, aSegmentAsScopeClassifiesOnlyItsMembers)
{
    SegmentsWorkspace w;
    services::SegmentService service(*w.portfolio);
    const auto champions = service.findByName("RFM: Champions");
    ASSERT_TRUE(champions.ok());
    const auto members = service.count(champions.value().id, domain::Date::today()).value();
    ASSERT_GT(members, 0);
    app::AbcView view(*w.portfolio);
    view.scopeChoice()->setCurrentIndex(view.scopeChoice()->findText(app::AbcView::tr("Segment")));
    view.scopeValueChoice()->setCurrentIndex(view.scopeValueChoice()->findText(QStringLiteral("RFM: Champions")));
    ASSERT_TRUE(view.classify());
    ASSERT_NE(view.run(), nullptr);
    EXPECT_EQ(view.run()->request.scope.segmentId, champions.value().id);
    // Champions all bought in the period: every one is classified, nobody else.
    EXPECT_EQ(static_cast<std::int64_t>(view.run()->result.entries.size() + view.run()->result.apart.size()), members);
}

TEST(SegmentsView, rfmRunsOnAWorkerAndRefillsItsLists)
{
    SegmentsWorkspace w;
    app::SegmentsView view(*w.portfolio);
    services::SegmentService service(*w.portfolio);
    const auto champions = service.findByName("RFM: Champions").value();
    ASSERT_TRUE(service.removeMembers(champions.id, storage::SegmentRepository(w.portfolio->database())
                                                        .staticMembers(champions.id)).ok());
    ASSERT_EQ(service.count(champions.id, domain::Date::today()).value(), 0);
    QSignalSpy finished(&view, &app::SegmentsView::rfmFinished);
    view.startRfm(12);
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_GT(service.count(champions.id, domain::Date::today()).value(), 0);
    EXPECT_EQ(service.list().value().size(), static_cast<std::size_t>(view.model()->rowCount()));
}
