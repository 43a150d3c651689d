#include "support.hpp"

#include "alignkit/assessment/assessment.hpp"
#include "alignkit/assessment/builtin_questionnaire.hpp"
#include "alignkit/util/sha256.hpp"

#include <algorithm>
#include <array>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <span>
#include <stdexcept>

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

// The survey answered by `rows` of {id, team, q1, q2, q3}, checked and clean.
std::vector<Document> survey_answered_by(std::span<const std::array<const char*, 5>> rows)
{
    std::string text = std::string(k_survey);
    for (const auto& r : rows) {
        text += "---\n" + response(r[0], r[1], r[2], r[3], r[4]);
    }
    Diagnostics diags;
    auto docs = parse_config(text, "all.yaml", diags);
    check_documents(docs, CheckOptions{Date{2027, 2, 1}}, diags);
    REQUIRE_MESSAGE(diags.empty(), lines(diags).front());
    return docs;
}

AssessmentReport scored(std::size_t min_group)
{
    // Sales: q1 5 4 4, q2 2 2 1, q3 1 1 0.  Marketing: q1 3 3 2, q2 4 5 4, q3 0 0 skip.
    const std::array<const char*, 5> rows[] = {
        {"s1", "sales", "5", "2", "1"},     {"s2", "sales", "4", "2", "1"},     {"s3", "sales", "4", "1", "0"},
        {"m1", "marketing", "3", "4", "0"}, {"m2", "marketing", "3", "5", "0"}, {"m3", "marketing", "2", "4", "skip"}};
    auto docs = survey_answered_by(rows);
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
    CHECK_FALSE(d.questions[0].teams[0].disagrees);
    // Marketing on q2: .25, 0, .25 around .1667 -> .118, not flagged either.
    CHECK_FALSE(d.questions[1].teams[1].disagrees);
    // q3: two marketing answers are too few, and sales is hidden with them (complement).
    CHECK_FALSE(d.questions[2].teams[1].score);
    CHECK(d.questions[2].teams[0].complement);
    // Dimension by team: the mean of the team's shown question figures, q1 and q2.
    // Sales (.8333 + .8333)/2 = .8333; marketing (.4167 + .1667)/2 = .2917.
    CHECK(d.teams[0].score.value() == doctest::Approx(5.0 / 6));
    CHECK(d.teams[1].score.value() == doctest::Approx(3.5 / 12));
    CHECK(d.gap.value() == doctest::Approx(5.0 / 6 - 3.5 / 12));
    // all.yaml holds answers, so it is listed as the answers' file: the digest of its
    // sha256sum line ("abc" hashes to ba7816bf...).
    CHECK(r.inputs.at(0).files == std::vector<std::string>{"all.yaml"});
    CHECK(r.inputs.at(0).sha256 ==
          sha256_hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  all.yaml\n"));
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
    const std::array<const char*, 5> rows[] = {{"s1", "sales", "5", "2", "1"},       {"s2", "sales", "4", "2", "1"},
                                               {"s3", "sales", "4", "1", "0"},       {"m1", "marketing", "3", "4", "0"},
                                               {"m2", "marketing", "3", "5", "0"},   {"m3", "marketing", "2", "4", "1"},
                                               {"boss", "leadership", "1", "5", "0"}};
    auto docs = survey_answered_by(rows);
    const auto report = assess(docs.at(0), docs, {}, AssessOptions{});
    auto hidden_members = [](const std::vector<TeamView>& teams) {
        std::size_t hidden = 0;
        for (const auto& t : teams) {
            hidden += t.score ? 0 : t.members;
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

namespace {

// Every figure a report shows, in every format: what a reader of any of them has to go on.
std::string everything_shown(const AssessmentReport& r)
{
    std::string out;
    for (auto format :
         {AssessFormat::text, AssessFormat::markdown, AssessFormat::html, AssessFormat::json, AssessFormat::csv}) {
        out += render_assessment(r, format, {true});
    }
    return out;
}

// The answer `who` gave to `question`, to read and to change.
int& answer_of(std::vector<Document>& docs, std::size_t who, const std::string& question)
{
    for (auto& a : std::get<Response>(docs[who].spec).answers) {
        if (a.question.value == question && a.value) {
            return a.value->value;
        }
    }
    throw std::logic_error("no such answer");
}

// Whether some other set of answers to `question`, with `who` answering `value` and at most two
// other people's answers changed, gives a report identical in every format: then a reader cannot
// tell `value` from the true answer.
bool indistinguishable(std::vector<Document> docs, std::size_t who, const std::string& question, int value,
                       const std::vector<int>& scale, const std::string& truth)
{
    auto identical = [&] { return everything_shown(assess(docs.at(0), docs, {}, AssessOptions{})) == truth; };
    answer_of(docs, who, question) = value;
    std::vector<std::size_t> others;
    for (std::size_t i = 1; i < docs.size(); ++i) {
        const auto& answers = std::get<Response>(docs[i].spec).answers;
        if (i != who && std::any_of(answers.begin(), answers.end(),
                                    [&](const Answer& a) { return a.question.value == question && a.value; })) {
            others.push_back(i);
        }
    }
    for (std::size_t a = 0; a < others.size(); ++a) {
        const int kept_a = answer_of(docs, others[a], question);
        for (int va : scale) {
            answer_of(docs, others[a], question) = va;
            if (identical()) {
                return true;
            }
            for (std::size_t b = a + 1; b < others.size(); ++b) {
                const int kept_b = answer_of(docs, others[b], question);
                for (int vb : scale) {
                    answer_of(docs, others[b], question) = vb;
                    if (identical()) {
                        return true;
                    }
                }
                answer_of(docs, others[b], question) = kept_b;
            }
        }
        answer_of(docs, others[a], question) = kept_a;
    }
    return false;
}

} // namespace

TEST_CASE("no combination of shown figures pins a hidden person's answer (brute force over every format)")
{
    // One leader among three in sales and three in marketing, and one marketing skip: the shape
    // in which a reader combined team dimension figures, spreads and one question's overall score
    // to recover the leader's answer exactly. The answers are chosen so that no hidden group
    // answered alike at an end of a scale, where any mean gives its members away.
    const std::array<const char*, 5> rows[] = {
        {"s1", "sales", "5", "2", "1"},       {"s2", "sales", "4", "2", "1"},     {"s3", "sales", "4", "1", "0"},
        {"m1", "marketing", "3", "4", "0"},   {"m2", "marketing", "3", "5", "0"}, {"m3", "marketing", "skip", "4", "1"},
        {"boss", "leadership", "2", "3", "1"}};
    auto docs = survey_answered_by(rows);
    const auto report = assess(docs.at(0), docs, {}, AssessOptions{});
    const auto truth = everything_shown(report);

    std::size_t checked = 0;
    for (std::size_t qi = 0; qi < report.dimensions.at(0).questions.size(); ++qi) {
        const auto& q = report.dimensions.at(0).questions[qi];
        const std::vector<int> scale = q.id == "q3" ? std::vector<int>{0, 1} : std::vector<int>{1, 2, 3, 4, 5};
        for (std::size_t who = 1; who < docs.size(); ++who) {
            const auto& respondent = std::get<Response>(docs[who].spec).respondent;
            const auto team = std::find_if(q.teams.begin(), q.teams.end(),
                                           [&](const TeamView& t) { return t.team == respondent.team; });
            const auto& answers = std::get<Response>(docs[who].spec).answers;
            const bool answered = std::any_of(answers.begin(), answers.end(),
                                              [&](const Answer& a) { return a.question.value == q.id && a.value; });
            if (team->score || !answered) {
                continue; // only the answers behind a hidden figure are private
            }
            const int actual = answer_of(docs, who, q.id);
            const bool another_fits = std::any_of(scale.begin(), scale.end(), [&](int v) {
                return v != actual && indistinguishable(docs, who, q.id, v, scale, truth);
            });
            CHECK_MESSAGE(another_fits, respondent.id.value, "'s answer to ", q.id, " (", actual,
                          ") is the only one the report allows");
            ++checked;
        }
    }
    CHECK(checked >= 9); // q1: m1, m2 and the leader; q2 and q3: sales and the leader
}

TEST_CASE("files of answers are hashed together: no one person's file has a digest to check guesses against")
{
    // One file per respondent, as `assess take` writes them: the digest of the leader's file
    // alone would confirm a guess of all the leader's answers.
    std::string questionnaire = std::string(k_survey);
    const std::array<std::string, 3> people = {response("s1", "sales", "5", "2", "1"),
                                               response("m1", "marketing", "3", "4", "0"),
                                               response("boss", "leadership", "2", "3", "1")};
    Diagnostics diags;
    auto docs = parse_config(questionnaire, "q.yaml", diags);
    std::vector<std::pair<std::string, std::string>> sources{{"q.yaml", questionnaire}};
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto file = fmt::format("r-{}.yaml", i + 1);
        for (auto& d : parse_config(people[i], file, diags)) {
            docs.push_back(std::move(d));
        }
        sources.emplace_back(file, people[i]);
    }
    REQUIRE(diags.empty());
    const auto report = assess(docs.at(0), docs, sources, AssessOptions{});
    REQUIRE(report.inputs.size() == 2);
    CHECK(report.inputs[0].file == "q.yaml");
    CHECK(report.inputs[0].sha256 == sha256_hex(questionnaire));
    CHECK(report.inputs[1].files == std::vector<std::string>{"r-1.yaml", "r-2.yaml", "r-3.yaml"});
    // What `sha256sum r-1.yaml r-2.yaml r-3.yaml | sha256sum` prints.
    CHECK(report.inputs[1].sha256 ==
          sha256_hex(fmt::format("{}  r-1.yaml\n{}  r-2.yaml\n{}  r-3.yaml\n", sha256_hex(people[0]),
                                 sha256_hex(people[1]), sha256_hex(people[2]))));
    for (auto format :
         {AssessFormat::text, AssessFormat::markdown, AssessFormat::html, AssessFormat::json, AssessFormat::csv}) {
        const auto shown = render_assessment(report, format, {});
        for (const auto& person : people) {
            CHECK(shown.find(sha256_hex(person)) == std::string::npos);
        }
    }
    // With --show-respondents the answers are in the report anyway, and each file is listed.
    AssessOptions everyone;
    everyone.show_respondents = true;
    CHECK(assess(docs.at(0), docs, sources, everyone).inputs.size() == 4);
}

TEST_CASE("a report's figures do not depend on the order its answers were read in")
{
    // On a 0-10 scale, tenths do not add up exactly, and the last bits of a mean depend on the
    // order of the sum: printed in full, they would tell apart answer sets that give the same
    // figure. The JSON report prints figures to six decimals.
    auto report_of = [](const std::vector<int>& values) {
        std::string text = "apiVersion: alignkit/v1\nkind: Questionnaire\nmetadata: {name: survey}\nspec:\n"
                           "  scale: ten\n  scales:\n    - id: ten\n      options: [";
        for (int v = 0; v <= 10; ++v) {
            text += fmt::format("{}{{value: {}, label: v{}}}", v == 0 ? "" : ", ", v, v);
        }
        text += "]\n  dimensions:\n    - id: talk\n      title: Communication\n      questions:\n"
                "        - {id: q1, text: We meet., stage: defined}\n";
        for (std::size_t i = 0; i < values.size(); ++i) {
            text += fmt::format("---\napiVersion: alignkit/v1\nkind: Response\nmetadata: {{name: r{0}}}\nspec:\n"
                                "  questionnaire: survey\n  respondent: {{id: r{0}, team: sales}}\n"
                                "  date: 2027-01-10\n  answers: {{q1: {1}}}\n",
                                i, values[i]);
        }
        Diagnostics diags;
        auto docs = parse_config(text, "all.yaml", diags);
        REQUIRE(diags.empty());
        return render_assessment(assess(docs.at(0), docs, {}, AssessOptions{}), AssessFormat::json, {});
    };
    const auto forward = report_of({1, 2, 3, 7, 9, 4, 6});
    CHECK(forward == report_of({6, 4, 9, 7, 3, 2, 1}));
    CHECK(forward.find("\"score\": 0.457143") != std::string::npos);
}
