#include "alignkit/audit/sla_audit.hpp"
#include "audit/auditor_state.hpp"

#include "audit/calendar_period.hpp"
#include "audit/latency_rank.hpp"
#include "exports/column_finder.hpp"

#include "alignkit/exports/export_presets.hpp"
#include "alignkit/util/date.hpp"
#include "alignkit/util/text.hpp"
#include "alignkit/util/timestamp.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fmt/format.h>

namespace alignkit {
namespace {

enum class Status { not_eligible, met, breached, pending };

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

std::int32_t clamp32(std::int64_t v)
{
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(v, std::numeric_limits<std::int32_t>::min(),
                                                              std::numeric_limits<std::int32_t>::max()));
}

} // namespace

bool AuditorState::read_terms(const ServiceLevelAgreement& sla, const AuditSettings& settings, std::string& error)
{
    if (!sla.handoff || !sla.follow_up) {
        error = "the SLA needs 'handoff' and 'follow_up' terms to audit";
        return false;
    }
    m_result.as_of = settings.as_of;
    m_format = settings.reading.time_format;
    if (sla.calendar) {
        m_clock = WorkingClock::make(*sla.calendar, error);
        if (!m_clock) {
            return false;
        }
        m_result.working_hours = true;
        m_result.time_zone = sla.calendar->time_zone.value;
        if (m_result.time_zone != "UTC") {
            m_zone = TimeZone::locate(m_result.time_zone, error);
        }
    }
    const auto& handoff = sla.handoff->within.value;
    const auto& first_contact = sla.follow_up->first_contact.value;
    m_handoff = limit_seconds(handoff);
    m_first_contact = limit_seconds(first_contact);
    m_min_attempts = sla.follow_up->attempts.value;
    m_reason_required = !sla.disqualification || sla.disqualification->reason_required.value;
    m_result.handoff_stage = sla.handoff->stage.value;
    m_result.conversion_stage = "sql";
    for (const auto& t : sla.targets) {
        if (t.conversion && t.conversion->from.value == sla.handoff->stage.value) {
            m_result.conversion_stage = t.conversion->to.value;
        }
    }
    for (const auto& dimension : settings.by) {
        m_by_source_latency = m_by_source_latency || dimension == "source";
        m_by_month_latency = m_by_month_latency || dimension == "month";
    }
    m_handoff_latency = settings.handoff_latency;
    m_terms.assign(enum_names<SlaTerm>().begin(), enum_names<SlaTerm>().end());
    m_audited.assign(m_terms.size(), 0);
    m_limits = {limit_words(handoff), limit_words(first_contact), fmt::format("at least {} attempts", m_min_attempts),
                "a reason"};
    m_result.by = settings.by;
    return true;
}

bool AuditorState::find_term_columns(ColumnFinder& columns, std::string& error)
{
    m_col.lead_id = columns.find("lead_id"); // optional: breaches name the line without it
    m_col.owner = columns.find("owner");     // optional: everyone in one group without it
    m_col.source = columns.find("source");
    const std::string entered = m_result.handoff_stage + "_at", converted = m_result.conversion_stage + "_at";
    m_col.entered = columns.find(entered);
    m_col.assigned = columns.find("assigned_at");
    m_col.first_touch = columns.find("first_touch_at");
    m_col.attempts = columns.find("touch_attempts");
    m_col.converted = columns.find(converted);
    m_col.disqualified = columns.find("disqualified_at");
    m_col.reason = columns.find("disqualify_reason");
    // A term is audited when the export has what it reads; otherwise the result says why not.
    std::vector<std::string> missing_anywhere;
    auto need = [&](SlaTerm term, std::initializer_list<std::pair<std::string, const Column*>> fields) {
        std::vector<std::string> missing;
        for (const auto& [field, column] : fields) {
            if (!*column) {
                const auto wanted = columns.wanted(field);
                missing.push_back(wanted == field ? fmt::format("'{}'", field)
                                                  : fmt::format("'{}' (column '{}')", field, wanted));
                if (std::find(missing_anywhere.begin(), missing_anywhere.end(), missing.back()) ==
                    missing_anywhere.end()) {
                    missing_anywhere.push_back(missing.back());
                }
            }
        }
        m_audited[slot_of(term)] = missing.empty() ? 1 : 0;
        if (!missing.empty()) {
            m_result.not_audited[std::string(to_string(term))] =
                fmt::format("the export has no column for {}", fmt::join(missing, ", "));
        }
    };
    need(SlaTerm::handoff, {{entered, &m_col.entered}, {"assigned_at", &m_col.assigned}});
    need(SlaTerm::first_touch, {{"assigned_at", &m_col.assigned}, {"first_touch_at", &m_col.first_touch}});
    need(SlaTerm::attempts, {{"disqualified_at", &m_col.disqualified}, {"touch_attempts", &m_col.attempts}});
    need(SlaTerm::reason, {{"disqualified_at", &m_col.disqualified}, {"disqualify_reason", &m_col.reason}});
    if (!m_reason_required) {
        m_audited[slot_of(SlaTerm::reason)] = 0;
        m_result.not_audited["reason"] = "the SLA does not require a reason";
    }
    if (std::none_of(m_audited.begin(), m_audited.end(), [](char x) { return x != 0; })) {
        error = fmt::format("no SLA term can be audited: the export has no column for {}; map the fields with "
                            "--columns FIELD=HEADER or choose a --preset",
                            fmt::join(missing_anywhere, ", "));
        return false;
    }
    m_slot = {slot(m_col.entered, entered), slot(m_col.assigned, "assigned_at"),
              slot(m_col.first_touch, "first_touch_at"), slot(m_col.converted, converted),
              slot(m_col.disqualified, "disqualified_at")};
    return true;
}

