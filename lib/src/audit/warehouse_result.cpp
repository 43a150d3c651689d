// What the audit's query returned (audit_sql.cpp), read back into the auditor's counts, so
// finish() makes the same result the row loop does: the same groups shown, periods judged,
// funnel and costs, with the engine's percentiles in place of ranking latencies here.

#include "audit/auditor_state.hpp"

#include "audit/calendar_period.hpp"

#include <charconv>
#include <fmt/format.h>

namespace alignkit {
namespace {

// A value of the result: empty for NULL; engines write doubles as 12, 12.0 or 1.2E1.
std::optional<double> number(std::string_view text)
{
    if (text.empty()) {
        return std::nullopt;
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return v;
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
    if (table.empty() || table[0].size() != k_audit_sql_columns.size() ||
        !std::equal(table[0].begin(), table[0].end(), k_audit_sql_columns.begin())) {
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
            if (!row.v[i] && !cells[4 + i].empty()) {
                error = fmt::format("row {} of the result: '{}' is not a number", r + 1, cells[4 + i]);
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

bool AuditorState::load(const std::vector<std::vector<std::string>>& table, std::string& error)
{
    const auto rows = read_rows(table, error);
    if (!rows) {
        return false;
    }
    const auto fingerprint = query_fingerprint();
    bool same_query = false;
    for (const auto& row : *rows) {
        same_query = same_query || (row.section == "meta" && row.item == "query" && row.group == fingerprint);
    }
    if (!same_query) {
        error = "the result was made by another query: compile it from this SLA and its lead definitions with the "
                "same options (--as-of, --by, --zone, --from, --until, --columns, --preset, --quantiles)";
        return false;
    }
    m_given = true;
    auto term_of = [&](const std::string& name) -> std::optional<std::size_t> {
        for (std::size_t t = 0; t < m_terms.size(); ++t) {
            if (m_terms[t] == name && m_audited[t]) {
                return t;
            }
        }
        return std::nullopt;
    };
    auto breakdown_groups = [&](const std::string& breakdown) -> Groups* {
        if (breakdown == "owner") {
            return &m_owners;
        }
        if (breakdown == "source") {
            return &m_sources;
        }
        if (breakdown == "month") {
            return &m_months;
        }
        for (auto& b : m_breakdowns) {
            if (breakdown == "by:" + b.name) {
                return &b.groups;
            }
        }
        return nullptr;
    };
    const std::size_t n_visible = m_visible.size();
    auto funnel_of = [&](const ResultRow& row) -> FunnelCounts* {
        FunnelCounts* counts = nullptr;
        if (row.breakdown.empty()) {
            counts = &m_funnel_overall;
        } else if (Groups* groups = breakdown_groups(row.breakdown)) {
            counts = &(*groups)[row.group].funnel;
        }
        if (counts != nullptr && counts->reached.size() != n_visible) {
            counts->reached.assign(n_visible, 0);
            counts->converted.assign(n_visible > 0 ? n_visible - 1 : 0, 0);
        }
        return counts;
    };
    auto malformed = [&](const ResultRow& row) {
        error = fmt::format("the result has a row this audit does not make: {},{},{},{}", row.section, row.item,
                            row.breakdown, row.group);
        return false;
    };
    for (const auto& row : *rows) {
        // Month groups are named as the row loop names them.
        std::string group = row.group;
        if (row.breakdown == "month") {
            const auto name = month_name(row.group);
            if (!name) {
                return malformed(row);
            }
            group = *name;
        }
        if (row.section == "meta") {
            if (row.item == "rows") {
                m_result.rows = row.at(0);
            }
        } else if (row.section == "term") {
            const auto t = term_of(row.item);
            if (!t) {
                return malformed(row);
            }
            TermCounts* counts = &m_overall[*t];
            if (!row.breakdown.empty()) {
                Groups* groups = breakdown_groups(row.breakdown);
                if (groups == nullptr) {
                    return malformed(row);
                }
                counts = &(*groups)[group].terms[*t];
            }
            *counts = {row.at(0), row.at(1), row.at(2), row.at(3)};
        } else if (row.section == "latency") {
            Latency l;
            l.n = row.at(0);
            l.median = row.v[1];
            l.p90 = row.v[2];
            m_given_latencies[latency_key(row.item, row.breakdown, group)] = l;
        } else if (row.section == "stage") {
            const auto i = static_cast<std::size_t>(number(row.item).value_or(-1));
            if (i >= m_stages.size()) {
                return malformed(row);
            }
            m_reached_count[i] = row.at(0);
            m_undated_count[i] = row.at(1);
        } else if (row.section == "conversion") {
            if (row.breakdown == "source") {
                m_sources[group].conversion = {row.at(0), row.at(1)};
            } else {
                m_months[group].conversion.from = row.at(0);
            }
        } else if (row.section == "funnel") {
            FunnelCounts* counts = funnel_of(row);
            if (counts == nullptr) {
                return malformed(row);
            }
            if (row.item == "outcome") {
                counts->won = row.at(0);
                counts->lost = row.at(1);
            } else {
                const auto i = static_cast<std::size_t>(number(row.item).value_or(-1));
                if (i >= n_visible) {
                    return malformed(row);
                }
                counts->reached[i] = row.at(0);
                if (i + 1 < n_visible) {
                    counts->converted[i] = row.at(1);
                }
            }
        } else if (row.section == "costs") {
            auto& source = m_sources[group];
            source.leads = row.at(0);
            source.assigned = row.at(1);
            source.customers = row.at(2);
        } else if (row.section == "target") {
            const auto i = static_cast<std::size_t>(number(row.item).value_or(-1));
            if (i >= m_tallies.size()) {
                return malformed(row);
            }
            auto& tally = m_tallies[i];
            const auto& target = m_result.targets[i];
            if (row.breakdown == "day") {
                const auto day = number(row.group);
                if (!day) {
                    return malformed(row);
                }
                tally.by_period.add(period_index(static_cast<std::int64_t>(*day) * 86400, target.per), row.at(0));
            } else if (row.breakdown.empty() && tally.stage) {
                if (row.at(0) > 0) {
                    tally.first = row.at(1);
                    tally.last = row.at(2);
                }
                tally.undated = row.at(3);
            } else if (row.breakdown.empty()) {
                tally.from_count = row.at(0);
                tally.to_count = row.at(1);
            } else if (row.breakdown == "source") {
                m_sources[group].targets[i] = {row.at(0), row.at(1)};
            } else if (row.breakdown == "month") {
                m_months[group].targets[i] = {row.at(0), row.at(1)};
            } else {
                tally.undated_cohort = {row.at(0), row.at(1)};
            }
        } else if (row.section == "bad") {
            if (row.at(0) > 0) {
                auto& bad = m_result.bad_rows[row.item];
                bad.count += row.at(0);
                bad.example_lead = row.group;
            }
        }
    }
    return true;
}

} // namespace alignkit
