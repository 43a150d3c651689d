#pragma once
// Lead definitions as alignkit reads them, for `alignkit leads check`.

#include "alignkit/model/document.hpp"

#include <string>

namespace alignkit {

// A text table of the lifecycle: stages in order with owner, clock and entry criteria
// (canonical form), then the exits with their reasons and recycle targets.
// `doc` must hold LeadDefinitions.
std::string render_lifecycle_text(const Document& doc);

} // namespace alignkit
