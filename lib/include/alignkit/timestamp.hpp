#pragma once
// Timestamps as CRM exports write them, to Unix seconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkit {

// `YYYY-MM-DDTHH:MM:SSZ`, with `+HH:MM`/`-HH:MM` instead of `Z`, a space instead of `T`,
// without a zone (read as UTC), or a date alone (midnight UTC). Whole seconds; nullopt for
// anything else or a date that does not exist.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// `YYYY-MM-DDTHH:MM:SSZ`.
std::string format_timestamp(std::int64_t seconds);

} // namespace alignkit
