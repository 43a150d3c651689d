#include "alignkit/util/date.hpp"
#include "alignkit/util/timestamp.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>

using namespace alignkit;

TEST_CASE("timestamps to Unix seconds")
{
    CHECK(parse_timestamp("2026-07-01T00:00:00Z") == 1782864000);
    CHECK(parse_timestamp("2026-07-01 00:00:00") == 1782864000);
    CHECK(parse_timestamp("2026-07-01") == 1782864000);
    CHECK(parse_timestamp("2026-07-01T02:00:00+02:00") == 1782864000);
    CHECK(parse_timestamp("2026-06-30T19:30:00-04:30") == 1782864000);
    CHECK(parse_timestamp("1969-12-31T23:59:59Z") == -1);
    for (const char* bad : {"", "2026-02-30T00:00:00Z", "2026-07-01T24:00:00Z", "2026-07-01T00:0Z", "07/01/2026",
                            "2026-07-01T00:00:00+2", "2026-07-01X00:00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_timestamp(bad));
    }
    CHECK(format_timestamp(1782864000) == "2026-07-01T00:00:00Z");
    CHECK(format_timestamp(-1) == "1969-12-31T23:59:59Z");
}

TEST_CASE("the common layout is read as the general path reads it, valid or not")
{
    // "+00:00" sends the same text through the general path: both must agree everywhere,
    // including days that not every month has, leap days and impossible values.
    int checked = 0;
    for (const int year : {1900, 1999, 2000, 2024, 2026, 2100}) {
        for (int month = 0; month <= 13; ++month) {
            for (int day = 0; day <= 32; ++day) {
                for (const char* time : {"00:00:00", "23:59:60", "24:00:00", "12:60:00", "1a:00:00"}) {
                    for (const char separator : {'T', ' '}) {
                        const std::string text =
                            fmt::format("{:04}-{:02}-{:02}{}{}", year, month, day, separator, time);
                        const auto general = parse_timestamp(text + "+00:00");
                        CAPTURE(text);
                        CHECK(parse_timestamp(text) == general);
                        CHECK(parse_timestamp(text + "Z") == general);
                        ++checked;
                    }
                }
            }
        }
    }
    CHECK(checked == 6 * 14 * 33 * 5 * 2);
    // Every byte in every place of the layout: the fast reading refuses exactly what the
    // general one refuses, and agrees on the rest.
    for (std::size_t at = 0; at < 19; ++at) {
        for (int c = 1; c < 256; ++c) {
            std::string text = "2026-07-15T12:34:56";
            text[at] = static_cast<char>(c);
            CAPTURE(text);
            CHECK(parse_timestamp(text) == parse_timestamp(text + "+00:00"));
        }
    }
    CHECK_FALSE(parse_timestamp("2026-01-0xT00:00:00Z"));
    CHECK_FALSE(parse_timestamp("2026-01-01T00:00:00z"));
}

TEST_CASE("timestamps as CRM exports write them: fractions, compact offsets, no seconds")
{
    CHECK(parse_timestamp("2026-07-01T00:00:00.000Z") == 1782864000);     // Salesforce's API
    CHECK(parse_timestamp("2026-07-01T02:00:00.123+0200") == 1782864000); // fraction dropped
    CHECK(parse_timestamp("2026-07-01T02:00:00+02") == 1782864000);
    CHECK(parse_timestamp("2026-07-01 00:00") == 1782864000); // HubSpot's exports
    CHECK(parse_timestamp("2026-06-30T20:00-04:00") == 1782864000);
    for (const char* bad : {"2026-07-01T00:00:00.Z", "2026-07-01T00:00:00+2", "2026-07-01T00:00:00+020",
                            "2026-07-01T00:00:00 +02:00", "2026-07-01T00:00:00+24:00", "2026-07-01T00:00:"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_timestamp(bad));
    }
    CHECK(read_timestamp("2026-07-01T00:00:00")->naive);
    CHECK(read_timestamp("2026-07-01 00:00")->naive);
    CHECK(read_timestamp("2026-07-01")->naive);
    CHECK_FALSE(read_timestamp("2026-07-01T00:00:00Z")->naive);
    CHECK_FALSE(read_timestamp("2026-07-01T00:00:00-01:00")->naive);
}

TEST_CASE("placeholder years outside 1900-2199 are not times")
{
    CHECK_FALSE(read_timestamp("0000-01-01T00:00:00Z"));
    CHECK_FALSE(read_timestamp("9999-12-31T23:59:59Z"));
    CHECK_FALSE(read_timestamp("9999-12-31"));
    CHECK_FALSE(read_timestamp("1899-12-31 10:00"));
    CHECK(read_timestamp("1900-01-01T00:00:00Z"));
    CHECK(read_timestamp("2199-12-31T23:59:59Z"));
}

TEST_CASE("a date alone is read as the calendar reads it, valid or not")
{
    // The fast reading of a date alone against parse_date, which checks a date with <chrono>.
    auto by_calendar = [](const std::string& text) -> std::optional<std::int64_t> {
        const auto date = parse_date(text);
        if (!date || date->year < k_first_year || date->year > k_last_year) {
            return std::nullopt;
        }
        return std::int64_t{days_since_epoch(*date)} * 86400;
    };
    for (const int year : {1899, 1900, 1999, 2000, 2024, 2026, 2100, 2199, 2200}) {
        for (int month = 0; month <= 13; ++month) {
            for (int day = 0; day <= 32; ++day) {
                const std::string text = fmt::format("{:04}-{:02}-{:02}", year, month, day);
                CAPTURE(text);
                CHECK(parse_timestamp(text) == by_calendar(text));
            }
        }
    }
    for (std::size_t at = 0; at < 10; ++at) {
        for (int c = 1; c < 256; ++c) {
            std::string text = "2026-07-15";
            text[at] = static_cast<char>(c);
            CAPTURE(text);
            CHECK(parse_timestamp(text) == by_calendar(text));
        }
    }
    CHECK(read_timestamp("2026-07-15")->naive);
}
