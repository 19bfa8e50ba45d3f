#pragma once

#include "domain/error.h"
#include "domain/money.h"
#include "services/abc_service.h"

#include <filesystem>
#include <optional>

namespace cartera::services {

/// The file formats a list can be exported to.
enum class ListFileFormat {
    Csv,   ///< UTF-8 with a byte order mark, formula-safe (exchange::CsvWriter)
    Xlsx,  ///< one sheet with a frozen, filterable header (exchange::XlsxWriter)
};

/// Which rows of a run to export: every classified customer, one class, or those listed apart.
struct AbcListPart final {
    std::optional<domain::AbcClass> abcClass;
    bool apart = false;
};

/// Writes the classified list of run with the columns of `cartera-cli abc` (rank, code, name,
/// value, share, cumulative_share, class; shares in % with four decimals)
/// to path, streaming the rows: 1,000,000 customers need no more memory than the run itself. The
/// file appears complete or not at all. currency is the portfolio's, for money criteria.
domain::Status exportAbcList(const AbcRun& run, const AbcListPart& part, const domain::CurrencyCode& currency,
                             const std::filesystem::path& path, ListFileFormat format);

/// The format a file name asks for (.csv or .xlsx, any case); nullopt for anything else.
std::optional<ListFileFormat> listFileFormatFor(const std::filesystem::path& path);

} // namespace cartera::services
