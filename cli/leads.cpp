// alignkit leads check PATH...: the lead lifecycle as alignkit reads it, and its findings.

#include "alignkit/config/loader.hpp"
#include "alignkit/exports/lead_classifier.hpp"
#include "alignkit/findings/lifecycle_report.hpp"
#include "alignkit/util/csv.hpp"
#include "commands.hpp"
#include "export_options.hpp"
#include "findings.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
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
        std::cerr << "alignkit leads check: no LeadDefinitions document in the paths given\n";
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
    const LeadDefinitions* defs = nullptr;
    for (const auto& doc : loaded.documents) {
        if (const auto* d = std::get_if<LeadDefinitions>(&doc.spec)) {
            defs = d;
            break;
        }
    }
    if (defs == nullptr) {
        std::cerr << fmt::format("alignkit leads classify: '{}' holds no LeadDefinitions\n", cmd.definitions);
        return exit_failure;
    }
    // Both the export and the result stream: memory does not grow with the number of rows.
    std::ifstream file;
    if (cmd.export_path != "-") {
        file.open(cmd.export_path, std::ios::binary);
        if (!file) {
            std::cerr << fmt::format("alignkit leads classify: cannot read '{}'\n", cmd.export_path);
            return exit_failure;
        }
    }
    CsvReader reader(cmd.export_path == "-" ? std::cin : file);
    reader.track_columns(false);
    CsvRecord header;
    if (!reader.next(header)) {
        std::cerr << fmt::format("alignkit leads classify: '{}' is empty\n", cmd.export_path);
        return exit_failure;
    }
    std::string error;
    auto classifier = LeadClassifier::make(*defs, header.fields, *reading, error);
    if (!classifier) {
        std::cerr << "alignkit leads classify: " << error << "\n";
        return exit_failure;
    }
    StreamingOutput out(cmd.counts ? std::string{} : cmd.output);
    std::string counts_text;
    if (!cmd.counts) {
        auto fields = header.fields;
        fields.push_back("alignkit_stage");
        fields.push_back("alignkit_rule");
        out.write(csv_line(fields));
    }
    std::map<std::string, std::size_t> counts;
    // Unreadable values: counted by field, the first of each kept for the message.
    std::vector<BadValue> bad;
    std::map<std::string, std::pair<std::size_t, BadValue>> unreadable;
    std::size_t ragged = 0;
    std::size_t first_ragged = 0;
    CsvRecord row;
    while (reader.next(row)) {
        if (row.fields.size() != header.fields.size()) {
            if (ragged++ == 0) {
                first_ragged = row.line;
            }
        }
        const auto result = classifier->classify(row.fields, row.line, bad);
        for (const auto& b : bad) {
            auto [it, fresh] = unreadable.try_emplace(b.field, std::pair<std::size_t, BadValue>{0, b});
            ++it->second.first;
        }
        bad.clear();
        const std::string stage = result.stage != nullptr ? result.stage->id.value : "";
        ++counts[stage];
        if (!cmd.counts) {
            row.fields.push_back(stage);
            row.fields.push_back(result.rule);
            out.write(csv_line(row.fields));
        }
    }
    if (!reader.error().empty()) {
        std::cerr << fmt::format("alignkit leads classify: {}: {}\n", cmd.export_path, reader.error());
        return exit_findings;
    }
    if (cmd.counts) {
        for (const auto& stage : defs->stages) {
            counts_text += fmt::format("{:<16} {}\n", stage.id.value, counts[stage.id.value]);
        }
        counts_text += fmt::format("{:<16} {}\n", "(none)", counts[""]);
    }
    // Rows that cannot be read fully are never dropped silently: counted, the first listed.
    if (ragged > 0) {
        std::cerr << fmt::format("alignkit leads classify: {} row(s) with a different number of fields than the "
                                 "header (first on line {})\n",
                                 ragged, first_ragged);
    }
    for (const auto& [field, seen] : unreadable) {
        std::cerr << fmt::format("alignkit leads classify: {} value(s) of '{}' not understood (first on line {}: "
                                 "'{}'); they count as empty\n",
                                 seen.first, field, seen.second.line, seen.second.text);
    }
    if (cmd.counts) {
        write_output(cmd.output, counts_text);
    } else {
        out.commit();
    }
    return cmd.strict && (ragged > 0 || !unreadable.empty()) ? exit_findings : exit_ok;
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
    sub->add_option("-o,--output", classify->output, "Write the CSV to FILE");
    add_export_options(*sub, classify->reading);
    sub->add_flag("--counts", classify->counts, "Print only the number of leads per stage");
    sub->add_flag("--strict", classify->strict, "Exit 1 when any row or value cannot be read");
    sub->callback(
        [classify, &global, &run] { run = [classify, &global] { return run_leads_classify(*classify, global); }; });
}

} // namespace alignkit::cli
