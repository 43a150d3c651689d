// The renderers of an assessment report: text for a terminal, Markdown, versioned JSON.

#include "alignkit/assessment/assessment.hpp"
#include "alignkit/model/version.hpp"
#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"
#include "assessment/render_assessment_html.hpp"
#include "util/escape.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace alignkit {
namespace {

std::string percent(std::optional<double> x) { return x ? fmt::format("{:.0f}%", *x * 100) : "-"; }

std::string team_name(Team t) { return std::string(to_string(t)); }

std::string signed_points(std::optional<double> gap) { return gap ? fmt::format("{:+.0f}", *gap * 100) : "-"; }

std::string render_text(const AssessmentReport& r, const AssessRenderOptions& options)
{
    std::string out = fmt::format("{} (questionnaire {} {})\n", r.title, r.questionnaire, r.version);
    std::vector<std::string> counts;
    for (const auto& [team, n] : r.team_counts) {
        counts.push_back(fmt::format("{} {}", n, team_name(team)));
    }
    out += fmt::format("{} respondents ({}); {} answers, {} skipped\n\n", r.respondents, fmt::join(counts, ", "),
                       r.answers, r.skips);
    out += fmt::format("Overall: {} (index {:.2f} of 3)\n", to_string(r.stage), r.index);
    if (options.explain) {
        out += wrap(r.overall_arithmetic, 78, "  ", "  ");
    }
    out += "\n";
    std::size_t width = 9;
    for (const auto& d : r.dimensions) {
        width = std::max(width, d.title.size());
    }
    out += fmt::format("  {:<{}}  {:<10}  {:>5}  {:>6}  {}\n", "Dimension", width, "Stage", "Index", "Gap", "Teams");
    for (const auto& d : r.dimensions) {
        std::vector<std::string> cells;
        for (const auto& t : d.teams) {
            if (t.members > 0) {
                cells.push_back(t.score ? fmt::format("{} {}", team_name(t.team), percent(t.score))
                                        : fmt::format("{} hidden", team_name(t.team)));
            }
        }
        out += fmt::format("  {:<{}}  {:<10}  {:>5.2f}  {:>6}  {}\n", d.title, width, to_string(d.stage), d.index,
                           signed_points(d.gap) + (d.gap_flagged ? "!" : ""), fmt::join(cells, ", "));
        if (options.explain) {
            for (const auto& line : d.arithmetic) {
                out += wrap(line, 78, "      ", "        ");
            }
        }
    }
    out += fmt::format("\n  Gap: sales minus marketing, in points of 100; ! marks a gap of {} or more.\n"
                       "  Teams with fewer than {} answers are hidden, and so is the next smallest team when\n"
                       "  those together are fewer: no small group's answers can be worked out from the rest.\n",
                       "25", r.min_group);
    if (!r.strengths.empty()) {
        out += "\nStrengths\n";
        for (const auto& s : r.strengths) {
            out += wrap(s, 78, "  - ", "    ");
        }
    }
    if (!r.gaps.empty()) {
        out += "\nWhere sales and marketing see it differently\n";
        for (const auto& g : r.gaps) {
            out += wrap(g, 78, "  - ", "    ");
        }
    }
    if (!r.next_steps.empty()) {
        out += "\nNext steps\n";
        int n = 1;
        for (const auto& s : r.next_steps) {
            out +=
                wrap(fmt::format("{}. {} ({}): {}", n++, s.step.title, s.dimension, s.step.detail), 78, "  ", "     ");
        }
    }
    if (!r.respondent_answers.empty()) {
        out += "\nRespondents (shown because --show-respondents was given)\n";
        for (const auto& who : r.respondent_answers) {
            std::vector<std::string> cells;
            for (const auto& [id, value] : who.answers) {
                cells.push_back(fmt::format("{}={}", id, value ? std::to_string(*value) : "skip"));
            }
            out +=
                wrap(fmt::format("{} ({}): {}", who.id, team_name(who.team), fmt::join(cells, " ")), 78, "  ", "    ");
        }
    }
    out += "\nInputs\n";
    for (const auto& i : r.inputs) {
        if (i.files.empty()) {
            out += fmt::format("  {}  {}\n", i.sha256, i.file);
            continue;
        }
        out += fmt::format("  {}  the answers, {} file{} hashed together (sha256sum FILES | sha256sum):\n", i.sha256,
                           i.files.size(), i.files.size() == 1 ? "" : "s");
        for (const auto& file : i.files) {
            out += fmt::format("    {}\n", file);
        }
    }
    out += fmt::format("  alignkit {}\n", version());
    return out;
}

std::string render_markdown(const AssessmentReport& r, const AssessRenderOptions& options)
{
    std::string out = fmt::format("# {}\n\n", markdown_escape(r.title));
    std::vector<std::string> counts;
    for (const auto& [team, n] : r.team_counts) {
        counts.push_back(fmt::format("{} {}", n, team_name(team)));
    }
    out += fmt::format("**Overall stage:** {} (index {:.2f} of 3)  \n**Respondents:** {} ({})  \n"
                       "**Answers:** {}, {} skipped\n\n",
                       to_string(r.stage), r.index, r.respondents, fmt::join(counts, ", "), r.answers, r.skips);
    if (options.explain) {
        out += markdown_block(r.overall_arithmetic) + "\n\n";
    }
    out += "## Dimensions\n\n| Dimension | Stage | Index | Sales | Marketing | Leadership | Gap |\n"
           "|---|---|---|---|---|---|---|\n";
    for (const auto& d : r.dimensions) {
        auto team = [&](Team t) {
            for (const auto& v : d.teams) {
                if (v.team == t) {
                    return v.members == 0 ? std::string("-") : v.score ? percent(v.score) : std::string("hidden");
                }
            }
            return std::string("-");
        };
        out += fmt::format("| {} | {} | {:.2f} | {} | {} | {} | {}{} |\n", markdown_escape(d.title), to_string(d.stage),
                           d.index, team(Team::sales), team(Team::marketing), team(Team::leadership),
                           signed_points(d.gap), d.gap_flagged ? " **!**" : "");
    }
    out += fmt::format("\nGap: sales minus marketing, in points of 100. Teams with fewer than {} answers are "
                       "hidden, and so is the next smallest team when those together are fewer: no small group's "
                       "answers can be worked out from the rest.\n",
                       r.min_group);
    if (options.explain) {
        out += "\n## How each stage was reached\n\n";
        for (const auto& d : r.dimensions) {
            out += "**" + markdown_escape(d.title) + "**\n\n";
            for (const auto& line : d.arithmetic) {
                out += "- " + markdown_block(line) + "\n";
            }
            out += "\n";
        }
    }
    auto list = [&](std::string_view heading, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        out += fmt::format("\n## {}\n\n", heading);
        for (const auto& i : items) {
            out += "- " + markdown_block(i) + "\n";
        }
    };
    list("Strengths", r.strengths);
    list("Where sales and marketing see it differently", r.gaps);
    if (!r.next_steps.empty()) {
        out += "\n## Next steps\n\n";
        int n = 1;
        for (const auto& s : r.next_steps) {
            out += fmt::format("{}. **{}** ({}): {}\n", n++, markdown_escape(s.step.title),
                               markdown_escape(s.dimension), markdown_escape(s.step.detail));
        }
    }
    if (!r.respondent_answers.empty()) {
        out += "\n## Respondents\n\n| Respondent | Team | Answers |\n|---|---|---|\n";
        for (const auto& who : r.respondent_answers) {
            std::vector<std::string> cells;
            for (const auto& [id, value] : who.answers) {
                cells.push_back(fmt::format("{}={}", id, value ? std::to_string(*value) : "skip"));
            }
            out += fmt::format("| {} | {} | {} |\n", markdown_escape(who.id), team_name(who.team),
                               markdown_escape(fmt::format("{}", fmt::join(cells, " "))));
        }
    }
    out += "\n## Inputs\n\n";
    for (const auto& i : r.inputs) {
        out += fmt::format("- `{}` {}\n", i.sha256, markdown_escape(i.files.empty() ? i.file : answers_input(i)));
    }
    out += fmt::format("- alignkit {}\n", version());
    return out;
}

std::string render_json(const AssessmentReport& r)
{
    using Json = nlohmann::ordered_json;
    // Figures to six decimals: the last bits of a mean depend on which values were added in
    // which order, which would say a little about the answers behind it.
    auto six = [](double x) { return std::round(x * 1e6) / 1e6; };
    auto opt = [&](std::optional<double> x) { return x ? Json(six(*x)) : Json(nullptr); };
    auto teams_json = [&](const std::vector<TeamView>& teams) {
        Json out = Json::array();
        for (const auto& t : teams) {
            if (t.members == 0) {
                continue;
            }
            // A hidden team's count of answers is private too: for a team of one it would say
            // whether that person skipped.
            out.push_back({{"team", to_string(t.team)},
                           {"respondents", t.score ? Json(t.respondents) : Json(nullptr)},
                           {"score", opt(t.score)},
                           {"disagrees", t.disagrees}});
        }
        return out;
    };
    Json dims = Json::array();
    for (const auto& d : r.dimensions) {
        Json questions = Json::array();
        for (const auto& q : d.questions) {
            questions.push_back({{"id", q.id},
                                 {"text", q.text},
                                 {"stage", to_string(q.stage)},
                                 {"reverse", q.reverse},
                                 {"answered", q.answered},
                                 {"skipped", q.skipped},
                                 {"score", opt(q.score)},
                                 {"teams", teams_json(q.teams)},
                                 {"gap", opt(q.gap)},
                                 {"gap_flagged", q.gap_flagged}});
        }
        Json evidence = Json::object();
        for (Stage s : {Stage::defined, Stage::aligned, Stage::integrated}) {
            evidence[std::string(to_string(s))] = opt(d.evidence.at(static_cast<std::size_t>(s)));
        }
        dims.push_back({{"id", d.id},
                        {"title", d.title},
                        {"weight", d.weight},
                        {"stage", to_string(d.stage)},
                        {"index", six(d.index)},
                        {"evidence", evidence},
                        {"teams", teams_json(d.teams)},
                        {"gap", opt(d.gap)},
                        {"gap_flagged", d.gap_flagged},
                        {"arithmetic", d.arithmetic},
                        {"questions", questions}});
    }
    Json steps = Json::array();
    for (const auto& s : r.next_steps) {
        steps.push_back({{"dimensions", s.dimension},
                         {"from", to_string(s.from)},
                         {"title", s.step.title},
                         {"detail", s.step.detail}});
    }
    Json inputs = Json::array();
    for (const auto& i : r.inputs) {
        if (i.files.empty()) {
            inputs.push_back({{"file", i.file}, {"sha256", i.sha256}});
        } else {
            inputs.push_back({{"answers", i.files}, {"sha256", i.sha256}, {"of", "sha256sum listing"}});
        }
    }
    Json counts = Json::object();
    for (const auto& [team, n] : r.team_counts) {
        counts[std::string(to_string(team))] = n;
    }
    Json report = {{"report", "alignkit-assessment"},
                   {"version", 1},
                   {"tool", {{"name", "alignkit"}, {"version", version()}}},
                   {"questionnaire", {{"name", r.questionnaire}, {"title", r.title}, {"version", r.version}}},
                   {"respondents", r.respondents},
                   {"teams", counts},
                   {"answers", r.answers},
                   {"skipped", r.skips},
                   {"min_group", r.min_group},
                   {"stage", to_string(r.stage)},
                   {"index", six(r.index)},
                   {"arithmetic", r.overall_arithmetic},
                   {"dimensions", dims},
                   {"strengths", r.strengths},
                   {"gaps", r.gaps},
                   {"next_steps", steps},
                   {"inputs", inputs}};
    if (!r.respondent_answers.empty()) {
        Json people = Json::array();
        for (const auto& who : r.respondent_answers) {
            Json answers = Json::object();
            for (const auto& [id, value] : who.answers) {
                answers[id] = value ? Json(*value) : Json("skip");
            }
            people.push_back({{"id", who.id}, {"team", to_string(who.team)}, {"answers", answers}});
        }
        report["respondents_answers"] = std::move(people);
    }
    return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string csv_number(std::optional<double> x) { return x ? fmt::format("{:.4f}", *x) : ""; }

// One row per dimension and per question, with the score of every team shown.
std::string render_csv(const AssessmentReport& r)
{
    std::vector<Team> teams;
    for (const auto& [team, n] : r.team_counts) {
        teams.push_back(team);
    }
    std::string out = "level,dimension,question,text,stage,index,score";
    for (Team t : teams) {
        out += fmt::format(",{}_score", to_string(t));
    }
    out += ",gap,gap_flagged,answered,skipped\r\n";
    auto team_scores = [&](const std::vector<TeamView>& views) {
        std::string cells;
        for (Team t : teams) {
            std::optional<double> score;
            for (const auto& v : views) {
                if (v.team == t) {
                    score = v.score;
                }
            }
            cells += "," + csv_number(score);
        }
        return cells;
    };
    for (const auto& d : r.dimensions) {
        std::vector<double> scores;
        for (const auto& q : d.questions) {
            if (q.score) {
                scores.push_back(*q.score);
            }
        }
        out += fmt::format("dimension,{},,{},{},{:.4f},{}", csv_cell(d.id), csv_cell(d.title), to_string(d.stage),
                           d.index, csv_number(d.score));
        out += team_scores(d.teams);
        out += fmt::format(",{},{},,\r\n", csv_number(d.gap), d.gap_flagged ? "yes" : "no");
        for (const auto& q : d.questions) {
            out += fmt::format("question,{},{},{},{},,{}", csv_cell(d.id), csv_cell(q.id), csv_cell(q.text),
                               to_string(q.stage), csv_number(q.score));
            out += team_scores(q.teams);
            out +=
                fmt::format(",{},{},{},{}\r\n", csv_number(q.gap), q.gap_flagged ? "yes" : "no", q.answered, q.skipped);
        }
    }
    return out;
}

} // namespace

std::string answers_input(const Input& input)
{
    return fmt::format("the answers, {} file{} hashed together (sha256sum FILES | sha256sum): {}", input.files.size(),
                       input.files.size() == 1 ? "" : "s", fmt::join(input.files, ", "));
}

std::string render_assessment(const AssessmentReport& report, AssessFormat format, const AssessRenderOptions& options)
{
    switch (format) {
    case AssessFormat::text:
        return terminal_safe(render_text(report, options));
    case AssessFormat::markdown:
        return render_markdown(report, options);
    case AssessFormat::json:
        return render_json(report);
    case AssessFormat::csv:
        return render_csv(report);
    case AssessFormat::html:
        return render_assessment_html(report, options);
    }
    return {};
}

} // namespace alignkit
