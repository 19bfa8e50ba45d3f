// Renders the Portfolio view over a portfolio file to PNG, offscreen, and times what the view does:
// Analyse (read and show) and a change of rows (recomputed from the figures already read).
// Usage: portfolio_view_shot DB OUT.png [rows] [columns|none] [measure] [YYYY-MM from] [YYYY-MM to]
#include "app/portfolio_pivot_model.h"
#include "app/portfolio_view.h"
#include "services/portfolio.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>

#include <cstdio>

using namespace cartera;

namespace {

int select(QComboBox* box, const char* code, auto& codes)
{
    const auto value = codes.parse(code);
    if (!value) {
        std::fprintf(stderr, "portfolio_view_shot: unknown value %s\n", code);
        std::exit(2);
    }
    box->setCurrentIndex(box->findData(static_cast<int>(*value)));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: portfolio_view_shot DB OUT.png [rows] [columns|none] [measure] [from] [to]\n");
        return 2;
    }
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "portfolio_view_shot: %s\n", opened.error().describe().c_str());
        return 1;
    }
    app::PortfolioView view(*opened.value());
    view.resize(1500, 900);
    if (argc > 3) {
        select(view.rowsChoice(), argv[3], domain::kPortfolioDimensionCodes);
    }
    if (argc > 4 && std::string(argv[4]) != "none") {
        select(view.columnsChoice(), argv[4], domain::kPortfolioDimensionCodes);
    }
    if (argc > 5) {
        select(view.measureChoice(), argv[5], domain::kPortfolioMeasureCodes);
    }
    if (argc > 7) {
        view.periodChoice()->setCurrentIndex(2);
        view.fromEdit()->setDate(QDate::fromString(QString::fromLatin1(argv[6]), QStringLiteral("yyyy-MM")));
        view.toEdit()->setDate(QDate::fromString(QString::fromLatin1(argv[7]), QStringLiteral("yyyy-MM")));
    }
    QElapsedTimer timer;
    timer.start();
    if (!view.analyse()) {
        std::fprintf(stderr, "portfolio_view_shot: the analysis failed\n");
        return 1;
    }
    std::printf("analyse: %lld ms\n", static_cast<long long>(timer.elapsed()));
    view.grab();  // lay out once, so the next timing is the change alone
    timer.restart();
    const int rows = view.rowsChoice()->currentIndex();
    view.rowsChoice()->setCurrentIndex(rows == 3 ? 1 : 3);  // to another dimension and back
    view.rowsChoice()->setCurrentIndex(rows);
    std::printf("two changes of rows: %lld ms\n", static_cast<long long>(timer.elapsed()));
    timer.restart();
    const bool saved = view.grab().save(QString::fromLocal8Bit(argv[2]));
    std::printf("render: %lld ms\n", static_cast<long long>(timer.elapsed()));
    return saved ? 0 : 1;
}
