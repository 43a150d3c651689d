#include "alignkit/audit/sla_audit.hpp"
#include "audit/auditor_state.hpp"

#include "audit/calendar_period.hpp"
#include "audit/latency_rank.hpp"
#include "audit/sql_dialect.hpp"
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
    m_result.as_of = settings.as_of;
    m_format = settings.reading.time_format;
    if (sla.calendar) {
        m_clock = WorkingClock::make(*sla.calendar, error);
        m_calendar = sla.calendar;
        if (!m_clock) {
            return false;
        }
        m_result.working_hours = true;
        m_result.time_zone = sla.calendar->time_zone.value;
        m_result.calendar_zone = sla.calendar->time_zone.value;
    }
    if (settings.zone) {
        m_result.time_zone = *settings.zone;
    }
    if (m_result.time_zone != "UTC") {
        m_zone = TimeZone::locate(m_result.time_zone, error);
        if (!m_zone) {
            return false;
        }
    }
    const Duration none{};
    const auto& handoff = sla.handoff ? sla.handoff->within.value : none;
    const auto& first_contact = sla.follow_up ? sla.follow_up->first_contact.value : none;
    m_handoff = limit_seconds(handoff);
    m_first_contact = limit_seconds(first_contact);
    m_min_attempts = sla.follow_up ? sla.follow_up->attempts.value : 0;
    m_reason_required = !sla.disqualification || sla.disqualification->reason_required.value;
    m_result.handoff_stage = sla.handoff ? sla.handoff->stage.value : std::string{};
    m_result.conversion_stage = sla.handoff ? "sql" : "";
    for (const auto& t : sla.targets) {
        if (sla.handoff && t.conversion && t.conversion->from.value == sla.handoff->stage.value) {
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
    m_from = settings.from;
    m_until = settings.until;
    m_activities = settings.activities;
    m_count_stages = settings.funnel; // the stages table goes with the funnel
    m_result.periods_from = settings.from_text;
    m_result.periods_until = settings.until_text;
    m_quantiles = settings.quantiles;
    m_result.quantiles = settings.quantiles;
    return true;
}

void AuditorState::read_fields(const LeadDefinitions& defs, ColumnFinder& columns)
{
    for (const auto& field : defs.fields) {
        if (const auto column = columns.find(field.name.value)) {
            m_readings.push_back({field.name.value, *column, field.type, field.missing, field.ignore_case});
        }
        if (field.zone) {
            m_field_zones[field.name.value] = field.zone->value;
        }
        if (!field.missing.empty() &&
            (field.name.value == role_field(defs, "owner") || field.name.value == role_field(defs, "source"))) {
            auto& reading = field.name.value == role_field(defs, "owner") ? m_owner_reading : m_source_reading;
            reading.missing = field.missing;
            reading.ignore_case = field.ignore_case;
        }
    }
}

std::optional<std::string> AuditorState::unseen(const std::optional<std::size_t>& stage, const std::string& id) const
{
    if (!stage) {
        return fmt::format("the lead definitions have no stage or exit '{}'", id);
    }
    if (!m_stages[*stage].visible) {
        return fmt::format("the export cannot show when a lead reached '{}' ({})", id,
                           fmt::join(m_result.stages[*stage].reached_by, "; "));
    }
    return std::nullopt;
}

std::optional<std::size_t> AuditorState::stage_index(const std::string& id) const
{
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        if (m_stages[i].id == id) {
            return i;
        }
    }
    return std::nullopt;
}

// One stage or exit as the export shows it: by its date, its entry criteria evaluated on the
// record, a later stage, or every record; the report says which, and what it could not see.
void AuditorState::plan_stage(const StagePlan& plan, ColumnFinder& columns)
{
    StageSource source;
    StageReading reading;
    source.id = reading.id = plan.id;
    source.exit = reading.exit = plan.exit;
    source.loss = plan.loss;
    source.date_field = plan.date_field;
    source.date = slot(columns.find(plan.date_field), plan.date_field);
    if (source.date) {
        reading.dated_by = columns.found().at(plan.date_field);
    }
    for (const auto& way : *plan.reached) {
        source.by_date = source.by_date || way.value == Evidence::date;
        source.by_later = source.by_later || way.value == Evidence::later;
        source.by_all = source.by_all || way.value == Evidence::all;
        if (way.value == Evidence::entry && plan.entry != nullptr) {
            plan_entry(*plan.entry, source, reading);
        }
    }
    source.by_date = source.by_date || plan.reached->empty();
    if (source.by_date) {
        if (!source.date) {
            note_missing(fmt::format("'{}'", columns.wanted(plan.date_field)));
        }
        reading.reached_by.push_back(
            source.date ? fmt::format("'{}' is set", reading.dated_by)
                        : fmt::format("its date, but the export has no column '{}'", columns.wanted(plan.date_field)));
    }
    if (source.by_all) {
        reading.reached_by.emplace_back("every record");
    }
    if (source.by_later) {
        reading.reached_by.emplace_back("a later stage was reached");
    }
    source.visible = (source.by_date && source.date) || source.entry || source.by_all;
    m_stages.push_back(std::move(source));
    m_result.stages.push_back(std::move(reading));
}

// A stage reached by its entry criteria: compiled for rows when the export has every field
// they read.
void AuditorState::plan_entry(const Criteria& entry, StageSource& source, StageReading& reading)
{
    criteria::Problem problem;
    auto expr = criteria::parse(entry.text.value, problem);
    if (!expr) {
        reading.reached_by.emplace_back("its entry criteria, which do not parse");
        return;
    }
    std::vector<std::string> absent;
    for (const auto& f : criteria::fields_used(*expr)) {
        if (std::none_of(m_readings.begin(), m_readings.end(), [&](const CellReading& r) { return r.field == f; })) {
            absent.push_back(f);
        }
    }
    if (!absent.empty()) {
        reading.reached_by.push_back(
            fmt::format("its entry criteria, but the export has no column for '{}'", fmt::join(absent, "', '")));
        return;
    }
    reading.reached_by.push_back(criteria::to_string(*expr));
    source.entry.emplace(*expr, m_readings, m_format);
    source.entry_expr = std::move(expr);
}

// Two stages reached only by a date read from one column are the same stage to the audit.
void AuditorState::warn_shared_dates()
{
    auto date_only = [](const StageSource& s) { return s.visible && !s.entry && !s.by_all && s.date; };
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        for (std::size_t j = 0; j < i && date_only(m_stages[i]); ++j) {
            if (date_only(m_stages[j]) && m_stages[j].date == m_stages[i].date) {
                m_result.warnings.push_back(fmt::format(
                    "'{}' and '{}' are both read from column '{}' and nothing else tells them apart: every lead "
                    "with that date counts as both; give them `reached: [entry]` and entry criteria that differ",
                    m_stages[j].id, m_stages[i].id, m_result.stages[i].dated_by));
            }
        }
    }
}

