#include "alignkit/checks/checks.hpp"
#include "checks/check_util.hpp"
#include "config/document_index.hpp"

#include <algorithm>
#include <map>

namespace alignkit {
namespace {

const Question* find_question(const Questionnaire& q, std::string_view id)
{
    for (const auto& dim : q.dimensions) {
        for (const auto& question : dim.questions) {
            if (question.id.value == id) {
                return &question;
            }
        }
    }
    return nullptr;
}

const Scale* find_scale(const Questionnaire& q, std::string_view id)
{
    auto it = std::find_if(q.scales.begin(), q.scales.end(), [&](const Scale& s) { return s.id.value == id; });
    return it == q.scales.end() ? nullptr : &*it;
}

void check_answer(const Document& doc, const Answer& answer, const Question& question, const Questionnaire& q,
                  Diagnostics& diags)
{
    const Scale* scale = find_scale(q, question.scale.value);
    if (!answer.value || scale == nullptr) {
        return;
    }
    std::vector<std::string> offered;
    for (const auto& option : scale->options) {
        if (option.value.value == answer.value->value) {
            return;
        }
        offered.push_back(std::to_string(option.value.value));
    }
    diags.add(Code::answer_out_of_scale, doc.file, answer.value->pos,
              fmt::format("{} is not a value of the scale '{}' that question '{}' uses", answer.value->value,
                          scale->id.value, question.id.value),
              fmt::format("the scale offers {}, or 'skip'", fmt::join(offered, ", ")));
}

} // namespace

void check_response(const Document& doc, const Response& r, const DocumentIndex& index, const CheckOptions& options,
                    Diagnostics& diags)
{
    if (options.as_of < r.date.value) {
        diags.add(Code::response_in_future, doc.file, r.date.pos,
                  fmt::format("the response is dated {}, after {}", to_string(r.date.value), to_string(options.as_of)),
                  "check the year");
    }
    std::vector<const Located<std::string>*> answered;
    for (const auto& answer : r.answers) {
        answered.push_back(&answer.question);
    }
    check_unique(doc, answered, "answer to question", diags);

    const Document* target = index.resolve(r.questionnaire, Kind::Questionnaire, doc, diags);
    const auto* q = target != nullptr ? std::get_if<Questionnaire>(&target->spec) : nullptr;
    if (q == nullptr) {
        return;
    }
    std::vector<std::string_view> question_ids;
    for (const auto& dim : q->dimensions) {
        for (const auto& question : dim.questions) {
            question_ids.push_back(question.id.value);
        }
    }
    for (const auto& answer : r.answers) {
        if (const Question* question = find_question(*q, answer.question.value)) {
            check_answer(doc, answer, *question, *q, diags);
        } else {
            check_known(doc, answer.question, question_ids, "question", diags);
        }
    }
    std::vector<std::string_view> missing;
    for (auto id : question_ids) {
        if (std::none_of(r.answers.begin(), r.answers.end(), [&](const Answer& a) { return a.question.value == id; })) {
            missing.push_back(id);
        }
    }
    if (!missing.empty()) {
        constexpr std::size_t k_listed = 3;
        std::vector<std::string_view> listed(missing.begin(),
                                             missing.begin() + static_cast<long>(std::min(missing.size(), k_listed)));
        diags.add(Code::unanswered_questions, doc.file, r.questionnaire.pos,
                  fmt::format("{} of {} questions are neither answered nor skipped: {}{}", missing.size(),
                              question_ids.size(), quoted_list(listed, "and"),
                              missing.size() > k_listed ? ", ..." : ""),
                  "answer them or mark them 'skip'");
    }
}

void check_responses_together(const DocumentIndex& index, Diagnostics& diags)
{
    // The same respondent answering the same questionnaire twice would count twice.
    std::map<std::pair<std::string, std::string>, const Document*> seen;
    for (const auto& doc : index.all()) {
        const auto* r = std::get_if<Response>(&doc.spec);
        if (r == nullptr) {
            continue;
        }
        auto [it, inserted] = seen.try_emplace({r->questionnaire.value, r->respondent.id.value}, &doc);
        if (!inserted) {
            const auto& first = std::get<Response>(it->second->spec);
            diags.add(
                Code::duplicate_respondent, doc.file, r->respondent.id.pos,
                fmt::format("respondent '{}' already answered '{}'", r->respondent.id.value, r->questionnaire.value),
                fmt::format("the other response is at {}:{}", it->second->file, first.respondent.id.pos.line));
        }
    }
}

} // namespace alignkit
