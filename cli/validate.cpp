// alignkit validate PATH...: check configs, report in one or more formats.

#include "alignkit/findings/validate.hpp"
#include "alignkit/config/loader.hpp"
#include "commands.hpp"
#include "findings.hpp"

#include <algorithm>
#include <memory>
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
};

int run_validate(const ValidateCommand& cmd, const GlobalOptions& global)
{
    auto targets = format_targets("validate", cmd.findings);
    if (!targets) {
        return exit_failure;
    }
    const ValidationResult result = load_for_findings(cmd.paths, cmd.findings, cmd.exclude, cmd.jobs, cmd.only_configs);
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
    sub->add_flag("--only-configs", cmd->only_configs,
                  "Skip named files that are not alignkit configs too (for hooks given every staged YAML file)");
    sub->add_flag("-v,--verbose", cmd->verbose, "List the YAML files skipped as not alignkit configs");
    sub->add_option("-j,--jobs", cmd->jobs, "Files parsed in parallel (default: one per core)")->check(job_count);
    sub->callback([cmd, &global, &run] { run = [cmd, &global] { return run_validate(*cmd, global); }; });
}

} // namespace alignkit::cli
