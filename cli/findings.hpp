#pragma once
// What the commands that report findings share (validate, leads check, sla check): the
// --format/-o/--fail-on/--as-of options, writing every requested format, and the exit status.

#include "alignkit/findings/validate_report.hpp"
#include "common.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alignkit::cli {

enum class FailOn { error, warning, never };

struct FindingsOptions {
    std::vector<std::string> formats{"text"}; // "FORMAT" or "FORMAT:FILE"
    std::string output;
    FailOn fail_on = FailOn::error;
    std::string as_of;
    std::string config; // --config FILE: the settings file, instead of the one found upward
    bool no_config = false;
};

void add_findings_options(CLI::App& sub, FindingsOptions& options);

struct FormatTarget {
    ValidateFormat format;
    std::string path; // empty or "-": standard output
};

// The formats asked for; on a usage error prints it (naming `command`) and returns nullopt.
std::optional<std::vector<FormatTarget>> format_targets(std::string_view command, const FindingsOptions& options);

// Loads and checks `paths` ("-" reads standard input) as validate does, under the settings
// file in effect (--config, or .alignkit.yaml found upward; none with --no-config): what every
// findings command starts from. The result's as_of is --as-of, the settings' as_of, or today.
ValidationResult load_for_findings(const std::vector<std::string>& paths, const FindingsOptions& options,
                                   const std::vector<std::string>& exclude = {}, unsigned jobs = 0,
                                   bool only_configs = false, decltype(ValidateOptions::more_checks) more_checks = {});

// Writes `result` in every format. Text output gets `before` ahead of the findings and
// `after` behind them (a command's own summary), and with `verbose` the files skipped as not
// alignkit configs. Returns the exit status.
int report_findings(const ValidationResult& result, const std::vector<FormatTarget>& targets,
                    const FindingsOptions& options, const GlobalOptions& global, const std::string& before = {},
                    const std::string& after = {}, bool verbose = false);

} // namespace alignkit::cli
