#include "fixtures.hpp"
#include "support.hpp"

#include "alignkit/config/loader.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace alignkit;
using namespace alignkit::test;

TEST_CASE("every fixture kind loads without a problem")
{
    for (const char* text : {k_leads, k_sla, k_glossary, k_questionnaire, k_response}) {
        CAPTURE(text);
        CHECK(load_problems(text) == Lines{});
    }
}

TEST_CASE("the typed model keeps values and positions")
{
    Diagnostics diags;
    auto docs = parse_config(std::string(k_sla) + "---\n" + k_response, "f.yaml", diags);
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].pos == Position{1, 1});
    CHECK(docs[1].kind == Kind::Response);
    const auto& sla = std::get<ServiceLevelAgreement>(docs[0].spec);
    CHECK(sla.version == "1.0");
    CHECK(sla.effective.value == Date{2027, 1, 1});
    CHECK(sla.effective.pos == Position{7, 14});
    REQUIRE(sla.follow_up);
    CHECK(sla.follow_up->first_contact.value.minutes == 1440);
    CHECK(sla.follow_up->attempts.value == 3);
    CHECK(sla.targets.at(1).conversion->min_percent.value == 25.0);
    CHECK(sla.targets.at(0).volume->per == Period::month);
    CHECK(sla.disqualification->reason_required.value); // defaults to true
    CHECK(sla.calendar->hours.value.start.minutes == 540);
    CHECK(sla.glossaries.at(0).value == "words");

    const auto& response = std::get<Response>(docs[1].spec);
    REQUIRE(response.answers.size() == 3);
    CHECK(response.answers[0].value->value == 3);
    CHECK_FALSE(response.answers[1].value); // skip
    CHECK(response.answers[2].note == "Not yet.");
    CHECK(response.respondent.team == Team::sales);
}

TEST_CASE("a question without its own scale takes the questionnaire's default")
{
    Diagnostics diags;
    auto docs = parse_config(k_questionnaire, "q.yaml", diags);
    const auto& q = std::get<Questionnaire>(docs.at(0).spec);
    CHECK(q.dimensions.at(0).questions.at(0).scale.value == "agree");
    CHECK(q.dimensions.at(0).questions.at(1).weight == 2.0);
}

TEST_CASE("every problem of a document is reported, each with its position and hint")
{
    auto text = with(with(with(k_sla, "handoff:", "hand_off:"), "attempts: 3", "attempts: \"3\""), "version: \"1.0\"",
                     "version: 1.0");
    CHECK(load_problems(text) ==
          Lines{
              "6:12: error[AK1103]: 'spec.version' must be text, found '1.0' | quote it: \"1.0\"",
              "19:3: error[AK1101]: unknown key 'hand_off' in 'spec' | did you mean 'handoff'?",
              "20:45: error[AK1103]: 'spec.follow_up.attempts' must be a whole number, found the quoted text '3' | "
              "remove the quotes: quoted values are always text",
          });
}

TEST_CASE("missing keys, wrong shapes and bad values")
{
    CHECK(load_problems(with(k_glossary, "definition: Sales-qualified lead., ", "")) ==
          Lines{
              "8:7: error[AK1102]: 'spec.terms[1]' is missing the required key 'definition' | add 'definition': what "
              "it means, in one or two sentences",
          });
    CHECK(load_problems(with(k_sla, "days: [mon, tue]", "days: mon")) ==
          Lines{
              "22:36: error[AK1103]: 'spec.calendar.days' must be a list, found 'mon' | write a list, even of one "
              "item: [mon]",
          });
    CHECK(load_problems(with(k_sla, "per: month", "per: mont")) ==
          Lines{
              "15:33: error[AK1105]: 'mont' is not allowed for 'spec.targets[0].volume.per'; expected one of 'week', "
              "'month', 'quarter' or 'year' | did you mean 'month'?",
          });
    CHECK(load_problems(with(k_sla, "within: 4h", "within: 4")) ==
          Lines{
              "19:33: error[AK1106]: '4' is not a duration ('spec.handoff.within') | add a unit: '4h' for hours, '4d' "
              "for days",
          });
    CHECK(load_problems(with(k_sla, "window: 5d", "window: 5 days")) ==
          Lines{
              "20:56: error[AK1106]: '5 days' is not a duration ('spec.follow_up.window') | write whole numbers with "
              "units "
              "w, d, h, m, largest first: 90m, 1h30m, 3d, 2w",
          });
    CHECK(load_problems(with(k_sla, "min: 25%", "min: 0.25")) ==
          Lines{
              "18:45: error[AK1111]: '0.25' is not a percentage ('spec.targets[1].conversion.min') | write 25% rather "
              "than 0.25",
          });
    CHECK(load_problems(with(k_sla, "min: 25%", "min: 125%")) ==
          Lines{
              "18:45: error[AK1110]: 'spec.targets[1].conversion.min' must be between 0 and 100, found 125%",
          });
    CHECK(load_problems(with(k_sla, "effective: 2027-01-01", "effective: 2027-02-29")) ==
          Lines{
              "7:14: error[AK1107]: '2027-02-29' is not a valid date ('spec.effective') | write dates as YYYY-MM-DD, "
              "such as 2027-01-31",
          });
    CHECK(load_problems(with(k_sla, "hours: 09:00-17:00", "hours: 9-5")) ==
          Lines{
              "22:55: error[AK1108]: '9-5' is not a range of working hours ('spec.calendar.hours') | write the range "
              "on a "
              "24-hour clock, such as 09:00-17:30",
          });
    CHECK(load_problems(with(k_leads, "name: leads", "name: Lead Defs")) ==
          Lines{
              "4:9: error[AK1109]: 'Lead Defs' is not a valid name ('metadata.name') | try 'lead-defs'",
          });
    CHECK(load_problems(with(k_questionnaire, "weight: 2", "weight: 0")) ==
          Lines{
              "15:67: error[AK1110]: 'spec.dimensions[0].questions[1].weight' must be greater than 0, found 0",
          });
    CHECK(load_problems(with(k_questionnaire, "{id: q1, text: We meet., stage: defined}",
                             "{id: q1, text: \" \", stage: defined}")) ==
          Lines{"14:26: error[AK1113]: 'spec.dimensions[0].questions[0].text' is empty"});
    CHECK(load_problems(with(k_sla, "parties:\n    - {team: marketing}\n    - {team: sales}", "parties: []")) ==
          Lines{
              "9:3: error[AK1112]: 'spec.parties' needs at least 2 entries",
          });
}

