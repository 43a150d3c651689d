// The audit as one SQL query (audit_sql.hpp). The query has the row loop's shape
// (sla_audit.cpp): per row, the cells as text, the times, the stages reached, each term's
// standing; then one aggregate with a grouping set per breakdown (owner, source, each --by
// column, each term's months, the targets' periods), so the engine reads the table once; then
// the aggregate's rows turned into the long result table, which warehouse_result.cpp reads back.

#include "audit/auditor_state.hpp"
#include "audit/criteria_sql.hpp"
#include "audit/sql_dialect.hpp"

#include "alignkit/util/sha256.hpp"

#include <cctype>
#include <fmt/format.h>
#include <limits>
#include <set>

namespace alignkit {
namespace {

// The least of the values that are set, NULL when none is: LEAST of each value or the
// largest integer (engines differ on what LEAST makes of a NULL).
std::string least_set(const std::vector<std::string>& values)
{
    if (values.empty()) {
        return "NULL";
    }
    constexpr auto k_never = std::numeric_limits<std::int64_t>::max();
    std::vector<std::string> set;
    set.reserve(values.size());
    for (const auto& v : values) {
        set.push_back(fmt::format("COALESCE({}, {})", v, k_never));
    }
    return values.size() == 1 ? values.front() : fmt::format("NULLIF(LEAST({}), {})", fmt::join(set, ", "), k_never);
}

std::string any_of(const std::vector<std::string>& conditions, std::string_view none = "FALSE")
{
    return conditions.empty() ? std::string(none) : fmt::format("({})", fmt::join(conditions, " OR "));
}

// The names an expression mentions (its words of letters, digits and underscores).
std::set<std::string> words_of(std::string_view expr)
{
    std::set<std::string> words;
    std::string word;
    for (const char c : expr) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_') {
            word += c;
        } else if (!word.empty()) {
            words.insert(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.insert(std::move(word));
    }
    return words;
}

std::string all_of(const std::vector<std::string>& conditions)
{
    return conditions.empty() ? std::string("TRUE") : fmt::format("({})", fmt::join(conditions, " AND "));
}

// One select list at a time: named columns, each once.
struct SelectList {
    std::vector<std::string> items;
    std::vector<std::string> names; // the columns it adds
    void add(const std::string& expr, const std::string& name)
    {
        items.push_back(expr + " AS " + name);
        names.push_back(name);
    }
    std::string list(std::string_view indent = "    ") const
    {
        return fmt::format("{}{}", indent, fmt::join(items, fmt::format(",\n{}", indent)));
    }
};

// A row of the result table: its four values come from the aggregate, where `where` holds.
struct Emit {
    std::string section, item, breakdown, group, where;
    std::vector<std::string> values;
    bool from_whole = false; // read from the aggregate of the whole table (split_whole_table)
};

// A breach the result lists, for --breaches: a term whose status column says breached, and
// the values breach_from_result (warehouse_result.cpp) makes the breach of.
struct BreachRows {
    std::string term, status, v1, v2, v3, kind;
};

// A breakdown as the result names it, and its column in the aggregate.
struct Grouping {
    std::string name, column;
};

// The query, built step by step from the auditor's plan: each method adds the columns of one
// step (or the aggregate's, or the result rows) in the order the query reads them.
class AuditQuery {
  public:
    AuditQuery(const AuditorState& audit, SqlDialect dialect, bool list_breaches)
        : m_a(audit), m_sql(dialect), m_list_breaches(list_breaches), m_as_of(std::to_string(audit.m_result.as_of)),
          m_zone(audit.m_result.time_zone), m_work(audit.m_time_columns.size(), "NULL"),
          m_month_of_term(audit.m_terms.size()), m_timed_term(audit.m_terms.size(), false)
    {
    }

    std::string text(std::string_view table, const std::string& fingerprint)
    {
        read_cells();
        read_working_time();
        read_stages();
        judge_terms();
        find_bad_rows();
        count_conversion_funnel_and_targets();
        aggregate();
        emit_rows(fingerprint);
        list_breaches();
        return assemble(table);
    }

  private:
    const AuditorState& m_a;
    SqlSpelling m_sql;
    bool m_list_breaches;
    std::string m_as_of, m_zone;
    SelectList m_src, m_cells{{"src.*"}, {}}, m_local_times{{"cells.*"}, {}}, m_worked{{"local_times.*"}, {}},
        m_shown{{"worked.*"}, {}}, m_reach{{"shown.*"}, {}}, m_timed{{"reach.*"}, {}}, m_leads{{"timed.*"}, {}},
        m_leads2, m_agg, m_agg_whole;
    std::vector<SqlCell> m_criteria_cells;
    std::string m_attempts_ok;                              // the attempts cell reads as a count
    std::vector<std::string> m_work;                        // by time slot: its working seconds, under a calendar
    std::vector<std::string> m_sets, m_flags;               // grouping sets, and the column of each but ()
    std::vector<std::string> m_month_of_term;               // by term: the column of its months
    std::vector<bool> m_timed_term;                         // by term: it keeps latencies
    std::vector<std::pair<std::string, std::string>> m_bad; // kind, condition
    std::vector<Emit> m_emits;
    std::string m_overall; // the aggregate's row of the whole table
    std::vector<BreachRows> m_breaches;
    std::vector<std::string> m_breach_selects; // from leads2, after the aggregate's rows

