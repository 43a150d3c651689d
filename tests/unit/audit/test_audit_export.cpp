#include "alignkit/audit/audit_export.hpp"
#include "alignkit/audit/audit_report.hpp"
#include "alignkit/audit/lookup_table.hpp"
#include "alignkit/config/loader.hpp"
#include "alignkit/util/csv.hpp"
#include "alignkit/util/timestamp.hpp"
#include "audit_fixtures.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sstream>

using namespace alignkit;

namespace {

constexpr const char* k_sla = R"(apiVersion: alignkit/v1
kind: ServiceLevelAgreement
metadata: {name: sla}
spec:
  version: "1.0"
  effective: 2026-01-01
  leads: leads
  parties: [{team: marketing}, {team: sales}]
  handoff: {stage: mql, within: 1h}
  follow_up: {first_contact: 24h, attempts: 3, window: 10d}
  disqualification: {exit: disqualified, reason_required: true}
)";

// An export whose records vary in everything the audit reads, with line breaks inside
// quoted reasons and sources (where cuts between pieces must not fall), records without a
// lead id, unreadable values and ragged rows.
std::string sample_export(int rows)
{
    std::string csv = "lead_id,source,owner,mql_at,assigned_at,first_touch_at,touch_attempts,sql_at,"
                      "disqualified_at,disqualify_reason\n";
    for (int i = 0; i < rows; ++i) {
        const auto at = [&](int minutes) { return format_timestamp(1780000000 + i * 600 + minutes * 60); };
        const std::string id = i % 7 == 0 ? "" : fmt::format("L{}", i);
        const std::string source = i % 11 == 0 ? "\"paid,\nsearch\"" : fmt::format("src{}", i % 5);
        const std::string owner = fmt::format("rep{}", i % 4);
        const std::string mql = i % 3 == 0 ? "" : at(0);
        const std::string assigned = i % 3 == 0 ? "" : i % 5 == 0 ? "" : at(i % 90);
        const std::string touched = assigned.empty() || i % 4 == 0 ? "" : at(i % 90 + (i % 3000));
        const std::string attempts = i % 13 == 0 ? "two" : std::to_string(i % 6);
        const std::string sql = i % 2 == 0 ? at(5000) : "";
        const std::string disqualified = i % 6 == 1 ? at(9000) : "";
        const std::string reason = i % 12 == 1 ? "\"budget\nnext year, \"\"maybe\"\"\"" : i % 6 == 1 ? "  " : "";
        csv += fmt::format("{},{},{},{},{},{},{},{},{},{}", id, source, owner, mql, assigned, touched, attempts, sql,
                           disqualified, reason);
        csv += i % 97 == 0 ? ",extra\r\n" : "\n";
    }
    return csv;
}

struct Run {
    std::string json;
    std::vector<std::string> breaches;
    AuditFailure failure = AuditFailure::none;
    std::string error;
    std::map<std::string, std::pair<std::int64_t, std::vector<std::int64_t>>> bad_rows;
};

std::string show(const Breach& b)
{
    return fmt::format("{}|{}|{}|{}|{}|{}", b.lead, b.line, b.term, b.deadline, b.actual, b.owner);
}

AuditSettings settings()
{
    AuditSettings s;
    s.as_of = 1790000000;
    // A column of a side table too, which does not know rep3: its rows are listed as bad.
    s.by = {"owner", "source", "month", "team"};
    std::istringstream teams("owner,team\nrep0,east\nrep1,east\nrep2,west\n");
    CostsError error;
    auto lookup = read_lookup_table(teams, "owner", error);
    REQUIRE(lookup);
    s.lookup = std::make_shared<const LookupTable>(std::move(*lookup));
    return s;
}

std::map<std::string, std::pair<std::int64_t, std::vector<std::int64_t>>> bad_rows(const AuditResult& result)
{
    std::map<std::string, std::pair<std::int64_t, std::vector<std::int64_t>>> out;
    for (const auto& [kind, rows] : result.bad_rows) {
        out[kind] = {rows.count, rows.first_lines};
    }
    return out;
}

