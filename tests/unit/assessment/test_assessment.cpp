#include "support.hpp"

#include "alignkit/assessment/assessment.hpp"
#include "alignkit/assessment/builtin_questionnaire.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

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
      options: [{value: 1, label: a}, {value: 2, label: b}, {value: 3, label: c}, {value: 4, label: d}, {value: 5, label: e}]
    - id: yes-no
      options: [{value: 0, label: "No"}, {value: 1, label: "Yes"}]
  dimensions:
    - id: talk
      title: Communication
      questions:
        - {id: q1, text: We meet., stage: defined}
        - {id: q2, text: We fight., stage: aligned, reverse: true}
        - {id: q3, text: We sit together?, stage: integrated, scale: yes-no}
)";

std::string response(const std::string& id, const std::string& team, const std::string& q1, const std::string& q2,
                     const std::string& q3)
{
    return fmt::format("apiVersion: alignkit/v1\nkind: Response\nmetadata: {{name: {0}}}\nspec:\n"
                       "  questionnaire: survey\n  respondent: {{id: {0}, team: {1}}}\n  date: 2027-01-10\n"
                       "  answers: {{q1: {2}, q2: {3}, q3: {4}}}\n",
                       id, team, q1, q2, q3);
}

AssessmentReport scored(std::size_t min_group)
{
    std::string text = std::string(k_survey);
    // Sales: q1 5 4 4, q2 2 2 1, q3 1 1 0.  Marketing: q1 3 3 2, q2 4 5 4, q3 0 0 skip.
    const char* rows[][5] = {{"s1", "sales", "5", "2", "1"},     {"s2", "sales", "4", "2", "1"},
                             {"s3", "sales", "4", "1", "0"},     {"m1", "marketing", "3", "4", "0"},
                             {"m2", "marketing", "3", "5", "0"}, {"m3", "marketing", "2", "4", "skip"}};
    for (const auto& r : rows) {
        text += "---\n" + response(r[0], r[1], r[2], r[3], r[4]);
    }
    Diagnostics diags;
    auto docs = parse_config(text, "all.yaml", diags);
    check_documents(docs, CheckOptions{Date{2027, 2, 1}}, diags);
    REQUIRE_MESSAGE(diags.empty(), lines(diags).front());
    AssessOptions options;
    options.min_group = min_group;
    std::vector<std::pair<std::string, std::string>> sources{{"all.yaml", "abc"}};
    return assess(docs.at(0), docs, sources, options);
}

} // namespace

TEST_CASE("scoring, worked out by hand")
{
    // Answers scale to 0..1: agree (v-1)/4, yes-no v; q2 is reversed (1 - x).
    // q1 (defined):   sales 1, .75, .75; marketing .5, .5, .25      -> mean 3.75/6 = 0.625
    // q2 (aligned):   sales .75, .75, 1; marketing .25, 0, .25      -> mean 3/6    = 0.5
    // q3 (integrated): sales 1, 1, 0; marketing 0, 0 (m3 skipped)   -> mean 2/5    = 0.4
    // defined 0.625 >= 0.6 reached; aligned 0.5 < 0.6: progress 0.5/0.6 = 0.833; index 1.833.
    auto r = scored(3);
    REQUIRE(r.dimensions.size() == 1);
    const auto& d = r.dimensions[0];
    CHECK(d.questions[0].score.value() == doctest::Approx(0.625));
    CHECK(d.questions[1].score.value() == doctest::Approx(0.5));
    CHECK(d.questions[2].score.value() == doctest::Approx(0.4));
    CHECK(d.questions[2].skipped == 1);
    CHECK(d.stage == Stage::defined);
    CHECK(d.index == doctest::Approx(1.0 + 0.5 / 0.6));
    CHECK(r.stage == Stage::defined);
    CHECK(r.answers == 17);
    CHECK(r.skips == 1);

    // q1 by team: sales 2.5/3 = .833, marketing 1.25/3 = .417: gap +.417, flagged.
    CHECK(d.questions[0].gap.value() == doctest::Approx(2.5 / 3 - 1.25 / 3));
    CHECK(d.questions[0].gap_flagged);
    // Sales spread on q1: values 1, .75, .75 around .833 -> sqrt(.041667/3) = .118, not flagged.
    CHECK(d.questions[0].teams[0].spread.value() == doctest::Approx(0.11785).epsilon(0.001));
    CHECK_FALSE(d.questions[0].teams[0].disagrees);
    // Dimension by team: each respondent's mean first. Sales (.9167 + .8333 + .5833)/3 = .7778;
    // marketing (.25 + .1667 + .25)/3 = .2222 (m3's mean is over the two questions answered).
    CHECK(d.teams[0].score.value() == doctest::Approx(7.0 / 9));
    CHECK(d.teams[1].score.value() == doctest::Approx(2.0 / 9));
    CHECK(d.gap.value() == doctest::Approx(5.0 / 9));
    CHECK(r.inputs.at(0).sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("privacy: teams below the minimum group show no numbers, so no gap either")
{
    auto r = scored(4);
    const auto& d = r.dimensions.at(0);
    CHECK(d.teams[0].respondents == 3);
    CHECK_FALSE(d.teams[0].score);
    CHECK_FALSE(d.gap);
    CHECK_FALSE(d.questions[0].gap);
    CHECK(r.gaps.empty());
    auto text = render_assessment(r, AssessFormat::text, {});
    CHECK(text.find("sales hidden") != std::string::npos);
    CHECK(text.find("83%") == std::string::npos); // the sales score of q1 must not leak
}

TEST_CASE("the built-in questionnaire is valid, covers nine dimensions and every stage")
{
    Diagnostics diags;
    auto docs = parse_config(builtin_questionnaire(), "builtin.yaml", diags);
    check_documents(docs, CheckOptions{Date{2026, 11, 22}}, diags);
    CHECK(lines(diags) == Lines{});
    const auto& q = std::get<Questionnaire>(docs.at(0).spec);
    CHECK(q.dimensions.size() >= 8);
    int reversed = 0;
    for (const auto& d : q.dimensions) {
        CHECK(d.questions.size() >= 4);
        for (const auto& question : d.questions) {
            reversed += question.reverse ? 1 : 0;
            CAPTURE(question.id.value);
            CHECK_FALSE(question.criteria.empty()); // something a consultant can check
        }
    }
    CHECK(reversed >= 3);
}

TEST_CASE("CSV is safe to open in a spreadsheet: formulas from answer text stay text")
{
    auto r = scored(3);
    r.dimensions[0].questions[0].text = "=HYPERLINK(\"http://x\",\"click\")";
    r.dimensions[0].title = "+1, \"quoted\"";
    auto csv = render_assessment(r, AssessFormat::csv, {});
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",") != std::string::npos);
    CHECK(csv.find(",\"'+1, \"\"quoted\"\"\",") != std::string::npos);
    CHECK(csv.starts_with("level,dimension,question,text,stage,index,score,sales_score,marketing_score,gap,"));
}