void AuditorState::find_stage_columns(const LeadDefinitions& defs, ColumnFinder& columns, const AuditSettings& settings)
{
    for (const auto& stage : defs.stages) {
        const auto field = stage.id.value + "_at";
        if (auto s = slot(columns.find(field), field)) {
            m_stage_cols.push_back({field, *s});
        }
    }
    m_funnel = settings.funnel && !m_stage_cols.empty();
    if (!m_funnel) {
        return;
    }
    m_costs = settings.costs;
    // The sales cycle starts at the first stage sales owns; the last stage is the win.
    for (const auto& stage : defs.stages) {
        for (std::size_t i = 0; i < m_stage_cols.size(); ++i) {
            if (m_stage_cols[i].field == stage.id.value + "_at" && stage.owner.value == Team::sales && !m_cycle_from) {
                m_cycle_from = i;
            }
        }
    }
    if (!defs.stages.empty() && m_stage_cols.back().field == defs.stages.back().id.value + "_at") {
        m_won = m_stage_cols.size() - 1;
    }
    m_time_in_stage.resize(m_stage_cols.size() - 1);
}

void AuditorState::plan_targets(const ServiceLevelAgreement& sla, ColumnFinder& columns)
{
    for (const auto& t : sla.targets) {
        TargetResult target;
        target.id = t.id.value;
        target.title = t.title;
        TargetTally tally;
        if (t.volume) {
            target.stage = t.volume->stage.value;
            target.per = t.volume->per;
            target.min = t.volume->min.value;
            const auto field = target.stage + "_at";
            tally.stage = slot(columns.find(field), field);
            if (!tally.stage) {
                target.not_measured = fmt::format("the export has no column for '{}_at' (column '{}')", target.stage,
                                                  columns.wanted(target.stage + "_at"));
            }
        } else if (t.conversion) {
            target.from = t.conversion->from.value;
            target.to = t.conversion->to.value;
            target.min_percent = t.conversion->min_percent.value;
            const auto from = target.from + "_at", to = target.to + "_at";
            tally.from = slot(columns.find(from), from);
            tally.to = slot(columns.find(to), to);
            // From the hand-off stage to the conversion stage: the sum of the by-source counts.
            tally.derived = tally.from && tally.from == m_slot.entered && tally.to == m_slot.converted;
            if (!tally.from || !tally.to) {
                const auto& missing = !tally.from ? target.from : target.to;
                target.not_measured = fmt::format("the export has no column for '{}_at' (column '{}')", missing,
                                                  columns.wanted(missing + "_at"));
            }
        }
        if (!target.not_measured && !tally.derived) {
            m_tallied.push_back(m_tallies.size());
        }
        m_result.targets.push_back(std::move(target));
        m_tallies.push_back(std::move(tally));
    }
}

void AuditorState::plan_stage_clocks(const LeadDefinitions& defs, ColumnFinder& columns)
{
    for (const auto& stage : defs.stages) {
        if (!stage.clock) {
            continue;
        }
        const auto field = stage.id.value + "_at";
        const std::size_t term = m_terms.size();
        m_terms.push_back(stage.id.value + "_clock");
        m_limits.push_back(limit_words(stage.clock->value));
        const auto start = slot(columns.find(field), field);
        m_audited.push_back(start.has_value() ? 1 : 0);
        if (!start) {
            m_result.not_audited[m_terms.back()] =
                fmt::format("the export has no column for '{}'{}", field,
                            columns.wanted(field) == field ? "" : fmt::format(" (column '{}')", columns.wanted(field)));
            continue;
        }
        StageClock clock;
        clock.term = term;
        clock.limit = limit_seconds(stage.clock->value);
        clock.start = *start;
        if (const auto ends = exit_field(stage, defs)) {
            if (auto s = slot(columns.find(*ends), *ends)) {
                clock.leave.push_back(*s);
            }
        }
        if (clock.leave.empty()) {
            bool later = false;
            for (const auto& sc : m_stage_cols) {
                later = later || sc.slot == *start;
                if (later && sc.slot != *start) {
                    clock.leave.push_back(sc.slot);
                }
            }
            if (m_slot.disqualified) {
                clock.leave.push_back(*m_slot.disqualified);
            }
        }
        m_stage_clocks.push_back(std::move(clock));
    }
}

