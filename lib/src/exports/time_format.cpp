#include "alignkit/exports/time_format.hpp"

#include "alignkit/util/date.hpp"
#include "alignkit/util/text.hpp"

#include <array>
#include <fmt/format.h>

namespace alignkit {
namespace {

constexpr std::array<std::string_view, 12> k_months{"january",   "february", "march",    "april",
                                                    "may",       "june",     "july",     "august",
                                                    "september", "october",  "november", "december"};

bool starts_with_folded(std::string_view text, std::string_view word)
{
    if (text.size() < word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower_ascii(text[i]) != word[i]) {
            return false;
        }
    }
    return true;
}

// Up to `most` digits at the front of `text`, consumed; nullopt when there is none.
std::optional<int> number(std::string_view& text, std::size_t most)
{
    std::size_t n = 0;
    int value = 0;
    while (n < most && n < text.size() && text[n] >= '0' && text[n] <= '9') {
        value = value * 10 + (text[n] - '0');
        ++n;
    }
    if (n == 0) {
        return std::nullopt;
    }
    text.remove_prefix(n);
    return value;
}

// Shorthands, spelled out once so reading has fewer cases.
std::string_view expansion(char conversion)
{
    switch (conversion) {
    case 'F':
        return "%Y-%m-%d";
    case 'T':
        return "%H:%M:%S";
    case 'R':
        return "%H:%M";
    case 'D':
        return "%m/%d/%y";
    default:
        return {};
    }
}

} // namespace

std::optional<TimeFormat> TimeFormat::compile(std::string_view layout, std::string& error)
{
    TimeFormat format;
    bool year = false, month = false, day = false;
    auto literal = [&](char c) {
        if (format.m_steps.empty() || format.m_steps.back().conversion != 0) {
            format.m_steps.push_back({});
        }
        format.m_steps.back().text += c;
    };
    std::string expanded;
    for (std::size_t i = 0; i < layout.size(); ++i) {
        if (layout[i] == '%' && i + 1 < layout.size() && !expansion(layout[i + 1]).empty()) {
            expanded += expansion(layout[++i]);
        } else {
            expanded += layout[i];
        }
    }
    for (std::size_t i = 0; i < expanded.size(); ++i) {
        const char c = expanded[i];
        if (c != '%') {
            literal(c);
            continue;
        }
        if (i + 1 == expanded.size()) {
            error = "the layout ends in a lone '%'";
            return std::nullopt;
        }
        const char conversion = expanded[++i];
        switch (conversion) {
        case '%':
            literal('%');
            continue;
        case 'Y':
        case 'y':
            year = true;
            break;
        case 'm':
        case 'b':
        case 'h':
        case 'B':
            month = true;
            break;
        case 'd':
        case 'e':
            day = true;
            break;
        case 'H':
        case 'I':
        case 'M':
        case 'S':
        case 'p':
        case 'z':
            break;
        default:
            error = fmt::format("'%{}' is not a conversion alignkit reads; see --help for the list", conversion);
            return std::nullopt;
        }
        format.m_steps.push_back({conversion, {}});
    }
    if (!year || !month || !day) {
        error = "the layout needs a year (%Y or %y), a month (%m or %b) and a day (%d)";
        return std::nullopt;
    }
    return format;
}

namespace {

// What a layout's conversions have read so far.
struct ReadFields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::optional<int> half; // 0 AM, 12 PM
    bool twelve_hour = false;
    std::optional<std::int64_t> offset; // seconds east of UTC
};

void skip_spaces(std::string_view& text)
{
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
}

// Literal text of the layout: a space matches any run of spaces, other characters themselves.
bool read_literal(std::string_view literal, std::string_view& text)
{
    for (const char c : literal) {
        if (c == ' ') {
            skip_spaces(text);
        } else if (!text.empty() && text.front() == c) {
            text.remove_prefix(1);
        } else {
            return false;
        }
    }
    return true;
}

