// How `sla audit` reads stages the lead definitions describe (`reached`, `at`), roles, and the
// honest funnel, hand-checked on a deal pipeline: a status column, dates only.
#include "alignkit/audit/activity_times.hpp"
#include "alignkit/audit/audit_export.hpp"
#include "alignkit/audit/audit_report.hpp"
#include "alignkit/util/timestamp.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace alignkit;

namespace {

// A pipeline: every record is a deal (prospecting); engaging is dated by engage_date or known
// from the status; won and lost are the status, dated by close_date.
const char* const k_pipeline = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: deal_id, type: text}
    - {name: agent, type: text}
    - {name: channel, type: text, missing: ["Select"]}
    - {name: deal_stage, type: text, ignore_case: true}
    - {name: engage_date, type: date}
    - {name: close_date, type: date}
    - {name: call_1, type: datetime}
    - {name: call_2, type: datetime}
    - {name: call_3, type: datetime}
  stages:
    - {id: prospecting, name: P, owner: sales, entry: deal_stage = "Prospecting", exit: engage_date is set, reached: [all]}
    - {id: engaging, name: E, owner: sales, entry: deal_stage = "Engaging", exit: close_date is set,
       reached: [date, entry, later], at: engage_date}
    - {id: won, name: W, owner: sales, entry: deal_stage = "Won", reached: [entry], at: close_date}
  exits:
    - {id: lost, name: L, owner: sales, entry: deal_stage = "Lost", reached: [entry], at: close_date,
       reasons: [{code: any}]}
  roles: {lead_id: deal_id, owner: agent, source: channel, attempt_times: [call_1, call_2, call_3]}
)";

std::string sla(const std::string& terms)
{
    return R"(apiVersion: alignkit/v1
kind: ServiceLevelAgreement
metadata: {name: sla}
spec:
  version: "1.0"
  effective: 2026-01-01
  leads: leads
  parties: [{team: marketing}, {team: sales}]
)" + terms;
}

const std::string k_targets = R"(  targets:
    - {id: engaged, owner: marketing, volume: {stage: engaging, per: month, min: 2}}
    - {id: engaged-to-won, owner: sales, conversion: {from: engaging, to: won, min: 50%}}
)";

AuditResult audit(const std::string& sla_text, const std::string& csv, const char* defs = k_pipeline,
                  AuditSettings settings = {})
{
    const auto agreement = test::parsed_spec<ServiceLevelAgreement>(sla_text);
    const auto definitions = test::parsed_spec<LeadDefinitions>(defs);
    AuditExportOptions options;
    settings.as_of = *parse_timestamp("2027-04-01T00:00:00Z");
    settings.by = {"owner", "source"};
    options.settings = std::move(settings);
    options.jobs = 2;
    std::istringstream in(csv);
    auto outcome = audit_export(in, agreement, definitions, options);
    INFO(outcome.error);
    REQUIRE(outcome.result);
    return *outcome.result;
}

const std::string k_header = "deal_id,agent,channel,deal_stage,engage_date,close_date,call_1,call_2,call_3\r\n";

} // namespace

