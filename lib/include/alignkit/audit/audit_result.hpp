#pragma once
// What `alignkit sla audit` found: counts per term and group, latencies, targets, the funnel,
// the rows it could not read, and the verdict a scheduled run acts on. Presentation-free:
// audit_report.hpp lays it out.

#include "alignkit/model/enums.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace alignkit {

struct TermCounts {
    std::int64_t eligible = 0, met = 0, breached = 0, pending = 0;
};

// How percentiles are found (latency_rank.hpp): nearest rank, always one of the values, or
// linear interpolation between the two around the rank, as pandas and DuckDB's quantile_cont do.
enum class Quantiles { nearest, linear };
template <> struct EnumNames<Quantiles> {
    static constexpr std::array<std::string_view, 2> names{"nearest", "linear"};
};

struct Latency {
    std::int64_t n = 0;
    std::optional<double> median, p90; // seconds; whole with nearest rank
};

struct TermResult {
    TermCounts overall;
    std::map<std::string, TermCounts> by_owner, by_source;
    std::map<std::string, TermCounts> by_month; // the month the term's clock started (or the disqualification)
    std::map<std::string, std::map<std::string, TermCounts>> by_column; // --by column -> group -> counts
    // The clock terms (handoff, first_touch): seconds from start to done, working seconds
    // under a calendar; negative when done came first.
    std::optional<Latency> latency;
    std::map<std::string, Latency> latency_by_owner, latency_by_source, latency_by_month;
    std::string limit; // the SLA's limit in words: "1 hour", "3 attempts", "a reason"
};

// Rows of one kind of problem: how many, and where the first few are.
struct BadRows {
    std::int64_t count = 0;
    std::vector<std::int64_t> first_lines; // at most k_bad_lines_kept, in input order
    // From a warehouse's table, which has no lines: the smallest lead id among them, to find
    // them by ("" without a lead id).
    std::string example_lead;
};
constexpr std::size_t k_bad_lines_kept = 5;

// Of the leads that reached one stage, those that also reached another.
struct ConversionCount {
    std::int64_t from = 0, to = 0;
};

// A target of the SLA against the records.
struct TargetResult {
    std::string id, title;
    std::optional<std::string> not_measured; // why, when the export cannot show it
    // volume: entries to `stage` per period; a period is judged once it is over at as_of.
    std::string stage;
    Period per = Period::month;
    double min = 0;
    struct PeriodCount {
        std::string period; // 2026-07, 2026-Q3, 2026, 2026-W27
        std::int64_t count = 0;
        bool complete = false; // over at as-of, so judged
        bool missed = false;   // complete and under the target
    };
    std::vector<PeriodCount> periods; // from the first entry's period to the last's, or --from/--until
    std::int64_t undated = 0;         // entries the export gives no time, so in no period
    // conversion: of the leads that entered `from`, those that also entered `to`.
    std::string from, to;
    double min_percent = 0;
    std::int64_t entered_from = 0, entered_to = 0;
    std::map<std::string, ConversionCount> by_source;
    std::map<std::string, ConversionCount> by_cohort; // the month the lead reached `from`; "" when undated
    bool missed = false;
};

// How the audit saw one lifecycle stage or exit in this export.
struct StageReading {
    std::string id;
    bool exit = false;
    std::vector<std::string> reached_by; // in words: "'Won Date' is set", "deal_stage = \"Won\"", ...
    std::string dated_by;                // the header its time is read from; "" when none
    std::int64_t reached = 0, undated = 0;
    bool visible = false; // false: the export cannot show it (and why is in reached_by)
};

// Both teams' funnel from the same records: the lifecycle stages the export can show, in
// lifecycle order.
struct FunnelCounts {
    std::vector<std::int64_t> reached; // by stage: leads that reached it
    std::vector<std::int64_t>
        converted;                  // by consecutive pair: of those that reached the first, those that reached both
    std::int64_t won = 0, lost = 0; // of the leads in the sales cycle: reached the last stage, or took an exit
                                    // with no way back
};

// A group's times in the funnel: by consecutive pair of stages, and the sales cycle.
struct GroupTimes {
    std::vector<Latency> time_in_stage;
    std::optional<Latency> sales_cycle;
};

