#pragma once
// Calendar periods of a local time (weeks, months, quarters, years), for the audit's months
// and its volume targets.

#include "alignkit/model/enums.hpp"

#include <cstdint>
#include <string>

namespace alignkit {

// A period of a calendar: its name as reports show it and its local [begin, end).
struct PeriodSpan {
    std::string name; // 2026-07, 2026-Q3, 2026, 2026-W27 (ISO week)
    std::int64_t begin = 0, end = 0;
};

PeriodSpan period_of(std::int64_t local, Period per);

// The same without its name, for the row loop: a number for the period (consecutive periods
// have consecutive numbers) and its local [begin, end).
struct PeriodBounds {
    std::int64_t index = 0, begin = 0, end = 0;
};
PeriodBounds period_bounds(std::int64_t local, Period per);
// Its index alone, the cheapest: one calendar conversion.
std::int64_t period_index(std::int64_t local, Period per);

} // namespace alignkit