// A month's name or its first three letters, in any case.
bool read_month_name(std::string_view& text, int& month)
{
    for (std::size_t m = 0; m < k_months.size(); ++m) {
        // The whole name first, so "March" is not read as "Mar" followed by "ch".
        for (const auto name : {k_months[m], k_months[m].substr(0, 3)}) {
            if (starts_with_folded(text, name)) {
                text.remove_prefix(name.size());
                month = static_cast<int>(m) + 1;
                return true;
            }
        }
    }
    return false;
}

// Seconds, with a fraction after '.' or ',' that is read and dropped.
bool read_seconds(std::string_view& text, int& second)
{
    const auto value = number(text, 2);
    if (!value) {
        return false;
    }
    second = *value;
    if (!text.empty() && (text.front() == '.' || text.front() == ',')) {
        text.remove_prefix(1);
        if (!number(text, 9)) {
            return false;
        }
        while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
            text.remove_prefix(1);
        }
    }
    return true;
}

bool read_half(std::string_view& text, std::optional<int>& half)
{
    for (const std::string_view marker : {"am", "pm", "a.m.", "p.m."}) {
        if (starts_with_folded(text, marker)) {
            half = lower_ascii(text.front()) == 'a' ? 0 : 12;
            text.remove_prefix(marker.size());
            return true;
        }
    }
    return false;
}

// The zone reading of ISO timestamps (Z, +02:00, +0200, +02), on a date that surely exists.
bool read_zone(std::string_view& text, std::optional<std::int64_t>& offset)
{
    const auto zone = text.substr(0, text.find(' '));
    const auto written = read_timestamp(fmt::format("2000-01-01T00:00:00{}", zone));
    if (!written || written->naive) {
        return false;
    }
    offset = 946684800 - written->seconds;
    text.remove_prefix(zone.size());
    return true;
}

// Reads a number of at most `width` digits into `field`.
bool read_number(std::string_view& text, std::size_t width, int& field)
{
    const auto value = number(text, width);
    if (value) {
        field = *value;
    }
    return value.has_value();
}

bool read_conversion(char conversion, std::string_view& text, ReadFields& f)
{
    switch (conversion) {
    case 'Y':
        return text.size() >= 4 && read_number(text, 4, f.year);
    case 'y':
        if (!read_number(text, 2, f.year)) {
            return false;
        }
        f.year = f.year < 69 ? 2000 + f.year : 1900 + f.year;
        return true;
    case 'm':
        return read_number(text, 2, f.month);
    case 'b':
    case 'h':
    case 'B':
        return read_month_name(text, f.month);
    case 'd':
    case 'e':
        skip_spaces(text);
        return read_number(text, 2, f.day);
    case 'H':
    case 'I':
        f.twelve_hour = conversion == 'I';
        return read_number(text, 2, f.hour);
    case 'M':
        return read_number(text, 2, f.minute);
    case 'S':
        return read_seconds(text, f.second);
    case 'p':
        return read_half(text, f.half);
    case 'z':
        return read_zone(text, f.offset);
    default:
        return false;
    }
}

} // namespace

std::optional<WrittenTime> TimeFormat::read(std::string_view text) const
{
    ReadFields f;
    for (const auto& step : m_steps) {
        const bool read =
            step.conversion == 0 ? read_literal(step.text, text) : read_conversion(step.conversion, text, f);
        if (!read) {
            return std::nullopt;
        }
    }
    if (!text.empty()) {
        return std::nullopt;
    }
    if (f.twelve_hour) {
        if (f.hour < 1 || f.hour > 12 || !f.half) {
            return std::nullopt;
        }
        f.hour = f.hour % 12 + *f.half;
    }
    if (f.hour > 23 || f.minute > 59 || f.second > 60) {
        return std::nullopt;
    }
    const Date date{f.year, f.month, f.day};
    if (f.year < k_first_year || f.year > k_last_year || !parse_date(to_string(date))) {
        return std::nullopt; // a day the month does not have
    }
    const std::int64_t local = days_since_epoch(date) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
    return f.offset ? WrittenTime{local - *f.offset, false} : WrittenTime{local, true};
}

} // namespace alignkit
