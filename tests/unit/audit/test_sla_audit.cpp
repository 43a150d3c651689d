// What `sla audit` counts, hand-checked row by row: working-hours clocks across weekends,
// holidays and daylight-saving changes in two zones, naive times in the SLA's zone, export
// layouts, lifecycle stages out of order, targets, presets, terms an export cannot show.
// 2027-01-01 and 2027-01-08 are Fridays; US clocks spring forward on Sunday 2027-03-14;
// European clocks fall back on Sunday 2027-10-31.
#include "alignkit/audit/audit_export.hpp"
#include "alignkit/audit/audit_report.hpp"
#include "alignkit/audit/campaign_costs.hpp"
#include "alignkit/config/loader.hpp"
#include "alignkit/util/timestamp.hpp"
#include "audit/calendar_period.hpp"
#include "audit_fixtures.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sstream>

using namespace alignkit;

namespace {

std::string sla(const std::string& extra)
{
    return R"(apiVersion: alignkit/v1
kind: ServiceLevelAgreement
metadata: {name: sla}
spec:
  version: "1.0"
  effective: 2026-01-01
  leads: leads
  parties: [{team: marketing}, {team: sales}]
  handoff: {stage: mql, within: 4h}
  follow_up: {first_contact: 24h, attempts: 2, window: 10d}
  disqualification: {exit: disqualified, reason_required: true}
)" + extra;
}

struct Audit {
    AuditExportOutcome outcome;
    std::vector<Breach> breaches;
    const AuditResult& result() const
    {
        REQUIRE(outcome.result);
        return *outcome.result;
    }
    const TermCounts& term(const char* name) const { return result().terms.at(name).overall; }
};

Audit audit(const std::string& sla_text, const std::string& csv, AuditSettings settings,
            const std::string& defs_text = test::k_audit_defs)
{
    const auto agreement = test::parsed_spec<ServiceLevelAgreement>(sla_text);
    const auto defs = test::parsed_spec<LeadDefinitions>(defs_text);
    Audit a;
    AuditExportOptions options;
    options.settings = std::move(settings);
    options.jobs = 2;
    options.on_breach = [&](const Breach& b) { a.breaches.push_back(b); };
    std::istringstream in(csv);
    a.outcome = audit_export(in, agreement, defs, options);
    return a;
}

AuditSettings as_of(std::int64_t t)
{
    AuditSettings s;
    s.as_of = t;
    s.by = {"owner", "source", "month"};
    return s;
}

std::int64_t at(const char* text) { return *parse_timestamp(text); }

void check_counts(const TermCounts& c, std::int64_t eligible, std::int64_t met, std::int64_t breached,
                  std::int64_t pending)
{
    CHECK(c.eligible == eligible);
    CHECK(c.met == met);
    CHECK(c.breached == breached);
    CHECK(c.pending == pending);
}

const std::string k_chicago = R"(  calendar:
    time_zone: America/Chicago
    days: [mon, tue, wed, thu, fri]
    hours: 08:30-17:30
    holidays: [2027-01-01]
)";

} // namespace

