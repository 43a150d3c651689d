#pragma once
// A time zone of the system's tz database (Howard Hinnant's date/tz), for reading naive
// export times in the SLA's zone and for working-hours clocks. The rules of the zone in
// force around the last instant asked for are kept, so a run of rows costs no lookups.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace alignkit {

class TimeZone {
  public:
    // nullopt, with `error` saying why, for a name the tz database does not have.
    static std::optional<TimeZone> locate(std::string_view name, std::string& error);

    // The instant a wall-clock reading in this zone names (seconds, as if the reading were UTC).
    // A reading the clocks skip (spring forward) is moved on by the gap; one they show twice
    // (fall back) is the first of the two.
    std::int64_t to_utc(std::int64_t local);
    // The wall-clock reading at an instant.
    std::int64_t to_local(std::int64_t utc);
    const std::string& name() const { return m_name; }

  private:
    const void* m_zone = nullptr; // a date::time_zone, owned by the tz database
    std::string m_name;
    // The rules in force over [m_begin, m_end): UTC + m_offset is the wall clock.
    std::int64_t m_begin = 0, m_end = 0, m_offset = 0;
    void rules_at(std::int64_t utc);
};

} // namespace alignkit
