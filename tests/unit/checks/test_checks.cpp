#include "fixtures.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace alignkit;
using namespace alignkit::test;

namespace {

// The complete, consistent set: leads, SLA, glossary, questionnaire and a response.
std::vector<std::pair<std::string, std::string>> all_fixtures()
{
    return {{"leads.yaml", k_leads},
            {"sla.yaml", k_sla},
            {"glossary.yaml", k_glossary},
            {"survey.yaml", k_questionnaire},
            {"r1.yaml", k_response}};
}

// The fixtures with one file's text replaced.
std::vector<std::pair<std::string, std::string>> replacing(const std::string& file, std::string text)
{
    auto files = all_fixtures();
    for (auto& [name, content] : files) {
        if (name == file) {
            content = std::move(text);
        }
    }
    return files;
}

} // namespace

TEST_CASE("the complete fixture set is consistent") { CHECK(check_problems(all_fixtures()) == Lines{}); }

TEST_CASE("document names are unique per kind, not across kinds")
{
    auto files = all_fixtures();
    files.emplace_back("copy.yaml", k_glossary);
    files.emplace_back("other-kind.yaml", with(k_response, "name: answer-1", "name: words"));
    auto problems = check_problems(files);
    CHECK(
        problems ==
        Lines{
            "copy.yaml 4:9: error[AK2001]: another Glossary is already named 'words' | the first is at glossary.yaml:4",
            "other-kind.yaml 7:20: warning[AK2007]: respondent 'r1' already answered 'survey' | the other response is "
            "at r1.yaml:7",
        });
}

TEST_CASE("references resolve by name, Kind/name or relative path")
{
    CHECK(check_problems(replacing("sla.yaml", with(k_sla, "leads: leads", "leads: LeadDefinitions/leads"))) ==
          Lines{});
    CHECK(check_problems(replacing("sla.yaml", with(k_sla, "leads: leads", "leads: ./leads.yaml"))) == Lines{});
    CHECK(check_problems(replacing("sla.yaml", with(k_sla, "leads: leads", "leads: lead"))) ==
          Lines{
              "sla.yaml 8:10: error[AK2002]: no LeadDefinitions named 'lead' among the documents checked | did you "
              "mean 'leads'?",
          });
    CHECK(check_problems(replacing("sla.yaml", with(k_sla, "leads: leads", "leads: Glossary/words"))) ==
          Lines{
              "sla.yaml 8:10: error[AK2002]: 'Glossary/words' names a Glossary, but a LeadDefinitions is expected here",
          });
    CHECK(check_problems(replacing("sla.yaml", with(k_sla, "leads: leads", "leads: other/leads.yaml"))) ==
          Lines{
              "sla.yaml 8:10: error[AK2002]: no LeadDefinitions named 'other/leads.yaml' among the documents checked | "
              "no "
              "LeadDefinitions was read from 'other/leads.yaml'",
          });
    CHECK(check_problems(replacing("r1.yaml", with(k_response, "questionnaire: survey", "questionnaire: zzz"))) ==
          Lines{
              "r1.yaml 6:18: error[AK2002]: no Questionnaire named 'zzz' among the documents checked | pass the file "
              "that "
              "defines the Questionnaire too, or refer to it by relative path",
          });
}

TEST_CASE("a document with shape errors still resolves, so errors do not cascade")
{
    auto problems =
        check_problems(replacing("leads.yaml", with(k_leads, "owner: sales, entry", "owner: nobody, entry")));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("[AK1105]") != std::string::npos);
}

TEST_CASE("questionnaire: ids, scales and evidence for every stage")
{
    auto q =
        with(with(with(k_questionnaire, "id: q2", "id: q1"), "stage: integrated, reverse", "stage: aligned, reverse"),
             "{id: q1, text: We meet., stage: defined}", "{id: q1, text: We meet., stage: defined, scale: agre}");
    CHECK(check_problems(replacing("survey.yaml", q)) ==
          Lines{
              "survey.yaml 4:9: warning[AK3006]: no question evidences the 'integrated' stage | add a question with "
              "'stage: "
              "integrated'",
              "survey.yaml 14:59: error[AK2004]: unknown scale 'agre' | did you mean 'agree'?",
              "survey.yaml 15:16: error[AK2003]: question 'q1' is defined twice | the first is on line 14",
              "r1.yaml 11:5: error[AK2004]: unknown question 'q2' | did you mean 'q1'?",
          });
}

