#pragma once
// Reading config documents from text: every problem becomes a diagnostic, never an exception.

#include "alignkit/config/diagnostics.hpp"
#include "alignkit/model/document.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// Configs are written by hand; anything larger is refused before parsing.
inline constexpr std::size_t k_max_config_bytes = 8 * 1024 * 1024;
// Deeper nesting than this is refused before parsing (no config needs more than ~8 levels).
inline constexpr int k_max_nesting = 64;

// Parses every document in `text` (named `file` in diagnostics). Documents whose shape is
// wrong are returned without a spec, so their names still resolve; all problems found are
// reported to `diags`.
std::vector<Document> parse_config(std::string_view text, std::string_view file, Diagnostics& diags);

// Reads a whole config file, at most k_max_config_bytes (a FIFO or a device may never end);
// reports why to `diags` and returns nullopt when it cannot.
std::optional<std::string> read_config_file(const std::string& path, Diagnostics& diags);

} // namespace alignkit
