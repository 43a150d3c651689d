#pragma once
// Small, complete, valid documents of every kind; tests change one thing at a time.

namespace alignkit::test {

inline constexpr const char* k_leads = R"(apiVersion: alignkit/v1
kind: LeadDefinitions
metadata:
  name: leads
spec:
  fields:
    - {name: fit_score, type: integer, column: Fit Score}
    - {name: email, type: text}
    - {name: meeting_held, type: boolean}
  stages:
    - {id: lead, name: Lead, owner: marketing, entry: email is set, exit: fit_score >= 50}
    - {id: mql, name: MQL, owner: marketing, entry: fit_score >= 50, exit: meeting_held, clock: 4h}
    - {id: sql, name: SQL, owner: sales, entry: meeting_held}
  exits:
    - id: disqualified
      name: Disqualified
      owner: sales
      reasons:
        - {code: no-budget, label: No budget}
    - {id: recycled, name: Recycled, to: lead, reasons: [{code: later}]}
)";

inline constexpr const char* k_sla = R"(apiVersion: alignkit/v1
kind: ServiceLevelAgreement
metadata:
  name: sla
spec:
  version: "1.0"
  effective: 2027-01-01
  leads: leads
  parties:
    - {team: marketing}
    - {team: sales}
  targets:
    - id: volume
      owner: marketing
      volume: {stage: mql, per: month, min: 100}
    - id: rate
      owner: sales
      conversion: {from: mql, to: sql, min: 25%}
  handoff: {stage: mql, within: 4h}
  follow_up: {first_contact: 24h, attempts: 3, window: 5d, spacing: 1d}
  disqualification: {exit: disqualified}
  calendar: {time_zone: UTC, days: [mon, tue], hours: 09:00-17:00}
  disengagement:
    review: {cadence: quarterly, next: 2027-04-01}
  glossaries: [words]
)";

inline constexpr const char* k_glossary = R"(apiVersion: alignkit/v1
kind: Glossary
metadata:
  name: words
spec:
  terms:
    - {term: MQL, definition: Marketing-qualified lead., aliases: [Marketing lead], related: [SQL]}
    - {term: SQL, definition: Sales-qualified lead., owner: sales}
    - {term: Disqualified, definition: Closed for good with a reason., owner: sales}
)";

inline constexpr const char* k_questionnaire = R"(apiVersion: alignkit/v1
kind: Questionnaire
metadata:
  name: survey
spec:
  scale: agree
  scales:
    - id: agree
      options: [{value: 1, label: No}, {value: 2, label: Somewhat}, {value: 3, label: Yes}]
  dimensions:
    - id: talk
      title: Communication
      questions:
        - {id: q1, text: We meet., stage: defined}
        - {id: q2, text: We share goals., stage: aligned, weight: 2}
        - {id: q3, text: We sit together., stage: integrated, reverse: false}
)";

inline constexpr const char* k_response = R"(apiVersion: alignkit/v1
kind: Response
metadata:
  name: answer-1
spec:
  questionnaire: survey
  respondent: {id: r1, team: sales}
  date: 2027-01-15
  answers:
    q1: 3
    q2: skip
    q3: {value: 1, note: Not yet.}
)";

} // namespace alignkit::test
