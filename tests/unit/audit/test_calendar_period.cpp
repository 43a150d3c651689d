#include "audit/calendar_period.hpp"

#include "alignkit/util/date.hpp"
#include "alignkit/util/timestamp.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

namespace {
std::int64_t at(int y, int m, int d) { return days_since_epoch(Date{y, m, d}) * 86400 + 12 * 3600; }
} // namespace

TEST_CASE("ISO weeks belong to the year of their Thursday")
{
    CHECK(period_of(at(2026, 12, 31), Period::week).name == "2026-W53"); // a Thursday
    CHECK(period_of(at(2027, 1, 1), Period::week).name == "2026-W53");   // the Friday after
    CHECK(period_of(at(2024, 12, 30), Period::week).name == "2025-W01"); // a Monday, year's end
    CHECK(period_of(at(1969, 12, 29), Period::week).name == "1970-W01"); // before the epoch
    const auto week = period_of(at(2027, 1, 6), Period::week);
    CHECK(week.name == "2027-W01");
    CHECK(week.begin == days_since_epoch(Date{2027, 1, 4}) * 86400);
    CHECK(week.end == days_since_epoch(Date{2027, 1, 11}) * 86400);
}

TEST_CASE("months, quarters and years start on their first day")
{
    const auto month = period_of(at(2024, 2, 29), Period::month);
    CHECK(month.name == "2024-02");
    CHECK(month.end - month.begin == 29 * 86400);
    CHECK(period_of(at(2026, 12, 31), Period::quarter).name == "2026-Q4");
    CHECK(period_of(at(1969, 12, 31), Period::year).name == "1969");
    CHECK(floor_days(-1) == -1);
    CHECK(floor_days(86399) == 0);
}

TEST_CASE("A period's number from the table of months agrees with the civil date on every day")
{
    // The table spans a year either side of the years times are read in; beyond it the number
    // is computed from the civil date, so both sides of each edge are checked too.
    for (long days = days_since_epoch(Date{k_first_year - 2, 12, 1});
         days <= days_since_epoch(Date{k_last_year + 2, 1, 31}); ++days) {
        const Date c = date_from_days(days);
        const std::int64_t month = std::int64_t{c.year} * 12 + c.month - 1;
        const std::int64_t local = days * 86400 + 86399;
        REQUIRE(period_index(local, Period::month) == month);
        REQUIRE(period_index(local, Period::quarter) == std::int64_t{c.year} * 4 + (c.month - 1) / 3);
        REQUIRE(period_index(local, Period::year) == c.year);
        REQUIRE(period_index(local, Period::month) == period_bounds(local, Period::month).index);
    }
}
