// Writes N realistic, valid alignkit configs into a folder, one document per file, the
// five kinds in turn: a questionnaire, a response to it, lead definitions, an SLA that
// uses them, and a glossary. Deterministic: the same N gives the same files.
// Dates are quoted so that YAML 1.1 readers (ajv-cli's js-yaml) read them as text too.
// usage: gen_configs N FOLDER

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string>

namespace {

constexpr int k_dimensions = 6;
constexpr int k_questions = 4;
constexpr const char* k_stages[] = {"defined", "aligned", "integrated"};
constexpr const char* k_teams[] = {"sales", "marketing", "leadership"};

std::string questionnaire(int group)
{
    std::string out = fmt::format(R"(apiVersion: alignkit/v1
kind: Questionnaire
metadata:
  name: survey-{0}
  title: Alignment check-up {0}
spec:
  version: "1.{0}"
  scale: agreement
  scales:
    - id: agreement
      title: How much do you agree?
      options:
        - {{value: 1, label: Strongly disagree}}
        - {{value: 2, label: Disagree}}
        - {{value: 3, label: Neither agree nor disagree}}
        - {{value: 4, label: Agree}}
        - {{value: 5, label: Strongly agree}}
    - id: yes-no
      options:
        - {{value: 0, label: "No"}}
        - {{value: 1, label: "Yes"}}
  dimensions:
)",
                                  group);
    for (int d = 0; d < k_dimensions; ++d) {
        out += fmt::format("    - id: dimension-{}\n      title: Dimension {} of the relationship\n      weight: {}\n"
                           "      questions:\n",
                           d, d, 1 + d % 3);
        for (int q = 0; q < k_questions; ++q) {
            out += fmt::format("        - id: q{}-{}\n          text: Statement {} about how sales and marketing work "
                               "together in area {}.\n          stage: {}\n",
                               d, q, q, d, k_stages[(d + q) % 3]);
            if (q == 3) {
                out += "          scale: yes-no\n";
            }
            if (q == 1) {
                out += "          reverse: true\n          help: Think of the last month.\n"
                       "          criteria: [Minutes of the meetings exist, Both leaders confirm it]\n";
            }
        }
    }
    return out;
}

std::string response(int group, int n)
{
    std::string out = fmt::format(R"(apiVersion: alignkit/v1
kind: Response
metadata:
  name: answer-{0}
spec:
  questionnaire: survey-{0}
  respondent: {{id: r-{0}, team: {1}, role: Account executive}}
  date: "2026-{2:02}-{3:02}"
  answers:
)",
                                  group, k_teams[n % 3], 1 + n % 12, 1 + n % 28);
    for (int d = 0; d < k_dimensions; ++d) {
        for (int q = 0; q < k_questions; ++q) {
            if (q == 3) {
                out += fmt::format("    q{}-{}: {}\n", d, q, (d + n) % 2);
            } else if ((d + q + n) % 11 == 0) {
                out += fmt::format("    q{}-{}: skip\n", d, q);
            } else if ((d + q) % 7 == 0) {
                out += fmt::format("    q{}-{}:\n      value: {}\n      note: We meet, but not every week.\n", d, q,
                                   1 + (d * q + n) % 5);
            } else {
                out += fmt::format("    q{}-{}: {}\n", d, q, 1 + (d * q + n) % 5);
            }
        }
    }
    return out;
}

std::string lead_definitions(int group)
{
    return fmt::format(R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata:
  name: leads-{0}
  title: Lead lifecycle {0}
spec:
  fields:
    - {{name: email, type: text, column: Email}}
    - {{name: fit_score, type: integer, column: Fit Score}}
    - {{name: engagement_score, type: integer, column: Engagement Score}}
    - {{name: budget_confirmed, type: boolean, column: Budget Confirmed}}
    - {{name: sales_owner, type: text, column: Lead Owner}}
    - {{name: opportunity_id, type: text, column: Opportunity ID}}
    - {{name: created_at, type: datetime, column: Create Date}}
  stages:
    - id: lead
      name: Lead
      owner: marketing
      entry: email is set
      exit: fit_score >= {1} and engagement_score >= 40
    - id: mql
      name: Marketing-qualified lead
      owner: marketing
      entry: fit_score >= {1} and engagement_score >= 40
      exit: sales_owner is set
      clock: 4h
    - id: sal
      name: Sales-accepted lead
      owner: sales
      entry: sales_owner is set
      exit: budget_confirmed
      clock: 3d
    - id: sql
      name: Sales-qualified lead
      owner: sales
      entry: budget_confirmed
      exit: opportunity_id is set
      clock: 2w
    - id: opportunity
      name: Opportunity
      owner: sales
      entry: opportunity_id is set
  exits:
    - id: disqualified
      name: Disqualified
      owner: sales
      reasons:
        - {{code: no-budget, label: No budget}}
        - {{code: no-need, label: No need}}
        - {{code: unreachable, label: No answer}}
    - id: recycled
      name: Recycled
      owner: marketing
      to: lead
      reasons: [{{code: bad-timing}}]
)",
                       group, 40 + group % 30);
}

