// Exports the whole customer list from the main window over a portfolio file, offscreen, as a user
// would with File > Export Customers (without the dialog): times the export and measures how long
// the GUI thread ever went without processing events (a 10 ms timer's worst lateness), and saves a
// screenshot of the window with its progress dialog midway and one with the message bar at the end.
// Usage: export_gui_bench DB OUT.csv|OUT.xlsx [excel-comma|excel-semicolon|plain] [SHOT_PREFIX]
#include "app/customer_list_exporter.h"
#include "app/customer_table_model.h"
#include "app/export_runner.h"
#include "app/main_window.h"
#include "services/portfolio.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QScreen>
#include <QTimer>

#include <cstdio>

using namespace cartera;

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: export_gui_bench DB OUT [profile] [SHOT_PREFIX]\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[2]);
    const auto profile = exchange::parseCsvProfile(argc > 3 ? argv[3] : "excel-semicolon");
    const QString shots = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
    if (!profile) {
        std::fprintf(stderr, "export_gui_bench: unknown profile\n");
        return 2;
    }
    QElapsedTimer clock;
    clock.start();
    auto opened = services::Portfolio::open(argv[1], storage::OpenMode::ReadWrite);
    if (!opened) {
        std::fprintf(stderr, "export_gui_bench: %s\n", opened.error().describe().c_str());
        return 1;
    }
    app::MainWindow window(std::move(opened.value()));
    window.resize(1400, 820);
    window.show();
    window.showView(QStringLiteral("customers"));
    const int rows = window.customerModel()->rowCount();
    std::printf("window open with %d customers listed: %lld ms\n", rows, static_cast<long long>(clock.elapsed()));

    // The GUI thread's worst stall while the export runs: a 10 ms timer's largest gap.
    QElapsedTimer tick;
    qint64 worstGap = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        worstGap = std::max(worstGap, tick.restart());
    });
    bool shotTaken = false;
    auto* exporter = window.customerExporter();
    QObject::connect(exporter->runner(), &app::CustomerExportRunner::progressed, [&](qint64 done, qint64 total) {
        if (!shotTaken && !shots.isEmpty() && done * 3 >= total) {
            shotTaken = true;
            if (auto* progress = window.findChild<QProgressDialog*>(QStringLiteral("exportProgress"))) {
                progress->show();
                QApplication::processEvents();
                progress->grab().save(shots + QStringLiteral("-progress.png"));
            }
        }
    });
    bool ok = false;
    QString message;
    QObject::connect(exporter, &app::CustomerListExporter::exportFinished, [&](bool done, const QString& text) {
        ok = done;
        message = text;
        QApplication::quit();
    });
    // The same measure with nothing running first: on a loaded machine the scheduler alone delays
    // the GUI thread, and this says by how much.
    tick.start();
    heartbeat.start();
    QTimer::singleShot(5000, &application, &QApplication::quit);
    QApplication::exec();
    const qint64 idleGap = worstGap;
    worstGap = 0;
    std::printf("GUI thread's longest stall over 5 s with no export running: %lld ms\n", static_cast<long long>(idleGap));

    clock.restart();
    tick.restart();
    const auto format = out.endsWith(QStringLiteral(".xlsx")) ? services::ListFileFormat::Xlsx : services::ListFileFormat::Csv;
    if (!exporter->exportTo(out, format, *profile)) {
        std::fprintf(stderr, "export_gui_bench: could not start\n");
        return 1;
    }
    QApplication::exec();
    const auto elapsed = clock.elapsed();
    heartbeat.stop();
    std::printf("export of %d customers to %s (%s): %lld ms; GUI thread's longest stall: %lld ms\n", rows,
                argv[2], std::string(profile->key).c_str(), static_cast<long long>(elapsed),
                static_cast<long long>(worstGap));
    std::printf("message bar: %s\n", message.toStdString().c_str());
    if (!shots.isEmpty()) {
        window.grab().save(shots + QStringLiteral("-done.png"));
    }
    return ok ? 0 : 1;
}
