#pragma once
// A whole CRM export audited against an SLA: the header, then the records in pieces of a few
// megabytes cut at line breaks, audited on `jobs` threads and merged in input order, so the
// result and the order of breaches are the same for any number of jobs.

#include "alignkit/audit/sla_audit.hpp"

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>

namespace alignkit {

struct AuditExportOptions {
    AuditSettings settings;
    unsigned jobs = 1;
    std::function<void(const Breach&)> on_breach; // called in input order
    // Called as pieces are done with the bytes of input audited so far, for a progress line.
    std::function<void(std::uint64_t)> on_progress;
    // The size the export is cut into. Large enough that a thread per piece costs nothing,
    // small enough that `jobs` pieces stay far under the memory of the whole export.
    std::size_t piece_bytes = std::size_t{1} << 22;
};

enum class AuditFailure {
    none,
    empty,     // no header
    columns,   // a field the audit needs has no column
    malformed, // a quoted field is never closed; the rows before it were audited
};

struct AuditExportOutcome {
    std::optional<AuditResult> result; // set when failure is none
    AuditFailure failure = AuditFailure::none;
    std::string error; // what went wrong, for people
};

AuditExportOutcome audit_export(std::istream& in, const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                const AuditExportOptions& options);

} // namespace alignkit