void AuditorState::plan_stages(const ServiceLevelAgreement& sla, const LeadDefinitions& defs, ColumnFinder& columns)
{
    for (const auto& stage : defs.stages) {
        plan_stage({stage.id.value, dating_field(stage), &stage.entry, &stage.reached, false, false}, columns);
    }
    m_lifecycle = m_stages.size();
    for (const auto& exit : defs.exits) {
        plan_stage(
            {exit.id.value, dating_field(exit), exit.entry ? &*exit.entry : nullptr, &exit.reached, true, !exit.to},
            columns);
    }
    // A stage reached when a later one was is visible when any later one is.
    for (std::size_t i = m_lifecycle; i-- > 0;) {
        if (m_stages[i].by_later && i + 1 < m_lifecycle) {
            m_stages[i].visible = m_stages[i].visible || std::any_of(m_stages.begin() + static_cast<long>(i) + 1,
                                                                     m_stages.begin() + static_cast<long>(m_lifecycle),
                                                                     [](const StageSource& s) { return s.visible; });
        }
    }
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        m_result.stages[i].visible = m_stages[i].visible;
        if (i < m_lifecycle && m_stages[i].visible) {
            m_visible.push_back(i);
        }
        m_losses_visible = m_losses_visible || (m_stages[i].loss && m_stages[i].visible);
    }
    warn_shared_dates();
    m_entered = sla.handoff ? stage_index(sla.handoff->stage.value) : std::nullopt;
    m_converted = m_result.conversion_stage.empty() ? std::nullopt : stage_index(m_result.conversion_stage);
    m_disqualified = stage_index(sla.disqualification ? sla.disqualification->exit.value : "disqualified");
    // A stage the export cannot show is never reached: it has no step.
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        const auto& st = m_stages[i];
        if (st.visible) {
            m_steps.push_back({i, st.date ? static_cast<std::int64_t>(*st.date) : -1, st.by_all, st.by_date,
                               st.by_later, st.entry.has_value(), i < m_lifecycle});
        }
    }
    m_reached.assign(m_stages.size(), 0);
    m_stage_time.assign(m_stages.size(), k_unset);
    m_reached_count.assign(m_stages.size(), 0);
    m_undated_count.assign(m_stages.size(), 0);
}

void AuditorState::find_term_columns(const ServiceLevelAgreement& sla, const LeadDefinitions& defs,
                                     ColumnFinder& columns)
{
    const auto role = [&](std::string_view r) { return role_field(defs, r); };
    m_col.lead_id = columns.find(role("lead_id")); // optional: breaches name the line without it
    m_col.owner = columns.find(role("owner"));     // optional: everyone in one group without it
    m_col.source = columns.find(role("source"));
    m_col.assigned = columns.find(role("assigned_at"));
    m_col.first_touch = columns.find(role("first_touch_at"));
    m_col.attempts = columns.find(role("attempts"));
    m_col.reason = columns.find(role("disqualify_reason"));
    for (const auto& field : defs.roles.attempt_times) {
        if (auto s = slot(columns.find(field.value), field.value)) {
            m_attempt_slots.push_back(*s);
        }
    }
    // An activity export joins on the lead id; without one it has nothing to join.
    if (m_activities && !m_col.lead_id) {
        note_missing(fmt::format("'{}'", columns.wanted(role("lead_id"))));
        m_result.warnings.push_back(fmt::format("--activities cannot be joined: the export has no column for '{}'",
                                                columns.wanted(role("lead_id"))));
        m_activities.reset();
    }
    const bool attempt_times = !m_attempt_slots.empty() || m_activities;
    // A term is audited when the SLA states it and the export has what it reads; otherwise
    // the result says why not.
    auto missing_column = [&](const std::string& field) {
        const auto wanted = columns.wanted(field);
        note_missing(fmt::format("'{}'", wanted));
        return wanted == field ? fmt::format("'{}'", field) : fmt::format("'{}' (column '{}')", field, wanted);
    };
    auto decide = [&](SlaTerm term, std::optional<std::string> why, bool stated) {
        m_audited[slot_of(term)] = why ? 0 : 1;
        if (why) {
            m_result.not_audited[std::string(to_string(term))] = *why;
        }
        if (!stated) {
            m_result.not_stated.insert(std::string(to_string(term)));
        }
    };
    const auto disqualified_id = sla.disqualification ? sla.disqualification->exit.value : std::string("disqualified");
    const auto assigned = role("assigned_at"), first_touch = role("first_touch_at"), attempts = role("attempts"),
               reason = role("disqualify_reason");
    std::optional<std::string> why;
    if (!sla.handoff) {
        why = "the SLA has no 'handoff' term";
    } else if (auto hidden = unseen(m_entered, sla.handoff->stage.value)) {
        why = hidden;
    } else if (!m_stages[*m_entered].date) {
        why = fmt::format("the export gives no time for '{}'", sla.handoff->stage.value);
    } else if (!m_col.assigned) {
        why = fmt::format("the export has no column for {}", missing_column(assigned));
    }
    decide(SlaTerm::handoff, why, sla.handoff.has_value());
    why.reset();
    if (!sla.follow_up) {
        why = "the SLA has no 'follow_up' term";
    } else if (!m_col.assigned || !m_col.first_touch) {
        why = fmt::format("the export has no column for {}", missing_column(!m_col.assigned ? assigned : first_touch));
    }
    decide(SlaTerm::first_touch, why, sla.follow_up.has_value());
    why.reset();
    if (!sla.follow_up) {
        why = "the SLA has no 'follow_up' term";
    } else if (auto hidden = unseen(m_disqualified, disqualified_id)) {
        why = hidden;
    } else if (!m_col.attempts && !attempt_times) {
        why = fmt::format("the export has no column for {} and no attempt times (roles: attempt_times)",
                          missing_column(attempts));
    }
    decide(SlaTerm::attempts, why, sla.follow_up.has_value());
    why.reset();
    if (!m_reason_required) {
        why = "the SLA does not require a reason";
    } else if (auto hidden = unseen(m_disqualified, disqualified_id)) {
        why = hidden;
    } else if (!m_col.reason) {
        why = fmt::format("the export has no column for {}", missing_column(reason));
    }
    decide(SlaTerm::reason, why, m_reason_required && sla.disqualification.has_value());
    // The follow-up window and spacing, on the attempts' times.
    if (sla.follow_up) {
        const auto no_times = "the export has no attempt times (roles: attempt_times, or --activities)";
        m_window_term = m_terms.size();
        m_terms.emplace_back("window");
        m_limits.push_back(
            fmt::format("{} attempts within {}", m_min_attempts, limit_words(sla.follow_up->window.value)));
        m_window = limit_seconds(sla.follow_up->window.value);
        const bool times = attempt_times && m_col.assigned;
        m_audited.push_back(times && m_audited[slot_of(SlaTerm::attempts)] ? 1 : 0);
        if (!m_audited.back()) {
            m_result.not_audited["window"] =
                !attempt_times    ? no_times
                : !m_col.assigned ? fmt::format("the export has no column for {}", missing_column(assigned))
                                  : m_result.not_audited["attempts"];
        }
        if (sla.follow_up->spacing) {
            m_spacing_term = m_terms.size();
            m_terms.emplace_back("spacing");
            m_limits.push_back(fmt::format("at least {} apart", limit_words(sla.follow_up->spacing->value)));
            m_spacing = limit_seconds(sla.follow_up->spacing->value);
            m_audited.push_back(attempt_times ? 1 : 0);
            if (!attempt_times) {
                m_result.not_audited["spacing"] = no_times;
            }
        }
    }
    m_slot = {slot(m_col.assigned, assigned), slot(m_col.first_touch, first_touch)};
}

