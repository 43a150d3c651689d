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

// The document's body in reading order, decided once for every format: sections with their
// headings and blocks (paragraphs, lists, tables). Renderers lay these out; they never choose
// what to show.
struct SlaBlock {
    enum class Kind {
        paragraph,  // a paragraph of running text
        lead_in,    // a short line introducing the list after it
        subheading, // a heading inside a section (a team's commitments)
        list,
        table,
    };
    Kind kind = Kind::paragraph;
    std::string text;                 // paragraph, lead_in, subheading
    std::vector<std::string> items;   // list
    const TextTable* table = nullptr; // table: one of the document's own
};

struct SlaSection {
    std::string heading;
    int level = 2; // 2 for a section, 3 for one that belongs to the section before it
    std::vector<SlaBlock> blocks;
};

std::vector<SlaSection> sla_sections(const SlaDocument& doc);

// `sla` must hold a ServiceLevelAgreement; `documents` are everything loaded with it, so its
// lead definitions and glossaries can be found. Missing parts give empty sections.
SlaDocument build_sla_document(const Document& sla, std::span<const Document> documents);

enum class SlaFormat { markdown, html, text };
template <> struct EnumNames<SlaFormat> {
    static constexpr std::array<std::string_view, 3> names{"markdown", "html", "text"};
};

std::string render_sla_document(const SlaDocument& doc, SlaFormat format);

} // namespace alignkit
