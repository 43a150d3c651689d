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
// Exactly at a limit is met; a negative delay of up to an hour is met; one of more is a bad
// row ("<term>: done more than an hour before its clock started"), not counted; a deadline
// equal to as_of has passed.

#include "alignkit/audit/activity_times.hpp"
#include "alignkit/audit/audit_result.hpp"
#include "alignkit/audit/audit_sql.hpp"
#include "alignkit/audit/lookup_table.hpp"
#include "alignkit/exports/export_reading.hpp"
#include "alignkit/model/lead_definitions.hpp"
#include "alignkit/model/sla.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

// What to audit and how to read the export.
struct AuditSettings {
    ExportReading reading;
    std::int64_t as_of = 0;
    // Breakdowns of every term: owner, source, month (the monthly trend is always counted), or
    // any other column of the export or of `lookup`. Latencies are kept for owner, source and
    // month, 4 bytes per lead and clock term per breakdown.
    std::vector<std::string> by{"owner", "source"};
    std::shared_ptr<const LookupTable> lookup;       // --lookup FILE --on FIELD
    std::shared_ptr<const ActivityTimes> activities; // --activities FILE: attempt times by lead id
    bool stage_clocks = true;                        // the lead definitions' stage clocks as terms
    bool handoff_latency = true;                     // false when the report shows only first-touch latency
    bool funnel = true;                              // false when the report has no funnel
    std::map<std::string, double> costs;             // campaign costs by source (read_campaign_costs)
    // The zone of times written without one (a field's `zone` comes first); none: the SLA
    // calendar's, else UTC. Months are months there. Clocks count working time only under a
    // calendar, whatever this is.
    std::optional<std::string> zone;
    // --from / --until: the targets' periods run from the one holding `from` to the one
    // holding `until` (local times), and entries outside are not counted in them.
    std::optional<std::int64_t> from, until;
    std::string from_text, until_text; // as written, for the report
    Quantiles quantiles = Quantiles::nearest;
};

struct AuditorState;

// The audit of one stream of rows. Auditors made by one `make` can each read a piece of the
// export and be merged in input order (audit_export.hpp does that on threads).
class SlaAuditor {
  public:
    // Finds the columns of the fields the audit reads (by `settings.reading`: its columns, the preset, the
    // field's `column`, or its name). A term whose columns are missing is not audited (said in
    // the result); nullopt with `error` when no term can be, or the SLA's zone is unknown.
    static std::optional<SlaAuditor> make(const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                          const std::vector<std::string>& header, const AuditSettings& settings,
                                          std::string& error);

    // One record: its fields as views into the input, and the line it starts on.
    void add(std::span<const std::string_view> fields, std::size_t line);
    // Called for every breach as rows are read (for --breaches).
    void on_breach(std::function<void(const Breach&)> sink);
    // Adds the counts of an auditor (made by the same `make`) that read a later piece of the
    // export, whose line numbers start `line_offset` lines further on.
    void merge(SlaAuditor&& other, std::size_t line_offset);
    AuditResult finish();

    // The same audit as one SQL query over `table` (audit_sql.hpp), for `dialect`; nullopt,
    // with `error`, for what the query does not do yet. With `list_breaches`, the query returns
    // a row per breach as well, which finish_from gives to the on_breach sink.
    std::optional<std::string> to_sql(SqlDialect dialect, std::string_view table, std::string& error,
                                      bool list_breaches = false) const;
    // The result from what that query returned (its header first), in place of reading rows;
    // nullopt, with `error`, for a table the query did not make or made for another audit, or
    // with an on_breach sink, one that does not list the breaches.
    std::optional<AuditResult> finish_from(const std::vector<std::vector<std::string>>& table, std::string& error);

    SlaAuditor(const SlaAuditor& other);
    SlaAuditor(SlaAuditor&&) noexcept;
    SlaAuditor& operator=(const SlaAuditor& other);
    SlaAuditor& operator=(SlaAuditor&&) noexcept;
    ~SlaAuditor();

  private:
    explicit SlaAuditor(std::unique_ptr<AuditorState> state);
    std::unique_ptr<AuditorState> m_state; // audit/auditor_state.hpp
};

// What the query's result says of itself: the table's columns it was compiled for (make the
// auditor with them) and the as-of it was compiled with.
struct WarehouseMeta {
    std::vector<std::string> header;
    std::optional<std::int64_t> as_of;
};
std::optional<WarehouseMeta> read_warehouse_meta(const std::vector<std::vector<std::string>>& table,
                                                 std::string& error);

// The columns a table holding the export has, when nothing says otherwise: each declared
// field's column as the export is read (`--columns`, the preset, `column`, the name), and the
// --by columns.
std::vector<std::string> audit_columns(const LeadDefinitions& defs, const AuditSettings& settings);

// The zone the export's times without one are read in: --zone, else the SLA calendar's, else UTC.
std::string naive_time_zone(const ServiceLevelAgreement& sla, const std::optional<std::string>& zone);

// --as-of as written: ISO 8601, and without a zone a time on the wall clock of `zone`, as the
// export's naive times are. nullopt, with `error`, for anything else.
std::optional<std::int64_t> read_as_of(std::string_view text, const std::string& zone, std::string& error);

// --from / --until as written: a date (its midnight) or a time, as a wall-clock reading in
// `zone` (targets' periods are that zone's). nullopt, with `error`, for anything else.
std::optional<std::int64_t> read_period_bound(std::string_view text, const std::string& zone, std::string& error);

// The breakdowns --by lists, comma-separated (owner, source, month, or a column of the export
// or the lookup table), in the order given without repeats; nullopt, with `error`, for an
// empty item.
std::optional<std::vector<std::string>> read_breakdowns(std::string_view list, std::string& error);

} // namespace alignkit
