#pragma once
// The document leaders hand out and sign, built once from an SLA and what it refers to;
// renderers (Markdown, HTML, text) only lay it out.

#include "alignkit/model/document.hpp"
#include "alignkit/util/text_table.hpp"

#include <span>
#include <string>
#include <vector>

namespace alignkit {

struct Commitments {
    std::string team;                  // "Marketing", "Sales", "Both teams"
    std::vector<std::string> promises; // sentences
};

struct Signature {
    std::string name, title, team, date; // date empty when not yet signed
};

struct SlaDocument {
    std::string title;
    std::vector<std::pair<std::string, std::string>> facts; // version, effective, term, ...
    TextTable parties;
    std::string purpose;
    TextTable terms;                      // glossary terms: term, definition
    TextTable stages;                     // the funnel cheat sheet: stage, owner, enters when, leaves when, clock
    TextTable exits;                      // exit, owner, reasons
    std::vector<Commitments> commitments; // per team; "Both teams" holds the rules of engagement
    TextTable targets;                    // target, owner, commitment, how it is measured
    std::vector<std::string> rules;       // hand-off, follow-up, attempts, disqualification, hours
    TextTable meetings;
    TextTable feedback;
    std::vector<std::string> consequences;
    std::string disputes;
    std::vector<std::string> review; // sentences
    std::vector<std::string> dissolution;
    std::vector<Signature> signatures;
};

// `sla` must hold a ServiceLevelAgreement; `documents` are everything loaded with it, so its
// lead definitions and glossaries can be found. Missing parts give empty sections.
SlaDocument build_sla_document(const Document& sla, std::span<const Document> documents);

enum class SlaFormat { markdown, html, text };
template <> struct EnumNames<SlaFormat> {
    static constexpr std::array<std::string_view, 3> names{"markdown", "html", "text"};
};

std::string render_sla_document(const SlaDocument& doc, SlaFormat format);

} // namespace alignkit
