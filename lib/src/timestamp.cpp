#include "alignkit/timestamp.hpp"

#include "alignkit/date.hpp"

#include <fmt/format.h>

namespace alignkit {
namespace {

std::optional<int> digits(std::string_view text)
{
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return text.empty() ? std::nullopt : std::optional<int>(value);
}

// The layout nearly every export writes, `YYYY-MM-DDTHH:MM:SS` with `Z` or nothing after,
// on a day every month has (1-28), read in one pass: an audit reads millions. Returns false
// for anything else, which the general reading below decides (the same way for these).
bool read_common_layout(std::string_view t, std::int64_t& seconds)
{
    if ((t.size() != 20 || t[19] != 'Z') && t.size() != 19) {
        return false;
    }
    if (t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':' || t[16] != ':') {
        return false;
    }
    auto digit = [&](std::size_t i) { return static_cast<unsigned>(t[i]) - unsigned{'0'}; };
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U, 11U, 12U, 14U, 15U, 17U, 18U}) {
        if (digit(i) > 9) {
            return false;
        }
    }
    auto number = [&](std::size_t i) { return static_cast<int>(digit(i) * 10 + digit(i + 1)); };
    const int year = number(0) * 100 + number(2), month = number(5), day = number(8);
    const int h = number(11), m = number(14), s = number(17);
    if (month < 1 || month > 12 || day < 1 || day > 28 || h > 23 || m > 59 || s > 60) {
        return false;
    }
    // A lead's timestamps and the rows around it mostly share a month: its first day is kept.
    thread_local int last_month = -1;
    thread_local std::int64_t last_month_start = 0;
    if (const int key = year * 12 + month; key != last_month) {
        last_month_start = days_since_epoch(Date{year, month, 1});
        last_month = key;
    }
    seconds = (last_month_start + day - 1) * 86400 + h * 3600 + m * 60 + s;
    return true;
}

} // namespace

std::optional<WrittenTime> read_timestamp(std::string_view text)
{
    if (std::int64_t seconds = 0; read_common_layout(text, seconds)) {
        return WrittenTime{seconds, text.size() == 19};
    }
    auto date = parse_date(text.substr(0, 10));
    if (!date) {
        return std::nullopt;
    }
    const std::int64_t day = days_since_epoch(*date) * 86400;
    if (text.size() == 10) {
        return WrittenTime{day, true};
    }
    // HH:MM, then :SS and a fraction of a second (dropped: clocks count whole seconds).
    if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
        return std::nullopt;
    }
    auto h = digits(text.substr(11, 2));
    auto m = digits(text.substr(14, 2));
    std::optional<int> s = 0;
    std::size_t at = 16;
    if (at < text.size() && text[at] == ':') {
        s = text.size() >= 19 ? digits(text.substr(17, 2)) : std::nullopt;
        at = 19;
        if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
            const auto fraction_end = text.find_first_not_of("0123456789", at + 1);
            const auto end = fraction_end == std::string_view::npos ? text.size() : fraction_end;
            if (end == at + 1) {
                return std::nullopt;
            }
            at = end;
        }
    }
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) {
        return std::nullopt;
    }
    const std::int64_t seconds = day + *h * 3600 + *m * 60 + *s;
    const auto zone = text.substr(at);
    if (zone.empty()) {
        return WrittenTime{seconds, true};
    }
    if (zone == "Z") {
        return WrittenTime{seconds, false};
    }
    // +HH, +HHMM or +HH:MM.
    if (zone[0] != '+' && zone[0] != '-') {
        return std::nullopt;
    }
    std::optional<int> zh, zm = 0;
    if (zone.size() == 3) {
        zh = digits(zone.substr(1, 2));
    } else if (zone.size() == 5) {
        zh = digits(zone.substr(1, 2));
        zm = digits(zone.substr(3, 2));
    } else if (zone.size() == 6 && zone[3] == ':') {
        zh = digits(zone.substr(1, 2));
        zm = digits(zone.substr(4, 2));
    } else {
        return std::nullopt;
    }
    if (!zh || !zm || *zh > 23 || *zm > 59) {
        return std::nullopt;
    }
    const std::int64_t offset = *zh * 3600 + *zm * 60;
    return WrittenTime{zone[0] == '+' ? seconds - offset : seconds + offset, false};
}

std::optional<std::int64_t> parse_timestamp(std::string_view text)
{
    const auto written = read_timestamp(text);
    return written ? std::optional<std::int64_t>(written->seconds) : std::nullopt;
}

std::string format_timestamp(std::int64_t seconds)
{
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const Date date = date_from_days(static_cast<long>(days));
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", date.year, date.month, date.day, rest / 3600,
                       rest % 3600 / 60, rest % 60);
}

} // namespace alignkit
