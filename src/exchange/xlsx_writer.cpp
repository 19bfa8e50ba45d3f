#include "exchange/xlsx_writer.h"

#include "exchange/atomic_file.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <system_error>

namespace cartera::exchange {

namespace fs = std::filesystem;
using namespace cartera::domain;

namespace {

Error writeError(const fs::path& path, const std::string& what)
{
    return Error{ErrorCode::InvalidInput, "could not write " + path.string() + ": " + what, {}};
}

/// Excel serial day number of a date (1900 date system; 1970-01-01 is 25569).
double excelSerial(const Date& date)
{
    return 25569.0 + static_cast<double>(date.daysSinceEpoch());
}

/// "#,##0.00" for two decimals, "#,##0" for none.
std::string moneyFormat(int decimals)
{
    return decimals > 0 ? "#,##0." + std::string(static_cast<std::size_t>(decimals), '0') : "#,##0";
}

/// Sheet names: at most 31 characters, none of []:*?/\ .
std::string validSheetName(const std::string& sheetName)
{
    std::string name = sheetName.empty() ? std::string("Sheet1") : sheetName.substr(0, 31);
    std::replace_if(name.begin(), name.end(), [](char c) { return std::string_view("[]:*?/\\").find(c) != std::string_view::npos; }, '_');
    return name;
}

} // namespace

struct XlsxWriter::State {
    fs::path target;
    fs::path temporary;
    lxw_workbook* workbook = nullptr;
    lxw_worksheet* sheet = nullptr;
    lxw_format* header = nullptr;
    lxw_format* date = nullptr;
    std::vector<lxw_format*> moneyByDecimals;  // index = decimals
    std::vector<lxw_format*> decimalByDigits;
    std::size_t columns = 0;
    std::int64_t rows = 0;  // data rows written
    std::vector<double> widths;

    lxw_format* numberFormat(std::vector<lxw_format*>& cache, int digits, const std::string& pattern)
    {
        const auto index = static_cast<std::size_t>(std::clamp(digits, 0, 9));
        if (cache.size() <= index) {
            cache.resize(index + 1, nullptr);
        }
        if (!cache[index]) {
            cache[index] = workbook_add_format(workbook);
            format_set_num_format(cache[index], pattern.c_str());
        }
        return cache[index];
    }

    void discard()
    {
        if (workbook) {
            // Frees without writing the package (closing would zip every row first).
            lxw_workbook_free(workbook);
            workbook = nullptr;
        }
        std::error_code ignored;
        fs::remove(temporary, ignored);
    }
};

XlsxWriter::XlsxWriter(std::unique_ptr<State> state) : m_state(std::move(state)) {}

XlsxWriter::~XlsxWriter()
{
    if (m_state && m_state->workbook) {
        m_state->discard();
    }
}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::create(const fs::path& path, const std::string& sheetName,
                                                       const std::vector<std::string>& columns)
{
    auto temporary = createTemporaryBeside(path);
    if (!temporary) {
        return temporary.error();
    }
    auto state = std::make_unique<State>();
    state->target = path;
    state->temporary = temporary.value();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    const auto folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    const auto tmpdir = folder.string();
    options.tmpdir = const_cast<char*>(tmpdir.c_str());  // copied by libxlsxwriter
    state->workbook = workbook_new_opt(state->temporary.c_str(), &options);
    if (!state->workbook) {
        state->discard();
        return writeError(path, "the folder is missing or not writable");
    }
    state->sheet = workbook_add_worksheet(state->workbook, validSheetName(sheetName).c_str());
    state->header = workbook_add_format(state->workbook);
    format_set_bold(state->header);
    format_set_bottom(state->header, LXW_BORDER_THIN);
    state->date = workbook_add_format(state->workbook);
    format_set_num_format(state->date, "yyyy-mm-dd");
    state->columns = columns.size();
    state->widths.assign(columns.size(), 8.0);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        worksheet_write_string(state->sheet, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), state->header);
        state->widths[c] = std::max(state->widths[c], static_cast<double>(columns[c].size()) + 2);
    }
    worksheet_freeze_panes(state->sheet, 1, 0);
    return std::unique_ptr<XlsxWriter>(new XlsxWriter(std::move(state)));
}