std::string sla(int group)
{
    return fmt::format(R"(apiVersion: alignkit/v1
kind: ServiceLevelAgreement
metadata:
  name: sla-{0}
  title: Sales and marketing SLA {0}
spec:
  version: "2.{0}"
  purpose: Marketing and sales are one growth team; this says what each delivers to the other.
  effective: "2027-01-01"
  term: 52w
  leads: leads-{0}
  parties:
    - team: marketing
      contact: {{name: Priya Raman, role: VP Marketing, email: priya@example.com}}
    - team: sales
      contact: {{name: Marcus Webb, role: VP Sales, email: marcus@example.com}}
  targets:
    - id: mql-volume
      owner: marketing
      volume: {{stage: mql, per: month, min: {1}}}
    - id: mql-to-sql
      owner: sales
      conversion: {{from: mql, to: sql, min: 25%}}
  handoff: {{stage: mql, within: 4h}}
  follow_up: {{first_contact: 24h, attempts: 6, window: 10d, spacing: 1d}}
  disqualification: {{exit: disqualified, reason_required: true}}
  calendar:
    time_zone: UTC
    days: [mon, tue, wed, thu, fri]
    hours: "08:30-17:30"
    holidays: ["2027-01-01", "2027-12-24"]
  meetings:
    - id: pipeline-review
      title: Weekly pipeline review
      cadence: weekly
      owner: sales
      attendees: [sales, marketing]
      agenda: [MQLs accepted and rejected, Leads past their window]
  feedback:
    - {{from: sales, to: marketing, about: Why MQLs were rejected, cadence: weekly}}
    - {{from: marketing, to: sales, about: Campaigns coming up, cadence: biweekly}}
  engagement:
    - Marketing posts every MQL to the sales queue with its source.
    - Sales records every contact attempt on the day it happens.
  disengagement:
    consequences: [A missed target gets a recovery plan within a week.]
    disputes: The points of contact settle disagreements within two working days.
    review: {{cadence: quarterly, next: "2027-04-01", process: Both teams propose changes in writing.}}
    dissolution: [A reorganisation of either team.]
  glossaries: [glossary-{0}]
  signatories:
    - {{name: Priya Raman, team: marketing, date: "2026-12-15"}}
    - {{name: Marcus Webb, team: sales, date: "2026-12-15"}}
)",
                       group, 100 + group % 500);
}

std::string glossary(int group)
{
    std::string out = fmt::format(
        "apiVersion: alignkit/v1\nkind: Glossary\nmetadata:\n  name: glossary-{}\nspec:\n  terms:\n", group);
    constexpr const char* k_terms[] = {"MQL", "SQL", "SAL", "SLA", "TOFU",     "MOFU",           "BOFU",         "BANT",
                                       "CTA", "CTR", "LTV", "CAC", "Pipeline", "Discovery call", "Buyer persona"};
    int i = 0;
    for (const char* term : k_terms) {
        out += fmt::format("    - term: {}\n      definition: What {} means for both teams, in one sentence.\n", term,
                           term);
        if (i % 3 == 0) {
            out += fmt::format("      owner: {}\n", i % 2 == 0 ? "marketing" : "sales");
        }
        if (i % 4 == 1) {
            out += fmt::format("      aliases: [{} term]\n      related: [MQL]\n", term);
        }
        ++i;
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: gen_configs N FOLDER\n");
        return 2;
    }
    const int n = std::atoi(argv[1]);
    const std::filesystem::path folder = argv[2];
    std::filesystem::create_directories(folder);
    for (int i = 0; i < n; ++i) {
        const int group = i / 5;
        std::string text;
        switch (i % 5) {
        case 0:
            text = questionnaire(group);
            break;
        case 1:
            text = response(group, i);
            break;
        case 2:
            text = lead_definitions(group);
            break;
        case 3:
            text = sla(group);
            break;
        default:
            text = glossary(group);
            break;
        }
        std::ofstream(folder / fmt::format("config-{:06}.yaml", i)) << text;
    }
    return 0;
}
