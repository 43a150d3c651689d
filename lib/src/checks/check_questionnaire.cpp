#include "alignkit/checks/checks.hpp"
#include "checks/check_util.hpp"
#include "config/document_index.hpp"

#include <array>
#include <map>

namespace alignkit {

void check_questionnaire(const Document& doc, const Questionnaire& q, Diagnostics& diags)
{
    std::vector<const Located<std::string>*> scale_ids;
    std::vector<std::string_view> scale_names;
    for (const auto& scale : q.scales) {
        scale_ids.push_back(&scale.id);
        scale_names.push_back(scale.id.value);
        std::map<int, int> seen; // value -> line
        for (const auto& option : scale.options) {
            auto [it, inserted] = seen.try_emplace(option.value.value, option.value.pos.line);
            if (!inserted) {
                diags.add(Code::duplicate_id, doc.file, option.value.pos,
                          fmt::format("scale '{}' offers the value {} twice", scale.id.value, option.value.value),
                          fmt::format("the first is on line {}", it->second));
            }
        }
    }
    check_unique(doc, scale_ids, "scale", diags);

    std::vector<const Located<std::string>*> dimension_ids;
    std::vector<const Located<std::string>*> question_ids;
    std::array<bool, 4> evidenced{};
    for (const auto& dim : q.dimensions) {
        dimension_ids.push_back(&dim.id);
        for (const auto& question : dim.questions) {
            question_ids.push_back(&question.id);
            evidenced.at(static_cast<std::size_t>(question.stage.value)) = true;
            if (question.scale.value.empty()) {
                diags.add(Code::missing_key, doc.file, question.id.pos,
                          fmt::format("question '{}' has no answer scale", question.id.value),
                          "give it a 'scale', or set a default 'scale' for the whole questionnaire");
            } else {
                check_known(doc, question.scale, scale_names, "scale", diags);
            }
        }
    }
    check_unique(doc, dimension_ids, "dimension", diags);
    check_unique(doc, question_ids, "question", diags);

    // Nothing evidences "undefined": it is where a company stands until evidence says otherwise.
    for (auto stage : {Stage::defined, Stage::aligned, Stage::integrated}) {
        if (!evidenced.at(static_cast<std::size_t>(stage))) {
            diags.add(Code::stage_without_evidence, doc.file, doc.metadata.name.pos,
                      fmt::format("no question evidences the '{}' stage", to_string(stage)),
                      fmt::format("add a question with 'stage: {}'", to_string(stage)));
        }
    }
}

} // namespace alignkit
