#include "audit/criteria_sql.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

// ASCII letters lowered, as the CSV audit ignores case.
#define LOWERED(x) "TRANSLATE(" x ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"

namespace {

std::string compiled(std::string_view text, SqlDialect dialect = SqlDialect::postgres)
{
    static const std::vector<CellReading> readings{
        {"status", 0, FieldType::text, {}, false},      {"score", 1, FieldType::number, {}, false},
        {"vip", 2, FieldType::boolean, {}, false},      {"country", 3, FieldType::text, {"N/A"}, true},
        {"created", 4, FieldType::datetime, {}, false},
    };
    std::vector<SqlCell> cells;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        cells.push_back({&readings[i], "v" + std::to_string(i)});
    }
    criteria::Problem problem;
    const auto expr = criteria::parse(text, problem);
    REQUIRE(expr);
    return criteria_sql(*expr, cells, SqlSpelling(dialect));
}

} // namespace

TEST_CASE("a comparison with an unset value is false, never unknown")
{
    CHECK(compiled(R"(status = "it's")") == "COALESCE(v0 = 'it''s', FALSE)");
    CHECK(compiled("score >= 50") == "COALESCE(v1 >= 50, FALSE)");
    CHECK(compiled("not score >= 50") == "(NOT COALESCE(v1 >= 50, FALSE))");
}

TEST_CASE("texts order byte by byte in PostgreSQL, whatever its collation")
{
    CHECK(compiled(R"(status < "b")") == "COALESCE(v0 COLLATE \"C\" < 'b', FALSE)");
    CHECK(compiled(R"(status < "b")", SqlDialect::duckdb) == "COALESCE(v0 < 'b', FALSE)");
}

TEST_CASE("values of different kinds never compare, and unknown fields are never set")
{
    CHECK(compiled(R"(score = "50")") == "FALSE");
    CHECK(compiled("nobody is set") == "FALSE");
    CHECK(compiled("nobody is empty") == "TRUE");
}

TEST_CASE("lists: an unset value is neither in nor not in one; items of other kinds drop out")
{
    CHECK(compiled(R"(status not in ["a", 1])") == "(CASE WHEN v0 IS NULL THEN FALSE ELSE NOT (v0 IN ('a')) END)");
    CHECK(compiled("status in [1, 2]") == "(CASE WHEN v0 IS NULL THEN FALSE ELSE (FALSE) END)");
}

TEST_CASE("a field that ignores case compares ASCII letters lowered, on both sides, and nothing else")
{
    CHECK(compiled(R"(country in ["US", "CÔTE"])") ==
          "(CASE WHEN v3 IS NULL THEN FALSE ELSE (" LOWERED("v3") " IN ('us', 'cÔte')) END)");
    CHECK(compiled(R"(country contains "U")") == "COALESCE((STRPOS(" LOWERED("v3") ", 'u') > 0), FALSE)");
}

TEST_CASE("bare booleans, dates and presence")
{
    CHECK(compiled("vip and created >= 2026-01-01") ==
          "(COALESCE(v2, FALSE) AND COALESCE(v4 >= DATE '2026-01-01', FALSE))");
    CHECK(compiled("created is set") == "(v4 IS NOT NULL)");
}

TEST_CASE("a cell is read as its type, with placeholders as empty")
{
    const SqlSpelling pg(SqlDialect::postgres);
    CHECK(sql_cell_value({"country", 0, FieldType::text, {"N/A", "Select"}, true}, "c0", pg) ==
          "CASE WHEN " LOWERED("c0") " IN ('', 'n/a', 'select') THEN NULL ELSE c0 END");
    CHECK(sql_cell_value({"vip", 0, FieldType::boolean, {}, false}, "c0", pg) ==
          "CASE WHEN c0 = '' THEN NULL WHEN " LOWERED("c0") " IN ('true', 'yes', '1', 'y') THEN TRUE WHEN " LOWERED(
              "c0") " IN ('false', 'no', '0', 'n') THEN FALSE END");
}