TEST_CASE("hand-off clocks count Chicago working hours across a weekend, a holiday and spring forward")
{
    // Times without a zone are Chicago wall-clock times; the last lead's are written in UTC.
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at\n"
                            "L1,ann,web,2027-01-08 16:30:00,2027-01-11 11:30:00\n"   // 1h Fri + 3h Mon: at the limit
                            "L2,ann,web,2027-01-08 16:30:00,2027-01-11 11:31:00\n"   // one minute over
                            "L3,bob,web,2026-12-31 17:00:00,2027-01-04 09:00:00\n"   // 30m + New Year + weekend + 30m
                            "L4,bob,web,2027-03-12 17:00:00,2027-03-15 12:00:00\n"   // 30m CST + 3h30m CDT
                            "L5,bob,web,2027-03-15 09:00:00,\n"                      // deadline 13:00 = as-of: breached
                            "L6,bob,web,2027-03-15 10:00:00,\n"                      // deadline 14:00: pending
                            "L7,cy,web,2027-01-11T14:30:00Z,2027-01-11T18:30:00Z\n"; // 08:30-12:30 CST
    auto settings = as_of(at("2027-03-15T18:00:00Z"));                               // 13:00 CDT
    const auto a = audit(sla(k_chicago), csv, settings);
    REQUIRE(a.outcome.failure == AuditFailure::none);
    check_counts(a.term("handoff"), 7, 4, 2, 1);
    const auto& latency = *a.result().terms.at("handoff").latency;
    CHECK(latency.n == 5);
    CHECK(latency.median == 4 * 3600); // 3600, 14400, 14400, 14400, 14460
    CHECK(latency.p90 == 4 * 3600 + 60);
    REQUIRE(a.breaches.size() == 2);
    CHECK(a.breaches[0].lead == "L2");
    CHECK(a.breaches[0].deadline == "2027-01-11T17:30:00Z"); // Monday 11:30 CST
    CHECK(a.breaches[1].lead == "L5");
    CHECK(a.breaches[1].deadline == "2027-03-15T18:00:00Z"); // Monday 13:00 CDT
    CHECK(a.result().working_hours);
    CHECK(a.result().time_zone == "America/Chicago");
    // first_touch cannot be audited: this export has no first_touch_at.
    CHECK(a.result().not_audited.at("first_touch") == "the export has no column for 'first_touch_at'");
}

TEST_CASE("a Berlin calendar, an export's own layout, and months that are Berlin's months")
{
    const std::string berlin = R"(  calendar:
    time_zone: Europe/Berlin
    days: [mon, tue, wed, thu, fri]
    hours: 09:00-17:00
)";
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at\n"
                            "B1,eva,web,29.10.2027 16:00,01.11.2027 11:00\n" // 1h CEST Fri + 2h CET Mon: 3h
                            "B2,eva,web,29.10.2027 16:00,01.11.2027 12:01\n" // 4h01m: breached
                            "B3,eva,web,01.11.2027 00:30,01.11.2027 09:30\n" // 2027-10-31T23:30Z, a November MQL
                            "B4,eva,web,31.10.2027,\n";                      // date alone: midnight, Sunday
    std::string error;
    auto settings = as_of(at("2027-11-02T12:00:00Z"));
    settings.reading.time_format = TimeFormat::compile("%d.%m.%Y %H:%M", error);
    REQUIRE(settings.reading.time_format);
    auto a = audit(sla(berlin), csv, settings);
    // The date-only B4 does not fit "%d.%m.%Y %H:%M": counted as unreadable, the row kept.
    REQUIRE(a.outcome.failure == AuditFailure::none);
    CHECK(a.result().bad_rows.at("unreadable time in 'mql_at'").first_lines == std::vector<std::int64_t>{5});
    check_counts(a.term("handoff"), 3, 2, 1, 0);
    CHECK(a.result().entries_by_month == std::map<std::string, std::int64_t>{{"2027-10", 2}, {"2027-11", 1}});
    CHECK(a.result().terms.at("handoff").by_month.at("2027-11").met == 1);
    CHECK(a.breaches.at(0).deadline == "2027-11-01T11:00:00Z"); // 1h on Friday, then Monday 09:00-12:00 CET
}

TEST_CASE("without a calendar, clocks run all the time and naive times are UTC")
{
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at\n"
                            "L1,ann,web,2027-01-08 16:30:00,2027-01-08 20:30:00\n"  // exactly 4h
                            "L2,ann,web,2027-01-08 16:30:00,2027-01-08 20:30:01\n"  // one second over
                            "L3,ann,web,2027-01-08 16:30:00,2027-01-08 16:00:00\n"; // before: met
    const auto a = audit(sla(""), csv, as_of(at("2027-02-01T00:00:00Z")));
    check_counts(a.term("handoff"), 3, 2, 1, 0);
    CHECK(a.result().terms.at("handoff").latency->median == 4 * 3600);
    CHECK(a.breaches.at(0).deadline == "2027-01-08T20:30:00Z");
    CHECK_FALSE(a.result().working_hours);
}

