#pragma once
// Timestamps as CRM exports write them, to Unix seconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkit {

// The years an export's times may fall in: 1900 to 2199, three centuries around any CRM's
// records. A time outside them (a 0000-01-01 or 9999-12-31 placeholder) is unreadable, so
// no report spans thousands of years of empty months.
inline constexpr int k_first_year = 1900;
inline constexpr int k_last_year = 2199;

// A timestamp as an export wrote it. Without a zone (`naive`), `seconds` is its wall-clock
// reading taken as UTC; the reader decides the zone (see TimeReader).
struct WrittenTime {
    std::int64_t seconds = 0;
    bool naive = false;
};

// ISO 8601 as exports write it: `YYYY-MM-DDTHH:MM:SS` or a space for `T`; seconds optional,
// a fraction of a second allowed (and dropped); then `Z`, `+HH:MM`, `+HHMM`, `+HH`, or no
// zone; or a date alone (midnight). nullopt for anything else, a date that does not exist, or
// a year outside k_first_year..k_last_year.
std::optional<WrittenTime> read_timestamp(std::string_view text);

// The same, with times without a zone read as UTC: for Unix seconds where no zone applies.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// `YYYY-MM-DDTHH:MM:SSZ`.
std::string format_timestamp(std::int64_t seconds);

} // namespace alignkit
