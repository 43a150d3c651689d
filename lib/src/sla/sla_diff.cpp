#include "alignkit/sla/sla_diff.hpp"

#include "alignkit/util/text.hpp"
#include "config/document_index.hpp"
#include "util/escape.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace alignkit {
namespace {

std::string words(Duration d) { return to_words(d); }

std::string words(Cadence c) { return c == Cadence::as_needed ? "as needed" : std::string(to_string(c)); }
std::string words(Team t) { return std::string(to_string(t)); }
std::string words(Weekday w) { return std::string(to_string(w)); }
std::string words(Period p) { return std::string(to_string(p)); }
std::string words(Date d) { return to_string(d); }
std::string words(const std::string& s) { return s.empty() ? "(none)" : s; }
std::string words(int n) { return std::to_string(n); }
std::string words(bool b) { return b ? "yes" : "no"; }

template <class T> std::string words(const std::vector<T>& items)
{
    std::vector<std::string> parts;
    parts.reserve(items.size());
    for (const auto& i : items) {
        parts.push_back(words(i));
    }
    return parts.empty() ? "(none)" : fmt::format("{}", fmt::join(parts, ", "));
}

class Differ {
  public:
    std::vector<SlaChange> changes;

    // "label: before -> after" when the two differ.
    template <class T> void value(std::string_view section, std::string_view label, const T& before, const T& after)
    {
        if (!(before == after)) {
            add(section, fmt::format("{}: {} → {}", label, words(before), words(after)));
        }
    }

    template <class T>
    void optional(std::string_view section, std::string_view label, const std::optional<T>& before,
                  const std::optional<T>& after)
    {
        if (before && after) {
            value(section, label, *before, *after);
        } else if (before) {
            add(section, fmt::format("{} removed (was {})", label, words(*before)));
        } else if (after) {
            add(section, fmt::format("{} added: {}", label, words(*after)));
        }
    }

    // Items of a list compared as a set of texts: "added: ...", "removed: ...".
    void texts(std::string_view section, std::string_view what, const std::vector<std::string>& before,
               const std::vector<std::string>& after)
    {
        for (const auto& b : before) {
            if (std::find(after.begin(), after.end(), b) == after.end()) {
                add(section, fmt::format("{} removed: {}", what, b));
            }
        }
        for (const auto& a : after) {
            if (std::find(before.begin(), before.end(), a) == before.end()) {
                add(section, fmt::format("{} added: {}", what, a));
            }
        }
    }

    void add(std::string_view section, std::string text) { changes.push_back({std::string(section), std::move(text)}); }
};

std::vector<std::string> values(const std::vector<Located<std::string>>& items)
{
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& i : items) {
        out.push_back(i.value);
    }
    return out;
}

std::string describe(const Target& t)
{
    std::string what = t.title.empty() ? t.id.value : t.title;
    if (t.volume) {
        return fmt::format("{} ({}): at least {:g} leads reach {} each {}", what, words(t.owner), t.volume->min.value,
                           t.volume->stage.value, words(t.volume->per));
    }
    if (t.conversion) {
        return fmt::format("{} ({}): at least {:g}% of {} become {}", what, words(t.owner),
                           t.conversion->min_percent.value, t.conversion->from.value, t.conversion->to.value);
    }
    return what;
}