TEST_CASE("integers are decimal: no octal, hex or floats")
{
    for (const char* value : {"010", "0x18", "3.0", "1e2", "+3"}) {
        CAPTURE(value);
        auto problems = load_problems(with(k_sla, "attempts: 3", std::string("attempts: ") + value));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("[AK1103]: 'spec.follow_up.attempts' must be a whole number") != std::string::npos);
    }
}

TEST_CASE("a target is either a volume or a conversion target")
{
    auto both = with(k_sla, "volume: {stage: mql, per: month, min: 100}",
                     "volume: {stage: mql, per: month, min: 100}\n      conversion: {from: mql, to: sql, min: 5%}");
    CHECK(load_problems(both) ==
          Lines{
              "13:7: error[AK1114]: 'spec.targets[0]' needs exactly one of 'volume' or 'conversion'",
          });
    auto neither = with(k_sla, "      volume: {stage: mql, per: month, min: 100}\n", "");
    CHECK(load_problems(neither) ==
          Lines{
              "13:7: error[AK1102]: 'spec.targets[0]' needs exactly one of 'volume' or 'conversion'",
          });
}

TEST_CASE("duplicate keys are errors, though yaml-cpp accepts them")
{
    CHECK(load_problems(with(k_leads, "  name: leads\n", "  name: leads\n  name: other\n")) ==
          Lines{
              "5:3: error[AK1104]: duplicate key 'name' in 'metadata' | it is already set on line 4",
          });
    CHECK(load_problems(with(k_response, "q2: skip", "q2: skip\n    q2: 1")) ==
          Lines{
              "12:5: error[AK1104]: duplicate key 'q2' in 'spec.answers' | it is already set on line 11",
          });
}

TEST_CASE("answers are a scale value, skip, or a value with a note")
{
    CHECK(load_problems(with(k_response, "q2: skip", "q2: maybe")) ==
          Lines{
              "11:9: error[AK1103]: 'spec.answers.q2' must be a scale value, 'skip', or a mapping with 'value' and "
              "'note', found 'maybe'",
          });
    CHECK(load_problems(with(k_response, "value: 1, note", "value: one, note")) ==
          Lines{
              "12:17: error[AK1103]: 'spec.answers.q3.value' must be a scale value (a whole number) or 'skip', found "
              "'one'",
          });
}

TEST_CASE("the envelope: mapping, apiVersion, kind")
{
    CHECK(load_problems("- a\n- b\n") ==
          Lines{
              "1:1: error[AK1001]: a document must be a mapping, found a list | start the document with 'apiVersion: "
              "alignkit/v1' and 'kind: ...'",
          });
    CHECK(load_problems(with(k_glossary, "alignkit/v1", "alignkit/v2")) ==
          Lines{
              "1:13: error[AK1002]: unsupported apiVersion 'alignkit/v2' | this alignkit reads 'alignkit/v1'",
          });
    CHECK(load_problems(with(k_glossary, "kind: Glossary", "kind: Glosary")) ==
          Lines{
              "2:7: error[AK1003]: unknown kind 'Glosary' | did you mean 'Glossary'?",
          });
    CHECK(
        load_problems("apiVersion: alignkit/v1\nmetadata: {name: x}\n") ==
        Lines{
            "1:1: error[AK1102]: the document is missing 'kind' | add 'kind:' with one of 'Questionnaire', 'Response', "
            "'ServiceLevelAgreement', 'LeadDefinitions' or 'Glossary'",
        });
}

