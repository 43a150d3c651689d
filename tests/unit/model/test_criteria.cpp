#include "alignkit/model/criteria.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace alignkit;
using namespace alignkit::criteria;

namespace {

// The canonical form of a valid expression.
std::string canonical(std::string_view text)
{
    Problem problem;
    auto expr = parse(text, problem);
    REQUIRE_MESSAGE(expr, problem.message);
    return to_string(*expr);
}

// "offset+length: message | hint" of an invalid expression.
std::string error(std::string_view text)
{
    Problem problem;
    auto expr = parse(text, problem);
    REQUIRE_FALSE(expr);
    std::string out = std::to_string(problem.offset) + "+" + std::to_string(problem.length) + ": " + problem.message;
    return problem.hint.empty() ? out : out + " | " + problem.hint;
}

const FieldTypes k_fields{{"fit_score", FieldType::integer},  {"country", FieldType::text},
                          {"is_student", FieldType::boolean}, {"created_at", FieldType::datetime},
                          {"title", FieldType::text},         {"email", FieldType::text}};

std::vector<std::string> type_problems(std::string_view text)
{
    Problem problem;
    auto expr = parse(text, problem);
    REQUIRE_MESSAGE(expr, problem.message);
    std::vector<std::string> out;
    for (const auto& p : type_check(*expr, k_fields)) {
        out.push_back(std::to_string(p.problem.offset) + "+" + std::to_string(p.problem.length) + ": " +
                      p.problem.message + (p.problem.hint.empty() ? "" : " | " + p.problem.hint));
    }
    return out;
}

} // namespace

TEST_CASE("criteria parse into a tree and print canonically")
{
    CHECK(canonical("fit_score >= 50 and country in [\"US\",\"CA\"] and not is_student") ==
          "fit_score >= 50 and country in [\"US\", \"CA\"] and not is_student");
    CHECK(canonical("a or b and c") == "a or b and c");
    CHECK(canonical("(a or b) and c") == "(a or b) and c");
    CHECK(canonical("not (a and b)") == "not (a and b)");
    CHECK(canonical("email is set") == "email is set");
    CHECK(canonical("email is not set") == "email is empty");
    CHECK(canonical("title contains \"VP\"") == "title contains \"VP\"");
    CHECK(canonical("country not in [\"US\"]") == "country not in [\"US\"]");
    CHECK(canonical("created_at >= 2027-01-01") == "created_at >= 2027-01-01");
    CHECK(canonical("age < 2w") == "age < 2w");
    CHECK(canonical("score > -2.5") == "score > -2.5");
    CHECK(canonical("name = \"O\\\"Brien\"") == "name = \"O\\\"Brien\"");
    CHECK(canonical("  flag  ") == "flag");
}

TEST_CASE("syntax errors point at the offending column")
{
    CHECK(error("") == "0+1: the criteria are empty | write a condition such as fit_score >= 50");
    CHECK(error("fit_score >=") == "12+1: the condition is incomplete: expected a field or a value at the end");
    CHECK(error("fit_score == 50") == "10+2: unknown operator '==' | write '='");
    CHECK(error("a && b") == "2+2: unknown operator '&&' | write 'and'");
    CHECK(error("country in ['US']") ==
          "12+1: unexpected character ''' | quote text with double quotes: \"like this\"");
    CHECK(error("country in US") ==
          "11+2: expected '[' to start the list after 'in' | write country in [\"US\", \"CA\"]");
    CHECK(error("(a and b") == "8+1: expected ')' to close the '(' at column 1");
    CHECK(error("a b") == "2+1: unexpected 'b' after a complete condition | join conditions with 'and' or 'or'");
    CHECK(error("title = \"open") == "8+5: the text is missing its closing '\"'");
    CHECK(error("a is full") == "5+4: expected 'set' or 'empty' after 'is' | write 'email is set' or 'email is empty'");
    CHECK(error("x > 12abc") == "4+5: '12abc' is not a number, a date or a duration | numbers are written 50 or 2.5, "
                                "dates 2027-01-31, durations 90m or 3d");
    CHECK(error("and") == "0+3: expected a field or a value, found 'and'");
}

TEST_CASE("deep nesting is refused, not a stack overflow")
{
    Problem problem;
    CHECK_FALSE(parse(std::string(100000, '(') + "a" + std::string(100000, ')'), problem));
    CHECK(problem.message == "the criteria nest too deeply");
    std::string nots;
    for (int i = 0; i < 100000; ++i) {
        nots += "not ";
    }
    CHECK_FALSE(parse(nots + "a", problem));
    CHECK(problem.message == "the criteria nest too deeply");
}