// The export read record by record on one thread, with no pieces: what every way of cutting
// and running must agree with.
Run sequential(const std::string& csv)
{
    const auto sla = test::parsed_spec<ServiceLevelAgreement>(k_sla);
    const auto defs = test::parsed_spec<LeadDefinitions>(test::k_audit_defs);
    Run run;
    CsvReader reader(csv);
    CsvRecord row;
    REQUIRE(reader.next(row));
    std::string error;
    auto auditor = SlaAuditor::make(sla, defs, row.fields, settings(), error);
    REQUIRE(auditor);
    auditor->on_breach([&](const Breach& b) { run.breaches.push_back(show(b)); });
    while (reader.next(row)) {
        const std::vector<std::string_view> fields(row.fields.begin(), row.fields.end());
        auditor->add(fields, row.line);
    }
    const auto result = auditor->finish();
    run.json = audit_canonical_json(result) + audit_json(result);
    run.bad_rows = bad_rows(result);
    if (!reader.error().empty()) {
        run.failure = AuditFailure::malformed;
        run.error = reader.error();
        run.json.clear();
        run.bad_rows.clear();
    }
    return run;
}

Run in_pieces(const std::string& csv, unsigned jobs, std::size_t piece_bytes)
{
    const auto sla = test::parsed_spec<ServiceLevelAgreement>(k_sla);
    const auto defs = test::parsed_spec<LeadDefinitions>(test::k_audit_defs);
    Run run;
    AuditExportOptions options;
    options.settings = settings();
    options.jobs = jobs;
    options.piece_bytes = piece_bytes;
    options.on_breach = [&](const Breach& b) { run.breaches.push_back(show(b)); };
    std::istringstream in(csv);
    auto outcome = audit_export(in, sla, defs, options);
    run.failure = outcome.failure;
    run.error = outcome.error;
    if (outcome.result) {
        run.json = audit_canonical_json(*outcome.result) + audit_json(*outcome.result);
        run.bad_rows = bad_rows(*outcome.result);
    }
    return run;
}

void require_same(const Run& a, const Run& b)
{
    CHECK(a.failure == b.failure);
    CHECK(a.error == b.error);
    CHECK(a.json == b.json);
    CHECK(a.bad_rows == b.bad_rows);
    REQUIRE(a.breaches.size() == b.breaches.size());
    for (std::size_t i = 0; i < a.breaches.size(); ++i) {
        REQUIRE(a.breaches[i] == b.breaches[i]);
    }
}

} // namespace

TEST_CASE("an export audited in pieces on any number of threads equals one pass over it")
{
    const std::string csv = sample_export(1500);
    const Run expected = sequential(csv);
    REQUIRE(expected.failure == AuditFailure::none);
    REQUIRE(expected.breaches.size() > 100);
    REQUIRE(expected.bad_rows.count("unreadable number in 'touch_attempts'") == 1);
    REQUIRE(expected.bad_rows.count("'owner' not in the lookup table (grouped as '(not in lookup)')") == 1);
    REQUIRE(expected.json.find("\"west\"") != std::string::npos);
    // Pieces of one byte cut at every line break, inside quoted fields too; larger pieces
    // cut anywhere; one piece holds everything.
    for (const std::size_t bytes : {std::size_t{1}, std::size_t{37}, std::size_t{4096}, std::size_t{1} << 22}) {
        for (const unsigned jobs : {1U, 2U, 3U}) {
            CAPTURE(bytes);
            CAPTURE(jobs);
            require_same(in_pieces(csv, jobs, bytes), expected);
        }
    }
}

TEST_CASE("a quote never closed stops the audit where one pass stops, whatever the pieces")
{
    const std::string csv = sample_export(300) +
                            "L-open,\"unclosed source,rep1,,,,,,,\nL-after,src1,rep2,,,,,,,\nL-last,src2,rep3,,,,,,,\n";
    const Run expected = sequential(csv);
    REQUIRE(expected.failure == AuditFailure::malformed);
    REQUIRE(expected.error.find("never closed") != std::string::npos);
    for (const std::size_t bytes : {std::size_t{1}, std::size_t{64}, std::size_t{1} << 22}) {
        for (const unsigned jobs : {1U, 2U}) {
            CAPTURE(bytes);
            CAPTURE(jobs);
            require_same(in_pieces(csv, jobs, bytes), expected);
        }
    }
}

