#pragma once
// Renderers of a validation result, one per output format. They only present: every
// decision (what is an error, the order) was made when the result was computed.

#include "alignkit/findings/validate.hpp"
#include "alignkit/model/enums.hpp"

#include <string>

namespace alignkit {

enum class ValidateFormat { text, json, sarif, github, gitlab, junit };
template <> struct EnumNames<ValidateFormat> {
    static constexpr std::array<std::string_view, 6> names{"text", "json", "sarif", "github", "gitlab", "junit"};
};

struct TextOptions {
    bool color = false;   // ANSI colours, for a terminal
    bool summary = true;  // the closing "checked N files" line
    bool verbose = false; // and under it, the YAML files skipped as not alignkit configs
    // Findings at or above this fail the run (--fail-on; none: never): JUnit's failures.
    std::optional<Severity> failing = Severity::error;
};

// Compiler-style: `file:line:col: error[AK1101]: message`, the source line with a caret, the hint.
std::string render_text(const ValidationResult& result, const TextOptions& options);
// The documented, versioned JSON report (see man alignkit-validate).
std::string render_json(const ValidationResult& result);
// SARIF 2.1.0, for code-scanning dashboards.
std::string render_sarif(const ValidationResult& result);
// GitHub Actions workflow commands (::error file=...::message).
std::string render_github(const ValidationResult& result);
// GitLab's Code Quality report (a JSON list of issues with fingerprints), for merge requests.
std::string render_gitlab(const ValidationResult& result);
// JUnit XML as the Ant schema and GitLab read it: a passing test case per file without
// findings, and a test case per finding, failed when it fails the run (`failing`), skipped
// with its message otherwise, so a reader that looks only at test cases sees every warning.
// `as_of` dates the suite, keeping output deterministic.
std::string render_junit(const ValidationResult& result, Date as_of, std::optional<Severity> failing = Severity::error);

std::string render(const ValidationResult& result, ValidateFormat format, const TextOptions& text, Date as_of);

} // namespace alignkit
