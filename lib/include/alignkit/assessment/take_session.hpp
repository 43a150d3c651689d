#pragma once
// One respondent answering a questionnaire, question by question: what to ask next, what a
// line of input means, and the Response document to save after every answer. The terminal
// side (prompts, reading lines) is the command's; this holds no I/O.

#include "alignkit/model/document.hpp"
#include "alignkit/util/date.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

struct TakeStep {
    const Dimension* dimension;
    const Question* question;
};

class TakeSession {
  public:
    // `name` is the questionnaire's metadata.name (the saved Response is named after it);
    // `reference` is how the Response refers to it: the name, or a relative file path.
    TakeSession(const Questionnaire& questionnaire, std::string name, std::string reference, Respondent respondent,
                Date date);

    // Takes over the answers of an earlier, interrupted run and moves to the first question
    // neither answered nor skipped.
    void resume(const Response& earlier);

    std::size_t size() const { return m_steps.size(); }
    std::size_t position() const { return m_position; } // 0-based; == size() when finished
    bool finished() const { return m_position >= m_steps.size(); }
    const TakeStep& current() const { return m_steps.at(m_position); }
    const Scale* current_scale() const;

    enum class Outcome { answered, skipped, back, help, quit, invalid };
    struct Result {
        Outcome outcome;
        std::string message; // for invalid input: what was expected
    };
    // Applies one line: a scale value, "s" (skip), "b" (back), "?" (help), "q" (quit).
    Result apply(std::string_view line);

    std::size_t answered() const;
    // The Response document, ready to write (YAML, one document).
    std::string to_yaml() const;

  private:
    const Questionnaire& m_questionnaire;
    std::string m_name;
    std::string m_reference;
    Respondent m_respondent;
    Date m_date;
    std::vector<TakeStep> m_steps;
    std::size_t m_position = 0;
    std::map<std::string, std::optional<int>> m_answers; // by question id; nullopt = skipped
    std::map<std::string, std::string> m_notes;
};

} // namespace alignkit