TEST_CASE("stages reached by criterion, with and without a date, and by a later stage")
{
    const std::string csv = k_header +
                            // prospecting only
                            "D1,ann,Web,Prospecting,,,,,\r\n"
                            // engaging with a date; engaging by status without one
                            "D2,ann,Web,Engaging,2027-01-10,,,,\r\n"
                            "D3,bob,Select,engaging,,,,,\r\n"
                            // won with both dates; won without an engage date (skipped engaging's
                            // date: reached by 'later', time unknown); won without a close date
                            "D4,bob,Web,Won,2027-01-12,2027-02-01,,,\r\n"
                            "D5,bob,Ads,WON,,2027-02-20,,,\r\n"
                            "D6,ann,Ads,Won,2027-02-01,,,,\r\n"
                            // lost after engaging
                            "D7,ann,Ads,Lost,2027-02-02,2027-03-01,,,\r\n";
    const auto r = audit(sla(k_targets), csv);
    REQUIRE(r.stages.size() == 4);
    CHECK(r.stages[0].reached == 7); // every record
    CHECK(r.stages[0].undated == 7);
    CHECK(r.stages[1].reached == 6); // D2-D7: D3 by status, D5 by 'later', the rest by date
    CHECK(r.stages[1].undated == 2); // D3, D5
    CHECK(r.stages[2].reached == 3); // D4, D5, D6 (case ignored)
    CHECK(r.stages[2].undated == 1); // D6
    CHECK(r.stages[3].reached == 1);
    CHECK(r.warnings.empty());

    REQUIRE(r.funnel);
    const auto& f = *r.funnel;
    REQUIRE(f.stages == std::vector<std::string>{"prospecting", "engaging", "won"});
    CHECK(f.overall.reached == std::vector<std::int64_t>{7, 6, 3});
    CHECK(f.overall.converted == std::vector<std::int64_t>{6, 3});
    CHECK(f.overall.won == 3);
    CHECK(f.overall.lost == 1);
    CHECK(f.losses_visible);
    REQUIRE(f.time_in_stage.size() == 2);
    CHECK(f.time_in_stage[1].n == 1); // only D4 has both dates (20 days)
    CHECK(f.time_in_stage[1].median == 20 * 86400.0);
    // By owner and source too: bob's D4 is the one dated step; ann has none.
    CHECK(f.times_by_owner.at("bob").time_in_stage[1].n == 1);
    CHECK(f.times_by_owner.at("bob").time_in_stage[1].median == 20 * 86400.0);
    CHECK(f.times_by_owner.at("ann").time_in_stage[1].n == 0);
    CHECK(f.times_by_source.at("Web").time_in_stage[1].n == 1);

    // Volume: dated entries only, by their own months; the two undated are said.
    const auto& volume = r.targets[0];
    REQUIRE(volume.periods.size() == 2);
    CHECK(volume.periods[0].period == "2027-01");
    CHECK(volume.periods[0].count == 2);
    CHECK(volume.periods[1].count == 2);
    CHECK(volume.undated == 2);
    // Conversion: every lead that reached engaging, dated or not; cohorts by its month.
    const auto& conversion = r.targets[1];
    CHECK(conversion.entered_from == 6);
    CHECK(conversion.entered_to == 3);
    CHECK_FALSE(conversion.missed);
    CHECK(conversion.by_cohort.at("2027-01").from == 2);
    CHECK(conversion.by_cohort.at("2027-01").to == 1);
    CHECK(conversion.by_cohort.at("").from == 2); // D3, D5
    CHECK(conversion.by_cohort.at("").to == 1);
    CHECK(conversion.by_source.at("Ads").from == 3);
    CHECK(conversion.by_source.at("Ads").to == 2);
    CHECK(conversion.by_source.at("").from == 1); // "Select" is no source
}

TEST_CASE("one column feeding two stages with nothing to tell them apart is a warning, not a silent count")
{
    const char* defs = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: close_date, type: date}
    - {name: engage_date, type: date}
  stages:
    - {id: engaging, name: E, owner: sales, entry: engage_date is set, exit: close_date is set, at: engage_date}
    - {id: customer, name: C, owner: sales, entry: close_date is set, at: close_date}
  exits:
    - {id: disqualified, name: D, owner: sales, at: close_date, reasons: [{code: any}]}
)";
    const auto r = audit(sla(""), "engage_date,close_date\n2027-01-01,2027-02-01\n2027-01-02,\n", defs);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("'customer' and 'disqualified' are both read from column 'close_date'") == 0);
    CHECK(r.stages[1].reached == 1);
    CHECK(r.stages[2].reached == 1);

    // validate says the same, where the definitions are written.
    const auto problems = test::check_problems({{"leads.yaml", defs}});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "leads.yaml 12:53: warning[AK3017]: 'customer' and 'disqualified' are both read from column "
                         "'close_date' and nothing else tells them apart | give one of them `reached: [entry]` with "
                         "its own entry criteria, or a date of its own");
}

