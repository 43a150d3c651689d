#pragma once
// The report of `alignkit sla audit`, built once from the result; renderers lay it out as
// text, Markdown or one HTML page. JSON and CSV carry the numbers for programs.

#include "alignkit/audit/sla_audit.hpp"
#include "alignkit/model/enums.hpp"
#include "alignkit/util/text_table.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

struct AuditSection {
    std::string heading;
    std::vector<std::string> notes; // paragraphs, before the table
    TextTable table;
    std::vector<std::string> after; // paragraphs, after the table
};

struct AuditReport {
    std::string title;
    std::vector<std::string> summary; // what was read and how
    std::vector<AuditSection> sections;
    std::vector<std::string> definitions; // how every number is defined
};

AuditReport build_audit_report(const AuditResult& result);

// The formats of `sla audit`: the report for people (text, markdown, html), every number for
// programs (json), a row per term and group (csv), and the reference audit's JSON (canonical).
enum class AuditFormat { text, markdown, html, json, csv, canonical };
template <> struct EnumNames<AuditFormat> {
    static constexpr std::array<std::string_view, 6> names{"text", "markdown", "html", "json", "csv", "canonical"};
};

// What an audit for `format` counts: the canonical format holds only the reference audit's
// numbers (groups by owner and source, first-touch latency by owner), so nothing else is
// audited; the other formats take `settings` as they are.
void settle_for_format(AuditSettings& settings, AuditFormat format);

// The result in `format`, ready to write.
std::string render_audit(const AuditResult& result, AuditFormat format);

// Every number of the result with its definition, for programs (pretty-printed, keys sorted).
std::string audit_json(const AuditResult& result);
// Every table of the report as one CSV, a row per cell (table, row, key, column, value: the
// cell as the report shows it), for spreadsheets; the numbers unformatted are in audit_json.
std::string audit_csv(const AuditResult& result);

// "45s", "12m 30s", "3h 20m", "2d 4h": a latency people read at a glance; "-" for none.
std::string short_duration(std::optional<std::int64_t> seconds);
// The same for a percentile, to the nearest second.
std::string short_duration(std::optional<double> seconds);

} // namespace alignkit
