#include "alignkit/model/duration.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

TEST_CASE("durations parse with units, largest first")
{
    CHECK(parse_duration("90m")->minutes == 90);
    CHECK(parse_duration("1h")->minutes == 60);
    CHECK(parse_duration("1h30m")->minutes == 90);
    CHECK(parse_duration("24h")->minutes == 1440);
    CHECK(parse_duration("3d")->minutes == 3 * 1440);
    CHECK(parse_duration("2w")->minutes == 2 * 7 * 1440);
    CHECK(parse_duration("1w2d3h4m")->minutes == 7 * 1440 + 2 * 1440 + 3 * 60 + 4);
    CHECK(parse_duration("0m")->minutes == 0);
}

TEST_CASE("malformed durations are refused")
{
    for (const char* text : {"", "24", "1.5h", "30m1h", "1h1h", "1 day", "h", "-1h", "+1h", "1H", "1y", "1h ", " 1h",
                             "99999999999999999999m", "600w"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_duration(text).has_value());
    }
}

TEST_CASE("durations print canonically")
{
    CHECK(to_string(Duration{90}) == "1h30m");
    CHECK(to_string(Duration{0}) == "0m");
    CHECK(to_string(Duration{1440 * 8}) == "1w1d");
    CHECK(to_string(*parse_duration("48h")) == "2d");
}

TEST_CASE("durations in words use the largest exact unit")
{
    CHECK(to_words(Duration{24 * 60}) == "24 hours");
    CHECK(to_words(Duration{10 * 24 * 60}) == "10 days");
    CHECK(to_words(Duration{14 * 24 * 60}) == "2 weeks");
    CHECK(to_words(Duration{90}) == "1 hour 30 minutes");
    CHECK(to_words(Duration{1}) == "1 minute");
    CHECK(to_words(Duration{60}) == "1 hour");
}