void AuditorState::size_groups(ColumnFinder& columns)
{
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        if (m_audited[t]) {
            m_result.term_order.push_back(m_terms[t]);
        }
    }
    for (Groups* g : {&m_owners, &m_sources, &m_months}) {
        g->blank.terms.resize(m_terms.size());
        g->blank.latencies.resize(m_terms.size());
    }
    m_overall.resize(m_terms.size());
    m_result.columns = columns.found();
    m_times.resize(m_time_columns.size());
}

std::int64_t AuditorState::limit_seconds(const Duration& limit) const
{
    return m_clock ? m_clock->working_seconds(limit) : limit.minutes * 60;
}

std::string AuditorState::limit_words(const Duration& limit) const
{
    return m_clock ? m_clock->words(limit) : to_words(limit);
}

std::optional<SlaAuditor> SlaAuditor::make(const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                           const std::vector<std::string>& header, const AuditSettings& settings,
                                           std::string& error)
{
    auto state = std::make_unique<AuditorState>();
    state->m_width = header.size();
    if (!state->read_terms(sla, settings, error)) {
        return std::nullopt;
    }
    ColumnFinder columns(defs, header, settings.reading);
    if (!state->find_term_columns(columns, error)) {
        return std::nullopt;
    }
    state->find_stage_columns(defs, columns, settings);
    state->plan_targets(sla, columns);
    if (settings.stage_clocks) {
        state->plan_stage_clocks(defs, columns);
    }
    state->size_groups(columns);
    return SlaAuditor(std::move(state));
}

SlaAuditor::SlaAuditor(std::unique_ptr<AuditorState> state) : m_state(std::move(state)) {}
SlaAuditor::SlaAuditor(const SlaAuditor& other) : m_state(std::make_unique<AuditorState>(*other.m_state)) {}
SlaAuditor::SlaAuditor(SlaAuditor&&) noexcept = default;
SlaAuditor& SlaAuditor::operator=(const SlaAuditor& other)
{
    m_state = std::make_unique<AuditorState>(*other.m_state);
    return *this;
}
SlaAuditor& SlaAuditor::operator=(SlaAuditor&&) noexcept = default;
SlaAuditor::~SlaAuditor() = default;

void SlaAuditor::add(std::span<const std::string_view> fields, std::size_t line) { m_state->add(fields, line); }
void SlaAuditor::on_breach(std::function<void(const Breach&)> sink) { m_state->m_on_breach = std::move(sink); }
void SlaAuditor::merge(SlaAuditor&& other, std::size_t line_offset)
{
    m_state->merge(std::move(*other.m_state), line_offset);
}
AuditResult SlaAuditor::finish() { return m_state->finish(); }

namespace {

// Eight bytes a step, multiply and shift to mix: owner and source names are short, and one
// is hashed for every row.
std::uint64_t name_hash(std::string_view key)
{
    auto mix = [](std::uint64_t h, std::uint64_t v) {
        h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
        return h ^ (h >> 29);
    };
    std::uint64_t h = 0x243F6A8885A308D3ULL ^ key.size();
    const char* p = key.data();
    std::size_t n = key.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, 8);
        h = mix(h, v);
    }
    if (n > 0) {
        // The last 1-7 bytes in at most three loads: a copy of a variable length would go
        // byte by byte.
        std::uint64_t v = 0;
        std::size_t at = 0;
        if (n & 4) {
            std::uint32_t four = 0;
            std::memcpy(&four, p, 4);
            v = four;
            at = 4;
        }
        if (n & 2) {
            std::uint16_t two = 0;
            std::memcpy(&two, p + at, 2);
            v |= static_cast<std::uint64_t>(two) << (8 * at);
            at += 2;
        }
        if (n & 1) {
            v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[at])) << (8 * at);
        }
        h = mix(h, v);
    }
    return h ^ (h >> 32);
}

} // namespace

std::size_t AuditorState::Groups::index_of(std::string_view key)
{
    if (m_table.size() < 2 * (groups.size() + 1)) {
        grow();
    }
    const auto hash = name_hash(key);
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = m_table[i];
        if (slot.index == 0) {
            slot = {hash, groups.size() + 1};
            names.emplace_back(key);
            groups.push_back(blank);
            return groups.size() - 1;
        }
        if (slot.hash == hash && names[slot.index - 1] == key) {
            return slot.index - 1;
        }
    }
}

void AuditorState::Groups::grow()
{
    // At most half full, so a probe ends soon at an empty slot.
    std::vector<Slot> table(std::max<std::size_t>(16, m_table.size() * 2));
    const std::size_t mask = table.size() - 1;
    for (const auto& slot : m_table) {
        if (slot.index != 0) {
            std::size_t i = slot.hash & mask;
            while (table[i].index != 0) {
                i = (i + 1) & mask;
            }
            table[i] = slot;
        }
    }
    m_table = std::move(table);
}

