#include "alignkit/sla/sla_review.hpp"

#include "alignkit/guide/glossary_book.hpp"
#include "alignkit/util/text.hpp"
#include "config/document_index.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace alignkit {
namespace {

constexpr std::array<std::string_view, 6> k_groups{"definitions",   "targets",     "engagement",
                                                   "disengagement", "feasibility", "consistency"};

// AK40xx definitions, AK41xx targets, ... AK45xx consistency.
std::size_t group_of(Code code)
{
    const auto id = info(code).id;
    return static_cast<std::size_t>(id[3] - '0');
}

std::string plural(double n, std::string_view word) { return fmt::format("{:g} {}{}", n, word, n == 1 ? "" : "s"); }

class Reviewer {
  public:
    Reviewer(const Document& doc, const ServiceLevelAgreement& sla, const DocumentIndex& index, Diagnostics& diags)
        : m_doc(doc), m_sla(sla), m_index(index), m_diags(diags)
    {
        Diagnostics ignored; // references were already reported by validate
        if (const Document* leads = m_index.resolve(sla.leads, Kind::LeadDefinitions, doc, ignored)) {
            m_leads = std::get_if<LeadDefinitions>(&leads->spec);
        }
        for (const auto& ref : sla.glossaries) {
            if (const Document* g = m_index.resolve(ref, Kind::Glossary, doc, ignored); g && g->has_spec()) {
                m_glossaries.push_back(g);
            }
        }
    }

    SlaReview run()
    {
        definitions();
        targets();
        engagement();
        disengagement();
        feasibility();
        consistency();
        SlaReview review{m_doc.metadata.name.value, m_doc.file, {}, m_feasibility};
        for (auto name : k_groups) {
            review.groups.push_back({name, 0, 0, 0});
        }
        for (const auto& d : m_found.all()) {
            auto& g = review.groups.at(group_of(d.code));
            (d.severity == Severity::error ? g.errors : d.severity == Severity::warning ? g.warnings : g.infos)++;
        }
        m_diags.append(m_found);
        return review;
    }

  private:
    const Document& m_doc;
    const ServiceLevelAgreement& m_sla;
    const DocumentIndex& m_index;
    Diagnostics& m_diags;
    Diagnostics m_found;
    const LeadDefinitions* m_leads = nullptr;
    std::vector<const Document*> m_glossaries;
    std::string m_feasibility;

    Diagnostic& add(Code code, Position pos, std::string message, std::string hint = {})
    {
        return m_found.add(code, m_doc.file, pos, std::move(message), std::move(hint));
    }

    Position sla_pos() const { return m_doc.metadata.name.pos; }

