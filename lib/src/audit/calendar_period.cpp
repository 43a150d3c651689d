#include "audit/calendar_period.hpp"

#include "alignkit/util/date.hpp"

#include <chrono>
#include <fmt/format.h>

namespace alignkit {

namespace {

// Month m (1-based, may be 13) of year y, in local seconds.
std::int64_t first_of(std::int64_t y, std::int64_t m)
{
    return days_since_epoch(Date{static_cast<int>(m > 12 ? y + 1 : y), static_cast<int>(m > 12 ? m - 12 : m), 1}) *
           86400;
}

// ISO weeks start on Monday.
std::int64_t monday_of(std::int64_t days)
{
    namespace chrono = std::chrono;
    const chrono::sys_days day{chrono::days{days}};
    return days - static_cast<std::int64_t>(chrono::weekday{day}.iso_encoding() - 1);
}

} // namespace

std::int64_t period_index(std::int64_t local, Period per)
{
    const auto days = floor_days(local);
    if (per == Period::week) {
        return monday_of(days) / 7;
    }
    const Date c = date_from_days(static_cast<long>(days));
    switch (per) {
    case Period::month:
        return std::int64_t{c.year} * 12 + c.month - 1;
    case Period::quarter:
        return std::int64_t{c.year} * 4 + (c.month - 1) / 3;
    case Period::year:
    case Period::week:
        break;
    }
    return c.year;
}

PeriodBounds period_bounds(std::int64_t local, Period per)
{
    const auto days = floor_days(local);
    if (per == Period::week) {
        const auto monday = monday_of(days);
        return {monday / 7, monday * 86400, (monday + 7) * 86400};
    }
    const Date c = date_from_days(static_cast<long>(days));
    switch (per) {
    case Period::month:
        return {std::int64_t{c.year} * 12 + c.month - 1, first_of(c.year, c.month), first_of(c.year, c.month + 1)};
    case Period::quarter: {
        const auto q = (c.month - 1) / 3;
        return {std::int64_t{c.year} * 4 + q, first_of(c.year, q * 3 + 1), first_of(c.year, q * 3 + 4)};
    }
    case Period::year:
    case Period::week:
        break;
    }
    return {c.year, first_of(c.year, 1), first_of(c.year + 1, 1)};
}

PeriodSpan period_of(std::int64_t local, Period per)
{
    const auto bounds = period_bounds(local, per);
    const Date c = date_from_days(static_cast<long>(floor_days(bounds.begin)));
    switch (per) {
    case Period::week: {
        // The week belongs to the year of its Thursday.
        const auto monday = floor_days(bounds.begin);
        const Date thursday = date_from_days(static_cast<long>(monday + 3));
        const auto week = (monday + 3 - first_of(thursday.year, 1) / 86400) / 7 + 1;
        return {fmt::format("{:04}-W{:02}", thursday.year, week), bounds.begin, bounds.end};
    }
    case Period::month:
        return {fmt::format("{:04}-{:02}", c.year, c.month), bounds.begin, bounds.end};
    case Period::quarter:
        return {fmt::format("{:04}-Q{}", c.year, (c.month - 1) / 3 + 1), bounds.begin, bounds.end};
    case Period::year:
        break;
    }
    return {fmt::format("{:04}", c.year), bounds.begin, bounds.end};
}

} // namespace alignkit