void AuditorState::bad(const std::string& kind, std::size_t line)
{
    auto& rows = m_result.bad_rows[kind];
    ++rows.count;
    if (rows.first_lines.size() < k_bad_lines_kept) {
        rows.first_lines.push_back(static_cast<std::int64_t>(line));
    }
}

AuditorState::Slot AuditorState::slot(const Column& column, const std::string& field)
{
    if (!column) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
        if (m_time_columns[i].column == *column) {
            return i;
        }
    }
    m_time_columns.push_back({*column, field});
    return m_time_columns.size() - 1;
}

std::optional<std::int64_t> AuditorState::read_time(const TimeColumn& column, std::span<const std::string_view> fields,
                                                    std::size_t line)
{
    if (column.column >= fields.size() || fields[column.column].empty()) {
        return std::nullopt;
    }
    const auto text = fields[column.column];
    const auto written = m_format ? m_format->read(text) : read_timestamp(text);
    if (!written) {
        unreadable(column, line);
        return std::nullopt;
    }
    return written->naive && m_zone ? m_zone->to_utc(written->seconds) : written->seconds;
}

std::size_t AuditorState::month_of(std::int64_t t)
{
    const auto local = m_zone ? m_zone->to_local(t) : t;
    for (const auto& recent : m_recent_months) {
        if (local >= recent.begin && local < recent.end) {
            return recent.group;
        }
    }
    auto month = period_of(local, Period::month);
    auto& recent = m_recent_months[m_next_recent++ % m_recent_months.size()];
    recent = {month.begin, month.end, m_months.index_of(month.name)};
    return recent.group;
}

std::string_view AuditorState::group_name(std::string_view cell, const char* field, std::size_t line)
{
    // Bytes that are not UTF-8 and control characters show as U+FFFD in every report, so two
    // different names could show as one (twice: duplicate JSON keys) and tables would not line
    // up: the group is named as it is shown. Plain ASCII, nearly every name, is not copied.
    // A line break or tab in a quoted cell stays part of the name (reports show names on one
    // line, and the reference audit keys groups by the exact text).
    const bool plain = std::all_of(cell.begin(), cell.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return (b >= 0x20 && b < 0x7F) || c == '\n' || c == '\t';
    });
    if (!plain) {
        m_name_buffer = terminal_safe(cell);
        if (m_name_buffer != cell) {
            bad(fmt::format("'{}' holds control characters or bytes that are not UTF-8 (shown as U+FFFD)", field),
                line);
            cell = m_name_buffer;
        }
    }
    if (cell.size() <= k_max_group_name) {
        return cell;
    }
    bad(fmt::format("'{}' longer than {} bytes (cut)", field, k_max_group_name), line);
    std::size_t cut = k_max_group_name;
    while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80) {
        --cut; // not inside a UTF-8 character
    }
    return cell.substr(0, cut);
}

void AuditorState::read_times(std::span<const std::string_view> fields, std::size_t line)
{
    if (m_format || m_zone) {
        for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
            m_times[i] = read_time(m_time_columns[i], fields, line).value_or(k_unset);
        }
        return;
    }
    // The common case, kept tight: ISO times with a zone or in UTC.
    for (std::size_t i = 0; i < m_time_columns.size(); ++i) {
        const auto c = m_time_columns[i].column;
        const auto text = c < fields.size() ? fields[c] : std::string_view{};
        auto& t = m_times[i];
        t = k_unset;
        if (!text.empty()) {
            if (const auto written = read_timestamp(text)) {
                t = written->seconds;
            } else {
                unreadable(m_time_columns[i], line);
            }
        }
    }
}

std::int64_t AuditorState::read_attempts(std::string_view text, std::size_t line)
{
    std::int64_t attempts = 0;
    if (text.empty()) {
        return attempts;
    }
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), attempts);
    if (ec != std::errc{} || end != text.data() + text.size() || attempts < 0) {
        bad("unreadable number in 'touch_attempts'", line);
        return 0;
    }
    return attempts;
}

void AuditorState::report_breach(const Row& row, const std::string& term, std::optional<std::int64_t> due,
                                 std::string actual)
{
    m_on_breach({std::string(row.cell(m_col.lead_id)), row.line, term, due ? format_timestamp(*due) : std::string{},
                 std::move(actual), std::string(row.cell(m_col.owner))});
}

std::int64_t AuditorState::deadline(std::int64_t start, std::int64_t limit)
{
    return m_clock ? m_clock->deadline(start, limit) : start + limit;
}

