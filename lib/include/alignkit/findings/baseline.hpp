#pragma once
// Known findings, recorded once so that a check reports only new ones (validate --baseline),
// as linters let a team adopt them on a repository that already has findings. A finding is
// kept by its fingerprint: its code, file and message (with the numbers it gives outside
// quoted names left out: line numbers, counts, dates) and which of its equals it is, so
// lines moving above it, or the days passing, change nothing; SARIF and GitLab carry the
// same fingerprint.

#include "alignkit/findings/validate.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// One fingerprint per diagnostic, in their order.
std::vector<std::string> finding_fingerprints(const Diagnostics& diagnostics);

// The baseline file of the result's findings (JSON, one finding per entry, readable in review).
std::string write_baseline(const ValidationResult& result);

// The fingerprints a baseline file holds; nullopt, with `error` saying why, when the text is
// not one.
std::optional<std::set<std::string>> read_baseline(std::string_view text, std::string& error);

// Drops the findings `known` holds from the result, counting them in `result.baselined`.
void apply_baseline(ValidationResult& result, const std::set<std::string>& known);

} // namespace alignkit
