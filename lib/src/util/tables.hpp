#pragma once
// Tables and lists laid out for each output format, shared by the SLA document and the
// audit report. Cells are text from configs and exports: escaped here.

#include "alignkit/util/text_table.hpp"

#include <string>
#include <vector>

namespace alignkit {

// GitHub-flavoured Markdown; "" for a table without rows.
std::string md_table(const TextTable& t);
std::string md_list(const std::vector<std::string>& items);
// HTML; "" for a table without rows. Right-aligned cells have class "num".
std::string html_table(const TextTable& t);
std::string html_list(const std::vector<std::string>& items);
// Plain text in aligned columns under a header, indented by two spaces; "" without rows.
std::string aligned_table(const TextTable& t);

} // namespace alignkit
