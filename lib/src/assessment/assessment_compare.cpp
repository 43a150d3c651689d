#include "alignkit/assessment/assessment_compare.hpp"

#include "alignkit/assessment/assessment.hpp"

#include "util/escape.hpp"

#include "alignkit/model/version.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace alignkit {
namespace {

using Json = nlohmann::json;

// A question moves when its score changes by at least this much (5 points of 100).
constexpr double k_question_move = 0.05;
// Fewer respondents than this on either side: changes are noted as uncertain.
constexpr std::size_t k_small_sample = 5;

// A dimension's questions, none when it lists none.
const Json& questions_of(const Json& dimension)
{
    static const Json k_none = Json::array();
    const auto it = dimension.find("questions");
    return it != dimension.end() ? *it : k_none;
}

// What is wrong with a report's shape, for the parts a comparison reads: a report edited by
// hand or by another program must give a message, never a JSON library's exception or a
// silently wrong comparison.
std::optional<std::string> shape_problem(const Json& j)
{
    auto optional_stage = [](const Json& at, const std::string& where) -> std::optional<std::string> {
        if (!at.contains("stage") || at["stage"].is_null()) {
            return std::nullopt;
        }
        if (!at["stage"].is_string() || !parse_enum<Stage>(at["stage"].get<std::string>())) {
            return fmt::format("{}\"stage\" is {}, not one of {}", where, at["stage"].dump(),
                               quoted_list(enum_names<Stage>()));
        }
        return std::nullopt;
    };
    auto optional_number = [](const Json& at, const char* key, const std::string& where) -> std::optional<std::string> {
        if (at.contains(key) && !at[key].is_null() && !at[key].is_number()) {
            return fmt::format("{}\"{}\" is {}, not a number", where, key, at[key].dump());
        }
        return std::nullopt;
    };
    auto text = [](const Json& at, const char* key, const std::string& where) -> std::optional<std::string> {
        if (at.contains(key) && !at[key].is_string()) {
            return fmt::format("{}\"{}\" is {}, not text", where, key, at[key].dump());
        }
        return std::nullopt;
    };
    for (const auto& problem : {optional_stage(j, ""), optional_number(j, "index", ""),
                                optional_number(j, "respondents", ""), optional_number(j, "min_group", "")}) {
        if (problem) {
            return problem;
        }
    }
    if (!j.contains("dimensions") || !j["dimensions"].is_array()) {
        return fmt::format("\"dimensions\" is {}, not a list",
                           j.contains("dimensions") ? j["dimensions"].dump() : "missing");
    }
    for (std::size_t i = 0; i < j["dimensions"].size(); ++i) {
        const auto& d = j["dimensions"][i];
        const std::string where = fmt::format("dimension {}: ", i + 1);
        if (!d.is_object()) {
            return where + "not an object";
        }
        for (const auto& problem : {text(d, "id", where), text(d, "title", where), optional_stage(d, where),
                                    optional_number(d, "index", where)}) {
            if (problem) {
                return problem;
            }
        }
        if (d.contains("questions") && !d["questions"].is_array()) {
            return where + "\"questions\" is not a list";
        }
        for (const auto& q : questions_of(d)) {
            if (!q.is_object()) {
                return where + "a question is not an object";
            }
            for (const auto& problem :
                 {text(q, "id", where), text(q, "text", where), optional_number(q, "score", where)}) {
                if (problem) {
                    return problem;
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<Json> read(std::string_view text, const std::string& label, std::string& error)
{
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = fmt::format("'{}' is not JSON; give reports made with 'alignkit assess report --format json'", label);
        return std::nullopt;
    }
    if (j.value("report", "") != "alignkit-assessment") {
        error = fmt::format("'{}' is not an assessment report (its \"report\" is not \"alignkit-assessment\")", label);
        return std::nullopt;
    }
    if (!j["version"].is_number_integer() || j.value("version", 0) != 1) {
        error = fmt::format("'{}' is an assessment report of version {}; this alignkit reads version 1", label,
                            j.value("version", 0));
        return std::nullopt;
    }
    if (auto problem = shape_problem(j)) {
        error = fmt::format("'{}': {}; give reports made with 'alignkit assess report --format json'", label, *problem);
        return std::nullopt;
    }
    return j;
}

std::optional<double> number(const Json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? std::optional<double>(it->get<double>()) : std::nullopt;
}

std::optional<Stage> stage(const Json& j)
{
    auto it = j.find("stage");
    return it != j.end() && it->is_string() ? parse_enum<Stage>(it->get<std::string>()) : std::nullopt;
}

std::string arrow(std::optional<double> before, std::optional<double> after, double scale, const char* unit)
{
    auto shown = [&](std::optional<double> x) {
        return x ? fmt::format("{:.{}f}{}", *x * scale, scale == 1 ? 2 : 0, unit) : std::string("-");
    };
    std::string out = fmt::format("{} -> {}", shown(before), shown(after));
    if (before && after) {
        out += fmt::format(" ({:+.{}f})", (*after - *before) * scale, scale == 1 ? 2 : 0);
    }
    return out;
}

} // namespace

std::optional<AssessmentComparison> compare_assessments(std::string_view before_json, std::string_view after_json,
                                                        std::string before_label, std::string after_label,
                                                        std::string& error)
{
    auto before = read(before_json, before_label, error);
    if (!before) {
        return std::nullopt;
    }
    auto after = read(after_json, after_label, error);
    if (!after) {
        return std::nullopt;
    }
    AssessmentComparison c;
    c.before_label = std::move(before_label);
    c.after_label = std::move(after_label);
    c.before_respondents = before->value("respondents", std::size_t{0});
    c.after_respondents = after->value("respondents", std::size_t{0});
    c.stage_before = stage(*before).value_or(Stage::undefined);
    c.stage_after = stage(*after).value_or(Stage::undefined);
    c.index_before = number(*before, "index").value_or(0);
    c.index_after = number(*after, "index").value_or(0);
    if (before->value("/questionnaire/name"_json_pointer, "") != after->value("/questionnaire/name"_json_pointer, "")) {
        c.notes.push_back("the two reports come from different questionnaires; only dimensions and questions with the "
                          "same id are compared");
    }
    if (std::min(c.before_respondents, c.after_respondents) < k_small_sample) {
        c.notes.push_back(
            fmt::format("few respondents ({} before, {} after): a change of one or two answers moves these "
                        "numbers, so read small changes with care",
                        c.before_respondents, c.after_respondents));
    }

    // Rounds a few people apart: when the others answered as before, each question's move is
    // what those few answered (man alignkit-assess, rule 8), and so is an index's move where one
    // question carries a stage; only stages are compared then.
    const auto min_group =
        std::max(before->value("min_group", k_default_min_group), after->value("min_group", k_default_min_group));
    const auto apart =
        std::max(c.before_respondents, c.after_respondents) - std::min(c.before_respondents, c.after_respondents);
    const bool list_questions = apart == 0 || apart >= min_group;
    if (!list_questions) {
        c.notes.push_back(fmt::format("the rounds are {} respondent{} apart, fewer than the reports' threshold of {}: "
                                      "question scores and indices could show what {} answered, so only stages are "
                                      "compared",
                                      apart, apart == 1 ? "" : "s", min_group, apart == 1 ? "that person" : "they"));
        c.index_before.reset();
        c.index_after.reset();
    }

    std::map<std::string, const Json*> old_dims, old_questions;
    for (const auto& d : (*before)["dimensions"]) {
        old_dims[d.value("id", "")] = &d;
        for (const auto& q : questions_of(d)) {
            old_questions[q.value("id", "")] = &q;
        }
    }
    for (const auto& d : (*after)["dimensions"]) {
        ScoreMove m{d.value("id", ""), d.value("title", ""), std::nullopt, number(d, "index"), std::nullopt, stage(d)};
        if (auto it = old_dims.find(m.id); it != old_dims.end()) {
            m.before = number(*it->second, "index");
            m.stage_before = stage(*it->second);
        }
        if (!list_questions) {
            m.before.reset();
            m.after.reset();
        }
        if (m.stage_before && m.stage_after && *m.stage_after < *m.stage_before) {
            c.regressed = true;
        }
        c.dimensions.push_back(m);
        for (const auto& q : questions_of(d)) {
            ScoreMove qm{q.value("id", ""),  q.value("text", ""), std::nullopt,
                         number(q, "score"), std::nullopt,        std::nullopt};
            if (auto it = old_questions.find(qm.id); it != old_questions.end()) {
                qm.before = number(*it->second, "score");
            }
            if (list_questions && (!qm.before || !qm.after || std::abs(*qm.after - *qm.before) >= k_question_move)) {
                c.questions.push_back(qm);
            }
        }
    }
    return c;
}

std::string render_comparison(const AssessmentComparison& c, CompareFormat format)
{
    if (format == CompareFormat::json) {
        using OJson = nlohmann::ordered_json;
        auto opt = [](std::optional<double> x) { return x ? OJson(*x) : OJson(nullptr); };
        auto stage_json = [](std::optional<Stage> s) { return s ? OJson(to_string(*s)) : OJson(nullptr); };
        OJson dims = OJson::array();
        for (const auto& d : c.dimensions) {
            dims.push_back({{"id", d.id},
                            {"title", d.title},
                            {"index_before", opt(d.before)},
                            {"index_after", opt(d.after)},
                            {"stage_before", stage_json(d.stage_before)},
                            {"stage_after", stage_json(d.stage_after)}});
        }
        OJson questions = OJson::array();
        for (const auto& q : c.questions) {
            questions.push_back(
                {{"id", q.id}, {"text", q.title}, {"score_before", opt(q.before)}, {"score_after", opt(q.after)}});
        }
        OJson out = {{"report", "alignkit-assessment-comparison"},
                     {"version", 1},
                     {"tool", {{"name", "alignkit"}, {"version", version()}}},
                     {"before",
                      {{"file", c.before_label},
                       {"respondents", c.before_respondents},
                       {"stage", to_string(c.stage_before)},
                       {"index", opt(c.index_before)}}},
                     {"after",
                      {{"file", c.after_label},
                       {"respondents", c.after_respondents},
                       {"stage", to_string(c.stage_after)},
                       {"index", opt(c.index_after)}}},
                     {"regressed", c.regressed},
                     {"notes", c.notes},
                     {"dimensions", dims},
                     {"questions", questions}};
        return out.dump(2, ' ', false, OJson::error_handler_t::replace) + "\n";
    }
    const bool md = format == CompareFormat::markdown;
    auto esc = [&](std::string_view text) { return md ? markdown_escape(text) : std::string(text); };
    auto stage_move = [](std::optional<Stage> a, std::optional<Stage> b) {
        if (!a || !b) {
            return std::string(b ? "new" : "gone");
        }
        if (*a == *b) {
            return std::string(to_string(*b));
        }
        return fmt::format("{} -> {} ({})", to_string(*a), to_string(*b), *b > *a ? "up" : "DOWN");
    };
    std::string out = md ? fmt::format("## Assessment: {} -> {}\n\n", esc(c.before_label), esc(c.after_label))
                         : fmt::format("{} -> {}\n", c.before_label, c.after_label);
    const auto overall = stage_move(c.stage_before, c.stage_after);
    // Indices withheld (rounds a few people apart) leave their places out, not dashes.
    const auto index = c.index_before || c.index_after
                           ? fmt::format(" (index {})", arrow(c.index_before, c.index_after, 1, ""))
                           : std::string();
    auto dimension_index = [](const ScoreMove& d) {
        return d.before || d.after ? arrow(d.before, d.after, 1, "") : std::string("-");
    };
    out += md ? fmt::format("**Overall:** {}{}  \n**Respondents:** {} -> {}\n\n", overall, index, c.before_respondents,
                            c.after_respondents)
              : fmt::format("Overall: {}{}; respondents {} -> {}\n\n", overall, index, c.before_respondents,
                            c.after_respondents);
    out += md ? "| Dimension | Stage | Index |\n|---|---|---|\n" : "Dimensions\n";
    for (const auto& d : c.dimensions) {
        out += md ? fmt::format("| {} | {} | {} |\n", esc(d.title), stage_move(d.stage_before, d.stage_after),
                                dimension_index(d))
                  : fmt::format("  {:<46} {:<34} {}\n", d.title, stage_move(d.stage_before, d.stage_after),
                                dimension_index(d));
    }
    if (!c.questions.empty()) {
        out +=
            md ? "\n**Questions that moved by 5 points or more**\n\n" : "\nQuestions that moved by 5 points or more\n";
        for (const auto& q : c.questions) {
            out += md ? fmt::format("- {}: {}\n", markdown_block(q.title), arrow(q.before, q.after, 100, "%"))
                      : wrap(fmt::format("{}: {}", q.title, arrow(q.before, q.after, 100, "%")), 78, "  - ", "    ");
        }
    }
    for (const auto& note : c.notes) {
        out += md ? fmt::format("\n> Note: {}\n", esc(note)) : "\n" + wrap("Note: " + note, 78, "", "  ");
    }
    return terminal_safe(out);
}

} // namespace alignkit
