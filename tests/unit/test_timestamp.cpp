#include "alignkit/timestamp.hpp"

#include <doctest/doctest.h>

using namespace alignkit;

TEST_CASE("timestamps to Unix seconds")
{
    CHECK(parse_timestamp("2026-07-01T00:00:00Z") == 1782864000);
    CHECK(parse_timestamp("2026-07-01 00:00:00") == 1782864000);
    CHECK(parse_timestamp("2026-07-01") == 1782864000);
    CHECK(parse_timestamp("2026-07-01T02:00:00+02:00") == 1782864000);
    CHECK(parse_timestamp("2026-06-30T19:30:00-04:30") == 1782864000);
    CHECK(parse_timestamp("1969-12-31T23:59:59Z") == -1);
    for (const char* bad : {"", "2026-02-30T00:00:00Z", "2026-07-01T24:00:00Z", "2026-07-01T00:00Z", "07/01/2026",
                            "2026-07-01T00:00:00+2", "2026-07-01X00:00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_timestamp(bad));
    }
    CHECK(format_timestamp(1782864000) == "2026-07-01T00:00:00Z");
    CHECK(format_timestamp(-1) == "1969-12-31T23:59:59Z");
}