Status XlsxWriter::addRow(const std::vector<Cell>& cells)
{
    auto& s = *m_state;
    if (s.rows >= kMaxDataRows) {
        return Error{ErrorCode::InvalidInput,
                     "an Excel sheet holds at most 1,048,575 rows under its header; export to CSV instead", {}};
    }
    const auto row = static_cast<lxw_row_t>(s.rows + 1);
    const auto count = std::min(cells.size(), s.columns);
    for (std::size_t c = 0; c < count; ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const auto& cell = cells[c];
        double width = 0;
        if (const auto* text = std::get_if<std::string>(&cell)) {
            // A string cell: Excel shows "=1+1" as text, it never evaluates it.
            worksheet_write_string(s.sheet, row, col, text->c_str(), nullptr);
            width = static_cast<double>(text->size());
        } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
            worksheet_write_number(s.sheet, row, col, static_cast<double>(*number), nullptr);
            width = 10;
        } else if (const auto* money = std::get_if<Money>(&cell)) {
            const int decimals = money->currency.minorDigits();
            double scale = 1;
            for (int i = 0; i < decimals; ++i) {
                scale *= 10;
            }
            worksheet_write_number(s.sheet, row, col, static_cast<double>(money->minor) / scale,
                                   s.numberFormat(s.moneyByDecimals, decimals, moneyFormat(decimals)));
            width = 14;
        } else if (const auto* date = std::get_if<Date>(&cell)) {
            worksheet_write_number(s.sheet, row, col, excelSerial(*date), s.date);
            width = 11;
        } else if (const auto* decimal = std::get_if<Decimal>(&cell)) {
            double scale = 1;
            for (int i = 0; i < decimal->digits; ++i) {
                scale *= 10;
            }
            const std::string pattern = decimal->digits > 0 ? "0." + std::string(static_cast<std::size_t>(decimal->digits), '0') : "0";
            worksheet_write_number(s.sheet, row, col, static_cast<double>(decimal->scaled) / scale,
                                   s.numberFormat(s.decimalByDigits, decimal->digits, pattern));
            width = 10;
        }
        s.widths[c] = std::max(s.widths[c], std::min(width + 1, 60.0));
    }
    ++s.rows;
    return Done{};
}

Status XlsxWriter::finish()
{
    auto& s = *m_state;
    if (!s.workbook) {
        return writeError(s.target, "the file was already finished");
    }
    if (s.columns > 0) {
        worksheet_autofilter(s.sheet, 0, 0, static_cast<lxw_row_t>(s.rows), static_cast<lxw_col_t>(s.columns - 1));
    }
    // Column widths from the first rows' contents (set before close: constant-memory mode keeps
    // column settings, only rows are streamed).
    for (std::size_t c = 0; c < s.columns; ++c) {
        worksheet_set_column(s.sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), s.widths[c], nullptr);
    }
    const lxw_error closed = workbook_close(s.workbook);
    s.workbook = nullptr;
    if (closed != LXW_NO_ERROR) {
        s.discard();
        return writeError(s.target, lxw_strerror(closed));
    }
    return replaceWithTemporary(s.temporary, s.target);
}

Status XlsxWriter::addTextSheet(const std::string& sheetName, const std::vector<std::vector<std::string>>& rows)
{
    auto& s = *m_state;
    if (!s.workbook) {
        return writeError(s.target, "the file was already finished");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(s.workbook, validSheetName(sheetName).c_str());
    if (!sheet) {
        return writeError(s.target, "a sheet named '" + sheetName + "' could not be added");
    }
    std::vector<double> widths;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            // Text cells, never formulas, whatever they start with (a rule may read "=5").
            worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), rows[r][c].c_str(),
                                   c == 0 ? s.header : nullptr);
            widths.resize(std::max(widths.size(), c + 1), 8.0);
            widths[c] = std::max(widths[c], std::min(static_cast<double>(rows[r][c].size()) + 2, 80.0));
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    return Done{};
}

Status writeXlsx(const ReportTable& table, const fs::path& path, const std::string& sheetName)
{
    auto writer = XlsxWriter::create(path, sheetName, table.columns());
    if (!writer) {
        return writer.error();
    }
    for (const auto& row : table.rows()) {
        if (auto added = writer.value()->addRow(row); !added) {
            return added.error();
        }
    }
    return writer.value()->finish();
}

} // namespace cartera::exchange