// A clock term: met or breached by when it was done, pending while its deadline is ahead.
void AuditorState::count_clock(Row& row, std::size_t term, std::int64_t start, std::size_t month,
                               std::optional<std::int64_t> done, std::int64_t limit, bool keep_latency)
{
    Status status = Status::pending;
    Group& in_month = m_months.groups[month];
    if (done && *done < start - k_negative_tolerance) {
        // Done long before it started: the record cannot be right, so it is listed for fixing
        // in the CRM and not counted as met.
        done_before_start(term, row.line);
        return;
    }
    if (done) {
        const auto latency = m_clock ? m_clock->elapsed(start, *done) : *done - start;
        status = latency <= limit ? Status::met : Status::breached;
        if (keep_latency) {
            const auto l = clamp32(latency);
            row.owner.latencies[term].push_back(l);
            if (m_by_source_latency) {
                row.source.latencies[term].push_back(l);
            }
            if (m_by_month_latency) {
                in_month.latencies[term].push_back(l);
            }
        }
    } else if (deadline(start, limit) <= m_result.as_of) {
        status = Status::breached;
    }
    count({&m_overall[term], &row.owner.terms[term], &row.source.terms[term], &in_month.terms[term]}, status);
    // Breaches are written only when someone listens; their text is not made otherwise.
    if (m_on_breach && status == Status::breached) {
        report_breach(row, m_terms[term], deadline(start, limit), done ? format_timestamp(*done) : std::string{});
    }
}

// The lead definitions' stage clocks: from entering a stage to the earliest of the times that
// end it. One before the start is a negative latency, met, as for the hand-off.
void AuditorState::count_stage_clocks(Row& row)
{
    for (const auto& sc : m_stage_clocks) {
        const auto& start = at(sc.start);
        if (!start) {
            continue;
        }
        std::optional<std::int64_t> left;
        for (const auto slot : sc.leave) {
            if (const auto& t = at(slot); t && (!left || *t < *left)) {
                left = t;
            }
        }
        count_clock(row, sc.term, *start, month_of(*start), left, sc.limit, true);
    }
}

// Attempts and the reason, for a disqualified lead.
void AuditorState::count_disqualified(Row& row, std::int64_t disqualified)
{
    constexpr auto attempts_term = slot_of(SlaTerm::attempts), reason_term = slot_of(SlaTerm::reason);
    if (!m_audited[attempts_term] && !m_audited[reason_term]) {
        return;
    }
    Group& in_month = m_months.groups[month_of(disqualified)];
    if (m_audited[attempts_term]) {
        const auto attempts = read_attempts(row.cell(m_col.attempts), row.line);
        const bool enough = attempts >= m_min_attempts;
        count({&m_overall[attempts_term], &row.owner.terms[attempts_term], &row.source.terms[attempts_term],
               &in_month.terms[attempts_term]},
              enough ? Status::met : Status::breached);
        if (m_on_breach && !enough) {
            report_breach(row, "attempts", std::nullopt, std::to_string(attempts));
        }
    }
    if (m_audited[reason_term]) {
        const auto reason = row.cell(m_col.reason);
        const bool given = reason.find_first_not_of(' ') != std::string_view::npos;
        count({&m_overall[reason_term], &row.owner.terms[reason_term], &row.source.terms[reason_term],
               &in_month.terms[reason_term]},
              given ? Status::met : Status::breached);
        if (m_on_breach && !given) {
            report_breach(row, "reason", std::nullopt, std::string(reason));
        }
    }
}

void AuditorState::add(std::span<const std::string_view> fields, std::size_t line)
{
    ++m_result.rows;
    if (fields.size() != m_width) {
        bad("a different number of fields than the header", line);
    }
    Row row{fields, line, m_owners[group_name(Row::cell_of(fields, m_col.owner), "owner", line)],
            m_sources[group_name(Row::cell_of(fields, m_col.source), "source", line)]};
    read_times(fields, line);
    const auto entered = time(m_slot.entered);
    const auto assigned = time(m_slot.assigned);
    const auto disqualified = time(m_slot.disqualified);
    if (m_col.attempts && !(disqualified && m_audited[slot_of(SlaTerm::attempts)])) {
        // Read when not counted too, so an unreadable number is always reported.
        read_attempts(row.cell(m_col.attempts), line);
    }
    if (m_stage_cols.size() > 1) {
        check_stage_order(line);
    }
    // Months are looked up once per timestamp: the hand-off clock starts when the stage is entered.
    const std::size_t entered_month = entered ? month_of(*entered) : 0;
    constexpr auto handoff = slot_of(SlaTerm::handoff), first_touch = slot_of(SlaTerm::first_touch);
    if (m_audited[handoff] && entered) {
        count_clock(row, handoff, *entered, entered_month, assigned, m_handoff, m_handoff_latency);
    }
    if (m_audited[first_touch] && assigned) {
        count_clock(row, first_touch, *assigned, month_of(*assigned), time(m_slot.first_touch), m_first_contact, true);
    }
    count_stage_clocks(row);
    if (disqualified) {
        count_disqualified(row, *disqualified);
    }
    if (entered) {
        ++m_months.groups[entered_month].conversion.from;
        ++row.source.conversion.from;
        row.source.conversion.to += time(m_slot.converted) ? 1 : 0;
    }
    if (!m_tallied.empty()) {
        tally_targets();
    }
    if (m_funnel) {
        count_funnel(row.owner, row.source, assigned, disqualified);
    }
}