TEST_CASE("the win rate needs losses the export can show; the close rate does not")
{
    // An MQL export joined to won deals: every record is an MQL, no losses recorded.
    const char* defs = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: first_contact_date, type: datetime}
    - {name: won_date, type: datetime}
  stages:
    - {id: mql, name: M, owner: marketing, entry: first_contact_date is set, exit: won_date is set, reached: [all],
       at: first_contact_date}
    - {id: customer, name: C, owner: sales, entry: won_date is set, at: won_date}
  exits:
    - {id: disqualified, name: D, owner: sales, reasons: [{code: any}]}
)";
    std::string csv = "first_contact_date,won_date\n";
    for (int i = 0; i < 19; ++i) {
        csv += "2027-01-05 10:00,\n";
    }
    csv += "2027-01-05 10:00,2027-02-01 12:00\n";
    const auto r = audit(sla(""), csv, defs);
    REQUIRE(r.funnel);
    CHECK(r.funnel->overall.won == 1);
    CHECK(r.funnel->overall.lost == 0);
    CHECK_FALSE(r.funnel->losses_visible); // no disqualified_at column
    CHECK(r.funnel->overall.reached == std::vector<std::int64_t>{20, 1});
    const auto text = render_audit(r, AuditFormat::text);
    CHECK(text.find("Win rate: not measured: the export records no lost or disqualified leads (1 won).") !=
          std::string::npos);
    CHECK(text.find("Close rate: 5.0% (1 won of the 20 leads that reached 'mql').") != std::string::npos);
    // An SLA with neither hand-off nor follow-up: the audit runs and says why each term was not.
    CHECK(r.term_order.empty());
    CHECK(r.not_audited.at("handoff") == "the SLA has no 'handoff' term");
    CHECK(r.not_audited.at("first_touch") == "the SLA has no 'follow_up' term");
    CHECK(r.not_stated.contains("handoff"));
}

TEST_CASE("a lifecycle without sql: conversion by source follows the SLA's conversion targets")
{
    const auto r = audit(sla(k_targets), k_header + "D1,ann,Web,Won,2027-01-10,2027-01-20,,,\r\n");
    const auto text = render_audit(r, AuditFormat::text);
    CHECK(text.find("'engaging' to 'won' by source") != std::string::npos);
    CHECK(text.find("to 'sql'") == std::string::npos);
}

