#include "config/build_model.hpp"

#include "config/yaml_tree.hpp"

namespace alignkit {
namespace {

// Readers for a checked mapping: a missing key yields the default. Each reads one key.
const yaml::Node* get(const yaml::Node& map, std::string_view key) { return yaml::child(map, key); }

std::string text(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    return node && node->is_scalar() ? node->value : std::string{};
}

Located<std::string> located_text(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    if (!node || !node->is_scalar()) {
        return {{}, map.pos};
    }
    return {node->value, node->pos};
}

std::optional<Located<std::string>> optional_text(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    if (!node || !node->is_scalar()) {
        return std::nullopt;
    }
    return Located<std::string>{node->value, node->pos};
}

double number(const yaml::Node& map, std::string_view key, double fallback)
{
    auto node = get(map, key);
    auto value = node && node->is_scalar() ? yaml::parse_number(node->value) : std::nullopt;
    return value.value_or(fallback);
}

Located<double> located_number(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    if (!node || !node->is_scalar()) {
        return {0.0, map.pos};
    }
    return {yaml::parse_number(node->value).value_or(0.0), node->pos};
}

Located<int> located_int(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    if (!node || !node->is_scalar()) {
        return {0, map.pos};
    }
    return {static_cast<int>(yaml::parse_integer(node->value).value_or(0)), node->pos};
}

bool boolean(const yaml::Node& map, std::string_view key, bool fallback)
{
    auto node = get(map, key);
    auto value = node && node->is_scalar() ? yaml::parse_boolean(node->value) : std::nullopt;
    return value.value_or(fallback);
}

std::optional<Criteria> criteria(const yaml::Node& map, std::string_view key)
{
    const auto* node = get(map, key);
    if (node == nullptr || !node->is_scalar()) {
        return std::nullopt;
    }
    Position start = node->pos;
    if (node->quoted) {
        ++start.column; // past the opening quote
    }
    // Escapes in quoted text change offsets, so only plain and escape-free quoted text is exact.
    const bool exact =
        node->single_line && (node->plain || node->quoted) && node->value.find('\\') == std::string::npos;
    return Criteria{{node->value, start}, exact};
}

template <class E> std::optional<Located<E>> optional_enum(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    if (!node || !node->is_scalar()) {
        return std::nullopt;
    }
    auto value = parse_enum<E>(node->value);
    if (!value) {
        return std::nullopt;
    }
    return Located<E>{*value, node->pos};
}

template <class E> Located<E> located_enum(const yaml::Node& map, std::string_view key)
{
    return optional_enum<E>(map, key).value_or(Located<E>{E{}, map.pos});
}

template <class E> E enum_value(const yaml::Node& map, std::string_view key) { return located_enum<E>(map, key).value; }

std::optional<Located<Duration>> optional_duration(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    auto value = node && node->is_scalar() ? parse_duration(node->value) : std::nullopt;
    if (!value) {
        return std::nullopt;
    }
    return Located<Duration>{*value, node->pos};
}

Located<Duration> located_duration(const yaml::Node& map, std::string_view key)
{
    return optional_duration(map, key).value_or(Located<Duration>{{}, map.pos});
}

std::optional<Located<Date>> optional_date(const yaml::Node& map, std::string_view key)
{
    auto node = get(map, key);
    auto value = node && node->is_scalar() ? parse_date(node->value) : std::nullopt;
    if (!value) {
        return std::nullopt;
    }
    return Located<Date>{*value, node->pos};
}

// Calls `read` for each item of the list under `key`, if any.
template <class Read> void each(const yaml::Node& map, std::string_view key, Read read)
{
    auto node = get(map, key);
    if (!node || !node->is_sequence()) {
        return;
    }
    for (const auto* item : node->items) {
        read(*item);
    }
}

std::vector<std::string> texts(const yaml::Node& map, std::string_view key)
{
    std::vector<std::string> out;
    each(map, key, [&](const yaml::Node& item) {
        if (item.is_scalar()) {
            out.push_back(item.value);
        }
    });
    return out;
}

std::vector<Located<std::string>> located_texts(const yaml::Node& map, std::string_view key)
{
    std::vector<Located<std::string>> out;
    each(map, key, [&](const yaml::Node& item) {
        if (item.is_scalar()) {
            out.push_back({item.value, item.pos});
        }
    });
    return out;
}

template <class E> std::vector<E> enums(const yaml::Node& map, std::string_view key)
{
    std::vector<E> out;
    each(map, key, [&](const yaml::Node& item) {
        if (auto value = item.is_scalar() ? parse_enum<E>(item.value) : std::nullopt) {
            out.push_back(*value);
        }
    });
    return out;
}

Questionnaire build_questionnaire(const yaml::Node& spec)
{
    Questionnaire q;
    q.version = text(spec, "version");
    auto default_scale = located_text(spec, "scale");
    each(spec, "scales", [&](const yaml::Node& node) {
        Scale scale{located_text(node, "id"), text(node, "title"), {}};
        each(node, "options", [&](const yaml::Node& option) {
            scale.options.push_back({located_int(option, "value"), text(option, "label")});
        });
        q.scales.push_back(std::move(scale));
    });
    each(spec, "dimensions", [&](const yaml::Node& node) {
        Dimension dim{
            located_text(node, "id"), text(node, "title"), text(node, "description"), number(node, "weight", 1.0), {}};
        each(node, "questions", [&](const yaml::Node& qn) {
            Question question;
            question.id = located_text(qn, "id");
            question.text = text(qn, "text");
            question.stage = located_enum<Stage>(qn, "stage");
            question.scale = optional_text(qn, "scale").value_or(default_scale);
            if (!get(qn, "scale") && !get(spec, "scale")) {
                question.scale.pos = question.id.pos; // point at the question that lacks a scale
            }
            question.weight = number(qn, "weight", 1.0);
            question.reverse = boolean(qn, "reverse", false);
            question.help = text(qn, "help");
            question.criteria = texts(qn, "criteria");
            dim.questions.push_back(std::move(question));
        });
        q.dimensions.push_back(std::move(dim));
    });
    return q;
}

Response build_response(const yaml::Node& spec)
{
    Response r;
    r.questionnaire = located_text(spec, "questionnaire");
    if (auto who = get(spec, "respondent")) {
        r.respondent = {located_text(*who, "id"), enum_value<Team>(*who, "team"), text(*who, "role")};
    }
    r.date = optional_date(spec, "date").value_or(Located<Date>{{}, spec.pos});
    auto answers = get(spec, "answers");
    if (!answers || !answers->is_map()) {
        return r;
    }
    for (const auto& [key, given] : answers->entries) {
        Answer answer;
        answer.question = {key->value, key->pos};
        const yaml::Node* value = given;
        if (value->is_map()) {
            answer.note = text(*value, "note");
            value = get(*value, "value");
        }
        if (value != nullptr && value->is_scalar() && value->plain) {
            if (auto number = yaml::parse_integer(value->value)) {
                answer.value = Located<int>{static_cast<int>(*number), value->pos};
            }
        }
        r.answers.push_back(std::move(answer));
    }
    return r;
}

LeadDefinitions build_lead_definitions(const yaml::Node& spec)
{
    LeadDefinitions defs;
    each(spec, "fields", [&](const yaml::Node& node) {
        defs.fields.push_back({located_text(node, "name"), enum_value<FieldType>(node, "type"), text(node, "column"),
                               text(node, "description"), optional_text(node, "zone"), texts(node, "missing"),
                               boolean(node, "ignore_case", false)});
    });
    auto evidence = [](const yaml::Node& node) {
        std::vector<Located<Evidence>> ways;
        each(node, "reached", [&](const yaml::Node& item) {
            if (auto way = item.is_scalar() ? parse_enum<Evidence>(item.value) : std::nullopt) {
                ways.push_back({*way, item.pos});
            }
        });
        return ways;
    };
    each(spec, "stages", [&](const yaml::Node& node) {
        defs.stages.push_back({located_text(node, "id"), text(node, "name"), located_enum<Team>(node, "owner"),
                               criteria(node, "entry").value_or(Criteria{{{}, node.pos}, false}),
                               criteria(node, "exit"), optional_duration(node, "clock"), text(node, "description"),
                               evidence(node), optional_text(node, "at")});
    });
    each(spec, "exits", [&](const yaml::Node& node) {
        ExitStage exit{located_text(node, "id"),
                       text(node, "name"),
                       optional_enum<Team>(node, "owner"),
                       {},
                       optional_text(node, "to"),
                       criteria(node, "entry"),
                       evidence(node),
                       optional_text(node, "at")};
        each(node, "reasons", [&](const yaml::Node& reason) {
            exit.reasons.push_back({located_text(reason, "code"), text(reason, "label")});
        });
        defs.exits.push_back(std::move(exit));
    });
    if (const auto* roles = get(spec, "roles"); roles != nullptr && roles->is_map()) {
        for (const auto& role : k_audit_roles) {
            if (auto named = optional_text(*roles, role.first)) {
                defs.roles.fields.emplace(std::string(role.first), std::move(*named));
            }
        }
        defs.roles.attempt_times = located_texts(*roles, "attempt_times");
    }
    return defs;
}

ServiceLevelAgreement build_sla(const yaml::Node& spec)
{
    ServiceLevelAgreement sla;
    sla.version = text(spec, "version");
    sla.purpose = text(spec, "purpose");
    sla.effective = optional_date(spec, "effective").value_or(Located<Date>{{}, spec.pos});
    sla.term = optional_duration(spec, "term");
    sla.leads = located_text(spec, "leads");
    each(spec, "parties", [&](const yaml::Node& node) {
        Party party{located_enum<Team>(node, "team"), text(node, "name"), {}};
        if (auto contact = get(node, "contact")) {
            party.contact = Contact{text(*contact, "name"), text(*contact, "role"), text(*contact, "email")};
        }
        sla.parties.push_back(std::move(party));
    });
    each(spec, "targets", [&](const yaml::Node& node) {
        Target target{located_text(node, "id"), text(node, "title"), enum_value<Team>(node, "owner"), {}, {}};
        if (auto volume = get(node, "volume")) {
            target.volume = VolumeTarget{located_text(*volume, "stage"), enum_value<Period>(*volume, "per"),
                                         located_number(*volume, "min")};
        }
        if (auto conversion = get(node, "conversion")) {
            Located<double> min{0.0, conversion->pos};
            if (auto m = get(*conversion, "min"); m && m->is_scalar()) {
                min = {yaml::parse_percentage(m->value).value_or(0.0), m->pos};
            }
            target.conversion =
                ConversionTarget{located_text(*conversion, "from"), located_text(*conversion, "to"), min};
        }
        sla.targets.push_back(std::move(target));
    });
    if (auto node = get(spec, "handoff")) {
        sla.handoff = Handoff{located_text(*node, "stage"), located_duration(*node, "within")};
    }
    if (auto node = get(spec, "follow_up")) {
        sla.follow_up = FollowUp{located_duration(*node, "first_contact"), located_int(*node, "attempts"),
                                 located_duration(*node, "window"), optional_duration(*node, "spacing")};
    }
    if (const auto* node = get(spec, "capacity")) {
        sla.capacity = Capacity{located_int(*node, "reps"), located_int(*node, "attempts_per_day")};
    }
    if (auto node = get(spec, "disqualification")) {
        Disqualification rule{located_text(*node, "exit"), {true, node->pos}};
        if (auto required = get(*node, "reason_required")) {
            rule.reason_required = {boolean(*node, "reason_required", true), required->pos};
        }
        sla.disqualification = rule;
    }
    if (auto node = get(spec, "calendar")) {
        Calendar calendar{located_text(*node, "time_zone"), enums<Weekday>(*node, "days"), {}, {}};
        if (auto hours = get(*node, "hours"); hours && hours->is_scalar()) {
            calendar.hours = {parse_time_range(hours->value).value_or(TimeRange{}), hours->pos};
        }
        each(*node, "holidays", [&](const yaml::Node& day) {
            if (auto date = day.is_scalar() ? parse_date(day.value) : std::nullopt) {
                calendar.holidays.push_back({*date, day.pos});
            }
        });
        sla.calendar = std::move(calendar);
    }
    each(spec, "meetings", [&](const yaml::Node& node) {
        sla.meetings.push_back({located_text(node, "id"), text(node, "title"), enum_value<Cadence>(node, "cadence"),
                                enum_value<Team>(node, "owner"), enums<Team>(node, "attendees"),
                                texts(node, "agenda")});
    });
    each(spec, "feedback", [&](const yaml::Node& node) {
        sla.feedback.push_back({enum_value<Team>(node, "from"), enum_value<Team>(node, "to"), text(node, "about"),
                                located_enum<Cadence>(node, "cadence")});
    });
    sla.engagement = located_texts(spec, "engagement");
    if (auto node = get(spec, "disengagement")) {
        Disengagement rules{located_texts(*node, "consequences"),
                            optional_text(*node, "disputes"),
                            {},
                            located_texts(*node, "dissolution")};
        if (auto review = get(*node, "review")) {
            rules.review = Review{enum_value<Cadence>(*review, "cadence"), optional_date(*review, "next"),
                                  text(*review, "process")};
        }
        sla.disengagement = std::move(rules);
    }
    sla.glossaries = located_texts(spec, "glossaries");
    each(spec, "signatories", [&](const yaml::Node& node) {
        auto date = optional_date(node, "date");
        sla.signatories.push_back({text(node, "name"), text(node, "title"), enum_value<Team>(node, "team"),
                                   date ? std::optional<Date>(date->value) : std::nullopt});
    });
    return sla;
}

Glossary build_glossary(const yaml::Node& spec)
{
    Glossary glossary;
    each(spec, "terms", [&](const yaml::Node& node) {
        auto owner = optional_enum<Team>(node, "owner");
        glossary.terms.push_back({located_text(node, "term"), text(node, "definition"),
                                  owner ? std::optional<Team>(owner->value) : std::nullopt,
                                  located_texts(node, "aliases"), located_texts(node, "related")});
    });
    return glossary;
}

} // namespace

Metadata build_metadata(const yaml::Node& metadata)
{
    Metadata m;
    m.name = located_text(metadata, "name");
    m.title = text(metadata, "title");
    m.description = text(metadata, "description");
    if (auto labels = get(metadata, "labels"); labels && labels->is_map()) {
        for (const auto& [key, value] : labels->entries) {
            if (key->is_scalar() && value->is_scalar()) {
                m.labels[key->value] = value->value;
            }
        }
    }
    return m;
}

Document::Spec build_spec(Kind kind, const yaml::Node& spec)
{
    switch (kind) {
    case Kind::Questionnaire:
        return build_questionnaire(spec);
    case Kind::Response:
        return build_response(spec);
    case Kind::LeadDefinitions:
        return build_lead_definitions(spec);
    case Kind::ServiceLevelAgreement:
        return build_sla(spec);
    case Kind::Glossary:
        return build_glossary(spec);
    }
    return {};
}

} // namespace alignkit
