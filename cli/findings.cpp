#include "findings.hpp"

#include "alignkit/config/loader.hpp"
#include "alignkit/config/settings.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <thread>
#include <unistd.h>

namespace alignkit::cli {

void add_findings_options(CLI::App& sub, FindingsOptions& options)
{
    sub.add_option("-f,--format", options.formats,
                   "Output format: text, json, sarif, github, gitlab, junit; FORMAT:FILE writes that format to FILE "
                   "(repeat for several)")
        ->option_text("FORMAT[:FILE]")
        ->allow_extra_args(false);
    sub.add_option("-o,--output", options.output, "Write the report to FILE instead of standard output")
        ->check(non_empty);
    const std::map<std::string, FailOn> fail_on{
        {"error", FailOn::error}, {"warning", FailOn::warning}, {"never", FailOn::never}};
    sub.add_option("--fail-on", options.fail_on, "Exit 1 on findings at or above this severity (default: error)")
        ->transform(CLI::CheckedTransformer(fail_on))
        ->option_text("error|warning|never");
    sub.add_option("--as-of", options.as_of, "The date date-checks use instead of today (YYYY-MM-DD)")
        ->check([](const std::string& text) {
            return parse_as_of(text) ? std::string{} : "'" + text + "' is not a date (YYYY-MM-DD)";
        })
        ->option_text("DATE");
    auto* config = sub.add_option("--config", options.config,
                                  "Read settings from FILE instead of the .alignkit.yaml found in this folder or above")
                       ->option_text("FILE")
                       ->check(non_empty);
    sub.add_flag("--no-config", options.no_config, "Read no settings file")->excludes(config);
}

namespace {

// The settings file in effect: --config's, else the nearest .alignkit.yaml (or .yml) from the
// working folder up, named relative to it; none with --no-config.
Settings run_settings(const FindingsOptions& options)
{
    if (options.no_config) {
        return {};
    }
    if (!options.config.empty()) {
        return read_settings_file(options.config);
    }
    std::error_code ec;
    const auto here = std::filesystem::current_path(ec);
    const auto found = ec ? std::nullopt : find_settings_file(here);
    return found ? read_settings_file(std::filesystem::proximate(*found, here, ec).generic_string()) : Settings{};
}

} // namespace

std::optional<std::vector<FormatTarget>> format_targets(std::string_view command, const FindingsOptions& options)
{
    std::vector<FormatTarget> targets;
    for (const auto& spec : options.formats) {
        const auto colon = spec.find(':');
        auto format = parse_enum<ValidateFormat>(spec.substr(0, colon));
        if (!format) {
            std::cerr << fmt::format("alignkit {}: unknown format '{}'; use {}\n", command, spec,
                                     quoted_list(enum_names<ValidateFormat>()));
            return std::nullopt;
        }
        targets.push_back({*format, colon == std::string::npos ? options.output : spec.substr(colon + 1)});
    }
    auto to_stdout = [](const FormatTarget& t) { return t.path.empty() || t.path == "-"; };
    if (std::count_if(targets.begin(), targets.end(), to_stdout) > 1) {
        std::cerr << fmt::format("alignkit {}: only one format can go to standard output; give the others a file "
                                 "(--format sarif:out.sarif)\n",
                                 command);
        return std::nullopt;
    }
    return targets;
}

ValidationResult load_for_findings(const std::vector<std::string>& paths, const FindingsOptions& options,
                                   const std::vector<std::string>& exclude, unsigned jobs, bool only_configs,
                                   decltype(ValidateOptions::more_checks) more_checks)
{
    const Settings settings = run_settings(options);
    ValidateOptions validate;
    validate.exclude = exclude;
    validate.only_configs = only_configs;
    validate.settings = &settings;
    validate.more_checks = std::move(more_checks);
    validate.checks.as_of = !options.as_of.empty() ? *parse_as_of(options.as_of)
                            : settings.as_of       ? *settings.as_of
                                                   : today();
    validate.jobs = jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
    std::optional<std::string> stdin_text;
    if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
        stdin_text = read_stdin(k_max_config_bytes);
    }
    return validate_paths(paths, stdin_text, validate);
}

int report_findings(const ValidationResult& result, const std::vector<FormatTarget>& targets,
                    const FindingsOptions& options, const GlobalOptions& global, const std::string& before,
                    const std::string& after, bool verbose)
{
    TextOptions text;
    text.summary = !global.quiet;
    text.verbose = verbose;
    text.failing = options.fail_on == FailOn::error     ? std::optional<Severity>(Severity::error)
                   : options.fail_on == FailOn::warning ? std::optional<Severity>(Severity::warning)
                                                        : std::nullopt;
    for (const auto& target : targets) {
        const bool to_stdout = target.path.empty() || target.path == "-";
        text.color = to_stdout && wants_color(global, STDOUT_FILENO);
        std::string report = render(result, target.format, text, result.as_of);
        if (target.format == ValidateFormat::text) {
            report.insert(0, before);
            report += after;
        }
        write_output(target.path, report);
    }
    if (has_input_failure(result)) {
        return exit_failure;
    }
    const auto errors = result.count(Severity::error);
    const auto warnings = result.count(Severity::warning);
    const bool fails = (options.fail_on == FailOn::error && errors > 0) ||
                       (options.fail_on == FailOn::warning && errors + warnings > 0);
    return fails ? exit_findings : exit_ok;
}

} // namespace alignkit::cli
