#pragma once
// The auditor's state, private to the audit: the columns and time slots it reads, the terms
// by slot, the groups counted per owner, source and month, the caches that keep the row loop
// fast. sla_audit.hpp is the contract; this is how it is kept.

#include "alignkit/audit/activity_times.hpp"
#include "alignkit/audit/audit_sql.hpp"
#include "alignkit/audit/lookup_table.hpp"
#include "alignkit/audit/sla_audit.hpp"
#include "alignkit/audit/working_clock.hpp"
#include "alignkit/exports/row_criterion.hpp"
#include "alignkit/exports/time_format.hpp"
#include "alignkit/model/enums.hpp"
#include "alignkit/util/time_zone.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alignkit {

class ColumnFinder;

// The SLA's own terms, in the order of the auditor's term slots; the lead definitions' stage
// clocks take the slots after them.
enum class SlaTerm { handoff, first_touch, attempts, reason };
template <> struct EnumNames<SlaTerm> {
    static constexpr std::array<std::string_view, 4> names{"handoff", "first_touch", "attempts", "reason"};
};
constexpr std::size_t slot_of(SlaTerm term) { return static_cast<std::size_t>(term); }

// A lead's standing in one term.
enum class Status { not_eligible, met, breached, pending };

struct AuditorState {
    // The steps of SlaAuditor::make, in order; each returns false with `error` when the audit
    // cannot run.
    bool read_terms(const ServiceLevelAgreement& sla, const AuditSettings& settings, std::string& error);
    void read_fields(const LeadDefinitions& defs, ColumnFinder& columns);
    void plan_stages(const ServiceLevelAgreement& sla, const LeadDefinitions& defs, ColumnFinder& columns);
    void find_term_columns(const ServiceLevelAgreement& sla, const LeadDefinitions& defs, ColumnFinder& columns);
    void plan_funnel(const LeadDefinitions& defs, const AuditSettings& settings);
    void plan_targets(const ServiceLevelAgreement& sla);
    void plan_stage_clocks(const LeadDefinitions& defs, ColumnFinder& columns);
    bool size_groups(ColumnFinder& columns, std::string& error);
    void check_column_option(const LeadDefinitions& defs, const std::vector<std::string>& header,
                             const ExportReading& reading);
    // A limit of the SLA in seconds (working seconds under a calendar), and in words.
    std::int64_t limit_seconds(const Duration& limit) const;
    std::string limit_words(const Duration& limit) const;

    void add(std::span<const std::string_view> fields, std::size_t line);
    void merge(AuditorState&& other, std::size_t line_offset);
    AuditResult finish();

    // The audit as SQL, and its counts read back from what the query returned (audit_sql.cpp,
    // warehouse_result.cpp).
    std::optional<std::string> not_in_sql() const; // why this audit cannot run as SQL
    std::string to_sql(SqlDialect dialect, std::string_view table, bool list_breaches) const;
    std::string to_sql(SqlDialect dialect, std::string_view table, const std::string& fingerprint,
                       bool list_breaches) const;
    std::string query_fingerprint() const;
    std::vector<std::string> m_header; // the table's columns, as the query names them
    bool load(const std::vector<std::vector<std::string>>& rows, std::string& error);
    // Latencies as an engine found them, by list ("<term>", "funnel:<pair>", "funnel:cycle"),
    // breakdown ("", owner, source, month) and group; finish() takes them instead of ranking.
    bool m_given = false;
    bool m_breaches_listed = false; // the result lists the breaches too
    std::map<std::string, Latency> m_given_latencies;
    static std::string latency_key(std::string_view list, std::string_view breakdown, std::string_view group);
    std::optional<Latency> group_latency(std::string_view list, std::string_view breakdown, std::string_view group,
                                         const std::vector<std::int32_t>& values) const;

