#include "alignkit/sla_audit.hpp"

#include "alignkit/timestamp.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace alignkit {
namespace {

enum class Status { not_eligible, met, breached, pending };

constexpr std::array<const char*, 4> k_terms{"handoff", "first_touch", "attempts", "reason"};

void count(std::initializer_list<TermCounts*> counts, Status status)
{
    if (status == Status::not_eligible) {
        return;
    }
    for (TermCounts* c : counts) {
        ++c->eligible;
        (status == Status::met ? c->met : status == Status::breached ? c->breached : c->pending)++;
    }
}

// A deadline term: eligible when `start` is set; met or breached by `done`, pending before the deadline.
Status deadline(std::optional<std::int64_t> start, std::optional<std::int64_t> done, std::int64_t limit,
                std::int64_t as_of)
{
    if (!start) {
        return Status::not_eligible;
    }
    if (done) {
        return *done - *start <= limit ? Status::met : Status::breached;
    }
    return *start + limit <= as_of ? Status::breached : Status::pending;
}

Latency nearest_rank(std::vector<std::int64_t>& values)
{
    Latency l;
    l.n = static_cast<std::int64_t>(values.size());
    if (values.empty()) {
        return l;
    }
    // Two order statistics, not a sort: the 90th first, then the median among those below it.
    auto rank = [&](std::int64_t p) {
        return static_cast<std::size_t>(std::max<std::int64_t>((p * l.n + 99) / 100, 1) - 1);
    };
    const auto p90 = values.begin() + static_cast<std::ptrdiff_t>(rank(90));
    std::nth_element(values.begin(), p90, values.end());
    l.p90 = *p90; // before the second pass, which may move it
    const auto median = values.begin() + static_cast<std::ptrdiff_t>(rank(50));
    std::nth_element(values.begin(), median, p90 + 1);
    l.median = *median;
    return l;
}

std::optional<std::size_t> column(const LeadDefinitions& defs, const std::vector<std::string>& header,
                                  const std::map<std::string, std::string>& overrides, const std::string& field,
                                  std::vector<std::string>* missing)
{
    std::string wanted = field;
    for (const auto& f : defs.fields) {
        if (f.name.value == field && !f.column.empty()) {
            wanted = f.column;
        }
    }
    if (auto it = overrides.find(field); it != overrides.end()) {
        wanted = it->second;
    }
    auto it = std::find(header.begin(), header.end(), wanted);
    if (it == header.end()) {
        if (missing != nullptr) {
            missing->push_back(fmt::format("'{}' (column '{}')", field, wanted));
        }
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - header.begin());
}

} // namespace

std::optional<SlaAuditor> SlaAuditor::make(const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                           const std::vector<std::string>& header,
                                           const std::map<std::string, std::string>& overrides, std::int64_t as_of,
                                           std::string& error)
{
    if (!sla.handoff || !sla.follow_up) {
        error = "the SLA needs 'handoff' and 'follow_up' terms to audit";
        return std::nullopt;
    }
    SlaAuditor a;
    a.m_result.as_of = as_of;
    a.m_width = header.size();
    a.m_handoff = sla.handoff->within.value.minutes * 60;
    a.m_first_contact = sla.follow_up->first_contact.value.minutes * 60;
    a.m_min_attempts = sla.follow_up->attempts.value;
    a.m_reason_required = !sla.disqualification || sla.disqualification->reason_required.value;
    a.m_result.handoff_stage = sla.handoff->stage.value;
    a.m_result.conversion_stage = "sql";
    for (const auto& t : sla.targets) {
        if (t.conversion && t.conversion->from.value == sla.handoff->stage.value) {
            a.m_result.conversion_stage = t.conversion->to.value;
        }
    }
    std::vector<std::string> missing;
    a.m_col.lead_id =
        column(defs, header, overrides, "lead_id", nullptr); // optional: breaches name the line without it
    a.m_col.owner = column(defs, header, overrides, "owner", &missing);
    a.m_col.source = column(defs, header, overrides, "source", &missing);
    a.m_col.entered = column(defs, header, overrides, a.m_result.handoff_stage + "_at", &missing);
    a.m_col.assigned = column(defs, header, overrides, "assigned_at", &missing);
    a.m_col.first_touch = column(defs, header, overrides, "first_touch_at", &missing);
    a.m_col.attempts = column(defs, header, overrides, "touch_attempts", &missing);
    a.m_col.converted = column(defs, header, overrides, a.m_result.conversion_stage + "_at", &missing);
    a.m_col.disqualified = column(defs, header, overrides, "disqualified_at", &missing);
    a.m_col.reason = column(defs, header, overrides, "disqualify_reason", &missing);
    if (!missing.empty()) {
        error = fmt::format("the export has no column for {}; map it with --columns FIELD=HEADER",
                            fmt::join(missing, ", "));
        return std::nullopt;
    }
    return a;
}

