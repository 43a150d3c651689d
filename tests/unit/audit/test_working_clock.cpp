// Working-hours clocks and export time zones, checked by hand against a calendar:
// 2027-01-01 and 2027-01-08 are Fridays; US clocks spring forward on Sunday 2027-03-14 and
// fall back on Sunday 2027-11-07; European clocks fall back on Sunday 2027-10-31.
#include "alignkit/audit/working_clock.hpp"
#include "alignkit/exports/time_format.hpp"
#include "alignkit/util/time_zone.hpp"
#include "alignkit/util/timestamp.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace alignkit;

namespace {

Calendar calendar(const char* zone, std::vector<Weekday> days, int open, int close, std::vector<const char*> holidays)
{
    Calendar c;
    c.time_zone.value = zone;
    c.days = std::move(days);
    c.hours.value = {TimeOfDay{open}, TimeOfDay{close}};
    for (const char* h : holidays) {
        c.holidays.push_back({*parse_date(h), {}});
    }
    return c;
}

const std::vector<Weekday> k_weekdays{Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri};

WorkingClock chicago()
{
    std::string error;
    // Brightline's calendar: 08:30-17:30 on weekdays, New Year's Day off.
    auto clock = WorkingClock::make(calendar("America/Chicago", k_weekdays, 510, 1050, {"2027-01-01"}), error);
    REQUIRE(clock);
    return *clock;
}

WorkingClock berlin()
{
    std::string error;
    auto clock = WorkingClock::make(calendar("Europe/Berlin", k_weekdays, 540, 1020, {}), error);
    REQUIRE(clock);
    return *clock;
}

std::int64_t at(const char* text) { return *parse_timestamp(text); }
std::string when(std::int64_t seconds) { return format_timestamp(seconds); }

} // namespace

TEST_CASE("a working clock stops over weekends and holidays")
{
    auto clock = chicago();
    // Friday 16:30 CST + 4h: one hour on Friday, three on Monday from 08:30.
    CHECK(when(clock.deadline(at("2027-01-08T22:30:00Z"), 4 * 3600)) == "2027-01-11T17:30:00Z");
    CHECK(clock.elapsed(at("2027-01-08T22:30:00Z"), at("2027-01-11T17:30:00Z")) == 4 * 3600);
    // Thursday 17:00 + 1h: half an hour, then New Year's Day and the weekend, then Monday 09:00 CST.
    CHECK(when(clock.deadline(at("2026-12-31T23:00:00Z"), 3600)) == "2027-01-04T15:00:00Z");
    // Started outside working hours: the clock starts when work does.
    CHECK(when(clock.deadline(at("2027-01-11T06:00:00Z"), 0)) == "2027-01-11T14:30:00Z");
    CHECK(clock.elapsed(at("2027-01-09T12:00:00Z"), at("2027-01-10T12:00:00Z")) == 0); // a Saturday
    CHECK(clock.elapsed(at("2027-01-11T17:30:00Z"), at("2027-01-08T22:30:00Z")) == -4 * 3600);
    // Exactly at closing the time is spent; the next instant that counts is the next opening.
    CHECK(when(clock.deadline(at("2027-01-11T14:30:00Z"), 9 * 3600)) == "2027-01-11T23:30:00Z");
}

TEST_CASE("a working clock keeps wall-clock hours across daylight-saving changes, in two zones")
{
    auto us = chicago();
    // Friday 17:00 CST + 1h: half an hour, then Monday 09:00 CDT, an hour earlier in UTC.
    CHECK(when(us.deadline(at("2027-03-12T23:00:00Z"), 3600)) == "2027-03-15T14:00:00Z");
    CHECK(us.elapsed(at("2027-03-12T23:00:00Z"), at("2027-03-15T14:00:00Z")) == 3600);
    // Fall back: Friday 17:00 CDT + 1h ends Monday 09:00 CST.
    CHECK(when(us.deadline(at("2027-11-05T22:00:00Z"), 3600)) == "2027-11-08T15:00:00Z");

    auto eu = berlin();
    // Friday 16:00 CEST + 2h: one hour on Friday, Monday 09:00-10:00 CET.
    CHECK(when(eu.deadline(at("2027-10-29T14:00:00Z"), 2 * 3600)) == "2027-11-01T09:00:00Z");
    CHECK(eu.elapsed(at("2027-10-29T14:00:00Z"), at("2027-11-01T09:00:00Z")) == 2 * 3600);

    // Every hour of every day: the day clocks spring forward has 23 hours, the day they fall back 25.
    std::string error;
    const std::vector<Weekday> all{Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu,
                                   Weekday::fri, Weekday::sat, Weekday::sun};
    auto always = WorkingClock::make(calendar("America/Chicago", all, 0, 1440, {}), error);
    REQUIRE(always);
    CHECK(always->elapsed(at("2027-03-14T06:00:00Z"), at("2027-03-15T05:00:00Z")) == 23 * 3600);
    CHECK(always->elapsed(at("2027-11-07T05:00:00Z"), at("2027-11-08T06:00:00Z")) == 25 * 3600);
}