TEST_CASE("stages entered out of lifecycle order are listed by kind, the rows still audited")
{
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at,sql_at,customer_at\n"
                            "L1,ann,web,2027-01-08T10:00:00Z,2027-01-08T10:30:00Z,2027-01-09T00:00:00Z,\n"
                            "L2,ann,web,2027-01-08T10:00:00Z,2027-01-08T10:30:00Z,,2027-01-01T00:00:00Z\n"
                            "L3,ann,web,2027-01-08T10:00:00Z,2027-01-08T10:30:00Z,2027-01-07T00:00:00Z,\n"
                            "L4,ann,web,2027-01-08T10:00:00Z,2027-01-08T10:30:00Z,2027-01-01T00:00:00Z,"
                            "2027-01-02T00:00:00Z\n"
                            "L5,ann,web,2027-01-08T10:00:00Z,2027-01-08T10:30:00Z,2027-01-09T00:00:00Z,"
                            "2027-01-10T00:00:00Z\n";
    const auto a = audit(sla(""), csv, as_of(at("2027-02-01T00:00:00Z")));
    const auto& bad = a.result().bad_rows;
    REQUIRE(bad.size() == 2);
    CHECK(bad.at("'customer_at' before 'mql_at'").first_lines == std::vector<std::int64_t>{3, 5});
    CHECK(bad.at("'sql_at' before 'mql_at'").first_lines == std::vector<std::int64_t>{4, 5});
    check_counts(a.term("handoff"), 5, 5, 0, 0);
}