TEST_CASE("questionnaire: a scale may not offer a value twice, and a question needs a scale")
{
    auto q = with(with(k_questionnaire, "{value: 2, label: Somewhat}", "{value: 1, label: Somewhat}"),
                  "  scale: agree\n", "");
    auto problems = check_problems(replacing("survey.yaml", q));
    CHECK(problems.at(0) ==
          "survey.yaml 8:48: error[AK2003]: scale 'agree' offers the value 1 twice | the first is on line 8");
    CHECK(problems.at(1) == "survey.yaml 13:16: error[AK1102]: question 'q1' has no answer scale | give it a 'scale', "
                            "or set a default 'scale' for the whole questionnaire");
}

TEST_CASE("responses: answers on the scale, no date in the future")
{
    auto r = with(with(k_response, "q1: 3", "q1: 7"), "date: 2027-01-15", "date: 2072-01-15");
    CHECK(check_problems(replacing("r1.yaml", r)) ==
          Lines{
              "r1.yaml 8:9: warning[AK3009]: the response is dated 2072-01-15, after 2027-02-01 | check the year",
              "r1.yaml 10:9: error[AK2005]: 7 is not a value of the scale 'agree' that question 'q1' uses | the scale "
              "offers 1, 2, 3, or 'skip'",
          });
}

TEST_CASE("lead definitions: unique ids, recycle targets, ownership order")
{
    auto defs = with(with(with(k_leads, "to: lead", "to: leed"), "{code: later}", "{code: later}, {code: later}"),
                     "{id: sql, name: SQL, owner: sales, entry: meeting_held}",
                     "{id: sql, name: SQL, owner: sales, entry: meeting_held, exit: meeting_held}\n"
                     "    - {id: nurture, name: Nurture, owner: marketing, entry: meeting_held}");
    CHECK(check_problems(replacing("leads.yaml", defs)) ==
          Lines{
              "leads.yaml 14:43: warning[AK3005]: stage 'nurture' is owned by marketing but follows 'sql', which sales "
              "owns | move the stage before the hand-off, or model the way back as a recycled exit",
              "leads.yaml 21:42: error[AK2004]: unknown lifecycle stage 'leed' | did you mean 'lead'?",
              "leads.yaml 21:80: error[AK2003]: reason code 'later' is defined twice | the first is on line 21",
          });
}

TEST_CASE("SLA: stages, exits and targets exist in the lead definitions, in order")
{
    auto sla = with(with(with(k_sla, "{stage: mql, within: 4h}", "{stage: mqll, within: 4h}"),
                         "{from: mql, to: sql, min: 25%}", "{from: sql, to: mql, min: 25%}"),
                    "{exit: disqualified}", "{exit: disqualify}");
    CHECK(
        check_problems(replacing("sla.yaml", sla)) ==
        Lines{
            "sla.yaml 18:35: error[AK3004]: target 'rate' converts from 'sql' to 'mql', which does not come after it | "
            "the lifecycle order is lead -> mql -> sql",
            "sla.yaml 19:20: error[AK2004]: unknown lifecycle stage 'mqll' | did you mean 'mql'?",
            "sla.yaml 21:28: error[AK2004]: unknown exit stage 'disqualify' | did you mean 'disqualified'?",
        });
}

TEST_CASE("SLA: a disqualification that needs a reason needs reason codes")
{
    auto defs = with(k_leads, "      reasons:\n        - {code: no-budget, label: No budget}\n", "");
    const std::string no_reasons = "leads.yaml 15:11: warning[AK3016]: exit 'disqualified' offers no reason codes | "
                                   "add 'reasons' with a code for each way a lead leaves";
    CHECK(check_problems(replacing("leads.yaml", defs)) ==
          Lines{
              no_reasons,
              "sla.yaml 21:21: error[AK3003]: every disqualification needs a reason, but exit 'disqualified' defines "
              "no reason codes | add 'reasons' to that exit in the lead definitions",
          });
    auto relaxed = with(k_sla, "{exit: disqualified}", "{exit: disqualified, reason_required: false}");
    auto files = replacing("leads.yaml", defs);
    files[1].second = relaxed;
    CHECK(check_problems(files) == Lines{no_reasons});
}

TEST_CASE("SLA: the follow-up window must hold the attempts")
{
    auto tight = with(k_sla, "window: 5d", "window: 2d");
    CHECK(check_problems(replacing("sla.yaml", tight)) ==
          Lines{
              "sla.yaml 20:56: error[AK3001]: the follow-up window of 2d cannot hold 3 attempts: first contact 1d + 2 "
              "more "
              "attempts x 1d spacing = 3d | make the window at least 3d",
          });
    auto exact = with(k_sla, "window: 5d", "window: 3d");
    CHECK(check_problems(replacing("sla.yaml", exact)) == Lines{});
    auto no_spacing = with(with(k_sla, "window: 5d", "window: 12h"), ", spacing: 1d", "");
    CHECK(check_problems(replacing("sla.yaml", no_spacing)) ==
          Lines{
              "sla.yaml 20:56: error[AK3001]: the follow-up window of 12h cannot hold 3 attempts: first contact alone "
              "takes "
              "1d | make the window at least 1d",
          });
}