std::size_t SlaAuditor::group(GroupIndex& index, std::vector<Group>& groups, std::vector<std::string>& names,
                              std::string_view key)
{
    auto it = index.find(key);
    if (it != index.end()) {
        return it->second;
    }
    index.emplace(std::string(key), groups.size());
    names.emplace_back(key);
    groups.emplace_back();
    return groups.size() - 1;
}

void SlaAuditor::add(std::span<const std::string_view> fields, std::size_t line)
{
    ++m_result.rows;
    if (fields.size() != m_width) {
        ++m_result.ragged_rows;
    }
    auto cell = [&](const std::optional<std::size_t>& c) -> std::string_view {
        return c && *c < fields.size() ? fields[*c] : std::string_view{};
    };
    auto time = [&](const std::optional<std::size_t>& c, const char* name) -> std::optional<std::int64_t> {
        const auto text = cell(c);
        if (text.empty()) {
            return std::nullopt;
        }
        auto t = parse_timestamp(text);
        if (!t) {
            if (m_result.bad_values[name]++ == 0) {
                m_result.first_bad_line[name] = static_cast<std::int64_t>(line);
            }
        }
        return t;
    };
    const std::string_view owner = cell(m_col.owner);
    Group& by_owner = m_owners[group(m_owner_index, m_owners, m_owner_names, owner)];
    Group& by_source = m_sources[group(m_source_index, m_sources, m_source_names, cell(m_col.source))];

    const auto entered = time(m_col.entered, "entered");
    const auto assigned = time(m_col.assigned, "assigned_at");
    const auto touched = time(m_col.first_touch, "first_touch_at");
    const auto converted = time(m_col.converted, "converted");
    const auto disqualified = time(m_col.disqualified, "disqualified_at");
    std::int64_t attempts = 0;
    if (const auto text = cell(m_col.attempts); !text.empty()) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), attempts);
        if (ec != std::errc{} || end != text.data() + text.size()) {
            attempts = 0;
            if (m_result.bad_values["touch_attempts"]++ == 0) {
                m_result.first_bad_line["touch_attempts"] = static_cast<std::int64_t>(line);
            }
        }
    }

    // Breaches are written only when someone listens; their text is not made otherwise.
    const bool report = static_cast<bool>(m_on_breach);
    auto breach = [&](const char* term, std::optional<std::int64_t> due, std::string actual) {
        m_on_breach({std::string(cell(m_col.lead_id)), line, term, due ? format_timestamp(*due) : std::string{},
                     std::move(actual), std::string(owner)});
    };
    auto when = [](std::optional<std::int64_t> t) { return t ? format_timestamp(*t) : std::string{}; };
    const auto handoff = deadline(entered, assigned, m_handoff, m_result.as_of);
    count({&m_overall[0], &by_owner.terms[0], &by_source.terms[0]}, handoff);
    if (report && handoff == Status::breached) {
        breach("handoff", *entered + m_handoff, when(assigned));
    }
    const auto first_touch = deadline(assigned, touched, m_first_contact, m_result.as_of);
    count({&m_overall[1], &by_owner.terms[1], &by_source.terms[1]}, first_touch);
    if (report && first_touch == Status::breached) {
        breach("first_touch", *assigned + m_first_contact, when(touched));
    }
    if (disqualified) {
        const bool enough = attempts >= m_min_attempts;
        count({&m_overall[2], &by_owner.terms[2], &by_source.terms[2]}, enough ? Status::met : Status::breached);
        if (report && !enough) {
            breach("attempts", std::nullopt, std::to_string(attempts));
        }
        if (m_reason_required) {
            const auto reason = cell(m_col.reason);
            const bool given = reason.find_first_not_of(' ') != std::string_view::npos;
            count({&m_overall[3], &by_owner.terms[3], &by_source.terms[3]}, given ? Status::met : Status::breached);
            if (report && !given) {
                breach("reason", std::nullopt, std::string(reason));
            }
        }
    }
    if (entered) {
        // Exports run in time order, so the month is nearly always the last one counted.
        const auto month = cell(m_col.entered).substr(0, 7);
        if (month != m_month) {
            count_month();
            m_month = month;
        }
        ++m_month_entries;
        ++by_source.conversion.from;
        by_source.conversion.to += converted ? 1 : 0;
    }
    if (assigned && touched) {
        by_owner.latencies.push_back(*touched - *assigned);
    }
}

