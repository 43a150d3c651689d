#pragma once
// SLA clocks that count working time only, from the SLA's calendar: its time zone, working
// days and hours, and holidays. Working hours are wall-clock times, so a working day keeps
// its length across daylight-saving changes while its instants move.

#include "alignkit/model/duration.hpp"
#include "alignkit/model/sla.hpp"
#include "alignkit/util/time_zone.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace alignkit {

class WorkingClock {
  public:
    // nullopt, with `error` saying why, when the calendar's zone is unknown or it has no
    // working time at all.
    static std::optional<WorkingClock> make(const Calendar& calendar, std::string& error);

    // A duration of the SLA in working seconds: hours and minutes as written; days and weeks
    // (`3d`, `2w`) as working days of the calendar's length and weeks of its working days.
    std::int64_t working_seconds(const Duration& duration) const;
    // The same duration in words as this clock counts it: "3 working days", "24 hours of
    // working time".
    std::string words(const Duration& duration) const;
    // Working seconds between two instants; negative when `to` is before `from`.
    std::int64_t elapsed(std::int64_t from, std::int64_t to);
    // The first instant at which `working` seconds of working time have passed since `start`.
    std::int64_t deadline(std::int64_t start, std::int64_t working);

  private:
    TimeZone m_zone;
    std::array<bool, 7> m_days{};                // Monday first
    std::int64_t m_open = 0, m_close = 0;        // seconds after local midnight
    std::unordered_set<std::int64_t> m_holidays; // local days since the epoch
    struct Hours {
        std::int64_t open = 0, close = 0; // instants; equal on a day without work
    };
    std::unordered_map<std::int64_t, Hours> m_hours; // by local day
    WorkingClock(TimeZone zone) : m_zone(std::move(zone)) {}
    Hours hours(std::int64_t day);
    std::int64_t local_day(std::int64_t utc);
};

} // namespace alignkit