    std::function<void(const Breach&)> m_on_breach;
    using Column = std::optional<std::size_t>;
    struct Columns {
        Column lead_id, owner, source, assigned, first_touch, attempts, reason;
    } m_col;
    // The lead definitions' fields the export has, as criteria read them.
    std::vector<CellReading> m_readings;
    // Every lifecycle stage and exit as the export shows it (lead_definitions.hpp: `reached`,
    // `at`): lifecycle stages in order, then exits.
    struct StageSource {
        std::string id, date_field;
        bool exit = false, loss = false; // loss: an exit with no way back
        std::optional<std::size_t> date; // the dating field's time slot
        bool by_date = false, by_later = false, by_all = false;
        std::optional<RowCriterion> entry;
        std::shared_ptr<const criteria::Expr> entry_expr; // the same as written, for SQL
        bool visible = false;                             // the export can show a lead reached it
    };
    std::vector<StageSource> m_stages;
    // What read_stages needs of each, packed: it runs for every row.
    struct StageStep {
        std::size_t stage = 0;
        std::int64_t date = -1; // time slot, -1 for none
        bool by_all = false, by_date = false, by_later = false, by_entry = false, lifecycle = false;
    };
    std::vector<StageStep> m_steps;
    struct StagePlan {
        std::string id, date_field;
        const Criteria* entry = nullptr; // none: an exit without entry criteria
        const std::vector<Located<Evidence>>* reached = nullptr;
        bool exit = false, loss = false;
    };
    void plan_stage(const StagePlan& plan, ColumnFinder& columns);
    void plan_entry(const Criteria& entry, StageSource& source, StageReading& reading);
    void warn_shared_dates();
    std::size_t m_lifecycle = 0;               // the first m_lifecycle of m_stages are lifecycle stages
    std::vector<std::size_t> m_visible;        // the visible lifecycle stages, in order
    std::vector<char> m_reached;               // this row's, by stage
    std::vector<std::int64_t> m_stage_time;    // this row's, by stage: k_unset when not reached or undated
    std::vector<std::int64_t> m_reached_count; // by stage, with m_undated_count: for the stages table
    bool m_count_stages = true;                // the stages table is counted (not for the canonical JSON)
    std::vector<std::int64_t> m_undated_count;
    std::optional<std::size_t> m_entered, m_converted, m_disqualified; // into m_stages
    std::optional<std::size_t> stage_index(const std::string& id) const;
    // Why the export cannot show a stage (or the SLA names none), for "not audited" lines.
    std::optional<std::string> unseen(const std::optional<std::size_t>& stage, const std::string& id) const;
    void read_stages(std::span<const std::string_view> fields);
    std::optional<std::int64_t> stage_time(const std::optional<std::size_t>& stage) const
    {
        return stage && m_stage_time[*stage] != k_unset ? std::optional<std::int64_t>(m_stage_time[*stage])
                                                        : std::nullopt;
    }
    bool reached(const std::optional<std::size_t>& stage) const { return stage && m_reached[*stage] != 0; }
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
        std::int64_t limit = 0;               // seconds, working seconds under a calendar
        std::size_t start = 0;                // stage
        std::optional<std::size_t> exit_slot; // the time slot of its exit criterion's field
        std::vector<std::size_t> leave;       // stages; the earliest counts
    };
    // Follow-up rules on attempt times: a term each, after the SLA's own.
    std::vector<std::size_t> m_attempt_slots;
    std::int64_t m_window = 0, m_spacing = 0; // seconds, working seconds under a calendar
    std::optional<std::size_t> m_window_term, m_spacing_term;
    std::vector<std::int64_t> m_attempt_buffer;        // this row's attempt times, sorted
    std::shared_ptr<const ActivityTimes> m_activities; // --activities: attempt times by lead id
    std::vector<StageClock> m_stage_clocks;
    bool m_by_source_latency = false, m_by_month_latency = false, m_handoff_latency = true;
    std::size_t m_width = 0;
    AuditResult m_result;
    std::optional<TimeFormat> m_format;
    std::optional<TimeZone> m_zone;      // naive times and months; none for UTC
    std::optional<WorkingClock> m_clock; // none without a calendar
    std::optional<Calendar> m_calendar;  // its calendar, for SQL
    void check_stage_order(std::size_t line);
    // The columns looked for and not found, each once, for the error when nothing can be audited.
    std::vector<std::string> m_missing;
    void note_missing(std::string column)
    {
        if (std::find(m_missing.begin(), m_missing.end(), column) == m_missing.end()) {
            m_missing.push_back(std::move(column));
        }
    }
    // Rare, and kept out of the loops that find them so those stay small.
    [[gnu::cold, gnu::noinline]] void out_of_order(std::size_t stage, std::size_t before, std::size_t line);
    // A clock whose end comes more than this before its start (seconds): clocks of machines a
    // few minutes apart are tolerated, a lead assigned days before it was qualified is not.
    static constexpr std::int64_t k_negative_tolerance = 3600;
    [[gnu::cold, gnu::noinline]] void done_before_start(std::size_t term, std::size_t line);

    void judge_targets();
    void bad(const std::string& kind, std::size_t line);
    // Per row, an owner, a source and months are looked up once; their counts live in vectors.
    struct Group {
        std::vector<TermCounts> terms; // by term
        AuditResult::Conversion conversion;
        std::vector<AuditResult::Conversion> targets;        // by target: its conversion, for conversion targets
        std::vector<std::vector<std::int32_t>> latencies;    // by term; clock terms only
        FunnelCounts funnel;                                 // sized when first counted
        std::vector<std::vector<std::int32_t>> funnel_times; // by funnel pair, then the sales cycle
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
        Group* find(std::string_view key); // nullptr when there is none
        // A key's hash and its first eight bytes (zeros after a shorter key): a key of eight
        // bytes or fewer, most owner and source names, is compared in the slot alone.
        struct KeyWords {
            std::uint64_t hash = 0, head = 0;
        };

      private:
        struct Slot {
            KeyWords words;
            std::size_t size = 0;
            std::size_t index = 0; // into groups, plus one; 0 is an empty slot
        };
        std::vector<Slot> m_table;
        void grow();
        // The key's slot, or the empty one it would take.
        Slot& probe(std::string_view key, const KeyWords& words);
    };
    // One row as it is audited: its fields, the line it starts on, its owner's and source's groups.
    struct Row {
        std::span<const std::string_view> fields;
        std::size_t line = 0;
        Group& owner;
        Group& source;
        static std::string_view cell_of(std::span<const std::string_view> fields, const Column& c)
        {
            return c && *c < fields.size() ? fields[*c] : std::string_view{};
        }
        std::string_view cell(const Column& c) const { return cell_of(fields, c); }
    };
    // An owner's or source's name as groups hold it: at most k_max_group_name bytes, so one
    // enormous cell cannot make an enormous report; a longer one is cut and its row counted.
    static constexpr std::size_t k_max_group_name = 256;
    std::string_view group_name(std::string_view cell, const char* field, std::size_t line);
    // The group of a cell: one already named so is found without cleaning the cell again.
    Group& group_of(Groups& groups, std::string_view cell, const char* field, std::size_t line);
    std::string m_name_buffer; // a name group_name had to clean, until its next call
    // The owner's and source's placeholders ("Select"): such a lead has none.
    CellReading m_owner_reading, m_source_reading; // their placeholders and case
    static std::string_view placeholder_free(std::string_view cell, const CellReading& field);
    // The steps of add(), in order.
    void read_times(std::span<const std::string_view> fields, std::size_t line);
    std::int64_t read_attempts(std::string_view text, std::size_t line); // 0 when empty or unreadable
    void count_clock(Row& row, std::size_t term, std::int64_t start, std::size_t month,
                     std::optional<std::int64_t> done, std::int64_t limit, bool keep_latency);
    void count_stage_clocks(Row& row);
    void count_disqualified(Row& row, std::optional<std::int64_t> disqualified);
    void count_attempt_times(Row& row, std::optional<std::int64_t> disqualified, std::size_t month);
    void tally(Row& row, std::size_t term, Group* month, Status status);
    // --by columns besides owner, source and month: a group each, from the export or a lookup.
    struct Breakdown {
        std::string name;
        Column column;                           // the export's column, or the lookup's join field
        std::optional<std::size_t> lookup_value; // the lookup row's value grouped by
        CellReading missing;                     // the field's placeholders and case
        Groups groups;
    };
    std::vector<Breakdown> m_breakdowns;
    std::shared_ptr<const LookupTable> m_lookup;
    std::vector<Group*> m_row_groups; // this row's, by breakdown
    std::vector<FunnelCounts*> m_funnel_counts;
    std::vector<std::int64_t> m_row_reached; // this row's, by visible stage: 1 or 0
    static constexpr const char* k_not_in_lookup = "(not in lookup)";
    bool plan_breakdowns(const LeadDefinitions& defs, ColumnFinder& columns, const AuditSettings& settings,
                         std::string& error);
    void find_row_groups(std::span<const std::string_view> fields, std::size_t line);
    [[gnu::cold, gnu::noinline]] void not_in_lookup(std::size_t line);
    void report_breach(const Row& row, const std::string& term, std::optional<std::int64_t> due, std::string actual);
    std::int64_t deadline(std::int64_t start, std::int64_t limit); // a clock's, in UTC seconds
    // The funnel: its stages are m_visible; these are the cycle's and the won stage's.
    bool m_funnel = false;
    std::optional<std::size_t> m_cycle_from, m_cycle_start, m_won; // into m_visible
    FunnelCounts m_funnel_overall;
    Quantiles m_quantiles = Quantiles::nearest;
    std::map<std::string, double> m_costs;
    void count_funnel(Group& owner, Group& source, std::optional<std::int64_t> assigned);
    void tally_targets(Group& source);
    bool m_losses_visible = false; // an exit with no way back can be seen
    void finish_funnel();
    Groups m_owners, m_sources, m_months;
    std::vector<TermCounts> m_overall;
    std::size_t month_of(std::int64_t t); // the month's group in m_months
    // The months' groups by their number (period_index less the first year's), plus one (0 for
    // none yet): an export out of time order finds its months without making their names again.
    std::vector<std::size_t> m_month_groups;
    // Every column of times the audit reads, each read once per row into m_times.
    struct TimeColumn {
        std::size_t column = 0;
        std::string field;
        std::optional<TimeZone> zone; // the field's own, for its times without a zone
    };
    std::map<std::string, std::string> m_field_zones; // field -> zone, from the lead definitions
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
        Slot assigned, first_touch;
    } m_slot;
    std::optional<std::int64_t> read_time(TimeColumn& column, std::span<const std::string_view> fields,
                                          std::size_t line);

    // Entries by period_index, in one block from the first period counted to the last: periods
    // have consecutive numbers and an export's entries fall in a few hundred of them, so a count
    // is an index, not a search.
    class PeriodCounts {
      public:
        void add(std::int64_t index, std::int64_t n = 1)
        {
            if (m_counts.empty()) {
                m_first = index;
            } else if (index < m_first) {
                m_counts.insert(m_counts.begin(), static_cast<std::size_t>(m_first - index), 0);
                m_first = index;
            }
            const auto at = static_cast<std::size_t>(index - m_first);
            if (at >= m_counts.size()) {
                m_counts.resize(at + 1);
            }
            m_counts[at] += n;
        }
        void add(const PeriodCounts& other)
        {
            for (std::size_t i = 0; i < other.m_counts.size(); ++i) {
                if (other.m_counts[i] != 0) {
                    add(other.m_first + static_cast<std::int64_t>(i), other.m_counts[i]);
                }
            }
        }
        [[nodiscard]] std::int64_t at(std::int64_t index) const
        {
            const auto i = index - m_first;
            return i >= 0 && static_cast<std::size_t>(i) < m_counts.size() ? m_counts[static_cast<std::size_t>(i)] : 0;
        }
        [[nodiscard]] bool empty() const { return m_counts.empty(); }

      private:
        std::int64_t m_first = 0;
        std::vector<std::int64_t> m_counts;
    };

    // Targets: their stage columns, and tallies by period.
    struct TargetTally {
        std::optional<std::size_t> stage, from, to; // into m_stages
        PeriodCounts by_period;
        std::int64_t first = std::numeric_limits<std::int64_t>::max(); // local times of the
        std::int64_t last = std::numeric_limits<std::int64_t>::min();  // first and last entry
        std::int64_t from_count = 0, to_count = 0;
        std::int64_t undated = 0;                            // volume: entries without a time, in no period
        std::optional<std::int64_t> from_bound, until_bound; // local: whole periods of --from / --until
        AuditResult::Conversion undated_cohort;              // conversion: leads that reached `from` undated
    };
    std::optional<std::int64_t> m_from, m_until; // local wall-clock bounds of the targets' periods
    std::vector<TargetTally> m_tallies;
    std::vector<std::size_t> m_tallied; // the tallies counted row by row
};

} // namespace alignkit
