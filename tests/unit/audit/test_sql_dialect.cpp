#include "audit/sql_dialect.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

TEST_CASE("names are quoted as each engine quotes identifiers, whatever they hold")
{
    const std::string hostile = "a\"b`c\\d";
    CHECK(SqlSpelling(SqlDialect::postgres).name(hostile) == "\"a\"\"b`c\\d\"");
    CHECK(SqlSpelling(SqlDialect::duckdb).name(hostile) == "\"a\"\"b`c\\d\"");
    CHECK(SqlSpelling(SqlDialect::snowflake).name(hostile) == "\"a\"\"b`c\\d\"");
    CHECK(SqlSpelling(SqlDialect::bigquery).name(hostile) == "`a\"b\\`c\\\\d`");
    CHECK(SqlSpelling(SqlDialect::spark).name(hostile) == "`a\"b``c\\d`");
}

TEST_CASE("a table is quoted part by part")
{
    CHECK(sql_table_name(SqlDialect::postgres, "crm.leads") == "\"crm\".\"leads\"");
    CHECK(sql_table_name(SqlDialect::bigquery, "project.crm.leads") == "`project`.`crm`.`leads`");
    CHECK(sql_table_name(SqlDialect::duckdb, "leads") == "\"leads\"");
}

TEST_CASE("texts from configs cannot end their literal early")
{
    const std::string hostile = "it's; DROP TABLE leads; -- C:\\temp\\\nnext";
    CHECK(SqlSpelling(SqlDialect::postgres).text(hostile) == "'it''s; DROP TABLE leads; -- C:\\temp\\\nnext'");
    CHECK(SqlSpelling(SqlDialect::duckdb).text(hostile) == "'it''s; DROP TABLE leads; -- C:\\temp\\\nnext'");
    // Engines whose literals read backslashes get them doubled, and line breaks as escapes.
    for (const auto dialect : {SqlDialect::bigquery, SqlDialect::snowflake, SqlDialect::spark}) {
        CHECK(SqlSpelling(dialect).text(hostile) == "'it\\'s; DROP TABLE leads; -- C:\\\\temp\\\\\\nnext'");
    }
    CHECK(SqlSpelling(SqlDialect::spark).text(std::string("a\x01z")) == "'a\\x01z'");
}

TEST_CASE("nearest-rank percentiles with each engine's own function")
{
    CHECK(SqlSpelling(SqlDialect::postgres).percentile(90, "x", false) ==
          "PERCENTILE_DISC(0.90) WITHIN GROUP (ORDER BY x)");
    CHECK(SqlSpelling(SqlDialect::duckdb).percentile(50, "x", false) == "quantile_disc(x, 0.50)");
    CHECK(SqlSpelling(SqlDialect::duckdb).percentile(50, "x", true) == "quantile_cont(x, 0.50)");
    CHECK(SqlSpelling(SqlDialect::snowflake).percentile(50, "x", true) ==
          "PERCENTILE_CONT(0.50) WITHIN GROUP (ORDER BY x)");
    // BigQuery has PERCENTILE_DISC as a window function only: the rank is taken in the sorted values.
    CHECK(SqlSpelling(SqlDialect::bigquery).percentile(90, "x", false) ==
          "ARRAY_AGG(x IGNORE NULLS ORDER BY x)[SAFE_ORDINAL(DIV(90 * COUNT(x) + 99, 100))]");
}

TEST_CASE("only leading spaces are trimmed, in each engine's argument order")
{
    CHECK(SqlSpelling(SqlDialect::postgres).trim_leading_spaces("r") == "LTRIM(r, ' ')");
    CHECK(SqlSpelling(SqlDialect::spark).trim_leading_spaces("r") == "LTRIM(' ', r)");
}

TEST_CASE("whole-text regular expressions")
{
    CHECK(SqlSpelling(SqlDialect::postgres).matches("c", "[0-9]+") == "(c ~ '^([0-9]+)$')");
    CHECK(SqlSpelling(SqlDialect::duckdb).matches("c", "[0-9]+") == "regexp_full_match(c, '[0-9]+')");
    CHECK(SqlSpelling(SqlDialect::snowflake).matches("c", "[0-9]+") == "REGEXP_LIKE(c, '[0-9]+')");
    CHECK(SqlSpelling(SqlDialect::bigquery).matches("c", "[0-9]+") == "REGEXP_CONTAINS(c, '^([0-9]+)$')");
    CHECK(SqlSpelling(SqlDialect::spark).matches("c", "[0-9]+") == "(c RLIKE '^([0-9]+)$')");
}
