#include "alignkit/audit/working_clock.hpp"

#include "alignkit/util/date.hpp"
#include "audit/calendar_period.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace alignkit {
namespace {

// Clocks never run for longer than this many days; past it a deadline is "never" (the limit
// of a duration is ten years, and a calendar has a working day every week).
constexpr std::int64_t k_max_days = 20 * 366;

} // namespace

std::optional<WorkingClock> WorkingClock::make(const Calendar& calendar, std::string& error)
{
    auto zone = TimeZone::locate(calendar.time_zone.value, error);
    if (!zone) {
        return std::nullopt;
    }
    WorkingClock clock(std::move(*zone));
    for (const auto day : calendar.days) {
        clock.m_days[static_cast<std::size_t>(day)] = true;
    }
    clock.m_open = calendar.hours.value.start.minutes * 60;
    clock.m_close = calendar.hours.value.end.minutes * 60;
    for (const auto& holiday : calendar.holidays) {
        clock.m_holidays.insert(days_since_epoch(holiday.value));
    }
    if (clock.m_close <= clock.m_open ||
        std::none_of(clock.m_days.begin(), clock.m_days.end(), [](bool d) { return d; })) {
        error = "the SLA's calendar has no working time";
        return std::nullopt;
    }
    return clock;
}

namespace {

// A duration written in days and weeks, as working days of a week of `week_days`.
std::int64_t working_days(const Duration& duration, std::int64_t week_days)
{
    return duration.minutes / 1440 - 7 * duration.weeks + week_days * duration.weeks;
}

} // namespace

std::int64_t WorkingClock::working_seconds(const Duration& duration) const
{
    if (!duration.in_days) {
        return duration.minutes * 60;
    }
    return working_days(duration, std::count(m_days.begin(), m_days.end(), true)) * (m_close - m_open);
}

std::string WorkingClock::words(const Duration& duration) const
{
    if (!duration.in_days) {
        return to_words(duration) + " of working time";
    }
    const auto days = working_days(duration, std::count(m_days.begin(), m_days.end(), true));
    return fmt::format("{} working day{}", days, days == 1 ? "" : "s");
}

std::int64_t WorkingClock::local_day(std::int64_t utc) { return floor_days(m_zone.to_local(utc)); }

WorkingClock::Hours WorkingClock::hours(std::int64_t day)
{
    if (auto it = m_hours.find(day); it != m_hours.end()) {
        return it->second;
    }
    // 1970-01-01 was a Thursday, day 3 of a week that starts on Monday.
    const auto weekday = static_cast<std::size_t>(((day + 3) % 7 + 7) % 7);
    Hours h;
    if (m_days[weekday] && !m_holidays.contains(day)) {
        h.open = m_zone.to_utc(day * 86400 + m_open);
        h.close = m_zone.to_utc(day * 86400 + m_close);
    }
    m_hours.emplace(day, h);
    return h;
}

std::int64_t WorkingClock::elapsed(std::int64_t from, std::int64_t to)
{
    if (to < from) {
        return -elapsed(to, from);
    }
    const auto last = std::min(local_day(to), local_day(from) + k_max_days);
    std::int64_t total = 0;
    for (auto day = local_day(from); day <= last; ++day) {
        const auto h = hours(day);
        total += std::max<std::int64_t>(0, std::min(to, h.close) - std::max(from, h.open));
    }
    return total;
}

std::int64_t WorkingClock::deadline(std::int64_t start, std::int64_t working)
{
    const auto first = local_day(start);
    for (auto day = first; day <= first + k_max_days; ++day) {
        const auto h = hours(day);
        const auto from = std::max(start, h.open);
        if (from >= h.close) {
            continue; // a day without work, or the work of this day is over
        }
        if (working <= h.close - from) {
            return from + working;
        }
        working -= h.close - from;
    }
    return std::numeric_limits<std::int64_t>::max();
}

} // namespace alignkit
