#pragma once
// `leads classify --sql`: the lifecycle as a view in the warehouse. The view adds to each row
// of a table with the export's columns the stage `leads classify` gives it and the criteria
// that decided it, so the stages the teams agreed on are one definition there too.

#include "alignkit/audit/audit_sql.hpp"
#include "alignkit/exports/export_reading.hpp"
#include "alignkit/exports/lead_classifier.hpp"
#include "alignkit/model/lead_definitions.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// `CREATE OR REPLACE VIEW view AS SELECT src.*, CASE ... END AS alignkit_stage, ... FROM table`
// for `dialect`. Fields are read from the columns of `header` as `reading` says (the table's
// columns; empty: the columns the definitions declare). A lead in no stage has NULL in both.
// The view's two columns are k_stage_column and k_rule_column, as `leads classify` writes them.
// Nullopt with `error` when a field the criteria use has no column, the table has one of the
// view's columns already, a text holds a NUL character (no engine's text can), or `reading`
// asks for what SQL does not read (--time-format).
std::optional<std::string> stage_view_sql(const LeadDefinitions& defs, const std::vector<std::string>& header,
                                          const ExportReading& reading, SqlDialect dialect, std::string_view table,
                                          std::string_view view, std::string& error);

// The view's name when none is given: the table's, ending in `_stages` (crm.leads -> crm.leads_stages).
std::string default_stage_view(std::string_view table);

} // namespace alignkit
