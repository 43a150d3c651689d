// alignkit stages [STAGE]: the four maturity stages, their signs and the steps to the next.

#include "alignkit/guide/stages.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace alignkit::cli {
namespace {

struct StagesCommand {
    std::string stage;
    std::string format = "text";
    std::string output;
};

int run_stages(const StagesCommand& cmd)
{
    std::optional<Stage> stage;
    if (!cmd.stage.empty()) {
        stage = parse_enum<Stage>(cmd.stage);
        if (!stage) {
            auto hint = did_you_mean(cmd.stage, enum_names<Stage>());
            std::cerr << fmt::format("alignkit stages: unknown stage '{}'; {}\n", terminal_safe(cmd.stage, false),
                                     hint.empty() ? "use one of " + quoted_list(enum_names<Stage>()) : hint);
            return exit_failure;
        }
    }
    auto format = parse_enum<StagesFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit stages: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<StagesFormat>()));
        return exit_failure;
    }
    write_output(cmd.output, render_stages(stage, *format));
    return exit_ok;
}

} // namespace

void add_stages_command(CLI::App& app, const GlobalOptions& /*global*/, Runner& run)
{
    auto cmd = std::make_shared<StagesCommand>();
    auto* sub = app.add_subcommand("stages", "Explain the four maturity stages and the steps between them");
    sub->add_option("stage", cmd->stage, "undefined, defined, aligned or integrated (default: all four)");
    sub->add_option("-f,--format", cmd->format, "text, markdown or json")->option_text("FORMAT");
    sub->add_option("-o,--output", cmd->output, "Write to FILE")->check(non_empty);
    sub->callback([cmd, &run] { run = [cmd] { return run_stages(*cmd); }; });
}

} // namespace alignkit::cli