    using Slot = AuditorState::Slot;
    using Stage = std::optional<std::size_t>;
    static std::string cell(std::size_t column) { return fmt::format("c{}", column); }
    std::string local(const std::string& epoch) const
    {
        return m_zone == "UTC" ? epoch : m_sql.local_seconds(epoch, m_zone);
    }
    std::string month(const std::string& epoch) const { return m_sql.month_number(local(epoch)); }
    static std::string stage_time(const Stage& s) { return s ? fmt::format("s{}", *s) : "NULL"; }
    static std::string stage_work(const Stage& s) { return s ? fmt::format("ws{}", *s) : "NULL"; }
    static std::string reached(const Stage& s) { return s ? fmt::format("r{}", *s) : "0"; }
    static std::string slot_time(const Slot& s) { return s ? fmt::format("t{}", *s) : "NULL"; }
    std::string slot_work(const Slot& s) const { return s ? m_work[*s] : "NULL"; }
    std::string sum(const std::string& condition) const
    {
        return fmt::format("COALESCE({}, 0)", m_sql.count_if(condition));
    }
    bool linear() const { return m_a.m_quantiles == Quantiles::linear; }
    void add_set(const std::string& column)
    {
        if (std::find(m_flags.begin(), m_flags.end(), column) == m_flags.end()) {
            m_sets.push_back("(" + column + ")");
            m_flags.push_back(column);
        }
    }
    // Whether a term is counted: audited, and with a month (clocks) or by disqualification.
    bool counted(std::size_t t) const
    {
        return m_a.m_audited[t] &&
               (!m_month_of_term[t].empty() || t == slot_of(SlaTerm::attempts) || t == slot_of(SlaTerm::reason));
    }

