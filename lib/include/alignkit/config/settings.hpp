#pragma once
// The settings file, `.alignkit.yaml`: what a repository says once for every run of the
// checks in it, as a .yamllint or ruff.toml does. Found in the working folder or the nearest
// folder above it (or named with --config):
//
//   severity:            # per code: error, warning, info, or off
//     AK3015: warning
//     AK4001: off
//   exclude:             # .gitignore lines, relative to this file's folder
//     - vendor/
//   as_of: 2026-12-01    # the day date checks take as today (default: the real today)
//   sarif:               # links SARIF reports carry
//     help_uri: https://wiki.example.com/alignkit/{code}

#include "alignkit/config/diagnostics.hpp"
#include "alignkit/model/document.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// The names a settings file may have, in the order a folder is searched for them.
inline constexpr std::array<std::string_view, 2> k_settings_names{".alignkit.yaml", ".alignkit.yml"};

struct Settings {
    std::string path; // the file as found or named; empty when no settings file applies
    struct Level {
        Code code{};
        std::optional<Severity> severity; // nullopt: off, the code's findings are not reported
    };
    std::vector<Level> levels;        // in the file's order
    std::vector<std::string> exclude; // .gitignore lines, relative to the file's folder
    std::optional<Date> as_of;
    // Links SARIF reports carry (tool.driver.informationUri, each rule's helpUri, `{code}`
    // standing for its code); empty for none.
    struct SarifLinks {
        std::string information_uri, help_uri;
    } sarif;
    bool read = false;       // the file could be read (its problems may still be many)
    std::string text;        // the file as read, for the renderers' excerpts
    Diagnostics diagnostics; // what is wrong in the file itself
};

// Codes whose findings say the run could not read its input (a path missing, a file that is
// not YAML): no setting changes them, or a gate could pass without checking anything.
bool is_fixed_severity(Code code);

// Whether `path`'s last part is one of k_settings_names.
bool is_settings_name(std::string_view path);

// The settings file for a run started in `folder`: the first of k_settings_names in it or
// the nearest folder above it that has one. nullopt when none has.
std::optional<std::filesystem::path> find_settings_file(const std::filesystem::path& folder);

// Reads settings from `text` (named `file` in diagnostics). Every problem is a diagnostic in
// the result; what is valid still applies.
Settings parse_settings(std::string_view text, std::string_view file);

// Reads the settings file `path`: a missing or unreadable file is an AK0001 or AK0002
// diagnostic, an input failure.
Settings read_settings_file(const std::string& path);

} // namespace alignkit