TEST_CASE("volume and conversion targets against the records")
{
    const std::string targets = R"(  targets:
    - {id: mql-volume, owner: marketing, volume: {stage: mql, per: month, min: 2}}
    - {id: mql-to-sql, owner: sales, conversion: {from: mql, to: sql, min: 50%}}
    - {id: sql-to-customer, owner: sales, conversion: {from: sql, to: customer, min: 50%}}
)";
    // Two MQLs in January, none in February, three in March, one in April (not over at as-of).
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at,sql_at,customer_at\n"
                            "L1,ann,web,2027-01-05T10:00:00Z,,2027-01-06T10:00:00Z,2027-01-20T10:00:00Z\n"
                            "L2,ann,web,2027-01-31T23:59:59Z,,2027-02-02T10:00:00Z,\n"
                            "L3,ann,web,2027-03-01T00:00:00Z,,,\n"
                            "L4,ann,web,2027-03-10T00:00:00Z,,,\n"
                            "L5,ann,ads,2027-03-31T12:00:00Z,,2027-04-01T00:00:00Z,2027-04-02T00:00:00Z\n"
                            "L6,ann,ads,2027-04-01T00:00:00Z,,,\n";
    const auto a = audit(sla(targets), csv, as_of(at("2027-04-15T00:00:00Z")));
    const auto& t = a.result().targets;
    REQUIRE(t.size() == 3);
    REQUIRE(t[0].periods.size() == 4);
    CHECK(t[0].periods[0].period == "2027-01");
    CHECK(t[0].periods[0].count == 2);
    CHECK(t[0].periods[1].period == "2027-02");
    CHECK(t[0].periods[1].count == 0); // a month without a single MQL is missed
    CHECK(t[0].periods[1].missed);
    CHECK_FALSE(t[0].periods[0].missed);
    CHECK_FALSE(t[0].periods[3].missed); // not over yet
    CHECK(t[0].periods[2].count == 3);
    CHECK(t[0].periods[3].period == "2027-04");
    CHECK_FALSE(t[0].periods[3].complete);
    CHECK(t[0].missed);
    CHECK(t[1].entered_from == 6);
    CHECK(t[1].entered_to == 3);
    CHECK_FALSE(t[1].missed); // exactly 50%
    CHECK(t[2].entered_from == 3);
    CHECK(t[2].entered_to == 2);
    CHECK_FALSE(t[2].missed);

    // MQLs stop in January while the export goes on into March: February is missed, March is
    // still going at as-of; a time after as-of does not stretch the periods.
    const std::string quiet = "lead_id,owner,source,mql_at,assigned_at,sql_at,customer_at\n"
                              "L1,ann,web,2027-01-05T10:00:00Z,,,\n"
                              "L2,ann,web,2027-01-06T10:00:00Z,,2027-03-02T00:00:00Z,2027-09-01T00:00:00Z\n";
    // Without --from/--until the periods are those of the stage's own entries: later dates of
    // other stages do not stretch them.
    auto settings = as_of(at("2027-03-15T00:00:00Z"));
    const auto q = audit(sla(targets), quiet, settings);
    REQUIRE(q.result().targets[0].periods.size() == 1);
    CHECK(q.result().targets[0].periods[0].period == "2027-01");
    CHECK_FALSE(q.result().targets[0].missed);
    // --until carries them on: February is missed, March is still going at as-of.
    settings.until = at("2027-03-20T00:00:00Z");
    const auto u = audit(sla(targets), quiet, settings);
    const auto& periods = u.result().targets[0].periods;
    REQUIRE(periods.size() == 3);
    CHECK(periods[1].period == "2027-02");
    CHECK(periods[1].count == 0);
    CHECK(periods[1].complete);
    CHECK(periods[1].missed);
    CHECK(periods[2].period == "2027-03");
    CHECK_FALSE(periods[2].complete);
    // --from starts them earlier; bounds in mid-period take the whole period (--until on the
    // 6th still counts L2 on the 6th, in January), so no period is judged on part of it.
    settings.from = at("2026-12-15T00:00:00Z");
    settings.until = at("2027-01-06T00:00:00Z");
    const auto f = audit(sla(targets), quiet, settings);
    const auto& bounded = f.result().targets[0].periods;
    REQUIRE(bounded.size() == 2);
    CHECK(bounded[0].period == "2026-12");
    CHECK(bounded[0].count == 0);
    CHECK(bounded[1].count == 2);
    // Before the period --from holds, nothing is counted.
    settings.from = at("2027-02-01T00:00:00Z");
    settings.until.reset();
    const auto later = audit(sla(targets), quiet, settings);
    REQUIRE_FALSE(later.result().targets[0].periods.empty());
    CHECK(later.result().targets[0].periods[0].period == "2027-02");
    CHECK(later.result().targets[0].periods[0].count == 0);
}

TEST_CASE("presets read the real export headers of HubSpot and Salesforce, in any case")
{
    // HubSpot's contact export: no standard disqualification date or reason.
    const std::string hubspot = "Record ID,First Name,Contact owner,Original Source,Became a Marketing Qualified Lead "
                                "Date,OWNER ASSIGNED DATE,First Engagement Date,Number of times contacted,Became a "
                                "Sales Qualified Lead Date\n"
                                "101,Ada,ann@example.com,ORGANIC_SEARCH,2027-01-05 10:00,2027-01-05 11:00,"
                                "2027-01-05 12:00,3,\n";
    auto settings = as_of(at("2027-02-01T00:00:00Z"));
    settings.reading.preset = "hubspot";
    const auto h = audit(sla(""), hubspot, settings);
    REQUIRE(h.outcome.failure == AuditFailure::none);
    check_counts(h.term("handoff"), 1, 1, 0, 0);
    check_counts(h.term("first_touch"), 1, 1, 0, 0);
    CHECK(h.result().not_audited.size() == 3); // attempts and reason: no disqualification; window: no attempt times
    CHECK(h.result().columns.at("assigned_at") == "OWNER ASSIGNED DATE");
    CHECK(h.result().terms.at("handoff").by_owner.count("ann@example.com") == 1);

    // A Salesforce lead report, with the org's custom MQL and assignment dates mapped by hand.
    const std::string salesforce = "Lead ID,Lead Owner,Lead Source,Create Date,MQL Date,Assigned Date,First Call "
                                   "Date,Converted Date\n"
                                   "00Q1,Ann Lee,Web,2027-01-05T09:00:00.000Z,2027-01-05T10:00:00.000Z,"
                                   "2027-01-05T15:00:00.000Z,2027-01-06T16:00:00.000Z,2027-01-10T00:00:00.000Z\n";
    settings.reading.preset = "salesforce";
    settings.reading.columns = {{"mql_at", "MQL Date"}, {"assigned_at", "Assigned Date"}};
    const auto s = audit(sla(""), salesforce, settings);
    REQUIRE(s.outcome.failure == AuditFailure::none);
    check_counts(s.term("handoff"), 1, 0, 1, 0);     // 5h
    check_counts(s.term("first_touch"), 1, 0, 1, 0); // 25h
    CHECK(s.breaches.at(0).lead == "00Q1");
    CHECK(s.result().conversion_by_source.at("Web").to == 1); // Converted Date is the SQL date
}

