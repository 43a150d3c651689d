#pragma once
// Scoring a maturity questionnaire: where the company stands on the four stages, overall and
// per dimension, where sales and marketing see things differently, and what to do next.
//
// How the numbers are made (man alignkit-assess says the same):
//  1. An answer v on a scale from min to max scores (v - min) / (max - min), from 0 to 1;
//     a reverse-scored question scores 1 minus that. Skipped answers are left out.
//  2. A question's score is the mean over the respondents who answered it.
//  3. In a dimension, a stage's evidence is the weighted mean of the scores of its questions
//     that evidence that stage. A stage is reached when its evidence is at least the reach
//     threshold (0.6) and every earlier stage with evidence is reached; a stage without
//     questions in the dimension neither counts nor blocks.
//  4. A dimension's stage is the last stage reached (undefined if none); its index is the
//     stage's number (undefined 0 ... integrated 3) plus the progress toward the next stage
//     with evidence: that stage's evidence divided by the threshold, below 1.
//  5. The overall index is the weighted mean of the dimension indices. The overall stage is
//     the stage of the index's whole part, but never more than one stage above the weakest
//     dimension.
//  6. The perception gap of a question or dimension is the difference between the sales and
//     marketing scores; it is flagged at 0.25 or more. A team disagrees on a question when the
//     standard deviation of its members' scores is above 0.25, and on a dimension when it
//     disagrees on most of the dimension's questions where it is shown. The deviation itself is
//     never shown: with a small team, a mean and a deviation together pin its members' answers.
//  7. A team's numbers for a question are shown only when at least `min_group` of its members
//     answered it. When the hidden teams of a question have fewer than `min_group` answers
//     between them, the smallest shown teams are hidden too (complementary suppression), so that
//     the overall figure minus the shown teams' never gives the answers of fewer than
//     `min_group` people.
//  8. A team's figure for a dimension is the weighted mean of its shown question figures (the
//     way the dimension's own score is made from the question scores), shown when the team is
//     shown on at least half the dimension's scored questions. The dimension's gap is the
//     weighted mean of the question gaps where both teams are shown. These add nothing a reader
//     could not work out from the question figures, so no combination of shown figures says
//     more about a hidden group than the question figures do. (A mean of each member's own
//     mean would link one person's answers across questions: with skips, that pinned a hidden
//     leader's answer exactly.)

#include "alignkit/guide/stages.hpp"
#include "alignkit/model/document.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace alignkit {

// The anonymity threshold unless the consultant chooses another: the smallest group whose
// numbers a report shows.
inline constexpr std::size_t k_default_min_group = 3;

struct AssessOptions {
    std::size_t min_group = k_default_min_group; // smallest group whose numbers are shown
    double reach = 0.6;                          // evidence a stage needs to count as reached
    double gap_flag = 0.25;                      // sales-marketing difference that is flagged
    double spread_flag = 0.25;                   // within-team standard deviation that is flagged
    bool show_respondents = false;               // include each person's answers (they are private otherwise)
};

struct TeamView {
    Team team{};
    std::size_t members = 0;     // the team's respondents in the report, whether they answered or not
    std::size_t respondents = 0; // members who answered; private unless `score` is shown
    std::optional<double> score; // nullopt when hidden (fewer than min_group, or a complement)
    bool disagrees = false;      // see rule 6; false when hidden
    bool complement = false;     // hidden although large enough: see rule 7
};

struct QuestionResult {
    std::string id;
    std::string text;
    Stage stage{};
    bool reverse = false;
    std::size_t answered = 0;
    std::size_t skipped = 0; // explicitly skipped or left unanswered
    std::optional<double> score;
    std::vector<TeamView> teams; // sales, marketing, leadership, then others present
    std::optional<double> gap;   // sales minus marketing, when both are shown
    bool gap_flagged = false;
};

struct DimensionResult {
    std::string id;
    std::string title;
    double weight = 1;
    Stage stage = Stage::undefined;
    double index = 0;
    std::optional<double> score;                     // weighted mean of the question scores, 0..1
    std::array<std::optional<double>, 4> evidence{}; // by stage; [0] (undefined) stays empty
    std::vector<TeamView> teams;
    std::optional<double> gap;
    bool gap_flagged = false;
    std::vector<std::string> arithmetic; // how the stage and index were reached, line by line
    std::vector<QuestionResult> questions;
};

struct NextStep {
    std::string dimension; // the dimension's title
    Stage from{};          // where it stands
    StageStep step;
};

// One person's answers, for --show-respondents only: reports never show them otherwise.
struct RespondentAnswers {
    std::string id;
    Team team{};
    std::vector<std::pair<std::string, std::optional<int>>> answers; // question id, value (nullopt: skipped)
};

// A file read, with its SHA-256; or the files of answers taken together (`files` set), whose
// digest is the SHA-256 of what `sha256sum FILES` prints for them in this order, so that
// `sha256sum FILES | sha256sum` checks it.
struct Input {
    std::string file;
    std::string sha256;
    std::vector<std::string> files;
};

struct AssessmentReport {
    std::string questionnaire; // metadata.name
    std::string title;
    std::string version;
    std::size_t respondents = 0;
    std::vector<std::pair<Team, std::size_t>> team_counts;
    std::size_t answers = 0, skips = 0; // over all respondents and questions
    Stage stage = Stage::undefined;
    double index = 0;
    std::string overall_arithmetic;
    std::vector<DimensionResult> dimensions;
    std::vector<std::string> strengths; // dimension titles, strongest first
    std::vector<std::string> gaps;      // flagged gaps, largest first, in words
    std::vector<NextStep> next_steps;   // ranked
    std::vector<Input> inputs;
    std::size_t min_group = k_default_min_group;
    std::vector<RespondentAnswers> respondent_answers; // empty unless AssessOptions::show_respondents
};

// Scores `questionnaire` from every Response among `documents` that answers it (a later
// response of the same respondent replaces an earlier one). `sources` are the files read,
// for the inputs list with their SHA-256.
AssessmentReport assess(const Document& questionnaire, std::span<const Document> documents,
                        std::span<const std::pair<std::string, std::string>> sources, const AssessOptions& options);

enum class AssessFormat { text, markdown, html, json, csv };
template <> struct EnumNames<AssessFormat> {
    static constexpr std::array<std::string_view, 5> names{"text", "markdown", "html", "json", "csv"};
};

struct AssessRenderOptions {
    bool explain = false; // show the arithmetic behind every number
};

std::string render_assessment(const AssessmentReport& report, AssessFormat format, const AssessRenderOptions& options);
// How a report names the files of answers hashed together, and how to check their digest.
std::string answers_input(const Input& input);

} // namespace alignkit
