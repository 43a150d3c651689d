#include "audit/calendar_period.hpp"

#include "alignkit/util/date.hpp"

#include <chrono>
#include <fmt/format.h>

namespace alignkit {

PeriodSpan period_of(std::int64_t local, Period per)
{
    const auto days = floor_days(local);
    const Date c = date_from_days(static_cast<long>(days));
    auto first_of = [](std::int64_t y, std::int64_t m) {
        // Month m (1-based, may be 13) of year y, in local seconds.
        return days_since_epoch(Date{static_cast<int>(m > 12 ? y + 1 : y), static_cast<int>(m > 12 ? m - 12 : m), 1}) *
               86400;
    };
    switch (per) {
    case Period::week: {
        // ISO weeks start on Monday; the week belongs to the year of its Thursday.
        namespace chrono = std::chrono;
        const chrono::sys_days day{chrono::days{days}};
        const auto monday = days - static_cast<std::int64_t>(chrono::weekday{day}.iso_encoding() - 1);
        const Date thursday = date_from_days(static_cast<long>(monday + 3));
        const auto week = (monday + 3 - first_of(thursday.year, 1) / 86400) / 7 + 1;
        return {fmt::format("{:04}-W{:02}", thursday.year, week), monday * 86400, (monday + 7) * 86400};
    }
    case Period::month:
        return {fmt::format("{:04}-{:02}", c.year, c.month), first_of(c.year, c.month), first_of(c.year, c.month + 1)};
    case Period::quarter: {
        const auto q = (c.month - 1) / 3;
        return {fmt::format("{:04}-Q{}", c.year, q + 1), first_of(c.year, q * 3 + 1), first_of(c.year, q * 3 + 4)};
    }
    case Period::year:
        return {fmt::format("{:04}", c.year), first_of(c.year, 1), first_of(c.year + 1, 1)};
    }
    return {};
}

} // namespace alignkit