void AuditorState::plan_funnel(const LeadDefinitions& defs, const AuditSettings& settings)
{
    m_funnel = settings.funnel && !m_visible.empty();
    if (!m_funnel) {
        return;
    }
    m_costs = settings.costs;
    // The sales cycle starts at the first stage sales owns; the last stage is the win.
    // The win rate is of the leads that reached it; its time runs from the first such stage
    // the export dates.
    for (std::size_t i = 0; i < m_visible.size(); ++i) {
        // Not the last stage itself: then every lead that took an exit was in the cycle.
        if (defs.stages[m_visible[i]].owner.value == Team::sales && m_visible[i] + 1 != m_lifecycle) {
            m_cycle_from = m_cycle_from.value_or(i);
            if (!m_cycle_start && m_stages[m_visible[i]].date) {
                m_cycle_start = i;
            }
        }
    }
    if (m_visible.back() + 1 == m_lifecycle) {
        m_won = m_visible.size() - 1;
    }
}

void AuditorState::plan_targets(const ServiceLevelAgreement& sla)
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
            target.not_measured = unseen(stage_index(target.stage), target.stage);
            tally.stage = stage_index(target.stage);
            if (!target.not_measured && !m_stages[*tally.stage].date) {
                target.not_measured = fmt::format("the export gives no time for '{}', so no period", target.stage);
            }
        } else if (t.conversion) {
            target.from = t.conversion->from.value;
            target.to = t.conversion->to.value;
            target.min_percent = t.conversion->min_percent.value;
            target.not_measured = unseen(stage_index(target.from), target.from);
            if (!target.not_measured) {
                target.not_measured = unseen(stage_index(target.to), target.to);
            }
            tally.from = stage_index(target.from);
            tally.to = stage_index(target.to);
        }
        if (t.volume) {
            // Whole periods: from the start of the one holding --from to the end of the one
            // holding the last moment before --until.
            if (m_from) {
                tally.from_bound = period_bounds(*m_from, t.volume->per).begin;
            }
            if (m_until) {
                tally.until_bound = period_bounds(*m_until - 1, t.volume->per).end;
            }
        }
        if (!target.not_measured) {
            m_tallied.push_back(m_tallies.size());
        }
        m_result.targets.push_back(std::move(target));
        m_tallies.push_back(std::move(tally));
    }
}

void AuditorState::plan_stage_clocks(const LeadDefinitions& defs, ColumnFinder& columns)
{
    for (std::size_t i = 0; i < defs.stages.size(); ++i) {
        const auto& stage = defs.stages[i];
        if (!stage.clock) {
            continue;
        }
        const std::size_t term = m_terms.size();
        m_terms.push_back(stage.id.value + "_clock");
        m_limits.push_back(limit_words(stage.clock->value));
        const bool timed = m_stages[i].visible && m_stages[i].date;
        m_audited.push_back(timed ? 1 : 0);
        if (!timed) {
            m_result.not_audited[m_terms.back()] =
                unseen(i, stage.id.value).value_or(fmt::format("the export gives no time for '{}'", stage.id.value));
            continue;
        }
        StageClock clock;
        clock.term = term;
        clock.limit = limit_seconds(stage.clock->value);
        clock.start = i;
        if (const auto ends = exit_field(stage, defs)) {
            clock.exit_slot = slot(columns.find(*ends), *ends);
        }
        if (!clock.exit_slot) {
            for (const auto v : m_visible) {
                if (v > i) {
                    clock.leave.push_back(v);
                }
            }
            for (std::size_t e = m_lifecycle; e < m_stages.size(); ++e) {
                if (m_stages[e].visible) {
                    clock.leave.push_back(e);
                }
            }
        }
        m_stage_clocks.push_back(std::move(clock));
    }
}

bool AuditorState::plan_breakdowns(const LeadDefinitions& defs, ColumnFinder& columns, const AuditSettings& settings,
                                   std::string& error)
{
    m_lookup = settings.lookup;
    for (const auto& name : settings.by) {
        if (name == "owner" || name == "source" || name == "month") {
            continue;
        }
        Breakdown b;
        b.name = name;
        const auto& values = m_lookup ? m_lookup->columns : std::vector<std::string>{};
        if (const auto it = std::find(values.begin(), values.end(), name); it != values.end()) {
            b.lookup_value = static_cast<std::size_t>(it - values.begin());
            b.column = columns.find(m_lookup->on);
            if (!b.column) {
                error = fmt::format("--lookup joins on '{}', and the export has no column '{}'", m_lookup->on,
                                    columns.wanted(m_lookup->on));
                return false;
            }
        } else {
            b.column = columns.find(name);
            if (!b.column) {
                error = fmt::format(
                    "--by '{}': the export has no such column{}", columns.wanted(name),
                    m_lookup ? fmt::format(" and the lookup table neither ({})", fmt::join(m_lookup->columns, ", "))
                             : std::string{});
                return false;
            }
        }
        for (const auto& field : defs.fields) {
            if (field.name.value == (b.lookup_value ? m_lookup->on : name)) {
                b.missing.missing = field.missing;
                b.missing.ignore_case = field.ignore_case;
            }
        }
        m_breakdowns.push_back(std::move(b));
    }
    m_row_groups.resize(m_breakdowns.size());
    return true;
}