TEST_CASE("follow-up window and spacing on attempt times")
{
    const std::string follow_up = R"(  handoff: {stage: engaging, within: 1d}
  follow_up: {first_contact: 1d, attempts: 2, window: 3d, spacing: 1d}
  disqualification: {exit: lost, reason_required: false}
)";
    const char* defs_with_assignment = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: deal_stage, type: text}
    - {name: engage_date, type: datetime}
    - {name: assigned, type: datetime}
    - {name: call_1, type: datetime}
    - {name: call_2, type: datetime}
  stages:
    - {id: engaging, name: E, owner: sales, entry: engage_date is set, at: engage_date}
  exits:
    - {id: lost, name: L, owner: sales, entry: deal_stage = "Lost", reached: [entry], reasons: [{code: any}]}
  roles: {assigned_at: assigned, first_touch_at: call_1, attempt_times: [call_1, call_2]}
)";
    const std::string csv = "deal_stage,engage_date,assigned,call_1,call_2\n"
                            // both attempts within 3 days of assignment, a day apart exactly: met, met
                            "Lost,2027-01-04T09:00:00Z,2027-01-04T09:00:00Z,2027-01-04T10:00:00Z,2027-01-05T10:00:00Z\n"
                            // the second attempt after the window; 4 days apart: window breached, spacing met
                            "Lost,2027-01-04T09:00:00Z,2027-01-04T09:00:00Z,2027-01-04T10:00:00Z,2027-01-08T10:00:00Z\n"
                            // two attempts an hour apart within the window: window met, spacing breached
                            "Lost,2027-01-04T09:00:00Z,2027-01-04T09:00:00Z,2027-01-04T10:00:00Z,2027-01-04T11:00:00Z\n"
                            // still open: no window term (not disqualified); one attempt: no spacing term
                            "Open,2027-01-04T09:00:00Z,2027-01-04T09:00:00Z,2027-01-04T10:00:00Z,\n";
    const auto r = audit(sla(follow_up), csv, defs_with_assignment);
    const auto& window = r.terms.at("window").overall;
    CHECK(window.eligible == 3);
    CHECK(window.met == 2);
    CHECK(window.breached == 1);
    const auto& spacing = r.terms.at("spacing").overall;
    CHECK(spacing.eligible == 3);
    CHECK(spacing.met == 2);
    CHECK(spacing.breached == 1);
    const auto& attempts = r.terms.at("attempts").overall; // counted from the times
    CHECK(attempts.eligible == 3);
    CHECK(attempts.met == 3);

    // The same attempts from a long-format activity export, joined by lead id; a lead
    // without activities has none (window breached), and a time with no zone is UTC here.
    const char* defs_with_ids = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: lead, type: text, column: Lead ID}
    - {name: deal_stage, type: text}
    - {name: engage_date, type: datetime}
    - {name: assigned, type: datetime}
  stages:
    - {id: engaging, name: E, owner: sales, entry: engage_date is set, at: engage_date}
  exits:
    - {id: lost, name: L, owner: sales, entry: deal_stage = "Lost", reached: [entry], reasons: [{code: any}]}
  roles: {lead_id: lead, assigned_at: assigned}
)";
    std::istringstream log("lead id,Activity date,type\n"
                           "A,2027-01-05 10:00,call\n"
                           "A,2027-01-04 10:00,email\n"
                           "B,2027-01-04 10:00,call\n"
                           "B,2027-01-04 11:00,call\n"
                           "C,,note\n"
                           "C,yesterday,call\n");
    CostsError problem;
    auto times = read_activity_times(log, {"Lead ID", "lead_id"}, "UTC", problem);
    REQUIRE(times);
    CHECK(times->by_lead.at("A") == std::vector<std::int64_t>{*parse_timestamp("2027-01-04T10:00:00Z"),
                                                              *parse_timestamp("2027-01-05T10:00:00Z")});
    AuditSettings with_log;
    with_log.activities = std::make_shared<const ActivityTimes>(std::move(*times));
    const auto joined = audit(sla(follow_up),
                              "Lead ID,deal_stage,engage_date,assigned\n"
                              "A,Lost,2027-01-04T09:00:00Z,2027-01-04T09:00:00Z\n"
                              "B,Lost,2027-01-04T09:00:00Z,2027-01-04T09:00:00Z\n"
                              "C,Lost,2027-01-04T09:00:00Z,2027-01-04T09:00:00Z\n",
                              defs_with_ids, with_log);
    CHECK(joined.terms.at("window").overall.met == 2);       // A and B: two attempts within 3 days
    CHECK(joined.terms.at("window").overall.breached == 1);  // C: none
    CHECK(joined.terms.at("spacing").overall.met == 1);      // A: a day apart
    CHECK(joined.terms.at("spacing").overall.breached == 1); // B: an hour apart
    CHECK(joined.terms.at("attempts").overall.met == 2);
    // A time that cannot be read is skipped and listed, with its line in the activity file.
    const auto& unreadable = joined.bad_rows.at("unreadable time in --activities 'Activity date' (skipped; lines of "
                                                "that file)");
    CHECK(unreadable.count == 1);
    CHECK(unreadable.first_lines == std::vector<std::int64_t>{7});

    // Without attempt times the report says so.
    const auto without = audit(sla(follow_up), "deal_stage,engage_date,assigned\nLost,,\n", defs_with_assignment);
    CHECK(without.not_audited.at("window") ==
          "the export has no attempt times (roles: attempt_times, or --activities)");
    CHECK(without.not_audited.at("spacing") ==
          "the export has no attempt times (roles: attempt_times, or --activities)");
}

