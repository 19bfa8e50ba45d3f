// Renders the Tiers view over a portfolio offscreen and times what a user waits for:
//  - open: the view built over the file (it loads the latest saved model)
//  - run: Run pressed (read, normalise, score, show)
//  - edit: a weight changed in the view (rescore in memory and show)
// Writes OUT-run.png and OUT-edited.png for a person to look at.
// Usage: QT_QPA_PLATFORM=offscreen tiers_view_bench DB OUT [width height]
#include "app/tiers_view.h"
#include "services/portfolio.h"

#include <QApplication>
#include <QSpinBox>

#include <chrono>
#include <cstdio>

using namespace cartera;
using Clock = std::chrono::steady_clock;

namespace {

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: tiers_view_bench DB OUT [width height]\n");
        return 2;
    }
    const int width = argc > 4 ? std::atoi(argv[3]) : 1400;
    const int height = argc > 4 ? std::atoi(argv[4]) : 820;
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "tiers_view_bench: %s\n", opened.error().describe().c_str());
        return 1;
    }
    auto start = Clock::now();
    app::TiersView view(*opened.value());
    view.resize(width, height);
    std::printf("open view        %8.1f ms\n", millisecondsSince(start));
    start = Clock::now();
    if (!view.runTiers()) {
        std::fprintf(stderr, "tiers_view_bench: the run failed\n");
        return 1;
    }
    std::printf("run (read, rank) %8.1f ms  %zu customers\n", millisecondsSince(start), view.run()->result.entries.size());
    const QString out = QString::fromLocal8Bit(argv[2]);
    view.grab().save(out + QStringLiteral("-run.png"));
    for (int weight : {5, 1, 4}) {
        start = Clock::now();
        view.weightBox(domain::TierIndicator::Revenue)->setValue(weight);
        std::printf("edit weight      %8.1f ms\n", millisecondsSince(start));
    }
    view.grab().save(out + QStringLiteral("-edited.png"));
    return 0;
}
