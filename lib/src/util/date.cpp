#include "alignkit/util/date.hpp"

#include <charconv>
#include <fmt/format.h>

namespace alignkit {
namespace {

// Parses exactly `width` ASCII digits.
std::optional<int> fixed_digits(std::string_view text, std::size_t width)
{
    if (text.size() != width) {
        return std::nullopt;
    }
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month)
{
    constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

} // namespace

std::int64_t floor_days(std::int64_t seconds) { return seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0); }

std::optional<Date> parse_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto year = fixed_digits(text.substr(0, 4), 4);
    auto month = fixed_digits(text.substr(5, 2), 2);
    auto day = fixed_digits(text.substr(8, 2), 2);
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) {
        return std::nullopt;
    }
    return Date{*year, *month, *day};
}

std::string to_string(Date date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

long days_since_epoch(Date date)
{
    // Howard Hinnant's days_from_civil.
    const long y = date.month <= 2 ? date.year - 1 : date.year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (date.month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + date.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date date_from_days(long days)
{
    // Howard Hinnant's civil_from_days.
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    auto hours = fixed_digits(text.substr(0, 2), 2);
    auto minutes = fixed_digits(text.substr(3, 2), 2);
    if (!hours || !minutes || *minutes > 59 || *hours > 24 || (*hours == 24 && *minutes != 0)) {
        return std::nullopt;
    }
    return TimeOfDay{*hours * 60 + *minutes};
}

std::string to_string(TimeOfDay time) { return fmt::format("{:02}:{:02}", time.minutes / 60, time.minutes % 60); }

std::optional<TimeRange> parse_time_range(std::string_view text)
{
    auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        return std::nullopt;
    }
    auto start = parse_time_of_day(text.substr(0, dash));
    auto end = parse_time_of_day(text.substr(dash + 1));
    if (!start || !end) {
        return std::nullopt;
    }
    return TimeRange{*start, *end};
}

} // namespace alignkit