TEST_CASE("type checking against the declared lead fields")
{
    CHECK(type_problems("fit_score >= 50 and country in [\"US\"] and not is_student and email is set").empty());
    CHECK(type_problems("fit_scor >= 50") ==
          std::vector<std::string>{"0+8: unknown lead field 'fit_scor' | did you mean 'fit_score'?"});
    CHECK(type_problems("fit_score >= \"50\"") ==
          std::vector<std::string>{
              "0+17: 'fit_score' is a number but '\"50\"' is text | remove the quotes around the number"});
    CHECK(type_problems("country > \"M\"") ==
          std::vector<std::string>{"0+13: 'country' cannot be ordered: text only compares with = and !="});
    CHECK(type_problems("fit_score") ==
          std::vector<std::string>{"0+9: 'fit_score' is a number, not a condition | compare it, such as fit_score >= "
                                   "50, or test it with 'is set'"});
    CHECK(type_problems("country in [\"US\", 1]") ==
          std::vector<std::string>{"0+20: the list holds a number but 'country' is text"});
    CHECK(type_problems("fit_score contains \"5\"") ==
          std::vector<std::string>{"0+22: 'contains' looks for text inside text"});
    CHECK(type_problems("created_at >= 2027-01-01 and created_at < 3d") ==
          std::vector<std::string>{"29+15: 'created_at' is a date but '3d' is a duration"});
}

TEST_CASE("criteria in plain words")
{
    Problem problem;
    auto expr =
        parse("fit_score >= 50 and country in [\"US\", \"CA\", \"MX\"] and not is_student and email is set", problem);
    REQUIRE(expr);
    CHECK(to_words(*expr) ==
          "fit score is at least 50 and country is one of US, CA or MX and not is student and email is filled in");
}

TEST_CASE("ranges of a conjunction, and contradictions")
{
    Problem problem;
    auto expr = parse("fit_score >= 50 and fit_score < 30", problem);
    REQUIRE(expr);
    auto r = ranges(*expr);
    CHECK(r.at("fit_score").empty());

    expr = parse("50 <= fit_score and fit_score <= 50 and country in [\"US\", \"CA\"] and country != \"US\"", problem);
    REQUIRE(expr);
    r = ranges(*expr);
    CHECK_FALSE(r.at("fit_score").empty());
    CHECK_FALSE(r.at("country").empty());
    CHECK(r.at("country").intersect(ranges(*parse("country = \"US\"", problem)).at("country")).empty());

    expr = parse("is_student and not is_student", problem);
    REQUIRE(expr);
    CHECK(ranges(*expr).at("is_student").empty());

    // "or" constrains nothing that can be read off simply.
    expr = parse("fit_score > 90 or fit_score < 10", problem);
    REQUIRE(expr);
    CHECK(ranges(*expr).empty());

    expr = parse("fit_score > 50 and fit_score <= 50", problem);
    CHECK(ranges(*expr).at("fit_score").empty());
}

TEST_CASE("a chain of thousands of conditions is refused, not a stack overflow")
{
    std::string chain = "x > 0";
    for (int i = 1; i < 40000; ++i) {
        chain += i % 2 == 0 ? " and x > " : " or x > ";
        chain += std::to_string(i);
    }
    Problem problem;
    CHECK_FALSE(parse(chain, problem));
    CHECK(problem.message == "the criteria join more than 500 conditions");
    std::string most = "x > 0";
    for (int i = 1; i < 500; ++i) {
        most += " and x > 0";
    }
    CHECK(parse(most, problem));
}

TEST_CASE("canonical printing parses back to the same criteria")
{
    CHECK(canonical("fit_score >= 2222222222222222222222222") == "fit_score >= 2222222222222222200000000");
    CHECK(canonical("x > 0.0000001") == "x > 0.0000001");
    CHECK(canonical("x > -0.000000000000000000015") == "x > -0.000000000000000000015");
    CHECK(canonical("(x != 2) <= 3d") == "(x != 2) <= 3d");
    CHECK(canonical("(a is set) = true") == "(a is set) = true");
    CHECK(canonical("(t contains \"a\") in [true]") == "(t contains \"a\") in [true]");
    for (const std::string_view text :
         {"fit_score >= 2222222222222222222222222", "x > 0.0000001", "(x != 2) <= 3d", "not a = 1 or b",
          "(a or b) and not (c and d)", "n in [1, 2.5, -3]", "(x in [1]) != false", "d >= 2027-01-31 and t < 90m"}) {
        const auto once = canonical(text);
        CHECK(canonical(once) == once);
    }
}
