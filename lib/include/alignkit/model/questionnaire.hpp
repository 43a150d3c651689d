#pragma once
// A maturity questionnaire: dimensions of the relationship, each with questions that
// evidence one of the four stages, answered on reusable numeric scales.

#include "alignkit/model/enums.hpp"
#include "alignkit/util/location.hpp"

#include <string>
#include <vector>

namespace alignkit {

struct ScaleOption {
    Located<int> value;
    std::string label;
};

struct Scale {
    Located<std::string> id;
    std::string title;
    std::vector<ScaleOption> options; // in the order respondents see them
};

struct Question {
    Located<std::string> id;
    std::string text;
    Located<Stage> stage{};     // the stage a high score evidences
    Located<std::string> scale; // the question's own, or the questionnaire's default
    double weight = 1.0;
    bool reverse = false; // agreeing is evidence against the stage
    std::string help;
    std::vector<std::string> criteria; // what a consultant checks to qualify the answer
};

struct Dimension {
    Located<std::string> id;
    std::string title;
    std::string description;
    double weight = 1.0;
    std::vector<Question> questions;
};

struct Questionnaire {
    std::string version;
    std::vector<Scale> scales;
    std::vector<Dimension> dimensions;
};

} // namespace alignkit
