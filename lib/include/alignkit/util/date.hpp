#pragma once
// Calendar dates and times of day as configs write them (ISO 8601).

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkit {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend auto operator<=>(const Date&, const Date&) = default;
};

// `YYYY-MM-DD`, a date that exists (leap years included); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
std::string to_string(Date date);
// Days since 1970-01-01 (negative before), for date arithmetic.
long days_since_epoch(Date date);
// The date that many days after 1970-01-01 (before it when negative).
Date date_from_days(long days);
// Days since the epoch of a time in seconds since the epoch, rounding down before it.
std::int64_t floor_days(std::int64_t seconds);

// Minutes after midnight, 0..1440 (24:00 is allowed as the end of a working day).
struct TimeOfDay {
    int minutes = 0;
    friend auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
};

// `HH:MM` on a 24-hour clock.
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);
std::string to_string(TimeOfDay time);

// Working hours within one day, `HH:MM-HH:MM`. start < end is checked by the caller,
// which can then point at the problem with its own code.
struct TimeRange {
    TimeOfDay start;
    TimeOfDay end;
};
std::optional<TimeRange> parse_time_range(std::string_view text);

} // namespace alignkit
