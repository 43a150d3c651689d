#pragma once
// The built-in maturity model: the four stages of the sales-marketing relationship, how
// each shows itself, and the steps that move a company to the next one.

#include "alignkit/model/enums.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace alignkit {

struct StageStep {
    std::string_view title;
    std::string_view detail;
};

struct StageGuide {
    Stage stage;
    std::string_view title;
    std::string_view summary;
    std::span<const std::string_view> signs; // how to recognise the stage
    std::span<const StageStep> steps;        // what moves a company to the next stage
};

// All four, in order from undefined to integrated.
std::span<const StageGuide> stage_guides();
const StageGuide& stage_guide(Stage stage);

enum class StagesFormat { text, markdown, json };
template <> struct EnumNames<StagesFormat> {
    static constexpr std::array<std::string_view, 3> names{"text", "markdown", "json"};
};

// Renders the given stage, or all four when `only` is empty.
std::string render_stages(std::optional<Stage> only, StagesFormat format);

} // namespace alignkit
