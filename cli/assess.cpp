// alignkit assess init | report: the consultant's maturity questionnaire and its report.

#include "alignkit/assessment.hpp"
#include "alignkit/builtin_questionnaire.hpp"
#include "alignkit/text.hpp"
#include "commands.hpp"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace alignkit::cli {
namespace {

struct AssessInitCommand {
    std::string output;
    bool force = false;
};

struct AssessReportCommand {
    std::string questionnaire;
    std::vector<std::string> responses;
    std::string format = "text";
    std::string output;
    std::size_t min_group = 3;
    bool explain = false;
};

int run_assess_report(const AssessReportCommand& cmd, const GlobalOptions& global)
{
    auto format = parse_enum<AssessFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit assess report: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<AssessFormat>()));
        return exit_failure;
    }
    std::vector<std::string> paths{cmd.questionnaire};
    paths.insert(paths.end(), cmd.responses.begin(), cmd.responses.end());
    ValidationResult loaded;
    if (auto status = load_valid_configs(paths, today(), global, loaded)) {
        return *status;
    }
    const Document* questionnaire = nullptr;
    for (const auto& doc : loaded.documents) {
        if (std::holds_alternative<Questionnaire>(doc.spec) && doc.file == cmd.questionnaire) {
            questionnaire = &doc;
            break;
        }
    }
    if (questionnaire == nullptr) {
        std::cerr << fmt::format("alignkit assess report: '{}' holds no Questionnaire\n", cmd.questionnaire);
        return exit_failure;
    }
    std::vector<std::pair<std::string, std::string>> sources;
    for (const auto& file : loaded.files) {
        sources.emplace_back(file.path, file.text);
    }
    AssessOptions options;
    options.min_group = cmd.min_group;
    const auto report = assess(*questionnaire, loaded.documents, sources, options);
    if (report.respondents == 0) {
        std::cerr << "alignkit assess report: no Response answers this questionnaire\n";
        return exit_failure;
    }
    write_output(cmd.output, render_assessment(report, *format, {cmd.explain}));
    return exit_ok;
}

} // namespace

void add_assess_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto* assess = app.add_subcommand("assess", "Maturity questionnaires: write one, report on the answers");
    assess->require_subcommand(1);

    auto init = std::make_shared<AssessInitCommand>();
    auto* start = assess->add_subcommand("init", "Write the built-in questionnaire, to edit and hand out");
    start->add_option("-o,--output", init->output, "Write to FILE (default: standard output)");
    start->add_flag("--force", init->force, "Replace FILE if it exists");
    start->callback([init, &run] {
        run = [init] { return write_new_output("assess init", init->output, init->force, builtin_questionnaire()); };
    });

    auto report = std::make_shared<AssessReportCommand>();
    auto* sub = assess->add_subcommand("report", "Where the company stands, where the teams disagree, what to do next");
    sub->add_option("questionnaire", report->questionnaire, "The Questionnaire file")->required();
    sub->add_option("responses", report->responses, "Response files or folders")->required();
    sub->add_option("-f,--format", report->format, "text (default), markdown or json")->option_text("FORMAT");
    sub->add_option("-o,--output", report->output, "Write to FILE");
    sub->add_option("--min-group", report->min_group, "Hide the numbers of teams with fewer answers (default 3)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
    sub->add_flag("--explain", report->explain, "Show the arithmetic behind every stage and index");
    sub->callback([report, &global, &run] { run = [report, &global] { return run_assess_report(*report, global); }; });
}

} // namespace alignkit::cli
