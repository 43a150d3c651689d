#include "config/declarations.hpp"

#include "alignkit/util/text.hpp"

#include <array>
#include <fmt/format.h>
#include <stdexcept>

namespace alignkit::decl {
namespace {

// Small constructors so the declarations below read like the documents they describe.
TypeRef make(TypeDecl decl) { return std::make_shared<const TypeDecl>(std::move(decl)); }

TypeDecl of_kind(ValueKind kind)
{
    TypeDecl t;
    t.kind = kind;
    return t;
}

TypeRef text(std::string_view description = {})
{
    auto t = of_kind(ValueKind::text);
    t.description = description;
    return make(std::move(t));
}
TypeRef name() { return make(of_kind(ValueKind::name)); }
TypeRef duration() { return make(of_kind(ValueKind::duration)); }
TypeRef date() { return make(of_kind(ValueKind::date)); }
TypeRef boolean() { return make(of_kind(ValueKind::boolean)); }
TypeRef time_range() { return make(of_kind(ValueKind::time_range)); }

TypeRef integer(std::optional<double> minimum = {}, std::optional<double> maximum = {})
{
    auto t = of_kind(ValueKind::integer);
    t.minimum = minimum;
    t.maximum = maximum;
    return make(std::move(t));
}

TypeRef positive_number()
{
    auto t = of_kind(ValueKind::number);
    t.minimum = 0.0;
    t.exclusive_minimum = true;
    return make(std::move(t));
}

TypeRef percentage()
{
    auto t = of_kind(ValueKind::percentage);
    t.minimum = 0.0;
    t.maximum = 100.0;
    return make(std::move(t));
}

template <class E> TypeRef enumeration()
{
    auto t = of_kind(ValueKind::enumeration);
    t.values = enum_names<E>();
    return make(std::move(t));
}

TypeRef constant(std::span<const std::string_view> value)
{
    auto t = of_kind(ValueKind::constant);
    t.values = value;
    return make(std::move(t));
}

TypeRef list_of(TypeRef items, std::size_t min_items = 0)
{
    auto t = of_kind(ValueKind::list);
    t.items = std::move(items);
    t.min_items = min_items;
    return make(std::move(t));
}

TypeRef map_of(TypeRef values)
{
    auto t = of_kind(ValueKind::map);
    t.items = std::move(values);
    return make(std::move(t));
}

TypeRef object(std::vector<FieldDecl> fields, std::vector<std::string_view> one_required = {})
{
    auto t = of_kind(ValueKind::object);
    t.fields = std::move(fields);
    t.one_required = std::move(one_required);
    return make(std::move(t));
}

TypeRef one_of(std::vector<TypeRef> alternatives, std::string_view description)
{
    auto t = of_kind(ValueKind::one_of);
    t.description = description;
    t.alternatives = std::move(alternatives);
    return make(std::move(t));
}

FieldDecl required(std::string_view key, TypeRef type, std::string_view description)
{
    return {key, std::move(type), true, description};
}

FieldDecl optional(std::string_view key, TypeRef type, std::string_view description)
{
    return {key, std::move(type), false, description};
}

constexpr std::array<std::string_view, 1> k_api_versions{k_api_version};
constexpr std::array<std::string_view, 1> k_skip{"skip"};

// A reference to another document: its name, `Kind/name`, or a path relative to this file.
TypeRef reference() { return text("a document name, Kind/name, or a relative file path"); }

TypeRef questionnaire_spec()
{
    auto option = object({
        required("value", integer(), "The number this answer scores."),
        required("label", text(), "What the respondent sees, such as 'Strongly agree'."),
    });
    auto scale = object({
        required("id", name(), "How questions refer to this scale."),
        optional("title", text(), "A short title."),
        required("options", list_of(option, 2), "The answers, in the order respondents see them."),
    });
    auto question = object({
        required("id", name(), "Unique across the questionnaire; responses answer by this id."),
        required("text", text(), "The statement or question the respondent rates."),
        required("stage", enumeration<Stage>(), "The maturity stage that a high score evidences."),
        optional("scale", name(), "The answer scale; defaults to the questionnaire's `scale`."),
        optional("weight", positive_number(), "Relative weight within its dimension (default 1)."),
        optional("reverse", boolean(), "True when agreeing is evidence against the stage (default false)."),
        optional("help", text(), "Shown on request while answering: what the question means."),
        optional("criteria", list_of(text()), "What a consultant checks to qualify the answer."),
    });
    auto dimension = object({
        required("id", name(), "A short id, unique across the questionnaire."),
        required("title", text(), "The dimension's title."),
        optional("description", text(), "What the dimension covers."),
        optional("weight", positive_number(), "Relative weight in the overall result (default 1)."),
        required("questions", list_of(question, 1), "The questions of this dimension."),
    });
    return object({
        optional("version", text(), "The questionnaire's own version, shown in reports."),
        optional("scale", name(), "The default answer scale of every question."),
        required("scales", list_of(scale, 1), "Reusable answer scales."),
        required("dimensions", list_of(dimension, 1), "The dimensions of the relationship, each with questions."),
    });
}

TypeRef response_spec()
{
    auto value = one_of({integer(), constant(k_skip)}, "a scale value (a whole number) or 'skip'");
    auto answer = one_of({integer(), constant(k_skip),
                          object({
                              required("value", value, "A scale value, or `skip`."),
                              optional("note", text(), "The respondent's comment on this answer."),
                          })},
                         "a scale value, 'skip', or a mapping with 'value' and 'note'");
    return object({
        required("questionnaire", reference(), "The Questionnaire these answers belong to."),
        required("respondent",
                 object({
                     required("id", name(), "An id or pseudonym; reports never need a real name."),
                     required("team", enumeration<Team>(), "The respondent's team."),
                     optional("role", text(), "The respondent's role, such as 'SDR' or 'VP Marketing'."),
                 }),
                 "Who answered."),
        required("date", date(), "When the questionnaire was answered."),
        required("answers", map_of(answer), "Answers by question id: a scale value or `skip`."),
    });
}

TypeRef lead_definitions_spec()
{
    auto field = object({
        required("name", name(), "How criteria refer to the field."),
        required("type", enumeration<FieldType>(), "The field's type."),
        optional("column", text(), "The CSV column it is read from (default: the name)."),
        optional("description", text(), "What the field holds."),
        optional("zone", text(),
                 "For times: the IANA time zone its times without a zone are in (default: the SLA calendar's, "
                 "else UTC)."),
        optional("missing", list_of(text()),
                 "Values that mean 'not answered' (such as `Select` or `unknown`): read as empty."),
        optional("ignore_case", boolean(), "For text: compare without regard to case (ASCII letters)."),
    });
    auto evidence = list_of(enumeration<Evidence>(), 1);
    auto stage = object({
        required("id", name(), "A short id such as `mql`."),
        required("name", text(), "The stage's name, such as 'Marketing-qualified lead'."),
        required("owner", enumeration<Team>(), "The team responsible for leads in this stage."),
        required("entry", text(), "The criteria a lead meets to enter the stage (an expression)."),
        optional("exit", text(), "The criteria for leaving the stage (an expression)."),
        optional("clock", duration(), "How long a lead may stay in the stage under the SLA."),
        optional("description", text(), "What the stage means, in plain words."),
        optional("reached", evidence,
                 "How the audit knows a lead reached the stage, any of: `date` (its date field is set; the "
                 "default), `entry` (its entry criteria hold on the record), `later` (a later stage was reached), "
                 "`all` (every record of the export has)."),
        optional("at", name(), "The datetime field that dates the stage (default: `<id>_at`)."),
    });
    auto reason = object({
        required("code", name(), "The reason code recorded in the CRM."),
        optional("label", text(), "The reason in plain words."),
    });
    auto exit = object({
        required("id", name(), "A short id such as `disqualified` or `recycled`."),
        required("name", text(), "The exit's name."),
        optional("owner", enumeration<Team>(), "The team that decides this exit."),
        optional("reasons", list_of(reason), "The reason codes a lead may leave with."),
        optional("to", name(), "For a recycle path: the lifecycle stage leads return to."),
        optional("entry", text(), "The criteria a record meets when the lead took this exit (an expression)."),
        optional("reached", evidence,
                 "How the audit knows a lead took the exit: `date` (its date field is set; the default) and/or "
                 "`entry` (its entry criteria hold)."),
        optional("at", name(), "The datetime field that dates the exit (default: `<id>_at`)."),
    });
    auto roles = object({
        optional("lead_id", name(), "The field that identifies a lead (default: `lead_id`)."),
        optional("owner", name(), "The field naming the lead's owner (default: `owner`)."),
        optional("source", name(), "The field naming where the lead came from (default: `source`)."),
        optional("assigned_at", name(), "When the lead was handed to its owner (default: `assigned_at`)."),
        optional("first_touch_at", name(), "When the owner first contacted the lead (default: `first_touch_at`)."),
        optional("attempts", name(), "How many contact attempts were made (default: `touch_attempts`)."),
        optional("attempt_times", list_of(name(), 1), "The datetime fields of the contact attempts, one each."),
        optional("disqualify_reason", name(), "Why the lead was disqualified (default: `disqualify_reason`)."),
    });
    return object({
        optional("fields", list_of(field), "The lead fields criteria may use."),
        required("stages", list_of(stage, 1), "The lifecycle stages, in order."),
        optional("exits", list_of(exit), "Ways out of the lifecycle, with their reason codes."),
        optional("roles", roles, "The fields `sla audit` reads for each of its roles."),
    });
}

TypeRef sla_spec()
{
    auto contact = object({
        required("name", text(), "The person's name."),
        optional("role", text(), "Their role."),
        optional("email", text(), "How to reach them."),
    });
    auto party = object({
        required("team", enumeration<Team>(), "The team."),
        optional("name", text(), "The team's name in this company."),
        optional("contact", contact, "The point of contact for scheduling and agendas."),
    });
    auto target = object(
        {
            required("id", name(), "A short id."),
            optional("title", text(), "The target in plain words."),
            required("owner", enumeration<Team>(), "The team accountable for it."),
            optional("volume",
                     object({
                         required("stage", name(), "The lifecycle stage whose entries are counted."),
                         required("per", enumeration<Period>(), "The period counted over."),
                         required("min", positive_number(), "The least acceptable count per period."),
                     }),
                     "A volume target: leads entering a stage per period."),
            optional("conversion",
                     object({
                         required("from", name(), "The earlier lifecycle stage."),
                         required("to", name(), "The later lifecycle stage."),
                         required("min", percentage(), "The least acceptable rate, such as `25%`."),
                     }),
                     "A conversion target: the share of leads that move from one stage to another."),
        },
        {"volume", "conversion"});
    auto meeting = object({
        required("id", name(), "A short id."),
        required("title", text(), "The meeting's name."),
        required("cadence", enumeration<Cadence>(), "How often it meets."),
        required("owner", enumeration<Team>(), "The team that schedules it and sets the agenda."),
        required("attendees", list_of(enumeration<Team>(), 1), "The teams that attend."),
        optional("agenda", list_of(text()), "Standing agenda items."),
    });
    auto feedback = object({
        required("from", enumeration<Team>(), "The team giving feedback."),
        required("to", enumeration<Team>(), "The team receiving it."),
        required("about", text(), "What the feedback covers."),
        required("cadence", enumeration<Cadence>(), "How often it is given."),
    });
    auto review = object({
        required("cadence", enumeration<Cadence>(), "How often the SLA is reviewed."),
        optional("next", date(), "The date of the next review."),
        optional("process", text(), "How the review is run and changes agreed."),
    });
    auto signatory = object({
        required("name", text(), "The person signing."),
        optional("title", text(), "Their title."),
        required("team", enumeration<Team>(), "The team they sign for."),
        optional("date", date(), "When they signed."),
    });
    return object({
        required("version", text(), "The SLA's version, such as '2.1'."),
        optional("purpose", text(), "Why the agreement exists, in a few sentences."),
        required("effective", date(), "The date the SLA takes effect."),
        optional("term", duration(), "How long it runs before it must be renewed, such as `52w`."),
        required("leads", reference(), "The LeadDefinitions the SLA's terms refer to."),
        required("parties", list_of(party, 2), "The teams bound by the SLA, with their points of contact."),
        optional("targets", list_of(target), "What each team commits to deliver."),
        optional("handoff",
                 object({
                     required("stage", name(), "Entering this lifecycle stage starts the hand-off clock."),
                     required("within", duration(), "How soon marketing hands the lead to sales."),
                 }),
                 "When marketing hands leads to sales."),
        optional("follow_up",
                 object({
                     required("first_contact", duration(), "How soon after hand-off sales makes first contact."),
                     required("attempts", integer(1.0), "The least number of contact attempts."),
                     required("window", duration(), "The time from hand-off within which the attempts are made."),
                     optional("spacing", duration(), "The least time between two attempts."),
                 }),
                 "How sales follows up on leads it receives."),
        optional(
            "capacity",
            object({
                required("reps", integer(1.0), "The people who make contact attempts."),
                required("attempts_per_day", integer(1.0), "The contact attempts one person makes in a working day."),
            }),
            "Who follows up, so `alignkit sla check` can tell whether the follow-up terms can be met."),
        optional("disqualification",
                 object({
                     required("exit", name(), "The exit stage of disqualified leads."),
                     optional("reason_required", boolean(),
                              "Whether every disqualification needs a reason code (default true)."),
                 }),
                 "The rule for discarding leads."),
        optional("calendar",
                 object({
                     required("time_zone", text(), "An IANA time zone such as `America/Chicago`."),
                     required("days", list_of(enumeration<Weekday>(), 1), "The working days."),
                     required("hours", time_range(), "The working hours, such as `09:00-17:00`."),
                     optional("holidays", list_of(date()), "Days that do not count."),
                 }),
                 "Business hours: when present, SLA clocks count working time only."),
        optional("meetings", list_of(meeting), "Recurring meetings between the teams."),
        optional("feedback", list_of(feedback), "Feedback loops between the teams."),
        optional("engagement", list_of(text()), "Rules of engagement: how, when and what the teams communicate."),
        optional("disengagement",
                 object({
                     optional("consequences", list_of(text()), "What happens when a shared goal is missed."),
                     optional("disputes", text(), "How disagreements are raised and settled."),
                     optional("review", review, "When and how the SLA is reviewed."),
                     optional("dissolution", list_of(text()), "What would dissolve the SLA."),
                 }),
                 "Rules of disengagement."),
        optional("glossaries", list_of(reference()), "The Glossary documents that define the SLA's terms."),
        optional("signatories", list_of(signatory), "The people who sign the SLA."),
    });
}

TypeRef glossary_spec()
{
    auto term = object({
        required("term", text(), "The term as both teams write it, such as 'MQL'."),
        required("definition", text(), "What it means, in one or two sentences."),
        optional("owner", enumeration<Team>(), "The team the term comes from; leave out when both use it."),
        optional("aliases", list_of(text()), "Other spellings that mean the same."),
        optional("related", list_of(text()), "Related terms in this or another glossary."),
    });
    return object({required("terms", list_of(term, 1), "The terms.")});
}

TypeRef make_document_type(Kind kind, TypeRef spec)
{
    static constexpr std::array<std::string_view, 5> k_kind_names = EnumNames<Kind>::names;
    auto kind_name = std::span<const std::string_view>(&k_kind_names[static_cast<std::size_t>(kind)], 1);
    auto metadata = object({
        required("name", name(), "A slug, unique among documents of this kind."),
        optional("title", text(), "A human title."),
        optional("description", text(), "What the document is for."),
        optional("labels", map_of(text()), "Free-form key/value labels."),
    });
    return object({
        required("apiVersion", constant(k_api_versions), "Always `alignkit/v1`."),
        required("kind", constant(kind_name), "What the document is."),
        required("metadata", metadata, "The document's name and description."),
        required("spec", std::move(spec), "The content of the document."),
    });
}

} // namespace

const FieldDecl* TypeDecl::field(std::string_view key) const
{
    for (const auto& f : fields) {
        if (f.name == key) {
            return &f;
        }
    }
    return nullptr;
}

const TypeDecl& document_type(Kind kind)
{
    static const std::array<TypeRef, 5> k_types{
        make_document_type(Kind::Questionnaire, questionnaire_spec()),
        make_document_type(Kind::Response, response_spec()),
        make_document_type(Kind::ServiceLevelAgreement, sla_spec()),
        make_document_type(Kind::LeadDefinitions, lead_definitions_spec()),
        make_document_type(Kind::Glossary, glossary_spec()),
    };
    return *k_types.at(static_cast<std::size_t>(kind));
}

const TypeDecl& settings_type()
{
    static const TypeRef k_type = [] {
        auto level = of_kind(ValueKind::enumeration);
        level.values = k_levels;
        auto severity = of_kind(ValueKind::map);
        severity.items = make(std::move(level));
        severity.description = "Per code (AK3015): error, warning, info, or off to report none of its findings.";
        return object({
            optional("severity", make(std::move(severity)),
                     "The severity of each code's findings, in place of its default (`alignkit explain CODE`)."),
            optional("exclude", list_of(text()),
                     "Files and folders left out, as .gitignore lines relative to this file's folder."),
            optional("as_of", date(), "The day date checks take as today, such as a review's due date."),
            optional("sarif",
                     object({
                         optional("information_uri", text(),
                                  "An http(s) address about alignkit where this repository's people read it, "
                                  "for tool.driver.informationUri."),
                         optional("help_uri", text(),
                                  "An http(s) address of each code's help, `{code}` standing for the code "
                                  "(https://wiki.example.com/alignkit/{code}), for each rule's helpUri."),
                     }),
                     "Links SARIF reports carry: alignkit has no public home page of its own to point to."),
        });
    }();
    return *k_type;
}

std::string expected_phrase(const TypeDecl& type)
{
    switch (type.kind) {
    case ValueKind::text:
        return "text";
    case ValueKind::name:
        return "a name (lowercase letters, digits, '-' or '_')";
    case ValueKind::integer:
        return "a whole number";
    case ValueKind::number:
        return "a number";
    case ValueKind::boolean:
        return "true or false";
    case ValueKind::duration:
        return "a duration such as 90m, 24h or 3d";
    case ValueKind::date:
        return "a date such as 2027-01-31";
    case ValueKind::time_range:
        return "working hours such as 09:00-17:00";
    case ValueKind::percentage:
        return "a percentage such as 25%";
    case ValueKind::enumeration:
        return "one of " + quoted_list(type.values);
    case ValueKind::constant:
        return fmt::format("'{}'", type.values.front());
    case ValueKind::object:
        return "a mapping";
    case ValueKind::list:
        return "a list";
    case ValueKind::map:
        return "a mapping";
    case ValueKind::one_of:
        return std::string(type.description);
    }
    throw std::logic_error("unknown value kind");
}

} // namespace alignkit::decl
