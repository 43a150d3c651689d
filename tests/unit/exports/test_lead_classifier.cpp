#include "audit_fixtures.hpp"
#include "support.hpp"

#include "alignkit/exports/lead_classifier.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace alignkit;

TEST_CASE("classify_export streams every row, counting stages and rows it cannot read fully")
{
    const auto defs = test::parsed_spec<LeadDefinitions>(test::k_audit_defs);
    std::istringstream in("lead_id,mql_at,sql_at,customer_at,touch_attempts\n"
                          "a,2026-01-01T00:00:00Z,,,1\n"
                          "b,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,,2\n"
                          "c,,,,x\n"
                          "d,not a time,,\n");
    std::vector<std::string> lines;
    const auto outcome = classify_export(in, defs, {}, [&](const std::string& line) { lines.push_back(line); });
    CHECK(outcome.failure == ClassifyOutcome::Failure::none);
    CHECK(outcome.rows == 4);
    CHECK(outcome.by_stage.at("mql") == 1);
    CHECK(outcome.by_stage.at("sql") == 1);
    CHECK(outcome.by_stage.at("") == 2);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "lead_id,mql_at,sql_at,customer_at,touch_attempts,alignkit_stage,alignkit_rule\n");
    CHECK(lines[2] == "b,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,,2,sql,sql_at is set\n");
    CHECK(classify_notices(outcome) ==
          std::vector<std::string>{
              "1 row(s) with a different number of fields than the header (first on line 5)",
              "1 value(s) of 'mql_at' not understood (first on line 5: 'not a time'); they count as empty",
              "1 value(s) of 'touch_attempts' not understood (first on line 4: 'x'); they count as empty"});
    CHECK_FALSE(classify_fails(outcome, false));
    CHECK(classify_fails(outcome, true));
    // Reached: at the stage or past it now.
    CHECK(render_stage_counts(outcome, defs) == "  stage     reached  now\n"
                                                "  mql             2    1\n"
                                                "  sql             1    1\n"
                                                "  customer        0    0\n"
                                                "  (none)          -    2\n");
}

TEST_CASE("classify: placeholders read as empty, text compared without case where a field says so, counts by column")
{
    const auto defs = test::parsed_spec<LeadDefinitions>(R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: industry, type: text, missing: ["Select", "unknown"]}
    - {name: status, type: text, ignore_case: true}
    - {name: region, type: text}
  stages:
    - {id: lead, name: L, owner: marketing, entry: industry is set}
    - {id: qualified, name: Q, owner: sales, entry: 'industry is set and status in ["Qualified", "Won"]'}
    - {id: won, name: W, owner: sales, entry: 'status = "Won" and region contains "EU"'}
)");
    std::istringstream in("industry,status,region\n"
                          "Retail,qualified,NA\n" // ignore_case: Qualified
                          "Select,Qualified,NA\n" // a placeholder: no industry, so no stage
                          "unknown,,NA\n"
                          "Banking,WON,EU-West\n"
                          "Banking,WON,eu-west\n"); // contains is exact: region ignores no case
    const auto outcome = classify_export(in, defs, {}, {}, "region");
    REQUIRE(outcome.failure == ClassifyOutcome::Failure::none);
    CHECK(outcome.by_stage.at("") == 2);
    CHECK(outcome.by_stage.at("qualified") == 2);
    CHECK(outcome.by_stage.at("won") == 1);
    CHECK(outcome.group_column == "region");
    CHECK(outcome.by_group.at("NA").at("") == 2);
    CHECK(outcome.by_group.at("NA").at("qualified") == 1);
    CHECK(render_stage_counts(outcome, defs) == "  region   stage      reached  now\n"
                                                "  EU-West  lead             1    0\n"
                                                "  EU-West  qualified        1    0\n"
                                                "  EU-West  won              1    1\n"
                                                "  EU-West  (none)           -    0\n"
                                                "  NA       lead             1    0\n"
                                                "  NA       qualified        1    1\n"
                                                "  NA       won              0    0\n"
                                                "  NA       (none)           -    2\n"
                                                "  eu-west  lead             1    0\n"
                                                "  eu-west  qualified        1    1\n"
                                                "  eu-west  won              0    0\n"
                                                "  eu-west  (none)           -    0\n");
    std::istringstream again("industry,status,region\nRetail,Won,EU\n");
    const auto missing = classify_export(again, defs, {}, {}, "segment");
    CHECK(missing.failure == ClassifyOutcome::Failure::columns);
    CHECK(missing.error == "--by 'segment': the export has no such column");
}

TEST_CASE("classify_export says why it cannot classify")
{
    const auto defs = test::parsed_spec<LeadDefinitions>(test::k_audit_defs);
    std::istringstream empty("");
    CHECK(classify_export(empty, defs, {}).failure == ClassifyOutcome::Failure::empty);
    std::istringstream unclosed("mql_at,sql_at,customer_at\n\"2026-01-01,,\n");
    const auto outcome = classify_export(unclosed, defs, {});
    CHECK(outcome.failure == ClassifyOutcome::Failure::malformed);
    CHECK_FALSE(outcome.error.empty());
    std::istringstream no_column("lead_id,mql_at\na,2026-01-01T00:00:00Z\n");
    const auto missing = classify_export(no_column, defs, {});
    CHECK(missing.failure == ClassifyOutcome::Failure::columns);
    CHECK(missing.error.find("sql_at") != std::string::npos);
}
