// The lifecycle as a view (stage_view_sql.hpp): each stage's entry criteria compiled as the
// audit compiles them (criteria_sql.hpp), tried from the last stage back, so the first that
// holds is the furthest, as LeadClassifier::classify keeps the last stage that holds.

#include "alignkit/audit/stage_view_sql.hpp"

#include "audit/criteria_sql.hpp"
#include "audit/sql_dialect.hpp"
#include "exports/column_finder.hpp"

#include "alignkit/model/criteria.hpp"

#include <fmt/format.h>
#include <set>

namespace alignkit {

std::string default_stage_view(std::string_view table) { return std::string(table) + "_stages"; }

std::optional<std::string> stage_view_sql(const LeadDefinitions& defs, const std::vector<std::string>& header,
                                          const ExportReading& reading, SqlDialect dialect, std::string_view table,
                                          std::string_view view, std::string& error)
{
    if (reading.time_format) {
        error = "--time-format is not compiled to SQL: the view reads ISO 8601 dates";
        return std::nullopt;
    }
    if (auto why = already_classified(header)) {
        error = *why;
        return std::nullopt;
    }
    std::vector<std::string> columns = header;
    if (columns.empty()) {
        // No table to look at: the columns the definitions declare, as the audit's query assumes.
        const std::vector<std::string> none;
        ColumnFinder declared(defs, none, reading);
        for (const auto& field : defs.fields) {
            columns.push_back(declared.wanted(field.name.value));
        }
    }
    std::vector<criteria::ExprPtr> entries;
    std::set<std::string, std::less<>> used;
    for (const auto& stage : defs.stages) {
        criteria::Problem problem;
        entries.push_back(criteria::parse(stage.entry.text.value, problem));
        if (entries.back()) {
            used.merge(criteria::fields_used(*entries.back()));
        }
    }
    const SqlSpelling sql(dialect);
    ColumnFinder finder(defs, columns, reading);
    std::vector<CellReading> readings;
    std::vector<std::string> missing;
    for (const auto& field : defs.fields) {
        const auto& name = field.name.value;
        if (!used.contains(name)) {
            continue;
        }
        if (const auto column = finder.find(name)) {
            readings.push_back({name, *column, field.type, field.missing, field.ignore_case});
        } else {
            missing.push_back(fmt::format("'{}' (column '{}')", name, finder.wanted(name)));
        }
    }
    if (!missing.empty()) {
        error =
            fmt::format("the table has no column for {}; map it with --columns FIELD=HEADER", fmt::join(missing, ", "));
        return std::nullopt;
    }
    // A cell as the export would hold it: text, empty when unset.
    std::vector<std::string> values;
    std::vector<SqlCell> cells;
    values.reserve(readings.size());
    for (const auto& r : readings) {
        const auto text = fmt::format("COALESCE({}, '')", sql.cast_text("src." + sql.name(columns[r.column])));
        values.push_back(sql_cell_value(r, text, sql));
    }
    for (std::size_t i = 0; i < readings.size(); ++i) {
        cells.push_back({&readings[i], "(" + values[i] + ")"});
    }
    // The stage first, then its rule by the stage: each criterion is evaluated once.
    std::vector<std::string> stage_cases, rule_cases;
    for (std::size_t i = defs.stages.size(); i-- > 0;) {
        if (!entries[i]) {
            continue; // criteria that do not parse hold for no lead (validate reports them)
        }
        const auto id = sql.text(defs.stages[i].id.value);
        stage_cases.push_back(fmt::format("WHEN {} THEN {}", criteria_sql(*entries[i], cells, sql), id));
        rule_cases.push_back(fmt::format("WHEN {} THEN {}", id, sql.text(criteria::to_string(*entries[i]))));
    }
    auto column = [&](const std::vector<std::string>& cases, std::string_view subject, std::string_view name) {
        return cases.empty() ? fmt::format("{} AS {}", sql.cast_text("NULL"), name)
                             : fmt::format("CASE{}\n    {}\n  END AS {}", subject, fmt::join(cases, "\n    "), name);
    };
    auto statement =
        fmt::format("-- alignkit leads classify, compiled for {}: each lead's lifecycle stage\n"
                    "CREATE OR REPLACE VIEW {} AS\nSELECT\n  staged.*,\n  {}\nFROM (\nSELECT\n  src.*,\n  {}\nFROM {} "
                    "AS src\n) AS staged;\n",
                    to_string(dialect), sql.table(view),
                    column(rule_cases, fmt::format(" staged.{}", k_stage_column), k_rule_column),
                    column(stage_cases, "", k_stage_column), sql.table(table));
    if (statement.find('\0') != std::string::npos) {
        error = k_sql_nul_error;
        return std::nullopt;
    }
    return statement;
}

} // namespace alignkit