TEST_CASE("SLA: calendar time zone and hours")
{
    auto sla =
        with(with(k_sla, "time_zone: UTC", "time_zone: Mars/Olympus"), "hours: 09:00-17:00", "hours: 17:00-09:00");
    auto problems = check_problems(replacing("sla.yaml", sla));
    CHECK(problems.back() ==
          "sla.yaml 22:64: error[AK3008]: working hours end at 09:00, not after they start at 17:00");
    CHECK(problems.front() == "sla.yaml 22:25: error[AK3007]: unknown time zone 'Mars/Olympus' | use an IANA name such "
                              "as 'America/Chicago', 'Europe/Berlin' or 'UTC'");
}

TEST_CASE("SLA: review dates")
{
    CHECK(check_problems(replacing("sla.yaml", with(k_sla, "next: 2027-04-01", "next: 2027-01-20"))) ==
          Lines{
              "sla.yaml 24:40: warning[AK3002]: the review due 2027-01-20 is 12 days overdue (as of 2027-02-01) | hold "
              "the "
              "review, then set the next review date",
          });
    CHECK(check_problems(replacing("sla.yaml", with(k_sla, "next: 2027-04-01", "next: 2026-12-01"))) ==
          Lines{
              "sla.yaml 24:40: error[AK3010]: the next review (2026-12-01) is before the SLA takes effect (2027-01-01)",
          });
}

TEST_CASE("SLA: duplicate parties, targets and unknown glossaries")
{
    auto sla = with(with(with(k_sla, "{team: sales}", "{team: marketing}"), "id: rate", "id: volume"),
                    "glossaries: [words]", "glossaries: [word]");
    CHECK(check_problems(replacing("sla.yaml", sla)) ==
          Lines{
              "sla.yaml 11:14: error[AK2003]: party 'marketing' is listed twice | the first is on line 10",
              "sla.yaml 16:11: error[AK2003]: target 'volume' is defined twice | the first is on line 13",
              "sla.yaml 25:16: error[AK2002]: no Glossary named 'word' among the documents checked | did you mean "
              "'words'?",
          });
}

TEST_CASE("glossaries: duplicate terms, clashing aliases, related terms")
{
    auto g = with(with(k_glossary, "related: [SQL]", "related: [SQLs, sql]"), "owner: sales}",
                  "owner: sales, aliases: [marketing lead]}\n    - {term: mql, definition: Again.}");
    CHECK(check_problems(replacing("glossary.yaml", g)) ==
          Lines{
              "glossary.yaml 7:95: warning[AK2004]: related term 'SQLs' is not defined in any glossary checked | did "
              "you mean 'SQL'?",
              "glossary.yaml 8:78: warning[AK3011]: alias 'marketing lead' of 'SQL' is already used on line 7",
              "glossary.yaml 9:14: error[AK2003]: term 'mql' is defined twice | the first is on line 7",
          });
}

TEST_CASE("lead definitions: criteria parse, use declared fields, and can hold")
{
    auto defs = with(with(with(k_leads, "entry: email is set,", "entry: emial is set,"), "entry: fit_score >= 50, exit",
                          "entry: fit_score >= 50 and fit_score < 10, exit"),
                     "entry: meeting_held}", "entry: meeting_held = \"yes\"}");
    CHECK(check_problems(replacing("leads.yaml", defs)) ==
          Lines{
              "leads.yaml 11:55: error[AK2008]: unknown lead field 'emial' | did you mean 'email'?",
              "leads.yaml 12:53: error[AK3013]: no lead can enter 'mql': its criteria on 'fit_score' contradict each "
              "other | "
              "check the comparisons on that field",
              "leads.yaml 13:49: error[AK3012]: 'meeting_held' is true or false but '\"yes\"' is text",
          });
    auto later = with(k_leads, "entry: meeting_held}", "entry: fit_score < 40}");
    CHECK(check_problems(replacing("leads.yaml", later)) ==
          Lines{
              "leads.yaml 13:49: warning[AK3014]: a lead in 'sql' needs a 'fit_score' that 'mql' rules out | compare "
              "with the "
              "criteria of 'mql' on line 12",
          });
    auto broken = with(k_leads, "exit: meeting_held", "exit: meeting_held and");
    CHECK(
        check_problems(replacing("leads.yaml", broken)) ==
        Lines{"leads.yaml 12:92: error[AK1115]: the condition is incomplete: expected a field or a value at the end"});
}
