#include "alignkit/assessment/builtin_questionnaire.hpp"

namespace alignkit {
namespace {

// Data, not code: one literal, kept out of the function that hands it out.
constexpr std::string_view k_builtin_questionnaire =
    R"yaml(# The built-in questionnaire of alignkit: where a company's sales and marketing
# relationship stands on the four stages (undefined, defined, aligned,
# integrated). Edit freely: change wording, weights, add or drop questions;
# `alignkit validate` keeps it consistent.
---
apiVersion: alignkit/v1
kind: Questionnaire
metadata:
  name: alignkit-maturity
  title: Sales and marketing alignment
  description: Nine dimensions of the relationship, four questions each.
spec:
  version: "1.0"
  scale: agreement
  scales:
    - id: agreement
      title: How much do you agree?
      options:
        - {value: 1, label: Strongly disagree}
        - {value: 2, label: Disagree}
        - {value: 3, label: Neither agree nor disagree}
        - {value: 4, label: Agree}
        - {value: 5, label: Strongly agree}
    - id: frequency
      title: How often?
      options:
        - {value: 0, label: Never}
        - {value: 1, label: Once a year or less}
        - {value: 2, label: Every quarter}
        - {value: 3, label: Every month}
        - {value: 4, label: Every week or more}
    - id: yes-no
      title: Yes or no
      options:
        - {value: 0, label: "No"}
        - {value: 1, label: "Yes"}
  dimensions:
    - id: leadership
      title: Leadership and shared goals
      weight: 1.5
      questions:
        - id: leaders-expectations
          text: >-
            Our sales and marketing leaders have met and written down what each
            expects of the other.
          stage: defined
          help: >-
            Think of a meeting where the two leaders set out roles and
            expectations, with notes both kept.
          criteria:
            - A written record of the expectations exists
            - Both leaders describe it the same way
        - id: leaders-feedback
          text: >-
            Our sales and marketing leaders give each other feedback on a fixed
            schedule.
          stage: defined
          criteria:
            - The feedback sessions are in both leaders' calendars
            - The last one took place within the last month
        - id: shared-goals
          text: >-
            Sales and marketing are measured on at least one goal they share,
            such as revenue or pipeline.
          stage: aligned
          criteria: ["The shared goal appears in both teams' objectives"]
        - id: one-revenue-leader
          text: "One leader answers for revenue across sales and marketing."
          stage: integrated
          scale: yes-no
          help: >-
            For example a chief revenue officer, or a head of growth over both
            teams.
          criteria: ["The role exists in the organisation chart"]
    - id: communication
      title: Communication and meetings
      questions:
        - id: bubbles
          text: "Our sales and marketing teams live in different bubbles."
          stage: defined
          reverse: true
          help: >-
            Think of the last month: did either team know what the other was
            working on?
          criteria:
            - Each team can name what the other is working on this month
        - id: meetings-conflict
          text: >-
            Meetings between the two teams are mostly spent settling disputes.
          stage: defined
          reverse: true
          criteria:
            - >-
              The minutes of recent joint meetings show decisions, not only
              disputes
        - id: joint-meetings
          text: "How often do sales and marketing meet with an agenda?"
          stage: aligned
          scale: frequency
          criteria: ["Meetings have an owner and a written agenda"]
        - id: information-shared
          text: >-
            What the leaders agree is passed on to both teams in the same way.
          stage: aligned
          criteria:
            - Decisions of the leaders reach both teams through the same channel
    - id: ownership
      title: Roles and funnel ownership
      questions:
        - id: who-does-what
          text: >-
            Everyone in both teams knows who does what, from the first touch to
            the signed deal.
          stage: defined
          criteria:
            - People in both teams name the same owner for a given funnel stage
        - id: cheat-sheet
          text: "Is there a one-page view of who owns each part of the funnel?"
          stage: defined
          scale: yes-no
          criteria: ["The page names an owner team for every lifecycle stage"]
        - id: written-rules
          text: >-
            Rules for how the teams work together are written down and followed.
          stage: defined
          criteria: ["The rules are in one place both teams can find"]
        - id: flexible-lanes
          text: >-
            People step into the other team's work when it helps the customer,
            without friction.
          stage: aligned
          criteria:
            - Recent examples exist of one team helping with the other's work
    - id: leads-sla
      title: Lead definitions and the SLA
      weight: 1.5
      questions:
        - id: lead-definitions
          text: >-
            Both teams agree on what makes a lead marketing-qualified and
            sales-qualified.
          stage: aligned
          criteria: ["The definitions are written and both teams signed off"]
        - id: sla-in-force
          text: >-
            Is there a signed SLA between the teams, reviewed in the last six
            months?
          stage: aligned
          scale: yes-no
          criteria: ["The SLA names hand-off and follow-up times"]
        - id: leads-discarded
          text: "Sales discards leads from marketing without saying why."
          stage: aligned
          reverse: true
          criteria: ["Every disqualified lead in the CRM carries a reason"]
        - id: sla-measured
          text: "How often is the SLA measured against the real records?"
          stage: integrated
          scale: frequency
          criteria:
            - A report compares hand-off and follow-up times with the SLA
    - id: language
      title: Shared language and joint training
      questions:
        - id: same-language
          text: >-
            Salespeople understand marketing's terms (TOFU, CTA, persona) and
            marketers understand sales' (BANT, pipeline).
          stage: aligned
          criteria:
            - A salesperson can explain TOFU and a marketer can explain BANT
        - id: glossary
          text: "Is there a glossary both teams use?"
          stage: aligned
          scale: yes-no
          criteria: ["The glossary is in a place both teams use"]
        - id: joint-training
          text: >-
            How often do sales and marketing train together on new products,
            assets or scripts?
          stage: aligned
          scale: frequency
          criteria: ["The last joint session is on record with its topic"]
        - id: tag-team
          text: "Salespeople and marketers work buyer conversations together."
          stage: integrated
          criteria:
            - >-
              Recent deals list both a salesperson and a marketer as
              contributors
    - id: data
      title: Shared data, metrics and systems
      questions:
        - id: one-dataset
          text: "Both teams read their metrics from the same records."
          stage: integrated
          help: "For example one CRM report that both use for pipeline."
          criteria: ["Both teams' pipeline figures come from the same report"]
        - id: metrics-known
          text: Each team knows the other's main metrics and how they are doing.
          stage: aligned
          criteria:
            - Each team can quote the other's main metric for last month
        - id: closed-loop
          text: "Marketing learns which of its leads became customers."
          stage: aligned
          criteria: ["Campaign source is kept on every opportunity"]
        - id: data-disputes
          text: "The teams argue about whose numbers are right."
          stage: defined
          reverse: true
          criteria:
            - No meeting in the last quarter was spent reconciling numbers
    - id: content
      title: Content and personas
      questions:
        - id: personas-shared
          text: "Sales and marketing work from the same buyer personas."
          stage: aligned
          criteria:
            - One set of buyer personas is used in sales decks and campaigns
        - id: sales-asks-content
          text: >-
            Sales tells marketing which objections need new content, and gets
            it.
          stage: aligned
          criteria: ["Recent content was made at sales' request"]
        - id: messaging-feedback
          text: >-
            How often does sales tell marketing how its messaging lands with
            buyers?
          stage: aligned
          scale: frequency
          criteria:
            - >-
              Sales' feedback on messaging is written down where marketing reads
              it
        - id: content-together
          text: "Sales and marketing plan content together."
          stage: integrated
          criteria: ["The content calendar lists contributors from both teams"]
    - id: accountability
      title: Accountability and incentives
      questions:
        - id: consequences
          text: It is clear what happens when either team misses a shared goal.
          stage: defined
          criteria:
            - The consequences are written in the SLA or the team objectives
        - id: blame
          text: "When a quarter goes badly, each team blames the other."
          stage: aligned
          reverse: true
          criteria: ["Reviews of missed quarters name causes, not teams"]
        - id: incentives
          text: "Incentives reward both teams for the same outcomes."
          stage: integrated
          criteria:
            - Both teams' variable pay depends on at least one shared outcome
        - id: disputes-settled
          text: >-
            Disagreements between the teams are settled by an agreed process.
          stage: defined
          criteria: ["The process names who decides and how fast"]
    - id: culture
      title: Culture and proximity
      questions:
        - id: know-each-other
          text: >-
            People in sales and marketing know each other beyond their job
            titles.
          stage: aligned
          criteria: ["Joint events or shadowing took place in the last quarter"]
        - id: shadowing
          text: >-
            How often do marketers sit in on sales calls, or salespeople in
            marketing planning?
          stage: aligned
          scale: frequency
          criteria: ["Shadowing sessions are on record with dates"]
        - id: shared-space
          text: >-
            Sales and marketing people sit together or share a space of their
            own.
          stage: integrated
          criteria: ["The floor plan or the team's shared channel shows it"]
        - id: liaison
          text: "Is there a named liaison who speaks both sales and marketing?"
          stage: integrated
          scale: yes-no
          help: "Someone both teams trust, relational and analytical at once."
          criteria: ["The liaison is named and both teams can say who it is"]
)yaml";

} // namespace

std::string_view builtin_questionnaire() { return k_builtin_questionnaire; }

} // namespace alignkit
