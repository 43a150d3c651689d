// The audit as one SQL query (audit_sql.hpp). The query has the row loop's shape
// (sla_audit.cpp): per row, the cells as text, the times, the stages reached, each term's
// standing; then one aggregate with a grouping set per breakdown (owner, source, each --by
// column, each term's months, the targets' periods), so the engine reads the table once; then
// the aggregate's rows turned into the long result table, which warehouse_result.cpp reads back.

#include "audit/auditor_state.hpp"
#include "audit/criteria_sql.hpp"
#include "audit/sql_dialect.hpp"

#include "alignkit/util/sha256.hpp"

#include <fmt/format.h>
#include <limits>

namespace alignkit {
namespace {

constexpr std::string_view k_valid_time =
    "[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?";

// The least of the values that are set, NULL when none is: LEAST of each value or the
// largest integer (engines differ on what LEAST makes of a NULL).
std::string least_set(const std::vector<std::string>& values)
{
    if (values.empty()) {
        return "NULL";
    }
    constexpr auto k_never = std::numeric_limits<std::int64_t>::max();
    std::vector<std::string> set;
    for (const auto& v : values) {
        set.push_back(fmt::format("COALESCE({}, {})", v, k_never));
    }
    return values.size() == 1 ? values.front() : fmt::format("NULLIF(LEAST({}), {})", fmt::join(set, ", "), k_never);
}

std::string any_of(const std::vector<std::string>& conditions, std::string_view none = "FALSE")
{
    return conditions.empty() ? std::string(none) : fmt::format("({})", fmt::join(conditions, " OR "));
}

std::string all_of(const std::vector<std::string>& conditions)
{
    return conditions.empty() ? std::string("TRUE") : fmt::format("({})", fmt::join(conditions, " AND "));
}

// One select list at a time: named columns, each once.
struct SelectList {
    std::vector<std::string> items;
    void add(const std::string& expr, const std::string& name) { items.push_back(expr + " AS " + name); }
    std::string list(std::string_view indent = "    ") const
    {
        return fmt::format("{}{}", indent, fmt::join(items, fmt::format(",\n{}", indent)));
    }
};

// A row of the result table: its four values come from the aggregate, where `where` holds.
struct Emit {
    std::string section, item, breakdown, group, where;
    std::vector<std::string> values;
};

} // namespace

// Working seconds from 1970-01-01 (local) to a time (Unix seconds) under the SLA's calendar:
// whole weeks of working days, the working days of the week so far, less the holidays before
// it, and the working part of its own day. Arithmetic only, no table of days: its cost per time
// is a term per holiday. Like WorkingClock, which sums each day's hours as instants, except on
// a day whose working hours hold a change of clocks (which the two count an hour apart).
std::string AuditorState::local_working_time(const SqlSpelling& sql, const std::string& time) const
{
    const auto& zone = m_calendar->time_zone.value;
    return zone == "UTC" ? time : sql.local_seconds(time, zone);
}

std::string AuditorState::worked_time(const SqlSpelling& sql, const std::string& time, const std::string& local,
                                      const std::string& day) const
{
    const auto& cal = *m_calendar;
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
    const auto week = sql.integer(fmt::format("FLOOR({} / 7.0)", day));
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

std::string AuditorState::to_sql(SqlDialect dialect, std::string_view table) const
{
    return to_sql(dialect, table, query_fingerprint());
}

// The query for PostgreSQL over a table `t`, hashed: a result made by another SLA, other lead
// definitions or other options has another.
std::string AuditorState::query_fingerprint() const { return sha256_hex(to_sql(SqlDialect::postgres, "t", "")); }

std::string AuditorState::to_sql(SqlDialect dialect, std::string_view table, const std::string& fingerprint) const
{
    const SqlSpelling sql(dialect);
    const auto as_of = std::to_string(m_result.as_of);
    const auto zone = m_result.time_zone;
    auto cell = [](std::size_t column) { return fmt::format("c{}", column); };
    auto local = [&](const std::string& epoch) { return zone == "UTC" ? epoch : sql.local_seconds(epoch, zone); };
    auto month = [&](const std::string& epoch) { return sql.month_number(local(epoch)); };

    // 1. The cells the audit reads, as text; empty is unset, as in a CSV export.
    std::vector<std::size_t> used;
    auto use = [&](const Column& c) {
        if (c && std::find(used.begin(), used.end(), *c) == used.end()) {
            used.push_back(*c);
        }
    };
    for (const auto& r : m_readings) {
        use(r.column);
    }
    for (const auto& t : m_time_columns) {
        use(t.column);
    }
    for (const Column c :
         {m_col.lead_id, m_col.owner, m_col.source, m_col.assigned, m_col.first_touch, m_col.attempts, m_col.reason}) {
        use(c);
    }
    for (const auto& b : m_breakdowns) {
        use(b.column);
    }
    std::sort(used.begin(), used.end());
    SelectList src;
    for (const auto c : used) {
        src.add(fmt::format("COALESCE({}, '')", sql.cast_text(sql.name(m_header[c]))), cell(c));
    }
    if (used.empty()) {
        src.add("''", "c_none");
    }

    // 2. Times, criteria's values, attempts, group names.
    SelectList cells{{"src.*"}};
    for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
        const auto& tc = m_time_columns[i];
        const auto z = m_field_zones.contains(tc.field) ? m_field_zones.at(tc.field) : zone;
        const auto c = cell(tc.column);
        cells.add(fmt::format("CASE WHEN {} THEN {} END", sql.matches(c, k_valid_time), sql.epoch_of(c, z)),
                  fmt::format("t{}", i));
    }
    std::vector<SqlCell> criteria_cells;
    for (std::size_t i = 0; i < m_readings.size(); ++i) {
        cells.add(sql_cell_value(m_readings[i], cell(m_readings[i].column), sql), fmt::format("v{}", i));
    }
    for (std::size_t i = 0; i < m_readings.size(); ++i) {
        criteria_cells.push_back({&m_readings[i], fmt::format("v{}", i)});
    }
    std::string attempts_ok;
    if (m_col.attempts) {
        const auto c = cell(*m_col.attempts);
        attempts_ok = fmt::format("({} = '' OR {})", c, sql.matches(c, "[0-9]{1,18}"));
        cells.add(fmt::format("CASE WHEN {} = '' OR NOT {} THEN 0 ELSE {} END", c, sql.matches(c, "[0-9]{1,18}"),
                              sql.integer(c)),
                  "attempts");
    }
    auto group_name = [&](const Column& column, const CellReading& reading) -> std::string {
        if (!column) {
            return "''";
        }
        const auto c = cell(*column);
        if (reading.missing.empty()) {
            return c;
        }
        return fmt::format("CASE WHEN {} IS NULL THEN '' ELSE {} END", sql_cell_value(reading, c, sql), c);
    };
    cells.add(group_name(m_col.owner, m_owner_reading), "g_owner");
    cells.add(group_name(m_col.source, m_source_reading), "g_source");
    for (std::size_t b = 0; b < m_breakdowns.size(); ++b) {
        cells.add(group_name(m_breakdowns[b].column, m_breakdowns[b].missing), fmt::format("g_by{}", b));
    }

    // 3. Stages: what shows each (its date, its entry criteria, every record), then reached
    // (or a later lifecycle stage was) and when.
    // 2b. Under a calendar, each time as working seconds since 1970 (worked_time): clocks are
    // differences of them, as WorkingClock::elapsed sums each day's working hours.
    SelectList local_times{{"cells.*"}};
    SelectList worked{{"local_times.*"}};
    std::vector<std::string> work(m_time_columns.size(), "NULL");
    if (m_calendar) {
        for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
            local_times.add(local_working_time(sql, fmt::format("t{}", i)), fmt::format("wl{}", i));
        }
        for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
            local_times.add(sql.days(local_working_time(sql, fmt::format("t{}", i))), fmt::format("wd{}", i));
        }
        for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
            worked.add(worked_time(sql, fmt::format("t{}", i), fmt::format("wl{}", i), fmt::format("wd{}", i)),
                       fmt::format("w{}", i));
            work[i] = fmt::format("w{}", i);
        }
    }
    SelectList shown{{"worked.*"}};
    std::vector<std::string> base(m_stages.size(), "FALSE");
    for (const auto& step : m_steps) {
        const auto& st = m_stages[step.stage];
        std::vector<std::string> ways;
        if (step.by_all) {
            ways.emplace_back("TRUE");
        }
        if (step.by_date && step.date >= 0) {
            ways.push_back(fmt::format("t{} IS NOT NULL", step.date));
        }
        if (step.by_entry && st.entry_expr) {
            ways.push_back(criteria_sql(*st.entry_expr, criteria_cells, sql));
        }
        base[step.stage] = any_of(ways);
        shown.add(base[step.stage], fmt::format("b{}", step.stage));
    }
    SelectList reach{{"shown.*"}};
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        const auto step =
            std::find_if(m_steps.begin(), m_steps.end(), [&](const StageStep& s) { return s.stage == i; });
        if (step == m_steps.end()) {
            reach.add("0", fmt::format("r{}", i));
            continue;
        }
        std::vector<std::string> ways{fmt::format("b{}", i)};
        if (step->lifecycle && step->by_later) {
            std::vector<std::string> later;
            for (const auto& s : m_steps) {
                if (s.lifecycle && s.stage > i) {
                    later.push_back(fmt::format("b{}", s.stage));
                }
            }
            if (!later.empty()) {
                ways.push_back(any_of(later));
            }
        }
        reach.add(fmt::format("CASE WHEN {} THEN 1 ELSE 0 END", any_of(ways)), fmt::format("r{}", i));
    }
    SelectList timed{{"reach.*"}};
    auto stage_date = [&](std::size_t i) -> std::string {
        return m_stages[i].date ? fmt::format("t{}", *m_stages[i].date) : "NULL";
    };
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        timed.add(fmt::format("CASE WHEN r{} = 1 THEN {} END", i, stage_date(i)), fmt::format("s{}", i));
        if (m_calendar) {
            timed.add(fmt::format("CASE WHEN r{} = 1 THEN {} END", i,
                                  m_stages[i].date ? work[*m_stages[i].date] : std::string("NULL")),
                      fmt::format("ws{}", i));
        }
    }
    auto stage_work = [&](const std::optional<std::size_t>& s) -> std::string {
        return s ? fmt::format("ws{}", *s) : "NULL";
    };
    auto slot_work = [&](const Slot& s) -> std::string { return s ? work[*s] : "NULL"; };
    auto stage_time = [&](const std::optional<std::size_t>& s) -> std::string {
        return s ? fmt::format("s{}", *s) : "NULL";
    };
    auto reached = [&](const std::optional<std::size_t>& s) -> std::string { return s ? fmt::format("r{}", *s) : "0"; };
    auto slot_time = [&](const Slot& s) -> std::string { return s ? fmt::format("t{}", *s) : "NULL"; };

    // 4. Each term's standing (1 met, 2 breached, 3 pending, NULL not eligible), latency and
    // month; the bad rows' tests.
    SelectList leads{{"timed.*"}};
    std::vector<Emit> emits;
    std::vector<std::string> sets{"()", "(g_owner)", "(g_source)"};
    std::vector<std::string> flags{"g_owner", "g_source"};
    for (std::size_t b = 0; b < m_breakdowns.size(); ++b) {
        sets.push_back(fmt::format("(g_by{})", b));
        flags.push_back(fmt::format("g_by{}", b));
    }
    std::vector<std::pair<std::string, std::string>> bad_counts; // kind, condition
    SelectList agg;
    auto sum = [&](const std::string& condition) { return fmt::format("COALESCE({}, 0)", sql.count_if(condition)); };
    const auto linear = m_quantiles == Quantiles::linear;
    auto add_set = [&](const std::string& column) {
        if (std::find(flags.begin(), flags.end(), column) == flags.end()) {
            sets.push_back("(" + column + ")");
            flags.push_back(column);
        }
    };
    std::vector<std::string> month_of_term(m_terms.size());
    std::vector<bool> timed_term(m_terms.size(), false);
    // A clock from `start` to `done` (times), whose working seconds under a calendar are
    // `wstart` and `wdone`. Its deadline has passed at as-of when the working time since the
    // start has reached the limit.
    const auto as_of_work =
        m_calendar ? worked_time(sql, as_of, local_working_time(sql, as_of), sql.days(local_working_time(sql, as_of)))
                   : std::string();
    auto clock = [&](std::size_t t, const std::string& start, const std::string& done, std::string wstart,
                     std::string wdone, std::int64_t limit, const std::string& skip, bool keep_latency) {
        std::string passed = fmt::format("{} + {} <= {}", start, limit, as_of);
        if (m_calendar) {
            passed = fmt::format("{} - {} >= {}", as_of_work, wstart, limit);
        } else {
            wstart = start;
            wdone = done;
        }
        const auto early =
            fmt::format("({1} IS NOT NULL AND {0} IS NOT NULL AND {1} < {0} - {2})", start, done, k_negative_tolerance);
        bad_counts.emplace_back(fmt::format("{}: done more than an hour before its clock started", m_terms[t]),
                                fmt::format("({} AND NOT {})", early, skip));
        leads.add(fmt::format("CASE WHEN {0} IS NULL OR {3} OR {4} THEN NULL WHEN {1} IS NOT NULL THEN CASE WHEN {7} - "
                              "{6} <= {2} THEN 1 ELSE 2 END WHEN {5} THEN 2 ELSE 3 END",
                              start, done, limit, early, skip, passed, wstart, wdone),
                  fmt::format("st{}", t));
        if (keep_latency) {
            timed_term[t] = true;
            leads.add(
                fmt::format("CASE WHEN {0} IS NOT NULL AND {1} IS NOT NULL AND NOT {2} AND NOT {3} THEN {5} - {4} "
                            "END",
                            start, done, early, skip, wstart, wdone),
                fmt::format("lat{}", t));
        }
        leads.add(fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", start, month(start)), fmt::format("mo{}", t));
        month_of_term[t] = fmt::format("mo{}", t);
    };
    constexpr auto handoff = slot_of(SlaTerm::handoff), first_touch = slot_of(SlaTerm::first_touch),
                   attempts = slot_of(SlaTerm::attempts), reason = slot_of(SlaTerm::reason);
    if (m_audited[handoff]) {
        clock(handoff, stage_time(m_entered), slot_time(m_slot.assigned), stage_work(m_entered),
              slot_work(m_slot.assigned), m_handoff, "FALSE", m_handoff_latency);
    }
    if (m_audited[first_touch]) {
        clock(first_touch, slot_time(m_slot.assigned), slot_time(m_slot.first_touch), slot_work(m_slot.assigned),
              slot_work(m_slot.first_touch), m_first_contact, "FALSE", true);
    }
    for (const auto& sc : m_stage_clocks) {
        std::vector<std::string> ends, worked_ends;
        std::vector<std::string> undated;
        if (sc.exit_slot) {
            ends.push_back(fmt::format("t{}", *sc.exit_slot));
            worked_ends.push_back(work[*sc.exit_slot]);
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
        clock(sc.term, stage_time(sc.start), fmt::format("({})", left), stage_work(sc.start),
              fmt::format("({})", least_set(worked_ends)), sc.limit, skip, true);
    }
    const auto disqualified = reached(m_disqualified);
    if (m_audited[attempts] || m_audited[reason]) {
        leads.add(fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", stage_time(m_disqualified),
                              month(stage_time(m_disqualified))),
                  "mo_dq");
    }
    if (m_audited[attempts]) {
        leads.add(fmt::format("CASE WHEN {} = 1 THEN CASE WHEN attempts >= {} THEN 1 ELSE 2 END END", disqualified,
                              m_min_attempts),
                  fmt::format("st{}", attempts));
        month_of_term[attempts] = "mo_dq";
    }
    if (m_audited[reason]) {
        leads.add(fmt::format("CASE WHEN {} = 1 THEN CASE WHEN {} <> '' THEN 1 ELSE 2 END END", disqualified,
                              sql.trim_leading_spaces(cell(*m_col.reason))),
                  fmt::format("st{}", reason));
        month_of_term[reason] = "mo_dq";
    }
    if (m_col.attempts) {
        bad_counts.emplace_back("unreadable number in 'touch_attempts'", fmt::format("NOT {}", attempts_ok));
    }
    for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
        bad_counts.emplace_back(fmt::format("unreadable time in '{}'", m_time_columns[i].field),
                                fmt::format("({} <> '' AND t{} IS NULL)", cell(m_time_columns[i].column), i));
    }
    // Lifecycle stages out of order: a stage dated before the latest earlier one, named as
    // check_stage_order names it (the last of the earlier stages with that latest time).
    if (m_visible.size() > 1) {
        for (std::size_t i = 1; i < m_visible.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                const auto si = fmt::format("s{}", m_visible[i]), sj = fmt::format("s{}", m_visible[j]);
                std::vector<std::string> conditions{
                    fmt::format("{0} IS NOT NULL AND {1} IS NOT NULL AND {0} < {1}", si, sj)};
                for (std::size_t k = 0; k < j; ++k) {
                    conditions.push_back(fmt::format("(s{0} IS NULL OR s{0} <= {1})", m_visible[k], sj));
                }
                for (std::size_t k = j + 1; k < i; ++k) {
                    conditions.push_back(fmt::format("(s{0} IS NULL OR s{0} < {1})", m_visible[k], sj));
                }
                bad_counts.emplace_back(fmt::format("'{}' before '{}'", m_stages[m_visible[i]].date_field,
                                                    m_stages[m_visible[j]].date_field),
                                        all_of(conditions));
            }
        }
    }

    // Conversion from the hand-off stage, and its entries by month.
    if (m_entered) {
        leads.add(
            fmt::format("CASE WHEN {0} IS NOT NULL THEN {1} END", stage_time(m_entered), month(stage_time(m_entered))),
            "mo_entry");
        add_set("mo_entry");
    }
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        if (!month_of_term[t].empty()) {
            add_set(month_of_term[t]);
        }
    }

    // The funnel: its stages, their pairs, wins and losses, times in stage and the cycle.
    std::string won = "FALSE";
    if (m_funnel) {
        const std::size_t n = m_visible.size();
        if (m_won) {
            won = fmt::format("r{} = 1", m_visible[*m_won]);
        }
        std::vector<std::string> losses;
        for (std::size_t e = m_lifecycle; e < m_stages.size(); ++e) {
            if (m_stages[e].loss) {
                losses.push_back(fmt::format("r{} = 1", e));
            }
        }
        const auto in_cycle = m_cycle_from ? fmt::format("r{} = 1", m_visible[*m_cycle_from]) : std::string("TRUE");
        leads.add(fmt::format("CASE WHEN {} AND {} THEN 1 ELSE 0 END", in_cycle, won), "f_won");
        leads.add(fmt::format("CASE WHEN {} AND NOT ({}) AND {} THEN 1 ELSE 0 END", in_cycle, won, any_of(losses)),
                  "f_lost");
        auto span = [&](const std::string& from, const std::string& to) {
            return fmt::format("CASE WHEN {0} IS NOT NULL AND {1} IS NOT NULL AND {1} - {0} >= -{2} THEN {1} - {0} END",
                               from, to, k_negative_tolerance);
        };
        for (std::size_t i = 0; i + 1 < n; ++i) {
            leads.add(span(fmt::format("s{}", m_visible[i]), fmt::format("s{}", m_visible[i + 1])),
                      fmt::format("ft{}", i));
        }
        if (m_won && m_cycle_start) {
            leads.add(
                fmt::format("CASE WHEN {} THEN {} END", won,
                            span(fmt::format("s{}", m_visible[*m_cycle_start]), fmt::format("s{}", m_visible[*m_won]))),
                "ft_cycle");
        }
    }

    // Targets: volume by local day (whole periods are made of days), conversion by cohort month.
    for (const auto i : m_tallied) {
        const auto& tally = m_tallies[i];
        if (tally.stage) {
            const auto s = fmt::format("s{}", *tally.stage);
            std::vector<std::string> within{fmt::format("{} IS NOT NULL", s)};
            if (tally.from_bound) {
                within.push_back(fmt::format("{} >= {}", local(s), *tally.from_bound));
            }
            if (tally.until_bound) {
                within.push_back(fmt::format("{} < {}", local(s), *tally.until_bound));
            }
            leads.add(fmt::format("CASE WHEN {} THEN {} END", all_of(within), local(s)), fmt::format("tl{}", i));
        } else {
            const auto s = fmt::format("s{}", *tally.from);
            leads.add(fmt::format("CASE WHEN {} IS NOT NULL THEN {} END", s, month(s)), fmt::format("tm{}", i));
        }
    }
    // Columns of one lead step may refer to those of the step before only, so the target's
    // day is its own step.
    SelectList leads2{{"leads.*"}};
    for (const auto i : m_tallied) {
        if (m_tallies[i].stage) {
            leads2.add(fmt::format("CASE WHEN tl{0} IS NOT NULL THEN {1} END", i, sql.days(fmt::format("tl{}", i))),
                       fmt::format("tday{}", i));
        }
    }
    for (const auto i : m_tallied) {
        add_set(m_tallies[i].stage ? fmt::format("tday{}", i) : fmt::format("tm{}", i));
    }

    // 5. The aggregate: every count of every grouping set, and the flags saying which set a
    // row is of.
    for (const auto& f : flags) {
        agg.add(fmt::format("GROUPING({})", f), "gf_" + f);
        agg.add(f, f);
    }
    agg.add("COUNT(*)", "n_rows");
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        const bool counted = m_audited[t] && (!month_of_term[t].empty() || t == attempts || t == reason);
        if (!counted) {
            continue;
        }
        agg.add(sum(fmt::format("st{} IS NOT NULL", t)), fmt::format("e{}", t));
        agg.add(sum(fmt::format("st{} = 1", t)), fmt::format("m{}", t));
        agg.add(sum(fmt::format("st{} = 2", t)), fmt::format("x{}", t));
        agg.add(sum(fmt::format("st{} = 3", t)), fmt::format("p{}", t));
        if (timed_term[t]) {
            agg.add(fmt::format("COUNT(lat{})", t), fmt::format("ln{}", t));
            agg.add(sql.percentile(50, fmt::format("lat{}", t), linear), fmt::format("lm{}", t));
            agg.add(sql.percentile(90, fmt::format("lat{}", t), linear), fmt::format("l9{}", t));
        }
    }
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        agg.add(sum(fmt::format("r{} = 1", i)), fmt::format("sr{}", i));
        agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL", i)), fmt::format("su{}", i));
    }
    if (m_entered) {
        agg.add(sum(fmt::format("r{} = 1", *m_entered)), "cv_from");
        agg.add(sum(fmt::format("r{} = 1 AND {} = 1", *m_entered, reached(m_converted))), "cv_to");
        agg.add(sum(fmt::format("s{} IS NOT NULL", *m_entered)), "cv_dated");
    }
    if (m_funnel) {
        const std::size_t n = m_visible.size();
        for (std::size_t i = 0; i < n; ++i) {
            agg.add(sum(fmt::format("r{} = 1", m_visible[i])), fmt::format("fr{}", i));
            if (i + 1 < n) {
                agg.add(sum(fmt::format("r{} = 1 AND r{} = 1", m_visible[i], m_visible[i + 1])),
                        fmt::format("fc{}", i));
                agg.add(fmt::format("COUNT(ft{})", i), fmt::format("fn{}", i));
                agg.add(sql.percentile(50, fmt::format("ft{}", i), linear), fmt::format("fm{}", i));
                agg.add(sql.percentile(90, fmt::format("ft{}", i), linear), fmt::format("f9{}", i));
            }
        }
        agg.add("COALESCE(SUM(f_won), 0)", "f_won");
        agg.add("COALESCE(SUM(f_lost), 0)", "f_lost");
        if (m_won && m_cycle_start) {
            agg.add("COUNT(ft_cycle)", "fn_cycle");
            agg.add(sql.percentile(50, "ft_cycle", linear), "fm_cycle");
            agg.add(sql.percentile(90, "ft_cycle", linear), "f9_cycle");
        }
        agg.add(sum(slot_time(m_slot.assigned) + " IS NOT NULL"), "k_assigned");
    }
    for (const auto i : m_tallied) {
        const auto& tally = m_tallies[i];
        if (tally.stage) {
            agg.add(fmt::format("COUNT(tl{})", i), fmt::format("tn{}", i));
            agg.add(fmt::format("MIN(tl{})", i), fmt::format("tf{}", i));
            agg.add(fmt::format("MAX(tl{})", i), fmt::format("tz{}", i));
            agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL", *tally.stage)), fmt::format("tu{}", i));
        } else {
            agg.add(sum(fmt::format("r{} = 1", *tally.from)), fmt::format("tcf{}", i));
            agg.add(sum(fmt::format("r{} = 1 AND r{} = 1", *tally.from, *tally.to)), fmt::format("tct{}", i));
            agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL", *tally.from)), fmt::format("tuf{}", i));
            agg.add(sum(fmt::format("r{0} = 1 AND s{0} IS NULL AND r{1} = 1", *tally.from, *tally.to)),
                    fmt::format("tut{}", i));
        }
    }
    for (std::size_t k = 0; k < bad_counts.size(); ++k) {
        agg.add(sum(bad_counts[k].second), fmt::format("bad{}", k));
        if (m_col.lead_id) {
            agg.add(fmt::format("MIN(CASE WHEN {} THEN {} END)", bad_counts[k].second, cell(*m_col.lead_id)),
                    fmt::format("bad_lead{}", k));
        }
    }

    // 6. The long table.
    std::vector<std::string> all_flags;
    for (const auto& f : flags) {
        all_flags.push_back(fmt::format("gf_{} = 1", f));
    }
    const auto overall = all_of(all_flags);
    auto in_set = [](const std::string& column) { return fmt::format("gf_{0} = 0 AND {0} IS NOT NULL", column); };
    const auto text_of = [&](const std::string& e) { return sql.cast_text(e); };
    emits.push_back({"meta", "rows", "", "''", overall, {"n_rows"}});
    emits.push_back({"meta", "as_of", "", "''", overall, {as_of}});
    for (std::size_t c = 0; c < m_header.size(); ++c) {
        emits.push_back({"meta", "column", "", sql.text(m_header[c]), overall, {std::to_string(c)}});
    }
    struct Grouping {
        std::string name, column;
    };
    std::vector<Grouping> groups{{"owner", "g_owner"}, {"source", "g_source"}};
    for (std::size_t b = 0; b < m_breakdowns.size(); ++b) {
        groups.push_back({"by:" + m_breakdowns[b].name, fmt::format("g_by{}", b)});
    }
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        const bool counted = m_audited[t] && (!month_of_term[t].empty() || t == attempts || t == reason);
        if (!counted) {
            continue;
        }
        const std::vector<std::string> counts{fmt::format("e{}", t), fmt::format("m{}", t), fmt::format("x{}", t),
                                              fmt::format("p{}", t)};
        emits.push_back({"term", m_terms[t], "", "''", overall, counts});
        for (const auto& g : groups) {
            emits.push_back({"term", m_terms[t], g.name, g.column, in_set(g.column), counts});
        }
        if (!month_of_term[t].empty()) {
            emits.push_back({"term", m_terms[t], "month", text_of(month_of_term[t]), in_set(month_of_term[t]), counts});
        }
        if (timed_term[t]) {
            const std::vector<std::string> ranks{fmt::format("ln{}", t), fmt::format("lm{}", t),
                                                 fmt::format("l9{}", t)};
            emits.push_back({"latency", m_terms[t], "", "''", overall, ranks});
            emits.push_back({"latency", m_terms[t], "owner", "g_owner", in_set("g_owner"), ranks});
            if (m_by_source_latency) {
                emits.push_back({"latency", m_terms[t], "source", "g_source", in_set("g_source"), ranks});
            }
            if (m_by_month_latency) {
                emits.push_back(
                    {"latency", m_terms[t], "month", text_of(month_of_term[t]), in_set(month_of_term[t]), ranks});
            }
        }
    }
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        emits.push_back(
            {"stage", std::to_string(i), "", "''", overall, {fmt::format("sr{}", i), fmt::format("su{}", i)}});
    }
    if (m_entered) {
        emits.push_back({"conversion", "", "source", "g_source", in_set("g_source"), {"cv_from", "cv_to"}});
        emits.push_back({"conversion", "", "month", text_of("mo_entry"), in_set("mo_entry"), {"cv_dated"}});
    }
    if (m_funnel) {
        const std::size_t n = m_visible.size();
        std::vector<Grouping> funnel_groups{{"", ""}};
        funnel_groups.insert(funnel_groups.end(), groups.begin(), groups.end());
        for (const auto& g : funnel_groups) {
            const auto where = g.column.empty() ? overall : in_set(g.column);
            const auto group = g.column.empty() ? std::string("''") : g.column;
            for (std::size_t i = 0; i < n; ++i) {
                emits.push_back({"funnel",
                                 std::to_string(i),
                                 g.name,
                                 group,
                                 where,
                                 {fmt::format("fr{}", i), i + 1 < n ? fmt::format("fc{}", i) : "0"}});
            }
            emits.push_back({"funnel", "outcome", g.name, group, where, {"f_won", "f_lost"}});
        }
        std::vector<Grouping> time_groups{{"", ""}, {"owner", "g_owner"}};
        if (m_by_source_latency) {
            time_groups.push_back({"source", "g_source"});
        }
        for (const auto& g : time_groups) {
            const auto where = g.column.empty() ? overall : in_set(g.column);
            const auto group = g.column.empty() ? std::string("''") : g.column;
            for (std::size_t i = 0; i + 1 < n; ++i) {
                emits.push_back({"latency",
                                 fmt::format("funnel:{}", i),
                                 g.name,
                                 group,
                                 where,
                                 {fmt::format("fn{}", i), fmt::format("fm{}", i), fmt::format("f9{}", i)}});
            }
            if (m_won && m_cycle_start) {
                emits.push_back(
                    {"latency", "funnel:cycle", g.name, group, where, {"fn_cycle", "fm_cycle", "f9_cycle"}});
            }
        }
        if (!m_costs.empty()) {
            emits.push_back({"costs", "", "source", "g_source", in_set("g_source"), {"n_rows", "k_assigned", "f_won"}});
        }
    }
    for (const auto i : m_tallied) {
        const auto item = std::to_string(i);
        if (m_tallies[i].stage) {
            const auto day = fmt::format("tday{}", i);
            emits.push_back({"target", item, "day", text_of(day), in_set(day), {fmt::format("tn{}", i)}});
            emits.push_back(
                {"target",
                 item,
                 "",
                 "''",
                 overall,
                 {fmt::format("tn{}", i), fmt::format("tf{}", i), fmt::format("tz{}", i), fmt::format("tu{}", i)}});
        } else {
            const std::vector<std::string> pair{fmt::format("tcf{}", i), fmt::format("tct{}", i)};
            emits.push_back({"target", item, "", "''", overall, pair});
            emits.push_back({"target", item, "source", "g_source", in_set("g_source"), pair});
            const auto cohort = fmt::format("tm{}", i);
            emits.push_back({"target", item, "month", text_of(cohort), in_set(cohort), pair});
            emits.push_back(
                {"target", item, "undated", "''", overall, {fmt::format("tuf{}", i), fmt::format("tut{}", i)}});
        }
    }
    for (std::size_t k = 0; k < bad_counts.size(); ++k) {
        // The example lead travels in the group column: the values are numbers.
        emits.push_back({"bad",
                         bad_counts[k].first,
                         "",
                         m_col.lead_id ? fmt::format("bad_lead{}", k) : "''",
                         overall,
                         {fmt::format("bad{}", k)}});
    }
    if (!fingerprint.empty()) {
        emits.push_back({"meta", "query", "", sql.text(fingerprint), overall, {"0"}});
    }

    std::vector<std::string> selects;
    for (const auto& e : emits) {
        std::vector<std::string> values;
        for (std::size_t v = 0; v < 4; ++v) {
            values.push_back(v < e.values.size() ? sql.cast_double(e.values[v]) : sql.cast_double("NULL"));
        }
        selects.push_back(fmt::format("SELECT {} AS section, {} AS item, {} AS breakdown, {} AS grp, {} AS v1, {} AS "
                                      "v2, {} AS v3, {} AS v4 FROM agg WHERE {}",
                                      sql.text(e.section), sql.text(e.item), sql.text(e.breakdown),
                                      e.group == "''" ? sql.text("") : text_of(e.group), values[0], values[1],
                                      values[2], values[3], e.where));
    }
    const auto body = fmt::format(
        "WITH\nsrc AS (\n  SELECT\n{}\n  FROM {}\n),\ncells AS (\n  SELECT\n{}\n  FROM src\n),\nlocal_times AS (\n  "
        "SELECT\n{}\n  FROM cells\n),\nworked AS (\n  SELECT\n{}\n  FROM local_times\n),\nshown AS (\n  SELECT\n{}\n  "
        "FROM worked\n),\nreach AS (\n  SELECT\n{}\n  FROM shown\n),\ntimed AS (\n  SELECT\n{}\n  FROM "
        "reach\n),\nleads AS (\n  SELECT\n{}\n  FROM timed\n),\nleads2 AS (\n  SELECT\n{}\n  FROM leads\n),\nagg AS "
        "(\n  SELECT\n{}\n  FROM leads2\n  GROUP BY GROUPING SETS ({})\n)\n{}\nORDER BY section, item, breakdown, grp",
        src.list(), sql.table(table), cells.list(), local_times.list(), worked.list(), shown.list(), reach.list(),
        timed.list(), leads.list(), leads2.list(), agg.list(), fmt::join(sets, ", "),
        fmt::join(selects, "\nUNION ALL\n"));
    return fmt::format("-- alignkit sla audit, compiled for {} (read back with --result)\n{}{};\n", to_string(dialect),
                       sql.preamble(), body);
}

} // namespace alignkit