TEST_CASE("durations in days and weeks are working days and weeks")
{
    auto clock = chicago();
    CHECK(clock.working_seconds(*parse_duration("24h")) == 24 * 3600);
    CHECK(clock.working_seconds(*parse_duration("90m")) == 90 * 60);
    CHECK(clock.working_seconds(*parse_duration("3d")) == 3 * 9 * 3600);
    CHECK(clock.working_seconds(*parse_duration("2w")) == 10 * 9 * 3600);
    CHECK(clock.working_seconds(*parse_duration("1w2d")) == 7 * 9 * 3600);
    CHECK(clock.working_seconds(*parse_duration("1d12h")) == 36 * 3600);
    CHECK(clock.words(*parse_duration("1d")) == "1 working day");
    CHECK(clock.words(*parse_duration("1w2d")) == "7 working days");
    CHECK(clock.words(*parse_duration("24h")) == "24 hours of working time");
    // Monday 10:00 CST + 3 working days: Thursday 10:00.
    CHECK(when(clock.deadline(at("2027-01-11T16:00:00Z"), clock.working_seconds(*parse_duration("3d")))) ==
          "2027-01-14T16:00:00Z");
}

TEST_CASE("a calendar without working time, or with an unknown zone, is refused")
{
    std::string error;
    CHECK_FALSE(WorkingClock::make(calendar("America/Chicago", {}, 510, 1050, {}), error));
    CHECK(error == "the SLA's calendar has no working time");
    CHECK_FALSE(WorkingClock::make(calendar("Mars/Olympus", k_weekdays, 510, 1050, {}), error));
    CHECK(error.starts_with("unknown time zone 'Mars/Olympus'"));
}

TEST_CASE("wall-clock readings to instants: skipped readings move on, repeated ones are the first")
{
    std::string error;
    auto zone = TimeZone::locate("America/Chicago", error);
    REQUIRE(zone);
    CHECK(when(zone->to_utc(at("2027-01-15T09:00:00Z"))) == "2027-01-15T15:00:00Z");
    CHECK(when(zone->to_utc(at("2027-07-15T09:00:00Z"))) == "2027-07-15T14:00:00Z");
    CHECK(when(zone->to_utc(at("2027-03-14T02:30:00Z"))) == "2027-03-14T08:30:00Z"); // 03:30 CDT
    CHECK(when(zone->to_utc(at("2027-11-07T01:30:00Z"))) == "2027-11-07T06:30:00Z"); // the CDT one
    // The cached rules give the same answers in any order of questions.
    for (const char* local : {"2027-03-14T01:59:59Z", "2027-03-14T03:00:00Z", "2027-11-07T00:59:59Z",
                              "2027-11-07T02:00:00Z", "2027-01-15T09:00:00Z"}) {
        auto fresh = TimeZone::locate("America/Chicago", error);
        CAPTURE(local);
        CHECK(zone->to_utc(at(local)) == fresh->to_utc(at(local)));
    }
    CHECK(zone->to_local(at("2027-03-14T08:00:00Z")) == at("2027-03-14T03:00:00Z"));
}

TEST_CASE("export time layouts")
{
    std::string error;
    auto us = TimeFormat::compile("%m/%d/%Y %I:%M %p", error);
    REQUIRE(us);
    CHECK(us->read("07/01/2026 12:00 AM")->seconds == at("2026-07-01T00:00:00Z"));
    CHECK(us->read("7/1/2026 1:05 pm")->seconds == at("2026-07-01T13:05:00Z"));
    CHECK(us->read("07/01/2026 12:30 PM")->naive);
    for (const char* bad : {"07/01/2026 13:00 PM", "07/01/2026 00:30 AM", "02/30/2026 10:00 AM", "07/01/2026 10:00",
                            "07/01/2026 10:00 AM extra", ""}) {
        CAPTURE(bad);
        CHECK_FALSE(us->read(bad));
    }
    auto eu = TimeFormat::compile("%d.%m.%y %H:%M", error);
    REQUIRE(eu);
    CHECK(eu->read("01.07.26 09:30")->seconds == at("2026-07-01T09:30:00Z"));
    CHECK(eu->read("01.07.70 09:30")->seconds == at("1970-07-01T09:30:00Z"));
    auto named = TimeFormat::compile("%d %b %Y %T%z", error);
    REQUIRE(named);
    CHECK(named->read("1 Jul 2026 02:00:00+02:00")->seconds == at("2026-07-01T00:00:00Z"));
    CHECK(named->read("1 JULY 2026 00:00:00.250Z")->seconds == at("2026-07-01T00:00:00Z"));
    CHECK_FALSE(named->read("1 Jul 2026 00:00:00")); // %z wants a zone
    CHECK(TimeFormat::compile("%F %R", error)->read("2026-07-01 09:30")->seconds == at("2026-07-01T09:30:00Z"));

    CHECK_FALSE(TimeFormat::compile("%H:%M", error));
    CHECK(error == "the layout needs a year (%Y or %y), a month (%m or %b) and a day (%d)");
    CHECK_FALSE(TimeFormat::compile("%Y-%m-%d %Q", error));
    CHECK(error == "'%Q' is not a conversion alignkit reads; see --help for the list");
    CHECK_FALSE(TimeFormat::compile("%Y-%m-%d %", error));
}
