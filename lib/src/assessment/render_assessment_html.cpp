#include "assessment/render_assessment_html.hpp"
#include "util/escape.hpp"

#include "alignkit/model/version.hpp"

#include <cmath>
#include <fmt/format.h>
#include <numbers>
#include <vector>

namespace alignkit {
namespace {

std::string percent(std::optional<double> x) { return x ? fmt::format("{:.0f}%", *x * 100) : "&ndash;"; }

struct Series {
    std::string name;
    std::string color;
    bool dashed;
    std::vector<std::optional<double>> values; // per dimension, 0..1
};

// A radar chart: one axis per dimension, one polygon per series (points a series lacks sit
// at the centre, and the legend says the team is hidden).
std::string radar(const AssessmentReport& r, const std::vector<Series>& series)
{
    constexpr double k_cx = 380, k_cy = 230, k_radius = 160;
    const std::size_t n = r.dimensions.size();
    if (n < 3) {
        return {};
    }
    auto point = [&](std::size_t i, double value) {
        const double angle =
            -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        return std::pair{k_cx + k_radius * value * std::cos(angle), k_cy + k_radius * value * std::sin(angle)};
    };
    std::string svg = fmt::format("<svg class=\"radar\" viewBox=\"0 0 760 500\" role=\"img\" aria-label=\"Scores per "
                                  "dimension and team\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    for (double ring : {0.25, 0.5, 0.75, 1.0}) {
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) {
            auto [x, y] = point(i, ring);
            pts += fmt::format("{:.1f},{:.1f} ", x, y);
        }
        svg += fmt::format("<polygon points=\"{}\" fill=\"none\" stroke=\"#ccc\"/>\n", pts);
    }
    for (std::size_t i = 0; i < n; ++i) {
        auto [x, y] = point(i, 1.0);
        auto [lx, ly] = point(i, 1.12);
        const char* anchor = std::abs(lx - k_cx) < 10 ? "middle" : lx > k_cx ? "start" : "end";
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ccc\"/>\n", k_cx,
                           k_cy, x, y);
        // Long titles take two or three lines, so they stay inside the picture.
        std::vector<std::string> lines{""};
        std::string_view title = r.dimensions[i].title;
        while (!title.empty()) {
            const auto space = title.find(' ');
            const auto word = title.substr(0, space);
            if (!lines.back().empty() && lines.back().size() + 1 + word.size() > 22) {
                lines.emplace_back();
            }
            lines.back() += (lines.back().empty() ? "" : " ") + std::string(word);
            title = space == std::string_view::npos ? std::string_view{} : title.substr(space + 1);
        }
        svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-size=\"11\">", lx,
                           ly + 4 - 6.5 * static_cast<double>(lines.size() - 1), anchor);
        for (std::size_t k = 0; k < lines.size(); ++k) {
            svg +=
                fmt::format("<tspan x=\"{:.1f}\" dy=\"{}\">{}</tspan>", lx, k == 0 ? "0" : "13", html_escape(lines[k]));
        }
        svg += "</text>\n";
    }
    for (const auto& s : series) {
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) {
            auto [x, y] = point(i, s.values[i].value_or(0.0));
            pts += fmt::format("{:.1f},{:.1f} ", x, y);
        }
        svg += fmt::format(
            "<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.08\" stroke=\"{}\" stroke-width=\"2\"{}/>\n", pts,
            s.color, s.color, s.dashed ? " stroke-dasharray=\"5,4\"" : "");
    }
    double ly = 470;
    double lx = 140;
    for (const auto& s : series) {
        svg += fmt::format("<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"14\" height=\"4\" fill=\"{}\"/><text x=\"{:.0f}\" "
                           "y=\"{:.0f}\" font-size=\"12\">{}</text>\n",
                           lx, ly - 4, s.color, lx + 20, ly + 1, html_escape(s.name));
        lx += 130;
    }
    return svg + "</svg>\n";
}

// The four stages as steps, the company's stage marked.
std::string ladder(const AssessmentReport& r)
{
    std::string svg = "<svg class=\"ladder\" viewBox=\"0 0 520 120\" role=\"img\" aria-label=\"Stage ladder\" "
                      "xmlns=\"http://www.w3.org/2000/svg\">\n";
    for (int i = 0; i < 4; ++i) {
        const auto stage = static_cast<Stage>(i);
        const bool here = stage == r.stage;
        const double x = 10 + i * 125.0;
        const double height = 30 + i * 20.0;
        svg += fmt::format(
            "<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"120\" height=\"{:.0f}\" fill=\"{}\" stroke=\"#333\"/>\n", x,
            110 - height, height, here ? "#2b6cb0" : "#edf2f7");
        svg +=
            fmt::format("<text x=\"{:.0f}\" y=\"104\" text-anchor=\"middle\" font-size=\"13\" fill=\"{}\">{}</text>\n",
                        x + 60, here ? "#fff" : "#222", stage_guide(stage).title);
    }
    return svg + "</svg>\n";
}

constexpr std::string_view k_css =
    R"(body{font:11pt/1.45 system-ui,"Segoe UI",Helvetica,Arial,sans-serif;color:#1b1b1b;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid #bbb;margin-top:1.8rem}
