#pragma once
// `alignkit validate` as a library call: collect config files, load every document,
// run every check, and return what a renderer needs.

#include "alignkit/checks/checks.hpp"
#include "alignkit/config/diagnostics.hpp"
#include "alignkit/config/settings.hpp"
#include "alignkit/model/document.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace alignkit {

inline constexpr std::string_view k_stdin_name = "<stdin>";

struct ValidateOptions {
    std::vector<std::string> exclude; // .gitignore lines, relative to each folder given (util/path_patterns.hpp)
    CheckOptions checks;
    unsigned jobs = 1; // files parsed in parallel
    // Named files that are not alignkit configs are skipped too, and a run that skipped them
    // all passes: for hooks that pass every staged YAML file (--only-configs).
    bool only_configs = false;
    // The settings file in effect (its excludes, its severities, its own problems); none when
    // null or its path is empty.
    const Settings* settings = nullptr;
    // A command's checks beyond validate's (sla check's review), run after them, so that
    // suppressions and the settings file apply to their findings too.
    std::function<void(std::span<const Document>, const CheckOptions&, Diagnostics&)> more_checks;
};

struct SourceFile {
    std::string path; // as named on the command line or found in a folder
    std::string text; // kept for the renderers' source excerpts
    std::size_t documents = 0;
    bool referenced = false; // read because a document refers to it, not named by the user
};

struct ValidationResult {
    std::vector<SourceFile> files; // in the order given, folders expanded in sorted order
    std::vector<Document> documents;
    Diagnostics diagnostics;           // sorted by file (in `files` order), then position
    std::vector<std::string> skipped;  // YAML found in folders that is not an alignkit config
    std::vector<std::string> excluded; // paths named that the settings file's `exclude` leaves out
    std::size_t suppressed = 0;        // findings a config's comments suppress (findings/suppressions.hpp)
    std::size_t baselined = 0;         // findings a baseline knows (findings/baseline.hpp)
    std::size_t turned_off = 0;        // findings of codes the settings file sets to `off`
    std::string settings;              // the settings file in effect; empty for none
    Settings::SarifLinks links;        // its links for SARIF reports
    Date as_of;                        // the day date checks took as today
    std::size_t count(Severity severity) const { return diagnostics.count(severity); }
};

// Validates `paths` (files, folders searched recursively for *.yaml and *.yml, or "-" for
// `stdin_text`). A file found in a folder whose documents neither say `apiVersion:
// alignkit/...` nor name an alignkit kind is skipped (listed in `skipped`); a file named is
// always checked, unless the settings file excludes it. A settings file named is checked as
// one; found in a folder, it is skipped (the one in effect is checked once, as a file of the
// run). A run given paths that checks no file has an AK0010 error, an input
// failure. Files that documents refer to by relative path are read too. Problems the
// user can cause are diagnostics; only a bug throws.
ValidationResult validate_paths(const std::vector<std::string>& paths, const std::optional<std::string>& stdin_text,
                                const ValidateOptions& options);

// The one document of `kind` in the files the user named (a file, '-', or the files found in a
// folder), not in those read because a document refers to them: what a command that works
// on one SLA, one questionnaire or one set of lead definitions works on. nullptr, with
// `error` saying what is where, when the named files hold none or more than one.
const Document* find_one_document(const ValidationResult& result, Kind kind, std::string& error);

// True when the run could not do its job (a path missing or unreadable): exit status 2.
bool has_input_failure(const ValidationResult& result);

} // namespace alignkit
