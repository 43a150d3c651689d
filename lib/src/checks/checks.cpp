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

// The checks of one document, on its spec (or what of it fits).
void check_document(const Document& doc, const Document::Spec& spec, const DocumentIndex& index,
                    const CheckOptions& options, Diagnostics& diags)
{
    if (const auto* q = std::get_if<Questionnaire>(&spec)) {
        check_questionnaire(doc, *q, diags);
    } else if (const auto* r = std::get_if<Response>(&spec)) {
        check_response(doc, *r, index, options, diags);
    } else if (const auto* defs = std::get_if<LeadDefinitions>(&spec)) {
        check_lead_definitions(doc, *defs, diags);
    } else if (const auto* sla = std::get_if<ServiceLevelAgreement>(&spec)) {
        check_sla(doc, *sla, index, options, diags);
    }
}

// Findings that a part left out of a document with shape errors can cause: something
// missing, or a name that only the part left out declares. In what is left of such a
// document they would be wrong as often as right, so they wait for the shape to be fixed.
bool may_follow_from_what_is_left_out(Code code)
{
    switch (code) {
    case Code::unknown_id:
    case Code::unknown_field:
    case Code::unresolved_reference:
    case Code::unanswered_questions:
    case Code::missing_key:
    case Code::reasons_required:
    case Code::stage_without_evidence:
    case Code::no_exit_criteria:
    case Code::exit_without_reasons:
    case Code::ownership_goes_back:
    case Code::field_unfit_for_role:
        return true;
    default:
        return false;
    }
}

} // namespace

void check_documents(std::span<const Document> documents, const CheckOptions& options, Diagnostics& diags)
{
    check_unique_names(documents, diags);
    DocumentIndex index(documents);
    for (const auto& doc : documents) {
        if (doc.has_spec()) {
            check_document(doc, doc.spec, index, options, diags);
            continue;
        }
        if (!doc.partial_spec) {
            continue;
        }
        Diagnostics of_the_rest;
        check_document(doc, *doc.partial_spec, index, options, of_the_rest);
        for (const auto& d : of_the_rest.all()) {
            if (!may_follow_from_what_is_left_out(d.code)) {
                diags.add(d.code, d.file, d.pos, d.message, d.hint) = d;
            }
        }
    }
    check_responses_together(index, diags);
    check_glossaries(index, diags);
}

} // namespace alignkit