struct Funnel {
    std::vector<std::string> stages;
    FunnelCounts overall;
    std::map<std::string, FunnelCounts> by_owner, by_source;
    std::map<std::string, std::map<std::string, FunnelCounts>> by_column; // --by column -> group -> counts
    std::vector<Latency> time_in_stage; // by pair: seconds from one stage's time to the next's
    std::map<std::string, GroupTimes> times_by_owner, times_by_source; // by source with --by source
    std::string decided_from; // the win rate is of the leads that reached it: the first stage sales owns
    // The sales cycle: from the first stage sales owns that the export dates to the last stage.
    std::string cycle_from, cycle_to;
    std::optional<Latency> sales_cycle;
    bool won_visible = false;    // the last lifecycle stage is one of `stages`
    bool losses_visible = false; // an exit with no way back can be seen; the win rate needs one
};

// A campaign's cost (--costs) against the leads its source brought.
struct CampaignCost {
    std::string source;
    double cost = 0;
    std::int64_t leads = 0, assigned = 0, customers = 0;
};

struct AuditResult {
    std::int64_t as_of = 0;
    std::int64_t rows = 0;
    std::map<std::string, TermResult> terms;              // handoff, first_touch, attempts, reason, <stage>_clock
    std::vector<std::string> term_order;                  // the audited terms in the order the SLA gives them
    std::map<std::string, std::string> not_audited;       // term -> why (a column the export lacks)
    std::set<std::string> not_stated;                     // of those, the terms the SLA does not state
    std::map<std::string, std::int64_t> entries_by_month; // hand-off stage entries per YYYY-MM
    using Conversion = ConversionCount;
    std::map<std::string, Conversion> conversion_by_source; // hand-off stage -> conversion target stage
    std::map<std::string, BadRows> bad_rows;                // by kind: "ragged", "unreadable <field>", "<b> before <a>"
    std::vector<TargetResult> targets;
    std::optional<Funnel> funnel;
    std::vector<CampaignCost> costs; // by source, when costs were given
    std::string handoff_stage, conversion_stage;
    std::string time_zone = "UTC";                  // naive export times were read in it; months are its months
    std::map<std::string, std::string> field_zones; // field -> the zone its naive times were read in, when its own
    std::string as_of_local;                        // as_of on the wall clocks of time_zone, "YYYY-MM-DD HH:MM:SS"
    bool working_hours = false;                     // clocks counted the SLA calendar's working time only
    std::string calendar_zone;                      // the calendar's zone, whose working hours they are
    std::vector<std::string> by;                    // the breakdowns asked for: owner, source, month
    std::map<std::string, std::string> columns;     // field -> the export's header it was read from
    std::vector<StageReading> stages;               // lifecycle stages in order, then exits
    std::vector<std::string> warnings;              // readings that may mislead, one sentence each
    std::string periods_from, periods_until;        // --from / --until as given, "" without
    Quantiles quantiles = Quantiles::nearest;
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

// The --breaches file: its header line, and one breach as a line of it (cells safe to open in
// a spreadsheet), each ending in a newline.
std::string breach_csv_header();
std::string breach_csv_line(const Breach& breach);

// A term's compliance in percent: met out of met and breached (pending leads are not yet
// decided); nullopt when none is decided.
std::optional<double> compliance_percent(const TermCounts& counts);

struct TermUnderBar {
    std::string term;
    double percent = 0;
};
// The terms whose overall compliance is under `bar` percent, for --fail-under.
std::vector<TermUnderBar> terms_under(const AuditResult& result, double bar);

// Why a scheduled run fails, one sentence each: a term's compliance under `fail_under`, a
// missed target, and with `strict` a row not read fully, a term not audited or a warning. Empty: it passes.
std::vector<std::string> audit_failures(const AuditResult& result, std::optional<double> fail_under, bool strict);

// The reference's canonical JSON (keys sorted, compact), as ../shared/bench/REFERENCE.md
// defines it, ending in a newline.
std::string audit_canonical_json(const AuditResult& result);

// What a person should know besides the report, one sentence each: readings that may mislead
// (two stages on one column), and the rows with problems (how many, the first lines). Nothing
// read is dropped silently; the terms not audited are said in the report.
std::vector<std::string> audit_notices(const AuditResult& result);

} // namespace alignkit
