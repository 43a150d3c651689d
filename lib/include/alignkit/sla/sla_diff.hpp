#pragma once
// What changed between two versions of an SLA, in the document's own terms
// ("first contact: 24 hours → 4 hours", "meeting added: Monthly content council"),
// for the page people re-sign.

#include "alignkit/model/document.hpp"

#include <span>
#include <string>
#include <vector>

namespace alignkit {

struct SlaChange {
    std::string section; // "Agreement", "Targets", "Follow-up", ... in document order
    std::string text;    // one change, in words
};

// The changes from `before` to `after` (each a ServiceLevelAgreement document, loaded with
// what it refers to), section by section in document order. References to lead definitions
// and glossaries compare by the name of the document they reach, not by how they are written.
std::vector<SlaChange> diff_slas(const Document& before, std::span<const Document> before_set, const Document& after,
                                 std::span<const Document> after_set);

enum class DiffFormat { text, markdown };
template <> struct EnumNames<DiffFormat> {
    static constexpr std::array<std::string_view, 2> names{"text", "markdown"};
};

// `title` names the comparison, such as "brightline-sla-2027: version 1.0 → 2.0".
std::string render_sla_diff(std::span<const SlaChange> changes, const std::string& title, DiffFormat format);

} // namespace alignkit
