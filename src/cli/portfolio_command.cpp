#include "cli/period_options.h"

#include "services/portfolio_analysis_service.h"
#include "services/portfolio_report.h"

#include <vector>

namespace cartera::cli {

using namespace cartera::domain;

namespace {

std::vector<std::string> codesOf(const auto& codes)
{
    std::vector<std::string> result;
    for (const auto& [value, code] : codes.entries) {
        result.emplace_back(code);
    }
    return result;
}

std::string joined(const std::vector<std::string>& keys)
{
    std::string text;
    for (const auto& key : keys) {
        text += (text.empty() ? "" : ", ") + key;
    }
    return text;
}

std::vector<std::string> rowKeys(const services::PortfolioAnalysis& analysis)
{
    std::vector<std::string> keys;
    for (int r = 0; r < analysis.breakdown.rowCount(); ++r) {
        keys.push_back(analysis.rowKey(r));
    }
    return keys;
}

std::vector<std::string> columnKeys(const services::PortfolioAnalysis& analysis)
{
    std::vector<std::string> keys;
    for (int c = 0; c < analysis.breakdown.columnCount(); ++c) {
        keys.push_back(analysis.columnKey(c));
    }
    return keys;
}

/// The cell "ROW" or "ROW,COLUMN" names. Values may hold commas (an industry, a category), so
/// every comma is tried as the separator; the whole text as a row comes first.
PortfolioCellRef cellNamed(const services::PortfolioAnalysis& analysis, const std::string& text)
{
    const auto& data = *analysis.data;
    const auto& breakdown = analysis.breakdown;
    if (const auto whole = findCell(data, breakdown, text)) {
        return *whole;
    }
    if (breakdown.layout.columns) {
        for (auto comma = text.find(','); comma != std::string::npos; comma = text.find(',', comma + 1)) {
            const auto row = text.substr(0, comma);
            const auto column = text.substr(comma + 1);
            if (row.empty() || column.empty()) {
                continue;
            }
            if (const auto cell = findCell(data, breakdown, row, column)) {
                return *cell;
            }
        }
    }
    std::string message = "--customers-of: no cell '" + text + "' in the breakdown; the rows are " +
                          joined(rowKeys(analysis));
    if (breakdown.layout.columns) {
        message += ", the columns " + joined(columnKeys(analysis)) + " (give ROW or ROW,COLUMN)";
    }
    throw CommandError(kExitBadInput, message);
}

} // namespace

void addPortfolioCommand(CLI::App& app)
{
    struct Options {
        std::string db;
        std::string rows;
        std::string columns;
        std::string measure = "revenue";
        PeriodOptions period;
        bool includeArchived = false;
        bool cells = false;
        bool retention = false;
        std::string customersOf;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "portfolio", "Revenue, margin, customers, growth and customer lifetime value by one or two dimensions");
    command->add_option("--db", o->db, "The portfolio database file")->required();
    const auto dimensions = codesOf(kPortfolioDimensionCodes);
    command->add_option("--rows", o->rows, "The dimension of the rows")->required()->check(CLI::IsMember(dimensions));
    auto* columns = command->add_option("--columns", o->columns, "The dimension of the columns (a cross table)")
                        ->check(CLI::IsMember(dimensions));
    command->add_option("--measure", o->measure, "What the cross table shows")
        ->check(CLI::IsMember(codesOf(kPortfolioMeasureCodes)))
        ->capture_default_str();
    o->period.addOptions(*command);
    command->add_flag("--include-archived", o->includeArchived, "Count archived accounts too");
    auto* cells = command->add_flag("--cells", o->cells, "One row per cell with every measure instead of a cross table")
                      ->needs(columns);
    auto* customersOf =
        command
            ->add_option("--customers-of", o->customersOf,
                         "List the customers behind a cell instead: \"ROW\" or \"ROW,COLUMN\" as the breakdown names them")
            ->excludes(cells);
    command
        ->add_flag("--retention", o->retention,
                   "Show the retention behind CLV instead: churn over the last two 12-month windows and the expected "
                   "lifetime")
        ->excludes(cells)
        ->excludes(customersOf);
    o->output.addOptions(*command);
    command->callback([o] {
        services::PortfolioRequest request;
        request.layout.rows = *kPortfolioDimensionCodes.parse(o->rows);
        if (!o->columns.empty()) {
            request.layout.columns = kPortfolioDimensionCodes.parse(o->columns);
            if (request.layout.columns == request.layout.rows) {
                throw CommandError(kExitUsage, "--columns: the columns must be another dimension than the rows (" +
                                                   o->rows + ")");
            }
        }
        request.period = o->period.period();
        request.includeArchived = o->includeArchived;
        const auto measure = kPortfolioMeasureCodes.parse(o->measure).value_or(PortfolioMeasure::Revenue);

        auto portfolio = openPortfolio(o->db, storage::OpenMode::ReadWrite);
        const auto currency = portfolio->settings().currency();
        services::PortfolioAnalysisService service(*portfolio);
        const auto analysis = take(service.analyse(request));
        if (o->retention) {
            o->output.write(services::portfolioRetentionTable(analysis));
            return;
        }
        if (!o->customersOf.empty()) {
            const auto cell = cellNamed(analysis, o->customersOf);
            o->output.write(services::portfolioCustomerTable(take(service.customers(analysis, cell)), currency));
            return;
        }
        o->output.write(o->cells ? services::portfolioCellList(analysis, currency)
                                 : services::portfolioTable(analysis, measure, currency));
    });
}

} // namespace cartera::cli
