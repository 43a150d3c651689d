#include "alignkit/assessment/assessment_compare.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace alignkit;

namespace {

std::string report(int respondents, const char* stage, double index, const char* q_score)
{
    return std::string(R"({"report": "alignkit-assessment", "version": 1, "questionnaire": {"name": "q"},
        "respondents": )") +
           std::to_string(respondents) + R"(, "stage": "defined", "index": 1.5,
        "dimensions": [{"id": "talk", "title": "Communication", "stage": ")" +
           stage + R"(", "index": )" + std::to_string(index) +
           R"(, "questions": [{"id": "q1", "text": "We meet.", "score": )" + q_score + "}]}]}";
}

} // namespace

TEST_CASE("a dimension that drops a stage is a regression; moved questions are listed")
{
    std::string error;
    auto c = compare_assessments(report(8, "aligned", 2.2, "0.8"), report(11, "defined", 1.9, "0.6"), "a.json",
                                 "b.json", error);
    REQUIRE(c);
    CHECK(c->regressed);
    REQUIRE(c->questions.size() == 1);
    CHECK(c->questions[0].before.value() == doctest::Approx(0.8));
    CHECK(c->notes.empty());
    auto text = render_comparison(*c, CompareFormat::text);
    CHECK(text.find("aligned -> defined (DOWN)") != std::string::npos);
}

TEST_CASE("small groups get a note; unchanged questions are left out")
{
    std::string error;
    auto c = compare_assessments(report(3, "defined", 1.2, "0.5"), report(3, "aligned", 2.1, "0.52"), "a", "b", error);
    REQUIRE(c);
    CHECK_FALSE(c->regressed);
    CHECK(c->questions.empty()); // moved by 2 points only
    REQUIRE(c->notes.size() == 1);
    CHECK(c->notes[0].starts_with("few respondents (3 before, 3 after)"));
}

TEST_CASE("rounds fewer than the threshold apart list no question moves: they could be those people's answers")
{
    // Six people, then the same six and a leader: if the six answered as before, q1's move from
    // 0.5 to 0.57 says the leader scored it 1.
    std::string error;
    auto c =
        compare_assessments(report(6, "defined", 1.2, "0.5"), report(7, "defined", 1.3, "0.5714"), "a", "b", error);
    REQUIRE(c);
    CHECK(c->questions.empty());
    REQUIRE(c->notes.size() == 1);
    CHECK(c->notes[0] == "the rounds are 1 respondent apart, fewer than the reports' threshold of 3: question scores "
                         "and indices could show what that person answered, so only stages are compared");
    // A dimension whose next stage rests on one question has that question's score in its index.
    CHECK_FALSE(c->dimensions.at(0).after);
    CHECK_FALSE(c->index_after);
    for (auto format : {CompareFormat::text, CompareFormat::markdown, CompareFormat::json}) {
        const auto shown = render_comparison(*c, format);
        CHECK(shown.find("0.5714") == std::string::npos);
        CHECK(shown.find("1.3") == std::string::npos);
        CHECK(shown.find("1.5") == std::string::npos);
        CHECK(shown.find("1.2") == std::string::npos);
    }
    // Three apart, or the same number, and the moves are listed.
    c = compare_assessments(report(6, "defined", 1.2, "0.5"), report(9, "defined", 1.3, "0.6"), "a", "b", error);
    REQUIRE(c);
    CHECK(c->questions.size() == 1);
}

TEST_CASE("only assessment reports of version 1 are read")
{
    std::string error;
    CHECK_FALSE(compare_assessments("not json", report(5, "defined", 1, "0.5"), "x.txt", "b", error));
    CHECK(error == "'x.txt' is not JSON; give reports made with 'alignkit assess report --format json'");
    CHECK_FALSE(compare_assessments(R"({"report": "alignkit-validate", "version": 1})", "{}", "v.json", "b", error));
    CHECK(error == "'v.json' is not an assessment report (its \"report\" is not \"alignkit-assessment\")");
    CHECK_FALSE(compare_assessments(R"({"report": "alignkit-assessment", "version": 2})", "{}", "v2.json", "b", error));
    CHECK(error == "'v2.json' is an assessment report of version 2; this alignkit reads version 1");
}
