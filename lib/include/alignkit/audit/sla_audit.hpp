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

#include "alignkit/audit/working_clock.hpp"
#include "alignkit/exports/export_reading.hpp"
#include "alignkit/exports/time_format.hpp"
#include "alignkit/model/lead_definitions.hpp"
#include "alignkit/model/sla.hpp"
#include "alignkit/util/time_zone.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
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

struct Latency {
    std::int64_t n = 0;
    std::optional<std::int64_t> median, p90; // nearest rank
};

struct TermResult {
    TermCounts overall;
    std::map<std::string, TermCounts> by_owner, by_source;
    std::map<std::string, TermCounts> by_month; // the month the term's clock started (or the disqualification)
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
};
constexpr std::size_t k_bad_lines_kept = 5;

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
    std::vector<PeriodCount> periods;
    // conversion: of the leads that entered `from`, those that also entered `to`.
    std::string from, to;
    double min_percent = 0;
    std::int64_t entered_from = 0, entered_to = 0;
    bool missed = false;
};

// Both teams' funnel from the same records: the lifecycle stages whose `<stage>_at` column the
// export has, in lifecycle order.
struct FunnelCounts {
    std::vector<std::int64_t> reached;   // by stage: leads with its time
    std::vector<std::int64_t> converted; // by consecutive pair: of those with the first, those with both
    std::int64_t won = 0, lost = 0;      // of the leads in the sales cycle: reached the last stage, or disqualified
};

struct Funnel {
    std::vector<std::string> stages;
    FunnelCounts overall;
    std::map<std::string, FunnelCounts> by_owner, by_source;
    std::vector<Latency> time_in_stage; // by pair: seconds from one stage's time to the next's
    // The sales cycle: from the first stage sales owns to the last stage, when the export has both.
    std::string cycle_from, cycle_to;
    std::optional<Latency> sales_cycle;
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
    std::map<std::string, std::int64_t> entries_by_month; // hand-off stage entries per YYYY-MM
    struct Conversion {
        std::int64_t from = 0, to = 0;
    };
    std::map<std::string, Conversion> conversion_by_source; // hand-off stage -> conversion target stage
    std::map<std::string, BadRows> bad_rows;                // by kind: "ragged", "unreadable <field>", "<b> before <a>"
    std::vector<TargetResult> targets;
    std::optional<Funnel> funnel;
    std::vector<CampaignCost> costs; // by source, when costs were given
    std::string handoff_stage, conversion_stage;
    std::string time_zone = "UTC";              // naive export times were read in it; months are its months
    std::string as_of_local;                    // as_of on the wall clocks of time_zone, "YYYY-MM-DD HH:MM:SS"
    bool working_hours = false;                 // clocks counted the SLA calendar's working time only
    std::vector<std::string> by;                // the breakdowns asked for: owner, source, month
    std::map<std::string, std::string> columns; // field -> the export's header it was read from
};

