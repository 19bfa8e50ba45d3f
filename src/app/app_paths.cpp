#include "app/app_paths.h"

#include <QDir>
#include <QStandardPaths>

namespace cartera::app {

QString defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("portfolio.cartera"));
}

} // namespace cartera::app