.summary{font-size:1.1rem}.radar,.ladder{width:100%;max-width:44rem;display:block;margin:.5rem auto}
table{border-collapse:collapse;width:100%;font-size:.92em;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right}.flag{color:#b00020;font-weight:bold}.bar{background:#2b6cb0;height:.6rem}
.muted{color:#666;font-size:.9em}code{font-size:.85em}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr,li,svg{break-inside:avoid}@page{margin:15mm}})";

} // namespace

std::string render_assessment_html(const AssessmentReport& r, const AssessRenderOptions& options)
{
    std::vector<Series> series;
    Series all{"All respondents", "#555555", true, {}};
    for (const auto& d : r.dimensions) {
        all.values.push_back(d.score);
    }
    series.push_back(all);
    const std::pair<Team, const char*> colors[] = {
        {Team::sales, "#1f6fb4"}, {Team::marketing, "#c2410c"}, {Team::leadership, "#15803d"}};
    for (const auto& [team, color] : colors) {
        Series s{std::string(to_string(team)), color, false, {}};
        bool shown = false;
        for (const auto& d : r.dimensions) {
            std::optional<double> v;
            for (const auto& t : d.teams) {
                if (t.team == team) {
                    v = t.score;
                }
            }
            shown = shown || v.has_value();
            s.values.push_back(v);
        }
        if (shown) {
            series.push_back(std::move(s));
        }
    }
    std::vector<std::string> counts;
    for (const auto& [team, n] : r.team_counts) {
        counts.push_back(fmt::format("{} {}", n, to_string(team)));
    }
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n<style>\n{1}\n"
        "</style>\n</head>\n<body>\n<h1>{0}</h1>\n<p class=\"summary\">Overall stage: <strong>{2}</strong> "
        "(index {3:.2f} of 3). {4} respondents ({5}); {6} answers, {7} skipped.</p>\n",
        html_escape(r.title), k_css, stage_guide(r.stage).title, r.index, r.respondents,
        html_escape(fmt::format("{}", fmt::join(counts, ", "))), r.answers, r.skips);
    out += ladder(r);
    if (options.explain) {
        out += "<p class=\"muted\">" + html_escape(r.overall_arithmetic) + "</p>\n";
    }
    out += "<h2>Dimensions</h2>\n" + radar(r, series);
    out += fmt::format("<p class=\"muted\">Scores run from 0% to 100%. Teams with fewer than {} answers are not shown, "
                       "nor is the next smallest team when those together are fewer, so that no small group's answers "
                       "can be worked out from the rest; the gap is sales minus marketing, flagged at 25 points or "
                       "more.</p>\n",
                       r.min_group);
    out += "<table>\n<thead><tr><th>Dimension</th><th>Stage</th><th>Index</th><th></th><th>Sales</th><th>Marketing</th>"
           "<th>Leadership</th><th>Gap</th></tr></thead>\n<tbody>\n";
    for (const auto& d : r.dimensions) {
        auto team = [&](Team t) {
            for (const auto& v : d.teams) {
                if (v.team == t) {
                    return v.members == 0 ? std::string("&ndash;") : v.score ? percent(v.score) : std::string("hidden");
                }
            }
            return std::string("&ndash;");
        };
        out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{:.2f}</td><td style=\"width:6rem\"><div "
                           "class=\"bar\" style=\"width:{:.0f}%\"></div></td><td class=\"num\">{}</td><td "
                           "class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num{}\">{}</td></tr>\n",
                           html_escape(d.title), to_string(d.stage), d.index, d.index / 3 * 100, team(Team::sales),
                           team(Team::marketing), team(Team::leadership), d.gap_flagged ? " flag" : "",
                           d.gap ? fmt::format("{:+.0f}", *d.gap * 100) : "&ndash;");
        if (options.explain) {
            out += "<tr><td colspan=\"8\" class=\"muted\">";
            for (const auto& line : d.arithmetic) {
                out += html_escape(line) + "<br>";
            }
            out += "</td></tr>\n";
        }
    }
    out += "</tbody>\n</table>\n";
    auto list = [&](std::string_view heading, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        out += fmt::format("<h2>{}</h2>\n<ul>\n", heading);
        for (const auto& i : items) {
            out += "<li>" + html_escape(i) + "</li>\n";
        }
        out += "</ul>\n";
    };
    list("Strengths", r.strengths);
    list("Where sales and marketing see it differently", r.gaps);
    if (!r.next_steps.empty()) {
        out += "<h2>Next steps</h2>\n<ol>\n";
        for (const auto& s : r.next_steps) {
            out += fmt::format("<li><strong>{}</strong> <span class=\"muted\">({})</span><br>{}</li>\n",
                               html_escape(s.step.title), html_escape(s.dimension), html_escape(s.step.detail));
        }
        out += "</ol>\n";
    }
    out += "<h2>Inputs</h2>\n<ul class=\"muted\">\n";
    for (const auto& i : r.inputs) {
        out += fmt::format("<li><code>{}</code> {}</li>\n", i.sha256,
                           html_escape(i.files.empty() ? i.file : answers_input(i)));
    }
    out += fmt::format("<li>alignkit {}</li>\n</ul>\n</body>\n</html>\n", version());
    return out;
}

} // namespace alignkit