TEST_CASE("a field's zone beside naive times in another, and --quantiles linear")
{
    const char* defs = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: mql_at, type: datetime}
    - {name: assigned_at, type: datetime, zone: America/Sao_Paulo}
  stages:
    - {id: mql, name: M, owner: marketing, entry: mql_at is set}
)";
    const std::string terms = "  handoff: {stage: mql, within: 4h}\n";
    // mql_at in UTC (a zone written); assigned_at naive on São Paulo's wall clock (UTC-3):
    // 10:00 there is 13:00 UTC, 3 h after the MQL; 2h, 5h and 6h for the others.
    const std::string csv = "mql_at,assigned_at\n"
                            "2027-01-05T10:00:00Z,2027-01-05 10:00\n"
                            "2027-01-05T10:00:00Z,2027-01-05 09:00\n"
                            "2027-01-05T10:00:00Z,2027-01-05 12:00\n"
                            "2027-01-05T10:00:00Z,2027-01-05 13:00\n";
    AuditSettings settings;
    const auto r = audit(sla(terms), csv, defs, settings);
    const auto& handoff = r.terms.at("handoff");
    CHECK(handoff.overall.met == 2);
    CHECK(handoff.overall.breached == 2);
    CHECK(r.field_zones.at("assigned_at") == "America/Sao_Paulo");
    REQUIRE(handoff.latency);
    // Latencies 2h, 3h, 5h, 6h. Nearest rank: the 2nd (3h) and the 4th (6h).
    CHECK(handoff.latency->median == 3 * 3600.0);
    CHECK(handoff.latency->p90 == 6 * 3600.0);
    // Linear, as pandas: median (3h + 5h) / 2 = 4h; p90 at h = 3 x 0.9 = 2.7: 5h + 0.7 x 1h.
    settings.quantiles = Quantiles::linear;
    const auto l = audit(sla(terms), csv, defs, settings);
    CHECK(l.terms.at("handoff").latency->median == 4 * 3600.0);
    CHECK(l.terms.at("handoff").latency->p90 == doctest::Approx(5.7 * 3600.0));
    // --zone reads the other naive times elsewhere without switching clocks to working time.
    settings.zone = "Asia/Tokyo";
    const auto z = audit(sla(terms), "mql_at,assigned_at\n2027-01-05 19:00,2027-01-05 10:00\n", defs, settings);
    CHECK(z.time_zone == "Asia/Tokyo");
    CHECK_FALSE(z.working_hours);
    CHECK(z.terms.at("handoff").overall.met == 1); // 10:00 UTC in Tokyo is 19:00; 13:00 UTC is 3 h later
}

TEST_CASE("an outside try's cases: undated exits, a stage before the one it follows, placeholders in any case")
{
    // D1 was won with no close date: it left engaging at an unknown time, so its 13-week clock
    // is not judged (it was counted as breached). D2's close date comes before its engage
    // date: a bad row, and no negative time in the funnel. "SELECT" is the placeholder "Select"
    // in another case, on a field that ignores case.
    const char* defs = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata: {name: leads}
spec:
  fields:
    - {name: channel, type: text, missing: ["Select"], ignore_case: true}
    - {name: deal_stage, type: text, ignore_case: true}
    - {name: engage_date, type: date}
    - {name: close_date, type: date}
  stages:
    - {id: engaging, name: E, owner: sales, entry: deal_stage = "Engaging", reached: [date, entry], at: engage_date,
       clock: 13w}
    - {id: won, name: W, owner: sales, entry: deal_stage = "Won", reached: [entry], at: close_date}
  exits:
    - {id: lost, name: L, owner: sales, entry: deal_stage = "Lost", reached: [entry], at: close_date,
       reasons: [{code: any}]}
  roles: {source: channel}
)";
    const auto r = audit(sla(""),
                         "channel,deal_stage,engage_date,close_date\n"
                         "SELECT,Won,2026-01-05,\n"
                         "Web,Won,2026-03-01,2026-02-01\n"
                         "Web,Won,2026-01-05,2026-01-25\n",
                         defs);
    const auto& clock = r.terms.at("engaging_clock").overall;
    CHECK(clock.eligible == 1); // D3 only: D1 left undated, D2 is a bad row
    CHECK(clock.met == 1);
    CHECK(r.bad_rows.count("engaging_clock: done more than an hour before its clock started") == 1);
    REQUIRE(r.funnel);
    CHECK(r.funnel->time_in_stage[0].n == 1); // 20 days, D2's -28 days left out
    CHECK(r.funnel->time_in_stage[0].median == 20 * 86400.0);
    CHECK(r.funnel->by_source.count("SELECT") == 0);
    CHECK(r.funnel->by_source.at("").reached[0] == 1);
    // No loss among three wins: measurable, and said as such.
    const auto text = render_audit(r, AuditFormat::text);
    CHECK(text.find("Win rate: not measured: no lead of the sales cycle from 'engaging' was lost or disqualified "
                    "(3 won).") != std::string::npos);
}