TEST_CASE("the funnel from the same records: steps, time in stage, sales cycle, win rate, costs")
{
    // lead -> mql -> sql -> customer; sales owns sql and customer, so the cycle runs sql to customer.
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at,sql_at,customer_at,disqualified_at\n"
                            "L1,ann,web,2027-01-01T00:00:00Z,2027-01-01T01:00:00Z,2027-01-03T00:00:00Z,"
                            "2027-01-13T00:00:00Z,\n"
                            "L2,ann,web,2027-01-01T00:00:00Z,2027-01-01T01:00:00Z,2027-01-02T00:00:00Z,,"
                            "2027-01-05T00:00:00Z\n"
                            "L3,bob,ads,2027-01-01T00:00:00Z,,,,2027-01-02T00:00:00Z\n" // lost before the cycle
                            "L4,bob,ads,2027-01-01T00:00:00Z,2027-01-01T02:00:00Z,2027-01-05T00:00:00Z,"
                            "2027-01-07T00:00:00Z,\n";
    auto settings = as_of(at("2027-02-01T00:00:00Z"));
    settings.costs = {{"web", 1000}, {"ads", 300}, {"events", 50}};
    const auto a = audit(sla(""), csv, settings);
    REQUIRE(a.result().funnel);
    const auto& f = *a.result().funnel;
    CHECK(f.stages == std::vector<std::string>{"mql", "sql", "customer"});
    CHECK(f.overall.reached == std::vector<std::int64_t>{4, 3, 2});
    CHECK(f.overall.converted == std::vector<std::int64_t>{3, 2});
    CHECK(f.time_in_stage[0].median == 2 * 86400); // mql to sql: 1, 2 and 4 days
    CHECK(f.time_in_stage[1].p90 == 10 * 86400);   // sql to customer: 2 and 10 days
    CHECK(f.cycle_from == "sql");
    CHECK(f.cycle_to == "customer");
    CHECK(f.sales_cycle->median == 2 * 86400);
    CHECK(f.overall.won == 2);
    CHECK(f.overall.lost == 1); // L3 was disqualified before it reached sql: not in the cycle
    CHECK(f.by_owner.at("ann").won == 1);
    CHECK(f.by_owner.at("ann").lost == 1);
    CHECK(f.by_source.at("ads").reached == std::vector<std::int64_t>{2, 1, 1});
    const auto& costs = a.result().costs;
    REQUIRE(costs.size() == 3);
    CHECK(costs[0].source == "ads");
    CHECK(costs[0].leads == 2);
    CHECK(costs[0].assigned == 1);
    CHECK(costs[0].customers == 1);
    CHECK(costs[1].source == "events");
    CHECK(costs[1].leads == 0);
    CHECK(costs[2].customers == 1);
}

