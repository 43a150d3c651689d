#pragma once
// `sla audit` where the records live: the audit compiled to one SQL query per engine, and the
// report made from what the engine returns. The query reads a table or view with the export's
// columns and returns the audit's counts as a table of eight columns (section, item,
// breakdown, grp, v1..v4); `SlaAuditor::finish_from` reads that table back into the same
// AuditResult the CSV path makes, so every report format renders it unchanged.
//
// The query repeats the row loop's rules (sla_audit.hpp) in SQL: a cell is text and empty is
// unset, times are read as ISO 8601 (naive ones in the audit's zone), criteria hold or not
// (never unknown), percentiles by nearest rank. What it cannot say is where a bad row is: a
// table has no line numbers, so bad rows are counted without their lines.

#include "alignkit/model/enums.hpp"

#include <array>
#include <string>
#include <string_view>

namespace alignkit {

enum class SqlDialect { postgres, duckdb, bigquery, snowflake, spark };
template <> struct EnumNames<SqlDialect> {
    static constexpr std::array<std::string_view, 5> names{"postgres", "duckdb", "bigquery", "snowflake", "spark"};
};

// The result table's columns, in order: what `--result FILE` must hold (with this header).
inline constexpr std::array<std::string_view, 8> k_audit_sql_columns{"section", "item", "breakdown", "grp",
                                                                     "v1",      "v2",   "v3",        "v4"};

// A table as written on the command line (`crm.leads`), quoted for the dialect part by part.
std::string sql_table_name(SqlDialect dialect, std::string_view dotted);
// Whether such a name names a table: no part of it is empty (`a..b`, `.leads`, `crm.`).
bool is_table_name(std::string_view dotted);

} // namespace alignkit
