#pragma once
// Checks of what documents say, alone and together: ids, references, consistency.

#include "alignkit/date.hpp"
#include "alignkit/diagnostics.hpp"
#include "alignkit/document.hpp"

#include <span>

namespace alignkit {

struct CheckOptions {
    Date as_of; // "today" for date checks (review overdue, responses from the future)
};

// Runs every check over all documents given together in one run and reports problems.
// Documents without a spec (their shape had errors) only take part as reference targets.
void check_documents(std::span<const Document> documents, const CheckOptions& options, Diagnostics& diags);

} // namespace alignkit
