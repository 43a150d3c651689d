#pragma once
// Contact attempts from a long-format activity export (`sla audit --activities FILE`): one
// row per call or email, joined to the leads by their id, for the follow-up window and
// spacing when the lead export has no column per attempt.

#include "alignkit/audit/campaign_costs.hpp"
#include "alignkit/exports/export_reading.hpp"
#include "alignkit/model/lead_definitions.hpp"

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace alignkit {

// Its problems are told as a costs file's are (CostsError: what, and where).
struct ActivityTimes {
    std::string id_column, time_column;                                    // the headers read
    std::map<std::string, std::vector<std::int64_t>, std::less<>> by_lead; // UTC seconds, ascending
    std::int64_t rows = 0;
    // Rows whose time cannot be read: skipped, and listed with the audit's rows with problems.
    std::int64_t unreadable = 0;
    std::vector<std::int64_t> unreadable_lines; // the first few
};

// The headers an activity export may join on: the lead id's column as the export names it
// (--columns, else the field's column), the field's name, and `lead_id`, each once.
std::vector<std::string> activity_id_headers(const ExportReading& reading, const LeadDefinitions& defs);

// A CSV whose header holds one of `id_headers` (any case: the lead id's column as the export
// names it, then `lead_id`) and a time column (`at`, `timestamp`, `activity date`,
// `activity_date`, `activitydate`, `date`, `created date`, `createddate`; any case). Times
// without a zone are read in `zone` (an IANA name, or UTC); a row without a time is skipped,
// one whose time cannot be read is counted. nullopt, with `error`, for a file without those
// columns, or that is not CSV.
std::optional<ActivityTimes> read_activity_times(std::istream& in, const std::vector<std::string>& id_headers,
                                                 const std::string& zone, CostsError& error);

} // namespace alignkit
