// alignkit: parse the command line, run the chosen command, map everything to an exit code.

#include "alignkit/model/version.hpp"
#include "alignkit/util/text.hpp"
#include "commands.hpp"
#include "temp_files.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <fmt/format.h>
#include <iostream>

using namespace alignkit::cli;

namespace {

int run_main(int argc, char** argv)
{
    remove_temporaries_on_signals();
    CLI::App app{"alignkit: audit how well sales and marketing work together", "alignkit"};
    app.set_version_flag("--version", fmt::format("alignkit {}", alignkit::version()));
    app.require_subcommand(1);
    app.fallthrough(); // global options may come after the command, too
    GlobalOptions global;
    add_global_options(app, global);
    Runner run;
    add_validate_command(app, global, run);
    add_schema_command(app, global, run);
    add_stages_command(app, global, run);
    add_explain_command(app, global, run);
    add_glossary_command(app, global, run);
    add_assess_command(app, global, run);
    add_sla_command(app, global, run);
    add_leads_command(app, global, run);

    try {
        // ninja-style: name the closest command instead of CLI11's generic complaint.
        std::vector<std::string_view> names;
        for (const auto* sub : app.get_subcommands({})) {
            names.push_back(sub->get_name());
        }
        if (argc > 1 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end()) {
            auto hint = alignkit::did_you_mean(argv[1], names);
            std::cerr << fmt::format("alignkit: unknown command '{}'{}\n", alignkit::terminal_safe(argv[1], false),
                                     hint.empty() ? "" : ", " + hint)
                      << "Run 'alignkit --help' for the list of commands.\n";
            return exit_failure;
        }
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 prints help and version itself (exit 0); its own error codes become our 2.
        return app.exit(e) == 0 ? exit_ok : exit_failure;
    }
    return run ? run() : exit_failure;
}

} // namespace

// Exceptions are bugs or I/O failures at the edge; whatever they are, they end here as a
// message and exit status 2, never as a crash.
int main(int argc, char** argv)
{
    try {
        return run_main(argc, argv);
    } catch (const std::exception& e) {
        std::fputs(fmt::format("alignkit: {}\n", e.what()).c_str(), stderr);
    } catch (...) {
        std::fputs("alignkit: an unexpected error\n", stderr);
    }
    return exit_failure;
}
