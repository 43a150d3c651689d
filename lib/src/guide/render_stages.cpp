#include "alignkit/guide/stages.hpp"
#include "alignkit/model/version.hpp"
#include "alignkit/util/text.hpp"
#include "util/escape.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <vector>

namespace alignkit {
namespace {

std::vector<const StageGuide*> selected(std::optional<Stage> only)
{
    std::vector<const StageGuide*> out;
    for (const auto& guide : stage_guides()) {
        if (!only || guide.stage == *only) {
            out.push_back(&guide);
        }
    }
    return out;
}

std::optional<Stage> next_stage(Stage stage)
{
    const auto i = static_cast<std::size_t>(stage) + 1;
    if (i >= enum_names<Stage>().size()) {
        return std::nullopt;
    }
    return static_cast<Stage>(i);
}

std::string steps_heading(Stage stage)
{
    auto next = next_stage(stage);
    return next ? fmt::format("Steps to {}", stage_guide(*next).title) : "Staying integrated";
}

std::string render_text(const std::vector<const StageGuide*>& guides)
{
    constexpr std::size_t k_width = 78;
    std::string out;
    for (const auto* g : guides) {
        if (!out.empty()) {
            out += '\n';
        }
        out += fmt::format("{}. {}\n", static_cast<int>(g->stage) + 1, g->title);
        out += wrap(g->summary, k_width, "   ", "   ");
        out += "\n   Signs\n";
        for (auto sign : g->signs) {
            out += wrap(sign, k_width, "     - ", "       ");
        }
        out += fmt::format("\n   {}\n", steps_heading(g->stage));
        int n = 1;
        for (const auto& step : g->steps) {
            out += wrap(fmt::format("{}. {}: {}", n++, step.title, step.detail), k_width, "     ", "        ");
        }
    }
    return out;
}

std::string render_markdown(const std::vector<const StageGuide*>& guides)
{
    std::string out = "# The four stages of the sales and marketing relationship\n";
    for (const auto* g : guides) {
        out += fmt::format("\n## {}. {}\n\n{}\n\n### Signs\n\n", static_cast<int>(g->stage) + 1,
                           markdown_escape(g->title), markdown_escape(g->summary));
        for (auto sign : g->signs) {
            out += fmt::format("- {}\n", markdown_block(sign));
        }
        out += fmt::format("\n### {}\n\n", steps_heading(g->stage));
        int n = 1;
        for (const auto& step : g->steps) {
            out += fmt::format("{}. **{}.** {}\n", n++, markdown_escape(step.title), markdown_escape(step.detail));
        }
    }
    return out;
}

std::string render_json(const std::vector<const StageGuide*>& guides)
{
    using Json = nlohmann::ordered_json;
    Json stages = Json::array();
    for (const auto* g : guides) {
        Json steps = Json::array();
        for (const auto& step : g->steps) {
            steps.push_back({{"title", step.title}, {"detail", step.detail}});
        }
        auto next = next_stage(g->stage);
        stages.push_back({{"id", to_string(g->stage)},
                          {"order", static_cast<int>(g->stage) + 1},
                          {"title", g->title},
                          {"summary", g->summary},
                          {"signs", std::vector<std::string_view>(g->signs.begin(), g->signs.end())},
                          {"next", next ? Json(to_string(*next)) : Json(nullptr)},
                          {"steps", std::move(steps)}});
    }
    Json report = {{"report", "alignkit-stages"},
                   {"version", 1},
                   {"tool", {{"name", "alignkit"}, {"version", version()}}},
                   {"stages", std::move(stages)}};
    return report.dump(2) + "\n";
}

} // namespace

std::string render_stages(std::optional<Stage> only, StagesFormat format)
{
    auto guides = selected(only);
    switch (format) {
    case StagesFormat::text:
        return render_text(guides);
    case StagesFormat::markdown:
        return render_markdown(guides);
    case StagesFormat::json:
        return render_json(guides);
    }
    return {};
}

} // namespace alignkit
