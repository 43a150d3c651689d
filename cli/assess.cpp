// alignkit assess init | report: the consultant's maturity questionnaire and its report.

#include "alignkit/assessment/assessment.hpp"
#include "alignkit/assessment/assessment_compare.hpp"
#include "alignkit/assessment/builtin_questionnaire.hpp"
#include "alignkit/assessment/response_import.hpp"
#include "alignkit/assessment/take_session.hpp"
#include "alignkit/findings/validate_report.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <unistd.h>

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
    std::size_t min_group = k_default_min_group;
    bool explain = false;
    bool show_respondents = false;
};

std::optional<std::string> read_text_file(const std::string& path);

// Scores `questionnaire` from `responses` (configs, or *.csv survey exports): the work of
// `assess report`, shared with `assess compare`. On any problem prints it and returns nullopt
// with the exit status in `status`.
std::optional<AssessmentReport> score(const std::string& questionnaire_path, const std::vector<std::string>& responses,
                                      const AssessOptions& options, const GlobalOptions& global, int& status)
{
    // Survey exports (*.csv) are imported; everything else is read as configs.
    std::vector<std::string> paths{questionnaire_path};
    std::vector<std::string> exports;
    for (const auto& p : responses) {
        (p.ends_with(".csv") ? exports : paths).push_back(p);
    }
    ValidationResult loaded;
    if (auto failed = load_valid_configs(paths, today(), global, loaded)) {
        status = *failed;
        return std::nullopt;
    }
    const Document* found = named_document(loaded, Kind::Questionnaire, "assess");
    if (found == nullptr) {
        status = exit_failure;
        return std::nullopt;
    }
    const std::string questionnaire_name = found->metadata.name.value;
    ValidationResult imported;
    for (const auto& path : exports) {
        auto text = read_text_file(path);
        if (!text) {
            std::cerr << fmt::format("alignkit assess: cannot read '{}'\n", path);
            status = exit_failure;
            return std::nullopt;
        }
        for (auto& doc : import_responses_csv(*text, path, *found, imported.diagnostics)) {
            imported.documents.push_back(std::move(doc));
        }
        imported.files.push_back({path, std::move(*text), 0});
    }
    if (!imported.diagnostics.empty()) {
        TextOptions text;
        text.summary = false;
        std::cerr << render_text(imported, text);
        if (imported.diagnostics.has_errors()) {
            status = exit_findings;
            return std::nullopt;
        }
    }
    // The report resolves references by address: find the questionnaire in the combined list.
    std::vector<Document> documents = loaded.documents;
    documents.insert(documents.end(), imported.documents.begin(), imported.documents.end());
    const Document* questionnaire = nullptr;
    for (const auto& doc : documents) {
        if (std::holds_alternative<Questionnaire>(doc.spec) && doc.metadata.name.value == questionnaire_name) {
            questionnaire = &doc;
            break;
        }
    }
    std::vector<std::pair<std::string, std::string>> sources;
    for (const auto* files : {&loaded.files, &imported.files}) {
        for (const auto& file : *files) {
            sources.emplace_back(file.path, file.text);
        }
    }
    auto report = assess(*questionnaire, documents, sources, options);
    if (report.respondents == 0) {
        std::cerr << "alignkit assess: no Response answers this questionnaire\n";
        status = exit_failure;
        return std::nullopt;
    }
    return report;
}

int run_assess_report(const AssessReportCommand& cmd, const GlobalOptions& global)
{
    auto format = parse_enum<AssessFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit assess report: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<AssessFormat>()));
        return exit_failure;
    }
    AssessOptions options;
    options.min_group = cmd.min_group;
    options.show_respondents = cmd.show_respondents;
    int status = exit_ok;
    auto report = score(cmd.questionnaire, cmd.responses, options, global, status);
    if (!report) {
        return status;
    }
    // Each person's answers are theirs: a new report that holds them is readable by its owner only.
    write_output(cmd.output, render_assessment(*report, *format, {cmd.explain}), cmd.show_respondents);
    return exit_ok;
}

struct AssessTakeCommand {
    std::string questionnaire;
    std::string output;
    std::string respondent;
    std::string team;
    std::string role;
    std::string date;
};

// The prompt of one question: where the respondent is, the question, the scale.
std::string prompt(const TakeSession& session)
{
    const auto& step = session.current();
    std::string out = fmt::format("\n{} — {} of {}\n", step.dimension->title, session.position() + 1, session.size());
    out += wrap(step.question->text, 78, "  ", "  ");
    if (const Scale* scale = session.current_scale()) {
        for (const auto& o : scale->options) {
            out += fmt::format("    {}  {}\n", o.value.value, o.label);
        }
    }
    out += "  (s skip, b back, ? help, q stop) > ";
    // The questionnaire's text goes to a terminal: it must not set the title or move the cursor.
    return terminal_safe(out);
}

