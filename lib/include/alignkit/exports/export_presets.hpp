#pragma once
// The column headers of CRM exports, for the fields `sla audit` and `leads classify` read.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// field -> the headers an export may give it, the first one present wins; headers match in
// any case. nullptr for a name that is not a preset.
const std::map<std::string, std::vector<std::string>>* export_preset(std::string_view name);

// hubspot, salesforce.
std::vector<std::string> export_preset_names();

} // namespace alignkit
