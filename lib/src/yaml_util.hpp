#pragma once
// The one place that turns yaml-cpp values into ours: positions, scalar typing, lookups.

#include "alignkit/location.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace alignkit::yaml {

// yaml-cpp marks are 0-based; ours are 1-based.
inline Position to_position(const YAML::Mark& mark) { return {mark.line + 1, mark.column + 1}; }
inline Position position(const YAML::Node& node) { return to_position(node.Mark()); }

// A plain (unquoted, untagged) scalar: only these can be numbers, booleans or null.
inline bool is_plain(const YAML::Node& node) { return node.Tag() == "?"; }

// The value stored under `key` in a mapping, without yaml-cpp's inserting operator[].
std::optional<YAML::Node> child(const YAML::Node& map, std::string_view key);

// "a list", "a mapping", "nothing", "the text 'abc'": for "found ..." in messages.
std::string describe(const YAML::Node& node);

// Strict scalar parsing: decimal only (yaml-cpp would read 0x18 as hex and 010 as octal).
std::optional<long long> parse_integer(std::string_view text);
std::optional<double> parse_number(std::string_view text);
std::optional<bool> parse_boolean(std::string_view text);
// True when a YAML 1.2 core-schema reader (yaml-language-server, js-yaml, PyYAML's
// successors) would read this plain scalar as a number, boolean or null rather than text.
bool reads_as_non_text(std::string_view plain);

// "25%" or "12.5%" -> 25.0 or 12.5.
std::optional<double> parse_percentage(std::string_view text);

} // namespace alignkit::yaml