    void read_cells();
    void read_working_time();
    void read_stages();
    void judge_clock(std::size_t t, const std::string& start, const std::string& done, std::string wstart,
                     std::string wdone, std::int64_t limit, const std::string& skip, bool keep_latency);
    void judge_terms();
    void find_bad_rows();
    void count_conversion_funnel_and_targets();
    void aggregate();
    void aggregate_funnel_and_targets();
    void emit_rows(const std::string& fingerprint);
    void emit_funnel(const std::string& overall);
    void emit_targets(const std::string& overall);
    void list_breaches();
    void narrow_last_step();
    void split_whole_table();
    std::string assemble(std::string_view table);
    std::string worked_time(const std::string& time, const std::string& local, const std::string& day) const;
    std::string local_working_time(const std::string& time) const
    {
        const auto& zone = m_a.m_calendar->time_zone.value;
        return zone == "UTC" ? time : m_sql.local_seconds(time, zone);
    }
};

// Working seconds from 1970-01-01 (local) to a time (Unix seconds) under the SLA's calendar:
// whole weeks of working days, the working days of the week so far, less the holidays before
// it, and the working part of its own day. Arithmetic only, no table of days: its cost per time
// is a term per holiday. Like WorkingClock, which sums each day's hours as instants, except on
// a day whose working hours hold a change of clocks (which the two count an hour apart).
std::string AuditQuery::worked_time(const std::string& time, const std::string& local, const std::string& day) const
{
    const auto& cal = *m_a.m_calendar;
    const auto open = cal.hours.value.start.minutes * 60, close = cal.hours.value.end.minutes * 60;
    std::array<bool, 7> working{}; // Monday first
    for (const auto d : cal.days) {
        working[static_cast<std::size_t>(d)] = true;
    }
    // Day 0, 1970-01-01, was a Thursday: weekday 3. Working days among the first k days of a
    // week counted from a Thursday:
    std::array<int, 8> before{};
    for (std::size_t k = 0; k < 7; ++k) {
        before[k + 1] = before[k] + (working[(k + 3) % 7] ? 1 : 0);
    }
    std::vector<std::string> holidays; // on working days only: others change nothing
    for (const auto& h : cal.holidays) {
        const auto holiday = days_since_epoch(h.value);
        if (working[static_cast<std::size_t>(((holiday + 3) % 7 + 7) % 7)]) {
            holidays.push_back(std::to_string(holiday));
        }
    }
    const auto week = m_sql.integer(fmt::format("FLOOR({} / 7.0)", day));
    const auto in_week = fmt::format("({} - 7 * {})", day, week);
    std::vector<std::string> so_far, is_working;
    for (std::size_t k = 0; k < 7; ++k) {
        so_far.push_back(fmt::format("WHEN {} THEN {}", k, before[k]));
        is_working.push_back(fmt::format("WHEN {} THEN {}", k, working[(k + 3) % 7] ? 1 : 0));
    }
    std::vector<std::string> past_holidays{"0"};
    for (const auto& h : holidays) {
        past_holidays.push_back(fmt::format("CASE WHEN {} > {} THEN 1 ELSE 0 END", day, h));
    }
    const auto today_works = holidays.empty() ? fmt::format("CASE {} {} END = 1", in_week, fmt::join(is_working, " "))
                                              : fmt::format("CASE {} {} END = 1 AND {} NOT IN ({})", in_week,
                                                            fmt::join(is_working, " "), day, fmt::join(holidays, ", "));
    const auto length = close - open;
    return fmt::format("CASE WHEN {0} IS NOT NULL THEN {1} * ({2} * {3} + CASE {4} {5} END - ({6})) + CASE WHEN {7} "
                       "THEN LEAST(GREATEST({8} - {9} * 86400 - {10}, 0), {1}) ELSE 0 END END",
                       time, length, week, before[7], in_week, fmt::join(so_far, " "), fmt::join(past_holidays, " + "),
                       today_works, local, day, open);
}

// 1. The cells the audit reads, as text (empty is unset, as in a CSV export); then times,
// criteria's values, attempts and group names.
void AuditQuery::read_cells()
{
    const auto& a = m_a;
    std::vector<std::size_t> used;
    auto use = [&](const AuditorState::Column& c) {
        if (c && std::find(used.begin(), used.end(), *c) == used.end()) {
            used.push_back(*c);
        }
    };
    for (const auto& r : a.m_readings) {
        use(r.column);
    }
    for (const auto& t : a.m_time_columns) {
        use(t.column);
    }
    for (const auto& c : {a.m_col.lead_id, a.m_col.owner, a.m_col.source, a.m_col.assigned, a.m_col.first_touch,
                          a.m_col.attempts, a.m_col.reason}) {
        use(c);
    }
    for (const auto& b : a.m_breakdowns) {
        use(b.column);
    }
    std::sort(used.begin(), used.end());
    for (const auto c : used) {
        m_src.add(fmt::format("COALESCE({}, '')", m_sql.cast_text(m_sql.name(a.m_header[c]))), cell(c));
    }
    if (used.empty()) {
        m_src.add("''", "c_none");
    }
    for (std::size_t i = 0; i < a.m_time_columns.size(); ++i) {
        const auto& tc = a.m_time_columns[i];
        const auto zone = a.m_field_zones.contains(tc.field) ? a.m_field_zones.at(tc.field) : m_zone;
        const auto c = cell(tc.column);
        m_cells.add(fmt::format("CASE WHEN {} AND {} THEN {} END", m_sql.matches(c, k_sql_time), m_sql.leap_day_ok(c),
                                m_sql.epoch_of(c, zone)),
                    fmt::format("t{}", i));
    }
    for (std::size_t i = 0; i < a.m_readings.size(); ++i) {
        m_cells.add(sql_cell_value(a.m_readings[i], cell(a.m_readings[i].column), m_sql), fmt::format("v{}", i));
        m_criteria_cells.push_back({&a.m_readings[i], fmt::format("v{}", i)});
    }
    if (a.m_col.attempts) {
        const auto c = cell(*a.m_col.attempts);
        const auto count = m_sql.matches(c, "[0-9]{1,18}");
        m_attempts_ok = fmt::format("({} = '' OR {})", c, count);
        m_cells.add(fmt::format("CASE WHEN {} = '' OR NOT {} THEN 0 ELSE {} END", c, count, m_sql.integer(c)),
                    "attempts");
    }
    auto group_name = [&](const AuditorState::Column& column, const CellReading& reading) -> std::string {
        if (!column) {
            return "''";
        }
        auto c = cell(*column);
        if (reading.missing.empty()) {
            return c;
        }
        return fmt::format("CASE WHEN {} IS NULL THEN '' ELSE {} END", sql_cell_value(reading, c, m_sql), c);
    };
    m_cells.add(group_name(a.m_col.owner, a.m_owner_reading), "g_owner");
    m_cells.add(group_name(a.m_col.source, a.m_source_reading), "g_source");
    m_sets = {"()", "(g_owner)", "(g_source)"};
    m_flags = {"g_owner", "g_source"};
    for (std::size_t b = 0; b < a.m_breakdowns.size(); ++b) {
        m_cells.add(group_name(a.m_breakdowns[b].column, a.m_breakdowns[b].missing), fmt::format("g_by{}", b));
        add_set(fmt::format("g_by{}", b));
    }
}

// 2. Under a calendar, each time as working seconds since 1970 (worked_time): clocks are
// differences of them, as WorkingClock::elapsed sums each day's working hours.
void AuditQuery::read_working_time()
{
    if (!m_a.m_calendar) {
        return;
    }
    const auto n = m_a.m_time_columns.size();
    for (std::size_t i = 0; i < n; ++i) {
        m_local_times.add(local_working_time(fmt::format("t{}", i)), fmt::format("wl{}", i));
    }
    for (std::size_t i = 0; i < n; ++i) {
        m_local_times.add(m_sql.days(local_working_time(fmt::format("t{}", i))), fmt::format("wd{}", i));
    }
    for (std::size_t i = 0; i < n; ++i) {
        m_worked.add(worked_time(fmt::format("t{}", i), fmt::format("wl{}", i), fmt::format("wd{}", i)),
                     fmt::format("w{}", i));
        m_work[i] = fmt::format("w{}", i);
    }
}

// 3. Stages: what shows each (its date, its entry criteria, every record), then reached (or
// a later lifecycle stage was), then when.
void AuditQuery::read_stages()
{
    const auto& a = m_a;
    for (const auto& step : a.m_steps) {
        const auto& st = a.m_stages[step.stage];
        std::vector<std::string> ways;
        if (step.by_all) {
            ways.emplace_back("TRUE");
        }
        if (step.by_date && step.date >= 0) {
            ways.push_back(fmt::format("t{} IS NOT NULL", step.date));
        }
        if (step.by_entry && st.entry_expr) {
            ways.push_back(criteria_sql(*st.entry_expr, m_criteria_cells, m_sql));
        }
        m_shown.add(any_of(ways), fmt::format("b{}", step.stage));
    }
    for (std::size_t i = 0; i < a.m_stages.size(); ++i) {
        const auto step = std::find_if(a.m_steps.begin(), a.m_steps.end(),
                                       [&](const AuditorState::StageStep& s) { return s.stage == i; });
        if (step == a.m_steps.end()) {
            m_reach.add("0", fmt::format("r{}", i));
            continue;
        }
        std::vector<std::string> ways{fmt::format("b{}", i)};
        std::vector<std::string> later;
        for (const auto& s : a.m_steps) {
            if (step->lifecycle && step->by_later && s.lifecycle && s.stage > i) {
                later.push_back(fmt::format("b{}", s.stage));
            }
        }
        if (!later.empty()) {
            ways.push_back(any_of(later));
        }
        m_reach.add(fmt::format("CASE WHEN {} THEN 1 ELSE 0 END", any_of(ways)), fmt::format("r{}", i));
    }
    for (std::size_t i = 0; i < a.m_stages.size(); ++i) {
        const auto& date = a.m_stages[i].date;
        m_timed.add(
            fmt::format("CASE WHEN r{} = 1 THEN {} END", i, date ? fmt::format("t{}", *date) : m_sql.integer("NULL")),
            fmt::format("s{}", i));
        if (a.m_calendar) {
            m_timed.add(fmt::format("CASE WHEN r{} = 1 THEN {} END", i, date ? m_work[*date] : m_sql.integer("NULL")),
                        fmt::format("ws{}", i));
        }
    }
}

// A clock from `start` to `done` (times), whose working seconds under a calendar are `wstart`
// and `wdone`: its standing (1 met, 2 breached, 3 pending, NULL not eligible), latency and
// month. Its deadline has passed at as-of when the (working) time since the start has reached
// the limit.
void AuditQuery::judge_clock(std::size_t t, const std::string& start, const std::string& done, std::string wstart,
                             std::string wdone, std::int64_t limit, const std::string& skip, bool keep_latency)
{
    std::string passed = fmt::format("{} + {} <= {}", start, limit, m_as_of);
    if (m_a.m_calendar) {
        const auto as_of_work =
            worked_time(m_as_of, local_working_time(m_as_of), m_sql.days(local_working_time(m_as_of)));
        passed = fmt::format("{} - {} >= {}", as_of_work, wstart, limit);
    } else {
        wstart = start;
        wdone = done;
    }
    const auto early = fmt::format("({1} IS NOT NULL AND {0} IS NOT NULL AND {1} < {0} - {2})", start, done,
                                   AuditorState::k_negative_tolerance);
    m_bad.emplace_back(fmt::format("{}: done more than an hour before its clock started", m_a.m_terms[t]),
                       fmt::format("({} AND NOT {})", early, skip));
    m_leads.add(fmt::format("CASE WHEN {0} IS NULL OR {3} OR {4} THEN NULL WHEN {1} IS NOT NULL THEN CASE WHEN {7} - "
                            "{6} <= {2} THEN 1 ELSE 2 END WHEN {5} THEN 2 ELSE 3 END",
                            start, done, limit, early, skip, passed, wstart, wdone),
                fmt::format("st{}", t));
    if (keep_latency) {
        m_timed_term[t] = true;
        m_leads.add(fmt::format("CASE WHEN {0} IS NOT NULL AND {1} IS NOT NULL AND NOT {2} AND NOT {3} THEN {5} - {4} "
                                "END",
                                start, done, early, skip, wstart, wdone),
                    fmt::format("lat{}", t));
    }
    m_leads.add(fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", start, month(start)), fmt::format("mo{}", t));
    m_month_of_term[t] = fmt::format("mo{}", t);
    if (m_list_breaches) {
        m_leads.add(start, fmt::format("bs{}", t));
        m_leads.add(done, fmt::format("bd{}", t));
        m_breaches.push_back({m_a.m_terms[t], fmt::format("st{}", t), fmt::format("bs{}", t), fmt::format("bd{}", t),
                              std::to_string(limit), "1"});
    }
}

// 4. Each term's standing: the clocks (hand-off, first touch, the stages' own), then the
// disqualification's attempts and reason.
void AuditQuery::judge_terms()
{
    const auto& a = m_a;
    constexpr auto handoff = slot_of(SlaTerm::handoff), first_touch = slot_of(SlaTerm::first_touch),
                   attempts = slot_of(SlaTerm::attempts), reason = slot_of(SlaTerm::reason);
    if (a.m_audited[handoff]) {
        judge_clock(handoff, stage_time(a.m_entered), slot_time(a.m_slot.assigned), stage_work(a.m_entered),
                    slot_work(a.m_slot.assigned), a.m_handoff, "FALSE", a.m_handoff_latency);
    }
    if (a.m_audited[first_touch]) {
        judge_clock(first_touch, slot_time(a.m_slot.assigned), slot_time(a.m_slot.first_touch),
                    slot_work(a.m_slot.assigned), slot_work(a.m_slot.first_touch), a.m_first_contact, "FALSE", true);
    }
    for (const auto& sc : a.m_stage_clocks) {
        std::vector<std::string> ends, worked_ends, undated;
        if (sc.exit_slot) {
            ends.push_back(fmt::format("t{}", *sc.exit_slot));
            worked_ends.push_back(m_work[*sc.exit_slot]);
        }
        for (const auto s : sc.leave) {
            ends.push_back(fmt::format("s{}", s));
            worked_ends.push_back(fmt::format("ws{}", s));
            undated.push_back(fmt::format("(r{0} = 1 AND s{0} IS NULL)", s));
        }
        const auto left = least_set(ends);
        // Left for a stage the export gives no time for: not judged.
        const auto skip =
            undated.empty() ? std::string("FALSE") : fmt::format("(({}) IS NULL AND {})", left, any_of(undated));
        // Working time never runs backwards, so the least end is the end with least working time.
        judge_clock(sc.term, stage_time(sc.start), fmt::format("({})", left), stage_work(sc.start),
                    fmt::format("({})", least_set(worked_ends)), sc.limit, skip, true);
    }
    const auto disqualified = reached(a.m_disqualified);
    if (a.m_audited[attempts] || a.m_audited[reason]) {
        m_leads.add(fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", stage_time(a.m_disqualified),
                                month(stage_time(a.m_disqualified))),
                    "mo_dq");
    }
    if (a.m_audited[attempts]) {
        m_leads.add(fmt::format("CASE WHEN {} = 1 THEN CASE WHEN attempts >= {} THEN 1 ELSE 2 END END", disqualified,
                                a.m_min_attempts),
                    fmt::format("st{}", attempts));
        m_month_of_term[attempts] = "mo_dq";
        m_breaches.push_back({"attempts", fmt::format("st{}", attempts), "attempts", "NULL", "NULL", "2"});
    }
    if (a.m_audited[reason]) {
        m_leads.add(fmt::format("CASE WHEN {} = 1 THEN CASE WHEN {} <> '' THEN 1 ELSE 2 END END", disqualified,
                                m_sql.trim_leading_spaces(cell(*a.m_col.reason))),
                    fmt::format("st{}", reason));
        m_month_of_term[reason] = "mo_dq";
        // A reason breached is blank: spaces only, as many as it has.
        m_breaches.push_back({"reason", fmt::format("st{}", reason), fmt::format("LENGTH({})", cell(*a.m_col.reason)),
                              "NULL", "NULL", "3"});
    }
}

// The rows the row loop lists as bad, by the same kinds.
void AuditQuery::find_bad_rows()
{
    const auto& a = m_a;
    if (a.m_col.attempts) {
        m_bad.emplace_back("unreadable number in 'touch_attempts'", fmt::format("NOT {}", m_attempts_ok));
    }
    for (std::size_t i = 0; i < a.m_time_columns.size(); ++i) {
        m_bad.emplace_back(fmt::format("unreadable time in '{}'", a.m_time_columns[i].field),
                           fmt::format("({} <> '' AND t{} IS NULL)", cell(a.m_time_columns[i].column), i));
    }
    // Lifecycle stages out of order: a stage dated before the latest earlier one, named as
    // check_stage_order names it (the last of the earlier stages with that latest time).
    const auto& visible = a.m_visible;
    for (std::size_t i = 1; i < visible.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            const auto si = fmt::format("s{}", visible[i]), sj = fmt::format("s{}", visible[j]);
            std::vector<std::string> conditions{
                fmt::format("{0} IS NOT NULL AND {1} IS NOT NULL AND {0} < {1}", si, sj)};
            for (std::size_t k = 0; k < i; ++k) {
                if (k != j) {
                    conditions.push_back(
                        fmt::format("(s{0} IS NULL OR s{0} {1} {2})", visible[k], k < j ? "<=" : "<", sj));
                }
            }
            m_bad.emplace_back(
                fmt::format("'{}' before '{}'", a.m_stages[visible[i]].date_field, a.m_stages[visible[j]].date_field),
                all_of(conditions));
        }
    }
}

// Conversion from the hand-off stage and its entries by month; the funnel (its pairs, wins
// and losses, times in stage and the sales cycle); the targets (volume by local day, as
// whole periods are made of days; conversion by cohort month).
void AuditQuery::count_conversion_funnel_and_targets()
{
    const auto& a = m_a;
    if (a.m_entered) {
        m_leads.add(fmt::format("CASE WHEN {0} IS NOT NULL THEN {1} END", stage_time(a.m_entered),
                                month(stage_time(a.m_entered))),
                    "mo_entry");
        add_set("mo_entry");
    }
    for (const auto& m : m_month_of_term) {
        if (!m.empty()) {
            add_set(m);
        }
    }
    if (a.m_funnel) {
        const auto& visible = a.m_visible;
        const std::string won = a.m_won ? fmt::format("r{} = 1", visible[*a.m_won]) : "FALSE";
        std::vector<std::string> losses;
        for (std::size_t e = a.m_lifecycle; e < a.m_stages.size(); ++e) {
            if (a.m_stages[e].loss) {
                losses.push_back(fmt::format("r{} = 1", e));
            }
        }
        const auto in_cycle = a.m_cycle_from ? fmt::format("r{} = 1", visible[*a.m_cycle_from]) : std::string("TRUE");
        m_leads.add(fmt::format("CASE WHEN {} AND {} THEN 1 ELSE 0 END", in_cycle, won), "f_won");
        m_leads.add(fmt::format("CASE WHEN {} AND NOT ({}) AND {} THEN 1 ELSE 0 END", in_cycle, won, any_of(losses)),
                    "f_lost");
        auto span = [&](std::size_t from, std::size_t to) {
            return fmt::format("CASE WHEN s{0} IS NOT NULL AND s{1} IS NOT NULL AND s{1} - s{0} >= -{2} THEN s{1} - "
                               "s{0} END",
                               from, to, AuditorState::k_negative_tolerance);
        };
        for (std::size_t i = 0; i + 1 < visible.size(); ++i) {
            m_leads.add(span(visible[i], visible[i + 1]), fmt::format("ft{}", i));
        }
        if (a.m_won && a.m_cycle_start) {
            m_leads.add(
                fmt::format("CASE WHEN {} THEN {} END", won, span(visible[*a.m_cycle_start], visible[*a.m_won])),
                "ft_cycle");
        }
    }
    // A column may refer to those of the step before only: the target's day is the next step's.
    m_leads2.items.emplace_back("leads.*");
    for (const auto i : a.m_tallied) {
        const auto& tally = a.m_tallies[i];
        if (tally.stage) {
            const auto s = fmt::format("s{}", *tally.stage);
            std::vector<std::string> within{fmt::format("{} IS NOT NULL", s)};
            if (tally.from_bound) {
                within.push_back(fmt::format("{} >= {}", local(s), *tally.from_bound));
            }
            if (tally.until_bound) {
                within.push_back(fmt::format("{} < {}", local(s), *tally.until_bound));
            }
            m_leads.add(fmt::format("CASE WHEN {} THEN {} END", all_of(within), local(s)), fmt::format("tl{}", i));
            m_leads2.add(fmt::format("CASE WHEN tl{0} IS NOT NULL THEN {1} END", i, m_sql.days(fmt::format("tl{}", i))),
                         fmt::format("tday{}", i));
            add_set(fmt::format("tday{}", i));
        } else {
            const auto s = fmt::format("s{}", *tally.from);
            m_leads.add(fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", s, month(s)), fmt::format("tm{}", i));
            add_set(fmt::format("tm{}", i));
        }
    }
}

// 5. The aggregate: every count of every grouping set, and the flags saying which set a row
// is of.
void AuditQuery::aggregate()
{
    const auto& a = m_a;
    for (const auto& f : m_flags) {
        m_agg.add(fmt::format("GROUPING({})", f), "gf_" + f);
        m_agg.add(f, f);
    }
    m_agg.add("COUNT(*)", "n_rows");
    for (std::size_t t = 0; t < a.m_terms.size(); ++t) {
        if (!counted(t)) {
            continue;
        }
        m_agg.add(sum(fmt::format("st{} IS NOT NULL", t)), fmt::format("e{}", t));
        m_agg.add(sum(fmt::format("st{} = 1", t)), fmt::format("m{}", t));
        m_agg.add(sum(fmt::format("st{} = 2", t)), fmt::format("x{}", t));
        m_agg.add(sum(fmt::format("st{} = 3", t)), fmt::format("p{}", t));
        if (m_timed_term[t]) {
            m_agg.add(fmt::format("COUNT(lat{})", t), fmt::format("ln{}", t));
            m_agg.add(m_sql.percentile(50, fmt::format("lat{}", t), linear()), fmt::format("lm{}", t));
            m_agg.add(m_sql.percentile(90, fmt::format("lat{}", t), linear()), fmt::format("l9{}", t));
        }
    }
    for (std::size_t i = 0; i < a.m_stages.size(); ++i) {
        m_agg.add(sum(fmt::format("r{} = 1", i)), fmt::format("sr{}", i));
        m_agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL", i)), fmt::format("su{}", i));
    }
    if (a.m_entered) {
        m_agg.add(sum(fmt::format("r{} = 1", *a.m_entered)), "cv_from");
        m_agg.add(sum(fmt::format("r{} = 1 AND {} = 1", *a.m_entered, reached(a.m_converted))), "cv_to");
        m_agg.add(sum(fmt::format("s{} IS NOT NULL", *a.m_entered)), "cv_dated");
    }
    aggregate_funnel_and_targets();
    for (std::size_t k = 0; k < m_bad.size(); ++k) {
        m_agg.add(sum(m_bad[k].second), fmt::format("bad{}", k));
        if (a.m_col.lead_id) {
            m_agg.add(fmt::format("MIN(CASE WHEN {} THEN {} END)", m_bad[k].second, cell(*a.m_col.lead_id)),
                      fmt::format("bad_lead{}", k));
        }
    }
}

void AuditQuery::aggregate_funnel_and_targets()
{
    const auto& a = m_a;
    if (a.m_funnel) {
        const std::size_t n = a.m_visible.size();
        for (std::size_t i = 0; i < n; ++i) {
            m_agg.add(sum(fmt::format("r{} = 1", a.m_visible[i])), fmt::format("fr{}", i));
            if (i + 1 < n) {
                m_agg.add(sum(fmt::format("r{} = 1 AND r{} = 1", a.m_visible[i], a.m_visible[i + 1])),
                          fmt::format("fc{}", i));
                m_agg.add(fmt::format("COUNT(ft{})", i), fmt::format("fn{}", i));
                m_agg.add(m_sql.percentile(50, fmt::format("ft{}", i), linear()), fmt::format("fm{}", i));
                m_agg.add(m_sql.percentile(90, fmt::format("ft{}", i), linear()), fmt::format("f9{}", i));
            }
        }
        m_agg.add("COALESCE(SUM(f_won), 0)", "f_won");
        m_agg.add("COALESCE(SUM(f_lost), 0)", "f_lost");
        if (a.m_won && a.m_cycle_start) {
            m_agg.add("COUNT(ft_cycle)", "fn_cycle");
            m_agg.add(m_sql.percentile(50, "ft_cycle", linear()), "fm_cycle");
            m_agg.add(m_sql.percentile(90, "ft_cycle", linear()), "f9_cycle");
        }
        m_agg.add(sum(slot_time(a.m_slot.assigned) + " IS NOT NULL"), "k_assigned");
    }
    for (const auto i : a.m_tallied) {
        const auto& tally = a.m_tallies[i];
        if (tally.stage) {
            m_agg.add(fmt::format("COUNT(tl{})", i), fmt::format("tn{}", i));
            m_agg.add(fmt::format("MIN(tl{})", i), fmt::format("tf{}", i));
            m_agg.add(fmt::format("MAX(tl{})", i), fmt::format("tz{}", i));
            m_agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL", *tally.stage)), fmt::format("tu{}", i));
        } else {
            m_agg.add(sum(fmt::format("r{} = 1", *tally.from)), fmt::format("tcf{}", i));
            m_agg.add(sum(fmt::format("r{} = 1 AND r{} = 1", *tally.from, *tally.to)), fmt::format("tct{}", i));
            m_agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL", *tally.from)), fmt::format("tuf{}", i));
            m_agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL AND r{1} = 1", *tally.from, *tally.to)),
                      fmt::format("tut{}", i));
        }
    }
}

std::string in_set(const std::string& column) { return fmt::format("gf_{0} = 0 AND {0} IS NOT NULL", column); }

// 6. The long table: each row says which grouping set it is read from.
void AuditQuery::emit_rows(const std::string& fingerprint)
{
    const auto& a = m_a;
    std::vector<std::string> all_flags;
    for (const auto& f : m_flags) {
        all_flags.push_back(fmt::format("gf_{} = 1", f));
    }
    const auto overall = all_of(all_flags);
    m_overall = overall;
    m_emits.push_back({"meta", "rows", "", "''", overall, {"n_rows"}});
    m_emits.push_back({"meta", "as_of", "", "''", overall, {m_as_of}});
    for (std::size_t c = 0; c < a.m_header.size(); ++c) {
        m_emits.push_back({"meta", "column", "", m_sql.text(a.m_header[c]), overall, {std::to_string(c)}});
    }
    std::vector<Grouping> groups{{"owner", "g_owner"}, {"source", "g_source"}};
    for (std::size_t b = 0; b < a.m_breakdowns.size(); ++b) {
        groups.push_back({"by:" + a.m_breakdowns[b].name, fmt::format("g_by{}", b)});
    }
    for (std::size_t t = 0; t < a.m_terms.size(); ++t) {
        if (!counted(t)) {
            continue;
        }
        const auto& term = a.m_terms[t];
        const auto& months = m_month_of_term[t];
        const std::vector<std::string> counts{fmt::format("e{}", t), fmt::format("m{}", t), fmt::format("x{}", t),
                                              fmt::format("p{}", t)};
        m_emits.push_back({"term", term, "", "''", overall, counts});
        for (const auto& g : groups) {
            m_emits.push_back({"term", term, g.name, g.column, in_set(g.column), counts});
        }
        if (!months.empty()) {
            m_emits.push_back({"term", term, "month", months, in_set(months), counts});
        }
        if (!m_timed_term[t]) {
            continue;
        }
        const std::vector<std::string> ranks{fmt::format("ln{}", t), fmt::format("lm{}", t), fmt::format("l9{}", t)};
        m_emits.push_back({"latency", term, "", "''", overall, ranks});
        m_emits.push_back({"latency", term, "owner", "g_owner", in_set("g_owner"), ranks});
        if (a.m_by_source_latency) {
            m_emits.push_back({"latency", term, "source", "g_source", in_set("g_source"), ranks});
        }
        if (a.m_by_month_latency) {
            m_emits.push_back({"latency", term, "month", months, in_set(months), ranks});
        }
    }
    for (std::size_t i = 0; i < a.m_stages.size(); ++i) {
        m_emits.push_back(
            {"stage", std::to_string(i), "", "''", overall, {fmt::format("sr{}", i), fmt::format("su{}", i)}});
    }
    if (a.m_entered) {
        m_emits.push_back({"conversion", "", "source", "g_source", in_set("g_source"), {"cv_from", "cv_to"}});
        m_emits.push_back({"conversion", "", "month", "mo_entry", in_set("mo_entry"), {"cv_dated"}});
    }
    if (a.m_funnel) {
        emit_funnel(overall);
    }
    emit_targets(overall);
    for (std::size_t k = 0; k < m_bad.size(); ++k) {
        // The example lead travels in the group column: the values are numbers.
        m_emits.push_back({"bad",
                           m_bad[k].first,
                           "",
                           a.m_col.lead_id ? fmt::format("bad_lead{}", k) : "''",
                           overall,
                           {fmt::format("bad{}", k)}});
    }
    if (m_list_breaches) {
        m_emits.push_back({"meta", "breaches", "", "''", overall, {"1"}});
    }
    if (!fingerprint.empty()) {
        m_emits.push_back({"meta", "query", "", m_sql.text(fingerprint), overall, {"0"}});
    }
}

void AuditQuery::emit_funnel(const std::string& overall)
{
    const auto& a = m_a;
    const std::size_t n = a.m_visible.size();
    std::vector<Grouping> groups{{"", ""}, {"owner", "g_owner"}, {"source", "g_source"}};
    for (std::size_t b = 0; b < a.m_breakdowns.size(); ++b) {
        groups.push_back({"by:" + a.m_breakdowns[b].name, fmt::format("g_by{}", b)});
    }
    for (const auto& g : groups) {
        const auto where = g.column.empty() ? overall : in_set(g.column);
        const auto group = g.column.empty() ? std::string("''") : g.column;
        for (std::size_t i = 0; i < n; ++i) {
            m_emits.push_back({"funnel",
                               std::to_string(i),
                               g.name,
                               group,
                               where,
                               {fmt::format("fr{}", i), i + 1 < n ? fmt::format("fc{}", i) : "0"}});
        }
        m_emits.push_back({"funnel", "outcome", g.name, group, where, {"f_won", "f_lost"}});
        // Times in stage by owner, and by source when latencies are.
        const bool timed = g.name.empty() || g.name == "owner" || (g.name == "source" && a.m_by_source_latency);
        for (std::size_t i = 0; timed && i + 1 < n; ++i) {
            m_emits.push_back({"latency",
                               fmt::format("funnel:{}", i),
                               g.name,
                               group,
                               where,
                               {fmt::format("fn{}", i), fmt::format("fm{}", i), fmt::format("f9{}", i)}});
        }
        if (timed && a.m_won && a.m_cycle_start) {
            m_emits.push_back({"latency", "funnel:cycle", g.name, group, where, {"fn_cycle", "fm_cycle", "f9_cycle"}});
        }
    }
    if (!a.m_costs.empty()) {
        m_emits.push_back({"costs", "", "source", "g_source", in_set("g_source"), {"n_rows", "k_assigned", "f_won"}});
    }
}

void AuditQuery::emit_targets(const std::string& overall)
{
    for (const auto i : m_a.m_tallied) {
        const auto item = std::to_string(i);
        if (m_a.m_tallies[i].stage) {
            const auto day = fmt::format("tday{}", i);
            m_emits.push_back({"target", item, "day", day, in_set(day), {fmt::format("tn{}", i)}});
            m_emits.push_back(
                {"target",
                 item,
                 "",
                 "''",
                 overall,
                 {fmt::format("tn{}", i), fmt::format("tf{}", i), fmt::format("tz{}", i), fmt::format("tu{}", i)}});
            continue;
        }
        const std::vector<std::string> pair{fmt::format("tcf{}", i), fmt::format("tct{}", i)};
        m_emits.push_back({"target", item, "", "''", overall, pair});
        m_emits.push_back({"target", item, "source", "g_source", in_set("g_source"), pair});
        const auto cohort = fmt::format("tm{}", i);
        m_emits.push_back({"target", item, "month", cohort, in_set(cohort), pair});
        m_emits.push_back(
            {"target", item, "undated", "''", overall, {fmt::format("tuf{}", i), fmt::format("tut{}", i)}});
    }
}

// The aggregate sorts its rows once per grouping set: the last step keeps only the columns it
// reads, not every column of every step before.
// 9. With --breaches, a row per breach: the lead, its owner, the term, and what the breach
// is made of (the clock's start, end and limit; the attempts made; the blank reason's length).
void AuditQuery::list_breaches()
{
    if (!m_list_breaches) {
        return;
    }
    const auto& a = m_a;
    const auto lead = a.m_col.lead_id ? cell(*a.m_col.lead_id) : m_sql.text("");
    const auto owner = a.m_col.owner ? cell(*a.m_col.owner) : m_sql.text("");
    for (const auto& b : m_breaches) {
        m_breach_selects.push_back(fmt::format(
            "SELECT {} AS section, {} AS item, {} AS breakdown, {} AS grp, {} AS v1, {} AS v2, {} AS v3, {} AS v4 FROM "
            "leads2 WHERE {} = 2",
            m_sql.text("breach"), m_sql.text(b.term), lead, owner, m_sql.cast_double(b.v1), m_sql.cast_double(b.v2),
            m_sql.cast_double(b.v3), m_sql.cast_double(b.kind), b.status));
    }
}

void AuditQuery::narrow_last_step()
{
    // What the aggregate reads, and the breaches' rows.
    const auto read_by_agg = words_of(m_agg.list() + " " + fmt::format("{}", fmt::join(m_breach_selects, " ")));
    SelectList narrow;
    for (const auto* step : {&m_src, &m_cells, &m_local_times, &m_worked, &m_shown, &m_reach, &m_timed, &m_leads}) {
        for (const auto& name : step->names) {
            if (read_by_agg.contains(name)) {
                narrow.items.push_back(name);
            }
        }
    }
    narrow.items.insert(narrow.items.end(), m_leads2.items.begin() + 1, m_leads2.items.end()); // past "leads.*"
    if (narrow.items.empty()) {
        narrow.items.emplace_back("1 AS one");
    }
    m_leads2 = narrow;
}

// Each step reads the one before. Engines that would copy a step's expressions into every
// later use of its columns (PostgreSQL inlines a CTE read once) keep the costly steps' rows
// instead: the times once parsed, the stages once reached, the terms once judged.
// The aggregates only the whole table's rows read leave the grouping sets for a plain
// aggregate: a grouping set computes each of its aggregates for every group of every set, and
// most (stages, bad rows with their least lead id, the funnel) are shown for the whole table
// only. An aggregate moves when every row of the result that reads it is a whole-table row,
// and each such row reads from one aggregate only.
void AuditQuery::split_whole_table()
{
    std::set<std::string> grouped(m_flags.begin(), m_flags.end());
    for (const auto& f : m_flags) {
        grouped.insert("gf_" + f);
    }
    std::set<std::string> names(m_agg.names.begin(), m_agg.names.end()), whole;
    for (const auto& n : names) {
        if (!grouped.contains(n)) {
            whole.insert(n);
        }
    }
    auto reads = [&](const Emit& e) {
        std::set<std::string> read;
        for (const auto& w : words_of(fmt::format("{} {}", fmt::join(e.values, " "), e.group))) {
            if (names.contains(w)) {
                read.insert(w);
            }
        }
        return read;
    };
    for (const auto& e : m_emits) {
        if (e.where != m_overall) {
            for (const auto& w : reads(e)) {
                whole.erase(w);
            }
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& e : m_emits) {
            const auto read = reads(e);
            const bool some = std::any_of(read.begin(), read.end(), [&](const auto& w) { return whole.contains(w); });
            const bool all = std::all_of(read.begin(), read.end(), [&](const auto& w) { return whole.contains(w); });
            if (some && !all) {
                for (const auto& w : read) {
                    changed = whole.erase(w) > 0 || changed;
                }
            }
        }
    }
    SelectList kept;
    for (std::size_t i = 0; i < m_agg.items.size(); ++i) {
        auto& list = whole.contains(m_agg.names[i]) ? m_agg_whole : kept;
        list.items.push_back(m_agg.items[i]);
        list.names.push_back(m_agg.names[i]);
    }
    m_agg = kept;
    if (m_agg_whole.items.empty()) {
        m_agg_whole.add("COUNT(*)", "n_whole");
    }
    for (auto& e : m_emits) {
        const auto read = reads(e);
        e.from_whole = e.where == m_overall &&
                       std::all_of(read.begin(), read.end(), [&](const auto& w) { return whole.contains(w); });
    }
}

std::string AuditQuery::assemble(std::string_view table)
{
    narrow_last_step();
    split_whole_table();
    struct Step {
        std::string name;
        const SelectList& select;
        std::string from;
        bool keep = false;
    };
    const std::vector<Step> steps{
        {"src", m_src, m_sql.table(table)},
        {"cells", m_cells, "src", true},
        {"local_times", m_local_times, "cells"},
        {"worked", m_worked, "local_times", m_a.m_calendar.has_value()},
        {"shown", m_shown, "worked"},
        {"reach", m_reach, "shown"},
        {"timed", m_timed, "reach", true},
        {"leads", m_leads, "timed"},
        {"leads2", m_leads2, "leads", true},
    };
    std::string with;
    for (const auto& step : steps) {
        with += fmt::format("{} AS {}(\n  SELECT\n{}\n  FROM {}\n),\n", step.name,
                            step.keep ? m_sql.materialized() : "", step.select.list(), step.from);
    }
    std::vector<std::string> selects;
    selects.reserve(m_emits.size() + m_breach_selects.size());
    for (const auto& e : m_emits) {
        std::array<std::string, 4> values;
        for (std::size_t v = 0; v < values.size(); ++v) {
            values[v] = m_sql.cast_double(v < e.values.size() ? e.values[v] : "NULL");
        }
        selects.push_back(fmt::format("SELECT {} AS section, {} AS item, {} AS breakdown, {} AS grp, {} AS v1, {} AS "
                                      "v2, {} AS v3, {} AS v4 FROM {}",
                                      m_sql.text(e.section), m_sql.text(e.item), m_sql.text(e.breakdown),
                                      e.group == "''" ? m_sql.text("") : m_sql.cast_text(e.group), values[0], values[1],
                                      values[2], values[3], e.from_whole ? "whole" : "agg WHERE " + e.where));
    }
    selects.insert(selects.end(), m_breach_selects.begin(), m_breach_selects.end());
    const auto body = fmt::format(
        "WITH\n{}agg AS (\n  SELECT\n{}\n  FROM leads2\n  GROUP BY GROUPING SETS ({})\n),\nwhole AS (\n  "
        "SELECT\n{}\n  FROM leads2\n)\n{}\nORDER BY section, item, breakdown, grp",
        with, m_agg.list(), fmt::join(m_sets, ", "), m_agg_whole.list(), fmt::join(selects, "\nUNION ALL\n"));
    return fmt::format("-- alignkit sla audit, compiled for {} (read back with --result)\n{}{};\n",
                       to_string(m_sql.dialect()), m_sql.preamble(), body);
}

} // namespace

std::optional<std::string> AuditorState::not_in_sql() const
{
    if (m_lookup) {
        return "--lookup is not compiled to SQL; join the table in the view the query reads";
    }
    if (m_activities || !m_attempt_slots.empty()) {
        return "attempt times (roles: attempt_times, --activities) are not yet compiled to SQL";
    }
    if (m_format) {
        return "--time-format is not compiled to SQL: the query reads ISO 8601 times";
    }
    return std::nullopt;
}

std::string AuditorState::to_sql(SqlDialect dialect, std::string_view table, bool list_breaches) const
{
    return to_sql(dialect, table, query_fingerprint(), list_breaches);
}

// The query for PostgreSQL over a table `t`, hashed: a result made by another SLA, other lead
// definitions or other options has another. Whether it lists the breaches does not change it.
std::string AuditorState::query_fingerprint() const { return sha256_hex(to_sql(SqlDialect::postgres, "t", "", false)); }

std::string AuditorState::to_sql(SqlDialect dialect, std::string_view table, const std::string& fingerprint,
                                 bool list_breaches) const
{
    return AuditQuery(*this, dialect, list_breaches).text(table, fingerprint);
}

} // namespace alignkit
