#include "alignkit/checks/checks.hpp"

#include "checks/check_util.hpp"
#include "config/document_index.hpp"

#include <map>
#include <utility>

namespace alignkit {
namespace {

void check_unique_names(std::span<const Document> documents, Diagnostics& diags)
{
    std::map<std::pair<Kind, std::string>, const Document*> first;
    for (const auto& doc : documents) {
        const auto& name = doc.metadata.name;
        if (name.value.empty()) {
            continue;
        }
        auto [it, inserted] = first.try_emplace({doc.kind, name.value}, &doc);
        if (!inserted) {
            const Document& other = *it->second;
            diags
                .add(Code::duplicate_name, doc.file, name.pos,
                     fmt::format("another {} is already named '{}'", to_string(doc.kind), name.value),
                     fmt::format("the first is at {}:{}", other.file, other.metadata.name.pos.line))
                .length = static_cast<int>(name.value.size());
        }
    }
}

} // namespace

void check_documents(std::span<const Document> documents, const CheckOptions& options, Diagnostics& diags)
{
    check_unique_names(documents, diags);
    DocumentIndex index(documents);
    for (const auto& doc : documents) {
        if (const auto* q = std::get_if<Questionnaire>(&doc.spec)) {
            check_questionnaire(doc, *q, diags);
        } else if (const auto* r = std::get_if<Response>(&doc.spec)) {
            check_response(doc, *r, index, options, diags);
        } else if (const auto* defs = std::get_if<LeadDefinitions>(&doc.spec)) {
            check_lead_definitions(doc, *defs, diags);
        } else if (const auto* sla = std::get_if<ServiceLevelAgreement>(&doc.spec)) {
            check_sla(doc, *sla, index, options, diags);
        }
    }
    check_responses_together(index, diags);
    check_glossaries(index, diags);
}

} // namespace alignkit
