// alignkit leads check PATH...: the lead lifecycle as alignkit reads it, and its findings.

#include "alignkit/lifecycle_report.hpp"
#include "alignkit/loader.hpp"
#include "commands.hpp"
#include "findings.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <thread>

namespace alignkit::cli {
namespace {

struct LeadsCheckCommand {
    std::vector<std::string> paths;
    FindingsOptions findings;
};

int run_leads_check(const LeadsCheckCommand& cmd, const GlobalOptions& global)
{
    auto targets = format_targets("leads check", cmd.findings);
    if (!targets) {
        return exit_failure;
    }
    const ValidationResult result = load_for_findings(cmd.paths, cmd.findings);

    std::string lifecycles;
    bool any = false;
    for (const auto& doc : result.documents) {
        if (doc.kind != Kind::LeadDefinitions) {
            continue;
        }
        any = true;
        if (doc.has_spec() && !global.quiet) {
            lifecycles += render_lifecycle_text(doc);
        }
    }
    if (!any && !has_input_failure(result) && !result.diagnostics.has_errors()) {
        std::cerr << "alignkit leads check: no LeadDefinitions document in the paths given\n";
        return exit_failure;
    }
    return report_findings(result, *targets, cmd.findings, global, lifecycles);
}

} // namespace

void add_leads_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto* leads = app.add_subcommand("leads", "Lead definitions: check the lifecycle");
    leads->require_subcommand(1);
    auto cmd = std::make_shared<LeadsCheckCommand>();
    auto* check = leads->add_subcommand(
        "check", "Show the lifecycle as alignkit reads it; report criteria and lifecycle problems");
    check->add_option("paths", cmd->paths, "Files or folders with LeadDefinitions (and what they refer to)")
        ->required();
    add_findings_options(*check, cmd->findings);
    check->callback([cmd, &global, &run] { run = [cmd, &global] { return run_leads_check(*cmd, global); }; });
}

} // namespace alignkit::cli
