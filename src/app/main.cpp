// cartera: the desktop application. Options:
//   --db FILE          open this portfolio (default: the last one, or the user's default file,
//                      created with a demo portfolio on first start)
//   --view NAME        start on a view (customers, activities, claims, ...)
//   --select CODE      select a customer by code
//   --screenshot PNG   render the window to PNG and quit (works with QT_QPA_PLATFORM=offscreen)

#include "app/app_paths.h"
#include "app/main_window.h"
#include "services/demo_portfolio.h"
#include "services/portfolio.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {

using namespace cartera;

int fail(const QString& message, bool interactive)
{
    std::fprintf(stderr, "cartera: %s\n", qPrintable(message));
    if (interactive) {
        QMessageBox::critical(nullptr, QObject::tr("Cartera"), message);
    }
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Cartera"));
    QApplication::setOrganizationName(QStringLiteral("Cartera"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Cartera customer portfolio manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QObject::tr("Open the portfolio FILE."), QStringLiteral("FILE"));
    const QCommandLineOption viewOption(QStringLiteral("view"), QObject::tr("Start on the view NAME (customers, activities, claims, ...)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption selectOption(QStringLiteral("select"), QObject::tr("Select the customer with code CODE."),
                                          QStringLiteral("CODE"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QObject::tr("Save the window as a PNG image and quit."),
                                              QStringLiteral("PNG"));
    parser.addOptions({dbOption, viewOption, selectOption, screenshotOption});
    parser.process(application);
    const bool interactive = !parser.isSet(screenshotOption);

    QSettings settings;
    QString path = parser.value(dbOption);
    if (path.isEmpty()) {
        path = settings.value(QStringLiteral("database/last")).toString();
        if (path.isEmpty() || !QFileInfo::exists(path)) {
            path = app::defaultDatabasePath();
        }
    }
    // First start: the default portfolio does not exist yet, so a new user meets a demo.
    if (!QFileInfo::exists(path) && path == app::defaultDatabasePath()) {
        services::DemoOptions demo;
        demo.customers = 2000;
        auto created = services::createDemoPortfolioFile(path.toStdString(), demo, false);
        if (!created) {
            return fail(QObject::tr("Cannot create the demo portfolio: %1")
                            .arg(QString::fromStdString(created.error().describe())),
                        interactive);
        }
    }

    auto opened = services::Portfolio::open(path.toStdString(), storage::OpenMode::ReadWrite);
    if (!opened) {
        return fail(QString::fromStdString(opened.error().describe()), interactive);
    }
    settings.setValue(QStringLiteral("database/last"), path);
    app::rememberRecentDatabase(path);

    app::MainWindow window(std::move(opened.value()));
    if (parser.isSet(selectOption) && !window.selectCustomer(parser.value(selectOption))) {
        return fail(QObject::tr("There is no customer with the code '%1'.").arg(parser.value(selectOption)), interactive);
    }
    if (parser.isSet(viewOption) && !window.showView(parser.value(viewOption))) {
        return fail(QObject::tr("There is no view named '%1'. Views: %2.")
                        .arg(parser.value(viewOption), window.viewNames().join(QStringLiteral(", "))),
                    interactive);
    }
    window.resize(1400, 820);
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString target = parser.value(screenshotOption);
        QTimer::singleShot(300, &window, [&window, target] {
            if (!window.grab().save(target)) {
                std::fprintf(stderr, "cartera: cannot write %s\n", qPrintable(target));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
    }
    return QApplication::exec();
}
