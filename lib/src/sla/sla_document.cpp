#include "alignkit/sla/sla_document.hpp"

#include "alignkit/model/criteria.hpp"
#include "alignkit/util/text.hpp"
#include "config/document_index.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>

namespace alignkit {
namespace {

std::string capitalized(std::string_view text)
{
    std::string out(text);
    if (!out.empty()) {
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    }
    return out;
}

std::string team_name(Team team)
{
    switch (team) {
    case Team::revops:
        return "Revenue operations";
    default:
        return capitalized(to_string(team));
    }
}

// "Monday to Friday", or "Monday, Wednesday and Friday".
std::string days_words(const std::vector<Weekday>& days)
{
    constexpr std::string_view k_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
    std::vector<int> sorted;
    sorted.reserve(days.size());
    for (auto d : days) {
        sorted.push_back(static_cast<int>(d));
    }
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.empty()) {
        return "no day";
    }
    const bool run = sorted.size() >= 3 && sorted.back() - sorted.front() + 1 == static_cast<int>(sorted.size());
    if (run) {
        return fmt::format("{} to {}", k_names[sorted.front()], k_names[sorted.back()]);
    }
    std::vector<std::string_view> names;
    names.reserve(sorted.size());
    for (int d : sorted) {
        names.push_back(k_names[d]);
    }
    if (names.size() == 1) {
        return std::string(names.front());
    }
    return fmt::format("{} and {}", fmt::join(names.begin(), names.end() - 1, ", "), names.back());
}

// "Campaigns coming up" inside a sentence: "campaigns coming up", but "MQL quality" stays.
std::string lowered_start(std::string_view text)
{
    std::string out(text);
    if (out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) != 0 &&
        std::islower(static_cast<unsigned char>(out[1])) != 0) {
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    }
    return out;
}

std::string cadence_words(Cadence c)
{
    switch (c) {
    case Cadence::as_needed:
        return "as needed";
    case Cadence::biweekly:
        return "every two weeks";
    default:
        return std::string(to_string(c));
    }
}

std::string date_words(Date d)
{
    constexpr std::string_view k_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {}", d.day, k_months[d.month - 1], d.year);
}

