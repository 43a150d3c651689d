#pragma once

#include "alignkit/assessment/assessment.hpp"

namespace alignkit {

// One self-contained page: inline CSS and SVG (a radar chart of the dimensions per team and
// the stage ladder), no scripts, no network; prints on A4 and Letter.
std::string render_assessment_html(const AssessmentReport& report, const AssessRenderOptions& options);

} // namespace alignkit