bool AuditorState::size_groups(ColumnFinder& columns, std::string& error)
{
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        if (m_audited[t]) {
            m_result.term_order.push_back(m_terms[t]);
        }
    }
    const bool measurable =
        !m_result.term_order.empty() || m_visible.size() >= 2 ||
        std::any_of(m_result.targets.begin(), m_result.targets.end(), [](const auto& t) { return !t.not_measured; });
    if (!measurable) {
        error = fmt::format("nothing can be audited: the export shows no SLA term, target or lifecycle stage (it has "
                            "no column {}); map the fields with --columns FIELD=HEADER, choose a --preset, or say in "
                            "the lead definitions how stages are reached (`reached`, `at`)",
                            fmt::join(m_missing, ", "));
        return false;
    }
    std::vector<Groups*> all{&m_owners, &m_sources, &m_months};
    for (auto& b : m_breakdowns) {
        all.push_back(&b.groups);
    }
    for (Groups* g : all) {
        g->blank.funnel_times.resize(m_funnel ? m_visible.size() : 0); // pairs, then the sales cycle
        g->blank.terms.resize(m_terms.size());
        g->blank.latencies.resize(m_terms.size());
        g->blank.targets.resize(m_tallies.size());
    }
    m_overall.resize(m_terms.size());
    m_result.columns = columns.found();
    for (const auto& column : m_time_columns) {
        if (auto zone = m_field_zones.find(column.field); zone != m_field_zones.end()) {
            m_result.field_zones[column.field] = zone->second;
        }
    }
    m_times.resize(m_time_columns.size());
    for (auto& column : m_time_columns) {
        if (auto zone = m_field_zones.find(column.field); zone != m_field_zones.end() && zone->second != "UTC") {
            column.zone = TimeZone::locate(zone->second, error);
            if (!column.zone) {
                return false;
            }
        }
    }
    return true;
}

// --columns FIELD=HEADER that reads nothing is a mistake to say, not to pass over: a field no
// one declared or reads, or a header the export does not have.
void AuditorState::check_column_option(const LeadDefinitions& defs, const std::vector<std::string>& header,
                                       const ExportReading& reading)
{
    for (const auto& mapping : reading.columns) {
        const std::string& field = mapping.first;
        const std::string& column = mapping.second;
        const bool declared = std::any_of(defs.fields.begin(), defs.fields.end(),
                                          [&](const LeadField& f) { return f.name.value == field; });
        const bool read = declared || m_result.columns.contains(field) ||
                          std::any_of(k_audit_roles.begin(), k_audit_roles.end(),
                                      [&](const auto& role) { return role_field(defs, role.first) == field; }) ||
                          std::any_of(m_stages.begin(), m_stages.end(),
                                      [&](const StageSource& st) { return st.date_field == field; });
        if (!read) {
            m_result.warnings.push_back(
                fmt::format("--columns {}={}: no lead field or role is called '{}'", field, column, field));
        } else if (std::find(header.begin(), header.end(), column) == header.end()) {
            m_result.warnings.push_back(
                fmt::format("--columns {}={}: the export has no column '{}'", field, column, column));
        }
    }
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
    state->m_header = header;
    if (!state->read_terms(sla, settings, error)) {
        return std::nullopt;
    }
    ColumnFinder columns(defs, header, settings.reading);
    state->read_fields(defs, columns);
    state->plan_stages(sla, defs, columns);
    state->find_term_columns(sla, defs, columns);
    if (!state->plan_breakdowns(defs, columns, settings, error)) {
        return std::nullopt;
    }
    state->plan_funnel(defs, settings);
    state->plan_targets(sla);
    if (settings.stage_clocks) {
        state->plan_stage_clocks(defs, columns);
    }
    if (!state->size_groups(columns, error)) {
        return std::nullopt;
    }
    state->check_column_option(defs, header, settings.reading);
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

std::optional<std::string> SlaAuditor::to_sql(SqlDialect dialect, std::string_view table, std::string& error,
                                              bool list_breaches) const
{
    if (auto why = m_state->not_in_sql()) {
        error = *why;
        return std::nullopt;
    }
    auto query = m_state->to_sql(dialect, table, list_breaches);
    if (query.find('\0') != std::string::npos) {
        error = k_sql_nul_error;
        return std::nullopt;
    }
    return query;
}

std::optional<AuditResult> SlaAuditor::finish_from(const std::vector<std::vector<std::string>>& table,
                                                   std::string& error)
{
    if (auto why = m_state->not_in_sql()) {
        error = *why;
        return std::nullopt;
    }
    if (!m_state->load(table, error)) {
        return std::nullopt;
    }
    if (m_state->m_on_breach && !m_state->m_breaches_listed) {
        error = "it does not list the breaches: compile the query with --breaches too";
        return std::nullopt;
    }
    return m_state->finish();
}

std::vector<std::string> audit_columns(const LeadDefinitions& defs, const AuditSettings& settings)
{
    const std::vector<std::string> none;
    ColumnFinder columns(defs, none, settings.reading);
    std::vector<std::string> header;
    auto add = [&](const std::string& field) {
        auto wanted = columns.wanted(field);
        if (std::find(header.begin(), header.end(), wanted) == header.end()) {
            header.push_back(std::move(wanted));
        }
    };
    // The fields declared, not the names a role or a stage's date would be looked for under:
    // a column no one declared is a guess, and a query naming a column the table lacks fails.
    for (const auto& field : defs.fields) {
        add(field.name.value);
    }
    for (const auto& by : settings.by) {
        if (by != "owner" && by != "source" && by != "month") {
            add(by);
        }
    }
    return header;
}

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
AuditorState::Groups::KeyWords key_words(std::string_view key)
{
    auto mix = [](std::uint64_t h, std::uint64_t v) {
        h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
        return h ^ (h >> 29);
    };
    std::uint64_t h = 0x243F6A8885A308D3ULL ^ key.size();
    std::uint64_t head = 0;
    const char* p = key.data();
    std::size_t n = key.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, 8);
        head = p == key.data() ? v : head;
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
        head = p == key.data() ? v : head;
        h = mix(h, v);
    }
    return {h ^ (h >> 32), head};
}

} // namespace

