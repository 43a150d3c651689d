#pragma once
// Lifecycle criteria as an SQL condition that is true or false, never unknown: the criteria
// language's two-valued rules (exports/row_criterion.hpp) kept in SQL's three-valued logic.

#include "audit/sql_dialect.hpp"

#include "alignkit/exports/row_criterion.hpp"
#include "alignkit/model/criteria.hpp"

#include <string>
#include <vector>

namespace alignkit {

// A field's cell as criteria read it, as SQL: its value of its type, NULL when empty, a
// placeholder or unreadable. `text` is the cell's text (never NULL) as the query names it.
std::string sql_cell_value(const CellReading& reading, const std::string& text, const SqlSpelling& sql);

// A field criteria may use, and the name of its value (sql_cell_value) in the query.
struct SqlCell {
    const CellReading* reading = nullptr;
    std::string value;
};

// The condition; a field not among `cells` is never set.
std::string criteria_sql(const criteria::Expr& expr, const std::vector<SqlCell>& cells, const SqlSpelling& sql);

} // namespace alignkit
