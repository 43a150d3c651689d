// Criteria evaluated on a CSV record, as `sla audit` and `leads classify` evaluate them.
#include "alignkit/exports/row_criterion.hpp"

#include <doctest/doctest.h>
#include <string_view>
#include <vector>

using namespace alignkit;

namespace {

// Columns: fit_score, country, is_student, email, created_at, title, a, b.
const std::vector<CellReading> k_fields{
    {"fit_score", 0, FieldType::number, {}, false},   {"country", 1, FieldType::text, {}, false},
    {"is_student", 2, FieldType::boolean, {}, false}, {"email", 3, FieldType::text, {}, false},
    {"created_at", 4, FieldType::date, {}, false},    {"title", 5, FieldType::text, {}, false},
    {"a", 6, FieldType::boolean, {}, false},          {"b", 7, FieldType::boolean, {}, false},
};

bool holds(std::string_view text, std::vector<std::string_view> cells)
{
    criteria::Problem problem;
    auto expr = criteria::parse(text, problem);
    REQUIRE(expr);
    cells.resize(k_fields.size());
    return RowCriterion(*expr, k_fields, std::nullopt).holds(cells);
}

} // namespace

TEST_CASE("evaluating criteria on a record")
{
    const auto rule = "fit_score >= 50 and country in [\"US\", \"CA\"] and not is_student and email is set";
    CHECK(holds(rule, {"60", "CA", "false", "a@b.c"}));
    CHECK_FALSE(holds(rule, {"60", "MX", "false", "a@b.c"}));
    CHECK_FALSE(holds(rule, {"60", "US", "false", ""})); // email is set: no

    // Unset values make comparisons false, so their negation true.
    CHECK(holds("not (fit_score > 5)", {}));
    CHECK(holds("fit_score is empty", {}));
    CHECK(holds("not (fit_score > 5)", {"abc"})); // unreadable: unset
    const auto dates = "created_at >= 2027-01-01 and title contains \"VP\"";
    CHECK(holds(dates, {"", "", "", "", "2027-03-01", "SVP Sales"}));
    CHECK_FALSE(holds(dates, {"", "", "", "", "2026-03-01", "VP"}));
    CHECK(holds("a or b", {"", "", "", "", "", "", "", "yes"}));
    // Values of different types do not compare; `!=` with an unset field is false too.
    CHECK_FALSE(holds("country = 5", {"", "5"}));
    CHECK_FALSE(holds("country != \"US\"", {}));
    CHECK(holds("\"CA\" = country", {"", "CA"})); // either way round
    CHECK(holds("(fit_score > 5) = true", {"6"}));
}

TEST_CASE("placeholders read as empty, and ignore_case compares text without case")
{
    const std::vector<CellReading> fields{{"stage", 0, FieldType::text, {"Select"}, true}};
    criteria::Problem problem;
    auto won = criteria::parse("stage = \"Won\"", problem);
    auto set = criteria::parse("stage is set", problem);
    REQUIRE(won);
    REQUIRE(set);
    const RowCriterion is_won(*won, fields, std::nullopt), is_set(*set, fields, std::nullopt);
    const std::vector<std::string_view> upper{"WON"}, select{"SELECT"}, lost{"Lost"};
    CHECK(is_won.holds(upper));
    CHECK_FALSE(is_won.holds(lost));
    CHECK_FALSE(is_set.holds(select)); // a placeholder, in another case
    CHECK(is_set.holds(lost));
    CHECK(is_missing("select", fields[0]));
    CHECK_FALSE(is_missing("Selected", fields[0]));
}

TEST_CASE("NaN and infinities are no number: unreadable, so unset")
{
    // NaN compared as equal to every number: `fit_score = 7` and `>= 1000` held at once.
    for (const auto* cell : {"NaN", "nan", "inf", "-infinity", "1e400"}) {
        CAPTURE(cell);
        CHECK_FALSE(holds("fit_score = 7", {cell}));
        CHECK_FALSE(holds("fit_score >= 1000", {cell}));
        CHECK(holds("fit_score is empty", {cell}));
        CHECK(read_cell(cell, k_fields[0], nullptr).unreadable);
    }
    CHECK(holds("fit_score = 1000", {"1e3"}));
}

TEST_CASE("a number is what every engine of the audit's SQL reads too: 200 digits a side, a two-digit exponent")
{
    const std::string long_whole(201, '1'), long_fraction = "0." + std::string(201, '5');
    for (const std::string& cell : {std::string("1e100"), std::string("2E-100"), long_whole, long_fraction}) {
        CAPTURE(cell);
        CHECK(read_cell(cell, k_fields[0], nullptr).unreadable);
        CHECK(holds("fit_score is empty", {cell}));
    }
    const std::string widest = std::string(200, '9') + "." + std::string(200, '9');
    for (const std::string& cell : {std::string("1e99"), std::string("-.5E+07"), std::string("5."), widest}) {
        CAPTURE(cell);
        CHECK_FALSE(read_cell(cell, k_fields[0], nullptr).unreadable);
    }
}
