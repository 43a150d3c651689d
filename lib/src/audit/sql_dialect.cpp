#include "audit/sql_dialect.hpp"

#include "util/escape.hpp"

#include <fmt/format.h>

namespace alignkit {
namespace {

// Of the times k_sql_time matches, those that carry their own offset: past the date, only an
// offset has a Z, a plus or a minus. Three LIKEs cost a fraction of a second regular expression
// (a time column of 10M rows: about a second less in DuckDB).
std::string has_offset(const std::string& time)
{
    return fmt::format("(SUBSTR({0}, 11) LIKE '%Z%' OR SUBSTR({0}, 11) LIKE '%+%' OR SUBSTR({0}, 11) LIKE '%-%')",
                       time);
}

std::string doubled(std::string_view value, char quote)
{
    std::string out;
    out.reserve(value.size() + 2);
    out += quote;
    for (const char c : value) {
        out += c;
        if (c == quote) {
            out += quote;
        }
    }
    out += quote;
    return out;
}

} // namespace

std::string SqlSpelling::name(std::string_view identifier) const
{
    switch (m_dialect) {
    case SqlDialect::bigquery: {
        // Backticks with backslash escapes inside.
        std::string out = "`";
        for (const char c : identifier) {
            if (c == '`' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        return out + "`";
    }
    case SqlDialect::spark:
        return doubled(identifier, '`');
    default:
        return doubled(identifier, '"');
    }
}

std::string SqlSpelling::table(std::string_view dotted) const
{
    std::string out;
    std::size_t start = 0;
    while (true) {
        const auto dot = dotted.find('.', start);
        out += name(dotted.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) {
            return out;
        }
        out += '.';
        start = dot + 1;
    }
}

std::string sql_table_name(SqlDialect dialect, std::string_view dotted) { return SqlSpelling(dialect).table(dotted); }

bool is_table_name(std::string_view dotted)
{
    return !dotted.empty() && !dotted.starts_with('.') && !dotted.ends_with('.') &&
           dotted.find("..") == std::string_view::npos;
}

std::string SqlSpelling::text(std::string_view value) const
{
    switch (m_dialect) {
    case SqlDialect::bigquery:
    case SqlDialect::snowflake:
    case SqlDialect::spark:
        // Their string literals read backslashes.
        return backslash_quoted(value, '\'');
    default:
        // Standard SQL strings: only the quote is special (PostgreSQL with
        // standard_conforming_strings, on by default since 9.1; DuckDB).
        return doubled(value, '\'');
    }
}

std::string SqlSpelling::cast_text(const std::string& expr) const
{
    switch (m_dialect) {
    case SqlDialect::postgres:
        return "CAST(" + expr + " AS TEXT)";
    case SqlDialect::bigquery:
    case SqlDialect::spark:
        return "CAST(" + expr + " AS STRING)";
    default:
        return "CAST(" + expr + " AS VARCHAR)";
    }
}

std::string SqlSpelling::cast_double(const std::string& expr) const
{
    switch (m_dialect) {
    case SqlDialect::postgres:
        return "CAST(" + expr + " AS DOUBLE PRECISION)";
    case SqlDialect::bigquery:
        return "CAST(" + expr + " AS FLOAT64)";
    default:
        return "CAST(" + expr + " AS DOUBLE)";
    }
}

std::string SqlSpelling::cast_date(const std::string& expr) const
{
    switch (m_dialect) {
    case SqlDialect::postgres:
        return "CAST(" + expr + " AS DATE)"; // the pattern checked it; 02-30 still fails here
    case SqlDialect::bigquery:
        return "SAFE_CAST(" + expr + " AS DATE)";
    case SqlDialect::snowflake:
        return "TRY_TO_DATE(" + expr + ")";
    default:
        return "TRY_CAST(" + expr + " AS DATE)";
    }
}

std::string SqlSpelling::date(std::string_view iso) const { return "DATE " + text(iso); }

std::string SqlSpelling::matches(const std::string& expr, std::string_view pattern) const
{
    switch (m_dialect) {
    case SqlDialect::postgres:
        return fmt::format("({} ~ {})", expr, text(fmt::format("^({})$", pattern)));
    case SqlDialect::duckdb:
        return fmt::format("regexp_full_match({}, {})", expr, text(pattern));
    case SqlDialect::bigquery:
        return fmt::format("REGEXP_CONTAINS({}, {})", expr, text(fmt::format("^({})$", pattern)));
    case SqlDialect::snowflake:
        return fmt::format("REGEXP_LIKE({}, {})", expr, text(pattern)); // the whole text, as Snowflake matches
    case SqlDialect::spark:
        return fmt::format("({} RLIKE {})", expr, text(fmt::format("^({})$", pattern)));
    }
    return {};
}

std::string SqlSpelling::lower(const std::string& expr) const
{
    return fmt::format("TRANSLATE({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')", expr);
}

std::string SqlSpelling::leap_day_ok(const std::string& expr) const
{
    const auto year = integer(fmt::format("SUBSTR({}, 1, 4)", expr));
    return fmt::format("(SUBSTR({0}, 6, 5) <> '02-29' OR (MOD({1}, 4) = 0 AND (MOD({1}, 100) <> 0 OR MOD({1}, 400) = "
                       "0)))",
                       expr, year);
}

std::string SqlSpelling::contains(const std::string& haystack, const std::string& needle) const
{
    switch (m_dialect) {
    case SqlDialect::snowflake:
        return fmt::format("(POSITION({} IN {}) > 0)", needle, haystack);
    case SqlDialect::spark:
        return fmt::format("(instr({}, {}) > 0)", haystack, needle);
    default:
        return fmt::format("(STRPOS({}, {}) > 0)", haystack, needle);
    }
}

std::string SqlSpelling::trim_leading_spaces(const std::string& expr) const
{
    if (m_dialect == SqlDialect::spark) {
        return "LTRIM(' ', " + expr + ")"; // Spark: the characters first
    }
    return "LTRIM(" + expr + ", ' ')";
}

std::string SqlSpelling::epoch_of(const std::string& cell, const std::string& zone) const
{
    const auto with_offset = has_offset(cell);
    // Engines read a fraction of a second after a point only. A copy of every time costs as
    // much as a regular expression; few times have a comma.
    const auto x = fmt::format("CASE WHEN {0} LIKE '%,%' THEN REPLACE({0}, ',', '.') ELSE {0} END", cell);
    const auto z = text(zone);
    switch (m_dialect) {
    case SqlDialect::postgres:
        return fmt::format("CAST(FLOOR(EXTRACT(EPOCH FROM CASE WHEN {} THEN CAST({} AS TIMESTAMPTZ) ELSE CAST({} AS "
                           "TIMESTAMP) AT TIME ZONE {} END)) AS BIGINT)",
                           with_offset, x, x, z);
    case SqlDialect::duckdb:
        // epoch() on each branch: a CASE of TIMESTAMP and TIMESTAMPTZ would convert through the
        // session's zone.
        if (zone == "UTC") {
            return fmt::format("CAST(FLOOR(CASE WHEN {} THEN epoch(TRY_CAST({} AS TIMESTAMPTZ)) ELSE "
                               "epoch(TRY_CAST({} AS TIMESTAMP)) END) AS BIGINT)",
                               with_offset, x, x);
        }
        return fmt::format("CAST(FLOOR(CASE WHEN {} THEN epoch(TRY_CAST({} AS TIMESTAMPTZ)) ELSE epoch(timezone({}, "
                           "TRY_CAST({} AS TIMESTAMP))) END) AS BIGINT)",
                           with_offset, x, z, x);
    case SqlDialect::bigquery:
        return fmt::format("CASE WHEN {} THEN UNIX_SECONDS(SAFE.TIMESTAMP({})) ELSE UNIX_SECONDS(SAFE.TIMESTAMP({}, "
                           "{})) END",
                           with_offset, x, x, z);
    case SqlDialect::snowflake:
        return fmt::format("CASE WHEN {} THEN DATE_PART(epoch_second, TRY_TO_TIMESTAMP_TZ({})) ELSE "
                           "DATE_PART(epoch_second, CONVERT_TIMEZONE({}, 'UTC', TRY_TO_TIMESTAMP_NTZ({}))) END",
                           with_offset, x, z, x);
    case SqlDialect::spark:
        // The session's zone is UTC (the preamble), so a naive time is read as UTC first.
        return fmt::format("CASE WHEN {} THEN unix_timestamp(try_cast({} AS TIMESTAMP)) ELSE "
                           "unix_timestamp(to_utc_timestamp(try_cast({} AS TIMESTAMP), {})) END",
                           with_offset, x, x, z);
    }
    return {};
}

std::string SqlSpelling::local_seconds(const std::string& e, const std::string& zone) const
{
    const auto z = text(zone);
    switch (m_dialect) {
    case SqlDialect::postgres:
        return fmt::format("CAST(EXTRACT(EPOCH FROM (to_timestamp({}) AT TIME ZONE {})) AS BIGINT)", e, z);
    case SqlDialect::duckdb:
        return fmt::format("CAST(epoch(timezone({}, to_timestamp({}))) AS BIGINT)", z, e);
    case SqlDialect::bigquery:
        return fmt::format("UNIX_SECONDS(TIMESTAMP(DATETIME(TIMESTAMP_SECONDS({}), {})))", e, z);
    case SqlDialect::snowflake:
        return fmt::format("DATE_PART(epoch_second, CONVERT_TIMEZONE('UTC', {}, TO_TIMESTAMP_NTZ({})))", z, e);
    case SqlDialect::spark:
        return fmt::format("unix_timestamp(from_utc_timestamp(timestamp_seconds({}), {}))", e, z);
    }
    return {};
}

std::string SqlSpelling::month_number(const std::string& l) const
{
    std::string t;
    switch (m_dialect) {
    case SqlDialect::postgres:
        t = fmt::format("(to_timestamp({}) AT TIME ZONE 'UTC')", l);
        return fmt::format("CAST(EXTRACT(YEAR FROM {0}) * 12 + EXTRACT(MONTH FROM {0}) - 1 AS BIGINT)", t);
    case SqlDialect::duckdb:
        t = fmt::format("make_timestamp(CAST({} AS BIGINT) * 1000000)", l);
        return fmt::format("(year({0}) * 12 + month({0}) - 1)", t);
    case SqlDialect::bigquery:
        t = fmt::format("TIMESTAMP_SECONDS({})", l);
        return fmt::format("(EXTRACT(YEAR FROM {0}) * 12 + EXTRACT(MONTH FROM {0}) - 1)", t);
    case SqlDialect::snowflake:
        t = fmt::format("TO_TIMESTAMP_NTZ({})", l);
        return fmt::format("(YEAR({0}) * 12 + MONTH({0}) - 1)", t);
    case SqlDialect::spark:
        t = fmt::format("timestamp_seconds({})", l);
        return fmt::format("(year({0}) * 12 + month({0}) - 1)", t);
    }
    return {};
}

std::string SqlSpelling::days(const std::string& seconds) const
{
    return integer(fmt::format("FLOOR({} / 86400.0)", seconds));
}

std::string SqlSpelling::percentile(int percent, const std::string& expr, bool linear) const
{
    const auto fraction = fmt::format("{}.{:02}", percent / 100, percent % 100);
    switch (m_dialect) {
    case SqlDialect::duckdb:
        return fmt::format("{}({}, {})", linear ? "quantile_cont" : "quantile_disc", expr, fraction);
    case SqlDialect::bigquery: {
        // BigQuery's PERCENTILE_DISC is a window function only: the values in order, and the
        // one at the rank.
        const auto sorted = fmt::format("ARRAY_AGG({0} IGNORE NULLS ORDER BY {0})", expr);
        if (!linear) {
            return fmt::format("{}[SAFE_ORDINAL(DIV({} * COUNT({}) + 99, 100))]", sorted, percent, expr);
        }
        const auto scaled = fmt::format("((COUNT({}) - 1) * {})", expr, percent);
        const auto low = fmt::format("{}[SAFE_OFFSET(DIV({}, 100))]", sorted, scaled);
        const auto high = fmt::format("COALESCE({}[SAFE_OFFSET(DIV({}, 100) + 1)], {})", sorted, scaled, low);
        return fmt::format("({0} + ({1} - {0}) * MOD({2}, 100) / 100.0)", low, high, scaled);
    }
    default:
        return fmt::format("{}({}) WITHIN GROUP (ORDER BY {})", linear ? "PERCENTILE_CONT" : "PERCENTILE_DISC",
                           fraction, expr);
    }
}

std::string SqlSpelling::integer(const std::string& expr) const
{
    return "CAST(" + expr + (m_dialect == SqlDialect::bigquery ? " AS INT64)" : " AS BIGINT)");
}

std::string SqlSpelling::count_if(const std::string& condition) const
{
    return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
}

std::string SqlSpelling::materialized() const { return m_dialect == SqlDialect::postgres ? "MATERIALIZED " : ""; }

std::string SqlSpelling::preamble() const
{
    if (m_dialect == SqlDialect::spark) {
        return "SET spark.sql.session.timeZone = UTC;\n";
    }
    return {};
}

} // namespace alignkit
