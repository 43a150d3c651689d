#pragma once
// Helpers shared by the per-kind checks.

#include "alignkit/config/diagnostics.hpp"
#include "alignkit/model/document.hpp"
#include "alignkit/util/text.hpp"

#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

struct CheckOptions;
class DocumentIndex;

// Reports AK2003 for every id in `ids` that repeats an earlier one; `what` names the list.
inline void check_unique(const Document& doc, const std::vector<const Located<std::string>*>& ids,
                         std::string_view what, Diagnostics& diags)
{
    for (std::size_t i = 0; i < ids.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (ids[i]->value == ids[j]->value) {
                diags
                    .add(Code::duplicate_id, doc.file, ids[i]->pos,
                         fmt::format("{} '{}' is defined twice", what, ids[i]->value),
                         fmt::format("the first is on line {}", ids[j]->pos.line))
                    .length = static_cast<int>(ids[i]->value.size());
                break;
            }
        }
    }
}

// Reports AK2004 when `id` is not among `known`; returns whether it was.
inline bool check_known(const Document& doc, const Located<std::string>& id, const std::vector<std::string_view>& known,
                        std::string_view what, Diagnostics& diags)
{
    for (auto k : known) {
        if (k == id.value) {
            return true;
        }
    }
    auto hint = did_you_mean(id.value, known);
    if (hint.empty() && !known.empty() && known.size() <= 12) {
        hint = "known: " + quoted_list(known, "and");
    }
    diags.add(Code::unknown_id, doc.file, id.pos, fmt::format("unknown {} '{}'", what, id.value), std::move(hint))
        .length = static_cast<int>(id.value.size());
    return false;
}

// Whether the system's tz database has the zone (true when there is no database to ask).
bool time_zone_exists(std::string_view zone);

void check_questionnaire(const Document& doc, const Questionnaire& q, Diagnostics& diags);
void check_response(const Document& doc, const Response& r, const DocumentIndex& index, const CheckOptions& options,
                    Diagnostics& diags);
void check_responses_together(const DocumentIndex& index, Diagnostics& diags);
void check_lead_definitions(const Document& doc, const LeadDefinitions& defs, Diagnostics& diags);
void check_sla(const Document& doc, const ServiceLevelAgreement& sla, const DocumentIndex& index,
               const CheckOptions& options, Diagnostics& diags);
void check_glossaries(const DocumentIndex& index, Diagnostics& diags);

} // namespace alignkit