int run_assess_take(const AssessTakeCommand& cmd, const GlobalOptions& global)
{
    ValidationResult loaded;
    if (auto status = load_valid_configs({cmd.questionnaire}, today(), global, loaded)) {
        return *status;
    }
    const Document* doc = named_document(loaded, Kind::Questionnaire, "assess take");
    if (doc == nullptr) {
        return exit_failure;
    }
    // An existing answers file is resumed; a new one needs to know who is answering.
    std::optional<Response> earlier;
    std::error_code ec;
    if (std::filesystem::exists(cmd.output, ec)) {
        ValidationResult previous;
        if (auto status = load_valid_configs({cmd.output}, today(), global, previous)) {
            return *status;
        }
        std::string error;
        const Document* answers = find_one_document(previous, Kind::Response, error);
        if (answers == nullptr) {
            std::cerr << fmt::format("alignkit assess take: {}; choose another file for the answers\n", error);
            return exit_failure;
        }
        earlier = std::get<Response>(answers->spec);
    }
    Respondent who;
    if (earlier) {
        who = earlier->respondent;
    } else {
        auto team = parse_enum<Team>(cmd.team);
        if (cmd.respondent.empty() || !is_slug(cmd.respondent) || !team) {
            std::cerr << "alignkit assess take: a new answers file needs --respondent ID (a name such as r-07) and "
                         "--team (" +
                             quoted_list(enum_names<Team>()) + ")\n";
            return exit_failure;
        }
        who.id.value = cmd.respondent;
        who.team = *team;
        who.role = cmd.role;
    }
    const Date date = cmd.date.empty() ? today() : parse_date(cmd.date).value_or(today());
    // The answers refer to the questionnaire by relative path, so they validate on their own.
    namespace fs = std::filesystem;
    const fs::path answers_dir = fs::absolute(cmd.output).parent_path();
    const std::string reference = fs::relative(fs::absolute(cmd.questionnaire), answers_dir).generic_string();
    TakeSession session(std::get<Questionnaire>(doc->spec), doc->metadata.name.value,
                        reference.empty() ? doc->metadata.name.value : reference, who, date);
    if (earlier) {
        session.resume(*earlier);
        if (!session.finished()) {
            std::cerr << fmt::format("Resuming at question {} of {}.\n", session.position() + 1, session.size());
        }
    }
    const bool interactive = isatty(STDIN_FILENO) != 0;
    std::string line;
    while (!session.finished()) {
        std::cerr << prompt(session) << std::flush;
        if (!std::getline(std::cin, line)) {
            std::cerr << fmt::format("\nStopped at question {} of {}; run the same command to resume.\n",
                                     session.position() + 1, session.size());
            return exit_ok;
        }
        if (!interactive) {
            std::cerr << line << "\n"; // show scripted answers as if typed
        }
        const auto result = session.apply(line);
        switch (result.outcome) {
        case TakeSession::Outcome::answered:
        case TakeSession::Outcome::skipped:
            // Saved after every answer: a run killed at any moment loses nothing.
            write_output(cmd.output, session.to_yaml());
            break;
        case TakeSession::Outcome::help: {
            const auto& help = session.current().question->help;
            std::cerr << terminal_safe(
                wrap(help.empty() ? "No help is written for this question." : help, 78, "  ", "  "));
            break;
        }
        case TakeSession::Outcome::quit:
            write_output(cmd.output, session.to_yaml());
            std::cerr << fmt::format("Saved {} answers to {}; run the same command to resume.\n", session.answered(),
                                     cmd.output);
            return exit_ok;
        case TakeSession::Outcome::back:
            break;
        case TakeSession::Outcome::invalid:
            std::cerr << "  " << terminal_safe(result.message) << "\n";
            break;
        }
    }
    write_output(cmd.output, session.to_yaml());
    std::cerr << fmt::format("\nAll {} questions done; answers saved to {}.\n", session.size(), cmd.output);
    return exit_ok;
}

struct AssessCompareCommand {
    std::string before;
    std::string after;
    std::string questionnaire; // when given, before and after are responses, not reports
    std::string format = "text";
    std::string output;
    bool fail_on_regression = false;
};

std::optional<std::string> read_text_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The JSON report of `questionnaire` scored from the responses in `path`, as `assess report`
// makes it; nullopt (after printing why) when that cannot be done.
std::optional<std::string> report_json(const std::string& questionnaire, const std::string& path,
                                       const GlobalOptions& global, int& status)
{
    auto report = score(questionnaire, {path}, AssessOptions{}, global, status);
    if (!report) {
        return std::nullopt;
    }
    return render_assessment(*report, AssessFormat::json, {});
}

