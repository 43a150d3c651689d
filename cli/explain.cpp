// alignkit explain [CODE]: what a diagnostic means, why it matters, how to fix it.

#include "alignkit/config/codes.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace alignkit::cli {
namespace {

struct ExplainCommand {
    std::string code;
};

int run_explain(const ExplainCommand& cmd)
{
    if (cmd.code.empty()) {
        std::string out;
        for (const auto& c : all_codes()) {
            out += fmt::format("{}  {:<7}  {}\n", c.id, to_string(c.severity), c.title);
        }
        write_output({}, out);
        return exit_ok;
    }
    auto code = parse_code(cmd.code);
    if (!code) {
        std::vector<std::string_view> ids;
        for (const auto& c : all_codes()) {
            ids.push_back(c.id);
        }
        auto hint = did_you_mean(cmd.code, ids);
        std::cerr << fmt::format("alignkit explain: unknown code '{}'; {}\n", terminal_safe(cmd.code, false),
                                 hint.empty() ? "run 'alignkit explain' for the list" : hint);
        return exit_failure;
    }
    const auto& c = info(*code);
    std::string out = fmt::format("{}: {} ({} by default)\n\n", c.id, c.title, to_string(c.severity));
    out += wrap(c.explanation, 78, "", "");
    out += "\nHow to fix it:\n";
    out += wrap(c.fix, 78, "  ", "  ");
    write_output({}, out);
    return exit_ok;
}

} // namespace

void add_explain_command(CLI::App& app, const GlobalOptions& /*global*/, Runner& run)
{
    auto cmd = std::make_shared<ExplainCommand>();
    auto* sub = app.add_subcommand("explain", "Explain a diagnostic code (AK1101), or list them all");
    sub->add_option("code", cmd->code, "The code, such as AK1101");
    sub->callback([cmd, &run] { run = [cmd] { return run_explain(*cmd); }; });
}

} // namespace alignkit::cli