Date add_days(Date d, long days)
{
    // Civil from days (Howard Hinnant), inverse of days_since_epoch.
    long z = days_since_epoch(d) + days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

std::string criteria_words(const Criteria& c)
{
    criteria::Problem problem;
    auto expr = criteria::parse(c.text.value, problem);
    return expr ? capitalized(criteria::to_words(*expr)) : c.text.value;
}

const LifecycleStage* find_stage(const LeadDefinitions* defs, std::string_view id)
{
    if (defs == nullptr) {
        return nullptr;
    }
    for (const auto& s : defs->stages) {
        if (s.id.value == id) {
            return &s;
        }
    }
    return nullptr;
}

// "MQL (Marketing-qualified lead)" when the lead definitions name the stage.
std::string stage_label(const LeadDefinitions* defs, std::string_view id)
{
    const auto* stage = find_stage(defs, id);
    std::string upper(id);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (stage == nullptr) {
        return upper;
    }
    std::string folded_name = stage->name;
    std::transform(folded_name.begin(), folded_name.end(), folded_name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return folded_name == upper ? stage->name : fmt::format("{} ({})", upper, stage->name);
}

// Each team's promises as they are gathered from the parts of the SLA; marketing and sales
// always have a place.
class PromiseBook {
  public:
    PromiseBook()
    {
        of(Team::marketing);
        of(Team::sales);
    }
    std::vector<std::string>& of(Team t)
    {
        auto [it, inserted] = m_by_team.try_emplace(t, Commitments{team_name(t), {}});
        return it->second.promises;
    }
    std::vector<std::string>& of_both() { return m_both.promises; }
    // Marketing, sales, then any other team, then what both teams promise; teams without a
    // promise are left out.
    std::vector<Commitments> take()
    {
        std::vector<Commitments> out;
        // std::map orders teams as the enum does: sales, marketing, ...; the SLA reads marketing first.
        for (Team t : {Team::marketing, Team::sales, Team::leadership, Team::revops, Team::other}) {
            if (auto it = m_by_team.find(t); it != m_by_team.end() && !it->second.promises.empty()) {
                out.push_back(std::move(it->second));
            }
        }
        if (!m_both.promises.empty()) {
            out.push_back(std::move(m_both));
        }
        return out;
    }

  private:
    std::map<Team, Commitments> m_by_team;
    Commitments m_both{"Both teams", {}};
};

void add_facts(const Document& doc, const ServiceLevelAgreement& sla, SlaDocument& out)
{
    out.title = doc.metadata.title.empty() ? doc.metadata.name.value : doc.metadata.title;
    out.facts.emplace_back("Version", sla.version);
    out.facts.emplace_back("Effective", date_words(sla.effective.value));
    if (sla.term) {
        const Date end = add_days(sla.effective.value, static_cast<long>(sla.term->value.minutes / (24 * 60)) - 1);
        out.facts.emplace_back("Term", fmt::format("{}, until {}", to_words(sla.term->value), date_words(end)));
    }
    out.facts.emplace_back("Document", doc.metadata.name.value);
    out.parties.header = {"Team", "Name", "Point of contact", "Role", "Email"};
    for (const auto& p : sla.parties) {
        out.parties.rows.push_back({team_name(p.team.value), p.name, p.contact ? p.contact->name : "",
                                    p.contact ? p.contact->role : "", p.contact ? p.contact->email : ""});
    }
    out.purpose = sla.purpose;
}

void add_definitions(const Document& doc, const ServiceLevelAgreement& sla, const DocumentIndex& index,
                     SlaDocument& out)
{
    Diagnostics ignored; // unresolved references are validate's to report
    out.terms.header = {"Term", "Definition"};
    for (const auto& ref : sla.glossaries) {
        if (const Document* g = index.resolve(ref, Kind::Glossary, doc, ignored); g && g->has_spec()) {
            for (const auto& t : std::get<Glossary>(g->spec).terms) {
                out.terms.rows.push_back({t.term.value, t.definition});
            }
        }
    }
    std::sort(out.terms.rows.begin(), out.terms.rows.end(),
              [](const auto& a, const auto& b) { return lower_ascii(a[0]) < lower_ascii(b[0]); });
}

// The funnel cheat sheet: who owns each stage, how a lead enters and leaves it, the exits.
void add_funnel(const LeadDefinitions* leads, SlaDocument& out)
{
    out.stages.header = {"Stage", "Owner", "A lead enters when", "It leaves when", "Time allowed"};
    out.exits.header = {"Exit", "Decided by", "Reasons"};
    if (leads == nullptr) {
        return;
    }
    for (const auto& s : leads->stages) {
        out.stages.rows.push_back({stage_label(leads, s.id.value), team_name(s.owner.value), criteria_words(s.entry),
                                   s.exit ? criteria_words(*s.exit) : "", s.clock ? to_words(s.clock->value) : ""});
    }
    for (const auto& e : leads->exits) {
        std::vector<std::string> reasons;
        for (const auto& r : e.reasons) {
            reasons.push_back(r.label.empty() ? r.code.value : fmt::format("{} ({})", r.label, r.code.value));
        }
        std::string what = fmt::format("{}", fmt::join(reasons, "; "));
        if (e.to) {
            what = fmt::format("returns to {}. {}", stage_label(leads, e.to->value), what);
        }
        out.exits.rows.push_back({e.name, e.owner ? team_name(e.owner->value) : "", what});
    }
}

void add_targets(const ServiceLevelAgreement& sla, const LeadDefinitions* leads, SlaDocument& out,
                 PromiseBook& promises)
{
    out.targets.header = {"Target", "Owner", "Commitment", "How it is measured"};
    for (const auto& t : sla.targets) {
        std::string commitment;
        std::string measured;
        if (t.volume) {
            commitment = fmt::format("At least {:g} leads reach {} each {}", t.volume->min.value,
                                     stage_label(leads, t.volume->stage.value), to_string(t.volume->per));
            measured = fmt::format("Leads that enter {} in the {}, counted once each", t.volume->stage.value,
                                   to_string(t.volume->per));
        } else if (t.conversion) {
            commitment =
                fmt::format("At least {:g}% of {} become {}", t.conversion->min_percent.value,
                            stage_label(leads, t.conversion->from.value), stage_label(leads, t.conversion->to.value));
            measured = fmt::format("Of the leads that entered {}, the share that later entered {}",
                                   t.conversion->from.value, t.conversion->to.value);
        }
        out.targets.rows.push_back({t.title.empty() ? t.id.value : t.title, team_name(t.owner), commitment, measured});
        promises.of(t.owner).push_back(commitment + ".");
    }
}

// Hand-off, follow-up, disqualification and working hours.
void add_rules(const ServiceLevelAgreement& sla, const LeadDefinitions* leads, SlaDocument& out, PromiseBook& promises)
{
    if (sla.handoff) {
        const std::string rule =
            fmt::format("Marketing hands every lead that enters {} to sales within {}.",
                        stage_label(leads, sla.handoff->stage.value), to_words(sla.handoff->within.value));
        out.rules.push_back(rule);
        promises.of(Team::marketing).push_back(rule);
    }
    if (sla.follow_up) {
        const auto& f = *sla.follow_up;
        std::string rule = fmt::format("Sales makes first contact within {} of the hand-off, and at least {} "
                                       "contact attempt{} within {}",
                                       to_words(f.first_contact.value), f.attempts.value,
                                       f.attempts.value == 1 ? "" : "s", to_words(f.window.value));
        if (f.spacing) {
            rule += fmt::format(", at least {} apart", to_words(f.spacing->value));
        }
        out.rules.push_back(rule + ".");
        promises.of(Team::sales).push_back(rule + ".");
    }
    if (sla.disqualification && sla.disqualification->reason_required.value) {
        const std::string rule = "No lead is disqualified without one of the agreed reason codes.";
        out.rules.push_back(rule);
        promises.of(Team::sales).push_back(rule);
    }
    if (sla.calendar) {
        std::vector<std::string> holidays;
        for (const auto& h : sla.calendar->holidays) {
            holidays.push_back(date_words(h.value));
        }
        std::string rule = fmt::format("Times count working hours only: {}, {} to {}, {} time",
                                       days_words(sla.calendar->days), to_string(sla.calendar->hours.value.start),
                                       to_string(sla.calendar->hours.value.end), sla.calendar->time_zone.value);
        if (!holidays.empty()) {
            rule += fmt::format(", except {}", fmt::join(holidays, ", "));
        }
        out.rules.push_back(rule + ".");
    }
}

// Meetings, feedback loops and the rules of engagement.
void add_communication(const ServiceLevelAgreement& sla, SlaDocument& out, PromiseBook& promises)
{
    out.meetings.header = {"Meeting", "Cadence", "Owner", "Attendees", "Agenda"};
    for (const auto& m : sla.meetings) {
        std::vector<std::string> attendees;
        for (auto a : m.attendees) {
            attendees.push_back(team_name(a));
        }
        out.meetings.rows.push_back({m.title, capitalized(cadence_words(m.cadence)), team_name(m.owner),
                                     fmt::format("{}", fmt::join(attendees, ", ")),
                                     fmt::format("{}", fmt::join(m.agenda, "; "))});
        promises.of(m.owner).push_back(
            fmt::format("Schedules and chairs the {} ({}).", m.title, cadence_words(m.cadence)));
    }
    out.feedback.header = {"From", "To", "About", "Cadence"};
    for (const auto& f : sla.feedback) {
        out.feedback.rows.push_back(
            {team_name(f.from), team_name(f.to), f.about, capitalized(cadence_words(f.cadence.value))});
        promises.of(f.from).push_back(
            fmt::format("Tells {} {}: {}.", to_string(f.to), cadence_words(f.cadence.value), lowered_start(f.about)));
    }
    for (const auto& e : sla.engagement) {
        promises.of_both().push_back(e.value);
    }
}

// Consequences, disputes, review and dissolution, then who signs.
void add_disengagement(const ServiceLevelAgreement& sla, SlaDocument& out)
{
    if (sla.disengagement) {
        const auto& d = *sla.disengagement;
        for (const auto& c : d.consequences) {
            out.consequences.push_back(c.value);
        }
        out.disputes = d.disputes ? d.disputes->value : "";
        if (d.review) {
            std::string when = fmt::format("The SLA is reviewed {}", cadence_words(d.review->cadence));
            if (d.review->next) {
                when += fmt::format("; the next review is on {}", date_words(d.review->next->value));
            }
            out.review.push_back(when + ".");
            if (!d.review->process.empty()) {
                out.review.push_back(d.review->process);
            }
        }
        for (const auto& x : d.dissolution) {
            out.dissolution.push_back(x.value);
        }
    }
    for (const auto& s : sla.signatories) {
        out.signatures.push_back({s.name, s.title, team_name(s.team), s.signed_on ? date_words(*s.signed_on) : ""});
    }
}

} // namespace

SlaDocument build_sla_document(const Document& doc, std::span<const Document> documents)
{
    const auto& sla = std::get<ServiceLevelAgreement>(doc.spec);
    DocumentIndex index(documents);
    Diagnostics ignored; // unresolved references are validate's to report
    const LeadDefinitions* leads = nullptr;
    if (const Document* d = index.resolve(sla.leads, Kind::LeadDefinitions, doc, ignored)) {
        leads = std::get_if<LeadDefinitions>(&d->spec);
    }
    SlaDocument out;
    PromiseBook promises;
    add_facts(doc, sla, out);
    add_definitions(doc, sla, index, out);
    add_funnel(leads, out);
    add_targets(sla, leads, out, promises);
    add_rules(sla, leads, out, promises);
    add_communication(sla, out, promises);
    out.commitments = promises.take();
    add_disengagement(sla, out);
    return out;
}

std::vector<SlaSection> sla_sections(const SlaDocument& d)
{
    using Block = SlaBlock::Kind;
    auto paragraph = [](const std::string& text) { return SlaBlock{Block::paragraph, text, {}, nullptr}; };
    auto lead_in = [](const std::string& text) { return SlaBlock{Block::lead_in, text, {}, nullptr}; };
    auto list = [](const std::vector<std::string>& items) { return SlaBlock{Block::list, {}, items, nullptr}; };
    auto table = [](const TextTable& t) { return SlaBlock{Block::table, {}, {}, &t}; };

    std::vector<SlaSection> out;
    out.push_back({"Parties", 2, {table(d.parties)}});
    if (!d.purpose.empty()) {
        out.push_back({"Purpose", 2, {paragraph(d.purpose)}});
    }
    out.push_back({"Definitions", 2, {table(d.terms)}});
    if (!d.stages.rows.empty()) {
        out.push_back({"Who owns what: the funnel from top to bottom", 3, {table(d.stages), table(d.exits)}});
    }
    SlaSection commitments{"Commitments", 2, {}};
    for (const auto& c : d.commitments) {
        commitments.blocks.push_back({Block::subheading, c.team, {}, nullptr});
        commitments.blocks.push_back(list(c.promises));
    }
    out.push_back(std::move(commitments));
    if (!d.targets.rows.empty()) {
        out.push_back({"Targets", 2, {table(d.targets)}});
    }
    out.push_back({"Hand-off and follow-up", 2, {list(d.rules)}});
    out.push_back({"Communication", 2, {table(d.meetings), table(d.feedback)}});
    SlaSection disputes{"Escalation and disputes", 2, {}};
    if (!d.disputes.empty()) {
        disputes.blocks.push_back(paragraph(d.disputes));
    }
    if (!d.consequences.empty()) {
        disputes.blocks.push_back(lead_in("When a shared goal is missed:"));
        disputes.blocks.push_back(list(d.consequences));
    }
    out.push_back(std::move(disputes));
    SlaSection review{"Review and dissolution", 2, {list(d.review)}};
    if (!d.dissolution.empty()) {
        review.blocks.push_back(lead_in("This agreement ends if:"));
        review.blocks.push_back(list(d.dissolution));
    }
    out.push_back(std::move(review));
    return out;
}

} // namespace alignkit