// What to audit and how to read the export.
struct AuditSettings {
    ExportReading reading;
    std::int64_t as_of = 0;
    // Breakdowns of every term: owner, source, month (the monthly trend is always counted).
    // Latencies are kept for each, 4 bytes per lead and clock term per breakdown.
    std::vector<std::string> by{"owner", "source"};
    bool stage_clocks = true;            // the lead definitions' stage clocks as terms
    bool handoff_latency = true;         // false when the report shows only first-touch latency
    bool funnel = true;                  // false when the report has no funnel
    std::map<std::string, double> costs; // campaign costs by source (read_campaign_costs)
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
    // Finds the columns of the fields the audit reads (by `settings.reading`: its columns, the preset, the
    // field's `column`, or its name). A term whose columns are missing is not audited (said in
    // the result); nullopt with `error` when no term can be, or the SLA's zone is unknown.
    static std::optional<SlaAuditor> make(const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                          const std::vector<std::string>& header, const AuditSettings& settings,
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
    using Column = std::optional<std::size_t>;
    struct Columns {
        Column lead_id, owner, source, entered, assigned, first_touch, attempts, converted, disqualified, reason;
    } m_col;
    // The lifecycle stages' `<stage>_at` columns found, in lifecycle order, for order checks.
    struct StageColumn {
        std::string field; // <stage>_at
        std::size_t slot = 0;
    };
    std::vector<StageColumn> m_stage_cols;
    // Terms by index: handoff, first_touch, attempts, reason, then the stage clocks.
    std::vector<std::string> m_terms;
    std::vector<char> m_audited;                     // not vector<bool>: read for every row
    std::int64_t m_handoff = 0, m_first_contact = 0; // seconds, working seconds under a calendar
    std::int64_t m_min_attempts = 0;
    bool m_reason_required = true;
    std::vector<std::string> m_limits; // in words, for reports
    // A lifecycle stage's clock: from entering the stage to leaving it, by its exit criterion's
    // time when that is `<field> is set`, else the first later stage or the disqualification.
    struct StageClock {
        std::size_t term = 0;
        std::int64_t limit = 0;         // seconds, working seconds under a calendar
        std::size_t start = 0;          // slot
        std::vector<std::size_t> leave; // slots; the earliest counts
    };
    std::vector<StageClock> m_stage_clocks;
    bool m_by_source_latency = false, m_by_month_latency = false, m_handoff_latency = true;
    std::size_t m_width = 0;
    AuditResult m_result;
    std::optional<TimeFormat> m_format;
    std::optional<TimeZone> m_zone;      // naive times and months; none for UTC
    std::optional<WorkingClock> m_clock; // none without a calendar
    void check_stage_order(std::size_t line);
    // Rare, and kept out of the loops that find them so those stay small.
    [[gnu::cold, gnu::noinline]] void out_of_order(std::size_t stage, std::size_t before, std::size_t line);

    void tally_targets();
    void judge_targets();
    void bad(const std::string& kind, std::size_t line);
    // Per row, an owner, a source and months are looked up once; their counts live in vectors.
    struct Group {
        std::vector<TermCounts> terms; // by term
        AuditResult::Conversion conversion;
        std::vector<std::vector<std::int32_t>> latencies;    // by term; clock terms only
        FunnelCounts funnel;                                 // sized when first counted
        std::int64_t leads = 0, assigned = 0, customers = 0; // for campaign costs
    };
    // Groups by name, looked up by the field's text as it is, without making a string of it
    // each row: an open-addressing table of (hash, index) probed linearly, names kept once.
    struct Groups {
        Group blank; // what a new group starts as: a place for every term
        std::vector<Group> groups;
        std::vector<std::string> names;
        std::size_t index_of(std::string_view key); // added when new
        Group& operator[](std::string_view key) { return groups[index_of(key)]; }

      private:
        struct Slot {
            std::uint64_t hash = 0;
            std::size_t index = 0; // into groups, plus one; 0 is an empty slot
        };
        std::vector<Slot> m_table;
        void grow();
    };
    // The funnel: the stages' slots are m_stage_cols'; these are the cycle's and the won stage's.
    bool m_funnel = false;
    std::optional<std::size_t> m_cycle_from, m_won; // into m_stage_cols
    FunnelCounts m_funnel_overall;
    std::vector<std::vector<std::int32_t>> m_time_in_stage; // by pair
    std::vector<std::int32_t> m_sales_cycle;
    std::map<std::string, double> m_costs;
    void count_funnel(Group& owner, Group& source, std::optional<std::int64_t> assigned,
                      std::optional<std::int64_t> disqualified);
    void finish_funnel();
    Groups m_owners, m_sources, m_months;
    std::vector<TermCounts> m_overall;
    // The months last looked up: [begin, end) in local seconds, and their groups. Exports run
    // roughly in time order and a lead's clocks mostly start in one or two months, so one of
    // these is nearly always the month asked for.
    struct MonthRange {
        std::int64_t begin = 0, end = 0;
        std::size_t group = 0;
    };
    std::array<MonthRange, 4> m_recent_months{};
    std::size_t m_next_recent = 0;
    std::size_t month_of(std::int64_t t); // the month's group in m_months
    // Every column of times the audit reads, each read once per row into m_times.
    struct TimeColumn {
        std::size_t column = 0;
        std::string field;
    };
    std::vector<TimeColumn> m_time_columns;
    [[gnu::cold, gnu::noinline]] void unreadable(const TimeColumn& column, std::size_t line);
    // This row's times by slot, k_unset for none: plain numbers, as optionals copied through
    // memory for every row cost more than the rest of the row's work.
    static constexpr std::int64_t k_unset = std::numeric_limits<std::int64_t>::min();
    std::vector<std::int64_t> m_times;
    using Slot = std::optional<std::size_t>; // into m_times; none when the column is missing
    Slot slot(const Column& column, const std::string& field);
    std::optional<std::int64_t> at(std::size_t slot) const
    {
        const auto t = m_times[slot];
        return t == k_unset ? std::nullopt : std::optional<std::int64_t>(t);
    }
    std::optional<std::int64_t> time(const Slot& s) const { return s ? at(*s) : std::nullopt; }
    struct Slots {
        Slot entered, assigned, first_touch, converted, disqualified;
    } m_slot;
    std::optional<std::int64_t> read_time(const TimeColumn& column, std::span<const std::string_view> fields,
                                          std::size_t line);

    // Targets: their stage columns, and tallies by period key.
    struct TargetTally {
        Slot stage, from, to;
        bool derived = false; // counted from the by-source conversions, not per row
        // The period of the last entry and its count in by_period, for the next entry: nearly
        // always the same. A copy starts empty, as the count it points at is in another map.
        struct PeriodCache {
            std::int64_t begin = 0, end = 0;
            std::int64_t* count = nullptr;
            PeriodCache() = default;
            PeriodCache(const PeriodCache&) {}
            PeriodCache(PeriodCache&&) = default;
            PeriodCache& operator=(const PeriodCache&)
            {
                *this = PeriodCache{};
                return *this;
            }
            PeriodCache& operator=(PeriodCache&&) = default;
            ~PeriodCache() = default;
        } period;
        std::map<std::string, std::int64_t> by_period;
        std::int64_t first = std::numeric_limits<std::int64_t>::max(); // local times of the
        std::int64_t last = std::numeric_limits<std::int64_t>::min();  // first and last entry
        std::int64_t from_count = 0, to_count = 0;
    };
    std::vector<TargetTally> m_tallies;
    std::vector<std::size_t> m_tallied; // the tallies counted row by row
    std::int64_t m_latest = k_unset;    // the latest time in the export, for volume targets
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

// --as-of as written: ISO 8601, and without a zone a time on the wall clock of the SLA's
// calendar, as the export's naive times are. nullopt, with `error`, for anything else.
std::optional<std::int64_t> read_as_of(std::string_view text, const ServiceLevelAgreement& sla, std::string& error);

// Why a scheduled run fails, one sentence each: a term's compliance under `fail_under`, a
// missed target, and with `strict` a row not read fully or a term not audited. Empty: it passes.
std::vector<std::string> audit_failures(const AuditResult& result, std::optional<double> fail_under, bool strict);

// The reference's canonical JSON (keys sorted, compact), as ../shared/bench/REFERENCE.md
// defines it, ending in a newline.
std::string audit_canonical_json(const AuditResult& result);

} // namespace alignkit
