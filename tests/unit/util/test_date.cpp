#include "alignkit/util/date.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

TEST_CASE("dates must exist")
{
    CHECK(parse_date("2027-01-31") == Date{2027, 1, 31});
    CHECK(parse_date("2028-02-29").has_value());
    CHECK(parse_date("2000-02-29").has_value());
    for (const char* text : {"2027-02-29", "1900-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-1-1",
                             "27-01-01", "2027/01/01", "2027-01-01T00:00", ""}) {
        CAPTURE(text);
        CHECK_FALSE(parse_date(text).has_value());
    }
    CHECK(to_string(Date{2027, 3, 5}) == "2027-03-05");
}

TEST_CASE("days since the epoch")
{
    CHECK(days_since_epoch({1970, 1, 1}) == 0);
    CHECK(days_since_epoch({2027, 1, 1}) - days_since_epoch({2026, 1, 1}) == 365);
    CHECK(days_since_epoch({1969, 12, 31}) == -1);
}

TEST_CASE("times of day and working hours")
{
    CHECK(parse_time_of_day("08:30")->minutes == 510);
    CHECK(parse_time_of_day("24:00")->minutes == 1440);
    CHECK_FALSE(parse_time_of_day("24:01"));
    CHECK_FALSE(parse_time_of_day("8:30"));
    CHECK_FALSE(parse_time_of_day("08:60"));
    auto range = parse_time_range("09:00-17:30");
    REQUIRE(range);
    CHECK(range->start.minutes == 540);
    CHECK(range->end.minutes == 1050);
    CHECK_FALSE(parse_time_range("09:00"));
    CHECK_FALSE(parse_time_range("9-5"));
}