void SlaAuditor::count_month()
{
    if (m_month_entries > 0) {
        m_result.entries_by_month[m_month] += m_month_entries;
        m_month_entries = 0;
    }
}

void SlaAuditor::merge(SlaAuditor&& other, std::size_t line_offset)
{
    count_month();
    other.count_month();
    auto add_counts = [](TermCounts& to, const TermCounts& from) {
        to.eligible += from.eligible;
        to.met += from.met;
        to.breached += from.breached;
        to.pending += from.pending;
    };
    auto add_group = [&](Group& to, Group& from) {
        for (std::size_t t = 0; t < to.terms.size(); ++t) {
            add_counts(to.terms[t], from.terms[t]);
        }
        to.conversion.from += from.conversion.from;
        to.conversion.to += from.conversion.to;
        to.latencies.insert(to.latencies.end(), from.latencies.begin(), from.latencies.end());
    };
    for (std::size_t i = 0; i < other.m_owners.size(); ++i) {
        add_group(m_owners[group(m_owner_index, m_owners, m_owner_names, other.m_owner_names[i])], other.m_owners[i]);
    }
    for (std::size_t i = 0; i < other.m_sources.size(); ++i) {
        add_group(m_sources[group(m_source_index, m_sources, m_source_names, other.m_source_names[i])],
                  other.m_sources[i]);
    }
    for (std::size_t t = 0; t < m_overall.size(); ++t) {
        add_counts(m_overall[t], other.m_overall[t]);
    }
    AuditResult& to = m_result;
    AuditResult& from = other.m_result;
    to.rows += from.rows;
    to.ragged_rows += from.ragged_rows;
    for (const auto& [month, n] : from.entries_by_month) {
        to.entries_by_month[month] += n;
    }
    for (const auto& [field, n] : from.bad_values) {
        const auto line = from.first_bad_line.at(field) + static_cast<std::int64_t>(line_offset);
        if (to.bad_values[field] == 0 || line < to.first_bad_line[field]) {
            to.first_bad_line[field] = line;
        }
        to.bad_values[field] += n;
    }
}

AuditResult SlaAuditor::finish()
{
    count_month();
    // A group appears under a term only when one of its leads is eligible for it.
    for (std::size_t t = 0; t < k_terms.size(); ++t) {
        TermResult& term = m_result.terms[k_terms[t]];
        term.overall = m_overall[t];
        for (std::size_t i = 0; i < m_owners.size(); ++i) {
            if (m_owners[i].terms[t].eligible > 0) {
                term.by_owner[m_owner_names[i]] = m_owners[i].terms[t];
            }
        }
        for (std::size_t i = 0; i < m_sources.size(); ++i) {
            if (m_sources[i].terms[t].eligible > 0) {
                term.by_source[m_source_names[i]] = m_sources[i].terms[t];
            }
        }
    }
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        if (m_sources[i].conversion.from > 0) {
            m_result.conversion_by_source[m_source_names[i]] = m_sources[i].conversion;
        }
    }
    // Every lead has one owner group (empty owners too), so the owners' latencies together are
    // all of them: kept once, moved into one list owner by owner to keep the peak near one copy.
    std::size_t latencies = 0;
    for (const auto& owner : m_owners) {
        latencies += owner.latencies.size();
    }
    std::vector<std::int64_t> all;
    all.reserve(latencies);
    for (std::size_t i = 0; i < m_owners.size(); ++i) {
        auto& mine = m_owners[i].latencies;
        if (!mine.empty()) {
            m_result.first_touch_by_owner[m_owner_names[i]] = nearest_rank(mine);
            all.insert(all.end(), mine.begin(), mine.end());
            std::vector<std::int64_t>().swap(mine);
        }
    }
    m_result.first_touch_overall = nearest_rank(all);
    return std::move(m_result);
}