void targets(Differ& d, const ServiceLevelAgreement& before, const ServiceLevelAgreement& after)
{
    constexpr std::string_view s = "Targets";
    for (const auto& b : before.targets) {
        auto it = std::find_if(after.targets.begin(), after.targets.end(),
                               [&](const Target& t) { return t.id.value == b.id.value; });
        if (it == after.targets.end()) {
            d.add(s, "target removed: " + describe(b));
            continue;
        }
        const std::string name = b.title.empty() ? b.id.value : b.title;
        d.value(s, name + ", owner", b.owner, it->owner);
        if (b.volume && it->volume) {
            d.value(s, name + ", minimum", fmt::format("{:g} a {}", b.volume->min.value, words(b.volume->per)),
                    fmt::format("{:g} a {}", it->volume->min.value, words(it->volume->per)));
            d.value(s, name + ", stage", b.volume->stage.value, it->volume->stage.value);
        } else if (b.conversion && it->conversion) {
            d.value(s, name + ", minimum rate", fmt::format("{:g}%", b.conversion->min_percent.value),
                    fmt::format("{:g}%", it->conversion->min_percent.value));
            d.value(s, name + ", stages", fmt::format("{} to {}", b.conversion->from.value, b.conversion->to.value),
                    fmt::format("{} to {}", it->conversion->from.value, it->conversion->to.value));
        } else {
            d.value(s, name, describe(b), describe(*it));
        }
    }
    for (const auto& a : after.targets) {
        if (std::none_of(before.targets.begin(), before.targets.end(),
                         [&](const Target& t) { return t.id.value == a.id.value; })) {
            d.add(s, "target added: " + describe(a));
        }
    }
}

void meetings(Differ& d, const ServiceLevelAgreement& before, const ServiceLevelAgreement& after)
{
    constexpr std::string_view s = "Meetings and feedback";
    for (const auto& b : before.meetings) {
        auto it = std::find_if(after.meetings.begin(), after.meetings.end(),
                               [&](const Meeting& m) { return m.id.value == b.id.value; });
        if (it == after.meetings.end()) {
            d.add(s, fmt::format("meeting removed: {} ({})", b.title, words(b.cadence)));
            continue;
        }
        d.value(s, it->title + ", cadence", b.cadence, it->cadence);
        d.value(s, it->title + ", owner", b.owner, it->owner);
        d.value(s, it->title + ", attendees", b.attendees, it->attendees);
        d.value(s, "meeting title", b.title, it->title);
        d.texts(s, it->title + ", agenda item", b.agenda, it->agenda);
    }
    for (const auto& a : after.meetings) {
        if (std::none_of(before.meetings.begin(), before.meetings.end(),
                         [&](const Meeting& m) { return m.id.value == a.id.value; })) {
            d.add(s, fmt::format("meeting added: {} ({}, owned by {})", a.title, words(a.cadence), words(a.owner)));
        }
    }
    // Feedback loops are known by who gives feedback to whom about what.
    auto key = [](const FeedbackLoop& f) {
        return fmt::format("from {} to {} about {}", words(f.from), words(f.to), f.about);
    };
    for (const auto& b : before.feedback) {
        auto it = std::find_if(after.feedback.begin(), after.feedback.end(),
                               [&](const FeedbackLoop& f) { return key(f) == key(b); });
        if (it == after.feedback.end()) {
            d.add(s, "feedback removed: " + key(b));
        } else {
            d.value(s, "feedback " + key(b), b.cadence.value, it->cadence.value);
        }
    }
    for (const auto& a : after.feedback) {
        if (std::none_of(before.feedback.begin(), before.feedback.end(),
                         [&](const FeedbackLoop& f) { return key(f) == key(a); })) {
            d.add(s, fmt::format("feedback added: {}, {}", key(a), words(a.cadence.value)));
        }
    }
}

// The name of the document a reference reaches, or the reference as written.
std::string reached(const Located<std::string>& ref, Kind kind, const Document& from, std::span<const Document> set)
{
    Diagnostics ignored;
    const Document* doc = DocumentIndex(set).resolve(ref, kind, from, ignored);
    return doc != nullptr ? doc->metadata.name.value : ref.value;
}

std::vector<std::string> reached(const std::vector<Located<std::string>>& refs, Kind kind, const Document& from,
                                 std::span<const Document> set)
{
    std::vector<std::string> out;
    out.reserve(refs.size());
    for (const auto& r : refs) {
        out.push_back(reached(r, kind, from, set));
    }
    return out;
}

} // namespace

