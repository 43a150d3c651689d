#pragma once
// The report of `alignkit sla audit`, built once from the result; renderers lay it out as
// text, Markdown or one HTML page. JSON and CSV carry the numbers for programs.

#include "alignkit/audit/sla_audit.hpp"
#include "alignkit/util/text_table.hpp"

#include <string>
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

enum class AuditFormat { text, markdown, html };
std::string render_audit_report(const AuditReport& report, AuditFormat format);

// Every number of the result with its definition, for programs (pretty-printed, keys sorted).
std::string audit_json(const AuditResult& result);
// One row per term and group (overall, each owner, source and month), for spreadsheets.
std::string audit_csv(const AuditResult& result);

// "45s", "12m 30s", "3h 20m", "2d 4h": a latency people read at a glance; "-" for none.
std::string short_duration(std::optional<std::int64_t> seconds);

} // namespace alignkit
