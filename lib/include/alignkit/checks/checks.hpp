#pragma once
// Checks of what documents say, alone and together: ids, references, consistency.

#include "alignkit/config/diagnostics.hpp"
#include "alignkit/model/document.hpp"
#include "alignkit/util/date.hpp"

#include <span>

namespace alignkit {

struct CheckOptions {
    Date as_of; // "today" for date checks (review overdue, responses from the future)
};

// Runs every check over all documents given together in one run and reports problems.
// A document whose shape had errors is checked on what of it fits (its partial_spec), less
// the findings that what was left out could cause; it is a reference target for the others,
// never checked against.
void check_documents(std::span<const Document> documents, const CheckOptions& options, Diagnostics& diags);

} // namespace alignkit
