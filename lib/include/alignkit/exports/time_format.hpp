#pragma once
// Timestamps in an export's own layout (`--time-format '%m/%d/%Y %I:%M %p'`), for CRM exports
// that write dates the way their users' locale does.

#include "alignkit/util/timestamp.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// A layout in strptime's words:
//   %Y year (4 digits)          %y year 00-99 (69-99 are 19xx, as POSIX says)
//   %m month 1-12               %b %h %B month name, English, abbreviated or whole
//   %d %e day 1-31              %H hour 0-23   %I hour 1-12 with %p AM/PM
//   %M minute                   %S second (a fraction after it is dropped)
//   %z +HH:MM, +HHMM, +HH or Z  %F = %Y-%m-%d  %T = %H:%M:%S  %R = %H:%M  %D = %m/%d/%y
//   %% a percent sign; a space matches any run of spaces; anything else matches itself.
// Numbers take one or two digits (`3/7/2026` and `03/07/2026` both read). Letters in month
// names and AM/PM are read in any case. Without %z the time is naive (the SLA's zone).
class TimeFormat {
  public:
    // nullopt, with `error` saying why, for a layout that has no year, month and day or uses
    // a conversion not listed above.
    static std::optional<TimeFormat> compile(std::string_view layout, std::string& error);

    std::optional<WrittenTime> read(std::string_view text) const;

  private:
    struct Step {
        char conversion = 0; // 0: the literal `text`
        std::string text;
    };
    std::vector<Step> m_steps;
};

} // namespace alignkit
