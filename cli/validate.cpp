// alignkit validate PATH...: check configs, report in one or more formats.

#include "alignkit/validate.hpp"
#include "alignkit/loader.hpp"
#include "alignkit/text.hpp"
#include "alignkit/validate_report.hpp"
#include "commands.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <thread>

namespace alignkit::cli {
namespace {

enum class FailOn { error, warning, never };

struct ValidateCommand {
    std::vector<std::string> paths;
    std::vector<std::string> formats{"text"}; // "FORMAT" or "FORMAT:FILE"
    std::string output;
    std::vector<std::string> exclude;
    FailOn fail_on = FailOn::error;
    std::string as_of;
    unsigned jobs = 0;
};

struct FormatTarget {
    ValidateFormat format;
    std::string path; // empty: standard output
};

std::optional<FormatTarget> parse_format(const std::string& spec, const std::string& default_output)
{
    auto colon = spec.find(':');
    auto format = parse_enum<ValidateFormat>(spec.substr(0, colon));
    if (!format) {
        return std::nullopt;
    }
    return FormatTarget{*format, colon == std::string::npos ? default_output : spec.substr(colon + 1)};
}

int run_validate(const ValidateCommand& cmd, const GlobalOptions& global)
{
    std::vector<FormatTarget> targets;
    for (const auto& spec : cmd.formats) {
        auto target = parse_format(spec, cmd.output);
        if (!target) {
            std::cerr << fmt::format("alignkit validate: unknown format '{}'; use {}\n", spec,
                                     quoted_list(enum_names<ValidateFormat>()));
            return exit_failure;
        }
        targets.push_back(*target);
    }
    if (std::count_if(targets.begin(), targets.end(), [](const auto& t) { return t.path.empty() || t.path == "-"; }) >
        1) {
        std::cerr << "alignkit validate: only one format can go to standard output; give the others a file "
                     "(--format sarif:out.sarif)\n";
        return exit_failure;
    }
    ValidateOptions options;
    options.exclude = cmd.exclude;
    options.checks.as_of = today();
    if (!cmd.as_of.empty()) {
        options.checks.as_of = *parse_as_of(cmd.as_of);
    }
    options.jobs = cmd.jobs > 0 ? cmd.jobs : std::max(1u, std::thread::hardware_concurrency());

    std::optional<std::string> stdin_text;
    if (std::find(cmd.paths.begin(), cmd.paths.end(), "-") != cmd.paths.end()) {
        stdin_text = read_stdin(k_max_config_bytes);
    }
    const ValidationResult result = validate_paths(cmd.paths, stdin_text, options);

    TextOptions text;
    text.summary = !global.quiet;
    for (const auto& target : targets) {
        text.color = (target.path.empty() || target.path == "-") && stdout_wants_color(global);
        write_output(target.path, render(result, target.format, text, options.checks.as_of));
    }

    if (has_input_failure(result)) {
        return exit_failure;
    }
    const bool fails =
        (cmd.fail_on == FailOn::error && result.count(Severity::error) > 0) ||
        (cmd.fail_on == FailOn::warning && result.count(Severity::error) + result.count(Severity::warning) > 0);
    return fails ? exit_findings : exit_ok;
}

} // namespace

void add_validate_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto cmd = std::make_shared<ValidateCommand>();
    auto* sub = app.add_subcommand("validate", "Check config files: every problem, with file, line and column");
    sub->add_option("paths", cmd->paths, "Files, folders (searched for *.yaml and *.yml), or - for standard input")
        ->required();
    sub->add_option("-f,--format", cmd->formats,
                    "Output format: text, json, sarif, github, junit; FORMAT:FILE writes that format to FILE "
                    "(repeat for several)")
        ->option_text("FORMAT[:FILE]")
        ->allow_extra_args(false);
    sub->add_option("-o,--output", cmd->output, "Write the report to FILE instead of standard output");
    sub->add_option("--exclude", cmd->exclude, "Skip files in folders that match this glob (repeatable)")
        ->option_text("GLOB")
        ->allow_extra_args(false);
    const std::map<std::string, FailOn> fail_on{
        {"error", FailOn::error}, {"warning", FailOn::warning}, {"never", FailOn::never}};
    sub->add_option("--fail-on", cmd->fail_on, "Exit 1 on findings at or above this severity (default: error)")
        ->transform(CLI::CheckedTransformer(fail_on))
        ->option_text("error|warning|never");
    sub->add_option("--as-of", cmd->as_of, "The date date-checks use instead of today (YYYY-MM-DD)")
        ->check([](const std::string& text) {
            return parse_as_of(text) ? std::string{} : "'" + text + "' is not a date (YYYY-MM-DD)";
        })
        ->option_text("DATE");
    sub->add_option("-j,--jobs", cmd->jobs, "Files parsed in parallel (default: one per core)")
        ->check(CLI::Range(1u, 256u));
    sub->callback([cmd, &global, &run] { run = [cmd, &global] { return run_validate(*cmd, global); }; });
}

} // namespace alignkit::cli
