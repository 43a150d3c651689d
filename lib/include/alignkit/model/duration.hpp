#pragma once
// Durations as configs write them: `90m`, `4h`, `1h30m`, `3d`, `2w`.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkit {

struct Duration {
    std::int64_t minutes = 0;
    // How it was written, for clocks that count working time: `3d` and `2w` are working days
    // and weeks there, `24h` is 24 working hours. Lengths compare by minutes alone.
    bool in_days = false; // weeks and days only
    std::int64_t weeks = 0;
    friend bool operator==(const Duration& a, const Duration& b) { return a.minutes == b.minutes; }
    friend auto operator<=>(const Duration& a, const Duration& b) { return a.minutes <=> b.minutes; }
};

// Whole numbers with units w, d, h, m, largest unit first, each unit at most once
// (`1w2d`, `1h30m`). Returns nullopt for anything else: `24`, `1.5h`, `30m1h`, `1 day`, "".
std::optional<Duration> parse_duration(std::string_view text);

// The canonical spelling: largest units first, zero units omitted, "0m" for zero.
std::string to_string(Duration duration);

// As people read it, in the largest unit that is exact: "24 hours" (not "1 day"),
// "10 days", "2 weeks", "1 hour 30 minutes".
std::string to_words(Duration duration);

} // namespace alignkit
