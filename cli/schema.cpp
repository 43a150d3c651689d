// alignkit schema [KIND | --settings]: the JSON Schema editors and other validators use.

#include "alignkit/config/schema.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace alignkit::cli {
namespace {

struct SchemaCommand {
    std::string kind;
    std::string output;
    bool settings = false;
};

int run_schema(const SchemaCommand& cmd)
{
    if (cmd.settings) {
        write_output(cmd.output, json_settings_schema());
        return exit_ok;
    }
    std::optional<Kind> kind;
    if (!cmd.kind.empty()) {
        kind = parse_enum<Kind>(cmd.kind);
        if (!kind) {
            auto hint = did_you_mean(cmd.kind, enum_names<Kind>());
            std::cerr << fmt::format("alignkit schema: unknown kind '{}'; {}\n", cmd.kind,
                                     hint.empty() ? "use one of " + quoted_list(enum_names<Kind>()) : hint);
            return exit_failure;
        }
    }
    write_output(cmd.output, json_schema(kind));
    return exit_ok;
}

} // namespace

void add_schema_command(CLI::App& app, const GlobalOptions& /*global*/, Runner& run)
{
    auto cmd = std::make_shared<SchemaCommand>();
    auto* sub = app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of a kind, or of every kind");
    auto* kind = sub->add_option("kind", cmd->kind,
                                 "Questionnaire, Response, ServiceLevelAgreement, LeadDefinitions or Glossary");
    sub->add_flag("--settings", cmd->settings, "The schema of the settings file, .alignkit.yaml, instead")
        ->excludes(kind);
    sub->add_option("-o,--output", cmd->output, "Write the schema to FILE")->check(non_empty);
    sub->callback([cmd, &run] { run = [cmd] { return run_schema(*cmd); }; });
}

} // namespace alignkit::cli
