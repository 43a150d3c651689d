#pragma once
// `alignkit sla check`: what a service-level agreement should say, checked clause by clause
// in the groups the seeds describe (definitions, targets, rules of engagement, rules of
// disengagement), whether its follow-up terms can be met, and whether its times agree
// with the lead lifecycle.

#include "alignkit/checks/checks.hpp"
#include "alignkit/config/diagnostics.hpp"
#include "alignkit/model/document.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

struct ReviewGroup {
    std::string_view name; // definitions, targets, engagement, disengagement, feasibility, consistency
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
};

struct SlaReview {
    std::string name; // the SLA's metadata.name
    std::string file;
    std::vector<ReviewGroup> groups; // in catalogue order
    std::string feasibility;         // the arithmetic, or what it needs
};

// Reviews every ServiceLevelAgreement with a spec among `documents` (which also hold what
// they refer to) and appends the findings (AK4xxx) to `diags`.
std::vector<SlaReview> review_slas(std::span<const Document> documents, const CheckOptions& options,
                                   Diagnostics& diags);

// The checklist people read under the findings: one line per group, then feasibility.
std::string render_sla_review_text(std::span<const SlaReview> reviews, Date as_of);

} // namespace alignkit
