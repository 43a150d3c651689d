#include "alignkit/util/date.hpp"

#include <charconv>
#include <chrono>
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

namespace chrono = std::chrono;

chrono::year_month_day civil(Date date)
{
    return {chrono::year{date.year}, chrono::month{static_cast<unsigned>(date.month)},
            chrono::day{static_cast<unsigned>(date.day)}};
}

} // namespace

std::int64_t floor_days(std::int64_t seconds) { return chrono::floor<chrono::days>(chrono::seconds{seconds}).count(); }

std::optional<Date> parse_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto year = fixed_digits(text.substr(0, 4), 4);
    auto month = fixed_digits(text.substr(5, 2), 2);
    auto day = fixed_digits(text.substr(8, 2), 2);
    if (!year || !month || !day) {
        return std::nullopt;
    }
    const Date date{*year, *month, *day};
    if (!civil(date).ok()) { // a month from 1 to 12 and a day it has, leap years included
        return std::nullopt;
    }
    return date;
}

std::string to_string(Date date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

long days_since_epoch(Date date) { return static_cast<long>(chrono::sys_days{civil(date)}.time_since_epoch().count()); }

Date date_from_days(long days)
{
    // Howard Hinnant's civil_from_days, as <chrono> defines year_month_day, in plain integer
    // arithmetic: the audit converts a date for nearly every row.
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;                                      // [0, 146096]
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
    const long mp = (5 * doy + 2) / 153;                                    // [0, 11]
    const long day = doy - (153 * mp + 2) / 5 + 1;                          // [1, 31]
    const long month = mp < 10 ? mp + 3 : mp - 9;                           // [1, 12]
    const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
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
