// alignkit glossary [TERM]: the words both teams use, built in and from the user's glossaries.

#include "alignkit/guide/glossary_book.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace alignkit::cli {
namespace {

struct GlossaryCommand {
    std::string term;
    std::vector<std::string> configs;
    std::string format = "text";
    std::string output;
};

int run_glossary(const GlossaryCommand& cmd, const GlobalOptions& global)
{
    auto format = parse_enum<GlossaryFormat>(cmd.format);
    if (!format) {
        std::cerr << fmt::format("alignkit glossary: unknown format '{}'; use {}\n", cmd.format,
                                 quoted_list(enum_names<GlossaryFormat>()));
        return exit_failure;
    }
    ValidationResult loaded;
    if (!cmd.configs.empty()) {
        if (auto status = load_valid_configs(cmd.configs, today(), global, loaded)) {
            return *status;
        }
    }
    // Files named to read glossaries from that hold none were probably named by mistake.
    const bool any = std::any_of(loaded.documents.begin(), loaded.documents.end(),
                                 [](const Document& d) { return d.kind == Kind::Glossary; });
    if (!cmd.configs.empty() && !any) {
        std::cerr << fmt::format(
            "alignkit glossary: no Glossary document in {}\n",
            quoted_list(std::vector<std::string_view>(cmd.configs.begin(), cmd.configs.end()), "or"));
        return exit_failure;
    }
    const auto entries = merged_glossary(loaded.documents);
    if (cmd.term.empty()) {
        write_output(cmd.output, render_glossary(entries, *format));
        return exit_ok;
    }
    const auto* found = find_term(entries, cmd.term);
    if (found == nullptr) {
        std::vector<std::string_view> words;
        for (const auto& e : entries) {
            words.push_back(e.term);
            words.insert(words.end(), e.aliases.begin(), e.aliases.end());
        }
        auto hint = did_you_mean(cmd.term, words);
        std::cerr << fmt::format("alignkit glossary: no term '{}'{}\n", terminal_safe(cmd.term, false),
                                 hint.empty() ? "" : "; " + hint);
        return exit_failure;
    }
    write_output(cmd.output, render_glossary(std::span(found, 1), *format));
    return exit_ok;
}

} // namespace

void add_glossary_command(CLI::App& app, const GlobalOptions& global, Runner& run)
{
    auto cmd = std::make_shared<GlossaryCommand>();
    auto* sub = app.add_subcommand("glossary", "Show the terms both teams use, built in and from your glossaries");
    sub->add_option("term", cmd->term, "Show only this term (or alias)");
    sub->add_option("-c,--config", cmd->configs, "Also read Glossary documents from these files or folders")
        ->option_text("PATH")
        ->allow_extra_args(false);
    sub->add_option("-f,--format", cmd->format, "text, markdown or json")->option_text("FORMAT");
    sub->add_option("-o,--output", cmd->output, "Write to FILE")->check(non_empty);
    sub->callback([cmd, &global, &run] { run = [cmd, &global] { return run_glossary(*cmd, global); }; });
}

} // namespace alignkit::cli
