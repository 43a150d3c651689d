#include "export_options.hpp"

#include "common.hpp"

#include "alignkit/exports/export_presets.hpp"

#include <fmt/format.h>
#include <iostream>

namespace alignkit::cli {

void add_export_options(CLI::App& command, ExportOptions& options)
{
    command.add_option("--columns", options.columns, "Map a field to a CSV header (repeatable): FIELD=HEADER")
        ->option_text("FIELD=HEADER")
        ->delimiter(',')
        ->allow_extra_args(false);
    command
        .add_option("--preset", options.preset,
                    "Read the column headers of a CRM's standard export: hubspot or salesforce")
        ->option_text("CRM")
        ->check(non_empty);
    command
        .add_option("--time-format", options.time_format,
                    "The export's timestamp layout, strptime-style, e.g. '%m/%d/%Y %I:%M %p' (default ISO 8601)")
        ->option_text("LAYOUT")
        ->check(non_empty);
}

std::optional<ExportReading> export_reading(std::string_view command, const ExportOptions& options)
{
    ExportReading reading;
    for (const auto& pair : options.columns) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << fmt::format("alignkit {}: '{}' is not FIELD=HEADER\n", command, pair);
            return std::nullopt;
        }
        reading.columns[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    if (!options.preset.empty() && export_preset(options.preset) == nullptr) {
        std::cerr << fmt::format("alignkit {}: unknown preset '{}'; use {}\n", command, options.preset,
                                 fmt::join(export_preset_names(), " or "));
        return std::nullopt;
    }
    reading.preset = options.preset;
    if (!options.time_format.empty()) {
        std::string error;
        reading.time_format = TimeFormat::compile(options.time_format, error);
        if (!reading.time_format) {
            std::cerr << fmt::format("alignkit {}: --time-format '{}': {}\n", command, options.time_format, error);
            return std::nullopt;
        }
    }
    return reading;
}

} // namespace alignkit::cli
