#pragma once
// How each engine spells what the audit's query needs: quoted names and texts, casts, regular
// expressions, time zones, nearest-rank percentiles. Everything engine-specific in the query is
// asked of this, so the compiler (audit_sql.cpp) writes one query for all of them.

#include "alignkit/audit/audit_sql.hpp"

#include <string>
#include <string_view>

namespace alignkit {

// What the audit reads, as whole-text patterns (no backslashes, for every engine's regular
// expressions), strict enough that a cast of what matches cannot fail in an engine without
// TRY_CAST (PostgreSQL): months 01-12, days that a month has (29 February: sql_leap_day_ok),
// hours, minutes, offsets in range.
// A calendar date, of any year but 0000.
inline constexpr std::string_view k_sql_date =
    "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-"
    "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|"
    "30)|02-(0[1-9]|1[0-9]|2[0-9]))";
// The ISO 8601 times read_timestamp reads (util/timestamp.hpp): years 1900-2199, seconds up to 60,
// a fraction after a point or a comma.
inline constexpr std::string_view k_sql_time =
    "(19[0-9]{2}|2[01][0-9]{2})-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0["
    "1-9]|1[0-9]|2[0-9]))([ T]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)([.,][0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3])(:?"
    "[0-5][0-9])?)?)?";
// What std::from_chars reads as a finite double: at most 200 digits on a side, a two-digit exponent.
inline constexpr std::string_view k_sql_number =
    "-?([0-9]{1,200}([.][0-9]{0,200})?|[.][0-9]{1,200})([eE][-+]?[0-9]{1,2})?";

// Why a query cannot be compiled when a text it would hold (a criterion's value, a column's
// name, a stage's id) has a NUL character: no engine's text or name can hold one.
inline constexpr std::string_view k_sql_nul_error =
    "a text of the configs or a column's name holds a NUL character, which SQL cannot hold: remove it";

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
    // ASCII letters in lower case, and nothing else: as the CSV audit ignores case.
    std::string lower(const std::string& expr) const;
    // Text that matched k_sql_date or k_sql_time at its start, unless it is 29 February of a
    // year that is not a leap year.
    std::string leap_day_ok(const std::string& expr) const;
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
