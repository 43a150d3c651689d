#include "support.hpp"

#include "alignkit/assessment/take_session.hpp"

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
      options: [{value: 1, label: No}, {value: 2, label: Maybe}, {value: 3, label: Yes}]
  dimensions:
    - id: talk
      title: Communication
      questions:
        - {id: q1, text: We meet., stage: defined, help: Think of last month.}
        - {id: q2, text: We share goals., stage: aligned}
        - {id: q3, text: We sit together., stage: integrated}
)";

struct Fixture {
    Diagnostics diags;
    std::vector<Document> docs = parse_config(k_survey, "survey.yaml", diags);
    const Questionnaire& q() const { return std::get<Questionnaire>(docs.at(0).spec); }
    Respondent who() const
    {
        Respondent r;
        r.id.value = "r-1";
        r.team = Team::sales;
        r.role = "SDR \"lead\"";
        return r;
    }
};

} // namespace

TEST_CASE("a session moves through the questions: answer, skip, back, help, invalid input")
{
    Fixture f;
    TakeSession s(f.q(), "survey", "survey.yaml", f.who(), Date{2027, 1, 5});
    CHECK(s.size() == 3);
    CHECK(s.current().question->id.value == "q1");
    CHECK(s.apply("?").outcome == TakeSession::Outcome::help);
    CHECK(s.apply("7").outcome == TakeSession::Outcome::invalid);
    CHECK(s.apply("7").message == "answer with 1, 2, 3, or s to skip, b to go back, ? for help, q to stop");
    CHECK(s.apply(" 3 ").outcome == TakeSession::Outcome::answered);
    CHECK(s.apply("s").outcome == TakeSession::Outcome::skipped);
    CHECK(s.apply("b").outcome == TakeSession::Outcome::back);
    CHECK(s.current().question->id.value == "q2");
    CHECK(s.apply("2").outcome == TakeSession::Outcome::answered);
    CHECK(s.position() == 2);
    CHECK(s.to_yaml() == "---\napiVersion: alignkit/v1\nkind: Response\nmetadata:\n  name: survey-r-1\nspec:\n"
                         "  questionnaire: \"survey.yaml\"\n  respondent:\n    id: r-1\n    team: sales\n"
                         "    role: \"SDR \\\"lead\\\"\"\n  date: 2027-01-05\n  answers:\n    q1: 3\n    q2: 2\n");
    CHECK(s.apply("1").outcome == TakeSession::Outcome::answered);
    CHECK(s.finished());
}

TEST_CASE("what a session saves is a valid Response, and a resumed session starts at the first open question")
{
    Fixture f;
    TakeSession first(f.q(), "survey", "survey.yaml", f.who(), Date{2027, 1, 5});
    first.apply("3");
    first.apply("s");
    Diagnostics diags;
    auto saved = parse_config(first.to_yaml(), "answers.yaml", diags);
    REQUIRE(saved.size() == 1);
    std::vector<Document> all = f.docs;
    all.push_back(saved[0]);
    check_documents(all, CheckOptions{Date{2027, 2, 1}}, diags);
    CHECK(lines(diags) == Lines{"7:18: info[AK2006]: 1 of 3 questions are neither answered nor skipped: 'q3' | answer "
                                "them or mark them 'skip'"});

    TakeSession again(f.q(), "survey", "survey.yaml", f.who(), Date{2027, 1, 6});
    again.resume(std::get<Response>(saved[0].spec));
    CHECK(again.position() == 2);
    CHECK(again.current().question->id.value == "q3");
    CHECK(again.answered() == 2);
}

TEST_CASE("a long note is saved across lines that fit in 80 columns, and reads back the same")
{
    // yamllint's default line length: a note kept on one line failed it.
    Fixture f;
    const std::string note = "We meet every Monday, but the agenda is set by sales alone and marketing often "
                             "learns of changes a week later; \"quoted\" words and a back\\slash stay as they are.";
    const std::string earlier = "apiVersion: alignkit/v1\nkind: Response\nmetadata: {name: r}\nspec:\n"
                                "  questionnaire: survey.yaml\n  respondent: {id: r-1, team: sales}\n"
                                "  date: 2027-01-05\n  answers:\n    q1: {value: 3, note: " +
                                std::string(R"(")") +
                                "We meet every Monday, but the agenda is set by sales alone "
                                "and marketing often learns of changes a week later; \\\"quoted\\\" words and a "
                                "back\\\\slash stay as they are.\"}\n";
    Diagnostics diags;
    auto docs = parse_config(earlier, "r.yaml", diags);
    REQUIRE(diags.empty());
    TakeSession session(f.q(), "survey", "survey.yaml", f.who(), Date{2027, 1, 6});
    session.resume(std::get<Response>(docs.at(0).spec));
    const auto yaml = session.to_yaml();
    std::size_t start = 0;
    for (auto end = yaml.find('\n'); end != std::string::npos; start = end + 1, end = yaml.find('\n', start)) {
        CHECK_MESSAGE(end - start <= 80, yaml.substr(start, end - start));
    }
    auto saved = parse_config(yaml, "again.yaml", diags);
    REQUIRE(diags.empty());
    CHECK(std::get<Response>(saved.at(0).spec).answers.at(0).note == note);
}
