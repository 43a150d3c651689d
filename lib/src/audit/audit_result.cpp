#include "alignkit/audit/sla_audit.hpp"

#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"

#include "alignkit/util/time_zone.hpp"
#include "alignkit/util/timestamp.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace alignkit {

std::optional<double> compliance_percent(const TermCounts& counts)
{
    const auto decided = counts.met + counts.breached;
    if (decided == 0) {
        return std::nullopt;
    }
    return 100.0 * static_cast<double>(counts.met) / static_cast<double>(decided);
}

std::vector<TermUnderBar> terms_under(const AuditResult& result, double bar)
{
    std::vector<TermUnderBar> under;
    for (const auto& [term, counts] : result.terms) {
        if (const auto percent = compliance_percent(counts.overall); percent && *percent < bar) {
            under.push_back({term, *percent});
        }
    }
    return under;
}

std::string naive_time_zone(const ServiceLevelAgreement& sla, const std::optional<std::string>& zone)
{
    return zone ? *zone : sla.calendar ? sla.calendar->time_zone.value : std::string("UTC");
}

std::optional<std::int64_t> read_as_of(std::string_view text, const std::string& zone_name, std::string& error)
{
    const auto written = read_timestamp(text);
    if (!written) {
        error = fmt::format("'{}' is not a time (YYYY-MM-DDTHH:MM:SSZ)", text);
        return std::nullopt;
    }
    if (!written->naive || zone_name == "UTC") {
        return written->seconds;
    }
    auto zone = TimeZone::locate(zone_name, error);
    if (!zone) {
        return std::nullopt;
    }
    return zone->to_utc(written->seconds);
}

std::optional<std::int64_t> read_period_bound(std::string_view text, const std::string& zone_name, std::string& error)
{
    const auto written = read_timestamp(text);
    if (!written) {
        error = fmt::format("'{}' is not a date or a time (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS)", text);
        return std::nullopt;
    }
    if (written->naive || zone_name == "UTC") {
        return written->seconds;
    }
    auto zone = TimeZone::locate(zone_name, error);
    if (!zone) {
        return std::nullopt;
    }
    return zone->to_local(written->seconds);
}

std::optional<std::vector<std::string>> read_breakdowns(std::string_view list, std::string& error)
{
    constexpr std::array<std::string_view, 3> k_breakdowns{"owner", "source", "month"};
    std::vector<std::string> by;
    for (std::size_t start = 0; start <= list.size();) {
        const auto comma = std::min(list.find(',', start), list.size());
        std::string name(list.substr(start, comma - start));
        start = comma + 1;
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (name.empty()) {
            error = fmt::format("--by '{}': name {} or columns, separated by commas", list,
                                quoted_list(k_breakdowns, "or"));
            return std::nullopt;
        }
        if (std::find(by.begin(), by.end(), name) == by.end()) {
            by.push_back(name);
        }
    }
    return by;
}

std::string breach_csv_header() { return "lead_id,term,deadline,actual,owner\n"; }

std::string breach_csv_line(const Breach& b)
{
    // A lead without an id is named by its line; a table's rows have none (line 0).
    const auto lead = b.lead.empty() && b.line != 0 ? fmt::format("line {}", b.line) : b.lead;
    return fmt::format("{},{},{},{},{}\n", csv_cell(lead), b.term, b.deadline, csv_cell(b.actual), csv_cell(b.owner));
}

std::vector<std::string> audit_notices(const AuditResult& result)
{
    std::vector<std::string> notices;
    // What was not audited is said once, in the report; a reading that may mislead is said here too.
    for (const auto& warning : result.warnings) {
        notices.push_back(warning);
    }
    for (const auto& [kind, rows] : result.bad_rows) {
        if (rows.first_lines.empty()) {
            // A table's rows have no lines.
            notices.push_back(rows.example_lead.empty() ? fmt::format("{} row(s): {}", rows.count, kind)
                                                        : fmt::format("{} row(s): {} (lead {}, for one)", rows.count,
                                                                      kind, rows.example_lead));
            continue;
        }
        const bool all = static_cast<std::size_t>(rows.count) == rows.first_lines.size();
        notices.push_back(fmt::format("{} row(s): {} ({}{} {})", rows.count, kind, all ? "" : "first on ",
                                      rows.first_lines.size() == 1 ? "line" : "lines",
                                      fmt::join(rows.first_lines, ", ")));
    }
    return notices;
}

std::vector<std::string> audit_failures(const AuditResult& result, std::optional<double> fail_under, bool strict)
{
    std::vector<std::string> why;
    if (fail_under) {
        for (const auto& u : terms_under(result, *fail_under)) {
            why.push_back(fmt::format("{} compliance {:.1f}% is under {:g}%", u.term, u.percent, *fail_under));
        }
    }
    for (const auto& target : result.targets) {
        if (target.missed) {
            why.push_back(fmt::format("target '{}' missed", target.id));
        }
    }
    if (!strict) {
        return why;
    }
    if (!result.bad_rows.empty()) {
        why.emplace_back("--strict: the export was not read fully");
    }
    std::vector<std::string> unseen;
    for (const auto& [term, reason] : result.not_audited) {
        if (!result.not_stated.contains(term)) {
            unseen.push_back(term);
        }
    }
    if (!unseen.empty()) {
        why.push_back(
            fmt::format("--strict: the SLA states terms the export cannot show: {}", fmt::join(unseen, ", ")));
    }
    if (!result.warnings.empty()) {
        why.emplace_back("--strict: a reading may mislead (see above)");
    }
    return why;
}

std::string audit_canonical_json(const AuditResult& r)
{
    using Json = nlohmann::json; // std::map objects: keys in byte order, as the reference wants
    auto counts = [](const TermCounts& c) {
        return Json{{"eligible", c.eligible}, {"met", c.met}, {"breached", c.breached}, {"pending", c.pending}};
    };
    auto latency = [](const Latency& l) {
        return Json{{"n", l.n},
                    {"median", l.median ? Json(static_cast<std::int64_t>(*l.median)) : Json(nullptr)},
                    {"p90", l.p90 ? Json(static_cast<std::int64_t>(*l.p90)) : Json(nullptr)}};
    };
    Json sla = Json::object();
    for (const auto& [name, term] : r.terms) {
        Json by_owner = Json::object();
        for (const auto& [k, c] : term.by_owner) {
            by_owner[k] = counts(c);
        }
        Json by_source = Json::object();
        for (const auto& [k, c] : term.by_source) {
            by_source[k] = counts(c);
        }
        sla[name] = {{"overall", counts(term.overall)}, {"by_owner", by_owner}, {"by_source", by_source}};
    }
    Json months = Json::object();
    for (const auto& [month, n] : r.entries_by_month) {
        months[month] = n;
    }
    Json conversion = Json::object();
    for (const auto& [source, c] : r.conversion_by_source) {
        conversion[source] = {{"mql", c.from}, {"sql", c.to}, {"rate_ppm", (2000000 * c.to + c.from) / (2 * c.from)}};
    }
    Json by_owner = Json::object();
    Latency overall;
    if (auto it = r.terms.find("first_touch"); it != r.terms.end()) {
        overall = it->second.latency.value_or(Latency{});
        for (const auto& [owner, l] : it->second.latency_by_owner) {
            by_owner[owner] = latency(l);
        }
    }
    Json out = {{"as_of", format_timestamp(r.as_of)},
                {"rows", r.rows},
                {"sla", sla},
                {"mql_by_month", months},
                {"mql_to_sql_by_source", conversion},
                {"first_touch_latency_s", {{"overall", latency(overall)}, {"by_owner", by_owner}}}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace alignkit
