// alignkit leads check PATH...: the lead lifecycle as alignkit reads it, and its findings.

#include "alignkit/audit/stage_view_sql.hpp"
#include "alignkit/config/loader.hpp"
#include "alignkit/exports/lead_classifier.hpp"
#include "alignkit/findings/lifecycle_report.hpp"
#include "alignkit/util/text.hpp"
#include "alignkit/warehouse/postgres.hpp"
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
    std::string sql, table, view; // --sql DIALECT --table NAME [--view NAME]: print the view
};

// Whether the options asked for go together; false after saying why on standard error.
bool classify_options_agree(const LeadsClassifyCommand& cmd)
{
    auto refuse = [](std::string_view why) {
        std::cerr << "alignkit leads classify: " << why << "\n";
        return false;
    };
    if (is_postgres_uri(cmd.export_path)) {
        return refuse("classify does not connect to a database: print the view with --sql postgres --table NAME "
                      "and run it there (psql -f)");
    }
    if (cmd.sql.empty()) {
        if (!cmd.table.empty() || !cmd.view.empty()) {
            return refuse("--table and --view name what --sql DIALECT reads and makes; an export is read without "
                          "them");
        }
        return cmd.export_path.empty() ? refuse("the export to classify is missing (or --sql DIALECT to classify "
                                                "a table where it lives)")
                                       : true;
    }
    if (!parse_enum<SqlDialect>(cmd.sql)) {
        return refuse(fmt::format("--sql '{}': use {}", terminal_safe(cmd.sql, false),
                                  quoted_list(enum_names<SqlDialect>(), "or")));
    }
    if (cmd.table.empty()) {
        return refuse("--sql needs --table NAME, the table or view holding the export's columns");
    }
    for (const auto* name : {&cmd.table, &cmd.view}) {
        if (!name->empty() && !is_table_name(*name)) {
            return refuse(fmt::format("'{}': a part of the name between dots is empty", terminal_safe(*name, false)));
        }
    }
    if (cmd.view == cmd.table) {
        return refuse("--view names the table the view reads: give the view another name");
    }
    if (cmd.counts || !cmd.by.empty() || cmd.strict) {
        return refuse("--counts, --by and --strict read an export; over the view --sql makes, count with "
                      "SELECT alignkit_stage, COUNT(*) ... GROUP BY alignkit_stage");
    }
    return true;
}

// The lifecycle as a view in the warehouse: its statement printed.
int run_leads_classify_sql(const LeadsClassifyCommand& cmd, const LeadDefinitions& defs, const ExportReading& reading)
{
    std::vector<std::string> header; // the table's columns: the export's header if one is given
    if (!cmd.export_path.empty()) {
        auto columns = read_csv_header(cmd.export_path, "leads classify");
        if (!columns) {
            return exit_failure;
        }
        header = std::move(*columns);
    }
    for (const auto& notice : unknown_mapped_fields(defs, reading)) {
        std::cerr << "alignkit leads classify: " << terminal_safe(notice) << "\n";
    }
    std::string error;
    const auto view = stage_view_sql(defs, header, reading, *parse_enum<SqlDialect>(cmd.sql), cmd.table,
                                     cmd.view.empty() ? default_stage_view(cmd.table) : cmd.view, error);
    if (!view) {
        std::cerr << "alignkit leads classify: --sql: " << terminal_safe(error) << "\n";
        return exit_failure;
    }
    write_output(cmd.output, *view);
    return exit_ok;
}

int run_leads_classify(const LeadsClassifyCommand& cmd, const GlobalOptions& global)
{
    if (!classify_options_agree(cmd)) {
        return exit_failure;
    }
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
    if (!cmd.sql.empty()) {
        return run_leads_classify_sql(cmd, *defs, *reading);
    }
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
        for (const auto& notice : outcome.unknown_fields) { // a mistyped mapping, the likely cause
            std::cerr << "alignkit leads classify: " << terminal_safe(notice) << "\n";
        }
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
    sub->add_option("export", classify->export_path,
                    "The CSV export, or - for standard input; with --sql, an export whose header the table has")
        ->check(non_empty);
    sub->add_option("-o,--output", classify->output, "Write the CSV (or with --sql the view) to FILE")
        ->check(non_empty);
    add_export_options(*sub, classify->reading);
    sub->add_flag("--counts", classify->counts,
                  "Print only the number of leads per stage: those that reached it, and those at it now");
    sub->add_option("--by", classify->by, "With --counts, count by the values of COLUMN (a header or a lead field)")
        ->option_text("COLUMN")
        ->check(non_empty);
    sub->add_flag("--strict", classify->strict, "Exit 1 when any row or value cannot be read");
    sub->add_option("--sql", classify->sql,
                    "Print a view for DIALECT (postgres, duckdb, bigquery, snowflake or spark) that adds each "
                    "row's stage to --table, as the CSV gets it")
        ->option_text("DIALECT");
    sub->add_option("--table", classify->table, "The table or view --sql reads: the export's columns")
        ->option_text("NAME")
        ->check(non_empty);
    sub->add_option("--view", classify->view, "The view --sql makes (default: the table's name and _stages)")
        ->option_text("NAME")
        ->check(non_empty);
    sub->callback(
        [classify, &global, &run] { run = [classify, &global] { return run_leads_classify(*classify, global); }; });
}

} // namespace alignkit::cli
