#include "audit/calendar_period.hpp"

#include "alignkit/util/date.hpp"

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