std::vector<SlaChange> diff_slas(const Document& before_doc, std::span<const Document> before_set,
                                 const Document& after_doc, std::span<const Document> after_set)
{
    const auto& before = std::get<ServiceLevelAgreement>(before_doc.spec);
    const auto& after = std::get<ServiceLevelAgreement>(after_doc.spec);
    Differ d;
    constexpr std::string_view agreement = "Agreement";
    d.value(agreement, "version", before.version, after.version);
    d.value(agreement, "effective", before.effective.value, after.effective.value);
    d.optional(agreement, "term", before.term ? std::optional(before.term->value) : std::nullopt,
               after.term ? std::optional(after.term->value) : std::nullopt);
    d.value(agreement, "purpose", before.purpose, after.purpose);
    d.value(agreement, "lead definitions", reached(before.leads, Kind::LeadDefinitions, before_doc, before_set),
            reached(after.leads, Kind::LeadDefinitions, after_doc, after_set));
    d.texts(agreement, "glossary", reached(before.glossaries, Kind::Glossary, before_doc, before_set),
            reached(after.glossaries, Kind::Glossary, after_doc, after_set));

    constexpr std::string_view parties = "Parties";
    std::map<Team, const Party*> old_parties;
    for (const auto& p : before.parties) {
        old_parties[p.team.value] = &p;
    }
    for (const auto& p : after.parties) {
        auto it = old_parties.find(p.team.value);
        if (it == old_parties.end()) {
            d.add(parties, "party added: " + words(p.team.value));
            continue;
        }
        const auto& b = *it->second;
        const std::string team = words(p.team.value);
        d.value(parties, team + ", name", b.name, p.name);
        auto contact = [](const Party& x) {
            return x.contact ? fmt::format("{}{}", x.contact->name,
                                           x.contact->email.empty() ? "" : " <" + x.contact->email + ">")
                             : std::string{};
        };
        d.value(parties, team + ", point of contact", contact(b), contact(p));
        old_parties.erase(it);
    }
    for (const auto& [team, p] : old_parties) {
        d.add(parties, "party removed: " + words(team));
    }

    targets(d, before, after);

    constexpr std::string_view handoff = "Hand-off and follow-up";
    auto within = [](const std::optional<Handoff>& h) { return h ? std::optional(h->within.value) : std::nullopt; };
    auto stage = [](const std::optional<Handoff>& h) { return h ? std::optional(h->stage.value) : std::nullopt; };
    d.optional(handoff, "hand-off stage", stage(before.handoff), stage(after.handoff));
    d.optional(handoff, "hand-off", within(before.handoff), within(after.handoff));
    auto fu = [](const std::optional<FollowUp>& f, auto get) { return f ? std::optional(get(*f)) : std::nullopt; };
    d.optional(handoff, "first contact", fu(before.follow_up, [](const FollowUp& f) { return f.first_contact.value; }),
               fu(after.follow_up, [](const FollowUp& f) { return f.first_contact.value; }));
    d.optional(handoff, "minimum attempts", fu(before.follow_up, [](const FollowUp& f) { return f.attempts.value; }),
               fu(after.follow_up, [](const FollowUp& f) { return f.attempts.value; }));
    d.optional(handoff, "follow-up window", fu(before.follow_up, [](const FollowUp& f) { return f.window.value; }),
               fu(after.follow_up, [](const FollowUp& f) { return f.window.value; }));
    auto spacing = [](const std::optional<FollowUp>& f) {
        return f && f->spacing ? std::optional(f->spacing->value) : std::nullopt;
    };
    d.optional(handoff, "time between attempts", spacing(before.follow_up), spacing(after.follow_up));
    auto reps = [](const std::optional<Capacity>& c) { return c ? std::optional(c->reps.value) : std::nullopt; };
    auto per_day = [](const std::optional<Capacity>& c) {
        return c ? std::optional(c->attempts_per_day.value) : std::nullopt;
    };
    d.optional(handoff, "people following up", reps(before.capacity), reps(after.capacity));
    d.optional(handoff, "attempts per person per day", per_day(before.capacity), per_day(after.capacity));
    auto reason = [](const std::optional<Disqualification>& q) {
        return q ? std::optional(q->reason_required.value) : std::nullopt;
    };
    d.optional(handoff, "a reason required to disqualify", reason(before.disqualification),
               reason(after.disqualification));
    auto tz = [](const std::optional<Calendar>& c) { return c ? std::optional(c->time_zone.value) : std::nullopt; };
    auto hours = [](const std::optional<Calendar>& c) {
        return c ? std::optional(fmt::format("{}-{}", to_string(c->hours.value.start), to_string(c->hours.value.end)))
                 : std::nullopt;
    };
    auto days = [](const std::optional<Calendar>& c) { return c ? std::optional(c->days) : std::nullopt; };
    d.optional(handoff, "working hours", hours(before.calendar), hours(after.calendar));
    d.optional(handoff, "working days", days(before.calendar), days(after.calendar));
    d.optional(handoff, "time zone", tz(before.calendar), tz(after.calendar));
    auto holidays = [](const std::optional<Calendar>& c) {
        std::vector<std::string> out;
        if (c) {
            for (const auto& h : c->holidays) {
                out.push_back(to_string(h.value));
            }
        }
        return out;
    };
    d.texts(handoff, "holiday", holidays(before.calendar), holidays(after.calendar));

    meetings(d, before, after);
    d.texts("Rules of engagement", "rule", values(before.engagement), values(after.engagement));

    constexpr std::string_view dis = "Disengagement";
    const Disengagement none{};
    const auto& b = before.disengagement ? *before.disengagement : none;
    const auto& a = after.disengagement ? *after.disengagement : none;
    d.texts(dis, "consequence", values(b.consequences), values(a.consequences));
    d.value(dis, "dispute resolution", b.disputes ? b.disputes->value : std::string{},
            a.disputes ? a.disputes->value : std::string{});
    auto cadence = [](const Disengagement& x) { return x.review ? std::optional(x.review->cadence) : std::nullopt; };
    auto next = [](const Disengagement& x) {
        return x.review && x.review->next ? std::optional(x.review->next->value) : std::nullopt;
    };
    d.optional(dis, "review", cadence(b), cadence(a));
    d.optional(dis, "next review", next(b), next(a));
    d.texts(dis, "dissolution condition", values(b.dissolution), values(a.dissolution));

    std::vector<std::string> old_signers, new_signers;
    for (const auto& s : before.signatories) {
        old_signers.push_back(fmt::format("{} ({})", s.name, words(s.team)));
    }
    for (const auto& s : after.signatories) {
        new_signers.push_back(fmt::format("{} ({})", s.name, words(s.team)));
    }
    d.texts("Signatories", "signatory", old_signers, new_signers);
    return std::move(d.changes);
}

std::string render_sla_diff(std::span<const SlaChange> changes, const std::string& title, DiffFormat format)
{
    const auto md = [](std::string_view text) { return markdown_escape(text); };
    std::string out = format == DiffFormat::markdown ? "## " + md(title) + "\n" : title + "\n";
    if (changes.empty()) {
        return terminal_safe(out + (format == DiffFormat::markdown ? "\nNo changes.\n" : "  no changes\n"));
    }
    std::string section;
    for (const auto& c : changes) {
        if (c.section != section) {
            section = c.section;
            out += format == DiffFormat::markdown ? "\n### " + md(section) + "\n\n" : "\n" + section + "\n";
        }
        out += format == DiffFormat::markdown ? "- " + markdown_block(c.text) + "\n" : wrap(c.text, 78, "  - ", "    ");
    }
    return terminal_safe(out);
}

} // namespace alignkit
