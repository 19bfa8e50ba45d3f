// Renders the Segments view and the rule editor over a portfolio file, as a new user builds
// "France, retail, bought in the last 90 days, class A" condition by condition, and prints how long
// each live count took to appear (the editor counts on a worker thread; typing never waits).
// Usage: segments_view_shot DB OUT_DIR [as-of YYYY-MM-DD]
#include "app/segment_editor.h"
#include "app/segments_view.h"
#include "services/portfolio.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTreeWidget>

#include <cstdio>

using namespace cartera;
using namespace cartera::domain;

namespace {

SegmentCondition condition(SegmentField field, SegmentOperator op, std::vector<std::string> texts,
                           std::vector<std::int64_t> numbers = {})
{
    SegmentCondition c;
    c.field = field;
    c.op = op;
    c.texts = std::move(texts);
    c.numbers = std::move(numbers);
    return c;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: segments_view_shot DB OUT_DIR [as-of YYYY-MM-DD]\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[2]);
    const Date asOf = argc > 3 ? Date::parseIso(argv[3]).value_or(Date::today()) : Date::today();
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
        return 1;
    }
    auto& portfolio = *opened.value();

    QElapsedTimer clock;
    clock.start();
    app::SegmentsView view(portfolio);
    QSignalSpy counted(&view, &app::SegmentsView::countsShown);
    view.setAsOf(asOf);
    view.resize(1100, 720);
    view.show();
    const auto listed = clock.elapsed();
    counted.wait(600000);
    std::printf("Segments view: listed in %lld ms, every count shown after %lld ms\n", static_cast<long long>(listed),
                static_cast<long long>(clock.elapsed()));
    view.grab().save(out + QStringLiteral("/segments-view.png"));

    app::SegmentEditor editor(portfolio, QStringLiteral("France, retail, bought in the last 90 days, class A"),
                              SegmentDefinition{});
    editor.setAsOf(asOf);
    editor.resize(900, 560);
    editor.show();
    const auto step = [&](const char* what, const SegmentCondition* c) {
        QSignalSpy shown(&editor, &app::SegmentEditor::countShown);
        QElapsedTimer t;
        t.start();
        if (c) {
            editor.addCondition(*c);
        }
        shown.wait(600000);
        // The editor waits 300 ms after an edit before counting (typing settles first).
        std::printf("%-40s %10lld customers, shown %6lld ms after the edit (300 ms of it the typing delay)\n",
                    what, static_cast<long long>(editor.shownCount()), static_cast<long long>(t.elapsed()));
    };
    step("(no condition)", nullptr);
    const auto fr = condition(SegmentField::Country, SegmentOperator::Equals, {"FR"});
    step("+ country is FR", &fr);
    const auto retail = condition(SegmentField::Channel, SegmentOperator::Equals, {"retail"});
    step("+ channel is retail", &retail);
    const auto recent = condition(SegmentField::DaysSinceLastOrder, SegmentOperator::LessOrEqual, {}, {90});
    step("+ days since last order <= 90", &recent);
    const auto classA = condition(SegmentField::AbcClass, SegmentOperator::Equals, {"A"});
    step("+ ABC class is A", &classA);
    editor.grab().save(out + QStringLiteral("/segment-editor.png"));
    return 0;
}
