#include "alignkit/audit/audit_report.hpp"
#include "alignkit/util/text.hpp"

#include "alignkit/util/csv.hpp"
#include "alignkit/util/timestamp.hpp"
#include "util/escape.hpp"
#include "util/tables.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace alignkit {
namespace {

std::string percent(const TermCounts& c)
{
    const auto p = compliance_percent(c);
    return p ? fmt::format("{:.1f}%", *p) : std::string("-");
}

std::vector<std::string> counts_cells(const TermCounts& c)
{
    return {std::to_string(c.eligible), std::to_string(c.met), std::to_string(c.breached), std::to_string(c.pending),
            percent(c)};
}

// Working-time latencies in hours: in days of 24 they would read against limits in working days
// of the calendar's length as a third of what they are.
std::string latency_text(std::optional<double> seconds, bool working_hours)
{
    if (!working_hours || !seconds || std::abs(*seconds) < 86400) {
        return short_duration(seconds);
    }
    const auto s = std::llround(std::abs(*seconds));
    return fmt::format("{}{}h {:02}m", *seconds < 0 ? "-" : "", s / 3600, s % 3600 / 60);
}

std::vector<std::string> latency_cells(const Latency* l, bool working_hours)
{
    if (l == nullptr) {
        return {"", ""};
    }
    return {latency_text(l->median, working_hours), latency_text(l->p90, working_hours)};
}

template <typename Map> const typename Map::mapped_type* find_in(const Map& map, const std::string& key)
{
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

const std::vector<bool> k_counts_right{false, false, true, true, true, true, true, true, true};

AuditSection term_table(const AuditResult& r)
{
    AuditSection s;
    s.heading = "SLA terms";
    s.table.header = {"term", "limit", "eligible", "met", "breached", "pending", "compliance", "median", "p90"};
    s.table.right = k_counts_right;
    for (const auto& name : r.term_order) {
        if (const auto* term = find_in(r.terms, name)) {
            std::vector<std::string> row{name, term->limit};
            for (auto& cell : counts_cells(term->overall)) {
                row.push_back(std::move(cell));
            }
            for (auto& cell : latency_cells(term->latency ? &*term->latency : nullptr, r.working_hours)) {
                row.push_back(std::move(cell));
            }
            s.table.rows.push_back(std::move(row));
        }
    }
    if (r.term_order.empty()) {
        s.after.emplace_back("No SLA term could be audited; the targets and the funnel below still were.");
    }
    for (const auto& [term, why] : r.not_audited) {
        s.after.push_back(fmt::format("Not audited: {}, {}.", term, why));
    }
    return s;
}

// One breakdown (owner, source, month): a row per group and term.
AuditSection breakdown(const AuditResult& r, const std::string& by)
{
    AuditSection s;
    s.heading = fmt::format("By {}", by);
    s.table.header = {by, "term", "eligible", "met", "breached", "pending", "compliance", "median", "p90"};
    s.table.right = k_counts_right;
    if (by != "owner" && by != "source" && by != "month") {
        // Latencies are kept by owner, source and month only.
        s.table.header.resize(s.table.header.size() - 2);
        s.table.right.resize(s.table.header.size());
    }
    std::map<std::string, std::vector<std::vector<std::string>>> rows; // by group, in term order
    for (const auto& name : r.term_order) {
        const auto* term = find_in(r.terms, name);
        if (term == nullptr) {
            continue;
        }
        static const std::map<std::string, TermCounts> none;
        static const std::map<std::string, Latency> no_latencies; // kept for owner, source and month only
        const auto* column = find_in(term->by_column, by);
        const auto& counts = by == "owner"       ? term->by_owner
                             : by == "source"    ? term->by_source
                             : by == "month"     ? term->by_month
                             : column != nullptr ? *column
                                                 : none;
        const auto& latencies = by == "owner"    ? term->latency_by_owner
                                : by == "source" ? term->latency_by_source
                                : by == "month"  ? term->latency_by_month
                                                 : no_latencies;
        for (const auto& [group, c] : counts) {
            std::vector<std::string> row{group.empty() ? "(none)" : group, name};
            for (auto& cell : counts_cells(c)) {
                row.push_back(std::move(cell));
            }
            for (auto& cell : latency_cells(find_in(latencies, group), r.working_hours)) {
                row.push_back(std::move(cell));
            }
            row.resize(s.table.header.size());
            rows[group].push_back(std::move(row));
        }
    }
    for (auto& [group, group_rows] : rows) {
        for (auto& row : group_rows) {
            s.table.rows.push_back(std::move(row));
        }
    }
    return s;
}

AuditSection monthly_trend(const AuditResult& r)
{
    AuditSection s;
    s.heading = "Monthly trend";
    s.notes.push_back("Compliance of each term by the month its clock started (attempts and reason: the month of the "
                      "disqualification), with met out of decided leads.");
    s.table.header = {"month"};
    std::map<std::string, std::vector<std::string>> rows;
    std::vector<const TermResult*> terms;
    for (const auto& name : r.term_order) {
        if (const auto* term = find_in(r.terms, name)) {
            s.table.header.push_back(name);
            terms.push_back(term);
            for (const auto& [month, c] : term->by_month) {
                rows[month];
            }
        }
    }
    s.table.right.assign(s.table.header.size(), true);
    s.table.right[0] = false;
    for (auto& [month, cells] : rows) {
        std::vector<std::string> row{month};
        for (const auto* term : terms) {
            const auto* c = find_in(term->by_month, month);
            if (c == nullptr) {
                row.emplace_back("");
                continue;
            }
            std::string cell = fmt::format("{} ({}/{})", percent(*c), c->met, c->met + c->breached);
            if (c->pending > 0) {
                cell += fmt::format(" +{} pending", c->pending);
            }
            row.push_back(std::move(cell));
        }
        s.table.rows.push_back(std::move(row));
    }
    return s;
}

std::string number(double value) { return fmt::format("{:g}", value); }

AuditSection targets(const AuditResult& r)
{
    AuditSection s;
    s.heading = "Targets";
    s.table.header = {"target", "commitment", "period", "actual", "result"};
    s.table.right = {false, false, false, true, false};
    for (const auto& t : r.targets) {
        const std::string name = t.title.empty() ? t.id : fmt::format("{} ({})", t.id, t.title);
        const std::string commitment =
            t.stage.empty() ? fmt::format("at least {}% of '{}' reach '{}'", number(t.min_percent), t.from, t.to)
                            : fmt::format("at least {} entering '{}' per {}", number(t.min), t.stage,
                                          EnumNames<Period>::names[static_cast<std::size_t>(t.per)]);
        if (t.not_measured) {
            s.table.rows.push_back({name, commitment, "", "", "not measured: " + *t.not_measured});
            continue;
        }
        if (t.stage.empty()) {
            const std::string actual =
                t.entered_from == 0
                    ? "-"
                    : fmt::format("{:.1f}% ({} of {})",
                                  100.0 * static_cast<double>(t.entered_to) / static_cast<double>(t.entered_from),
                                  t.entered_to, t.entered_from);
            s.table.rows.push_back({name, commitment, "all leads", actual,
                                    t.entered_from == 0 ? "no leads"
                                    : t.missed          ? "missed"
                                                        : "met"});
            continue;
        }
        for (const auto& p : t.periods) {
            s.table.rows.push_back({name, commitment, p.period, std::to_string(p.count),
                                    !p.complete ? "in progress"
                                    : p.missed  ? "missed"
                                                : "met"});
        }
        if (t.periods.empty()) {
            s.table.rows.push_back({name, commitment, "", "0", "no entries"});
        } else {
            s.after.push_back(
                fmt::format("{}: periods {} to {} judged{}.", t.id, t.periods.front().period, t.periods.back().period,
                            r.periods_from.empty() && r.periods_until.empty()
                                ? fmt::format(", from the first to the last entry to '{}'", t.stage)
                                : fmt::format(" (--from {} --until {})", r.periods_from.empty() ? "-" : r.periods_from,
                                              r.periods_until.empty() ? "-" : r.periods_until)));
        }
        if (t.undated > 0) {
            s.after.push_back(fmt::format("{}: {} lead(s) reached '{}' without a time and are in no period.", t.id,
                                          t.undated, t.stage));
        }
    }
    return s;
}

std::string rate(std::int64_t part, std::int64_t whole)
{
    return whole == 0 ? std::string("-")
                      : fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// A conversion target by one grouping: sources, or the month leads reached its first stage.
AuditSection conversion(const TargetResult& t, bool by_cohort)
{
    AuditSection s;
    s.heading = by_cohort ? fmt::format("'{}' to '{}' by the month leads reached '{}'", t.from, t.to, t.from)
                          : fmt::format("'{}' to '{}' by source", t.from, t.to);
    s.table.header = {by_cohort ? "month" : "source", t.from, t.to, "rate"};
    s.table.right = {false, true, true, true};
    for (const auto& [group, c] : by_cohort ? t.by_cohort : t.by_source) {
        s.table.rows.push_back({group.empty() ? (by_cohort ? "(no time)" : "(none)") : group, std::to_string(c.from),
                                std::to_string(c.to), rate(c.to, c.from)});
    }
    if (by_cohort) {
        s.notes.push_back("A cohort's rate grows while its leads are still moving: recent months are not final.");
    }
    return s;
}

AuditSection stage_readings(const AuditResult& r)
{
    AuditSection s;
    s.heading = "Stages as the export shows them";
    s.notes.push_back("How each lifecycle stage and exit was read (the lead definitions' `reached` and `at`), and how "
                      "many leads reached it.");
    s.table.header = {"stage", "reached when", "dated by", "leads", "without a time"};
    s.table.right = {false, false, false, true, true};
    for (const auto& st : r.stages) {
        s.table.rows.push_back(
            {st.exit ? st.id + " (exit)" : st.id, fmt::format("{}", fmt::join(st.reached_by, " or ")),
             st.dated_by.empty() ? "-" : st.dated_by, st.visible ? std::to_string(st.reached) : "not seen",
             st.visible ? std::to_string(st.undated) : ""});
    }
    return s;
}

AuditSection entries(const AuditResult& r)
{
    AuditSection s;
    s.heading = fmt::format("Leads entering '{}' by month", r.handoff_stage);
    s.table.header = {"month", "leads"};
    s.table.right = {false, true};
    for (const auto& [month, n] : r.entries_by_month) {
        s.table.rows.push_back({month, std::to_string(n)});
    }
    return s;
}

AuditSection funnel_steps(const Funnel& f)
{
    AuditSection s;
    s.heading = "Funnel";
    s.notes.push_back("Both teams' numbers from the same records: each step counts the leads that reached the first "
                      "stage and, of those, the leads that reached the next one too; time in stage runs from one "
                      "stage's time to the other's, where the export has both.");
    s.table.header = {"from", "to", "entered", "reached", "conversion", "median time in stage", "p90"};
    s.table.right = {false, false, true, true, true, true, true};
    for (std::size_t i = 0; i + 1 < f.stages.size(); ++i) {
        const auto& time = f.time_in_stage[i];
        s.table.rows.push_back({f.stages[i], f.stages[i + 1], std::to_string(f.overall.reached[i]),
                                std::to_string(f.overall.converted[i]),
                                rate(f.overall.converted[i], f.overall.reached[i]), short_duration(time.median),
                                short_duration(time.p90)});
    }
    const auto decided = f.overall.won + f.overall.lost;
    const std::string cycle_stages = f.decided_from.empty() ? "" : fmt::format(" from '{}'", f.decided_from);
    if (!f.won_visible) {
        s.after.emplace_back("Win rate: not measured: the export cannot show the last lifecycle stage.");
    } else if (!f.losses_visible) {
        s.after.push_back(fmt::format("Win rate: not measured: the export records no lost or disqualified leads "
                                      "({} won).",
                                      f.overall.won));
    } else if (f.overall.lost == 0) {
        s.after.push_back(fmt::format("Win rate: not measured: no lead{} was lost or disqualified ({} won).",
                                      cycle_stages.empty() ? "" : " of the sales cycle" + cycle_stages, f.overall.won));
    } else {
        s.after.push_back(fmt::format("Win rate: {} ({} won, {} lost or disqualified, of the leads{} that were "
                                      "decided).",
                                      rate(f.overall.won, decided), f.overall.won, f.overall.lost, cycle_stages));
    }
    if (f.won_visible && !f.stages.empty()) {
        s.after.push_back(fmt::format("Close rate: {} ({} won of the {} leads that reached '{}').",
                                      rate(f.overall.reached.back(), f.overall.reached.front()),
                                      f.overall.reached.back(), f.overall.reached.front(), f.stages.front()));
    }
    if (f.sales_cycle) {
        s.after.push_back(fmt::format("Sales cycle, '{}' to '{}': median {}, p90 {} ({} leads).", f.cycle_from,
                                      f.cycle_to, short_duration(f.sales_cycle->median),
                                      short_duration(f.sales_cycle->p90), f.sales_cycle->n));
    }
    return s;
}

AuditSection funnel_by(const Funnel& f, const std::string& by)
{
    AuditSection s;
    s.heading = fmt::format("Funnel by {}", by);
    s.table.header = {by};
    for (const auto& stage : f.stages) {
        s.table.header.push_back(stage);
    }
    for (const char* column : {"wins", "losses", "win rate"}) {
        s.table.header.emplace_back(column);
    }
    // Times where this breakdown keeps them: the median of each step, and of the sales cycle.
    const auto* times = by == "owner" ? &f.times_by_owner : by == "source" ? &f.times_by_source : nullptr;
    const bool timed = times != nullptr && !times->empty();
    if (timed) {
        for (std::size_t i = 0; i + 1 < f.stages.size(); ++i) {
            s.table.header.push_back(fmt::format("median {} to {}", f.stages[i], f.stages[i + 1]));
        }
        if (f.sales_cycle) {
            s.table.header.emplace_back("median sales cycle");
        }
    }
    s.table.right.assign(s.table.header.size(), true);
    s.table.right[0] = false;
    static const std::map<std::string, FunnelCounts> none;
    const auto* column = find_in(f.by_column, by);
    for (const auto& [group, c] : by == "owner"       ? f.by_owner
                                  : by == "source"    ? f.by_source
                                  : column != nullptr ? *column
                                                      : none) {
        std::vector<std::string> row{group.empty() ? "(none)" : group};
        for (const auto n : c.reached) {
            row.push_back(std::to_string(n));
        }
        row.push_back(std::to_string(c.won));
        row.push_back(std::to_string(c.lost));
        row.push_back(f.losses_visible && f.overall.lost > 0 ? rate(c.won, c.won + c.lost) : "-");
        if (timed) {
            const auto* t = find_in(*times, group);
            for (std::size_t i = 0; i + 1 < f.stages.size(); ++i) {
                row.push_back(t != nullptr && i < t->time_in_stage.size() ? short_duration(t->time_in_stage[i].median)
                                                                          : "-");
            }
            if (f.sales_cycle) {
                row.push_back(t != nullptr && t->sales_cycle ? short_duration(t->sales_cycle->median) : "-");
            }
        }
        s.table.rows.push_back(std::move(row));
    }
    return s;
}

AuditSection campaign_costs(const std::vector<CampaignCost>& costs)
{
    AuditSection s;
    s.heading = "Campaign costs";
    s.table.header = {"source", "cost", "leads", "per lead", "assigned", "per assigned", "customers", "per customer"};
    s.table.right = {false, true, true, true, true, true, true, true};
    auto per = [](double cost, std::int64_t n) {
        return n == 0 ? std::string("-") : fmt::format("{:.2f}", cost / static_cast<double>(n));
    };
    CampaignCost total{"(total)", 0, 0, 0, 0};
    auto add = [&](const CampaignCost& c) {
        s.table.rows.push_back({c.source.empty() ? "(none)" : c.source, fmt::format("{:.2f}", c.cost),
                                std::to_string(c.leads), per(c.cost, c.leads), std::to_string(c.assigned),
                                per(c.cost, c.assigned), std::to_string(c.customers), per(c.cost, c.customers)});
    };
    for (const auto& c : costs) {
        add(c);
        total.cost += c.cost;
        total.leads += c.leads;
        total.assigned += c.assigned;
        total.customers += c.customers;
    }
    add(total);
    return s;
}

AuditSection bad_rows(const AuditResult& r)
{
    AuditSection s;
    s.heading = "Rows with problems";
    if (r.bad_rows.empty()) {
        return s;
    }
    s.notes.push_back("Audited as they are (an unreadable value counts as empty); fix them in the CRM. --strict "
                      "makes any of them an error.");
    s.table.header = {"problem", "rows", "first lines"};
    s.table.right = {false, true, false};
    for (const auto& [kind, rows] : r.bad_rows) {
        std::vector<std::string> lines;
        for (const auto line : rows.first_lines) {
            lines.push_back(std::to_string(line));
        }
        if (!rows.example_lead.empty()) {
            lines.push_back("lead " + rows.example_lead);
        }
        s.table.rows.push_back({kind, std::to_string(rows.count), fmt::format("{}", fmt::join(lines, ", "))});
    }
    return s;
}

std::vector<std::string> definitions(const AuditResult& r)
{
    std::vector<std::string> terms{
        fmt::format("handoff: a lead is eligible once it entered the hand-off stage ('{}') at a known time; met when "
                    "it was assigned (assigned_at) at most the limit later, breached when later or when unassigned "
                    "at a deadline on or before as-of, pending otherwise.",
                    r.handoff_stage),
        "first_touch: eligible once assigned (assigned_at); met when first_touch_at is at most the limit later; "
        "breached and pending as for handoff.",
        "attempts: eligible once disqualified; met when the attempts made (touch_attempts, empty is 0; else the "
        "attempt times given) reach the minimum.",
        "window: eligible once disqualified and assigned; met when at least the minimum attempts have times within "
        "the follow-up window after assignment.",
        "spacing: eligible with two attempt times or more; met when no two attempts are closer than the spacing.",
        "reason: eligible once disqualified; met when disqualify_reason holds more than spaces.",
        "<stage>_clock: a stage's clock in the lead definitions; eligible once the stage was entered at a known "
        "time; done when the lead left it: at the time of its exit criterion when that is '<field> is set', "
        "otherwise at the earliest later stage's or exit's time; met, breached and pending as for handoff.",
    };
    // Each term's definition, for the terms the report shows.
    std::vector<std::string> d;
    for (const auto& definition : terms) {
        const auto name = definition.substr(0, definition.find(':'));
        const bool shown =
            name == "<stage>_clock"
                ? std::any_of(r.terms.begin(), r.terms.end(), [](const auto& t) { return t.first.ends_with("_clock"); })
                : r.terms.contains(name);
        if (shown) {
            d.push_back(definition);
        }
    }
    d.insert(
        d.end(),
        {
            "The fields each term reads are the lead definitions' `roles` (shown in JSON under 'columns').",
            "Exactly at the limit is met; done up to an hour before the clock started (clocks a few minutes apart) "
            "is met; done more than an hour before it is a bad row, not counted.",
            "compliance = met / (met + breached); pending leads are not yet decided.",
        });
    d.push_back(r.quantiles == Quantiles::nearest
                    ? "median and p90: of the latencies of leads that were done, by nearest rank (the value at rank "
                      "ceil(p/100 x n) in ascending order)."
                    : "median and p90: of the latencies of leads that were done, by linear interpolation (--quantiles "
                      "linear: between the values at ranks floor(h) and floor(h)+1 for h = (n-1) x p/100 + 1, as "
                      "pandas and DuckDB's quantile_cont compute them).");
    d.push_back(r.working_hours
                    ? fmt::format("Clocks count working time only: the SLA calendar's days and hours in {}, without "
                                  "its holidays; 3d is three working days, 24h is 24 working hours; latencies of a "
                                  "day or more are shown in working hours.",
                                  r.calendar_zone)
                    : "Clocks count elapsed time.");
    d.push_back(fmt::format("Times without a zone are read in {}; months are months there.", r.time_zone));
    d.push_back("A stage is reached as 'Stages as the export shows them' says: its date is set, its entry criteria "
                "hold on the record, a later stage was reached, or every record is at it; a stage reached without a "
                "time counts in volumes and conversions but starts no clock and is in no period or month.");
    d.push_back("Funnel: a step from one stage to the next counts the leads that reached the first stage, and of "
                "those the leads that reached the next one too (a lead that skipped a stage is not counted in the "
                "steps around it). Time in stage and the sales cycle are elapsed time, from one stage's time to the "
                "other's. Win rate: of the leads in the sales cycle (those that reached its first stage) that "
                "reached the last stage or took an exit with no way back, the share that reached the last stage; "
                "not measured when the export records no such exit. Close rate: the leads that reached the last "
                "stage, of those that reached the funnel's first.");
    d.push_back("Campaign costs: the cost of a source divided by its leads (rows), its assigned leads "
                "(assigned_at set) and its customers (the last stage's time set).");
    d.push_back("Volume targets count leads entering the stage in each period, from the first such lead's period to "
                "the last one's (or from --from to --until), empty periods too; a period is judged once it has "
                "ended at as-of. Conversion targets divide the leads that reached both stages by those that reached "
                "the first; by cohort, leads are grouped by the month they reached the first.");
    return d;
}

} // namespace

std::string short_duration(std::optional<std::int64_t> seconds)
{
    if (!seconds) {
        return "-";
    }
    const auto s = *seconds < 0 ? -*seconds : *seconds;
    const char* sign = *seconds < 0 ? "-" : "";
    if (s < 60) {
        return fmt::format("{}{}s", sign, s);
    }
    if (s < 3600) {
        return fmt::format("{}{}m {:02}s", sign, s / 60, s % 60);
    }
    if (s < 86400) {
        return fmt::format("{}{}h {:02}m", sign, s / 3600, s % 3600 / 60);
    }
    return fmt::format("{}{}d {:02}h", sign, s / 86400, s % 86400 / 3600);
}

std::string short_duration(std::optional<double> seconds)
{
    return short_duration(seconds ? std::optional<std::int64_t>(std::llround(*seconds)) : std::nullopt);
}

namespace {

// A percentile in JSON: a whole number of seconds as an integer, else as it is.
nlohmann::json seconds_json(const std::optional<double>& seconds)
{
    if (!seconds) {
        return nullptr;
    }
    if (*seconds == std::floor(*seconds) && std::abs(*seconds) < 9e15) {
        return static_cast<std::int64_t>(*seconds);
    }
    return *seconds;
}

} // namespace

AuditReport build_audit_report(const AuditResult& r)
{
    AuditReport report;
    report.title = r.time_zone == "UTC" ? fmt::format("SLA audit as of {}", format_timestamp(r.as_of))
                                        : fmt::format("SLA audit as of {} {} ({})", r.as_of_local, r.time_zone,
                                                      format_timestamp(r.as_of));
    report.summary.push_back(fmt::format("{} leads read from the export.", r.rows));
    report.summary.push_back(
        r.working_hours ? fmt::format("Clocks count working time in {} (the SLA's calendar){}.", r.calendar_zone,
                                      r.calendar_zone == r.time_zone
                                          ? std::string{}
                                          : fmt::format("; times without a zone are read in {}", r.time_zone))
                        : fmt::format("Clocks count elapsed time; times without a zone are read in {}.", r.time_zone));
    for (const auto& [field, zone] : r.field_zones) {
        report.summary.push_back(
            fmt::format("'{}' times without a zone are read in {} (the field's zone).", field, zone));
    }
    for (const auto& warning : r.warnings) {
        report.summary.push_back("Read with care: " + warning + ".");
    }
    report.sections.push_back(term_table(r));
    if (!r.term_order.empty()) {
        for (const auto& by : r.by) {
            report.sections.push_back(breakdown(r, by));
        }
        report.sections.push_back(monthly_trend(r));
    }
    if (!r.targets.empty()) {
        report.sections.push_back(targets(r));
    }
    if (!r.handoff_stage.empty() && !r.entries_by_month.empty()) {
        report.sections.push_back(entries(r));
    }
    for (const auto& t : r.targets) {
        if (!t.not_measured && t.stage.empty()) {
            report.sections.push_back(conversion(t, false));
            report.sections.push_back(conversion(t, true));
        }
    }
    if (r.funnel) {
        report.sections.push_back(funnel_steps(*r.funnel));
        for (const auto& by : r.by) {
            if (by != "month") {
                report.sections.push_back(funnel_by(*r.funnel, by));
            }
        }
    }
    if (!r.costs.empty()) {
        report.sections.push_back(campaign_costs(r.costs));
    }
    if (!r.bad_rows.empty()) {
        report.sections.push_back(bad_rows(r));
    }
    report.sections.push_back(stage_readings(r));
    report.definitions = definitions(r);
    return report;
}

namespace {

std::string report_as_text(const AuditReport& report)
{
    std::string out = report.title + "\n\n";
    for (const auto& line : report.summary) {
        out += line + "\n";
    }
    for (const auto& s : report.sections) {
        out += "\n" + s.heading + "\n";
        for (const auto& note : s.notes) {
            out += "  " + note + "\n";
        }
        out += aligned_table(s.table);
        for (const auto& note : s.after) {
            out += "  " + note + "\n";
        }
    }
    out += "\nHow the numbers are defined\n";
    for (const auto& d : report.definitions) {
        out += "  - " + d + "\n";
    }
    return out;
}

std::string report_as_markdown(const AuditReport& report)
{
    std::string out = "# " + markdown_escape(report.title) + "\n\n";
    for (const auto& line : report.summary) {
        out += markdown_block(line) + "\n";
    }
    out += "\n";
    for (const auto& s : report.sections) {
        out += "## " + markdown_escape(s.heading) + "\n\n";
        for (const auto& note : s.notes) {
            out += markdown_block(note) + "\n\n";
        }
        out += md_table(s.table);
        for (const auto& note : s.after) {
            out += markdown_block(note) + "\n\n";
        }
    }
    return out + "## How the numbers are defined\n\n" + md_list(report.definitions);
}

std::string report_as_html(const AuditReport& report)
{
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(report.title) +
        "</title>\n<style>\nbody{font:10.5pt/1.45 system-ui,sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem "
        "auto;padding:0 1rem}\ntable{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid "
        "#bbb;padding:.25rem .5rem;text-align:left}th{background:#f0f0f0}td.num{text-align:right;font-variant-"
        "numeric:tabular-nums}\n@media print{body{margin:0;max-width:none}tr{break-inside:avoid}h2{break-after:"
        "avoid}}\n</style>\n</head>\n<body>\n<h1>" +
        html_escape(report.title) + "</h1>\n";
    for (const auto& line : report.summary) {
        out += "<p>" + html_escape(line) + "</p>\n";
    }
    for (const auto& s : report.sections) {
        out += "<h2>" + html_escape(s.heading) + "</h2>\n";
        for (const auto& note : s.notes) {
            out += "<p>" + html_escape(note) + "</p>\n";
        }
        out += html_table(s.table);
        for (const auto& note : s.after) {
            out += "<p>" + html_escape(note) + "</p>\n";
        }
    }
    return out + "<h2>How the numbers are defined</h2>\n" + html_list(report.definitions) + "</body>\n</html>\n";
}

} // namespace

void settle_for_format(AuditSettings& settings, AuditFormat format)
{
    if (format != AuditFormat::canonical) {
        return;
    }
    settings.by = {"owner", "source"};
    settings.handoff_latency = false;
    settings.funnel = false;
    settings.stage_clocks = false;
}

std::string render_audit(const AuditResult& result, AuditFormat format)
{
    switch (format) {
    case AuditFormat::text:
        return terminal_safe(report_as_text(build_audit_report(result)));
    case AuditFormat::markdown:
        return report_as_markdown(build_audit_report(result));
    case AuditFormat::html:
        return report_as_html(build_audit_report(result));
    case AuditFormat::json:
        return audit_json(result);
    case AuditFormat::csv:
        return audit_csv(result);
    case AuditFormat::canonical:
        return audit_canonical_json(result);
    }
    return {};
}

namespace {

using Json = nlohmann::json;

Json latency_json(const Latency& l)
{
    return Json{{"n", l.n}, {"median_s", seconds_json(l.median)}, {"p90_s", seconds_json(l.p90)}};
}

Json targets_json(const AuditResult& r)
{
    Json targets = Json::array();
    for (const auto& t : r.targets) {
        Json target{{"id", t.id}, {"title", t.title}};
        if (t.not_measured) {
            target["not_measured"] = *t.not_measured;
        } else if (t.stage.empty()) {
            auto conversions = [](const std::map<std::string, ConversionCount>& by) {
                Json out = Json::object();
                for (const auto& [k, c] : by) {
                    out[k] = {{"from", c.from}, {"to", c.to}};
                }
                return out;
            };
            target["conversion"] = {{"from", t.from},
                                    {"to", t.to},
                                    {"min_percent", t.min_percent},
                                    {"entered_from", t.entered_from},
                                    {"entered_to", t.entered_to},
                                    {"by_source", conversions(t.by_source)},
                                    {"by_cohort", conversions(t.by_cohort)}};
            target["missed"] = t.missed;
        } else {
            Json periods = Json::array();
            for (const auto& p : t.periods) {
                periods.push_back(
                    {{"period", p.period}, {"count", p.count}, {"complete", p.complete}, {"missed", p.missed}});
            }
            target["volume"] = {{"stage", t.stage},
                                {"per", EnumNames<Period>::names[static_cast<std::size_t>(t.per)]},
                                {"min", t.min},
                                {"periods", periods},
                                {"undated", t.undated}};
            target["missed"] = t.missed;
        }
        targets.push_back(target);
    }
    return targets;
}

Json funnel_json(const Funnel& f)
{
    const auto latency = latency_json;
    auto funnel_counts = [](const FunnelCounts& c) {
        return Json{{"reached", c.reached}, {"converted", c.converted}, {"won", c.won}, {"lost", c.lost}};
    };
    Json by_owner = Json::object(), by_source = Json::object(), steps = Json::array();
    for (const auto& [k, c] : f.by_owner) {
        by_owner[k] = funnel_counts(c);
    }
    for (const auto& [k, c] : f.by_source) {
        by_source[k] = funnel_counts(c);
    }
    auto group_times = [&](const std::map<std::string, GroupTimes>& by) {
        Json out = Json::object();
        for (const auto& [k, t] : by) {
            Json in_stage = Json::array();
            for (const auto& l : t.time_in_stage) {
                in_stage.push_back(latency(l));
            }
            out[k] = {{"time_in_stage", in_stage},
                      {"sales_cycle", t.sales_cycle ? latency(*t.sales_cycle) : Json(nullptr)}};
        }
        return out;
    };
    Json by_column = Json::object();
    for (const auto& [column, groups_of] : f.by_column) {
        for (const auto& [k, c] : groups_of) {
            by_column[column][k] = funnel_counts(c);
        }
    }
    for (std::size_t i = 0; i < f.time_in_stage.size(); ++i) {
        steps.push_back(
            {{"from", f.stages[i]}, {"to", f.stages[i + 1]}, {"time_in_stage", latency(f.time_in_stage[i])}});
    }
    return {{"stages", f.stages},
            {"overall", funnel_counts(f.overall)},
            {"by_owner", by_owner},
            {"by_source", by_source},
            {"by_column", by_column},
            {"times_by_owner", group_times(f.times_by_owner)},
            {"times_by_source", group_times(f.times_by_source)},
            {"steps", steps},
            {"sales_cycle", f.sales_cycle
                                ? Json{{"from", f.cycle_from}, {"to", f.cycle_to}, {"latency", latency(*f.sales_cycle)}}
                                : Json(nullptr)}};
}

} // namespace

std::string audit_json(const AuditResult& r)
{
    auto counts = [](const TermCounts& c) {
        const auto p = compliance_percent(c);
        return Json{{"eligible", c.eligible},
                    {"met", c.met},
                    {"breached", c.breached},
                    {"pending", c.pending},
                    {"compliance_percent", p ? Json(*p) : Json(nullptr)}};
    };
    auto latency = [](const Latency& l) {
        return Json{{"n", l.n}, {"median_s", seconds_json(l.median)}, {"p90_s", seconds_json(l.p90)}};
    };
    auto groups = [&](const std::map<std::string, TermCounts>& by) {
        Json out = Json::object();
        for (const auto& [k, c] : by) {
            out[k] = counts(c);
        }
        return out;
    };
    auto latencies = [&](const std::map<std::string, Latency>& by) {
        Json out = Json::object();
        for (const auto& [k, l] : by) {
            out[k] = latency(l);
        }
        return out;
    };
    Json terms = Json::object();
    for (const auto& [name, t] : r.terms) {
        Json term{{"limit", t.limit},
                  {"overall", counts(t.overall)},
                  {"by_owner", groups(t.by_owner)},
                  {"by_source", groups(t.by_source)},
                  {"by_month", groups(t.by_month)}};
        for (const auto& [column, by] : t.by_column) {
            term["by_column"][column] = groups(by);
        }
        if (t.latency) {
            term["latency"] = {{"overall", latency(*t.latency)},
                               {"by_owner", latencies(t.latency_by_owner)},
                               {"by_source", latencies(t.latency_by_source)},
                               {"by_month", latencies(t.latency_by_month)}};
        }
        terms[name] = term;
    }
    const Json targets = targets_json(r);
    const Json funnel = r.funnel ? funnel_json(*r.funnel) : Json(nullptr);
    Json costs = Json::array();
    for (const auto& c : r.costs) {
        costs.push_back({{"source", c.source},
                         {"cost", c.cost},
                         {"leads", c.leads},
                         {"assigned", c.assigned},
                         {"customers", c.customers}});
    }
    Json bad = Json::object();
    for (const auto& [kind, rows] : r.bad_rows) {
        bad[kind] = {{"rows", rows.count}, {"first_lines", rows.first_lines}};
        if (!rows.example_lead.empty()) {
            bad[kind]["example_lead"] = rows.example_lead;
        }
    }
    Json conversion = Json::object();
    for (const auto& [source, c] : r.conversion_by_source) {
        conversion[source] = {{"from", c.from}, {"to", c.to}};
    }
    Json stages = Json::array();
    for (const auto& st : r.stages) {
        stages.push_back({{"id", st.id},
                          {"exit", st.exit},
                          {"reached_by", st.reached_by},
                          {"dated_by", st.dated_by},
                          {"visible", st.visible},
                          {"reached", st.reached},
                          {"undated", st.undated}});
    }
    // "version" changes only when a key changes meaning or goes; new keys may appear any time.
    Json out{{"format", "alignkit-sla-audit"},
             {"version", 1},
             {"as_of", format_timestamp(r.as_of)},
             {"as_of_local", r.as_of_local},
             {"rows", r.rows},
             {"time_zone", r.time_zone},
             {"working_hours", r.working_hours},
             {"columns", r.columns},
             {"terms", terms},
             {"not_audited", r.not_audited},
             {"targets", targets},
             {"entries_by_month", {{"stage", r.handoff_stage}, {"months", r.entries_by_month}}},
             {"conversion_by_source", {{"from", r.handoff_stage}, {"to", r.conversion_stage}, {"sources", conversion}}},
             {"funnel", funnel},
             {"campaign_costs", costs},
             {"bad_rows", bad},
             {"stages", stages},
             {"warnings", r.warnings},
             {"definitions", definitions(r)}};
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string audit_csv(const AuditResult& r)
{
    // Every table of the report in one long table, a row per cell: spreadsheets pivot it back
    // into any of them, and a table added to the report needs nothing here.
    std::string out = csv_line({"table", "row", "key", "column", "value"});
    const auto report = build_audit_report(r);
    for (const auto& section : report.sections) {
        for (std::size_t row = 0; row < section.table.rows.size(); ++row) {
            const auto& cells = section.table.rows[row];
            for (std::size_t c = 0; c < cells.size() && c < section.table.header.size(); ++c) {
                out += csv_line(
                    {section.heading, std::to_string(row + 1), cells.front(), section.table.header[c], cells[c]});
            }
        }
    }
    return out;
}

} // namespace alignkit