TEST_CASE("campaign costs: a header with source and cost, amounts as people write them")
{
    CostsError error;
    std::istringstream good("Source,Campaign,Cost\nweb,spring,\"$1,200.50\"\nweb,summer,99.5\nads,x,\xE2\x82\xAC"
                            "300\n");
    const auto costs = read_campaign_costs(good, error);
    REQUIRE(costs);
    CHECK(costs->at("web") == doctest::Approx(1300));
    CHECK(costs->at("ads") == 300);
    std::istringstream bad("source,cost\nweb,12\nads,twelve\n");
    CHECK_FALSE(read_campaign_costs(bad, error));
    CHECK(error.line == 3);
    CHECK(error.column == 5);
    CHECK(error.message == "'twelve' is not a cost");
    std::istringstream no_cost("source,amount\nweb,12\n");
    CHECK_FALSE(read_campaign_costs(no_cost, error));
    CHECK(error.message == "the header needs a 'source' and a 'cost' column");
    std::istringstream short_row("source,cost\nweb\n");
    CHECK_FALSE(read_campaign_costs(short_row, error));
    CHECK(error.line == 2);
    CHECK(error.message == "the row has no cost (fewer fields than the header)");
}

TEST_CASE("stage clocks of the lead definitions are terms: left by the exit's time or the next stage")
{
    // mql is left when assigned (its exit criterion); sql's exit criterion has no single time,
    // so it is left at the next stage or the disqualification, whichever comes first.
    std::string defs = test::k_audit_defs;
    const auto mql = defs.find("entry: mql_at is set, exit: assigned_at is set}");
    defs.insert(defs.find('}', mql), ", clock: 1h");
    const auto sql = defs.find("exit: customer_at is set}");
    defs.replace(sql, 25, "exit: customer_at is set and owner = \"x\", clock: 2d}");
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at,sql_at,customer_at,disqualified_at\n"
                            "S1,ann,web,,,2027-01-01T00:00:00Z,2027-01-03T00:00:00Z,\n" // 2d exactly
                            "S2,ann,web,,,2027-01-01T00:00:00Z,,2027-01-03T00:00:01Z\n" // a second over
                            "S3,ann,web,,,2027-01-09T00:00:00Z,,\n"                     // pending
                            "S4,ann,web,,,2027-01-01T00:00:00Z,2027-01-04T00:00:00Z,2027-01-02T00:00:00Z\n"
                            "M1,bob,web,2027-01-01T10:00:00Z,2027-01-01T11:00:00Z,,,\n"; // 1h exactly
    const auto a = audit(sla(""), csv, as_of(at("2027-01-10T00:00:00Z")), defs);
    REQUIRE(a.outcome.failure == AuditFailure::none);
    // This export has no first_touch_at, touch_attempts or disqualify_reason: those are not audited.
    CHECK(a.result().term_order == std::vector<std::string>{"handoff", "mql_clock", "sql_clock"});
    check_counts(a.term("sql_clock"), 4, 2, 1, 1); // S4 was disqualified after a day: met
    check_counts(a.term("mql_clock"), 1, 1, 0, 0);
    CHECK(a.result().terms.at("sql_clock").limit == "2 days");
    CHECK(a.result().terms.at("sql_clock").latency->p90 == 2 * 86400 + 1);
}

