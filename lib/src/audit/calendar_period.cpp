#include "audit/calendar_period.hpp"

#include "alignkit/util/date.hpp"
#include "alignkit/util/timestamp.hpp"

#include <chrono>
#include <fmt/format.h>
#include <vector>

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

// The month of every day an export's times can fall on (a year either side of the years they
// are read in, for a zone's shift), as year x 12 + month - 1: a row asks for its months more
// than once, and a civil date costs more to compute than the rest of a row's periods.
class MonthOfDay {
  public:
    MonthOfDay() : m_first(days_since_epoch(Date{k_first_year - 1, 1, 1}))
    {
        for (int year = k_first_year - 1; year <= k_last_year + 1; ++year) {
            for (int month = 1; month <= 12; ++month) {
                const long begin = days_since_epoch(Date{year, month, 1});
                const long end =
                    month == 12 ? days_since_epoch(Date{year + 1, 1, 1}) : days_since_epoch(Date{year, month + 1, 1});
                m_month.insert(m_month.end(), static_cast<std::size_t>(end - begin), year * 12 + month - 1);
            }
        }
    }
    // nullopt for a day outside the table.
    [[nodiscard]] std::optional<std::int64_t> month(std::int64_t days) const
    {
        const auto at = days - m_first;
        if (at < 0 || static_cast<std::size_t>(at) >= m_month.size()) {
            return std::nullopt;
        }
        return m_month[static_cast<std::size_t>(at)];
    }

  private:
    std::int64_t m_first;
    std::vector<std::int32_t> m_month;
};

const MonthOfDay& month_of_day()
{
    static const MonthOfDay table;
    return table;
}

} // namespace

std::int64_t period_index(std::int64_t local, Period per)
{
    const auto days = floor_days(local);
    if (per == Period::week) {
        return monday_of(days) / 7;
    }
    const auto month = month_of_day().month(days);
    const Date c = month ? Date{} : date_from_days(static_cast<long>(days));
    const std::int64_t number = month ? *month : std::int64_t{c.year} * 12 + c.month - 1;
    switch (per) {
    case Period::month:
        return number;
    case Period::quarter:
        return number / 12 * 4 + number % 12 / 3;
    case Period::year:
    case Period::week:
        break;
    }
    return number / 12;
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
