#pragma once
// Two assessment reports side by side: what moved per dimension and per question, which
// stages changed, and where too few people answered to read much into a change.

#include "alignkit/model/enums.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

struct ScoreMove {
    std::string id;
    std::string title;
    std::optional<double> before, after; // scores 0..1 (dimensions: index 0..3)
    std::optional<Stage> stage_before, stage_after;
};

struct AssessmentComparison {
    std::string before_label, after_label; // file names
    std::size_t before_respondents = 0, after_respondents = 0;
    Stage stage_before{}, stage_after{};
    std::optional<double> index_before, index_after; // none when withheld (rounds a few people apart)
    std::vector<ScoreMove> dimensions; // indices withheld, as the overall's, between rounds a few people apart
    std::vector<ScoreMove> questions;  // only those whose score moved by 0.05 or more
    std::vector<std::string> notes;    // cautions, such as small groups
    bool regressed = false;            // a dimension dropped a stage
};

// Reads two `alignkit assess report --format json` reports. On a problem (not JSON, not an
// assessment report, another version) returns nullopt and says why in `error`.
std::optional<AssessmentComparison> compare_assessments(std::string_view before_json, std::string_view after_json,
                                                        std::string before_label, std::string after_label,
                                                        std::string& error);

enum class CompareFormat { text, markdown, json };
template <> struct EnumNames<CompareFormat> {
    static constexpr std::array<std::string_view, 3> names{"text", "markdown", "json"};
};

std::string render_comparison(const AssessmentComparison& comparison, CompareFormat format);

} // namespace alignkit
