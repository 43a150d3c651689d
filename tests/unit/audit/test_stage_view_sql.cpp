#include "support.hpp"

#include "alignkit/audit/stage_view_sql.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

namespace {

const char* const k_defs = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: industry, type: text, column: Industry, missing: ["unknown"]}
    - {name: status, type: text, ignore_case: true}
  stages:
    - {id: lead, name: L, owner: marketing, entry: industry is set}
    - {id: won, name: W, owner: sales, entry: 'status = "Won"'}
)";

std::string view_of(const std::vector<std::string>& header, std::string& error, const ExportReading& reading = {})
{
    const auto defs = test::parsed_spec<LeadDefinitions>(k_defs);
    return stage_view_sql(defs, header, reading, SqlDialect::postgres, "crm.leads", "crm.leads_stages", error)
        .value_or("");
}

} // namespace

TEST_CASE("the view tries the furthest stage first, as classify keeps the last stage that holds")
{
    std::string error;
    const auto view = view_of({}, error);
    CHECK(error.empty());
    CHECK(view.starts_with("-- alignkit leads classify, compiled for postgres: each lead's lifecycle stage\n"
                           "CREATE OR REPLACE VIEW \"crm\".\"leads_stages\" AS\n"));
    const auto won = view.find("THEN 'won'"), lead = view.find("THEN 'lead'");
    REQUIRE(won != std::string::npos);
    REQUIRE(lead != std::string::npos);
    CHECK(won < lead);
    CHECK(view.find("WHEN 'won' THEN 'status = \"Won\"'") != std::string::npos);
    // Declared columns, the placeholder and the case the definitions give.
    CHECK(view.find("src.\"Industry\"") != std::string::npos);
    CHECK(view.find("'unknown'") != std::string::npos);
    CHECK(view.find("TRANSLATE(") != std::string::npos);
    CHECK(view.ends_with("FROM \"crm\".\"leads\" AS src\n) AS staged;\n"));
}

TEST_CASE("the view reads the table's columns, and says which field has none")
{
    std::string error;
    CHECK(view_of({"industry", "status"}, error).empty());
    CHECK(error == "the table has no column for 'industry' (column 'Industry'); map it with --columns FIELD=HEADER");
    error.clear();
    ExportReading reading;
    reading.columns["industry"] = "Sector";
    CHECK(view_of({"Sector", "status"}, error, reading).find("src.\"Sector\"") != std::string::npos);
    CHECK(error.empty());
}

TEST_CASE("a time layout is not compiled: the view reads ISO 8601")
{
    std::string error;
    ExportReading reading;
    std::string layout_error;
    reading.time_format = TimeFormat::compile("%d/%m/%Y", layout_error);
    REQUIRE(reading.time_format);
    CHECK(view_of({}, error, reading).empty());
    CHECK(error == "--time-format is not compiled to SQL: the view reads ISO 8601 dates");
}

TEST_CASE("the default view is the table's name ending in _stages")
{
    CHECK(default_stage_view("crm.leads") == "crm.leads_stages");
    CHECK(default_stage_view("leads") == "leads_stages");
}