TEST_CASE("latency ranks across owners equal a sort of all the latencies, whatever their spread")
{
    // Spreads from seconds to 60 years (latencies are kept as 32-bit seconds, about 68 years),
    // negatives included (up to the hour a clock may run behind), so the buckets the overall
    // ranks are found in are wide and uneven.
    for (const std::int64_t spread : {std::int64_t{7}, std::int64_t{86400}, std::int64_t{60} * 86400 * 365}) {
        std::string csv = "lead_id,owner,source,mql_at,assigned_at\n";
        std::vector<std::int64_t> latencies;
        std::uint64_t state = 12345;
        for (int i = 0; i < 3000; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const auto latency = static_cast<std::int64_t>((state >> 20) % static_cast<std::uint64_t>(spread)) -
                                 std::min<std::int64_t>(spread / 10, 3600);
            latencies.push_back(latency);
            const std::int64_t start = at("2027-01-01T00:00:00Z") + i;
            csv += fmt::format("L{},owner{},web,{},{}\n", i, i % 7, format_timestamp(start),
                               format_timestamp(start + latency));
        }
        const auto a = audit(sla(""), csv, as_of(at("2500-01-01T00:00:00Z")));
        std::sort(latencies.begin(), latencies.end());
        const auto& l = *a.result().terms.at("handoff").latency;
        CAPTURE(spread);
        CHECK(l.n == 3000);
        CHECK(l.median == latencies[1499]); // rank ceil(0.5 x 3000) = 1500
        CHECK(l.p90 == latencies[2699]);    // rank ceil(0.9 x 3000) = 2700
    }
}

TEST_CASE("calendar periods: ISO weeks at year ends, quarters, months, years")
{
    auto name = [](const char* day, Period per) { return period_of(at(day), per).name; };
    CHECK(name("2027-01-01T12:00:00Z", Period::week) == "2026-W53"); // a Friday: 2026's last week
    CHECK(name("2027-01-04T00:00:00Z", Period::week) == "2027-W01"); // the first Monday
    CHECK(name("2024-12-30T00:00:00Z", Period::week) == "2025-W01"); // its Thursday is in 2025
    CHECK(name("2027-03-31T23:59:59Z", Period::quarter) == "2027-Q1");
    CHECK(name("2027-04-01T00:00:00Z", Period::quarter) == "2027-Q2");
    CHECK(name("2028-02-29T10:00:00Z", Period::month) == "2028-02");
    const auto week = period_of(at("2027-01-06T10:00:00Z"), Period::week);
    CHECK(week.begin == at("2027-01-04T00:00:00Z"));
    CHECK(week.end == at("2027-01-11T00:00:00Z"));
    const auto december = period_of(at("2027-12-15T00:00:00Z"), Period::month);
    CHECK(december.end == at("2028-01-01T00:00:00Z"));
    const auto year = period_of(at("1969-06-01T00:00:00Z"), Period::year); // before the epoch
    CHECK(year.name == "1969");
    CHECK(year.begin == at("1969-01-01T00:00:00Z"));
}

TEST_CASE("--as-of: with a zone as written, without one on the SLA calendar's wall clock")
{
    std::string error;
    const auto chicago_sla = test::parsed_spec<ServiceLevelAgreement>(sla(k_chicago));
    const auto chicago = naive_time_zone(chicago_sla, std::nullopt);
    CHECK(chicago == "America/Chicago");
    CHECK(read_as_of("2027-04-01", chicago, error) == at("2027-04-01T05:00:00Z")); // CDT midnight
    CHECK(read_as_of("2027-01-15 09:00", chicago, error) == at("2027-01-15T15:00:00Z"));
    CHECK(read_as_of("2027-04-01T00:00:00Z", chicago, error) == at("2027-04-01T00:00:00Z"));
    // --zone over the calendar's.
    CHECK(read_as_of("2027-04-01", naive_time_zone(chicago_sla, "Europe/Berlin"), error) == at("2027-03-31T22:00:00Z"));
    const auto utc = naive_time_zone(test::parsed_spec<ServiceLevelAgreement>(sla("")), std::nullopt);
    CHECK(read_as_of("2027-04-01", utc, error) == at("2027-04-01T00:00:00Z"));
    CHECK_FALSE(read_as_of("04/01/2027", utc, error));
    CHECK(error == "'04/01/2027' is not a time (YYYY-MM-DDTHH:MM:SSZ)");
}

