#pragma once
// The options that say how a CRM export is read, shared by `sla audit` and `leads classify`:
// --columns FIELD=HEADER,..., --preset CRM and --time-format LAYOUT.

#include "alignkit/exports/export_reading.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit::cli {

struct ExportOptions {
    std::vector<std::string> columns; // FIELD=HEADER
    std::string preset;
    std::string time_format;
};

void add_export_options(CLI::App& command, ExportOptions& options);

// The reading the options ask for; nullopt after saying on standard error, as `command`,
// what is wrong with them.
std::optional<ExportReading> export_reading(std::string_view command, const ExportOptions& options);

} // namespace alignkit::cli
