#include "support.hpp"

#include "alignkit/assessment/response_import.hpp"

#include <doctest/doctest.h>

using namespace alignkit;
using namespace alignkit::test;

namespace {

constexpr const char* k_survey = R"(apiVersion: alignkit/v1
kind: Questionnaire
metadata: {name: survey}
spec:
  scale: agree
  scales:
    - id: agree
      options: [{value: 1, label: Disagree}, {value: 2, label: Neutral}, {value: 3, label: Agree}]
  dimensions:
    - id: talk
      title: Communication
      questions:
        - {id: q1, text: We meet every week., stage: defined}
        - {id: q2, text: We share goals., stage: aligned}
)";

struct Imported {
    std::vector<Document> docs;
    Lines problems;
};

Imported import(std::string_view csv)
{
    Diagnostics diags;
    auto q = parse_config(k_survey, "survey.yaml", diags);
    REQUIRE(diags.empty());
    Imported out;
    out.docs = import_responses_csv(csv, "export.csv", q.at(0), diags);
    out.problems = lines(diags);
    return out;
}

} // namespace

TEST_CASE("columns match by question id or text; cells by value or label; empty cells skip")
{
    auto r = import("Email,Team,Timestamp,q1,\"we share GOALS\"\n"
                    "Ana@Example.com,Sales,2026-11-02 10:00,3,agree\n"
                    "bo@example.com,marketing,,Disagree,\n");
    CHECK(r.problems == Lines{});
    REQUIRE(r.docs.size() == 2);
    const auto& first = std::get<Response>(r.docs[0].spec);
    CHECK(first.respondent.id.value == "ana-example-com");
    CHECK(first.respondent.team == Team::sales);
    CHECK(first.date.value == Date{2026, 11, 2});
    CHECK(first.answers.at(0).value->value == 3);
    CHECK(first.answers.at(1).value->value == 3);
    const auto& second = std::get<Response>(r.docs[1].spec);
    CHECK(second.answers.at(0).value->value == 1);
    CHECK_FALSE(second.answers.at(1).value); // skipped
    CHECK(r.docs[1].pos == Position{3, 1});
}

TEST_CASE("every column or value that cannot be matched is reported where it is; bad rows are left out")
{
    auto r = import("id,team,q1,We share goal,q3\n"
                    "r1,sales,4,3,1\n"
                    "r2,finance,2,2,2\n"
                    "r3,sales,2\n");
    CHECK(
        r.problems ==
        Lines{
            "1:12: warning[AK5003]: column 4 ('We share goal') matches no question, so its answers are not counted",
            "1:26: warning[AK5003]: column 5 ('q3') matches no question, so its answers are not counted | did you mean "
            "'q1'?",
            "2:10: error[AK5004]: '4' is not an answer on the scale of question 'q1' | the scale offers 1 (Disagree), "
            "2 "
            "(Neutral), 3 (Agree); leave the cell empty to skip",
            "3:4: error[AK5004]: 'finance' is not a team | use 'sales', 'marketing', 'leadership', 'revops' or 'other'",
            "4:1: error[AK5001]: row has 3 fields but the header has 5",
        });
    CHECK(r.docs.empty());
}

TEST_CASE("a header without respondent or team columns is refused")
{
    auto r = import("q1,q2\n1,2\n");
    CHECK(r.problems == Lines{"1:1: error[AK5002]: the header has no respondent ('respondent', 'id', 'email' or "
                              "'name') column"});
}
