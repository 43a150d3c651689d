#pragma once
// The commands, each in its own file: `add_X_command` declares the subcommand and its
// options; when it is chosen, its callback sets `run` to the function that does the work.

#include "common.hpp"

#include <functional>

namespace alignkit::cli {

using Runner = std::function<int()>;

void add_validate_command(CLI::App& app, const GlobalOptions& global, Runner& run);
void add_schema_command(CLI::App& app, const GlobalOptions& global, Runner& run);
void add_stages_command(CLI::App& app, const GlobalOptions& global, Runner& run);
void add_explain_command(CLI::App& app, const GlobalOptions& global, Runner& run);
void add_glossary_command(CLI::App& app, const GlobalOptions& global, Runner& run);
void add_leads_command(CLI::App& app, const GlobalOptions& global, Runner& run);
void add_sla_command(CLI::App& app, const GlobalOptions& global, Runner& run);
void add_assess_command(CLI::App& app, const GlobalOptions& global, Runner& run);

} // namespace alignkit::cli
