#include "alignkit/util/timestamp.hpp"

#include "alignkit/util/date.hpp"

#include <array>
#include <cstring>
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
// read in one pass: an audit reads millions. Returns false
// for anything else, which the general reading below decides (the same way for these).
bool read_common_layout(std::string_view t, std::int64_t& seconds)
{
    if ((t.size() != 20 || t[19] != 'Z') && t.size() != 19) {
        return false;
    }
    // Eight bytes at a time (SWAR), little-endian: "YYYY-MM-", "DDTHH:MM" and "HH:MM:SS" (the
    // last overlapping the second).
    std::uint64_t a = 0, b = 0, c = 0;
    std::memcpy(&a, t.data(), 8);
    std::memcpy(&b, t.data() + 8, 8);
    std::memcpy(&c, t.data() + 11, 8);
    constexpr std::uint64_t a_digits = 0x00FF'FF00'FFFF'FFFF; // bytes 0-3, 5, 6
    constexpr std::uint64_t b_digits = 0xFFFF'00FF'FF00'FFFF; // bytes 0, 1, 3, 4, 6, 7
    constexpr std::uint64_t c_digits = 0xFFFF'0000'0000'0000; // bytes 6, 7
    constexpr std::uint64_t ones = 0x0101'0101'0101'0101;
    auto all_digits = [&](std::uint64_t w, std::uint64_t mask) {
        // High nibble 3, low nibble 0-9, in every byte of the mask; no carries between bytes.
        const bool high = ((w & mask & (0xF0 * ones)) ^ (0x30 * ones & mask)) == 0;
        const bool low = (((w & mask & (0x0F * ones)) + (0x06 * ones & mask)) & (0xF0 * ones)) == 0;
        return high && low;
    };
    const std::uint64_t t_or_space = (b >> 16) & 0xFF;
    const bool separators = (a & ~a_digits) == 0x2D00'002D'0000'0000 &&                    // '-' at 4, 7
                            (t_or_space == 'T' || t_or_space == ' ') &&                    // at 10
                            (b & ~b_digits & ~(0xFFULL << 16)) == 0x0000'3A00'0000'0000 && // ':' at 13
                            (c & ~c_digits & (0xFFULL << 40)) == 0x0000'3A00'0000'0000;    // ':' at 16
    if (!separators || !all_digits(a, a_digits) || !all_digits(b, b_digits) || !all_digits(c, c_digits)) {
        return false;
    }
    // Each byte's digit, then each byte times ten plus the next: the two-digit numbers.
    auto pairs = [&](std::uint64_t w, std::uint64_t mask) {
        const std::uint64_t d = w & mask & (0x0F * ones);
        return d * 10 + (d >> 8);
    };
    const std::uint64_t pa = pairs(a, a_digits), pb = pairs(b, b_digits), pc = pairs(c, c_digits);
    auto byte = [](std::uint64_t w, int i) { return static_cast<int>((w >> (8 * i)) & 0xFF); };
    const int year = byte(pa, 0) * 100 + byte(pa, 2), month = byte(pa, 5), day = byte(pb, 0);
    const int h = byte(pb, 3), m = byte(pb, 6), s = byte(pc, 6);
    if (month < 1 || month > 12 || day < 1 || h > 23 || m > 59 || s > 60 || year < k_first_year || year > k_last_year) {
        return false;
    }
    if (day > 28) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        constexpr std::array<int, 12> k_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (day > k_days[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0)) {
            return false;
        }
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
    if (!date || date->year < k_first_year || date->year > k_last_year) {
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
