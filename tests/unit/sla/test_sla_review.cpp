#include "fixtures.hpp"
#include "support.hpp"

#include "alignkit/sla/sla_review.hpp"
#include "alignkit/sla/sla_template.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace alignkit;
using namespace alignkit::test;

namespace {

struct Reviewed {
    Lines problems;
    std::vector<SlaReview> reviews;
};

// Loads the files, reviews every SLA among them as of 2027-02-01, returns the review's findings.
Reviewed review(const std::vector<std::pair<std::string, std::string>>& files)
{
    Diagnostics load;
    std::vector<Document> docs;
    for (const auto& [name, text] : files) {
        for (auto& doc : parse_config(text, name, load)) {
            docs.push_back(std::move(doc));
        }
    }
    REQUIRE_MESSAGE(load.empty(), lines(load).front());
    Diagnostics diags;
    Reviewed out;
    out.reviews = review_slas(docs, CheckOptions{Date{2027, 2, 1}}, diags);
    std::vector<std::string> order;
    for (const auto& f : files) {
        order.push_back(f.first);
    }
    diags.sort(order);
    for (const auto& d : diags.all()) {
        out.problems.push_back(d.file + " " + line(d));
    }
    return out;
}

// A complete SLA: every clause present, capacity given.
const std::string k_complete = std::string(k_sla) + R"(  capacity: {reps: 2, attempts_per_day: 30}
  meetings:
    - {id: weekly, title: Pipeline review, cadence: weekly, owner: sales, attendees: [sales, marketing]}
  feedback:
    - {from: sales, to: marketing, about: Why leads were rejected, cadence: weekly}
    - {from: marketing, to: sales, about: Campaigns coming up, cadence: monthly}
  engagement: [Marketing posts every MQL to the sales queue.]
)";

std::string complete_with(std::string_view from, std::string_view to) { return with(k_complete, from, to); }

std::vector<std::pair<std::string, std::string>> set_with(std::string sla)
{
    auto contacts = with(with(sla, "{team: marketing}", "{team: marketing, contact: {name: Dana}}"), "{team: sales}",
                         "{team: sales, contact: {name: Lee}}");
    auto rules = with(contacts, "    review: {cadence: quarterly, next: 2027-04-01}",
                      "    consequences: [A missed month gets a recovery plan.]\n"
                      "    disputes: The two points of contact settle it within a week.\n"
                      "    review: {cadence: quarterly, next: 2027-04-01}\n"
                      "    dissolution: [A reorganisation of either team.]");
    return {{"leads.yaml", k_leads}, {"sla.yaml", rules}, {"glossary.yaml", k_glossary}};
}

} // namespace

TEST_CASE("a bare SLA is missing most clauses, each named with a hint")
{
    auto r = review({{"leads.yaml", k_leads}, {"sla.yaml", k_sla}, {"glossary.yaml", k_glossary}});
    CHECK(r.problems ==
          Lines{
              "sla.yaml 4:9: warning[AK4204]: no recurring meeting brings sales and marketing together | add a meeting "
              "with "
              "'attendees: [sales, marketing]' and a cadence",
              "sla.yaml 4:9: warning[AK4205]: no feedback loop from sales to marketing | add 'feedback: [{from: sales, "
              "to: "
              "marketing, about: ..., cadence: ...}]'",
              "sla.yaml 4:9: warning[AK4205]: no feedback loop from marketing to sales | add 'feedback: [{from: "
              "marketing, "
              "to: sales, about: ..., cadence: ...}]'",
              "sla.yaml 4:9: warning[AK4206]: the SLA has no rules of engagement | add 'engagement' with how, when and "
              "what "
              "the teams communicate",
              "sla.yaml 4:9: warning[AK4301]: the SLA does not say what happens when a shared goal is missed | add "
              "'disengagement.consequences'",
              "sla.yaml 4:9: warning[AK4302]: the SLA does not say how disagreements are settled | add "
              "'disengagement.disputes'",
              "sla.yaml 4:9: warning[AK4304]: the SLA does not say what would dissolve it | add "
              "'disengagement.dissolution'",
              "sla.yaml 4:9: info[AK4403]: cannot tell whether the follow-up terms can be met without 'capacity (reps "
              "and "
              "attempts per day)' | add what is missing",
              "sla.yaml 10:14: warning[AK4203]: marketing has no point of contact | add 'contact: {name: ..., email: "
              "...}'",
              "sla.yaml 11:14: warning[AK4203]: sales has no point of contact | add 'contact: {name: ..., email: ...}'",
          });
    REQUIRE(r.reviews.size() == 1);
    CHECK(r.reviews[0].groups.at(2).name == "engagement");
    CHECK(r.reviews[0].groups.at(2).warnings == 6);
}

TEST_CASE("a complete SLA has only its capacity arithmetic to report")
{
    // 100 MQLs a month x 3 attempts = 300 needed. Working days: 2 days a week (mon, tue) x 52/12
    // weeks = 8.667; capacity 2 reps x 30 a day x 8.667 = 520. Headroom 220, 73% of 300.
    auto r = review(set_with(k_complete));
    CHECK(
        r.problems ==
        Lines{
            "sla.yaml 29:20: info[AK4402]: follow-up capacity: headroom 220 attempts a month (73%): 100 leads entering "
            "'mql' a month x 3 attempts = 300 attempts needed; 2 reps x 30 attempts a day x 8.7 working days = 520 "
            "available",
        });
}

