#pragma once
// How each engine spells what the audit's query needs: quoted names and texts, casts, regular
// expressions, time zones, nearest-rank percentiles. Everything engine-specific in the query is
// asked of this, so the compiler (audit_sql.cpp) writes one query for all of them.

#include "alignkit/audit/audit_sql.hpp"

#include <string>
#include <string_view>

namespace alignkit {

class SqlSpelling {
  public:
    explicit SqlSpelling(SqlDialect dialect) : m_dialect(dialect) {}
    SqlDialect dialect() const { return m_dialect; }

    // A name quoted as the engine quotes identifiers, whatever it holds.
    std::string name(std::string_view identifier) const;
    // A table as written on the command line (`crm.leads`): each dot-separated part quoted.
    std::string table(std::string_view dotted) const;
    // A text constant, escaped as the engine's string literals need (quotes, backslashes,
    // line breaks), so no config can end it early.
    std::string text(std::string_view value) const;
    std::string cast_text(const std::string& expr) const;   // any value as text
    std::string cast_double(const std::string& expr) const; // text known to be a number
    std::string cast_date(const std::string& expr) const;   // text known to be YYYY-MM-DD
    std::string date(std::string_view iso) const;           // a date constant
    // Whether text matches a regular expression as a whole. Patterns here use no backslash.
    std::string matches(const std::string& expr, std::string_view pattern) const;
    std::string contains(const std::string& haystack, const std::string& needle) const;
    std::string lower(const std::string& expr) const { return "LOWER(" + expr + ")"; }
    // Text without its leading spaces (U+0020 only).
    std::string trim_leading_spaces(const std::string& expr) const;
    // A time written in ISO 8601 (already checked to be one) as Unix seconds: with its own
    // offset when it has one, else as a wall-clock reading in `zone`.
    std::string epoch_of(const std::string& text_expr, const std::string& zone) const;
    // Unix seconds as the wall-clock seconds of `zone` (seconds since 1970-01-01 there).
    std::string local_seconds(const std::string& epoch, const std::string& zone) const;
    // Wall-clock seconds as a month number: year * 12 + month - 1.
    std::string month_number(const std::string& local) const;
    // The floor of a number of seconds divided by a day, as an integer.
    std::string days(const std::string& seconds) const;
    // An aggregate: the value at rank `percent` (nearest rank) of `expr`'s non-null values, or
    // with `linear` the interpolation pandas' quantile and percentile_cont make.
    std::string percentile(int percent, const std::string& expr, bool linear) const;
    std::string count_if(const std::string& condition) const;
    std::string integer(const std::string& expr) const;
    // "MATERIALIZED " where a CTE can be asked to keep its rows rather than be inlined.
    std::string materialized() const;
    // Statements to run before the query (session settings the query relies on), each ending
    // in ";\n"; empty for most engines.
    std::string preamble() const;

  private:
    SqlDialect m_dialect;
};

} // namespace alignkit
