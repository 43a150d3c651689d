// alignkit leads check PATH...: the lead lifecycle as alignkit reads it, and its findings.

#include "alignkit/config/loader.hpp"
#include "alignkit/exports/lead_classifier.hpp"
#include "alignkit/findings/lifecycle_report.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"
#include "export_options.hpp"
#include "findings.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
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
        std::cerr << fmt::format("alignkit leads check: no LeadDefinitions document in {}\n",
                                 quoted_list(std::vector<std::string_view>(cmd.paths.begin(), cmd.paths.end()), "or"));
        return exit_failure;
    }
    return report_findings(result, *targets, cmd.findings, global, lifecycles);
}

struct LeadsClassifyCommand {
    std::string definitions;
    std::string export_path;
    std::string output;
    ExportOptions reading;
    bool counts = false;
    bool strict = false;
    std::string by;
};

int run_leads_classify(const LeadsClassifyCommand& cmd, const GlobalOptions& global)
{
    const auto reading = export_reading("leads classify", cmd.reading);
    if (!reading) {
        return exit_failure;
    }
    ValidationResult loaded;
    if (auto status = load_valid_configs({cmd.definitions}, today(), global, loaded)) {
        return *status;
    }
    const Document* found = named_document(loaded, Kind::LeadDefinitions, "leads classify");
    if (found == nullptr) {
        return exit_failure;
    }
    const auto* defs = &std::get<LeadDefinitions>(found->spec);
    // Both the export and the result stream: memory does not grow with the number of rows.
    std::ifstream file;
    if (!open_csv_input(cmd.export_path, "leads classify", file)) {
        return exit_failure;
    }
    StreamingOutput out(cmd.counts ? std::string{} : cmd.output);
    std::function<void(const std::string&)> on_line;
    if (!cmd.counts) {
        on_line = [&out](const std::string& line) { out.write(line); };
    }
    const auto outcome = classify_export(cmd.export_path == "-" ? std::cin : file, *defs, *reading, on_line, cmd.by);
    switch (outcome.failure) {
    case ClassifyOutcome::Failure::none:
        break;
    case ClassifyOutcome::Failure::empty:
        std::cerr << fmt::format("alignkit leads classify: '{}' is empty\n", cmd.export_path);
        return exit_failure;
    case ClassifyOutcome::Failure::columns:
        std::cerr << "alignkit leads classify: " << terminal_safe(outcome.error) << "\n";
        return exit_failure;
    case ClassifyOutcome::Failure::malformed:
        std::cerr << fmt::format("alignkit leads classify: {}: {}\n", cmd.export_path, outcome.error);
        return exit_findings;
    }
    for (const auto& notice : classify_notices(outcome)) {
        std::cerr << "alignkit leads classify: " << terminal_safe(notice) << "\n";
    }
    if (cmd.counts) {
        write_output(cmd.output, render_stage_counts(outcome, *defs));
    } else {
        out.commit();
    }
    return classify_fails(outcome, cmd.strict) ? exit_findings : exit_ok;
}

} // namespace

void add_leads_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto* leads = app.add_subcommand("leads", "Lead definitions: check the lifecycle, classify exported leads");
    leads->require_subcommand(1);
    auto cmd = std::make_shared<LeadsCheckCommand>();
    auto* check = leads->add_subcommand(
        "check", "Show the lifecycle as alignkit reads it; report criteria and lifecycle problems");
    check->add_option("paths", cmd->paths, "Files or folders with LeadDefinitions (and what they refer to)")
        ->required();
    add_findings_options(*check, cmd->findings);
    check->callback([cmd, &global, &run] { run = [cmd, &global] { return run_leads_check(*cmd, global); }; });

    auto classify = std::make_shared<LeadsClassifyCommand>();
    auto* sub = leads->add_subcommand("classify", "The lifecycle stage each lead of a CSV export qualifies for");
    sub->add_option("definitions", classify->definitions, "The LeadDefinitions file")->required();
    sub->add_option("export", classify->export_path, "The CSV export, or - for standard input")->required();
    sub->add_option("-o,--output", classify->output, "Write the CSV to FILE")->check(non_empty);
    add_export_options(*sub, classify->reading);
    sub->add_flag("--counts", classify->counts,
                  "Print only the number of leads per stage: those that reached it, and those at it now");
    sub->add_option("--by", classify->by, "With --counts, count by the values of COLUMN (a header or a lead field)")
        ->option_text("COLUMN")
        ->check(non_empty);
    sub->add_flag("--strict", classify->strict, "Exit 1 when any row or value cannot be read");
    sub->callback(
        [classify, &global, &run] { run = [classify, &global] { return run_leads_classify(*classify, global); }; });
}

} // namespace alignkit::cli