TEST_CASE("feasibility: a shortfall is an error with the arithmetic and what would close it")
{
    // 100 x 3 = 300 needed; 1 rep x 10 a day x 8.667 days = 86.7 available; short 213 (71%).
    // Closing it takes ceil(213.3 / (10 x 8.667)) = 3 more reps.
    auto r = review(set_with(complete_with("{reps: 2, attempts_per_day: 30}", "{reps: 1, attempts_per_day: 10}")));
    CHECK(
        r.problems ==
        Lines{
            "sla.yaml 29:20: error[AK4401]: sales cannot make the promised attempts: 100 leads entering 'mql' a month "
            "x 3 "
            "attempts = 300 attempts needed; 1 rep x 10 attempts a day x 8.7 working days = 87 available; short by 213 "
            "(71%) | add 3 rep(s), or lower the attempts per lead",
        });
    CHECK(r.reviews.at(0).feasibility.starts_with("short by 213 attempts a month"));
}

TEST_CASE("consistency: hand-off longer than the stage clock, feedback more often than meetings")
{
    auto sla = complete_with("within: 4h}", "within: 6h}");
    sla = with(sla, "about: Campaigns coming up, cadence: monthly", "about: Campaigns coming up, cadence: daily");
    auto r = review(set_with(sla));
    CHECK(r.problems.size() == 3);
    CHECK(r.problems.at(0) == "sla.yaml 19:33: warning[AK4501]: hand-off may take 6h but stage 'mql' allows 4h | make "
                              "the hand-off time at most the stage's clock");
    CHECK(r.problems.at(2) == "sla.yaml 34:73: warning[AK4502]: feedback from marketing to sales is daily but no "
                              "meeting they share is that frequent | add a daily meeting with both teams, or say how "
                              "the feedback is given");
}

TEST_CASE("vague clauses and terms defined twice")
{
    auto sla = complete_with("Marketing posts every MQL to the sales queue.", "TBD");
    auto files = set_with(sla);
    files.emplace_back("other.yaml", with(with(k_glossary, "name: words", "name: other"), "Sales-qualified lead.",
                                          "Whatever sales says it is."));
    files[1].second = with(files[1].second, "glossaries: [words]", "glossaries: [words, other]");
    auto r = review(files);
    auto has = [&](const std::string& expected) {
        return std::find(r.problems.begin(), r.problems.end(), expected) != r.problems.end();
    };
    CHECK(r.problems.size() == 3); // and the capacity arithmetic
    CHECK(has("other.yaml 8:14: warning[AK4003]: 'SQL' is defined differently in glossary 'words' | compare with "
              "glossary.yaml:8"));
    CHECK(has("sla.yaml 35:16: warning[AK4305]: the rule of engagement 'TBD' is too vague to act on | say who does "
              "what, and when, in a full sentence"));
}

TEST_CASE("the starting SLA of 'sla init' is valid and complete")
{
    Diagnostics diags;
    auto docs = parse_config(sla_template(), "init.yaml", diags);
    check_documents(docs, CheckOptions{Date{2026, 11, 22}}, diags);
    CHECK(lines(diags) == Lines{});
    REQUIRE(docs.size() == 3);
    auto reviews = review_slas(docs, CheckOptions{Date{2026, 11, 22}}, diags);
    // Only the capacity arithmetic, an info.
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == Code::capacity_headroom);
    CHECK(reviews.at(0).name == "our-sla");
}

TEST_CASE("targets: each team owns at least one, and there are targets at all")
{
    auto marketing_only =
        complete_with("    - id: rate\n      owner: sales\n", "    - id: rate\n      owner: marketing\n");
    auto r = review(set_with(marketing_only));
    CHECK(r.problems.at(0) == "sla.yaml 11:14: warning[AK4102]: sales owns no target in this SLA | add a target with "
                              "'owner: sales'");
}

TEST_CASE("definitions: every stage the SLA relies on is defined by id, name or alias")
{
    auto files = set_with(k_complete);
    files[2].second =
        with(k_glossary, "    - {term: Disqualified, definition: Closed for good with a reason., owner: sales}\n", "");
    auto r = review(files);
    CHECK(r.problems.at(0) ==
          "sla.yaml 21:28: warning[AK4002]: the SLA relies on 'disqualified' (Disqualified) but no glossary it refers "
          "to defines it | add 'disqualified' as a term or alias to the SLA's glossary");
    // A built-in term gets a pointer to its built-in definition.
    files[2].second = with(k_glossary, "{term: MQL,", "{term: Marketing lead,");
    files[2].second = with(files[2].second, "aliases: [Marketing lead]", "aliases: [ML]");
    r = review(files);
    CHECK(r.problems.at(0) ==
          "sla.yaml 19:20: warning[AK4002]: the SLA relies on 'mql' (MQL) but no glossary it refers to defines it | "
          "add 'mql' as a term or alias; 'alignkit glossary mql' has a definition to start from");
}
