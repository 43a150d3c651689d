#include "alignkit/audit/activity_times.hpp"

#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"
#include "alignkit/util/time_zone.hpp"
#include "alignkit/util/timestamp.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace alignkit {
namespace {

constexpr std::array<std::string_view, 8> k_time_headers{"at",           "timestamp", "activity date", "activity_date",
                                                         "activitydate", "date",      "created date",  "createddate"};

std::optional<std::size_t> column_of(const std::vector<std::string>& header, std::string_view name)
{
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (equal_ignoring_case(header[i], name)) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace

// The headers an activity export may join on: the lead id's column as the export names it
// (--columns, else the field's column), the field's name, and `lead_id`, each once.
std::vector<std::string> activity_id_headers(const ExportReading& reading, const LeadDefinitions& defs)
{
    std::vector<std::string> headers;
    const auto id_field = role_field(defs, "lead_id");
    if (auto it = reading.columns.find(id_field); it != reading.columns.end()) {
        headers.push_back(it->second);
    }
    for (const auto& field : defs.fields) {
        if (field.name.value == id_field && !field.column.empty()) {
            headers.push_back(field.column);
        }
    }
    for (const std::string& name : {id_field, std::string("lead_id")}) {
        if (std::find(headers.begin(), headers.end(), name) == headers.end()) {
            headers.push_back(name);
        }
    }
    return headers;
}

std::optional<ActivityTimes> read_activity_times(std::istream& in, const std::vector<std::string>& id_headers,
                                                 const std::string& zone, CostsError& error)
{
    CsvReader reader(in);
    CsvRecord row;
    if (!reader.next(row)) {
        error.message = reader.error().empty() ? "the file is empty" : reader.error();
        return std::nullopt;
    }
    std::optional<std::size_t> id, at;
    for (const auto& name : id_headers) {
        id = id ? id : column_of(row.fields, name);
    }
    for (const auto name : k_time_headers) {
        at = at ? at : column_of(row.fields, name);
    }
    if (!id || !at) {
        std::vector<std::string_view> wanted;
        wanted.reserve(id_headers.size());
        for (const auto& name : id_headers) {
            wanted.push_back(name);
        }
        error = {1, 1,
                 !id ? fmt::format("the header has no lead id column ({})", quoted_list(wanted, "or"))
                     : fmt::format("the header has no time column ({})", quoted_list(k_time_headers, "or"))};
        return std::nullopt;
    }
    std::optional<TimeZone> local;
    if (zone != "UTC") {
        local = TimeZone::locate(zone, error.message);
        if (!local) {
            return std::nullopt;
        }
    }
    ActivityTimes times;
    times.id_column = row.fields[*id];
    times.time_column = row.fields[*at];
    while (reader.next(row)) {
        ++times.rows;
        if (*at >= row.fields.size() || *id >= row.fields.size() || row.fields[*at].empty()) {
            continue;
        }
        const auto written = read_timestamp(row.fields[*at]);
        if (!written) {
            if (times.unreadable++ < 5) {
                times.unreadable_lines.push_back(static_cast<std::int64_t>(row.line));
            }
            continue;
        }
        const auto t = written->naive && local ? local->to_utc(written->seconds) : written->seconds;
        times.by_lead[row.fields[*id]].push_back(t);
    }
    if (!reader.error().empty()) {
        error.message = reader.error();
        return std::nullopt;
    }
    for (auto& [lead, list] : times.by_lead) {
        std::sort(list.begin(), list.end());
    }
    return times;
}

} // namespace alignkit
