#pragma once
// Responses exported from online survey tools: one respondent per row of a CSV file.

#include "alignkit/config/diagnostics.hpp"
#include "alignkit/model/document.hpp"

#include <string_view>
#include <vector>

namespace alignkit {

// Reads `text` (the CSV file `file`) as answers to `questionnaire`: a respondent column
// (respondent, respondent id, id, email or name), a team column (team or department),
// optionally role and date columns, and one column per question, matched by question id or
// by question text (case and spacing ignored). A cell may hold a scale value, its label, or
// nothing (skipped). Every column or value that cannot be matched is a diagnostic at its
// line and column; rows with errors are left out. Returns one Response document per row.
std::vector<Document> import_responses_csv(std::string_view text, std::string_view file, const Document& questionnaire,
                                           Diagnostics& diags);

} // namespace alignkit