TEST_CASE("HTML is one page with the radar chart and the ladder, text escaped")
{
    auto r = scored(3);
    r.title = "<script>alert(1)</script>";
    auto page = render_assessment(r, AssessFormat::html, {});
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;script&gt;") != std::string::npos);
    CHECK(page.find("class=\"radar\"") == std::string::npos); // a radar needs three dimensions; this has one
    CHECK(page.find("class=\"ladder\"") != std::string::npos);
}

TEST_CASE("individual answers appear only with --show-respondents")
{
    auto r = scored(3);
    CHECK(r.respondent_answers.empty());
    for (auto format : {AssessFormat::text, AssessFormat::markdown, AssessFormat::json, AssessFormat::html}) {
        CHECK(render_assessment(r, format, {}).find("q1=") == std::string::npos);
        CHECK(render_assessment(r, format, {}).find("respondents_answers") == std::string::npos);
    }
}

TEST_CASE("no shown figure gives away a group smaller than the threshold (complementary suppression)")
{
    // Three in sales, three in marketing, one leader: the overall minus the two teams would be
    // the leader's own answers, so one more team is hidden with the leader.
    std::string text = std::string(k_survey);
    const char* rows[][5] = {{"s1", "sales", "5", "2", "1"},       {"s2", "sales", "4", "2", "1"},
                             {"s3", "sales", "4", "1", "0"},       {"m1", "marketing", "3", "4", "0"},
                             {"m2", "marketing", "3", "5", "0"},   {"m3", "marketing", "2", "4", "1"},
                             {"boss", "leadership", "1", "5", "0"}};
    for (const auto& r : rows) {
        text += "---\n" + response(r[0], r[1], r[2], r[3], r[4]);
    }
    Diagnostics diags;
    auto docs = parse_config(text, "all.yaml", diags);
    check_documents(docs, CheckOptions{Date{2027, 2, 1}}, diags);
    REQUIRE(diags.empty());
    const auto report = assess(docs.at(0), docs, {}, AssessOptions{});
    auto hidden_members = [](const std::vector<TeamView>& teams) {
        std::size_t hidden = 0;
        for (const auto& t : teams) {
            hidden += t.score ? 0 : t.respondents;
        }
        return hidden;
    };
    const auto& d = report.dimensions.at(0);
    CHECK(hidden_members(d.teams) == 4); // the leader and sales, the smaller of the two
    CHECK_FALSE(d.gap);
    for (const auto& q : d.questions) {
        CHECK(hidden_members(q.teams) == 4);
        CHECK(q.teams.at(0).complement);
    }
}
