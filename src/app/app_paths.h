#pragma once

#include <QString>

namespace cartera::app {

/// Where the portfolio lives when the user has not chosen a file: the user's data folder
/// (~/.local/share/Cartera/portfolio.cartera on Linux).
QString defaultDatabasePath();

} // namespace cartera::app