    // --- definitions of terms --------------------------------------------------------
    bool glossary_defines(std::string_view word) const
    {
        const auto key = lower_ascii(word);
        for (const auto* doc : m_glossaries) {
            for (const auto& term : std::get<Glossary>(doc->spec).terms) {
                if (lower_ascii(term.term.value) == key) {
                    return true;
                }
                for (const auto& alias : term.aliases) {
                    if (lower_ascii(alias.value) == key) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    void definitions()
    {
        if (m_sla.glossaries.empty()) {
            add(Code::sla_no_glossary, sla_pos(), "the SLA refers to no glossary, so its terms are defined nowhere",
                "add 'glossaries:' with the Glossary that defines MQL, SQL and the other stages the SLA names");
        }
        // Each lifecycle stage the SLA relies on must be defined, by its id or its name.
        std::vector<std::string> done;
        auto need = [&](const Located<std::string>& ref) {
            if (ref.value.empty() || std::find(done.begin(), done.end(), ref.value) != done.end() ||
                m_glossaries.empty()) {
                return;
            }
            done.push_back(ref.value);
            std::string name;
            if (m_leads != nullptr) {
                for (const auto& stage : m_leads->stages) {
                    if (stage.id.value == ref.value) {
                        name = stage.name;
                    }
                }
                for (const auto& exit : m_leads->exits) {
                    if (exit.id.value == ref.value) {
                        name = exit.name;
                    }
                }
            }
            if (glossary_defines(ref.value) || (!name.empty() && glossary_defines(name))) {
                return;
            }
            add(Code::term_undefined, ref.pos,
                fmt::format("the SLA relies on '{}'{} but no glossary it refers to defines it", ref.value,
                            name.empty() ? "" : fmt::format(" ({})", name)),
                find_term(builtin_glossary(), ref.value) != nullptr
                    ? fmt::format("add '{}' as a term or alias; 'alignkit glossary {}' has a definition to start from",
                                  ref.value, ref.value)
                    : fmt::format("add '{}' as a term or alias to the SLA's glossary", ref.value));
        };
        if (m_sla.handoff) {
            need(m_sla.handoff->stage);
        }
        for (const auto& target : m_sla.targets) {
            if (target.volume) {
                need(target.volume->stage);
            }
            if (target.conversion) {
                need(target.conversion->from);
                need(target.conversion->to);
            }
        }
        if (m_sla.disqualification) {
            need(m_sla.disqualification->exit);
        }
        // The same term defined in other words by two glossaries the SLA uses.
        for (std::size_t i = 0; i < m_glossaries.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                for (const auto& later : std::get<Glossary>(m_glossaries[i]->spec).terms) {
                    for (const auto& earlier : std::get<Glossary>(m_glossaries[j]->spec).terms) {
                        if (lower_ascii(later.term.value) == lower_ascii(earlier.term.value) &&
                            later.definition != earlier.definition) {
                            m_found.add(
                                Code::term_defined_twice, m_glossaries[i]->file, later.term.pos,
                                fmt::format("'{}' is defined differently in glossary '{}'", later.term.value,
                                            m_glossaries[j]->metadata.name.value),
                                fmt::format("compare with {}:{}", m_glossaries[j]->file, earlier.term.pos.line));
                        }
                    }
                }
            }
        }
    }

    // --- targets and deliverables ----------------------------------------------------
    void targets()
    {
        if (m_sla.targets.empty()) {
            add(Code::no_targets, sla_pos(), "the SLA sets no targets",
                "add 'targets': MQLs per month for marketing, the MQL-to-SQL rate for sales");
            return;
        }
        for (const auto& party : m_sla.parties) {
            const Team team = party.team.value;
            if (team != Team::marketing && team != Team::sales) {
                continue;
            }
            const bool owns = std::any_of(m_sla.targets.begin(), m_sla.targets.end(),
                                          [&](const Target& t) { return t.owner == team; });
            if (!owns) {
                add(Code::team_without_target, party.team.pos,
                    fmt::format("{} owns no target in this SLA", to_string(team)),
                    "add a target with 'owner: " + std::string(to_string(team)) + "'");
            }
        }
    }

    // --- rules of engagement -----------------------------------------------------------
    void engagement()
    {
        if (!m_sla.handoff) {
            add(Code::no_handoff, sla_pos(), "the SLA does not say when marketing hands leads to sales",
                "add 'handoff: {stage: mql, within: 4h}'");
        }
        if (!m_sla.follow_up) {
            add(Code::no_follow_up, sla_pos(), "the SLA does not say how sales follows up on leads",
                "add 'follow_up' with first_contact, attempts and window");
        }
        for (const auto& party : m_sla.parties) {
            if (!party.contact) {
                add(Code::no_point_of_contact, party.team.pos,
                    fmt::format("{} has no point of contact", to_string(party.team.value)),
                    "add 'contact: {name: ..., email: ...}'");
            }
        }
        const bool joint = std::any_of(m_sla.meetings.begin(), m_sla.meetings.end(), [](const Meeting& m) {
            auto attends = [&](Team t) {
                return std::find(m.attendees.begin(), m.attendees.end(), t) != m.attendees.end();
            };
            return m.cadence != Cadence::as_needed && attends(Team::sales) && attends(Team::marketing);
        });
        if (!joint) {
            add(Code::no_joint_meeting, sla_pos(), "no recurring meeting brings sales and marketing together",
                "add a meeting with 'attendees: [sales, marketing]' and a cadence");
        }
        auto flows = [&](Team from, Team to) {
            return std::any_of(m_sla.feedback.begin(), m_sla.feedback.end(),
                               [&](const FeedbackLoop& f) { return f.from == from && f.to == to; });
        };
        for (auto [from, to] : {std::pair{Team::sales, Team::marketing}, std::pair{Team::marketing, Team::sales}}) {
            if (!flows(from, to)) {
                add(Code::one_way_feedback, sla_pos(),
                    fmt::format("no feedback loop from {} to {}", to_string(from), to_string(to)),
                    fmt::format("add 'feedback: [{{from: {}, to: {}, about: ..., cadence: ...}}]'", to_string(from),
                                to_string(to)));
            }
        }
        if (m_sla.engagement.empty()) {
            add(Code::no_engagement_rules, sla_pos(), "the SLA has no rules of engagement",
                "add 'engagement' with how, when and what the teams communicate");
        }
        for (const auto& rule : m_sla.engagement) {
            vague(rule, "rule of engagement");
        }
    }

    // --- rules of disengagement ----------------------------------------------------------
    void disengagement()
    {
        const auto* rules = m_sla.disengagement ? &*m_sla.disengagement : nullptr;
        if (rules == nullptr || rules->consequences.empty()) {
            add(Code::no_consequences, sla_pos(), "the SLA does not say what happens when a shared goal is missed",
                "add 'disengagement.consequences'");
        }
        if (rules == nullptr || !rules->disputes) {
            add(Code::no_dispute_resolution, sla_pos(), "the SLA does not say how disagreements are settled",
                "add 'disengagement.disputes'");
        }
        if (rules == nullptr || !rules->review) {
            add(Code::no_review, sla_pos(), "the SLA does not say when and how it is reviewed",
                "add 'disengagement.review' with a cadence and the next date");
        } else if (!rules->review->next) {
            add(Code::no_review, sla_pos(), "the SLA's review has no next date", "add 'next: YYYY-MM-DD'");
        }
        if (rules == nullptr || rules->dissolution.empty()) {
            add(Code::no_dissolution, sla_pos(), "the SLA does not say what would dissolve it",
                "add 'disengagement.dissolution'");
        }
        if (rules != nullptr) {
            for (const auto& c : rules->consequences) {
                vague(c, "consequence");
            }
            if (rules->disputes) {
                vague(*rules->disputes, "dispute resolution");
            }
            for (const auto& d : rules->dissolution) {
                vague(d, "dissolution condition");
            }
        }
    }

    // A placeholder, or too few words to act on.
    void vague(const Located<std::string>& clause, std::string_view what)
    {
        const auto key = lower_ascii(clause.value);
        std::size_t words = 0;
        bool in_word = false;
        for (char c : clause.value) {
            const bool letter = std::isspace(static_cast<unsigned char>(c)) == 0;
            words += letter && !in_word ? 1 : 0;
            in_word = letter;
        }
        constexpr std::array<std::string_view, 7> k_placeholders{"tbd", "todo", "tba", "n/a", "-", "?", "none"};
        const bool placeholder = std::find(k_placeholders.begin(), k_placeholders.end(), key) != k_placeholders.end() ||
                                 key.starts_with("tbd") || key.starts_with("todo");
        if (placeholder || words < 3) {
            add(Code::vague_clause, clause.pos, fmt::format("the {} '{}' is too vague to act on", what, clause.value),
                "say who does what, and when, in a full sentence");
        }
    }

    // --- feasibility -----------------------------------------------------------------
    static double weeks_in(Period p)
    {
        switch (p) {
        case Period::week:
            return 1;
        case Period::month:
            return 52.0 / 12;
        case Period::quarter:
            return 13;
        case Period::year:
            return 52;
        }
        return 1;
    }

    void feasibility()
    {
        const VolumeTarget* volume = nullptr;
        for (const auto& t : m_sla.targets) {
            if (t.volume &&
                (volume == nullptr || (m_sla.handoff && t.volume->stage.value == m_sla.handoff->stage.value))) {
                volume = &*t.volume;
            }
        }
        std::vector<std::string_view> missing;
        if (volume == nullptr) {
            missing.push_back("a volume target (the expected leads)");
        }
        if (!m_sla.follow_up) {
            missing.push_back("follow_up (attempts per lead)");
        }
        if (!m_sla.capacity) {
            missing.push_back("capacity (reps and attempts per day)");
        }
        if (!missing.empty()) {
            m_feasibility = "not checked: needs " + quoted_list(missing, "and");
            add(Code::feasibility_unknown, sla_pos(),
                fmt::format("cannot tell whether the follow-up terms can be met without {}",
                            quoted_list(missing, "and")),
                "add what is missing");
            return;
        }
        const auto& capacity = *m_sla.capacity;
        const double days_per_week = m_sla.calendar ? static_cast<double>(m_sla.calendar->days.size()) : 5.0;
        const double holidays_per_period =
            m_sla.calendar ? static_cast<double>(m_sla.calendar->holidays.size()) * weeks_in(volume->per) / 52.0 : 0.0;
        const double working_days = days_per_week * weeks_in(volume->per) - holidays_per_period;
        const double leads = volume->min.value;
        const double attempts = m_sla.follow_up->attempts.value;
        const double needed = leads * attempts;
        const double available = capacity.reps.value * capacity.attempts_per_day.value * working_days;
        const std::string per(to_string(volume->per));
        std::string arithmetic = fmt::format(
            "{:g} leads entering '{}' a {} x {} = {:.0f} attempts needed; {} x {} a day x {:.1f} working days = "
            "{:.0f} available",
            leads, volume->stage.value, per, plural(attempts, "attempt"), needed, plural(capacity.reps.value, "rep"),
            plural(capacity.attempts_per_day.value, "attempt"), working_days, available);
        const double margin = available - needed;
        if (margin < 0) {
            m_feasibility = fmt::format("short by {:.0f} attempts a {}: {}", -margin, per, arithmetic);
            add(Code::capacity_shortfall, capacity.reps.pos,
                fmt::format("sales cannot make the promised attempts: {}; short by {:.0f} ({:.0f}%)", arithmetic,
                            -margin, -margin / needed * 100),
                fmt::format("add {} rep(s), or lower the attempts per lead",
                            std::ceil(-margin / (capacity.attempts_per_day.value * working_days))));
        } else {
            m_feasibility = fmt::format("headroom {:.0f} attempts a {} ({:.0f}%): {}", margin, per,
                                        needed > 0 ? margin / needed * 100 : 100.0, arithmetic);
            add(Code::capacity_headroom, capacity.reps.pos, fmt::format("follow-up capacity: {}", m_feasibility));
        }
    }

    // --- consistency with the lead lifecycle and the meeting calendar ---------------------
    void consistency()
    {
        if (m_leads != nullptr && m_sla.handoff) {
            const auto& stages = m_leads->stages;
            auto it = std::find_if(stages.begin(), stages.end(),
                                   [&](const LifecycleStage& s) { return s.id.value == m_sla.handoff->stage.value; });
            if (it != stages.end() && it->clock && m_sla.handoff->within.value > it->clock->value) {
                add(Code::handoff_exceeds_clock, m_sla.handoff->within.pos,
                    fmt::format("hand-off may take {} but stage '{}' allows {}", to_string(m_sla.handoff->within.value),
                                it->id.value, to_string(it->clock->value)),
                    "make the hand-off time at most the stage's clock");
            } else if (it != stages.end() && it->clock && std::next(it) != stages.end() && std::next(it)->clock &&
                       m_sla.follow_up) {
                const Duration promised{m_sla.handoff->within.value.minutes +
                                        m_sla.follow_up->first_contact.value.minutes};
                const Duration allowed{it->clock->value.minutes + std::next(it)->clock->value.minutes};
                if (promised > allowed) {
                    add(Code::handoff_exceeds_clock, m_sla.follow_up->first_contact.pos,
                        fmt::format("hand-off {} + first contact {} = {}, more than the {} that stages '{}' and '{}' "
                                    "allow together",
                                    to_string(m_sla.handoff->within.value),
                                    to_string(m_sla.follow_up->first_contact.value), to_string(promised),
                                    to_string(allowed), it->id.value, std::next(it)->id.value),
                        "shorten the SLA's times or lengthen the stage clocks");
                }
            }
        }
        for (const auto& loop : m_sla.feedback) {
            if (loop.cadence.value == Cadence::as_needed) {
                continue;
            }
            const bool carried = std::any_of(m_sla.meetings.begin(), m_sla.meetings.end(), [&](const Meeting& m) {
                auto attends = [&](Team t) {
                    return std::find(m.attendees.begin(), m.attendees.end(), t) != m.attendees.end();
                };
                return m.cadence != Cadence::as_needed && m.cadence <= loop.cadence.value && attends(loop.from) &&
                       attends(loop.to);
            });
            if (!carried) {
                add(Code::feedback_outpaces_meetings, loop.cadence.pos,
                    fmt::format("feedback from {} to {} is {} but no meeting they share is that frequent",
                                to_string(loop.from), to_string(loop.to), to_string(loop.cadence.value)),
                    fmt::format("add a {} meeting with both teams, or say how the feedback is given",
                                to_string(loop.cadence.value)));
            }
        }
    }
};

} // namespace

std::vector<SlaReview> review_slas(std::span<const Document> documents, const CheckOptions& /*options*/,
                                   Diagnostics& diags)
{
    DocumentIndex index(documents);
    std::vector<SlaReview> reviews;
    for (const auto& doc : documents) {
        if (const auto* sla = std::get_if<ServiceLevelAgreement>(&doc.spec)) {
            reviews.push_back(Reviewer(doc, *sla, index, diags).run());
        }
    }
    return reviews;
}

std::string render_sla_review_text(std::span<const SlaReview> reviews, Date as_of)
{
    std::string out;
    for (const auto& r : reviews) {
        out += fmt::format("\n{} ({}), as of {}\n", r.name, r.file, to_string(as_of));
        for (const auto& g : r.groups) {
            std::vector<std::string> counts;
            if (g.errors > 0) {
                counts.push_back(fmt::format("{} error{}", g.errors, g.errors == 1 ? "" : "s"));
            }
            if (g.warnings > 0) {
                counts.push_back(fmt::format("{} warning{}", g.warnings, g.warnings == 1 ? "" : "s"));
            }
            std::string status = counts.empty() ? "ok" : fmt::format("{}", fmt::join(counts, ", "));
            if (g.name == "feasibility") {
                status = g.errors > 0 ? "cannot be met: " + r.feasibility : r.feasibility;
            }
            out += wrap(status, 78, fmt::format("  {:<14} ", g.name), std::string(17, ' '));
        }
    }
    return terminal_safe(out);
}

} // namespace alignkit
