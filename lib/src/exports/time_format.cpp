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

std::optional<WrittenTime> TimeFormat::read(std::string_view text) const
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::optional<int> half; // 0 AM, 12 PM
    bool twelve_hour = false;
    std::optional<std::int64_t> offset;
    auto skip_spaces = [&] {
        while (!text.empty() && text.front() == ' ') {
            text.remove_prefix(1);
        }
    };
    for (const auto& step : m_steps) {
        if (step.conversion == 0) {
            for (const char c : step.text) {
                if (c == ' ') {
                    skip_spaces();
                } else if (!text.empty() && text.front() == c) {
                    text.remove_prefix(1);
                } else {
                    return std::nullopt;
                }
            }
            continue;
        }
        std::optional<int> value = 0;
        switch (step.conversion) {
        case 'Y':
            if (text.size() < 4 || !(value = number(text, 4))) {
                return std::nullopt;
            }
            year = *value;
            break;
        case 'y':
            if (!(value = number(text, 2))) {
                return std::nullopt;
            }
            year = *value < 69 ? 2000 + *value : 1900 + *value;
            break;
        case 'm':
            if (!(value = number(text, 2))) {
                return std::nullopt;
            }
            month = *value;
            break;
        case 'b':
        case 'h':
        case 'B': {
            month = 0;
            for (std::size_t m = 0; m < k_months.size() && month == 0; ++m) {
                // The whole name first, so "March" is not read as "Mar" followed by "ch".
                for (const auto name : {k_months[m], k_months[m].substr(0, 3)}) {
                    if (starts_with_folded(text, name)) {
                        text.remove_prefix(name.size());
                        month = static_cast<int>(m) + 1;
                        break;
                    }
                }
            }
            if (month == 0) {
                return std::nullopt;
            }
            break;
        }
        case 'd':
        case 'e':
            skip_spaces();
            if (!(value = number(text, 2))) {
                return std::nullopt;
            }
            day = *value;
            break;
        case 'H':
        case 'I':
            if (!(value = number(text, 2))) {
                return std::nullopt;
            }
            hour = *value;
            twelve_hour = step.conversion == 'I';
            break;
        case 'M':
            if (!(value = number(text, 2))) {
                return std::nullopt;
            }
            minute = *value;
            break;
        case 'S':
            if (!(value = number(text, 2))) {
                return std::nullopt;
            }
            second = *value;
            if (!text.empty() && (text.front() == '.' || text.front() == ',')) {
                text.remove_prefix(1);
                if (!number(text, 9)) {
                    return std::nullopt;
                }
                while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
                    text.remove_prefix(1);
                }
            }
            break;
        case 'p':
            if (starts_with_folded(text, "am") || starts_with_folded(text, "pm")) {
                half = lower_ascii(text.front()) == 'a' ? 0 : 12;
                text.remove_prefix(2);
            } else if (starts_with_folded(text, "a.m.") || starts_with_folded(text, "p.m.")) {
                half = lower_ascii(text.front()) == 'a' ? 0 : 12;
                text.remove_prefix(4);
            } else {
                return std::nullopt;
            }
            break;
        case 'z': {
            // The zone reading of ISO timestamps, on a date that surely exists.
            const auto end = text.find(' ');
            const auto zone = text.substr(0, end);
            const auto written = read_timestamp(fmt::format("2000-01-01T00:00:00{}", zone));
            if (!written || written->naive) {
                return std::nullopt;
            }
            offset = 946684800 - written->seconds;
            text.remove_prefix(zone.size());
            break;
        }
        default:
            return std::nullopt;
        }
    }
    if (!text.empty()) {
        return std::nullopt;
    }
    if (twelve_hour) {
        if (hour < 1 || hour > 12 || !half) {
            return std::nullopt;
        }
        hour = hour % 12 + *half;
    }
    if (hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    const Date date{year, month, day};
    if (!parse_date(to_string(date))) {
        return std::nullopt; // a day the month does not have
    }
    const std::int64_t local = days_since_epoch(date) * 86400 + hour * 3600 + minute * 60 + second;
    return offset ? WrittenTime{local - *offset, false} : WrittenTime{local, true};
}

} // namespace alignkit
