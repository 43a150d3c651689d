#pragma once
// `alignkit sla audit`: an SLA checked against the records of a CRM export, one streaming
// pass, memory growing with the number of groups (owners, sources, months) and first-touch
// latencies, not with rows.
//
// For each SLA term a lead is either not eligible or exactly one of met / breached / pending
// at `as_of`:
//   handoff      eligible when the hand-off stage was entered (<stage>_at set); met when
//                assigned_at - <stage>_at <= handoff.within; breached when later, or when not
//                assigned and the deadline <= as_of; pending when not assigned before it.
//   first_touch  eligible when assigned_at is set; the same with first_touch_at and
//                follow_up.first_contact.
//   attempts     eligible when disqualified_at is set; met when touch_attempts (empty = 0)
//                >= follow_up.attempts.
//   reason       eligible when disqualified_at is set and the SLA requires a reason; met when
//                disqualify_reason holds a character other than a space.
// Exactly at a limit is met; a negative delay is met; a deadline equal to as_of has passed.

#include "alignkit/lead_definitions.hpp"
#include "alignkit/sla.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace alignkit {

struct TermCounts {
    std::int64_t eligible = 0, met = 0, breached = 0, pending = 0;
};

struct TermResult {
    TermCounts overall;
    std::map<std::string, TermCounts> by_owner;
    std::map<std::string, TermCounts> by_source;
};

struct Latency {
    std::int64_t n = 0;
    std::optional<std::int64_t> median, p90; // nearest rank
};

struct AuditResult {
    std::int64_t as_of = 0;
    std::int64_t rows = 0;
    std::map<std::string, TermResult> terms;              // handoff, first_touch, attempts, reason
    std::map<std::string, std::int64_t> entries_by_month; // hand-off stage entries per YYYY-MM
    struct Conversion {
        std::int64_t from = 0, to = 0;
    };
    std::map<std::string, Conversion> conversion_by_source; // hand-off stage -> conversion target stage
    Latency first_touch_overall;
    std::map<std::string, Latency> first_touch_by_owner;
    std::map<std::string, std::int64_t> bad_values; // field -> count of unreadable values
    std::map<std::string, std::int64_t> first_bad_line;
    std::int64_t ragged_rows = 0;
    std::string handoff_stage, conversion_stage;
};

// One breach, for people to act on.
struct Breach {
    std::string lead;     // the lead_id column; empty when the export has none
    std::size_t line = 0; // where the lead's record starts in the export
    std::string term;     // handoff, first_touch, attempts, reason
    std::string deadline; // a timestamp, or "" for terms without one
    std::string actual;   // when it happened, the attempts made, the reason given; "" if nothing happened
    std::string owner;
};

class SlaAuditor {
  public:
    // Finds the columns of the fields the audit reads (by their `column`, their name, or
    // `overrides`). Returns nullopt and sets `error` when a needed column is missing.
    static std::optional<SlaAuditor> make(const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                          const std::vector<std::string>& header,
                                          const std::map<std::string, std::string>& overrides, std::int64_t as_of,
                                          std::string& error);

    void add(std::span<const std::string_view> fields, std::size_t line);
    // Called for every breach as rows are read (for --breaches).
    void on_breach(std::function<void(const Breach&)> sink) { m_on_breach = std::move(sink); }
    // Adds the counts of an auditor (made by the same `make`) that read a later piece of the
    // export, whose line numbers start `line_offset` lines further on.
    void merge(SlaAuditor&& other, std::size_t line_offset);
    AuditResult finish();

  private:
    std::function<void(const Breach&)> m_on_breach;
    struct Columns {
        std::optional<std::size_t> lead_id, owner, source, entered, assigned, first_touch, attempts, converted,
            disqualified, reason;
    } m_col;
    std::int64_t m_handoff = 0, m_first_contact = 0, m_min_attempts = 0;
    bool m_reason_required = true;
    std::size_t m_width = 0;
    AuditResult m_result;
    // Per row, an owner and a source are looked up once; their counts live in vectors.
    struct Group {
        std::array<TermCounts, 4> terms{}; // handoff, first_touch, attempts, reason
        AuditResult::Conversion conversion;
        std::vector<std::int64_t> latencies;
    };
    // Looked up by the field's text as it is, without making a string of it each row.
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    using GroupIndex = std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>>;
    std::size_t group(GroupIndex& index, std::vector<Group>& groups, std::vector<std::string>& names,
                      std::string_view key);
    GroupIndex m_owner_index, m_source_index;
    std::vector<Group> m_owners, m_sources;
    std::vector<std::string> m_owner_names, m_source_names;
    std::array<TermCounts, 4> m_overall{};
    // Entries of the month last seen, not yet in entries_by_month: exports run in time order.
    std::string m_month;
    std::int64_t m_month_entries = 0;
    void count_month();
};

// A term's compliance in percent: met out of met and breached (pending leads are not yet
// decided); nullopt when none is decided.
std::optional<double> compliance_percent(const TermCounts& counts);

struct TermUnderBar {
    std::string term;
    double percent = 0;
};
// The terms whose overall compliance is under `bar` percent, for --fail-under.
std::vector<TermUnderBar> terms_under(const AuditResult& result, double bar);

// The reference's canonical JSON (keys sorted, compact), as ../shared/bench/REFERENCE.md
// defines it, ending in a newline.
std::string audit_canonical_json(const AuditResult& result);

// A report for people: each term's compliance overall and by owner, the monthly volume,
// conversion by source, first-touch latency.
std::string render_audit_text(const AuditResult& result);

} // namespace alignkit
