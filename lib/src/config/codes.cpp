#include "alignkit/config/codes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string>

namespace alignkit {
namespace {

using enum Code;
constexpr Severity k_error = Severity::error;
constexpr Severity k_warning = Severity::warning;
constexpr Severity k_info = Severity::info;

// The one table: explain, the SARIF rules, the docs and the tests all read it.
constexpr std::array k_codes = std::to_array<CodeInfo>({
    {path_not_found, "AK0001", k_error, "path not found", "A path given on the command line does not exist.",
     "Check the spelling of the path, or run the command from the folder the path is relative to."},
    {file_unreadable, "AK0002", k_error, "file cannot be read",
     "The path exists but cannot be read as a config: it lacks read permission, or it is a pipe "
     "or a device, which could block or never end.",
     "Give alignkit read permission on the file (`chmod a+r FILE`); pipe data in with '-' instead."},
    {not_utf8, "AK0003", k_error, "not UTF-8",
     "Configs are UTF-8 text. The byte at this position does not start a valid UTF-8 sequence, "
     "which usually means the file was saved in a legacy encoding such as Latin-1 or UTF-16.",
     "Save the file as UTF-8 (most editors offer it under 'Save with encoding')."},
    {binary_file, "AK0004", k_error, "binary file",
     "The file contains a NUL byte, so it is not a text file. A binary file or an archive was "
     "probably passed by mistake.",
     "Pass only YAML configs, or exclude the file with `--exclude`."},
    {file_too_large, "AK0005", k_error, "file too large",
     "Configs are written by hand and are small. A file this large is almost certainly not a "
     "config, and reading it whole would waste memory.",
     "Split the config into several files, or exclude this one with `--exclude`."},
    {empty_file, "AK0006", k_warning, "no documents",
     "The file holds no YAML document (it is empty or only comments), so there is nothing to check.",
     "Add a document, or delete the file."},
    {yaml_syntax, "AK0007", k_error, "YAML syntax error",
     "The file is not valid YAML, so none of its documents can be read. The position is where the "
     "parser noticed the problem; the mistake is often on the line before (a missing colon, a "
     "wrong indentation, an unclosed quote or bracket).",
     "Fix the YAML at or just before the position shown."},
    {too_deep, "AK0008", k_error, "nesting too deep",
     "The document nests collections deeper than any config needs. Such input is a mistake or an "
     "attempt to exhaust the parser, so it is refused before parsing.",
     "Flatten the document; no alignkit config nests more than a few levels."},
    {too_many_nodes, "AK0009", k_error, "document too large",
     "The document expands to more values than any config needs. This is what an alias bomb "
     "(anchors that refer to anchors) looks like, so alignkit stops reading it.",
     "Remove the anchors and aliases, or split the document."},
    {no_config_files, "AK0010", k_warning, "no configs found",
     "A folder given on the command line holds no `*.yaml` or `*.yml` file (after `--exclude` and its "
     "`.alignkitignore`). When the whole run checked no file at all (every folder empty, or all its YAML "
     "files not alignkit configs), it is an error and the exit status is 2: a CI gate that checks "
     "nothing must not pass.",
     "Check the folder, the `--exclude` patterns and `.alignkitignore`; name a file to check it even "
     "when it does not say `apiVersion: alignkit/...`."},

    {unused_suppression, "AK0011", k_warning, "suppression that suppresses nothing",
     "A `# alignkit-disable-line` or `# alignkit-disable-next-line` comment names a code that no "
     "finding on that line has. Either the problem was fixed and the comment is left over, or the "
     "code or the line is wrong; a stale suppression would hide the next real finding there.",
     "Remove the comment, or name the code the line's finding has (`alignkit validate` shows it)."},

    {not_a_mapping, "AK1001", k_error, "document is not a mapping",
     "Every config document is a mapping with the keys apiVersion, kind, metadata and spec.",
     "Start the document with `apiVersion: alignkit/v1` and `kind: ...`."},
    {bad_api_version, "AK1002", k_error, "unsupported apiVersion",
     "The apiVersion says which version of the config format a document is written for. This "
     "alignkit reads `alignkit/v1`.",
     "Write `apiVersion: alignkit/v1`."},
    {unknown_kind, "AK1003", k_error, "unknown kind",
     "The kind says what a document is. alignkit knows Questionnaire, Response, "
     "ServiceLevelAgreement, LeadDefinitions and Glossary.",
     "Use one of the known kinds; the hint names the closest one."},
    {unknown_key, "AK1101", k_error, "unknown key",
     "The key is not part of this kind of document. alignkit never ignores a key it does not "
     "know: a misspelt key would otherwise silently lose what it says.",
     "Correct the spelling (the hint names the closest known key), or remove the key. "
     "`alignkit schema KIND` lists every key."},
    {missing_key, "AK1102", k_error, "missing key", "A key that this kind of document needs is absent.",
     "Add the key; `man 5 alignkit-config` describes it."},
    {wrong_type, "AK1103", k_error, "wrong type",
     "The value has the wrong shape: for example a list where one value is expected, or text "
     "where a number is expected. Quoted values are always text.",
     "Write the value in the shape the message names."},
    {duplicate_key, "AK1104", k_error, "duplicate key",
     "The same key appears twice in one mapping. YAML parsers disagree about which value wins, "
     "so alignkit refuses to guess.",
     "Keep one of the two entries."},
    {invalid_enum, "AK1105", k_error, "value not allowed",
     "The value must be one of a fixed set of words (a team, a cadence, a stage...).",
     "Use one of the values listed in the message; the hint names the closest one."},
    {invalid_duration, "AK1106", k_error, "invalid duration",
     "Durations are whole numbers with a unit, largest unit first: `90m`, `4h`, `1h30m`, `3d`, "
     "`2w`. Units: w (weeks), d (days), h (hours), m (minutes).",
     "Write the duration with units, for example `24h` rather than `24` or `1 day`."},
    {invalid_date, "AK1107", k_error, "invalid date",
     "Dates are ISO 8601 calendar dates, `YYYY-MM-DD`, and must exist (no 30 February).",
     "Write the date as `2027-01-31`."},
    {invalid_time, "AK1108", k_error, "invalid time",
     "Times of day are `HH:MM` on a 24-hour clock; working hours are a range `HH:MM-HH:MM`.",
     "Write the time as `09:00`, or the range as `09:00-17:30`."},
    {invalid_name, "AK1109", k_error, "invalid name",
     "Names and ids are slugs: lowercase letters, digits and single hyphens or underscores, "
     "starting with a letter, at most 63 characters. They appear in references, file names and URLs.",
     "Rename it to a slug, such as `acme-sla-2027`."},
    {out_of_range, "AK1110", k_error, "number out of range",
     "The number is outside the values that make sense here (weights must be positive, counts "
     "cannot be negative, rates lie between 0% and 100%).",
     "Use a number within the range the message gives."},
    {invalid_percentage, "AK1111", k_error, "invalid percentage",
     "Rates are written as percentages with a percent sign, such as `25%` or `12.5%`.",
     "Add the percent sign, or convert a fraction: 0.25 is `25%`."},
    {empty_list, "AK1112", k_error, "empty list",
     "The list must hold at least one entry for the document to mean anything.",
     "Add an entry, or remove the key if it is optional."},
    {empty_value, "AK1113", k_error, "empty value", "The value is empty or only spaces where text is needed.",
     "Write the text, or remove the key if it is optional."},
    {conflicting_keys, "AK1114", k_error, "keys that exclude each other",
     "The mapping must hold exactly one of the keys the message names: for example a target is "
     "either a volume target or a conversion target.",
     "Keep exactly one of the keys; split the entry in two if you meant both."},
    {invalid_criteria, "AK1115", k_error, "invalid criteria",
     "Entry and exit criteria are written in a small expression language (fields, numbers, "
     "\"quoted text\", dates, durations; = != < <= > >=; and, or, not; in [...]; contains; is set; "
     "is empty). The criteria cannot be read, so no tool can apply them to a lead.",
     "Fix the expression at the column shown; `man 5 alignkit-config` describes the language."},

    {duplicate_name, "AK2001", k_error, "duplicate document name",
     "Two documents of the same kind share a metadata.name, so references to that name are "
     "ambiguous.",
     "Give each document of a kind its own name."},
    {unresolved_reference, "AK2002", k_error, "unresolved reference",
     "The document refers to another document (by name, `Kind/name`, or relative file path) that "
     "is not among the files checked in this run.",
     "Pass the referenced file too, correct the name, or use a relative path to the file."},
    {duplicate_id, "AK2003", k_error, "duplicate id",
     "Two entries of the same list share an id (two questions, stages, reason codes, terms...), "
     "so references to it are ambiguous.",
     "Give each entry its own id."},
    {unknown_id, "AK2004", k_error, "unknown id",
     "The value refers to an id (a question, scale, stage, reason code, glossary term...) that "
     "the referenced document does not define.",
     "Correct the id; the hint names the closest one that exists."},
    {answer_out_of_scale, "AK2005", k_error, "answer outside its scale",
     "A response gives a value that the question's answer scale does not offer, so it cannot be "
     "scored.",
     "Use one of the scale's values, or `skip`."},
    {unanswered_questions, "AK2006", k_info, "unanswered questions",
     "The response neither answers nor skips some questions of its questionnaire. Reports treat "
     "them like skipped answers, but an explicit `skip` shows the respondent saw the question.",
     "Answer the questions, or mark them `skip`."},
    {duplicate_respondent, "AK2007", k_warning, "duplicate respondent",
     "Two responses to the same questionnaire come from the same respondent id, so that person "
     "would count twice.",
     "Remove the older response, or give the respondents distinct ids."},
    {unknown_field, "AK2008", k_error, "unknown lead field",
     "Criteria use a field that the lead definitions do not declare under `fields`, so its type "
     "is unknown and no CSV column is mapped to it.",
     "Declare the field (name, type, column), or correct its name; the hint names the closest one."},

    {attempts_do_not_fit, "AK3001", k_error, "attempts do not fit the window",
     "The follow-up rules ask for a minimum number of contact attempts within a window, but "
     "with the first contact time and the spacing between attempts the window is too short to "
     "hold them, so sales could never comply.",
     "Lengthen the window, shorten the spacing, or lower the number of attempts."},
    {review_overdue, "AK3002", k_warning, "review overdue",
     "The SLA's next review date has passed (as of the date checked, `--as-of`). An SLA that is "
     "not reviewed drifts away from how the teams really work.",
     "Hold the review and set the next review date."},
    {reasons_required, "AK3003", k_error, "reason codes missing",
     "The SLA requires a reason for every disqualified lead, but the lead definitions offer no "
     "reason codes for that exit, so sales has nothing to choose from.",
     "Add `reasons` to the disqualified exit in the lead definitions."},
    {conversion_order, "AK3004", k_error, "conversion runs backwards",
     "A conversion target goes from a lifecycle stage to one that does not come after it.",
     "Swap `from` and `to`, or pick stages in lifecycle order."},
    {ownership_goes_back, "AK3005", k_warning, "ownership goes back",
     "A lifecycle stage owned by marketing follows one owned by sales. Leads normally move from "
     "marketing to sales; going back belongs in a recycle exit.",
     "Reorder the stages, or model the way back as a recycled exit."},
    {stage_without_evidence, "AK3006", k_warning, "stage without evidence",
     "No question of the questionnaire evidences this maturity stage, so no respondent can show "
     "that a company has reached it.",
     "Add at least one question with `stage:` set to it."},
    {unknown_time_zone, "AK3007", k_error, "unknown time zone",
     "The time zone is not in the IANA time-zone database, so business hours cannot be computed.",
     "Use an IANA name such as `America/Chicago`, `Europe/Berlin` or `UTC`."},
    {empty_hours, "AK3008", k_error, "empty working hours",
     "The working hours end before or when they start, so no time would ever count.",
     "Write the start before the end, such as `09:00-17:00`."},
    {response_in_future, "AK3009", k_warning, "response dated in the future",
     "The response is dated after the date checked (`--as-of`, today by default), which is "
     "usually a typo in the year.",
     "Correct the date."},
    {review_before_effective, "AK3010", k_error, "review before the SLA starts",
     "The SLA's next review date falls before its effective date.", "Set the review after the effective date."},
    {alias_conflict, "AK3011", k_warning, "alias defined twice",
     "A glossary alias is also a term, or an alias of another term, so it is unclear which "
     "definition applies.",
     "Keep the alias on one term only."},
    {criteria_type_mismatch, "AK3012", k_error, "criteria compare different types",
     "Criteria compare values of different types (a number with text, a date with a duration), "
     "order values that have no order (text, true/false), or use a value that is not a condition "
     "where one is needed. Such criteria would never hold as intended.",
     "Compare a field with a value of its own type; quote only text."},
    {criteria_never_hold, "AK3013", k_error, "criteria can never hold",
     "The criteria require a field to be in ranges that do not overlap (fit_score >= 50 and "
     "fit_score < 30), so no lead can ever enter the stage.",
     "Correct the bounds; usually one comparison is the wrong way round."},
    {stages_contradict, "AK3014", k_warning, "stages contradict each other",
     "A later lifecycle stage requires a field value that an earlier stage rules out, so a lead "
     "that reached the earlier stage can only reach the later one if that value changes.",
     "Make the later stage's criteria a refinement of the earlier one's, or check the bounds."},
    {no_exit_criteria, "AK3015", k_warning, "no exit criteria",
     "A lifecycle stage other than the last does not say when a lead leaves it, so nobody can "
     "tell a stalled lead from one that has moved on.",
     "Add `exit:` criteria, usually the next stage's entry or a hand-off condition."},
    {exit_without_reasons, "AK3016", k_warning, "exit without reason codes",
     "An exit (disqualified, recycled) offers no reason codes, so the reason a lead left cannot be "
     "recorded or counted.",
     "Add `reasons` with a code for each way a lead leaves."},
    {stages_share_a_date, "AK3017", k_warning, "stages dated by one column",
     "Two lifecycle stages or exits are read from the same date column and nothing else tells "
     "them apart, so every lead with that date counts as having reached both (a won and a lost "
     "deal both have a close date).",
     "Give the stages `reached: [entry]` with entry criteria that differ (`deal_stage = \"Won\"`), "
     "or date each from a column of its own with `at:`."},
    {field_unfit_for_role, "AK3018", k_error, "field does not fit its use",
     "A field that dates a stage (`at:`) or fills an audit role (`roles:`) has a type that cannot "
     "do it: times need a `datetime` or `date` field, an attempt count a number; or an exit is "
     "reached by entry criteria it does not have.",
     "Name a field of the right type, change the field's type, or add the exit's `entry:`."},

    {sla_no_glossary, "AK4001", k_warning, "no glossary",
     "An SLA starts with definitions of its terms (what exactly is an MQL, an SQL). This SLA "
     "refers to no Glossary, so its terms are defined nowhere both teams can read.",
     "Add `glossaries:` with the Glossary that defines the SLA's terms; `alignkit glossary` has "
     "definitions to start from."},
    {term_undefined, "AK4002", k_warning, "term not defined",
     "The SLA relies on a lifecycle stage (for hand-off, a target or disqualification) whose name "
     "no glossary the SLA refers to defines. Teams that read the term differently will "
     "disagree about whether the SLA was met.",
     "Add the term (or an alias matching the stage id) to the SLA's glossary."},
    {term_defined_twice, "AK4003", k_warning, "term defined differently",
     "Two glossaries define the same term in different words, so the teams may be working from "
     "different definitions.",
     "Keep one definition, or make the two identical."},
    {no_targets, "AK4101", k_warning, "no targets",
     "The SLA sets no targets, so neither team's contribution can be measured.",
     "Add `targets`: for example MQLs per month for marketing and the MQL-to-SQL rate for sales."},
    {team_without_target, "AK4102", k_warning, "team without a target",
     "A party to the SLA owns no target. An SLA is a two-way promise: each team commits to "
     "something the other can measure.",
     "Add a target that team owns."},
    {no_handoff, "AK4201", k_warning, "no hand-off term",
     "The SLA does not say when marketing hands leads to sales, the moment most disputes between "
     "the teams are about.",
     "Add `handoff` with the stage and the time allowed, such as `within: 4h`."},
    {no_follow_up, "AK4202", k_warning, "no follow-up term",
     "The SLA does not say how soon and how often sales follows up on the leads it receives.",
     "Add `follow_up` with `first_contact`, `attempts` and `window`."},
    {no_point_of_contact, "AK4203", k_warning, "no point of contact",
     "A party has no named point of contact for scheduling, agendas and escalations.",
     "Add `contact` with a name (and an email) to the party."},
    {no_joint_meeting, "AK4204", k_warning, "no joint meeting",
     "No recurring meeting brings sales and marketing together, so the SLA's numbers have no "
     "regular place to be discussed.",
     "Add a meeting with both teams as attendees and a fixed cadence."},
    {one_way_feedback, "AK4205", k_warning, "feedback goes one way",
     "Feedback loops should run both ways: sales tells marketing how leads and messaging land, "
     "marketing tells sales what campaigns and content are coming.",
     "Add the missing direction under `feedback`."},
    {no_engagement_rules, "AK4206", k_warning, "no rules of engagement",
     "The SLA has no rules of engagement: how, when and what the teams communicate.",
     "Add `engagement` with a few concrete rules."},
    {no_consequences, "AK4301", k_warning, "no consequences",
     "The SLA does not say what happens when a shared goal is missed, so a miss has no follow-up.",
     "Add `disengagement.consequences`."},
    {no_dispute_resolution, "AK4302", k_warning, "no dispute resolution",
     "The SLA does not say how disagreements between the teams are raised and settled.",
     "Add `disengagement.disputes`: who decides, and how fast."},
    {no_review, "AK4303", k_warning, "no review",
     "The SLA does not say when and how it is reviewed, so it drifts away from how the teams "
     "really work.",
     "Add `disengagement.review` with a cadence and the next review date."},
    {no_dissolution, "AK4304", k_warning, "no dissolution terms",
     "The SLA does not say what circumstances would end it, such as a reorganisation.",
     "Add `disengagement.dissolution`."},
    {vague_clause, "AK4305", k_warning, "vague clause",
     "A clause is a placeholder (TBD, TODO, n/a) or too short to be acted on.",
     "Write what the teams will actually do, in a full sentence."},
    {capacity_shortfall, "AK4401", k_error, "follow-up cannot be met",
     "With the expected lead volume, the attempts each lead must get and the sales team's "
     "capacity over the working days of the period, sales cannot make the attempts the SLA promises.",
     "Add people, raise attempts per person, lower the attempts per lead, or plan for fewer leads."},
    {capacity_headroom, "AK4402", k_info, "follow-up capacity",
     "The arithmetic behind the follow-up promise: the attempts needed for the expected leads, "
     "against the attempts the sales team can make in the period.",
     "Nothing to fix; keep the headroom in mind when volume targets change."},
    {feasibility_unknown, "AK4403", k_info, "feasibility not checked",
     "Whether the follow-up terms can be met needs the expected lead volume (a volume target), "
     "the attempts per lead (follow_up) and the team's capacity (capacity).",
     "Add what the message names."},
    {handoff_exceeds_clock, "AK4501", k_warning, "hand-off longer than the stage allows",
     "The time the SLA allows for hand-off (and then first contact) is longer than the clocks of "
     "the lifecycle stages the lead is in meanwhile, so a lead can comply with the SLA and still "
     "break the lifecycle's clock.",
     "Align the SLA's times with the stage clocks in the lead definitions."},
    {feedback_outpaces_meetings, "AK4502", k_warning, "feedback more often than meetings",
     "Feedback is promised more often than any meeting the two teams share, so it has no regular "
     "place to be given.",
     "Add a meeting of that cadence, or say how the feedback is given outside meetings."},

    {csv_malformed, "AK5001", k_error, "malformed CSV",
     "The CSV file cannot be read as RFC 4180 CSV: a quoted field is never closed, or a row has a "
     "different number of fields than the header.",
     "Export the file again, or fix the row at the line shown."},
    {csv_missing_column, "AK5002", k_error, "column missing",
     "A column the import needs is not in the header: survey exports need one column with the "
     "respondent and one with the team.",
     "Add the column, or rename its header to one of the names the message lists."},
    {csv_unknown_column, "AK5003", k_warning, "column not matched",
     "A column matches no question of the questionnaire, by id or by text, so its answers are not "
     "counted.",
     "Rename the header to the question's id or its exact text; the hint names the closest question."},
    {csv_bad_value, "AK5004", k_error, "value not understood",
     "A cell holds a value that the question's scale does not offer (by number or by label), or "
     "a team alignkit does not know.",
     "Use one of the values the hint lists, or leave the cell empty to skip the question."},
});

} // namespace

std::string_view to_string(Severity severity)
{
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "info";
    }
    throw std::logic_error("unknown severity");
}

std::span<const CodeInfo> all_codes() { return k_codes; }

const CodeInfo& info(Code code)
{
    const auto& entry = k_codes.at(static_cast<std::size_t>(code));
    if (entry.code != code) {
        throw std::logic_error("the code table is out of enum order");
    }
    return entry;
}

std::string_view to_string(Code code) { return info(code).id; }

std::optional<Code> parse_code(std::string_view id)
{
    std::string upper(id);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (const auto& entry : k_codes) {
        if (entry.id == upper) {
            return entry.code;
        }
    }
    return std::nullopt;
}

} // namespace alignkit