void AuditorState::count_funnel(Group& owner, Group& source, std::optional<std::int64_t> assigned,
                                std::optional<std::int64_t> disqualified)
{
    const std::size_t n = m_stage_cols.size();
    std::array<FunnelCounts*, 3> counts{&m_funnel_overall, &owner.funnel, &source.funnel};
    for (auto* c : counts) {
        if (c->reached.size() != n) {
            c->reached.resize(n);
            c->converted.resize(n - 1);
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto& t = at(m_stage_cols[i].slot);
        if (!t) {
            continue;
        }
        for (auto* c : counts) {
            ++c->reached[i];
        }
        if (i + 1 < n) {
            if (const auto& next = at(m_stage_cols[i + 1].slot)) {
                for (auto* c : counts) {
                    ++c->converted[i];
                }
                m_time_in_stage[i].push_back(clamp32(*next - *t));
            }
        }
    }
    const auto won = m_won ? at(m_stage_cols[*m_won].slot) : std::nullopt;
    const bool in_cycle = !m_cycle_from || at(m_stage_cols[*m_cycle_from].slot);
    if (in_cycle && (won || disqualified)) {
        for (auto* c : counts) {
            ++(won ? c->won : c->lost);
        }
    }
    if (won && m_cycle_from) {
        if (const auto& start = at(m_stage_cols[*m_cycle_from].slot)) {
            m_sales_cycle.push_back(clamp32(*won - *start));
        }
    }
    ++source.leads;
    source.assigned += assigned ? 1 : 0;
    source.customers += won ? 1 : 0;
}

// Lifecycle stages entered out of order (a customer before it was an MQL) are listed for
// fixing in the CRM; the row is still audited as it is.
void AuditorState::unreadable(const TimeColumn& column, std::size_t line)
{
    bad(fmt::format("unreadable time in '{}'", column.field), line);
}

void AuditorState::done_before_start(std::size_t term, std::size_t line)
{
    bad(fmt::format("{}: done more than an hour before its clock started", m_terms[term]), line);
}

void AuditorState::out_of_order(std::size_t stage, std::size_t before, std::size_t line)
{
    bad(fmt::format("'{}' before '{}'", m_stage_cols[stage].field, m_stage_cols[before].field), line);
}

void AuditorState::check_stage_order(std::size_t line)
{
    // Plain numbers: k_unset is the smallest, so an unset time is never out of order.
    const std::int64_t* times = m_times.data();
    std::int64_t latest = k_unset;
    std::size_t latest_stage = 0;
    for (std::size_t i = 0; i < m_stage_cols.size(); ++i) {
        const std::int64_t t = times[m_stage_cols[i].slot];
        if (t == k_unset) {
            continue;
        }
        if (t < latest) {
            out_of_order(i, latest_stage, line);
            continue;
        }
        latest = t;
        latest_stage = i;
    }
}

void AuditorState::tally_targets()
{
    // How far the export's records reach, so that quiet periods at its end are judged too.
    for (const auto t : m_times) {
        m_latest = std::max(m_latest, t);
    }
    for (const auto i : m_tallied) {
        auto& tally = m_tallies[i];
        const auto& target = m_result.targets[i];
        if (tally.stage) {
            if (const auto t = time(tally.stage)) {
                const auto local = m_zone ? m_zone->to_local(*t) : *t;
                auto& cache = tally.period;
                if (cache.count == nullptr || local < cache.begin || local >= cache.end) {
                    auto period = period_of(local, target.per);
                    cache.begin = period.begin;
                    cache.end = period.end;
                    cache.count = &tally.by_period[period.name];
                }
                ++*cache.count;
                tally.first = std::min(tally.first, local);
                tally.last = std::max(tally.last, local);
            }
        } else if (time(tally.from)) {
            ++tally.from_count;
            tally.to_count += time(tally.to) ? 1 : 0;
        }
    }
}

void AuditorState::merge(AuditorState&& other, std::size_t line_offset)
{
    auto add_funnel = [](FunnelCounts& to, const FunnelCounts& from) {
        if (from.reached.empty()) {
            return;
        }
        if (to.reached.empty()) {
            to = from;
            return;
        }
        for (std::size_t i = 0; i < to.reached.size(); ++i) {
            to.reached[i] += from.reached[i];
        }
        for (std::size_t i = 0; i < to.converted.size(); ++i) {
            to.converted[i] += from.converted[i];
        }
        to.won += from.won;
        to.lost += from.lost;
    };
    auto add_counts = [](TermCounts& to, const TermCounts& from) {
        to.eligible += from.eligible;
        to.met += from.met;
        to.breached += from.breached;
        to.pending += from.pending;
    };
    auto add_groups = [&](Groups& to, Groups& from) {
        for (std::size_t i = 0; i < from.groups.size(); ++i) {
            Group& mine = to[from.names[i]];
            Group& theirs = from.groups[i];
            for (std::size_t t = 0; t < mine.terms.size(); ++t) {
                add_counts(mine.terms[t], theirs.terms[t]);
            }
            mine.conversion.from += theirs.conversion.from;
            mine.conversion.to += theirs.conversion.to;
            for (std::size_t t = 0; t < mine.latencies.size(); ++t) {
                mine.latencies[t].insert(mine.latencies[t].end(), theirs.latencies[t].begin(),
                                         theirs.latencies[t].end());
            }
            add_funnel(mine.funnel, theirs.funnel);
            mine.leads += theirs.leads;
            mine.assigned += theirs.assigned;
            mine.customers += theirs.customers;
        }
    };
    add_funnel(m_funnel_overall, other.m_funnel_overall);
    for (std::size_t i = 0; i < m_time_in_stage.size(); ++i) {
        m_time_in_stage[i].insert(m_time_in_stage[i].end(), other.m_time_in_stage[i].begin(),
                                  other.m_time_in_stage[i].end());
    }
    m_sales_cycle.insert(m_sales_cycle.end(), other.m_sales_cycle.begin(), other.m_sales_cycle.end());
    add_groups(m_owners, other.m_owners);
    add_groups(m_sources, other.m_sources);
    add_groups(m_months, other.m_months);
    for (std::size_t t = 0; t < m_overall.size(); ++t) {
        add_counts(m_overall[t], other.m_overall[t]);
    }
    m_result.rows += other.m_result.rows;
    m_latest = std::max(m_latest, other.m_latest);
    for (auto& [kind, theirs] : other.m_result.bad_rows) {
        auto& mine = m_result.bad_rows[kind];
        mine.count += theirs.count;
        for (const auto line : theirs.first_lines) {
            if (mine.first_lines.size() < k_bad_lines_kept) {
                mine.first_lines.push_back(line + static_cast<std::int64_t>(line_offset));
            }
        }
    }
    for (std::size_t i = 0; i < m_tallies.size(); ++i) {
        for (const auto& [period, n] : other.m_tallies[i].by_period) {
            m_tallies[i].by_period[period] += n;
        }
        m_tallies[i].first = std::min(m_tallies[i].first, other.m_tallies[i].first);
        m_tallies[i].last = std::max(m_tallies[i].last, other.m_tallies[i].last);
        m_tallies[i].from_count += other.m_tallies[i].from_count;
        m_tallies[i].to_count += other.m_tallies[i].to_count;
    }
}

void AuditorState::judge_targets()
{
    const auto as_of = m_zone ? m_zone->to_local(m_result.as_of) : m_result.as_of;
    for (std::size_t i = 0; i < m_tallies.size(); ++i) {
        auto& target = m_result.targets[i];
        const auto& tally = m_tallies[i];
        if (target.not_measured) {
            continue;
        }
        if (target.stage.empty()) {
            target.entered_from = tally.from_count;
            target.entered_to = tally.to_count;
            if (tally.derived) {
                for (const auto& source : m_sources.groups) {
                    target.entered_from += source.conversion.from;
                    target.entered_to += source.conversion.to;
                }
            }
            const auto& from = target.entered_from;
            const auto& to = target.entered_to;
            target.missed =
                from > 0 && 100.0 * static_cast<double>(to) < target.min_percent * static_cast<double>(from);
            continue;
        }
        if (tally.by_period.empty()) {
            continue;
        }
        // Every period from the first entry's to the last the export reaches (its latest time,
        // up to as-of), empty ones too: a month without a single MQL misses a volume target. A
        // period is judged once it is over at as-of.
        const auto latest = std::min(m_latest, m_result.as_of);
        const auto last =
            m_latest == k_unset ? tally.last : std::max(tally.last, m_zone ? m_zone->to_local(latest) : latest);
        for (auto local = tally.first; local <= last;) {
            const auto [name, begin, end] = period_of(local, target.per);
            const auto it = tally.by_period.find(name);
            const std::int64_t n = it == tally.by_period.end() ? 0 : it->second;
            const bool complete = end <= as_of;
            const bool missed = complete && static_cast<double>(n) < target.min;
            target.periods.push_back({name, n, complete, missed});
            target.missed = target.missed || missed;
            local = end;
        }
    }
}

void AuditorState::finish_funnel()
{
    Funnel f;
    for (const auto& sc : m_stage_cols) {
        f.stages.push_back(sc.field.substr(0, sc.field.size() - 3)); // without "_at"
    }
    f.overall = m_funnel_overall;
    f.overall.reached.resize(f.stages.size());
    f.overall.converted.resize(f.stages.size() - 1);
    for (std::size_t i = 0; i < m_owners.groups.size(); ++i) {
        if (!m_owners.groups[i].funnel.reached.empty()) {
            f.by_owner[m_owners.names[i]] = m_owners.groups[i].funnel;
        }
    }
    for (std::size_t i = 0; i < m_sources.groups.size(); ++i) {
        if (!m_sources.groups[i].funnel.reached.empty()) {
            f.by_source[m_sources.names[i]] = m_sources.groups[i].funnel;
        }
    }
    for (auto& times : m_time_in_stage) {
        f.time_in_stage.push_back(nearest_rank(times));
    }
    if (m_cycle_from && m_won && *m_cycle_from < *m_won) {
        f.cycle_from = f.stages[*m_cycle_from];
        f.cycle_to = f.stages[*m_won];
        f.sales_cycle = nearest_rank(m_sales_cycle);
    }
    m_result.funnel = std::move(f);
    // Campaign costs by source, joined to the leads each source brought; sources that cost
    // nothing in the file are not shown, sources that brought no lead are.
    for (const auto& [source, cost] : m_costs) {
        CampaignCost c{source, cost, 0, 0, 0};
        for (std::size_t i = 0; i < m_sources.groups.size(); ++i) {
            if (m_sources.names[i] == source) {
                c.leads = m_sources.groups[i].leads;
                c.assigned = m_sources.groups[i].assigned;
                c.customers = m_sources.groups[i].customers;
            }
        }
        m_result.costs.push_back(c);
    }
}

AuditResult AuditorState::finish()
{
    const auto& by = m_result.by;
    const bool by_owner = std::find(by.begin(), by.end(), "owner") != by.end();
    const bool by_source = std::find(by.begin(), by.end(), "source") != by.end();
    // A group appears under a term only when one of its leads is eligible for it.
    auto breakdown = [&](std::size_t t, const Groups& from, std::map<std::string, TermCounts>& to) {
        for (std::size_t i = 0; i < from.groups.size(); ++i) {
            if (from.groups[i].terms[t].eligible > 0) {
                to[from.names[i]] = from.groups[i].terms[t];
            }
        }
    };
    auto latencies = [&](std::size_t t, Groups& from, std::map<std::string, Latency>& to) {
        for (std::size_t i = 0; i < from.groups.size(); ++i) {
            if (auto& mine = from.groups[i].latencies[t]; !mine.empty()) {
                to[from.names[i]] = nearest_rank(mine);
            }
        }
    };
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        if (!m_audited[t]) {
            continue;
        }
        TermResult& term = m_result.terms[m_terms[t]];
        term.limit = m_limits[t];
        term.overall = m_overall[t];
        if (by_owner) {
            breakdown(t, m_owners, term.by_owner);
        }
        if (by_source) {
            breakdown(t, m_sources, term.by_source);
        }
        breakdown(t, m_months, term.by_month);
        const bool counted_not_timed = t == slot_of(SlaTerm::attempts) || t == slot_of(SlaTerm::reason);
        if (counted_not_timed || (t == slot_of(SlaTerm::handoff) && !m_handoff_latency)) {
            continue; // no clock, or no latency asked for
        }
        if (m_by_source_latency) {
            latencies(t, m_sources, term.latency_by_source);
        }
        if (m_by_month_latency) {
            latencies(t, m_months, term.latency_by_month);
        }
        // Every lead has one owner group (empty owners too), so the owners' latencies together
        // are all of them: the overall ranks are found across the owners' lists, without a copy.
        std::vector<const std::vector<std::int32_t>*> lists;
        for (auto& owner : m_owners.groups) {
            lists.push_back(&owner.latencies[t]);
        }
        term.latency = nearest_rank_across(lists);
        for (std::size_t i = 0; i < m_owners.groups.size(); ++i) {
            if (auto& mine = m_owners.groups[i].latencies[t]; !mine.empty()) {
                if (by_owner) {
                    term.latency_by_owner[m_owners.names[i]] = nearest_rank(mine);
                }
                std::vector<std::int32_t>().swap(mine);
            }
        }
    }
    for (std::size_t i = 0; i < m_sources.groups.size(); ++i) {
        if (m_sources.groups[i].conversion.from > 0) {
            m_result.conversion_by_source[m_sources.names[i]] = m_sources.groups[i].conversion;
        }
    }
    for (std::size_t i = 0; i < m_months.groups.size(); ++i) {
        if (m_months.groups[i].conversion.from > 0) {
            m_result.entries_by_month[m_months.names[i]] = m_months.groups[i].conversion.from;
        }
    }
    const auto local = format_timestamp(m_zone ? m_zone->to_local(m_result.as_of) : m_result.as_of);
    m_result.as_of_local = local.substr(0, 10) + " " + local.substr(11, 8);
    judge_targets();
    if (m_funnel) {
        finish_funnel();
    }
    return std::move(m_result);
}

} // namespace alignkit
