// alignkit validate PATH...: check configs, report in one or more formats.

#include "alignkit/findings/validate.hpp"
#include "alignkit/config/loader.hpp"
#include "alignkit/findings/baseline.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"
#include "findings.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

namespace alignkit::cli {
namespace {

struct ValidateCommand {
    std::vector<std::string> paths;
    FindingsOptions findings;
    std::vector<std::string> exclude;
    unsigned jobs = 0;
    bool verbose = false;
    bool only_configs = false;
    std::string baseline, write_baseline_to;
};

// The fingerprints of a --baseline file; nullopt after saying what is wrong.
std::optional<std::set<std::string>> baseline_of(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << fmt::format("alignkit validate: cannot read the baseline '{}': {}\n", terminal_safe(path, false),
                                 std::strerror(errno));
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    auto known = read_baseline(text.str(), error);
    if (!known) {
        std::cerr << fmt::format("alignkit validate: {}: {}\n", terminal_safe(path, false), error);
    }
    return known;
}

int run_validate(const ValidateCommand& cmd, const GlobalOptions& global)
{
    auto targets = format_targets("validate", cmd.findings);
    if (!targets) {
        return exit_failure;
    }
    std::optional<std::set<std::string>> known;
    if (!cmd.baseline.empty() && !(known = baseline_of(cmd.baseline))) {
        return exit_failure;
    }
    ValidationResult result = load_for_findings(cmd.paths, cmd.findings, cmd.exclude, cmd.jobs, cmd.only_configs);
    if (!cmd.write_baseline_to.empty()) {
        // Every finding of this run is known from now on, this run included.
        write_output(cmd.write_baseline_to, write_baseline(result));
        const auto prints = finding_fingerprints(result.diagnostics);
        known.emplace(prints.begin(), prints.end());
    }
    if (known) {
        apply_baseline(result, *known);
    }
    return report_findings(result, *targets, cmd.findings, global, {}, {}, cmd.verbose);
}

} // namespace

void add_validate_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto cmd = std::make_shared<ValidateCommand>();
    auto* sub = app.add_subcommand("validate", "Check config files: every problem, with file, line and column");
    sub->add_option("paths", cmd->paths, "Files, folders (searched for *.yaml and *.yml), or - for standard input")
        ->required();
    add_findings_options(*sub, cmd->findings);
    sub->add_option("--exclude", cmd->exclude,
                    "Skip what matches this pattern in the folders given, as a .gitignore line (repeatable)")
        ->option_text("PATTERN")
        ->allow_extra_args(false);
    sub->add_option("--baseline", cmd->baseline, "Report only findings this baseline file does not hold")
        ->option_text("FILE");
    sub->add_option("--write-baseline", cmd->write_baseline_to,
                    "Write this run's findings to a baseline file (and count them as known)")
        ->option_text("FILE");
    sub->add_flag("--only-configs", cmd->only_configs,
                  "Skip named files that are not alignkit configs too (for hooks given every staged YAML file)");
    sub->add_flag("-v,--verbose", cmd->verbose, "List the YAML files skipped as not alignkit configs");
    sub->add_option("-j,--jobs", cmd->jobs, "Files parsed in parallel (default: one per core)")->check(job_count);
    sub->callback([cmd, &global, &run] { run = [cmd, &global] { return run_validate(*cmd, global); }; });
}

} // namespace alignkit::cli
