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
    CHECK(render_stage_counts(outcome, defs) == "mql              1\n"
                                                "sql              1\n"
                                                "customer         0\n"
                                                "(none)           2\n");
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
