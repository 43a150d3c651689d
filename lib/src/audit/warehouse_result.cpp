// What the audit's query returned (audit_sql.cpp), read back into the auditor's counts, so
// finish() makes the same result the row loop does: the same groups shown, periods judged,
// funnel and costs, with the engine's percentiles in place of ranking latencies here.

#include "audit/auditor_state.hpp"

#include "audit/calendar_period.hpp"

#include "alignkit/util/text.hpp"
#include "alignkit/util/timestamp.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace alignkit {
namespace {

// A value of the result: empty or NULL for NULL (as engines' command lines write it);
// engines write doubles as 12, 12.0 or 1.2E1. A count, a second or a month the audit makes is
// a finite number well inside 64-bit integers: nan, inf and 1e300 are not values of its.
std::optional<double> number(std::string_view text)
{
    if (text.empty() || text == "NULL") {
        return std::nullopt;
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || !(std::fabs(v) < 0x1p62)) {
        return std::nullopt;
    }
    return v;
}

// The times the query reads (k_sql_time: years 1900 to 2199) as Unix seconds.
bool in_time_range(std::optional<double> seconds)
{
    return seconds && *seconds >= -2208988800.0 && *seconds < 7258118400.0;
}

struct ResultRow {
    std::string section, item, breakdown, group;
    std::array<std::optional<double>, 4> v;
    std::int64_t at(std::size_t i) const { return v[i] ? static_cast<std::int64_t>(*v[i]) : 0; }
};

// "24318" (year * 12 + month - 1) as the month's name, "2026-07".
std::optional<std::string> month_name(std::string_view number_text)
{
    const auto n = number(number_text);
    if (!n || *n < 0) {
        return std::nullopt;
    }
    const auto months = static_cast<std::int64_t>(*n);
    return fmt::format("{:04}-{:02}", months / 12, months % 12 + 1);
}

std::optional<std::vector<ResultRow>> read_rows(const std::vector<std::vector<std::string>>& table, std::string& error)
{
    // Engines that fold unquoted names to upper case (Snowflake) write SECTION,ITEM,...
    if (table.empty() || table[0].size() != k_audit_sql_columns.size() ||
        !std::equal(table[0].begin(), table[0].end(), k_audit_sql_columns.begin(),
                    [](const std::string& a, std::string_view b) { return lower_ascii(a) == b; })) {
        error = fmt::format("not the result of alignkit's audit query: its header must be {}",
                            fmt::join(k_audit_sql_columns, ","));
        return std::nullopt;
    }
    std::vector<ResultRow> rows;
    for (std::size_t r = 1; r < table.size(); ++r) {
        const auto& cells = table[r];
        if (cells.size() != k_audit_sql_columns.size()) {
            error = fmt::format("row {} of the result has {} fields, not {}", r + 1, cells.size(),
                                k_audit_sql_columns.size());
            return std::nullopt;
        }
        ResultRow row{cells[0], cells[1], cells[2], cells[3], {}};
        for (std::size_t i = 0; i < 4; ++i) {
            row.v[i] = number(cells[4 + i]);
            if (!row.v[i] && !cells[4 + i].empty() && cells[4 + i] != "NULL") {
                error = fmt::format("row {} of the result: '{}' is not a value the audit's query returns (a finite "
                                    "number under 2^62)",
                                    r + 1, cells[4 + i]);
                return std::nullopt;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

std::optional<WarehouseMeta> read_warehouse_meta(const std::vector<std::vector<std::string>>& table, std::string& error)
{
    const auto rows = read_rows(table, error);
    if (!rows) {
        return std::nullopt;
    }
    WarehouseMeta meta;
    std::vector<std::pair<std::int64_t, std::string>> columns;
    bool fingerprinted = false;
    for (const auto& row : *rows) {
        if (row.section != "meta") {
            continue;
        }
        if (row.item == "column") {
            columns.emplace_back(row.at(0), row.group);
        } else if (row.item == "as_of") {
            meta.as_of = row.at(0);
        } else if (row.item == "query") {
            fingerprinted = true;
        }
    }
    if (!fingerprinted || !meta.as_of) {
        error = "not the result of alignkit's audit query: it has no 'meta' rows (run the query `sla audit --sql` "
                "prints, and keep every row it returns)";
        return std::nullopt;
    }
    std::sort(columns.begin(), columns.end());
    for (auto& c : columns) {
        meta.header.push_back(std::move(c.second));
    }
    return meta;
}

namespace {

// The result's rows put into the auditor's counts, a section at a time; each method says
// false for a row this audit's query does not make.
class ResultLoader {
  public:
    explicit ResultLoader(AuditorState& audit) : m_a(audit) {}

    bool load(const ResultRow& row, const std::string& group)
    {
        if (row.section == "meta") {
            if (row.item == "rows") {
                m_a.m_result.rows = row.at(0);
            }
            m_a.m_breaches_listed = m_a.m_breaches_listed || row.item == "breaches";
            return true;
        }
        if (row.section == "breach") {
            return breach(row);
        }
        if (row.section == "term") {
            return term(row, group);
        }
        if (row.section == "latency") {
            Latency l;
            l.n = row.at(0);
            l.median = row.v[1];
            l.p90 = row.v[2];
            m_a.m_given_latencies[AuditorState::latency_key(row.item, row.breakdown, group)] = l;
            return true;
        }
        if (row.section == "stage") {
            const auto i = index(row.item, m_a.m_stages.size());
            if (!i) {
                return false;
            }
            m_a.m_reached_count[*i] = row.at(0);
            m_a.m_undated_count[*i] = row.at(1);
            return true;
        }
        if (row.section == "conversion") {
            if (row.breakdown == "source") {
                m_a.m_sources[group].conversion = {row.at(0), row.at(1)};
            } else {
                m_a.m_months[group].conversion.from = row.at(0);
            }
            return true;
        }
        if (row.section == "funnel") {
            return funnel(row, group);
        }
        if (row.section == "costs") {
            auto& source = m_a.m_sources[group];
            source.leads = row.at(0);
            source.assigned = row.at(1);
            source.customers = row.at(2);
            return true;
        }
        if (row.section == "target") {
            return target(row, group);
        }
        if (row.section == "bad" && row.at(0) > 0) {
            auto& bad = m_a.m_result.bad_rows[row.item];
            bad.count += row.at(0);
            bad.example_lead = row.group;
        }
        return row.section == "bad";
    }

    // Whether each term lists as many breaches as its count says (what the query returns, unless
    // rows were lost or added on the way); the first term that does not, else nullopt.
    std::optional<std::string> breaches_uncounted() const
    {
        for (std::size_t t = 0; t < m_a.m_terms.size(); ++t) {
            const auto it = m_breaches.find(m_a.m_terms[t]);
            const std::int64_t listed = it == m_breaches.end() ? 0 : it->second;
            if (m_a.m_audited[t] && listed != m_a.m_overall[t].breached) {
                return fmt::format("'{}' lists {} breach(es), its count says {}", m_a.m_terms[t], listed,
                                   m_a.m_overall[t].breached);
            }
        }
        return std::nullopt;
    }

  private:
    AuditorState& m_a;
    std::map<std::string, std::int64_t> m_breaches; // listed, by term

    // A clock's limit, as the query was compiled with it.
    std::optional<std::int64_t> term_limit(std::size_t t) const
    {
        if (t == slot_of(SlaTerm::handoff)) {
            return m_a.m_handoff;
        }
        if (t == slot_of(SlaTerm::first_touch)) {
            return m_a.m_first_contact;
        }
        for (const auto& sc : m_a.m_stage_clocks) {
            if (sc.term == t) {
                return sc.limit;
            }
        }
        return std::nullopt;
    }

    // A breach as the row loop reports it (AuditorState::report_breach), from its row of the
    // result: the lead and owner travel in breakdown and grp; v4 says what v1 to v3 hold.
    bool breach(const ResultRow& row)
    {
        constexpr double k_longest_blank = 1 << 20;
        Breach b{row.breakdown, 0, row.item, {}, {}, row.group};
        const auto kind = row.at(3);
        const auto term = std::find(m_a.m_terms.begin(), m_a.m_terms.end(), row.item);
        if (term == m_a.m_terms.end() || !m_a.m_audited[static_cast<std::size_t>(term - m_a.m_terms.begin())]) {
            return false;
        }
        ++m_breaches[row.item];
        if (kind == 1) { // a clock: its start, its end (unset: nothing happened), its limit
            const auto limit = term_limit(static_cast<std::size_t>(term - m_a.m_terms.begin()));
            if (!in_time_range(row.v[0]) || (row.v[1] && !in_time_range(row.v[1])) || !limit ||
                row.v[2] != static_cast<double>(*limit) ||
                (row.v[1] && *row.v[1] < *row.v[0] - static_cast<double>(AuditorState::k_negative_tolerance))) {
                return false;
            }
            b.deadline = format_timestamp(m_a.deadline(row.at(0), row.at(2)));
            b.actual = row.v[1] ? format_timestamp(row.at(1)) : std::string{};
        } else if (kind == 2 && row.v[0] && *row.v[0] >= 0) { // the attempts made
            b.actual = std::to_string(row.at(0));
        } else if (kind == 3 && row.v[0] && *row.v[0] >= 0 && *row.v[0] <= k_longest_blank) { // a blank reason
            b.actual.assign(static_cast<std::size_t>(row.at(0)), ' ');
        } else {
            return false;
        }
        if (m_a.m_on_breach) {
            m_a.m_on_breach(b);
        }
        return true;
    }

    static std::optional<std::size_t> index(std::string_view text, std::size_t size)
    {
        const auto n = number(text);
        if (!n || *n < 0 || *n >= static_cast<double>(size)) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(*n);
    }

    AuditorState::Groups* groups(const std::string& breakdown)
    {
        if (breakdown == "owner") {
            return &m_a.m_owners;
        }
        if (breakdown == "source") {
            return &m_a.m_sources;
        }
        if (breakdown == "month") {
            return &m_a.m_months;
        }
        for (auto& b : m_a.m_breakdowns) {
            if (breakdown == "by:" + b.name) {
                return &b.groups;
            }
        }
        return nullptr;
    }

    bool term(const ResultRow& row, const std::string& group)
    {
        std::optional<std::size_t> t;
        for (std::size_t i = 0; i < m_a.m_terms.size(); ++i) {
            if (m_a.m_terms[i] == row.item && m_a.m_audited[i]) {
                t = i;
            }
        }
        if (!t) {
            return false;
        }
        TermCounts* counts = &m_a.m_overall[*t];
        if (!row.breakdown.empty()) {
            auto* in = groups(row.breakdown);
            if (in == nullptr) {
                return false;
            }
            counts = &(*in)[group].terms[*t];
        }
        // Counts the query makes: whole, not negative, and met, breached and pending among the eligible.
        for (const auto& v : row.v) {
            if (!v || *v < 0 || *v != std::floor(*v)) {
                return false;
            }
        }
        *counts = {row.at(0), row.at(1), row.at(2), row.at(3)};
        return counts->met + counts->breached + counts->pending <= counts->eligible;
    }

    bool funnel(const ResultRow& row, const std::string& group)
    {
        const std::size_t n = m_a.m_visible.size();
        FunnelCounts* counts = &m_a.m_funnel_overall;
        if (!row.breakdown.empty()) {
            auto* in = groups(row.breakdown);
            if (in == nullptr) {
                return false;
            }
            counts = &(*in)[group].funnel;
        }
        if (counts->reached.size() != n) {
            counts->reached.assign(n, 0);
            counts->converted.assign(n > 0 ? n - 1 : 0, 0);
        }
        if (row.item == "outcome") {
            counts->won = row.at(0);
            counts->lost = row.at(1);
            return true;
        }
        const auto i = index(row.item, n);
        if (!i) {
            return false;
        }
        counts->reached[*i] = row.at(0);
        if (*i + 1 < n) {
            counts->converted[*i] = row.at(1);
        }
        return true;
    }

    bool target(const ResultRow& row, const std::string& group)
    {
        const auto i = index(row.item, m_a.m_tallies.size());
        if (!i) {
            return false;
        }
        auto& tally = m_a.m_tallies[*i];
        if (row.breakdown == "day") {
            const auto day = number(row.group);
            if (!day) {
                return false;
            }
            tally.by_period.add(period_index(static_cast<std::int64_t>(*day) * 86400, m_a.m_result.targets[*i].per),
                                row.at(0));
        } else if (row.breakdown.empty() && tally.stage) {
            if (row.at(0) > 0) {
                tally.first = row.at(1);
                tally.last = row.at(2);
            }
            tally.undated = row.at(3);
        } else if (row.breakdown.empty()) {
            tally.from_count = row.at(0);
            tally.to_count = row.at(1);
        } else if (row.breakdown == "source" || row.breakdown == "month") {
            groups(row.breakdown)->operator[](group).targets[*i] = {row.at(0), row.at(1)};
        } else {
            tally.undated_cohort = {row.at(0), row.at(1)};
        }
        return true;
    }
};

} // namespace

bool AuditorState::load(const std::vector<std::vector<std::string>>& table, std::string& error)
{
    const auto rows = read_rows(table, error);
    if (!rows) {
        return false;
    }
    const auto fingerprint = query_fingerprint();
    const bool same_query = std::any_of(rows->begin(), rows->end(), [&](const ResultRow& row) {
        return row.section == "meta" && row.item == "query" && row.group == fingerprint;
    });
    if (!same_query) {
        error = "the result was made by another query: compile it from this SLA and its lead definitions with the "
                "same options (--as-of, --by, --zone, --from, --until, --columns, --preset, --quantiles, and -f "
                "canonical for a query compiled for it)";
        return false;
    }
    m_given = true;
    ResultLoader loader(*this);
    // A row the query returns once (a breach may repeat: leads can share an id or have none).
    std::set<std::array<std::string, 4>> seen;
    for (const auto& row : *rows) {
        if (row.section != "breach" && !seen.insert({row.section, row.item, row.breakdown, row.group}).second) {
            error = fmt::format("the result has a row twice: {},{},{},{} (rows lost or added on the way?)", row.section,
                                row.item, row.breakdown, row.group);
            return false;
        }
        // Month groups are named as the row loop names them (a breach's breakdown is its lead).
        auto group = row.breakdown == "month" && row.section != "breach" ? month_name(row.group)
                                                                         : std::optional<std::string>(row.group);
        if (!group || !loader.load(row, *group)) {
            error = fmt::format("the result has a row this audit's query does not return (changed on the way?): "
                                "{},{},{},{}",
                                row.section, row.item, row.breakdown, row.group);
            return false;
        }
    }
    if (m_breaches_listed) {
        if (auto why = loader.breaches_uncounted()) {
            error =
                fmt::format("the result's breaches do not match its counts: {} (rows lost or added on the way?)", *why);
            return false;
        }
    }
    return true;
}

} // namespace alignkit
