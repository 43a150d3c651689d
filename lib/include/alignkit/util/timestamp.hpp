#pragma once
// Timestamps as CRM exports write them, to Unix seconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkit {

// A timestamp as an export wrote it. Without a zone (`naive`), `seconds` is its wall-clock
// reading taken as UTC; the reader decides the zone (see TimeReader).
struct WrittenTime {
    std::int64_t seconds = 0;
    bool naive = false;
};

// ISO 8601 as exports write it: `YYYY-MM-DDTHH:MM:SS` or a space for `T`; seconds optional,
// a fraction of a second allowed (and dropped); then `Z`, `+HH:MM`, `+HHMM`, `+HH`, or no
// zone; or a date alone (midnight). nullopt for anything else or a date that does not exist.
std::optional<WrittenTime> read_timestamp(std::string_view text);

// The same, with times without a zone read as UTC: for Unix seconds where no zone applies.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// `YYYY-MM-DDTHH:MM:SSZ`.
std::string format_timestamp(std::int64_t seconds);

} // namespace alignkit