std::optional<double> compliance_percent(const TermCounts& counts)
{
    const auto decided = counts.met + counts.breached;
    if (decided == 0) {
        return std::nullopt;
    }
    return 100.0 * static_cast<double>(counts.met) / static_cast<double>(decided);
}

std::vector<TermUnderBar> terms_under(const AuditResult& result, double bar)
{
    std::vector<TermUnderBar> under;
    for (const auto& [term, counts] : result.terms) {
        if (const auto percent = compliance_percent(counts.overall); percent && *percent < bar) {
            under.push_back({term, *percent});
        }
    }
    return under;
}

std::string audit_canonical_json(const AuditResult& r)
{
    using Json = nlohmann::json; // std::map objects: keys in byte order, as the reference wants
    auto counts = [](const TermCounts& c) {
        return Json{{"eligible", c.eligible}, {"met", c.met}, {"breached", c.breached}, {"pending", c.pending}};
    };
    auto latency = [](const Latency& l) {
        return Json{{"n", l.n},
                    {"median", l.median ? Json(*l.median) : Json(nullptr)},
                    {"p90", l.p90 ? Json(*l.p90) : Json(nullptr)}};
    };
    Json sla = Json::object();
    for (const auto& [name, term] : r.terms) {
        Json by_owner = Json::object();
        for (const auto& [k, c] : term.by_owner) {
            by_owner[k] = counts(c);
        }
        Json by_source = Json::object();
        for (const auto& [k, c] : term.by_source) {
            by_source[k] = counts(c);
        }
        sla[name] = {{"overall", counts(term.overall)}, {"by_owner", by_owner}, {"by_source", by_source}};
    }
    Json months = Json::object();
    for (const auto& [month, n] : r.entries_by_month) {
        months[month] = n;
    }
    Json conversion = Json::object();
    for (const auto& [source, c] : r.conversion_by_source) {
        conversion[source] = {{"mql", c.from}, {"sql", c.to}, {"rate_ppm", (2000000 * c.to + c.from) / (2 * c.from)}};
    }
    Json by_owner = Json::object();
    for (const auto& [owner, l] : r.first_touch_by_owner) {
        by_owner[owner] = latency(l);
    }
    Json out = {{"as_of", format_timestamp(r.as_of)},
                {"rows", r.rows},
                {"sla", sla},
                {"mql_by_month", months},
                {"mql_to_sql_by_source", conversion},
                {"first_touch_latency_s", {{"overall", latency(r.first_touch_overall)}, {"by_owner", by_owner}}}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_audit_text(const AuditResult& r)
{
    auto rate = [](const TermCounts& c) {
        const auto percent = compliance_percent(c);
        return percent ? fmt::format("{:.1f}%", *percent) : std::string("-");
    };
    std::string out = fmt::format("SLA audit as of {}: {} leads\n\n", format_timestamp(r.as_of), r.rows);
    out += fmt::format("  {:<12} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "term", "eligible", "met", "breached",
                       "pending", "compliance");
    for (const auto& name : {"handoff", "first_touch", "attempts", "reason"}) {
        auto it = r.terms.find(name);
        if (it == r.terms.end()) {
            continue;
        }
        const auto& c = it->second.overall;
        out += fmt::format("  {:<12} {:>10} {:>10} {:>10} {:>10} {:>10}\n", name, c.eligible, c.met, c.breached,
                           c.pending, rate(c));
    }
    out += "\n  compliance = met / (met + breached); pending leads have not reached their deadline.\n";
    const auto& l = r.first_touch_overall;
    out += fmt::format("\nFirst touch after hand-off: {} leads, median {}, p90 {} (seconds, nearest rank)\n", l.n,
                       l.median ? std::to_string(*l.median) : "-", l.p90 ? std::to_string(*l.p90) : "-");
    out += fmt::format("\nLeads entering '{}' by month\n", r.handoff_stage);
    for (const auto& [month, n] : r.entries_by_month) {
        out += fmt::format("  {}  {}\n", month, n);
    }
    out += fmt::format("\n'{}' to '{}' by source\n", r.handoff_stage, r.conversion_stage);
    for (const auto& [source, c] : r.conversion_by_source) {
        out += fmt::format("  {:<32} {:>8} -> {:>8}  {:.1f}%\n", source, c.from, c.to,
                           100.0 * static_cast<double>(c.to) / static_cast<double>(c.from));
    }
    return out;
}

} // namespace alignkit