AuditorState::Groups::Slot& AuditorState::Groups::probe(std::string_view key, const KeyWords& words)
{
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t i = words.hash & mask;; i = (i + 1) & mask) {
        Slot& slot = m_table[i];
        if (slot.index == 0) {
            return slot;
        }
        if (slot.words.hash == words.hash && slot.words.head == words.head && slot.size == key.size() &&
            (key.size() <= 8 || std::memcmp(names[slot.index - 1].data() + 8, key.data() + 8, key.size() - 8) == 0)) {
            return slot;
        }
    }
}

std::size_t AuditorState::Groups::index_of(std::string_view key)
{
    if (m_table.size() < 2 * (groups.size() + 1)) {
        grow();
    }
    const auto words = key_words(key);
    Slot& slot = probe(key, words);
    if (slot.index == 0) {
        slot = {words, key.size(), groups.size() + 1};
        names.emplace_back(key);
        groups.push_back(blank);
    }
    return slot.index - 1;
}

AuditorState::Group* AuditorState::Groups::find(std::string_view key)
{
    if (m_table.empty()) {
        return nullptr;
    }
    const Slot& slot = probe(key, key_words(key));
    return slot.index == 0 ? nullptr : &groups[slot.index - 1];
}

void AuditorState::Groups::grow()
{
    // At most half full, so a probe ends soon at an empty slot.
    std::vector<Slot> table(std::max<std::size_t>(16, m_table.size() * 2));
    const std::size_t mask = table.size() - 1;
    for (const auto& slot : m_table) {
        if (slot.index != 0) {
            std::size_t i = slot.words.hash & mask;
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
    m_time_columns.push_back({*column, field, std::nullopt});
    return m_time_columns.size() - 1;
}

std::optional<std::int64_t> AuditorState::read_time(TimeColumn& column, std::span<const std::string_view> fields,
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
    if (!written->naive) {
        return written->seconds;
    }
    auto& zone = column.zone ? column.zone : m_zone;
    return zone ? zone->to_utc(written->seconds) : written->seconds;
}

std::size_t AuditorState::month_of(std::int64_t t)
{
    const auto local = m_zone ? m_zone->to_local(t) : t;
    const auto number = period_index(local, Period::month) - std::int64_t{k_first_year} * 12;
    if (m_month_groups.empty()) {
        m_month_groups.resize(static_cast<std::size_t>(k_last_year - k_first_year + 2) * 12);
    }
    const bool known = number >= 0 && static_cast<std::size_t>(number) < m_month_groups.size();
    if (known && m_month_groups[static_cast<std::size_t>(number)] != 0) {
        return m_month_groups[static_cast<std::size_t>(number)] - 1;
    }
    const std::size_t group = m_months.index_of(period_of(local, Period::month).name);
    if (known) {
        m_month_groups[static_cast<std::size_t>(number)] = group + 1;
    }
    return group;
}

std::string_view AuditorState::placeholder_free(std::string_view cell, const CellReading& field)
{
    return !field.missing.empty() && is_missing(cell, field) ? std::string_view{} : cell;
}

AuditorState::Group& AuditorState::group_of(Groups& groups, std::string_view cell, const char* field, std::size_t line)
{
    // Groups hold names as group_name made them, and group_name leaves such a name as it is
    // (clean, short enough): a cell equal to one needs no second look, nearly every row.
    if (Group* known = groups.find(cell)) {
        return *known;
    }
    return groups[group_name(cell, field, line)];
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
    if (m_format || m_zone || !m_field_zones.empty()) {
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

// A term's status for one lead, in every count it belongs to: overall, its owner, its
// source, its month (none when the export does not date it) and each --by column's group.
void AuditorState::tally(Row& row, std::size_t term, Group* month, Status status)
{
    if (month != nullptr) {
        count({&m_overall[term], &row.owner.terms[term], &row.source.terms[term], &month->terms[term]}, status);
    } else {
        count({&m_overall[term], &row.owner.terms[term], &row.source.terms[term]}, status);
    }
    for (auto* group : m_row_groups) {
        count({&group->terms[term]}, status);
    }
}

// This row's group in each --by column: the cell as it is, or the lookup table's value for it.
void AuditorState::find_row_groups(std::span<const std::string_view> fields, std::size_t line)
{
    bool unmatched = false;
    for (std::size_t b = 0; b < m_breakdowns.size(); ++b) {
        auto& breakdown = m_breakdowns[b];
        std::string_view cell = placeholder_free(Row::cell_of(fields, breakdown.column), breakdown.missing);
        if (breakdown.lookup_value) {
            const auto it = m_lookup->rows.find(cell);
            if (it == m_lookup->rows.end()) {
                unmatched = true;
                cell = k_not_in_lookup;
            } else {
                cell = it->second[*breakdown.lookup_value];
            }
        }
        m_row_groups[b] = &group_of(breakdown.groups, cell, breakdown.name.c_str(), line);
    }
    if (unmatched) {
        not_in_lookup(line);
    }
}

void AuditorState::not_in_lookup(std::size_t line)
{
    bad(fmt::format("'{}' not in the lookup table (grouped as '{}')", m_lookup->on, k_not_in_lookup), line);
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
    tally(row, term, &in_month, status);
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
        const auto start = stage_time(sc.start);
        if (!start) {
            continue;
        }
        std::optional<std::int64_t> left = sc.exit_slot ? at(*sc.exit_slot) : std::nullopt;
        bool left_undated = false; // left for a stage the export gives no time for
        for (const auto stage : sc.leave) {
            if (const auto t = stage_time(stage); t && (!left || *t < *left)) {
                left = t;
            }
            left_undated = left_undated || (m_reached[stage] != 0 && m_stage_time[stage] == k_unset);
        }
        if (!left && left_undated) {
            continue; // the lead left the stage, at a time the export does not say: not judged
        }
        count_clock(row, sc.term, *start, month_of(*start), left, sc.limit, true);
    }
}

// Attempts and the reason, for a disqualified lead (its month when the export dates it).
void AuditorState::count_disqualified(Row& row, std::optional<std::int64_t> disqualified)
{
    constexpr auto attempts_term = slot_of(SlaTerm::attempts), reason_term = slot_of(SlaTerm::reason);
    if (!m_audited[attempts_term] && !m_audited[reason_term]) {
        return;
    }
    // A disqualification the export does not date is in no month.
    Group* in_month = disqualified ? &m_months.groups[month_of(*disqualified)] : nullptr;
    if (m_audited[attempts_term]) {
        const auto attempts = m_col.attempts ? read_attempts(row.cell(m_col.attempts), row.line)
                                             : static_cast<std::int64_t>(m_attempt_buffer.size());
        const bool enough = attempts >= m_min_attempts;
        tally(row, attempts_term, in_month, enough ? Status::met : Status::breached);
        if (m_on_breach && !enough) {
            report_breach(row, "attempts", std::nullopt, std::to_string(attempts));
        }
    }
    if (m_audited[reason_term]) {
        const auto reason = row.cell(m_col.reason);
        const bool given = reason.find_first_not_of(' ') != std::string_view::npos;
        tally(row, reason_term, in_month, given ? Status::met : Status::breached);
        if (m_on_breach && !given) {
            report_breach(row, "reason", std::nullopt, std::string(reason));
        }
    }
}

// The follow-up window and spacing on the attempts' times. Window: eligible once disqualified
// and assigned; met when at least the SLA's attempts fall within the window after assignment.
// Spacing: eligible with two attempts or more; met when no two follow each other sooner.
void AuditorState::count_attempt_times(Row& row, std::optional<std::int64_t> disqualified, std::size_t month)
{
    const auto assigned = time(m_slot.assigned);
    if (m_window_term && m_audited[*m_window_term] && reached(m_disqualified) && assigned) {
        const auto end = deadline(*assigned, m_window);
        const auto within = std::count_if(m_attempt_buffer.begin(), m_attempt_buffer.end(), [&](std::int64_t t) {
            return t >= *assigned - k_negative_tolerance && t <= end;
        });
        const bool met = within >= m_min_attempts;
        const auto t = *m_window_term;
        Group& in_month = m_months.groups[disqualified ? month_of(*disqualified) : month];
        tally(row, t, &in_month, met ? Status::met : Status::breached);
        if (m_on_breach && !met) {
            report_breach(row, "window", end, fmt::format("{} attempts within", within));
        }
    }
    if (m_spacing_term && m_audited[*m_spacing_term] && m_attempt_buffer.size() >= 2) {
        bool spaced = true;
        for (std::size_t i = 1; i < m_attempt_buffer.size() && spaced; ++i) {
            const auto a = m_attempt_buffer[i - 1], b = m_attempt_buffer[i];
            spaced = (m_clock ? m_clock->elapsed(a, b) : b - a) >= m_spacing;
        }
        const auto t = *m_spacing_term;
        Group& in_month = m_months.groups[month_of(m_attempt_buffer.front())];
        tally(row, t, &in_month, spaced ? Status::met : Status::breached);
        if (m_on_breach && !spaced) {
            report_breach(row, "spacing", std::nullopt, "attempts closer than the spacing");
        }
    }
}

// Which stages and exits this row reached, and when.
void AuditorState::read_stages(std::span<const std::string_view> fields)
{
    bool later = false; // a later lifecycle stage was reached
    const std::int64_t* times = m_times.data();
    for (std::size_t k = m_steps.size(); k-- > 0;) {
        const auto& s = m_steps[k];
        const auto i = s.stage;
        const auto date = s.date >= 0 ? times[s.date] : k_unset;
        bool reached = s.by_all || (s.by_date && date != k_unset);
        if (!reached && s.by_entry) {
            reached = m_stages[i].entry->holds(fields);
        }
        if (s.lifecycle) {
            reached = reached || (s.by_later && later);
            later = later || reached;
        }
        m_reached[i] = reached ? 1 : 0;
        m_stage_time[i] = reached ? date : k_unset;
    }
    if (m_count_stages) {
        for (std::size_t i = 0; i < m_stages.size(); ++i) {
            m_reached_count[i] += m_reached[i];
            m_undated_count[i] += m_reached[i] != 0 && m_stage_time[i] == k_unset ? 1 : 0;
        }
    }
}

void AuditorState::add(std::span<const std::string_view> fields, std::size_t line)
{
    ++m_result.rows;
    if (fields.size() != m_width) {
        bad("a different number of fields than the header", line);
    }
    Row row{
        fields, line,
        group_of(m_owners, placeholder_free(Row::cell_of(fields, m_col.owner), m_owner_reading), "owner", line),
        group_of(m_sources, placeholder_free(Row::cell_of(fields, m_col.source), m_source_reading), "source", line)};
    if (!m_breakdowns.empty()) {
        find_row_groups(fields, line);
    }
    read_times(fields, line);
    read_stages(fields);
    const auto entered = stage_time(m_entered);
    const auto assigned = time(m_slot.assigned);
    const auto disqualified = stage_time(m_disqualified);
    if (m_col.attempts && !(reached(m_disqualified) && m_audited[slot_of(SlaTerm::attempts)])) {
        // Read when not counted too, so an unreadable number is always reported.
        read_attempts(row.cell(m_col.attempts), line);
    }
    if (m_visible.size() > 1) {
        check_stage_order(line);
    }
    if (!m_attempt_slots.empty() || m_activities) {
        m_attempt_buffer.clear();
        for (const auto s : m_attempt_slots) {
            if (m_times[s] != k_unset) {
                m_attempt_buffer.push_back(m_times[s]);
            }
        }
        if (m_activities) {
            const auto it = m_activities->by_lead.find(row.cell(m_col.lead_id));
            if (it != m_activities->by_lead.end()) {
                m_attempt_buffer.insert(m_attempt_buffer.end(), it->second.begin(), it->second.end());
            }
        }
        std::sort(m_attempt_buffer.begin(), m_attempt_buffer.end());
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
    if (reached(m_disqualified)) {
        count_disqualified(row, disqualified);
    }
    if (!m_attempt_buffer.empty() || (m_window_term && reached(m_disqualified))) {
        count_attempt_times(row, disqualified, entered_month);
    }
    if (reached(m_entered)) {
        if (entered) {
            ++m_months.groups[entered_month].conversion.from;
        }
        ++row.source.conversion.from;
        row.source.conversion.to += reached(m_converted) ? 1 : 0;
    }
    if (!m_tallied.empty()) {
        tally_targets(row.source);
    }
    if (m_funnel) {
        count_funnel(row.owner, row.source, assigned);
    }
}

void AuditorState::count_funnel(Group& owner, Group& source, std::optional<std::int64_t> assigned)
{
    const std::size_t n = m_visible.size();
    auto& counts = m_funnel_counts; // kept between rows, so the loop allocates nothing
    counts.assign({&m_funnel_overall, &owner.funnel, &source.funnel});
    for (auto* group : m_row_groups) {
        counts.push_back(&group->funnel);
    }
    // This row's steps, worked out once for all its groups.
    auto& reached = m_row_reached;
    reached.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        reached[i] = m_reached[m_visible[i]] != 0 ? 1 : 0;
    }
    for (auto* c : counts) {
        if (c->reached.size() != n) {
            c->reached.resize(n);
            c->converted.resize(n - 1);
        }
        for (std::size_t i = 0; i < n; ++i) {
            c->reached[i] += reached[i];
        }
        for (std::size_t i = 0; i + 1 < n; ++i) {
            c->converted[i] += reached[i] & reached[i + 1];
        }
    }
    // Times in stage and the sales cycle, kept by owner (every lead has one, so together they
    // are all of them) and by source when the report breaks latencies down by source.
    auto keep = [&](std::size_t list, std::int64_t seconds) {
        if (seconds < -k_negative_tolerance) {
            return; // a stage before the one it follows: a bad row, listed as such, and no time in stage
        }
        const auto v = clamp32(seconds);
        owner.funnel_times[list].push_back(v);
        if (m_by_source_latency) {
            source.funnel_times[list].push_back(v);
        }
    };
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const auto t = m_stage_time[m_visible[i]], next = m_stage_time[m_visible[i + 1]];
        if ((reached[i] & reached[i + 1]) != 0 && t != k_unset && next != k_unset) {
            keep(i, next - t);
        }
    }
    const bool won = m_won && m_reached[m_visible[*m_won]];
    bool lost = false;
    for (std::size_t e = m_lifecycle; e < m_stages.size() && !won; ++e) {
        lost = lost || (m_stages[e].loss && m_reached[e]);
    }
    const bool in_cycle = !m_cycle_from || m_reached[m_visible[*m_cycle_from]];
    if (in_cycle && (won || lost)) {
        for (auto* c : counts) {
            ++(won ? c->won : c->lost);
        }
    }
    if (won && m_cycle_start) {
        const auto start = m_stage_time[m_visible[*m_cycle_start]], end = m_stage_time[m_visible[*m_won]];
        if (start != k_unset && end != k_unset) {
            keep(n - 1, end - start);
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
    bad(fmt::format("'{}' before '{}'", m_stages[m_visible[stage]].date_field, m_stages[m_visible[before]].date_field),
        line);
}

void AuditorState::check_stage_order(std::size_t line)
{
    // Plain numbers: k_unset is the smallest, so an unset time is never out of order.
    const std::int64_t* times = m_stage_time.data();
    std::int64_t latest = k_unset;
    std::size_t latest_stage = 0;
    for (std::size_t i = 0; i < m_visible.size(); ++i) {
        const std::int64_t t = times[m_visible[i]];
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

void AuditorState::tally_targets(Group& source)
{
    for (const auto i : m_tallied) {
        auto& tally = m_tallies[i];
        const auto& target = m_result.targets[i];
        if (tally.stage) {
            if (!m_reached[*tally.stage]) {
                continue;
            }
            const auto t = stage_time(tally.stage);
            if (!t) {
                ++tally.undated;
                continue;
            }
            const auto local = m_zone ? m_zone->to_local(*t) : *t;
            if ((tally.from_bound && local < *tally.from_bound) || (tally.until_bound && local >= *tally.until_bound)) {
                continue;
            }
            tally.by_period.add(period_index(local, target.per));
            tally.first = std::min(tally.first, local);
            tally.last = std::max(tally.last, local);
        } else if (m_reached[*tally.from]) {
            const bool to = m_reached[*tally.to] != 0;
            ++tally.from_count;
            tally.to_count += to ? 1 : 0;
            auto& by_source = source.targets[i];
            ++by_source.from;
            by_source.to += to ? 1 : 0;
            const auto t = stage_time(tally.from);
            auto& cohort = t ? m_months.groups[month_of(*t)].targets[i] : tally.undated_cohort;
            ++cohort.from;
            cohort.to += to ? 1 : 0;
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
            for (std::size_t t = 0; t < mine.targets.size(); ++t) {
                mine.targets[t].from += theirs.targets[t].from;
                mine.targets[t].to += theirs.targets[t].to;
            }
            for (std::size_t t = 0; t < mine.latencies.size(); ++t) {
                mine.latencies[t].insert(mine.latencies[t].end(), theirs.latencies[t].begin(),
                                         theirs.latencies[t].end());
            }
            add_funnel(mine.funnel, theirs.funnel);
            for (std::size_t t = 0; t < mine.funnel_times.size(); ++t) {
                mine.funnel_times[t].insert(mine.funnel_times[t].end(), theirs.funnel_times[t].begin(),
                                            theirs.funnel_times[t].end());
            }
            mine.leads += theirs.leads;
            mine.assigned += theirs.assigned;
            mine.customers += theirs.customers;
        }
    };
    add_funnel(m_funnel_overall, other.m_funnel_overall);
    add_groups(m_owners, other.m_owners);
    add_groups(m_sources, other.m_sources);
    add_groups(m_months, other.m_months);
    for (std::size_t b = 0; b < m_breakdowns.size(); ++b) {
        add_groups(m_breakdowns[b].groups, other.m_breakdowns[b].groups);
    }
    for (std::size_t t = 0; t < m_overall.size(); ++t) {
        add_counts(m_overall[t], other.m_overall[t]);
    }
    m_result.rows += other.m_result.rows;
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        m_reached_count[i] += other.m_reached_count[i];
        m_undated_count[i] += other.m_undated_count[i];
    }
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
        m_tallies[i].by_period.add(other.m_tallies[i].by_period);
        m_tallies[i].first = std::min(m_tallies[i].first, other.m_tallies[i].first);
        m_tallies[i].last = std::max(m_tallies[i].last, other.m_tallies[i].last);
        m_tallies[i].from_count += other.m_tallies[i].from_count;
        m_tallies[i].to_count += other.m_tallies[i].to_count;
        m_tallies[i].undated += other.m_tallies[i].undated;
        m_tallies[i].undated_cohort.from += other.m_tallies[i].undated_cohort.from;
        m_tallies[i].undated_cohort.to += other.m_tallies[i].undated_cohort.to;
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
            for (std::size_t g = 0; g < m_sources.groups.size(); ++g) {
                if (const auto& c = m_sources.groups[g].targets[i]; c.from > 0) {
                    target.by_source[m_sources.names[g]] = c;
                }
            }
            for (std::size_t g = 0; g < m_months.groups.size(); ++g) {
                if (const auto& c = m_months.groups[g].targets[i]; c.from > 0) {
                    target.by_cohort[m_months.names[g]] = c;
                }
            }
            if (tally.undated_cohort.from > 0) {
                target.by_cohort[""] = tally.undated_cohort;
            }
            const auto& from = target.entered_from;
            const auto& to = target.entered_to;
            target.missed =
                from > 0 && 100.0 * static_cast<double>(to) < target.min_percent * static_cast<double>(from);
            continue;
        }
        target.undated = tally.undated;
        // Every period from the first entry's (or --from's) to the last entry's (or --until's),
        // empty ones too: a month without a single MQL misses a volume target. A period is
        // judged once it is over at as-of.
        auto first = tally.from_bound ? *tally.from_bound : tally.first;
        // With --from and no entry after it, the period it holds is still judged.
        auto last = tally.until_bound ? *tally.until_bound - 1 : std::max(tally.last, first);
        if (!m_from && !m_until && tally.by_period.empty()) {
            continue;
        }
        for (auto local = first; local <= last;) {
            const auto [name, begin, end] = period_of(local, target.per);
            const std::int64_t n = tally.by_period.at(period_bounds(local, target.per).index);
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
    for (const auto v : m_visible) {
        f.stages.push_back(m_stages[v].id);
    }
    f.won_visible = m_won.has_value();
    f.losses_visible = m_losses_visible;
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
    for (const auto& b : m_breakdowns) {
        auto& by = f.by_column[b.name];
        for (std::size_t i = 0; i < b.groups.groups.size(); ++i) {
            if (!b.groups.groups[i].funnel.reached.empty()) {
                by[b.groups.names[i]] = b.groups.groups[i].funnel;
            }
        }
    }
    // Overall from the owners' lists taken as one; by owner and by source from each's own.
    const std::size_t pairs = f.stages.size() - 1;
    const bool cycle = m_cycle_start && m_won && *m_cycle_start < *m_won;
    for (std::size_t list = 0; list <= pairs; ++list) {
        std::vector<const std::vector<std::int32_t>*> lists;
        for (const auto& owner : m_owners.groups) {
            lists.push_back(&owner.funnel_times[list]);
        }
        const auto name = list < pairs ? fmt::format("funnel:{}", list) : std::string("funnel:cycle");
        auto overall =
            m_given ? group_latency(name, "", "", {}).value_or(Latency{}) : percentiles_across(lists, m_quantiles);
        if (list < pairs) {
            f.time_in_stage.push_back(overall);
        } else if (cycle) {
            f.sales_cycle = overall;
        }
    }
    auto by_group = [&](Groups& from, std::string_view kind, std::map<std::string, GroupTimes>& to) {
        for (std::size_t i = 0; i < from.groups.size(); ++i) {
            auto& lists = from.groups[i].funnel_times;
            if (from.groups[i].funnel.reached.empty()) {
                continue;
            }
            auto& times = to[from.names[i]];
            const auto& name = from.names[i];
            for (std::size_t list = 0; list < pairs; ++list) {
                times.time_in_stage.push_back(
                    group_latency(fmt::format("funnel:{}", list), kind, name, lists[list]).value_or(Latency{}));
            }
            if (cycle) {
                times.sales_cycle = group_latency("funnel:cycle", kind, name, lists[pairs]).value_or(Latency{});
            }
        }
    };
    by_group(m_owners, "owner", f.times_by_owner);
    if (m_by_source_latency) {
        by_group(m_sources, "source", f.times_by_source);
    }
    if (m_cycle_from) {
        f.decided_from = f.stages[*m_cycle_from];
    }
    if (cycle) {
        f.cycle_from = f.stages[*m_cycle_start];
        f.cycle_to = f.stages[*m_won];
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

std::string AuditorState::latency_key(std::string_view list, std::string_view breakdown, std::string_view group)
{
    return fmt::format("{}\x1f{}\x1f{}", list, breakdown, group);
}

std::optional<Latency> AuditorState::group_latency(std::string_view list, std::string_view breakdown,
                                                   std::string_view group,
                                                   const std::vector<std::int32_t>& values) const
{
    if (!m_given) {
        return values.empty() ? std::nullopt : std::optional<Latency>(percentiles(values, m_quantiles));
    }
    const auto it = m_given_latencies.find(latency_key(list, breakdown, group));
    return it == m_given_latencies.end() || it->second.n == 0 ? std::nullopt : std::optional<Latency>(it->second);
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
    auto latencies = [&](std::size_t t, Groups& from, std::string_view kind, std::map<std::string, Latency>& to) {
        for (std::size_t i = 0; i < from.groups.size(); ++i) {
            if (auto l = group_latency(m_terms[t], kind, from.names[i], from.groups[i].latencies[t])) {
                to[from.names[i]] = *l;
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
        for (const auto& b : m_breakdowns) {
            breakdown(t, b.groups, term.by_column[b.name]);
        }
        const bool counted_not_timed = t == slot_of(SlaTerm::attempts) || t == slot_of(SlaTerm::reason) ||
                                       t == m_window_term || t == m_spacing_term;
        if (counted_not_timed || (t == slot_of(SlaTerm::handoff) && !m_handoff_latency)) {
            continue; // no clock, or no latency asked for
        }
        if (m_by_source_latency) {
            latencies(t, m_sources, "source", term.latency_by_source);
        }
        if (m_by_month_latency) {
            latencies(t, m_months, "month", term.latency_by_month);
        }
        // Every lead has one owner group (empty owners too), so the owners' latencies together
        // are all of them: the overall ranks are found across the owners' lists, without a copy.
        std::vector<const std::vector<std::int32_t>*> lists;
        for (auto& owner : m_owners.groups) {
            lists.push_back(&owner.latencies[t]);
        }
        term.latency = m_given ? group_latency(m_terms[t], "", "", {}).value_or(Latency{})
                               : percentiles_across(lists, m_quantiles);
        for (std::size_t i = 0; i < m_owners.groups.size(); ++i) {
            auto& mine = m_owners.groups[i].latencies[t];
            if (auto l = group_latency(m_terms[t], "owner", m_owners.names[i], mine); l && by_owner) {
                term.latency_by_owner[m_owners.names[i]] = *l;
            }
            std::vector<std::int32_t>().swap(mine);
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
    // The activity file's own bad rows, once: every piece shares the file.
    if (m_activities && m_activities->unreadable > 0) {
        auto& rows = m_result.bad_rows[fmt::format("unreadable time in --activities '{}' (skipped; lines of that file)",
                                                   m_activities->time_column)];
        rows.count = m_activities->unreadable;
        rows.first_lines = m_activities->unreadable_lines;
    }
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        m_result.stages[i].reached = m_reached_count[i];
        m_result.stages[i].undated = m_undated_count[i];
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
