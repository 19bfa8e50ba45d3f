#include "cli/abc_options.h"

#include "services/portfolio.h"

namespace cartera::cli {

using namespace cartera::domain;

namespace {

/// One row per customer: the classified ones by rank, then those listed apart (no rank, share or
/// class). only: a class letter or "apart" to keep those rows alone; empty for all.
exchange::ReportTable customerTable(const services::AbcRun& run, const CurrencyCode& currency, const std::string& only)
{
    const auto& result = run.result;
    const AbcCriterion criterion = run.request.criterion;
    exchange::ReportTable table({"rank", "code", "name", "value", "share", "cumulative_share", "class"});
    if (only != "apart") {
        for (const auto& entry : result.entries) {
            const std::string_view code = kAbcClassCodes.code(entry.abcClass);
            if (!only.empty() && only != code) {
                continue;
            }
            table.addRow({entry.rank, entry.code, entry.name, valueCell(criterion, entry.value, currency),
                          percentCell(entry.value, result.total), percentCell(entry.cumulativeValue, result.total),
                          std::string(code)});
        }
    }
    if (only.empty() || only == "apart") {
        for (const auto& input : result.apart) {
            table.addRow({std::monostate{}, input.code, input.name, valueCell(criterion, input.value, currency),
                          std::monostate{}, std::monostate{}, std::monostate{}});
        }
    }
    return table;
}

/// One row per class, then all classified customers together, then those listed apart.
exchange::ReportTable summaryTable(const services::AbcRun& run, const CurrencyCode& currency)
{
    const auto& result = run.result;
    const AbcCriterion criterion = run.request.criterion;
    const auto classified = static_cast<std::int64_t>(result.entries.size());
    exchange::ReportTable table({"class", "threshold", "customers", "customers_share", "value", "value_share"});
    for (const auto& summary : result.summary) {
        table.addRow({std::string(kAbcClassCodes.code(summary.abcClass)),
                      exchange::Decimal{summary.thresholdBasisPoints, 2}, summary.customers,
                      percentCell(summary.customers, classified), valueCell(criterion, summary.value, currency),
                      percentCell(summary.value, result.total)});
    }
    table.addRow({std::string("total"), exchange::Decimal{AbcThresholds::kWhole, 2}, classified,
                  percentCell(classified, classified), valueCell(criterion, result.total, currency),
                  percentCell(result.total, result.total)});
    table.addRow({std::string("apart"), std::monostate{}, static_cast<std::int64_t>(result.apart.size()),
                  std::monostate{}, valueCell(criterion, result.apartValue(), currency), std::monostate{}});
    return table;
}

} // namespace

void addAbcCommand(CLI::App& app)
{
    struct Options {
        AbcRunOptions run;
        bool summary = false;
        std::string only;
        ReportOutput output;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "abc", "ABC (Pareto) classification of customers by revenue, margin or orders over a period");
    o->run.addOptions(*command);
    auto* summary = command->add_flag("--summary", o->summary, "One row per class instead of one per customer");
    command->add_option("--class", o->only, "Only the customers of this class, or those listed apart")
        ->check(CLI::IsMember({"A", "B", "C", "D", "apart"}))
        ->excludes(summary);
    o->output.addOptions(*command);
    command->callback([o] {
        auto portfolio = openPortfolio(o->run.db, storage::OpenMode::ReadWrite);
        services::AbcRequest request = o->run.request(*portfolio);
        request.withNames = !o->summary;
        const auto run = take(services::AbcService(*portfolio).run(request));
        const auto currency = portfolio->settings().currency();
        o->output.write(o->summary ? summaryTable(run, currency) : customerTable(run, currency, o->only));
    });
}

} // namespace cartera::cli
