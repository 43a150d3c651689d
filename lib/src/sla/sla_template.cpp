#include "alignkit/sla/sla_template.hpp"

namespace alignkit {
namespace {

// Data, not code: one literal, kept out of the function that hands it out.
constexpr std::string_view k_sla_template =
    R"(# A starting service-level agreement between marketing and sales, with the lead
# definitions and the glossary it rests on. Replace the example values with
# yours, then:
#   alignkit sla check THIS-FILE    # what is missing, and whether it can be met
#   alignkit sla render THIS-FILE   # the document people sign
# Every key is described in `man 5 alignkit-config`.

# The lead lifecycle both teams agree on. Entry and exit criteria are conditions
# over the fields below; the CSV column each field is read from is under
# `column`.
---
apiVersion: alignkit/v1
kind: LeadDefinitions
metadata:
  name: our-leads
  title: Our lead lifecycle
spec:
  fields:
    - {name: email, type: text, column: Email}
    - {name: fit_score, type: integer, column: Fit Score}
    - {name: engagement_score, type: integer, column: Engagement Score}
    - {name: sales_owner, type: text, column: Lead Owner}
    - {name: budget_confirmed, type: boolean, column: Budget Confirmed}
    - {name: meeting_held, type: boolean, column: Meeting Held}
    - {name: opportunity_id, type: text, column: Opportunity ID}
  stages:
    - id: lead
      name: Lead
      owner: marketing
      entry: email is set
      exit: fit_score >= 50 and engagement_score >= 40
    - id: mql
      name: Marketing-qualified lead
      owner: marketing
      entry: fit_score >= 50 and engagement_score >= 40
      exit: sales_owner is set
      clock: 4h            # marketing hands the lead to sales within this time
    - id: sql
      name: Sales-qualified lead
      owner: sales
      entry: budget_confirmed and meeting_held
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
        - {code: no-budget, label: No budget}
        - {code: no-need, label: Does not have the problem we solve}
        - {code: unreachable, label: No answer after the agreed attempts}
    - id: recycled
      name: Recycled to nurture
      owner: marketing
      to: lead
      reasons:
        - {code: bad-timing, label: "Interested, but not yet"}
---
# The words both teams use, defined once. `alignkit glossary` lists more to
# borrow from.
apiVersion: alignkit/v1
kind: Glossary
metadata:
  name: our-glossary
spec:
  terms:
    - term: MQL
      definition: >-
        A lead that fits our customer profile and has engaged enough for sales
        to take it on.
      owner: marketing
      aliases: [Marketing-qualified lead]
    - term: SQL
      definition: >-
        A lead sales has qualified on budget, authority, need and timing.
      owner: sales
      aliases: [Sales-qualified lead]
    - term: Opportunity
      definition: A qualified buyer with an open deal in the CRM.
      owner: sales
    - term: Disqualified
      definition: >-
        A lead sales has closed for good, always with one of the agreed reason
        codes.
      owner: sales
---
apiVersion: alignkit/v1
kind: ServiceLevelAgreement
metadata:
  name: our-sla
  title: Sales and Marketing Service-Level Agreement
spec:
  version: "1.0"
  purpose: >-
    Marketing and sales work as one growth team. This agreement says what each
    team delivers to the other, how fast, and how we settle it when something
    goes wrong.
  effective: 2027-01-01
  term: 52w
  leads: our-leads
  glossaries: [our-glossary]

  # Who is bound, and whom to call.
  parties:
    - team: marketing
      contact: {name: Head of Marketing, email: marketing@example.com}
    - team: sales
      contact: {name: Head of Sales, email: sales@example.com}

  # What each team commits to deliver.
  targets:
    - id: mql-volume
      title: Marketing-qualified leads each month
      owner: marketing
      volume: {stage: mql, per: month, min: 200}
    - id: mql-to-sql
      title: MQLs that sales qualifies
      owner: sales
      conversion: {from: mql, to: sql, min: 25%}

  # Rules of engagement: hand-off, follow-up, and the people who do it.
  handoff: {stage: mql, within: 4h}
  follow_up: {first_contact: 24h, attempts: 6, window: 10d, spacing: 1d}
  capacity: {reps: 2, attempts_per_day: 40}
  disqualification: {exit: disqualified, reason_required: true}
  calendar:
    time_zone: UTC
    days: [mon, tue, wed, thu, fri]
    hours: 09:00-17:00
  meetings:
    - id: pipeline-review
      title: Weekly pipeline and lead-quality review
      cadence: weekly
      owner: sales
      attendees: [sales, marketing]
      agenda:
        - Leads accepted and rejected last week
        - Leads past their follow-up window
  feedback:
    - from: sales
      to: marketing
      about: Why each rejected lead was rejected
      cadence: weekly
    - from: marketing
      to: sales
      about: Campaigns and content coming up
      cadence: weekly
  engagement:
    - Marketing posts every MQL to the sales queue with its source.
    - Sales records every contact attempt in the CRM on the day it happens.

  # Rules of disengagement.
  disengagement:
    consequences:
      - >-
        A missed target is discussed at the next weekly review, with a recovery
        plan within a week.
    disputes: >-
      The two points of contact settle a disagreement within two working days,
      or escalate it together.
    review:
      cadence: quarterly
      next: 2027-04-01
      process: Both teams propose changes in writing before the review.
    dissolution:
      - A reorganisation that merges or splits the sales or marketing teams.

  signatories:
    - {name: Head of Marketing, team: marketing}
    - {name: Head of Sales, team: sales}
)";

} // namespace

std::string_view sla_template() { return k_sla_template; }

} // namespace alignkit
