#include "alignkit/assessment/take_session.hpp"

#include "alignkit/util/text.hpp"
#include "util/escape.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace alignkit {
namespace {

// YAML double-quoted text: escapes what would end or change the scalar.
std::string quoted(std::string_view text) { return backslash_quoted(text, '"'); }

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
        s.remove_suffix(1);
    }
    return s;
}

// `quoted(text)` broken at single spaces to fit in 80 columns, `used` of them taken on its
// first line and continuation lines at `indent`: YAML folds each break back into the space
// it replaced, so a long note stays one scalar and the file passes yamllint.
std::string fitted(std::string_view text, std::size_t used, std::size_t indent)
{
    constexpr std::size_t k_width = 80;
    std::string q = quoted(text);
    if (used + q.size() <= k_width || q.find("  ") != std::string::npos) {
        return q;
    }
    std::string out;
    std::size_t column = used;
    std::size_t start = 0;
    while (start < q.size()) {
        auto end = q.find(' ', start);
        if (end == std::string::npos) {
            end = q.size();
        }
        const auto word = std::string_view(q).substr(start, end - start);
        if (start == 0) {
            out += word;
            column += word.size();
        } else if (column + 1 + word.size() > k_width) {
            out += "\n" + std::string(indent, ' ') + std::string(word);
            column = indent + word.size();
        } else {
            out += " " + std::string(word);
            column += 1 + word.size();
        }
        start = end + 1;
    }
    return out;
}

} // namespace

TakeSession::TakeSession(const Questionnaire& questionnaire, std::string name, std::string reference,
                         Respondent respondent, Date date)
    : m_questionnaire(questionnaire), m_name(std::move(name)), m_reference(std::move(reference)),
      m_respondent(std::move(respondent)), m_date(date)
{
    for (const auto& d : questionnaire.dimensions) {
        for (const auto& q : d.questions) {
            m_steps.push_back({&d, &q});
        }
    }
}

void TakeSession::resume(const Response& earlier)
{
    for (const auto& a : earlier.answers) {
        m_answers[a.question.value] = a.value ? std::optional<int>(a.value->value) : std::nullopt;
        if (!a.note.empty()) {
            m_notes[a.question.value] = a.note;
        }
    }
    m_position = 0;
    while (!finished() && m_answers.contains(current().question->id.value)) {
        ++m_position;
    }
}

const Scale* TakeSession::current_scale() const
{
    const auto& id = current().question->scale.value;
    for (const auto& s : m_questionnaire.scales) {
        if (s.id.value == id) {
            return &s;
        }
    }
    return nullptr;
}

TakeSession::Result TakeSession::apply(std::string_view line)
{
    const auto input = trimmed(line);
    if (input == "q") {
        return {Outcome::quit, {}};
    }
    if (input == "b") {
        if (m_position > 0) {
            --m_position;
        }
        return {Outcome::back, {}};
    }
    if (finished()) {
        return {Outcome::invalid, "every question is answered"};
    }
    if (input == "?") {
        return {Outcome::help, {}};
    }
    const auto& id = current().question->id.value;
    if (input == "s") {
        m_answers[id] = std::nullopt;
        ++m_position;
        return {Outcome::skipped, {}};
    }
    const Scale* scale = current_scale();
    std::vector<std::string> values;
    if (scale != nullptr) {
        for (const auto& o : scale->options) {
            values.push_back(std::to_string(o.value.value));
        }
    }
    int value = 0;
    auto [end, ec] = std::from_chars(input.data(), input.data() + input.size(), value);
    const bool offered = ec == std::errc{} && end == input.data() + input.size() &&
                         std::find(values.begin(), values.end(), std::string(input)) != values.end();
    if (!offered) {
        return {Outcome::invalid, fmt::format("answer with {}, or s to skip, b to go back, ? for help, q to stop",
                                              fmt::join(values, ", "))};
    }
    m_answers[id] = value;
    ++m_position;
    return {Outcome::answered, {}};
}

std::size_t TakeSession::answered() const { return m_answers.size(); }

std::string TakeSession::to_yaml() const
{
    // A name unique among the responses to this questionnaire, and still a valid slug.
    std::string name = m_name + "-" + m_respondent.id.value;
    if (!is_slug(name)) {
        name = m_respondent.id.value;
    }
    std::string out = fmt::format("---\napiVersion: alignkit/v1\nkind: Response\nmetadata:\n  name: {}\nspec:\n"
                                  "  questionnaire: {}\n  respondent:\n    id: {}\n    team: {}\n",
                                  name, quoted(m_reference), m_respondent.id.value, to_string(m_respondent.team));
    if (!m_respondent.role.empty()) {
        out += fmt::format("    role: {}\n", fitted(m_respondent.role, 10, 6));
    }
    out += fmt::format("  date: {}\n  answers:", to_string(m_date));
    if (m_answers.empty()) {
        return out + " {}\n";
    }
    out += "\n";
    // In questionnaire order, so the file reads like the questionnaire.
    for (const auto& step : m_steps) {
        const auto& id = step.question->id.value;
        auto it = m_answers.find(id);
        if (it == m_answers.end()) {
            continue;
        }
        const std::string value = it->second ? std::to_string(*it->second) : "skip";
        if (auto note = m_notes.find(id); note != m_notes.end()) {
            out += fmt::format("    {}:\n      value: {}\n      note: {}\n", id, value, fitted(note->second, 12, 8));
        } else {
            out += fmt::format("    {}: {}\n", id, value);
        }
    }
    return out;
}

} // namespace alignkit