int run_assess_compare(const AssessCompareCommand& cmd, const GlobalOptions& global)
{
    auto format = parse_enum<CompareFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit assess compare: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<CompareFormat>()));
        return exit_failure;
    }
    std::optional<std::string> before;
    std::optional<std::string> after;
    if (!cmd.questionnaire.empty()) {
        int status = exit_ok;
        before = report_json(cmd.questionnaire, cmd.before, global, status);
        if (!before) {
            return status;
        }
        after = report_json(cmd.questionnaire, cmd.after, global, status);
        if (!after) {
            return status;
        }
    } else {
        before = read_text_file(cmd.before);
        after = read_text_file(cmd.after);
    }
    if (!before || !after) {
        std::cerr << fmt::format("alignkit assess compare: cannot read '{}'\n", before ? cmd.after : cmd.before);
        return exit_failure;
    }
    std::string error;
    auto comparison = compare_assessments(*before, *after, cmd.before, cmd.after, error);
    if (!comparison) {
        std::cerr << "alignkit assess compare: " << error << "\n";
        return exit_failure;
    }
    write_output(cmd.output, render_comparison(*comparison, *format));
    return cmd.fail_on_regression && comparison->regressed ? exit_findings : exit_ok;
}

} // namespace

void add_assess_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto* assess = app.add_subcommand("assess", "Maturity questionnaires: write one, report on the answers");
    assess->require_subcommand(1);

    auto init = std::make_shared<AssessInitCommand>();
    auto* start = assess->add_subcommand("init", "Write the built-in questionnaire, to edit and hand out");
    start->add_option("-o,--output", init->output, "Write to FILE (default: standard output)")->check(non_empty);
    start->add_flag("--force", init->force, "Replace FILE if it exists");
    start->callback([init, &run] {
        run = [init] { return write_new_output("assess init", init->output, init->force, builtin_questionnaire()); };
    });

    auto take = std::make_shared<AssessTakeCommand>();
    auto* ask = assess->add_subcommand("take", "Answer a questionnaire in the terminal, saved after every answer");
    ask->add_option("questionnaire", take->questionnaire, "The Questionnaire file")->required();
    ask->add_option("-o,--output", take->output, "The answers file (resumed when it exists)")
        ->required()
        ->check(non_empty);
    ask->add_option("--respondent", take->respondent, "An id or pseudonym, such as r-07 (new files)");
    ask->add_option("--team", take->team, "sales, marketing, leadership, revops or other (new files)");
    ask->add_option("--role", take->role, "The respondent's role");
    ask->add_option("--date", take->date, "The date of the answers (default today)")
        ->check([](const std::string& text) {
            return parse_date(text) ? std::string{} : "'" + text + "' is not a date (YYYY-MM-DD)";
        });
    ask->callback([take, &global, &run] { run = [take, &global] { return run_assess_take(*take, global); }; });

    auto compare = std::make_shared<AssessCompareCommand>();
    auto* cmp = assess->add_subcommand("compare", "What moved between two assessments (JSON reports, or responses)");
    cmp->add_option("before", compare->before,
                    "The earlier report (from 'assess report --format json'), or responses with --questionnaire")
        ->required();
    cmp->add_option("after", compare->after, "The later report, or responses")->required();
    cmp->add_option("--questionnaire", compare->questionnaire,
                    "Score BEFORE and AFTER as responses to this questionnaire instead of reading reports")
        ->option_text("FILE");
    cmp->add_option("-f,--format", compare->format, "text (default), markdown or json")->option_text("FORMAT");
    cmp->add_option("-o,--output", compare->output, "Write to FILE")->check(non_empty);
    cmp->add_flag("--fail-on-regression", compare->fail_on_regression, "Exit 1 when any dimension drops a stage");
    cmp->callback(
        [compare, &global, &run] { run = [compare, &global] { return run_assess_compare(*compare, global); }; });

    auto report = std::make_shared<AssessReportCommand>();
    auto* sub = assess->add_subcommand("report", "Where the company stands, where the teams disagree, what to do next");
    sub->add_option("questionnaire", report->questionnaire, "The Questionnaire file")->required();
    sub->add_option("responses", report->responses, "Response files or folders")->required();
    sub->add_option("-f,--format", report->format, "text (default), markdown or json")->option_text("FORMAT");
    sub->add_option("-o,--output", report->output, "Write to FILE")->check(non_empty);
    sub->add_option("--min-group", report->min_group,
                    fmt::format("Hide the numbers of teams with fewer answers (default {})", k_default_min_group))
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
    sub->add_flag("--explain", report->explain, "Show the arithmetic behind every stage and index");
    sub->add_flag("--show-respondents", report->show_respondents,
                  "Include each person's answers (private otherwise; only with their consent)");
    sub->callback([report, &global, &run] { run = [report, &global] { return run_assess_report(*report, global); }; });
}

} // namespace alignkit::cli
