#pragma once
// How a CRM export is read, the same for `sla audit` and `leads classify`: which header each
// lead field comes from, and the layout of its times.

#include "alignkit/exports/time_format.hpp"

#include <map>
#include <optional>
#include <string>

namespace alignkit {

struct ExportReading {
    std::map<std::string, std::string> columns; // field -> header, over the preset and the definitions
    std::string preset;                         // "", hubspot or salesforce (export_presets.hpp)
    std::optional<TimeFormat> time_format;      // the export's layout; ISO 8601 without it
};

} // namespace alignkit