TEST_CASE("every document of a file is read; a bad one does not hide the others")
{
    auto text = std::string(k_glossary) + "---\n" +
                with(k_leads, "owner: sales, entry: meeting_held", "owner: salse, entry: meeting_held");
    Diagnostics diags;
    auto docs = parse_config(text, "two.yaml", diags);
    CHECK(docs.size() == 2);
    CHECK(docs[0].has_spec());
    CHECK_FALSE(docs[1].has_spec()); // still known by name, for references
    CHECK(docs[1].metadata.name.value == "leads");
    CHECK(lines(diags) ==
          Lines{
              "23:35: error[AK1105]: 'salse' is not allowed for 'spec.stages[2].owner'; expected one of 'sales', "
              "'marketing', 'leadership', 'revops' or 'other' | did you mean 'sales'?",
          });
}

TEST_CASE("hostile input: clear diagnostics in bounded time and memory")
{
    SUBCASE("YAML syntax errors carry a position")
    {
        CHECK(load_problems("a: [1, 2\nb: 3\n") ==
              Lines{"2:2: error[AK0007]: did not find expected ',' or ']', while parsing a flow sequence that starts "
                    "on line 1"});
        CHECK(load_problems("a: b: c\n") ==
              Lines{"1:5: error[AK0007]: mapping values are not allowed in this context"});
        CHECK(load_problems("a: \"open\n") ==
              Lines{"2:1: error[AK0007]: found unexpected end of stream, while scanning a quoted scalar that starts on "
                    "line 1"});
        CHECK(load_problems("a: *nowhere\n") == Lines{"1:4: error[AK0007]: unknown anchor 'nowhere'"});
    }
    SUBCASE("documents before a syntax error are still checked")
    {
        auto text = with(k_glossary, "owner: sales", "owner: salse") + "---\nkey: [\n";
        auto problems = load_problems(text);
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].find("[AK1105]: 'salse' is not allowed") != std::string::npos);
        CHECK(problems[1].find("[AK0007]") != std::string::npos);
    }
    SUBCASE("empty files and comment-only files")
    {
        CHECK(load_problems("") == Lines{"0:0: warning[AK0006]: the file holds no YAML document"});
        CHECK(load_problems("# nothing here\n\n") == Lines{"0:0: warning[AK0006]: the file holds no YAML document"});
    }
    SUBCASE("NUL bytes and binary garbage")
    {
        CHECK(load_problems(std::string("kind: x\0y", 9)) ==
              Lines{"1:8: error[AK0004]: the file contains a NUL byte; it is not a text file"});
        std::string garbage;
        for (int i = 0; i < 4096; ++i) {
            garbage += static_cast<char>((i * 7919) % 251 + 1);
        }
        auto problems = load_problems(garbage);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("[AK0003]") != std::string::npos);
    }
    SUBCASE("invalid UTF-8")
    {
        CHECK(load_problems("title: caf\xE9\n") ==
              Lines{"1:11: error[AK0003]: byte 0xE9 is not valid UTF-8 | save the file as UTF-8"});
    }
    SUBCASE("deep nesting is refused before parsing")
    {
        std::string deep(100000, '[');
        CHECK(load_problems(deep) == Lines{"1:64: error[AK0008]: the document nests deeper than 64 levels"});
        std::string block;
        for (int i = 0; i < 200; ++i) {
            block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
        }
        CHECK(load_problems(block) == Lines{"65:129: error[AK0008]: the document nests deeper than 64 levels"});
    }
    SUBCASE("an alias bomb stops at the value budget")
    {
        // 200 dimensions x 200 questions x 200 criteria, in a few kilobytes of aliases.
        auto repeat = [](std::string_view item) {
            std::string out = "[";
            for (int i = 0; i < 200; ++i) {
                out += i == 0 ? "" : ", ";
                out += item;
            }
            return out + "]";
        };
        std::string bomb =
            "apiVersion: alignkit/v1\nkind: Questionnaire\nmetadata:\n  name: bomb\n  labels:\n"
            "    c: &c " +
            repeat("x") +
            "\n"
            "    q: &q {id: q, text: t, stage: defined, criteria: *c}\n"
            "    qs: &qs " +
            repeat("*q") +
            "\n"
            "    d: &d {id: d, title: t, questions: *qs}\n"
            "spec:\n  scale: s\n  scales: [{id: s, options: [{value: 1, label: a}, {value: 2, label: b}]}]\n"
            "  dimensions: " +
            repeat("*d") + "\n";
        CHECK(bomb.size() < 4000);
        auto problems = load_problems(bomb);
        CHECK(std::find(problems.begin(), problems.end(),
                        "0:0: error[AK0009]: the document expands to more values than a config can hold | remove "
                        "anchors and aliases that refer to each other") != problems.end());
    }
    SUBCASE("huge inputs are refused whole")
    {
        std::string huge = "title: \"" + std::string(k_max_config_bytes, 'x') + "\"\n";
        CHECK(load_problems(huge) ==
              Lines{fmt::format("0:0: error[AK0005]: the file is {} bytes; configs may be at most {} bytes",
                                huge.size(), k_max_config_bytes)});
    }
    SUBCASE("a huge scalar within the limit is fine")
    {
        auto text = with(k_glossary, "definition: Sales-qualified lead.", "definition: " + std::string(1'000'000, 'y'));
        CHECK(load_problems(text) == Lines{});
    }
}
