#include "alignkit/model/duration.hpp"

#include <array>
#include <charconv>
#include <fmt/format.h>

namespace alignkit {
namespace {

struct Unit {
    char suffix;
    std::int64_t minutes;
};
constexpr std::array k_units{Unit{'w', 7 * 24 * 60}, Unit{'d', 24 * 60}, Unit{'h', 60}, Unit{'m', 1}};

// Ten years of minutes: no SLA clock is longer, and the bound keeps arithmetic far from overflow.
constexpr std::int64_t k_max_minutes = 10LL * 366 * 24 * 60;

} // namespace

std::optional<Duration> parse_duration(std::string_view text)
{
    if (text.empty()) {
        return std::nullopt;
    }
    std::int64_t total = 0, weeks = 0;
    bool in_days = true;
    std::size_t next_unit = 0; // units must come in k_units order
    const char* p = text.data();
    const char* end = p + text.size();
    while (p != end) {
        std::int64_t amount = 0;
        auto [after_digits, ec] = std::from_chars(p, end, amount);
        if (ec != std::errc{} || after_digits == end || amount < 0) {
            return std::nullopt;
        }
        std::size_t unit = next_unit;
        while (unit < k_units.size() && k_units[unit].suffix != *after_digits) {
            ++unit;
        }
        if (unit == k_units.size() || amount > k_max_minutes) {
            return std::nullopt;
        }
        total += amount * k_units[unit].minutes;
        weeks += k_units[unit].suffix == 'w' ? amount : 0;
        in_days = in_days && (k_units[unit].suffix == 'w' || k_units[unit].suffix == 'd');
        if (total > k_max_minutes) {
            return std::nullopt;
        }
        next_unit = unit + 1;
        p = after_digits + 1;
    }
    return Duration{total, in_days, weeks};
}

std::string to_string(Duration duration)
{
    if (duration.minutes == 0) {
        return "0m";
    }
    std::string out;
    std::int64_t rest = duration.minutes;
    for (const auto& unit : k_units) {
        if (rest >= unit.minutes) {
            out += std::to_string(rest / unit.minutes);
            out += unit.suffix;
            rest %= unit.minutes;
        }
    }
    return out;
}

std::string to_words(Duration duration)
{
    constexpr std::int64_t k_hour = 60;
    constexpr std::int64_t k_day = 24 * k_hour;
    constexpr std::int64_t k_week = 7 * k_day;
    const auto m = duration.minutes;
    auto count = [](std::int64_t n, std::string_view unit) {
        return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
    };
    if (m > 0 && m % k_week == 0) {
        return count(m / k_week, "week");
    }
    if (m >= 2 * k_day && m % k_day == 0) {
        return count(m / k_day, "day");
    }
    if (m % k_hour == 0) {
        return count(m / k_hour, "hour");
    }
    return m > k_hour ? count(m / k_hour, "hour") + " " + count(m % k_hour, "minute") : count(m, "minute");
}

} // namespace alignkit