TEST_CASE("an export without a header, or without a needed column, is refused before any row")
{
    CHECK(in_pieces("", 2, 64).failure == AuditFailure::empty);
    const Run missing = in_pieces("lead_id,owner\nL1,rep\n", 2, 64);
    CHECK(missing.failure == AuditFailure::columns);
    CHECK(missing.error == "nothing can be audited: the export shows no SLA term, target or lifecycle stage (it "
                           "has no column 'mql_at', 'sql_at', 'customer_at', 'disqualified_at', 'assigned_at'); map "
                           "the fields with --columns FIELD=HEADER, choose a --preset, or say in the lead "
                           "definitions how stages are reached (`reached`, `at`)");
}

TEST_CASE("progress counts every byte of the export once, in order")
{
    const std::string csv = sample_export(400);
    const auto sla = test::parsed_spec<ServiceLevelAgreement>(k_sla);
    const auto defs = test::parsed_spec<LeadDefinitions>(test::k_audit_defs);
    for (const std::size_t bytes : {std::size_t{1}, std::size_t{50}, std::size_t{1} << 22}) {
        for (const unsigned jobs : {1U, 2U}) {
            CAPTURE(bytes);
            CAPTURE(jobs);
            std::vector<std::uint64_t> seen;
            AuditExportOptions options;
            options.settings = settings();
            options.jobs = jobs;
            options.piece_bytes = bytes;
            options.on_progress = [&](std::uint64_t done) { seen.push_back(done); };
            std::istringstream in(csv);
            REQUIRE(audit_export(in, sla, defs, options).failure == AuditFailure::none);
            REQUIRE_FALSE(seen.empty());
            CHECK(std::is_sorted(seen.begin(), seen.end()));
            CHECK(seen.back() == csv.size());
        }
    }
}

TEST_CASE("compliance counts decided leads only; a term exactly at the bar is not under it")
{
    CHECK_FALSE(compliance_percent(TermCounts{3, 0, 0, 3}));
    CHECK(compliance_percent(TermCounts{10, 3, 1, 6}) == doctest::Approx(75.0));
    AuditResult result;
    result.terms["handoff"].overall = TermCounts{4, 3, 1, 0};  // 75%
    result.terms["reason"].overall = TermCounts{5, 4, 1, 0};   // 80%
    result.terms["attempts"].overall = TermCounts{2, 0, 0, 2}; // nothing decided yet
    const auto under = terms_under(result, 80.0);
    REQUIRE(under.size() == 1);
    CHECK(under[0].term == "handoff");
    CHECK(under[0].percent == doctest::Approx(75.0));
    CHECK(terms_under(result, 75.0).empty());
}

TEST_CASE("a lookup table: joined on a column of any case, each key once")
{
    CostsError error;
    std::istringstream teams("Sales_Agent,manager,region\nAnn,Cara,East\nBob,Dan,West\nAnn,Cara,East\n");
    const auto table = read_lookup_table(teams, "sales_agent", error);
    REQUIRE(table);
    CHECK(table->columns == std::vector<std::string>{"manager", "region"});
    CHECK(table->rows.at("Bob") == std::vector<std::string>{"Dan", "West"});
    std::istringstream conflict("owner,team\nAnn,East\nAnn,West\n");
    CHECK_FALSE(read_lookup_table(conflict, "owner", error));
    CHECK(error.line == 3);
    CHECK(error.message == "'Ann' is given twice, with different values");
    std::istringstream no_key("agent,team\nAnn,East\n");
    CHECK_FALSE(read_lookup_table(no_key, "owner", error));
    CHECK(error.message == "the header has no column 'owner' to join on");
    std::istringstream only_key("owner\nAnn\n");
    CHECK_FALSE(read_lookup_table(only_key, "owner", error));
    CHECK(error.message == "the header has no column besides the one joined on");
}