TEST_CASE("a scheduled run fails for a term under the bar, a missed target, or --strict on bad rows")
{
    AuditResult r;
    r.terms["handoff"].overall = {10, 7, 3, 0};     // 70%
    r.terms["first_touch"].overall = {10, 9, 1, 0}; // 90%
    CHECK(audit_failures(r, std::nullopt, true).empty());
    CHECK(audit_failures(r, 80.0, false) == std::vector<std::string>{"handoff compliance 70.0% is under 80%"});
    CHECK(audit_failures(r, 70.0, false).empty()); // exactly at the bar passes
    r.targets.push_back({});
    r.targets.back().id = "mql-volume";
    r.targets.back().missed = true;
    r.bad_rows["a different number of fields than the header"].count = 1;
    CHECK(audit_failures(r, std::nullopt, false) == std::vector<std::string>{"target 'mql-volume' missed"});
    CHECK(audit_failures(r, std::nullopt, true) ==
          std::vector<std::string>{"target 'mql-volume' missed", "--strict: the export was not read fully"});
}

TEST_CASE("an export with a byte-order mark and CRLF line ends audits as the plain one does")
{
    const std::string plain = "lead_id,owner,source,mql_at,assigned_at\n"
                              "L1,ann,web,2027-01-08 16:30:00,2027-01-11 11:30:00\n"
                              "L2,\"Bob, Jr.\",web,2027-01-08 16:30:00,\n";
    std::string windows = "\xEF\xBB\xBF";
    for (const char c : plain) {
        windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    const auto a = audit(sla(k_chicago), plain, as_of(at("2027-02-01T00:00:00Z")));
    const auto b = audit(sla(k_chicago), windows, as_of(at("2027-02-01T00:00:00Z")));
    CHECK(audit_json(b.result()) == audit_json(a.result()));
    CHECK(b.result().columns.at("lead_id") == "lead_id"); // the mark is not part of the first header
    CHECK(b.result().bad_rows.empty());
}

TEST_CASE("--by names and the breach file's lines")
{
    std::string error;
    CHECK(read_breakdowns("month, owner,month", error) == std::vector<std::string>{"month", "owner"});
    // Any other name is a column, looked for when the export's header is read.
    CHECK(read_breakdowns("owner,region", error) == std::vector<std::string>{"owner", "region"});
    CHECK_FALSE(read_breakdowns(",,,", error));
    CHECK(error == "--by ',,,': name 'owner', 'source' or 'month' or columns, separated by commas");

    CHECK(breach_csv_header() == "lead_id,term,deadline,actual,owner\n");
    Breach named{"L-1", 2, "handoff", "2026-07-01T00:00:00Z", "", "=ann"};
    CHECK(breach_csv_line(named) == "L-1,handoff,2026-07-01T00:00:00Z,,\"'=ann\"\n");
    Breach unnamed{"", 7, "attempts", "", "2", "bob"};
    CHECK(breach_csv_line(unnamed) == "line 7,attempts,,2,bob\n");
}

TEST_CASE("a clock done long before it started is a bad row, not a met term")
{
    const std::string csv = "lead_id,owner,source,mql_at,assigned_at\n"
                            "L1,ann,web,2027-01-09T10:00:00Z,2027-01-01T10:00:00Z\n" // 8 days before
                            "L2,ann,web,2027-01-09T10:00:00Z,2027-01-09T09:30:00Z\n" // 30 minutes before
                            "L3,ann,web,2027-01-09T10:00:00Z,2027-01-09T10:30:00Z\n";
    const auto a = audit(sla(""), csv, as_of(at("2027-02-01T00:00:00Z")));
    const auto& handoff = a.result().terms.at("handoff");
    CHECK(handoff.overall.eligible == 2);
    CHECK(handoff.overall.met == 2);
    CHECK(handoff.latency->median == -1800);
    const auto& bad = a.result().bad_rows.at("handoff: done more than an hour before its clock started");
    CHECK(bad.count == 1);
    CHECK(bad.first_lines == std::vector<std::int64_t>{2});
}
